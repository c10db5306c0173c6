"""``python -m scratch segment BIG.zarr`` (or ``BIG.tif --chunks 1024``): one image bigger than
memory, segmented in chunks with ``dask.array``.

The in-memory pipeline (segment.py) needs the whole image at once. Here the image is a grid of
chunks (dask blocks) and every step touches one chunk, plus a thin margin, at a time. The
steps, and why each gives the same answer as the in-memory run:

1. **smooth** with scratch's gaussian (``sigma=1``) by ``map_overlap``: each chunk is padded
   with ``RADIUS = 4`` pixels of its neighbours (the kernel's radius, ``int(truncate * sigma +
   0.5)`` with ``truncate=4``), filtered, and the margin cut off again. A pixel's value only
   depends on the pixels within the radius, and those are all there, so every pixel gets the
   bits it gets in memory. At the image's outer edge there is no margin (``boundary='none'``)
   and the kernel's own ``nearest`` mode applies, as in memory.
2. **threshold** (Otsu, triangle or ISODATA) of the whole image from its histogram: one pass
   finds the global minimum and maximum (they fix the 256 bin edges), a second counts every
   chunk into those bins with scratch's histogram engine (scratch.exposure), and the counts
   are added up. A pixel falls into the same bin whichever chunk counts it, so the summed
   counts are the in-memory histogram and the threshold (computed from them by scratch's
   thresholds) is the in-memory one, exactly. ``--threshold local`` is not offered here.
3. **clean the mask** as in memory: objects of at most ``small`` pixels are dropped (a
   labelling of the mask, 4-connected) and holes of at most ``small`` pixels are filled (a
   labelling of the background, 4-connected); each needs the size of whole components, which
   step 4 gives.
4. **connected components across chunks**, the method of dask-image's ``label``:

   a. label every chunk on its own with scratch's label (numbers ``1..n_b`` in chunk ``b``);
   b. make the numbers unique: chunk ``b`` adds ``offset_b = n_0 + ... + n_(b-1)``;
   c. find the equivalences on the chunk faces: for every border between two rows (columns)
      of chunks, the two lines of pixels on either side; a pixel and its neighbour across
      the border (straight across, and diagonally too for 8-connectivity) with two different
      labels are the same component;
   d. merge them with scratch's union-find (scratch/ndimage/_unionfind.py, the engine of
      ``label`` itself) and resolve it: one component number per set;
   e. renumber the components in the raster order of their first pixel (each chunk reports
      the first pixel of each of its labels), as scikit-image numbers them, so the labels
      equal the in-memory labels exactly, numbering included;
   f. relabel every chunk through the lookup table ``provisional label -> final label``.

   Each chunk also reports, per label, its area, the sums of its rows and columns and its
   bounding box; added up per component they give the region table (area, centroid, bbox).
   Every labelling pass writes its chunks into a memory-mapped file in a temporary folder
   under ``--out`` (a *checkpoint*), so nothing is held in memory but a few chunks, the two
   lines of a chunk border and arrays of one entry per label. (The smoothing is not stored:
   the three passes that read it, min/max, histogram and mask, recompute it from the input.)
5. **write** the labels (int32) chunk by chunk into a memory-mapped TIFF,
   ``<stem>_labels.tif``, and the region table ``<stem>_regions.csv``.

Where this stops: the in-memory pipeline goes on to split touching nuclei (distance
transform, peaks, watershed). A watershed floods from the seeds in one global priority order,
and a flood may cross any number of chunks, so it does not split into independent chunks;
neither do the exact distance transform and ``peak_local_max`` without margins as wide as a
nucleus. The chunked run stops after step 4: its labels are the connected components of the
cleaned mask, so touching nuclei stay one object (the in-memory run's labels before its
watershed). There is no overlay image either (it would be as big as the image).

Runs on dask's threads by default, or on a dask.distributed cluster (``--dask local`` or
``--dask ADDRESS``; the checkpoints live on disk, so the workers must share it).
"""

