"""Shared test configuration: the Hypothesis profile and the comparison helpers.

Every expected value in this suite comes from the reference library (scikit-image, SciPy),
never from scratch itself.  The helpers below encode DESIGN.md's "what agrees means":

* :func:`assert_agrees` — float images: ``rtol=1e-7, atol=1e-9`` for float64 work, and the
  same dtype and shape; integer/bool outputs: exactly equal.
* :func:`assert_same_error` — bad input raises the reference's exception class.
"""

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

# --- Hypothesis -------------------------------------------------------------------------
# deadline=None: the first call of a kernel compiles it.  Under CI, derandomize so that a red
# run can be reproduced exactly.
settings.register_profile(
    "scratch",
    deadline=None,
    max_examples=40,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
)
settings.register_profile(
    "fast",  # the NUMBA_DISABLE_JIT / NUMBA_BOUNDSCHECK subsets: few examples
    parent=settings.get_profile("scratch"),
    max_examples=5,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "scratch"))

JIT_DISABLED = os.environ.get("NUMBA_DISABLE_JIT", "0") not in ("", "0")


@pytest.fixture(autouse=True)
def _threaded_kernels_in_parallel_tests(request):
    """The ``test_*parallel*`` tests prove a parallel kernel equals its serial twin: there the
    kernel must run threaded, although scratch would run such small inputs serially."""
    if "parallel" not in request.node.originalname:
        yield
        return
    from scratch._jit import force_threads

    with force_threads(2):
        yield

# dtypes the suite sweeps
INT_DTYPES = (np.uint8, np.uint16, np.int32, np.int64)
FLOAT_DTYPES = (np.float32, np.float64)
ALL_DTYPES = (np.bool_, *INT_DTYPES, *FLOAT_DTYPES)


def assert_agrees(ours, ref, rtol=None, atol=None, check_dtype=True):
    """Assert that ``ours`` agrees with the reference result ``ref`` (DESIGN.md contract).

    Same shape and (by default) dtype; exactly equal for bool/integer results; for floats
    ``rtol=1e-7, atol=1e-9`` (float64) or ``rtol=1e-5, atol=1e-6`` (float32, whose rounding
    of an intermediate may differ by one unit in the last place) unless stated otherwise.
    """
    ours = np.asarray(ours)
    ref = np.asarray(ref)
    assert ours.shape == ref.shape, f"shape {ours.shape} != reference {ref.shape}"
    if check_dtype:
        assert ours.dtype == ref.dtype, f"dtype {ours.dtype} != reference {ref.dtype}"
    if ref.dtype.kind in "biu" and ours.dtype.kind in "biu":
        np.testing.assert_array_equal(ours, ref)
        return
    if rtol is None:
        rtol = 1e-5 if ref.dtype == np.float32 else 1e-7
    if atol is None:
        atol = 1e-6 if ref.dtype == np.float32 else 1e-9
    np.testing.assert_allclose(ours, ref, rtol=rtol, atol=atol, equal_nan=True)


def assert_same_error(ours, ref, *args, **kwargs):
    """Call ``ref`` and ``ours`` with the same arguments: both must raise the same class.

    Returns the exception scratch raised so a test can check its message too.
    """
    with pytest.raises(Exception) as ref_info:
        ref(*args, **kwargs)
    with pytest.raises(Exception) as our_info:
        ours(*args, **kwargs)
    ref_cls = type(ref_info.value)
    assert isinstance(our_info.value, ref_cls), (
        f"scratch raised {type(our_info.value).__name__}({our_info.value}) "
        f"where the reference raised {ref_cls.__name__}({ref_info.value})"
    )
    return our_info.value


def unchanged_copy(*arrays):
    """Copies of the inputs, to assert afterwards that a function did not modify them."""
    return [np.array(a, copy=True) for a in arrays]


@pytest.fixture(scope="session")
def rng():
    return np.random.default_rng(20261125)
