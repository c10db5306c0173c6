"""scratch.optimize <-> scipy.optimize: the linear sum assignment problem.

``linear_sum_assignment(cost_matrix, maximize=False, *, method="jv")`` with two solvers
written out in full, one file each: ``_jonker_volgenant.py`` (the shortest augmenting path
of Jonker-Volgenant / Crouse, SciPy's algorithm, the default) and ``_hungarian.py`` (the
Kuhn-Munkres Hungarian method in its O(n^3) form).  ``_lsap.py`` holds the wrapper they share.

Internal engines other scratch packages may use: the solver kernels themselves,
``_jonker_volgenant.solve_jonker_volgenant`` and ``_hungarian.solve_hungarian`` (each listed
in its file's ``__all__``).  They skip the wrapper's validation and transposition, so the
caller must pass what their docstrings require (a C-contiguous float64 matrix with
``rows <= columns``, no NaN or -inf) and read their ``(col4row, feasible)`` result;
:mod:`scratch.tracking` calls the Jonker-Volgenant kernel this way on its block matrices.
"""

from ._lsap import linear_sum_assignment

__all__ = ["linear_sum_assignment"]
