"""Local maxima of an image as coordinates (scikit-image's ``peak_local_max``).

A pixel is a **peak** when it equals the maximum of its neighbourhood (the footprint, by
default a ``(2 * min_distance + 1)``-wide square) and exceeds the threshold:

1. ``maximum = max filter of the image`` (grey dilation by the footprint, edges extended
   with the nearest pixel); candidates are the pixels with ``image == maximum`` and
   ``image > threshold``, where ``threshold = max(threshold_abs or image.min(),
   threshold_rel * image.max())``.  A plateau gives one candidate per pixel.  A *trivial*
   image (every pixel equal to its neighbourhood maximum: a constant image) has no peaks.
2. Candidates within ``exclude_border`` pixels of the edge are dropped.
3. Candidates are sorted by decreasing value (a stable sort: ties stay in raster order)
   and then thinned **greedily**: a candidate is kept unless a kept one lies closer than
   ``min_distance`` (Minkowski ``p_norm`` distance, Chebyshev by default); at most
   ``num_peaks`` are kept.  Kept peaks are filed in a grid of cells ``min_distance`` wide,
   so only the 3**ndim cells around a candidate are searched: ``O(C)`` for ``C`` candidates
   (the reference queries a KD-tree).

With ``labels``, steps 1-3 run separately in each labelled region's bounding box (pixels of
other regions count as the dtype's minimum), keeping ``num_peaks_per_label`` per region;
the regions' peaks are concatenated in label order, and thinned once more over the whole
image if there are more than ``num_peaks``.

Implementation: step 1 does not build the max-filtered image: a pixel above the threshold
is tested against its footprint neighbours directly, nearest first, stopping at the first
larger one — most pixels stop after one or two looks.  With labels, one sweep tests every
region's pixels inside its own bounding box (the reference's per-region crops, edges
included), one stable sort orders all candidates by (label, value), and one kernel thins
each label's run.  Images of more than 3 dimensions, NaNs and the flat-region special case
go through the reference's formulation (a grey dilation from ``scratch.morphology``).

Reference: scikit-image ``skimage/feature/peak.py`` and ``skimage/_shared/coord.py``.
"""


import operator

import numpy as np

from .._checks import native_byte_order
from .._jit import jit
from ..morphology import dilation

__all__ = ["peak_local_max"]


# --- greedy thinning ---------------------------------------------------------------------------

@jit
def _distance(a, b, p_norm):
    """Minkowski distance between two integer points (``p_norm = inf``: Chebyshev)."""
    if p_norm == np.inf:
        d = 0.0
        for k in range(a.shape[0]):
            d = max(d, abs(float(a[k] - b[k])))
        return d
    if p_norm == 1.0:
        d = 0.0
        for k in range(a.shape[0]):
            d += abs(float(a[k] - b[k]))
        return d
    if p_norm == 2.0:
        d = 0.0
        for k in range(a.shape[0]):
            t = float(a[k] - b[k])
            d += t * t
        return np.sqrt(d)
    d = 0.0
    for k in range(a.shape[0]):
        d += abs(float(a[k] - b[k])) ** p_norm
    return d ** (1.0 / p_norm)


@jit
def _thin(coords, shape3, spacing, p_norm, max_out):
    """Indices of the ``coords`` (sorted, ``(C, 3)`` in a 3-D frame) kept by greedy thinning.

    Kept points are filed in a grid of cells ``ceil(spacing)`` wide (a linked list per cell):
    a point closer than ``spacing`` to a candidate lies in the candidate's cell or in one of
    the cells around it.
    """
    cell = max(int(np.ceil(spacing)), 1)
    nz = shape3[0] // cell + 1
    ny = shape3[1] // cell + 1
    nx = shape3[2] // cell + 1
    head = np.full(nz * ny * nx, -1, np.int64)  # first kept point of each cell
    nxt = np.full(coords.shape[0], -1, np.int64)  # next kept point in the same cell
    keep = np.empty(coords.shape[0], np.int64)
    n_keep = 0
    for i in range(coords.shape[0]):
        if n_keep >= max_out:
            break
        cz = coords[i, 0] // cell
        cy = coords[i, 1] // cell
        cx = coords[i, 2] // cell
        close = False
        for zz in range(max(cz - 1, 0), min(cz + 2, nz)):
            for yy in range(max(cy - 1, 0), min(cy + 2, ny)):
                for xx in range(max(cx - 1, 0), min(cx + 2, nx)):
                    j = head[(zz * ny + yy) * nx + xx]
                    while j >= 0:
                        if _distance(coords[i], coords[j], p_norm) < spacing:
                            close = True
                            break
                        j = nxt[j]
                    if close:
                        break
                if close:
                    break
            if close:
                break
        if not close:
            c = (cz * ny + cy) * nx + cx
            nxt[i] = head[c]
            head[c] = i
            keep[n_keep] = i
            n_keep += 1
    return keep[:n_keep]


