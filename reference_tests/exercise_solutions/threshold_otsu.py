"""A student's solution of the threshold_otsu exercise, written in plain Python and NumPy.

The tests grade this file in the sandbox (no scratch, no skimage): it must score full marks.
Step 3 is compiled with numba.njit, as a student may do.
"""

import numpy as np
from numba import njit


def histogram(image, nbins=256):
    image = np.asarray(image).ravel()
    if image.size == 0 or image.dtype.kind == "b":  # bool and empty images: nbins bins over [0, 1]
        counts, edges = np.histogram(image.astype(np.uint8), bins=nbins, range=(0, 1))
        return counts, (edges[:-1] + edges[1:]) / 2.0
    if image.dtype.kind in "iu":  # one bin per integer value, from the minimum to the maximum
        lo, hi = int(image.min()), int(image.max())
        counts = np.zeros(hi - lo + 1, np.int64)
        for v in image:
            counts[int(v) - lo] += 1
        return counts, np.arange(lo, hi + 1)
    lo, hi = float(image.min()), float(image.max())
    counts, edges = np.histogram(image, bins=nbins, range=(lo, hi))
    return counts, (edges[:-1] + edges[1:]) / 2.0


def otsu_class_statistics(counts, bin_centers):
    n = len(counts)
    weight1, weight2 = np.zeros(n), np.zeros(n)
    mean1, mean2 = np.zeros(n), np.zeros(n)
    w = s = 0.0
    for b in range(n):  # left to right
        w += counts[b]
        s += counts[b] * bin_centers[b]
        weight1[b], mean1[b] = w, s / w if w else np.nan
    w = s = 0.0
    for b in range(n - 1, -1, -1):  # right to left
        w += counts[b]
        s += counts[b] * bin_centers[b]
        weight2[b], mean2[b] = w, s / w if w else np.nan
    return (np.cumsum(counts), np.cumsum(counts[::-1])[::-1],
            np.cumsum(counts * bin_centers) / np.cumsum(counts),
            (np.cumsum((counts * bin_centers)[::-1]) / np.cumsum(counts[::-1]))[::-1])


@njit(cache=False)
def _variance(w1, w2, m1, m2):
    out = np.empty(len(w1) - 1)
    for b in range(len(w1) - 1):
        out[b] = w1[b] * w2[b + 1] * (m1[b] - m2[b + 1]) ** 2
    return out


def otsu_variance(counts, bin_centers):
    w1, w2, m1, m2 = otsu_class_statistics(counts, bin_centers)
    return _variance(np.asarray(w1, np.float64), np.asarray(w2, np.float64),
                     np.asarray(m1, np.float64), np.asarray(m2, np.float64))


def threshold_otsu(image=None, nbins=256, *, hist=None):
    if hist is not None:
        counts, centers = hist if isinstance(hist, tuple) else (hist, np.arange(len(hist)))
        counts, centers = np.asarray(counts), np.asarray(centers)
        nonzero = np.nonzero(counts)[0]
        counts, centers = counts[nonzero[0]:nonzero[-1] + 1], centers[nonzero[0]:nonzero[-1] + 1]
    else:
        first = image.reshape(-1)[0]
        if np.all(image == first):
            return first
        counts, centers = histogram(image, nbins)
    counts = counts.astype(np.float32)
    return centers[np.argmax(otsu_variance(counts, centers))]
