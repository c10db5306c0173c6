"""``scratch.spatial`` ↔ ``scipy.spatial``: distances between point sets and nearest neighbours.

* :func:`distance_matrix` — every Minkowski distance between two point sets (brute force).
* :class:`KDTree` — a k-d tree built by median splits and searched by branch and bound:
  ``query`` (k nearest, ``distance_upper_bound``, ``eps``), ``query_ball_point`` and
  ``sparse_distance_matrix`` (``'ndarray'`` / ``'dict'`` output).
"""

from ._distance import distance_matrix
from ._kdtree import KDTree

__all__ = ["distance_matrix", "KDTree"]
