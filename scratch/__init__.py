"""scratch — the classic microscopy image-analysis pipeline, re-implemented from scratch.

Readable Python + Numba re-implementations of scikit-image / SciPy functions, each proved
against its reference.  The sub-packages are named after the reference module they mirror::

    scratch.ndimage   <-> scipy.ndimage      (correlation, gaussian and uniform filters)
    scratch.signal    <-> scipy.signal       (fftconvolve)
    scratch.optimize  <-> scipy.optimize     (linear_sum_assignment: Hungarian, Jonker-Volgenant)
    scratch.filters   <-> skimage.filters    (gaussian, edges, sharpening, thresholds)
    scratch.exposure  <-> skimage.exposure   (histogram, equalisation, CLAHE, intensity maps)
    scratch.util      <-> skimage.util       (img_as_float, invert)
    scratch.morphology <-> skimage.morphology (footprints, binary/grey morphology, clean-up)
    scratch.measure   <-> skimage.measure    (label, regionprops, regionprops_table)
    scratch.segmentation <-> skimage.segmentation (watershed)
    scratch.feature   <-> skimage.feature    (peak_local_max, canny)
    scratch.spatial   <-> scipy.spatial      (distance_matrix, KDTree)
    scratch.tracking  (no single reference: linking into tracks, checked against ground truth)
    scratch.verify    verify anyone's implementation against the references (case tables, reports)

Sub-packages are imported lazily, on first attribute access, and importing them compiles
nothing: kernels compile (or load from the disk cache) on their first call.
Run ``python -m scratch`` for the tour.
"""

import importlib

__version__ = "0.1.0"

_SUBMODULES = ("data", "exposure", "feature", "filters", "measure", "morphology", "ndimage", "optimize", "segmentation", "signal", "spatial", "tracking", "util", "verify")

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name):
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'scratch' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_SUBMODULES))
