"""Case tables of chapter 01, pixel operations: skimage.exposure and skimage.util.

``histogram`` and ``cumulative_distribution`` return a tuple (counts or cdf, bin centres),
compared element by element (:func:`~._compare.each`); the point-wise maps and the
equalisations return float images (:func:`~._compare.close`); the dtype conversions of
``skimage.util`` are table look-ups and integer arithmetic, compared exactly where the result
is an integer or bool image; ``dtype_limits`` returns a pair of Python numbers
(:func:`~._compare.scalar`: the reference's type, ``bool`` for a bool image).

These functions take images of any dimension, so the generic "wrong ndim" cases do not exist
here (``ndims`` lists 1 to 4); 1-D and 4-D inputs are shape cases of their own.  The
histogram-based functions bin integer images with one bin per integer value, so the integer
inputs stay narrow (random int32 spans [-1000, 1000]) and ``source_range='dtype'`` is never
drawn for an int32 image (2**32 bins).
"""

from ._builders import ALL_DTYPES, image_spec, rand, scene, chain
from ._compare import close, each, exact, scalar
from ._core import Case
from ._inputs import Input, case_seed

CHAPTER = "01 pixel operations"
SK = "skimage.exposure."
SC = "scratch.exposure."
SKU = "skimage.util."
SCU = "scratch.util."
ANY_ND = (1, 2, 3, 4)
EXPOSURE_DTYPES = (*ALL_DTYPES, "int16", "float16")
PAIR = each(close(), close())  # (counts or cdf, centres): integer parts exactly, floats by dtype


def _array_or_scalar(array_compare):
    """0-d and Python-number inputs: the reference returns a NumPy scalar (``np.float64(0.25)``,
    ``np.bool(True)``) there, compared by :func:`~._compare.scalar` (its type included);
    arrays by ``array_compare``."""
    as_scalar = scalar()

    def compare(ref, out, context=None):
        import numpy as np

        if isinstance(ref, np.generic):
            return as_scalar(ref, out, context)
        return array_compare(ref, out, context)

    compare.kind = getattr(array_compare, "kind", "close")
    return compare


ZERO_D = _array_or_scalar(close())




def _nd_shapes(name, kwargs=None, dtype="float64"):
    """1-D and 4-D inputs (the reference takes any dimension)."""

    def extra(level, seed):
        kw = dict(kwargs or {})
        return [Case("shapes", "1-D 30", (rand((30,), dtype, case_seed(name, seed, "1d")),), dict(kw)),
                Case("shapes", "4-D 3×4×5×2", (rand((3, 4, 5, 2), dtype, case_seed(name, seed, "4d")),),
                     dict(kw))]
    return extra


def _byteorder(name, kwargs=None, image=None, known_for_integers=None, known=None):
    """Big-endian images (as FITS and many TIFF files are read): the reference takes them
    (``known_for_integers``: where a reference path fails on big-endian integers instead;
    ``known``: on every big-endian image)."""

    def extra(level, seed):
        make = image or (lambda shape, dtype, sd: rand(shape, dtype, sd))
        cases = []
        for dt in ("float64", "int32", "uint16"):
            img = make((12, 13), dt, case_seed(name, seed, "byteorder", dt))
            img = Input(img.kind, **{**img.params, "byteorder": ">"})
            cases.append(Case("dtypes", f"big-endian {dt}", (img,), dict(kwargs or {}),
                              known=known or (known_for_integers if dt != "float64" else None)))
        return cases
    return extra


def _complex(name, kwargs=None, known=None):
    def extra(level, seed):
        img = Input("random", shape=(16, 16), dtype="complex128", seed=case_seed(name, seed, "complex"))
        layer = "edge cases" if known else "bad input"
        # a constant imaginary part: the reference's histogram then bins the real parts
        flat = [complex(round(0.05 * ((7 * i) % 20), 2), 1.0) for i in range(20)]
        plane = Input("array", values=[flat[r * 5:(r + 1) * 5] for r in range(4)], dtype="complex128")
        tail = "".join(f", {k}={v!r}" for k, v in (kwargs or {}).items())
        return [Case(layer, f"complex image{tail}", (img,), dict(kwargs or {}), known=known),
                Case(layer, f"complex image, imaginary part 1{tail}", (plane,), dict(kwargs or {}), known=known)]
    return extra


