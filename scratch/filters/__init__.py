"""scratch.filters <-> skimage.filters: smoothing, edge detection and sharpening.

* :mod:`._gaussian`      — ``gaussian``, ``difference_of_gaussians``
* :mod:`._edges`         — ``sobel``, ``prewitt``, ``scharr``, ``farid`` (+ ``_h``/``_v``),
  ``roberts`` (+ diagonals), ``laplace``
* :mod:`._unsharp_mask`  — ``unsharp_mask``

All of them are built on the convolutions of :mod:`scratch.ndimage` and the dtype rules of
:mod:`scratch.util`.
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
]
