"""scratch.spatial <-> scipy.spatial (1.17): distance_matrix and KDTree.

Contract: the same distances as SciPy (bit for bit where the arithmetic is the same, at least
rtol 1e-7), the same indices wherever the answer is unique (a neighbour whose distance ties
with another one may be either), SciPy's output shapes, dtypes and fill values (distance
``inf`` and index ``n`` for a missing neighbour), the same exception class for bad input, and
inputs never modified.  Every expected value is computed by SciPy.

One helper per method (:func:`assert_query_agrees`, :func:`assert_ball_agrees`) serves the
example grid and the Hypothesis properties.
"""

import doctest

import numpy as np
import pytest
import scipy.spatial as ref
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import scratch.spatial as ours
from conftest import assert_agrees, assert_same_error, unchanged_copy

P_NORMS = (1.0, 2.0, 3.0, np.inf)


# --- the helpers ----------------------------------------------------------------------------


def unique_mask(ref_tree, x, k, **kwargs):
    """Where the k-NN answer is unique: the distance differs from its neighbours in the
    ranking, including the (k+1)-th, which SciPy is asked for as well."""
    d, _ = ref_tree.query(x, k=k + 1, **kwargs)
    d = np.asarray(d).reshape(-1, k + 1)
    before = np.concatenate([np.full((d.shape[0], 1), -1.0), d[:, :-1]], axis=1)
    unique = (d != before) & (d != np.concatenate([d[:, 1:], np.full((d.shape[0], 1), -2.0)],
                                                  axis=1))
    return unique[:, :k] | ~np.isfinite(d[:, :k])


def assert_query_agrees(data, x, k=1, **kwargs):
    """``KDTree(data).query(x, k, **kwargs)`` agrees with SciPy's (module docstring)."""
    leafsize = kwargs.pop("leafsize", 10)
    ref_tree = ref.KDTree(data, leafsize=leafsize)
    tree = ours.KDTree(data, leafsize=leafsize)
    x_before, data_before = unchanged_copy(x, data)
    d_ref, i_ref = ref_tree.query(x, k=k, **kwargs)
    d, i = tree.query(x, k=k, **kwargs)
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(data, data_before)
    assert type(d) is type(d_ref) and type(i) is type(i_ref)
    assert np.shape(d) == np.shape(d_ref) and np.shape(i) == np.shape(i_ref)
    assert np.asarray(i).dtype == np.asarray(i_ref).dtype
    assert_agrees(np.asarray(d), np.asarray(d_ref))
    if isinstance(k, int):
        kk = k
        mask = unique_mask(ref_tree, x, kk, **kwargs)
        got = np.asarray(i).reshape(-1, kk)[mask]
        want = np.asarray(i_ref).reshape(-1, kk)[mask]
        np.testing.assert_array_equal(got, want)
    return d, i


def assert_ball_agrees(data, x, r, **kwargs):
    """``query_ball_point`` agrees with SciPy's: the same sets of neighbours (the same lists
    when sorted), the same counts, the same container types and shapes."""
    ref_tree = ref.KDTree(data)
    tree = ours.KDTree(data)
    want = ref_tree.query_ball_point(x, r, **kwargs)
    got = tree.query_ball_point(x, r, **kwargs)
    assert type(got) is type(want)
    if kwargs.get("return_length"):
        assert_agrees(np.asarray(got), np.asarray(want))
        return
    if isinstance(want, list):
        if kwargs.get("return_sorted"):
            assert got == want
        else:
            assert sorted(got) == sorted(want)
        return
    assert got.shape == want.shape and got.dtype == want.dtype
    for g, w in zip(got.ravel(), want.ravel()):
        if kwargs.get("return_sorted") is False:
            g, w = sorted(g), sorted(w)
        assert g == w


def cloud(n, m, seed, duplicates=False):
    rng = np.random.default_rng(seed)
    if duplicates:  # a coarse integer grid: many repeated points and tied distances
        return rng.integers(0, 4, size=(n, m)).astype(np.float64)
    return rng.random((n, m))


# --- distance_matrix --------------------------------------------------------------------------


@pytest.mark.parametrize("p", (1.0, 2.0, 3.0, 0.5, np.inf))
@pytest.mark.parametrize("shape_x, shape_y", [((7, 2), (5, 2)), ((1, 3), (9, 3)), ((6, 1), (6, 1)),
                                               ((0, 2), (4, 2)), ((4, 5), (3, 5))])
