"""Running the cases: the signature layer, the calls, the verdicts.

For every case, in this order:

1. **Supported?**  A case that passes an optional parameter the candidate's signature does not
   have is skipped ("not supported"), never failed.
2. **The reference** runs on its own copy of the inputs (results are cached per process: a test
   suite verifying many candidates of one function pays for the reference once).  It either
   returns a value or raises; both are the expectation.
3. **The candidate** runs on fresh copies, in this process (the default of the Python API) or
   in a child process with a per-case timeout (the CLI, ``isolate=True``): a crash or an endless
   loop is then an outcome like any other.  Warnings are silenced in both calls.
4. **The verdict**: the reference raised → the candidate must raise the same class (or a
   subclass); the reference returned → the spec's comparator decides.  A candidate that
   modified an input array fails the case whatever it returned.  Where the case sits on a
   documented quirk of the reference (``case.known``) and the candidate agrees with scratch
   instead, the outcome is ``"textbook"``, a pass.

Outcomes: ``pass``, ``textbook``, ``skip`` (not supported), and the failing ones ``fail``,
``renumbered`` (labels: same partition, other numbering), ``error`` (raised where the
reference returns), ``not implemented`` (raised NotImplementedError), ``timeout``, ``crash``.
"""

import contextlib
import inspect
import numbers
import re
import signal
import threading
import time
import traceback
import warnings

import numpy as np

from . import _inputs
from ._compare import Verdict, type_name
from ._known import KNOWN

__all__ = ["CaseResult", "run_cases", "check_signature", "FAILING"]

#: Exceptions that mean the reference itself broke on the input, not that it rejected it.
INTERNAL_ERRORS = (IndexError, UnboundLocalError, ZeroDivisionError, KeyError, AttributeError,
                   RecursionError)

FAILING = ("fail", "renumbered", "error", "not implemented", "timeout", "crash")

_REFERENCE_CACHE = {}
_CACHE_LIMIT = 20000


class CaseResult:
    """What happened in one case (plain data; the report groups these into findings)."""

    __slots__ = ("index", "layer", "label", "outcome", "cause", "detail", "stats", "seconds",
                 "case", "picture", "note", "inputs")

    def __init__(self, case, outcome, cause="", detail="", stats=None, seconds=0.0, picture=None,
                 note=""):
        self.case = case
        self.index = case.index if case is not None else -1
        self.layer = case.layer if case is not None else "signature"
        self.label = case.label if case is not None else ""
        self.outcome = outcome
        self.cause = cause
        self.detail = detail
        self.stats = stats or {}
        self.seconds = seconds
        self.picture = picture
        self.note = note
        self.inputs = _describe_inputs(case) if case is not None else ""

    @property
    def failed(self):
        return self.outcome in FAILING

    def to_dict(self):
        out = {"index": self.index, "layer": self.layer, "label": self.label, "outcome": self.outcome,
               "cause": self.cause, "detail": self.detail, "inputs": self.inputs,
               "seconds": round(self.seconds, 6)}
        if self.stats:
            out["stats"] = {k: _jsonable(v) for k, v in self.stats.items()}
        if self.note:
            out["note"] = self.note
        if self.case is not None:
            out["kwargs"] = {k: _inputs.code(v) for k, v in self.case.kwargs.items()}
        return out


def _jsonable(v):
    if isinstance(v, tuple):
        return [_jsonable(x) for x in v]
    if isinstance(v, (np.generic,)):
        v = v.item()
    if isinstance(v, complex):
        return str(v)
    if isinstance(v, float) and not np.isfinite(v):
        return str(v)
    return v


def _describe_inputs(case):
    parts = []
    for a in case.args:
        if isinstance(a, _inputs.Input):
            parts.append(a.describe())
        elif isinstance(a, np.ndarray):
            parts.append(f"array {'×'.join(map(str, a.shape))} {a.dtype}")
        else:
            parts.append(_clip(_inputs.code(a), 40))
    for k, v in case.kwargs.items():
        parts.append(f"{k}={v.describe() if isinstance(v, _inputs.Input) else _clip(_inputs.code(v), 40)}")
    return ", ".join(parts)


def _clip(text, n):
    return text if len(text) <= n else text[: n - 1] + "…"


# --- the signature layer -------------------------------------------------------------------


