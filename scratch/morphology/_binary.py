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

**2-D images: the run-length test.**  A footprint is a set of horizontal runs (row ``a``,
first column ``s``, length ``L``).  Count, for every pixel of the padded image, how many pixels
from it to the right are True: ``R[y, x] = R[y, x + 1] + 1`` if True else 0 (one pass,
right to left).  A run placed at ``x`` lies on True pixels exactly when
``R[y + a, x + s] >= L``: one comparison per run instead of ``L`` (and the test stops at the
first run that does not fit, which on background is the first).  Erosion keeps the pixels
where every run fits on True; dilation is its complement: a pixel stays False where every
run of the mirrored footprint fits on False, so the same two kernels count False runs.

Reference: scikit-image ``skimage/morphology/binary.py``; SciPy ``scipy.ndimage.binary_erosion``.
"""

import warnings

import numpy as np

from .._jit import parallel_jit, prange
from ._flat import _runs_of, flat_filter
from ._footprints import mirror_footprint, pad_footprint
from ._grey import default_footprint, footprint_sequence

__all__ = ["binary_erosion", "binary_dilation", "binary_opening", "binary_closing"]


def _deprecated(name, hint):
    # The reference's message word for word (its module path included), so that a filter
    # written for skimage's warning, as in its own test_binary.py, also catches this one.
    warnings.warn(
        f"`{name}` is deprecated since version 0.26 and will be removed in version 0.28. {hint}",
        FutureWarning,
        stacklevel=3,
    )


def _scipy_binary_checks(image, fp):
    """``scipy.ndimage.binary_erosion``'s checks of one footprint, in its order: the complex
    image (TypeError), the footprint's axes and size (RuntimeError), then its C code's dtype
    (RuntimeError; an empty image has no pixel to visit and passes whatever its dtype)."""
    if image.dtype.kind == "c":
        raise TypeError(f"Complex type not supported: `image` has dtype {image.dtype}")
    if fp.ndim != image.ndim:
        raise RuntimeError(f"structure and input must have same dimensionality: `footprint` is "
                           f"{fp.ndim}-D for a {image.ndim}-D `image`")
    if fp.size < 1:
        raise RuntimeError(f"structure must not be empty: `footprint` has shape {fp.shape}")
    if image.size and (image.dtype.kind not in "biuf" or (image.dtype.kind == "f" and image.dtype.itemsize == 2) or image.dtype.itemsize > 8):
        raise RuntimeError(f"data type not supported: `image` has dtype {image.dtype}")


def _binary(image, footprint, out, mode, erode):
    # the reference's order: its default footprint, the mode, the footprint's padding (its
    # errors for a bad footprint), then SciPy's checks per footprint (_scipy_binary_checks)
    image = np.asarray(image)
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
    sequence = footprint_sequence(footprint, image, RuntimeError if erode else IndexError,  # as SciPy's
                                  check_axes=False)
    if not sequence:  # (the reference reads the first footprint of the sequence: its IndexError)
        raise ValueError(f"`footprint` is an empty sequence of footprints: {footprint!r}")
    _scipy_binary_checks(image, sequence[0][0])
    result = image != 0
    for i, (fp, repetitions) in enumerate(sequence):
        if i:
            _scipy_binary_checks(result, fp)
        if not erode:
            fp = mirror_footprint(fp)
        # SciPy's ``iterations``: n >= 1 passes, or (n < 1) passes until nothing changes.
        done = 0
        while True:
            if not fp.any():  # AND over nothing is True, OR over nothing is False
                step = np.full(image.shape, erode)
            elif result.ndim == 2:
                step = _fit_runs(result, fp, border, erode)
            else:
                step = flat_filter(result, fp, erode, "constant", border, exact_cval=True)
            done += 1
            changed = not np.array_equal(step, result)
            result = step
            if (repetitions >= 1 and done >= repetitions) or (repetitions < 1 and not changed):
                break
    out[...] = result
    return out


def _fit_runs(mask, footprint, border, erode=True):
    """Erosion of the 2-D bool ``mask`` by an odd-sized ``footprint``, the pixels outside the
    mask counting as ``border`` (True or False).  (``erode=False``: the dilation by the same,
    not mirrored, footprint — OR instead of AND; binary_dilation mirrors it first.)

    The footprint's centre is its middle pixel ``(rows // 2, cols // 2)``; its True pixels are
    the offsets ``(a - rows // 2, b - cols // 2)``.  The erosion keeps the pixel ``x`` when the
    footprint placed with its centre on ``x`` fits inside the mask::

        out[x] = AND over the offsets o of the footprint:  mask[x + o]      (border outside)

    Note ``x + o``: the footprint is *not* mirrored.

    Hint: the simple way is a loop over the offsets with a slice of a padded copy of the mask
    per offset (``out &= padded[a:a + rows_of_mask, b:b + cols_of_mask]``).  The library tests
    whole horizontal runs of the footprint at once, by the run lengths of the module docstring.
    Returns a new bool array of the mask's shape.
    """
    rows, cols = footprint.shape
    runs = _runs_of(footprint)
    run_row = np.array([lead[0] for lead, _, _ in runs], dtype=np.int64)
    run_start = np.array([start for _, start, _ in runs], dtype=np.int64)
    run_length = np.array([length for _, _, length in runs], dtype=np.int64)
    run_lengths = np.empty((mask.shape[0] + rows - 1, mask.shape[1] + cols - 1), dtype=np.int32)
    _count_runs.sized(run_lengths.size)(mask.view(np.uint8), rows // 2, cols // 2, np.uint8(border),
                                        np.uint8(1 if erode else 0), run_lengths)
    out = np.empty(mask.shape, dtype=bool)
    _all_runs_fit.sized(out.size * run_row.size)(run_lengths, run_row, run_start, run_length, erode, out)
    return out


@parallel_jit
def _count_runs(mask, top, left, border, target, run_lengths):
    """``run_lengths[y, x]``: how many pixels from ``(y, x)`` rightwards equal ``target`` in
    ``mask`` padded with ``top`` rows and ``left`` columns of ``border`` in front (and as many
    as ``run_lengths`` has room for behind)."""
    n_rows, n_cols = run_lengths.shape
    height, width = mask.shape
    # The constant border is read in place rather than through ndimage's ``pad``: a padded
    # copy of the mask cost as much as this whole pass (0.1 ms of 0.3 at 256²).
    for y in prange(n_rows):
        i = y - top
        inside_row = 0 <= i < height
        run = 0
        for x in range(n_cols - 1, -1, -1):
            j = x - left
            value = mask[i, j] if inside_row and 0 <= j < width else border
            run = run + 1 if value == target else 0
            run_lengths[y, x] = run


@parallel_jit
def _all_runs_fit(run_lengths, run_row, run_start, run_length, erode, out):
    """``out[y, x]``: every footprint run placed at ``(y, x)`` lies on target pixels (erosion),
    or not (dilation: the target is False, and a pixel is True where some run meets a True)."""
    n_rows, n_cols = out.shape
    n_runs = run_row.shape[0]
    for y in prange(n_rows):
        for x in range(n_cols):
            fits = True
            for r in range(n_runs):
                if run_lengths[y + run_row[r], x + run_start[r]] < run_length[r]:
                    fits = False
                    break
            out[y, x] = fits if erode else not fits


def binary_erosion(image, footprint=None, out=None, *, mode="ignore"):
    """Return fast binary morphological erosion of an image.

    A pixel stays True when every pixel under the footprint (placed at it) is True.

    The conventions (scikit-image's, which calls ``scipy.ndimage.binary_erosion``): any
    nonzero pixel is True and the result is a bool array; the default footprint is the cross
    of connectivity 1 (``[[0, 1, 0], [1, 1, 1], [0, 1, 0]]`` in 2-D); an even-sized footprint
    is first padded to an odd size with zeros at the end (``pad_footprint``), so its centre is
    ``size // 2``; the footprint is not mirrored; an all-zero footprint (an AND over nothing)
    gives True everywhere; with mode 'ignore' (the default) or 'max' the pixels outside the
    image count as True — they never remove a pixel — and with 'min' as False.

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
    _deprecated("binary_erosion", "Use `skimage.morphology.erosion` instead. Note the pixel shift by 1 "
                "for even-sized footprints (see docstring notes).")
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
    _deprecated("binary_dilation", "Use `skimage.morphology.dilation` instead. Note the lack of mirroring "
                "for non-symmetric footprints (see docstring notes).")
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
    _deprecated("binary_opening", "Use `skimage.morphology.opening` instead.")
    image = np.asarray(image)
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
    _deprecated("binary_closing", "Use `skimage.morphology.closing` instead.")
    image = np.asarray(image)
    if footprint is None:
        footprint = default_footprint(image)
    dilated = _binary(image, footprint, None, mode, False)
    return _binary(dilated, footprint, out, mode, True)
