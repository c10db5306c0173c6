"""``scratch.tracking``: linking detections into tracks (no single reference; checked against
ground truth and against ``scipy.optimize.linear_sum_assignment``).

* :func:`toy_sequence` — simulated detections (drift, diffusion, births, deaths, missed
  detections, a log-normal intensity) with the true links.
* frame to frame: :func:`link_cost` (positions + weighted features, gated),
  :func:`nearest_neighbor_links` (forward / backward), :func:`greedy_links` (with and without
  conflict resolution), :func:`optimal_links` (linear assignment; with a gate, Jaqaman's block
  matrix :func:`lap_cost_matrix` with births and deaths).
* :func:`link` — a whole sequence into tracks, with a memory for missed frames (gap closing):
  a table of ``frame``, ``particle``, ``detection``, coordinates and features (dict or pandas).
* scores: :func:`links_from_table`, :func:`fraction_correct_links`,
  :func:`fraction_false_links`, :func:`track_purity`.
"""

from ._frame_links import (greedy_links, lap_cost_matrix, link_cost, nearest_neighbor_links,
                           optimal_links)
from ._link import link
from ._metrics import fraction_correct_links, fraction_false_links, links_from_table, track_purity
from ._toy import ToySequence, toy_sequence

__all__ = [
    "toy_sequence",
    "ToySequence",
    "link_cost",
    "lap_cost_matrix",
    "nearest_neighbor_links",
    "greedy_links",
    "optimal_links",
    "link",
    "links_from_table",
    "fraction_correct_links",
    "fraction_false_links",
    "track_purity",
]
