"""The insides of the histogram thresholds, made visible.

A threshold function returns one number; a student wants to see *why* that number.  Each
``*_insides`` function below recomputes a method with the very code the threshold function
uses and returns its intermediate state as plain NumPy arrays in a :class:`ThresholdInsides`:

=================  ==========================================================================
method             what ``criterion`` holds, per candidate threshold ``candidates[b]``
=================  ==========================================================================
``otsu``           the between-class variance ``w1 w2 (m1 - m2)**2`` (the threshold is its
                   argmax)
``isodata``        ``(m1 + m2) / 2 - candidate``: a candidate is a fixed point when this lies
                   in ``[0, bin width)``; ``extra['iterations']`` is the iteration
                   ``t <- (m1(t) + m2(t)) / 2`` step by step, ``extra['fixed_points']`` all
                   fixed points (the reference returns the lowest)
``triangle``       the distance of every bin top below the line from the peak to the far end
                   of the longer tail (``extra``: ``peak``, ``far_end``, ``line_x``,
                   ``line_y``); the threshold is the farthest bin
``multiotsu``      for 3 classes, ``extra['sigma']``: the criterion for every pair of
                   threshold indices ``(t0, t1)`` (NaN where ``t0 >= t1``); ``criterion`` is
                   its maximum over ``t1`` for each ``t0``
=================  ==========================================================================

``insides.threshold`` is the same number the threshold function returns — the tests prove it
— and :func:`plot_threshold_insides` draws the state over the histogram (matplotlib is only
imported when it is called).
"""

from dataclasses import dataclass, field
from typing import Any, Dict

import numpy as np

from ..exposure import histogram
from . import _thresholds as T

__all__ = [
    "ThresholdInsides",
    "otsu_insides",
    "isodata_insides",
    "triangle_insides",
    "multiotsu_insides",
    "plot_threshold_insides",
]


@dataclass(frozen=True)
class ThresholdInsides:
    """The intermediate state of a histogram threshold method.

    Attributes
    ----------
    method : str
        ``'otsu'``, ``'isodata'``, ``'triangle'`` or ``'multiotsu'``.
    threshold : scalar or ndarray
        The threshold (thresholds for multi-Otsu): equal to what the threshold function
        returns.
    counts : ndarray
        The histogram the method used.
    bin_centers : ndarray
        Its bin centres.
    candidates : ndarray
        The candidate thresholds the criterion was evaluated at.
    criterion : ndarray
        The criterion at every candidate (see the module docstring).
    criterion_name : str
        What the criterion is, for axis labels.
    extra : dict of str -> ndarray or scalar
        Method-specific state (iterations, peak, line, ...).
    """

    method: str
    threshold: Any
    counts: np.ndarray
    bin_centers: np.ndarray
    candidates: np.ndarray
    criterion: np.ndarray
    criterion_name: str
    extra: Dict[str, Any] = field(default_factory=dict)


def _empty():
    return np.empty(0)


def otsu_insides(image=None, nbins=256, *, hist=None):
    """Otsu's method step by step: the between-class variance at every candidate threshold.

    Parameters are those of :func:`scratch.filters.threshold_otsu`.

    Returns
    -------
    ThresholdInsides
        ``criterion[b]`` = ``w1 w2 (m1 - m2)**2`` for the threshold ``candidates[b]``;
        ``threshold`` = ``candidates[argmax(criterion)]`` = ``threshold_otsu(...)``.

    See Also
    --------
    skimage.filters.threshold_otsu, scratch.filters.threshold_otsu

    Examples
    --------
    >>> import numpy as np
    >>> ins = otsu_insides(np.array([[10, 10, 12], [200, 210, 205]], np.uint8))
    >>> int(ins.threshold), ins.candidates.shape == ins.criterion.shape
    (12, True)
    """
    threshold = T.threshold_otsu(image, nbins, hist=hist)
    if image is not None and hist is not None:
        image = None if not np.all(image == image.reshape(-1)[0]) else image
    constant, counts, centers = T._otsu_counts(image, nbins, hist)
    if constant is not None:
        return ThresholdInsides("otsu", threshold, np.array([image.size]), np.array([constant]),
                                _empty(), _empty(), "between-class variance")
    variance = T._otsu_variance(counts, centers)
    return ThresholdInsides("otsu", threshold, counts, centers, centers[:-1], variance,
                            "between-class variance w1 w2 (m1 - m2)^2")


