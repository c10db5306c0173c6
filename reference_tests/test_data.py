"""scratch.data: the bundled sample images and the synthetic scenes with ground truth.

Sample images must be exactly scikit-image's; synthetic scenes must be deterministic and
their ground truth consistent with what the reference tools find in them (e.g. the labels
are numbered as ``skimage.measure.label`` numbers the components).
"""

import hashlib

import numpy as np
import pytest
import skimage.data
import skimage.filters
import skimage.measure

from scratch import data

# (shape, dtype) promised for each bundled sample
EXPECTED = {
    "camera": ((512, 512), np.uint8),
    "coins": ((303, 384), np.uint8),
    "moon": ((512, 512), np.uint8),
    "immunohistochemistry": ((512, 512, 3), np.uint8),
    "retina": ((1411, 1411, 3), np.uint8),
    "astronaut": ((512, 512, 3), np.uint8),
    "cell": ((660, 550), np.uint8),
    "horse": ((328, 400), np.bool_),
    "shepp_logan_phantom": ((400, 400), np.float64),
}


@pytest.mark.parametrize("name", data.SAMPLES)
def test_sample_matches_skimage(name):
    image = getattr(data, name)()
    np.testing.assert_array_equal(image, getattr(skimage.data, name)())
    if name in EXPECTED:
        shape, dtype = EXPECTED[name]
        assert image.shape == shape
        assert image.dtype == dtype
    assert np.array_equal(data.load(name), image)


def test_sample_is_a_fresh_copy():
    a = data.camera()
    a[:] = 0
    assert data.camera().any()


def test_load_unknown_name_names_the_parameter():
    with pytest.raises(ValueError, match="`name`"):
        data.load("cells3d")  # downloadable in skimage, deliberately not offered


@pytest.mark.parametrize("scene", ["blobs", "nuclei", "volume", "checkerboard"])
def test_scenes_load_by_name(scene):
    assert np.array_equal(np.asarray(data.load(scene)[0]), np.asarray(getattr(data, scene)()[0]))


@pytest.mark.parametrize("shape", [(256, 256), (100, 180), (48, 64, 64)])
def test_blobs_ground_truth_is_skimage_labeling(shape):
    n, radius = 8, 6
    image, labels = data.blobs(shape, n=n, radius=radius, seed=3)
    assert image.shape == labels.shape == shape
    assert image.dtype == np.float64 and labels.dtype == np.int32
    assert labels.max() == n
    # separate components, numbered in raster order exactly like the reference labeling
    np.testing.assert_array_equal(skimage.measure.label(labels > 0), labels)
    # every blob is a full disk/ball of the given radius
    offsets = np.indices((2 * radius + 1,) * len(shape)) - radius
    ball_size = int(np.count_nonzero((offsets**2).sum(axis=0) <= radius**2))
    np.testing.assert_array_equal(np.bincount(labels.ravel())[1:], ball_size)


def test_blobs_without_noise_threshold_to_the_labels():
    image, labels = data.blobs(noise=0.0, background=0.1, seed=5)
    np.testing.assert_array_equal(image > 0.5, labels > 0)


def test_blobs_is_deterministic_and_seeded():
    a = data.blobs(seed=1)
    b = data.blobs(seed=1)
    c = data.blobs(seed=2)
    np.testing.assert_array_equal(a.image, b.image)
    np.testing.assert_array_equal(a.labels, b.labels)
    assert not np.array_equal(a.labels, c.labels)


def test_blobs_that_do_not_fit_raise():
    with pytest.raises(ValueError, match="n=50"):
        data.blobs((32, 32), n=50, radius=10)


def test_volume_is_3d_with_consistent_labels():
    image, labels = data.volume()
    assert image.ndim == 3 and image.shape == labels.shape
    np.testing.assert_array_equal(skimage.measure.label(labels > 0), labels)


def test_nuclei_scene():
    image, labels = data.nuclei((192, 192), n=20, seed=4)
    assert image.dtype == np.uint16 and labels.dtype == np.int32
    assert image.shape == labels.shape == (192, 192)
    assert labels.max() == 20
    assert set(np.unique(labels)) == set(range(21))
    # raster order: the first pixel of label k comes before that of label k + 1
    first = [np.flatnonzero(labels.ravel() == k)[0] for k in range(1, 21)]
    assert first == sorted(first)
    # nuclei are brighter than the background
    assert image[labels > 0].mean() > image[labels == 0].mean() + 100
    np.testing.assert_array_equal(data.nuclei((192, 192), n=20, seed=4).image, image)


# sha256 of (image bytes, labels bytes) computed from data.nuclei BEFORE background_slope and
# channels were added: the new options must not change what the tour, tests and tutorials draw.
NUCLEI_HASHES = {
    (): ("df278486b53689555b3496ae546d3e4d16b0ba070261fc77452f3c5a6f00147b",
         "19ec4ddce39c60d9871f6904f7e803568d7a958a7418ed4053e98099e709be65"),
    (("shape", (192, 192)), ("n", 20), ("seed", 4)): (
        "d7f1137548b583abbb596b4a28d5bd4f24beae650c89ad963f34dba515318798",
        "d3ad7d0e530080e2827dbfa02bad9752dda703603c0d63141b92b3fb6ef6d2b1"),
    (("seed", 3), ("photons", 200.0)): (
        "e723bf18eafeb80a69abeffb858af15b0e0b3da22f42f0379c219678134ce60c",
        "d8a7fb0aa7f99deb9b812b64155018c4d8f6ede9a6ec68239b9fa881cd0509d1"),
}


