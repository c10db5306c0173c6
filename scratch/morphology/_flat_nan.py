"""Flat min/max when the image holds NaN: SciPy's own comparison order, step by step.

The minimum of a set that contains NaN is not defined by the comparisons alone: ``v < NaN``
and ``NaN < v`` are both false, so the answer depends on the order in which the values are
compared.  scikit-image's grey morphology is ``scipy.ndimage.grey_erosion`` /
``grey_dilation``, which use two different algorithms, and each treats NaN its own way.
The fast engine of ``_flat.py`` (van Herk, doubling, ``np.minimum``) would let one NaN spread
over the whole footprint; this file reproduces SciPy instead, and ``flat_filter`` calls it
only for float images (or 'constant' borders) that actually hold a NaN.

**Any footprint that is not all ones** (``NI_MinOrMaxFilter``): the footprint's True
elements are visited in raster (C) order and ::

    result = value at the first element
    for every further element:  if value < result:  result = value     (> for max)

A NaN at the first element stays (nothing compares below it); a NaN anywhere else is
skipped (``NaN < result`` is false).  So a NaN pixel shows up at exactly one output pixel:
the one whose first footprint element reads it — for the cross, the pixel *below* it.

**An all-ones footprint** (a box, separable): one 1-D pass per axis (``minimum_filter1d``),
each the sliding-window minimum of R. Harter ("the ascending minima"), a queue of
``(value, death)`` pairs whose front is the current minimum ::

    for each new value v at position t:
        if the front dies at t:  drop it
        if v <= front:           the queue becomes [v]          (>= for max)
        else:                    drop from the back while back >= v, then append v
        once a full window has been read: output the front

A NaN never clears the queue (``NaN <= front`` is false) and never pops anything
(``back >= NaN`` is false): it is appended, and any later ``v <= front`` clears it again.
It reaches the front only when everything before it has died, and then it stays there
(``v <= NaN`` is false) until it dies itself.  The 1-D pass works in double precision, as
SciPy's line buffers do, and casts the result back.

Both are direct transcriptions of the comparisons; they cost ``O(footprint)`` (first) and
``O(1)`` amortised (second) per pixel.

Reference: SciPy ``scipy/ndimage/src/ni_filters.c`` (``NI_MinOrMaxFilter``,
``NI_MinOrMaxFilter1D``); R. Harter, "The minimum on a sliding window algorithm" (2001).
"""

import numpy as np

from .._jit import jit, parallel_jit, prange
from ..ndimage._boundary import extend_indices, pad

__all__ = ["needs_scipy_order", "flat_filter_scipy_order"]


@jit
def _has_nan(flat):
    """Any NaN in ``flat``?  Blocks of 1024 without a branch inside (the compiler vectorises them)."""
    n = flat.shape[0]
    for start in range(0, n, 1024):
        found = False
        for i in range(start, min(start + 1024, n)):
            found |= flat[i] != flat[i]
        if found:
            return True
    return False


def needs_scipy_order(work, mode, cval, exact_cval):
    """True when ``work`` is a float image and a NaN can reach a comparison."""
    if work.dtype.kind != "f":
        return False
    if mode == "constant" and not exact_cval and np.isnan(float(cval)):
        return True
    return _has_nan(work.reshape(-1))


@jit
def _harter_line(ext, size, minimum, values, deaths, out):
    """Sliding minimum (or maximum) of ``size`` values along ``ext``, SciPy's queue step by step.

    ``values`` / ``deaths`` hold the queue (at most ``size`` live pairs, indices ``front`` ..
    ``back`` of a plain array: no element is revisited once dropped from the front, so the
    array never wraps if it has ``len(ext)`` slots).  ``out[t - size + 1]`` = the front after
    reading ``ext[t]``.
    """
    front = 0
    back = 0
    values[0] = ext[0]
    deaths[0] = size
    for t in range(1, ext.shape[0]):
        v = ext[t]
        if deaths[front] == t:
            front += 1
        if (minimum and v <= values[front]) or (not minimum and v >= values[front]):
            back += 1  # the queue becomes [v]: restart it at a fresh slot
            front = back
        else:
            while (minimum and values[back] >= v) or (not minimum and values[back] <= v):
                back -= 1
            back += 1
        values[back] = v
        deaths[back] = t + size
        if t >= size - 1:
            out[t - size + 1] = values[front]


