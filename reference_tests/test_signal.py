"""scratch.signal.fftconvolve <-> scipy.signal.fftconvolve (SciPy 1.17).

Tolerance (stated as DESIGN.md asks).  FFT round-off is not elementwise-relative: every
output sample carries an absolute error of a few ε·max|result| (ε of the working precision),
whatever its own size, because each sample is a sum over the whole spectrum.  A sample near
zero is therefore *not* accurate to rtol, neither in SciPy nor here, and the two libraries
(numpy.fft vs scipy.fft, both pocketfft but with different plans) differ by that round-off.
So :func:`assert_fft_agrees` uses

* float64 / complex128: ``rtol=1e-7, atol=1e-12 * max|reference|``
  (measured: at most 3 ε·max ≈ 7e-16·max over 200 random 2-D cases, 4e-16 on 512² ⊛ 31²);
* float32 / complex64: ``rtol=1e-5, atol=1e-5 * max|reference|`` (measured ≈ 4e-7·max).
  This holds whenever *either input* is transformed in single precision (float16/float32/
  complex64), even when the other input makes the result float64: that input's spectrum
  carries float32 round-off into the float64 product (SciPy does the same).

Shapes, dtypes and exception classes must be identical.  Every expected value is SciPy's.
One case table (``CASES``: shape pairs × modes × axes) and one helper serve all tests.
"""

import numpy as np
import pytest
import scipy.fft
import scipy.signal as ref
from hypothesis import given
from hypothesis import strategies as st

from conftest import assert_same_error, unchanged_copy
from scratch.signal import fftconvolve
from scratch.signal._fftconvolve import next_fast_len

MODES = ("full", "same", "valid")


def _single_precision(*arrays):
    """Whether any input is transformed in single precision (float16/float32/complex64)."""
    return any(np.asarray(a).dtype in (np.float16, np.float32, np.complex64) for a in arrays)


def assert_fft_agrees(ours, expected, single=None):
    """Same type, shape, dtype; values within the FFT round-off bound (module docstring).

    ``single``: the working precision was float32 (default: judged from ``expected``).
    """
    assert type(ours) is type(expected)
    ours, expected = np.asarray(ours), np.asarray(expected)
    assert ours.shape == expected.shape, f"shape {ours.shape} != scipy {expected.shape}"
    assert ours.dtype == expected.dtype, f"dtype {ours.dtype} != scipy {expected.dtype}"
    if expected.size == 0:
        return
    if expected.dtype.kind in "biu":  # no FFT done (all axes broadcast): exact
        np.testing.assert_array_equal(ours, expected)
        return
    if single is None:
        single = _single_precision(expected)
    rel = 1e-5 if single else 1e-12
    atol = rel * float(np.abs(expected).max())
    np.testing.assert_allclose(ours, expected, rtol=1e-5 if single else 1e-7, atol=atol)


def check(in1, in2, mode="full", axes=None):
    """Compare with SciPy: the same result, or the same exception class; inputs unchanged."""
    before = unchanged_copy(in1, in2)
    try:
        expected = ref.fftconvolve(in1, in2, mode=mode, axes=axes)
    except Exception:  # noqa: BLE001 - the reference's class is what we must raise
        assert_same_error(fftconvolve, ref.fftconvolve, in1, in2, mode=mode, axes=axes)
        return
    ours = fftconvolve(in1, in2, mode=mode, axes=axes)
    assert_fft_agrees(ours, expected, single=_single_precision(in1, in2))
    for arr, copy in zip((in1, in2), before):
        np.testing.assert_array_equal(arr, copy, strict=True)