def isodata_insides(image=None, nbins=256, *, hist=None, start="lowest"):
    """ISODATA (Ridler-Calvard) step by step: the iteration ``t <- (m1(t) + m2(t)) / 2``.

    Parameters
    ----------
    image, nbins, hist
        As for :func:`scratch.filters.threshold_isodata`.
    start : {'lowest', 'mean'}, optional
        Where the iteration starts: the lowest bin (default) — both class means only grow
        with ``t``, so from there the iteration climbs to the *lowest* fixed point, the one
        the reference returns — or the bin of the image mean (the textbook start, which may
        stop at a higher fixed point when there are several).

    Returns
    -------
    ThresholdInsides
        ``criterion[b]`` = ``(m1 + m2) / 2 - candidates[b]``; ``extra['all_mean']`` the
        midpoints ``(m1 + m2) / 2``, ``extra['bin_width']``, ``extra['fixed_points']`` (the
        candidates where the criterion is in ``[0, bin_width)``) and ``extra['iterations']``
        the thresholds visited.  ``threshold`` is ``threshold_isodata(...)``.

    See Also
    --------
    skimage.filters.threshold_isodata, scratch.filters.threshold_isodata

    Examples
    --------
    >>> import numpy as np
    >>> ins = isodata_insides(np.array([[10, 10, 12], [200, 210, 205]], np.uint8))
    >>> int(ins.threshold), int(ins.extra['iterations'][-1])
    (107, 107)
    """
    if start not in ("lowest", "mean"):
        raise ValueError(f"`start` must be 'lowest' or 'mean', got {start!r}")
    threshold = T.threshold_isodata(image, nbins, hist=hist)
    counts, centers = T._validate_image_histogram(image, hist, nbins)
    if len(centers) == 1:
        return ThresholdInsides("isodata", threshold, counts, centers, centers, np.zeros(1),
                                "(m1 + m2)/2 - t", {"iterations": centers.copy(),
                                                    "fixed_points": centers.copy()})
    all_mean, distances, bin_width = T._isodata_criterion(counts, centers)
    accepted = (distances >= 0) & (distances < bin_width)
    candidates = centers[:-1]
    if start == "lowest":
        j = 0
    else:
        mean = np.sum(counts * centers) / np.sum(counts)
        j = int(np.clip(np.searchsorted(candidates, mean, side="right") - 1, 0, len(candidates) - 1))
    visited = [j]
    for _ in range(len(candidates)):
        if accepted[j]:
            break
        # the next threshold: the highest candidate not above the midpoint of the class means
        below = np.flatnonzero(all_mean[j] - candidates >= 0)
        nxt = int(below[-1]) if below.size else 0
        if nxt == j:
            break
        j = nxt
        visited.append(j)
    return ThresholdInsides(
        "isodata", threshold, counts, centers, candidates, distances, "(m1 + m2)/2 - t",
        {"all_mean": all_mean, "bin_width": bin_width, "fixed_points": candidates[accepted],
         "iterations": candidates[np.array(visited)]},
    )


def triangle_insides(image, nbins=256):
    """The triangle method step by step: peak, far end, the line and every bin's distance.

    Parameters are those of :func:`scratch.filters.threshold_triangle`.

    Returns
    -------
    ThresholdInsides
        ``candidates`` are the bin centres between the far end and the peak, ``criterion``
        the (normalised) distance of each bin top below the line; ``extra['peak']`` and
        ``extra['far_end']`` are bin indices, ``extra['line_x']`` / ``extra['line_y']`` the
        line's two end points (bin centre, count).  ``threshold`` is
        ``threshold_triangle(...)``.

    See Also
    --------
    skimage.filters.threshold_triangle, scratch.filters.threshold_triangle

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([0] * 50 + [1] * 30 + [2] * 10 + [3] * 5 + [9] * 5, np.uint8)
    >>> ins = triangle_insides(image)
    >>> int(ins.threshold), ins.extra['peak'], ins.extra['far_end']
    (2, 0, 9)
    """
    threshold = T.threshold_triangle(image, nbins)
    counts, centers = histogram(image.reshape(-1), nbins, source_range="image")
    g = T._triangle_geometry(counts)
    if g is None:
        return ThresholdInsides("triangle", threshold, counts, centers, _empty(), _empty(),
                                "distance below the line")
    n = len(counts)
    x = np.arange(g["width"])
    lengths = g["peak_n"] * x - g["width_n"] * g["hist"][x + g["low"]]
    idx = x + g["low"]
    peak, far = g["peak"], g["low"]
    if g["flip"]:  # back to the histogram's own orientation
        idx = n - idx - 1
        peak, far = n - peak - 1, n - far - 1
    order = np.argsort(idx)
    return ThresholdInsides(
        "triangle", threshold, counts, centers, centers[idx[order]], lengths[order],
        "distance below the line",
        {"peak": int(peak), "far_end": int(far), "flip": bool(g["flip"]),
         "line_x": centers[[far, peak]], "line_y": np.array([0, counts[peak]])},
    )


