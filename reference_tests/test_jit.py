"""The Numba rules of DESIGN.md: import compiles nothing, the cache switch, no-JIT mode."""

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import JIT_DISABLED


def run_python(code, **env):
    environment = {**os.environ, **{k: str(v) for k, v in env.items()}}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                            env=environment, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_import_compiles_nothing_and_loads_no_reference():
    out = run_python(
        """
        import sys
        import scratch, scratch.ndimage, scratch.filters, scratch.util, scratch.signal
        from numba.core.registry import cpu_target
        import scratch.ndimage._correlate as c
        print(len(c._correlate_nd.signatures), len(c._correlate1d_lines.signatures))
        print(sorted(m for m in ("skimage", "cv2") if m in sys.modules))  # numba itself imports scipy
        """
    )
    signatures, loaded = out.strip().splitlines()
    assert signatures == "0 0"
    assert loaded == "[]"


def test_package_never_imports_the_references():
    """DESIGN.md: only data.py and the tour may import skimage, scipy or cv2; verify and
    exercises (which run the references) may, but lazily: never at module level."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[1] / "scratch"
    anywhere = re.compile(r"^\s*(import|from)\s+(scipy|skimage|cv2)\b", re.MULTILINE)
    top_level = re.compile(r"^(import|from)\s+(scipy|skimage|cv2)\b", re.MULTILINE)
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "data.py" or "_tour" in path.parts or path.name == "__main__.py":
            continue
        lazy_allowed = "verify" in path.parts or "exercises" in path.parts
        if (top_level if lazy_allowed else anywhere).search(path.read_text()):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
    assert run_python("import scratch.verify, sys; print(any(m.split('.')[0] in ('scipy', 'skimage') "
                      "for m in sys.modules))").strip() == "False"


def test_cache_switch():
    out = run_python("import scratch._jit as j; print(j.CACHE)", SCRATCH_NO_CACHE="1")
    assert out.strip() == "False"
    out = run_python("import scratch._jit as j; print(j.CACHE)", SCRATCH_NO_CACHE="0")
    assert out.strip() == "True"


def test_kernels_run_as_plain_python_without_the_jit():
    out = run_python(
        """
        import numpy as np
        import scratch.ndimage as snd
        from scratch.ndimage import _correlate
        print(type(_correlate._correlate_nd.parallel).__name__, type(_correlate._correlate_nd.serial).__name__)
        print(snd.correlate(np.arange(12.0).reshape(3, 4), np.ones((2, 2)))[1, 1])
        """,
        NUMBA_DISABLE_JIT="1",
    )
    kind, value = out.strip().splitlines()
    assert kind == "function function"
    assert float(value) == 0 + 1 + 4 + 5  # the 2x2 window ends at its centre (1, 1)


@pytest.mark.skipif(JIT_DISABLED, reason="measures the compiled kernels")
def test_numba_cache_dir_is_respected(tmp_path):
    run_python(
        """
        import numpy as np
        import scratch.ndimage as snd
        snd.correlate1d(np.ones((4, 5)), [1.0, 2.0, 1.0])
        """,
        NUMBA_CACHE_DIR=tmp_path,
    )
    cached = [p.name for p in tmp_path.rglob("*.nbi")]
    assert any("_correlate1d_lines" in name for name in cached), cached
