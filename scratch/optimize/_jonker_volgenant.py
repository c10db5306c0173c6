"""Linear assignment by shortest augmenting paths (Jonker-Volgenant, as Crouse and SciPy do it).

The problem
-----------
Given an ``nr x nc`` cost matrix ``C`` with ``nr <= nc``, assign every row ``i`` its own
column ``col4row[i]`` so that ``sum_i C[i, col4row[i]]`` is as small as possible.
``C[i, j] = +inf`` forbids the pair ``(i, j)``.

Duals (potentials)
------------------
As a linear programme the problem has a dual with one potential ``u[i]`` per row and one
``v[j]`` per column, subject to ``u[i] + v[j] <= C[i, j]``.  The *reduced cost*
``C[i, j] - u[i] - v[j]`` is therefore never negative, and an assignment is optimal exactly
when every assigned pair has reduced cost 0 (complementary slackness).  The algorithm keeps
both promises at all times:

* every pair in the partial assignment has reduced cost 0, and
* every reduced cost is >= 0,

and adds one row at a time.  When the last row is in, the assignment is optimal.

One step: a shortest augmenting path
------------------------------------
To bring in the free row ``cur`` we look for the cheapest *augmenting path*: a path that
alternates ``row -> column`` (any edge, paying its reduced cost) and ``column -> row`` (back
along an assigned pair, free since its reduced cost is 0), starting at ``cur`` and ending at
an unassigned column, the *sink*.  Because reduced costs are non-negative, this is
Dijkstra's shortest-path algorithm on a dense graph, with the columns as nodes:

1. ``shortest[j]`` is the length of the best path found so far to column ``j`` and
   ``path[j]`` the row it came from.  Scan the newest row ``i``: for every column ``j`` not
   yet settled, ``shortest[j] = min(shortest[j], min_val + C[i, j] - u[i] - v[j])``.
2. Settle the unsettled column with the smallest ``shortest[j]`` (its length becomes
   ``min_val``).  If it is unassigned it is the sink: stop.  Otherwise continue from the
   row assigned to it.
3. If every unsettled column is still at ``+inf`` no path exists: the matrix is infeasible
   (some set of rows has fewer allowed columns than rows, Hall's condition fails).

Then *update the duals* so that the path's pairs get reduced cost 0 and none goes negative
(``u[cur] += min_val``; for every other row ``i`` visited, ``u[i] += min_val -
shortest[col4row[i]]``; for every settled column ``j``, ``v[j] -= min_val - shortest[j]``),
and *augment*: flip the path, so every column on it takes the row before it.  The
assignment has grown by one row.

Complexity: each step settles at most ``nc`` columns, each settling scans ``nc`` columns:
``O(nc^2)`` per row, ``O(nr * nc^2)`` for the whole matrix, ``O(n^3)`` when square.  Memory
``O(nr + nc)`` besides the matrix.

Compared with the Hungarian method (``_hungarian.py``), which changes all potentials by
``delta`` every time its search tree grows, the potentials here are touched only once per
row, after the path is known; the search itself only keeps path lengths.  The two are the
same algorithm in different bookkeeping (the O(n^3) Hungarian method *is* a shortest
augmenting path method), and in both the time goes into scanning one row of the matrix per
settled column.  What makes the original Jonker-Volgenant code several times faster on
random matrices is its initialisation (column reduction, reduction transfer, augmenting
row reduction), which assigns most rows before any path search; SciPy omits it, and so do
we, to make the same choice among tied optima (below).

Ties, and agreeing with SciPy
-----------------------------
This is the variant of Jonker & Volgenant (1987) without initialisation, as written by
Crouse (2016) and implemented in SciPy's ``rectangular_lsap.cpp``.  When several columns
tie for the smallest ``shortest[j]``, an unassigned one is preferred (it ends the search at
once, which matters for integer matrices with many ties).  SciPy keeps the unsettled
columns in a list that starts in *reverse* order, ``nc-1, ..., 0``, moves the last
unsettled column into the place of a settled one, and among equal candidates keeps the
last unassigned one it meets in that list (or the first candidate, if all are assigned):
a constant matrix gives the identity.  We keep that list only as positions ``pos[j]`` and
apply the same rule (:func:`_prefer`), but scan the columns in memory order, which is
faster; and we compute the path lengths with the same floating-point expression,
``(min_val + C[i, j]) - u[i] - v[j]``.  So wherever several optima tie we choose the one
SciPy chooses.

Two implementation notes: a settled column's ``shortest[j]`` is set to NaN (its length is
kept in ``settled_len``), because NaN fails every comparison and the scans then need no
"is it settled?" test; and relaxing a row and choosing the nearest column are two simple
loops rather than one, which the compiler turns into faster code.

References
----------
.. [1] R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and
       sparse linear assignment problems", Computing 38(4):325-340, 1987.
.. [2] D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE
       Transactions on Aerospace and Electronic Systems 52(4):1679-1696, 2016,
       doi:10.1109/TAES.2016.140952 (pseudocode on pp. 1685-1686).
.. [3] SciPy, ``scipy/optimize/rectangular_lsap/rectangular_lsap.cpp`` (P. M. Larsen).
"""

