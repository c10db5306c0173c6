"""scratch.optimize <-> scipy.optimize: the linear sum assignment problem.

``linear_sum_assignment(cost_matrix, maximize=False, *, method="jv")`` with two solvers
written out in full, one file each: ``_jonker_volgenant.py`` (the shortest augmenting path
of Jonker-Volgenant / Crouse, SciPy's algorithm, the default) and ``_hungarian.py`` (the
Kuhn-Munkres Hungarian method in its O(n^3) form).  ``_lsap.py`` holds the wrapper they share.
"""

from ._lsap import linear_sum_assignment

__all__ = ["linear_sum_assignment"]
