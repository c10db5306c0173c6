"""Inverting an image: mapping the dtype's maximum to its minimum and back.

"Invert" means reflecting the intensity range of the dtype (see ``_dtype.py`` for the table):

=================  ========================  =================================================
dtype              inverted                  why
=================  ========================  =================================================
bool               ``~image``                True <-> False
unsigned integer   ``imax - image``          uint8: 0 <-> 255, 100 -> 155
signed integer     ``-1 - image``            int8: -128 <-> 127; ``-image`` would overflow,
                                             because signed ranges are asymmetric
                                             (-(-128) does not fit in int8)
float              ``1 - image``             the image is taken to be in [0, 1] ...
float, signed      ``-image``                ... or in [-1, 1] with ``signed_float=True``
=================  ========================  =================================================

The result keeps the input dtype; the arithmetic is done in that dtype, so it never
overflows (``imax - x`` and ``-1 - x`` stay inside the range for every x in the range).

In two's complement both integer rules are one operation, the bitwise NOT ``~x``, which
flips every bit: an unsigned n-bit maximum is all ones (2^n - 1), and subtracting from all
ones borrows nothing, so ``imax - x`` flips the bits of x; a signed ``-x`` is ``~x + 1``, so
``-1 - x`` is ``~x``.  (uint8: 255 - 100 = 0b11111111 - 0b01100100 = 0b10011011 = 155.)
For bool, ``~`` is logical NOT.  So integers and bool take one ``np.invert``, the cheapest
elementwise operation numpy has.  Elementwise, so plain numpy.

References
----------
.. [1] scikit-image, ``skimage/util/_invert.py`` (0.26).
"""

import numpy as np

from .._checks import native_byte_order
from ._dtype import _dtype_of

__all__ = ["invert"]


def _invert_integer(image):
    """Invert an integer (or bool) image within its dtype's range.

    - unsigned integers: ``imax - x``, with ``imax`` the dtype's maximum
      (``np.iinfo(dtype).max``: 255 for uint8, 65535 for uint16, ...);
    - signed integers: ``-1 - x`` (int8: -128 <-> 127, -2 <-> 1); not ``-x``: signed ranges
      are asymmetric and ``-(-128)`` does not fit in int8;
    - bool: ``not x`` (True <-> False).

    The result keeps the input dtype, and the arithmetic is done in that dtype: neither
    ``imax - x`` nor ``-1 - x`` can leave the range.  Hint: what does two's complement make
    of both rules?
    """
    # bool: not; unsigned: imax - x; signed: -1 - x -- each is ~x (module docstring)
    return np.invert(image)


def _invert_float(image, signed_float=False):
    """Invert a float image: ``1 - x`` for an image in [0, 1], ``-x`` for one in [-1, 1].

    ``signed_float=True`` says the image is signed (range [-1, 1]): then ``-x``.  Otherwise
    the range is [0, 1] and the result is ``1 - x``, computed in the image's own float type
    (float16 and float32 stay float16 and float32).
    """
    dtype = _dtype_of(image)
    if signed_float:
        return -image
    return np.subtract(1, image, dtype=dtype)


def invert(image, signed_float=False):
    """Invert an image.

    Invert the intensity range of the input image, so that the dtype maximum
    is now the dtype minimum, and vice-versa. This operation is
    slightly different depending on the input dtype:

    - unsigned integers: subtract the image from the dtype maximum
    - signed integers: subtract the image from -1 (see Notes)
    - floats: subtract the image from 1 (if signed_float is False, so we
      assume the image is unsigned), or from 0 (if signed_float is True).

    Steps: integers and bool go to ``invert_integer``, floats to ``invert_float``.  The
    result has the input's dtype and shape.

    Parameters
    ----------
    image : ndarray
        Input image.
    signed_float : bool, optional
        If True and the image is of type float, the range is assumed to
        be [-1, 1]. If False and the image is of type float, the range is
        assumed to be [0, 1].

    Returns
    -------
    inverted : ndarray
        Inverted image.

    Notes
    -----
    Ideally, for signed integers we would simply multiply by -1. However,
    signed integer ranges are asymmetric. For example, for np.int8, the range
    of possible values is [-128, 127], so that -128 * -1 equals -128! By
    subtracting from -1, we correctly map the maximum dtype value to the
    minimum.

    See Also
    --------
    skimage.util.invert : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> invert(np.array([[100, 0, 255]], np.uint8))
    array([[155, 255,   0]], dtype=uint8)
    >>> invert(np.array([-128, -2, 127], np.int8))
    array([ 127,    1, -128], dtype=int8)
    >>> invert(np.array([0.0, 0.25, 1.0]))
    array([1.  , 0.75, 0.  ])
    """
    dtype = _dtype_of(image)
    if isinstance(image, np.ndarray) and not dtype.isnative:
        # a big-endian image (FITS, many TIFFs) is an ordinary image: inverted in native
        # order.  (scikit-image subtracts with ``dtype=image.dtype``, which NumPy refuses for
        # a byte order: the big-endian-ufunc-typeerror quirk.)
        image = native_byte_order(image)
        dtype = image.dtype
    if dtype.kind in "biu":
        return _invert_integer(image)
    # floats (and anything else numpy can negate or subtract from 1)
    return _invert_float(image, signed_float)