def _rand(shape, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind in "iu":
        return rng.integers(0, 100, shape).astype(dtype)
    if np.dtype(dtype).kind == "b":
        return rng.random(shape) > 0.5
    a = rng.standard_normal(shape)
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.standard_normal(shape)
    return a.astype(dtype)


# --- the case table: (in1 shape, in2 shape, axes) ---------------------------------------
CASES = [
    ((1,), (1,), None),
    ((9,), (3,), None),
    ((10,), (4,), None),  # even image, even kernel: the 'same' centring
    ((4,), (11,), None),  # kernel larger than the image (valid swaps the inputs)
    ((97,), (13,), None),  # prime length: padded to a fast length
    ((1, 17), (1, 5), None),  # 1 x N
    ((17, 1), (5, 1), None),  # N x 1
    ((1, 17), (5, 1), None),  # crossed: both axes broadcast, no FFT at all
    ((8, 9), (3, 3), None),
    ((7, 6), (4, 5), None),
    ((6, 7), (7, 6), None),  # neither larger: valid raises
    ((3, 3), (9, 8), None),  # image smaller than the kernel
    ((31, 33), (31, 31), None),
    ((5, 6, 7), (3, 2, 4), None),  # 3-D
    ((4, 4, 4), (4, 4, 4), None),
    ((6, 7), (3, 3), 0),
    ((6, 7), (3, 7), 0),
    ((6, 7), (6, 3), -1),
    ((6, 7), (1, 3), [1]),  # broadcast along axis 0
    ((6, 1), (1, 3), 0),  # broadcast along axis 1
    ((5, 1, 4), (3, 6, 2), [0, 2]),  # broadcast along the axis not convolved
    ((5, 1, 4), (3, 6, 2), (2, 0)),  # axes order does not matter
    ((5, 2, 4), (3, 6, 2), [0, 2]),  # incompatible along axis 1: ValueError
    ((6, 7), (3, 4), [0, 1]),
    ((6, 7), (3, 4), np.array([1])),
    ((6, 7), (3, 4), np.int64(0)),
]


def _case_id(case):
    s1, s2, axes = case
    return f"{s1}*{s2}-axes={axes if axes is None else list(np.atleast_1d(axes))}"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_case_table_float64(case, mode):
    s1, s2, axes = case
    check(_rand(s1, seed=1), _rand(s2, seed=2), mode, axes)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "dtype1,dtype2",
    [
        (np.uint8, np.uint8),
        (np.int32, np.float64),
        (np.int64, np.int64),
        (np.bool_, np.bool_),
        (np.bool_, np.float32),
        (np.float16, np.float16),
        (np.float32, np.float32),
        (np.float32, np.float64),
        (np.float32, np.complex64),
        (np.float64, np.complex128),
        (np.complex64, np.complex64),
        (np.complex128, np.uint16),
    ],
    ids=lambda d: np.dtype(d).name,
)
def test_dtypes(dtype1, dtype2, mode):
    """Integers and bool compute in float64, float16 in float32; float32 stays float32."""
    check(_rand((9, 8), dtype1, 3), _rand((4, 5), dtype2, 4), mode)
    check(_rand((1, 8), dtype1, 3), _rand((4, 1), dtype2, 4), mode)  # no FFT: dtype kept


@pytest.mark.parametrize("mode", MODES)
def test_lists_and_python_numbers(mode):
    check([1, 2, 3, 4], [0.5, 1], mode)
    check([[1, 2], [3, 4]], [[1j, 0], [0, 1]], mode)


def test_empty_and_scalar_inputs():
    check(np.zeros((0, 3)), np.ones((2, 2)))
    check(np.ones(3), np.zeros(0), mode="same")
    check(np.ones(3), np.zeros(0), mode="not-a-mode")  # scipy returns [] before the mode check
    check(np.array(2.5), np.array(4))
    check(np.array(3), np.array(4), mode="valid")


def test_direct_sum_on_small_integers():
    """The FFT result equals the textbook sum (from SciPy's direct method) to round-off."""
    a = np.arange(12).reshape(3, 4)
    k = np.array([[1, 2], [3, 4], [5, 6]])
    for mode in MODES:
        direct = ref.convolve(a, k, mode=mode, method="direct").astype(np.float64)
        np.testing.assert_allclose(fftconvolve(a, k, mode=mode), direct, atol=1e-12 * direct.max())


# --- bad input --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "in1,in2,kwargs",
    [
        (np.ones((3, 3)), np.ones(3), {}),  # ndim mismatch
        (np.ones(3), np.array(2.0), {}),  # 0-d against 1-d
        (np.ones((3, 3)), np.ones((2, 2)), {"mode": "bad"}),
        (np.ones((3, 3)), np.ones((2, 2)), {"mode": None}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": []}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": 1.5}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": ["a"]}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": 2}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": -3}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": [0, 0]}),
        (np.ones((3, 3)), np.ones((2, 2)), {"axes": [0, -2]}),
        (np.ones((3, 4)), np.ones((2, 2)), {"axes": [0]}),  # incompatible along axis 1
        (np.ones((3, 5)), np.ones((5, 3)), {"mode": "valid"}),
        (np.array(["a", "b"]), np.ones(2), {}),
    ],
    ids=[
        "ndim", "0d-vs-1d", "mode", "mode-None", "axes-empty", "axes-float", "axes-str",
        "axes-too-big", "axes-too-small", "axes-repeated", "axes-repeated-negative",
        "incompatible", "valid-neither-larger", "strings",
    ],
)
def test_bad_input_raises_like_scipy(in1, in2, kwargs):
    assert_same_error(fftconvolve, ref.fftconvolve, in1, in2, **kwargs)


