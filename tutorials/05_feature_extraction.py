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
# # 05 — Feature extraction
#
# A label image says which pixels belong to which object; **region properties** turn each
# object into numbers — its area, centroid, shape, and the intensities of the image under
# it. We segment the synthetic nuclei as chapter 04 did, measure every nucleus with
# `regionprops`, plot the measurements, put them in a pandas table, and measure a second
# channel in the same nuclei. Every number is compared with `skimage.measure`.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/05_feature_extraction/` (default
# `tutorial-output/`), the key numbers to `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import skimage.measure

import scratch.feature
import scratch.filters
import scratch.measure
import scratch.ndimage
import scratch.segmentation
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "05_feature_extraction"
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


def max_rel_diff(ours, ref):
    """Largest |ours − ref| / max(|ref|, 1e-300) over all entries (0 when identical)."""
    ours, ref = np.asarray(ours, dtype=float), np.asarray(ref, dtype=float)
    if ours.shape != ref.shape:
        return float("inf")
    return float(np.max(np.abs(ours - ref) / np.maximum(np.abs(ref), 1e-300), initial=0.0))


# %% [markdown]
# ## The nuclei, segmented
#
# This time we draw the scene with two channels: `data.nuclei(..., channels=2)` returns an
# image of shape `(256, 256, 2)` — channel 0 the nuclear stain (the very image chapter 04
# segmented), channel 1 a second marker measured later — and the one label image of the true
# nuclei. We segment channel 0 with chapter 04's pipeline in five lines: smooth, Otsu,
# distance transform (smoothed), one seed per nucleus from `peak_local_max` with a 15×15
# footprint, and a watershed from the seeds within the mask.

# %%
image, truth = data.nuclei((256, 256), n=30, seed=0, channels=2)
nuclei = image[..., 0]
print("image", image.shape, image.dtype, "· labels", truth.shape, truth.dtype)
smooth = scratch.filters.gaussian(nuclei, 1, preserve_range=True)
mask = smooth > scratch.filters.threshold_otsu(smooth)
distance = scratch.filters.gaussian(scratch.ndimage.distance_transform_edt(mask), 2)
peaks = scratch.feature.peak_local_max(distance, footprint=np.ones((15, 15), bool),
                                       labels=scratch.measure.label(mask))
markers = np.zeros(nuclei.shape, dtype=np.int32)
markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
labels = scratch.segmentation.watershed(-distance, markers, mask=mask)
report("segmented_nuclei", int(labels.max()))

# %% [markdown]
# ## regionprops: count, areas, one object
#
# `regionprops(labels, intensity_image)` returns one object per label; each property is
# computed when first asked for. The count is the length of the list; the area is the
# number of pixels.

# %%
props = scratch.measure.regionprops(labels, intensity_image=nuclei)
ref_props = skimage.measure.regionprops(labels, intensity_image=nuclei)
report("count", len(props))
report("count_matches_skimage", len(props) == len(ref_props))
areas = np.array([p.area for p in props])
report("areas_max_abs_diff", float(np.max(np.abs(areas - [p.area for p in ref_props]))))
report("area_total", float(areas.sum()))
report("area_median", float(np.median(areas)))
print("areas:", areas.astype(int))

# %% [markdown]
# One object is a `RegionProperties`: its label, its pixels' bounding box, centroid, the
# ellipse with the same second moments (axes, orientation, eccentricity), perimeter and the
# intensity statistics under it. We take the largest nucleus.

# %%
one_props = ["label", "area", "bbox", "centroid", "axis_major_length", "axis_minor_length",
             "orientation", "eccentricity", "perimeter", "solidity", "intensity_mean",
             "intensity_max", "intensity_min"]
k = int(np.argmax(areas))
one, ref_one = props[k], ref_props[k]
worst = 0.0
for name in one_props:
    ours, ref = getattr(one, name), getattr(ref_one, name)
    worst = max(worst, max_rel_diff(ours, ref))
    print(f"{name:<20} {np.round(ours, 3)!s:<36} skimage {np.round(ref, 3)}")
report("one_object_label", int(one.label))
report("one_object_area", float(one.area))
report("one_object_max_rel_diff", worst)

