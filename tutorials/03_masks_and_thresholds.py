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
# # 03 — Masks and thresholds
#
# A *mask* is a boolean image: `True` where something of interest is. We draw one from
# geometry, then let the image draw its own by a *threshold* — first by eye, then by three
# automatic methods whose inner workings we plot. Morphology (erosion, dilation, opening,
# closing) cleans masks up. Everything is compared with scikit-image / SciPy.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/03_masks_and_thresholds/` (default
# `tutorial-output/`), the key numbers to `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import scipy.ndimage as ndi
import skimage.exposure
import skimage.filters
import skimage.morphology
import skimage.util

import scratch.exposure
import scratch.filters
import scratch.morphology
import scratch.ndimage
import scratch.util
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "03_masks_and_thresholds"
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


def panels(axes, images, titles, cmap="gray"):
    for ax, im, t in zip(axes, images, titles):
        ax.imshow(im, cmap=cmap, interpolation="nearest")
        ax.set_title(t, fontsize=9)
        ax.axis("off")


# %% [markdown]
# ## A circular mask from distances to the centre
#
# Every pixel's distance to the centre is `sqrt((r − r0)² + (c − c0)²)`, computed for the
# whole grid at once with `np.indices`. The mask is "distance < radius". The same distances
# are the *Euclidean distance transform* of an image that is zero only at the centre — a
# function we will meet again for splitting nuclei.

# %%
camera = data.camera()
r0, c0, radius = 200, 260, 150
rows, cols = np.indices(camera.shape)
distance = np.sqrt((rows - r0) ** 2 + (cols - c0) ** 2)
not_centre = np.ones(camera.shape, bool)
not_centre[r0, c0] = False
edt = scratch.ndimage.distance_transform_edt(not_centre)
report("edt_vs_formula_max_abs_diff", float(np.max(np.abs(edt - distance))))
report("edt_vs_scipy_max_abs_diff", float(np.max(np.abs(edt - ndi.distance_transform_edt(not_centre)))))
mask = distance < radius
report("circle_pixels", int(mask.sum()))

fig, axes = plt.subplots(1, 4, figsize=(18, 4.5))
panels(axes, [distance, mask, camera * mask, camera * ~mask],
       ["distance to the centre", "mask = distance < 150", "camera × mask", "camera × (~mask)"])
show(fig, "circular_mask")

# %% [markdown]
# On an RGB image the mask must fit the array's shape. NumPy aligns shapes from the **last**
# axis: `(512, 512, 3)` against `(512, 512)` compares 3 with 512 and fails. Giving the mask a
# length-1 channel axis, `mask[..., None]` of shape `(512, 512, 1)`, lets it broadcast over
# the three channels.

# %%
ihc = data.immunohistochemistry()
disk_mask = np.sqrt((rows - 256) ** 2 + (cols - 256) ** 2) < 200
try:
    ihc * disk_mask
except ValueError as error:
    print("ValueError:", error)
masked_rgb = ihc * disk_mask[..., None]
print("fixed:", ihc.shape, "*", disk_mask[..., None].shape, "->", masked_rgb.shape)
report("masked_rgb_sum", int(masked_rgb.sum()))
fig, axes = plt.subplots(1, 2, figsize=(10, 5))
panels(axes, [ihc, masked_rgb], ["IHC", "IHC × mask[..., None]"])
show(fig, "rgb_mask")

# %% [markdown]
# ## A histogram, and a threshold by eye
#
# The coins are brighter than the background: the histogram has a background peak and a long
# bright tail. A threshold placed in the valley between them splits the two.

# %%
coins = data.coins()
counts, centers = scratch.exposure.histogram(coins)
ref_counts, _ = skimage.exposure.histogram(coins)
report("coins_histogram_mismatches", mismatches(counts, ref_counts))
by_eye = 110
coins_mask = coins > by_eye
report("coins_mask_pixels", int(coins_mask.sum()))

