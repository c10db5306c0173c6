"""Exercises of chapter 07, tracking: the linear sum assignment (shortest augmenting paths)."""

import numpy as np

from scratch.verify import _compare
from scratch.verify._core import Case
from scratch.verify._inputs import case_seed

from ._cases import literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "07 tracking"
JV = "scratch.optimize._jonker_volgenant:"
LSAP = "scratch.optimize._lsap:linear_sum_assignment"


def _matrices(seed):
    """(label, cost) of a few small problems (``nr <= nc``, as the solver receives them)."""
    rng = np.random.default_rng(case_seed("exercise assignment", seed))
    inf_costs = rng.random((6, 6))
    inf_costs[rng.random((6, 6)) < 0.25] = np.inf
    np.fill_diagonal(inf_costs, rng.random(6))  # feasible
    points = rng.random((7, 2)), rng.random((9, 2))
    return [
        ("greedy fails 3×3", np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 6.0, 9.0]])),
        ("random 5×5", rng.random((5, 5))),
        ("random 6×9", rng.random((6, 9))),
        ("integer costs 0..2 (ties) 7×7", rng.integers(0, 3, (7, 7)).astype(float)),
        ("constant 4×6", np.ones((4, 6))),
        ("forbidden pairs (inf) 6×6", inf_costs),
        ("distances 7 → 9 points", np.hypot(*(points[0][:, None, :] - points[1][None, :, :]).T).T.copy()),
    ]


def _states(seed):
    """``(label, cost, u, v, col4row, row4col, cur)``: the solver's state before each row."""
    from scratch.optimize._jonker_volgenant import augment, shortest_augmenting_path, update_potentials

    out = []
    for label, cost in _matrices(seed):
        nr, nc = cost.shape
        u, v = np.zeros(nr), np.zeros(nc)
        col4row, row4col = np.full(nr, -1, np.int64), np.full(nc, -1, np.int64)
        for cur in range(nr):
            out.append((label, cost, u.copy(), v.copy(), col4row.copy(), row4col.copy(), cur))
            sink, min_val, path, lengths = shortest_augmenting_path(cost, u, v, row4col, cur)
            update_potentials(u, v, col4row, cur, min_val, lengths)
            augment(path, col4row, row4col, sink, cur)
    return out


def _pick(states, rows=(0, 1, 2, 5)):
    """A few rows of every problem (not all: the cases stay few)."""
    return [s for s in states if s[-1] in rows or s[-1] == len(s[4]) - 1]


def _path_cases(seed):
    return [Case("values", f"{label}, row {cur}",
                 (literal(cost), literal(u), literal(v), literal(row4col), cur))
            for label, cost, u, v, col4row, row4col, cur in _pick(_states(seed))]


def _potentials_cases(seed):
    from scratch.optimize._jonker_volgenant import shortest_augmenting_path

    out = []
    for label, cost, u, v, col4row, row4col, cur in _pick(_states(seed)):
        sink, min_val, path, lengths = shortest_augmenting_path(cost, u, v, row4col, cur)
        out.append(Case("values", f"{label}, after the search from row {cur}", (),
                        {"u": literal(u), "v": literal(v), "col4row": literal(col4row), "cur": cur,
                         "min_val": float(min_val), "lengths": literal(lengths)}, writable=("u", "v")))
    return out


def _augment_cases(seed):
    from scratch.optimize._jonker_volgenant import shortest_augmenting_path

    out = []
    for label, cost, u, v, col4row, row4col, cur in _pick(_states(seed)):
        sink, min_val, path, lengths = shortest_augmenting_path(cost, u, v, row4col, cur)
        out.append(Case("values", f"{label}, the path from row {cur}", (),
                        {"path": literal(path), "col4row": literal(col4row), "row4col": literal(row4col),
                         "sink": int(sink), "cur": cur}, writable=("col4row", "row4col")))
    return out


def _solve_cases(seed):
    return [Case("values", label, (literal(cost),)) for label, cost in _matrices(seed)]


#: A number (the sink, the path length): its value, whether a Python or a NumPy scalar.
_NUMBER = _compare.scalar(check_type=False)

GREEDY = '''col4row = np.full(work.shape[0], -1, dtype=np.int64)
    taken = np.zeros(work.shape[1], dtype=bool)
    for i in range(work.shape[0]):
        free = np.flatnonzero(~taken)
        col4row[i] = free[np.argmin(work[i, free])]
        taken[col4row[i]] = True
    feasible = True'''


register(Exercise(
    id="linear_sum_assignment", chapter=CHAPTER, title="The Hungarian method (shortest augmenting paths)",
    core=True,
    intro="Assign every row its own column at the smallest total cost: bring in one row at a time along "
          "a shortest augmenting path of reduced costs cost[i, j] - u[i] - v[j] (Dijkstra), keeping the "
          "potentials u, v so that reduced costs stay >= 0 and are 0 on assigned pairs (Jonker-Volgenant, "
          "as SciPy does it).",
    steps=[
        Step("shortest_augmenting_path", "Dijkstra on reduced costs", JV + "shortest_augmenting_path", points=3,
             cases=_path_cases, compare=_compare.each(_NUMBER, _NUMBER, _compare.close(), _compare.close())),
        Step("update_potentials", "the dual update", JV + "update_potentials", points=2,
             cases=_potentials_cases, compare=_compare.each(_compare.close(), _compare.close())),
        Step("augment", "flip the path", JV + "augment", points=1, cases=_augment_cases,
             compare=_compare.each(_compare.close(), _compare.close())),
        Step("solve", "every row in turn", JV + "solve_jonker_volgenant", points=2, cases=_solve_cases,
             compare=_compare.each(_compare.close(), _compare.close())),
        Step("linear_sum_assignment", "rectangular matrices and maximize", LSAP, points=2,
             verify="linear_sum_assignment", params=("cost_matrix", "maximize")),
    ],
    chain=(),
    mistakes=[
        Mistake("potentials not updated", "your output is what the search gives when the potentials u, v are "
                "never updated: the reduced costs of the next search are wrong, so the assignment is not the "
                "cheapest", JV + "update_potentials",
                replace=(("    u[cur] += min_val\n", "    return u, v\n    u[cur] += min_val\n"),)),
        Mistake("greedy", "your output is the greedy assignment: every row in turn takes its cheapest free "
                "column, and no augmenting path ever moves an earlier row", LSAP,
                replace=(("col4row, feasible = solver(work)", GREEDY),)),
        Mistake("maximize ignored", "your output minimises although maximize=True asked for the largest total "
                "(negate the matrix, then solve)", LSAP,
                replace=(("work = -work  #", "work = work  #"),)),
        Mistake("path not flipped", "your augment only gives the sink to the new row: the rows along the path "
                "keep their old columns (flip the whole path, each column takes the row before it)",
                JV + "augment",
                replace=(("    j = sink\n    while True:", "    j = sink\n    while False:"),
                         ("    return col4row, row4col", "    row4col[sink] = cur\n    col4row[cur] = sink\n"
                          "    return col4row, row4col"))),
    ],
))
