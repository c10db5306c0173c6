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
# # 01 — Pixel operations
#
# A *pixel operation* computes each output pixel from the same input pixel alone — no
# neighbours. Splitting colour channels, inverting, and the contrast curves (gamma, log,
# sigmoid) are fixed functions of the value; histogram equalization picks its function from
# the image's own histogram; CLAHE picks one per tile. Each transform is shown with its
# histogram and a sweep of its parameter, scratch beside scikit-image.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/01_pixel_operations/` (default `tutorial-output/`),
# the key numbers to `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import skimage.exposure
import skimage.util

import scratch.exposure
import scratch.util
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "01_pixel_operations"
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


def maxdiff(a, b):
    return float(np.max(np.abs(np.asarray(a, float) - np.asarray(b, float))))


def sweep(title, name, image, transforms):
    """One column per parameter value: the image, its histogram (scratch's bars, skimage's
    outline) and the transfer curve output(input)."""
    fig, axes = plt.subplots(3, len(transforms), figsize=(3.3 * len(transforms), 9.5))
    worst = 0.0
    for col, (label, ours_f, ref_f) in enumerate(transforms):
        ours, ref = ours_f(image), ref_f(image)
        worst = max(worst, maxdiff(ours, ref))
        axes[0, col].imshow(ours, cmap="gray", vmin=0, vmax=1)
        axes[0, col].set_title(label)
        axes[0, col].axis("off")
        counts, centers = scratch.exposure.histogram(ours, nbins=64)
        ref_counts, ref_centers = skimage.exposure.histogram(ref, nbins=64)
        worst = max(worst, maxdiff(counts, ref_counts))
        axes[1, col].bar(centers, counts, width=centers[1] - centers[0] if len(centers) > 1 else 0.01)
        axes[1, col].step(ref_centers, ref_counts, where="mid", color="k", lw=0.8)
        axes[1, col].set_xlim(0, 1)
        axes[1, col].set_yticks([])
        order = np.argsort(image, axis=None)[::97]  # a subsample of (input, output) pairs
        axes[2, col].plot(image.ravel()[order], ours.ravel()[order], ".", ms=1)
        axes[2, col].set_xlim(0, 1)
        axes[2, col].set_ylim(0, 1)
        axes[2, col].set_xlabel("input")
    axes[1, 0].set_ylabel("count (bars: scratch, line: skimage)", fontsize=8)
    axes[2, 0].set_ylabel("output")
    fig.suptitle(f"{title} — max |scratch − skimage| {worst:.1e}")
    report(f"{name}_max_abs_diff", worst)
    show(fig, name)


# %% [markdown]
# ## An RGB image and its channels
#
# The immunohistochemistry (IHC) sample is a `(512, 512, 3)` array: the last axis holds red,
# green and blue. Each channel alone is a gray-level image; brown DAB stain is dark in blue,
# the hematoxylin counterstain dark in red.

# %%
ihc = data.immunohistochemistry()
report("ihc_shape", list(ihc.shape))
for k, name in enumerate(["red", "green", "blue"]):
    report(f"ihc_{name}_mean", float(ihc[..., k].mean()))

fig, axes = plt.subplots(1, 4, figsize=(18, 4.5))
axes[0].imshow(ihc)
axes[0].set_title("RGB")
for k, (name, cmap) in enumerate([("red", "Reds_r"), ("green", "Greens_r"), ("blue", "Blues_r")]):
    im = axes[k + 1].imshow(ihc[..., k], cmap=cmap)
    axes[k + 1].set_title(f"channel {k}: {name}")
    fig.colorbar(im, ax=axes[k + 1], fraction=0.046)
for ax in axes:
    ax.axis("off")
show(fig, "ihc_channels")

# %% [markdown]
# ## Invert
#
# `invert` maps the largest value to the smallest: `255 − v` for `uint8`, `1 − v` for floats
# in [0, 1]. On a colour image each channel is inverted, which swaps colours for their
# complements.

# %%
inv = scratch.util.invert(ihc)
report("invert_mismatches_vs_skimage", int(np.count_nonzero(inv != skimage.util.invert(ihc))))
fig, axes = plt.subplots(1, 2, figsize=(10, 5))
axes[0].imshow(ihc)
axes[0].set_title("IHC")
axes[1].imshow(inv)
axes[1].set_title("scratch.util.invert(IHC)")
for ax in axes:
    ax.axis("off")
show(fig, "invert")

