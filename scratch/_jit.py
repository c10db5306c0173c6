"""The one place where Numba is configured: compilation options, the threading layer, and
how many threads each call uses.

Every kernel in scratch is decorated with :func:`jit` (serial) or :func:`parallel_jit`
(multi-threaded, with :data:`prange`).  Keeping the configuration here means that the whole
package changes behaviour from one switch.

Compilation
-----------
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

Threads: the layer
------------------
A parallel kernel is compiled twice, with threads and without (:class:`ParallelKernel`); the
two give the same bits.  Numba runs the threaded one on a *threading layer*.  What each layer
did here (2 cores; tour inputs of 0.1-1 Mpixel; medians of 15 interleaved calls; "loaded" =
two other CPU-bound processes running, as on a laptop with a browser open or a shared CI
runner; times in ms, the reference in brackets)::

                      otsu (0.20)  gaussian_filter1d (1.2-1.6)  sobel (1.3-2.0)  edt (2.0)
    quiet   omp            0.09         0.19                        0.18          0.76
            omp passive    0.12         0.31                        0.20          0.76
            GOMP_SPINCOUNT=0 0.18       0.21                        0.22          0.55
            workqueue      0.50         0.49                        0.37          1.27
            tbb            0.12         0.24                        0.20          0.48
            1 thread       0.10         0.45                        0.18          0.69
    loaded  omp           11.7          6.9                         6.7          41.4
            omp passive    0.19         2.1                         2.6           9.6
            GOMP_SPINCOUNT=0 0.13       0.32                        2.8           6.0
            workqueue      0.25         2.8                         5.8           9.7
            tbb            0.11         0.47                        0.72          0.87
            1 thread       0.11         0.33                        0.32          0.70

* **omp** (GNU OpenMP, the layer Numba picked here before) is the fastest on a quiet machine
  and by far the worst on a busy one: each parallel region waits for a worker that the
  scheduler has parked, a tick at a time.  It also cannot ``fork``: a worker of a fork pool
  that runs a parallel region is terminated ("fork() called from a process already using GNU
  OpenMP"), and the pool waits for ever.  A passive wait policy or no spinning helps under
  load but costs 30-60 % on the quiet machine, and must be set before libgomp is loaded.
* **workqueue** is slow everywhere and aborts the process when two Python threads run
  parallel regions at the same time.
* **tbb** (Intel oneTBB, work stealing: the calling thread does any work no worker has taken)
  is close to omp when quiet, holds up under load, is fork-safe and thread-safe.  It comes
  from the ``tbb`` wheel (a dependency where PyPI has one); Numba only finds it on the
  loader's path, which a pip install is not, so :func:`_preload_tbb` loads it by its full
  path first.  Numba needs TBB >= 2021.6 (``TBB_INTERFACE_VERSION >= 12060``).

With the per-call choice below (tbb, ``benchmarks/bench_busy.py``, medians of 15 rounds)::

                      otsu          gaussian_filter1d           sobel          edt
    quiet   scratch        0.11         0.25                        0.21          0.84
    loaded  scratch        0.10-0.11    0.32-0.51                   0.23-0.31     0.81-0.84

and every one of the 71 tour entries is faster than its reference with two CPU-bound
processes running (worst 0.91-0.96, ``watershed_line``).

So: **tbb** when it loads, else Numba's default order (omp, then workqueue).  The user's
``NUMBA_THREADING_LAYER`` wins (we then load nothing); ``OMP_*``/``GOMP_*`` are never touched.

Threads: each call
------------------
Even tbb pays for a second thread on a busy machine (sobel 0.72 ms against 0.32 ms on one
thread), and a forked child of an omp process must not enter a parallel region at all.  So
every call of a parallel kernel goes through :func:`threads_for`, which picks the serial
twin or the threaded kernel and how many threads:

1. **size**: at most one thread per :data:`PARALLEL_MIN_ITEMS` work items (usually output
   pixels).  Waking a thread costs tens of microseconds on an idle machine, more than a small
   image takes.
2. **the machine**: no more threads than idle cores.  Linux tells how many threads are
   runnable right now (the 4th field of ``/proc/loadavg``); our own (this thread, the other
   Python threads in scratch, a TBB worker still spinning after the last region) are not
   "others".  Read at most every :data:`LOAD_INTERVAL` seconds (6 µs a read).  With as many busy processes as cores, calls
   run the serial twin: the loaded "1 thread" row above, which beats every layer.
3. **the process**: a call made while other Python threads are inside scratch kernels (a
   ``ThreadPoolExecutor``, dask's threaded scheduler, a web server) counts them as busy
   cores; with the workqueue layer only one region runs at a time (it is not thread-safe).
4. **fork**: in a child forked from a process whose omp layer had started, everything runs
   serial (libgomp's threads do not survive ``fork``).  Spawn and forkserver children are new
   processes and start afresh.

The user's choice wins: ``NUMBA_NUM_THREADS`` or :func:`set_num_threads` fixes the count (rule
2 then no longer lowers it; rule 1 still keeps small inputs serial), and
``SCRATCH_LOAD_AWARE=0`` turns rule 2 off.  None of this changes a result: the serial twin and
the threaded kernel give the same bits (``reference_tests/test_parallel.py``).
"""

