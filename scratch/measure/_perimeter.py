"""Perimeters of every labelled region of a 2-D image, in one pass over the pixels.

scikit-image measures a region's perimeter on its binary image (the bounding-box crop,
``label_image[bbox] == label``), one region at a time.  Both of its estimators are sums over
the pixels of a **histogram of local codes**, and the code of a pixel depends only on its
3x3 neighbourhood — so the histograms of *all* regions can be taken in one sweep of the
label image, each pixel adding to the histogram of the region(s) it belongs to.

**Border-pixel perimeter** (``perimeter``, Benkrid & Crookes [1]):

1. The region's *border pixels* are those removed by an erosion with a cross (4-neighbourhood;
   a 3x3 square for 8): a region pixel with a neighbour outside the region.  The crop is
   eroded with the outside of the crop as background, and the crop's outside holds no pixel
   of the region, so on the whole label image: a pixel of label ``L`` is a border pixel when
   one of its neighbours is outside the image or has another label.  Holes are background
   like any other, so their rims are border pixels too.
2. Each border pixel gets the code ``1 + 2 * (# border 4-neighbours) + 10 * (# border diagonal
   neighbours)`` (the reference convolves the border image with ``[[10, 2, 10], [2, 1, 2],
   [10, 2, 10]]``), the neighbours counted being border pixels *of the same region*.
3. ``perimeter = sum_code histogram[code] * weight[code]``: a border pixel with two or three
   border 4-neighbours (codes 5, 7, 15, 17, 25, 27) adds 1; with no border 4-neighbour and two
   diagonal ones (21) or one and three (33) adds sqrt(2); with one and one or two (13, 23)
   adds (1 + sqrt(2)) / 2; every other code weighs 0 (non-border pixels have even codes).

**Crofton perimeter** (``perimeter_crofton``, Cauchy-Crofton formula [2]): the length of a
curve is the mean number of times lines cross it.  Discretely: every 2x2 window of the
region's image padded by one pixel gets the 4-bit code of its set pixels (1 lower right,
2 upper right, 4 lower left, 8 upper left: the reference convolves with ``[[0, 0, 0],
[0, 1, 4], [0, 2, 8]]``), and ``perimeter_crofton = sum_code histogram[code] * coef[code]``,
the coefficients being the crossings of lines in 4 (or 2) directions per configuration.
On the label image: every window (those hanging over the image edge included) counts once
for each label among its four pixels, with the code of that label's pixels.

Each histogram is summed from its counts exactly as the reference does (``histogram @
weights``, the same NumPy call on the same integer counts), so the perimeters are the
reference's to the bit, and the region-by-region path (:func:`perimeter` on one crop) and the
all-regions path (:func:`perimeter_histograms` on the label image) agree by construction.

The sweep is split into bands of rows, one per thread, each band counting into its own
histograms (integer counts: the bands' sum is exact whatever the split).  ``O(N)`` for ``N``
pixels; background pixels cost one comparison and interior pixels four, only border pixels
look at their neighbours' neighbours.

References: [1] K. Benkrid, D. Crookes, "Design and FPGA implementation of a perimeter
estimator", Queen's University of Belfast, 2000.  [2] S. Rivollier, *Analyse d'image
géométrique et morphométrique par diagrammes de forme et voisinages adaptatifs généraux*,
PhD thesis, École des Mines de Saint-Étienne, 2010.
"""

from math import sqrt

import numpy as np

from .._jit import jit, parallel_jit, prange, threads_for

__all__ = ["perimeter", "perimeter_crofton", "perimeter_histograms", "PERIMETER_WEIGHTS", "crofton_coefs"]

# the reference's weights of the border-pixel codes (50 codes: 1 + 2 * 4 + 10 * 4 = 49 at most)
PERIMETER_WEIGHTS = np.zeros(50, dtype=np.float64)
PERIMETER_WEIGHTS[[5, 7, 15, 17, 25, 27]] = 1
PERIMETER_WEIGHTS[[21, 33]] = sqrt(2)
PERIMETER_WEIGHTS[[13, 23]] = (1 + sqrt(2)) / 2


def crofton_coefs(directions):
    """The reference's Crofton coefficients of the 16 window codes (a list, as it has them)."""
    r2 = np.sqrt(2)
    if directions == 2:
        return [0, np.pi / 2, 0, 0, 0, np.pi / 2, 0, 0, np.pi / 2, np.pi, 0, 0, np.pi / 2, np.pi, 0, 0]
    return [0, np.pi / 4 * (1 + 1 / r2), np.pi / (4 * r2), np.pi / (2 * r2), 0, np.pi / 4 * (1 + 1 / r2), 0,
            np.pi / (4 * r2), np.pi / 4, np.pi / 2, np.pi / (4 * r2), np.pi / (4 * r2), np.pi / 4, np.pi / 2, 0, 0]


@jit(inline="always")
def _is_border(labels, y, x, lab, neighborhood):
    """Whether pixel ``(y, x)`` of label ``lab`` is a border pixel: one of its 4-neighbours
    (``neighborhood == 4``) or 8-neighbours is outside the image or has another label."""
    ny, nx = labels.shape
    for dy in range(-1, 2):
        for dx in range(-1, 2):
            if neighborhood == 4 and dy != 0 and dx != 0:
                continue
            yy, xx = y + dy, x + dx
            if yy < 0 or yy >= ny or xx < 0 or xx >= nx or labels[yy, xx] != lab:
                return True
    return False


