"""scratch.exposure against skimage.exposure: histogram, cdf, point-wise maps, equalisation, CLAHE.

Agreement reached (expected values always from scikit-image 0.26):

* ``histogram``, ``cumulative_distribution``, ``equalize_hist``, ``rescale_intensity`` and the
  ``adjust_*`` corrections: identical (same bins, same floats) on every dtype tried, float16
  included (binned by NumPy itself, as the reference does).
* ``equalize_adapthist`` (CLAHE): identical, bit for bit, on 1-D, 2-D, 3-D and RGB(A) images,
  odd sizes and kernel sizes larger than the image — scratch reproduces the reference's mirror
  padding, its clipping loop, its float32 accumulation of the interpolation terms and the
  truncation to uint16 (see ``scratch/exposure/_adapthist.py``).  The tests assert exact
  equality for it.
"""

import warnings

import numpy as np
import pytest
import skimage.exposure as ref
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.exposure as ours
from scratch._jit import serial
from scratch.exposure import _adapthist, _equalize, _histogram, _intensity

from conftest import assert_agrees, assert_same_error, unchanged_copy

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def _camera(size=48, dtype=np.uint8):
    from skimage import data

    image = data.camera()[200 : 200 + size, 220 : 220 + size]
    dtype = np.dtype(dtype)
    if dtype == np.uint8:
        return image.copy()
    if dtype == np.uint16:
        return image.astype(np.uint16) * 257
    if dtype == np.int16:
        return image.astype(np.int16) - 128
    if dtype == np.int32:
        return image.astype(np.int32) * 1000 - 50000
    if dtype.kind == "f":
        return (image / 255.0).astype(dtype)
    if dtype == np.bool_:
        return image > 100
    return image.astype(dtype)


IMAGE_DTYPES = (np.uint8, np.uint16, np.int16, np.int32, np.float32, np.float64)


def _same(ours_result, ref_result, exact=False):
    """Compare results that may be tuples (hist, centers)."""
    if isinstance(ref_result, tuple):
        assert isinstance(ours_result, tuple) and len(ours_result) == len(ref_result)
        for a, b in zip(ours_result, ref_result):
            _same(a, b, exact)
        return
    if exact:
        assert np.asarray(ours_result).dtype == np.asarray(ref_result).dtype
        np.testing.assert_array_equal(ours_result, ref_result)
    else:
        assert_agrees(ours_result, ref_result)


# --- one case table for the whole family ------------------------------------------------------

CASES = [
    ("histogram", {}),
    ("histogram", {"nbins": 7}),
    ("histogram", {"source_range": "dtype"}),
    ("histogram", {"normalize": True}),
    ("cumulative_distribution", {}),
    ("cumulative_distribution", {"nbins": 16}),
    ("equalize_hist", {}),
    ("equalize_hist", {"nbins": 32}),
    ("rescale_intensity", {}),
    ("rescale_intensity", {"out_range": (0, 127)}),
    ("rescale_intensity", {"in_range": "dtype"}),
    ("rescale_intensity", {"out_range": "uint12"}),
    ("rescale_intensity", {"out_range": "float32"}),
    ("adjust_gamma", {"gamma": 2.0}),
    ("adjust_gamma", {"gamma": 0.5, "gain": 1.5}),
    ("adjust_log", {}),
    ("adjust_log", {"gain": 0.8, "inv": True}),
    ("adjust_sigmoid", {}),
    ("adjust_sigmoid", {"cutoff": 0.3, "gain": 5, "inv": True}),
    ("equalize_adapthist", {}),
    ("equalize_adapthist", {"kernel_size": 7, "clip_limit": 0.03}),
    ("equalize_adapthist", {"kernel_size": (5, 9), "clip_limit": 0.0, "nbins": 100}),
]


