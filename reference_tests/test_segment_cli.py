"""``python -m scratch segment IMAGE`` (one image; many: test_segment_batch.py): outputs, agreement with the same pipeline in
scikit-image / SciPy, and one-line errors for bad input.

The input is a PNG (or TIFF) written from ``scratch.data.nuclei`` into ``tmp_path``; the
expected labels and region table come from scikit-image / SciPy run on the same file.
"""

import csv
import subprocess
import sys

import imageio.v3 as iio
import numpy as np
import pytest
import scipy.ndimage as ndi
import skimage.feature
import skimage.filters
import skimage.measure
import skimage.morphology
import skimage.segmentation
import tifffile
from numpy.testing import assert_allclose

from scratch._tour.cli import main
from scratch._tour.segment import PROPERTIES
from scratch.data import nuclei as draw_nuclei  # the synthetic scene is the input data


def reference_pipeline(image, threshold="otsu", min_distance=5):
    """The pipeline of scratch/_tour/segment.py, step by step, in scikit-image / SciPy."""
    smooth = skimage.filters.gaussian(image, 1, preserve_range=True)
    if threshold == "local":
        noise = 1.4826 * np.median(np.abs(smooth - np.median(smooth)))
        mask = smooth > skimage.filters.threshold_local(smooth, block_size=8 * min_distance + 1,
                                                        offset=-2 * noise)
    else:
        mask = smooth > getattr(skimage.filters, f"threshold_{threshold}")(smooth)
    small = max(int(np.pi * (min_distance / 2) ** 2), 1)
    mask = skimage.morphology.remove_small_objects(mask, max_size=small)
    mask = skimage.morphology.remove_small_holes(mask, max_size=small)
    distance = skimage.filters.gaussian(ndi.distance_transform_edt(mask), 1)
    peaks = skimage.feature.peak_local_max(distance, min_distance=min_distance,
                                           labels=skimage.measure.label(mask), exclude_border=False)
    markers = np.zeros(image.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    labels = skimage.segmentation.watershed(-distance, markers, mask=mask)
    return labels, skimage.measure.regionprops_table(labels, image, properties=PROPERTIES)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], np.array(rows[1:], dtype=float).reshape(len(rows) - 1, len(rows[0]))


def run_segment(tmp_path, name, *options):
    """Run the command in-process; return (labels, csv header, csv values)."""
    out = tmp_path / "out"
    assert main(["segment", str(tmp_path / name), "--out", str(out), *options]) == 0
    stem = name.rsplit(".", 1)[0]
    for suffix in ["labels.tif", "regions.csv", "overlay.png"]:
        assert (out / f"{stem}_{suffix}").is_file(), suffix
    overlay = iio.imread(out / f"{stem}_overlay.png")
    assert overlay.ndim == 3 and overlay.shape[0] > 100
    header, values = read_csv(out / f"{stem}_regions.csv")
    return tifffile.imread(out / f"{stem}_labels.tif"), header, values


def assert_matches_reference(labels, header, values, image, **options):
    ref_labels, ref_table = reference_pipeline(image, **options)
    assert labels.dtype == np.int32 and labels.shape == image.shape
    np.testing.assert_array_equal(labels, ref_labels)
    assert header == list(ref_table)
    for k, column in enumerate(header):
        assert_allclose(values[:, k], ref_table[column], rtol=1e-7, atol=1e-9, err_msg=column)


@pytest.fixture(scope="module")
def scene():
    return draw_nuclei((192, 192), n=20, seed=3)


@pytest.mark.parametrize("threshold,min_distance", [("otsu", 5), ("triangle", 5), ("isodata", 3),
                                                    ("local", 5), ("otsu", 9)])
