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
Each mode is also run on the first ``--small`` images (default 4): the difference gives the
*marginal* seconds per image of that mode, ``(wall(n) - wall(small)) / (n - small)``, and its
fixed *start-up*, ``wall(small) - small * marginal`` (starting the workers or the cluster).
Run it once before so that Numba's disk cache is filled. ``uptime``'s load average is printed
before and after: the machine may be shared.
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


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run(n, side, modes, small=4):
    root = tempfile.mkdtemp(prefix="bench-segment-")
    print(f"load average (1, 5, 15 min) before: {load()}", file=sys.stderr)
    try:
        folder = os.path.join(root, "fields")
        few = os.path.join(root, "few")
        os.makedirs(folder)
        os.makedirs(few)
        images = []
        for i in range(n):
            image = nuclei((side, side), n=40, seed=i).image
            iio.imwrite(os.path.join(folder, f"field{i:04d}.png"), image)
            if i < small:
                iio.imwrite(os.path.join(few, f"field{i:04d}.png"), image)
            images.append(image)
        segment_with_threshold(images[0])  # compile / load the cache
        start = time.perf_counter()
        for image in images:
            segment_with_threshold(image)
        pipeline = time.perf_counter() - start
        timed(["segment", few, "--out", os.path.join(root, "warm"), "--jobs", "1"])  # imports
        rows = [("pipeline only (in-process, no I/O)", pipeline, 0, None, None)]
        for mode in modes:
            extra = {"serial": ["--jobs", "1"], "jobs2": ["--jobs", "2"],
                     "dask2": ["--dask", "local", "--jobs", "2"]}[mode]
            seconds, status = timed(["segment", folder, "--out", os.path.join(root, mode), *extra])
            few_seconds, _ = timed(["segment", few, "--out", os.path.join(root, mode + "-few"), *extra])
            marginal = (seconds - few_seconds) / (n - small)
            rows.append((f"segment {' '.join(extra)}", seconds, status, marginal,
                         few_seconds - small * marginal))
            print(f"{rows[-1][0]}: {seconds:.1f} s ({small} images: {few_seconds:.1f} s); "
                  f"load average after: {load()}", file=sys.stderr, flush=True)
        print(f"\n{n} images of {side} x {side} (scratch.data.nuclei, 40 nuclei each); "
              f"load average after: {load()}\n")
        print("| mode | wall s | images/s | marginal s/image | start-up s | exit |")
        print("|---|---|---|---|---|---|")
        for name, seconds, status, marginal, startup in rows:
            extra = ("| - | - " if marginal is None
                     else f"| {marginal:.3f} | {startup:.1f} ")
            print(f"| {name} | {seconds:.1f} | {n / seconds:.2f} {extra}| {status} |")
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
    parser.add_argument("--small", type=int, default=4,
                        help="the small run that separates start-up from per-image time")
    parser.add_argument("--modes", nargs="+", default=["serial", "jobs2", "dask2"],
                        choices=["serial", "jobs2", "dask2"])
    options = parser.parse_args()
    run(options.n, options.side, options.modes, options.small)
