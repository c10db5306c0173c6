"""Exercises of chapter 03, masks and thresholds: Otsu, ISODATA, triangle, the mean."""

import numpy as np

from scratch.verify import _compare
from scratch.verify._core import Case

from ._cases import histogram_cases, literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "03 masks and thresholds"
T = "scratch.filters._thresholds:"


def _no_quirks(case):
    """Leave out the cases where the reference has a documented quirk (complex images)."""
    return case.known is None


register(Exercise(
    id="threshold_otsu", chapter=CHAPTER, title="Otsu's threshold", core=True,
    intro="Otsu picks the threshold that maximises the between-class variance "
          "w1 w2 (m1 - m2)**2 over the bin centres of the image's histogram.",
    steps=[
        Step("histogram", "the histogram: counts and bin centres", "scratch.exposure:histogram", points=2,
             verify="histogram", params=("image", "nbins")),
        Step("otsu_class_statistics", "class weights and means", T + "_otsu_class_statistics", points=2,
             cases=histogram_cases(), compare=_compare.each(_compare.close(), _compare.close(),
                                                            _compare.close(), _compare.close())),
        Step("otsu_variance", "between-class variance", T + "_otsu_variance", points=2, cases=histogram_cases()),
        Step("threshold_otsu", "the threshold", "scratch.filters:threshold_otsu", points=4,
             verify="threshold_otsu", select=_no_quirks),
    ],
    mistakes=[
        Mistake("bin edges", "your threshold is the lower edge of the best bin, not its centre "
                "(Otsu's candidates are the bin centres)", "scratch.filters:threshold_otsu",
                replace=(("return centers[np.argmax(variance12)]",
                          "return centers[np.argmax(variance12)] - (centers[1] - centers[0]) / 2"),)),
        Mistake("upper class start", "your output is the first bin of the upper class: the threshold is the "
                "last bin of the lower class (pixels > t are foreground)", "scratch.filters:threshold_otsu",
                replace=(("return centers[np.argmax(variance12)]", "return centers[np.argmax(variance12) + 1]"),)),
        Mistake("means over all pixels", "your class means divide by the total pixel count instead of the "
                "class weight", T + "_otsu_class_statistics",
                replace=(("mean1 = np.cumsum(counts * bin_centers) / weight1",
                          "mean1 = np.cumsum(counts * bin_centers) / weight1[-1]"),
                         ("/ weight2[::-1])[::-1]", "/ weight2[0])[::-1]"))),
        Mistake("class 2 from bin b", "your variance pairs class 1 = bins 0..b with class 2 = bins b..end "
                "(bin b counted twice)", T + "_otsu_variance",
                replace=(("weight1[:-1] * weight2[1:] * (mean1[:-1] - mean2[1:]) ** 2",
                          "weight1[:-1] * weight2[:-1] * (mean1[:-1] - mean2[:-1]) ** 2"),)),
    ],
))


