"""Tour and benchmark helpers for histograms, intensity maps and thresholds.

Thresholds return a number (or a few), histograms a pair of arrays: the helpers here compare
those with the reference and turn them into pictures (the mask ``image > threshold``, the
histogram as a bar image).
"""

import numpy as np

from . import catalogue


def same_threshold(rtol=1e-7):
    """Thresholds: identical (value and dtype) or within ``rtol`` for float results."""

    def compare(ours, ref, args):
        ours_a, ref_a = np.asarray(ours), np.asarray(ref)
        if ours_a.shape != ref_a.shape:
            return catalogue.Agreement(False, f"shape {ours_a.shape} != {ref_a.shape}")
        note = "" if ours_a.dtype == ref_a.dtype else f" (dtype {ours_a.dtype} != {ref_a.dtype})"
        if np.array_equal(ours_a, ref_a):
            return catalogue.Agreement(not note, "identical" + note, 0.0)
        delta = float(np.max(np.abs(ours_a.astype(np.float64) - ref_a.astype(np.float64))))
        ok = ref_a.dtype.kind == "f" and bool(np.allclose(ours_a, ref_a, rtol=rtol, atol=0))
        return catalogue.Agreement(ok and not note, f"|Δ| {delta:.1e}" + note, delta)

    return compare


def same_histogram():
    """``(counts, centers)`` pairs: counts identical, centres identical or allclose."""

    def compare(ours, ref, args):
        (oc, ob), (rc, rb) = ours, ref
        if oc.shape != rc.shape or not np.array_equal(oc, rc):
            return catalogue.Agreement(False, "counts differ")
        if np.array_equal(ob, rb):
            return catalogue.Agreement(True, "identical", 0.0)
        ok = bool(np.allclose(ob, rb, rtol=1e-7, atol=1e-12))
        return catalogue.Agreement(ok, f"centres |Δ| {np.max(np.abs(ob - rb)):.1e}")

    return compare


def mask_picture(args, output):
    """A global threshold as the mask it makes: ``image > t`` (multi-Otsu: the class index)."""
    image = np.asarray(args[0])
    if image.ndim == 3:
        image = image[image.shape[0] // 2]
    t = np.asarray(output)
    if t.ndim == 0:
        return (image > t).astype(np.float64)
    return np.digitize(image, t).astype(np.float64)


def local_mask_picture(args, output):
    """A local threshold image as its mask ``image > threshold``."""
    return (np.asarray(args[0]) > np.asarray(output)).astype(np.float64)


def histogram_picture(args, output):
    """``(counts, centers)`` drawn as a bar image (log counts, 128 rows)."""
    counts = np.asarray(output[0], dtype=np.float64)
    if counts.ndim > 1:
        counts = counts.sum(axis=0)
    heights = np.log1p(counts)
    heights = heights / heights.max() if heights.max() > 0 else heights
    rows = 128
    level = np.arange(rows, 0, -1)[:, None] / rows
    return (level <= heights[None, :]).astype(np.float64)


def cv_equalize_hist(image):
    """``cv2.equalizeHist`` (uint8 only) — timing only: it maps to [0, 255], not [0, 1]."""
    if image.dtype != np.uint8:
        raise catalogue.NotApplicable("cv2.equalizeHist takes uint8 images only")
    return catalogue._cv2().equalizeHist(image)


def cv_clahe(image):
    """``cv2.createCLAHE(...).apply``, 8 x 8 tiles (uint8 / uint16) — timing only."""
    if image.dtype not in (np.uint8, np.uint16):
        raise catalogue.NotApplicable("OpenCV's CLAHE takes uint8/uint16 images only")
    return catalogue._cv2().createCLAHE(clipLimit=2.0, tileGridSize=(8, 8)).apply(image)


def cv_otsu(image):
    """``cv2.threshold(..., THRESH_OTSU)`` (uint8 only) — timing only."""
    if image.dtype != np.uint8:
        raise catalogue.NotApplicable("cv2 Otsu takes uint8 images only")
    cv2 = catalogue._cv2()
    return cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)[0]


def cv_triangle(image):
    """``cv2.threshold(..., THRESH_TRIANGLE)`` (uint8 only) — timing only."""
    if image.dtype != np.uint8:
        raise catalogue.NotApplicable("cv2 triangle takes uint8 images only")
    cv2 = catalogue._cv2()
    return cv2.threshold(image, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_TRIANGLE)[0]


def cv_adaptive_mean(block_size):
    """``cv2.adaptiveThreshold`` (mean, uint8 only) — timing only."""

    def run(image):
        if image.dtype != np.uint8:
            raise catalogue.NotApplicable("cv2.adaptiveThreshold takes uint8 images only")
        cv2 = catalogue._cv2()
        return cv2.adaptiveThreshold(image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY,
                                     block_size, 0)

    return run


def cv_lut(image):
    """``cv2.LUT`` with a gamma table (uint8 only) — timing only."""
    if image.dtype != np.uint8:
        raise catalogue.NotApplicable("cv2.LUT takes uint8 images only")
    lut = np.minimum(np.rint(255 * np.linspace(0, 1, 256) ** 0.5), 255).astype(np.uint8)
    return catalogue._cv2().LUT(image, lut)
