"""Edge filters: Sobel, Prewitt, Scharr, Farid, Roberts and the Laplace operator.

An edge is where the intensity changes fast, so edge filters estimate derivatives with small
convolution kernels.  Everything here is a convolution from :mod:`scratch.ndimage`; this
module only chooses the kernels, the dtype conversion and the masking, exactly as
scikit-image 0.26 does (``skimage/filters/edges.py``).

Smoothing x derivative: Sobel, Prewitt, Scharr and Farid
-------------------------------------------------------
A central difference ``[1, 0, -1]`` (``f(x+1) - f(x-1)`` once convolution flips it) estimates
the derivative along one axis, but it also amplifies noise.  These four operators therefore
*smooth across* the derivative direction: the kernel for the derivative along axis ``d`` is
the outer product of the derivative weights along ``d`` and a smoothing filter along every
other axis.  The smoothing weights are normalised to sum to 1 (scikit-image's convention,
so a unit step gives a response of 1 and magnitudes of different operators are comparable)::

    operator   derivative (axis d)          smoothing (every other axis)
    Sobel      [1, 0, -1]                   [1, 2, 1] / 4
    Prewitt    [1, 0, -1]                   [1, 1, 1] / 3
    Scharr     [1, 0, -1]                   [3, 10, 3] / 16
    Farid      5 taps (Farid & Simoncelli)  5 taps (Farid & Simoncelli)

so the 2-D Sobel kernel for axis 0 (``sobel_h``, horizontal edges) is::

    [ 1]                        [ 1/4  2/4  1/4]
    [ 0] x [1/4, 2/4, 1/4]  =   [  0    0    0 ]
    [-1]                        [-1/4 -2/4 -1/4]

Because the kernel is an outer product, convolving with it equals convolving with each 1-D
factor along its own axis in turn (``ndim`` passes of 3 taps instead of 3**ndim taps) -- in
exact arithmetic.  In floating point the two orders round differently in the last bit, and
downstream steps amplify that bit (a watershed on ``sobel(coins)`` floods 91 pixels
differently, ``edges > 0.1`` flips a pixel).  So this module computes what the reference
computes: the dense kernel (built with the reference's products), convolved by
:func:`scratch.ndimage.convolve`, which sums SciPy's way -- from 0.0, the non-zero taps in
raster order of the flipped kernel, in double.  The zero taps are skipped, so ``inf * 0``
never makes a NaN, and a constant image gives Farid's rounding residue (-3e-17 where a
separable pass gives 0.0).  (Sobel's ``[1, 0, -1] x [1, 2, 1] / 4`` has six non-zero taps, the
separable passes five multiplications: little is lost.)

The edge *magnitude* (no ``axis`` given, or several axes) is the root mean square of the
directional derivatives, ``sqrt(sum_d g_d**2) / sqrt(ndim)``, so it stays in [0, 1] for images
in [0, 1].  As in the reference, each ``g_d`` is stored in the image's float dtype before it is
squared, and the squares, their sum, the root and the division run in that dtype.  For a 2-D
image and a 3x3 operator the two derivatives, squares, sum and root run in one fused pass that
performs exactly these operations (:func:`_edge_magnitude_3x3`), so the bits are the same.

Roberts' cross and the Laplacian
--------------------------------
Roberts' cross uses two 2x2 diagonal differences, ``[[1, 0], [0, -1]]`` and
``[[0, 1], [-1, 0]]``, and magnitude ``sqrt(pos**2 + neg**2) / sqrt(2)``; the even kernels are
not separable, so they go through the dense :func:`scratch.ndimage.convolve`.  The Laplace
operator is the sum of the second differences ``[-1, 2, -1]`` along every axis: a 3**ndim
kernel with ``2 * ndim`` in the centre and -1 at the ``2 * ndim`` face neighbours (for 2-D,
``[[0, -1, 0], [-1, 4, -1], [0, -1, 0]]``), also applied densely.

Masks
-----
With ``mask``, the result is set to 0 outside the mask *eroded* by a full 3x3(x3...) block
(border pixels of the image count as outside), so that no kept pixel was computed from a
masked-out neighbour.  The erosion is a correlation too: count the mask pixels in each
3**ndim block with :func:`scratch.ndimage.correlate` (``mode='constant'``, 0 outside) and keep
the pixels whose count is 3**ndim.

Conversions: float16 becomes float32, float32 and float64 stay as they are, integer and bool
images are rescaled by :func:`scratch.util.img_as_float` (to [0, 1] or [-1, 1], float64).

Complexity: O(N * K) per directional derivative for N pixels and K non-zero kernel taps.

References
----------
.. [1] I. Sobel and G. Feldman, "A 3x3 isotropic gradient operator for image processing", 1968.
.. [2] D. Kroon, "Numerical Optimization of Kernel Based Image Derivatives", University of
       Twente, 2009 (Scharr weights).
.. [3] H. Farid and E. P. Simoncelli, "Differentiation of discrete multidimensional signals",
       IEEE Trans. Image Processing 13(4): 496-508, 2004.
.. [4] L. G. Roberts, "Machine perception of three-dimensional solids", 1963.
"""

