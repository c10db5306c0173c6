"""scratch.feature.peak_local_max against skimage.feature.peak_local_max 0.26.

Same coordinates in the same order (highest first, ties in raster order), same dtype and
shape — including plateaus, constant images (no peaks), peaks on the border, peaks closer
than min_distance, labels (with the reference's quirks: isolated pixels of a constant
region are peaks; an empty result has 2 columns) and every p-norm.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import ndimage as ndi
from skimage.feature import peak_local_max as ref_peaks

from scratch import data
from scratch.feature import peak_local_max

from conftest import assert_agrees, assert_same_error, unchanged_copy


def check(image, **kwargs):
    copies = unchanged_copy(image, *(v for v in kwargs.values() if isinstance(v, np.ndarray)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        expected = ref_peaks(image, **kwargs)
        ours = peak_local_max(image, **kwargs)
    assert_agrees(ours, expected)
    for before, now in zip(copies, [image, *(v for v in kwargs.values() if isinstance(v, np.ndarray))]):
        np.testing.assert_array_equal(before, now)
    return ours


def nuclei_distance(shape=(64, 64), n=8, seed=0):
    image, labels = data.nuclei(shape, n=n, seed=seed)
    return ndi.distance_transform_edt(labels > 0), labels, image


PARAMS = [
    {},
    {"min_distance": 3},
    {"min_distance": 5, "exclude_border": False},
    {"min_distance": 2, "exclude_border": 4},
    {"min_distance": 2, "exclude_border": (0, 3)},
    {"min_distance": 0},
    {"min_distance": 3, "threshold_abs": 4.0},
    {"min_distance": 3, "threshold_rel": 0.5},
    {"min_distance": 3, "threshold_abs": 2.0, "threshold_rel": 0.3},
    {"min_distance": 3, "num_peaks": 3},
    {"min_distance": 3, "p_norm": 2},
    {"min_distance": 3, "p_norm": 1},
    {"min_distance": 4, "p_norm": 3.5},
    {"footprint": np.ones((3, 3), bool)},
    {"footprint": np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], bool), "min_distance": 4},
    {"footprint": np.ones((2, 4), bool)},
]


@pytest.mark.parametrize("kwargs", PARAMS, ids=[str(sorted(p)) for p in PARAMS])
def test_distance_transform(kwargs):
    distance, labels, _ = nuclei_distance()
    check(distance, **kwargs)


@pytest.mark.parametrize("kwargs", PARAMS[:12], ids=[str(sorted(p)) for p in PARAMS[:12]])
def test_with_labels(kwargs):
    distance, labels, image = nuclei_distance()
    check(distance, labels=labels, **kwargs)
    check(image, labels=labels, num_peaks_per_label=2, **kwargs)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int32, np.int64, np.float32, np.float64])
def test_dtypes(dtype):
    _, labels, image = nuclei_distance()
    scaled = (image / image.max() * 200).astype(dtype)
    check(scaled, min_distance=2)
    check(scaled, min_distance=2, labels=labels)


def test_plateaus_constant_and_border():
    check(np.zeros((8, 9)))  # constant: no peaks
    check(np.zeros((8, 9)), labels=np.ones((8, 9), int))  # constant region: its isolated pixels only
    plateau = np.zeros((9, 9))
    plateau[3:6, 3:6] = 1
    check(plateau)
    check(plateau, min_distance=2)
    border = np.zeros((7, 7))
    border[0, 3] = border[6, 6] = 5
    check(border)
    check(border, exclude_border=False)
    check(border, exclude_border=0)
    close = np.zeros((9, 9))
    close[4, 2], close[4, 5], close[4, 7] = 3, 2, 2.5
    for d in (1, 2, 3, 4):
        check(close, min_distance=d, exclude_border=False)


def test_isolated_pixels_in_labels():
    labels = np.zeros((7, 8), int)
    labels[1, 1] = 1
    labels[3:6, 3:7] = 2
    labels[5, 1] = 2
    check(np.ones((7, 8)), labels=labels, exclude_border=False)


def test_num_peaks_over_labels():
    distance, labels, _ = nuclei_distance()
    check(distance, labels=labels, num_peaks=3, min_distance=2)
    check(distance, labels=labels, num_peaks=5, num_peaks_per_label=1)


def test_1d_and_3d():
    rng = np.random.default_rng(0)
    check(rng.integers(0, 5, 30).astype(float), min_distance=2)
    volume = ndi.gaussian_filter(rng.random((12, 14, 13)), 1.5)
    check(volume, min_distance=2)
    check(volume, min_distance=2, p_norm=2, exclude_border=False)
    check(volume, min_distance=1, labels=(volume > volume.mean()).astype(int) + 1)


def test_empty_labels_give_two_columns():
    check(np.ones((4, 4, 4)), labels=np.zeros((4, 4, 4), int))


@given(
    image=hnp.arrays(st.sampled_from([np.uint8, np.float64, np.int32]),
                     hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=10),
                     elements=st.integers(0, 5)),
    min_distance=st.integers(0, 3),
    exclude=st.sampled_from([True, False, 0, 1, 2]),
    num_peaks=st.sampled_from([np.inf, 1, 3]),
    p_norm=st.sampled_from([np.inf, 1, 2]),
    use_labels=st.booleans(),
    seed=st.integers(0, 2 ** 16),
)
def test_hypothesis(image, min_distance, exclude, num_peaks, p_norm, use_labels, seed):
    kwargs = dict(min_distance=min_distance, exclude_border=exclude, num_peaks=num_peaks, p_norm=p_norm)
    if use_labels:
        kwargs["labels"] = np.random.default_rng(seed).integers(0, 3, image.shape)
    check(image, **kwargs)


@pytest.mark.slow
def test_big_scene():
    distance, labels, image = nuclei_distance((256, 256), n=60, seed=2)
    check(distance, min_distance=7)
    check(distance, min_distance=7, labels=labels)


def test_bad_input():
    image = np.zeros((5, 5))
    assert_same_error(peak_local_max, ref_peaks, image, exclude_border=-1)
    assert_same_error(peak_local_max, ref_peaks, image, exclude_border=(1,))
    assert_same_error(peak_local_max, ref_peaks, image, exclude_border=(1, 1.5))
    assert_same_error(peak_local_max, ref_peaks, image, exclude_border=(1, -1))
    assert_same_error(peak_local_max, ref_peaks, image, exclude_border="yes")
    assert_same_error(peak_local_max, ref_peaks, image, labels=np.ones((5, 5), float))
    with pytest.warns(RuntimeWarning):
        peak_local_max(image, min_distance=0)
    assert_same_error(peak_local_max, ref_peaks, image, footprint=np.zeros((3, 3), bool))
    assert_same_error(peak_local_max, ref_peaks, image, footprint=np.zeros((3, 3), bool), labels=np.ones((5, 5), int))


def test_footprint_without_centre():
    rng = np.random.default_rng(5)
    image = rng.integers(0, 4, (12, 13)).astype(float)
    for footprint in (np.array([[1, 0]], bool), np.array([[1, 1, 0, 1]], bool),
                      np.array([[1, 1, 1], [1, 0, 1], [1, 1, 1]], bool)):
        check(image, footprint=footprint, exclude_border=False)
        check(image, footprint=footprint, labels=rng.integers(0, 3, image.shape))


# --- issue 15: validation the reference does (or fails inside), named ------------------------------


def _peaks_image():
    return np.random.default_rng(15).random((12, 13))


def _two_labels(shape=(12, 13)):
    labels = np.ones(shape, int)
    labels[:, 7:] = 2
    return labels


@pytest.mark.parametrize("kwargs", [
    {"footprint": np.ones((3, 3, 3))},
    {"footprint": np.ones(3)},
    {"footprint": np.ones((3, 3, 3)), "labels": _two_labels()},
    {"num_peaks": 2.5},
    {"num_peaks": 2.0},
    {"num_peaks": None},
    {"num_peaks": 2.5, "labels": _two_labels()},
    {"num_peaks_per_label": 2.5, "labels": _two_labels()},
    {"min_distance": 2, "p_norm": 0},
    {"min_distance": 2, "p_norm": np.nan},
    {"labels": np.ones((12, 13))},
], ids=lambda kw: ",".join(f"{k}={getattr(v, 'shape', v)}" for k, v in kw.items()))
def test_bad_parameters_raise_the_references_class_naming_the_parameter(kwargs):
    exc = assert_same_error(peak_local_max, ref_peaks, _peaks_image(), **kwargs)
    named = [k for k in kwargs if k != "labels" or "footprint" not in kwargs]
    assert any(f"`{k}`" in str(exc) for k in named), exc


@pytest.mark.parametrize("kwargs", [{"num_peaks": np.int64(3)}, {"num_peaks": -1}, {"num_peaks": np.inf},
                                    {"footprint": np.ones((1, 1, 1))}, {"min_distance": 2, "p_norm": 0.5},
                                    {"min_distance": 1, "p_norm": 0}])
def test_edge_parameters_the_reference_accepts(kwargs):
    image = _peaks_image()
    assert_agrees(peak_local_max(image, **kwargs), ref_peaks(image, **kwargs))


@pytest.mark.parametrize("shape", [(5, 5), (12, 13, 2), (13, 12)])
def test_labels_of_the_wrong_shape(shape):
    """The reference does not check: it searches whatever part of the image the labels index
    (a meaningless answer), or fails with an IndexError.  scratch: a ValueError naming both."""
    with pytest.raises(ValueError, match=r"`labels` \(shape .*`image`"):
        peak_local_max(_peaks_image(), labels=np.ones(shape, int))
