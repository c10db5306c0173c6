"""Sample images and synthetic scenes with known ground truth.

Two kinds of test input live here, both deterministic:

**Sample images** — the photographs and micrographs that ship *inside* the scikit-image
wheel (``skimage/data/*.png``): :func:`camera`, :func:`coins`, :func:`moon`,
:func:`immunohistochemistry`, :func:`retina`, :func:`astronaut`, :func:`cell`, ...
:func:`load` reads any of them by name and :data:`SAMPLES` lists them.  The images that
scikit-image downloads on demand (``cells3d``, ``human_mitosis``, ``kidney``, ...) are
deliberately absent: scratch must work without a network.  This module (and the tour) is
the only place in scratch that imports scikit-image, and it does so lazily, inside the
functions, so that ``import scratch.data`` stays fast.

**Synthetic scenes** — images drawn from a seeded random generator *together with the
answer* a pipeline should recover:

* :func:`blobs` — non-touching noisy disks (balls in 3-D) and their label image, the
  labels numbered in raster order exactly as ``skimage.measure.label`` numbers them;
* :func:`nuclei` — touching, elliptical, nuclei-like objects in a uint16 image with
  Poisson noise, and the label image a watershed should reproduce;
* :func:`volume` — a 3-D :func:`blobs` scene;
* :func:`checkerboard` — a float checkerboard (edges at known places);
* :func:`particles` — random-walk trajectories, the ground truth for linking/tracking.

The same ``seed`` always gives the same scene (NumPy's ``default_rng``), on every machine.
"""

from collections import namedtuple

import numpy as np

__all__ = [
    "SAMPLES",
    "Scene",
    "load",
    "camera",
    "coins",
    "moon",
    "immunohistochemistry",
    "retina",
    "astronaut",
    "cell",
    "page",
    "text",
    "horse",
    "hubble_deep_field",
    "microaneurysms",
    "brick",
    "grass",
    "gravel",
    "clock",
    "chelsea",
    "coffee",
    "shepp_logan_phantom",
    "blobs",
    "nuclei",
    "volume",
    "checkerboard",
    "particles",
]

#: A synthetic scene: the ``image`` and the ``labels`` (int32, 0 = background) it was drawn from.
Scene = namedtuple("Scene", ["image", "labels"])
Scene.__doc__ = """A synthetic image and its ground-truth label image (0 is background)."""

# name -> (shape, dtype, description); all of these are files inside the scikit-image wheel.
_SAMPLE_INFO = {
    "camera": ((512, 512), "uint8", "the cameraman, a classic gray-level test photograph"),
    "coins": ((303, 384), "uint8", "Greek coins on a gray background (thresholding, labeling)"),
    "moon": ((512, 512), "uint8", "the lunar surface, low contrast (exposure, sharpening)"),
    "immunohistochemistry": (
        (512, 512, 3),
        "uint8",
        "immunohistochemical (IHC) staining with hematoxylin counterstain, RGB",
    ),
    "retina": ((1411, 1411, 3), "uint8", "human retina fundus photograph, RGB (vessels)"),
    "astronaut": ((512, 512, 3), "uint8", "Eileen Collins, NASA astronaut, RGB"),
    "cell": ((660, 550), "uint8", "a cell imaged by phase-contrast microscopy"),
    "page": ((191, 384), "uint8", "a scanned page with uneven illumination (local thresholds)"),
    "text": ((172, 448), "uint8", "text on a gradient background"),
    "horse": ((328, 400), "bool", "the silhouette of a horse (binary morphology)"),
    "hubble_deep_field": ((872, 1000, 3), "uint8", "the Hubble deep field, RGB (blob detection)"),
    "microaneurysms": ((102, 102), "uint8", "retinal microaneurysms, gray level"),
    "brick": ((512, 512), "uint8", "a brick wall (texture)"),
    "grass": ((512, 512), "uint8", "grass (texture)"),
    "gravel": ((512, 512), "uint8", "gravel (texture)"),
    "clock": ((300, 400), "uint8", "a clock photographed with motion blur"),
    "chelsea": ((300, 451, 3), "uint8", "Chelsea the cat, RGB"),
    "coffee": ((400, 600, 3), "uint8", "a coffee cup, RGB"),
    "shepp_logan_phantom": ((400, 400), "float64", "the Shepp-Logan head phantom"),
}

