"""Region properties: measurements of every labelled region of an image.

Most measurements of a region are functions of a handful of **sums over its pixels**:

* the pixel count (area), the bounding box (running min/max of the coordinates);
* the sums of coordinates (centroid) and of intensities (mean, weighted centroid);
* the raw moments ``M[p, q] = sum r**p c**q`` in the bounding box's frame and the central
  moments ``mu[p, q] = sum (r - rc)**p (c - cc)**q`` (``p, q <= 3``), plain and weighted by
  the intensity — from which ``_moments.py`` derives normalised and Hu moments, the inertia
  tensor and its eigenvalues, and from those the equivalent ellipse (axis lengths,
  eccentricity, orientation);
* the intensity min/max and the sum of squared deviations from the mean (standard deviation).

So :func:`regionprops_table` never builds one object per region for these: it sweeps the
label image **twice**, accumulating every region's sums at once (pass 1: count, bounding
box, coordinate and intensity sums, min/max; pass 2, now that the bounding boxes and
centroids are known: raw and central moments and squared deviations, accumulated directly
— not from power sums, which would cancel catastrophically — and only those the requested
properties need: an ellipse needs the central moments up to order 2, nothing needs the
weighted moments unless asked), then evaluates each column for all regions with array
arithmetic.  The label and intensity images are read in their own dtypes (no float64
copy).  ``O(N)`` for ``N`` pixels, independent of the number of regions.  The two
perimeters come from one more pass (``_perimeter.py``: histograms of local pixel codes for
every label at once).  Properties that are images or need the region's shape (``image``,
``coords``, ``image_filled``, ``image_convex``, ``euler_number``, ``feret_diameter_max``, ...)
are computed per region on its bounding-box crop.

:func:`regionprops` returns :class:`RegionProperties` objects whose properties are computed
lazily (and cached) on first access, from the same sums taken over the region's crop.

Shape measurements on the crop (2-D; the convex image and the Feret diameter also in 3-D):

* **Euler number** = components - holes, as the Euler characteristic ``V - E + F`` of a cell
  complex: for 8-connected regions (``connectivity=2``) the union of closed pixel squares;
  for 4-connected regions pixels as vertices, 4-adjacencies as edges, full 2x2 blocks as faces.
* **Perimeter** (``neighborhood=4``): the border pixels (region minus its 4-erosion) are
  classified by their border neighbours and weighted 1, sqrt(2) or (1 + sqrt(2)) / 2.
* **Crofton perimeter**: Cauchy-Crofton integral geometry — the 2x2 configurations are
  counted and weighted by the expected number of line crossings in 4 directions.
  (Both in ``_perimeter.py``, on the crop here and on the whole label image for the table.)
* **Filled image**: background components that do not touch the crop border are holes.
* **Convex image**: ``_convex_hull.py`` (monotone chain); in 3-D ``_convex_hull_3d.py``
  (Quickhull in exact integer arithmetic).
* **Feret diameter**: the largest distance between two points of the convex image's
  0.5-contour (the midpoints of its edge pixels' boundary edges); in 3-D of its
  0.5-isosurface (the midpoints of the grid edges leaving the convex image), maximised over
  the hull vertices of those points.

References: W. Burger and M. Burge, *Principles of Digital Image Processing: Core
Algorithms*, Springer 2009; J. Ohser, W. Nagel, K. Schladitz, "The Euler number of
discretized sets", LNP 600, 2002; S. Rivollier et al., "Perimeter and area of planar sets",
2010 (Crofton).
"""

import inspect
import warnings
from itertools import combinations
from math import atan2, pi, sqrt

import numpy as np

from .._checks import native_byte_order
from .._jit import jit
from ..ndimage import label as _ndi_label
from . import _moments
from ._convex_hull import convex_hull_image_2d
from ._perimeter import PERIMETER_WEIGHTS, crofton_coefs, perimeter_histograms
from ._perimeter import perimeter as _perimeter
from ._perimeter import perimeter_crofton as _perimeter_crofton
from ._convex_hull_3d import _max_sq_distance, convex_hull_image_3d, feret_diameter_max_3d

__all__ = ["regionprops", "regionprops_table", "RegionProperties"]

# column dtypes of regionprops_table, as the reference
COL_DTYPES = {
    "area": float, "area_bbox": float, "area_convex": float, "area_filled": float,
    "axis_major_length": float, "axis_minor_length": float, "bbox": int, "centroid": float,
    "centroid_local": float, "centroid_weighted": float, "centroid_weighted_local": float,
    "coords": object, "coords_scaled": object, "eccentricity": float,
    "equivalent_diameter_area": float, "euler_number": int, "extent": float,
    "feret_diameter_max": float, "image": object, "image_convex": object, "image_filled": object,
    "image_intensity": object, "inertia_tensor": float, "inertia_tensor_eigvals": float,
    "intensity_max": float, "intensity_mean": float, "intensity_median": float, "intensity_min": float, "intensity_std": float,
    "label": int, "moments": float, "moments_central": float, "moments_hu": float,
    "moments_normalized": float, "moments_weighted": float, "moments_weighted_central": float,
    "moments_weighted_hu": float, "moments_weighted_normalized": float, "num_pixels": int,
    "orientation": float, "perimeter": float, "perimeter_crofton": float, "slice": object,
    "solidity": float,
}
OBJECT_COLUMNS = [name for name, dtype in COL_DTYPES.items() if dtype is object]
REQUIRE_INTENSITY = (
    "image_intensity", "intensity_max", "intensity_mean", "intensity_median", "intensity_min", "intensity_std",
    "moments_weighted", "moments_weighted_central", "centroid_weighted", "centroid_weighted_local",
    "moments_weighted_hu", "moments_weighted_normalized",
)
# the names of releases before 0.19, still served by 0.26: the lower-case ones as attributes and
# items, the CamelCase ones as items only, each with a FutureWarning naming the new name
PROPS = {
    "Area": "area", "BoundingBox": "bbox", "BoundingBoxArea": "area_bbox", "bbox_area": "area_bbox",
    "CentralMoments": "moments_central", "Centroid": "centroid", "ConvexArea": "area_convex",
    "convex_area": "area_convex", "ConvexImage": "image_convex", "convex_image": "image_convex",
    "Coordinates": "coords", "Eccentricity": "eccentricity", "EquivDiameter": "equivalent_diameter_area",
    "equivalent_diameter": "equivalent_diameter_area", "EulerNumber": "euler_number", "Extent": "extent",
    "FeretDiameter": "feret_diameter_max", "FeretDiameterMax": "feret_diameter_max",
    "FilledArea": "area_filled", "filled_area": "area_filled", "FilledImage": "image_filled",
    "filled_image": "image_filled", "HuMoments": "moments_hu", "Image": "image",
    "InertiaTensor": "inertia_tensor", "InertiaTensorEigvals": "inertia_tensor_eigvals",
    "IntensityImage": "image_intensity", "intensity_image": "image_intensity", "Label": "label",
    "LocalCentroid": "centroid_local", "local_centroid": "centroid_local",
    "MajorAxisLength": "axis_major_length", "major_axis_length": "axis_major_length",
    "MaxIntensity": "intensity_max", "max_intensity": "intensity_max",
    "MeanIntensity": "intensity_mean", "mean_intensity": "intensity_mean",
    "MinIntensity": "intensity_min", "min_intensity": "intensity_min", "std_intensity": "intensity_std",
    "MinorAxisLength": "axis_minor_length", "minor_axis_length": "axis_minor_length",
    "Moments": "moments", "NormalizedMoments": "moments_normalized", "Orientation": "orientation",
    "Perimeter": "perimeter", "CroftonPerimeter": "perimeter_crofton", "Slice": "slice",
    "Solidity": "solidity", "WeightedCentralMoments": "moments_weighted_central",
    "weighted_moments_central": "moments_weighted_central", "WeightedCentroid": "centroid_weighted",
    "weighted_centroid": "centroid_weighted", "WeightedHuMoments": "moments_weighted_hu",
    "weighted_moments_hu": "moments_weighted_hu", "WeightedLocalCentroid": "centroid_weighted_local",
    "weighted_local_centroid": "centroid_weighted_local", "WeightedMoments": "moments_weighted",
    "weighted_moments": "moments_weighted", "WeightedNormalizedMoments": "moments_weighted_normalized",
    "weighted_moments_normalized": "moments_weighted_normalized",
}
# what iterating over a region yields (and what ``==`` compares): the reference walks
# ``PROP_VALS``, the values of ``PROPS``, which lacks the three newest properties
# (``coords_scaled``, ``intensity_median``, ``num_pixels``: still attributes)
PROP_VALS = frozenset(PROPS.values())
ITERATED = PROP_VALS
ONLY_2D = ("eccentricity", "moments_hu", "moments_weighted_hu", "orientation", "perimeter",
           "perimeter_crofton")

