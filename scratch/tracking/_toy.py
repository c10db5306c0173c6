"""A toy tracking problem with its answer: points that drift, diffuse, appear, vanish and blink.

Every tracker needs data whose true links are known.  :func:`toy_sequence` simulates ``n``
particles in a field of view, frame after frame:

1. **motion** - each particle moves by ``drift + sqrt(2 D) * N(0, 1)`` per axis and frame
   (a biased random walk; ``D`` is the diffusion coefficient in pixels^2 per frame, so the
   mean squared step per axis is ``2 D``);
2. **deaths and births** - each particle dies with probability ``death_rate`` per frame, and
   a Poisson(``birth_rate * n``) number of new particles appear at uniform positions;
3. **missed detections** - an alive particle goes undetected in a frame with probability
   ``miss_rate`` (it keeps moving; a tracker with a memory may pick it up again);
4. **a feature** - each particle has a brightness drawn log-normal (``intensity_mean``,
   ``intensity_sigma``), measured in each frame with a relative Gaussian noise
   ``intensity_noise``.

The detections of each frame are shuffled, so that the row of a detection says nothing about
its identity; the true identity of every detection is returned alongside, and the *true
links* - each particle's consecutive detections, across missed frames too - as rows
``(frame_a, index_a, frame_b, index_b)``.
"""

from dataclasses import dataclass, field
from typing import List

import numpy as np

__all__ = ["ToySequence", "toy_sequence"]


@dataclass
class ToySequence:
    """Detections of a simulated sequence and their ground truth.

    Attributes
    ----------
    positions : list of ndarray, shape (n_t, ndim)
        Detected positions of frame ``t`` (shuffled).
    features : dict of str -> list of ndarray, shape (n_t,)
        Measured features per frame (``"intensity"``).
    particle : list of ndarray, shape (n_t,)
        The true particle id of every detection.
    true_links : ndarray, shape (n_links, 4)
        Rows ``(frame_a, index_a, frame_b, index_b)``: detection ``index_a`` of frame
        ``frame_a`` is the same particle as detection ``index_b`` of the later frame
        ``frame_b``, and the particle was not detected in between.
    """

    positions: List[np.ndarray]
    features: dict = field(default_factory=dict)
    particle: List[np.ndarray] = field(default_factory=list)
    true_links: np.ndarray = None

    @property
    def n_frames(self):
        return len(self.positions)


def toy_sequence(n=50, n_frames=10, shape=(256, 256), drift=0.5, diffusion=1.0,
                 birth_rate=0.0, death_rate=0.0, miss_rate=0.0, intensity_mean=100.0,
                 intensity_sigma=0.5, intensity_noise=0.05, seed=0):
    """Simulate detections of moving particles, with the true links.

    See the module docstring for the model.

    Parameters
    ----------
    n : int
        Particles in the first frame.
    n_frames : int
        Number of frames.
    shape : tuple of int
        Field of view; starting (and newborn) positions are uniform in it.  Particles may
        leave it.
    drift : float or sequence of float
        Mean displacement per frame (per axis).
    diffusion : float
        Diffusion coefficient ``D``; a step has standard deviation ``sqrt(2 D)`` per axis.
    birth_rate : float
        New particles per frame, as a fraction of ``n`` (Poisson mean ``birth_rate * n``).
    death_rate : float
        Probability that a particle disappears for good after each frame.
    miss_rate : float
        Probability that an alive particle is not detected in a frame.
    intensity_mean, intensity_sigma : float
        Each particle's brightness is ``intensity_mean * exp(intensity_sigma * N(0, 1))``.
    intensity_noise : float
        Relative noise of a brightness measurement.
    seed : int
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    ToySequence

    See Also
    --------
    scratch.data.particles : plain random walks, particle ``i`` in row ``i``.
    scratch.tracking.link : link such a sequence into tracks.

    Examples
    --------
    >>> from scratch.tracking import toy_sequence
    >>> toy = toy_sequence(n=5, n_frames=3, seed=1)
    >>> [p.shape for p in toy.positions]
    [(5, 2), (5, 2), (5, 2)]
    >>> toy.true_links.shape
    (10, 4)
    """
    rng = np.random.default_rng(seed)
    shape = np.asarray(shape, dtype=np.float64)
    ndim = shape.size
    drift = np.broadcast_to(np.asarray(drift, dtype=np.float64), (ndim,))
    step = np.sqrt(2.0 * diffusion)

    def newborn(count, first_id):
        pos = rng.uniform(0.0, 1.0, size=(count, ndim)) * shape
        bright = intensity_mean * np.exp(intensity_sigma * rng.standard_normal(count))
        return pos, bright, np.arange(first_id, first_id + count)

    pos, bright, ids = newborn(n, 0)
    next_id = n
    last_seen = {}  # particle id -> (frame, index) of its latest detection
    positions, intensity, particle, links = [], [], [], []
    for t in range(n_frames):
        if t > 0:
            # move, then deaths, then births
            pos = pos + drift + step * rng.standard_normal(pos.shape)
            alive = rng.random(ids.size) >= death_rate
            pos, bright, ids = pos[alive], bright[alive], ids[alive]
            n_new = rng.poisson(birth_rate * n) if birth_rate > 0 else 0
            if n_new:
                p2, b2, i2 = newborn(n_new, next_id)
                next_id += n_new
                pos = np.concatenate([pos, p2])
                bright = np.concatenate([bright, b2])
                ids = np.concatenate([ids, i2])
        detected = rng.random(ids.size) >= miss_rate
        order = rng.permutation(np.flatnonzero(detected))
        frame_ids = ids[order]
        measured = bright[order] * (1.0 + intensity_noise * rng.standard_normal(order.size))
        positions.append(pos[order].copy())
        intensity.append(measured)
        particle.append(frame_ids)
        for index, pid in enumerate(frame_ids):
            if pid in last_seen:
                fa, ia = last_seen[pid]
                links.append((fa, ia, t, index))
            last_seen[pid] = (t, index)
    true_links = np.array(sorted(links), dtype=np.int64).reshape(-1, 4)
    return ToySequence(positions=positions, features={"intensity": intensity},
                       particle=particle, true_links=true_links)
