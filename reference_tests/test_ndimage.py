"""scratch.ndimage against scipy.ndimage: correlation, convolution, gaussian and uniform filters.

Every expected value is computed by SciPy on the same input.  Float64 work agrees to the
DESIGN.md tolerance (in fact bit for bit: the summation order is SciPy's), integer outputs
(which truncate) exactly.
"""

import numpy as np
import pytest
import scipy.ndimage as ndi
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.ndimage as snd
from scratch._jit import serial
from scratch.ndimage import _correlate, _uniform

from conftest import ALL_DTYPES, assert_agrees, assert_same_error

MODES = ["reflect", "mirror", "nearest", "wrap", "constant", "grid-mirror", "grid-wrap", "grid-constant"]
CVAL = 1.5


def camera_crop():
    import skimage.data

    return skimage.data.camera()[200:248, 220:260]  # 48 x 40 uint8: cheap even without the JIT


def volume(rng, shape=(6, 7, 8)):
    return rng.random(shape) * 100


def scipy_reflect_bug(shape, weights_shape, origins, mode):
    """True where scipy.ndimage.correlate reads outside the image (see test_scipy_reflect_bug).

    SciPy's n-D offset table for 'reflect' maps a virtual index ``cc <= -4n`` that is a
    multiple of ``2n`` to ``-1`` instead of ``0``; that happens only when a kernel reaches at
    least four image lengths before the first pixel, i.e. on tiny images with huge origins.
    """
    if mode not in ("reflect", "grid-mirror"):
        return False
    for n, k, o in zip(shape, weights_shape, origins):
        before = k // 2 + o
        if n > 1 and before >= 4 * n:
            return True
    return False


# --- one case table for every filter ------------------------------------------------------
# (id, scratch function, reference function, positional args after the image, keyword args)
FILTERS = [
    ("correlate-3x3", snd.correlate, ndi.correlate, (np.arange(9.0).reshape(3, 3) - 4,), {}),
    ("correlate-4x2", snd.correlate, ndi.correlate, (np.array([[1.0, -2], [3, 0.5], [0, 1], [2, 2]]),), {}),
    ("convolve-3x3", snd.convolve, ndi.convolve, (np.arange(9.0).reshape(3, 3) - 4,), {}),
    ("convolve-2x5", snd.convolve, ndi.convolve, (np.arange(10.0).reshape(2, 5) / 7,), {}),
    ("correlate1d-5", snd.correlate1d, ndi.correlate1d, ([1.0, -2.0, 0.5, 3.0, 1.0],), {"axis": 0}),
    ("correlate1d-sym", snd.correlate1d, ndi.correlate1d, ([1.0, 2.0, 4.0, 2.0, 1.0],), {"axis": -1}),
    ("correlate1d-antisym", snd.correlate1d, ndi.correlate1d, ([-1.0, 0.0, 1.0],), {"axis": 0}),
    ("convolve1d-4", snd.convolve1d, ndi.convolve1d, ([1.0, 3.0, -1.0, 0.25],), {"axis": 1}),
    ("gaussian_filter-1.5", snd.gaussian_filter, ndi.gaussian_filter, (1.5,), {}),
    ("gaussian_filter-order", snd.gaussian_filter, ndi.gaussian_filter, ((1.0, 2.0),), {"order": (1, 2)}),
    ("gaussian_filter1d", snd.gaussian_filter1d, ndi.gaussian_filter1d, (2.0,), {"axis": 0, "order": 1}),
    ("gaussian_laplace", snd.gaussian_laplace, ndi.gaussian_laplace, (1.2,), {}),
    ("uniform_filter-3", snd.uniform_filter, ndi.uniform_filter, (), {"size": 3}),
    ("uniform_filter-4x7", snd.uniform_filter, ndi.uniform_filter, (), {"size": (4, 7)}),
    ("uniform_filter1d-6", snd.uniform_filter1d, ndi.uniform_filter1d, (6,), {"axis": 0}),
]
FILTER_IDS = [f[0] for f in FILTERS]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_filters_on_camera_every_mode(case, mode):
    _, ours, ref, args, kwargs = case
    image = camera_crop().astype(np.float64)
    kwargs = {**kwargs, "mode": mode, "cval": CVAL}
    assert_agrees(ours(image, *args, **kwargs), ref(image, *args, **kwargs))


@pytest.mark.parametrize("dtype", ALL_DTYPES)
@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_filters_keep_the_input_dtype_and_truncate_like_scipy(case, dtype):
    _, ours, ref, args, kwargs = case
    image = camera_crop()
    image = (image > 100) if dtype == np.bool_ else image.astype(dtype)
    expected = ref(image, *args, **kwargs)
    result = ours(image, *args, **kwargs)
    if expected.dtype == np.bool_:  # SciPy stores the truncated byte; compare the bytes
        expected, result = expected.view(np.uint8), result.view(np.uint8)
    assert_agrees(result, expected)


@pytest.mark.parametrize("output", [np.float32, "float64", np.int16, np.uint8])
@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_output_dtype_argument(case, output):
    _, ours, ref, args, kwargs = case
    image = camera_crop()
    assert_agrees(ours(image, *args, output=output, **kwargs), ref(image, *args, output=output, **kwargs))


@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_output_array_is_filled_and_returned(case):
    _, ours, ref, args, kwargs = case
    image = camera_crop().astype(np.float32)
    out_ours = np.zeros(image.shape, np.float64)
    out_ref = np.zeros(image.shape, np.float64)
    returned = ours(image, *args, output=out_ours, **kwargs)
    ref(image, *args, output=out_ref, **kwargs)
    assert returned is out_ours
    assert_agrees(out_ours, out_ref)


@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_input_is_not_modified(case):
    _, ours, _, args, kwargs = case
    image = camera_crop().astype(np.float64)
    before = image.copy()
    ours(image, *args, **kwargs)
    np.testing.assert_array_equal(image, before)