# properties computed for all regions at once from the per-label sums
_FROM_SUMS = {
    "label", "num_pixels", "area", "bbox", "area_bbox", "extent", "centroid", "centroid_local",
    "centroid_weighted", "centroid_weighted_local", "equivalent_diameter_area", "moments",
    "moments_central", "moments_normalized", "moments_hu", "moments_weighted",
    "moments_weighted_central", "moments_weighted_normalized", "moments_weighted_hu",
    "inertia_tensor", "inertia_tensor_eigvals", "eccentricity", "orientation",
    "axis_major_length", "axis_minor_length", "intensity_mean", "intensity_min",
    "intensity_max", "intensity_std",
}


# --- the two sweeps --------------------------------------------------------------------------

@jit
def _pass1(labels, intensity, count, lo, hi, csum, isum, icsum, imin, imax):
    """Count, bounding box, coordinate sums, intensity sums/min/max per label (3-D views of
    any integer labels and any real intensity dtype; each intensity is read as float64)."""
    nz, ny, nx = labels.shape
    nch = intensity.shape[3]
    for z in range(nz):
        for y in range(ny):
            for x in range(nx):
                lab = labels[z, y, x]
                if lab <= 0:
                    continue
                if count[lab] == 0:
                    lo[lab, 0] = z
                    lo[lab, 1] = y
                    lo[lab, 2] = x
                    hi[lab, 0] = z
                    hi[lab, 1] = y
                    hi[lab, 2] = x
                    for ch in range(nch):
                        imin[lab, ch] = np.float64(intensity[z, y, x, ch])
                        imax[lab, ch] = np.float64(intensity[z, y, x, ch])
                count[lab] += 1
                lo[lab, 0] = min(lo[lab, 0], z)
                lo[lab, 1] = min(lo[lab, 1], y)
                lo[lab, 2] = min(lo[lab, 2], x)
                hi[lab, 0] = max(hi[lab, 0], z)
                hi[lab, 1] = max(hi[lab, 1], y)
                hi[lab, 2] = max(hi[lab, 2], x)
                csum[lab, 0] += z
                csum[lab, 1] += y
                csum[lab, 2] += x
                for ch in range(nch):
                    v = np.float64(intensity[z, y, x, ch])
                    isum[lab, ch] += v
                    icsum[lab, ch, 0] += v * z
                    icsum[lab, ch, 1] += v * y
                    icsum[lab, ch, 2] += v * x
                    imin[lab, ch] = min(imin[lab, ch], v)
                    imax[lab, ch] = max(imax[lab, ch], v)


@jit(inline="always")
def _accumulate(sums, lab, ch, weight, dz, dy, dx, zorder, order):
    """``sums[lab, ch, a, b, c] += weight * dz**a * dy**b * dx**c`` for ``a <= min(zorder,
    order)``, ``b, c <= order``; the powers are built up by repeated multiplication."""
    pz = 1.0
    for a in range(min(zorder, order) + 1):
        py = 1.0
        for b in range(order + 1):
            pzy = weight * pz * py
            px = 1.0
            for c in range(order + 1):
                sums[lab, ch, a, b, c] += pzy * px
                px *= dx
            py *= dy
        pz *= dz


@jit
def _pass2(labels, intensity, spacing, zorder, needs, lo, center, wcenter, mean, M, mu, Mw, muw, ssd):
    """Raw/central moments (plain and intensity-weighted) and squared deviations per label.

    Only what the caller needs is summed: ``needs`` holds the highest order per axis of the
    raw moments ``M``, the central ``mu``, the weighted raw ``Mw`` and weighted central
    ``muw`` (-1: none), and 1 if the squared deviations ``ssd`` are wanted; the rest stays 0.
    ``M`` and ``mu`` have a channel axis of length 1 here.
    """
    nz, ny, nx = labels.shape
    nch = intensity.shape[3]
    raw, central, weighted_raw, weighted_central, deviations = needs[0], needs[1], needs[2], needs[3], needs[4]
    for z in range(nz):
        for y in range(ny):
            for x in range(nx):
                lab = labels[z, y, x]
                if lab <= 0:
                    continue
                dz = (z - lo[lab, 0]) * spacing[0]
                dy = (y - lo[lab, 1]) * spacing[1]
                dx = (x - lo[lab, 2]) * spacing[2]
                _accumulate(M, lab, 0, 1.0, dz, dy, dx, zorder, raw)
                _accumulate(mu, lab, 0, 1.0, dz - center[lab, 0], dy - center[lab, 1], dx - center[lab, 2],
                            zorder, central)
                for ch in range(nch):
                    v = np.float64(intensity[z, y, x, ch])
                    if deviations:
                        dev = v - mean[lab, ch]
                        ssd[lab, ch] += dev * dev
                    _accumulate(Mw, lab, ch, v, dz, dy, dx, zorder, weighted_raw)
                    _accumulate(muw, lab, ch, v, dz - wcenter[lab, ch, 0], dy - wcenter[lab, ch, 1],
                                dx - wcenter[lab, ch, 2], zorder, weighted_central)


