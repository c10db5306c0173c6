"""Running one catalogue entry: resolve its functions, time them, compare the results.

Shared by the tour and by ``benchmarks/run.py`` so that both time things the same way:
one first call (which compiles the Numba kernels or loads them from the disk cache, and is
reported on its own), then repeated calls whose *median* is the time.  The tour times scratch
and the reference in alternating rounds (:func:`measure_pair`), so that a busy spell of the
machine falls on both.
"""

import importlib
import os
import statistics
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Optional

import numpy as np

from .catalogue import Agreement, Entry

__all__ = ["resolve", "Timing", "measure", "measure_pair", "Result", "run_entry", "LoadMonitor"]


def resolve(path):
    """Import ``"package.module.function"`` and return the function.

    Raises ImportError (or AttributeError) when the module or the name does not exist yet.
    """
    module_name, _, attr = path.rpartition(".")
    if not module_name:
        raise ImportError(f"{path!r} is not a dotted path 'module.function'")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, attr)
    except AttributeError:
        raise AttributeError(f"module {module_name!r} has no attribute {attr!r}") from None


@dataclass
class Timing:
    """Wall-clock times of one function on one input, in seconds."""

    first: float  #: the first call (compilation or cache load included)
    median: float  #: median of the repeated calls after the first
    runs: int  #: how many repeated calls the median is over
    result: Any = None  #: what the first call returned


def measure(func, args, kwargs=None, repeat=5, budget=1.0, min_runs=3):
    """Time ``func(*args, **kwargs)``: a first call, then up to ``repeat`` more calls.

    The repeats stop early once at least ``min_runs`` calls took ``budget`` seconds in
    total, so a slow reference at 4096² does not take minutes.

    Parameters
    ----------
    func : callable
    args : tuple
    kwargs : mapping, optional
    repeat : int
        Maximum number of timed calls after the first (at least 1).
    budget : float
        Seconds after which to stop repeating (once ``min_runs`` are done).
    min_runs : int
        Calls always made (capped by ``repeat``).

    Returns
    -------
    Timing
    """
    kwargs = dict(kwargs or {})
    first, result = _first_call(func, args, kwargs)
    times = []
    repeat = max(int(repeat), 1)
    while len(times) < repeat:
        t0 = time.perf_counter()
        func(*args, **kwargs)
        times.append(time.perf_counter() - t0)
        if len(times) >= min(min_runs, repeat) and sum(times) >= budget:
            break
    return Timing(first, statistics.median(times), len(times), result)


class LoadMonitor:
    """Watches whether the machine was busy while things were timed.

    ``sample()`` (called before and after each measurement) counts the threads of *other*
    processes that want a core right now (Linux: the runnable threads of ``/proc/loadavg``
    less this process's running ones, read from ``/proc/self/task``).  :meth:`warning` is one line when, on average,
    at least one other thread was running or the 1-minute load average exceeded the cores,
    else None: the ratios of a busy machine are not the ratios of a quiet one.
    """

    def __init__(self):
        from scratch import _jit

        self._jit = _jit
        self.cores = _jit._cores()
        self.samples = []

    def sample(self):
        runnable = self._jit._runnable_threads()
        if runnable is not None:
            self.samples.append(max(0, runnable - self._jit._own_running_threads()))

    @property
    def others(self):
        """Mean number of other processes' running threads over the samples (None: unknown)."""
        return statistics.fmean(self.samples) if self.samples else None

    @staticmethod
    def load_average():
        try:
            return os.getloadavg()[0]
        except (AttributeError, OSError):
            return None

    def warning(self):
        others, load = self.others, self.load_average()
        busy = (others is not None and others >= 1) or (load is not None and load > self.cores)
        if not busy:
            return None
        parts = []
        if load is not None:
            parts.append(f"load average {load:.1f} on {self.cores} cores")
        if others is not None:
            parts.append(f"{others:.1f} other processes' threads running on average")
        return ("warning: the machine was busy while the tour timed (" + ", ".join(parts) +
                "): these are a busy machine's times and ratios, not a quiet one's")


