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
