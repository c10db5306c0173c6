"""scratch.filters.ThresholdInsides, named directly: the record every ``*_insides`` returns.

The class is scratch's own (scikit-image has no such record), so what is checked is its
documented behaviour: the fields, that it is frozen, and that what the insides functions put
in it is the reference's — the histogram scikit-image's thresholds count
(``skimage.filters.thresholding._validate_image_histogram``), and the threshold
``skimage.filters.threshold_*`` returns, which the criterion's optimum must pick.
"""

import dataclasses

import numpy as np
import pytest
import skimage.data
import skimage.filters as ref
from skimage.filters.thresholding import _validate_image_histogram

import scratch.filters as ours
from scratch.filters import ThresholdInsides

from conftest import unchanged_copy

FIELDS = ["method", "threshold", "counts", "bin_centers", "candidates", "criterion", "criterion_name", "extra"]

_CAMERA = skimage.data.camera()[::4, ::4]  # uint8 128 x 128
IMAGES = {
    "uint8": _CAMERA,
    "uint16": _CAMERA.astype(np.uint16) + 1000,  # integer histograms have one bin per value: keep it narrow
    "float64": skimage.img_as_float(skimage.data.coins()[::3, ::3]),
    "float32": skimage.img_as_float32(_CAMERA),
}
# (method, insides function, reference threshold function, normalised histogram?)
METHODS = [
    ("otsu", ours.otsu_insides, ref.threshold_otsu, False),
    ("isodata", ours.isodata_insides, ref.threshold_isodata, False),
    ("triangle", ours.triangle_insides, ref.threshold_triangle, False),
    ("multiotsu", ours.multiotsu_insides, ref.threshold_multiotsu, True),
]


def assert_same_threshold(ours_value, ref_value, image):
    if image.dtype.kind in "iu":
        np.testing.assert_array_equal(ours_value, ref_value)
    else:
        np.testing.assert_allclose(ours_value, ref_value, rtol=1e-7, atol=0)


def test_fields_in_documented_order_and_frozen():
    assert dataclasses.is_dataclass(ThresholdInsides)
    assert [f.name for f in dataclasses.fields(ThresholdInsides)] == FIELDS
    a = ThresholdInsides("otsu", 3, np.ones(4), np.arange(4.0), np.arange(3.0), np.zeros(3), "variance")
    b = ThresholdInsides("otsu", 3, np.ones(4), np.arange(4.0), np.arange(3.0), np.zeros(3), "variance")
    assert a.extra == {} and a.extra is not b.extra  # a fresh dict per record
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.threshold = 4
    assert dataclasses.replace(a, threshold=4).threshold == 4 and a.threshold == 3


@pytest.mark.parametrize("image_name", list(IMAGES))
@pytest.mark.parametrize("method, insides, threshold, normalize", METHODS, ids=[m[0] for m in METHODS])
def test_record_holds_the_references_histogram_and_threshold(method, insides, threshold, normalize, image_name):
    image = IMAGES[image_name]
    (before,) = unchanged_copy(image)
    state = insides(image)
    np.testing.assert_array_equal(image, before)

    assert type(state) is ThresholdInsides
    assert state.method == method
    assert isinstance(state.criterion_name, str) and state.criterion_name
    assert isinstance(state.extra, dict)
    assert_same_threshold(state.threshold, threshold(image), image)

    counts, centers = _validate_image_histogram(image, None, 256, normalize=normalize)
    np.testing.assert_allclose(state.counts, counts, rtol=1e-6 if normalize else 0)
    np.testing.assert_allclose(state.bin_centers, centers, rtol=1e-12)

    assert state.candidates.shape == state.criterion.shape and state.candidates.ndim == 1
    assert state.candidates.size > 0


@pytest.mark.parametrize("image_name", list(IMAGES))
def test_the_criterion_decides_the_references_threshold(image_name):
    image = IMAGES[image_name]
    otsu = ours.otsu_insides(image)  # the threshold maximises the between-class variance
    assert_same_threshold(otsu.candidates[np.argmax(otsu.criterion)], ref.threshold_otsu(image), image)

    tri = ours.triangle_insides(image)  # ... the distance below the line
    assert_same_threshold(tri.candidates[np.argmax(tri.criterion)], ref.threshold_triangle(image), image)
    assert 0 <= tri.extra["peak"] < len(tri.counts) and 0 <= tri.extra["far_end"] < len(tri.counts)

    iso = ours.isodata_insides(image)  # ... is the lowest fixed point, where the iteration ends
    expected = ref.threshold_isodata(image)
    assert_same_threshold(iso.extra["iterations"][-1], expected, image)
    assert_same_threshold(iso.extra["fixed_points"][0], expected, image)
    assert np.all((iso.criterion[np.isin(iso.candidates, iso.extra["fixed_points"])] >= 0))

    multi = ours.multiotsu_insides(image)  # ... and the best pair's first threshold
    thresholds = ref.threshold_multiotsu(image)
    assert_same_threshold(multi.candidates[np.nanargmax(multi.criterion)], thresholds[0], image)
    n = multi.extra["sigma"].shape[0]
    assert multi.extra["sigma"].shape == (n, n) and n == len(multi.bin_centers)


def test_with_a_histogram_instead_of_an_image():
    counts, centers = skimage.exposure.histogram(_CAMERA)
    hist = (counts, centers)
    for insides, threshold in ((ours.otsu_insides, ref.threshold_otsu),
                               (ours.isodata_insides, ref.threshold_isodata)):
        state = insides(hist=hist)
        assert type(state) is ThresholdInsides
        assert state.threshold == threshold(hist=hist)
        np.testing.assert_array_equal(state.counts, counts)
        np.testing.assert_array_equal(state.bin_centers, centers)
