"""The catalogue: every algorithm scratch implements, each described by ONE :class:`Entry`.

The tour (``python -m scratch``) and the benchmarks (``benchmarks/run.py``) both read this
list and nothing else, so adding an algorithm to scratch means adding one entry here::

    Entry(
        name="gaussian_filter_s2",                    # unique id, used by --only
        family="filters",                             # course chapter
        scratch="scratch.ndimage.gaussian_filter",    # dotted path, imported lazily
        reference="scipy.ndimage.gaussian_filter",    # dotted path of the reference
        kwargs={"sigma": 2.0},                        # keyword arguments for both
        sample="camera",                              # tour input: a scratch.data name
        dtypes=FLOATS_AND_UINT8,                      # benchmark dtypes
        opencv=cv_gaussian(2.0), opencv_name="cv2.GaussianBlur",
    )

How an entry becomes a call
---------------------------
1. A *base* array is made: for the tour from ``sample`` (a :mod:`scratch.data` name, RGB
   turned to gray unless ``rgb=True``, converted to ``tour_dtype``; or any callable returning
   an array); for the benchmarks by ``bench_base(size, dtype)`` (default: the camera image
   tiled to ``size x size``).
2. ``args(base)`` turns the base into the positional arguments (default ``(base,)``; e.g.
   :func:`with_kernel` appends a kernel).  Both functions get ``*args, **kwargs``.
3. ``compare(ours, ref, args)`` returns an :class:`Agreement` (see :func:`allclose`,
   :func:`exact`, :func:`same_total_cost`).
4. ``picture(args, output)`` turns an output into a 2-D (or RGB) array for the figures
   (default: the output itself, the middle plane of a volume).

Non-image algorithms fit the same frame: ``linear_sum_assignment`` takes a cost matrix as its
base, returns a tuple, is compared by total cost and pictured as an assignment matrix.

Nothing here imports scratch's algorithms, SciPy, scikit-image or OpenCV at import time:
dotted paths are resolved by the runner, and OpenCV is imported inside its callables.
"""

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Optional, Tuple, Union

import numpy as np

__all__ = [
    "Entry",
    "Agreement",
    "NotApplicable",
    "ENTRIES",
    "FLOATS",
    "FLOATS_AND_UINT8",
    "select",
    "allclose",
    "exact",
    "same_total_cost",
    "with_kernel",
    "bench_image",
    "bench_volume",
    "to_dtype",
]

FLOATS = ("float32", "float64")
FLOATS_AND_UINT8 = ("uint8", "float32", "float64")


class NotApplicable(Exception):
    """Raised by an OpenCV counterpart for inputs it has no equivalent for (e.g. a dtype)."""


@dataclass(frozen=True)
class Agreement:
    """How a scratch result compares with the reference result.

    Attributes
    ----------
    ok : bool
        Within the entry's tolerance (and same shape and dtype).
    text : str
        For the table: ``"identical"``, ``"max |Δ| 2.2e-16"``, ``"3 pixels differ"``, ...
    max_abs : float or None
        The largest absolute difference, when it means something.
    """

    ok: bool
    text: str
    max_abs: Optional[float] = None


# --- inputs -------------------------------------------------------------------------------


def to_dtype(image, dtype):
    """Convert a sample image to ``dtype`` the way ``img_as_float``/``img_as_ubyte`` would.

    Unsigned integers become floats in [0, 1] (divided by the dtype's maximum), bools 0/1;
    floats become uint8 by scaling [0, 1] to [0, 255] after clipping.
    """
    image = np.asarray(image)
    dtype = np.dtype(dtype)
    if image.dtype == dtype:
        return image.copy()
    if dtype.kind == "f":
        if image.dtype.kind == "u":
            return (image / np.iinfo(image.dtype).max).astype(dtype)
        return image.astype(dtype)
    if dtype == np.uint8:
        if image.dtype.kind == "f":
            return np.round(np.clip(image, 0.0, 1.0) * 255).astype(np.uint8)
        if image.dtype.kind == "b":
            return image.astype(np.uint8) * 255
        if image.dtype.kind == "u":
            return (image >> (8 * image.dtype.itemsize - 8)).astype(np.uint8)
    return image.astype(dtype)


def _gray(image):
    """RGB(A) -> luminance with scikit-image's rgb2gray weights (a float image)."""
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[-1] in (3, 4):
        rgb = image[..., :3]
        scale = np.iinfo(rgb.dtype).max if rgb.dtype.kind == "u" else 1.0
        gray = rgb @ np.array([0.2125, 0.7154, 0.0721]) / scale
        return gray
    return image


