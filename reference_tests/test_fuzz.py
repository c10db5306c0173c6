"""Fuzzing every public function against its reference (issue 15, the last bar).

For every name in :func:`scratch.verify.names` Hypothesis draws a call and
:mod:`scratch.verify`'s engine runs it on the reference and on scratch
(:func:`~scratch.verify._engine.call_once`, the verdict by
:func:`~scratch.verify._engine.judge` with the spec's own comparator).  A drawn call is one of the
spec's own quick cases (its other arguments and keywords) with the first argument replaced by a
drawn array:

* **dtypes** bool, uint8, uint16, uint32, uint64, int8, int16, int32, int64, float16, float32,
  float64, and every multi-byte one also big-endian;
* **layouts** C, Fortran, negative strides, read-only, a broadcast view (zero strides,
  read-only) and a strided slice;
* **values** the dtype's usual range, a few small values, a constant, the dtype's special
  values only (NaN, ±inf, ±max, ±subnormal, ±0, the integer extremes), a random image with
  special values sprinkled in, the full range of the dtype, subnormals only;
* **shapes** the case's own shape (so that its other arrays still fit), 0-d, empty ((0,),
  (0, 5), (5, 0)), 1×1, 1×N, N×1, tiny 2-D, 1-D and 3-D;
* **bad parameters** one keyword of the signature set to -1, 0, 2.5, NaN, ±inf, a string, an
  empty tuple or True.

The footprints (``disk``, ``ball``, ...) and ``generate_binary_structure`` take integers, not
arrays: their positional arguments are drawn from small integers and the bad values.

Each call must give the reference's result (by the spec's comparator) or the reference's
exception class (ValueError/TypeError where the reference fails with an internal error:
IndexError, ZeroDivisionError, ...), must never raise IndexError itself (under CI's
``NUMBA_BOUNDSCHECK=1`` pass that is an out-of-bounds access in a kernel) and must leave its
input arrays unmodified.  A drawn array is a recipe (:class:`FuzzInput`); a failing example
prints it, and ``fuzz_array(**params)`` rebuilds it.

Where the reference cannot be called
------------------------------------
The reference is never called on inputs where it crashes, hangs or eats the machine's memory.
Where it *dies* (crash or endless loop), scratch must raise ValueError or TypeError; where it is
merely too expensive, the input is made cheaper before either is called:

* ``threshold_multiotsu`` with ``classes`` other than an integer >= 2: ``classes=1`` is a
  SIGBUS/SIGSEGV in the reference's ``_get_multiotsu_thresh_indices``; scratch must raise.
* ``threshold_li`` with ``tolerance < 0``: the reference's iteration never ends; scratch
  must raise.  On float16 images the reference's iteration can cycle forever (its default
  tolerance is below float16's resolution at the threshold): float16 images are not drawn
  for ``threshold_li``.
* ``watershed`` with a bad ``offset``: the reference reads outside its padded image (a crash
  or garbage); scratch must raise.
* Integer images in the histogram-based functions (the thresholds but ``mean``/``li``/``local``,
  ``histogram``, ``cumulative_distribution``, ``equalize_hist``): one bin per integer value, so
  an int32/int64 image spanning 2**32 values asks both for 2**32 bins (32 GB).  Such images are
  folded into a narrower range (``values % cap``) unless they span more than
  ``MAX_INTEGER_BINS`` values (int64/uint64 extremes), where both libraries raise at once.
  The cap is 2**20 values, 2**8 for ``threshold_minimum`` (its smoothing loop runs in Python
  over every bin up to 10000 times) and 2**10 for ``threshold_multiotsu`` (its look-up table
  has bins² entries).
* Label images (``regionprops_table``, ``remove_small_objects``, ``remove_small_holes``,
  ``label``): the reference allocates a list or a count per label up to the largest label, so
  their values are folded into 0 .. 2**12.
* ``equalize_adapthist`` on integer images spanning more than 2**16 values: the reference
  rescales to uint16 bins; ranges are folded to 2**16.

Where the reference is wrong, the input is handed to it in a form it gets right:

* Grey morphology and ``peak_local_max``: SciPy's minimum/maximum filters compare in double,
  so int64/uint64 values beyond 2**53 come back rounded (2**64 - 1 becomes 0); such images
  are folded into ±2**53 (the ``erosion-int64-ignore`` family of quirks).  A border value
  (``cval``, ``mode``) of an int64/uint64 image cannot be folded: those cases are the
  deliberate differences of :data:`DELIBERATE` (scratch keeps the 64-bit values; the
  reference gives 0 for 2**64 - 1, -2**63 for 2**63 - 1).
* Broadcast views (zero strides): SciPy's filters read them wrongly at the border
  (``sobel(np.broadcast_to(np.float32(0.3), (7, 1)))[0, 0]`` is 0.21, not 0); the reference
  gets a contiguous copy of the same values.
* Compact ``watershed`` (``compactness > 0``) of a Fortran-ordered image: the reference
  pads it (still Fortran-ordered), ravels it in C order and reads coordinates with the
  Fortran strides, so its labels are wrong (1589 of 2304 pixels on a 48×48 image,
  ``reference_tests/test_watershed.py::test_compact_fortran_order_reference_bug``); the
  reference gets a C-ordered copy.
* Big-endian input that the reference refuses with a byte-order error (``scipy.ndimage.label``'s
  Cython, skimage's integer conversions): the reference gets the native-order copy.
* ``distance_transform_edt`` with a negative ``sampling`` (the ``edt-negative-sampling``
  quirk): the reference gets ``|sampling|``.
* ``equalize_adapthist`` on 4-D images is a deliberate gap of scratch (NotImplementedError,
  listed by the verify catalogue): not drawn.
* ``KDTree.query``: which of two equidistant points is returned is not defined: the
  distances are compared.  With ``eps > 0`` the neighbours are approximate and which ones is
  not defined either (it follows the tree's traversal): each distance must be within
  ``(1 + eps)`` of the reference's (the reference's i-th distance is at least the true one).

The reference's documented quirks (:data:`scratch.verify.KNOWN`) are not re-tested here: the
cases marked ``known`` are not used as templates, and NaN images are not drawn for
``watershed`` (the ``watershed-nan`` quirk: the reference's flooding order is undefined).
"""

