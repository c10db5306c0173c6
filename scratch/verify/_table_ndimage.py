"""Case tables of scipy.ndimage (correlation, the linear filters, labeling, the distance
transform) and of scipy.signal.fftconvolve.

The filters take any number of dimensions (1-D and 4-D cases sit in the shapes layer), every
boundary mode, ``origin`` and an ``output`` dtype; an integer or bool input gives an output of
the same dtype (SciPy casts the float result), compared exactly.  Kernels, footprints and
structures are :class:`~._inputs.Input` recipes built from the case's seed, with one fixed
shape per dimension (the ``args`` of :func:`~._builders.image_spec`); the ``extra`` cases add
other kernel shapes, sigmas, sizes and origins on one sample image, so that the positional
argument varies too.  ``sigma`` and ``size`` stay positional as in the reference's examples,
and the keyword grid sweeps the rest.

* ``ndimage.label`` returns ``(labels, n)``: :func:`~._compare.labels` then
  :func:`~._compare.scalar` (``n`` is a Python ``int``).
* ``distance_transform_edt`` returns distances, feature indices, or both; indices are exact
  where the nearest background element is unique, and where several are equally near any of
  them is right (SciPy's Maurer algorithm and a lower-envelope one choose differently):
  :func:`_feature_indices`, the contract of ``reference_tests/test_edt.py``.
* ``fftconvolve``: every sample carries an absolute round-off of a few ε·max|result| (each is a
  sum over the whole spectrum), so :func:`_fft_close` uses ``atol = 1e-12·max|ref|`` (float64)
  or ``1e-5·max|ref|`` (single precision), the tolerance ``reference_tests/test_signal.py``
  states and measures.
"""

import numpy as np

from ._builders import ALL_DTYPES, image_spec, rand, sample, scene
from ._compare import PASS, Verdict, close, each, exact, labels, scalar
from ._core import Case, Spec, register
from ._inputs import Input, case_seed

FILTERING = "02 filtering"
ND = "scipy.ndimage."
SND = "scratch.ndimage."

MODES = ("reflect", "mirror", "nearest", "wrap", "constant", "grid-mirror", "grid-wrap", "grid-constant")
MODE_GRID = ({"mode": "mirror"}, {"mode": "nearest"}, {"mode": "wrap"}, {"mode": "constant", "cval": 1.5},
             {"mode": "grid-constant", "cval": -0.5}, {"mode": "grid-mirror"}, {"mode": "grid-wrap"})


# --- helpers ---------------------------------------------------------------------------------


def _ndim(inp):
    """The number of dimensions of the array an Input builds (without building it)."""
    p = inp.params
    if "shape" in p:
        return len(p["shape"])
    if "crop" in p:
        return len(p["crop"])
    return int(np.ndim(p.get("values", 0)))


def _weights(shape, seed, low=-1.0, high=1.0):
    return Input("random", shape=tuple(shape), dtype="float64", seed=seed, low=low, high=high)


def _arr(values, dtype=None):
    return Input("array", values=values, dtype=dtype) if dtype else Input("array", values=values)


def _float_sample(level, name="camera"):
    return sample(name, 128 if level == "full" else 48, "float64")


def _glabel(kw):
    return ", ".join(f"{k}={v!r}" for k, v in kw.items()) or "defaults"


def _seed(name, seed, *parts):
    return case_seed(name, seed, *parts)


def _other_ndims(name, seed, make_args, kwargs=None, radius=0, shapes=((23,), (3, 4, 2, 5))):
    """1-D and 4-D inputs (the generic layers cover 2-D and 3-D)."""
    out = []
    for sh in shapes:
        sd = _seed(name, seed, "nd", sh)
        img = rand(sh, "float64", sd)
        out.append(Case("shapes", "×".join(map(str, sh)), (img, *make_args(img, sd)), dict(kwargs or {}),
                        radius=radius))
    return out


def _complex_case(name, seed, make_args, kwargs=None, radius=0):
    """A complex128 image: SciPy filters the real and imaginary parts."""
    sd = _seed(name, seed, "complex")
    img = Input("random", shape=(16, 16), dtype="complex128", seed=sd)
    return Case("dtypes", "complex128", (img, *make_args(img, sd)), dict(kwargs or {}), radius=radius)




# --- correlate, convolve ---------------------------------------------------------------------

DENSE_SHAPE = {1: (5,), 2: (3, 4), 3: (3, 2, 3), 4: (2, 3, 2, 2)}


def _dense_args(img, seed):
    return (_weights(DENSE_SHAPE[max(1, _ndim(img))], seed),)


def _dense_radius(kw):
    origin = np.abs(np.atleast_1d(kw.get("origin", 0))).max()
    return 2 + int(origin)