fig, axes = plt.subplots(1, 3, figsize=(14, 4.5))
r0, c0, r1, c1 = one.bbox
axes[0].imshow(one.image, cmap="gray")
axes[0].set_title(f"region {one.label}: .image ({one.area:.0f} pixels)")
axes[1].imshow(one.image_intensity, cmap="magma")
axes[1].set_title(".image_intensity")
axes[2].imshow(nuclei, cmap="magma")
axes[2].add_patch(plt.Rectangle((c0 - 0.5, r0 - 0.5), c1 - c0, r1 - r0, fill=False, color="cyan"))
cy, cx = one.centroid
axes[2].plot(cx, cy, "c+", ms=12)
axes[2].set_title(".bbox and .centroid in the image")
for ax in axes:
    ax.axis("off")
show(fig, "one_object")

# %% [markdown]
# ## Scatter plots, and points over the image
#
# Measurements against each other show the population: are big nuclei brighter? Are they
# rounder? The centroids drawn over the image, with each nucleus's equivalent ellipse
# (major axis drawn along `orientation`), show that the numbers describe the right objects.

# %%
mean_intensity = np.array([p.intensity_mean for p in props])
eccentricity = np.array([p.eccentricity for p in props])
centroids = np.array([p.centroid for p in props])
report("centroids_max_abs_diff",
       float(np.max(np.abs(centroids - np.array([p.centroid for p in ref_props])))))
report("intensity_mean_max_rel_diff",
       max_rel_diff(mean_intensity, [p.intensity_mean for p in ref_props]))
report("eccentricity_max_abs_diff",
       float(np.max(np.abs(eccentricity - [p.eccentricity for p in ref_props]))))

fig, axes = plt.subplots(1, 3, figsize=(19, 5.5))
axes[0].scatter(areas, mean_intensity, c="tab:blue")
axes[0].set_xlabel("area (pixels)")
axes[0].set_ylabel("mean intensity (counts)")
axes[0].set_title("area vs mean intensity")
axes[1].scatter(areas, eccentricity, c="tab:orange")
axes[1].set_xlabel("area (pixels)")
axes[1].set_ylabel("eccentricity")
axes[1].set_title("area vs eccentricity")
axes[2].imshow(nuclei, cmap="gray")
axes[2].plot(centroids[:, 1], centroids[:, 0], "r.", ms=6)
for p in props:
    y, x = p.centroid
    half = p.axis_major_length / 2
    # orientation: angle between the rows axis and the major axis
    dy, dx = np.cos(p.orientation) * half, np.sin(p.orientation) * half
    axes[2].plot([x - dx, x + dx], [y - dy, y + dy], "y-", lw=1)
    axes[2].text(x + 3, y - 3, str(p.label), color="cyan", fontsize=7)
axes[2].set_title("centroids and major axes")
axes[2].axis("off")
show(fig, "scatter_and_points")

# %% [markdown]
# ## The table as a pandas DataFrame
#
# `regionprops_table` computes chosen properties for all regions at once and returns a dict
# of columns — exactly what `pandas.DataFrame` takes. Array-valued properties are split
# into columns (`centroid-0`, `centroid-1`, `bbox-0`, ...). We build the same table with
# scikit-image and compare every column.

# %%
columns = ("label", "area", "centroid", "bbox", "eccentricity", "orientation",
           "axis_major_length", "axis_minor_length", "perimeter", "solidity",
           "intensity_mean", "intensity_max")
table = pd.DataFrame(scratch.measure.regionprops_table(labels, nuclei, properties=columns))
ref_table = pd.DataFrame(skimage.measure.regionprops_table(labels, nuclei, properties=columns))
report("table_rows", len(table))
report("table_columns_match", list(table.columns) == list(ref_table.columns))
report("table_max_rel_diff", max(max_rel_diff(table[c], ref_table[c]) for c in ref_table.columns))
print(table.round(2).head(10).to_string())
print(table[["area", "eccentricity", "intensity_mean"]].describe().round(2).to_string())
table.to_csv(OUT / "regionprops.csv", index=False)

# %% [markdown]
# ## A second channel, measured in the same nuclei
#
# Microscopes record several channels; the nuclear stain segments, the other channels are
# *measured* in the same objects. Channel 1 of our scene is such a marker: it fills the true
# nuclei, at a level that varies over orders of magnitude from nucleus to nucleus
# (log-normal) and independently of the stain, on a dark background of 5 counts, with
# photon noise. Passing the two channels stacked on a last axis — the scene's `image`, of
# shape `(256, 256, 2)`, as `intensity_image` — gives every intensity property per channel
# (`intensity_mean-0`, `intensity_mean-1`). The labels are the watershed's, found in
# channel 0 alone.

