"""Case tables of chapter 02, filtering: smoothing, edge detection and sharpening of skimage.filters.

* ``gaussian``, ``difference_of_gaussians``, ``unsharp_mask``: float images (``close``), any
  number of dimensions, colour images through ``channel_axis`` (RGB crops of ``astronaut``);
* ``sobel``, ``prewitt``, ``scharr``, ``farid``: the magnitudes, any number of dimensions, with
  ``axis=``, ``mode=``/``cval=`` and ``mask``;
* their ``_h``/``_v`` directions and ``roberts`` (+ its diagonals): 2-D only, with ``mask``;
* ``laplace``: any number of dimensions, ``ksize`` and ``mask``.

Masks are Input recipes of the image's shape (random bool, uint8 with values 0/7, all False).
The border radius of a case is its kernel's: 1 for the 3×3 kernels and roberts' 2×2, 2 for
farid's 5×5, ``ksize // 2`` for laplace, ``int(truncate * sigma + 0.5)`` for the Gaussians.
"""

import numpy as np

from ._builders import ALL_DTYPES, image_spec, rand, sample, chain
from ._compare import close, scalar
from ._core import Case
from ._inputs import Input, case_seed

CHAPTER = "02 filtering"
SK = "skimage.filters."
SC = "scratch.filters."

#: What the filters take: every real dtype (int64 and float16 too).
DTYPES = ALL_DTYPES + ("int8", "int64", "float16")
MODES = ("reflect", "mirror", "nearest", "constant", "wrap")
ASTRONAUT_OFFSET = (100, 180)   # the face and the suit: edges in every channel


def rgb(size, offset=ASTRONAUT_OFFSET):
    """An RGB uint8 crop of astronaut (``size``×``size``×3)."""
    return Input("sample", name="astronaut", crop=(size, size), offset=offset, dtype="uint8", gray=False)


def _size(level):
    return 64 if level == "full" else 32


def _gauss_radius(sigma_key="sigma", default=1.0):
    """The Gaussian's kernel radius from a case's kwargs (the largest sigma)."""

    def radius(kw):
        sigma = kw.get(sigma_key, default)
        if sigma_key == "low_sigma" and kw.get("high_sigma") is not None:
            sigma = kw["high_sigma"]
        try:
            s = float(max(np.ravel(sigma))) if np.size(sigma) else 0.0
            return max(0, int(float(kw.get("truncate", 4.0)) * s + 0.5))
        except (TypeError, ValueError):
            return 0

    return radius


def _label(kw):
    return ", ".join(f"{k}={v!r}" for k, v in kw.items()) or "defaults"




def _masks(shape, sd):
    """The masks a case table sweeps, for an image of ``shape``."""
    return {
        "random bool mask": Input("random", shape=tuple(shape), dtype="bool", seed=sd),
        "uint8 mask (0/7)": Input("two_valued", shape=tuple(shape), dtype="uint8", low=0, high=7, seed=sd),
        "all-False mask": Input("constant", shape=tuple(shape), dtype="bool", value=0),
    }


def _nd_shapes(name, radius, kwargs=None, dtype="float64"):
    """1-D and 4-D inputs (the builder's shapes layer is 2-D and 3-D) and a 0-d one."""

    def extra(level, seed):
        kw = dict(kwargs or {})
        out = []
        for sh in ((23,), (3, 4, 5, 6)):
            sd = case_seed(name, seed, "nd", sh)
            out.append(Case("shapes", "×".join(map(str, sh)), (rand(sh, dtype, sd),), dict(kw), radius=radius))
        # a 0-d result may be a NumPy scalar (difference_of_gaussians): compared as a number
        out.append(Case("edge cases", "0-d image", (Input("array", values=0.5),), dict(kw), compare=scalar()))
        return out

    return extra


def _complex_image(name, kwargs=None, positional=()):
    def extra(level, seed):
        img = rand((16, 16), "complex128", case_seed(name, seed, "complex"))
        return [Case("bad input", "complex image", (img, *positional), dict(kwargs or {}))]

    return extra


# ----------------------------------------------------------------------------- edge magnitudes


