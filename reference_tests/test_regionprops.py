"""scratch.measure.regionprops / regionprops_table against skimage.measure 0.26.

Every property offered matches the reference to rtol 1e-7 (atol 1e-9 for values that are
zero up to rounding); integer and image-valued properties exactly.  Tables have the same
column names in the same order, the same dtypes and values.
"""

import warnings

import numpy as np
import pytest
import scipy.ndimage as ndi
import skimage.measure as skm
from skimage.measure._regionprops import RegionProperties as RefRegionProperties
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.measure
from scratch import data
from scratch._jit import serial
from scratch.measure import RegionProperties, regionprops, regionprops_table
from scratch.measure._convex_hull import convex_hull_image_2d
from scratch.measure._convex_hull_3d import convex_hull_3d, convex_hull_image_3d

from conftest import assert_same_error, unchanged_copy

PROPS_2D = [
    "label", "area", "area_bbox", "area_convex", "area_filled", "axis_major_length", "axis_minor_length",
    "bbox", "centroid", "centroid_local", "centroid_weighted", "centroid_weighted_local", "coords",
    "coords_scaled", "eccentricity", "equivalent_diameter_area", "euler_number", "extent",
    "feret_diameter_max", "image", "image_convex", "image_filled", "image_intensity", "inertia_tensor",
    "inertia_tensor_eigvals", "intensity_max", "intensity_mean", "intensity_median", "intensity_min", "intensity_std", "moments",
    "moments_central", "moments_hu", "moments_normalized", "moments_weighted", "moments_weighted_central",
    "moments_weighted_hu", "moments_weighted_normalized", "num_pixels", "orientation", "perimeter",
    "perimeter_crofton", "slice", "solidity",
]
# 3-D: the 2-D-only properties raise NotImplementedError in both
PROPS_3D = list(PROPS_2D)
CONVEX = ["area", "image_convex", "area_convex", "solidity", "feret_diameter_max"]


def first_order_atol(mu0, extent):
    """First-order central moments are zero by definition: both libraries return rounding noise
    of size eps * sum|terms| ~ 1e-16 * mu00 * extent, so they are compared at that scale."""
    return 1e-12 * abs(mu0) * max(extent, 1)


def same_axis(ours, ref):
    """Orientation is an axis direction, defined modulo pi.  For a region whose mu11 is zero
    up to rounding and whose rows spread more than its columns, atan2(-2 mu11, ...) is
    +pi/2 or -pi/2 by the *sign of the rounding noise*, which differs between summation
    orders: the two answers name the same axis.  So orientations are compared modulo pi."""
    ours = np.asarray(ours, float)
    ref = np.asarray(ref, float)
    flipped = np.isclose(np.abs(ref), np.pi / 2) & np.isclose(ours, -ref)
    return np.where(flipped, ref, ours)


def assert_property(ours, ref, name, ndim=2, extent=1):
    if name == "orientation":
        ours = same_axis(ours, ref)
    if name in ("moments_central", "moments_weighted_central"):
        ours = np.array(ours, dtype=float)
        ref = np.array(ref, dtype=float)
        for index in np.ndindex((4,) * ndim):
            if sum(index) == 1:
                atol = first_order_atol(np.max(np.abs(ref[(0,) * ndim])), extent)
                np.testing.assert_allclose(ours[index], ref[index], rtol=0, atol=atol, err_msg=name)
                ours[index] = ref[index]
    if name == "slice":
        assert ours == ref
        return
    if isinstance(ref, np.ndarray) and ref.dtype == bool:
        np.testing.assert_array_equal(ours, ref)
        assert np.asarray(ours).dtype == bool
        return
    if isinstance(ref, (tuple, list)) and name == "bbox":
        assert tuple(ours) == tuple(ref)
        return
    np.testing.assert_allclose(np.asarray(ours, dtype=float), np.asarray(ref, dtype=float), rtol=1e-7, atol=1e-9,
                               equal_nan=True, err_msg=name)
    assert np.shape(ours) == np.shape(ref), name


def check_regions(labels, intensity=None, props=PROPS_2D, **kwargs):
    copies = unchanged_copy(*(a for a in (labels, intensity) if a is not None))
    ref = skm.regionprops(labels, intensity, **kwargs)
    ours = regionprops(labels, intensity, **kwargs)
    assert [r.label for r in ours] == [r.label for r in ref]
    for r, o in zip(ref, ours):
        for name in props:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    expected = getattr(r, name)
            except Exception as error:  # the reference refuses: so must we, with the same class
                with pytest.raises(type(error)):
                    getattr(o, name)
                continue
            assert_property(getattr(o, name), expected, name, labels.ndim, max(labels.shape))
    for before, now in zip(copies, (a for a in (labels, intensity) if a is not None)):
        np.testing.assert_array_equal(before, now)


def check_table(labels, intensity=None, properties=("label", "bbox"), **kwargs):
    ref = skm.regionprops_table(labels, intensity, properties=properties, **kwargs)
    ours = regionprops_table(labels, intensity, properties=properties, **kwargs)
    assert list(ours) == list(ref)
    for key in ref:
        assert ours[key].dtype == ref[key].dtype, key
        assert ours[key].shape == ref[key].shape, key
        if ref[key].dtype == object:
            for a, b in zip(ours[key], ref[key]):
                assert a == b if isinstance(b, tuple) else np.array_equal(a, b), key
        else:
            atol = 1e-9
            if key == "orientation":
                ours[key] = same_axis(ours[key], ref[key])
            parts = key.split("-")
            if parts[0] in ("moments_central", "moments_weighted_central") and ref[key].size:
                spatial, channel = parts[1:1 + labels.ndim], parts[1 + labels.ndim:]
                if sum(map(int, spatial)) == 1:
                    mu0 = ref["-".join([parts[0]] + ["0"] * labels.ndim + channel)]
                    atol = first_order_atol(np.max(np.abs(mu0)), max(labels.shape))
            np.testing.assert_allclose(ours[key], ref[key], rtol=1e-7, atol=atol, equal_nan=True, err_msg=key)
    return ours


