"""The tutorials run headless, top to bottom, and their key numbers agree with the references.

Each tutorial ``tutorials/NN_name.py`` is run as a script in a subprocess (``MPLBACKEND=Agg``,
figures into a temporary folder).  It writes ``results.json`` — the numbers it prints — and
the checker registered for it below recomputes those numbers with scikit-image / SciPy (or
the ground truth of a synthetic scene) and compares.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.ndimage as ndi
import scipy.signal
import skimage.data
import skimage.feature
import skimage.filters
import skimage.util
from numpy.testing import assert_allclose
from scipy.optimize import linear_sum_assignment
from scipy.spatial import cKDTree
from scipy.spatial.distance import cdist

TUTORIALS = Path(__file__).resolve().parent.parent / "tutorials"
FLOAT_ATOL = 1e-9  # DESIGN.md: float64 images agree to rtol 1e-7, atol 1e-9
SUM_RTOL = 1e-9  # sums of whole images: rounding differences of ~1e-16 per pixel at most


def run_tutorial(name, tmp_path):
    """Run one tutorial headless; return its results.json as a dict."""
    env = dict(os.environ, MPLBACKEND="Agg", SCRATCH_TUTORIAL_OUT=str(tmp_path))
    env.pop("SCRATCH_TUTORIAL_SHOW", None)
    proc = subprocess.run([sys.executable, str(TUTORIALS / f"{name}.py")], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{name} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    out = tmp_path / name
    assert (out / "results.json").is_file(), f"{name} wrote no results.json"
    assert list(out.glob("*.png")), f"{name} saved no figure"
    return json.loads((out / "results.json").read_text())


# --- 00 images as arrays -------------------------------------------------------------------


def check_00(results):
    camera = skimage.data.camera()
    assert results["checkerboard_sum"] == 40  # 81 pixels, 40 of them odd
    assert results["checkerboard_matches_scratch_data"] is True
    assert results["camera_shape"] == list(camera.shape)
    assert results["camera_dtype"] == str(camera.dtype)
    assert results["camera_min"] == camera.min() and results["camera_max"] == camera.max()
    assert_allclose(results["camera_mean"], camera.mean(), rtol=1e-12)
    assert results["window_sum"] == int(camera[180:190, 240:250].sum())
    assert results["img_as_float_max_abs_diff"] == 0.0
    assert results["uint16_img_as_float_max_abs_diff"] == 0.0
    assert_allclose(results["img_as_float_mean"], skimage.util.img_as_float(camera).mean(), rtol=1e-12)
    assert results["invert_mismatches_vs_skimage"] == 0


# --- 01 pixel operations -------------------------------------------------------------------


def check_01(results):
    import skimage.exposure

    ihc = skimage.data.immunohistochemistry()
    assert results["ihc_shape"] == list(ihc.shape)
    for k, name in enumerate(["red", "green", "blue"]):
        assert_allclose(results[f"ihc_{name}_mean"], ihc[..., k].mean(), rtol=1e-12)
    assert results["invert_mismatches_vs_skimage"] == 0
    for name in ["gamma", "log", "sigmoid", "cdf", "equalize_hist", "clahe"]:
        assert results[f"{name}_max_abs_diff"] <= FLOAT_ATOL, name
    moon = skimage.util.img_as_float(skimage.data.moon())
    expected = {
        "gamma_05_sum": skimage.exposure.adjust_gamma(moon, 0.5).sum(),
        "sigmoid_04_10_sum": skimage.exposure.adjust_sigmoid(moon, 0.4, 10).sum(),
        "equalize_hist_sum": skimage.exposure.equalize_hist(moon).sum(),
        "clahe_001_sum": skimage.exposure.equalize_adapthist(moon, clip_limit=0.01).sum(),
    }
    for key, value in expected.items():
        assert_allclose(results[key], value, rtol=SUM_RTOL, err_msg=key)


# --- 02 filtering ---------------------------------------------------------------------------


def check_02(results):
    diffs = {k: v for k, v in results.items() if k.endswith("_max_abs_diff")}
    assert len(diffs) >= 20, sorted(diffs)
    for key, value in diffs.items():
        assert value <= FLOAT_ATOL, f"{key} = {value}"
    assert results["convolve_equals_correlate_flipped"] <= FLOAT_ATOL

    camera = skimage.util.img_as_float(skimage.data.camera())
    coins = skimage.util.img_as_float(skimage.data.coins())
    moon = skimage.util.img_as_float(skimage.data.moon())
    noisy = np.clip(coins + np.random.default_rng(0).normal(0, 0.1, coins.shape), 0, 1)
    expected = {
        "uniform_21_sum": ndi.uniform_filter(camera, 21).sum(),
        "unsharp_sum": skimage.filters.unsharp_mask(moon, radius=2.0, amount=3.0).sum(),
        "sobel_sum": skimage.filters.sobel(coins).sum(),
        "prewitt_sum": skimage.filters.prewitt(coins).sum(),
        "roberts_sum": skimage.filters.roberts(coins).sum(),
        "dog_sum": skimage.filters.difference_of_gaussians(noisy, 1.5, 6).sum(),
    }
    for sigma in [1, 2, 4, 8]:
        expected[f"gaussian_sigma{sigma}_sum"] = skimage.filters.gaussian(camera, sigma).sum()
    retina = skimage.util.img_as_float(skimage.data.retina()[::3, ::3, 1])
    expected["log_retina_sum"] = (-ndi.gaussian_laplace(skimage.util.invert(retina), 3)).sum()
    g = np.exp(-0.5 * (np.arange(-12, 13) / 4.0) ** 2)
    g2 = np.outer(g, g) / np.outer(g, g).sum()
    expected["fftconvolve_sum"] = scipy.signal.fftconvolve(camera, g2, mode="same").sum()
    for key, value in expected.items():
        assert_allclose(results[key], value, rtol=SUM_RTOL, err_msg=key)

    if "canny_sigma2_mismatches" in results:  # the Canny section (scratch.feature.canny)
        assert results["canny_sigma2_mismatches"] == 0
        assert results["canny_sigma2_edge_pixels"] == int(skimage.feature.canny(coins, sigma=2).sum())
        for sigma in [1, 2, 4]:
            assert results[f"canny_noisy_sigma{sigma}_mismatches"] == 0
            assert results[f"canny_noisy_sigma{sigma}_edge_pixels"] == int(
                skimage.feature.canny(noisy, sigma=sigma).sum())


# --- 03 masks and thresholds -----------------------------------------------------------------


def check_03(results):
    import skimage.morphology

    camera = skimage.data.camera()
    rows, cols = np.indices(camera.shape)
    assert results["circle_pixels"] == int((np.hypot(rows - 200, cols - 260) < 150).sum())
    assert results["edt_vs_formula_max_abs_diff"] <= FLOAT_ATOL
    assert results["edt_vs_scipy_max_abs_diff"] <= FLOAT_ATOL
    ihc = skimage.data.immunohistochemistry()
    assert results["masked_rgb_sum"] == int((ihc * (np.hypot(rows - 256, cols - 256) < 200)[..., None]).sum())

    coins = skimage.data.coins()
    mask = coins > 110
    assert results["coins_mask_pixels"] == int(mask.sum())
    for key in ["coins_histogram_mismatches", "despeckle_mismatches_vs_skimage",
                "remove_small_mismatches_vs_skimage", "footprint_mismatches_vs_skimage",
                "binary_morphology_mismatches_vs_skimage", "gray_morphology_mismatches_vs_skimage"]:
        assert results[key] == 0, key
    fp = skimage.morphology.disk(3)
    for op in ["erosion", "dilation", "opening", "closing"]:
        assert results[f"{op}_mask_pixels"] == int(getattr(skimage.morphology, op)(mask, fp).sum())
        assert results[f"gray_{op}_sum"] == int(getattr(skimage.morphology, op)(coins, fp).sum())

    from scratch.data import nuclei as draw_nuclei  # the synthetic scene is the input data

    nuclei, truth = draw_nuclei((256, 256), n=30, seed=0)
    for name in ["isodata", "otsu", "triangle"]:
        t = getattr(skimage.filters, f"threshold_{name}")(nuclei)
        assert results[f"nuclei_{name}_threshold"] == t, name
        assert results[f"nuclei_{name}_matches_skimage"] is True
        assert_allclose(results[f"nuclei_{name}_pixel_accuracy"], np.mean((nuclei > t) == (truth > 0)))
    assert results["nuclei_otsu_pixel_accuracy"] > 0.95

    retina = skimage.util.img_as_float(skimage.data.retina()[::3, ::3, 1])
    response = np.clip(-ndi.gaussian_laplace(skimage.util.invert(retina), 2), 0, None)
    assert results["retina_log_max_abs_diff"] <= FLOAT_ATOL
    for name in ["otsu", "li", "triangle"]:
        expected = getattr(skimage.filters, f"threshold_{name}")(response)
        assert_allclose(results[f"retina_{name}_threshold"], expected, rtol=1e-7, err_msg=name)

    page = skimage.data.page()
    assert results["page_otsu_matches_skimage"] is True
    assert results["page_local_max_abs_diff"] <= FLOAT_ATOL
    assert_allclose(results["page_local_sum"],
                    skimage.filters.threshold_local(page, block_size=35, offset=10).sum(), rtol=SUM_RTOL)


# --- 04 segmentation --------------------------------------------------------------------------


def _iou_score(truth, labels):
    """(true nuclei with a segment of IoU > 0.5, mean best IoU), written out with loops."""
    best = []
    for k in range(1, int(truth.max()) + 1):
        nucleus = truth == k
        ious = [np.sum(nucleus & (labels == j)) / np.sum(nucleus | (labels == j))
                for j in np.unique(labels[nucleus]) if j != 0]
        best.append(max(ious, default=0.0))
    return int(np.sum(np.array(best) > 0.5)), float(np.mean(best))


def _segment_nuclei_skimage(footprint_size=15):
    """Chapter 04's pipeline with scikit-image / SciPy on the synthetic nuclei."""
    import skimage.measure
    import skimage.segmentation

    from scratch.data import nuclei as draw_nuclei  # the synthetic scene is the input data

    nuclei, truth = draw_nuclei((256, 256), n=30, seed=0)
    smooth = skimage.filters.gaussian(nuclei, 1, preserve_range=True)
    mask = smooth > skimage.filters.threshold_otsu(smooth)
    components = skimage.measure.label(mask)
    distance = ndi.distance_transform_edt(mask)
    distance_smooth = skimage.filters.gaussian(distance, 2)
    peaks = skimage.feature.peak_local_max(
        distance_smooth, footprint=np.ones((footprint_size,) * 2, bool), labels=components)
    markers = np.zeros(nuclei.shape, dtype=np.int32)
    markers[tuple(peaks.T)] = np.arange(1, len(peaks) + 1)
    seeded = skimage.segmentation.watershed(-distance_smooth, markers, mask=mask)
    return dict(nuclei=nuclei, truth=truth, smooth=smooth, mask=mask, components=components,
                distance=distance, distance_smooth=distance_smooth, peaks=peaks, seeded=seeded)


