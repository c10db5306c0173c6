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
# # 00 — Images are arrays
#
# A digital image is a grid of numbers: one number per pixel for a gray-level image, three
# for a colour one. Everything this course does — filters, thresholds, labels, tracks — is
# arithmetic on such grids. In this chapter we build an image by hand, read the numbers of a
# real photograph, and look at how the *same* numbers can be drawn in different ways
# (colormaps).
#
# Run it as a script (`python tutorials/00_images_as_arrays.py`) or open it as a notebook
# (Jupyter + jupytext). Figures are saved into `$SCRATCH_TUTORIAL_OUT` (default
# `tutorial-output/`), and the key numbers into `results.json` there.

# %%
import json
import os
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import skimage.util

import scratch.util
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "00_images_as_arrays"
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
    print(f"{name:<38} {value}")


# %% [markdown]
# ## A 9×9 checkerboard, by hand
#
# `np.indices` gives every pixel its row and column number; a pixel is white when
# row + column is odd. The image *is* this array — printing it and drawing it show the same
# thing.

# %%
rows, cols = np.indices((9, 9))
board = (rows + cols) % 2
print(board)
report("checkerboard_sum", int(board.sum()))

# scratch.data.checkerboard draws the same pattern with squares of any size
same = np.array_equal(board, data.checkerboard((9, 9), square=1).astype(int))
report("checkerboard_matches_scratch_data", bool(same))

# %%
fig, ax = plt.subplots(figsize=(4, 4))
ax.imshow(board, cmap="gray")
ax.set_title("9×9 checkerboard: 0 = black, 1 = white")
ax.set_xticks(range(9))
ax.set_yticks(range(9))
show(fig, "checkerboard")

# %% [markdown]
# Note the convention: the first index is the **row** (counted downwards from the top), the
# second the **column**. `board[0, 1]` is the pixel in the top row, second column.

# %%
print("board[0, 1] =", board[0, 1], "  board[1, 1] =", board[1, 1])

# %% [markdown]
# ## The numbers of a real photograph
#
# The cameraman is a 512×512 image of 8-bit unsigned integers (`uint8`): 0 is black, 255 is
# white. We print a 10×10 window across the edge of the camera he holds and then draw the same window,
# each pixel labelled with its value.

# %%
camera = data.camera()
report("camera_shape", list(camera.shape))
report("camera_dtype", str(camera.dtype))
report("camera_min", int(camera.min()))
report("camera_max", int(camera.max()))
report("camera_mean", float(camera.mean()))

r0, c0 = 180, 240
window = camera[r0:r0 + 10, c0:c0 + 10]
print(window)
report("window_sum", int(window.sum()))

# %%
fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(10, 5))
ax0.imshow(camera, cmap="gray")
ax0.add_patch(plt.Rectangle((c0 - 0.5, r0 - 0.5), 10, 10, fill=False, ec="red", lw=2))
ax0.set_title("camera (512×512, uint8); the red box is the window")
ax1.imshow(window, cmap="gray", vmin=0, vmax=255)
for (r, c), v in np.ndenumerate(window):
    ax1.text(c, r, str(v), ha="center", va="center", fontsize=7,
             color="black" if v > 128 else "white")
ax1.set_title("the window, pixel by pixel")
show(fig, "camera_window")

# %% [markdown]
# ## Data types: integers and floats
#
# Filters compute with fractions, so most of them first convert to floating point. The
# convention (scikit-image's) is *not* `astype(float)`: `img_as_float` rescales an unsigned
# integer image to [0, 1], dividing by the largest value the type can hold (255 for `uint8`,
# 65535 for `uint16`). Here is scratch's `img_as_float` beside scikit-image's.

# %%
ours = scratch.util.img_as_float(camera)
ref = skimage.util.img_as_float(camera)
print("scratch:", ours.dtype, ours.min(), ours.max(), "  skimage:", ref.dtype, ref.min(), ref.max())
report("img_as_float_max_abs_diff", float(np.max(np.abs(ours - ref))))
report("img_as_float_mean", float(ours.mean()))

nuclei = data.nuclei((128, 128), n=10).image  # a uint16 image of photon counts
ours16 = scratch.util.img_as_float(nuclei)
report("uint16_img_as_float_max_abs_diff",
       float(np.max(np.abs(ours16 - skimage.util.img_as_float(nuclei)))))
print("uint16 counts", nuclei.min(), "..", nuclei.max(), "-> floats",
      ours16.min(), "..", ours16.max(), "(dim: 65535 is far above the counts)")

# %% [markdown]
# Inverting an image is arithmetic too: for `uint8` it is `255 - image`.

# %%
inv = scratch.util.invert(camera)
report("invert_mismatches_vs_skimage", int(np.count_nonzero(inv != skimage.util.invert(camera))))
print("window inverted:\n", inv[r0:r0 + 3, c0:c0 + 10])

# %% [markdown]
# ## Colormaps: the same numbers, drawn differently
#
# `imshow` maps each number to a colour through a *colormap*, stretched between `vmin` and
# `vmax` (by default the image's own minimum and maximum). The numbers do not change; what
# you see does. Perceptually uniform maps (`viridis`, `magma`) make equal steps in value look
# like equal steps in colour; a diverging map (`RdBu`) suits signed data centred on zero.

# %%
img = ours  # the float camera
signed = img - img.mean()  # negative where darker than average
fig, axes = plt.subplots(2, 3, figsize=(12, 8))
panels = [
    (img, "gray", None, None, "gray"),
    (img, "viridis", None, None, "viridis"),
    (img, "magma", None, None, "magma"),
    (img, "gray", 0.3, 0.7, "gray, vmin=0.3 vmax=0.7 (contrast)"),
    (img, "gray_r", None, None, "gray_r (reversed map; numbers unchanged)"),
    (signed, "RdBu_r", -0.6, 0.6, "RdBu_r on image − mean (signed)"),
]
for ax, (a, cmap, lo, hi, title) in zip(axes.ravel(), panels):
    im = ax.imshow(a, cmap=cmap, vmin=lo, vmax=hi)
    ax.set_title(title)
    ax.axis("off")
    fig.colorbar(im, ax=ax, fraction=0.046)
show(fig, "colormaps")

# %% [markdown]
# A row of the image is a 1-D signal: plotting one row shows the values a colormap turns into
# shades.

# %%
fig, ax = plt.subplots(figsize=(8, 3))
ax.plot(img[r0 + 5], lw=1)
ax.axvline(c0, color="red", ls=":")
ax.set_xlabel("column")
ax.set_ylabel("value (img_as_float)")
ax.set_title(f"row {r0 + 5} of camera")
show(fig, "row_profile")

# %% [markdown]
# ## Exercises
#
# 1. Make a 16×16 checkerboard with 4×4 squares using `np.indices` and `//`, and check it
#    against `scratch.data.checkerboard((16, 16), square=4)`.
# 2. Print `camera[0:5, 0:5]` and find the brightest pixel with `np.unravel_index(camera.argmax(),
#    camera.shape)`.
# 3. Show `camera` with `vmin=100, vmax=150`. Which details appear, which disappear?
# 4. Convert `camera` with `camera.astype(float)` instead of `img_as_float`, and show both with
#    the default `vmin`/`vmax`. Why do they look the same, though the numbers differ by 255×?
#
# ### Implement it yourself
#
# Every later chapter ends with implementation exercises that scratch grades: list them with
# `python -m scratch exercises list`, start one with `python -m scratch exercises start ID`,
# grade your folder with `python -m scratch exercises grade DIR` (see README, "Coursework").
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