def test_distance_matrix_agrees(p, shape_x, shape_y):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=shape_x), rng.normal(size=shape_y)
    x_before, y_before = unchanged_copy(x, y)
    assert_agrees(ours.distance_matrix(x, y, p=p), ref.distance_matrix(x, y, p=p))
    # SciPy's row-by-row path (small threshold) gives the same answer; so do we
    assert_agrees(ours.distance_matrix(x, y, p=p, threshold=1),
                  ref.distance_matrix(x, y, p=p, threshold=1))
    np.testing.assert_array_equal(x, x_before)
    np.testing.assert_array_equal(y, y_before)


@pytest.mark.parametrize("dtype", (np.bool_, np.uint8, np.int32, np.int64, np.float32, np.float64))
def test_distance_matrix_dtypes(dtype):
    x = (np.arange(12).reshape(6, 2) % 5).astype(dtype)
    y = (np.arange(8).reshape(4, 2) % 3).astype(dtype)
    assert_agrees(ours.distance_matrix(x, y), ref.distance_matrix(x, y))
    xl, yl = x.tolist(), y.tolist()
    assert_agrees(ours.distance_matrix(xl, yl), ref.distance_matrix(xl, yl))


def test_distance_matrix_is_exact_for_euclidean():
    x, y = cloud(50, 3, 1), cloud(40, 3, 2)
    np.testing.assert_array_equal(ours.distance_matrix(x, y), ref.distance_matrix(x, y))


@pytest.mark.parametrize("x, y", [
    (np.zeros(3), np.zeros((2, 3))),          # 1-D x
    (np.zeros((2, 3)), np.zeros((2, 2))),     # different vector lengths
    (np.zeros((2, 2, 2)), np.zeros((2, 2))),  # 3-D x
])
def test_distance_matrix_bad_input(x, y):
    assert_same_error(ours.distance_matrix, ref.distance_matrix, x, y)


def test_distance_matrix_strings_are_a_type_error():
    # SciPy raises NumPy's private UFuncTypeError (a TypeError) from inside a subtraction
    x = [["a", "b"]]
    with pytest.raises(TypeError):
        ref.distance_matrix(x, x)
    with pytest.raises(TypeError, match="`x` must be a numeric array"):
        ours.distance_matrix(x, x)


def test_distance_matrix_parallel_equals_serial():
    from scratch._jit import serial
    from scratch.spatial._distance import _distance_matrix_kernel

    x, y = cloud(300, 3, 3), cloud(250, 3, 4)
    a = np.empty((300, 250))
    b = np.empty((300, 250))
    _distance_matrix_kernel(x, y, 2.0, a)
    serial(_distance_matrix_kernel)(x, y, 2.0, b)
    np.testing.assert_array_equal(a, b)


# --- KDTree: construction ---------------------------------------------------------------------


def test_kdtree_attributes():
    data = cloud(37, 3, 5)
    tree, want = ours.KDTree(data, leafsize=4), ref.KDTree(data, leafsize=4)
    assert (tree.n, tree.m, tree.leafsize) == (want.n, want.m, want.leafsize)
    assert tree.data is data  # float64 C-contiguous: not copied (as SciPy)
    assert ours.KDTree(data, copy_data=True).data is not data
    assert_agrees(tree.maxes, want.maxes)
    assert_agrees(tree.mins, want.mins)
    ints = np.arange(12, dtype=np.int32).reshape(6, 2)
    assert ours.KDTree(ints).data.dtype == ref.KDTree(ints).data.dtype == np.float64
    assert np.array_equal(np.sort(tree.indices), np.arange(37))


@pytest.mark.parametrize("data, kwargs", [
    (np.zeros(5), {}),                        # 1-D
    (np.zeros((3, 2, 2)), {}),                # 3-D
    ([[np.nan, 1.0]], {}),                    # NaN
    ([[np.inf, 1.0]], {}),                    # inf
    (np.ones((5, 2), complex), {}),           # complex
    ([["a", "b"]], {}),                       # strings
    (np.zeros((5, 2)), {"leafsize": 0}),      # leafsize < 1
])
def test_kdtree_bad_input(data, kwargs):
    assert_same_error(ours.KDTree, ref.KDTree, data, **kwargs)


def test_kdtree_empty():
    tree, want = ours.KDTree(np.zeros((0, 2))), ref.KDTree(np.zeros((0, 2)))
    assert (tree.n, tree.m) == (want.n, want.m)
    assert tree.query([0.0, 0.0]) == want.query([0.0, 0.0])
    assert tree.query_ball_point([0.0, 0.0], 1.0) == want.query_ball_point([0.0, 0.0], 1.0) == []


