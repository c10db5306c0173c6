"""``scratch.ndimage`` ↔ ``scipy.ndimage``: correlation, convolution and the linear filters.

* :func:`correlate`, :func:`convolve` — dense n-D kernels, every boundary mode, origin, axes.
* :func:`correlate1d`, :func:`convolve1d` — 1-D kernels along one axis.
* :func:`gaussian_filter`, :func:`gaussian_filter1d` — gaussian smoothing and derivatives.
* :func:`gaussian_laplace`, :func:`generic_laplace` — the Laplacian of Gaussian.
* :func:`uniform_filter`, :func:`uniform_filter1d` — the local mean by running sums.
* :func:`label`, :func:`generate_binary_structure` — connected components (two-pass union-find).
* :func:`distance_transform_edt` — the exact Euclidean distance transform (lower envelopes).

Internal engines other scratch packages may use.  The files are private, but the names in each
file's ``__all__`` that this ``__init__`` does not re-export are its internal API, documented
and kept stable for the packages built on ``ndimage`` (import them from that file; any other
``_name`` is private to this package):

* ``_boundary`` — ``MODES``, ``canonical_mode``, ``extend_indices``, ``extend_line``, ``pad``:
  the boundary modes, the one engine through which every filter of scratch extends images
  (filters, exposure, morphology);
* ``_label`` — ``label_values``, ``neighbour_offsets``: labeling of equal-valued regions
  (measure, segmentation);
* ``_unionfind`` — ``find_root``, ``union``, ``resolve``: the union-find forest (tracking);
* ``_uniform`` — ``uniform_lines``: the running-mean kernel (filters' local thresholds).
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
