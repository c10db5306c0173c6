"""Linking the detections of one frame to those of the next: four answers to one question.

Given ``a`` (``n`` points of frame ``t``) and ``b`` (``m`` points of frame ``t + 1``), which
point of ``b`` is which point of ``a``?  Every linker here returns the links as two index
arrays ``(i, j)``: ``a[i[k]]`` became ``b[j[k]]``.

The cost of a link
------------------
All linkers rank candidate links by one cost, the squared displacement plus weighted squared
feature differences::

    cost(i, j) = |a_i - b_j|^2 + sum_f w_f (F_f(a_i) - F_f(b_j))^2

(a squared Euclidean distance in a space whose extra axes are the features scaled by
``sqrt(w_f)``; with no features it is the squared distance of Brownian motion's likelihood).
*Gating*: a link whose spatial distance exceeds ``max_distance`` is not a candidate at all.
The candidates come from a k-d tree (:class:`scratch.spatial.KDTree`): all pairs within
``max_distance``, in ``O((n + m) log m)`` rather than ``O(n m)``.

The linkers
-----------
1. :func:`nearest_neighbor_links` - each point of ``a`` takes its cheapest candidate in ``b``
   (``direction="forward"``), or each point of ``b`` its cheapest in ``a`` (``"backward"``).
   The two differ, and neither is a matching: two points may claim the same partner.
2. :func:`greedy_links` - a matching built one link at a time.  Without conflict resolution
   the points of ``a`` choose in index order, each taking its cheapest *free* candidate (the
   first come is served first).  With conflict resolution all candidate links are sorted by
   cost and accepted cheapest first when both ends are still free (a contested point goes to
   its closest claimant).  Both are fast, neither is optimal.
3. :func:`optimal_links` - the matching of least total cost: a linear assignment problem,
   solved by :func:`scratch.optimize.linear_sum_assignment`.

Births and deaths: the LAP cost matrix of Jaqaman et al. (2008)
---------------------------------------------------------------
With gating some points have no partner: they are born in ``b`` or die after ``a``.  Removing
the too-long links *after* an assignment is wrong - the assignment was forced to pair every
point and may have bent other links to do so.  Jaqaman's LAP tracker (TrackMate's) makes "no
link" an option *inside* the assignment, with the ``(n + m) x (m + n)`` block matrix::

              m targets            n "deaths"
          +--------------------+--------------------+
  n       |  C  (link costs,   |  D = diag(d)       |     d: cost of source i dying
  sources |   inf if gated)    |  (inf off the diag)|
          +--------------------+--------------------+
  m       |  B = diag(b)       |  A = C^T pattern,  |     b: cost of target j being born
  "births"|  (inf off the diag)|  entries = min(C)  |
          +--------------------+--------------------+

Row ``i`` either takes a target (a link) or its own death column; column ``j`` is either
taken by a source or by its own birth row.  The lower-right block is the "auxiliary" block:
it must absorb the rows and columns left over when a link *is* made, and it does so exactly
when it has the transposed sparsity of ``C`` (TrackMate fills it with the smallest link
cost).  A link ``(i, j)`` therefore costs ``C_ij + min(C)`` against ``d_i + b_j`` for leaving
both ends unlinked.  Like TrackMate we use one *alternative cost* for every birth and death,
by default ``1.05`` times the largest candidate cost, so that gating alone decides what can
be linked, and the assignment decides what is.

Solving it by parts: the block matrix couples two points only through candidate links, so
the problem splits into the connected components of the bipartite graph of candidate links
(found with the union-find of :mod:`scratch.ndimage`).  Each component is an independent small
assignment problem, solved inside one compiled loop by the Jonker-Volgenant kernel of
:func:`scratch.optimize.linear_sum_assignment` (calling the Python wrapper thousands of times
per frame would cost more than the solving).  This is what makes linking thousands of points
per frame cheap (trackpy's "subnets").

References
----------
.. [1] K. Jaqaman et al., "Robust single-particle tracking in live-cell time-lapse
       sequences", Nature Methods 5:695-702, 2008.
.. [2] J.-Y. Tinevez et al., "TrackMate: An open and extensible platform for single-particle
       tracking", Methods 115:80-90, 2017.
.. [3] J. C. Crocker, D. G. Grier, "Methods of digital video microscopy for colloidal
       studies", J. Colloid Interface Sci. 179:298-310, 1996 (and trackpy).
"""

import numpy as np

