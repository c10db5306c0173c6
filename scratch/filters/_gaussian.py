"""Gaussian smoothing and the difference of Gaussians (band-pass), as in scikit-image.

The method
----------
A Gaussian filter replaces every pixel by a weighted mean of its neighbourhood, the weights
being samples of the normal density

    g(x) = exp(-x**2 / (2 sigma**2)),   x = -r .. r,   r = int(truncate * sigma + 0.5),

divided by their sum (so that a constant image stays constant).  The n-dimensional Gaussian
factorises, ``g(x, y) = g(x) g(y)``, so an n-D blur is n one-dimensional passes, one per axis:
``O(N * sum(2 r_k + 1))`` work for N pixels instead of ``O(N * prod(2 r_k + 1))`` for the dense
kernel.  The passes themselves, and the boundary modes (``reflect``, ``mirror``, ``nearest``,
``constant`` + ``cval``, ``wrap``), live in :func:`scratch.ndimage.gaussian_filter`; this
module adds what scikit-image puts around it:

1. **dtype rules.**  Integer and bool images are rescaled to [0, 1] (unsigned) or [-1, 1]
   (signed) by :func:`scratch.util.img_as_float`, unless ``preserve_range=True``, in which case
   they are only cast to float64.  float16 becomes float32; float32 stays float32 (the work
   and the result are single precision, like scikit-image's ``_supported_float_type``);
   everything else becomes float64.
2. **channels.**  With ``channel_axis`` the sigma of the channel axis is 0: colour channels
   are blurred independently, never mixed.
3. **difference of Gaussians.**  ``gaussian(image, low) - gaussian(image, high)`` keeps the
   structures whose size lies between the two sigmas: a band-pass filter, and with
   ``high = 1.6 low`` an approximation of the (negated, scaled) Laplacian of Gaussian
   (Marr & Hildreth, 1980).

Reference: scikit-image ``skimage/_shared/filters.py`` (gaussian) and
``skimage/filters/_gaussian.py`` (difference_of_gaussians), version 0.26.
"""

from collections.abc import Iterable

import numpy as np

from ..ndimage import gaussian_filter
from ..util import img_as_float

__all__ = ["gaussian", "difference_of_gaussians", "supported_float_type"]


# --- the dtype rules shared by every filter in scratch.filters -------------------------------

# dtype.char -> working float type (scikit-image's ``new_float_type``): float32 and float64
# are kept, float16 is promoted to float32, long double demoted to float64, the rest float64.
_FLOAT_TYPE = {"f": np.float32, "d": np.float64, "e": np.float32, "g": np.float64}


def supported_float_type(input_dtype):
    """The floating-point dtype scikit-image computes in for ``input_dtype``.

    float32 stays float32, float16 becomes float32, every other real dtype float64.
    Complex input raises ValueError, as scikit-image's ``_supported_float_type`` does.
    """
    input_dtype = np.dtype(input_dtype)
    if input_dtype.kind == "c":
        raise ValueError("complex valued input is not supported")
    return _FLOAT_TYPE.get(input_dtype.char, np.float64)


def _convert_to_float(image, preserve_range):
    """scikit-image's ``convert_to_float``: the image as float, rescaled unless preserve_range.

    float16 -> float32 always; with ``preserve_range`` other non-float types are cast to
    float64 with their values kept; otherwise :func:`scratch.util.img_as_float` rescales
    integer types to [0, 1] / [-1, 1] and leaves float images as they are.
    """
    if image.dtype == np.float16:
        return image.astype(np.float32)
    if preserve_range:
        if image.dtype.char not in "df":
            image = image.astype(float)
    else:
        image = img_as_float(image)
    return image


def _as_float_image(image):
    """The conversion of the edge filters: floats keep their precision, the rest img_as_float."""
    if image.dtype.kind == "f":
        return image.astype(supported_float_type(image.dtype), copy=False)
    return img_as_float(image)


# --- public functions -----------------------------------------------------------------------


