"""scratch.tracking: checked against ground truth and against scipy.optimize.linear_sum_assignment.

Tracking has no single reference library, so every expected value comes from one of:

* the **ground truth** of a simulated sequence (:func:`scratch.tracking.toy_sequence` records
  which detection is which particle), or of a hand-made case;
* **SciPy**: the optimal links must have the total cost that
  ``scipy.optimize.linear_sum_assignment`` finds on the same cost matrix - the plain
  ``n x m`` matrix without a gate, Jaqaman's ``(n + m) x (m + n)`` block matrix with one
  (built here with NumPy, independently of scratch's ``lap_cost_matrix``).

The epsilon-perturbed cases follow trackpy's linking tests: points placed so that a greedy
linker and the optimal one must disagree by a margin ``eps``, for several ``eps``.
"""

import doctest
import importlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from scipy.optimize import linear_sum_assignment as ref_lsa

from scratch import tracking
from conftest import unchanged_copy

EPSILONS = (0.1, 1e-3, 1e-6)


# --- references built with NumPy + SciPy only -------------------------------------------------


def numpy_cost(a, b, fa=None, fb=None, w=None, max_distance=np.inf):
    """Squared displacement + weighted squared feature differences, inf beyond the gate."""
    a, b = np.asarray(a, float), np.asarray(b, float)
    d2 = ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1)
    cost = d2.copy()
    if fa is not None:
        fa = np.asarray(fa, float).reshape(len(a), -1)
        fb = np.asarray(fb, float).reshape(len(b), -1)
        cost += (np.asarray(w, float) * (fa[:, None, :] - fb[None, :, :]) ** 2).sum(-1)
    cost[np.sqrt(d2) > max_distance] = np.inf
    return cost


def numpy_block(cost, alt):
    """Jaqaman et al. 2008, Fig. 1b: [[C, diag(alt)], [diag(alt), C^T pattern * min(C)]]."""
    n, m = cost.shape
    ok = np.isfinite(cost)
    block = np.full((n + m, m + n), np.inf)
    block[:n, :m] = cost
    block[range(n), range(m, m + n)] = alt
    block[range(n, n + m), range(m)] = alt
    block[n:, m:][ok.T] = cost[ok].min() if ok.any() else 0.0
    return block


def block_total(cost, alt, i, j):
    """The block-matrix cost of links ``(i, j)``: links + their auxiliary twins + births/deaths."""
    n, m = cost.shape
    ok = np.isfinite(cost)
    aux = cost[ok].min() if ok.any() else 0.0
    links = len(i)
    return cost[i, j].sum() + links * aux + (n - links) * alt + (m - links) * alt


def as_pairs(i, j):
    return sorted(zip(np.asarray(i).tolist(), np.asarray(j).tolist()))


def on_a_line(xs):
    """1-D positions as 2-D points (y = 0)."""
    return np.stack([np.zeros(len(xs)), np.asarray(xs, float)], axis=1)


# --- epsilon-perturbed cases: greedy and optimal must differ ----------------------------------


@pytest.mark.parametrize("eps", EPSILONS)
def test_conflict_resolved_greedy_differs_from_optimal(eps):
    # a0 = 0, a1 = 2; b0 = 1 + eps, b1 = 3.  b0 is a1's nearest by 2 eps, so the cheapest
    # link is a1 -> b0, which leaves a0 -> b1 (cost ~9); the optimum pairs in order (~2).
    a, b = on_a_line([0, 2]), on_a_line([1 + eps, 3])
    assert as_pairs(*tracking.greedy_links(a, b, resolve_conflicts=True)) == [(0, 1), (1, 0)]
    assert as_pairs(*tracking.greedy_links(a, b, resolve_conflicts=False)) == [(0, 0), (1, 1)]
    assert as_pairs(*tracking.nearest_neighbor_links(a, b, "forward")) == [(0, 0), (1, 0)]
    assert as_pairs(*tracking.nearest_neighbor_links(a, b, "backward")) == [(1, 0), (1, 1)]
    rows, cols = ref_lsa(numpy_cost(a, b))
    assert as_pairs(*tracking.optimal_links(a, b)) == as_pairs(rows, cols) == [(0, 0), (1, 1)]