def check_04(results):
    import skimage.measure
    import skimage.segmentation

    tiny = np.array([[1, 1, 0, 0, 0], [1, 1, 0, 1, 1], [0, 0, 1, 0, 1], [0, 0, 0, 0, 0],
                     [1, 0, 0, 1, 1]], dtype=bool)
    assert results["tiny_components_conn1"] == skimage.measure.label(tiny, connectivity=1).max() == 5
    assert results["tiny_components_conn2"] == skimage.measure.label(tiny, connectivity=2).max() == 3
    for key in ["tiny_mismatches_vs_skimage", "components_mismatches_vs_skimage",
                "ws_naive_mismatches_vs_skimage", "ws_masked_mismatches_vs_skimage",
                "ws_smoothed_mismatches_vs_skimage", "ws_seeded_30_mismatches_vs_skimage",
                "ws_seeded_15_mismatches_vs_skimage"]:
        assert results[key] == 0, key
    for key in ["smooth_max_abs_diff", "edt_max_abs_diff", "distance_smooth_max_abs_diff"]:
        assert results[key] <= FLOAT_ATOL, key
    assert results["peaks_30_match_skimage"] is True and results["peaks_15_match_skimage"] is True
    assert results["otsu_matches_skimage"] is True

    ref = _segment_nuclei_skimage(15)
    truth, components, mask = ref["truth"], ref["components"], ref["mask"]
    assert results["otsu_threshold"] == skimage.filters.threshold_otsu(ref["smooth"])
    assert results["true_nuclei"] == truth.max() == 30
    assert results["components"] == components.max()
    areas = np.bincount(components.ravel())[1:]
    largest = int(np.argmax(areas)) + 1
    assert results["largest_component_label"] == largest
    assert results["largest_component_area"] == areas[largest - 1]
    assert results["largest_component_true_nuclei"] == len(set(truth[components == largest]) - {0})
    held = [len(set(truth[components == k]) - {0}) for k in range(1, components.max() + 1)]
    assert results["merged_components"] == sum(h > 1 for h in held)
    assert results["nuclei_in_merged_components"] == sum(h for h in held if h > 1)

    distance, distance_smooth = ref["distance"], ref["distance_smooth"]
    segmentations = {
        "components": components,
        "naive": skimage.segmentation.watershed(-distance),
        "masked": skimage.segmentation.watershed(-distance, mask=mask),
        "smoothed": skimage.segmentation.watershed(-distance_smooth, mask=mask),
        "seeded_30": _segment_nuclei_skimage(30)["seeded"],
        "seeded_15": ref["seeded"],
    }
    for name, labels in segmentations.items():
        if name != "components":
            assert results[f"ws_{name}_regions"] == labels.max(), name
        matched, mean_iou = _iou_score(truth, labels)
        assert results[f"{name}_matched"] == matched, name
        assert_allclose(results[f"{name}_mean_iou"], mean_iou, rtol=1e-12, err_msg=name)
    assert results["peaks_15_count"] == len(ref["peaks"])
    # the lessons of the chapter hold on this scene
    assert results["ws_masked_regions"] > results["true_nuclei"]  # over-segmentation
    assert results["seeded_15_matched"] > results["seeded_30_matched"]
    assert results["seeded_15_matched"] > results["components_matched"]
    assert results["seeded_15_matched"] >= 28


