"""scratch.ndimage.distance_transform_edt against scipy.ndimage.distance_transform_edt.

Distances agree to rtol 1e-12 (in fact bit for bit: both compute them from the feature
transform with the same arithmetic).  Feature indices agree exactly wherever the nearest
background element is unique; where several are equally near, the two algorithms
(Felzenszwalb-Huttenlocher here, Maurer in SciPy) may choose differently.  The check: our
index is always a background element at the reference's distance — so wherever it differs
from SciPy's, the nearest element was not unique.
"""

import numpy as np
import pytest
import scipy.ndimage as ndi
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.ndimage as snd
from scratch._jit import serial
from scratch.ndimage import _edt

from conftest import assert_same_error, unchanged_copy

RTOL = 1e-12


def check_against_reference(image, sampling=None):
    ref_d, ref_i = ndi.distance_transform_edt(image, sampling=sampling, return_indices=True)
    d, i = snd.distance_transform_edt(image, sampling=sampling, return_indices=True)
    assert d.dtype == np.float64 and d.shape == ref_d.shape
    assert i.dtype == np.int32 and i.shape == ref_i.shape
    np.testing.assert_allclose(d, ref_d, rtol=RTOL, atol=0)
    np.testing.assert_allclose(snd.distance_transform_edt(image, sampling=sampling), ref_d, rtol=RTOL, atol=0)
    image = np.atleast_1d(np.asarray(image))
    if image.size == 0 or image.all():
        np.testing.assert_array_equal(i, ref_i)
        return
    # Exact where the nearest background element is unique: wherever our index differs from
    # SciPy's, it must be another background element at the same distance (a tie).
    assert not image[tuple(i)].any()
    scale = np.ones(image.ndim) if sampling is None else np.broadcast_to(np.asarray(sampling, float), image.ndim)
    steps = (i - np.indices(image.shape)) * scale.reshape((-1,) + (1,) * image.ndim)
    np.testing.assert_allclose(np.sqrt((steps ** 2).sum(0)), ref_d, rtol=RTOL, atol=1e-12)


def blobs(rng, shape, fraction=0.6):
    field = ndi.gaussian_filter(rng.random(shape), 2.0)
    return field > np.quantile(field, 1 - fraction)


CASES = {
    "doc": lambda rng: np.array([[0, 1, 1, 1, 1], [0, 0, 1, 1, 1], [0, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 1, 1, 0, 0]]),
    "single-zero": lambda rng: np.pad(np.zeros((1, 1)), ((3, 5), (7, 2)), constant_values=1),
    "blobs": lambda rng: blobs(rng, (40, 48)),
    "sparse-seeds": lambda rng: rng.random((33, 29)) > 0.02,
    "row": lambda rng: rng.random((1, 40)) > 0.2,
    "column": lambda rng: rng.random((40, 1)) > 0.2,
    "line": lambda rng: rng.random(30) > 0.3,
    "volume": lambda rng: rng.random((9, 10, 11)) > 0.1,
    "volume-blobs": lambda rng: blobs(rng, (12, 14, 10)),
    "4-d": lambda rng: rng.random((4, 5, 3, 6)) > 0.2,
    "all-background": lambda rng: np.zeros((5, 6)),
    "all-foreground": lambda rng: np.ones((5, 6)),
    "all-foreground-3d": lambda rng: np.ones((3, 4, 2)),
    "one-column-of-background": lambda rng: np.pad(np.zeros((6, 1)), ((0, 0), (0, 9)), constant_values=7.5),
    "float-values": lambda rng: rng.random((20, 20)) * (rng.random((20, 20)) > 0.1),
    "0-d": lambda rng: np.array(1),
    "empty": lambda rng: np.zeros((0, 4)),
}
SAMPLINGS = [None, 2.0, "per-axis", "with-zero"]


def sampling_for(kind, ndim, rng):
    if kind == "per-axis":
        return list(rng.uniform(0.3, 3.0, ndim))
    if kind == "with-zero":
        return [0.0] + [1.5] * (ndim - 1)
    return kind


GRID = [(case, sampling) for case in CASES for sampling in SAMPLINGS
        if sampling != "with-zero" or case in ("blobs", "volume", "doc")]  # zero spacing: a few images


@pytest.mark.parametrize("case,sampling", GRID, ids=[f"{c}-{s}" for c, s in GRID])
def test_edt_case_table(case, sampling, rng):
    image = CASES[case](rng)
    check_against_reference(image, sampling_for(sampling, max(np.ndim(image), 1), rng))