@pytest.mark.parametrize("dtype", IMAGE_DTYPES, ids=lambda d: np.dtype(d).name)
@pytest.mark.parametrize("name, kwargs", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_case_table(name, kwargs, dtype):
    image = _camera(40, dtype)
    if name == "histogram" and kwargs.get("source_range") == "dtype" and np.dtype(dtype) == np.int32:
        pytest.skip("a bin per int32 value: 2**32 bins (the reference runs out of memory too)")
    if name.startswith("adjust") and np.dtype(dtype).kind == "i":
        image = np.abs(image)
    before = unchanged_copy(image)
    expected = getattr(ref, name)(image, **kwargs)
    result = getattr(ours, name)(image, **kwargs)
    _same(result, expected, exact=name == "equalize_adapthist")
    np.testing.assert_array_equal(image, before[0])


# --- CLAHE: shapes, colour, volumes ---------------------------------------------------------------

CLAHE_IMAGES = {
    "odd_2d": lambda rng: rng.random((23, 37)),
    "tiny": lambda rng: rng.random((3, 2)),
    "row": lambda rng: rng.random((1, 50)),
    "column": lambda rng: rng.random((41, 1)),
    "line_1d": lambda rng: rng.random(30),
    "uint16": lambda rng: rng.integers(0, 65536, (19, 26)).astype(np.uint16),
    "volume": lambda rng: rng.random((9, 12, 15)),
    "volume_f32": lambda rng: rng.random((7, 8, 10)).astype(np.float32),
    "rgb": lambda rng: rng.integers(0, 256, (21, 30, 3)).astype(np.uint8),
    "rgba": lambda rng: rng.integers(0, 256, (16, 17, 4)).astype(np.uint8),
    "constant": lambda rng: np.full((12, 12), 0.25),
}


@pytest.mark.parametrize("kwargs", [{}, {"kernel_size": 4}, {"kernel_size": 64, "clip_limit": 0.2},
                                    {"clip_limit": 0, "nbins": 32},
                                    pytest.param({"nbins": 20000}, marks=pytest.mark.slow)],
                         ids=["default", "k4", "k_bigger_than_image", "no_clip", "many_bins"])
@pytest.mark.parametrize("key", list(CLAHE_IMAGES))
def test_clahe_exact(key, kwargs):
    image = CLAHE_IMAGES[key](np.random.default_rng(len(key)))
    before = image.copy()
    expected = ref.equalize_adapthist(image, **kwargs)
    result = ours.equalize_adapthist(image, **kwargs)
    assert result.dtype == expected.dtype and result.shape == expected.shape
    np.testing.assert_array_equal(result, expected)  # bound reached: exact
    np.testing.assert_array_equal(image, before)


@pytest.mark.slow
@pytest.mark.parametrize("kwargs", [{}, {"kernel_size": 31, "clip_limit": 0.02}])
@pytest.mark.parametrize("sample", ["camera", "moon", "astronaut"])
def test_clahe_sample_images(sample, kwargs):
    from skimage import data

    image = getattr(data, sample)()
    np.testing.assert_array_equal(ours.equalize_adapthist(image, **kwargs),
                                  ref.equalize_adapthist(image, **kwargs))


_COLOUR_IMAGES = {
    "uint8_odd": lambda rng: rng.integers(0, 256, (23, 37, 3)).astype(np.uint8),
    "uint8_column": lambda rng: rng.integers(0, 256, (31, 1, 3)).astype(np.uint8),
    "uint16_row": lambda rng: rng.integers(0, 65536, (1, 29, 3)).astype(np.uint16),
    "float64_odd": lambda rng: rng.random((17, 25, 3)),
    "float32_odd": lambda rng: rng.random((19, 14, 3)).astype(np.float32),
    # ties between channels, greys, signed zeros and negative values (float images may hold them)
    "float64_ties": lambda rng: rng.choice([-0.0, 0.0, -0.5, 1 / 3, 2 / 3, 1.0], (15, 21, 3)),
    "float32_ties": lambda rng: rng.choice([-0.0, 0.0, -1.0, 0.25, 0.5, 1.0], (15, 21, 3)).astype(np.float32),
    "float64_rgba_view": lambda rng: rng.random((13, 18, 4))[:, :, :3],
    "float64_big_endian": lambda rng: rng.random((11, 9, 3)).astype(">f8"),
}


def _bits(a):
    """The bit patterns of a float array (tells 0.0 from -0.0)."""
    return np.ascontiguousarray(a, a.dtype.newbyteorder("=")).view(f"u{a.dtype.itemsize}")


@pytest.mark.parametrize("key", list(_COLOUR_IMAGES))
def test_hsv_conversions_give_the_reference_bits(key):
    """The one-loop colour conversions against skimage.color.rgb2hsv / hsv2rgb, and CLAHE of
    the colour image (which runs through both)."""
    from skimage import color

    image = _COLOUR_IMAGES[key](np.random.default_rng(len(key)))
    before = image.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected_hsv = color.rgb2hsv(image)
    hsv = _adapthist._rgb2hsv(image)
    # (the intermediate HSV array is in native byte order; the reference keeps the input's)
    assert hsv.dtype == expected_hsv.dtype.newbyteorder("=") and hsv.shape == expected_hsv.shape
    np.testing.assert_array_equal(_bits(hsv), _bits(expected_hsv))
    expected_hsv[:, :, 2] = np.random.default_rng(5).random(image.shape[:2])  # a new value channel
    expected_rgb = color.hsv2rgb(expected_hsv)
    rgb = _adapthist._hsv2rgb(expected_hsv)
    assert rgb.dtype == expected_rgb.dtype.newbyteorder("=")
    np.testing.assert_array_equal(_bits(rgb), _bits(expected_rgb))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # negative values: img_as_uint clips them, with a warning
        result = ours.equalize_adapthist(image, kernel_size=5)
        expected = ref.equalize_adapthist(image, kernel_size=5)
    assert result.dtype == expected.dtype
    np.testing.assert_array_equal(_bits(result), _bits(expected))
    np.testing.assert_array_equal(image, before)


def test_clip_histogram_matches_reference():
    """The redistribution loop, alone, on histograms that exercise every branch."""
    rng = np.random.default_rng(3)
    for clim in (1, 3, 10, 40):
        for _ in range(20):
            hist = rng.integers(0, 60, 37).astype(np.int64)
            hist[rng.integers(0, 37, 3)] = 500
            expected = _adapthist_reference_clip(hist.copy(), clim)
            mine = hist.copy()
            _adapthist._clip_histogram(mine, clim)
            np.testing.assert_array_equal(mine, expected)


def _adapthist_reference_clip(hist, clim):
    from skimage.exposure._adapthist import clip_histogram

    return clip_histogram(hist, clim)


# --- Hypothesis ---------------------------------------------------------------------------------

SHAPES = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=12)