def _edge_extra(name, radius, nd=True, mask_keyword_only=False):
    """Masks (positional and keyword), and for the n-D magnitudes: volumes with axis/mode."""

    def extra(level, seed):
        out = []
        size = 48 if level == "quick" else 96
        for img_name, img in (("camera", sample("camera", size, "float64")),
                              ("coins", sample("coins", size, "uint8"))):
            sd = case_seed(name, seed, "mask", img_name)
            for label, mask in _masks((size, size), sd).items():
                out.append(Case("values", f"{img_name} with {label} (keyword)", (img,), {"mask": mask},
                                radius=radius))
                if not mask_keyword_only:
                    out.append(Case("values", f"{img_name} with {label} (positional)", (img, mask), {},
                                    radius=radius))
        sd = case_seed(name, seed, "bad mask")
        img = rand((16, 16), "float64", sd)
        out.append(Case("bad input", "mask of another shape", (img,),
                        {"mask": Input("constant", shape=(15, 16), dtype="bool", value=1)}))
        if mask_keyword_only:
            out.append(Case("bad input", "mask passed positionally (keyword-only)",
                            (img, Input("constant", shape=(16, 16), dtype="bool", value=1)), {}))
        if nd:
            vol = (12, 13, 14) if level == "full" else (6, 7, 8)
            for kw in ({"axis": 0}, {"axis": 2}, {"axis": (0, 2)}, {"axis": -1},
                       {"axis": 1, "mode": "wrap"}, {"mode": "constant", "cval": 0.6}):
                sd = case_seed(name, seed, "volume", _label(kw))
                out.append(Case("values", f"volume {'×'.join(map(str, vol))} {_label(kw)}",
                                (rand(vol, "float64", sd),), dict(kw), radius=radius))
            sd = case_seed(name, seed, "volume mask")
            out.append(Case("values", "volume with a random bool mask", (rand(vol, "float64", sd),),
                            {"mask": Input("random", shape=vol, dtype="bool", seed=sd + 1)}, radius=radius))
            sd = case_seed(name, seed, "special volume")
            out.append(Case("edge cases", "volume with inf, constant mode",
                            (Input("special", shape=vol, dtype="float64", value="inf", seed=sd, fraction=0.02),),
                            {"axis": 1, "mode": "constant", "cval": 0.6}, radius=radius))
            out.append(Case("values", "float32 0..4080 (not rescaled)",
                            (Input("random", shape=(24, 25), dtype="float32", seed=case_seed(name, seed, "f32"),
                                   low=0.0, high=4080.0),), {}, radius=radius))
            mask = Input("random", shape=(16, 16), dtype="complex128", seed=sd)
            out.append(Case("bad input", "complex mask", (img,), {"mask": mask}))
        return out

    return extra


EDGE_GRID = ({}, {"axis": 0}, {"axis": 1}, {"axis": -1}, {"axis": -2}, {"axis": (0, 1)}, {"axis": []},
             *({"mode": m} for m in MODES), {"mode": "constant", "cval": 0.7}, {"mode": "wrap", "axis": 1})
EDGE_BAD = [("mode='foo'", {"mode": "foo"}), ("mode as a list", {"mode": ["reflect", "wrap"]}),
            ("axis=2 on a 2-D image", {"axis": 2}), ("axis=-3 on a 2-D image", {"axis": -3}),
            ("axis=0.5", {"axis": 0.5})]

for _f in ("sobel", "prewitt", "scharr", "farid"):
    _r = 2 if _f == "farid" else 1
    image_spec(_f, SK + _f, SC + _f, chapter=CHAPTER, dtypes=DTYPES, ndims=(1, 2, 3, 4), grid=EDGE_GRID,
               radius=_r, value_dtypes=("uint8", "float64"), bad=EDGE_BAD,
               extra=chain(_edge_extra(_f, _r), _nd_shapes(_f, _r), _complex_image(_f)))

# the single directions, 2-D only
for _f in ("sobel", "prewitt", "scharr", "farid"):
    _r = 2 if _f == "farid" else 1
    for _d in "hv":
        _n = f"{_f}_{_d}"
        image_spec(_n, SK + _n, SC + _n, chapter=CHAPTER, dtypes=DTYPES, ndims=(2,), radius=_r,
                   value_dtypes=("uint8", "float64"),
                   extra=chain(_edge_extra(_n, _r, nd=False, mask_keyword_only=_f == "farid"),
                                _complex_image(_n)))

for _n in ("roberts", "roberts_pos_diag", "roberts_neg_diag"):
    image_spec(_n, SK + _n, SC + _n, chapter=CHAPTER, dtypes=DTYPES, ndims=(2,), radius=1,
               value_dtypes=("uint8", "float64"), extra=chain(_edge_extra(_n, 1, nd=False), _complex_image(_n)))


