"""scratch.util <-> skimage.util (0.26): dtype conversions, dtype_limits, invert.

Contract: for every input, scratch and scikit-image give an *identical* result (same dtype,
same shape, equal values bit for bit — these are table look-ups and integer arithmetic), the
same warnings (class and text), the same exception class, and the same copy/no-copy
behaviour (``result is image``).  Every expected value is computed by scikit-image.

One case table (``IMAGES``: every dtype × value sets that hit each rule: the extremes of the
range, the half-maximum thresholds of img_as_bool, values that "fit" in fewer bits and
trigger the downcasting warning, floats outside [-1, 1], NaN, 0-d, empty) and one helper
(:func:`assert_same_behaviour`) are shared by all the functions.
"""

import warnings

import numpy as np
import pytest
import skimage.util as ref
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.util as ours
from conftest import assert_same_error, unchanged_copy

CONVERSIONS = (
    "img_as_float",
    "img_as_float32",
    "img_as_float64",
    "img_as_ubyte",
    "img_as_uint",
    "img_as_int",
    "img_as_bool",
)

INT_TYPES = (np.uint8, np.uint16, np.uint32, np.uint64, np.int8, np.int16, np.int32, np.int64)
FLOAT_TYPES = (np.float16, np.float32, np.float64)
UTIL_DTYPES = (np.bool_, *INT_TYPES, *FLOAT_TYPES)


def _int_values(dtype):
    info = np.iinfo(dtype)
    half = info.max // 2
    candidates = [info.min, info.min + 1, -129, -128, -1, 0, 1, 2, 127, 128, 200, 255, 256,
                  half - 1, half, half + 1, info.max - 1, info.max]
    return np.array(sorted({v for v in candidates if info.min <= v <= info.max}), dtype)


