"""scratch.filters.threshold_* against skimage.filters, and the thresholds' insides.

Agreement reached (expected values always from scikit-image 0.26):

* every histogram threshold (Otsu, ISODATA, triangle, minimum, Yen, multi-Otsu, mean):
  identical value and type on integer *and* float images — the per-bin criteria are evaluated
  in the reference's order and precision (float32 counts and running sums); float16 images
  are binned by NumPy itself, as the reference does, so their thresholds are identical too;
* Li on float16 images: the reference's float16 iteration, step by step: identical;
* Li on float images: the class means are summed in one parallel pass in float64 where the
  reference uses NumPy's pairwise float sums, so the threshold agrees to rtol 1e-7 on float64
  and to 1e-5 on float32 images (float32 means may differ in the last place, and the
  iteration carries that);
* threshold_local: the 'mean' / 'gaussian' neighbourhoods come from scratch.ndimage /
  scratch.filters (float rtol 1e-7), 'median' and 'generic' are exact.
"""

import numpy as np
import pytest
import skimage.filters as ref
from conftest import JIT_DISABLED, assert_agrees, assert_same_error, unchanged_copy
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.filters as ours
from scratch._jit import serial
from scratch.filters import _thresholds

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::RuntimeWarning")

GLOBAL = ["threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_mean",
          "threshold_minimum", "threshold_li", "threshold_yen", "threshold_multiotsu"]


def assert_same_threshold(result, expected, image_dtype=None):
    """Exactly equal (value and dtype) on integer inputs and float16 results (a float16 bin
    centre or Li's float16 iterate); rtol 1e-7 (float32: 1e-5) else."""
    result, expected = np.asarray(result), np.asarray(expected)
    assert result.shape == expected.shape, (result, expected)
    assert result.dtype == expected.dtype, (result.dtype, expected.dtype)
    if (expected.dtype.kind in "iub" or expected.dtype == np.float16 or image_dtype is None
            or np.dtype(image_dtype).kind in "iub"):
        np.testing.assert_array_equal(result, expected)
    else:
        assert_agrees(result, expected)


def _both(name, *args, **kwargs):
    """Same exception class when the reference raises, else the same threshold."""
    try:
        expected = getattr(ref, name)(*args, **kwargs)
    except IndexError:  # the reference's internal error (isodata's thresholds[0]): ValueError
        with pytest.raises(ValueError):
            getattr(ours, name)(*args, **kwargs)
        return None
    except Exception:
        assert_same_error(getattr(ours, name), getattr(ref, name), *args, **kwargs)
        return None
    image = args[0] if args else kwargs.get("image")
    rtol_dtype = None if image is None else image.dtype
    if name == "threshold_li" and image is not None and image.dtype == np.float32:
        np.testing.assert_allclose(getattr(ours, name)(*args, **kwargs), expected, rtol=1e-5)
        return expected
    assert_same_threshold(getattr(ours, name)(*args, **kwargs), expected, rtol_dtype)
    return expected


# --- images -------------------------------------------------------------------------------------


def _sample(name, size=64):
    from skimage import data

    image = getattr(data, name)()
    if image.ndim == 3:
        image = image[..., 0]
    r0, c0 = (image.shape[0] - size) // 2, (image.shape[1] - size) // 2
    return np.ascontiguousarray(image[r0 : r0 + size, c0 : c0 + size])


