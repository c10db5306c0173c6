"""The one case-table builder most specs use: a function of an image (plus parameters).

:func:`image_spec` turns a few facts about a function — the dtypes and ndims the reference
takes, a parameter grid, the extra positional arguments, the border radius — into the layered
case table of DESIGN.md:

``smoke``       one small random image with the first grid entry
``shapes``      1×N, N×1, odd×even, even×odd, 2×2, 1×1 (and a 3-D volume when ``3 in ndims``)
``dtypes``      one 16×16 random image of each dtype
``values``      bundled sample images (crops) and a synthetic scene, over the whole grid
``edge cases``  constant, two-valued, NaN, inf, empty — whatever the reference does with them
``bad input``   the wrong ndim, plus the spec's own bad parameters
``unmodified``  Fortran-order, negative-stride and read-only inputs
(every case also checks that the inputs came back unmodified)

The expected result of every case is the reference's — a value or an exception — so a case
never encodes an answer of its own.  ``level="full"`` uses bigger crops and volumes, and
``draw`` adds Hypothesis-chosen shapes, dtypes, seeds and grid entries.

Sizes are chosen so that a plain-Python candidate of the textbook kind runs ``quick`` in
seconds: images of at most 48×48 there.
"""

from ._compare import close
from ._core import Case, Spec, register
from ._inputs import Input, case_seed

__all__ = ["image_spec", "chain", "ALL_DTYPES", "INT_AND_FLOAT", "FLOATS", "rand", "sample", "scene"]

ALL_DTYPES = ("bool", "uint8", "uint16", "int32", "float32", "float64")
INT_AND_FLOAT = ("uint8", "uint16", "int32", "float32", "float64")
FLOATS = ("float32", "float64")

QUICK_SHAPES = ((1, 17), (17, 1), (15, 16), (16, 15), (2, 2), (1, 1))
QUICK_VOLUME = (5, 6, 7)
FULL_SHAPES = QUICK_SHAPES + ((3, 64), (64, 3), (33, 31), (40, 40))
FULL_VOLUME = (12, 13, 14)
SAMPLE_OFFSET = {"camera": (180, 200), "coins": (60, 80), "moon": (200, 200), "page": (40, 60),
                 "cell": (250, 250), "text": (40, 80), "horse": (100, 150)}


def chain(*extras):
    """One ``extra(level, seed)`` callable from several: their cases, one after the other."""

    def extra(level, seed):
        out = []
        for e in extras:
            out.extend(e(level, seed))
        return out

    return extra


def rand(shape, dtype, seed, **params):
    return Input("random", shape=tuple(shape), dtype=str(dtype), seed=seed, **params)


def sample(name, size, dtype="uint8"):
    return Input("sample", name=name, crop=(size, size), offset=SAMPLE_OFFSET.get(name, (0, 0)),
                 dtype=dtype)