@st.composite
def images(draw, dtypes=(np.bool_, np.uint8, np.uint16, np.int32, np.int64, np.float16, np.float32,
                         np.float64),
           non_negative=False):
    dtype = np.dtype(draw(st.sampled_from(dtypes)))
    shape = draw(SHAPES)
    if dtype == np.bool_:
        elements = st.booleans()
    elif dtype.kind == "f":
        elements = st.floats(0.0 if non_negative else -1.0, 1.0, width=dtype.itemsize * 8)
    else:
        lo = 0 if non_negative or dtype.kind == "u" else -300
        elements = st.integers(lo, min(np.iinfo(dtype).max, 70000))
    return draw(hnp.arrays(dtype, shape, elements=elements))


def _both(name, image, **kwargs):
    """Run both; the same exception class if the reference raises, else agreeing results."""
    try:
        expected = getattr(ref, name)(image, **kwargs)
    except Exception:
        assert_same_error(getattr(ours, name), getattr(ref, name), image, **kwargs)
        return
    _same(getattr(ours, name)(image, **kwargs), expected, exact=name == "equalize_adapthist")


@given(images(), st.sampled_from([1, 2, 16, 256]), st.sampled_from(["image", "dtype"]))
def test_histogram_property(image, nbins, source_range):
    if source_range == "dtype" and image.dtype.kind == "i":
        return  # 2**32 / 2**64 bins
    _both("histogram", image, nbins=nbins, source_range=source_range)


@given(images())
def test_cdf_and_equalize_property(image):
    _both("cumulative_distribution", image)
    _both("equalize_hist", image)


@given(images(), st.sampled_from([(0, 1), (-5.0, 5.0), "dtype", "uint8"]))
def test_rescale_property(image, out_range):
    _both("rescale_intensity", image, out_range=out_range)


@given(images(non_negative=True), st.floats(0.0, 3.0), st.booleans())
def test_adjust_property(image, gamma, inv):
    _both("adjust_gamma", image, gamma=gamma)
    _both("adjust_log", image, inv=inv)
    _both("adjust_sigmoid", image, inv=inv)


@given(images(dtypes=(np.uint8, np.uint16, np.float32, np.float64)),
       st.sampled_from([None, 1, 3, 8]), st.sampled_from([0.0, 0.01, 0.5]))
def test_clahe_property(image, kernel_size, clip_limit):
    _both("equalize_adapthist", image, kernel_size=kernel_size, clip_limit=clip_limit)


# --- degenerate and bad input ------------------------------------------------------------------


@pytest.mark.parametrize("call", [
    lambda m: m.histogram(np.array([0.5, np.nan])),
    lambda m: m.histogram(np.array([0.5, np.inf])),
    lambda m: m.histogram(np.zeros(3, np.uint8), source_range="bad"),
    lambda m: m.histogram(np.zeros(3), source_range="bad"),
    lambda m: m.histogram(np.zeros(0, np.uint8)),
    lambda m: m.histogram(np.array([True, False]), source_range="dtype"),
    lambda m: m.adjust_gamma(np.ones(3), gamma=-1),
    lambda m: m.adjust_log(np.array([-0.5, 0.5])),
    lambda m: m.adjust_sigmoid(np.array([-1, 5], np.int16)),
    lambda m: m.adjust_gamma(np.array([-0.5, 0.5])),
    lambda m: m.rescale_intensity(np.ones(3), out_range="nonsense"),
    lambda m: m.equalize_adapthist(np.ones((8, 8)), kernel_size=(3, 3, 3)),
    lambda m: m.equalize_adapthist(np.full((8, 8), 2.0)),
], ids=["nan", "inf", "bad_source_int", "bad_source_float", "empty_int", "bool_dtype_range",
        "negative_gamma", "negative_log", "negative_sigmoid", "negative_gamma_image",
        "bad_out_range", "kernel_size_len", "float_out_of_range"])
