"""Correlation and convolution, written out as loops.

**Correlation** slides a kernel ``w`` over the image and, at every pixel, sums the products of
the weights with the pixels under them.  In one dimension, for a kernel of ``K`` taps whose
centre is tap ``c = K // 2 + origin``::

    out[i] = sum_k  w[k] * in[i + k - c]                      (correlation)
    out[i] = sum_k  w[k] * in[i - k + c']                     (convolution: the kernel flipped)

Convolution is correlation with the kernel reversed (and, for even ``K``, the centre moved by
one so that both stay "centred" the same way SciPy centres them).  Pixels beyond the edge come
from the boundary mode (see :mod:`scratch.ndimage._boundary`).

Three kernels, chosen by the shape of the work, each a few plain loops:

* ``_correlate1d_lines`` — a 1-D kernel along the *last* axis (contiguous lines).  Each line
  is first copied into a buffer extended past both ends (the boundary mode), then the sum runs
  with the taps in the outer loop and the positions in the inner loop, which the compiler
  turns into SIMD instructions.
* ``_correlate1d_rows`` — a 1-D kernel along any *other* axis.  The array is viewed as
  ``(before, n, after)``; output row ``i`` is a weighted sum of whole input rows
  ``i + k - c``, each row contiguous in memory.  Reading whole rows is what makes a pass
  along a slow axis as fast as one along the fast axis.
* ``_correlate_nd`` — a dense n-D kernel.  The image is padded once, the non-zero weights
  are listed with their flat offsets into the padded array, and every output line
  accumulates ``weight * shifted padded line`` tap by tap.

Symmetric kernels (``w[c-j] == w[c+j]``, like a gaussian) need only half the
multiplications: ``w[c]*x[i] + sum_j w[c-j]*(x[i-j] + x[i+j])``; antisymmetric kernels (a
derivative) use the difference.  SciPy uses exactly this trick for odd-sized 1-D kernels and
so do we, in the same summation order, so the float64 results are the same bit for bit and
integer outputs (which truncate) agree exactly.  Likewise, the n-D kernel skips weights with
``|w| <= 2.2e-16`` (machine epsilon) as SciPy does.

Complex images or weights are filtered as SciPy does, by real filterings of the parts:
``(a + ib) * (c + id) = (a*c - b*d) + i (a*d + b*c)`` (see
:func:`scratch.ndimage._support.complex_via_real_components`); a correlation conjugates
complex weights first (as ``np.correlate`` does), a convolution does not.

Cost: ``O(N * K)`` for ``N`` pixels and ``K`` non-zero taps.  A separable kernel (gaussian,
uniform, Sobel) is ``d`` passes of a 1-D kernel — ``O(N * d * K^(1/d))`` — and for large
kernels the FFT (:func:`scratch.signal.fftconvolve`) wins: ``O(N log N)``.

References
----------
.. [1] SciPy ``scipy.ndimage.correlate`` / ``correlate1d`` (ni_filters.c), whose conventions
   (origin, boundary modes, symmetric kernels, output casting) these functions follow.
.. [2] R. C. Gonzalez and R. E. Woods, *Digital Image Processing*, ch. 3.4 "Fundamentals of
   spatial filtering".
"""

import numpy as np

from .._jit import jit, parallel_jit, prange
from ._boundary import canonical_mode, extend_indices, extend_line, pad
from ._support import (
    as_c_origin,
    as_cval,
    check_axes,
    check_origin,
    check_c_dtypes,
    complex_via_real_components,
    expand_origins,
    get_output,
    input_array,
    kernel_output,
    normalize_origins,
    store,
    working_array,
)
from .._checks import normalize_axis

__all__ = ["correlate1d", "convolve1d", "correlate", "convolve"]

DBL_EPSILON = np.finfo(np.float64).eps

GENERAL, SYMMETRIC, ANTISYMMETRIC = 0, 1, -1


# --------------------------------------------------------------------------------------------
# 1-D correlation


def kernel_symmetry(weights):
    """SYMMETRIC, ANTISYMMETRIC or GENERAL — SciPy's test (odd sizes only, within epsilon)."""
    size = weights.shape[0]
    if size % 2 == 0:
        return GENERAL
    c = size // 2
    left = weights[c - 1 :: -1] if c > 0 else weights[:0]  # w[c-1], w[c-2], ..., w[0]
    right = weights[c + 1 :]  # w[c+1], w[c+2], ..., w[K-1]
    if np.all(np.abs(right - left) <= DBL_EPSILON):
        return SYMMETRIC
    if np.all(np.abs(right + left) <= DBL_EPSILON):
        return ANTISYMMETRIC
    return GENERAL


