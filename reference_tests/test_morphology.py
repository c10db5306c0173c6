"""scratch.morphology against skimage.morphology 0.26: footprints, grey and binary morphology, clean-up.

Every expected value is computed by scikit-image on the same input.  Footprints, masks and
integer images agree exactly; float images too (a min/max selects one of the input values).
Images are small (<= 64 x 64) so that the suite also runs without the JIT.
"""

import warnings

import numpy as np
import pytest
import skimage.morphology as skm
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.morphology as sm
from scratch._jit import serial
from scratch.morphology import _flat
from scratch.ndimage._boundary import extend_indices, pad

from conftest import ALL_DTYPES, assert_agrees, assert_same_error, unchanged_copy

# scikit-image 0.26 deprecates binary_* and square/rectangle/cube (FutureWarning): the reference
# calls are silenced here; test_deprecations checks that scratch warns in the same places.
pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")

GREY = ["erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat"]
BINARY = ["binary_erosion", "binary_dilation", "binary_opening", "binary_closing"]
GREY_MODES = ["reflect", "constant", "nearest", "mirror", "wrap", "max", "min", "ignore"]
BINARY_MODES = ["ignore", "max", "min"]


def camera_crop():
    import skimage.data

    return skimage.data.camera()[200:248, 220:260]  # 48 x 40 uint8


def as_dtype(image, dtype):
    if dtype == np.bool_:
        return image > 100
    if np.dtype(dtype).kind == "f":
        return (image / 255.0).astype(dtype)
    return image.astype(dtype)


def assert_same_sequence(ours, ref):
    """Footprint sequences: same length, same arrays (and dtypes) and repetition counts, the
    counts of the reference's type (np.uint8 for disk/ball 'sequence', from its table; int else)."""
    assert isinstance(ours, tuple) and len(ours) == len(ref)
    for (fp, n), (fp_ref, n_ref) in zip(ours, ref):
        assert n == n_ref
        assert type(n) is type(n_ref), f"repetition count {n!r}: {type(n)} != reference {type(n_ref)}"
        assert_agrees(fp, fp_ref)


# --- footprints -----------------------------------------------------------------------------
FOOTPRINT_CASES = (
    [("disk", (r,), {}) for r in range(0, 9)]
    + [("disk", (r,), {"strict_radius": False}) for r in range(0, 9)]
    + [("diamond", (r,), {}) for r in range(0, 7)]
    + [("ellipse", (w, h), {}) for w in range(0, 6) for h in range(0, 5)]
    + [("octagon", (m, n), {}) for m in range(0, 6) for n in range(0, 6) if m or n]
    + [("star", (a,), {}) for a in range(1, 8)]
    + [("ball", (r,), {}) for r in range(0, 5)]
    + [("ball", (r,), {"strict_radius": False}) for r in range(0, 5)]
    + [("octahedron", (r,), {}) for r in (0, 1, 2, 3, 1.5, 2.5)]
    + [("footprint_rectangle", ((3, 5),), {}), ("footprint_rectangle", ((4, 1, 2),), {}),
       ("disk", (3,), {"dtype": bool}), ("diamond", (2,), {"dtype": np.float64}),
       ("footprint_rectangle", ((2, 2),), {"dtype": np.int32})]
)


@pytest.mark.parametrize("name,args,kwargs", FOOTPRINT_CASES, ids=[f"{c[0]}{c[1]}{c[2] or ''}" for c in FOOTPRINT_CASES])
def test_footprints_equal_the_reference(name, args, kwargs):
    assert_agrees(getattr(sm, name)(*args, **kwargs), getattr(skm, name)(*args, **kwargs))


DECOMPOSITION_CASES = (
    [("disk", (r,), {"decomposition": "sequence"}) for r in (1, 2, 3, 5, 10, 31, 250)]
    + [("disk", (r,), {"decomposition": "crosses"}) for r in (1, 2, 5, 12)]
    + [("disk", (r,), {"decomposition": "crosses", "strict_radius": False}) for r in (3, 7)]
    + [("ball", (r,), {"decomposition": "sequence"}) for r in (1, 2, 5, 22, 100)]
    + [("diamond", (r,), {"decomposition": "sequence"}) for r in (1, 4)]
    + [("octahedron", (r,), {"decomposition": "sequence"}) for r in (1, 3)]
    + [("ellipse", (w, h), {"decomposition": "crosses"}) for w, h in ((5, 3), (2, 7), (9, 9))]
    + [("octagon", (m, n), {"decomposition": "sequence"}) for m, n in ((0, 3), (1, 1), (2, 2), (5, 2), (4, 7), (0, 5))]
    + [("footprint_rectangle", (shape,), {"decomposition": d})
       for shape in ((9, 9), (3, 7), (5, 5, 11)) for d in ("separable", "sequence")]
)


@pytest.mark.filterwarnings("ignore:decomposition='sequence' is only supported")
@pytest.mark.parametrize("name,args,kwargs", DECOMPOSITION_CASES,
                         ids=[f"{c[0]}{c[1]}{c[2]}" for c in DECOMPOSITION_CASES])
def test_footprint_decompositions_equal_the_reference(name, args, kwargs):
    assert_same_sequence(getattr(sm, name)(*args, **kwargs), getattr(skm, name)(*args, **kwargs))


def test_even_rectangle_sequence_falls_back_to_separable_with_a_warning():
    with pytest.warns(UserWarning, match="uneven"):
        ours = sm.footprint_rectangle((4, 5), decomposition="sequence")
    with pytest.warns(UserWarning):
        ref = skm.footprint_rectangle((4, 5), decomposition="sequence")
    assert_same_sequence(ours, ref)


