"""CLAHE — Contrast Limited Adaptive Histogram Equalization.

Global equalisation (:func:`~scratch.exposure.equalize_hist`) uses one histogram for the
whole image, so a dark corner stays dark if most of the image is bright.  *Adaptive*
equalisation gives every region its own map; *contrast limiting* caps each regional
histogram so that flat regions (noise) are not blown up.  Zuiderveld's algorithm [1]_, in
the form scikit-image implements it (every step below is the reference's, so the result is
identical, bit for bit):

1. **Levels.**  The image is converted to uint16 (``img_as_uint``), stretched onto
   ``0 .. 16383`` (``rescale_intensity`` + rounding: 2**14 grey levels) and divided into
   ``nbins`` bins: ``bin = level // (1 + 16384 // nbins)``.
2. **Padding.**  Each axis of length ``s`` with tile size ``k`` is padded by mirror
   reflection (NumPy's 'reflect' = SciPy's 'mirror') with ``k // 2`` pixels before and
   ``(k - s % k) % k + ceil(k / 2)`` after, so that the padded length is a multiple of ``k``
   and the image starts half a tile in.
3. **Tile histograms.**  The padded image minus half a tile on each side is cut into
   ``ns = padded / k - 1`` tiles per axis (the *contextual regions*); each gets a histogram
   of its ``K = prod(k)`` pixels.
4. **Clipping.**  With ``clim = max(1, int(clip_limit * K))`` (no clipping for
   ``clip_limit == 0``), every bin above ``clim`` is cut to ``clim``; the ``excess`` is
   redistributed: first ``excess // nbins`` to every bin (bins that would exceed the limit
   are filled up to it), then the remainder one by one in strides over the bins still below
   the limit, until it is used up or nothing changes.
5. **Mapping.**  The clipped histogram's running sum, scaled by ``16383 / K`` and truncated
   to an integer, is the tile's grey-level map (its own equalisation).
6. **Interpolation.**  A pixel at offset ``o`` inside block ``b`` (blocks of size ``k`` over
   the padded image) lies between the centres of tiles ``b - 1`` and ``b``; its value is the
   (bi/tri)linear blend ``sum_e w_e * map_{b - 1 + e}(bin)`` over the ``2**ndim`` corners
   ``e``, with weights ``o / k`` and ``1 - o / k`` per axis (tiles beyond the border repeat
   the edge tile).  Each term ``map * weight`` is rounded to float32 and the terms are summed
   in float32 in the corner order ``(0, 0), (0, 1), (1, 0), (1, 1)``, then truncated to uint16
   — the precision the reference uses, reproduced here.
7. **Output.**  Cropped back to the image, converted to float (float32 for float32 input)
   and stretched to ``[0, 1]`` by ``rescale_intensity``.

Colour images (a last axis of 3 or 4 on a 3-D array) are converted to HSV; only the value
channel is equalised, and the result converted back to RGB (alpha dropped).  Each conversion
is one loop over the pixels doing scikit-image's ``rgb2hsv`` / ``hsv2rgb`` float operations
in its order and precision (NumPy's version evaluates every formula over the whole image and
then selects: six times the work, and most of the time of colour CLAHE).

Complexity ``O(N * 2**ndim + tiles * nbins)``: one pass for the histograms, one for the
interpolation; both parallel over tiles / planes.  scratch runs 1-D and 2-D images through the
3-D kernels with unit axes in front (a unit axis has weight exactly 1 or 0, so the sums are
unchanged, bit for bit).

References
----------
.. [1] K. Zuiderveld, "Contrast Limited Adaptive Histogram Equalization", Graphics Gems IV,
       Academic Press, 1994, pp. 474-485.
.. [2] S. M. Pizer et al., "Adaptive histogram equalization and its variations", Computer
       Vision, Graphics, and Image Processing 39(3), 1987.
.. [3] scikit-image, ``skimage/exposure/_adapthist.py`` (0.26).
"""

import math
import numbers

import numpy as np

from .._checks import as_array, check_int
from .._jit import jit, parallel_jit, prange
from ..ndimage._boundary import pad
from ..util import img_as_float32, img_as_float64, img_as_uint
from ._histogram import supported_float_dtype
from ._intensity import rescale_intensity

