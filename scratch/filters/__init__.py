"""scratch.filters <-> skimage.filters: smoothing, edge detection and sharpening.

* :mod:`._gaussian`      — ``gaussian``, ``difference_of_gaussians``
* :mod:`._edges`         — ``sobel``, ``prewitt``, ``scharr``, ``farid`` (+ ``_h``/``_v``),
  ``roberts`` (+ diagonals), ``laplace``
* :mod:`._unsharp_mask`  — ``unsharp_mask``
* :mod:`._thresholds`    — ``threshold_otsu``, ``_isodata``, ``_triangle``, ``_mean``, ``_minimum``,
  ``_li``, ``_yen``, ``_multiotsu``, ``_local``
* :mod:`._threshold_insides` — ``otsu_insides``, ``isodata_insides``, ``triangle_insides``,
  ``multiotsu_insides``, ``plot_threshold_insides``: the thresholds' intermediate state

All of them are built on the convolutions of :mod:`scratch.ndimage` and the dtype rules of
:mod:`scratch.util`.

Internal engines other scratch packages may use: ``_gaussian.supported_float_type``, the
working float type of a filter (float16/float32 -> float32, other real types -> float64,
complex -> ValueError; scikit-image's ``_supported_float_type``), listed in
``_gaussian.__all__`` but not re-exported here (:mod:`scratch.feature` uses it).
"""

from ._edges import (
    farid,
    farid_h,
    farid_v,
    laplace,
    prewitt,
    prewitt_h,
    prewitt_v,
    roberts,
    roberts_neg_diag,
    roberts_pos_diag,
    scharr,
    scharr_h,
    scharr_v,
    sobel,
    sobel_h,
    sobel_v,
)
from ._gaussian import difference_of_gaussians, gaussian
from ._unsharp_mask import unsharp_mask
from ._threshold_insides import (
    ThresholdInsides,
    isodata_insides,
    multiotsu_insides,
    otsu_insides,
    plot_threshold_insides,
    triangle_insides,
)
from ._thresholds import (
    threshold_isodata,
    threshold_li,
    threshold_local,
    threshold_mean,
    threshold_minimum,
    threshold_multiotsu,
    threshold_otsu,
    threshold_triangle,
    threshold_yen,
)

__all__ = [
    "gaussian",
    "difference_of_gaussians",
    "sobel",
    "sobel_h",
    "sobel_v",
    "prewitt",
    "prewitt_h",
    "prewitt_v",
    "scharr",
    "scharr_h",
    "scharr_v",
    "farid",
    "farid_h",
    "farid_v",
    "roberts",
    "roberts_pos_diag",
    "roberts_neg_diag",
    "laplace",
    "unsharp_mask",
    "threshold_otsu",
    "threshold_isodata",
    "threshold_triangle",
    "threshold_mean",
    "threshold_minimum",
    "threshold_li",
    "threshold_yen",
    "threshold_multiotsu",
    "threshold_local",
    "ThresholdInsides",
    "otsu_insides",
    "isodata_insides",
    "triangle_insides",
    "multiotsu_insides",
    "plot_threshold_insides",
]