# %% [markdown]
# ## Contrast curves: gamma, log and sigmoid
#
# For the rest of the chapter we use the low-contrast moon as floats in [0, 1]:
#
# * **gamma**: `out = v ** gamma`. gamma < 1 brightens the darks, gamma > 1 darkens them;
# * **log**: `out = gain · log2(1 + v)`, brightening the darks (`inv=True`: `gain · (2**v − 1)`);
# * **sigmoid**: `out = 1 / (1 + exp(gain · (cutoff − v)))`, an S-curve that stretches the
#   values around `cutoff`.
#
# The third row of each figure plots output against input: the curve itself.

# %%
moon = scratch.util.img_as_float(data.moon())
print("moon values span", moon.min(), "to", moon.max())
sweep("adjust_gamma", "gamma", moon, [
    (f"gamma={g}", lambda x, g=g: scratch.exposure.adjust_gamma(x, g),
     lambda x, g=g: skimage.exposure.adjust_gamma(x, g)) for g in [0.25, 0.5, 1, 2, 4]])

# %%
sweep("adjust_log", "log", moon, [
    (f"gain={g}, inv={inv_}", lambda x, g=g, i=inv_: scratch.exposure.adjust_log(x, g, inv=i),
     lambda x, g=g, i=inv_: skimage.exposure.adjust_log(x, g, inv=i))
    for g, inv_ in [(0.5, False), (1, False), (1, True)]])

# %%
sweep("adjust_sigmoid", "sigmoid", moon, [
    (f"cutoff={c}, gain={g}", lambda x, c=c, g=g: scratch.exposure.adjust_sigmoid(x, c, g),
     lambda x, c=c, g=g: skimage.exposure.adjust_sigmoid(x, c, g))
    for c, g in [(0.3, 10), (0.4, 10), (0.4, 30), (0.5, 10)]])
RESULTS["sigmoid_04_10_sum"] = float(scratch.exposure.adjust_sigmoid(moon, 0.4, 10).sum())
RESULTS["gamma_05_sum"] = float(scratch.exposure.adjust_gamma(moon, 0.5).sum())

# %% [markdown]
# ## Histogram equalization
#
# Equalization uses the image's own *cumulative distribution* as the curve: the value below
# which a fraction `p` of the pixels lie is mapped to `p`. The output histogram is as flat as
# the discrete values allow, and every gray level gets used. The sweep varies the number of
# histogram bins.

# %%
cdf, centers = scratch.exposure.cumulative_distribution(moon)
ref_cdf, _ = skimage.exposure.cumulative_distribution(moon)
report("cdf_max_abs_diff", maxdiff(cdf, ref_cdf))
sweep("equalize_hist", "equalize_hist", moon, [
    (f"nbins={n}", lambda x, n=n: scratch.exposure.equalize_hist(x, nbins=n),
     lambda x, n=n: skimage.exposure.equalize_hist(x, nbins=n)) for n in [8, 32, 256]])
RESULTS["equalize_hist_sum"] = float(scratch.exposure.equalize_hist(moon).sum())

# %% [markdown]
# ## CLAHE: contrast-limited adaptive equalization
#
# Global equalization gives every region the same curve. CLAHE equalizes each tile
# (`kernel_size`, by default 1/8 of the image) separately, clips each tile's histogram at
# `clip_limit` (redistributing the excess) so that flat regions do not blow up noise, and
# interpolates between the tiles' curves so no seams appear. The sweep varies `clip_limit`;
# note that the output/input plot is no longer a single curve.

# %%
sweep("equalize_adapthist", "clahe", moon, [
    (f"clip_limit={c}", lambda x, c=c: scratch.exposure.equalize_adapthist(x, clip_limit=c),
     lambda x, c=c: skimage.exposure.equalize_adapthist(x, clip_limit=c))
    for c in [0.005, 0.01, 0.03, 0.1]])
RESULTS["clahe_001_sum"] = float(scratch.exposure.equalize_adapthist(moon, clip_limit=0.01).sum())

# %% [markdown]
# ## Exercises
#
# 1. Apply `adjust_gamma` to the RGB IHC image with gamma 0.5. Which stain becomes easier to
#    see? Plot `scratch.exposure.histogram(ihc, channel_axis=-1)` before and after.
# 2. Find the sigmoid `cutoff` that best separates the moon's craters from the plains.
# 3. Equalize the moon with `nbins=4`. How many distinct values does the result have?
# 4. Run CLAHE with `kernel_size=32` and `kernel_size=256`. When does it look like global
#    equalization?
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('invert', invert)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`invert`** — Inverting an image (6 points): `invert_integer` → `invert_float` → `invert`
# - **`equalize_hist`** — Histogram equalisation (8 points): `histogram` → `cumulative_distribution` → `equalize_hist`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