# what a property needs from the second sweep: the highest order per axis of the raw, central,
# weighted raw and weighted central moments (-1: none), and 1 for the squared deviations;
# properties not listed need the first sweep only
_SECOND_SWEEP = {
    "moments": (3, -1, -1, -1, 0),
    "centroid_local": (1, -1, -1, -1, 0),
    **dict.fromkeys(("moments_central", "moments_normalized", "moments_hu"), (-1, 3, -1, -1, 0)),
    **dict.fromkeys(("inertia_tensor", "inertia_tensor_eigvals", "eccentricity", "orientation",
                     "axis_major_length", "axis_minor_length"), (-1, 2, -1, -1, 0)),
    "moments_weighted": (-1, -1, 3, -1, 0),
    **dict.fromkeys(("centroid_weighted", "centroid_weighted_local"), (-1, -1, 1, -1, 0)),
    **dict.fromkeys(("moments_weighted_central", "moments_weighted_normalized", "moments_weighted_hu"),
                    (-1, -1, -1, 3, 0)),
    "intensity_std": (-1, -1, -1, -1, 1),
}
_ALL_SUMS = (3, 3, 3, 3, 1)
_NO_SUMS = (-1, -1, -1, -1, 0)


def _second_sweep_needs(properties):
    """What the second sweep must sum for ``properties`` (see ``_SECOND_SWEEP``)."""
    needs = np.array([_SECOND_SWEEP.get(name, _NO_SUMS) for name in properties] + [_NO_SUMS])
    return tuple(int(v) for v in needs.max(axis=0))


def _first_sweep(labels, intensity, n):
    """The first sweep: every region's pixel count, bounding box and sums, in one pass.

    ``labels`` is a 3-D integer array (a 2-D image as shape ``(1, M, N)``), ``intensity`` a
    4-D array ``labels.shape + (C,)`` (``C`` channels; ``C = 0`` without an intensity image),
    ``n`` the largest label + 1.  Pixels with a label ``<= 0`` are background.  For every
    label ``lab`` (row ``lab`` of each output, rows of absent labels stay 0):

    * ``count[lab]`` — its number of pixels (int64, shape ``(n,)``);
    * ``lo[lab]``, ``hi[lab]`` — the smallest and largest ``(z, y, x)`` of its pixels
      (int64, ``(n, 3)``; ``hi`` inclusive here: the table's bbox adds 1);
    * ``csum[lab]`` — the sums of its pixels' ``z``, ``y`` and ``x`` (float64, ``(n, 3)``);
    * ``isum[lab, c]`` — the sum of its intensities in channel ``c`` (float64, ``(n, C)``);
      ``icsum[lab, c]`` the intensity-weighted coordinate sums (``(n, C, 3)``);
    * ``imin[lab, c]``, ``imax[lab, c]`` — the smallest and largest intensity (``(n, C)``).

    Every intensity is read as float64.  Returns ``(count, lo, hi, csum, isum, icsum, imin,
    imax)``.  From these the table's columns follow: area = count, centroid = csum / count,
    mean intensity = isum / count, bbox = (lo, hi + 1).
    """
    nch = intensity.shape[3]
    count = np.zeros(n, np.int64)
    lo = np.zeros((n, 3), np.int64)
    hi = np.zeros((n, 3), np.int64)
    csum = np.zeros((n, 3), np.float64)
    isum = np.zeros((n, nch))
    icsum = np.zeros((n, nch, 3))
    imin = np.zeros((n, nch))
    imax = np.zeros((n, nch))
    _pass1(labels, intensity, count, lo, hi, csum, isum, icsum, imin, imax)
    return count, lo, hi, csum, isum, icsum, imin, imax


