"""A k-d tree for nearest-neighbour and fixed-radius searches: ``KDTree``.

Finding the nearest of ``n`` points by brute force costs ``O(n)`` per query.  A k-d tree
(Bentley 1975) cuts space into boxes so that a search can skip whole boxes whose points are
provably too far away; for points spread in low dimension a query then costs about
``O(log n)``.

Construction: recursive median splits
-------------------------------------
Start with one node holding all points.  While a node holds more than ``leafsize`` points:

1. compute its *bounding box* (the smallest box holding its points);
2. choose the dimension in which the box is widest;
3. split the points at their **median** along that dimension: the lower half becomes the
   left child, the upper half the right child.  A median is found in ``O(count)`` time by
   *quickselect* (partition around a pivot, recurse into the side holding the middle), which
   reorders the node's slice of the index array in place.

Every node is a contiguous slice ``indices[start:end]`` of one permutation of the points, so
the tree is a few flat arrays (start, end, children, bounding box) - no pointers.  Median
splits halve the count at each level: the depth is ``log2(n / leafsize)`` and building costs
``O(n log n)``.  (SciPy's ``balanced_tree=True`` also splits at the median; its default
``compact_nodes=True`` also shrinks each node's box to its points, as we do.)  The tree also
keeps a copy of the points in that order, so that a leaf's points sit next to each other in
memory (one cache line or two instead of one per point).

Queries: branch and bound
-------------------------
A k-nearest-neighbour query keeps the ``k`` best candidates found so far in a max-heap whose
top is the worst of them, the current *bound*.  It walks the tree depth first, always
visiting the nearer child first:

* **bound:** the distance from the query point to a node's box is a lower bound on the
  distance to any point inside it (per dimension ``max(lo - x, 0, x - hi)``, combined by the
  p-norm);
* **branch:** a node whose box is farther than the bound cannot improve the answer and is
  skipped with its whole subtree; otherwise its children are searched (or, in a leaf, its
  points are compared one by one, each better one replacing the heap's top).

Visiting the nearer child first makes the bound tight early, so most of the tree is pruned.
(In the code the walk goes straight down into the nearer child and leaves only the farther
one on the stack for later.)
``distance_upper_bound`` simply starts the bound there instead of at infinity.  With
``eps > 0`` a box is skipped already when it is farther than ``bound / (1 + eps)``: the
``k``-th answer is then at most ``(1 + eps)`` times the true ``k``-th distance.

A ball query (all points within ``r``) uses the same bound to skip boxes farther than ``r``,
and takes a whole box without checking when its *farthest* corner is within ``r``.

Distances are compared as ``d ** p`` (``d^2`` for the Euclidean norm): no root is taken
until the answer is known, as in SciPy's ``cKDTree``.

Complexity: build ``O(n log n)``; a query about ``O(log n + k)`` for well spread points in
low dimension (it degrades towards ``O(n)`` as the dimension grows); memory ``O(n)``.

References
----------
.. [1] J. L. Bentley, "Multidimensional binary search trees used for associative
       searching", Communications of the ACM 18(9):509-517, 1975.
.. [2] J. H. Friedman, J. L. Bentley, R. A. Finkel, "An algorithm for finding best matches
       in logarithmic expected time", ACM Trans. Math. Software 3(3):209-226, 1977.
.. [3] S. Maneewongvatana, D. M. Mount, "Analysis of approximate nearest neighbor searching
       with clustered point sets", arXiv:cs/9901013, 1999 (SciPy's cKDTree).
"""

import numbers
import operator
import os

import numba
import numpy as np

from .. import _checks
from .._jit import jit, parallel_jit, prange
from ._distance import power_distance, root

__all__ = ["KDTree"]


# --- construction ------------------------------------------------------------------------------


