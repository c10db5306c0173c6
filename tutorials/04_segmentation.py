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
# # 04 — Segmentation
#
# A mask says *where* the foreground is; a **label image** says *which object* each pixel
# belongs to: 0 for background, 1, 2, 3, ... for the objects. We label the connected
# components of a mask, see why touching nuclei merge into one component, and split them
# with the **watershed** — first naively (it over-segments), then with a mask, after
# smoothing, and finally seeded by the peaks of the distance transform. The synthetic
# nuclei come with their true labels, so every segmentation gets a score. Every step is
# compared with scikit-image / SciPy.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/04_segmentation/` (default `tutorial-output/`), the
# key numbers to `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import scipy.ndimage as ndi
import skimage.feature
import skimage.filters
import skimage.measure
import skimage.segmentation

import scratch.feature
import scratch.filters
import scratch.measure
import scratch.ndimage
import scratch.segmentation
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "04_segmentation"
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


def mismatches(a, b):
    return int(np.count_nonzero(np.asarray(a) != np.asarray(b)))


def show_labels(ax, labels, title):
    """Labels in random-looking colours, background black."""
    cycled = np.ma.masked_where(labels == 0, (labels - 1) % 20)  # neighbours get distinct colours
    ax.imshow(cycled, cmap="tab20", vmin=0, vmax=19, interpolation="nearest")
    ax.set_facecolor("black")
    ax.set_title(title, fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])


def score(truth, labels):
    """How well ``labels`` recovers ``truth``: (nuclei matched at IoU > 0.5, mean best IoU).

    The contingency table counts the pixels of each (true nucleus, segment) pair; the
    intersection over union (IoU) of a pair is its count over the pixels of either. An IoU
    above 0.5 can hold for at most one segment per nucleus, so "matched" needs no assignment.
    """
    n_true, n_seg = int(truth.max()), int(labels.max())
    table = np.bincount(truth.ravel() * (n_seg + 1) + labels.ravel(),
                        minlength=(n_true + 1) * (n_seg + 1)).reshape(n_true + 1, n_seg + 1)
    union = table.sum(1)[:, None] + table.sum(0)[None, :] - table
    iou = (table / np.maximum(union, 1))[1:, 1:]  # drop the background row and column
    best = iou.max(axis=1) if n_seg else np.zeros(n_true)
    return int(np.sum(best > 0.5)), float(best.mean())


# %% [markdown]
# ## Connected components on a 5×5 example
#
# Two foreground pixels belong to the same component when a path of foreground neighbours
# joins them. *Which* pixels are neighbours is a choice: with `connectivity=1` only the 4
# that share an edge, with `connectivity=2` also the 4 diagonal ones. `label` numbers the
# components in raster order (row by row, the order their first pixel is met).

# %%
tiny = np.array([[1, 1, 0, 0, 0],
                 [1, 1, 0, 1, 1],
                 [0, 0, 1, 0, 1],
                 [0, 0, 0, 0, 0],
                 [1, 0, 0, 1, 1]], dtype=bool)
tiny_4 = scratch.measure.label(tiny, connectivity=1)
tiny_8 = scratch.measure.label(tiny, connectivity=2)
print("connectivity=1 (4 neighbours):\n", tiny_4)
print("connectivity=2 (8 neighbours):\n", tiny_8)
report("tiny_components_conn1", int(tiny_4.max()))
report("tiny_components_conn2", int(tiny_8.max()))
report("tiny_mismatches_vs_skimage",
       mismatches(tiny_4, skimage.measure.label(tiny, connectivity=1))
       + mismatches(tiny_8, skimage.measure.label(tiny, connectivity=2)))

fig, axes = plt.subplots(1, 3, figsize=(12, 4))
axes[0].imshow(tiny, cmap="gray")
axes[0].set_title("mask")
for ax, lab, name in [(axes[1], tiny_4, "connectivity=1"), (axes[2], tiny_8, "connectivity=2")]:
    ax.imshow(np.ma.masked_equal(lab, 0), cmap="tab10", vmin=1, vmax=10)
    ax.set_facecolor("black")
    ax.set_title(f"{name}: {lab.max()} components")