def _tile(image, shape):
    reps = [-(-s // n) for s, n in zip(shape, image.shape)]
    return np.tile(image, reps)[tuple(slice(0, s) for s in shape)]


def bench_image(size, dtype):
    """Benchmark input: the camera image tiled to ``size x size`` in ``dtype`` (float in [0, 1])."""
    from scratch import data

    return np.ascontiguousarray(to_dtype(_tile(data.camera(), (size, size)), dtype))


def bench_volume(size, dtype):
    """Benchmark input for 3-D filters: a cube with as many voxels as a ``size x size`` image
    (512² = 64³, 2048² = 256³), tiled from :func:`scratch.data.volume`."""
    from scratch import data

    side = int(round(size ** (2.0 / 3.0)))
    image = data.volume().image
    return np.ascontiguousarray(_tile(image, (side,) * 3).astype(dtype))


def with_kernel(kernel):
    """``args`` builder for ``f(image, kernel)``: the kernel in the image's float dtype."""

    def args(base):
        kdtype = base.dtype if base.dtype.kind == "f" else np.float64
        return (base, np.asarray(kernel, dtype=kdtype))

    return args


def _dense_kernel(shape, seed=0):
    """A dense, asymmetric, positive kernel summing to 1 (seeded)."""
    k = np.random.default_rng(seed).uniform(0.0, 1.0, size=shape)
    return k / k.sum()


def _single(base):
    return (base,)


# --- comparisons --------------------------------------------------------------------------


def _shape_dtype_problem(ours, ref):
    if not isinstance(ours, np.ndarray):
        return f"got {type(ours).__name__}, not an array"
    if ours.shape != ref.shape:
        return f"shape {ours.shape} != {ref.shape}"
    return None


def allclose(rtol=None, atol=None):
    """Float comparison: same shape and dtype, ``assert_allclose`` tolerances.

    Defaults follow DESIGN.md: ``rtol=1e-7, atol=1e-9`` for float64 results and
    ``rtol=1e-5, atol=1e-6`` for float32 ones.  Integer results must be identical.
    """

    def compare(ours, ref, args):
        ref = np.asarray(ref)
        problem = _shape_dtype_problem(ours, ref)
        if problem:
            return Agreement(False, problem)
        dtype_note = "" if ours.dtype == ref.dtype else f" (dtype {ours.dtype} != {ref.dtype})"
        if np.array_equal(ours, ref, equal_nan=ref.dtype.kind == "f"):
            return Agreement(not dtype_note, "identical" + dtype_note, 0.0)
        if ref.dtype.kind in "biu" and ours.dtype.kind in "biu":
            n = int(np.count_nonzero(ours != ref))
            return Agreement(False, f"{n} pixels differ" + dtype_note)
        r = rtol if rtol is not None else (1e-5 if ref.dtype == np.float32 else 1e-7)
        a = atol if atol is not None else (1e-6 if ref.dtype == np.float32 else 1e-9)
        diff = np.abs(ours.astype(np.float64) - ref.astype(np.float64))
        max_abs = float(np.nanmax(diff)) if diff.size else 0.0
        ok = bool(np.allclose(ours, ref, rtol=r, atol=a, equal_nan=True)) and not dtype_note
        return Agreement(ok, f"max |Δ| {max_abs:.1e}" + dtype_note, max_abs)

    return compare


def exact():
    """Exact comparison (masks, labels, integer images): ``"identical"`` or how many differ."""

    def compare(ours, ref, args):
        ref = np.asarray(ref)
        problem = _shape_dtype_problem(ours, ref)
        if problem:
            return Agreement(False, problem)
        dtype_note = "" if ours.dtype == ref.dtype else f" (dtype {ours.dtype} != {ref.dtype})"
        n = int(np.count_nonzero(ours != ref))
        if n == 0:
            return Agreement(not dtype_note, "identical" + dtype_note, 0.0)
        return Agreement(False, f"{n} pixels differ" + dtype_note)

    return compare


def same_total_cost(rtol=1e-9):
    """For ``(row_ind, col_ind)`` assignments: same total cost of ``args[0]`` (rtol 1e-9).

    ``"identical"`` when the indices match too; otherwise the cost difference.
    """

    def compare(ours, ref, args):
        cost = np.asarray(args[0])
        try:
            rows, cols = (np.asarray(a) for a in ours)
        except (TypeError, ValueError):
            return Agreement(False, f"got {type(ours).__name__}, not (row_ind, col_ind)")
        ref_rows, ref_cols = (np.asarray(a) for a in ref)
        if rows.shape != ref_rows.shape or cols.shape != ref_cols.shape:
            return Agreement(False, f"{rows.size} assignments != {ref_rows.size}")
        ours_total = float(cost[rows, cols].sum())
        ref_total = float(cost[ref_rows, ref_cols].sum())
        delta = abs(ours_total - ref_total)
        ok = delta <= rtol * max(abs(ref_total), 1e-300)
        if ok and np.array_equal(rows, ref_rows) and np.array_equal(cols, ref_cols):
            return Agreement(True, "identical", 0.0)
        return Agreement(ok, f"total cost Δ {delta:.1e}" + ("" if ok else " (different optimum)"), delta)

    return compare


# --- pictures for the figures ---------------------------------------------------------------


def assignment_picture(args, output):
    """An assignment ``(rows, cols)`` as an n x m 0/1 matrix the size of the cost matrix."""
    cost = np.asarray(args[0])
    picture = np.zeros(cost.shape)
    rows, cols = output
    picture[np.asarray(rows), np.asarray(cols)] = 1.0
    return picture


# --- OpenCV counterparts (timing only; imported lazily) -------------------------------------


def _cv2():
    try:
        import cv2
    except ImportError as exc:  # the `bench` extra is not installed
        raise NotApplicable("opencv-python-headless is not installed") from exc
    return cv2


def _cv_depth(cv2, image):
    return cv2.CV_64F if image.dtype == np.float64 else cv2.CV_32F


def cv_gaussian(sigma, truncate=4.0):
    """``cv2.GaussianBlur`` with SciPy's kernel radius and boundary (reflect)."""
    radius = int(truncate * sigma + 0.5)
    ksize = 2 * radius + 1

    def run(image):
        cv2 = _cv2()
        return cv2.GaussianBlur(image, (ksize, ksize), sigmaX=sigma, sigmaY=sigma,
                                borderType=cv2.BORDER_REFLECT)

    return run


def cv_filter2d(flip=False, border="reflect"):
    """``cv2.filter2D`` (a correlation; ``flip=True`` makes it a convolution)."""

    def run(image, kernel):
        cv2 = _cv2()
        k = kernel[::-1, ::-1] if flip else kernel
        mode = cv2.BORDER_REFLECT if border == "reflect" else cv2.BORDER_CONSTANT
        return cv2.filter2D(image, -1, np.ascontiguousarray(k), borderType=mode)

    return run


def cv_blur(size):
    """``cv2.blur``: the box (uniform) filter."""

    def run(image):
        cv2 = _cv2()
        return cv2.blur(image, (size, size), borderType=cv2.BORDER_REFLECT)

    return run


def cv_sobel(axis=None):
    """``cv2.Sobel``: one derivative (axis 0 = horizontal edges) or the gradient magnitude."""

    def run(image):
        cv2 = _cv2()
        depth = _cv_depth(cv2, image)
        mode = cv2.BORDER_REFLECT
        if axis == 0:
            return cv2.Sobel(image, depth, 0, 1, ksize=3, borderType=mode)
        if axis == 1:
            return cv2.Sobel(image, depth, 1, 0, ksize=3, borderType=mode)
        gx = cv2.Sobel(image, depth, 1, 0, ksize=3, borderType=mode)
        gy = cv2.Sobel(image, depth, 0, 1, ksize=3, borderType=mode)
        return cv2.magnitude(gx, gy)

    return run


def cv_laplacian(image):
    """``cv2.Laplacian`` with the 4-neighbour 3x3 kernel (``ksize=1``)."""
    cv2 = _cv2()
    return cv2.Laplacian(image, _cv_depth(cv2, image), ksize=1, borderType=cv2.BORDER_REFLECT)


def cv_invert(image):
    """``cv2.bitwise_not`` — the same as invert for unsigned integers only."""
    if image.dtype != np.uint8:
        raise NotApplicable("cv2.bitwise_not inverts unsigned integers only")
    return _cv2().bitwise_not(image)


# --- tour inputs that are not plain sample images -------------------------------------------


def particle_costs():
    """Squared distances between 100 particles in two consecutive frames, columns shuffled."""
    from scratch import data

    tracks = data.particles(n=100, n_frames=2, shape=(512, 512), step=4.0, seed=1)
    perm = np.random.default_rng(1).permutation(100)
    d = tracks[0][:, None, :] - tracks[1][perm][None, :, :]
    return np.sum(d * d, axis=-1)


def _lsa_bench_cost(size, dtype):
    """A uniform random ``size x size`` cost matrix."""
    return np.random.default_rng(size).random((size, size)).astype(dtype)


# --- the entry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One algorithm of the tour and the benchmarks.

    Parameters
    ----------
    name : str
        Unique id (``--only`` matches it exactly or as a substring).
    family : str
        Course chapter: ``"pixels"``, ``"filters"``, ``"thresholds"``, ``"morphology"``,
        ``"labels"``, ``"watershed"``, ``"measurements"``, ``"tracking"``.
    scratch, reference : str
        Dotted paths ``"package.module.function"``, imported only when the entry runs.
    kwargs : mapping
        Keyword arguments passed to both functions.
    sample : str or callable
        Tour input: a :mod:`scratch.data` name, or a callable returning the base array.
    tour_dtype : str
        dtype of the tour input.
    rgb : bool
        Keep the colour channels of an RGB sample (otherwise converted to gray).
    dtypes : tuple of str
        dtypes the benchmarks run (``"uint8"`` only where the operation takes it).
    args : callable
        ``base -> tuple`` of positional arguments (default ``(base,)``).
    bench_base : callable
        ``(size, dtype) -> base`` for the benchmarks (default :func:`bench_image`).
    sizes : tuple of int or None
        Benchmark sizes for this entry, overriding the image sizes (e.g. an n x n cost).
    opencv : callable or None
        OpenCV counterpart called as ``opencv(*args)`` (timing only); may raise
        :class:`NotApplicable`.
    opencv_name : str
        Its name in tables.
    compare : callable
        ``(ours, ref, args) -> Agreement``.
    picture : callable or None
        ``(args, output) -> array`` for the figures (default: the output array).
    note : str
        One line for ``--list`` and the index page.
    """

    name: str
    family: str
    scratch: str
    reference: str
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    sample: Union[str, Callable[[], np.ndarray]] = "camera"
    tour_dtype: str = "float64"
    rgb: bool = False
    dtypes: Tuple[str, ...] = FLOATS
    args: Callable[[np.ndarray], tuple] = _single
    bench_base: Callable[[int, str], np.ndarray] = bench_image
    sizes: Optional[Tuple[int, ...]] = None
    opencv: Optional[Callable[..., Any]] = None
    opencv_name: str = ""
    compare: Callable[[Any, Any, tuple], Agreement] = field(default_factory=allclose)
    picture: Optional[Callable[[tuple, Any], np.ndarray]] = None
    note: str = ""

    @property
    def sample_name(self):
        """The tour input's name for tables."""
        return self.sample if isinstance(self.sample, str) else self.sample.__name__.strip("_")

    def tour_args(self):
        """Positional arguments for the tour run."""
        if callable(self.sample):
            base = np.asarray(self.sample())
        else:
            from scratch import data

            base = data.load(self.sample)
            if isinstance(base, data.Scene):
                base = base.image
            if not self.rgb:
                base = _gray(base)
        base = np.ascontiguousarray(to_dtype(base, self.tour_dtype))
        return self.args(base)

    def bench_args(self, size, dtype):
        """Positional arguments for a benchmark at ``size`` and ``dtype``."""
        return self.args(self.bench_base(size, dtype))

    def to_picture(self, args, output):
        """A displayable float array (2-D, or RGB when ``rgb``) for an output."""
        if self.picture is not None:
            return np.asarray(self.picture(args, output), dtype=np.float64)
        return self._displayable(output)

    def input_picture(self, args):
        """A displayable float array for the first input."""
        return self._displayable(args[0])

    def _displayable(self, a):
        a = np.asarray(a)
        if a.ndim == 3 and not (self.rgb and a.shape[-1] in (3, 4)):
            a = a[a.shape[0] // 2]  # the middle plane of a volume
        return a.astype(np.float64)


# --- the catalogue ----------------------------------------------------------------------------

from . import neighbours as _nb  # noqa: E402 (tour inputs for spatial / tracking)
from . import regions as _rg  # noqa: E402 (tour inputs for morphology / labels / EDT)
from . import basins as _bs  # noqa: E402 (tour inputs for watershed / measurements / features)
from . import pixels as _px  # noqa: E402 (histograms, intensity maps and thresholds)

K7 = _dense_kernel((7, 7), seed=7)
K31 = _dense_kernel((31, 31), seed=31)
K1D = _dense_kernel((9,), seed=9)

ENTRIES = (
    # -- pixels: the dtype rules --------------------------------------------------------------
    Entry("invert", "pixels", "scratch.util.invert", "skimage.util.invert",
          tour_dtype="uint8", dtypes=FLOATS_AND_UINT8, compare=exact(),
          opencv=cv_invert, opencv_name="cv2.bitwise_not",
          note="255 - x for uint8, 1 - x for floats"),
    Entry("img_as_float", "pixels", "scratch.util.img_as_float", "skimage.util.img_as_float",
          tour_dtype="uint8", dtypes=("uint8",),
          note="uint8 -> float64 in [0, 1]"),
    # -- filters: scipy.ndimage ---------------------------------------------------------------
    Entry("gaussian_filter_s2", "filters", "scratch.ndimage.gaussian_filter",
          "scipy.ndimage.gaussian_filter", {"sigma": 2.0}, sample="camera",
          dtypes=FLOATS_AND_UINT8, opencv=cv_gaussian(2.0), opencv_name="cv2.GaussianBlur",
          note="separable Gaussian, sigma 2, reflect"),
    Entry("gaussian_filter_s8", "filters", "scratch.ndimage.gaussian_filter",
          "scipy.ndimage.gaussian_filter", {"sigma": 8.0}, sample="retina",
          dtypes=FLOATS_AND_UINT8, opencv=cv_gaussian(8.0), opencv_name="cv2.GaussianBlur",
          note="separable Gaussian, sigma 8 (65 taps)"),
    Entry("gaussian_filter_order1", "filters", "scratch.ndimage.gaussian_filter",
          "scipy.ndimage.gaussian_filter", {"sigma": 2.0, "order": (0, 1)}, sample="camera",
          note="Gaussian derivative along columns"),
    Entry("gaussian_filter_3d", "filters", "scratch.ndimage.gaussian_filter",
          "scipy.ndimage.gaussian_filter", {"sigma": 2.0}, sample="volume",
          bench_base=bench_volume, note="3-D Gaussian on a volume (bench: 64³, 256³, ...)"),
    Entry("gaussian_filter1d", "filters", "scratch.ndimage.gaussian_filter1d",
          "scipy.ndimage.gaussian_filter1d", {"sigma": 3.0, "axis": 0}, sample="coins",
          note="1-D Gaussian along axis 0"),
    Entry("gaussian_laplace", "filters", "scratch.ndimage.gaussian_laplace",
          "scipy.ndimage.gaussian_laplace", {"sigma": 2.0}, sample="cell",
          note="Laplacian of Gaussian"),
    Entry("correlate_7x7", "filters", "scratch.ndimage.correlate", "scipy.ndimage.correlate",
          sample="camera", args=with_kernel(K7), dtypes=FLOATS_AND_UINT8,
          opencv=cv_filter2d(), opencv_name="cv2.filter2D",
          note="dense asymmetric 7x7 kernel, direct loops"),
    Entry("convolve_7x7", "filters", "scratch.ndimage.convolve", "scipy.ndimage.convolve",
          sample="camera", args=with_kernel(K7), opencv=cv_filter2d(flip=True),
          opencv_name="cv2.filter2D", note="convolution = correlation with the flipped kernel"),
    Entry("correlate_31x31", "filters", "scratch.ndimage.correlate", "scipy.ndimage.correlate",
          sample="coins", args=with_kernel(K31), opencv=cv_filter2d(),
          opencv_name="cv2.filter2D", note="dense 31x31 kernel, direct (compare fftconvolve)"),
    Entry("fftconvolve_31x31", "filters", "scratch.signal.fftconvolve", "scipy.signal.fftconvolve",
          {"mode": "same"}, sample="coins", args=with_kernel(K31),
          opencv=cv_filter2d(flip=True, border="constant"), opencv_name="cv2.filter2D",
          note="frequency-domain convolution with a 31x31 kernel"),
    Entry("correlate1d", "filters", "scratch.ndimage.correlate1d", "scipy.ndimage.correlate1d",
          {"axis": 0}, sample="moon", args=with_kernel(K1D), note="9-tap kernel along axis 0"),
    Entry("convolve1d", "filters", "scratch.ndimage.convolve1d", "scipy.ndimage.convolve1d",
          {"axis": -1}, sample="moon", args=with_kernel(K1D), note="9-tap kernel along rows"),
    Entry("uniform_filter_5", "filters", "scratch.ndimage.uniform_filter",
          "scipy.ndimage.uniform_filter", {"size": 5}, sample="camera", dtypes=FLOATS_AND_UINT8,
          opencv=cv_blur(5), opencv_name="cv2.blur", note="5x5 local mean"),
    Entry("uniform_filter1d", "filters", "scratch.ndimage.uniform_filter1d",
          "scipy.ndimage.uniform_filter1d", {"size": 9, "axis": 0}, sample="moon",
          note="running mean of 9 along axis 0"),
    # -- filters: skimage.filters -------------------------------------------------------------
    Entry("gaussian", "filters", "scratch.filters.gaussian", "skimage.filters.gaussian",
          {"sigma": 2.0}, sample="immunohistochemistry", dtypes=FLOATS_AND_UINT8,
          opencv=cv_gaussian(2.0), opencv_name="cv2.GaussianBlur",
          note="skimage's gaussian: mode nearest, dtype rules"),
    Entry("gaussian_rgb", "filters", "scratch.filters.gaussian", "skimage.filters.gaussian",
          {"sigma": 3.0, "channel_axis": -1}, sample="astronaut", tour_dtype="uint8", rgb=True,
          dtypes=(), note="per-channel blur of a uint8 RGB image (tour only)"),
    Entry("sobel", "filters", "scratch.filters.sobel", "skimage.filters.sobel", sample="coins",
          dtypes=FLOATS_AND_UINT8, opencv=cv_sobel(), opencv_name="cv2.Sobel+magnitude",
          note="gradient magnitude / sqrt(2)"),
    Entry("sobel_h", "filters", "scratch.filters.sobel_h", "skimage.filters.sobel_h",
          sample="coins", opencv=cv_sobel(axis=0), opencv_name="cv2.Sobel",
          note="horizontal edges"),
    Entry("sobel_v", "filters", "scratch.filters.sobel_v", "skimage.filters.sobel_v",
          sample="coins", opencv=cv_sobel(axis=1), opencv_name="cv2.Sobel",
          note="vertical edges"),
    Entry("prewitt", "filters", "scratch.filters.prewitt", "skimage.filters.prewitt",
          sample="coins", note="Prewitt gradient magnitude"),
    Entry("prewitt_h", "filters", "scratch.filters.prewitt_h", "skimage.filters.prewitt_h",
          sample="coins", note="horizontal edges"),
    Entry("prewitt_v", "filters", "scratch.filters.prewitt_v", "skimage.filters.prewitt_v",
          sample="coins", note="vertical edges"),
    Entry("roberts", "filters", "scratch.filters.roberts", "skimage.filters.roberts",
          sample="camera", note="Roberts cross magnitude"),
    Entry("roberts_pos_diag", "filters", "scratch.filters.roberts_pos_diag",
          "skimage.filters.roberts_pos_diag", sample="camera", note="diagonal edges"),
    Entry("roberts_neg_diag", "filters", "scratch.filters.roberts_neg_diag",
          "skimage.filters.roberts_neg_diag", sample="camera", note="anti-diagonal edges"),
    Entry("laplace", "filters", "scratch.filters.laplace", "skimage.filters.laplace",
          sample="moon", opencv=cv_laplacian, opencv_name="cv2.Laplacian",
          note="3x3 discrete Laplacian"),
    Entry("difference_of_gaussians", "filters", "scratch.filters.difference_of_gaussians",
          "skimage.filters.difference_of_gaussians", {"low_sigma": 1.0, "high_sigma": 4.0},
          sample="blobs", note="band-pass: blobs of radius ~ 2-6 px"),
    Entry("unsharp_mask", "filters", "scratch.filters.unsharp_mask", "skimage.filters.unsharp_mask",
          {"radius": 2.0, "amount": 1.5}, sample="moon", note="sharpening"),
    # -- tracking ------------------------------------------------------------------------------
    Entry("linear_sum_assignment", "tracking", "scratch.optimize.linear_sum_assignment",
          "scipy.optimize.linear_sum_assignment", sample=particle_costs, dtypes=("float64",),
          bench_base=_lsa_bench_cost, sizes=(256, 1024, 2048), compare=same_total_cost(),
          picture=assignment_picture,
          note="optimal linking of 100 particles between frames (bench: random n x n cost)"),
    # -- tracking: nearest neighbours and linking (helpers in scratch/_tour/neighbours.py) ----
    Entry("distance_matrix", "tracking", "scratch.spatial.distance_matrix",
          "scipy.spatial.distance_matrix", sample=_nb.points, args=_nb.halves,
          dtypes=("float64",), bench_base=_nb.bench_points, sizes=(1000, 4000),
          note="all distances between two halves of 2,000 particles (brute force)"),
    Entry("kdtree_query", "tracking", "scratch._tour.neighbours.kdtree_query",
          "scratch._tour.neighbours_ref.kdtree_query", sample=_nb.points, args=_nb.halves,
          dtypes=("float64",), bench_base=_nb.bench_points, sizes=(10000, 100000, 1000000),
          compare=_nb.same_neighbours(), picture=_nb.distances_picture,
          note="KDTree build + 4 nearest neighbours of half the points vs scipy.spatial.KDTree"),
    Entry("optimal_links", "tracking", "scratch.tracking.optimal_links",
          "scratch._tour.neighbours_ref.optimal_links", {"max_distance": _nb.MAX_DISTANCE},
          sample=_nb.frames, args=_nb.two_frames, dtypes=("float64",),
          bench_base=_nb.bench_frames, sizes=(500, 2000), compare=_nb.same_links(),
          picture=_nb.links_picture,
          note="gated links with births/deaths vs SciPy's assignment on Jaqaman's block matrix"),
    Entry("link", "tracking", "scratch.tracking.link", "scratch._tour.neighbours_ref.link",
          {"max_distance": _nb.MAX_DISTANCE}, sample=_nb.frames, dtypes=("float64",),
          bench_base=_nb.bench_frames, sizes=(500, 2000), compare=_nb.same_links(),
          picture=_nb.tracks_picture,
          note="20 frames of 300 particles into tracks vs SciPy's assignment frame by frame"),
    # -- morphology, labels, distance transform (helpers in scratch/_tour/regions.py) -----------
    Entry("erosion_disk5", "morphology", "scratch.morphology.erosion", "skimage.morphology.erosion",
          {"footprint": _rg.DISK5}, sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_rg.cv_morphology(_rg.DISK5, "erode"), opencv_name="cv2.erode", compare=exact(),
          note="grey erosion by disk(5): running minima along the disk's runs"),
    Entry("dilation_disk5", "morphology", "scratch.morphology.dilation", "skimage.morphology.dilation",
          {"footprint": _rg.DISK5}, sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_rg.cv_morphology(_rg.DISK5, "dilate"), opencv_name="cv2.dilate", compare=exact(),
          note="grey dilation by disk(5)"),
    Entry("erosion_rect15", "morphology", "scratch.morphology.erosion", "skimage.morphology.erosion",
          {"footprint": _rg.RECT15}, sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_rg.cv_morphology(_rg.RECT15, "erode"), opencv_name="cv2.erode", compare=exact(),
          note="grey erosion by a 15 x 15 square: separable, O(1) per pixel"),
    Entry("dilation_rect15", "morphology", "scratch.morphology.dilation", "skimage.morphology.dilation",
          {"footprint": _rg.RECT15}, sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_rg.cv_morphology(_rg.RECT15, "dilate"), opencv_name="cv2.dilate", compare=exact(),
          note="grey dilation by a 15 x 15 square"),
    Entry("opening_disk5", "morphology", "scratch.morphology.opening", "skimage.morphology.opening",
          {"footprint": _rg.DISK5}, sample="coins", tour_dtype="uint8", dtypes=("uint8", "float64"),
          compare=exact(), note="grey opening: removes bright details smaller than the disk"),
    Entry("white_tophat_disk5", "morphology", "scratch.morphology.white_tophat",
          "skimage.morphology.white_tophat", {"footprint": _rg.DISK5}, sample="coins", tour_dtype="uint8",
          dtypes=("uint8", "float64"), compare=exact(), note="image minus its opening: small bright spots"),
    Entry("binary_erosion_disk5", "morphology", "scratch.morphology.binary_erosion",
          "skimage.morphology.binary_erosion", {"footprint": _rg.DISK5}, sample=_rg.blob_mask,
          tour_dtype="bool", dtypes=("uint8",), bench_base=_rg.bench_mask,
          opencv=_rg.cv_morphology(_rg.DISK5, "erode"), opencv_name="cv2.erode", compare=exact(),
          note="binary erosion of a blob mask (bench: a 0/1 uint8 mask)"),
    Entry("binary_dilation_rect15", "morphology", "scratch.morphology.binary_dilation",
          "skimage.morphology.binary_dilation", {"footprint": _rg.RECT15}, sample=_rg.blob_mask,
          tour_dtype="bool", dtypes=("uint8",), bench_base=_rg.bench_mask,
          opencv=_rg.cv_morphology(_rg.RECT15, "dilate"), opencv_name="cv2.dilate", compare=exact(),
          note="binary dilation of a blob mask by a 15 x 15 square"),
    Entry("remove_small_objects", "morphology", "scratch.morphology.remove_small_objects",
          "skimage.morphology.remove_small_objects", {"max_size": 64}, sample=_rg.blob_mask,
          tour_dtype="bool", dtypes=("uint8",), bench_base=_rg.bench_labels, compare=exact(),
          note="drop components of <= 64 pixels (labels + sizes; bench: a uint8 label image)"),
    Entry("label_conn1", "labels", "scratch.measure.label", "skimage.measure.label",
          {"connectivity": 1}, sample=_rg.blob_mask, tour_dtype="bool", dtypes=("uint8",),
          bench_base=_rg.bench_mask, opencv=_rg.cv_label(1), opencv_name="cv2.connectedComponents",
          compare=exact(), picture=_rg.labels_picture,
          note="4-connected components, two-pass union-find, raster-order numbering"),
    Entry("label_conn2", "labels", "scratch.measure.label", "skimage.measure.label",
          {"connectivity": 2}, sample=_rg.blob_mask, tour_dtype="bool", dtypes=("uint8",),
          bench_base=_rg.bench_mask, opencv=_rg.cv_label(2), opencv_name="cv2.connectedComponents",
          compare=exact(), picture=_rg.labels_picture, note="8-connected components"),
    Entry("distance_transform_edt", "watershed", "scratch.ndimage.distance_transform_edt",
          "scipy.ndimage.distance_transform_edt", sample=_rg.blob_mask, tour_dtype="bool",
          dtypes=("uint8",), bench_base=_rg.bench_mask, opencv=_rg.cv_distance,
          opencv_name="cv2.distanceTransform", compare=allclose(rtol=1e-12, atol=0.0),
          note="exact Euclidean distance to the background (lower envelopes of parabolas)"),
    # -- watershed and measurements (helpers in scratch/_tour/basins.py) ---------------------------
    Entry("watershed", "watershed", "scratch.segmentation.watershed", "skimage.segmentation.watershed",
          sample=_bs.nuclei_image, tour_dtype="uint16", args=_bs.watershed_args, dtypes=("uint16",),
          bench_base=_bs.bench_nuclei, opencv=_bs.cv_watershed, opencv_name="cv2.watershed",
          compare=exact(), picture=_bs.labels_picture,
          note="distance-transform watershed of touching nuclei, markers + mask, (value, age) heap"),
    Entry("watershed_line", "watershed", "scratch.segmentation.watershed", "skimage.segmentation.watershed",
          {"watershed_line": True}, sample=_bs.nuclei_image, tour_dtype="uint16", args=_bs.watershed_args,
          dtypes=("uint16",), bench_base=_bs.bench_nuclei, compare=exact(), picture=_bs.labels_picture,
          note="the same with one-pixel watershed lines"),
    Entry("regionprops_table", "measurements", "scratch.measure.regionprops_table",
          "skimage.measure.regionprops_table", {"properties": _bs.TABLE_PROPERTIES},
          sample=_bs.nuclei_image, tour_dtype="uint16", args=_bs.labels_args, dtypes=("uint16",),
          bench_base=_bs.bench_nuclei, compare=_bs.same_table(), picture=_bs.table_picture,
          note="10 properties of every nucleus: two sweeps of per-label moments, no per-region objects"),
    Entry("peak_local_max", "watershed", "scratch.feature.peak_local_max", "skimage.feature.peak_local_max",
          {"min_distance": 7}, sample=_bs.nuclei_image, tour_dtype="uint16", args=_bs.distance_args,
          dtypes=("uint16",), bench_base=_bs.bench_nuclei, compare=exact(), picture=_bs.peaks_picture,
          note="nuclei centres: maxima of the distance transform, greedily thinned to 7 px apart"),
    Entry("peak_local_max_labels", "watershed", "scratch.feature.peak_local_max",
          "skimage.feature.peak_local_max", sample=_bs.nuclei_image, tour_dtype="uint16",
          args=_bs.distance_labels_args, dtypes=("uint16",), bench_base=_bs.bench_nuclei, compare=exact(),
          picture=_bs.peaks_picture, note="the same, searched region by region (labels)"),
    Entry("canny", "filters", "scratch.feature.canny", "skimage.feature.canny", {"sigma": 2.0},
          sample="camera", tour_dtype="uint8", dtypes=FLOATS_AND_UINT8, bench_base=_bs.bench_camera,
          opencv=_bs.cv_canny(2.0, 25, 51), opencv_name="cv2.GaussianBlur+Canny", compare=exact(),
          note="Canny edges: gaussian, Sobel, bilinear non-maximum suppression, hysteresis"),
    # -- pixels: histograms and intensity maps (helpers in scratch/_tour/pixels.py) ------------
    Entry("histogram", "pixels", "scratch.exposure.histogram", "skimage.exposure.histogram",
          sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          compare=_px.same_histogram(), picture=_px.histogram_picture,
          note="one bin per integer value, or 256 equal bins for floats; one parallel pass"),
    Entry("equalize_hist", "pixels", "scratch.exposure.equalize_hist", "skimage.exposure.equalize_hist",
          sample="moon", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_px.cv_equalize_hist, opencv_name="cv2.equalizeHist",
          note="every pixel mapped through the cumulative histogram"),
    Entry("equalize_adapthist", "pixels", "scratch.exposure.equalize_adapthist",
          "skimage.exposure.equalize_adapthist", sample="moon", tour_dtype="uint8",
          dtypes=("uint8", "float64"), opencv=_px.cv_clahe, opencv_name="cv2.createCLAHE",
          compare=allclose(rtol=0, atol=0),
          note="CLAHE: clipped tile histograms, bilinear blend of tile maps (identical bits)"),
    Entry("equalize_adapthist_rgb", "pixels", "scratch.exposure.equalize_adapthist",
          "skimage.exposure.equalize_adapthist", {"kernel_size": 64}, sample="astronaut",
          tour_dtype="uint8", rgb=True, dtypes=(), note="CLAHE on the HSV value of an RGB image"),
    Entry("rescale_intensity", "pixels", "scratch.exposure.rescale_intensity",
          "skimage.exposure.rescale_intensity", {"in_range": (0.2, 0.8)}, sample="camera",
          dtypes=("uint8", "float64"), note="contrast stretch of [0.2, 0.8] (uint8: a look-up table)"),
    Entry("adjust_gamma", "pixels", "scratch.exposure.adjust_gamma", "skimage.exposure.adjust_gamma",
          {"gamma": 0.5}, sample="moon", tour_dtype="uint8", dtypes=("uint8", "float64"),
          opencv=_px.cv_lut, opencv_name="cv2.LUT", compare=allclose(),
          note="power law I**0.5 (brightens)"),
    Entry("adjust_log", "pixels", "scratch.exposure.adjust_log", "skimage.exposure.adjust_log",
          sample="moon", tour_dtype="uint8", dtypes=("uint8", "float64"), note="log2(1 + I)"),
    Entry("adjust_sigmoid", "pixels", "scratch.exposure.adjust_sigmoid",
          "skimage.exposure.adjust_sigmoid", {"cutoff": 0.4, "gain": 8}, sample="moon",
          tour_dtype="uint8", dtypes=("uint8", "float64"), note="S-curve around 0.4"),
    # -- thresholds (helpers in scratch/_tour/pixels.py) -----------------------------------------
    Entry("threshold_otsu", "thresholds", "scratch.filters.threshold_otsu",
          "skimage.filters.threshold_otsu", sample="coins", tour_dtype="uint8",
          dtypes=("uint8", "float64"), opencv=_px.cv_otsu, opencv_name="cv2.threshold(OTSU)",
          compare=_px.same_threshold(), picture=_px.mask_picture,
          note="maximal between-class variance"),
    Entry("threshold_isodata", "thresholds", "scratch.filters.threshold_isodata",
          "skimage.filters.threshold_isodata", sample="coins", tour_dtype="uint8",
          dtypes=("uint8", "float64"), compare=_px.same_threshold(), picture=_px.mask_picture,
          note="Ridler-Calvard: t = (mean below + mean above) / 2"),
    Entry("threshold_triangle", "thresholds", "scratch.filters.threshold_triangle",
          "skimage.filters.threshold_triangle", sample="cell", tour_dtype="uint8",
          dtypes=("uint8", "float64"), opencv=_px.cv_triangle, opencv_name="cv2.threshold(TRIANGLE)",
          compare=_px.same_threshold(), picture=_px.mask_picture,
          note="farthest bin below the peak-to-tail line"),
    Entry("threshold_mean", "thresholds", "scratch.filters.threshold_mean",
          "skimage.filters.threshold_mean", sample="coins", tour_dtype="uint8",
          dtypes=("uint8", "float64"), compare=_px.same_threshold(), picture=_px.mask_picture,
          note="the mean intensity"),
    Entry("threshold_minimum", "thresholds", "scratch.filters.threshold_minimum",
          "skimage.filters.threshold_minimum", sample="camera", tour_dtype="uint8",
          dtypes=("uint8", "float64"), compare=_px.same_threshold(), picture=_px.mask_picture,
          note="valley between the two maxima of the smoothed histogram"),
    Entry("threshold_li", "thresholds", "scratch.filters.threshold_li", "skimage.filters.threshold_li",
          sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          compare=_px.same_threshold(), picture=_px.mask_picture,
          note="minimum cross-entropy, iterated"),
    Entry("threshold_yen", "thresholds", "scratch.filters.threshold_yen", "skimage.filters.threshold_yen",
          sample="camera", tour_dtype="uint8", dtypes=("uint8", "float64"),
          compare=_px.same_threshold(), picture=_px.mask_picture,
          note="maximal entropic correlation"),
    Entry("threshold_multiotsu", "thresholds", "scratch.filters.threshold_multiotsu",
          "skimage.filters.threshold_multiotsu", sample="camera", tour_dtype="uint8",
          dtypes=("uint8", "float64"), compare=_px.same_threshold(), picture=_px.mask_picture,
          note="two thresholds, three classes (Liao's look-up terms, exhaustive search)"),
    Entry("threshold_local", "thresholds", "scratch.filters.threshold_local",
          "skimage.filters.threshold_local", {"block_size": 35, "offset": 0.02}, sample="page",
          dtypes=("uint8", "float64"), picture=_px.local_mask_picture,
          note="Gaussian-weighted local mean minus an offset (uneven illumination)"),
    Entry("threshold_local_mean", "thresholds", "scratch.filters.threshold_local",
          "skimage.filters.threshold_local", {"block_size": 35, "method": "mean", "offset": 0.02},
          sample="page", dtypes=("uint8", "float64"), opencv=_px.cv_adaptive_mean(35),
          opencv_name="cv2.adaptiveThreshold", picture=_px.local_mask_picture,
          note="local mean (running sums) minus an offset"),
)

#: The chapters of the course, in the order it teaches them; the tour follows this order.
COURSE_ORDER = ("pixels", "filters", "thresholds", "morphology", "labels", "watershed", "measurements",
                "tracking")
ENTRIES = tuple(sorted(ENTRIES, key=lambda entry: COURSE_ORDER.index(entry.family)))  # stable


def select(patterns=None, entries=ENTRIES):
    """Entries named by ``patterns``: an exact name wins, otherwise a substring of the name.

    Parameters
    ----------
    patterns : sequence of str or None
        ``None`` or empty selects every entry.  Matching is case-insensitive.
    entries : sequence of Entry
        The catalogue to select from.

    Returns
    -------
    list of Entry
        In catalogue order.

    Raises
    ------
    KeyError
        If a pattern matches nothing.
    """
    if not patterns:
        return list(entries)
    chosen = set()
    for pattern in patterns:
        p = pattern.lower()
        exact_hits = [e.name for e in entries if e.name.lower() == p]
        hits = exact_hits or [e.name for e in entries if p in e.name.lower()]
        if not hits:
            raise KeyError(f"no catalogue entry matches {pattern!r}")
        chosen.update(hits)
    return [e for e in entries if e.name in chosen]


def _check_unique(entries):
    names = [e.name for e in entries]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"duplicate catalogue names: {dupes}")


_check_unique(ENTRIES)