@jit
def _thin_any_ndim(coords, spacing, p_norm, max_out):
    """Greedy thinning by comparing with every kept point (images of more than 3 dimensions)."""
    keep = np.empty(coords.shape[0], np.int64)
    n_keep = 0
    for i in range(coords.shape[0]):
        if n_keep >= max_out:
            break
        close = False
        for k in range(n_keep):
            if _distance(coords[i], coords[keep[k]], p_norm) < spacing:
                close = True
                break
        if not close:
            keep[n_keep] = i
            n_keep += 1
    return keep[:n_keep]


def _high_intensity_peaks(image, mask, num_peaks, min_distance, p_norm):
    """Candidate coordinates sorted by decreasing value, greedily thinned, at most num_peaks.

    ``coord = np.nonzero(mask)`` as an ``(n, ndim)`` array, sorted by decreasing
    ``image[coord]`` with a *stable* sort (equal values stay in raster order).  If
    ``min_distance > 1``, thin greedily: walk the sorted candidates and keep one unless a
    candidate kept before it lies at a Minkowski ``p_norm`` distance (``inf``: Chebyshev,
    ``max_d |a_d - b_d|`` — a square neighbourhood) *smaller than* ``min_distance``; stop
    after ``num_peaks`` kept (``inf``: no limit).  With ``min_distance <= 1`` only the first
    ``num_peaks`` are kept.  Returns an int64 ``(n_kept, ndim)`` array, highest first.
    """
    coord = np.nonzero(mask)
    intensities = image[coord]
    order = np.argsort(-intensities, kind="stable")
    coord = np.transpose(coord)[order]
    max_out = int(num_peaks) if np.isfinite(num_peaks) else coord.shape[0]
    if min_distance > 1 and len(coord):
        p = float(p_norm)
        if image.ndim <= 3:
            lead = (1,) * (3 - image.ndim)
            coords3 = np.ascontiguousarray(np.concatenate(
                [np.zeros((len(coord), 3 - image.ndim), np.int64), coord], axis=1), dtype=np.int64)
            kept = _thin(coords3, np.array(lead + image.shape, np.int64), float(min_distance), p, max_out)
        else:
            kept = _thin_any_ndim(np.ascontiguousarray(coord, dtype=np.int64), float(min_distance), p, max_out)
        coord = coord[kept]
    if len(coord) > num_peaks:
        coord = coord[: int(num_peaks)]
    return coord


# --- candidates ---------------------------------------------------------------------------------

def _isolated_pixels(mask):
    """Pixels of ``mask`` removed by a binary opening with the cross (outside = background)."""
    padded = np.pad(mask, 1)
    inner = tuple(slice(1, -1) for _ in range(mask.ndim))
    eroded = padded.copy()
    for axis in range(mask.ndim):
        for step in (-1, 1):
            shifted = tuple(slice(1 + step, padded.shape[a] - 1 + step) if a == axis else slice(1, -1)
                            for a in range(mask.ndim))
            eroded[inner] &= padded[shifted]
    opened = eroded.copy()
    for axis in range(mask.ndim):
        for step in (-1, 1):
            shifted = tuple(slice(1 + step, padded.shape[a] - 1 + step) if a == axis else slice(1, -1)
                            for a in range(mask.ndim))
            opened[inner] |= eroded[shifted]
    return mask & ~opened[inner]


