"""Exercises of chapter 01, pixel operations: inverting an image, histogram equalisation."""

import numpy as np

from scratch.verify._core import Case
from scratch.verify._inputs import Input, case_seed

from ._cases import literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "01 pixel operations"
U = "scratch.util._invert:"


def _integer_cases(seed):
    """Each integer dtype's extremes (and a few values around 0), random images, a bool image."""
    out = []
    for dtype in ("uint8", "uint16", "uint32", "int8", "int16", "int32", "int64"):
        info = np.iinfo(dtype)
        values = sorted({int(info.min), int(info.min) + 1, max(int(info.min), -2), 0, 1, 100, int(info.max) - 1,
                         int(info.max)})
        out.append(Case("values", f"{dtype} extremes", (literal(values, dtype),)))
    for dtype in ("uint8", "uint16", "int8", "int16"):
        out.append(Case("values", f"random 6×7 {dtype}",
                        (Input("random", shape=(6, 7), dtype=dtype, seed=case_seed("exercise invert", seed, dtype)),)))
    out.append(Case("values", "bool 3×4", (literal([[True, False, True, True], [False] * 4, [True] * 4], "bool"),)))
    return out


def _float_cases(seed):
    out = []
    for dtype in ("float64", "float32", "float16"):
        sd = case_seed("exercise invert float", seed, dtype)
        unsigned = Input("random", shape=(5, 6), dtype=dtype, seed=sd)
        signed = Input("random", shape=(5, 6), dtype=dtype, seed=sd, low=-1.0, high=1.0)
        out.append(Case("values", f"{dtype} in [0, 1]", (unsigned,)))
        out.append(Case("values", f"{dtype} in [-1, 1], signed_float=True", (signed,), {"signed_float": True}))
    out.append(Case("values", "float64 extremes", (literal([0.0, 0.25, 0.5, 1.0], "float64"),)))
    return out


register(Exercise(
    id="invert", chapter=CHAPTER, title="Inverting an image",
    intro="Inverting maps the dtype's maximum to its minimum and back: the rule depends on the dtype "
          "(unsigned integers, signed integers, bool, floats in [0, 1] or in [-1, 1]), and the result "
          "keeps the input's dtype.",
    steps=[
        Step("invert_integer", "integers and bool, inside the dtype's range", U + "_invert_integer", points=2,
             cases=_integer_cases),
        Step("invert_float", "floats in [0, 1] or [-1, 1]", U + "_invert_float", points=2, cases=_float_cases),
        Step("invert", "the inverted image, any dtype", "scratch.util:invert", points=2, verify="invert"),
    ],
    mistakes=[
        Mistake("negated signed integers", "your signed integers are negated (-x): the reference computes -1 - x, "
                "so that the maximum and the minimum swap (in int8 -(-128) overflows back to -128)",
                U + "_invert_integer",
                replace=(("return np.invert(image)",
                          "return np.negative(image) if image.dtype.kind == 'i' else np.invert(image)"),)),
        Mistake("255 for every unsigned type", "your unsigned images are inverted as 255 - x whatever their dtype: "
                "use the dtype's own maximum (65535 for uint16, np.iinfo(dtype).max)", U + "_invert_integer",
                replace=(("return np.invert(image)",
                          "return np.subtract(255, image, dtype=image.dtype) if image.dtype.kind == 'u' "
                          "else np.invert(image)"),)),
        Mistake("signed_float ignored", "your float image is inverted as 1 - x although signed_float=True: an "
                "image in [-1, 1] is inverted as -x", U + "_invert_float",
                replace=(("if signed_float:", "if False:"),)),
        Mistake("negated unsigned floats", "your float image in [0, 1] is negated (-x): without signed_float "
                "the inverse of x is 1 - x", U + "_invert_float",
                replace=(("return np.subtract(1, image, dtype=dtype)", "return -image"),)),
    ],
))


E = "scratch.exposure:"

register(Exercise(
    id="equalize_hist", chapter=CHAPTER, title="Histogram equalisation",
    intro="Equalisation replaces every pixel by its rank: the cumulative distribution cdf(x), the fraction "
          "of pixels <= x.  Steps: (1) the histogram (one bin per integer value for integer images, nbins "
          "equal bins between the minimum and the maximum for floats); (2) cdf[b] = (counts[0] + ... + "
          "counts[b]) / N; (3) map every pixel x through the points (bin_centers[b], cdf[b]) by linear "
          "interpolation, cdf[b] + (cdf[b+1] - cdf[b]) / (c[b+1] - c[b]) * (x - c[b]) (np.interp's "
          "formula; values outside the centres take the end values).  With mask= only the masked pixels "
          "build the histogram, but the whole image is mapped.  The output is float32 for a float32 image, "
          "float64 otherwise.",
    steps=[
        Step("histogram", "the histogram: counts and bin centres", E + "histogram", points=2,
             verify="histogram", params=("image", "nbins")),
        Step("cumulative_distribution", "the cumulative distribution", E + "cumulative_distribution", points=2,
             verify="cumulative_distribution"),
        Step("equalize_hist", "every pixel through the cdf", E + "equalize_hist", points=4, verify="equalize_hist"),
    ],
    mistakes=[
        Mistake("cdf not normalised", "your cdf is the running count of pixels, not divided by the number of "
                "pixels N: it must end at exactly 1 (and the equalised image lie in (0, 1])",
                E + "cumulative_distribution",
                replace=(("img_cdf = img_cdf / float(img_cdf[-1])", "img_cdf = img_cdf * 1.0"),)),
        Mistake("exclusive cdf", "your cdf counts the pixels strictly below each bin (a running sum that starts "
                "at 0): cdf[b] includes bin b itself, so it starts at counts[0] / N and ends at 1",
                E + "cumulative_distribution",
                replace=(("img_cdf = hist.cumsum()", "img_cdf = hist.cumsum() - hist"),
                         ("img_cdf / float(img_cdf[-1])", "img_cdf / float(hist.sum())"))),
        Mistake("mask ignored", "your histogram counts every pixel although a mask was given: only the pixels "
                "where mask is True build the cdf (the whole image is then mapped through it)", E + "equalize_hist",
                replace=(("cdf, bin_centers = cumulative_distribution(image[mask], nbins)",
                          "cdf, bin_centers = cumulative_distribution(image, nbins)"),)),
        Mistake("float64 for float32", "your output is float64 for a float32 image: the reference keeps float32 "
                "(float64 for every other dtype)", E + "equalize_hist",
                replace=(("return out.reshape(image.shape).astype(supported_float_dtype(image.dtype), copy=False)",
                          "return out.reshape(image.shape)"),)),
    ],
))
