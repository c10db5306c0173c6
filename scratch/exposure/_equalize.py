"""Histogram equalisation: map every grey level through the cumulative histogram.

If ``cdf(v)`` is the fraction of pixels with intensity ``<= v``, then ``cdf(x)`` of a pixel is
its *rank* in the image, in ``(0, 1]``.  Replacing every pixel by its rank spreads the
intensities as evenly over ``[0, 1]`` as the image allows: the output histogram is as flat as
the discrete input permits.  Steps:

1. :func:`~scratch.exposure.cumulative_distribution` — counts per bin (one bin per integer
   value, or ``nbins`` equal bins for floats), running sum, divided by ``N``;
2. each pixel ``x`` is mapped by *linear interpolation* of the points
   ``(bin_centers[b], cdf[b])``: an integer pixel sits exactly on a centre and gets
   ``cdf[b]``; a float pixel between centres ``b`` and ``b + 1`` gets
   ``cdf[b] + (cdf[b+1] - cdf[b]) / (c[b+1] - c[b]) * (x - c[b])`` (``np.interp``'s formula,
   values outside the centres clamp to the end values).  The segment of a pixel is guessed
   from its position (the centres are equally spaced) and corrected by a step if rounding
   put it one off: no binary search per pixel.

With ``mask`` only the masked pixels build the histogram, but the whole image is mapped.
Cost ``O(N + nbins)``: one histogram pass and one mapping pass, both parallel.

References
----------
.. [1] R. C. Gonzalez, R. E. Woods, *Digital Image Processing*, section 3.3.1.
.. [2] scikit-image, ``skimage/exposure/exposure.py`` (0.26): ``equalize_hist``;
       NumPy ``numpy/_core/src/multiarray/compiled_base.c``: ``arr_interp``.
"""

import numpy as np

from .._checks import as_array
from .._jit import jit, parallel_jit, prange
from ._histogram import supported_float_dtype, cumulative_distribution

__all__ = ["equalize_hist"]


@jit
def _slopes(xp, fp):
    """The slope of every segment, ``(fp[j+1] - fp[j]) / (xp[j+1] - xp[j])``, computed once
    (as NumPy does when there are more points than segments)."""
    slopes = np.empty(max(xp.shape[0] - 1, 0))
    for j in range(xp.shape[0] - 1):
        slopes[j] = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
    return slopes


@jit
def _interp_nan(x, xp, fp, slopes, j):
    """NumPy's fallback when ``slope * (x - xp[j]) + fp[j]`` is NaN (an infinite slope):
    evaluate from the right end of the segment, and on a flat segment take its value."""
    res = slopes[j] * (x - xp[j + 1]) + fp[j + 1]
    if res != res and fp[j] == fp[j + 1]:
        res = fp[j]
    return res


@parallel_jit
def _interp(flat, xp, fp, out):
    """``out[i] = np.interp(flat[i], xp, fp)`` for increasing ``xp``.

    The bin centres are (nearly) equally spaced, so the segment of ``x`` is *guessed* from its
    position, ``j = (x - xp[0]) / (xp[-1] - xp[0]) * (m - 1)``, and then moved until
    ``xp[j] <= x < xp[j + 1]``: usually no step at all, where a binary search would take
    ``log2(m)`` unpredictable branches per pixel.  The segment is the one NumPy finds, so the
    value is too.
    """
    m = xp.shape[0]
    left = fp[0]
    right = fp[m - 1]
    scale = (m - 1) / (xp[m - 1] - xp[0]) if m > 1 else 0.0
    slopes = _slopes(xp, fp)
    for i in prange(flat.shape[0]):
        x = np.float64(flat[i])
        if x != x:
            out[i] = x
        elif x > xp[m - 1]:
            out[i] = right
        elif x < xp[0]:
            out[i] = left
        elif x == xp[m - 1]:
            out[i] = right
        else:  # xp[0] <= x < xp[m - 1], so m >= 2
            j = min(np.int64((x - xp[0]) * scale), m - 2)
            while xp[j] > x:  # the guess was one too far right (rounding)
                j -= 1
            while xp[j + 1] <= x:  # ... or too far left
                j += 1
            res = slopes[j] * (x - xp[j]) + fp[j]  # NumPy's formula, in its order
            if x == xp[j]:
                res = fp[j]
            elif res != res:  # (rare: keep it out of the way of the common case)
                res = _interp_nan(x, xp, fp, slopes, j)
            out[i] = res


