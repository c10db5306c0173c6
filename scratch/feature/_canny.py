"""The Canny edge detector (scikit-image's ``canny``), with every stage exposed.

Canny (1986) finds thin, connected edges in four stages:

1. **Smoothing.**  A gaussian of width ``sigma`` removes noise (``scratch.filters.gaussian``).
   With a ``mask`` (or ``mode='constant'``) the image is blurred with zeros outside the mask
   and divided by the blurred mask — the *bleed-over* correction — so that pixels near the
   mask's edge are not darkened by the outside.
2. **Gradient.**  Sobel derivatives along rows (``isobel``, axis 0) and columns (``jsobel``,
   axis 1), each ``[-1, 0, 1]`` along its axis times ``[1, 2, 1]`` across
   (``scratch.ndimage.correlate1d``, scipy's 'reflect' edges); the magnitude is
   ``sqrt(isobel**2 + jsobel**2)``.
3. **Non-maximum suppression.**  A pixel stays only if its magnitude is at least the
   magnitude on both sides *along the gradient direction*.  That direction falls between two
   of the 8 neighbours on each side; the magnitude there is interpolated linearly with the
   weight ``w = min(|gi|, |gj|) / max(|gi|, |gj|)`` (the tangent of the angle to the
   nearest axis).  Pixels below the low threshold, or outside the eroded mask (the image
   border included), are dropped here too.
4. **Hysteresis.**  The surviving pixels ("weak" edges, >= low threshold) are grouped into
   8-connected components (``scratch.ndimage.label``); a component is kept when it
   contains at least one "strong" pixel (>= high threshold).

Thresholds are fractions of the dtype's range (0.1 and 0.2 by default; given values are
divided by the dtype's maximum, as the reference does), or quantiles of the magnitude with
``use_quantiles=True``.  As in the reference's kernel, the low threshold is rounded to a C
``float`` (float32) before the comparison.

Complexity ``O(N)`` per stage; the suppression kernel runs over rows in parallel.

Reference: J. Canny, "A computational approach to edge detection", IEEE TPAMI 8(6):679-698,
1986; scikit-image ``skimage/feature/_canny.py`` and ``_canny_cy.pyx``.
"""

from collections import namedtuple

import numpy as np

from .._checks import check_ndim, check_nonempty, native_byte_order
from .._jit import parallel_jit, prange
from ..filters import gaussian
from ..filters._gaussian import supported_float_type
from ..morphology import erosion
from ..ndimage import correlate1d
from ..ndimage import label as _label
from ..util import dtype_limits

__all__ = ["canny", "canny_stages", "CannyStages"]

CannyStages = namedtuple(
    "CannyStages", ["smoothed", "isobel", "jsobel", "magnitude", "eroded_mask", "suppressed", "weak",
                    "strong", "edges", "low_threshold", "high_threshold"]
)
CannyStages.__doc__ = """The stages of :func:`canny`.

smoothed : the (bleed-over corrected) gaussian-smoothed image
isobel, jsobel : Sobel derivatives along axis 0 and axis 1
magnitude : the gradient magnitude
eroded_mask : where edges may be (the mask eroded by a 3x3 square; the border excluded)
suppressed : the magnitude after non-maximum suppression (0 elsewhere and below the low threshold)
weak : ``suppressed > 0`` — candidate edge pixels
strong : weak pixels at or above the high threshold
edges : the weak pixels 8-connected to a strong one — the result of ``canny``
low_threshold, high_threshold : the thresholds used (after quantiles / dtype scaling)
"""