class _Sums:
    """Per-region sums of a label image (regions = labels present, in increasing order).

    ``needs`` says what the second sweep sums (:func:`_second_sweep_needs`); by default all.
    """

    def __init__(self, label_image, intensity_image, spacing, multichannel, needs=_ALL_SUMS,
                 first_sweep=_first_sweep):
        # (the table passes its `_first_sweep`: an exercise's variant replaces it there)
        ndim = label_image.ndim
        self.ndim = ndim
        self.spacing = np.asarray(spacing, dtype=np.float64)
        self.multichannel = multichannel
        self.has_intensity = intensity_image is not None
        labels3 = label_image.reshape((1,) * (3 - ndim) + label_image.shape)
        max_label = int(label_image.max()) if label_image.size else 0
        max_label = max(max_label, 0)
        n = max_label + 1
        if intensity_image is None:
            inten = np.zeros(labels3.shape + (0,))
        else:  # read in its own dtype (the sweeps read each value as float64): no copy
            inten = np.asarray(intensity_image)
            if inten.dtype == np.bool_ or inten.dtype.kind not in "iuf" or inten.dtype == np.float16:
                inten = inten.astype(np.float64)
            if not multichannel:
                inten = inten[..., None]
            inten = inten.reshape(labels3.shape + inten.shape[-1:])
        inten = np.ascontiguousarray(native_byte_order(inten))  # (Numba compiles native order only)
        if labels3.dtype.kind not in "iu" or labels3.dtype.itemsize > 8 or labels3.dtype == np.uint64:
            labels3 = labels3.astype(np.int64)
        labels3 = np.ascontiguousarray(native_byte_order(labels3))
        nch = inten.shape[3]
        count, lo, hi, csum, isum, icsum, imin, imax = first_sweep(labels3, inten, n)
        present = np.flatnonzero(count)
        self.labels = present
        sp3 = np.concatenate([np.ones(3 - ndim), self.spacing])
        safe = np.maximum(count, 1)
        center = (csum - count[:, None] * lo) * sp3 / safe[:, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            wcenter = (icsum - isum[:, :, None] * lo[:, None, :]) * sp3 / isum[:, :, None]
        mean = isum / safe[:, None]
        zorder = 3 if ndim == 3 else 0
        M = np.zeros((n, 1, 4, 4, 4))  # (a channel axis of 1, as the weighted sums have)
        mu = np.zeros((n, 1, 4, 4, 4))
        Mw = np.zeros((n, nch, 4, 4, 4))
        muw = np.zeros((n, nch, 4, 4, 4))
        ssd = np.zeros((n, nch))
        if max(needs[:2]) >= 0 or (nch > 0 and (max(needs[2:4]) >= 0 or needs[4])):
            _pass2(labels3, inten, sp3, zorder, np.array(needs, np.int64), lo, np.ascontiguousarray(center),
                   np.ascontiguousarray(wcenter), mean, M, mu, Mw, muw, ssd)
        k = present
        d0 = 3 - ndim
        self.count = count[k]
        self.lo = lo[k, d0:]
        self.hi = hi[k, d0:] + 1
        self.csum = csum[k, d0:]
        M, mu = M[:, 0], mu[:, 0]
        if ndim == 2:
            M, mu, Mw, muw = M[:, 0], mu[:, 0], Mw[:, :, 0], muw[:, :, 0]
        self.M = M[k]
        self.mu = mu[k]
        # weighted moments with channels last, as the reference stacks them
        self.Mw = np.moveaxis(Mw[k], 1, -1)
        self.muw = np.moveaxis(muw[k], 1, -1)
        self.isum = isum[k]
        self.imin = imin[k]
        self.imax = imax[k]
        self.ssd = ssd[k]


def _unit(ndim, axis):
    return (0,) * axis + (1,) + (0,) * (ndim - 1 - axis)


def _columns(name, s, offset):
    """Property ``name`` for every region of the sums ``s``: an array with a leading region axis."""
    ndim = s.ndim
    pixel_area = float(np.prod(s.spacing))
    n = s.count.shape[0]
    if name in ONLY_2D and ndim > 2:
        raise NotImplementedError(f"Property {name} is not implemented for 3D images")
    if name == "moments_weighted_hu" and not (s.spacing == 1).all():  # before the intensity, as the reference
        raise NotImplementedError("`moments_hu` supports spacing = (1, 1) only")
    if name in REQUIRE_INTENSITY and not s.has_intensity:
        raise AttributeError(f"Attribute '{name}' unavailable when `intensity_image` has not been specified.")

    def per_channel(values):  # (n, nch) -> (n,) for a single-channel image
        return values if s.multichannel else values[:, 0]

    if name == "label":
        return s.labels.astype(int)
    if name == "num_pixels":
        return s.count.copy()
    if name == "area":
        return s.count * pixel_area
    if name == "bbox":
        return np.concatenate([s.lo, s.hi], axis=1)
    if name == "area_bbox":
        return np.prod(s.hi - s.lo, axis=1) * pixel_area
    if name == "extent":
        return (s.count * pixel_area) / (np.prod(s.hi - s.lo, axis=1) * pixel_area)
    if name == "centroid":
        return (s.csum / s.count[:, None]) * s.spacing + offset
    if name == "equivalent_diameter_area":
        return (2 * ndim * (s.count * pixel_area) / pi) ** (1 / ndim)
    if name == "centroid_local":
        M0 = s.M[(slice(None),) + (0,) * ndim]
        return np.stack([s.M[(slice(None),) + _unit(ndim, a)] / M0 for a in range(ndim)], axis=1)
    if name == "centroid_weighted_local":
        M0 = s.Mw[(slice(None),) + (0,) * ndim]
        out = np.stack([s.Mw[(slice(None),) + _unit(ndim, a)] / M0 for a in range(ndim)], axis=1)
        return out if s.multichannel else out[..., 0]
    if name == "centroid_weighted":
        local = _columns("centroid_weighted_local", s, offset)
        start = (s.lo * s.spacing)
        return local + (start[:, :, None] if s.multichannel else start)
    if name == "moments":
        return s.M
    if name == "moments_central":
        return s.mu
    if name == "moments_normalized":
        return _moments.moments_normalized(s.mu, ndim, s.spacing)
    if name == "moments_hu":
        if any(sp != 1.0 for sp in s.spacing):
            raise NotImplementedError("`moments_hu` supports spacing = (1, 1) only")
        return _moments.moments_hu(_moments.moments_normalized(s.mu, ndim, s.spacing))
    if name in ("moments_weighted", "moments_weighted_central", "moments_weighted_normalized",
                "moments_weighted_hu"):
        raw = s.Mw if name == "moments_weighted" else s.muw
        chans = []
        for ch in range(raw.shape[-1]):
            m = raw[..., ch]
            if name in ("moments_weighted_normalized", "moments_weighted_hu"):
                m = _moments.moments_normalized(m, ndim, s.spacing)
            if name == "moments_weighted_hu":
                m = _moments.moments_hu(m)
            chans.append(m)
        out = np.stack(chans, axis=-1)
        return out if s.multichannel else out[..., 0]
    if name == "inertia_tensor":
        return _moments.inertia_tensor(s.mu, ndim)
    if name == "inertia_tensor_eigvals":
        return _moments.inertia_tensor_eigvals(_moments.inertia_tensor(s.mu, ndim))
    if name == "eccentricity":
        ev = _columns("inertia_tensor_eigvals", s, offset)
        out = np.zeros(n)
        nz = ev[:, 0] != 0
        out[nz] = np.sqrt(1 - ev[nz, 1] / ev[nz, 0])
        return out
    if name == "orientation":
        T = _moments.inertia_tensor(s.mu, ndim)
        out = np.empty(n)
        for i in range(n):
            a, b, c = T[i, 0, 0], T[i, 0, 1], T[i, 1, 1]
            if a - c == 0:
                out[i] = pi / 4.0 if b < 0 else -pi / 4.0
            else:
                out[i] = 0.5 * atan2(-2 * b, c - a)
        return out
    if name in ("axis_major_length", "axis_minor_length"):
        ev = _columns("inertia_tensor_eigvals", s, offset)
        if ndim == 2:
            return 4 * np.sqrt(ev[:, 0] if name == "axis_major_length" else ev[:, -1])
        if name == "axis_major_length":
            return np.sqrt(np.maximum(0, 10 * (ev[:, 0] + ev[:, 1] - ev[:, 2])))
        return np.sqrt(np.maximum(0, 10 * (-ev[:, 0] + ev[:, 1] + ev[:, 2])))
    if name == "intensity_mean":
        return per_channel(s.isum / s.count[:, None])
    if name == "intensity_min":
        return per_channel(s.imin)
    if name == "intensity_max":
        return per_channel(s.imax)
    if name == "intensity_std":
        return per_channel(np.sqrt(s.ssd / s.count[:, None]))
    raise AttributeError(f"'RegionProperties' object has no attribute '{name}'")


# --- shape measurements on a region's crop ----------------------------------------------------

def _pairs(a, axis):
    """``(a[..., :-1, ...], a[..., 1:, ...])`` along ``axis``: neighbouring pairs."""
    n = a.shape[axis]
    return np.take(a, range(n - 1), axis=axis), np.take(a, range(1, n), axis=axis)


def _euler_number(image, connectivity):
    """Euler characteristic of the region's cell complex (see the module docstring).

    ``connectivity == ndim`` (8- / 26-connected regions): the union of closed unit squares
    (cubes); a cell spanning ``axes`` is present when any of the pixels around it is set
    (OR over neighbour pairs along the other axes).  ``connectivity == 1``: pixels are
    vertices, and a cell spanning ``axes`` is present when all its pixels are set (AND over
    neighbour pairs along ``axes``).  ``chi = sum_k (-1)**k * #(k-cells)``.
    """
    image = np.asarray(image > 0)
    ndim = image.ndim
    if ndim not in (2, 3):
        raise NotImplementedError("Euler number is implemented for 2D and 3D images only")
    if ndim == 3 and connectivity == 2:
        raise NotImplementedError("For 3D images, Euler number is implemented for connectivities 1 and 3 only")
    padded = np.pad(image, 1)
    chi = 0
    for k in range(ndim + 1):
        for axes in combinations(range(ndim), k):
            block = padded
            for axis in range(ndim):
                if connectivity == 1 and axis in axes:
                    a, b = _pairs(block, axis)
                    block = a & b
                elif connectivity != 1 and axis not in axes:
                    a, b = _pairs(block, axis)
                    block = a | b
            chi += (-1) ** k * int(block.sum())
    return chi


def _fill_holes(image):
    """Background components (full connectivity) not touching the border become foreground."""
    background = ~image
    labels, n = _ndi_label(background, structure=np.ones((3,) * image.ndim, bool))
    border = np.zeros(n + 1, bool)
    for axis in range(image.ndim):
        border[np.take(labels, 0, axis=axis)] = True
        border[np.take(labels, -1, axis=axis)] = True
    border[0] = True
    return image | ~border[labels]


def _feret_diameter_max(image_convex, spacing):
    """Largest distance between points of the 0.5-contour of the (padded) convex image."""
    if image_convex.ndim == 3:
        return feret_diameter_max_3d(image_convex, spacing)
    padded = np.pad(image_convex, 2)
    points = []
    for axis in range(2):
        a, b = _pairs(padded, axis)
        crossing = np.argwhere(a != b).astype(np.float64)
        crossing[:, axis] += 0.5
        points.append(crossing)
    points = np.concatenate(points) * np.asarray(spacing)
    return sqrt(_max_sq_distance(np.ascontiguousarray(points)))


# --- the public API --------------------------------------------------------------------------

def _normalize_spacing(spacing, ndim):
    spacing = np.array(spacing)
    if spacing.shape == ():
        spacing = np.broadcast_to(spacing, shape=(ndim,))
    elif spacing.shape != (ndim,):
        raise ValueError(f"spacing isn't a scalar nor a sequence of shape {(ndim,)}, got {spacing}.")
    if spacing.dtype.kind not in "iuf":
        raise TypeError(f"Element of spacing isn't float or integer type, got {spacing}.")
    if not np.all(np.isfinite(spacing)):
        raise ValueError(f"Invalid spacing parameter. All elements must be finite, got {spacing}.")
    return spacing.astype(np.float64)


def _check_inputs(label_image, intensity_image):
    label_image = native_byte_order(np.asarray(label_image))  # (the kernels: native order only)
    if label_image.ndim not in (2, 3):
        raise TypeError(f"Only 2-D and 3-D images supported: `label_image` is {label_image.ndim}-D")
    if label_image.dtype.kind != "i" and label_image.dtype.kind != "u":
        if label_image.dtype == bool:
            raise TypeError(
                "Non-integer image types are ambiguous: use scratch.measure.label to label the "
                "connected components of label_image, or label_image.astype(np.uint8) to interpret "
                "the True values as a single label."
            )
        raise TypeError("Non-integer label_image types are ambiguous")
    if label_image.size == 0:  # the reference (after the dtype): NumPy's "zero-size array to reduction"
        raise ValueError(f"`label_image` is empty (shape {label_image.shape})")
    multichannel = False
    if intensity_image is not None:
        intensity_image = native_byte_order(np.asarray(intensity_image))
        ndim = label_image.ndim
        if not (intensity_image.shape[:ndim] == label_image.shape and intensity_image.ndim in (ndim, ndim + 1)):
            if not label_image.max() > 0:
                # the reference checks the shapes as it measures each region: with none there
                # is no check (regionprops: [], regionprops_table: its empty columns)
                return label_image, intensity_image, False
            raise ValueError(
                "Label and intensity image shapes must match, except for channel (last) axis: "
                f"`label_image` {label_image.shape}, `intensity_image` {intensity_image.shape}."
            )
        multichannel = intensity_image.ndim == ndim + 1
    return label_image, intensity_image, multichannel


class RegionProperties:
    """Properties of one labelled region, computed lazily (and cached) on first access.

    Attribute names are the reference's; see :func:`regionprops`.  Region-wide sums (area,
    moments, intensity statistics) are taken once over the region's bounding-box crop.
    Each property is a class attribute (so ``dir`` lists them and each has its docstring,
    installed from :func:`regionprops`'s Notes); the names of older releases (``PROPS``) and
    the extra properties are served by ``__getattr__``.
    """

    def __init__(self, slice, label, label_image, intensity_image, cache_active, *,
                 extra_properties=None, spacing=None, offset=None, multichannel=False):
        self.label = label
        self.slice = slice
        self._label_image = label_image
        self._intensity_image = intensity_image
        self._multichannel = multichannel
        self._ndim = label_image.ndim
        self._cache_active = cache_active
        self._cache = {}
        self._spacing = _normalize_spacing(1.0 if spacing is None else spacing, self._ndim)
        self._pixel_area = float(np.prod(self._spacing))
        self._offset = np.zeros(self._ndim, int) if offset is None else np.asarray(offset)
        self._extra_properties = {f.__name__: f for f in (extra_properties or ())}

    # sums over the crop, shared by every moment-like property
    def _sums(self):
        sums = self._cache.get("_sums") if self._cache_active else None
        if sums is None:
            crop = (self._label_image[self.slice] == self.label).astype(np.int64)
            inten = None
            if self._intensity_image is not None:
                inten = self._intensity_image[self.slice]
            sums = _Sums(crop, inten, self._spacing, self._multichannel)
            start = np.array([sl.start for sl in self.slice])
            sums.lo = sums.lo + start
            sums.hi = sums.hi + start
            sums.csum = sums.csum + sums.count[:, None] * start
            sums.labels = np.array([self.label])
            if self._cache_active:
                self._cache["_sums"] = sums
        return sums

    def _cached(self, name, compute):
        """``compute()``, kept in ``_cache`` while the cache is active (else always recomputed,
        so that a region follows changes to its label image, as the reference's)."""
        if not self._cache_active:
            return compute()
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def _property(self, name):
        """The built-in property ``name``, with the reference's Python / NumPy scalar types."""
        if name in _FROM_SUMS:
            if self._cache_active and name in self._cache:  # seeded by regionprops_table from its sweeps
                return self._cache[name]
            value = _columns(name, self._sums(), self._offset)[0]
            if name == "label":
                return self.label
            if name in ("bbox",):
                return tuple(int(v) for v in value)
            if name in ("centroid", "centroid_weighted"):
                return tuple(value)
            if name == "inertia_tensor_eigvals":
                return [np.float64(v) for v in value]
            if name == "num_pixels":
                return np.int64(value)
            if name in ("orientation", "axis_major_length", "axis_minor_length"):
                return float(value)  # math.atan2 / math.sqrt in the reference
            if name == "eccentricity":  # the reference returns the int 0 for l1 == 0
                return 0 if self.inertia_tensor_eigvals[0] == 0 else float(value)
            return value
        if name in REQUIRE_INTENSITY and self._intensity_image is None:
            raise AttributeError(f"Attribute '{name}' unavailable when `intensity_image` has not been specified.")
        if name in ONLY_2D and self._ndim > 2:
            raise NotImplementedError(f"Property {name} is not implemented for 3D images")
        return self._cached(name, lambda: _SHAPE_PROPERTIES[name](self))

    def __getattr__(self, name):
        # only reached for names that are not (or whose property raised AttributeError)
        if name.startswith("__") or name in ("_cache", "_extra_properties", "_intensity_image"):
            raise AttributeError(name)  # e.g. pickle's __setstate__ before __dict__ is restored
        if self._intensity_image is None and name in REQUIRE_INTENSITY:
            raise AttributeError(f"Attribute '{name}' unavailable when `intensity_image` has not been specified.")
        if name in self._extra_properties:
            func = self._extra_properties[name]
            n_args = _n_required_args(func)
            if n_args == 2:
                if self._intensity_image is None:
                    raise AttributeError(f"intensity image required to calculate {name}")
                if self._multichannel:
                    return np.stack([func(self.image, self.image_intensity[..., i])
                                     for i in range(self.image_intensity.shape[-1])], axis=-1)
                return func(self.image, self.image_intensity)
            if n_args == 1:
                return func(self.image)
            raise AttributeError(f"Custom regionprop function's number of arguments must be 1 or 2, but "
                                 f"{name} takes {n_args} arguments.")
        if name in PROPS and name.lower() == name:  # a lower-case name of an older release
            if self._intensity_image is None and PROPS[name] in REQUIRE_INTENSITY:
                raise AttributeError(f"Attribute '{name}' unavailable when `intensity_image` has not been specified.")
            warnings.warn(
                f"`RegionProperties.{name}` is deprecated starting in version 0.26 and will be removed in "
                f"version 2.0. Use `RegionProperties.{PROPS[name]}` instead. ",
                category=FutureWarning, stacklevel=2)
            return getattr(self, PROPS[name])
        raise AttributeError(f"'RegionProperties' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        super().__setattr__(PROPS.get(name, name), value)  # an old name sets the current one

    def __getitem__(self, key):
        if key in PROPS:
            warnings.warn(
                f"`RegionProperties[{key!r}]` is deprecated starting in version 0.26 and will be removed in "
                f"version 2.0. Use `RegionProperties[{PROPS[key]!r}]` instead. ",
                category=FutureWarning, stacklevel=2)
            key = PROPS[key]
        return getattr(self, key)

    def __iter__(self):
        props = set(ITERATED)
        if self._intensity_image is None:
            props -= set(REQUIRE_INTENSITY)
        return iter(sorted(props))

    def __eq__(self, other):
        """Equal when every property of ``PROP_VALS`` is (NaN equal to NaN), as the reference."""
        if not isinstance(other, RegionProperties):
            return False
        for key in PROP_VALS:
            try:
                np.testing.assert_equal(getattr(self, key, None), getattr(other, key, None))
            except AssertionError:
                return False
        return True

    __hash__ = None  # mutable and compared by value, as the reference (which defines __eq__ only)

    def __repr__(self):
        return f"<RegionProperties: label={self.label}, bbox={self.bbox}>"


def _install_properties():
    """One class property per built-in name (except the instance attributes label and slice)."""
    for name in COL_DTYPES:
        if name in ("label", "slice"):
            continue
        setattr(RegionProperties, name, property(lambda self, name=name: self._property(name)))


_install_properties()


def _image(r):
    return r._label_image[r.slice] == r.label


def _coords(r, scaled=False):
    start = np.array([sl.start for sl in r.slice])
    indices = np.argwhere(r.image)
    if scaled:
        return (start + indices) * r._spacing + r._offset
    return start + indices + r._offset


def _image_intensity(r):
    image = r.image if not r._multichannel else np.expand_dims(r.image, r._ndim)
    return r._intensity_image[r.slice] * image


def _image_convex(r):
    if r._ndim == 3:
        return convex_hull_image_3d(r.image)
    return convex_hull_image_2d(r.image)


def _isotropic(spacing):
    """The one spacing of an isotropic grid (the perimeters' scale), else NotImplementedError."""
    if len(np.unique(spacing)) != 1:
        raise NotImplementedError("`perimeter` supports isotropic spacings only")
    return spacing[0]


def _region_perimeter(r, measure):
    """``measure(image, 4) * spacing`` of one region (the spacing checked first, as the reference)."""
    scale = _isotropic(r._spacing)
    return measure(r.image, 4) * scale


_SHAPE_PROPERTIES = {
    "image": _image,
    "coords": _coords,
    "coords_scaled": lambda r: _coords(r, scaled=True),
    "image_intensity": _image_intensity,
    "image_filled": lambda r: _fill_holes(r.image),
    "area_filled": lambda r: np.sum(r.image_filled) * r._pixel_area,
    "image_convex": _image_convex,
    "area_convex": lambda r: np.sum(r.image_convex) * r._pixel_area,
    "solidity": lambda r: r.area / r.area_convex,
    "feret_diameter_max": lambda r: _feret_diameter_max(r.image_convex, r._spacing),
    "intensity_median": lambda r: np.median(r.image_intensity[r.image], axis=0),
    "euler_number": lambda r: (np.int64 if r._ndim == 2 else int)(_euler_number(r.image, r._ndim)),
    "perimeter": lambda r: _region_perimeter(r, _perimeter),
    "perimeter_crofton": lambda r: _region_perimeter(r, _perimeter_crofton),
}


def _table_perimeters(prop, label_image, labels, spacing, properties):
    """The perimeter columns asked for among ``properties``, for the regions ``labels``, from
    the histograms of one pass over the whole label image (``_perimeter.py``): each region's
    histogram is the one the reference takes on its crop, summed by the same ``@``."""
    if label_image.ndim != 2:
        raise NotImplementedError(f"Property {prop} is not implemented for 3D images")
    scale = _isotropic(spacing)
    border_hist, crofton_hist = perimeter_histograms(
        label_image, int(labels[-1]), 4, border="perimeter" in properties,
        crofton="perimeter_crofton" in properties)
    columns = {}
    if "perimeter" in properties:
        columns["perimeter"] = np.array([border_hist[lab] @ PERIMETER_WEIGHTS * scale for lab in labels], float)
    if "perimeter_crofton" in properties:
        coefs = crofton_coefs(4)
        columns["perimeter_crofton"] = np.array([coefs @ crofton_hist[lab] * scale for lab in labels], float)
    return columns


def _n_required_args(func):
    spec = inspect.getfullargspec(func)
    return len(spec.args) - (len(spec.defaults) if spec.defaults else 0)


def _infer_dtype(func, *, intensity, ndim):
    """Column dtype of an extra property, as the reference infers it: run it on a 1-pixel and
    an 8-pixel mask; same shape both times -> that dtype, else object."""
    mask_1 = np.pad(np.ones((1,) * ndim, dtype=bool), (0, 1), constant_values=False)
    mask_2 = np.pad(np.ones((2,) * ndim, dtype=bool), (1, 0), constant_values=False)
    rng = np.random.default_rng(0)
    if intensity and _n_required_args(func) == 2:
        def call(mask):
            return func(mask, rng.random(mask.shape))
    else:
        call = func
    p1, p2 = call(mask_1), call(mask_2)
    if np.isscalar(p1) and np.isscalar(p2) or np.array(p1).shape == np.array(p2).shape:
        return np.array(p1).dtype.type
    return np.object_


def _find_objects(label_image):
    """Bounding-box slices of labels 1..max (None where a label is absent)."""
    s = _Sums(np.asarray(label_image), None, np.ones(label_image.ndim), False, needs=_NO_SUMS)
    return s.labels, [tuple(slice(int(a), int(b)) for a, b in zip(lo, hi)) for lo, hi in zip(s.lo, s.hi)], s


def regionprops(label_image, intensity_image=None, cache=True, *, extra_properties=None, spacing=None,
                offset=None):
    r"""Measure properties of labeled image regions.

    One :class:`RegionProperties` per label present (``1, 2, ...``, labels <= 0 are
    background), in increasing label order; each property is computed on first access from
    the region's bounding-box crop (see the module docstring for the methods).

    Parameters
    ----------
    label_image : (M, N[, P]) ndarray of int
        Labeled input image. Labels with value 0 are ignored.
    intensity_image : (M, N[, P][, C]) ndarray, optional
        Intensity image of the same size as the labeled image, plus optionally an extra
        dimension for multichannel data (the channel axis last).
    cache : bool, optional
        Whether to cache computed properties.
    extra_properties : iterable of callables
        Functions ``f(region_mask[, intensity])`` computing extra properties (named by the
        function's name).
    spacing : tuple of float, shape (ndim,)
        The pixel spacing along each axis of the image.
    offset : array-like of int, shape `(label_image.ndim,)`, optional
        Coordinates of the origin ("top-left" corner) of the label image (``coords`` and
        ``centroid`` are shifted by it).

    Returns
    -------
    properties : list of RegionProperties

    Notes
    -----
    Every property is an attribute, and also an item (``region['area']``):

    **area** : float
        Number of pixels of the region times the pixel area (the product of
        `spacing`).
    **area_bbox** : float
        Number of pixels of the bounding box times the pixel area.
    **area_convex** : float
        Number of pixels of the convex hull image times the pixel area.
    **area_filled** : float
        Number of pixels of the region with its holes filled, times the pixel
        area.
    **axis_major_length** : float
        Length of the major axis of the ellipse (ellipsoid in 3-D) with the
        same normalised second central moments as the region.
    **axis_minor_length** : float
        Length of the minor axis of that ellipse (ellipsoid).
    **bbox** : tuple
        Bounding box ``(min_row, min_col, max_row, max_col)``, half-open:
        the region lies in ``[min_row, max_row)`` x ``[min_col, max_col)``.
    **centroid** : array
        Centroid ``(row, col)``, the mean of the scaled pixel coordinates.
    **centroid_local** : array
        Centroid ``(row, col)`` relative to the bounding box's corner.
    **centroid_weighted** : array
        Centroid ``(row, col)`` with every pixel weighted by its intensity.
    **centroid_weighted_local** : array
        Intensity-weighted centroid relative to the bounding box's corner.
    **coords_scaled** : (K, 2) ndarray
        Coordinates ``(row, col)`` of the region's pixels, scaled by
        `spacing` (and shifted by `offset`).
    **coords** : (K, 2) ndarray
        Coordinates ``(row, col)`` of the region's pixels.
    **eccentricity** : float
        Eccentricity of the ellipse with the same second moments as the
        region: the focal distance over the major axis length,
        ``sqrt(1 - l2 / l1)`` for the inertia eigenvalues ``l1 >= l2``;
        in [0, 1), 0 for a circle.
    **equivalent_diameter_area** : float
        Diameter of the circle (sphere) with the region's area (volume).
    **euler_number** : int
        Euler characteristic of the region: connected components minus holes
        (with ``ndim`` connectivity); in 3-D components plus cavities minus
        tunnels.
    **extent** : float
        Area over bounding-box area.
    **feret_diameter_max** : float
        Largest distance between two points of the convex hull's 0.5-contour
        (the maximum Feret, or caliper, diameter) [5]_.
    **image** : (H, J) ndarray
        The region as a boolean image, cropped to the bounding box.
    **image_convex** : (H, J) ndarray
        The convex hull of the region as a boolean image, cropped to the
        bounding box.
    **image_filled** : (H, J) ndarray
        The region with its holes filled, cropped to the bounding box.
    **image_intensity** : (H, J) ndarray
        The intensity image inside the region (0 elsewhere), cropped to the
        bounding box.
    **inertia_tensor** : ndarray
        Inertia tensor of the region, for rotations about its centroid.
    **inertia_tensor_eigvals** : tuple
        Eigenvalues of the inertia tensor, largest first.
    **intensity_max** : float
        Largest intensity in the region.
    **intensity_mean** : float
        Mean intensity in the region.
    **intensity_median** : float
        Median intensity in the region.
    **intensity_min** : float
        Smallest intensity in the region.
    **intensity_std** : float
        Standard deviation of the intensities in the region.
    **label** : int
        The region's label in the label image.
    **moments** : (3, 3) ndarray
        Raw spatial moments up to order 3, in the bounding box's frame::

           m_ij = sum over the region's pixels of row^i * col^j

        (rows and columns scaled by `spacing`).
    **moments_central** : (3, 3) ndarray
        Central moments up to order 3 (invariant to translation)::

           mu_ij = sum over the region's pixels of (row - row_c)^i * (col - col_c)^j

        with ``(row_c, col_c)`` the centroid.
    **moments_hu** : tuple
        The seven Hu moments (invariant to translation, scale and rotation).
    **moments_normalized** : (3, 3) ndarray
        Normalised central moments (invariant to translation and scale)::

            nu_ij = mu_ij / m_00^[(i+j)/2 + 1]

        with ``m_00`` the area.
    **moments_weighted** : (3, 3) array
        Raw spatial moments of the intensity image up to order 3::

            wm_ij = sum over the region's pixels of I(row, col) * row^i * col^j

        in the bounding box's frame.
    **moments_weighted_central** : (3, 3) ndarray
        Central moments of the intensity image up to order 3::

            wmu_ij = sum of I(row, col) * (row - row_w)^i * (col - col_w)^j

        with ``(row_w, col_w)`` the intensity-weighted centroid.
    **moments_weighted_hu** : tuple
        Hu moments of the intensity image (invariant to translation, scale
        and rotation).
    **moments_weighted_normalized** : (3, 3) ndarray
        Normalised central moments of the intensity image (invariant to
        translation and scale)::

            wnu_ij = wmu_ij / wm_00^[(i+j)/2 + 1]

        with ``wm_00`` the total intensity of the region.
    **num_pixels** : int
        Number of pixels of the region.
    **orientation** : float
        Angle between axis 0 (the rows) and the major axis of the ellipse
        with the same second moments, counter-clockwise, in
        :math:`[-\pi/2, \pi/2]`.
    **perimeter** : float
        Perimeter: the length of the line through the centres of the border
        pixels (4-connectivity), each border pixel weighted by its border
        neighbours.
    **perimeter_crofton** : float
        Perimeter by the Crofton formula (line crossings in 4 directions).
    **slice** : tuple of slices
        The slice that cuts the region's bounding box out of the image.
    **solidity** : float
        Area over convex area.

    A region also iterates over its property names (those of ``PROPS``' values), so
    ``{name: region[name] for name in region}`` collects them.

    The names of releases before 0.19 that 0.26 still serves (``PROPS``: ``Area``,
    ``bbox_area``, ``mean_intensity``, ``convex_image``, ...) work as items, the lower-case
    ones as attributes too, each with a FutureWarning naming the current name; in
    :func:`regionprops_table` they name columns without a warning, as in the reference.

    See Also
    --------
    skimage.measure.regionprops : the reference.
    regionprops_table : the same properties as columns, computed for all regions at once.

    References
    ----------
    .. [1] W. Burger, M. Burge, Principles of Digital Image Processing: Core Algorithms,
           Springer 2009.
    .. [2] M.-K. Hu, Visual pattern recognition by moment invariants, IRE Trans. Information
           Theory 8(2):179-187, 1962.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.measure import regionprops
    >>> labels = np.array([[0, 1, 1], [0, 1, 1], [2, 0, 0]])
    >>> [(r.label, float(r.area), r.bbox) for r in regionprops(labels)]
    [(1, 4.0, (0, 1, 2, 3)), (2, 1.0, (2, 0, 3, 1))]
    """
    label_image, intensity_image, multichannel = _check_inputs(label_image, intensity_image)
    if offset is None:
        offset_arr = np.zeros((label_image.ndim,), dtype=int)
    else:
        offset_arr = np.asarray(offset)
        if offset_arr.ndim != 1 or offset_arr.size != label_image.ndim:
            raise ValueError(
                "Offset should be an array-like of integers of shape (label_image.ndim,); "
                f"{offset} was provided."
            )
    spacing = _normalize_spacing(1.0 if spacing is None else spacing, label_image.ndim)
    labels, slices, _ = _find_objects(label_image)
    return [
        RegionProperties(sl, int(lab), label_image, intensity_image, cache, extra_properties=extra_properties,
                         spacing=spacing, offset=offset_arr, multichannel=multichannel)
        for lab, sl in zip(labels, slices)
    ]


def regionprops_table(label_image, intensity_image=None, properties=("label", "bbox"), *, cache=True,
                      separator="-", extra_properties=None, spacing=None):
    """Compute image properties and return them as a pandas-compatible table.

    The table is a dictionary mapping column names to value arrays.  Array-valued
    properties are split into one column per element, named ``prop-i`` (``prop-i-j`` ...,
    joined by `separator`); multichannel intensity properties get a channel index last.
    Moment-like and intensity properties are computed for all regions at once from two
    sweeps over the pixels (see the module docstring); image-valued and shape properties
    per region.

    Parameters
    ----------
    label_image : (M, N[, P]) ndarray of int
        Labeled input image. Labels with value 0 are ignored.
    intensity_image : (M, N[, P][, C]) ndarray, optional
        Intensity image, optionally with a last channel axis.
    properties : tuple or list of str, optional
        Properties that will be included in the resulting dictionary.
    cache : bool, optional
        Whether to cache computed properties (per-region ones).
    separator : str, optional
        Joins a property name and element indices in column names.
    extra_properties : iterable of callables
        Extra property functions, as in :func:`regionprops`.
    spacing : tuple of float, shape (ndim,)
        The pixel spacing along each axis of the image.

    Returns
    -------
    out_dict : dict
        Dictionary mapping property names to an array of values of that property, one value
        per region; ``pandas.DataFrame(out_dict)`` makes it a table.

    See Also
    --------
    skimage.measure.regionprops_table : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.measure import regionprops_table
    >>> labels = np.array([[0, 1, 1], [0, 1, 1], [2, 0, 0]])
    >>> table = regionprops_table(labels, properties=("label", "area", "centroid"))
    >>> {k: v.tolist() for k, v in table.items()}
    {'label': [1, 2], 'area': [4.0, 1.0], 'centroid-0': [0.5, 2.0], 'centroid-1': [1.5, 0.0]}
    """
    label_image, intensity_image, multichannel = _check_inputs(label_image, intensity_image)
    ndim = label_image.ndim
    spacing = _normalize_spacing(1.0 if spacing is None else spacing, ndim)
    properties = list(properties)
    if extra_properties is not None:
        properties += [f.__name__ for f in extra_properties]
    # the names of older releases (PROPS) name their columns; no warning here, as the reference
    names = properties
    properties = [PROPS.get(p, p) for p in properties]
    sums = None
    if label_image.max() > 0:  # (no region: the intensity image may not even fit, see _check_inputs)
        sums = _Sums(label_image, intensity_image, spacing, multichannel,
                     needs=_second_sweep_needs([p for p in properties if p in _FROM_SUMS]),
                     first_sweep=_first_sweep)
    n = 0 if sums is None else sums.count.shape[0]
    if n == 0:
        # as the reference: measure a one-pixel dummy region to learn the columns, keep none
        dummy = np.zeros((3,) * ndim, dtype=int)
        dummy[(1,) * ndim] = 1
        dummy_intensity = None
        if intensity_image is not None:
            dummy_intensity = np.zeros(dummy.shape + intensity_image.shape[ndim:], dtype=intensity_image.dtype)
        table = regionprops_table(dummy, dummy_intensity, properties=[name for name, p in zip(names, properties)
                                  if extra_properties is None or p not in [f.__name__ for f in extra_properties]],
                                  cache=cache, separator=separator, extra_properties=extra_properties,
                                  spacing=spacing)
        return {k: v[:0] for k, v in table.items()}

    regions = None
    perimeters = None
    out = {}
    offset = np.zeros(ndim, dtype=int)
    for column_name, prop in zip(names, properties):
        if prop in _FROM_SUMS:
            values = _columns(prop, sums, offset)
            dtype = COL_DTYPES[prop]
            if values.ndim == 1:
                out[column_name] = values.astype(dtype)
            else:
                for ind in np.ndindex(values.shape[1:]):
                    out[separator.join(map(str, (column_name,) + ind))] = \
                        values[(slice(None),) + ind].astype(dtype)
            continue
        if prop in ("perimeter", "perimeter_crofton"):
            if perimeters is None:  # both from one pass over the label image
                perimeters = _table_perimeters(prop, label_image, sums.labels, spacing, properties)
            out[column_name] = perimeters[prop]
            continue
        if regions is None:
            slices = [tuple(slice(int(a), int(b)) for a, b in zip(lo, hi)) for lo, hi in zip(sums.lo, sums.hi)]
            regions = [RegionProperties(sl, int(lab), label_image, intensity_image, cache,
                                        extra_properties=extra_properties, spacing=spacing,
                                        multichannel=multichannel)
                       for lab, sl in zip(sums.labels, slices)]
            if cache:  # shape properties that need the area take it from the sweeps
                for region, area in zip(regions, _columns("area", sums, offset)):
                    region._cache["area"] = area
        first = getattr(regions[0], prop)
        dtype = COL_DTYPES.get(prop, None)
        if dtype is None:
            dtype = _infer_dtype(extra_properties[[f.__name__ for f in extra_properties].index(prop)],
                                 intensity=intensity_image is not None, ndim=ndim)
        if np.isscalar(first) or prop in OBJECT_COLUMNS or dtype in (object, np.object_):
            column = np.empty(n, dtype=dtype)
            for i in range(n):
                column[i] = getattr(regions[i], prop)
            out[column_name] = column
        else:
            shape = np.shape(first)
            locs = list(np.ndindex(shape))
            data = np.empty((n, len(locs)), dtype=dtype)
            for k in range(n):
                value = np.asarray(getattr(regions[k], prop))
                for i, loc in enumerate(locs):
                    data[k, i] = value[loc]
            for i, loc in enumerate(locs):
                out[separator.join(map(str, (column_name,) + loc))] = data[:, i]
    return out


def _parse_docs():
    """``{property: its description}`` from the Notes of :func:`regionprops` (as the reference's
    ``_parse_docs``: each entry ``**name** : type`` followed by its indented lines)."""
    import re
    import sys
    import textwrap

    doc = regionprops.__doc__ or ""
    arg_regex = r"\*\*(\w+)\*\* \:.*?\n(.*?)(?=\n    [\*\S]+)"
    if sys.version_info >= (3, 13):  # docstrings are dedented from 3.13 on
        arg_regex = r"\*\*(\w+)\*\* \:.*?\n(.*?)(?=\n[\*\S]+)"
    return {m.group(1): textwrap.dedent(m.group(2)) for m in re.finditer(arg_regex, doc, flags=re.DOTALL)}


def _install_properties_docs():
    """Give every property of :class:`RegionProperties` its description from the Notes."""
    docs = _parse_docs()
    for name in [member for member in dir(RegionProperties) if not member.startswith("_")]:
        getattr(RegionProperties, name).__doc__ = docs.get(name)


if __debug__:  # no docstrings to install under python -OO
    _install_properties_docs()
