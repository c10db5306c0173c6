"""Unsharp masking: sharpen an image by adding back its own high frequencies.

The method
----------
The name comes from the darkroom: a blurred ("unsharp") copy of the negative was used as a
mask to boost the fine detail of a print.  Digitally::

    blurred  = gaussian(image, sigma=radius, mode='reflect')
    detail   = image - blurred                 # a high-pass filter
    enhanced = image + amount * detail         # = (1 + amount) image - amount blurred

then, unless ``preserve_range``, the result is clipped to the valid range of a float image
([0, 1], or [-1, 1] if the converted image has negative values).  It is linear (before the
clip) and stable, unlike deconvolution.  With ``channel_axis`` every channel is sharpened on
its own.  The cost is that of one Gaussian blur, ``O(N * ndim * (2 r + 1))``.

dtype rules as scikit-image 0.26: the working type is float32 for float16/float32 images and
float64 for everything else; without ``preserve_range`` integer images are first rescaled by
:func:`scratch.util.img_as_float`.

Reference: scikit-image ``skimage/filters/_unsharp_mask.py``; M. Petrou and C. Petrou, *Image
Processing: The Fundamentals*, 2nd ed., Wiley 2010, p. 357.
"""

import numpy as np

from .._checks import normalize_axis
from ..util import img_as_float
from ._gaussian import gaussian, supported_float_type

__all__ = ["unsharp_mask"]


def _unsharp_mask_single_channel(image, radius, amount, vrange):
    """Sharpen one channel: ``image + (image - blurred) * amount``, clipped to ``vrange``."""
    blurred = gaussian(image, sigma=radius, mode="reflect")
    result = image + (image - blurred) * amount
    if vrange is not None:
        return np.clip(result, vrange[0], vrange[1], out=result)
    return result


def unsharp_mask(image, radius=1.0, amount=1.0, preserve_range=False, *, channel_axis=None):
    """Unsharp masking filter.

    The sharp details are the difference between the image and its Gaussian blur (sigma
    ``radius``); they are scaled by ``amount`` and added back:
    ``enhanced = image + amount * (image - blurred)``, then clipped to [0, 1] (or [-1, 1]
    when the float image has negative values) unless ``preserve_range``.

    Parameters
    ----------
    image : (M[, ...][, C]) ndarray
        Input image.
    radius : scalar or sequence of scalars, optional
        Sigma of the Gaussian blur; a scalar for all axes, or one per (spatial) axis.
        0 means no blurring; negative values are not allowed.
    amount : scalar, optional
        The details are amplified with this factor (may be 0 or negative).
    preserve_range : bool, optional
        Keep the original range of values (no rescaling, no clipping).  Otherwise the image
        is converted by ``img_as_float`` and the result clipped.
    channel_axis : int or None, optional
        If None, a single-channel image; otherwise the axis of the channels, each sharpened
        independently.

    Returns
    -------
    output : (M[, ...][, C]) ndarray of float
        Image with unsharp mask applied.

    Notes
    -----
    scikit-image 0.26 slices the channels with a helper that does not accept negative axes:
    ``channel_axis=-1`` there sharpens slices along axis 0 and leaves the rest of the output
    uninitialised.  scratch normalises ``channel_axis`` first, so ``-1`` means the last axis
    (the same result as the reference gives for ``channel_axis=image.ndim - 1``).

    See Also
    --------
    skimage.filters.unsharp_mask : the reference implementation.
    gaussian

    References
    ----------
    .. [1] Maria Petrou, Costas Petrou, "Image Processing: The Fundamentals", (2010),
           ed ii., page 357, ISBN 13: 9781119994398.
    .. [2] https://en.wikipedia.org/wiki/Unsharp_masking

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import unsharp_mask
    >>> array = np.ones(shape=(5, 5), dtype=np.uint8) * 100
    >>> array[2, 2] = 120
    >>> np.around(unsharp_mask(array, radius=0.5, amount=2), 2)
    array([[0.39, 0.39, 0.39, 0.39, 0.39],
           [0.39, 0.39, 0.38, 0.39, 0.39],
           [0.39, 0.38, 0.53, 0.38, 0.39],
           [0.39, 0.39, 0.38, 0.39, 0.39],
           [0.39, 0.39, 0.39, 0.39, 0.39]])
    """
    image = np.asarray(image)
    vrange = None  # range of valid values, used for clipping
    float_dtype = supported_float_type(image.dtype)
    if preserve_range:
        fimg = image.astype(float_dtype, copy=False)
    else:
        fimg = img_as_float(image).astype(float_dtype, copy=False)
        vrange = [-1.0, 1.0] if np.any(fimg < 0) else [0.0, 1.0]

    if channel_axis is None:
        return _unsharp_mask_single_channel(fimg, radius, amount, vrange)

    axis = normalize_axis(channel_axis, image.ndim, "channel_axis")
    result = np.empty_like(fimg, dtype=float_dtype)
    for channel in range(image.shape[axis]):
        sl = (slice(None),) * axis + (channel, Ellipsis)
        result[sl] = _unsharp_mask_single_channel(fimg[sl], radius, amount, vrange)
    return result