#: Names of the sample images that ship with scikit-image (readable offline).
SAMPLES = tuple(_SAMPLE_INFO)


def load(name):
    """Read one of scikit-image's bundled sample images by name.

    Parameters
    ----------
    name : str
        One of :data:`SAMPLES` (``"camera"``, ``"coins"``, ``"retina"``, ...) or the name of a
        synthetic scene of this module (``"blobs"``, ``"nuclei"``, ``"volume"``,
        ``"checkerboard"``), which is then drawn with its default arguments.

    Returns
    -------
    image : ndarray or Scene
        A fresh array (the caller may modify it); for a synthetic scene with ground truth the
        :class:`Scene` ``(image, labels)``.

    Raises
    ------
    ValueError
        If ``name`` is not a known sample or scene.

    Examples
    --------
    >>> from scratch import data
    >>> data.load("coins").shape
    (303, 384)
    """
    if name in _SAMPLE_INFO:
        import skimage.data  # lazily: importing scratch.data must stay cheap

        return np.array(getattr(skimage.data, name)())
    if name in _SCENES:
        return _SCENES[name]()
    known = ", ".join(SAMPLES + tuple(_SCENES))
    raise ValueError(f"`name` must be one of the sample images or scenes ({known}), got {name!r}")


def _make_sample_reader(name):
    shape, dtype, description = _SAMPLE_INFO[name]

    def reader():
        return load(name)

    reader.__name__ = reader.__qualname__ = name
    reader.__doc__ = f"""{description[0].upper()}{description[1:]}.

    Read from the file bundled with scikit-image (``skimage.data.{name}``), so it works
    offline.

    Returns
    -------
    image : ndarray of shape {shape} and dtype {dtype}
        A fresh copy.

    See Also
    --------
    skimage.data.{name}

    Examples
    --------
    >>> from scratch import data
    >>> data.{name}().shape
    {shape}
    """
    return reader


camera = _make_sample_reader("camera")
coins = _make_sample_reader("coins")
moon = _make_sample_reader("moon")
immunohistochemistry = _make_sample_reader("immunohistochemistry")
retina = _make_sample_reader("retina")
astronaut = _make_sample_reader("astronaut")
cell = _make_sample_reader("cell")
page = _make_sample_reader("page")
text = _make_sample_reader("text")
horse = _make_sample_reader("horse")
hubble_deep_field = _make_sample_reader("hubble_deep_field")
microaneurysms = _make_sample_reader("microaneurysms")
brick = _make_sample_reader("brick")
grass = _make_sample_reader("grass")
gravel = _make_sample_reader("gravel")
clock = _make_sample_reader("clock")
chelsea = _make_sample_reader("chelsea")
coffee = _make_sample_reader("coffee")
shepp_logan_phantom = _make_sample_reader("shepp_logan_phantom")


# --- synthetic scenes -------------------------------------------------------------------


def _raster_order(labels):
    """Renumber labels 1..n in the order their first pixel appears in a raster scan.

    That is how ``skimage.measure.label`` numbers connected components, so a ground truth
    in this order can be compared with a labeling exactly.
    """
    flat = labels.ravel()
    values, first = np.unique(flat, return_index=True)
    keep = values != 0
    values, first = values[keep], first[keep]
    order = values[np.argsort(first)]
    lut = np.zeros(int(flat.max()) + 1 if flat.size else 1, dtype=np.int32)
    lut[order] = np.arange(1, len(order) + 1, dtype=np.int32)
    return lut[labels]


