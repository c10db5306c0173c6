"""One image in chunks (scratch/_tour/chunked.py): the chunked run gives what scikit-image gives
on the whole image in memory — the threshold, the cleaned mask's labels (numbering included)
and their area, centroid and bbox — whatever the chunking, on dask's threads and on a
2-worker LocalCluster, and through the CLI from a zarr array and from TIFFs.
"""

import csv

import numpy as np
import pytest
import skimage.filters
import skimage.measure
import skimage.morphology
import tifffile
from numpy.testing import assert_allclose, assert_array_equal

da = pytest.importorskip("dask.array")

from scratch._tour import chunked  # noqa: E402
from scratch._tour.cli import main  # noqa: E402
from scratch.data import nuclei  # noqa: E402  (the synthetic scene is the input data)

PROPERTIES = ("label", "area", "centroid", "bbox")


def reference(image, threshold="otsu", min_distance=5):
    """segment.py's steps up to its labelling of the cleaned mask, in scikit-image."""
    smooth = skimage.filters.gaussian(image, 1, preserve_range=True)
    used = getattr(skimage.filters, f"threshold_{threshold}")(smooth)
    small = max(int(np.pi * (min_distance / 2) ** 2), 1)
    mask = skimage.morphology.remove_small_objects(smooth > used, max_size=small)
    mask = skimage.morphology.remove_small_holes(mask, max_size=small)
    labels = skimage.measure.label(mask)
    return labels, skimage.measure.regionprops_table(labels, properties=PROPERTIES), used


def crossing(labels, chunks):
    """How many labels have pixels in more than one chunk."""
    rows, cols = np.indices(labels.shape)
    block = (rows // chunks[0]) * 1000 + cols // chunks[1]
    owners = {}
    for lab, b in zip(labels.ravel(), block.ravel()):
        if lab:
            owners.setdefault(lab, set()).add(b)
    return sum(len(v) > 1 for v in owners.values())


def check(labels, table, used, image, threshold="otsu"):
    ref_labels, ref_table, ref_used = reference(image, threshold)
    assert used == ref_used
    assert labels.dtype == np.int32
    assert_array_equal(labels, ref_labels)
    assert sorted(table) == sorted(ref_table)
    for name, ref in ref_table.items():
        assert_allclose(table[name], ref, rtol=1e-12, atol=0, err_msg=name)


@pytest.fixture(scope="module")
def image():
    return nuclei((200, 230), n=45, seed=7).image  # uint16, nuclei touching chunk borders


@pytest.mark.parametrize("threshold, chunks", [("otsu", (64, 64)), ("triangle", (37, 50)),
                                               ("isodata", (200, 41))])
def test_chunked_equals_skimage_in_memory(image, tmp_path, threshold, chunks):
    labels, table, used = chunked.segment_chunked(da.from_array(image, chunks=chunks),
                                                  threshold, 5, str(tmp_path))
    labels = labels.compute()
    check(labels, table, used, image, threshold)
    assert crossing(labels, chunks) >= 5  # the merge across chunk borders was needed


@pytest.mark.parametrize("connectivity", [1, 2])
def test_label_across_chunks_equals_skimage(tmp_path, connectivity):
    """Random masks in small chunks: U-shapes, diagonal-only contacts across chunk corners,
    components over many chunks."""
    rng = np.random.default_rng(connectivity)
    for k, (density, chunks) in enumerate([(0.45, (7, 9)), (0.6, (5, 5)), (0.3, (13, 4))]):
        mask = rng.random((61, 47)) < density
        result = chunked.label(da.from_array(mask, chunks=chunks), connectivity, str(tmp_path),
                               f"mask{k}")
        ref = skimage.measure.label(mask, connectivity=connectivity)
        assert_array_equal(result.labels.compute(), ref)
        assert result.n == ref.max()
        ref_table = skimage.measure.regionprops_table(ref, properties=PROPERTIES)
        for name, values in ref_table.items():
            assert_allclose(result.table[name], values, rtol=1e-12, atol=0, err_msg=name)


def test_local_cluster_gives_the_same(image, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            labels, table, used = chunked.segment_chunked(da.from_array(image, chunks=(64, 80)),
                                                          "otsu", 5, str(tmp_path))
            labels = labels.compute()
    check(labels, table, used, image)


def read_regions(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    return {name: np.array([float(r[name]) for r in rows]) for name in rows[0]}


def run_and_check(path, image, out, *args):
    assert main(["segment", str(path), "--out", str(out), *args]) == 0
    stem = path.stem
    labels = tifffile.imread(out / f"{stem}_labels.tif")
    table = read_regions(out / f"{stem}_regions.csv")
    ref_labels, ref_table, _ = reference(image)
    assert labels.dtype == np.int32
    assert_array_equal(labels, ref_labels)
    for name, ref in ref_table.items():
        assert_allclose(table[name], ref, rtol=1e-12, err_msg=name)
    assert not [p for p in out.iterdir() if p.name.startswith(".chunked-")]  # cleaned up


def test_cli_zarr_is_chunked_automatically(image, tmp_path, capsys):
    zarr = pytest.importorskip("zarr")
    store = tmp_path / "big.zarr"
    z = zarr.open(str(store), mode="w", shape=image.shape, chunks=(50, 50), dtype=image.dtype)
    z[:] = image
    run_and_check(store, image, tmp_path / "out", "--chunks", "64")
    assert "in chunks of 64" in capsys.readouterr().out
    run_and_check(store, image, tmp_path / "auto")  # a zarr: chunks without --chunks


def test_cli_tiff_in_chunks(image, tmp_path):
    tifffile.imwrite(tmp_path / "plain.tif", image)  # uncompressed: memory-mapped
    run_and_check(tmp_path / "plain.tif", image, tmp_path / "out1", "--chunks", "70")
    pytest.importorskip("zarr")
    tifffile.imwrite(tmp_path / "tiled.tif", image, tile=(64, 64), compression="zlib")
    run_and_check(tmp_path / "tiled.tif", image, tmp_path / "out2", "--chunks", "90")


def test_cli_chunks_refuses_the_local_threshold(image, tmp_path, capsys):
    tifffile.imwrite(tmp_path / "plain.tif", image)
    assert main(["segment", str(tmp_path / "plain.tif"), "--chunks", "64", "--threshold",
                 "local", "--out", str(tmp_path / "out")]) == 1
    assert "not available in chunks" in capsys.readouterr().err


def test_cli_chunks_takes_one_image(tmp_path, capsys):
    (tmp_path / "fields").mkdir()
    assert main(["segment", str(tmp_path / "fields"), "--chunks", "64",
                 "--out", str(tmp_path / "out")]) == 1
    assert "--chunks segments one image" in capsys.readouterr().err


def test_cli_on_a_local_cluster_of_processes(image, tmp_path):
    """Worker processes write the chunk files and the labels TIFF by name (shared disk)."""
    pytest.importorskip("distributed")
    tifffile.imwrite(tmp_path / "plain.tif", image)
    run_and_check(tmp_path / "plain.tif", image, tmp_path / "out", "--chunks", "80",
                  "--dask", "local", "--jobs", "2")


def test_float32_image_in_chunks(image, tmp_path):
    """A float32 image is smoothed and binned in float32, as in memory."""
    values = (image / image.max()).astype(np.float32)
    labels, table, used = chunked.segment_chunked(da.from_array(values, chunks=(70, 90)),
                                                  "otsu", 5, str(tmp_path))
    check(labels.compute(), table, used, values)