# --- KDTree.query -----------------------------------------------------------------------------


@pytest.mark.parametrize("m", (1, 2, 3, 5))
@pytest.mark.parametrize("k", (1, 3, [1], [2, 4]))
@pytest.mark.parametrize("p", P_NORMS)
@pytest.mark.parametrize("upper", (np.inf, 0.15))
def test_query_agrees(m, k, p, upper):
    data, x = cloud(200, m, m), cloud(40, m, 10 + m)
    assert_query_agrees(data, x, k=k, p=p, distance_upper_bound=upper, leafsize=5)


@pytest.mark.parametrize("x_shape", ((2,), (1, 2), (3, 2), (2, 3, 2)))
@pytest.mark.parametrize("k", (1, 2, [1], [1, 3]))
def test_query_shapes_and_scalars(x_shape, k):
    data = cloud(30, 2, 1)
    x = np.random.default_rng(2).random(x_shape)
    assert_query_agrees(data, x, k=k)


def test_query_missing_neighbours_are_inf_and_n():
    data = cloud(5, 2, 3)
    d, i = assert_query_agrees(data, data[:2], k=8)
    assert np.isinf(d[:, 5:]).all() and (i[:, 5:] == 5).all()
    d, i = assert_query_agrees(data, [[9.0, 9.0]], k=2, distance_upper_bound=1.0)
    assert np.isinf(d).all() and (i == 5).all()


def test_query_upper_bound_is_strict():
    data = np.array([[3.0, 4.0], [0.0, 1.0], [6.0, 8.0]])
    for p, bound in ((2.0, 5.0), (1.0, 7.0), (np.inf, 4.0)):
        d, i = assert_query_agrees(data, [0.0, 0.0], k=3, p=p, distance_upper_bound=bound)
        assert i[1] == 3  # the point at exactly `bound` is not returned


@pytest.mark.parametrize("eps", (0.5, 2.0))
def test_query_eps_bound(eps):
    data, x = cloud(300, 2, 7), cloud(50, 2, 8)
    true_d, _ = ref.KDTree(data).query(x, k=3)
    d, i = ours.KDTree(data).query(x, k=3, eps=eps)
    assert (d <= (1 + eps) * true_d + 1e-12).all()
    np.testing.assert_allclose(d, np.linalg.norm(data[i] - x[:, None, :], axis=-1), rtol=1e-12)


def test_query_duplicates():
    data = cloud(60, 2, 9, duplicates=True)
    assert_query_agrees(data, data[:10], k=4)
    assert_query_agrees(data, data[:10], k=[1, 5], p=1.0)


@pytest.mark.parametrize("x, kwargs", [
    (np.zeros(3), {}),                 # wrong vector length
    (0.5, {}),                         # scalar
    ([[np.nan, 0.0]], {}),             # NaN
    (np.zeros(2), {"k": 0}),           # k < 1
    (np.zeros(2), {"k": []}),          # empty k
    (np.zeros(2), {"k": None}),        # not an integer
    (np.zeros(2), {"p": 0.5}),         # p < 1
    (np.zeros(2), {"workers": 0}),     # invalid workers
])
def test_query_bad_input(x, kwargs):
    data = cloud(20, 2, 0)
    assert_same_error(ours.KDTree(data).query, ref.KDTree(data).query, x, **kwargs)


def test_query_workers_same_bits():
    data, x = cloud(3000, 3, 11), cloud(2000, 3, 12)
    tree = ours.KDTree(data)
    d1, i1 = tree.query(x, k=3, workers=1)
    d2, i2 = tree.query(x, k=3, workers=-1)
    np.testing.assert_array_equal(d1, d2)
    np.testing.assert_array_equal(i1, i2)


def test_ball_workers_same_answer():
    data, x = cloud(3000, 2, 13), cloud(2000, 2, 14)
    tree = ours.KDTree(data)
    np.testing.assert_array_equal(tree.query_ball_point(x, 0.03, workers=1, return_length=True),
                                  tree.query_ball_point(x, 0.03, workers=-1, return_length=True))
    one, all_threads = (tree.query_ball_point(x, 0.03, workers=w) for w in (1, -1))
    assert (one == all_threads).all()


# --- KDTree.query_ball_point --------------------------------------------------------------------


@pytest.mark.parametrize("m", (1, 2, 3))
@pytest.mark.parametrize("p", P_NORMS)
@pytest.mark.parametrize("options", ({}, {"return_sorted": True}, {"return_sorted": False},
                                     {"return_length": True}))