import numpy as np

from .._checks import check_ndim, check_nonempty
from .._jit import parallel_jit, prange
from ..ndimage import convolve, correlate
from ..ndimage._boundary import canonical_mode, pad
from ..ndimage._correlate import DBL_EPSILON
from ..ndimage._support import as_cval
from ._gaussian import _as_float_image

__all__ = [
    "sobel",
    "sobel_h",
    "sobel_v",
    "prewitt",
    "prewitt_h",
    "prewitt_v",
    "scharr",
    "scharr_h",
    "scharr_v",
    "farid",
    "farid_h",
    "farid_v",
    "roberts",
    "roberts_pos_diag",
    "roberts_neg_diag",
    "laplace",
]

# --- the kernels ----------------------------------------------------------------------------

#: central difference, the derivative factor of Sobel, Prewitt and Scharr
CENTRAL_DIFFERENCE = np.array([1.0, 0.0, -1.0])
SOBEL_SMOOTH = np.array([1.0, 2.0, 1.0]) / 4
PREWITT_SMOOTH = np.full((3,), 1 / 3)
SCHARR_SMOOTH = np.array([3.0, 10.0, 3.0]) / 16
# Farid & Simoncelli (2004), table 1, 5-tap pair (more decimals from the authors' code)
FARID_SMOOTH = np.array(
    [0.0376593171958126, 0.249153396177344, 0.426374573253687, 0.249153396177344, 0.0376593171958126]
)
FARID_EDGE = np.array([0.109603762960254, 0.276690988455557, 0.0, -0.276690988455557, -0.109603762960254])

# Roberts' cross: 2x2, not separable
ROBERTS_PD_WEIGHTS = np.array([[1.0, 0.0], [0.0, -1.0]])
ROBERTS_ND_WEIGHTS = np.array([[0.0, 1.0], [-1.0, 0.0]])


def _laplace_kernel(ndim):
    """The discrete Laplacian, 3**ndim: ``2*ndim`` at the centre, -1 at the face neighbours."""
    kernel = np.zeros((3,) * ndim)
    centre = (1,) * ndim
    for dim in range(ndim):
        for side in (0, 2):
            index = list(centre)
            index[dim] = side
            kernel[tuple(index)] = -1.0
    kernel[centre] = 2.0 * ndim
    return kernel


# --- helpers --------------------------------------------------------------------------------


def _check_2d(image):
    """scikit-image's ``check_nD(image, 2)``: not empty (checked first), then 2-D."""
    image = np.asanyarray(image)
    check_nonempty(image, "image")
    check_ndim(image, "image", 2)
    return image


def _erode_full(mask):
    """Binary erosion of ``mask`` by a full 3**ndim block, pixels outside the array = False.

    A pixel survives when all 3**ndim pixels of its block are in the mask, i.e. when the
    block sum of the 0/1 mask (a correlation with a block of ones) is 3**ndim.
    """
    support = (mask != 0).astype(np.float64)
    counts = correlate(support, np.ones((3,) * mask.ndim), mode="constant", cval=0.0)
    return counts == 3**mask.ndim


def _mask_filter_result(result, mask):
    """Zero ``result`` (in place) outside the eroded mask; no-op when mask is None."""
    if mask is not None:
        if not hasattr(mask, "ndim"):  # (the reference: AttributeError on mask.ndim)
            raise TypeError(f"`mask` must be an array, got {type(mask).__name__} {mask!r:.40}")
        mask = np.asarray(mask)
        if mask.dtype.kind == "c":
            raise TypeError("Complex type not supported")
        result *= _erode_full(mask)
    return result


