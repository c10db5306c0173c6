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
# # 02 — Filtering
#
# A linear filter replaces every pixel by a weighted sum of its neighbours; the weights form
# the *kernel*. Smoothing, sharpening, edge detection and blob detection are all this one
# operation with different kernels. We write it out once by hand, then use scratch's
# implementations — always beside the scikit-image / SciPy reference, with the largest
# difference printed.
#
# Figures go to `$SCRATCH_TUTORIAL_OUT/02_filtering/` (default `tutorial-output/`), the key
# numbers to `results.json` there.

# %%
import json
import os
import sys
import time
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import scipy.ndimage as ndi
import scipy.signal
import skimage.filters
import skimage.util

import scratch.filters
import scratch.ndimage
import scratch.signal
import scratch.util
from scratch import data

OUT = Path(os.environ.get("SCRATCH_TUTORIAL_OUT", "tutorial-output")) / "02_filtering"
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


def compare_row(axes, ours, ref, title, **imshow):
    """Three panels: scratch, reference, |difference|."""
    axes[0].imshow(ours, **imshow)
    axes[0].set_title(f"scratch: {title}")
    axes[1].imshow(ref, **imshow)
    axes[1].set_title("reference")
    diff = np.abs(ours - ref)
    im = axes[2].imshow(diff, cmap="magma", vmin=0, vmax=max(diff.max(), 1e-12))  # 0 is black
    axes[2].set_title(f"|difference| (max {maxdiff(ours, ref):.1e})")
    plt.colorbar(im, ax=axes[2], fraction=0.046)
    for ax in axes:
        ax.axis("off")


camera = scratch.util.img_as_float(data.camera())

# %% [markdown]
# ## Correlation written out on a tiny image
#
# For each output pixel `(r, c)`, centre the kernel `w` on it, multiply the overlapping
# values and add them up:
#
# $$\mathrm{out}[r, c] = \sum_{i,j} w[i, j]\; \mathrm{image}[r + i - h,\; c + j - h]$$
#
# where `h` is the kernel's half-width. Outside the image we must invent values — here zeros
# (`mode="constant"`). *Convolution* is the same with the kernel flipped; for symmetric kernels
# the two agree.

# %%
tiny = np.zeros((6, 7))
tiny[1, 1] = 1.0  # a single bright pixel: correlation paints the flipped kernel here
tiny[:, 4:] = 2.0  # a step edge
kernel = np.array([[0.0, 1.0, 0.0],
                   [1.0, 2.0, 3.0],
                   [0.0, 1.0, 0.0]])


def correlate_by_hand(image, w):
    h = w.shape[0] // 2
    padded = np.pad(image, h)  # zeros around
    out = np.zeros_like(image)
    for r in range(image.shape[0]):
        for c in range(image.shape[1]):
            out[r, c] = np.sum(w * padded[r:r + w.shape[0], c:c + w.shape[1]])
    return out


by_hand = correlate_by_hand(tiny, kernel)
ours = scratch.ndimage.correlate(tiny, kernel, mode="constant")
ref = ndi.correlate(tiny, kernel, mode="constant")
print("by hand:\n", by_hand)
report("tiny_hand_vs_scipy_max_abs_diff", maxdiff(by_hand, ref))
report("tiny_scratch_vs_scipy_max_abs_diff", maxdiff(ours, ref))
conv = scratch.ndimage.convolve(tiny, kernel, mode="constant")
report("convolve_equals_correlate_flipped", maxdiff(conv, correlate_by_hand(tiny, kernel[::-1, ::-1])))

# %%
fig, axes = plt.subplots(1, 5, figsize=(16, 3.5))
for ax, (a, t) in zip(axes, [(tiny, "image"), (kernel, "kernel"), (by_hand, "correlation by hand"),
                             (ours, "scratch.ndimage.correlate"), (ref, "scipy.ndimage.correlate")]):
    ax.imshow(a, cmap="viridis")
    ax.set_title(t)
    for (r, c), v in np.ndenumerate(a):
        ax.text(c, r, f"{v:g}", ha="center", va="center", fontsize=7, color="w")
    ax.axis("off")
show(fig, "correlation_by_hand")