import contextlib
import os
import shutil
import sys
import tempfile

import numpy as np

from .._jit import jit
from ..ndimage._unionfind import resolve, union
from .segment import SegmentError, _one_channel, _write_csv

__all__ = ["RADIUS", "DEFAULT_CHUNKS", "BIG_TIFF_PIXELS", "wants_chunks", "read_lazy",
           "smooth", "threshold", "label", "segment_chunked", "main"]

RADIUS = 4  # the gaussian's radius: int(truncate * sigma + 0.5), truncate = 4, sigma = 1
DEFAULT_CHUNKS = 1024
BIG_TIFF_PIXELS = 2 ** 27  # a 2-D TIFF above this (a 1 GiB float64 copy) goes in chunks
METHODS = ("otsu", "triangle", "isodata")


def _dask():
    try:
        import dask
        import dask.array
    except ImportError:
        raise SegmentError("segmenting in chunks needs dask: pip install 'scratch[dask]'") from None
    return dask


# --- input -------------------------------------------------------------------------------------

def is_zarr(path):
    return os.path.isdir(path) and (path.rstrip("/\\").endswith(".zarr") or any(
        os.path.exists(os.path.join(path, name)) for name in ("zarr.json", ".zarray", ".zgroup")))


def _tiff_pixels(path):
    import logging

    import tifffile

    tiff_log = logging.getLogger("tifffile")  # it logs damaged files: segment.py reports them
    level = tiff_log.level
    try:
        tiff_log.setLevel(logging.CRITICAL + 1)
        with tifffile.TiffFile(path) as tif:
            series = tif.series[0]
            shape, axes = series.shape, series.axes
    except Exception:  # noqa: BLE001 - not a TIFF we can read: the other code paths report it
        return 0
    finally:
        tiff_log.setLevel(level)
    if len(shape) == 2 or (len(shape) == 3 and axes[-1] == "S"):
        return int(np.prod(shape[:2]))
    return 0  # a stack: page by page, in memory


def wants_chunks(options):
    """One PATH that is a zarr array, a 2-D TIFF above :data:`BIG_TIFF_PIXELS`, or any image
    with ``--chunks``."""
    if getattr(options, "chunks", None) is not None:
        return True  # main() says so if that is not one image
    if len(options.paths) != 1:
        return False
    path = options.paths[0]
    if is_zarr(path):
        return True
    return path.lower().endswith((".tif", ".tiff")) and os.path.isfile(path) \
        and _tiff_pixels(path) > BIG_TIFF_PIXELS


def _open_zarr(path):
    try:
        import zarr
    except ImportError:
        raise SegmentError(f"{path}: reading zarr needs zarr: pip install 'scratch[dask]'") from None
    node = zarr.open(path, mode="r")
    if not hasattr(node, "shape"):  # a group: its first array (OME-Zarr: "0", full resolution)
        names = sorted(name for name, _ in node.arrays())
        if not names:
            raise SegmentError(f"{path}: a zarr group without arrays")
        node = node["0" if "0" in names else names[0]]
    return node


def read_lazy(path, channel=None, chunks=DEFAULT_CHUNKS):
    """The image at ``path`` as a 2-D dask array in ``chunks x chunks`` blocks, read lazily:
    a zarr array, or a TIFF (memory-mapped when uncompressed, else through tifffile's zarr
    view of its tiles or strips). Other formats are read whole."""
    import dask.array as da

    if not os.path.exists(path):
        raise SegmentError(f"{path}: no such file")
    try:
        if is_zarr(path):
            array = _open_zarr(path)
        elif path.lower().endswith((".tif", ".tiff")):
            import tifffile

            try:
                array = tifffile.memmap(path, mode="r")
            except ValueError:  # compressed or tiled: read it chunk by chunk through zarr
                array = _open_zarr(tifffile.imread(path, aszarr=True))
        else:
            from .segment import read_image

            array = read_image(path, channel)
    except SegmentError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure is the user's file
        raise SegmentError(f"{path}: cannot read it ({type(exc).__name__}: {exc})") from None
    if np.dtype(array.dtype).kind not in "buif":
        raise SegmentError(f"{path}: unsupported pixel type {array.dtype}")
    image = da.from_array(array, chunks=(chunks, chunks) + (-1,) * (array.ndim - 2),
                          asarray=True, lock=False, inline_array=True)
    return _one_channel(image, channel, path).rechunk((chunks, chunks))