def _bimodal(rng, shape=(40, 50)):
    n = int(np.prod(shape))
    values = np.concatenate([rng.normal(0.3, 0.06, n - n // 3), rng.normal(0.75, 0.05, n // 3)])
    return np.clip(rng.permutation(values), 0, 1).reshape(shape)


def _as(image01, dtype):
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return image01.astype(dtype)
    if dtype == np.uint16:
        return (image01 * 4000).astype(np.uint16)
    if dtype == np.int32:
        return (image01 * 3000 - 1000).astype(np.int32)
    if dtype == np.int64:
        return (image01 * 500 - 100).astype(np.int64)
    return (image01 * 255).astype(dtype)


DTYPES = (np.uint8, np.uint16, np.int32, np.int64, np.float32, np.float64)


def _images():
    rng = np.random.default_rng(11)
    out = {"camera": _sample("camera"), "coins": _sample("coins"), "moon": _sample("moon"),
           "cells3d_like": (_bimodal(rng, (6, 10, 12)) * 255).astype(np.uint8)}
    bimodal = _bimodal(rng)
    for dt in DTYPES:
        out[f"bimodal_{np.dtype(dt).name}"] = _as(bimodal, dt)
    out["camera_float"] = out["camera"] / 255.0
    return out


IMAGES = _images()


def _heavy_without_jit(name, image):
    """Multi-Otsu searches nbins**2 / 2 pairs, minimum smooths a histogram until two peaks
    are left: with thousands of bins, both are for the compiled run."""
    return name in ("threshold_multiotsu", "threshold_minimum") and np.unique(image).size > 300


GLOBAL_CASES = [
    pytest.param(name, key, marks=[pytest.mark.slow] if _heavy_without_jit(name, IMAGES[key]) else [])
    for key in IMAGES for name in GLOBAL
]


@pytest.mark.parametrize("name, key", GLOBAL_CASES)
def test_global_thresholds(name, key):
    image = IMAGES[key]
    before = unchanged_copy(image)
    _both(name, image)
    np.testing.assert_array_equal(image, before[0])


@pytest.mark.parametrize("kwargs", [{"nbins": 17}, pytest.param({"nbins": 1000}, marks=pytest.mark.slow)])
@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_triangle",
                                  "threshold_yen", "threshold_minimum"])
def test_nbins(name, kwargs):
    _both(name, IMAGES["bimodal_float64"], **kwargs)
    _both(name, IMAGES["bimodal_uint8"], **kwargs)  # ignored for integer images


MULTI_CASES = [
    pytest.param(key, kwargs, marks=[pytest.mark.slow] if key == "camera" and kwargs["classes"] > 3 else [])
    for key in ("camera", "bimodal_float64", "bimodal_float32")  # camera: ~200 bins (nbins ignored)
    for kwargs in ({"classes": 2}, {"classes": 4, "nbins": 64}, {"classes": 5, "nbins": 32})
]


@pytest.mark.parametrize("key, kwargs", MULTI_CASES)
def test_multiotsu_classes(key, kwargs):
    _both("threshold_multiotsu", IMAGES[key], **kwargs)


def test_isodata_return_all():
    for key in ("camera", "bimodal_float64", "bimodal_int32"):
        _both("threshold_isodata", IMAGES[key], return_all=True)


@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_yen",
                                  "threshold_minimum", "threshold_multiotsu"])
def test_given_histogram(name):
    """hist= as counts alone, as (counts, centers), and with empty first bins (trimmed)."""
    from skimage.exposure import histogram

    counts, centers = histogram(IMAGES["camera"])
    padded = np.concatenate([np.zeros(5, counts.dtype), counts, np.zeros(3, counts.dtype)])
    padded_centers = np.arange(padded.size) * 0.5
    for hist in (counts, (counts, centers), padded, (padded, padded_centers)):
        _both(name, hist=hist)


def test_li_options():
    image = IMAGES["bimodal_float64"]
    _both("threshold_li", image, tolerance=0.01)
    _both("threshold_li", image, initial_guess=0.4)
    _both("threshold_li", image, initial_guess=np.median)
    _both("threshold_li", IMAGES["camera"], initial_guess=120)
    seen_ours, seen_ref = [], []
    ours.threshold_li(image, iter_callback=seen_ours.append)
    ref.threshold_li(image, iter_callback=seen_ref.append)
    np.testing.assert_allclose(seen_ours, seen_ref, rtol=1e-7)


# --- Hypothesis ---------------------------------------------------------------------------------


@st.composite
def images(draw):
    dtype = np.dtype(draw(st.sampled_from((np.bool_, *DTYPES, np.float16))))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=10))
    if dtype == np.bool_:
        elements = st.booleans()
    elif dtype.kind == "f":
        elements = st.floats(-1.0, 1.0, width=dtype.itemsize * 8)
    else:
        elements = st.integers(0 if dtype.kind == "u" else -200, 3000 if dtype != np.uint8 else 255)
    return draw(hnp.arrays(dtype, shape, elements=elements))


@given(images(), st.sampled_from(GLOBAL))
def test_global_property(image, name):
    if name == "threshold_multiotsu" and image.dtype == np.bool_:
        return
    if JIT_DISABLED and name in ("threshold_multiotsu", "threshold_minimum") and np.unique(image).size > 64:
        return  # plain-Python search: keep the no-JIT run short
    _both(name, image)


# --- float16: the reference's float16 bins and its float16 Li iteration ----------------------------


def _float16_images():
    from skimage import data

    rng = np.random.default_rng(16)
    return {
        "camera": data.camera().astype(np.float16) / 255,  # float16 / int: stays float16
        "camera_crop": (IMAGES["camera"] / 255.0).astype(np.float16),
        "bimodal_40x50": _bimodal(rng).astype(np.float16),
        "random_4x4": rng.random((4, 4)).astype(np.float16),
        "bimodal_3d": _bimodal(rng, (6, 10, 12)).astype(np.float16),
    }


FLOAT16_IMAGES = _float16_images()


@pytest.mark.parametrize("key", list(FLOAT16_IMAGES))
@pytest.mark.parametrize("name", GLOBAL)
def test_float16_thresholds(name, key):
    """Same float16 threshold, exactly (Numba has no float16: the histogram is NumPy's own
    float16 binning and Li iterates in float16, both as the reference)."""
    image = FLOAT16_IMAGES[key]
    before = unchanged_copy(image)
    _both(name, image)
    np.testing.assert_array_equal(image, before[0])


