"""scratch.verify as a product: deliberately wrong candidates are caught and named, the layers,
outcomes, report forms, the child-process runner and the CLI.

The expected values inside verify always come from the reference; here the wrong candidates
are written out in the tests (plain Python / NumPy), each with one known mistake, and each
must fail in the right layer with the right kind of mismatch.
"""

import heapq
import json
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import scipy.ndimage as ndi
import skimage.filters
import skimage.measure

import scratch
import scratch.filters
import scratch.verify as verify
from scratch.verify import Case, Input, make_input
from scratch.verify._compare import close, labels, peak_set, scalar, total_cost
from scratch.verify._engine import call_once
from scratch.verify._isolate import ChildRunner


def causes(report):
    return [f.cause for f in report.findings]


def layers_failing(report):
    return {r.layer for r in report.failures}


# --- the wrong candidates of the issue ------------------------------------------------------


def otsu_off_by_one_bin(image=None, nbins=256, *, hist=None):
    """Otsu's method, textbook, except that it returns the next bin's centre."""
    image = np.asarray(image)
    counts, edges = np.histogram(image.ravel(), bins=nbins, range=(image.min(), image.max()))
    centres = (edges[:-1] + edges[1:]) / 2
    w0 = np.cumsum(counts)
    w1 = np.cumsum(counts[::-1])[::-1]
    m0 = np.cumsum(counts * centres) / np.maximum(w0, 1)
    m1 = (np.cumsum((counts * centres)[::-1]) / np.maximum(w1[::-1], 1))[::-1]
    variance = w0[:-1] * w1[1:] * (m0[:-1] - m1[1:]) ** 2
    return centres[min(int(np.argmax(variance)) + 1, nbins - 1)]


def test_otsu_off_by_one_bin_is_caught_in_values():
    report = verify.verify(otsu_off_by_one_bin, "threshold_otsu")
    assert not report.ok
    finding = next(f for f in report.findings if f.cause == "returns a different value")
    assert {"smoke", "values"} <= set(finding.layers)
    assert "where the reference gives" in finding.example.detail
    assert finding.count > 5  # many cases, one finding


def correlate_constant_mode(input, weights, output=None, mode="reflect", cval=0.0, origin=0, *, axes=None):
    """correlate that always pads with zeros, whatever mode was asked for."""
    return ndi.correlate(input, weights, output=output, mode="constant", cval=cval, origin=origin, axes=axes)


def test_correlate_in_constant_mode_differs_only_in_the_border_band():
    report = verify.verify(correlate_constant_mode, "correlate")
    assert not report.ok
    assert any("only in the border band" in c for c in causes(report)), causes(report)
    border = next(f for f in report.findings if "only in the border band" in f.cause)
    assert "values" in border.layers or "smoke" in border.layers
    assert border.example.stats["in_interior"] == 0 and border.example.stats["in_border_band"] > 0
    assert border.example.stats["first_index"]


def label_4_connected(label_image, background=None, return_num=False, connectivity=None):
    """label that always uses 4-connectivity (1), whatever was asked."""
    return skimage.measure.label(label_image, background=background, return_num=return_num, connectivity=1)


def test_label_4_connected_when_8_asked_is_caught_as_different_labels():
    report = verify.verify(label_4_connected, "label")
    assert not report.ok
    label_findings = [f for f in report.findings if "labels differ" in f.cause]
    assert label_findings, causes(report)
    assert {"values", "dtypes", "smoke", "shapes"} & set(label_findings[0].layers)


def watershed_without_age(image, markers=None, connectivity=1, offset=None, mask=None, compactness=0,
                          watershed_line=False):
    """Priority flood whose queue is ordered by value only: ties go to the lowest pixel index
    instead of the pixel queued first (no age tie-break)."""
    image = np.asarray(image, dtype=np.float64)
    labels_ = np.array(markers, dtype=np.int32, copy=True)
    shape = image.shape
    flat = image.ravel()
    out = labels_.ravel()
    heap = []
    offsets = [(-1, 0), (1, 0), (0, -1), (0, 1)] if len(shape) == 2 else None
    rows, cols = shape
    for i in np.flatnonzero(out):
        heapq.heappush(heap, (flat[i], int(i)))
    while heap:
        _, i = heapq.heappop(heap)
        r, c = divmod(i, cols)
        for dr, dc in offsets:
            rr, cc = r + dr, c + dc
            if 0 <= rr < rows and 0 <= cc < cols:
                j = rr * cols + cc
                if out[j] == 0 and (mask is None or np.asarray(mask).ravel()[j]):
                    out[j] = out[i]
                    heapq.heappush(heap, (flat[j], j))
    return out.reshape(shape)


def test_watershed_without_age_tie_break_is_caught():
    report = verify.verify(watershed_without_age, "watershed")
    assert not report.ok
    assert any("labels differ" in c for c in causes(report)), causes(report)
    assert "values" in layers_failing(report)