def _place_centres(rng, shape, n, margin, min_distance, what):
    """Rejection-sample ``n`` integer centres ``margin`` away from the border, pairwise
    at least ``min_distance`` apart."""
    shape = np.asarray(shape)
    if np.any(shape - 2 * margin < 1):
        raise ValueError(f"`shape` {tuple(shape)} is too small for {what} of this size")
    centres = []
    for _ in range(200 * n + 1000):
        if len(centres) == n:
            break
        c = rng.integers(margin, shape - margin, endpoint=False)
        if all(np.sum((c - other) ** 2) >= min_distance**2 for other in centres):
            centres.append(c)
    if len(centres) < n:
        raise ValueError(
            f"could not place n={n} {what} in shape {tuple(shape)}: use fewer or smaller ones"
        )
    return np.array(centres, dtype=np.int64).reshape(n, len(shape))


def blobs(shape=(256, 256), n=12, radius=10, seed=0, noise=0.05, background=0.1):
    """Non-touching bright disks (balls in 3-D) on a dark, noisy background.

    Each blob is the set of pixels within ``radius`` of an integer centre; centres are
    sampled with rejection so that any two blobs are at least 2 pixels apart (they stay
    separate components under 8-/26-connectivity).  Each blob gets a brightness in
    [0.6, 1.0]; Gaussian noise of standard deviation ``noise`` is added.

    Parameters
    ----------
    shape : tuple of int
        Image shape, any number of dimensions (2-D and 3-D are typical).
    n : int
        Number of blobs.
    radius : int
        Blob radius in pixels.
    seed : int
        Seed of ``numpy.random.default_rng``: the same seed gives the same scene.
    noise : float
        Standard deviation of the additive Gaussian noise.
    background : float
        Background level.

    Returns
    -------
    scene : Scene
        ``image`` (float64) and ``labels`` (int32): 0 for background, blobs numbered
        1..n in raster order of their first pixel, as ``skimage.measure.label`` numbers them.

    Raises
    ------
    ValueError
        If ``n`` blobs of this radius do not fit in ``shape``.

    Examples
    --------
    >>> from scratch import data
    >>> image, labels = data.blobs((64, 64), n=3, radius=5)
    >>> image.shape, int(labels.max())
    ((64, 64), 3)
    """
    shape = tuple(int(s) for s in shape)
    rng = np.random.default_rng(seed)
    centres = _place_centres(rng, shape, n, radius + 1, 2 * radius + 3, "blobs")
    labels = np.zeros(shape, dtype=np.int32)
    brightness = rng.uniform(0.6, 1.0, size=n)
    image = np.full(shape, float(background))
    for k, c in enumerate(centres):
        box = tuple(slice(ci - radius, ci + radius + 1) for ci in c)
        grid = np.ogrid[box]
        inside = sum((g - ci) ** 2 for g, ci in zip(grid, c)) <= radius**2
        labels[box][inside] = k + 1
        image[box][inside] = background + brightness[k]
    image += rng.normal(0.0, noise, size=shape)
    return Scene(image, _raster_order(labels))


def volume(shape=(48, 64, 64), n=10, radius=6, seed=0, noise=0.05):
    """A 3-D scene: non-touching noisy balls and their labels (see :func:`blobs`).

    Parameters
    ----------
    shape : tuple of 3 int
        Volume shape (planes, rows, columns).
    n, radius, seed, noise
        As for :func:`blobs`.

    Returns
    -------
    scene : Scene
        ``image`` (float64, 3-D) and ``labels`` (int32, raster order).

    Examples
    --------
    >>> from scratch import data
    >>> data.volume().image.shape
    (48, 64, 64)
    """
    if len(shape) != 3:
        raise ValueError(f"`shape` must have 3 items, got {shape!r}")
    return blobs(shape, n=n, radius=radius, seed=seed, noise=noise)


