"""Case tables of chapter 04, morphology: skimage.morphology's footprints, grey and binary
morphology, and the clean-up of masks.

* **Footprints** (``disk``, ``diamond``, ``octagon``, ``star``, ``ellipse``, ``ball``,
  ``octahedron``, ``footprint_rectangle`` and the deprecated ``square``/``rectangle``/``cube``)
  take sizes, not images: each spec lists its parameter cases (sizes, ``dtype``,
  ``strict_radius``, every ``decomposition``) and the bad sizes.  A footprint is compared
  exactly (values, shape, dtype); a decomposition (a tuple of ``(footprint, count)`` pairs) by
  :func:`_footprints_equal`: the same number of pairs, each footprint exactly equal, each
  count equal and of the reference's type (``np.uint8`` for disk/ball's table, ``int`` else).
* **Grey morphology** (``erosion`` ... ``black_tophat``): every dtype the reference takes,
  1-D to 4-D, every ``mode`` of 0.26 ('reflect', 'constant', 'nearest', 'mirror', 'wrap',
  'max', 'min', 'ignore'), footprints of every kind (disks, boxes, even and asymmetric ones, an
  off-centre point, lines, sequences), footprints larger than the image, ``cval`` conversion.
  Footprints are small literal arrays computed here with numpy (no reference involved).
* **Binary morphology** (deprecated in 0.26): bool masks (random, blobs, the horse), any
  non-zero as True, the modes 'ignore', 'max', 'min'.
* **remove_small_objects / remove_small_holes**: masks and label images, ``max_size`` and the
  deprecated ``min_size`` / ``area_threshold``, ``connectivity``, any number of axes.

Expected values are always the reference's: a case here is an input, never an answer.
"""

import numpy as np

from ._builders import ALL_DTYPES, image_spec, rand
from ._compare import PASS, Verdict, exact, scalar, type_name
from ._core import Case, Spec, register
from ._inputs import Input, case_seed

CHAPTER = "04 morphology"
SK = "skimage.morphology."
SC = "scratch.morphology."


# --- footprints as literal arrays (plain numpy, reference-free) -------------------------------
def _grid(radius, ndim):
    axes = np.meshgrid(*([np.arange(-radius, radius + 1)] * ndim), indexing="ij")
    return axes


def _disk(r):
    y, x = _grid(r, 2)
    return (y * y + x * x <= r * r).astype(np.uint8).tolist()


def _diamond(r):
    y, x = _grid(r, 2)
    return (abs(y) + abs(x) <= r).astype(np.uint8).tolist()


def _ball(r):
    z, y, x = _grid(r, 3)
    return (z * z + y * y + x * x <= r * r).astype(np.uint8).tolist()


def _octahedron(r):
    z, y, x = _grid(r, 3)
    return (abs(z) + abs(y) + abs(x) <= r).astype(np.uint8).tolist()


def _ones(*shape):
    return np.ones(shape, np.uint8).tolist()


def fp(values, dtype="uint8"):
    """A footprint as an Input recipe (its values are stored in the recipe and the snippet)."""
    return Input("array", values=values, dtype=dtype)


def seq(*pairs):
    """A footprint sequence ((footprint, count), ...) with each footprint a recipe."""
    return tuple((fp(v), n) for v, n in pairs)


FOOTPRINTS_2D = {
    "disk1": fp(_disk(1)),
    "disk2": fp(_disk(2)),
    "rect3x5": fp(_ones(3, 5)),
    "even2x4": fp(_ones(2, 4)),
    "even-asym": fp([[0, 1], [1, 1], [0, 0], [1, 0]]),
    "asymmetric": fp([[1, 0, 0], [0, 1, 1], [0, 0, 1]]),
    "off-centre": fp([[1, 0, 0], [0, 0, 0], [0, 0, 0]]),
    "line1x9": fp(_ones(1, 9)),
    "column7x1": fp(_ones(7, 1)),
    "diamond2-bool": fp(_diamond(2), "bool"),
    "float-weights": fp([[0.5, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 0.5]], "float64"),
    # disk(3, decomposition='sequence')-like and a separable 5x7 box, built here
    "seq-box-cross": seq((_ones(3, 3), 1), (_diamond(1), 2)),
    "seq-separable": seq((_ones(1, 7), 1), (_ones(5, 1), 1)),
    "seq-repeated": seq((_ones(3, 3), 2)),
}
FOOTPRINTS_3D = {
    "ball1": fp(_ball(1)),
    "box3x1x4": fp(_ones(3, 1, 4)),
    "octahedron2": fp(_octahedron(2)),
    "seq-3d": seq((_ones(3, 3, 1), 1), (_ones(1, 1, 3), 2)),
}


def _fp_shape(footprint):
    if isinstance(footprint, Input):
        p = footprint.params
        return tuple(p["shape"]) if "shape" in p else np.shape(p.get("values", ()))
    return np.shape(footprint)


def _fp_radius(footprint):
    """The reach of a footprint (of a sequence: the sum of its parts' reaches)."""
    if footprint is None:
        return 1
    if isinstance(footprint, tuple):
        return sum(_fp_radius(f) * max(int(n), 1) for f, n in footprint)
    shape = _fp_shape(footprint)
    return max(shape) // 2 if len(shape) else 0


