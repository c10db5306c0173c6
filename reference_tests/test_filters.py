"""scratch.filters against skimage.filters 0.26: gaussian, DoG, unsharp mask and the edge filters.

One case table per family; every expected value comes from scikit-image.  Each comparison
also checks that neither library modified its input.
"""

import numpy as np
import pytest
import skimage
import skimage.filters as ref
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.filters as ours
from conftest import ALL_DTYPES, assert_agrees, assert_same_error

# ----------------------------------------------------------------------------- sample images

_RNG = np.random.default_rng(20261125)

IMAGES = {
    "camera": skimage.data.camera(),  # uint8 512x512
    "coins": skimage.data.coins()[:150, :200],  # uint8, odd shape
    "camera_f64": skimage.img_as_float(skimage.data.camera()[100:300, 150:400]),
    "camera_f32": skimage.img_as_float32(skimage.data.camera()[200:330, 60:250]),
    "volume": _RNG.random((17, 20, 23)),  # 3-D float64
    "row": _RNG.random((1, 37)),  # 1xN
    "column": _RNG.random((29, 1)),  # Nx1
    "tiny": _RNG.random((2, 2)),
    "one_pixel": np.array([[0.25]]),
    "constant": np.full((9, 11), 0.5),
}
IMAGES_2D = [name for name, im in IMAGES.items() if im.ndim == 2]
ASTRONAUT = skimage.data.astronaut()[100:260, 180:380]  # uint8 RGB, channel_axis=-1 / 2
MODES = ["reflect", "mirror", "nearest", "constant", "wrap"]


def _mask_for(image, kind):
    shape = image.shape
    if kind == "random":
        return _RNG.random(shape) > 0.3
    if kind == "disk":
        grids = np.meshgrid(*[np.linspace(-1, 1, n) for n in shape], indexing="ij")
        return sum(g**2 for g in grids) < 0.7
    if kind == "uint8":
        return (_RNG.random(shape) > 0.2).astype(np.uint8) * 7
    if kind == "all":
        return np.ones(shape, bool)
    if kind == "none":
        return np.zeros(shape, bool)
    raise ValueError(kind)


def check(name, *args, rtol=None, atol=None, **kwargs):
    """Run scratch and skimage ``name`` on copies of the same inputs; results must agree.

    Also asserts that the inputs (arrays among args/kwargs) were left unmodified.
    """
    def copied(value):
        return np.array(value, copy=True) if isinstance(value, np.ndarray) else value

    ours_args = [copied(a) for a in args]
    ours_kwargs = {k: copied(v) for k, v in kwargs.items()}
    expected = getattr(ref, name)(*args, **kwargs)
    result = getattr(ours, name)(*ours_args, **ours_kwargs)
    assert_agrees(result, expected, rtol=rtol, atol=atol)
    pairs = list(zip(args, ours_args)) + [(kwargs[k], ours_kwargs[k]) for k in kwargs]
    for before, after in pairs:
        if isinstance(before, np.ndarray):
            np.testing.assert_array_equal(after, before, err_msg=f"{name} modified its input")
    return result


def test_public_names_match_reference():
    # the threshold "insides" (the intermediate state, for teaching) are scratch's own additions
    from scratch.filters import _threshold_insides

    for name in ours.__all__:
        assert callable(getattr(ours, name))
        if name not in _threshold_insides.__all__:
            assert hasattr(ref, name), name


# ----------------------------------------------------------------------------- edge filters

ND_EDGES = ["sobel", "prewitt", "scharr", "farid"]
H_V_EDGES = [f"{f}_{d}" for f in ND_EDGES for d in "hv"]
ROBERTS = ["roberts", "roberts_pos_diag", "roberts_neg_diag"]


@pytest.mark.parametrize("image_name", list(IMAGES))
@pytest.mark.parametrize("name", ND_EDGES + ["laplace"])
def test_nd_edge_filters_on_sample_images(name, image_name):
    check(name, IMAGES[image_name])


@pytest.mark.parametrize("image_name", IMAGES_2D)
@pytest.mark.parametrize("name", H_V_EDGES + ROBERTS)
def test_2d_edge_filters_on_sample_images(name, image_name):
    check(name, IMAGES[image_name])


@pytest.mark.parametrize("name", ND_EDGES)
@pytest.mark.parametrize(
    "axis", [0, 1, -1, -2, (0, 1), [1, 0], (0, 0), [], [0], np.int64(1), True]
)
def test_edge_axis_parameter(name, axis):
    # negative axes are not normalised by the reference (they also smooth along the
    # derivative axis); scratch reproduces that kernel exactly
    check(name, IMAGES["camera_f64"], axis=axis)