import numpy as np

from .._jit import jit

__all__ = ["solve_jonker_volgenant", "shortest_augmenting_path", "update_potentials", "augment"]


@jit
def solve_jonker_volgenant(cost):
    """Assign each row of ``cost`` (``nr <= nc``, C-contiguous float64, no NaN/-inf) a column.

    Returns ``(col4row, feasible)``: ``col4row[i]`` is row ``i``'s column, and ``feasible``
    is False (``col4row`` then incomplete) when no assignment of finite cost exists.
    ``cost`` is only read.

    Start with all potentials ``u = 0`` (rows), ``v = 0`` (columns) and nothing assigned
    (``col4row``, ``row4col`` all -1, int64).  Then bring in the rows one at a time,
    ``cur = 0, 1, ..., nr - 1``: find the shortest augmenting path from ``cur``
    (:func:`shortest_augmenting_path`; no sink: return ``(col4row, False)``), update the
    potentials (:func:`update_potentials`), flip the path (:func:`augment`).
    """
    nr, nc = cost.shape
    u = np.zeros(nr)  # row potentials
    v = np.zeros(nc)  # column potentials
    col4row = np.full(nr, -1, dtype=np.int64)
    row4col = np.full(nc, -1, dtype=np.int64)
    for cur in range(nr):
        sink, min_val, path, lengths = shortest_augmenting_path(cost, u, v, row4col, cur)
        if sink == -1:  # nothing reachable: no complete assignment exists
            return col4row, False
        update_potentials(u, v, col4row, cur, min_val, lengths)
        augment(path, col4row, row4col, sink, cur)
    return col4row, True