def scene(shape=(48, 56), n=6, seed=0):
    image, labels = data.nuclei(shape, n=n, seed=seed)
    return labels, image


def random_labels(rng, shape, n_labels=4, fill=0.7):
    return (rng.integers(0, n_labels + 1, shape) * (rng.random(shape) < fill)).astype(np.int32)


# --- per-region objects ---------------------------------------------------------------------
def test_nuclei_every_property():
    labels, image = scene()
    check_regions(labels, image)


def test_random_labels_with_holes_and_fragments():
    rng = np.random.default_rng(0)
    for _ in range(4):
        labels = random_labels(rng, (13, 17))
        check_regions(labels, rng.random(labels.shape))


@pytest.mark.parametrize("spacing", [(1.0, 1.0), (0.5, 2.0), (3.0, 3.0), 2])
def test_spacing(spacing):
    labels, image = scene((40, 40), n=3, seed=1)
    check_regions(labels, image.astype(np.float64), spacing=spacing)


def test_multichannel_intensity():
    rng = np.random.default_rng(1)
    labels = random_labels(rng, (12, 15))
    check_regions(labels, rng.random(labels.shape + (3,)))


def test_3d():
    rng = np.random.default_rng(2)
    labels = random_labels(rng, (6, 7, 8), n_labels=3)
    check_regions(labels, rng.random(labels.shape), props=PROPS_3D)
    check_regions(labels, rng.random(labels.shape), props=PROPS_3D, spacing=(1.0, 0.5, 2.0))


def test_offset_and_label_dtypes():
    rng = np.random.default_rng(3)
    labels = random_labels(rng, (9, 11))
    for dtype in (np.uint8, np.uint16, np.int64, np.uint64):
        check_regions(labels.astype(dtype), props=["label", "bbox", "coords", "centroid", "area"], offset=(5, -2))


def test_single_pixel_and_lines():
    for labels in (np.array([[0, 0], [0, 1]]), np.array([[1, 1, 1, 1]]), np.array([[1], [1], [1]]),
                   np.eye(4, dtype=int), np.ones((3, 3), int)):
        check_regions(labels, labels.astype(float) * 2)


def test_cache_off():
    labels, image = scene((40, 40), n=3)
    check_regions(labels, image, props=["area", "moments_hu", "solidity"], cache=False)


def test_extra_properties():
    def pixelcount(regionmask):
        return np.sum(regionmask)

    def intensity_p90(regionmask, intensity):
        return np.percentile(intensity[regionmask], 90)

    def profile(regionmask):  # not the same shape for every region: an object column
        return regionmask.sum(axis=0)

    labels, image = scene((40, 40), n=3)
    extras = (pixelcount, intensity_p90, profile)
    ours = regionprops(labels, image, extra_properties=extras)
    ref = skm.regionprops(labels, image, extra_properties=extras)
    for o, r in zip(ours, ref):
        assert o.pixelcount == r.pixelcount
        assert o.intensity_p90 == r.intensity_p90
        np.testing.assert_array_equal(o.profile, r.profile)
    check_table(labels, image, properties=["label", "intensity_median"], extra_properties=extras[:2])
    table = regionprops_table(labels, image, properties=["label"], extra_properties=extras)
    assert table["profile"].dtype == object


# RegionProperties, named directly: built by hand exactly as the reference's class is
# (bounding-box slice, label, label image, intensity image, cache switch), its attributes,
# item access and iteration equal those of skimage's RegionProperties object.
DIRECT_PROPS = ["label", "area", "bbox", "centroid", "eccentricity", "orientation", "perimeter",
                "moments_hu", "image", "coords", "intensity_mean", "intensity_max", "centroid_weighted"]


@pytest.mark.parametrize("cache", [True, False])
@pytest.mark.parametrize("kwargs", [{}, {"spacing": (0.5, 2.0), "offset": (3, -1)}], ids=["plain", "spacing-offset"])
def test_region_properties_object_named_directly(cache, kwargs):
    labels, image = scene()
    image = image.astype(np.float64)
    slices = ndi.find_objects(labels)
    assert any(sl is not None for sl in slices)
    for label, sl in enumerate(slices, start=1):
        if sl is None:
            continue
        ours = RegionProperties(sl, label, labels, image, cache, **kwargs)
        ref = RefRegionProperties(sl, label, labels, image, cache, **kwargs)
        assert ours.label == ref.label == label
        assert ours.slice == ref.slice
        for name in DIRECT_PROPS:
            try:
                getattr(ref, name)
            except Exception as error:  # e.g. perimeter, moments_hu with anisotropic spacing
                with pytest.raises(type(error)):
                    getattr(ours, name)
                continue
            assert_property(getattr(ours, name), getattr(ref, name), name, extent=max(labels.shape))
            assert_property(ours[name], ref[name], name, extent=max(labels.shape))
        assert list(ours) == list(ref)
    assert all(type(r) is RegionProperties for r in regionprops(labels, image))


def _raised(call):
    try:
        call()
    except Exception as error:
        return error
    raise AssertionError("the reference did not raise")


def test_region_properties_without_intensity_and_with_extras():
    def pixelcount(regionmask):
        return np.sum(regionmask)

    labels, _ = scene((40, 40), n=3)
    sl = ndi.find_objects(labels)[0]
    ours = RegionProperties(sl, 1, labels, None, True, extra_properties=[pixelcount])
    ref = RefRegionProperties(sl, 1, labels, None, True, extra_properties=[pixelcount])
    assert ours.pixelcount == ref.pixelcount
    assert_property(ours.area, ref.area, "area")
    assert list(ours) == list(ref)  # the intensity properties are left out of both
    for name in ("intensity_mean", "image_intensity", "no_such_property"):
        with pytest.raises(type(_raised(lambda: getattr(ref, name)))):
            getattr(ours, name)