def _edge_kernel(ndim, edge_dim, edge_weights, smooth_weights):
    """The dense kernel for the derivative along ``edge_dim``, built as scikit-image builds it.

    The kernel has ``ndim`` axes of ``len(edge_weights)`` pixels: the outer product of the
    derivative weights along axis ``edge_dim`` with the smoothing weights along every other
    axis.  In 2-D, ``edge_dim=0``: ``kernel[i, j] = edge_weights[i] * smooth_weights[j]``
    (for Sobel ``[[1, 2, 1], [0, 0, 0], [-1, -2, -1]] / 4``).  Hint: reshape a 1-D array to
    ``shape = [1] * ndim`` with ``shape[dim] = -1`` and let broadcasting multiply them.

    The derivative weights lie along axis ``edge_dim``; the kernel is multiplied by the
    smoothing weights along every axis of ``set(range(ndim)) - {edge_dim}``, in that set's
    order (the products, hence the weights' last bits, are the reference's).  A negative
    ``edge_dim`` is not normalised by the reference, so it also smooths along the derivative
    axis; an out-of-range one raises its IndexError.
    """
    def along(weights, dim):
        shape = [1] * ndim
        shape[dim] = -1
        return np.reshape(weights, shape)

    kernel = along(edge_weights, edge_dim)
    for smooth_dim in list(set(range(ndim)) - {edge_dim}):
        kernel = kernel * along(smooth_weights, smooth_dim)
    return kernel


def _correlation_taps(kernel):
    """The non-zero taps of ``convolve(image, kernel)`` in SciPy's order (odd kernel sizes).

    A convolution is a correlation with the flipped kernel; SciPy sums the taps whose
    ``|w| > 2.2e-16`` in raster order of the flipped kernel, starting from 0.0.  Returns the
    tap positions (one int64 array per axis) and their weights.
    """
    flipped = kernel[(slice(None, None, -1),) * kernel.ndim]
    taps = np.argwhere(np.abs(flipped) > DBL_EPSILON)
    positions = [np.ascontiguousarray(taps[:, d], dtype=np.int64) for d in range(kernel.ndim)]
    return positions, np.ascontiguousarray(flipped[tuple(taps.T)], dtype=np.float64)


#: where the non-zero taps of a 3x3 derivative kernel sit (rows, columns of the flipped kernel):
#: axis 0 reads the rows above and below, axis 1 the columns left and right
_TAPS_3X3 = [
    [[0, 0, 0, 2, 2, 2], [0, 1, 2, 0, 1, 2]],
    [[0, 0, 1, 1, 2, 2], [0, 2, 0, 2, 0, 2]],
]


def _generic_edge_filter(image, *, smooth_weights, edge_weights=CENTRAL_DIFFERENCE, axis=None,
                         mode="reflect", cval=0.0):
    """Directional derivative along ``axis``, or the RMS magnitude over several axes.

    The reference's operations in the reference's order, so the result has its bits::

        output = 0
        for each axis d:   g_d = convolve(image, dense kernel of d)       (sum in double)
                           output += g_d            (one axis)
                           output += g_d * g_d      (magnitude, in the image's float dtype)
        magnitude:         output = sqrt(output) / sqrt(ndim)

    For the 2-D magnitude of a 3x3 operator all of this runs as one pass (:func:`_edge_magnitude_3x3`).
    """
    image = np.asarray(image)
    ndim = image.ndim
    if axis is None:
        axes = list(range(ndim))
    elif np.isscalar(axis):
        axes = [axis]
    else:
        axes = axis
    return_magnitude = len(axes) > 1

    image = _as_float_image(image)
    if len(axes) and not isinstance(mode, str):  # scipy's convolve takes one mode for all axes
        # (with axis=[] the reference never convolves: its zeros whatever the mode); the
        # reference builds the first axis's kernel before it convolves: a bad axis is its
        # IndexError/TypeError first
        _edge_kernel(ndim, axes[0], edge_weights, smooth_weights)
        raise RuntimeError(f"A sequence of modes is not supported, got mode={mode!r}")

    taps = [_correlation_taps(_edge_kernel(2, d, edge_weights, smooth_weights)) for d in (0, 1)] if ndim == 2 else []
    if (ndim == 2 and image.size and list(axes) in ([0, 1], [1, 0])
            and [[p.tolist() for p in positions] for positions, _ in taps] == _TAPS_3X3):
        # the 2-D magnitude of a 3x3 operator: both derivatives, the squares, the sum and the root in one pass
        padded = pad(np.asarray(image, dtype=np.float64), (1, 1), (1, 1), canonical_mode(mode), as_cval(cval))
        output = np.empty(image.shape, dtype=image.dtype)
        _edge_magnitude_3x3.sized(image.size)(padded, taps[0][1], taps[1][1], np.sqrt(ndim, dtype=output.dtype),
                                              output)
        return output

    output = np.zeros(image.shape, dtype=image.dtype)
    flat = output.reshape(-1)
    for edge_dim in axes:
        kernel = _edge_kernel(ndim, edge_dim, edge_weights, smooth_weights)
        ax_output = convolve(image, kernel, mode=mode, cval=cval)
        if return_magnitude:
            _add_squares.sized(flat.size)(flat, ax_output.reshape(-1))
        else:
            output += ax_output

    if return_magnitude:
        _root_scaled.sized(flat.size)(flat, np.sqrt(ndim, dtype=output.dtype))
    return output