@pytest.mark.parametrize("call", [
    lambda m: m.diamond(2, decomposition="crosses"),
    lambda m: m.footprint_rectangle((3, 3), decomposition="x"), lambda m: m.octagon(0, 0),
    lambda m: m.ball(2, decomposition="crosses"), lambda m: m.disk(300, decomposition="sequence"),
    lambda m: m.octahedron(2, decomposition="bad"),
])
def test_bad_footprint_arguments_raise_like_the_reference(call):
    assert_same_error(lambda: call(sm), lambda: call(skm))


def test_unknown_disk_and_ellipse_decomposition_reference_bug():
    """Known difference: skimage's disk/ellipse fall through to an unbound variable
    (UnboundLocalError) for an unknown decomposition; scratch raises the ValueError the other
    footprints raise."""
    for name, args in (("disk", (3,)), ("ellipse", (2, 2))):
        with pytest.raises(UnboundLocalError):
            getattr(skm, name)(*args, decomposition="bad")
        with pytest.raises(ValueError, match="Unrecognized decomposition"):
            getattr(sm, name)(*args, decomposition="bad")


@pytest.mark.filterwarnings("default::FutureWarning")
def test_deprecations():
    for name, args in (("square", (3,)), ("rectangle", (2, 3)), ("cube", (2,))):
        with pytest.warns(FutureWarning):
            ours = getattr(sm, name)(*args)
        with pytest.warns(FutureWarning):
            ref = getattr(skm, name)(*args)
        assert_agrees(ours, ref)
    image = camera_crop() > 100
    for name in BINARY:
        with pytest.warns(FutureWarning) as ours:
            getattr(sm, name)(image)
        with pytest.warns(FutureWarning) as ref:
            getattr(skm, name)(image)
        # word for word: skimage's own test_binary.py filters the warning by its text
        assert str(ours[0].message) == str(ref[0].message)


def test_mirror_pad_and_sequence_helpers():
    fp = np.array([[0, 0], [1, 1], [1, 0]], np.uint8)
    assert_agrees(sm.mirror_footprint(fp), skm.mirror_footprint(fp))
    for pad_end in (True, False):
        assert_agrees(sm.pad_footprint(fp, pad_end=pad_end), skm.pad_footprint(fp, pad_end=pad_end))
    sequence = ((fp, 2), (np.ones((1, 3), np.uint8), 1))
    assert_same_sequence(sm.mirror_footprint(sequence), skm.mirror_footprint(sequence))
    assert_same_sequence(sm.pad_footprint(sequence), skm.pad_footprint(sequence))
    for seq in (skm.disk(4, decomposition="sequence"), skm.footprint_rectangle((5, 7), decomposition="sequence"),
                skm.disk(5, decomposition="crosses")):
        assert_agrees(sm.footprint_from_sequence(seq), skm.footprint_from_sequence(seq))


# --- grey and binary morphology: one case table of footprints -------------------------------
def _asymmetric():
    return np.array([[1, 0, 0], [0, 1, 1], [0, 0, 1]], np.uint8)


FOOTPRINTS = {
    "default": None,
    "disk2": skm.disk(2),
    "rect3x5": np.ones((3, 5), np.uint8),
    "even2x4": np.ones((2, 4), np.uint8),
    "even-asym": np.array([[0, 1], [1, 1], [0, 0], [1, 0]], np.uint8),
    "asymmetric": _asymmetric(),
    "off-centre": np.array([[1, 0, 0], [0, 0, 0], [0, 0, 0]], np.uint8),
    "line1x9": np.ones((1, 9), np.uint8),
    "seq-disk3": skm.disk(3, decomposition="sequence"),
    "seq-rect": skm.footprint_rectangle((5, 7), decomposition="sequence"),
    "crosses": skm.ellipse(3, 2, decomposition="crosses"),
}


@pytest.mark.parametrize("mode", GREY_MODES)
@pytest.mark.parametrize("fp", list(FOOTPRINTS), ids=list(FOOTPRINTS))
@pytest.mark.parametrize("func", GREY)
def test_grey_morphology_on_camera_every_mode(func, fp, mode):
    image = camera_crop()
    kwargs = {"mode": mode, "cval": 77}
    ours = getattr(sm, func)(image, FOOTPRINTS[fp], **kwargs)
    assert_agrees(ours, getattr(skm, func)(image, FOOTPRINTS[fp], **kwargs))


@pytest.mark.parametrize("dtype", ALL_DTYPES + (np.int8, np.int16))
@pytest.mark.parametrize("fp", ["default", "disk2", "rect3x5", "even-asym", "seq-disk3"])
@pytest.mark.parametrize("func", GREY)
def test_grey_morphology_keeps_every_dtype(func, fp, dtype):
    image = as_dtype(camera_crop(), dtype)
    for mode in ("reflect", "ignore", "constant"):
        if dtype == np.int64 and mode == "ignore" and fp in ("default", "disk2", "even-asym", "seq-disk3"):
            continue  # reference bug, see test_int64_ignore_mode_reference_bug
        ours = getattr(sm, func)(image, FOOTPRINTS[fp], mode=mode, cval=3)
        assert_agrees(ours, getattr(skm, func)(image, FOOTPRINTS[fp], mode=mode, cval=3))


@pytest.mark.parametrize("cval", [-1, -1.5, 300, 2.7, -0.5, 2**40, -(2**40), np.inf, -np.inf])
@pytest.mark.parametrize("fp", ["default", "rect3x5"])
@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.uint16, np.int32, np.float32, np.bool_])
def test_constant_mode_converts_cval_like_scipy(dtype, fp, cval):
    """SciPy's n-D filter casts cval to the image dtype (wrap-around, C truncation); its 1-D
    filters (footprints of ones) compare with the double and cast the result.  Both kept."""
    image = as_dtype(camera_crop()[:12, :14], dtype)
    for func in ("erosion", "dilation"):
        ours = getattr(sm, func)(image, FOOTPRINTS[fp], mode="constant", cval=cval)
        assert_agrees(ours, getattr(skm, func)(image, FOOTPRINTS[fp], mode="constant", cval=cval))


