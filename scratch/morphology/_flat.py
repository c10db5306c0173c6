"""The engine of flat morphology: the minimum (or maximum) of an image over a footprint.

Grey erosion is ``out[x] = min { image[x + k] : footprint[c + k] }`` (``c`` the centre) and
dilation the same with ``max``; binary erosion/dilation are the same on 0/1 images.  Done
naively that is one comparison per footprint element per pixel — 81 for ``disk(5)``, 225 for a
15 x 15 square.  Two classic ideas make it much cheaper.

**1. Running min in O(1) per pixel: van Herk / Gil-Werman.**  Cut a line into blocks of the
window length ``L``.  Within each block compute prefix minima ``g`` (left to right) and suffix
minima ``h`` (right to left).  A window ``[j, j + L - 1]`` covers the end of one block and the
start of the next, so::

    min(x[j .. j+L-1]) = min(h[j], g[j + L - 1])

Three comparisons per pixel, whatever ``L``.  A rectangle is separable — the min over a box is
the min along rows of the min along columns — so ``footprint_rectangle`` of any size costs
``O(ndim)`` per pixel: one pass per axis.  Down the columns the van Herk steps are minima of
whole rows (vectorised); along a row they form a chain, so short windows (``L <= 64``) use
doubling instead (below), which vectorises, and long ones van Herk.

**2. Doubling for short windows.**  ``D_1 = x`` and ``D_2p[j] = min(D_p[j], D_p[j + p])`` give
the minima over windows of 1, 2, 4, 8 ... values, each step one minimum of two shifted copies
of the line (a SIMD loop); a window of ``L`` with ``p <= L < 2p`` is two overlapping windows
of ``p``: ``min(D_p[j], D_p[j + L - p])``.  ``log2(L) + 1`` vector steps per length.

**3. Any footprint as horizontal runs.**  Every row of a footprint is a few runs of consecutive
ones (a disk row is one run).  With ``R_L`` = the running min of length ``L`` along the rows of
the (padded) image — one doubling pass per *distinct* run length — the filter becomes::

    out[y, x] = min over runs (dy, dx, L) of  R_L[y + dy, x + dx]

For ``disk(5)``: 4 distinct lengths and 11 runs, ~20 vector operations per row instead of 81
comparisons per pixel.  The same holds in n-D, with "rows" along the last axis and ``dy`` an
offset along the others.  Each task works on a band of rows (planes in 3-D), so its ``R_L``
stay in the cache.

**NaN.**  With NaN the minimum depends on the order of the comparisons; float images that
hold one (or a 'constant' border of NaN) go to ``_flat_nan.py``, which follows SciPy's.

**Borders.**  The image is extended by the boundary-mode engine of ``scratch.ndimage``
(``reflect``, ``mirror``, ``nearest``, ``wrap``, ``constant``): the separable passes read
through its index map, the run decomposition reads a padded copy.  Everything runs in the
image's own dtype.  SciPy, in C, reads pixels as doubles; its n-D filter first casts ``cval`` to
the image dtype (truncation, wrap-around), its 1-D filters compare with the double ``cval``
and cast the result.  Min and max commute with a monotone cast, so converting ``cval`` once
gives the same result — except for a ``cval`` beyond the dtype's range in a 1-D pass, where it
wins at every pixel whose window leaves the image (handled explicitly, see ``_separable_fill``).

Reference: M. van Herk, "A fast algorithm for local minimum and maximum filters on rectangular
and octagonal kernels", Pattern Recognit. Lett. 13 (1992); J. Gil and M. Werman, "Computing
2-D min, median, and max filters", IEEE PAMI 15 (1993).  SciPy ``scipy.ndimage.minimum_filter``
(``ni_filters.c``).
"""

import numba
import numpy as np

from .._checks import native_byte_order
from .._jit import jit, parallel_jit, prange
from ..ndimage._boundary import canonical_mode, extend_indices, pad
from ._flat_nan import flat_filter_scipy_order, needs_scipy_order

__all__ = ["flat_filter", "c_cast"]

# columns per task when a running min runs down the columns
_BLOCK = 512
# longest window for which doubling (log2 steps, vectorised) beats van Herk (3 sequential steps)
_DOUBLING_MAX = 64


