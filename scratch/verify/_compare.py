"""Comparators: how a candidate's output is held against the reference's, per kind of output.

Each comparator is a callable ``compare(ref, out, context) -> Verdict``.  It never raises for
a mismatch; it describes it.  The kinds follow DESIGN.md's agreement table:

==========================  ===========================================================
:func:`close`               float images: ``rtol``/``atol`` chosen by the reference's dtype
                            (float64 1e-7/1e-9, float32 1e-5/1e-6, float16 1e-3/1e-3)
:func:`exact`               integer, bool and label images, footprints: equal element for
                            element (NaN equal to NaN), same dtype and shape
:func:`labels`              exact; "same partition, other numbering" is its own outcome
:func:`scalar`              thresholds and other numbers: the reference's type, then equal
                            (integers) or within rtol (floats)
:func:`total_cost`          linear assignment: a valid assignment of the same size whose
                            total cost equals the optimum (rtol 1e-9)
:func:`peak_set`            peak coordinates as a set of rows (their order is not defined)
:func:`table`               regionprops_table: the same columns, each compared by its dtype
:func:`each`                tuples: one comparator per element
==========================  ===========================================================

A :class:`Verdict` carries the *cause* (a short sentence with no numbers specific to one
case, so that 300 failures with one cause group into one finding), the *detail* for this
case, statistics (mismatch count, max absolute/relative difference, first differing index,
whether the mismatches lie in the border band) and, for 2-D image outputs, the two images
for the reference | yours | difference picture.
"""

from dataclasses import dataclass, field
from typing import Optional

import numpy as np

__all__ = ["Verdict", "close", "exact", "labels", "scalar", "total_cost", "peak_set", "table",
           "each", "tolerance_for", "type_name"]


@dataclass
class Verdict:
    ok: bool
    cause: str = ""                     # groups findings: "values differ in the interior"
    detail: str = ""                    # this case: "37 of 272 elements differ, max |Δ| 0.5"
    outcome: str = "pass"               # pass / fail / renumbered
    stats: dict = field(default_factory=dict)
    picture: Optional[tuple] = None     # (reference 2-D array, yours 2-D array)


PASS = Verdict(True)


def tolerance_for(dtype):
    """(rtol, atol) of DESIGN.md's contract for a float result of this dtype."""
    dtype = np.dtype(dtype)
    if dtype == np.float16:
        return 1e-3, 1e-3
    if dtype == np.float32 or dtype == np.complex64:
        return 1e-5, 1e-6
    return 1e-7, 1e-9


def type_name(value):
    t = type(value)
    if t.__module__ == "builtins":
        return t.__name__
    if t.__module__ == "numpy":
        return f"np.{t.__name__}"
    return f"{t.__module__}.{t.__qualname__}"


def _is_arraylike(value):
    return isinstance(value, np.ndarray) or (hasattr(value, "__array__") and not np.isscalar(value))


def _shape_dtype(ref, out):
    """A failing verdict when ``out`` is not an array of ``ref``'s shape and dtype, else None."""
    if not _is_arraylike(out):
        return Verdict(False, f"returns {type_name(out)} where the reference returns an array",
                       f"returned {type_name(out)}: {_clip(repr(out))}", "fail")
    out = np.asarray(out)
    if out.shape != ref.shape:
        return Verdict(False, "output shape differs from the reference's",
                       f"shape {out.shape} where the reference gives {ref.shape}", "fail")
    if out.dtype != ref.dtype:
        if out.dtype.kind == ref.dtype.kind and out.dtype.itemsize == ref.dtype.itemsize \
                and out.dtype.byteorder != ref.dtype.byteorder:
            return Verdict(False, "output byte order differs from the reference's",
                           f"dtype {out.dtype.str} where the reference gives {ref.dtype.str}", "fail")
        return Verdict(False, f"output dtype {out.dtype} where the reference gives {ref.dtype}",
                       f"dtype {out.dtype} where the reference gives {ref.dtype}", "fail")
    return None


def _clip(text, n=120):
    return text if len(text) <= n else text[: n - 1] + "…"


