"""The SciPy twins of :mod:`scratch._tour.neighbours` (the tour's reference side).

* :func:`kdtree_query` - ``scipy.spatial.KDTree``;
* :func:`optimal_links` - the candidate links from ``scipy.spatial.cKDTree``, Jaqaman's
  whole block matrix built densely with NumPy, solved by ``scipy.optimize.linear_sum_assignment``;
* :func:`link` - the same, frame after frame, into a table of tracks (no memory).

SciPy is imported inside the functions.
"""

import numpy as np

from .neighbours import K, MAX_DISTANCE  # noqa: F401 (the same defaults)


def kdtree_query(data, queries, k=K):
    """``scipy.spatial.KDTree(data).query(queries, k)``."""
    from scipy.spatial import KDTree

    return KDTree(data).query(queries, k=k)


def optimal_links(a, b, max_distance=MAX_DISTANCE):
    """Gated links of least total cost with births and deaths, by SciPy on the full block
    matrix ``[[C, diag(alt)], [diag(alt), C^T pattern * min(C)]]``, alt = 1.05 max(C)."""
    from scipy.optimize import linear_sum_assignment
    from scipy.spatial import cKDTree

    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n, m = len(a), len(b)
    pairs = cKDTree(a).sparse_distance_matrix(cKDTree(b), max_distance, output_type="ndarray")
    i, j = pairs["i"], pairs["j"]
    if i.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    cost = np.full((n, m), np.inf)
    cost[i, j] = ((a[i] - b[j]) ** 2).sum(axis=1)
    alt = 1.05 * cost[i, j].max()
    block = np.full((n + m, m + n), np.inf)
    block[:n, :m] = cost
    block[np.arange(n), m + np.arange(n)] = alt
    block[n + np.arange(m), np.arange(m)] = alt
    block[n + j, m + i] = cost[i, j].min()
    rows, cols = linear_sum_assignment(block)
    linked = (rows < n) & (cols < m)
    return rows[linked].astype(np.int64), cols[linked].astype(np.int64)


def link(frames, max_distance=MAX_DISTANCE):
    """Tracks by :func:`optimal_links` frame after frame (no memory), as a table with the
    columns of ``scratch.tracking.link``: frame, particle, detection, y, x."""
    particle = [np.arange(len(frames[0]))] if len(frames) else []
    next_id = len(frames[0]) if len(frames) else 0
    for t in range(1, len(frames)):
        i, j = optimal_links(frames[t - 1], frames[t], max_distance)
        ids = np.full(len(frames[t]), -1)
        ids[j] = particle[-1][i]
        new = ids < 0
        ids[new] = np.arange(next_id, next_id + new.sum())
        next_id += new.sum()
        particle.append(ids)
    counts = [len(f) for f in frames]
    positions = np.concatenate([np.asarray(f, dtype=np.float64) for f in frames])
    return {"frame": np.repeat(np.arange(len(frames)), counts),
            "particle": np.concatenate(particle),
            "detection": np.concatenate([np.arange(c) for c in counts]),
            "y": positions[:, 0], "x": positions[:, 1]}
