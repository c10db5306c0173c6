"""The convex hull of a 2-D binary region, by Andrew's monotone chain, and its pixel mask.

**Monotone chain** (Andrew 1979): sort the points by ``(x, y)``; sweep left to right
building the lower hull, and right to left building the upper hull.  Each new point is
appended after popping the last hull point while the last two hull points and the new one
do not make a strict left (counter-clockwise) turn — the *cross product*
``cross(o, a, b) = (a - o) x (b - o)`` is ``> 0`` for a left turn, ``0`` for collinear points.
Sorting dominates: ``O(P log P)`` for ``P`` points.

**Which points?**  As ``skimage.morphology.convex_hull_image``, each foreground pixel
``(r, c)`` contributes the midpoints of its four edges ``(r +- 0.5, c)`` and ``(r, c +- 0.5)``,
so a one-pixel-wide region still has a hull with area.  Only the first and last pixel of each
row and each column can be hull points, so only those are used.

**The mask** holds the pixels whose centres lie inside the hull or on its boundary: for a
counter-clockwise hull, ``p`` is inside iff ``cross(v_k, v_{k+1}, p) >= 0`` for every edge.
All coordinates are multiples of 1/2, so these tests are exact in floating point.

Reference: A. M. Andrew, "Another efficient algorithm for convex hulls in two dimensions",
Information Processing Letters 9(5):216-219, 1979.
"""

import numpy as np

from .._jit import jit

__all__ = ["convex_hull_vertices", "convex_hull_image_2d"]


@jit
def _cross(ox, oy, ax, ay, bx, by):
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox)


@jit
def _monotone_chain(points):
    """Hull vertices (counter-clockwise, no collinear points) of ``points`` sorted by (x, y)."""
    n = points.shape[0]
    hull = np.empty((2 * n + 1, 2), dtype=np.float64)
    k = 0
    for i in range(n):  # lower hull
        while k >= 2 and _cross(hull[k - 2, 0], hull[k - 2, 1], hull[k - 1, 0], hull[k - 1, 1],
                                points[i, 0], points[i, 1]) <= 0:
            k -= 1
        hull[k, 0] = points[i, 0]
        hull[k, 1] = points[i, 1]
        k += 1
    lower = k + 1
    for i in range(n - 2, -1, -1):  # upper hull
        while k >= lower and _cross(hull[k - 2, 0], hull[k - 2, 1], hull[k - 1, 0], hull[k - 1, 1],
                                    points[i, 0], points[i, 1]) <= 0:
            k -= 1
        hull[k, 0] = points[i, 0]
        hull[k, 1] = points[i, 1]
        k += 1
    return hull[: k - 1]  # the last point repeats the first


@jit
def _candidate_points(image):
    """Edge midpoints of the first/last foreground pixel of every row and every column."""
    rows, cols = image.shape
    first_in_row = np.full(rows, -1, np.int64)
    last_in_row = np.full(rows, -1, np.int64)
    first_in_col = np.full(cols, -1, np.int64)
    last_in_col = np.full(cols, -1, np.int64)
    for r in range(rows):
        for c in range(cols):
            if image[r, c]:
                if first_in_row[r] < 0:
                    first_in_row[r] = c
                last_in_row[r] = c
                if first_in_col[c] < 0:
                    first_in_col[c] = r
                last_in_col[c] = r
    points = np.empty((4 * 2 * (rows + cols), 2), np.float64)
    n = 0
    for k in range(2 * (rows + cols)):
        if k < rows:
            r, c = k, first_in_row[k]
        elif k < 2 * rows:
            r, c = k - rows, last_in_row[k - rows]
        elif k < 2 * rows + cols:
            r, c = first_in_col[k - 2 * rows], k - 2 * rows
        else:
            r, c = last_in_col[k - 2 * rows - cols], k - 2 * rows - cols
        if r < 0 or c < 0:
            continue
        for dr, dc in ((-0.5, 0.0), (0.5, 0.0), (0.0, -0.5), (0.0, 0.5)):
            points[n, 0] = r + dr
            points[n, 1] = c + dc
            n += 1
    return points[:n]


def convex_hull_vertices(image):
    """Counter-clockwise hull vertices ``(V, 2)`` (row, col) of a 2-D binary ``image``."""
    image = np.ascontiguousarray(image, dtype=bool)
    if image.ndim != 2 or not image.any():
        return np.zeros((0, 2))
    points = _candidate_points(image)
    order = np.lexsort((points[:, 1], points[:, 0]))  # by row, then column (duplicates are harmless:
    return _monotone_chain(np.ascontiguousarray(points[order]))  # the chain drops them as collinear)


@jit
def _fill_hull(hull, out):
    """Set ``out[r, c]`` where the pixel centre is inside the hull or on its boundary."""
    nv = hull.shape[0]
    for r in range(out.shape[0]):
        for c in range(out.shape[1]):
            inside = True
            for k in range(nv):
                j = (k + 1) % nv
                if _cross(hull[k, 0], hull[k, 1], hull[j, 0], hull[j, 1], float(r), float(c)) < 0:
                    inside = False
                    break
            out[r, c] = inside


def convex_hull_image_2d(image):
    """The pixels of ``image``'s shape inside its convex hull (``convex_hull_image`` semantics)."""
    out = np.zeros(np.shape(image), dtype=bool)
    hull = convex_hull_vertices(image)
    if hull.shape[0]:
        _fill_hull(hull, out)
    return out
