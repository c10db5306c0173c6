"""The exact Euclidean distance transform, in linear time (Felzenszwalb & Huttenlocher).

For every foreground pixel ``p`` (nonzero), find the nearest background pixel ``b`` (zero) and
its distance ``|p - b|``.  Trying every background pixel costs ``O(N^2)``; the squared
Euclidean distance is *separable*, and that gives ``O(N)``::

    D(p) = min_b  sum_d ((p_d - b_d) s_d)^2          (s = sampling, the pixel spacing)

Minimise one axis at a time.  After the axes ``0..d-1`` are done, ``D_d(p)`` is the squared
distance to the nearest background pixel in the sub-space where only those axes vary.  Then

    D_{d+1}(p) = min_q ( D_d(q) + ((p_d - q_d) s_d)^2 ),   q on p's line along axis d,

which is the **lower envelope of parabolas**: each ``q`` contributes a parabola of height
``D_d(q)`` centred at ``q``, and the envelope is found in one left-to-right sweep:

1. Keep a stack of the parabolas that are lowest somewhere, with the boundaries ``z`` between
   their ranges.  For a new parabola ``q``, compute where it crosses the top of the stack,

       x = ((D(q) + (q s)^2) - (D(v) + (v s)^2)) / (2 s (q - v)),

   and pop the top while that crossing lies left of the top's own range (it is hidden).
2. A second sweep reads, for every ``p``, the parabola whose range holds ``p``.

Each parabola is pushed and popped at most once, so each axis costs ``O(n)`` per line and the
whole transform ``O(N · ndim)``.  The first axis needs no parabolas (``D_0`` is 0 at background
and infinite elsewhere): two sweeps find the nearest background pixel along each column.
Pixels whose sub-space holds no background keep ``D = inf`` and are skipped as parabolas.

Alongside ``D`` we carry the *feature transform*: the coordinates of the chosen background pixel
(``return_indices``).  The distances are finally computed from those coordinates exactly as
SciPy computes them, so both agree to the last bit when the nearest pixel is unique.  Where
two background pixels are equally near, SciPy (Maurer's algorithm) and this sweep may pick
different ones; the distance is the same.

Reference: P. F. Felzenszwalb and D. P. Huttenlocher, "Distance Transforms of Sampled
Functions", Theory of Computing 8 (2012).  SciPy ``scipy.ndimage.distance_transform_edt``
(Maurer et al., IEEE PAMI 25, 2003).
"""

import numpy as np

from .._checks import normalize_sequence
from .._jit import parallel_jit, prange

__all__ = ["distance_transform_edt"]

# columns per task in the first (column-sweep) pass
_BLOCK = 256


@parallel_jit
def _nearest_along_first_axis(background, scale, dist, nearest):
    """Axis 0: nearest background row for every pixel of ``background[n0, rest]``.

    ``dist`` gets the squared distance ``((i - b) * scale)^2`` (inf if the column has no
    background), ``nearest`` the row ``b``.  Rows are swept in order, columns in blocks.
    """
    n0, rest = background.shape
    n_blocks = (rest + _BLOCK - 1) // _BLOCK
    for task in prange(n_blocks):
        j0 = task * _BLOCK
        j1 = min(j0 + _BLOCK, rest)
        last = np.full(j1 - j0, -1, dtype=np.int64)
        for i in range(n0):  # downward: the nearest background at or above
            for j in range(j0, j1):
                if background[i, j]:
                    last[j - j0] = i
                nearest[i, j] = last[j - j0]
        for j in range(j0, j1):
            last[j - j0] = -1
        for i in range(n0 - 1, -1, -1):  # upward: keep the nearer of above and below
            for j in range(j0, j1):
                if background[i, j]:
                    last[j - j0] = i
                below = last[j - j0]
                above = nearest[i, j]
                if below >= 0 and (above < 0 or below - i < i - above):
                    nearest[i, j] = below
                b = nearest[i, j]
                if b < 0:
                    dist[i, j] = np.inf
                else:
                    step = (i - b) * scale
                    dist[i, j] = step * step


