"""Files in and out: the student's start files, grading a folder, the teacher's release folder.

``grade_folder(DIR)`` grades every exercise file in ``DIR`` (``ID.py``; else its notebook twin
``ID_notebook.py`` / ``ID.ipynb``, without the check cells).  When ``DIR`` holds no exercise
file but sub-folders that do, it is a class: one sub-folder per student, one JSON per student
and one CSV table for all.  The JSON follows this schema exactly::

    {"score": float, "max_score": float,
     "exercises": [{"id": str, "score": float, "max_score": float,
                    "steps": [{"function": str, "status": str, "score": float, "max_score": float,
                               "passed": int, "failed": int, "mistake": str | null,
                               "feedback": str}]}]}

(``grading.schema.json`` beside this module is that schema as a JSON Schema, for checks
outside scratch) and ``gradescope_results`` writes Gradescope's ``results.json`` (one test per step).
"""

import csv
import json
import os
import tempfile
import time

from ._grade import grade_file
from ._model import catalogue, get
from ._stubs import code_of_notebook, ipynb_text, module_text, percent_text

__all__ = ["write_start", "find_files", "grade_folder", "student_json", "gradescope_results",
           "build_release"]


def _write(path, text):
    """Write atomically (a half-written stub or report never stays behind)."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=os.path.basename(path))
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)
    return path


def write_start(ids, into=".", notebook=True, overwrite=False):
    """``into/ID.py`` (+ ``ID_notebook.py`` and ``ID.ipynb``) for each id; existing files are kept."""
    written = []
    for exercise_id in ids:
        exercise = get(exercise_id)
        files = {f"{exercise.id}.py": module_text}
        if notebook:
            files.update({f"{exercise.id}_notebook.py": percent_text, f"{exercise.id}.ipynb": ipynb_text})
        for name, make in files.items():
            path = os.path.join(into, name)
            if os.path.exists(path) and not overwrite:
                continue
            written.append(_write(path, make(exercise.id)))
    return written


def find_files(folder, only=None):
    """``{exercise id: file}`` of the exercise files in ``folder`` (not recursive)."""
    ids = [e.id for e in catalogue()] if only is None else [get(i).id for i in only]
    found = {}
    for exercise_id in ids:
        for name in (f"{exercise_id}.py", f"{exercise_id}_notebook.py", f"{exercise_id}.ipynb"):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                found[exercise_id] = path
                break
    return found


def _graded_file(exercise_id, path):
    """The file the grader loads: the module itself, or a notebook twin's code cells."""
    if path.endswith(f"{exercise_id}.py"):
        return path, None
    code = code_of_notebook(path)
    fd, tmp = tempfile.mkstemp(prefix=f"{exercise_id}-", suffix=".py", dir=os.path.dirname(os.path.abspath(path)))
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(code)
    return tmp, tmp


def student_json(results):
    """The grading JSON (a dict) of one student's exercise results."""
    return {"score": round(float(sum(r.score for r in results)), 4),
            "max_score": float(sum(r.max_score for r in results)),
            "exercises": [r.to_dict() for r in results]}


def gradescope_results(results, visibility="visible"):
    """Gradescope's ``results.json``: one test per step."""
    tests = []
    for r in results:
        for s in r.steps:
            number = r.exercise.number(s.step)
            tests.append({"name": f"{r.id} / step {number}: {s.function} ({s.step.title})",
                          "score": round(s.score, 4), "max_score": s.max_score,
                          "output": f"{s.status}" + (f" — named mistake: {s.mistake}" if s.mistake else "")
                                    + "\n" + s.feedback,
                          "visibility": visibility})
    return {"score": round(float(sum(r.score for r in results)), 4), "tests": tests}


def _grade_task(exercise_id, path, timeout, pictures, options):
    graded, temporary = _graded_file(exercise_id, path)
    try:
        started = time.perf_counter()
        result = grade_file(exercise_id, graded, timeout=timeout, pictures=pictures, **options)
        result.path = path
        result.seconds = time.perf_counter() - started
    finally:
        if temporary:
            os.unlink(temporary)
    return result


def _grade_all(folders, only, timeout, progress, pictures, jobs, options):
    """``{student: [ExerciseResult]}``; the (student, exercise) pairs run ``jobs`` at a time
    (threads here: the student's code runs in its own child process, so they overlap)."""
    tasks = []
    for student, folder in folders.items():
        for exercise_id, path in find_files(folder, only).items():
            pics = os.path.join(pictures, student, exercise_id) if pictures else None
            tasks.append((student, exercise_id, path, pics))
    results = {student: [] for student in folders}

    def run(task):
        student, exercise_id, path, pics = task
        result = _grade_task(exercise_id, path, timeout, pics, options)
        if progress is not None:
            progress(student, result)
        return student, result

    if jobs is None:
        jobs = os.cpu_count() or 1
    if jobs <= 1 or len(tasks) <= 1:
        done = [run(t) for t in tasks]
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            done = list(pool.map(run, tasks))
    for student, result in done:
        results[student].append(result)
    return results


def _students(folder, only):
    if find_files(folder, only):
        return None
    subs = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)) and not d.startswith("."))
    subs = [d for d in subs if find_files(os.path.join(folder, d), only)]
    return subs or None