@parallel_jit
def _lookup(flat, lo, table, out):
    """``out[i] = table[flat[i] - lo]`` (integer pixels sit exactly on the bin centres)."""
    for i in prange(flat.shape[0]):
        out[i] = table[np.int64(flat[i]) - lo]


def equalize_hist(image, nbins=256, mask=None):
    """Return image after histogram equalization.

    Every pixel is replaced by the value of the cumulative distribution function of the
    image at its intensity (interpolated linearly between bin centres): a map that makes the
    histogram as flat as possible.  Steps:

    1. ``cdf, bin_centers = cumulative_distribution(image, nbins)`` (``image[mask]`` with a
       mask): counts per bin, running sum, divided by the number of pixels;
    2. every pixel ``x`` of the whole image maps to ``np.interp(x, bin_centers, cdf)``: an
       integer pixel sits on a centre and gets ``cdf[b]``; a float pixel between centres
       ``b`` and ``b + 1`` gets ``cdf[b] + (cdf[b+1] - cdf[b]) / (c[b+1] - c[b]) * (x - c[b])``,
       and values outside the centres clamp to the end values;
    3. the result is float32 for a float32 image, else float64, in the image's shape.

    Parameters
    ----------
    image : array
        Image array.
    nbins : int, optional
        Number of bins for image histogram. Note: this argument is ignored for integer
        images, for which each integer is its own bin.
    mask : ndarray of bools or 0s and 1s, optional
        Array of same shape as `image`. Only points at which mask == True are used for the
        equalization, which is applied to the whole image.

    Returns
    -------
    out : float array
        Image array after histogram equalization (float32 for float32 input, else float64).

    See Also
    --------
    skimage.exposure.equalize_hist : the reference.
    equalize_adapthist : the local (contrast-limited) version.

    References
    ----------
    .. [1] http://www.janeriksolem.net/histogram-equalization-with-python-and.html
    .. [2] https://en.wikipedia.org/wiki/Histogram_equalization

    Examples
    --------
    >>> import numpy as np
    >>> equalize_hist(np.array([[0, 0], [100, 200]], np.uint8))
    array([[0.5 , 0.5 ],
           [0.75, 1.  ]])
    """
    image = as_array(image, "image")
    if mask is not None:
        mask = np.array(mask, dtype=bool)
        cdf, bin_centers = cumulative_distribution(image[mask], nbins)
    else:
        cdf, bin_centers = cumulative_distribution(image, nbins)
    flat = np.ascontiguousarray(image).reshape(-1)
    out = np.empty(flat.shape, np.float64)
    table = np.ascontiguousarray(cdf, dtype=np.float64)
    # (uint64 pixels from 2**63 up have bins at their int64 readings, as in the reference, but
    # are looked up by their own value, as its np.interp does: past the last centre)
    wrapped = image.dtype == np.uint64 and bin_centers[0] < 0
    if image.dtype.kind in "iu" and mask is None and not wrapped:
        _lookup.sized(flat.size)(flat, int(bin_centers[0]), table, out)
    else:
        if flat.dtype == np.bool_:
            flat = flat.view(np.uint8)
        elif flat.dtype == np.float16:  # Numba has no float16; float32 holds it exactly
            flat = flat.astype(np.float32)
        xp = np.ascontiguousarray(bin_centers, dtype=np.float64)
        if np.isfinite(xp[[0, -1]]).all():
            _interp.sized(flat.size)(flat, xp, table, out)
        else:  # centres overflowed to +-inf (edges near the dtype's limit, easy in float16):
            out = np.interp(flat, xp, table)  # no segment guess possible; NumPy's own search
    return out.reshape(image.shape).astype(supported_float_dtype(image.dtype), copy=False)