# %%
marker = image[..., 1]
channels = image  # (rows, columns, channel): the layout regionprops expects
marker_shown = np.maximum(marker, 1)  # a log colour scale cannot show the few zero counts
two = pd.DataFrame(scratch.measure.regionprops_table(
    labels, channels, properties=("label", "area", "intensity_mean", "intensity_max")))
ref_two = pd.DataFrame(skimage.measure.regionprops_table(
    labels, channels, properties=("label", "area", "intensity_mean", "intensity_max")))
report("two_channel_columns", list(two.columns))
report("two_channel_max_rel_diff",
       max(max_rel_diff(two[c], ref_two[c]) for c in ref_two.columns))
report("marker_mean_sum", float(two["intensity_mean-1"].sum()))
print(two.round(1).head(8).to_string())

fig, axes = plt.subplots(1, 3, figsize=(18, 5.5))
axes[0].imshow(nuclei, cmap="gray")
axes[0].set_title("channel 0: nuclear stain")
axes[1].imshow(marker_shown, cmap="gray", norm="log")
axes[1].set_title("channel 1: marker (log scale)")
axes[2].imshow(marker_shown, cmap="gray", norm="log")
sc = axes[2].scatter(centroids[:, 1], centroids[:, 0], c=two["intensity_mean-1"],
                     cmap="viridis", norm="log", s=40, edgecolors="white")
fig.colorbar(sc, ax=axes[2], shrink=0.8, label="mean marker per nucleus")
axes[2].set_title("marker measured in the stain's nuclei")
for ax in axes:
    ax.axis("off")
show(fig, "second_channel")

# %% [markdown]
# ## Distributions: a log scale, and across channels
#
# Areas spread over a factor of a few, so a linear axis suits them. The marker spans
# orders of magnitude: on a linear axis most nuclei crowd into the first bin; on a log
# axis (bins equally spaced in log) the distribution becomes readable. Across channels, a
# scatter of one channel's mean against the other's asks whether the two are related — here
# they are not, by construction.

# %%
stain, mark = two["intensity_mean-0"].to_numpy(), two["intensity_mean-1"].to_numpy()
report("log10_marker_range", float(np.log10(mark.max()) - np.log10(mark.min())))
report("channel_correlation_log", float(np.corrcoef(np.log(stain), np.log(mark))[0, 1]))

fig, axes = plt.subplots(1, 4, figsize=(22, 4.5))
axes[0].hist(two["area"], bins=12, color="tab:blue")
axes[0].set_xlabel("area (pixels)")
axes[0].set_title("areas")
axes[1].hist(mark, bins=12, color="tab:green")
axes[1].set_xlabel("mean marker")
axes[1].set_title("marker, linear bins")
axes[2].hist(mark, bins=np.geomspace(mark.min(), mark.max(), 13), color="tab:green")
axes[2].set_xscale("log")
axes[2].set_xlabel("mean marker (log)")
axes[2].set_title("marker, log bins")
axes[3].scatter(stain, mark, c="tab:purple")
axes[3].set_xscale("log")
axes[3].set_yscale("log")
axes[3].set_xlabel("mean stain (channel 0)")
axes[3].set_ylabel("mean marker (channel 1)")
axes[3].set_title("across channels")
show(fig, "distributions")

# %% [markdown]
# ## Exercises
#
# 1. Add `"extent"`, `"feret_diameter_max"` and `"euler_number"` to the table. Which nuclei
#    are least convex, and why (look at `solidity`)?
# 2. Measure the marker in the *ground-truth* labels instead of the watershed's. How much do
#    the means change for the nuclei the watershed got wrong?
# 3. Call a nucleus "marker positive" when its mean marker exceeds 100. What fraction is
#    positive? Draw only the positive ones over the image.
# 4. Write an `extra_properties` function that returns the standard deviation of the
#    intensity, and compare it with `intensity_std`.
# 5. Measure with `spacing=(0.5, 0.5)` (µm per pixel). Which properties change, and by what
#    factor?
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('regionprops_table', regionprops_table)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`regionprops_table`** — Region properties in one sweep (8 points): `first_sweep` → `regionprops_table`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