def scene(size, seed, part="image", dtype="float64", ndim=2):
    shape = (size,) * ndim
    n = max(2, size // 12) if ndim == 2 else 3
    radius = max(2, size // 10)
    return Input("blobs", shape=shape, n=n, radius=radius, seed=seed, part=part,
                 dtype=dtype if part == "image" else ("int32" if part == "labels" else None))


def image_spec(name, reference, scratch, *, chapter, dtypes=ALL_DTYPES, ndims=(2,), grid=({},),
               args=None, compare=None, radius=0, samples=("camera", "coins"), sample_dtype="uint8",
               scenes=True, edges=("constant", "two_valued", "nan", "inf", "empty"), bad=(),
               extra=None, smoke_dtype="float64", image=None, call=None, call_code=None,
               signature_of=None, aliases=(), value_dtypes=None, full_grid=None, register_it=True):
    """Register (and return) the :class:`Spec` of a function ``f(image, *args, **params)``.

    Parameters
    ----------
    dtypes, ndims : tuples
        What the reference takes; the shapes/dtypes layers sweep them.  The bad-input layer
        adds a 1-D image when 1 is not in ``ndims``, a 3-D one for a 2-D-only function and a
        4-D one when the function takes 3-D but not 4-D: list every ndim the reference takes.
    grid : sequence of dict
        Keyword arguments; the first is used outside the values layer.
    args : callable, optional
        ``args(image_input, seed) -> tuple``: positional arguments after the image (a kernel,
        a footprint as an :class:`Input`, markers built from the image...).
    radius : int or callable
        The border band for locating mismatches; a callable gets the case's kwargs.
    samples : names of scratch.data sample images, cropped to 48×48 (quick) or 128×128 (full)
    image : callable, optional
        ``image(shape, dtype, seed) -> Input`` replacing the random generator (binary images,
        label images...).
    bad : sequence of (label, kwargs) or (label, args_callable, kwargs)
        Bad parameters: the reference raises, so the candidate must raise the same class.
    extra : callable, optional
        ``extra(level, seed) -> list of Case``: the family's own cases (known differences,
        cases the generic layers cannot express).
    """
    compare = compare or close()
    make_image = image or (lambda shape, dtype, seed: rand(shape, dtype, seed))
    more_args = args or (lambda img, seed: ())
    grid = [dict(g) for g in grid]

    def rad(kwargs):
        return radius(kwargs) if callable(radius) else radius

    def case(layer, label, img, kwargs, seed):
        return Case(layer, label, (img, *more_args(img, seed)), dict(kwargs), radius=rad(kwargs))

    def build(level, seed):
        full = level == "full"
        s = lambda *parts: case_seed(name, seed, *parts)  # noqa: E731
        cases = []
        g0 = grid[0]
        cases.append(case("smoke", f"{smoke_dtype} 16×17", make_image((16, 17), smoke_dtype, s("smoke")), g0,
                          s("smoke")))
        shapes = [sh for sh in (FULL_SHAPES if full else QUICK_SHAPES) if 2 in ndims]
        if 3 in ndims:
            shapes.append(FULL_VOLUME if full else QUICK_VOLUME)
        for sh in shapes:
            cases.append(case("shapes", "×".join(map(str, sh)), make_image(sh, smoke_dtype, s("shape", sh)), g0,
                              s("shape", sh)))
        for dt in dtypes:
            cases.append(case("dtypes", dt, make_image((16, 16), dt, s("dtype", dt)), g0, s("dtype", dt)))
        size = 128 if full else 48
        value_grid = full_grid if (full and full_grid) else grid
        vdtypes = value_dtypes or (sample_dtype,)
        for g in value_grid:
            glabel = ", ".join(f"{k}={v!r}" for k, v in g.items()) or "defaults"
            for nm in samples:
                for vd in vdtypes:
                    cases.append(case("values", f"{nm} {vd} {glabel}", sample(nm, size, vd), g, s("v", nm, glabel)))
            if scenes:
                sd = s("scene", glabel)
                img = image((size, size), "scene", sd) if image else scene(size, sd)
                cases.append(case("values", f"blobs scene {glabel}", img, g, sd))
        edge_dtype = "float64" if "float64" in dtypes else dtypes[-1]
        for kind in edges:
            sd = s("edge", kind)
            if kind == "constant":
                for dt, v in ((edge_dtype, 0), (dtypes[0] if dtypes[0] != "bool" else edge_dtype, 1)):
                    cases.append(case("edge cases", f"constant {dt} = {v}",
                                      Input("constant", shape=(16, 16), dtype=dt, value=v), g0, sd))
            elif kind == "two_valued":
                cases.append(case("edge cases", "two-valued", Input("two_valued", shape=(16, 16), dtype=edge_dtype,
                                                                    low=0.2, high=0.8, seed=sd), g0, sd))
            elif kind in ("nan", "inf"):
                if "float64" in dtypes or "float32" in dtypes:
                    cases.append(case("edge cases", f"with {kind}", Input("special", shape=(16, 16), dtype=edge_dtype,
                                                                          value=kind, seed=sd, fraction=0.05), g0, sd))
            elif kind == "empty":
                cases.append(case("edge cases", "empty 0×5", Input("constant", shape=(0, 5), dtype=edge_dtype), g0, sd))
        for nd in (1, 4):
            if nd not in ndims and not (nd == 4 and 3 not in ndims):
                sh = (10,) if nd == 1 else (3, 3, 3, 3)
                cases.append(case("bad input", f"{nd}-D input", make_image(sh, smoke_dtype, s("nd", nd)), g0, s("nd", nd)))
        if 3 not in ndims and 2 in ndims:
            cases.append(case("bad input", "3-D input", make_image((4, 5, 6), smoke_dtype, s("nd", 3)), g0, s("nd", 3)))
        for entry in bad:
            if len(entry) == 2:
                label, kw = entry
                cases.append(case("bad input", label, make_image((16, 16), smoke_dtype, s("bad", label)),
                                  {**g0, **kw}, s("bad", label)))
            else:
                label, make_args, kw = entry
                sd = s("bad", label)
                cases.append(Case("bad input", label, make_args(make_image((16, 16), smoke_dtype, sd), sd),
                                  {**g0, **kw}, radius=rad(kw)))
        for layout in ("F", "reversed", "readonly"):
            sd = s("layout", layout)
            img = make_image((16, 17), smoke_dtype, sd)
            img = Input(img.kind, **{**img.params, "layout": layout})
            cases.append(case("unmodified", f"{layout} layout", img, g0, sd))
        if extra is not None:
            cases.extend(extra(level, seed))
        return cases

    def draw(data, seed):
        from hypothesis import strategies as st

        nd = data.draw(st.sampled_from(sorted(n for n in ndims if n in (2, 3))), label="ndim")
        top = 40 if nd == 2 else 12
        shape = tuple(data.draw(st.integers(1, top), label=f"size{i}") for i in range(nd))
        dt = data.draw(st.sampled_from(list(dtypes)), label="dtype")
        g = data.draw(st.sampled_from(full_grid or grid), label="params")
        sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
        label = f"hypothesis {'×'.join(map(str, shape))} {dt} " + (", ".join(f"{k}={v!r}" for k, v in g.items()))
        return case("values", label.strip(), make_image(shape, dt, sd), g, sd)

    spec = Spec(name, reference, scratch, compare, build, draw=draw, call=call, call_code=call_code,
                signature_of=signature_of, chapter=chapter, aliases=aliases)
    return register(spec) if register_it else spec
