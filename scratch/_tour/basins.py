"""Tour and benchmark helpers for watershed, region properties, peaks and edges.

The inputs are nuclei-like scenes from :func:`scratch.data.nuclei`: the classic pipeline
"threshold -> distance transform -> one marker per nucleus -> watershed -> measure".  The
markers are prepared with SciPy here (the tour may import the references; the timed call is
only the watershed itself).  OpenCV counterparts are imported lazily, like the catalogue's.
"""

import numpy as np

from . import catalogue


def _nuclei(size, seed=0):
    from scratch import data

    n = max(4, int(30 * (size / 256) ** 2 * 0.8))
    return data.nuclei((size, size), n=n, seed=seed)


def nuclei_image():
    """Tour input: a 256 x 256 nuclei scene (uint16 counts)."""
    return _nuclei(256).image


def bench_nuclei(size, dtype):
    """Benchmark input: a ``size x size`` nuclei scene (the dtype is ignored: uint16 counts)."""
    return _nuclei(size, seed=1).image


def watershed_args(image):
    """``(-distance, markers, connectivity, offset, mask)``: the distance-transform watershed.

    The mask is the image above a mid-level threshold; markers are the maxima of the distance
    transform within 7 pixels, numbered in raster order.
    """
    from scipy import ndimage as ndi

    image = np.asarray(image, dtype=np.float64)
    mask = image > 0.5 * (image.min() + np.percentile(image, 99))
    distance = ndi.distance_transform_edt(mask)
    peaks = (distance == ndi.maximum_filter(distance, size=15)) & mask & (distance > 2)
    markers = ndi.label(peaks)[0]
    return (-distance, markers, 1, None, mask)


def labels_args(image):
    """``(labels, intensity)`` for region properties: the reference watershed of the scene."""
    from skimage.segmentation import watershed

    distance, markers, _, _, mask = watershed_args(image)
    return (watershed(distance, markers, mask=mask), np.asarray(image))


def labels_picture(args, output):
    """Labels shown as a float image."""
    return np.asarray(output, dtype=np.float64)


def table_picture(args, output):
    """Each region painted with its area (a regionprops_table column)."""
    labels = np.asarray(args[0])
    lut = np.zeros(int(labels.max()) + 1)
    lut[np.asarray(output["label"])] = np.asarray(output["area"])
    return lut[labels]


def same_table(rtol=1e-7, atol=1e-9):
    """regionprops_table outputs: same columns in the same order, dtypes and values."""

    def compare(ours, ref, args):
        if list(ours) != list(ref):
            return catalogue.Agreement(False, f"columns differ: {list(ours)[:4]}... vs {list(ref)[:4]}...")
        worst = 0.0
        for key in ref:
            a, b = np.asarray(ours[key]), np.asarray(ref[key])
            if a.dtype != b.dtype or a.shape != b.shape:
                return catalogue.Agreement(False, f"column {key}: {a.dtype}{a.shape} vs {b.dtype}{b.shape}")
            if not np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=True):
                return catalogue.Agreement(False, f"column {key} differs")
            if a.size:
                worst = max(worst, float(np.nanmax(np.abs(a.astype(float) - b.astype(float)))))
        return catalogue.Agreement(True, "identical" if worst == 0 else f"max |Δ| {worst:.1e}", worst)

    return compare


TABLE_PROPERTIES = ("label", "area", "bbox", "centroid", "eccentricity", "orientation", "axis_major_length",
                    "axis_minor_length", "intensity_mean", "intensity_max")


def cv_watershed(image, markers, connectivity, offset, mask):
    """``cv2.watershed`` (timing only: a different algorithm, 8-bit 3-channel input, lines)."""
    cv2 = catalogue._cv2()
    scaled = (image - image.min()) / max(float(np.ptp(image)), 1e-12) * 255
    rgb = np.repeat(scaled.astype(np.uint8)[..., None], 3, axis=-1)
    m = np.where(mask, markers, 0).astype(np.int32)
    return cv2.watershed(rgb, m)


def distance_args(image):
    """``(distance,)``: the distance transform of the thresholded scene (peaks = nuclei centres)."""
    from scipy import ndimage as ndi

    return (ndi.distance_transform_edt(watershed_args(image)[4]),)


def distance_labels_args(image):
    """``(distance, min_distance, threshold_abs, threshold_rel, exclude_border, num_peaks,
    footprint, labels)``: peaks of the distance transform searched in each labelled region."""
    (distance,) = distance_args(image)
    labels, _ = labels_args(image)
    return (distance, 7, None, None, True, np.inf, None, labels)


def peaks_picture(args, output):
    """The image with the peaks marked at twice its maximum."""
    picture = np.array(args[0], dtype=np.float64)
    picture[tuple(np.asarray(output).T)] = 2 * picture.max()
    return picture


def bench_camera(size, dtype):
    """Benchmark input for canny: the camera tiled to ``size x size`` (uint8 or float in [0, 1])."""
    return catalogue.bench_image(size, dtype)


def cv_canny(sigma, low, high):
    """``cv2.GaussianBlur`` + ``cv2.Canny`` (L2 gradient) on uint8 (timing only: other rules)."""

    def run(image):
        cv2 = catalogue._cv2()
        if image.dtype != np.uint8:
            raise catalogue.NotApplicable("cv2.Canny takes uint8 images")
        radius = int(4 * sigma + 0.5)
        blurred = cv2.GaussianBlur(image, (2 * radius + 1, 2 * radius + 1), sigma)
        return cv2.Canny(blurred, low, high, L2gradient=True)

    return run
