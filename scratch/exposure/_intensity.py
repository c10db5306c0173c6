"""Point-wise intensity maps: rescaling, gamma, logarithmic and sigmoid correction.

Each output pixel depends on its own input pixel only, ``out = f(in)``:

============================  =================================================================
``rescale_intensity``         ``clip(x, i0, i1)`` mapped linearly onto ``[o0, o1]``:
                              ``(x - i0) / (i1 - i0) * (o1 - o0) + o0``
``adjust_gamma``              ``(x / s) ** gamma * s * gain`` — power law (s = dtype's range)
``adjust_log``                ``log2(1 + x / s) * s * gain``; inverse ``(2 ** (x / s) - 1) * s * gain``
``adjust_sigmoid``            ``s / (1 + exp(gain * (cutoff - x / s)))``; inverse ``s - that``
============================  =================================================================

The scale ``s`` is the width of the dtype's intensity range with negatives clipped
(255 for uint8, 1 for floats), so the curves act on intensities in ``[0, 1]``.  The result is
cast back to the input dtype (truncation toward zero, as ``astype``); float32 images are
computed in float32 as scikit-image does.  The corrections refuse negative images.

How scratch computes them
-------------------------
* **Integer images with few values** (bool, 8- and 16-bit): the map is evaluated *once per
  possible value* — a look-up table of at most 65 536 entries, computed with exactly the
  reference's formula — and then applied by one parallel gather ``out[i] = lut[x[i]]``
  (the pixels read as unsigned codes, the table in code order).
  The table makes the result identical to the reference and the pass as cheap as a copy.
* **Float images and 32/64-bit integers**: the reference's NumPy expression, evaluated
  *block by block* (131 072 pixels at a time, blocks shared by the threads).  The
  temporaries of a block stay in the cache, so the image is read once and written once, and
  the ufuncs are NumPy's own SIMD ``exp``/``log2``/``power`` — which is why scratch does not
  write these as Numba loops: a scalar ``pow`` per pixel is four times slower than NumPy's
  vectorised one, and the values would differ in the last place.
* **Float64 images, fused**: where the steps are plain arithmetic, which is exact in any
  loop, they are fused into one Numba pass with the same operations in the same order:
  all of ``rescale_intensity`` (clip, shift, scale, offset), ``adjust_gamma`` for
  ``gamma`` 0.5 and 2 (NumPy itself computes those powers as ``sqrt`` and ``x * x``), and
  the arithmetic around NumPy's ``exp`` in ``adjust_sigmoid`` and ``log2`` in
  ``adjust_log``, which then run straight in the output array.  The bits are the
  reference's (a test compares them).

Cost ``O(N)``; memory traffic one read and one write per pixel — the floor for a point-wise
operation.

References
----------
.. [1] scikit-image, ``skimage/exposure/exposure.py`` (0.26).
.. [2] R. C. Gonzalez, R. E. Woods, *Digital Image Processing*, section 3.2 (basic intensity
       transformations: log, power-law).
.. [3] G. J. Braun, M. D. Fairchild, "Image lightness rescaling using sigmoidal contrast
       enhancement functions", J. Electronic Imaging 8(4), 1999.
"""

import functools
import inspect
import warnings

import numpy as np

from .._checks import as_array
from .._jit import jit, parallel_jit, prange
from ..util import dtype_limits
from ..util._dtype import dtype_range
from ._histogram import image_minmax, supported_float_dtype

__all__ = ["rescale_intensity", "adjust_gamma", "adjust_log", "adjust_sigmoid"]

DTYPE_RANGE = dtype_range.copy()
DTYPE_RANGE.update((d.__name__, limits) for d, limits in dtype_range.items())
DTYPE_RANGE.update(
    {
        "uint10": (0, 2**10 - 1),
        "uint12": (0, 2**12 - 1),
        "uint14": (0, 2**14 - 1),
        "bool": dtype_range[np.bool_],
        "float": dtype_range[np.float64],
    }
)


