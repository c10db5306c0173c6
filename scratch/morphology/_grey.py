"""Grey-level morphology: erosion, dilation, opening, closing and the top-hats.

With a flat footprint ``B`` (a set of offsets around the centre):

    erosion   (f ⊖ B)(x) = min_{b ∈ B} f(x + b)       bright regions shrink
    dilation  (f ⊕ B)(x) = max_{b ∈ B} f(x + b)       bright regions grow
    opening   = dilation(erosion(f, B), mirror(B))    removes bright details smaller than B
    closing   = erosion(dilation(f, B), mirror(B))    removes dark details smaller than B
    white top-hat = f - opening(f)      black top-hat = closing(f) - f

The min/max itself is the engine in ``_flat.py`` (running extremes along the footprint's runs).

Conventions of scikit-image 0.26, reproduced exactly:

* **No mirroring in dilation.**  ``dilation`` takes the max over ``x + b`` (like erosion), not
  over ``x - b`` as the textbook dilation does; ``binary_dilation`` *does* mirror.  For a
  symmetric footprint the two agree.  Opening and closing mirror the footprint of their second
  step, so opening ≤ image ≤ closing holds for any footprint.
* **Even sizes.**  A footprint of even size along an axis is padded with a zero row *in front*
  (``pad_footprint(pad_end=False)``) so that its centre is defined; ``binary_*`` pad at the end,
  hence the one-pixel shift between the two for even footprints.
* **Borders** (``mode``): SciPy's 'reflect' (default), 'mirror', 'nearest', 'wrap',
  'constant' (with ``cval``), plus 'max' / 'min' — a constant equal to the dtype's largest /
  smallest value (±inf for floats) — and 'ignore' ('max' for an erosion, 'min' for a
  dilation: pixels outside the image never win).
* **Sequences.**  A footprint may be a sequence ``((fp, n), ...)``; each ``fp`` is applied
  ``n`` times in turn (see ``_footprints``).

Reference: scikit-image ``skimage/morphology/gray.py`` (on ``scipy.ndimage.grey_erosion``).
"""

import numpy as np

from ..ndimage import generate_binary_structure
from ._flat import flat_filter
from ._footprints import _footprint_is_sequence, mirror_footprint, pad_footprint

__all__ = ["erosion", "dilation", "opening", "closing", "white_tophat", "black_tophat"]

_SUPPORTED_MODES = {"reflect", "constant", "nearest", "mirror", "wrap", "max", "min", "ignore"}


def _unsupported_dtype(image):
    """SciPy's C filters' refusal of a dtype (float16, object, ...), or None."""
    if image.dtype.kind not in "biuf" or (image.dtype.kind == "f" and image.dtype.itemsize == 2) or image.dtype.itemsize > 8:
        return RuntimeError(f"array type not supported: `image` has dtype {image.dtype}")
    return None


def scipy_grey_plan(image, fp, cval):
    """What ``scipy.ndimage.grey_erosion``/``grey_dilation`` do with one (checked, non-zero)
    footprint, with their errors in their order: ``"copy"`` when no filter pass runs (an
    all-ones footprint of size 1 along every axis: SciPy copies the input, whatever its dtype
    or cval; a non-separable footprint on an empty image: SciPy's C loop has no pixel to visit,
    so only its arguments are parsed), else ``"filter"``.

    Order: the complex image (TypeError), the footprint's axes (RuntimeError), then the C
    call's arguments (cval as a C double: TypeError) and the dtype (RuntimeError).
    """
    if image.dtype.kind == "c":
        raise TypeError(f"Complex type not supported: `image` has dtype {image.dtype}")
    separable = bool(fp.all())
    if fp.ndim != image.ndim:
        raise RuntimeError(
            f"sequence argument must have length equal to input rank: `footprint` is "
            f"{fp.ndim}-D for a {image.ndim}-D `image`"
        )
    if separable and all(size <= 1 for size in fp.shape):
        return "copy"
    try:  # SciPy's C call converts cval as a C double (no parsing of text)
        if isinstance(cval, (str, bytes)):
            raise TypeError
        float(cval)
    except (TypeError, ValueError):
        raise TypeError(f"must be real number, not {type(cval).__name__}: `cval` is {cval!r}") from None
    if not separable and image.size == 0:
        return "copy"
    error = _unsupported_dtype(image)
    if error is not None:
        raise error
    return "filter"


