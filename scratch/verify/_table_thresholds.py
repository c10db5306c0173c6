"""Case tables of chapter 03, masks and thresholds: the automatic thresholds of skimage.filters.

The histogram thresholds return one number (the reference's type: ``np.uint8`` for a uint8
image, ``np.float64`` for a float one, ...), compared by :func:`~._compare.scalar`;
``threshold_multiotsu`` returns an array of thresholds, ``threshold_local`` a threshold image.
The ``hist=`` cases pass a (counts, centres) histogram instead of an image.
"""

from ._builders import INT_AND_FLOAT, image_spec, chain
from ._compare import close, scalar
from ._core import Case
from ._inputs import Input, case_seed

CHAPTER = "03 masks and thresholds"
SK = "skimage.filters."
SC = "scratch.filters."


def _hist_cases(name, extra_kwargs=()):
    """``hist=(counts, centres)`` instead of an image, and both image and hist (the image wins)."""

    def extra(level, seed):
        cases = []
        for n in (8, 40):
            sd = case_seed(name, seed, "hist", n)
            counts = Input("random", shape=(n,), dtype="int64", seed=sd, low=0, high=60)
            centres = Input("array", values=[float(i) * 2.5 + 1 for i in range(n)])
            for kw in ({}, *extra_kwargs):
                cases.append(Case("values", f"hist= with {n} bins {kw or ''}".strip(), (),
                                  {"hist": (counts, centres), **kw}))
            cases.append(Case("values", f"hist= counts only ({n} bins)", (), {"hist": counts}))
        cases.append(Case("bad input", "neither image nor hist", (), {}))
        return cases

    return extra


def _complex_case(name, kwargs=None):
    def extra(level, seed):
        sd = case_seed(name, seed, "complex")
        return [Case("edge cases", f"complex image{label}", (Input("random", shape=(16, 16), dtype="complex128",
                                                                    seed=sd, **params),), dict(kwargs or {}),
                     known="complex-histogram")
                for label, params in (("", {}), (" (imaginary part 1)", {"imag": 1.0}))]
    return extra




def _narrow_integers(shape, dtype, seed):
    """Integer images with values 0..200 only: the reference's threshold_minimum smooths a
    histogram with one bin per integer value up to 10,000 times (3.5 minutes for a random
    uint16 image), and the answer does not need the wide range.  threshold_multiotsu's
    lookup table is bins² floats: 17 GB for a full-range uint16 image."""
    if dtype == "scene":
        from ._builders import scene

        return scene(shape[0], seed)
    if dtype in ("uint8", "uint16", "int32", "int64"):
        return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0, high=200)
    return Input("random", shape=tuple(shape), dtype=dtype, seed=seed)


BAD_NBINS = [("nbins=0", {"nbins": 0}), ("nbins=-3", {"nbins": -3})]

image_spec("threshold_otsu", SK + "threshold_otsu", SC + "threshold_otsu", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(), grid=({}, {"nbins": 64}, {"nbins": 17}),
           bad=BAD_NBINS, extra=chain(_hist_cases("threshold_otsu", ({"nbins": 10},)),
                                      _complex_case("threshold_otsu")))
image_spec("threshold_isodata", SK + "threshold_isodata", SC + "threshold_isodata", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(),
           grid=({}, {"nbins": 64}, {"return_all": True}), bad=BAD_NBINS,
           extra=chain(_hist_cases("threshold_isodata", ({"return_all": True},)),
                       _complex_case("threshold_isodata")))
image_spec("threshold_triangle", SK + "threshold_triangle", SC + "threshold_triangle", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(), grid=({}, {"nbins": 64}, {"nbins": 9}),
           bad=BAD_NBINS, extra=_complex_case("threshold_triangle"))
image_spec("threshold_mean", SK + "threshold_mean", SC + "threshold_mean", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar())
image_spec("threshold_minimum", SK + "threshold_minimum", SC + "threshold_minimum", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(),
           grid=({}, {"nbins": 64}, {"max_num_iter": 5}), samples=("camera", "coins", "page"),
           image=_narrow_integers,
           extra=_hist_cases("threshold_minimum"))
image_spec("threshold_li", SK + "threshold_li", SC + "threshold_li", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(),
           grid=({}, {"tolerance": 0.5}, {"initial_guess": 0.3}), edges=("constant", "two_valued", "empty"),
           )
image_spec("threshold_yen", SK + "threshold_yen", SC + "threshold_yen", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=scalar(), grid=({}, {"nbins": 64}),
           bad=BAD_NBINS, extra=chain(_hist_cases("threshold_yen"), _complex_case("threshold_yen")))
image_spec("threshold_multiotsu", SK + "threshold_multiotsu", SC + "threshold_multiotsu", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=close(),
           grid=({}, {"classes": 2}, {"classes": 4, "nbins": 32}, {"nbins": 64}),
           bad=[("classes=0", {"classes": 0})], image=_narrow_integers,
           extra=_hist_cases("threshold_multiotsu", ({"classes": 2},)))
image_spec("threshold_local", SK + "threshold_local", SC + "threshold_local", chapter=CHAPTER,
           dtypes=INT_AND_FLOAT, ndims=(2, 3), compare=close(),
           grid=({"block_size": 5}, {"block_size": 7, "method": "mean"}, {"block_size": 5, "method": "median"},
                 {"block_size": 9, "offset": 0.1, "mode": "nearest"},
                 {"block_size": 5, "method": "gaussian", "param": 2.0, "mode": "constant", "cval": 0.5}),
           radius=lambda kw: kw.get("block_size", 3) // 2,
           bad=[("block_size=4 (even)", {"block_size": 4}), ("method='bad'", {"method": "bad"})],
           extra=_complex_case("threshold_local", {"block_size": 5}))
