"""The one place where Numba is configured.

Every kernel in scratch is decorated with :func:`jit` (serial) or :func:`parallel_jit`
(multi-threaded, with :data:`prange`).  Keeping the configuration here means that the whole
package changes behaviour from one switch:

* ``nopython`` mode, ``nogil`` (threads may call kernels concurrently) and **no fastmath**:
  agreement with the references needs plain IEEE arithmetic, in the order the code says.
* ``cache=True``: compiled machine code is kept on disk (``__pycache__`` next to the module,
  or ``NUMBA_CACHE_DIR`` when that is set), so only the very first call ever compiles.
  Set ``SCRATCH_NO_CACHE=1`` to turn the disk cache off (benchmarks of the cold compile do).
* No explicit signatures: nothing compiles at import time, a kernel compiles for the argument
  types it first sees.  Wrappers convert inputs to one working dtype so that there are few
  specialisations.
* ``NUMBA_DISABLE_JIT=1`` turns every kernel into the plain Python function it is written as,
  so a student can step through the algorithm in a debugger.  ``prange`` is then ``range``.
"""

import functools
import os
import types

import numba

__all__ = ["jit", "parallel_jit", "prange", "serial", "ParallelKernel", "PARALLEL_MIN_ITEMS", "CACHE",
           "set_num_threads", "get_num_threads"]

#: Whether compiled kernels are cached on disk (switch off with ``SCRATCH_NO_CACHE=1``).
CACHE = os.environ.get("SCRATCH_NO_CACHE", "0").strip().lower() in ("", "0", "false", "no")

prange = numba.prange

_OPTIONS = dict(nopython=True, nogil=True, cache=CACHE, fastmath=False, error_model="numpy")


def jit(func=None, **overrides):
    """Compile ``func`` as a serial nopython kernel (usable bare or with keyword overrides)."""
    options = {**_OPTIONS, **overrides}
    if func is None:
        return lambda f: numba.jit(**options)(f)
    return numba.jit(**options)(func)


#: Below this many work items (usually output pixels) a parallel kernel runs on one thread:
#: waking the thread pool costs tens of microseconds on an idle machine and whole scheduler
#: ticks (milliseconds) on a busy one, more than a small image takes to filter.
PARALLEL_MIN_ITEMS = 1 << 16


def _renamed_copy(func, suffix):
    """A copy of ``func`` under another name, so Numba caches its compilation separately."""
    twin = types.FunctionType(func.__code__, func.__globals__, func.__name__ + suffix,
                              func.__defaults__, func.__closure__)
    twin.__qualname__ = func.__qualname__ + suffix
    twin.__module__ = func.__module__
    twin.__doc__ = func.__doc__
    return twin


class ParallelKernel:
    """A kernel compiled twice: multi-threaded (``prange`` on all threads) and serial.

    Calling it runs the parallel version.  ``kernel.sized(n)`` picks the version worth
    running for ``n`` work items: the serial twin for small inputs or a single thread.
    ``reference_tests`` prove the two give the same bits.
    """

    def __init__(self, py_func, options):
        self.py_func = py_func
        self.parallel = numba.jit(**{**options, "parallel": True})(py_func)
        self.serial = numba.jit(**options)(_renamed_copy(py_func, "__serial"))
        functools.update_wrapper(self, py_func)

    def __call__(self, *args):
        return self.parallel(*args)

    def sized(self, n_items):
        """The parallel kernel for big work on several threads, else the serial twin."""
        if n_items >= PARALLEL_MIN_ITEMS and numba.get_num_threads() > 1:
            return self.parallel
        return self.serial

    @property
    def signatures(self):
        return list(getattr(self.parallel, "signatures", [])) + list(getattr(self.serial, "signatures", []))


def parallel_jit(func=None, **overrides):
    """Compile ``func`` as a multi-threaded kernel (and its serial twin), see ParallelKernel.

    Only loops whose iterations each write their own part of the output may use ``prange``;
    ``reference_tests`` prove every parallel kernel equals its serial twin bit for bit
    (see :func:`serial`).
    """
    options = {**_OPTIONS, **overrides}
    if func is None:
        return lambda f: ParallelKernel(f, options)
    return ParallelKernel(func, options)


def serial(kernel):
    """The same kernel compiled without threads (``prange`` then runs as ``range``).

    Used by the tests to prove that a parallel kernel gives exactly the serial answer.
    Without the JIT (``NUMBA_DISABLE_JIT=1``) the kernel already is a plain function.
    """
    if isinstance(kernel, ParallelKernel):
        return kernel.serial
    py_func = getattr(kernel, "py_func", None)
    if py_func is None:
        return kernel
    return numba.jit(**{**_OPTIONS, "cache": False})(py_func)


def set_num_threads(n):
    """Set how many threads parallel kernels use (at most ``numba.config.NUMBA_NUM_THREADS``)."""
    numba.set_num_threads(int(n))


def get_num_threads():
    """How many threads parallel kernels use now."""
    return numba.get_num_threads()
