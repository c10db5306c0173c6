"""The convex hull of a 3-D point set by Quickhull, the voxel mask of a 3-D region's hull,
and the maximum Feret diameter of a 3-D convex region.

**Exact arithmetic.**  Every point here is a voxel centre or a voxel centre offset by half a
voxel, so after doubling all coordinates every point is an integer point.  A triangle
``(a, b, c)`` has the integer normal ``n = (b - a) x (c - a)`` and offset ``d = n . a``; the
*orientation* of a point ``p`` against it, ``n . p - d`` (six times the signed volume of the
tetrahedron ``a b c p``), is computed exactly in int64.  Faces are oriented so that the hull
lies on the side ``n . p - d <= 0``; a point *sees* a face when ``n . p - d > 0`` strictly, so
points on a face's plane count as inside.  No tolerance anywhere.

**Quickhull** (Barber, Dobkin, Huhdanpaa 1996; the algorithm behind qhull), an incremental
hull with *outside sets*:

1. Start from a tetrahedron of four extreme, non-coplanar points (none: the points are
   coplanar, the hull is flat).  Give every other point to the *outside set* of one face it
   sees; points that see no face are inside and are dropped for good.
2. While some face has a non-empty outside set, take its farthest point ``q`` (a hull vertex
   for sure).  Walk from that face over face adjacencies to collect all faces ``q`` sees (they
   form a connected patch); the *horizon* is the patch's boundary: the edges of visible faces
   whose neighbour across the edge is not visible.
3. Delete the visible faces and close the hole with a fan of new triangles ``(a, b, q)``, one
   per horizon edge ``a -> b``.  The outside points of the deleted faces are handed to the new
   faces they see, or dropped — a point above a deleted face that sees no new face is inside
   the new hull (the segment from it to the deleted face's centre would otherwise leave the
   hull through a new face).

Each face stores its three vertices and its three neighbours (across edges ``v0 v1``,
``v1 v2``, ``v2 v0``), so the visible patch and the horizon cost only their own size.
Expected time ``O(n log n)`` for ``n`` points (the Clarkson-Shor randomised analysis of
incremental hulls), ``O(n^2)`` in the worst case; a triangulated hull with ``v`` vertices has
``2v - 4`` faces, which bounds the face storage.

**Which points?**  As ``skimage.morphology.convex_hull_image`` in 3-D: the hull of the voxel
centres is computed first (if they are coplanar — one voxel, a line, a one-voxel-thick plate
— the reference's qhull fails, warns and returns an empty image, and so does this), then the
hull of its vertices each offset by +-1/2 voxel along each axis (six points per vertex; the
hull of a Minkowski sum is the sum of the hulls).  Only voxels that are hull vertices of
their own z-slice can be vertices of the 3-D hull, and only the first and last voxel of each
row can be those, so each slice is first reduced by the 2-D monotone chain.

**The mask** holds the voxels whose centres satisfy every face inequality ``n . p - d <= 0``.
Along each line ``(z, y, :)`` that set is an interval, and each face bounds one of its ends,
so the mask costs ``O(lines x faces)`` instead of ``O(voxels x faces)``.

**Feret diameter.**  The reference takes the vertices of ``marching_cubes(image_convex,
0.5)``: for a binary volume these are the midpoints of the grid edges between an inside voxel
and an outside 6-neighbour (plus, in some ambiguous cube cases, averages of those).  The
largest distance between two points of a set is attained between two vertices of its convex
hull, so the distance is maximised over the hull vertices of those midpoints only.

References: C. B. Barber, D. P. Dobkin, H. Huhdanpaa, "The Quickhull algorithm for convex
hulls", ACM Trans. Math. Software 22(4):469-483, 1996; M. de Berg, O. Cheong, M. van Kreveld,
M. Overmars, *Computational Geometry: Algorithms and Applications*, 3rd ed., Springer 2008,
ch. 11 (randomised incremental 3-D hull, Clarkson-Shor analysis).
"""

import warnings
from math import sqrt

import numpy as np

from .._jit import jit
from ._convex_hull import _monotone_chain

__all__ = ["convex_hull_3d", "convex_hull_image_3d", "feret_diameter_max_3d"]


# --- Quickhull ------------------------------------------------------------------------------

@jit
def _sub(p, a):
    return p[0] - a[0], p[1] - a[1], p[2] - a[2]


@jit
def _cross(u0, u1, u2, v0, v1, v2):
    return u1 * v2 - u2 * v1, u2 * v0 - u0 * v2, u0 * v1 - u1 * v0