def _mismatch_stats(ref, out, differ, radius):
    """Statistics of the mismatches marked in ``differ`` (same shape as ref/out)."""
    n = int(differ.sum())
    stats = {"mismatches": n, "elements": int(differ.size)}
    first = np.argwhere(differ)[0]
    stats["first_index"] = tuple(int(i) for i in first)
    r, o = ref[tuple(first)], out[tuple(first)]
    stats["first_values"] = (_py(r), _py(o))
    if ref.dtype.kind in "fciu" and out.dtype.kind in "fciu":
        a = ref.astype(np.complex128 if ref.dtype.kind == "c" else np.float64)
        b = out.astype(a.dtype)
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
            both_finite = np.isfinite(a) & np.isfinite(b)
            d = np.abs(a - b)[differ & both_finite]
            scale = np.abs(a)[differ & both_finite]
            rel = d / np.where(scale > 0, scale, np.inf)
        if d.size:
            stats["max_abs"] = float(d.max())
            stats["max_rel"] = float(rel.max()) if np.isfinite(rel.max()) else float("inf")
        stats["nonfinite_mismatches"] = int((differ & ~both_finite).sum())
    if ref.ndim >= 1 and radius and radius > 0:
        band = np.zeros(ref.shape, dtype=bool)
        for axis, n_axis in enumerate(ref.shape):
            w = min(int(radius), n_axis)
            idx = [slice(None)] * ref.ndim
            idx[axis] = slice(0, w)
            band[tuple(idx)] = True
            idx[axis] = slice(n_axis - w, n_axis)
            band[tuple(idx)] = True
        stats["in_border_band"] = int((differ & band).sum())
        stats["in_interior"] = n - stats["in_border_band"]
        stats["border_radius"] = int(radius)
    return stats


def _py(v):
    v = v.item() if hasattr(v, "item") else v
    return v


def _where(stats):
    if "in_border_band" not in stats:
        return ""
    if stats["in_interior"] == 0:
        return f"only in the border band ({stats['border_radius']} px wide)"
    if stats["in_border_band"] == 0:
        return "only in the interior"
    return "in the border band and the interior"


def _describe(stats):
    text = f"{stats['mismatches']} of {stats['elements']} elements differ"
    if "max_abs" in stats:
        text += f", max |Δ| {stats['max_abs']:.3g}, max rel {stats['max_rel']:.3g}"
    if stats.get("nonfinite_mismatches"):
        text += f", {stats['nonfinite_mismatches']} NaN/inf mismatches"
    where = _where(stats)
    if where:
        text += f"; {where}"
    text += f"; first at index {stats['first_index']}: reference {stats['first_values'][0]!r}, " \
            f"yours {stats['first_values'][1]!r}"
    return text


def _picture(ref, out):
    if ref.ndim == 2 and min(ref.shape) > 1 and ref.dtype.kind in "biuf":
        return (ref, np.asarray(out))
    if ref.ndim == 3 and ref.dtype.kind in "biuf" and ref.shape[0] > 1:
        mid = ref.shape[0] // 2
        return (ref[mid], np.asarray(out)[mid])
    return None


def _values_verdict(ref, out, differ, radius, cause_prefix="values differ"):
    stats = _mismatch_stats(ref, out, differ, radius)
    where = _where(stats)
    cause = f"{cause_prefix} {where}" if where else cause_prefix
    return Verdict(False, cause, _describe(stats), "fail", stats, _picture(ref, out))


def close(rtol=None, atol=None):
    """Float outputs: within (rtol, atol) of the reference; NaN where it has NaN."""

    def compare(ref, out, context=None):
        if not isinstance(ref, np.ndarray) and np.ndim(ref) == 0:
            return scalar(rtol)(ref, out, context)  # a NumPy or Python number: its type counts
        ref = np.asarray(ref)
        bad = _shape_dtype(ref, out)
        if bad is not None:
            return bad
        out = np.asarray(out)
        if ref.dtype.kind not in "fc":
            return exact()(ref, out, context)
        r, a = tolerance_for(ref.dtype)
        r = r if rtol is None else rtol
        a = a if atol is None else atol
        with np.errstate(invalid="ignore", over="ignore"):
            same = np.isclose(out, ref, rtol=r, atol=a, equal_nan=True)
        if same.all():
            return PASS
        return _values_verdict(ref, out, ~same, getattr(context, "radius", 0))

    compare.kind = "close"
    return compare


