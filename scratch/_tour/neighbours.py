"""Tour and benchmark helpers for ``scratch.spatial`` and ``scratch.tracking`` (the scratch side).

The catalogue compares a scratch function with a reference function *of the same name*; a
k-d tree is a class and a tracker has no single reference, so the tour calls these small
wrappers, and :mod:`scratch._tour.neighbours_ref` holds their SciPy twins:

* :func:`kdtree_query` - build a tree on the first half of the points, query the second half.

``scratch.tracking.optimal_links`` and ``scratch.tracking.link`` are compared directly with
their twins there (SciPy's assignment on Jaqaman's whole block matrix, frame after frame).

Inputs (``points``, ``frames``), comparisons and pictures for the catalogue live here too;
this module imports only NumPy at import time.
"""

import numpy as np

from . import catalogue

K = 4  #: neighbours per query in the tour
MAX_DISTANCE = 8.0  #: linking gate in the tour


# --- inputs ------------------------------------------------------------------------------------


def points():
    """2,000 particle positions (a frame of :func:`scratch.data.particles`)."""
    from scratch import data

    return data.particles(n=2000, n_frames=1, shape=(512, 512), seed=2)[0]


def bench_points(size, dtype):
    """``size`` uniform random points in the unit square."""
    return np.random.default_rng(size).random((size, 2)).astype(dtype)


def frames():
    """A toy sequence: 20 frames of 300 drifting, diffusing particles (shuffled each frame)."""
    from scratch.tracking import toy_sequence

    return np.stack(toy_sequence(n=300, n_frames=20, shape=(512, 512), seed=3).positions)


def bench_frames(size, dtype):
    """10 frames of ``size`` particles at a density of ~2,000 per 1024^2 pixels."""
    from scratch.tracking import toy_sequence

    side = 1024.0 * np.sqrt(size / 2000.0)
    toy = toy_sequence(n=size, n_frames=10, shape=(side, side), seed=size)
    return np.stack(toy.positions).astype(dtype)


def two_frames(base):
    """``(a, b)``: the first two frames of a sequence."""
    return (base[0], base[1])


def halves(base):
    """``(data, queries)``: the two halves of a point set."""
    half = base.shape[0] // 2
    return (base[:half], base[half:])


# --- the scratch side ------------------------------------------------------------------------


def kdtree_query(data, queries, k=K):
    """``KDTree(data).query(queries, k)`` with :class:`scratch.spatial.KDTree`."""
    from scratch.spatial import KDTree

    return KDTree(data).query(queries, k=k)


# --- comparisons and pictures ------------------------------------------------------------------


def same_neighbours():
    """k-NN results ``(d, i)``: distances within rtol 1e-7, indices equal where unique."""

    def compare(ours, ref, args):
        d, i = (np.asarray(v) for v in ours)
        rd, ri = (np.asarray(v) for v in ref)
        if d.shape != rd.shape or i.shape != ri.shape:
            return catalogue.Agreement(False, f"shape {d.shape} != {rd.shape}")
        max_abs = float(np.max(np.abs(d - rd))) if d.size else 0.0
        ok = bool(np.allclose(d, rd, rtol=1e-7, atol=1e-9))
        differ = int(np.count_nonzero(i != ri))
        if ok and differ == 0 and max_abs == 0.0:
            return catalogue.Agreement(True, "identical", 0.0)
        text = f"max |Δd| {max_abs:.1e}, {differ} indices differ (ties)"
        return catalogue.Agreement(ok, text, max_abs)

    return compare


def same_links():
    """Two linkings - ``(i, j)`` pairs or tracking tables - are identical or not."""

    def rows(links):
        if isinstance(links, dict) or hasattr(links, "columns"):
            from scratch.tracking import links_from_table

            links = links_from_table(links)
        elif isinstance(links, tuple):
            links = np.stack([np.asarray(v) for v in links], axis=1)
        links = np.asarray(links)
        return set(map(tuple, links.reshape(links.shape[0], -1).tolist()))

    def compare(ours, ref, args):
        a, b = rows(ours), rows(ref)
        if a == b:
            return catalogue.Agreement(True, f"identical ({len(b)} links)", 0.0)
        return catalogue.Agreement(False, f"{len(a ^ b)} of {len(b)} links differ")

    return compare


def distances_picture(args, output):
    """The k neighbour distances of the first 256 queries as an image."""
    return np.asarray(output[0])[:256]


def links_picture(args, output):
    """Links as a matrix: which point of ``a`` (rows) went to which of ``b`` (columns)."""
    a, b = args[0], args[1]
    picture = np.zeros((min(len(a), 200), min(len(b), 200)))
    for i, j in zip(*output):
        if i < picture.shape[0] and j < picture.shape[1]:
            picture[i, j] = 1.0
    return picture


def tracks_picture(args, output):
    """The tracks drawn on a 256 x 256 canvas, each pixel showing its track id (+1)."""
    table = output
    y, x = np.asarray(table["y"]), np.asarray(table["x"])
    canvas = np.zeros((256, 256))
    if y.size:
        lo = min(y.min(), x.min())
        span = max(y.max(), x.max()) - lo or 1.0
        r = np.clip(((y - lo) / span * 255).astype(int), 0, 255)
        c = np.clip(((x - lo) / span * 255).astype(int), 0, 255)
        canvas[r, c] = np.asarray(table["particle"]) % 50 + 1
    return canvas