@jit
def _extreme(a, b, out, minimum):
    """``out = min(a, b)`` (or max), elementwise: one vectorised ufunc call."""
    if minimum:
        np.minimum(a, b, out)  # Numba takes the output only as a positional argument
    else:
        np.maximum(a, b, out)


if numba.config.DISABLE_JIT:  # plain Python: NumPy wants the output as a keyword argument

    def _extreme(a, b, out, minimum):  # noqa: F811
        """``out = min(a, b)`` (or max), elementwise."""
        if minimum:
            np.minimum(a, b, out=out)
        else:
            np.maximum(a, b, out=out)


@jit
def _running_min(src, length, minimum, prefix, out):
    """``out[j] = min(src[j : j + length])`` (or max) for ``j <= len(src) - length`` — van Herk / Gil-Werman.

    ``prefix`` and ``out`` are work arrays of at least ``len(src)`` values (``out`` holds the
    suffix minima before it holds the result).
    """
    m = src.shape[0]
    if length == 1:
        for j in range(m):
            out[j] = src[j]
        return
    for start in range(0, m, length):  # blocks of `length` values
        stop = min(start + length, m)
        prefix[start] = src[start]  # g: minimum from the block start up to j
        for j in range(start + 1, stop):
            v = src[j]
            if (v < prefix[j - 1]) == minimum:
                prefix[j] = v
            else:
                prefix[j] = prefix[j - 1]
        out[stop - 1] = src[stop - 1]  # h: minimum from j to the block end
        for j in range(stop - 2, start - 1, -1):
            v = src[j]
            if (v < out[j + 1]) == minimum:
                out[j] = v
            else:
                out[j] = out[j + 1]
    for j in range(m - length + 1):  # a window = the end of one block + the start of the next
        a = out[j]
        b = prefix[j + length - 1]
        out[j] = a if (a < b) == minimum else b


@parallel_jit
def _separable_lines(image, index_map, before, cval, length, minimum, out):
    """One running-minimum pass along the last axis of ``image[lines, n]`` (borders via ``index_map``).

    Short windows use doubling (:func:`_window_minima`, ``log2(length) + 1`` vectorised steps),
    long ones van Herk (three sequential steps per pixel, whatever the length).
    """
    n_lines, n = image.shape
    m = index_map.shape[0]
    lengths = np.full(1, length, dtype=np.int64)
    for line in prange(n_lines):
        ext = np.empty(m, dtype=image.dtype)  # the line extended by the boundary mode
        for t in range(m):
            if t == before:  # the image itself: one contiguous copy
                ext[before:before + n] = image[line]
            if before <= t < before + n:
                continue
            j = index_map[t]
            ext[t] = cval if j < 0 else image[line, j]
        work1 = np.empty(m, dtype=image.dtype)
        work2 = np.empty(m, dtype=image.dtype)
        if length <= _DOUBLING_MAX:
            result = np.empty((1, m), dtype=image.dtype)
            _window_minima(ext, lengths, minimum, work1, work2, result)
            out[line, :] = result[0, :n]
        else:
            _running_min(ext, length, minimum, work1, work2)
            out[line, :] = work2[:n]


@jit
def _gather_row(image, a, src, b0, b1, cval, row):
    """Row ``src`` of ``image[a]`` (columns ``b0:b1``) into ``row``; the constant if ``src < 0``."""
    if src < 0:
        row[:] = cval
    else:
        row[:] = image[a, src, b0:b1]