import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

import scratch.verify as verify
from scratch.exposure._histogram import MAX_INTEGER_BINS
from scratch.verify import Input
from scratch.verify._core import Case
from scratch.verify._engine import _Context, call_once, judge

FAST = os.environ.get("HYPOTHESIS_PROFILE") == "fast"
#: the same examples on every run (a fuzz that finds a new difference on every run would turn
#: everyone's suite red at random); FUZZ_RANDOM=1 explores new ones
DERANDOMIZE = os.environ.get("FUZZ_RANDOM", "0") in ("", "0")
EXAMPLES = 4 if FAST else 15
REFERENCE_TIMEOUT = 60  # seconds; an overrun means a new exclusion is needed (see above)

NAMES = verify.names()

# --- the arrays -------------------------------------------------------------------------------

DTYPES = ("bool", "uint8", "uint16", "uint32", "uint64", "int8", "int16", "int32", "int64",
          "float16", "float32", "float64")
LAYOUTS = ("C", "F", "reversed", "readonly", "broadcast", "strided")
VALUES = ("random", "small", "constant", "specials", "sprinkled", "full range", "subnormal")
SHAPES = ((), (0,), (0, 5), (5, 0), (1, 1), (1, 7), (7, 1), (3, 4), (5, 6), (9,), (2, 3, 4))


def special_values(dtype):
    """The values of a dtype where arithmetic goes wrong: NaN, ±inf, ±max, subnormals, extremes."""
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return np.array([False, True])
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return np.array([info.min, info.min + 1, 0, 1, info.max - 1, info.max], dtype=dtype)
    info = np.finfo(dtype)
    return np.array([np.nan, np.inf, -np.inf, info.max, -info.max, info.smallest_subnormal,
                     -info.smallest_subnormal, info.tiny, 0.0, -0.0, 1.0, -1.0, info.eps],
                    dtype=dtype)