def test_negative_sampling_reference_bug():
    """Known difference: with a negative sampling SciPy's algorithm (which assumes positive
    spacings) returns nonzero distances even at background elements.  The distance depends on
    the spacing's square, so scratch uses ``|sampling|``: its answer is SciPy's for the positive
    spacing."""
    image = CASES["doc"](None)
    ref = ndi.distance_transform_edt(image, sampling=[-1.25, 0.75])
    assert ref[1, 0] > 0 and image[1, 0] == 0  # the reference bug
    expected = ndi.distance_transform_edt(image, sampling=[1.25, 0.75])
    np.testing.assert_allclose(snd.distance_transform_edt(image, sampling=[-1.25, 0.75]), expected, rtol=RTOL)


def test_output_arrays_and_flags(rng):
    image = blobs(rng, (20, 30))
    ref_d, ref_i = ndi.distance_transform_edt(image, return_indices=True)
    distances = np.zeros(image.shape)
    indices = np.zeros((2,) + image.shape, np.int32)
    assert snd.distance_transform_edt(image, return_indices=True, distances=distances, indices=indices) is None
    np.testing.assert_allclose(distances, ref_d, rtol=RTOL)
    assert snd.distance_transform_edt(image, return_distances=False, return_indices=True).shape == ref_i.shape
    out = snd.distance_transform_edt(image, return_indices=True, distances=np.zeros(image.shape))
    assert out.dtype == np.int32 and out.shape == ref_i.shape
    out = snd.distance_transform_edt(image, return_indices=True, indices=np.zeros((2,) + image.shape, np.int32))
    np.testing.assert_allclose(out, ref_d, rtol=RTOL)


BAD = [
    ("nothing-to-return", {"return_distances": False}),
    ("distances-without-return", {"return_distances": False, "return_indices": True, "distances": np.zeros((4, 5))}),
    ("indices-without-return", {"indices": np.zeros((2, 4, 5), np.int32)}),
    ("indices-wrong-shape", {"return_indices": True, "indices": np.zeros((2, 5, 4), np.int32)}),
    ("indices-wrong-dtype", {"return_indices": True, "indices": np.zeros((2, 4, 5), np.int64)}),
    ("distances-wrong-shape", {"distances": np.zeros((5, 4))}),
    ("distances-wrong-dtype", {"distances": np.zeros((4, 5), np.float32)}),
    ("sampling-length", {"sampling": [1.0, 2.0, 3.0]}),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_bad_arguments(case):
    _, kwargs = case
    image = np.ones((4, 5))
    image[1, 2] = 0
    assert_same_error(snd.distance_transform_edt, ndi.distance_transform_edt, image, **kwargs)


def test_input_is_not_modified(rng):
    image = blobs(rng, (20, 20)).astype(np.uint8)
    sampling = [1.0, 2.0]
    before = unchanged_copy(image, sampling)
    snd.distance_transform_edt(image, sampling=sampling, return_indices=True)
    np.testing.assert_array_equal(image, before[0])
    assert sampling == [1.0, 2.0]


@given(st.data())
def test_edt_agrees_on_any_mask(data):
    shape = data.draw(st.one_of(
        st.tuples(st.integers(1, 30)),
        st.tuples(st.just(1), st.integers(1, 30)),
        st.tuples(st.integers(1, 30), st.just(1)),
        st.tuples(st.integers(1, 20), st.integers(1, 20)),
        st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6)),
    ))
    mask = data.draw(hnp.arrays(np.bool_, shape))
    sampling = data.draw(st.one_of(st.none(), st.lists(st.floats(0.25, 4.0), min_size=len(shape), max_size=len(shape))))
    check_against_reference(mask, sampling)


@pytest.mark.parametrize("sampling", [(1.0, 1.0), (0.7, 2.5)])
def test_parallel_kernels_equal_serial(sampling, rng):
    background = ~blobs(rng, (150, 170), 0.9)
    results = []
    for variant in (lambda k: k, serial):
        features = np.empty((2,) + background.shape, np.int32)
        dist = np.empty(background.shape)
        variant(_edt._nearest_along_first_axis)(background, sampling[0], dist, features[0])
        generic_dist, generic_features = dist.copy(), features.copy()
        variant(_edt._envelope_pass)(generic_dist.reshape(150, 170, 1), generic_features.reshape(2, 150, 170, 1),
                                     1, sampling[1], 1)
        variant(_edt._envelope_pass_lines)(dist, features, sampling[1], 1)
        np.testing.assert_array_equal(dist, generic_dist)  # the contiguous-lines kernel = the generic one
        np.testing.assert_array_equal(features, generic_features)
        out = np.empty(background.shape)
        variant(_edt._distances_kernel)(features, np.array([150], np.int64), np.array(sampling), out)
        results.append((features, dist, out))
    for a, b in zip(*results):
        np.testing.assert_array_equal(a, b)


@pytest.mark.slow
def test_large_images(rng):
    check_against_reference(blobs(rng, (256, 300)), None)
    check_against_reference(blobs(rng, (40, 50, 60)), [1.0, 0.5, 2.0])