@jit
def _correlate_buffer(buf, weights, symmetry, acc):
    """``acc[i] = sum_k w[k] * buf[i + k]`` for every ``i`` — one extended line.

    ``buf`` holds the line extended by the boundary mode so that tap ``k`` of output ``i``
    is ``buf[i + k]``.  The summation order is SciPy's, so results match it bit for bit.
    The loops run over whole shifted views of the line (``left``, ``right``) so that the
    inner loop is a plain vector operation the compiler turns into SIMD instructions.
    """
    n = acc.shape[0]
    size = weights.shape[0]
    c = size // 2  # tap c multiplies the pixel under the centre of the window
    centre = buf[c:]
    if symmetry != 0:  # w[c-j] == +-w[c+j]: add (or subtract) the two pixels, multiply once
        w = weights[c]
        for i in range(n):
            acc[i] = centre[i] * w
        for j in range(c, 0, -1):  # outermost pair first, as SciPy sums
            left = buf[c - j :]  # left[i] is the pixel j before output i
            right = buf[c + j :]  # right[i] is the pixel j after it
            w = weights[c - j]
            if symmetry == 1:
                for i in range(n):
                    acc[i] += (left[i] + right[i]) * w
            else:
                for i in range(n):
                    acc[i] += (left[i] - right[i]) * w
    else:  # no symmetry: the last tap first, then the others in order (SciPy's order)
        last = size - 1
        shifted = buf[last:]
        w = weights[last]
        for i in range(n):
            acc[i] = shifted[i] * w
        for k in range(last):
            shifted = buf[k:]
            w = weights[k]
            for i in range(n):
                acc[i] += shifted[i] * w


@parallel_jit
def _correlate1d_lines(image, index_map, before, cval, weights, symmetry, out):
    """Correlate every row of the 2-D ``image`` (lines along the last axis) with ``weights``."""
    n_lines, n = image.shape
    extended = index_map.shape[0]
    for line in prange(n_lines):
        buf = np.empty(extended)  # this line, extended past both ends by the boundary mode
        extend_line(image[line], index_map, before, cval, buf)
        acc = np.empty(n)
        _correlate_buffer(buf, weights, symmetry, acc)
        for i in range(n):
            out[line, i] = acc[i]


@parallel_jit
def _correlate1d_strided(image, index_map, before, cval, weights, symmetry, out):
    """Correlate along the middle axis of ``image[outer, n, inner]`` when ``inner`` is small
    (the rows of an RGB image along its columns, say): each line ``image[a, :, b]`` is
    gathered into a buffer and filtered as :func:`_correlate1d_lines` does; the same sums in
    the same order as :func:`_correlate1d_rows`, without its per-row work on a few pixels."""
    n_outer, n, n_inner = image.shape
    extended = index_map.shape[0]
    for line in prange(n_outer * n_inner):
        a = line // n_inner
        b = line % n_inner
        buf = np.empty(extended)
        extend_line(image[a, :, b], index_map, before, cval, buf)
        acc = np.empty(n)
        _correlate_buffer(buf, weights, symmetry, acc)
        for i in range(n):
            out[a, i, b] = acc[i]


#: Below this many pixels per row of ``image[outer, n, inner]``, lines are gathered
#: (:func:`_correlate1d_strided`): an RGB image's columns took 15 ms by rows, 3 ms by lines.
_GATHER_BELOW = 16


