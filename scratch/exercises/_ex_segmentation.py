"""Exercises of chapter 05, segmentation: connected components, watershed, peak_local_max."""

import numpy as np

from scratch.verify import _compare
from scratch.verify._core import Case
from scratch.verify._inputs import case_seed

from ._cases import literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "05 segmentation"
NL = "scratch.ndimage._label:"
ML = "scratch.measure._label:"
UF = "scratch.ndimage._unionfind:"


# --- label ---------------------------------------------------------------------------------


def _structure_cases(seed):
    """``(structure,)``: the neighbourhoods of 1-D to 4-D images at every connectivity."""
    from scratch.ndimage import generate_binary_structure

    return [Case("values", f"{ndim}-D, connectivity {c}", (literal(generate_binary_structure(ndim, c), "bool"),))
            for ndim in (1, 2, 3, 4) for c in range(1, ndim + 1)]


def _forest_cases(seed):
    """``(parent, n_labels)``: union-find forests as a first pass leaves them (``parent[i] <= i``)."""
    rng = np.random.default_rng(case_seed("exercise forests", seed))
    out = [Case("values", "the docstring's example", (literal([0, 1, 1, 3, 2, 5], "int64"), 5)),
           Case("values", "one label", (literal([0, 1], "int64"), 1)),
           Case("values", "no labels", (literal([0], "int64"), 0))]
    for n, roots, dtype in ((12, 0.5, "int64"), (40, 0.2, "int32"), (200, 0.05, "int64"), (25, 1.0, "int32")):
        parent = np.arange(n + 1)
        for i in range(2, n + 1):
            if rng.random() >= roots:
                parent[i] = rng.integers(1, i)
        out.append(Case("values", f"{n} provisional labels, {dtype}", (literal(parent, dtype), n)))
    return out


register(Exercise(
    id="label", chapter=CHAPTER, title="Connected-component labeling (union-find)", core=True,
    intro="Two pixels are connected when a chain of neighbouring pixels of the same value joins "
          "them; `connectivity` (1..ndim) says how many orthogonal steps a neighbour may be away. "
          "Label them in two raster passes with a union-find forest.",
    steps=[
        Step("generate_binary_structure", "the neighbourhood of a connectivity", NL + "generate_binary_structure",
             points=2, verify="generate_binary_structure"),
        Step("neighbour_offsets", "the neighbours a raster scan has visited", NL + "neighbour_offsets", points=2,
             cases=_structure_cases, compare=_compare.each(_compare.close(), _compare.close())),
        Step("resolve", "union-find forest to consecutive labels", UF + "resolve", points=2,
             cases=_forest_cases, compare=_compare.each(_compare.close(), _compare.close())),
        Step("label", "the labels", "scratch.measure:label", points=4, verify="label"),
    ],
    chain=(NL + "label_values", "scratch.ndimage:label"),
    mistakes=[
        Mistake("4-connectivity", "your output is what 1-connectivity gives (4-connectivity in 2-D): the "
                "diagonal neighbours are left out although `connectivity` asked for them (the default is "
                "full connectivity, ndim)", NL + "generate_binary_structure",
                replace=(("return steps <= connectivity", "return steps <= 1"),)),
        Mistake("not renumbered", "your labels are not consecutive: every component keeps the provisional "
                "label of its root instead of being renumbered 1, 2, 3, ... in raster order", UF + "resolve",
                replace=(("final[i] = k\n", "final[i] = i\n"),)),
        Mistake("background included", "your output labels the background too: pixels equal to `background` "
                "(0 by default; False in a bool image) must get label 0 and join no component",
                "scratch.measure:label",
                replace=(("    if label_image.dtype == bool:\n", "    if False:\n"),
                         ("background = int(background)\n", "background = -2 ** 62\n"))),
    ],
))


# --- watershed -----------------------------------------------------------------------------

WS = "scratch.segmentation._watershed:"


