"""scratch.exercises: the catalogue, the generated stubs, the grader and its outputs.

For every exercise the suite proves that the untouched stubs score 0 as "not implemented" in the
sandbox, that the library's own solution scores full marks, that every named mistake (a mutated
variant of the one solution) is caught and named, that a banned import scores 0, and that an
endless loop is stopped by the timeout while the other steps are still graded.  A student's
plain-Python + njit solution of Otsu is graded in the sandbox and scores full marks.
"""

import inspect
import json
import os
import subprocess
import sys

import numpy as np
import pytest

import scratch.exercises as E
from scratch.exercises._stubs import code_of_notebook
from scratch.verify._core import import_path, resolve

HERE = os.path.dirname(os.path.abspath(__file__))
OTSU_SOLUTION = os.path.join(HERE, "exercise_solutions", "threshold_otsu.py")
EXERCISES = [e.id for e in E.catalogue()]
MISTAKES = [(e.id, m.name) for e in E.catalogue() for m in e.mistakes]
CORE = ("correlate", "threshold_isodata", "threshold_otsu", "threshold_triangle", "binary_erosion", "label",
        "watershed", "linear_sum_assignment")
CHAPTERS = ("01 pixel operations", "02 filtering", "03 masks and thresholds", "04 morphology",
            "05 segmentation", "06 feature extraction", "07 tracking")


# --- the catalogue ----------------------------------------------------------------------------


def test_catalogue_spans_the_course():
    exercises = E.catalogue()
    assert len(exercises) >= 16
    assert set(CHAPTERS) <= {e.chapter for e in exercises}
    ids = {e.id for e in exercises}
    assert set(CORE) <= ids
    for e in exercises:
        assert e.title and e.points > 0 and len(e.steps) >= 2, e.id
        if e.id in CORE:
            assert len(e.mistakes) >= 3, e.id
        assert len({s.function for s in e.steps}) == len(e.steps), e.id


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_last_step_is_the_public_function_with_the_references_signature(exercise_id):
    exercise = E.get(exercise_id)
    last = exercise.steps[-1]
    assert last.function == exercise_id
    assert last.verify is not None, "the public step is graded against the reference"
    spec = resolve(last.verify)
    try:
        reference = inspect.signature(import_path(spec.reference))
    except ValueError:  # a builtin without a signature (SciPy's linear_sum_assignment): scratch's
        reference = inspect.signature(import_path(spec.scratch))
    from scratch.exercises._grade import _stub_function

    stub = inspect.signature(_stub_function(exercise, last))
    kept = [p for p in reference.parameters.values() if last.params is None or p.name in last.params]
    assert [p.name for p in stub.parameters.values()] == [p.name for p in kept]


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_stub_keeps_docstrings_and_hides_the_solution(exercise_id):
    exercise = E.get(exercise_id)
    text = E.module_text(exercise_id)
    compile(text, exercise_id, "exec")
    namespace = {}
    exec(text, namespace)
    for n, step in enumerate(exercise.steps, 1):
        f = namespace[step.function]
        assert f.__doc__ and len(f.__doc__) > 20, step.function
        with pytest.raises(NotImplementedError, match=f"exercise {exercise_id}, step {n}: "):
            f(*([None] * len([p for p in inspect.signature(f).parameters.values()
                              if p.default is p.empty and p.kind is not p.KEYWORD_ONLY])))
        solution_body = inspect.getsource(getattr(step.solution(), "py_func", step.solution()))
        last_line = [ln for ln in solution_body.strip().splitlines() if ln.strip()][-1].strip()
        if last_line.startswith("return ") and len(last_line) > 12:
            assert last_line not in text, f"{step.function}: the stub leaks the solution's {last_line!r}"
    assert not E.banned_imports(text)


# --- the three proofs per exercise ---------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_untouched_stubs_score_zero_as_not_implemented(exercise_id, tmp_path):
    (path,) = [p for p in E.start([exercise_id], tmp_path, notebook=False)]
    result = E.grade_file(exercise_id, path)
    assert [s.status for s in result.steps] == ["not implemented"] * len(result.steps), \
        [(s.function, s.status, s.feedback) for s in result.steps]
    assert result.score == 0.0 and result.max_score == E.get(exercise_id).points


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_the_library_solution_scores_full_marks(exercise_id):
    result = E.grade_functions(exercise_id)
    assert [s.status for s in result.steps] == ["passed"] * len(result.steps), \
        [(s.function, s.status, s.feedback) for s in result.steps if s.status != "passed"]
    assert result.score == pytest.approx(result.max_score)
    assert all(s.passed > 0 and s.failed == 0 for s in result.steps)


