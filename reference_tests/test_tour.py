"""The tour (``python -m scratch``), its catalogue, and a smoke test of the benchmarks.

The machinery is tested with stand-in entries built from NumPy functions, so these tests do
not depend on which scratch algorithms exist; the end-to-end runs use cheap real entries and
skip (saying why) if their scratch function is not importable yet.
"""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from scratch._tour import catalogue
from scratch._tour.catalogue import ENTRIES, Entry, allclose, exact, same_total_cost, select
from scratch._tour.cli import main, run_tour
from scratch._tour.runner import measure, resolve, run_entry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHEAP = ("invert", "img_as_float")  # real entries used end to end


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _require(*names):
    for name in names:
        entry = select([name])[0]
        try:
            resolve(entry.scratch)
        except (ImportError, AttributeError) as exc:
            pytest.skip(f"{entry.scratch} is not written yet ({exc})")


# --- the catalogue ---------------------------------------------------------------------------


def test_catalogue_names_are_unique_and_simple():
    names = [e.name for e in ENTRIES]
    assert len(names) == len(set(names))
    assert all(name.isidentifier() for name in names), "names must be usable with --only"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_entry_is_well_formed(entry):
    # the reference is importable and callable on the tour input
    ref = resolve(entry.reference)
    assert callable(ref)
    assert entry.scratch.startswith("scratch.")
    # drop-in: the scratch function carries the reference's name
    assert entry.scratch.rsplit(".", 1)[1] == entry.reference.rsplit(".", 1)[1]
    assert set(entry.dtypes) <= {"bool", "uint8", "uint16", "int32", "int64", "float32", "float64"}
    args = entry.tour_args()
    out = ref(*args, **entry.kwargs)
    # the reference agrees with itself under the entry's comparison, and can be pictured
    assert entry.compare(out, out, args).ok
    assert entry.to_picture(args, out).ndim in (2, 3)
    # benchmark inputs can be built at a small size for every dtype the entry lists
    for dtype in entry.dtypes:
        base = entry.bench_base(64, dtype)
        assert np.asarray(base).dtype == np.dtype(dtype)
        assert len(entry.args(base)) >= 1  # e.g. watershed derives (-distance, markers, ...) from it


def test_select_exact_name_wins_over_substring():
    assert [e.name for e in select(["sobel"])] == ["sobel"]
    assert {e.name for e in select(["sobel_"])} == {"sobel_h", "sobel_v"}
    assert [e.name for e in select(["invert", "sobel"])] == ["invert", "sobel"]
    assert len(select(None)) == len(ENTRIES)
    with pytest.raises(KeyError, match="nothing-like-this"):
        select(["nothing-like-this"])


def test_comparisons():
    a = np.array([[0.0, 1.0], [2.0, 3.0]])
    assert allclose()(a, a.copy(), (a,)).text == "identical"
    near = allclose()(a + 1e-12, a, (a,))
    assert near.ok and near.text.startswith("max |Δ| 1.0e-12")
    assert not allclose()(a + 1e-3, a, (a,)).ok
    assert not allclose()(a.astype(np.float32), a, (a,)).ok  # dtype must match
    assert not allclose()(a[:1], a, (a,)).ok  # shape must match
    assert exact()(a, a, (a,)).text == "identical"
    differ = exact()(a + (a > 2), a, (a,))
    assert not differ.ok and differ.text == "1 pixels differ"
    cost = np.array([[1.0, 2.0], [2.0, 1.0]])
    ident = (np.array([0, 1]), np.array([0, 1]))
    swap = (np.array([0, 1]), np.array([1, 0]))
    assert same_total_cost()(ident, ident, (cost,)).text == "identical"
    assert not same_total_cost()(swap, ident, (cost,)).ok
    tie = np.ones((2, 2))
    assert same_total_cost()(swap, ident, (tie,)).ok  # same cost, other optimum


def test_measure_reports_first_call_and_median():
    calls = []
    timing = measure(lambda x: calls.append(x) or x, (3,), repeat=4, budget=10.0)
    assert timing.result == 3 and timing.runs == 4 and len(calls) == 5
    assert timing.first >= 0 and timing.median >= 0


# --- the tour, with stand-in entries -----------------------------------------------------------