def _nonnegative(shape, dtype, seed):
    """Images the intensity corrections accept: non-negative values (signed integers 0..1000)."""
    if dtype == "scene":
        return scene(shape[0], seed)
    if dtype in ("int8", "int16", "int32", "int64"):
        return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0,
                     high=127 if dtype == "int8" else 1000)
    return rand(shape, dtype, seed)


def _negative_pixel(name):
    """A negative pixel: the corrections raise ValueError ('non-negative values')."""

    def extra(level, seed):
        sd = case_seed(name, seed, "negative")
        return [Case("bad input", "int32 image with negative values", (rand((16, 16), "int32", sd),)),
                Case("bad input", "float image with negative values",
                     (Input("random", shape=(16, 16), dtype="float64", seed=sd, low=-0.5, high=1.0),))]
    return extra


# --- histogram, cumulative_distribution -----------------------------------------------------


def _histogram_extra(level, seed):
    s = lambda *p: case_seed("histogram", seed, *p)  # noqa: E731
    cases = []
    for dt in ("uint8", "uint16", "float32", "float64"):
        cases.append(Case("values", f"source_range='dtype' {dt}", (rand((24, 25), dt, s("dtype", dt)),),
                          {"source_range": "dtype"}))
    cases.append(Case("values", "source_range='dtype' int8", (rand((24, 25), "int8", s("dtype", "int8")),),
                      {"source_range": "dtype"}))
    cases.append(Case("values", "source_range='dtype' float64 nbins=10, normalize",
                      (rand((24, 25), "float64", s("dtype", "f", 10)),),
                      {"source_range": "dtype", "nbins": 10, "normalize": True}))
    cases.append(Case("values", "signed float image in [-1, 1] source_range='dtype'",
                      (Input("random", shape=(20, 21), dtype="float64", seed=s("signed"), low=-1.0, high=1.0),),
                      {"source_range": "dtype", "nbins": 16}))
    rgb = Input("random", shape=(12, 13, 3), dtype="uint8", seed=s("rgb"), low=0, high=200)
    rgbf = Input("random", shape=(12, 13, 3), dtype="float64", seed=s("rgbf"))
    first = Input("random", shape=(3, 12, 13), dtype="uint8", seed=s("chw"), low=0, high=200)
    for img, label in ((rgb, "uint8"), (rgbf, "float64")):
        cases.append(Case("values", f"RGB {label} channel_axis=-1", (img,), {"channel_axis": -1}))
        cases.append(Case("values", f"RGB {label} channel_axis=-1, source_range='dtype'", (img,),
                          {"channel_axis": -1, "source_range": "dtype"}))
        cases.append(Case("values", f"RGB {label} without channel_axis (warns)", (img,), {}))
    cases.append(Case("values", "RGB float64 channel_axis=2, nbins=9, normalize", (rgbf,),
                      {"channel_axis": 2, "nbins": 9, "normalize": True}))
    cases.append(Case("values", "channels first uint8 channel_axis=0", (first,), {"channel_axis": 0}))
    cases.append(Case("values", "astronaut RGB crop channel_axis=-1",
                      (Input("sample", name="astronaut", crop=(40, 40), offset=(100, 200), gray=False),),
                      {"channel_axis": -1}))
    cases.append(Case("edge cases", "uint8 0 and 255 only",
                      (Input("two_valued", shape=(8, 9), dtype="uint8", low=0, high=255, seed=s("2v")),), {}))
    cases.append(Case("edge cases", "one pixel", (Input("constant", shape=(1, 1), value=0.25),), {}))
    cases.append(Case("edge cases", "0-d array", (Input("array", values=0.25, dtype="float64"),), {}))
    img = rand((16, 16), "float64", s("bad"))
    cases += [
        Case("bad input", "source_range='bad' (float)", (img,), {"source_range": "bad"}),
        Case("bad input", "source_range='bad' (uint8)", (rand((8, 8), "uint8", s("bad8")),), {"source_range": "bad"}),
        Case("bad input", "nbins=2.5", (img,), {"nbins": 2.5}),
        Case("bad input", "nbins=0", (img,), {"nbins": 0}),
        Case("bad input", "nbins=-1", (img,), {"nbins": -1}),
        Case("bad input", "bool image, source_range='dtype'", (rand((8, 8), "bool", s("bb")),),
             {"source_range": "dtype"}),
        Case("bad input", "empty uint8 image", (Input("constant", shape=(0, 4), dtype="uint8"),), {}),
        Case("bad input", "channel_axis=5 on a 3-D image", (rgb,), {"channel_axis": 5}),
    ]
    return cases