def exact():
    """Equal element for element (NaN == NaN), same shape and dtype."""

    def compare(ref, out, context=None):
        if not isinstance(ref, np.ndarray) and np.ndim(ref) == 0:
            return scalar()(ref, out, context)  # a NumPy or Python number: its type counts
        ref = np.asarray(ref)
        bad = _shape_dtype(ref, out)
        if bad is not None:
            return bad
        out = np.asarray(out)
        if ref.dtype.kind in "fc":
            differ = ~((out == ref) | (np.isnan(out) & np.isnan(ref)))
        else:
            differ = out != ref
        if not differ.any():
            return PASS
        return _values_verdict(ref, out, differ, getattr(context, "radius", 0))

    compare.kind = "exact"
    return compare


def same_partition(ref, out):
    """True when ``out`` is ``ref`` with its non-zero labels renumbered one-to-one."""
    ref = np.asarray(ref).ravel()
    out = np.asarray(out).ravel()
    if ((ref == 0) != (out == 0)).any():
        return False
    pairs = np.unique(np.stack([ref, out.astype(ref.dtype, copy=False)]), axis=1)
    return len(np.unique(pairs[0])) == pairs.shape[1] == len(np.unique(pairs[1]))


def labels():
    """Label images: exactly equal, numbering included; else say if only the numbering differs."""
    strict = exact()

    def compare(ref, out, context=None):
        verdict = strict(ref, out, context)
        if verdict.ok or verdict.stats.get("mismatches") is None:
            return verdict
        if same_partition(ref, out):
            return Verdict(False, "same partition, other numbering (the reference numbers labels "
                                  "in raster order of their first pixel)",
                           verdict.detail, "renumbered", verdict.stats, verdict.picture)
        return Verdict(False, verdict.cause.replace("values differ", "labels differ"), verdict.detail,
                       "fail", verdict.stats, verdict.picture)

    compare.kind = "labels"
    return compare


def scalar(rtol=None, check_type=True):
    """A number: the reference's type, then equal (ints) or within rtol of its dtype (floats)."""

    def compare(ref, out, context=None):
        if _is_arraylike(ref) and np.ndim(ref) > 0:
            return close(rtol)(ref, out, context)
        if _is_arraylike(out) and np.ndim(out) > 0:
            return Verdict(False, f"returns an array where the reference returns {type_name(ref)}",
                           f"returned an array of shape {np.shape(out)}", "fail")
        try:
            a, b = complex(ref), complex(out)
        except (TypeError, ValueError):
            return Verdict(False, f"returns {type_name(out)} where the reference returns {type_name(ref)}",
                           f"returned {_clip(repr(out))}", "fail")
        if isinstance(ref, (bool, np.bool_)) or isinstance(ref, (int, np.integer)):
            same = a == b
        else:
            r = rtol if rtol is not None else tolerance_for(getattr(ref, "dtype", np.float64))[0]
            same = (a == b) or (np.isnan(a) and np.isnan(b)) or abs(a - b) <= r * abs(a)
        if not same:
            return Verdict(False, "returns a different value", f"{_py(out)!r} where the reference gives "
                           f"{_py(ref)!r} (|Δ| {abs(a - b):.3g})", "fail",
                           {"max_abs": abs(a - b), "reference": _py(ref), "yours": _py(out)})
        if check_type and type(out) is not type(ref):
            return Verdict(False, f"returns {type_name(out)} where the reference returns {type_name(ref)}",
                           f"value {_py(out)!r} is right; its type is {type_name(out)}", "fail")
        return PASS

    compare.kind = "scalar"
    return compare


def each(*comparators):
    """Tuple outputs: the same length, element ``i`` compared by ``comparators[i]``."""

    def compare(ref, out, context=None):
        if not isinstance(out, (tuple, list)) or len(out) != len(ref):
            got = f"{len(out)} values" if isinstance(out, (tuple, list)) else type_name(out)
            return Verdict(False, f"returns {got} where the reference returns {len(ref)} values",
                           f"returned {_clip(repr(out))}", "fail")
        for i, (c, r, o) in enumerate(zip(comparators, ref, out)):
            verdict = c(r, o, context)
            if not verdict.ok:
                verdict.cause = f"output[{i}]: {verdict.cause}"
                verdict.detail = f"output[{i}]: {verdict.detail}"
                return verdict
        return PASS

    compare.kind = "each"
    return compare


