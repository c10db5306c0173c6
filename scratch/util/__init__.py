"""scratch.util <-> skimage.util: image dtypes, their conversions, and inversion.

Internal engines other scratch packages may use: ``_dtype.dtype_range``, the
``{dtype type: (min, max)}`` table behind ``dtype_limits`` (listed in ``_dtype.__all__`` but
not re-exported here; scikit-image keeps it in ``skimage.util.dtype`` too).
"""

from ._dtype import (
    dtype_limits,
    img_as_bool,
    img_as_float,
    img_as_float32,
    img_as_float64,
    img_as_int,
    img_as_ubyte,
    img_as_uint,
)
from ._invert import invert

__all__ = [
    "img_as_float32",
    "img_as_float64",
    "img_as_float",
    "img_as_int",
    "img_as_uint",
    "img_as_ubyte",
    "img_as_bool",
    "dtype_limits",
    "invert",
]