image_spec("histogram", SK + "histogram", SC + "histogram", chapter=CHAPTER, dtypes=EXPOSURE_DTYPES, ndims=ANY_ND,
           compare=PAIR, grid=({}, {"nbins": 7}, {"normalize": True}, {"nbins": 64, "source_range": "image"}),
           value_dtypes=("uint8", "float64"),
           extra=chain(_histogram_extra, _byteorder("histogram"), _nd_shapes("histogram"),
                       _complex("histogram", known="exposure-histogram-complex")),
           aliases=("skimage.exposure.exposure.histogram",))


def _cdf_extra(level, seed):
    s = lambda *p: case_seed("cumulative_distribution", seed, *p)  # noqa: E731
    img = rand((16, 16), "float64", s("bad"))
    return [
        Case("values", "uint16 narrow values", (Input("random", shape=(20, 21), dtype="uint16", seed=s("u16"),
                                                      low=100, high=900),), {}),
        Case("values", "signed float image", (Input("random", shape=(20, 21), dtype="float64", seed=s("sf"),
                                                    low=-3.0, high=2.0),), {"nbins": 20}),
        Case("edge cases", "0-d array", (Input("array", values=0.25, dtype="float64"),), {}),
        Case("bad input", "nbins=0", (img,), {"nbins": 0}),
        Case("bad input", "nbins=2.5", (img,), {"nbins": 2.5}),
        Case("bad input", "empty uint8 image", (Input("constant", shape=(0, 4), dtype="uint8"),), {}),
    ]


image_spec("cumulative_distribution", SK + "cumulative_distribution", SC + "cumulative_distribution",
           chapter=CHAPTER, dtypes=EXPOSURE_DTYPES, ndims=ANY_ND, compare=PAIR,
           grid=({}, {"nbins": 16}, {"nbins": 3}), value_dtypes=("uint8", "float64"),
           extra=chain(_cdf_extra, _byteorder("cumulative_distribution"), _nd_shapes("cumulative_distribution"),
                       _complex("cumulative_distribution")),
           aliases=("skimage.exposure.exposure.cumulative_distribution",))


# --- equalize_hist, equalize_adapthist ------------------------------------------------------