@parallel_jit
def _envelope_pass(dist, features, axis_index, scale, n_axes_done):
    """One later axis: lower envelope of parabolas along the middle axis of ``dist[outer, n, inner]``.

    ``features[d]`` (shape ``(outer, n, inner)`` per ``d``) holds the feature coordinates found
    so far for the axes ``d < n_axes_done``; this pass sets ``features[axis_index]`` and moves the
    others along with the chosen parabola.
    """
    n_outer, n, n_inner = dist.shape
    for task in prange(n_outer * n_inner):
        a = task // n_inner
        b = task % n_inner
        f = np.empty(n)
        feat = np.empty((n_axes_done, n), dtype=features.dtype)
        for i in range(n):  # gather the line
            f[i] = dist[a, i, b]
            for d in range(n_axes_done):
                feat[d, i] = features[d, a, i, b]
        v = np.empty(n, dtype=np.int64)  # stack of parabola centres
        z = np.empty(n + 1)  # z[k]..z[k+1]: where parabola v[k] is lowest
        k = -1
        for q in range(n):
            if f[q] == np.inf:
                continue  # no background reachable from q yet: not a parabola
            xq = q * scale
            if k < 0:
                k = 0
                v[0] = q
                z[0] = -np.inf
                z[1] = np.inf
                continue
            xv = v[k] * scale
            s = ((f[q] + xq * xq) - (f[v[k]] + xv * xv)) / (2.0 * (xq - xv))
            while s <= z[k]:  # the top parabola is hidden by q: pop it (z[0] = -inf stops this)
                k -= 1
                xv = v[k] * scale
                s = ((f[q] + xq * xq) - (f[v[k]] + xv * xv)) / (2.0 * (xq - xv))
            k += 1
            v[k] = q
            z[k] = s
            z[k + 1] = np.inf
        if k < 0:  # no background reachable on this line yet
            continue
        k = 0
        for p in range(n):
            xp = p * scale
            while z[k + 1] < xp:
                k += 1
            q = v[k]
            step = (p - q) * scale
            dist[a, p, b] = f[q] + step * step
            for d in range(n_axes_done):
                features[d, a, p, b] = feat[d, q]
            features[axis_index, a, p, b] = q


