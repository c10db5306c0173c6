"""scratch.segmentation.watershed against skimage.segmentation.watershed 0.26.

Labels must be exactly equal (same dtype, numbering, plateau splits, tie breaks, watershed
lines).  The cases below pin the behaviours that changed in scikit-image's history:
the ``(value, age)`` order and the heap's order between markers of equal value, the
"do not flow down behind a ridge" clamp, watershed lines (labelled when popped, a line pixel
still pushes its neighbours), compact watershed ignoring ``watershed_line``, markers outside
the mask (dropped) and the output dtype following the markers'.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy import ndimage as ndi
from skimage.segmentation import watershed as ref_watershed

from scratch import data
from scratch.segmentation import watershed
from scratch._jit import serial
from scratch.segmentation import _watershed
from scratch.segmentation._heap import (heap_new, heap_pop, heap_push, heap_reserve, key_heap_new, key_heap_pop,
                                        key_heap_push, key_heap_reserve)

from conftest import assert_agrees, assert_same_error, unchanged_copy


def check(image, markers=None, **kwargs):
    """Run both; labels, dtype and shape exactly equal; inputs unchanged."""
    copies = unchanged_copy(*(a for a in (image, markers, kwargs.get("mask")) if isinstance(a, np.ndarray)))
    try:
        expected = ref_watershed(image, markers, **kwargs)
    except Exception as error:  # e.g. an int of markers with an empty mask: the same error
        with pytest.raises(type(error)):
            watershed(image, markers, **kwargs)
        return None
    ours = watershed(image, markers, **kwargs)
    assert_agrees(ours, expected)
    after = [a for a in (image, markers, kwargs.get("mask")) if isinstance(a, np.ndarray)]
    for before, now in zip(copies, after):
        np.testing.assert_array_equal(before, now)
    return ours


def two_blobs():
    """Two overlapping discs and the distance transform — the docstring example."""
    x, y = np.indices((40, 40))
    image = ((x - 14) ** 2 + (y - 14) ** 2 < 10 ** 2) | ((x - 24) ** 2 + (y - 26) ** 2 < 12 ** 2)
    distance = ndi.distance_transform_edt(image)
    markers = np.zeros(image.shape, np.int32)
    markers[14, 14] = 1
    markers[24, 26] = 2
    return image, distance, markers


# --- case table -----------------------------------------------------------------------------
CASES = {
    # plateau split halfway between two markers (ages)
    "plateau": (np.zeros((1, 9)), np.array([[1, 0, 0, 0, 0, 0, 0, 0, 2]])),
    "plateau_even": (np.zeros((1, 8)), np.array([[1, 0, 0, 0, 0, 0, 0, 2]])),
    # ridge: the clamp new_value = max(value, popped value)
    "clamp": (np.array([[5, 0, 1, 2, 3, 4, 5, 0, 0, 0, 0, 0, 0]], float),
              np.array([[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]])),
    # equal-valued markers: the heap's own order decides who claims a shared neighbour
    "tied_markers": (np.zeros((3, 3)), np.array([[1, 0, 2], [0, 0, 0], [3, 0, 4]])),
    "tied_markers_2d": (np.zeros((5, 6)), np.array([[1, 0, 2, 0, 3, 0], [0] * 6, [4, 0, 0, 5, 0, 6], [0] * 6,
                                                     [7, 0, 8, 0, 0, 9]])),
    # touching markers (watershed_line cannot separate them)
    "touching": (np.array([[0, 0, 1, 2, 1, 0]], float), np.array([[1, 2, 0, 0, 0, 0]])),
    # negative and large marker values
    "negative_markers": (np.arange(12.0).reshape(3, 4) % 5, np.array([[-3, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 7]])),
    "ramp": (np.add.outer(np.arange(6.0), np.arange(7.0)), np.eye(6, 7, dtype=np.int64) * np.arange(1, 7)[:, None]),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("kwargs", [{}, {"watershed_line": True}, {"connectivity": 2},
                                    {"connectivity": 2, "watershed_line": True}, {"compactness": 0.1},
                                    {"compactness": 1.0, "watershed_line": True}])
def test_cases(name, kwargs):
    image, markers = CASES[name]
    check(image, markers, **kwargs)


@pytest.mark.parametrize("kwargs", [{}, {"watershed_line": True}, {"compactness": 0.01}, {"connectivity": 2}])
def test_two_blobs_with_mask(kwargs):
    image, distance, markers = two_blobs()
    check(-distance, markers, mask=image, **kwargs)


def test_nuclei_scene():
    image, labels = data.nuclei((64, 64), n=6, seed=3)
    mask = labels > 0
    distance = ndi.distance_transform_edt(mask)
    markers = ndi.label(distance > 0.7 * ndi.maximum_filter(distance, size=9))[0] * mask
    for kwargs in ({}, {"watershed_line": True}, {"compactness": 0.05}):
        check(-distance, markers, mask=mask, **kwargs)
        check(image, markers, mask=mask, **kwargs)


@pytest.mark.parametrize("watershed_line", [False, True])
def test_big_nuclei_scene_with_tied_markers(watershed_line):
    """A 256 x 256 distance-transform watershed: many markers share a value, so the exact
    heap phase decides their order before the level queues take over."""
    image, labels = data.nuclei((256, 256), n=40, seed=1)
    mask = labels > 0
    distance = ndi.distance_transform_edt(mask)
    peaks = (distance == ndi.maximum_filter(distance, size=7)) & mask & (distance > 1)
    markers = ndi.label(peaks)[0]
    values, counts = np.unique(-distance[markers > 0], return_counts=True)
    assert (counts > 1).any()  # the case this test is for
    check(-distance, markers, mask=mask, watershed_line=watershed_line)


def many_marker_scene(shape, sigma, seed, min_distance=2):
    """A smoothed-noise mask (specks included), ``-distance`` and its peaks as markers: many
    markers, down to distance 1, so the exact heap floods most of the image (benchmarks/
    bench_watershed.py's "noise" scene, small)."""
    from skimage.feature import peak_local_max

    field = ndi.gaussian_filter(np.random.default_rng(seed).random(shape), sigma)
    mask = field > np.quantile(field, 0.6)
    distance = ndi.distance_transform_edt(mask)
    peaks = peak_local_max(distance, min_distance=min_distance, labels=ndi.label(mask)[0])
    markers = np.zeros(shape, np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    return -distance, markers, mask


@pytest.mark.parametrize("use_mask", [True, False])
@pytest.mark.parametrize("kwargs", [{}, {"watershed_line": True}, {"connectivity": 2},
                                    {"connectivity": 2, "watershed_line": True}])
def test_many_markers_2d(use_mask, kwargs):
    image, markers, mask = many_marker_scene((256, 256), 2.5, seed=4)
    values, counts = np.unique(image[markers > 0], return_counts=True)
    assert len(counts) > 1 and counts.max() > 20 and markers.max() > 300  # many markers, many tied
    assert image[markers > 0].max() == -1.0  # a marker on the highest level: the heap floods to the end
    check(image, markers, mask=mask if use_mask else None, **kwargs)


@pytest.mark.parametrize("watershed_line", [False, True])
def test_many_markers_sharing_labels(watershed_line):
    """Markers far apart with one label: equal labels must meet without a line between them."""
    image, markers, mask = many_marker_scene((256, 256), 2.5, seed=5)
    shared = np.where(markers > 0, markers % 7 + 1, 0)
    check(image, shared, mask=mask, watershed_line=watershed_line)
    check(image, shared.astype(np.uint8), mask=mask, watershed_line=watershed_line)


# (not connectivity 3 with watershed_line: there line pixels re-queue 26 neighbours each time they
# are popped, and the reference takes a minute on this volume without the mask)
@pytest.mark.parametrize("kwargs", [{}, {"watershed_line": True}, {"connectivity": 3}])
def test_many_markers_3d(kwargs):
    image, markers, mask = many_marker_scene((40, 48, 44), 1.5, seed=6)
    assert markers.max() > 100
    check(image, markers, mask=mask, **kwargs)
    check(image, markers, **kwargs)


@pytest.mark.parametrize("n_markers", [16383, 16384])  # the most the int16 flood state holds, and one more
@pytest.mark.parametrize("watershed_line", [False, True])
def test_markers_at_the_int16_state_limit(n_markers, watershed_line):
    rng = np.random.default_rng(n_markers)
    image = rng.integers(0, 30, (200, 200)).astype(float)
    markers = np.zeros(image.size, np.int32)
    markers[rng.choice(image.size, n_markers, replace=False)] = rng.permutation(n_markers) + 1
    check(image, markers.reshape(image.shape), watershed_line=watershed_line)


@pytest.mark.parametrize("n_levels", [32767, 32768])  # the most ranks the int16 flood state holds, and one more
@pytest.mark.parametrize("watershed_line", [False, True])
def test_levels_at_the_int16_state_limit(n_levels, watershed_line):
    rng = np.random.default_rng(n_levels)
    image = rng.permutation(np.arange(256 * 128) % n_levels).reshape(256, 128).astype(float)
    markers = np.zeros(image.shape, np.int32)
    markers[::16, ::16] = np.arange(1, markers[::16, ::16].size + 1).reshape(markers[::16, ::16].shape)
    check(image, markers, watershed_line=watershed_line)


def test_markers_outside_mask_are_dropped():
    image = np.zeros((5, 5))
    markers = np.zeros((5, 5), int)
    markers[0, 0] = 1
    markers[4, 4] = 2
    mask = np.ones((5, 5), bool)
    mask[0, 0] = False
    out = check(image, markers, mask=mask)
    assert out[0, 0] == 0 and (out[mask] == 2).all()


@pytest.mark.parametrize("dtype", [np.bool_, np.uint8, np.int8, np.int16, np.uint16, np.int32, np.int64, np.uint64])
def test_output_dtype_follows_markers(dtype):
    image = np.array([[0, 5, 1, 1, 9, 0]], float)
    markers = np.array([[1, 0, 0, 0, 0, 2]]).astype(dtype)
    check(image, markers)


def test_int_markers_with_empty_mask():
    with np.errstate(divide="ignore"):
        check(np.zeros((4, 4)), 3, mask=np.zeros((4, 4), bool))  # the reference: OverflowError


def test_markers_list_and_int_and_none():
    image = np.array([[0, 5, 1, 1, 9, 0], [1, 2, 3, 1, 0, 0]], float)
    check(image, [[1, 0, 0, 0, 0, 2], [0] * 6])
    for n in (1, 2, 3, 5, 50):
        check(image, n)
        check(image, n, mask=image < 4)
    check(image)  # local minima
    check(image, connectivity=2)
    check(np.zeros((4, 4)))  # constant: no minima, nothing labelled


@pytest.mark.parametrize("footprint,offset", [
    (np.ones((3, 3), bool), None),
    (np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], bool), None),
    (np.ones((5, 5), bool), None),
    (np.ones((1, 3), bool), None),
    (np.ones((3, 3), bool), (1, 1)),
])
def test_connectivity_arrays(footprint, offset):
    rng = np.random.default_rng(1)
    image = rng.integers(0, 4, (9, 11)).astype(float)
    markers = np.zeros((9, 11), int)
    markers[0, 0], markers[8, 10], markers[4, 5] = 1, 2, 3
    check(image, markers, connectivity=footprint, offset=offset)
    check(image, markers, connectivity=footprint, offset=offset, watershed_line=True)


