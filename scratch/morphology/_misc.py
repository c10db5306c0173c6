"""Clean-up of binary masks: remove small objects, fill small holes.

Both are connected-component labeling followed by a size filter::

    labels = label(mask)                     (scratch.ndimage.label: two-pass union-find)
    sizes  = bincount(labels)                pixels per component
    remove the components with size <= max_size

A *hole* is a component of the background, so ``remove_small_holes`` is
``not remove_small_objects(not mask)`` — which also fills background components that touch
the image border if they are small enough, exactly as scikit-image does.

scikit-image 0.26 renamed the thresholds: ``max_size`` removes objects of size *less than or
equal to* it.  The old ``min_size`` / ``area_threshold`` still work with a FutureWarning and
are passed on as ``max_size`` unchanged (so their meaning changed from ``<`` to ``<=``).

Reference: scikit-image ``skimage/morphology/misc.py``.
"""

import functools
import warnings

import numpy as np

from ..ndimage import generate_binary_structure, label

__all__ = ["remove_small_objects", "remove_small_holes"]


class _Deprecated:
    """Marker for a deprecated argument that was not given."""

    def __repr__(self):
        return "<DEPRECATED>"  # as the reference renders it


DEPRECATED = _Deprecated()


def _renamed(old_name, func_name):
    """The reference's ``deprecate_parameter``: the old threshold (by position or by name) is
    passed on as ``max_size`` with a FutureWarning; both at once are a ValueError.  Whether
    ``max_size`` was given is read from the call itself, so its default can stay 64."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(ar, *args, **kwargs):
            old_value = DEPRECATED
            if args:
                old_value, args = args[0], (DEPRECATED, *args[1:])
            if old_name in kwargs:
                old_value = kwargs[old_name]
                kwargs[old_name] = DEPRECATED
            if old_value is not DEPRECATED:
                warnings.warn(
                    f"Parameter `{old_name}` is deprecated since version 0.26.0 and will be removed in "
                    f"2.0.0 (or later). To avoid this warning, please use the parameter `max_size` "
                    f"instead. For more details, see the documentation of `{func_name}`. Note that the "
                    "new threshold removes objects smaller than **or equal to** its value, while the "
                    "previous parameter only removed smaller ones.",
                    FutureWarning,
                    stacklevel=2,
                )
                if "max_size" in kwargs:
                    raise ValueError(
                        f"Both deprecated parameter `{old_name}` and new parameter `max_size` are used. "
                        "Use only the latter to avoid conflicting values."
                    )
                kwargs["max_size"] = old_value
            return func(ar, *args, **kwargs)

        return wrapper

    return decorate


def _check_dtype_supported(ar):
    if not (ar.dtype == bool or np.issubdtype(ar.dtype, np.integer)):
        raise TypeError(f"Only bool or integer image types are supported. Got {ar.dtype}.")


@_renamed("min_size", "remove_small_objects")
def remove_small_objects(ar, min_size=DEPRECATED, connectivity=1, *, max_size=64, out=None):
    """Remove objects smaller than or equal to the specified size.

    Labels the connected components of a bool ``ar`` (or takes an integer ``ar`` as labels
    already), counts the pixels of each and sets the components of at most ``max_size`` pixels
    to 0.

    Parameters
    ----------
    ar : ndarray (arbitrary shape, int or bool type)
        The array containing the objects of interest. If the array type is int, the ints
        must be non-negative.
    min_size : int, optional
        Deprecated in favour of `max_size` (passed on as `max_size`).
    connectivity : int, {1, 2, ..., ar.ndim}, optional
        The connectivity defining the neighborhood of a pixel. Used during labelling if `ar`
        is bool.
    max_size : int, optional
        Remove objects whose contiguous area (or volume, in N-D) contains this number of
        pixels or fewer. Default is 64.
    out : ndarray
        Array of the same shape as `ar`, into which the output is placed.

    Returns
    -------
    out : ndarray, same shape and type as input `ar`
        The input array with small connected components removed.

    See Also
    --------
    skimage.morphology.remove_small_objects : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import remove_small_objects
    >>> a = np.array([[0, 0, 0, 1, 0],
    ...               [1, 1, 1, 0, 0],
    ...               [1, 1, 1, 0, 1]], bool)
    >>> remove_small_objects(a, max_size=1).astype(int)
    array([[0, 0, 0, 0, 0],
           [1, 1, 1, 0, 0],
           [1, 1, 1, 0, 0]])
    """
    ar = np.asarray(ar)
    _check_dtype_supported(ar)
    if out is None:
        out = ar.copy()
    else:
        out[:] = ar
    if max_size == 0:
        return out
    if out.dtype == bool:
        structure = generate_binary_structure(ar.ndim, connectivity)
        components = np.zeros_like(ar, dtype=np.int32)
        label(ar, structure, output=components)
    else:
        components = out
    try:
        sizes = np.bincount(components.ravel())
    except ValueError:
        raise ValueError(
            "Negative value labels are not supported. Try relabeling the input with "
            "`scipy.ndimage.label` or `skimage.morphology.label`."
        ) from None
    if len(sizes) == 2 and out.dtype != bool:
        warnings.warn("Only one label was provided to `remove_small_objects`. Did you mean to use a boolean array?",
                      UserWarning, stacklevel=2)
    too_small = sizes <= max_size
    out[too_small[components]] = 0
    return out


@_renamed("area_threshold", "remove_small_holes")
def remove_small_holes(ar, area_threshold=DEPRECATED, connectivity=1, *, max_size=64, out=None):
    """Remove contiguous holes smaller than or equal to the specified size.

    A hole is a connected component of the background (``not ar``); holes of at most
    ``max_size`` pixels are filled.

    Parameters
    ----------
    ar : ndarray (arbitrary shape, int or bool type)
        The array containing the connected components of interest.
    area_threshold : int, optional
        Deprecated in favour of `max_size` (passed on as `max_size`).
    connectivity : int, {1, 2, ..., ar.ndim}, optional
        The connectivity defining the neighborhood of a pixel.
    max_size : int, optional
        Holes whose contiguous area (or volume, in N-D) contains this number of pixels or
        fewer are filled. Default is 64.
    out : ndarray
        Array of the same shape as `ar` and bool dtype, into which the output is placed.

    Returns
    -------
    out : ndarray, same shape and type as input `ar`
        The input array with small holes within connected components removed.

    See Also
    --------
    skimage.morphology.remove_small_holes : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import remove_small_holes
    >>> a = np.array([[1, 1, 1, 1, 1, 0],
    ...               [1, 1, 1, 0, 1, 0],
    ...               [1, 0, 0, 1, 1, 0],
    ...               [1, 1, 1, 1, 1, 0]], bool)
    >>> remove_small_holes(a, max_size=2).astype(int)
    array([[1, 1, 1, 1, 1, 0],
           [1, 1, 1, 1, 1, 0],
           [1, 1, 1, 1, 1, 0],
           [1, 1, 1, 1, 1, 0]])
    """
    ar = np.asarray(ar)
    _check_dtype_supported(ar)
    if ar.dtype != bool:
        warnings.warn("Any labeled images will be returned as a boolean array. Did you mean to use a boolean array?",
                      UserWarning, stacklevel=2)
    if out is not None:
        if out.dtype != bool:
            raise TypeError("out dtype must be bool")
    else:
        out = ar.astype(bool, copy=True)
    np.logical_not(ar, out=out)
    out = remove_small_objects(out, max_size=max_size, connectivity=connectivity, out=out)
    np.logical_not(out, out=out)
    return out