@pytest.mark.parametrize("eps", EPSILONS)
def test_first_come_greedy_differs_from_optimal(eps):
    # a0 = 0 reaches b0 = 1 - eps first (and b0 is also a1's nearest at 1 + eps); a1 = 2 is
    # then left with b1 = -2.  Optimal: a0 -> b1 (4) and a1 -> b0 (~1).
    a, b = on_a_line([0, 2]), on_a_line([1 - eps, -2])
    expected_greedy = [(0, 0), (1, 1)]
    assert as_pairs(*tracking.greedy_links(a, b, resolve_conflicts=False)) == expected_greedy
    assert as_pairs(*tracking.greedy_links(a, b, resolve_conflicts=True)) == expected_greedy
    rows, cols = ref_lsa(numpy_cost(a, b))
    assert as_pairs(*tracking.optimal_links(a, b)) == as_pairs(rows, cols) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("eps", EPSILONS)
def test_chain_of_three(eps):
    # a chain: every point moves by ~1 to the right.  Greedy grabs the two tiny links
    # a1 -> b0 (eps) and a2 -> b1 (2 eps) and strands a0 3 away; the optimum shifts all three.
    a, b = on_a_line([0, 1, 2]), on_a_line([1 - eps, 2 - 2 * eps, 3])
    rows, cols = ref_lsa(numpy_cost(a, b))
    want = as_pairs(rows, cols)
    got = as_pairs(*tracking.optimal_links(a, b))
    assert got == want
    greedy = tracking.greedy_links(a, b, resolve_conflicts=True)
    cost = numpy_cost(a, b)
    assert cost[greedy].sum() > cost[rows, cols].sum()


# --- optimal linking == SciPy's assignment on the same cost -----------------------------------


@st.composite
def frame_pairs(draw):
    n = draw(st.integers(1, 7))
    m = draw(st.integers(1, 7))
    coords = st.floats(0, 10, allow_nan=False, width=64)
    a = draw(hnp.arrays(np.float64, (n, 2), elements=coords))
    b = draw(hnp.arrays(np.float64, (m, 2), elements=coords))
    fa = draw(hnp.arrays(np.float64, (n,), elements=st.floats(0, 100, width=64)))
    fb = draw(hnp.arrays(np.float64, (m,), elements=st.floats(0, 100, width=64)))
    w = draw(st.sampled_from((0.0, 0.01, 1.0)))
    return a, b, fa, fb, w


@given(frame_pairs())
def test_optimal_total_cost_equals_scipy(pair):
    a, b, fa, fb, w = pair
    cost = numpy_cost(a, b, fa, fb, w)
    rows, cols = ref_lsa(cost)
    i, j = tracking.optimal_links(a, b, features_a=fa, features_b=fb, weights=w)
    assert len(i) == min(cost.shape) and len(set(i)) == len(i) and len(set(j)) == len(j)
    np.testing.assert_allclose(cost[i, j].sum(), cost[rows, cols].sum(), rtol=1e-9, atol=1e-12)


@given(frame_pairs(), st.floats(0.5, 6), st.sampled_from((None, 2.0, 30.0)))
def test_gated_total_cost_equals_scipy_on_the_block_matrix(pair, max_distance, alt):
    a, b, fa, fb, w = pair
    cost = numpy_cost(a, b, fa, fb, w, max_distance)
    finite = cost[np.isfinite(cost)]
    alternative = alt if alt is not None else (1.05 * finite.max() if finite.size else 1.0)
    block = numpy_block(cost, alternative)
    rows, cols = ref_lsa(block)
    want = block[rows, cols].sum()
    i, j = tracking.optimal_links(a, b, max_distance=max_distance, features_a=fa,
                                  features_b=fb, weights=w, alternative_cost=alt)
    assert np.isfinite(cost[i, j]).all()  # every link passes the gate
    assert len(set(i)) == len(i) and len(set(j)) == len(j)
    np.testing.assert_allclose(block_total(cost, alternative, i, j), want, rtol=1e-9, atol=1e-9)


def test_lap_cost_matrix_is_jaqamans():
    cost = numpy_cost(on_a_line([0, 3.5, 9]), on_a_line([2, 100]), max_distance=3.0)
    np.testing.assert_array_equal(tracking.lap_cost_matrix(cost, 7.0), numpy_block(cost, 7.0))
    np.testing.assert_array_equal(tracking.link_cost(on_a_line([0, 3.5, 9]), on_a_line([2, 100]),
                                                     max_distance=3.0), cost)


# --- gating with births and deaths ------------------------------------------------------------


