"""Plumbing shared by the ``scratch.ndimage`` filters (the role of SciPy's ``_ni_support``).

* :func:`get_output` — the ``output`` argument: ``None`` (same dtype as the input), a dtype,
  or an array to write into — with SciPy's errors.
* :func:`working_array` — the input as the array a kernel reads: float32 and float64 are read
  as they are, every other dtype is converted to float64 (SciPy also computes in float64).
* :func:`store` — the kernel's float64 result into the output dtype, with C's cast rules
  (truncation toward zero for integers), which is what SciPy does when it writes a result.
* :func:`complex_via_real_components` — complex data or weights, filtered as SciPy does: as a
  linear combination of real filterings of the real and imaginary parts.
"""

import warnings

import numpy as np

from .._checks import native_byte_order, normalize_axes

__all__ = ["as_cval", "get_output", "working_array", "store", "check_axes", "expand_origins", "check_origin", "as_c_origin", "check_c_dtypes",
           "complex_via_real_components"]

# the element types SciPy's C filters read and write
SUPPORTED_KINDS = "biuf"


def _check_supported(dtype, what):
    dtype = np.dtype(dtype)
    if dtype.kind not in SUPPORTED_KINDS or dtype == np.float16 or dtype.itemsize > 8:
        raise RuntimeError(f"array type not supported: {what} has dtype {dtype}")


def input_array(input, name="input", allow_complex=False, check_dtype=True):
    """``np.asarray(input)`` with a dtype a filter can read (RuntimeError otherwise, as SciPy),
    in native byte order (a big-endian input gives a native-order result, as SciPy's does).

    A complex array is returned as it is when ``allow_complex`` (the filter then works on its
    real and imaginary parts, :func:`complex_via_real_components`, which check their dtype).
    ``check_dtype=False`` leaves the refusal of float16 to :func:`check_c_dtypes`, at the point
    where SciPy's C code refuses it (after the other checks; a filter that has nothing to do,
    ``size=1`` or ``sigma=0``, copies a float16 image without complaint).
    """
    a = native_byte_order(np.asarray(input))
    if a.dtype.kind in "OSUV":
        raise TypeError(f"`{name}` must be a numeric array, got dtype {a.dtype}")
    if a.dtype.kind == "c":
        if allow_complex:
            return a
        raise NotImplementedError(f"complex `{name}` is not supported by scratch (got dtype {a.dtype})")
    if check_dtype:
        _check_supported(a.dtype, f"`{name}`")
    return a


def get_output(output, input, shape=None, complex_output=False, check_dtype=True):
    """The output array, following SciPy's rules for the ``output`` argument.

    ``complex_output=True`` (a complex filtering): no ``output`` gives the input dtype promoted
    to complex, a real dtype is promoted with a warning, a real dtype string or real array is a
    RuntimeError.  A complex output is accepted only then or for a complex input (which a
    filter hands on to a complex filtering); for real data SciPy's C code has no complex type.
    ``check_dtype=False`` leaves the check of an unsupported dtype (float16) to the caller
    (:func:`check_c_dtypes`), where SciPy's C code makes it: after its other checks.
    """
    if shape is None:
        shape = input.shape
    complex_ok = complex_output or input.dtype.kind == "c"
    if output is None:
        dtype = np.promote_types(input.dtype, np.complex64) if complex_output else input.dtype
    elif isinstance(output, (type, np.dtype)):
        dtype = np.dtype(output)
        if complex_output and dtype.kind != "c":
            warnings.warn("promoting specified output dtype to complex", stacklevel=3)
            dtype = np.promote_types(dtype, np.complex64)
    elif isinstance(output, str):
        dtype = np.dtype(output)
        if complex_output and dtype.kind != "c":
            raise RuntimeError(f"output must have complex dtype, got output={output!r}")
        if not issubclass(dtype.type, np.number):
            raise RuntimeError(f"output must have numeric dtype, got output={output!r}")
    else:
        output = np.asarray(output)
        if output.shape != tuple(shape):
            raise RuntimeError(f"output shape not correct: expected {tuple(shape)}, got {output.shape}")
        if complex_output and output.dtype.kind != "c":
            raise RuntimeError(f"output must have complex dtype, got an array of dtype {output.dtype}")
        if check_dtype and not (complex_ok and output.dtype.kind == "c"):
            _check_supported(output.dtype, "`output`")
        return output
    if check_dtype and not (complex_ok and dtype.kind == "c"):
        _check_supported(dtype, "`output`")
    return np.zeros(shape, dtype=dtype)


def check_c_dtypes(input, output):
    """RuntimeError (as SciPy's C code) for an input or output dtype a filter cannot handle."""
    _check_supported(input.dtype, "`input`")
    _check_supported(output.dtype, "`output`")


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


def store(result, output, uint64_modulo=False):
    """Copy the kernel's ``result`` into ``output`` with C's cast semantics; return ``output``.

    Integers truncate toward zero (2.7 -> 2, -2.7 -> -2), as SciPy's ``(type)value`` does.  A
    bool output receives the value truncated to a byte, exactly as SciPy stores it.  A uint32
    output goes through int64, as the compiled ``(npy_uint32)value`` does on x86-64 (negative and
    out-of-range values wrap around; NumPy's own float -> uint32 cast gives 2**31 there).  A
    uint64 output gets NumPy's cast, which is what SciPy's 1-D filters store, or with
    ``uint64_modulo`` what its n-D ``correlate`` stores (:func:`_to_uint64`).
    """
    if result is output:
        return output
    with np.errstate(invalid="ignore"):  # (SciPy's cast of NaN/out-of-range values is silent)
        if output.dtype == np.bool_:
            output.view(np.uint8)[...] = result.astype(np.uint8)
        elif output.dtype == np.uint32:
            output[...] = result.astype(np.int64).astype(np.uint32)
        elif output.dtype == np.uint64 and uint64_modulo:
            output[...] = _to_uint64(result)
        else:
            output[...] = result.astype(output.dtype)
    return output


