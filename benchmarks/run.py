"""Benchmarks: every catalogue entry, scratch vs its references, side by side in one run.

    python benchmarks/run.py                       # everything (long: see README.md)
    python benchmarks/run.py --quick               # 512² only, few repeats, no crossover
    python benchmarks/run.py --only gaussian_filter_s2 sobel --sizes 2048 --threads 2
    python benchmarks/run.py --sizes 2048 --load 2  # the same with 2 CPU-bound processes running

For every entry of ``scratch._tour.catalogue.ENTRIES`` (the same list the tour runs), each
size, dtype and thread count, it times

* the scratch function (``scratch._jit.set_num_threads(n)``; ``auto``: scratch's own per-call
  choice of threads, which a busy machine lowers),
* the reference (SciPy / scikit-image: single-threaded, so timed once per size and dtype),
* the OpenCV counterpart where the entry names one (``cv2.setNumThreads(n)``),

as the median of repeated calls after a first call, and prints ratios
``scratch / reference`` (0.5 means scratch is 2x faster).  It also checks, on the benchmark
input itself, that scratch agrees with the reference.

Then the JIT cost, each in a fresh Python process:

* ``import scratch`` (and of every sub-package) time, and how many kernels that compiled (0);
* per entry, the first call with a cold cache (a new, empty ``NUMBA_CACHE_DIR``: compile +
  cache write) and the first call in a new process with that cache warm;
* the cold compile of everything selected, in one process.

Finally (not with ``--quick``) where ``fftconvolve`` overtakes direct ``correlate`` as the
kernel grows.  Everything is written as JSON too (``--json``).
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from scratch._tour.catalogue import ENTRIES, NotApplicable, select  # noqa: E402
from scratch._tour.runner import measure, resolve  # noqa: E402

DEFAULT_SIZES = (512, 2048, 4096)
DEFAULT_DTYPES = ("uint8", "uint16", "float32", "float64")


# --- helpers -----------------------------------------------------------------------------------


def fmt_s(seconds):
    """Seconds as a short human string."""
    if seconds is None:
        return "—"
    if seconds >= 1.0:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def fmt_ratio(ratio):
    """Ratio coloured for rich: green <= 0.5 (2x faster), yellow <= 1, red above."""
    if ratio is None:
        return "—"
    colour = "green" if ratio <= 0.5 else ("yellow" if ratio <= 1.0 else "red")
    return f"[{colour}]{ratio:.2f}[/{colour}]"


def set_threads(n):
    """Same thread count for scratch (Numba) and OpenCV; ``"auto"``: scratch chooses per call
    (all cores, fewer on a busy machine: ``scratch._jit.threads_for``), OpenCV its default."""
    from scratch._jit import set_num_threads

    set_num_threads(None if n == "auto" else n)
    try:
        import cv2

        cv2.setNumThreads(-1 if n == "auto" else int(n))
    except ImportError:
        pass


def parse_threads(values, max_threads):
    """``--threads`` values: ints (clipped to the cores) and ``auto``; auto first."""
    out = []
    for v in values:
        v = "auto" if str(v).strip().lower() == "auto" else min(max(int(v), 1), max_threads)
        if v not in out:
            out.append(v)
    return sorted(out, key=lambda v: (v != "auto", 0 if v == "auto" else v))


_BURN = "import time\nwhile True:\n    sum(range(10000))\n"


class Load:
    """``--load N``: N CPU-bound processes for the duration of the run (a busy laptop, a shared
    CI runner), stopped however the run ends."""

    def __init__(self, n):
        self.n, self.processes = max(int(n), 0), []

    def __enter__(self):
        for _ in range(self.n):
            self.processes.append(subprocess.Popen([sys.executable, "-c", _BURN],
                                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL))
        if self.processes:
            time.sleep(0.5)  # let them reach the run queue
        return self

    def __exit__(self, *exc):
        for p in self.processes:
            p.kill()
        for p in self.processes:
            p.wait()
        self.processes = []


def versions():
    """Versions of everything that is timed."""
    out = {"python": platform.python_version(), "numpy": np.__version__,
           "machine": platform.machine(), "cpus": os.cpu_count()}
    for name in ("numba", "scipy", "skimage", "cv2"):
        try:
            out[name] = __import__(name).__version__
        except ImportError:
            out[name] = None
    import scratch

    out["scratch"] = scratch.__version__
    return out


def subprocess_env(**extra):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


# --- speed ---------------------------------------------------------------------------------------


def _warm_up(func, args, kwargs, budget, seconds=1.0, calls=50):
    """Untimed calls for ``seconds`` (at most ``calls``, at most half the budget) before the
    first measured thread setting.  In some fresh processes here the first 5-10 threaded calls
    on 2048² arrays took ~40 ms against 2-5 ms later (tbb: 13 of 75 calls in five processes;
    omp: 2 of 75; one thread: none; cause not found), and were charged to whichever setting
    came first.  This removes most, not all, of it."""
    set_threads("auto")
    started = time.perf_counter()
    for _ in range(calls):
        try:
            func(*args, **kwargs)
        except Exception:  # noqa: BLE001 - reported by the measurement itself
            return
        if time.perf_counter() - started > min(seconds, budget / 2):
            return


def bench_speed(entries, sizes, dtypes, threads, repeat, budget, progress):
    """Time every (entry, size, dtype, threads); returns a list of row dicts."""
    rows = []
    jobs = []
    for e in entries:
        e_sizes = (e.sizes[:1] if e.sizes and sizes == "quick" else e.sizes) or sizes
        if e_sizes == "quick":
            e_sizes = (512,)
        for size in e_sizes:
            for dtype in e.dtypes:
                if dtype in dtypes:
                    jobs.append((e, size, dtype))
    task = progress.add_task("speed", total=len(jobs) * len(threads))
    for e, size, dtype in jobs:
        progress.update(task, description=f"{e.name} {size} {dtype}")
        base = {"name": e.name, "family": e.family, "size": size, "dtype": dtype,
                "scratch_fn": e.scratch, "reference_fn": e.reference,
                "opencv_fn": e.opencv_name or None}
        try:
            ours_fn, ref_fn = resolve(e.scratch), resolve(e.reference)
            args = e.bench_args(size, dtype)
        except Exception as exc:  # noqa: BLE001 - reported as an error row
            for n in threads:
                rows.append({**base, "threads": n, "error": f"{type(exc).__name__}: {exc}"})
                progress.advance(task)
            continue
        base["shape"] = list(np.shape(args[0]))
        try:
            ref = measure(ref_fn, args, e.kwargs, repeat, budget)
        except Exception as exc:  # noqa: BLE001
            ref = None
            base["reference_error"] = f"{type(exc).__name__}: {exc}"
        agreement = None
        _warm_up(ours_fn, args, e.kwargs, budget)
        for n in threads:
            set_threads(n)
            row = {**base, "threads": n}
            try:
                ours = measure(ours_fn, args, e.kwargs, repeat, budget)
                row["scratch_s"] = ours.median
                row["scratch_first_s"] = ours.first
                row["scratch_runs"] = ours.runs
                if agreement is None and ref is not None:
                    agreement = e.compare(ours.result, ref.result, args)
                del ours
            except Exception as exc:  # noqa: BLE001
                row["error"] = f"scratch raised {type(exc).__name__}: {exc}"
            if ref is not None:
                row["reference_s"] = ref.median
                row["reference_runs"] = ref.runs
            if agreement is not None:
                row["agrees"] = agreement.ok
                row["agreement"] = agreement.text
            if e.opencv is not None:
                try:
                    cv = measure(e.opencv, args, {}, repeat, budget)
                    row["opencv_s"] = cv.median
                except NotApplicable as exc:
                    row["opencv_note"] = str(exc)
                except Exception as exc:  # noqa: BLE001
                    row["opencv_note"] = f"{type(exc).__name__}: {exc}"
            if row.get("scratch_s") and row.get("reference_s"):
                row["ratio"] = row["scratch_s"] / row["reference_s"]
            if row.get("scratch_s") and row.get("opencv_s"):
                row["ratio_opencv"] = row["scratch_s"] / row["opencv_s"]
            rows.append(row)
            progress.advance(task)
        del ref, args
    return rows


def speed_table(rows):
    from rich.table import Table

    table = Table(title="speed: median times, ratio = scratch / reference (≤ 0.5: 2× faster)",
                  title_justify="left")
    for col, justify in (("algorithm", "left"), ("size", "right"), ("dtype", "left"),
                         ("thr", "right"), ("scratch", "right"), ("reference", "right"),
                         ("ratio", "right"), ("OpenCV", "right"), ("vs OpenCV", "right"),
                         ("agrees", "left")):
        table.add_column(col, justify=justify, no_wrap=True)
    for r in rows:
        if "error" in r:
            agrees = f"[red]{r['error'][:70]}[/red]"
        elif "agrees" in r:
            agrees = "[green]yes[/green]" if r["agrees"] else f"[red]{r['agreement']}[/red]"
        else:
            agrees = f"[red]{r.get('reference_error', '?')[:70]}[/red]"
        size = "×".join(str(s) for s in r["shape"]) if "shape" in r else str(r["size"])
        table.add_row(r["name"], size, r["dtype"], str(r["threads"]), fmt_s(r.get("scratch_s")),
                      fmt_s(r.get("reference_s")), fmt_ratio(r.get("ratio")),
                      fmt_s(r.get("opencv_s")), fmt_ratio(r.get("ratio_opencv")), agrees)
    return table


# --- JIT cost (fresh processes) --------------------------------------------------------------------

_FIRST_CALL = r"""
import json, sys, time
t0 = time.perf_counter()
import scratch
t_import = time.perf_counter() - t0
from scratch._tour.catalogue import select
from scratch._tour.runner import resolve
out = []
for name in sys.argv[2:]:
    e = select([name])[0]
    dtypes = [d for d in ("float64", "float32", "uint8") if d in e.dtypes] or ["float64"]
    args = e.bench_args(int(sys.argv[1]), dtypes[0])
    t0 = time.perf_counter()
    fn = resolve(e.scratch)
    t_module = time.perf_counter() - t0
    t0 = time.perf_counter()
    fn(*args, **e.kwargs)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    fn(*args, **e.kwargs)
    second = time.perf_counter() - t0
    out.append({"name": name, "dtype": dtypes[0], "import_module_s": t_module,
                "first_call_s": first, "second_call_s": second})
