"""Gaussian filtering, its derivatives and the Laplacian of Gaussian.

The gaussian kernel ``G(x) = exp(-x^2 / (2 sigma^2))``, sampled at integer ``x`` within
``radius = int(truncate * sigma + 0.5)`` of the centre and normalised to sum 1, smooths an
image; because ``G(x, y) = G(x) G(y)`` the n-D filter is one 1-D correlation per axis:
``O(N * d * (2 radius + 1))`` instead of ``O(N * (2 radius + 1)^d)``.

Derivatives of the smoothed image are correlations with derivatives of the kernel.  Writing
the n-th derivative as ``q_n(x) G(x)``, the polynomial ``q_n`` follows from the product rule::

    q_0 = 1,        q_{n+1}(x) = q_n'(x) - x / sigma^2 * q_n(x)

(so ``q_1 = -x/sigma^2``, ``q_2 = (x^2 - sigma^2)/sigma^4`` — Hermite polynomials in
disguise).  ``order`` picks the derivative per axis; ``gaussian_laplace`` sums the second
derivatives over the axes: the Laplacian of Gaussian (LoG), a blob and ridge detector.

The 1-D passes run through :func:`scratch.ndimage.correlate1d`, so every boundary mode,
the output dtype rules and the symmetric-kernel shortcut come from there.

References
----------
.. [1] SciPy ``scipy.ndimage.gaussian_filter`` and ``_gaussian_kernel1d``.
.. [2] T. Lindeberg, *Scale-Space Theory in Computer Vision*, Springer 1994.
"""

import numpy as np

from .._checks import normalize_sequence
from ._correlate import correlate1d
from ._support import check_axes, get_output, input_array

__all__ = ["gaussian_kernel1d", "gaussian_filter1d", "gaussian_filter", "gaussian_laplace", "generic_laplace"]


def _gaussian_weights(sigma, radius):
    """The sampled gaussian of standard deviation ``sigma``, normalised to sum 1.

    ``2 * radius + 1`` weights at the integer positions ``x = -radius, ..., radius``::

        phi(x) = exp(-0.5 / sigma**2 * x**2)        w = phi / sum(phi)

    computed in float64 in this order (``-0.5 / sigma2 * x**2`` with ``sigma2 = sigma *
    sigma``, SciPy's rounding).  The constant ``1 / (sigma sqrt(2 pi))`` of the density is left
    out: the normalisation divides it away, and it makes the truncated kernel sum to exactly 1
    (an image of ones stays ones).
    """
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    sigma2 = sigma * sigma
    phi = np.exp(-0.5 / sigma2 * x**2)
    return phi / phi.sum()


def gaussian_kernel1d(sigma, order, radius):
    """The sampled, normalised gaussian (``order`` 0) or its ``order``-th derivative.

    Returns ``2 * radius + 1`` weights at ``x = -radius .. radius`` (convolution order: to
    correlate, reverse them).
    """
    if order < 0:
        raise ValueError(f"order must be non-negative, got order={order}")
    if isinstance(order, (float, np.floating)) and not np.isfinite(order):  # (the reference's arange)
        raise ValueError(f"`order` must be a finite non-negative integer, got order={order!r}")
    phi = _gaussian_weights(sigma, radius)
    if order == 0:  # (also 0.0 and False, as in the reference: it returns before using it)
        return phi
    order = _integer_order(order)
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    sigma2 = sigma * sigma
    # coefficients of q_n(x) = sum_i q[i] x^i, updated by q <- q' - x q / sigma^2
    q = np.zeros(order + 1)
    q[0] = 1.0
    for _ in range(order):
        new = np.zeros(order + 1)
        for i in range(order + 1):
            if i >= 1:
                new[i] += q[i - 1] * (1.0 / -sigma2)  # - x q / sigma^2 (as SciPy rounds it)
            if i + 1 <= order:
                new[i] += (i + 1) * q[i + 1]  # the derivative q'
        q = new
    powers = x[:, None] ** np.arange(order + 1)
    return (powers @ q) * phi


def _integer_order(order):
    """A derivative order > 0 as an int: TypeError for a fraction, a float or a bool, as the
    reference's ``np.zeros(order + 1)`` raises."""
    if isinstance(order, (int, np.integer)) and not isinstance(order, (bool, np.bool_)):
        return int(order)
    raise TypeError(f"`order` must be an integer, got order={order!r}")