import ctypes
import functools
import os
import sys
import threading
import time
import types

import numba

__all__ = ["jit", "parallel_jit", "prange", "serial", "ParallelKernel", "PARALLEL_MIN_ITEMS", "CACHE",
           "set_num_threads", "get_num_threads", "threads_for", "threading_info", "LOAD_INTERVAL",
           "force_threads"]

#: Whether compiled kernels are cached on disk (switch off with ``SCRATCH_NO_CACHE=1``).
CACHE = os.environ.get("SCRATCH_NO_CACHE", "0").strip().lower() in ("", "0", "false", "no")

#: Whether calls look at the machine's load (``SCRATCH_LOAD_AWARE=0`` turns it off).
LOAD_AWARE = os.environ.get("SCRATCH_LOAD_AWARE", "1").strip().lower() not in ("0", "false", "no")

#: Seconds between two readings of the machine's load.
LOAD_INTERVAL = 0.01

prange = numba.prange

_OPTIONS = dict(nopython=True, nogil=True, cache=CACHE, fastmath=False, error_model="numpy")

#: Below this many work items (usually output pixels) a parallel kernel runs on one thread,
#: and above it each thread gets at least this many (see the module docstring, rule 1).
PARALLEL_MIN_ITEMS = 1 << 16


# --- the threading layer ----------------------------------------------------------------------

_TBB_NAMES = {"linux": "libtbb.so.12", "win32": "tbb12.dll", "darwin": "libtbb.12.dylib"}


def _tbb_candidates(name):
    """Where a pip-installed ``tbb`` wheel puts its library: ``<prefix>/lib`` (``Library/bin``
    on Windows) of the environment, of the base install or of the user's site."""
    import site
    import sysconfig

    roots = [sys.prefix, sys.base_prefix, sysconfig.get_path("data"), getattr(site, "USER_BASE", None)]
    sub = ("Library", "bin") if sys.platform == "win32" else ("lib",)
    seen = []
    for root in roots:
        if root:
            path = os.path.join(root, *sub, name)
            if path not in seen:
                seen.append(path)
    return seen


def _preload_tbb():
    """Load TBB by its full path so that Numba's tbb layer (which looks it up by name) finds it.

    Returns the path loaded, or None (no wheel installed: Numba then uses omp or workqueue).
    """
    name = next((n for p, n in _TBB_NAMES.items() if sys.platform.startswith(p)), None)
    if name is None:
        return None
    try:  # already on the loader's path (conda, a system package)?
        ctypes.CDLL(name)
        return name
    except OSError:
        pass
    for path in _tbb_candidates(name):
        if os.path.exists(path):
            try:
                ctypes.CDLL(path, mode=getattr(ctypes, "RTLD_GLOBAL", 0))
                return path
            except OSError:
                continue
    return None


_USER_LAYER = os.environ.get("NUMBA_THREADING_LAYER", "").strip()
_USER_THREADS = bool(os.environ.get("NUMBA_NUM_THREADS", "").strip())
_TBB_PATH = None
if not _USER_LAYER and not numba.config.DISABLE_JIT:
    # Numba's default order is tbb, omp, workqueue: with TBB loaded it takes tbb, and it still
    # falls back to omp if this TBB is older than it needs (its own version check).
    _TBB_PATH = _preload_tbb()


_LAYER = []  # the layer, once Numba has started it