fig, axes = plt.subplots(1, 3, figsize=(17, 4.5))
axes[0].imshow(coins, cmap="gray")
axes[0].set_title("coins")
axes[0].axis("off")
axes[1].bar(centers, counts, width=1)
axes[1].axvline(by_eye, color="red", label=f"threshold by eye = {by_eye}")
axes[1].set_title("histogram (scratch.exposure.histogram)")
axes[1].legend()
axes[2].imshow(coins_mask, cmap="gray")
axes[2].set_title(f"coins > {by_eye}")
axes[2].axis("off")
show(fig, "threshold_by_eye")

# %% [markdown]
# ## Speckle, and despeckling
#
# Real masks come with speckle: isolated wrong pixels. We flip 3% of the pixels at random.
# An **opening** (erosion then dilation) deletes white specks smaller than the footprint; a
# **closing** (dilation then erosion) fills black ones. Or, by size: `remove_small_objects`
# and `remove_small_holes` drop connected components below `max_size` pixels. (Morphology
# on a boolean image is binary morphology: the same `opening`, `closing`, ... functions.)
# Neither is free: both also change some true detail, so we count the pixels that still
# differ from the clean mask.

# %%
rng = np.random.default_rng(0)
speckled = coins_mask ^ (rng.random(coins_mask.shape) < 0.03)
fp = scratch.morphology.disk(1)
despeckled = scratch.morphology.closing(scratch.morphology.opening(speckled, fp), fp)
ref = skimage.morphology.closing(skimage.morphology.opening(speckled, fp), fp)
report("despeckle_mismatches_vs_skimage", mismatches(despeckled, ref))
by_size = scratch.morphology.remove_small_holes(
    scratch.morphology.remove_small_objects(speckled, max_size=20), max_size=20)
ref_size = skimage.morphology.remove_small_holes(
    skimage.morphology.remove_small_objects(speckled, max_size=20), max_size=20)
report("remove_small_mismatches_vs_skimage", mismatches(by_size, ref_size))
report("speckled_wrong_pixels", mismatches(speckled, coins_mask))
report("despeckled_wrong_pixels", mismatches(despeckled, coins_mask))
report("by_size_wrong_pixels", mismatches(by_size, coins_mask))

fig, axes = plt.subplots(1, 4, figsize=(18, 4.5))
panels(axes, [speckled, despeckled, ref, by_size],
       ["speckled mask (3% flipped)", "scratch: closing(opening(·, disk(1)))",
        "skimage: the same", "scratch: remove_small_objects/holes(max_size=20)"])
show(fig, "despeckle")

# %% [markdown]
# ## Erosion, dilation, opening and closing, with their footprints
#
# The *footprint* is the neighbourhood a morphological operation looks at. **Erosion** keeps a
# pixel only if the whole footprint around it is inside the mask (shrinks objects);
# **dilation** sets it if the footprint touches the mask (grows them). Opening and closing
# chain the two. On gray images, erosion is the local minimum and dilation the local maximum.

# %%
footprints = {"disk(3)": scratch.morphology.disk(3), "diamond(3)": scratch.morphology.diamond(3),
              "rectangle (5, 7)": scratch.morphology.footprint_rectangle((5, 7)),
              "star(2)": scratch.morphology.star(2)}
report("footprint_mismatches_vs_skimage",
       mismatches(footprints["disk(3)"], skimage.morphology.disk(3))
       + mismatches(footprints["diamond(3)"], skimage.morphology.diamond(3))
    + mismatches(footprints["rectangle (5, 7)"], skimage.morphology.footprint_rectangle((5, 7)))
    + mismatches(footprints["star(2)"], skimage.morphology.star(2)))
fig, axes = plt.subplots(1, 4, figsize=(12, 3))
for ax, (name, f) in zip(axes, footprints.items()):
    ax.imshow(f, cmap="gray", vmin=0, vmax=1)
    ax.set_title(name)
    ax.set_xticks(np.arange(-0.5, f.shape[1]), minor=True)
    ax.set_yticks(np.arange(-0.5, f.shape[0]), minor=True)
    ax.grid(which="minor", color="gray", lw=0.5)
    ax.tick_params(which="both", length=0, labelbottom=False, labelleft=False)
show(fig, "footprints")