# %% [markdown]
# ## The local average
#
# The simplest smoothing kernel is a square of equal weights summing to one: each pixel
# becomes the mean of its `size × size` neighbourhood. `uniform_filter` computes it with
# running sums, so its cost does not grow with the size.

# %%
fig, axes = plt.subplots(3, 3, figsize=(12, 12))
for row, size in zip(axes, [3, 9, 21]):
    ours = scratch.ndimage.uniform_filter(camera, size)
    ref = ndi.uniform_filter(camera, size)
    report(f"uniform_{size}_max_abs_diff", maxdiff(ours, ref))
    compare_row(row, ours, ref, f"uniform_filter size={size}", cmap="gray")
RESULTS["uniform_21_sum"] = float(ours.sum())
show(fig, "local_average")

# %% [markdown]
# ## Gaussian smoothing over sigmas
#
# A gaussian kernel weighs near neighbours more than far ones, which blurs without the boxy
# artefacts of the local average. `sigma` (in pixels) sets the width; the kernel is cut at
# `truncate × sigma` (4 by default). Below: the 1-D kernels, then the smoothed images.

# %%
fig, ax = plt.subplots(figsize=(7, 3))
x = np.arange(-25, 26)
for sigma in [1, 2, 4, 8]:
    delta = np.zeros(51)
    delta[25] = 1.0
    ax.plot(x, scratch.ndimage.gaussian_filter(delta, sigma), label=f"sigma={sigma}")
ax.set_title("gaussian kernels (a filtered delta)")
ax.legend()
show(fig, "gaussian_kernels")

fig, axes = plt.subplots(4, 3, figsize=(12, 16))
for row, sigma in zip(axes, [1, 2, 4, 8]):
    ours = scratch.filters.gaussian(camera, sigma)
    ref = skimage.filters.gaussian(camera, sigma)
    report(f"gaussian_sigma{sigma}_max_abs_diff", maxdiff(ours, ref))
    RESULTS[f"gaussian_sigma{sigma}_sum"] = float(ours.sum())
    compare_row(row, ours, ref, f"gaussian sigma={sigma}", cmap="gray")
show(fig, "gaussian_sigmas")

# %% [markdown]
# ## Sharpening in four steps, and `unsharp_mask`
#
# Blurring removes detail, so the difference *image − blurred* **is** the detail. Adding it
# back, amplified, sharpens:
#
# 1. blur with a narrow gaussian (`radius` = sigma);
# 2. subtract: `detail = image − blurred`;
# 3. amplify: `amount × detail`;
# 4. add: `image + amount × detail`, clipped to the valid range [0, 1].
#
# `unsharp_mask` is exactly this recipe (its gaussian uses `mode="reflect"`).

# %%
moon = scratch.util.img_as_float(data.moon())
radius, amount = 2.0, 3.0
blurred = scratch.filters.gaussian(moon, radius, mode="reflect")  # 1
detail = moon - blurred  # 2
boosted = amount * detail  # 3
recipe = np.clip(moon + boosted, 0, 1)  # 4
ours = scratch.filters.unsharp_mask(moon, radius=radius, amount=amount)
ref = skimage.filters.unsharp_mask(moon, radius=radius, amount=amount)
report("unsharp_recipe_vs_skimage_max_abs_diff", maxdiff(recipe, ref))
report("unsharp_scratch_vs_skimage_max_abs_diff", maxdiff(ours, ref))
RESULTS["unsharp_sum"] = float(ours.sum())

fig, axes = plt.subplots(2, 3, figsize=(13, 9))
for ax, (a, t, cmap) in zip(axes.ravel(), [
        (moon, "moon", "gray"), (blurred, "1. blurred (sigma=2)", "gray"),
        (detail, "2. detail = image − blurred", "RdBu_r"),
        (recipe, "3+4. image + 3 × detail", "gray"),
        (ours, "scratch.filters.unsharp_mask", "gray"),
        (ref, "skimage.filters.unsharp_mask", "gray")]):
    ax.imshow(a, cmap=cmap, vmin=(-0.1 if cmap == "RdBu_r" else 0), vmax=(0.1 if cmap == "RdBu_r" else 1))
    ax.set_title(t)
    ax.axis("off")