def _to_uint64(result):
    """Floats to uint64 as SciPy's n-D ``correlate`` stores them (x86-64), where NumPy's differs.

    Truncated toward zero, then taken modulo 2**64: ``-1.0 -> 2**64 - 1``, ``-9.3e18 ->
    2**64 - 9.3e18``; the infinities and values of magnitude 2**64 or more give 0, NaN gives
    2**63.  (NumPy's ``astype`` gives 2**63 for everything below -2**63.)
    """
    t = np.trunc(result)
    out = np.where(np.isnan(t), np.uint64(2 ** 63), np.uint64(0))
    fits = np.abs(t) < 2.0 ** 64  # (False for NaN and the infinities)
    up = fits & (t >= 0)
    down = fits & (t < 0)
    out[up] = t[up].astype(np.uint64)
    out[down] = np.uint64(0) - (-t[down]).astype(np.uint64)  # 2**64 - |t|, wrapping
    return out


def check_axes(axes, ndim):
    """``axes`` as a tuple of non-negative ints (SciPy's ``_check_axes``)."""
    try:
        return normalize_axes(axes, ndim)
    except ValueError as err:
        if "repeated" in str(err):
            raise ValueError(f"axes must be unique, got axes={axes}") from None
        raise


def normalize_origins(origin, n, convert=True):
    """``origin`` (scalar or sequence) as a list of ``n`` ints, with SciPy's errors (as they
    are given with ``convert=False``: SciPy range-checks them before its C code takes ints)."""
    if isinstance(origin, str) or not np.iterable(origin):
        origins = [origin] * n
    else:
        origins = list(origin)
        if len(origins) != n:
            raise RuntimeError("sequence argument must have length equal to input rank")
    return [_as_int(o, "origin") for o in origins] if convert else origins


def as_c_origin(value, allow_bool=True):
    """An origin as SciPy's C code parses it, after its range check: an int (TypeError for a
    float, even 1.0, or NaN); the n-D filters' parser refuses a bool too."""
    if not allow_bool and isinstance(value, (bool, np.bool_)):
        raise TypeError(f"an integer is required: `origin` is {value!r}")
    return _as_int(value, "origin")


def _as_int(value, name):
    try:
        return int(np.asarray(value).__index__()) if not isinstance(value, int) else value
    except TypeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer "
                        f"(`{name}`={value!r})") from None


def expand_origins(origin, ndim, axes, convert=True):
    """Origins for all ``ndim`` axes from origins given for ``axes`` (0 elsewhere)."""
    given = normalize_origins(origin, len(axes), convert)
    origins = [0] * ndim
    for ax, o in zip(axes, given):
        origins[ax] = o
    return origins


def check_origin(origin, length, message="Invalid origin; origin must satisfy "
                 "-(weights.shape[k] // 2) <= origin[k] <= (weights.shape[k]-1) // 2"):
    """SciPy's rule: a filter of ``length`` taps may shift by ``-(length//2)..(length-1)//2``.

    Written as SciPy's ``_invalid_origin`` compares (a NaN passes here; a string is the
    comparison's TypeError)."""
    if origin < -(length // 2) or origin > (length - 1) // 2:
        raise ValueError(f"{message} (got origin={origin} for {length} taps)")


def as_cval(cval):
    """``cval`` as a float; TypeError (as SciPy) for anything that is not a real number."""
    if isinstance(cval, (str, bytes)) or np.iscomplexobj(cval):
        raise TypeError(f"`cval` must be real number, not {type(cval).__name__}")
    return float(cval)


def complex_via_real_components(func, input, weights, output, cval, **kwargs):
    """Fill the complex ``output`` from real filterings, as SciPy's function of this name does.

    A linear filter ``F`` with weights ``w = c + i d`` applied to ``x = a + i b`` is::

        F_w(x) = (F_c(a) - F_d(b)) + i (F_d(a) + F_c(b))

    (for correlation ``w`` arrives already conjugated).  ``func(x, w, output=, cval=, **kwargs)``
    is the real filter; ``weights=None`` means a filter without weights (uniform), called as
    ``func(x, output=, cval=, **kwargs)``.  The terms are computed in SciPy's order — the real
    part as ``F_c(a)`` then ``-= F_d(b)`` (a fresh array of ``b``'s dtype) — so the bits agree;
    the cval of each part is the matching part of ``cval``.
    """
    def real_filter(x, w, out, c):
        if w is None:
            return func(x, output=out, cval=c, **kwargs)
        return func(x, w, output=out, cval=c, **kwargs)

    complex_input = input.dtype.kind == "c"
    complex_weights = weights is not None and weights.dtype.kind == "c"
    if complex_input and complex_weights:
        real_filter(input.real, weights.real, output.real, np.real(cval))  # Re = a*c - b*d
        output.real -= real_filter(input.imag, weights.imag, None, np.imag(cval))
        real_filter(input.real, weights.imag, output.imag, np.real(cval))  # Im = a*d + b*c
        output.imag += real_filter(input.imag, weights.real, None, np.imag(cval))
    elif complex_input:  # real weights: filter the two parts separately
        real_filter(input.real, weights, output.real, np.real(cval))
        real_filter(input.imag, weights, output.imag, np.imag(cval))
    else:  # real input, complex weights: one filtering per part of the weights
        if np.iscomplexobj(cval):
            raise ValueError("Cannot provide a complex-valued cval when the input is real.")
        real_filter(input, weights.real, output.real, cval)
        real_filter(input, weights.imag, output.imag, cval)
    return output