def _radius(sigma, truncate, radius):
    """The kernel's radius: ``radius``, or ``truncate`` standard deviations.

    ``int(truncate * sigma + 0.5)`` is taken first even when ``radius`` is given, as the
    reference does: an infinite one is its OverflowError, a NaN one its ValueError."""
    try:
        from_truncate = int(truncate * float(sigma) + 0.5)
    except OverflowError:
        raise OverflowError(f"`truncate` * `sigma` is infinite (truncate={truncate!r}, sigma={sigma!r})") from None
    except ValueError:
        raise ValueError(f"`truncate` * `sigma` is NaN (truncate={truncate!r}, sigma={sigma!r})") from None
    if radius is None:
        radius = from_truncate
    if not isinstance(radius, (int, np.integer)) or radius < 0:
        raise ValueError(f"Radius must be a nonnegative integer, got radius={radius!r}")
    return int(radius)


def gaussian_filter1d(input, sigma, axis=-1, order=0, output=None, mode="reflect", cval=0.0,
                      truncate=4.0, *, radius=None):
    """1-D gaussian filter (or the ``order``-th derivative of gaussian) along one axis.

    The kernel reaches ``radius = int(truncate * sigma + 0.5)`` pixels each side (``truncate``
    standard deviations, rounded to the nearest pixel), unless ``radius`` is given; its
    weights are the normalised gaussian (``gaussian_weights``), and the filter is their 1-D
    correlation along ``axis`` with the boundary mode (``correlate1d``; the kernel is
    symmetric, so correlation and convolution agree).  The output has the input's dtype.

    Parameters
    ----------
    input : array_like
        The input array.
    sigma : scalar
        Standard deviation for gaussian kernel.
    axis : int, optional
        The axis of `input` along which to calculate. Default is -1.
    order : int, optional
        An order of 0 corresponds to convolution with a gaussian kernel.  A positive order
        corresponds to convolution with that derivative of a gaussian.
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        The boundary mode. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    truncate : float, optional
        Truncate the filter at this many standard deviations. Default is 4.0.
    radius : None or int, optional
        Radius of the gaussian kernel; overrides `truncate` when given.

    Returns
    -------
    gaussian_filter1d : ndarray

    See Also
    --------
    scipy.ndimage.gaussian_filter1d : the reference.

    Examples
    --------
    >>> from scratch.ndimage import gaussian_filter1d
    >>> import numpy as np
    >>> gaussian_filter1d(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), 1)
    array([1.42704095, 2.06782203, 3.        , 3.93217797, 4.57295905])
    """
    radius = _radius(sigma, truncate, radius)
    # correlate1d needs the kernel in correlation order: reversed
    weights = gaussian_kernel1d(float(sigma), order, radius)[::-1].copy()
    return correlate1d(input, weights, axis, output, mode, cval, 0)


def gaussian_filter(input, sigma, order=0, output=None, mode="reflect", cval=0.0, truncate=4.0,
                    *, radius=None, axes=None):
    """Multidimensional gaussian filter: one 1-D gaussian pass per axis.

    The n-D gaussian is separable, ``G(x, y) = g(x) g(y)``: filter along axis 0, then filter
    *that result* along axis 1, and so on.  ``sigma``, ``mode`` and ``radius`` may be given
    once for all axes or one per axis.  Axes with ``sigma <= 1e-15`` are left alone (as SciPy
    does; with no axis left the output is a copy of the input).  Each pass writes into the
    output array, so with an integer output every pass truncates, exactly as SciPy's do.

    Parameters
    ----------
    input : array_like
        The input array.
    sigma : scalar or sequence of scalars
        Standard deviation for gaussian kernel, one per axis or the same for all.
    order : int or sequence of ints, optional
        The order of the filter along each axis (0 = smoothing, 1 = first derivative, ...).
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : str or sequence, optional
        The boundary mode, or one per axis. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    truncate : float, optional
        Truncate the filter at this many standard deviations. Default is 4.0.
    radius : None or int or sequence of ints, optional
        Radius of the gaussian kernel; overrides `truncate` when given.
    axes : tuple of int or None, optional
        The axes over which to apply the filter (all by default).

    Returns
    -------
    gaussian_filter : ndarray
        Returned array of same shape as `input`.

    See Also
    --------
    scipy.ndimage.gaussian_filter : the reference.
    scratch.filters.gaussian : scikit-image's wrapper (float conversion, channels).

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import gaussian_filter
    >>> gaussian_filter(np.arange(50, step=2).reshape((5, 5)), sigma=1)
    array([[ 4,  6,  8,  9, 11],
           [10, 12, 14, 15, 17],
           [20, 22, 24, 25, 27],
           [29, 31, 33, 34, 36],
           [35, 37, 39, 40, 42]])
    """
    input = input_array(input, allow_complex=True, check_dtype=False)
    output = get_output(output, input, check_dtype=False)  # (float16: refused by correlate1d)
    axes = check_axes(axes, input.ndim)
    n = len(axes)
    orders = normalize_sequence(order, n, "order")
    sigmas = normalize_sequence(sigma, n, "sigma")
    modes = normalize_sequence(mode, n, "mode")
    radii = normalize_sequence(radius, n, "radius")
    passes = [(axes[i], sigmas[i], orders[i], modes[i], radii[i]) for i in range(n) if sigmas[i] > 1e-15]
    if not passes:
        output[...] = input[...]
        return output
    for ax, s, o, m, r in passes:
        gaussian_filter1d(input, s, ax, o, output, m, cval, truncate, radius=r)
        input = output
    return output