def _values(kind, shape, dtype, rng):
    dtype = np.dtype(dtype)
    size = math.prod(shape)
    specials = special_values(dtype)
    if dtype.kind == "b":
        return rng.random(shape) < (0.5 if kind != "small" else 0.1)
    if kind == "constant":
        return np.full(shape, specials[rng.integers(len(specials))], dtype=dtype)
    if kind == "specials":
        return specials[rng.integers(len(specials), size=shape)]
    if kind == "small":
        if dtype.kind == "f":
            return np.array([0.0, 0.25, 0.5, 1.0], dtype=dtype)[rng.integers(4, size=shape)]
        return rng.integers(0, 4, size=shape).astype(dtype)
    if kind == "full range":
        if dtype.kind == "f":
            return ((rng.random(shape) - 0.5) * np.finfo(dtype).max).astype(dtype)
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=dtype)
    if kind == "subnormal" and dtype.kind == "f":
        steps = rng.integers(0, 64, size=shape) - 16
        return (steps * np.finfo(dtype).smallest_subnormal).astype(dtype)
    # "random" (and "sprinkled", "subnormal" of an integer dtype): the dtype's usual range
    if dtype.kind == "f":
        out = rng.random(shape).astype(dtype)
    else:
        info = np.iinfo(dtype)
        low = info.min if dtype.itemsize <= 2 or dtype.kind == "u" else -1000
        high = info.max if dtype.itemsize <= 2 else 1000
        out = rng.integers(low, high, size=shape, endpoint=True).astype(dtype)
    if kind == "sprinkled" and size:
        hit = rng.random(shape) < 0.15
        out[hit] = specials[rng.integers(len(specials), size=int(hit.sum()))]
    return out


def _fold(a, cap, keep_huge):
    """Fold an integer image into ``cap`` values (see the module docstring: memory)."""
    if a.dtype.kind not in "iu" or a.size == 0:
        return a
    lo, hi = int(a.min()), int(a.max())
    if keep_huge and hi - lo + 1 > MAX_INTEGER_BINS:
        return a  # both libraries refuse at once
    if -cap <= lo and hi <= cap:  # (the reference bins from 0 up when no value is negative)
        return a
    return (a % a.dtype.type(cap)).astype(a.dtype)


def fuzz_array(shape, dtype, values, layout="C", byteorder="=", seed=0, cap=None, keep_huge=True):
    """The array a :class:`FuzzInput` describes (deterministic: the same recipe, the same bits)."""
    rng = np.random.default_rng(seed)
    shape = tuple(shape)
    if layout == "broadcast":  # a read-only view whose first axis has stride 0
        base_shape = (1,) + shape[1:] if shape else ()
    elif layout == "strided":
        base_shape = (2 * shape[0],) + shape[1:] if shape else ()
    else:
        base_shape = shape
    a = _values(values, base_shape, dtype, rng)
    if cap is not None:
        a = _fold(a, cap, keep_huge)
    a = np.asarray(a, dtype=dtype)
    if byteorder != "=" and a.dtype.itemsize > 1:
        a = a.astype(a.dtype.newbyteorder(byteorder))
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "reversed" and a.ndim:
        flipped = np.ascontiguousarray(a[(slice(None, None, -1),) * a.ndim])
        return flipped[(slice(None, None, -1),) * a.ndim]
    if layout == "readonly":
        a = np.array(a)
        a.flags.writeable = False
        return a
    if layout == "broadcast":
        return np.broadcast_to(a, shape)
    if layout == "strided" and a.ndim:
        return a[::2]
    return a


class FuzzInput(Input):
    """A drawn array as a recipe: ``build()`` gives a fresh array, ``code()`` rebuilds it."""

    __slots__ = ()

    def __init__(self, **params):
        super().__init__("fuzz", **params)

    def build(self):
        return fuzz_array(**self.params)

    def code(self):
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"fuzz_array({args})"

    def describe(self):
        p = self.params
        return (f"{'×'.join(map(str, p['shape'])) or '0-d'} {p['dtype']}{p['byteorder']} "
                f"{p['values']} values, {p['layout']} layout")


# --- what may not be handed to the reference --------------------------------------------------

HISTOGRAM_FUNCTIONS = {"threshold_otsu", "threshold_isodata", "threshold_triangle", "threshold_yen",
                       "threshold_minimum", "threshold_multiotsu", "histogram",
                       "cumulative_distribution", "equalize_hist"}
LABEL_FUNCTIONS = {"regionprops_table", "remove_small_objects", "remove_small_holes", "label"}
#: SciPy's minimum/maximum filters compare in double: 64-bit integers beyond 2**53 round
RANK_FILTER_FUNCTIONS = {"erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat",
                         "peak_local_max"}


def fold_cap(name):
    """``(cap, keep_huge)`` for the first argument of ``name`` (module docstring: memory)."""
    if name == "threshold_minimum":
        return 2 ** 8, True
    if name == "threshold_multiotsu":
        return 2 ** 10, True
    if name in HISTOGRAM_FUNCTIONS:
        return 2 ** 20, True
    if name == "equalize_adapthist":
        return 2 ** 16, True
    if name in LABEL_FUNCTIONS:
        return 2 ** 12, False
    if name in RANK_FILTER_FUNCTIONS:
        return 2 ** 53, False
    return None, True