def gaussian(
    image,
    sigma=1.0,
    *,
    mode="nearest",
    cval=0,
    preserve_range=False,
    truncate=4.0,
    channel_axis=None,
    out=None,
):
    """Multi-dimensional Gaussian filter.

    The image is converted to float (see Notes), then blurred by one normalised 1-D Gaussian
    pass per axis (:func:`scratch.ndimage.gaussian_filter`): ``O(N * sum_k (2 r_k + 1))``
    for N pixels and radius ``r_k = int(truncate * sigma_k + 0.5)``.

    Parameters
    ----------
    image : ndarray
        Input image (grayscale or color) to filter.
    sigma : scalar or sequence of scalars, optional
        Standard deviation for Gaussian kernel, one per axis or one for all axes.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        How the array borders are handled (``cval`` is the value outside the image when
        mode is 'constant').  Default is 'nearest'.
    cval : scalar, optional
        Value to fill past edges of input if ``mode`` is 'constant'. Default is 0.0.
    preserve_range : bool, optional
        If True, keep the original range of values. Otherwise integer images are
        rescaled as by ``img_as_float`` (to [0, 1] or [-1, 1]).
    truncate : float, optional
        Truncate the filter at this many standard deviations.
    channel_axis : int or None, optional
        If None, the image is a single-channel image.  Otherwise, the axis holding the
        channels; they are filtered independently (sigma 0 along that axis).
    out : ndarray, optional
        If given, the filtered image is stored in this (floating-point) array.

    Returns
    -------
    filtered_image : ndarray
        The filtered array (float32 for float16/float32 input, float64 otherwise, or the
        dtype of ``out``).

    Raises
    ------
    ValueError
        If a sigma is negative or ``out`` is not a floating-point array.

    Notes
    -----
    Integer arrays are converted to float.  The intermediate 1-D passes are stored in the
    output's dtype, so a float32 result carries float32 rounding, as in scikit-image.

    See Also
    --------
    skimage.filters.gaussian : the reference implementation.
    scratch.ndimage.gaussian_filter : the separable filter underneath.

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Gaussian_blur

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import gaussian
    >>> a = np.zeros((3, 3))
    >>> a[1, 1] = 1
    >>> gaussian(a, sigma=0.4)
    array([[0.00163116, 0.03712502, 0.00163116],
           [0.03712502, 0.84496158, 0.03712502],
           [0.00163116, 0.03712502, 0.00163116]])
    """
    if np.any(np.asarray(sigma) < 0.0):
        raise ValueError("Sigma values less than zero are not valid")
    image = np.asarray(image)
    if channel_axis is not None:
        # do not filter across channels: sigma 0 along the channel axis
        if not isinstance(sigma, Iterable):
            sigma = [sigma] * (image.ndim - 1)
        if len(sigma) == image.ndim - 1:
            sigma = list(sigma)
            sigma.insert(channel_axis % image.ndim, 0)
    image = _convert_to_float(image, preserve_range)
    image = image.astype(supported_float_type(image.dtype), copy=False)
    if out is not None and not np.issubdtype(out.dtype, np.floating):
        raise ValueError(f"dtype of `out` must be float; got {out.dtype!r}.")
    return gaussian_filter(image, sigma, output=out, mode=mode, cval=cval, truncate=truncate)


def difference_of_gaussians(
    image,
    low_sigma,
    high_sigma=None,
    *,
    mode="nearest",
    cval=0,
    channel_axis=None,
    truncate=4.0,
):
    """Find features between ``low_sigma`` and ``high_sigma`` in size (band-pass filter).

    Algorithm: convert the image with ``img_as_float``; blur it twice with :func:`gaussian`
    (sigmas ``low_sigma`` and ``high_sigma``, same mode/cval/truncate/channel_axis); return
    ``less_blurred - more_blurred``.  Structures much smaller than ``low_sigma`` are
    removed by the first blur, structures much larger than ``high_sigma`` survive both
    blurs and cancel in the difference.

    Parameters
    ----------
    image : ndarray
        Input array to filter.
    low_sigma : scalar or sequence of scalars
        Standard deviation(s) of the smaller Gaussian, one per spatial axis or one for all.
    high_sigma : scalar or sequence of scalars, optional
        Standard deviation(s) of the larger Gaussian.  Default: ``1.6 * low_sigma``.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        Boundary mode of both blurs. Default is 'nearest'.
    cval : scalar, optional
        Value past the edges when ``mode`` is 'constant'. Default is 0.
    channel_axis : int or None, optional
        Axis of the colour channels (filtered independently), or None.
    truncate : float, optional
        Truncate the filters at this many standard deviations. Default is 4.0.

    Returns
    -------
    filtered_image : ndarray
        The band-pass filtered array (float32 for float16/float32 input, else float64).

    Raises
    ------
    ValueError
        If a sigma sequence does not have one item per spatial axis, or a high sigma is
        smaller than the matching low sigma.

    See Also
    --------
    skimage.filters.difference_of_gaussians : the reference implementation.
    gaussian

    References
    ----------
    .. [1] Marr, D. and Hildreth, E. Theory of Edge Detection. Proc. R. Soc. Lond.
           Series B 207, 187-217 (1980). https://doi.org/10.1098/rspb.1980.0020

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import difference_of_gaussians
    >>> image = np.zeros((5, 5)); image[2, 2] = 1.0
    >>> float(difference_of_gaussians(image, 1, 2)[2, 2].round(4))
    0.1194
    """
    image = img_as_float(np.asarray(image))
    low_sigma = np.array(low_sigma, dtype="float", ndmin=1)
    if high_sigma is None:
        high_sigma = low_sigma * 1.6
    else:
        high_sigma = np.array(high_sigma, dtype="float", ndmin=1)

    spatial_dims = image.ndim - 1 if channel_axis is not None else image.ndim

    if len(low_sigma) != 1 and len(low_sigma) != spatial_dims:
        raise ValueError(
            "low_sigma must have length equal to number of spatial dimensions of input "
            f"({spatial_dims}), got {len(low_sigma)}"
        )
    if len(high_sigma) != 1 and len(high_sigma) != spatial_dims:
        raise ValueError(
            "high_sigma must have length equal to number of spatial dimensions of input "
            f"({spatial_dims}), got {len(high_sigma)}"
        )

    low_sigma = low_sigma * np.ones(spatial_dims)
    high_sigma = high_sigma * np.ones(spatial_dims)

    if any(high_sigma < low_sigma):
        raise ValueError(
            f"high_sigma must be equal to or larger than low_sigma for all axes, got "
            f"low_sigma={low_sigma.tolist()} and high_sigma={high_sigma.tolist()}"
        )

    options = dict(mode=mode, cval=cval, channel_axis=channel_axis, truncate=truncate)
    less_blurred = gaussian(image, sigma=low_sigma, preserve_range=False, **options)
    more_blurred = gaussian(image, sigma=high_sigma, preserve_range=False, **options)
    return less_blurred - more_blurred