def test_bad_input_same_error(call):
    assert_same_error(lambda: call(ours), lambda: call(ref))


def test_messages_name_the_parameter():
    with pytest.raises(ValueError, match="source_range"):
        ours.histogram(np.zeros(3), source_range="bad")
    with pytest.raises(ValueError, match="kernel_size"):
        ours.equalize_adapthist(np.ones((8, 8)), kernel_size=(3, 3, 3))
    with pytest.raises(ValueError, match="[Gg]amma"):
        ours.adjust_gamma(np.ones(3), gamma=-1)


@pytest.mark.parametrize("name", ["histogram", "equalize_hist", "rescale_intensity",
                                  "equalize_adapthist"])
@pytest.mark.parametrize("image", [np.full((5, 6), 7, np.uint8), np.full((4, 4), 0.5),
                                   np.array([[0, 255]], np.uint8), np.array([[0.0]])],
                         ids=["constant_u8", "constant_f", "two_valued", "one_pixel"])
def test_degenerate_images(name, image):
    _both(name, image)


def test_equalize_hist_mask():
    image = _camera(32, np.float64)
    mask = np.zeros(image.shape, bool)
    mask[5:20, 3:25] = True
    for img in (image, _camera(32, np.uint8)):
        _same(ours.equalize_hist(img, mask=mask), ref.equalize_hist(img, mask=mask))


def test_histogram_channel_axis():
    rgb = np.random.default_rng(0).integers(0, 200, (10, 11, 3)).astype(np.uint8)
    for img in (rgb, rgb / 255.0):
        for axis in (-1, 0):
            _same(ours.histogram(img, channel_axis=axis), ref.histogram(img, channel_axis=axis))


def test_color_warning_as_reference():
    rgb = np.zeros((4, 4, 3), np.uint8)
    with pytest.warns(UserWarning, match="color image"):
        ours.histogram(rgb)


# --- float16: NumPy's own float16 binning, as the reference -----------------------------------


def _float16_images():
    from skimage import data

    rng = np.random.default_rng(16)
    return {
        "camera": data.camera().astype(np.float16) / 255,  # float16 / int: stays float16
        "camera_crop": _camera(40, np.float16),
        "random_4x4": rng.random((4, 4)).astype(np.float16),
        "random_40x50": (rng.random((40, 50)) * 4 - 2).astype(np.float16),  # negative values too
        "random_3d": rng.random((6, 10, 12)).astype(np.float16),
    }


FLOAT16_IMAGES = _float16_images()
FLOAT16_CASES = [(name, kwargs) for name, kwargs in CASES
                 if name in ("histogram", "cumulative_distribution", "equalize_hist", "rescale_intensity")]


@pytest.mark.parametrize("key", list(FLOAT16_IMAGES))
@pytest.mark.parametrize("name, kwargs", FLOAT16_CASES,
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(FLOAT16_CASES)])
def test_float16_exact(name, kwargs, key):
    """float16 images (which Numba cannot hold): the same bins, centres (float16), cdf and maps,
    bit for bit and dtype for dtype."""
    image = FLOAT16_IMAGES[key]
    before = unchanged_copy(image)
    _same(getattr(ours, name)(image, **kwargs), getattr(ref, name)(image, **kwargs), exact=True)
    np.testing.assert_array_equal(image, before[0])


def test_float16_channels_mask_and_degenerate():
    rgb = np.random.default_rng(3).random((10, 11, 3)).astype(np.float16)
    for axis in (-1, 0):
        for source_range in ("image", "dtype"):
            _same(ours.histogram(rgb, channel_axis=axis, source_range=source_range),
                  ref.histogram(rgb, channel_axis=axis, source_range=source_range), exact=True)
    image = FLOAT16_IMAGES["random_40x50"]
    mask = np.zeros(image.shape, bool)
    mask[5:20, 3:25] = True
    _same(ours.equalize_hist(image, mask=mask), ref.equalize_hist(image, mask=mask), exact=True)
    for degenerate in (np.full((4, 4), 0.3, np.float16), np.array([[0.1, np.nan, 0.7]], np.float16),
                       np.array([-0.0, 0.0, 0.5], np.float16),
                       # the lowest bin centres overflow to -inf in float16 (equalize: np.interp)
                       np.array([0.3, 0.5, 0.0, 0.1, -65504, -60000], np.float16)):
        for name in ("histogram", "cumulative_distribution", "equalize_hist", "rescale_intensity"):
            _both(name, degenerate)
    assert_same_error(ours.histogram, ref.histogram, image, nbins=3000)  # too many float16 bins