# --- checkpoints: a dask array's chunks in a memory-mapped file --------------------------------

class Checkpoint:
    """A ``.npy`` file on disk, written and read chunk by chunk (by any thread or process
    that sees the folder). Pickles as its name, shape and dtype only."""

    def __init__(self, path, shape, dtype):
        self.path, self.shape, self.dtype = path, tuple(shape), np.dtype(dtype)
        np.lib.format.open_memmap(path, mode="w+", dtype=self.dtype, shape=self.shape).flush()

    def _open(self, mode):
        return np.load(self.path, mmap_mode=mode)

    def write(self, where, block):
        array = self._open("r+")
        array[where] = block
        array.flush()

    def read(self, where):
        return np.array(self._open("r")[where])

    def dask(self, chunks):
        import dask.array as da

        def block(block_info=None):
            return self.read(tuple(slice(a, b) for a, b in block_info[None]["array-location"]))

        return da.map_blocks(block, chunks=chunks, dtype=self.dtype, meta=np.empty((0, 0), self.dtype))


def _block_slices(chunks):
    """``[(block index, slices)]`` of every block of a 2-D dask array, in C order."""
    starts = [np.concatenate([[0], np.cumsum(c)]) for c in chunks]
    return [((i, j), (slice(starts[0][i], starts[0][i + 1]), slice(starts[1][j], starts[1][j + 1])))
            for i in range(len(chunks[0])) for j in range(len(chunks[1]))]


# --- 1. smooth ---------------------------------------------------------------------------------

def _gaussian(block):
    import scratch.filters

    return scratch.filters.gaussian(block, 1, preserve_range=True)


def smooth(image):
    """scratch's ``gaussian(image, 1, preserve_range=True)``, chunk by chunk (``map_overlap``,
    margin :data:`RADIUS`)."""
    dtype = _gaussian(np.zeros((3, 3), image.dtype)).dtype
    return image.map_overlap(_gaussian, depth=RADIUS, boundary="none", dtype=dtype,
                             meta=np.empty((0, 0), dtype))


# --- 2. threshold ------------------------------------------------------------------------------

def _counts(block, bins):
    from ..exposure._histogram import _histogram_flat

    return _histogram_flat(np.asarray(block), len(bins[0]) - 1, "image", bins=bins)[0]


def threshold(smoothed, method="otsu", nbins=256):
    """The ``method`` threshold of the whole (float) image, from the histogram counted chunk by
    chunk into the bins of the global range and summed."""
    from ..exposure._histogram import _float_edges
    from ..filters import _thresholds

    dask = _dask()
    if method not in METHODS:
        raise SegmentError(f"--threshold {method} is not available in chunks "
                           f"(choose {', '.join(METHODS)})")
    lo, hi = dask.compute(smoothed.min(), smoothed.max())
    if lo == hi:
        raise SegmentError("the image is constant: nothing to segment")
    probe = np.array([lo], smoothed.dtype)
    bins = _float_edges(probe, probe, nbins, "image",
                        minmax=(probe.dtype.type(lo), probe.dtype.type(hi), bool(np.isnan(lo))))
    parts = [dask.delayed(_counts)(b, bins) for b in smoothed.to_delayed().ravel()]
    counts = np.sum(dask.compute(*parts), axis=0)
    edges = bins[0]
    centers = (edges[:-1] + edges[1:]) / 2.0
    if method == "otsu":
        return float(_thresholds.threshold_otsu(hist=(counts, centers)))
    if method == "isodata":
        return float(_thresholds.threshold_isodata(hist=(counts, centers)))
    return float(_thresholds._triangle_of_histogram(counts, centers))