def _is_int(value):
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def reference_dies(name, args, kwargs):
    """Why the reference cannot be called here (it crashes or never returns), or ''."""
    if name == "threshold_multiotsu":
        classes = kwargs.get("classes", args[1] if len(args) > 1 else 3)
        if not _is_int(classes) or classes < 2:
            return "multiotsu classes < 2 or not an integer: the reference segfaults"
    if name == "threshold_li":
        tolerance = kwargs.get("tolerance", args[1] if len(args) > 1 else None)
        if tolerance is not None and isinstance(tolerance, (int, float)) and tolerance < 0:
            return "li tolerance < 0: the reference never returns"
    if name == "watershed" and "offset" in kwargs and kwargs["offset"] is not None:
        return "watershed with a bad offset: the reference reads outside its padding"
    return ""


# --- drawing a call ---------------------------------------------------------------------------

BAD_VALUES = (-1, 0, 2.5, float("nan"), float("inf"), -float("inf"), "bogus", (), True)
#: keywords never set to a bad value: outputs (a wrong out= is tested by the tables), callbacks
NOT_FUZZED = {"output", "out", "distances", "indices", "iter_callback", "extra_properties",
              "workers", "kwargs", "self"}


def _parameters(spec):
    """The reference's parameters (a builtin without a signature: none are fuzzed)."""
    import inspect

    function = spec.reference_function()
    if spec.signature_of is not None:
        function = spec.signature_of(function)
    try:
        return list(inspect.signature(function).parameters.values())
    except (TypeError, ValueError):
        return []


def _templates(spec):
    return [c for c in spec.cases("quick") if not c.known]


_TEMPLATE_CACHE = {}


def templates(name):
    if name not in _TEMPLATE_CACHE:
        spec = verify.resolve(name)
        _TEMPLATE_CACHE[name] = (spec, _templates(spec), _parameters(spec))
    return _TEMPLATE_CACHE[name]


def _shape_of(value):
    if isinstance(value, Input):
        return value.build().shape
    return np.shape(value)