def test_int64_ignore_mode_reference_bug():
    """Known difference: for int64 images, 'max'/'ignore' hand SciPy cval = 2**63 - 1, whose
    double (2**63) SciPy's n-D filter casts back to -2**63, so skimage's erosion puts -2**63
    along the border.  scratch uses the dtype's maximum, as the mode means: its answer is the
    reference's answer on the same values in int32 (where the cast is exact)."""
    image = camera_crop().astype(np.int64)
    fp = skm.disk(1)
    ref = skm.erosion(image, fp, mode="ignore")
    assert ref[0, 0] == np.iinfo(np.int64).min  # the reference bug
    expected = skm.erosion(image.astype(np.int32), fp, mode="ignore").astype(np.int64)
    assert_agrees(sm.erosion(image, fp, mode="ignore"), expected)


@pytest.mark.parametrize("mode", BINARY_MODES)
@pytest.mark.parametrize("fp", list(FOOTPRINTS) + ["all-zero"], ids=list(FOOTPRINTS) + ["all-zero"])
@pytest.mark.parametrize("func", BINARY)
def test_binary_morphology_on_camera_every_mode(func, fp, mode):
    image = camera_crop() > 110
    footprint = np.zeros((3, 3), np.uint8) if fp == "all-zero" else FOOTPRINTS[fp]
    ours = getattr(sm, func)(image, footprint, mode=mode)
    assert_agrees(ours, getattr(skm, func)(image, footprint, mode=mode))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("func", BINARY)
def test_binary_morphology_takes_any_nonzero_as_true(func, dtype):
    image = as_dtype(camera_crop(), dtype)
    if np.dtype(dtype).kind in "iuf":
        image = image * (camera_crop() > 120)
    assert_agrees(getattr(sm, func)(image, skm.disk(2)), getattr(skm, func)(image, skm.disk(2)))


@pytest.mark.parametrize("func", GREY + BINARY)
def test_volumes(func, rng):
    volume = (rng.random((9, 10, 11)) * 255).astype(np.uint8)
    if func.startswith("binary"):
        volume = volume > 128
    for fp in (None, skm.ball(1), np.ones((3, 1, 4), np.uint8), skm.octahedron(2)):
        assert_agrees(getattr(sm, func)(volume, fp), getattr(skm, func)(volume, fp))


@pytest.mark.parametrize("mode", ["reflect", "mirror", "wrap", "nearest", "constant"])
@pytest.mark.parametrize("func", ["erosion", "dilation"])
def test_footprint_larger_than_the_image(func, mode):
    image = camera_crop()[:5, :3]
    for fp in (np.ones((9, 11), np.uint8), skm.disk(6), np.ones((1, 11), np.uint8), np.ones((11, 1), np.uint8)):
        assert_agrees(getattr(sm, func)(image, fp, mode=mode, cval=9),
                      getattr(skm, func)(image, fp, mode=mode, cval=9))


@pytest.mark.parametrize("func,line_filter", [("erosion", "minimum_filter1d"), ("dilation", "maximum_filter1d")])
def test_scipy_reflect_bug_for_very_long_footprints(func, line_filter):
    """Known difference: for a footprint of ones reaching four image lengths or more past the
    edge, ``scipy.ndimage.grey_erosion`` (which skimage calls) reads values from outside the
    image in 'reflect' mode (here 45, a value the image does not contain).  scratch returns
    the correctly reflected result: the one SciPy's own 1-D filter gives."""
    import scipy.ndimage as ndi

    image = camera_crop()[:5, :3]
    footprint = np.ones((1, 70), np.uint8)
    expected = getattr(ndi, line_filter)(image, 70, axis=1, mode="reflect")
    ours = getattr(sm, func)(image, footprint)
    assert_agrees(ours, expected)
    if func == "erosion":
        assert not np.array_equal(skm.erosion(image, footprint), expected)  # the reference bug


def test_out_argument_and_in_place(rng):
    image = camera_crop()
    for func in GREY:
        out_ours = np.zeros(image.shape, np.float64)
        out_ref = np.zeros(image.shape, np.float64)
        returned = getattr(sm, func)(image, skm.disk(1), out=out_ours)
        getattr(skm, func)(image, skm.disk(1), out=out_ref)
        assert returned is out_ours
        assert_agrees(out_ours, out_ref)
        inplace_ours, inplace_ref = image.copy(), image.copy()
        getattr(sm, func)(inplace_ours, skm.disk(1), out=inplace_ours)
        getattr(skm, func)(inplace_ref, skm.disk(1), out=inplace_ref)
        assert_agrees(inplace_ours, inplace_ref)
    mask = image > 100
    for func in BINARY:
        out = np.zeros(mask.shape, bool)
        assert getattr(sm, func)(mask, out=out) is out
        assert_agrees(out, getattr(skm, func)(mask))


@pytest.mark.parametrize("func", GREY + BINARY)
def test_input_is_not_modified(func):
    image = camera_crop()
    fp = skm.disk(2)
    before, fp_before = unchanged_copy(image, fp)
    getattr(sm, func)(image, fp)
    np.testing.assert_array_equal(image, before)
    np.testing.assert_array_equal(fp, fp_before)


