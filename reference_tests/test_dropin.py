"""Drop-in across families: big-endian (non-native byte order) input, issue 15 section 2.

Big-endian arrays (``'>f8'``, ``'>i4'``: FITS files, many TIFFs) are accepted by the
references, which return native-order results.  Every public wrapper brings its arrays to
native order first (``scratch._checks.native_byte_order``, a copy only when needed).  Each row
of the table below is called on a big-endian image and compared with the reference called on
the *same* big-endian image: value, dtype (byte order included) and shape.

Deliberate difference: a few reference paths fail on big-endian input with NumPy's TypeError
("... not details such as the byte order", a ufunc given ``dtype=`` with a byte-swapped dtype):
``watershed`` of a big-endian *integer* image without markers, ``img_as_ubyte`` of ``'>u2'``.
scratch accepts those; its answer is compared with the reference's on the native copy.

(Grey morphology's byte order is tested with its family, in ``test_morphology.py``.)
"""

import warnings

import numpy as np
import pytest
import scipy.ndimage as ref_ndi
import skimage.exposure as ref_exposure
import skimage.feature as ref_feature
import skimage.filters as ref_filters
import skimage.segmentation as ref_segmentation
import skimage.util as ref_util

import scratch.exposure as exposure
import scratch.feature as feature
import scratch.filters as filters
import scratch.ndimage as ndimage
import scratch.segmentation as segmentation
import scratch.util as util
from conftest import assert_agrees

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::RuntimeWarning")


def _big_endian(a):
    """``a``'s values in a big-endian array of the same dtype."""
    out = np.empty(a.shape, a.dtype.newbyteorder(">"))
    out[...] = a
    assert not out.dtype.isnative
    return out


def _image(kind):
    rng = np.random.default_rng(15)  # bimodal, so that every threshold has an answer
    base = np.clip(np.where(rng.random((14, 15)) < 0.6, rng.normal(0.3, 0.06, (14, 15)),
                            rng.normal(0.75, 0.05, (14, 15))), 0, 1)
    if kind == "f8":
        return base
    if kind == "f4":
        return base.astype(np.float32)
    if kind == "i4":
        return (base * 200).astype(np.int32)
    if kind == "u2":
        return (base * 4000).astype(np.uint16)
    raise ValueError(kind)


def _markers():
    markers = np.zeros((14, 15), np.int32)
    markers[1, 1], markers[12, 13], markers[7, 2] = 1, 2, 3
    return markers


# name -> (scratch function, reference function, keyword arguments)
TABLE = {
    "threshold_otsu": (filters.threshold_otsu, ref_filters.threshold_otsu, {}),
    "threshold_isodata": (filters.threshold_isodata, ref_filters.threshold_isodata, {}),
    "threshold_triangle": (filters.threshold_triangle, ref_filters.threshold_triangle, {}),
    "threshold_yen": (filters.threshold_yen, ref_filters.threshold_yen, {}),
    "threshold_minimum": (filters.threshold_minimum, ref_filters.threshold_minimum, {}),
    "threshold_multiotsu": (filters.threshold_multiotsu, ref_filters.threshold_multiotsu, {}),
    "threshold_mean": (filters.threshold_mean, ref_filters.threshold_mean, {}),
    "threshold_li": (filters.threshold_li, ref_filters.threshold_li, {}),
    "threshold_local": (filters.threshold_local, ref_filters.threshold_local, {"block_size": 5}),
    "histogram": (exposure.histogram, ref_exposure.histogram, {}),
    "equalize_hist": (exposure.equalize_hist, ref_exposure.equalize_hist, {}),
    "rescale_intensity": (exposure.rescale_intensity, ref_exposure.rescale_intensity, {}),
    "adjust_log": (exposure.adjust_log, ref_exposure.adjust_log, {}),
    "adjust_sigmoid": (exposure.adjust_sigmoid, ref_exposure.adjust_sigmoid, {}),
    "equalize_adapthist": (exposure.equalize_adapthist, ref_exposure.equalize_adapthist, {}),
    "peak_local_max": (feature.peak_local_max, ref_feature.peak_local_max, {}),
    "canny": (feature.canny, ref_feature.canny, {}),
    "watershed_markers": (segmentation.watershed, ref_segmentation.watershed, {"markers": _markers()}),
    "img_as_ubyte": (util.img_as_ubyte, ref_util.img_as_ubyte, {}),
    "img_as_float": (util.img_as_float, ref_util.img_as_float, {}),
    "img_as_uint": (util.img_as_uint, ref_util.img_as_uint, {}),
    "invert": (util.invert, ref_util.invert, {}),
    "gaussian_filter": (ndimage.gaussian_filter, ref_ndi.gaussian_filter, {"sigma": 1.5}),
    "uniform_filter": (ndimage.uniform_filter, ref_ndi.uniform_filter, {"size": 3}),
    "correlate": (ndimage.correlate, ref_ndi.correlate, {"weights": np.arange(9.0).reshape(3, 3)}),
}


