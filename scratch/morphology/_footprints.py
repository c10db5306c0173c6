"""Footprints (structuring elements): the neighbourhoods of morphology.

A *flat footprint* is a small boolean array; its True elements are the neighbourhood of the
centre element ``shape // 2``.  Each shape is a one-line rule on the offsets ``(y, x)`` from the
centre::

    footprint_rectangle  every element
    diamond(r)           |y| + |x| <= r                       (city-block ball)
    disk(r)              y^2 + x^2 <= r^2   (r + 1/2 with strict_radius=False)
    ellipse(w, h)        (y/(h+1))^2 + (x/(w+1))^2 < 1
    octagon(m, n)        a square of side m + 2n with its corners cut at 45 degrees
    star(a)              a square united with the same square turned by 45 degrees
    ball, octahedron     the 3-D disk and diamond

**Decompositions.**  Eroding by ``A`` and then by ``B`` is eroding by their Minkowski sum
``A ⊕ B``.  So a big footprint can be replaced by a *sequence* of small ones,
``((footprint, repetitions), ...)``: a 9 x 9 square is four 3 x 3 squares; a disk of radius 10
is approximately a few 3 x 3 "T"s, diamonds and squares (Park & Chin, counts precomputed by
scikit-image); a disk or ellipse is exactly a few *crosses* (Li & Ritter).  Every morphology
function of this package accepts such a sequence in place of an array.

Conventions kept from scikit-image 0.26: footprints are ``uint8`` unless a ``dtype`` is given;
``square``/``rectangle``/``cube`` are deprecated aliases of :func:`footprint_rectangle`
(FutureWarning); ``octagon`` and ``star`` are the pixel centres inside the convex hull of their
corner pixels (scikit-image draws that hull; here the hull's half-planes are written down).

References: H. Park and R. T. Chin, "Decomposition of structuring elements for optimal
implementation of morphological operations", IEEE NSIP (1997); D. Li and G. X. Ritter,
"Decomposition of separable and symmetric convex templates", Proc. SPIE 1350 (1990).
"""

import operator
import warnings
from collections.abc import Sequence
from numbers import Integral

import numpy as np

from . import _decompositions

__all__ = [
    "footprint_rectangle",
    "square",
    "rectangle",
    "cube",
    "diamond",
    "disk",
    "ellipse",
    "octagon",
    "star",
    "ball",
    "octahedron",
    "mirror_footprint",
    "pad_footprint",
    "footprint_from_sequence",
]


# --- sequences of footprints ----------------------------------------------------------------


def _footprint_is_sequence(footprint):
    """True for ``((array, n), ...)``; False for an array; ValueError for anything else."""
    if hasattr(footprint, "__array_interface__"):
        return False

    def valid(item):
        return (isinstance(item, Sequence) and len(item) == 2
                and hasattr(item[0], "__array_interface__") and isinstance(item[1], Integral))

    if isinstance(footprint, Sequence):
        if not all(valid(item) for item in footprint):
            raise ValueError(
                "All elements of footprint sequence must be a 2-tuple where the first element "
                "of the tuple is an ndarray and the second is an integer indicating the number "
                "of iterations."
            )
        return True
    raise ValueError("footprint must be either an ndarray or Sequence")


def _shape_from_sequence(footprints):
    """Shape of the single footprint equivalent to a sequence (sizes add up, minus overlaps)."""
    if not _footprint_is_sequence(footprints):
        raise ValueError("expected a sequence of footprints")
    ndim = footprints[0][0].ndim
    shape = [0] * ndim
    for d in range(ndim):
        fp, reps = footprints[0]
        shape[d] = fp.shape[d] + (reps - 1) * (fp.shape[d] - 1)
        for fp, reps in footprints[1:]:
            shape[d] += reps * (fp.shape[d] - 1)
    return tuple(shape)