@parallel_jit
def _correlate1d_rows(image, index_map, cval, weights, symmetry, out):
    """Correlate along the middle axis of the 3-D view ``image[outer, n, inner]``.

    Output row ``(a, i)`` is a weighted sum of input rows ``(a, index_map[i + k])``, each a
    contiguous run of ``inner`` pixels — so the inner loop is over memory in order.  (The
    ``cval if src < 0`` tests do not change inside an inner loop; the compiler hoists them.)
    """
    n_outer, n, n_inner = image.shape
    size = weights.shape[0]
    c = size // 2
    for task in prange(n_outer * n):
        a = task // n
        i = task % n
        acc = np.empty(n_inner)
        if symmetry != 0:
            centre = index_map[i + c]
            w = weights[c]
            for b in range(n_inner):
                acc[b] = (cval if centre < 0 else float(image[a, centre, b])) * w
            for j in range(c, 0, -1):  # outermost pair first, as SciPy sums
                lo = index_map[i + c - j]
                hi = index_map[i + c + j]
                w = weights[c - j]
                for b in range(n_inner):
                    x_lo = cval if lo < 0 else float(image[a, lo, b])
                    x_hi = cval if hi < 0 else float(image[a, hi, b])
                    if symmetry == 1:
                        acc[b] += (x_lo + x_hi) * w
                    else:
                        acc[b] += (x_lo - x_hi) * w
        else:  # the last tap first, then the others in order (SciPy's order)
            last = index_map[i + size - 1]
            w = weights[size - 1]
            for b in range(n_inner):
                acc[b] = (cval if last < 0 else float(image[a, last, b])) * w
            for k in range(size - 1):
                src = index_map[i + k]
                w = weights[k]
                for b in range(n_inner):
                    acc[b] += (cval if src < 0 else float(image[a, src, b])) * w
        for b in range(n_inner):
            out[a, i, b] = acc[b]


def _as_weights_1d(weights):
    weights = np.ascontiguousarray(weights, dtype=np.float64)
    if weights.ndim != 1 or weights.shape[0] < 1:
        raise RuntimeError(f"no filter weights given: `weights` must be a non-empty 1-D array, got shape {weights.shape}")
    return weights


def _run_correlate1d(image, weights, axis, output, mode, cval, origin):
    """Validated arguments in, ``output`` filled: choose the kernel for the axis and run it."""
    if image.size == 0:
        return output
    size = weights.shape[0]
    before = size // 2 + origin  # virtual pixels needed before the first pixel ...
    after = size - 1 - size // 2 - origin  # ... and after the last
    n = image.shape[axis]
    index_map = extend_indices(n, before, after, mode)
    symmetry = kernel_symmetry(weights)
    work = working_array(image)
    if np.may_share_memory(work, output):  # filtering in place: read from a copy
        work = work.copy()
    result = kernel_output(output)
    outer = int(np.prod(image.shape[:axis], dtype=np.int64))
    inner = int(np.prod(image.shape[axis + 1 :], dtype=np.int64))
    cval = as_cval(cval)
    if inner == 1:
        _correlate1d_lines.sized(image.size)(work.reshape(outer, n), index_map, before, cval, weights, symmetry, result.reshape(outer, n))
    elif inner < _GATHER_BELOW:
        _correlate1d_strided.sized(image.size)(
            work.reshape(outer, n, inner), index_map, before, cval, weights, symmetry, result.reshape(outer, n, inner)
        )
    else:
        _correlate1d_rows.sized(image.size)(
            work.reshape(outer, n, inner), index_map, cval, weights, symmetry, result.reshape(outer, n, inner)
        )
    return store(result, output)


def correlate1d(input, weights, axis=-1, output=None, mode="reflect", cval=0.0, origin=0):
    """Calculate a 1-D correlation along the given axis.

    The lines of the array along ``axis`` are correlated with ``weights``:
    ``out[i] = sum_k weights[k] * in[i + k - (len(weights) // 2 + origin)]``, computed in
    float64 (with SciPy's symmetric-kernel shortcut and summation order) and stored in the
    output dtype (integers truncate toward zero).  Cost ``O(N * K)``.

    Hint: move ``axis`` last (``np.moveaxis``), extend every line by the boundary mode — the
    index map of ``extend_indices`` (exercise correlate) with ``before = K // 2 + origin`` and
    ``after = K - 1 - before`` — then add ``weights[k] * extended[..., k:k + n]`` tap by tap
    and move the axis back.  A bool image receives the value cast to a byte (``astype(np.uint8)``,
    then viewed as bool).

    Parameters
    ----------
    input : array_like
        The input array.
    weights : array_like
        1-D sequence of numbers.
    axis : int, optional
        The axis of `input` along which to calculate. Default is -1.
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
        By default an array of the same dtype as `input` will be created.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        How the input is extended beyond its boundaries (also 'grid-mirror', 'grid-wrap',
        'grid-constant').  Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    origin : int, optional
        Controls the placement of the filter on the input array's pixels.  0 centres the
        filter over the pixel, positive values shift the filter to the left.

    Returns
    -------
    result : ndarray
        Correlation result. Has the same shape as `input`.

    See Also
    --------
    scipy.ndimage.correlate1d : the reference.
    convolve1d : the same with the kernel flipped.

    Examples
    --------
    >>> from scratch.ndimage import correlate1d
    >>> correlate1d([2, 8, 0, 4, 1, 9, 9, 0], weights=[1, 3])
    array([ 8, 26,  8, 12,  7, 28, 36,  9])
    """
    input = input_array(input, allow_complex=True, check_dtype=False)
    weights = np.asarray(weights)
    if input.dtype.kind == "c" or weights.dtype.kind == "c":
        # complex data or weights: real correlations of the parts (complex_via_real_components);
        # a correlation conjugates complex weights, as np.correlate does
        if weights.dtype.kind == "c":
            weights = weights.conj().astype(np.complex128, copy=False)
        output = get_output(output, input, complex_output=True)
        return complex_via_real_components(correlate1d, input, weights, output, cval,
                                           axis=axis, mode=mode, origin=origin)
    weights = _as_weights_1d(weights)
    output = get_output(output, input, check_dtype=False)
    axis = normalize_axis(axis, input.ndim, numpy_rule=True)
    check_origin(origin, weights.shape[0],
                 "Invalid origin; origin must satisfy -(len(weights) // 2) <= origin <= (len(weights)-1) // 2")
    mode = canonical_mode(mode)
    cval = as_cval(cval)
    origin = as_c_origin(origin)  # (after the range check, mode and cval, as SciPy's C code parses it)
    check_c_dtypes(input, output)  # (SciPy's C code: after the axis, origin, mode and cval)
    return _run_correlate1d(input, weights, axis, output, mode, cval, origin)