def greedy_assignment(cost_matrix, maximize=False):
    """Each row takes its cheapest free column, in row order: not the optimum in general."""
    cost = np.asarray(cost_matrix, dtype=float)
    transposed = cost.shape[0] > cost.shape[1]
    if transposed:
        cost = cost.T
    sign = -1.0 if maximize else 1.0
    taken = set()
    rows, cols = [], []
    for r in range(cost.shape[0]):
        order = np.argsort(sign * cost[r], kind="stable")
        c = next(int(c) for c in order if int(c) not in taken)
        taken.add(c)
        rows.append(r)
        cols.append(c)
    rows, cols = np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp)
    if transposed:
        order = np.argsort(cols)
        rows, cols = cols[order], rows[order]
    return rows, cols


def test_greedy_assignment_is_caught_by_total_cost():
    report = verify.verify(greedy_assignment, "linear_sum_assignment")
    assert not report.ok
    assert any("than the optimum" in c for c in causes(report)), causes(report)
    assert "values" in layers_failing(report)


# --- outcomes and layers -------------------------------------------------------------------


def test_scratch_verify_module_is_callable_and_takes_every_form_of_name():
    r1 = scratch.verify(scratch.filters.threshold_otsu, "threshold_otsu")
    r2 = verify.verify(scratch.filters.threshold_otsu, "skimage.filters.threshold_otsu")
    r3 = verify.verify(scratch.filters.threshold_otsu, skimage.filters.threshold_otsu)
    r4 = verify.verify(scratch.filters.threshold_otsu)  # the function itself names its spec
    assert r1.ok and r2.ok and r3.ok and r4.ok
    assert len(r1.cases) == len(r2.cases) == len(r3.cases) == len(r4.cases)


def test_unknown_name_and_level():
    with pytest.raises(KeyError, match="threshold_otsu"):
        verify.verify(np.mean, "threshold_otsux")
    with pytest.raises(ValueError, match="level"):
        verify.verify(scratch.filters.threshold_otsu, "threshold_otsu", level="medium")


def test_missing_optional_parameter_is_not_supported_and_its_cases_are_skipped():
    def otsu(image=None, nbins=256):  # no hist=
        return skimage.filters.threshold_otsu(image, nbins)

    report = verify.verify(otsu, "threshold_otsu")
    assert report.unsupported == ["hist"]
    skipped = [r for r in report.cases if r.outcome == "skip" and r.layer != "signature"]
    assert skipped and all("hist" in r.detail for r in skipped)
    assert report.ok  # skipped is not failed


def test_a_different_default_fails_the_signature_layer():
    def otsu(image=None, nbins=128, *, hist=None):
        return skimage.filters.threshold_otsu(image, nbins, hist=hist)

    report = verify.verify(otsu, "threshold_otsu")
    sig = [r for r in report.failures if r.layer == "signature"]
    assert sig and "nbins=128" in sig[0].detail and "256" in sig[0].detail


def test_modifying_the_input_fails_even_with_the_right_answer():
    def otsu(image=None, nbins=256, *, hist=None):
        t = skimage.filters.threshold_otsu(image, nbins, hist=hist)
        if image is not None and image.flags.writeable and image.size:
            image.flat[0] = image.flat[-1]
        return t

    report = verify.verify(otsu, "threshold_otsu")
    assert "modifies its input array" in causes(report)


def test_wrong_exception_class_is_named():
    def otsu(image=None, nbins=256, *, hist=None):
        if nbins < 1:
            raise RuntimeError("bad nbins")
        return skimage.filters.threshold_otsu(image, nbins, hist=hist)

    report = verify.verify(otsu, "threshold_otsu")
    bad = [f for f in report.findings if f.cause.startswith("raises RuntimeError where the reference raises")]
    assert bad and bad[0].layers == ["bad input"]


def test_python_float_where_the_reference_returns_numpy_float_is_a_type_finding():
    def otsu(image=None, nbins=256, *, hist=None):
        return float(skimage.filters.threshold_otsu(image, nbins, hist=hist))

    report = verify.verify(otsu, "threshold_otsu")
    assert any("returns float where the reference returns np." in c for c in causes(report)), causes(report)


def test_not_implemented_is_its_own_outcome():
    def otsu(image=None, nbins=256, *, hist=None):
        raise NotImplementedError("exercise threshold_otsu, step 3")

    report = verify.verify(otsu, "threshold_otsu")
    assert report.totals.get("not implemented", 0) > 10 and not report.ok


