"""Exercises, their steps and their named mistakes, as plain data — and the variants.

An :class:`Exercise` ends with a public function (its ``id``: ``threshold_otsu``) and is built
from smaller :class:`Step` functions, each graded on its own.  A step does not hold a solution:
it *names* the library kernel that is the solution (``kernel="scratch.filters._thresholds:
_otsu_variance"``).  The student's stub is generated from that kernel's source (its signature
and docstring; see :mod:`._stubs`), and the expected values come from the kernel for an inner
step and from the reference library (through a ``scratch.verify`` spec) for the public step.
So there is one copy of each solution: the library's.

A :class:`Mistake` is a typical error kept as a *mutation* of that one copy: a few exact text
replacements in one kernel's source (``("bin_centers", "bin_edges")``).  :func:`variant`
compiles the mutated kernel as plain Python, rebuilds every step of the exercise on top of it
(so a wrong histogram flows into the threshold), and returns the variant's step functions.
When a student's output equals a variant's, the grader names the mistake.
"""

import inspect
import sys
import textwrap
import threading
import types
from dataclasses import dataclass, field, replace
from typing import Callable, Optional

__all__ = ["Exercise", "Step", "Mistake", "GRADED_LAYERS", "register", "catalogue", "get",
           "kernel_source", "variant"]

#: The verify layers that grade a step.  "bad input" is left out: an exercise is about the
#: method, not about reproducing every message of the reference's validation.
GRADED_LAYERS = ("smoke", "shapes", "dtypes", "values", "edge cases", "unmodified")


@dataclass
class Step:
    """One function of an exercise, graded on its own.

    Attributes
    ----------
    function : str
        Its name in the student's file (``"otsu_variance"``; the last step: the public name).
    title : str
        What it computes, in a few words (``"between-class variance"``).
    kernel : str
        ``"module:function"`` of the library function that is the solution.
    points : float
        Its share of the exercise's points.
    verify : str, optional
        A ``scratch.verify`` name whose quick cases (the :data:`GRADED_LAYERS`) grade this step
        against the reference library — always so for the last step.
    cases : callable, optional
        ``cases(seed) -> list of scratch.verify.Case`` for an inner step; the expected values
        come from ``kernel``.
    compare : callable, optional
        A ``scratch.verify._compare`` comparator (default: the verify spec's, else ``close``).
    params : tuple of str, optional
        Keep only these parameters in the stub's signature (cases that pass others are skipped).
    select : callable, optional
        ``select(case) -> bool``: which of the verify cases grade this step.
    """

    function: str
    title: str
    kernel: str
    points: float = 1.0
    verify: Optional[str] = None
    cases: Optional[Callable] = None
    compare: Optional[Callable] = None
    params: Optional[tuple] = None
    select: Optional[Callable] = None
    layers: tuple = GRADED_LAYERS

    def solution(self):
        """The library function this step's stub is made from."""
        from scratch.verify._core import import_path

        return import_path(self.kernel)

    def spec(self, exercise_id):
        """The ``scratch.verify`` spec that grades this step."""
        from scratch.verify import _compare
        from scratch.verify._core import Spec, resolve

        layers, select, params = self.layers, self.select, self.params

        def keep(case):
            # documented quirks of the reference (scratch.verify._known) are not course material
            if case.layer not in layers or case.known or not _native(case):
                return False
            if params is not None and (not set(case.kwargs) <= set(params) or len(case.args) > len(params)):
                return False
            return select is None or select(case)

        if self.verify is not None:
            base = resolve(self.verify)
            build = base.build
            return replace(base, build=lambda level, seed: [c for c in build(level, seed) if keep(c)],
                           compare=self.compare or base.compare, draw=None)
        if self.cases is None:
            raise ValueError(f"exercise {exercise_id}: step {self.function!r} has neither verify= nor cases=")
        cases = self.cases
        return Spec(name=f"{exercise_id}.{self.function}", reference=self.kernel, scratch=self.kernel,
                    compare=self.compare or _compare.close(),
                    build=lambda level, seed: [c for c in cases(seed) if keep(c)], chapter="exercises")


def _native(case):
    """Cases of non-native byte order are left to ``verify``: a student's njit code may not take them."""
    from scratch.verify._inputs import Input

    def ok(v):
        if isinstance(v, Input):
            return v.params.get("byteorder", "=") in ("=", "|", "<" if sys.byteorder == "little" else ">")
        if isinstance(v, (tuple, list)):
            return all(ok(x) for x in v)
        if isinstance(v, dict):
            return all(ok(x) for x in v.values())
        return True

    return ok(case.args) and ok(case.kwargs)


@dataclass
class Mistake:
    """A typical error, kept as a mutation of one kernel of the solution.

    Attributes
    ----------
    name : str
        A short key (``"bin edges"``).
    message : str
        What the student is told: ``"your output is what ... gives"``.
    kernel : str
        ``"module:function"`` whose source is mutated.
    replace : tuple of (old, new)
        Exact text replacements; each ``old`` must occur exactly once in that source.
    """

    name: str
    message: str
    kernel: str
    replace: tuple = ()


