"""Runs scratch's pipeline after the parent has used it, in one way of parallel processing.

``python _parallel_worker.py MODE`` prints one JSON line: the digests of the pipeline's
outputs per task, the threading layer and what the dispatch did.  ``test_parallel.py`` runs
it in a subprocess with a timeout (a pool that hangs fails the test instead of CI) and
compares the digests with a serial run.  MODE is one of ``serial``, ``fork``, ``spawn``,
``forkserver``, ``threads`` (a ThreadPoolExecutor with 4 threads) and ``dask`` (dask's
threaded scheduler over the chunks of one image).
"""

import hashlib
import json
import sys

import numpy as np

TASKS = 6
SIDE = 384  # 147,456 pixels: above PARALLEL_MIN_ITEMS, so the parent's calls are threaded


def digest(*arrays):
    h = hashlib.sha1()
    for a in arrays:
        a = np.ascontiguousarray(a)
        h.update(str((a.dtype.str, a.shape)).encode())
        h.update(a.tobytes())
    return h.hexdigest()


def image(seed):
    return np.random.default_rng(seed).random((SIDE, SIDE))


def pipeline(seed):
    """Smoothing, a threshold, labels and the distance transform of one image."""
    from scratch.filters import gaussian, threshold_otsu
    from scratch.measure import label
    from scratch.ndimage import distance_transform_edt

    smooth = gaussian(image(seed), sigma=2)
    threshold = threshold_otsu(smooth)
    mask = smooth > threshold
    return digest(smooth, np.float64(threshold), label(mask), distance_transform_edt(mask))


def block_filter(block):
    """What dask maps over each chunk: a gaussian and a Sobel edge map."""
    from scratch.filters import gaussian, sobel

    return sobel(gaussian(block, sigma=1.5))


def run(mode):
    import scratch._jit as J

    if mode == "serial":
        J.set_num_threads(1)
    else:
        pipeline(999)  # the parent uses scratch (threaded) before it forks or starts threads
    if mode in ("serial", "threads_reference"):
        return [pipeline(seed) for seed in range(TASKS)]
    if mode in ("fork", "spawn", "forkserver"):
        import multiprocessing

        with multiprocessing.get_context(mode).Pool(2) as pool:
            return pool.map(pipeline, range(TASKS))
    if mode == "threads":
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(4) as pool:
            return list(pool.map(pipeline, range(TASKS)))
    if mode == "dask":
        import dask.array as da

        big = np.random.default_rng(5).random((2 * SIDE, 2 * SIDE))
        chunks = da.from_array(big, chunks=(SIDE, SIDE))
        threaded = chunks.map_blocks(block_filter, dtype=np.float64).compute(scheduler="threads", num_workers=4)
        J.set_num_threads(1)
        serial = np.block([[block_filter(big[i:i + SIDE, j:j + SIDE]) for j in (0, SIDE)] for i in (0, SIDE)])
        return [digest(threaded), digest(serial)]
    raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    import scratch._jit as J

    result = run(sys.argv[1])
    print(json.dumps({"digests": result, "layer": J.threading_info()["layer"]}))