def _max_filter(image, footprint):
    """``scipy.ndimage.maximum_filter(image, footprint=footprint, mode='nearest')``.

    scratch.morphology.dilation does not mirror the footprint (as skimage); an even-sized
    footprint is padded at its end so that its centre stays at ``size // 2``.
    """
    if not np.any(footprint):
        raise ValueError("All-zero footprint is not supported: `footprint` has no True element")
    pad = [(0, 1 - s % 2) for s in footprint.shape]
    return dilation(image, np.pad(footprint.astype(bool), pad), mode="nearest")


def _peak_mask(image, footprint, threshold, mask=None):
    """The candidate peaks: ``image == max filter of image`` and ``image > threshold``.

    The max filter takes, for every pixel, the maximum over the True elements of
    ``footprint`` centred on it (centre ``size // 2`` along each axis), the image extended
    beyond its edges with its nearest pixel.  A *trivial* result — every pixel equal to its
    neighbourhood maximum, e.g. a constant image — has no candidates (all False).  A
    one-element footprint (or image) gives just ``image > threshold``.  ``mask`` (the
    pixels of one labelled region) is for the search with ``labels``; leave it None.
    Returns a bool array of the image's shape.
    """
    if footprint.size == 1 or image.size == 1:
        return image > threshold
    out = image == _max_filter(image, footprint)
    trivial = np.all(out) if mask is None else np.all(out[mask])
    if trivial:
        out[:] = False
        if mask is not None:
            out[_isolated_pixels(mask)] = True
    out &= image > threshold
    return out


def _exclude_border(label, border_width):
    for i, width in enumerate(border_width):
        if width == 0:
            continue
        label[(slice(None),) * i + (slice(None, width),)] = 0
        label[(slice(None),) * i + (slice(-width, None),)] = 0
    return label


def _border_width(image, min_distance, exclude_border):
    """How many pixels to drop at each edge, one width per axis (a tuple of ``image.ndim`` ints).

    ``exclude_border`` True: ``min_distance`` on every axis; False: 0; an int: that width on
    every axis; a tuple: one width per axis.  A negative width is a ValueError.
    """
    if isinstance(exclude_border, bool):
        return (min_distance if exclude_border else 0,) * image.ndim
    if isinstance(exclude_border, int):
        if exclude_border < 0:
            raise ValueError(f"`exclude_border` cannot be a negative value, got {exclude_border}")
        return (exclude_border,) * image.ndim
    if isinstance(exclude_border, tuple):
        if len(exclude_border) != image.ndim:
            raise ValueError(
                f"`exclude_border` should have the same length as the dimensionality of the image: "
                f"got {len(exclude_border)} items for a {image.ndim}-D image."
            )
        for exclude in exclude_border:
            if not isinstance(exclude, int):
                raise ValueError("`exclude_border`, when expressed as a tuple, must only contain ints.")
            if exclude < 0:
                raise ValueError("`exclude_border` can not be a negative value")
        return exclude_border
    raise TypeError(
        "`exclude_border` must be bool, int, or tuple with the same length as the dimensionality "
        f"of the image, got {exclude_border!r}."
    )


def _fast_path(image, footprint):
    """Whether the one-sweep kernels apply (else the reference's max-filter formulation)."""
    return (image.ndim <= 3 and image.dtype.kind in "uif" and footprint.size > 1 and image.size > 1
            and np.any(footprint) and not (image.dtype.kind == "f" and np.isnan(image).any()))


def _peaks_in_region(image, labels, label, roi, footprint, threshold, num_peaks, min_distance, p_norm, bg_val):
    """The reference's per-region search: steps 1-3 in the region's bounding box."""
    label_mask = labels[roi] == label
    img_object = image[roi].copy()
    img_object[~label_mask] = bg_val
    mask = _peak_mask(img_object, footprint, threshold, label_mask)
    coordinates = _high_intensity_peaks(img_object, mask, num_peaks, min_distance, p_norm)
    for idx, s in enumerate(roi):
        coordinates[:, idx] += s.start
    return coordinates