@parallel_jit
def _envelope_pass_lines(dist, features, scale, n_axes_done):
    """The same pass along the last (contiguous) axis: ``dist[lines, n]``, ``features[ndim, lines, n]``.

    Written for contiguous lines (the common 2-D case): the parabola heights
    ``D(q) + (q s)^2`` are computed once per line, only the chosen centre of each ``p`` is
    stored before the features move, and each task takes a chunk of lines with its own
    work arrays (allocated once per chunk).
    """
    n_lines, n = dist.shape
    axis_index = n_axes_done
    n_chunks = min(n_lines, 64)
    for chunk in prange(n_chunks):
        height = np.empty(n)  # D(q) + (q s)^2 of each parabola
        v = np.empty(n, dtype=np.int64)  # centres of the parabolas on the lower envelope
        z = np.empty(n + 1)  # parabola v[k] is lowest on [z[k], z[k + 1]]
        chosen = np.empty(n, dtype=np.int64)
        old = np.empty(n, dtype=features.dtype)
        f_old = np.empty(n)
        for line in range(chunk * n_lines // n_chunks, (chunk + 1) * n_lines // n_chunks):
            k = -1
            for q in range(n):
                fq = dist[line, q]
                if fq == np.inf:
                    continue  # no background reachable from q yet: not a parabola
                xq = q * scale
                height[q] = fq + xq * xq
                if k < 0:
                    k = 0
                    v[0] = q
                    z[0] = -np.inf
                    z[1] = np.inf
                    continue
                s = (height[q] - height[v[k]]) / (2.0 * (xq - v[k] * scale))
                while s <= z[k]:  # the top parabola is hidden by q: pop it (z[0] = -inf stops this)
                    k -= 1
                    s = (height[q] - height[v[k]]) / (2.0 * (xq - v[k] * scale))
                k += 1
                v[k] = q
                z[k] = s
                z[k + 1] = np.inf
            if k < 0:
                continue
            k = 0
            for p in range(n):  # read the envelope at every p
                xp = p * scale
                while z[k + 1] < xp:
                    k += 1
                chosen[p] = v[k]
            for d in range(n_axes_done):  # the earlier axes' features move with the chosen centre
                for p in range(n):
                    old[p] = features[d, line, p]
                for p in range(n):
                    features[d, line, p] = old[chosen[p]]
            for p in range(n):
                f_old[p] = dist[line, p]
            for p in range(n):
                q = chosen[p]
                step = (p - q) * scale
                dist[line, p] = f_old[q] + step * step
                features[axis_index, line, p] = q


@parallel_jit
def _envelope_pass_zero_scale(dist, features, axis_index, n_axes_done):
    """The same pass when the sampling along the axis is 0: the smallest ``dist`` on the line wins."""
    n_outer, n, n_inner = dist.shape
    for task in prange(n_outer * n_inner):
        a = task // n_inner
        b = task % n_inner
        best = -1
        for q in range(n):
            if dist[a, q, b] != np.inf and (best < 0 or dist[a, q, b] < dist[a, best, b]):
                best = q
        if best < 0:
            continue
        fb = dist[a, best, b]
        feat = np.empty(n_axes_done, dtype=features.dtype)
        for d in range(n_axes_done):
            feat[d] = features[d, a, best, b]
        for p in range(n):
            dist[a, p, b] = fb
            for d in range(n_axes_done):
                features[d, a, p, b] = feat[d]
            features[axis_index, a, p, b] = best


@parallel_jit
def _distances_kernel(features, lead_shape, sampling, out):
    """``out = sqrt(sum_d ((features[d] - index_d) * sampling[d])^2)`` — SciPy's formula and order.

    ``features`` is ``(ndim, n_lines, nx)`` (lines along the last axis), ``out`` ``(n_lines, nx)``.
    """
    ndim = features.shape[0]
    n_lines = features.shape[1]
    nx = features.shape[2]
    n_lead = lead_shape.shape[0]
    for line in prange(n_lines):
        coord = np.empty(ndim, dtype=np.int64)
        rem = np.int64(line)  # a copy: the prange index itself must not change
        for d in range(n_lead - 1, -1, -1):
            coord[d] = rem % lead_shape[d]
            rem //= lead_shape[d]
        for x in range(nx):
            coord[ndim - 1] = x
            total = 0.0
            for d in range(ndim):
                step = float(features[d, line, x] - coord[d]) * sampling[d]
                total += step * step
            out[line, x] = np.sqrt(total)


def _arg_check(dt_inplace, ft_inplace, return_distances, return_indices):
    problems = []
    if not return_distances and not return_indices:
        problems.append("at least one of return_distances/return_indices must be True")
    if dt_inplace and not return_distances:
        problems.append("return_distances must be True if distances is supplied")
    if ft_inplace and not return_indices:
        problems.append("return_indices must be True if indices is supplied")
    if problems:
        raise RuntimeError(", ".join(problems))


def _feature_transform(background, sampling):
    """Feature transform ``(ndim,) + shape`` int32 of the bool array ``background`` (non-empty)."""
    shape = background.shape
    ndim = len(shape)
    features = np.empty((ndim,) + shape, dtype=np.int32)
    if not background.any():
        # no background at all: SciPy's answer is the virtual pixel (-1, 0, ..., 0)
        features[0] = -1
        features[1:] = 0
        return features
    dist = np.empty(shape, dtype=np.float64)
    rest = int(np.prod(shape[1:], dtype=np.int64))
    _nearest_along_first_axis.sized(background.size)(background.reshape(shape[0], rest), abs(float(sampling[0])),
                              dist.reshape(shape[0], rest), features[0].reshape(shape[0], rest))
    for axis in range(1, ndim):
        outer = int(np.prod(shape[:axis], dtype=np.int64))
        inner = int(np.prod(shape[axis + 1:], dtype=np.int64))
        d3 = dist.reshape(outer, shape[axis], inner)
        f4 = features.reshape(ndim, outer, shape[axis], inner)
        scale = abs(float(sampling[axis]))
        if scale == 0.0:
            _envelope_pass_zero_scale.sized(dist.size)(d3, f4, axis, axis)
        elif inner == 1:
            _envelope_pass_lines.sized(dist.size)(d3.reshape(outer, shape[axis]),
                                                  f4.reshape(ndim, outer, shape[axis]), scale, axis)
        else:
            _envelope_pass.sized(dist.size)(d3, f4, axis, scale, axis)
    return features


def distance_transform_edt(input, sampling=None, return_distances=True, return_indices=False,
                           distances=None, indices=None):
    """Exact Euclidean distance transform.

    For every nonzero element of `input`, the Euclidean distance to the nearest zero element
    (the background), computed by the separable lower-envelope algorithm of Felzenszwalb and
    Huttenlocher in ``O(N · ndim)`` (see the module docstring).

    Parameters
    ----------
    input : array_like
        Input data to transform. Can be any type but will be converted into binary: 1
        wherever input equates to True, 0 elsewhere.
    sampling : float, or sequence of float, optional
        Spacing of elements along each dimension. If a sequence, must be of length equal to
        the input rank; if a single number, this is used for all axes. If not specified, a
        grid spacing of unity is implied.
    return_distances : bool, optional
        Whether to calculate the distance transform. Default is True.
    return_indices : bool, optional
        Whether to calculate the feature transform (the indices of the nearest background
        element). Default is False.
    distances : float64 ndarray, optional
        An output array to store the calculated distance transform, instead of returning it.
        `return_distances` must be True. It must be the same shape as `input`.
    indices : int32 ndarray, optional
        An output array to store the calculated feature transform, instead of returning it.
        `return_indicies` must be True. Its shape must be ``(input.ndim,) + input.shape``.

    Returns
    -------
    distances : float64 ndarray, optional
        The calculated distance transform. Returned only when `return_distances` is True and
        `distances` is not supplied. It will have the same shape as the input array.
    indices : int32 ndarray, optional
        The calculated feature transform. It has an input-shaped array for each dimension of
        the input. Returned only when `return_indices` is True and `indices` is not supplied.

    See Also
    --------
    scipy.ndimage.distance_transform_edt : the reference.

    Notes
    -----
    Where two background elements are equally near, the returned index may differ from
    SciPy's (the distance does not).  With no background at all, both return the distance to
    the virtual element ``(-1, 0, ..., 0)``, as SciPy does.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import distance_transform_edt
    >>> a = np.array([[0, 1, 1, 1, 1],
    ...               [0, 0, 1, 1, 1],
    ...               [0, 1, 1, 1, 1],
    ...               [0, 1, 1, 1, 0],
    ...               [0, 1, 1, 0, 0]])
    >>> distance_transform_edt(a)
    array([[0.        , 1.        , 1.41421356, 2.23606798, 3.        ],
           [0.        , 0.        , 1.        , 2.        , 2.        ],
           [0.        , 1.        , 1.41421356, 1.41421356, 1.        ],
           [0.        , 1.        , 1.41421356, 1.        , 0.        ],
           [0.        , 1.        , 1.        , 0.        , 0.        ]])
    """
    ft_inplace = isinstance(indices, np.ndarray)
    dt_inplace = isinstance(distances, np.ndarray)
    _arg_check(dt_inplace, ft_inplace, return_distances, return_indices)
    input = np.atleast_1d(np.asarray(input))
    if input.dtype.kind in "OSUV":
        raise TypeError(f"`input` must be a numeric array, got dtype {input.dtype}")
    background = np.ascontiguousarray(input == 0)
    ndim = input.ndim
    if sampling is None:
        scales = np.ones(ndim)
    else:
        scales = np.asarray(normalize_sequence(sampling, ndim, "sampling"), dtype=np.float64)
    if ft_inplace:
        if indices.shape != (ndim,) + input.shape:
            raise RuntimeError(f"indices array has wrong shape: expected {(ndim,) + input.shape}, got {indices.shape}")
        if indices.dtype.type != np.int32:
            raise RuntimeError(f"indices array must be int32, got {indices.dtype}")
    if dt_inplace:
        if distances.shape != input.shape:
            raise RuntimeError(f"distances array has wrong shape: expected {input.shape}, got {distances.shape}")
        if distances.dtype.type != np.float64:
            raise RuntimeError(f"distances array must be float64, got {distances.dtype}")

    if input.size == 0:
        features = np.zeros((ndim,) + input.shape, dtype=np.int32)
    else:
        features = _feature_transform(background, scales)

    result = []
    if return_distances:
        dt = distances if dt_inplace else np.empty(input.shape, dtype=np.float64)
        if input.size:
            nx = input.shape[-1]
            n_lines = input.size // nx
            work = dt if dt.flags.c_contiguous else np.empty(input.shape, dtype=np.float64)
            _distances_kernel.sized(input.size)(features.reshape(ndim, n_lines, nx),
                              np.asarray(input.shape[:-1], dtype=np.int64), scales,
                              work.reshape(n_lines, nx))
            if work is not dt:
                dt[...] = work
        if not dt_inplace:
            result.append(dt)
    if return_indices:
        if ft_inplace:
            indices[...] = features
        else:
            result.append(features)
    if len(result) == 2:
        return tuple(result)
    if len(result) == 1:
        return result[0]
    return None
