"""Parallel kernels after fork, under spawn/forkserver pools and concurrent Python threads,
on every threading layer; and the per-call dispatch of ``scratch._jit`` (DESIGN.md, Numba).

Each scenario runs ``_parallel_worker.py`` in its own process group with a timeout, so a pool
that hangs (GNU OpenMP after fork did) fails the test instead of hanging CI.
"""

import json
import os
import pathlib
import signal
import subprocess
import sys

import numpy as np
import pytest

import scratch._jit as J
from conftest import JIT_DISABLED

WORKER = pathlib.Path(__file__).with_name("_parallel_worker.py")
LAYERS = [None, "omp", "workqueue"]  # None: scratch's own choice (tbb where it loads)
TIMEOUT = 240


def run_worker(mode, layer=None, **env):
    environment = {**os.environ, **env}
    environment.pop("NUMBA_THREADING_LAYER", None)
    if layer:
        environment["NUMBA_THREADING_LAYER"] = layer
    process = subprocess.Popen([sys.executable, str(WORKER), mode], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=environment,
                               cwd=str(WORKER.parent), start_new_session=True)
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the pool's workers too
        process.communicate()
        pytest.fail(f"{mode} with layer {layer or 'default'} did not finish in {TIMEOUT} s (hung)")
    assert process.returncode == 0, err[-3000:]
    assert "fork() called from a process already using GNU OpenMP" not in err
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def serial_digests():
    return run_worker("serial")["digests"]


pytestmark = pytest.mark.skipif(JIT_DISABLED, reason="threads and processes of compiled kernels")


@pytest.mark.parametrize("layer", LAYERS, ids=lambda v: v or "default")
@pytest.mark.parametrize("mode", ["fork", "spawn", "forkserver", "threads"])
def test_pools_and_threads_give_the_serial_result(mode, layer, serial_digests):
    if mode != "fork" and sys.platform == "win32":
        pytest.skip("fork and forkserver are POSIX start methods")
    result = run_worker(mode, layer)
    if layer:
        assert result["layer"] == layer
    assert result["digests"] == serial_digests


@pytest.mark.parametrize("layer", LAYERS, ids=lambda v: v or "default")
def test_dask_threaded_scheduler_gives_the_serial_result(layer):
    pytest.importorskip("dask.array")
    threaded, serial = run_worker("dask", layer)["digests"]
    assert threaded == serial