def _radius(kwargs):
    return max(1, _fp_radius(kwargs.get("footprint")))


def _label(kwargs, names):
    """A short label for a grid entry: footprints by their name, the rest by value."""
    out = []
    for k, v in kwargs.items():
        if k == "footprint":
            out.append(f"footprint={names.get(id(v), '?')}")
        else:
            out.append(f"{k}={v!r}")
    return ", ".join(out) or "defaults"


_NAMES = {id(v): k for k, v in {**FOOTPRINTS_2D, **FOOTPRINTS_3D}.items()}


# --- the footprint functions ---------------------------------------------------------------
def _footprints_equal():
    """A footprint: exactly equal.  A decomposition (tuple of (footprint, count) pairs): the
    same number of pairs, each footprint exactly equal, each count equal and of the
    reference's type (``np.uint8`` where disk/ball read their table, ``int`` else)."""
    array = exact()
    count = scalar()

    def compare(ref, out, context=None):
        if not isinstance(ref, tuple):
            if isinstance(out, tuple):
                return Verdict(False, "returns a footprint sequence where the reference returns one array",
                               f"returned a tuple of {len(out)} elements", "fail")
            return array(ref, out, context)
        if not isinstance(out, (tuple, list)):
            return Verdict(False, f"returns {type_name(out)} where the reference returns a footprint sequence",
                           f"returned {type_name(out)}", "fail")
        if isinstance(out, list):
            return Verdict(False, "returns a list where the reference returns a tuple of (footprint, count)",
                           "the sequence is a list", "fail")
        if len(out) != len(ref):
            return Verdict(False, "the decomposition has another number of footprints",
                           f"{len(out)} (footprint, count) pairs where the reference has {len(ref)}", "fail")
        for i, (r, o) in enumerate(zip(ref, out)):
            if not isinstance(o, (tuple, list)) or len(o) != 2:
                return Verdict(False, "a sequence element is not a (footprint, count) pair",
                               f"element {i} is {type_name(o)}", "fail")
            verdict = array(r[0], o[0], None)
            if not verdict.ok:
                return Verdict(False, f"a footprint of the sequence: {verdict.cause}",
                               f"pair {i}: {verdict.detail}", verdict.outcome, verdict.stats, verdict.picture)
            verdict = count(r[1], o[1], None)
            if not verdict.ok:
                return Verdict(False, f"a repetition count of the sequence: {verdict.cause}",
                               f"pair {i}: {verdict.detail}", verdict.outcome, verdict.stats)
        return PASS

    compare.kind = "footprints"
    return compare


def _case_label(args, kwargs):
    text = ", ".join([repr(a) for a in args] + [f"{k}={v.__name__ if isinstance(v, type) else v!r}"
                                                for k, v in kwargs.items()])
    return text


def footprint_spec(name, *, values, dtypes, edges, bad, full_values=(), known=(), draw_args=None,
                   aliases=()):
    """Register the spec of a footprint function ``f(*sizes, **params)``.

    ``values``/``full_values``/``dtypes``/``edges``/``bad``: lists of (args, kwargs);
    ``known``: (args, kwargs, key) for the reference's documented quirks;
    ``draw_args(data) -> (args, kwargs)``: the Hypothesis part of ``full``.
    """

    def build(level, seed):
        cases = []
        a0, k0 = values[0]
        cases.append(Case("smoke", _case_label(a0, k0), tuple(a0), dict(k0)))
        entries = list(values) + (list(full_values) if level == "full" else [])
        for args, kwargs in entries:
            cases.append(Case("values", _case_label(args, kwargs), tuple(args), dict(kwargs)))
        for args, kwargs in dtypes:
            cases.append(Case("dtypes", _case_label(args, kwargs), tuple(args), dict(kwargs)))
        for args, kwargs in edges:
            cases.append(Case("edge cases", _case_label(args, kwargs), tuple(args), dict(kwargs)))
        for args, kwargs in bad:
            cases.append(Case("bad input", _case_label(args, kwargs), tuple(args), dict(kwargs)))
        for args, kwargs, key in known:
            cases.append(Case("edge cases", _case_label(args, kwargs), tuple(args), dict(kwargs), known=key))
        return cases

    def draw(data, seed):
        args, kwargs = draw_args(data)
        return Case("values", f"hypothesis {_case_label(args, kwargs)}", tuple(args), dict(kwargs))

    return register(Spec(name, SK + name, SC + name, _footprints_equal(), build,
                         draw=draw if draw_args else None, chapter=CHAPTER,
                         aliases=(f"skimage.morphology.footprints.{name}", *aliases)))


def _drawer(make):
    def draw_args(data):
        from hypothesis import strategies as st

        return make(data, st)
    return draw_args