register(Exercise(
    id="threshold_isodata", chapter=CHAPTER, title="ISODATA, the iterative mean", core=True,
    intro="ISODATA (Ridler & Calvard) looks for a threshold t that is the midpoint of the two class "
          "means, t = (m1(t) + m2(t)) / 2: the fixed point of the iteration t <- (m1(t) + m2(t)) / 2. "
          "On a histogram every bin can be tested at once; the reference returns the lowest bin that "
          "passes.  (The hist= argument is not part of this exercise.)",
    chain=(T + "_isodata_criterion",),
    steps=[
        Step("histogram", "the histogram: counts and bin centres", "scratch.exposure:histogram", points=2,
             verify="histogram", params=("image", "nbins")),
        Step("isodata_class_means", "the two class means at every bin", T + "_isodata_class_means", points=2,
             cases=histogram_cases(), compare=_compare.each(_compare.close(), _compare.close())),
        Step("isodata_fixed_points", "every fixed point of the iteration", T + "_isodata_fixed_points",
             points=2, cases=histogram_cases()),
        Step("threshold_isodata", "the threshold", "scratch.filters:threshold_isodata", points=4,
             verify="threshold_isodata", params=("image", "nbins", "return_all"), select=_no_quirks),
    ],
    mistakes=[
        Mistake("highest fixed point", "your threshold is the highest fixed point: when several thresholds "
                "satisfy t = (m1 + m2) / 2 the reference returns the lowest one", "scratch.filters:threshold_isodata",
                replace=(("return thresholds[0]", "return thresholds[-1]"),)),
        Mistake("bin b in both classes", "your class 2 includes the threshold's own bin (<= t for class 1 and "
                ">= t for class 2, so bin b counts twice): class 2 is the pixels > t, bins b+1..end",
                T + "_isodata_class_means",
                replace=(("higher = (csum_intensity[-1] - csum_intensity[:-1]) / csumh[:-1]",
                          "higher = (csum_intensity[-1] - csum_intensity[:-1] + intensity_sum[:-1]) "
                          "/ (csumh[:-1] + counts[:-1])"),)),
        Mistake("class 1 below t", "your classes split the pixels into < t and >= t: the threshold's own bin "
                "belongs to class 1 (pixels <= t), class 2 is the pixels > t", T + "_isodata_class_means",
                replace=(("lower = csum_intensity[:-1] / csuml[:-1]",
                          "lower = (csum_intensity[:-1] - intensity_sum[:-1]) / (csuml[:-1] - counts[:-1])"),
                         ("higher = (csum_intensity[-1] - csum_intensity[:-1]) / csumh[:-1]",
                          "higher = (csum_intensity[-1] - csum_intensity[:-1] + intensity_sum[:-1]) "
                          "/ (csumh[:-1] + counts[:-1])"))),
        Mistake("midpoint rounded up", "your fixed points are the bins just above the midpoint (m1 + m2) / 2: "
                "the reference takes the bin the midpoint falls in, 0 <= (m1 + m2) / 2 - c[b] < bin width",
                T + "_isodata_fixed_points",
                replace=(("(distances >= 0) & (distances < bin_width)",
                          "(distances <= 0) & (distances > -bin_width)"),)),
    ],
))


def _triangle_images(seed):
    """(label, image, nbins) whose histograms have a tail on the right, on the left, or both."""
    from scratch.verify._inputs import case_seed

    rng = np.random.default_rng(case_seed("exercise triangle", seed))
    return [
        ("dark background, bright tail (uint8)", np.minimum(rng.exponential(20, 400), 255).astype(np.uint8), 256),
        ("bright background, dark tail (uint8)", (255 - np.minimum(rng.exponential(15, 400), 255)).astype(np.uint8),
         256),
        ("skewed float, 40 bins", rng.gamma(2.0, 1.0, 500), 40),
        ("random uint8 12×13", rng.integers(0, 256, (12, 13)).astype(np.uint8), 256),
        ("peak in the middle, 9 bins", np.concatenate([rng.normal(0.5, 0.05, 200), rng.uniform(0, 1, 40)]), 9),
    ]


def _triangle_hists(seed):
    from scratch.exposure import histogram

    return [(label, histogram(image, nbins, source_range="image")[0]) for label, image, nbins in _triangle_images(seed)]


def _orient_cases(seed):
    return [Case("values", label, (literal(h, "int64"),)) for label, h in _triangle_hists(seed)]


def _distance_cases(seed):
    from scratch.filters._thresholds import _triangle_orient

    out = []
    for label, h in _triangle_hists(seed):
        hist, _, low, peak = _triangle_orient(h)
        out.append(Case("values", label + ", oriented", (literal(hist, "int64"), low, peak)))
    return out


_LOOSE = _compare.scalar(check_type=False)

