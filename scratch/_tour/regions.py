"""Tour and benchmark helpers for ``scratch.morphology``, ``scratch.measure.label`` and the EDT.

Footprints are built here with NumPy (the catalogue imports no algorithm at import time);
masks come from :mod:`scratch.data`; the OpenCV counterparts (timing only) are imported
lazily, like the catalogue's own.
"""

import numpy as np

from . import catalogue


def disk(radius):
    """The footprint of ``skimage.morphology.disk(radius)``: ``x² + y² <= radius²`` (uint8)."""
    steps = np.arange(-radius, radius + 1)
    return ((steps[:, None] ** 2 + steps[None, :] ** 2) <= radius**2).astype(np.uint8)


DISK5 = disk(5)
RECT15 = np.ones((15, 15), dtype=np.uint8)


# --- inputs ------------------------------------------------------------------------------------


def blob_mask():
    """Tour input: the thresholded synthetic blobs of :func:`scratch.data.blobs` (bool, 256 x 256)."""
    from scratch import data

    scene = data.blobs((256, 256), n=12, radius=14, seed=3)
    return scene.image > 0.5


def bench_mask(size, dtype):
    """Benchmark input: a realistic ``size x size`` blob mask (smoothed noise, 40 % foreground)."""
    from scratch import ndimage

    field = ndimage.gaussian_filter(np.random.default_rng(size).random((size, size)), 8.0)
    mask = field > np.quantile(field, 0.6)
    return mask.astype(dtype)


def bench_labels(size, dtype):
    """A label image of ``dtype`` (uint8): the components of :func:`bench_mask`, numbered mod 255.

    ``remove_small_objects`` takes an integer image as labels already (a 0/1 uint8 mask would
    be a single label); numbers repeat, so far-apart components may share one.
    """
    from scratch import measure

    mask = bench_mask(size, bool)
    labels = measure.label(mask, connectivity=1)
    return np.where(mask, labels % 255 + 1, 0).astype(dtype)


# --- OpenCV counterparts (timing only) -------------------------------------------------------------


def cv_morphology(footprint, operation):
    """``cv2.erode`` / ``cv2.dilate`` with the same footprint and a reflecting border."""

    def run(image):
        cv2 = catalogue._cv2()
        if image.dtype == np.bool_:
            image = image.view(np.uint8)
        kernel = np.ascontiguousarray(footprint, dtype=np.uint8)
        return getattr(cv2, operation)(image, kernel, borderType=cv2.BORDER_REFLECT)

    return run


def cv_label(connectivity):
    """``cv2.connectedComponents`` (4- or 8-connectivity; its numbering differs: timing only)."""

    def run(mask):
        cv2 = catalogue._cv2()
        image = np.ascontiguousarray(mask, dtype=np.uint8)
        return cv2.connectedComponents(image, connectivity=4 if connectivity == 1 else 8, ltype=cv2.CV_32S)

    return run


def cv_distance(mask):
    """``cv2.distanceTransform`` with the exact Euclidean metric (``DIST_MASK_PRECISE``)."""
    cv2 = catalogue._cv2()
    image = np.ascontiguousarray(mask, dtype=np.uint8)
    return cv2.distanceTransform(image, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)


def labels_picture(args, output):
    """Labels as a float image: each label a shade, background black."""
    labels = np.asarray(output, dtype=np.float64)
    return np.where(labels > 0, 0.25 + 0.75 * ((labels * 0.618) % 1.0), 0.0)
