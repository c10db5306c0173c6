"""The histogram: how many pixels have each intensity — the engine of exposure and thresholds.

Every intensity operation of the course starts from the histogram: equalisation maps each
grey level through the *cumulative* histogram, and every automatic threshold (Otsu, ISODATA,
triangle, Li, Yen, minimum, multi-Otsu) chooses a bin of it.  This module is the one place in
scratch where a histogram is counted.

Two kinds of bins, as scikit-image has them
-------------------------------------------
* **Integer images** get one bin per integer value, from the smallest to the largest value of
  the image (``source_range='image'``) or of the dtype (``'dtype'``).  Bin ``b`` counts the
  pixels equal to ``lo + b``: a single pass ``counts[v - lo] += 1`` — no rounding at all.
  ``nbins`` is ignored.
* **Float (and bool) images** get ``nbins`` equal-width bins between the image's minimum and
  maximum (or the dtype's range, ``[-1, 1]``).  The edges are ``linspace(lo, hi, nbins + 1)``;
  bin ``b`` holds ``edges[b] <= x < edges[b + 1]``, the last bin also its right edge.
  The bin of ``x`` is first *guessed* as ``int((x - lo) / (hi - lo) * nbins)`` and then moved
  by one if rounding put it on the wrong side of an edge — exactly NumPy's ``np.histogram``
  rule, in the same precision (float32 images are binned in float32), so every pixel lands
  in the same bin as in the reference.  A constant image gets the range ``[x - 0.5, x + 0.5]``.
  Values outside the range (only possible with ``'dtype'``) and NaN are not counted; NaN or
  infinity with ``source_range='image'`` make the range undefined: ``ValueError``.
* **float16 images** (Numba has no float16, and NumPy bins them in float16 arithmetic, whose
  rounded bin guess the one-step correction cannot always repair) are binned by
  ``np.histogram`` itself, called exactly as the reference calls it.

The bin *centres* are returned with the counts: the integers themselves, or the midpoints
``(edges[b] + edges[b + 1]) / 2``.

Speed: one pass, in parallel
----------------------------
A histogram is a scatter (``counts[bin(x)] += 1``), and two threads incrementing the same bin
would race.  So the image is cut into a fixed number of chunks; each chunk counts into its own
*partial histogram* (a row of a ``(chunks, nbins)`` table) and the rows are summed at the end.
The chunks are independent (``prange``), the counts are integers, so the result is the same
bit for bit whatever the number of threads.  Cost: ``O(N + chunks * nbins)`` for ``N``
pixels; the minimum and maximum take one more parallel pass (min, max and a NaN check fused).

References
----------
.. [1] scikit-image, ``skimage/exposure/exposure.py`` (0.26): ``histogram``,
       ``cumulative_distribution``.
.. [2] NumPy, ``numpy/lib/_histograms_impl.py``: the equal-width-bin fast path of
       ``np.histogram``.
.. [3] R. C. Gonzalez, R. E. Woods, *Digital Image Processing*, ch. 3 (histogram processing).
"""

import operator
import warnings

import numpy as np

from .._checks import as_array, describe, native_byte_order
from .._jit import jit, parallel_jit, prange
from ..util import dtype_limits

__all__ = ["histogram", "cumulative_distribution", "image_minmax", "threshold_histogram", "supported_float_dtype"]

#: The image is split into this many chunks, each counted into its own partial histogram.
_CHUNKS = 16


def supported_float_dtype(dtype):
    """float32 for float16/float32 input (scikit-image keeps single precision), else float64;
    complex input raises ValueError, as scikit-image's ``_supported_float_type`` does."""
    dtype = np.dtype(dtype)
    if dtype.kind == "c":
        raise ValueError("complex valued input is not supported")
    return np.dtype(np.float32) if dtype in (np.float16, np.float32) else np.dtype(np.float64)


# --- kernels ---------------------------------------------------------------------------------


@jit
def _n_chunks(n):
    """How many partial histograms: one per 16 384 pixels, at most ``_CHUNKS``."""
    return max(1, min(_CHUNKS, n >> 14))