for ax, lab in zip(axes, [tiny.astype(int), tiny_4, tiny_8]):
    for (r, c), v in np.ndenumerate(lab):
        ax.text(c, r, str(v), ha="center", va="center", color="white" if v == 0 else "black")
    ax.set_xticks([])
    ax.set_yticks([])
show(fig, "tiny_components")

# %% [markdown]
# ## Connected components of nuclei
#
# The recipe of chapter 03: smooth a little (a gaussian with `sigma=1` removes most of the
# photon noise), threshold with Otsu, and label the mask.

# %%
nuclei, truth = data.nuclei((256, 256), n=30, seed=0)
smooth = scratch.filters.gaussian(nuclei, 1, preserve_range=True)
report("smooth_max_abs_diff",
       float(np.max(np.abs(smooth - skimage.filters.gaussian(nuclei, 1, preserve_range=True)))))
t = scratch.filters.threshold_otsu(smooth)
report("otsu_threshold", float(t))
report("otsu_matches_skimage", bool(t == skimage.filters.threshold_otsu(smooth)))
mask = smooth > t
components = scratch.measure.label(mask)
report("true_nuclei", int(truth.max()))
report("components", int(components.max()))
report("components_mismatches_vs_skimage", mismatches(components, skimage.measure.label(mask)))

fig, axes = plt.subplots(1, 4, figsize=(20, 5))
axes[0].imshow(nuclei, cmap="magma")
axes[0].set_title("synthetic nuclei")
axes[0].axis("off")
axes[1].imshow(mask, cmap="gray")
axes[1].set_title(f"gaussian(σ=1) > Otsu ({t:.1f})")
axes[1].axis("off")
show_labels(axes[2], components, f"scratch.measure.label: {components.max()} components")
show_labels(axes[3], truth, f"ground truth: {truth.max()} nuclei")
show(fig, "components")

# %% [markdown]
# ## One component's mask
#
# A label image holds every object's mask at once: `components == k` is the mask of object
# `k`. The largest component is suspicious — it is far bigger than one nucleus. Looking at
# the true labels inside it tells why.

# %%
areas = np.bincount(components.ravel())
areas[0] = 0
largest = int(np.argmax(areas))
one = components == largest
inside = np.unique(truth[one])
inside = inside[inside > 0]
report("largest_component_label", largest)
report("largest_component_area", int(areas[largest]))
report("largest_component_true_nuclei", len(inside))
rows, cols = np.nonzero(one)
box = (slice(max(rows.min() - 5, 0), rows.max() + 6), slice(max(cols.min() - 5, 0), cols.max() + 6))

fig, axes = plt.subplots(1, 3, figsize=(15, 5))
axes[0].imshow(one, cmap="gray")
axes[0].set_title(f"components == {largest} ({areas[largest]} pixels)")
axes[1].imshow(nuclei[box], cmap="magma")
axes[1].set_title("the image there")
show_labels(axes[2], truth[box] * one[box], f"true nuclei inside: {len(inside)}")
for ax in axes[:2]:
    ax.axis("off")
show(fig, "one_component")

# %% [markdown]
# ## Touching nuclei merge
#
# Nuclei that touch leave no background between them, so no threshold can separate them:
# they become one component. Counting the true nuclei in each component shows how common
# that is.

# %%
per_component = [len(np.setdiff1d(np.unique(truth[components == k]), [0]))
                 for k in range(1, components.max() + 1)]
per_component = np.array(per_component)
report("merged_components", int(np.sum(per_component > 1)))
report("nuclei_in_merged_components", int(per_component[per_component > 1].sum()))
held = np.concatenate([[0], per_component])[components]  # each pixel: nuclei in its component

fig, axes = plt.subplots(1, 2, figsize=(11, 5))
im = axes[0].imshow(np.ma.masked_equal(held, 0), cmap="viridis", vmin=1,
                    vmax=max(3, per_component.max()), interpolation="nearest")
axes[0].set_facecolor("black")
axes[0].set_title("true nuclei per component")
fig.colorbar(im, ax=axes[0], shrink=0.8)
axes[0].axis("off")
axes[1].hist(per_component, bins=np.arange(0.5, per_component.max() + 1.5), rwidth=0.8)
axes[1].set_xlabel("true nuclei in the component")
axes[1].set_ylabel("components")
show(fig, "merging")

