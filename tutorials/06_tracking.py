# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 — Tracking
#
# Segmentation finds the objects of one frame; tracking says which object of frame `t + 1`
# is which object of frame `t`. We work on a simulation whose true links are known
# (`scratch.tracking.toy_sequence`): particles drift and diffuse, appear, vanish and are
# sometimes missed by the detector. We compare four ways to link two frames — nearest
# neighbour forwards and backwards, greedy matching, and the optimal assignment — with
# SciPy's `cKDTree` and `linear_sum_assignment` as references, then link whole tracks.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/06_tracking/` (default `tutorial-output/`), the key
# numbers to `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial import cKDTree

from scratch import tracking

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "06_tracking"
OUT.mkdir(parents=True, exist_ok=True)
RESULTS = {}


def show(fig, name):
    """Save the figure; display it in a notebook (or with SCRATCH_TUTORIAL_SHOW=1)."""
    fig.savefig(OUT / f"{name}.png", dpi=80, bbox_inches="tight")
    if "ipykernel" in sys.modules or os.environ.get("SCRATCH_TUTORIAL_SHOW"):
        plt.show()
    else:
        plt.close(fig)


def report(name, value):
    """Print a key number and keep it for results.json."""
    RESULTS[name] = value
    print(f"{name:<42} {value:.6g}" if isinstance(value, float) else f"{name:<42} {value}")


def as_links(i, j, frames=(0, 1)):
    """Index pairs -> rows (frame_a, index_a, frame_b, index_b), the format of the metrics."""
    i, j = np.asarray(i), np.asarray(j)
    return np.stack([np.full_like(i, frames[0]), i, np.full_like(j, frames[1]), j], axis=1)


def draw_links(ax, a, b, i, j, truth=None, title=""):
    """Frame t as blue dots, frame t+1 as orange crosses; correct links green, wrong red."""
    ax.scatter(a[:, 1], a[:, 0], s=12, c="tab:blue", label="frame t")
    ax.scatter(b[:, 1], b[:, 0], s=16, c="tab:orange", marker="x", label="frame t+1")
    true_set = None if truth is None else {(r[1], r[3]) for r in truth}
    for ii, jj in zip(i, j):
        ok = true_set is None or (ii, jj) in true_set
        ax.plot([a[ii, 1], b[jj, 1]], [a[ii, 0], b[jj, 0]], color="green" if ok else "red", lw=1)
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.invert_yaxis()


# %% [markdown]
# ## The toy data
#
# 100 particles in a 200×200 field; between frames each moves by a random step of standard
# deviation `sqrt(2 D)` per axis (`D` is the diffusion coefficient) plus a drift. The
# detections of each frame are shuffled, so a detection's row says nothing about its
# identity: `toy.true_links` holds the answer.

# %%
def two_frames(diffusion, drift=0.0, seed=1, **kw):
    return tracking.toy_sequence(n=100, n_frames=2, shape=(200, 200), drift=drift,
                                 diffusion=diffusion, seed=seed, **kw)


toy = two_frames(diffusion=4)
a, b = toy.positions
print("frame 0:", a.shape, " frame 1:", b.shape, " true links:", len(toy.true_links))
print("first true links (frame_a, index_a, frame_b, index_b):\n", toy.true_links[:3])

fig, ax = plt.subplots(figsize=(7, 7))
draw_links(ax, a, b, toy.true_links[:, 1], toy.true_links[:, 3], title="true links, D = 4")
ax.legend()
show(fig, "toy_data")

# %% [markdown]
# ## Nearest neighbour, both ways
#
# The simplest rule: each particle of frame `t` goes to its nearest detection in frame `t+1`
# (*forward*); or each detection of `t+1` comes from its nearest particle in `t` (*backward*).
# Neither is a matching: two particles may claim the same partner. The reference is a k-d
# tree query with SciPy.

