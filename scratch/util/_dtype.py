"""Image dtypes and the conversions between them (scikit-image's rules).

An image is an array of numbers, but *what the numbers mean* depends on the dtype.  scikit-image
fixes one intensity range per dtype: the full range of each integer type, and [-1, 1] for
floats (images in [0, 1] are the usual case).

=========  =========================  ==========================================
dtype      range (``dtype_limits``)   remark
=========  =========================  ==========================================
bool       False .. True              black / white
uint8      0 .. 255                   the usual 8-bit image
uint16     0 .. 65535                 microscope cameras (12/16-bit)
uint32     0 .. 4294967295
uint64     0 .. 2**64 - 1
int8       -128 .. 127                signed ranges are asymmetric: -min = max + 1
int16      -32768 .. 32767
int32      -2**31 .. 2**31 - 1
int64      -2**63 .. 2**63 - 1
float16    -1 .. 1                    floats are *expected* in [0, 1] or [-1, 1]
float32    -1 .. 1                    but converting *to* float never checks that
float64    -1 .. 1
=========  =========================  ==========================================

Converting means mapping one range onto the other.  The rules of ``_convert``, one per
(input kind -> output kind), in the order they are tried:

1. **Same type** (or the requested type is a family the input belongs to, such as
   ``img_as_float`` of a float32 image): the image is returned as it is — the very same
   array unless ``force_copy``.
2. Anything outside the table (complex, float128, object, ...): ``ValueError``.
3. **any -> bool**: ``image > (max of the input dtype) / 2`` with the half-maximum cast to the
   input dtype (so ``> 127`` for uint8, ``> 0.5`` for floats); negatives are False.
4. **bool -> any**: False -> 0, True -> the maximum of the output dtype (1.0 for floats).
5. **float -> float**: a cast (``astype``); values are *not* checked or clipped.
6. **float -> integer**: the image must lie in [-1, 1] or ``ValueError("Images of type float
   must be between -1 and 1.")``.  Then, computed in the first of (input float, float32,
   float64) wide enough for the output integers,
   unsigned: ``rint(x * imax)``, signed: ``rint(x * (imax - imin) / 2 - 0.5)``,
   clipped to the output range (negative floats become 0 in an unsigned image).
7. **integer -> float**: ``x * (1 / imax_in)`` computed in the first of (output float,
   float32, float64) as wide as the input; signed images are clipped below at -1 (the most
   negative integer would otherwise map to slightly less than -1).  So uint8 255 -> 1.0,
   int16 -32768 -> -1.0 and 32767 -> 1.0.
8. **integer -> integer** works on the *bit counts*: an unsigned type of n bits holds
   ``0 .. 2**n - 1``, a signed one holds ``n - 1`` bits of magnitude.  Rescaling from n to m
   bits (:func:`_rescale_bits`) is

   * fewer bits (n > m): floor-divide by ``2**(n - m)`` — *unless every value already fits*
     in m bits: then the values are kept as they are, with a ``UserWarning`` ("Downcasting
     uint16 to uint8 without scaling because max value 200 fits in uint8");
   * more bits (m a multiple of n): multiply by ``(2**m - 1) // (2**n - 1)``, exact
     (uint8 -> uint16 multiplies by 257, so 255 -> 65535);
   * more bits otherwise: multiply up to the next multiple of n bits, then floor-divide down.

   unsigned -> signed uses m - 1 bits (non-negative values only: uint8 255 -> int16 32767);
   signed -> unsigned rescales the n - 1 magnitude bits and clips negatives to 0;
   signed -> signed shifts to unsigned (subtract the minimum), rescales, shifts back.

Those integer rules are scikit-image's; scratch copies them including their corner cases
(the "fits" shortcut looks at the maximum only, so int32 -100000 wraps when every value is
below 32768).  Everything here is elementwise, so it is mostly plain numpy.  The exception is
the most common conversion, integer -> float (rule 7, ``img_as_float`` of a camera image):
numpy's ``np.multiply(image, 1 / imax, dtype=float64)`` casts the integers through a small
buffer and then multiplies, where one compiled loop (:func:`_int_to_float`) converts and
scales each pixel in a register and writes it once, 2-3x faster, with the same float
operations and therefore the same bits.

References
----------
.. [1] scikit-image, ``skimage/util/dtype.py`` (0.26), and the user guide chapter
       "Image data types and what they mean".
.. [2] A. W. Paeth, "Proper treatment of pixels as integers", Graphics Gems I, 1990.
"""

import warnings

import numpy as np

from .._checks import native_byte_order
from .._jit import parallel_jit, prange

__all__ = [
    "img_as_float32",
    "img_as_float64",
    "img_as_float",
    "img_as_int",
    "img_as_uint",
    "img_as_ubyte",
    "img_as_bool",
    "dtype_limits",
    "dtype_range",  # internal API: the table itself, for scratch.exposure (not re-exported)
]