@jit(inline="always")
def _border_code(labels, y, x, lab, neighborhood):
    """The reference's code of border pixel ``(y, x)``: 1, plus 2 per border 4-neighbour and
    10 per border diagonal neighbour of the same label."""
    ny, nx = labels.shape
    code = 1
    for dy in range(-1, 2):
        for dx in range(-1, 2):
            yy, xx = y + dy, x + dx
            if (dy == 0 and dx == 0) or yy < 0 or yy >= ny or xx < 0 or xx >= nx or labels[yy, xx] != lab:
                continue
            if _is_border(labels, yy, xx, lab, neighborhood):
                code += 2 if dy == 0 or dx == 0 else 10
    return code


@jit(inline="always")
def _count_window(hist, band, lab, upper_left, upper_right, lower_left, lower_right):
    """Count the 2x2 window once for label ``lab``, with the code of its pixels of that label."""
    code = (1 * (lower_right == lab) + 2 * (upper_right == lab) + 4 * (lower_left == lab)
            + 8 * (upper_left == lab))
    hist[band, lab, code] += 1


@parallel_jit
def _histograms(labels, neighborhood, border_hist, crofton_hist):
    """Per band of rows and per label, the histograms of the border-pixel codes
    (``border_hist[band, label, code]``, if it has a label axis) and of the 2x2 window codes
    (``crofton_hist``, likewise).  The bands split the ``ny + 1`` rows of windows (window
    ``(y, x)`` has lower-right pixel ``(y, x)``; row ``ny`` and column ``nx`` hang over the
    image edge) and the pixel rows with them; each band writes its own histograms."""
    ny, nx = labels.shape
    n_bands = border_hist.shape[0]
    want_border = border_hist.shape[1] > 0
    want_crofton = crofton_hist.shape[1] > 0
    for band in prange(n_bands):
        for y in range(band * (ny + 1) // n_bands, (band + 1) * (ny + 1) // n_bands):
            upper_left = 0  # the first window's left column is outside the image
            lower_left = 0
            for x in range(nx + 1):
                lab = labels[y, x] if y < ny and x < nx else 0  # pixel (y, x), the window's lower right
                if want_crofton:
                    upper_right = labels[y - 1, x] if y > 0 and x < nx else 0
                    # each label among the four pixels counts the window once
                    if lab > 0:
                        _count_window(crofton_hist, band, lab, upper_left, upper_right, lower_left, lab)
                    if upper_right > 0 and upper_right != lab:
                        _count_window(crofton_hist, band, upper_right, upper_left, upper_right, lower_left, lab)
                    if lower_left > 0 and lower_left != lab and lower_left != upper_right:
                        _count_window(crofton_hist, band, lower_left, upper_left, upper_right, lower_left, lab)
                    if upper_left > 0 and upper_left != lab and upper_left != upper_right and upper_left != lower_left:
                        _count_window(crofton_hist, band, upper_left, upper_left, upper_right, lower_left, lab)
                    upper_left = upper_right
                    lower_left = lab
                if want_border and lab > 0 and _is_border(labels, y, x, lab, neighborhood):
                    border_hist[band, lab, _border_code(labels, y, x, lab, neighborhood)] += 1


def _as_labels(label_image):
    """A C-contiguous 2-D integer view the kernel indexes histograms with (int64 where the
    dtype is not a signed or unsigned integer of at most 8 bytes, or is uint64)."""
    labels = np.asarray(label_image)
    if labels.dtype.kind not in "iu" or labels.dtype == np.uint64:
        labels = labels.astype(np.int64)
    return np.ascontiguousarray(labels)


def perimeter_histograms(label_image, max_label, neighborhood=4, border=True, crofton=True):
    """Histograms of every label ``1..max_label`` of a 2-D label image (labels <= 0 are background).

    Returns ``(border_hist, crofton_hist)``: ``border_hist[label]`` is the reference's
    ``np.bincount`` of border-pixel codes on that label's binary image restricted to the
    codes of border pixels (50 entries; the rest, which weigh 0, stay 0), ``crofton_hist[label]``
    its 16-entry bincount of window codes (code 0 not counted: it weighs 0).  A histogram not
    asked for has no label axis: shape ``(0, 50)`` / ``(0, 16)``.

    Examples
    --------
    >>> import numpy as np
    >>> labels = np.array([[1, 1, 1, 0], [1, 1, 1, 2], [1, 1, 1, 2]])
    >>> border_hist, crofton_hist = perimeter_histograms(labels, 2)
    >>> [float(border_hist[lab] @ PERIMETER_WEIGHTS) for lab in (1, 2)]
    [8.0, 0.0]

    (A 3x3 square: 8.  A 2-pixel bar: 0, as in the reference — its pixels' code 3, one border
    4-neighbour, weighs nothing.)
    """
    labels = _as_labels(label_image)
    threads = threads_for(labels.size)  # one band (and one set of histograms) per thread
    n_bands = max(1, min(threads, labels.shape[0] + 1))
    n = max_label + 1
    border_hist = np.zeros((n_bands, n if border else 0, 50), np.int64)
    crofton_hist = np.zeros((n_bands, n if crofton else 0, 16), np.int64)
    run = _histograms.serial if threads == 1 else _histograms.sized(labels.size)
    run(labels, neighborhood, border_hist, crofton_hist)
    return border_hist.sum(axis=0), crofton_hist.sum(axis=0)


def perimeter(image, neighborhood=4):
    """The reference's ``skimage.measure.perimeter`` of a 2-D binary region image."""
    border_hist, _ = perimeter_histograms(np.asarray(image, dtype=bool).view(np.uint8), 1, neighborhood,
                                          crofton=False)
    return border_hist[1] @ PERIMETER_WEIGHTS


def perimeter_crofton(image, directions=4):
    """The reference's ``skimage.measure.perimeter_crofton`` of a 2-D region image (> 0 is set)."""
    _, crofton_hist = perimeter_histograms((np.asarray(image) > 0).view(np.uint8), 1, border=False)
    return crofton_coefs(directions) @ crofton_hist[1]