# %%
i_f, j_f = tracking.nearest_neighbor_links(a, b, "forward")
i_b, j_b = tracking.nearest_neighbor_links(a, b, "backward")
_, ref_f = cKDTree(b).query(a)  # nearest b for every a
_, ref_b = cKDTree(a).query(b)  # nearest a for every b
report("nn_forward_mismatches_vs_scipy", int(np.count_nonzero(j_f[np.argsort(i_f)] != ref_f)))
report("nn_backward_mismatches_vs_scipy", int(np.count_nonzero(i_b[np.argsort(j_b)] != ref_b)))
for name, (i, j) in {"forward": (i_f, j_f), "backward": (i_b, j_b)}.items():
    claimed = np.bincount(j if name == "forward" else i)
    print(f"{name:>8}: correct {tracking.fraction_correct_links(as_links(i, j), toy.true_links):.2f}, "
          f"partners claimed twice or more: {int(np.sum(claimed > 1))}")
RESULTS["nn_forward_fraction_correct_D4"] = tracking.fraction_correct_links(as_links(i_f, j_f), toy.true_links)

fig, axes = plt.subplots(1, 2, figsize=(14, 7))
draw_links(axes[0], a, b, i_f, j_f, toy.true_links, "nearest neighbour, forward (red = wrong)")
draw_links(axes[1], a, b, i_b, j_b, toy.true_links, "nearest neighbour, backward")
show(fig, "nearest_neighbour")

# %% [markdown]
# ## Where nearest neighbour is wrong and linear assignment is right
#
# Two particles 3 pixels apart on a line both move 2 pixels to the right. The first
# particle's new position lies only 1 pixel from the second particle — closer than the second
# particle's own new position — so nearest neighbour (and greedy matching, which takes the
# cheapest link first) pairs them wrongly. The **optimal assignment** minimises the total cost — the sum of squared
# displacements, the likelihood of Brownian motion — over all one-to-one matchings, and finds
# the truth: 2² + 2² = 8 beats 1² + 5² = 26.

# %%
a2 = np.array([[10.0, 10.0], [10.0, 13.0]])
b2 = a2 + [0.0, 2.0]
cost2 = tracking.link_cost(a2, b2)
print("cost matrix (squared distances):\n", cost2)
for name, (i, j) in {
    "nearest forward": tracking.nearest_neighbor_links(a2, b2, "forward"),
    "greedy": tracking.greedy_links(a2, b2),
    "optimal": tracking.optimal_links(a2, b2),
}.items():
    print(f"{name:>16}: links {list(zip(i.tolist(), j.tolist()))}, total cost {cost2[i, j].sum():g}")
i_o, j_o = tracking.optimal_links(a2, b2)
rows, cols = linear_sum_assignment(cost2)
report("hand_optimal_cost", float(cost2[i_o, j_o].sum()))
report("hand_optimal_cost_scipy", float(cost2[rows, cols].sum()))
report("hand_greedy_cost", float(cost2[tracking.greedy_links(a2, b2)].sum()))

fig, axes = plt.subplots(1, 3, figsize=(15, 3))
for ax, (name, (i, j)) in zip(axes, {
        "nearest neighbour (forward)": tracking.nearest_neighbor_links(a2, b2, "forward"),
        "greedy (cheapest first)": tracking.greedy_links(a2, b2),
        "optimal (linear assignment)": tracking.optimal_links(a2, b2)}.items()):
    # x along the line, time downwards: frame t on top, frame t+1 below
    ax.scatter(a2[:, 1], [0, 0], c="tab:blue", s=40, label="frame t")
    ax.scatter(b2[:, 1], [1, 1], c="tab:orange", marker="x", s=50, label="frame t+1")
    for ii, jj in zip(i, j):
        ok = (ii, jj) in {(0, 0), (1, 1)}
        ax.plot([a2[ii, 1], b2[jj, 1]], [0, 1], color="green" if ok else "red")
    ax.set_ylim(1.3, -0.3)
    ax.set_yticks([0, 1], ["t", "t+1"])
    ax.set_xlabel("x (px)")
    ax.set_title(name)
