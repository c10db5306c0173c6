"""Automatic thresholds: choosing the grey level that separates objects from background.

A global threshold method looks at the *histogram* only (counted once by
:mod:`scratch.exposure`, the one histogram engine of scratch, in a single parallel pass) and
picks a bin.  With counts ``h[b]`` at bin centres ``c[b]``, ``N = sum h``:

* **Otsu** (1979): for every candidate ``t = c[b]`` split the pixels into ``<= t`` (weight
  ``w1``, mean ``m1``) and ``> t`` (``w2``, ``m2``) and maximise the *between-class variance*
  ``w1 * w2 * (m1 - m2)**2`` — equivalently minimise the within-class variance.  Running
  sums give every ``w`` and ``m`` in ``O(nbins)``.
* **ISODATA** / Ridler-Calvard (1978), the course's "iterative mean": ``t`` must equal the
  mean of the two class means, ``t = (m1(t) + m2(t)) / 2``.  The iteration
  ``t <- (m1(t) + m2(t)) / 2`` converges to such a fixed point; the reference evaluates the
  criterion for every bin at once and returns the lowest bin ``c[b]`` with
  ``0 <= (m1 + m2) / 2 - c[b] < bin width``.
* **Triangle** (Zack et al. 1977): draw the line from the histogram's peak to the far end of
  its longer tail; the threshold is the bin farthest from that line.  Good for a small
  bright (or dark) object on a large background (one peak, one long tail).
* **Mean**: the mean intensity (Glasbey 1993).
* **Minimum** (Prewitt & Mendelsohn 1966): smooth the histogram by a 3-bin running mean until
  it has exactly two maxima; the threshold is the lowest bin between them.
* **Li** (1993, 1998): minimise the cross-entropy between the image and its two-level
  version; iterate ``t <- (mb - mf) / (log mb - log mf)`` (``mb``/``mf`` the background /
  foreground means) until it moves less than a tolerance.
* **Yen** (1995): maximise the "entropic correlation" ``log(P1 (1 - P1))**2 / (Q1 Q2)`` with
  ``P1`` the cumulative probability and ``Q1``/``Q2`` the sums of squared probabilities
  below / above.
* **Multi-Otsu** (Liao, Chen & Chung 2001): ``classes - 1`` thresholds maximising the sum over
  classes of ``S_k**2 / P_k`` (class probability ``P_k``, first moment ``S_k``); a table of
  every interval's term makes each candidate an ``O(classes)`` sum, the search is over all
  ``C(nbins, classes - 1)`` combinations.
* **Local** (adaptive): a threshold *image* — the local mean, Gaussian-weighted mean, median
  or any function of a ``block_size`` neighbourhood, minus ``offset``.

Precision, and why it matters
-----------------------------
Otsu's variance is often maximal on a plateau, and a tie between two bins breaks by the last
bits of rounding.  So the per-bin formulas here are evaluated in the reference's order and
precision: counts as float32, running sums in float32, means in the precision of the bin
centres (float64 for integer images, float32 for float32 images).  With that, thresholds
are *identical* to scikit-image's on every input the tests try.  Cost of every global method
``O(N)`` for the histogram + ``O(nbins)`` for the criterion (multi-Otsu
``O(nbins**(classes - 1))``; Li ``O(N)`` per iteration on float images).

References
----------
.. [1] N. Otsu, "A threshold selection method from gray-level histograms", IEEE Trans. SMC
       9(1), 1979.  DOI:10.1109/TSMC.1979.4310076
.. [2] T. W. Ridler, S. Calvard, "Picture thresholding using an iterative selection method",
       IEEE Trans. SMC 8(8), 1978.  DOI:10.1109/TSMC.1978.4310039
.. [3] G. W. Zack, W. E. Rogers, S. A. Latt, "Automatic measurement of sister chromatid
       exchange frequency", J. Histochem. Cytochem. 25(7), 1977.
.. [4] C. H. Li, P. K. S. Tam, "An iterative algorithm for minimum cross entropy
       thresholding", Pattern Recognition Letters 19(8), 1998.
.. [5] J. C. Yen, F. J. Chang, S. Chang, "A new criterion for automatic multilevel
       thresholding", IEEE Trans. Image Processing 4(3), 1995.
.. [6] P.-S. Liao, T.-S. Chen, P.-C. Chung, "A fast algorithm for multilevel thresholding",
       J. Inf. Sci. Eng. 17(5), 2001.
.. [7] M. Sezgin, B. Sankur, "Survey over image thresholding techniques and quantitative
       performance evaluation", J. Electronic Imaging 13(1), 2004.
.. [8] scikit-image, ``skimage/filters/thresholding.py`` and ``_multiotsu.pyx`` (0.26).
"""

import math
import numbers
import warnings

import numpy as np

from .._checks import as_array, check_int, describe, native_byte_order
from .._jit import jit, parallel_jit, prange
from ..exposure import histogram
from ..exposure._histogram import image_minmax, supported_float_dtype, threshold_histogram
from ..ndimage._boundary import extend_indices
from ..ndimage._uniform import uniform_lines

__all__ = [
    "threshold_otsu",
    "threshold_isodata",
    "threshold_triangle",
    "threshold_mean",
    "threshold_minimum",
    "threshold_li",
    "threshold_yen",
    "threshold_multiotsu",
    "threshold_local",
]


# --- the histogram every global method starts from -------------------------------------------


def _validate_image_histogram(image, hist, nbins=None, normalize=False):
    """Counts (float32) and bin centres, from the image or from a given histogram.

    A given ``hist`` is either the counts alone (centres ``0, 1, ...``) or ``(counts,
    centers)``; empty bins at either end are trimmed, as ``source_range='image'`` would.
    """
    if image is None and hist is None:
        raise Exception("Either image or hist must be provided.")
    if hist is not None:
        if isinstance(hist, (tuple, list)):
            counts, bin_centers = hist
        else:
            counts = hist
            bin_centers = np.arange(counts.size)
        if counts[0] == 0 or counts[-1] == 0:
            cond = counts > 0
            start = np.argmax(cond)
            end = cond.size - np.argmax(cond[::-1])
            counts, bin_centers = counts[start:end], bin_centers[start:end]
    else:
        counts, bin_centers = histogram(
            image.reshape(-1), nbins, source_range="image", normalize=normalize
        )
    return counts.astype("float32", copy=False), bin_centers


def _check_not_empty(image):
    """An empty image has no threshold.  Otsu, ISODATA, triangle and multi-Otsu fail inside
    the reference on one (an IndexError at ``bin_centers[0]``, NumPy's "zero-size array"
    ValueError, or multi-Otsu reading memory it does not own); scratch says so."""
    if image is not None and np.size(image) == 0:
        raise ValueError(f"`image` must not be empty, got an {describe(image)}")


def _warn_if_rgb(image, name):
    if image is not None and image.ndim > 2 and image.shape[-1] in (3, 4):
        warnings.warn(
            f"{name} is expected to work correctly only for grayscale images; image shape "
            f"{image.shape} looks like that of an RGB image.",
            UserWarning,
            stacklevel=3,
        )


# --- Otsu ------------------------------------------------------------------------------------


def _otsu_class_statistics(counts, bin_centers):
    """Weights and means of the two classes, for a threshold at every bin.

    ``weight1[b]`` and ``mean1[b]`` are the pixel count and the mean intensity of the bins
    ``0..b`` (running sums from the left); ``weight2[b]`` and ``mean2[b]`` those of the bins
    ``b..end`` (running sums from the right)::

        weight1[b] = sum(counts[:b+1])      mean1[b] = sum(counts[:b+1] * c[:b+1]) / weight1[b]
        weight2[b] = sum(counts[b:])        mean2[b] = sum(counts[b:] * c[b:]) / weight2[b]

    Returns ``(weight1, weight2, mean1, mean2)``, four arrays as long as ``counts``.
    """
    weight1 = np.cumsum(counts)
    weight2 = np.cumsum(counts[::-1])[::-1]
    mean1 = np.cumsum(counts * bin_centers) / weight1
    mean2 = (np.cumsum((counts * bin_centers)[::-1]) / weight2[::-1])[::-1]
    return weight1, weight2, mean1, mean2