@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_filters_on_a_volume(case, rng):
    _, ours, ref, args, kwargs = case
    vol = volume(rng)
    if "order" in kwargs or ours is snd.correlate or ours is snd.convolve or "size" in kwargs:
        # n-D kernels and per-axis sequences are written for 2-D; use 3-D analogues
        if ours in (snd.correlate, snd.convolve):
            args = (np.arange(24.0).reshape(2, 3, 4) - 10,)
        kwargs = {k: (v[0] if isinstance(v, tuple) else v) for k, v in kwargs.items()}
        args = tuple(a[0] if isinstance(a, tuple) else a for a in args)
    assert_agrees(ours(vol, *args, **kwargs), ref(vol, *args, **kwargs))


# --- kernel sizes and origins ------------------------------------------------------------
@pytest.mark.parametrize(
    "shape", [(1, 1), (2, 2), (3, 3), (2, 5), (4, 3), (7, 7), (6, 6), pytest.param((31, 31), marks=pytest.mark.slow)]
)
@pytest.mark.parametrize("mode", ["reflect", "mirror", "nearest", "wrap", "constant"])
def test_correlate_kernel_sizes_and_origins(shape, mode, rng):
    image = camera_crop().astype(np.float64)
    weights = rng.normal(size=shape)
    for origin in {(0, 0), (-(shape[0] // 2), (shape[1] - 1) // 2), ((shape[0] - 1) // 2, -(shape[1] // 2))}:
        for ours, ref in ((snd.correlate, ndi.correlate), (snd.convolve, ndi.convolve)):
            assert_agrees(
                ours(image, weights, mode=mode, cval=CVAL, origin=origin),
                ref(image, weights, mode=mode, cval=CVAL, origin=origin),
            )


@pytest.mark.parametrize("size", [1, 2, 3, 8, 31])
@pytest.mark.parametrize("mode", ["reflect", "mirror", "nearest", "wrap", "constant"])
def test_1d_filters_kernel_sizes_and_origins(size, mode, rng):
    image = camera_crop().astype(np.float64)
    weights = rng.normal(size=size)
    for origin in sorted({0, -(size // 2), (size - 1) // 2}):
        for axis in (0, 1):
            kw = dict(axis=axis, mode=mode, cval=CVAL, origin=origin)
            assert_agrees(snd.correlate1d(image, weights, **kw), ndi.correlate1d(image, weights, **kw))
            assert_agrees(snd.convolve1d(image, weights, **kw), ndi.convolve1d(image, weights, **kw))
            assert_agrees(snd.uniform_filter1d(image, size, **kw), ndi.uniform_filter1d(image, size, **kw))


@pytest.mark.parametrize("sigma", [0.0, 0.3, 1.0, (0.5, 4.0), 8.0])
@pytest.mark.parametrize("order", [0, 1, 2, 3, (0, 1)])
def test_gaussian_sigmas_and_orders(sigma, order):
    image = camera_crop().astype(np.float64)
    assert_agrees(snd.gaussian_filter(image, sigma, order=order), ndi.gaussian_filter(image, sigma, order=order))


@pytest.mark.parametrize("truncate, radius", [(4.0, None), (2.0, None), (0.1, None), (4.0, 3), (4.0, 0)])
def test_gaussian_truncate_and_radius(truncate, radius):
    image = camera_crop().astype(np.float64)
    kw = dict(truncate=truncate, radius=radius)
    assert_agrees(snd.gaussian_filter(image, 2.0, **kw), ndi.gaussian_filter(image, 2.0, **kw))
    assert_agrees(snd.gaussian_filter1d(image, 2.0, **kw), ndi.gaussian_filter1d(image, 2.0, **kw))
    assert_agrees(snd.gaussian_laplace(image, 2.0, **kw), ndi.gaussian_laplace(image, 2.0, **kw))


def test_per_axis_modes_and_axes(rng):
    vol = volume(rng)
    modes = ["reflect", "constant", "wrap"]
    assert_agrees(snd.gaussian_filter(vol, 1.0, mode=modes, cval=2.0), ndi.gaussian_filter(vol, 1.0, mode=modes, cval=2.0))
    assert_agrees(snd.uniform_filter(vol, 3, mode=modes), ndi.uniform_filter(vol, 3, mode=modes))
    assert_agrees(snd.gaussian_laplace(vol, 1.0, mode=modes), ndi.gaussian_laplace(vol, 1.0, mode=modes))
    for axes in [(0,), (2, 0), (-1,)]:
        assert_agrees(snd.gaussian_filter(vol, 1.5, axes=axes), ndi.gaussian_filter(vol, 1.5, axes=axes))
        assert_agrees(snd.uniform_filter(vol, 4, axes=axes), ndi.uniform_filter(vol, 4, axes=axes))
        assert_agrees(snd.gaussian_laplace(vol, 1.0, axes=axes), ndi.gaussian_laplace(vol, 1.0, axes=axes))
        w = rng.normal(size=(3,) * len(axes))
        assert_agrees(snd.correlate(vol, w, axes=axes), ndi.correlate(vol, w, axes=axes))
        assert_agrees(snd.convolve(vol, w, axes=axes, origin=1), ndi.convolve(vol, w, axes=axes, origin=1))


def test_tiny_weights_are_skipped_as_scipy_does():
    # SciPy's n-D correlation ignores weights with |w| <= machine epsilon
    image = camera_crop().astype(np.float64)
    weights = np.array([[1e-17, 0.5], [2.0, -1e-300]])
    assert_agrees(snd.correlate(image, weights), ndi.correlate(image, weights))


def test_nan_and_inf_propagate_as_in_scipy():
    image = camera_crop().astype(np.float64)
    image[10, 10] = np.nan
    image[20, 5] = np.inf
    for ours, ref, args in [(snd.correlate, ndi.correlate, (np.ones((3, 3)),)), (snd.gaussian_filter, ndi.gaussian_filter, (1.0,)),
                            (snd.uniform_filter, ndi.uniform_filter, (3,))]:
        assert_agrees(ours(image, *args), ref(image, *args))


def test_scipy_reflect_bug():
    """Where scipy.ndimage.correlate reads outside the image, we give the reflected answer.

    ``correlate`` with a kernel reaching >= 4 image lengths before the first pixel in
    'reflect' mode reads one element before the image (the result is garbage and changes
    from run to run).  SciPy's own ``correlate1d`` extends lines correctly; the same
    filter written as a 1-D kernel along that axis is our expected value.
    """
    image = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    weights = np.zeros((9, 1))
    weights[0, 0] = 1.0
    expected = ndi.correlate1d(image, weights[:, 0], axis=0, mode="reflect", origin=4)
    assert_agrees(snd.correlate(image, weights, mode="reflect", origin=(4, 0)), expected)
    assert scipy_reflect_bug(image.shape, weights.shape, (4, 0), "reflect")


# --- generic_laplace: the Laplacian from a user's second derivative ------------------------
# A derivative2 is called with (input, axis, output, mode, cval, *extra_arguments,
# **extra_keywords).  The same callables are handed to both libraries, so what is compared is
# generic_laplace itself: the axes it visits, what it passes, and how it sums the terms.
def _d2_scipy(input, axis, output, mode, cval):
    """The [1, -2, 1] second difference, computed by SciPy (the same numbers for both)."""
    return ndi.correlate1d(input, [1.0, -2.0, 1.0], axis, output, mode, cval)


def _d2_weights(input, axis, output, mode, cval, weights, scale=1.0, origin=0):
    """A second derivative given by extra_arguments (weights) and extra_keywords (scale, origin)."""
    result = ndi.correlate1d(input, np.asarray(weights) * scale, axis, output, mode, cval, origin)
    return result


def _d2_fresh(input, axis, output, mode, cval):
    """Ignores ``output``: returns a new array (SciPy then keeps only the later axes' terms)."""
    return ndi.correlate1d(input, [1.0, -2.0, 1.0], axis, None, mode, cval)  # input dtype


GENERIC_LAPLACE_CASES = [
    ("plain", _d2_scipy, {}),
    ("modes-per-axis", _d2_scipy, {"mode": ["wrap", "constant"], "cval": 3.0}),
    ("nearest", _d2_scipy, {"mode": "nearest"}),
    ("extra-arguments", _d2_weights, {"extra_arguments": ([1.0, -2.0, 1.0],)}),
    ("extra-keywords", _d2_weights, {"extra_arguments": ([0.5, -1.0, 0.5],),
                                     "extra_keywords": {"scale": 4.0, "origin": 1}, "mode": "mirror"}),
    ("axes", _d2_scipy, {"axes": (1,)}),
    ("no-axes", _d2_scipy, {"axes": ()}),
    ("output-float32", _d2_scipy, {"output": np.float32}),
    ("fresh-array", _d2_fresh, {}),
]


@pytest.mark.parametrize("derivative2, kwargs", [c[1:] for c in GENERIC_LAPLACE_CASES],
                         ids=[c[0] for c in GENERIC_LAPLACE_CASES])
@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.float32, np.float64])
def test_generic_laplace_matches_scipy(derivative2, kwargs, dtype):
    image = camera_crop().astype(dtype)
    before = image.copy()
    expected = ndi.generic_laplace(image, derivative2, **kwargs)
    ours = snd.generic_laplace(image, derivative2, **kwargs)
    assert_agrees(ours, expected)
    np.testing.assert_array_equal(image, before)


@pytest.mark.parametrize("mode", MODES)
def test_generic_laplace_modes_with_scratch_derivative(mode, rng):
    # the whole stack: scratch's correlate1d inside scratch's generic_laplace, SciPy's in SciPy's
    def ours_d2(input, axis, output, mode, cval, weights):
        return snd.correlate1d(input, weights, axis, output, mode, cval)

    def ref_d2(input, axis, output, mode, cval, weights):
        return ndi.correlate1d(input, weights, axis, output, mode, cval)

    for image in (camera_crop().astype(np.float64), volume(rng)):
        kw = dict(mode=mode, cval=CVAL, extra_arguments=([1.0, -2.0, 1.0],))
        assert_agrees(snd.generic_laplace(image, ours_d2, **kw), ndi.generic_laplace(image, ref_d2, **kw))


def test_generic_laplace_calls_derivative2_like_scipy(rng):
    # the same calls, in the same order, with the same arguments (the output array first, then
    # the output dtype for every further axis), and the output array is filled and returned
    def recorder(log):
        def derivative2(input, axis, output, mode, cval, *args, **kwargs):
            log.append((axis, isinstance(output, np.ndarray), np.dtype(getattr(output, "dtype", output)),
                        mode, cval, args, kwargs))
            return ndi.correlate1d(input, [1.0, -2.0, 1.0], axis, output, mode, cval)
        return derivative2

    vol = volume(rng)
    kw = dict(mode=["reflect", "wrap"], cval=0.5, extra_arguments=(7,), extra_keywords={"k": "v"}, axes=(2, 0))
    ours_log, ref_log = [], []
    ours_out = np.zeros(vol.shape, np.float32)
    ref_out = np.zeros(vol.shape, np.float32)
    ours = snd.generic_laplace(vol, recorder(ours_log), output=ours_out, **kw)
    expected = ndi.generic_laplace(vol, recorder(ref_log), output=ref_out, **kw)
    assert ours_log == ref_log
    assert ours is ours_out and expected is ref_out
    assert_agrees(ours, expected)


def test_generic_laplace_bad_input():
    # a derivative2 that returns nothing: SciPy cannot add None to the output past the first axis
    def in_place_only(input, axis, output, mode, cval):
        ndi.correlate1d(input, [1.0, -2.0, 1.0], axis, output, mode, cval)

    image = camera_crop().astype(np.float64)
    assert_same_error(snd.generic_laplace, ndi.generic_laplace, image, in_place_only)
    assert_same_error(snd.generic_laplace, ndi.generic_laplace, image, _d2_scipy, mode=["reflect"] * 3)
    assert_same_error(snd.generic_laplace, ndi.generic_laplace, image, _d2_scipy, axes=(2,))
    assert_same_error(snd.generic_laplace, ndi.generic_laplace, image, _d2_scipy, output=np.zeros((3, 3)))


# --- shapes and dtypes, generated -------------------------------------------------------
small_shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=6)
dtypes = st.sampled_from(ALL_DTYPES)


@st.composite
def images(draw):
    shape = draw(small_shapes)
    dtype = draw(dtypes)
    if dtype == np.bool_:
        return draw(hnp.arrays(np.bool_, shape))
    info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else None
    lo, hi = (max(info.min, -1000), min(info.max, 1000)) if info else (-1e3, 1e3)
    elements = st.integers(lo, hi) if info else st.floats(lo, hi, allow_nan=False, width=np.dtype(dtype).itemsize * 8)
    return draw(hnp.arrays(dtype, shape, elements=elements))


@given(image=images(), data=st.data())
def test_correlate_and_convolve_any_shape_dtype_mode(image, data):
    wshape = tuple(data.draw(st.integers(1, 5)) for _ in range(image.ndim))
    weights = data.draw(hnp.arrays(np.float64, wshape, elements=st.floats(-3, 3, allow_nan=False)))
    mode = data.draw(st.sampled_from(MODES))
    origin = tuple(data.draw(st.integers(-(k // 2), (k - 1) // 2)) for k in wshape)
    assume(not scipy_reflect_bug(image.shape, wshape, origin, mode))
    for ours, ref in ((snd.correlate, ndi.correlate), (snd.convolve, ndi.convolve)):
        if ours is snd.convolve:
            flipped = tuple(-o - (1 - k % 2) for o, k in zip(origin, wshape))
            assume(not scipy_reflect_bug(image.shape, wshape, flipped, mode))
        expected = ref(image, weights, mode=mode, cval=CVAL, origin=origin)
        result = ours(image, weights, mode=mode, cval=CVAL, origin=origin)
        if expected.dtype == np.bool_:
            expected, result = expected.view(np.uint8), result.view(np.uint8)
        assert_agrees(result, expected)


@given(image=images(), data=st.data())
def test_1d_filters_any_shape_dtype_mode(image, data):
    size = data.draw(st.integers(1, 9))
    weights = data.draw(hnp.arrays(np.float64, size, elements=st.floats(-3, 3, allow_nan=False)))
    if data.draw(st.booleans()):
        weights = (weights + weights[::-1]) / 2  # symmetric: SciPy's shortcut path
    axis = data.draw(st.integers(-image.ndim, image.ndim - 1))
    mode = data.draw(st.sampled_from(MODES))
    origin = data.draw(st.integers(-(size // 2), (size - 1) // 2))
    kw = dict(axis=axis, mode=mode, cval=CVAL, origin=origin)
    for ours, ref, arg in ((snd.correlate1d, ndi.correlate1d, weights), (snd.convolve1d, ndi.convolve1d, weights),
                           (snd.uniform_filter1d, ndi.uniform_filter1d, size)):
        expected = ref(image, arg, **kw)
        result = ours(image, arg, **kw)
        if expected.dtype == np.bool_:
            expected, result = expected.view(np.uint8), result.view(np.uint8)
        assert_agrees(result, expected)


@given(image=images(), sigma=st.floats(0, 3), order=st.integers(0, 2), mode=st.sampled_from(MODES))
def test_gaussian_any_shape_dtype_mode(image, sigma, order, mode):
    expected = ndi.gaussian_filter(image, sigma, order=order, mode=mode, cval=CVAL)
    result = snd.gaussian_filter(image, sigma, order=order, mode=mode, cval=CVAL)
    if expected.dtype == np.bool_:
        expected, result = expected.view(np.uint8), result.view(np.uint8)
    assert_agrees(result, expected)


def test_constant_and_extreme_images():
    for value in (0.0, 1.0, -7.5, 1e300, np.finfo(np.float64).tiny):
        image = np.full((9, 11), value)
        for ours, ref, arg in ((snd.gaussian_filter, ndi.gaussian_filter, 2.0), (snd.uniform_filter, ndi.uniform_filter, 5),
                               (snd.correlate, ndi.correlate, np.ones((3, 3)) / 9)):
            assert_agrees(ours(image, arg), ref(image, arg))
    image = np.array([[0, 255], [255, 0]], np.uint8)
    assert_agrees(snd.uniform_filter(image, 2), ndi.uniform_filter(image, 2))


def test_empty_and_scalar_inputs():
    empty = np.zeros((0, 5))
    for ours, ref, arg in ((snd.gaussian_filter, ndi.gaussian_filter, 1.0), (snd.uniform_filter, ndi.uniform_filter, 3),
                           (snd.correlate, ndi.correlate, np.ones((3, 3))), (snd.correlate1d, ndi.correlate1d, [1.0, 2.0])):
        assert_agrees(ours(empty, arg), ref(empty, arg))
    assert_agrees(snd.correlate(np.float64(3.0), np.float64(2.0)), ndi.correlate(np.float64(3.0), np.float64(2.0)))


# --- bad input ----------------------------------------------------------------------------
A = np.arange(12.0).reshape(3, 4)
BAD_INPUTS = [
    ("weights-ndim", "correlate", (A, np.ones(3)), {}),
    ("bad-mode", "correlate", (A, np.ones((3, 3))), {"mode": "foo"}),
    ("mode-sequence", "correlate", (A, np.ones((3, 3))), {"mode": ["reflect", "wrap"]}),
    ("bad-origin", "correlate", (A, np.ones((3, 3))), {"origin": 2}),
    ("origin-length", "correlate", (A, np.ones((3, 3))), {"origin": [1, 0, 0]}),
    ("float-origin", "correlate", (A, np.ones((3, 3))), {"origin": 0.5}),
    ("output-shape", "correlate", (A, np.ones((3, 3))), {"output": np.zeros((2, 2))}),
    ("output-float16", "correlate", (A, np.ones((3, 3))), {"output": "float16"}),
    ("output-str", "correlate", (A, np.ones((3, 3))), {"output": "S3"}),
    ("input-float16", "correlate", (A.astype(np.float16), np.ones((3, 3))), {}),
    ("input-str", "correlate", (np.array(["a", "b"]), [1.0]), {}),
    ("repeated-axes", "correlate", (A, np.ones(3)), {"axes": (1, 1)}),
    ("axes-out-of-range", "correlate", (A, np.ones(3)), {"axes": (2,)}),
    ("cval-str", "correlate", (A, np.ones((3, 3))), {"mode": "constant", "cval": "x"}),
    ("1d-no-weights", "correlate1d", (A, []), {}),
    ("1d-weights-2d", "correlate1d", (A, np.ones((2, 2))), {}),
    ("1d-axis", "correlate1d", (A, [1.0, 2.0]), {"axis": 3}),
    ("1d-origin", "correlate1d", (A, [1.0, 2.0, 3.0]), {"origin": 2}),
    ("1d-mode", "convolve1d", (A, [1.0, 2.0]), {"mode": "nope"}),
    ("1d-scalar-input", "correlate1d", (np.float64(3), [2.0]), {}),
    ("gauss-order", "gaussian_filter", (A, 1.0), {"order": -1}),
    ("gauss-radius", "gaussian_filter1d", (A, 1.0), {"radius": -1}),
    ("gauss-sigma-length", "gaussian_filter", (A, [1.0, 2.0, 3.0]), {}),
    ("gauss-mode", "gaussian_filter", (A, 1.0), {"mode": ["reflect", "foo"]}),
    ("gauss-axis", "gaussian_filter1d", (A, 1.0), {"axis": 2}),
    ("laplace-mode", "gaussian_laplace", (A, 1.0), {"mode": "foo"}),
    ("uniform-size0", "uniform_filter1d", (A, 0), {}),
    ("uniform-origin", "uniform_filter1d", (A, 3), {"origin": 2}),
    ("uniform-size-length", "uniform_filter", (A,), {"size": (3, 3, 3)}),
    ("uniform-mode", "uniform_filter", (A,), {"mode": "foo"}),
]


@pytest.mark.parametrize("name, args, kwargs", [c[1:] for c in BAD_INPUTS], ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_raises_the_reference_exception(name, args, kwargs):
    assert_same_error(getattr(snd, name), getattr(ndi, name), *args, **kwargs)


def test_error_messages_name_the_problem():
    with pytest.raises(RuntimeError, match="mode"):
        snd.correlate(A, np.ones((3, 3)), mode="foo")
    with pytest.raises(ValueError, match="origin"):
        snd.correlate1d(A, [1.0, 2.0, 3.0], origin=2)
    with pytest.raises(RuntimeError, match="weights"):
        snd.correlate(A, np.ones(3))
    with pytest.raises(RuntimeError, match="size"):
        snd.uniform_filter1d(A, 0)


@pytest.mark.parametrize("shape, axis", [((40, 31, 3), 1), ((40, 31, 3), 0), ((6, 7, 2, 5), 1), ((9, 4, 15), 0)])
@pytest.mark.parametrize("mode", ["reflect", "constant", "nearest", "mirror", "wrap"])
@pytest.mark.parametrize("weights", [[1.0, 2.0, 3.0], [0.25, 0.5, 0.25], [1.0, -1.0], [0.1, 0.2, 0.3, 0.2, 0.1, 0.05]])
def test_correlate1d_few_pixels_per_row(rng, shape, axis, mode, weights):
    """An axis with fewer than 16 pixels after it (RGB columns) takes the gathered-lines kernel."""
    image = rng.random(shape)
    assert_agrees(snd.correlate1d(image, weights, axis=axis, mode=mode, cval=0.5),
                  ndi.correlate1d(image, weights, axis=axis, mode=mode, cval=0.5))


# --- parallel kernels equal their serial twins, bit for bit -------------------------------
def test_parallel_kernels_equal_serial(rng):
    image = rng.random((37, 45))
    index_map = np.arange(-3, 45 + 3) % 45
    weights = rng.normal(size=7)
    for kernel, args in [
        (_correlate._correlate1d_lines, (image, index_map, 3, 0.5, weights, 0)),
        (_correlate._correlate1d_rows, (image.reshape(1, 37, 45), np.arange(-3, 37 + 3) % 37, 0.5, weights, 0)),
        (_correlate._correlate1d_strided, (image.reshape(37, 15, 3), np.arange(-3, 15 + 3) % 15, 3, 0.5, weights, 0)),
        (_uniform.uniform_lines, (image, index_map, 3, 0.5, 7)),
        (_uniform._uniform_rows, (image.reshape(1, 37, 45), np.arange(-3, 37 + 3) % 37, 0.5, 7)),
    ]:
        out_parallel = np.zeros(args[0].shape)
        out_serial = np.zeros(args[0].shape)
        kernel(*args, out_parallel)
        serial(kernel)(*args, out_serial)
        np.testing.assert_array_equal(out_parallel, out_serial)
    padded = rng.random(20 * 30)
    starts = np.arange(15, dtype=np.int64) * 30
    offsets = np.array([0, 1, 31, 62], dtype=np.int64)
    tap_weights = rng.normal(size=4)
    out_parallel, out_serial = np.zeros((15, 25)), np.zeros((15, 25))
    _correlate._correlate_nd(padded, starts, 25, offsets, tap_weights, out_parallel)
    serial(_correlate._correlate_nd)(padded, starts, 25, offsets, tap_weights, out_serial)
    np.testing.assert_array_equal(out_parallel, out_serial)


@pytest.mark.parametrize("shape, axes, wshape, origin", [
    ((6, 7, 8), (2, 0), (2, 3), 0),          # asymmetric weights, axes out of order
    ((6, 7, 8), (2, 0), (3, 2), (0, 1)),     # origins follow the order of axes given
    ((6, 7, 8), (-1, 1), (4, 3), (0, 1)),
    ((9, 10), (1, 0), (3, 4), (1, 0)),       # every axis, permuted: weights and origins in axis order
    ((9, 10), (-1, 0), (3, 4), (0, -2)),
    ((6, 7, 8), (2, 1, 0), (3, 2, 4), (1, 0, -1)),
])
def test_correlate_axes_in_any_order_as_scipy(shape, axes, wshape, origin, rng):
    """SciPy inserts the missing axes with np.expand_dims: the weights' axes lie along
    sorted(axes) whatever order axes lists them in; origins follow axes' order when some axes
    are left out, and axis order when axes names them all (found by scratch.verify)."""
    image = rng.random(shape)
    weights = rng.normal(size=wshape)
    for ours, ref in ((snd.correlate, ndi.correlate), (snd.convolve, ndi.convolve)):
        assert_agrees(ours(image, weights, axes=axes, origin=origin), ref(image, weights, axes=axes, origin=origin))


# --- complex input and weights ------------------------------------------------------------
# SciPy filters complex data as real filterings of the parts; scratch follows its arithmetic
# order, so results agree bit for bit (dtype included), and errors have SciPy's class.
_CRNG = np.random.default_rng(20260611)
_CX = _CRNG.random((9, 8)) + 1j * _CRNG.random((9, 8))
_CW2 = _CRNG.random((3, 4)) + 1j * _CRNG.random((3, 4))
_CW1 = _CRNG.random(5) + 1j * _CRNG.random(5)

# (id, function name, call(module_function, image, complex_weights?, **kwargs))
COMPLEX_FILTERS = [
    ("correlate", "correlate", lambda f, a, cw, **k: f(a, _CW2 if cw else _CW2.real, **k)),
    ("convolve", "convolve", lambda f, a, cw, **k: f(a, _CW2 if cw else _CW2.real, **k)),
    ("correlate1d", "correlate1d", lambda f, a, cw, **k: f(a, _CW1 if cw else _CW1.real, axis=0, **k)),
    ("convolve1d-even", "convolve1d", lambda f, a, cw, **k: f(a, (_CW1 if cw else _CW1.real)[:4], **k)),
    ("gaussian_filter", "gaussian_filter", lambda f, a, cw, **k: f(a, (1.3, 0.8), order=(0, 1), **k)),
    ("gaussian_filter1d", "gaussian_filter1d", lambda f, a, cw, **k: f(a, 1.3, axis=0, order=2, **k)),
    ("gaussian_laplace", "gaussian_laplace", lambda f, a, cw, **k: f(a, 1.1, **k)),
    ("uniform_filter", "uniform_filter", lambda f, a, cw, **k: f(a, (3, 4), **k)),
    ("uniform_filter1d", "uniform_filter1d", lambda f, a, cw, **k: f(a, 4, **k)),
    ("generic_laplace", "generic_laplace",
     lambda f, a, cw, **k: f(a, _d2_scipy if f is ndi.generic_laplace else _d2_scratch, **k)),
]
_HAS_WEIGHTS = {"correlate", "convolve", "correlate1d", "convolve1d"}


def _d2_scratch(input, axis, output, mode, cval):
    return snd.correlate1d(input, [1.0, -2.0, 1.0], axis, output, mode, cval)


# (id, image, complex weights?, keyword arguments, error expected?)
COMPLEX_CASES = [
    ("complex-input", _CX, False, {}, False),
    ("complex-weights", _CX.real, True, {}, False),
    ("both-complex", _CX, True, {}, False),
    ("complex64", _CX.astype(np.complex64), True, {}, False),
    ("int-input-complex-weights", np.arange(72, dtype=np.int16).reshape(9, 8), True, {}, False),
    ("complex-cval", _CX, True, {"mode": "constant", "cval": 1.5 - 2j}, False),
    ("output-complex64-array", _CX, True, {"output": np.zeros((9, 8), np.complex64)}, False),
    ("output-complex128-dtype", _CX.astype(np.complex64), False, {"output": np.complex128}, False),
    ("bad-complex-cval-real-input", _CX.real, True, {"mode": "constant", "cval": 1j}, True),
    ("bad-complex-cval-real-input-real-weights", _CX.real, False, {"mode": "constant", "cval": 1j}, True),
    ("bad-real-output-array", _CX, True, {"output": np.zeros((9, 8))}, True),
    ("bad-real-output-str", _CX, False, {"output": "float64"}, True),
    ("bad-complex-output-real-data", _CX.real, False, {"output": np.complex128}, True),
]


# a filter without weights on a real image is the real case (tested above): left out
_COMPLEX_GRID = [pytest.param(f, c, id=f"{f[0]}-{c[0]}") for f in COMPLEX_FILTERS for c in COMPLEX_CASES
                 if f[1] in _HAS_WEIGHTS or c[1].dtype.kind == "c" or c[0].startswith("bad-complex")]


@pytest.mark.parametrize("filt, case", _COMPLEX_GRID)
def test_complex_input_and_weights_as_scipy(filt, case):
    _, name, call = filt
    _, image, complex_weights, kwargs, bad = case
    ours_f, ref_f = getattr(snd, name), getattr(ndi, name)

    def fresh():  # every call gets its own copy of an output array
        return {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in kwargs.items()}

    if bad:
        assert_same_error(lambda im: call(ours_f, im, complex_weights, **fresh()),
                          lambda im: call(ref_f, im, complex_weights, **fresh()), image)
        return
    before = image.copy()
    our_kwargs = fresh()
    ours = call(ours_f, image, complex_weights, **our_kwargs)
    ref = call(ref_f, image, complex_weights, **fresh())
    np.testing.assert_array_equal(image, before)  # the input is not modified
    assert ours.dtype == ref.dtype and ours.shape == ref.shape
    if isinstance(kwargs.get("output"), np.ndarray):
        assert ours is our_kwargs["output"]
    if ref.dtype == np.complex128:
        np.testing.assert_allclose(ours, ref, rtol=1e-7, atol=1e-12)
    np.testing.assert_array_equal(ours, ref)  # SciPy's arithmetic order: the same bits


@pytest.mark.parametrize("name, args", [("correlate1d", ([1.0, 2.0],)), ("uniform_filter", (3,)),
                                        ("uniform_filter1d", (3,)), ("gaussian_filter1d", (1.0,))])
def test_complex_input_promotes_a_real_output_dtype_with_scipys_warning(name, args):
    with pytest.warns(UserWarning, match="promoting specified output dtype to complex"):
        ref = getattr(ndi, name)(_CX, *args, output=np.float32)
    with pytest.warns(UserWarning, match="promoting specified output dtype to complex"):
        ours = getattr(snd, name)(_CX, *args, output=np.float32)
    assert ours.dtype == ref.dtype == np.complex64
    np.testing.assert_array_equal(ours, ref)


def test_complex_filtering_in_place_as_scipy():
    # output= the input: SciPy writes the real part before it reads it for the imaginary part
    for call in (lambda m, a: m.correlate1d(a, _CW1, output=a), lambda m, a: m.correlate(a, _CW2, output=a),
                 lambda m, a: m.gaussian_filter(a, 1.5, output=a), lambda m, a: m.uniform_filter(a, 3, output=a)):
        ours, ref = _CX.copy(), _CX.copy()
        call(snd, ours)
        call(ndi, ref)
        np.testing.assert_array_equal(ours, ref)


@pytest.mark.parametrize("output", [np.uint8, np.int8, np.uint16, np.int16, np.int32, np.uint32,
                                    np.int64, np.uint64])
@pytest.mark.parametrize("case", FILTERS, ids=FILTER_IDS)
def test_negative_and_out_of_range_results_cast_as_scipy(case, output):
    """Found by test_fuzz: convolve1d of a uint32 image of 0 and 2**32 - 1 with signed weights
    stores negative sums; SciPy's compiled cast wraps them around (-1598080945 -> 2696887351)
    where NumPy's float -> uint32 cast gave 2**31."""
    _, ours, ref, args, kwargs = case
    image = np.where(camera_crop() > 100, 2.0 ** 32 - 1, -3e9) - 1e9 * (camera_crop() % 3)
    assert_agrees(ours(image, *args, output=output, **kwargs), ref(image, *args, output=output, **kwargs))


_UINT64_EDGES = np.array([-9.3e18, -9.2e18, -1.6e19, -2e19, -2.0 ** 64, 2e19, 1.7e19, 3e19, 2.0 ** 64,
                          np.nan, -np.inf, np.inf, -1.5, -0.5, 3.99, -2.0 ** 63, 2.0 ** 63])


@pytest.mark.parametrize("name", ["correlate", "convolve", "correlate1d", "convolve1d"])
@pytest.mark.parametrize("size", [1, 3])
def test_float_to_uint64_cast_as_scipy(name, size):
    """Found by test_fuzz: SciPy's n-D correlate stores a float in a uint64 output modulo 2**64
    (-9.3e18 -> 2**64 - 9.3e18; 2**64 and beyond -> 0; NaN -> 2**63), its 1-D filters as
    NumPy casts (everything below -2**63 -> 2**63)."""
    identity = np.zeros(size)
    identity[size // 2] = 1.0
    image = np.concatenate([_UINT64_EDGES, np.random.default_rng(2).uniform(-4e19, 4e19, 200)])
    # float sums stored in a uint64 output, and a uint64 image with negative weights
    for source, weights, output in ((image, identity, np.uint64),
                                    (np.abs(np.nan_to_num(image)).astype(np.uint64), -1.5 * identity, None)):
        expected = getattr(ndi, name)(source, weights, output=output)
        np.testing.assert_array_equal(getattr(snd, name)(source, weights, output=output), expected)


@pytest.mark.parametrize("name", ["correlate", "correlate1d"])
@pytest.mark.parametrize("shape", [(0, 5), ()])
@pytest.mark.parametrize("kwargs", [{"output": "float16"}, {"mode": "constant", "cval": "x"},
                                    {"output": "float16", "cval": "x"}])
def test_output_dtype_is_checked_where_scipy_checks_it(name, shape, kwargs):
    """SciPy's C code refuses a float16 output after the axis, origin, mode and cval (and
    not at all for an empty image in the n-D correlate)."""
    image = np.zeros(shape)
    weights = np.ones((3,) * len(shape) if name == "correlate" else 3)
    try:
        expected = getattr(ndi, name)(image, weights, **kwargs)
    except Exception as error:
        with pytest.raises(type(error)):
            getattr(snd, name)(image, weights, **kwargs)
    else:
        result = getattr(snd, name)(image, weights, **kwargs)
        assert result.dtype == expected.dtype and result.shape == expected.shape


@pytest.mark.parametrize("axes, error, match", [
    ((1.5,), TypeError, "cannot be interpreted as an integer"),
    ((3,), ValueError, "out of range"),
    ((0, 3), ValueError, "out of range"),
    ((-4,), ValueError, "out of range"),
])
@pytest.mark.parametrize("name, args", [
    ("convolve", (np.ones((3,)),)), ("correlate", (np.ones((3,)),)),
    ("gaussian_filter", (1.0,)), ("uniform_filter", (3,)),
])
def test_invalid_axes_messages_as_scipy(name, args, axes, error, match):
    """SciPy's own test_filters.py::test_filter_invalid_axes: the reference's class and the
    words its regex looks for (scratch's message also names the parameter)."""
    image = np.ones((3, 3, 3))
    if name in ("convolve", "correlate"):
        args = (np.ones((3,) * len(axes)),)
    for module in (ndi, snd):
        with pytest.raises(error, match=match):
            getattr(module, name)(image, *args, axes=axes)


_GAUSSIAN_BAD = [{"order": 2.5}, {"order": 1.0}, {"order": 0.0}, {"order": np.float64(2.0)},
                 {"order": float("nan")}, {"order": float("inf")}, {"order": True}, {"order": False},
                 {"radius": -1, "truncate": float("inf")}, {"radius": -1, "truncate": float("nan")},
                 {"radius": 0, "truncate": float("inf")}, {"radius": 2.5, "truncate": float("inf")}]


@pytest.mark.parametrize("name", ["gaussian_filter", "gaussian_filter1d"])
@pytest.mark.parametrize("sigma", [1.0, 0])
@pytest.mark.parametrize("kwargs", _GAUSSIAN_BAD, ids=[repr(k) for k in _GAUSSIAN_BAD])
def test_gaussian_order_and_truncate_checked_as_scipy(name, sigma, kwargs):
    """Found by test_fuzz: a float order > 0 is the reference's TypeError (``np.zeros(order +
    1)``; 0.0 passes), NaN/inf its ValueError; ``int(truncate * sigma + 0.5)`` comes before the
    radius check even when a radius is given (inf: OverflowError)."""
    image = np.random.default_rng(3).random((5, 6))
    try:
        expected = getattr(ndi, name)(image, sigma, **kwargs)
    except Exception as error:
        with pytest.raises(type(error)):
            getattr(snd, name)(image, sigma, **kwargs)
    else:
        assert_agrees(getattr(snd, name)(image, sigma, **kwargs), expected)


_ORIGINS = [2.5, 0.5, -0.5, 1.0, float("nan"), float("inf"), "x", True, np.True_, -1, (1, 0.5), (True, 0)]


@pytest.mark.parametrize("name, args", [("correlate1d", (np.ones(3),)), ("convolve1d", (np.ones(4),)),
                                        ("uniform_filter1d", (3,)), ("correlate", (np.ones((3, 3)),)),
                                        ("convolve", (np.ones((3, 4)),)), ("uniform_filter", (3,))])
@pytest.mark.parametrize("origin", _ORIGINS, ids=[repr(o) for o in _ORIGINS])
def test_origin_checked_in_scipys_order(name, args, origin):
    """Found by test_fuzz: SciPy range-checks the origin as given (2.5 and inf: ValueError; a
    string: the comparison's TypeError; NaN passes) before its C code parses an int (a float:
    TypeError; the n-D filters' parser refuses a bool)."""
    image = np.random.default_rng(5).random((5, 6))
    try:
        expected = getattr(ndi, name)(image, *args, origin=origin)
    except Exception as error:
        with pytest.raises(type(error)):
            getattr(snd, name)(image, *args, origin=origin)
    else:
        assert_agrees(getattr(snd, name)(image, *args, origin=origin), expected)


@pytest.mark.parametrize("name, args", [("correlate1d", (np.ones(3),)), ("uniform_filter1d", (3,)),
                                        ("gaussian_filter1d", (1.0,))])
@pytest.mark.parametrize("axis", [2.5, 1.0, float("nan"), float("inf"), -3.5])
def test_float_axis_as_numpys_normalize_axis_index(name, args, axis):
    """Found by test_fuzz: a float axis outside the range is NumPy's AxisError, inside (or NaN)
    its TypeError."""
    image = np.random.default_rng(5).random((5, 6))
    with pytest.raises(Exception) as expected:
        getattr(ndi, name)(image, *args, axis=axis)
    with pytest.raises(expected.type):
        getattr(snd, name)(image, *args, axis=axis)


@pytest.mark.parametrize("shape", [(0, 5), (), (3, 4)])
@pytest.mark.parametrize("name, args", [("correlate", ()), ("correlate1d", (np.ones(3),)),
                                        ("uniform_filter", (3,)), ("uniform_filter", (1,)),
                                        ("uniform_filter1d", (3,)), ("gaussian_filter", (1.0,)),
                                        ("gaussian_filter", (0.0,)), ("gaussian_laplace", (1.0,))])
@pytest.mark.parametrize("kwargs", [{}, {"mode": "bogus"}, {"cval": "x"}, {"origin": 5}, {"output": np.float64}])
def test_float16_refused_where_scipys_c_code_refuses_it(shape, name, args, kwargs):
    """Found by test_fuzz: SciPy's C code refuses a float16 image (RuntimeError) after the
    other checks, and a filter with nothing to do (size 1, sigma 0, no axis) copies it."""
    image = np.ones(shape, np.float16)
    if name == "correlate":
        args = (np.ones((3,) * image.ndim),)
    if "origin" in kwargs and name.startswith("gaussian"):
        return
    try:
        expected = getattr(ndi, name)(image, *args, **kwargs)
    except Exception as error:
        with pytest.raises(type(error)):
            getattr(snd, name)(image, *args, **kwargs)
    else:
        result = getattr(snd, name)(image, *args, **kwargs)
        assert result.dtype == expected.dtype
        assert_agrees(result, expected)