@given(
    labels=hnp.arrays(np.int32, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=10),
                      elements=st.integers(0, 3)),
    seed=st.integers(0, 2 ** 16),
)
def test_hypothesis_2d(labels, seed):
    intensity = np.random.default_rng(seed).random(labels.shape)
    check_regions(labels, intensity)


def test_convex_hull_image_matches_reference():
    from skimage.morphology import convex_hull_image

    rng = np.random.default_rng(4)
    for _ in range(30):
        image = rng.random(tuple(rng.integers(1, 12, 2))) < 0.3
        if image.any():
            np.testing.assert_array_equal(convex_hull_image_2d(image), convex_hull_image(image))


# --- 3-D convex hull family -----------------------------------------------------------------
def random_blobs_3d(rng, shape, n_labels):
    """Labels 1..n_labels, each a union of two random ellipsoids (later labels paint over
    earlier ones, so regions may be cut, non-convex or in pieces), plus stray voxels."""
    labels = np.zeros(shape, np.int32)
    grid = np.indices(shape)
    for lab in range(1, n_labels + 1):
        for _ in range(2):
            centre = rng.uniform(0, shape)
            radii = rng.uniform(1.0, 0.45 * np.array(shape))
            inside = sum(((g - c) / r) ** 2 for g, c, r in zip(grid, centre, radii)) <= 1
            labels[inside] = lab
    labels[rng.random(shape) < 0.01] = rng.integers(1, n_labels + 1)
    return labels


def diagonal_plate(size=6):
    """The voxels of the plane z + y + x = size + 1: flat, but not along an axis."""
    labels = np.zeros((size,) * 3, int)
    z, y, x = np.indices(labels.shape)
    labels[z + y + x == size + 1] = 1
    return labels


def flat_regions():
    """Regions whose voxel centres are coplanar (the reference's qhull fails: an empty convex
    image with a warning, area_convex 0, solidity inf, feret_diameter_max ValueError)."""
    single = np.zeros((3, 4, 5), int)
    single[1, 2, 3] = 1
    plate = np.zeros((5, 6, 7), int)
    plate[2, 1:5, :] = 1
    line = np.zeros((5, 6, 7), int)
    line[1:4, 3, 2] = 2
    column = np.ones((4, 1, 1), int)
    return [single, plate, line, column, diagonal_plate(), plate + line]


def thin_regions():
    """One voxel off flat: full-dimensional hulls, many voxel centres on one face plane."""
    plate = np.zeros((5, 6, 7), int)
    plate[2, 1:5, :] = 1
    plate[3, 0, 0] = 1
    diagonal = diagonal_plate()
    diagonal[0, 0, 0] = 1
    slab = np.zeros((4, 12, 13), int)
    slab[1:3, 2:10, 1:12] = 1  # two voxels thick
    cross = np.zeros((7, 7, 7), int)
    cross[3, 3, :] = cross[3, :, 3] = cross[:, 3, 3] = 1
    lines = np.zeros((6, 6, 6), int)
    lines[0, 0, :] = 1
    lines[5, :, 5] = 1  # two skew lines
    return [plate, diagonal, slab, cross, lines, np.ones((2, 2, 2), int), np.full((2, 3, 2), 3)]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_3d_convex_random_blobs(seed):
    rng = np.random.default_rng(seed)
    labels = random_blobs_3d(rng, (12, 14, 16), n_labels=4)
    check_regions(labels, props=CONVEX)
    check_regions(labels, props=CONVEX, spacing=(2.0, 0.5, 1.25))
    check_table(labels, properties=["label"] + CONVEX)
    check_table(labels, properties=["label", "area_convex", "solidity", "feret_diameter_max"],
                spacing=(0.3, 1.0, 3.0))


@pytest.mark.parametrize("index", range(len(flat_regions())))
def test_3d_convex_flat_regions(index):
    labels = flat_regions()[index]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check_regions(labels, props=CONVEX)
        check_regions(labels, props=CONVEX, spacing=(1.0, 2.0, 0.5))
        check_table(labels, properties=["label", "area", "area_convex", "solidity", "image_convex"])
        assert_same_error(regionprops_table, skm.regionprops_table, labels, properties=["feret_diameter_max"])
    region = regionprops(labels)[0]
    with pytest.warns(UserWarning, match="convex hull"):
        region.image_convex


@pytest.mark.parametrize("index", range(len(thin_regions())))
def test_3d_convex_thin_regions(index):
    labels = thin_regions()[index]
    check_regions(labels, props=CONVEX)
    check_regions(labels, props=CONVEX, spacing=(0.5, 1.0, 4.0))
    check_table(labels, properties=["label", "area_convex", "solidity", "feret_diameter_max"], spacing=(3.0, 1.0, 1.0))


def test_3d_convex_regions_touching_the_border():
    """Regions cut by the image border (their convex images fill the crop to its edges)."""
    labels = np.zeros((7, 8, 9), int)
    z, y, x = np.indices(labels.shape)
    labels[(z - 0) ** 2 + (y - 3) ** 2 + (x - 4) ** 2 <= 10] = 1  # a half ball on the z = 0 face
    labels[(z >= 4) & (y + x >= 11)] = 2                             # a wedge in the far corner
    labels[6, 0, 0] = 3
    labels[5, 0, 0] = labels[6, 1, 0] = labels[6, 0, 1] = 3          # a corner tetrahedron
    check_regions(labels, props=CONVEX)
    check_regions(labels, props=CONVEX, spacing=(1.5, 1.0, 0.75), offset=(2, -3, 1))
    check_table(labels, properties=["label", "bbox", "area_convex", "solidity", "feret_diameter_max"])