from .. import _checks
from .._jit import jit
from ..ndimage._unionfind import resolve, union
from ..optimize import linear_sum_assignment
from ..optimize._jonker_volgenant import solve_jonker_volgenant
from ..spatial import KDTree

__all__ = ["link_cost", "lap_cost_matrix", "nearest_neighbor_links", "greedy_links",
           "optimal_links"]

#: TrackMate's ALTERNATIVE_LINKING_COST_FACTOR: births/deaths cost 1.05 x the largest link cost.
ALTERNATIVE_COST_FACTOR = 1.05


# --- inputs and costs ----------------------------------------------------------------------------


def _points(a, name):
    a = _checks.as_array(a, name)
    _checks.check_numeric(a, name)
    _checks.check_ndim(a, name, 2)
    _checks.check_finite(a, name)
    return np.ascontiguousarray(a, dtype=np.float64)


def _features(f, n, name):
    if f is None:
        return np.zeros((n, 0))
    f = _checks.as_array(f, name)
    _checks.check_numeric(f, name)
    if f.ndim == 1:
        f = f[:, None]
    _checks.check_ndim(f, name, 2)
    if f.shape[0] != n:
        raise ValueError(f"`{name}` must have one row per point ({n}), got {_checks.describe(f)}")
    _checks.check_finite(f, name)
    return np.ascontiguousarray(f, dtype=np.float64)


def _prepare(a, b, features_a, features_b, weights):
    a = _points(a, "a")
    b = _points(b, "b")
    if a.shape[1] != b.shape[1]:
        raise ValueError(f"`a` and `b` must have the same number of coordinates, got "
                         f"{a.shape[1]} and {b.shape[1]}")
    fa = _features(features_a, a.shape[0], "features_a")
    fb = _features(features_b, b.shape[0], "features_b")
    if fa.shape[1] != fb.shape[1]:
        raise ValueError(f"`features_a` and `features_b` must have the same number of "
                         f"features, got {fa.shape[1]} and {fb.shape[1]}")
    w = np.ones(fa.shape[1]) if weights is None else np.asarray(weights, dtype=np.float64)
    w = np.broadcast_to(w, (fa.shape[1],))
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError(f"`weights` must be finite and >= 0, got {w}")
    return a, b, fa, fb, w


def _pair_costs(a, b, fa, fb, w, i, j):
    """``cost(i, j)`` (module docstring) for the candidate pairs ``(i, j)``."""
    d = a[i] - b[j]
    cost = np.sum(d * d, axis=1)
    if w.size:
        df = fa[i] - fb[j]
        cost = cost + np.sum(w * df * df, axis=1)
    return cost


def _candidates(a, b, fa, fb, w, max_distance):
    """All gated candidate links ``(i, j, cost)``, sorted by ``i`` then ``j``."""
    n, m = a.shape[0], b.shape[0]
    if max_distance is None or max_distance == np.inf:
        i = np.repeat(np.arange(n), m)
        j = np.tile(np.arange(m), n)
    elif n == 0 or m == 0:
        i = j = np.empty(0, dtype=np.int64)
    else:
        pairs = KDTree(a).sparse_distance_matrix(KDTree(b), max_distance, output_type="ndarray")
        i = pairs["i"].astype(np.int64)
        j = pairs["j"].astype(np.int64)
    return i, j, _pair_costs(a, b, fa, fb, w, i, j)


def _max_distance(max_distance):
    if max_distance is None:
        return np.inf
    max_distance = float(max_distance)
    if not max_distance >= 0:
        raise ValueError(f"`max_distance` must be >= 0, got {max_distance}")
    return max_distance


def link_cost(a, b, features_a=None, features_b=None, weights=None, max_distance=None):
    """The dense matrix of link costs between two frames (``inf`` where gated out).

    ``cost[i, j] = |a_i - b_j|^2 + sum_f weights_f (features_a[i, f] - features_b[j, f])^2``,
    and ``inf`` where ``|a_i - b_j| > max_distance``.

    Parameters
    ----------
    a : (n, ndim) array_like
        Positions in the first frame.
    b : (m, ndim) array_like
        Positions in the second frame.
    features_a, features_b : (n,) / (n, nf) and (m,) / (m, nf) array_like, optional
        Object features (intensity, area, ...).
    weights : float or (nf,) array_like, optional
        Weight of each feature's squared difference (default 1).
    max_distance : float, optional
        Gate: links longer than this are forbidden.

    Returns
    -------
    cost : (n, m) ndarray of float64

    See Also
    --------
    optimal_links, lap_cost_matrix

    Examples
    --------
    >>> from scratch.tracking import link_cost
    >>> link_cost([[0, 0], [5, 5]], [[0, 1], [5, 4]], [10, 50], [50, 10], weights=0.01)
    array([[17., 41.],
           [41., 17.]])
    """
    a, b, fa, fb, w = _prepare(a, b, features_a, features_b, weights)
    max_distance = _max_distance(max_distance)
    n, m = a.shape[0], b.shape[0]
    i = np.repeat(np.arange(n), m)
    j = np.tile(np.arange(m), n)
    cost = _pair_costs(a, b, fa, fb, w, i, j).reshape(n, m)
    if max_distance < np.inf:
        d = a[:, None, :] - b[None, :, :]
        cost[np.sqrt(np.sum(d * d, axis=-1)) > max_distance] = np.inf
    return cost