@pytest.mark.parametrize("exercise_id, mistake", MISTAKES, ids=[f"{i}-{m}" for i, m in MISTAKES])
def test_each_named_mistake_is_caught_and_named(exercise_id, mistake):
    exercise = E.get(exercise_id)
    m = next(x for x in exercise.mistakes if x.name == mistake)
    result = E.grade_functions(exercise_id, E.variant(exercise, m))
    failed = [s for s in result.steps if s.status != "passed"]
    assert failed, f"the variant {mistake!r} passes every step: the cases cannot tell it from the solution"
    assert result.score < result.max_score
    named = [s for s in failed if s.mistake == mistake]
    assert named, [(s.function, s.status, s.mistake) for s in failed]
    # the step whose kernel the mistake mutates, when it is a step, names it
    mutated = [s for s in result.steps if s.step.kernel == m.kernel]
    for s in mutated:
        assert s.status == "failed" and s.mistake == mistake, (s.function, s.status, s.mistake)
        assert m.message in s.feedback
    assert result.steps[-1].mistake == mistake


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_a_banned_import_scores_zero(exercise_id, tmp_path):
    text = E.module_text(exercise_id)
    path = tmp_path / f"{exercise_id}.py"
    path.write_text(text.replace("import numpy as np", "import numpy as np\nfrom skimage import filters", 1))
    result = E.grade_file(exercise_id, str(path))
    assert {s.status for s in result.steps} == {"banned import"} and result.score == 0.0


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_an_endless_loop_times_out_and_the_rest_is_graded(exercise_id, tmp_path):
    exercise = E.get(exercise_id)
    text = E.module_text(exercise_id)
    first = f"raise NotImplementedError({f'exercise {exercise_id}, step 1: {exercise.steps[0].title}'!r})"
    assert first in text
    path = tmp_path / f"{exercise_id}.py"
    path.write_text(text.replace(first, "while True:\n        pass", 1))
    result = E.grade_file(exercise_id, str(path), timeout=1.0)
    assert result.steps[0].status == "timeout" and result.steps[0].score == 0.0
    assert [s.status for s in result.steps[1:]] == ["not implemented"] * (len(exercise.steps) - 1)


# --- integrity, in depth on one exercise ------------------------------------------------------------


BANNED_FORMS = {
    "import": "import scipy.ndimage",
    "from import": "from scratch.filters import threshold_otsu as solution",
    "importlib": "import importlib\nsolution = importlib.import_module('scratch.filters')",
    "__import__": "solution = __import__('skimage.filters')",
    "dynamic name": "import importlib\nsolution = importlib.import_module('scr' + 'atch')",
    "in a function": "def _sneaky():\n    import importlib\n    return importlib.import_module('sk' + 'image')\n_sneaky()",
    "a lazy attribute": "import sys\n_nd = sys.modules['scipy'].ndimage",
    "exec": "exec('import cv' + '2')",
}


@pytest.mark.parametrize("form", list(BANNED_FORMS))
def test_banned_imports_in_every_form(form, tmp_path):
    path = tmp_path / "threshold_otsu.py"
    path.write_text(open(OTSU_SOLUTION).read().replace("from numba import njit",
                                                       "from numba import njit\n" + BANNED_FORMS[form]))
    result = E.grade_file("threshold_otsu", str(path))
    assert {s.status for s in result.steps} == {"banned import"}, [(s.status, s.feedback) for s in result.steps]
    assert result.score == 0.0
    assert "banned import" in result.steps[0].feedback


def test_the_solution_cannot_be_reached_at_run_time(tmp_path):
    """A step that reaches for scratch when it is called (not at import) is caught too."""
    path = tmp_path / "threshold_otsu.py"
    source = open(OTSU_SOLUTION).read()
    source = source.replace("def otsu_variance(counts, bin_centers):\n",
                            "def otsu_variance(counts, bin_centers):\n    import importlib\n"
                            "    m = importlib.import_module(''.join(['scr', 'atch.filters._thresholds']))\n"
                            "    return m._otsu_variance(counts, bin_centers)\n")
    path.write_text(source)
    result = E.grade_file("threshold_otsu", str(path))
    assert {s.status for s in result.steps} == {"banned import"} and result.score == 0.0, result.steps[0].feedback