# --- Hypothesis: any shape, dtype and footprint ----------------------------------------------
SHAPES = st.one_of(
    st.tuples(st.just(1), st.integers(1, 30)),
    st.tuples(st.integers(1, 30), st.just(1)),
    st.tuples(st.integers(1, 20), st.integers(1, 20)),
    st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6)),
)
DTYPES = st.sampled_from([np.uint8, np.uint16, np.int32, np.float32, np.float64, np.bool_])


@st.composite
def image_and_footprint(draw):
    shape = draw(SHAPES)
    dtype = draw(DTYPES)
    if dtype == np.bool_:
        image = draw(hnp.arrays(np.bool_, shape))
    else:
        image = draw(hnp.arrays(dtype, shape, elements=st.integers(0, 200).map(float) if np.dtype(dtype).kind == "f"
                                else st.integers(0, 200)))
    fp_shape = tuple(draw(st.integers(1, 5)) for _ in shape)
    footprint = draw(hnp.arrays(np.uint8, fp_shape, elements=st.integers(0, 1)))
    if not footprint.any():
        footprint[tuple(s // 2 for s in fp_shape)] = 1
    return image, footprint


@given(image_and_footprint(), st.sampled_from(GREY_MODES), st.sampled_from(GREY))
def test_grey_morphology_agrees_on_any_input(case, mode, func):
    image, footprint = case
    ours = getattr(sm, func)(image, footprint, mode=mode, cval=5)
    assert_agrees(ours, getattr(skm, func)(image, footprint, mode=mode, cval=5))


@given(image_and_footprint(), st.sampled_from(BINARY_MODES), st.sampled_from(BINARY))
def test_binary_morphology_agrees_on_any_input(case, mode, func):
    image, footprint = case
    assert_agrees(getattr(sm, func)(image, footprint, mode=mode), getattr(skm, func)(image, footprint, mode=mode))


SYMMETRIC = [skm.disk(1), skm.disk(2), np.ones((3, 3), np.uint8), skm.diamond(2), np.ones((1, 5), np.uint8)]


@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 24), st.integers(1, 24)), elements=st.integers(0, 50).map(float)),
       st.sampled_from(range(len(SYMMETRIC))))
def test_properties_order_duality_idempotence(image, which):
    """opening <= image <= closing; erosion(f) = -dilation(-f); opening and closing idempotent."""
    fp = SYMMETRIC[which]
    opened = sm.opening(image, fp)
    closed = sm.closing(image, fp)
    assert np.all(opened <= image) and np.all(image <= closed)
    np.testing.assert_array_equal(sm.erosion(image, fp), -sm.dilation(-image, fp))
    np.testing.assert_array_equal(sm.opening(opened, fp), opened)
    np.testing.assert_array_equal(sm.closing(closed, fp), closed)
    assert_agrees(opened, skm.opening(image, fp))


@given(hnp.arrays(np.bool_, st.tuples(st.integers(1, 24), st.integers(1, 24))), st.sampled_from(range(len(SYMMETRIC))))
def test_binary_properties(mask, which):
    fp = SYMMETRIC[which]
    opened = sm.binary_opening(mask, fp)
    closed = sm.binary_closing(mask, fp)
    assert np.all(opened <= mask) and np.all(mask <= closed)
    np.testing.assert_array_equal(sm.binary_erosion(mask, fp, mode="min"), ~sm.binary_dilation(~mask, fp, mode="max"))
    np.testing.assert_array_equal(sm.binary_opening(opened, fp), opened)
    np.testing.assert_array_equal(sm.binary_closing(closed, fp), closed)


# --- bad input -------------------------------------------------------------------------------
BAD_GREY = [
    ("complex", lambda: (camera_crop() + 1j, None), {}),
    ("float16", lambda: (camera_crop().astype(np.float16), None), {}),
    ("footprint-3d", lambda: (camera_crop(), np.ones((3, 3, 3))), {}),
    ("footprint-1d", lambda: (camera_crop(), np.ones(3)), {}),
    ("all-zero", lambda: (camera_crop(), np.zeros((3, 3))), {}),
    ("empty-footprint", lambda: (camera_crop(), np.ones((0, 3))), {}),
    ("list-footprint", lambda: (camera_crop(), [[1, 1]]), {}),
    ("bad-mode", lambda: (camera_crop(), None), {"mode": "grid-wrap"}),
    ("bad-mode2", lambda: (camera_crop(), None), {"mode": "edge"}),
]


@pytest.mark.parametrize("func", GREY)
@pytest.mark.parametrize("case", BAD_GREY, ids=[c[0] for c in BAD_GREY])
def test_bad_input_grey(func, case):
    _, make, kwargs = case
    image, fp = make()
    assert_same_error(getattr(sm, func), getattr(skm, func), image, fp, **kwargs)


BAD_BINARY = [
    ("footprint-3d", lambda: (camera_crop() > 9, np.ones((3, 3, 3))), {}),
    ("list-footprint", lambda: (camera_crop() > 9, [[1, 1]]), {}),
    ("grey-mode", lambda: (camera_crop() > 9, None), {"mode": "reflect"}),
]


@pytest.mark.parametrize("func", ["binary_erosion", "binary_dilation"])
@pytest.mark.parametrize("case", BAD_BINARY, ids=[c[0] for c in BAD_BINARY])
def test_bad_input_binary(func, case):
    _, make, kwargs = case
    image, fp = make()
    assert_same_error(getattr(sm, func), getattr(skm, func), image, fp, **kwargs)


def test_empty_images():
    for func in GREY:
        assert_agrees(getattr(sm, func)(np.zeros((0, 3))), getattr(skm, func)(np.zeros((0, 3))))
    for func in BINARY:
        assert_agrees(getattr(sm, func)(np.zeros((0, 3), bool)), getattr(skm, func)(np.zeros((0, 3), bool)))