def test_3d():
    rng = np.random.default_rng(2)
    image = rng.integers(0, 5, (6, 7, 8)).astype(np.float32)
    markers = (rng.random(image.shape) < 0.03) * rng.integers(1, 4, image.shape)
    for kwargs in ({}, {"connectivity": 3}, {"watershed_line": True}, {"compactness": 0.2}, {"mask": image < 4}):
        check(image, markers, **kwargs)
    check(image)


def test_1d():
    check(np.array([3.0, 1, 2, 0, 5, 4]), np.array([0, 1, 0, 0, 0, 2]))
    check(np.array([3.0, 1, 2, 0, 5, 4]))


@given(
    image=hnp.arrays(st.sampled_from([np.uint8, np.float64, np.int32]),
                     hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=9),
                     elements=st.integers(0, 4)),
    seed=st.integers(0, 2 ** 16),
    kind=st.sampled_from(["array", "int", "none"]),
    watershed_line=st.booleans(),
    compactness=st.sampled_from([0.0, 0.0, 0.05, 3.0]),
    use_mask=st.booleans(),
    connectivity=st.integers(1, 3),
)
def test_hypothesis(image, seed, kind, watershed_line, compactness, use_mask, connectivity):
    rng = np.random.default_rng(seed)
    kwargs = dict(watershed_line=watershed_line, compactness=compactness,
                  connectivity=min(connectivity, image.ndim))
    if use_mask:
        kwargs["mask"] = rng.random(image.shape) < 0.8
    if kind == "array":
        markers = (rng.random(image.shape) < 0.15) * rng.integers(1, 5, image.shape)
    elif kind == "int":
        markers = int(rng.integers(1, 6))
    else:
        markers = None
    check(image, markers, **kwargs)