show(fig, "sharpening")

# %% [markdown]
# ## Edges: Sobel, Prewitt and Roberts
#
# An edge is where the intensity changes fast: a large derivative. Small kernels estimate the
# derivative along one direction — `_h` responds to horizontal edges (a change going down the
# rows), `_v` to vertical ones — and the *magnitude* combines the two:
# $\sqrt{(g_h^2 + g_v^2)/2}$. Sobel and Prewitt smooth across the derivative (weights 1-2-1
# and 1-1-1); Roberts uses 2×2 diagonal differences, so its two directions are the
# diagonals. Differences from scikit-image of ~1e-16 are the last bit of a float64: the same
# sums, added in another order.

# %%
point = np.zeros((5, 5))
point[2, 2] = 1.0
print("sobel_h of a single bright pixel (the kernel, mirrored):\n", scratch.filters.sobel_h(point)[1:4, 1:4])
coins = scratch.util.img_as_float(data.coins())
edge_filters = [
    ("sobel", ["sobel_h", "sobel_v", "sobel"]),
    ("prewitt", ["prewitt_h", "prewitt_v", "prewitt"]),
    ("roberts", ["roberts_pos_diag", "roberts_neg_diag", "roberts"]),
]
fig, axes = plt.subplots(3, 4, figsize=(16, 10))
for row, (family, names) in zip(axes, edge_filters):
    for ax, name in zip(row, names):
        ours = getattr(scratch.filters, name)(coins)
        ref = getattr(skimage.filters, name)(coins)
        report(f"{name}_max_abs_diff", maxdiff(ours, ref))
        signed = name != family
        ax.imshow(ours, cmap="RdBu_r" if signed else "magma",
                  vmin=-0.3 if signed else 0, vmax=0.3)
        ax.set_title(f"scratch.filters.{name}")
        ax.axis("off")
    RESULTS[f"{family}_sum"] = float(ours.sum())
    diff = np.abs(ours - ref)
    im = row[3].imshow(diff, cmap="magma", vmin=0, vmax=max(diff.max(), 1e-12))
    row[3].set_title(f"|{family} − skimage| (max {maxdiff(ours, ref):.1e})")
    row[3].axis("off")
    plt.colorbar(im, ax=row[3], fraction=0.046)
show(fig, "edges")

# %% [markdown]
# ## Smoothing before edges, and the difference of gaussians
#
# Derivatives amplify noise: on a noisy image, Sobel finds "edges" everywhere. Smoothing
# first keeps only the edges larger than the noise. A *difference of gaussians* (DoG) — a
# slightly blurred image minus a more blurred one — is a band-pass filter: it keeps structures
# between the two sigmas and removes both the noise and the slow background.

# %%
rng = np.random.default_rng(0)
noisy = np.clip(coins + rng.normal(0, 0.1, coins.shape), 0, 1)
raw_edges = scratch.filters.sobel(noisy)
smooth_edges = scratch.filters.sobel(scratch.filters.gaussian(noisy, 2))
report("sobel_after_gaussian_max_abs_diff",
       maxdiff(smooth_edges, skimage.filters.sobel(skimage.filters.gaussian(noisy, 2))))
ours = scratch.filters.difference_of_gaussians(noisy, 1.5, 6)
ref = skimage.filters.difference_of_gaussians(noisy, 1.5, 6)
report("dog_max_abs_diff", maxdiff(ours, ref))
RESULTS["dog_sum"] = float(ours.sum())

fig, axes = plt.subplots(2, 3, figsize=(15, 8))
for ax, (a, t, cmap) in zip(axes[0], [(noisy, "coins + noise", "gray"),
                                      (raw_edges, "sobel(noisy)", "magma"),
                                      (smooth_edges, "sobel(gaussian(noisy, 2))", "magma")]):
    ax.imshow(a, cmap=cmap)
    ax.set_title(t)
    ax.axis("off")
compare_row(axes[1], ours, ref, "DoG(1.5, 6)", cmap="RdBu_r", vmin=-0.2, vmax=0.2)
show(fig, "smoothing_and_dog")

