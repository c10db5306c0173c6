"""The uniform (box, local-mean) filter, by running sums.

The local mean over a window of ``size`` pixels is a correlation with ``size`` equal weights
``1/size`` — but it needs no multiplications at all.  Slide the window one pixel: one pixel
enters and one leaves, so the window's *sum* changes by ``entering - leaving``::

    sum[0] = x[0] + x[1] + ... + x[size-1]
    sum[i] = sum[i-1] + x[i-1+size] - x[i-1]          mean[i] = sum[i] / size

That is ``O(1)`` per pixel whatever the window size.  In n-D the box is separable: one 1-D
pass per axis.  Keeping the running *sum* (not a running mean) matters: sums of integers stay
exact, so a box of ones gives exactly 1.0 and not 0.9999999 (which an integer output would
truncate to 0) — SciPy switched to this formula for that reason (scipy#6930).  We use
SciPy's formula in the same order, so float64 results agree bit for bit.

Reference: SciPy ``scipy.ndimage.uniform_filter`` (ni_filters.c, ``NI_UniformFilter1D``).
"""

import numpy as np

from .._checks import normalize_axis, normalize_sequence
from .._jit import parallel_jit, prange
from ._boundary import canonical_mode, extend_indices, extend_line
from ._support import (
    as_c_origin,
    check_c_dtypes,
    as_cval,
    check_axes,
    complex_via_real_components,
    get_output,
    input_array,
    kernel_output,
    store,
    working_array,
)

__all__ = ["uniform_filter1d", "uniform_filter", "uniform_lines"]

# columns handled by one task of the running sum across rows
_COLUMN_BLOCK = 256


@parallel_jit
def uniform_lines(image, index_map, before, cval, size, out):
    """Running mean (running sum / size) along each row of the 2-D ``image`` (lines along the last axis)."""
    n_lines, n = image.shape
    extended = index_map.shape[0]
    for line in prange(n_lines):
        buf = np.empty(extended)  # the line extended by the boundary mode
        extend_line(image[line], index_map, before, cval, buf)
        total = 0.0
        for t in range(size):
            total += buf[t]
        out[line, 0] = total / size
        for i in range(1, n):
            total += buf[i - 1 + size] - buf[i - 1]  # one pixel in, one out
            out[line, i] = total / size


@parallel_jit
def _uniform_rows(image, index_map, cval, size, out):
    """Running mean along the middle axis of ``image[outer, n, inner]``, a row at a time.

    Each task keeps the running sums of a block of columns, so memory is read in order.
    """
    n_outer, n, n_inner = image.shape
    n_blocks = (n_inner + _COLUMN_BLOCK - 1) // _COLUMN_BLOCK
    for task in prange(n_outer * n_blocks):
        a = task // n_blocks
        b0 = (task % n_blocks) * _COLUMN_BLOCK
        b1 = min(b0 + _COLUMN_BLOCK, n_inner)
        total = np.zeros(b1 - b0)
        for t in range(size):
            src = index_map[t]
            for b in range(b0, b1):
                total[b - b0] += cval if src < 0 else float(image[a, src, b])
        for b in range(b0, b1):
            out[a, 0, b] = total[b - b0] / size
        for i in range(1, n):
            entering = index_map[i - 1 + size]
            leaving = index_map[i - 1]
            for b in range(b0, b1):
                x_in = cval if entering < 0 else float(image[a, entering, b])
                x_out = cval if leaving < 0 else float(image[a, leaving, b])
                total[b - b0] += x_in - x_out
                out[a, i, b] = total[b - b0] / size


def _row_means(image, index_map, before, cval, size, out=None):
    """Running mean (running sum / size) along each row of the 2-D ``image`` (lines along the last axis).

    Each row ``line`` of ``n`` pixels is first extended by the boundary mode into a buffer of
    ``len(index_map) = n + size - 1`` values: ``buf[t] = line[index_map[t]]``, or ``cval``
    where ``index_map[t] == -1`` (the map of ``extend_indices``; ``before`` of its positions
    lie in front of the line).  Output pixel ``i`` is the mean of the window
    ``buf[i], ..., buf[i + size - 1]``, kept as a running *sum* — one pixel enters, one leaves::

        total = buf[0] + ... + buf[size - 1]              out[line, 0] = total / size
        total += buf[i - 1 + size] - buf[i - 1]           out[line, i] = total / size

    in float64, in this order (the sum, not a running mean, so sums of integers stay exact).
    Returns the float64 means, the shape of ``image`` (written into ``out`` when given).
    """
    if out is None:
        out = np.empty(image.shape, dtype=np.float64)
    uniform_lines.sized(image.size)(image, index_map, before, cval, size, out)
    return out


def _run_uniform1d(image, size, axis, output, mode, cval, origin):
    if image.size == 0:
        return output
    n = image.shape[axis]
    before = size // 2 + origin
    after = size - 1 - size // 2 - origin
    index_map = extend_indices(n, before, after, mode)
    work = working_array(image)
    if np.may_share_memory(work, output):
        work = work.copy()
    result = kernel_output(output)
    outer = int(np.prod(image.shape[:axis], dtype=np.int64))
    inner = int(np.prod(image.shape[axis + 1 :], dtype=np.int64))
    if inner == 1:
        _row_means(work.reshape(outer, n), index_map, before, as_cval(cval), size, result.reshape(outer, n))
    else:
        _uniform_rows.sized(image.size)(work.reshape(outer, n, inner), index_map, as_cval(cval), size,
                      result.reshape(outer, n, inner))
    return store(result, output)