__all__ = ["equalize_adapthist"]

NR_OF_GRAY = 2**14  # number of grey levels the algorithm works with


# --- kernels ---------------------------------------------------------------------------------


@jit
def _clip_histogram(hist, clip_limit):
    """Clip ``hist`` at ``clip_limit`` and redistribute the excess (in place, step 4)."""
    nbins = hist.shape[0]
    n_excess = 0
    for b in range(nbins):
        if hist[b] > clip_limit:
            n_excess += hist[b] - clip_limit
            hist[b] = clip_limit
    # every bin gets the average increment; bins that would pass the limit are filled to it
    bin_incr = n_excess // nbins
    upper = clip_limit - bin_incr
    for b in range(nbins):
        if hist[b] < upper:
            n_excess -= bin_incr
            hist[b] += bin_incr
    for b in range(nbins):
        if hist[b] >= upper and hist[b] < clip_limit:
            n_excess += hist[b] - clip_limit
            hist[b] = clip_limit
    # the remainder: one pixel at a time, in strides over the bins still under the limit
    n_under = 0  # bins still below the limit, kept up to date as bins fill up
    for b in range(nbins):
        if hist[b] < clip_limit:
            n_under += 1
    while n_excess > 0:
        prev_n_excess = n_excess
        for index in range(nbins):
            step_size = max(1, n_under // n_excess)
            added = 0
            for b in range(index, nbins, step_size):
                if hist[b] < clip_limit:
                    hist[b] += 1
                    added += 1
                    if hist[b] == clip_limit:
                        n_under -= 1
            n_excess -= added
            if n_excess <= 0:
                break
        if prev_n_excess == n_excess:
            break


@parallel_jit
def _tile_maps(padded, k0, k1, k2, n0, n1, n2, nbins, clim, n_pixels):
    """Grey-level map of every tile (steps 3-5): ``maps[t0, t1, t2, bin]`` (int64)."""
    maps = np.empty((n0, n1, n2, nbins), np.int64)
    scale = (NR_OF_GRAY - 1 - 0) / n_pixels
    for t in prange(n0 * n1 * n2):
        t0 = t // (n1 * n2)
        t1 = (t // n2) % n1
        t2 = t % n2
        hist = np.zeros(nbins, np.int64)
        s0 = k0 // 2 + t0 * k0
        s1 = k1 // 2 + t1 * k1
        s2 = k2 // 2 + t2 * k2
        for z in range(s0, s0 + k0):
            for y in range(s1, s1 + k1):
                for x in range(s2, s2 + k2):
                    hist[padded[z, y, x]] += 1
        _clip_histogram(hist, clim)
        running = 0
        for b in range(nbins):
            running += hist[b]
            value = np.float64(running) * scale + 0.0
            if value > NR_OF_GRAY - 1:
                value = NR_OF_GRAY - 1
            maps[t0, t1, t2, b] = np.int64(value)
    return maps


@jit
def _weight(offset, k, upper):
    """Interpolation weight along one axis: ``offset / k`` for the upper tile, else its
    complement (``np.arange(k) / k`` and ``1 - that`` in the reference)."""
    c = offset / k
    return c if upper else 1.0 - c


@jit
def _axis_table(n, start, k, n_maps):
    """For positions ``start .. start + n - 1`` of one axis (padded coordinates): the weights
    and the (clamped) map indices of the lower and upper neighbouring tiles, ``(n, 2)`` each."""
    weights = np.empty((n, 2))
    index = np.empty((n, 2), np.intp)
    for i in range(n):
        pos = i + start
        block = pos // k
        for e in range(2):
            weights[i, e] = _weight(pos % k, k, e)
            index[i, e] = min(max(block + e - 1, 0), n_maps - 1)
    return weights, index


@parallel_jit
def _interpolate(padded, maps, p0, p1, p2, k0, k1, k2, out):
    """Blend the maps of the 2**3 surrounding tiles for every output pixel (step 6).

    The weights and tile indices depend on one coordinate each, so they are tabulated per
    axis first; the sum runs in the reference's order (e0, e1, e2), in float32.
    """
    d0, d1, d2 = out.shape
    w0s, i0s = _axis_table(d0, p0, k0, maps.shape[0])
    w1s, i1s = _axis_table(d1, p1, k1, maps.shape[1])
    w2s, i2s = _axis_table(d2, p2, k2, maps.shape[2])
    for z in prange(d0):
        for y in range(d1):
            for x in range(d2):
                v = padded[z + p0, y + p1, x + p2]
                acc = np.float32(0.0)
                for e0 in range(2):
                    for e1 in range(2):
                        for e2 in range(2):
                            w = (w2s[x, e2] * w1s[y, e1]) * w0s[z, e0]
                            if w == 0.0:  # the term would add exactly +0.0
                                continue
                            acc += np.float32(np.float64(maps[i0s[z, e0], i1s[y, e1], i2s[x, e2], v]) * w)
                out[z, y, x] = np.uint16(acc)


# --- the algorithm ---------------------------------------------------------------------------


def _clahe(levels, kernel_size, clip_limit, nbins):
    """CLAHE of a uint16 image of levels ``0 .. 16383`` (steps 1-6); returns uint16."""
    ndim = levels.ndim
    bin_size = 1 + NR_OF_GRAY // nbins
    binned = (levels // bin_size).astype(np.uint16)

    # 1-D and 2-D images run as 3-D ones with unit axes in front
    shape3 = (1,) * (3 - ndim) + levels.shape
    ks = (1,) * (3 - ndim) + tuple(kernel_size)
    binned = binned.reshape(shape3)

    before = [k // 2 for k in ks]
    after = [(k - s % k) % k + int(math.ceil(k / 2.0)) for k, s in zip(ks, shape3)]
    padded = pad(binned, before, after, "mirror")  # SciPy 'mirror' = NumPy 'reflect'

    n_hist = [int(s / k) - 1 for s, k in zip(padded.shape, ks)]
    kernel_elements = math.prod(kernel_size)
    if clip_limit > 0.0:
        clim = int(np.clip(clip_limit * kernel_elements, 1, None))
    else:
        clim = kernel_elements  # no clipping: plain adaptive equalisation

    maps = _tile_maps.sized(padded.size)(padded, *ks, *n_hist, int(nbins), clim, kernel_elements)
    out = np.empty(shape3, np.uint16)
    _interpolate.sized(out.size)(padded, maps, *before, *ks, out)
    return out.reshape(levels.shape)


def _equalize_gray(image, kernel_size, clip_limit, nbins):
    float_dtype = supported_float_dtype(image.dtype)
    image = img_as_uint(image)
    levels = np.round(rescale_intensity(image, out_range=(0, NR_OF_GRAY - 1)))
    levels = levels.astype(np.min_scalar_type(NR_OF_GRAY))

    if kernel_size is None:
        kernel_size = tuple(max(s // 8, 1) for s in levels.shape)
    elif isinstance(kernel_size, numbers.Number):
        kernel_size = (kernel_size,) * levels.ndim
    elif len(kernel_size) != levels.ndim:
        raise ValueError(f"Incorrect value of `kernel_size`: {kernel_size}")
    kernel_size = [int(k) for k in kernel_size]
    if levels.ndim > 3:
        raise NotImplementedError(
            f"scratch's equalize_adapthist takes 1-D, 2-D and 3-D images, got `image` of "
            f"shape {levels.shape}"
        )
    if any(k < 1 for k in kernel_size):
        raise ValueError(f"Incorrect value of `kernel_size`: {kernel_size}")

    nbins = check_int(nbins, "nbins")  # (2.5 bins: the reference's UFuncTypeError, a TypeError)
    result = _clahe(levels, kernel_size, clip_limit, nbins)
    result = result.astype(float_dtype, copy=False)
    return rescale_intensity(result)


# --- colour: equalise the HSV value ------------------------------------------------------------


def _as_color_float(rgb):
    rgb = np.asanyarray(rgb)
    if rgb.shape[-1] != 3:
        raise ValueError(f"the input array must have size 3 along `channel_axis`, got {rgb.shape}")
    if supported_float_dtype(rgb.dtype) == np.float32:
        return img_as_float32(rgb)
    return img_as_float64(rgb)


@parallel_jit
def _rgb2hsv_kernel(rgb, hsv):
    """scikit-image's ``rgb2hsv``, one pixel at a time, in the image's float type.

    ``value = max(r, g, b)``, ``delta = max - min``, ``saturation = delta / value`` and the
    hue from the channel holding the maximum, ``((channel offset) + difference / delta) / 6``
    taken modulo 1.  The reference assigns the hue for red, then green, then blue, each
    overwriting the last, so on ties blue wins over green and green over red; it sets hue
    and saturation to 0 where ``delta == 0`` and every NaN to 0.  The constants have the
    image's type so that float32 images are computed in float32, as NumPy does.
    """
    zero = hsv.dtype.type(0.0)
    one = hsv.dtype.type(1.0)
    two = hsv.dtype.type(2.0)
    four = hsv.dtype.type(4.0)
    six = hsv.dtype.type(6.0)
    n_rows, n_cols = rgb.shape[0], rgb.shape[1]
    for i in prange(n_rows):
        for j in range(n_cols):
            r, g, b = rgb[i, j, 0], rgb[i, j, 1], rgb[i, j, 2]
            if np.isnan(r) or np.isnan(g) or np.isnan(b):
                # max and ptp are NaN, set to 0 at the end; the reference leaves the hue
                # unassigned (no channel equals NaN): 0 here
                hsv[i, j, 0] = zero
                hsv[i, j, 1] = zero
                hsv[i, j, 2] = zero
                continue
            # np.max and np.min over the channels: on ties (0.0 and -0.0) the later one is kept
            v = r
            if g >= v:
                v = g
            if b >= v:
                v = b
            lo = r
            if g <= lo:
                lo = g
            if b <= lo:
                lo = b
            delta = v - lo  # np.ptp
            if delta == 0.0:
                h = zero
                s = zero
            else:
                if b == v:
                    h = four + (r - g) / delta
                elif g == v:
                    h = two + (b - r) / delta
                else:
                    h = (g - b) / delta
                h = (h / six) % one
                s = delta / v
            # infinities can give NaN (inf / inf); the reference then writes 0
            hsv[i, j, 0] = zero if np.isnan(h) else h
            hsv[i, j, 1] = zero if np.isnan(s) else s
            hsv[i, j, 2] = v


@parallel_jit
def _hsv2rgb_kernel(hsv, rgb):
    """scikit-image's ``hsv2rgb``, one pixel at a time, in the image's float type.

    The hue circle has six sectors ``hi = floor(6 h)``; with the position ``f = 6 h - hi``
    inside the sector, ``p = v (1 - s)``, ``q = v (1 - f s)``, ``t = v (1 - (1 - f) s)``,
    and each sector takes three of ``v, p, q, t`` as (r, g, b).  The hue comes from
    :func:`_rgb2hsv_kernel`, so it lies in ``[0, 1]`` and ``hi`` in ``0 .. 6`` (6 is sector 0,
    as the reference's ``astype(uint8) % 6`` has it).
    """
    one = hsv.dtype.type(1.0)
    six = hsv.dtype.type(6.0)
    n_rows, n_cols = hsv.shape[0], hsv.shape[1]
    for i in prange(n_rows):
        for j in range(n_cols):
            h, s, v = hsv[i, j, 0], hsv[i, j, 1], hsv[i, j, 2]
            hi = np.floor(h * six)
            f = h * six - hi
            p = v * (one - s)
            q = v * (one - f * s)
            t = v * (one - (one - f) * s)
            sector = int(hi) % 6
            if sector == 0:
                r, g, b = v, t, p
            elif sector == 1:
                r, g, b = q, v, p
            elif sector == 2:
                r, g, b = p, v, t
            elif sector == 3:
                r, g, b = p, q, v
            elif sector == 4:
                r, g, b = t, p, v
            else:
                r, g, b = v, p, q
            rgb[i, j, 0] = r
            rgb[i, j, 1] = g
            rgb[i, j, 2] = b


def _rgb2hsv(rgb):
    """RGB -> HSV (scikit-image's ``rgb2hsv``: hue in [0, 1))."""
    arr = _as_color_float(rgb)
    arr = np.ascontiguousarray(arr, dtype=arr.dtype.newbyteorder("="))
    hsv = np.empty(arr.shape, arr.dtype)
    with np.errstate(divide="ignore", invalid="ignore"):  # plain Python (NUMBA_DISABLE_JIT)
        _rgb2hsv_kernel(arr, hsv)
    return hsv


def _hsv2rgb(hsv):
    """HSV -> RGB (scikit-image's ``hsv2rgb``) of an array made by :func:`_rgb2hsv`."""
    hsv = np.ascontiguousarray(hsv, dtype=hsv.dtype.newbyteorder("="))
    rgb = np.empty(hsv.shape, hsv.dtype)
    _hsv2rgb_kernel(hsv, rgb)
    return rgb


def equalize_adapthist(image, kernel_size=None, clip_limit=0.01, nbins=256):
    """Contrast Limited Adaptive Histogram Equalization (CLAHE).

    An algorithm for local contrast enhancement, that uses histograms computed over
    different tile regions of the image. Local details can therefore be enhanced even in
    regions that are darker or lighter than most of the image.  Each tile's histogram is
    clipped at ``clip_limit`` (the excess redistributed), turned into an equalising map,
    and every pixel blends the maps of the tiles around it (bilinear in 2-D, trilinear in
    3-D); see the module docstring for the seven steps.

    Parameters
    ----------
    image : (M[, ...][, C]) ndarray
        Input image (1-D, 2-D, 3-D, or RGB(A) with the channels last).
    kernel_size : int or array_like, optional
        Defines the shape of contextual regions used in the algorithm. If iterable is
        passed, it must have the same number of elements as ``image.ndim`` (without color
        channel). If integer, it is broadcasted to each `image` dimension. By default,
        ``kernel_size`` is 1/8 of ``image`` height by 1/8 of its width.
    clip_limit : float, optional
        Clipping limit, normalized between 0 and 1 (higher values give more contrast).
    nbins : int, optional
        Number of gray bins for histogram ("data range").

    Returns
    -------
    out : (M[, ...][, C]) ndarray
        Equalized image with float64 dtype (float32 for float32 input).

    See Also
    --------
    skimage.exposure.equalize_adapthist : the reference.
    equalize_hist, rescale_intensity

    Notes
    -----
    * For color images, the following steps are performed: the image is converted to HSV
      color space, the CLAHE algorithm is run on the V (Value) channel, and the image is
      converted back to RGB space.
    * For RGBA images, the original alpha channel is removed.

    References
    ----------
    .. [1] K. Zuiderveld, "Contrast Limited Adaptive Histogram Equalization", Graphics
           Gems IV, 1994. http://tog.acm.org/resources/GraphicsGems/
    .. [2] https://en.wikipedia.org/wiki/CLAHE#CLAHE

    Examples
    --------
    >>> import numpy as np
    >>> image = np.tile(np.arange(16, dtype=np.uint8) * 16, (16, 1))
    >>> out = equalize_adapthist(image, kernel_size=8)
    >>> out.dtype, out.shape, float(out.min()), float(out.max())
    (dtype('float64'), (16, 16), 0.0, 1.0)
    """
    image = as_array(image, "image")
    if image.ndim == 0:  # (the reference: a TypeError from NumPy's pad or its rescaling)
        raise TypeError("`image` must have at least one dimension, got a 0-d array")
    if image.ndim == 3 and image.shape[-1] in (3, 4):  # RGB(A): equalise the HSV value
        hsv = _rgb2hsv(image[:, :, :3])
        value = hsv[:, :, 2].copy()
        value = _equalize_gray(value, kernel_size, clip_limit, nbins)
        hsv[:, :, 2] = value.astype(hsv.dtype)
        return _hsv2rgb(hsv)
    return _equalize_gray(image, kernel_size, clip_limit, nbins)
