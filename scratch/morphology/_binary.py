"""Binary morphology: erosion, dilation, opening and closing of boolean images.

On a 0/1 image the minimum is a logical AND and the maximum a logical OR, so binary
morphology is grey morphology on bytes — the same engine (``_flat.py``)::

    binary_erosion(A, B)(x)  = AND_{b ∈ B} A(x + b)     x survives if B fits inside A
    binary_dilation(A, B)(x) = OR_{b ∈ B}  A(x - b)     the textbook dilation: B is mirrored
    binary_opening  = dilation(erosion(A))               binary_closing = erosion(dilation(A))

Conventions of scikit-image 0.26 (which calls ``scipy.ndimage.binary_*``), reproduced exactly:

* any nonzero pixel is True; the result is a bool array;
* even-sized footprints are padded with a zero row *at the end* (the grey functions pad at the
  front: for even footprints the two differ by one pixel);
* ``binary_dilation`` mirrors the footprint (the grey ``dilation`` does not);
* ``mode``: 'ignore' (default) — outside pixels never change the result (True for an erosion,
  False for a dilation); 'max' — outside is True; 'min' — outside is False;
* an all-zero footprint erodes everything to True and dilates everything to False (an AND / OR
  over nothing);
* the four functions are deprecated in 0.26 in favour of the grey ones; as there, calling them
  emits a FutureWarning.

Reference: scikit-image ``skimage/morphology/binary.py``; SciPy ``scipy.ndimage.binary_erosion``.
"""

import warnings

import numpy as np

from ._flat import flat_filter
from ._footprints import mirror_footprint, pad_footprint
from ._grey import check_image, default_footprint, footprint_sequence

__all__ = ["binary_erosion", "binary_dilation", "binary_opening", "binary_closing"]


def _deprecated(name, hint):
    warnings.warn(
        f"`{name}` is deprecated since version 0.26 and will be removed in version 0.28. {hint}",
        FutureWarning,
        stacklevel=3,
    )


def _binary(image, footprint, out, mode, erode):
    image = check_image(image)
    if footprint is None:
        footprint = default_footprint(image)
    if out is None:
        out = np.empty(image.shape, dtype=bool)
    if mode not in {"max", "min", "ignore"}:
        raise ValueError(f"unsupported mode, got {mode!r}")
    if erode:
        border = mode != "min"
    else:
        border = mode == "max"
    footprint = pad_footprint(footprint, pad_end=True)
    sequence = footprint_sequence(footprint, image)
    result = image != 0
    for i, (fp, repetitions) in enumerate(sequence):
        times = max(repetitions, 1) if i == 0 else repetitions
        if not erode:
            fp = mirror_footprint(fp)
        for _ in range(times):
            if not fp.any():  # AND over nothing is True, OR over nothing is False
                result = np.full(image.shape, erode)
            else:
                result = flat_filter(result, fp, erode, "constant", border, exact_cval=True)
    out[...] = result
    return out


def binary_erosion(image, footprint=None, out=None, *, mode="ignore"):
    """Return fast binary morphological erosion of an image.

    A pixel stays True when every pixel under the footprint (placed at it) is True.

    Parameters
    ----------
    image : ndarray
        Binary input image.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's. If None, use a cross-shaped
        footprint (connectivity=1). Can also be a sequence of ``(footprint, n)`` pairs.
    out : ndarray of bool, optional
        The array to store the result of the morphology.
    mode : str, optional
        'max', 'min' or 'ignore'. If 'min', pixels outside the image are False (erosion
        near the border); 'max' and 'ignore' (default) treat them as True.

    Returns
    -------
    eroded : ndarray of bool or uint
        The result of the morphological erosion taking values in ``[False, True]``.

    See Also
    --------
    skimage.morphology.binary_erosion : the reference (deprecated in 0.26).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from scratch.morphology import binary_erosion
    >>> image = np.ones((3, 5), dtype=bool)
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     binary_erosion(image, mode="min").astype(int)
    array([[0, 0, 0, 0, 0],
           [0, 1, 1, 1, 0],
           [0, 0, 0, 0, 0]])
    """
    _deprecated("binary_erosion", "Use `scratch.morphology.erosion` instead. Note the pixel shift by 1 "
                "for even-sized footprints.")
    return _binary(image, footprint, out, mode, True)