def _draw_radius_footprint(top, decompositions, strict=False, dtype=True):
    def make(data, st):
        kwargs = {}
        r = data.draw(st.integers(0, top), label="radius")
        if strict and data.draw(st.booleans(), label="strict_radius"):
            kwargs["strict_radius"] = False
        d = data.draw(st.sampled_from((None, *decompositions)), label="decomposition")
        if d is not None:
            kwargs["decomposition"] = d
        if dtype and data.draw(st.booleans(), label="bool dtype"):
            kwargs["dtype"] = bool
        return (r,), kwargs
    return _drawer(make)


DTYPE_CASES = [{"dtype": bool}, {"dtype": np.float64}, {"dtype": np.int32}, {"dtype": "float32"}]

footprint_spec(
    "disk",
    values=[((r,), {}) for r in range(0, 9)]
    + [((r,), {"strict_radius": False}) for r in range(1, 7)]
    + [((r,), {"decomposition": "sequence"}) for r in (1, 2, 3, 5, 10, 31)]
    + [((r,), {"decomposition": "crosses"}) for r in (1, 2, 5, 12)]
    + [((r,), {"decomposition": "crosses", "strict_radius": False}) for r in (3, 7)],
    full_values=[((r,), {}) for r in (15, 24, 40)] + [((r,), {"decomposition": "sequence"}) for r in (50, 120, 250)]
    + [((r,), {"decomposition": "crosses"}) for r in (20, 33)],
    dtypes=[((3,), kw) for kw in DTYPE_CASES] + [((2,), {"dtype": bool, "decomposition": "sequence"})],
    edges=[((-1,), {}), ((1.5,), {}), ((2.5,), {}), ((np.int64(3),), {})],
    bad=[(("3",), {}), ((None,), {}), ((300,), {"decomposition": "sequence"})],
    known=[((3,), {"decomposition": "bad"}, "footprint-bad-decomposition")],
    draw_args=_draw_radius_footprint(30, ("sequence", "crosses"), strict=True))

footprint_spec(
    "diamond",
    values=[((r,), {}) for r in range(0, 7)] + [((r,), {"decomposition": "sequence"}) for r in (1, 2, 4, 7)],
    full_values=[((r,), {}) for r in (10, 20)] + [((r,), {"decomposition": "sequence"}) for r in (15, 30)],
    dtypes=[((2,), kw) for kw in DTYPE_CASES],
    edges=[((-1,), {}), ((2.5,), {})],
    bad=[((None,), {}), ((2,), {"decomposition": "crosses"}), ((2,), {"decomposition": "separable"})],
    draw_args=_draw_radius_footprint(20, ("sequence",)))


def _draw_octagon(data, st):
    m = data.draw(st.integers(0, 8), label="m")
    n = data.draw(st.integers(0 if m else 1, 8), label="n")
    kwargs = {"decomposition": "sequence"} if data.draw(st.booleans(), label="sequence") else {}
    return (m, n), kwargs


footprint_spec(
    "octagon",
    values=[((m, n), {}) for m in range(0, 6) for n in range(0, 5) if m or n]
    + [((m, n), {"decomposition": "sequence"}) for m, n in ((0, 3), (1, 1), (2, 2), (5, 2), (4, 7), (0, 5), (3, 0))],
    full_values=[((m, n), {}) for m, n in ((7, 7), (10, 3), (2, 9))]
    + [((m, n), {"decomposition": "sequence"}) for m, n in ((9, 9), (12, 5))],
    dtypes=[((2, 1), kw) for kw in DTYPE_CASES],
    edges=[((0, 1), {}), ((-1, 2), {})],
    bad=[((0, 0), {}), ((1.5, 2), {}), ((2, 1.5), {}), ((2, -1), {}), ((3, -2), {}),
         ((2, 2), {"decomposition": "separable"})],
    draw_args=_drawer(_draw_octagon))

footprint_spec(
    "star",
    values=[((a,), {}) for a in range(1, 8)],
    full_values=[((a,), {}) for a in (10, 15, 22)],
    dtypes=[((2,), kw) for kw in DTYPE_CASES],
    edges=[((0,), {})],
    bad=[((-1,), {}), ((1.5,), {}), ((None,), {})],
    draw_args=_drawer(lambda data, st: ((data.draw(st.integers(0, 20), label="a"),), {})))


def _draw_ellipse(data, st):
    w = data.draw(st.integers(0, 12), label="width")
    h = data.draw(st.integers(0, 12), label="height")
    kwargs = {"decomposition": "crosses"} if data.draw(st.booleans(), label="crosses") else {}
    return (w, h), kwargs


footprint_spec(
    "ellipse",
    values=[((w, h), {}) for w in range(0, 6) for h in range(0, 5) if (w + h) % 2 == 0 or w == h]
    + [((w, h), {"decomposition": "crosses"}) for w, h in ((5, 3), (2, 7), (9, 9), (1, 1))],
    full_values=[((w, h), {}) for w in range(0, 6) for h in range(0, 5) if (w + h) % 2 == 1]
    + [((w, h), {}) for w, h in ((12, 4), (20, 20))]
    + [((w, h), {"decomposition": "crosses"}) for w, h in ((15, 6), (4, 20))],
    dtypes=[((3, 2), kw) for kw in DTYPE_CASES],
    edges=[((0, 0), {}), ((0, 3), {})],
    bad=[((-1, 2), {}), ((3, -2), {}), ((2.5, 1), {}), ((2, 2), {"decomposition": "sequence"})],
    known=[((2, 2), {"decomposition": "bad"}, "footprint-bad-decomposition")],
    draw_args=_drawer(_draw_ellipse))