@parallel_jit
def _minmax(flat):
    """Minimum and maximum of a flat array in one parallel pass, and whether NaN occurs.

    Returns ``(lo, hi, has_nan)``; NaN is skipped in lo/hi (the caller raises on it).
    """
    n = flat.shape[0]
    chunks = _n_chunks(n)
    los = np.empty(chunks, flat.dtype)
    his = np.empty(chunks, flat.dtype)
    nans = np.zeros(chunks, np.int64)
    for c in prange(chunks):
        start = c * n // chunks
        stop = (c + 1) * n // chunks
        first = start
        while first < stop - 1 and flat[first] != flat[first]:  # start from a number
            first += 1
        lo = flat[first]
        hi = flat[first]
        n_nan = 0
        for i in range(start, stop):
            v = flat[i]
            # NaN compares False both ways: it never replaces lo or hi (no branch on it here,
            # so the loop stays a tight compare-and-select)
            if v < lo:
                lo = v
            if v > hi:
                hi = v
            n_nan += v != v
        los[c] = lo
        his[c] = hi
        nans[c] = n_nan
    lo = los[0]
    hi = his[0]
    for c in range(chunks):  # a chunk of NaN only has lo = hi = NaN
        if los[c] < lo or lo != lo:
            lo = los[c]
        if his[c] > hi or hi != hi:
            hi = his[c]
    return lo, hi, nans.sum() > 0


@parallel_jit
def _count_integers(flat, lo, nbins):
    """``counts[v - lo] += 1`` for every value ``v`` (all in ``[lo, lo + nbins)``)."""
    n = flat.shape[0]
    chunks = _n_chunks(n)
    partial = np.zeros((chunks, nbins), np.int64)
    for c in prange(chunks):
        start = c * n // chunks
        stop = (c + 1) * n // chunks
        row = partial[c]
        for i in range(start, stop):
            row[np.int64(flat[i]) - lo] += 1
    return partial.sum(axis=0)  # merge the partial histograms


@parallel_jit
def _count_integers_in_range(flat, lo, nbins):
    """As :func:`_count_integers`, skipping values outside ``[lo, lo + nbins)``."""
    n = flat.shape[0]
    chunks = _n_chunks(n)
    partial = np.zeros((chunks, nbins), np.int64)
    for c in prange(chunks):
        start = c * n // chunks
        stop = (c + 1) * n // chunks
        row = partial[c]
        for i in range(start, stop):
            b = np.int64(flat[i]) - lo
            if 0 <= b < nbins:
                row[b] += 1
    return partial.sum(axis=0)  # merge the partial histograms


@jit
def _float_bin(x, edges, first, scale, nbins, denom, nbins_f):
    """The bin of ``x`` among ``edges`` (NumPy's guess-and-correct rule), or -1 if outside.

    The guess ``(x - first) * scale`` (``scale = nbins / (last - first)``, a multiplication
    where NumPy divides) is within one bin of the true one; the two corrections then place
    ``x`` by the edges themselves — so the bin is the one NumPy's rule gives.  A subnormal
    range width makes ``scale`` overflow to inf (and ``0 * inf`` is NaN, no bin at all):
    then the guess is NumPy's own ``(x - first) / denom * nbins``.
    """
    if not (x >= edges[0] and x <= edges[nbins]):  # also False for NaN
        return -1
    if scale < np.inf:
        b = np.int64((x - first) * scale)
    else:
        b = np.int64((x - first) / denom * nbins_f)
    if b >= nbins:
        b = nbins - 1
    if x < edges[b]:
        b -= 1
    if x >= edges[b + 1] and b != nbins - 1:
        b += 1
    return b


@parallel_jit
def _count_floats(flat, edges, first, denom, nbins_f):
    """Counts of ``flat`` in the equal-width bins ``edges`` (one pass, partial histograms)."""
    n = flat.shape[0]
    nbins = edges.shape[0] - 1
    scale = nbins_f / denom
    chunks = _n_chunks(n)
    partial = np.zeros((chunks, nbins), np.int64)
    for c in prange(chunks):
        start = c * n // chunks
        stop = (c + 1) * n // chunks
        row = partial[c]
        for i in range(start, stop):
            b = _float_bin(flat[i], edges, first, scale, nbins, denom, nbins_f)
            if b >= 0:
                row[b] += 1
    return partial.sum(axis=0)  # merge the partial histograms


# --- bins ------------------------------------------------------------------------------------