def default_footprint(image):
    """The cross of connectivity 1 with the image's number of axes."""
    return generate_binary_structure(image.ndim, 1)


def footprint_sequence(footprint, image, short_error=RuntimeError, nonzero=False, check_axes=True):
    """``[(bool array, repetitions), ...]`` for an array or a sequence; checks every footprint.

    A footprint with too few axes raises ``short_error`` (SciPy's grey dilation fails with an
    IndexError there, everything else with a RuntimeError).  ``nonzero``: an all-zero (or
    empty) footprint raises ValueError, checked as SciPy's grey filters do: after dilation's
    axis check, before the erosion's.
    """
    if not _footprint_is_sequence(footprint):
        footprint = [(footprint, 1)]
    checked = []
    for fp, repetitions in footprint:
        fp = np.asarray(fp)
        if fp.ndim < image.ndim and short_error is not RuntimeError:
            raise short_error(f"`footprint` has {fp.ndim} axes, the {image.ndim}-D `image` needs {image.ndim}")
        if nonzero and not fp.astype(bool).any():
            raise ValueError("All-zero footprint is not supported.")
        if check_axes and fp.ndim != image.ndim:
            raise RuntimeError(
                f"sequence argument must have length equal to input rank: `footprint` is "
                f"{fp.ndim}-D for a {image.ndim}-D `image`"
            )
        checked.append((fp.astype(bool), repetitions))
    return checked


def _min_max_to_constant(dtype, mode, cval):
    """Replace the modes 'max' / 'min' by 'constant' with the dtype's extreme value."""
    if mode == "max":
        if np.issubdtype(dtype, np.bool_):
            return "constant", True
        if np.issubdtype(dtype, np.integer):
            return "constant", np.iinfo(dtype).max
        return "constant", np.inf
    if mode == "min":
        if np.issubdtype(dtype, np.bool_):
            return "constant", False
        if np.issubdtype(dtype, np.integer):
            return "constant", np.iinfo(dtype).min
        return "constant", -np.inf
    return mode, cval


def _grey(image, footprint, out, mode, cval, minimum):
    # the reference's order: its default footprint, the mode, the footprint's padding (its
    # errors for a bad footprint), then SciPy's checks per footprint (scipy_grey_plan)
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    if out is None:
        out = np.empty_like(image)
    if mode not in _SUPPORTED_MODES:
        raise ValueError(f"unsupported mode, got {mode!r}")
    if mode == "ignore":
        mode = "max" if minimum else "min"
    exact = mode in ("max", "min")  # the dtype's own extreme: no conversion needed
    mode, cval = _min_max_to_constant(image.dtype, mode, cval)
    footprint = pad_footprint(footprint, pad_end=False)
    sequence = footprint_sequence(footprint, image, RuntimeError if minimum else IndexError, nonzero=True,
                                  check_axes=False)
    if not sequence:  # (the reference reads the first footprint of the sequence: its IndexError)
        raise ValueError(f"`footprint` is an empty sequence of footprints: {footprint!r}")
    result = image
    for i, (fp, repetitions) in enumerate(sequence):
        times = max(repetitions, 1) if i == 0 else repetitions  # the first one always runs once
        for _ in range(times):
            if scipy_grey_plan(result, fp, cval) == "filter":
                result = flat_filter(result, fp, minimum, mode, cval, exact_cval=exact)
    out[...] = result
    return out