# --- 4. connected components across chunks -----------------------------------------------------

STATS = ("first", "area", "sum_row", "sum_col", "min_row", "min_col", "max_row", "max_col")


@jit
def _region_stats(labels, n, row0, col0, width):
    """Per label ``1..n`` of one chunk (starting at ``row0, col0`` of an image ``width``
    wide): the flat index of its first pixel in the image's raster order, its area, the sums
    of its rows and columns, its bounding box. Rows of ``STATS``; column 0 unused."""
    big = np.iinfo(np.int64).max
    stats = np.zeros((8, n + 1), np.int64)
    stats[0, :] = big
    stats[4, :] = big
    stats[5, :] = big
    stats[6, :] = -1
    stats[7, :] = -1
    for r in range(labels.shape[0]):
        for c in range(labels.shape[1]):
            lab = labels[r, c]
            if lab == 0:
                continue
            row, col = row0 + r, col0 + c
            if stats[0, lab] == big:  # the chunk is scanned in the image's raster order
                stats[0, lab] = row * width + col
            stats[1, lab] += 1
            stats[2, lab] += row
            stats[3, lab] += col
            stats[4, lab] = min(stats[4, lab], row)
            stats[5, lab] = min(stats[5, lab], col)
            stats[6, lab] = max(stats[6, lab], row)
            stats[7, lab] = max(stats[7, lab], col)
    return stats


def _label_block(block, where, connectivity, checkpoint, width):
    """Step a of the docstring on one chunk: label it, store it, report its labels' stats."""
    from ..measure import label as label_

    labels, n = label_(np.asarray(block, bool), return_num=True, connectivity=connectivity)
    checkpoint.write(where, labels.astype(np.int32, copy=False))
    return _region_stats(labels, n, where[0].start, where[1].start, width)


@jit
def _face_pairs(a, b, diagonal):
    """Labels ``(a[j], b[k])`` of neighbours across a chunk border (``a``, ``b``: the lines of
    global labels on either side; ``k = j``, and ``j +- 1`` when ``diagonal``) that differ."""
    n = a.shape[0]
    pairs = np.empty((3 * n, 2), np.int64)
    count = 0
    reach = 1 if diagonal else 0
    for j in range(n):
        if a[j] == 0:
            continue
        for k in range(max(j - reach, 0), min(j + reach + 1, n)):
            if b[k] != 0 and b[k] != a[j]:
                pairs[count, 0] = a[j]
                pairs[count, 1] = b[k]
                count += 1
    return pairs[:count]


@jit
def _union_pairs(parent, pairs):
    for i in range(pairs.shape[0]):
        union(parent, pairs[i, 0], pairs[i, 1])


def _global_line(checkpoint, offsets, starts, axis, line, block):
    """Line ``line`` (a row if ``axis == 0``, else a column) of the global provisional labels,
    all of it, from the chunks of block row/column ``block``."""
    where = (slice(line, line + 1), slice(None)) if axis == 0 else (slice(None), slice(line, line + 1))
    local = checkpoint.read(where).reshape(-1).astype(np.int64)
    for k in range(len(starts) - 1):  # the chunks along the line, each with its offset
        part = local[starts[k]:starts[k + 1]]
        offset = offsets[block, k] if axis == 0 else offsets[k, block]
        part[part > 0] += offset
    return local


class Components:
    """The result of :func:`label`: ``labels`` (a lazy int32 dask array), ``n``, and the
    region table ``table`` (area, centroid, bbox; one entry per label ``1..n``)."""

    def __init__(self, labels, n, table):
        self.labels, self.n, self.table = labels, n, table