@pytest.mark.parametrize("name", ND_EDGES)
@pytest.mark.parametrize("axis", [None, 0, 2, (0, 2)])
def test_edge_axis_parameter_3d(name, axis):
    check(name, IMAGES["volume"], axis=axis)


@pytest.mark.parametrize("name", ND_EDGES)
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("cval", [0.0, 0.7])
def test_edge_modes(name, mode, cval):
    check(name, IMAGES["coins"], mode=mode, cval=cval)
    check(name, IMAGES["volume"], axis=1, mode=mode, cval=cval)


@pytest.mark.parametrize("name", ND_EDGES + H_V_EDGES + ROBERTS + ["laplace"])
@pytest.mark.parametrize("kind", ["random", "disk", "uint8", "all", "none"])
def test_edge_masks(name, kind):
    image = IMAGES["camera_f64"]
    mask = _mask_for(image, kind)
    if name.startswith("farid_") or name == "laplace":  # keyword-only / after ksize
        check(name, image, mask=mask)
    else:
        check(name, image, mask)


@pytest.mark.parametrize("name", ND_EDGES + ["laplace"])
def test_edge_masks_3d(name):
    volume = IMAGES["volume"]
    check(name, volume, mask=_mask_for(volume, "disk"))


@pytest.mark.parametrize("dtype", ALL_DTYPES + (np.float16,))
@pytest.mark.parametrize("name", ND_EDGES + H_V_EDGES + ROBERTS + ["laplace"])
def test_edge_dtypes(name, dtype):
    camera = IMAGES["coins"]
    if dtype == np.bool_:
        image = camera > 100
    elif np.dtype(dtype).kind == "f":
        image = (camera / 255.0).astype(dtype)
    else:
        image = (camera.astype(np.int64) * (np.iinfo(dtype).max // 255)).astype(dtype)
    check(name, image)


# The single-direction filters named directly (the tests above reach them through their names
# as strings): each scratch function against its own scikit-image function, on images of
# several dtypes, with and without a mask, input unmodified.
DIRECT_H_V = [
    (ours.prewitt_h, ref.prewitt_h),
    (ours.scharr_h, ref.scharr_h),
    (ours.scharr_v, ref.scharr_v),
    (ours.farid_v, ref.farid_v),
]
DIRECT_IMAGES = {
    "uint8": IMAGES["coins"],
    "float64": IMAGES["camera_f64"],
    "float32": IMAGES["camera_f32"],
    "int32": IMAGES["coins"].astype(np.int32) * 1000,
    "bool": IMAGES["coins"] > 100,
    "row": IMAGES["row"],
}


@pytest.mark.parametrize("mask_kind", [None, "disk", "random", "uint8"])
@pytest.mark.parametrize("image_name", list(DIRECT_IMAGES))
@pytest.mark.parametrize("ours_f, ref_f", DIRECT_H_V, ids=[r.__name__ for _, r in DIRECT_H_V])
def test_h_v_filters_named_directly(ours_f, ref_f, image_name, mask_kind):
    assert ours_f.__name__ == ref_f.__name__
    image = DIRECT_IMAGES[image_name]
    mask = None if mask_kind is None else _mask_for(image, mask_kind)
    before = [np.array(a, copy=True) for a in (image, mask) if a is not None]
    expected = ref_f(image, mask=mask)
    result = ours_f(image, mask=mask)
    assert_agrees(result, expected)
    for a, b in zip(before, (a for a in (image, mask) if a is not None)):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("ours_f, ref_f", DIRECT_H_V, ids=[r.__name__ for _, r in DIRECT_H_V])
def test_h_v_filters_named_directly_bad_input(ours_f, ref_f):
    image = IMAGES["camera_f64"]
    assert_same_error(ours_f, ref_f, IMAGES["volume"])  # 2-D only
    assert_same_error(ours_f, ref_f, image, mask=np.ones((3, 3), bool))  # mask shape


@pytest.mark.parametrize("name", ND_EDGES + ["laplace"])
def test_float32_with_large_values_stays_float32(name):
    # float32 is not rescaled: a raw 0..4095 image keeps its range and its precision
    image = (IMAGES["camera"].astype(np.float32) * 16.0)[:200, :200]
    result = check(name, image)
    assert result.dtype == np.float32


@pytest.mark.parametrize("ksize", [3, 5, 4, np.int64(7)])
def test_laplace_ksize(ksize):
    check("laplace", IMAGES["camera_f64"], ksize=ksize)


@pytest.mark.parametrize("name", ND_EDGES + ROBERTS + ["laplace", "sobel_h", "prewitt_v"])
def test_edge_nan_propagates_like_reference(name):
    # regression (found by Hypothesis): the dense reference skips zero taps, so an inf stays
    # inf at its own pixel; scratch then uses the dense kernel instead of 1-D passes
    image = IMAGES["camera_f64"].copy()
    image[50, 60] = np.nan
    image[0, 0] = np.inf
    image[70, 80] = -np.inf
    with np.errstate(invalid="ignore"):
        check(name, image)
        check(name, image.astype(np.float32))


@pytest.mark.parametrize("name", ND_EDGES)
@pytest.mark.parametrize("axis", [None, 1, -1])
def test_edge_non_finite_3d_constant_mode(name, axis):
    volume = IMAGES["volume"].copy()
    volume[3, 4, 5] = np.inf
    volume[0, 0, 0] = np.nan
    with np.errstate(invalid="ignore"):
        check(name, volume, axis=axis, mode="constant", cval=0.6)


# bad input: (function, args, kwargs) -> the reference's exception class
_BAD_EDGE_CASES = [
    *[(name, (np.zeros((4, 4, 4)),), {}) for name in H_V_EDGES + ROBERTS],
    *[(name, (np.zeros(5),), {}) for name in H_V_EDGES + ROBERTS],
    *[(name, (np.zeros((0, 4)),), {}) for name in H_V_EDGES + ROBERTS],
    *[(name, (np.zeros((4, 4)),), dict(mode="foo")) for name in ND_EDGES],
    *[(name, (np.zeros((4, 4)),), dict(mode=["reflect", "wrap"])) for name in ND_EDGES],
    *[(name, (np.zeros((4, 4)),), dict(axis=2)) for name in ND_EDGES],
    *[(name, (np.zeros((4, 4)),), dict(axis=-3)) for name in ND_EDGES],
    *[(name, (np.zeros((4, 4)),), dict(axis=0.5)) for name in ND_EDGES],
    *[(name, (np.zeros((4, 4)), np.ones((3, 4), bool)), {}) for name in ND_EDGES + ROBERTS],
    ("laplace", (np.zeros((4, 4)), np.ones((4, 5), bool)), {}),
    ("farid_h", (np.zeros((4, 4)), np.ones((4, 4), bool)), {}),  # mask is keyword-only
    ("sobel", (np.zeros((4, 4)) + 1j,), {}),
    ("sobel", (np.zeros((4, 4)),), dict(mask=np.ones((4, 4), complex))),
    ("laplace", (np.zeros((4, 4)),), dict(ksize=1)),
    ("laplace", (np.zeros((4, 4)),), dict(ksize=2)),
    ("laplace", (np.zeros((4, 4)),), dict(ksize=-1)),
    ("laplace", (np.zeros((4, 4)),), dict(ksize=3.0)),
    ("laplace", (np.zeros((4, 4)),), dict(ksize=True)),
]


@pytest.mark.parametrize(
    "name, args, kwargs", _BAD_EDGE_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(_BAD_EDGE_CASES)]
)
def test_edge_bad_input(name, args, kwargs):
    with np.errstate(all="ignore"):
        assert_same_error(getattr(ours, name), getattr(ref, name), *args, **kwargs)


def test_edge_bad_input_messages_name_the_parameter():
    with pytest.raises(ValueError, match="image"):
        ours.sobel_h(np.zeros((3, 3, 3)))
    with pytest.raises(ValueError, match="ksize"):
        ours.laplace(np.zeros((3, 3)), ksize=2)


@pytest.mark.parametrize("name", ND_EDGES + ["laplace"])
def test_edge_empty_nd_image_like_reference(name):
    check(name, np.zeros((0, 5)))


# ----------------------------------------------------------------------------- gaussian

_GAUSSIAN_CASES = [
    dict(),
    dict(sigma=0.4),
    dict(sigma=3.0),
    dict(sigma=(1.0, 4.0)),
    dict(sigma=0.0),
    dict(sigma=(0.0, 2.0)),
    dict(sigma=2.0, truncate=1.5),
    dict(sigma=1.5, preserve_range=True),
    *[dict(sigma=2.0, mode=m) for m in MODES],
    dict(sigma=2.0, mode="constant", cval=0.3),
    dict(sigma=2.0, mode=("constant", "wrap")),
]


@pytest.mark.parametrize("kwargs", _GAUSSIAN_CASES, ids=lambda k: repr(k) or "default")
@pytest.mark.parametrize("image_name", ["camera", "coins", "camera_f32", "row", "column", "tiny"])
def test_gaussian_parameter_grid(image_name, kwargs):
    check("gaussian", IMAGES[image_name], **kwargs)


@pytest.mark.parametrize("sigma", [1.0, (1.0, 2.0, 0.5)])
@pytest.mark.parametrize("mode", ["nearest", "wrap"])
def test_gaussian_3d(sigma, mode):
    check("gaussian", IMAGES["volume"], sigma=sigma, mode=mode)


@pytest.mark.parametrize("channel_axis", [-1, 2])
@pytest.mark.parametrize("sigma", [1.0, (1.0, 3.0), (1.0, 3.0, 0.0)])
@pytest.mark.parametrize("preserve_range", [False, True])
def test_gaussian_channel_axis(channel_axis, sigma, preserve_range):
    check("gaussian", ASTRONAUT, sigma=sigma, channel_axis=channel_axis, preserve_range=preserve_range)


def test_gaussian_channel_axis_first():
    image = np.moveaxis(ASTRONAUT, -1, 0)
    check("gaussian", image, sigma=2.0, channel_axis=0)


@pytest.mark.parametrize("dtype", ALL_DTYPES + (np.float16,))
@pytest.mark.parametrize("preserve_range", [False, True])
def test_gaussian_dtypes(dtype, preserve_range):
    camera = IMAGES["coins"]
    if dtype == np.bool_:
        image = camera > 100
    elif np.dtype(dtype).kind == "f":
        image = (camera / 255.0).astype(dtype)
    else:
        image = (camera.astype(np.int64) * (np.iinfo(dtype).max // 255)).astype(dtype)
    check("gaussian", image, sigma=1.5, preserve_range=preserve_range)


@pytest.mark.parametrize("out_dtype", [np.float32, np.float64])
@pytest.mark.parametrize("image_name", ["camera", "camera_f32"])
def test_gaussian_out(out_dtype, image_name):
    image = IMAGES[image_name]
    ref_out = np.empty(image.shape, out_dtype)
    our_out = np.empty(image.shape, out_dtype)
    expected = ref.gaussian(image, sigma=2.0, out=ref_out)
    result = ours.gaussian(image, sigma=2.0, out=our_out)
    assert result is our_out and expected is ref_out
    assert_agrees(result, expected)


_BAD_GAUSSIAN_CASES = [
    ((np.zeros((5, 5)),), dict(sigma=-1.0)),
    ((np.zeros((5, 5)),), dict(sigma=(1.0, -0.5))),
    ((np.zeros((5, 5)),), dict(sigma=(1.0, 1.0, 1.0))),
    ((np.zeros((5, 5)),), dict(mode="foo")),
    ((np.zeros((5, 5)),), dict(out=np.zeros((5, 5), np.int32))),
    ((np.zeros((5, 5)),), dict(out=np.zeros((4, 5)))),
    ((np.zeros((5, 5)) + 1j,), {}),
    ((np.zeros((5, 5, 3)),), dict(sigma=(1.0, 2.0, 3.0, 4.0), channel_axis=-1)),
]


@pytest.mark.parametrize("args, kwargs", _BAD_GAUSSIAN_CASES)
def test_gaussian_bad_input(args, kwargs):
    assert_same_error(ours.gaussian, ref.gaussian, *args, **kwargs)


def test_gaussian_nan_propagates_like_reference():
    image = IMAGES["camera_f64"].copy()
    image[10, 10] = np.nan
    check("gaussian", image, sigma=2.0)


# ----------------------------------------------------------------------------- difference of gaussians

_DOG_CASES = [
    dict(low_sigma=1.0),
    dict(low_sigma=1.0, high_sigma=3.0),
    dict(low_sigma=(1.0, 2.0), high_sigma=(3.0, 2.0)),
    dict(low_sigma=2.0, high_sigma=2.0),
    dict(low_sigma=1.0, high_sigma=4.0, mode="reflect"),
    dict(low_sigma=1.0, high_sigma=4.0, mode="constant", cval=0.5),
    dict(low_sigma=1.0, high_sigma=4.0, truncate=2.0),
]


@pytest.mark.parametrize("kwargs", _DOG_CASES, ids=repr)
@pytest.mark.parametrize("image_name", ["camera", "camera_f32", "row", "tiny"])
def test_dog_parameter_grid(image_name, kwargs):
    check("difference_of_gaussians", IMAGES[image_name], **kwargs)


@pytest.mark.parametrize("channel_axis", [-1, 2])
@pytest.mark.parametrize("low, high", [(1.0, None), ((1.0, 2.0), (2.0, 5.0))])
def test_dog_channel_axis(channel_axis, low, high):
    check("difference_of_gaussians", ASTRONAUT, low, high, channel_axis=channel_axis)


def test_dog_3d():
    check("difference_of_gaussians", IMAGES["volume"], (0.5, 1.0, 1.5), 2.0)


@pytest.mark.parametrize("dtype", ALL_DTYPES)
def test_dog_dtypes(dtype):
    image = IMAGES["coins"][:60, :70]
    image = image > 100 if dtype == np.bool_ else image.astype(dtype)
    check("difference_of_gaussians", image, 1.0, 2.5)


_BAD_DOG_CASES = [
    ((np.zeros((5, 5)), 2.0, 1.0), {}),
    ((np.zeros((5, 5)), (1.0, 2.0), (3.0, 1.0)), {}),
    ((np.zeros((5, 5)), (1.0, 2.0, 3.0)), {}),
    ((np.zeros((5, 5)), 1.0, (1.0, 2.0, 3.0)), {}),
    ((np.zeros((5, 5, 3)), (1.0, 2.0, 3.0)), dict(channel_axis=-1)),
    ((np.zeros((5, 5)), 1.0), dict(mode="foo")),
    ((np.zeros((5, 5)), -1.0), {}),
]


@pytest.mark.parametrize("args, kwargs", _BAD_DOG_CASES)
def test_dog_bad_input(args, kwargs):
    assert_same_error(ours.difference_of_gaussians, ref.difference_of_gaussians, *args, **kwargs)


# ----------------------------------------------------------------------------- unsharp mask

_UNSHARP_CASES = [
    dict(),
    dict(radius=0.5, amount=2.0),
    dict(radius=5.0, amount=0.7),
    dict(radius=(1.0, 3.0), amount=1.0),
    dict(radius=0.0, amount=1.0),
    dict(radius=2.0, amount=-0.5),
    dict(radius=2.0, amount=1.5, preserve_range=True),
    dict(radius=2.0, amount=np.float64(1.5)),  # numpy scalar: float32 work promotes to float64
]


@pytest.mark.parametrize("kwargs", _UNSHARP_CASES, ids=repr)
@pytest.mark.parametrize("image_name", ["camera", "camera_f32", "row", "tiny"])
def test_unsharp_mask_parameter_grid(image_name, kwargs):
    image = IMAGES[image_name]
    # a numpy float64 `amount` promotes float32 work to a float64 result: the blur was still
    # float32, so the tolerance is float32's
    tol = dict(rtol=1e-5, atol=1e-6) if image.dtype == np.float32 else {}
    check("unsharp_mask", image, **tol, **kwargs)


@pytest.mark.parametrize("dtype", ALL_DTYPES + (np.int8, np.float16))
@pytest.mark.parametrize("preserve_range", [False, True])
def test_unsharp_mask_dtypes(dtype, preserve_range):
    image = IMAGES["coins"][:60, :70]
    if dtype == np.bool_:
        image = image > 100
    elif np.dtype(dtype).kind == "f":
        image = (image / 255.0 - 0.3).astype(dtype)  # negative values: clip to [-1, 1]
    else:
        image = (image.astype(np.int64) - (128 if np.dtype(dtype).kind == "i" else 0)).astype(dtype)
    check("unsharp_mask", image, radius=1.5, amount=2.0, preserve_range=preserve_range)


def test_unsharp_mask_3d():
    check("unsharp_mask", IMAGES["volume"], radius=1.0, amount=3.0)


@pytest.mark.parametrize("preserve_range", [False, True])
def test_unsharp_mask_channel_axis(preserve_range):
    check("unsharp_mask", ASTRONAUT, radius=2.0, amount=1.0, channel_axis=2, preserve_range=preserve_range)
    check("unsharp_mask", np.moveaxis(ASTRONAUT, -1, 0), radius=(1.0, 2.0), channel_axis=0)


def test_unsharp_mask_negative_channel_axis_means_last_axis():
    # Documented difference: skimage 0.26 slices axis 0 for channel_axis=-1 (a bug that leaves
    # most of its output uninitialised); scratch normalises the axis, so -1 == ndim - 1.
    expected = ref.unsharp_mask(ASTRONAUT, radius=2.0, channel_axis=2)
    assert_agrees(ours.unsharp_mask(ASTRONAUT, radius=2.0, channel_axis=-1), expected)


_BAD_UNSHARP_CASES = [
    ((np.zeros((5, 5)),), dict(radius=-1.0)),
    ((np.zeros((5, 5)),), dict(radius=(1.0, 1.0, 1.0))),
    ((np.zeros((5, 5)) + 1j,), {}),
    ((np.zeros((5, 5, 3)),), dict(channel_axis=3)),
]


@pytest.mark.parametrize("args, kwargs", _BAD_UNSHARP_CASES)
def test_unsharp_mask_bad_input(args, kwargs):
    assert_same_error(ours.unsharp_mask, ref.unsharp_mask, *args, **kwargs)


# ----------------------------------------------------------------------------- Hypothesis

_DTYPES = st.sampled_from([np.bool_, np.uint8, np.uint16, np.int32, np.int64, np.float32, np.float64])


@st.composite
def images(draw, min_dims=1, max_dims=3, max_side=12):
    """Images of any supported dtype, 1xN / Nx1 / tiny / 3-D shapes, constant and extreme values."""
    dtype = np.dtype(draw(_DTYPES))
    shape = draw(hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=max_side))
    if dtype.kind == "f":
        # moderate magnitudes (float images are not rescaled); include the constant image
        elements = st.floats(-4.0, 4.0, width=32 if dtype == np.float32 else 64)
    else:
        elements = None  # the whole range of the integer type, extremes included
    fill = st.just(dtype.type(0)) if draw(st.booleans()) and dtype.kind != "b" else None
    return draw(hnp.arrays(dtype, shape, elements=elements, fill=fill))


@given(image=images(), name=st.sampled_from(ND_EDGES + ["laplace"]))
def test_property_nd_edges_agree(image, name):
    check(name, image)


@given(
    image=images(min_dims=2, max_dims=2),
    name=st.sampled_from(H_V_EDGES + ROBERTS),
    masked=st.booleans(),
)
def test_property_2d_edges_agree(image, name, masked):
    if masked:
        mask = np.arange(image.size).reshape(image.shape) % 3 != 0
        check(name, image, mask=mask)
    else:
        check(name, image)


@given(
    image=images(),
    sigma=st.floats(0.0, 4.0),
    mode=st.sampled_from(MODES),
    preserve_range=st.booleans(),
)
def test_property_gaussian_agrees(image, sigma, mode, preserve_range):
    check("gaussian", image, sigma=sigma, mode=mode, cval=0.25, preserve_range=preserve_range)


@given(image=images(), low=st.floats(0.0, 2.0), factor=st.floats(1.0, 3.0))
def test_property_dog_agrees(image, low, factor):
    check("difference_of_gaussians", image, low, low * factor)


@given(
    image=images(),
    radius=st.floats(0.0, 3.0),
    amount=st.floats(-2.0, 4.0),
    preserve_range=st.booleans(),
)
def test_property_unsharp_mask_agrees(image, radius, amount, preserve_range):
    check("unsharp_mask", image, radius=radius, amount=amount, preserve_range=preserve_range)


@given(image=images(min_dims=2, max_dims=3, max_side=8), seed=st.integers(0, 2**16))
def test_property_masks_agree(image, seed):
    mask = np.random.default_rng(seed).random(image.shape) > 0.25
    check("sobel", image, mask=mask)
    check("laplace", image, mask=mask)


# ----------------------------------------------------------------------------- heavier cases


@pytest.mark.slow
@pytest.mark.parametrize("name", ND_EDGES + ["laplace"])
def test_larger_3d_volume(name):
    volume = (np.random.default_rng(3).random((40, 96, 96)) * 65535).astype(np.uint16)
    check(name, volume)


@pytest.mark.slow
@pytest.mark.parametrize("sigma", [2.0, 8.0])
def test_gaussian_full_astronaut(sigma):
    check("gaussian", skimage.data.astronaut(), sigma=sigma, channel_axis=-1)


# ----------------------------------------------------------------------------- parallel kernels


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_parallel_magnitude_kernels_equal_serial(dtype):
    from scratch._jit import serial
    from scratch.filters import _edges

    values = np.random.default_rng(5).normal(size=10_001).astype(dtype)
    acc_parallel = np.random.default_rng(6).random(10_001).astype(dtype)
    acc_serial = acc_parallel.copy()
    _edges._add_squares(acc_parallel, values)
    serial(_edges._add_squares)(acc_serial, values)
    np.testing.assert_array_equal(acc_parallel, acc_serial)
    scale = np.sqrt(3, dtype=dtype)
    _edges._root_scaled(acc_parallel, scale)
    serial(_edges._root_scaled)(acc_serial, scale)
    np.testing.assert_array_equal(acc_parallel, acc_serial)
    # and both are numpy's arithmetic in the same dtype, bit for bit
    expected = np.sqrt(np.random.default_rng(6).random(10_001).astype(dtype) + values * values) / scale
    np.testing.assert_array_equal(acc_parallel, expected)


_ROBERTS_CASES = {
    "1xN": np.random.default_rng(1).random((1, 7)),
    "Nx1": np.random.default_rng(2).random((7, 1)),
    "1x1": np.full((1, 1), 0.5),
    "odd": np.random.default_rng(3).random((33, 17)),
    "fortran": np.asfortranarray(np.random.default_rng(4).random((20, 31))),
    "special": np.array([[np.nan, 1.0, np.inf], [-np.inf, 0.0, -0.0], [1e308, -1e308, 5e-324]]),
    "signed zeros": np.array([[0.0, -0.0, 0.0], [-0.0, -0.0, 0.0], [0.0, 0.0, -0.0]]),
    "uint16": np.random.default_rng(5).integers(0, 60000, (9, 8)).astype(np.uint16),
}


@pytest.mark.parametrize("func", ["roberts", "roberts_pos_diag", "roberts_neg_diag"])
@pytest.mark.parametrize("name", sorted(_ROBERTS_CASES))
def test_roberts_passes_give_the_reference_bits(name, func):
    """Without a mask, on float64 work, these are one pass each (``_edges._roberts_*``)."""
    image = _ROBERTS_CASES[name]
    with np.errstate(all="ignore"):
        mine, theirs = getattr(ours, func)(image), getattr(ref, func)(image)
    assert mine.dtype == theirs.dtype and mine.shape == theirs.shape
    np.testing.assert_array_equal(mine.view(np.uint64), theirs.view(np.uint64))  # signed zeros too


def test_parallel_roberts_magnitude_equals_serial():
    from scratch._jit import serial
    from scratch.filters import _edges

    image = np.random.default_rng(6).random((41, 37))
    outs = [np.empty_like(image), np.empty_like(image)]
    _edges._roberts_magnitude(image, outs[0])
    serial(_edges._roberts_magnitude)(image, outs[1])
    np.testing.assert_array_equal(outs[0], outs[1])
    for negative in (False, True):
        _edges._roberts_diagonal(image, negative, outs[0])
        serial(_edges._roberts_diagonal)(image, negative, outs[1])
        np.testing.assert_array_equal(outs[0], outs[1])


# ----------------------------------------------------------------- edge filters: the reference's bits (issue #15)


def assert_same_bits(result, expected):
    """Same dtype and the same float64/float32 bits (NaN positions equal; the payload of a NaN
    made by ``inf - inf`` depends on the order the compiler gives a commutative add)."""
    assert result.dtype == expected.dtype and result.shape == expected.shape
    np.testing.assert_array_equal(np.isnan(result), np.isnan(expected))
    ours_bits = np.where(np.isnan(result), 0, result).view(np.uint8 if result.dtype.itemsize == 1 else
                                                           f"u{result.dtype.itemsize}")
    ref_bits = np.where(np.isnan(expected), 0, expected).view(ours_bits.dtype)
    np.testing.assert_array_equal(ours_bits, ref_bits)


_BITS_IMAGES = {
    "coins": skimage.data.coins(),
    "random_f64": np.random.default_rng(15).random((131, 97)),
    "random_f32": np.random.default_rng(16).random((64, 77)).astype(np.float32),
    "normal_f64": np.random.default_rng(17).normal(size=(40, 51)) * 1e3,
    "volume": np.random.default_rng(18).random((9, 10, 11)),
    "constant": np.ones((7, 9)),
    "special": np.array([[np.nan, 1.0, np.inf, 0.0], [0.0, -np.inf, 2.0, -0.0], [3.0, 4.0, 5.0, 1e308]]),
}
_BITS_CALLS = [{}, {"axis": 0}, {"axis": 1}, {"axis": (1, 0)}, {"axis": -1},
               {"mode": "constant", "cval": 0.3}, {"mode": "wrap"}, {"mode": "nearest"}]


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # skimage squares 1e308
@pytest.mark.parametrize("kwargs", _BITS_CALLS, ids=[str(k) for k in _BITS_CALLS])
@pytest.mark.parametrize("image_name", list(_BITS_IMAGES))
@pytest.mark.parametrize("name", ND_EDGES)
def test_edge_filters_give_the_reference_bits(name, image_name, kwargs):
    """sqrt(sum of squares) / sqrt(ndim) from the reference's dense passes, bit for bit."""
    image = _BITS_IMAGES[image_name]
    if kwargs.get("axis") == 1 and image.ndim == 3 or (kwargs.get("axis") == (1, 0) and image.ndim == 3):
        kwargs = dict(kwargs, axis=2 if kwargs["axis"] == 1 else (2, 0))
    assert_same_bits(getattr(ours, name)(image, **kwargs), getattr(ref, name)(image, **kwargs))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
@pytest.mark.parametrize("image_name", ["coins", "random_f64", "random_f32", "constant", "special"])
@pytest.mark.parametrize("name", H_V_EDGES)
def test_h_v_edge_filters_give_the_reference_bits(name, image_name):
    image = _BITS_IMAGES[image_name]
    assert_same_bits(getattr(ours, name)(image), getattr(ref, name)(image))


def test_sobel_coins_bit_identical_and_its_watershed():
    """The gallery's use: sobel(coins) bit for bit, so the watershed on it is the reference's."""
    import skimage.segmentation

    coins = skimage.data.coins()
    edges = ours.sobel(coins)
    expected = ref.sobel(coins)
    np.testing.assert_array_equal(edges, expected)
    np.testing.assert_array_equal(ours.sobel(coins, axis=0), ref.sobel(coins, axis=0))
    np.testing.assert_array_equal(ours.prewitt(coins), ref.prewitt(coins))
    np.testing.assert_array_equal(ours.scharr(coins), ref.scharr(coins))
    np.testing.assert_array_equal(edges > 0.1, expected > 0.1)
    markers = np.zeros_like(coins)
    markers[coins < 30] = 1
    markers[coins > 150] = 2
    np.testing.assert_array_equal(skimage.segmentation.watershed(edges, markers),
                                  skimage.segmentation.watershed(expected, markers))
    np.testing.assert_array_equal(skimage.segmentation.watershed(edges, markers, compactness=0.01),
                                  skimage.segmentation.watershed(expected, markers, compactness=0.01))
    from scratch.segmentation import watershed

    np.testing.assert_array_equal(watershed(edges, markers), skimage.segmentation.watershed(expected, markers))


def test_farid_residue_and_arctan2_like_the_reference():
    """Issue #15: skimage's dense 5x5 Farid sum leaves -6.9e-18 (not 0.0) on flat areas, so
    arctan2(farid_h, farid_v) gives pi where a separable pass would give 0."""
    image = skimage.data.camera()[:64, :64]
    h, v = ours.farid_h(image), ours.farid_v(image)
    h_ref, v_ref = ref.farid_h(image), ref.farid_v(image)
    np.testing.assert_array_equal(h, h_ref)
    np.testing.assert_array_equal(v, v_ref)
    np.testing.assert_array_equal(np.arctan2(h, v), np.arctan2(h_ref, v_ref))
    flat = np.full((9, 9), 0.7)
    np.testing.assert_array_equal(ours.farid_h(flat), ref.farid_h(flat))
    np.testing.assert_array_equal(ours.farid_v(flat), ref.farid_v(flat))
    assert ref.farid_h(flat)[4, 4] != 0.0  # the residue the test is about


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_fused_3x3_magnitude_parallel_equals_serial(dtype):
    from scratch._jit import serial
    from scratch.filters import _edges

    padded = np.random.default_rng(9).normal(size=(203, 157))
    w0 = np.array([-0.25, -0.5, -0.25, 0.25, 0.5, 0.25])
    w1 = np.array([-0.25, 0.25, -0.5, 0.5, -0.25, 0.25])
    outs = [np.empty((201, 155), dtype) for _ in range(2)]
    _edges._edge_magnitude_3x3(padded, w0, w1, np.sqrt(2, dtype=dtype), outs[0])
    serial(_edges._edge_magnitude_3x3)(padded, w0, w1, np.sqrt(2, dtype=dtype), outs[1])
    np.testing.assert_array_equal(outs[0], outs[1])


def test_laplace_zero_d_raises_as_the_reference():
    """A 0-d image: the reference's ValueError (its transfer function needs an axis)."""
    with pytest.raises(ValueError):
        ref.laplace(np.array(0.5))
    with pytest.raises(ValueError, match="image"):
        ours.laplace(np.array(0.5))


@pytest.mark.parametrize("name", ND_EDGES + H_V_EDGES + ROBERTS + ["laplace"])
@pytest.mark.parametrize("mask", [-1, True, [[1, 1], [1, 1]]])
def test_edge_mask_that_is_not_an_array(name, mask):
    """Found by test_fuzz: a mask without ``.ndim`` (an int, a bool, a list) is an
    AttributeError inside the reference; scratch applied it as a scalar.  TypeError naming mask."""
    image = IMAGES["tiny"]
    with pytest.raises(AttributeError):
        getattr(ref, name)(image, mask=mask)
    with pytest.raises(TypeError, match="mask"):
        getattr(ours, name)(image, mask=mask)


@pytest.mark.parametrize("name", ND_EDGES)
@pytest.mark.parametrize("mode", [-1, (), "bogus"])
def test_edge_no_axes_never_reads_mode(name, mode):
    """Found by test_fuzz: with ``axis=[]`` the reference convolves along no axis and returns
    zeros whatever ``mode`` is; scratch rejected a non-string mode first."""
    check(name, IMAGES["tiny"], axis=[], mode=mode)


@pytest.mark.parametrize("name", ["sobel", "prewitt", "scharr", "farid"])
@pytest.mark.parametrize("mode", [-1, (), 2.5])
@pytest.mark.parametrize("axis", [5, -3, 2.5, "bogus", [5, 0], [0, 5]])
def test_edge_bad_axis_before_bad_mode(name, mode, axis):
    # the reference builds the first axis's kernel (IndexError/TypeError for a bad axis)
    # before it convolves with the non-string mode (RuntimeError) (fuzz finding)
    image = np.random.default_rng(0).random((5, 6))
    assert_same_error(getattr(ours, name), getattr(ref, name), image, mode=mode, axis=axis)