def total_cost(rtol=1e-9):
    """linear_sum_assignment: (rows, cols) of the same length with the optimal total cost."""

    def compare(ref, out, context):
        cost = np.asarray(context.args[0], dtype=float)
        if getattr(context, "kwargs", {}).get("maximize", False):
            sign = -1.0
        else:
            sign = 1.0
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            return Verdict(False, "does not return (row_ind, col_ind)", f"returned {_clip(repr(out))}", "fail")
        rows, cols = (np.asarray(o) for o in out)
        if rows.shape != ref[0].shape or cols.shape != ref[1].shape:
            return Verdict(False, "assigns a different number of rows than the optimum",
                           f"{rows.shape[0] if rows.ndim else rows} pairs where the reference assigns "
                           f"{ref[0].shape[0]}", "fail")
        if rows.dtype.kind not in "iu" or cols.dtype.kind not in "iu":
            return Verdict(False, "row/column indices are not integers",
                           f"dtypes {rows.dtype}, {cols.dtype}", "fail")
        if (len(np.unique(rows)) != len(rows) or len(np.unique(cols)) != len(cols)
                or (rows.size and (rows.min() < 0 or rows.max() >= cost.shape[0]
                                   or cols.min() < 0 or cols.max() >= cost.shape[1]))):
            return Verdict(False, "not a valid assignment (an index repeated or out of range)",
                           f"rows {rows.tolist()}, cols {cols.tolist()}", "fail")
        best = float(cost[ref[0], ref[1]].sum())
        got = float(cost[rows, cols].sum())
        if not np.isclose(got, best, rtol=rtol, atol=1e-12 * max(1.0, abs(best))):
            worse = "higher" if sign * (got - best) > 0 else "lower"
            return Verdict(False, f"total cost {worse} than the optimum (not a minimal assignment)"
                           if sign > 0 else f"total {('lower' if worse == 'higher' else 'higher')} "
                           "than the maximum (not a maximal assignment)",
                           f"total {got!r} where the optimum is {best!r}", "fail",
                           {"max_abs": abs(got - best), "reference": best, "yours": got})
        if rows.size and (np.diff(rows) < 0).any():
            return Verdict(False, "row indices are not sorted (the reference returns them ascending)",
                           f"rows {rows.tolist()}", "fail")
        return PASS

    compare.kind = "total_cost"
    return compare


def peak_set():
    """peak_local_max: the same set of coordinate rows (order not defined), same dtype."""

    def compare(ref, out, context=None):
        ref = np.asarray(ref)
        bad = _shape_dtype(ref, out) if np.shape(out) == ref.shape else None
        if bad is not None:
            return bad
        out = np.asarray(out)
        if out.ndim != ref.ndim or (out.ndim == 2 and out.shape[1] != ref.shape[1]):
            return Verdict(False, "output shape differs from the reference's",
                           f"shape {out.shape} where the reference gives {ref.shape}", "fail")
        a = {tuple(r) for r in np.atleast_2d(ref).tolist()} if ref.size else set()
        b = {tuple(r) for r in np.atleast_2d(out).tolist()} if out.size else set()
        if a == b and len(out) == len(ref):
            if out.dtype != ref.dtype:
                return Verdict(False, f"output dtype {out.dtype} where the reference gives {ref.dtype}",
                               f"dtype {out.dtype}", "fail")
            return PASS
        missing, extra = sorted(a - b), sorted(b - a)
        detail = f"{len(missing)} peaks missing, {len(extra)} extra (of {len(a)})"
        if missing:
            detail += f"; first missing {missing[0]}"
        if extra:
            detail += f"; first extra {extra[0]}"
        cause = "finds fewer peaks" if not extra else ("finds extra peaks" if not missing
                                                         else "finds other peaks")
        return Verdict(False, cause, detail, "fail", {"mismatches": len(missing) + len(extra)})

    compare.kind = "peak_set"
    return compare


def table():
    """regionprops_table: the same column names; each column by its dtype (exact or close)."""
    by_column = close()

    def compare(ref, out, context=None):
        if not isinstance(out, dict):
            return Verdict(False, f"returns {type_name(out)} where the reference returns a dict",
                           f"returned {_clip(repr(out))}", "fail")
        if set(out) != set(ref):
            missing, extra = sorted(set(ref) - set(out)), sorted(set(out) - set(ref))
            return Verdict(False, "the table's columns differ",
                           f"missing {missing}, extra {extra}", "fail")
        for name in ref:
            verdict = by_column(np.asarray(ref[name]), out[name], None)
            if not verdict.ok:
                verdict.cause = f"column {name!r}: {verdict.cause}"
                verdict.detail = f"column {name!r}: {verdict.detail}"
                verdict.picture = None
                return verdict
        return PASS

    compare.kind = "table"
    return compare