@parallel_jit
def _separable_rows(image, index_map, cval, length, minimum, out):
    """One van Herk pass along the middle axis of ``image[outer, n, inner]``, blocks of columns.

    The same prefix/suffix minima, for a block of columns at once: every step is a minimum of
    two rows (``np.minimum`` on contiguous slices, which the compiler vectorises).  The
    extended rows are read once, a block of ``length`` rows at a time; only two blocks of
    prefix and suffix minima are kept (a window starting in block ``k`` ends in block ``k`` or
    ``k + 1``), so the work arrays stay in the cache.  ``out`` must not be ``image``.
    """
    n_outer, n, n_inner = image.shape
    m = index_map.shape[0]
    n_blocks = (n_inner + _BLOCK - 1) // _BLOCK
    n_row_blocks = (m + length - 1) // length
    for task in prange(n_outer * n_blocks):
        a = task // n_blocks
        b0 = (task % n_blocks) * _BLOCK
        b1 = min(b0 + _BLOCK, n_inner)
        prefix = np.empty((2, length, b1 - b0), dtype=image.dtype)  # g of blocks k - 1 and k
        suffix = np.empty((2, length, b1 - b0), dtype=image.dtype)  # h of blocks k - 1 and k
        for k in range(n_row_blocks + 1):
            if k < n_row_blocks:  # read block k once: its prefix and suffix minima
                start = k * length
                stop = min(start + length, m)
                g = prefix[k % 2]
                h = suffix[k % 2]
                for t in range(start, stop):
                    src = index_map[t]
                    if src < 0:
                        g[t - start, :] = cval
                    else:
                        g[t - start, :] = image[a, src, b0:b1]
                    h[t - start, :] = g[t - start]
                    if t > start:
                        _extreme(g[t - start], g[t - start - 1], g[t - start], minimum)
                for t in range(stop - 2, start - 1, -1):
                    _extreme(h[t - start], h[t - start + 1], h[t - start], minimum)
            if k == 0:
                continue
            start = (k - 1) * length  # windows starting in block k - 1 end in block k - 1 or k
            for i in range(start, min(start + length, n)):
                j = i + length - 1
                if j < start + length:
                    _extreme(suffix[(k - 1) % 2, i - start], prefix[(k - 1) % 2, j - start],
                             out[a, i, b0:b1], minimum)
                else:
                    _extreme(suffix[(k - 1) % 2, i - start], prefix[k % 2, j - start - length],
                             out[a, i, b0:b1], minimum)


@jit
def _window_minima(line, lengths, minimum, buffer1, buffer2, out):
    """``out[k, j] = min(line[j : j + lengths[k]])`` for increasing ``lengths`` — by doubling.

    ``D_2p[j] = min(D_p[j], D_p[j + p])`` gives the minima over windows of 1, 2, 4, 8, ...
    values, each a vectorised minimum of two shifted copies of the line; a window of length
    ``L`` with ``p <= L < 2p`` is then two overlapping windows of ``p``:
    ``min(D_p[j], D_p[j + L - p])``.  ``log2(L) + 1`` vector operations per length.
    """
    m = line.shape[0]
    current = line
    p = 1
    use_first = True
    for k in range(lengths.shape[0]):
        length = lengths[k]
        while 2 * p <= length:
            target = buffer1 if use_first else buffer2
            _extreme(current[:m - p], current[p:], target[:m - p], minimum)
            current = target
            use_first = not use_first
            p *= 2
        _extreme(current[:m - length + 1], current[length - p:m - p + 1], out[k, :m - length + 1], minimum)