@parallel_jit
def _harter_pass(image, index_map, cval, size, minimum, out):
    """One 1-D pass along the middle axis of ``image[outer, n, inner]`` (float64 lines)."""
    n_outer, n, n_inner = image.shape
    m = index_map.shape[0]
    for line in prange(n_outer * n_inner):
        a = line // n_inner
        b = line % n_inner
        ext = np.empty(m, dtype=np.float64)  # the line extended by the boundary mode
        for t in range(m):
            j = index_map[t]
            ext[t] = cval if j < 0 else np.float64(image[a, j, b])
        values = np.empty(m, dtype=np.float64)
        deaths = np.empty(m, dtype=np.int64)
        result = np.empty(n, dtype=np.float64)
        if size == 1:
            result[:] = ext[:n]
        else:
            _harter_line(ext, size, minimum, values, deaths, result)
        for i in range(n):
            out[a, i, b] = result[i]


@parallel_jit
def _first_wins(padded, offsets, out_shape, padded_strides, minimum, out):
    """``out[x]`` = the first footprint value, replaced by each later one that compares below it.

    ``padded`` is the extended image, flat; ``offsets`` the flat offsets of the footprint's
    True elements in raster order (relative to the footprint's corner); output pixel ``x``
    reads ``padded[sum(x[d] * padded_strides[d]) + offsets[k]]``.
    """
    ndim = out_shape.shape[0]
    n_offsets = offsets.shape[0]
    for i in prange(out.shape[0]):
        base = 0
        rem = np.int64(i)
        for d in range(ndim - 1, -1, -1):
            base += (rem % out_shape[d]) * padded_strides[d]
            rem //= out_shape[d]
        result = padded[base + offsets[0]]
        for k in range(1, n_offsets):
            v = padded[base + offsets[k]]
            if (minimum and v < result) or (not minimum and v > result):
                result = v
        out[i] = result


def flat_filter_scipy_order(work, footprint, minimum, mode, cval):
    """Min/max of the float image ``work`` over ``footprint`` (odd sizes), NaN as SciPy treats it."""
    if footprint.all():
        result = np.array(work, dtype=work.dtype, copy=True)
        for axis, size in enumerate(footprint.shape):
            if size == 1:
                continue
            n = work.shape[axis]
            centre = size // 2
            index_map = extend_indices(n, centre, size - 1 - centre, mode)
            outer = int(np.prod(work.shape[:axis], dtype=np.int64))
            inner = int(np.prod(work.shape[axis + 1:], dtype=np.int64))
            source = result.reshape(outer, n, inner)
            target = np.empty_like(source)
            _harter_pass.sized(work.size)(source, index_map, np.float64(cval), size, minimum, target)
            result = target.reshape(work.shape)
        return result
    before = [s // 2 for s in footprint.shape]
    after = [s - 1 - s // 2 for s in footprint.shape]
    padded = pad(work, before, after, mode, work.dtype.type(cval))
    strides = np.ones(work.ndim, dtype=np.int64)
    for d in range(work.ndim - 2, -1, -1):
        strides[d] = strides[d + 1] * padded.shape[d + 1]
    offsets = np.array([int(np.dot(idx, strides)) for idx in np.argwhere(footprint)], dtype=np.int64)
    out = np.empty(work.size, dtype=work.dtype)
    _first_wins.sized(work.size)(padded.reshape(-1), offsets, np.asarray(work.shape, dtype=np.int64),
                                 strides, minimum, out)
    return out.reshape(work.shape)
