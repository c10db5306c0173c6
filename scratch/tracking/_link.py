"""Linking a whole sequence into tracks, with a memory for missed frames.

A *track* is the list of detections of one object, one per frame in which it was seen.
:func:`link` builds tracks frame by frame:

1. every detection of frame 0 starts a track;
2. for each next frame ``t`` the *sources* are the ends of the tracks seen in the last
   ``memory + 1`` frames (their latest detection), the *targets* the detections of frame
   ``t``; they are linked by one of the frame-to-frame linkers of ``_frame_links.py`` (the
   gated LAP of Jaqaman et al. by default, where unlinked is a birth or a death);
3. a linked detection continues its source's track; an unlinked one starts a new track; an
   unlinked source stays available for ``memory`` more frames.

Step 3 is *gap closing* in its one-pass form (trackpy's ``memory``): an object missed in up
to ``memory`` consecutive frames keeps its identity when it reappears, as long as it is still
within ``max_distance`` of where it was last seen.  (Jaqaman's tracker closes gaps in a second
LAP over whole track segments, which also allows merges and splits; that is not done here.)

The result is a table with one row per detection - columns ``frame``, ``particle`` (the
track id, numbered in order of appearance), ``detection`` (row within its frame), the
coordinates and the features - as a dict of NumPy columns, or a pandas DataFrame like
trackpy's.
"""

import numpy as np

from .. import _checks
from ._frame_links import (_candidates, _greedy, _max_distance, _points,
                           solve_gated)

__all__ = ["link"]

_METHODS = ("optimal", "greedy")


def _default_pos_columns(ndim):
    names = {1: ("x",), 2: ("y", "x"), 3: ("z", "y", "x")}
    return names.get(ndim, tuple(f"x{k}" for k in range(ndim)))