# --- Sobel ----------------------------------------------------------------------------------

_COMMON_PARAMETERS = """
    Parameters
    ----------
    image : array
        The input image (any number of dimensions).
    mask : array of bool, optional
        Clip the output image to this mask (eroded by one pixel, see the module docstring).
        Values where mask=0 are set to 0.
    axis : int or sequence of int, optional
        Compute the edge filter along this axis.  If not provided, or a sequence, the edge
        magnitude ``sqrt(sum_d g_d**2 / image.ndim)`` over those axes is computed.
    mode : str, optional
        The boundary mode of the convolution ('reflect', 'constant', 'nearest', 'mirror',
        'wrap'); see :func:`scratch.ndimage.convolve`.
    cval : float, optional
        Value outside the image when ``mode`` is 'constant'.
"""


def sobel(image, mask=None, *, axis=None, mode="reflect", cval=0.0):
    """Find edges in an image using the Sobel filter.

    Derivative ``[1, 0, -1]`` along the axis, smoothing ``[1, 2, 1] / 4`` along every
    other axis, as one dense kernel (the reference's); the magnitude is the RMS over the axes.

    The method, for an image of ``ndim`` axes: convert it to float (integers as
    ``skimage.img_as_float``: ``x * (1 / max of the dtype)`` in float64, so uint8 / 255,
    int8 / 127, bool 0 or 1; float16 becomes float32; float32 and float64 are kept); for every
    axis ``d`` convolve it (``scipy.ndimage.convolve``, with ``mode`` and ``cval``) with the
    kernel of ``edge_kernel(ndim, d, [1, 0, -1], [1, 2, 1] / 4)``, giving the derivative
    ``g_d``; then::

        magnitude = sqrt(g_0**2 + g_1**2 + ...) / sqrt(ndim)

    in the float dtype of the converted image.
    {params}
    Returns
    -------
    output : array of float
        The Sobel edge map (float32 for float16/float32 input, else float64).

    See Also
    --------
    skimage.filters.sobel : the reference implementation.
    sobel_h, sobel_v, scharr, prewitt, farid

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Sobel_operator

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import sobel
    >>> step = np.array([[0, 0, 1, 1]] * 3, dtype=float)
    >>> sobel(step, axis=1)  # f(x+1) - f(x-1): a unit step gives 1 on both sides of it
    array([[0., 1., 1., 0.],
           [0., 1., 1., 0.],
           [0., 1., 1., 0.]])
    """
    output = _generic_edge_filter(image, smooth_weights=SOBEL_SMOOTH, axis=axis, mode=mode, cval=cval)
    return _mask_filter_result(output, mask)


def sobel_h(image, mask=None):
    """Find the horizontal edges of a 2-D image using the Sobel transform (axis 0).

    Kernel (convolution)::

      1   2   1
      0   0   0     / 4
     -1  -2  -1

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Sobel edge map.

    See Also
    --------
    skimage.filters.sobel_h : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import sobel_h
    >>> sobel_h(np.array([[0.0], [1.0], [1.0]]) * np.ones(3))[1]
    array([1., 1., 1.])
    """
    _check_2d(image)
    return sobel(image, mask=mask, axis=0)