def test_a_student_solution_in_plain_python_and_njit_scores_full_marks():
    result = E.grade_file("threshold_otsu", OTSU_SOLUTION)
    assert [s.status for s in result.steps] == ["passed"] * 4, [(s.function, s.feedback) for s in result.steps]
    assert result.score == result.max_score == 10.0


def test_a_segfault_is_reported_and_the_other_steps_are_graded(tmp_path):
    path = tmp_path / "threshold_otsu.py"
    source = open(OTSU_SOLUTION).read().replace(
        "def otsu_variance(counts, bin_centers):\n",
        "def otsu_variance(counts, bin_centers):\n    import ctypes\n    ctypes.string_at(0)\n")
    path.write_text(source)
    result = E.grade_file("threshold_otsu", str(path))
    status = {s.function: s.status for s in result.steps}
    assert status == {"histogram": "passed", "otsu_class_statistics": "passed", "otsu_variance": "error",
                      "threshold_otsu": "error"} or status["otsu_variance"] == "error", status
    assert "died" in result.steps[2].feedback or "signal" in result.steps[2].feedback
    assert result.steps[0].status == "passed" and result.steps[1].status == "passed"


def test_a_file_that_does_not_load_is_an_error_for_every_step(tmp_path):
    path = tmp_path / "threshold_otsu.py"
    path.write_text("import numpy as np\nraise RuntimeError('oops at import')\n")
    result = E.grade_file("threshold_otsu", str(path))
    assert {s.status for s in result.steps} == {"error"} and "oops at import" in result.steps[0].feedback
    path.write_text("def histogram(:\n")
    result = E.grade_file("threshold_otsu", str(path))
    assert {s.status for s in result.steps} == {"error"} and "compile" in result.steps[0].feedback


def test_a_student_mistake_in_the_sandbox_is_named(tmp_path):
    """The bin-edges mistake written by hand (not the variant) is named from the sandbox."""
    path = tmp_path / "threshold_otsu.py"
    source = open(OTSU_SOLUTION).read().replace(
        "    return centers[np.argmax(otsu_variance(counts, centers))]",
        "    best = np.argmax(otsu_variance(counts, centers))\n"
        "    return centers[best] - (centers[1] - centers[0]) / 2")
    path.write_text(source)
    result = E.grade_file("threshold_otsu", str(path))
    last = result.steps[-1]
    assert last.status == "failed" and last.mistake == "bin edges", (last.status, last.mistake, last.feedback)
    assert "lower edge" in last.feedback and "rebuild it" in last.feedback
    assert 0 < last.score < last.max_score  # partial credit: the constant images still pass


def test_inputs_are_not_shared_between_cases(tmp_path):
    """A student's function that writes into its input is told so, and later cases are unaffected."""
    path = tmp_path / "threshold_otsu.py"
    source = open(OTSU_SOLUTION).read().replace(
        "def otsu_variance(counts, bin_centers):\n", "def otsu_variance(counts, bin_centers):\n    counts[...] = 0\n")
    path.write_text(source)
    result = E.grade_file("threshold_otsu", str(path))
    assert result.steps[2].status == "failed" and "modifies its input" in result.steps[2].feedback


# --- check() in a notebook ---------------------------------------------------------------------------


def test_check_grades_one_function_inline():
    exercise = E.get("threshold_otsu")
    good = E.check("threshold_otsu", exercise.steps[-1].solution())
    assert good.ok and good.status == "passed" and good.score == 4.0
    wrong = E.variant(exercise, exercise.mistakes[0])
    bad = E.check("threshold_otsu", wrong["threshold_otsu"])
    assert bad.status == "failed" and bad.mistake == "bin edges"
    html = bad._repr_html_()
    assert "Named mistake" in html and "rebuild" not in str(good)
    step = E.check("otsu_variance", wrong["otsu_variance"])
    assert step.status == "passed" and step.result.function == "otsu_variance"


def test_check_shows_the_picture_for_an_image_output():
    """An image-valued step's feedback carries the reference | yours | difference picture."""
    with_images = [e for e in E.catalogue() for m in e.mistakes if e.id in ("correlate", "binary_erosion")]
    if not with_images:
        pytest.skip("no image exercise in the catalogue yet")
    exercise = with_images[0]
    wrong = E.variant(exercise, exercise.mistakes[0])[exercise.id]
    result = E.check(exercise.id, wrong)
    assert result.status == "failed"
    assert "<img src='data:image/png;base64," in result._repr_html_()