def test_gating_is_not_filtering_afterwards():
    # Unconstrained, the assignment must pair everybody: a0 -> b0 and a1 -> b1 (96.5 away).
    # Dropping the long link afterwards keeps a0 -> b0.  With the gate inside the
    # assignment, a1 -> b0 (1.5) is better than a0 -> b0 (2): a0 dies, b1 is born.
    a, b = on_a_line([0, 3.5]), on_a_line([2, 100])
    rows, cols = ref_lsa(numpy_cost(a, b))
    filtered = [(r, c) for r, c in zip(rows, cols) if abs(a[r, 1] - b[c, 1]) <= 3]
    assert filtered == [(0, 0)]
    cost = numpy_cost(a, b, max_distance=3.0)
    block = numpy_block(cost, 1.05 * cost[np.isfinite(cost)].max())
    r2, c2 = ref_lsa(block)
    gated = [(r, c) for r, c in zip(r2, c2) if r < 2 and c < 2]
    assert gated == [(1, 0)]
    assert as_pairs(*tracking.optimal_links(a, b, max_distance=3.0)) == gated


def test_alternative_cost_decides_births_and_deaths():
    # one candidate link of cost 4 (aux = 4): linking costs 4 + 4 against 2 * alt unlinked
    a, b = on_a_line([0]), on_a_line([2])
    assert as_pairs(*tracking.optimal_links(a, b, max_distance=5, alternative_cost=5.0)) == [(0, 0)]
    assert as_pairs(*tracking.optimal_links(a, b, max_distance=5, alternative_cost=3.0)) == []
    assert as_pairs(*tracking.optimal_links(a, b, max_distance=1)) == []  # gated out


def test_births_and_deaths_in_a_sequence():
    toy = tracking.toy_sequence(n=30, n_frames=12, shape=(200, 200), diffusion=0.5,
                                birth_rate=0.1, death_rate=0.05, seed=4)
    truth_ids = np.concatenate(toy.particle)
    table = tracking.link(toy.positions, max_distance=5.0)
    links = tracking.links_from_table(table)
    assert tracking.fraction_correct_links(links, toy.true_links) == 1.0
    assert tracking.fraction_false_links(links, toy.true_links) == 0.0
    # as many tracks as true particles, each one pure
    assert np.unique(table["particle"]).size == np.unique(truth_ids).size
    assert (tracking.track_purity(table["particle"], truth_ids)[1] == 1.0).all()


# --- features in the cost ---------------------------------------------------------------------


def test_features_change_the_answer():
    # a0 (dim) and a1 (bright) move towards each other and cross; positions alone pair them
    # in order, the intensity pairs them as they truly are (the swap).
    a, b = on_a_line([0, 2]), on_a_line([0.9, 1.1])
    fa, fb = np.array([10.0, 100.0]), np.array([100.0, 10.0])
    truth = [(0, 1), (1, 0)]
    for w, want_swap in ((0.0, False), (1e-3, True)):
        rows, cols = ref_lsa(numpy_cost(a, b, fa, fb, w))
        expected = as_pairs(rows, cols)
        assert (expected == truth) == want_swap
        assert as_pairs(*tracking.optimal_links(a, b, features_a=fa, features_b=fb,
                                                weights=w)) == expected
        assert as_pairs(*tracking.optimal_links(a, b, max_distance=5, features_a=fa,
                                                features_b=fb, weights=w)) == expected
        assert as_pairs(*tracking.greedy_links(a, b, features_a=fa, features_b=fb,
                                               weights=w)) == expected


def test_features_in_a_sequence():
    # dense particles: with the intensity in the cost, fewer identity swaps
    toy = tracking.toy_sequence(n=150, n_frames=8, shape=(100, 100), diffusion=1.5,
                                intensity_sigma=1.0, intensity_noise=0.02, seed=5)
    plain = tracking.link(toy.positions, max_distance=6.0, features=toy.features)
    weighted = tracking.link(toy.positions, max_distance=6.0, features=toy.features,
                             weights={"intensity": 0.05})
    score = [tracking.fraction_correct_links(tracking.links_from_table(t), toy.true_links)
             for t in (plain, weighted)]
    assert score[0] < 0.9 and score[1] > 0.98  # 0.884 and 0.994 with this seed


# --- whole sequences: gap closing and the table -----------------------------------------------


def test_gap_closing_by_hand():
    frames = [on_a_line([0.0, 10.0]), on_a_line([10.5]), on_a_line([11.0, 0.4])]
    no_memory = tracking.link(frames, max_distance=1.0, memory=0)
    memory = tracking.link(frames, max_distance=1.0, memory=1)
    assert no_memory["particle"].tolist() == [0, 1, 1, 1, 2]  # the dim one gets a new id
    assert memory["particle"].tolist() == [0, 1, 1, 1, 0]     # ... or keeps it across the gap
    assert tracking.links_from_table(memory).tolist() == [[0, 0, 2, 1], [0, 1, 1, 0],
                                                          [1, 0, 2, 0]]