def _offsets_cases(seed):
    """``(padded_shape, footprint, center)``: the footprints of the connectivities, 1-D to 3-D."""
    from scratch.ndimage import generate_binary_structure

    out = []
    for shape in ((9,), (5, 6), (1, 7), (4, 5, 6)):
        ndim = len(shape)
        for c in range(1, ndim + 1):
            out.append(Case("values", f"padded {'×'.join(map(str, shape))}, connectivity {c}",
                            (tuple(shape), literal(generate_binary_structure(ndim, c), "bool"), (1,) * ndim)))
    out.append(Case("values", "a 3×5 footprint, centre (1, 2)",
                    ((7, 9), literal(np.ones((3, 5), bool), "bool"), (1, 2))))
    return out


def _flood_arguments(image, markers, connectivity=1, mask=None):
    """The flat padded arguments of ``_flood``, built exactly as ``watershed`` builds them."""
    from scratch.segmentation._watershed import _footprint_and_center, _neighbour_offsets, _nonzero

    image = np.asarray(image, np.float64)
    mask = np.ones(image.shape, bool) if mask is None else np.asarray(mask, bool)
    footprint, center = _footprint_and_center(image.ndim, connectivity, None)
    center = tuple(int(c) for c in center)
    padded_shape = tuple(n + 2 * c for n, c in zip(image.shape, center))
    inner = tuple(slice(c, c + n) for c, n in zip(center, image.shape))
    work = np.zeros(padded_shape, np.float64)
    work[inner] = image
    flat_mask = np.zeros(padded_shape, np.uint8)
    flat_mask[inner] = mask
    output = np.zeros(padded_shape, np.int64)
    output[inner] = markers * mask
    strides = np.array(work.strides, dtype=np.intp) // work.itemsize
    output = output.reshape(-1)
    args = (literal(work.reshape(-1), "float64"), literal(_nonzero(output), "intp"),
            literal(_neighbour_offsets(padded_shape, footprint, center), "intp"),
            literal(flat_mask.reshape(-1), "uint8"), literal(strides, "intp"), 0.0)
    return dict(args=args, kwargs={"output": literal(output, "int64"), "wsl": False}, writable=("output",))


def _flood_cases(seed):
    """Small images with markers, as ``_flood`` receives them (plain watershed)."""
    rng = np.random.default_rng(case_seed("exercise flood", seed))
    out = []
    ramp = np.array([[0, 1, 2, 1, 0]], float)
    out.append(Case("values", "a ridge between two markers", **_flood_arguments(ramp, np.array([[1, 0, 0, 0, 2]]))))
    flat = np.zeros((7, 9))
    m = np.zeros((7, 9), int)
    m[1, 1], m[5, 7], m[3, 4] = 1, 2, 3
    out.append(Case("values", "a plateau (the age decides)", **_flood_arguments(flat, m)))
    out.append(Case("values", "a plateau, connectivity 2", **_flood_arguments(flat, m, 2)))
    for shape, levels in (((12, 13), 256), ((10, 11), 4), ((5, 6, 7), 8)):
        image = rng.integers(0, levels, shape).astype(float)
        markers = np.zeros(shape, int)
        picks = rng.choice(image.size, 4, replace=False)
        markers.reshape(-1)[picks] = [1, 2, 3, 2]
        for c in (1, len(shape)):
            label = f"random {'×'.join(map(str, shape))}, {levels} levels, connectivity {c}"
            out.append(Case("values", label, **_flood_arguments(image, markers, c)))
    image = rng.integers(0, 6, (11, 12)).astype(float)
    markers = np.zeros((11, 12), int)
    markers[2, 2], markers[8, 9] = 1, 2
    mask = np.ones((11, 12), bool)
    mask[:, 6] = False
    mask[5, 6] = True
    out.append(Case("values", "a mask with a gap", **_flood_arguments(image, markers, 1, mask)))
    return out


def _array_markers(case):
    """Markers given as an array (not a number of seeds, not the local minima); no NaN."""
    from scratch.verify._inputs import Input

    return case.known is None and len(case.args) >= 2 and isinstance(case.args[1], Input)


