"""Exercises of chapter 02, filtering: correlation with boundary modes, the local mean, the
gaussian filter, the Sobel edge magnitude."""

import numpy as np

from scratch.verify._core import Case
from scratch.verify._inputs import Input, case_seed

from ._model import Exercise, Mistake, Step, register

CHAPTER = "02 filtering"
B = "scratch.ndimage._boundary:"
C = "scratch.ndimage._correlate:"
MODES = ("reflect", "mirror", "nearest", "wrap", "constant")


def _real(case):
    """Leave out complex images and weights: a correlation of real numbers is the exercise."""
    def real(v):
        if isinstance(v, Input):
            return "complex" not in str(v.params.get("dtype", ""))
        return not np.iscomplexobj(v) if isinstance(v, np.ndarray) else True

    return all(real(a) for a in case.args) and all(real(v) for v in case.kwargs.values())


def _random(shape, seed, *key, dtype="float64", low=None, high=None):
    params = dict(shape=tuple(shape), dtype=dtype, seed=case_seed("exercise filters", seed, *key, shape))
    if low is not None:
        params.update(low=low, high=high)
    return Input("random", **params)


# --- correlate ---------------------------------------------------------------------------------


def _extend_cases(seed):
    """``(n, before, after, mode)``: short lines, windows reaching past them (several periods)."""
    out = []
    for n, before, after in ((5, 2, 2), (4, 3, 1), (1, 2, 3), (2, 5, 4), (3, 7, 7), (6, 0, 0)):
        for mode in MODES:
            out.append(Case("values", f"n={n}, before={before}, after={after}, {mode}", (n, before, after, mode)))
    out.append(Case("values", "an alias: grid-wrap", (4, 3, 3, "grid-wrap")))
    return out


def _pad_cases(seed):
    """``(image, before, after, mode, cval)``: small images padded unevenly, in 1-, 2- and 3-D."""
    out = []
    for shape, before, after in (((5, 6), (2, 1), (1, 3)), ((1, 4), (2, 2), (0, 3)), ((7,), (3,), (4,)),
                                 ((3, 2), (5, 4), (4, 5)), ((3, 4, 2), (1, 0, 2), (2, 1, 1))):
        for mode in MODES:
            cval = 2.5 if mode == "constant" else 0.0
            out.append(Case("values", f"{'×'.join(map(str, shape))}, before={before}, after={after}, {mode}",
                            (_random(shape, seed, "pad", mode), before, after, mode, cval)))
    return out


def _padded_cases(seed):
    """``(padded, weights)``: padded images and kernels of odd, even and unit sizes, 1-D to 3-D."""
    out = []
    for shape, kshape in (((10, 12), (3, 3)), ((9, 11), (3, 4)), ((6, 6), (2, 2)), ((5, 7), (1, 1)),
                          ((5, 9), (5, 1)), ((14,), (5,)), ((6, 7, 5), (3, 2, 3))):
        label = f"padded {'×'.join(map(str, shape))}, weights {'×'.join(map(str, kshape))}"
        out.append(Case("values", label, (_random(shape, seed, "padded"),
                                          _random(kshape, seed, "weights", low=-1.0, high=1.0))))
    weights = Input("array", values=[[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]], dtype="float64")
    out.append(Case("edge cases", "a nan pixel under zero weights (skipped taps)",
                    (Input("special", shape=(8, 8), dtype="float64", value="nan", fraction=0.05,
                           seed=case_seed("exercise filters", seed, "nan")), weights)))
    return out