def _equalize_extra(level, seed):
    s = lambda *p: case_seed("equalize_hist", seed, *p)  # noqa: E731
    cases = []
    for dt in ("float64", "uint8", "float32"):
        img = rand((24, 25), dt, s("mask", dt))
        mask = Input("random", shape=(24, 25), dtype="bool", seed=s("maskm", dt))
        cases.append(Case("values", f"{dt} random mask", (img,), {"mask": mask}))
    blobs_img = scene(40, s("blobs"))
    blobs_mask = scene(40, s("blobs"), part="mask")
    cases.append(Case("values", "blobs scene, mask = the objects", (blobs_img,), {"mask": blobs_mask}))
    cases.append(Case("values", "blobs scene, mask = the objects, nbins=16", (blobs_img,),
                      {"mask": blobs_mask, "nbins": 16}))
    cases.append(Case("edge cases", "mask with one pixel",
                      (rand((12, 12), "float64", s("one")),),
                      {"mask": Input("array", values=[[i == 5 and j == 7 for j in range(12)] for i in range(12)])}))
    cases.append(Case("edge cases", "0-d array", (Input("array", values=0.25, dtype="float64"),), {}, compare=ZERO_D))
    img = rand((16, 16), "float64", s("bad"))
    cases += [
        Case("bad input", "mask of another shape", (img,),
             {"mask": Input("random", shape=(16, 15), dtype="bool", seed=s("badmask"))}),
        Case("bad input", "nbins=0", (img,), {"nbins": 0}),
        Case("bad input", "nbins=2.5", (img,), {"nbins": 2.5}),
        Case("bad input", "empty uint8 image", (Input("constant", shape=(0, 4), dtype="uint8"),), {}),
    ]
    return cases


image_spec("equalize_hist", SK + "equalize_hist", SC + "equalize_hist", chapter=CHAPTER, dtypes=EXPOSURE_DTYPES,
           ndims=ANY_ND, grid=({}, {"nbins": 32}, {"nbins": 7}), value_dtypes=("uint8", "float64"),
           extra=chain(_equalize_extra, _byteorder("equalize_hist"), _nd_shapes("equalize_hist"),
                       _complex("equalize_hist")),
           aliases=("skimage.exposure.exposure.equalize_hist",))