def footprint_from_sequence(footprints):
    """Convert a footprint sequence into an equivalent ndarray.

    Dilates a single pixel by every footprint of the sequence in turn.

    Parameters
    ----------
    footprints : tuple of 2-tuples
        A sequence of footprint tuples where the first element of each tuple is an array
        corresponding to a footprint and the second element is the number of times it is to
        be applied. Currently, all footprints should have odd size.

    Returns
    -------
    footprint : ndarray
        An single array equivalent to applying the sequence of ``footprints``.

    See Also
    --------
    skimage.morphology.footprint_from_sequence : the reference.

    Examples
    --------
    >>> from scratch.morphology import footprint_from_sequence, footprint_rectangle
    >>> footprint_from_sequence(footprint_rectangle((5, 5), decomposition="sequence")).shape
    (5, 5)
    """
    from ._grey import dilation

    shape = _shape_from_sequence(footprints)
    image = np.zeros(shape, dtype=bool)
    image[tuple(s // 2 for s in shape)] = 1
    return dilation(image, footprints)


def _decompose_size(size, kernel_size=3):
    """How many repetitions of a ``kernel_size`` line make a line of length ``size``."""
    if kernel_size % 2 != 1:
        raise ValueError("only odd length kernel_size is supported")
    return 1 + (size - kernel_size) // (kernel_size - 1)


# --- rectangles -----------------------------------------------------------------------------


def footprint_rectangle(shape, *, dtype=np.uint8, decomposition=None):
    """Generate a rectangular or hyper-rectangular footprint.

    Parameters
    ----------
    shape : tuple[int, ...]
        The length of the footprint in each dimension. The length of the sequence determines
        the number of dimensions of the footprint.
    dtype : data-type, optional
        The data type of the footprint.
    decomposition : {None, 'separable', 'sequence'}, optional
        If None, a single array is returned. For 'sequence', a tuple of smaller footprints is
        returned (odd widths only; even widths fall back to 'separable' with a warning). With
        'separable', one 1-D footprint per axis.

    Returns
    -------
    footprint : array or tuple[tuple[ndarray, int], ...]
        A footprint consisting only of ones.

    See Also
    --------
    skimage.morphology.footprint_rectangle : the reference.

    Examples
    --------
    >>> from scratch.morphology import footprint_rectangle
    >>> footprint_rectangle((3, 5))
    array([[1, 1, 1, 1, 1],
           [1, 1, 1, 1, 1],
           [1, 1, 1, 1, 1]], dtype=uint8)
    """
    has_even_width = any(width % 2 == 0 for width in shape)
    if decomposition == "sequence" and has_even_width:
        warnings.warn(
            "decomposition='sequence' is only supported for uneven footprints, "
            "falling back to decomposition='separable'",
            stacklevel=2,
        )
        decomposition = "sequence_fallback"

    def line(dim, width):  # a 1-D footprint along axis `dim`
        line_shape = (1,) * dim + (width,) + (1,) * (len(shape) - dim - 1)
        return (np.ones(line_shape, dtype=dtype), 1)

    if decomposition is None:
        return np.ones(shape, dtype=dtype)
    if decomposition in ("separable", "sequence_fallback"):
        return tuple(line(dim, width) for dim, width in enumerate(shape))
    if decomposition == "sequence":
        min_width = min(shape)
        sequence = [(np.ones((3,) * len(shape), dtype=dtype), _decompose_size(min_width, 3))]
        for dim, width in enumerate(shape):
            if width > min_width:
                sequence.append(line(dim, width - min_width + 1))
        return tuple(sequence)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def _deprecated_rectangle(name):
    warnings.warn(
        f"`{name}` is deprecated since version 0.25 and will be removed in version 0.27. "
        "Use `scratch.morphology.footprint_rectangle` instead.",
        FutureWarning,
        stacklevel=3,
    )


def square(width, dtype=np.uint8, *, decomposition=None):
    """Generate a flat, square-shaped footprint (deprecated: use :func:`footprint_rectangle`).

    See Also
    --------
    skimage.morphology.square : the reference.

    Examples
    --------
    >>> import warnings
    >>> from scratch.morphology import square
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     square(2)
    array([[1, 1],
           [1, 1]], dtype=uint8)
    """
    _deprecated_rectangle("square")
    return footprint_rectangle((width, width), dtype=dtype, decomposition=decomposition)


def rectangle(nrows, ncols, dtype=np.uint8, *, decomposition=None):
    """Generate a flat, rectangular footprint (deprecated: use :func:`footprint_rectangle`).

    See Also
    --------
    skimage.morphology.rectangle : the reference.

    Examples
    --------
    >>> import warnings
    >>> from scratch.morphology import rectangle
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     rectangle(1, 3)
    array([[1, 1, 1]], dtype=uint8)
    """
    _deprecated_rectangle("rectangle")
    return footprint_rectangle((nrows, ncols), dtype=dtype, decomposition=decomposition)


def cube(width, dtype=np.uint8, *, decomposition=None):
    """Generate a cube-shaped footprint (deprecated: use :func:`footprint_rectangle`).

    See Also
    --------
    skimage.morphology.cube : the reference.

    Examples
    --------
    >>> import warnings
    >>> from scratch.morphology import cube
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     cube(3).shape
    (3, 3, 3)
    """
    _deprecated_rectangle("cube")
    return footprint_rectangle((width, width, width), dtype=dtype, decomposition=decomposition)


# --- diamonds, disks, balls -----------------------------------------------------------------


def diamond(radius, dtype=np.uint8, *, decomposition=None):
    """Generate a flat, diamond-shaped footprint: city-block distance to the centre ``<= radius``.

    Parameters
    ----------
    radius : int
        The radius of the diamond-shaped footprint.
    dtype : data-type, optional
        The data type of the footprint.
    decomposition : {None, 'sequence'}, optional
        If 'sequence', ``radius`` repetitions of the 3 x 3 diamond (exactly equivalent).

    Returns
    -------
    footprint : ndarray or tuple
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.diamond : the reference.

    Examples
    --------
    >>> from scratch.morphology import diamond
    >>> diamond(1)
    array([[0, 1, 0],
           [1, 1, 1],
           [0, 1, 0]], dtype=uint8)
    """
    if decomposition is None:
        steps = np.arange(0, radius * 2 + 1)
        rows, cols = np.meshgrid(steps, steps)
        return np.array(np.abs(rows - radius) + np.abs(cols - radius) <= radius, dtype=dtype)
    if decomposition == "sequence":
        fp = diamond(1, dtype=dtype, decomposition=None)
        return ((fp, _decompose_size(2 * radius + 1, fp.shape[0])),)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def _t_shaped_elements(ndim, dtype):
    """The 3 x 3 (x 3) "T" elements of Park & Chin: a bar on one face plus the axis through the centre."""
    if ndim == 2:  # scikit-image lists the 2-D "T"s as successive 90 degree rotations
        t0 = np.array([[1, 1, 1], [0, 1, 0], [0, 1, 0]], dtype=dtype)
        return tuple(np.rot90(t0, k) for k in range(4))
    elements = []
    for axis in range(ndim):
        for face in (0, 2):
            t = np.zeros((3,) * ndim, dtype=dtype)
            bar = [slice(None)] * ndim
            bar[axis] = slice(face, face + 1)
            t[tuple(bar)] = 1
            stem = [slice(1, 2)] * ndim
            stem[axis] = slice(None)
            t[tuple(stem)] = 1
            elements.append(t)
    return tuple(elements)


def _nsphere_series_decomposition(radius, ndim, dtype=np.uint8):
    """A sequence of 3 x 3 (x 3) footprints approximating a disk (2-D) or ball (3-D)."""
    if radius == 1:
        kwargs = dict(dtype=dtype, strict_radius=False, decomposition=None)
        if ndim == 2:
            return ((disk(1, **kwargs), 1),)
        if ndim == 3:
            return ((ball(1, **kwargs), 1),)
    tables = {2: _decompositions.DISK, 3: _decompositions.BALL}
    if ndim not in tables:
        raise ValueError("sequence decompositions are only currently available for 2d disks or 3d balls")
    table = tables[ndim]
    if radius > len(table):
        raise ValueError(f"precomputed {ndim}D decomposition unavailable for radius > {len(table)}")
    n_t, n_diamond, n_square = (np.uint8(n) for n in table[radius])  # the reference's table is uint8
    sequence = []
    if n_t > 0:
        sequence += [(t, n_t) for t in _t_shaped_elements(ndim, dtype)]
    if n_diamond > 0:
        cross = np.zeros((3,) * ndim, dtype=dtype)
        for axis in range(ndim):
            where = [slice(1, 2)] * ndim
            where[axis] = slice(None)
            cross[tuple(where)] = 1
        sequence.append((cross, n_diamond))
    if n_square > 0:
        sequence.append((np.ones((3,) * ndim, dtype=dtype), n_square))
    return tuple(sequence)


def _cross(r0, r1, dtype=np.uint8):
    """A (2 r0 + 1) x (2 r1 + 1) cross: only the centre row and the centre column are set."""
    c = np.zeros((int(2 * r0 + 1), int(2 * r1 + 1)), dtype=dtype)
    if r1 != 0:
        c[r0, :] = 1
    if r0 != 0:
        c[:, r1] = 1
    return c


def _cross_decomposition(footprint, dtype=np.uint8):
    """Decompose a symmetric convex 2-D footprint into crosses (after Li & Ritter, algorithm 1).

    Read the lower-right quadrant column by column: where the column height drops, the
    corner so formed is one cross of half-sizes (height drop, width since the last drop).
    Whatever height is left over is a vertical bar.
    """
    quadrant = footprint[footprint.shape[0] // 2:, footprint.shape[1] // 2:]
    heights = np.concatenate((quadrant.sum(0, dtype=int), np.asarray([0], dtype=int)))
    previous = 0
    counts = {}
    used = 0
    for i in range(heights.size - 1):
        if heights[i] > heights[i + 1]:
            if i == 0:
                continue
            key = (heights[previous] - heights[i], i - previous)
            used += key[0]
            counts[key] = counts.get(key, 0) + 1
            previous = i
    rest = quadrant.shape[0] - 1 - used
    if rest > 0:
        counts[(rest, 0)] = counts.get((rest, 0), 0) + 1
    return tuple((_cross(r0, r1, dtype), n) for (r0, r1), n in counts.items())


def disk(radius, dtype=np.uint8, *, strict_radius=True, decomposition=None):
    """Generate a flat, disk-shaped footprint: Euclidean distance to the centre ``<= radius``.

    Parameters
    ----------
    radius : int
        The radius of the disk-shaped footprint.
    dtype : data-type, optional
        The data type of the footprint.
    strict_radius : bool, optional
        If False, extend the radius by 0.5 (a rounder disk in the same ``2 * radius + 1`` box).
        Ignored by ``decomposition='sequence'``.
    decomposition : {None, 'sequence', 'crosses'}, optional
        'sequence': 3 x 3 elements approximating the disk (not always identical);
        'crosses': cross-shaped elements, often but not always identical.

    Returns
    -------
    footprint : ndarray or tuple
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.disk : the reference.

    Examples
    --------
    >>> from scratch.morphology import disk
    >>> disk(2)
    array([[0, 0, 1, 0, 0],
           [0, 1, 1, 1, 0],
           [1, 1, 1, 1, 1],
           [0, 1, 1, 1, 0],
           [0, 0, 1, 0, 0]], dtype=uint8)
    """
    if decomposition is None:
        steps = np.arange(-radius, radius + 1)
        x, y = np.meshgrid(steps, steps)
        if not strict_radius:
            radius += 0.5
        return np.array((x**2 + y**2) <= radius**2, dtype=dtype)
    if decomposition == "sequence":
        return _nsphere_series_decomposition(radius, ndim=2, dtype=dtype)
    if decomposition == "crosses":
        fp = disk(radius, dtype, strict_radius=strict_radius, decomposition=None)
        return _cross_decomposition(fp)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def ellipse(width, height, dtype=np.uint8, *, decomposition=None):
    """Generate a flat, ellipse-shaped footprint of shape ``(2 * height + 1, 2 * width + 1)``.

    Element ``(y, x)`` (offsets from the centre) is set when
    ``(y / (height + 1))**2 + (x / (width + 1))**2 < 1``.

    Parameters
    ----------
    width : int
        The width of the ellipse-shaped footprint.
    height : int
        The height of the ellipse-shaped footprint.
    dtype : data-type, optional
        The data type of the footprint.
    decomposition : {None, 'crosses'}, optional
        'crosses': cross-shaped elements, often but not always identical.

    Returns
    -------
    footprint : ndarray
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.ellipse : the reference.

    Examples
    --------
    >>> from scratch.morphology import ellipse
    >>> ellipse(3, 2)
    array([[0, 1, 1, 1, 1, 1, 0],
           [1, 1, 1, 1, 1, 1, 1],
           [1, 1, 1, 1, 1, 1, 1],
           [1, 1, 1, 1, 1, 1, 1],
           [0, 1, 1, 1, 1, 1, 0]], dtype=uint8)
    """
    if decomposition is None:
        footprint = np.zeros((2 * height + 1, 2 * width + 1), dtype=dtype)
        # the ellipse of radii (height + 1, width + 1) around the centre, as skimage.draw.ellipse
        # evaluates it (same float operations, so the same pixels on the rim)
        y = np.arange(0.0, 2 * height + 3)[:, None] - (height + 1)
        x = np.arange(0.0, 2 * width + 3)[None, :] - (width + 1)
        inside = ((y * 1.0 + x * 0.0) / (height + 1)) ** 2 + ((y * 0.0 - x * 1.0) / (width + 1)) ** 2 < 1
        footprint[...] = inside[1:-1, 1:-1]
        return footprint
    if decomposition == "crosses":
        return _cross_decomposition(ellipse(width, height, dtype, decomposition=None))
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def ball(radius, dtype=np.uint8, *, strict_radius=True, decomposition=None):
    """Generate a ball-shaped footprint, the 3-D disk.

    Parameters
    ----------
    radius : float
        The radius of the ball-shaped footprint.
    dtype : data-type, optional
        The data type of the footprint.
    strict_radius : bool, optional
        If False, extend the radius by 0.5.
    decomposition : {None, 'sequence'}, optional
        'sequence': 3 x 3 x 3 elements approximating the ball (not identical).

    Returns
    -------
    footprint : ndarray or tuple
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.ball : the reference.

    Examples
    --------
    >>> from scratch.morphology import ball
    >>> ball(1)[1]
    array([[0, 1, 0],
           [1, 1, 1],
           [0, 1, 0]], dtype=uint8)
    """
    if decomposition is None:
        n = 2 * radius + 1
        z, y, x = np.mgrid[-radius:radius:n * 1j, -radius:radius:n * 1j, -radius:radius:n * 1j]
        s = x**2 + y**2 + z**2
        if not strict_radius:
            radius += 0.5
        return np.array(s <= radius * radius, dtype=dtype)
    if decomposition == "sequence":
        return _nsphere_series_decomposition(radius, ndim=3, dtype=dtype)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def octahedron(radius, dtype=np.uint8, *, decomposition=None):
    """Generate an octahedron-shaped footprint, the 3-D diamond (radius may be non-integer).

    Parameters
    ----------
    radius : int
        The radius of the octahedron-shaped footprint.
    dtype : data-type, optional
        The data type of the footprint.
    decomposition : {None, 'sequence'}, optional
        'sequence': repetitions of the 3 x 3 x 3 octahedron.

    Returns
    -------
    footprint : ndarray or tuple
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.octahedron : the reference.

    Examples
    --------
    >>> from scratch.morphology import octahedron
    >>> int(octahedron(2).sum())
    25
    """
    if decomposition is None:
        n = 2 * radius + 1
        z, y, x = np.mgrid[-radius:radius:n * 1j, -radius:radius:n * 1j, -radius:radius:n * 1j]
        return np.array(np.abs(x) + np.abs(y) + np.abs(z) <= radius, dtype=dtype)
    if decomposition == "sequence":
        fp = octahedron(1, dtype=dtype, decomposition=None)
        return ((fp, _decompose_size(2 * radius + 1, fp.shape[0])),)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


# --- octagon and star -----------------------------------------------------------------------


def octagon(m, n, dtype=np.uint8, *, decomposition=None):
    """Generate an octagon-shaped footprint of size ``m + 2 * n``.

    The convex hull of the 8 corner pixels (each widened to its diamond of half-width 1/2, as
    scikit-image's ``convex_hull_image`` does).  Its slanted sides are lines ``±y ± x = t``
    through half-integers, so element ``(y, x)`` is inside when, for each corner of the box,
    ``y' + x' >= t`` with ``y', x'`` measured from that corner and ``t`` the smallest ``y' + x'``
    among the 8 corner pixels (``n``, or ``n - 1`` when ``m == 0``).

    Parameters
    ----------
    m : int
        The size of the horizontal and vertical sides.
    n : int
        The height or width of the slanted sides.
    dtype : data-type, optional
        The data type of the footprint.
    decomposition : {None, 'sequence'}, optional
        'sequence': a square sequence followed by 3 x 3 diamonds.

    Returns
    -------
    footprint : ndarray or tuple
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.octagon : the reference.

    Examples
    --------
    >>> from scratch.morphology import octagon
    >>> octagon(1, 2)
    array([[0, 0, 1, 0, 0],
           [0, 1, 1, 1, 0],
           [1, 1, 1, 1, 1],
           [0, 1, 1, 1, 0],
           [0, 0, 1, 0, 0]], dtype=uint8)
    """
    if m == n == 0:
        raise ValueError("m and n cannot both be zero")
    if decomposition is None and isinstance(n, (bool, np.bool_)):
        return _octagon_of_bool_n(m, n, dtype)
    if decomposition is None:
        # TypeError for non-integers, as the reference (a NumPy bool m counts as 0 or 1 there)
        size = _index(m) + 2 * operator.index(n)
        if size < 0:
            raise ValueError(f"negative dimensions are not allowed: m + 2 * n = {size}")
        for corner in (n, m + n - 1):  # the reference's corner pixels must lie inside the box
            if not 0 <= corner < size:
                raise ValueError(f"octagon(m={m}, n={n}): a corner pixel lies outside the "
                                 f"{size} x {size} footprint (n must be >= 0)")
        cut = min(n, m + n - 1)  # smallest y + x among the corner pixels
        y = np.arange(size)[:, None]
        x = np.arange(size)[None, :]
        far = size - 1
        inside = ((y + x >= cut) & (y + (far - x) >= cut)
                  & ((far - y) + x >= cut) & ((far - y) + (far - x) >= cut))
        return inside.astype(dtype)
    if decomposition == "sequence":
        if m <= 2 and n <= 2:
            return ((octagon(m, n, dtype=dtype, decomposition=None), 1),)
        if m == 0:
            m = 2
            n -= 1
        sequence = []
        if m > 1:
            sequence += list(footprint_rectangle((m, m), dtype=dtype, decomposition="sequence"))
        if n > 0:
            sequence += [(diamond(1, dtype=dtype, decomposition=None), n)]
        return tuple(sequence)
    raise ValueError(f"Unrecognized decomposition: {decomposition}")


def _index(value):
    """``operator.index(value)``, with a NumPy bool as 0 or 1 (as the reference's arithmetic)."""
    return int(value) if isinstance(value, np.bool_) else operator.index(value)


def _octagon_of_bool_n(m, n, dtype):
    """The reference's octagon for a bool ``n``, which its corner marking reads as a mask.

    The reference marks the corner pixels (``footprint[0, n] = 1``, ...) and takes their convex
    hull.  A bool ``n`` is a NumPy *mask* index there, not the number 0 or 1: ``True`` marks
    whole border rows and columns (the hull is the full square), ``False`` marks nothing, which
    leaves the corners at ``m + n - 1 = m - 1``: the triangle ``y + x >= m - 1``.
    """
    size = _index(m) + 2 * int(n)
    if size <= 0:  # (the reference: NumPy's ValueError, or an IndexError for 0)
        raise ValueError(f"negative dimensions are not allowed: octagon(m={m}, n={n}) would be "
                         f"{size} x {size}")
    if n:
        return np.ones((size, size), dtype=dtype)
    y, x = np.indices((size, size))
    return (y + x >= m - 1).astype(dtype)


def star(a, dtype=np.uint8):
    """Generate a star-shaped footprint: a square and the same square turned by 45 degrees.

    The side of the returned array is ``2 * a + 1 + 2 * (a // 2)``; the square has side
    ``2 * a + 1``, the turned square is the diamond ``|y| + |x| <= c`` touching the array's edges.

    Parameters
    ----------
    a : int
        Parameter deciding the size of the star structural element.
    dtype : data-type, optional
        The data type of the footprint.

    Returns
    -------
    footprint : ndarray
        The footprint where elements of the neighborhood are 1 and 0 otherwise.

    See Also
    --------
    skimage.morphology.star : the reference.

    Examples
    --------
    >>> from scratch.morphology import star
    >>> star(2)
    array([[0, 0, 0, 1, 0, 0, 0],
           [0, 1, 1, 1, 1, 1, 0],
           [0, 1, 1, 1, 1, 1, 0],
           [1, 1, 1, 1, 1, 1, 1],
           [0, 1, 1, 1, 1, 1, 0],
           [0, 1, 1, 1, 1, 1, 0],
           [0, 0, 0, 1, 0, 0, 0]], dtype=uint8)
    """
    if a == 1:
        return np.ones((3, 3), dtype)
    m = 2 * a + 1
    n = a // 2
    size = m + 2 * n
    square_part = np.zeros((size, size), dtype=bool)
    square_part[n:m + n, n:m + n] = True
    c = (size - 1) // 2
    y = np.arange(size)[:, None]
    x = np.arange(size)[None, :]
    turned = np.abs(y - c) + np.abs(x - c) <= c
    return (square_part | turned).astype(dtype)


# --- helpers the morphology functions use -----------------------------------------------------


def mirror_footprint(footprint):
    """Mirror each dimension in the footprint (or each footprint of a sequence).

    See Also
    --------
    skimage.morphology.mirror_footprint : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import mirror_footprint
    >>> mirror_footprint(np.array([[0, 0, 0], [0, 1, 1], [0, 1, 1]], np.uint8))
    array([[1, 1, 0],
           [1, 1, 0],
           [0, 0, 0]], dtype=uint8)
    """
    if _footprint_is_sequence(footprint):
        return tuple((mirror_footprint(fp), n) for fp, n in footprint)
    footprint = np.asarray(footprint)
    return footprint[(slice(None, None, -1),) * footprint.ndim]


def pad_footprint(footprint, *, pad_end=True):
    """Pad the footprint to an odd size along each dimension (zeros at the end or the front).

    Every axis of even size ``K`` gets one row (column, ...) of zeros — behind the last one
    when ``pad_end`` (so the centre ``K // 2`` of the even footprint is the middle of the
    padded one), in front of the first one otherwise; odd axes are left as they are.  The
    result keeps the footprint's dtype.  (A sequence of ``(footprint, n)`` pairs is padded
    pair by pair.)

    See Also
    --------
    skimage.morphology.pad_footprint : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import pad_footprint
    >>> pad_footprint(np.array([[0, 0], [1, 1], [1, 1]], np.uint8))
    array([[0, 0, 0],
           [1, 1, 0],
           [1, 1, 0]], dtype=uint8)
    """
    if _footprint_is_sequence(footprint):
        return tuple((pad_footprint(fp, pad_end=pad_end), n) for fp, n in footprint)
    footprint = np.asarray(footprint)
    padding = [((0, 1) if pad_end else (1, 0)) if size % 2 == 0 else (0, 0) for size in footprint.shape]
    return np.pad(footprint, padding)