def test_3d_ball_scene():
    scene_3d = data.volume((20, 24, 28), n=3, radius=4, seed=1)
    check_regions(scene_3d.labels, scene_3d.image, props=PROPS_3D)
    check_table(scene_3d.labels, scene_3d.image, properties=["label", "area_convex", "solidity", "feret_diameter_max"],
                spacing=(2.0, 1.0, 1.0))


def test_convex_hull_image_3d_matches_reference():
    from skimage.morphology import convex_hull_image

    rng = np.random.default_rng(8)
    for _ in range(20):
        image = rng.random(tuple(rng.integers(1, 9, 3))) < rng.uniform(0.05, 0.5)
        if image.any():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = convex_hull_image(image)
                ours = convex_hull_image_3d(image)
            np.testing.assert_array_equal(ours, expected)


def test_convex_hull_3d_matches_qhull():
    """Degenerate integer clouds (many duplicate and coplanar points): the same vertices as
    qhull and the same grid points inside."""
    from scipy.spatial import ConvexHull, QhullError

    rng = np.random.default_rng(9)
    for _ in range(40):
        side = int(rng.integers(2, 6))
        points = rng.integers(0, side, (int(rng.integers(5, 40)), 3))
        vertices, faces, planes = convex_hull_3d(points)
        try:
            hull = ConvexHull(points)
        except QhullError:  # coplanar points: no 3-D hull
            assert vertices.size == faces.size == planes.size == 0
            continue
        assert {tuple(p) for p in points[hull.vertices]} <= {tuple(p) for p in points[vertices]}
        grid = np.argwhere(np.ones((side + 1,) * 3, bool))
        expected = np.all(grid @ hull.equations[:, :3].T + hull.equations[:, 3] < 1e-10, axis=1)
        np.testing.assert_array_equal(np.all(grid @ planes[:, :3].T <= planes[:, 3], axis=1), expected)
        edges = {(f[k], f[(k + 1) % 3]) for f in faces for k in range(3)}  # a closed surface
        assert len(edges) == 3 * len(faces) and all((b, a) in edges for a, b in edges)


# --- tables ---------------------------------------------------------------------------------
FAST = ["label", "area", "bbox", "centroid", "centroid_local", "eccentricity", "orientation",
        "axis_major_length", "axis_minor_length", "inertia_tensor", "inertia_tensor_eigvals", "moments",
        "moments_central", "moments_normalized", "moments_hu", "extent", "equivalent_diameter_area",
        "num_pixels", "area_bbox"]
INTENSITY = ["intensity_mean", "intensity_min", "intensity_max", "intensity_std", "centroid_weighted",
             "centroid_weighted_local", "moments_weighted", "moments_weighted_central",
             "moments_weighted_normalized", "moments_weighted_hu"]
SHAPE = ["euler_number", "perimeter", "perimeter_crofton", "solidity", "area_convex", "area_filled",
         "feret_diameter_max", "image", "coords", "slice", "image_intensity"]


def test_table_all_columns():
    labels, image = scene()
    check_table(labels, image, properties=FAST + INTENSITY + SHAPE)
    check_table(labels, image, properties=FAST, separator="/")


def test_table_multichannel_and_spacing():
    rng = np.random.default_rng(5)
    labels = random_labels(rng, (14, 12))
    check_table(labels, rng.random(labels.shape + (2,)), properties=FAST[:-4] + INTENSITY)
    no_hu = [p for p in FAST + INTENSITY if "hu" not in p]
    check_table(labels, rng.random(labels.shape), properties=no_hu + ["perimeter"], spacing=(2.0, 2.0))
    check_table(labels, rng.random(labels.shape), properties=no_hu, spacing=(0.5, 3.0))


def test_table_3d():
    rng = np.random.default_rng(6)
    labels = random_labels(rng, (5, 6, 7), n_labels=3)
    props = [p for p in FAST + INTENSITY + ["euler_number", "area_filled", "area_convex", "solidity",
                                            "feret_diameter_max", "image_convex"]
             if p not in ("eccentricity", "orientation", "moments_hu", "moments_weighted_hu")]
    check_table(labels, rng.random(labels.shape), properties=props)


def test_table_empty():
    check_table(np.zeros((4, 5), int), properties=["label", "bbox", "centroid", "moments_hu", "image"])
    check_table(np.zeros((4, 5), int), np.zeros((4, 5)), properties=["label", "intensity_mean"])


@given(
    labels=hnp.arrays(np.uint8, hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=12),
                      elements=st.integers(0, 4)),
    seed=st.integers(0, 2 ** 16),
)
def test_table_hypothesis(labels, seed):
    intensity = np.random.default_rng(seed).integers(0, 1000, labels.shape).astype(np.uint16)
    check_table(labels, intensity, properties=FAST + INTENSITY + ["euler_number", "perimeter"])


@pytest.mark.slow
def test_table_big_scene():
    image, labels = data.nuclei((256, 256), n=60, seed=4)
    check_table(labels, image, properties=FAST + INTENSITY + SHAPE)


# --- perimeters: one pass over the label image for the table, the crop for regionprops --------
PERIMETERS = ["perimeter", "perimeter_crofton"]


def check_perimeters(labels, **kwargs):
    """Both perimeters of every label, as table columns and as region attributes: the
    reference's values (rtol 1e-7), and in fact its bits (the same histogram, the same ``@``)."""
    properties = ["label"] + PERIMETERS
    ours = check_table(labels, properties=properties, **kwargs)
    ref = skm.regionprops_table(labels, properties=properties, **kwargs)
    for name in PERIMETERS:
        np.testing.assert_array_equal(ours[name], ref[name], err_msg=name)
        assert ours[name].dtype == np.float64
    check_regions(labels, props=properties, **kwargs)
    # each alone too: the pass then builds one histogram only
    for name in PERIMETERS:
        check_table(labels, properties=[name, "area"], **kwargs)