def nuclei(shape=(256, 256), n=30, seed=0, photons=400.0, background_slope=0.0, channels=1):
    """Touching, elliptical, nuclei-like objects with Poisson noise — a watershed exercise.

    Each nucleus is an ellipse with semi-axes in [7, 13] pixels, a random orientation and a
    brightness in [0.5, 1.0]; its edge is soft (a logistic profile about one pixel wide).
    Centres are at least 12 pixels apart, so neighbours often touch.  A pixel belongs to
    the nucleus whose ellipse contains it most deeply (smallest normalised radius), which
    splits touching nuclei along the line a watershed of the distance transform would find.
    The intensity is ``100 + photons * clean`` counts with Poisson noise.

    Two options make the scene harder and richer (both off by default, and neither changes
    the default image):

    * **Uneven background** (``background_slope > 0``): a smooth illumination gradient is
      added to the expected counts *before* the Poisson noise.  It rises linearly along the
      diagonal, from 0 at the top-left corner to ``background_slope * photons`` counts at the
      bottom-right one — with ``background_slope=1`` the far background is brighter than the
      dimmest nuclei near the near corner, so one global threshold fails and a local one
      (``threshold_local``) is needed.
    * **A second channel** (``channels=2``): a nuclear marker measured in the same nuclei.
      Each nucleus gets a level drawn log-normally (median 50 counts, ``sigma=1.5`` in log,
      so levels span orders of magnitude), independently of its brightness in channel 0;
      the marker fills exactly the nucleus's label pixels, on a dark background of 5 counts,
      with Poisson noise.  Channel 0 is the same image as with ``channels=1`` (the marker's
      random numbers are drawn after it); the gradient applies to channel 0 only.

    Parameters
    ----------
    shape : tuple of 2 int
        Image shape.
    n : int
        Number of nuclei.
    seed : int
        Seed of ``numpy.random.default_rng``.
    photons : float
        Expected counts of the brightest nucleus above background (higher = less noise).
    background_slope : float
        Height of the illumination gradient, as a fraction of ``photons`` (0 = flat
        background, the default; must be >= 0).
    channels : {1, 2}
        1 for the nuclear stain alone (a 2-D image); 2 adds the marker as a second channel
        on a last axis.

    Returns
    -------
    scene : Scene
        ``image`` (uint16 counts; shape ``shape``, or ``shape + (2,)`` with ``channels=2``)
        and ``labels`` (int32, raster order), the same labels for both channels.

    Raises
    ------
    ValueError
        If ``shape`` is not 2-D, ``channels`` is not 1 or 2, ``background_slope`` is
        negative or not finite, or the nuclei do not fit.

    Examples
    --------
    >>> from scratch import data
    >>> image, labels = data.nuclei((128, 128), n=8)
    >>> image.dtype, int(labels.max())
    (dtype('uint16'), 8)
    >>> image, labels = data.nuclei((128, 128), n=8, background_slope=1.0, channels=2)
    >>> image.shape, labels.shape
    ((128, 128, 2), (128, 128))
    """
    shape = tuple(int(s) for s in shape)
    if len(shape) != 2:
        raise ValueError(f"`shape` must have 2 items, got {shape!r}")
    if channels not in (1, 2):
        raise ValueError(f"`channels` must be 1 or 2, got {channels!r}")
    background_slope = float(background_slope)
    if not (np.isfinite(background_slope) and background_slope >= 0):
        raise ValueError(f"`background_slope` must be finite and >= 0, got {background_slope!r}")
    rng = np.random.default_rng(seed)
    centres = _place_centres(rng, shape, n, 8, 12, "nuclei")
    axes = rng.uniform(7.0, 13.0, size=(n, 2))
    angles = rng.uniform(0.0, np.pi, size=n)
    brightness = rng.uniform(0.5, 1.0, size=n)

    clean = np.zeros(shape)
    depth = np.full(shape, np.inf)  # smallest normalised radius seen so far
    labels = np.zeros(shape, dtype=np.int32)
    for k in range(n):
        reach = int(np.ceil(axes[k].max())) + 3
        r0, c0 = centres[k]
        rs = slice(max(r0 - reach, 0), min(r0 + reach + 1, shape[0]))
        cs = slice(max(c0 - reach, 0), min(c0 + reach + 1, shape[1]))
        rr, cc = np.ogrid[rs, cs]
        dy, dx = rr - r0, cc - c0
        cos, sin = np.cos(angles[k]), np.sin(angles[k])
        u = (dx * cos + dy * sin) / axes[k, 0]
        v = (-dx * sin + dy * cos) / axes[k, 1]
        d = np.sqrt(u**2 + v**2)  # 1 on the ellipse
        profile = brightness[k] / (1.0 + np.exp((d - 1.0) * axes[k].mean()))
        clean[rs, cs] = np.maximum(clean[rs, cs], profile)
        win = (d <= 1.0) & (d < depth[rs, cs])
        labels[rs, cs][win] = k + 1
        depth[rs, cs] = np.where(win, d, depth[rs, cs])
    expected = 100.0 + photons * clean
    if background_slope:  # skipped when 0, so the default image stays bit for bit the same
        rr, cc = np.ogrid[: shape[0], : shape[1]]
        ramp = (rr / max(shape[0] - 1, 1) + cc / max(shape[1] - 1, 1)) / 2  # 0 .. 1 on the diagonal
        expected = expected + background_slope * photons * ramp
    counts = rng.poisson(expected)
    labels = _raster_order(labels)
    if channels == 1:
        return Scene(counts.astype(np.uint16), labels)
    # the marker: drawn after channel 0, so channel 0 is unchanged; one level per nucleus
    level = np.concatenate([[0.0], rng.lognormal(np.log(50.0), 1.5, size=int(labels.max()))])
    marker = np.minimum(rng.poisson(5.0 + level[labels]), np.iinfo(np.uint16).max)
    return Scene(np.stack([counts, marker], axis=-1).astype(np.uint16), labels)