@pytest.mark.parametrize("values", [
    "float_many",      # every pixel its own level: the ranks come from sorting
    "int_sparse",      # a few huge integers: too many levels for value - minimum, sorted instead
    "int_negative",    # value - minimum with a negative minimum
    "int64_big",       # above 2**53: float64 (the reference's working type) merges neighbours
    "signed_zero",     # -0.0 and 0.0 are one level, as for the reference's comparisons
    "bool",            # two levels
    "float32",         # searched as float64, the reference's working type
])
def test_rank_path_inputs(values):
    """The plain watershed floods value ranks; each way of computing them agrees."""
    rng = np.random.default_rng(3)
    shape = (40, 50)
    image = {
        "float_many": lambda: rng.random(shape),
        "int_sparse": lambda: rng.choice([0, 10 ** 6, 2 * 10 ** 9], shape).astype(np.int64).astype(np.uint32),
        "int_negative": lambda: rng.integers(-300, -290, shape).astype(np.int16),
        "int64_big": lambda: (2 ** 60 + rng.integers(0, 4, shape)).astype(np.int64),
        "signed_zero": lambda: rng.choice([-0.0, 0.0, 1.0], shape),
        "bool": lambda: rng.random(shape) < 0.5,
        "float32": lambda: rng.random(shape).astype(np.float32),
    }[values]()
    markers = (rng.random(shape) < 0.02) * rng.integers(1, 6, shape)
    for kwargs in ({}, {"mask": rng.random(shape) < 0.7}, {"connectivity": 2}):
        check(image, markers, **kwargs)


