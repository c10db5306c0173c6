"""Exercises of chapter 04, morphology: binary erosion with a footprint."""

import numpy as np

from scratch.verify._core import Case
from scratch.verify._inputs import Input, case_seed

from ._cases import literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "04 morphology"
B = "scratch.morphology._binary:"
F = "scratch.morphology._footprints:"

FOOTPRINTS = {
    "box 3×3": np.ones((3, 3), np.uint8),
    "cross": np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], np.uint8),
    "asymmetric": np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]], np.uint8),
    "line 1×5": np.ones((1, 5), np.uint8),
    "off-centre 3×5": np.array([[0, 0, 0, 1, 1], [0, 0, 1, 1, 0], [0, 0, 0, 0, 0]], np.uint8),
    "disk 5×5": np.array([[0, 0, 1, 0, 0], [0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 0, 1, 0, 0]],
                         np.uint8),
}


def _pad_cases(seed):
    """``(footprint,)`` with ``pad_end``: even and odd sizes, 1-D to 3-D."""
    rng = np.random.default_rng(case_seed("exercise pad_footprint", seed))
    out = []
    for shape in ((2, 2), (3, 4), (4, 3), (3, 3), (1, 2), (4,), (2, 3, 4)):
        fp = (rng.random(shape) < 0.6).astype(np.uint8)
        for pad_end in (True, False):
            out.append(Case("values", f"{'×'.join(map(str, shape))}, pad_end={pad_end}", (literal(fp),),
                            {"pad_end": pad_end}))
    out.append(Case("dtypes", "a bool footprint 2×3", (literal(np.array([[1, 0, 1], [0, 1, 1]], bool)),)))
    return out


def _fit_cases(seed):
    """``(mask, footprint, border)``: blob masks and a random mask, odd footprints, both borders."""
    out = []
    for name, fp in FOOTPRINTS.items():
        for border in (True, False):
            sd = case_seed("exercise erosion", seed, name)
            mask = Input("blobs", shape=(28, 30), n=3, radius=4, seed=sd, part="mask")
            out.append(Case("values", f"blobs 28×30, {name}, border={border}", (mask, literal(fp), border)))
    sd = case_seed("exercise erosion", seed, "random")
    out.append(Case("values", "random 9×11, cross, border=True",
                    (Input("random", shape=(9, 11), dtype="bool", seed=sd), literal(FOOTPRINTS["cross"]), True)))
    for border in (True, False):
        out.append(Case("edge cases", f"all True 7×8, asymmetric, border={border} (the border decides)",
                        (Input("constant", shape=(7, 8), dtype="bool", value=1), literal(FOOTPRINTS["asymmetric"]),
                         border)))
    out.append(Case("edge cases", "footprint larger than a 3×4 mask",
                    (Input("constant", shape=(3, 4), dtype="bool", value=1), literal(np.ones((5, 7), np.uint8)),
                     True)))
    return out


def _two_d_arrays(case):
    """2-D images and a single footprint array: the exercise (n-D images and sequences of
    ``(footprint, n)`` pairs are left out)."""
    image = case.args[0] if case.args else case.kwargs.get("image")
    if isinstance(image, Input):
        p = image.params
        if "shape" in p and len(p["shape"]) != 2:
            return False
        if "values" in p and np.ndim(p["values"]) != 2:
            return False
    footprint = case.args[1] if len(case.args) > 1 else case.kwargs.get("footprint")
    return not isinstance(footprint, (tuple, list))


register(Exercise(
    id="binary_erosion", chapter=CHAPTER, title="binary erosion with a footprint", core=True,
    intro="The erosion keeps a pixel when the footprint, centred on it, fits inside the foreground: "
          "out[x] = AND over the footprint's offsets o of image[x + o].  Its border rule and the centre "
          "of an even-sized footprint are scikit-image's (SciPy's), as the docstrings say.",
    steps=[
        Step("pad_footprint", "an even-sized footprint padded to an odd size", F + "pad_footprint", points=2,
             cases=_pad_cases),
        Step("fit_runs", "the erosion of a 2-D mask by an odd footprint", B + "_fit_runs", points=4,
             cases=_fit_cases, params=("mask", "footprint", "border")),
        Step("binary_erosion", "the public function", "scratch.morphology:binary_erosion", points=4,
             verify="binary_erosion", params=("image", "footprint", "mode"), select=_two_d_arrays),
    ],
    chain=(F + "pad_footprint", B + "_fit_runs", B + "_binary"),
    mistakes=[
        Mistake("footprint mirrored", "your erosion uses the footprint mirrored (image[x - o] instead of "
                "image[x + o]): an erosion places the footprint as it is; only the dilation mirrors it",
                B + "_fit_runs", replace=(("    rows, cols = footprint.shape\n",
                                           "    footprint = footprint[::-1, ::-1]\n"
                                           "    rows, cols = footprint.shape\n"),)),
        Mistake("any instead of all", "your output is a dilation: you keep a pixel when any pixel under "
                "the footprint is True; the erosion needs all of them (AND, not OR)", B + "_fit_runs",
                replace=(("    rows, cols = footprint.shape\n",
                          "    erode = not erode\n    rows, cols = footprint.shape\n"),)),
        Mistake("border as background", "your erosion treats the pixels outside the image as background "
                "(False), so everything touching the edge is eaten away; with mode 'ignore' (the default) "
                "the outside never removes a pixel (True for an erosion) — only mode='min' makes it False",
                B + "_binary", replace=(('border = mode != "min"', 'border = mode == "max"'),)),
        Mistake("padded at the front", "your even-sized footprint is padded with zeros at the front, so its "
                "centre is one pixel off: binary_erosion pads at the end (the centre of K pixels is K // 2)",
                F + "pad_footprint", replace=(("((0, 1) if pad_end else (1, 0))", "((1, 0) if pad_end else (0, 1))"),)),
    ],
))