@parallel_jit
def _nonmaximum_suppression(isobel, jsobel, magnitude, eroded_mask, low_threshold, out):
    """Keep ``magnitude`` where it is a maximum along the gradient (bilinear neighbours)."""
    rows, cols = magnitude.shape
    for x in prange(rows):
        for y in range(cols):
            out[x, y] = 0
            m = magnitude[x, y]
            if not (eroded_mask[x, y] and m >= low_threshold):
                continue
            is_down = isobel[x, y] <= 0
            is_left = jsobel[x, y] <= 0
            abs_i = abs(isobel[x, y])
            abs_j = abs(jsobel[x, y])
            if is_down == is_left:  # both gradients of the same sign
                if abs_i > abs_j:
                    w = abs_j / abs_i
                    n1_1 = magnitude[x + 1, y]
                    n1_2 = magnitude[x + 1, y + 1]
                    n2_1 = magnitude[x - 1, y]
                    n2_2 = magnitude[x - 1, y - 1]
                else:
                    w = abs_i / abs_j
                    n1_1 = magnitude[x, y + 1]
                    n1_2 = magnitude[x + 1, y + 1]
                    n2_1 = magnitude[x, y - 1]
                    n2_2 = magnitude[x - 1, y - 1]
            else:  # opposite signs
                if abs_i < abs_j:
                    w = abs_i / abs_j
                    n1_1 = magnitude[x, y + 1]
                    n1_2 = magnitude[x - 1, y + 1]
                    n2_1 = magnitude[x, y - 1]
                    n2_2 = magnitude[x + 1, y - 1]
                else:
                    w = abs_j / abs_i
                    n1_1 = magnitude[x - 1, y]
                    n1_2 = magnitude[x - 1, y + 1]
                    n2_1 = magnitude[x + 1, y]
                    n2_2 = magnitude[x + 1, y - 1]
            # linear interpolation between the two neighbours on each side
            if n1_2 * w + n1_1 * (1.0 - w) <= m:
                if n2_2 * w + n2_1 * (1.0 - w) <= m:
                    out[x, y] = m


def _sobel(image, axis):
    """``scipy.ndimage.sobel``: [-1, 0, 1] along ``axis``, then [1, 2, 1] along the other axis."""
    out = correlate1d(image, np.array([-1.0, 0.0, 1.0]), axis=axis, mode="reflect")
    return correlate1d(out, np.array([1.0, 2.0, 1.0]), axis=1 - axis, mode="reflect")


def _smooth(image, mask, sigma, mode, cval):
    """Stage 1: gaussian smoothing with the bleed-over correction; and the eroded mask."""
    kwargs = dict(sigma=sigma, mode=mode, cval=cval, preserve_range=False)
    bleedover = mode == "constant" or mask is not None
    float_type = supported_float_type(image.dtype)
    if mask is None:
        if bleedover:
            mask = np.ones(image.shape, dtype=float_type)
        masked = image
        eroded = np.ones(image.shape, dtype=bool)
        eroded[:1, :] = eroded[-1:, :] = eroded[:, :1] = eroded[:, -1:] = False
    else:
        mask = mask.astype(bool, copy=False)
        masked = np.zeros_like(image)
        masked[mask] = image[mask]
        eroded = erosion(mask, np.ones((3, 3), bool), mode="constant", cval=0)
    smoothed = gaussian(masked, **kwargs)
    if bleedover:
        smoothed /= gaussian(mask.astype(float_type, copy=False), **kwargs) + np.finfo(float_type).eps
    return smoothed, eroded


def _thresholds(image, low_threshold, high_threshold, use_quantiles):
    dtype_max = dtype_limits(image, clip_negative=False)[1]
    if low_threshold is None:
        low_threshold = 0.1
    elif use_quantiles:
        if not 0.0 <= low_threshold <= 1.0:
            raise ValueError(f"Quantile thresholds must be between 0 and 1: `low_threshold` is {low_threshold}")
    else:
        low_threshold /= dtype_max
    if high_threshold is None:
        high_threshold = 0.2
    elif use_quantiles:
        if not 0.0 <= high_threshold <= 1.0:
            raise ValueError(f"Quantile thresholds must be between 0 and 1: `high_threshold` is {high_threshold}")
    else:
        high_threshold /= dtype_max
    if high_threshold < low_threshold:
        raise ValueError(
            f"low_threshold should be lower then high_threshold: got {low_threshold} and {high_threshold}"
        )
    return low_threshold, high_threshold