def test_float16_options_insides_and_degenerate():
    image = FLOAT16_IMAGES["bimodal_40x50"]
    _both("threshold_isodata", image, return_all=True)
    _both("threshold_multiotsu", image, classes=4, nbins=64)
    _both("threshold_otsu", image, nbins=1000)
    _both("threshold_li", image, tolerance=0.01)
    _both("threshold_li", image, initial_guess=0.4)
    _both("threshold_li", image, initial_guess=np.median)
    _both("threshold_li", image, initial_guess=5.0)  # outside the image: ValueError
    seen_ours, seen_ref = [], []
    ours.threshold_li(image, iter_callback=seen_ours.append)
    ref.threshold_li(image, iter_callback=seen_ref.append)
    assert seen_ours == seen_ref and all(type(t) is np.float16 for t in seen_ours)
    for insides, threshold in INSIDES:
        for img in (image, FLOAT16_IMAGES["camera_crop"]):
            assert_same_threshold(getattr(ours, insides)(img).threshold, getattr(ref, threshold)(img))
    constant = np.full((4, 4), 0.3, np.float16)
    with_nan = np.array([[0.1, np.nan, 0.7]], np.float16)
    for name in GLOBAL:
        _both(name, constant)
        _both(name, with_nan)
    _both("threshold_otsu", constant, nbins=1000)  # the value, before any (too fine) float16 bins
    for name in ("threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_yen"):
        with pytest.raises(ValueError):
            getattr(ours, name)(with_nan)


# --- degenerate inputs that have bitten the reference -----------------------------------------------

DEGENERATE = {
    "constant_u8": np.full((5, 7), 42, np.uint8),
    "constant_f": np.full((4, 4), 0.3),
    "constant_f32": np.full((3, 5), -0.25, np.float32),
    "two_valued_u8": np.array([[0, 0, 255, 255, 255]], np.uint8),
    "two_valued_f": np.array([[0.2, 0.2, 0.7]]),
    "one_pixel": np.array([[3]], np.uint16),
    "two_pixels": np.array([[1, 9]], np.int32),
    "column": np.arange(7, dtype=np.float64).reshape(7, 1),
    "gap": np.array([[50, 50, 51, 200, 201, 201, 202]], np.uint8),
    "negative": np.array([[-5, -3, -3, 4, 8]], np.int64),
    "nan": np.array([[0.1, np.nan, 0.7]]),
}


@pytest.mark.parametrize("name", GLOBAL)
@pytest.mark.parametrize("key", list(DEGENERATE))
def test_degenerate(name, key):
    _both(name, DEGENERATE[key])


def test_nan_raises_valueerror():
    for name in ("threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_yen"):
        with pytest.raises(ValueError):
            getattr(ours, name)(DEGENERATE["nan"])


def test_constant_returns_the_value():
    for key in ("constant_u8", "constant_f", "constant_f32"):
        image = DEGENERATE[key]
        # (ISODATA returns it for integer images only: a constant float image has an empty
        # middle bin in the reference, which raises IndexError — checked in test_degenerate)
        for name in ("threshold_otsu", "threshold_triangle", "threshold_li"):
            value = getattr(ours, name)(image)
            assert value == image.flat[0]


def test_no_image_no_hist():
    assert_same_error(ours.threshold_otsu, ref.threshold_otsu)


# --- threshold_local ------------------------------------------------------------------------------

LOCAL_CASES = [
    {"block_size": 5},
    {"block_size": 7, "method": "mean", "offset": 0.05},
    {"block_size": (3, 5), "method": "mean", "mode": "constant", "cval": 0.5},
    {"block_size": 9, "method": "gaussian", "param": 2.0, "mode": "nearest"},
    {"block_size": 3, "method": "median"},
    {"block_size": 5, "method": "median", "mode": "constant", "cval": 0.2},
    {"block_size": 3, "method": "median", "mode": "wrap"},
    {"block_size": 3, "method": "generic", "param": np.max, "mode": "mirror"},
    {"block_size": 3, "method": "generic", "param": lambda a: a[0] - a[-1], "mode": "reflect"},
]


@pytest.mark.parametrize("kwargs", LOCAL_CASES, ids=[str(i) for i in range(len(LOCAL_CASES))])
@pytest.mark.parametrize("dtype", [np.uint8, np.float32, np.float64], ids=lambda d: np.dtype(d).name)
def test_threshold_local(kwargs, dtype):
    image = _as(_bimodal(np.random.default_rng(2), (17, 23)), dtype)
    before = image.copy()
    expected = ref.threshold_local(image, **kwargs)
    assert_agrees(ours.threshold_local(image, **kwargs), expected)
    np.testing.assert_array_equal(image, before)