register(Exercise(
    id="watershed", chapter=CHAPTER, title="Marker-based watershed (priority flood)", core=True,
    intro="Water wells up from the markers and floods the image in the order of (value, age): "
          "the lowest pixels first, on a plateau the pixel queued first. Your `watershed` takes "
          "markers as a label array (not a number of seeds, not None) and leaves out offset, "
          "compactness and watershed_line: pad the image by the footprint's radius (the padding "
          "outside the mask), flatten, call raveled_offsets and flood, cut the padding off, and "
          "return the labels in the dtype of `markers`.",
    steps=[
        Step("raveled_offsets", "the neighbours as flat offsets, nearest first", WS + "_neighbour_offsets",
             points=2, cases=_offsets_cases),
        Step("flood", "the priority flood", WS + "_flood", points=4, cases=_flood_cases),
        Step("watershed", "the watershed labels", "scratch.segmentation:watershed", points=4,
             verify="watershed", params=("image", "markers", "connectivity", "mask"), select=_array_markers),
    ],
    mistakes=[
        Mistake("no age tie-break", "your output is what a queue ordered by value alone gives: pixels of equal "
                "value leave in the heap's arbitrary order, not first-in first-out (the age breaks the tie, so "
                "a plateau is split halfway between the markers)", WS + "_flood",
                replace=(("new_value, age, neighbor, source)", "new_value, 0, neighbor, source)"),)),
        Mistake("no max with the level", "your output lets the water run down behind a ridge: a neighbour lower "
                "than the popped pixel is pushed with its own value, not with max(its value, the level being "
                "flooded)", WS + "_flood",
                replace=(("if new_value < value:", "if False:"),)),
        Mistake("full connectivity", "your neighbours are the whole 3×3 square (every element of the cube) "
                "although the footprint — connectivity=1: the face neighbours only — asked for fewer",
                WS + "_neighbour_offsets",
                replace=(("np.nonzero(footprint)", "np.nonzero(np.ones_like(footprint))"),)),
        Mistake("mask ignored", "your output floods the whole image: pixels outside `mask` must keep label 0 "
                "(and markers outside it are dropped)", "scratch.segmentation:watershed",
                replace=(("mask = np.asanyarray(mask, dtype=bool)", "mask = np.ones(np.shape(image), bool)"),)),
    ],
))


# --- peak_local_max ------------------------------------------------------------------------

PK = "scratch.feature._peak:"


def _peak_images(seed):
    rng = np.random.default_rng(case_seed("exercise peaks", seed))
    yy, xx = np.mgrid[:20, :21]
    bumps = sum(np.exp(-((yy - y) ** 2 + (xx - x) ** 2) / 6.0) * h
                for y, x, h in ((4, 5, 1.0), (6, 8, 0.8), (14, 15, 0.9), (15, 3, 0.5), (10, 11, 0.7)))
    return [
        ("random 9×10", rng.random((9, 10))),
        ("five bumps 20×21", bumps),
        ("uint8 plateaus 12×13", rng.integers(0, 4, (12, 13)).astype(np.uint8)),
        ("1-D 25", rng.random(25)),
        ("3-D 5×6×7", rng.random((5, 6, 7))),
    ]


def _peak_mask_cases(seed):
    out = []
    for label, image in _peak_images(seed):
        nd = image.ndim
        for name, fp in ((f"3^{nd} square", np.ones((3,) * nd, bool)), (f"5^{nd} square", np.ones((5,) * nd, bool))):
            out.append(Case("values", f"{label}, {name}", (literal(image), literal(fp, "bool"), float(image.min()))))
        if nd == 2:
            cross = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], bool)
            out.append(Case("values", f"{label}, the cross, threshold 0.5",
                            (literal(image), literal(cross, "bool"), 0.5)))
    out.append(Case("values", "constant 6×7 (trivial: no peaks)", (literal(np.full((6, 7), 2.0)),
                                                                   literal(np.ones((3, 3), bool), "bool"), 0.0)))
    return out