# --- the table of intensity ranges ------------------------------------------------------
#: ``{dtype type: (min, max)}`` — the intensity range scikit-image assigns to each dtype.
dtype_range = {np.bool_: (False, True)}
dtype_range.update({t: (-1, 1) for t in (np.float16, np.float32, np.float64)})
for _code in np.typecodes["AllInteger"]:  # every integer type: its full range
    dtype_range[np.dtype(_code).type] = (np.iinfo(_code).min, np.iinfo(_code).max)
del _code
_SUPPORTED = frozenset(dtype_range)


def dtype_limits(image, clip_negative=False):
    """Return intensity limits, i.e. (min, max) tuple, of the image's dtype.

    A table look-up (see the module docstring): the full range of integer dtypes,
    ``(False, True)`` for bool and ``(-1, 1)`` for floats.

    Parameters
    ----------
    image : ndarray
        Input image.
    clip_negative : bool, optional
        If True, clip the negative range (i.e. return 0 for min intensity)
        even if the image dtype allows negative values.

    Returns
    -------
    imin, imax : tuple
        Lower and upper intensity limits.

    Raises
    ------
    AttributeError
        If ``image`` has no ``dtype`` (scikit-image needs an array, not a list).
    KeyError
        If the dtype has no range in the table (complex, float128, ...).

    See Also
    --------
    skimage.util.dtype_limits : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> dtype_limits(np.zeros(3, np.uint8))
    (0, 255)
    >>> dtype_limits(np.zeros(3, np.int16), clip_negative=True)
    (0, 32767)
    """
    dtype = _dtype_of(image)
    imin, imax = dtype_range[dtype.type]
    if clip_negative:
        imin = 0
    return imin, imax


def _dtype_of(image, name="image"):
    """``image.dtype``, or the AttributeError scikit-image raises, naming the parameter."""
    try:
        return image.dtype
    except AttributeError:
        raise AttributeError(
            f"`{name}` must be a numpy array (it has no dtype), got {type(image).__name__}"
        ) from None


# --- helpers for integer <-> integer ----------------------------------------------------
def _first_wide_enough(itemsize, *dtypes):
    """The first of ``dtypes`` whose items have at least ``itemsize`` bytes."""
    return next(np.dtype(dt) for dt in dtypes if np.dtype(dt).itemsize >= itemsize)


def _int_dtype_for_bits(kind, bits, itemsize=1):
    """The smallest integer dtype of ``kind`` ('u' or 'i'), of at least ``itemsize`` bytes,
    that holds ``bits``-bit unsigned values (a signed type needs one bit more for its sign)."""
    for size in (itemsize, 2, 4, 8):
        if bits < 8 * size or (bits == 8 * size and kind == "u"):
            return np.dtype(f"{kind}{size}")
    raise ValueError(f"no {kind!r} integer dtype holds {bits}-bit values")