# --- 05 feature extraction ----------------------------------------------------------------------


def check_05(results):
    import skimage.measure

    ref = _segment_nuclei_skimage(15)
    labels, nuclei, truth = ref["seeded"], ref["nuclei"], ref["truth"]
    props = skimage.measure.regionprops(labels, intensity_image=nuclei)
    areas = np.array([p.area for p in props])
    assert results["segmented_nuclei"] == labels.max()
    assert results["count"] == len(props) == results["table_rows"]
    assert results["count_matches_skimage"] is True and results["table_columns_match"] is True
    assert results["area_total"] == areas.sum() == np.count_nonzero(labels)
    assert results["area_median"] == np.median(areas)
    k = int(np.argmax(areas))
    assert results["one_object_label"] == props[k].label
    assert results["one_object_area"] == props[k].area
    assert results["areas_max_abs_diff"] == 0 and results["centroids_max_abs_diff"] <= FLOAT_ATOL
    for key in ["one_object_max_rel_diff", "intensity_mean_max_rel_diff", "table_max_rel_diff",
                "two_channel_max_rel_diff"]:
        assert results[key] <= 1e-7, key  # DESIGN.md: regionprops agree to rtol 1e-7
    assert results["eccentricity_max_abs_diff"] <= FLOAT_ATOL

    # the second channel: the scene's channel 1 (channel 0 is chapter 04's image)
    from scratch.data import nuclei as draw_nuclei  # the synthetic scene is the input data

    image, truth2 = draw_nuclei((256, 256), n=30, seed=0, channels=2)
    np.testing.assert_array_equal(image[..., 0], nuclei)
    np.testing.assert_array_equal(truth2, truth)
    two = skimage.measure.regionprops_table(labels, image,
                                            properties=("label", "area", "intensity_mean"))
    assert results["two_channel_columns"] == ["label", "area", "intensity_mean-0", "intensity_mean-1",
                                              "intensity_max-0", "intensity_max-1"]
    assert_allclose(results["marker_mean_sum"], two["intensity_mean-1"].sum(), rtol=SUM_RTOL)
    stain, mark = two["intensity_mean-0"], two["intensity_mean-1"]
    assert_allclose(results["log10_marker_range"], np.log10(mark.max() / mark.min()), rtol=1e-9)
    assert_allclose(results["channel_correlation_log"], np.corrcoef(np.log(stain), np.log(mark))[0, 1],
                    rtol=1e-7, atol=1e-12)