@jit
def _select(indices, data, dim, lo, hi, nth):
    """Quickselect: reorder ``indices[lo:hi]`` so that position ``nth`` holds the point of
    rank ``nth - lo`` along ``dim``, smaller-or-equal ones before it, larger-or-equal after."""
    while hi - lo > 1:
        # median of three as pivot, then Hoare partition of indices[lo:hi]
        a = data[indices[lo], dim]
        b = data[indices[(lo + hi - 1) // 2], dim]
        c = data[indices[hi - 1], dim]
        pivot = max(min(a, b), min(max(a, b), c))
        i = lo
        j = hi - 1
        while i <= j:
            while data[indices[i], dim] < pivot:
                i += 1
            while data[indices[j], dim] > pivot:
                j -= 1
            if i <= j:
                t = indices[i]
                indices[i] = indices[j]
                indices[j] = t
                i += 1
                j -= 1
        # now indices[lo:j+1] <= pivot <= indices[i:hi], and j < i
        if nth <= j:
            hi = j + 1
        elif nth >= i:
            lo = i
        else:
            return


@jit
def _build(data, leafsize):
    """Build the tree; returns the flat node arrays (see :class:`KDTree`)."""
    n, m = data.shape
    indices = np.arange(n)
    # A split node holds more than leafsize points, so each of its halves (floor and ceil of
    # half) holds at least (leafsize + 1) // 2: at most n // that many leaves, and a binary
    # tree of L leaves has 2 L - 1 nodes.
    max_nodes = 2 * max(1, n // ((leafsize + 1) // 2)) - 1
    start = np.empty(max_nodes, dtype=np.int64)
    end = np.empty(max_nodes, dtype=np.int64)
    left = np.full(max_nodes, -1, dtype=np.int64)
    right = np.full(max_nodes, -1, dtype=np.int64)
    lo = np.empty((max_nodes, m))
    hi = np.empty((max_nodes, m))
    depth = np.zeros(max_nodes, dtype=np.int64)
    start[0] = 0
    end[0] = n
    n_nodes = 1
    max_depth = 0
    stack = [0]
    while len(stack) > 0:
        node = stack.pop()
        s = start[node]
        e = end[node]
        # the bounding box of the node's points
        for d in range(m):
            low = np.inf
            high = -np.inf
            for t in range(s, e):
                v = data[indices[t], d]
                if v < low:
                    low = v
                if v > high:
                    high = v
            lo[node, d] = low
            hi[node, d] = high
        if depth[node] > max_depth:
            max_depth = depth[node]
        if e - s <= leafsize:
            continue
        # split the widest dimension at the median
        dim = 0
        width = -1.0
        for d in range(m):
            if hi[node, d] - lo[node, d] > width:
                width = hi[node, d] - lo[node, d]
                dim = d
        if width <= 0.0:
            continue  # all points identical: a (big) leaf
        mid = s + (e - s) // 2
        _select(indices, data, dim, s, e, mid)
        left[node] = n_nodes  # points below the median
        right[node] = n_nodes + 1  # the median and above
        start[n_nodes], end[n_nodes] = s, mid
        start[n_nodes + 1], end[n_nodes + 1] = mid, e
        depth[n_nodes] = depth[n_nodes + 1] = depth[node] + 1
        stack.append(n_nodes)
        stack.append(n_nodes + 1)
        n_nodes += 2
    # the points in tree order, so that a leaf's points sit next to each other in memory
    ordered = np.empty((n, m))
    for t in range(n):
        for d in range(m):
            ordered[t, d] = data[indices[t], d]
    return (indices, ordered, start[:n_nodes].copy(), end[:n_nodes].copy(),
            left[:n_nodes].copy(), right[:n_nodes].copy(), lo[:n_nodes].copy(),
            hi[:n_nodes].copy(), max_depth)


# --- distances between a point and a box ---------------------------------------------------------


@jit(inline="always")
def _accumulate(s, d, p):
    """Add one coordinate's difference ``d >= 0`` to a p-th power distance ``s``."""
    if p == 2.0:
        return s + d * d
    if p == 1.0:
        return s + d
    if p == np.inf:
        return max(s, d)
    return s + d ** p


@jit(inline="always")
def _box_min(points, q, lo, hi, node, p):
    """``d_p ** p`` from ``points[q]`` to the nearest point of the node's box (0 inside)."""
    s = 0.0
    for d in range(points.shape[1]):
        x = points[q, d]
        # lo - x below the box, x - hi above it, 0 inside (adding 0 changes nothing)
        gap = max(lo[node, d] - x, x - hi[node, d], 0.0)
        s = _accumulate(s, gap, p)
    return s


@jit(inline="always")
def _box_max(points, q, lo, hi, node, p):
    """``d_p ** p`` from ``points[q]`` to the farthest corner of the node's box."""
    s = 0.0
    for d in range(points.shape[1]):
        x = points[q, d]
        s = _accumulate(s, max(abs(x - lo[node, d]), abs(x - hi[node, d])), p)
    return s


# --- k nearest neighbours -----------------------------------------------------------------------


@jit(inline="always")
def _sift_down(dist, idx, size, d, i):
    """Put ``(d, i)`` at the free root of the max-heap ``dist[:size]``/``idx[:size]`` and sift
    it down: each larger child moves up until ``d`` is no smaller than both children."""
    pos = 0
    while True:
        child = 2 * pos + 1
        if child >= size:
            break
        if child + 1 < size and dist[child + 1] > dist[child]:
            child += 1
        if dist[child] <= d:
            break
        dist[pos] = dist[child]
        idx[pos] = idx[child]
        pos = child
    dist[pos] = d
    idx[pos] = i


@jit(inline="always")
def _knn_one(points, q, ordered, tree, k_dist, k_idx, p, eps_factor, stack_nodes, stack_bound):
    """The k nearest neighbours of the point ``points[q]``, written into ``k_dist``/``k_idx``.

    ``ordered`` holds the data points in tree order (``ordered[t] = data[indices[t]]``).  On
    entry ``k_dist`` is full of the upper bound (``d ** p``) and ``k_idx`` of ``n`` (the
    "missing" index): a max-heap.  On exit both are sorted by distance, nearest first.
    """
    indices, start, end, left, right, lo, hi = tree
    k = k_dist.shape[0]
    top = 0
    stack_nodes[0] = 0
    stack_bound[0] = _box_min(points, q, lo, hi, 0, p)
    while top >= 0:
        node = stack_nodes[top]
        bound = stack_bound[top]
        top -= 1
        # walk down from ``node`` into the nearer child, leaving the farther one on the stack
        while bound * eps_factor <= k_dist[0]:  # else the box is farther than the k-th best
            if left[node] == -1:  # a leaf: compare its points
                for t in range(start[node], end[node]):
                    d = power_distance(points, q, ordered, t, p)
                    if d < k_dist[0]:
                        _sift_down(k_dist, k_idx, k, d, indices[t])  # replaces the worst
                break
            bl = _box_min(points, q, lo, hi, left[node], p)
            br = _box_min(points, q, lo, hi, right[node], p)
            top += 1
            if br < bl:
                stack_nodes[top] = left[node]
                stack_bound[top] = bl
                node, bound = right[node], br
            else:
                stack_nodes[top] = right[node]
                stack_bound[top] = br
                node, bound = left[node], bl
    # heap sort: swap the largest to the end of the heap, which then shrinks by one
    for last in range(k - 1, 0, -1):
        d, i = k_dist[0], k_idx[0]
        _sift_down(k_dist, k_idx, last, k_dist[last], k_idx[last])
        k_dist[last] = d
        k_idx[last] = i


@jit(inline="always")
def _knn_block(points, first, last, ordered, tree, k, p, eps_factor, upper, out_dist, out_idx,
               stack_nodes, stack_bound):
    """The k nearest neighbours of the points ``first..last-1`` into rows of ``out_dist``,
    ``out_idx``: distances (``inf`` where missing) and indices (``n`` where missing)."""
    n = ordered.shape[0]
    for q in range(first, last):
        k_dist = out_dist[q]
        k_idx = out_idx[q]
        for j in range(k):
            k_dist[j] = upper
            k_idx[j] = n
        _knn_one(points, q, ordered, tree, k_dist, k_idx, p, eps_factor, stack_nodes, stack_bound)
        for j in range(k):
            if k_idx[j] == n:
                k_dist[j] = np.inf
            else:
                k_dist[j] = root(k_dist[j], p)


#: Queries per block of the k-NN kernel: a block shares one search stack (one allocation).
_QUERY_BLOCK = 64


@parallel_jit
def _knn_kernel(points, ordered, indices, start, end, left, right, lo, hi, max_depth,
                k, p, eps_factor, upper, out_dist, out_idx):
    """k nearest neighbours of every point (parallel over blocks of points; rows are
    independent).

    The search is written once for any ``p`` and inlined four times: with ``p`` a constant
    (2, 1 or inf) the compiler removes the other norms' branches from the inner loops, which
    makes these common cases two to three times faster.
    """
    tree = (indices, start, end, left, right, lo, hi)
    q = points.shape[0]
    for b in prange((q + _QUERY_BLOCK - 1) // _QUERY_BLOCK):
        first, last = b * _QUERY_BLOCK, min((b + 1) * _QUERY_BLOCK, q)
        stack_nodes = np.empty(max_depth + 2, dtype=np.int64)
        stack_bound = np.empty(max_depth + 2)
        if p == 2.0:
            _knn_block(points, first, last, ordered, tree, k, 2.0, eps_factor, upper, out_dist,
                       out_idx, stack_nodes, stack_bound)
        elif p == 1.0:
            _knn_block(points, first, last, ordered, tree, k, 1.0, eps_factor, upper, out_dist,
                       out_idx, stack_nodes, stack_bound)
        elif p == np.inf:
            _knn_block(points, first, last, ordered, tree, k, np.inf, eps_factor, upper, out_dist,
                       out_idx, stack_nodes, stack_bound)
        else:
            _knn_block(points, first, last, ordered, tree, k, p, eps_factor, upper, out_dist,
                       out_idx, stack_nodes, stack_bound)


# --- all neighbours within a radius -------------------------------------------------------------


@jit
def _ball_one(points, q, ordered, tree, r_p, p, eps, stack_nodes, out, count_only):
    """Indices of the points within ``r`` of ``points[q]`` (``d ** p <= r_p``), written into ``out``
    unless ``count_only``; returns how many there are."""
    indices, start, end, left, right, lo, hi = tree
    if p == np.inf:
        shrink, grow = 1.0 / (1.0 + eps), 1.0 + eps
    else:
        shrink, grow = (1.0 + eps) ** -p, (1.0 + eps) ** p
    count = 0
    top = 0
    stack_nodes[0] = 0
    while top >= 0:
        node = stack_nodes[top]
        top -= 1
        if _box_min(points, q, lo, hi, node, p) > r_p * shrink:
            continue  # box entirely outside the ball
        whole = _box_max(points, q, lo, hi, node, p) <= r_p * grow  # box entirely inside
        if whole or left[node] == -1:
            for t in range(start[node], end[node]):
                i = indices[t]
                if whole or power_distance(points, q, ordered, t, p) <= r_p:
                    if not count_only:
                        out[count] = i
                    count += 1
            continue
        top += 1
        stack_nodes[top] = right[node]
        top += 1
        stack_nodes[top] = left[node]
    return count


@parallel_jit
def _ball_count_kernel(points, radii_p, ordered, indices, start, end, left, right, lo, hi,
                       max_depth, p, eps, counts):
    """How many points lie within ``r`` of each query point (parallel over the points)."""
    tree = (indices, start, end, left, right, lo, hi)
    dummy = np.empty(0, dtype=np.int64)
    for q in prange(points.shape[0]):
        stack_nodes = np.empty(max_depth + 2, dtype=np.int64)
        counts[q] = _ball_one(points, q, ordered, tree, radii_p[q], p, eps, stack_nodes, dummy,
                              True)


@parallel_jit
def _ball_fill_kernel(points, radii_p, ordered, indices, start, end, left, right, lo, hi,
                      max_depth, p, eps, offsets, sort, out):
    """Write each query's neighbours into ``out[offsets[q]:offsets[q + 1]]`` (CSR layout)."""
    tree = (indices, start, end, left, right, lo, hi)
    for q in prange(points.shape[0]):
        stack_nodes = np.empty(max_depth + 2, dtype=np.int64)
        row = out[offsets[q]:offsets[q + 1]]
        _ball_one(points, q, ordered, tree, radii_p[q], p, eps, stack_nodes, row, False)
        if sort:
            row.sort()


@jit
def _pair_distances(points, data, offsets, neighbours, p, out):
    """``out[t] = d_p(points[q], data[neighbours[t]])`` for the CSR rows ``q``."""
    for q in range(points.shape[0]):
        for t in range(offsets[q], offsets[q + 1]):
            out[t] = root(power_distance(points, q, data, neighbours[t], p), p)


# --- the public class ---------------------------------------------------------------------------


def _check_p(p):
    p = float(p)
    if not p >= 1.0:
        raise ValueError("Only p-norms with 1<=p<=infinity permitted")
    return p


def _power(r, p):
    """``r ** p`` as the bound a p-th power distance is compared with (``r`` for p = inf)."""
    if p == np.inf or p == 1.0:
        return r
    if p == 2.0:
        return r * r
    return r ** p


class _Workers:
    """Run a kernel on ``workers`` threads (SciPy's keyword), restoring the count afterwards."""

    def __init__(self, workers):
        workers = _checks.check_int(workers, "workers")
        if workers == 0 or workers < -1:
            raise ValueError(f"Invalid number of workers {workers}, must be -1 or > 0")
        if workers == -1 and os.cpu_count() is None:  # SciPy's error (its -1 means every CPU)
            raise NotImplementedError("Cannot determine the number of cpus using os.cpu_count(), "
                                      "cannot use -1 for the number of workers")
        self.workers = workers

    def pick(self, kernel, n_items):
        if self.workers == 1:
            return kernel.serial
        return kernel.sized(n_items)

    def __enter__(self):
        self.saved = numba.get_num_threads()
        if self.workers > 1:
            numba.set_num_threads(min(self.workers, numba.config.NUMBA_NUM_THREADS))
        elif self.workers == -1:
            numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)
        return self

    def __exit__(self, *exc):
        numba.set_num_threads(self.saved)


class KDTree:
    """kd-tree for quick nearest-neighbor lookup.

    This class provides an index into a set of k-dimensional points which can be used to
    rapidly look up the nearest neighbors of any point.  The tree is built by recursive
    median splits along the widest dimension and searched by branch and bound (see the
    module docstring of ``scratch.spatial._kdtree``).

    Parameters
    ----------
    data : array_like, shape (n,m)
        The n data points of dimension m to be indexed.  This array is not copied unless
        this is necessary to produce a contiguous array of doubles, and so modifying this
        data will result in bogus results.
    leafsize : positive int, optional
        The number of points at which the algorithm switches over to brute-force.
        Default: 10.
    compact_nodes : bool, optional
        Accepted for compatibility; nodes always shrink their box to their points (SciPy's
        default, ``True``).
    copy_data : bool, optional
        If True the data is always copied to protect the kd-tree against data corruption.
        Default: False.
    balanced_tree : bool, optional
        Accepted for compatibility; the split is always at the median (SciPy's default,
        ``True``).
    boxsize : None
        Periodic topology is not implemented; only ``None`` is accepted.

    Attributes
    ----------
    data : ndarray, shape (n,m)
        The n data points of dimension m to be indexed (float64).
    leafsize : positive int
        The number of points at which the algorithm switches over to brute-force.
    m : int
        The dimension of a single data-point.
    n : int
        The number of data points.
    maxes : ndarray, shape (m,)
        The maximum value in each dimension of the n data points.
    mins : ndarray, shape (m,)
        The minimum value in each dimension of the n data points.
    indices : ndarray, shape (n,)
        The points in tree order: every node is a slice of it.

    Raises
    ------
    ValueError
        If ``data`` is not of shape (n, m), not finite, or ``leafsize < 1``.
    TypeError
        If ``data`` is complex.

    See Also
    --------
    scipy.spatial.KDTree : the reference implementation.
    scratch.spatial.distance_matrix : brute force, all the distances.

    References
    ----------
    .. [1] J. L. Bentley, "Multidimensional binary search trees used for associative
           searching", Communications of the ACM 18(9):509-517, 1975.
    .. [2] J. H. Friedman, J. L. Bentley, R. A. Finkel, "An algorithm for finding best
           matches in logarithmic expected time", ACM TOMS 3(3):209-226, 1977.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.spatial import KDTree
    >>> x, y = np.mgrid[0:5, 2:8]
    >>> tree = KDTree(np.c_[x.ravel(), y.ravel()])
    >>> dd, ii = tree.query([[0, 0], [2.2, 2.9]], k=1)
    >>> print(dd, ii, sep='\\n')
    [2.        0.2236068]
    [ 0 13]
    >>> tree.query_ball_point([2.2, 2.9], r=1.0, return_sorted=True)
    [12, 13, 19]
    """

    def __init__(self, data, leafsize=10, compact_nodes=True, copy_data=False,
                 balanced_tree=True, boxsize=None):
        if boxsize is not None:
            raise NotImplementedError("scratch.spatial.KDTree has no periodic topology: "
                                      "`boxsize` must be None")
        a = np.asarray(data)
        if a.dtype.kind == "c":
            raise TypeError("KDTree does not work with complex data")
        if a.dtype.kind in "OSUV":
            a = np.asarray(a, dtype=np.float64)  # strings: float() parses or raises ValueError
        if a.ndim != 2:
            raise ValueError("data must be of shape (n, m), where there are n points of "
                             f"dimension m; `data` is an {_checks.describe(a)}")
        if a.shape[1] == 0:  # (the reference fails inside its tree builder: an IndexError)
            raise ValueError("data must be of shape (n, m) with m >= 1: points need at least one "
                             f"coordinate; `data` is an {_checks.describe(a)}")
        copy = bool(copy_data) and a.dtype == np.float64
        self.data = np.array(a, dtype=np.float64, copy=True) if copy else \
            np.ascontiguousarray(a, dtype=np.float64)
        if not np.isfinite(self.data).all():
            raise ValueError("data must be finite, check for nan or inf values")
        leafsize = _checks.check_int(leafsize, "leafsize")
        if leafsize < 1:
            raise ValueError("leafsize must be at least 1")
        self.leafsize = leafsize
        self.n, self.m = self.data.shape
        (self.indices, self._ordered, self._start, self._end, self._left, self._right,
         self._lo, self._hi, self._max_depth) = _build(self.data, self.leafsize)
        # the root's box is the data's bounding box (an empty tree's root box is empty: +-inf)
        self.maxes = self._hi[0].copy()
        self.mins = self._lo[0].copy()

    @property
    def size(self):
        """The number of nodes in the tree."""
        return self._start.shape[0]

    def _tree_args(self):
        return (self._ordered, self.indices, self._start, self._end, self._left, self._right,
                self._lo, self._hi, self._max_depth)

    def _points(self, x):
        """``x`` as a C-contiguous float64 (q, m) array plus the leading shape."""
        x = np.asarray(x)
        if x.dtype.kind == "c":
            raise TypeError("KDTree does not work with complex data")
        x = np.asarray(x, dtype=np.float64)
        if x.ndim == 0 or x.shape[-1] != self.m:
            raise ValueError(f"x must consist of vectors of length {self.m} but has shape "
                             f"{np.shape(x)}")
        if not np.isfinite(x).all():
            raise ValueError("'x' must be finite, check for nan or inf values")
        lead = x.shape[:-1]
        return np.ascontiguousarray(x.reshape(-1, self.m)), lead

    def query(self, x, k=1, eps=0.0, p=2.0, distance_upper_bound=np.inf, workers=1):
        """Query the kd-tree for nearest neighbors.

        Branch and bound (module docstring): the ``k`` best so far live in a max-heap; a
        node is skipped when its box is farther than the ``k``-th best (or than
        ``distance_upper_bound``).

        Parameters
        ----------
        x : array_like, last dimension self.m
            An array of points to query.
        k : int or Sequence[int], optional
            Either the number of nearest neighbors to return, or a list of the k-th nearest
            neighbors to return, starting from 1.
        eps : nonnegative float, optional
            Return approximate nearest neighbors; the kth returned value is guaranteed to be
            no further than (1+eps) times the distance to the real kth nearest neighbor.
        p : float, 1<=p<=infinity, optional
            Which Minkowski p-norm to use.
        distance_upper_bound : nonnegative float, optional
            Return only neighbors within this distance (strictly closer).
        workers : int, optional
            Number of threads to use (-1: all of Numba's threads).  Default: 1.

        Returns
        -------
        d : float or array of floats
            The distances to the nearest neighbors.  Missing neighbors are indicated with
            infinite distances.  If ``x`` is a single point and ``k == 1`` a float,
            otherwise an array of shape ``x.shape[:-1] + (k,)`` (``(k,)`` dropped when
            ``k == 1``; ``(len(k),)`` when ``k`` is a sequence).
        i : integer or array of integers
            The index of each neighbor in ``self.data``, shaped like ``d``.  Missing
            neighbors are indicated with ``self.n``.

        Examples
        --------
        >>> import numpy as np
        >>> from scratch.spatial import KDTree
        >>> tree = KDTree(np.array([[0.0, 0.0], [3.0, 4.0], [1.0, 0.0]]))
        >>> tree.query([0.1, 0.0], k=2)
        (array([0.1, 0.9]), array([0, 2]))
        >>> tree.query([0.0, 0.0], k=3, distance_upper_bound=2.0)
        (array([ 0.,  1., inf]), array([0, 2, 3]))
        """
        if isinstance(k, numbers.Integral):  # k is checked before x, as SciPy does
            k_max = operator.index(k)
            columns = None
            if k_max < 1:
                raise ValueError(f"`k` must be at least 1, got {k_max}")
        elif isinstance(k, (float, np.floating)):
            # SciPy takes a float k as the neighbours 1, 2, ... up to k (``np.arange(1, k + 1)``:
            # 2.5 means the three nearest), and 1.0 as the nearest one alone
            try:
                wanted = np.arange(1, k + 1)
            except ValueError:  # NaN or infinity (the reference: its arange's ValueError)
                raise ValueError(f"`k` must be an integer or a sequence of integers, got {k!r}") from None
            if wanted.size == 0:
                raise ValueError(f"`k` must be at least 1, got {k!r}")
            k_max = int(wanted[-1])
            columns = None if k == 1 else wanted.astype(np.int64) - 1
        else:
            try:
                columns = np.asarray(k, dtype=np.int64).ravel() - 1
            except (TypeError, ValueError):
                raise ValueError("k must be an integer or a sequence of integers") from None
            if np.ndim(k) != 1 or columns.size == 0 or columns.min() < 0:
                raise ValueError("k must be an integer or a sequence of integers >= 1")
            k_max = int(columns.max()) + 1
        points, lead = self._points(x)
        eps = float(eps)
        p = _check_p(p)
        upper = float(distance_upper_bound)
        if p == np.inf:
            eps_factor = 1.0 + eps
        else:
            eps_factor = (1.0 + eps) ** p
        runner = _Workers(workers)
        q = points.shape[0]
        dist = np.empty((q, k_max))
        idx = np.empty((q, k_max), dtype=np.int64)
        if q:
            with runner:
                kernel = runner.pick(_knn_kernel, q * 64)
                (ordered, indices, start, end, left, right, lo, hi, max_depth) = self._tree_args()
                kernel(points, ordered, indices, start, end, left, right, lo, hi, max_depth,
                       k_max, p, eps_factor, _power(upper, p), dist, idx)
        if columns is not None:
            dist, idx = dist[:, columns], idx[:, columns]
            shape = lead + (columns.size,)
        elif k_max == 1:
            shape = lead
        else:
            shape = lead + (k_max,)
        dist = dist.reshape(shape)
        idx = idx.reshape(shape)
        if shape == ():
            return float(dist), idx[()]
        return dist, idx

    def _ball_csr(self, points, r, p, eps, sort, workers=1):
        """Neighbours of every row of ``points`` within ``r`` (array, one per row), CSR:
        ``(offsets, neighbours)`` with row ``q``'s indices at ``offsets[q]:offsets[q+1]``."""
        q = points.shape[0]
        radii_p = np.array([_power(v, p) for v in r], dtype=np.float64) if q else np.empty(0)
        counts = np.zeros(q, dtype=np.int64)
        offsets = np.zeros(q + 1, dtype=np.int64)
        if q == 0:
            return offsets, np.empty(0, dtype=np.int64)
        runner = _Workers(workers)
        (ordered, indices, start, end, left, right, lo, hi, max_depth) = self._tree_args()
        with runner:
            runner.pick(_ball_count_kernel, q * 64)(points, radii_p, ordered, indices, start, end,
                                                    left, right, lo, hi, max_depth, p, eps,
                                                    counts)
            np.cumsum(counts, out=offsets[1:])
            neighbours = np.empty(offsets[-1], dtype=np.int64)
            runner.pick(_ball_fill_kernel, q * 64)(points, radii_p, ordered, indices, start, end,
                                                   left, right, lo, hi, max_depth, p, eps,
                                                   offsets, bool(sort), neighbours)
        return offsets, neighbours

    def query_ball_point(self, x, r, p=2.0, eps=0.0, workers=1, return_sorted=None,
                         return_length=False):
        """Find all points within distance r of point(s) x.

        Parameters
        ----------
        x : array_like, shape tuple + (self.m,)
            The point or points to search for neighbors of.
        r : array_like, float
            The radius of points to return, shall broadcast to the length of x.
        p : float, optional
            Which Minkowski p-norm to use.  Should be in the range [1, inf].
        eps : nonnegative float, optional
            Approximate search.  Branches of the tree are not explored if their nearest
            points are further than ``r / (1 + eps)``, and branches are added in bulk if
            their furthest points are nearer than ``r * (1 + eps)``.
        workers : int, optional
            Number of threads to use (-1: all of Numba's threads).  Default: 1.
        return_sorted : bool, optional
            Sorts returned indices if True and does not sort them if False.  If None
            (default), single point queries are not sorted but multi-point queries are.
        return_length : bool, optional
            Return the number of points inside the radius instead of a list of the indices.

        Returns
        -------
        results : list or array of lists
            If `x` is a single point, returns a list of the indices of the neighbors of
            `x`.  If `x` is an array of points, returns an object array of shape
            ``x.shape[:-1]`` containing lists of neighbors (or an int array of counts with
            ``return_length``).

        Notes
        -----
        A point at distance exactly ``r`` is included, as in SciPy.  Unsorted results come
        in the order of our tree, which is not SciPy's: compare them as sets.

        Examples
        --------
        >>> import numpy as np
        >>> from scratch.spatial import KDTree
        >>> tree = KDTree(np.array([[0.0, 0.0], [3.0, 4.0], [1.0, 0.0]]))
        >>> tree.query_ball_point([0.0, 0.0], 1.0, return_sorted=True)
        [0, 2]
        >>> tree.query_ball_point([[0.0, 0.0], [3.0, 3.0]], [0.5, 1.0], return_length=True)
        array([1, 1])
        """
        points, lead = self._points(x)
        p = _check_p(p)
        eps = float(eps)
        radii = np.empty(lead, dtype=np.float64)
        radii[...] = np.asarray(r, dtype=np.float64)  # broadcast (ValueError if it cannot)
        radii = radii.ravel()
        sort = (len(lead) > 0) if return_sorted is None else bool(return_sorted)
        offsets, neighbours = self._ball_csr(points, radii, p, eps, sort, workers)
        if return_length:
            counts = np.diff(offsets).reshape(lead)
            return counts[()] if lead == () else counts
        lists = [neighbours[offsets[t]:offsets[t + 1]].tolist() for t in range(points.shape[0])]
        if lead == ():
            return lists[0]
        out = np.empty(len(lists), dtype=object)
        out[:] = lists
        return out.reshape(lead)

    def sparse_distance_matrix(self, other, max_distance, p=2.0, output_type="dok_matrix"):
        """Compute a sparse distance matrix: every pair closer than ``max_distance``.

        Each point of ``self`` is a ball query into ``other``.  Only the output types that
        need no ``scipy.sparse`` are offered.

        Parameters
        ----------
        other : KDTree
        max_distance : positive float
        p : float, 1<=p<=infinity, optional
            Which Minkowski p-norm to use.
        output_type : {'ndarray', 'dict'}
            ``'ndarray'``: a record array with fields ``i``, ``j``, ``v`` (sorted by ``i``
            then ``j``); ``'dict'``: ``{(i, j): v}``.  SciPy's default, ``'dok_matrix'``, and
            ``'coo_matrix'`` raise NotImplementedError (scratch never imports SciPy).

        Returns
        -------
        result : ndarray or dict
            Distances ``v`` between ``self.data[i]`` and ``other.data[j]`` with
            ``v <= max_distance``.

        Examples
        --------
        >>> import numpy as np
        >>> from scratch.spatial import KDTree
        >>> a = KDTree(np.array([[0.0, 0.0], [5.0, 5.0]]))
        >>> b = KDTree(np.array([[0.0, 1.0], [9.0, 9.0]]))
        >>> a.sparse_distance_matrix(b, 2.0, output_type="dict")
        {(0, 0): 1.0}
        """
        if output_type in ("dok_matrix", "coo_matrix"):
            raise NotImplementedError(f"output_type={output_type!r} needs scipy.sparse; use "
                                      "'ndarray' or 'dict'")
        if output_type not in ("ndarray", "dict"):
            raise ValueError('Invalid output type')
        if not isinstance(other, KDTree):
            raise TypeError("`other` must be a scratch.spatial.KDTree")
        if other.m != self.m:
            raise ValueError("Trees passed to sparse_distance_matrix have different "
                             "dimensionality")
        p = _check_p(p)
        radii = np.full(self.n, float(max_distance))
        offsets, j = other._ball_csr(self.data, radii, p, 0.0, True)
        i = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(offsets))
        v = np.empty(j.shape[0])
        _pair_distances(self.data, other.data, offsets, j, p, v)
        if output_type == "dict":
            return {(int(a), int(b)): float(c) for a, b, c in zip(i, j, v)}
        out = np.empty(j.shape[0], dtype=[("i", np.intp), ("j", np.intp), ("v", np.float64)])
        out["i"], out["j"], out["v"] = i, j, v
        return out