footprint_spec(
    "ball",
    values=[((r,), {}) for r in range(0, 5)] + [((r,), {"strict_radius": False}) for r in range(1, 5)]
    + [((r,), {"decomposition": "sequence"}) for r in (1, 2, 5, 22)],
    full_values=[((r,), {}) for r in (6, 9)] + [((r,), {"decomposition": "sequence"}) for r in (50, 100)],
    dtypes=[((2,), kw) for kw in DTYPE_CASES],
    edges=[((-1,), {}), ((2.5,), {})],
    bad=[((2,), {"decomposition": "crosses"}), ((None,), {}), ((101,), {"decomposition": "sequence"})],
    draw_args=_draw_radius_footprint(8, ("sequence",), strict=True))

footprint_spec(
    "octahedron",
    values=[((r,), {}) for r in (0, 1, 2, 3, 4, 1.5, 2.5)] + [((r,), {"decomposition": "sequence"}) for r in (1, 3, 5)],
    full_values=[((r,), {}) for r in (6, 9)] + [((r,), {"decomposition": "sequence"}) for r in (8, 12)],
    dtypes=[((2,), kw) for kw in DTYPE_CASES],
    edges=[((-1,), {})],
    bad=[((2,), {"decomposition": "bad"}), ((None,), {})],
    draw_args=_draw_radius_footprint(8, ("sequence",)))


def _draw_rectangle(data, st):
    nd = data.draw(st.integers(1, 3), label="ndim")
    shape = tuple(data.draw(st.integers(0, 9), label=f"size{i}") for i in range(nd))
    d = data.draw(st.sampled_from((None, "separable", "sequence")), label="decomposition")
    return (shape,), ({"decomposition": d} if d else {})


footprint_spec(
    "footprint_rectangle",
    values=[(((3, 5),), {}), (((4, 1, 2),), {}), (((1, 1),), {}), (((2, 2),), {}), (((7,),), {})]
    + [((shape,), {"decomposition": d}) for shape in ((9, 9), (3, 7), (5, 5, 11), (1, 5))
       for d in ("separable", "sequence")]
    + [(((4, 5),), {"decomposition": "sequence"})],  # even: falls back to separable (a warning)
    full_values=[((shape,), {"decomposition": d}) for shape in ((15, 15), (31, 9), (8, 8, 8))
                 for d in (None, "separable", "sequence")],
    dtypes=[(((2, 3),), kw) for kw in DTYPE_CASES],
    edges=[(((0, 3),), {}), (((),), {}), (((3, 3, 3, 3),), {}), (((0, 3),), {"decomposition": "separable"})],
    bad=[(((-1, 3),), {}), (((2.5, 3),), {}), ((3,), {}), (((3, 3),), {"decomposition": "crosses"})],
    draw_args=_drawer(_draw_rectangle))

_DEPRECATED_SIZES = {"decomposition": ("separable", "sequence")}
footprint_spec(
    "square",
    values=[((w,), {}) for w in range(1, 6)] + [((w,), {"decomposition": d}) for w in (3, 4, 7) for d in ("separable", "sequence")],
    dtypes=[((3,), kw) for kw in DTYPE_CASES],
    edges=[((0,), {})],
    bad=[((-1,), {}), ((2.5,), {}), ((3,), {"decomposition": "crosses"})],
    draw_args=_draw_radius_footprint(12, ("separable", "sequence")))

footprint_spec(
    "rectangle",
    values=[((r, c), {}) for r, c in ((2, 3), (3, 2), (1, 5), (4, 4))]
    + [((r, c), {"decomposition": d}) for r, c in ((3, 5), (4, 7)) for d in ("separable", "sequence")],
    dtypes=[((2, 3), kw) for kw in DTYPE_CASES],
    edges=[((0, 3), {})],
    bad=[((-1, 3), {}), ((2.5, 2), {})],
    draw_args=_drawer(lambda data, st: ((data.draw(st.integers(0, 9), label="nrows"),
                                         data.draw(st.integers(0, 9), label="ncols")), {})))

footprint_spec(
    "cube",
    values=[((w,), {}) for w in range(1, 5)] + [((w,), {"decomposition": d}) for w in (3, 5) for d in ("separable", "sequence")],
    dtypes=[((2,), kw) for kw in DTYPE_CASES],
    edges=[((0,), {})],
    bad=[((-1,), {}), ((2.5,), {})],
    draw_args=_draw_radius_footprint(8, ("separable", "sequence")))


# --- grey morphology -----------------------------------------------------------------------
GREY = ("erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat")
GREY_DTYPES = ("bool", "uint8", "uint16", "int8", "int32", "int64", "float32", "float64")
F2 = FOOTPRINTS_2D

