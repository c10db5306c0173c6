"""Case tables of chapters 05 and 06: connected-component labeling and region measurements.

``label`` returns a label image (compared by :func:`~._compare.labels`: exact, numbering in
raster order included; "same partition, other numbering" is its own outcome) or, with
``return_num=True``, the pair ``(labels, num)`` (the count by :func:`~._compare.scalar`: a
Python ``int``).  Its inputs are images with few values (binary, three-valued integers), so
the components are many and irregular.

``regionprops_table`` takes a label image and an intensity image; its output is a dict of
columns, each compared by its dtype (:func:`~._compare.table`).  The property lists cover
what a course measures: area, bbox, centroid, moments, eccentricity, orientation, perimeter,
euler_number and the intensity statistics.
"""

from ._builders import image_spec, scene
from ._compare import each, labels, scalar, table
from ._core import Case
from ._inputs import Input, case_seed

SEGMENTATION = "05 segmentation"
FEATURES = "06 feature extraction"


# --- label -------------------------------------------------------------------------------


def _label_compare():
    """labels() for a label image, each(labels(), scalar()) for ``return_num=True``."""
    image_only = labels()
    with_num = each(labels(), scalar())

    def compare(ref, out, context=None):
        if isinstance(ref, tuple):
            return with_num(ref, out, context)
        return image_only(ref, out, context)

    compare.kind = "labels"
    return compare


def _few_values(shape, dtype, seed):
    """Images with few distinct values: binary for bool, 0..2 for integers, 0.0/1.0 for floats
    (random floats would make every pixel a component of its own)."""
    if dtype == "scene":
        return scene(shape[0], seed, part="mask", ndim=len(shape))
    if dtype == "bool":
        return Input("random", shape=tuple(shape), dtype="bool", seed=seed)
    if dtype in ("float32", "float64"):
        return Input("two_valued", shape=tuple(shape), dtype=dtype, low=0.0, high=1.0, seed=seed)
    return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0, high=2)


