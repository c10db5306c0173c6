"""scratch.data: the bundled sample images and the synthetic scenes with ground truth.

Sample images must be exactly scikit-image's; synthetic scenes must be deterministic and
their ground truth consistent with what the reference tools find in them (e.g. the labels
are numbered as ``skimage.measure.label`` numbers the components).
"""

import numpy as np
import pytest
import skimage.data
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