register(Exercise(
    id="correlate", chapter=CHAPTER, title="2-D correlation with boundary modes", core=True,
    intro="Correlation slides a kernel over the image and sums, at every pixel, the products of the "
          "weights with the pixels under them: out[p] = sum_k w[k] * in[p + k - centre].  Near the edge "
          "the boundary mode says which real pixel stands in for a missing one.  Mind the trap: SciPy's "
          "'reflect' (d c b a | a b c d) is NumPy's 'symmetric', SciPy's 'mirror' (d c b | a b c d) is "
          "NumPy's 'reflect'.",
    steps=[
        Step("extend_indices", "the boundary rule: which pixel stands in for a virtual index", B + "extend_indices",
             points=2, cases=_extend_cases),
        Step("pad", "the image extended past its edges", B + "pad", points=2, cases=_pad_cases),
        Step("correlate_padded", "the sum over the taps (a 'valid' correlation)", C + "_correlate_padded",
             points=2, cases=_padded_cases, params=("padded", "weights")),
        Step("correlate", "the public function", "scratch.ndimage:correlate", points=4, verify="correlate",
             params=("input", "weights", "mode", "cval", "origin"), select=_real),
    ],
    # innermost first: the functions between the steps, rebuilt on top of a mutated kernel
    chain=(B + "pad", C + "_correlate_padded", C + "_correlate_or_convolve"),
    mistakes=[
        Mistake("convolution", "your output is the convolution: the kernel flipped in every axis "
                "(a correlation reads w[k] * in[p + k], a convolution in[p - k])", C + "_correlate_padded",
                replace=(("    taps = np.argwhere(",
                          "    weights = weights[(slice(None, None, -1),) * weights.ndim]\n"
                          "    taps = np.argwhere("),)),
        Mistake("numpy reflect", "your 'reflect' is NumPy's 'reflect' (d c b | a b c d, the edge pixel not "
                "repeated) — that is SciPy's 'mirror'; SciPy's 'reflect' repeats the edge pixel "
                "(d c b a | a b c d, NumPy's 'symmetric')", B + "extend_indices",
                replace=(("period = 2 * n\n        i = i % period\n        return np.where(i < n, i, period - 1 - i)",
                          "period = 2 * n - 2\n        i = i % period\n        return np.where(i < n, i, period - i)"),)),
        Mistake("even centre", "your kernel is centred one pixel off for even sizes: the centre tap of K "
                "weights is K // 2 (right of the middle), you used (K - 1) // 2", C + "_correlate_or_convolve",
                replace=(("before = [size // 2 + o for", "before = [max((size - 1) // 2 + o, 0) for"),)),
        Mistake("constant zero", "with mode='constant' your image is extended with 0, not with cval",
                B + "pad", replace=(("values[tuple(hole)] = cval", "values[tuple(hole)] = 0.0"),)),
    ],
))


# --- gaussian_filter ---------------------------------------------------------------------------

G = "scratch.ndimage._gaussian:"


def _weights_cases(seed):
    """``(sigma, radius)``: narrow, wide and truncated gaussians."""
    return [Case("values", f"sigma={s}, radius={r}", (s, r))
            for s, r in ((1.0, 4), (1.5, 6), (0.5, 2), (2.0, 3), (3.0, 12), (0.8, 1), (1.0, 0))]


register(Exercise(
    id="gaussian_filter", chapter=CHAPTER, title="the gaussian filter, separable",
    intro="The gaussian filter is a weighted local mean whose weights fall off as "
          "exp(-x**2 / (2 sigma**2)).  It is separable: an n-D gaussian is one 1-D pass per axis, "
          "each a 1-D correlation with the sampled, normalised kernel.",
    steps=[
        Step("gaussian_weights", "the sampled, normalised 1-D kernel", G + "_gaussian_weights", points=2,
             cases=_weights_cases),
        Step("correlate1d", "a 1-D correlation along one axis, with boundary modes", C + "correlate1d", points=3,
             verify="correlate1d", params=("input", "weights", "axis", "mode", "cval"), select=_real),
        Step("gaussian_filter1d", "one gaussian pass", G + "gaussian_filter1d", points=2,
             verify="gaussian_filter1d", params=("input", "sigma", "axis", "mode", "cval", "truncate", "radius"),
             select=_real),
        Step("gaussian_filter", "the public function: a pass per axis", "scratch.ndimage:gaussian_filter", points=3,
             verify="gaussian_filter", params=("input", "sigma", "mode", "cval", "truncate", "radius"),
             select=_real),
    ],
    chain=(G + "_gaussian_weights", G + "gaussian_kernel1d"),
    mistakes=[
        Mistake("not normalised", "your kernel is not normalised: divide the sampled gaussian by its sum "
                "(an image of ones must stay ones)", G + "_gaussian_weights",
                replace=(("    return phi / phi.sum()", "    return phi"),)),
        Mistake("sigma as variance", "your gaussian divides x**2 by 2 sigma instead of 2 sigma**2 "
                "(sigma is the standard deviation, not the variance)", G + "_gaussian_weights",
                replace=(("phi = np.exp(-0.5 / sigma2 * x**2)", "phi = np.exp(-0.5 / sigma * x**2)"),)),
        Mistake("2 radius taps", "your kernel has 2 * radius taps (x = -radius .. radius - 1): it needs "
                "2 * radius + 1, from -radius to +radius inclusive, centred on x = 0", G + "_gaussian_weights",
                replace=(("x = np.arange(-radius, radius + 1, dtype=np.float64)",
                          "x = np.arange(-radius, radius, dtype=np.float64)"),)),
        Mistake("passes not chained", "each of your 1-D passes filters the original image, so only the last "
                "axis is smoothed: the second pass must filter the result of the first", G + "gaussian_filter",
                replace=(("        input = output\n    return output", "    return output"),)),
    ],
))