#: Largest histogram whose 3-class pair table (``nbins**2`` float32) multiotsu_insides keeps: 64 MiB.
_MAX_PAIR_TABLE_BINS = 4096


def multiotsu_insides(image=None, classes=3, nbins=256, *, hist=None):
    """Multi-Otsu step by step: for 3 classes, the criterion for every pair of thresholds.

    Parameters are those of :func:`scratch.filters.threshold_multiotsu`.

    Returns
    -------
    ThresholdInsides
        ``threshold`` is ``threshold_multiotsu(...)`` (an array).  For ``classes == 3``,
        ``extra['sigma'][t0, t1]`` is the criterion ``H[0, t0] + H[t0+1, t1] +
        H[t1+1, end]`` (NaN where ``t0 >= t1`` or not searched), ``criterion`` its maximum
        over ``t1`` for every first threshold ``candidates[t0]``.  The pair table has
        ``nbins**2`` entries, so it is left out (empty ``candidates`` and ``criterion``, no
        ``'sigma'``) for histograms of more than 4096 bins — e.g. a uint16 image, which has
        one bin per integer value.

    See Also
    --------
    skimage.filters.threshold_multiotsu, scratch.filters.threshold_multiotsu

    Examples
    --------
    >>> import numpy as np
    >>> ins = multiotsu_insides(np.array([10, 11, 12, 100, 101, 102, 200, 201, 202], np.uint8))
    >>> ins.threshold
    array([ 12, 102])
    """
    thresholds = T.threshold_multiotsu(image, classes, nbins, hist=hist)
    prob, centers = T._validate_image_histogram(image, hist, nbins, normalize=True)
    prob = prob.astype("float32", copy=False)
    extra = {}
    candidates, criterion = _empty(), _empty()
    if classes == 3 and np.count_nonzero(prob) > classes and prob.size <= _MAX_PAIR_TABLE_BINS:
        zeroth, first = T._moments(np.ascontiguousarray(prob))
        sigma = T._sigma_pairs(zeroth, first)
        n = sigma.shape[0]
        extra["sigma"] = sigma
        candidates = centers[: n - 2]
        criterion = np.nanmax(sigma[: n - 2], axis=1)
    return ThresholdInsides("multiotsu", thresholds, prob, centers, candidates, criterion,
                            "sum of S^2 / P over the classes", extra)


def plot_threshold_insides(insides, ax=None):
    """Draw a :class:`ThresholdInsides` over its histogram (matplotlib).

    The histogram as bars, the criterion on a second y axis, the threshold(s) as vertical
    lines; for the triangle method the line from the peak to the far end, for ISODATA the
    iterations as numbered marks.

    Parameters
    ----------
    insides : ThresholdInsides
        From :func:`otsu_insides`, :func:`isodata_insides`, :func:`triangle_insides` or
        :func:`multiotsu_insides`.
    ax : matplotlib Axes, optional
        Where to draw (a new figure if None).

    Returns
    -------
    ax : matplotlib Axes
        The histogram's axes (the criterion's twin is ``ax.criterion_axes``).
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    centers = np.asarray(insides.bin_centers, dtype=np.float64)
    counts = np.asarray(insides.counts, dtype=np.float64)
    width = (centers[1] - centers[0]) if centers.size > 1 else 1.0
    ax.bar(centers, counts, width=width, color="0.75", label="histogram")
    ax.set_xlabel("intensity")
    ax.set_ylabel("count")
    twin = ax.twinx()
    if insides.criterion.size:
        twin.plot(np.asarray(insides.candidates, np.float64),
                  np.asarray(insides.criterion, np.float64), color="tab:blue",
                  label=insides.criterion_name)
        twin.set_ylabel(insides.criterion_name, color="tab:blue")
    if insides.method == "triangle" and "line_x" in insides.extra:
        ax.plot(insides.extra["line_x"], insides.extra["line_y"], color="tab:green",
                label="peak to far end")
    if insides.method == "isodata" and "iterations" in insides.extra:
        its = np.asarray(insides.extra["iterations"], np.float64)
        ax.plot(its, np.zeros_like(its), "v", color="tab:orange", label="iterations")
        for k, t in enumerate(its):
            ax.annotate(str(k), (t, 0), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=7, color="tab:orange")
    for t in np.atleast_1d(insides.threshold):
        ax.axvline(float(t), color="tab:red", linestyle="--")
    ax.set_title(f"{insides.method}: threshold = "
                 f"{np.array2string(np.atleast_1d(insides.threshold), precision=4)}")
    ax.criterion_axes = twin
    return ax