# --- parallel == serial -----------------------------------------------------------------------


def test_parallel_kernels_equal_serial():
    rng = np.random.default_rng(7)
    ints = rng.integers(0, 300, 40000).astype(np.uint16)  # enough for several chunks
    floats = rng.random(40000)
    floats[::97] = np.nan
    for kernel, args in [
        (_histogram._count_integers, (ints, 0, 300)),
        (_histogram._count_integers_in_range, (ints, 10, 100)),
        (_histogram._minmax, (floats,)),
    ]:
        a, b = kernel(*args), serial(kernel)(*args)
        for x, y in zip(np.atleast_1d(a) if not isinstance(a, tuple) else a,
                        np.atleast_1d(b) if not isinstance(b, tuple) else b):
            np.testing.assert_array_equal(x, y)
    clean = rng.random(40000)
    edges, first, denom, nbins_f = _histogram._float_edges(clean, clean, 50, "image")
    np.testing.assert_array_equal(_histogram._count_floats(clean, edges, first, denom, nbins_f),
                                  serial(_histogram._count_floats)(clean, edges, first, denom, nbins_f))
    lut = rng.random(300)
    outs = [np.empty(ints.size), np.empty(ints.size)]
    _intensity._apply_lut(ints.astype(np.uint16), lut, outs[0])
    serial(_intensity._apply_lut)(ints.astype(np.uint16), lut, outs[1])
    np.testing.assert_array_equal(*outs)
    xp = np.linspace(0, 1, 40)
    fp = np.sort(rng.random(40))
    _equalize._interp(clean, xp, fp, outs[0])
    serial(_equalize._interp)(clean, xp, fp, outs[1])
    np.testing.assert_array_equal(outs[0], outs[1])
    np.testing.assert_array_equal(outs[0], np.interp(clean, xp, fp))
    _equalize._lookup(ints, 0, lut, outs[0])
    serial(_equalize._lookup)(ints, 0, lut, outs[1])
    np.testing.assert_array_equal(*outs)
    padded = rng.integers(0, 64, (3, 40, 44)).astype(np.uint16)
    maps = _adapthist._tile_maps(padded, 1, 8, 8, 1, 4, 4, 64, 5, 64)
    np.testing.assert_array_equal(maps, serial(_adapthist._tile_maps)(padded, 1, 8, 8, 1, 4, 4, 64, 5, 64))
    out = [np.empty((1, 30, 33), np.uint16), np.empty((1, 30, 33), np.uint16)]
    _adapthist._interpolate(padded, maps, 0, 4, 4, 1, 8, 8, out[0])
    serial(_adapthist._interpolate)(padded, maps, 0, 4, 4, 1, 8, 8, out[1])
    np.testing.assert_array_equal(*out)
    rgb = rng.random((150, 130, 3))  # enough rows for several threads
    rgb[::7, ::5, 1] = rgb[::7, ::5, 0]  # ties between channels
    for dtype in (np.float64, np.float32):
        image = rgb.astype(dtype)
        hsv = [np.empty_like(image), np.empty_like(image)]
        _adapthist._rgb2hsv_kernel(image, hsv[0])
        serial(_adapthist._rgb2hsv_kernel)(image, hsv[1])
        np.testing.assert_array_equal(*hsv)
        back = [np.empty_like(image), np.empty_like(image)]
        _adapthist._hsv2rgb_kernel(hsv[0], back[0])
        serial(_adapthist._hsv2rgb_kernel)(hsv[0], back[1])
        np.testing.assert_array_equal(*back)


def test_blockwise_equals_whole():
    """The block-by-block evaluation of the point-wise maps gives the reference's floats."""
    image = np.random.default_rng(1).random((300, 301))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, kw in [("adjust_gamma", {"gamma": 0.7}), ("adjust_log", {}), ("adjust_sigmoid", {}),
                         ("rescale_intensity", {"in_range": (0.2, 0.8)})]:
            np.testing.assert_array_equal(getattr(ours, name)(image, **kw), getattr(ref, name)(image, **kw))


_SPECIAL = np.array([-0.0, 0.0, np.nan, np.inf, -np.inf, 5e-324, 1e-200, 0.3, 0.5, 0.7, 1.0, 2.5, 1e200, 1e308])