# %% [markdown]
# ## Canny's edge detector, stage by stage
#
# Canny (1986) turns the gradient into thin, connected edges in four stages:
#
# 1. **smoothing** with a gaussian of width `sigma`;
# 2. **gradient**: Sobel derivatives along rows and columns, and their magnitude;
# 3. **non-maximum suppression**: a pixel survives only if its magnitude is at least that of
#    its two neighbours *along the gradient direction* — thick ridges become one-pixel lines;
# 4. **hysteresis**: survivors above the low threshold are *weak* edges, above the high
#    threshold *strong* ones; a weak edge is kept only if it is connected to a strong one.
#
# `scratch.feature.canny_stages` returns every stage; its `edges` are `canny`'s result, which
# we compare with `skimage.feature.canny`.

# %%
import scratch.feature  # noqa: E402
import skimage.feature  # noqa: E402

stages = scratch.feature.canny_stages(coins, sigma=2)
ref_edges = skimage.feature.canny(coins, sigma=2)
canny_mismatches = int(np.count_nonzero(stages.edges != ref_edges))
report("canny_sigma2_mismatches", canny_mismatches)
report("canny_sigma2_edge_pixels", int(stages.edges.sum()))
print(f"thresholds: low {stages.low_threshold}, high {stages.high_threshold}; "
      f"weak pixels {int(stages.weak.sum())}, strong {int(stages.strong.sum())}, "
      f"kept {int(stages.edges.sum())}")

hysteresis = np.zeros(coins.shape + (3,))
hysteresis[stages.weak] = [0.5, 0.5, 0.5]  # weak, dropped: gray
hysteresis[stages.edges & ~stages.strong] = [1.0, 0.8, 0.0]  # weak, kept: yellow
hysteresis[stages.strong] = [1.0, 0.0, 0.0]  # strong: red
window = (slice(60, 180), slice(0, 130))  # a close-up, where the thin lines can be seen
fig, axes = plt.subplots(2, 3, figsize=(15, 9))
panels = [(stages.smoothed, "1. smoothed (sigma=2)", "gray"),
          (stages.magnitude, "2. gradient magnitude", "magma"),
          (stages.suppressed, "3. non-maximum suppression", "magma"),
          (hysteresis, "4. hysteresis: strong red, kept weak yellow, dropped gray", None),
          (stages.edges, "scratch.feature.canny", "gray"),
          (ref_edges, f"skimage.feature.canny ({canny_mismatches} pixels differ)", "gray")]
for ax, (a, t, cmap) in zip(axes.ravel(), panels):
    ax.imshow(a[window], cmap=cmap, interpolation="nearest")
    ax.set_title(t, fontsize=9)
    ax.axis("off")
show(fig, "canny_stages")

# %% [markdown]
# `sigma` decides which edges count: small sigmas find texture and noise, large ones only the
# outlines.

# %%
fig, axes = plt.subplots(1, 3, figsize=(15, 4))
for ax, sigma in zip(axes, [1, 2, 4]):
    ours = scratch.feature.canny(noisy, sigma=sigma)
    mismatches = int(np.count_nonzero(ours != skimage.feature.canny(noisy, sigma=sigma)))
    report(f"canny_noisy_sigma{sigma}_mismatches", mismatches)
    RESULTS[f"canny_noisy_sigma{sigma}_edge_pixels"] = int(ours.sum())
    ax.imshow(ours, cmap="gray")
    ax.set_title(f"canny(noisy coins, sigma={sigma}): {mismatches} pixels differ from skimage")
    ax.axis("off")
show(fig, "canny_sigmas")

# %% [markdown]
# ## The gaussian-derivative family ∇ⁿG
#
# Differentiating a gaussian-smoothed image equals filtering with the *derivative* of the
# gaussian. `gaussian_filter(..., order=(oy, ox))` does that: order 0 smooths, order 1 gives
# the slope (an edge detector), order 2 the curvature (a line and blob detector). Filtering a
# single bright pixel draws the kernel itself.

