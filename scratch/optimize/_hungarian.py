"""Linear assignment by the Hungarian method (Kuhn-Munkres), O(n^3) with row/column potentials.

The problem
-----------
Given an ``nr x nc`` cost matrix ``C`` with ``nr <= nc``, give every row ``i`` its own column
``col4row[i]`` so that ``sum_i C[i, col4row[i]]`` is smallest.  ``C[i, j] = +inf`` forbids
the pair ``(i, j)``.

The idea (Kuhn 1955, after Koenig and Egervary)
-----------------------------------------------
Keep a *potential* ``u[i]`` for every row and ``v[j]`` for every column with
``u[i] + v[j] <= C[i, j]`` everywhere.  Subtracting a constant from a whole row or column
does not change which assignment is best, so we may work with the *reduced costs*
``C[i, j] - u[i] - v[j] >= 0``.  The pairs where the reduced cost is 0 are the *zeros* (the
"equality subgraph").  If we can pick ``nr`` independent zeros, one per row and no column
twice, their assignment costs ``sum u + sum v`` - the lower bound every assignment obeys -
so it is optimal.  The method therefore alternates two moves until every row is assigned:

1. **Grow** an alternating tree of zeros from a free row ``cur``: from a row in the tree,
   go along a zero to a column; if that column is free, we have found an *augmenting path*
   (flip it and one more row is assigned); if it is assigned, add its row to the tree.
2. **Change the potentials** when the tree is stuck (no zero leads out of it): let
   ``delta`` be the smallest reduced cost from a tree row to a column outside the tree.
   Raise ``u`` of every tree row by ``delta`` and lower ``v`` of every tree column by
   ``delta``.  Pairs inside the tree keep their zeros, no reduced cost goes negative, and
   at least one new zero appears on the edge of the tree: the tree can grow again.
   (This is Munkres' step "add to covered rows, subtract from uncovered columns".)

If ``delta`` is ``+inf`` every column outside the tree is forbidden to every tree row: the
tree's rows have fewer allowed columns than rows (Hall's condition fails) and no complete
assignment exists - we raise rather than loop for ever.

From O(n^4) to O(n^3)
---------------------
Munkres' tableau version rescans the whole matrix after every change of potentials.  Here
each column outside the tree remembers ``slack[j]``, the smallest reduced cost from any tree
row to it, and ``path[j]``, the row attaining it.  Adding a row to the tree costs one scan of
that row (``O(nc)``); finding ``delta`` is a minimum over the slacks (``O(nc)``); changing the
potentials subtracts ``delta`` from every slack (``O(nc)``).  The tree grows at most ``nc``
times per row, so each row costs ``O(nc^2)`` and the matrix ``O(nr * nc^2)``: ``O(n^3)``.

Compared with Jonker-Volgenant (``_jonker_volgenant.py``), the potentials of the whole tree
and all the slacks are changed at *every* growth of the tree, where JV keeps path lengths and
touches the potentials once per row.  Both do ``O(nc)`` work per growth and both spend most
of it reading one row of the matrix, so in this form they run at much the same speed: the
real advantage of Jonker and Volgenant's code is its initialisation phase, which assigns
most rows cheaply before any augmenting path is searched.

Ties
----
When several columns have the smallest slack, a free column is preferred (the search ends
at once), and otherwise the lowest index: a constant matrix gives the identity, as in SciPy.
Where the optimum is not unique the two solvers may still choose different optima of the
same cost.

References
----------
.. [1] H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research
       Logistics Quarterly 2:83-97, 1955.
.. [2] J. Munkres, "Algorithms for the assignment and transportation problems", Journal of
       the Society for Industrial and Applied Mathematics 5(1):32-38, 1957.
.. [3] R. E. Burkard, M. Dell'Amico and S. Martello, *Assignment Problems*, SIAM, 2009,
       section 4.2 (the O(n^3) implementation).
"""

import numpy as np

from .._jit import jit

__all__ = ["solve_hungarian"]


@jit
def solve_hungarian(cost):
    """Assign each row of ``cost`` (``nr <= nc``, C-contiguous float64, no NaN/-inf) a column.

    Returns ``(col4row, feasible)``: ``col4row[i]`` is row ``i``'s column, and ``feasible``
    is False (``col4row`` then incomplete) when no assignment of finite cost exists.
    ``cost`` is only read.
    """
    nr, nc = cost.shape
    u = np.zeros(nr)  # row potentials
    v = np.zeros(nc)  # column potentials
    slack = np.empty(nc)  # smallest reduced cost from a tree row to column j
    path = np.full(nc, -1, dtype=np.int64)  # the tree row attaining slack[j]
    in_tree = np.zeros(nc, dtype=np.bool_)  # column j is in the alternating tree
    col4row = np.full(nr, -1, dtype=np.int64)
    row4col = np.full(nc, -1, dtype=np.int64)
    tree_rows = np.empty(nr, dtype=np.int64)

    for cur in range(nr):
        for j in range(nc):
            slack[j] = np.inf
            in_tree[j] = False
        tree_rows[0] = cur
        n_tree = 1
        i = cur  # the row just added to the tree
        sink = -1
        while sink == -1:
            # Scan the new tree row: its reduced costs may lower the slacks.
            u_i = u[i]
            for j in range(nc):
                if not in_tree[j]:
                    r = cost[i, j] - u_i - v[j]
                    if r < slack[j]:
                        slack[j] = r
                        path[j] = i
            # delta: the smallest slack; among equals a free column, else the first.
            delta = np.inf
            best = -1
            for j in range(nc):
                if not in_tree[j]:
                    s = slack[j]
                    if s < delta or (
                        s == delta and row4col[j] == -1 and best != -1 and row4col[best] != -1
                    ):
                        delta = s
                        best = j
            if delta == np.inf:  # the tree's rows reach no other column: infeasible
                return col4row, False

            # Change the potentials by delta: tree rows up, tree columns down, slacks down.
            # Reduced costs inside the tree are unchanged; column `best` gets a zero.
            if delta != 0.0:
                for k in range(n_tree):
                    u[tree_rows[k]] += delta
                for j in range(nc):
                    if in_tree[j]:
                        v[j] -= delta
                    else:
                        slack[j] -= delta

            in_tree[best] = True
            if row4col[best] == -1:
                sink = best  # a free column at reduced cost 0: augmenting path found
            else:
                i = row4col[best]  # grow the tree by the row assigned to `best`
                tree_rows[n_tree] = i
                n_tree += 1

        # Augment: flip the alternating path from the sink back to `cur`.
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
