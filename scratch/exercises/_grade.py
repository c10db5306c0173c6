"""Grading: every step of an exercise through the verify engine, with named mistakes.

For one exercise the grader

1. reads the student's file and refuses it ("banned import", score 0) when its syntax tree
   imports skimage, scipy, cv2 or scratch, or names one of them to ``importlib`` /
   ``__import__``;
2. starts a child process (:mod:`._sandbox`: it never imports scratch) that loads the file —
   an import made at run time is refused there too — and asks it, step by step and case by
   case, for the outputs on inputs built here; a case that does not return within
   ``timeout`` seconds kills the child ("timeout") and a new child grades the next step, a
   child that dies (a segfault in njit code) is reported as an "error";
3. judges every output with the verify engine against the expected value (the reference
   library for the public step, the library kernel for an inner step), on the verify
   ``quick`` cases of :data:`~._model.GRADED_LAYERS`;
4. for a failing step, computes each named mistake's variant on the failing cases and, when
   the student's outputs equal one variant's, names it.

A step's score is its points times the fraction of its cases that pass (0 when it is not
implemented, banned, timed out or broken); ``status`` is one of ``passed``, ``failed``,
``not implemented``, ``banned import``, ``timeout``, ``error``.
"""

import ast
import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

from ._model import _plain, get, solution, variant
from ._stubs import BANNED, stub

__all__ = ["grade_file", "grade_functions", "banned_imports", "STATUSES"]

STATUSES = ("passed", "failed", "not implemented", "banned import", "timeout", "error")
_SANDBOX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_sandbox.py")
#: Failing cases on which a variant is compared with the student's output.
_MISTAKE_CASES = 4


# --- static check ------------------------------------------------------------------------------


def banned_imports(source, banned=BANNED):
    """The banned modules a source imports: ``import``/``from`` statements, and string
    arguments of ``importlib.import_module``, ``__import__`` and ``import_module``."""
    found = []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return found
    roots = set(banned)
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            if fname in ("import_module", "__import__", "find_spec", "reload") and node.args:
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names = [arg.value]
        found += [n for n in names if n.partition(".")[0] in roots]
    return sorted(set(found))


# --- the child process ------------------------------------------------------------------------


def _restore_class(module, qualname, mro):
    """The student's exception class, or the closest builtin one it derives from."""
    if module == "builtins":
        import builtins

        cls = getattr(builtins, qualname, None)
        if isinstance(cls, type):
            return cls
    elif module.split(".")[0] in ("numpy",):
        try:
            import importlib

            obj = importlib.import_module(module)
            for part in qualname.split("."):
                obj = getattr(obj, part)
            return obj
        except Exception:
            pass
    import builtins

    for name in mro:
        base = getattr(builtins, name, None)
        if isinstance(base, type) and issubclass(base, BaseException):
            return type(qualname.rsplit(".", 1)[-1], (base,), {"__module__": module})
    return type(qualname, (Exception,), {"__module__": module})