def grade_folder(folder, only=None, timeout=10.0, json_path=None, gradescope=None, csv_path=None,
                 out=None, progress=None, pictures=None, jobs=None, **options):
    """Grade one student's folder, or a class folder (one sub-folder per student).

    Returns ``{student: [ExerciseResult]}`` (the student of a single folder is its name).
    A class writes ``out/<student>.json`` for each student and ``out/grades.csv`` (``out``
    defaults to ``folder/grades``); a single folder writes ``json_path`` / ``gradescope`` when
    given.  ``jobs`` exercises are graded at a time (default: the cores); ``options`` go to
    :func:`~._grade.grade_file`.
    """
    if not os.path.isdir(folder):
        raise FileNotFoundError(f"exercises grade: {folder!r} is not a folder")
    students = _students(folder, only)
    if students is None:
        name = os.path.basename(os.path.abspath(folder))
        results = _grade_all({name: folder}, only, timeout, progress, pictures, jobs, options)[name]
        if json_path:
            _write(json_path, json.dumps(student_json(results), indent=1) + "\n")
        if gradescope:
            _write(gradescope, json.dumps(gradescope_results(results), indent=1) + "\n")
        if csv_path:
            _write_csv(csv_path, {name: results})
        return {name: results}
    out = out or os.path.join(folder, "grades")
    everyone = _grade_all({s: os.path.join(folder, s) for s in students}, only, timeout, progress, pictures, jobs,
                          options)
    for student, results in everyone.items():
        _write(os.path.join(out, f"{student}.json"), json.dumps(student_json(results), indent=1) + "\n")
    _write_csv(csv_path or os.path.join(out, "grades.csv"), everyone)
    if json_path:
        _write(json_path, json.dumps({s: student_json(r) for s, r in everyone.items()}, indent=1) + "\n")
    return everyone


def _write_csv(path, everyone):
    """One row per student: the total, then each exercise's score (and the steps' statuses)."""
    ids = [e.id for e in catalogue() if any(r.id == e.id for rs in everyone.values() for r in rs)]
    header = ["student", "score", "max_score"]
    for i in ids:
        header += [f"{i} score", f"{i} max", f"{i} statuses", f"{i} mistakes"]
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for student, results in everyone.items():
        by_id = {r.id: r for r in results}
        row = [student, round(sum(r.score for r in results), 4), sum(r.max_score for r in results)]
        for i in ids:
            r = by_id.get(i)
            if r is None:
                row += ["", get(i).points, "missing", ""]
            else:
                row += [round(r.score, 4), r.max_score, ";".join(s.status for s in r.steps),
                        ";".join(s.mistake for s in r.steps if s.mistake)]
        w.writerow(row)
    _write(path, buf.getvalue())


_RELEASE_README = """# Exercises: {title}

Implement the algorithms of the course yourself and let scratch grade them against the reference
libraries (scikit-image / SciPy), with feedback that shows the first failing case, the code that
rebuilds it and — when your output is a typical mistake's — names the mistake.

Each `ID.py` here is one exercise: its steps are functions whose bodies raise
`NotImplementedError`; replace them, in order.  `ID_notebook.py` (percent format) and `ID.ipynb`
are the same exercise as a notebook, with a check cell after each step.

| exercise | chapter | steps | points |
|---|---|---|---|
{rows}

## Commands

    pip install "scratch[exercises]"                  # scratch, pytest and the references
    python -m scratch exercises list                  # the catalogue
    python -m scratch exercises start ID --into .     # a fresh copy of an exercise
    python -m scratch exercises grade .               # grade every exercise file here
    python -m pytest test_public.py                   # the same, as a pytest run (one test per step)

In a notebook: `scratch.exercises.check("threshold_otsu", threshold_otsu)`.

## Rules

Use NumPy, math and, if you like, `numba.njit`.  A file that imports skimage, scipy, cv2 or scratch
(directly or through importlib) scores 0 for that exercise.  Each exercise runs in its own process
with a time limit per case: an endless loop is reported as "timeout" and the others are still graded.
"""

_PUBLIC_TESTS = '''"""Public tests of the exercises in this folder: one test per step, graded by scratch.

Run: python -m pytest test_public.py
"""

import os

import pytest

from scratch.exercises import get
from scratch.exercises._output import find_files, grade_folder

HERE = os.path.dirname(os.path.abspath(__file__))
IDS = {ids!r}
STEPS = [(i, s.function) for i in IDS for s in get(i).steps]
_GRADES = {{}}


def _grades():
    if not _GRADES:
        for results in grade_folder(HERE, only=list(find_files(HERE, IDS))).values():
            for r in results:
                _GRADES[r.id] = {{s.function: s for s in r.steps}}
    return _GRADES


@pytest.mark.parametrize("exercise, step", STEPS, ids=[f"{{i}}-{{s}}" for i, s in STEPS])
def test_step(exercise, step):
    grades = _grades()
    if exercise not in grades:
        pytest.skip(f"no file for exercise {{exercise}} here")
    result = grades[exercise][step]
    assert result.status == "passed", f"{{result.status}}: {{result.feedback}}"
'''


def build_release(out, only=None):
    """A release folder for students: the stubs (and notebook twins), a README, the public tests."""
    exercises = catalogue() if only is None else [get(i) for i in only]
    ids = [e.id for e in exercises]
    written = write_start(ids, out, notebook=True, overwrite=True)
    rows = "\n".join(f"| `{e.id}` — {e.title} | {e.chapter} | {len(e.steps)} | {e.points:g} |" for e in exercises)
    title = "scratch coursework" if only is None else ", ".join(ids)
    written.append(_write(os.path.join(out, "README.md"), _RELEASE_README.format(title=title, rows=rows)))
    written.append(_write(os.path.join(out, "test_public.py"), _PUBLIC_TESTS.format(ids=ids)))
    return written
