"""Convolution in the frequency domain (``scipy.signal.fftconvolve``).

The convolution theorem
-----------------------
The discrete Fourier transform turns *circular* convolution into a product:

    DFT(a ⊛ b) = DFT(a) · DFT(b),      (a ⊛ b)[n] = Σ_k a[k] · b[(n - k) mod N]

so a convolution costs two forward transforms, one elementwise product and one inverse
transform.  With the FFT each transform of N samples is O(N log N); the direct sum costs
O(N·K) for a kernel of K samples.  For a 2048² image and a 31×31 kernel the direct method does
~4·10⁹ multiply-adds, the FFT route ~3·10⁸ operations: large kernels belong to the FFT, small
ones (3×3, 5×5) to the direct loops of ``scratch.ndimage``.

Padding: from circular to linear
--------------------------------
Image filtering wants *linear* convolution (zeros outside the arrays), not the circular one
the DFT computes, which wraps the end of the signal around onto its start.  The full linear
convolution of lengths n1 and n2 has n1 + n2 - 1 samples; zero-padding both inputs to at
least that length N leaves room for every product, so nothing wraps around and the first
n1 + n2 - 1 samples of the circular result *are* the linear convolution.

Fast lengths
------------
An FFT of length N is fastest when N factors into small primes (its recursion splits N into
its factors).  So N is rounded up to the next "smooth" number (:func:`next_fast_len`):
5-smooth (2^a 3^b 5^c) for real transforms, 11-smooth for complex ones, as SciPy does.  The
extra zeros change nothing but round-off; the result is cut back to n1 + n2 - 1.

Real inputs use the real FFT (``rfftn``/``irfftn``), which stores only the non-negative
frequencies of the last axis (a real signal's spectrum is Hermitian-symmetric): half the work
and half the memory.  Complex inputs use ``fftn``/``ifftn``.

Output modes (per convolved axis, n1 = len(in1), n2 = len(in2))
-----------------------------------------------------------------
========  ==================  =====================================================
mode      length              which samples of the full result
========  ==================  =====================================================
full      n1 + n2 - 1         all
same      n1                  the centre: start at (n2 - 1) // 2
valid     n1 - n2 + 1         those that never touch the zero padding: start n2 - 1
========  ==================  =====================================================

'valid' needs one input at least as large as the other in *every* convolved axis (then they
are swapped if needed: convolution commutes); otherwise ``ValueError``.

Only the wanted samples need to be free of wrap-around
------------------------------------------------------
With both inputs zero-padded to a length N >= max(n1, n2), the circular result is the linear
one plus its own tail wrapped onto its start:

    c[j] = full[j] + full[j + N],        0 <= j < N,

and ``full[j + N]`` is zero once j + N >= n1 + n2 - 1.  So the samples j in
[n1 + n2 - 1 - N, N) are exact, and a mode that keeps the samples [start, start + length)
only needs

    N >= max(n1, n2, n1 + n2 - 1 - start, start + length).

'full' still needs n1 + n2 - 1, 'valid' only n1 (the larger input), 'same' about
n1 + n2 / 2: a 303×384 image and a 31×31 kernel transform at 320×400 instead of 360×432
(18 % fewer samples, and 320 = 2^6·5, 400 = 2^4·5^2 transform faster per sample than
360 and 432).  That is the overlap-save idea (Oppenheim & Schafer 8.7.2) applied to a
single block.

``axes`` convolves along some axes only; along the others the inputs are multiplied
elementwise, broadcasting a length-1 axis against the other array's length.  An axis in
which either input has length 1 needs no transform either: the convolution along it is that
same broadcast product, so it is dropped from the transformed axes.

Precision and dtypes
--------------------
Integer and bool inputs are converted to float64; float16 to float32.  float32 inputs stay
single precision (result float32, or complex64 with complex input), exactly as SciPy.  FFT
round-off is spread over the whole array: every output sample carries an error of about
ε · max|result| · log N, so small samples (far below the maximum) are *not* accurate to a
relative ε, unlike the direct sum.  Where exactness matters on integers, use direct
convolution.

References
----------
.. [1] J. W. Cooley and J. W. Tukey, "An algorithm for the machine calculation of complex
       Fourier series", Math. Comp. 19 (1965), 297-301.
.. [2] A. V. Oppenheim and R. W. Schafer, *Discrete-Time Signal Processing*, 3rd ed.,
       ch. 8.7 "Linear convolution using the DFT".
.. [3] SciPy, ``scipy/signal/_signaltools.py`` (1.17): ``fftconvolve``.
"""

import numbers
import operator

import numpy as np

__all__ = ["fftconvolve"]

_MODES = ("full", "same", "valid")


