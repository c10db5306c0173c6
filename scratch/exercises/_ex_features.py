"""Exercises of chapter 06, feature extraction: a table of region properties."""

import numpy as np

from scratch.verify import _compare
from scratch.verify._core import Case
from scratch.verify._inputs import case_seed

from ._cases import literal
from ._model import Exercise, Mistake, Step, register

CHAPTER = "06 feature extraction"
RP = "scratch.measure._regionprops:"

#: The properties of the exercise: those the first sweep gives.
PROPERTIES = ("label", "area", "num_pixels", "bbox", "centroid", "intensity_mean", "intensity_min", "intensity_max")


def _sweep_cases(seed):
    """``(labels, intensity, n)``: small label images as the first sweep receives them."""
    rng = np.random.default_rng(case_seed("exercise sweep", seed))
    out = []
    blocks = np.zeros((9, 11), np.int64)
    blocks[1:4, 2:6], blocks[5:8, 1:3], blocks[6:9, 7:11] = 1, 2, 4
    images = [
        ("three blocks 9×11, label 3 absent", blocks),
        ("random labels 0..3, 10×12", rng.integers(0, 4, (10, 12))),
        ("negative labels are background", rng.integers(-2, 3, (7, 8))),
        ("3-D 4×5×6", rng.integers(0, 3, (4, 5, 6))),
    ]
    for label, labels in images:
        labels3 = labels.reshape((1,) * (3 - labels.ndim) + labels.shape)
        n = max(int(labels.max()), 0) + 1
        for channels in (1, 0, 2):
            intensity = rng.random(labels3.shape + (channels,)) * 10
            out.append(Case("values", f"{label}, {channels} channel(s)",
                            (literal(labels3, "int64"), literal(intensity, "float64"), n)))
    return out


def _simple(case):
    """Cases whose properties all come from the first sweep (params= drops spacing and separator)."""
    props = case.kwargs.get("properties", ("label", "bbox"))
    return set(props) <= set(PROPERTIES)


register(Exercise(
    id="regionprops_table", chapter=CHAPTER, title="Region properties in one sweep",
    intro="Measure every labelled region at once: one pass over the pixels accumulates each label's "
          "pixel count, bounding box, coordinate sums and intensity sum/min/max; the table's columns "
          "follow by array arithmetic. Your `regionprops_table` handles the properties "
          + ", ".join(PROPERTIES) + " (array-valued ones split into columns 'bbox-0', 'bbox-1', ...; "
          "one row per label present, in increasing order; label, num_pixels and bbox columns are int, "
          "the others float; an image without regions still has every column, empty).",
    steps=[
        Step("first_sweep", "per-label counts, bounding boxes and sums", RP + "_first_sweep", points=4,
             cases=_sweep_cases, compare=_compare.each(*[_compare.close()] * 8)),
        Step("regionprops_table", "the table", "scratch.measure:regionprops_table", points=4,
             verify="regionprops_table", params=("label_image", "intensity_image", "properties"),
             select=_simple),
    ],
    mistakes=[
        Mistake("background as a region", "your table has a row for the background: pixels labelled 0 (or "
                "negative) belong to no region", RP + "_pass1",
                replace=(("if lab <= 0:", "if lab < 0:"),)),
        Mistake("minimum from 0", "your intensity minimum starts at 0 instead of at the region's first "
                "intensity, so it is never above 0", RP + "_pass1",
                replace=(("imin[lab, ch] = np.float64(intensity[z, y, x, ch])\n                        imax",
                          "imin[lab, ch] = 0.0\n                        imax"),)),
        Mistake("bbox end inclusive", "your bbox ends at the last row/column of the region; skimage's bbox "
                "is half-open: (min_row, min_col, max_row + 1, max_col + 1)", RP + "_columns",
                replace=(("return np.concatenate([s.lo, s.hi], axis=1)",
                          "return np.concatenate([s.lo, s.hi - 1], axis=1)"),)),
        Mistake("centroid as (x, y)", "your centroid lists the coordinates as (x, y); the table's centroid-0 is "
                "the row (axis 0), centroid-1 the column", RP + "_columns",
                replace=(("return (s.csum / s.count[:, None]) * s.spacing + offset",
                          "return ((s.csum / s.count[:, None]) * s.spacing + offset)[:, ::-1]"),)),
    ],
))
