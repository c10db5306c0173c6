"""``scratch.measure`` ↔ ``skimage.measure``: measuring regions.

* :func:`label` — connected regions of equal value, numbered in raster order (union-find).
* :func:`regionprops`, :func:`regionprops_table` — region measurements (moments, ellipse,
  intensity statistics, convex hull, perimeter, Euler number); the table from two sweeps.
"""

from ._label import label
from ._regionprops import RegionProperties, regionprops, regionprops_table

__all__ = ["label", "regionprops", "regionprops_table", "RegionProperties"]
