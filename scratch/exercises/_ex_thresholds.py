"""Exercises of chapter 03, masks and thresholds: Otsu, ISODATA, triangle, the mean."""

from scratch.verify import _compare

from ._cases import histogram_cases
from ._model import Exercise, Mistake, Step, register

CHAPTER = "03 masks and thresholds"
T = "scratch.filters._thresholds:"


def _no_quirks(case):
    """Leave out the cases where the reference has a documented quirk (complex images)."""
    return case.known is None


register(Exercise(
    id="threshold_otsu", chapter=CHAPTER, title="Otsu's threshold", core=True,
    intro="Otsu picks the threshold that maximises the between-class variance "
          "w1 w2 (m1 - m2)**2 over the bin centres of the image's histogram.",
    steps=[
        Step("histogram", "the histogram: counts and bin centres", "scratch.exposure:histogram", points=2,
             verify="histogram", params=("image", "nbins")),
        Step("otsu_class_statistics", "class weights and means", T + "_otsu_class_statistics", points=2,
             cases=histogram_cases(), compare=_compare.each(_compare.close(), _compare.close(),
                                                            _compare.close(), _compare.close())),
        Step("otsu_variance", "between-class variance", T + "_otsu_variance", points=2, cases=histogram_cases()),
        Step("threshold_otsu", "the threshold", "scratch.filters:threshold_otsu", points=4,
             verify="threshold_otsu", select=_no_quirks),
    ],
    mistakes=[
        Mistake("bin edges", "your threshold is the lower edge of the best bin, not its centre "
                "(Otsu's candidates are the bin centres)", "scratch.filters:threshold_otsu",
                replace=(("return centers[np.argmax(variance12)]",
                          "return centers[np.argmax(variance12)] - (centers[1] - centers[0]) / 2"),)),
        Mistake("upper class start", "your output is the first bin of the upper class: the threshold is the "
                "last bin of the lower class (pixels > t are foreground)", "scratch.filters:threshold_otsu",
                replace=(("return centers[np.argmax(variance12)]", "return centers[np.argmax(variance12) + 1]"),)),
        Mistake("means over all pixels", "your class means divide by the total pixel count instead of the "
                "class weight", T + "_otsu_class_statistics",
                replace=(("mean1 = np.cumsum(counts * bin_centers) / weight1",
                          "mean1 = np.cumsum(counts * bin_centers) / weight1[-1]"),
                         ("/ weight2[::-1])[::-1]", "/ weight2[0])[::-1]"))),
        Mistake("class 2 from bin b", "your variance pairs class 1 = bins 0..b with class 2 = bins b..end "
                "(bin b counted twice)", T + "_otsu_variance",
                replace=(("weight1[:-1] * weight2[1:] * (mean1[:-1] - mean2[1:]) ** 2",
                          "weight1[:-1] * weight2[:-1] * (mean1[:-1] - mean2[:-1]) ** 2"),)),
    ],
))