def _otsu_variance(counts, bin_centers):
    """Between-class variance ``w1 w2 (m1 - m2)**2`` for the thresholds ``bin_centers[:-1]``.

    With the class statistics of :func:`_otsu_class_statistics`, a threshold after bin ``b``
    puts the bins ``0..b`` in class 1 and ``b+1..end`` in class 2, so its variance is
    ``weight1[b] * weight2[b+1] * (mean1[b] - mean2[b+1])**2`` — one value per bin but the last.
    """
    weight1, weight2, mean1, mean2 = _otsu_class_statistics(counts, bin_centers)
    # threshold after bin b: class 1 = bins 0..b, class 2 = bins b+1..end
    return weight1[:-1] * weight2[1:] * (mean1[:-1] - mean2[1:]) ** 2


def _otsu_counts(image, nbins, hist):
    """(constant value or None, counts, centres) — the shared start of Otsu."""
    if image is not None:
        try:
            counts, centers, constant = threshold_histogram(image, nbins)
        except ValueError:
            # too wide an integer range for a bin per value; the reference looks for a
            # constant image before it bins, so a constant one is still answered
            first = image.reshape(-1)[0]
            if np.all(image == first):
                return first, None, None
            raise
        if constant:
            return image.reshape(-1)[0], None, None
        if hist is None:
            return None, counts.astype("float32", copy=False), centers
    counts, centers = _validate_image_histogram(image, hist, nbins)
    return None, counts, centers


def threshold_otsu(image=None, nbins=256, *, hist=None):
    """Return threshold value based on Otsu's method.

    Either image or hist must be provided. If hist is provided, the actual histogram of the
    image is ignored.  The threshold ``t`` maximises the between-class variance
    ``w1(t) w2(t) (m1(t) - m2(t))**2`` over the bin centres (see the module docstring);
    pixels ``> t`` are foreground.  ``O(N + nbins)``.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray, optional
        Grayscale input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.
    hist : array, or 2-tuple of arrays, optional
        Histogram from which to determine the threshold, and optionally a corresponding array
        of bin center intensities. If no hist provided, this function will compute it from
        the image.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.  A constant image returns its value.

    See Also
    --------
    skimage.filters.threshold_otsu : the reference.
    scratch.filters.otsu_insides : the variance at every candidate, for plotting.

    References
    ----------
    .. [1] Wikipedia, https://en.wikipedia.org/wiki/Otsu's_Method
    .. [2] N. Otsu, "A threshold selection method from gray-level histograms", 1979.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[10, 10, 12], [200, 210, 205]], np.uint8)
    >>> int(threshold_otsu(image))
    12
    """
    if isinstance(image, np.ndarray) and image.dtype == object:
        return _otsu_of_objects(image, nbins, hist)
    _warn_if_rgb(image, "threshold_otsu")
    _check_not_empty(image)
    if image is not None and hist is not None:  # the image only says whether it is constant
        first_pixel = image.reshape(-1)[0]
        if np.all(image == first_pixel):
            return first_pixel
        image = None
    constant, counts, centers = _otsu_counts(image, nbins, hist)
    if constant is not None:
        return constant
    variance12 = _otsu_variance(counts, centers)
    return centers[np.argmax(variance12)]


def _otsu_of_objects(image, nbins, hist):
    """Otsu on an object array of real numbers, as the reference computes it.

    The reference bins such an array as a float image (integers too: ``nbins`` bins between
    the minimum and the maximum) and answers with a Python float (its bin centres are an
    object array), or with the first element of a constant image as it is.  Anything but
    real numbers is a TypeError there (``<=`` between a number and a string, None, a complex;
    NumPy's subtraction of booleans).
    """
    flat = image.reshape(-1)
    if not all(isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_)) for v in flat):
        raise TypeError("`image` of dtype object must hold real numbers only")
    values = image.astype(np.float64)
    if values.size and np.all(values == values.flat[0]):
        return flat[0]
    return float(threshold_otsu(values, nbins, hist=hist))


# --- ISODATA ---------------------------------------------------------------------------------


def _isodata_class_means(counts, bin_centers):
    """Mean intensity of the two classes for a threshold at every bin but the last.

    A threshold ``t = c[b]`` splits the pixels into class 1, the bins ``0..b`` (pixels
    ``<= t``), and class 2, the bins ``b+1..end`` (pixels ``> t``).  With ``h`` the counts and
    ``c`` the bin centres::

        lower[b]  = sum(h[:b+1] * c[:b+1]) / sum(h[:b+1])
        higher[b] = sum(h[b+1:] * c[b+1:]) / sum(h[b+1:])

    for ``b = 0 .. nbins - 2`` (at the last bin class 2 would be empty).  Hint: one running
    sum (``np.cumsum``) of the counts and one of ``counts * centres`` give class 1 for every
    ``b`` at once; class 2 is the total minus class 1.  Count in float32, as the reference.

    Returns ``(lower, higher)``, two arrays of length ``nbins - 1``.
    """
    counts = counts.astype("float32", copy=False)
    csuml = np.cumsum(counts)  # pixels <= bin b
    csumh = csuml[-1] - csuml  # pixels > bin b
    intensity_sum = counts * bin_centers
    csum_intensity = np.cumsum(intensity_sum)
    lower = csum_intensity[:-1] / csuml[:-1]
    higher = (csum_intensity[-1] - csum_intensity[:-1]) / csumh[:-1]
    return lower, higher


def _isodata_criterion(counts, bin_centers):
    """``(m1 + m2) / 2 - c[b]`` for every candidate ``b`` but the last (and the bin width)."""
    lower, higher = _isodata_class_means(counts, bin_centers)
    all_mean = (lower + higher) / 2.0
    bin_width = bin_centers[1] - bin_centers[0]
    distances = all_mean - bin_centers[:-1]
    return all_mean, distances, bin_width


def _isodata_fixed_points(counts, bin_centers):
    """Every threshold the iterative mean ``t <- (m1(t) + m2(t)) / 2`` stops at, in order.

    Ridler and Calvard iterate: split at ``t``, take the two class means (see
    ``isodata_class_means``), move ``t`` to their midpoint, repeat until ``t`` stays.  On a
    histogram ``t`` is a bin centre ``c[b]`` and it stays when the midpoint falls in its bin::

        0 <= (lower[b] + higher[b]) / 2 - c[b] < bin width      (bin width = c[1] - c[0])

    Instead of iterating from one start, test this for every ``b = 0 .. nbins - 2`` at once
    and return the centres ``c[b]`` that pass, lowest first (possibly none).
    """
    _, distances, bin_width = _isodata_criterion(counts, bin_centers)
    return bin_centers[:-1][(distances >= 0) & (distances < bin_width)]


def threshold_isodata(image=None, nbins=256, return_all=False, *, hist=None):
    """Return threshold value(s) based on ISODATA method.

    Histogram-based threshold, known as Ridler-Calvard method or inter-means.  Threshold
    values returned satisfy the following equality::

        threshold = (image[image <= threshold].mean() + image[image > threshold].mean()) / 2.0

    That is, returned thresholds are intensities that separate the image into two groups of
    pixels, where the threshold intensity is midway between the mean intensities of these
    groups.  For integer images the above equality holds to within one; for floating-point
    images, to within the histogram bin-width.  ``O(N + nbins)``.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.
    return_all : bool, optional
        If False (default), return only the lowest threshold that satisfies the above
        equality. If True, return all valid thresholds.
    hist : array, or 2-tuple of arrays, optional
        Histogram to determine the threshold from and a corresponding array of bin center
        intensities. Alternatively, only the histogram can be passed.

    Returns
    -------
    threshold : float or int or array
        Threshold value(s).

    See Also
    --------
    skimage.filters.threshold_isodata : the reference.
    scratch.filters.isodata_insides : the iteration, step by step.

    References
    ----------
    .. [1] Ridler, TW & Calvard, S (1978), "Picture thresholding using an iterative
           selection method", IEEE Transactions on Systems, Man and Cybernetics 8: 630-632.
    .. [2] Sezgin M. and Sankur B. (2004) "Survey over Image Thresholding Techniques and
           Quantitative Performance Evaluation" Journal of Electronic Imaging, 13(1).

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[10, 10, 12], [200, 210, 205]], np.uint8)
    >>> int(threshold_isodata(image))
    107
    """
    if not return_all:  # (return_all: the reference's empty list for an empty float image)
        _check_not_empty(image)
    counts, bin_centers = _validate_image_histogram(image, hist, nbins)
    if len(bin_centers) == 1:  # a single value
        return bin_centers if return_all else bin_centers[0]
    thresholds = _isodata_fixed_points(counts, bin_centers)
    if return_all:
        return thresholds
    if thresholds.size == 0:  # (the reference: an IndexError on thresholds[0])
        raise ValueError("`image` has no isodata threshold: a single value binned into several bins "
                         "(a 0-d or one-valued float image); pass return_all=True for the empty list")
    return thresholds[0]


