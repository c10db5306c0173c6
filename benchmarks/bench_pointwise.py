"""Point-wise intensity maps against the memory floor: one NumPy pass over the same image.

Issue 3 asks for the point-wise adjustments within 1.5x of a single NumPy pass
(``image * 2.0`` into a fresh array, the same read + write + first touch of new memory).
Each map, that pass and scikit-image are called interleaved (same machine load); medians.

    python benchmarks/bench_pointwise.py [--size 2048] [--threads 2] [--repeat 21]
"""
import argparse
import time
import warnings

import numpy as np

warnings.simplefilter("ignore")

import skimage.exposure as ref  # noqa: E402

import scratch.exposure as ours  # noqa: E402
from scratch import data  # noqa: E402
from scratch._jit import set_num_threads  # noqa: E402

MAPS = [
    ("rescale_intensity", {}),
    ("rescale_intensity", {"in_range": (0.2, 0.8)}),
    ("adjust_gamma", {"gamma": 0.5}),
    ("adjust_gamma", {"gamma": 2}),
    ("adjust_gamma", {"gamma": 1.7}),
    ("adjust_log", {}),
    ("adjust_sigmoid", {"cutoff": 0.4, "gain": 8}),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--threads", type=int, nargs="+", default=[2, 1])
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    camera = data.camera()
    reps = args.size // camera.shape[0] + 1
    image_u8 = np.ascontiguousarray(np.tile(camera, (reps, reps))[:args.size, :args.size])
    for threads in args.threads:
        set_num_threads(threads)
        print(f"\n{args.size}², {threads} thread(s) for scratch; medians of {args.repeat} interleaved calls")
        print(f"{'map':44s} {'dtype':8s} {'scratch':>9s} {'1 pass':>8s} {'x pass':>7s} {'skimage':>9s} {'ratio':>6s}")
        for dtype in ("float64", "uint8"):
            image = image_u8 / 255.0 if dtype == "float64" else image_u8
            for name, kw in MAPS:
                calls = {"scratch": lambda: getattr(ours, name)(image, **kw),
                         "pass": lambda: image * 2.0 if dtype == "float64" else image * np.uint8(2),
                         "skimage": lambda: getattr(ref, name)(image, **kw)}
                times = {key: [] for key in calls}
                for call in calls.values():
                    call()
                for _ in range(args.repeat):
                    for key, call in calls.items():
                        start = time.perf_counter()
                        call()
                        times[key].append(time.perf_counter() - start)
                t = {key: np.median(v) * 1e3 for key, v in times.items()}
                label = name + (" " + ", ".join(f"{k}={v}" for k, v in kw.items()) if kw else "")
                print(f"{label:44s} {dtype:8s} {t['scratch']:7.2f}ms {t['pass']:6.2f}ms {t['scratch'] / t['pass']:6.2f}x"
                      f" {t['skimage']:7.2f}ms {t['scratch'] / t['skimage']:6.2f}", flush=True)


if __name__ == "__main__":
    main()