def erosion(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return grayscale morphological erosion of an image.

    Each pixel becomes the minimum over its neighbourhood ``x + b`` (``b`` in the footprint).
    Runs in ``O(ndim)`` per pixel for rectangles and ``O(#runs + #run lengths)`` for other
    footprints (see ``_flat``).

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's. If None, use a cross-shaped
        footprint (connectivity=1). Can also be a sequence of ``(footprint, n)`` pairs.
    out : ndarray, optional
        The array to store the result of the morphology. If None is passed, a new array will
        be allocated.
    mode : str, optional
        'reflect', 'constant', 'nearest', 'mirror', 'wrap', 'max', 'min', or 'ignore'.
        If 'max' or 'ignore', pixels outside the image domain are assumed to be the maximum
        for the image's dtype. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    eroded : array, same shape as `image`
        The result of the morphological erosion.

    See Also
    --------
    skimage.morphology.erosion : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import erosion, footprint_rectangle
    >>> square = np.array([[0, 0, 0, 0, 0],
    ...                    [0, 1, 1, 1, 0],
    ...                    [0, 1, 1, 1, 0],
    ...                    [0, 1, 1, 1, 0],
    ...                    [0, 0, 0, 0, 0]], dtype=np.uint8)
    >>> erosion(square, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0],
           [0, 0, 1, 0, 0],
           [0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    return _grey(image, footprint, out, mode, cval, True)


def dilation(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return grayscale morphological dilation of an image.

    Each pixel becomes the maximum over its neighbourhood ``x + b``.  As in scikit-image the
    footprint is **not** mirrored (``binary_dilation`` mirrors it): use
    :func:`mirror_footprint` for the textbook dilation with an asymmetric footprint.

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's. If None, use a cross-shaped
        footprint (connectivity=1). Can also be a sequence of ``(footprint, n)`` pairs.
    out : ndarray, optional
        The array to store the result of the morphology.
    mode : str, optional
        'reflect', 'constant', 'nearest', 'mirror', 'wrap', 'max', 'min', or 'ignore'.
        If 'min' or 'ignore', pixels outside the image domain are assumed to be the minimum
        for the image's dtype. Default is 'reflect'.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    dilated : array, same shape and type as `image`
        The result of the morphological dilation.

    See Also
    --------
    skimage.morphology.dilation : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import dilation, footprint_rectangle
    >>> dot = np.zeros((5, 5), dtype=np.uint8)
    >>> dot[2, 2] = 1
    >>> dilation(dot, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [0, 1, 1, 1, 0],
           [0, 1, 1, 1, 0],
           [0, 1, 1, 1, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    return _grey(image, footprint, out, mode, cval, False)


def opening(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return grayscale morphological opening of an image: erosion, then dilation.

    The dilation uses the mirrored footprint, so the opening never exceeds the image.

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray, optional
        The array to store the result of the morphology.
    mode : str, optional
        As for :func:`erosion`; 'ignore' means 'max' in the erosion and 'min' in the dilation.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    opening : array, same shape and type as `image`
        The result of the morphological opening.

    See Also
    --------
    skimage.morphology.opening : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import opening, footprint_rectangle
    >>> bad_connection = np.array([[1, 0, 0, 0, 1],
    ...                            [1, 1, 0, 1, 1],
    ...                            [1, 1, 1, 1, 1],
    ...                            [1, 1, 0, 1, 1],
    ...                            [1, 0, 0, 0, 1]], dtype=np.uint8)
    >>> opening(bad_connection, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [1, 1, 0, 1, 1],
           [1, 1, 0, 1, 1],
           [1, 1, 0, 1, 1],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    footprint = pad_footprint(footprint, pad_end=False)
    eroded = erosion(image, footprint, mode=mode, cval=cval)
    return dilation(eroded, mirror_footprint(footprint), out=out, mode=mode, cval=cval)


def closing(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return grayscale morphological closing of an image: dilation, then erosion.

    The erosion uses the mirrored footprint, so the closing is never below the image.

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray, optional
        The array to store the result of the morphology.
    mode : str, optional
        As for :func:`erosion`; 'ignore' means 'min' in the dilation and 'max' in the erosion.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    closing : array, same shape and type as `image`
        The result of the morphological closing.

    See Also
    --------
    skimage.morphology.closing : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import closing, footprint_rectangle
    >>> broken_line = np.array([[0, 0, 0, 0, 0],
    ...                         [0, 0, 0, 0, 0],
    ...                         [1, 1, 0, 1, 1],
    ...                         [0, 0, 0, 0, 0],
    ...                         [0, 0, 0, 0, 0]], dtype=np.uint8)
    >>> closing(broken_line, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0],
           [1, 1, 1, 1, 1],
           [0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    footprint = pad_footprint(footprint, pad_end=False)
    dilated = dilation(image, footprint, mode=mode, cval=cval)
    return erosion(dilated, mirror_footprint(footprint), out=out, mode=mode, cval=cval)


def white_tophat(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return white top hat of an image: the image minus its opening (bright spots smaller than the footprint).

    For bool images the difference is a logical xor; unsigned integers wrap as NumPy's
    subtraction does.

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray, optional
        The array to store the result of the morphology.
    mode : str, optional
        As for :func:`opening`.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    out : array, same shape and type as `image`
        The result of the morphological white top hat.

    See Also
    --------
    skimage.morphology.white_tophat : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import white_tophat, footprint_rectangle
    >>> bright_on_grey = np.array([[2, 3, 3, 3, 2],
    ...                            [3, 4, 5, 4, 3],
    ...                            [3, 5, 9, 5, 3],
    ...                            [3, 4, 5, 4, 3],
    ...                            [2, 3, 3, 3, 2]], dtype=np.uint8)
    >>> white_tophat(bright_on_grey, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [0, 0, 1, 0, 0],
           [0, 1, 5, 1, 0],
           [0, 0, 1, 0, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    if out is image:
        opened = opening(image, footprint, mode=mode, cval=cval)
        if np.issubdtype(opened.dtype, np.bool_):
            np.logical_xor(out, opened, out=out)
        else:
            out -= opened
        return out
    out = opening(image, footprint, out=out, mode=mode, cval=cval)
    if np.issubdtype(out.dtype, np.bool_):
        np.logical_xor(image, out, out=out)
    else:
        np.subtract(image, out, out=out)
    return out


def black_tophat(image, footprint=None, out=None, *, mode="reflect", cval=0.0):
    """Return black top hat of an image: its closing minus the image (dark spots smaller than the footprint).

    Parameters
    ----------
    image : ndarray
        Image array.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray, optional
        The array to store the result of the morphology.
    mode : str, optional
        As for :func:`closing`.
    cval : scalar, optional
        Value to fill past edges of input if `mode` is 'constant'. Default is 0.0.

    Returns
    -------
    out : array, same shape and type as `image`
        The result of the morphological black top hat.

    See Also
    --------
    skimage.morphology.black_tophat : the reference.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.morphology import black_tophat, footprint_rectangle
    >>> dark_on_grey = np.array([[7, 6, 6, 6, 7],
    ...                          [6, 5, 4, 5, 6],
    ...                          [6, 4, 0, 4, 6],
    ...                          [6, 5, 4, 5, 6],
    ...                          [7, 6, 6, 6, 7]], dtype=np.uint8)
    >>> black_tophat(dark_on_grey, footprint_rectangle((3, 3)))
    array([[0, 0, 0, 0, 0],
           [0, 0, 1, 0, 0],
           [0, 1, 5, 1, 0],
           [0, 0, 1, 0, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    if out is image:
        closed = closing(image, footprint, mode=mode, cval=cval)
        if np.issubdtype(closed.dtype, np.bool_):
            np.logical_xor(closed, out, out=out)
        else:
            np.subtract(closed, out, out=out)
        return out
    out = closing(image, footprint, out=out, mode=mode, cval=cval)
    if np.issubdtype(out.dtype, np.bool_):
        np.logical_xor(out, image, out=out)
    else:
        out -= image
    return out