crop = (slice(40, 160), slice(30, 200))
fp = scratch.morphology.disk(3)
fig, axes = plt.subplots(2, 5, figsize=(20, 7))
axes[0, 0].imshow(coins_mask[crop], cmap="gray")
axes[0, 0].set_title("mask")
axes[1, 0].imshow(coins[crop], cmap="gray")
axes[1, 0].set_title("gray image")
total_binary, total_gray = 0, 0
for k, op in enumerate(["erosion", "dilation", "opening", "closing"]):
    ours_b = getattr(scratch.morphology, op)(coins_mask, fp)  # a bool image: binary morphology
    total_binary += mismatches(ours_b, getattr(skimage.morphology, op)(coins_mask, fp))
    ours_g = getattr(scratch.morphology, op)(coins, fp)
    total_gray += mismatches(ours_g, getattr(skimage.morphology, op)(coins, fp))
    RESULTS[f"{op}_mask_pixels"] = int(ours_b.sum())
    RESULTS[f"gray_{op}_sum"] = int(ours_g.sum())
    axes[0, k + 1].imshow(ours_b[crop], cmap="gray")
    axes[0, k + 1].set_title(f"{op} (mask), disk(3)")
    axes[1, k + 1].imshow(ours_g[crop], cmap="gray")
    axes[1, k + 1].set_title(f"{op} (gray), disk(3)")
for ax in axes.ravel():
    ax.axis("off")
report("binary_morphology_mismatches_vs_skimage", total_binary)
report("gray_morphology_mismatches_vs_skimage", total_gray)
show(fig, "morphology")

# %% [markdown]
# ## Fluorescent nuclei
#
# `scratch.data.nuclei` draws a synthetic fluorescence image — touching nuclei of varied
# size and brightness on a dark background, with photon (Poisson) noise — together with the
# true labels. With the truth at hand we can score every threshold.

# %%
nuclei, truth = data.nuclei((256, 256), n=30, seed=0)
foreground = truth > 0
print("nuclei:", nuclei.dtype, nuclei.shape, "counts", nuclei.min(), "..", nuclei.max(),
      "; true nuclei:", truth.max())
fig, axes = plt.subplots(1, 2, figsize=(10, 5))
axes[0].imshow(nuclei, cmap="magma")
axes[0].set_title("synthetic nuclei (uint16 counts)")
axes[1].imshow(np.ma.masked_equal(truth, 0), cmap="tab20", interpolation="nearest")
axes[1].set_title("ground-truth labels")
for ax in axes:
    ax.axis("off")
show(fig, "nuclei")

# %% [markdown]
# ## Automatic thresholds and their insides
#
# Each method reads the histogram and chooses a threshold by a criterion:
#
# * **iterative mean (ISODATA, Ridler–Calvard)**: start low, set `t` to the mean of the two
#   class means, repeat until `t` stops moving;
# * **Otsu**: the `t` that maximises the variance *between* the two classes;
# * **triangle**: draw a line from the histogram's peak to its far end; `t` is where the
#   histogram is farthest below that line (good for a small bright foreground).
#
# `scratch.filters.*_insides` return the criterion over all candidates, and
# `plot_threshold_insides` draws it over the histogram.

# %%
fig, axes = plt.subplots(2, 3, figsize=(18, 9))
for k, name in enumerate(["isodata", "otsu", "triangle"]):
    insides = getattr(scratch.filters, f"{name}_insides")(nuclei)
    ours = getattr(scratch.filters, f"threshold_{name}")(nuclei)
    ref = getattr(skimage.filters, f"threshold_{name}")(nuclei)
    report(f"nuclei_{name}_threshold", float(ours))
    report(f"nuclei_{name}_matches_skimage", bool(ours == ref and insides.threshold == ref))
    accuracy = float(np.mean((nuclei > ours) == foreground))
    report(f"nuclei_{name}_pixel_accuracy", accuracy)
    scratch.filters.plot_threshold_insides(insides, ax=axes[0, k])
    axes[0, k].set_title(f"{name}: t = {ours:g} (skimage {ref:g})")
    axes[1, k].imshow(nuclei > ours, cmap="gray")
    axes[1, k].set_title(f"nuclei > {ours:g}: {accuracy:.1%} of pixels right")
    axes[1, k].axis("off")
show(fig, "threshold_insides")

