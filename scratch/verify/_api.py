"""``scratch.verify(candidate, name)``: run a function's cases and return a :class:`Report`."""

import time

from ._core import resolve
from ._engine import call_once, check_signature, run_case, run_cases
from ._isolate import CandidateError, ChildRunner, load_candidate
from ._report import Report

__all__ = ["verify", "LEVELS"]

LEVELS = ("quick", "full")

#: Hypothesis examples per function at level "full".
FULL_EXAMPLES = 25


def _candidate_name(candidate):
    if isinstance(candidate, str):
        return candidate
    module = getattr(candidate, "__module__", None) or ""
    qual = getattr(candidate, "__qualname__", None) or getattr(candidate, "__name__", None) or repr(candidate)
    return qual if module in ("__main__", "") else f"{module}.{qual}"


def verify(candidate, name=None, level="quick", *, isolate=False, timeout=None, seed=0, out=None,
           progress=None):
    """Verify ``candidate`` against the reference of ``name``, case by case, layer by layer.

    Parameters
    ----------
    candidate : callable or str
        Any callable (plain Python, NumPy, ``numba.njit``, a wrapper around OpenCV or a GPU
        library), or ``"path/file.py:func"`` / ``"package.module:func"``.  For
        ``"KDTree.query"`` the candidate is the tree class.
    name : str or callable, optional
        What it implements: ``"threshold_otsu"``, ``"skimage.filters.threshold_otsu"``, or the
        reference function itself.  Default: ``candidate`` itself, when it is a scratch or
        reference function.
    level : {"quick", "full"}
        ``quick`` runs in seconds even for a plain-Python candidate; ``full`` uses bigger
        inputs and adds Hypothesis-drawn cases (shrunk to a minimal failing one).
    isolate : bool
        Run the candidate in a child process (it must pickle, i.e. be importable), so a crash or
        an endless loop is reported as such.  Default False: a function defined in a notebook
        cannot always be pickled.
    timeout : float, optional
        Seconds per case.  Isolated: the child is killed (default 30).  In process: plain-Python
        code is interrupted by SIGALRM on the main thread (default 30); compiled code cannot be.
    seed : int
        Base seed; every input is derived from it and the case, and printed in the report.
    out : str, optional
        Folder for the reference | yours | difference pictures of the findings.
    progress : callable, optional
        Called with each case result as it completes.

    Returns
    -------
    Report
        ``.ok``, ``.counts``, ``.findings``, ``.cases``, ``.to_dict()``; ``print(report)``.

    Raises
    ------
    KeyError
        ``name`` is not a function verify knows (see :func:`scratch.verify.names`).
    ValueError
        ``level`` is not "quick" or "full".
    CandidateError
        The candidate cannot be loaded or is not callable.
    """
    if level not in LEVELS:
        raise ValueError(f"verify: level must be 'quick' or 'full', got {level!r}")
    spec = resolve(candidate if name is None else name)
    target = candidate if isinstance(candidate, str) else None
    function = load_candidate(candidate)
    timeout = 30.0 if timeout is None else float(timeout)
    started = time.perf_counter()
    reference = spec.reference_function()
    sig_of = spec.signature_of or (lambda f: f)
    sig_results, unsupported, accepts_any = check_signature(sig_of(function), sig_of(reference))
    if isolate:
        runner = ChildRunner(target if target is not None else function, spec.name, timeout=timeout)
    else:
        runner = lambda case: call_once(spec, function, case, timeout)  # noqa: E731
    try:
        cases = spec.cases(level, seed)
        results = sig_results + run_cases(spec, cases, runner, unsupported, accepts_any, progress)
        if level == "full" and spec.draw is not None:
            results += _hypothesis(spec, runner, unsupported, accepts_any, seed, len(cases), progress)
    finally:
        if isolate:
            runner.close()
    report = Report(spec, level, _candidate_name(candidate), results, unsupported,
                    time.perf_counter() - started, target=target, seed=seed)
    if out:
        report.write_pictures(out)
    return report


class _Found(Exception):
    pass


def _hypothesis(spec, runner, unsupported, accepts_any, seed, first_index, progress):
    """Hypothesis-drawn cases; on a failure, Hypothesis shrinks it and the minimal one is kept."""
    try:
        from hypothesis import HealthCheck, Phase, given, settings, strategies as st
        from hypothesis import seed as hypothesis_seed
    except ImportError:  # pragma: no cover - hypothesis is in the [test] and [verify] extras
        raise ImportError("verify(level='full') needs Hypothesis: pip install 'scratch[verify]'") from None
    passed, seen, failing = [], set(), []

    @hypothesis_seed(seed)
    @settings(max_examples=FULL_EXAMPLES, database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck), phases=(Phase.generate, Phase.shrink),
              report_multiple_bugs=False, print_blob=False)
    @given(st.data())
    def prop(data):
        case = spec.draw(data, seed)
        key = case.key()
        case.index = first_index + len(passed)
        result = run_case(spec, case, runner, set(unsupported), accepts_any)
        if result.failed:
            failing.append(result)
            raise _Found()
        if key not in seen:
            seen.add(key)
            passed.append(result)
            if progress is not None:
                progress(result)

    try:
        prop()
    except _Found:
        pass
    if failing:
        minimal = failing[-1]  # Hypothesis replays the shrunk example last
        minimal.case.index = first_index + len(passed)
        minimal.index = minimal.case.index
        minimal.label = minimal.case.label + " (shrunk by Hypothesis)"
        passed.append(minimal)
    return passed
