"""Input validation shared by every public function.

Numba does not check bounds: a wrong shape that reaches a kernel reads or writes memory it
does not own.  So every public wrapper validates *before* any kernel runs, and raises the
exception class the reference raises, with a message that names the parameter and shows the
offending shape or dtype.  The helpers here keep those messages uniform.
"""

import numbers
import operator

import numpy as np

__all__ = [
    "describe",
    "native_byte_order",
    "as_array",
    "check_numeric",
    "check_ndim",
    "check_nonempty",
    "check_finite",
    "check_same_shape",
    "normalize_axis",
    "normalize_axes",
    "normalize_sequence",
    "check_int",
]


def describe(a):
    """``'array of shape (3, 4) and dtype float64'`` — for error messages."""
    a = np.asarray(a)
    return f"array of shape {a.shape} and dtype {a.dtype}"


def native_byte_order(a):
    """``a`` in the machine's byte order: ``a`` itself if it is already, else a converted copy.

    Big-endian arrays (``'>f8'``, ``'>i4'``: FITS files, many TIFFs) are what the references
    accept and return native-order results for; Numba compiles only native-order arrays (a
    byte-swapped one is a TypingError) and NumPy ufuncs called with ``dtype=`` refuse one.
    So every public wrapper brings its arrays here first.  The input is never modified.
    """
    if a.dtype.isnative:
        return a
    return a.astype(a.dtype.newbyteorder("="))


def as_array(value, name):
    """``np.asarray(value)`` in native byte order, refusing objects and strings with a
    TypeError naming ``name``."""
    a = np.asarray(value)
    if a.dtype.kind in "OSUV":
        raise TypeError(f"`{name}` must be a numeric array, got {describe(a)}")
    return native_byte_order(a)


def check_numeric(a, name, kinds="buif", error=TypeError):
    """Require ``a.dtype.kind`` in ``kinds`` (b=bool, u=unsigned, i=signed int, f=float)."""
    if a.dtype.kind not in kinds:
        raise error(f"`{name}` has an unsupported dtype: got {describe(a)}")
    return a


def check_ndim(a, name, allowed, error=ValueError):
    """Require ``a.ndim`` to be one of ``allowed`` (an int or a collection of ints)."""
    if isinstance(allowed, numbers.Integral):
        allowed = (allowed,)
    if a.ndim not in allowed:
        want = " or ".join(f"{n}-D" for n in allowed)
        raise error(f"`{name}` must be {want}, got an {describe(a)}")
    return a


def check_nonempty(a, name, error=ValueError):
    """Require at least one element."""
    if a.size == 0:
        raise error(f"`{name}` must not be empty, got an {describe(a)}")
    return a


def check_finite(a, name, error=ValueError):
    """Require no NaN or infinity."""
    if a.dtype.kind in "fc" and not np.isfinite(a).all():
        raise error(f"`{name}` must not contain NaN or infinity")
    return a


def check_same_shape(a, b, name_a, name_b, error=ValueError):
    """Require ``a.shape == b.shape``."""
    if a.shape != b.shape:
        raise error(f"`{name_a}` and `{name_b}` must have the same shape, got {a.shape} and {b.shape}")


def check_int(value, name, minimum=None, error=ValueError):
    """``value`` as a Python int; TypeError if it is not integral, ``error`` if below ``minimum``."""
    try:
        result = operator.index(value)
    except TypeError as err:  # Python's own words kept too: SciPy's tests match them
        raise TypeError(f"`{name}` must be an integer, got {value!r} ({err})") from None
    if minimum is not None and result < minimum:
        raise error(f"`{name}` must be >= {minimum}, got {result}")
    return result


def normalize_axis(axis, ndim, name="axis", numpy_rule=False):
    """Axis as a non-negative int; numpy's AxisError (a ValueError and IndexError) if out of range.

    With ``numpy_rule`` (SciPy's 1-D filters call NumPy's ``normalize_axis_index``) a float is
    range-checked first: 2.5 for a 2-D array is its AxisError; 1.0 (inside) and NaN its TypeError."""
    if numpy_rule and isinstance(axis, (float, np.floating)) and (axis < -ndim or axis >= ndim):
        raise np.exceptions.AxisError(f"{name} {axis} is out of range for array of dimension {ndim}")
    axis = check_int(axis, name)
    if not -ndim <= axis < ndim:
        # "out of range", as SciPy's message ("specified axis: 3 is out of range") says
        raise np.exceptions.AxisError(f"{name} {axis} is out of range for array of dimension {ndim}")
    return axis % ndim


def normalize_axes(axes, ndim, name="axes"):
    """``None`` -> all axes; an int or a sequence -> a tuple of distinct non-negative axes."""
    if axes is None:
        return tuple(range(ndim))
    if isinstance(axes, numbers.Integral):
        axes = (axes,)
    axes = tuple(normalize_axis(ax, ndim, name) for ax in axes)
    if len(set(axes)) != len(axes):
        raise ValueError(f"`{name}` must not contain repeated axes, got {axes}")
    return axes


def normalize_sequence(value, rank, name, error=RuntimeError):
    """A scalar repeated ``rank`` times, or a sequence that must have exactly ``rank`` items.

    SciPy's ndimage raises RuntimeError("sequence argument must have length equal to input
    rank") here; scikit-image usually a ValueError — pass the reference's class as ``error``.
    """
    if isinstance(value, str) or not np.iterable(value):
        return [value] * rank
    value = list(value)
    if len(value) != rank:
        raise error(
            f"sequence argument must have length equal to input rank: `{name}` has "
            f"{len(value)} items for {rank} axes"
        )
    return value
