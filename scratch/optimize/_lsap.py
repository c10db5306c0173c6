"""The linear sum assignment problem: the public wrapper shared by both solvers.

The wrapper does everything that is not the algorithm itself, exactly as
``scipy.optimize.linear_sum_assignment`` does it:

1. convert the input to a C-contiguous float64 matrix (lists are parsed like ``float()``
   would; an array must cast to float64 *safely*, else TypeError), require ``ndim == 2``;
2. return two empty index arrays for an empty matrix;
3. transpose a tall matrix (more rows than columns) so that the solver always assigns every
   row, and negate the matrix to maximise;
4. refuse NaN and -inf (after negation: with ``maximize=True`` it is ``+inf`` that is
   invalid and ``-inf`` that forbids a pair);
5. run a solver - ``_jonker_volgenant.py`` (default) or ``_hungarian.py``, each a whole
   O(n^3) algorithm in one file - and turn its ``col4row`` into ``(row_ind, col_ind)`` with
   sorted row indices.
"""

import numpy as np

from ._hungarian import solve_hungarian
from ._jonker_volgenant import solve_jonker_volgenant

__all__ = ["linear_sum_assignment"]

_SOLVERS = {"jv": solve_jonker_volgenant, "hungarian": solve_hungarian}


def _as_cost_matrix(cost_matrix):
    """``cost_matrix`` as a float64 array, converted the way SciPy converts it."""
    if isinstance(cost_matrix, (list, tuple)) or not hasattr(cost_matrix, "__array__"):
        # Nested sequences and scalars: every element goes through float() (so '1.5' is
        # accepted, 'a' is a ValueError, None becomes NaN and is refused later).
        return np.asarray(cost_matrix, dtype=np.float64)
    a = np.asarray(cost_matrix)
    if not np.can_cast(a.dtype, np.float64, casting="safe"):
        raise TypeError(
            f"Cannot cast array data from {a.dtype!r} to dtype('float64') according to the "
            "rule 'safe': `cost_matrix` must hold real numbers"
        )
    return a.astype(np.float64, copy=False)


def linear_sum_assignment(cost_matrix, maximize=False, *, method="jv"):
    """Solve the linear sum assignment problem.

    Find the assignment of rows to columns - each row to at most one column, each column
    to at most one row, as many pairs as the smaller dimension - whose total cost
    ``cost_matrix[row_ind, col_ind].sum()`` is smallest (or largest with ``maximize``).

    Both solvers grow the assignment one row at a time while keeping row and column
    potentials ``u``, ``v`` with ``cost[i, j] - u[i] - v[j] >= 0`` everywhere and ``= 0`` on
    assigned pairs (LP duality: then the assignment is optimal).  Each new row is brought in
    along a shortest augmenting path of reduced costs:

    * ``method="jv"`` - Jonker & Volgenant's shortest augmenting path in Crouse's
      formulation, the algorithm of SciPy (Dijkstra over the columns; potentials updated
      once per row);
    * ``method="hungarian"`` - the Kuhn-Munkres Hungarian method in its O(n^3) form
      (potentials changed every time the alternating tree grows).

    Each costs ``O(nr * nc^2)`` time (``O(n^3)`` for a square matrix) and ``O(nr + nc)``
    memory beyond a working copy of the matrix.  A tall matrix is solved transposed.

    Parameters
    ----------
    cost_matrix : array
        The cost matrix of the bipartite graph.  ``+inf`` marks a forbidden pair
        (``-inf`` when ``maximize`` is true).
    maximize : bool (default: False)
        Calculates a maximum weight matching if true.
    method : {"jv", "hungarian"}, optional
        The solver (keyword only; not in SciPy).  Both return an optimal assignment; where
        the optimum is not unique, ``"jv"`` chooses the one SciPy chooses.

    Returns
    -------
    row_ind, col_ind : array
        An array of row indices and one of corresponding column indices giving
        the optimal assignment. The cost of the assignment can be computed
        as ``cost_matrix[row_ind, col_ind].sum()``. The row indices will be
        sorted; in the case of a square cost matrix they will be equal to
        ``numpy.arange(cost_matrix.shape[0])``.

    Raises
    ------
    ValueError
        If ``cost_matrix`` is not 2-D, contains NaN or ``-inf`` (``+inf`` when maximising),
        or is infeasible (no complete assignment avoids the forbidden pairs).
    TypeError
        If ``cost_matrix`` is an array that cannot be safely cast to float64 (complex,
        strings, objects, datetimes).

    See Also
    --------
    scipy.optimize.linear_sum_assignment : the reference implementation.

    References
    ----------
    .. [1] H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research
           Logistics Quarterly 2:83-97, 1955; J. Munkres, "Algorithms for the assignment
           and transportation problems", J. SIAM 5(1):32-38, 1957.
    .. [2] R. Jonker and A. Volgenant, "A shortest augmenting path algorithm for dense and
           sparse linear assignment problems", Computing 38:325-340, 1987.
    .. [3] D. F. Crouse, "On implementing 2D rectangular assignment algorithms", IEEE
           Transactions on Aerospace and Electronic Systems 52(4):1679-1696, 2016,
           doi:10.1109/TAES.2016.140952.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.optimize import linear_sum_assignment
    >>> cost = np.array([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
    >>> row_ind, col_ind = linear_sum_assignment(cost)
    >>> col_ind
    array([1, 0, 2])
    >>> int(cost[row_ind, col_ind].sum())
    5
    >>> linear_sum_assignment(cost, method="hungarian")[1]
    array([1, 0, 2])
    """
    if not isinstance(method, str) or method not in _SOLVERS:
        raise ValueError(f"`method` must be one of {sorted(_SOLVERS)}, got {method!r}")
    solver = solve_jonker_volgenant if method == "jv" else solve_hungarian
    maximize = bool(maximize)

    cost = _as_cost_matrix(cost_matrix)
    if cost.ndim != 2:
        raise ValueError(f"expected a matrix (2-D array), got a {cost.ndim} array")

    nr, nc = cost.shape
    if nr == 0 or nc == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)

    # The solvers assign every row, so they need nr <= nc: solve a tall matrix transposed.
    transpose = nc < nr
    work = cost.T if transpose else cost
    if maximize:
        work = -work  # a new array: the caller's matrix is never modified
    work = np.ascontiguousarray(work)  # the solvers only read `work`

    # NaN fails every comparison, so this one test refuses NaN and -inf together.
    if not (work > -np.inf).all():
        raise ValueError("matrix contains invalid numeric entries")

    col4row, feasible = solver(work)
    if not feasible:
        raise ValueError("cost matrix is infeasible")

    if transpose:
        # Rows of `work` are columns of the input: sort the pairs by input row.
        col_ind = np.argsort(col4row, kind="stable").astype(np.int64)
        row_ind = col4row[col_ind]
    else:
        row_ind = np.arange(nr, dtype=np.int64)
        col_ind = col4row
    return row_ind, col_ind