def _kernel_radius(kwargs):
    k = kwargs.get("kernel_size")
    if k is None:
        return 3
    k = max(k) if isinstance(k, (tuple, list)) else k
    return max(1, int(k) // 2)


def _adapthist_extra(level, seed):
    s = lambda *p: case_seed("equalize_adapthist", seed, *p)  # noqa: E731
    cases = []
    rgb = Input("random", shape=(20, 21, 3), dtype="uint8", seed=s("rgb"))
    cases += [
        Case("values", "RGB uint8", (rgb,), {}, radius=3),
        Case("values", "RGB uint8 kernel_size=5, clip_limit=0.05", (rgb,), {"kernel_size": 5, "clip_limit": 0.05},
             radius=2),
        Case("values", "RGBA uint8", (Input("random", shape=(16, 17, 4), dtype="uint8", seed=s("rgba")),), {},
             radius=3),
        Case("values", "RGB float64", (Input("random", shape=(18, 19, 3), dtype="float64", seed=s("rgbf")),),
             {"nbins": 64}, radius=3),
        Case("values", "RGB float32", (Input("random", shape=(18, 19, 3), dtype="float32", seed=s("rgbf32")),),
             {}, radius=3),
        Case("values", "astronaut RGB crop",
             (Input("sample", name="astronaut", crop=(40, 40), offset=(100, 200), gray=False),), {}, radius=3),
        Case("values", "volume float64 kernel_size=(3, 4, 5)",
             (rand((9, 12, 15), "float64", s("vol")),), {"kernel_size": (3, 4, 5)}, radius=2),
        Case("values", "volume float32", (rand((7, 8, 10), "float32", s("vol32")),), {}, radius=1),
        Case("values", "uint16 full range", (rand((19, 26), "uint16", s("u16")),), {"kernel_size": 6}, radius=3),
        Case("values", "kernel_size larger than the image", (rand((12, 13), "float64", s("big")),),
             {"kernel_size": 40, "clip_limit": 0.2}, radius=6),
        Case("shapes", "1-D 30", (rand((30,), "float64", s("1d")),), {}, radius=1),
        Case("shapes", "4-D 3×4×5×4", (rand((3, 4, 5, 4), "float64", s("4d")),), {}, radius=1),
    ]
    img = rand((16, 16), "float64", s("bad"))
    cases += [
        Case("bad input", "kernel_size with 3 values on a 2-D image", (img,), {"kernel_size": (3, 3, 3)}),
        Case("bad input", "kernel_size=0", (img,), {"kernel_size": 0}),
        Case("bad input", "nbins=2.5", (img,), {"nbins": 2.5}),
        Case("bad input", "float image with values above 1", (Input("constant", shape=(8, 8), value=2.0),), {}),
    ]
    return cases


image_spec("equalize_adapthist", SK + "equalize_adapthist", SC + "equalize_adapthist", chapter=CHAPTER,
           dtypes=EXPOSURE_DTYPES, ndims=(1, 2, 3, 4), radius=_kernel_radius,
           grid=({}, {"kernel_size": 7, "clip_limit": 0.03}, {"kernel_size": (5, 9), "clip_limit": 0.0, "nbins": 100},
                 {"kernel_size": 4, "nbins": 32}),
           value_dtypes=("uint8", "float64"), edges=("constant", "two_valued", "nan", "empty"),
           extra=chain(_adapthist_extra, _byteorder("equalize_adapthist"), _complex("equalize_adapthist")),
           aliases=("skimage.exposure._adapthist.equalize_adapthist",))


# --- rescale_intensity and the corrections ----------------------------------------------------


def _rescale_extra(level, seed):
    s = lambda *p: case_seed("rescale_intensity", seed, *p)  # noqa: E731
    img = rand((16, 16), "float64", s("img"))
    u8 = rand((16, 16), "uint8", s("u8"))
    i16 = Input("random", shape=(16, 16), dtype="int16", seed=s("i16"), low=-3000, high=3000)
    cases = [
        Case("values", "uint8 in_range=(50, 200), out_range='uint8'", (u8,), {"in_range": (50, 200),
                                                                            "out_range": "uint8"}),
        Case("values", "uint8 in_range='uint10'", (u8,), {"in_range": "uint10"}),
        Case("values", "int16 out_range='uint8'", (i16,), {"out_range": "uint8"}),
        Case("values", "int16 in_range='dtype', out_range='float64'", (i16,), {"in_range": "dtype",
                                                                              "out_range": "float64"}),
        Case("values", "int16 out_range=(-1, 1)", (i16,), {"out_range": (-1, 1)}),
        Case("values", "float in_range='image', out_range='image'", (img,), {"out_range": "image"}),
        Case("values", "float in_range=(0.2, 0.8) (clips)", (img,), {"in_range": (0.2, 0.8)}),
        Case("values", "float out_range=(0, 255) float", (img,), {"out_range": (0.0, 255.0)}),
        Case("values", "float out_range='int8'", (img,), {"out_range": "int8"}),
        Case("values", "float32 out_range=(0, 10)", (rand((16, 16), "float32", s("f32")),), {"out_range": (0, 10)}),
        Case("edge cases", "in_range with equal ends", (img,), {"in_range": (0.5, 0.5)}),
        Case("edge cases", "0-d array", (Input("array", values=0.25, dtype="float64"),), {}, compare=ZERO_D),
        Case("edge cases", "0-d array, out_range=(0, 10)", (Input("array", values=0.25, dtype="float64"),),
             {"out_range": (0, 10)}, compare=ZERO_D),
        Case("bad input", "out_range='nonsense'", (img,), {"out_range": "nonsense"}),
        Case("bad input", "in_range='nonsense'", (img,), {"in_range": "nonsense"}),
    ]
    return cases


image_spec("rescale_intensity", SK + "rescale_intensity", SC + "rescale_intensity", chapter=CHAPTER,
           dtypes=EXPOSURE_DTYPES, ndims=ANY_ND,
           grid=({}, {"in_range": "dtype"}, {"out_range": (0, 127)}, {"out_range": "uint12"},
                 {"out_range": "float32"}, {"in_range": (0.1, 0.9), "out_range": (-1, 1)}),
           value_dtypes=("uint8", "float64"),
           extra=chain(_rescale_extra, _byteorder("rescale_intensity"), _nd_shapes("rescale_intensity"),
                       _complex("rescale_intensity", {"in_range": (0, 1), "out_range": (0, 1)}),
                       _complex("rescale_intensity")),
           aliases=("skimage.exposure.exposure.rescale_intensity",))


def _gamma_extra(level, seed):
    img = rand((16, 16), "float64", case_seed("adjust_gamma", seed, "bad"))
    return [Case("bad input", "gamma=-1", (img,), {"gamma": -1}),
            Case("edge cases", "gamma=0", (img,), {"gamma": 0}),
            Case("edge cases", "0-d array, gamma=2", (Input("array", values=0.25, dtype="float64"),), {"gamma": 2},
                 compare=ZERO_D)]


image_spec("adjust_gamma", SK + "adjust_gamma", SC + "adjust_gamma", chapter=CHAPTER, dtypes=EXPOSURE_DTYPES,
           ndims=ANY_ND, image=_nonnegative,
           grid=({}, {"gamma": 2.0}, {"gamma": 0.5, "gain": 1.5}, {"gamma": 0.2, "gain": 0.5}),
           value_dtypes=("uint8", "float64"),
           extra=chain(_gamma_extra, _byteorder("adjust_gamma", image=_nonnegative), _negative_pixel("adjust_gamma"),
                       _nd_shapes("adjust_gamma")),
           aliases=("skimage.exposure.exposure.adjust_gamma",))


def _zero_d(name, kwargs_list):
    def extra(level, seed):
        return [Case("edge cases", f"0-d array {kw or ''}".strip(), (Input("array", values=0.25, dtype="float64"),),
                     dict(kw), compare=ZERO_D) for kw in kwargs_list]
    return extra


image_spec("adjust_log", SK + "adjust_log", SC + "adjust_log", chapter=CHAPTER, dtypes=EXPOSURE_DTYPES,
           ndims=ANY_ND, image=_nonnegative,
           grid=({}, {"inv": True}, {"gain": 0.8, "inv": True}, {"gain": 2}),
           value_dtypes=("uint8", "float64"),
           extra=chain(_negative_pixel("adjust_log"), _byteorder("adjust_log", image=_nonnegative),
                       _nd_shapes("adjust_log"),
                       _zero_d("adjust_log", ({}, {"inv": True}))),
           aliases=("skimage.exposure.exposure.adjust_log",))

image_spec("adjust_sigmoid", SK + "adjust_sigmoid", SC + "adjust_sigmoid", chapter=CHAPTER, dtypes=EXPOSURE_DTYPES,
           ndims=ANY_ND, image=_nonnegative,
           grid=({}, {"cutoff": 0.3, "gain": 5, "inv": True}, {"cutoff": 0.7}, {"gain": 20, "inv": True}),
           value_dtypes=("uint8", "float64"),
           extra=chain(_negative_pixel("adjust_sigmoid"), _byteorder("adjust_sigmoid", image=_nonnegative),
                       _nd_shapes("adjust_sigmoid"),
                       _zero_d("adjust_sigmoid", ({}, {"inv": True}))),
           aliases=("skimage.exposure.exposure.adjust_sigmoid",))


# --- skimage.util: the dtype conversions, invert, dtype_limits --------------------------------

UTIL_DTYPES = ("bool", "uint8", "uint16", "uint32", "int8", "int16", "int32", "int64", "float16", "float32",
               "float64")


def _util_image(shape, dtype, seed):
    """Integer images over their dtype's whole range (up to 32 bits); floats in [0, 1)."""
    if dtype == "scene":
        return scene(shape[0], seed)
    if dtype in ("uint8", "uint16", "uint32", "int8", "int16", "int32"):
        import numpy as np

        info = np.iinfo(dtype)
        return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=int(info.min), high=int(info.max))
    return rand(shape, dtype, seed)