def test_ball_agrees(m, p, options):
    data, x = cloud(150, m, m), cloud(20, m, 20 + m)
    assert_ball_agrees(data, x, 0.2, p=p, **options)
    assert_ball_agrees(data, x[0], 0.3, p=p, **options)  # a single point: a list


def test_ball_radius_array_and_shapes():
    data = cloud(100, 2, 1)
    x = cloud(6, 2, 2).reshape(2, 3, 2)
    assert_ball_agrees(data, x, 0.25)
    assert_ball_agrees(data, x, np.array([0.1, 0.2, 0.3]), return_length=True)
    assert_ball_agrees(data, x[0], [0.1, 0.2, 0.3], return_sorted=True)


def test_ball_includes_the_boundary():
    data = np.array([[3.0, 4.0], [0.0, 1.0], [6.0, 8.0]])
    assert_ball_agrees(data, [0.0, 0.0], 5.0, return_sorted=True)
    assert_ball_agrees(data, [0.0, 0.0], 7.0, p=1.0, return_sorted=True)
    assert ours.KDTree(data).query_ball_point([0.0, 0.0], 5.0, return_sorted=True) == [0, 1]


def test_ball_duplicates():
    data = cloud(80, 3, 4, duplicates=True)
    assert_ball_agrees(data, data[:15], 1.0)
    assert_ball_agrees(data, data[:15], 1.0, return_length=True)


@pytest.mark.parametrize("x, r", [
    (np.zeros(3), 0.1),                       # wrong vector length
    (np.zeros((4, 2)), [0.1, 0.2]),           # r does not broadcast
])
def test_ball_bad_input(x, r):
    data = cloud(20, 2, 0)
    assert_same_error(ours.KDTree(data).query_ball_point, ref.KDTree(data).query_ball_point, x, r)


def test_sparse_distance_matrix_agrees():
    a, b = cloud(120, 2, 1), cloud(100, 2, 2)
    want = ref.KDTree(a).sparse_distance_matrix(ref.KDTree(b), 0.1, output_type="ndarray")
    got = ours.KDTree(a).sparse_distance_matrix(ours.KDTree(b), 0.1, output_type="ndarray")
    want = np.sort(want, order=["i", "j"])
    np.testing.assert_array_equal(got["i"], want["i"])
    np.testing.assert_array_equal(got["j"], want["j"])
    assert_agrees(got["v"], want["v"])
    want_dict = ref.KDTree(a).sparse_distance_matrix(ref.KDTree(b), 0.1, output_type="dict")
    assert ours.KDTree(a).sparse_distance_matrix(ours.KDTree(b), 0.1, output_type="dict") == \
        pytest.approx(want_dict, rel=1e-12)


# --- Hypothesis -------------------------------------------------------------------------------


@st.composite
def point_clouds(draw):
    m = draw(st.sampled_from((1, 2, 3)))
    n = draw(st.integers(1, 40))
    grid = draw(st.booleans())  # small integers: duplicates and tied distances
    elements = st.integers(-3, 3).map(float) if grid else \
        st.floats(-100, 100, allow_nan=False, allow_infinity=False, width=64)
    data = draw(hnp.arrays(np.float64, (n, m), elements=elements))
    x = draw(hnp.arrays(np.float64, (draw(st.integers(1, 6)), m), elements=elements))
    return data, x


@given(point_clouds(), st.integers(1, 5), st.sampled_from(P_NORMS), st.integers(1, 8))
def test_query_property(cloud_and_x, k, p, leafsize):
    data, x = cloud_and_x
    assert_query_agrees(data, x, k=k, p=p, leafsize=leafsize)


@given(point_clouds(), st.floats(0, 5), st.sampled_from(P_NORMS))
def test_ball_property(cloud_and_x, r, p):
    data, x = cloud_and_x
    assert_ball_agrees(data, x, r, p=p)
    assert_ball_agrees(data, x, r, p=p, return_length=True)


@given(point_clouds(), st.sampled_from((1.0, 2.0, np.inf)))
def test_distance_matrix_property(cloud_and_x, p):
    data, x = cloud_and_x
    assert_agrees(ours.distance_matrix(x, data, p=p), ref.distance_matrix(x, data, p=p))


# --- docstrings -------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ("scratch.spatial._distance", "scratch.spatial._kdtree"))
def test_doctests(module):
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("shape", [(5, 0), (0, 0)])
def test_kdtree_points_without_coordinates(shape):
    """Issue 15: SciPy fails inside its tree builder (IndexError "Out of bounds on buffer
    access"); scratch raises a ValueError naming ``data`` and its shape."""
    with pytest.raises(IndexError):
        ref.KDTree(np.zeros(shape))
    with pytest.raises(ValueError, match=r"`data` is an array of shape"):
        ours.KDTree(np.zeros(shape))


