"""Case tables of chapter 07, tracking: linear_sum_assignment, distance_matrix, KDTree.query.

``linear_sum_assignment`` is judged by :func:`~._compare.total_cost`: a valid assignment of
the reference's size whose total cost is the optimum (rtol 1e-9), rows ascending; where the
optimum is not unique (integer costs with ties) any optimal assignment passes.  Bad cost
matrices (NaN, -inf, no finite assignment) must raise the reference's ValueError.

``distance_matrix`` returns floats (:func:`~._compare.close`).  For ``KDTree.query`` the
candidate is a tree *class*: each case builds ``cls(data)`` and calls ``.query(x, **kw)``;
the distances are compared by ``close`` and the indices exactly (ties: the reference's choice).
A single query point returns scalars (``float``, ``np.int64``), compared by type as well.
"""

import numpy as np

from ._compare import close, each, exact, scalar, total_cost
from ._core import Case, Spec, register
from ._inputs import Input, case_seed

CHAPTER = "07 tracking"


# --- linear_sum_assignment -------------------------------------------------------------------


def _costs(shape, seed, **kw):
    return Input("costs", shape=tuple(shape), seed=seed, **kw)


def _lsa_build(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("linear_sum_assignment", seed, *parts)  # noqa: E731
    cases = [Case("smoke", "5×5 random costs", (_costs((5, 5), s("smoke")),))]
    shapes = [(1, 1), (1, 5), (5, 1), (3, 7), (7, 3), (10, 10), (12, 30), (30, 12)]
    if full:
        shapes += [(60, 60), (40, 90), (90, 40)]
    for sh in shapes:
        cases.append(Case("shapes", "×".join(map(str, sh)), (_costs(sh, s("shape", sh)),)))
    for dt, kw in (("float32", {}), ("int32", {"low": -20, "high": 20}), ("int64", {"low": 0, "high": 9}),
                   ("uint8", {}), ("bool", {})):
        cases.append(Case("dtypes", dt, (Input("random", shape=(8, 9), dtype=dt, seed=s("dtype", dt), **kw),)))
    n = 40 if full else 16
    for maximize in (False, True):
        mk = {"maximize": True} if maximize else {}
        tag = " maximize" if maximize else ""
        cases.append(Case("values", f"random {n}×{n}{tag}", (_costs((n, n), s("v", n)),), dict(mk)))
        cases.append(Case("values", f"random {n}×{n + 7}{tag}", (_costs((n, n + 7), s("v", "wide")),), dict(mk)))
        cases.append(Case("values", f"random {n + 7}×{n}{tag}", (_costs((n + 7, n), s("v", "tall")),), dict(mk)))
        for h in (2, 5):
            cases.append(Case("values", f"integer costs 0..{h - 1} (ties) {n}×{n}{tag}",
                              (_costs((n, n), s("ties", h), integers=True, high=h),), dict(mk)))
            cases.append(Case("values", f"integer costs 0..{h - 1} (ties) {n // 2}×{n}{tag}",
                              (_costs((n // 2, n), s("ties-r", h), integers=True, high=h),), dict(mk)))
        cases.append(Case("values", f"costs scaled 1e6{tag}", (_costs((10, 10), s("scale"), scale=1e6),), dict(mk)))
        cases.append(Case("values", f"negative integer costs{tag}",
                          (Input("random", shape=(9, 9), dtype="int64", seed=s("neg"), low=-50, high=50),), dict(mk)))
        # Greedy is wrong here: the ε-perturbed cases of trackpy's linking tests.
        cases.append(Case("values", f"greedy fails{tag}",
                          (Input("array", values=[[1.0, 2.0, 9.0], [1.1, 9.0, 9.0], [9.0, 1.2, 1.3]]),), dict(mk)))
        # The tracking use: distances between two frames of points.
        cases.append(Case("values", f"point-to-point distances{tag}",
                          (Input("costs", shape=(12, 14), seed=s("pts"), scale=50.0),), dict(mk)))
    # Edge cases: inf entries (forbidden pairs) with a finite assignment, empty, constant.
    cases.append(Case("edge cases", "inf entries (feasible)",
                      (Input("array", values=[[np.inf, 1.0, 2.0], [3.0, np.inf, 1.5], [0.5, 2.5, np.inf]]),)))
    cases.append(Case("edge cases", "inf entries, rectangular",
                      (Input("array", values=[[np.inf, 1.0, np.inf, 4.0], [np.inf, np.inf, 2.0, 3.0]]),)))
    cases.append(Case("edge cases", "-inf entries with maximize",
                      (Input("array", values=[[-np.inf, 1.0], [2.0, -np.inf]]),), {"maximize": True}))
    cases.append(Case("edge cases", "random with 10% inf", (Input("special", shape=(10, 10), value="inf",
                                                                    seed=s("inf"), fraction=0.1),)))
    for sh in ((0, 0), (0, 3), (3, 0)):
        cases.append(Case("edge cases", f"empty {sh[0]}×{sh[1]}", (Input("constant", shape=sh),)))
    cases.append(Case("edge cases", "constant 6×6", (Input("constant", shape=(6, 6), value=2.5),)))
    cases.append(Case("edge cases", "constant 4×6 maximize", (Input("constant", shape=(4, 6), value=1.0),),
                      {"maximize": True}))
    cases.append(Case("edge cases", "two-valued 8×8", (Input("two_valued", shape=(8, 8), low=0.0, high=1.0,
                                                               seed=s("two")),)))
    # Bad input.
    cases.append(Case("bad input", "NaN entries", (Input("special", shape=(6, 6), value="nan", seed=s("nan")),)))
    cases.append(Case("bad input", "-inf entries", (Input("array", values=[[-np.inf, 1.0], [1.0, 2.0]]),)))
    cases.append(Case("bad input", "inf entries with maximize", (Input("array", values=[[np.inf, 1.0], [1.0, 2.0]]),),
                      {"maximize": True}))
    cases.append(Case("bad input", "infeasible (a row of inf)",
                      (Input("array", values=[[np.inf, np.inf], [1.0, 2.0]]),)))
    cases.append(Case("bad input", "infeasible (inf pattern)",
                      (Input("array", values=[[1.0, np.inf, np.inf], [2.0, np.inf, np.inf], [3.0, 4.0, 5.0]]),)))
    cases.append(Case("bad input", "1-D cost", (Input("costs", shape=(5,), seed=1),)))
    cases.append(Case("bad input", "3-D cost", (Input("costs", shape=(2, 3, 3), seed=1),)))
    cases.append(Case("bad input", "complex cost", (Input("random", shape=(3, 3), dtype="complex128", seed=1),)))
    for layout in ("F", "reversed", "readonly"):
        cases.append(Case("unmodified", f"{layout} layout", (Input("costs", shape=(7, 9), seed=s("layout", layout),
                                                                    layout=layout),)))
    return cases


def _lsa_draw(data, seed):
    from hypothesis import strategies as st

    rows = data.draw(st.integers(0, 25), label="rows")
    cols = data.draw(st.integers(0, 25), label="cols")
    integers = data.draw(st.booleans(), label="integers")
    maximize = data.draw(st.booleans(), label="maximize")
    sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
    kw = {"maximize": True} if maximize else {}
    cost = _costs((rows, cols), sd, integers=integers, high=4) if integers else _costs((rows, cols), sd)
    return Case("values", f"hypothesis {rows}×{cols}{' integers' if integers else ''}{' maximize' if maximize else ''}",
                (cost,), kw)


register(Spec("linear_sum_assignment", "scipy.optimize.linear_sum_assignment",
              "scratch.optimize.linear_sum_assignment", total_cost(), _lsa_build, draw=_lsa_draw, chapter=CHAPTER))


# --- distance_matrix -------------------------------------------------------------------------


def _pts(n, dim, seed, scale=1.0, **kw):
    return Input("points", n=n, dim=dim, seed=seed, scale=scale, **kw)


def _dm_build(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("distance_matrix", seed, *parts)  # noqa: E731
    cases = [Case("smoke", "7 and 5 points in 2-D", (_pts(7, 2, s("sx")), _pts(5, 2, s("sy"))))]
    for n, m, dim in ((1, 1, 2), (1, 6, 3), (6, 1, 3), (10, 12, 1), (8, 9, 5), (20, 15, 3)):
        cases.append(Case("shapes", f"{n} and {m} points in {dim}-D", (_pts(n, dim, s("x", n, m, dim)),
                                                                       _pts(m, dim, s("y", n, m, dim)))))
    for dt in ("int32", "int64", "float32", "uint8", "bool"):
        mk = lambda nm, n: Input("random", shape=(n, 3), dtype=dt, seed=s(nm, dt),  # noqa: E731
                                 **({"low": -20, "high": 20} if dt in ("int32", "int64") else {}))
        cases.append(Case("dtypes", dt, (mk("x", 6), mk("y", 7))))
    n = 60 if full else 25
    x, y = _pts(n, 2, s("vx"), scale=100.0), _pts(n + 3, 2, s("vy"), scale=100.0)
    x3, y3 = _pts(n, 3, s("vx3")), _pts(n - 4, 3, s("vy3"))
    for p in (2.0, 1.0, 3.0, np.inf, 0.5, 1.5):
        cases.append(Case("values", f"2-D p={p}", (x, y), {"p": p}))
        cases.append(Case("values", f"3-D p={p}", (x3, y3), {"p": p}))
    for thr in (10, 1000):
        cases.append(Case("values", f"threshold={thr} (row-by-row)", (x3, y3), {"threshold": thr}))
        cases.append(Case("values", f"threshold={thr} p=1", (x3, y3), {"threshold": thr, "p": 1}))
    cases.append(Case("values", "the same set twice", (x, x)))
    # Edge cases.
    cases.append(Case("edge cases", "empty x", (Input("constant", shape=(0, 3)), _pts(4, 3, s("ey")))))
    cases.append(Case("edge cases", "empty y", (_pts(4, 3, s("ex")), Input("constant", shape=(0, 3)))))
    cases.append(Case("edge cases", "duplicate points", (Input("constant", shape=(4, 2), value=1.5),
                                                          Input("constant", shape=(3, 2), value=1.5))))
    cases.append(Case("edge cases", "with nan", (Input("special", shape=(6, 2), value="nan", seed=s("nan")),
                                                  _pts(5, 2, s("nany")))))
    cases.append(Case("edge cases", "with inf", (Input("special", shape=(6, 2), value="inf", seed=s("inf")),
                                                  _pts(5, 2, s("infy")))))
    cases.append(Case("edge cases", "p=-1", (x3, y3), {"p": -1.0}))
    # Bad input.
    cases.append(Case("bad input", "dimensions differ", (_pts(5, 3, s("b1")), _pts(4, 2, s("b2")))))
    cases.append(Case("bad input", "1-D points", (Input("costs", shape=(5,), seed=1), Input("costs", shape=(5,), seed=2))))
    cases.append(Case("bad input", "3-D array", (Input("costs", shape=(2, 5, 3), seed=1),
                                                  Input("costs", shape=(2, 4, 3), seed=2))))
    cases.append(Case("bad input", "p=0", (x3, y3), {"p": 0}))
    for layout in ("F", "reversed", "readonly"):
        cases.append(Case("unmodified", f"{layout} layout", (_pts(9, 3, s("lx", layout), layout=layout),
                                                               _pts(8, 3, s("ly", layout), layout=layout))))
    return cases


def _dm_draw(data, seed):
    from hypothesis import strategies as st

    n = data.draw(st.integers(0, 30), label="n")
    m = data.draw(st.integers(0, 30), label="m")
    dim = data.draw(st.integers(1, 6), label="dim")
    p = data.draw(st.sampled_from([1.0, 2.0, 3.0, np.inf]), label="p")
    thr = data.draw(st.sampled_from([1000000, 5]), label="threshold")
    sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
    return Case("values", f"hypothesis {n} and {m} points in {dim}-D p={p} threshold={thr}",
                (_pts(n, dim, sd), _pts(m, dim, sd + 1)), {"p": p, "threshold": thr})


register(Spec("distance_matrix", "scipy.spatial.distance_matrix", "scratch.spatial.distance_matrix", close(),
              _dm_build, draw=_dm_draw, chapter=CHAPTER))


# --- KDTree.query ----------------------------------------------------------------------------

DI = each(close(), exact())
SCALARS = each(scalar(), scalar())


def _minkowski(a, b, p):
    diff = np.abs(np.asarray(a, dtype=float) - np.asarray(b, dtype=float))
    if np.isinf(p):
        return diff.max(axis=-1) if diff.shape[-1] else np.zeros(diff.shape[:-1])
    return (diff ** p).sum(axis=-1) ** (1.0 / p)


def _reference_query(data, x, **kw):
    from scipy.spatial import KDTree as RefTree

    return RefTree(data).query(x, **kw)


def _neighbours_valid(out, data, x, kw):
    """The candidate's indices name points at the distances it reports (``n`` where ``inf``)."""
    d, i = (np.asarray(o) for o in out)
    n = len(data)
    k = kw.get("k", 1)
    width = int(k) if np.isscalar(k) else len(k)
    d, i = d.reshape(-1, width), i.reshape(-1, width)
    xs = np.asarray(x, dtype=float).reshape(-1, np.shape(data)[1])
    missing = ~np.isfinite(d)
    if ((i == n) != missing).any() or (i < 0).any() or (i > n).any():
        return "an index does not match its distance (inf goes with index n)"
    rows, cols = np.nonzero(~missing)
    true = _minkowski(xs[rows], np.asarray(data, dtype=float)[i[rows, cols]], kw.get("p", 2.0))
    if not np.allclose(true, d[rows, cols], rtol=1e-7, atol=1e-12):
        return "an index names a point that is not at the reported distance"
    return None


def _ties():
    """KDTree.query on points with tied distances: exact where the answer is unique; where a
    neighbour's distance ties with another one either index is right (reference_tests/
    test_spatial.py's contract), provided it names a point at that distance.  Uniqueness is
    decided on the reference's own answer for k + 1 neighbours."""
    strict = each(close(), exact())

    def compare(ref, out, context):
        verdict = strict(ref, out, context)
        if verdict.ok or not verdict.cause.startswith("output[1]: values differ"):
            return verdict
        data, x = context.args[0], context.args[1]
        kw = dict(context.kwargs)
        k = kw.get("k", 1)
        ks = list(range(1, int(k) + 1)) if np.isscalar(k) else list(k)
        kmax = max(ks)
        d_all, _ = _reference_query(data, x, **{**kw, "k": kmax + 1})
        d_all = np.asarray(d_all).reshape(-1, kmax + 1)
        lower = np.concatenate([np.full((len(d_all), 1), -1.0), d_all[:, :-1]], axis=1)
        upper = np.concatenate([d_all[:, 1:], np.full((len(d_all), 1), -2.0)], axis=1)
        unique = ((d_all != lower) & (d_all != upper)) | ~np.isfinite(d_all)
        unique = unique[:, [k - 1 for k in ks]]
        got = np.asarray(out[1]).reshape(unique.shape)
        want = np.asarray(ref[1]).reshape(unique.shape)
        if ((got != want) & unique).any():
            return verdict
        bad = _neighbours_valid(out, data, x, kw)
        if bad:
            return type(verdict)(False, f"output[1]: {bad}", verdict.detail, "fail", verdict.stats)
        return type(verdict)(True)

    compare.kind = "each"
    return compare


def _approximate():
    """``eps > 0``: the answer is any whose distances are at most (1 + eps) times the true ones
    (the reference's own answer with ``eps=0``), in ascending order, with indices naming points
    at those distances; the reference's approximate answer itself passes as it is."""
    strict = each(close(), exact())

    def compare(ref, out, context):
        verdict = strict(ref, out, context)
        if verdict.ok or not isinstance(out, tuple) or len(out) != 2 \
                or not verdict.cause.startswith(("output[0]: values differ", "output[1]: values differ")):
            return verdict
        data, x = context.args[0], context.args[1]
        kw = dict(context.kwargs)
        eps = float(kw.get("eps", 0.0))
        true_d, _ = _reference_query(data, x, **{**kw, "eps": 0.0})
        d = np.asarray(out[0])
        with np.errstate(invalid="ignore"):
            far = d > (1.0 + eps) * np.asarray(true_d) * (1 + 1e-12) + 1e-300
        if far.any():
            return type(verdict)(False, "output[0]: a neighbour farther than (1 + eps) times the true one",
                                 verdict.detail, "fail", verdict.stats)
        k = kw.get("k", 1)
        width = int(k) if np.isscalar(k) else len(k)
        if width > 1 and (np.diff(d.reshape(-1, width), axis=-1) < 0).any():
            return type(verdict)(False, "output[0]: distances not in ascending order", verdict.detail, "fail",
                                 verdict.stats)
        bad = _neighbours_valid(out, data, x, kw)
        if bad:
            return type(verdict)(False, f"output[1]: {bad}", verdict.detail, "fail", verdict.stats)
        return type(verdict)(True)

    compare.kind = "each"
    return compare


TIES = _ties()
APPROXIMATE = _approximate()


def _kd_build(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("KDTree.query", seed, *parts)  # noqa: E731
    cases = [Case("smoke", "30 points in 2-D, 10 queries", (_pts(30, 2, s("sd")), _pts(10, 2, s("sq"))))]
    for n, m, dim in ((1, 3, 2), (5, 1, 2), (40, 12, 1), (40, 12, 3), (50, 10, 5), (11, 11, 2)):
        cases.append(Case("shapes", f"{n} points, {m} queries in {dim}-D", (_pts(n, dim, s("d", n, m, dim)),
                                                                            _pts(m, dim, s("q", n, m, dim)))))
    cases.append(Case("shapes", "one query point (1-D x)", (_pts(20, 3, s("one")), Input("points", n=1, dim=3,
                                                                                         seed=s("oneq")))))
    one = Input("array", values=[0.3, 0.6, 0.1])
    cases.append(Case("shapes", "a single point x of shape (3,)", (_pts(20, 3, s("one")), one), compare=SCALARS))
    cases.append(Case("shapes", "a single point x, k=3", (_pts(20, 3, s("one")), one), {"k": 3}))
    cases.append(Case("shapes", "queries of shape (2, 4, 3)", (_pts(20, 3, s("nd")),
                                                               Input("costs", shape=(2, 4, 3), seed=s("ndq")))))
    for dt, kw in (("int32", {"low": 0, "high": 30}), ("int64", {"low": -9, "high": 9}), ("float32", {}),
                   ("uint8", {})):
        cases.append(Case("dtypes", f"{dt} data", (Input("random", shape=(25, 2), dtype=dt, seed=s("dt", dt), **kw),
                                                   _pts(8, 2, s("dtq", dt), scale=10.0))))
    n, m = (400, 100) if full else (150, 40)
    data2, q2 = _pts(n, 2, s("v2")), _pts(m, 2, s("vq2"))
    data3, q3 = _pts(n, 3, s("v3")), _pts(m, 3, s("vq3"))
    grid = ({}, {"k": 3}, {"k": [1, 3]}, {"k": [2]}, {"p": 1}, {"p": np.inf}, {"p": 3, "k": 2},
            {"distance_upper_bound": 0.5}, {"distance_upper_bound": 0.05, "k": 4}, {"eps": 0.5, "k": 2},
            {"eps": 0.1}, {"k": 3, "p": 1, "distance_upper_bound": 1.0})
    for kw in grid:
        label = ", ".join(f"{k}={v!r}" for k, v in kw.items()) or "defaults"
        cmp = APPROXIMATE if kw.get("eps") else None
        cases.append(Case("values", f"2-D {label}", (data2, q2), dict(kw), compare=cmp))
        cases.append(Case("values", f"3-D {label}", (data3, q3), dict(kw), compare=cmp))
    cases.append(Case("values", "queries are the data", (data2, data2), {"k": 2}))
    cases.append(Case("values", "k > n", (_pts(5, 2, s("few")), _pts(4, 2, s("fewq"))), {"k": 8}))
    # Edge cases: ties (points on an integer grid), duplicates, empty queries, empty data.
    grid_pts = Input("random", shape=(60, 2), dtype="int64", seed=s("tie"), low=0, high=6)
    grid_q = Input("random", shape=(20, 2), dtype="int64", seed=s("tieq"), low=0, high=6)
    cases.append(Case("edge cases", "integer grid: ties and duplicates", (grid_pts, grid_q), {"k": 3},
                      compare=TIES))
    cases.append(Case("edge cases", "integer grid p=1 ties", (grid_pts, grid_q), {"k": 2, "p": 1}, compare=TIES))
    cases.append(Case("edge cases", "integer grid k=[1, 4] p=inf ties", (grid_pts, grid_q),
                      {"k": [1, 4], "p": np.inf}, compare=TIES))
    cases.append(Case("edge cases", "all points equal", (Input("constant", shape=(12, 2), value=0.5),
                                                          _pts(3, 2, s("eq"))), {"k": 4}, compare=TIES))
    cases.append(Case("edge cases", "no queries (0, 2)", (data2, Input("constant", shape=(0, 2)))))
    cases.append(Case("edge cases", "empty data (0, 2)", (Input("constant", shape=(0, 2)), _pts(3, 2, s("e0")))))
    cases.append(Case("edge cases", "distance_upper_bound=0", (data2, q2), {"distance_upper_bound": 0.0}))
    # Bad input.
    cases.append(Case("bad input", "query dimension differs", (data3, q2)))
    cases.append(Case("bad input", "p=0.5", (data2, q2), {"p": 0.5}))
    cases.append(Case("bad input", "k=0", (data2, q2), {"k": 0}))
    cases.append(Case("bad input", "nan in the queries", (data2, Input("special", shape=(5, 2), value="nan",
                                                                       seed=s("qn")))))
    cases.append(Case("bad input", "nan in the data", (Input("special", shape=(20, 2), value="nan", seed=s("dn")), q2)))
    cases.append(Case("bad input", "1-D data", (Input("costs", shape=(10,), seed=1), q2)))
    for layout in ("F", "reversed", "readonly"):
        cases.append(Case("unmodified", f"{layout} layout", (_pts(30, 3, s("ld", layout), layout=layout),
                                                               _pts(9, 3, s("lq", layout), layout=layout)), {"k": 2}))
    return cases


def _kd_draw(data, seed):
    from hypothesis import strategies as st

    n = data.draw(st.integers(1, 200), label="n")
    m = data.draw(st.integers(0, 30), label="m")
    dim = data.draw(st.integers(1, 4), label="dim")
    k = data.draw(st.integers(1, 6), label="k")
    p = data.draw(st.sampled_from([1.0, 2.0, np.inf]), label="p")
    dub = data.draw(st.sampled_from([np.inf, 0.3]), label="distance_upper_bound")
    sd = data.draw(st.integers(0, 2**31 - 1), label="seed")
    kw = {"k": k, "p": p, "distance_upper_bound": dub}
    return Case("values", f"hypothesis {n} points, {m} queries in {dim}-D k={k} p={p} dub={dub}",
                (_pts(n, dim, sd), _pts(m, dim, sd + 1)), kw)


def _kd_call(cls, args, kw):
    return cls(args[0]).query(args[1], **kw)


def _kd_code(fname, names, kwargs):
    return f'{fname}({names[0]}).query({", ".join([names[1], *kwargs])})'


register(Spec("KDTree.query", "scipy.spatial.KDTree", "scratch.spatial.KDTree", DI, _kd_build, draw=_kd_draw,
              call=_kd_call, call_code=_kd_code, signature_of=lambda cls: cls.query, chapter=CHAPTER,
              aliases=("scipy.spatial.KDTree.query", "scratch.spatial.KDTree.query", "scipy.spatial.cKDTree.query")))