GREY_GRID = (
    {},
    {"footprint": F2["disk2"]},
    {"footprint": F2["rect3x5"], "mode": "constant", "cval": 77},
    {"footprint": F2["even-asym"], "mode": "nearest"},
    {"footprint": F2["asymmetric"], "mode": "mirror"},
    {"footprint": F2["line1x9"], "mode": "wrap"},
    {"footprint": F2["disk1"], "mode": "max"},
    {"footprint": F2["off-centre"], "mode": "min"},
    {"footprint": F2["seq-box-cross"], "mode": "ignore"},
    {"footprint": F2["even2x4"], "mode": "reflect"},
    {"footprint": F2["seq-separable"], "mode": "constant", "cval": -1.5},
    {"footprint": F2["diamond2-bool"], "mode": "ignore"},
)
GREY_MODES = ("reflect", "constant", "nearest", "mirror", "wrap", "max", "min", "ignore")
GREY_FULL_GRID = GREY_GRID + tuple(
    {"footprint": F2[f], "mode": m, **({"cval": 3} if m == "constant" else {})}
    for m in GREY_MODES for f in ("disk2", "even2x4", "asymmetric", "column7x1", "seq-repeated", "float-weights"))


def _grey_bad():
    def image_with(dtype):
        return lambda img, sd: (Input("random", shape=(16, 16), dtype=dtype, seed=sd),)

    return [
        ("complex image", image_with("complex128"), {}),
        ("float16 image", image_with("float16"), {}),
        ("0-d image", lambda img, sd: (Input("constant", shape=(), dtype="float64", value=3),), {}),
        ("3-D footprint on a 2-D image", {"footprint": FOOTPRINTS_3D["ball1"]}),
        ("1-D footprint on a 2-D image", {"footprint": fp([1, 1, 1])}),
        ("all-zero footprint", {"footprint": fp([[0, 0, 0], [0, 0, 0], [0, 0, 0]])}),
        ("empty 0×3 footprint", {"footprint": Input("constant", shape=(0, 3), dtype="uint8", value=1)}),
        ("empty 1-D footprint on a 2-D image", {"footprint": fp([])}),
        ("a list footprint [[1, 1]]", {"footprint": [[1, 1]]}),
        ("mode='grid-wrap'", {"mode": "grid-wrap"}),
        ("mode='edge'", {"mode": "edge"}),
        ("cval='a'", {"mode": "constant", "cval": "a"}),
    ]


def _grey_extra(name):
    def extra(level, seed):
        s = lambda *p: case_seed(name, seed, *p)  # noqa: E731
        full = level == "full"
        cases = []
        vol = (12, 13, 14) if full else (7, 8, 9)
        for fname, f in FOOTPRINTS_3D.items():
            for mode in (("reflect", "constant", "wrap", "ignore") if full else ("reflect", "constant")):
                img = Input("random", shape=vol, dtype="uint8", seed=s("vol", fname))
                kw = {"mode": mode, **({"cval": 9} if mode == "constant" else {})}
                cases.append(Case("values", f"volume uint8 footprint={fname}, mode={mode!r}", (img, f), kw,
                                  radius=_fp_radius(f)))
        cases.append(Case("shapes", "1-D (25,)", (Input("random", shape=(25,), dtype="float64", seed=s("1d")),), {},
                          radius=1))
        cases.append(Case("shapes", "1-D (25,), footprint [1, 1, 0, 1]",
                          (Input("random", shape=(25,), dtype="uint8", seed=s("1d", "fp")), fp([1, 1, 0, 1])),
                          {"mode": "wrap"}, radius=2))
        cases.append(Case("shapes", "4-D 3×4×3×4", (Input("random", shape=(3, 4, 3, 4), dtype="uint8", seed=s("4d")),),
                          {}, radius=1))
        small = Input("random", shape=(5, 3), dtype="uint8", seed=s("small"))
        for fname, f in (("ones 9×11", fp(_ones(9, 11))), ("disk6", fp(_disk(6))), ("line 1×11", fp(_ones(1, 11))),
                         ("column 11×1", fp(_ones(11, 1)))):
            for mode in ("reflect", "mirror", "wrap", "nearest", "constant"):
                cases.append(Case("edge cases", f"footprint {fname} larger than a 5×3 image, mode={mode!r}",
                                  (small, f), {"mode": mode, "cval": 9}, radius=_fp_radius(f)))
        crop = Input("random", shape=(12, 14), dtype="uint8", seed=s("cval"))
        for cval in (-1, 300, 2.7, -0.5, 2**40, float("inf")):
            for fname in ("default", "rect3x5"):
                f = None if fname == "default" else F2[fname]
                cases.append(Case("edge cases", f"uint8, mode='constant', cval={cval!r}, footprint={fname}",
                                  (crop, f), {"mode": "constant", "cval": cval}, radius=_fp_radius(f)))
        nan_img = Input("special", shape=(14, 15), dtype="float64", value="nan", seed=s("nan"), fraction=0.05)
        for fname in ("rect3x5", "asymmetric"):
            cases.append(Case("edge cases", f"NaN image, cval=nan, footprint={fname}", (nan_img, F2[fname]),
                              {"mode": "constant", "cval": float("nan")}, radius=_fp_radius(F2[fname])))
        for n in (0, -1):
            f = seq((_ones(3, 3), n))
            cases.append(Case("edge cases", f"footprint sequence with count {n}", (crop, f), {}, radius=1))
        img64 = Input("random", shape=(16, 17), dtype="int64", seed=s("int64"))
        for mode in ("ignore", "max"):
            for fname in ("default", "disk1"):
                f = None if fname == "default" else F2[fname]
                cases.append(Case("edge cases", f"int64, mode={mode!r}, footprint={fname}", (img64, f),
                                  {"mode": mode}, radius=1, known="erosion-int64-ignore"))
        cases.append(Case("edge cases", "footprint 1×70 on a 5×3 image, mode='reflect'",
                          (small, fp(_ones(1, 70))), {}, radius=35, known="grey-reflect-long-footprint"))
        return cases

    return extra