# --- remove_small_objects / remove_small_holes ------------------------------------------------
def blobs_mask(rng, shape=(40, 50)):
    return rng.random(shape) < 0.45


@pytest.mark.parametrize("connectivity", [1, 2])
@pytest.mark.parametrize("max_size", [0, 1, 3, 8, 64])
def test_remove_small_objects_and_holes(rng, max_size, connectivity):
    mask = blobs_mask(rng)
    for func in ("remove_small_objects", "remove_small_holes"):
        ours = getattr(sm, func)(mask, max_size=max_size, connectivity=connectivity)
        assert_agrees(ours, getattr(skm, func)(mask, max_size=max_size, connectivity=connectivity))


def test_remove_small_objects_on_labels_volumes_and_out(rng):
    labels = skm.dilation(rng.integers(0, 12, (30, 30)) * (rng.random((30, 30)) < 0.05)).astype(np.int32)
    assert_agrees(sm.remove_small_objects(labels, max_size=4), skm.remove_small_objects(labels, max_size=4))
    volume = rng.random((8, 9, 10)) < 0.4
    for conn in (1, 2, 3):
        assert_agrees(sm.remove_small_objects(volume, max_size=2, connectivity=conn),
                      skm.remove_small_objects(volume, max_size=2, connectivity=conn))
        assert_agrees(sm.remove_small_holes(volume, max_size=2, connectivity=conn),
                      skm.remove_small_holes(volume, max_size=2, connectivity=conn))
    mask = blobs_mask(rng)
    out = np.zeros_like(mask)
    assert sm.remove_small_objects(mask, max_size=3, out=out) is out
    assert_agrees(out, skm.remove_small_objects(mask, max_size=3))
    with pytest.warns(UserWarning):
        ours = sm.remove_small_holes(labels > 0, max_size=5).astype(np.uint8)
        sm.remove_small_holes(labels, max_size=5)
    assert_agrees(ours, skm.remove_small_holes(labels > 0, max_size=5).astype(np.uint8))


@pytest.mark.filterwarnings("default::FutureWarning")
def test_deprecated_thresholds_become_max_size(rng):
    mask = blobs_mask(rng)
    with pytest.warns(FutureWarning):
        ours = sm.remove_small_objects(mask, 4)
    with pytest.warns(FutureWarning):
        ref = skm.remove_small_objects(mask, 4)
    assert_agrees(ours, ref)
    with pytest.warns(FutureWarning):
        ours = sm.remove_small_holes(mask, area_threshold=4)
    with pytest.warns(FutureWarning):
        ref = skm.remove_small_holes(mask, area_threshold=4)
    assert_agrees(ours, ref)


def test_remove_small_bad_input():
    mask = np.zeros((5, 5), bool)
    assert_same_error(sm.remove_small_objects, skm.remove_small_objects, mask.astype(float))
    assert_same_error(sm.remove_small_objects, skm.remove_small_objects, -np.ones((5, 5), int))
    assert_same_error(sm.remove_small_holes, skm.remove_small_holes, mask, out=np.zeros((5, 5), np.uint8))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_same_error(sm.remove_small_objects, skm.remove_small_objects, mask, 3, max_size=3)