def _dense_extra(name):
    def extra(level, seed):
        cases = []
        img = _float_sample(level)
        for shape, kw in (((1, 1), {}), ((1, 5), {"mode": "wrap"}), ((5, 1), {"mode": "constant", "cval": 2.0}),
                          ((2, 2), {}), ((2, 2), {"mode": "mirror", "origin": -1}), ((7, 7), {"mode": "nearest"}),
                          ((4, 3), {"origin": (1, -1)}), ((6, 6), {"mode": "grid-wrap", "origin": (-3, 2)}),
                          ((5, 5), {"origin": (2, -2), "mode": "reflect"})):
            sd = _seed(name, seed, "kernel", shape, _glabel(kw))
            rad = max(shape) // 2 + int(np.abs(np.atleast_1d(kw.get("origin", 0))).max())
            cases.append(Case("values", f"camera float64, {shape[0]}×{shape[1]} kernel, {_glabel(kw)}",
                              (img, _weights(shape, sd)), kw, radius=rad))
        sd = _seed(name, seed, "int-weights")
        cases.append(Case("values", "coins uint8, 3×3 integer kernel",
                          (sample("coins", 48, "uint8"), Input("random", shape=(3, 3), dtype="int64", seed=sd,
                                                               low=-2, high=2)), {}, radius=1))
        for out in ("float32", np.float64, np.int16, "uint8"):
            sd = _seed(name, seed, "output", str(out))
            cases.append(Case("values", f"uint8 image, output={np.dtype(out)}",
                              (sample("camera", 48, "uint8"), _weights((3, 3), sd, 0.0, 0.3)), {"output": out},
                              radius=1))
        vol = rand((6, 7, 8), "float64", _seed(name, seed, "axes"))
        for axes, shape in (((0, 2), (3, 3)), ((-1,), (5,)), ((2, 0), (2, 3))):
            sd = _seed(name, seed, "axes", axes)
            cases.append(Case("values", f"volume, axes={axes}", (vol, _weights(shape, sd)),
                              {"axes": axes, "origin": 1 if shape[0] > 2 else 0}, radius=3))
        cases.append(Case("values", "tiny weights (SciPy skips |w| <= eps)",
                          (img, _arr([[1e-17, 0.5], [2.0, -1e-300]])), {}, radius=1))
        cases.append(Case("edge cases", "0-d input and weights", (_arr(3.0), _arr(2.0)), {}))
        cases.append(Case("edge cases", "kernel larger than the image",
                          (rand((3, 4), "float64", _seed(name, seed, "big")), _weights((7, 9), seed)), {},
                          radius=4))
        # SciPy's n-D 'reflect' reads one element before the image when the kernel reaches
        # four image lengths past the edge (reference_tests/test_ndimage.py::test_scipy_reflect_bug)
        image = _arr([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        delta = _arr([[1.0]] + [[0.0]] * 8) if name == "correlate" else _arr([[0.0]] * 8 + [[1.0]])
        origin = (4, 0) if name == "correlate" else (-4, 0)
        cases.append(Case("edge cases", "reflect, kernel reaching 4 lengths past the edge",
                          (image, delta), {"mode": "reflect", "origin": origin}, radius=4, known="scipy-reflect"))
        cases.extend(_other_ndims(name, seed, _dense_args, radius=2))
        cases.append(_complex_case(name, seed, _dense_args, radius=2))
        return cases
    return extra


def _dense_bad(name):
    def w(shape):
        return lambda img, sd: (img, _weights(shape, sd))
    return [
        ("weights of another ndim", w((3,)), {}),
        ("mode='foo'", {"mode": "foo"}),
        ("a mode per axis (not taken by correlate)", {"mode": ["wrap", "constant"]}),
        ("origin out of range", {"origin": 3}),
        ("origin of the wrong length", {"origin": [1, 0, 0]}),
        ("float origin", {"origin": 0.5}),
        ("output=float16", {"output": "float16"}),
        ("output='S3'", {"output": "S3"}),
        ("output array of the wrong shape", {"output": Input("constant", shape=(2, 2), dtype="float64")}),
        ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), _weights((3, 3), sd)), {}),
        ("string input", lambda img, sd: (_arr(["a", "b"]), _arr([1.0])), {}),
        ("repeated axes", w((3,)), {"axes": (1, 1)}),
        ("axes out of range", w((3,)), {"axes": (2,)}),
        ("cval a string", {"mode": "constant", "cval": "x"}),
        ("empty weights", lambda img, sd: (img, Input("constant", shape=(0, 3), dtype="float64")), {}),
    ]


for _name in ("correlate", "convolve"):
    image_spec(_name, ND + _name, SND + _name, chapter=FILTERING, dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4),
               grid=({}, *MODE_GRID, {"origin": 1}, {"origin": (-1, 1), "mode": "constant"}),
               args=_dense_args, radius=_dense_radius, value_dtypes=("float64",),
               bad=_dense_bad(_name), extra=_dense_extra(_name),
               aliases=(f"scipy.ndimage.filters.{_name}",))


# --- correlate1d, convolve1d -----------------------------------------------------------------


def _line_args(img, seed):
    return (_weights((5,), seed),)


def _line_radius(kw):
    return 2 + abs(int(kw.get("origin", 0)))