# --- uniform_filter ----------------------------------------------------------------------------

U = "scratch.ndimage._uniform:"


def _lines_cases(seed):
    """``(image, index_map, before, cval, size)``: rows extended by each mode, odd and even
    windows, a window longer than the row."""
    from scratch.ndimage._boundary import extend_indices

    from ._cases import literal

    out = []
    for shape, size, mode in (((6, 11), 3, "reflect"), ((6, 11), 4, "mirror"), ((5, 9), 5, "nearest"),
                              ((4, 7), 2, "wrap"), ((5, 8), 3, "constant"), ((3, 4), 9, "reflect"),
                              ((2, 6), 1, "reflect")):
        before = size // 2
        index_map = extend_indices(shape[1], before, size - 1 - before, mode)
        out.append(Case("values", f"{'×'.join(map(str, shape))}, size={size}, {mode}",
                        (_random(shape, seed, "lines", size, mode), literal(index_map, "int64"), before,
                         1.5 if mode == "constant" else 0.0, size)))
    return out


register(Exercise(
    id="uniform_filter", chapter=CHAPTER, title="the uniform filter (local mean) by running sums",
    intro="The uniform filter replaces every pixel by the mean of the box around it.  The box is "
          "separable (one 1-D pass per axis), and a 1-D mean needs no sum over the window: slide the "
          "window one pixel, one pixel enters and one leaves.",
    steps=[
        Step("extend_indices", "the boundary rule (as in the correlate exercise)", B + "extend_indices", points=1,
             cases=_extend_cases),
        Step("row_means", "the running mean along the rows", U + "_row_means", points=3, cases=_lines_cases,
             params=("image", "index_map", "before", "cval", "size")),
        Step("uniform_filter1d", "a 1-D uniform filter along one axis", U + "uniform_filter1d", points=3,
             verify="uniform_filter1d", params=("input", "size", "axis", "mode", "cval", "origin"), select=_real),
        Step("uniform_filter", "the public function: a pass per axis", "scratch.ndimage:uniform_filter", points=3,
             verify="uniform_filter", params=("input", "size", "mode", "cval", "origin"), select=_real),
    ],
    chain=(U + "_run_uniform1d",),
    mistakes=[
        Mistake("even window centred wrong", "your even-sized window is placed one pixel off: the window of "
                "pixel i starts at i - (size // 2 + origin), one pixel more in front than behind",
                U + "_run_uniform1d",
                replace=(("before = size // 2 + origin\n    after = size - 1 - size // 2 - origin",
                          "before = max((size - 1) // 2 + origin, 0)\n    after = size - 1 - before"),)),
        Mistake("numpy reflect", "your 'reflect' is NumPy's 'reflect' (d c b | a b c d) — that is SciPy's "
                "'mirror'; SciPy's 'reflect' repeats the edge pixel (d c b a | a b c d)", B + "extend_indices",
                replace=(("period = 2 * n\n        i = i % period\n        return np.where(i < n, i, period - 1 - i)",
                          "period = 2 * n - 2\n        i = i % period\n        return np.where(i < n, i, period - i)"),)),
        Mistake("passes not chained", "each of your 1-D passes filters the original image, so only the last "
                "axis is averaged: the second pass must filter the result of the first", U + "uniform_filter",
                replace=(("        input = output\n    return output", "    return output"),)),
    ],
))


