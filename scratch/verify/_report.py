"""The report: counts per layer and outcome, findings grouped by cause, snippets, pictures.

A *finding* is every failing case that shares one cause ("values differ only in the border
band", "raises TypeError where the reference raises ValueError"): 300 failing cases with one
cause are one finding with a count, shown through its first case, the smallest input.  For
that case the report gives the input, a snippet that rebuilds it from its seed and calls both
functions, the mismatch statistics, where the mismatches are, and (2-D outputs) a
reference | yours | difference picture.
"""

import base64
import html
import io
import json
import os
from collections import Counter, OrderedDict

import numpy as np

from . import _inputs
from ._core import LAYERS
from ._engine import FAILING

__all__ = ["Report", "Finding"]

PASSING = ("pass", "textbook")


class Finding:
    """Failing cases with one cause."""

    def __init__(self, outcome, cause, results):
        self.outcome = outcome
        self.cause = cause
        self.results = results
        self.example = results[0]
        self.picture_path = None

    @property
    def count(self):
        return len(self.results)

    @property
    def layers(self):
        return list(OrderedDict.fromkeys(r.layer for r in self.results))

    def to_dict(self, snippet=None):
        out = {"outcome": self.outcome, "cause": self.cause, "count": self.count, "layers": self.layers,
               "example": self.example.to_dict(), "cases": [r.index for r in self.results]}
        if snippet:
            out["snippet"] = snippet
        if self.picture_path:
            out["picture"] = self.picture_path
        return out