def generic_laplace(input, derivative2, output=None, mode="reflect", cval=0.0, extra_arguments=(),
                    extra_keywords=None, *, axes=None):
    """N-D Laplace filter from a user-given second-derivative function.

    ``output = sum over axes of derivative2(input, axis, ...)``.

    Parameters
    ----------
    input : array_like
        The input array.
    derivative2 : callable
        ``derivative2(input, axis, output, mode, cval, *extra_arguments, **extra_keywords)``.
        For the first axis ``output`` is the output array, to be filled in place; for every
        further axis it is the output dtype, and the returned array is added (as SciPy does).
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : str or sequence, optional
        The boundary mode, or one per axis.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'.
    extra_arguments, extra_keywords : sequence, dict, optional
        Passed on to `derivative2`.
    axes : tuple of int or None, optional
        The axes over which to apply the filter.

    Returns
    -------
    generic_laplace : ndarray

    See Also
    --------
    scipy.ndimage.generic_laplace : the reference.
    """
    if extra_keywords is None:
        extra_keywords = {}
    input = input_array(input, allow_complex=True, check_dtype=False)
    output = get_output(output, input, check_dtype=False)  # (float16: refused by correlate1d)
    axes = check_axes(axes, input.ndim)
    if not axes:
        output[...] = input[...]
        return output
    modes = normalize_sequence(mode, len(axes), "mode")
    # as SciPy: the first axis writes into ``output``; every further axis is asked for a new
    # array of ``output.dtype`` (the dtype is passed as ``output``) and its *return value* added
    derivative2(input, axes[0], output, modes[0], cval, *extra_arguments, **extra_keywords)
    for ii in range(1, len(axes)):
        tmp = derivative2(input, axes[ii], output.dtype, modes[ii], cval, *extra_arguments, **extra_keywords)
        output += tmp
    return output


def gaussian_laplace(input, sigma, output=None, mode="reflect", cval=0.0, *, axes=None, **kwargs):
    """Multidimensional Laplace filter using gaussian second derivatives (LoG).

    ``LoG = sum over axes a of  d^2/dx_a^2 (G_sigma * input)``; each term is a gaussian
    filter with ``order=2`` along axis ``a``.  Bright blobs of radius ``~ sigma sqrt(2)``
    give strong negative responses; ridges (vessels) give negative lines.

    Parameters
    ----------
    input : array_like
        The input array.
    sigma : scalar or sequence of scalars
        The standard deviations of the gaussian filter, one per axis or the same for all.
    output : array or dtype, optional
        The array in which to place the output, or the dtype of the returned array.
    mode : str or sequence, optional
        The boundary mode, or one per axis. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.
    axes : tuple of int or None, optional
        The axes over which to apply the filter (all by default).
    **kwargs
        ``truncate`` or ``radius``, passed to :func:`gaussian_filter`.

    Returns
    -------
    gaussian_laplace : ndarray

    See Also
    --------
    scipy.ndimage.gaussian_laplace : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.ndimage import gaussian_laplace
    >>> x = np.zeros((5, 5)); x[2, 2] = 1.0
    >>> bool(gaussian_laplace(x, sigma=1)[2, 2] < 0)
    True
    """
    input = input_array(input, allow_complex=True, check_dtype=False)
    axes = check_axes(axes, input.ndim)
    sigma = normalize_sequence(sigma, len(axes), "sigma")
    if len(axes) < input.ndim:
        full = [0] * input.ndim
        for s, ax in zip(sigma, axes):
            full[ax] = s
        sigma = full

    def derivative2(input, axis, output, mode, cval, sigma, **kwargs):
        order = [0] * input.ndim
        order[axis] = 2
        return gaussian_filter(input, sigma, order, output, mode, cval, **kwargs)

    return generic_laplace(input, derivative2, output, mode, cval, extra_arguments=(sigma,),
                           extra_keywords=kwargs, axes=axes)
