"""Case tables of chapters 02 and 05: watershed, peak_local_max and canny.

``watershed`` floods an image from markers; its labels are compared exactly
(:func:`~._compare.labels`), plateaus and ``watershed_line`` included, so a candidate without
the (value, age) tie-break fails on the integer images (plateaus everywhere).  The markers are
single pixels placed from a seed (a ``blobs`` scene of radius 0), or the number of markers,
or none (the local minima).

``peak_local_max`` returns coordinates whose order is not defined: they are compared as sets
(:func:`~._compare.peak_set`).  ``canny`` returns a bool edge map: exact.
"""

import numpy as np

from ._builders import ALL_DTYPES, INT_AND_FLOAT, image_spec, rand, sample, scene
from ._compare import exact, labels, peak_set
from ._core import Case
from ._inputs import Input, case_seed

SEGMENTATION = "05 segmentation"
FILTERING = "02 filtering"
SK = "skimage."
SC = "scratch."


def _shape_of(img):
    p = img.params
    return tuple(p.get("shape") or p.get("crop"))


def _markers(shape, seed, n=None):
    """Single-pixel markers numbered 1..n, placed from ``seed`` (pairwise ≥ 3 apart).

    Shapes too small for that get a literal: label 1 at the first element, 2 at the last.
    """
    shape = tuple(int(s) for s in shape)
    if 0 in shape:
        return Input("constant", shape=shape, dtype="int32", value=0)
    if min(shape) >= 5:
        size = int(np.prod(shape))
        n = n or max(2, min(12, size // 150))
        return Input("blobs", shape=shape, n=n, radius=0, seed=seed, part="labels", dtype="int32")
    values = np.zeros(shape, dtype=np.int32)
    values.flat[0] = 1
    if values.size > 1:
        values.flat[-1] = 2
    return Input("array", values=values.tolist(), dtype="int32")


def _ws_args(img, seed):
    return (_markers(_shape_of(img), seed),)


CROSS = Input("array", values=[[0, 1, 0], [1, 1, 1], [0, 1, 0]], dtype="uint8")


def _watershed_extra(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("watershed", seed, *parts)  # noqa: E731
    size = 128 if full else 48
    cases = []
    cam = sample("camera", size, "uint8")
    coins = sample("coins", size, "float64")
    mk = _markers((size, size), s("mk"), n=10)
    # The number of markers, and none (the local minima are the markers).
    for n in (3, 8):
        cases.append(Case("values", f"camera markers={n}", (cam, n), {}))
    cases.append(Case("values", "coins markers=5 watershed_line", (coins, 5), {"watershed_line": True}))
    cases.append(Case("values", "camera no markers (local minima)", (cam,), {}))
    cases.append(Case("values", "random floats no markers", (rand((20, 21), "float64", s("nomk")),), {}))
    # A mask: nuclei with their own noisy image, markers inside and outside.
    nuc = dict(shape=(size, size), n=12 if full else 6, seed=s("nuclei"))
    nimg = Input("nuclei", **nuc, part="image", dtype="float64")
    nmask = Input("nuclei", **nuc, part="mask")
    for kw in ({}, {"watershed_line": True}, {"compactness": 0.01}, {"connectivity": 2}):
        cases.append(Case("values", f"nuclei with mask {kw or ''}".strip(), (nimg, mk), {"mask": nmask, **kw}))
    # A footprint as connectivity; an offset.
    cases.append(Case("values", "camera connectivity=cross array", (cam, mk), {"connectivity": CROSS}))
    cases.append(Case("values", "camera connectivity=3×3 ones", (cam, mk),
                      {"connectivity": Input("array", values=[[1] * 3] * 3, dtype="uint8")}))
    # (An offset that does not centre the footprint makes the reference read outside its padding
    # and corrupt memory: no case can run it.)
    cases.append(Case("values", "camera connectivity=3×3 ones offset=(1, 1)", (cam, mk),
                      {"connectivity": Input("array", values=[[1] * 3] * 3, dtype="uint8"), "offset": (1, 1)}))
    # 3-D.
    vshape = (20, 21, 22) if full else (12, 13, 14)
    vimg = Input("blobs", shape=vshape, n=4, radius=2 if full else 1, seed=s("vol"), part="image",
                 dtype="float64")
    vu8 = rand(vshape, "uint8", s("vol8"), low=0, high=20)
    vmk = _markers(vshape, s("vmk"), n=6)
    for kw in ({}, {"connectivity": 2}, {"connectivity": 3}, {"watershed_line": True}, {"compactness": 0.1}):
        cases.append(Case("values", f"3-D balls {kw or 'defaults'}", (vimg, vmk), kw))
        cases.append(Case("values", f"3-D uint8 plateaus {kw or 'defaults'}", (vu8, vmk), kw))
    cases.append(Case("values", "3-D markers=4", (vimg, 4), {}))
    # 1-D and 4-D (the reference takes any ndim).
    line = rand((40,), "float64", s("1d"))
    cases.append(Case("shapes", "1-D 40", (line, _markers((40,), s("1dm"))), {}))
    cases.append(Case("shapes", "1-D 40 markers=3", (line, 3), {"watershed_line": True}))
    cases.append(Case("shapes", "4-D 6×6×6×7", (rand((6, 6, 6, 7), "float64", s("4d")),
                                                 _markers((6, 6, 6, 7), s("4dm"))), {}))
    # Edge cases: NaN (a documented difference), markers everywhere, one marker, int64 markers.
    nan_img = Input("special", shape=(16, 16), dtype="float64", value="nan", seed=s("nan"), fraction=0.05)
    cases.append(Case("edge cases", "with nan", (nan_img, _markers((16, 16), s("nanm"))), {},
                      known="watershed-nan"))
    every = Input("random", shape=(9, 10), dtype="int32", seed=s("every"), low=1, high=4)
    cases.append(Case("edge cases", "every pixel a marker", (rand((9, 10), "float64", s("ev")), every), {}))
    one = _markers((16, 16), s("one"), n=1)
    cases.append(Case("edge cases", "one marker", (rand((16, 16), "float64", s("one")), one),
                      {"watershed_line": True}))
    big = Input("random", shape=(16, 16), dtype="int64", seed=s("big"), low=0, high=3)
    cases.append(Case("edge cases", "dense int64 markers", (rand((16, 16), "uint8", s("bigi")), big), {}))
    # Bad input.
    im = rand((16, 16), "float64", s("bad"))
    cases.append(Case("bad input", "markers shape mismatch", (im, _markers((16, 15), s("bm"))), {}))
    cases.append(Case("bad input", "mask shape mismatch", (im, 3), {"mask": rand((15, 16), "bool", s("bmask"))}))
    cases.append(Case("bad input", "float markers", (im, Input("random", shape=(16, 16), dtype="float64",
                                                               seed=s("fm"))), {}))
    cases.append(Case("bad input", "0-d image", (Input("constant", shape=(), value=1.0), 1), {}))
    return cases


image_spec("watershed", SK + "segmentation.watershed", SC + "segmentation.watershed", chapter=SEGMENTATION,
           dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4), args=_ws_args, compare=labels(), radius=1,
           grid=({}, {"connectivity": 2}, {"watershed_line": True}, {"compactness": 0.01},
                 {"connectivity": 2, "watershed_line": True}, {"compactness": 1.0, "watershed_line": True}),
           value_dtypes=("uint8", "float64"), edges=("constant", "two_valued", "inf", "empty"),
           extra=_watershed_extra)


# --- peak_local_max ------------------------------------------------------------------------


def _peaks():
    """peak_set(), except that an empty result (no peaks: shape (0, ndim)) is compared by shape
    and dtype: peak_set reshapes with -1, which NumPy cannot do for zero rows.  (A local helper
    until _compare.peak_set handles it.)"""
    as_set = peak_set()
    strict = exact()

    def compare(ref, out, context=None):
        if np.size(ref) == 0 or (hasattr(out, "__len__") and np.size(out) == 0):
            return strict(ref, out, context)
        return as_set(ref, out, context)

    compare.kind = "peak_set"
    return compare


def _plm_radius(kwargs):
    """The border band: exclude_border (True means min_distance) or min_distance."""
    md = kwargs.get("min_distance", 1)
    eb = kwargs.get("exclude_border", True)
    if isinstance(eb, bool):
        return md
    return max(int(np.max(eb)), md) if np.size(eb) else md


def _plm_extra(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("peak_local_max", seed, *parts)  # noqa: E731
    size = 128 if full else 48
    cases = []
    # With labels: the scene's own label image.
    sc = dict(shape=(size, size), n=max(2, size // 12), radius=max(2, size // 10), seed=s("scene"))
    simg = Input("blobs", **sc, part="image", dtype="float64")
    slab = Input("blobs", **sc, part="labels", dtype="int32")
    for kw in ({}, {"num_peaks_per_label": 1}, {"num_peaks_per_label": 2, "min_distance": 2},
               {"num_peaks": 3, "exclude_border": False}, {"threshold_rel": 0.8, "min_distance": 3}):
        cases.append(Case("values", f"blobs with labels {kw or ''}".strip(), (simg,), {"labels": slab, **kw},
                          radius=_plm_radius(kw)))
    nuc = dict(shape=(size, size), n=12 if full else 6, seed=s("nuclei"))
    cases.append(Case("values", "nuclei with labels min_distance=4",
                      (Input("nuclei", **nuc, part="image", dtype="float64"),),
                      {"labels": Input("nuclei", **nuc, part="labels", dtype="int32"), "min_distance": 4},
                      radius=4))
    # 3-D and 1-D.
    vshape = (20, 21, 22) if full else (12, 13, 14)
    vimg = Input("blobs", shape=vshape, n=4, radius=2 if full else 1, seed=s("vol"), part="image",
                 dtype="float64")
    for kw in ({}, {"min_distance": 2}, {"exclude_border": False, "threshold_abs": 0.5}, {"num_peaks": 4}):
        cases.append(Case("values", f"3-D balls {kw or 'defaults'}", (vimg,), kw, radius=_plm_radius(kw)))
    cases.append(Case("values", "3-D uint8 plateaus", (rand(vshape, "uint8", s("v8"), low=0, high=20),),
                      {"min_distance": 2}, radius=2))
    cases.append(Case("shapes", "1-D 40", (rand((40,), "float64", s("1d")),), {}, radius=1))
    cases.append(Case("shapes", "1-D 40 min_distance=3", (rand((40,), "float64", s("1d")),),
                      {"min_distance": 3, "exclude_border": False}, radius=3))
    # exclude_border as a tuple; footprints with min_distance; p_norm.
    img = rand((30, 31), "float64", s("eb"))
    cases.append(Case("values", "exclude_border=(1, 4)", (img,), {"exclude_border": (1, 4)}, radius=4))
    cases.append(Case("values", "exclude_border=0", (img,), {"exclude_border": 0}, radius=0))
    cases.append(Case("values", "footprint 5×5 cross, min_distance=3", (img,),
                      {"footprint": Input("array", values=[[0, 0, 1, 0, 0], [0, 1, 1, 1, 0], [1, 1, 1, 1, 1],
                                                           [0, 1, 1, 1, 0], [0, 0, 1, 0, 0]], dtype="bool"),
                       "min_distance": 3}, radius=3))
    # Edge cases: plateaus of equal maxima, everything below the threshold.
    two = Input("two_valued", shape=(16, 17), dtype="uint8", low=0, high=5, seed=s("two"))
    cases.append(Case("edge cases", "two-valued uint8 plateaus", (two,), {"exclude_border": False}))
    cases.append(Case("edge cases", "threshold above the maximum", (img,), {"threshold_abs": 2.0}))
    cases.append(Case("edge cases", "num_peaks=0", (img,), {"num_peaks": 0}))
    # Bad input.
    cases.append(Case("bad input", "bool image", (rand((16, 16), "bool", s("bool")),), {}))
    cases.append(Case("bad input", "labels float", (img,), {"labels": rand((30, 31), "float64", s("lf"))}))
    cases.append(Case("bad input", "labels with an extra axis", (img,),
                      {"labels": Input("constant", shape=(30, 31, 2), dtype="int32", value=1)}))
    return cases


image_spec("peak_local_max", SK + "feature.peak_local_max", SC + "feature.peak_local_max",
           chapter=SEGMENTATION, dtypes=INT_AND_FLOAT, ndims=(1, 2, 3, 4), compare=_peaks(), radius=_plm_radius,
           grid=({}, {"min_distance": 3}, {"threshold_rel": 0.5}, {"min_distance": 2, "threshold_abs": 0.4},
                 {"exclude_border": False}, {"exclude_border": 3}, {"num_peaks": 5},
                 {"footprint": Input("array", values=[[1] * 3] * 3, dtype="bool"), "exclude_border": False},
                 {"min_distance": 3, "p_norm": 2}, {"min_distance": 2, "p_norm": 1}),
           value_dtypes=("uint8", "float64"),
           bad=[("min_distance=-1", {"min_distance": -1}), ("exclude_border=-1", {"exclude_border": -1}),
                ("exclude_border=(1,) on 2-D", {"exclude_border": (1,)}), ("min_distance=1.5", {"min_distance": 1.5}),
                ("num_peaks=2.5", {"num_peaks": 2.5}),
                ("3-D footprint on 2-D", {"footprint": Input("array", values=[[[1] * 3] * 3] * 3, dtype="bool")})],
           extra=_plm_extra)


# --- canny -----------------------------------------------------------------------------------


def _canny_radius(kwargs):
    return int(4 * kwargs.get("sigma", 1.0) + 0.5) + 1


def _canny_extra(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("canny", seed, *parts)  # noqa: E731
    size = 128 if full else 48
    cases = []
    coins = sample("coins", size, "float64")
    cam = sample("camera", size, "uint8")
    mask = scene(size, s("mask"), part="mask")
    for img, nm in ((coins, "coins"), (cam, "camera")):
        for kw in ({}, {"sigma": 2.0, "low_threshold": 0.05, "high_threshold": 0.15}):
            cases.append(Case("values", f"{nm} with a mask {kw or ''}".strip(), (img,), {"mask": mask, **kw},
                              radius=_canny_radius(kw)))
    cases.append(Case("values", "coins with a mask, mode='reflect'", (coins,), {"mask": mask, "mode": "reflect"},
                      radius=_canny_radius({})))
    # Edge cases: an all-False mask, a single edge (a step), thresholds equal.
    cases.append(Case("edge cases", "all-False mask", (coins,),
                      {"mask": Input("constant", shape=(size, size), dtype="bool", value=False)}))
    step = Input("array", values=[[0.0] * 8 + [1.0] * 8] * 12)
    cases.append(Case("edge cases", "a step edge", (step,), {}, radius=5))
    cases.append(Case("edge cases", "low_threshold == high_threshold", (coins,),
                      {"low_threshold": 0.1, "high_threshold": 0.1}, radius=5))
    cases.append(Case("edge cases", "sigma=0", (coins,), {"sigma": 0.0}, radius=1))
    # Bad input.
    cases.append(Case("bad input", "mask shape mismatch", (coins,),
                      {"mask": Input("constant", shape=(size - 1, size), dtype="bool", value=True)}))
    return cases


image_spec("canny", SK + "feature.canny", SC + "feature.canny", chapter=FILTERING, dtypes=ALL_DTYPES, ndims=(2,),
           compare=exact(), radius=_canny_radius,
           grid=({}, {"sigma": 2.0}, {"sigma": 0.5}, {"low_threshold": 0.05, "high_threshold": 0.2},
                 {"use_quantiles": True, "low_threshold": 0.5, "high_threshold": 0.8},
                 {"mode": "reflect"}, {"mode": "nearest", "sigma": 1.5}, {"mode": "mirror"}, {"mode": "wrap"},
                 {"mode": "constant", "cval": 0.3}),
           value_dtypes=("uint8", "float64"),
           bad=[("low_threshold > high_threshold", {"low_threshold": 0.5, "high_threshold": 0.1}),
                ("quantile > 1", {"use_quantiles": True, "low_threshold": 0.5, "high_threshold": 1.5}),
                ("sigma=-1", {"sigma": -1.0}), ("mode='bad'", {"mode": "bad"})],
           extra=_canny_extra)
