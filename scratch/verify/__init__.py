"""Verify anyone's implementation against scikit-image / SciPy: the agreement contract as a library.

::

    import scratch.verify
    report = scratch.verify.verify(my_otsu, "threshold_otsu")    # or scratch.verify(...)
    print(report)          # counts per layer, findings grouped by cause, repro snippets
    report.ok              # True when every case passes

or from a shell: ``python -m scratch verify mine.py:otsu --as threshold_otsu``.

For every public function of scratch that has a reference (``names()`` lists them) a table of
cases in layers — signature, smoke, shapes, dtypes, values, edge cases, bad input, unmodified —
is run on the candidate and on the reference; every input is rebuilt from a recorded seed
(:func:`make_input`), outputs are compared by kind (:mod:`._compare`), and where the
reference has a documented quirk a candidate that gives the correct answer is told so.
How it works: ``_core`` (cases, specs, registry), ``_builders`` (the generic image table),
``_table_*`` (the tables, by chapter), ``_engine`` (running and judging), ``_isolate`` (child
processes), ``_report``.
"""

from ._api import LEVELS, verify
from ._compare import Verdict
from ._core import Case, Spec, names, resolve, specs
from ._inputs import Input, make_input
from ._isolate import CandidateError, load_candidate
from ._known import KNOWN
from ._report import Finding, Report

__all__ = ["verify", "names", "resolve", "specs", "make_input", "load_candidate", "Report", "Finding",
           "Case", "Spec", "Input", "Verdict", "CandidateError", "KNOWN", "LEVELS"]


class _CallableModule(type(__import__("sys"))):
    """``scratch.verify(candidate, name)`` is ``scratch.verify.verify(candidate, name)``."""

    def __call__(self, *args, **kwargs):
        return verify(*args, **kwargs)


__import__("sys").modules[__name__].__class__ = _CallableModule
