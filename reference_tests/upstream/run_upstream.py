"""Run the references' own test files with scratch swapped in, and count what passes.

    python reference_tests/upstream/run_upstream.py            # all files
    python reference_tests/upstream/run_upstream.py -v         # ... and list every failure
    python reference_tests/upstream/run_upstream.py skimage/filters/test_edges.py

Each file runs in its own pytest process with the ``_swap`` plugin (see ``_swap.py``): the
reference functions scratch implements are replaced by scratch's before the test module is
imported.  The scikit-image 0.26.0 test files are vendored under ``skimage/`` (see NOTICE.md);
SciPy's are the ones installed with SciPy 1.17.

A test counts when it is *in scope*: it called at least one scratch object (tests of functions
scratch does not implement call none and are out of scope: column "out").  A test that reaches a
part of the reference's API scratch does not offer -- an attribute or method the reference's
class has and scratch's lacks (``KDTree.count_neighbors``), or an option scratch refuses with
its own ``NotImplementedError`` naming it (``KDTree(boxsize=...)``) -- is "not implemented"
(column "n/i", listed with ``-v``) and does not count either.  Skips and expected failures of
the upstream file do not count.  The rate is passed / (passed + failed) over the in-scope tests;
the failures that are deliberate differences are listed in ``KNOWN`` (nodeid -> reason) and
tested by ``reference_tests/test_upstream.py``.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _scipy_dir():
    import scipy

    return Path(scipy.__file__).resolve().parent


# (family, path relative to the family's root); the root of "skimage" is this folder
# (vendored files), that of "scipy" the installed SciPy package.
UPSTREAM_FILES = [
    ("skimage", "skimage/filters/test_thresholding.py"),
    ("skimage", "skimage/filters/test_edges.py"),
    ("skimage", "skimage/filters/test_gaussian.py"),
    ("skimage", "skimage/filters/test_unsharp_mask.py"),
    ("skimage", "skimage/exposure/test_exposure.py"),
    ("skimage", "skimage/morphology/test_gray.py"),
    ("skimage", "skimage/morphology/test_binary.py"),
    ("skimage", "skimage/morphology/test_footprints.py"),
    ("skimage", "skimage/morphology/test_misc.py"),
    ("skimage", "skimage/measure/test_regionprops.py"),
    ("skimage", "skimage/measure/test_label.py"),
    ("skimage", "skimage/measure/test_ccomp.py"),
    ("skimage", "skimage/segmentation/test_watershed.py"),
    ("skimage", "skimage/feature/test_peak.py"),
    ("skimage", "skimage/feature/test_canny.py"),
    ("skimage", "skimage/util/test_dtype.py"),
    ("skimage", "skimage/util/test_invert.py"),
    ("scipy", "ndimage/tests/test_filters.py"),
    ("scipy", "ndimage/tests/test_measurements.py"),
    ("scipy", "ndimage/tests/test_morphology.py"),
    ("scipy", "optimize/tests/test_linear_assignment.py"),
    ("scipy", "spatial/tests/test_kdtree.py"),
    # the signal tools file tests dozens of functions: _swap.py keeps only fftconvolve's tests
    ("scipy", "signal/tests/test_signaltools.py"),
]


def _root(family):
    return HERE if family == "skimage" else _scipy_dir()


def _label(family, relpath):
    return relpath if family == "skimage" else f"scipy/{relpath}"


# Deliberate differences: upstream test nodeid -> reason.  Each is also named, with its
# reason, in reference_tests/test_upstream.py (the "Known difference" list).
_DASK = ("scratch computes eagerly: its Numba kernels take NumPy arrays, so a dask array is "
         "converted (np.asarray) and a NumPy array comes back, with the reference's values; the "
         "reference's NumPy expressions happen to stay lazy on dask arrays")
KNOWN = {
    "test_exposure.py::test_dask_histogram": _DASK,
    "test_exposure.py::test_dask_rescale": _DASK,
}


def run_family(family, relpaths, timeout=1800):
    # (cwd is this folder, never SciPy's: there its ``signal`` package would shadow the stdlib's)
    """Run a family's upstream files in one pytest process (one start-up and one compilation of
    the kernels); return the list of per-test outcome records, each with its file's label."""
    root = _root(family)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.jsonl"
        env = dict(os.environ)
        env["SCRATCH_SWAP"] = family
        env["SCRATCH_SWAP_REPORT"] = str(report)
        env["PYTHONPATH"] = os.pathsep.join([str(HERE), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        cmd = [sys.executable, "-m", "pytest", "-c", str(HERE / "pytest.ini"), "-p", "_swap",
               "--rootdir", str(root), "--confcutdir", str(root), "-q",
               *[str(root / p) for p in relpaths]]
        proc = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True,
                              timeout=timeout)
        if not report.exists():
            raise RuntimeError(f"{family}: pytest wrote no report\n{proc.stdout[-3000:]}\n"
                               f"{proc.stderr[-3000:]}")
        records = [json.loads(line) for line in report.read_text().splitlines() if line]
    for r in records:
        r["file"] = _label(family, r["nodeid"].split("::")[0])
    return records


def summarize(records):
    """Counts of one file's (or all) in-scope records."""
    scope = [r for r in records if r["calls"] > 0 and r["outcome"] in ("passed", "failed")]
    failed = [r for r in scope if r["outcome"] == "failed"]
    return {
        "passed": len(scope) - len(failed),
        "failed": len(failed),
        "known": sum(1 for r in failed if _short(r["nodeid"]) in KNOWN),
        "out_of_scope": sum(1 for r in records if r["calls"] == 0),
        "unimplemented": [r for r in records if r["outcome"] == "unimplemented"],
        "skipped": sum(1 for r in records if r["calls"] > 0
                       and r["outcome"] not in ("passed", "failed", "unimplemented")),
        "failures": failed,
    }


def _short(nodeid):
    """A nodeid without the folders (as KNOWN names it): 'test_edges.py::test_x[...]'."""
    return nodeid.split("/")[-1]


def _line(label, s, seconds=None):
    n = s["passed"] + s["failed"]
    rate = f"{100.0 * s['passed'] / n:6.1f}%" if n else "      -"
    t = f"{seconds:>5.0f}" if seconds is not None else ""
    return (f"{label:<48} {s['passed']:>5} {s['failed']:>5} {s['known']:>5} {rate:>7} "
            f"{s['out_of_scope']:>5} {len(s['unimplemented']):>5} {s['skipped']:>5} {t}")


def run(selected=None, verbose=False, out=sys.stdout):
    """Run the files (all, or those whose label ends with one of ``selected``); print one line
    per file (in-scope passed, failed, of those known, rate; out of scope; skipped) and the
    total; return ``(rate, all_records, seconds)``."""
    start = time.perf_counter()
    everything = []
    print(f"{'file':<48} {'pass':>5} {'fail':>5} {'known':>5} {'rate':>7} {'out':>5} {'n/i':>5} "
          f"{'skip':>5}",
          file=out)
    for family in ("skimage", "scipy"):
        chosen = [p for f, p in UPSTREAM_FILES if f == family
                  and (not selected or any(_label(f, p).endswith(x) for x in selected))]
        if not chosen:
            continue
        t0 = time.perf_counter()
        records = run_family(family, chosen)
        everything += records
        for relpath in chosen:
            label = _label(family, relpath)
            s = summarize([r for r in records if r["file"] == label])
            print(_line(label, s), file=out, flush=True)
            if verbose:
                for r in s["unimplemented"]:
                    print(f"    n/i  {r['nodeid']}: {r.get('message', '')}", file=out)
                for r in s["failures"]:
                    tag = "known" if _short(r["nodeid"]) in KNOWN else "FAIL"
                    print(f"    {tag} {r['nodeid']}: {r.get('message', '')}", file=out)
        print(f"  ({family}: {time.perf_counter() - t0:.0f} s)", file=out, flush=True)
    s = summarize(everything)
    n = s["passed"] + s["failed"]
    rate = 100.0 * s["passed"] / n if n else float("nan")
    seconds = time.perf_counter() - start
    print(_line("total", s, seconds), file=out)
    unknown = [r for r in s["failures"] if _short(r["nodeid"]) not in KNOWN]
    print(f"in scope: {s['passed']} passed, {s['failed']} failed "
          f"({len(unknown)} not named in KNOWN)", file=out)
    return rate, everything, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="labels (or their endings) to run")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failure")
    parser.add_argument("--json", metavar="PATH", help="write every test's record (JSON lines)")
    args = parser.parse_args(argv)
    rate, records, _ = run(args.files, args.verbose)
    if args.json:
        with open(args.json, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)
    return 0 if rate >= 98.0 else 1


if __name__ == "__main__":
    sys.exit(main())
