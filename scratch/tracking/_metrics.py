"""How good is a tracking?  Scores against the ground truth.

Two views of the same question:

* **links** - a link joins two consecutive detections of one track (across a gap, when the
  object was missed).  :func:`links_from_table` lists the links of a tracking as rows
  ``(frame_a, detection_a, frame_b, detection_b)``, the format of
  :attr:`ToySequence.true_links`.  :func:`fraction_correct_links` is the fraction of the true
  links that were found; :func:`fraction_false_links` the fraction of the links made that
  are wrong.  A perfect tracker scores 1 and 0.
* **tracks** - :func:`track_purity`: for each track, the fraction of its detections that
  belong to its most common true object.  A track that swaps identity half way has purity
  ~0.5; a track that is only a part of a true trajectory is still pure (fragmentation shows
  up as missed links instead).
"""

import numpy as np

__all__ = ["links_from_table", "fraction_correct_links", "fraction_false_links", "track_purity"]


def links_from_table(table):
    """The links of a tracking table: consecutive detections of each track.

    Parameters
    ----------
    table : dict of arrays or pandas.DataFrame
        With columns ``frame``, ``particle`` and ``detection`` (as :func:`link` returns).

    Returns
    -------
    links : ndarray of int64, shape (n_links, 4)
        Rows ``(frame_a, detection_a, frame_b, detection_b)``, sorted.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.tracking import links_from_table
    >>> table = {"frame": np.array([0, 0, 1, 2]), "particle": np.array([0, 1, 0, 0]),
    ...          "detection": np.array([0, 1, 0, 0])}
    >>> links_from_table(table)
    array([[0, 0, 1, 0],
           [1, 0, 2, 0]])
    """
    frame = np.asarray(table["frame"], dtype=np.int64)
    particle = np.asarray(table["particle"], dtype=np.int64)
    detection = np.asarray(table["detection"], dtype=np.int64)
    order = np.lexsort((frame, particle))
    same = particle[order[1:]] == particle[order[:-1]]
    a, b = order[:-1][same], order[1:][same]
    links = np.stack([frame[a], detection[a], frame[b], detection[b]], axis=1)
    return links[np.lexsort(links.T[::-1])] if links.size else links.reshape(0, 4)


def _as_set(links):
    links = np.asarray(links, dtype=np.int64).reshape(-1, 4)
    return set(map(tuple, links.tolist()))


def fraction_correct_links(predicted, truth):
    """The fraction of the true links that ``predicted`` contains (1.0 if there are none).

    Parameters
    ----------
    predicted, truth : (n, 4) array_like of int
        Links as rows ``(frame_a, detection_a, frame_b, detection_b)``.

    Returns
    -------
    float

    Examples
    --------
    >>> from scratch.tracking import fraction_correct_links
    >>> fraction_correct_links([[0, 0, 1, 1]], [[0, 0, 1, 1], [0, 1, 1, 0]])
    0.5
    """
    true = _as_set(truth)
    if not true:
        return 1.0
    return len(true & _as_set(predicted)) / len(true)


def fraction_false_links(predicted, truth):
    """The fraction of the links in ``predicted`` that are not true links (0.0 if none made).

    Examples
    --------
    >>> from scratch.tracking import fraction_false_links
    >>> fraction_false_links([[0, 0, 1, 1], [0, 1, 1, 1]], [[0, 0, 1, 1], [0, 1, 1, 0]])
    0.5
    """
    made = _as_set(predicted)
    if not made:
        return 0.0
    return len(made - _as_set(truth)) / len(made)


def track_purity(particle, true_particle):
    """For each track, the fraction of its detections that belong to one true object.

    Parameters
    ----------
    particle : (n,) array_like of int
        The track id of every detection (the ``particle`` column of :func:`link`).
    true_particle : (n,) array_like of int
        The true object of every detection, in the same order.

    Returns
    -------
    tracks : ndarray of int64
        The track ids, sorted.
    purity : ndarray of float64
        ``max_k |{detections of the track from object k}| / |track|`` for each track.

    Examples
    --------
    >>> from scratch.tracking import track_purity
    >>> track_purity([0, 0, 0, 1], [5, 5, 6, 6])
    (array([0, 1]), array([0.66666667, 1.        ]))
    """
    particle = np.asarray(particle, dtype=np.int64).ravel()
    true_particle = np.asarray(true_particle, dtype=np.int64).ravel()
    if particle.shape != true_particle.shape:
        raise ValueError(f"`particle` and `true_particle` must have the same length, got "
                         f"{particle.size} and {true_particle.size}")
    pairs, pair_counts = np.unique(np.stack([particle, true_particle]), axis=1,
                                   return_counts=True)
    tracks, sizes = np.unique(particle, return_counts=True)
    best = np.zeros(tracks.size, dtype=np.int64)
    np.maximum.at(best, np.searchsorted(tracks, pairs[0]), pair_counts)
    return tracks, best / sizes
