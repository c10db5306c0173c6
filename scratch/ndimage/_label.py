"""Connected-component labeling: two raster passes and a union-find.

Two pixels belong to the same component when a chain of neighbouring pixels with the same
value joins them.  *Neighbouring* is given by a structuring element (a ``3 x 3 x ...`` boolean
array): in 2-D the cross (4-connectivity) or the full square (8-connectivity).

The two-pass algorithm (Rosenfeld & Pfaltz 1966, with union-find as in Wu, Otoo & Suzuki)::

    pass 1 — scan in raster order.  For pixel p, look only at the neighbours already scanned
             (the half of the structuring element before its centre).  Among those with p's
             value:
               none      -> p starts a new provisional label
               some      -> p takes the first one's label, and every other label seen is
                            recorded as equivalent: union(a, b)
    resolve — number the sets of equivalent labels 1, 2, 3, ... (see ``_unionfind``)
    pass 2 — replace every provisional label by its final number.

Each pixel is visited twice and does at most ``len(neighbours)`` unions, so the cost is
``O(N)`` (times the inverse-Ackermann factor of union-find, which is < 5 for any image).
Since provisional labels are handed out in raster order and unions keep the smaller root, the
final numbering follows the raster order of each component's first pixel — exactly the
numbering of SciPy and scikit-image.

n-D images are handled as *lines* along the last axis: for a line, a neighbour offset either
points into an existing line (its leading coordinates are inside the image) or not — decided
once per line — and then only the last coordinate needs a bounds test inside the loop.

Reference: SciPy ``scipy.ndimage.label`` (``ni_label.pyx``); scikit-image
``skimage.measure.label`` (``_ccomp.pyx``).
"""

import numpy as np

from .._jit import jit
from ._unionfind import resolve, union

__all__ = ["generate_binary_structure", "label", "label_values", "neighbour_offsets"]


def generate_binary_structure(rank, connectivity):
    """Generate a binary structure for binary morphological operations.

    Element ``k`` of a ``3 x 3 x ...`` cube is True when it is at most ``connectivity``
    orthogonal steps from the centre (its squared distance to the centre is ``<= connectivity``).

    Parameters
    ----------
    rank : int
        Number of dimensions of the array to which the structuring element will be applied.
    connectivity : int
        Elements up to a squared distance of `connectivity` from the center are considered
        neighbors. `connectivity` may range from 1 (no diagonal elements are neighbors) to
        `rank` (all elements are neighbors).

    Returns
    -------
    output : ndarray of bools
        Structuring element which may be used for binary morphological operations, with
        `rank` dimensions and all dimensions equal to 3.

    See Also
    --------
    scipy.ndimage.generate_binary_structure : the reference.

    Examples
    --------
    >>> from scratch.ndimage import generate_binary_structure
    >>> generate_binary_structure(2, 1)
    array([[False,  True, False],
           [ True,  True,  True],
           [False,  True, False]])
    """
    if connectivity < 1:
        connectivity = 1
    if rank < 1:
        return np.array(True, dtype=bool)
    steps = np.abs(np.indices([3] * rank) - 1).sum(axis=0)
    return steps <= connectivity


def neighbour_offsets(structure):
    """The neighbours a raster scan has already visited: the True elements before the centre.

    Returns ``(lead, dx)``: ``lead[k]`` is the offset of neighbour ``k`` along the leading axes
    (all but the last) and ``dx[k]`` its offset along the last axis.

    The centre of a ``3 x 3 x ...`` cube has raster (C-order) index ``structure.size // 2``;
    the elements before it are the neighbours a raster scan has seen already, in raster order.
    Offsets are the element's coordinates minus 1; both arrays are int64, ``lead`` of shape
    ``(n, ndim - 1)``.  Example, the 2-D cross (4-connectivity): the elements before the
    centre are ``(0, 1)`` and ``(1, 0)``, so ``lead = [[-1], [0]]`` and ``dx = [0, -1]``.
    """
    structure = np.asarray(structure, dtype=bool)
    centre = structure.size // 2  # raster index of the centre of a 3 x 3 x ... cube
    coords = np.argwhere(structure) - 1
    raster = np.flatnonzero(structure)
    before = coords[raster < centre]
    lead = np.ascontiguousarray(before[:, :-1], dtype=np.int64)
    dx = np.ascontiguousarray(before[:, -1], dtype=np.int64)
    return lead, dx