def ring(shape, outer, inner, value=1):
    """A square ring: the box ``outer`` minus the box ``inner`` (``(r0, r1, c0, c1)``)."""
    labels = np.zeros(shape, int)
    labels[outer[0]:outer[1], outer[2]:outer[3]] = value
    labels[inner[0]:inner[1], inner[2]:inner[3]] = 0
    return labels


BORDER_CASES = {
    "whole image": np.ones((5, 7), int),
    "one row": np.array([[1, 1, 2, 2, 2, 0, 3]]),
    "one column": np.array([[1], [1], [0], [2], [2]]),
    "one pixel image": np.array([[4]]),
    "frame": np.pad(np.zeros((3, 4), int), 1, constant_values=1),
    "corners": np.array([[1, 0, 0, 2], [0, 0, 0, 0], [3, 0, 0, 4]]),
    "edge halves": np.array([[1, 1, 1, 2, 2], [1, 1, 1, 2, 2], [3, 3, 0, 2, 2], [3, 3, 4, 4, 4]]),
}

HOLE_CASES = {
    "ring": ring((7, 8), (1, 6, 1, 7), (2, 5, 2, 6)),
    "ring on the border": ring((6, 6), (0, 6, 0, 6), (2, 4, 2, 4)),
    "one-pixel hole": ring((5, 5), (0, 5, 0, 5), (2, 3, 2, 3)),
    "another label in the hole": (ring((7, 7), (0, 7, 0, 7), (2, 5, 2, 5))
                                  + ring((7, 7), (2, 5, 2, 5), (3, 4, 3, 4), 2)),
    "hole touching a diagonal": np.array([[1, 1, 1, 0], [1, 0, 1, 1], [1, 1, 0, 1], [0, 1, 1, 1]]),
    "nested rings": (ring((11, 11), (0, 11, 0, 11), (2, 9, 2, 9)) + ring((11, 11), (4, 7, 4, 7), (5, 6, 5, 6), 3)),
}

THIN_CASES = {
    "single pixels": np.array([[1, 0, 2], [0, 0, 0], [3, 0, 4]]),
    "touching single pixels": np.array([[1, 2], [3, 4]]),
    "horizontal line": np.pad(np.ones((1, 6), int), 2),
    "vertical line": np.pad(np.ones((6, 1), int), 2),
    "diagonal": np.pad(np.eye(5, dtype=int), 1),
    "anti-diagonal": np.pad(np.eye(5, dtype=int)[::-1] * 7, 1),
    "checkerboard one label": (np.indices((6, 7)).sum(axis=0) % 2).astype(int),
    "checkerboard two labels": (np.indices((6, 7)).sum(axis=0) % 2).astype(int) + 1,
    "every pixel its own label": np.arange(1, 31).reshape(5, 6),
    "L and plus": np.array([[1, 0, 0, 0, 2, 0], [1, 0, 0, 2, 2, 2], [1, 1, 1, 0, 2, 0]]),
    "two-wide bars": np.array([[1, 1, 0, 2, 2, 2, 2], [1, 1, 0, 2, 2, 2, 2]] * 2),
}


@pytest.mark.parametrize("name", list(BORDER_CASES) + list(HOLE_CASES) + list(THIN_CASES))
def test_perimeters_shapes(name):
    labels = {**BORDER_CASES, **HOLE_CASES, **THIN_CASES}[name]
    check_perimeters(labels)


def test_perimeters_many_labels():
    rng = np.random.default_rng(11)
    check_perimeters(random_labels(rng, (40, 50), n_labels=300, fill=0.8))  # many labels, all fragmented
    labels = data.nuclei((160, 160), n=40, seed=2).labels
    check_perimeters(labels)


def test_perimeters_non_contiguous_labels_and_dtypes():
    rng = np.random.default_rng(12)
    labels = random_labels(rng, (20, 23), n_labels=5)
    sparse = np.array([0, 3, 17, 250, 1000, 65000])[labels]  # gaps between labels, one large
    split = np.zeros((6, 9), int)  # one label in three pieces, label 2 absent
    split[0:2, 0:2] = split[4:6, 6:9] = split[2, 4] = 1
    split[3, 0] = 3
    for labels in (sparse, split):
        for dtype in (np.uint16, np.int32, np.int64, np.uint64):
            check_perimeters(labels.astype(dtype))
    check_perimeters(np.array([[1, 1, -1, 0], [1, -2, 2, 2], [0, 2, 2, -1]]))  # negative = background


def test_perimeters_layouts():
    labels = data.nuclei((48, 40), n=3, seed=3).labels
    check_perimeters(np.asfortranarray(labels))
    check_perimeters(labels[::-1, ::2])
    read_only = labels.copy()
    read_only.flags.writeable = False
    check_perimeters(read_only)


@pytest.mark.parametrize("spacing", [2.5, (0.5, 0.5), (1.0, 2.0)])
def test_perimeters_spacing(spacing):
    labels = data.nuclei((40, 40), n=4, seed=5).labels
    for name in PERIMETERS:  # anisotropic spacings: NotImplementedError in both
        try:
            ref = skm.regionprops_table(labels, properties=[name], spacing=spacing)
        except Exception:
            assert_same_error(regionprops_table, skm.regionprops_table, labels, properties=[name], spacing=spacing)
            continue
        ours = regionprops_table(labels, properties=[name], spacing=spacing)
        np.testing.assert_allclose(ours[name], ref[name], rtol=1e-7, atol=1e-9)
    check_regions(labels, props=PERIMETERS, spacing=spacing)


