"""How long ``scratch.verify`` takes (issue 13's speed bars; a benchmark, not a timed test).

    python benchmarks/bench_verify.py                 # all three measurements
    python benchmarks/bench_verify.py --skip-full     # without the whole-catalogue full run
    python benchmarks/bench_verify.py --load 2        # with two CPU-bound processes running

1. ``--level quick`` on threshold_otsu for a plain-Python candidate of the textbook kind
   (``scratch.verify.examples.threshold_otsu``: histogram, weights, means and variance in
   loops), in process and through the CLI (child process): bar 30 s.
2. ``--level quick`` for each of scratch's own functions with a warm cache (the second run in
   this process; the first, with the Numba kernels loading, is reported too): bar 10 s each.
3. ``--level full`` over the whole catalogue, scratch verifying itself: bar 10 minutes.

Wall-clock seconds; the medians of ``--repeat`` runs for (1) and (2).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from run import Load  # noqa: E402

import scratch.verify as verify  # noqa: E402
from scratch.verify import examples  # noqa: E402


def timed(fn):
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load", type=int, default=0, help="CPU-bound processes running meanwhile")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--only", nargs="*", help="names for (2) and (3)")
    parser.add_argument("--json", default=os.path.join(HERE, "results-verify.json"))
    options = parser.parse_args(argv)
    names = options.only or verify.names()
    results = {"load": options.load, "cores": os.cpu_count()}
    with Load(options.load):
        # (1) the textbook plain-Python Otsu
        runs = [timed(lambda: verify.verify(examples.threshold_otsu, "threshold_otsu"))[0]
                for _ in range(options.repeat)]
        cli = [timed(lambda: subprocess.run(
            [sys.executable, "-m", "scratch", "verify", "scratch.verify.examples:threshold_otsu",
             "--as", "threshold_otsu", "--quiet"], capture_output=True, check=False))[0]
            for _ in range(options.repeat)]
        results["plain_python_otsu_quick_s"] = statistics.median(runs)
        results["plain_python_otsu_quick_cli_s"] = statistics.median(cli)
        print(f"(1) plain-Python Otsu, quick: {statistics.median(runs):.1f} s in process, "
              f"{statistics.median(cli):.1f} s by the CLI (bar 30 s)")
        # (2) scratch's own functions, quick, warm
        per = {}
        for name in names:
            spec = verify.resolve(name)
            fn = spec.scratch_function()
            first, report = timed(lambda: verify.verify(fn, name))
            warm = statistics.median(timed(lambda: verify.verify(fn, name))[0] for _ in range(options.repeat))
            per[name] = {"first_s": round(first, 2), "warm_s": round(warm, 3), "cases": len(report.cases),
                         "ok": report.ok}
            print(f"(2) {name:32s} {len(report.cases):4d} cases  first {first:6.2f} s  warm {warm:6.2f} s"
                  f"{'' if report.ok else '  FAILS'}")
        results["scratch_quick"] = per
        worst = max(per.items(), key=lambda kv: kv[1]["warm_s"])
        print(f"(2) slowest warm: {worst[0]} {worst[1]['warm_s']:.2f} s (bar 10 s)")
        # (3) full over the catalogue
        if not options.skip_full:
            t = time.perf_counter()
            n_cases = 0
            failing = []
            for name in names:
                spec = verify.resolve(name)
                report = verify.verify(spec.scratch_function(), name, level="full")
                n_cases += len(report.cases)
                if not report.ok:
                    failing.append(name)
            total = time.perf_counter() - t
            results["full_catalogue_s"] = total
            results["full_catalogue_cases"] = n_cases
            results["full_catalogue_failing"] = failing
            print(f"(3) full over {len(names)} functions: {n_cases} cases in {total:.0f} s (bar 600 s); "
                  f"failing: {failing or 'none'}")
    with open(options.json, "w") as fh:
        json.dump(results, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