def test_error_messages_name_the_problem():
    with pytest.raises(ValueError, match="in1 and in2 should have the same dimensionality"):
        fftconvolve(np.ones((3, 3)), np.ones(3))
    with pytest.raises(ValueError, match="acceptable mode flags"):
        fftconvolve(np.ones(3), np.ones(3), mode="middle")
    with pytest.raises(ValueError, match=r"one must be at least as large.*\(3, 5\)"):
        fftconvolve(np.ones((3, 5)), np.ones((5, 3)), mode="valid")


# --- fast lengths ------------------------------------------------------------------------
@pytest.mark.parametrize("real", [True, False])
def test_next_fast_len_matches_scipy_fft(real):
    targets = [*range(1, 1500), 2**20 - 1, 2**20 + 1, 999_983, 10**6 + 1, 3**13 + 1]
    assert [next_fast_len(n, real) for n in targets] == [
        scipy.fft.next_fast_len(n, real) for n in targets
    ]


@given(st.integers(1, 10**9), st.booleans())
def test_property_next_fast_len(target, real):
    assert next_fast_len(target, real) == scipy.fft.next_fast_len(target, real)


# --- Hypothesis over shapes, modes, axes ---------------------------------------------------
@st.composite
def conv_inputs(draw):
    ndim = draw(st.integers(1, 3))
    s1 = tuple(draw(st.lists(st.integers(1, 9), min_size=ndim, max_size=ndim)))
    s2 = tuple(draw(st.lists(st.integers(1, 9), min_size=ndim, max_size=ndim)))
    dtype = draw(st.sampled_from([np.float64, np.float32, np.int32, np.uint8, np.complex128]))
    axes = draw(
        st.one_of(
            st.none(),
            st.lists(st.integers(-ndim, ndim - 1), min_size=1, max_size=ndim, unique=True),
        )
    )
    seed = draw(st.integers(0, 2**16))
    return _rand(s1, dtype, seed), _rand(s2, dtype, seed + 1), axes


@given(inputs=conv_inputs(), mode=st.sampled_from(MODES))
def test_property_same_as_scipy(inputs, mode):
    in1, in2, axes = inputs
    check(in1, in2, mode, axes)


@given(inputs=conv_inputs())
def test_property_commutes_in_full_mode(inputs):
    """Convolution commutes: in1 * in2 == in2 * in1 (checked against SciPy's result)."""
    in1, in2, _ = inputs
    expected = ref.fftconvolve(in1, in2)
    assert_fft_agrees(fftconvolve(in2, in1), expected, single=_single_precision(in1, in2))


# --- one larger case ------------------------------------------------------------------------
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("mode", MODES)
def test_image_with_large_kernel(dtype, mode):
    """A 256² image and a 31×31 kernel, the course's "where the FFT wins" case."""
    image = _rand((256, 256), dtype, 5)
    yy, xx = np.mgrid[-15:16, -15:16]
    kernel = np.exp(-(yy**2 + xx**2) / (2 * 5.0**2)).astype(dtype)
    check(image, kernel, mode)


# --- transform lengths cut to the kept samples --------------------------------------------
# 'same' and 'valid' transform at the shortest fast length that keeps their samples free of
# wrap-around (max(n1, n2, n1 + n2 - 1 - start, start + length)), not n1 + n2 - 1: odd and
# even sides, a kernel longer than the image (then n2 is the bound), 1 x N rows.
WINDOW_SHAPES = [
    ((303, 384), (31, 31)),  # the tour's coins and 31 x 31 kernel
    ((64, 65), (8, 9)),  # even/odd image, even/odd kernel
    ((65, 64), (9, 8)),
    ((3, 40), (9, 5)),  # kernel taller than the image: N >= n2 along axis 0
    ((1, 97), (1, 13)),  # 1 x N: axis 0 broadcast, one transformed axis
    ((1, 96), (1, 12)),
    ((1, 50), (3, 7)),  # 1 x N image, 3 x 7 kernel: 'same' keeps one row
    ((3,), (9,)),  # 'same' with n1 + (n2 - 1) / 2 < n2
    ((128,), (2,)),
]


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.complex128])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("shapes", WINDOW_SHAPES, ids=lambda s: f"{s[0]}*{s[1]}")
def test_kept_samples_transform_lengths(shapes, mode, dtype):
    s1, s2 = shapes
    check(_rand(s1, dtype, 21), _rand(s2, dtype, 22), mode)