def convolve1d(input, weights, axis=-1, output=None, mode="reflect", cval=0.0, origin=0):
    """Calculate a 1-D convolution along the given axis.

    Convolution is correlation with the kernel reversed: ``convolve1d(x, w, origin=o)`` is
    ``correlate1d(x, w[::-1], origin=-o)``, with the origin moved one more to the left for
    even-sized kernels so that the two are centred as SciPy centres them.

    Parameters
    ----------
    input : array_like
        The input array.
    weights : ndarray
        1-D sequence of numbers.
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
    convolve1d : ndarray
        Convolved array with same shape as input.

    See Also
    --------
    scipy.ndimage.convolve1d : the reference.

    Examples
    --------
    >>> from scratch.ndimage import convolve1d
    >>> convolve1d([2, 8, 0, 4, 1, 9, 9, 0], weights=[1, 3])
    array([14, 24,  4, 13, 12, 36, 27,  0])
    """
    weights = np.asarray(weights)
    origin = -origin  # (SciPy's arithmetic on the value as given, first; correlate1d checks it)
    if weights.dtype.kind != "c":
        weights = _as_weights_1d(weights)
    weights = weights[::-1].copy()
    if weights.shape[0] % 2 == 0:
        origin -= 1
    if weights.dtype.kind == "c":  # pre-conjugate: correlate1d conjugates complex weights again
        weights = weights.conj()
    return correlate1d(input, weights, axis, output, mode, cval, origin)


# --------------------------------------------------------------------------------------------
# dense n-D correlation


@parallel_jit
def _correlate_nd(padded, line_starts, line_length, offsets, weights, out):
    """Dense correlation on a padded, flattened image.

    ``out[line, j] = sum_k weights[k] * padded[line_starts[line] + offsets[k] + j]`` — every
    output line is the weighted sum of shifted copies of a padded input line, one per tap.
    The taps are summed in raster order of the kernel, starting from 0.0, as SciPy does.
    """
    n_lines = line_starts.shape[0]
    n_taps = offsets.shape[0]
    for line in prange(n_lines):
        acc = np.zeros(line_length)
        start = line_starts[line]
        for k in range(n_taps):
            shifted = padded[start + offsets[k] :]  # the padded line under tap k
            w = weights[k]
            for j in range(line_length):
                acc[j] += w * shifted[j]
        for j in range(line_length):
            out[line, j] = acc[j]


def _expand_weights(weights, ndim, axes):
    """Weights given for ``axes`` only, with length-1 axes inserted for the others (SciPy's
    ``np.expand_dims``: the weights' axes keep their order, so they lie along ``sorted(axes)``
    whatever order ``axes`` lists them in)."""
    if weights.ndim != len(axes):
        raise RuntimeError(f"weights.ndim ({weights.ndim}) must match len(axes) ({len(axes)})")
    if len(axes) < ndim:
        weights = np.expand_dims(weights, tuple(ax for ax in range(ndim) if ax not in axes))
    return weights