def test_threshold_local_3d():
    image = np.random.default_rng(3).random((6, 7, 8))
    for method in ("gaussian", "mean", "median"):
        assert_agrees(ours.threshold_local(image, 3, method=method),
                      ref.threshold_local(image, 3, method=method))


@pytest.mark.parametrize("kwargs", [{"block_size": 4}, {"block_size": (3, 4)}, {"block_size": (3, 3, 3)},
                                    {"block_size": 3, "method": "bogus"}])
def test_threshold_local_bad_input(kwargs):
    image = np.random.default_rng(0).random((8, 9))
    err = assert_same_error(ours.threshold_local, ref.threshold_local, image, **kwargs)
    if kwargs.get("method") is None:
        assert "block_size" in str(err)


# --- the insides ------------------------------------------------------------------------------------

INSIDES = [("otsu_insides", "threshold_otsu"), ("isodata_insides", "threshold_isodata"),
           ("triangle_insides", "threshold_triangle"), ("multiotsu_insides", "threshold_multiotsu")]


@pytest.mark.parametrize("insides, threshold", INSIDES, ids=[i for i, _ in INSIDES])
@pytest.mark.parametrize("key", ["camera", "coins", "bimodal_float64", "bimodal_uint8", "gap",
                                 "constant_u8"])
def test_insides_threshold_is_the_functions(insides, threshold, key):
    image = IMAGES.get(key, DEGENERATE.get(key))
    try:
        expected = getattr(ref, threshold)(image)
    except ValueError:  # multi-Otsu on too few values: the insides raise the same
        with pytest.raises(ValueError):
            getattr(ours, insides)(image)
        return
    state = getattr(ours, insides)(image)
    assert_same_threshold(state.threshold, expected)
    assert_same_threshold(state.threshold, getattr(ours, threshold)(image))
    assert state.candidates.shape == state.criterion.shape


def test_insides_criteria_decide():
    """The criterion arrays explain the threshold: Otsu's is the argmax of the variance, the
    triangle's the farthest bin, ISODATA's iteration ends on it, multi-Otsu's table peaks on it."""
    image = IMAGES["camera"]
    otsu = ours.otsu_insides(image)
    assert otsu.candidates[np.argmax(otsu.criterion)] == otsu.threshold
    tri = ours.triangle_insides(image)
    assert tri.candidates[np.argmax(tri.criterion)] == tri.threshold
    iso = ours.isodata_insides(image)
    assert iso.extra["iterations"][-1] == iso.threshold
    assert np.all(np.diff(iso.extra["iterations"]) > 0)  # climbing to the lowest fixed point
    assert iso.threshold == iso.extra["fixed_points"][0]
    multi = ours.multiotsu_insides(image)
    t0, t1 = np.unravel_index(np.nanargmax(multi.extra["sigma"]), multi.extra["sigma"].shape)
    np.testing.assert_array_equal(multi.bin_centers[[t0, t1]], multi.threshold)


def test_insides_with_hist():
    from skimage.exposure import histogram

    hist = histogram(IMAGES["coins"])
    assert ours.otsu_insides(hist=hist).threshold == ref.threshold_otsu(hist=hist)
    assert ours.isodata_insides(hist=hist).threshold == ref.threshold_isodata(hist=hist)


def test_plot_threshold_insides():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    image = IMAGES["coins"]
    for fn in (ours.otsu_insides, ours.isodata_insides, ours.triangle_insides, ours.multiotsu_insides):
        ax = ours.plot_threshold_insides(fn(image))
        assert len(ax.patches) == fn(image).counts.size  # one bar per bin
        assert ax.get_title().startswith(fn(image).method)
        plt.close(ax.figure)


# --- parallel == serial -------------------------------------------------------------------------------