def binary_dilation(image, footprint=None, out=None, *, mode="ignore"):
    """Return fast binary morphological dilation of an image.

    A pixel becomes True when the mirrored footprint placed at it covers a True pixel.

    Parameters
    ----------
    image : ndarray
        Binary input image.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's. If None, use a cross-shaped
        footprint (connectivity=1). Can also be a sequence of ``(footprint, n)`` pairs.
    out : ndarray of bool, optional
        The array to store the result of the morphology.
    mode : str, optional
        'max', 'min' or 'ignore'. If 'max', pixels outside the image are True; 'min' and
        'ignore' (default) treat them as False.

    Returns
    -------
    dilated : ndarray of bool or uint
        The result of the morphological dilation with values in ``[False, True]``.

    See Also
    --------
    skimage.morphology.binary_dilation : the reference (deprecated in 0.26).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from scratch.morphology import binary_dilation
    >>> dot = np.zeros((3, 5), dtype=bool)
    >>> dot[1, 2] = True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     binary_dilation(dot).astype(int)
    array([[0, 0, 1, 0, 0],
           [0, 1, 1, 1, 0],
           [0, 0, 1, 0, 0]])
    """
    _deprecated("binary_dilation", "Use `scratch.morphology.dilation` instead. Note the lack of mirroring "
                "for non-symmetric footprints.")
    return _binary(image, footprint, out, mode, False)


def binary_opening(image, footprint=None, out=None, *, mode="ignore"):
    """Return fast binary morphological opening of an image: erosion, then dilation.

    Parameters
    ----------
    image : ndarray
        Binary input image.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray of bool, optional
        The array to store the result of the morphology.
    mode : str, optional
        'max', 'min' or 'ignore' (default), passed to both steps.

    Returns
    -------
    opening : ndarray of bool
        The result of the morphological opening.

    See Also
    --------
    skimage.morphology.binary_opening : the reference (deprecated in 0.26).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from scratch.morphology import binary_opening
    >>> image = np.zeros((5, 5), dtype=bool)
    >>> image[1:4, 1:4] = True
    >>> image[0, 0] = True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     binary_opening(image).astype(int)
    array([[0, 0, 0, 0, 0],
           [0, 0, 1, 0, 0],
           [0, 1, 1, 1, 0],
           [0, 0, 1, 0, 0],
           [0, 0, 0, 0, 0]])
    """
    _deprecated("binary_opening", "Use `scratch.morphology.opening` instead.")
    image = check_image(image)
    if footprint is None:
        footprint = default_footprint(image)
    eroded = _binary(image, footprint, None, mode, True)
    return _binary(eroded, footprint, out, mode, False)


def binary_closing(image, footprint=None, out=None, *, mode="ignore"):
    """Return fast binary morphological closing of an image: dilation, then erosion.

    Parameters
    ----------
    image : ndarray
        Binary input image.
    footprint : ndarray or tuple, optional
        The neighborhood expressed as an array of 1's and 0's (default: the cross).
    out : ndarray of bool, optional
        The array to store the result of the morphology.
    mode : str, optional
        'max', 'min' or 'ignore' (default), passed to both steps.

    Returns
    -------
    closing : ndarray of bool
        The result of the morphological closing.

    See Also
    --------
    skimage.morphology.binary_closing : the reference (deprecated in 0.26).

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from scratch.morphology import binary_closing
    >>> image = np.zeros((5, 5), dtype=bool)
    >>> image[2, [1, 3]] = True
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     binary_closing(image, np.ones((1, 3), bool)).astype(int)[2]
    array([1, 1, 1, 1, 1])
    """
    _deprecated("binary_closing", "Use `scratch.morphology.closing` instead.")
    image = check_image(image)
    if footprint is None:
        footprint = default_footprint(image)
    dilated = _binary(image, footprint, None, mode, False)
    return _binary(dilated, footprint, out, mode, True)
