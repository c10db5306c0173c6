"""scratch.feature.canny against skimage.feature.canny 0.26: exactly equal edge maps.

Also: the exposed stages equal the reference's own intermediate results (smoothing, Sobel
gradients, non-maximum suppression), the suppression kernel's parallel and serial twins
agree bit for bit, and bad input gets the reference's exception class.
"""

import numpy as np
import pytest
import scipy.ndimage as ndi
import skimage.data
import skimage.util
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from skimage.feature import canny as ref_canny
from skimage.feature._canny import _preprocess
from skimage.feature._canny_cy import _nonmaximum_suppression_bilinear

from scratch._jit import serial
from scratch.feature import CannyStages, canny, canny_stages
from scratch.feature._canny import _nonmaximum_suppression

from conftest import assert_agrees, assert_same_error, unchanged_copy


def camera_crop(dtype=np.uint8):
    crop = skimage.data.camera()[180:240, 200:256]  # 60 x 56
    if dtype == np.bool_:
        return crop > 100
    if np.dtype(dtype).kind == "f":
        return (crop / 255.0).astype(dtype)
    return (crop.astype(np.int64) * {np.uint8: 1, np.uint16: 257, np.int16: 100, np.int32: 1000}[dtype]).astype(dtype)


def check(image, *args, **kwargs):
    (copy,) = unchanged_copy(image)
    expected = ref_canny(image, *args, **kwargs)
    ours = canny(image, *args, **kwargs)
    assert_agrees(ours, expected)
    np.testing.assert_array_equal(copy, image)
    return ours


PARAMS = [
    {},
    {"sigma": 0.5},
    {"sigma": 2.5},
    {"sigma": 1.5, "low_threshold": 0.05, "high_threshold": 0.3},
    {"sigma": 1.0, "low_threshold": 0.0, "high_threshold": 0.0},
    {"sigma": 1.0, "low_threshold": 0.5, "high_threshold": 0.9, "use_quantiles": True},
    {"sigma": 2.0, "mode": "reflect"},
    {"sigma": 2.0, "mode": "nearest"},
    {"sigma": 2.0, "mode": "mirror"},
    {"sigma": 2.0, "mode": "wrap"},
    {"sigma": 2.0, "mode": "constant", "cval": 0.5},
]


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int16, np.int32, np.float32, np.float64, np.bool_])
@pytest.mark.parametrize("kwargs", PARAMS, ids=[str(sorted(p.items())) for p in PARAMS])
def test_camera(dtype, kwargs):
    image = camera_crop(dtype)
    if "low_threshold" in kwargs and not kwargs.get("use_quantiles") and np.dtype(dtype).kind in "iu":
        kwargs = dict(kwargs, low_threshold=kwargs["low_threshold"] * np.iinfo(dtype).max,
                      high_threshold=kwargs["high_threshold"] * np.iinfo(dtype).max)
    check(image, **kwargs)


def test_mask():
    image = camera_crop(np.float64)
    rng = np.random.default_rng(0)
    for mask in (rng.random(image.shape) < 0.8, np.zeros(image.shape, bool), np.ones(image.shape, bool)):
        check(image, 1.5, mask=mask)
        check(image, 1.5, mask=mask, mode="reflect")


def test_degenerate_images():
    check(np.zeros((10, 10)))
    check(np.ones((10, 12)))
    check(np.zeros((1, 8)))
    check(np.zeros((8, 1)))
    square = np.zeros((9, 9))
    square[2:7, 2:7] = 1
    check(square)
    check(square, 0.0)


def test_stages_match_reference():
    image = camera_crop(np.float64)
    stages = canny_stages(image, 1.5, 0.05, 0.2)
    smoothed, eroded = _preprocess(image, None, 1.5, "constant", 0.0)
    assert_agrees(stages.smoothed, smoothed)
    assert_agrees(stages.eroded_mask, eroded)
    isobel = ndi.sobel(smoothed, axis=0)
    jsobel = ndi.sobel(smoothed, axis=1)
    assert_agrees(stages.isobel, isobel)
    assert_agrees(stages.jsobel, jsobel)
    magnitude = np.sqrt(isobel * isobel + jsobel * jsobel)
    assert_agrees(stages.magnitude, magnitude)
    suppressed = _nonmaximum_suppression_bilinear(isobel, jsobel, magnitude, eroded.astype(np.uint8), 0.05)
    assert_agrees(stages.suppressed, suppressed)
    assert_agrees(stages.weak, suppressed > 0)
    assert_agrees(stages.edges, ref_canny(image, 1.5, 0.05, 0.2))
    assert not (stages.strong & ~stages.edges).any() and stages.strong.any()


CANNY_STAGES_FIELDS = ("smoothed", "isobel", "jsobel", "magnitude", "eroded_mask", "suppressed", "weak",
                       "strong", "edges", "low_threshold", "high_threshold")
STAGE_CASES = [
    (np.uint8, {}),
    (np.uint8, {"sigma": 2.0, "low_threshold": 20, "high_threshold": 60, "mode": "reflect"}),
    (np.float64, {"sigma": 1.5, "low_threshold": 0.05, "high_threshold": 0.2}),
    (np.float32, {"sigma": 1.0, "low_threshold": 0.3, "high_threshold": 0.8, "use_quantiles": True}),
    (np.float64, {"sigma": 1.0, "mask": "random", "mode": "nearest"}),
    (np.uint16, {"sigma": 0.0, "mode": "constant", "cval": 0.5}),
]