def test_parallel_kernels_equal_serial():
    rng = np.random.default_rng(5)
    ints = rng.integers(0, 255, 6000).astype(np.uint8)
    floats = rng.random(6000)
    np.testing.assert_array_equal(_thresholds._sum_chunks_int(ints, 16),
                                  serial(_thresholds._sum_chunks_int)(ints, 16))
    np.testing.assert_array_equal(_thresholds._sum_chunks(floats, 16),
                                  serial(_thresholds._sum_chunks)(floats, 16))
    np.testing.assert_array_equal(_thresholds._two_class_sums(floats, floats.min(), 0.4, 16),
                                  serial(_thresholds._two_class_sums)(floats, floats.min(), 0.4, 16))
    image = rng.random((20, 21))
    padded, starts, offsets = _thresholds._window_geometry(image.shape, (3, 5), "reflect", 0.0, image)
    outs = [np.empty(starts.size), np.empty(starts.size)]
    _thresholds._median_windows(padded, starts, offsets, outs[0], offsets.size // 2)
    serial(_thresholds._median_windows)(padded, starts, offsets, outs[1], offsets.size // 2)
    np.testing.assert_array_equal(*outs)


@pytest.mark.slow
@pytest.mark.parametrize("name", GLOBAL)
@pytest.mark.parametrize("sample", ["camera", "coins", "moon", "page"])
def test_full_sample_images(name, sample):
    from skimage import data

    image = getattr(data, sample)()
    _both(name, image)
    _both(name, image / 255.0)


def test_multiotsu_insides_wide_histogram_leaves_out_the_pair_table():
    """A uint16 image has one bin per integer value: the nbins**2 pair table would not fit."""
    import skimage.data

    # 5101 bins: past the 4096-bin limit of the table, small enough for the reference's own
    # nbins**2 look-up table (a range of 65536 would take it minutes and gigabytes)
    image = skimage.data.camera()[::4, ::4].astype(np.uint16) * 20
    insides = ours.multiotsu_insides(image)
    np.testing.assert_array_equal(insides.threshold, ref.threshold_multiotsu(image))
    assert insides.criterion.size == 0 and "sigma" not in insides.extra


@pytest.mark.parametrize("value", [np.inf, -np.inf, 1e308, -0.0])
@pytest.mark.parametrize("nbins", [256, 100_000])
@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_yen", "threshold_triangle"])
def test_constant_extreme_float_image(name, value, nbins):
    """Otsu answers a constant image before any binning, as the reference does, even where
    its range cannot be binned (an infinity, 1e308 with many bins); the others bin first and
    give the reference's answer or error."""
    image = np.full((4, 5), value)
    try:
        expected = getattr(ref, name)(image, nbins=nbins)
    except IndexError:  # the reference's internal error (isodata's thresholds[0]): ValueError
        with pytest.raises(ValueError, match="image"):
            getattr(ours, name)(image, nbins=nbins)
        return
    except Exception:
        assert_same_error(getattr(ours, name), getattr(ref, name), image, nbins=nbins)
        return
    assert_same_threshold(getattr(ours, name)(image, nbins=nbins), expected)


def test_li_float16_cycle_raises_where_the_reference_loops_for_ever():
    """Known difference: in float16, Li's iteration can cycle between values farther apart
    than the tolerance; the reference never returns (not called here), ours raises."""
    rng = np.random.default_rng(12)
    shape = tuple(rng.integers(3, 30, 3))
    image = (rng.random(shape) * rng.choice([1, 3, 100])).astype(np.float16)
    with pytest.raises(RuntimeError, match="cycles"):
        ours.threshold_li(image)
    # a looser tolerance ends, as the reference's does
    assert_same_threshold(ours.threshold_li(image, tolerance=0.05), ref.threshold_li(image, tolerance=0.05))


@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_yen", "threshold_triangle",
                                  "threshold_minimum", "threshold_multiotsu", "threshold_local"])
def test_complex_image_is_a_clear_value_error(name):
    """Known difference: the reference's histogram thresholds bin the real part of a complex
    image (its threshold_local raises this ValueError); ours raise it for all (a Numba typing
    error before)."""
    image = np.random.default_rng(0).random((16, 16)) + 1j
    kwargs = {"block_size": 5} if name == "threshold_local" else {}
    with pytest.raises(ValueError, match="complex"):
        getattr(ours, name)(image, **kwargs)


# --- issue 15: inputs that killed or hung the process, and validation that names things -------


def _extreme_li_images():
    full = np.finfo(np.float64).max
    images = {}
    img = np.full((12, 13), full)
    img.flat[::2] *= -1
    images["+-max"] = img  # the repro: max - min overflows to inf
    img = np.full((12, 13), 1e308)
    img.flat[::2] *= -1
    images["+-1e308"] = img
    img = np.full((12, 13), 1e308)
    img.flat[::3] = 0
    images["0-1e308"] = img
    img = np.full((12, 13), 5e-324)
    img.flat[::2] = 0
    images["subnormal"] = img  # n_buckets / span overflows to inf
    img = np.full((12, 13), 5e-324)
    img.flat[::2] *= -1
    images["+-subnormal"] = img
    images["subnormal ramp"] = np.arange(156.0).reshape(12, 13) * 5e-324
    img = np.full((12, 13), np.finfo(np.float32).max, np.float32)
    img.flat[::2] *= -1
    images["float32 +-max"] = img
    rng = np.random.default_rng(3)
    images["random 1e308"] = rng.random((12, 13)) * 1e308 * np.sign(rng.random((12, 13)) - 0.5)
    images["random subnormal"] = rng.random((12, 13)) * 1e-310
    # float32 values spanning +-1.7e38: the reference's float32 mean overflows to inf (nan)
    images["float32 random 1e38"] = ((rng.random((12, 13)) - 0.5) * np.finfo(np.float32).max).astype(np.float32)
    return images