def _int_extremes(dtype):
    import numpy as np

    info = np.iinfo(dtype)
    half = int(info.max) // 2
    values = [int(info.min), int(info.min) + 1, -129, -128, -1, 0, 1, 2, 127, 128, 200, 255, 256,
              half - 1, half, half + 1, int(info.max) - 1, int(info.max)]
    return sorted({v for v in values if info.min <= v <= info.max})


def _util_extra(name):
    def extra(level, seed):
        s = lambda *p: case_seed(name, seed, *p)  # noqa: E731
        cases = []
        for dt in ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64"):
            cases.append(Case("values", f"{dt} extremes and half-maxima",
                              (Input("array", values=_int_extremes(dt), dtype=dt),), {}))
        for dt in ("uint16", "int16", "int32", "uint32"):
            cases.append(Case("values", f"{dt} values that fit in 8 bits",
                              (Input("random", shape=(3, 4, 2), dtype=dt, seed=s("small", dt),
                                     low=0 if dt[0] == "u" else -100, high=200),), {}))
        edges = [-1.0, -0.75, -0.5, -1e-3, 0.0, 1 / 255, 0.5, 127.5 / 255, 0.999, 1.0]
        for dt in ("float16", "float32", "float64"):
            cases.append(Case("values", f"{dt} rounding edges", (Input("array", values=edges, dtype=dt),), {}))
            cases.append(Case("values", f"{dt} signed in [-1, 1]",
                              (Input("random", shape=(5, 6, 4), dtype=dt, seed=s("signed", dt), low=-1.0, high=1.0),),
                              {}))
        cases.append(Case("values", "int64 random", (rand((6, 7), "int64", s("i64")),), {}))
        cases.append(Case("values", "uint64 random", (rand((6, 7), "uint64", s("u64")),), {}))
        cases.append(Case("values", "force_copy=True on its own dtype",
                          (rand((6, 7), {"img_as_float32": "float32", "img_as_int": "int16", "img_as_uint": "uint16",
                                         "img_as_ubyte": "uint8", "img_as_bool": "bool"}.get(name, "float64"),
                                s("copy")),), {"force_copy": True}))
        cases.append(Case("values", "a nested list of ints", ([[0, 1], [2, 3]],), {}))
        cases.append(Case("values", "a nested list of floats", ([[0.0, 0.5], [1.0, -1.0]],), {}))
        cases.append(Case("values", "a Python int", (7,), {}, compare=ZERO_D))
        for dt in ("uint8", "int16", "float64"):
            cases.append(Case("edge cases", f"0-d {dt}", (Input("array", values=5 if dt != "float64" else 0.25,
                                                                dtype=dt),), {}, compare=ZERO_D))
        cases += [
            Case("edge cases", "float32 with inf", (Input("array", values=[float("inf"), 0.5], dtype="float32"),), {}),
            Case("bad input", "float above 1", (Input("array", values=[[0.0, 0.5, 1.5]], dtype="float64"),), {}),
            Case("bad input", "float below -1", (Input("array", values=[[-2.0], [0.0]], dtype="float32"),), {}),
            Case("bad input", "complex64 image",
                 (Input("random", shape=(4, 5), dtype="complex64", seed=s("complex")),), {}),
            Case("bad input", "object array", (Input("array", values=[1, 2], dtype="object"),), {}),
            Case("bad input", "string array", (Input("array", values=["a", "b"]),), {}),
            Case("bad input", "longdouble image", (Input("array", values=[0.5], dtype="longdouble"),), {}),
        ]
        return cases
    return extra