def test_perimeters_3d_raise():
    labels = random_labels(np.random.default_rng(13), (4, 5, 6), n_labels=3)
    for properties in (["perimeter"], ["perimeter_crofton"], ["label", "area", "perimeter", "perimeter_crofton"]):
        error = assert_same_error(regionprops_table, skm.regionprops_table, labels, properties=properties)
        assert isinstance(error, NotImplementedError)
    check_regions(labels, props=PERIMETERS)  # the region attributes raise in both too


def test_perimeters_empty():
    check_table(np.zeros((4, 5), int), properties=["label"] + PERIMETERS)


def test_perimeter_histograms_parallel_equals_serial():
    from scratch.measure._perimeter import _histograms

    labels = data.nuclei((300, 280), n=30, seed=6).labels
    labels = np.ascontiguousarray(labels, dtype=np.int32)
    n = int(labels.max()) + 1
    results = []
    for kernel, n_bands in ((_histograms.parallel, 2), (_histograms.parallel, 7), (serial(_histograms), 1),
                            (serial(_histograms), 3)):
        border_hist = np.zeros((n_bands, n, 50), np.int64)
        crofton_hist = np.zeros((n_bands, n, 16), np.int64)
        kernel(labels, 4, border_hist, crofton_hist)
        results.append((border_hist.sum(axis=0), crofton_hist.sum(axis=0)))
    for border_hist, crofton_hist in results[1:]:
        np.testing.assert_array_equal(border_hist, results[0][0])
        np.testing.assert_array_equal(crofton_hist, results[0][1])


@pytest.mark.parametrize("neighborhood", [4, 8])
def test_perimeter_of_one_image_matches_reference(neighborhood):
    from scratch.measure._perimeter import perimeter, perimeter_crofton

    rng = np.random.default_rng(14)
    for image in [rng.random((15, 18)) < 0.6, np.ones((3, 4), bool), np.zeros((3, 3), bool),
                  *(case > 0 for case in HOLE_CASES.values())]:
        assert perimeter(image, neighborhood) == skm.perimeter(image, neighborhood)
        for directions in (2, 4):
            assert perimeter_crofton(image, directions) == skm.perimeter_crofton(image, directions)


@given(
    labels=hnp.arrays(st.sampled_from([np.uint8, np.int32, np.int64]),
                      hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=16),
                      elements=st.integers(0, 9)),
)
def test_perimeters_hypothesis(labels):
    check_perimeters(labels)


# --- bad input ------------------------------------------------------------------------------
def test_bad_input():
    for fn_ours, fn_ref in ((regionprops, skm.regionprops), (regionprops_table, skm.regionprops_table)):
        assert_same_error(fn_ours, fn_ref, np.zeros((3, 3), float))
        assert_same_error(fn_ours, fn_ref, np.zeros((3, 3), bool))
        assert_same_error(fn_ours, fn_ref, np.zeros(5, int))
        assert_same_error(fn_ours, fn_ref, np.zeros((2, 2, 2, 2), int))
        assert_same_error(fn_ours, fn_ref, np.ones((3, 3), int), np.zeros((3, 4)))
        assert_same_error(fn_ours, fn_ref, np.ones((3, 3), int), spacing=(1, 2, 3))
    assert_same_error(regionprops, skm.regionprops, np.ones((3, 3), int), offset=(1, 2, 3))
    region = regionprops(np.ones((3, 3), int))[0]
    with pytest.raises(AttributeError):
        region.intensity_mean
    with pytest.raises(AttributeError):
        region.no_such_property


# --- issue #15: the reference's own test file (deprecated names, scalar types, object behaviour)
from skimage.measure import _regionprops as _ref_module  # noqa: E402

from scratch.measure import _regionprops as _our_module  # noqa: E402

_SAMPLE = np.array([[0, 0, 1, 1, 0, 0, 2],
                    [0, 1, 1, 1, 1, 0, 0],
                    [0, 1, 0, 1, 1, 0, 3],
                    [0, 1, 1, 1, 0, 0, 3],
                    [4, 0, 0, 0, 0, 3, 3]])
_SAMPLE_INTENSITY = np.arange(_SAMPLE.size, dtype=float).reshape(_SAMPLE.shape) / 7.0