# --- 06 tracking ----------------------------------------------------------------------------


def _fraction_correct(i, j, true_links):
    """Fraction of the true frame-0 -> frame-1 links among the index pairs (i, j)."""
    truth = {(int(r[1]), int(r[3])) for r in true_links}
    return len(truth & {(int(a), int(b)) for a, b in zip(i, j)}) / len(truth)


def _jaqaman_block(cost, alt):
    """Jaqaman et al. (2008), Fig. 1b, built here independently of scratch."""
    n, m = cost.shape
    finite = np.isfinite(cost)
    block = np.full((n + m, m + n), np.inf)
    block[:n, :m] = cost
    block[np.arange(n), m + np.arange(n)] = alt
    block[n + np.arange(m), np.arange(m)] = alt
    block[n:, m:][finite.T] = cost[finite].min()
    return block


def check_06(results):
    from scratch.tracking import toy_sequence  # the simulation is the data, not the thing tested

    def two_frames(diffusion, drift=0.0, seed=1, **kw):
        return toy_sequence(n=100, n_frames=2, shape=(200, 200), drift=drift,
                            diffusion=diffusion, seed=seed, **kw)

    assert results["nn_forward_mismatches_vs_scipy"] == 0
    assert results["nn_backward_mismatches_vs_scipy"] == 0
    assert results["hand_optimal_cost"] == results["hand_optimal_cost_scipy"] == 8.0
    assert results["hand_greedy_cost"] == 26.0

    for D, cost_ours, frac_opt, frac_nn in zip(results["diffusions"], results["optimal_costs"],
                                               results["optimal_fraction_correct"],
                                               results["nn_forward_fraction_correct"]):
        toy = two_frames(D)
        a, b = toy.positions
        cost = cdist(a, b, "sqeuclidean")
        rows, cols = linear_sum_assignment(cost)
        assert_allclose(cost_ours, cost[rows, cols].sum(), rtol=1e-9, err_msg=f"D={D}")
        # random real positions: the optimum is unique, so the links (and the score) are too
        assert_allclose(frac_opt, _fraction_correct(rows, cols, toy.true_links), rtol=1e-12)
        _, nearest = cKDTree(b).query(a)
        assert_allclose(frac_nn, _fraction_correct(np.arange(len(a)), nearest, toy.true_links),
                        rtol=1e-12)

    # drift: the optimal assignment (n = m, no births) is blind to a uniform drift
    drift_opt = results["drift_optimal_fraction_correct_D1"]
    for drift, frac in zip([0, 2, 4, 8, 12], drift_opt):
        toy = two_frames(1, drift=drift)
        a, b = toy.positions
        rows, cols = linear_sum_assignment(cdist(a, b, "sqeuclidean"))
        assert_allclose(frac, _fraction_correct(rows, cols, toy.true_links), rtol=1e-12)
    assert results["drift_nn_fraction_correct_D1"][-1] < drift_opt[-1]

    # intensity in the cost: the reference solves the same weighted cost matrix
    toy = two_frames(16)
    a, b = toy.positions
    fa, fb = toy.features["intensity"]
    for w, frac in zip(results["feature_weights"], results["feature_fraction_correct"]):
        cost = cdist(a, b, "sqeuclidean") + w * (fa[:, None] - fb[None, :]) ** 2
        rows, cols = linear_sum_assignment(cost)
        assert_allclose(frac, _fraction_correct(rows, cols, toy.true_links), rtol=1e-12, err_msg=f"w={w}")

    # gating with births and deaths: the same total cost as SciPy on Jaqaman's block matrix
    toy = two_frames(4, seed=2, birth_rate=0.15, death_rate=0.15)
    a, b = toy.positions
    cost = cdist(a, b, "sqeuclidean")
    cost[np.sqrt(cost) > 10.0] = np.inf
    block = _jaqaman_block(cost, 150.0)
    rows, cols = linear_sum_assignment(block)
    assert_allclose(results["gated_block_cost_scratch"], block[rows, cols].sum(), rtol=1e-9)
    gate_table = {g: (n, c, f) for g, n, c, f in results["gate_table"]}
    assert gate_table[10][2] < gate_table[-1][2]  # the gate removes false links

    # whole tracks: scored against the ground truth
    summary = results["tracks_summary"]
    assert summary["1"]["correct"] >= 0.95 and summary["1"]["false"] <= 0.05
    assert summary["1"]["correct"] > summary["0"]["correct"]  # gap closing helps
    assert all(s["purity"] >= 0.9 for s in summary.values())