# --- sobel -------------------------------------------------------------------------------------

EDGES = "scratch.filters._edges:"


def _edge_kernel_cases(seed):
    """``(ndim, edge_dim, edge_weights, smooth_weights)``: Sobel's and Prewitt's kernels in 1-, 2- and 3-D."""
    from ._cases import literal

    diff = literal(np.array([1.0, 0.0, -1.0]))
    out = []
    for name, smooth in (("sobel", np.array([1.0, 2.0, 1.0]) / 4), ("prewitt", np.full(3, 1 / 3))):
        for ndim in (1, 2, 3):
            for edge_dim in range(ndim):
                out.append(Case("values", f"{name}, ndim={ndim}, edge_dim={edge_dim}",
                                (ndim, edge_dim, diff, literal(smooth))))
    return out


def _sobel_cases(case):
    """Real images given alone (the mask, given by position, is not part of the exercise), not 0-d."""
    if len(case.args) != 1 or not _real(case):
        return False
    image = case.args[0]
    return not (isinstance(image, Input) and tuple(image.params.get("shape", (1,))) == ())


register(Exercise(
    id="sobel", chapter=CHAPTER, title="the Sobel edge magnitude",
    intro="Sobel's operator estimates the gradient: along each axis a central difference [1, 0, -1], "
          "smoothed by [1, 2, 1] / 4 along the other axes; the edge magnitude is the root mean square of "
          "the directional derivatives.",
    steps=[
        Step("edge_kernel", "the directional kernel", EDGES + "_edge_kernel", points=2, cases=_edge_kernel_cases),
        Step("convolve", "n-D convolution (a correlation with the kernel flipped)", "scratch.ndimage:convolve",
             points=3, verify="convolve", params=("input", "weights", "mode", "cval", "origin"), select=_real),
        Step("sobel", "the public function: the edge magnitude", "scratch.filters:sobel", points=3,
             verify="sobel", params=("image", "mode", "cval"), select=_sobel_cases),
    ],
    chain=(EDGES + "_generic_edge_filter",),
    mistakes=[
        Mistake("no sqrt(ndim)", "your magnitude is sqrt(sum of squares) without the division by "
                "sqrt(ndim): scikit-image's is the root *mean* square of the derivatives",
                EDGES + "_generic_edge_filter",
                replace=(("taps[1][1], np.sqrt(ndim, dtype=output.dtype),", "taps[1][1], output.dtype.type(1.0),"),
                         ("_root_scaled.sized(flat.size)(flat, np.sqrt(ndim, dtype=output.dtype))",
                          "_root_scaled.sized(flat.size)(flat, output.dtype.type(1.0))"))),
        Mistake("no smoothing", "your kernel is the bare central difference [1, 0, -1]: Sobel also smooths "
                "with [1, 2, 1] / 4 along every other axis", EDGES + "_edge_kernel",
                replace=(("for smooth_dim in list(set(range(ndim)) - {edge_dim}):", "for smooth_dim in []:"),)),
        Mistake("textbook weights", "your kernel is the textbook Sobel kernel [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]: "
                "scikit-image divides the smoothing by 4 (its sum), so your output is 4 times too large",
                EDGES + "_edge_kernel",
                replace=(("kernel = kernel * along(smooth_weights, smooth_dim)",
                          "kernel = kernel * along(smooth_weights * 4, smooth_dim)"),)),
        Mistake("no float conversion", "your integer image is not converted with img_as_float (uint8 / 255, ...): "
                "your edges are on the 0..255 scale", EDGES + "_generic_edge_filter",
                replace=(("    image = _as_float_image(image)\n",
                          "    image = np.asarray(image, dtype=np.float64) if image.dtype.kind in 'biu' "
                          "else _as_float_image(image)\n"),)),
    ],
))