def _sha(array):
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


@pytest.mark.parametrize("kwargs", list(NUCLEI_HASHES), ids=str)
def test_nuclei_default_output_unchanged(kwargs):
    image_hash, labels_hash = NUCLEI_HASHES[kwargs]
    kwargs = dict(kwargs)
    for extra in [{}, {"background_slope": 0.0, "channels": 1}]:
        image, labels = data.nuclei(**kwargs, **extra)
        assert (_sha(image), _sha(labels)) == (image_hash, labels_hash), extra
    # with a second channel, channel 0 and the labels are still the same
    image, labels = data.nuclei(**kwargs, channels=2)
    assert (_sha(image[..., 0]), _sha(labels)) == (image_hash, labels_hash)


def test_nuclei_second_channel():
    scene = data.nuclei((192, 160), n=20, seed=4, channels=2)
    image, labels = scene  # Scene still unpacks
    assert scene.image is image and scene.labels is labels
    assert image.shape == (192, 160, 2) and image.dtype == np.uint16
    assert labels.shape == (192, 160) and labels.dtype == np.int32
    np.testing.assert_array_equal(skimage.measure.label(labels > 0, connectivity=1) > 0, labels > 0)
    # the marker lies within the labels: outside them only the dark offset (5 counts) remains
    marker = image[..., 1].astype(float)
    assert abs(marker[labels == 0].mean() - 5.0) < 0.2
    props = skimage.measure.regionprops(labels, intensity_image=marker)
    means = np.array([p.intensity_mean for p in props]) - 5.0
    stain = np.array([p.intensity_mean for p in
                      skimage.measure.regionprops(labels, intensity_image=image[..., 0])])
    assert len(props) == 20 and means.min() > 0.5
    # a constant level per nucleus (Poisson noise only): the spread is that of the noise
    for p in props:
        assert p.image_intensity[p.image].std() < 4 * np.sqrt(p.intensity_mean) + 1
    # levels span orders of magnitude (log-normal) and do not follow channel 0
    assert np.log10(means.max() / means.min()) > 1.5
    assert abs(np.corrcoef(np.log(stain), np.log(means))[0, 1]) < 0.6
    # deterministic, and seeded
    np.testing.assert_array_equal(data.nuclei((192, 160), n=20, seed=4, channels=2).image, image)
    assert not np.array_equal(data.nuclei((192, 160), n=20, seed=5, channels=2).image[..., 1],
                              image[..., 1])


def _background_plane(image, labels):
    """Least-squares plane a + b*row + c*col through the pixels at least 3 px from any nucleus."""
    import scipy.ndimage as ndi

    far = ndi.distance_transform_edt(labels == 0) > 3
    rows, cols = np.nonzero(far)
    design = np.column_stack([np.ones(rows.size), rows, cols])
    coef, *_ = np.linalg.lstsq(design, image[far].astype(float), rcond=None)
    return coef


def test_nuclei_uneven_background():
    shape, photons = (200, 300), 400.0
    flat, labels = data.nuclei(shape, n=30, seed=2)
    uneven, labels_uneven = data.nuclei(shape, n=30, seed=2, background_slope=1.0)
    assert uneven.dtype == np.uint16 and uneven.shape == shape
    np.testing.assert_array_equal(labels_uneven, labels)  # the gradient does not move nuclei
    np.testing.assert_array_equal(data.nuclei(shape, n=30, seed=2, background_slope=1.0).image,
                                  uneven)
    a, b, c = _background_plane(flat, labels)
    assert abs(a - 100) < 3 and abs(b) < 0.02 and abs(c) < 0.02
    # the documented ramp: 0 at the top-left corner, slope * photons at the bottom-right one
    a, b, c = _background_plane(uneven, labels)
    expected = [100, photons / 2 / (shape[0] - 1), photons / 2 / (shape[1] - 1)]
    np.testing.assert_allclose([a, b, c], expected, rtol=0.05, atol=3)
    # uneven enough that a single global threshold (skimage's Otsu) misclassifies background
    mask = uneven > skimage.filters.threshold_otsu(uneven)
    assert np.count_nonzero(mask & (labels == 0)) > 0.05 * np.count_nonzero(labels == 0)


@pytest.mark.parametrize("kwargs, match", [({"channels": 3}, "`channels`"),
                                           ({"channels": 0}, "`channels`"),
                                           ({"background_slope": -1.0}, "`background_slope`"),
                                           ({"background_slope": np.nan}, "`background_slope`")])
def test_nuclei_bad_options(kwargs, match):
    with pytest.raises(ValueError, match=match):
        data.nuclei((64, 64), n=4, **kwargs)


def test_checkerboard():
    board = data.checkerboard((64, 96), square=16, low=0.2, high=0.8)
    assert board.shape == (64, 96) and board.dtype == np.float64
    assert board[0, 0] == 0.2 and board[0, 16] == 0.8 and board[16, 0] == 0.8 and board[16, 16] == 0.2
    assert np.unique(board).tolist() == [0.2, 0.8]
    with pytest.raises(ValueError, match="`square`"):
        data.checkerboard(square=0)


def test_particles():
    tracks = data.particles(n=40, n_frames=6, shape=(100, 200), step=1.5, seed=2)
    assert tracks.shape == (6, 40, 2)
    steps = np.diff(tracks, axis=0)
    assert 1.0 < steps.std() < 2.0
    np.testing.assert_array_equal(data.particles(n=40, n_frames=6, shape=(100, 200), step=1.5, seed=2),
                                  tracks)