# %% [markdown]
# ## Vessels of the retina: LoG and an automatic threshold
#
# Chapter 02 made the retina's vessels bright with −LoG of the inverted green channel. The
# positive part of the response is near zero on the background and large on vessels, so an
# automatic threshold turns it into a vessel mask. The methods disagree on this skewed
# histogram (a huge peak at zero, a long thin tail): compare how many faint vessels each
# keeps, and how much background.

# %%
retina = scratch.util.img_as_float(data.retina()[::3, ::3, 1])
response = np.clip(-scratch.ndimage.gaussian_laplace(scratch.util.invert(retina), 2), 0, None)
ref_response = np.clip(-ndi.gaussian_laplace(skimage.util.invert(retina), 2), 0, None)
report("retina_log_max_abs_diff", float(np.max(np.abs(response - ref_response))))
fig, axes = plt.subplots(1, 4, figsize=(22, 5.5))
axes[0].imshow(response, cmap="magma", vmax=0.01)
axes[0].set_title("max(−LoG(inverted green), 0), sigma = 2")
axes[0].axis("off")
for ax, name in zip(axes[1:], ["otsu", "li", "triangle"]):
    t = getattr(scratch.filters, f"threshold_{name}")(response)
    report(f"retina_{name}_threshold", float(t))
    report(f"retina_{name}_rel_diff_vs_skimage",
           float(abs(t - getattr(skimage.filters, f"threshold_{name}")(ref_response)) / abs(t)))
    ax.imshow(response > t, cmap="gray")
    ax.set_title(f"{name}: response > {t:.4f} ({np.mean(response > t):.0%} of pixels)")
    ax.axis("off")
show(fig, "retina_vessels")

# %% [markdown]
# ## Local versus global thresholds on uneven light
#
# The scanned page is darker at one side. One global threshold cannot serve both ends: the
# text on the dark side merges with the background. A **local** threshold compares each pixel
# with a weighted mean of its `block_size × block_size` neighbourhood (minus `offset`), so the
# threshold follows the lighting.

# %%
page = data.page()
t_global = scratch.filters.threshold_otsu(page)
report("page_otsu_matches_skimage", bool(t_global == skimage.filters.threshold_otsu(page)))
t_local = scratch.filters.threshold_local(page, block_size=35, offset=10)
ref_local = skimage.filters.threshold_local(page, block_size=35, offset=10)
report("page_local_max_abs_diff", float(np.max(np.abs(t_local - ref_local))))
RESULTS["page_local_sum"] = float(t_local.sum())
fig, axes = plt.subplots(2, 2, figsize=(14, 7.5))
panels(axes.ravel(), [page, t_local, page > t_global, page > t_local],
       ["page (uneven light)", "local threshold surface (block 35, offset 10)",
        f"global Otsu: page > {t_global}", "local: page > threshold_local(page)"])
show(fig, "local_vs_global")

# %% [markdown]
# ## Exercises
#
# 1. Move the threshold by eye on the coins to 80 and to 140. Which coins break apart first?
# 2. Flip 10% of the pixels instead of 3%. Which footprint size despeckles best, and what does
#    it cost the coins' outlines?
# 3. Run ISODATA with `start="mean"` (`isodata_insides(nuclei, start="mean")`). Does it stop at
#    the same fixed point?
# 4. Try `threshold_local` on the page with `block_size` 15 and 101. What goes wrong at each end?
# 5. Threshold the retina response with `threshold_li` or `threshold_yen` and compare the
#    vessel masks.
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('threshold_otsu', threshold_otsu)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`threshold_otsu`** — Otsu's threshold (10 points): `histogram` → `otsu_class_statistics` → `otsu_variance` → `threshold_otsu`
# - **`threshold_isodata`** — ISODATA, the iterative mean (10 points): `histogram` → `isodata_class_means` → `isodata_fixed_points` → `threshold_isodata`
# - **`threshold_triangle`** — The triangle threshold (10 points): `histogram` → `triangle_orient` → `triangle_distances` → `threshold_triangle`
# - **`threshold_mean`** — The mean threshold (7 points): `sum_int` → `sum_float` → `threshold_mean`
# - **`binary_erosion`** — binary erosion with a footprint (10 points): `pad_footprint` → `fit_runs` → `binary_erosion`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