_UTIL_COMPARE = {"img_as_float32": close(), "img_as_float64": close(), "img_as_float": close(),
                 "img_as_int": exact(), "img_as_uint": exact(), "img_as_ubyte": exact(), "img_as_bool": exact()}

# skimage's integer conversions fail on some big-endian integer images (a NumPy TypeError)
_BIG_ENDIAN_KNOWN = dict.fromkeys(("img_as_int", "img_as_uint", "img_as_ubyte"), "big-endian-ufunc-typeerror")

for _name, _compare in _UTIL_COMPARE.items():
    image_spec(_name, SKU + _name, SCU + _name, chapter=CHAPTER, dtypes=UTIL_DTYPES, ndims=ANY_ND,
               compare=_compare, grid=({}, {"force_copy": True}), image=_util_image,
               value_dtypes=("uint8", "float64"),
               extra=chain(_util_extra(_name), _nd_shapes(_name),
                           _byteorder(_name, image=_util_image, known_for_integers=_BIG_ENDIAN_KNOWN.get(_name))),
               aliases=(f"skimage.util.dtype.{_name}",))


def _invert_extra(level, seed):
    s = lambda *p: case_seed("invert", seed, *p)  # noqa: E731
    cases = []
    for dt in ("uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64"):
        cases.append(Case("values", f"{dt} extremes", (Input("array", values=_int_extremes(dt), dtype=dt),), {}))
    for dt in ("float16", "float32", "float64"):
        signed = Input("random", shape=(5, 6, 4), dtype=dt, seed=s("signed", dt), low=-1.0, high=1.0)
        cases.append(Case("values", f"{dt} signed in [-1, 1]", (signed,), {}))
        cases.append(Case("values", f"{dt} signed in [-1, 1], signed_float=True", (signed,), {"signed_float": True}))
    cases.append(Case("values", "float64 outside [-1, 1], signed_float=True",
                      (Input("random", shape=(6, 7), dtype="float64", seed=s("wide"), low=-3.0, high=3.0),),
                      {"signed_float": True}))
    cases.append(Case("values", "int64 random", (rand((6, 7), "int64", s("i64")),), {}))
    cases.append(Case("edge cases", "0-d uint8", (Input("array", values=5, dtype="uint8"),), {}, compare=ZERO_D))
    cases.append(Case("edge cases", "0-d float64", (Input("array", values=0.25, dtype="float64"),), {},
                      compare=ZERO_D))
    cases.append(Case("bad input", "a list", ([1, 2, 3],), {}))
    return cases


