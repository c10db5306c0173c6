"""Loading a candidate, and running it in a child process with a per-case timeout.

A candidate is named ``PATH.py:FUNC`` (a file, imported under a private module name with its
folder on ``sys.path`` so that its own imports work) or ``package.module:FUNC`` (``FUNC`` may
be dotted: ``mylib.trees:KDTree``).  :func:`load_candidate` resolves either.

:class:`ChildRunner` keeps one worker process (nothing of this process is shared)
that loads the candidate once and then runs cases on request (a fork of a clean forkserver
process where the platform has one, else a spawned interpreter).  The parent waits at most
``timeout`` seconds for each; when the child dies (a segfault, ``os._exit``) the case is a
``crash`` with the signal's name, when it overruns it is killed and the case is a
``timeout``, and a fresh child takes the next case.
"""

import builtins
import dataclasses
import importlib
import importlib.util
import os
import pickle
import signal
import sys
import time

__all__ = ["load_candidate", "ChildRunner", "CandidateError"]


class CandidateError(Exception):
    """The candidate cannot be loaded (missing file, no such function, not callable)."""


class _StartFailed(CandidateError):
    """The child died before it was ready (retried once)."""


def load_candidate(target):
    """The callable named by ``"path/to/file.py:func"`` or ``"package.module:func"``.

    Raises
    ------
    CandidateError
        With a one-line message: the file does not exist, it has no ``func``, ``func`` is not
        callable, or importing it failed (the exception's first line is quoted).
    """
    if callable(target):
        return target
    text = str(target)
    if ":" not in text:
        raise CandidateError(f"candidate {text!r}: expected PATH.py:FUNC or package.module:FUNC")
    where, _, attr = text.rpartition(":")
    if not attr:
        raise CandidateError(f"candidate {text!r}: no function name after ':'")
    if where.endswith(".py") or os.sep in where or "/" in where:
        path = os.path.abspath(where)
        if not os.path.isfile(path):
            raise CandidateError(f"candidate {text!r}: no such file {where!r}")
        name = "_scratch_candidate_" + os.path.splitext(os.path.basename(path))[0].replace("-", "_")
        folder = os.path.dirname(path)
        if folder not in sys.path:
            sys.path.insert(0, folder)
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            raise CandidateError(f"candidate {text!r}: importing {where} failed: "
                                 f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    else:
        try:
            module = importlib.import_module(where)
        except Exception as exc:
            raise CandidateError(f"candidate {text!r}: cannot import {where!r}: "
                                 f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}") from None
    obj = module
    for part in attr.split("."):
        if not hasattr(obj, part):
            raise CandidateError(f"candidate {text!r}: {where} has no attribute {part!r}")
        obj = getattr(obj, part)
    if not callable(obj):
        raise CandidateError(f"candidate {text!r}: {attr} is of type {type(obj).__name__}, not callable")
    return obj


# --- exceptions across the process boundary -----------------------------------------------


def _portable_class(cls):
    """An exception class as its MRO of (module, qualname), so the parent can rebuild it."""
    return [(c.__module__, c.__qualname__) for c in cls.__mro__ if issubclass(c, BaseException)]


def _restore_class(mro):
    for i, (module, qualname) in enumerate(mro):
        try:
            if module == "builtins":
                obj = getattr(builtins, qualname)
            else:
                obj = importlib.import_module(module)
                for part in qualname.split("."):
                    obj = getattr(obj, part)
        except Exception:
            continue
        if i == 0:
            return obj
        # The candidate's own class cannot be imported here: a stand-in with its name.
        return type(mro[0][1].rsplit(".", 1)[-1], (obj,), {"__module__": mro[0][0]})
    return Exception


# --- the worker ----------------------------------------------------------------------------


def _worker(conn, target, spec_name):
    """The child: load once, then answer ("case", case) requests until ("stop",)."""
    try:
        from ._core import resolve
        from ._engine import call_once

        spec = resolve(spec_name)
        candidate = pickle.loads(target) if isinstance(target, bytes) else load_candidate(target)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("load-error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message[0] == "stop":
            return
        case = message[1]
        kind, payload, modified, seconds = call_once(spec, candidate, case)
        if kind == "raised":
            payload = (_portable_class(payload[0]), payload[1], payload[2])
        try:
            conn.send((kind, payload, modified, seconds))
        except Exception as exc:  # an output that does not pickle
            conn.send(("value", _Unpicklable(repr(payload)[:200], type(exc).__name__), modified, seconds))


class _Unpicklable:
    def __init__(self, text, why):
        self.text = text
        self.why = why

    def __repr__(self):
        return f"<output that could not be sent back ({self.why}): {self.text}>"


def _context():
    """forkserver where there is one (a fresh child is a fork of a clean, single-threaded server
    that has numpy and the engine imported: ~50 ms instead of ~1 s), else spawn."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        if not _PRELOADED:
            ctx.set_forkserver_preload(["numpy", "scratch.verify._engine", "scratch.verify._isolate"])
            _PRELOADED.append(True)
        return ctx
    return multiprocessing.get_context("spawn")


_PRELOADED = []

def _signal_name(number):
    try:
        return signal.Signals(number).name  # the canonical name: SIGABRT, not SIGIOT
    except ValueError:
        return f"signal {number}"


class ChildRunner:
    """Run cases of one spec in a child process; ``runner(case)`` has ``call_once``'s result."""

    def __init__(self, target, spec_name, timeout=30.0, start_timeout=120.0):
        if callable(target) and not isinstance(target, str):
            try:
                target = pickle.dumps(target)
            except Exception as exc:
                raise CandidateError(
                    f"isolate=True needs a candidate that pickles (a module-level function); "
                    f"this one does not ({type(exc).__name__}: {exc})") from None
        self.target = target
        self.spec_name = spec_name
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.process = None
        self.conn = None

    def _start(self):
        """Start a child; one retry when it dies before it is ready (a busy machine can lose a
        forkserver child while it starts), but not when the candidate itself fails to load."""
        try:
            self._start_once()
        except _StartFailed:
            self._start_once(final=True)

    def _start_once(self, final=False):
        ctx = _context()
        parent, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, self.target, self.spec_name), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        failed = CandidateError if final else _StartFailed
        if not parent.poll(self.start_timeout):
            self.close(kill=True)
            raise failed(f"the child process did not start within {self.start_timeout:.0f} s")
        try:
            status, message = parent.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.close()
            raise failed(f"the child process died while loading the candidate (exit {code})") from None
        if status != "ready":
            self.close()
            raise CandidateError(f"loading the candidate in the child failed: {message}")

    def __call__(self, case):
        if self.process is None or not self.process.is_alive():
            self._start()
        light = dataclasses.replace(case, compare=None)
        start = time.perf_counter()
        try:
            self.conn.send(("case", light))
            if not self.conn.poll(self.timeout):
                self.close(kill=True)
                return "timeout", None, False, time.perf_counter() - start
            kind, payload, modified, seconds = self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.close()
            why = f"killed by {_signal_name(-code)}" if code is not None and code < 0 \
                else f"exited with status {code}"
            return "crash", f"the candidate's process {why}", False, time.perf_counter() - start
        if kind == "raised":
            payload = (_restore_class(payload[0]), payload[1], payload[2])
        return kind, payload, modified, seconds

    def close(self, kill=False):
        if kill and self.process is not None:
            self.process.kill()
        if self.conn is not None:
            try:
                if self.process is not None and self.process.is_alive():
                    try:
                        self.conn.send(("stop",))
                    except Exception:
                        pass
                self.conn.close()
            except Exception:
                pass
        if self.process is not None:
            self.process.join(0.5)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(5)
        self.process = None
        self.conn = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