def _expand_origins(origin, ndim, axes):
    """Origins as SciPy places them: along ``axes`` in the order given when some axes are left
    out; when ``axes`` names every axis, in axis order (as the weights)."""
    if len(axes) < ndim:
        return expand_origins(origin, ndim, axes, convert=False)
    return normalize_origins(origin, ndim, convert=False)


def _correlate_padded(padded, weights, out=None):
    """The correlation of ``weights`` with every window that fits inside ``padded``.

    ``padded`` is the image already extended past its edges by the boundary mode, by
    ``weights.shape[d] - 1`` pixels in all along every axis ``d``; so every window lies inside
    it and no border test is needed.  Output pixel ``p`` (an index tuple) is::

        out[p] = sum over the taps k of weights:   weights[k] * padded[p + k]

    computed in float64, starting from 0.0 and adding the taps in raster order (row by row),
    and skipping the taps whose ``|weight| <= 2.2e-16`` (SciPy's rule: a zero weight times an
    inf or nan pixel would otherwise give nan).

    Hint: loop over the taps, not over the pixels.  For the tap ``k = (a, b)`` of a 2-D kernel,
    the pixels under it for all the outputs at once are the slice
    ``padded[a:a + out_rows, b:b + out_cols]`` — so the whole sum is ``out += w * slice`` once
    per tap (``np.ndindex(weights.shape)`` lists the taps in raster order, in any dimension).

    Returns the float64 array of shape ``padded.shape - weights.shape + 1`` (``out`` when given).
    """
    shape = tuple(p - k + 1 for p, k in zip(padded.shape, weights.shape))
    if out is None:
        out = np.empty(shape, dtype=np.float64)
    if out.size == 0:
        return out
    padded = np.ascontiguousarray(padded, dtype=np.float64)
    # the taps that count (|w| > eps, SciPy's rule) with their flat offsets in the padded array
    taps = np.argwhere(np.abs(weights) > DBL_EPSILON)  # raster order
    offsets = np.ravel_multi_index(taps.T, padded.shape).astype(np.int64) if taps.size else np.zeros(0, np.int64)
    tap_weights = np.ascontiguousarray(weights[tuple(taps.T)], dtype=np.float64)
    # where each output line starts in the padded array
    line_length = shape[-1]
    n_lines = out.size // line_length
    padded_strides = np.cumprod((padded.shape[1:] + (1,))[::-1])[::-1]  # in elements
    line_index = np.indices(shape[:-1]).reshape(len(shape) - 1, n_lines)
    line_starts = (padded_strides[:-1, None] * line_index).sum(axis=0).astype(np.int64)
    _correlate_nd.sized(out.size)(padded.ravel(), line_starts, line_length, offsets, tap_weights,
                                  out.reshape(-1, line_length))
    return out