def test_check_rejects_an_unknown_exercise():
    with pytest.raises(KeyError, match="unknown exercise"):
        E.check("threshold_otsuu", lambda image: 0)


# --- files: start, notebook twins, grade outputs, the class, the release --------------------------------


def _schema_check(data):
    """The grading JSON schema of the issue, exactly (keys, types, statuses), and the JSON
    Schema file shipped with the package (for checks outside this suite)."""
    import jsonschema

    with open(os.path.join(os.path.dirname(E.__file__), "grading.schema.json")) as fh:
        jsonschema.validate(data, json.load(fh))
    assert set(data) == {"score", "max_score", "exercises"}
    assert isinstance(data["score"], float) and isinstance(data["max_score"], float)
    for ex in data["exercises"]:
        assert set(ex) == {"id", "score", "max_score", "steps"}
        assert isinstance(ex["id"], str) and isinstance(ex["score"], float) and isinstance(ex["max_score"], float)
        for s in ex["steps"]:
            assert set(s) == {"function", "status", "score", "max_score", "passed", "failed", "mistake", "feedback"}
            assert s["status"] in E.STATUSES
            assert isinstance(s["function"], str) and isinstance(s["feedback"], str)
            assert isinstance(s["score"], float) and isinstance(s["max_score"], float)
            assert isinstance(s["passed"], int) and isinstance(s["failed"], int)
            assert s["mistake"] is None or isinstance(s["mistake"], str)


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "scratch", "exercises", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=600)


def test_cli_list_start_grade(tmp_path):
    listing = _cli("list")
    assert listing.returncode == 0 and "threshold_otsu" in listing.stdout and "linear_sum_assignment" in listing.stdout
    assert _cli("start", "threshold_otsu", "label", "--into", tmp_path).returncode == 0
    for name in ("threshold_otsu.py", "threshold_otsu_notebook.py", "threshold_otsu.ipynb", "label.py"):
        assert (tmp_path / name).is_file(), name
    nb = json.loads((tmp_path / "threshold_otsu.ipynb").read_text())
    assert nb["nbformat"] == 4 and any("check(" in "".join(c["source"]) for c in nb["cells"])
    assert "# %%" in (tmp_path / "threshold_otsu_notebook.py").read_text()
    (tmp_path / "threshold_otsu.py").write_text(open(OTSU_SOLUTION).read())
    run = _cli("grade", tmp_path, "--json", tmp_path / "g.json", "--gradescope", tmp_path / "gs.json")
    assert run.returncode == 1, run.stderr  # label is still a stub
    data = json.loads((tmp_path / "g.json").read_text())
    _schema_check(data)
    by_id = {e["id"]: e for e in data["exercises"]}
    assert by_id["threshold_otsu"]["score"] == 10.0 and by_id["label"]["score"] == 0.0
    gs = json.loads((tmp_path / "gs.json").read_text())
    assert len(gs["tests"]) == len(E.get("threshold_otsu").steps) + len(E.get("label").steps)
    for t in gs["tests"]:
        assert {"name", "score", "max_score", "output", "visibility"} <= set(t)
    only = _cli("grade", tmp_path, "--only", "threshold_otsu", "--quiet")
    assert only.returncode == 0 and "4 of 4 steps passed" in only.stdout
    assert _cli("start", "no_such_exercise").returncode == 2
    assert _cli("grade", tmp_path / "missing").returncode == 2


def test_a_notebook_twin_is_graded_without_its_check_cells(tmp_path):
    E.start(["threshold_otsu"], tmp_path)
    os.unlink(tmp_path / "threshold_otsu.py")
    os.unlink(tmp_path / "threshold_otsu_notebook.py")
    code = code_of_notebook(tmp_path / "threshold_otsu.ipynb")
    assert "import scratch" not in code and "def otsu_variance" in code
    (everyone,) = E.grade(str(tmp_path)).values()
    assert [s.status for s in everyone[0].steps] == ["not implemented"] * 4