def canny_stages(image, sigma=1.0, low_threshold=None, high_threshold=None, mask=None, use_quantiles=False, *,
                 mode="constant", cval=0.0):
    """Run :func:`canny` and return every intermediate stage (a :class:`CannyStages`).

    Same parameters as :func:`canny`; ``canny_stages(...).edges`` is ``canny(...)``.
    """
    image = native_byte_order(np.asarray(image))
    if image.dtype in (np.int64, np.uint64):
        raise ValueError(f"64-bit integer images are not supported: `image` has dtype {image.dtype}")
    check_nonempty(image, "image")  # (the reference: "The parameter `image` cannot be an empty array")
    check_ndim(image, "image", 2)
    low, high = _thresholds(image, low_threshold, high_threshold, use_quantiles)

    smoothed, eroded = _smooth(image, mask, sigma, mode, cval)
    jsobel = _sobel(smoothed, 1)
    isobel = _sobel(smoothed, 0)
    magnitude = isobel * isobel
    magnitude += jsobel * jsobel
    np.sqrt(magnitude, out=magnitude)
    if use_quantiles:
        low, high = np.percentile(magnitude, [100.0 * low, 100.0 * high])

    # the reference passes the low threshold as a C float; 0 means "strictly positive"
    low32 = np.float32(low)
    if low32 == 0:
        low32 = np.float32(1e-14)
    kernel_low = low32 if magnitude.dtype == np.float32 else float(low32)
    suppressed = np.empty_like(magnitude)
    isobel = np.ascontiguousarray(isobel)
    jsobel = np.ascontiguousarray(jsobel)
    _nonmaximum_suppression.sized(magnitude.size)(isobel, jsobel, np.ascontiguousarray(magnitude),
                                                  np.ascontiguousarray(eroded), kernel_low, suppressed)

    weak = suppressed > 0
    labels, count = _label(weak, np.ones((3, 3), bool))
    if count == 0:
        strong = weak.copy()
        edges = weak
    else:
        strong = weak & (suppressed >= high)
        good = np.zeros(count + 1, bool)
        good[labels[strong]] = True
        good[0] = False
        edges = good[labels]
    return CannyStages(smoothed, isobel, jsobel, magnitude, eroded, suppressed, weak, strong, edges, low, high)


def canny(image, sigma=1.0, low_threshold=None, high_threshold=None, mask=None, use_quantiles=False, *,
          mode="constant", cval=0.0):
    """Edge filter an image using the Canny algorithm.

    Gaussian smoothing, Sobel gradients, non-maximum suppression along the gradient with
    bilinear interpolation, and hysteresis thresholding (see the module docstring; the
    stages are returned by :func:`canny_stages`).

    Parameters
    ----------
    image : 2D array
        Grayscale input image to detect edges on; can be of any dtype except 64-bit integers.
    sigma : float, optional
        Standard deviation of the Gaussian filter.
    low_threshold : float, optional
        Lower bound for hysteresis thresholding (linking edges). If None, 10% of the dtype's max.
    high_threshold : float, optional
        Upper bound for hysteresis thresholding (linking edges). If None, 20% of the dtype's max.
    mask : array, dtype=bool, optional
        Mask to limit the application of Canny to a certain area.
    use_quantiles : bool, optional
        If True, treat the thresholds as quantiles of the gradient magnitude image (0 to 1).
    mode : str, {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}
        How the smoothing handles the image border.
    cval : float, optional
        Value to fill past edges of input if `mode` is 'constant'.

    Returns
    -------
    output : 2D array (image)
        The binary edge map.

    See Also
    --------
    skimage.feature.canny : the reference.
    canny_stages : the same, with the intermediate images.

    References
    ----------
    .. [1] Canny, J., A Computational Approach To Edge Detection, IEEE Trans. Pattern Analysis
           and Machine Intelligence, 8:679-714, 1986. :DOI:`10.1109/TPAMI.1986.4767851`
    .. [2] William Green's Canny tutorial
           https://en.wikipedia.org/wiki/Canny_edge_detector

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.feature import canny
    >>> image = np.zeros((8, 8))
    >>> image[2:6, 2:6] = 1
    >>> canny(image, sigma=1.0).astype(int)
    array([[0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 1, 1, 1, 1, 0, 0],
           [0, 0, 1, 0, 0, 1, 0, 0],
           [0, 0, 1, 0, 0, 1, 0, 0],
           [0, 0, 1, 1, 1, 1, 0, 0],
           [0, 0, 0, 0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0, 0, 0, 0]])
    """
    return canny_stages(image, sigma, low_threshold, high_threshold, mask, use_quantiles, mode=mode,
                        cval=cval).edges