def measure_pair(ours, ref, args, kwargs=None, repeat=5, budget=1.0, min_total=0.05, max_rounds=201,
                 firsts=None):
    """Time two functions on the same input in alternating rounds: the first call of each,
    then rounds of one call each, the order turning every round, so that both see the same
    machine (a busy machine's slow spells fall on both).

    Rounds continue past ``repeat`` until each function has run ``min_total`` seconds (short
    calls get many rounds: their medians are otherwise a few samples of scheduler noise),
    and stop once ``budget`` seconds per function are spent or after ``max_rounds``.
    ``firsts``, ``((seconds, result), (seconds, result))``, are first calls already made.

    Returns
    -------
    (Timing, Timing) : ``ours`` and ``ref``; each ``result`` is what its first call returned.
    """
    kwargs = dict(kwargs or {})
    timings = list(firsts or ())
    if not timings:
        for func in (ours, ref):
            timings.append(_first_call(func, args, kwargs))
    times, totals = ([], []), [0.0, 0.0]
    pair = (ours, ref)
    repeat = max(int(repeat), 1)
    for n in range(max_rounds):
        for k in ((0, 1) if n % 2 == 0 else (1, 0)):
            t0 = time.perf_counter()
            pair[k](*args, **kwargs)
            times[k].append(time.perf_counter() - t0)
            totals[k] += times[k][-1]
        enough = n + 1 >= repeat and min(totals) >= min_total
        over_budget = max(totals) >= budget and n + 1 >= min(3, repeat)
        if enough or over_budget:
            break
    return tuple(Timing(first, statistics.median(t), len(t), result)
                 for (first, result), t in zip(timings, times))


def _first_call(func, args, kwargs):
    t0 = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - t0, result


@dataclass
class Result:
    """What the tour learned about one entry."""

    entry: Entry
    status: str  #: "ok", "disagree" or "error"
    agreement: Optional[Agreement] = None
    scratch: Optional[Timing] = None
    reference: Optional[Timing] = None
    error: str = ""
    trace: str = field(default="", repr=False)  #: traceback of a scratch exception
    args: tuple = field(default=(), repr=False)

    @property
    def ratio(self):
        """scratch time / reference time (< 1: scratch is faster)."""
        if self.scratch is None or self.reference is None or self.reference.median <= 0:
            return None
        return self.scratch.median / self.reference.median

    @property
    def ok(self):
        return self.status == "ok"


def _short_error(exc):
    text = f"{type(exc).__name__}: {exc}".strip()
    return text if len(text) <= 200 else text[:197] + "..."


def _inputs_changed(args, copies):
    for a, c in zip(args, copies):
        if isinstance(a, np.ndarray) and not np.array_equal(a, c, equal_nan=a.dtype.kind == "f"):
            return True
    return False


def run_entry(entry, repeat=5, budget=1.0, monitor=None):
    """Run one entry on its tour input: scratch, then the reference, then compare.

    Never raises for a problem of the entry itself: a scratch function that cannot be
    imported yet, an exception in either function, or an input modified in place become a
    Result with ``status="error"`` and a message.

    Parameters
    ----------
    entry : Entry
    repeat : int
        Maximum timed calls after the first.
    budget : float
        Seconds after which repeats stop (see :func:`measure`).
    monitor : LoadMonitor, optional
        Sampled before and after the timings.

    Returns
    -------
    Result
    """
    if monitor is not None:
        monitor.sample()
    try:
        return _run_entry(entry, repeat, budget)
    finally:
        if monitor is not None:
            monitor.sample()


def _run_entry(entry, repeat, budget):
    try:
        args = entry.tour_args()
    except Exception as exc:  # noqa: BLE001 - reported in the table
        return Result(entry, "error", error=f"input {entry.sample_name!r}: {_short_error(exc)}")
    copies = [np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args]
    result = Result(entry, "error", args=args)
    try:
        ours_fn = resolve(entry.scratch)
    except (ImportError, AttributeError) as exc:
        result.error = f"not available: {_short_error(exc)}"
        return result
    try:
        ref_fn = resolve(entry.reference)
    except (ImportError, AttributeError) as exc:
        result.error = f"reference not available: {_short_error(exc)}"
        return result
    try:  # one call each first: errors and in-place changes are reported before any timing
        ours_first = _first_call(ours_fn, args, entry.kwargs)
    except Exception as exc:  # noqa: BLE001
        result.error = f"scratch raised {_short_error(exc)}"
        result.trace = traceback.format_exc()
        return result
    if _inputs_changed(args, copies):
        result.error = "scratch modified its input in place"
        return result
    try:
        ref_first = _first_call(ref_fn, args, entry.kwargs)
    except Exception as exc:  # noqa: BLE001
        result.error = f"reference raised {_short_error(exc)}"
        return result
    result.scratch, result.reference = measure_pair(ours_fn, ref_fn, args, entry.kwargs, repeat, budget,
                                                    firsts=(ours_first, ref_first))
    try:
        result.agreement = entry.compare(result.scratch.result, result.reference.result, args)
    except Exception as exc:  # noqa: BLE001
        result.error = f"comparison failed: {_short_error(exc)}"
        return result
    result.status = "ok" if result.agreement.ok else "disagree"
    return result