# --- kernels ---------------------------------------------------------------------------------


@parallel_jit
def _apply_lut(flat, lut, out):
    """``out[i] = lut[flat[i]]``: a point-wise map given by its table (``flat`` unsigned, so
    the index needs neither an offset nor a check for negative values)."""
    for i in prange(flat.shape[0]):
        out[i] = lut[flat[i]]


@parallel_jit
def _rescale_linear(flat, imin, imax, out_min, out_span, out):
    """``rescale_intensity``'s steps fused into one pass over a float64 image.

    The reference's ``np.clip(x, imin, imax)``, ``- imin``, ``/ (imax - imin)``,
    ``* out_span``, ``+ out_min``, in the same order and precision, so the same bits; but
    each pixel is read once and written once.  The clip is NumPy's: below ``imin`` becomes
    ``imin``, then above ``imax`` becomes ``imax``; anything else (NaN, or -0.0 against a
    limit of 0.0) is kept as it is.
    """
    span = imax - imin
    for i in prange(flat.shape[0]):
        x = flat[i]
        if x < imin:
            x = imin
        if x > imax:
            x = imax
        out[i] = (x - imin) / span * out_span + out_min


@parallel_jit
def _gamma_sqrt_or_square(flat, square, gain, out):
    """``x ** 0.5 * gain`` (``x ** 2 * gain`` with ``square``) for a float64 image, in one pass;
    returns how many pixels are negative (the caller raises the reference's error).

    NumPy itself computes an array to the power 0.5 as ``sqrt`` and to the power 2 as
    ``x * x``, both exact to the last bit, so these values are the reference's.
    """
    negatives = 0
    for i in prange(flat.shape[0]):
        x = flat[i]
        negatives += x < 0
        out[i] = (x * x if square else np.sqrt(x)) * gain
    return negatives


# --- helpers ---------------------------------------------------------------------------------


def _has_small_range(image):
    """Whether a look-up table over every possible value is cheap (bool, 8/16-bit ints)."""
    return image.dtype == np.bool_ or (image.dtype.kind in "iu" and image.dtype.itemsize <= 2)


def _via_lut(image, formula):
    """``formula(image)`` computed on every possible value once, then gathered.

    ``formula`` is the reference's NumPy expression; it is applied to the table of all values
    of the dtype, so each pixel gets exactly the value the reference computes for it.
    """
    flat = np.ascontiguousarray(image).reshape(-1)
    # the pixels are read as unsigned codes (bool, uint8 and int8 as uint8, ...); the table
    # lists every code's value in code order (for int8: 0 .. 127, then -128 .. -1)
    codes = np.dtype(f"u{image.dtype.itemsize}")
    flat = flat.view(codes)
    values = np.arange(2 ** (8 * codes.itemsize), dtype=codes).view(image.dtype)
    if image.dtype == np.bool_:
        values = np.array([False, True])
    lut = np.ascontiguousarray(formula(values))
    out = np.empty(flat.shape, lut.dtype)
    _apply_lut.sized(flat.size)(flat, lut, out)
    return out.reshape(image.shape)


#: Elements per block of :func:`_blockwise` (1 MB of float64; 2**13 to 2**17 measured alike here).
_BLOCK = 1 << 17