@parallel_jit
def _runs_banded(padded, lengths, band, run_plane, run_line, run_start, run_length_index,
                 out_plane_shape, padded_plane_strides, minimum, out):
    """Minimum over a footprint given as runs, a band of ``band`` planes along axis 0 per task.

    ``padded[P0, PL, W]`` (planes x lines per plane x line), ``out[N0, OL, nx]``.  For its band
    of output planes a task computes the window minima of every needed padded line for every
    distinct run length, then ``out[i, o, x] = min over runs of
    minima[length, (i + run_plane) plane, line(o) + run_line, x + run_start]``.
    """
    n0, n_out_lines, nx = out.shape
    n_planes_padded, lines_per_plane, width = padded.shape
    n_lengths = lengths.shape[0]
    n_runs = run_line.shape[0]
    n_rest = out_plane_shape.shape[0]
    extra = n_planes_padded - n0  # footprint extent along axis 0, minus one
    n_bands = (n0 + band - 1) // band
    for task in prange(n_bands):
        i0 = task * band
        i1 = min(i0 + band, n0)
        n_src = (i1 - i0 + extra) * lines_per_plane
        minima = np.empty((n_src, n_lengths, width), dtype=padded.dtype)
        buffer1 = np.empty(width, dtype=padded.dtype)
        buffer2 = np.empty(width, dtype=padded.dtype)
        for s in range(n_src):  # window minima of the padded lines this band reads
            _window_minima(padded[i0 + s // lines_per_plane, s % lines_per_plane], lengths, minimum,
                           buffer1, buffer2, minima[s])
        for i in range(i0, i1):
            for o in range(n_out_lines):
                base = 0  # padded line (within a plane) of output line o
                rem = np.int64(o)
                for d in range(n_rest - 1, -1, -1):
                    base += (rem % out_plane_shape[d]) * padded_plane_strides[d]
                    rem //= out_plane_shape[d]
                row = out[i, o]
                for r in range(n_runs):
                    src = minima[(i - i0 + run_plane[r]) * lines_per_plane + base + run_line[r],
                                 run_length_index[r]]
                    shift = run_start[r]
                    if r == 0:
                        row[:] = src[shift:shift + nx]
                    else:
                        _extreme(row, src[shift:shift + nx], row, minimum)


def c_cast(value, dtype):
    """``value`` (a double) converted to ``dtype`` the way SciPy's C code converts it on x86-64.

    Floats round to the nearest representable value.  Integers truncate toward zero; a double
    outside the range of the conversion gives the "integer indefinite" value (the minimum of
    int32, or of int64 for 64-bit types); narrower types keep the low bits of the int32.
    """
    dtype = np.dtype(dtype)
    value = float(value)
    if dtype.kind == "f":
        return dtype.type(value)
    wide = dtype.itemsize == 8 or dtype == np.uint32
    bits = 64 if wide else 32
    if not np.isfinite(value) or not -(2.0 ** (bits - 1)) <= value < 2.0 ** (bits - 1):
        if dtype == np.uint64 and 2.0 ** 63 <= value < 2.0 ** 64:
            return np.uint64(int(value))
        whole = -(1 << (bits - 1))
    else:
        whole = int(np.trunc(value))
    if dtype.kind == "b":
        return np.uint8(1 if whole & 0xFF else 0)
    size = 8 * dtype.itemsize
    whole %= 1 << size  # keep the low bits
    if dtype.kind == "i" and whole >= 1 << (size - 1):
        whole -= 1 << size
    return dtype.type(whole)


def _separable_fill(cval, dtype, minimum):
    """The constant for one separable pass, and the value SciPy writes where the border wins.

    SciPy's 1-D min/max filters compare in double and cast the result.  Within the dtype's
    range the cast commutes with min/max, so the truncated constant gives the same answer.  A
    constant beyond the range never wins on its far side (use the dtype's extreme) and always
    wins on its near side: every pixel whose window leaves the image then gets ``c_cast(cval)``
    (returned as ``override``; otherwise None).
    """
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return dtype.type(cval), None
    value = float(cval)
    low, high = (0, 1) if dtype.kind == "b" else (np.iinfo(dtype).min, np.iinfo(dtype).max)
    work_type = np.uint8 if dtype.kind == "b" else dtype.type
    if np.isnan(value):
        return work_type(high if minimum else low), c_cast(value, dtype)
    if value > high:
        return work_type(high), (None if minimum else c_cast(value, dtype))
    if value < low:
        return work_type(low), (c_cast(value, dtype) if minimum else None)
    return work_type(int(np.trunc(value))), None


def _runs_of(footprint):
    """The horizontal runs of ``footprint``: (leading index tuple, start, length) for each."""
    runs = []
    lead_shape = footprint.shape[:-1]
    for lead in np.ndindex(*lead_shape):
        row = footprint[lead]
        j = 0
        while j < row.shape[0]:
            if row[j]:
                start = j
                while j < row.shape[0] and row[j]:
                    j += 1
                runs.append((lead, start, j - start))
            else:
                j += 1
    return runs


def flat_filter(image, footprint, minimum, mode="reflect", cval=0, exact_cval=False):
    """Minimum (``minimum=True``) or maximum of ``image`` over a flat, odd-sized ``footprint``.

    ``out[x] = min { ext(image)[x + k] : footprint[c + k] }`` with ``c = shape // 2`` and ``ext``
    the image extended by ``mode`` (``cval`` for 'constant').  ``image`` keeps its dtype (bool
    is processed as 0/1 bytes).  ``footprint`` must have ``image.ndim`` axes, odd sizes, and at
    least one True element.

    ``cval`` is converted as SciPy converts it (see :func:`c_cast` and :func:`_separable_fill`),
    unless ``exact_cval``: then it is a value of the dtype already (e.g. the dtype's maximum).
    """
    image = np.asarray(image)
    mode = canonical_mode(mode)
    dtype = image.dtype
    work = np.ascontiguousarray(native_byte_order(image))  # big-endian ('>f8': FITS, TIFF) -> native
    is_bool = work.dtype == np.bool_
    if is_bool:
        work = work.view(np.uint8)
    footprint = np.asarray(footprint, dtype=bool)
    if work.size == 0:
        return np.empty(image.shape, dtype=dtype)
    if needs_scipy_order(work, mode, cval, exact_cval):  # NaN: the answer depends on the order
        return flat_filter_scipy_order(work, footprint, minimum, mode, cval)

    def prepare(value):  # a constant in the working dtype
        return work.dtype.type(value)

    result = np.empty(work.shape, dtype=work.dtype)

    if footprint.all():
        # a (hyper-)rectangle: one running-minimum pass per axis of size > 1
        source = work
        passes = [(axis, size) for axis, size in enumerate(footprint.shape) if size > 1]
        if not passes:
            result[...] = work
        for axis, size in passes:
            override = None
            if exact_cval:
                fill = prepare(cval)
            else:
                fill, override = _separable_fill(cval, dtype, minimum)
                fill = prepare(fill)
            n = work.shape[axis]
            centre = size // 2
            index_map = extend_indices(n, centre, size - 1 - centre, mode)
            outer = int(np.prod(work.shape[:axis], dtype=np.int64))
            inner = int(np.prod(work.shape[axis + 1:], dtype=np.int64))
            if inner == 1:
                _separable_lines.sized(work.size)(source.reshape(outer, n), index_map, centre, fill, size,
                                                  minimum, result.reshape(outer, n))
            else:
                target = result if source is not result else np.empty_like(result)
                _separable_rows.sized(work.size)(source.reshape(outer, n, inner), index_map, fill, size,
                                                 minimum, target.reshape(outer, n, inner))
                result = target
            if override is not None and mode == "constant":  # the out-of-range constant won
                edge = [slice(None)] * work.ndim
                edge[axis] = np.r_[0:min(centre, n), max(n - (size - 1 - centre), 0):n]
                result[tuple(edge)] = prepare(np.uint8(override) if is_bool else override)
            source = result
    else:
        # any other footprint: running minima of each run length, combined over the runs
        fill = prepare(cval if exact_cval else c_cast(cval, dtype))
        shape = footprint.shape
        before = [s // 2 for s in shape]
        after = [s - 1 - s // 2 for s in shape]
        padded = pad(work, before, after, mode, fill)
        if work.ndim == 1:  # a single plane holding a single line
            padded = padded.reshape(1, -1)
            footprint = footprint.reshape(1, -1)
            shape = footprint.shape
        planes = padded.shape[0]
        width = padded.shape[-1]
        padded_plane_shape = padded.shape[1:-1]  # leading axes after the first
        out_plane_shape = work.shape[1:-1] if work.ndim > 1 else ()
        strides = np.ones(len(padded_plane_shape), dtype=np.int64)
        for d in range(len(padded_plane_shape) - 2, -1, -1):
            strides[d] = strides[d + 1] * padded_plane_shape[d + 1]
        runs = _runs_of(footprint)
        lengths = np.array(sorted({length for _, _, length in runs}), dtype=np.int64)
        run_plane = np.array([lead[0] for lead, _, _ in runs], dtype=np.int64)
        run_line = np.array([int(np.dot(lead[1:], strides)) if len(lead) > 1 else 0 for lead, _, _ in runs],
                            dtype=np.int64)
        run_start = np.array([start for _, start, _ in runs], dtype=np.int64)
        run_length_index = np.searchsorted(lengths, [length for _, _, length in runs]).astype(np.int64)
        lines_per_plane = int(np.prod(padded_plane_shape, dtype=np.int64))
        # bands of planes: at least twice the footprint's extent (little recomputation) and
        # about 32 lines each (cache-sized work per task)
        band = max(2 * (shape[0] - 1), -(-32 // lines_per_plane), 1)
        nx = work.shape[-1]
        n0 = work.shape[0] if work.ndim > 1 else 1
        _runs_banded.sized(work.size)(
            padded.reshape(planes, lines_per_plane, width), lengths, band, run_plane, run_line, run_start,
            run_length_index, np.asarray(out_plane_shape, dtype=np.int64), strides, minimum,
            result.reshape(n0, -1, nx))
    return result.view(np.bool_) if is_bool else result
