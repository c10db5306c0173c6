"""regionprops_table with and without the perimeters: scratch vs scikit-image (issue 12).

The scene is the catalogue entry ``regionprops_table``'s benchmark input: a nuclei-like
image (``scratch._tour.basins.bench_nuclei``, seed 1) segmented by the reference's
distance-transform watershed (``labels_args``), ~1,800 labels at 2048².  Three property
sets are timed, each the catalogue's ten properties (``TABLE_PROPERTIES``) plus

* nothing (the two sweeps only),
* ``perimeter``,
* ``perimeter`` and ``perimeter_crofton``;

each with scratch on 2 threads, scratch on 1 thread (``scratch._jit.set_num_threads``) and
``skimage.measure.regionprops_table``, the three calls interleaved in every round so that they
see the same machine load.  Printed: medians, the ratios ``scratch / skimage`` (0.5 = scratch
2x faster), and the agreement of every column (rtol 1e-7, atol 1e-9) on that input.

    python benchmarks/bench_regionprops.py                 # 2048², 7 rounds
    python benchmarks/bench_regionprops.py --repeat 15     # more rounds (a busy machine)
    python benchmarks/bench_regionprops.py --quick         # 512², 3 rounds (smoke test)
    python benchmarks/bench_regionprops.py --size 4096
"""

import argparse
import os
import sys
import time
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

warnings.simplefilter("ignore")

import skimage.measure as skm  # noqa: E402

import scratch._jit as J  # noqa: E402
from scratch._tour import catalogue  # noqa: E402,F401  (imports basins, avoiding the circular import)
from scratch._tour import basins  # noqa: E402
from scratch.measure import regionprops_table  # noqa: E402

EXTRAS = {"sweeps": (), "+perimeter": ("perimeter",), "+both": ("perimeter", "perimeter_crofton")}


def agreement(ours, ref, rtol=1e-7, atol=1e-9):
    """``(ok, message)``: same columns, dtypes and values (orientation modulo pi)."""
    if list(ours) != list(ref):
        return False, "columns differ"
    worst = 0.0
    for key in ref:
        a, b = np.asarray(ours[key]), np.asarray(ref[key])
        if a.dtype != b.dtype or a.shape != b.shape:
            return False, f"{key}: {a.dtype}{a.shape} vs {b.dtype}{b.shape}"
        if key == "orientation":  # +-pi/2 by the sign of rounding noise names the same axis
            a = np.where(np.isclose(np.abs(b), np.pi / 2) & np.isclose(a, -b), b, a)
        if not np.allclose(a, b, rtol=rtol, atol=atol):
            return False, f"{key} differs"
        if key.startswith("perimeter"):
            worst = max(worst, float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300), initial=0)))
    return True, "perimeters identical" if worst == 0 else f"perimeters max rel Δ {worst:.1e}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--repeat", type=int, default=7, help="timed rounds (default 7)")
    parser.add_argument("--quick", action="store_true", help="512², 3 rounds")
    parser.add_argument("--threads", type=int, default=2, help="the multi-threaded count (default 2)")
    args = parser.parse_args(argv)
    size, repeat = (512, 3) if args.quick else (args.size, args.repeat)

    labels, intensity = basins.labels_args(basins.bench_nuclei(size, "uint16"))
    n_labels = len(np.unique(labels)) - 1
    print(f"scene {size}x{size}: {n_labels} labels, {np.mean(labels > 0):.0%} foreground; "
          f"{repeat} interleaved rounds; medians", flush=True)

    def ours(props, threads):
        def call():
            J.set_num_threads(threads)
            return regionprops_table(labels, intensity, properties=props)
        return call

    def ref(props):
        return lambda: skm.regionprops_table(labels, intensity, properties=props)

    threads_max = J.get_num_threads()
    header = f"{'properties':12s} {'scratch ' + str(args.threads) + 't':>12s} {'scratch 1t':>12s} " \
             f"{'skimage':>12s} {'ratio ' + str(args.threads) + 't':>9s} {'ratio 1t':>9s}  agreement"
    print(header)
    for name, extra in EXTRAS.items():
        props = basins.TABLE_PROPERTIES + extra
        calls = [ours(props, args.threads), ours(props, 1), ref(props)]
        ok, message = agreement(calls[0](), calls[2]())  # also the first (compiling) call
        ok1, _ = agreement(calls[1](), calls[2]())
        times = [[] for _ in calls]
        for _ in range(repeat):
            for t, call in zip(times, calls):
                start = time.perf_counter()
                call()
                t.append(time.perf_counter() - start)
        m = [float(np.median(t)) for t in times]
        print(f"{name:12s} {m[0] * 1e3:9.1f} ms {m[1] * 1e3:9.1f} ms {m[2] * 1e3:9.1f} ms "
              f"{m[0] / m[2]:9.3f} {m[1] / m[2]:9.3f}  {'ok' if ok and ok1 else 'DIFFERS'}: {message}", flush=True)
    J.set_num_threads(threads_max)


if __name__ == "__main__":
    main()
