"""``python -m scratch segment IMAGE``: the course's nuclei pipeline on your own image.

The steps are those of tutorials 03-05, each a scratch function:

1. read the file (PNG or TIFF, with imageio / tifffile, which scikit-image brings) and pick
   one channel (``--channel``; without it an RGB(A) image is averaged over its colours);
2. smooth with a gaussian (``sigma=1``) to tame the photon noise;
3. threshold automatically (``--threshold``: Otsu, triangle, ISODATA, or a local threshold —
   a gaussian-weighted mean over ``8 D + 1`` pixels plus twice the noise);
4. clean the mask: drop specks and fill holes smaller than a nucleus's core;
5. Euclidean distance transform of the mask, smoothed (``sigma=1``);
6. one seed per nucleus: ``peak_local_max`` of the distance, at least ``--min-distance``
   pixels apart, looking inside each connected component;
7. watershed of ``-distance`` from the seeds, within the mask;
8. ``regionprops_table`` of the labels with the (unsmoothed) image as intensity.

It writes ``<stem>_labels.tif`` (int32 label image), ``<stem>_regions.csv`` (one row per
object) and ``<stem>_overlay.png`` (the image with the objects' outlines and numbers) into
``--out``. Bad input (a missing file, an unreadable format, an image of the wrong shape, a
channel that does not exist) ends with a one-line message on stderr and exit status 1.
"""

import argparse
import csv
import logging
import os
import sys
import warnings

import numpy as np

__all__ = ["main", "build_parser", "read_image", "segment", "SegmentError"]

THRESHOLDS = ("otsu", "triangle", "isodata", "local")
PROPERTIES = ("label", "area", "centroid", "bbox", "eccentricity", "orientation",
              "axis_major_length", "axis_minor_length", "perimeter", "solidity",
              "intensity_mean", "intensity_min", "intensity_max")


class SegmentError(Exception):
    """A problem with the user's input, reported as one line without a traceback."""


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m scratch segment",
        description="Segment nuclei in your own image (PNG/TIFF): smoothing, automatic "
                    "threshold, clean-up, distance transform, peaks, watershed, regionprops.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="image files (PNG, TIFF incl. multi-page stacks, JPEG), folders or "
                             "globs; a 2-D image, or (rows, cols, channels) with up to 4 channels")
    parser.add_argument("--channel", type=int, default=None, metavar="N",
                        help="channel to segment (default: the only one; RGB(A) is averaged)")
    parser.add_argument("--threshold", choices=THRESHOLDS, default="otsu",
                        help="automatic threshold (default: otsu)")
    parser.add_argument("--min-distance", type=int, default=5, metavar="D",
                        help="minimal distance in pixels between two nuclei centres (default: 5)")
    parser.add_argument("--out", default="scratch-segment",
                        help="output folder (default: scratch-segment/)")
    batch = parser.add_argument_group("many images (more than one PATH, a folder or a glob)")
    batch.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="processes on this machine (default: the cores)")
    batch.add_argument("--resume", action="store_true",
                       help="re-run into the same --out folder, skipping the images already done")
    batch.add_argument("--dask", default=None, metavar="ADDRESS",
                       help="run on a dask.distributed scheduler at ADDRESS, or 'local' for a "
                            "LocalCluster of --jobs workers (pip install 'scratch[dask]')")
    big = parser.add_argument_group("one image bigger than memory (a zarr array, a big TIFF)")
    big.add_argument("--chunks", type=int, default=None, metavar="N",
                     help="segment the one PATH in N x N chunks with dask.array (automatic, "
                          "N=1024, for a zarr array and a 2-D TIFF over 2**27 pixels); "
                          "touching nuclei are not split (see scratch/_tour/chunked.py)")
    return parser


