"""The reference's documented quirks: where the correct answer is not the reference's.

A case marked ``known="key"`` sits on one of these.  When a candidate differs from the
reference there but agrees with scratch (whose answer the test named in ``test`` proves is
the correct one), the report says so instead of marking it wrong: outcome ``"textbook"``.
``undefined=True`` means the reference's output there is not even deterministic (it reads
memory outside the image), so a candidate cannot be expected to reproduce it.
"""

from dataclasses import dataclass

__all__ = ["Known", "KNOWN"]


@dataclass(frozen=True)
class Known:
    why: str
    test: str
    undefined: bool = False


KNOWN = {
    "scipy-reflect": Known(
        "scipy.ndimage.correlate reads one element outside the image in 'reflect' mode when a "
        "kernel reaches four or more image lengths past the edge; the correctly reflected answer "
        "is the one SciPy's own correlate1d gives",
        "reference_tests/test_ndimage.py::test_scipy_reflect_bug", undefined=True),
    "grey-reflect-long-footprint": Known(
        "scipy.ndimage.grey_erosion (which skimage calls) reads values from outside the image in "
        "'reflect' mode when a footprint reaches four or more image lengths past the edge; the "
        "correct answer is SciPy's own minimum_filter1d/maximum_filter1d",
        "reference_tests/test_morphology.py::test_scipy_reflect_bug_for_very_long_footprints",
        undefined=True),
    "unsharp-channel-axis": Known(
        "skimage 0.26's unsharp_mask slices axis 0 for channel_axis=-1 and leaves most of its "
        "output uninitialised; channel_axis=-1 means the last axis, as everywhere else",
        "reference_tests/test_filters.py::test_unsharp_mask_negative_channel_axis_means_last_axis",
        undefined=True),
    "edt-negative-sampling": Known(
        "with a negative sampling SciPy's distance transform (which assumes positive spacings) "
        "returns non-zero distances at background elements; the distance depends on the "
        "spacing's square, so the answer is the one for |sampling|",
        "reference_tests/test_edt.py::test_negative_sampling_reference_bug"),
    "erosion-int64-ignore": Known(
        "for int64 images skimage hands SciPy cval = 2**63 - 1, which SciPy casts through a "
        "double to -2**63, so erosion with mode='ignore' puts -2**63 along the border; 'ignore' "
        "means the dtype's maximum",
        "reference_tests/test_morphology.py::test_int64_ignore_mode_reference_bug"),
    "complex-histogram": Known(
        "skimage's histogram-based thresholds bin the real part of a complex image without a "
        "word (its threshold_local raises); a complex image has no order, so ValueError is the "
        "answer",
        "reference_tests/test_thresholds.py::test_complex_image_is_a_clear_value_error"),
    "footprint-bad-decomposition": Known(
        "skimage's disk/ellipse fall through to an unbound variable (UnboundLocalError) for an "
        "unknown decomposition; the other footprints raise ValueError, the error this is",
        "reference_tests/test_morphology.py::test_unknown_disk_and_ellipse_decomposition_reference_bug"),
    "exposure-histogram-complex": Known(
        "skimage.exposure.histogram bins the real part of a complex image without a word (its "
        "cumulative_distribution, equalize_hist and equalize_adapthist raise ValueError); a complex "
        "image has no order, so ValueError is the answer",
        "reference_tests/test_exposure.py::test_complex_image_is_a_clear_value_error"),
    "watershed-nan": Known(
        "skimage's watershed compares NaN in its heap, where every comparison with NaN is false: "
        "the flooding order then depends on the heap's history, not on the image; scratch floods "
        "NaN pixels last and labels every pixel a marker can reach",
        "reference_tests/test_watershed.py::test_nan_floods_without_error", undefined=True),
    "big-endian-ufunc-typeerror": Known(
        "skimage's integer conversions (img_as_ubyte, img_as_uint, img_as_int) hand a ufunc a "
        "byte-swapped dtype= for some big-endian integer images (its invert for every "
        "big-endian image), and NumPy refuses it with a "
        "TypeError about the byte order; a big-endian image is an ordinary image, so the answer "
        "is the reference's on the native-order copy",
        "reference_tests/test_dropin.py::test_big_endian_input_gives_the_references_result"),
}
