"""scratch.optimize.linear_sum_assignment vs SciPy (and lap.lapjv when installed).

Same process, same matrices, the contenders interleaved within every repeat (so that a busy
machine slows them alike); the median of the repeats is reported::

    python benchmarks/bench_lsap.py [n ...] [--repeat R] [--hungarian]

One row per (n, dtype, solver): median seconds for scratch, SciPy and lap.lapjv, and the
ratios ours / SciPy and ours / lapjv (< 1 means scratch is faster).  Costs are uniform
random in [0, 1) (float64) or integers in [0, 100) (int64, many ties).  lap.lapjv runs with
its default ``extend_cost=False`` on the square float64 matrix.  No timing assertions
anywhere: this only reports.
"""

import argparse
import statistics
import time

import numpy as np
from scipy.optimize import linear_sum_assignment as scipy_lsa

from scratch.optimize import linear_sum_assignment

try:
    import lap
except ImportError:  # optional: pip install lap
    lap = None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="*", type=int, default=[1000, 2000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--hungarian", action="store_true", help="time the Hungarian solver too")
    args = parser.parse_args()
    methods = ("jv", "hungarian") if args.hungarian else ("jv",)

    rng = np.random.default_rng(0)
    for method in methods:  # compile (or load from the disk cache) outside the timing
        linear_sum_assignment(rng.random((5, 5)), method=method)
    print(f"{'n':>6} {'dtype':>8} {'solver':>10} {'ours s':>9} {'scipy s':>9} {'ours/scipy':>10}"
          f" {'lapjv s':>9} {'ours/lapjv':>10}")
    for n in args.n:
        for dtype in ("float64", "int64"):
            cost = rng.random((n, n)) if dtype == "float64" else rng.integers(0, 100, (n, n))
            cost_f64 = cost.astype(np.float64)
            contenders = {"scipy": lambda: scipy_lsa(cost)}
            if lap is not None:
                contenders["lapjv"] = lambda: lap.lapjv(cost_f64)
            for method in methods:
                contenders[method] = lambda m=method: linear_sum_assignment(cost, method=m)
            ref_total = cost[scipy_lsa(cost)].sum()
            for method in methods:
                rows, cols = linear_sum_assignment(cost, method=method)
                assert np.isclose(cost[rows, cols].sum(), ref_total, rtol=1e-9)
            times = {name: [] for name in contenders}
            for _ in range(args.repeat):
                for name, func in contenders.items():
                    t0 = time.perf_counter()
                    func()
                    times[name].append(time.perf_counter() - t0)
            med = {name: statistics.median(t) for name, t in times.items()}
            for method in methods:
                t = med[method]
                lap_cols = f" {med['lapjv']:9.4f} {t / med['lapjv']:10.2f}" if lap else ""
                print(f"{n:6d} {dtype:>8} {method:>10} {t:9.4f} {med['scipy']:9.4f}"
                      f" {t / med['scipy']:10.2f}" + lap_cols, flush=True)


if __name__ == "__main__":
    main()