EXTREME_LI = _extreme_li_images()


@pytest.mark.parametrize("key", list(EXTREME_LI))
def test_li_overflowing_and_subnormal_ranges(key):
    """Once a SIGSEGV (a NaN bucket index): now the reference's inf, nan or tiny threshold."""
    image = EXTREME_LI[key]
    before = image.copy()
    expected = ref.threshold_li(image)
    result = ours.threshold_li(image)
    assert type(result) is type(expected)
    np.testing.assert_allclose(result, expected, rtol=1e-7, atol=0, equal_nan=True)
    np.testing.assert_array_equal(image, before)


@pytest.mark.parametrize("tolerance", [-1.0, -1e-300, np.float32(-0.5)])
@pytest.mark.parametrize("dtype", [np.float64, np.uint8, np.float16])
def test_li_negative_tolerance_raises_where_the_reference_loops_for_ever(tolerance, dtype):
    # (the reference is not called: it never returns)
    image = _as(_bimodal(np.random.default_rng(0)), dtype)
    with pytest.raises(ValueError, match="`tolerance`"):
        ours.threshold_li(image, tolerance=tolerance)


def test_li_tolerance_zero_means_the_default_as_in_the_reference():
    image = _bimodal(np.random.default_rng(1))
    _both("threshold_li", image, tolerance=0)
    with pytest.raises(TypeError):  # the reference's UFuncTypeError (a subtraction), a TypeError
        ref.threshold_li(image, tolerance="abc")
    with pytest.raises(TypeError, match="`tolerance`"):
        ours.threshold_li(image, tolerance="abc")


def test_li_single_finite_value_message_names_tolerance():
    image = np.array([[1.0, np.inf], [1.0, np.inf]])
    exc = assert_same_error(ours.threshold_li, ref.threshold_li, image)
    assert "`tolerance`" in str(exc)


@pytest.mark.parametrize("classes", [1, 0, -3, True])
def test_multiotsu_fewer_than_two_classes_raises_naming_classes(classes):
    # (the reference is not called: with classes=1 it reads an empty array and dies)
    image = _as(_bimodal(np.random.default_rng(0)), np.uint8)
    with pytest.raises(ValueError, match="`classes`"):
        ours.threshold_multiotsu(image, classes=classes)


@pytest.mark.parametrize("classes", [2.5, 3.0, "3"])
def test_multiotsu_classes_not_an_integer(classes):
    """The reference: a TypeError (from range(), or NumPy's UFuncTypeError for a string)."""
    image = _bimodal(np.random.default_rng(0))
    with pytest.raises(TypeError):
        ref.threshold_multiotsu(image, classes=classes)
    with pytest.raises(TypeError, match="`classes`"):
        ours.threshold_multiotsu(image, classes=classes)


@pytest.mark.parametrize("classes, nbins", [(100, 256), (7, 256), (12, 1000)])
def test_multiotsu_refuses_a_search_that_cannot_finish(classes, nbins):
    # (the reference is not called: it searches for minutes to ages)
    image = np.random.default_rng(0).random((12, 13))
    with pytest.raises(ValueError, match=r"combinations") as info:
        ours.threshold_multiotsu(image, classes=classes, nbins=nbins)
    assert "`classes`" in str(info.value) and "`nbins`" in str(info.value)


def test_multiotsu_search_limit_is_the_stated_one():
    import math

    assert math.comb(255, 5) <= _thresholds.MULTIOTSU_MAX_COMBINATIONS < math.comb(255, 6)


@pytest.mark.parametrize("nbins", [2.5, 2.0, 0, -3, np.int64(7)])
@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_yen",
                                  "threshold_minimum", "threshold_multiotsu"])
def test_nbins_not_a_positive_integer(name, nbins):
    image = _bimodal(np.random.default_rng(2))
    if ref_raises(name, image, nbins=nbins):
        exc = assert_same_error(getattr(ours, name), getattr(ref, name), image, nbins=nbins)
        if isinstance(exc, (TypeError, ValueError)):  # (not minimum's "two maxima" RuntimeError)
            assert "`nbins`" in str(exc)
    else:
        _both(name, image, nbins=nbins)


def ref_raises(name, *args, **kwargs):
    try:
        getattr(ref, name)(*args, **kwargs)
    except Exception:
        return True
    return False


def _object_images():
    rng = np.random.default_rng(4)
    values = rng.random((12, 13))
    return {
        "floats": values.astype(object),
        "ints": (values * 100).astype(int).astype(object),
        "constant": np.full((3, 3), 5, dtype=object),
        "mixed numpy scalars": np.array([[np.float32(0.5), 2], [np.int16(3), 7.5]], dtype=object),
        "a string": np.array([[1, "a"]], dtype=object),
        "None": np.array([[None, 1.0]], dtype=object),
        "complex": np.array([[1 + 2j, 3]], dtype=object),
        "bools": np.array([[True, False]], dtype=object),
    }