def _rescale_bits(a, n, m):
    """Rescale non-negative integers ``a`` from an ``n``-bit range to an ``m``-bit range.

    The result has the kind of ``a`` (unsigned or signed) and the smallest size for m bits.
    Exact when m is a multiple of n; otherwise floor division loses the low bits.
    """
    kind = a.dtype.kind
    out_dtype = _int_dtype_for_bits(kind, m)
    if n > m and a.max() < 2**m:
        # every value already fits: keep the values, only change the dtype (and say so)
        bits_named = int(np.ceil(m / 2) * 2)
        named = f"int{bits_named}" if bits_named > m else f"uint{bits_named}"
        warnings.warn(
            f"Downcasting {a.dtype} to {named} without scaling because max value "
            f"{a.max()} fits in {named}",
            UserWarning,
            stacklevel=4,
        )
        return a.astype(out_dtype)
    if n == m:
        return a.copy()
    if n > m:
        # fewer bits: drop the n - m low bits
        out = np.empty(a.shape, out_dtype)
        np.floor_divide(a, 2 ** (n - m), out=out, dtype=a.dtype, casting="unsafe")
        return out
    if m % n == 0:
        # more bits, a multiple: 0b1111 -> 0b11111111 is multiplication by 0b10001 (exact)
        out = np.empty(a.shape, out_dtype)
        np.multiply(a, (2**m - 1) // (2**n - 1), out=out, dtype=out.dtype)
        return out
    # more bits, not a multiple: go up to the next multiple of n, then down to m
    o = (m // n + 1) * n
    out = np.empty(a.shape, _int_dtype_for_bits(kind, o))
    np.multiply(a, (2**o - 1) // (2**n - 1), out=out, dtype=out.dtype)
    out //= 2 ** (o - m)
    return out


# --- the conversion ---------------------------------------------------------------------
def _convert(image, dtype, force_copy=False):
    """Convert ``image`` to ``dtype`` by scikit-image's rules (numbered as in the module
    docstring).  ``dtype=np.floating`` means "any float; float64 if it must convert"."""
    image = np.asarray(image)
    dtype_in = image.dtype
    dtype_out = np.dtype(np.float64) if dtype is np.floating else np.dtype(dtype)
    kind_in, kind_out = dtype_in.kind, dtype_out.kind
    bits_in, bits_out = 8 * dtype_in.itemsize, 8 * dtype_out.itemsize

    # 1. nothing to convert (a big-endian image is returned as it is, as the reference does)
    if np.issubdtype(dtype_in, dtype):
        return image.copy() if force_copy else image
    image = native_byte_order(image)  # the kernels and ufuncs below need the machine's order
    dtype_in = image.dtype

    # 2. only the dtypes of the range table
    if dtype_in.type not in _SUPPORTED or dtype_out.type not in _SUPPORTED:
        raise ValueError(f"Cannot convert from {dtype_in} to {dtype_out}.")

    # 3. any -> bool: the upper half of the positive range is True
    if kind_out == "b":
        half_max = dtype_in.type(dtype_range[dtype_in.type][1] / 2)
        return image > half_max

    # 4. bool -> any: True is the maximum of the output range
    if kind_in == "b":
        result = image.astype(dtype_out)
        if kind_out != "f":
            result *= dtype_out.type(dtype_range[dtype_out.type][1])
        return result

    if kind_in == "f":
        # 5. float -> float: a cast, no range check
        if kind_out == "f":
            return image.astype(dtype_out)
        # 6. float -> integer
        if np.min(image) < -1.0 or np.max(image) > 1.0:
            raise ValueError("Images of type float must be between -1 and 1.")
        info = np.iinfo(dtype_out)
        work = _first_wide_enough(dtype_out.itemsize, dtype_in, np.float32, np.float64)
        if kind_out == "u":
            scaled = np.multiply(image, info.max, dtype=work)
        else:
            scaled = np.multiply(image, (info.max - info.min) / 2, dtype=work)
            scaled -= 1.0 / 2.0
        np.rint(scaled, out=scaled)
        np.clip(scaled, info.min, info.max, out=scaled)
        return scaled.astype(dtype_out)

    imax_in = np.iinfo(dtype_in).max

    # 7. integer -> float
    if kind_out == "f":
        work = _first_wide_enough(dtype_in.itemsize, dtype_out, np.float32, np.float64)
        if work == dtype_out and image.ndim and image.dtype.isnative:
            return _int_to_float_image(image, work.type(1.0 / imax_in), kind_in == "i")
        result = np.multiply(image, 1.0 / imax_in, dtype=work)
        if kind_in == "i":
            np.maximum(result, -1.0, out=result)  # the most negative integer -> -1
        return np.asarray(result, dtype_out)

    # 8. integer -> integer, on bit counts
    if kind_in == "u":
        if kind_out == "i":  # unsigned -> signed: into the m - 1 magnitude bits
            return _rescale_bits(image, bits_in, bits_out - 1).view(dtype_out)
        return _rescale_bits(image, bits_in, bits_out)

    if kind_out == "u":  # signed -> unsigned: rescale the magnitude bits, clip negatives
        rescaled = _rescale_bits(image, bits_in - 1, bits_out)
        result = np.empty(image.shape, dtype_out)
        np.maximum(rescaled, 0, out=result, dtype=rescaled.dtype, casting="unsafe")
        return result

    # signed -> signed
    if bits_in > bits_out:
        return _rescale_bits(image, bits_in - 1, bits_out - 1)
    # more bits: shift to unsigned (0 .. 2**n - 1), rescale exactly, shift back
    wide = _int_dtype_for_bits("i", bits_out)
    # (in-place operators, so that a 0-d array stays an array rather than a numpy scalar)
    work = image.astype(wide)
    work -= np.iinfo(dtype_in).min
    work *= (2**bits_out - 1) // (2**bits_in - 1)
    work += np.iinfo(dtype_out).min
    return work.astype(dtype_out)


@parallel_jit
def _int_to_float(flat, scale, clip_at_minus_one, out):
    """``out[i] = float(flat[i]) * scale``, at least -1 if ``clip_at_minus_one``.

    ``scale`` and ``out`` have the working float type: the cast to it is exact or rounds as
    numpy's cast does, and the product is one IEEE multiplication in that type, as in
    ``np.multiply(image, scale, dtype=out.dtype)``.
    """
    for i in prange(flat.shape[0]):
        out[i] = flat[i]  # the cast to the working float type
        value = out[i] * scale
        if clip_at_minus_one and value < -1.0:  # only the most negative integer
            value = -1.0
        out[i] = value


def _int_to_float_image(image, scale, signed):
    """Rule 7 by the compiled loop: an array of ``scale``'s float type, of ``image``'s shape
    and memory order (C, or F for a Fortran-ordered image, as numpy's ufuncs give)."""
    order = "F" if image.flags.f_contiguous and not image.flags.c_contiguous else "C"
    out = np.empty(image.shape, dtype=type(scale), order=order)
    # ravel: a view of a contiguous image; one copy of a strided one (its own dtype, cheap)
    _int_to_float(image.ravel(order=order), scale, signed, out.ravel(order=order))
    return out


# --- the public conversions -------------------------------------------------------------
def img_as_float32(image, force_copy=False):
    """Convert an image to single-precision (32-bit) floating point format.

    Integers are divided by the maximum of their dtype (rule 7 of the module docstring),
    bool becomes 0.0/1.0, float64 is cast.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of float32
        Output image.

    Notes
    -----
    The range of a floating point image is [0.0, 1.0] or [-1.0, 1.0] when
    converting from unsigned or signed datatypes, respectively.
    If the input image has a float type, intensity values are not modified
    and can be outside the ranges [0.0, 1.0] or [-1.0, 1.0].

    See Also
    --------
    skimage.util.img_as_float32 : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_float32(np.array([0, 255], np.uint8))
    array([0., 1.], dtype=float32)
    """
    return _convert(image, np.float32, force_copy)


def img_as_float64(image, force_copy=False):
    """Convert an image to double-precision (64-bit) floating point format.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of float64
        Output image.

    Notes
    -----
    The range of a floating point image is [0.0, 1.0] or [-1.0, 1.0] when
    converting from unsigned or signed datatypes, respectively.
    If the input image has a float type, intensity values are not modified
    and can be outside the ranges [0.0, 1.0] or [-1.0, 1.0].

    See Also
    --------
    skimage.util.img_as_float64 : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_float64(np.array([-32768, 0, 32767], np.int16))
    array([-1.,  0.,  1.])
    """
    return _convert(image, np.float64, force_copy)


def img_as_float(image, force_copy=False):
    """Convert an image to floating point format.

    This function is similar to `img_as_float64`, but will not convert
    lower-precision floating point arrays to `float64`.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of float
        Output image.

    Notes
    -----
    The range of a floating point image is [0.0, 1.0] or [-1.0, 1.0] when
    converting from unsigned or signed datatypes, respectively.
    If the input image has a float type, intensity values are not modified
    and can be outside the ranges [0.0, 1.0] or [-1.0, 1.0].

    See Also
    --------
    skimage.util.img_as_float : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_float(np.array([0, 255], np.uint8))
    array([0., 1.])
    >>> img_as_float(np.array([0.5], np.float32)).dtype
    dtype('float32')
    """
    return _convert(image, np.floating, force_copy)


def img_as_uint(image, force_copy=False):
    """Convert an image to 16-bit unsigned integer format.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of uint16
        Output image.

    Notes
    -----
    Negative input values will be clipped.
    Positive values are scaled between 0 and 65535.

    See Also
    --------
    skimage.util.img_as_uint : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_uint(np.array([0, 1, 255], np.uint8))
    array([    0,   257, 65535], dtype=uint16)
    """
    return _convert(image, np.uint16, force_copy)


def img_as_int(image, force_copy=False):
    """Convert an image to 16-bit signed integer format.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of int16
        Output image.

    Notes
    -----
    The values are scaled between -32768 and 32767.
    If the input data-type is positive-only (e.g., uint8), then
    the output image will still only have positive values.

    See Also
    --------
    skimage.util.img_as_int : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_int(np.array([-1.0, 0.0, 1.0]))
    array([-32768,      0,  32767], dtype=int16)
    """
    return _convert(image, np.int16, force_copy)


def img_as_ubyte(image, force_copy=False):
    """Convert an image to 8-bit unsigned integer format.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of ubyte (uint8)
        Output image.

    Notes
    -----
    Negative input values will be clipped.
    Positive values are scaled between 0 and 255.

    See Also
    --------
    skimage.util.img_as_ubyte : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_ubyte(np.array([0.0, 0.5, 1.0]))
    array([  0, 128, 255], dtype=uint8)
    """
    return _convert(image, np.uint8, force_copy)


def img_as_bool(image, force_copy=False):
    """Convert an image to boolean format.

    Parameters
    ----------
    image : ndarray
        Input image.
    force_copy : bool, optional
        Force a copy of the data, irrespective of its current dtype.

    Returns
    -------
    out : ndarray of bool (`bool_`)
        Output image.

    Notes
    -----
    The upper half of the input dtype's positive range is True, and the lower
    half is False. All negative values (if present) are False.

    See Also
    --------
    skimage.util.img_as_bool : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> img_as_bool(np.array([0, 127, 128, 255], np.uint8))
    array([False, False,  True,  True])
    """
    return _convert(image, bool, force_copy)