def _layer():
    """The layer Numba runs parallel regions on ('tbb', 'omp', 'workqueue'), or None before
    the first parallel call."""
    if not _LAYER:
        try:
            _LAYER.append(numba.threading_layer())
        except ValueError:
            return None
    return _LAYER[0]


def threading_info():
    """What the threading set-up is now: a dict for reports and benchmarks."""
    return {"layer": _layer(), "configured_layer": numba.config.THREADING_LAYER, "tbb": _TBB_PATH,
            "max_threads": numba.config.NUMBA_NUM_THREADS, "threads": get_num_threads(),
            "fixed_threads": _state.fixed, "load_aware": LOAD_AWARE and not _state.fixed,
            "serial_after_fork": _state.serial_only, "cores": _cores()}


# --- how many threads a call uses --------------------------------------------------------------


class _State:
    """What the dispatch knows: shared by all threads, changed under ``lock``."""

    def __init__(self):
        self.lock = threading.Lock()
        self.region = threading.Lock()  # the one parallel region of the workqueue layer
        self.active = 0  # Python threads inside a scratch kernel now
        self.fixed = _USER_THREADS  # the user fixed the thread count
        self.serial_only = False  # a fork child of an omp parent
        self.forced = None  # tests: every call on this many threads (see force_threads)
        self.idle = None  # idle cores at the last reading
        self.read_at = -1.0  # time.monotonic() of that reading
        self.region_end = -1.0  # time.monotonic() when the last parallel region ended
        self.region_threads = 1  # and on how many threads it ran


_state = _State()


def _cores():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _runnable_threads():
    """Threads runnable on the whole machine now (Linux), or None where that is unknown."""
    try:
        fd = os.open("/proc/loadavg", os.O_RDONLY)
        try:
            text = os.read(fd, 256)
        finally:
            os.close(fd)
        return int(text.split()[3].split(b"/")[0])
    except (OSError, IndexError, ValueError):
        return None


def _own_running_threads():
    """Threads of this process that are running or runnable now (state 'R'): 12-50 µs a read,
    too slow for every call; the tour's load monitor uses it."""
    count = 0
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return 1
    for tid in tasks:
        try:
            fd = os.open(f"/proc/self/task/{tid}/stat", os.O_RDONLY)
            try:
                text = os.read(fd, 512)
            finally:
                os.close(fd)
        except OSError:
            continue
        # "pid (comm) S ...": the state follows the last ')' (comm may hold spaces and parens)
        state = text[text.rfind(b")") + 2:text.rfind(b")") + 3]
        count += state == b"R"
    return max(count, 1)


def _idle_cores(cores):
    """Cores that nobody else wants now (rule 2), re-read at most every LOAD_INTERVAL.

    Runnable threads that are ours are not "others": this thread, the Python threads inside
    scratch kernels, and for a few milliseconds after a parallel region its workers, which
    spin before they sleep (right after a region /proc/loadavg counts them running).
    """
    now = time.monotonic()
    if now - _state.read_at < LOAD_INTERVAL and _state.idle is not None:
        return _state.idle
    runnable = _runnable_threads()
    if runnable is None:
        idle = cores
    else:
        ours = 1 + _state.active
        if now - _state.region_end < _WORKER_SPIN:
            ours += _state.region_threads - 1
        idle = max(0, cores - max(0, runnable - ours))
    _state.idle, _state.read_at = idle, now
    return idle


#: Seconds a threading layer's workers keep spinning after a region (measured here: tbb's
#: workers still ran right after a call and slept 2 ms later).
_WORKER_SPIN = 0.005