def lap_cost_matrix(cost, alternative_cost=None):
    """Jaqaman's block cost matrix for linking with births and deaths.

    See the module docstring: ``[[C, D], [B, A]]`` with ``D = diag(d)``, ``B = diag(b)``
    (``inf`` off the diagonals), ``d = b = alternative_cost`` and ``A`` the transposed
    sparsity of ``C`` with every allowed entry equal to the smallest link cost.

    Parameters
    ----------
    cost : (n, m) array_like
        Link costs, ``inf`` for forbidden links.
    alternative_cost : float, optional
        Cost of a birth or a death.  Default: 1.05 x the largest finite link cost (1 if
        there is none), as in TrackMate.

    Returns
    -------
    block : (n + m, m + n) ndarray of float64
        Solve with :func:`scratch.optimize.linear_sum_assignment`; row ``i < n`` assigned to
        column ``j < m`` is a link.

    References
    ----------
    .. [1] K. Jaqaman et al., Nature Methods 5:695-702, 2008, Fig. 1b.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.tracking import lap_cost_matrix
    >>> lap_cost_matrix([[1.0, np.inf]], alternative_cost=3.0)
    array([[ 1., inf,  3.],
           [ 3., inf,  1.],
           [inf,  3., inf]])
    """
    cost = np.asarray(cost, dtype=np.float64)
    _checks.check_ndim(cost, "cost", 2)
    n, m = cost.shape
    finite = np.isfinite(cost)
    alt = _alternative(cost[finite], alternative_cost)
    block = np.full((n + m, m + n), np.inf)
    block[:n, :m] = cost
    block[np.arange(n), m + np.arange(n)] = alt  # deaths
    block[n + np.arange(m), np.arange(m)] = alt  # births
    aux = block[n:, m:]
    aux[finite.T] = cost[finite].min() if finite.any() else 0.0
    return block


def _alternative(costs, alternative_cost):
    if alternative_cost is not None:
        alt = float(alternative_cost)
        if not (np.isfinite(alt) and alt >= 0):
            raise ValueError(f"`alternative_cost` must be finite and >= 0, got {alt}")
        return alt
    return ALTERNATIVE_COST_FACTOR * costs.max() if costs.size else 1.0


# --- nearest neighbours and greedy matching -----------------------------------------------------


@jit
def _greedy(order, i, j, n, m):
    """Accept the candidate links in ``order`` whose two ends are both still free.

    ``order`` sorts all candidates by cost (conflicts resolved: cheapest first), or by source
    and then cost (first come, first served).  Returns a mask of accepted candidates.
    """
    taken_a = np.zeros(n, dtype=np.bool_)
    taken_b = np.zeros(m, dtype=np.bool_)
    accepted = np.zeros(order.shape[0], dtype=np.bool_)
    for t in order:
        if taken_a[i[t]] or taken_b[j[t]]:
            continue
        taken_a[i[t]] = True
        taken_b[j[t]] = True
        accepted[t] = True
    return accepted