register(Exercise(
    id="threshold_triangle", chapter=CHAPTER, title="The triangle threshold", core=True,
    intro="The triangle method (Zack et al. 1977) draws a line from the histogram's peak to the far end of "
          "its longer tail; the threshold is the bin whose top lies farthest below that line.  It suits a "
          "small bright (or dark) object on a large background: one peak, one long tail.",
    chain=(T + "_triangle_of_histogram",),
    steps=[
        Step("histogram", "the histogram: counts and bin centres", "scratch.exposure:histogram", points=2,
             verify="histogram", params=("image", "nbins")),
        Step("triangle_orient", "the longer tail on the left: far end and peak", T + "_triangle_orient", points=2,
             cases=_orient_cases, compare=_compare.each(_compare.close(), _LOOSE, _LOOSE, _LOOSE)),
        Step("triangle_distances", "every bin's distance below the line", T + "_triangle_distances", points=2,
             cases=_distance_cases),
        Step("threshold_triangle", "the threshold", "scratch.filters:threshold_triangle", points=4,
             verify="threshold_triangle", select=_no_quirks),
    ],
    mistakes=[
        Mistake("no flip", "you always draw the line to the left end of the histogram: when the longer tail is "
                "on the right (a dark background) the histogram must be reversed first", T + "_triangle_orient",
                replace=(("flip = arg_peak_height - arg_low_level < arg_high_level - arg_peak_height",
                          "flip = False"),)),
        Mistake("shorter tail", "your line goes to the end of the shorter tail: the triangle is drawn on the "
                "longer one (reverse the histogram when peak - low < high - peak)", T + "_triangle_orient",
                replace=(("flip = arg_peak_height - arg_low_level < arg_high_level - arg_peak_height",
                          "flip = arg_peak_height - arg_low_level > arg_high_level - arg_peak_height"),)),
        Mistake("flip back off by one", "your threshold is one bin off whenever the histogram was reversed: bin i "
                "of the reversed histogram is bin nbins - 1 - i of the original, not nbins - i",
                T + "_triangle_of_histogram",
                replace=(("arg_level = nbins - arg_level - 1", "arg_level = nbins - arg_level"),)),
        Mistake("candidates one bin toward the peak", "your distances belong to the bins low+1 .. peak (x = 1 .. "
                "width): the candidates are the bins low .. peak-1, d[x] for the bin low + x with x = 0 .. width-1",
                T + "_triangle_distances",
                replace=(("x = np.arange(width)", "x = np.arange(1, width + 1)"),)),
    ],
))


def _sum_int_cases(seed):
    from scratch.verify._inputs import Input, case_seed

    out = []
    for dtype, low, high, n in (("uint8", 0, 256, 300), ("uint8", 200, 256, 50), ("uint16", 0, 65536, 200),
                                ("int16", -32768, 32768, 100), ("int32", -10, 10, 7), ("uint8", 0, 256, 1)):
        sd = case_seed("exercise sum_int", seed, dtype, n, low)
        out.append(Case("values", f"random {dtype} in [{low}, {high}), {n} values",
                        (Input("random", shape=(n,), dtype=dtype, seed=sd, low=low, high=high),)))
    return out


def _sum_float_cases(seed):
    from scratch.verify._inputs import Input, case_seed

    return [Case("values", f"random {dtype}, {n} values",
                 (Input("random", shape=(n,), dtype=dtype, seed=case_seed("exercise sum_float", seed, dtype, n)),))
            for dtype in ("float64", "float32") for n in (1, 3, 4, 7, 301)]


register(Exercise(
    id="threshold_mean", chapter=CHAPTER, title="The mean threshold",
    intro="The simplest global threshold: the mean intensity of the image (Glasbey 1993).  The work is in "
          "summing without overflow and returning the reference's type.",
    chain=(T + "_sum_chunks_int", T + "_sum_chunks"),
    steps=[
        Step("sum_int", "an exact integer sum", T + "_sum_int", points=2, cases=_sum_int_cases, compare=_LOOSE),
        Step("sum_float", "a float64 sum", T + "_sum_float", points=2, cases=_sum_float_cases, compare=_LOOSE),
        Step("threshold_mean", "the threshold", "scratch.filters:threshold_mean", points=3,
             verify="threshold_mean", select=_no_quirks),
    ],
    mistakes=[
        Mistake("sum in the pixel type", "your sum wraps around: you added the pixels in their own integer type "
                "(a uint8 total overflows past 255); add them as int64", T + "_sum_int",
                replace=(("s += np.int64(part[i])", "s += part[i]"),)),
        Mistake("integer division", "your mean of an integer image is rounded down (total // N): divide as "
                "floats, np.float64(total) / np.float64(N)", "scratch.filters:threshold_mean",
                replace=(("return np.float64(total) / np.float64(flat.size)",
                          "return np.float64(total // flat.size)"),)),
        Mistake("float64 for a float32 image", "your threshold of a float32 image is a float64: the reference "
                "returns the mean in the image's own float type", "scratch.filters:threshold_mean",
                replace=(("return image.dtype.type(total / flat.size)", "return total / flat.size"),)),
    ],
))