def _read_array(path):
    """The file's pixels as an array, and whether its first axis is a stack of TIFF pages."""
    if not os.path.exists(path):
        raise SegmentError(f"{path}: no such file")
    if os.path.isdir(path):
        raise SegmentError(f"{path}: is a folder, not an image file")
    tiff_log = logging.getLogger("tifffile")  # it logs damaged files before failing
    level = tiff_log.level
    pages = False
    try:
        tiff_log.setLevel(logging.CRITICAL + 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if path.lower().endswith((".tif", ".tiff")):
                import tifffile

                with tifffile.TiffFile(path) as tif:
                    series = tif.series[0]
                    image = np.asarray(series.asarray())
                    axes = series.axes
                # pages (Z, T, Q, ...) first; "S" last means samples (channels) per pixel
                pages = (image.ndim == 3 and axes[-1] != "S") or (image.ndim == 4 and axes[-1] == "S")
            else:
                import imageio.v3 as iio

                image = np.asarray(iio.imread(path))
        if image.size == 0:
            raise ValueError("no pixels in the file")
    except Exception as exc:  # noqa: BLE001 - any reader failure is the user's file
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise SegmentError(f"{path}: cannot read it as a PNG or TIFF image ({reason})") from None
    finally:
        tiff_log.setLevel(level)
    if image.dtype.kind not in "buif":
        raise SegmentError(f"{path}: unsupported pixel type {image.dtype}")
    return image, pages


def _one_channel(image, channel, path):
    shape = image.shape
    if image.ndim == 3 and shape[-1] <= 4:
        if channel is None:
            if shape[-1] == 1:
                image = image[..., 0]
            elif shape[-1] in (3, 4):  # RGB(A): the mean of the colours, alpha dropped
                image = image[..., :3].astype(np.float64).mean(axis=-1)
            else:
                raise SegmentError(f"{path}: image of shape {shape} has {shape[-1]} channels; "
                                   f"choose one with --channel 0..{shape[-1] - 1}")
        elif not 0 <= channel < shape[-1]:
            raise SegmentError(f"{path}: --channel {channel} does not exist "
                               f"(the image has channels 0..{shape[-1] - 1})")
        else:
            image = image[..., channel]
    elif image.ndim == 2:
        if channel not in (None, 0):
            raise SegmentError(f"{path}: --channel {channel} does not exist (the image has one channel)")
    else:
        raise SegmentError(f"{path}: expected a 2-D image or (rows, cols, channels) with up to 4 "
                           f"channels, got shape {shape}")
    if min(image.shape) < 3:
        raise SegmentError(f"{path}: image of shape {image.shape} is too small to segment")
    return image


def read_image(path, channel=None):
    """Read ``path`` and return one 2-D channel as a NumPy array (dtype preserved).

    Raises
    ------
    SegmentError
        If the file is missing or unreadable, the image is not 2-D / (rows, cols, channels)
        with up to 4 channels, or ``channel`` does not exist.
    """
    image, _ = _read_array(path)
    return _one_channel(image, channel, path)


def read_images(path, channel=None):
    """Every 2-D image in ``path``: ``[(suffix, image_or_SegmentError), ...]``.

    A multi-page TIFF (a stack, a 3-D volume, a time series) gives one 2-D image per page,
    suffixed ``[0]``, ``[1]``, ...; any other file gives one image with suffix ``""``. A page
    that cannot be segmented comes back as its :class:`SegmentError`; an unreadable file raises.
    """
    image, pages = _read_array(path)
    if not pages:
        return [("", _one_channel(image, channel, path))]
    out = []
    for k, page in enumerate(image):
        try:
            out.append((f"[{k}]", _one_channel(page, channel, f"{path}[{k}]")))
        except SegmentError as exc:
            out.append((f"[{k}]", exc))
    return out


def segment(image, threshold="otsu", min_distance=5):
    """The pipeline of the module docstring on a 2-D image.

    Returns
    -------
    labels : ndarray of int32
        0 for background, nuclei numbered 1..n.
    table : dict of str -> ndarray
        ``regionprops_table`` columns (see :data:`PROPERTIES`).
    """
    labels, table, _ = segment_with_threshold(image, threshold, min_distance)
    return labels, table


def segment_with_threshold(image, threshold="otsu", min_distance=5):
    """:func:`segment`, and the threshold it used as a third result (a float; for ``local``
    the mean of the local threshold surface)."""
    import scratch.feature
    import scratch.filters
    import scratch.measure
    import scratch.morphology
    import scratch.ndimage
    import scratch.segmentation

    if min_distance < 1:
        raise SegmentError(f"--min-distance must be >= 1, got {min_distance}")
    if threshold not in THRESHOLDS:
        raise SegmentError(f"--threshold must be one of {', '.join(THRESHOLDS)}, got {threshold!r}")
    smooth = scratch.filters.gaussian(image, 1, preserve_range=True)
    if threshold == "local":
        # a block a few nuclei wide; the pixel must beat its neighbourhood's mean by twice the
        # noise (1.4826 x the median absolute deviation: the background's spread, robustly),
        # else half of every background-only block would pass
        block = 8 * min_distance + 1
        noise = 1.4826 * np.median(np.abs(smooth - np.median(smooth)))
        surface = scratch.filters.threshold_local(smooth, block_size=block, offset=-2 * noise)
        mask = smooth > surface
        used = float(np.mean(surface))
    else:
        if np.min(smooth) == np.max(smooth):
            raise SegmentError("the image is constant: nothing to segment")
        used = getattr(scratch.filters, f"threshold_{threshold}")(smooth)
        mask = smooth > used
        used = float(used)
    small = max(int(np.pi * (min_distance / 2) ** 2), 1)  # the core of the smallest nucleus
    mask = scratch.morphology.remove_small_objects(mask, max_size=small)
    mask = scratch.morphology.remove_small_holes(mask, max_size=small)
    distance = scratch.filters.gaussian(scratch.ndimage.distance_transform_edt(mask), 1)
    peaks = scratch.feature.peak_local_max(distance, min_distance=min_distance,
                                           labels=scratch.measure.label(mask), exclude_border=False)
    markers = np.zeros(image.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1, dtype=np.int32)
    labels = scratch.segmentation.watershed(-distance, markers, mask=mask).astype(np.int32)
    table = scratch.measure.regionprops_table(labels, image, properties=PROPERTIES)
    return labels, table, used


def _write_csv(table, path):
    names = list(table)
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(names)
        for row in zip(*(np.asarray(table[n]).tolist() for n in names)):
            writer.writerow(row)


def _write_overlay(image, labels, table, path):  # path may lack .png (atomic temp names)
    from matplotlib.figure import Figure

    inner = labels[1:-1, 1:-1]
    edge = np.zeros(labels.shape, bool)
    edge[1:-1, 1:-1] = (inner > 0) & (
        (labels[:-2, 1:-1] != inner) | (labels[2:, 1:-1] != inner)
        | (labels[1:-1, :-2] != inner) | (labels[1:-1, 2:] != inner))
    height, width = image.shape
    fig = Figure(figsize=(8, 8 * height / width))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(image, cmap="gray")
    ax.imshow(np.ma.masked_where(~edge, np.ones_like(labels)), cmap="autumn", interpolation="nearest")
    for lab, r, c in zip(table["label"], table["centroid-0"], table["centroid-1"]):
        ax.text(c, r, str(lab), color="cyan", fontsize=7, ha="center", va="center")
    ax.axis("off")
    fig.savefig(path, dpi=100, format="png")


def main(argv=None):
    """Entry point of ``python -m scratch segment``; returns the exit status."""
    options = build_parser().parse_args(argv)
    from . import batch, chunked

    if chunked.wants_chunks(options):
        return chunked.main(options)
    if not batch.is_single_image(options):
        return batch.run(options)
    options.image = options.paths[0]
    try:
        image = read_image(options.image, options.channel)
        labels, table = segment(image, options.threshold, options.min_distance)
        os.makedirs(options.out, exist_ok=True)
        stem = os.path.splitext(os.path.basename(options.image))[0]
        out = {kind: os.path.join(options.out, f"{stem}_{kind}")
               for kind in ("labels.tif", "regions.csv", "overlay.png")}
        import tifffile

        tifffile.imwrite(out["labels.tif"], labels)
        _write_csv(table, out["regions.csv"])
        _write_overlay(image, labels, table, out["overlay.png"])
    except SegmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. the output folder cannot be written
        print(f"error: {exc.strerror or exc}: {exc.filename or options.out}", file=sys.stderr)
        return 1
    print(f"{int(labels.max())} objects in {options.image} ({options.threshold} threshold, "
          f"min distance {options.min_distance}); wrote {', '.join(out.values())}")
    return 0
