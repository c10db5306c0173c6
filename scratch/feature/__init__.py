"""``scratch.feature`` ↔ ``skimage.feature``: finding features in images.

* :func:`peak_local_max` — local maxima as coordinates, greedily thinned by distance.
* :func:`canny` — Canny edges; :func:`canny_stages` returns every intermediate stage.
"""

from ._canny import CannyStages, canny, canny_stages
from ._peak import peak_local_max

__all__ = ["peak_local_max", "canny", "canny_stages", "CannyStages"]