def test_same_partition_other_numbering_is_its_own_outcome():
    def label_reversed(label_image, background=None, return_num=False, connectivity=None):
        out = skimage.measure.label(label_image, background=background, return_num=return_num,
                                    connectivity=connectivity)
        lab, n = (out if return_num else (out, int(out.max())))
        flipped = np.where(lab > 0, n + 1 - lab, 0).astype(lab.dtype)
        return (flipped, n) if return_num else flipped

    report = verify.verify(label_reversed, "label")
    assert report.totals.get("renumbered", 0) > 0 and not report.ok
    assert any("same partition, other numbering" in c for c in causes(report))


def test_three_way_agreeing_with_scratch_on_a_documented_quirk_is_textbook():
    report = verify.verify(scratch.filters.threshold_otsu, "threshold_otsu")
    assert report.ok
    assert report.textbook, "the complex-image case should be a documented difference"
    assert "the reference differs here because" in report.textbook[0].note


def test_comparators_directly():
    ref = np.arange(12.0).reshape(3, 4)
    assert close()(ref, ref + 1e-12, None).ok
    v = close()(ref, ref.astype(np.float32), None)
    assert not v.ok and "dtype float32" in v.cause
    assert not scalar()(np.float64(1.0), 1.0, None).ok  # the reference's type
    assert scalar()(np.uint8(3), np.uint8(3), None).ok
    lab = np.array([[1, 1, 0], [0, 2, 2]])
    assert labels()(lab, np.array([[2, 2, 0], [0, 1, 1]]), None).outcome == "renumbered"
    peaks = np.array([[1, 2], [3, 4], [5, 6]])
    assert peak_set()(peaks, peaks[::-1], None).ok
    assert not peak_set()(peaks, peaks[:2], None).ok


def test_inputs_rebuild_from_their_recipe_and_layouts_keep_values():
    a = make_input("random", shape=(5, 6), dtype="uint16", seed=7)
    assert np.array_equal(a, make_input("random", shape=(5, 6), dtype="uint16", seed=7))
    for layout in ("F", "reversed", "readonly"):
        b = Input("random", shape=(5, 6), dtype="uint16", seed=7, layout=layout).build()
        assert np.array_equal(a, b)
    assert Input("random", shape=(5, 6), dtype="uint16", seed=7, layout="F").build().flags.f_contiguous
    assert not Input("random", shape=(5, 6), dtype="uint16", seed=7, layout="readonly").build().flags.writeable
    big = make_input("random", shape=(3, 3), dtype="float64", seed=1, byteorder=">")
    assert big.dtype.byteorder == ">"


def test_every_layer_is_present_for_an_image_function():
    report = verify.verify(scratch.filters.threshold_otsu, "threshold_otsu")
    assert {"signature", "smoke", "shapes", "dtypes", "values", "edge cases", "bad input",
            "unmodified"} <= set(report.counts)


# --- report forms --------------------------------------------------------------------------


def test_report_forms(tmp_path):
    report = verify.verify(correlate_constant_mode, "correlate", out=str(tmp_path))
    d = report.to_dict()
    json.dumps(d)  # JSON-ready
    assert d["ok"] is False and d["findings"][0]["snippet"].startswith("import numpy as np")
    assert set(d["counts"]) >= {"smoke", "values"}
    text = str(report)
    assert "findings" in text and "rebuild it:" in text and "make_input(" in text
    html = report._repr_html_()
    assert "<table>" in html and "data:image/png;base64," in html
    pngs = list(tmp_path.glob("*.png"))
    assert pngs and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_snippet_rebuilds_the_failing_case(tmp_path):
    """The snippet runs as printed and shows the same mismatch."""
    module = tmp_path / "cand.py"
    module.write_text(textwrap.dedent('''
        import scipy.ndimage as ndi
        def correlate(input, weights, output=None, mode="reflect", cval=0.0, origin=0, *, axes=None):
            return ndi.correlate(input, weights, output=output, mode="constant", cval=cval, origin=origin, axes=axes)
    '''))
    target = f"{module}:correlate"
    report = verify.verify(target, "correlate")
    snippet = report.snippet(report.findings[0].example)
    namespace = {}
    exec(snippet, namespace)
    assert not np.allclose(namespace["expected"], namespace["actual"])


# --- the child process ---------------------------------------------------------------------


CHILD_MODULE = '''
import os, time
import skimage.filters

def fine(image=None, nbins=256, *, hist=None):
    return skimage.filters.threshold_otsu(image, nbins, hist=hist)

def crash(image=None, nbins=256, *, hist=None):
    os.abort()

def forever(image=None, nbins=256, *, hist=None):
    while True:
        time.sleep(0.01)

class Odd(Exception):
    pass

def odd_error(image=None, nbins=256, *, hist=None):
    raise Odd("not importable in the parent")
'''


@pytest.fixture
def child_module(tmp_path):
    path = tmp_path / "child_cands.py"
    path.write_text(CHILD_MODULE)
    return str(path)


def _otsu_case():
    return verify.resolve("threshold_otsu").cases()[0]