def _check_source_range(source_range):
    if not (isinstance(source_range, str) and source_range in ("image", "dtype")):
        raise ValueError(f"Incorrect value for `source_range` argument: {source_range}")


def _flat(image):
    """The image as a flat C-contiguous array (bool as uint8, which Numba counts fastest).

    Complex images raise ValueError.  (scikit-image's ``histogram`` and the thresholds built
    on it bin the real part of a complex image, with NumPy's ComplexWarning at most; its
    ``cumulative_distribution`` and ``equalize_hist`` raise this error.  We raise it for all.)
    """
    if np.asarray(image).dtype.kind == "c":
        raise ValueError("complex valued input is not supported")
    flat = native_byte_order(np.ascontiguousarray(image)).reshape(-1)
    if flat.dtype == np.bool_:
        flat = flat.view(np.uint8)
    return flat


def image_minmax(flat):
    """(min, max, has_nan) of a flat non-empty array, as numpy scalars of its dtype."""
    if flat.dtype.kind in "biu":  # no NaN: NumPy's SIMD reductions are the fastest reads
        return flat.min(), flat.max(), False
    # Numba has no float16: scan a float32 copy (exact, same order, NaN kept: the same answer)
    work = flat.astype(np.float32) if flat.dtype == np.float16 else flat
    lo, hi, has_nan = _minmax.sized(work.size)(work)
    return flat.dtype.type(lo), flat.dtype.type(hi), bool(has_nan)


#: The longest integer histogram: its int64 counts must fit in NumPy's largest array
#: (``intp`` max bytes).  Longer ranges only come from 64-bit images near their limits.
MAX_INTEGER_BINS = np.iinfo(np.intp).max // 8


def _integer_centers(image, flat, source_range):
    """Bin centres of an integer image: ``arange(lo, hi + 1)`` (int64)."""
    _check_source_range(source_range)
    if source_range == "image":
        if flat.size == 0:  # (the reference: NumPy's "zero-size array to reduction" ValueError)
            raise ValueError(
                f"`image` must not be empty: the histogram of an integer image spans its values, "
                f"got an {describe(image)}"
            )
        lo, hi, _ = image_minmax(flat)
        if flat.dtype == np.uint64:
            # the reference reads the range as ``int(image.min().astype(np.int64))``: uint64
            # values from 2**63 up wrap around to negative numbers, and its bins are those of
            # the image viewed as int64 (the caller counts that view)
            lo, hi = lo.astype(np.int64), hi.astype(np.int64)
            if lo > hi:  # (the reference: an empty range, then an IndexError)
                raise ValueError(
                    "`image` spans too many integer values for a bin per value: its uint64 "
                    "values lie both below and from 2**63 up, where the reference's int64 "
                    "reading of the range is empty; convert it to float to bin it"
                )
        lo, hi = int(lo), int(hi)
    else:
        lo, hi = (int(v) for v in dtype_limits(image, clip_negative=False))
    # the reference counts from 0 up when no value is negative (``np.bincount``)
    needed = hi - min(lo, 0) + 1
    if needed > MAX_INTEGER_BINS:
        # the reference fails inside NumPy here ("Maximum allowed size exceeded", "array is
        # too big", or an IndexError once ``image - min`` wraps around); no array that long
        # can exist
        raise ValueError(
            f"`image` spans too many integer values for a bin per value: {min(lo, 0)} .. {hi} "
            f"would need {needed} bins (at most {MAX_INTEGER_BINS}); convert it to float to "
            f"bin it into `nbins` bins"
        )
    return np.arange(lo, hi + 1)