# %% [markdown]
# ## The distance transform
#
# Inside the mask, the Euclidean distance to the nearest background pixel is largest at the
# centre of each nucleus and dips along the "neck" where two nuclei touch. Turned upside
# down (`-distance`), each nucleus is a basin — exactly what the watershed floods.

# %%
distance = scratch.ndimage.distance_transform_edt(mask)
report("edt_max_abs_diff", float(np.max(np.abs(distance - ndi.distance_transform_edt(mask)))))

# %% [markdown]
# ## Watershed: naive, with a mask, after smoothing
#
# The watershed floods a landscape from its minima; where two floods meet, a border forms.
# Without markers, every local minimum of `-distance` starts its own flood. Pixel-exact
# distances have many small dents, so the naive watershed **over-segments**: many nuclei
# are cut into pieces. Worse, the background (distance 0) is the *highest* ground of
# `-distance`, so the floods from the nuclei spill over it and every region swallows a
# piece of background. A `mask` keeps the flood inside the foreground. **Smoothing** the
# distance (a gaussian, `sigma=2`) fills the small dents, so fewer minima remain.

# %%
distance_smooth = scratch.filters.gaussian(distance, 2)
report("distance_smooth_max_abs_diff",
       float(np.max(np.abs(distance_smooth - skimage.filters.gaussian(distance, 2)))))
naive = {
    "naive": (-distance, None),
    "masked": (-distance, mask),
    "smoothed": (-distance_smooth, mask),
}
segmentations = {"components": components}
for name, (landscape, m) in naive.items():
    ours = scratch.segmentation.watershed(landscape, mask=m)
    report(f"ws_{name}_mismatches_vs_skimage",
           mismatches(ours, skimage.segmentation.watershed(landscape, mask=m)))
    report(f"ws_{name}_regions", int(ours.max()))
    segmentations[name] = ours

fig, axes = plt.subplots(1, 4, figsize=(20, 5))
axes[0].imshow(distance, cmap="magma")
axes[0].set_title("distance transform of the mask")
axes[0].axis("off")
for ax, name in zip(axes[1:], naive):
    show_labels(ax, segmentations[name],
                f"watershed, {name}: {segmentations[name].max()} regions")
show(fig, "watershed_naive")

# %% [markdown]
# ## Watershed seeded by peaks of the distance
#
# Better: start exactly one flood per nucleus. `peak_local_max` finds the maxima of the
# smoothed distance that are the largest value in their `footprint` and (with `labels`)
# looks inside each component separately. The classic recipe uses a **30×30** footprint,
# tuned to nuclei of ~30 pixels or more. Our synthetic nuclei are smaller — semi-axes 7 to
# 13 pixels, centres as close as 12 pixels — so a 30×30 window (±15 pixels) spans
# two neighbouring nuclei and keeps only the higher peak: neighbours stay merged. Scaled to
# the smallest nucleus, a **15×15** footprint gives one seed per nucleus. Each peak becomes
# a numbered marker, and the watershed floods `-distance` from the markers within the mask.