@pytest.mark.parametrize("name,kw", [
    ("adjust_gamma", {"gamma": 0.5}), ("adjust_gamma", {"gamma": 2, "gain": 0.3}),
    ("adjust_gamma", {"gamma": 0.5, "gain": np.float32(3)}), ("adjust_gamma", {"gamma": 1.7}),
    ("adjust_log", {}), ("adjust_log", {"gain": 3}), ("adjust_log", {"gain": -0.5}),
    ("adjust_sigmoid", {}), ("adjust_sigmoid", {"cutoff": 0.3, "gain": 7.5}), ("adjust_sigmoid", {"cutoff": 0}),
    ("rescale_intensity", {}), ("rescale_intensity", {"in_range": (0.2, 0.8)}),
    ("rescale_intensity", {"in_range": (0.0, 1.0), "out_range": (-0.0, 1.0)}),
    ("rescale_intensity", {"in_range": (-0.0, 1.0), "out_range": (-2.0, 5.0)}),
    ("rescale_intensity", {"in_range": (1.0, 0.0)}),
])
def test_fused_float64_paths_give_the_reference_bits(name, kw):
    """Float64 images (several blocks) take fused steps (one Numba pass for the exact arithmetic,
    NumPy's own exp / log2 where they occur): the bits are the reference's, signed zeros,
    NaN, infinities and subnormals included."""
    rng = np.random.default_rng(2)
    image = np.concatenate([np.resize(_SPECIAL, 150_000), rng.random(150_006) * 10]).reshape(-1, 7)
    if name == "rescale_intensity" and kw.get("in_range") is None:
        image = image[np.isfinite(image).all(axis=1)]  # the image's own range: finite
    if name != "rescale_intensity":
        image = np.abs(image)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = getattr(ref, name)(image, **kw)
        got = getattr(ours, name)(image, **kw)
    assert got.dtype == expected.dtype
    np.testing.assert_array_equal(got.view(np.uint64), expected.view(np.uint64))


@pytest.mark.parametrize("name", ["adjust_gamma", "adjust_log", "adjust_sigmoid"])
def test_negative_pixel_in_a_big_image(name):
    """Big float images are corrected block by block and checked as the blocks go: one
    negative pixel in a late block (a NaN in another) still raises the reference's error."""
    rng = np.random.default_rng(0)
    image = rng.random((600, 600))
    image[5, 5] = np.nan
    image[590, 3] = -0.25
    assert_same_error(getattr(ours, name), getattr(ref, name), image)
    image[590, 3] = 0.25
    np.testing.assert_allclose(getattr(ours, name)(image), getattr(ref, name)(image), rtol=1e-7, equal_nan=True)


@pytest.mark.parametrize("name", ["adjust_gamma", "adjust_log", "adjust_sigmoid"])
@pytest.mark.parametrize("shape", [(8, 8), (600, 600)])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_negative_input_raises_without_a_warning(name, shape, dtype):
    """scikit-image's own test_exposure.py::test_negative_input runs with warnings as errors:
    the reference raises its ValueError before any arithmetic, so no "invalid value in log2"
    RuntimeWarning may come first (adjust_log warned on the blockwise path)."""
    image = np.full(shape, 3.0, dtype)
    image.flat[::7] = -10.0
    for module in (ref, ours):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with pytest.raises(ValueError, match="non-negative"):
                getattr(module, name)(image)


@pytest.mark.parametrize("call", [
    lambda m, x: m.histogram(x), lambda m, x: m.cumulative_distribution(x), lambda m, x: m.equalize_hist(x),
    lambda m, x: m.equalize_adapthist(x), lambda m, x: m.rescale_intensity(x, in_range=(0, 1), out_range=(0, 1)),
])
def test_complex_image_is_a_clear_value_error(call):
    """Complex images: ValueError naming it, as the reference's own float-type check raises.
    Known difference: the reference's ``histogram`` bins the real part instead; ours raises
    there too (a Numba typing error before)."""
    image = np.random.default_rng(0).random((16, 16)) + 1j
    with pytest.raises(ValueError, match="complex"):
        call(ours, image)


# --- 0-d images give NumPy scalars, as the reference's ufuncs return (issue #15) --------------
_ZERO_D = [np.array(0.25), np.array(0.9), np.array(0.25, np.float32), np.array(3, np.uint8),
           np.array(5, np.int16), np.array(70000, np.int32), np.array(True), np.float64(0.25)]