#: NumPy's bin estimators: a string ``nbins`` NumPy's histogram would take (scratch bins into
#: ``nbins`` equal-width bins only)
_NUMPY_ESTIMATORS = ("auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt")


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def _float_edges(image, flat, nbins, source_range, minmax=None):
    """Bin edges of a float/bool image and the precision of NumPy's bin guess.

    Returns ``(edges, first, denom, nbins_f)``: the scalars cast to the dtypes NumPy's
    ``(x - first) / denom * nbins`` is evaluated in.
    """
    _check_source_range(source_range)
    # NumPy's histogram checks the bin count first: 2.5 bins is its TypeError, a string that
    # names no bin estimator its ValueError
    if isinstance(nbins, str):
        if nbins in _NUMPY_ESTIMATORS:
            raise NotImplementedError(f"`nbins`={nbins!r}: NumPy's bin estimators are not "
                                      f"implemented by scratch; pass a number of bins")
        raise ValueError(f"{nbins!r} is not a valid estimator for `bins` (`nbins`)")
    try:
        nbins = operator.index(nbins)
    except TypeError:
        raise TypeError(f"`nbins` must be an integer, got {nbins!r}") from None
    if nbins < 1:
        raise ValueError(f"`nbins` must be positive, got {nbins}")
    if source_range == "dtype":
        first, last = dtype_limits(image, clip_negative=False)
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
    elif flat.size == 0:
        first, last = 0, 1
    else:
        # (bool images count as uint8, as NumPy does)
        first, last, has_nan = image_minmax(flat) if minmax is None else minmax
        if has_nan or not (np.isfinite(first) and np.isfinite(last)):
            first = last = np.nan if has_nan else first
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first = first - 0.5
        last = last + 0.5
    sample = flat[:0]
    bin_type = np.result_type(first, last, sample)
    if np.issubdtype(bin_type, np.integer) or bin_type == np.bool_:
        bin_type = np.result_type(bin_type, float)
    edges = np.linspace(first, last, nbins + 1, endpoint=True, dtype=bin_type)
    if np.any(edges[:-1] >= edges[1:]):
        raise ValueError(
            f"Too many bins for data range. Cannot create {nbins} finite-sized bins."
        )
    # the dtypes NumPy evaluates (x - first) / denom * nbins in (NEP 50 promotion)
    probe = edges[:1]
    denom = _unsigned_subtract(last, first)
    step1 = probe - first
    step2 = step1 / denom
    step3 = step2 * nbins
    return (
        edges,
        step1.dtype.type(first),
        step2.dtype.type(denom),
        step3.dtype.type(nbins),
    )


def _unsigned_subtract(a, b):
    """``a - b`` as NumPy's histogram computes the range width: signed integers subtract
    into the unsigned type of the same size (no overflow), anything else in its own type."""
    signed_to_unsigned = {np.byte: np.ubyte, np.short: np.ushort, np.intc: np.uintc,
                          np.int_: np.uint, np.longlong: np.ulonglong}
    dt = np.result_type(a, b)
    unsigned = signed_to_unsigned.get(dt.type)
    if unsigned is None:
        return np.subtract(a, b, dtype=dt)
    return np.subtract(np.asarray(a, dtype=dt), np.asarray(b, dtype=dt), casting="unsafe",
                       dtype=unsigned)


def _count_float_image(flat, edges, first, denom, nbins_f):
    """Counts of a flat float image in ``edges`` (flat converted to the edges' dtype first)."""
    work = flat.astype(edges.dtype, copy=False)
    return _count_floats.sized(work.size)(work, edges, first, denom, nbins_f)


def _small_integer_histogram(flat, dtype):
    """One pass for 8/16-bit integers: count over the whole dtype range, then trim the empty
    bins at both ends (that gives the image's min and max without a separate pass)."""
    info = np.iinfo(dtype)
    counts = _count_integers.sized(flat.size)(flat, int(info.min), int(info.max) - int(info.min) + 1)
    nonzero = np.flatnonzero(counts)
    first, last = int(nonzero[0]), int(nonzero[-1])
    lo = int(info.min) + first
    return counts[first : last + 1].copy(), np.arange(lo, lo + last - first + 1)


def _float16_histogram(flat, nbins, source_range, edges=None):
    """Counts and centres of a float16 image: ``np.histogram``, called as the reference calls it.

    Numba has no float16, and NumPy bins float16 data in float16 arithmetic: its bin guess
    ``(x - first) / (last - first) * nbins`` is rounded to 11 bits, and its float16 edges are
    not evenly spaced, so a guess can be off by more than the one step the kernel corrects.
    float16 images are rare: NumPy's own steps give the reference's bins exactly.  ``nbins``
    equal bins over the image's (or dtype's) range, or the given ``edges`` (one binning for
    all the channels).
    """
    if edges is None:
        hist_range = None if source_range == "image" else dtype_limits(flat, clip_negative=False)
        counts, edges = np.histogram(flat, bins=nbins, range=hist_range)
    else:
        counts, _ = np.histogram(flat, bins=edges)
    return counts, (edges[:-1] + edges[1:]) / 2.0


