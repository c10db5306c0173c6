"""Plumbing shared by the ``scratch.ndimage`` filters (the role of SciPy's ``_ni_support``).

* :func:`get_output` — the ``output`` argument: ``None`` (same dtype as the input), a dtype,
  or an array to write into — with SciPy's errors.
* :func:`working_array` — the input as the array a kernel reads: float32 and float64 are read
  as they are, every other dtype is converted to float64 (SciPy also computes in float64).
* :func:`store` — the kernel's float64 result into the output dtype, with C's cast rules
  (truncation toward zero for integers), which is what SciPy does when it writes a result.
"""

import numpy as np

from .._checks import native_byte_order, normalize_axes

__all__ = ["as_cval", "get_output", "working_array", "store", "check_axes", "expand_origins", "check_origin"]

# the element types SciPy's C filters read and write
SUPPORTED_KINDS = "biuf"


def _check_supported(dtype, what):
    dtype = np.dtype(dtype)
    if dtype.kind not in SUPPORTED_KINDS or dtype == np.float16 or dtype.itemsize > 8:
        raise RuntimeError(f"array type not supported: {what} has dtype {dtype}")


def input_array(input, name="input"):
    """``np.asarray(input)`` with a dtype a filter can read (RuntimeError otherwise, as SciPy),
    in native byte order (a big-endian input gives a native-order result, as SciPy's does)."""
    a = native_byte_order(np.asarray(input))
    if a.dtype.kind in "OSUV":
        raise TypeError(f"`{name}` must be a numeric array, got dtype {a.dtype}")
    if a.dtype.kind == "c":
        raise NotImplementedError(f"complex `{name}` is not supported by scratch (got dtype {a.dtype})")
    _check_supported(a.dtype, f"`{name}`")
    return a


def get_output(output, input, shape=None):
    """The output array, following SciPy's rules for the ``output`` argument."""
    if shape is None:
        shape = input.shape
    if output is None:
        dtype = input.dtype
    elif isinstance(output, (type, np.dtype)):
        dtype = np.dtype(output)
    elif isinstance(output, str):
        dtype = np.dtype(output)
        if not issubclass(dtype.type, np.number):
            raise RuntimeError(f"output must have numeric dtype, got output={output!r}")
    else:
        output = np.asarray(output)
        if output.shape != tuple(shape):
            raise RuntimeError(f"output shape not correct: expected {tuple(shape)}, got {output.shape}")
        _check_supported(output.dtype, "`output`")
        return output
    if dtype.kind == "c":
        raise NotImplementedError("complex output is not supported by scratch")
    _check_supported(dtype, "`output`")
    return np.zeros(shape, dtype=dtype)


def working_array(a):
    """``a`` as a C-contiguous float32/float64 array (other dtypes become float64)."""
    if a.dtype == np.float32 or a.dtype == np.float64:
        return np.ascontiguousarray(a)
    return np.ascontiguousarray(a, dtype=np.float64)


def kernel_output(output):
    """The array a kernel may write into directly, or a float64 scratch array if it may not."""
    if output.dtype in (np.float32, np.float64) and output.flags.c_contiguous:
        return output
    return np.empty(output.shape, dtype=np.float64)


def store(result, output):
    """Copy the kernel's ``result`` into ``output`` with C's cast semantics; return ``output``.

    Integers truncate toward zero (2.7 -> 2, -2.7 -> -2), as SciPy's ``(type)value`` does.  A
    bool output receives the value truncated to a byte, exactly as SciPy stores it.
    """
    if result is output:
        return output
    if output.dtype == np.bool_:
        output.view(np.uint8)[...] = result.astype(np.uint8)
    else:
        output[...] = result.astype(output.dtype)
    return output


def check_axes(axes, ndim):
    """``axes`` as a tuple of non-negative ints (SciPy's ``_check_axes``)."""
    try:
        return normalize_axes(axes, ndim)
    except ValueError as err:
        if "repeated" in str(err):
            raise ValueError(f"axes must be unique, got axes={axes}") from None
        raise


def normalize_origins(origin, n):
    """``origin`` (scalar or sequence) as a list of ``n`` ints, with SciPy's errors."""
    if isinstance(origin, str) or not np.iterable(origin):
        origins = [origin] * n
    else:
        origins = list(origin)
        if len(origins) != n:
            raise RuntimeError("sequence argument must have length equal to input rank")
    return [_as_int(o, "origin") for o in origins]


def _as_int(value, name):
    try:
        return int(np.asarray(value).__index__()) if not isinstance(value, int) else value
    except TypeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer "
                        f"(`{name}`={value!r})") from None


def expand_origins(origin, ndim, axes):
    """Origins for all ``ndim`` axes from origins given for ``axes`` (0 elsewhere)."""
    given = normalize_origins(origin, len(axes))
    origins = [0] * ndim
    for ax, o in zip(axes, given):
        origins[ax] = o
    return origins


def check_origin(origin, length, message="Invalid origin; origin must satisfy "
                 "-(weights.shape[k] // 2) <= origin[k] <= (weights.shape[k]-1) // 2"):
    """SciPy's rule: a filter of ``length`` taps may shift by ``-(length//2)..(length-1)//2``."""
    if not -(length // 2) <= origin <= (length - 1) // 2:
        raise ValueError(f"{message} (got origin={origin} for {length} taps)")


def as_cval(cval):
    """``cval`` as a float; TypeError (as SciPy) for anything that is not a real number."""
    if isinstance(cval, (str, bytes)) or np.iscomplexobj(cval):
        raise TypeError(f"`cval` must be real number, not {type(cval).__name__}")
    return float(cval)