def _line_extra(name):
    def extra(level, seed):
        cases = []
        img = _float_sample(level)
        for label, weights, kw in (
                ("symmetric [1, 2, 4, 2, 1]", [1.0, 2.0, 4.0, 2.0, 1.0], {}),
                ("antisymmetric [-1, 0, 1]", [-1.0, 0.0, 1.0], {"axis": 0}),
                ("one weight", [2.5], {"mode": "constant"}),
                ("two weights", [1.0, -1.0], {"axis": 0, "mode": "wrap"}),
                ("two weights, origin=-1", [0.25, 0.75], {"origin": -1}),
                ("a list of ints", [1, 2, 1], {"mode": "nearest"})):
            cases.append(Case("values", f"camera float64, {label}, {_glabel(kw)}", (img, list(weights)), kw,
                              radius=len(weights) // 2 + 1))
        for n, kw in ((8, {"origin": 3, "mode": "mirror"}), (11, {"axis": 0, "origin": -5, "mode": "grid-wrap"})):
            sd = _seed(name, seed, "long", n)
            cases.append(Case("values", f"camera float64, {n} weights, {_glabel(kw)}", (img, _weights((n,), sd)), kw,
                              radius=n))
        for out in ("float32", np.int16):
            sd = _seed(name, seed, "output", str(out))
            cases.append(Case("values", f"uint8 image, output={np.dtype(out)}",
                              (sample("camera", 48, "uint8"), _weights((5,), sd, 0.0, 0.3)), {"output": out},
                              radius=2))
        for axis in (0, 1, 2):
            sd = _seed(name, seed, "vol", axis)
            cases.append(Case("values", f"volume, axis={axis}", (rand((6, 7, 8), "float64", sd), _weights((5,), sd)),
                              {"axis": axis}, radius=2))
        sd = _seed(name, seed, "rgb")
        cases.append(Case("values", "RGB-like 20×21×3, axis=1", (rand((20, 21, 3), "float64", sd), [0.25, 0.5, 0.25]),
                          {"axis": 1, "mode": "constant", "cval": 0.5}, radius=1))
        cases.extend(_other_ndims(name, seed, _line_args, radius=2))
        cases.append(_complex_case(name, seed, _line_args, radius=2))
        return cases
    return extra


LINE_BAD = [
    ("no weights", lambda img, sd: (img, []), {}),
    ("2-D weights", lambda img, sd: (img, _weights((2, 2), sd)), {}),
    ("axis out of range", {"axis": 3}),
    ("origin out of range", {"origin": 3}),
    ("mode='nope'", {"mode": "nope"}),
    ("0-d input", lambda img, sd: (_arr(3.0), [2.0]), {}),
    ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), [1.0, 2.0]), {}),
    ("output=float16", {"output": "float16"}),
]

for _name in ("correlate1d", "convolve1d"):
    image_spec(_name, ND + _name, SND + _name, chapter=FILTERING, dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4),
               grid=({}, {"axis": 0}, *MODE_GRID, {"origin": 2}, {"origin": -2, "axis": 0, "mode": "constant"}),
               args=_line_args, radius=_line_radius, value_dtypes=("float64",),
               bad=LINE_BAD, extra=_line_extra(_name), aliases=(f"scipy.ndimage.filters.{_name}",))


# --- gaussian_filter, gaussian_filter1d, gaussian_laplace ------------------------------------

SIGMA = 1.5


def _sigma_args(img, seed):
    return (SIGMA,)


def _gauss_radius(sigma=SIGMA):
    def rad(kw):
        if kw.get("radius") is not None:
            return int(np.max(kw["radius"]))
        s = float(np.max(sigma))
        return int(kw.get("truncate", 4.0) * s + 0.5)
    return rad


def _sigma_extra(name, sigmas, kwargs_for_volume):
    """Other sigmas (positional, as the reference's examples pass it) on one sample."""
    def extra(level, seed):
        cases = []
        img = _float_sample(level)
        for sigma, kw in sigmas:
            cases.append(Case("values", f"camera float64, sigma={sigma!r}, {_glabel(kw)}", (img, sigma), kw,
                              radius=_gauss_radius(sigma)(kw)))
        for sigma, kw in kwargs_for_volume:
            sd = _seed(name, seed, "vol", repr(sigma), _glabel(kw))
            cases.append(Case("values", f"volume, sigma={sigma!r}, {_glabel(kw)}",
                              (rand((6, 7, 8), "float64", sd), sigma), kw, radius=_gauss_radius(sigma)(kw)))
        for out in ("float32", np.uint8):
            cases.append(Case("values", f"uint8 image, output={np.dtype(out)}",
                              (sample("coins", 48, "uint8"), SIGMA), {"output": out}, radius=_gauss_radius()({})))
        cases.extend(_other_ndims(name, seed, _sigma_args, radius=_gauss_radius()({})))
        cases.append(_complex_case(name, seed, _sigma_args, radius=_gauss_radius()({})))
        return cases
    return extra


image_spec("gaussian_filter", ND + "gaussian_filter", SND + "gaussian_filter", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), args=_sigma_args, radius=_gauss_radius(),
           grid=({}, {"order": 1}, {"order": 2, "mode": "nearest"}, {"order": (0, 2)}, {"order": (1, 1), "mode": "wrap"},
                 {"mode": "constant", "cval": 0.5}, {"mode": "mirror"}, {"mode": "grid-constant"},
                 {"truncate": 2.0}, {"radius": 3}, {"mode": ["reflect", "constant"]}, {"axes": (1,)}),
           value_dtypes=("float64",),
           bad=[("order=-1", {"order": -1}), ("radius=-1", {"radius": -1}),
                ("sigma of the wrong length", lambda img, sd: (img, [1.0, 2.0, 3.0]), {}),
                ("order of the wrong length", {"order": (0, 1, 2)}),
                ("mode='foo'", {"mode": "foo"}), ("a mode per axis, one unknown", {"mode": ["reflect", "foo"]}),
                ("axes out of range", {"axes": (2,)}),
                ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), SIGMA), {})],
           extra=_sigma_extra("gaussian_filter",
                              [(0.0, {}), (0.5, {}), (3.0, {"mode": "constant"}), ((0.5, 2.0), {}),
                               ((2.0, 0.0), {"order": (1, 0)}), (1.0, {"order": 3}), (0.3, {"order": 2}),
                               (2.0, {"truncate": 0.1}), (2.0, {"radius": 0}), ((1.0, 2.0), {"radius": (2, 4)})],
                              [((1.0, 2.0, 0.5), {}), (1.0, {"axes": (2, 0), "order": 1}),
                               (1.0, {"mode": ["reflect", "constant", "wrap"], "cval": 2.0})]),
           aliases=("scipy.ndimage.filters.gaussian_filter",))