def test_nan_floods_without_error():
    """Known difference: with NaN the reference's heap comparisons are no order (its sift
    results depend on the heap's history), so the labels are not compared; ours floods the
    float heap and labels every reachable pixel."""
    image = np.array([[0.0, np.nan, 1.0, np.nan, 0.0]])
    labels = watershed(image, np.array([[1, 0, 0, 0, 2]]))
    assert (labels > 0).all()


@pytest.mark.parametrize("values", ["float_many", "int_negative", "float32"])
def test_rank_path_sorts_when_hashing_overflows(values, monkeypatch):
    """More distinct values than the hash set takes: the levels come from sorting instead."""
    monkeypatch.setattr(_watershed, "_HASHED_LEVELS", 4)
    rng = np.random.default_rng(5)
    shape = (30, 40)
    image = {"float_many": lambda: rng.random(shape),
             "int_negative": lambda: rng.integers(-2 ** 31, 2 ** 31 - 1, shape, dtype=np.int64),
             "float32": lambda: rng.random(shape).astype(np.float32)}[values]()
    markers = (rng.random(shape) < 0.02) * rng.integers(1, 6, shape)
    for kwargs in ({}, {"mask": rng.random(shape) < 0.7}, {"watershed_line": True}):
        check(image, markers, **kwargs)


@pytest.mark.parametrize("hashed_levels", [1 << 16, 2])
def test_nan_after_many_levels_takes_the_float_heap(hashed_levels, monkeypatch):
    """A NaN found by the hash pass or by the sort after it: the float heap floods."""
    monkeypatch.setattr(_watershed, "_HASHED_LEVELS", hashed_levels)
    image = np.array([[0.0, 0.5, 0.25, 1.0, np.nan, 0.75, 0.0]])
    labels = watershed(image, np.array([[1, 0, 0, 0, 0, 0, 2]]))
    assert (labels > 0).all()


@pytest.mark.parametrize("shape", [(50, 60), (300, 400)])  # one hash set, one per thread
def test_distinct_levels(shape):
    """The hash sets find the sorted distinct values inside the mask, -0.0 and 0.0 as one."""
    rng = np.random.default_rng(0)
    image = rng.choice([-2.5, -0.0, 0.0, 1.0, 7.25, 1e300], shape)
    mask = rng.random(image.shape) < 0.5
    levels, status = _watershed._distinct_levels(image, mask, 100)
    assert status == 0
    np.testing.assert_array_equal(levels, np.unique(image[mask] + 0.0))
    assert _watershed._distinct_levels(image, mask, 3)[1] == 2  # too many
    image[mask.nonzero()[0][-1], mask.nonzero()[1][-1]] = np.nan
    assert _watershed._distinct_levels(image, mask, 100)[1] == 1
    levels, status = _watershed._distinct_levels(image, np.zeros(image.shape, bool), 100)
    assert status == 0 and levels.size == 0