_ZERO_D_CALLS = [("adjust_log", {}), ("adjust_log", {"inv": True}), ("adjust_sigmoid", {}),
                 ("adjust_sigmoid", {"inv": True}), ("rescale_intensity", {}),
                 ("rescale_intensity", {"in_range": (0, 1)}), ("rescale_intensity", {"out_range": (0, 10)}),
                 ("rescale_intensity", {"out_range": "uint8"}), ("adjust_gamma", {"gamma": 2}),
                 ("adjust_gamma", {"gamma": 0.5, "gain": 2})]


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("name,kwargs", _ZERO_D_CALLS, ids=[f"{n}{k}" for n, k in _ZERO_D_CALLS])
@pytest.mark.parametrize("image", _ZERO_D, ids=[repr(x) for x in _ZERO_D])
def test_zero_d_images_give_the_reference_scalar(image, name, kwargs):
    """adjust_log / adjust_sigmoid on 0-d input -> np.float64 (not a 0-d array);
    rescale_intensity(np.array(0.25)) -> 0.25 (it raised 'return arrays must be of ArrayType')."""
    try:
        expected = getattr(ref, name)(image, **kwargs)
    except Exception as error:  # noqa: BLE001 - the same class then
        with pytest.raises(type(error)):
            getattr(ours, name)(image, **kwargs)
        return
    result = getattr(ours, name)(image, **kwargs)
    assert type(result) is type(expected)
    np.testing.assert_array_equal(result, expected)


def test_rescale_intensity_of_a_zero_d_quarter():
    result = ours.rescale_intensity(np.array(0.25))
    assert type(result) is np.float64 and result == ref.rescale_intensity(np.array(0.25)) == 0.25
    assert type(ours.adjust_log(np.array(0.25))) is type(ref.adjust_log(np.array(0.25))) is np.float64
    assert type(ours.adjust_sigmoid(np.array(0.25))) is type(ref.adjust_sigmoid(np.array(0.25))) is np.float64


# --- issue 15: bin counts and empty images, named --------------------------------------------------


@pytest.mark.parametrize("nbins", [2.5, 2.0, 0, -1])
@pytest.mark.parametrize("name", ["histogram", "equalize_hist"])
def test_float_histogram_nbins_not_a_positive_integer(name, nbins):
    image = np.random.default_rng(15).random((12, 13))
    exc = assert_same_error(getattr(ours, name), getattr(ref, name), image, nbins=nbins)
    assert "`nbins`" in str(exc)


def test_histogram_nbins_is_ignored_for_integer_images():
    image = (np.random.default_rng(15).random((12, 13)) * 200).astype(np.uint8)
    assert_agrees(ours.histogram(image, nbins=2.5)[0], ref.histogram(image, nbins=2.5)[0])


@pytest.mark.parametrize("name", ["histogram", "equalize_hist", "cumulative_distribution"])
def test_empty_integer_image_names_image(name):
    image = np.zeros((0, 4), np.uint8)
    exc = assert_same_error(getattr(ours, name), getattr(ref, name), image)
    assert "`image`" in str(exc)


@pytest.mark.parametrize("nbins", [2.5, 2.0])
def test_adapthist_nbins_not_an_integer(nbins):
    """The reference: NumPy's UFuncTypeError (a TypeError) from a floor division."""
    image = np.random.default_rng(15).random((16, 16))
    with pytest.raises(TypeError):
        ref.equalize_adapthist(image, nbins=nbins)
    with pytest.raises(TypeError, match="`nbins`"):
        ours.equalize_adapthist(image, nbins=nbins)


def test_adapthist_kernel_size_zero_names_it():
    """The reference: ZeroDivisionError (an integer modulo by zero); a ValueError naming it."""
    image = np.random.default_rng(15).random((16, 16))
    with pytest.raises(ZeroDivisionError):
        ref.equalize_adapthist(image, kernel_size=0)
    with pytest.raises(ValueError, match="`kernel_size`"):
        ours.equalize_adapthist(image, kernel_size=0)