def test_gap_closing_recovers_missed_detections():
    toy = tracking.toy_sequence(n=40, n_frames=15, shape=(300, 300), drift=0.0, diffusion=0.5,
                                miss_rate=0.1, seed=6)
    gaps = toy.true_links[:, 2] - toy.true_links[:, 0]
    assert (gaps > 1).sum() > 10 and gaps.max() == 3
    scores, found = {}, {}
    for memory in (0, 1, 2):
        table = tracking.link(toy.positions, 6.0, memory=memory)
        links = tracking.links_from_table(table)
        assert (links[:, 2] - links[:, 0] <= memory + 1).all()  # no gap beyond the memory
        scores[memory] = tracking.fraction_correct_links(links, toy.true_links)
        found[memory] = tracking.fraction_correct_links(links, toy.true_links[gaps > 1])
    # (some true particles start within 2 px of each other: a few links stay ambiguous)
    assert scores[0] < scores[1] < scores[2] and scores[2] > 0.98
    assert found[0] == 0.0 and found[2] > 0.95


@pytest.mark.parametrize("method", ("optimal", "greedy"))
def test_table_columns(method):
    toy = tracking.toy_sequence(n=10, n_frames=4, seed=7)
    before = unchanged_copy(*toy.positions)
    table = tracking.link(toy.positions, 5.0, features=toy.features, method=method)
    assert list(table) == ["frame", "particle", "detection", "y", "x", "intensity"]
    n = sum(len(p) for p in toy.positions)
    assert all(len(col) == n for col in table.values())
    assert table["frame"].dtype == table["particle"].dtype == np.int64
    np.testing.assert_array_equal(np.stack([table["y"], table["x"]], 1),
                                  np.concatenate(toy.positions))
    np.testing.assert_array_equal(table["intensity"], np.concatenate(toy.features["intensity"]))
    for p, q in zip(toy.positions, before):
        np.testing.assert_array_equal(p, q)
    pd = pytest.importorskip("pandas")
    frame = tracking.link(toy.positions, 5.0, features=toy.features, method=method,
                          output="pandas")
    assert isinstance(frame, pd.DataFrame)
    pd.testing.assert_frame_equal(frame, pd.DataFrame(table))
    three_d = tracking.link([np.zeros((1, 3)), np.ones((1, 3))], 2.0)
    assert list(three_d)[3:] == ["z", "y", "x"] and three_d["particle"].tolist() == [0, 0]


@pytest.mark.parametrize("call", [
    lambda: tracking.optimal_links(np.zeros((2, 2)), np.zeros((2, 3))),          # dims differ
    lambda: tracking.optimal_links(np.zeros(2), np.zeros((2, 2))),               # 1-D
    lambda: tracking.optimal_links([[np.nan, 0]], [[0, 0]]),                     # NaN
    lambda: tracking.optimal_links([[0, 0]], [[0, 0]], max_distance=-1),         # negative gate
    lambda: tracking.optimal_links([[0, 0]], [[0, 0]], features_a=[1, 2], features_b=[1]),
    lambda: tracking.nearest_neighbor_links([[0, 0]], [[0, 0]], direction="up"),
    lambda: tracking.link([np.zeros((1, 2))], 1.0, method="magic"),
    lambda: tracking.link([np.zeros((1, 2))], 1.0, memory=-1),
    lambda: tracking.link([np.zeros((1, 2))], 1.0, weights={"area": 1.0}),
])
def test_bad_input_is_a_value_error(call):
    with pytest.raises(ValueError):
        call()


# --- metrics ----------------------------------------------------------------------------------


def test_metrics_by_hand():
    truth = [[0, 0, 1, 0], [0, 1, 1, 1], [1, 0, 2, 1]]
    predicted = [[0, 0, 1, 0], [0, 1, 1, 0]]
    assert tracking.fraction_correct_links(predicted, truth) == pytest.approx(1 / 3)
    assert tracking.fraction_false_links(predicted, truth) == 0.5
    tracks, purity = tracking.track_purity([3, 3, 3, 3, 8], [1, 1, 2, 1, 2])
    assert tracks.tolist() == [3, 8] and purity.tolist() == [0.75, 1.0]