@st.composite
def calls(draw, name):
    """A Case for ``name``: a template case of its table with a drawn first argument."""
    spec, cases, parameters = templates(name)
    template = draw(st.sampled_from(cases))
    args, kwargs = list(template.args), dict(template.kwargs)
    if args and isinstance(args[0], Input):
        dtype = draw(st.sampled_from(DTYPES))
        if name == "threshold_li" and dtype == "float16":
            dtype = "float32"  # (the reference can cycle forever: see the module docstring)
        byteorder = ">" if np.dtype(dtype).itemsize > 1 and draw(st.booleans()) else "="
        shape = draw(st.one_of(st.just(tuple(_shape_of(args[0]))), st.sampled_from(SHAPES)))
        if name == "equalize_adapthist" and len(shape) > 3:
            shape = shape[:3]  # (4-D CLAHE: a deliberate gap, see the module docstring)
        values = draw(st.sampled_from(VALUES))
        if name == "watershed" and np.dtype(dtype).kind == "f" and values in ("specials", "sprinkled", "constant"):
            values = "full range"  # (no NaN: the watershed-nan quirk)
        cap, keep_huge = fold_cap(name)
        args[0] = FuzzInput(shape=shape, dtype=dtype, values=values,
                            layout=draw(st.sampled_from(LAYOUTS)), byteorder=byteorder,
                            seed=draw(st.integers(0, 2 ** 16)), cap=cap, keep_huge=keep_huge)
    else:  # footprints, generate_binary_structure: small integers and bad values
        small = st.integers(-2, 7)
        for i, value in enumerate(args):
            if isinstance(value, tuple):
                args[i] = tuple(draw(st.lists(small, min_size=0, max_size=4)))
            else:
                args[i] = draw(st.one_of(small, st.sampled_from(BAD_VALUES)))
    positional = {p.name for p in parameters[:len(args)]}
    fuzzable = [p.name for p in parameters if p.name not in positional and p.name not in NOT_FUZZED
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if fuzzable and draw(st.integers(0, 4)) == 0:  # one bad parameter in five calls
        kwargs[draw(st.sampled_from(fuzzable))] = draw(st.sampled_from(BAD_VALUES))
    return Case("fuzz", f"fuzz of {template.label}", tuple(args), kwargs, compare=template.compare,
                radius=template.radius, writable=template.writable)


# --- the test ---------------------------------------------------------------------------------


def _with_first(case, **changes):
    """The case with its first array rebuilt with other recipe parameters."""
    first = case.args[0]
    args = (FuzzInput(**{**first.params, **changes}),) + tuple(case.args[1:])
    return Case(case.layer, case.label, args, case.kwargs, case.compare, case.radius,
                writable=case.writable)


class _Contiguous(FuzzInput):
    """A broadcast view's values as a C-contiguous copy (for the reference: see above)."""

    __slots__ = ()

    def build(self):
        return np.array(fuzz_array(**self.params), order="C")  # (0-d stays 0-d)


def _distances_only(ref, out, context):
    """KDTree.query on data with ties: which of two equidistant points is returned is not
    defined; the distances are."""
    from scratch.verify._compare import close, scalar

    compare = scalar() if np.ndim(ref[0]) == 0 else close()
    return compare(ref[0], out[0], context)


def _approximate_neighbours(eps):
    """KDTree.query with ``eps > 0``: the answer is any set of neighbours whose i-th distance is
    within ``(1 + eps)`` of the true i-th nearest one; which set is not defined (it depends on
    the tree's traversal).  The reference's own i-th distance is at least the true one, so a
    correct answer's i-th distance is at most ``(1 + eps)`` times the reference's."""
    from scratch.verify._compare import PASS, Verdict

    def compare(ref, out, context):
        rd, od = np.asarray(ref[0], dtype=float), np.asarray(out[0], dtype=float)
        if rd.shape != od.shape or np.shape(ref[1]) != np.shape(out[1]):
            return Verdict(False, "approximate neighbours: another shape",
                           f"reference {rd.shape}, yours {od.shape}", outcome="fail")
        if math.isinf(eps):
            return PASS
        bound = rd * (1 + eps)
        bad = ~((od <= bound) | (np.isnan(od) & np.isnan(rd)) | (np.isinf(od) & np.isinf(rd)))
        if bad.any():
            return Verdict(False, "approximate neighbours: a distance beyond (1 + eps) x the reference's",
                           f"{int(bad.sum())} of {bad.size} distances", outcome="fail")
        return PASS

    return compare


def reference_call(spec, case):
    """The reference's ``(kind, payload)`` for a case, with the documented detours."""
    name = spec.name
    if name == "distance_transform_edt" and "sampling" in case.kwargs:
        # the edt-negative-sampling quirk: the reference's answer for |sampling| is the right one
        sampling = case.kwargs["sampling"]
        if isinstance(sampling, (int, float)) and not isinstance(sampling, bool) and sampling < 0:
            case = Case(case.layer, case.label, case.args, {**case.kwargs, "sampling": -sampling},
                        case.compare, case.radius, writable=case.writable)
    first = case.args[0] if case.args else None
    compact_fortran = name == "watershed" and case.kwargs.get("compactness", 0) not in (0, 0.0) and \
        isinstance(first, FuzzInput) and first.params["layout"] == "F"
    if isinstance(first, FuzzInput) and not isinstance(first, _Contiguous) and \
            (first.params["layout"] == "broadcast" or compact_fortran):
        case = Case(case.layer, case.label, (_Contiguous(**first.params),) + tuple(case.args[1:]),
                    case.kwargs, case.compare, case.radius, writable=case.writable)
    kind, payload, _, _ = call_once(spec, spec.reference_function(), case, timeout=REFERENCE_TIMEOUT)
    assert kind != "timeout", f"the reference's {name} does not return: add an exclusion"
    first = case.args[0] if case.args else None
    if (kind == "raised" and isinstance(first, FuzzInput) and first.params["byteorder"] != "="
            and any(word in payload[1] for word in ("byte order", "Big-endian"))):
        # the reference refuses a big-endian buffer (scipy.ndimage.label's Cython, skimage's
        # integer conversions: the big-endian-ufunc-typeerror quirk); a big-endian image is an
        # ordinary image, so the answer is the reference's on the native-order copy
        return reference_call(spec, _with_first(case, byteorder="="))
    return kind, payload[:2] if kind == "raised" else payload


# --- open findings ---------------------------------------------------------------------------
# Differences the fuzz found that are not fixed yet, each as narrow as the inputs that show it.
# A case matching one is not failed (its verdict is noted); the rest of the example space is.
# Remove an entry once its bug is fixed.

def _kw(case, key, kinds):
    return key in case.kwargs and isinstance(case.kwargs[key], kinds) and \
        not isinstance(case.kwargs[key], bool)


def _first(case, key):
    first = case.args[0] if case.args else None
    return first.params.get(key) if isinstance(first, FuzzInput) else None


GREY = {"erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat"}
BINARY = {"binary_erosion", "binary_dilation", "binary_opening", "binary_closing"}

OPEN = [
]


def open_finding(name, case):
    return next((why for why, applies in OPEN if applies(name, case)), "")


# --- deliberate differences ------------------------------------------------------------------
# Where scratch gives the right answer and the reference a wrong one that the fuzz cannot
# route around by handing the reference a friendlier input.  A case matching one is not failed
# (its verdict is noted).  Each entry names the difference and why scratch does not follow.

DELIBERATE = [
    # SciPy's grey_erosion/grey_dilation run separable minimum/maximum passes whose
    # intermediate lines go through double: a border value beyond 2**53 (mode='constant' with
    # cval=-1, which wraps to 2**64 - 1) becomes 2**64 as a double and is stored back as 0, so dilation(uint64, mode='constant', cval=-1) is all 0
    # where the right answer (scratch's) is 2**64 - 1 everywhere.  int64 likewise: mode='max'
    # pads with 2**63 - 1, a double 2**63, stored as -2**63 (erosion(np.arange(12).reshape(3, 4),
    # mode='max') is -2**63 on the border in the reference).  The values are folded
    # into +-2**53 (module docstring), but the border value is not the image's to fold.  A
    # negative cval (wrapped beyond 2**53) gives the off-by-one border of the same rounding,
    # and a NaN cval an answer that depends on the order of SciPy's comparisons with NaN.
    ("grey morphology of int64/uint64 images with mode/cval: the reference's passes go through "
     "double (2**64 - 1 rounds to 2**64 and is stored as 0, 2**63 - 1 as -2**63; a NaN cval "
     "depends on the order of its comparisons); scratch keeps the 64-bit values",
     lambda n, c: n in GREY and _first(c, "dtype") in ("uint64", "int64") and ("cval" in c.kwargs or "mode" in c.kwargs)),
]


def deliberate_difference(name, case):
    return next((why for why, applies in DELIBERATE if applies(name, case)), "")


def check_call(name, case):
    """Run one case on the reference and on scratch and assert the fuzz contract."""
    spec = verify.resolve(name)
    note(f"{name}: args={[getattr(a, 'code', lambda: repr(a))() for a in case.args]} "
         f"kwargs={case.kwargs!r}")
    got = call_once(spec, spec.scratch_function(), case)
    kind, payload, modified, _ = got
    assert not modified, f"scratch's {name} modified its input"
    why = reference_dies(name, case.args, case.kwargs)
    if why:
        assert kind == "raised" and issubclass(payload[0], (ValueError, TypeError)), (
            f"{why}; scratch must raise ValueError/TypeError, got {kind} {payload!r:.200}")
        return
    ref = reference_call(spec, case)
    if kind == "raised" and issubclass(payload[0], IndexError) and \
            not issubclass(payload[0], np.exceptions.AxisError):
        # an IndexError is an out-of-bounds access (NUMBA_BOUNDSCHECK=1 says "index is out of
        # bounds"), unless it is the reference's own IndexError for the same bad argument
        assert ref[0] == "raised" and issubclass(ref[1][0], IndexError) and \
            "index is out of bounds" not in payload[1], (
                f"scratch's {name} raised IndexError (an out-of-bounds access?):\n{payload[2]}")
    if name == "KDTree.query" and ref[0] == "value":
        eps = case.kwargs.get("eps", 0)
        approximate = isinstance(eps, (int, float)) and not isinstance(eps, bool) and eps > 0
        case.compare = _approximate_neighbours(eps) if approximate else _distances_only
    result = judge(spec, case, ref, got, _Context(case))
    if result.failed and deliberate_difference(name, case):
        note(f"deliberate difference: {deliberate_difference(name, case)} ({result.cause})")
        return
    if result.failed and open_finding(name, case):
        note(f"open finding: {open_finding(name, case)} ({result.cause})")
        return
    assert not result.failed, f"{name}: {result.cause}\n{result.detail}\n{result.stats.get('traceback', '')}"


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=EXAMPLES, derandomize=DERANDOMIZE, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                        HealthCheck.filter_too_much])
@given(data=st.data())
def test_fuzz(name, data):
    check_call(name, data.draw(calls(name), label="call"))