def sobel_v(image, mask=None):
    """Find the vertical edges of a 2-D image using the Sobel transform (axis 1).

    Kernel (convolution)::

      1   0  -1
      2   0  -2     / 4
      1   0  -1

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Sobel edge map.

    See Also
    --------
    skimage.filters.sobel_v : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import sobel_v
    >>> sobel_v(np.array([[0.0, 1.0, 1.0]] * 3))[:, 1]
    array([1., 1., 1.])
    """
    _check_2d(image)
    return sobel(image, mask=mask, axis=1)


# --- Scharr ---------------------------------------------------------------------------------


def scharr(image, mask=None, *, axis=None, mode="reflect", cval=0.0):
    """Find the edge magnitude using the Scharr transform.

    Derivative ``[1, 0, -1]`` along the axis, smoothing ``[3, 10, 3] / 16`` along every
    other axis; better rotation invariance than Sobel or Prewitt.
    {params}
    Returns
    -------
    output : array of float
        The Scharr edge map.

    See Also
    --------
    skimage.filters.scharr : the reference implementation.
    scharr_h, scharr_v, sobel, prewitt, farid

    References
    ----------
    .. [1] D. Kroon, 2009, Numerical Optimization of Kernel Based Image Derivatives.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import scharr
    >>> float(scharr(np.array([[0, 0, 1, 1]] * 3, dtype=float))[1, 1])  # 1 / sqrt(2)
    0.7071067811865475
    """
    output = _generic_edge_filter(image, smooth_weights=SCHARR_SMOOTH, axis=axis, mode=mode, cval=cval)
    return _mask_filter_result(output, mask)


def scharr_h(image, mask=None):
    """Find the horizontal edges of a 2-D image using the Scharr transform (axis 0).

    Kernel (convolution)::

      3   10   3
      0    0   0     / 16
     -3  -10  -3

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Scharr edge map.

    See Also
    --------
    skimage.filters.scharr_h : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import scharr_h
    >>> scharr_h(np.array([[0.0], [1.0], [1.0]]) * np.ones(3))[1]
    array([1., 1., 1.])
    """
    _check_2d(image)
    return scharr(image, mask=mask, axis=0)


def scharr_v(image, mask=None):
    """Find the vertical edges of a 2-D image using the Scharr transform (axis 1).

    Kernel (convolution)::

       3   0   -3
      10   0  -10     / 16
       3   0   -3

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Scharr edge map.

    See Also
    --------
    skimage.filters.scharr_v : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import scharr_v
    >>> scharr_v(np.array([[0.0, 1.0, 1.0]] * 3))[:, 1]
    array([1., 1., 1.])
    """
    _check_2d(image)
    return scharr(image, mask=mask, axis=1)


# --- Prewitt --------------------------------------------------------------------------------


def prewitt(image, mask=None, *, axis=None, mode="reflect", cval=0.0):
    """Find the edge magnitude using the Prewitt transform.

    Derivative ``[1, 0, -1]`` along the axis, box smoothing ``[1, 1, 1] / 3`` along every
    other axis.
    {params}
    Returns
    -------
    output : array of float
        The Prewitt edge map.

    See Also
    --------
    skimage.filters.prewitt : the reference implementation.
    prewitt_h, prewitt_v, sobel, scharr, farid

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import prewitt
    >>> float(prewitt(np.array([[0, 0, 1, 1]] * 3, dtype=float))[1, 1])  # 1 / sqrt(2)
    0.7071067811865475
    """
    output = _generic_edge_filter(image, smooth_weights=PREWITT_SMOOTH, axis=axis, mode=mode, cval=cval)
    return _mask_filter_result(output, mask)


def prewitt_h(image, mask=None):
    """Find the horizontal edges of a 2-D image using the Prewitt transform (axis 0).

    Kernel (convolution)::

      1/3   1/3   1/3
       0     0     0
     -1/3  -1/3  -1/3

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Prewitt edge map.

    See Also
    --------
    skimage.filters.prewitt_h : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import prewitt_h
    >>> prewitt_h(np.array([[0.0], [1.0], [1.0]]) * np.ones(3))[1].round(6)
    array([1., 1., 1.])
    """
    _check_2d(image)
    return prewitt(image, mask=mask, axis=0)