image_spec("gaussian_filter1d", ND + "gaussian_filter1d", SND + "gaussian_filter1d", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), args=_sigma_args, radius=_gauss_radius(),
           grid=({}, {"axis": 0}, {"order": 1}, {"order": 2, "axis": 0, "mode": "constant"}, {"order": 3},
                 {"mode": "nearest"}, {"mode": "wrap"}, {"mode": "mirror"}, {"mode": "grid-wrap"},
                 {"truncate": 2.0}, {"radius": 2}),
           value_dtypes=("float64",),
           bad=[("order=-1", {"order": -1}), ("radius=-1", {"radius": -1}), ("axis out of range", {"axis": 2}),
                ("mode='foo'", {"mode": "foo"}),
                ("sigma=0 (SciPy divides by it)", lambda img, sd: (img, 0.0), {}),
                ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), SIGMA), {})],
           extra=_sigma_extra("gaussian_filter1d",
                              [(0.5, {"axis": 0}), (4.0, {"mode": "constant"}), (1.0, {"order": 1, "truncate": 1.0}),
                               (2.0, {"radius": 0})],
                              [(1.0, {"axis": 1, "order": 1})]),
           aliases=("scipy.ndimage.filters.gaussian_filter1d",))

image_spec("gaussian_laplace", ND + "gaussian_laplace", SND + "gaussian_laplace", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), args=_sigma_args, radius=_gauss_radius(),
           grid=({}, {"mode": "nearest"}, {"mode": "constant", "cval": 0.5}, {"mode": "wrap"}, {"mode": "mirror"},
                 {"truncate": 2.0}, {"radius": 3}, {"axes": (0,)}, {"mode": ["reflect", "wrap"]}),
           value_dtypes=("float64",),
           bad=[("mode='foo'", {"mode": "foo"}),
                ("sigma of the wrong length", lambda img, sd: (img, [1.0, 2.0, 3.0]), {}),
                ("radius=-1", {"radius": -1}),
                ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), SIGMA), {})],
           extra=_sigma_extra("gaussian_laplace",
                              [(0.0, {}), (0.7, {}), (3.0, {"mode": "constant"}), ((1.0, 2.5), {})],
                              [((1.0, 2.0, 1.0), {}), (1.0, {"axes": (2, 0)}),
                               (1.0, {"mode": ["reflect", "constant", "wrap"]})]),
           aliases=("scipy.ndimage.filters.gaussian_laplace",))


# --- uniform_filter, uniform_filter1d --------------------------------------------------------


def _size_radius(default):
    def rad(kw):
        size = int(np.max(kw.get("size", default)))
        return size // 2 + int(np.abs(np.atleast_1d(kw.get("origin", 0))).max())
    return rad


def _uniform_extra(level, seed):
    cases = []
    img = _float_sample(level)
    for kw in ({"size": 7, "mode": "constant"}, {"size": (1, 9)}, {"size": (9, 1), "mode": "wrap"},
               {"size": 48, "mode": "nearest"}, {"size": 60, "mode": "reflect"}):
        cases.append(Case("values", f"camera float64, {_glabel(kw)}", (img,), kw, radius=_size_radius(3)(kw)))
    for out in ("float32", np.uint8):
        cases.append(Case("values", f"uint8 image, output={np.dtype(out)}", (sample("coins", 48, "uint8"),),
                          {"output": out}, radius=1))
    for kw in ({"size": (3, 4, 2)}, {"size": 4, "axes": (2, 0)}, {"mode": ["reflect", "constant", "wrap"]}):
        sd = _seed("uniform_filter", seed, "vol", _glabel(kw))
        cases.append(Case("values", f"volume, {_glabel(kw)}", (rand((6, 7, 8), "float64", sd),), kw, radius=2))
    cases.append(Case("edge cases", "uint8 checkerboard, size=2", (_arr([[0, 255], [255, 0]], "uint8"),),
                      {"size": 2}, radius=1))
    cases.append(Case("edge cases", "size=0 (no filtering)", (img,), {"size": 0}))
    cases.extend(_other_ndims("uniform_filter", seed, lambda img, sd: (), radius=1))
    cases.append(_complex_case("uniform_filter", seed, lambda img, sd: (), radius=1))
    return cases


image_spec("uniform_filter", ND + "uniform_filter", SND + "uniform_filter", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), radius=_size_radius(3),
           grid=({}, {"size": 5}, {"size": (4, 7)}, {"size": 2}, {"size": 4, "origin": 1}, {"size": 1},
                 {"size": (3, 5), "origin": (-1, 2), "mode": "constant", "cval": 1.5}, *MODE_GRID),
           value_dtypes=("float64",),
           bad=[("size of the wrong length", {"size": (3, 3, 3)}), ("mode='foo'", {"mode": "foo"}),
                ("origin out of range", {"size": 3, "origin": 2}), ("axes repeated", {"axes": (0, 0)}),
                ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd),), {})],
           extra=_uniform_extra, aliases=("scipy.ndimage.filters.uniform_filter",))


def _size_args(img, seed):
    return (5,)