# %%
delta = np.zeros((41, 41))
delta[20, 20] = 1.0
orders = [(0, 0), (0, 1), (1, 0), (0, 2), (2, 0), (1, 1)]
fig, axes = plt.subplots(2, 6, figsize=(18, 6))
worst = 0.0
for k, order in enumerate(orders):
    ours = scratch.ndimage.gaussian_filter(delta, 4, order=order)
    ref = ndi.gaussian_filter(delta, 4, order=order)
    worst = max(worst, maxdiff(ours, ref))
    lim = np.abs(ours).max()
    axes[0, k].imshow(ours, cmap="RdBu_r", vmin=-lim, vmax=lim)
    axes[0, k].set_title(f"order={order}")
    axes[0, k].axis("off")
    axes[1, k].plot(ours[20], label="scratch row 20")
    axes[1, k].plot(ref[20], "--", label="scipy")
    axes[1, k].legend(fontsize=7)
report("gaussian_derivative_kernels_max_abs_diff", worst)
show(fig, "gaussian_derivatives")

# %% [markdown]
# ## LoG as a ridge detector: vessels of the retina
#
# The Laplacian of Gaussian (LoG, the sum of the two second derivatives) is strongly
# **negative** on the centre of a bright line or blob as wide as about `2 sigma`. Vessels are
# dark on the retina, so we invert the image first (scratch.util.invert), then take
# −LoG: the vessels light up. (The bright ring is the rim of the fundus disc: a sharp
# dark-to-bright step is a ridge for the LoG too.)

# %%
retina = scratch.util.img_as_float(data.retina()[::3, ::3, 1])  # green channel, 1/3 size
inverted = scratch.util.invert(retina)
ours = -scratch.ndimage.gaussian_laplace(inverted, 3)
ref = -ndi.gaussian_laplace(skimage.util.invert(retina), 3)
report("log_retina_max_abs_diff", maxdiff(ours, ref))
RESULTS["log_retina_sum"] = float(ours.sum())

fig, axes = plt.subplots(1, 4, figsize=(18, 5))
axes[0].imshow(retina, cmap="gray")
axes[0].set_title("retina, green channel")
axes[0].axis("off")
compare_row(axes[1:], np.clip(ours, 0, None), np.clip(ref, 0, None), "−LoG(inverted), sigma=3",
            cmap="magma", vmin=0, vmax=0.01)
show(fig, "log_retina")

# %% [markdown]
# ## Filtering in the frequency domain
#
# The convolution theorem: convolving in space equals multiplying Fourier transforms. So a
# convolution can be computed as FFT(image) × FFT(kernel), then the inverse FFT. The cost is
# `O(N log N)` whatever the kernel size, while direct convolution costs `O(N k²)` for a
# `k × k` kernel. `fftconvolve(..., mode="same")` pads with zeros, so it equals direct
# convolution with `mode="constant"`.

# %%
g = np.exp(-0.5 * (np.arange(-12, 13) / 4.0) ** 2)
g2 = np.outer(g, g) / np.outer(g, g).sum()
fft_ours = scratch.signal.fftconvolve(camera, g2, mode="same")
fft_ref = scipy.signal.fftconvolve(camera, g2, mode="same")
direct = scratch.ndimage.convolve(camera, g2, mode="constant")
report("fftconvolve_max_abs_diff", maxdiff(fft_ours, fft_ref))
report("fft_vs_direct_max_abs_diff", maxdiff(fft_ours, direct))
RESULTS["fftconvolve_sum"] = float(fft_ours.sum())


def spectrum(a, shape):
    return np.log1p(np.abs(np.fft.fftshift(np.fft.fft2(a, shape))))


fig, axes = plt.subplots(1, 4, figsize=(18, 4.5))
for ax, (a, t) in zip(axes, [(spectrum(camera, camera.shape), "log |FFT(camera)|"),
                             (spectrum(g2, camera.shape), "log |FFT(gaussian kernel)|"),
                             (fft_ours, "scratch.signal.fftconvolve"),
                             (np.abs(fft_ours - fft_ref), "|scratch − scipy|")]):
    im = ax.imshow(a, cmap="gray" if "convolve" in t else "magma")
    ax.set_title(t)
    ax.axis("off")
plt.colorbar(im, ax=axes[3], fraction=0.046)
show(fig, "frequency_domain")

# %% [markdown]
# ### When does the FFT win?
#
# We time direct and FFT convolution of the 512×512 cameraman with random `k × k` kernels
# (best of two runs; timings on a shared machine are noisy, the trend is what matters).
# Direct cost grows with k², the FFT's barely moves: past a crossover size the FFT wins.