def _signature(obj):
    try:
        return inspect.signature(obj)
    except (TypeError, ValueError):
        return None


def _same_default(a, b):
    """Defaults agree: equal numbers (1 == 1.0, but True is not 1), equal strings, sequences,
    arrays; None only with None."""
    if a is b:
        return True
    try:
        if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
            return np.shape(a) == np.shape(b) and bool(np.all(np.asarray(a) == np.asarray(b)))
        if isinstance(a, (bool, np.bool_)) or isinstance(b, (bool, np.bool_)):
            return type(a) is type(b) and a == b
        if isinstance(a, numbers.Number) and isinstance(b, numbers.Number):
            return a == b or (a != a and b != b)
        if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
            return len(a) == len(b) and all(_same_default(x, y) for x, y in zip(a, b))
        return type(a) is type(b) and bool(a == b)
    except Exception:
        return False


def check_signature(candidate, reference):
    """Compare parameters and defaults; return (results, unsupported names, accepts_any).

    One result per parameter of the reference: ``pass``, ``fail`` (a required parameter is
    missing, a default differs, a positional parameter sits at another place) or ``skip`` (an
    optional parameter the candidate does not take: "not supported").
    """
    ref_sig = _signature(reference)
    cand_sig = _signature(candidate)
    if ref_sig is None:
        return [], set(), True
    results = []
    if cand_sig is None:
        from ._core import Case

        case = Case("signature", "signature", ())
        results.append(CaseResult(case, "skip", "signature cannot be inspected",
                                  "the candidate's signature cannot be read (a builtin or C function); "
                                  "every parameter is assumed supported"))
        return results, set(), True
    cand = cand_sig.parameters
    accepts_any = any(p.kind is p.VAR_KEYWORD for p in cand.values())
    cand_positional = [n for n, p in cand.items() if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    ref_positional = [n for n, p in ref_sig.parameters.items()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    unsupported = set()
    from ._core import Case

    for name, p in ref_sig.parameters.items():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        case = Case("signature", f"parameter {name}")
        required = p.default is p.empty
        if name not in cand:
            if accepts_any and not required:
                results.append(CaseResult(case, "pass", detail="accepted through **kwargs"))
                continue
            if required and not any(q.kind is q.VAR_POSITIONAL for q in cand.values()):
                results.append(CaseResult(case, "fail", "a required parameter is missing",
                                          f"the reference requires {name!r}; the candidate has no such parameter"))
            else:
                unsupported.add(name)
                results.append(CaseResult(case, "skip", "optional parameter not supported",
                                          f"{name}={p.default!r} is not supported: the cases that pass it are skipped"))
            continue
        q = cand[name]
        if name in ref_positional and p.kind is not p.KEYWORD_ONLY:
            i = ref_positional.index(name)
            if i < len(cand_positional) and cand_positional[i] != name and required:
                results.append(CaseResult(case, "fail", "positional parameters in another order",
                                          f"{name!r} is positional argument {i} of the reference, "
                                          f"{cand_positional.index(name) if name in cand_positional else 'keyword-only'} of yours"))
                continue
        if not required:
            if q.default is q.empty:
                results.append(CaseResult(case, "fail", "an optional parameter is required",
                                          f"{name!r} has the default {p.default!r} in the reference; "
                                          "the candidate requires it"))
                continue
            if not _same_default(p.default, q.default):
                results.append(CaseResult(case, "fail", "a default differs from the reference's",
                                          f"{name}={q.default!r} where the reference has {name}={p.default!r}"))
                continue
        results.append(CaseResult(case, "pass"))
    for name, q in cand.items():
        if name not in ref_sig.parameters and q.default is q.empty and \
                q.kind not in (q.VAR_POSITIONAL, q.VAR_KEYWORD):
            case = Case("signature", f"parameter {name}")
            results.append(CaseResult(case, "fail", "an extra required parameter",
                                      f"{name!r} is required by the candidate but the reference has no such parameter"))
    return results, unsupported, accepts_any


# --- calling -------------------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised inside a plain-Python candidate that overran its time (SIGALRM)."""


@contextlib.contextmanager
def _deadline(seconds):
    """Interrupt Python code after ``seconds`` (main thread, POSIX only; Numba code cannot be
    interrupted this way: use ``isolate=True`` for that)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def handler(signum, frame):
        raise _Timeout()

    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _arrays_of(value, out):
    if isinstance(value, np.ndarray):
        out.append(value)
    elif isinstance(value, (tuple, list)):
        for v in value:
            _arrays_of(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            _arrays_of(v, out)
    return out


def call_once(spec, function, case, timeout=None):
    """Build fresh inputs, call, and report ``(kind, payload, modified, seconds)``.

    ``kind`` is ``"value"`` (payload = the output) or ``"raised"`` (payload = (class, message)),
    ``"timeout"``.  ``modified`` is True when an input array changed.
    """
    args = _inputs.build(case.args)
    kwargs = _inputs.build(case.kwargs)
    arrays = _arrays_of((args, {k: v for k, v in kwargs.items() if k not in case.writable}), [])
    before = [a.copy() for a in arrays]
    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with np.errstate(all="ignore"), _deadline(timeout):
                output = spec.invoke(function, args, kwargs)
        kind, payload = "value", output
    except _Timeout:
        kind, payload = "timeout", None
    except Exception as exc:  # the candidate's exception is data here
        kind, payload = "raised", (type(exc), _first_line(exc), traceback.format_exc(limit=-3))
    seconds = time.perf_counter() - start
    modified = any(not _same_bits(a, b) for a, b in zip(arrays, before))
    return kind, payload, modified, seconds


def _first_line(exc):
    text = str(exc).strip().splitlines()
    return text[0] if text else ""


def _same_bits(a, b):
    if a.dtype.kind == "O":
        try:
            return bool(np.all(a == b))
        except Exception:
            return True
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def reference_result(spec, case):
    """The reference's answer for a case, cached per process."""
    key = (spec.name, case.key())
    hit = _REFERENCE_CACHE.get(key)
    if hit is None:
        kind, payload, _, seconds = call_once(spec, spec.reference_function(), case)
        if kind == "raised":
            payload = payload[:2]
        hit = (kind, payload)
        if len(_REFERENCE_CACHE) > _CACHE_LIMIT:
            _REFERENCE_CACHE.clear()
        _REFERENCE_CACHE[key] = hit
    return hit


_NUMBER = re.compile(r"-?\d+(\.\d+)?(e-?\d+)?")


def _message_cause(message):
    """A message with its numbers and quoted values blanked, so one cause groups many cases."""
    text = _NUMBER.sub("#", message)
    text = re.sub(r"\([^()]*#[^()]*\)", "(…)", text)
    return _clip(text, 90)


def _public_class(cls):
    """The first public class of an exception's MRO: NumPy's private
    ``_UFuncOutputCastingError`` stands for the TypeError it derives from."""
    for c in cls.__mro__:
        if c.__module__ == "builtins" or not any(part.startswith("_") for part in
                                                  (c.__module__ + "." + c.__qualname__).split(".")):
            return c
    return cls


def _exc_name(cls):
    return cls.__name__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"


def judge(spec, case, ref, got, context):
    """The verdict on one case from the reference's and the candidate's results."""
    kind, payload, modified, seconds = got
    rkind, rpayload = ref
    if kind == "timeout":
        return CaseResult(case, "timeout", "does not return within the time limit",
                          f"still running after {seconds:.1f} s", seconds=seconds)
    if kind == "crash":
        return CaseResult(case, "crash", "the process died", payload, seconds=seconds)
    if rkind == "raised":
        rcls, rmsg = rpayload
        rcls = _public_class(rcls)
        if kind == "raised":
            cls, msg = payload[0], payload[1]
            if isinstance(cls, type) and issubclass(cls, rcls):
                result = CaseResult(case, "pass", seconds=seconds)
            elif rcls in INTERNAL_ERRORS and isinstance(cls, type) and issubclass(cls, (ValueError, TypeError)):
                # The reference fails here with an internal error (an IndexError deep inside,
                # an unbound variable): the input is bad, and a clear ValueError/TypeError is
                # the better answer (DESIGN.md, issue "drop-in all the way").
                result = CaseResult(case, "pass", seconds=seconds,
                                    note=f"the reference fails here with an internal {_exc_name(rcls)}; "
                                         f"{_exc_name(cls)} accepted")
            elif isinstance(cls, type) and issubclass(cls, NotImplementedError):
                result = CaseResult(case, "not implemented", "raises NotImplementedError", msg, seconds=seconds)
            else:
                result = CaseResult(case, "fail", f"raises {_exc_name(cls)} where the reference raises "
                                    f"{_exc_name(rcls)}",
                                    f"raised {_exc_name(cls)}({msg!r}); the reference raises "
                                    f"{_exc_name(rcls)}({rmsg!r})", seconds=seconds)
        else:
            result = CaseResult(case, "fail", f"returns a result where the reference raises {_exc_name(rcls)}",
                                f"returned {_clip(repr(payload), 80)}; the reference raises "
                                f"{_exc_name(rcls)}({rmsg!r})", seconds=seconds)
    elif kind == "raised":
        cls, msg = payload[0], payload[1]
        if isinstance(cls, type) and issubclass(cls, NotImplementedError):
            result = CaseResult(case, "not implemented", "raises NotImplementedError", msg, seconds=seconds)
        else:
            result = CaseResult(case, "error", f"raises {_exc_name(cls)}: {_message_cause(msg)}",
                                f"raised {_exc_name(cls)}({msg!r}) where the reference returns a result",
                                stats={"traceback": payload[2]} if len(payload) > 2 else None,
                                seconds=seconds)
    else:
        compare = case.compare or spec.compare
        try:
            verdict = compare(rpayload, payload, context)
        except Exception as exc:  # a comparator cannot make sense of the output
            verdict = Verdict(False, f"output cannot be compared ({type(exc).__name__})",
                              f"{type(exc).__name__}: {exc}", "fail")
        if verdict.ok:
            result = CaseResult(case, "pass", seconds=seconds)
        else:
            result = CaseResult(case, verdict.outcome, verdict.cause, verdict.detail, verdict.stats,
                                seconds, verdict.picture)
    if modified:
        result = CaseResult(case, "fail", "modifies its input array", "an input array was changed in place "
                            "(the reference never writes to its inputs)", result.stats, seconds)
    return result


class _Context:
    """What a comparator may look at besides the two outputs: the built inputs and the radius."""

    def __init__(self, case):
        self.case = case
        self.radius = case.radius
        self._args = None
        self._kwargs = None

    @property
    def args(self):
        if self._args is None:
            self._args = _inputs.build(self.case.args)
        return self._args

    @property
    def kwargs(self):
        if self._kwargs is None:
            self._kwargs = _inputs.build(self.case.kwargs)
        return self._kwargs


def _three_way(spec, case, result, got, context):
    """On a documented quirk: a candidate that agrees with scratch gets "textbook"."""
    known = KNOWN[case.known]
    try:
        ours = call_once(spec, spec.scratch_function(), case)
    except Exception:
        return result
    if ours[0] != got[0]:
        return result
    if got[0] == "raised":
        agree = isinstance(got[1][0], type) and issubclass(got[1][0], ours[1][0])
    elif got[0] == "value":
        compare = case.compare or spec.compare
        try:
            agree = compare(ours[1], got[1], context).ok
        except Exception:
            agree = False
    else:
        agree = False
    if agree and not got[2]:
        return CaseResult(case, "textbook", "matches the correct result; the reference differs here",
                          result.detail, result.stats, result.seconds,
                          note=f"matches the correct result; the reference differs here because {known.why} "
                               f"(see {known.test})")
    return result


def run_case(spec, case, runner, unsupported, accepts_any):
    """One case from start to verdict."""
    needs = sorted(k for k in case.kwargs if k in unsupported)
    if needs and not accepts_any:
        return CaseResult(case, "skip", "optional parameter not supported",
                          f"needs {', '.join(needs)} (not supported)")
    try:
        _inputs.build((case.args, case.kwargs))  # a recipe that cannot be built is the table's fault
    except Exception as exc:
        return CaseResult(case, "skip", "the case's input could not be built",
                          f"{type(exc).__name__}: {exc} (a bug of the case table, not of the candidate)")
    ref = reference_result(spec, case)
    got = runner(case)
    context = _Context(case)
    result = judge(spec, case, ref, got, context)
    if case.known and result.outcome in FAILING:
        result = _three_way(spec, case, result, got, context)
    return result


def run_cases(spec, cases, runner, unsupported=(), accepts_any=False, progress=None):
    results = []
    for case in cases:
        results.append(run_case(spec, case, runner, set(unsupported), accepts_any))
        if progress is not None:
            progress(results[-1])
    return results