@jit
def _first_pass(data, lead_shape, nx, lead, dx, background, labels, parent):
    """Pass 1 over ``data`` (flat, raster order): provisional labels and their equivalences.

    Returns the number of provisional labels handed out.
    """
    n_lead = lead_shape.shape[0]
    n_lines = 1
    for d in range(n_lead):
        n_lines *= lead_shape[d]
    n_neigh = dx.shape[0]
    # flat offset of each neighbour
    line_strides = np.ones(n_lead, dtype=np.int64)
    for d in range(n_lead - 2, -1, -1):
        line_strides[d] = line_strides[d + 1] * lead_shape[d + 1]
    offset = np.empty(n_neigh, dtype=np.int64)
    for k in range(n_neigh):
        o = dx[k]
        for d in range(n_lead):
            o += lead[k, d] * line_strides[d] * nx
        offset[k] = o
    coord = np.zeros(n_lead, dtype=np.int64)  # leading coordinates of the current line
    usable = np.zeros(n_neigh, dtype=np.bool_)
    count = 0
    for line in range(n_lines):
        for k in range(n_neigh):  # does neighbour k's line exist?
            ok = True
            for d in range(n_lead):
                c = coord[d] + lead[k, d]
                if c < 0 or c >= lead_shape[d]:
                    ok = False
            usable[k] = ok
        base = line * nx
        for x in range(nx):
            p = base + x
            value = data[p]
            if value == background:
                labels[p] = 0
                continue
            current = 0
            for k in range(n_neigh):
                if not usable[k]:
                    continue
                xx = x + dx[k]
                if xx < 0 or xx >= nx:
                    continue
                q = p + offset[k]
                if data[q] == value:
                    other = labels[q]
                    if current == 0:
                        current = other
                    elif other != current:
                        current = union(parent, current, other)
            if current == 0:
                count += 1
                parent[count] = count
                current = count
            labels[p] = current
        for d in range(n_lead - 1, -1, -1):  # next line: advance the leading coordinates
            coord[d] += 1
            if coord[d] < lead_shape[d]:
                break
            coord[d] = 0
    return count


@jit
def _first_pass_2d(data, background, full, labels, parent):
    """Pass 1 for a 2-D image and the two usual neighbourhoods, as a decision tree.

    The neighbours already scanned are ``a b c`` (the row above) and ``d`` (left of ``p``)::

        a b c
        d p

    With 8-connectivity, if ``b`` matches it is enough: ``a``, ``c`` and ``d`` touch ``b``, so
    any of them that matches is already in ``b``'s set.  Otherwise ``c`` may need one union with
    ``a`` or ``d`` (which touch each other).  Fewer lookups and unions than trying every
    neighbour (Wu, Otoo & Suzuki 2009).  With 4-connectivity only ``b`` and ``d`` count.
    """
    ny, nx = data.shape
    count = 0
    for y in range(ny):
        for x in range(nx):
            value = data[y, x]
            if value == background:
                labels[y, x] = 0
                continue
            up = y > 0
            current = 0
            if up and data[y - 1, x] == value:
                current = labels[y - 1, x]  # b
                if not full and x > 0 and data[y, x - 1] == value:
                    other = labels[y, x - 1]  # d: a different path (4-connectivity)
                    if other != current:
                        current = union(parent, current, other)
            elif full:
                left = x > 0 and data[y, x - 1] == value  # d
                if up and x + 1 < nx and data[y - 1, x + 1] == value:
                    current = labels[y - 1, x + 1]  # c
                    if x > 0 and data[y - 1, x - 1] == value:
                        current = union(parent, current, labels[y - 1, x - 1])  # c ~ a
                    elif left:
                        current = union(parent, current, labels[y, x - 1])  # c ~ d
                elif up and x > 0 and data[y - 1, x - 1] == value:
                    current = labels[y - 1, x - 1]  # a (d, if it matches, touches a)
                elif left:
                    current = labels[y, x - 1]
            elif x > 0 and data[y, x - 1] == value:
                current = labels[y, x - 1]  # d
            if current == 0:
                count += 1
                parent[count] = count
                current = count
            labels[y, x] = current
    return count


