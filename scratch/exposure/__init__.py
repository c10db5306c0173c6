"""scratch.exposure <-> skimage.exposure: histograms and intensity transformations.

* :mod:`._histogram`  — ``histogram``, ``cumulative_distribution``: the one histogram engine
  of scratch (every threshold in :mod:`scratch.filters` counts with it)
* :mod:`._intensity`  — ``rescale_intensity``, ``adjust_gamma``, ``adjust_log``,
  ``adjust_sigmoid``: point-wise maps
* :mod:`._equalize`   — ``equalize_hist``: global histogram equalisation
* :mod:`._adapthist`  — ``equalize_adapthist``: CLAHE
"""

from ._adapthist import equalize_adapthist
from ._equalize import equalize_hist
from ._histogram import cumulative_distribution, histogram
from ._intensity import adjust_gamma, adjust_log, adjust_sigmoid, rescale_intensity

__all__ = [
    "histogram",
    "cumulative_distribution",
    "equalize_hist",
    "equalize_adapthist",
    "rescale_intensity",
    "adjust_gamma",
    "adjust_log",
    "adjust_sigmoid",
]