def _draw_grey(data, seed):
    """Hypothesis: any shape (2-D or 3-D), dtype, mode and a random footprint of that ndim."""
    from hypothesis import strategies as st

    nd = data.draw(st.sampled_from((2, 3)), label="ndim")
    top = 32 if nd == 2 else 9
    shape = tuple(data.draw(st.integers(1, top), label=f"size{i}") for i in range(nd))
    dtype = data.draw(st.sampled_from(GREY_DTYPES), label="dtype")
    fshape = tuple(data.draw(st.integers(1, 5), label=f"footprint size{i}") for i in range(nd))
    bits = data.draw(st.lists(st.integers(0, 1), min_size=int(np.prod(fshape)), max_size=int(np.prod(fshape))),
                     label="footprint")
    values = np.array(bits, np.uint8).reshape(fshape)
    if not values.any():
        values[tuple(s // 2 for s in fshape)] = 1
    mode = data.draw(st.sampled_from(GREY_MODES), label="mode")
    kwargs = {"mode": mode}
    if mode == "constant":
        kwargs["cval"] = data.draw(st.sampled_from((0, 5, -1.5, 300)), label="cval")
    sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
    f = fp(values.tolist())
    label = f"hypothesis {'×'.join(map(str, shape))} {dtype} footprint {'×'.join(map(str, fshape))} " + \
        ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    # the dtype's known int64 quirk ('max'/'ignore' modes) is marked as such
    known = "erosion-int64-ignore" if dtype == "int64" and mode in ("max", "ignore") else None
    return Case("values", label, (rand(shape, dtype, sd), f), kwargs, radius=_fp_radius(f), known=known)



for _name in GREY:
    _spec = image_spec(
        _name, SK + _name, SC + _name, chapter=CHAPTER, dtypes=GREY_DTYPES, ndims=(1, 2, 3, 4),
        grid=GREY_GRID, full_grid=GREY_FULL_GRID, radius=_radius, compare=exact(),
        samples=("camera", "coins"), value_dtypes=("uint8", "float64"), bad=_grey_bad(),
        extra=_grey_extra(_name), aliases=(f"skimage.morphology.gray.{_name}",))
    _spec.draw = _draw_grey


# --- binary morphology ---------------------------------------------------------------------
BINARY = ("binary_erosion", "binary_dilation", "binary_opening", "binary_closing")
BINARY_MODES = ("ignore", "max", "min")


def _mask(shape, dtype, seed):
    """Masks: a blobs scene's mask for ``dtype="scene"``; else a random two-valued image of
    ``dtype`` (0 and a non-zero value: binary morphology takes any non-zero as True)."""
    if dtype == "scene":
        size = shape[0]
        return Input("blobs", shape=tuple(shape), n=max(2, size // 12), radius=max(2, size // 10), seed=seed,
                     part="mask")
    high = 1 if dtype == "bool" else (0.5 if dtype.startswith("float") else 7)
    return Input("two_valued", shape=tuple(shape), dtype=dtype, low=0, high=high, seed=seed)


BINARY_GRID = (
    {},
    {"footprint": F2["disk2"]},
    {"footprint": F2["rect3x5"], "mode": "max"},
    {"footprint": F2["even-asym"], "mode": "min"},
    {"footprint": F2["asymmetric"]},
    {"footprint": F2["off-centre"], "mode": "max"},
    {"footprint": F2["line1x9"], "mode": "min"},
    {"footprint": F2["even2x4"]},
    {"footprint": F2["seq-box-cross"], "mode": "max"},
    {"footprint": F2["seq-separable"]},
    {"footprint": fp([[0, 0, 0], [0, 0, 0], [0, 0, 0]])},  # all-zero: the reference accepts it here
)
BINARY_FULL_GRID = BINARY_GRID + tuple(
    {"footprint": F2[f], "mode": m} for m in BINARY_MODES
    for f in ("disk1", "column7x1", "diamond2-bool", "seq-repeated", "float-weights"))


def _binary_extra(name):
    def extra(level, seed):
        s = lambda *p: case_seed(name, seed, *p)  # noqa: E731
        full = level == "full"
        size = 128 if full else 48
        grid = BINARY_FULL_GRID if full else BINARY_GRID
        cases = []
        masks = [("horse", Input("sample", name="horse", crop=(size, size), offset=(160, 120))),
                 ("nuclei mask", Input("nuclei", shape=(size, size), n=4 if size < 100 else 12, seed=s("nuclei"),
                                       part="mask"))]
        for g in grid:
            for mname, m in masks:
                cases.append(Case("values", f"{mname} {_label(g, _NAMES)}", (m,), dict(g), radius=_radius(g)))
        vol = (12, 13, 14) if full else (7, 8, 9)
        for fname, f in FOOTPRINTS_3D.items():
            for mode in BINARY_MODES:
                img = Input("random", shape=vol, dtype="bool", seed=s("vol", fname))
                cases.append(Case("values", f"volume bool footprint={fname}, mode={mode!r}", (img, f), {"mode": mode},
                                  radius=_fp_radius(f)))
        cases.append(Case("shapes", "1-D (25,)", (Input("random", shape=(25,), dtype="bool", seed=s("1d")),), {},
                          radius=1))
        cases.append(Case("shapes", "4-D 3×4×3×4", (Input("random", shape=(3, 4, 3, 4), dtype="bool", seed=s("4d")),),
                          {}, radius=1))
        small = Input("random", shape=(5, 3), dtype="bool", seed=s("small"))
        for fname, f in (("ones 9×11", fp(_ones(9, 11))), ("line 1×70", fp(_ones(1, 70)))):
            for mode in BINARY_MODES:
                cases.append(Case("edge cases", f"footprint {fname} larger than a 5×3 mask, mode={mode!r}",
                                  (small, f), {"mode": mode}, radius=_fp_radius(f)))
        crop = Input("random", shape=(12, 14), dtype="bool", seed=s("seq"))
        for n in (0, -1, 3):
            cases.append(Case("edge cases", f"footprint sequence with count {n}", (crop, seq((_ones(3, 3), n))), {},
                              radius=1))
        return cases

    return extra


def _draw_binary(data, seed):
    from hypothesis import strategies as st

    nd = data.draw(st.sampled_from((2, 3)), label="ndim")
    top = 40 if nd == 2 else 10
    shape = tuple(data.draw(st.integers(1, top), label=f"size{i}") for i in range(nd))
    dtype = data.draw(st.sampled_from(ALL_DTYPES), label="dtype")
    fshape = tuple(data.draw(st.integers(1, 5), label=f"footprint size{i}") for i in range(nd))
    n = int(np.prod(fshape))
    bits = data.draw(st.lists(st.integers(0, 1), min_size=n, max_size=n), label="footprint")
    mode = data.draw(st.sampled_from(BINARY_MODES), label="mode")
    sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
    f = fp(np.array(bits, np.uint8).reshape(fshape).tolist())
    label = f"hypothesis {'×'.join(map(str, shape))} {dtype} footprint {'×'.join(map(str, fshape))} mode={mode!r}"
    return Case("values", label, (_mask(shape, dtype, sd), f), {"mode": mode}, radius=_fp_radius(f))


def _binary_bad():
    def image_with(dtype):
        return lambda img, sd: (Input("random", shape=(16, 16), dtype=dtype, seed=sd),)

    return [
        ("complex image", image_with("complex128"), {}),
        ("float16 image", image_with("float16"), {}),
        ("0-d image", lambda img, sd: (Input("constant", shape=(), dtype="bool", value=1),), {}),
        ("3-D footprint on a 2-D image", {"footprint": FOOTPRINTS_3D["ball1"]}),
        ("1-D footprint on a 2-D image", {"footprint": fp([1, 1, 1])}),
        ("a list footprint [[1, 1]]", {"footprint": [[1, 1]]}),
        ("grey mode='reflect'", {"mode": "reflect"}),
        ("grey mode='constant'", {"mode": "constant"}),
        ("cval= (grey only)", {"cval": 1}),
    ]


for _name in BINARY:
    _spec = image_spec(
        _name, SK + _name, SC + _name, chapter=CHAPTER, dtypes=ALL_DTYPES, ndims=(1, 2, 3, 4),
        grid=BINARY_GRID, full_grid=BINARY_FULL_GRID, radius=_radius, compare=exact(), image=_mask,
        smoke_dtype="bool", samples=(), bad=_binary_bad(), extra=_binary_extra(_name),
        aliases=(f"skimage.morphology.binary.{_name}",))
    _spec.draw = _draw_binary


# --- remove_small_objects / remove_small_holes ----------------------------------------------
def _objects(shape, dtype, seed):
    """bool: a random mask (many small components); integers: a label image (labels 0..6
    scattered, each label one 'object' whatever its connectivity); "scene": blobs' labels."""
    if dtype == "scene":
        size = shape[0]
        return Input("blobs", shape=tuple(shape), n=max(2, size // 12), radius=max(2, size // 10), seed=seed,
                     part="labels", dtype="int32")
    if dtype == "bool":
        return Input("random", shape=tuple(shape), dtype="bool", seed=seed)
    return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0, high=6)


OBJECT_DTYPES = ("bool", "uint8", "uint16", "int32", "int64")


class _NotGiven:
    """The one marker both signatures show for a deprecated parameter's "not given" default."""

    def __repr__(self):
        return "<DEPRECATED>"


_NOT_GIVEN = _NotGiven()


def _deprecated_defaults_as_one(function):
    """``function``'s signature, with a deprecated parameter's marker default — skimage's
    ``DEPRECATED`` class, or a candidate's own object rendered ``<DEPRECATED>`` / ``DEPRECATED``
    (it cannot be skimage's object) — replaced by one shared marker, so that the signature
    layer compares everything else as usual."""
    import inspect

    try:
        sig = inspect.signature(function)
    except (TypeError, ValueError):
        return function
    params = [p.replace(default=_NOT_GIVEN) if p.default is not p.empty and
              repr(p.default) in ("<DEPRECATED>", "DEPRECATED") else p for p in sig.parameters.values()]

    def proxy(*args, **kwargs):
        return function(*args, **kwargs)

    proxy.__signature__ = sig.replace(parameters=params)
    return proxy


def _clean_spec(name, old_name):
    grid = ({}, {"max_size": 0}, {"max_size": 3}, {"max_size": 8, "connectivity": 2},
            {"max_size": 20, "connectivity": 1}, {"max_size": 2.5}, {old_name: 5})
    full_grid = grid + tuple({"max_size": m, "connectivity": c} for m in (1, 4, 30, 100) for c in (1, 2))

    def extra(level, seed):
        s = lambda *p: case_seed(name, seed, *p)  # noqa: E731
        full = level == "full"
        size = 128 if full else 48
        cases = []
        masks = [("random mask p=0.45", Input("random", shape=(size, size), dtype="bool", seed=s("mask")),),
                 ("blobs mask", Input("blobs", shape=(size, size), n=6, radius=3, seed=s("blobs"), part="mask")),
                 ("horse", Input("sample", name="horse", crop=(size, size), offset=(160, 120))),
                 ("nuclei labels", Input("nuclei", shape=(size, size), n=4 if size < 100 else 12, seed=s("nuclei"), part="labels",
                                         dtype="int32"))]
        for g in (full_grid if full else grid):
            for mname, m in masks:
                cases.append(Case("values", f"{mname} {_label(g, {})}", (m,), dict(g)))
        vol = (10, 11, 12) if full else (6, 7, 8)
        for conn in (1, 2, 3):
            img = Input("random", shape=vol, dtype="bool", seed=s("vol"))
            cases.append(Case("values", f"volume bool max_size=2, connectivity={conn}", (img,),
                              {"max_size": 2, "connectivity": conn}))
        cases.append(Case("values", f"{old_name} given by position (5)", (Input("random", shape=(20, 21), dtype="bool",
                                                                                seed=s("pos")), 5), {}))
        cases.append(Case("shapes", "1-D (40,)", (Input("random", shape=(40,), dtype="bool", seed=s("1d")),),
                          {"max_size": 2}))
        cases.append(Case("shapes", "4-D 3×4×3×4", (Input("random", shape=(3, 4, 3, 4), dtype="bool", seed=s("4d")),),
                          {"max_size": 2}))
        for v in (0, 1):
            cases.append(Case("edge cases", f"constant bool mask = {bool(v)}",
                              (Input("constant", shape=(16, 16), dtype="bool", value=v),), {}))
        cases.append(Case("edge cases", "a single label (labels 0 and 1)",
                          (Input("two_valued", shape=(16, 16), dtype="int32", low=0, high=1, seed=s("one")),),
                          {"max_size": 3}))
        cases.append(Case("edge cases", "0-d mask", (Input("constant", shape=(), dtype="bool", value=1),), {}))
        for conn in (0, -1, 3, 2.5):
            cases.append(Case("edge cases", f"connectivity={conn!r} on a 2-D mask",
                              (Input("random", shape=(16, 16), dtype="bool", seed=s("conn")),), {"connectivity": conn}))
        cases.append(Case("edge cases", "max_size=-1", (Input("random", shape=(16, 16), dtype="bool", seed=s("neg")),),
                          {"max_size": -1}))
        cases.append(Case("edge cases", "uint64 labels", (Input("random", shape=(16, 16), dtype="uint64", seed=s("u64"),
                                                                low=0, high=6),), {"max_size": 30}))
        return cases

    def neg_labels(img, sd):
        return (Input("random", shape=(16, 16), dtype="int32", seed=sd, low=-3, high=3),)

    def float_image(img, sd):
        return (Input("random", shape=(16, 16), dtype="float64", seed=sd),)

    def both(img, sd):
        return (img, 5)

    bad = [("float image", float_image, {}), ("negative labels", neg_labels, {}),
           (f"both {old_name} and max_size", both, {"max_size": 3}), ("max_size=None", {"max_size": None})]
    image_spec(name, SK + name, SC + name, chapter=CHAPTER, dtypes=OBJECT_DTYPES, ndims=(1, 2, 3, 4),
               grid=grid, full_grid=full_grid, compare=exact(), image=_objects, smoke_dtype="bool",
               samples=(), edges=("constant", "empty"), bad=bad, extra=extra,
               signature_of=_deprecated_defaults_as_one,
               aliases=(f"skimage.morphology.misc.{name}",))


_clean_spec("remove_small_objects", "min_size")
_clean_spec("remove_small_holes", "area_threshold")