# --- the registry -----------------------------------------------------------------------------

CHECKS = {
    "00_images_as_arrays": check_00,
    "01_pixel_operations": check_01,
    "02_filtering": check_02,
    "03_masks_and_thresholds": check_03,
    "04_segmentation": check_04,
    "05_feature_extraction": check_05,
    "06_tracking": check_06,
}


def test_every_tutorial_is_checked():
    scripts = sorted(p.stem for p in TUTORIALS.glob("[0-9][0-9]_*.py"))
    assert scripts, "no tutorials found"
    assert set(scripts) == set(CHECKS), f"tutorials without a checker: {set(scripts) - set(CHECKS)}"


SLOW = {"02_filtering"}  # over ~10 s (it times convolutions for its FFT-vs-direct plot)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in sorted(CHECKS)])
def test_tutorial(name, tmp_path):
    CHECKS[name](run_tutorial(name, tmp_path))


def test_build_notebooks(tmp_path):
    """The documented command writes an executed notebook (needs the `tutorials` extra)."""
    pytest.importorskip("jupytext")
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    import nbformat

    env = dict(os.environ, SCRATCH_TUTORIAL_OUT=str(tmp_path))
    proc = subprocess.run([sys.executable, str(TUTORIALS / "build_notebooks.py"), "00",
                           "--out", str(tmp_path / "notebooks")], env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-5000:]
    notebook = nbformat.read(tmp_path / "notebooks" / "00_images_as_arrays.ipynb", as_version=4)
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert [o for o in outputs if o.output_type == "display_data" and "image/png" in o.data]
    results = json.loads((tmp_path / "00_images_as_arrays" / "results.json").read_text())
    check_00(results)