OBJECT_IMAGES = _object_images()


@pytest.mark.parametrize("key", list(OBJECT_IMAGES))
def test_otsu_object_arrays(key):
    """The reference bins an object array of numbers as floats and answers a Python float."""
    image = OBJECT_IMAGES[key]
    try:
        expected = ref.threshold_otsu(image)
    except Exception:
        exc = assert_same_error(ours.threshold_otsu, ref.threshold_otsu, image)
        assert "`image`" in str(exc)
        return
    result = ours.threshold_otsu(image)
    assert type(result) is type(expected)
    assert result == expected


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.uint8, np.int32, np.bool_])
@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_triangle",
                                  "threshold_multiotsu"])
def test_empty_image_raises_value_error_naming_image(name, dtype):
    """The reference fails inside (IndexError at ``bin_centers[0]``; multi-Otsu reads memory
    it does not own on float32), or NumPy's "zero-size array" ValueError: a ValueError that
    names ``image`` here.  Where the reference's class is ValueError, it is the same."""
    image = np.zeros((0, 4), dtype)
    with pytest.raises(ValueError, match="`image`"):
        getattr(ours, name)(image)
    if name != "threshold_otsu" and dtype in (np.uint8, np.int32):  # (Otsu's: an IndexError)
        assert_same_error(getattr(ours, name), getattr(ref, name), image)


@pytest.mark.parametrize("name", ["threshold_yen", "threshold_minimum", "threshold_mean", "threshold_li"])
@pytest.mark.parametrize("dtype", [np.float64, np.uint8])
def test_empty_image_elsewhere_as_the_reference(name, dtype):
    image = np.zeros((0, 4), dtype)
    try:
        getattr(ref, name)(image)
    except Exception as error:
        exc = assert_same_error(getattr(ours, name), getattr(ref, name), image)
        if isinstance(error, ValueError):  # NumPy's "zero-size array": named here
            assert "`image`" in str(exc)
        return
    _both(name, image)


def _wide_integer_images():
    i64 = np.iinfo(np.int64)
    return {
        "int64 full range": np.array([[i64.min, 0], [5, i64.max]], np.int64),
        "uint64 top": np.array([[0, 0], [5, np.iinfo(np.uint64).max]], np.uint64),
        "int64 +-2**62": np.array([[-2**62, 0], [5, 2**62]], np.int64),
    }


WIDE_INTEGER_IMAGES = _wide_integer_images()


@pytest.mark.parametrize("key", list(WIDE_INTEGER_IMAGES))
@pytest.mark.parametrize("name", ["threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_yen",
                                  "threshold_minimum", "threshold_multiotsu", "threshold_li"])
def test_integer_range_too_wide_for_a_bin_per_value(name, key):
    """The reference: "Maximum allowed size exceeded" or an IndexError (the shifted image wraps
    around); scratch: a ValueError that names ``image`` and the range."""
    image = WIDE_INTEGER_IMAGES[key]
    with pytest.raises(ValueError, match="`image` spans too many integer values"):
        getattr(ours, name)(image)
    with pytest.raises((ValueError, IndexError)):
        getattr(ref, name)(image)


@pytest.mark.parametrize("max_num_iter", [0, -1])
def test_minimum_without_a_smoothing_round(max_num_iter):
    # the reference: UnboundLocalError (its loop never ran); a ValueError naming the parameter
    with pytest.raises(UnboundLocalError):
        ref.threshold_minimum(_bimodal(np.random.default_rng(0)), max_num_iter=max_num_iter)
    with pytest.raises(ValueError, match="`max_num_iter`"):
        ours.threshold_minimum(_bimodal(np.random.default_rng(0)), max_num_iter=max_num_iter)


@pytest.mark.parametrize("max_num_iter", [2.5, 5.0])
def test_minimum_max_num_iter_not_an_integer(max_num_iter):
    exc = assert_same_error(ours.threshold_minimum, ref.threshold_minimum, _bimodal(np.random.default_rng(0)),
                            max_num_iter=max_num_iter)
    assert "`max_num_iter`" in str(exc)


@pytest.mark.parametrize("max_num_iter", [-1, 0, 2.5, "bogus", (), True])
def test_minimum_empty_integer_image_before_max_num_iter(max_num_iter):
    # the reference builds the histogram first: an empty integer image is its ValueError
    # whatever max_num_iter is (fuzz finding)
    image = np.zeros((0, 5), np.uint8)
    with pytest.raises(ValueError):
        ref.threshold_minimum(image, max_num_iter=max_num_iter)
    with pytest.raises(ValueError, match="`image`"):
        ours.threshold_minimum(image, max_num_iter=max_num_iter)


