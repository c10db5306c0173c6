"""pytest plugin: run a reference's own test file with scratch swapped in for the reference.

Loaded by ``run_upstream.py`` with ``-p _swap`` (never by the normal suite).  Before any test
module is imported it replaces, for every public name scratch has a counterpart of, the
reference's attribute by scratch's object:

* in the reference's public namespace (``skimage.filters.threshold_otsu``,
  ``scipy.ndimage.correlate``, ``skimage.img_as_float``), and
* in the module that defines it (``skimage.filters.thresholding.threshold_otsu``,
  ``skimage.morphology.gray.erosion``), because the upstream tests also import from there.

Which families are swapped is chosen by the ``SCRATCH_SWAP`` environment variable:
``skimage`` (the scikit-image test files) or ``scipy`` (SciPy's own installed tests).  Only the
named reference is swapped, so the other one keeps serving as the tests' independent oracle
(scikit-image's tests compare with ``scipy.ndimage``; SciPy's never call scikit-image).

Scope.  A test is *in scope* when it calls at least one swapped scratch function or class
(setup and call phases together), as a profile hook sees.  Tests that
call no scratch object test functions scratch does not implement and are reported as out of
scope; they are not counted in the pass rate.  The per-test outcomes are written as JSON lines
to the file named by ``SCRATCH_SWAP_REPORT``.
"""

import importlib
import inspect
import json
import os
import sys

import pytest

# scratch package -> the reference namespaces it stands for
FAMILIES = {
    "skimage": {
        "scratch.filters": ["skimage.filters"],
        "scratch.exposure": ["skimage.exposure"],
        "scratch.util": ["skimage.util", "skimage"],
        "scratch.morphology": ["skimage.morphology"],
        "scratch.measure": ["skimage.measure"],
        "scratch.segmentation": ["skimage.segmentation"],
        "scratch.feature": ["skimage.feature"],
    },
    "scipy": {
        "scratch.ndimage": ["scipy.ndimage"],
        "scratch.signal": ["scipy.signal"],
        "scratch.optimize": ["scipy.optimize"],
        "scratch.spatial": ["scipy.spatial"],
    },
}
# scratch names that exist in the reference only under a private module
EXTRA_TARGETS = {"RegionProperties": "skimage.measure._regionprops"}

SWAPPED = {}  # "reference.module.name" -> scratch object
_ORIGINAL_CLASS = {}  # scratch class -> the reference class it replaced
_codes = set()  # code objects of the swapped scratch functions (and classes' __init__)
_called = [False]  # did the current test call one of them?


def _code_objects(obj):
    """The code objects whose call means "scratch was called": a function's own (and that of
    the function it wraps), a class's ``__init__``."""
    if inspect.isclass(obj):
        obj = obj.__init__
    codes = set()
    while obj is not None:
        code = getattr(obj, "__code__", None)
        if code is not None:
            codes.add(code)
        obj = getattr(obj, "__wrapped__", None)
    return codes


def _profile(frame, event, arg):
    # The swapped objects are the scratch objects themselves (a wrapper would add a frame and
    # shift every warning's stacklevel, which the upstream tests check): a call is seen by this
    # profile hook instead, switched off for the rest of the test once it has seen one.
    if event == "call" and frame.f_code in _codes:
        _called[0] = True
        sys.setprofile(None)


def install(family):
    for ours_name, ref_names in FAMILIES[family].items():
        ours = importlib.import_module(ours_name)
        for name in ours.__all__:
            obj = getattr(ours, name)
            targets = []
            for ref_name in ref_names:
                ref_mod = importlib.import_module(ref_name)
                try:
                    ref_obj = getattr(ref_mod, name)
                except AttributeError:
                    continue
                targets.append((ref_mod, ref_obj))
                defining = getattr(ref_obj, "__module__", None)
                if defining:
                    def_mod = importlib.import_module(defining)
                    if getattr(def_mod, name, None) is ref_obj:
                        targets.append((def_mod, ref_obj))
            if name in EXTRA_TARGETS and family == "skimage":
                mod = importlib.import_module(EXTRA_TARGETS[name])
                targets.append((mod, getattr(mod, name)))
            if not targets:
                continue  # no counterpart: a scratch-only name (ThresholdInsides, ...)
            _codes.update(_code_objects(obj))
            if family == "scipy":  # SciPy's tests look up each function's array-API capabilities
                from scipy._lib._array_api import xp_capabilities_table

                for _, ref_obj in targets:
                    if ref_obj in xp_capabilities_table:
                        xp_capabilities_table[obj] = xp_capabilities_table[ref_obj]
            if inspect.isclass(obj):
                _ORIGINAL_CLASS[obj] = targets[0][1]
            for mod, _ in targets:
                setattr(mod, name, obj)
                SWAPPED[f"{mod.__name__}.{name}"] = obj


# files of which only some tests concern scratch: keep those whose id contains the word
ONLY = {"test_signaltools.py": "fftconvolve"}


def pytest_collection_modifyitems(config, items):
    keep, drop = [], []
    for item in items:
        word = ONLY.get(item.nodeid.split("::")[0].split("/")[-1])
        (drop if word and word not in item.nodeid.lower() else keep).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


_family = os.environ.get("SCRATCH_SWAP")
if _family:
    install(_family)
_report = os.environ.get("SCRATCH_SWAP_REPORT")
_outcomes = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _called[0] = False
    sys.setprofile(_profile)
    try:
        return (yield)
    finally:
        sys.setprofile(None)


def _unimplemented(excinfo):
    """Did the test stop at a part of the reference's API that scratch does not offer?  An
    AttributeError for an attribute the reference's class has and scratch's lacks, or scratch's
    own NotImplementedError (raised from a scratch module) naming an option it refuses."""
    if excinfo is None:
        return False
    err = excinfo.value
    if isinstance(err, AttributeError) and getattr(err, "obj", None) is not None:
        reference_class = _ORIGINAL_CLASS.get(type(err.obj))
        return reference_class is not None and hasattr(reference_class, err.name)
    if isinstance(err, NotImplementedError):
        tb = excinfo.tb
        while tb.tb_next is not None:
            tb = tb.tb_next
        return tb.tb_frame.f_globals.get("__name__", "").startswith("scratch.")
    return False




@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and _unimplemented(call.excinfo):
        report.scratch_unimplemented = True
    return report


def pytest_runtest_logreport(report):
    entry = _outcomes.setdefault(report.nodeid, {"outcome": "passed", "calls": 0})
    if report.when == "call" or report.failed or report.skipped:
        if report.failed and getattr(report, "scratch_unimplemented", False):
            entry["outcome"] = "unimplemented"
        elif report.failed:
            entry["outcome"] = "failed"
        elif report.skipped:
            entry["outcome"] = "xfailed" if hasattr(report, "wasxfail") else "skipped"
        elif hasattr(report, "wasxfail"):
            entry["outcome"] = "xpassed"
    entry["calls"] = max(entry["calls"], int(_called[0]))
    if report.failed and report.longrepr is not None:
        crash = getattr(report.longrepr, "reprcrash", None)
        text = crash.message if crash is not None else str(report.longrepr)
        entry["message"] = " ".join(text.split())[:300]


def pytest_sessionfinish(session):
    if _report:
        with open(_report, "w") as f:
            for nodeid, entry in _outcomes.items():
                f.write(json.dumps({"nodeid": nodeid, **entry}) + "\n")