@jit
def _set_plane(points, faces, planes, f):
    """Integer normal ``n = (b - a) x (c - a)`` and offset ``n . a`` of face ``f``."""
    a = points[faces[f, 0]]
    b = points[faces[f, 1]]
    c = points[faces[f, 2]]
    u0, u1, u2 = _sub(b, a)
    v0, v1, v2 = _sub(c, a)
    n0, n1, n2 = _cross(u0, u1, u2, v0, v1, v2)
    planes[f, 0] = n0
    planes[f, 1] = n1
    planes[f, 2] = n2
    planes[f, 3] = n0 * a[0] + n1 * a[1] + n2 * a[2]


@jit
def _height(planes, f, p):
    """``n . p - d``: > 0 above face ``f`` (it sees ``f``), 0 on its plane, < 0 below."""
    return planes[f, 0] * p[0] + planes[f, 1] * p[1] + planes[f, 2] * p[2] - planes[f, 3]


@jit
def _initial_tetrahedron(points):
    """Four non-coplanar points (extreme ones, so that many points fall inside at once)."""
    n = points.shape[0]
    i0 = 0
    i1 = 0
    for i in range(n):  # lexicographic min and max: distinct unless all points coincide
        for k in range(3):
            if points[i, k] != points[i0, k]:
                if points[i, k] < points[i0, k]:
                    i0 = i
                break
        for k in range(3):
            if points[i, k] != points[i1, k]:
                if points[i, k] > points[i1, k]:
                    i1 = i
                break
    u0, u1, u2 = _sub(points[i1], points[i0])
    i2 = -1
    best = 0.0
    for i in range(n):  # farthest from the line i0 i1
        v0, v1, v2 = _sub(points[i], points[i0])
        c0, c1, c2 = _cross(u0, u1, u2, v0, v1, v2)
        area2 = float(c0) * c0 + float(c1) * c1 + float(c2) * c2  # (> 0 decides exactly)
        if area2 > best:
            best = area2
            i2 = i
    if i2 < 0:
        return -1, -1, -1, -1
    v0, v1, v2 = _sub(points[i2], points[i0])
    n0, n1, n2 = _cross(u0, u1, u2, v0, v1, v2)
    i3 = -1
    best = 0
    for i in range(n):  # farthest from the plane i0 i1 i2
        w0, w1, w2 = _sub(points[i], points[i0])
        h = abs(n0 * w0 + n1 * w1 + n2 * w2)
        if h > best:
            best = h
            i3 = i
    return i0, i1, i2, i3


@jit
def _assign(points, planes, p, new_faces, n_new, head, nxt, far, far_h):
    """Put point ``p`` in the outside set of the first of ``new_faces`` it sees; False if none."""
    for j in range(n_new):
        f = new_faces[j]
        h = _height(planes, f, points[p])
        if h > 0:
            nxt[p] = head[f]
            head[f] = p
            if h > far_h[f]:
                far_h[f] = h
                far[f] = p
            return True
    return False