def prewitt_v(image, mask=None):
    """Find the vertical edges of a 2-D image using the Prewitt transform (axis 1).

    Kernel (convolution)::

      1/3   0  -1/3
      1/3   0  -1/3
      1/3   0  -1/3

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Prewitt edge map.

    See Also
    --------
    skimage.filters.prewitt_v : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import prewitt_v
    >>> prewitt_v(np.array([[0.0, 1.0, 1.0]] * 3))[:, 1].round(6)
    array([1., 1., 1.])
    """
    _check_2d(image)
    return prewitt(image, mask=mask, axis=1)


# --- Farid ----------------------------------------------------------------------------------


def farid(image, mask=None, *, axis=None, mode="reflect", cval=0.0):
    """Find the edge magnitude using the Farid transform.

    Farid & Simoncelli's 5-tap derivative along the axis and their 5-tap smoothing along
    every other axis, designed together for rotation invariance.
    {params}
    Returns
    -------
    output : array of float
        The Farid edge map.

    See Also
    --------
    skimage.filters.farid : the reference implementation.
    farid_h, farid_v, sobel, scharr, prewitt

    References
    ----------
    .. [1] Farid, H. and Simoncelli, E. P., "Differentiation of discrete multidimensional
           signals", IEEE Transactions on Image Processing 13(4): 496-508, 2004.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import farid
    >>> round(float(farid(np.array([[0, 0, 1, 1, 1]] * 5, dtype=float))[2, 2]), 6)
    0.273152
    """
    output = _generic_edge_filter(
        image, smooth_weights=FARID_SMOOTH, edge_weights=FARID_EDGE, axis=axis, mode=mode, cval=cval
    )
    return _mask_filter_result(output, mask)


def farid_h(image, *, mask=None):
    """Find the horizontal edges of a 2-D image using the Farid transform (axis 0).

    The 5x5 kernel is ``outer(FARID_EDGE, FARID_SMOOTH)``, applied densely as the reference
    does (its 20 non-zero taps summed in raster order: a flat area gives -3e-17, not 0.0).

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Farid edge map.

    See Also
    --------
    skimage.filters.farid_h : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import farid_h
    >>> farid_h(np.zeros((3, 3))).shape
    (3, 3)
    """
    image = _check_2d(image)
    return farid(image, mask=mask, axis=0)


def farid_v(image, *, mask=None):
    """Find the vertical edges of a 2-D image using the Farid transform (axis 1).

    The 5x5 kernel is ``outer(FARID_SMOOTH, FARID_EDGE)``, applied densely as the reference does.

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Farid edge map.

    See Also
    --------
    skimage.filters.farid_v : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import farid_v
    >>> farid_v(np.zeros((3, 3))).shape
    (3, 3)
    """
    image = _check_2d(image)
    return farid(image, mask=mask, axis=1)


# --- Roberts --------------------------------------------------------------------------------


def roberts(image, mask=None):
    """Find the edge magnitude using Roberts' cross operator.

    ``sqrt(roberts_pos_diag**2 + roberts_neg_diag**2) / sqrt(2)`` (each masked first).

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Roberts' Cross edge map.

    See Also
    --------
    skimage.filters.roberts : the reference implementation.
    roberts_pos_diag, roberts_neg_diag, sobel

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import roberts
    >>> roberts(np.array([[0, 0, 1, 1]] * 3, dtype=float))
    array([[0., 1., 0., 0.],
           [0., 1., 0., 0.],
           [0., 1., 0., 0.]])
    """
    _check_2d(image)
    if mask is None:
        work = _as_float_image(image)
        if work.dtype == np.float64 and work.size:  # both diagonals and the root in one pass
            out = np.empty(work.shape)
            _roberts_magnitude(np.ascontiguousarray(work), out)
            return out
    out = np.sqrt(roberts_pos_diag(image, mask) ** 2 + roberts_neg_diag(image, mask) ** 2)
    out /= np.sqrt(2)
    return out


