"""Coursework: implementation exercises generated from scratch's kernels and graded by ``verify``.

::

    python -m scratch exercises list                      # the catalogue
    python -m scratch exercises start threshold_otsu      # writes threshold_otsu.py (+ notebook twin)
    python -m scratch exercises grade .                   # grades every exercise file found
    python -m scratch exercises build --out release/      # a teacher's release folder

In a notebook, ``scratch.exercises.check("threshold_otsu", threshold_otsu)`` grades one
function and shows the feedback inline (the first failing case, the code that rebuilds it,
the mismatch statistics, the reference | yours | difference picture and, when the output is a
typical mistake's, its name).

How it is built: ``_model`` (exercises, steps, named mistakes as mutations of the library's
kernels, and their variants), ``_stubs`` (the student's files, cut from the kernels' source),
``_grade`` (the grader: banned imports, a child process per exercise, the verify engine),
``_sandbox`` (that child), ``_output`` (JSON, CSV, Gradescope), ``_ex_*`` (the catalogue).
"""

from ._grade import STATUSES, banned_imports, grade_file, grade_functions
from ._model import Exercise, Mistake, Step, catalogue, get, solution, variant
from ._stubs import BANNED, module_text, percent_text

__all__ = ["check", "catalogue", "get", "grade_file", "grade_functions", "start", "grade", "build",
           "Exercise", "Step", "Mistake", "STATUSES", "BANNED", "banned_imports", "solution", "variant",
           "module_text", "percent_text", "CheckResult"]


class CheckResult:
    """What :func:`check` found for one function: ``status``, ``score``, ``mistake``, ``feedback``
    and the verify ``report``; shown as HTML in a notebook, as text elsewhere."""

    def __init__(self, step_result):
        self.result = step_result
        self.status = step_result.status
        self.score = step_result.score
        self.max_score = step_result.max_score
        self.mistake = step_result.mistake
        self.feedback = step_result.feedback
        self.report = step_result.report
        self.ok = self.status == "passed"

    def __str__(self):
        r = self.result
        head = f"{r.exercise.id}, step {r.exercise.number(r.step)} ({r.function}): {self.status} — " \
               f"{self.score:g} of {self.max_score:g} points"
        return head + "\n" + self.feedback

    def __repr__(self):
        return f"<CheckResult {self.result.function}: {self.status}, {self.score:g}/{self.max_score:g}>"

    def _repr_html_(self):
        import html

        colour = "#1a7f37" if self.ok else "#cf222e"
        r = self.result
        parts = [f"<p><b style='color:{colour}'>{html.escape(r.exercise.id)}, step {r.exercise.number(r.step)} "
                 f"({html.escape(r.function)}): {html.escape(self.status)} — {self.score:g} of "
                 f"{self.max_score:g} points</b></p>"]
        if self.mistake:
            message = next(m.message for m in r.exercise.mistakes if m.name == self.mistake)
            parts.append(f"<p style='color:#9a6700'><b>Named mistake:</b> {html.escape(message)}</p>")
        if self.report is not None and self.status not in ("passed",):
            parts.append(self.report._repr_html_())
        elif self.report is not None:
            parts.append(f"<p>{html.escape(self.report.summary_line())}</p>")
        return "".join(parts)


def check(exercise_or_step, function, *, step=None, timeout=10.0, seed=0):
    """Grade one function of an exercise in this process and return a :class:`CheckResult`.

    Parameters
    ----------
    exercise_or_step : str
        The exercise id (``"threshold_otsu"``) — the step is then the one named like
        ``function`` (else the last step) — or a step's function name (``"otsu_variance"``).
    function : callable
        Your implementation (plain Python or ``numba.njit``).
    step : str or int, optional
        The step, by function name or number, when it cannot be told from the function's name.
    timeout : float
        Seconds per case for plain Python (interrupted by SIGALRM); none for a ``numba.njit``
        function, whose compile a signal would break.
    """
    from ._grade import grade_step
    from ._model import _plain
    from scratch.verify._engine import call_once

    try:
        exercise = get(exercise_or_step)
    except KeyError:
        exercise = next((e for e in catalogue() for s in e.steps if s.function == exercise_or_step), None)
        if exercise is None:
            raise
        step = exercise_or_step if step is None else step
    if step is None:
        name = getattr(function, "__name__", "")
        step = name if any(s.function == name for s in exercise.steps) else exercise.steps[-1].function
    chosen = exercise.step(step)
    spec = chosen.spec(exercise.id)
    if hasattr(function, "py_func"):  # numba: a signal must not interrupt its compile
        timeout = None
    result = grade_step(exercise, chosen, lambda case: call_once(spec, function, case, timeout), _plain(function),
                        candidate=getattr(function, "__qualname__", chosen.function), timeout=timeout, seed=seed)
    return CheckResult(result)


def start(ids, into=".", notebook=True):
    """Write ``into/ID.py`` (and ``ID_notebook.py``, ``ID.ipynb``) for each exercise; return the paths."""
    from ._output import write_start

    return write_start(ids, into, notebook)


def grade(path, only=None, timeout=10.0, **kwargs):
    """Grade a folder of exercise files (or of submissions, one sub-folder per student)."""
    from ._output import grade_folder

    return grade_folder(path, only=only, timeout=timeout, **kwargs)


def build(out, only=None):
    """Write a teacher's release folder (stubs, README, public pytest file)."""
    from ._output import build_release

    return build_release(out, only)