# --- triangle --------------------------------------------------------------------------------


def _triangle_orient(hist):
    """The histogram turned so that its longer tail is on the left, with its far end and peak.

    The peak is the first bin of highest count; the tails run from it to the first and to the
    last non-empty bin (``low`` and ``high``).  The triangle is drawn on the longer tail:
    when the left one is shorter (``peak - low < high - peak``: a dark background, bright
    objects) reverse the histogram (``hist[::-1]``; bin ``i`` becomes ``nbins - 1 - i``), so
    that the long tail is always on the left.

    Returns ``(hist, flip, low, peak)``: the (maybe reversed) histogram, whether it was
    reversed, and in it the index of the far end of the tail (its first non-empty bin) and
    of the peak.  ``None`` when a single bin holds every count (no tail at all).
    """
    nbins = len(hist)
    arg_peak_height = int(np.argmax(hist))
    nonzero = np.flatnonzero(hist)
    arg_low_level, arg_high_level = int(nonzero[0]), int(nonzero[-1])
    if arg_low_level == arg_high_level:
        return None
    # work on the longer tail: flip the histogram if the left tail is the shorter one
    flip = arg_peak_height - arg_low_level < arg_high_level - arg_peak_height
    if flip:
        hist = hist[::-1]
        arg_low_level = nbins - arg_high_level - 1
        arg_peak_height = nbins - arg_peak_height - 1
    return hist, flip, arg_low_level, arg_peak_height


def _triangle_distances(hist, low, peak):
    """How far each bin top between the far end and the peak lies below the triangle's line.

    The line runs from ``(low, 0)`` to the top of the peak, ``(peak, h)`` with
    ``h = hist[peak]``.  With ``width = peak - low`` and ``x = 0 .. width - 1`` the bin
    ``low + x``, the (perpendicular) distance of its top ``(x, hist[low + x])`` below the
    line is::

        d[x] = (h * x - width * hist[low + x]) / sqrt(h**2 + width**2)

    (positive below the line).  Compute ``h / norm`` and ``width / norm`` first, then
    ``d = (h / norm) * x - (width / norm) * hist[low + x]``, as the reference does.
    Returns ``d``, an array of length ``width`` (the peak itself is not a candidate).
    """
    width = peak - low
    peak_height = hist[peak]
    norm = np.sqrt(peak_height**2 + width**2)
    peak_n, width_n = peak_height / norm, width / norm
    x = np.arange(width)
    return peak_n * x - width_n * hist[low + x]


def _triangle_geometry(hist):
    """Peak, low end, flip and the normalised line of the triangle method (for the insides).
    Returns None for a histogram with a single non-empty bin."""
    oriented = _triangle_orient(hist)
    if oriented is None:
        return None
    hist, flip, low, peak = oriented
    width = peak - low
    peak_height = hist[peak]
    norm = np.sqrt(peak_height**2 + width**2)
    return dict(hist=np.ascontiguousarray(hist), flip=flip, low=low, peak=peak, width=width,
                peak_n=peak_height / norm, width_n=width / norm)


def threshold_triangle(image, nbins=256):
    """Return threshold value based on the triangle algorithm.

    The line from the histogram's peak to the far end of its longer tail is drawn; the
    threshold is the bin (between the two) farthest below that line.  ``O(N + nbins)``.

    Steps: the histogram of the image (``source_range='image'``); turn it so that the longer
    tail is on the left (``triangle_orient``); the distance of every bin top below the line
    (``triangle_distances``); the first bin of largest distance, counted from the far end
    (add ``low``), mapped back to the original order if the histogram was reversed
    (``nbins - 1 - i``); its bin centre.  An image of one value returns that value.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.

    See Also
    --------
    skimage.filters.threshold_triangle : the reference.
    scratch.filters.triangle_insides : the peak, the line and the distances.

    References
    ----------
    .. [1] Zack, G. W., Rogers, W. E. and Latt, S. A., 1977, Automatic Measurement of Sister
           Chromatid Exchange Frequency, Journal of Histochemistry and Cytochemistry 25 (7),
           pp. 741-753.  DOI:10.1177/25.7.70454
    .. [2] ImageJ AutoThresholder code, http://fiji.sc/wiki/index.php/Auto_Threshold

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([0] * 50 + [1] * 30 + [2] * 10 + [3] * 5 + [9] * 5, np.uint8)
    >>> int(threshold_triangle(image))
    2
    """
    _check_not_empty(image)
    hist, bin_centers = histogram(image.reshape(-1), nbins, source_range="image")
    threshold = _triangle_of_histogram(hist, bin_centers)
    return image.ravel()[0] if threshold is None else threshold  # None: constant intensity


def _triangle_of_histogram(hist, bin_centers):
    """The triangle threshold of a histogram (counts, centres), or None if one bin holds
    every count.  (Also used on a histogram summed over the chunks of a big image.)"""
    nbins = len(hist)
    oriented = _triangle_orient(hist)
    if oriented is None:
        return None
    hist, flip, low, peak = oriented
    distances = _triangle_distances(hist, low, peak)
    arg_level = int(np.argmax(distances)) + low  # the farthest bin below the line
    if flip:  # back to the histogram's own order
        arg_level = nbins - arg_level - 1
    return bin_centers[arg_level]


# --- mean ------------------------------------------------------------------------------------


# (The sums loop over a *slice* with ``range(len)``: an index Numba knows is >= 0 needs no
# negative-index wrap-around check, and then the compiler can vectorise the loop.)


@jit
def _sum_int(part):
    """``part.sum()`` of a 1-D integer (or bool as uint8) array, exactly, in int64.

    Add every pixel to a running total that cannot overflow: convert each value to
    ``np.int64`` before adding it.  (A total kept in the pixels' own type wraps around:
    uint8 holds 0..255 only; and in NumPy 2 ``0 + np.uint8(200)`` is a uint8.)
    Returns the total (an integer).
    """
    s = 0
    for i in range(part.shape[0]):
        s += np.int64(part[i])
    return s


@jit
def _sum_float(part):
    """``part.sum()`` of a 1-D float array, in float64, with four running sums.

    Accumulate in float64 whatever the pixels' type (a float32 total loses digits).

    One running sum makes every addition wait for the previous one; four independent ones
    (pixels ``i``, ``i+1``, ``i+2``, ``i+3``) keep the adder busy, as NumPy's pairwise sum does.
    """
    s0 = s1 = s2 = s3 = 0.0
    n4 = part.shape[0] // 4 * 4
    for i in range(0, n4, 4):
        s0 += part[i]
        s1 += part[i + 1]
        s2 += part[i + 2]
        s3 += part[i + 3]
    for i in range(n4, part.shape[0]):
        s0 += part[i]
    return (s0 + s1) + (s2 + s3)