def label(mask, connectivity, workdir, name="labels"):
    """Connected components of a 2-D bool dask array, numbered as scratch.measure.label
    (``connectivity`` 1 or 2) numbers them in memory: steps a-f of the module docstring.
    Each call computes ``mask`` once, storing its chunk labels in ``workdir``."""
    dask = _dask()
    height, width = mask.shape
    checkpoint = Checkpoint(os.path.join(workdir, f"{name}.npy"), mask.shape, np.int32)
    blocks = _block_slices(mask.chunks)
    pieces = mask.to_delayed()
    # a. every chunk on its own (stored, and its labels' stats reported)
    stats = dask.compute(*[dask.delayed(_label_block)(pieces[ij], where, connectivity,
                                                      checkpoint, width)
                           for ij, where in blocks])
    # b. offsets: chunk b's labels become offset_b + 1 .. offset_b + n_b
    counts = np.array([s.shape[1] - 1 for s in stats], np.int64)
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]]).reshape(
        len(mask.chunks[0]), len(mask.chunks[1]))
    total = int(counts.sum())
    # c., d. equivalences on the chunk faces, merged by union-find
    parent = np.arange(total + 1, dtype=np.int64)
    row_starts, col_starts = (np.concatenate([[0], np.cumsum(c)]) for c in mask.chunks)
    for axis, starts, across in ((0, row_starts, col_starts), (1, col_starts, row_starts)):
        for block in range(1, len(starts) - 1):
            line = int(starts[block])
            before = _global_line(checkpoint, offsets, across, axis, line - 1, block - 1)
            after = _global_line(checkpoint, offsets, across, axis, line, block)
            _union_pairs(parent, _face_pairs(before, after, connectivity == 2))
    final, n = resolve(parent, total)  # provisional label -> set number 1..n
    # e. number the sets in the raster order of their first pixels
    provisional = np.concatenate([s[:, 1:] for s in stats], axis=1)  # STATS x total
    sets = final[1:] - 1
    first = np.full(n, np.iinfo(np.int64).max, np.int64)
    np.minimum.at(first, sets, provisional[0])
    rank = np.empty(n, np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(1, n + 1)
    lut = np.zeros(total + 1, np.int32)
    lut[1:] = rank[sets]
    table = _combine(provisional, lut[1:] - 1, n)
    # f. the final labels, chunk by chunk, lazily

    def relabel(local, block_id=None):
        provisional = np.where(local > 0, local.astype(np.int64) + offsets[block_id], 0)
        return lut[provisional]

    labels = checkpoint.dask(mask.chunks).map_blocks(relabel, dtype=np.int32)
    return Components(labels, n, table)


def _combine(provisional, index, n):
    """The region table of the components from their pieces' stats (``index``: the component
    0..n-1 of each piece)."""
    sums = {}
    for k, name in enumerate(STATS[1:4], start=1):
        sums[name] = np.zeros(n, np.int64)
        np.add.at(sums[name], index, provisional[k])
    box = {}
    for k, (name, reduce, start) in enumerate(
            (("min_row", np.minimum, np.iinfo(np.int64).max), ("min_col", np.minimum, np.iinfo(np.int64).max),
             ("max_row", np.maximum, -1), ("max_col", np.maximum, -1)), start=4):
        box[name] = np.full(n, start, np.int64)
        reduce.at(box[name], index, provisional[k])
    area = sums["area"]
    return {"label": np.arange(1, n + 1), "area": area.astype(np.float64),
            "centroid-0": sums["sum_row"] / area, "centroid-1": sums["sum_col"] / area,
            "bbox-0": box["min_row"], "bbox-1": box["min_col"],
            "bbox-2": box["max_row"] + 1, "bbox-3": box["max_col"] + 1}


# --- the pipeline ------------------------------------------------------------------------------

def segment_chunked(image, threshold_method="otsu", min_distance=5, workdir=None):
    """Steps 1-4 of the module docstring on a 2-D dask array.

    Returns ``(labels, table, threshold)``: the labels (a lazy int32 dask array reading the
    checkpoints in ``workdir``: compute or store it before the folder goes), the region table
    (label, area, centroid, bbox) and the threshold used.
    """
    if min_distance < 1:
        raise SegmentError(f"--min-distance must be >= 1, got {min_distance}")
    smoothed = smooth(image)
    used = threshold(smoothed, threshold_method)
    mask = smoothed > used
    small = max(int(np.pi * (min_distance / 2) ** 2), 1)  # as segment.py
    objects = label(mask, 1, workdir, "objects")  # remove_small_objects(mask, max_size=small)
    keep = np.concatenate([[False], objects.table["area"] > small])
    mask = objects.labels.map_blocks(lambda b: keep[b], dtype=bool)
    holes = label(~mask, 1, workdir, "holes")  # remove_small_holes(mask, max_size=small)
    fill = np.concatenate([[False], holes.table["area"] <= small])
    mask = mask | holes.labels.map_blocks(lambda b: fill[b], dtype=bool)
    nuclei = label(mask, 2, workdir, "nuclei")  # scratch.measure.label(mask): 8-connected
    return nuclei.labels, nuclei.table, used


class _TiffTarget:
    """``da.store``'s target: a memory-mapped TIFF opened by name in the worker that writes
    (a memmap itself would be pickled as a copy for a worker process, the writes lost)."""

    def __init__(self, path):
        self.path = path

    def __setitem__(self, where, block):
        import tifffile

        array = tifffile.memmap(self.path, mode="r+")
        array[where] = block
        array.flush()


@contextlib.contextmanager
def _scheduler(address, workers):
    if address is None:
        yield
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SegmentError("--dask needs dask.distributed: pip install 'scratch[dask]'") from None
    with contextlib.ExitStack() as stack:
        if address == "local":
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                                       processes=True, dashboard_address=None))
            stack.enter_context(Client(cluster))
        else:
            stack.enter_context(Client(address))
        yield