def nearest_neighbor_links(a, b, direction="forward", max_distance=None, features_a=None,
                           features_b=None, weights=None):
    """Link each point to its cheapest candidate in the other frame (conflicts allowed).

    ``"forward"``: every point of ``a`` takes its cheapest candidate in ``b``; ``"backward"``:
    every point of ``b`` takes its cheapest candidate in ``a``.  Several points may take the
    same partner; points without candidate (beyond ``max_distance``) stay unlinked.  Ties go
    to the lower index.

    Parameters
    ----------
    a, b : (n, ndim), (m, ndim) array_like
        Positions in frames ``t`` and ``t + 1``.
    direction : {"forward", "backward"}
    max_distance : float, optional
        Gate on the spatial distance (a link of exactly ``max_distance`` is allowed).
    features_a, features_b, weights : optional
        See :func:`link_cost`.

    Returns
    -------
    i, j : ndarray of int64
        Links ``a[i[k]] -> b[j[k]]``, in the order of the choosing frame.

    Examples
    --------
    >>> from scratch.tracking import nearest_neighbor_links
    >>> a, b = [[0.0], [2.0]], [[1.1], [3.0]]
    >>> nearest_neighbor_links(a, b, "forward")
    (array([0, 1]), array([0, 0]))
    >>> nearest_neighbor_links(a, b, "backward")
    (array([1, 1]), array([0, 1]))
    """
    if direction not in ("forward", "backward"):
        raise ValueError(f"`direction` must be 'forward' or 'backward', got {direction!r}")
    a, b, fa, fb, w = _prepare(a, b, features_a, features_b, weights)
    i, j, cost = _candidates(a, b, fa, fb, w, _max_distance(max_distance))
    chooser, other = (i, j) if direction == "forward" else (j, i)
    order = np.lexsort((other, cost, chooser))  # by chooser, then cost, then index
    first = np.ones(order.size, dtype=bool)
    first[1:] = chooser[order[1:]] != chooser[order[:-1]]
    keep = order[first]
    return i[keep], j[keep]


def greedy_links(a, b, max_distance=None, resolve_conflicts=True, features_a=None,
                 features_b=None, weights=None):
    """A one-to-one matching built greedily, one link at a time.

    ``resolve_conflicts=True``: all candidate links sorted by cost, each accepted if both of
    its ends are still free (a contested point goes to its cheapest claimant).
    ``resolve_conflicts=False``: the points of ``a`` choose in index order, each taking its
    cheapest candidate that is still free.  ``O(c log c)`` for ``c`` candidate links.

    Parameters
    ----------
    a, b : (n, ndim), (m, ndim) array_like
        Positions in frames ``t`` and ``t + 1``.
    max_distance : float, optional
        Gate on the spatial distance.
    resolve_conflicts : bool
        Cheapest link first (True) or first come, first served (False).
    features_a, features_b, weights : optional
        See :func:`link_cost`.

    Returns
    -------
    i, j : ndarray of int64
        Links ``a[i[k]] -> b[j[k]]``, sorted by ``i``.

    See Also
    --------
    optimal_links : the matching of least total cost.

    Examples
    --------
    >>> from scratch.tracking import greedy_links
    >>> a, b = [[0.0], [2.0]], [[1.1], [3.0]]
    >>> greedy_links(a, b, resolve_conflicts=True)
    (array([0, 1]), array([1, 0]))
    >>> greedy_links(a, b, resolve_conflicts=False)
    (array([0, 1]), array([0, 1]))
    """
    a, b, fa, fb, w = _prepare(a, b, features_a, features_b, weights)
    i, j, cost = _candidates(a, b, fa, fb, w, _max_distance(max_distance))
    if resolve_conflicts:
        order = np.lexsort((j, i, cost))  # cheapest first; ties by index
    else:
        order = np.lexsort((j, cost, i))  # by source, then cheapest
    accepted = _greedy(order, i, j, a.shape[0], b.shape[0])
    keep = np.flatnonzero(accepted)
    keep = keep[np.argsort(i[keep], kind="stable")]
    return i[keep], j[keep]


# --- optimal matching ----------------------------------------------------------------------------


@jit
def _components(n, m, i, j):
    """Connected components of the bipartite candidate graph: a label per candidate link."""
    parent = np.arange(n + m + 1)  # node 1..n: sources, n+1..n+m: targets (0 unused)
    for t in range(i.shape[0]):
        union(parent, i[t] + 1, n + j[t] + 1)
    final, k = resolve(parent, n + m)
    labels = np.empty(i.shape[0], dtype=np.int64)
    for t in range(i.shape[0]):
        labels[t] = final[i[t] + 1]
    return labels


