"""Minkowski distances between two point sets: ``distance_matrix``.

The Minkowski (``p``-norm) distance between points ``x`` and ``y`` of ``k`` coordinates is::

    d_p(x, y) = ( sum_i |x_i - y_i|^p )^(1/p)         1 <= p < inf
    d_1(x, y) = sum_i |x_i - y_i|                     (Manhattan, "city block")
    d_inf(x, y) = max_i |x_i - y_i|                   (Chebyshev)

``p = 2`` is the Euclidean distance.  For a pair of sets ``x`` (``m`` points) and ``y``
(``n`` points) the matrix of all ``m * n`` distances costs ``O(m n k)`` time: every entry is
one loop over the coordinates.  This brute force is the baseline a k-d tree
(``_kdtree.py``) has to beat.

Two helpers are shared with the k-d tree: :func:`power_distance` returns ``d_p^p`` (the
"p-th power" distance, what both SciPy and we compare against bounds, since it needs no
root), and :func:`root` turns a ``d_p^p`` back into ``d_p`` (``sqrt`` for ``p = 2``, nothing
for ``p = 1`` and ``p = inf``, ``**(1/p)`` otherwise, exactly as SciPy does).
"""

import numpy as np

from .. import _checks
from .._jit import jit, parallel_jit, prange

__all__ = ["distance_matrix"]


@jit(inline="always")  # inlined: a call per pair would cost more than the pair
def power_distance(a, i, b, j, p):
    """``d_p(a[i], b[j]) ** p`` for rows of 2-D arrays (``max_k |a_ik - b_jk|`` if p = inf)."""
    s = 0.0
    if p == 2.0:
        for k in range(a.shape[1]):
            d = a[i, k] - b[j, k]
            s += d * d
    elif p == 1.0:
        for k in range(a.shape[1]):
            s += abs(a[i, k] - b[j, k])
    elif p == np.inf:
        for k in range(a.shape[1]):
            d = abs(a[i, k] - b[j, k])
            if d > s or d != d:  # a NaN coordinate makes the distance NaN (NumPy's max)
                s = d
    else:
        for k in range(a.shape[1]):
            s += abs(a[i, k] - b[j, k]) ** p
    return s


@jit(inline="always")
def root(s, p):
    """``d_p`` from ``d_p ** p`` (as SciPy: ``sqrt`` for p = 2, identity for p = 1 and inf)."""
    if p == 2.0:
        return np.sqrt(s)
    if p == 1.0 or p == np.inf:
        return s
    return s ** (1.0 / p)


@parallel_jit
def _distance_matrix_kernel(x, y, p, out):
    """``out[i, j] = d_p(x[i], y[j])``; rows are independent (parallel over ``i``)."""
    for i in prange(x.shape[0]):
        if p == 2.0:
            # the Euclidean case written out: a loop the compiler can vectorise over j
            for j in range(y.shape[0]):
                s = 0.0
                for k in range(x.shape[1]):
                    d = x[i, k] - y[j, k]
                    s += d * d
                out[i, j] = np.sqrt(s)
        else:
            for j in range(y.shape[0]):
                out[i, j] = root(power_distance(x, i, y, j, p), p)


def distance_matrix(x, y, p=2.0, threshold=1000000):
    """Compute the distance matrix.

    Returns the matrix of all pair-wise distances, ``result[i, j] = d_p(x[i], y[j])``.
    Brute force: one loop over the ``k`` coordinates for each of the ``m * n`` pairs,
    ``O(m n k)`` time, ``O(m n)`` memory; rows are computed in parallel for large inputs.

    Parameters
    ----------
    x : (M, K) array_like
        Matrix of M vectors in K dimensions.
    y : (N, K) array_like
        Matrix of N vectors in K dimensions.
    p : float, 1 <= p <= infinity
        Which Minkowski p-norm to use.
    threshold : positive int
        Accepted for compatibility.  SciPy switches to a row-by-row loop (to save memory)
        when ``M * N * K`` exceeds it; the kernel here never builds the ``M x N x K``
        difference array, so the result does not depend on it.

    Returns
    -------
    result : (M, N) ndarray
        Matrix containing the distance from every vector in `x` to every vector in `y`
        (float64).

    Raises
    ------
    ValueError
        If `x` or `y` is not 2-D, or their vectors have different lengths.
    TypeError
        If `x` or `y` is not numeric.

    See Also
    --------
    scipy.spatial.distance_matrix : the reference implementation.
    scratch.spatial.KDTree : nearest neighbours without computing every distance.

    Notes
    -----
    For ``p = 2`` the root is ``sqrt`` and for other finite ``p`` it is ``** (1/p)``, as in
    SciPy, so results agree to the last bit for up to 7 coordinates (NumPy sums 8 or more
    terms in a different order; the difference is then a few units in the last place).

    References
    ----------
    .. [1] "Minkowski distance", https://en.wikipedia.org/wiki/Minkowski_distance

    Examples
    --------
    >>> from scratch.spatial import distance_matrix
    >>> distance_matrix([[0, 0], [0, 1]], [[1, 0], [1, 1]])
    array([[1.        , 1.41421356],
           [1.41421356, 1.        ]])
    """
    x = _checks.as_array(x, "x")
    y = _checks.as_array(y, "y")
    _checks.check_numeric(x, "x")
    _checks.check_numeric(y, "y")
    _checks.check_ndim(x, "x", 2)
    _checks.check_ndim(y, "y", 2)
    m, k = x.shape
    n, kk = y.shape
    if k != kk:
        raise ValueError(f"x contains {k}-dimensional vectors but y contains "
                         f"{kk}-dimensional vectors")
    try:
        m * n * k <= threshold  # the reference's only use of it: a comparison
    except TypeError:
        raise TypeError(f"`threshold` must be a number, got {threshold!r}") from None
    if isinstance(p, (str, bytes)):  # (the reference: NumPy's power has no loop for it)
        raise TypeError(f"`p` must be a real number, got {p!r}")
    if np.ndim(p) != 0:
        # the reference raises NumPy's ValueError when |x - y| ** p does not broadcast, else
        # the TypeError of 1 / p for a list or tuple
        try:
            np.broadcast_shapes((m, n, k), np.shape(p))
            error = TypeError if isinstance(p, (list, tuple)) else ValueError
        except ValueError:
            error = ValueError
        raise error(f"`p` must be a single number, got {p!r}")
    p = float(p)
    if p == 0:  # the reference divides by p (ZeroDivisionError deep inside)
        raise ValueError("`p` must not be 0: the Minkowski p-norm is (sum |x - y|**p) ** (1/p)")
    x = np.ascontiguousarray(x, dtype=np.float64)
    y = np.ascontiguousarray(y, dtype=np.float64)
    out = np.empty((m, n), dtype=np.float64)
    if m and n:
        _distance_matrix_kernel.sized(m * n * max(k, 1))(x, y, p, out)
    return out