@pytest.mark.parametrize("param", [None, 3])
def test_local_generic_needs_a_callable(param):
    image = _bimodal(np.random.default_rng(0))
    exc = assert_same_error(ours.threshold_local, ref.threshold_local, image, 3, "generic", param=param)
    assert "`param`" in str(exc)


@pytest.mark.parametrize("image", [np.array(True), np.array(0.5), np.zeros(0, bool), np.zeros((0, 3)),
                                   np.full((3, 4), 0.25), np.array(3, np.uint8), np.zeros(0, np.uint8)],
                         ids=["0-d bool", "0-d float", "empty bool", "empty float", "constant float",
                              "0-d uint8", "empty uint8"])
@pytest.mark.parametrize("return_all", [False, True])
def test_isodata_without_a_threshold(image, return_all):
    """Found by test_fuzz: where no bin satisfies the isodata criterion the reference fails on
    ``thresholds[0]`` (IndexError; scratch: ValueError), and with return_all=True it returns the
    empty list, also for an empty float/bool image (scratch refused it as empty)."""
    try:
        expected = ref.threshold_isodata(image, return_all=return_all)
    except IndexError:
        with pytest.raises(ValueError, match="image"):
            ours.threshold_isodata(image, return_all=return_all)
        return
    except ValueError:
        with pytest.raises(ValueError, match="image"):
            ours.threshold_isodata(image, return_all=return_all)
        return
    got = ours.threshold_isodata(image, return_all=return_all)
    assert type(got) is type(expected)
    np.testing.assert_array_equal(got, expected)
    assert np.asarray(got).dtype == np.asarray(expected).dtype


@pytest.mark.parametrize("tolerance", [(), [], (0.1,), [0.1, 0.2]], ids=repr)
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.uint8])
def test_li_sequence_tolerance_as_the_reference(tolerance, dtype):
    """Found by test_fuzz: an empty tuple or list is falsy, so the reference's ``tolerance or
    ...`` takes the default; a longer one is its NumPy ValueError."""
    image = _as(_bimodal(np.random.default_rng(2)), dtype)
    try:
        expected = ref.threshold_li(image, tolerance=tolerance)
    except ValueError:
        with pytest.raises(ValueError, match="`tolerance`"):
            ours.threshold_li(image, tolerance=tolerance)
        return
    np.testing.assert_allclose(ours.threshold_li(image, tolerance=tolerance), expected, rtol=1e-7)


@pytest.mark.parametrize("nbins", [(), (3,), []], ids=repr)
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.uint8])
def test_multiotsu_sequence_nbins_as_the_reference(nbins, dtype):
    """Found by test_fuzz: a sequence nbins is the reference's ValueError on a float image
    (NumPy bins into too few edges) and ignored on an integer one."""
    image = _as(_bimodal(np.random.default_rng(2)), dtype)
    try:
        expected = ref.threshold_multiotsu(image, nbins=nbins)
    except ValueError:
        with pytest.raises(ValueError, match="`nbins`"):
            ours.threshold_multiotsu(image, nbins=nbins)
        return
    np.testing.assert_array_equal(ours.threshold_multiotsu(image, nbins=nbins), expected)


@pytest.mark.parametrize("value", [2**60 + 5, 2**62, 2**63 - 1])
@pytest.mark.parametrize("dtype", ["uint64", "int64"])
def test_otsu_of_a_constant_image_too_wide_to_bin(value, dtype):
    """A constant integer image whose range from 0 needs more bins than can exist: the
    reference looks for a constant image before it bins, and returns the value."""
    image = np.full((5, 6), value, dtype)
    expected = ref.threshold_otsu(image)
    got = ours.threshold_otsu(image)
    assert type(got) is type(expected) and got == expected
    varied = image.copy()
    varied[0, 0] = 0  # not constant: too many bins (the reference: a MemoryError/ValueError
    with pytest.raises(ValueError, match="image"):  # or an internal IndexError; scratch names it)
        ours.threshold_otsu(varied)


@pytest.mark.parametrize("block_size", [-1, 0, 2.5, "bogus", (), True, 3, 2])
@pytest.mark.parametrize("method, param", [("median", None), ("generic", np.mean), ("gaussian", None),
                                           ("mean", None)])
@pytest.mark.parametrize("image", [np.array(0.5), np.array(3, np.uint8), np.array(2, np.float32)])
def test_local_0d_image_any_block_size(image, method, param, block_size):
    # a 0-d image: a scalar block_size becomes (), and the block is the pixel itself; the
    # reference's median/generic filters return it (fuzz finding)
    expected = ref.threshold_local(image, block_size, method=method, param=param, offset=0.125)
    got = ours.threshold_local(image, block_size, method=method, param=param, offset=0.125)
    assert type(got) is type(expected)
    assert_agrees(got, expected)