image_spec("invert", SKU + "invert", SCU + "invert", chapter=CHAPTER, dtypes=UTIL_DTYPES, ndims=ANY_ND,
           grid=({}, {"signed_float": True}), image=_util_image, value_dtypes=("uint8", "float64"),
           extra=chain(_invert_extra, _byteorder("invert", image=_util_image, known="big-endian-ufunc-typeerror"), _nd_shapes("invert")),
           aliases=("skimage.util._invert.invert",))


def _limits_extra(level, seed):
    cases = []
    for dt in (*UTIL_DTYPES, "uint64", "intc", "uintp", "longlong"):
        for clip in (False, True):
            cases.append(Case("values", f"{dt} clip_negative={clip}",
                              (Input("constant", shape=(3,), dtype=dt, value=0),), {"clip_negative": clip}))
    cases += [
        Case("bad input", "a list", ([1, 2],), {}),
        Case("bad input", "complex128 image", (Input("constant", shape=(2,), dtype="complex128"),), {}),
        Case("bad input", "longdouble image", (Input("constant", shape=(2,), dtype="longdouble"),), {}),
    ]
    return cases


image_spec("dtype_limits", SKU + "dtype_limits", SCU + "dtype_limits", chapter=CHAPTER, dtypes=UTIL_DTYPES,
           ndims=ANY_ND, compare=each(scalar(), scalar()), grid=({}, {"clip_negative": True}), image=_util_image,
           samples=(), scenes=False,
           extra=chain(_limits_extra, _byteorder("dtype_limits"), _nd_shapes("dtype_limits")),
           aliases=("skimage.util.dtype.dtype_limits",))