def _roberts(image, weights, mask, negative):
    """One diagonal: ``weights`` is its kernel, ``negative`` says which one it is."""
    image = _as_float_image(_check_2d(image))
    if mask is None and image.dtype == np.float64 and image.size:
        result = np.empty(image.shape)
        _roberts_diagonal(np.ascontiguousarray(image), negative, result)
        return result
    result = convolve(image, weights)  # 2x2: dense; default mode 'reflect'
    return _mask_filter_result(result, mask)


def roberts_pos_diag(image, mask=None):
    """Find the cross edges of an image using Roberts' cross operator (one diagonal).

    Kernel (convolution)::

      1   0
      0  -1

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Robert's edge map.

    See Also
    --------
    skimage.filters.roberts_pos_diag : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import roberts_pos_diag
    >>> roberts_pos_diag(np.eye(3))  # 0 along the diagonal; the reflected border responds
    array([[0., 0., 0.],
           [0., 0., 1.],
           [0., 1., 0.]])
    """
    return _roberts(image, ROBERTS_PD_WEIGHTS, mask, negative=False)


def roberts_neg_diag(image, mask=None):
    """Find the cross edges of an image using Roberts' cross operator (other diagonal).

    Kernel (convolution)::

      0   1
     -1   0

    Parameters
    ----------
    image : 2-D array
        Image to process.
    mask : 2-D array, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : 2-D array
        The Robert's edge map.

    See Also
    --------
    skimage.filters.roberts_neg_diag : the reference implementation.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import roberts_neg_diag
    >>> roberts_neg_diag(np.eye(3))
    array([[ 0.,  1.,  0.],
           [-1.,  0.,  1.],
           [ 0., -1.,  0.]])
    """
    return _roberts(image, ROBERTS_ND_WEIGHTS, mask, negative=True)


# --- Laplace --------------------------------------------------------------------------------


def laplace(image, ksize=3, mask=None):
    """Find the edges of an image using the Laplace operator.

    Convolution (mode 'reflect') with the 3**ndim discrete Laplacian: ``2*ndim`` at the
    centre, -1 at each face neighbour; in 2-D ``[[0, -1, 0], [-1, 4, -1], [0, -1, 0]]``.

    Parameters
    ----------
    image : ndarray
        Image to process.
    ksize : int, optional
        Size of the support on which scikit-image computes the Laplacian's transfer
        function; must be an integer >= 3.  As in the reference, the operator applied is
        always the 3**ndim Laplacian (the transfer function is discarded).
    mask : ndarray, optional
        Limit the result to this area (eroded by one pixel).

    Returns
    -------
    output : ndarray
        The Laplace edge map.

    Raises
    ------
    TypeError
        If ``ksize`` is not an integer.
    ValueError
        If ``ksize`` is smaller than 3, or ``image`` is 0-d.

    See Also
    --------
    skimage.filters.laplace : the reference implementation.
    scratch.ndimage.gaussian_laplace

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.filters import laplace
    >>> laplace(np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=float))
    array([[ 0., -1.,  0.],
           [-1.,  4., -1.],
           [ 0., -1.,  0.]])
    """
    image = _as_float_image(np.asarray(image))
    if image.ndim == 0:  # the reference's transfer function needs an axis
        raise ValueError("`image` must have at least 1 axis to transform, got a 0-d array")
    if isinstance(ksize, (bool, np.bool_)) or not isinstance(ksize, (int, np.integer)):
        raise TypeError(f"`ksize` must be an integer, got {ksize!r}")
    if ksize < 3:
        raise ValueError(f"`ksize` must be >= 3 (the Laplacian is 3 wide), got {ksize}")
    result = convolve(image, _laplace_kernel(image.ndim))
    return _mask_filter_result(result, mask)


# --- kernels --------------------------------------------------------------------------------


@parallel_jit
def _add_squares(acc, values):
    """``acc += values * values``, element by element (flat arrays of one dtype).

    Every iteration writes its own element, so the loop runs on all threads.  In float32 the
    square is rounded before the sum, as numpy's ``acc += g * g`` does.
    """
    for i in prange(acc.shape[0]):
        acc[i] += values[i] * values[i]


