"""``python -m scratch segment PATH...`` on many images (scratch/_tour/batch.py): the tables agree
with the same pipeline in scikit-image / SciPy; --jobs, a dask LocalCluster and a SIGTERM-killed
then resumed run give the serial run's bytes; bad files go to errors.csv; the gallery loads in
a real headless browser.
"""

import csv
import os
import shutil
import signal
import subprocess
import sys
import time

import imageio.v3 as iio
import numpy as np
import pytest
import tifffile
from numpy.testing import assert_allclose

from scratch._tour.cli import main
from scratch.data import nuclei as draw_nuclei  # the synthetic scene is the input data

from test_segment_cli import reference_pipeline  # noqa: E402  (the skimage / SciPy pipeline)

SHAPE = (80, 80)
OUTPUTS = ("objects.csv", "summary.csv", "errors.csv", "index.html")


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def write_inputs(folder):
    """4 PNGs, a 2-page TIFF stack, a JPEG; returns {image name: pixels as the reader sees them}."""
    folder.mkdir()
    images = {}
    for i in range(4):
        iio.imwrite(folder / f"field{i}.png", draw_nuclei(SHAPE, n=5, seed=i).image)
        images[str(folder / f"field{i}.png")] = iio.imread(folder / f"field{i}.png")
    stack = np.stack([draw_nuclei(SHAPE, n=5, seed=10 + k).image for k in range(2)])
    tifffile.imwrite(folder / "stack.tif", stack)
    for k in range(2):
        images[f"{folder / 'stack.tif'}[{k}]"] = stack[k]
    rgb = (draw_nuclei(SHAPE, n=5, seed=20).image // 4).clip(0, 255).astype(np.uint8)
    iio.imwrite(folder / "photo.jpg", rgb)
    images[str(folder / "photo.jpg")] = iio.imread(folder / "photo.jpg")
    return images


def run_cli(*args, cwd, **kwargs):
    return subprocess.run([sys.executable, "-m", "scratch", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300, **kwargs)


def same_outputs(a, b):
    """Every output file of run ``a`` has the same bytes in run ``b``, and no other file."""
    names = sorted(p.name for p in a.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in b.iterdir() if not p.name.startswith("."))
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    """The serial run (--jobs 1) over a folder: the yardstick of every execution mode."""
    root = tmp_path_factory.mktemp("batch")
    images = write_inputs(root / "fields")
    out = root / "serial"
    assert main(["segment", str(root / "fields"), "--out", str(out), "--jobs", "1"]) == 0
    return root, images, out


def test_tables_match_skimage(serial):
    root, images, out = serial
    summary = read_rows(out / "summary.csv")
    assert [row["image"] for row in summary] == sorted(images)  # the folder's files, sorted
    objects = read_rows(out / "objects.csv")
    assert read_rows(out / "errors.csv") == []
    for row in summary:
        image = images[row["image"]]
        ref_labels, ref_table = reference_pipeline(image)
        labels = tifffile.imread(out / row["labels"])
        assert labels.dtype == np.int32
        np.testing.assert_array_equal(labels, ref_labels)
        assert iio.imread(out / row["overlay"]).ndim == 3
        assert int(row["objects"]) == int(ref_labels.max()) > 0
        assert_allclose(float(row["mean_area"]), np.mean(ref_table["area"]), rtol=1e-12)
        import skimage.filters

        smooth = skimage.filters.gaussian(image, 1, preserve_range=True)
        assert_allclose(float(row["threshold"]), skimage.filters.threshold_otsu(smooth), rtol=1e-7)
        mine = [r for r in objects if r["image"] == row["image"]]
        assert list(mine[0])[:2] == ["image", "label"]
        for column, ref in ref_table.items():
            assert_allclose([float(r[column]) for r in mine], ref, rtol=1e-7, atol=1e-9,
                            err_msg=column)
    pyarrow = pytest.importorskip("pyarrow.parquet")
    table = pyarrow.read_table(out / "objects.parquet").to_pydict()
    assert table["image"] == [r["image"] for r in objects]
    assert_allclose(table["area"], [float(r["area"]) for r in objects], rtol=0)


def test_errors_are_reported_and_the_rest_is_processed(serial, tmp_path):
    root, images, _ = serial
    (tmp_path / "notes.png").write_text("this is not an image\n")
    (tmp_path / "empty.tif").write_bytes(b"")
    tifffile.imwrite(tmp_path / "wrong.tif", np.zeros((2, 3, 32, 32), np.uint16), photometric="minisblack")
    iio.imwrite(tmp_path / "flat.png", np.zeros((32, 32), np.uint8))
    shutil.copy(root / "fields" / "field0.png", tmp_path / "good.png")
    proc = run_cli("segment", "*.png", "*.tif", "missing*.jpg", "--out", "out", "--jobs", "1",
                   cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("1 images segmented") and "5 failed" in lines[0]
    reasons = {row["path"]: row["reason"] for row in read_rows(tmp_path / "out" / "errors.csv")}
    assert sorted(reasons) == sorted(["notes.png", "empty.tif", "wrong.tif", "flat.png",
                                      "missing*.jpg"])
    assert "cannot read" in reasons["notes.png"] and "cannot read" in reasons["empty.tif"]
    assert "shape (2, 3, 32, 32)" in reasons["wrong.tif"]
    assert "constant" in reasons["flat.png"]
    assert "no file matches" in reasons["missing*.jpg"]
    summary = read_rows(tmp_path / "out" / "summary.csv")
    assert [row["image"] for row in summary] == ["good.png"]
    assert (tmp_path / "out" / "good_labels.tif").is_file()


def test_earlier_outputs_in_the_input_folder_are_not_segmented_again(tmp_path):
    fields = tmp_path / "fields"
    fields.mkdir()
    for i in range(2):
        iio.imwrite(fields / f"field{i}.png", draw_nuclei(SHAPE, n=5, seed=i).image)
    inputs = [str(fields / "field0.png"), str(fields / "field1.png")]
    # an earlier batch run and an earlier one-image run, both written inside the input folder
    assert main(["segment", str(fields), "--out", str(fields / "run1"), "--jobs", "1"]) == 0
    assert main(["segment", str(fields / "field0.png"), "--out", str(fields / "one")]) == 0
    assert (fields / "run1" / "field0_labels.tif").is_file()
    assert (fields / "one" / "field0_overlay.png").is_file()
    # ... and a batch run in which every file failed (no .done records, but its tables)
    failed = fields / "failed"
    failed.mkdir()
    for name in ("summary.csv", "index.html", "errors.csv", "objects.csv"):
        (failed / name).write_text("")
    iio.imwrite(failed / "left_overlay.png", np.zeros((8, 8, 3), np.uint8))
    for k, paths in enumerate([[str(fields)], [str(fields / "**" / "*.png"),
                                               str(fields / "**" / "*.tif")]]):
        out = tmp_path / f"again{k}"
        assert main(["segment", *paths, "--out", str(out), "--jobs", "1"]) == 0, paths
        assert [row["image"] for row in read_rows(out / "summary.csv")] == inputs, paths
        assert read_rows(out / "errors.csv") == []
        assert sorted(p.name for p in out.glob("*_labels.tif")) == ["field0_labels.tif",
                                                                     "field1_labels.tif"]


def test_jobs_gives_the_serial_bytes(serial):
    root, _, out = serial
    assert main(["segment", str(root / "fields"), "--out", str(root / "jobs2"), "--jobs", "2"]) == 0
    same_outputs(out, root / "jobs2")


def test_sigterm_then_resume_completes_the_run(serial):
    root, _, out = serial
    resumed = root / "killed"
    args = ["segment", str(root / "fields"), "--out", str(resumed), "--jobs", "2"]
    proc = subprocess.Popen([sys.executable, "-m", "scratch", *args], start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if (resumed / ".done").is_dir() and any((resumed / ".done").glob("*.json")):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode != 0
    assert "interrupted (SIGTERM)" in stderr and "--resume" in stderr
    assert not [p for p in resumed.rglob("*") if p.name.endswith(".part")]
    done = sorted(p.stem for p in (resumed / ".done").glob("*.json"))
    assert 1 <= len(done) < 6, done  # 6 files in all
    for path in resumed.iterdir():  # whatever is there is whole
        if path.suffix == ".tif":
            tifffile.imread(path)
        elif path.suffix == ".png":
            iio.imread(path)
    proc = run_cli(*args[:-1], "1", "--resume", cwd=root)  # --jobs does not change the results
    assert proc.returncode == 0, proc.stderr
    assert f"{len(done)} files already done" in proc.stdout
    same_outputs(out, resumed)
    proc = run_cli(*args, "--resume", cwd=root)  # nothing left to do
    assert proc.returncode == 0 and "6 files already done" in proc.stdout
    same_outputs(out, resumed)


def test_dask_local_cluster_gives_the_serial_bytes(serial):
    distributed = pytest.importorskip("distributed")
    root, _, out = serial
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  memory_limit="1GiB", dashboard_address=None) as cluster:
        status = main(["segment", str(root / "fields"), "--out", str(root / "dask"),
                       "--dask", cluster.scheduler_address])
    assert status == 0
    same_outputs(out, root / "dask")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def test_gallery_loads_in_a_headless_browser(serial, tmp_path):
    root, images, out = serial
    browser = chromium()
    if browser is None:
        pytest.skip("no chromium / google-chrome on PATH (.ci/run installs it with apt-get)")
    proc = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--allow-file-access-from-files", f"--user-data-dir={tmp_path}",
                           "--virtual-time-budget=10000", "--dump-dom",
                           (out / "index.html").as_uri()],
                          capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"{len(images)} of {len(images)} overlays loaded" in dom, dom[-2000:]
    assert dom.count('data-loaded="yes"') == len(images)
    assert 'data-loaded="no"' not in dom