class Report:
    """What ``scratch.verify`` found.  ``ok`` is True when no case failed.

    Attributes
    ----------
    name, reference, level : str
    candidate : str
        How the candidate was named (``"mine.py:otsu"``, ``"mymodule.otsu"``).
    results : list of CaseResult
        Every case, the signature checks first.
    unsupported : list of str
        Optional parameters of the reference the candidate does not take.
    seconds : float
        Wall time of the run.
    """

    def __init__(self, spec, level, candidate, results, unsupported, seconds, target=None, seed=0):
        self.spec = spec
        self.name = spec.name
        self.reference = spec.reference
        self.level = level
        self.candidate = candidate
        self.target = target
        self.seed = seed
        self.results = results
        self.unsupported = sorted(unsupported)
        self.seconds = seconds
        self._findings = None

    # --- summaries -------------------------------------------------------------------------

    @property
    def ok(self):
        return not any(r.outcome in FAILING for r in self.results)

    @property
    def cases(self):
        return self.results

    @property
    def counts(self):
        """``{layer: {outcome: n}}`` in layer order."""
        out = OrderedDict()
        for layer in LAYERS:
            c = Counter(r.outcome for r in self.results if r.layer == layer)
            if c:
                out[layer] = dict(c)
        for r in self.results:
            if r.layer not in out:
                out[r.layer] = dict(Counter(x.outcome for x in self.results if x.layer == r.layer))
        return out

    @property
    def totals(self):
        return dict(Counter(r.outcome for r in self.results))

    @property
    def failures(self):
        return [r for r in self.results if r.outcome in FAILING]

    @property
    def findings(self):
        if self._findings is None:
            groups = OrderedDict()
            for r in self.failures:
                groups.setdefault((r.outcome, r.cause), []).append(r)
            self._findings = [Finding(o, c, rs) for (o, c), rs in groups.items()]
        return self._findings

    @property
    def textbook(self):
        return [r for r in self.results if r.outcome == "textbook"]

    # --- snippets and pictures -------------------------------------------------------------

    def snippet(self, result):
        """Python source that rebuilds the case's inputs and calls both functions."""
        case = result.case
        if case is None or case.layer == "signature":
            return ""
        module, _, fname = self.reference.rpartition(".")
        lines = ["import numpy as np", "from scratch.verify import make_input, load_candidate"]
        lines.append(f"from {module} import {fname} as reference")
        if isinstance(self.target, str):
            lines.append(f"yours = load_candidate({self.target!r})")
        elif "." in self.candidate and _importable(self.candidate):
            mod, _, qual = self.candidate.rpartition(".")
            lines.append(f"from {mod} import {qual} as yours")
        else:
            lines.append(f"yours = {self.candidate}  # your function")
        names = _argument_names(self.spec, len(case.args))
        for n, a in zip(names, case.args):
            lines.append(f"{n} = {_inputs.code(a)}")
        call_args = list(names)
        for k, v in case.kwargs.items():
            if isinstance(v, _inputs.Input):
                lines.append(f"{k} = {v.code()}")
                call_args.append(f"{k}={k}")
            else:
                call_args.append(f"{k}={_inputs.code(v)}")
        if self.spec.call_code is not None:
            lines.append(f"expected = {self.spec.call_code('reference', names, call_args[len(names):])}")
            lines.append(f"actual = {self.spec.call_code('yours', names, call_args[len(names):])}")
        else:
            lines.append(f"expected = reference({', '.join(call_args)})")
            lines.append(f"actual = yours({', '.join(call_args)})")
        return "\n".join(lines)

    def picture_png(self, result):
        """PNG bytes of reference | yours | difference for a 2-D output, else None."""
        if result.picture is None:
            return None
        return _panel(*result.picture, title=f"{self.name}: {result.label}")

    def write_pictures(self, folder):
        """Write one picture per finding (its example) into ``folder``; return the paths."""
        paths = []
        for i, f in enumerate(self.findings, 1):
            png = self.picture_png(f.example)
            if png is None:
                continue
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, f"{self.name.replace('.', '_')}-finding{i}.png")
            with open(path, "wb") as fh:
                fh.write(png)
            f.picture_path = path
            paths.append(path)
        return paths

    # --- output forms ----------------------------------------------------------------------

    def to_dict(self):
        return {
            "function": self.name, "reference": self.reference, "candidate": self.candidate,
            "level": self.level, "seed": self.seed, "ok": self.ok, "seconds": round(self.seconds, 3),
            "totals": self.totals, "counts": self.counts, "unsupported": self.unsupported,
            "findings": [f.to_dict(self.snippet(f.example)) for f in self.findings],
            "textbook": [{"index": r.index, "label": r.label, "note": r.note} for r in self.textbook],
            "cases": [r.to_dict() for r in self.results],
        }

    def to_json(self, path=None, indent=1):
        text = json.dumps(self.to_dict(), indent=indent, default=str)
        if path is not None:
            with open(path, "w") as fh:
                fh.write(text)
        return text

    def summary_line(self):
        t = self.totals
        n_fail = sum(t.get(o, 0) for o in FAILING)
        n_pass = t.get("pass", 0) + t.get("textbook", 0)
        word = "OK" if self.ok else "FAILED"
        extra = f", {t['skip']} skipped" if t.get("skip") else ""
        return (f"{word}: {self.name} ({self.level}) — {n_pass} passed, {n_fail} failed{extra} "
                f"of {len(self.results)} cases in {self.seconds:.1f} s")

    def __str__(self):
        lines = [f"verify {self.candidate} as {self.name} against {self.reference} (level {self.level!r})",
                 self.summary_line(), ""]
        outcomes = [o for o in ("pass", "textbook", "skip", *FAILING) if o in self.totals]
        width = max(len(layer) for layer in self.counts) if self.counts else 10
        lines.append("  " + "layer".ljust(width) + "".join(o.rjust(max(len(o), 5) + 2) for o in outcomes))
        for layer, c in self.counts.items():
            lines.append("  " + layer.ljust(width) + "".join(str(c.get(o, "")).rjust(max(len(o), 5) + 2)
                                                            for o in outcomes))
        if self.unsupported:
            lines.append(f"\nnot supported (their cases skipped): {', '.join(self.unsupported)}")
        if self.textbook:
            lines.append(f"\n{len(self.textbook)} case(s) differ from the reference where it has a documented quirk "
                         "and agree with the correct result:")
            for note in OrderedDict.fromkeys(r.note for r in self.textbook):
                lines.append(f"  - {note}")
        if self.findings:
            lines.append(f"\nfindings ({len(self.findings)}):")
        for i, f in enumerate(self.findings, 1):
            ex = f.example
            lines.append(f"{i}. [{f.outcome}] {f.cause} — {f.count} case(s) in {', '.join(f.layers)}")
            lines.append(f"   first: {ex.layer} / {ex.label}" + (f": {ex.inputs}" if ex.inputs else ""))
            if ex.detail:
                lines.append(f"   {ex.detail}")
            snippet = self.snippet(ex)
            if snippet:
                lines.append("   rebuild it:")
                lines.extend("     " + s for s in snippet.splitlines())
            if f.picture_path:
                lines.append(f"   picture: {f.picture_path}")
        return "\n".join(lines)

    def __repr__(self):
        return f"<verify Report {self.summary_line()}>"

    def _repr_html_(self):
        esc = html.escape
        colour = "#1a7f37" if self.ok else "#cf222e"
        parts = [f"<div><p><b style='color:{colour}'>{esc(self.summary_line())}</b><br>"
                 f"candidate <code>{esc(self.candidate)}</code> against <code>{esc(self.reference)}</code></p>"]
        outcomes = [o for o in ("pass", "textbook", "skip", *FAILING) if o in self.totals]
        parts.append("<table><tr><th>layer</th>" + "".join(f"<th>{o}</th>" for o in outcomes) + "</tr>")
        for layer, c in self.counts.items():
            parts.append(f"<tr><td>{esc(layer)}</td>" + "".join(f"<td>{c.get(o, '')}</td>" for o in outcomes) + "</tr>")
        parts.append("</table>")
        if self.unsupported:
            parts.append(f"<p>not supported: {esc(', '.join(self.unsupported))}</p>")
        for note in OrderedDict.fromkeys(r.note for r in self.textbook):
            parts.append(f"<p style='color:#0550ae'>{esc(note)}</p>")
        for i, f in enumerate(self.findings, 1):
            ex = f.example
            parts.append(f"<h4>{i}. [{esc(f.outcome)}] {esc(f.cause)} — {f.count} case(s)</h4>"
                         f"<p>{esc(ex.layer)} / {esc(ex.label)}: {esc(ex.inputs)}<br>{esc(ex.detail)}</p>")
            snippet = self.snippet(ex)
            if snippet:
                parts.append(f"<pre>{esc(snippet)}</pre>")
            png = self.picture_png(ex)
            if png is not None:
                parts.append(f"<img src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
        parts.append("</div>")
        return "".join(parts)


def _importable(dotted):
    mod, _, qual = dotted.rpartition(".")
    try:
        import importlib

        return hasattr(importlib.import_module(mod), qual)
    except Exception:
        return False


def _argument_names(spec, n):
    """Names for the positional arguments of the snippet: the reference's parameter names."""
    import inspect

    try:
        ref = spec.reference_function()
        target = spec.signature_of(ref) if spec.signature_of else ref
        params = [p.name for p in inspect.signature(target).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"]
    except Exception:
        params = []
    if spec.call_code is not None:
        params = ["data", "x"]
    names = [params[i] if i < len(params) else f"arg{i}" for i in range(n)]
    return names


def _panel(ref, out, title=""):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    ref = np.asarray(ref, dtype=float)
    out = np.asarray(out, dtype=float)
    diff = out - ref
    fig = Figure(figsize=(9, 3.2), dpi=90)
    axes = fig.subplots(1, 3)
    finite = np.concatenate([ref[np.isfinite(ref)], out[np.isfinite(out)]])
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    for ax, img, name in ((axes[0], ref, "reference"), (axes[1], out, "yours")):
        ax.imshow(img, cmap="gray", vmin=lo, vmax=hi, interpolation="nearest")
        ax.set_title(name)
    d = diff[np.isfinite(diff)]
    m = float(np.abs(d).max()) if d.size and np.abs(d).max() > 0 else 1.0
    im = axes[2].imshow(np.where(np.isfinite(diff), diff, np.nan), cmap="RdBu_r", vmin=-m, vmax=m,
                        interpolation="nearest")
    axes[2].set_title("yours − reference")
    fig.colorbar(im, ax=axes[2], fraction=0.046)
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    if title:
        fig.suptitle(title, fontsize=9)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", bbox_inches="tight")
    return buf.getvalue()