def _bounding_boxes(labels):
    """``find_objects``: per label 1..max, the bounding-box slices or None (one sweep)."""
    flat = labels.reshape(-1)
    n = int(flat.max()) if flat.size else 0
    if n <= 0:
        return []
    lo = np.full((n + 1, labels.ndim), np.iinfo(np.int64).max, np.int64)
    hi = np.full((n + 1, labels.ndim), -1, np.int64)
    _bbox_kernel(np.ascontiguousarray(labels.reshape(-1), dtype=np.int64),
                 np.array(labels.shape, np.int64), lo, hi)
    return [None if hi[k, 0] < 0 else tuple(slice(int(a), int(b) + 1) for a, b in zip(lo[k], hi[k]))
            for k in range(1, n + 1)]


@jit
def _bbox_kernel(flat, shape, lo, hi):
    ndim = shape.shape[0]
    coord = np.zeros(ndim, np.int64)
    for p in range(flat.shape[0]):
        lab = flat[p]
        if lab > 0:
            for k in range(ndim):
                if coord[k] < lo[lab, k]:
                    lo[lab, k] = coord[k]
                if coord[k] > hi[lab, k]:
                    hi[lab, k] = coord[k]
        k = ndim - 1  # advance the n-D coordinate
        while k >= 0:
            coord[k] += 1
            if coord[k] < shape[k]:
                break
            coord[k] = 0
            k -= 1


@jit
def _local_maxima_above(image, offsets, threshold, centre_in, out):
    """``out = (image == max filter(image)) & (image > threshold)`` without the max filter.

    A pixel above the threshold is a candidate when no neighbour (edges repeated, 'nearest')
    is larger; the search stops at the first larger neighbour, the near ones tried first.
    (If the footprint leaves out its centre, the maximum is over the neighbours only: a
    candidate must also equal one of them.)  Returns whether some examined pixel was *not*
    a maximum (then the image is not trivial).
    """
    nz, ny, nx = image.shape
    seen_non_max = False
    for z in range(nz):
        for y in range(ny):
            for x in range(nx):
                v = image[z, y, x]
                if not v > threshold:
                    out[z, y, x] = False
                    continue
                is_max = True
                equal = centre_in
                for k in range(offsets.shape[0]):
                    zz = min(max(z + offsets[k, 0], 0), nz - 1)
                    yy = min(max(y + offsets[k, 1], 0), ny - 1)
                    xx = min(max(x + offsets[k, 2], 0), nx - 1)
                    w = image[zz, yy, xx]
                    if w > v:
                        is_max = False
                        break
                    if w == v:
                        equal = True
                is_max = is_max and equal
                out[z, y, x] = is_max
                if not is_max:
                    seen_non_max = True
    return seen_non_max


def _offsets3(footprint, ndim):
    """The footprint's neighbour offsets from its centre (``size // 2``), nearest first, as 3-D."""
    centre = np.array(footprint.shape) // 2
    offsets = np.argwhere(footprint) - centre
    offsets = offsets[np.argsort(np.abs(offsets).sum(axis=1), kind="stable")]
    return np.ascontiguousarray(np.concatenate([np.zeros((len(offsets), 3 - ndim), np.int64), offsets], axis=1),
                                dtype=np.int64)


