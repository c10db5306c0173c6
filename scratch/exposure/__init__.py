"""scratch.exposure <-> skimage.exposure: histograms and intensity transformations.

* :mod:`._histogram`  — ``histogram``, ``cumulative_distribution``: the one histogram engine
  of scratch (every threshold in :mod:`scratch.filters` counts with it)
* :mod:`._intensity`  — ``rescale_intensity``, ``adjust_gamma``, ``adjust_log``,
  ``adjust_sigmoid``: point-wise maps
* :mod:`._equalize`   — ``equalize_hist``: global histogram equalisation
* :mod:`._adapthist`  — ``equalize_adapthist``: CLAHE

Internal API: names in ``_histogram.__all__`` that this ``__init__`` does not re-export are
kept stable for the packages built on ``exposure`` (import them from that file; any other
``_name`` is private to this package):

* ``threshold_histogram`` — the histogram every threshold of :mod:`scratch.filters` counts
  (scikit-image's ``_validate_image_histogram`` with ``nbins``), with a constant-image flag;
* ``image_minmax`` — one pass for the minimum, maximum and "has NaN" of a flat image;
* ``supported_float_dtype`` — the float dtype scikit-image computes in for an input dtype
  (an ``np.dtype``; ``scratch.filters._gaussian.supported_float_type`` is the scalar-type
  twin used by the filters).
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