def test_kdtree_no_points_with_coordinates_is_fine():
    tree, expected = ours.KDTree(np.zeros((0, 3))), ref.KDTree(np.zeros((0, 3)))
    assert tree.n == expected.n == 0 and tree.m == expected.m == 3


def test_distance_matrix_p_zero_is_a_value_error():
    """The reference divides by p (ZeroDivisionError inside); ours names p."""
    import scipy.spatial

    x, y = np.ones((2, 2)), np.ones((3, 2))
    with pytest.raises(ZeroDivisionError):
        scipy.spatial.distance_matrix(x, y, p=0)
    with pytest.raises(ValueError, match="p"):
        ours.distance_matrix(x, y, p=0)


def test_query_checks_k_before_x_and_workers_minus_one_without_cpu_count(monkeypatch):
    """SciPy's own test_kdtree.py: test_query_raises_for_k_none (k is checked before x) and
    test_ckdtree_parallel (workers=-1 when os.cpu_count() is None: NotImplementedError)."""
    import os

    import scipy.spatial

    import scratch.spatial

    points = np.random.default_rng(0).random((20, 3))
    for module in (scipy.spatial, scratch.spatial):
        tree = module.KDTree(points)
        with pytest.raises(ValueError, match="k must be an integer or"):
            tree.query(1.0, k=None)
    monkeypatch.setattr(os, "cpu_count", lambda: None)
    for module in (scipy.spatial, scratch.spatial):
        with pytest.raises(NotImplementedError, match="Cannot determine the"):
            module.KDTree(points).query(points, 1, workers=-1)


@pytest.mark.parametrize("k", [2.0, 2.5, 1.0, 0.5, 11.0, np.float32(2.5), float("nan"), float("inf"), -1.0])
@pytest.mark.parametrize("single", [False, True])
def test_kdtree_query_float_k_as_scipy(k, single):
    """Found by test_fuzz: SciPy reads a float k as the neighbours ``np.arange(1, k + 1)``
    (2.5: the three nearest; 1.0: the nearest alone, squeezed; NaN, inf, < 1: ValueError)."""
    data = np.random.default_rng(0).random((10, 2))
    x = np.random.default_rng(1).random((3, 2))
    x = x[0] if single else x
    try:
        expected = ref.KDTree(data).query(x, k=k)
    except ValueError:
        with pytest.raises(ValueError, match="`k`"):
            ours.KDTree(data).query(x, k=k)
        return
    result = ours.KDTree(data).query(x, k=k)
    assert_agrees(result[0], expected[0])
    np.testing.assert_array_equal(result[1], expected[1])
    assert np.shape(result[1]) == np.shape(expected[1])


@pytest.mark.parametrize("kwargs", [{"p": "bogus"}, {"p": "2"}, {"p": ()}, {"p": [3]}, {"threshold": "bogus"},
                                    {"threshold": ()}, {"threshold": None}, {"threshold": 2.5}],
                         ids=lambda k: repr(k))
def test_distance_matrix_string_p_or_threshold_as_scipy(kwargs):
    """Found by test_fuzz: the reference compares ``m * n * k <= threshold`` (TypeError for a
    string) and raises NumPy's TypeError for a string p."""
    x = np.random.default_rng(0).random((4, 2))
    y = np.random.default_rng(1).random((3, 2))
    try:
        expected = ref.distance_matrix(x, y, **kwargs)
    except Exception as error:
        with pytest.raises(type(error)):
            ours.distance_matrix(x, y, **kwargs)
    else:
        assert_agrees(ours.distance_matrix(x, y, **kwargs), expected)


@pytest.mark.parametrize("p", [1, 2, 3.5, np.inf])
def test_distance_matrix_non_finite_coordinates_as_scipy(p):
    """NaN and inf coordinates: SciPy's distance is NaN / inf for every p, Chebyshev included
    (NumPy's max propagates NaN; a running `if d > best` would skip it)."""
    x = np.array([[0.0, np.nan], [1.0, 2.0], [np.inf, 0.0], [np.nan, np.inf]])
    y = np.array([[0.0, 0.0], [1.0, 1.0], [-np.inf, 3.0]])
    expected = ref.distance_matrix(x, y, p=p)
    np.testing.assert_array_equal(ours.distance_matrix(x, y, p=p), expected)