def _uniform1d_extra(level, seed):
    cases = []
    img = _float_sample(level)
    for size, kw in ((1, {}), (2, {"axis": 0}), (8, {"origin": -4, "mode": "wrap"}), (31, {"mode": "constant"}),
                     (3, {"origin": 1, "mode": "mirror"})):
        cases.append(Case("values", f"camera float64, size={size}, {_glabel(kw)}", (img, size), kw,
                          radius=size // 2 + abs(kw.get("origin", 0))))
    for axis in (0, 2):
        sd = _seed("uniform_filter1d", seed, "vol", axis)
        cases.append(Case("values", f"volume, axis={axis}", (rand((6, 7, 8), "float64", sd), 4), {"axis": axis},
                          radius=2))
    cases.append(Case("values", "uint8 image, output=float32", (sample("coins", 48, "uint8"), 5),
                      {"output": "float32"}, radius=2))
    cases.extend(_other_ndims("uniform_filter1d", seed, _size_args, radius=2))
    cases.append(_complex_case("uniform_filter1d", seed, _size_args, radius=2))
    return cases


image_spec("uniform_filter1d", ND + "uniform_filter1d", SND + "uniform_filter1d", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), args=_size_args, radius=lambda kw: 2 + abs(kw.get("origin", 0)),
           grid=({}, {"axis": 0}, {"origin": 2}, {"origin": -2, "axis": 0}, *MODE_GRID),
           value_dtypes=("float64",),
           bad=[("size=0", lambda img, sd: (img, 0), {}), ("origin out of range", {"origin": 3}),
                ("mode='foo'", {"mode": "foo"}), ("axis out of range", {"axis": 3}),
                ("float16 input", lambda img, sd: (rand((8, 8), "float16", sd), 5), {})],
           extra=_uniform1d_extra, aliases=("scipy.ndimage.filters.uniform_filter1d",))


# --- distance_transform_edt ------------------------------------------------------------------


def _feature_indices():
    """Feature transforms: int32 of shape (ndim,) + shape; equal to the reference's wherever the
    nearest background element is unique; elsewhere another background element at the same
    distance (a tie, where the algorithms may choose differently)."""

    def compare(ref, out, context=None):
        ref = np.asarray(ref)
        verdict = exact()(ref, out, context)
        if verdict.ok or verdict.stats.get("mismatches") is None:
            return verdict
        out = np.asarray(out)
        image = np.atleast_1d(np.asarray(context.args[0]))
        if ref.shape != (image.ndim,) + image.shape:
            return verdict
        sampling = context.kwargs.get("sampling")
        scale = np.ones(image.ndim) if sampling is None else \
            np.abs(np.broadcast_to(np.asarray(sampling, dtype=float), (image.ndim,)))
        grid = np.indices(image.shape)
        shape1 = (-1,) + (1,) * image.ndim

        def dist(idx):
            return np.sqrt((((idx - grid) * scale.reshape(shape1)) ** 2).sum(0))

        if out.min() < 0 or any((out[k] >= image.shape[k]).any() for k in range(image.ndim)):
            return Verdict(False, "feature indices outside the image", verdict.detail, "fail", verdict.stats)
        if image[tuple(out)].any():
            bad = image[tuple(out)] != 0
            return Verdict(False, "feature indices point at foreground elements",
                           f"{int(bad.sum())} indices point at a non-zero element; " + verdict.detail, "fail",
                           verdict.stats)
        d_ref, d_out = dist(ref), dist(out)
        far = ~np.isclose(d_out, d_ref, rtol=1e-12, atol=1e-12)
        if far.any():
            return Verdict(False, "feature indices point at a background element that is not the nearest",
                           f"{int(far.sum())} elements; " + verdict.detail, "fail", verdict.stats)
        return PASS

    compare.kind = "feature_indices"
    return compare


def _edt_compare():
    distances, indices = close(), _feature_indices()
    both = each(distances, indices)

    def compare(ref, out, context=None):
        kw = context.case.kwargs if context is not None else {}
        want_d = kw.get("return_distances", True)
        want_i = kw.get("return_indices", False)
        if want_d and want_i:
            return both(ref, out, context)
        if want_i:
            return indices(ref, out, context)
        return distances(ref, out, context)

    compare.kind = "edt"
    return compare


def _foreground(high):
    """An ``image=`` builder of foreground/background images: bool half and half, integers
    0..``high``, floats 0 or 0.7; the scene is a blobs mask (disks of foreground)."""

    def make(shape, dtype, seed):
        if dtype == "scene":
            return scene(shape[0], seed, part="mask")
        if dtype == "bool":
            return Input("random", shape=tuple(shape), dtype="bool", seed=seed)
        if np.dtype(dtype).kind in "iu":
            return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0, high=high)
        return Input("two_valued", shape=tuple(shape), dtype=dtype, low=0.0, high=0.7, seed=seed)

    return make


_mask = _foreground(11)        # distance_transform_edt: many foreground values
_label_image = _foreground(2)  # ndimage.label: two foreground values, one component as SciPy sees it


DOC_IMAGE = [[0, 1, 1, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 1, 1, 0, 0]]