def test_png_matches_skimage(tmp_path, scene, threshold, min_distance):
    iio.imwrite(tmp_path / "nuclei.png", scene.image)  # a 16-bit gray PNG
    image = iio.imread(tmp_path / "nuclei.png")
    np.testing.assert_array_equal(image, scene.image)
    labels, header, values = run_segment(tmp_path, "nuclei.png", "--threshold", threshold,
                                         "--min-distance", str(min_distance))
    assert_matches_reference(labels, header, values, image, threshold=threshold,
                             min_distance=min_distance)
    if threshold == "otsu" and min_distance == 5:  # a sane segmentation of the scene
        assert abs(int(labels.max()) - int(scene.labels.max())) <= 2


def test_rgb_channel_and_tiff(tmp_path, scene):
    rng = np.random.default_rng(0)
    stain = (scene.image // 4).clip(0, 255).astype(np.uint8)
    rgb = np.stack([rng.integers(0, 40, stain.shape, dtype=np.uint8), stain,
                    rng.integers(0, 40, stain.shape, dtype=np.uint8)], axis=-1)
    iio.imwrite(tmp_path / "rgb.png", rgb)
    labels, header, values = run_segment(tmp_path, "rgb.png", "--channel", "1")
    assert_matches_reference(labels, header, values, iio.imread(tmp_path / "rgb.png")[..., 1])
    # no --channel on RGB: the mean of the colours
    labels, header, values = run_segment(tmp_path, "rgb.png")
    assert_matches_reference(labels, header, values, rgb.astype(np.float64).mean(axis=-1))
    tifffile.imwrite(tmp_path / "nuclei.tif", scene.image)
    labels, header, values = run_segment(tmp_path, "nuclei.tif")
    assert_matches_reference(labels, header, values, scene.image)


def run_cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "scratch", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def test_command_line(tmp_path, scene):
    """The real command: exit status 0, a summary line, the three files."""
    iio.imwrite(tmp_path / "nuclei.png", scene.image)
    proc = run_cli("segment", "nuclei.png", "--out", "results", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "objects in nuclei.png" in proc.stdout
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == [
        "nuclei_labels.tif", "nuclei_overlay.png", "nuclei_regions.csv"]


def bad_inputs(tmp_path):
    (tmp_path / "notes.png").write_text("this is not an image\n")
    (tmp_path / "broken.tif").write_bytes(b"II*\x00garbage")
    # 4-D: not (rows, cols, channels), nor pages of it (a 3-D stack is many images: batch.py)
    tifffile.imwrite(tmp_path / "stack.tif", np.zeros((2, 5, 32, 32), np.uint16),
                     photometric="minisblack")
    iio.imwrite(tmp_path / "rgb.png", np.zeros((32, 32, 3), np.uint8))
    iio.imwrite(tmp_path / "gray.png", np.zeros((32, 32), np.uint8))
    iio.imwrite(tmp_path / "thin.png", np.full((2, 40), 7, np.uint8))
    return {
        "missing": (["missing.png"], "no such file"),
        "text": (["notes.png"], "cannot read"),
        "broken tiff": (["broken.tif"], "cannot read"),
        "4-D stack": (["stack.tif"], "shape (2, 5, 32, 32)"),
        "channel out of range": (["rgb.png", "--channel", "3"], "--channel 3 does not exist"),
        "channel of a gray image": (["gray.png", "--channel", "1"], "--channel 1 does not exist"),
        "too small": (["thin.png"], "too small"),
        "constant": (["gray.png"], "constant"),
    }


def test_bad_input_one_line_error(tmp_path):
    for case, (args, message) in bad_inputs(tmp_path).items():
        proc = run_cli("segment", *args, "--out", "out", cwd=tmp_path)
        assert proc.returncode == 1, (case, proc.returncode, proc.stderr)
        assert "Traceback" not in proc.stderr, case
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), (case, proc.stderr)
        assert message in lines[0], (case, lines[0])
        assert proc.stdout == "", case


def test_usage_errors_and_the_tour_still_parses(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:  # argparse: exit status 2
        main(["segment", "x.png", "--threshold", "li"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["segment"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["segment", "--help"])
    assert exit_info.value.code == 0
    assert "--min-distance" in capsys.readouterr().out
    assert main(["--list"]) == 0  # the tour's options are untouched
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "python -m scratch segment IMAGE" in capsys.readouterr().out