@jit
def _second_pass(labels, final):
    """Pass 2: every provisional label becomes its final number.

    (A serial loop: this gather is memory-bound, and threads made it slower, not faster.)
    """
    for p in range(labels.shape[0]):
        provisional = labels[p]
        if provisional != 0:
            labels[p] = final[provisional]


def label_values(data, structure, background, labels):
    """Label the connected regions of equal value in ``data``, ignoring ``background``.

    ``data`` is a C-contiguous integer array, ``structure`` a symmetric ``3 x ... x 3`` bool
    array of the same ndim (its centre is ignored), ``labels`` an int32/int64 array of the same
    shape to write into.  Returns the number of components.  The engine of both
    ``scratch.ndimage.label`` and ``scratch.measure.label``.
    """
    if data.size == 0:
        return 0
    if data.ndim == 0 or np.ndim(structure) == 0:  # a single pixel: label it as a 1-D line
        data = data.reshape(-1)
        labels = labels.reshape(-1)
        structure = np.ones(3, dtype=bool)
    parent = np.empty(data.size + 1, dtype=labels.dtype)
    parent[0] = 0
    out = labels.reshape(-1)
    cross = generate_binary_structure(2, 1)
    if data.ndim == 2 and (np.array_equal(structure, cross) or structure.all()):
        count = _first_pass_2d(data, background, bool(structure.all()), labels, parent)
    else:
        lead, dx = neighbour_offsets(structure)
        lead_shape = np.asarray(data.shape[:-1], dtype=np.int64)
        count = _first_pass(data.reshape(-1), lead_shape, data.shape[-1], lead, dx, background, out, parent)
    final, n = resolve(parent[: count + 1], count)
    _second_pass(out, final)
    return int(n)


def _check_structure(structure, ndim):
    structure = np.asarray(structure, dtype=bool)
    if structure.ndim != ndim:
        raise RuntimeError(
            f"structure and input must have equal rank: `structure` is {structure.ndim}-D, "
            f"`input` is {ndim}-D"
        )
    for size in structure.shape:
        if size != 3:
            raise ValueError(f"structure dimensions must be equal to 3, got `structure` of shape {structure.shape}")
    return structure


def _check_symmetric(structure):
    """SciPy's labeling kernel asserts a centrosymmetric structure (after its early answers)."""
    if not np.array_equal(structure, structure[(slice(None, None, -1),) * structure.ndim]):
        raise AssertionError("Structuring element is not symmetric: `structure` must equal its mirror image")