def _warned(call):
    """``(value or exception, [(category, message, filename)])`` of ``call()``."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        try:
            value = call()
        except Exception as error:  # noqa: BLE001 - compared with the reference's
            value = error
    return value, [(w.category, str(w.message), w.filename) for w in record]


def test_deprecated_name_table_is_the_reference():
    assert _our_module.PROPS == _ref_module.PROPS
    assert set(_our_module.PROP_VALS) == _ref_module.PROP_VALS


@pytest.mark.parametrize("old_name", list(_ref_module.PROPS))
def test_deprecated_names_warn_like_the_reference(old_name):
    """Items: every old name, a FutureWarning naming the new one (pointing at the caller);
    attributes: the lower-case old names the same way, the CamelCase ones an AttributeError."""
    ours = regionprops(_SAMPLE, _SAMPLE_INTENSITY)[0]
    ref = skm.regionprops(_SAMPLE, _SAMPLE_INTENSITY)[0]
    new_name = _ref_module.PROPS[old_name]
    for access in (lambda r: r[old_name], lambda r: getattr(r, old_name)):
        ours_value, ours_warnings = _warned(lambda: access(ours))
        ref_value, ref_warnings = _warned(lambda: access(ref))
        assert [w[:2] for w in ours_warnings] == [w[:2] for w in ref_warnings]
        assert all(w[2] == __file__ for w in ours_warnings)  # stacklevel: the caller's line
        if isinstance(ref_value, Exception):
            assert type(ours_value) is type(ref_value) and str(ours_value) == str(ref_value)
            continue
        assert ref_warnings and ref_warnings[0][0] is FutureWarning
        np.testing.assert_equal(ours_value, getattr(ours, new_name))
        if new_name != "slice":
            assert_property(ours_value, ref_value, new_name)


@pytest.mark.parametrize("old_name", [n for n in _ref_module.PROPS if _ref_module.PROPS[n] in
                                      _ref_module._require_intensity_image])
def test_deprecated_intensity_names_without_intensity_image(old_name):
    ours = regionprops(_SAMPLE)[0]
    ref = skm.regionprops(_SAMPLE)[0]
    for access in (lambda r: r[old_name], lambda r: getattr(r, old_name)):
        ours_error, ours_warnings = _warned(lambda: access(ours))
        ref_error, ref_warnings = _warned(lambda: access(ref))
        assert type(ours_error) is type(ref_error) is AttributeError
        assert str(ours_error) == str(ref_error)
        assert [w[:2] for w in ours_warnings] == [w[:2] for w in ref_warnings]


def test_deprecated_names_in_the_table_name_their_columns():
    """regionprops_table maps old names without a warning and keeps them as column names."""
    names = [n for n in _ref_module.PROPS if _ref_module.PROPS[n] != "slice"]
    ours, ours_warnings = _warned(lambda: regionprops_table(_SAMPLE, _SAMPLE_INTENSITY, properties=names))
    ref, ref_warnings = _warned(lambda: skm.regionprops_table(_SAMPLE, _SAMPLE_INTENSITY, properties=names))
    assert [w[:2] for w in ours_warnings if w[0] is FutureWarning] == \
        [w[:2] for w in ref_warnings if w[0] is FutureWarning] == []
    assert list(ours) == list(ref)
    for key in ref:
        if ref[key].dtype == object:
            for a, b in zip(ours[key], ref[key]):
                np.testing.assert_array_equal(a, b)
        else:
            assert ours[key].dtype == ref[key].dtype, key
            np.testing.assert_allclose(ours[key], ref[key], rtol=1e-7, atol=1e-9, err_msg=key)
    assert list(regionprops_table(_SAMPLE, properties=("local_centroid", "bbox_area"))) == \
        list(skm.regionprops_table(_SAMPLE, properties=("local_centroid", "bbox_area")))


def _type_of(value):
    if isinstance(value, (tuple, list)):
        return type(value), tuple(_type_of(v) for v in value)
    if isinstance(value, np.ndarray):
        return np.ndarray, value.dtype
    return type(value)


@pytest.mark.filterwarnings("ignore::UserWarning")  # convex hulls of flat 3-D regions
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("ndim", [2, 3])
def test_scalar_types_are_the_reference(ndim):
    """orientation, axis lengths, eccentricity: Python float (the int 0 for a one-pixel region's
    eccentricity); euler_number np.int64 in 2-D, int in 3-D; num_pixels np.int64; ..."""
    if ndim == 2:
        labels, intensity = _SAMPLE, _SAMPLE_INTENSITY
    else:
        labels = np.zeros((5, 6, 7), int)
        labels[1:3, 1:4, 2:5] = 1
        labels[4, 5, 6] = 2
        labels[0, 0, :3] = 3
        intensity = np.random.default_rng(1).random(labels.shape)
    for ours, ref in zip(regionprops(labels, intensity), skm.regionprops(labels, intensity)):
        for name in _ref_module.COL_DTYPES:
            ref_value = _warned(lambda: getattr(ref, name))[0]
            ours_value = _warned(lambda: getattr(ours, name))[0]
            if isinstance(ref_value, Exception):
                assert type(ours_value) is type(ref_value), name
                continue
            assert _type_of(ours_value) == _type_of(ref_value), (name, ours.label)


def test_equality_and_pickling_like_the_reference():
    import pickle

    labels = np.zeros((30, 30), dtype=int)
    labels[0:8, 0:8] = 1
    labels[15:29, 15:29] = 2
    for module in (skm, None):
        rp = skm.regionprops if module else regionprops
        r1, r2, r3 = rp(labels)[0], rp(labels)[0], rp(labels)[1]
        assert r1 == r2 and not (r1 != r2)
        assert r1 != r3 and not (r1 == r3)
        assert r1 != "not a region"
        with pytest.raises(TypeError):
            hash(r1)
        restored = pickle.loads(pickle.dumps(r1))
        assert restored == r1
        assert restored.area == r1.area
        _ = r2.image_filled, r2.moments  # a region with a filled cache pickles too
        assert pickle.loads(pickle.dumps(r2)) == r2
    intensity = np.random.default_rng(3).random(labels.shape)
    ours = regionprops(labels, intensity)[1]
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert (regionprops(labels, intensity)[1] == regionprops(labels, intensity * 2)[1]) == \
        (skm.regionprops(labels, intensity)[1] == skm.regionprops(labels, intensity * 2)[1])


def test_cache_off_recomputes_after_the_label_image_changes():
    """As the reference's test_cache: with the cache active a changed label image leaves the
    cached result; switching the cache off recomputes it; cache=False keeps nothing."""
    results = []
    for rp in (skm.regionprops, regionprops):
        labels = _SAMPLE.copy()
        region = rp(labels)[0]
        f0 = region.image_filled
        area0 = region.area
        region._label_image[:2] = 1
        f1 = region.image_filled
        np.testing.assert_array_equal(f0, f1)
        region._cache_active = False
        f2 = region.image_filled
        assert np.any(f2 != f0)
        results.append((f0, f1, f2, area0, region.area, region.num_pixels, region.moments))
        off = rp(_SAMPLE.copy(), cache=False)[0]
        _ = off.image_filled, off.area, off.moments_hu, off.solidity
        assert off._cache == {}
    for ours, ref in zip(results[1], results[0]):
        np.testing.assert_allclose(ours, ref)


def test_docstring_lists_every_property_as_the_reference_parses_it():
    """The reference's test_docstrings_and_props and test_all_documented_items_in_col_dtypes."""
    import re

    ours = regionprops(_SAMPLE)[0]
    ref = skm.regionprops(_SAMPLE)[0]
    public = [m for m in dir(ours) if not m.startswith("_")]
    assert public == [m for m in dir(ref) if not m.startswith("_")]
    docs = _our_module._parse_docs()
    assert len(docs) == len(public) == len(_ref_module._parse_docs())
    assert "iteration" not in docs["moments_weighted_normalized"]
    assert len(docs["moments_weighted_normalized"].split("\n")) > 3
    notes = regionprops.__doc__.split("Notes\n")[1].split("See Also")[0]
    documented = {re.search(r"\*\*(?P<name>[a-z_]+)\*\*", line).group("name")
                  for line in (raw.strip() for raw in notes.splitlines()) if line.startswith("**")}
    assert documented == set(_ref_module.COL_DTYPES)
    for name in public:
        if name not in ("label", "slice"):
            assert getattr(RegionProperties, name).__doc__ == docs[name]