def _edt_extra(level, seed):
    cases = []
    size = 128 if level == "full" else 48
    nuclei = Input("nuclei", shape=(size, size), n=max(3, size // 8), seed=_seed("edt", seed, "nuclei"), part="mask")
    for kw in ({}, {"return_indices": True}, {"sampling": (0.5, 2.0), "return_indices": True}):
        cases.append(Case("values", f"nuclei mask, {_glabel(kw)}", (nuclei,), kw))
    labels_img = Input("blobs", shape=(size, size), n=4, radius=size // 8, seed=_seed("edt", seed, "labels"),
                       part="labels", dtype="int32")
    cases.append(Case("values", "blobs label image int32", (labels_img,), {}))
    sd = _seed("edt", seed, "sparse")
    cases.append(Case("values", "sparse background (uint8 0..60)",
                      (Input("random", shape=(33, 29), dtype="uint8", seed=sd, low=0, high=60),),
                      {"return_indices": True}))
    cases.append(Case("values", "doc example", (_arr(DOC_IMAGE),), {"return_indices": True}))
    cases.append(Case("values", "doc example, sampling=[2, 1]", (_arr(DOC_IMAGE),), {"sampling": [2, 1]}))
    cases.append(Case("edge cases", "a single background element",
                      (_arr([[1] * 10] * 3 + [[1] * 7 + [0] + [1] * 2] + [[1] * 10] * 5),), {"return_indices": True}))
    cases.append(Case("edge cases", "zero spacing along one axis", (_arr(DOC_IMAGE),), {"sampling": (0.0, 1.5)}))
    cases.append(Case("edge cases", "all foreground", (Input("constant", shape=(5, 6), value=1),),
                      {"return_indices": True}))
    cases.append(Case("edge cases", "0-d input", (_arr(1),), {}))
    cases.append(Case("edge cases", "0-d input, indices", (_arr(0),), {"return_indices": True}))
    for sh, kw in (((30,), {"return_indices": True}), ((4, 5, 3, 6), {"sampling": 0.5}),
                   ((9, 10, 11), {"sampling": (1.0, 0.5, 2.0), "return_indices": True}),
                   ((1, 40), {}), ((40, 1), {"return_indices": True})):
        sd = _seed("edt", seed, "nd", sh)
        cases.append(Case("shapes", "×".join(map(str, sh)) + (f", {_glabel(kw)}" if kw else ""),
                          (Input("random", shape=sh, dtype="uint8", seed=sd, low=0, high=5),), kw))
    # SciPy assumes positive spacings (reference_tests/test_edt.py::test_negative_sampling_reference_bug)
    cases.append(Case("edge cases", "negative sampling", (_arr(DOC_IMAGE),), {"sampling": [-1.25, 0.75]},
                      known="edt-negative-sampling"))
    return cases


def _edt_bad(label, kwargs):
    return (label, lambda img, sd: (_arr([[1, 1, 1, 1, 1], [1, 1, 0, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1]]),),
            kwargs)


def _zeros(shape, dtype):
    return Input("constant", shape=shape, dtype=dtype, value=0)


image_spec("distance_transform_edt", ND + "distance_transform_edt", SND + "distance_transform_edt",
           chapter="05 segmentation", dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), compare=_edt_compare(),
           image=_mask, samples=(),
           grid=({}, {"sampling": 2.0}, {"sampling": (0.5, 1.5)}, {"return_indices": True},
                 {"return_indices": True, "return_distances": False},
                 {"sampling": (0.7, 2.5), "return_indices": True}),
           bad=[_edt_bad("nothing to return", {"return_distances": False}),
                _edt_bad("distances without return_distances",
                         {"return_distances": False, "return_indices": True, "distances": _zeros((4, 5), "float64")}),
                _edt_bad("indices without return_indices", {"indices": _zeros((2, 4, 5), "int32")}),
                _edt_bad("indices of the wrong shape", {"return_indices": True, "indices": _zeros((2, 5, 4), "int32")}),
                _edt_bad("indices of the wrong dtype", {"return_indices": True, "indices": _zeros((2, 4, 5), "int64")}),
                _edt_bad("distances of the wrong shape", {"distances": _zeros((5, 4), "float64")}),
                _edt_bad("distances of the wrong dtype", {"distances": _zeros((4, 5), "float32")}),
                _edt_bad("sampling of the wrong length", {"sampling": [1.0, 2.0, 3.0]})],
           extra=_edt_extra, aliases=("scipy.ndimage.morphology.distance_transform_edt",))


# --- label, generate_binary_structure ---------------------------------------------------------

STRUCTURES = {
    "cross": [[0, 1, 0], [1, 1, 1], [0, 1, 0]],
    "full": [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
    "diagonals": [[1, 0, 1], [0, 1, 0], [1, 0, 1]],
    "rows only": [[0, 0, 0], [1, 1, 1], [0, 0, 0]],
    "centre only": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
    "no centre": [[0, 1, 0], [1, 0, 1], [0, 1, 0]],
}


def _label_extra(level, seed):
    cases = []
    size = 128 if level == "full" else 48
    sd = _seed("ndimage.label", seed, "random")
    noise = Input("random", shape=(size, size), dtype="bool", seed=sd)
    nuclei = Input("nuclei", shape=(size, size), n=max(3, size // 8), seed=sd, part="mask")
    for nm, st in STRUCTURES.items():
        for label, img in (("random bool", noise), ("nuclei mask", nuclei)):
            cases.append(Case("values", f"{label}, structure {nm}", (img,), {"structure": _arr(st)}, radius=1))
    cases.append(Case("values", "random bool, structure as bool array", (noise,),
                      {"structure": _arr(STRUCTURES["full"], "bool")}, radius=1))
    for out in ("int64", np.uint16, "int32", np.uint8, "float64", np.float32):
        cases.append(Case("values", f"output={np.dtype(out)}", (noise,), {"output": out}, radius=1))
    # a bool output holds the labels in its bytes (the comparator sees True/False)
    cases.append(Case("values", "output=bool, a few components", (nuclei,), {"output": "bool"}, radius=1))
    vol = Input("random", shape=(6, 7, 8), dtype="bool", seed=_seed("ndimage.label", seed, "vol"))
    for conn in (1, 2, 3):
        cases.append(Case("values", f"volume, connectivity {conn}", (vol,),
                          {"structure": Input("array", values=_binary_structure(3, conn))}, radius=1))
    for sh in ((1,), (17,), (3, 4, 2, 5)):
        sd = _seed("ndimage.label", seed, "nd", sh)
        cases.append(Case("shapes", "×".join(map(str, sh)), (Input("random", shape=sh, dtype="bool", seed=sd),), {}))
    cases.append(Case("edge cases", "0-d non-zero", (_arr(3),), {}))
    cases.append(Case("edge cases", "0-d zero", (_arr(0),), {}))
    cases.append(Case("edge cases", "many small components (checkerboard, 8-connected)",
                      (Input("array", values=[[(i + j) % 2 for j in range(17)] for i in range(16)]),),
                      {"structure": _arr(STRUCTURES["full"])}, radius=1))
    return cases


def _binary_structure(rank, connectivity):
    """The structure as nested lists (for an Input recipe): elements within `connectivity`
    unit steps of the centre (this only builds an input; the reference judges)."""
    idx = np.indices((3,) * rank) - 1
    return (np.abs(idx).sum(0) <= connectivity).astype(int).tolist()


def _label_bad(label, structure):
    return (label, lambda img, sd: (img, structure), {})


image_spec("ndimage.label", ND + "label", SND + "label", chapter="05 segmentation", dtypes=ALL_DTYPES,
           ndims=(1, 2, 3, 4), compare=each(labels(), scalar()), image=_label_image, samples=(), radius=1,
           edges=("constant", "two_valued", "nan", "inf", "empty"),
           bad=[_label_bad("structure of another rank", Input("constant", shape=(3, 3, 3), dtype="int64", value=1)),
                _label_bad("structure 2×3", Input("constant", shape=(2, 3), dtype="int64", value=1)),
                _label_bad("structure 5×5", Input("constant", shape=(5, 5), dtype="int64", value=1)),
                _label_bad("1-D structure", _arr([1, 1, 1])),
                _label_bad("asymmetric structure", _arr([[0, 0, 1], [0, 1, 0], [0, 0, 0]])),
                ("complex input", lambda img, sd: (Input("random", shape=(4, 4), dtype="complex128", seed=sd),), {}),
                ("output=float16 (no such labeling kernel)", {"output": "float16"}),
                ("output=complex64", {"output": "complex64"}),
                ("output=bool with more than 254 labels",
                 lambda img, sd: (_arr([[0] * 601, [0, 1] * 300 + [0], [0] * 601], "bool"),), {"output": "bool"}),
                ("output=int8 with more labels than fit", lambda img, sd: (Input("random", shape=(48, 48),
                                                                                 dtype="bool", seed=sd),),
                 {"output": "int8"}),
                ("output of the wrong shape", {"output": Input("constant", shape=(3, 3), dtype="int32")})],
           extra=_label_extra, aliases=("scipy.ndimage.measurements.label",))


def _gbs_build(level, seed):
    cases = []
    top = 5 if level == "full" else 4
    for rank in range(0, top + 1):
        for connectivity in range(-1, rank + 2):
            layer = "values" if 1 <= connectivity <= rank else "edge cases"
            cases.append(Case(layer, f"rank={rank}, connectivity={connectivity}", (rank, connectivity)))
    cases.append(Case("edge cases", "float connectivity 1.5", (2, 1.5)))
    cases.append(Case("edge cases", "numpy integers", (np.int64(3), np.int32(2))))
    cases.append(Case("bad input", "float rank", (2.5, 1)))
    cases.append(Case("bad input", "string connectivity", (3, "a")))
    return cases


def _gbs_draw(data, seed):
    from hypothesis import strategies as st

    rank = data.draw(st.integers(0, 6), label="rank")
    connectivity = data.draw(st.integers(-1, rank + 2), label="connectivity")
    return Case("values", f"hypothesis rank={rank}, connectivity={connectivity}", (rank, connectivity))


register(Spec("generate_binary_structure", ND + "generate_binary_structure", SND + "generate_binary_structure",
              compare=exact(), build=_gbs_build, draw=_gbs_draw, chapter="04 morphology",
              aliases=("scipy.ndimage.morphology.generate_binary_structure",)))


# --- fftconvolve ------------------------------------------------------------------------------


def _fft_close():
    """FFT results: rtol of the working precision, atol = rel·max|reference| (module docstring);
    integer or bool results (no transform done: every axis broadcast) exactly; a NumPy scalar
    (0-d inputs) by :func:`~._compare.scalar`, its type included."""

    def compare(ref, out, context=None):
        if not isinstance(ref, np.ndarray):  # 0-d inputs: SciPy returns a NumPy scalar
            return scalar()(ref, out, context)
        if ref.dtype.kind not in "fc" or ref.size == 0:
            return exact()(ref, out, context)
        inputs = context.args if context is not None else ()
        single = any(np.asarray(a).dtype in (np.float16, np.float32, np.complex64) for a in inputs) or \
            ref.dtype in (np.float32, np.complex64)
        with np.errstate(invalid="ignore", over="ignore"):
            finite = np.abs(ref[np.isfinite(ref)])
        top = float(finite.max()) if finite.size else 0.0
        rel = 1e-5 if single else 1e-12
        return close(rtol=1e-5 if single else 1e-7, atol=max(rel * top, 1e-300))(ref, out, context)

    compare.kind = "fft_close"
    return compare


FFT_KERNEL = {1: (4,), 2: (5, 4), 3: (3, 2, 4), 4: (2, 3, 2, 2)}


def _fft_args(img, seed):
    return (_weights(FFT_KERNEL[max(1, _ndim(img))], seed),)


def _fft_extra(level, seed):
    cases = []
    img = _float_sample(level)
    for shape in ((1, 1), (3, 3), (4, 4), (2, 7), (31, 31), (48, 48), (60, 50)):
        sd = _seed("fftconvolve", seed, "kernel", shape)
        for mode in ("full", "same", "valid"):
            cases.append(Case("values", f"camera float64 ⊛ {shape[0]}×{shape[1]}, mode={mode!r}",
                              (img, _weights(shape, sd)), {"mode": mode}, radius=max(shape) // 2))
    for s1, s2, axes in (((6, 7), (3, 1), 0), ((6, 7), (3, 7), 0), ((6, 7), (6, 3), -1), ((6, 7), (1, 3), [1]),
                         ((6, 1), (1, 3), 0), ((5, 1, 4), (3, 6, 2), [0, 2]), ((5, 1, 4), (3, 6, 2), (2, 0)),
                         ((6, 7), (3, 4), [0, 1]), ((1, 17), (5, 1), None), ((4, 11), (9, 3), None)):
        sd = _seed("fftconvolve", seed, "axes", s1, s2, repr(axes))
        for mode in ("full", "same") if s2 == (9, 3) else ("full", "same", "valid"):
            cases.append(Case("values", f"{s1} ⊛ {s2}, axes={axes!r}, mode={mode!r}",
                              (rand(s1, "float64", sd), _weights(s2, sd + 1)), {"mode": mode, "axes": axes}))
    for d1, d2 in (("uint8", "float32"), ("float32", "float32"), ("int32", "int32"), ("bool", "bool"),
                   ("float32", "float64"), ("complex128", "float64"), ("complex64", "complex64")):
        sd = _seed("fftconvolve", seed, "dtypes", d1, d2)
        for mode in ("full", "same"):
            cases.append(Case("dtypes", f"{d1} ⊛ {d2}, mode={mode!r}",
                              (rand((9, 8), d1, sd), rand((4, 5), d2, sd + 1)), {"mode": mode}, radius=2))
    cases.append(Case("dtypes", "int32 1×8 ⊛ 4×1 (no transform: dtype kept)",
                      (Input("random", shape=(1, 8), dtype="int32", seed=seed, low=0, high=100),
                       Input("random", shape=(4, 1), dtype="int32", seed=seed + 1, low=0, high=100)), {}))
    for a, b in (([1, 2, 3, 4], [0.5, 1]), ([[1, 2], [3, 4]], [[1j, 0], [0, 1]])):
        for mode in ("full", "same", "valid"):
            cases.append(Case("values", f"lists {a!r} ⊛ {b!r}, mode={mode!r}", (list(a), list(b)), {"mode": mode}))
    cases.append(Case("edge cases", "empty kernel", (Input("constant", shape=(3,), value=1.0),
                                                     Input("constant", shape=(0,), value=0.0)), {"mode": "same"}))
    cases.append(Case("edge cases", "empty kernel, unknown mode (returned before the mode check)",
                      (Input("constant", shape=(3,), value=1.0), Input("constant", shape=(0,), value=0.0)),
                      {"mode": "not-a-mode"}))
    cases.append(Case("edge cases", "0-d inputs", (_arr(3.0), _arr(4.0)), {"mode": "valid"}))
    for sh1, sh2 in (((97,), (13,)), ((4,), (11,)), ((4, 5, 3, 6), (2, 2, 3, 3))):
        sd = _seed("fftconvolve", seed, "nd", sh1, sh2)
        for mode in ("full", "same", "valid"):
            cases.append(Case("shapes", f"{'×'.join(map(str, sh1))} ⊛ {'×'.join(map(str, sh2))}, mode={mode!r}",
                              (rand(sh1, "float64", sd), _weights(sh2, sd + 1)), {"mode": mode}))
    return cases


def _fft_bad_pair(s1, s2, d1="float64"):
    return lambda img, sd: (rand(s1, d1, sd), _weights(s2, sd + 1))


image_spec("fftconvolve", "scipy.signal.fftconvolve", "scratch.signal.fftconvolve", chapter=FILTERING,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), compare=_fft_close(), args=_fft_args, radius=2,
           grid=({}, {"mode": "same"}, {"mode": "valid"}), value_dtypes=("float64",),
           bad=[("in1 and in2 of different ndim", _fft_bad_pair((3, 3), (3,)), {}),
                ("0-d against 1-D", lambda img, sd: (rand((3,), "float64", sd), _arr(2.0)), {}),
                ("mode='bad'", {"mode": "bad"}), ("mode=None", {"mode": None}),
                ("axes=[]", {"axes": []}), ("axes=1.5", {"axes": 1.5}), ("axes=['a']", {"axes": ["a"]}),
                ("axes=2", {"axes": 2}), ("axes=-3", {"axes": -3}), ("axes repeated", {"axes": [0, 0]}),
                ("axes repeated (negative)", {"axes": [0, -2]}),
                ("incompatible along the axis not convolved", _fft_bad_pair((3, 4), (2, 2)), {"axes": [0]}),
                ("valid, neither input larger", _fft_bad_pair((3, 5), (5, 3)), {"mode": "valid"}),
                ("strings", lambda img, sd: (_arr(["a", "b"]), Input("constant", shape=(2,), value=1.0)), {})],
           extra=_fft_extra, aliases=("scipy.signal.signaltools.fftconvolve",))