class Sandbox:
    """A child process running one student file; ``call`` returns what verify's runner does."""

    def __init__(self, path, banned=BANNED, start_timeout=60.0, env=None):
        self.path = os.path.abspath(path)
        self.env = dict(env or {})
        self.banned = tuple(banned)
        self.start_timeout = start_timeout
        self.process = None
        self.names = []
        self.load_error = None
        self.banned_hit = None
        self.signatures = {}

    def start(self):
        self.stderr = tempfile.TemporaryFile()
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        env.setdefault("NUMBA_CACHE_DIR", os.path.join(tempfile.gettempdir(), "scratch-exercises-numba"))
        env.update(self.env)
        self.process = subprocess.Popen([sys.executable, "-P", _SANDBOX, self.path, ",".join(self.banned)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                                        cwd=os.path.dirname(self.path), env=env)
        message = self._receive(self.start_timeout)
        if message is None or message == "timeout":
            self.load_error = ("timeout" if message == "timeout" else "crash",
                               "loading your file does not finish" if message == "timeout"
                               else f"the process died while loading your file{self._tail()}")
            self.close(kill=True)
            return self
        if message[0] == "loaded":
            self.signatures, self.banned_hit = message[1], message[2]
            self.names = sorted(self.signatures)
        else:
            _, cls, text, tb, self.banned_hit = message
            self.load_error = ("raised", f"{cls[1]}: {text}\n{tb}")
            self.close()
        return self

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def _tail(self):
        try:
            self.stderr.seek(0)
            text = self.stderr.read().decode(errors="replace").strip().splitlines()[-6:]
        except Exception:
            return ""
        return (":\n" + "\n".join(text)) if text else ""

    def _receive(self, timeout):
        out = self.process.stdout
        ready, _, _ = select.select([out], [], [], timeout)
        if not ready:
            return "timeout"
        head = out.read(8)
        if len(head) < 8:
            self.process.wait(timeout=5)
            return None
        (n,) = struct.unpack("<Q", head)
        data = out.read(n)
        try:
            return pickle.loads(data)
        except Exception as exc:
            return ("raised", ("builtins", "TypeError", ("TypeError",)),
                    f"your output cannot be read by the grader ({type(exc).__name__}: {exc})", "",
                    False, 0.0, None)

    def call(self, name, args, kwargs, writable, timeout):
        """``(kind, payload, modified, seconds)`` as ``scratch.verify``'s runners return it."""
        data = pickle.dumps(("call", name, args, kwargs, tuple(writable)), protocol=4)
        start = time.perf_counter()
        try:
            self.process.stdin.write(struct.pack("<Q", len(data)) + data)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return "crash", f"the process had died{self._tail()}", False, 0.0
        message = self._receive(timeout)
        seconds = time.perf_counter() - start
        if message == "timeout":
            self.close(kill=True)
            return "timeout", None, False, seconds
        if message is None:
            code = self.process.returncode
            how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            self.process = None
            return "crash", f"the process died ({how}){self._tail()}", False, seconds
        if message[-1]:
            self.banned_hit = self.banned_hit or message[-1]
        if message[0] == "value":
            return "value", message[1], message[2], message[3]
        _, cls, text, tb, modified, secs, _ = message
        return "raised", (_restore_class(*cls), text, tb), modified, secs

    def close(self, kill=False):
        p, self.process = self.process, None
        if p is None:
            return
        try:
            if kill:
                p.kill()
            else:
                data = pickle.dumps(("quit",))
                p.stdin.write(struct.pack("<Q", len(data)) + data)
                p.stdin.flush()
                p.stdin.close()
            p.wait(timeout=5)
        except Exception:
            p.kill()
            p.wait()


# --- one step -------------------------------------------------------------------------------


def _stub_function(exercise, step):
    """A function with the stub's signature (what the student is asked to write)."""
    kernel = _plain(step.solution())
    namespace = dict(sys.modules[kernel.__module__].__dict__)
    source = stub(exercise, step)
    exec(compile(source, f"<stub {step.function}>", "exec"), namespace)
    return namespace[step.function]


def _signature_function(text):
    """A stand-in with the student's signature, rebuilt from its text (None when it cannot)."""
    if text is None:
        return None
    namespace = {"np": np, "numpy": np, "nan": float("nan"), "inf": float("inf")}
    try:
        exec(f"def candidate{text}:\n    pass\n", namespace)
    except Exception:
        return None
    return namespace["candidate"]


class StepResult:
    """The grade of one step (``to_dict`` follows the grading JSON schema)."""

    def __init__(self, exercise, step, status, score, passed, failed, mistake=None, feedback="",
                 report=None, picture=None):
        self.exercise, self.step = exercise, step
        self.function = step.function
        self.status, self.score, self.passed, self.failed = status, float(score), int(passed), int(failed)
        self.max_score = float(step.points)
        self.mistake, self.feedback, self.report, self.picture = mistake, feedback, report, picture

    def to_dict(self):
        return {"function": self.function, "status": self.status, "score": round(self.score, 4),
                "max_score": self.max_score, "passed": self.passed, "failed": self.failed,
                "mistake": self.mistake, "feedback": self.feedback}


def _format_feedback(report, mistake_message, limit=4000):
    lines = [report.summary_line()]
    if mistake_message:
        lines.append(f"Named mistake: {mistake_message}")
    if report.unsupported:
        lines.append(f"not supported (their cases count as failed): {', '.join(report.unsupported)}")
    for finding in report.findings[:1]:
        ex = finding.example
        lines.append(f"first failing case: [{finding.outcome}] {finding.cause} — {finding.count} case(s)")
        lines.append(f"  {ex.layer} / {ex.label}" + (f": {ex.inputs}" if ex.inputs else ""))
        if ex.detail:
            lines.append(f"  {ex.detail}")
        stats = {k: v for k, v in ex.stats.items() if k != "traceback"}
        if stats:
            lines.append("  mismatch: " + ", ".join(f"{k} {v}" for k, v in stats.items()))
        if ex.stats.get("traceback"):
            lines.append("  traceback:\n" + "\n".join("    " + t for t in str(ex.stats["traceback"]).splitlines()[-6:]))
        snippet = report.snippet(ex)
        if snippet:
            lines.append("  rebuild it:")
            lines.extend("    " + s for s in snippet.splitlines())
    if len(report.findings) > 1:
        lines.append(f"({len(report.findings) - 1} more finding(s) with other causes)")
    text = "\n".join(lines)
    return text if len(text) <= limit else text[:limit] + " …"


def _match_mistake(exercise, step, spec, failing, outputs, timeout, prefer=()):
    """The first named mistake whose variant gives the student's outputs on the failing cases
    (the mistakes already named at an earlier step are tried first: they flow on)."""
    from scratch.verify._engine import _Context, call_once

    cases = [r.case for r in failing if r.case is not None and r.case.index in outputs][:_MISTAKE_CASES]
    if not cases:
        return None
    compare_default = spec.compare
    ordered = sorted(exercise.mistakes, key=lambda m: m.name not in prefer)
    for mistake in ordered:
        try:
            functions = _variants(exercise, mistake)
        except Exception:
            continue
        f = functions[step.function]
        same = True
        for case in cases:
            got = outputs[case.index]
            mine = call_once(spec, f, case, None)  # our code: it returns (and SIGALRM would break a Numba compile)
            if got[0] != mine[0] or got[0] not in ("value", "raised"):
                same = False
            elif got[0] == "raised":
                same = isinstance(got[1][0], type) and issubclass(got[1][0], mine[1][0])
            else:
                try:
                    same = (case.compare or compare_default)(mine[1], got[1], _Context(case)).ok
                except Exception:
                    same = False
            if not same:
                break
        if same:
            return mistake
    return None


_VARIANTS = {}


def _variants(exercise, mistake):
    key = (exercise.id, mistake.name)
    if key not in _VARIANTS:
        _VARIANTS[key] = variant(exercise, mistake)
    return _VARIANTS[key]


def grade_step(exercise, step, runner, signature_of, *, candidate="", timeout=10.0, seed=0,
               target=None, pictures=None, names_mistakes=True, prefer=()):
    """Grade one step with ``runner(case) -> (kind, payload, modified, seconds)``."""
    from scratch.verify._engine import check_signature, run_case
    from scratch.verify._report import Report

    spec = step.spec(exercise.id)
    started = time.perf_counter()
    sig_results, unsupported, accepts_any = check_signature(signature_of, _stub_function(exercise, step)) \
        if signature_of is not None else ([], set(), True)
    outputs = {}

    def recording(case):
        got = runner(case)
        outputs[case.index] = got
        return got

    results = list(sig_results)
    timed_out = crashed = False
    cases = spec.cases("quick", seed)
    for case in cases:
        result = run_case(spec, case, recording, set(unsupported), accepts_any)
        results.append(result)
        if result.outcome == "timeout":
            timed_out = True
            break
        if result.outcome == "crash":
            crashed = True
            break
    report = Report(spec, "quick", candidate or step.function, results, unsupported,
                    time.perf_counter() - started, target=target, seed=seed)
    # a case whose input could not be built is the table's fault and counts for nobody; a case
    # skipped because the student's function lacks one of the stub's parameters counts as failed
    graded = [r for r in results if r.layer != "signature" and not (
        r.outcome == "skip" and r.cause == "the case's input could not be built")]
    passed = sum(r.outcome in ("pass", "textbook") for r in graded)
    sig_failed = sum(r.outcome == "fail" for r in sig_results)
    failed = len(graded) - passed + sig_failed
    unbuilt = sum(r.outcome == "skip" and r.cause == "the case's input could not be built" for r in results)
    total = max(len(cases) - unbuilt, 1)
    mistake = None
    if timed_out:
        status, score = "timeout", 0.0
    elif crashed:
        status, score = "error", 0.0
    elif failed == 0 and passed > 0:
        status, score = "passed", step.points
    elif passed == 0 and any(r.outcome == "not implemented" for r in graded):
        status, score = "not implemented", 0.0
    else:
        status = "failed"
        score = step.points * passed / total * (0.0 if sig_failed else 1.0)
        if names_mistakes and exercise.mistakes:
            failing = [r for r in graded if r.failed]
            mistake = _match_mistake(exercise, step, spec, failing, outputs, timeout, prefer)
    picture = None
    if pictures and report.findings:
        try:
            report.write_pictures(pictures)
            picture = report.findings[0].picture_path
        except Exception:
            picture = None
    if status == "passed":
        feedback = report.summary_line()
    elif status == "not implemented":
        feedback = (f"not implemented yet: {step.function} raises NotImplementedError "
                    f"({len(graded)} cases wait for it)")
    else:
        feedback = _format_feedback(report, mistake.message if mistake else None)
        if picture:
            feedback += f"\npicture (reference | yours | difference): {picture}"
    return StepResult(exercise, step, status, score, passed, failed, mistake.name if mistake else None,
                      feedback, report, picture)


# --- one exercise ------------------------------------------------------------------------------


class ExerciseResult:
    def __init__(self, exercise, steps, path=None):
        self.exercise = exercise
        self.id = exercise.id
        self.steps = steps
        self.path = path

    @property
    def score(self):
        return float(sum(s.score for s in self.steps))

    @property
    def max_score(self):
        return self.exercise.points

    def to_dict(self):
        return {"id": self.id, "score": round(self.score, 4), "max_score": self.max_score,
                "steps": [s.to_dict() for s in self.steps]}


def _all(exercise, status, feedback, path=None):
    return ExerciseResult(exercise, [StepResult(exercise, s, status, 0.0, 0, 0, None, feedback)
                                     for s in exercise.steps], path)


def grade_file(exercise_id, path, *, timeout=10.0, seed=0, banned=BANNED, pictures=None, env=None):
    """Grade a student's file for one exercise, in a child process (see the module docstring).

    ``banned`` and ``env`` (extra environment variables of the child) are for the benchmarks
    and tests: a file that runs the library's kernels with ``NUMBA_DISABLE_JIT=1`` is graded
    like plain-Python student code."""
    exercise = get(exercise_id)
    try:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
    except OSError as exc:
        return _all(exercise, "error", f"cannot read {path}: {exc}", path)
    hits = banned_imports(source, banned)
    if hits:
        return _all(exercise, "banned import", f"banned import: {', '.join(hits)} — exercises may use NumPy, "
                    "math and numba only; the exercise scores 0", path)
    try:
        compile(source, path, "exec")
    except SyntaxError as exc:
        return _all(exercise, "error", f"your file does not compile: {exc}", path)
    box = None
    steps = []
    try:
        for step in exercise.steps:
            if box is None or not box.alive():
                if box is not None and box.banned_hit:
                    break
                # loading: NumPy and numba, then the file's own top-level code
                box = Sandbox(path, banned, env=env, start_timeout=15.0 + 2 * timeout).start()
            if box.banned_hit:
                break
            if box.load_error is not None:
                kind, text = box.load_error
                status = "timeout" if kind == "timeout" else "error"
                return _all(exercise, status, f"your file cannot be loaded: {text.strip()}", path)
            if step.function not in box.names:
                steps.append(StepResult(exercise, step, "error", 0.0, 0, 0, None,
                                        f"your file has no function named {step.function!r}"))
                continue
            signature = box.signatures.get(step.function)
            runner = _sandbox_runner(box, step.function, timeout)
            steps.append(grade_step(exercise, step, runner, _signature_function(signature),
                                    candidate=f"{os.path.basename(path)}:{step.function}", timeout=timeout,
                                    seed=seed, target=f"{path}:{step.function}", pictures=pictures,
                                    prefer=[s.mistake for s in steps if s.mistake]))
            if box.banned_hit:
                break
    finally:
        if box is not None:
            box.close()
    if box is not None and box.banned_hit:
        return _all(exercise, "banned import", f"banned import at run time: {box.banned_hit!r} — exercises may "
                    "use NumPy, math and numba only; the exercise scores 0", path)
    return ExerciseResult(exercise, steps, path)


def _sandbox_runner(box, name, timeout):
    from scratch.verify import _inputs

    def run(case):
        if not box.alive():
            return "crash", "the process had died", False, 0.0
        args = _inputs.build(case.args)
        kwargs = _inputs.build(case.kwargs)
        return box.call(name, args, kwargs, case.writable, timeout)

    return run


def grade_functions(exercise_id, functions=None, *, timeout=None, seed=0, only=None, pictures=None):
    """Grade functions in this process (``{step name: callable}``; default: the library's own
    solution) — what the proofs of the catalogue use.  ``timeout`` (seconds per case, by
    SIGALRM) is off by default: these are the library's functions and its variants, which call
    Numba kernels, and a compile interrupted by a signal leaves its dispatcher broken."""
    from scratch.verify._engine import call_once

    exercise = get(exercise_id)
    functions = solution(exercise) if functions is None else functions
    steps = []
    for step in exercise.steps:
        if only is not None and step.function not in only:
            continue
        f = functions.get(step.function)
        if f is None:
            steps.append(StepResult(exercise, step, "error", 0.0, 0, 0, None,
                                    f"no function named {step.function!r}"))
            continue
        spec = step.spec(exercise.id)
        steps.append(grade_step(exercise, step, lambda case, f=f, spec=spec: call_once(spec, f, case, timeout),
                                _plain(f), candidate=getattr(f, "__qualname__", step.function),
                                timeout=timeout, seed=seed, pictures=pictures,
                                prefer=[s.mistake for s in steps if s.mistake]))
    return ExerciseResult(exercise, steps)