def test_default_layer_is_tbb_where_the_wheel_is_installed():
    import importlib.util

    if importlib.util.find_spec("tbb") is None and J._TBB_PATH is None:
        pytest.skip("no tbb wheel here")
    out = subprocess.run([sys.executable, "-c", "import numpy as np, scratch.filters as f, scratch._jit as J;"
                          "f.gaussian(np.ones((400, 400)));print(J.threading_info()['layer'])"],
                         capture_output=True, text=True, timeout=TIMEOUT,
                         env={k: v for k, v in os.environ.items() if k != "NUMBA_THREADING_LAYER"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "tbb"


def test_user_settings_win():
    code = ("import numpy as np, scratch.filters as f, scratch._jit as J;"
            "f.gaussian(np.ones((400, 400)));"
            "i = J.threading_info(); print(i['layer'], J.threads_for(10**8), i['load_aware'])")
    env = {**os.environ, "NUMBA_THREADING_LAYER": "workqueue", "NUMBA_NUM_THREADS": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=TIMEOUT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["workqueue", "1", "False"]


# --- the dispatch rules (in this process) ------------------------------------------------------


@pytest.fixture
def dispatch(monkeypatch):
    """A dispatch state of its own, on a quiet 4-core machine unless a test says otherwise."""
    monkeypatch.setattr(J, "_state", J._State())
    J._state.fixed = False
    monkeypatch.setattr(J, "_cores", lambda: 4)
    monkeypatch.setattr(J.numba, "get_num_threads", lambda: 4)
    monkeypatch.setattr(J, "_runnable_threads", lambda: 1)
    monkeypatch.setattr(J, "LOAD_AWARE", True)
    return J._state


@pytest.mark.skipif(JIT_DISABLED, reason="without the JIT every call is serial")
class TestThreadsFor:
    def test_size(self, dispatch):
        assert J.threads_for(0) == 1
        assert J.threads_for(J.PARALLEL_MIN_ITEMS - 1) == 1
        assert J.threads_for(J.PARALLEL_MIN_ITEMS) == 1
        assert J.threads_for(J.PARALLEL_MIN_ITEMS + 1) == 2
        assert J.threads_for(3 * J.PARALLEL_MIN_ITEMS) == 3
        assert J.threads_for(10**9) == 4

    def test_busy_machine(self, dispatch, monkeypatch):
        monkeypatch.setattr(J, "_runnable_threads", lambda: 1 + 3)  # three others
        assert J.threads_for(10**9) == 1  # 4 cores - 3 others
        dispatch.read_at = -1.0
        monkeypatch.setattr(J, "_runnable_threads", lambda: 1 + 9)
        assert J.threads_for(10**9) == 1  # never 0
        dispatch.read_at = -1.0
        monkeypatch.setattr(J, "_runnable_threads", lambda: 1 + 2)
        assert J.threads_for(10**9) == 2

    def test_spinning_workers_after_a_region_are_ours(self, dispatch, monkeypatch):
        monkeypatch.setattr(J, "_runnable_threads", lambda: 4)  # this thread + 3 workers still spinning
        dispatch.region_end, dispatch.region_threads = J.time.monotonic(), 4
        assert J.threads_for(10**9) == 4
        dispatch.read_at, dispatch.region_end = -1.0, -1.0  # long ago: then they are others
        assert J.threads_for(10**9) == 1

    def test_load_is_not_reread_within_the_interval(self, dispatch, monkeypatch):
        calls = []
        monkeypatch.setattr(J, "_runnable_threads", lambda: calls.append(1) or 1)
        J.threads_for(10**9)
        J.threads_for(10**9)
        assert len(calls) == 1

    def test_other_python_threads_in_scratch(self, dispatch):
        dispatch.active = 2
        assert J.threads_for(10**9) == 2
        dispatch.active = 8
        assert J.threads_for(10**9) == 1

    def test_fixed_count_ignores_the_load(self, dispatch, monkeypatch):
        monkeypatch.setattr(J, "_runnable_threads", lambda: 100)
        assert J.threads_for(10**9) == 1
        dispatch.fixed = True
        assert J.threads_for(10**9) == 4
        assert J.threads_for(10) == 1  # small inputs stay serial

    def test_load_awareness_switch(self, dispatch, monkeypatch):
        monkeypatch.setattr(J, "_runnable_threads", lambda: 100)
        monkeypatch.setattr(J, "LOAD_AWARE", False)
        assert J.threads_for(10**9) == 4

    def test_fork_child_of_omp_runs_serial(self, dispatch):
        dispatch.serial_only = True
        assert J.threads_for(10**9) == 1


def test_own_running_threads_reads_this_process():
    if not os.path.exists("/proc/self/task"):
        pytest.skip("no /proc")
    assert J._own_running_threads() >= 1  # this thread is running while it reads


@pytest.mark.skipif(JIT_DISABLED, reason="compiled kernels")
def test_a_call_restores_the_callers_thread_setting():
    from scratch.filters import gaussian

    before = J.get_num_threads()
    gaussian(np.random.default_rng(0).random((512, 512)), sigma=2)
    assert J.get_num_threads() == before


@pytest.mark.skipif(JIT_DISABLED, reason="compiled kernels")
def test_set_num_threads_none_gives_the_choice_back():
    saved = J._state.fixed
    try:
        J.set_num_threads(1)
        assert J._state.fixed and J.threads_for(10**9) == 1
        J.set_num_threads(None)
        assert J._state.fixed == J._USER_THREADS
        assert J.get_num_threads() == J.numba.config.NUMBA_NUM_THREADS
    finally:
        J._state.fixed = saved


@pytest.mark.skipif(JIT_DISABLED, reason="compiled kernels")
@pytest.mark.parametrize("layer", LAYERS, ids=lambda v: v or "default")
def test_fork_pool_on_an_idle_machine(layer, serial_digests):
    """Without the load rule the forked workers would run threaded: the omp layer then needs
    the after-fork rule (the workers were terminated and the pool hung before it)."""
    result = run_worker("fork", layer, SCRATCH_LOAD_AWARE="0")
    assert result["digests"] == serial_digests


def test_tour_load_monitor_warns_only_on_a_busy_machine(monkeypatch):
    from scratch._tour.runner import LoadMonitor

    monkeypatch.setattr(J, "_own_running_threads", lambda: 1)
    monkeypatch.setattr(LoadMonitor, "load_average", staticmethod(lambda: 0.3))
    quiet = LoadMonitor()
    monkeypatch.setattr(J, "_runnable_threads", lambda: 1)
    quiet.sample()
    quiet.sample()
    assert quiet.others == 0 and quiet.warning() is None
    busy = LoadMonitor()
    monkeypatch.setattr(J, "_runnable_threads", lambda: 1 + busy.cores)
    busy.sample()
    line = busy.warning()
    assert line.startswith("warning: the machine was busy") and "\n" not in line
    assert f"on {busy.cores} cores" in line
    monkeypatch.setattr(J, "_runnable_threads", lambda: None)  # no /proc: the load average decides
    monkeypatch.setattr(LoadMonitor, "load_average", staticmethod(lambda: busy.cores + 1.0))
    assert LoadMonitor().warning() is not None
