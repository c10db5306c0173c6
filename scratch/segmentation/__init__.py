"""``scratch.segmentation`` ↔ ``skimage.segmentation``: splitting an image into regions.

* :func:`watershed` — marker-based priority flooding (plain, compact, with watershed lines).

The priority queue (a binary heap ordered by ``(value, age)``) is ``_heap.py``.
"""

from ._watershed import watershed

__all__ = ["watershed"]
