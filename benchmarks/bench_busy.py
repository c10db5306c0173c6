"""The tour's entries on a busy machine: scratch's own choice of threads against one thread
and against the reference, calls interleaved in one process (issue 12).

    python benchmarks/bench_busy.py --load 2          # two CPU-bound processes running
    python benchmarks/bench_busy.py --load 0 --only threshold_otsu sobel

For every catalogue entry, on its tour input: a first call of each, then ``--rounds`` rounds
of (reference, scratch with ``threads_for`` choosing, reference, scratch fixed to 1 thread),
the two scratch variants swapping places every round; the
medians, ``ratio = auto / reference`` and ``auto / 1 thread``.  The bars of issue 12: with as
many busy processes as cores, every ratio <= 1.0 and every ``auto / 1 thread`` <= 1.5.
"""

import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

from run import Load  # noqa: E402

from scratch import _jit  # noqa: E402
from scratch._tour.catalogue import ENTRIES, select  # noqa: E402
from scratch._tour.runner import resolve  # noqa: E402


def time_call(fn, args, kwargs):
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def bench(entries, rounds):
    rows = []
    for e in entries:
        args = e.tour_args()
        ours, ref = resolve(e.scratch), resolve(e.reference)
        ours(*args, **e.kwargs)
        ref(*args, **e.kwargs)
        times = {"auto": [], "one": [], "reference": []}
        for i in range(rounds):
            # each scratch call follows a reference call, as in the tour's alternating rounds:
            # on a busy machine a call made right after a long one is the likelier to be
            # preempted (its process has used up its share), so both variants get that turn
            for name, threads in (("auto", None), ("one", 1))[::1 if i % 2 == 0 else -1]:
                _jit.set_num_threads(None)
                times["reference"].append(time_call(ref, args, e.kwargs))
                _jit.set_num_threads(threads)
                times[name].append(time_call(ours, args, e.kwargs))
        _jit.set_num_threads(None)
        auto, one, reference = times["auto"], times["one"], times["reference"]
        row = {"name": e.name, "auto_s": statistics.median(auto), "one_thread_s": statistics.median(one),
               "reference_s": statistics.median(reference)}
        row["ratio"] = row["auto_s"] / row["reference_s"]
        row["auto_vs_one"] = row["auto_s"] / row["one_thread_s"]
        rows.append(row)
        print(f"{e.name:26s} auto {row['auto_s'] * 1e3:9.3f} ms  1 thread {row['one_thread_s'] * 1e3:9.3f} ms  "
              f"reference {row['reference_s'] * 1e3:9.3f} ms  ratio {row['ratio']:5.2f}  "
              f"auto/1 {row['auto_vs_one']:5.2f}", flush=True)
    return rows


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--load", type=int, default=os.cpu_count() or 1,
                   help="CPU-bound processes running meanwhile (default: one per core)")
    p.add_argument("--rounds", type=int, default=15, help="interleaved rounds per entry (default 15)")
    p.add_argument("--only", nargs="+", action="extend", metavar="NAME", help="catalogue entries")
    p.add_argument("--json", default=None, help="write the rows here")
    options = p.parse_args(argv)
    entries = select(options.only, ENTRIES)
    with Load(options.load):
        rows = bench(entries, options.rounds)
    worst = max(rows, key=lambda r: r["ratio"])
    slowest = max(rows, key=lambda r: r["auto_vs_one"])
    print(f"\n{len(rows)} entries with {options.load} busy processes on {_jit._cores()} cores "
          f"(layer {_jit.threading_info()['layer']}): worst ratio {worst['ratio']:.2f} ({worst['name']}), "
          f"worst auto / 1 thread {slowest['auto_vs_one']:.2f} ({slowest['name']}); "
          f"ratios above 1: {sum(r['ratio'] > 1 for r in rows)}, auto / 1 above 1.5: "
          f"{sum(r['auto_vs_one'] > 1.5 for r in rows)}")
    if options.json:
        with open(options.json, "w", encoding="utf-8") as fh:
            json.dump({"load": options.load, "cores": _jit._cores(), "rows": rows}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