@jit
def shortest_augmenting_path(cost, u, v, row4col, cur):
    """Dijkstra from the free row ``cur`` to the nearest unassigned column, on reduced costs.

    The path alternates row -> column (any pair, paying its reduced cost ``cost[i, j] - u[i] -
    v[j]``, never negative) and column -> row (back along an assigned pair, free).  With
    ``shortest[j] = inf`` for every column and ``min_val = 0``, ``i = cur``:

    1. relax row ``i``: for every column ``j`` not settled yet, ``r = min_val + cost[i, j] -
       u[i] - v[j]`` (this order of operations); if ``r < shortest[j]``: ``shortest[j] = r``,
       ``path[j] = i``;
    2. settle the unsettled column ``j`` with the smallest ``shortest[j]``; its length
       ``lengths[j] = min_val = shortest[j]``.  If ``min_val`` is ``inf`` nothing is
       reachable: return ``(-1, inf, path, lengths)``.  If ``row4col[j] == -1`` it is the
       sink: stop.  Otherwise continue with ``i = row4col[j]`` at step 1.

    Ties (SciPy's rule, :func:`_prefer`): SciPy keeps the unsettled columns in a list that
    starts as ``nc - 1, ..., 0``; settling ``j`` moves the list's last entry into ``j``'s
    place.  Among tied columns the winner is the *unassigned* one latest in that list, or,
    if all tied columns are assigned, the first in the list.

    Returns ``(sink, min_val, path, lengths)``: ``path`` (int64, -1 where never relaxed)
    holds the row each column was last reached from, ``lengths`` (float64) the length of
    every settled column and NaN for the others.  Nothing is modified.
    """
    nr, nc = cost.shape
    # shortest[j]: length of the best path found so far to the unsettled column j.  When j
    # is settled its final length moves to lengths[j] and shortest[j] becomes NaN: NaN
    # loses every comparison, so the scan below needs no "is j settled?" test.
    shortest = np.empty(nc)
    lengths = np.full(nc, np.nan)
    path = np.full(nc, -1, dtype=np.int64)  # path[j]: the row the path to j comes from
    # SciPy's list of unsettled columns, kept for the tie rule only (see _prefer):
    # remaining[:n_left] are the unsettled columns and pos[j] is j's place in it.
    remaining = np.empty(nc, dtype=np.int64)
    pos = np.empty(nc, dtype=np.int64)
    for j in range(nc):
        remaining[j] = nc - 1 - j  # reverse order: ties resolve to the identity
        pos[nc - 1 - j] = j
        shortest[j] = np.inf
    n_left = nc
    min_val = 0.0
    i = cur
    sink = -1
    while sink == -1:
        row = cost[i]
        u_i = u[i]
        # Relax every unsettled column through row i (settled ones hold NaN: r < NaN
        # is False).  Columns are visited in memory order, which keeps the scan fast.
        for j in range(nc):
            r = min_val + row[j] - u_i - v[j]
            if r < shortest[j]:
                path[j] = i
                shortest[j] = r
        # Choose the nearest unsettled column, with SciPy's rule for ties.
        lowest = np.inf
        best = -1
        for j in range(nc):
            s = shortest[j]
            if s < lowest:
                lowest = s
                best = j
            elif s == lowest and _prefer(j, best, row4col, pos):
                best = j
        min_val = lowest
        if min_val == np.inf:  # nothing reachable
            return -1, min_val, path, lengths
        j = best
        if row4col[j] == -1:
            sink = j
        else:
            i = row4col[j]  # continue the search from the row assigned to j
        # settle j; in SciPy's list the last unsettled column takes j's place
        lengths[j] = min_val
        shortest[j] = np.nan
        n_left -= 1
        moved = remaining[n_left]
        remaining[pos[j]] = moved
        pos[moved] = pos[j]
    return sink, min_val, path, lengths


@jit
def update_potentials(u, v, col4row, cur, min_val, lengths):
    """The dual update after a search: reduced costs stay >= 0 and become 0 along the path.

    ``min_val`` is the length of the path to the sink, ``lengths[j]`` that of every settled
    column (NaN: not settled).  Before the path is flipped:

    * ``u[cur] += min_val``;
    * every other row ``i`` the search went through (its column ``j = col4row[i]`` is
      settled): ``u[i] += min_val - lengths[j]``;
    * every settled column ``j``: ``v[j] -= min_val - lengths[j]``.

    ``u`` and ``v`` are updated in place and returned: ``(u, v)``.
    """
    u[cur] += min_val
    for i in range(u.shape[0]):
        j = col4row[i]
        if i != cur and j != -1 and not np.isnan(lengths[j]):
            u[i] += min_val - lengths[j]
    for j in range(v.shape[0]):
        if not np.isnan(lengths[j]):
            v[j] -= min_val - lengths[j]
    return u, v


@jit
def augment(path, col4row, row4col, sink, cur):
    """Flip the augmenting path: walk back from ``sink``, each column takes the row before it.

    ``j = sink``; repeat: ``i = path[j]``, ``row4col[j] = i``, row ``i`` gives up its column
    (``previous = col4row[i]``) and takes ``j`` (``col4row[i] = j``), ``j = previous``;
    until ``i == cur``.  Every row on the path stays assigned and ``cur`` joins them.
    ``col4row`` and ``row4col`` are updated in place and returned: ``(col4row, row4col)``.
    """
    j = sink
    while True:
        i = path[j]
        row4col[j] = i
        previous = col4row[i]
        col4row[i] = j
        j = previous
        if i == cur:
            break
    return col4row, row4col


@jit
def _prefer(j, best, row4col, pos):
    """Among columns tied for the nearest, is ``j`` SciPy's choice over ``best``?

    SciPy scans its list of unsettled columns in order and takes a tied column when it is
    unassigned: the winner is the unassigned tied column *latest* in the list, or, if
    every tied column is assigned, the *first* one.
    """
    if row4col[j] == -1:
        return row4col[best] != -1 or pos[j] > pos[best]
    return row4col[best] != -1 and pos[j] < pos[best]