def test_toy_sequence_ground_truth():
    toy = tracking.toy_sequence(n=20, n_frames=6, birth_rate=0.1, death_rate=0.1,
                                miss_rate=0.2, seed=8)
    for fa, ia, fb, ib in toy.true_links:
        assert fa < fb and toy.particle[fa][ia] == toy.particle[fb][ib]
        for f in range(fa + 1, fb):  # not detected in between
            assert toy.particle[fa][ia] not in toy.particle[f]
    # every detection but a particle's first has exactly one incoming true link
    firsts = len(np.unique(np.concatenate(toy.particle)))
    assert len(toy.true_links) == sum(len(p) for p in toy.particle) - firsts


def test_toy_sequence_class_fields_and_defaults():
    # ToySequence, named directly: a dataclass with the documented fields, defaults that are
    # fresh per instance, and n_frames = the number of position arrays
    import dataclasses

    assert [f.name for f in dataclasses.fields(tracking.ToySequence)] == [
        "positions", "features", "particle", "true_links"]
    frames = [np.zeros((2, 2)), np.ones((3, 2)), np.ones((0, 2))]
    a = tracking.ToySequence(positions=frames)
    b = tracking.ToySequence(positions=frames[:1])
    assert a.n_frames == 3 and b.n_frames == 1
    assert a.features == {} and a.particle == [] and a.true_links is None
    a.features["intensity"] = []
    a.particle.append(np.arange(2))
    assert b.features == {} and b.particle == []  # not shared between instances


@pytest.mark.parametrize("miss_rate, birth_rate, death_rate", [(0.0, 0.0, 0.0), (0.3, 0.2, 0.1)])
def test_toy_sequence_ground_truth_is_the_motion(miss_rate, birth_rate, death_rate):
    # with no diffusion and no measurement noise, the true links are exactly the pairs of
    # detections related by the drift (particles keep moving while undetected) and of equal
    # brightness: the ground truth is checked against the physics of the model, not the code
    drift = np.array([1.5, -0.5])
    toy = tracking.toy_sequence(n=25, n_frames=7, drift=drift, diffusion=0.0, birth_rate=birth_rate,
                                death_rate=death_rate, miss_rate=miss_rate, intensity_noise=0.0, seed=4)
    assert isinstance(toy, tracking.ToySequence)
    assert toy.n_frames == 7 == len(toy.particle) == len(toy.features["intensity"])
    for pos, ids, bright in zip(toy.positions, toy.particle, toy.features["intensity"]):
        assert pos.shape == (len(ids), 2) and bright.shape == (len(ids),)
        assert len(np.unique(ids)) == len(ids)  # one detection per particle and frame
    links = toy.true_links
    assert links.dtype == np.int64 and links.shape[1] == 4 and len(links) > 0
    assert [tuple(r) for r in links] == sorted(tuple(r) for r in links)
    for fa, ia, fb, ib in links:
        np.testing.assert_allclose(toy.positions[fb][ib] - toy.positions[fa][ia], drift * (fb - fa),
                                   rtol=0, atol=1e-9)
        assert toy.features["intensity"][fb][ib] == toy.features["intensity"][fa][ia]
    # and every detection of a particle seen before has exactly one incoming link
    linked_to = {(int(fb), int(ib)) for _, _, fb, ib in links}
    seen = set()
    for t, ids in enumerate(toy.particle):
        for i, pid in enumerate(ids):
            assert ((t, i) in linked_to) == (pid in seen)
            seen.add(pid)
    if miss_rate == birth_rate == death_rate == 0.0:
        assert [len(p) for p in toy.positions] == [25] * 7
        assert len(links) == 25 * 6 and np.all(links[:, 2] == links[:, 0] + 1)


# --- speed-sized run (no timing assertion) ----------------------------------------------------


@pytest.mark.slow
def test_large_sequence_accuracy():
    toy = tracking.toy_sequence(n=2000, n_frames=100, shape=(1024, 1024), diffusion=1.0,
                                birth_rate=0.01, death_rate=0.01, miss_rate=0.02, seed=3)
    table = tracking.link(toy.positions, max_distance=8.0, memory=2)
    links = tracking.links_from_table(table)
    assert tracking.fraction_correct_links(links, toy.true_links) > 0.97
    assert tracking.fraction_false_links(links, toy.true_links) < 0.03


@pytest.mark.parametrize("module", ("_frame_links", "_link", "_metrics", "_toy"))
def test_doctests(module):
    result = doctest.testmod(importlib.import_module(f"scratch.tracking.{module}"))
    assert result.attempted > 0 and result.failed == 0