def _inputs_for(name):
    if name in ("img_as_ubyte", "img_as_uint"):  # the float range [0, 1] and integers
        return ["f8", "u2"]
    if name == "canny":  # 2-D, no 64-bit integers
        return ["f8", "f4", "u2"]
    return ["f8", "f4", "i4", "u2"]


def _assert_same(ours, expected, image_dtype):
    """Same value, dtype (byte order included) and shape; tuples item by item."""
    if isinstance(expected, tuple):
        assert isinstance(ours, tuple) and len(ours) == len(expected)
        for o, e in zip(ours, expected):
            _assert_same(o, e, image_dtype)
        return
    assert type(ours) is type(expected), (type(ours), type(expected))
    assert np.asarray(ours).dtype.str == np.asarray(expected).dtype.str
    if np.asarray(expected).dtype == np.float32 or np.dtype(image_dtype) == np.float32:
        assert_agrees(ours, expected, rtol=1e-5, atol=1e-6)  # float32 work (as the families state)
    else:
        assert_agrees(ours, expected)


CASES = [(name, kind) for name in TABLE for kind in _inputs_for(name)]


@pytest.mark.parametrize("name, kind", CASES, ids=[f"{n}-{k}" for n, k in CASES])
def test_big_endian_input_gives_the_references_result(name, kind):
    ours, ref, kwargs = TABLE[name]
    image = _big_endian(_image(kind))
    before = image.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = ref(image, **kwargs)
        except TypeError as error:  # the reference's byte-order accident (module docstring)
            assert "byte order" in str(error)
            expected = ref(image.astype(image.dtype.newbyteorder("=")), **kwargs)
        result = ours(image, **kwargs)
    _assert_same(result, expected, image.dtype)
    np.testing.assert_array_equal(image, before)
    assert image.dtype == before.dtype  # not swapped in place


@pytest.mark.parametrize("name", ["gaussian_filter", "uniform_filter", "correlate"])
@pytest.mark.parametrize("kind", ["f8", "i4"])
def test_ndimage_filters_return_native_order_as_scipy(name, kind):
    ours, ref, kwargs = TABLE[name]
    image = _big_endian(_image(kind))
    expected = ref(image, **kwargs)
    result = ours(image, **kwargs)
    assert expected.dtype.isnative  # SciPy's own answer, the contract
    assert result.dtype.isnative and result.dtype == expected.dtype


def test_img_as_float_of_a_big_endian_float_is_the_input_itself():
    image = _big_endian(_image("f8"))
    assert ref_util.img_as_float(image) is image  # the reference: nothing to convert
    assert util.img_as_float(image) is image


@pytest.mark.parametrize("kind", ["i4", "u2"])
def test_watershed_big_endian_integers_without_markers(kind):
    """The reference's NumPy TypeError is a byte-order accident: compare with its native answer."""
    image = _big_endian(_image(kind))
    with pytest.raises(TypeError):
        ref_segmentation.watershed(image)
    expected = ref_segmentation.watershed(image.astype(image.dtype.newbyteorder("=")))
    assert_agrees(segmentation.watershed(image), expected)


def test_watershed_big_endian_float_without_markers_and_big_endian_markers():
    image = _big_endian(_image("f8"))
    assert_agrees(segmentation.watershed(image), ref_segmentation.watershed(image))
    markers = _big_endian(_markers())
    assert_agrees(segmentation.watershed(image, markers), ref_segmentation.watershed(image, markers))


def test_peak_local_max_big_endian_labels():
    image = _big_endian(_image("f8"))
    labels = np.ones(image.shape, np.int32)
    labels[:, 8:] = 2
    labels = _big_endian(labels)
    assert_agrees(feature.peak_local_max(image, labels=labels),
                  ref_feature.peak_local_max(image, labels=labels))