def next_fast_len(target, real=False):
    """The smallest length ``n >= target`` whose FFT is fast: 5-smooth (only the prime factors
    2, 3, 5) when ``real``, otherwise 11-smooth (2, 3, 5, 7, 11), like ``scipy.fft``.

    Every product of powers of the odd primes below ``2 * target`` is tried; each is then
    doubled until it reaches ``target``.  There are only O(log^k target) such products.

    Examples
    --------
    >>> next_fast_len(97, real=True), next_fast_len(97)
    (100, 98)
    """
    target = operator.index(target)
    if target < 1:
        raise ValueError(f"`target` must be a positive integer, got {target}")
    odd_primes = (3, 5) if real else (3, 5, 7, 11)
    best = 1 << (target - 1).bit_length()  # the next power of two always qualifies

    def search(product, primes):
        nonlocal best
        if product >= best:
            return
        if not primes:
            # double the odd part until it reaches the target
            n = product
            while n < target:
                n *= 2
            best = min(best, n)
            return
        p, rest = primes[0], primes[1:]
        while product < best:
            search(product, rest)
            product *= p

    search(1, odd_primes)
    return best


def _parse_axes(axes, ndim):
    """``axes`` as a list of distinct non-negative ints (scipy.fft's rules and messages)."""
    if axes is None:
        return list(range(ndim))
    if isinstance(axes, numbers.Number):
        axes = (axes,)
    try:
        axes = [operator.index(a) for a in axes]
    except TypeError:
        raise ValueError(f"axes must be a scalar or iterable of integers, got {axes!r}") from None
    if not axes:
        raise ValueError("when provided, axes cannot be empty")
    axes = [a + ndim if a < 0 else a for a in axes]
    if any(a < 0 or a >= ndim for a in axes):
        raise ValueError(f"axes exceeds dimensionality of input: axes {axes} for {ndim}-D inputs")
    if len(set(axes)) != len(axes):
        raise ValueError(f"all axes must be unique, got {axes}")
    return axes


def _working_array(a):
    """The array the FFT works on: integers/bool -> float64, float16 -> float32."""
    if a.dtype.kind in "fc":
        return a.astype(np.float32) if a.dtype == np.float16 else a
    return a.astype(np.float64)  # bool, ints, object (numbers) -- strings raise ValueError