def _histogram_flat(image, nbins, source_range, bins=None):
    """Counts and centres of one (flattened) image, or channel, with optional fixed bins."""
    flat = _flat(image)
    if flat.dtype == np.float16:
        _check_source_range(source_range)
        return _float16_histogram(flat, nbins, source_range, None if bins is None else bins[0])
    if (image.dtype.kind in "iu" and image.dtype.itemsize <= 2 and source_range == "image"
            and bins is None and flat.size):
        return _small_integer_histogram(flat, image.dtype)
    if image.dtype.kind in "iu":
        centers = bins if bins is not None else _integer_centers(image, flat, source_range)
        lo, hi = int(centers[0]), int(centers[-1])
        if flat.size == 0:
            return np.zeros(hi - lo + 1, np.int64), centers
        counter = _count_integers if (source_range == "image" and bins is None) else _count_integers_in_range
        if flat.dtype == np.uint64:
            flat = flat.astype(np.int64)
        return counter.sized(flat.size)(flat, lo, hi - lo + 1), centers
    if bins is None:
        bins = _float_edges(image, flat, nbins, source_range)
    edges, first, denom, nbins_f = bins
    counts = _count_float_image(flat, edges, first, denom, nbins_f)
    centers = (edges[:-1] + edges[1:]) / 2.0
    return counts, centers


def threshold_histogram(image, nbins):
    """``histogram(image.reshape(-1), nbins)`` for the thresholds, and whether the image is
    constant (NaN-aware: a NaN image is not constant, and its histogram raises ValueError).

    A constant float image gives ``(None, None, True)``: the thresholds answer with its value
    without counting, as the reference does; binning it could raise where the reference
    does not (an infinite value, or too many bins for the float16 range ``[x - 0.5, x + 0.5]``).
    """
    image = native_byte_order(np.asarray(image))
    if image.dtype.kind in "iu" or image.dtype == np.bool_:
        counts, centers = _histogram_flat(image, nbins, "image")
        constant = centers.size == 1 if image.dtype.kind in "iu" else np.count_nonzero(counts) == 1
        return counts, centers, bool(constant)
    flat = _flat(image)
    if flat.size == 0:  # (the reference: an IndexError, or a ValueError from NumPy)
        raise ValueError(f"`image` must not be empty, got an {describe(image)}")
    lo, hi, has_nan = image_minmax(flat)
    if lo == hi and not has_nan:  # constant: the reference answers before it bins anything
        return None, None, True
    if flat.dtype == np.float16:  # NumPy's own binning (see _float16_histogram)
        counts, centers = _float16_histogram(flat, nbins, "image")  # raises on NaN
        return counts, centers, False
    bins = _float_edges(image, flat, nbins, "image", minmax=(lo, hi, has_nan))  # raises on NaN
    counts, centers = _histogram_flat(image, nbins, "image", bins=bins)
    return counts, centers, False


# --- public ----------------------------------------------------------------------------------