axes[0].legend(loc="lower left")
show(fig, "nn_vs_lap")

# %% [markdown]
# ## More diffusion, more errors
#
# As `D` grows, steps become comparable to the distance between particles and every method
# makes mistakes; the optimal assignment makes the fewest. For each `D` we also solve the same
# cost matrix with SciPy's `linear_sum_assignment` and check that the total costs agree.

# %%
diffusions = [0.5, 1, 2, 4, 8, 16, 32]
methods = {
    "nearest (forward)": lambda a, b: tracking.nearest_neighbor_links(a, b, "forward"),
    "nearest (backward)": lambda a, b: tracking.nearest_neighbor_links(a, b, "backward"),
    "greedy": lambda a, b: tracking.greedy_links(a, b),
    "optimal": lambda a, b: tracking.optimal_links(a, b),
}
accuracy = {name: [] for name in methods}
optimal_costs, scipy_costs = [], []
for D in diffusions:
    t = two_frames(D)
    a, b = t.positions
    for name, method in methods.items():
        i, j = method(a, b)
        accuracy[name].append(tracking.fraction_correct_links(as_links(i, j), t.true_links))
    cost = tracking.link_cost(a, b)
    i, j = tracking.optimal_links(a, b)
    rows, cols = linear_sum_assignment(cost)
    optimal_costs.append(float(cost[i, j].sum()))
    scipy_costs.append(float(cost[rows, cols].sum()))
RESULTS["diffusions"] = diffusions
RESULTS["optimal_costs"] = optimal_costs
RESULTS["optimal_fraction_correct"] = accuracy["optimal"]
RESULTS["nn_forward_fraction_correct"] = accuracy["nearest (forward)"]
report("optimal_vs_scipy_max_rel_cost_diff",
       float(np.max(np.abs(np.subtract(optimal_costs, scipy_costs)) / np.array(scipy_costs))))
for name, acc in accuracy.items():
    print(f"{name:>20}: " + "  ".join(f"D={D}: {x:.2f}" for D, x in zip(diffusions, acc)))

fig, ax = plt.subplots(figsize=(7, 4))
for name, acc in accuracy.items():
    ax.plot(diffusions, acc, "o-", label=name)
ax.set_xscale("log")
ax.set_xlabel("diffusion coefficient D (px²/frame)")
ax.set_ylabel("fraction of true links found")
ax.legend()
show(fig, "accuracy_vs_diffusion")

# %% [markdown]
# ## Accuracy against drift and diffusion
#
# A drift moves every particle by the same vector. Nearest neighbour suffers badly: once the
# drift approaches the spacing between particles, the nearest detection is someone else's.
# The optimal assignment does not care at all when no particle appears or vanishes: shifting
# every point of frame `t+1` by the same vector changes the total squared cost of *every*
# complete matching by the same amount, so the best matching stays the best.

# %%
drifts = [0, 2, 4, 8, 12]
grid_d = [1, 4, 16]
heat = {"nearest (forward)": np.zeros((len(grid_d), len(drifts))), "optimal": np.zeros((len(grid_d), len(drifts)))}
for r, D in enumerate(grid_d):
    for c, drift in enumerate(drifts):
        t = two_frames(D, drift=drift)
        a, b = t.positions
        for name in heat:
            i, j = methods[name](a, b)
            heat[name][r, c] = tracking.fraction_correct_links(as_links(i, j), t.true_links)
RESULTS["drift_optimal_fraction_correct_D1"] = heat["optimal"][0].tolist()
RESULTS["drift_nn_fraction_correct_D1"] = heat["nearest (forward)"][0].tolist()

