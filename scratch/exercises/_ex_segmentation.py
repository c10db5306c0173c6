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