# %%
def best_time(f, repeat=2):
    f()  # the first call may compile (scratch) or warm caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


image = camera
sizes = [3, 5, 9, 13, 17, 25, 33]
timings = {"scratch direct": [], "scratch FFT": [], "scipy direct": [], "scipy FFT": []}
for k in sizes:
    w = rng.random((k, k))
    timings["scratch direct"].append(best_time(lambda: scratch.ndimage.convolve(image, w, mode="constant")))
    timings["scratch FFT"].append(best_time(lambda: scratch.signal.fftconvolve(image, w, mode="same")))
    timings["scipy direct"].append(
        best_time(lambda: ndi.convolve(image, w, mode="constant")) if k <= 13 else np.nan)
    timings["scipy FFT"].append(best_time(lambda: scipy.signal.fftconvolve(image, w, mode="same")))
direct_t, fft_t = np.array(timings["scratch direct"]), np.array(timings["scratch FFT"])


def crossover_size(direct, fft):
    """The smallest k from which the FFT is faster for every larger kernel too."""
    wins = [f < d for d, f in zip(direct, fft)]
    for idx, k in enumerate(sizes):
        if all(wins[idx:]):
            return k
    return None


crossover = crossover_size(direct_t, fft_t)
print("scratch: FFT faster than direct from k =", crossover)
print("scipy:   FFT faster than direct at k =",
      [k for k, d, f in zip(sizes, timings["scipy direct"], timings["scipy FFT"]) if f < d])
RESULTS["fft_crossover_kernel_size"] = crossover  # informational: timings are not reproducible

fig, ax = plt.subplots(figsize=(7, 4))
for name, t in timings.items():
    ax.plot(sizes, 1e3 * np.array(t), "o-" if "scratch" in name else "x--", label=name)
ax.set_xlabel("kernel size k (k × k)")
ax.set_ylabel("time (ms), 512×512 image")
ax.set_yscale("log")
if crossover:
    ax.axvline(crossover, color="gray", ls=":", label=f"FFT faster from k={crossover}")
ax.legend()
show(fig, "fft_vs_direct_timing")

# %% [markdown]
# ## Exercises
#
# 1. Change `sigma` of the gaussian from 1 to 8 and watch which details of the cameraman
#    survive. At which sigma does the tripod disappear?
# 2. Sharpen the moon with `amount=10`. Where does clipping to [0, 1] start to hurt?
# 3. Run `sobel` on the noisy coins with `gaussian` sigmas 0.5, 1, 2, 4. Which sigma gives the
#    cleanest coin outlines?
# 4. Change the LoG sigma on the retina to 1 and to 6: which vessels does each sigma find?
# 5. Write `correlate_by_hand` with `mode="reflect"` padding (`np.pad(..., mode="symmetric")`)
#    and check it against `scratch.ndimage.correlate(..., mode="reflect")`.
#
# ### Implement it yourself
#
# Write the method yourself, step by step; scratch grades each step against the reference and
# names the typical mistakes. `python -m scratch exercises start ID --into mywork` writes the
# stubs (and a notebook twin); then, in a notebook cell:
#
# ```python
# import scratch.exercises
# scratch.exercises.check('correlate', correlate)   # one function, feedback inline
# ```
#
# or `python -m scratch exercises grade mywork` for everything.
#
# - **`correlate`** — 2-D correlation with boundary modes (10 points): `extend_indices` → `pad` → `correlate_padded` → `correlate`
# - **`gaussian_filter`** — the gaussian filter, separable (10 points): `gaussian_weights` → `correlate1d` → `gaussian_filter1d` → `gaussian_filter`
# - **`uniform_filter`** — the uniform filter (local mean) by running sums (10 points): `extend_indices` → `row_means` → `uniform_filter1d` → `uniform_filter`
# - **`sobel`** — the Sobel edge magnitude (8 points): `edge_kernel` → `convolve` → `sobel`
#
# (end of the implementation exercises)

# %%
(OUT / "results.json").write_text(json.dumps(RESULTS, indent=2))
print("figures and results.json in", OUT)
