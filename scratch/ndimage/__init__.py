"""``scratch.ndimage`` ↔ ``scipy.ndimage``: correlation, convolution and the linear filters.

* :func:`correlate`, :func:`convolve` — dense n-D kernels, every boundary mode, origin, axes.
* :func:`correlate1d`, :func:`convolve1d` — 1-D kernels along one axis.
* :func:`gaussian_filter`, :func:`gaussian_filter1d` — gaussian smoothing and derivatives.
* :func:`gaussian_laplace`, :func:`generic_laplace` — the Laplacian of Gaussian.
* :func:`uniform_filter`, :func:`uniform_filter1d` — the local mean by running sums.
* :func:`label`, :func:`generate_binary_structure` — connected components (two-pass union-find).
* :func:`distance_transform_edt` — the exact Euclidean distance transform (lower envelopes).

The boundary modes live in :mod:`scratch.ndimage._boundary`: every filter of the package
(and of the packages built on it) extends images through that one engine.
"""

from ._correlate import convolve, convolve1d, correlate, correlate1d
from ._gaussian import gaussian_filter, gaussian_filter1d, gaussian_laplace, generic_laplace
from ._uniform import uniform_filter, uniform_filter1d
from ._label import generate_binary_structure, label
from ._edt import distance_transform_edt

__all__ = [
    "correlate",
    "convolve",
    "correlate1d",
    "convolve1d",
    "gaussian_filter",
    "gaussian_filter1d",
    "gaussian_laplace",
    "generic_laplace",
    "uniform_filter",
    "uniform_filter1d",
    "label",
    "generate_binary_structure",
    "distance_transform_edt",
]