def uniform_filter1d(input, size, axis=-1, output=None, mode="reflect", cval=0.0, origin=0):
    """Calculate a 1-D uniform filter along the given axis.

    The lines of the array along the given axis are filtered with a uniform filter of
    given size: the mean of the ``size`` pixels in the window, by a running sum
    (``O(1)`` per pixel whatever the size).

    The window of output pixel ``i`` covers ``in[i - before], ..., in[i - before + size - 1]``
    with ``before = size // 2 + origin`` (for an even size the window has one pixel more in
    front than behind); the line is extended by ``before`` pixels in front and
    ``size - 1 - before`` behind with the boundary mode (``extend_indices``), and the running
    mean (``row_means``, a float64 image) sums the windows.  The output has the input's dtype (integers
    truncate toward zero; a bool image receives the value cast to a byte, ``astype(np.uint8)``).
    Hint: move ``axis`` last (``np.moveaxis``) and treat the array as a stack of rows.

    Parameters
    ----------
    input : array_like
        The input array.
    size : int
        Length of uniform filter.
    axis : int, optional
        The axis of `input` along which to calculate. Default is -1.
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        The boundary mode. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    origin : int, optional
        Controls the placement of the filter on the input array's pixels.

    Returns
    -------
    result : ndarray
        Filtered array. Has same shape as `input`.

    See Also
    --------
    scipy.ndimage.uniform_filter1d : the reference.

    Examples
    --------
    >>> from scratch.ndimage import uniform_filter1d
    >>> uniform_filter1d([2, 8, 0, 4, 1, 9, 9, 0], size=3)
    array([4, 3, 4, 1, 4, 6, 6, 3])
    """
    input = input_array(input, allow_complex=True, check_dtype=False)
    axis = normalize_axis(axis, input.ndim, numpy_rule=True)
    size = int(size)
    if size < 1:
        raise RuntimeError(f"incorrect filter size: `size` must be >= 1, got {size}")
    complex_input = input.dtype.kind == "c"
    output = get_output(output, input, complex_output=complex_input, check_dtype=False)
    if size // 2 + origin < 0 or size // 2 + origin >= size:  # (on the value as given, as SciPy)
        raise ValueError(f"invalid origin: origin={origin} for a filter of size {size}")
    mode = canonical_mode(mode)
    origin = as_c_origin(origin)  # (then SciPy's C code parses an int)
    if complex_input:  # the mean of a + ib is mean(a) + i mean(b): filter the two parts
        return complex_via_real_components(_run_uniform1d, input, None, output, cval,
                                           size=size, axis=axis, mode=mode, origin=origin)
    cval = as_cval(cval)  # (SciPy's C code parses it first, also for an empty image)
    check_c_dtypes(input, output)  # (then refuses float16)
    return _run_uniform1d(input, size, axis, output, mode, cval, origin)


def uniform_filter(input, size=3, output=None, mode="reflect", cval=0.0, origin=0, *, axes=None):
    """Multidimensional uniform filter: the local mean over a box.

    The box is separable, so this is one running-mean pass per axis (axes whose size is 1
    are skipped); each pass writes the output dtype, as SciPy's passes do.  The second pass
    filters the result of the first, and so on.  ``size``, ``origin`` and ``mode`` may be
    given once for all axes or one per axis; with no axis left to filter the output is a copy
    of the input.

    Parameters
    ----------
    input : array_like
        The input array.
    size : int or sequence of ints, optional
        The sizes of the uniform filter are given for each axis as a sequence, or as a
        single number, in which case the size is equal for all axes.
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : str or sequence, optional
        The boundary mode, or one per axis. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    origin : int or sequence, optional
        Controls the placement of the filter on the input array's pixels.
    axes : tuple of int or None, optional
        The axes over which to apply the filter (all by default).

    Returns
    -------
    uniform_filter : ndarray
        Filtered array. Has the same shape as `input`.

    See Also
    --------
    scipy.ndimage.uniform_filter : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import uniform_filter
    >>> uniform_filter(np.arange(9.0).reshape(3, 3), size=3)
    array([[1.33333333, 2.        , 2.66666667],
           [3.33333333, 4.        , 4.66666667],
           [5.33333333, 6.        , 6.66666667]])
    """
    input = input_array(input, allow_complex=True, check_dtype=False)
    output = get_output(output, input, complex_output=input.dtype.kind == "c", check_dtype=False)
    axes = check_axes(axes, input.ndim)
    n = len(axes)
    sizes = normalize_sequence(size, n, "size")
    origins = normalize_sequence(origin, n, "origin")
    modes = normalize_sequence(mode, n, "mode")
    passes = [(ax, int(s), o, m) for ax, s, o, m in zip(axes, sizes, origins, modes) if s > 1]
    if not passes:
        output[...] = input[...]
        return output
    for ax, s, o, m in passes:
        uniform_filter1d(input, s, ax, output, m, cval, o)
        input = output
    return output