def _centered(arr, newshape):
    """The centre ``newshape`` block of ``arr``: start at ``(old - new) // 2`` on each axis."""
    start = [(old - new) // 2 for old, new in zip(arr.shape, newshape)]
    return arr[tuple(slice(s, s + n) for s, n in zip(start, newshape))]


def fftconvolve(in1, in2, mode="full", axes=None):
    """Convolve two N-dimensional arrays using FFT.

    Convolve `in1` and `in2` using the fast Fourier transform method, with
    the output size determined by the `mode` argument.

    Steps: (1) choose the transform length of each convolved axis, ``n1 + n2 - 1`` rounded
    up to a fast length; (2) zero-pad and transform both inputs (``rfftn`` if both are real,
    else ``fftn``); (3) multiply the spectra; (4) transform back and cut out the samples of
    `mode`.  O(N log N) for N output samples, whatever the kernel size.

    Parameters
    ----------
    in1 : array_like
        First input.
    in2 : array_like
        Second input. Should have the same number of dimensions as `in1`.
    mode : str {'full', 'valid', 'same'}, optional
        A string indicating the size of the output:

        ``full``
           The output is the full discrete linear convolution
           of the inputs. (Default)
        ``valid``
           The output consists only of those elements that do not
           rely on the zero-padding. In 'valid' mode, either `in1` or `in2`
           must be at least as large as the other in every dimension.
        ``same``
           The output is the same size as `in1`, centered
           with respect to the 'full' output.
    axes : int or array_like of ints or None, optional
        Axes over which to compute the convolution.
        The default is over all axes.

    Returns
    -------
    out : array
        An N-dimensional array containing a subset of the discrete linear
        convolution of `in1` with `in2`.

    Raises
    ------
    ValueError
        If the inputs differ in ndim, their shapes are incompatible on the axes not
        convolved, `axes` is invalid, `mode` is unknown, or in 'valid' mode neither input
        is at least as large as the other along every convolved axis.

    See Also
    --------
    scipy.signal.fftconvolve : the reference.
    scratch.ndimage.convolve : direct convolution, with boundary modes.

    Examples
    --------
    >>> import numpy as np
    >>> np.round(fftconvolve([1, 2, 3], [1, 0.5]), 12)
    array([1. , 2.5, 4. , 1.5])
    >>> np.round(fftconvolve([1, 2, 3], [1, 0.5], mode="same"), 12)
    array([1. , 2.5, 4. ])
    >>> np.round(fftconvolve([1, 2, 3], [1, 0.5], mode="valid"), 12)
    array([2.5, 4. ])
    """
    in1 = np.asarray(in1)
    in2 = np.asarray(in2)

    if in1.ndim == in2.ndim == 0:  # two scalars: their product
        return in1 * in2
    if in1.ndim != in2.ndim:
        raise ValueError(
            "in1 and in2 should have the same dimensionality, got "
            f"`in1` of shape {in1.shape} and `in2` of shape {in2.shape}"
        )
    if in1.size == 0 or in2.size == 0:
        return np.asarray([])
    if not isinstance(mode, str) or mode not in _MODES:
        raise ValueError(f"acceptable mode flags are 'valid', 'same', or 'full', got mode={mode!r}")

    axes = _parse_axes(axes, in1.ndim)
    s1, s2 = in1.shape, in2.shape
    # a length-1 axis needs no transform: it broadcasts like the axes not convolved
    axes = [a for a in axes if s1[a] != 1 and s2[a] != 1]
    for a in range(in1.ndim):
        if a not in axes and not (s1[a] == s2[a] or s1[a] == 1 or s2[a] == 1):
            raise ValueError(f"incompatible shapes for in1 and in2: {s1} and {s2}")

    if mode == "valid" and axes:
        in1_larger = all(s1[a] >= s2[a] for a in axes)
        in2_larger = all(s2[a] >= s1[a] for a in axes)
        if not (in1_larger or in2_larger):
            raise ValueError(
                "For 'valid' mode, one must be at least as large as the other in every "
                f"dimension: got shapes {s1} and {s2} along axes {axes}"
            )
        if not in1_larger:  # convolution commutes: make in1 the larger one
            in1, in2 = in2, in1
            s1, s2 = s2, s1

    if not axes:  # nothing to transform: an elementwise (broadcast) product
        full = in1 * in2
        if mode == "full":
            return full.copy()
        return _centered(full, s1 if mode == "same" else full.shape).copy()

    # the samples of the full result that `mode` keeps: [start, start + length) per axis
    window = [_kept_samples(s1[a], s2[a], mode, a in axes) for a in range(in1.ndim)]
    return _frequency_domain_convolve(in1, in2, axes, window)


def _kept_samples(n1, n2, mode, convolved):
    """``(start, length)`` of the samples of the full result that ``mode`` keeps along one
    axis: n1 + n2 - 1 of them on a convolved axis (for 'valid', n1 >= n2), max(n1, n2) on a
    broadcast one."""
    full = n1 + n2 - 1 if convolved else max(n1, n2)
    if mode == "full":
        return 0, full
    if mode == "same":
        return (full - n1) // 2, n1  # the centre, as _centered cuts it
    if not convolved:  # 'valid' keeps a broadcast axis whole
        return 0, full
    return n2 - 1, n1 - n2 + 1


def _frequency_domain_convolve(in1, in2, axes, window):
    """The samples ``window[a] = (start, length)`` of the linear convolution along each of
    ``axes`` (the other axes broadcast), by the FFT."""
    complex_result = in1.dtype.kind == "c" or in2.dtype.kind == "c"
    in1 = _working_array(in1)
    in2 = _working_array(in2)

    # the shortest fast transform length that leaves the kept samples free of wrap-around
    # (module docstring): N >= max(n1, n2, n1 + n2 - 1 - start, start + length)
    fshape = []
    for a in axes:
        n1, n2 = in1.shape[a], in2.shape[a]
        start, length = window[a]
        shortest = max(n1, n2, n1 + n2 - 1 - start, start + length)
        fshape.append(next_fast_len(shortest, real=not complex_result))

    forward = np.fft.fftn if complex_result else np.fft.rfftn
    spectrum = forward(in1, fshape, axes=axes) * forward(in2, fshape, axes=axes)

    # Back to samples one axis at a time (what ifftn/irfftn do), cutting each axis to its kept
    # samples as soon as it is transformed: the later transforms run over fewer lines.
    # rfftn halved the last of `axes`, so that one is transformed back last, by irfft.
    keep = [slice(start, start + length) for start, length in window]
    result = spectrum
    for i, (a, n) in enumerate(zip(axes, fshape)):
        last = i == len(axes) - 1
        inverse = np.fft.irfft if last and not complex_result else np.fft.ifft
        cut = [slice(None)] * result.ndim
        cut[a] = keep[a]
        result = inverse(result, n, axis=a)[tuple(cut)]
    # the broadcast axes ('same' cuts them to in1's length); one copy, C-contiguous
    cut = [slice(None) if a in axes else keep[a] for a in range(result.ndim)]
    return np.ascontiguousarray(result[tuple(cut)])
