"""Watershed (issue 12): scratch.segmentation.watershed vs skimage.segmentation.watershed.

    python benchmarks/bench_watershed.py                 # 2048², 2 and 1 threads, 9 rounds
    python benchmarks/bench_watershed.py --repeat 15     # more rounds
    python benchmarks/bench_watershed.py --quick         # 1024², 5 rounds
    python benchmarks/bench_watershed.py --scene noise   # one scene (blobs, noise, nuclei)

Three scenes, each the distance-transform watershed of a mask (image = -distance, markers
and mask given, connectivity 1), with and without ``watershed_line``:

* ``blobs`` (many markers, all deep): a ``skimage.data.binary_blobs(N, blob_size_fraction=
  0.009, volume_fraction=0.4, rng=1)`` mask; markers are the labelled peaks of
  ``peak_local_max(distance, min_distance=3, labels=label(mask))`` (7,495 at 2048²).  The
  highest marker is at distance 5, so the exact heap floods ~30 % of the mask.
* ``noise`` (many markers, down to distance 1): smoothed noise (sigma 5) above its 60 %
  quantile, as the tour's ``bench_mask`` but finer, so the mask has specks and necks; peaks
  with ``min_distance=4`` (6,918 at 2048², 76 of them tied at distance 1).  The exact heap
  floods ~85 % of the mask: the hard case.
* ``nuclei`` (few markers): the tour's nuclei scene as ``benchmarks/run.py`` builds it at
  N² (``scratch/_tour/basins.py``: ``bench_nuclei`` + ``watershed_args``; 1,655 markers).

Agreement (labels exactly equal, dtype included) is checked on every scene before timing.
Times: each round calls scratch on 2 threads, scratch on 1 thread and skimage one after the
other (interleaved, so that all three see the same machine load); medians over the rounds,
ratio = scratch / skimage (skimage's watershed is single-threaded).
"""

import argparse
import statistics
import time

import numpy as np


def distance_watershed_args(mask, min_distance):
    """``(-distance, markers, mask)``: the distance-transform watershed of ``mask`` seeded by
    the labelled ``peak_local_max`` peaks of its distance transform."""
    from scipy import ndimage as ndi
    from skimage.feature import peak_local_max
    from skimage.measure import label

    distance = ndi.distance_transform_edt(mask)
    peaks = peak_local_max(distance, min_distance=min_distance, labels=label(mask))
    is_peak = np.zeros(mask.shape, bool)
    is_peak[tuple(peaks.T)] = True
    return -distance, ndi.label(is_peak)[0], mask


def blobs_scene(size):
    """``(image, markers, mask)`` of the many-marker scene and a description."""
    from skimage.data import binary_blobs

    mask = binary_blobs(size, blob_size_fraction=0.009 * 2048 / size, volume_fraction=0.4, rng=1)
    args = distance_watershed_args(mask, min_distance=3)
    return args, f"binary_blobs, {args[1].max()} markers"


def nuclei_scene(size):
    """The tour's nuclei scene at ``size``² (as benchmarks/run.py builds its input)."""
    from scratch._tour import catalogue  # noqa: F401 (imports the tour modules in order)
    from scratch._tour.basins import bench_nuclei, watershed_args

    image, markers, _, _, mask = watershed_args(bench_nuclei(size, "uint16"))
    return (image, markers, mask), f"nuclei, {markers.max()} markers"


def noise_scene(size):
    """``(image, markers, mask)`` of the many-marker scene with specks: smoothed noise (sigma 5)
    above its 60 % quantile (as the tour's ``bench_mask``, finer); markers as in ``blobs``."""
    from scipy import ndimage as ndi

    field = ndi.gaussian_filter(np.random.default_rng(size).random((size, size)), 5.0 * size / 2048)
    args = distance_watershed_args(field > np.quantile(field, 0.6), min_distance=4)
    return args, f"smoothed noise, {args[1].max()} markers"


SCENES = {"blobs": blobs_scene, "noise": noise_scene, "nuclei": nuclei_scene}


def check(args, kwargs):
    from skimage.segmentation import watershed as ref

    from scratch.segmentation import watershed

    image, markers, mask = args
    ours = watershed(image, markers, mask=mask, **kwargs)
    expected = ref(image, markers, mask=mask, **kwargs)
    if ours.dtype != expected.dtype or ours.shape != expected.shape or not np.array_equal(ours, expected):
        raise SystemExit(f"DISAGREE: {np.count_nonzero(ours != expected)} pixels differ ({kwargs})")
    return "labels equal"


def interleaved(args, kwargs, repeat):
    from skimage.segmentation import watershed as ref

    from scratch._jit import set_num_threads
    from scratch.segmentation import watershed

    image, markers, mask = args
    calls = {
        "scratch 2t": (2, lambda: watershed(image, markers, mask=mask, **kwargs)),
        "scratch 1t": (1, lambda: watershed(image, markers, mask=mask, **kwargs)),
        "skimage": (None, lambda: ref(image, markers, mask=mask, **kwargs)),
    }
    times = {name: [] for name in calls}
    for _ in range(repeat):
        for name, (threads, call) in calls.items():
            if threads:
                set_num_threads(threads)
            t0 = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - t0)
    set_num_threads(2)
    return {name: statistics.median(ts) for name, ts in times.items()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=None, help="rounds (default 9; --quick: 5)")
    parser.add_argument("--quick", action="store_true", help="1024² and 5 rounds")
    parser.add_argument("--size", type=int, default=None, help="image side (default 2048; --quick: 1024)")
    parser.add_argument("--scene", choices=sorted(SCENES), nargs="*", default=None, help="scenes (default all)")
    options = parser.parse_args(argv)
    size = options.size or (1024 if options.quick else 2048)
    repeat = options.repeat or (5 if options.quick else 9)

    import skimage

    import scratch
    from scratch._jit import set_num_threads

    set_num_threads(2)
    print(f"scratch {scratch.__version__}, scikit-image {skimage.__version__}; {size}², "
          f"float64 image, medians of {repeat} interleaved rounds; ratio = scratch / skimage")
    print(f"{'scene':<34} {'line':>5} {'scratch 2t':>11} {'scratch 1t':>11} {'skimage':>10}"
          f" {'2t/sk':>6} {'1t/sk':>6}")
    for scene in options.scene or ["blobs", "noise", "nuclei"]:
        args, description = SCENES[scene](size)
        for line in (False, True):
            kwargs = {"watershed_line": line}
            check(args, kwargs)  # also compiles
            t = interleaved(args, kwargs, repeat)
            sk = t["skimage"]
            print(f"{description:<34} {str(line):>5} {t['scratch 2t'] * 1e3:8.1f} ms {t['scratch 1t'] * 1e3:8.1f} ms"
                  f" {sk * 1e3:7.1f} ms {t['scratch 2t'] / sk:6.2f} {t['scratch 1t'] / sk:6.2f}", flush=True)


if __name__ == "__main__":
    main()
