"""Image moments, central and normalised moments, Hu invariants and the inertia tensor.

For an image ``I`` (a region's mask, or its intensities) the **raw moment** of order
``(p, q)`` is ``M[p, q] = sum_{r,c} r**p * c**q * I[r, c]`` (coordinates times the pixel
spacing, measured from the region's bounding-box corner).  ``M[0, 0]`` is the area (or the
total intensity) and ``(M[1, 0], M[0, 1]) / M[0, 0]`` the centroid.

**Central moments** measure about the centroid ``(rc, cc)``:
``mu[p, q] = sum (r - rc)**p * (c - cc)**q * I[r, c]`` — invariant to translation.
``mu[2, 0], mu[1, 1], mu[0, 2]`` are the second moments (the region's spread, like a
covariance matrix times the area).

**Normalised moments** ``nu[p, q] = mu[p, q] / mu[0, 0]**((p + q) / ndim + 1)`` are also
invariant to scale (NaN for ``p + q < 2``, where they are meaningless).

**Hu's seven invariants** are polynomials in the normalised moments of order 2 and 3 that
are also invariant to rotation (and, except the 7th, reflection) — Hu (1962).

The **inertia tensor** of a region (unit mass per pixel) has diagonal
``T[i, i] = (sum_k mu_kk - mu_ii) / mu0`` and off-diagonal ``T[i, j] = -mu_ij / mu0``; its
eigenvalues ``l1 >= l2`` are the second moments along the principal axes, from which the
ellipse with the same second moments follows: axis lengths ``4 sqrt(l)``, eccentricity
``sqrt(1 - l2 / l1)``, orientation ``0.5 atan2(-2 T01, T11 - T00)``.

All functions here work on a stack of regions at once (a leading axis ``n``), which is how
``regionprops_table`` turns per-label sums into columns without one Python object per region.

Reference: M.-K. Hu, "Visual pattern recognition by moment invariants", IRE Trans.
Information Theory 8(2):179-187, 1962; W. Burger and M. Burge, *Principles of Digital
Image Processing: Core Algorithms*, Springer 2009, ch. 11.
"""

import itertools

import numpy as np

__all__ = ["moments_normalized", "moments_hu", "inertia_tensor", "inertia_tensor_eigvals"]


def moments_normalized(mu, ndim, spacing, order=3):
    """Scale-invariant moments of a stack ``mu`` of shape ``(n,) + (order + 1,) * ndim``."""
    nu = np.zeros_like(mu)
    mu0 = mu.reshape(mu.shape[0], -1)[:, 0]
    scale = min(spacing)
    for powers in itertools.product(range(order + 1), repeat=ndim):
        idx = (slice(None),) + powers
        s = sum(powers)
        if s < 2:
            nu[idx] = np.nan
        else:
            nu[idx] = (mu[idx] / scale ** s) / (mu0 ** (s / ndim + 1))
    return nu


def moments_hu(nu):
    """Hu's seven rotation invariants from a stack of 2-D normalised moments ``(n, 4, 4)``."""
    n20, n02, n11 = nu[:, 2, 0], nu[:, 0, 2], nu[:, 1, 1]
    n30, n03, n21, n12 = nu[:, 3, 0], nu[:, 0, 3], nu[:, 2, 1], nu[:, 1, 2]
    hu = np.empty((nu.shape[0], 7), dtype=nu.dtype)
    t0 = n30 + n12
    t1 = n21 + n03
    q0 = t0 * t0
    q1 = t1 * t1
    n4 = 4 * n11
    s = n20 + n02
    d = n20 - n02
    hu[:, 0] = s
    hu[:, 1] = d * d + n4 * n11
    hu[:, 3] = q0 + q1
    hu[:, 5] = d * (q0 - q1) + n4 * t0 * t1
    t0 = t0 * (q0 - 3 * q1)
    t1 = t1 * (3 * q0 - q1)
    q0 = n30 - 3 * n12
    q1 = 3 * n21 - n03
    hu[:, 2] = q0 * q0 + q1 * q1
    hu[:, 4] = q0 * t0 + q1 * t1
    hu[:, 6] = q1 * t0 - q0 * t1
    return hu


def inertia_tensor(mu, ndim):
    """Inertia tensors ``(n, ndim, ndim)`` from central moments ``mu`` ``(n,) + (4,) * ndim``."""
    n = mu.shape[0]
    mu0 = mu.reshape(n, -1)[:, 0]
    result = np.zeros((n, ndim, ndim), dtype=mu.dtype)
    second = np.stack([mu[(slice(None),) + tuple(2 * np.eye(ndim, dtype=int)[i])] for i in range(ndim)], axis=1)
    total = np.sum(second, axis=1)
    for i in range(ndim):
        result[:, i, i] = (total - second[:, i]) / mu0
    for i, j in itertools.combinations(range(ndim), 2):
        index = [0] * ndim
        index[i] = index[j] = 1
        value = -mu[(slice(None),) + tuple(index)] / mu0
        result[:, i, j] = value
        result[:, j, i] = value
    return result


def inertia_tensor_eigvals(tensor):
    """Eigenvalues of symmetric tensors ``(n, d, d)``, clipped at 0, largest first ``(n, d)``."""
    eigvals = np.linalg.eigvalsh(tensor)
    eigvals = np.clip(eigvals, 0, None)
    return eigvals[:, ::-1]