@dataclass
class Exercise:
    """An implementation exercise: chapter, title, points, steps (the last is the public function).

    ``chain`` lists, innermost first, further library functions between the steps that must be
    rebuilt on top of a mutated kernel for a mistake to flow through (a kernel the public step
    calls through a helper).  ``intro`` is the text at the top of the student's file.
    """

    id: str
    chapter: str
    title: str
    steps: list
    mistakes: list = field(default_factory=list)
    intro: str = ""
    chain: tuple = ()
    core: bool = False

    @property
    def points(self):
        return float(sum(s.points for s in self.steps))

    def step(self, name):
        for i, s in enumerate(self.steps):
            if s.function == name or str(i + 1) == str(name):
                return s
        raise KeyError(f"exercise {self.id} has no step {name!r} "
                       f"(its steps: {', '.join(s.function for s in self.steps)})")

    def number(self, step):
        return self.steps.index(step) + 1


_CATALOGUE = {}
_LOADED = [False]
_MODULES = ("_ex_images", "_ex_filters", "_ex_thresholds", "_ex_morphology", "_ex_segmentation",
            "_ex_features", "_ex_tracking")


def register(exercise):
    if exercise.id in _CATALOGUE:
        raise ValueError(f"exercises: {exercise.id!r} is registered twice")
    if not exercise.steps or exercise.steps[-1].function != exercise.id:
        raise ValueError(f"exercises: the last step of {exercise.id!r} must be the public function")
    _CATALOGUE[exercise.id] = exercise
    return exercise


_LOCK = threading.RLock()


def _load():
    """Import the catalogue modules once (under a lock: ``grade --jobs`` asks from threads)."""
    if _LOADED[0]:
        return
    with _LOCK:
        if not _LOADED[0]:
            import importlib

            for name in _MODULES:
                importlib.import_module(f"{__package__}.{name}")
            _LOADED[0] = True


def catalogue():
    """Every exercise, in course order."""
    _load()
    return list(_CATALOGUE.values())


def get(exercise_id):
    """The :class:`Exercise` with this id (``"threshold_otsu"``)."""
    _load()
    if isinstance(exercise_id, Exercise):
        return exercise_id
    try:
        return _CATALOGUE[exercise_id]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(str(exercise_id), list(_CATALOGUE), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `python -m scratch exercises list`"
        raise KeyError(f"exercises: unknown exercise {exercise_id!r}{hint}") from None


# --- source and variants -----------------------------------------------------------------------


def _plain(obj):
    """The Python function behind a Numba dispatcher (or the function itself)."""
    return getattr(obj, "py_func", obj)


def kernel_source(obj):
    """The dedented source of a kernel without its decorators."""
    source = textwrap.dedent(inspect.getsource(_plain(obj)))
    lines = source.splitlines(keepends=True)
    while lines and not lines[0].lstrip().startswith(("def ", "async def ")):
        lines.pop(0)  # decorators (possibly spanning several lines)
    return "".join(lines)


def _rebuild(function, overrides):
    """``function`` re-created with globals in which overridden functions are replaced."""
    f = _plain(function)
    module = sys.modules[f.__module__]
    namespace = dict(module.__dict__)
    for key, value in module.__dict__.items():
        new = overrides.get(id(value))
        if new is not None:
            namespace[key] = new
    g = types.FunctionType(f.__code__, namespace, f.__name__, f.__defaults__, f.__closure__)
    g.__kwdefaults__ = f.__kwdefaults__
    g.__doc__ = f.__doc__
    g.__qualname__ = f.__qualname__
    g.__module__ = f.__module__
    return g


def mutate(mistake):
    """The mutated kernel of a mistake, compiled as plain Python in a copy of its module."""
    from scratch.verify._core import import_path

    original = import_path(mistake.kernel)
    f = _plain(original)
    source = kernel_source(original)
    for old, new in mistake.replace:
        n = source.count(old)
        if n != 1:
            raise ValueError(f"mistake {mistake.name!r}: {old!r} occurs {n} times in {mistake.kernel} "
                             "(it must occur exactly once)")
        source = source.replace(old, new)
    namespace = dict(sys.modules[f.__module__].__dict__)
    exec(compile(source, f"<mistake {mistake.name!r} of {mistake.kernel}>", "exec"), namespace)
    mutated = namespace[f.__name__]
    mutated.__module__ = f.__module__
    return original, mutated


def variant(exercise, mistake):
    """``{step function name: callable}``: the exercise's steps with ``mistake`` made."""
    from scratch.verify._core import import_path

    original, mutated = mutate(mistake)
    overrides = {id(original): mutated, id(_plain(original)): mutated}
    for path in (*exercise.chain, *(s.kernel for s in exercise.steps)):
        obj = import_path(path)
        if id(obj) in overrides:
            continue
        new = _rebuild(obj, overrides)
        overrides[id(obj)] = new
        overrides[id(_plain(obj))] = new
    return {s.function: overrides[id(import_path(s.kernel))] for s in exercise.steps}


def solution(exercise):
    """``{step function name: callable}``: the library's own solution."""
    return {s.function: s.solution() for s in exercise.steps}
