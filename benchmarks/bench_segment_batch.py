"""``python -m scratch segment FOLDER`` on many synthetic nuclei images (issue 16): images per
second serially, with ``--jobs 2`` and with a 2-worker dask LocalCluster, and the overhead
per image.

    python benchmarks/bench_segment_batch.py                 # 200 images of 512 x 512
    python benchmarks/bench_segment_batch.py --n 40 --side 256

Each mode runs the real command (``scratch._tour.cli.main``) on the same folder into its own
output folder, timed from the call to the return: reading, segmenting, writing the label image,
the overlay and the tables, and (for --jobs / dask) starting the workers, which load scratch
and Numba's disk cache. The *overhead per image* is (wall time of the command - the sum of
the in-process time of ``segment_with_threshold`` alone on every image) / images, serially:
what reading, writing the outputs, the overlay and the bookkeeping cost beside the pipeline.
Run it once before (or with --warm) so that Numba's disk cache is filled.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import imageio.v3 as iio  # noqa: E402

from scratch._tour.cli import main  # noqa: E402
from scratch._tour.segment import segment_with_threshold  # noqa: E402
from scratch.data import nuclei  # noqa: E402


def timed(argv):
    start = time.perf_counter()
    status = main(argv)
    return time.perf_counter() - start, status


def run(n, side, modes):
    root = tempfile.mkdtemp(prefix="bench-segment-")
    try:
        folder = os.path.join(root, "fields")
        os.makedirs(folder)
        images = []
        for i in range(n):
            image = nuclei((side, side), n=40, seed=i).image
            iio.imwrite(os.path.join(folder, f"field{i:04d}.png"), image)
            images.append(image)
        segment_with_threshold(images[0])  # compile / load the cache
        start = time.perf_counter()
        for image in images:
            segment_with_threshold(image)
        pipeline = time.perf_counter() - start
        rows = [("pipeline only (in-process, no I/O)", pipeline, 0)]
        for mode in modes:
            extra = {"serial": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
                     "dask2": ["--dask", "local", "--jobs", "2"]}[mode]
            seconds, status = timed(["segment", folder, "--out", os.path.join(root, mode), *extra])
            rows.append((f"segment {' '.join(extra)}", seconds, status))
            print(f"{rows[-1][0]}: {seconds:.1f} s", file=sys.stderr, flush=True)
        print(f"\n{n} images of {side} x {side} (scratch.data.nuclei, 40 nuclei each)\n")
        print("| mode | wall s | images/s | exit |")
        print("|---|---|---|---|")
        for name, seconds, status in rows:
            print(f"| {name} | {seconds:.1f} | {n / seconds:.2f} | {status} |")
        serial = dict((r[0], r[1]) for r in rows).get("segment --jobs 1")
        if serial is not None:
            print(f"\noverhead per image (serial command - pipeline only): "
                  f"{(serial - pipeline) / n * 1000:.0f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--side", type=int, default=512)
    parser.add_argument("--modes", nargs="+", default=["serial", "jobs2", "dask2"],
                        choices=["serial", "jobs2", "dask2"])
    options = parser.parse_args()
    run(options.n, options.side, options.modes)