@pytest.mark.parametrize("shape", [(0, 5), (5, 0), (0,)])
def test_empty_image(shape):
    check(np.zeros(shape), np.zeros(shape, np.int32))


@pytest.mark.parametrize("kernel", ["_prepare_ranks", "_collect_markers", "_unpad_labels", "_masked_range"])
def test_row_kernels_parallel_equal_serial(kernel):
    rng = np.random.default_rng(0)
    levels = np.unique(rng.integers(0, 1000, 300).astype(float))
    image = rng.choice(levels, (300, 400))
    mask = rng.random(image.shape) < 0.8
    markers = rng.integers(0, 3, image.shape) * (rng.random(image.shape) < 0.1)
    row_start = np.arange(300, dtype=np.intp) * 402 + 403
    padded_size = 302 * 402
    first = np.zeros(301, np.intp)
    np.cumsum((markers * mask != 0).sum(axis=1), out=first[1:])
    spans = np.empty((300, 3), np.intp)
    _watershed._prepare_ranks(image, mask, markers, levels, 0, row_start, np.empty(padded_size, np.int32), spans)
    state = rng.integers(-5, 20, padded_size).astype(np.int32)
    labels = rng.integers(1, 9, 40)
    args = {
        "_prepare_ranks": lambda: (image, mask, markers, levels, 0, row_start,
                                   np.full(padded_size, 99, np.int32), np.empty((300, 3), np.intp)),
        "_collect_markers": lambda: (mask, markers, row_start, spans, first, np.empty(first[-1], np.intp),
                                     np.empty(first[-1], np.int64)),
        "_unpad_labels": lambda: (state, np.resize(labels, 40), row_start, np.empty((300, 400), np.int64)),
        "_masked_range": lambda: (image.astype(np.int64), mask, np.empty(300, np.int64), np.empty(300, np.int64),
                                  np.empty(300, np.intp)),
    }[kernel]
    state[state < -41] = -1
    parallel_args, serial_args = args(), args()
    getattr(_watershed, kernel)(*parallel_args)
    serial(getattr(_watershed, kernel))(*serial_args)
    for a, b in zip(parallel_args, serial_args):
        np.testing.assert_array_equal(a, b)
    if kernel == "_prepare_ranks":
        state = parallel_args[6].reshape(302, 402)
        np.testing.assert_array_equal(state[1:-1, 1:-1][mask], np.searchsorted(levels, image[mask]))
        assert (state[1:-1, 1:-1][~mask] == -1).all()
        state[1:-1, 1:-1] = -1
        assert (state == -1).all()  # the padding too
        np.testing.assert_array_equal(parallel_args[7][:, 0], (markers * mask != 0).sum(axis=1))
    if kernel == "_collect_markers":
        rows, cols = np.nonzero(markers * mask)
        np.testing.assert_array_equal(parallel_args[5], (rows + 1) * 402 + cols + 1)
        np.testing.assert_array_equal(parallel_args[6], markers[rows, cols])


def test_bad_input():
    image = np.zeros((4, 5))
    assert_same_error(watershed, ref_watershed, image, np.zeros((4, 4), int))
    assert_same_error(watershed, ref_watershed, image, np.zeros((4, 5), int), mask=np.ones((5, 4), bool))
    assert_same_error(watershed, ref_watershed, image, np.zeros((4, 5), float))
    assert_same_error(watershed, ref_watershed, image, np.zeros((4, 5), int), connectivity=np.ones((3, 3, 3)))
    err = assert_same_error(watershed, ref_watershed, image, np.zeros((4, 5), int), connectivity=np.ones((2, 2)))
    assert "connectivity" in str(err).lower()


# --- the heap on its own ----------------------------------------------------------------------
def test_heap_pops_in_value_age_order():
    rng = np.random.default_rng(0)
    values = rng.integers(0, 5, 300).astype(float)
    heap = heap_new(4)
    size = 0
    for age, v in enumerate(values):
        heap = heap_reserve(heap, size, 1)
        heap_push(*heap, size, v, age + 1, age, 0)
        size += 1
    popped = []
    while size:
        v, age, index, _ = heap_pop(*heap, size)
        size -= 1
        popped.append((v, age))
    assert popped == sorted(zip(values.tolist(), range(1, len(values) + 1)))