fig, axes = plt.subplots(1, 2, figsize=(12, 4))
for ax, (name, h) in zip(axes, heat.items()):
    im = ax.imshow(h, vmin=0, vmax=1, cmap="viridis")
    ax.set_xticks(range(len(drifts)), [str(d) for d in drifts])
    ax.set_yticks(range(len(grid_d)), [str(d) for d in grid_d])
    ax.set_xlabel("drift per frame and axis (px)")
    ax.set_ylabel("D")
    for (r, c), v in np.ndenumerate(h):
        ax.text(c, r, f"{v:.2f}", ha="center", va="center", color="w" if v < 0.6 else "k")
    ax.set_title(f"{name}: fraction correct")
fig.colorbar(im, ax=axes, fraction=0.03)
show(fig, "accuracy_drift_diffusion")

# %% [markdown]
# ## A cost that adds the intensity feature
#
# Particles differ in brightness, and a particle's brightness changes little between frames.
# Adding the weighted squared intensity difference to the cost,
# `|Δx|² + w (ΔI)²`, separates neighbours that position alone confuses. Too large a weight
# lets the (noisy) intensity overrule the position.

# %%
t = two_frames(16)
a, b = t.positions
fa, fb = t.features["intensity"]
weights = [0, 0.001, 0.01, 0.1, 1, 10, 100]
with_feature = []
for w in weights:
    i, j = tracking.optimal_links(a, b, features_a=fa, features_b=fb, weights=w)
    with_feature.append(tracking.fraction_correct_links(as_links(i, j), t.true_links))
    # the reference solves the same cost matrix
    cost = tracking.link_cost(a, b, fa, fb, weights=w)
    rows, cols = linear_sum_assignment(cost)
    assert np.isclose(cost[i, j].sum(), cost[rows, cols].sum(), rtol=1e-9)
RESULTS["feature_weights"] = weights
RESULTS["feature_fraction_correct"] = with_feature
print("D = 16:", "  ".join(f"w={w}: {x:.2f}" for w, x in zip(weights, with_feature)))

fig, ax = plt.subplots(figsize=(7, 4))
ax.semilogx([w if w else 1e-4 for w in weights], with_feature, "o-")
ax.set_xlabel("intensity weight w (w = 0 drawn at 1e-4)")
ax.set_ylabel("fraction correct (optimal, D = 16)")
show(fig, "intensity_feature")

# %% [markdown]
# ## Gating, births and deaths
#
# Now particles appear and disappear. Without a limit, the assignment must pair everyone and
# invents long false links between a dying particle and a newborn one. A *gate*
# (`max_distance`) forbids implausible links, and Jaqaman's block cost matrix makes "no link"
# an option inside the assignment: a particle may die, a detection may be born, each at an
# *alternative cost*. We check the total cost of scratch's solution against SciPy solving the
# same block matrix.

# %%
t = two_frames(4, seed=2, birth_rate=0.15, death_rate=0.15)
a, b = t.positions
print(f"{len(a)} -> {len(b)} detections, {len(t.true_links)} true links")
rows_ = []
for gate in [None, 5, 10, 15, 20]:
    i, j = tracking.optimal_links(a, b, max_distance=gate)
    links = as_links(i, j)
    rows_.append((gate, len(i), tracking.fraction_correct_links(links, t.true_links),
                  tracking.fraction_false_links(links, t.true_links)))
    print(f"gate {str(gate):>4}: {len(i):3d} links, correct {rows_[-1][2]:.2f}, false {rows_[-1][3]:.2f}")
RESULTS["gate_table"] = [[g if g is not None else -1, n, c, f] for g, n, c, f in rows_]

gate, alt = 10.0, 150.0
cost = tracking.link_cost(a, b, max_distance=gate)
block = tracking.lap_cost_matrix(cost, alternative_cost=alt)
i, j = tracking.optimal_links(a, b, max_distance=gate, alternative_cost=alt)
k = len(i)
ours_total = cost[i, j].sum() + k * cost[np.isfinite(cost)].min() + (len(a) - k + len(b) - k) * alt
rows, cols = linear_sum_assignment(block)
report("gated_block_cost_scratch", float(ours_total))
report("gated_block_cost_scipy", float(block[rows, cols].sum()))