def _images():
    """(id, image) pairs: every dtype with values that exercise every branch of the rules."""
    rng = np.random.default_rng(7)
    cases = [
        ("bool", np.array([[True, False, True], [False, False, True]])),
        ("bool-3d", rng.random((2, 3, 4)) > 0.5),
    ]
    for dtype in INT_TYPES:
        name = np.dtype(dtype).name
        info = np.iinfo(dtype)
        cases.append((f"{name}-extremes", _int_values(dtype)))
        full = rng.integers(info.min, info.max, size=(4, 5), dtype=dtype, endpoint=True)
        cases.append((f"{name}-random-4x5", full))
        cases.append((f"{name}-1xN", full[:1]))
        cases.append((f"{name}-Nx1", full[:, :1].copy()))
        # values that fit in 8 bits: the "Downcasting ... without scaling" shortcut
        small = rng.integers(max(info.min, -100), 200, size=(3, 4, 2)).astype(dtype)
        cases.append((f"{name}-small-3d", small))
        cases.append((f"{name}-constant", np.full((2, 3), info.max, dtype)))
        cases.append((f"{name}-0d", np.array(info.max // 3, dtype)))
        cases.append((f"{name}-empty", np.zeros((0, 3), dtype)))
    for dtype in FLOAT_TYPES:
        name = np.dtype(dtype).name
        edges = [-1.0, -0.75, -0.5, -1e-3, 0.0, 1 / 255, 0.5, 127.5 / 255, 0.999, 1.0]
        edges = np.array(edges, dtype)
        cases.append((f"{name}-edges", edges))
        cases.append((f"{name}-unit-5x4", rng.random((5, 4)).astype(dtype)))
        cases.append((f"{name}-signed-3d", rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)))
        cases.append((f"{name}-above-1", np.array([[0.0, 0.5, 1.5]], dtype)))
        cases.append((f"{name}-below-minus-1", np.array([[-2.0], [0.0]], dtype)))
        cases.append((f"{name}-0d", np.array(0.25, dtype)))
        cases.append((f"{name}-empty", np.zeros((3, 0), dtype)))
    return cases


IMAGES = _images()


def _call(func, image, **kwargs):
    """Run ``func`` recording its result, its warnings (class, text) or its exception."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, error = func(image, **kwargs), None
        except Exception as exc:  # noqa: BLE001 - compared below
            result, error = None, exc
    return result, error, [(w.category, str(w.message)) for w in caught]


def assert_same_behaviour(name, image, **kwargs):
    """scratch's ``name`` and skimage's behave identically on ``image`` (see module doc)."""
    before = unchanged_copy(image)[0] if isinstance(image, np.ndarray) else None
    ref_result, ref_error, ref_warnings = _call(getattr(ref, name), image, **kwargs)
    our_result, our_error, our_warnings = _call(getattr(ours, name), image, **kwargs)
    assert our_warnings == ref_warnings
    if ref_error is not None:
        assert isinstance(our_error, type(ref_error)), (
            f"scratch raised {our_error!r}, skimage raised {ref_error!r}"
        )
        return
    assert our_error is None, f"scratch raised {our_error!r}, skimage returned a result"
    assert type(our_result) is type(ref_result)
    if isinstance(ref_result, np.ndarray):
        assert our_result.dtype == ref_result.dtype
        assert our_result.shape == ref_result.shape
        np.testing.assert_array_equal(our_result, ref_result, strict=True)
        # the same copy semantics: a pass-through returns the very input array
        assert (our_result is image) == (ref_result is image)
        assert np.shares_memory(our_result, image) == np.shares_memory(ref_result, image)
    else:
        assert our_result == ref_result
    if before is not None:
        np.testing.assert_array_equal(image, before, strict=True)


# --- the case table ---------------------------------------------------------------------
@pytest.mark.parametrize("name", CONVERSIONS)
@pytest.mark.parametrize("image", [c[1] for c in IMAGES], ids=[c[0] for c in IMAGES])
def test_conversion_matches_skimage(name, image):
    assert_same_behaviour(name, image)


@pytest.mark.parametrize("name", CONVERSIONS)
@pytest.mark.parametrize("dtype", UTIL_DTYPES, ids=lambda d: np.dtype(d).name)
def test_force_copy(name, dtype):
    image = np.zeros((2, 3), dtype)
    assert_same_behaviour(name, image, force_copy=True)
    assert_same_behaviour(name, image, force_copy=False)


@pytest.mark.parametrize("name", CONVERSIONS)
def test_lists_and_scalars(name):
    assert_same_behaviour(name, [[0, 1], [2, 3]])
    assert_same_behaviour(name, [[0.0, 0.5], [1.0, -1.0]])
    assert_same_behaviour(name, [True, False])
    assert_same_behaviour(name, 7)


@pytest.mark.parametrize("name", CONVERSIONS)
@pytest.mark.parametrize(
    "image",
    [
        np.array([1 + 1j, 0], np.complex64),
        np.array([0.5], np.longdouble),
        np.array([1, 2], object),
        np.array(["a", "b"]),
        np.array([np.nan, 0.5]),
        np.array([np.inf, 0.5], np.float32),
    ],
    ids=["complex64", "longdouble", "object", "str", "nan", "inf"],
)
def test_unsupported_and_non_finite(name, image):
    """Unsupported dtypes -> ValueError("Cannot convert ..."); NaN slips through the range
    check (scikit-image compares with < and >) exactly as in the reference."""
    assert_same_behaviour(name, image)


def test_error_messages_name_the_problem():
    with pytest.raises(ValueError, match="Images of type float must be between -1 and 1."):
        ours.img_as_ubyte(np.array([2.0]))
    with pytest.raises(ValueError, match="Cannot convert from complex64 to uint8"):
        ours.img_as_ubyte(np.array([1j], np.complex64))
    with pytest.warns(UserWarning, match="Downcasting uint16 to uint8 without scaling"):
        ours.img_as_ubyte(np.array([0, 200], np.uint16))


# --- dtype_limits and invert --------------------------------------------------------------
@pytest.mark.parametrize("clip_negative", [False, True])
@pytest.mark.parametrize(
    "dtype", [*UTIL_DTYPES, np.intc, np.uintp, np.longlong], ids=lambda d: np.dtype(d).name
)
def test_dtype_limits(dtype, clip_negative):
    image = np.zeros(3, dtype)
    expected = ref.dtype_limits(image, clip_negative=clip_negative)
    got = ours.dtype_limits(image, clip_negative=clip_negative)
    assert got == expected
    assert [type(v) for v in got] == [type(v) for v in expected]


@pytest.mark.parametrize("image", [[1, 2], np.zeros(2, np.complex128), np.zeros(2, np.longdouble)],
                         ids=["list", "complex", "longdouble"])
def test_dtype_limits_bad_input(image):
    assert_same_error(ours.dtype_limits, ref.dtype_limits, image)


@pytest.mark.parametrize("signed_float", [False, True])
@pytest.mark.parametrize("image", [c[1] for c in IMAGES], ids=[c[0] for c in IMAGES])
def test_invert_matches_skimage(image, signed_float):
    assert_same_behaviour("invert", image, signed_float=signed_float)


def test_invert_bad_input():
    err = assert_same_error(ours.invert, ref.invert, [1, 2, 3])
    assert "image" in str(err)


def test_invert_docstring_examples():
    img = np.array([[100, 0, 200], [0, 50, 0], [30, 0, 255]], np.uint8)
    np.testing.assert_array_equal(ours.invert(img), ref.invert(img))
    np.testing.assert_array_equal(ours.invert(np.array([-128, 127], np.int8)), [127, -128])


# --- Hypothesis --------------------------------------------------------------------------
shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6)


@st.composite
def any_image(draw):
    dtype = draw(st.sampled_from(UTIL_DTYPES))
    if np.dtype(dtype).kind == "f":
        elements = st.floats(-1, 1, width=np.dtype(dtype).itemsize * 8)
    else:
        elements = None  # the dtype's whole range
    return draw(hnp.arrays(dtype, draw(shapes), elements=elements))


@given(image=any_image(), name=st.sampled_from((*CONVERSIONS, "invert")))
def test_property_same_as_skimage(image, name):
    assert_same_behaviour(name, image)


@given(image=any_image())
def test_property_round_trip_through_float(image):
    """uint8 -> float -> uint8 is the identity (a property of the rules, checked on both)."""
    image = image.astype(np.uint8) if image.dtype.kind != "f" else ref.img_as_ubyte(image)
    np.testing.assert_array_equal(ours.img_as_ubyte(ours.img_as_float(image)), image)
    np.testing.assert_array_equal(ref.img_as_ubyte(ref.img_as_float(image)), image)


# --- integer -> float by the compiled loop (rule 7) ----------------------------------------
# The loop must give skimage's bits for every integer dtype and memory layout; bool and float
# inputs take other rules and must still do so.  37 x 41: odd sides, the extremes included.
LOOP_DTYPES = (np.uint8, np.uint16, np.int16, np.bool_, np.float32)
LAYOUTS = ("C", "F", "strided", "read-only", "big-endian", "1xN")


def _loop_image(dtype, layout):
    rng = np.random.default_rng(11)
    if np.dtype(dtype).kind == "b":
        image = rng.random((37, 41)) > 0.5
    elif np.dtype(dtype).kind == "f":
        image = rng.random((37, 41)).astype(dtype)
    else:
        info = np.iinfo(dtype)
        image = rng.integers(info.min, info.max, (37, 41), dtype=dtype, endpoint=True)
        image[0, :2] = info.min, info.max
    if layout == "F":
        return np.asfortranarray(image)
    if layout == "strided":
        return image[::2, ::-3]
    if layout == "read-only":
        image.flags.writeable = False
    if layout == "big-endian":
        return image.astype(image.dtype.newbyteorder(">"))
    if layout == "1xN":
        return image[:1]
    return image


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("dtype", LOOP_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name", ("img_as_float", "img_as_float32", "img_as_float64"))
def test_int_to_float_loop_matches_skimage(name, dtype, layout):
    image = _loop_image(dtype, layout)
    assert_same_behaviour(name, image)
    ours_result, ref_result = getattr(ours, name)(image), getattr(ref, name)(image)
    # the same bits (assert_array_equal does not tell -0.0 from 0.0) and memory order
    assert ours_result.tobytes() == ref_result.tobytes()
    if layout in ("C", "F"):
        assert ours_result.flags.f_contiguous == ref_result.flags.f_contiguous


def test_int_to_float_loop_on_the_camera():
    from scratch import data

    camera = data.camera()
    assert ours.img_as_float(camera).tobytes() == ref.img_as_float(camera).tobytes()
    assert ours.img_as_float32(camera).tobytes() == ref.img_as_float32(camera).tobytes()


@pytest.mark.parametrize("dtype", (np.uint8, np.int16, np.int64), ids=lambda d: np.dtype(d).name)
def test_int_to_float_parallel_equals_serial(dtype):
    from scratch._jit import serial
    from scratch.util._dtype import _int_to_float

    info = np.iinfo(dtype)
    flat = np.random.default_rng(3).integers(info.min, info.max, 10_007, dtype=dtype, endpoint=True)
    scale = np.float64(1.0 / info.max)
    threaded, serial_out = np.empty(flat.size), np.empty(flat.size)
    _int_to_float(flat, scale, info.min < 0, threaded)
    serial(_int_to_float)(flat, scale, info.min < 0, serial_out)
    assert threaded.tobytes() == serial_out.tobytes()
    assert threaded.tobytes() == ref.img_as_float(flat).tobytes()