def test_a_class_of_submissions_gives_one_csv_and_one_json_per_student(tmp_path):
    for student, good in (("ada", True), ("bob", False)):
        folder = tmp_path / "class" / student
        E.start(["threshold_otsu"], folder, notebook=False)
        if good:
            (folder / "threshold_otsu.py").write_text(open(OTSU_SOLUTION).read())
    everyone = E.grade(str(tmp_path / "class"))
    assert sorted(everyone) == ["ada", "bob"]
    grades = tmp_path / "class" / "grades"
    for student, score in (("ada", 10.0), ("bob", 0.0)):
        data = json.loads((grades / f"{student}.json").read_text())
        _schema_check(data)
        assert data["score"] == score
    import csv

    rows = list(csv.DictReader(open(grades / "grades.csv")))
    assert [(r["student"], float(r["score"])) for r in rows] == [("ada", 10.0), ("bob", 0.0)]
    assert rows[1]["threshold_otsu statuses"] == ";".join(["not implemented"] * 4)


def test_build_writes_a_release_whose_public_tests_run_in_pytest(tmp_path):
    out = tmp_path / "release"
    assert _cli("build", "--out", out, "--only", "threshold_otsu").returncode == 0
    assert (out / "README.md").is_file() and (out / "threshold_otsu.py").is_file()
    assert "python -m scratch exercises grade" in (out / "README.md").read_text()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out / "test_public.py")],
                         capture_output=True, text=True, cwd=out, timeout=600)
    assert run.returncode == 1 and "4 failed" in run.stdout, run.stdout[-2000:]
    (out / "threshold_otsu.py").write_text(open(OTSU_SOLUTION).read())
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out / "test_public.py")],
                         capture_output=True, text=True, cwd=out, timeout=600)
    assert run.returncode == 0 and "4 passed" in run.stdout, run.stdout[-2000:]


def test_mutations_must_match_the_source_exactly():
    bad = E.Mistake("nothing", "x", "scratch.filters._thresholds:_otsu_variance", replace=(("no such text", "y"),))
    with pytest.raises(ValueError, match="occurs 0 times"):
        E.variant(E.get("threshold_otsu"), bad)


def test_static_scan_of_imports():
    assert E.banned_imports("import numpy as np\nimport math") == []
    assert E.banned_imports("from scipy.ndimage import label") == ["scipy.ndimage"]
    assert E.banned_imports("import importlib\nimportlib.import_module('skimage')") == ["skimage"]
    assert E.banned_imports("x = __import__('cv2')") == ["cv2"]
    assert E.banned_imports("from . import helper") == []


def test_every_exercise_is_in_its_chapters_tutorial():
    """Each chapter's "Exercises" section lists its implementation exercises, with the check call."""
    tutorial = {"01 pixel operations": "01_pixel_operations.py", "02 filtering": "02_filtering.py",
                "03 masks and thresholds": "03_masks_and_thresholds.py", "04 morphology": "03_masks_and_thresholds.py",
                "05 segmentation": "04_segmentation.py", "06 feature extraction": "05_feature_extraction.py",
                "07 tracking": "06_tracking.py"}
    root = os.path.join(os.path.dirname(HERE), "tutorials")
    for exercise in E.catalogue():
        text = open(os.path.join(root, tutorial[exercise.chapter])).read()
        section = text[text.index("# ## Exercises"):]
        assert f"**`{exercise.id}`**" in section, (exercise.id, tutorial[exercise.chapter])
        assert "scratch.exercises.check(" in section


def test_a_crash_in_one_exercise_leaves_the_others_graded(tmp_path):
    """A segfault at import in one exercise's file and an endless loop in another's: both are
    reported, and the third exercise of the folder is graded as usual."""
    E.start(["threshold_otsu", "label", "invert"], tmp_path, notebook=False)
    (tmp_path / "threshold_otsu.py").write_text("import ctypes\nctypes.string_at(0)\n")
    invert = (tmp_path / "invert.py").read_text()
    (tmp_path / "invert.py").write_text(invert.replace("import numpy as np", "import numpy as np\nwhile True:\n    pass", 1))
    (everyone,) = E.grade(str(tmp_path), timeout=2.0).values()
    by_id = {r.id: r for r in everyone}
    assert {s.status for s in by_id["threshold_otsu"].steps} == {"error"}
    assert "died" in by_id["threshold_otsu"].steps[0].feedback
    assert [s.status for s in by_id["label"].steps] == ["not implemented"] * len(by_id["label"].steps)
    assert {s.status for s in by_id["invert"].steps} == {"timeout"}