@pytest.mark.parametrize("name", ["histogram", "cumulative_distribution"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("nbins", [2, 3, 5])
def test_subnormal_range_is_binned(name, dtype, nbins):
    """A subnormal range width: ``nbins / width`` overflows to inf, where NumPy's
    ``(x - first) / width * nbins`` does not (once every pixel fell outside every bin)."""
    steps = np.random.default_rng(4).integers(0, 64, size=(5, 6)) - 16
    image = (steps * np.finfo(dtype).smallest_subnormal).astype(dtype)
    _both(name, image, nbins=nbins)
    assert ours.histogram(image, nbins=nbins)[0].sum() == image.size


@pytest.mark.parametrize("name", ["histogram", "cumulative_distribution", "equalize_hist"])
@pytest.mark.parametrize("values", [[2**64 - 1], [2**64 - 1, 2**64 - 2], [2**63, 2**63 + 5, 2**63 + 5],
                                    [2**62, 2**62 + 3]],
                         ids=["max", "max-1", "from 2**63", "2**62"])
def test_uint64_extremes(name, values):
    """The reference reads a uint64 image's range as int64 (values from 2**63 up wrap around
    to negative bin centres) and counts from 0 up (2**62 is "array is too big"); once an
    OverflowError, a count short of the pixels and an uninitialised equalisation."""
    _both(name, np.array(values, np.uint64))


@pytest.mark.parametrize("name", ["histogram", "cumulative_distribution", "equalize_hist"])
@pytest.mark.parametrize("values", [[5, 2**64 - 1], [2**63 - 1, 2**63]], ids=["both sides", "astride 2**63"])
def test_uint64_astride_2_63_names_image(name, values):
    """The reference's int64 reading of the range is empty (an IndexError, or "Maximum allowed
    size exceeded"); a ValueError naming ``image``."""
    image = np.array(values, np.uint64)
    with pytest.raises((IndexError, ValueError)):
        getattr(ref, name)(image)
    with pytest.raises(ValueError, match="`image`"):
        getattr(ours, name)(image)


@pytest.mark.parametrize("image", [np.array(0.5), np.array(3, np.uint8), np.array(True)], ids=["f8", "u1", "bool"])
@pytest.mark.parametrize("kwargs", [{}, {"kernel_size": 0}, {"nbins": 2.5}])
def test_adapthist_zero_d_is_a_type_error(image, kwargs):
    """Found by test_fuzz: the reference fails on any 0-d image with a TypeError (NumPy's pad
    or its rescaling), before its other checks; scratch's names ``image``."""
    with pytest.raises(TypeError):
        ref.equalize_adapthist(image, **kwargs)
    with pytest.raises(TypeError, match="`image`"):
        ours.equalize_adapthist(image, **kwargs)


@pytest.mark.parametrize("kwargs", [{"nbins": 0, "channel_axis": -1}, {"nbins": -1, "channel_axis": -1},
                                    {"nbins": -1, "channel_axis": -1, "normalize": True},
                                    {"nbins": -2, "channel_axis": -1}, {"nbins": "bogus"},
                                    {"nbins": "bogus", "channel_axis": -1}],
                         ids=lambda k: repr(k))
@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.bool_, np.uint8])
def test_histogram_string_or_empty_nbins_as_the_reference(kwargs, dtype):
    """Found by test_fuzz: with ``channel_axis`` the reference's edges are ``linspace(lo, hi,
    nbins + 1)`` (nbins 0 or -1: no bin; a string: TypeError); without, a string that names no
    NumPy bin estimator is NumPy's ValueError."""
    image = np.random.default_rng(6).random((5, 6, 3))
    image = image > 0.5 if dtype == np.bool_ else (image * 100).astype(dtype)
    _both("histogram", image, **kwargs)


# --- a sequence gain/cutoff (fuzz finding) ---------------------------------------------------
# The reference's arithmetic broadcasts a tuple gain/cutoff against the image (a length-1 one
# is an answer, another length NumPy's ValueError); on a 0-d image it is arithmetic on NumPy
# scalars: scalar * (tuple) is Python's sequence repetition (TypeError), cutoff - scalar an
# array of the tuple's length.

SEQUENCE_CASES = [("adjust_gamma", dict(gain=())), ("adjust_gamma", dict(gain=(0.5,))),
                  ("adjust_log", dict(gain=(1, 2))), ("adjust_log", dict(gain=[0.5] * 4, inv=True)),
                  ("adjust_sigmoid", dict(gain=())), ("adjust_sigmoid", dict(gain=(0.5,))),
                  ("adjust_sigmoid", dict(gain=(0.5,) * 4, inv=True)), ("adjust_sigmoid", dict(cutoff=())),
                  ("adjust_sigmoid", dict(cutoff=(1, 2))), ("adjust_sigmoid", dict(cutoff=(1, 2), gain=(1, 2)))]


@pytest.mark.parametrize("dtype", ["float64", "float32", "float16", "uint8", "int16", "uint16", "bool"])
@pytest.mark.parametrize("shape", [(3, 4), (), (0, 4), (1, 1)])
@pytest.mark.parametrize("name, kwargs", SEQUENCE_CASES)
def test_adjust_sequence_parameters(name, kwargs, shape, dtype):
    image = (np.linspace(0, 1, 12).reshape(3, 4) * (100 if dtype[0] in "ui" else 1)).astype(dtype)
    image = np.asarray(image[0, 1] if shape == () else image[: shape[0], : shape[1]])  # ((1, 1): gain=() widens it)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            expected = getattr(ref, name)(image, **kwargs)
        except Exception as exc:  # the reference's class, from scratch too
            with pytest.raises(type(exc)):
                getattr(ours, name)(image, **kwargs)
            return
        got = getattr(ours, name)(image, **kwargs)
    assert type(got) is type(expected)
    assert_agrees(got, expected)