# ----------------------------------------------------------------------------- laplace


def _laplace_extra(level, seed):
    out = []
    size = 48 if level == "quick" else 96
    img = sample("camera", size, "float64")
    sd = case_seed("laplace", seed, "mask")
    for label, mask in _masks((size, size), sd).items():
        out.append(Case("values", f"camera with {label} (keyword)", (img,), {"mask": mask}, radius=1))
        out.append(Case("values", f"camera, ksize=5, {label} (positional)", (img, 5, mask), {}, radius=2))
    vol = (12, 13, 14) if level == "full" else (6, 7, 8)
    sd = case_seed("laplace", seed, "volume")
    out.append(Case("values", "volume ksize=5", (rand(vol, "float64", sd),), {"ksize": 5}, radius=2))
    out.append(Case("values", "volume with a random bool mask", (rand(vol, "float64", sd),),
                    {"mask": Input("random", shape=vol, dtype="bool", seed=sd + 1)}, radius=1))
    out.append(Case("values", "ksize as np.int64(7)", (img,), {"ksize": np.int64(7)}, radius=3))
    bad_img = rand((16, 16), "float64", case_seed("laplace", seed, "bad mask"))
    out.append(Case("bad input", "mask of another shape", (bad_img,),
                    {"mask": Input("constant", shape=(16, 17), dtype="bool", value=1)}))
    return out


image_spec("laplace", SK + "laplace", SC + "laplace", chapter=CHAPTER, dtypes=DTYPES, ndims=(1, 2, 3, 4),
           grid=({}, {"ksize": 5}, {"ksize": 4}, {"ksize": 7}), radius=lambda kw: int(kw.get("ksize", 3)) // 2,
           value_dtypes=("uint8", "float64"),
           bad=[("ksize=1", {"ksize": 1}), ("ksize=2", {"ksize": 2}), ("ksize=-1", {"ksize": -1}),
                ("ksize=3.0", {"ksize": 3.0}), ("ksize=True", {"ksize": True})],
           extra=chain(_laplace_extra, _nd_shapes("laplace", 1), _complex_image("laplace")))


# ----------------------------------------------------------------------------- gaussian

GAUSSIAN_GRID = ({}, {"sigma": 0.4}, {"sigma": 3.0}, {"sigma": (1.0, 4.0)}, {"sigma": 0.0},
                 {"sigma": (0.0, 2.0)}, {"sigma": 2.0, "truncate": 1.5}, {"sigma": 1.5, "preserve_range": True},
                 *({"sigma": 2.0, "mode": m} for m in MODES), {"sigma": 2.0, "mode": "constant", "cval": 0.3},
                 {"sigma": 2.0, "mode": ("constant", "wrap")})


def _gaussian_extra(level, seed):
    out = []
    radius = _gauss_radius()
    size = _size(level)
    for kw in ({"sigma": 1.0, "channel_axis": -1}, {"sigma": 1.0, "channel_axis": 2},
               {"sigma": (1.0, 3.0), "channel_axis": -1}, {"sigma": (1.0, 3.0, 0.0), "channel_axis": -1},
               {"sigma": 2.0, "channel_axis": 2, "preserve_range": True},
               {"sigma": 2.0, "mode": "wrap", "channel_axis": -1},
               {"sigma": 1.0}):  # an RGB image without channel_axis is a volume
        out.append(Case("values", f"astronaut RGB {_label(kw)}", (rgb(size),), kw, radius=radius(kw)))
    sd = case_seed("gaussian", seed, "channel first")
    out.append(Case("values", "channels first (3×20×21 uint8) channel_axis=0",
                    (rand((3, 20, 21), "uint8", sd),), {"sigma": 2.0, "channel_axis": 0}, radius=8))
    for dt in ("uint8", "uint16", "int32", "bool", "float32"):
        sd = case_seed("gaussian", seed, "preserve", dt)
        kw = {"sigma": 1.5, "preserve_range": True}
        out.append(Case("dtypes", f"{dt} preserve_range=True", (rand((16, 16), dt, sd),), kw, radius=radius(kw)))
    vol = (12, 13, 14) if level == "full" else (6, 7, 8)
    for kw in ({"sigma": 1.0, "mode": "nearest"}, {"sigma": (1.0, 2.0, 0.5), "mode": "wrap"}):
        sd = case_seed("gaussian", seed, "volume", _label(kw))
        out.append(Case("values", f"volume {_label(kw)}", (rand(vol, "float64", sd),), kw, radius=radius(kw)))
    img = rand((16, 16), "float64", case_seed("gaussian", seed, "bad out"))
    out.append(Case("bad input", "out= of an integer dtype", (img,),
                    {"out": Input("constant", shape=(16, 16), dtype="int32", value=0)}))
    out.append(Case("bad input", "out= of another shape", (img,),
                    {"out": Input("constant", shape=(15, 16), dtype="float64", value=0)}))
    out.append(Case("bad input", "4 sigmas for an RGB image with channel_axis", (rgb(16),),
                    {"sigma": (1.0, 2.0, 3.0, 4.0), "channel_axis": -1}))
    # an out-of-range channel_axis is not checked by the reference: the image is then smoothed
    # as a volume
    out.append(Case("edge cases", "channel_axis=3 on an RGB image", (rgb(16),), {"channel_axis": 3}, radius=4))
    return out


