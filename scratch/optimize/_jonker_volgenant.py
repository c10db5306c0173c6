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

__all__ = ["solve_jonker_volgenant"]


@jit
def solve_jonker_volgenant(cost):
    """Assign each row of ``cost`` (``nr <= nc``, C-contiguous float64, no NaN/-inf) a column.

    Returns ``(col4row, feasible)``: ``col4row[i]`` is row ``i``'s column, and ``feasible``
    is False (``col4row`` then incomplete) when no assignment of finite cost exists.
    ``cost`` is only read.
    """
    nr, nc = cost.shape
    u = np.zeros(nr)  # row potentials
    v = np.zeros(nc)  # column potentials
    # shortest[j]: length of the best path found so far to the unsettled column j.  When j
    # is settled its final length moves to settled_len[j] and shortest[j] becomes NaN:
    # NaN loses every comparison, so the scan below needs no "is j settled?" test.
    shortest = np.empty(nc)
    settled_len = np.empty(nc)
    settled_cols = np.empty(nc, dtype=np.int64)  # settled columns, in order
    path = np.full(nc, -1, dtype=np.int64)  # path[j]: the row the path to j comes from
    col4row = np.full(nr, -1, dtype=np.int64)
    row4col = np.full(nc, -1, dtype=np.int64)
    # SciPy's list of unsettled columns, kept for the tie rule only (see _prefer):
    # remaining[:n_left] are the unsettled columns and pos[j] is j's place in it.
    remaining = np.empty(nc, dtype=np.int64)
    pos = np.empty(nc, dtype=np.int64)
    visited_rows = np.empty(nr, dtype=np.int64)  # rows reached by this search, in order

    for cur in range(nr):
        # --- Dijkstra from row `cur` to the nearest unassigned column --------------------
        for j in range(nc):
            remaining[j] = nc - 1 - j  # reverse order: ties resolve to the identity
            pos[nc - 1 - j] = j
            shortest[j] = np.inf
        n_left = nc
        n_rows = 0
        min_val = 0.0
        i = cur
        sink = -1
        while sink == -1:
            visited_rows[n_rows] = i
            n_rows += 1
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
            if min_val == np.inf:  # nothing reachable: no complete assignment exists
                return col4row, False
            j = best
            if row4col[j] == -1:
                sink = j
            else:
                i = row4col[j]  # continue the search from the row assigned to j
            # settle j; in SciPy's list the last unsettled column takes j's place
            settled_cols[nc - n_left] = j
            settled_len[j] = min_val
            shortest[j] = np.nan
            n_left -= 1
            moved = remaining[n_left]
            remaining[pos[j]] = moved
            pos[moved] = pos[j]

        # --- dual update: keep reduced costs >= 0, zero along the new path --------------
        u[cur] += min_val
        for k in range(1, n_rows):
            r_k = visited_rows[k]
            u[r_k] += min_val - settled_len[col4row[r_k]]
        for t in range(nc - n_left):
            j = settled_cols[t]
            v[j] -= min_val - settled_len[j]

        # --- augment: walk back from the sink, each column takes the row before it ------
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            previous = col4row[i]
            col4row[i] = j
            j = previous
            if i == cur:
                break

    return col4row, True


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
