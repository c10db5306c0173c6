"""Boundary modes: what a filter sees beyond the edge of the image.

A filter centred near the edge needs pixels that do not exist.  Every filter in
``scratch.ndimage`` asks this module the same question — *which real pixel stands in for
virtual index* ``i`` *of a line of length* ``n``? — and gets back a real index, or ``-1`` when
the mode says "use the constant ``cval``".  The answer for a whole extended line is an
*index map*: an int array the kernels read through, so the kernels themselves never think
about borders.

The modes, named as SciPy names them, on the line ``a b c d`` (``|`` marks the image edge)::

    mode        extended line                   rule for virtual index i
    ---------   ------------------------------  ---------------------------------------------
    reflect     d c b a | a b c d | d c b a     mirror about the pixel *edge*  (period 2n)
    mirror      d c b | a b c d | c b a         mirror about the pixel *centre* (period 2n-2)
    nearest     a a a a | a b c d | d d d d     repeat the edge pixel
    wrap        a b c d | a b c d | a b c d     periodic (period n)
    constant    k k k k | a b c d | k k k k     the constant cval = k

Aliases accepted as SciPy accepts them for filters: ``grid-mirror`` = reflect,
``grid-wrap`` = wrap, ``grid-constant`` = constant.

Trap: NumPy's ``np.pad`` names these differently — SciPy's ``reflect`` is NumPy's
``symmetric`` and SciPy's ``mirror`` is NumPy's ``reflect``.

The periodic rules hold however far past the edge a kernel reaches (a 31-tap kernel on a
3-pixel image reflects several times), because they are written with the modulo of the period.
"""

import numpy as np

from .._jit import jit

__all__ = ["MODES", "canonical_mode", "extend_indices", "extend_line", "pad"]

#: SciPy's boundary-mode names for filters, and the canonical mode each one means.
MODES = {
    "reflect": "reflect",
    "grid-mirror": "reflect",
    "mirror": "mirror",
    "nearest": "nearest",
    "wrap": "wrap",
    "grid-wrap": "wrap",
    "constant": "constant",
    "grid-constant": "constant",
}


def canonical_mode(mode):
    """The canonical name of a boundary mode; RuntimeError (as SciPy) if it is unknown."""
    if not isinstance(mode, str) or mode not in MODES:
        if not isinstance(mode, str) and np.iterable(mode):
            raise RuntimeError("A sequence of modes is not supported")
        raise RuntimeError(f"boundary mode not supported: mode={mode!r}; choose one of {sorted(MODES)}")
    return MODES[mode]


def extend_indices(n, before, after, mode):
    """Index map of a line of length ``n`` extended by ``before`` and ``after`` virtual pixels.

    Returns an int64 array ``m`` of length ``before + n + after``: position ``t`` of the
    extended line shows pixel ``m[t]`` of the real line, or the constant when ``m[t] == -1``.
    Position ``t`` is the virtual index ``i = t - before``; on the line ``a b c d``::

        mode        extended line                   rule for virtual index i
        reflect     d c b a | a b c d | d c b a     mirror about the pixel edge  (period 2n)
        mirror      d c b | a b c d | c b a         mirror about the pixel centre (period 2n-2)
        nearest     a a a a | a b c d | d d d d     the edge pixel: clip i to 0 .. n-1
        wrap        a b c d | a b c d | a b c d     periodic: i mod n
        constant    k k k k | a b c d | k k k k     -1 (the constant) outside 0 .. n-1

    The aliases 'grid-mirror' (= reflect), 'grid-wrap' (= wrap) and 'grid-constant'
    (= constant) are accepted too.  Hint: a window may reach several periods past a short
    line; take ``i`` modulo the period first, then fold the second half of the period back.
    A single pixel (``n == 1``) mirrors onto itself.
    """
    i = np.arange(-before, n + after, dtype=np.int64)  # the virtual indices
    mode = canonical_mode(mode)
    if mode == "constant":
        return np.where((i >= 0) & (i < n), i, -1)
    if mode == "nearest":
        return np.clip(i, 0, n - 1)
    if mode == "wrap":
        return i % n
    if mode == "reflect":
        period = 2 * n
        i = i % period
        return np.where(i < n, i, period - 1 - i)
    # mirror: the edge pixel is not repeated; a single pixel mirrors onto itself
    if n == 1:
        return np.zeros_like(i)
    period = 2 * n - 2
    i = i % period
    return np.where(i < n, i, period - i)


def pad(image, before, after, mode, cval=0.0):
    """``image`` extended by ``before[d]`` / ``after[d]`` pixels along each axis ``d``.

    The dense n-D correlation reads this padded copy, so its inner loop needs no border test.
    The image is copied into the middle once; then, axis by axis, only the two border slabs
    are gathered (from positions the index map names, already filled along earlier axes).

    Hint: along each axis the index map of :func:`extend_indices` says where each padded row
    (or column) comes from; ``np.take(a, index_map, axis=d)`` gathers them, axis after axis
    (so the corners are right).  Where the map says -1 (mode 'constant') the value is ``cval``.
    Returns an array of the image's dtype and shape ``image.shape + before + after``.
    """
    image = np.asarray(image)
    ndim = image.ndim
    shape = tuple(n + b + a for n, b, a in zip(image.shape, before, after))
    middle = [slice(b, b + n) for b, n in zip(before, image.shape)]
    padded = np.empty(shape, image.dtype)
    padded[tuple(middle)] = image
    for axis in range(ndim):
        n, b, a = image.shape[axis], before[axis], after[axis]
        if b == 0 and a == 0:
            continue
        # this axis over its whole padded length; earlier axes whole, later axes their middle
        region = padded[tuple([slice(None)] * axis + [slice(None)] + middle[axis + 1:])]
        index_map = extend_indices(n, b, a, mode)
        border = np.r_[0:b, b + n:b + n + a]
        source = index_map[border]
        where = [slice(None)] * ndim
        where[axis] = border
        values = np.take(region, np.maximum(source, 0) + b, axis=axis)
        outside = np.flatnonzero(source < 0)
        if outside.size:
            hole = [slice(None)] * ndim
            hole[axis] = outside
            values[tuple(hole)] = cval
        region[tuple(where)] = values
    return padded


@jit
def extend_line(line, index_map, before, cval, buf):
    """Fill ``buf`` with ``line`` extended by the boundary mode (a kernel-side helper).

    ``buf[t]`` becomes ``line[index_map[t]]``, or ``cval`` where the map says -1.  The
    ``before`` positions in front and the tail come from the map; the middle is the line
    itself, copied straight (``index_map[before + i] == i`` there).
    """
    n = line.shape[0]
    for t in range(before):
        j = index_map[t]
        buf[t] = cval if j < 0 else line[j]
    middle = buf[before:]
    for i in range(n):
        middle[i] = line[i]
    for t in range(before + n, index_map.shape[0]):
        j = index_map[t]
        buf[t] = cval if j < 0 else line[j]
