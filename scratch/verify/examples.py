"""Candidates to try ``verify`` on: a plain-Python Otsu written from the textbook, and the same
with the classic mistake.

::

    python -m scratch verify scratch.verify.examples:threshold_otsu --as threshold_otsu
    python -m scratch verify scratch.verify.examples:otsu_bin_edges --as threshold_otsu

Otsu's method (N. Otsu, 1979) picks the threshold ``t`` that maximises the between-class
variance ``w0(t) w1(t) (m0(t) - m1(t))²`` of the histogram, where ``w`` are the class weights
(pixel counts) and ``m`` the class means, with each bin standing for its *centre*.  Integer
images get one bin per integer value (as scikit-image does), float images ``nbins`` equal
bins between the minimum and the maximum.  Everything is a plain loop: this is the kind of
function a student writes, and it runs verify's ``quick`` level in seconds.
"""

import numpy as np

__all__ = ["threshold_otsu", "otsu_bin_edges"]


def _histogram(image, nbins):
    """(counts, centres) the way scikit-image's histogram makes them, in loops."""
    values = np.asarray(image).ravel()
    if values.size == 0:
        raise ValueError("image must not be empty")
    if values.dtype.kind == "c":
        raise ValueError("a complex image has no order to threshold")
    if nbins < 1:
        raise ValueError(f"nbins must be positive, got {nbins}")
    lo, hi = values.min(), values.max()
    if values.dtype.kind in "iu":  # one bin per integer value
        centres = np.arange(int(lo), int(hi) + 1)
        counts = [0] * len(centres)
        for v in values:
            counts[int(v) - int(lo)] += 1
        return np.array(counts), centres
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise ValueError(f"autodetected range of [{lo}, {hi}] is not finite")
    lo, hi = float(lo), float(hi)
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    # the edges in the image's float type (float32 stays float32, as in numpy's histogram)
    edges = np.linspace(lo, hi, nbins + 1, dtype=np.result_type(values.dtype, np.float32))
    counts = [0] * nbins
    scale = nbins / (hi - lo)
    for v in values:
        i = min(int((float(v) - lo) * scale), nbins - 1)
        if v < edges[i]:                      # numpy's correction of the rounded index
            i -= 1
        elif i != nbins - 1 and v >= edges[i + 1]:
            i += 1
        counts[i] += 1
    centres = (edges[:-1] + edges[1:]) / 2
    return np.array(counts), centres


def threshold_otsu(image=None, nbins=256, *, hist=None):
    """Otsu's threshold, from the textbook: histogram, class weights and means, variance, argmax."""
    if image is not None:
        image = np.asarray(image)
        if image.size and np.all(image == image.reshape(-1)[0]):
            return image.reshape(-1)[0]
    if hist is not None:
        counts, centres = hist if isinstance(hist, tuple) else (hist, np.arange(len(hist)))
        counts, centres = np.asarray(counts), np.asarray(centres)
    elif image is None:
        raise Exception("Either image or hist must be provided.")
    else:
        counts, centres = _histogram(image, nbins)
    counts = counts.astype(np.float64)
    n = len(counts)
    # class weights and (cumulative) sums from the left and from the right
    w0, s0 = np.zeros(n), np.zeros(n)
    acc_w = acc_s = 0.0
    for i in range(n):
        acc_w += counts[i]
        acc_s += counts[i] * centres[i]
        w0[i], s0[i] = acc_w, acc_s
    w1, s1 = np.zeros(n), np.zeros(n)
    acc_w = acc_s = 0.0
    for i in range(n - 1, -1, -1):
        acc_w += counts[i]
        acc_s += counts[i] * centres[i]
        w1[i], s1[i] = acc_w, acc_s
    best, best_i = -np.inf, 0
    with np.errstate(invalid="ignore", divide="ignore"):
        for i in range(n - 1):
            m0 = s0[i] / w0[i]
            m1 = s1[i + 1] / w1[i + 1]
            variance = w0[i] * w1[i + 1] * (m0 - m1) ** 2
            if variance != variance:  # 0/0 for an empty class: argmax stops at the first NaN
                best_i = i
                break
            if variance > best:  # the first maximum, as argmax
                best, best_i = variance, i
    return centres[best_i]


def otsu_bin_edges(image=None, nbins=256, *, hist=None):
    """The same, with the classic mistake: each bin stands for its left *edge*, not its centre."""
    t = threshold_otsu(image, nbins, hist=hist)
    if image is None or hist is not None:
        return t
    image = np.asarray(image)
    if image.dtype.kind in "iu" or image.size == 0 or np.all(image == image.reshape(-1)[0]):
        return t
    half_bin = (float(image.max()) - float(image.min())) / nbins / 2
    return type(t)(t - half_bin)