def link(positions, max_distance, memory=0, features=None, weights=None, method="optimal",
         alternative_cost=None, pos_columns=None, output="dict"):
    """Link detections frame by frame into tracks (see the module docstring).

    Parameters
    ----------
    positions : sequence of (n_t, ndim) array_like
        The detections of each frame.
    max_distance : float
        Gate: the farthest a detection may be from the track end it continues.
    memory : int, optional
        How many consecutive frames a track may miss and still be continued (gap closing).
    features : dict of str -> sequence of (n_t,) array_like, optional
        Per-detection features (``{"intensity": [...]}``), copied into the table; those with
        a weight also enter the link cost.
    weights : dict of str -> float, optional
        Weight of each feature's squared difference in the link cost
        (``|dx|^2 + sum_f w_f df^2``).  Features without a weight are carried only.
    method : {"optimal", "greedy"}
        ``"optimal"``: the gated linear assignment with births and deaths (Jaqaman's block
        matrix); ``"greedy"``: cheapest candidate link first.
    alternative_cost : float, optional
        Cost of a birth or death for ``"optimal"`` (default: 1.05 x the largest candidate
        cost of the frame pair, as TrackMate).
    pos_columns : sequence of str, optional
        Names of the coordinate columns (default ``("y", "x")`` in 2-D, ``("z", "y", "x")``
        in 3-D).
    output : {"dict", "pandas"}
        A dict of NumPy columns or a ``pandas.DataFrame`` (pandas imported only then).

    Returns
    -------
    table : dict of ndarray or pandas.DataFrame
        One row per detection, frame by frame: ``frame``, ``particle``, ``detection``, the
        coordinates and the features.

    See Also
    --------
    trackpy.link : the same table from a DataFrame of detections.
    scratch.tracking.optimal_links : one frame pair.

    References
    ----------
    .. [1] K. Jaqaman et al., "Robust single-particle tracking in live-cell time-lapse
           sequences", Nature Methods 5:695-702, 2008.
    .. [2] D. B. Allan et al., trackpy, doi:10.5281/zenodo.1213240.

    Examples
    --------
    >>> from scratch.tracking import link
    >>> frames = [[[0.0, 0.0], [10.0, 10.0]], [[11.0, 10.0]], [[12.0, 10.0], [1.0, 0.0]]]
    >>> table = link(frames, max_distance=2.0, memory=1)
    >>> table["particle"]
    array([0, 1, 1, 1, 0])
    >>> table["frame"]
    array([0, 0, 1, 2, 2])
    """
    if method not in _METHODS:
        raise ValueError(f"`method` must be one of {_METHODS}, got {method!r}")
    if output not in ("dict", "pandas"):
        raise ValueError(f"`output` must be 'dict' or 'pandas', got {output!r}")
    memory = _checks.check_int(memory, "memory", minimum=0)
    max_distance = _max_distance(max_distance)
    frames = [_points(p, f"positions[{t}]") for t, p in enumerate(positions)]
    ndim = frames[0].shape[1] if frames else 2
    for t, p in enumerate(frames):
        if p.shape[1] != ndim:
            raise ValueError(f"`positions[{t}]` has {p.shape[1]} coordinates, frame 0 has {ndim}")
    features = dict(features or {})
    weights = dict(weights or {})
    for name in weights:
        if name not in features:
            raise ValueError(f"`weights` names feature {name!r}, which is not in `features`")
    feats = {}
    for name, per_frame in features.items():
        per_frame = list(per_frame)
        if len(per_frame) != len(frames):
            raise ValueError(f"`features[{name!r}]` has {len(per_frame)} frames, "
                             f"`positions` {len(frames)}")
        cols = []
        for t, f in enumerate(per_frame):
            f = np.asarray(f, dtype=np.float64).reshape(-1)
            if f.size != frames[t].shape[0]:
                raise ValueError(f"`features[{name!r}][{t}]` has {f.size} values for "
                                 f"{frames[t].shape[0]} detections")
            cols.append(f)
        feats[name] = cols
    weighted = [name for name in feats if name in weights]
    w = np.array([float(weights[name]) for name in weighted])
    if (w < 0).any() or not np.isfinite(w).all():
        raise ValueError(f"`weights` must be finite and >= 0, got {weights}")
    cost_features = [np.stack([feats[name][t] for name in weighted], axis=1) if weighted
                     else np.zeros((frames[t].shape[0], 0)) for t in range(len(frames))]

    particle = []
    next_id = 0
    # the ends of the tracks that may still be continued
    end_pos = np.zeros((0, ndim))
    end_feat = np.zeros((0, w.size))
    end_id = np.zeros(0, dtype=np.int64)
    end_frame = np.zeros(0, dtype=np.int64)
    for t, pos in enumerate(frames):
        n_t = pos.shape[0]
        ids = np.full(n_t, -1, dtype=np.int64)
        if end_id.size and n_t:
            i, j, cost = _candidates(end_pos, pos, end_feat, cost_features[t], w, max_distance)
            if method == "optimal":
                si, dj = solve_gated(end_id.size, n_t, i, j, cost, alternative_cost)
            else:
                order = np.lexsort((j, i, cost))
                keep = _greedy(order, i, j, end_id.size, n_t)
                si, dj = i[keep], j[keep]
            ids[dj] = end_id[si]
        else:
            si = np.empty(0, dtype=np.int64)
        new = ids < 0
        ids[new] = np.arange(next_id, next_id + int(new.sum()))
        next_id += int(new.sum())
        particle.append(ids)
        # the track ends for the next frame: every detection of this frame, plus the
        # unlinked ends that may still wait (seen within the last `memory` frames)
        waiting = np.ones(end_id.size, dtype=bool)
        waiting[si] = False
        waiting &= (t + 1 - end_frame) <= memory + 1
        end_pos = np.concatenate([end_pos[waiting], pos])
        end_feat = np.concatenate([end_feat[waiting], cost_features[t]])
        end_id = np.concatenate([end_id[waiting], ids])
        end_frame = np.concatenate([end_frame[waiting], np.full(n_t, t, dtype=np.int64)])

    counts = [p.shape[0] for p in frames]
    names = tuple(pos_columns) if pos_columns is not None else _default_pos_columns(ndim)
    if len(names) != ndim:
        raise ValueError(f"`pos_columns` must name {ndim} coordinates, got {names}")
    all_pos = np.concatenate(frames) if frames else np.zeros((0, ndim))
    table = {
        "frame": np.repeat(np.arange(len(frames), dtype=np.int64), counts),
        "particle": np.concatenate(particle) if particle else np.zeros(0, dtype=np.int64),
        "detection": np.concatenate([np.arange(c, dtype=np.int64) for c in counts])
        if frames else np.zeros(0, dtype=np.int64),
    }
    for k, name in enumerate(names):
        table[name] = all_pos[:, k].copy()
    for name, cols in feats.items():
        table[name] = np.concatenate(cols) if cols else np.zeros(0)
    if output == "pandas":
        import pandas as pd

        return pd.DataFrame(table)
    return table