# --- parallel kernels equal their serial twins -------------------------------------------------
@pytest.mark.parametrize("dtype", [np.uint8, np.float64])
def test_parallel_kernels_equal_serial(dtype, rng):
    image = (rng.random((300, 260)) * 200).astype(dtype)
    out_parallel = np.empty_like(image)
    out_serial = np.empty_like(image)
    for minimum in (True, False):
        for length in (1, 4, 15, 90):
            index_map = extend_indices(image.shape[1], length // 2, length - 1 - length // 2, "reflect")
            _flat._separable_lines(image, index_map, length // 2, dtype(7), length, minimum, out_parallel)
            serial(_flat._separable_lines)(image, index_map, length // 2, dtype(7), length, minimum, out_serial)
            np.testing.assert_array_equal(out_parallel, out_serial)
            index_map = extend_indices(image.shape[0], length // 2, length - 1 - length // 2, "constant")
            args = (image.reshape(1, *image.shape), index_map, dtype(7), length, minimum)
            _flat._separable_rows(*args, out_parallel.reshape(1, *image.shape))
            serial(_flat._separable_rows)(*args, out_serial.reshape(1, *image.shape))
            np.testing.assert_array_equal(out_parallel, out_serial)
        padded = pad(image, [2, 2], [2, 2], "reflect", dtype(0)).reshape(304, 1, 264)
        lengths = np.array([1, 3, 5], np.int64)
        runs = (np.array([0, 1, 2, 3, 4]), np.zeros(5, np.int64), np.array([2, 1, 0, 1, 2]), np.array([0, 1, 2, 1, 0]))
        args = (padded, lengths, 8, *runs, np.zeros(0, np.int64), np.zeros(0, np.int64), minimum)
        _flat._runs_banded(*args, out_parallel.reshape(300, 1, 260))
        serial(_flat._runs_banded)(*args, out_serial.reshape(300, 1, 260))
        np.testing.assert_array_equal(out_parallel, out_serial)


@pytest.mark.slow
@pytest.mark.parametrize("func", ["erosion", "dilation", "opening", "binary_erosion", "binary_dilation"])
def test_large_image_and_footprints(func, rng):
    import skimage.data

    image = skimage.data.camera()
    if func.startswith("binary"):
        image = image > 100
    for fp in (skm.disk(5), np.ones((15, 15), np.uint8), skm.disk(12), np.ones((1, 101), np.uint8), skm.star(4)):
        assert_agrees(getattr(sm, func)(image, fp), getattr(skm, func)(image, fp))


def test_parallel_run_length_kernels_equal_serial():
    """The 2-D binary path's two kernels (``_binary._count_runs``, ``_binary._all_runs_fit``)."""
    from scratch._jit import serial
    from scratch.morphology import _binary

    mask = np.random.default_rng(3).random((37, 41)) < 0.6
    runs = [np.empty((47, 51), np.int32) for _ in range(2)]
    _binary._count_runs(mask.view(np.uint8), 5, 5, np.uint8(1), np.uint8(1), runs[0])
    serial(_binary._count_runs)(mask.view(np.uint8), 5, 5, np.uint8(1), np.uint8(1), runs[1])
    np.testing.assert_array_equal(runs[0], runs[1])
    row, start, length = (np.array(v, np.int64) for v in ([0, 5, 10], [5, 0, 5], [1, 11, 1]))
    outs = [np.empty((37, 41), bool) for _ in range(2)]
    _binary._all_runs_fit(runs[0], row, start, length, True, outs[0])
    serial(_binary._all_runs_fit)(runs[0], row, start, length, True, outs[1])
    np.testing.assert_array_equal(outs[0], outs[1])


# --- NaN: SciPy's comparison order (issue #15) ------------------------------------------------
def _nan_image(placement, dtype=np.float64):
    image = np.arange(11 * 13, dtype=dtype).reshape(11, 13) % 17
    where = {
        "centre": (5, 6), "corner": (0, 0), "last-corner": (10, 12), "edge": (0, 6), "left-edge": (5, 0),
    }
    if placement in where:
        image[where[placement]] = np.nan
    elif placement == "pair":
        image[5, 6] = image[5, 7] = np.nan
    elif placement == "row":
        image[4] = np.nan
    elif placement == "scattered":
        image[np.random.default_rng(7).random(image.shape) < 0.2] = np.nan
    elif placement == "mostly":
        image[np.random.default_rng(8).random(image.shape) < 0.8] = np.nan
    elif placement == "all":
        image[:] = np.nan
    return image


NAN_PLACEMENTS = ["centre", "corner", "last-corner", "edge", "left-edge", "pair", "row", "scattered", "mostly", "all"]


def test_nan_stays_where_scipy_keeps_it_issue_example():
    """Issue #15: one NaN spread over the footprint; SciPy's comparisons skip it (row 2)."""
    image = np.arange(25.0).reshape(5, 5)
    image[2, 2] = np.nan
    for func in GREY:
        ref = getattr(skm, func)(image)
        np.testing.assert_array_equal(getattr(sm, func)(image), ref)
    np.testing.assert_array_equal(sm.erosion(image)[2], skm.erosion(image)[2])


@pytest.mark.parametrize("fp", list(FOOTPRINTS), ids=list(FOOTPRINTS))
@pytest.mark.parametrize("placement", NAN_PLACEMENTS)
def test_nan_placements_every_footprint_and_mode(placement, fp):
    """Exactly the reference's array, NaN positions included, for every grey operation and mode."""
    image = _nan_image(placement)
    for mode in GREY_MODES:
        for func in GREY:
            ours = getattr(sm, func)(image, FOOTPRINTS[fp], mode=mode, cval=3.0)
            ref = getattr(skm, func)(image, FOOTPRINTS[fp], mode=mode, cval=3.0)
            assert ours.dtype == ref.dtype
            np.testing.assert_array_equal(ours, ref, err_msg=f"{func} mode={mode}")


@pytest.mark.parametrize("fp", list(FOOTPRINTS), ids=list(FOOTPRINTS))
@pytest.mark.parametrize("placement", ["none", "centre", "edge", "scattered"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_nan_cval_in_constant_mode(dtype, placement, fp):
    """mode='constant', cval=nan: the border is NaN, treated by the same comparisons."""
    image = _nan_image(placement, dtype)
    for func in GREY:
        ours = getattr(sm, func)(image, FOOTPRINTS[fp], mode="constant", cval=np.nan)
        ref = getattr(skm, func)(image, FOOTPRINTS[fp], mode="constant", cval=np.nan)
        assert ours.dtype == ref.dtype
        np.testing.assert_array_equal(ours, ref, err_msg=func)


@pytest.mark.parametrize("func", GREY)
def test_nan_in_volumes_and_lines(func, rng):
    for shape, fp in (((6, 7, 8), skm.ball(1)), ((6, 7, 8), np.ones((3, 1, 5), bool)), ((1, 17), np.ones((1, 5), bool)),
                      ((17,), np.ones(3, bool)), ((17,), np.array([1, 0, 1], bool))):
        image = rng.integers(0, 9, shape).astype(np.float32)
        image[rng.random(shape) < 0.15] = np.nan
        for mode in ("reflect", "constant", "wrap"):
            np.testing.assert_array_equal(getattr(sm, func)(image, fp, mode=mode, cval=np.nan),
                                          getattr(skm, func)(image, fp, mode=mode, cval=np.nan))


@given(image_and_footprint(), st.sampled_from(GREY_MODES), st.sampled_from(GREY),
       st.floats(0.0, 1.0), st.sampled_from([0.0, np.nan, np.inf]))
def test_grey_morphology_with_nan_agrees_on_any_input(case, mode, func, fraction, cval):
    image, footprint = case
    image = image.astype(np.float32 if image.dtype == np.float32 else np.float64)
    image[np.random.default_rng(image.size).random(image.shape) < fraction] = np.nan
    ours = getattr(sm, func)(image, footprint, mode=mode, cval=cval)
    np.testing.assert_array_equal(ours, getattr(skm, func)(image, footprint, mode=mode, cval=cval))


def test_nan_kernels_parallel_equal_serial(rng):
    from scratch.morphology import _flat_nan

    image = rng.integers(0, 50, (120, 9, 70)).astype(np.float64)
    image[rng.random(image.shape) < 0.1] = np.nan
    index_map = extend_indices(9, 2, 2, "constant")
    outs = [np.empty_like(image) for _ in range(2)]
    for minimum in (True, False):
        _flat_nan._harter_pass(image, index_map, np.nan, 5, minimum, outs[0])
        serial(_flat_nan._harter_pass)(image, index_map, np.nan, 5, minimum, outs[1])
        np.testing.assert_array_equal(outs[0], outs[1])
        padded = pad(image, [1, 1, 1], [1, 1, 1], "reflect", 0.0)
        strides = np.array([11 * 72, 72, 1], np.int64)
        offsets = np.array([1 * 11 * 72 + 0 * 72 + 1, 0, 2 * 11 * 72 + 2 * 72 + 2], np.int64)
        flat = [np.empty(image.size) for _ in range(2)]
        shape = np.array(image.shape, np.int64)
        _flat_nan._first_wins(padded.reshape(-1), offsets, shape, strides, minimum, flat[0])
        serial(_flat_nan._first_wins)(padded.reshape(-1), offsets, shape, strides, minimum, flat[1])
        np.testing.assert_array_equal(flat[0], flat[1])


# --- byte order (issue #15) ------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [">f8", ">f4", ">i4", ">u2", ">i8"])
@pytest.mark.parametrize("fp", ["default", "disk2", "rect3x5", "seq-disk3"])
@pytest.mark.parametrize("func", GREY)
def test_big_endian_input(func, fp, dtype):
    """Big-endian images (FITS, many TIFFs): the reference's values, in its (big-endian) dtype."""
    image = camera_crop()[:20, :25].astype(dtype)
    before = image.copy()
    ours = getattr(sm, func)(image, FOOTPRINTS[fp])
    ref = getattr(skm, func)(image, FOOTPRINTS[fp])
    assert ours.dtype.str == ref.dtype.str
    np.testing.assert_array_equal(ours, ref)
    np.testing.assert_array_equal(image, before)
    if func in ("erosion", "dilation", "opening", "closing"):
        out = np.empty_like(image)
        assert getattr(sm, func)(image, FOOTPRINTS[fp], out=out) is out
        np.testing.assert_array_equal(out, ref)


# --- found by scratch.verify's morphology tables ------------------------------------------------
@pytest.mark.parametrize("m,n", [(1.5, 2), (2, 1.5), (np.float64(2), 1), (3, -2), (1, -1)])
def test_octagon_rejects_sizes_like_the_reference(m, n):
    assert_same_error(sm.octagon, skm.octagon, m, n)


@pytest.mark.parametrize("m,n", [(2, -1), (5, -1), (-2, 1), (-4, 2)])
def test_octagon_corner_outside_the_box_is_a_value_error(m, n):
    """The reference indexes its corner pixels outside the box here (IndexError, an internal
    error); scratch says which sizes do not make an octagon.  Where the corners fit (m < 0 with
    n >= 0 included) both return the same footprint."""
    with pytest.raises(IndexError):
        skm.octagon(m, n)
    with pytest.raises(ValueError, match="corner"):
        sm.octagon(m, n)


def test_octagon_negative_m_where_the_reference_returns():
    for m, n in ((-1, 2), (-1, 3), (-2, 4), (-3, 5)):
        assert_agrees(sm.octagon(m, n), skm.octagon(m, n))


@pytest.mark.parametrize("cval", ["a", "3", b"1", np.str_("2")])
@pytest.mark.parametrize("mode", ["constant", "reflect"])
@pytest.mark.parametrize("func", GREY)
def test_grey_cval_text_is_a_type_error(func, mode, cval):
    """SciPy converts cval as a C double: text is a TypeError, never parsed ('3' included)."""
    assert_same_error(getattr(sm, func), getattr(skm, func), camera_crop(), mode=mode, cval=cval)


@pytest.mark.parametrize("func", GREY + BINARY)
def test_empty_and_short_footprints_raise_in_the_reference_order(func):
    """All-zero before the axis check in erosion (SciPy's order); dilation fails on a footprint
    with too few axes first (IndexError); binary_dilation/closing too."""
    image = camera_crop() > 100 if func.startswith("binary") else camera_crop()
    for footprint in (np.ones(0, np.uint8), np.ones((0, 3), np.uint8), np.ones(3, np.uint8)):
        try:
            getattr(skm, func)(image, footprint)
        except Exception:
            assert_same_error(getattr(sm, func), getattr(skm, func), image, footprint)
        else:
            assert_agrees(getattr(sm, func)(image, footprint), getattr(skm, func)(image, footprint))


def test_remove_small_signatures_and_deprecated_threshold_detection(rng):
    """max_size defaults to 64 in the signature, as the reference's; giving the old threshold
    and max_size (even max_size=64) is a ValueError; the old one by position still works."""
    import inspect

    for func in ("remove_small_objects", "remove_small_holes"):
        ours, ref = getattr(sm, func), getattr(skm, func)
        assert inspect.signature(ours).parameters["max_size"].default == 64
        assert str(inspect.signature(ours)) == str(inspect.signature(ref))
        mask = blobs_mask(rng)
        assert_same_error(ours, ref, mask, 5, max_size=64)
        old = "min_size" if func == "remove_small_objects" else "area_threshold"
        assert_same_error(ours, ref, mask, **{old: 5, "max_size": 64})
        assert_agrees(ours(mask, 5, 2), ref(mask, 5, 2))
        assert_agrees(ours(mask, connectivity=2), ref(mask, connectivity=2))


@pytest.mark.filterwarnings("ignore::FutureWarning")
@pytest.mark.parametrize("func", ["binary_erosion", "binary_dilation", "binary_opening", "binary_closing"])
@pytest.mark.parametrize("sequence", [
    [(np.ones((3, 3), bool), 0)],
    [(np.ones((3, 1), bool), 1), (np.ones((1, 3), bool), 0)],
    [(np.ones((3, 3), bool), -1), (np.ones((1, 3), bool), 2)],
], ids=["first-0", "second-0", "first-minus-1"])
def test_binary_sequence_repeat_below_one_means_until_stable(func, sequence):
    """SciPy's ``iterations < 1``: repeat until nothing changes (found by scratch.verify)."""
    image = np.random.default_rng(3).random((20, 21)) < 0.7
    assert_agrees(getattr(sm, func)(image, sequence), getattr(skm, func)(image, sequence))


@pytest.mark.parametrize("m", [-1, 0, 1, 2, 3, 5, True, np.True_])
@pytest.mark.parametrize("n", [True, False, np.True_])
@pytest.mark.parametrize("decomposition", [None, "sequence"])
def test_octagon_with_a_bool_n_as_the_reference(m, n, decomposition):
    """Found by test_fuzz: the reference marks its corners with ``footprint[0, n] = 1``, where a
    bool ``n`` is a NumPy mask index: octagon(1, True) is the full 3 x 3 square, octagon(m,
    False) the triangle y + x >= m - 1."""
    try:
        expected = skm.octagon(m, n, decomposition=decomposition)
    except (ValueError, IndexError):
        with pytest.raises(ValueError):
            sm.octagon(m, n, decomposition=decomposition)
        return
    result = sm.octagon(m, n, decomposition=decomposition)
    if decomposition is None:
        expected, result = ((expected, 1),), ((result, 1),)
    assert len(result) == len(expected)
    for (fp, count), (fp_ref, count_ref) in zip(result, expected):
        assert fp.dtype == fp_ref.dtype
        np.testing.assert_array_equal(fp, fp_ref)
        assert count == count_ref and type(count) is type(count_ref)


# --- the order of the checks (fuzz findings) -------------------------------------------------
# The reference: its default footprint, the mode, pad_footprint (its errors for a bad
# footprint), then SciPy's checks per footprint: the footprint's axes, cval as a C double,
# and the dtype last -- skipped where SciPy runs no filter pass (an all-ones footprint of size
# 1: a copy; an empty image: no pixel to visit, except grey's separable passes).

GREY_NAMES = ["erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat"]
BINARY_NAMES = ["binary_erosion", "binary_dilation", "binary_opening", "binary_closing"]
ORDER_FOOTPRINTS = {"default": None, "-1": -1, "2.5": 2.5, "bogus": "bogus", "True": True,
                    "3x3 cross": np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], bool), "3x3": np.ones((3, 3), bool),
                    "1x1": np.ones((1, 1), bool), "0-d": np.array(True), "3": np.ones(3, bool),
                    "zeros": np.zeros((3, 3), bool)}
ORDER_IMAGES = {"0-d float64": np.array(0.5), "0-d bool": np.array(True), "0-d float16": np.array(0.5, np.float16),
                "empty float16": np.zeros((0, 5), np.float16), "float16": np.ones((3, 4), np.float16),
                "empty uint8": np.zeros((5, 0), np.uint8), "uint8": np.arange(12, dtype=np.uint8).reshape(3, 4)}


def _same_outcome(ours, ref, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = ref(*args, **kwargs)
        except Exception as exc:
            with pytest.raises(type(exc)):
                ours(*args, **kwargs)
            return
        got = ours(*args, **kwargs)
    assert got.dtype == expected.dtype and got.shape == expected.shape
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("image_key", list(ORDER_IMAGES))
@pytest.mark.parametrize("footprint_key", list(ORDER_FOOTPRINTS))
@pytest.mark.parametrize("name", GREY_NAMES + BINARY_NAMES)
def test_order_of_checks_footprint(name, footprint_key, image_key):
    _same_outcome(getattr(sm, name), getattr(skm, name), ORDER_IMAGES[image_key],
                  footprint=ORDER_FOOTPRINTS[footprint_key])


@pytest.mark.parametrize("image_key", list(ORDER_IMAGES))
@pytest.mark.parametrize("kwargs", [dict(mode="bogus"), dict(mode=-1), dict(mode="constant", cval="bogus"),
                                    dict(mode="constant", cval=()), dict(mode="max"),
                                    dict(footprint=np.ones((1, 1)), mode="constant", cval="bogus")],
                         ids=["mode bogus", "mode -1", "cval bogus", "cval ()", "mode max", "1x1 cval bogus"])
@pytest.mark.parametrize("name", GREY_NAMES)
def test_order_of_checks_grey_mode_cval(name, kwargs, image_key):
    _same_outcome(getattr(sm, name), getattr(skm, name), ORDER_IMAGES[image_key], **kwargs)


@pytest.mark.parametrize("image_key", list(ORDER_IMAGES))
@pytest.mark.parametrize("mode", ["bogus", -1, "max", "min"])
@pytest.mark.parametrize("name", BINARY_NAMES)
def test_order_of_checks_binary_mode(name, mode, image_key):
    _same_outcome(getattr(sm, name), getattr(skm, name), ORDER_IMAGES[image_key], mode=mode)


@pytest.mark.parametrize("name", GREY_NAMES + BINARY_NAMES)
def test_empty_footprint_sequence(name):
    # the reference reads footprint[0] of the empty sequence: its IndexError; ours names it
    with pytest.raises(IndexError):
        getattr(skm, name)(np.ones((3, 4)), footprint=())
    with pytest.raises(ValueError, match="`footprint`"):
        getattr(sm, name)(np.ones((3, 4)), footprint=())