def test_heap_equal_keys_leave_in_the_reference_order():
    """Age-0 items with equal values (tied markers) leave in the order of the textbook binary
    heap (which the bottom-up pop keeps for unique keys): [a, b, c] pops as a, c, b."""
    heap = heap_new(4)
    size = 0
    for index in range(3):
        heap = heap_reserve(heap, size, 1)
        heap_push(*heap, size, 1.0, 0, index, index)
        size += 1
    order = []
    while size:
        order.append(heap_pop(*heap, size)[2])
        size -= 1
    assert order == [0, 2, 1]


def _key_heap_pops(keys_in):
    keys, indices = key_heap_new(4)
    size = 0
    for i, key in enumerate(keys_in):
        keys, indices = key_heap_reserve(keys, indices, size, 1)
        key_heap_push(keys, indices, size, np.uint64(key), i)
        size += 1
    order = []
    while size:
        key, index = key_heap_pop(keys, indices, size, np.uint64(0xFF))
        size -= 1
        order.append((int(key), int(index)))
    return order


def test_key_heap_pops_in_key_order():
    rng = np.random.default_rng(1)
    keys = [(int(v) << 8) | (age + 1) for age, v in enumerate(rng.integers(0, 5, 200))]
    assert [k for k, _ in _key_heap_pops(keys)] == sorted(keys)


def test_key_heap_equal_keys_leave_as_the_value_age_heap():
    """Tied age-0 keys leave in the same order as the (value, age) heap's tied items."""
    rng = np.random.default_rng(2)
    values = rng.integers(0, 3, 60)
    ages = np.where(rng.random(60) < 0.5, 0, np.arange(1, 61))
    heap = heap_new(4)
    size = 0
    for i, (v, a) in enumerate(zip(values, ages)):
        heap = heap_reserve(heap, size, 1)
        heap_push(*heap, size, float(v), int(a), i, i)
        size += 1
    expected = []
    while size:
        expected.append(int(heap_pop(*heap, size)[2]))
        size -= 1
    keys = [(int(v) << 8) | int(a) for v, a in zip(values, ages)]
    assert [index for _, index in _key_heap_pops(keys)] == expected


def test_key_heap_stand_ins_change_no_pop():
    """Items above a bound replaced by KEY_HEAP_SENTINEL stand-ins: with pushes and pops
    interleaved (as in the flood), every key below the bound leaves in the same order and
    the tied age-0 keys with the same indices, as in the heap of the real items."""
    from scratch.segmentation._heap import KEY_HEAP_SENTINEL

    rng = np.random.default_rng(3)
    ops = []  # (key, push?) with tied age-0 keys and unique aged keys, pops in between
    for age in range(400):
        ops.append(((int(rng.integers(0, 12)) << 12) | (0 if rng.random() < 0.3 else age + 1), True))
        if rng.random() < 0.4:
            ops.append((None, False))
    bound = 6 << 12  # keys above leave after every key below: stand-ins for them

    def pops(stand_ins):
        keys, indices = key_heap_new(4)
        size, out = 0, []
        for i, (key, push) in enumerate(ops):
            if push:
                keys, indices = key_heap_reserve(keys, indices, size, 1)
                stand_in = stand_ins and key > bound
                key_heap_push(keys, indices, size, KEY_HEAP_SENTINEL if stand_in else np.uint64(key), i)
                size += 1
            elif size and keys[0] <= bound:  # pop only what leaves below the bound
                key, index = key_heap_pop(keys, indices, size, np.uint64(0xFFF))
                size -= 1
                out.append((int(key), int(index)))
        return out

    expected = pops(False)
    tied = [k for k, _ in expected if k & 0xFFF == 0]
    assert len(expected) > 100 and len(set(tied)) < len(tied)  # tied age-0 keys were popped
    assert pops(True) == expected


# --- issue 15: dtypes the reference floods as float64, 0-d images, offsets -------------------------


def _dtype_images():
    rng = np.random.default_rng(15)
    base = rng.random((6, 7))
    return {
        "float16": base.astype(np.float16),
        "complex128": base.astype(np.complex128),
        "complex128 with imaginary part": base + 1j * base[::-1],
        "object floats": base.astype(object),
        "object ints": (base * 10).astype(int).astype(object),
        "object strings": np.array([["a", "b"]], dtype=object),
    }


DTYPE_IMAGES = _dtype_images()