def _border_cases(seed):
    image2, image3 = literal(np.zeros((6, 7))), literal(np.zeros((4, 5, 6)))
    return [Case("values", f"{label}, min_distance={md}, exclude_border={eb!r}", (image, md, eb))
            for label, image in (("2-D", image2), ("3-D", image3))
            for md, eb in ((1, True), (3, True), (3, False), (2, 0), (2, 4))] + \
        [Case("values", "2-D, exclude_border=(1, 4)", (image2, 2, (1, 4)))]


def _widths(ref, out, context=None):
    """A tuple of ints per axis: the same ints (a list or an array of them will do)."""
    try:
        same = np.ndim(out) == 1 and [int(x) for x in out] == [int(x) for x in ref]
    except (TypeError, ValueError):
        same = False
    if same:
        return _compare.PASS
    return _compare.Verdict(False, "different border widths", f"{out!r} where the reference gives {ref!r}", "fail")


_widths.kind = "widths"


def _thinning_cases(seed):
    from scratch.feature._peak import _peak_mask

    out = []
    for label, image in _peak_images(seed):
        mask = _peak_mask(image, np.ones((3,) * image.ndim, bool), float(image.min()))
        for md, n, p in ((1, np.inf, np.inf), (2, np.inf, np.inf), (3, np.inf, np.inf), (3, 3, np.inf),
                         (3, np.inf, 2.0), (2, np.inf, 1.0)):
            out.append(Case("values", f"{label}, min_distance={md}, num_peaks={n}, p_norm={p}",
                            (literal(image), literal(mask, "bool"), n, md, p)))
    return out


register(Exercise(
    id="peak_local_max", chapter=CHAPTER, title="Peaks: local maxima, thresholds, greedy thinning",
    intro="A peak equals the maximum of its neighbourhood (a (2 min_distance + 1)-wide square, or "
          "`footprint`) and exceeds threshold = max(threshold_abs or image.min(), threshold_rel * "
          "image.max()); peaks near the border are dropped, then the rest are thinned greedily from the "
          "highest. Your `peak_local_max` leaves out `labels` and `num_peaks_per_label`.",
    steps=[
        Step("peak_mask", "the candidates: local maxima above the threshold", PK + "_peak_mask", points=3,
             cases=_peak_mask_cases, params=("image", "footprint", "threshold")),
        Step("border_width", "the border to exclude, per axis", PK + "_border_width", points=1,
             cases=_border_cases, compare=_widths),
        Step("high_intensity_peaks", "sort by value and thin greedily", PK + "_high_intensity_peaks", points=3,
             cases=_thinning_cases),
        Step("peak_local_max", "the peaks", "scratch.feature:peak_local_max", points=3, verify="peak_local_max",
             params=("image", "min_distance", "threshold_abs", "threshold_rel", "exclude_border", "num_peaks",
                     "footprint", "p_norm")),
    ],
    mistakes=[
        Mistake("euclidean distance", "your thinning measures the distance between peaks as Euclidean (a disc) "
                "although p_norm=inf (the default) asks for the Chebyshev distance, max |Δ| (a square)",
                PK + "_high_intensity_peaks", replace=(("p = float(p_norm)", "p = 2.0"),)),
        Mistake("no thinning", "your output keeps every local maximum: candidates closer than min_distance to a "
                "higher kept peak must be dropped (greedy thinning from the highest)", PK + "_high_intensity_peaks",
                replace=(("if min_distance > 1 and len(coord):", "if False:"),)),
        Mistake("threshold_rel ignored", "your output ignores threshold_rel: the threshold is max(threshold_abs "
                "or image.min(), threshold_rel * image.max())", "scratch.feature:peak_local_max",
                replace=(("threshold = max(threshold, threshold_rel * image.max())", "threshold = threshold"),)),
        Mistake("border kept", "your output keeps the peaks near the border: exclude_border=True (the default) "
                "drops every peak within min_distance pixels of an edge", PK + "_border_width",
                replace=(("return (min_distance if exclude_border else 0,) * image.ndim",
                          "return (0,) * image.ndim"),)),
    ],
))