@pytest.mark.parametrize("dtype, kwargs", STAGE_CASES, ids=[f"{np.dtype(d).name}-{sorted(k)}" for d, k in STAGE_CASES])
def test_canny_stages_record_is_the_reference_pipeline(dtype, kwargs):
    # CannyStages, named directly: its documented fields, each equal to the reference's own
    # intermediate result for the same call, and its final edge map equal to canny's
    image = camera_crop(dtype)
    if kwargs.get("mask") == "random":
        kwargs = dict(kwargs, mask=np.random.default_rng(1).random(image.shape) < 0.8)
    stages = canny_stages(image, **kwargs)
    assert isinstance(stages, CannyStages)
    assert CannyStages._fields == CANNY_STAGES_FIELDS
    assert stages.weak.dtype == stages.strong.dtype == stages.edges.dtype == np.bool_

    # the reference, stage by stage (as skimage.feature.canny computes it)
    sigma = kwargs.get("sigma", 1.0)
    low, high = kwargs.get("low_threshold"), kwargs.get("high_threshold")
    quantiles = kwargs.get("use_quantiles", False)
    dtype_max = skimage.util.dtype_limits(image, clip_negative=False)[1]
    low = 0.1 if low is None else (low if quantiles else low / dtype_max)
    high = 0.2 if high is None else (high if quantiles else high / dtype_max)
    smoothed, eroded = _preprocess(image, kwargs.get("mask"), sigma, kwargs.get("mode", "constant"),
                                   kwargs.get("cval", 0.0))
    jsobel = ndi.sobel(smoothed, axis=1)
    isobel = ndi.sobel(smoothed, axis=0)
    magnitude = np.sqrt(isobel * isobel + jsobel * jsobel)
    if quantiles:
        low, high = np.percentile(magnitude, [100.0 * low, 100.0 * high])
    suppressed = _nonmaximum_suppression_bilinear(isobel, jsobel, magnitude, eroded, low)
    weak = suppressed > 0

    assert_agrees(stages.smoothed, smoothed)
    assert_agrees(stages.eroded_mask, eroded)
    assert_agrees(stages.isobel, isobel)
    assert_agrees(stages.jsobel, jsobel)
    assert_agrees(stages.magnitude, magnitude)
    assert_agrees(stages.suppressed, suppressed)
    assert_agrees(stages.weak, weak)
    assert_agrees(stages.strong, weak & (suppressed >= high))
    np.testing.assert_allclose(stages.low_threshold, low, rtol=1e-12)
    np.testing.assert_allclose(stages.high_threshold, high, rtol=1e-12)
    expected_edges = ref_canny(image, **kwargs)
    assert_agrees(stages.edges, expected_edges)
    assert_agrees(stages.edges, canny(image, **kwargs))


def test_parallel_equals_serial():
    image = camera_crop(np.float64)
    st_ = canny_stages(image, 1.0)
    args = (st_.isobel, st_.jsobel, st_.magnitude, st_.eroded_mask, 0.01)
    a = np.empty_like(st_.magnitude)
    b = np.empty_like(st_.magnitude)
    _nonmaximum_suppression.parallel(*args, a)
    serial(_nonmaximum_suppression)(*args, b)
    np.testing.assert_array_equal(a, b)


@given(
    image=hnp.arrays(st.sampled_from([np.uint8, np.float32, np.float64]),
                     hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=24),
                     elements=st.integers(0, 255)),
    sigma=st.sampled_from([0.0, 0.7, 1.0, 2.0]),
    thresholds=st.sampled_from([(None, None), (0.1, 0.4), (0.3, 0.3)]),
)
def test_hypothesis(image, sigma, thresholds):
    if image.dtype.kind == "f":
        image = image / 255.0
    low, high = thresholds
    if low is not None and image.dtype == np.uint8:
        low, high = low * 255, high * 255
    check(image, sigma, low, high)


@pytest.mark.slow
def test_full_camera():
    image = skimage.data.camera()
    check(image, 2.0)
    check(image / 255.0, 1.0, 0.1, 0.3)


def test_bad_input():
    image = camera_crop(np.float64)
    assert_same_error(canny, ref_canny, image.astype(np.int64))
    assert_same_error(canny, ref_canny, image.astype(np.uint64))
    assert_same_error(canny, ref_canny, np.zeros((4, 4, 4)))
    assert_same_error(canny, ref_canny, np.zeros(5))
    assert_same_error(canny, ref_canny, image, 1.0, 0.5, 0.2)
    assert_same_error(canny, ref_canny, image, 1.0, -0.1, 0.5, use_quantiles=True)
    assert_same_error(canny, ref_canny, image, 1.0, 0.1, 1.5, use_quantiles=True)
    assert_same_error(canny, ref_canny, image, -1.0)
    assert_same_error(canny, ref_canny, image, 1.0, mask=np.ones((3, 3), bool))


@pytest.mark.parametrize("shape", [(0, 5), (5, 0), (0, 0), (0,)])
def test_empty_image_is_refused_as_the_reference(shape):
    """Issue 15: the reference's "The parameter `image` cannot be an empty array"."""
    exc = assert_same_error(canny, ref_canny, np.zeros(shape))
    assert "`image`" in str(exc) and "empty" in str(exc)


def test_big_endian_image():
    image = np.random.default_rng(15).random((20, 21)).astype(">f8")
    assert_agrees(canny(image), ref_canny(image))