def _blockwise(image, formula, non_negative=False, into=None):
    """``formula(image)`` evaluated block by block (on 2 threads when there are several).

    ``formula`` is the reference's NumPy expression: the same ufuncs (NumPy's SIMD ``exp``,
    ``log2``, ``power``) in the same precision, so the values are the reference's; but the
    temporaries of a block stay in the cache, so the image is read once and written once.
    With ``non_negative``, each block is also checked for negative values while it is in
    the cache (the reference's error is raised at the end), instead of a pass of its own.
    With ``into`` (the output dtype), ``formula(x, out)`` writes its result into ``out``, the
    block's share of the output, and may use it as its working array: no temporary at all;
    it returns whether ``x`` holds a negative value (checked in its own first pass).
    """
    from concurrent.futures import ThreadPoolExecutor

    from .._jit import threads_for

    flat = np.ascontiguousarray(image).reshape(-1)
    n = flat.size
    if n <= 2 * _BLOCK and into is None:
        if non_negative:
            _assert_non_negative(image)
        return formula(image)
    negative = []
    out = None if into is None else np.empty(n, into)

    def block(start):
        nonlocal out
        stop = min(start + _BLOCK, n)
        if into is not None:
            if formula(flat[start:stop], out[start:stop]):
                negative.append(True)
            return
        if non_negative and _has_negative(flat[start:stop]):
            negative.append(True)  # raised at the end; the formula is not evaluated on it
            return
        result = formula(flat[start:stop])
        if out is None:  # the first block tells the dtype
            out = np.empty(n, result.dtype)
        out[start:stop] = result

    block(0)
    blocks = range(_BLOCK, n, _BLOCK)

    def run(part, parts):  # one contiguous share of the blocks, in order
        for start in blocks[part * len(blocks) // parts:(part + 1) * len(blocks) // parts]:
            block(start)

    threads = max(1, min(threads_for(n), 8, len(blocks)))
    if threads == 1:
        run(0, 1)
    else:  # the calling thread takes the first share, helpers the others
        with ThreadPoolExecutor(threads - 1) as pool:
            helpers = [pool.submit(run, part, threads) for part in range(1, threads)]
            run(0, threads)
            for helper in helpers:
                helper.result()
    if negative:
        raise _negative_error()
    return out.reshape(image.shape)


@jit
def _affine(flat, a, b, out):
    """``out = a * (b - flat)``: two of the reference's steps in one pass (the same bits).
    Returns how many values of ``flat`` are negative.  Serial: :func:`_blockwise` calls it
    on one block per thread."""
    negatives = 0
    for i in range(flat.shape[0]):
        x = flat[i]
        negatives += x < 0
        out[i] = a * (b - x)
    return negatives


@jit
def _one_plus(flat, out):
    """``out = 1 + flat``, returning how many values of ``flat`` are negative (serial)."""
    negatives = 0
    for i in range(flat.shape[0]):
        x = flat[i]
        negatives += x < 0
        out[i] = 1.0 + x
    return negatives


@jit
def _reciprocal_of_one_plus(flat, out):
    """``out = 1 / (1 + flat)``: two of the reference's steps in one pass (the same bits).
    Serial: :func:`_blockwise` calls it on one block per thread."""
    for i in range(flat.shape[0]):
        out[i] = 1.0 / (1.0 + flat[i])


def _negative_error():
    return ValueError(
        "Image Correction methods work correctly only on images with non-negative values. "
        "Use skimage.exposure.rescale_intensity."
    )


def _has_negative(image):
    """``np.any(image < 0)``: ``min`` is one pass without a temporary; only NaN (which
    ``min`` returns) needs the comparison, which skips it."""
    if image.dtype.kind in "ub" or image.size == 0:
        return False
    lowest = image.min()
    if lowest != lowest:
        return bool(np.any(image < 0))
    return lowest < 0


def _assert_non_negative(image):
    if _has_negative(image):
        raise _negative_error()


def _corrected(image, formula, *parameters):
    """``formula(image)`` for the corrections, which take non-negative images only: through
    a table for small integer types, else block by block, checking the blocks as they go.
    A sequence among ``parameters`` (gain, cutoff) broadcasts against the whole image in the
    reference's arithmetic: the formula is applied to the image in one piece."""
    if any(np.ndim(p) > 0 for p in parameters if isinstance(p, (tuple, list, np.ndarray))):
        _assert_non_negative(image)
        return formula(image)
    if _has_small_range(image):
        _assert_non_negative(image)
        return _via_lut(image, formula)
    return _blockwise(image, formula, non_negative=True)


def _times(a, factor):
    """``a * factor``, or ``a`` itself when that is the same array: a float array times 1."""
    if factor == 1 and a.dtype.kind == "f" and np.result_type(a, factor) == a.dtype:
        return a
    return a * factor


def _over(a, factor):
    """``a / factor``, or ``a`` itself when that is the same array: a float array over 1."""
    if factor == 1 and a.dtype.kind == "f" and np.result_type(a, factor) == a.dtype:
        return a
    return a / factor


def _scale(image):
    """Width of the dtype's range with negatives clipped (255 for uint8, 1.0 for floats)."""
    lo, hi = dtype_limits(image, clip_negative=True)
    return float(hi - lo)


def _scalar_for_0d(func):
    """A 0-d image gives a NumPy scalar (``np.float64(0.25)``, ``np.uint8(4)``), as the
    reference's ufuncs return for one: computed on a 1-element view, its element returned."""

    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(image, *args, **kwargs):
        if np.ndim(image) == 0 and not isinstance(image, (str, bytes)):
            if func.__name__.startswith("adjust_"):
                unpack = _sequence_parameters_of_0d(func.__name__, image, signature.bind(image, *args, **kwargs).arguments)
                if not unpack:
                    return func(np.reshape(image, 1), *args, **kwargs)
            return func(np.reshape(image, 1), *args, **kwargs)[0]
        return func(image, *args, **kwargs)

    return wrapper


def _is_sequence(value):
    return isinstance(value, (tuple, list))


def _sequence_parameters_of_0d(name, image, arguments):
    """For a 0-d image the reference's arithmetic is on NumPy scalars: ``scalar * gain`` with a
    sequence gain is Python's sequence repetition (a TypeError for the float scalar), while
    ``cutoff - scalar`` with a sequence cutoff is NumPy's, an array of cutoff's length.  True
    when the answer is the one element as usual, False when it is that array."""
    gain, cutoff = arguments.get("gain", 1), arguments.get("cutoff", 0.5)
    if name == "adjust_sigmoid" and _is_sequence(cutoff):
        return False  # an array from cutoff - x, which a sequence gain broadcasts against
    if _is_sequence(gain) and not (name == "adjust_gamma" and np.asarray(image).dtype == np.uint8):
        # (uint8 gamma goes through the reference's look-up table, an array)
        raise TypeError(f"`gain` must be a number for a 0-d image, got {gain!r} (the reference's "
                        "scalar * gain: can't multiply sequence by non-int)")
    return True


# --- rescale_intensity -----------------------------------------------------------------------


def intensity_range(image, range_values="image", clip_negative=False):
    """Return image intensity range (min, max) based on desired value type.

    Parameters
    ----------
    image : array
        Input image.
    range_values : str or 2-tuple, optional
        'image' (the image's min and max), 'dtype' (the range of its dtype), a dtype name
        (a key of ``DTYPE_RANGE``, such as 'uint8' or 'uint12') or an explicit (min, max).
    clip_negative : bool, optional
        If True, clip the negative range (i.e. return 0 for min intensity) even if the
        image dtype allows negative values.

    See Also
    --------
    skimage.exposure.exposure.intensity_range : the reference.
    """
    if isinstance(range_values, str) and range_values == "dtype":
        range_values = image.dtype.type
    if isinstance(range_values, str) and range_values == "image":
        if image.size and image.dtype.kind in "iuf":  # one parallel pass for both
            i_min, i_max, has_nan = image_minmax(np.ascontiguousarray(image).reshape(-1))
            if has_nan:
                i_min = i_max = image.dtype.type(np.nan)  # as np.min and np.max
        else:
            i_min, i_max = np.min(image), np.max(image)
    elif not isinstance(range_values, (list, tuple, np.ndarray)) and range_values in DTYPE_RANGE:
        i_min, i_max = DTYPE_RANGE[range_values]
        if clip_negative:
            i_min = 0
    else:
        i_min, i_max = range_values
    return i_min, i_max


def _output_dtype(dtype_or_range, image_dtype):
    """Output dtype of rescale_intensity: a dtype / dtype name as given (uint10/12/14 ->
    uint16), a (min, max) pair -> float (float32 kept for float32 images)."""
    if type(dtype_or_range) in (list, tuple, np.ndarray):
        return supported_float_dtype(image_dtype).type
    if type(dtype_or_range) is type:
        return dtype_or_range
    if dtype_or_range in DTYPE_RANGE:
        try:
            return np.dtype(dtype_or_range).type
        except TypeError:
            return np.uint16
    raise ValueError(
        "Incorrect value for out_range, should be a valid image data type or a pair of "
        f"values, got {dtype_or_range}."
    )


@_scalar_for_0d
def rescale_intensity(image, in_range="image", out_range="dtype"):
    """Return image after stretching or shrinking its intensity levels.

    The input range ``[i0, i1]`` is mapped linearly onto the output range ``[o0, o1]``:
    ``out = (clip(x, i0, i1) - i0) / (i1 - i0) * (o1 - o0) + o0``, cast to the output dtype
    (truncation).  A constant input range gives ``clip(x, o0, o1)``.  ``O(N)``, one pass.

    Parameters
    ----------
    image : array
        Image array.
    in_range, out_range : str or 2-tuple, optional
        Min and max intensity values of input and output image: 'image' (the image's
        min/max), 'dtype' (the range of the image's dtype), a dtype name (a key of
        ``DTYPE_RANGE``: 'uint8', 'uint10', 'uint12', 'uint14', 'float32', ...) or an explicit
        (min, max) pair.  When the input range is non-negative the output range of a signed
        dtype starts at 0.

    Returns
    -------
    out : array
        Image array after rescaling its intensity: the input's dtype, the named dtype, or
        float when ``out_range`` is a pair.

    See Also
    --------
    skimage.exposure.rescale_intensity : the reference.
    equalize_hist

    References
    ----------
    .. [1] R. C. Gonzalez, R. E. Woods, *Digital Image Processing*, section 3.2
           (contrast stretching).

    Examples
    --------
    >>> import numpy as np
    >>> rescale_intensity(np.array([51, 102, 153], dtype=np.uint8))
    array([  0, 127, 255], dtype=uint8)
    >>> rescale_intensity(np.array([51.0, 102.0, 153.0]), in_range=(0, 102))
    array([0.5, 1. , 1. ])
    """
    image = as_array(image, "image")
    if isinstance(out_range, str) and out_range in ("dtype", "image"):
        out_dtype = _output_dtype(image.dtype.type, image.dtype)
    else:
        out_dtype = _output_dtype(out_range, image.dtype)

    imin, imax = map(float, intensity_range(image, in_range))
    omin, omax = map(float, intensity_range(image, out_range, clip_negative=(imin >= 0)))
    if np.any(np.isnan([imin, imax, omin, omax])):
        warnings.warn(
            "One or more intensity levels are NaN. Rescaling will broadcast NaN to the full "
            "image. Provide intensity levels yourself to avoid this. E.g. with "
            "np.nanmin(image), np.nanmax(image).",
            UserWarning,
            stacklevel=2,
        )

    def formula(x):  # the reference's expression, each step written over one float temporary
        x = np.clip(x, imin, imax)  # (a float array: the limits are Python floats)
        if imin != imax:
            np.subtract(x, imin, out=x)
            np.divide(x, imax - imin, out=x)
            np.multiply(x, omax - omin, out=x)
            np.add(x, omin, out=x)
            return x.astype(out_dtype, copy=False)
        return np.clip(x, omin, omax, out=x).astype(out_dtype, copy=False)

    if _has_small_range(image):
        return _via_lut(image, formula)
    if image.dtype == np.float64 and out_dtype is np.float64 and imin != imax and \
            np.isfinite([imin, imax, omin, omax, imax - imin, omax - omin]).all():
        # (non-finite limits take NumPy's steps, with its warnings)
        flat = np.ascontiguousarray(image).reshape(-1)
        out = np.empty_like(flat)
        _rescale_linear.sized(flat.size)(flat, imin, imax, omin, omax - omin, out)
        return out.reshape(image.shape)
    if image.dtype.kind == "f":
        return _blockwise(image, formula)
    return formula(image)


# --- corrections -----------------------------------------------------------------------------


@_scalar_for_0d
def adjust_gamma(image, gamma=1, gain=1):
    """Perform gamma correction on the input image.

    Gamma correction is a power-law transform: ``O = (I / s) ** gamma * s * gain`` with ``s``
    the range of the dtype (255 for uint8, 1 for floats).  ``gamma > 1`` darkens,
    ``gamma < 1`` brightens.  uint8 images go through a 256-entry table rounded to the
    nearest integer and capped at 255 (no overflow for ``gain > 1``); other dtypes truncate.

    Parameters
    ----------
    image : ndarray
        Input image.
    gamma : float, optional
        Non negative real number. Default value is 1.
    gain : float, optional
        The constant multiplier. Default value is 1.

    Returns
    -------
    out : ndarray
        Gamma corrected output image (the input's dtype).

    See Also
    --------
    skimage.exposure.adjust_gamma : the reference.
    adjust_log

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Gamma_correction

    Examples
    --------
    >>> import numpy as np
    >>> adjust_gamma(np.array([0, 64, 128, 255], np.uint8), gamma=2)
    array([  0,  16,  64, 255], dtype=uint8)
    """
    image = as_array(image, "image")
    if gamma < 0:
        raise ValueError("Gamma should be a non-negative real number.")
    dtype = image.dtype.type
    if dtype is np.uint8:
        lut = 255 * gain * (np.linspace(0, 1, 256) ** gamma)
        lut = np.minimum(np.rint(lut), 255).astype("uint8")
        flat = np.ascontiguousarray(image).reshape(-1)
        out = np.empty(flat.shape, np.uint8)
        _apply_lut.sized(flat.size)(flat, lut, out)
        return out.reshape(image.shape)
    if dtype is np.float64 and gamma in (0.5, 2) and np.isfinite(gain):
        # the scale is 1.0 for floats: x / 1.0 and x * 1.0 are x, bit for bit
        flat = np.ascontiguousarray(image).reshape(-1)
        out = np.empty_like(flat)
        if _gamma_sqrt_or_square.sized(flat.size)(flat, gamma == 2, float(gain), out):
            raise _negative_error()
        return out.reshape(image.shape)
    scale = _scale(image)

    def formula(x):
        # the reference's ((x / scale) ** gamma) * scale * gain, without its exact no-ops
        return _times(_times(_over(x, scale) ** gamma, scale), gain).astype(dtype, copy=False)

    return _corrected(image, formula, gain)


@_scalar_for_0d
def adjust_log(image, gain=1, inv=False):
    """Performs Logarithmic correction on the input image.

    ``O = gain * log2(1 + I / s) * s`` (``s`` the dtype's range), which expands the dark
    levels; the inverse ``O = gain * (2 ** (I / s) - 1) * s`` compresses them.

    Parameters
    ----------
    image : ndarray
        Input image.
    gain : float, optional
        The constant multiplier. Default value is 1.
    inv : float, optional
        If True, it performs inverse logarithmic correction, else correction will be
        logarithmic. Defaults to False.

    Returns
    -------
    out : ndarray
        Logarithm corrected output image.

    See Also
    --------
    skimage.exposure.adjust_log : the reference.
    adjust_gamma

    References
    ----------
    .. [1] http://www.ece.ucsb.edu/Faculty/Manjunath/courses/ece178W03/EnhancePart1.pdf

    Examples
    --------
    >>> import numpy as np
    >>> adjust_log(np.array([0.0, 0.5, 1.0]))
    array([0.       , 0.5849625, 1.       ])
    """
    image = as_array(image, "image")
    dtype = image.dtype.type
    scale = _scale(image)

    def formula(x):
        if inv:
            return dtype((2 ** (x / scale) - 1) * scale * gain)
        v = np.add(1, _over(x, scale))
        np.log2(v, out=v)  # the reference's log2(1 + x / scale), over one temporary
        return _times(_times(v, scale), gain).astype(dtype, copy=False)

    def into_output(x, out):  # float64: the same steps (x / 1.0 and * 1.0 are no-ops)
        negatives = _one_plus(x, out)
        if negatives:  # the reference raises before its log2: no "invalid value" warning
            return negatives
        np.log2(out, out=out)
        if gain != 1:
            np.multiply(out, gain, out=out)
        return negatives

    if dtype is np.float64 and not inv and isinstance(gain, (int, float)) and np.isfinite(gain):
        return _blockwise(image, into_output, non_negative=True, into=np.float64)
    return _corrected(image, formula, gain)


@_scalar_for_0d
def adjust_sigmoid(image, cutoff=0.5, gain=10, inv=False):
    """Performs Sigmoid Correction on the input image.

    Also known as Contrast Adjustment: ``O = s / (1 + exp(gain * (cutoff - I / s)))`` (``s``
    the dtype's range) — an S-curve that stretches the levels around ``cutoff`` and
    compresses both ends.  ``inv=True`` gives ``s - O``.

    Parameters
    ----------
    image : ndarray
        Input image.
    cutoff : float, optional
        Cutoff of the sigmoid function that shifts the characteristic curve in horizontal
        direction. Default value is 0.5.
    gain : float, optional
        The constant multiplier in exponential's power of sigmoid function. Default value
        is 10.
    inv : bool, optional
        If True, returns the negative sigmoid correction. Defaults to False.

    Returns
    -------
    out : ndarray
        Sigmoid corrected output image.

    See Also
    --------
    skimage.exposure.adjust_sigmoid : the reference.
    adjust_gamma

    References
    ----------
    .. [1] Gustav J. Braun, "Image Lightness Rescaling Using Sigmoidal Contrast Enhancement
           Functions", http://markfairchild.org/PDFs/PAP07.pdf

    Examples
    --------
    >>> import numpy as np
    >>> adjust_sigmoid(np.array([0, 128, 255], np.uint8))
    array([  1, 128, 253], dtype=uint8)
    """
    image = as_array(image, "image")
    dtype = image.dtype.type
    scale = _scale(image)

    def formula(x):
        v = np.subtract(cutoff, _over(x, scale))
        # (a sequence gain is an array to the reference's gain * (...): its dtype, or the
        # broadcast's ValueError)
        g = np.asarray(gain) if isinstance(gain, (tuple, list)) else gain
        if np.result_type(g, v) == v.dtype and np.broadcast_shapes(np.shape(g), v.shape) == v.shape:
            # the reference's steps, written over v (a sequence gain may broadcast v wider)
            np.multiply(gain, v, out=v)
            np.exp(v, out=v)
            np.add(1, v, out=v)
            np.divide(1, v, out=v)
        else:
            v = 1 / (1 + np.exp(gain * v))
        if inv:
            return dtype((1 - v) * scale)
        return _times(v, scale).astype(dtype, copy=False)

    def into_output(x, out):  # float64: the same steps, the cheap ones fused in pairs
        negatives = _affine(x, float(gain), float(cutoff), out)  # gain * (cutoff - x / 1.0)
        np.exp(out, out=out)
        _reciprocal_of_one_plus(out, out)  # 1 / (1 + exp(...)), then * 1.0
        return negatives

    if dtype is np.float64 and not inv and isinstance(gain, (int, float)) and isinstance(cutoff, (int, float)) \
            and np.isfinite([gain, cutoff]).all():
        return _blockwise(image, into_output, non_negative=True, into=np.float64)
    return _corrected(image, formula, gain, cutoff)