@pytest.mark.parametrize("case", ["2d", "2d-spacing", "3d"])
def test_intensity_properties_without_intensity_image_raise_as_the_reference(case):
    """moments_weighted_hu (and every intensity property) without an intensity image: the
    reference's class and message; its 2-D-only and spacing checks come first."""
    labels = _SAMPLE if case != "3d" else np.pad(np.ones((2, 3, 4), int), 1)
    spacing = (2.0, 1.0) if case == "2d-spacing" else None
    ours = regionprops(labels, spacing=spacing)[0]
    ref = skm.regionprops(labels, spacing=spacing)[0]
    for name in _ref_module._require_intensity_image:
        ref_error = _raised(lambda: getattr(ref, name))
        with pytest.raises(type(ref_error)) as info:
            getattr(ours, name)
        assert str(info.value) == str(ref_error), name


def test_setting_an_old_name_sets_the_current_one_as_the_reference():
    labels = np.zeros((5, 5), int)
    labels[1:3, 1:4] = 1
    for name in ("Area", "bbox_area", "label", "Label"):
        ours, ref = regionprops(labels)[0], skm.regionprops(labels)[0]
        ref_error = _warned(lambda: setattr(ref, name, 7))[0]
        ours_error = _warned(lambda: setattr(ours, name, 7))[0]
        assert type(ours_error) is type(ref_error)
        assert ours.label == ref.label


@pytest.mark.parametrize("shape", [(0, 5), (3, 0), (0, 2, 2)])
def test_empty_label_image_raises_value_error_as_the_reference(shape):
    import skimage.measure

    import scratch.measure as scratch_measure

    label_image = np.zeros(shape, dtype=int)
    for name in ("regionprops", "regionprops_table"):
        with pytest.raises(ValueError):
            getattr(skimage.measure, name)(label_image)
        with pytest.raises(ValueError, match="label_image"):
            getattr(scratch_measure, name)(label_image)


@pytest.mark.parametrize("label_dtype", [">u2", ">i4", ">i8"])
def test_big_endian_label_and_intensity_images(label_dtype):
    """Found by test_fuzz: a big-endian label image (and intensity image) was a Numba
    TypingError in the sweeps and the perimeter kernels; the reference measures them."""
    rng = np.random.default_rng(7)
    labels = rng.integers(0, 4, (16, 17)).astype(label_dtype)
    intensity = rng.random((16, 17)).astype(">f8")
    props = ("label", "area", "bbox", "centroid", "intensity_mean", "intensity_max", "perimeter",
             "perimeter_crofton", "euler_number", "moments_hu", "centroid_weighted", "solidity")
    expected = skm.regionprops_table(labels, intensity, properties=props)
    got = regionprops_table(labels, intensity, properties=props)
    assert list(got) == list(expected)
    for column in expected:
        np.testing.assert_allclose(got[column], expected[column], rtol=1e-7, atol=1e-12)
    region, ref_region = regionprops(labels, intensity)[0], \
        skm.regionprops(labels, intensity)[0]
    np.testing.assert_allclose(region.image_intensity, ref_region.image_intensity)


@pytest.mark.parametrize("label_image", [np.zeros((0, 5), bool), np.zeros((0, 5), np.float16),
                                         np.zeros((5, 0), np.float64), np.zeros((0, 5), np.uint8)])
def test_table_empty_label_image_dtype_first(label_image):
    # the reference refuses a bool/float label image (TypeError) before it finds it empty
    # (ValueError) (fuzz finding)
    for function in ("regionprops_table", "regionprops"):
        assert_same_error(getattr(scratch.measure, function), getattr(skm, function), label_image)


@pytest.mark.parametrize("label_image", [np.zeros((1, 1), np.int32), np.zeros((3, 4), np.int64),
                                         -np.ones((3, 4), np.int8)])
@pytest.mark.parametrize("intensity_image", [np.ones((3, 5)), np.ones((1, 1, 3), np.float32), np.ones(5)])
def test_table_no_region_intensity_shape_unchecked(label_image, intensity_image):
    # no region: the reference never measures one, so never compares the intensity image's
    # shape: regionprops is [], regionprops_table its (empty) columns (fuzz finding)
    properties = ("label", "area", "intensity_mean", "bbox")
    expected = skm.regionprops_table(label_image, intensity_image=intensity_image, properties=properties)
    got = regionprops_table(label_image, intensity_image=intensity_image, properties=properties)
    assert list(got) == list(expected)
    for key in expected:
        assert got[key].dtype == expected[key].dtype and got[key].shape == expected[key].shape == (0,)
    assert regionprops(label_image, intensity_image=intensity_image) == []
    with pytest.raises(ValueError, match="shapes must match"):  # one region: checked
        regionprops_table(np.ones((1, 1), np.int32), intensity_image=np.ones((3, 5)))
    # two axes too many: the reference's dummy region (3x3 + the extra axes) is refused too
    assert_same_error(regionprops_table, skm.regionprops_table, label_image, intensity_image=np.ones((1, 1, 3, 2)))