def label(input, structure=None, output=None):
    """Label features in an array.

    Every connected set of nonzero pixels gets its own integer label ``1, 2, ...``, numbered
    in the raster order of each feature's first pixel; zeros are background (label 0).
    Two-pass labeling with union-find (see the module docstring), ``O(N)``.

    Parameters
    ----------
    input : array_like
        An array-like object to be labeled. Any non-zero values in `input` are counted as
        features and zero values are considered the background.
    structure : array_like, optional
        A structuring element that defines feature connections. `structure` must be
        centrosymmetric and have size 3 along every axis. If no structuring element is
        provided, one is automatically generated with a squared connectivity equal to one
        (no diagonal neighbours).
    output : (None, data-type, array_like), optional
        If `output` is a data type, it specifies the type of the resulting labeled feature
        array. If `output` is an array-like object, then `output` will be updated with the
        labels from this function (and only the number of features is returned).

    Returns
    -------
    label : ndarray or int
        An integer ndarray where each unique feature in `input` has a unique label in the
        returned array (int32 by default).
    num_features : int
        How many objects were found.

    See Also
    --------
    scipy.ndimage.label : the reference.
    scratch.measure.label : labels regions of equal value, on the same engine.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import label
    >>> a = np.array([[0, 1, 1, 0],
    ...               [0, 0, 0, 1],
    ...               [1, 1, 0, 1]])
    >>> labels, n = label(a)
    >>> labels
    array([[0, 1, 1, 0],
           [0, 0, 0, 2],
           [3, 3, 0, 2]], dtype=int32)
    >>> n
    3
    """
    input = np.asarray(input)
    if np.iscomplexobj(input):
        raise TypeError("Complex type not supported: `input` must be real")
    if input.dtype.kind not in "biuf":
        raise TypeError(f"`input` must be a numeric array, got dtype {input.dtype}")
    if structure is None:
        structure = generate_binary_structure(input.ndim, 1)
    structure = _check_structure(structure, input.ndim)

    caller_array = isinstance(output, np.ndarray)
    if caller_array:
        if output.shape != input.shape:
            raise ValueError(f"output shape not correct: expected {input.shape}, got {output.shape}")
        out_dtype = output.dtype
    else:
        out_dtype = np.dtype(np.int32 if output is None else output)
    if input.ndim == 0 or input.size == 0:
        # SciPy answers these before its labeling kernel (so before the kernel's checks of the
        # structure's symmetry and of the dtypes): a 0-d input is one feature or none
        n = int(input.ndim == 0 and bool(input != 0))
        if caller_array:
            output[...] = n
            return n
        return np.full(input.shape, n, dtype=out_dtype), n
    _check_symmetric(structure)
    if out_dtype.kind not in "biu" and out_dtype not in (np.float32, np.float64):
        # SciPy's labeling kernel is compiled for these output types only
        raise TypeError(f"`output` must have an integer, bool, float32 or float64 dtype, got {out_dtype}")
    if input.dtype.kind == "f" and input.dtype.itemsize == 2:
        # SciPy's labeling kernel has no float16 signature: its TypeError, naming the parameter
        raise TypeError("`input` has dtype float16, which scipy.ndimage.label does not take "
                        "(No matching signature found); convert it to float32")

    if input.dtype == np.bool_:  # already 0/1 bytes
        foreground = np.ascontiguousarray(input).view(np.uint8)
    else:
        foreground = np.ascontiguousarray(input != 0).view(np.uint8)
    work_dtype = np.int32 if input.size < 2**31 - 1 else np.int64
    if out_dtype == work_dtype and not caller_array:
        labels = np.empty(input.shape, dtype=out_dtype)
        n = label_values(foreground, structure, 0, labels)
        return labels, n
    work = np.empty(input.shape, dtype=work_dtype)
    n = label_values(foreground, structure, 0, work)
    if out_dtype.kind == "b":
        # SciPy labels into a bool array's bytes (label 2 is the byte 2) and gives up only past
        # 254 labels; its provisional labels count there, so an image whose first pass needs more
        # than 254 can raise in SciPy and not here (its line-by-line pass numbers runs otherwise)
        if n > 254:
            raise RuntimeError(
                f"insufficient bit-depth in requested output type: {n} labels do not fit in {out_dtype}")
        if caller_array:
            output.view(np.uint8)[...] = work
            return n
        return work.astype(np.uint8).view(np.bool_), n
    if out_dtype.kind == "f":
        most = 2 ** (np.finfo(out_dtype).nmant + 1)  # every integer up to here is exact
    else:
        most = np.iinfo(out_dtype).max
    if n > most:
        raise RuntimeError(
            f"insufficient bit-depth in requested output type: {n} labels do not fit in {out_dtype}"
        )
    if caller_array:
        output[...] = work
        return n
    return work.astype(out_dtype), n