def histogram(image, nbins=256, source_range="image", normalize=False, *, channel_axis=None):
    """Return histogram of image.

    Unlike `numpy.histogram`, this function returns the centers of bins and does not rebin
    integer arrays: each integer value has its own bin (a single counting pass,
    ``counts[v - min] += 1``); float images get ``nbins`` equal-width bins between their
    minimum and maximum (see the module docstring for the exact rule).  ``O(N)`` for ``N``
    pixels, counted in parallel into per-chunk partial histograms.

    Parameters
    ----------
    image : array
        Input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.
    source_range : {'image', 'dtype'}, optional
        'image' (default) determines the range from the input image.
        'dtype' determines the range from the expected range of the images of that data type.
    normalize : bool, optional
        If True, normalize the histogram by the sum of its values.
    channel_axis : int or None, optional
        If None, the image is assumed to be a grayscale (single channel) image.  Otherwise,
        this parameter indicates which axis of the array corresponds to channels; every
        channel is counted in the bins of the whole image.

    Returns
    -------
    hist : array
        The values of the histogram (int64, or float64 when ``normalize``).  When
        ``channel_axis`` is not None, a 2-D array whose first axis is the channel.
    bin_centers : array
        The values at the center of the bins.

    See Also
    --------
    skimage.exposure.histogram : the reference.
    cumulative_distribution

    References
    ----------
    .. [1] R. C. Gonzalez, R. E. Woods, *Digital Image Processing*, section 3.3.

    Examples
    --------
    >>> import numpy as np
    >>> counts, centers = histogram(np.array([[0, 1], [1, 3]], np.uint8))
    >>> counts, centers
    (array([1, 2, 0, 1]), array([0, 1, 2, 3]))
    >>> histogram(np.array([0.0, 0.25, 1.0]), nbins=2)
    (array([2, 1]), array([0.25, 0.75]))
    """
    image = as_array(image, "image")
    sh = image.shape
    if len(sh) == 3 and sh[-1] < 4 and channel_axis is None:
        warnings.warn(
            "This might be a color image. The histogram will be computed on the flattened "
            "image. You can instead apply this function to each color channel, or set "
            "channel_axis.",
            UserWarning,
            stacklevel=2,
        )
    if channel_axis is None:
        hist, centers = _histogram_flat(image, nbins, source_range)
        if normalize:
            hist = hist / np.sum(hist)
        return hist, centers

    from .._checks import normalize_axis

    image = np.moveaxis(image, normalize_axis(channel_axis, image.ndim, "channel_axis"), -1)
    if image.shape[-1] == 0:  # (the reference: an UnboundLocalError after a loop over no channel)
        raise ValueError(f"`image` has no channel along `channel_axis` {channel_axis}: shape {sh}")
    flat = _flat(image)
    if image.dtype.kind in "iu":
        bins = _integer_centers(image, flat, source_range)
    elif isinstance(nbins, str):  # (the reference: ``nbins + 1`` for its bin edges)
        raise TypeError(f"`nbins` must be an integer with `channel_axis`, got {nbins!r}")
    elif image.dtype.kind in "fb" and _is_int(nbins) and nbins in (0, -1):
        # the reference's edges are ``linspace(lo, hi, nbins + 1)``: one edge or none, so no
        # bin at all (its range checks come first); fewer edges are linspace's ValueError
        _check_source_range(source_range)
        if source_range == "image" and flat.size:
            first, last, has_nan = image_minmax(flat)
            if has_nan or not (np.isfinite(first) and np.isfinite(last)):
                raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
        empty = np.zeros((image.shape[-1], 0), np.float64 if normalize else np.int64)
        return empty, np.zeros(0, image.dtype if image.dtype.kind == "f" else np.float64)
    else:
        bins = _float_edges(image, flat, nbins, source_range)
    hists = []
    centers = None
    for c in range(image.shape[-1]):
        h, centers = _histogram_flat(image[..., c], nbins, source_range, bins=bins)
        if normalize:
            h = h / np.sum(h)
        hists.append(h)
    return np.stack(hists, axis=0), np.asarray(centers)


def cumulative_distribution(image, nbins=256):
    """Return cumulative distribution function (cdf) for the given image.

    ``cdf[b] = (counts[0] + ... + counts[b]) / N``: the fraction of pixels in bin ``b`` or
    below, from :func:`histogram`.  It rises from ``counts[0] / N`` to exactly 1.

    Parameters
    ----------
    image : array
        Image array.
    nbins : int, optional
        Number of bins for image histogram.

    Returns
    -------
    img_cdf : array
        Values of cumulative distribution function (float32 for float32 images, else float64).
    bin_centers : array
        Centers of bins.

    See Also
    --------
    skimage.exposure.cumulative_distribution : the reference.
    histogram

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Cumulative_distribution_function

    Examples
    --------
    >>> import numpy as np
    >>> cumulative_distribution(np.array([0, 1, 1, 3], np.uint8))
    (array([0.25, 0.75, 0.75, 1.  ]), array([0, 1, 2, 3]))
    """
    image = as_array(image, "image")
    hist, bin_centers = histogram(image, nbins)
    img_cdf = hist.cumsum()
    img_cdf = img_cdf / float(img_cdf[-1])
    img_cdf = img_cdf.astype(supported_float_dtype(image.dtype), copy=False)
    return img_cdf, bin_centers
