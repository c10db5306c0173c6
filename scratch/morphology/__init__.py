"""``scratch.morphology`` ↔ ``skimage.morphology``: footprints and mathematical morphology.

* Footprints: :func:`footprint_rectangle` (and the deprecated :func:`square`,
  :func:`rectangle`, :func:`cube`), :func:`diamond`, :func:`disk`, :func:`ellipse`,
  :func:`octagon`, :func:`star`, :func:`ball`, :func:`octahedron`, with their decompositions;
  :func:`mirror_footprint`, :func:`pad_footprint`, :func:`footprint_from_sequence`.
* Grey morphology: :func:`erosion`, :func:`dilation`, :func:`opening`, :func:`closing`,
  :func:`white_tophat`, :func:`black_tophat` — every ``mode`` of scikit-image 0.26.
* Binary morphology: :func:`binary_erosion`, :func:`binary_dilation`, :func:`binary_opening`,
  :func:`binary_closing` (deprecated in scikit-image 0.26, as here).
* Clean-up: :func:`remove_small_objects`, :func:`remove_small_holes`.

The min/max engine (van Herk / doubling running extremes, footprints as runs) is ``_flat.py``.
"""

from ._binary import binary_closing, binary_dilation, binary_erosion, binary_opening
from ._footprints import (
    ball,
    cube,
    diamond,
    disk,
    ellipse,
    footprint_from_sequence,
    footprint_rectangle,
    mirror_footprint,
    octagon,
    octahedron,
    pad_footprint,
    rectangle,
    square,
    star,
)
from ._grey import black_tophat, closing, dilation, erosion, opening, white_tophat
from ._misc import remove_small_holes, remove_small_objects

__all__ = [
    "footprint_rectangle",
    "square",
    "rectangle",
    "cube",
    "diamond",
    "disk",
    "ellipse",
    "octagon",
    "star",
    "ball",
    "octahedron",
    "mirror_footprint",
    "pad_footprint",
    "footprint_from_sequence",
    "erosion",
    "dilation",
    "opening",
    "closing",
    "white_tophat",
    "black_tophat",
    "binary_erosion",
    "binary_dilation",
    "binary_opening",
    "binary_closing",
    "remove_small_objects",
    "remove_small_holes",
]