@parallel_jit
def _sum_chunks(flat, chunks):
    """Per-chunk float64 sums — summed in chunk order after, so any thread count agrees."""
    n = flat.shape[0]
    sums = np.zeros(chunks, np.float64)
    for c in prange(chunks):
        sums[c] = _sum_float(flat[c * n // chunks : (c + 1) * n // chunks])
    return sums


@parallel_jit
def _sum_chunks_int(flat, chunks):
    """Per-chunk exact int64 sums of an integer image."""
    n = flat.shape[0]
    sums = np.zeros(chunks, np.int64)
    for c in prange(chunks):
        sums[c] = _sum_int(flat[c * n // chunks : (c + 1) * n // chunks])
    return sums


def threshold_mean(image):
    """Return threshold value based on the mean of grayscale values.

    ``sum(image) / N``, summed in parallel chunks (exactly, in int64, for integer images; in
    float64 for floats, then rounded to float32 for float32 images).  ``O(N)``.

    The result is a float64 for integer and bool images (``np.float64(total) /
    np.float64(N)``), and of the image's own float type for a float image (float32 in,
    float32 out).  Empty, float16, complex and 64-bit integer images: ``np.mean(image)``.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.

    See Also
    --------
    skimage.filters.threshold_mean : the reference.

    References
    ----------
    .. [1] C. A. Glasbey, "An analysis of histogram-based thresholding algorithms," CVGIP:
           Graphical Models and Image Processing, vol. 55, pp. 532-537, 1993.
           DOI:10.1006/cgip.1993.1040

    Examples
    --------
    >>> import numpy as np
    >>> float(threshold_mean(np.array([[1, 2], [3, 4]], np.uint8)))
    2.5
    """
    image = native_byte_order(np.asarray(image))
    if image.size == 0 or image.dtype.kind not in "biuf" or image.dtype == np.float16 or (
        image.dtype.kind in "iu" and image.dtype.itemsize == 8
    ):
        return np.mean(image)  # empty (NaN + warning), or 64-bit sums that could overflow
    flat = np.ascontiguousarray(image).reshape(-1)
    chunks = min(16, flat.size)
    if image.dtype.kind in "bu" or image.dtype.kind == "i":
        if flat.dtype == np.bool_:
            flat = flat.view(np.uint8)
        total = int(_sum_chunks_int(flat, chunks).sum())  # (threads as for flat.size)
        return np.float64(total) / np.float64(flat.size)
    total = _sum_chunks(flat, chunks).sum()
    return image.dtype.type(total / flat.size)


# --- minimum ---------------------------------------------------------------------------------


@jit
def _local_maxima(hist):
    """Indices of the local maxima of ``hist``, plateaus counted once (at their left end)."""
    maxima = []
    direction = 1
    for i in range(hist.shape[0] - 1):
        if direction > 0:
            if hist[i + 1] < hist[i]:
                direction = -1
                maxima.append(i)
        else:
            if hist[i + 1] > hist[i]:
                direction = 1
    return maxima


@jit
def _count_local_maxima(hist):
    """How many local maxima :func:`_local_maxima` finds (the same walk, without the list)."""
    count = 0
    direction = 1
    for i in range(hist.shape[0] - 1):
        if direction > 0:
            if hist[i + 1] < hist[i]:
                direction = -1
                count += 1
        else:
            if hist[i + 1] > hist[i]:
                direction = 1
    return count


#: One 3-bin running mean of a histogram: the line kernel of scratch.ndimage.uniform_filter1d
#: (serial: a histogram is a few hundred bins).
_running_mean_lines = uniform_lines.serial


@jit
def _smooth_until_two_maxima(counts, index_map, max_num_iter):
    """Smooth ``counts`` (float32) by 3-bin running means until it has fewer than 3 maxima.

    Each round is ``uniform_filter1d(hist, 3)`` (mode 'reflect', ``index_map`` the extended
    bin indices, float32 result); the whole loop runs compiled, so a histogram that needs
    hundreds of rounds costs microseconds.  Returns the smoothed histogram and the last
    round's index (``max_num_iter - 1`` if it never got there).
    """
    n = counts.shape[0]
    hist = counts.reshape(1, n).copy()
    smoothed = np.empty_like(hist)
    counter = 0
    for counter in range(max_num_iter):
        _running_mean_lines(hist, index_map, 1, 0.0, 3, smoothed)
        hist, smoothed = smoothed, hist  # the result is the next round's input
        if _count_local_maxima(hist[0]) < 3:
            break
    return hist[0], counter


def threshold_minimum(image=None, nbins=256, max_num_iter=10000, *, hist=None):
    """Return threshold value based on minimum method.

    The histogram of the input ``image`` is computed if not provided and smoothed until there
    are only two maxima. Then the minimum in between is the threshold value.  Each smoothing
    is a 3-bin running mean (:func:`scratch.ndimage.uniform_filter1d`, mode 'reflect').

    Either image or hist must be provided. In case hist is given, the actual histogram of
    the image is ignored.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray, optional
        Grayscale input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.
    max_num_iter : int, optional
        Maximum number of iterations to smooth the histogram.
    hist : array, or 2-tuple of arrays, optional
        Histogram to determine the threshold from and a corresponding array of bin center
        intensities. Alternatively, only the histogram can be passed.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.

    Raises
    ------
    RuntimeError
        If unable to find two local maxima in the histogram or if the smoothing takes more
        than 1e4 iterations.

    See Also
    --------
    skimage.filters.threshold_minimum : the reference.

    References
    ----------
    .. [1] C. A. Glasbey, "An analysis of histogram-based thresholding algorithms," CVGIP:
           Graphical Models and Image Processing, vol. 55, pp. 532-537, 1993.
    .. [2] Prewitt, JMS & Mendelsohn, ML (1966), "The analysis of cell images", Annals of the
           New York Academy of Sciences 128: 1035-1053.  DOI:10.1111/j.1749-6632.1965.tb11715.x

    Examples
    --------
    >>> import numpy as np
    >>> image = np.repeat(np.array([10, 11, 12, 13, 14, 50, 51, 52, 53, 54], np.uint8),
    ...                   [2, 5, 9, 5, 2, 2, 5, 9, 5, 2])
    >>> int(threshold_minimum(image))
    16
    """
    # the histogram first, as the reference (an empty integer image is its ValueError, whatever
    # max_num_iter); then 0 rounds: the reference's UnboundLocalError; 2.5 rounds: its
    # TypeError from range()
    counts, bin_centers = _validate_image_histogram(image, hist, nbins)
    max_num_iter = check_int(max_num_iter, "max_num_iter", minimum=1)
    smooth_hist = np.ascontiguousarray(counts, dtype=np.float32)
    index_map = extend_indices(smooth_hist.size, 1, 1, "reflect")
    smooth_hist, counter = _smooth_until_two_maxima(smooth_hist, index_map, max_num_iter)
    maximum_idxs = list(_local_maxima(smooth_hist))
    if len(maximum_idxs) != 2:
        raise RuntimeError("Unable to find two maxima in histogram")
    elif counter == max_num_iter - 1:
        raise RuntimeError("Maximum iteration reached for histogram smoothing")
    threshold_idx = np.argmin(smooth_hist[maximum_idxs[0] : maximum_idxs[1] + 1])
    return bin_centers[maximum_idxs[0] + threshold_idx]


# --- Li --------------------------------------------------------------------------------------


@parallel_jit
def _two_class_sums(flat, lo, t, chunks):
    """Sums and counts of the shifted pixels ``v = flat[i] - lo`` above ``t`` and not above.

    Per chunk, in float64: ``(sum v > t, count v > t, sum v <= t, count v <= t)``.  One pass
    per Li iteration; each pixel adds itself to one pair and 0 to the other (no branch).
    With ``t = inf`` every pixel is background: the background sum is the total.
    """
    n = flat.shape[0]
    out = np.zeros((chunks, 4), np.float64)
    for c in prange(chunks):
        part = flat[c * n // chunks : (c + 1) * n // chunks]
        s_fore = 0.0
        n_fore = 0.0
        s_back = 0.0
        n_back = 0.0
        for i in range(part.shape[0]):
            v = part[i] - lo  # in the image's precision, as the reference's `image -= image_min`
            fore = v > t
            s_fore += v if fore else 0.0
            n_fore += 1.0 if fore else 0.0
            s_back += 0.0 if fore else v
            n_back += 0.0 if fore else 1.0
        out[c, 0] = s_fore
        out[c, 1] = n_fore
        out[c, 2] = s_back
        out[c, 3] = n_back
    return out


@jit
def _insertion_sort(a):
    """Sort a short array in place: each value slides left past the larger ones."""
    for j in range(1, a.shape[0]):
        v = a[j]
        i = j - 1
        while i >= 0 and a[i] > v:
            a[i + 1] = a[i]
            i -= 1
        a[i + 1] = v


@jit
def _smallest_gap(values, lo, span):
    """The smallest difference between two distinct values of ``values - lo``, without sorting.

    The reference sorts (``np.diff(np.unique(image))``, ``O(N log N)``).  A *bucket sort*
    needs no full sort: cut ``[0, span]`` into ``N / 4`` equal buckets, count the shifted
    values per bucket, and place them bucket after bucket (two passes, ``O(N)``).  Every
    value of a bucket is below every value of the next non-empty one, so the smallest gap is

    * between neighbouring buckets: the next bucket's minimum minus this one's maximum, or
    * inside a bucket: found by sorting that bucket alone — only needed when it holds more
      than one distinct value (a few values on average; an image with few grey levels has
      one per bucket).

    Differences are taken in the values' precision, as NumPy's ``diff`` does.  The caller
    (:func:`_li_smallest_gap`) makes sure ``n_buckets / span`` is finite and non-zero, so
    every bucket index is a number in ``[0, n_buckets - 1]``.
    """
    n = values.shape[0]
    n_buckets = max(1, n // 4)
    scale = n_buckets / np.float64(span)
    starts = np.zeros(n_buckets + 1, np.int64)
    for i in range(n):  # 1. how many values per bucket (bucket k counted at k + 1)
        k = min(np.int64((values[i] - lo) * scale), n_buckets - 1)
        starts[k + 1] += 1
    for k in range(n_buckets):  # 2. bucket k occupies grouped[starts[k]:starts[k + 1]]
        starts[k + 1] += starts[k]
    grouped = np.empty(n, values.dtype)
    fill = starts[:-1].copy()
    for i in range(n):  # 3. place every value in its bucket
        v = values[i] - lo
        k = min(np.int64(v * scale), n_buckets - 1)
        grouped[fill[k]] = v
        fill[k] += 1
    best = span  # 4. the gaps (no gap exceeds the whole span)
    previous_max = span
    seen = False
    for k in range(n_buckets):
        bucket = grouped[starts[k] : starts[k + 1]]
        if bucket.shape[0] == 0:
            continue
        low = bucket.min()
        high = bucket.max()
        if seen:
            best = min(best, low - previous_max)
        seen = True
        previous_max = high
        if low != high:  # several distinct values inside: sort this bucket only
            if bucket.shape[0] <= 16:
                _insertion_sort(bucket)  # (a few values: no call into a general sort)
            else:
                bucket.sort()
            for j in range(1, bucket.shape[0]):
                gap = bucket[j] - bucket[j - 1]
                if gap > 0 and gap < best:
                    best = gap
    return best


def _li_smallest_gap(flat, lo, span):
    """The smallest gap between distinct values of ``flat - lo``: by buckets where they work.

    The bucket index ``(v - lo) * n_buckets / span`` needs a finite, non-zero scale: a span
    that overflows (``max - min`` of values near +-1.8e308 is inf) gives a scale of 0 and
    ``inf * 0 = nan``; a subnormal span (values near 5e-324) a scale of inf and ``0 * inf =
    nan``, and a NaN index reads outside the buckets.  Those ranges are sorted instead, as
    the reference does (``np.diff(np.unique(image - lo))``, the differences in the values'
    precision, so an overflowed gap is inf there too).
    """
    n_buckets = max(1, flat.size // 4)
    with np.errstate(over="ignore", divide="ignore"):
        scale = n_buckets / np.float64(span)
    if np.isfinite(span) and np.isfinite(scale) and scale > 0:
        return _smallest_gap(flat, lo, span)
    with np.errstate(over="ignore", invalid="ignore"):
        shifted = flat - lo
        return np.min(np.diff(np.unique(shifted)))


def _li_float_values(image):
    """The reference's clean-up of a float image: ``(values, lo, hi)`` or ``(None, answer, None)``.

    ``values`` holds the finite pixels, ``lo`` and ``hi`` their extremes; the shifted image is
    ``values - lo``.  The common case (no NaN, no infinity) needs one min/max pass and no
    copy; otherwise the reference's steps run in NumPy (drop NaN; a constant image answers
    its value; drop infinities; nothing left means only -inf and +inf: 0).
    """
    flat = np.ascontiguousarray(image).reshape(-1)
    if flat.size == 0:
        return None, np.nan, None
    lo, hi, has_nan = image_minmax(flat)
    if not has_nan and np.isfinite(lo) and np.isfinite(hi):
        if lo == hi:
            return None, flat[0], None
        return flat, lo, hi
    values = flat[~np.isnan(flat)]
    if values.size == 0:
        return None, np.nan, None
    if np.all(values == values.flat[0]):
        return None, values.flat[0], None
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None, 0.0, None
    return values, np.min(values), np.max(values)


def _li_integer_histogram(flat):
    """Counts and centres of the shifted integer image ``flat - flat.min()`` and the minimum.

    One counting pass over the image; the shift only renumbers the bins — unless the
    difference overflows a signed dtype, where the reference's ``image -= image_min`` wraps
    around: then the wrapped image is counted, as it is.
    """
    counts, centers = histogram(flat, source_range="image")
    image_min = flat.dtype.type(centers[0])
    if int(centers[-1]) - int(centers[0]) <= np.iinfo(flat.dtype).max:
        return counts, centers - centers[0], image_min
    counts, centers = histogram(flat - image_min, source_range="image")
    return counts, centers, image_min


def threshold_li(image, *, tolerance=None, initial_guess=None, iter_callback=None):
    """Compute threshold value by Li's iterative Minimum Cross Entropy method.

    Starting from ``t`` = the mean (or ``initial_guess``), repeat
    ``t <- (mb - mf) / (log(mb) - log(mf))`` with ``mb`` / ``mf`` the mean of the pixels
    ``<= t`` / ``> t`` (after shifting the image so that its minimum is 0), until ``t``
    moves by less than ``tolerance``.  Integer images use the histogram for the class means
    (exact); float images one fused pass over the pixels per iteration, and the default
    tolerance (half the smallest gap between distinct values) comes from a bucket sort,
    ``O(N)``, where the reference sorts the whole image.  float16 images follow the
    reference's NumPy steps literally: it iterates in float16 (Numba has no float16).

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.
    tolerance : float, optional
        Finish the computation when the change in the threshold in an iteration is less
        than this value. By default, this is half the smallest difference between intensity
        values in ``image``.
    initial_guess : float or Callable[[array[float]], float], optional
        Li's iterative method uses gradient descent to find the optimal threshold. If the
        image intensity histogram contains more than two modes (peaks), the gradient descent
        could get stuck in a local optimum. An initial guess for the iteration can help the
        algorithm find the globally-optimal threshold. A float value defines a specific
        start point, while a callable should take in an array of image intensities and
        return a float value. Example valid callables include ``numpy.mean`` (default),
        ``lambda arr: numpy.quantile(arr, 0.95)``, or even
        :func:`skimage.filters.threshold_otsu`.
    iter_callback : Callable[[float], Any], optional
        A function that will be called on the threshold at every iteration of the
        algorithm.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.

    See Also
    --------
    skimage.filters.threshold_li : the reference.

    References
    ----------
    .. [1] Li C.H. and Lee C.K. (1993) "Minimum Cross Entropy Thresholding" Pattern
           Recognition, 26(4): 617-625  DOI:10.1016/0031-3203(93)90115-D
    .. [2] Li C.H. and Tam P.K.S. (1998) "An Iterative Algorithm for Minimum Cross Entropy
           Thresholding" Pattern Recognition Letters, 18(8): 771-776
           DOI:10.1016/S0167-8655(98)00057-9

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[10, 10, 12], [200, 210, 205]], np.uint8)
    >>> round(float(threshold_li(image)), 3)
    44.223
    """
    _check_li_tolerance(tolerance)
    if isinstance(image, np.ndarray):
        image = native_byte_order(image)
    fast_float = isinstance(image, np.ndarray) and image.dtype in (np.float32, np.float64)
    if isinstance(image, np.ndarray) and image.dtype.kind in "iu" and image.size:
        return _li_integer(image, tolerance, initial_guess, iter_callback)
    if isinstance(image, np.ndarray) and image.dtype == np.float16:
        return _li_float16(image, tolerance, initial_guess, iter_callback)
    if fast_float:
        values, image_min, image_max = _li_float_values(image)
        if values is None:
            return image_min  # the early answer
    else:  # bool, lists: the reference's first steps, literally (bool: its TypeError)
        early, values, image_min = _li_reference_start(image)
        if values is None:
            return early
        values = values.astype(np.float64)
        image_max = np.max(values)
    dtype = values.dtype.type
    lo = dtype(image_min) if fast_float else dtype(0)  # the shift still to apply to `values`
    span = dtype(dtype(image_max) - lo)  # the largest shifted value
    flat = np.ascontiguousarray(values).reshape(-1)
    chunks = min(16, flat.size)
    if not tolerance:
        if span == 0:  # a single finite value: no gap (the reference's np.min of nothing)
            raise ValueError(
                "`image` has a single finite value (besides infinities): there is no gap "
                "between values for the default tolerance; pass `tolerance`"
            )
        tolerance = dtype(_li_smallest_gap(flat, lo, span)) / 2

    if initial_guess is None:
        total = _two_class_sums.sized(flat.size)(flat, lo, np.inf, chunks).sum(axis=0)[2]
        t_next = _mean_in(dtype, total, flat.size)  # the mean of the shifted image
    elif callable(initial_guess):
        t_next = initial_guess(flat - lo)
    else:
        t_next = dtype(_li_shifted_guess(initial_guess, image_min, span))

    def class_means(threshold):  # one fused pass over the pixels
        s_fore, n_fore, s_back, n_back = _two_class_sums.sized(flat.size)(flat, lo, threshold, chunks).sum(axis=0)
        return (_mean_in(dtype, s_fore, n_fore) if n_fore else dtype(np.nan),
                _mean_in(dtype, s_back, n_back) if n_back else dtype(np.nan))

    return _li_iterate(t_next, tolerance, image_min, iter_callback, class_means)


def _mean_in(dtype, total, count):
    """``total / count`` as the reference's ``np.mean`` gives it in the image's precision.

    NumPy sums a float32 image in float32: a sum beyond float32's range is inf (so is the
    mean), where our float64 sum is finite.  The shifted pixels are all >= 0, so the partial
    sums never exceed the total: the float32 sum overflows exactly when the total, rounded to
    float32, does.  Dividing the rounded sum by the count in float64 and rounding once more
    gives the float32 quotient's bits (float64 has room enough for one float32 division).
    """
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        return dtype(dtype(total) / count)


def _check_li_tolerance(tolerance):
    """A negative tolerance never stops the iteration (the reference then loops for ever).

    ``None`` and ``0`` both mean the default, as in the reference (``tolerance or ...``); so
    does an empty tuple or list (also falsy there).  A longer sequence is the reference's
    NumPy ValueError (an ambiguous truth value, or shapes that do not broadcast).
    """
    if tolerance is None:
        return
    if isinstance(tolerance, (tuple, list)) or (isinstance(tolerance, np.ndarray) and tolerance.ndim):
        if isinstance(tolerance, (tuple, list)) and len(tolerance) == 0:
            return
        raise ValueError(f"`tolerance` must be a single number, got {tolerance!r}")
    try:
        value = float(tolerance)
    except (TypeError, ValueError):
        raise TypeError(f"`tolerance` must be a real number, got {tolerance!r}") from None
    if value < 0:
        raise ValueError(
            f"`tolerance` must be positive (or 0 / None for the default), got {tolerance!r}: "
            f"the iteration would never stop"
        )


def _li_iterate(t_next, tolerance, image_min, iter_callback, class_means, cycles_possible=False):
    """Li's iteration on the shifted image, from ``t_next``: the next threshold is
    ``(m_back - m_fore) / (log m_back - log m_fore)`` of the class means
    ``class_means(t) = (m_fore, m_back)`` at the current one, until it moves by no more than
    ``tolerance``.  Returns the last threshold, shifted back by ``image_min``.

    With ``cycles_possible`` (float16, where rounding can make it cycle between values
    farther apart than the tolerance, and the reference then never returns), a threshold
    that comes back raises RuntimeError: the next one depends on it alone.
    """
    t_curr = -2 * tolerance
    if iter_callback is not None:
        iter_callback(t_next + image_min)
    seen = set()
    while abs(t_next - t_curr) > tolerance:
        if cycles_possible:
            if float(t_next) in seen:
                raise RuntimeError(
                    f"threshold_li does not converge on this float16 image: the iteration cycles "
                    f"through {sorted(seen)} (more than tolerance={float(tolerance)} apart); pass a "
                    f"larger `tolerance`, or the image as float32"
                )
            seen.add(float(t_next))
        t_curr = t_next
        mean_fore, mean_back = class_means(t_curr)
        if mean_back == 0:
            break
        t_next = (mean_back - mean_fore) / (np.log(mean_back) - np.log(mean_fore))
        if iter_callback is not None:
            iter_callback(t_next + image_min)
    return t_next + image_min


def _li_reference_start(image):
    """The reference's first steps of Li on an image we do not take the fast paths for:
    ``(early answer, None, None)`` for an all-NaN, single-valued or only-infinite image, else
    ``(None, values, image_min)``: the finite values minus their minimum (a bool image
    raises the reference's TypeError in that subtraction)."""
    values = image[~np.isnan(image)]
    if values.size == 0:
        return np.nan, None, None
    if np.all(values == values.flat[0]):  # a single value (also a single infinity)
        return values.flat[0], None, None
    values = values[np.isfinite(values)]
    if values.size == 0:  # only -inf and +inf
        return 0.0, None, None
    image_min = np.min(values)
    return None, values - image_min, image_min


def _li_float16(image, tolerance, initial_guess, iter_callback):
    """Li on a float16 image: the reference's NumPy steps, literally.

    NumPy iterates in the image's float16 precision (the shifted image, its class means, the
    logarithms and every threshold are float16), and Numba has no float16; emulating its
    roundings in float32 would be fragile, and float16 images are rare.  So here the
    iteration is the reference's own, and so is the float16 threshold it returns.  One
    difference: in float16 the iteration can cycle between thresholds farther apart than the
    tolerance, and the reference then loops for ever; we raise RuntimeError.
    """
    early, image, image_min = _li_reference_start(image)
    if image is None:
        return early
    tolerance = tolerance or np.min(np.diff(np.unique(image))) / 2
    if initial_guess is None:
        t_next = np.mean(image)
    elif callable(initial_guess):
        t_next = initial_guess(image)
    else:
        t_next = image.dtype.type(_li_shifted_guess(initial_guess, image_min, np.max(image)))

    def class_means(threshold):
        foreground = image > threshold
        return np.mean(image[foreground]), np.mean(image[~foreground])

    return _li_iterate(t_next, tolerance, image_min, iter_callback, class_means, cycles_possible=True)


def _li_shifted_guess(initial_guess, image_min, span):
    """A number given as Li's initial guess, on the shifted image (minimum 0, maximum
    ``span``); the reference's errors for a guess outside the range or of another type."""
    if not np.isscalar(initial_guess):
        raise TypeError(
            "Incorrect type for `initial_guess`; should be a floating point value, or a "
            "function mapping an array to a floating point value."
        )
    guess = initial_guess - float(image_min)
    if not 0 < guess < span:
        raise ValueError(
            f"The initial guess for threshold_li must be within the range of the image. "
            f"Got {initial_guess} for image min {image_min} and max {span + image_min}."
        )
    return guess


def _li_integer(image, tolerance, initial_guess, iter_callback):
    """Li on an integer image: the class means come from the histogram of the shifted image.

    Everything here is exact (integer sums, float32 counts as the reference has them), so
    the threshold is the reference's to the last bit.
    """
    flat = np.ascontiguousarray(image).reshape(-1)
    hist, bin_centers, image_min = _li_integer_histogram(flat)
    if bin_centers.size == 1:  # a single value
        return flat[0]
    tolerance = tolerance or 0.5
    image_max = bin_centers[-1]  # of the shifted image
    if initial_guess is None:
        total = int(np.dot(hist, bin_centers))
        if total < 2**53:  # the float64 sum NumPy's mean takes is exact: same number
            t_next = np.float64(total) / np.float64(flat.size)
        else:
            t_next = np.mean(flat - image_min)
    elif callable(initial_guess):
        t_next = initial_guess(flat - image_min)
    else:
        t_next = flat.dtype.type(_li_shifted_guess(initial_guess, image_min, image_max))
    hist = hist.astype("float32", copy=False)

    def class_means(threshold):  # from the histogram
        foreground = bin_centers > threshold
        background = ~foreground
        return (np.average(bin_centers[foreground], weights=hist[foreground]),
                np.average(bin_centers[background], weights=hist[background]))

    return _li_iterate(t_next, tolerance, image_min, iter_callback, class_means)


# --- Yen -------------------------------------------------------------------------------------


def threshold_yen(image=None, nbins=256, *, hist=None):
    """Return threshold value based on Yen's method.

    Either image or hist must be provided. In case hist is given, the actual histogram of
    the image is ignored.  With ``p`` the probabilities of the bins, ``P1`` their running
    sum and ``Q1`` / ``Q2`` the sums of ``p**2`` below / above, the threshold maximises
    ``log(P1 (1 - P1))**2 / (Q1 Q2))``.  ``O(N + nbins)``.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.
    nbins : int, optional
        Number of bins used to calculate histogram. This value is ignored for integer arrays.
    hist : array, or 2-tuple of arrays, optional
        Histogram from which to determine the threshold, and optionally a corresponding
        array of bin center intensities.

    Returns
    -------
    threshold : float
        Upper threshold value. All pixels with an intensity higher than this value are
        assumed to be foreground.

    See Also
    --------
    skimage.filters.threshold_yen : the reference.

    References
    ----------
    .. [1] Yen J.C., Chang F.J., and Chang S. (1995) "A New Criterion for Automatic
           Multilevel Thresholding" IEEE Trans. on Image Processing, 4(3): 370-378.
           DOI:10.1109/83.366472

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([[10, 10, 12], [200, 210, 205]], np.uint8)
    >>> int(threshold_yen(image))
    12
    """
    counts, bin_centers = _validate_image_histogram(image, hist, nbins)
    if bin_centers.size == 1:
        return bin_centers[0]
    pmf = counts.astype("float32", copy=False) / counts.sum()
    P1 = np.cumsum(pmf)
    P1_sq = np.cumsum(pmf**2)
    P2_sq = np.cumsum(pmf[::-1] ** 2)[::-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        crit = np.log(((P1_sq[:-1] * P2_sq[1:]) ** -1) * (P1[:-1] * (1.0 - P1[:-1])) ** 2)
    return bin_centers[crit.argmax()]


# --- multi-Otsu ------------------------------------------------------------------------------


@jit
def _moments(prob):
    """Running sums ``P[i] = p[0] + ... + p[i]`` and ``S[i] = sum k * p[k]`` in float32
    (with ``S[0] = p[0]``, as the reference's table)."""
    nbins = prob.shape[0]
    zeroth = np.empty(nbins, np.float32)
    first = np.empty(nbins, np.float32)
    zeroth[0] = prob[0]
    first[0] = prob[0]
    for i in range(1, nbins):
        zeroth[i] = zeroth[i - 1] + prob[i]
        first[i] = first[i - 1] + np.float32(i) * prob[i]
    return zeroth, first


@jit
def _interval_term(zeroth, first, i, j):
    """Liao's ``H[i, j] = S(i..j)**2 / P(i..j)`` for the bins ``i..j`` (0 for an empty
    interval; ``H[0, 0]`` is 0, as in the reference's look-up table)."""
    if i == 0:
        if j > 0 and zeroth[j] > 0:
            return (first[j] * first[j]) / zeroth[j]
        return np.float32(0.0)
    z = zeroth[j] - zeroth[i - 1]
    if z > 0:
        f = first[j] - first[i - 1]
        return (f * f) / z
    return np.float32(0.0)


@jit
def _multiotsu_search(zeroth, first, thresh_count):
    """Brute-force search over all increasing index tuples (lexicographic order, the first
    maximum wins): sigma = H[0, t0] + H[t_last+1, nbins-1] + H[t0+1, t1] + ...

    Each ``H`` is computed on the fly from the running sums (the same float32 value the
    reference's table holds), so memory stays ``O(nbins)``.
    """
    nbins = zeroth.shape[0]
    current = np.empty(thresh_count, np.int64)
    best = np.zeros(thresh_count, np.int64)
    sigma_max = np.float32(0.0)
    if nbins - thresh_count <= 0:
        return best
    for k in range(thresh_count):  # odometer over t0 < t1 < ..., t_k < nbins - count + k
        current[k] = k
    while True:
        sigma = _interval_term(zeroth, first, 0, current[0]) + _interval_term(
            zeroth, first, current[thresh_count - 1] + 1, nbins - 1)
        for k in range(thresh_count - 1):
            sigma += _interval_term(zeroth, first, current[k] + 1, current[k + 1])
        if sigma > sigma_max:
            sigma_max = sigma
            best[:] = current
        k = thresh_count - 1  # the next combination
        while k >= 0 and current[k] == nbins - thresh_count + k - 1:
            k -= 1
        if k < 0:
            break
        current[k] += 1
        for m in range(k + 1, thresh_count):
            current[m] = current[m - 1] + 1
    return best


@jit
def _sigma_pairs(zeroth, first):
    """The 3-class criterion for every pair ``t0 < t1`` (NaN elsewhere) — for the insides."""
    n = zeroth.shape[0]
    sigma = np.full((n, n), np.nan, np.float32)
    for t0 in range(0, n - 2):
        for t1 in range(t0 + 1, n - 1):
            s = _interval_term(zeroth, first, 0, t0) + _interval_term(zeroth, first, t1 + 1, n - 1)
            s += _interval_term(zeroth, first, t0 + 1, t1)
            sigma[t0, t1] = s
    return sigma


def threshold_multiotsu(image=None, classes=3, nbins=256, *, hist=None):
    r"""Generate `classes`-1 threshold values to divide gray levels in `image`, following
    Otsu's method for multiple classes.

    The threshold values are chosen to maximize the total sum of pairwise variances between
    the thresholded graylevel classes. See Notes and [1]_ for more details.

    Either image or hist must be provided. If hist is provided, the actual histogram of the
    image is ignored.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray, optional
        Grayscale input image.
    classes : int, optional
        Number of classes to be thresholded, i.e. the number of resulting regions.
    nbins : int, optional
        Number of bins used to calculate the histogram. This value is ignored for integer
        arrays.
    hist : array, or 2-tuple of arrays, optional
        Histogram from which to determine the threshold, and optionally a corresponding
        array of bin center intensities. If no hist provided, this function will compute it
        from the image (see notes).

    Returns
    -------
    thresh : array
        Array containing the threshold values for the desired classes.

    Raises
    ------
    ValueError
         If ``image`` contains less grayscale value then the desired number of classes.

    Notes
    -----
    This implementation relies on a Cython function whose complexity is
    :math:`O\left(\frac{Ch^{C-1}}{(C-1)!}\right)`, where :math:`h` is the number of
    histogram bins and :math:`C` is the number of classes desired.  scratch computes Liao's
    term ``S**2 / P`` of every interval from two running sums (``O(h)`` memory) and
    searches all combinations with an odometer loop.

    See Also
    --------
    skimage.filters.threshold_multiotsu : the reference.
    scratch.filters.multiotsu_insides : the criterion over every pair of thresholds.

    References
    ----------
    .. [1] Liao, P-S., Chen, T-S. and Chung, P-C., "A fast algorithm for multilevel
           thresholding", Journal of Information Science and Engineering 17 (5): 713-727,
           2001. :DOI:`10.6688/JISE.2001.17.5.1`
    .. [2] Tosa, Y., "Multi-Otsu Threshold", a java plugin for ImageJ.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.array([10, 11, 12, 100, 101, 102, 200, 201, 202], np.uint8)
    >>> threshold_multiotsu(image)
    array([ 12, 102])
    """
    # classes=1 would search over zero thresholds (the reference's kernel then reads an
    # empty array and the process dies); a float count is its TypeError
    classes = check_int(classes, "classes", minimum=2)
    _warn_if_rgb(image, "threshold_multiotsu")
    _check_not_empty(image)
    if hist is None and isinstance(nbins, (tuple, list)) and np.asarray(image).dtype.kind not in "iu":
        # (the reference: NumPy bins a float image into the given edges, too few to hold a
        # value, and it stops at "only 0 different values")
        raise ValueError(f"`nbins` must be a number of bins, got {nbins!r}")
    prob, bin_centers = _validate_image_histogram(image, hist, nbins, normalize=True)
    prob = prob.astype("float32", copy=False)
    nvalues = np.count_nonzero(prob)
    if nvalues < classes:
        raise ValueError(
            f"After discretization into bins, the input image has only {nvalues} different "
            f"values. It cannot be thresholded in {classes} classes. If there are more "
            f"unique values before discretization, try increasing the number of bins "
            f"(`nbins`)."
        )
    elif nvalues == classes:
        thresh_idx = np.flatnonzero(prob)[:-1]
    else:
        _check_multiotsu_search_size(prob.size, classes)
        zeroth, first = _moments(np.ascontiguousarray(prob))
        thresh_idx = _multiotsu_search(zeroth, first, classes - 1)
    return bin_centers[thresh_idx]


#: The most threshold combinations :func:`threshold_multiotsu` tries.  At about 10 ns a
#: combination this is a minute or two: ``classes=6`` on 256 bins (8.7e9) still runs,
#: ``classes=7`` (3.6e11, an hour) or ``classes=100`` (the reference runs for ever) do not.
MULTIOTSU_MAX_COMBINATIONS = 10**10


def _check_multiotsu_search_size(nbins, classes):
    """Refuse a brute-force search that cannot finish: ``C(nbins - 1, classes - 1)``
    increasing tuples of thresholds (each one below the last bin)."""
    combinations = math.comb(nbins - 1, classes - 1)
    if combinations > MULTIOTSU_MAX_COMBINATIONS:
        raise ValueError(
            f"threshold_multiotsu with classes={classes} on a histogram of {nbins} bins would "
            f"try C({nbins - 1}, {classes - 1}) = {combinations:.3g} combinations of thresholds "
            f"(the limit is {MULTIOTSU_MAX_COMBINATIONS:.0e}, a minute or two); use fewer "
            f"`classes`, or fewer bins (`nbins`, or a coarser `hist`)"
        )


# --- local -----------------------------------------------------------------------------------


@parallel_jit
def _median_windows(padded_flat, starts, offsets, out, rank):
    """``out[i]`` = the ``rank``-th smallest of the window at ``starts[i] + offsets``."""
    m = offsets.shape[0]
    for i in prange(starts.shape[0]):
        window = np.empty(m, padded_flat.dtype)
        base = starts[i]
        for k in range(m):
            window[k] = padded_flat[base + offsets[k]]
        window.sort()
        out[i] = window[rank]


def _window_geometry(shape, block_size, mode, cval, image):
    """Padded image (by the ndimage boundary modes) and the flat offsets of the window."""
    from ..ndimage._boundary import pad

    before = [b // 2 for b in block_size]
    after = [b - 1 - b // 2 for b in block_size]
    padded = pad(image, before, after, mode, cval)
    strides = np.array([int(np.prod(padded.shape[d + 1:])) for d in range(image.ndim)], np.int64)
    grids = np.indices(block_size).reshape(image.ndim, -1)
    offsets = (grids * strides[:, None]).sum(axis=0).astype(np.int64)
    outs = np.indices(shape).reshape(image.ndim, -1)
    starts = (outs * strides[:, None]).sum(axis=0).astype(np.int64)
    return padded.reshape(-1), starts, offsets


def threshold_local(image, block_size=3, method="gaussian", offset=0, mode="reflect",
                    param=None, cval=0):
    """Compute a threshold mask image based on local pixel neighborhood.

    Also known as adaptive or dynamic thresholding. The threshold value is the weighted mean
    for the local neighborhood of a pixel subtracted by a constant. Alternatively the
    threshold can be determined dynamically by a given function, using the 'generic' method.
    The neighbourhood statistics reuse :mod:`scratch.ndimage` (mean:
    ``uniform_filter``; gaussian: :func:`scratch.filters.gaussian` with
    ``sigma = (block_size - 1) / 6``) and its boundary modes; the median and the generic
    function run over the windows of the padded image.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Grayscale input image.
    block_size : int or sequence of int
        Odd size of pixel neighborhood which is used to calculate the threshold value
        (e.g. 3, 5, 7, ..., 21, ...).
    method : {'generic', 'gaussian', 'mean', 'median'}, optional
        Method used to determine adaptive threshold for local neighborhood in weighted mean
        image.

        * 'generic': use custom function (see ``param`` parameter)
        * 'gaussian': apply gaussian filter (see ``param`` parameter for custom sigma value)
        * 'mean': apply arithmetic mean filter
        * 'median': apply median rank filter

        By default, the 'gaussian' method is used.
    offset : float, optional
        Constant subtracted from weighted mean of neighborhood to calculate the local
        threshold value. Default offset is 0.
    mode : {'reflect', 'constant', 'nearest', 'mirror', 'wrap'}, optional
        The mode parameter determines how the array borders are handled, where cval is the
        value when mode is equal to 'constant'. Default is 'reflect'.
    param : {int, function}, optional
        Either specify sigma for 'gaussian' method or function object for 'generic' method.
        This functions takes the flat array of local neighborhood as a single argument and
        returns the calculated threshold for the centre pixel.
    cval : float, optional
        Value to fill past edges of input if mode is 'constant'.

    Returns
    -------
    threshold : (M, N[, ...]) ndarray
        Threshold image. All pixels in the input image higher than the corresponding pixel
        in the threshold image are considered foreground.

    See Also
    --------
    skimage.filters.threshold_local : the reference.

    References
    ----------
    .. [1] Gonzalez, R. C. and Wood, R. E. "Digital Image Processing (2nd Edition)."
           Prentice-Hall Inc., 2002: 600--612.

    Examples
    --------
    >>> import numpy as np
    >>> image = np.arange(25, dtype=float).reshape(5, 5)
    >>> threshold_local(image, 3, method='mean')[2, 2]
    np.float64(12.0)
    """
    image = as_array(image, "image")
    if np.isscalar(block_size):
        block_size = (block_size,) * image.ndim
    elif len(block_size) != image.ndim:
        raise ValueError("len(block_size) must equal image.ndim.")
    block_size = tuple(block_size)
    if any(b % 2 == 0 for b in block_size):
        raise ValueError(
            f"block_size must be odd! Given block_size {block_size} contains even values."
        )
    float_dtype = supported_float_dtype(image.dtype)
    image = image.astype(float_dtype, copy=False)
    thresh_image = np.zeros(image.shape, dtype=float_dtype)
    if method == "generic":
        if not callable(param):  # (the reference's own check, with its ValueError)
            raise ValueError(f"invalid callable given: method='generic' needs a function as `param`, got {param!r}")
        if image.ndim == 0:  # (the block is the pixel itself, as for the median)
            thresh_image[...] = param(image.astype(np.float64).reshape(1))
        else:
            padded, starts, offsets = _window_geometry(image.shape, block_size, mode, cval,
                                                       image.astype(np.float64))
            flat_out = thresh_image.reshape(-1)
            for i in range(starts.size):
                flat_out[i] = param(padded[starts[i] + offsets])
    elif method == "gaussian":
        from ._gaussian import gaussian

        sigma = tuple((b - 1) / 6.0 for b in block_size) if param is None else param
        gaussian(image, sigma=sigma, out=thresh_image, mode=mode, cval=cval)
    elif method == "mean":
        from ..ndimage import uniform_filter

        uniform_filter(image, block_size, output=thresh_image, mode=mode, cval=cval)
    elif method == "median" and image.ndim == 0:
        # (a 0-d image: the block is the pixel itself, whatever block_size, mode or cval;
        # SciPy's median_filter with size () copies it)
        thresh_image[...] = image
    elif method == "median":
        padded, starts, offsets = _window_geometry(image.shape, block_size, mode, cval, image)
        flat_out = thresh_image.reshape(-1)
        _median_windows.sized(starts.size * offsets.size)(padded, starts, offsets, flat_out, offsets.size // 2)
    else:
        raise ValueError(
            "Invalid method specified. Please use `generic`, `gaussian`, `mean`, or `median`."
        )
    return thresh_image - offset
