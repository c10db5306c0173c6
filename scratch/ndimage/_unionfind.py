"""Union-find (disjoint sets) over provisional labels: the engine of connected-component labeling.

Labeling an image in one raster scan meets a problem: a U-shaped object is seen first as two
separate arms, and only at the bottom of the U does the scan learn that they are one object.
Union-find records such discoveries cheaply.  Every provisional label ``i`` has a parent
``parent[i]``; a label whose parent is itself is a *root*, and two labels are equivalent when
they lead to the same root::

    parent = [0, 1, 1, 2, 4]        1 <- 2 <- 3      4
                                    (labels 1, 2, 3 are one set; 4 is another)

* :func:`find_root` follows parents up to the root and then *compresses the path*: every label
  on the way is re-pointed straight at the root, so the next search is one step.
* :func:`union` joins two sets by hanging the larger root under the smaller one.  Keeping the
  smallest label as the root has a useful consequence: provisional labels are handed out in
  raster order, so the root of every set is the label of the set's first pixel in raster order.
* :func:`resolve` turns the forest into final labels ``1, 2, 3, ...``.  Because every parent
  is smaller than its child, one pass in increasing order suffices: a root gets the next final
  number, any other label copies the final number of its parent (already known).  The final
  numbering is therefore the raster order of each component's first pixel — the order
  scikit-image and SciPy both use.

With path compression (and union by index), a sequence of ``m`` operations on ``n`` labels costs
``O(m α(n))`` — effectively linear.

References: R. E. Tarjan, "Efficiency of a good but not linear set union algorithm", J. ACM 22
(1975); K. Wu, E. Otoo, K. Suzuki, "Optimizing two-pass connected-component labeling
algorithms", Pattern Anal. Appl. 12 (2009).

This module is the one union-find of scratch: ``scratch.ndimage.label`` and
``scratch.measure.label`` (and anything later that merges regions) use it.
"""

import numpy as np

from .._jit import jit

__all__ = ["find_root", "union", "resolve"]


@jit
def find_root(parent, i):
    """The root of label ``i``; every label on the path is re-pointed at the root."""
    root = i
    while parent[root] != root:
        root = parent[root]
    while parent[i] != root:  # path compression
        nxt = parent[i]
        parent[i] = root
        i = nxt
    return root


@jit
def union(parent, a, b):
    """Merge the sets of labels ``a`` and ``b``; the smaller root becomes the root. Returns it."""
    ra = find_root(parent, a)
    rb = find_root(parent, b)
    if ra < rb:
        parent[rb] = ra
        return ra
    if rb < ra:
        parent[ra] = rb
        return rb
    return ra


@jit
def resolve(parent, n_labels):
    """Final labels ``1..k`` for provisional labels ``1..n_labels`` (``parent[0]`` is unused).

    Returns ``(final, k)``: ``final[i]`` is the final label of provisional label ``i``, and
    ``final[0] == 0`` (background).  Roots are numbered in increasing order.

    ``parent`` is the union-find forest of the first pass: ``parent[i] == i`` for a root, and
    ``parent[i] < i`` otherwise (unions keep the smaller root).  So one pass over
    ``i = 1, 2, ..., n_labels`` suffices: a root gets the next number ``k += 1``; any other
    label copies ``final[parent[i]]``, which is already known because its parent is smaller.
    The labels are *consecutive* (``1..k``, no gaps) and numbered in the raster order of each
    component's first pixel.  ``final`` has the dtype of ``parent``; ``k`` is the number of
    components.

    Example: ``parent = [0, 1, 1, 3, 2, 5]`` (labels 1, 2, 4 are one set, 3 and 5 are
    roots) gives ``final = [0, 1, 1, 2, 1, 3]`` and ``k = 3``.
    """
    final = np.zeros(n_labels + 1, dtype=parent.dtype)
    k = 0
    for i in range(1, n_labels + 1):
        if parent[i] == i:
            k += 1
            final[i] = k
        else:
            final[i] = final[parent[i]]  # parent[i] < i: already final
    return final, k