@jit
def _solve_components(n, m, i, j, cost, alt, aux):
    """Jaqaman's block problem solved one connected component at a time.

    For every component of the candidate graph, build its small block matrix (module
    docstring) and solve it with the Jonker-Volgenant kernel of
    :func:`scratch.optimize.linear_sum_assignment`.  Returns a mask of accepted candidates.
    """
    labels = _components(n, m, i, j)
    order = np.argsort(labels, kind="mergesort")  # candidates grouped by component
    accepted = np.zeros(i.shape[0], dtype=np.bool_)
    local_src = np.full(n, -1, dtype=np.int64)  # source -> its row in the component's block
    local_dst = np.full(m, -1, dtype=np.int64)  # target -> its column
    start = 0
    while start < order.shape[0]:
        stop = start
        while stop < order.shape[0] and labels[order[stop]] == labels[order[start]]:
            stop += 1
        ns = 0
        nd = 0
        for s in range(start, stop):
            t = order[s]
            if local_src[i[t]] < 0:
                local_src[i[t]] = ns
                ns += 1
            if local_dst[j[t]] < 0:
                local_dst[j[t]] = nd
                nd += 1
        block = np.full((ns + nd, nd + ns), np.inf)
        for r in range(ns):
            block[r, nd + r] = alt  # source r dies
        for c in range(nd):
            block[ns + c, c] = alt  # target c is born
        for s in range(start, stop):
            t = order[s]
            r = local_src[i[t]]
            c = local_dst[j[t]]
            block[r, c] = cost[t]  # the link
            block[ns + c, nd + r] = aux  # its auxiliary twin
        col4row, feasible = solve_jonker_volgenant(block)  # always feasible
        for s in range(start, stop):
            t = order[s]
            if col4row[local_src[i[t]]] == local_dst[j[t]]:
                accepted[t] = True
        for s in range(start, stop):
            local_src[i[order[s]]] = -1
            local_dst[j[order[s]]] = -1
        start = stop
    return accepted


def solve_gated(n, m, i, j, cost, alternative_cost=None):
    """Optimal links with births and deaths from the candidate links ``(i, j, cost)``.

    Solves Jaqaman's block problem (:func:`lap_cost_matrix` of the whole frame pair) one
    connected component at a time; its optimum has the same total cost.  The auxiliary
    entries are the smallest candidate cost of the whole frame pair.  Returns the accepted
    links ``(i, j)`` sorted by ``i``.
    """
    alt = _alternative(cost, alternative_cost)
    if i.size == 0:
        return i, j
    accepted = _solve_components(n, m, i, j, cost, alt, cost.min())
    keep = np.flatnonzero(accepted)
    keep = keep[np.argsort(i[keep], kind="stable")]
    return i[keep], j[keep]


def optimal_links(a, b, max_distance=None, features_a=None, features_b=None, weights=None,
                  alternative_cost=None):
    """The one-to-one links of least total cost (linear assignment).

    Without ``max_distance`` (and without ``alternative_cost``): the rectangular assignment
    problem on :func:`link_cost` - ``min(n, m)`` links of least total cost.
    With a gate: Jaqaman's block matrix (:func:`lap_cost_matrix`), where leaving a point
    unlinked (a death in ``a``, a birth in ``b``) costs ``alternative_cost``; solved one
    connected component of candidate links at a time, with
    :func:`scratch.optimize.linear_sum_assignment`.

    Parameters
    ----------
    a, b : (n, ndim), (m, ndim) array_like
        Positions in frames ``t`` and ``t + 1``.
    max_distance : float, optional
        Gate on the spatial distance (a link of exactly ``max_distance`` is allowed).
    features_a, features_b, weights : optional
        See :func:`link_cost`.
    alternative_cost : float, optional
        Cost of a birth or a death (default 1.05 x the largest candidate cost).

    Returns
    -------
    i, j : ndarray of int64
        Links ``a[i[k]] -> b[j[k]]``, sorted by ``i``.

    See Also
    --------
    scipy.optimize.linear_sum_assignment : gives the same total cost on the same matrix.
    greedy_links, nearest_neighbor_links

    References
    ----------
    .. [1] K. Jaqaman et al., "Robust single-particle tracking in live-cell time-lapse
           sequences", Nature Methods 5:695-702, 2008.

    Examples
    --------
    >>> from scratch.tracking import optimal_links
    >>> a, b = [[0.0], [2.0]], [[1.1], [3.0]]
    >>> optimal_links(a, b)
    (array([0, 1]), array([0, 1]))
    >>> optimal_links([[0.0], [3.5]], [[2.0], [100.0]], max_distance=3.0)
    (array([1]), array([0]))
    """
    a, b, fa, fb, w = _prepare(a, b, features_a, features_b, weights)
    max_distance = _max_distance(max_distance)
    if max_distance == np.inf and alternative_cost is None:
        cost = link_cost(a, b, fa, fb, w)
        rows, cols = linear_sum_assignment(cost)
        return rows, cols
    i, j, cost = _candidates(a, b, fa, fb, w, max_distance)
    return solve_gated(a.shape[0], b.shape[0], i, j, cost, alternative_cost)