def _fast_peak_mask(image, footprint, threshold):
    """``_peak_mask`` for images of at most 3 dimensions, by :func:`_local_maxima_above`."""
    lead = (1,) * (3 - image.ndim)
    img3 = np.ascontiguousarray(image.reshape(lead + image.shape))
    out = np.empty(img3.shape, bool)
    centre_in = bool(footprint[tuple(np.array(footprint.shape) // 2)])
    seen_non_max = _local_maxima_above(img3, _offsets3(footprint, image.ndim), threshold, centre_in, out)
    if not seen_non_max:  # every pixel above the threshold is a maximum: is the image trivial?
        return _peak_mask(image, footprint, threshold)
    return out.reshape(image.shape)


# --- all labels at once ---------------------------------------------------------------------------

@jit
def _label_candidates(image, labels, lo, hi, offsets, threshold, bg_val, centre_in):
    """Peak candidates of every label, each searched in its bounding box as the reference does.

    In label ``L``'s box, a pixel counts with its value if it belongs to ``L`` and as
    ``bg_val`` otherwise; neighbours beyond the box repeat the box's edge ('nearest').  A
    pixel of ``L`` above ``threshold`` is a candidate when no neighbour is larger.  Returns
    ``(label, z, y, x)`` rows in label order, box raster order within a label, and for each
    label whether *every* one of its pixels equals its neighbourhood maximum (a trivial,
    flat region, which the caller handles as the reference does).
    """
    n_labels = lo.shape[0]
    count = 0
    cand = np.empty((16, 4), np.int64)
    trivial = np.zeros(n_labels, np.bool_)
    for lab in range(1, n_labels):
        if hi[lab, 0] < 0:
            continue
        all_max = True
        for z in range(lo[lab, 0], hi[lab, 0] + 1):
            for y in range(lo[lab, 1], hi[lab, 1] + 1):
                for x in range(lo[lab, 2], hi[lab, 2] + 1):
                    if labels[z, y, x] != lab:
                        continue
                    v = image[z, y, x]
                    is_max = True
                    equal = centre_in
                    for k in range(offsets.shape[0]):
                        zz = min(max(z + offsets[k, 0], lo[lab, 0]), hi[lab, 0])
                        yy = min(max(y + offsets[k, 1], lo[lab, 1]), hi[lab, 1])
                        xx = min(max(x + offsets[k, 2], lo[lab, 2]), hi[lab, 2])
                        if labels[zz, yy, xx] == lab:
                            w = image[zz, yy, xx]
                        else:
                            w = bg_val
                        if w > v:
                            is_max = False
                            break
                        if w == v:
                            equal = True
                    is_max = is_max and equal
                    if not is_max:
                        all_max = False
                    elif v > threshold:
                        if count == cand.shape[0]:
                            bigger = np.empty((2 * count, 4), np.int64)
                            bigger[:count] = cand
                            cand = bigger
                        cand[count, 0] = lab
                        cand[count, 1] = z
                        cand[count, 2] = y
                        cand[count, 3] = x
                        count += 1
        trivial[lab] = all_max
    return cand[:count], trivial


@jit
def _thin_segments(coords, starts, ends, lo, hi, spacing, p_norm, max_out, keep):
    """Greedy thinning of each label's sorted candidates ``coords[starts[k]:ends[k]]``."""
    for k in range(starts.shape[0]):
        a = starts[k]
        b = ends[k]
        if a == b:
            continue
        local = coords[a:b].copy()
        for d in range(3):
            local[:, d] -= lo[k, d]
        shape = np.empty(3, np.int64)
        for d in range(3):
            shape[d] = hi[k, d] - lo[k, d] + 1
        kept = _thin(local, shape, spacing, p_norm, max_out)
        for i in range(kept.shape[0]):
            keep[a + kept[i]] = True


def _peaks_all_labels(image, labels, excluded, footprint, threshold, num_peaks_per_label, min_distance, p_norm,
                      bg_val):
    """The labels branch for images of at most 3 dimensions, with one sweep per stage.

    Returns the per-label coordinate blocks in label order, ``None`` where the caller must
    use the per-region path (flat regions, which the reference treats specially).
    """
    ndim = image.ndim
    lead = (1,) * (3 - ndim)
    img3 = np.ascontiguousarray(image.reshape(lead + image.shape))
    lab3 = np.ascontiguousarray(labels.reshape(lead + image.shape), dtype=np.int64)
    exc3 = np.ascontiguousarray(excluded.reshape(lead + image.shape), dtype=np.int64)
    n = int(exc3.max()) if exc3.size else 0
    if n <= 0:
        return []
    lo = np.full((n + 1, 3), np.iinfo(np.int64).max, np.int64)
    hi = np.full((n + 1, 3), -1, np.int64)
    _bbox_kernel(exc3.reshape(-1), np.array(exc3.shape, np.int64), lo, hi)
    offsets = _offsets3(footprint, ndim)
    centre_in = bool(footprint[tuple(np.array(footprint.shape) // 2)])
    cand, trivial = _label_candidates(img3, lab3, lo, hi, offsets, threshold, bg_val, centre_in)
    values = img3[cand[:, 1], cand[:, 2], cand[:, 3]]
    order = np.lexsort((np.arange(len(cand)), -values, cand[:, 0]))  # by label, value down, stable
    cand = cand[order]
    labs = cand[:, 0]
    present = np.flatnonzero(hi[:, 0] >= 0)
    present = present[present > 0]
    starts = np.searchsorted(labs, present, side="left")
    ends = np.searchsorted(labs, present, side="right")
    coords = np.ascontiguousarray(cand[:, 1:])
    max_out = int(num_peaks_per_label) if np.isfinite(num_peaks_per_label) else len(coords)
    if min_distance > 1:
        keep = np.zeros(len(coords), bool)
        _thin_segments(coords, starts.astype(np.int64), ends.astype(np.int64), lo[present], hi[present],
                       float(min_distance), float(p_norm), max_out, keep)
    else:
        rank = np.arange(len(coords)) - np.repeat(starts, ends - starts)
        keep = rank < max_out
    blocks = []
    for k, lab in enumerate(present):
        if trivial[lab]:
            blocks.append(None)
            continue
        block = coords[starts[k]:ends[k]][keep[starts[k]:ends[k]], 3 - ndim:]
        if len(block) > num_peaks_per_label:
            block = block[: int(num_peaks_per_label)]
        blocks.append((lab, block))
    return [(lab, None) if b is None else b for lab, b in zip(present, blocks)]


# --- the public function ------------------------------------------------------------------------

def _check_num_peaks(value, name):
    """``np.inf`` (no limit) or an integer: the reference slices ``coords[:num_peaks]``, a
    TypeError for any other number (there only once more candidates than that are found)."""
    if isinstance(value, (float, np.floating)) and value == np.inf:
        return value
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"`{name}` must be an integer or np.inf, got {value!r}") from None


def peak_local_max(image, min_distance=1, threshold_abs=None, threshold_rel=None, exclude_border=True,
                   num_peaks=np.inf, footprint=None, labels=None, num_peaks_per_label=np.inf, p_norm=np.inf):
    """Find peaks in an image as coordinate list.

    Peaks are the local maxima in a region of ``2 * min_distance + 1`` (i.e. peaks are
    separated by at least `min_distance`), above the threshold, thinned greedily from the
    highest (see the module docstring).  If both `threshold_abs` and `threshold_rel` are
    given, the maximum of the two is used.

    Parameters
    ----------
    image : ndarray
        Input image.
    min_distance : int, optional
        The minimal allowed distance separating peaks; also the default footprint's radius.
    threshold_abs : float or None, optional
        Minimum intensity of peaks. By default, the minimum intensity of the image.
    threshold_rel : float or None, optional
        Minimum intensity of peaks, calculated as ``max(image) * threshold_rel``.
    exclude_border : int, tuple of ints, or bool, optional
        Peaks within this many pixels of the border are excluded (``True``: `min_distance`).
    num_peaks : int, optional
        Maximum number of peaks (the highest ones).
    footprint : ndarray of bools, optional
        The neighborhood of the local maximum test. Overrides `min_distance` for it.
    labels : ndarray of ints, optional
        If provided, each unique region ``labels == value`` is searched separately
        (0 is background).
    num_peaks_per_label : int, optional
        Maximum number of peaks for each label.
    p_norm : float
        Which Minkowski p-norm to use for the distance between peaks (1 to inf).

    Returns
    -------
    output : ndarray
        The coordinates of the peaks, shape ``(n_peaks, image.ndim)``, highest first.

    See Also
    --------
    skimage.feature.peak_local_max : the reference.
    scratch.segmentation.watershed : the peaks of a distance transform make its markers.

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Chebyshev_distance

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.feature import peak_local_max
    >>> img = np.zeros((7, 7))
    >>> img[3, 4] = 1
    >>> img[3, 2] = 1.5
    >>> peak_local_max(img, min_distance=1)
    array([[3, 2],
           [3, 4]])
    >>> peak_local_max(img, min_distance=2)
    array([[3, 2]])
    """
    image = native_byte_order(np.asarray(image))
    num_peaks = _check_num_peaks(num_peaks, "num_peaks")
    num_peaks_per_label = _check_num_peaks(num_peaks_per_label, "num_peaks_per_label")
    if min_distance > 1 and not p_norm > 0:  # (the reference fails inside its spacing step)
        raise ValueError(f"`p_norm` must be a positive Minkowski p (up to inf), got {p_norm!r}")
    if (footprint is None or np.asarray(footprint).size == 1) and min_distance < 1:
        import warnings

        warnings.warn(
            "When min_distance < 1, peak_local_max acts as finding "
            "image > max(threshold_abs, threshold_rel * max(image)).",
            RuntimeWarning,
            stacklevel=2,
        )
    border_width = _border_width(image, min_distance, exclude_border)
    threshold = threshold_abs if threshold_abs is not None else image.min()
    if threshold_rel is not None:
        threshold = max(threshold, threshold_rel * image.max())
    if footprint is None:
        footprint = np.ones((2 * min_distance + 1,) * image.ndim, dtype=bool)
    else:
        footprint = np.asarray(footprint)
    if footprint.size > 1 and image.size > 1 and footprint.ndim != image.ndim:
        # (the reference's maximum filter raises this RuntimeError; a 1-element footprint
        # never reaches it)
        raise RuntimeError(
            f"`footprint` must have as many dimensions as `image`: got a {footprint.ndim}-D "
            f"footprint of shape {footprint.shape} for a {image.ndim}-D image"
        )

    if labels is None:
        if _fast_path(image, footprint):
            mask = _fast_peak_mask(image, footprint.astype(bool), threshold)
        else:
            mask = _peak_mask(image, footprint, threshold)
        mask = _exclude_border(mask, border_width)
        return _high_intensity_peaks(image, mask, num_peaks, min_distance, p_norm)

    labels = native_byte_order(np.asarray(labels))
    if labels.shape != image.shape:
        # (the reference does not check: it searches the regions of `labels` in whatever
        # part of `image` they index, or fails with an IndexError)
        raise ValueError(
            f"`labels` (shape {labels.shape}) must have the same shape as `image` (shape {image.shape})"
        )
    if not np.can_cast(labels.dtype, int, casting="safe"):  # the reference's cast, named
        raise TypeError(f"`labels` must be an integer array (safely castable to int64), got dtype {labels.dtype}")
    excluded = _exclude_border(labels.astype(int, casting="safe"), border_width)
    bg_val = np.finfo(image.dtype).min if image.dtype.kind == "f" else np.iinfo(image.dtype).min
    found = []
    if _fast_path(image, footprint) and bg_val <= threshold:
        regions = _peaks_all_labels(image, labels, excluded, footprint.astype(bool), threshold,
                                    num_peaks_per_label, min_distance, p_norm, bg_val)
        rois = None
        for lab, block in regions:
            if block is None:  # a flat region: the reference's special case, region by region
                if rois is None:
                    rois = _bounding_boxes(excluded)
                block = _peaks_in_region(image, labels, lab, rois[lab - 1], footprint, threshold,
                                         num_peaks_per_label, min_distance, p_norm, bg_val)
            found.append(block)
    else:
        for label_idx, roi in enumerate(_bounding_boxes(excluded)):
            if roi is None:
                continue
            found.append(_peaks_in_region(image, labels, label_idx + 1, roi, footprint, threshold,
                                          num_peaks_per_label, min_distance, p_norm, bg_val))
    coordinates = np.vstack(found) if found else np.empty((0, 2), dtype=int)
    if len(coordinates) > num_peaks:
        out = np.zeros_like(image, dtype=bool)
        out[tuple(coordinates.T)] = True
        coordinates = _high_intensity_peaks(image, out, num_peaks, min_distance, p_norm)
    return coordinates