@jit
def _quickhull(points):
    """Triangulated convex hull of integer ``points`` (n, 3) int64.

    Returns ``(faces, planes)``: ``faces`` (F, 3) vertex indices, counter-clockwise seen from
    outside; ``planes`` (F, 4) int64 ``(n, d)`` with ``n . p <= d`` inside.  ``F == 0`` when
    the points are coplanar (no 3-D hull).
    """
    n = points.shape[0]
    empty_faces = np.zeros((0, 3), np.int64)
    empty_planes = np.zeros((0, 4), np.int64)
    if n < 4:
        return empty_faces, empty_planes
    t = _initial_tetrahedron(points)
    if t[3] < 0:
        return empty_faces, empty_planes

    cap = 2 * n + 8  # a triangulated sphere with v <= n vertices has 2v - 4 faces
    faces = np.full((cap, 3), -1, np.int64)
    nbr = np.full((cap, 3), -1, np.int64)     # nbr[f, k]: the face across edge (v_k, v_k+1)
    planes = np.zeros((cap, 4), np.int64)
    alive = np.zeros(cap, np.bool_)
    head = np.full(cap, -1, np.int64)         # outside set of each face: a linked list
    far = np.full(cap, -1, np.int64)          # its farthest point and that point's height
    far_h = np.zeros(cap, np.int64)
    mark = np.zeros(cap, np.int64)            # +stamp: visible from the current point, -stamp: not
    nxt = np.full(n, -1, np.int64)            # next point in the same outside set
    start_face = np.full(n, -1, np.int64)     # new face whose horizon edge starts / ends at a vertex
    end_face = np.full(n, -1, np.int64)

    # 1. the tetrahedron: each face oriented so that the opposite vertex is below it
    opposite = np.empty(4, np.int64)
    for f in range(4):
        k = 0
        for j in range(4):
            if j != 3 - f:
                faces[f, k] = t[j]
                k += 1
        opposite[f] = t[3 - f]
        _set_plane(points, faces, planes, f)
        if _height(planes, f, points[opposite[f]]) > 0:
            faces[f, 1], faces[f, 2] = faces[f, 2], faces[f, 1]
            _set_plane(points, faces, planes, f)
        alive[f] = True
    for f in range(4):  # neighbours: the face holding the reversed edge
        for k in range(3):
            a = faces[f, k]
            b = faces[f, (k + 1) % 3]
            for g in range(4):
                for m in range(3):
                    if faces[g, m] == b and faces[g, (m + 1) % 3] == a:
                        nbr[f, k] = g
    free = [np.int64(f) for f in range(cap - 1, 3, -1)]  # unused face slots (a stack)
    tetra = np.arange(4)
    for p in range(n):
        if p != t[0] and p != t[1] and p != t[2] and p != t[3]:
            _assign(points, planes, p, tetra, 4, head, nxt, far, far_h)
    pending = [np.int64(f) for f in range(4)]  # faces that may have an outside set

    visible = [np.int64(0)]
    horizon_a = [np.int64(0)]
    horizon_b = [np.int64(0)]
    horizon_out = [np.int64(0)]
    orphans = [np.int64(0)]
    new_faces = np.empty(cap, np.int64)
    stamp = 0
    while len(pending) > 0:
        f0 = pending.pop()
        if not alive[f0] or head[f0] < 0:
            continue
        q = far[f0]
        stamp += 1
        # 2. the faces q sees (a connected patch around f0) and the patch's boundary
        visible.clear()
        horizon_a.clear()
        horizon_b.clear()
        horizon_out.clear()
        mark[f0] = stamp
        visible.append(f0)
        i = 0
        while i < len(visible):
            f = visible[i]
            i += 1
            for k in range(3):
                g = nbr[f, k]
                if mark[g] != stamp and mark[g] != -stamp:
                    if _height(planes, g, points[q]) > 0:
                        mark[g] = stamp
                        visible.append(g)
                    else:
                        mark[g] = -stamp
                if mark[g] == -stamp:
                    horizon_a.append(faces[f, k])
                    horizon_b.append(faces[f, (k + 1) % 3])
                    horizon_out.append(g)
        # 3. delete the visible faces (keeping their outside points), cone the horizon to q
        orphans.clear()
        for f in visible:
            p = head[f]
            while p >= 0:
                if p != q:
                    orphans.append(p)
                p = nxt[p]
            head[f] = -1
            alive[f] = False
            free.append(f)
        n_new = len(horizon_a)
        for j in range(n_new):
            a = horizon_a[j]
            b = horizon_b[j]
            g = horizon_out[j]
            f = free.pop()
            faces[f, 0] = a
            faces[f, 1] = b
            faces[f, 2] = q
            _set_plane(points, faces, planes, f)
            alive[f] = True
            head[f] = -1
            far[f] = -1
            far_h[f] = 0
            nbr[f, 0] = g
            for m in range(3):  # the outside face's edge b -> a now borders f
                if faces[g, m] == b and faces[g, (m + 1) % 3] == a:
                    nbr[g, m] = f
            start_face[a] = f
            end_face[b] = f
            new_faces[j] = f
        for j in range(n_new):
            f = new_faces[j]
            nbr[f, 1] = start_face[faces[f, 1]]  # across b -> q: the new face starting at b
            nbr[f, 2] = end_face[faces[f, 0]]    # across q -> a: the new face ending at a
        # hand the deleted faces' outside points to the new faces (or drop them: inside)
        for p in orphans:
            _assign(points, planes, p, new_faces, n_new, head, nxt, far, far_h)
        for j in range(n_new):
            if head[new_faces[j]] >= 0:
                pending.append(new_faces[j])

    count = 0
    for f in range(cap):
        if alive[f]:
            count += 1
    out_faces = np.empty((count, 3), np.int64)
    out_planes = np.empty((count, 4), np.int64)
    count = 0
    for f in range(cap):
        if alive[f]:
            out_faces[count] = faces[f]
            out_planes[count] = planes[f]
            count += 1
    return out_faces, out_planes


def convex_hull_3d(points):
    """Hull of integer ``points`` (n, 3): ``(vertex indices, faces (F, 3), planes (F, 4))``.

    Empty arrays when the points are coplanar.  ``n . p <= d`` for every plane row
    ``(n, d)`` holds exactly for the points in the hull (on its boundary included).  The
    vertices include every extreme point (qhull's ``vertices``) and may include points that
    were extreme when inserted and ended up inside a flat facet.  Exact while the coordinate
    range stays below about 10**6 (the heights ``n . p`` are cubic in it and must fit int64).
    """
    points = np.ascontiguousarray(points, dtype=np.int64)
    faces, planes = _quickhull(points)
    return np.unique(faces), faces, planes


# --- the hull of a voxel region -------------------------------------------------------------