def main(options):
    """``python -m scratch segment PATH`` in chunks; returns the exit status."""
    import tifffile

    path = options.paths[0]
    chunks = options.chunks if options.chunks is not None else DEFAULT_CHUNKS
    workdir = None
    try:
        if len(options.paths) != 1 or (os.path.isdir(path) and not is_zarr(path)):
            raise SegmentError("--chunks segments one image (a file or a zarr array), got "
                               + " ".join(options.paths))
        _dask()
        if chunks < 2 * RADIUS + 1:
            raise SegmentError(f"--chunks must be at least {2 * RADIUS + 1} (the smoothing "
                               f"needs {RADIUS} pixels of margin), got {chunks}")
        image = read_lazy(path, options.channel, chunks)
        os.makedirs(options.out, exist_ok=True)
        workdir = tempfile.mkdtemp(prefix=".chunked-", dir=options.out)
        stem = os.path.splitext(os.path.basename(path.rstrip("/\\")))[0]
        out = {kind: os.path.join(options.out, f"{stem}_{kind}") for kind in ("labels.tif", "regions.csv")}
        with _scheduler(options.dask, options.jobs or 2):
            labels, table, used = segment_chunked(image, options.threshold, options.min_distance,
                                                  workdir)
            tmp = os.path.join(workdir, "labels.tif")
            target = tifffile.memmap(tmp, shape=labels.shape, dtype=np.int32,
                                     bigtiff=labels.nbytes > 2 ** 31, photometric="minisblack")
            target.flush()
            del target
            labels.store(_TiffTarget(tmp), lock=False)  # each worker writes its chunks
        os.replace(tmp, out["labels.tif"])
        _write_csv(table, out["regions.csv"])
    except SegmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or options.out}", file=sys.stderr)
        return 1
    finally:
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)
    rows, cols = image.shape
    print(f"{len(table['label'])} objects in {path} ({rows} x {cols} in chunks of {chunks}, "
          f"{options.threshold} threshold {used:.4g}; connected components of the cleaned mask, "
          f"touching nuclei not split); wrote {', '.join(out.values())}")
    return 0