image_spec("gaussian", SK + "gaussian", SC + "gaussian", chapter=CHAPTER, dtypes=DTYPES, ndims=(1, 2, 3, 4),
           grid=GAUSSIAN_GRID, radius=_gauss_radius(), value_dtypes=("uint8", "float64"),
           bad=[("sigma=-1", {"sigma": -1.0}), ("a negative sigma in a tuple", {"sigma": (1.0, -0.5)}),
                ("3 sigmas for a 2-D image", {"sigma": (1.0, 1.0, 1.0)}), ("mode='foo'", {"mode": "foo"})],
           extra=chain(_gaussian_extra, _nd_shapes("gaussian", 4), _complex_image("gaussian")))


# ----------------------------------------------------------------------------- difference of gaussians

DOG_GRID = ({"low_sigma": 1.0}, {"low_sigma": 1.0, "high_sigma": 3.0},
            {"low_sigma": (1.0, 2.0), "high_sigma": (3.0, 2.0)}, {"low_sigma": 2.0, "high_sigma": 2.0},
            {"low_sigma": 0.5, "high_sigma": 1.5, "mode": "reflect"},
            {"low_sigma": 1.0, "high_sigma": 4.0, "mode": "constant", "cval": 0.5},
            {"low_sigma": 1.0, "high_sigma": 4.0, "mode": "wrap"},
            {"low_sigma": 1.0, "high_sigma": 4.0, "truncate": 2.0})


def _dog_extra(level, seed):
    out = []
    radius = _gauss_radius("low_sigma")
    size = _size(level)
    for kw in ({"low_sigma": 1.0, "channel_axis": -1}, {"low_sigma": 1.0, "channel_axis": 2},
               {"low_sigma": (1.0, 2.0), "high_sigma": (2.0, 5.0), "channel_axis": -1}):
        out.append(Case("values", f"astronaut RGB {_label(kw)}", (rgb(size),), kw, radius=radius(kw)))
    sd = case_seed("difference_of_gaussians", seed, "positional")
    img = sample("camera", 48 if level == "quick" else 96, "uint8")
    out.append(Case("values", "camera, sigmas positional (1.0, 2.5)", (img, 1.0, 2.5), {}, radius=10))
    vol = (12, 13, 14) if level == "full" else (6, 7, 8)
    out.append(Case("values", "volume, low_sigma=(0.5, 1.0, 1.5), high_sigma=2.0",
                    (rand(vol, "float64", sd), (0.5, 1.0, 1.5), 2.0), {}, radius=8))
    out.append(Case("edge cases", "0-d image, low_sigma positional", (Input("array", values=0.25), 1.0), {},
                    compare=scalar()))
    out.append(Case("bad input", "3 low sigmas for an RGB image with channel_axis", (rgb(16),),
                    {"low_sigma": (1.0, 2.0, 3.0), "channel_axis": -1}))
    return out