@pytest.mark.filterwarnings("ignore::numpy.exceptions.ComplexWarning")
@pytest.mark.parametrize("key", list(DTYPE_IMAGES))
@pytest.mark.parametrize("markers", ["array", "int", "none"])
def test_float16_complex_and_object_images(key, markers):
    """With markers the reference floods ``image.astype(float64)`` (the real part of a complex
    image); without, its local-minima search raises TypeError on these dtypes."""
    image = DTYPE_IMAGES[key]
    if markers == "array":
        m = np.zeros(image.shape, np.int32)
        m.flat[0], m.flat[-1] = 1, 2
    else:
        m = 3 if markers == "int" else None
    before = image.copy()
    try:
        expected = ref_watershed(image, m)
    except Exception:
        assert_same_error(watershed, ref_watershed, image, m)
        return
    assert_agrees(watershed(image, m), expected)
    np.testing.assert_array_equal(image, before)


@pytest.mark.parametrize("markers", [None, 1, np.array(1), np.array(0)])
def test_zero_d_image(markers):
    """The reference fails inside NumPy (nonzero of a 0-d array: ValueError; np.pad: TypeError):
    the same classes, with a message naming ``image``."""
    exc = assert_same_error(watershed, ref_watershed, np.array(1.0), markers)
    assert "`image`" in str(exc)


@pytest.mark.parametrize("offset", [(1,), (1, 1, 1), [[1, 1]], (-1, -1), (-5, 0), (1.5, 1)])
def test_offset_of_the_wrong_length_sign_or_type(offset):
    image = np.random.default_rng(0).random((12, 13))
    exc = assert_same_error(watershed, ref_watershed, image, 2, offset=offset)
    assert "`offset`" in str(exc)


@pytest.mark.parametrize("offset", [(5, 5), (2, 2), (1, 1)])
def test_offsets_that_fit_the_footprint(offset):
    image = np.random.default_rng(0).random((12, 13))
    for line in (False, True):
        assert_agrees(watershed(image, 2, offset=offset, watershed_line=line),
                      ref_watershed(image, 2, offset=offset, watershed_line=line))


@pytest.mark.parametrize("offset", [(0, 0), (0, 1), (1, 0)])
def test_offset_too_small_for_the_footprint_raises(offset):
    """The image is padded by ``offset``; a 3x3 footprint centred at (0, 0) reaches 2 pixels past
    it, outside the padding.  The reference then reads memory it does not own (so it is not
    called); scratch raises a ValueError naming ``offset``."""
    image = np.random.default_rng(0).random((12, 13))
    with pytest.raises(ValueError, match="`offset`"):
        watershed(image, 2, offset=offset)


@pytest.mark.parametrize("image, mask", [(np.zeros(0), None), (np.zeros((0, 3)), None)],
                         ids=["empty 1-D", "empty 2-D"])
def test_regular_markers_with_no_pixel_to_flood(image, mask):
    """Found by test_fuzz: ``watershed(image, 4)`` on an empty image divides by the pixel
    count: the reference's ZeroDivisionError; scratch's ValueError names markers.  (An empty
    mask is the reference's OverflowError, and scratch's.)"""
    with pytest.raises(ZeroDivisionError):
        ref_watershed(image, 4, mask=mask)
    with pytest.raises(ValueError, match="markers"):
        watershed(image, 4, mask=mask)
    empty_mask = np.zeros((3, 3), bool)
    assert_same_error(watershed, ref_watershed, np.zeros((3, 3)), 4, mask=empty_mask)


def test_compact_fortran_order_reference_bug():
    """Known difference (found by test_fuzz): skimage's compact watershed pads a Fortran-ordered
    image (the padding stays Fortran-ordered), ravels it in C order and reads pixel coordinates
    with the Fortran strides: its labels are wrong.  scratch gives the answer of the C-ordered
    image, which is the reference's own answer for the same values."""
    markers = data.blobs(shape=(48, 48), n=12, radius=0, seed=3).labels.astype(np.int32)
    image = np.random.default_rng(0).random((48, 48))
    expected = ref_watershed(image, markers, compactness=1.0)
    assert (ref_watershed(np.asfortranarray(image), markers, compactness=1.0) != expected).sum() > 100
    np.testing.assert_array_equal(watershed(np.asfortranarray(image), markers, compactness=1.0), expected)
    np.testing.assert_array_equal(watershed(image, markers, compactness=1.0), expected)
