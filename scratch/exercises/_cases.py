"""Inputs for the inner steps of the exercises: small, so plain Python grades in seconds.

Each helper returns ``cases(seed) -> list of Case`` for :class:`~._model.Step`; the arrays are
``scratch.verify`` :class:`~scratch.verify.Input` recipes, rebuilt fresh for every call (a
student's function that writes into its input cannot spoil the next case) and printed in the
feedback as code that rebuilds them.
"""

import numpy as np

from scratch.verify._core import Case
from scratch.verify._inputs import Input, case_seed

__all__ = ["histogram_cases", "image_cases", "literal"]


def literal(values, dtype=None):
    """A literal array input."""
    values = np.asarray(values)
    return Input("array", values=values.tolist(), dtype=str(dtype or values.dtype))


def _histograms(seed):
    """(label, counts, centres) of a few typical images, as the thresholds bin them."""
    from scratch.filters._thresholds import _validate_image_histogram

    rng = np.random.default_rng(case_seed("exercise histograms", seed))
    images = [
        ("random uint8 12×13", rng.integers(0, 256, (12, 13)).astype(np.uint8), 256),
        ("two-peaked float 16×16", np.concatenate([rng.normal(0.3, 0.05, 128), rng.normal(0.7, 0.08, 128)]), 32),
        ("two-peaked uint8, 9 bins", np.concatenate([rng.integers(10, 40, 100), rng.integers(150, 200, 60)]), 9),
        ("skewed float, 64 bins", rng.exponential(1.0, 300), 64),
        ("three values", np.array([1.0, 1.0, 2.0, 5.0, 5.0, 5.0]), 3),
    ]
    out = []
    for label, image, nbins in images:
        counts, centres = _validate_image_histogram(np.asarray(image), None, nbins)
        out.append((label, counts, centres))
    return out


def histogram_cases(layer="values"):
    """Cases ``(counts, bin_centers)``: the histograms of a few typical images."""

    def cases(seed):
        return [Case(layer, label, (literal(counts, "float32"), literal(centres, centres.dtype)))
                for label, counts, centres in _histograms(seed)]

    return cases


def image_cases(shapes=((12, 13), (1, 9), (9, 1), (6, 7, 5)), dtypes=("uint8", "float64"), extra=None,
                kwargs=({},)):
    """Cases ``(image,)`` (with each of ``kwargs``): random images of a few shapes and dtypes."""

    def cases(seed):
        out = []
        for shape in shapes:
            for dtype in dtypes:
                for kw in kwargs:
                    sd = case_seed("exercise image", seed, shape, dtype)
                    label = f"random {'×'.join(map(str, shape))} {dtype}" + (f" {kw}" if kw else "")
                    out.append(Case("values", label, (Input("random", shape=shape, dtype=dtype, seed=sd),), dict(kw)))
        if extra is not None:
            out += extra(seed)
        return out

    return cases