FAKE_OK = Entry("fake_negative", "pixels", "numpy.negative", "numpy.negative", sample="coins")
FAKE_BAD = Entry("fake_floor", "pixels", "numpy.ceil", "numpy.floor", sample="coins",
                 args=lambda base: (base * 10.0,))
FAKE_MISSING = Entry("fake_missing", "pixels", "scratch.not_written_yet.func", "numpy.negative")


def test_run_entry_statuses():
    assert run_entry(FAKE_OK, repeat=1).status == "ok"
    bad = run_entry(FAKE_BAD, repeat=1)
    assert bad.status == "disagree" and bad.agreement.text.startswith("max |Δ|")
    missing = run_entry(FAKE_MISSING, repeat=1)
    assert missing.status == "error" and "not available" in missing.error


def test_run_entry_catches_in_place_modification():
    def clobber(image):
        image[...] = 0
        return image

    sys.modules[__name__].clobber = clobber  # make it importable by dotted path
    entry = Entry("fake_clobber", "pixels", f"{__name__}.clobber", "numpy.copy", sample="coins")
    result = run_entry(entry, repeat=1)
    assert result.status == "error" and "modified its input" in result.error


def test_run_tour_writes_figures_index_and_json(tmp_path):
    results = run_tour([FAKE_OK, FAKE_BAD, FAKE_MISSING], out=str(tmp_path), repeat=1)
    assert [r.status for r in results] == ["ok", "disagree", "error"]
    assert (tmp_path / "fake_negative.png").stat().st_size > 1000
    assert (tmp_path / "fake_floor.png").exists()
    assert not (tmp_path / "fake_missing.png").exists()
    page = (tmp_path / "index.html").read_text()
    assert 'src="fake_negative.png"' in page and "fake_missing" in page and "not available" in page
    records = json.loads((tmp_path / "results.json").read_text())
    assert [r["status"] for r in records] == ["ok", "disagree", "error"]


def test_main_exit_status(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(catalogue, "ENTRIES", (FAKE_OK, FAKE_MISSING))
    assert main(["--only", "fake_negative", "--out", str(tmp_path), "--repeat", "1"]) == 0
    assert main(["--only", "fake_missing", "--no-figures", "--out", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "fake_negative" in out and "identical" in out and "not available" in out
    # at the end: the whole run's time and the share of it spent in first calls (compilation)
    assert "the tour took" in out and "were scratch's first calls" in out


def test_list(capsys):
    assert main(["--list"]) == 0
    out = capsys.readouterr().out
    for entry in ENTRIES:
        assert entry.name in out


def test_unknown_only_is_a_usage_error():
    with pytest.raises(SystemExit) as info:
        main(["--only", "nothing-like-this"])
    assert info.value.code == 2


# --- end to end, in fresh processes ------------------------------------------------------------


def test_python_m_scratch_only(tmp_path):
    _require(*CHEAP)
    proc = subprocess.run(
        [sys.executable, "-m", "scratch", "--only", *CHEAP, "--out", str(tmp_path), "--repeat", "2"],
        capture_output=True, text=True, env=_env(), cwd=str(tmp_path), timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "identical" in proc.stdout and "2 of 2 agree" in proc.stdout
    assert proc.stdout.rstrip().splitlines()[-1].startswith("the tour took ")
    for name in CHEAP:
        assert (tmp_path / f"{name}.png").exists()
    assert "invert.png" in (tmp_path / "index.html").read_text()


def test_benchmark_quick_smoke(tmp_path):
    _require("invert")
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--quick", "--only", "invert",
         "--threads", "1", "--dtypes", "uint8", "--json", str(out)],
        capture_output=True, text=True, env=_env(), cwd=str(tmp_path), timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(out.read_text())
    (row,) = report["speed"]
    assert row["name"] == "invert" and row["size"] == 512 and row["agrees"] is True
    assert row["scratch_s"] > 0 and row["reference_s"] > 0 and row["ratio"] > 0
    assert report["import"]["kernels_compiled_at_import"] == 0
    (jit,) = report["jit"]
    assert jit["cold_first_s"] > 0 and jit["warm_first_s"] > 0
    assert "import scratch" in proc.stdout