def checkerboard(shape=(256, 256), square=32, low=0.0, high=1.0):
    """A float checkerboard: squares of ``square`` pixels, ``low`` at the origin.

    Its edges are at known places (multiples of ``square``), which makes it a clean input
    for edge filters and a test of boundary modes.

    Parameters
    ----------
    shape : tuple of int
        Image shape (any ndim).
    square : int
        Side of one square in pixels.
    low, high : float
        The two gray levels.

    Returns
    -------
    image : ndarray of float64

    Examples
    --------
    >>> from scratch import data
    >>> data.checkerboard((4, 4), square=2)
    array([[0., 0., 1., 1.],
           [0., 0., 1., 1.],
           [1., 1., 0., 0.],
           [1., 1., 0., 0.]])
    """
    if int(square) < 1:
        raise ValueError(f"`square` must be >= 1, got {square!r}")
    grids = np.indices(tuple(int(s) for s in shape)) // int(square)
    parity = grids.sum(axis=0) % 2
    return np.where(parity == 1, float(high), float(low))


def particles(n=50, n_frames=10, shape=(512, 512), step=2.0, seed=0):
    """Random-walk trajectories of ``n`` particles: the ground truth of a tracking exercise.

    Starting positions are uniform in ``shape``; each frame every particle moves by a
    Gaussian step of standard deviation ``step`` pixels per axis (positions may leave the
    field of view).  Particle ``i`` is row ``i`` in every frame, so the correct linking
    from frame ``t`` to ``t + 1`` is the identity.

    Parameters
    ----------
    n : int
        Number of particles.
    n_frames : int
        Number of frames.
    shape : tuple of int
        Field of view (sets the number of coordinates and the range of the start).
    step : float
        Standard deviation of a step per axis, in pixels.
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    tracks : ndarray of shape (n_frames, n, len(shape)) and dtype float64

    Examples
    --------
    >>> from scratch import data
    >>> data.particles(n=5, n_frames=3).shape
    (3, 5, 2)
    """
    rng = np.random.default_rng(seed)
    start = rng.uniform(0.0, 1.0, size=(n, len(shape))) * np.asarray(shape, dtype=float)
    steps = rng.normal(0.0, step, size=(n_frames - 1, n, len(shape)))
    return np.concatenate([start[None], start[None] + np.cumsum(steps, axis=0)], axis=0)


_SCENES = {"blobs": blobs, "nuclei": nuclei, "volume": volume, "checkerboard": checkerboard}