def threads_for(n_items):
    """How many threads a call with ``n_items`` work items should use now (1 = serial).

    See the module docstring for the rules.  Python code that splits work into chunks for its
    own thread pool asks this too.
    """
    if _state.forced is not None and not numba.config.DISABLE_JIT:
        return _state.forced
    if n_items < PARALLEL_MIN_ITEMS or _state.serial_only or numba.config.DISABLE_JIT:
        return 1
    limit = numba.get_num_threads()
    if limit <= 1:
        return 1
    threads = min(limit, -(-n_items // PARALLEL_MIN_ITEMS))
    if not _state.fixed:
        free = _cores() - _state.active  # the other Python threads inside scratch kernels
        if LOAD_AWARE:
            free = min(free, _idle_cores(_cores()))
        threads = min(threads, max(free, 1))
    return max(threads, 1)


class ParallelKernel:
    """A kernel compiled twice: multi-threaded (``prange``) and serial.

    Calling it runs the version worth running for its largest array argument (see
    :func:`threads_for`); ``kernel.sized(n)(...)`` does the same for ``n`` work items when
    the arrays' sizes do not say how much work there is.  ``kernel.parallel`` and
    ``kernel.serial`` are the two compiled functions; ``reference_tests`` prove they give
    the same bits.
    """

    def __init__(self, py_func, options):
        self.py_func = py_func
        self.parallel = numba.jit(**{**options, "parallel": True})(py_func)
        self.serial = numba.jit(**options)(_renamed_copy(py_func, "__serial"))
        functools.update_wrapper(self, py_func)

    def __call__(self, *args):
        n_items = 0
        for a in args:
            size = getattr(a, "size", 0)
            if isinstance(size, int) and size > n_items:
                n_items = size
        return _run(self, threads_for(n_items), args)

    def sized(self, n_items):
        """A callable running this kernel with the threads :func:`threads_for` gives."""
        threads = threads_for(n_items)
        return lambda *args: _run(self, threads, args)

    @property
    def signatures(self):
        return list(getattr(self.parallel, "signatures", [])) + list(getattr(self.serial, "signatures", []))


def _run(kernel, threads, args):
    """``kernel(*args)`` on ``threads`` threads (the serial twin for 1), counting the caller
    among the Python threads inside scratch (rule 3) and restoring its Numba setting."""
    region = None
    if threads > 1 and _layer() == "workqueue":  # not thread-safe: one region at a time
        region = _state.region
        if not region.acquire(blocking=False):
            threads, region = 1, None
    with _state.lock:
        _state.active += 1
    try:
        if threads <= 1:
            return kernel.serial(*args)
        before = numba.get_num_threads()
        try:
            if before == threads:
                return kernel.parallel(*args)
            numba.set_num_threads(threads)
            try:
                return kernel.parallel(*args)
            finally:
                numba.set_num_threads(before)
        finally:
            _state.region_end, _state.region_threads = time.monotonic(), threads
    finally:
        with _state.lock:
            _state.active -= 1
        if region is not None:
            region.release()


def _renamed_copy(func, suffix):
    """A copy of ``func`` under another name, so Numba caches its compilation separately."""
    twin = types.FunctionType(func.__code__, func.__globals__, func.__name__ + suffix,
                              func.__defaults__, func.__closure__)
    twin.__qualname__ = func.__qualname__ + suffix
    twin.__module__ = func.__module__
    twin.__doc__ = func.__doc__
    return twin


def jit(func=None, **overrides):
    """Compile ``func`` as a serial nopython kernel (usable bare or with keyword overrides)."""
    options = {**_OPTIONS, **overrides}
    if func is None:
        return lambda f: numba.jit(**options)(f)
    return numba.jit(**options)(func)


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
    """Fix how many threads parallel kernels use for big inputs (at most
    ``numba.config.NUMBA_NUM_THREADS``); the machine's load no longer lowers it.
    ``set_num_threads(None)`` gives the choice back to scratch (all cores, load-aware)."""
    if n is None:
        _state.fixed = _USER_THREADS
        numba.set_num_threads(numba.config.NUMBA_NUM_THREADS)
        return
    numba.set_num_threads(int(n))
    _state.fixed = True


def get_num_threads():
    """The most threads a parallel kernel may use now (this thread's Numba setting)."""
    return numba.get_num_threads()


class force_threads:
    """``with force_threads(n):`` every parallel kernel call runs on ``n`` threads, however
    small its input and busy the machine (the parallel == serial tests need the threaded
    kernel to run on their small inputs)."""

    def __init__(self, n=None):
        self.n = int(n or numba.config.NUMBA_NUM_THREADS)

    def __enter__(self):
        self.saved, _state.forced = _state.forced, self.n
        return self

    def __exit__(self, *exc):
        _state.forced = self.saved


# --- fork ---------------------------------------------------------------------------------------


def _after_fork_in_child():
    """A child forked after the omp layer started must not enter a parallel region (rule 4)."""
    _state.lock = threading.Lock()
    _state.region = threading.Lock()
    _state.active = 0
    _state.idle, _state.read_at = None, -1.0
    if _layer() == "omp":
        _state.serial_only = True


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
