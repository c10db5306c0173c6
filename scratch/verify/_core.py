"""Cases, function specs and the registry of functions verify knows.

A :class:`Spec` says, for one public function with a reference (``threshold_otsu`` ↔
``skimage.filters.threshold_otsu``), how to build its cases at each level and how to compare
an output with the reference's.  A :class:`Case` is one call: a layer, a label, the arguments
(arrays as :class:`~scratch.verify._inputs.Input` recipes, so a case rebuilds from its seed)
and, optionally, its own comparator, the border radius of the operation (to say whether
mismatches sit in the border band) and the key of a documented difference of the reference.

The case tables live in the ``_table_*`` modules, one per course chapter; they are imported on
first use by :func:`resolve` and :func:`names`.
"""

import importlib
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

__all__ = ["Case", "Spec", "LAYERS", "register", "resolve", "names", "specs", "import_path"]

#: The layers, in the order a report lists them.
LAYERS = ("signature", "smoke", "shapes", "dtypes", "values", "edge cases", "bad input", "unmodified")

_TABLES = ("_table_ndimage", "_table_filters", "_table_thresholds", "_table_exposure",
           "_table_morphology", "_table_measure", "_table_segmentation", "_table_spatial")


@dataclass
class Case:
    layer: str
    label: str
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    compare: Optional[Callable] = None   # default: the spec's comparator
    radius: int = 0                      # border band width (kernel / footprint radius)
    known: Optional[str] = None          # key of a documented difference (scratch.verify._known)
    writable: tuple = ()                 # keyword arguments that are outputs (out=, output=)
    index: int = -1                      # set by Spec.cases

    def key(self):
        from ._inputs import key

        return (self.layer, key(self.args), key(self.kwargs))


@dataclass
class Spec:
    """How one function is verified.

    Attributes
    ----------
    name : str
        The public name (``"threshold_otsu"``, ``"KDTree.query"``).
    reference, scratch : str
        Dotted paths of the reference function and of scratch's.
    compare : callable
        The default comparator (see :mod:`scratch.verify._compare`).
    build : callable
        ``build(level, seed) -> list of Case`` (``level`` is ``"quick"`` or ``"full"``).
    draw : callable, optional
        ``draw(data, seed) -> Case`` for the Hypothesis part of the ``full`` level
        (``data`` is Hypothesis's ``st.data()`` object).
    call : callable, optional
        ``call(function, args, kwargs)``: how to call a candidate (default ``f(*args, **kw)``),
        e.g. ``KDTree.query`` builds the tree first.  ``call_code(fname, args, kwargs)`` is the
        same as source text for the snippets.
    signature_of : callable, optional
        Maps a candidate (or the reference) to the callable whose signature is checked.
    chapter : str
        The course chapter, for listings.
    """

    name: str
    reference: str
    scratch: str
    compare: Callable
    build: Callable
    draw: Optional[Callable] = None
    call: Optional[Callable] = None
    call_code: Optional[Callable] = None
    signature_of: Optional[Callable] = None
    chapter: str = ""
    aliases: tuple = ()

    def cases(self, level="quick", seed=0):
        cases = list(self.build(level, seed))
        for i, c in enumerate(cases):
            c.index = i
        return cases

    def invoke(self, function, args, kwargs):
        if self.call is not None:
            return self.call(function, args, kwargs)
        return function(*args, **kwargs)

    def reference_function(self):
        return import_path(self.reference)

    def scratch_function(self):
        return import_path(self.scratch)


_REGISTRY = {}
_ALIASES = {}
_LOADED = [False]


def register(spec):
    """Add a spec to the registry (its name, its reference path and its aliases)."""
    if spec.name in _REGISTRY:
        raise ValueError(f"verify: {spec.name!r} is registered twice")
    _REGISTRY[spec.name] = spec
    for alias in (spec.reference, spec.scratch, *spec.aliases):
        _ALIASES[alias] = spec.name
    return spec


_LOCK = threading.RLock()


def _load_tables():
    # under a lock, and marked loaded only once every table is in: a thread that asks while
    # another one is importing the tables waits instead of seeing half a registry
    if _LOADED[0]:
        return
    with _LOCK:
        if not _LOADED[0]:
            for module in _TABLES:
                importlib.import_module(f"{__package__}.{module}")
            _LOADED[0] = True


def specs():
    """Every registered :class:`Spec`, in catalogue order."""
    _load_tables()
    return list(_REGISTRY.values())


def names():
    """The names ``verify`` accepts (``"threshold_otsu"``, ``"KDTree.query"``, ...)."""
    return [s.name for s in specs()]


def import_path(path):
    """Import ``"package.module.attr"`` (or ``"package.module:attr.sub"``) and return it."""
    if ":" in path:
        module, _, attr = path.partition(":")
        obj = importlib.import_module(module)
        for part in attr.split("."):
            obj = getattr(obj, part)
        return obj
    parts = path.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for part in parts[cut:]:
                obj = getattr(obj, part)
        except AttributeError:
            continue
        return obj
    raise ImportError(f"cannot import {path!r}")


def resolve(name):
    """The :class:`Spec` for a name, a dotted path, or the reference/scratch function itself.

    Raises
    ------
    KeyError
        When the name is unknown; the message lists the closest known names.
    """
    _load_tables()
    if isinstance(name, Spec):
        return name
    if callable(name) and not isinstance(name, str):
        for spec in _REGISTRY.values():
            for path in (spec.reference, spec.scratch):
                try:
                    if import_path(path) is name:
                        return spec
                except ImportError:
                    continue
        qual = f"{getattr(name, '__module__', '')}.{getattr(name, '__qualname__', '')}"
        raise KeyError(f"verify: {qual} is not a function verify knows "
                       "(pass its name, e.g. as='threshold_otsu'; see scratch.verify.names())")
    text = str(name)
    if text in _REGISTRY:
        return _REGISTRY[text]
    if text in _ALIASES:
        return _REGISTRY[_ALIASES[text]]
    # "skimage.filters.threshold_otsu" and "filters.threshold_otsu" also work via the last part,
    # provided it names one function only.
    tail = text.rsplit(".", 1)[-1] if text.count(".") and not text.endswith(".query") else text
    if tail in _REGISTRY and text.split(".")[0] in ("skimage", "scipy", "scratch"):
        return _REGISTRY[tail]
    import difflib

    close = difflib.get_close_matches(text, list(_REGISTRY), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see `python -m scratch verify --list`"
    raise KeyError(f"verify: unknown function {text!r}{hint}")