def test_child_runner_reports_crash_timeout_and_goes_on(child_module):
    spec = verify.resolve("threshold_otsu")
    case = _otsu_case()
    runner = ChildRunner(f"{child_module}:crash", spec.name, timeout=20)
    kind, payload, _, _ = runner(case)
    assert kind == "crash" and "SIGABRT" in payload
    runner.close()
    runner = ChildRunner(f"{child_module}:forever", spec.name, timeout=0.5)
    assert runner(case)[0] == "timeout"
    assert runner(case)[0] == "timeout"  # a fresh child took the next case
    runner.close()
    runner = ChildRunner(f"{child_module}:odd_error", spec.name, timeout=20)
    kind, payload, _, _ = runner(case)
    assert kind == "raised" and payload[0].__name__ == "Odd" and issubclass(payload[0], Exception)
    runner.close()
    runner = ChildRunner(f"{child_module}:fine", spec.name, timeout=20)
    kind, payload, modified, _ = runner(case)
    assert kind == "value" and payload == skimage.filters.threshold_otsu(case.args[0].build())
    runner.close()


def test_in_process_timeout_interrupts_plain_python():
    def forever(image=None, nbins=256, *, hist=None):
        while True:
            pass

    spec = verify.resolve("threshold_otsu")
    assert call_once(spec, forever, _otsu_case(), timeout=0.3)[0] == "timeout"


def test_isolate_with_an_importable_function():
    report = verify.verify(scratch.filters.threshold_otsu, "threshold_otsu", isolate=True)
    assert report.ok


def test_isolate_refuses_a_function_that_does_not_pickle():
    with pytest.raises(verify.CandidateError, match="pickle"):
        verify.verify(lambda image=None, nbins=256, *, hist=None: 0, "threshold_otsu", isolate=True)


# --- the full level ------------------------------------------------------------------------


def test_full_level_adds_hypothesis_cases_and_shrinks_a_failure():
    good = verify.verify(scratch.filters.threshold_otsu, "threshold_otsu", level="full")
    quick = verify.verify(scratch.filters.threshold_otsu, "threshold_otsu", level="quick")
    assert good.ok and len(good.cases) > len(quick.cases)
    assert any(r.label.startswith("hypothesis") for r in good.cases)
    bad = verify.verify(otsu_off_by_one_bin, "threshold_otsu", level="full")
    shrunk = [r for r in bad.cases if "shrunk by Hypothesis" in r.label]
    assert len(shrunk) == 1 and shrunk[0].failed


# --- the CLI -------------------------------------------------------------------------------


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "scratch", "verify", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def test_cli_exit_codes_and_outputs(child_module, tmp_path):
    ok = run_cli(f"{child_module}:fine", "--as", "threshold_otsu", "--json", str(tmp_path / "r.json"), "--quiet")
    assert ok.returncode == 0, ok.stderr + ok.stdout
    assert ok.stdout.startswith("OK: threshold_otsu")
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["ok"] is True and data["function"] == "threshold_otsu"
    bad = run_cli("scratch.verify.examples:otsu_bin_edges", "--as", "skimage.filters.threshold_otsu",
                  "--in-process", "--out", str(tmp_path / "pics"))
    assert bad.returncode == 1, bad.stderr
    assert "FAILED" in bad.stdout and "rebuild it:" in bad.stdout
    for args in ([f"{child_module}:fine", "--as", "threshold_otsux"],
                 [str(tmp_path / "missing.py") + ":f", "--as", "threshold_otsu"],
                 [f"{child_module}:Odd.__doc__", "--as", "threshold_otsu"],
                 [f"{child_module}:nothing", "--as", "threshold_otsu"],
                 [f"{child_module}:fine"]):
        usage = run_cli(*args)
        assert usage.returncode == 2, (args, usage.stdout, usage.stderr)
        assert "Traceback" not in usage.stderr and len(usage.stderr.strip().splitlines()) == 1


def test_cli_list():
    out = run_cli("--list")
    assert out.returncode == 0
    assert "threshold_otsu" in out.stdout and "skimage.filters.threshold_otsu" in out.stdout


def test_public_api_objects():
    """The public names of scratch.verify are what the report and the registry hand out."""
    assert all(isinstance(s, verify.Spec) for s in verify.specs())
    assert [s.name for s in verify.specs()] == verify.names()
    otsu = verify.load_candidate("scratch.verify.examples:threshold_otsu")
    report = verify.verify(otsu, "threshold_otsu")
    assert isinstance(report, verify.Report) and report.ok
    bad = verify.verify(otsu_off_by_one_bin, "threshold_otsu")
    assert all(isinstance(f, verify.Finding) for f in bad.findings)
    assert isinstance(close()(np.zeros(3), np.ones(3), None), verify.Verdict)