@parallel_jit
def _edge_magnitude_3x3(padded, w0, w1, scale, out):
    """The 2-D edge magnitude of a 3x3 operator (Sobel, Prewitt, Scharr) in one pass.

    The reference's operations in its order.  Each derivative is SciPy's dense correlation
    with the flipped kernel: from 0.0, its six non-zero taps in raster order (the zero middle
    row, or column, skipped), summed in float64.  For the pixel ``(i, j)`` and the window rows
    ``above``, ``middle``, ``below`` of ``padded`` (columns ``j, j+1, j+2``)::

        g0 = 0 + w0[0] above[j] + w0[1] above[j+1] + w0[2] above[j+2]
               + w0[3] below[j] + w0[4] below[j+1] + w0[5] below[j+2]     (axis 0, rows)
        g1 = 0 + w1[0] above[j] + w1[1] above[j+2] + w1[2] middle[j]
               + w1[3] middle[j+2] + w1[4] below[j] + w1[5] below[j+2]   (axis 1, columns)

    then, as the reference's NumPy steps, in the output dtype (float32 rounds ``g`` first,
    as SciPy's float32 output array does): ``out = sqrt(g0 * g0 + g1 * g1) / scale``.
    """
    rows, cols = out.shape
    for i in prange(rows):
        above = padded[i]
        middle = padded[i + 1]
        below = padded[i + 2]
        g0 = np.empty(cols, dtype=out.dtype)
        g1 = np.empty(cols, dtype=out.dtype)
        for j in range(cols):
            g0[j] = (0.0 + w0[0] * above[j] + w0[1] * above[j + 1] + w0[2] * above[j + 2]
                     + w0[3] * below[j] + w0[4] * below[j + 1] + w0[5] * below[j + 2])
            g1[j] = (0.0 + w1[0] * above[j] + w1[1] * above[j + 2] + w1[2] * middle[j]
                     + w1[3] * middle[j + 2] + w1[4] * below[j] + w1[5] * below[j + 2])
        for j in range(cols):
            out[i, j] = np.sqrt(g0[j] * g0[j] + g1[j] * g1[j]) / scale


@parallel_jit
def _roberts_diagonal(image, negative, out):
    """One Roberts diagonal, the 2x2 convolution written out (``'reflect'`` past the last row
    or column repeats it).  As the reference's correlation sums, from 0.0 and over the non-zero
    taps of the flipped kernel in raster order (so even the sign of a zero is the same)::

        pos_diag = 0.0 + image[i, j]   * -1 + image[i+1, j+1] * 1
        neg_diag = 0.0 + image[i, j+1] * -1 + image[i+1, j]   * 1
    """
    rows, cols = image.shape
    for i in prange(rows):
        below = min(i + 1, rows - 1)
        for j in range(cols):
            right = min(j + 1, cols - 1)
            if negative:
                out[i, j] = (0.0 + image[i, right] * -1.0) + image[below, j] * 1.0
            else:
                out[i, j] = (0.0 + image[i, j] * -1.0) + image[below, right] * 1.0


@parallel_jit
def _roberts_magnitude(image, out):
    """Roberts' edge magnitude in one pass: for the pixel ``(i, j)`` and its 2x2 window
    (``'reflect'`` past the last row or column repeats it)::

        d+ = image[i+1, j+1] - image[i, j]          the 'pos_diag' convolution
        d- = image[i+1, j]   - image[i, j+1]        the 'neg_diag' convolution
        out = sqrt(d+**2 + d-**2) / sqrt(2)

    The same operations as the two convolutions, the squares, the sum, the root and the
    division of the reference (so the same bits), without its five temporary images.
    """
    rows, cols = image.shape
    scale = np.sqrt(2.0)
    for i in prange(rows):
        below = min(i + 1, rows - 1)
        for j in range(cols):
            right = min(j + 1, cols - 1)
            pos = image[below, right] - image[i, j]
            neg = image[below, j] - image[i, right]
            out[i, j] = np.sqrt(pos * pos + neg * neg) / scale


@parallel_jit
def _root_scaled(acc, scale):
    """``acc = sqrt(acc) / scale`` in place: the root mean square once ``acc`` holds the sum."""
    for i in prange(acc.shape[0]):
        acc[i] = np.sqrt(acc[i]) / scale


# the shared parameter block of the n-D edge filters
for _func in (sobel, scharr, prewitt, farid):
    if _func.__doc__:  # None under python -OO
        _func.__doc__ = _func.__doc__.replace("{params}", _COMMON_PARAMETERS.rstrip() + "\n")
del _func