def _label_extra(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("label", seed, *parts)  # noqa: E731
    cases = []
    # Touching regions with different values (nuclei labels): components are per value.
    size = 128 if full else 48
    nuc = Input("nuclei", shape=(size, size), n=12 if full else 6, seed=s("nuclei"), part="labels",
                dtype="int32")
    for kw in ({}, {"connectivity": 1}, {"background": 3}, {"return_num": True}):
        cases.append(Case("values", f"nuclei labels {kw or 'defaults'}", (nuc,), kw))
    # 3-D: balls, and a random binary volume at each connectivity.
    vsize = 24 if full else 14
    vol = Input("blobs", shape=(vsize,) * 3, n=4, radius=2 if full else 1, seed=s("vol"), part="mask")
    rvol = Input("random", shape=(vsize - 2, vsize - 1, vsize), dtype="bool", seed=s("rvol"))
    for conn in (None, 1, 2, 3):
        kw = {} if conn is None else {"connectivity": conn}
        cases.append(Case("values", f"3-D balls {kw or 'defaults'}", (vol,), kw))
        cases.append(Case("values", f"3-D random binary {kw or 'defaults'}", (rvol,), {**kw, "return_num": True}))
    # 1-D and 4-D (the reference takes any ndim from 1).
    for conn in (None, 1):
        kw = {} if conn is None else {"connectivity": conn}
        cases.append(Case("shapes", f"1-D 30 {kw or ''}".strip(), (_few_values((30,), "uint8", s("1d")),), kw))
    cases.append(Case("shapes", "4-D 3×4×3×4", (_few_values((3, 4, 3, 4), "bool", s("4d")),), {}))
    cases.append(Case("shapes", "4-D 3×4×3×4 connectivity=4", (_few_values((3, 4, 3, 4), "bool", s("4d")),),
                      {"connectivity": 4}))
    # Negative values and a negative background; int64.
    neg = Input("random", shape=(16, 17), dtype="int32", seed=s("neg"), low=-2, high=1)
    cases.append(Case("edge cases", "negative values", (neg,), {}))
    cases.append(Case("edge cases", "negative background", (neg,), {"background": -1, "return_num": True}))
    cases.append(Case("edge cases", "constant = background", (Input("constant", shape=(9, 8), dtype="int32",
                                                                      value=4),), {"background": 4,
                                                                                   "return_num": True}))
    cases.append(Case("edge cases", "empty 0×5 return_num", (Input("constant", shape=(0, 5), dtype="bool"),),
                      {"return_num": True}))
    # Bad input: 0-d, connectivity out of range for the ndim.
    cases.append(Case("bad input", "0-d input", (Input("constant", shape=(), dtype="int32", value=1),), {}))
    vol_bad = _few_values((4, 5, 6), "bool", s("bad3"))
    cases.append(Case("bad input", "connectivity=4 on 3-D", (vol_bad,), {"connectivity": 4}))
    return cases


image_spec("label", "skimage.measure.label", "scratch.measure.label", chapter=SEGMENTATION,
           dtypes=("bool", "uint8", "uint16", "int32", "int64", "float32", "float64"), ndims=(1, 2, 3, 4),
           grid=({}, {"connectivity": 1}, {"connectivity": 2}, {"background": 1},
                 {"return_num": True}, {"connectivity": 1, "background": 0, "return_num": True}),
           compare=_label_compare(), radius=1, samples=("coins",), image=_few_values, smoke_dtype="bool",
           edges=("constant", "empty"),
           bad=[("connectivity=3 on 2-D", {"connectivity": 3}), ("connectivity=0", {"connectivity": 0})],
           extra=_label_extra, aliases=("skimage.morphology.label",))


# --- regionprops_table ---------------------------------------------------------------------

#: Works in 2-D and 3-D.
P_BASIC = ("label", "area", "bbox", "centroid", "intensity_mean", "intensity_max", "intensity_min")
#: Shape descriptors (2-D only: eccentricity and orientation are not defined in 3-D by skimage).
P_SHAPE = ("label", "moments", "moments_central", "eccentricity", "orientation", "axis_major_length",
           "axis_minor_length")
P_BOUNDARY = ("label", "perimeter", "euler_number", "area", "centroid")
P_MORE = ("label", "area_bbox", "extent", "equivalent_diameter_area", "centroid_local", "moments_normalized",
          "moments_hu", "inertia_tensor", "centroid_weighted")
P_3D = ("label", "area", "bbox", "centroid", "moments", "moments_central", "euler_number", "inertia_tensor",
        "intensity_mean", "intensity_max", "intensity_min")


def _region_labels(shape, dtype, seed):
    """Label images: few labels scattered (small shapes), or separate disks (the scene)."""
    if dtype == "scene":
        return Input("blobs", shape=tuple(shape), n=max(2, shape[0] // 12), radius=max(2, shape[0] // 10),
                     seed=seed, part="labels", dtype="int32")
    if dtype in ("bool", "float32", "float64"):
        return Input("two_valued", shape=tuple(shape), dtype=dtype, low=0, high=1, seed=seed)
    return Input("random", shape=tuple(shape), dtype=dtype, seed=seed, low=0, high=3)


def _shape_of(img):
    p = img.params
    return tuple(p.get("shape") or p.get("crop"))


def _intensity(img, seed):
    """The intensity image: the scene's own image for a scene, else random floats."""
    if img.kind == "blobs":
        return (Input("blobs", **{**img.params, "part": "image", "dtype": "float64"}),)
    return (Input("random", shape=_shape_of(img), dtype="float64", seed=seed + 1),)


def _props(properties, **kw):
    return {"properties": properties, **kw}


def _regionprops_extra(level, seed):
    full = level == "full"
    s = lambda *parts: case_seed("regionprops_table", seed, *parts)  # noqa: E731
    cases = []
    size = 128 if full else 48
    # Touching nuclei with their own noisy image: the course's measurement step.
    nuc = dict(shape=(size, size), n=12 if full else 6, seed=s("nuclei"))
    lab = Input("nuclei", **nuc, part="labels", dtype="int32")
    img = Input("nuclei", **nuc, part="image", dtype="float64")
    for props in (P_BASIC, P_SHAPE, P_BOUNDARY, P_MORE):
        cases.append(Case("values", f"nuclei {props[1]}…", (lab, img), _props(props)))
    # uint16 intensities (their max/min keep the dtype), spacing, separator.
    img16 = Input("random", shape=(size, size), dtype="uint16", seed=s("u16"))
    cases.append(Case("values", "nuclei, uint16 intensity", (lab, img16), _props(P_BASIC)))
    cases.append(Case("values", "spacing=(2.0, 0.5)", (lab, img),
                      _props(("label", "area", "centroid", "bbox", "moments_central", "perimeter"),
                             spacing=(2.0, 0.5))))
    cases.append(Case("values", "separator='_'", (lab, img), _props(("label", "bbox", "moments"), separator="_")))
    cases.append(Case("values", "no intensity image", (lab,), _props(("label", "area", "bbox", "orientation"))))
    # 3-D balls.
    vsize = 24 if full else 16
    vol = dict(shape=(vsize,) * 3, n=3, radius=2, seed=s("vol"))
    vlab = Input("blobs", **vol, part="labels", dtype="int32")
    vimg = Input("blobs", **vol, part="image", dtype="float64")
    cases.append(Case("values", "3-D balls", (vlab, vimg), _props(P_3D)))
    cases.append(Case("values", "3-D balls spacing=(1, 2, 3)", (vlab, vimg),
                      _props(("label", "area", "centroid", "bbox"), spacing=(1.0, 2.0, 3.0))))
    # Edge cases: negative labels are background; a single pixel region; one region.
    neg = Input("random", shape=(16, 17), dtype="int32", seed=s("neg"), low=-2, high=2)
    cases.append(Case("edge cases", "negative labels", (neg, Input("random", shape=(16, 17), dtype="float64",
                                                                   seed=s("negi"))), _props(P_BASIC)))
    one = Input("array", values=[[0, 0, 0], [0, 7, 0], [0, 0, 0]], dtype="int32")
    cases.append(Case("edge cases", "one pixel region", (one,), _props(("label", "area", "centroid", "moments",
                                                                         "moments_central", "perimeter",
                                                                         "euler_number", "eccentricity"))))
    ring = Input("array", values=[[1, 1, 1, 1], [1, 0, 0, 1], [1, 1, 1, 1]], dtype="uint8")
    cases.append(Case("edge cases", "region with a hole", (ring,), _props(P_BOUNDARY)))
    # Bad input.
    small = _region_labels((16, 16), "int32", s("bad"))
    inten = Input("random", shape=(16, 16), dtype="float64", seed=s("bad"))
    cases.append(Case("bad input", "bool label image", (_region_labels((16, 16), "bool", s("b")), inten),
                      _props(P_BASIC)))
    cases.append(Case("bad input", "float label image", (_region_labels((16, 16), "float64", s("f")), inten),
                      _props(P_BASIC)))
    cases.append(Case("bad input", "intensity shape mismatch",
                      (small, Input("random", shape=(16, 15), dtype="float64", seed=1)), _props(P_BASIC)))
    cases.append(Case("bad input", "unknown property", (small, inten), _props(("label", "no_such_property"))))
    cases.append(Case("bad input", "intensity property without intensity image", (small,),
                      _props(("label", "intensity_mean"))))
    vbad = _region_labels((5, 6, 7), "int32", s("3d"))
    for prop in ("eccentricity", "orientation", "perimeter"):
        cases.append(Case("bad input", f"{prop} in 3-D", (vbad,), _props(("label", prop))))
    return cases


image_spec("regionprops_table", "skimage.measure.regionprops_table", "scratch.measure.regionprops_table",
           chapter=FEATURES, dtypes=("uint8", "uint16", "int32", "int64"), ndims=(2, 3),
           grid=(_props(P_BASIC), _props(P_SHAPE), _props(P_BOUNDARY), _props(P_MORE)),
           args=_intensity, compare=table(), radius=1, samples=(), image=_region_labels, smoke_dtype="int32",
           edges=("constant", "empty"), extra=_regionprops_extra)
