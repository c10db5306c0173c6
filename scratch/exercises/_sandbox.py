"""The child process that runs a student's file — a script that never imports scratch.

The grader starts ``python -P _sandbox.py STUDENT_FILE BANNED`` (``-P``: the script's folder is
not put on ``sys.path``) and talks to it over its stdin/stdout in length-prefixed pickles:
``("call", function name, args, kwargs, writable names)`` → ``("value", output, modified,
seconds, banned)`` or ``("raised", (module, qualname, MRO names), message, traceback, modified,
seconds, banned)``.  The inputs are plain NumPy arrays and numbers built by the grader; the
expected values stay in the grader.  So the solution is never in this process: scratch is not
imported here, and an import of it (or of skimage, scipy, cv2) from the student's code —
``import``, ``__import__``, ``importlib.import_module``, a lazy attribute of an already loaded
package — raises ImportError and marks the file as "banned import".

NumPy and numba are imported first (numba loads parts of SciPy for itself); an import made by
numba's own code (its ``np.linalg`` support) is allowed, one made from the student's frames is
not.  The student's prints go to stderr so they cannot break the protocol.
"""

import builtins
import importlib
import importlib.abc
import importlib.util
import os
import pickle
import struct
import sys
import time
import traceback

HERE = os.path.realpath(__file__)


def _dirs(*modules):
    out = []
    for m in modules:
        mod = sys.modules.get(m)
        if mod is not None and getattr(mod, "__file__", None):
            out.append(os.path.dirname(os.path.realpath(mod.__file__)) + os.sep)
    return tuple(out)


class Guard(importlib.abc.MetaPathFinder):
    """Refuses banned imports made on the student's behalf, and remembers the first one."""

    def __init__(self, banned):
        self.banned = tuple(banned)
        self.first = None
        self.numba_dirs = _dirs("numba", "llvmlite")
        self.skip_dirs = _dirs(*self.banned, "importlib") + (HERE,)

    def is_banned(self, name):
        return name.partition(".")[0] in self.banned

    def allowed(self):
        """Walk the stack outwards past the import machinery (and the banned packages' own
        lazy loaders); the first other frame decides: numba's own code may, nothing else may."""
        frame = sys._getframe(1)
        while frame is not None:
            filename = frame.f_code.co_filename
            real = filename if filename.startswith("<") else os.path.realpath(filename)
            if not (real.startswith("<frozen") or real.startswith(self.skip_dirs)):
                return real.startswith(self.numba_dirs)
            frame = frame.f_back
        return False

    def refuse(self, name):
        if self.first is None:
            self.first = name
        raise ImportError(f"banned import: {name!r} (exercises may use NumPy, math and numba only)")

    def find_spec(self, name, path=None, target=None):
        if self.is_banned(name) and (name.partition(".")[0] == "scratch" or not self.allowed()):
            self.refuse(name)
        return None


def install_guard(banned):
    import numpy  # noqa: F401  (before the guard: NumPy's own imports are not the student's)

    try:
        import numba  # noqa: F401
    except ImportError:
        pass
    guard = Guard(banned)
    sys.meta_path.insert(0, guard)
    real_import = builtins.__import__
    real_import_module = importlib.import_module

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and guard.is_banned(name) and not guard.allowed():
            guard.refuse(name)
        return real_import(name, globals, locals, fromlist, level)

    def guarded_import_module(name, package=None):
        if not name.startswith(".") and guard.is_banned(name) and not guard.allowed():
            guard.refuse(name)
        return real_import_module(name, package)

    builtins.__import__ = guarded_import
    importlib.import_module = guarded_import_module
    return guard


def _send(stream, message):
    try:
        data = pickle.dumps(message, protocol=4)
    except Exception as exc:  # an output that cannot travel (a lambda, an open file, ...)
        kind = message[0]
        if kind != "value":
            raise
        data = pickle.dumps(("raised", ("builtins", "TypeError", ("TypeError",)),
                             f"the output cannot be sent to the grader ({type(exc).__name__}: {exc})",
                             "", message[2], message[3], message[4]), protocol=4)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


def _receive(stream):
    head = stream.read(8)
    if len(head) < 8:
        return None
    (n,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(n))


def _arrays(value, out):
    import numpy as np

    if isinstance(value, np.ndarray):
        out.append(value)
    elif isinstance(value, (tuple, list)):
        for v in value:
            _arrays(v, out)
    elif isinstance(value, dict):
        for v in value.values():
            _arrays(v, out)
    return out


def _same(a, b):
    if a.dtype.kind == "O":
        try:
            return bool((a == b).all())
        except Exception:
            return True
    return a.shape == b.shape and a.tobytes() == b.tobytes()


def _exception(exc):
    cls = type(exc)
    mro = tuple(c.__name__ for c in cls.__mro__ if c.__module__ == "builtins")
    text = str(exc).strip().splitlines()
    return (cls.__module__, cls.__qualname__, mro), (text[0] if text else ""), \
        "".join(traceback.format_exception(cls, exc, exc.__traceback__, limit=-4))


def main(argv):
    student, banned = argv[1], argv[2].split(",") if len(argv) > 2 and argv[2] else []
    channel_in = os.fdopen(os.dup(0), "rb")
    channel_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # the student's prints go to stderr
    sys.stdout = sys.stderr
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    guard = install_guard(banned)
    import warnings

    import numpy as np

    folder = os.path.dirname(os.path.abspath(student))
    sys.path.insert(0, folder)
    try:
        spec = importlib.util.spec_from_file_location("student_module", student)
        module = importlib.util.module_from_spec(spec)
        sys.modules["student_module"] = module
        spec.loader.exec_module(module)
        import inspect

        signatures = {}
        for key, value in vars(module).items():
            if callable(value) and not key.startswith("__"):
                try:
                    signatures[key] = str(inspect.signature(getattr(value, "py_func", value)))
                except (TypeError, ValueError):
                    signatures[key] = None
        _send(channel_out, ("loaded", signatures, guard.first))
    except BaseException as exc:  # the student's file does not import: that is the report
        cls, message, tb = _exception(exc)
        _send(channel_out, ("load failed", cls, message, tb, guard.first))
        return 0
    while True:
        request = _receive(channel_in)
        if request is None or request[0] == "quit":
            return 0
        _, name, args, kwargs, writable = request
        function = getattr(module, name, None)
        inputs = _arrays((args, {k: v for k, v in kwargs.items() if k not in writable}), [])
        before = [a.copy() for a in inputs]
        start = time.perf_counter()
        try:
            if function is None:
                raise AttributeError(f"your file has no function named {name!r}")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with np.errstate(all="ignore"):
                    output = function(*args, **kwargs)
            seconds = time.perf_counter() - start
            modified = any(not _same(a, b) for a, b in zip(inputs, before))
            _send(channel_out, ("value", output, modified, seconds, guard.first))
        except Exception as exc:
            seconds = time.perf_counter() - start
            modified = any(not _same(a, b) for a, b in zip(inputs, before))
            cls, message, tb = _exception(exc)
            _send(channel_out, ("raised", cls, message, tb, modified, seconds, guard.first))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