image_spec("difference_of_gaussians", SK + "difference_of_gaussians", SC + "difference_of_gaussians",
           chapter=CHAPTER, dtypes=DTYPES, ndims=(1, 2, 3, 4), grid=DOG_GRID, radius=_gauss_radius("low_sigma"),
           value_dtypes=("uint8", "float64"),
           bad=[("high_sigma < low_sigma", {"low_sigma": 2.0, "high_sigma": 1.0}),
                ("high_sigma < low_sigma on one axis", {"low_sigma": (1.0, 2.0), "high_sigma": (3.0, 1.0)}),
                ("3 low sigmas for a 2-D image", {"low_sigma": (1.0, 2.0, 3.0)}),
                ("3 high sigmas for a 2-D image", {"low_sigma": 1.0, "high_sigma": (1.0, 2.0, 3.0)}),
                ("mode='foo'", {"low_sigma": 1.0, "mode": "foo"}),
                ("low_sigma=-1", {"low_sigma": -1.0})],
           extra=chain(_dog_extra, _nd_shapes("difference_of_gaussians", 4, {"low_sigma": 1.0}),
                        _complex_image("difference_of_gaussians", {"low_sigma": 1.0})))


# ----------------------------------------------------------------------------- unsharp mask

UNSHARP_GRID = ({}, {"radius": 0.5, "amount": 2.0}, {"radius": 5.0, "amount": 0.7},
                {"radius": (1.0, 3.0), "amount": 1.0}, {"radius": 0.0, "amount": 1.0},
                {"radius": 2.0, "amount": -0.5}, {"radius": 2.0, "amount": 1.5, "preserve_range": True})


def _unsharp_extra(level, seed):
    out = []
    radius = _gauss_radius("radius")
    size = _size(level)
    for kw in ({"radius": 2.0, "amount": 1.0, "channel_axis": 2},
               {"radius": 2.0, "amount": 1.0, "channel_axis": 2, "preserve_range": True}):
        out.append(Case("values", f"astronaut RGB {_label(kw)}", (rgb(size),), kw, radius=radius(kw)))
    kw = {"radius": 2.0, "channel_axis": -1}
    out.append(Case("values", f"astronaut RGB {_label(kw)}", (rgb(size),), kw, radius=radius(kw),
                    known="unsharp-channel-axis"))
    sd = case_seed("unsharp_mask", seed, "channel first")
    kw = {"radius": (1.0, 2.0), "channel_axis": 0}
    out.append(Case("values", "channels first (3×20×21 uint8) radius=(1.0, 2.0), channel_axis=0",
                    (rand((3, 20, 21), "uint8", sd),), kw, radius=radius(kw)))
    # a NumPy float64 amount promotes float32 work to a float64 result; the blur itself was
    # float32, so the tolerance is float32's
    sd = case_seed("unsharp_mask", seed, "np amount")
    out.append(Case("values", "float32 image, amount=np.float64(1.5)", (rand((24, 25), "float32", sd),),
                    {"radius": 2.0, "amount": np.float64(1.5)}, radius=8, compare=close(1e-5, 1e-6)))
    for dt in ("uint8", "int8", "int32", "bool", "float32"):
        sd = case_seed("unsharp_mask", seed, "preserve", dt)
        kw = {"radius": 1.5, "amount": 2.0, "preserve_range": True}
        out.append(Case("dtypes", f"{dt} preserve_range=True", (rand((16, 16), dt, sd),), kw, radius=radius(kw)))
    sd = case_seed("unsharp_mask", seed, "negative floats")
    out.append(Case("values", "float64 in [-0.3, 0.7] (clipped to [-1, 1])",
                    (rand((20, 21), "float64", sd, low=-0.3, high=0.7),), {"radius": 1.5, "amount": 2.0},
                    radius=6))
    vol = (12, 13, 14) if level == "full" else (6, 7, 8)
    out.append(Case("values", "volume radius=1.0, amount=3.0", (rand(vol, "float64", sd),),
                    {"radius": 1.0, "amount": 3.0}, radius=4))
    out.append(Case("bad input", "channel_axis=3 on an RGB image", (rgb(16),), {"channel_axis": 3}))
    return out


image_spec("unsharp_mask", SK + "unsharp_mask", SC + "unsharp_mask", chapter=CHAPTER, dtypes=DTYPES,
           ndims=(1, 2, 3, 4), grid=UNSHARP_GRID, radius=_gauss_radius("radius"), value_dtypes=("uint8", "float64"),
           bad=[("radius=-1", {"radius": -1.0}), ("3 radii for a 2-D image", {"radius": (1.0, 1.0, 1.0)})],
           extra=chain(_unsharp_extra, _nd_shapes("unsharp_mask", 4), _complex_image("unsharp_mask")))