def _correlate_or_convolve(input, weights, output, mode, cval, origin, convolution, axes):
    input = input_array(input, allow_complex=True, check_dtype=False)
    weights = np.asarray(weights)
    if input.dtype.kind == "c" or weights.dtype.kind == "c":
        # complex data or weights: real filterings of the parts (complex_via_real_components);
        # a correlation (not a convolution) conjugates complex weights, as np.correlate does
        if weights.dtype.kind == "c" and not convolution:
            weights = weights.conj()
        output = get_output(output, input, complex_output=True)
        return complex_via_real_components(_correlate_or_convolve, input, weights, output, cval, mode=mode,
                                           origin=origin, convolution=convolution, axes=axes)
    axes = check_axes(axes, input.ndim)
    weights = _expand_weights(np.asarray(weights, dtype=np.float64), input.ndim, axes)
    origins = _expand_origins(origin, input.ndim, axes)
    if any(s < 1 for s in weights.shape):
        raise RuntimeError(f"no filter weights given: `weights` has shape {weights.shape}")
    if convolution:  # flip the kernel in every axis; re-centre even sizes as SciPy does
        weights = weights[(slice(None, None, -1),) * weights.ndim]
        origins = [-o - (1 - size % 2) for o, size in zip(origins, weights.shape)]
    for o, size in zip(origins, weights.shape):
        check_origin(o, size)
    output = get_output(output, input, check_dtype=False)
    mode = canonical_mode(mode)
    cval = as_cval(cval)
    origins = [as_c_origin(o, allow_bool=False) for o in origins]  # (SciPy's C parser, after cval)
    if input.size == 0:  # (SciPy: no pixel, so no complaint about the output's dtype)
        return output
    check_c_dtypes(input, output)
    if input.ndim == 0:  # a scalar: just the centre weight
        return store(np.asarray(float(input) * float(weights)), output, uint64_modulo=True)

    # 1. pad the image so that every window lies inside the padded array
    before = [size // 2 + o for size, o in zip(weights.shape, origins)]
    after = [size - 1 - b for size, b in zip(weights.shape, before)]
    padded = pad(np.asarray(input, dtype=np.float64), before, after, mode, as_cval(cval))

    # 2. the sum over the taps, for every output pixel (the "valid" correlation of the padded image)
    result = _correlate_padded(padded, weights, kernel_output(output))
    return store(result, output, uint64_modulo=True)  # (SciPy's n-D cast: see `store`)


def correlate(input, weights, output=None, mode="reflect", cval=0.0, origin=0, *, axes=None):
    """Multidimensional correlation.

    Every output pixel is the sum of the products of ``weights`` with the pixels under it,
    the kernel centred at ``weights.shape // 2 + origin``; pixels beyond the edge come from
    ``mode``.  Written as: pad once, list the non-zero taps with their offsets, then sum
    shifted lines tap by tap (see the module docstring).  Cost ``O(N * K)`` for ``K``
    non-zero weights.

    The centre tap of an axis of ``K`` weights is ``K // 2 + origin`` (for an even ``K``: the
    one right of the middle), so the image is extended by ``before = K // 2 + origin`` pixels in
    front and ``after = K - 1 - before`` behind; ``pad`` does that with the boundary mode
    (step 2), ``correlate_padded`` sums the taps (step 3).  The result has the
    input's dtype, cast as C casts (NumPy's ``astype``): integers truncate toward zero; a bool
    image receives the value cast to a byte (``astype(np.uint8)``, then viewed as bool).

    Parameters
    ----------
    input : array_like
        The input array.
    weights : ndarray
        Array of weights, same number of dimensions as input (or as ``len(axes)``).
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        The boundary mode. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    origin : int or sequence, optional
        Controls the placement of the filter on the input array's pixels.
    axes : tuple of int or None, optional
        If None, `input` is filtered along all axes.  Otherwise only along these axes, and
        `weights` has ``len(axes)`` dimensions.

    Returns
    -------
    result : ndarray
        The result of correlation of `input` with `weights`.

    See Also
    --------
    scipy.ndimage.correlate : the reference.
    convolve : the same with the kernel flipped.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import correlate
    >>> image = np.arange(25).reshape(5, 5)
    >>> correlate(image, np.ones((2, 2)))
    array([[ 0,  2,  6, 10, 14],
           [10, 12, 16, 20, 24],
           [30, 32, 36, 40, 44],
           [50, 52, 56, 60, 64],
           [70, 72, 76, 80, 84]])
    """
    return _correlate_or_convolve(input, weights, output, mode, cval, origin, False, axes)


def convolve(input, weights, output=None, mode="reflect", cval=0.0, origin=0, *, axes=None):
    """Multidimensional convolution.

    Convolution is correlation with the kernel flipped along every axis (and, for even
    sizes, the centre moved so that both are centred as SciPy centres them): per axis of
    ``K`` weights, ``convolve(x, w, origin=o)`` is ``correlate(x, w[::-1], origin=-o)`` for
    an odd ``K`` and ``origin=-o - 1`` for an even ``K`` (exercise correlate builds that one).

    Parameters
    ----------
    input : array_like
        The input array.
    weights : array_like
        Array of weights, same number of dimensions as input (or as ``len(axes)``).
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        The boundary mode. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    origin : int or sequence, optional
        Controls the placement of the filter on the input array's pixels.
    axes : tuple of int or None, optional
        The axes over which to apply the filter (all by default).

    Returns
    -------
    result : ndarray
        The result of convolution of `input` with `weights`.

    See Also
    --------
    scipy.ndimage.convolve : the reference.
    scratch.signal.fftconvolve : the same sum computed in the frequency domain.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import convolve
    >>> a = np.array([[1, 2, 0, 0], [5, 3, 0, 4], [0, 0, 0, 7], [9, 3, 0, 0]])
    >>> k = np.array([[1, 1, 1], [1, 1, 0], [1, 0, 0]])
    >>> convolve(a, k, mode='constant', cval=0.0)
    array([[11, 10,  7,  4],
           [10,  3, 11, 11],
           [15, 12, 14,  7],
           [12,  3,  7,  0]])
    """
    return _correlate_or_convolve(input, weights, output, mode, cval, origin, True, axes)