fig, axes = plt.subplots(1, 2, figsize=(14, 7))
draw_links(axes[0], a, b, *tracking.optimal_links(a, b), t.true_links, "optimal, no gate: forced false links")
draw_links(axes[1], a, b, i, j, t.true_links, f"optimal, gate {gate:g} px, births/deaths")
show(fig, "gating")

# %% [markdown]
# ## Whole tracks over many frames
#
# `tracking.link` links a sequence frame by frame and numbers the tracks. With `memory=m` a
# track may skip up to `m` frames (a missed detection) and still be continued — *gap closing*.
# We score the links against the truth, and each track's *purity*: the fraction of its
# detections that belong to one true particle.

# %%
seq = tracking.toy_sequence(n=60, n_frames=30, shape=(200, 200), drift=(0.5, 1.0), diffusion=2,
                            birth_rate=0.03, death_rate=0.03, miss_rate=0.05, seed=3)
true_particle = np.concatenate(seq.particle)
summary = {}
for memory in [0, 1, 2]:
    table = tracking.link(seq.positions, max_distance=10, memory=memory, features=seq.features,
                          output="pandas")
    links = tracking.links_from_table(table)
    # the table lists detections frame by frame, in detection order: align the truth with it
    truth_of_row = np.array([seq.particle[f][d] for f, d in zip(table["frame"], table["detection"])])
    _, purity = tracking.track_purity(table["particle"].to_numpy(), truth_of_row)
    summary[memory] = dict(tracks=int(table["particle"].nunique()),
                           correct=tracking.fraction_correct_links(links, seq.true_links),
                           false=tracking.fraction_false_links(links, seq.true_links),
                           purity=float(purity.mean()))
    print(f"memory={memory}: {summary[memory]}")
print("true particles:", len(np.unique(true_particle)))
RESULTS["tracks_true_particles"] = int(len(np.unique(true_particle)))
RESULTS["tracks_summary"] = summary
print(table.head())

# %%
table = tracking.link(seq.positions, max_distance=10, memory=1, output="pandas")
truth_of_row = np.array([seq.particle[f][d] for f, d in zip(table["frame"], table["detection"])])
fig, axes = plt.subplots(1, 2, figsize=(14, 7))
for ax, (title, ids) in zip(axes, [("tracks found by link (memory=1)", table["particle"].to_numpy()),
                                   ("true particles", truth_of_row)]):
    for pid in np.unique(ids):
        sel = ids == pid
        ax.plot(table["x"].to_numpy()[sel], table["y"].to_numpy()[sel], "-", lw=1)
    ax.set_title(title)
    ax.set_aspect("equal")
    ax.invert_yaxis()
show(fig, "tracks")

# %% [markdown]
# ## Exercises
#
# 1. Double the number of particles (`n=200`) at `D = 4`. How does each method's accuracy
#    change, and why?
# 2. Add births and deaths to the drift experiment (`birth_rate=0.1, death_rate=0.1`). Is the
#    optimal assignment still blind to drift?
# 3. Find the gate that minimises false links for `D = 4`. How does it relate to the step
#    size `sqrt(2 D)`?
# 4. Link the long sequence with `method="greedy"` and compare the purity with `"optimal"`.
# 5. Add the intensity feature to `tracking.link` (`weights={"intensity": 0.1}`). Does it help
#    at `diffusion=8`?
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('linear_sum_assignment', linear_sum_assignment)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`linear_sum_assignment`** — The Hungarian method (shortest augmenting paths) (10 points): `shortest_augmenting_path` → `update_potentials` → `augment` → `solve` → `linear_sum_assignment`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