# %%
seeds = {}
for size in [30, 15]:
    footprint = np.ones((size, size), dtype=bool)
    peaks = scratch.feature.peak_local_max(distance_smooth, footprint=footprint, labels=components)
    ref_peaks = skimage.feature.peak_local_max(distance_smooth, footprint=footprint,
                                               labels=components)
    report(f"peaks_{size}_count", len(peaks))
    report(f"peaks_{size}_match_skimage",
           bool(peaks.shape == ref_peaks.shape and np.array_equal(peaks, ref_peaks)))
    markers = np.zeros(nuclei.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    ours = scratch.segmentation.watershed(-distance_smooth, markers, mask=mask)
    report(f"ws_seeded_{size}_mismatches_vs_skimage",
           mismatches(ours, skimage.segmentation.watershed(-distance_smooth, markers, mask=mask)))
    report(f"ws_seeded_{size}_regions", int(ours.max()))
    segmentations[f"seeded_{size}"] = ours
    seeds[size] = peaks

fig, axes = plt.subplots(1, 3, figsize=(16, 5.5))
axes[0].imshow(distance_smooth, cmap="magma")
axes[0].plot(seeds[30][:, 1], seeds[30][:, 0], "c+", ms=12, mew=2, label="30×30")
axes[0].plot(seeds[15][:, 1], seeds[15][:, 0], "wx", ms=7, mew=1.5, label="15×15")
axes[0].legend(loc="lower right", fontsize=8)
axes[0].set_title("peaks of the smoothed distance")
axes[0].axis("off")
for ax, size in zip(axes[1:], [30, 15]):
    show_labels(ax, segmentations[f"seeded_{size}"],
                f"seeded watershed, {size}×{size} footprint: {len(seeds[size])} nuclei")
show(fig, "watershed_seeded")

# %% [markdown]
# ## Accuracy against the ground truth
#
# For each true nucleus, the segment that overlaps it best and their **IoU** (intersection
# over union, 1 = identical). A nucleus is *matched* when its IoU exceeds 0.5. Connected
# components lose the merged nuclei (only a big one may still be matched by its merged
# component); the naive watershed spills over the background and cuts nuclei into pieces;
# smoothing rescues most nuclei but leaves extra fragments; the seeded watershed with a
# footprint that suits the nuclei finds one region per nucleus for nearly all of them.

# %%
names = list(segmentations)
table = {}
for name in names:
    matched, mean_iou = score(truth, segmentations[name])
    table[name] = (int(segmentations[name].max()), matched, mean_iou)
    report(f"{name}_matched", matched)
    report(f"{name}_mean_iou", mean_iou)
print(f"\n{'segmentation':<14} {'regions':>8} {'matched':>8} {'mean IoU':>9}   (of {truth.max()} nuclei)")
for name, (n, matched, mean_iou) in table.items():
    print(f"{name:<14} {n:>8} {matched:>8} {mean_iou:>9.3f}")

fig, axes = plt.subplots(1, 3, figsize=(18, 5))
x = np.arange(len(names))
axes[0].bar(x - 0.2, [table[n][0] for n in names], 0.4, label="regions")
axes[0].bar(x + 0.2, [table[n][1] for n in names], 0.4, label="matched (IoU > 0.5)")
axes[0].axhline(truth.max(), color="k", ls="--", lw=1, label="true nuclei")
axes[0].set_xticks(x, names, rotation=30)
axes[0].legend(fontsize=8)
axes[0].set_title("regions found and nuclei matched")
show_labels(axes[1], truth, "ground truth")
show_labels(axes[2], segmentations["seeded_15"],
            f"seeded watershed (15×15): {table['seeded_15'][1]} of {truth.max()} matched")
show(fig, "accuracy")

# %% [markdown]
# ## Exercises
#
# 1. Label the 5×5 example with `background=1`: what are the components now?
# 2. Seed with footprints of 9×9, 21×21 and 41×41. Plot "matched" against the footprint size:
#    where does under-seeding start, and where over-seeding?
# 3. Skip smoothing the distance (`sigma=0`) and use `min_distance=5` instead of a footprint.
#    How many nuclei are matched?
# 4. Draw a noisier scene (`data.nuclei(photons=100)`) and repeat the pipeline. Which step
#    suffers first — the threshold, or the seeds?
# 5. Pass `watershed_line=True` to the seeded watershed: where do the lines go, and how do
#    they change the IoU?
# 6. Light the scene unevenly (`data.nuclei(background_slope=1.0)`): which nuclei does the
#    Otsu mask lose or merge, and does `threshold_local` (chapter 03) bring them back?
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('label', label)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`label`** — Connected-component labeling (union-find) (10 points): `generate_binary_structure` → `neighbour_offsets` → `resolve` → `label`
# - **`watershed`** — Marker-based watershed (priority flood) (10 points): `raveled_offsets` → `flood` → `watershed`
# - **`peak_local_max`** — Peaks: local maxima, thresholds, greedy thinning (10 points): `peak_mask` → `border_width` → `high_intensity_peaks` → `peak_local_max`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