@jit
def _slice_hull_voxels(image):
    """Voxels ``(z, y, x)`` that are 2-D hull vertices of their z-slice (the candidates)."""
    nz, ny, nx = image.shape
    out = np.empty((nz * 2 * ny, 3), np.int64)
    n_out = 0
    ends = np.empty((2 * ny, 2), np.float64)
    for z in range(nz):
        n = 0
        for y in range(ny):  # first and last voxel of each row: already sorted by (y, x)
            first = -1
            last = -1
            for x in range(nx):
                if image[z, y, x]:
                    if first < 0:
                        first = x
                    last = x
            if first >= 0:
                ends[n, 0] = y
                ends[n, 1] = first
                n += 1
                if last != first:
                    ends[n, 0] = y
                    ends[n, 1] = last
                    n += 1
        if n == 1:
            hull = ends[:1]
        else:
            hull = _monotone_chain(ends[:n])
        for i in range(hull.shape[0]):
            out[n_out, 0] = z
            out[n_out, 1] = np.int64(hull[i, 0])
            out[n_out, 2] = np.int64(hull[i, 1])
            n_out += 1
    return out[:n_out]


@jit
def _fill_hull_3d(planes, out):
    """``out[z, y, x]`` = the doubled centre ``(2z, 2y, 2x)`` satisfies every plane."""
    nz, ny, nx = out.shape
    for z in range(nz):
        for y in range(ny):
            lo = 0
            hi = nx - 1
            for f in range(planes.shape[0]):
                # n0 2z + n1 2y + n2 2x <= d  <=>  c x <= rest, c = 2 n2, rest = d - n0 2z - n1 2y
                c = 2 * planes[f, 2]
                rest = planes[f, 3] - planes[f, 0] * 2 * z - planes[f, 1] * 2 * y
                if c > 0:
                    hi = min(hi, rest // c)     # x <= floor(rest / c)   (// floors, as Python's)
                elif c < 0:
                    lo = max(lo, -(rest // -c))  # x >= rest / c = ceil(-rest / -c) = -floor(rest / -c)
                elif rest < 0:
                    hi = -1                      # the plane is parallel to the line and misses it
                if lo > hi:
                    break
            for x in range(lo, hi + 1):
                out[z, y, x] = True


_DIAMOND = np.array([[-1, 0, 0], [1, 0, 0], [0, -1, 0], [0, 1, 0], [0, 0, -1], [0, 0, 1]], np.int64)


def convex_hull_image_3d(image):
    """The voxels of ``image``'s shape inside its convex hull (``convex_hull_image`` in 3-D)."""
    image = np.ascontiguousarray(image, dtype=bool)
    out = np.zeros(image.shape, dtype=bool)
    if not image.any():
        warnings.warn("Input image is entirely zero, no valid convex hull. Returning empty image",
                      UserWarning, stacklevel=2)
        return out
    centres = _slice_hull_voxels(image)
    vertices, _, _ = convex_hull_3d(centres)
    if vertices.size == 0:  # coplanar voxel centres: qhull fails in the reference
        warnings.warn("Failed to get convex hull image. Returning empty image: the voxel "
                      "centres are coplanar (qhull: initial simplex is flat)", UserWarning, stacklevel=2)
        return out
    doubled = (2 * centres[vertices][:, None, :] + _DIAMOND).reshape(-1, 3)
    _, _, planes = convex_hull_3d(doubled)
    _fill_hull_3d(planes, out)
    return out


# --- Feret diameter -------------------------------------------------------------------------

@jit
def _max_sq_distance(points):
    best = 0.0
    for i in range(points.shape[0]):
        for j in range(i + 1, points.shape[0]):
            d = 0.0
            for k in range(points.shape[1]):
                t = points[i, k] - points[j, k]
                d += t * t
            if d > best:
                best = d
    return best


def feret_diameter_max_3d(image_convex, spacing):
    """Largest distance between the 0.5-isosurface points of a convex 3-D binary image."""
    padded = np.pad(np.asarray(image_convex, dtype=bool), 2)  # the reference's frame
    if not padded.any():
        raise ValueError("Surface level must be within volume data range.")
    midpoints = []
    for axis in range(3):  # doubled coordinates of the edges between inside and outside
        a = [slice(None)] * 3
        b = [slice(None)] * 3
        a[axis] = slice(None, -1)
        b[axis] = slice(1, None)
        crossing = 2 * np.argwhere(padded[tuple(a)] != padded[tuple(b)])
        crossing[:, axis] += 1
        midpoints.append(crossing)
    midpoints = np.concatenate(midpoints)
    vertices, _, _ = convex_hull_3d(midpoints)
    if vertices.size:
        midpoints = midpoints[vertices]
    points = (midpoints / 2.0) * np.asarray(spacing, dtype=np.float64)
    return sqrt(_max_sq_distance(np.ascontiguousarray(points)))