print(json.dumps({"import_scratch_s": t_import, "calls": out}))
"""

_IMPORT = r"""
import json, sys, time
t0 = time.perf_counter()
import scratch
t_import = time.perf_counter() - t0
numba_loaded = "numba" in sys.modules
t0 = time.perf_counter()
for name in scratch._SUBMODULES:
    try:
        getattr(scratch, name)
    except Exception:
        pass
t_all = time.perf_counter() - t0
compiled = 0
try:
    from numba.core.registry import CPUDispatcher
    for mod in list(sys.modules.values()):
        if getattr(mod, "__name__", "").startswith("scratch"):
            for obj in list(vars(mod).values()):
                if isinstance(obj, CPUDispatcher) and obj.signatures:
                    compiled += 1
except ImportError:
    pass
print(json.dumps({"import_scratch_s": t_import, "import_subpackages_s": t_all,
                  "numba_imported_by_import_scratch": numba_loaded,
                  "kernels_compiled_at_import": compiled}))
"""


def _run_python(code, argv, env, timeout=900):
    proc = subprocess.run([sys.executable, "-c", code, *map(str, argv)], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        raise RuntimeError(tail)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_import(runs=3):
    """``import scratch`` in fresh processes: median time and whether anything compiled."""
    records = [_run_python(_IMPORT, [], subprocess_env()) for _ in range(runs)]
    out = dict(records[-1])
    out["import_scratch_s"] = statistics.median(r["import_scratch_s"] for r in records)
    out["import_subpackages_s"] = statistics.median(r["import_subpackages_s"] for r in records)
    return out


def bench_jit(entries, size, progress):
    """Cold- and warm-cache first calls per entry, and the cold compile of all of them."""
    rows = []
    task = progress.add_task("JIT cost", total=len(entries) + 1)
    for e in entries:
        progress.update(task, description=f"JIT {e.name}")
        row = {"name": e.name}
        with tempfile.TemporaryDirectory(prefix="scratch-numba-cache-") as cache:
            env = subprocess_env(NUMBA_CACHE_DIR=cache)
            try:
                cold = _run_python(_FIRST_CALL, [size, e.name], env)["calls"][0]
                warm = _run_python(_FIRST_CALL, [size, e.name], env)["calls"][0]
                row.update(dtype=cold["dtype"], cold_first_s=cold["first_call_s"],
                           warm_first_s=warm["first_call_s"],
                           warm_import_module_s=warm["import_module_s"],
                           steady_s=warm["second_call_s"])
            except Exception as exc:  # noqa: BLE001
                row["error"] = str(exc)
        rows.append(row)
        progress.advance(task)
    progress.update(task, description="JIT: cold compile of everything")
    total = {}
    names = [r["name"] for r in rows if "error" not in r]
    if names:
        with tempfile.TemporaryDirectory(prefix="scratch-numba-cache-") as cache:
            t0 = time.perf_counter()
            try:
                record = _run_python(_FIRST_CALL, [size, *names], subprocess_env(NUMBA_CACHE_DIR=cache))
                total = {"entries": len(names), "first_calls_s": sum(c["first_call_s"] for c in record["calls"]),
                         "process_s": time.perf_counter() - t0}
            except Exception as exc:  # noqa: BLE001
                total = {"error": str(exc)}
    progress.advance(task)
    return rows, total


def jit_table(rows, total, imports):
    from rich.table import Table

    table = Table(title="JIT cost: first call in a new process (small input)", title_justify="left")
    for col in ("algorithm", "dtype", "cold cache (compile)", "warm cache", "steady call", ""):
        table.add_column(col, justify="left" if col in ("algorithm", "dtype", "") else "right")
    for r in rows:
        if "error" in r:
            table.add_row(r["name"], "", "", "", "", f"[red]{r['error'][:80]}[/red]")
            continue
        warm = r["warm_first_s"]
        flag = "[green]< 1 s[/green]" if warm < 1.0 else "[red]≥ 1 s[/red]"
        table.add_row(r["name"], r["dtype"], fmt_s(r["cold_first_s"]), fmt_s(warm),
                      fmt_s(r["steady_s"]), flag)
    lines = [
        f"import scratch: {fmt_s(imports.get('import_scratch_s'))} "
        f"(all sub-packages +{fmt_s(imports.get('import_subpackages_s'))}; "
        f"kernels compiled at import: {imports.get('kernels_compiled_at_import')}; "
        f"numba imported by `import scratch`: {imports.get('numba_imported_by_import_scratch')})",
    ]
    if total.get("error"):
        lines.append(f"cold compile of everything: [red]{total['error']}[/red]")
    elif total:
        lines.append(f"cold compile of everything ({total['entries']} entries, one process): "
                     f"{fmt_s(total['first_calls_s'])} in first calls, process {fmt_s(total['process_s'])}")
    return table, lines


# --- where FFT convolution overtakes direct correlation ---------------------------------------------


def bench_crossover(size, kernel_sizes, repeat, budget, progress):
    """scratch correlate (direct) vs scratch fftconvolve over growing square kernels."""
    rows = []
    try:
        correlate = resolve("scratch.ndimage.correlate")
        fftconvolve = resolve("scratch.signal.fftconvolve")
    except (ImportError, AttributeError) as exc:
        return [{"error": str(exc)}]
    from scipy import ndimage, signal

    from scratch._tour.catalogue import bench_image

    image = bench_image(size, "float64")
    task = progress.add_task("crossover", total=len(kernel_sizes))
    for k in kernel_sizes:
        progress.update(task, description=f"crossover {k}×{k}")
        kernel = np.random.default_rng(k).uniform(size=(k, k))
        row = {"size": size, "kernel": k}
        row["correlate_s"] = measure(correlate, (image, kernel), {}, repeat, budget).median
        row["fftconvolve_s"] = measure(fftconvolve, (image, kernel), {"mode": "same"}, repeat, budget).median
        row["scipy_correlate_s"] = measure(ndimage.correlate, (image, kernel), {}, repeat, budget).median
        row["scipy_fftconvolve_s"] = measure(signal.fftconvolve, (image, kernel), {"mode": "same"},
                                             repeat, budget).median
        rows.append(row)
        progress.advance(task)
    return rows


def crossover_table(rows):
    from rich.table import Table

    table = Table(title="direct correlate vs fftconvolve (float64, scratch; SciPy for context)",
                  title_justify="left")
    for col in ("kernel", "correlate", "fftconvolve", "faster", "scipy correlate", "scipy fftconvolve"):
        table.add_column(col, justify="right")
    for r in rows:
        if "error" in r:
            table.add_row("—", f"[red]{r['error'][:60]}[/red]", "", "", "", "")
            continue
        faster = "fft" if r["fftconvolve_s"] < r["correlate_s"] else "direct"
        table.add_row(f"{r['kernel']}×{r['kernel']}", fmt_s(r["correlate_s"]), fmt_s(r["fftconvolve_s"]),
                      faster, fmt_s(r["scipy_correlate_s"]), fmt_s(r["scipy_fftconvolve_s"]))
    over = [r["kernel"] for r in rows if "error" not in r and r["fftconvolve_s"] < r["correlate_s"]]
    note = (f"fftconvolve overtakes direct correlation from {over[0]}×{over[0]} on "
            f"{rows[0]['size']}²" if over else "direct correlation stays faster over these kernels")
    return table, note


# --- main ----------------------------------------------------------------------------------------


def build_parser():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=None,
                   help="image sides (default 512 2048 4096; --quick: 512)")
    p.add_argument("--dtypes", nargs="+", default=list(DEFAULT_DTYPES),
                   choices=list(DEFAULT_DTYPES), help="dtypes (each entry keeps the ones it takes)")
    p.add_argument("--threads", nargs="+", default=None,
                   help="thread counts for scratch and OpenCV, or 'auto' (scratch's per-call choice; "
                        "default: auto 1 2)")
    p.add_argument("--load", type=int, default=0, metavar="N",
                   help="run N CPU-bound processes during the measurements (a busy machine)")
    p.add_argument("--only", nargs="+", action="extend", metavar="NAME",
                   help="catalogue entries (exact name, else substring)")
    p.add_argument("--repeat", type=int, default=None, help="max timed calls per measurement (default 7)")
    p.add_argument("--budget", type=float, default=2.0,
                   help="stop repeating after this many seconds (>= 3 calls made; default 2)")
    p.add_argument("--json", default="bench-results.json", help="write results here (default bench-results.json)")
    p.add_argument("--quick", action="store_true", help="512² only, 3 repeats, no crossover: a smoke test")
    p.add_argument("--no-jit", action="store_true", help="skip the JIT-cost measurements")
    p.add_argument("--jit-only", action="store_true", help="only the import and JIT-cost measurements")
    p.add_argument("--jit-size", type=int, default=64, help="image side for the JIT-cost calls (default 64)")
    p.add_argument("--no-crossover", action="store_true", help="skip the fftconvolve crossover")
    p.add_argument("--crossover-size", type=int, default=512, help="image side of the crossover (default 512)")
    return p


def main(argv=None):
    options = build_parser().parse_args(argv)
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn)

    console = Console()
    if not console.is_terminal:
        console = Console(width=200)
    try:
        entries = [e for e in select(options.only, ENTRIES)]
    except KeyError as exc:
        console.print(f"[red]{exc.args[0]}[/red]")
        return 2
    sizes = tuple(options.sizes) if options.sizes else ("quick" if options.quick else DEFAULT_SIZES)
    repeat = options.repeat or (3 if options.quick else 7)
    budget = min(options.budget, 0.5) if options.quick else options.budget
    import numba

    max_threads = numba.config.NUMBA_NUM_THREADS
    try:
        threads = parse_threads(options.threads or ["auto", 1, 2], max_threads)
    except ValueError:
        console.print(f"[red]--threads takes integers or 'auto', not {options.threads}[/red]")
        return 2

    report = {"meta": {"date": datetime.datetime.now().isoformat(timespec="seconds"),
                       "argv": sys.argv[1:], "versions": versions(), "threads": threads,
                       "repeat": repeat, "budget_s": budget, "load_processes": options.load,
                       "note": "times are medians in seconds after a first call; ratio = scratch / "
                               "reference; the references (SciPy, scikit-image) are single-threaded"}}
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True),
                        transient=True)
    failed = False
    with progress, Load(options.load):
        if not options.jit_only:
            rows = bench_speed(entries, sizes, set(options.dtypes), threads, repeat, budget,
                               progress)
            report["speed"] = rows
            failed |= any("error" in r or r.get("agrees") is False for r in rows)
        if not options.no_jit:
            report["import"] = bench_import(runs=1 if options.quick else 3)
            report["jit"], report["jit_total"] = bench_jit(entries, options.jit_size, progress)
        if not (options.quick or options.no_crossover or options.jit_only):
            report["crossover"] = bench_crossover(options.crossover_size, (3, 5, 7, 9, 11, 15, 21, 31),
                                                  repeat, budget, progress)
    if "speed" in report:
        console.print(speed_table(report["speed"]))
    if "jit" in report:
        table, lines = jit_table(report["jit"], report["jit_total"], report["import"])
        console.print(table)
        for line in lines:
            console.print(line)
    if "crossover" in report:
        table, note = crossover_table(report["crossover"])
        console.print(table)
        console.print(note)
    if options.json:
        with open(options.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=2)
        console.print(f"results written to [bold]{options.json}[/bold]")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
