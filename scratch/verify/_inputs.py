"""Inputs that rebuild themselves from a recorded seed.

Every array a verify case passes to a function is an :class:`Input`: a *recipe* (a kind and
its parameters, a seed among them) rather than the array itself.  The recipe is what the
report prints, so that a failing case can be rebuilt anywhere with one call::

    from scratch.verify import make_input
    image = make_input("random", shape=(16, 17), dtype="uint8", seed=1234)

The kinds
---------
``random``      uniform values over the dtype's usual range: [0, 1) for floats, the full
                range for uint8/uint16, [-1000, 1000] for signed integers, p=0.5 for bool
                (``low``/``high`` narrow it; complex: ``imag=`` fixes the imaginary part)
``sample``      a crop of one of scikit-image's bundled images (``scratch.data.load``)
``blobs``       a noisy scene of separate disks (``scratch.data.blobs``); ``part`` picks the
                image, its label image or the mask (labels > 0)
``nuclei``      touching nuclei with Poisson noise (``scratch.data.nuclei``), same ``part``
``constant``    every element equal to ``value``
``two_valued``  ``low`` or ``high`` at random
``special``     a random float image with a fraction of NaN / inf / -inf
``points``      ``n`` random points in ``dim`` dimensions (KD-trees, distance matrices)
``costs``       a random cost matrix (integers when ``integers=True``: ties on purpose)
``array``       a literal array (small kernels and footprints), stored in the recipe

Every kind takes ``layout``: ``"C"`` (default), ``"F"`` (Fortran order), ``"reversed"``
(negative strides along every axis, same values) or ``"readonly"``, and ``byteorder``:
``"="`` (native, default) or ``">"``/``"<"``.  The values never depend on the layout.
"""

import zlib

import numpy as np

__all__ = ["Input", "make_input", "case_seed"]


def case_seed(*parts):
    """A stable 31-bit seed from any strings/ints (the same on every machine and run)."""
    text = "/".join(str(p) for p in parts)
    return zlib.crc32(text.encode()) & 0x7FFFFFFF


def _random(shape, dtype, seed, low=None, high=None, imag=None):
    rng = np.random.default_rng(seed)
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.random(shape) < 0.5
    if dtype.kind == "f":
        lo = 0.0 if low is None else low
        hi = 1.0 if high is None else high
        return (lo + (hi - lo) * rng.random(shape)).astype(dtype)
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        if low is None:
            low = info.min if dtype.kind == "u" and dtype.itemsize <= 2 else max(info.min, -1000)
        if high is None:
            high = info.max if dtype.kind == "u" and dtype.itemsize <= 2 else min(info.max, 1000)
        return rng.integers(low, high, size=shape, endpoint=True).astype(dtype)
    if dtype.kind == "c":  # imag=x: a constant imaginary part
        im = rng.random(shape) if imag is None else np.full(shape, float(imag))
        return (rng.random(shape) + 1j * im).astype(dtype)
    raise ValueError(f"make_input('random'): no generator for dtype {dtype}")


def _convert(image, dtype):
    """Bring a sample image to ``dtype`` the way img_as_float / img_as_ubyte would."""
    from scratch._tour.catalogue import to_dtype

    return to_dtype(image, dtype)


def _sample(name, crop=None, offset=(0, 0), dtype=None, gray=True):
    from scratch import data

    image = np.asarray(data.load(name))
    if gray and image.ndim == 3 and image.shape[-1] in (3, 4):
        from scratch._tour.catalogue import _gray

        image = _gray(image)  # float in [0, 1]
        if dtype is None:
            dtype = "float64"
    if crop is not None:
        r0, c0 = offset
        image = image[r0:r0 + crop[0], c0:c0 + crop[1]]
    if dtype is not None:
        image = _convert(image, dtype)
    return np.ascontiguousarray(image)


def _scene(maker, part, dtype, **params):
    scene = maker(**params)
    if part == "image":
        out = scene.image
    elif part == "labels":
        out = scene.labels
    elif part == "mask":
        out = scene.labels > 0
    else:
        raise ValueError(f"make_input: part must be 'image', 'labels' or 'mask', got {part!r}")
    out = np.asarray(out)
    if dtype is not None:
        out = _convert(out, dtype) if part == "image" else out.astype(dtype)
    return out


def _special(shape, dtype, seed, value, fraction=0.1):
    rng = np.random.default_rng(seed)
    out = rng.random(shape).astype(dtype)
    hit = rng.random(shape) < fraction
    if not hit.any() and out.size:
        hit.flat[out.size // 2] = True
    out[hit] = {"nan": np.nan, "inf": np.inf, "-inf": -np.inf}[value]
    return out


def _build(kind, params):
    p = dict(params)
    if kind == "random":
        return _random(tuple(p.pop("shape")), p.pop("dtype", "float64"), p.pop("seed", 0), **p)
    if kind == "sample":
        return _sample(**p)
    if kind in ("blobs", "nuclei"):
        from scratch import data

        maker = data.blobs if kind == "blobs" else data.nuclei
        part = p.pop("part", "image")
        dtype = p.pop("dtype", None)
        if "shape" in p:
            p["shape"] = tuple(p["shape"])
        return _scene(maker, part, dtype, **p)
    if kind == "constant":
        return np.full(tuple(p["shape"]), p.get("value", 0), dtype=p.get("dtype", "float64"))
    if kind == "two_valued":
        rng = np.random.default_rng(p.get("seed", 0))
        shape = tuple(p["shape"])
        pick = rng.random(shape) < 0.5
        if pick.size > 1:  # both values present
            pick.flat[0], pick.flat[-1] = True, False
        out = np.where(pick, p.get("high", 1), p.get("low", 0))
        return out.astype(p.get("dtype", "float64"))
    if kind == "special":
        return _special(tuple(p["shape"]), p.get("dtype", "float64"), p.get("seed", 0),
                        p.get("value", "nan"), p.get("fraction", 0.1))
    if kind == "points":
        rng = np.random.default_rng(p.get("seed", 0))
        return rng.random((p["n"], p.get("dim", 2))) * p.get("scale", 1.0)
    if kind == "costs":
        rng = np.random.default_rng(p.get("seed", 0))
        shape = tuple(p["shape"])
        if p.get("integers", False):
            return rng.integers(0, p.get("high", 10), size=shape).astype(np.float64)
        return rng.random(shape) * p.get("scale", 1.0)
    if kind == "array":
        return np.array(p["values"], dtype=p.get("dtype"))
    raise ValueError(f"make_input: unknown kind {kind!r}")


def _apply_layout(a, layout, byteorder):
    if byteorder not in ("=", None) and a.dtype.kind not in "bO" and a.dtype.itemsize > 1:
        a = a.astype(a.dtype.newbyteorder(byteorder))
    if layout in (None, "C"):
        return np.ascontiguousarray(a) if a.ndim else a
    if layout == "F":
        return np.asfortranarray(a)
    if layout == "reversed":
        flipped = np.ascontiguousarray(a[(slice(None, None, -1),) * a.ndim])
        return flipped[(slice(None, None, -1),) * a.ndim]  # same values, negative strides
    if layout == "readonly":
        a = np.array(a)
        a.flags.writeable = False
        return a
    raise ValueError(f"make_input: layout must be 'C', 'F', 'reversed' or 'readonly', got {layout!r}")


def make_input(kind, **params):
    """Build the array a verify case describes (see the module docstring for the kinds)."""
    layout = params.pop("layout", "C")
    byteorder = params.pop("byteorder", "=")
    return _apply_layout(_build(kind, params), layout, byteorder)


class Input:
    """A recipe for one input array: ``Input("random", shape=(16, 17), dtype="uint8", seed=3)``.

    ``build()`` returns a fresh array every call (callers may not share it); ``code()`` is the
    Python expression that rebuilds it, for the report's snippets; ``describe()`` is short.
    """

    __slots__ = ("kind", "params", "_cache")

    def __init__(self, kind, **params):
        self.kind = kind
        self.params = params
        self._cache = None

    def build(self):
        if self._cache is None:
            self._cache = make_input(self.kind, **self.params)
        a = self._cache
        if a.flags.writeable:
            return a.copy(order="K") if self.params.get("layout") != "reversed" else \
                _apply_layout(a.copy(), "reversed", "=")
        return _apply_layout(a.copy(), "readonly", "=")

    def key(self):
        return (self.kind, tuple(sorted((k, repr(v)) for k, v in self.params.items())))

    def code(self):
        if self.kind == "array" and set(self.params) <= {"values", "dtype"}:
            dtype = self.params.get("dtype")
            values = np.array(self.params["values"]).tolist()
            return f"np.array({values!r}" + (f", dtype={str(np.dtype(dtype))!r})" if dtype else ")")
        args = ", ".join(f"{k}={_short(v)}" for k, v in self.params.items())
        return f"make_input({self.kind!r}{', ' if args else ''}{args})"

    def describe(self):
        p = self.params
        shape = p.get("shape") or p.get("crop")
        bits = [self.kind if self.kind != "random" else ""]
        if self.kind == "sample":
            bits = [p["name"]]
        if shape is not None:
            bits.append("×".join(str(s) for s in shape) if len(shape) else "0-d")
        if "dtype" in p:
            bits.append(str(np.dtype(p["dtype"])) if p["dtype"] is not None else "")
        if self.kind == "special":
            bits.append(f"with {p.get('value', 'nan')}")
        if self.kind == "constant":
            bits.append(f"= {p.get('value', 0)}")
        if p.get("layout", "C") != "C":
            bits.append(f"{p['layout']} layout")
        if p.get("byteorder", "=") != "=":
            bits.append(f"byte order {p['byteorder']!r}")
        if self.kind == "points":
            bits.append(f"{p['n']} points in {p.get('dim', 2)}-D")
        if self.kind == "array":
            bits.append("×".join(map(str, np.shape(p["values"]))))
        return " ".join(b for b in bits if b)

    def __repr__(self):
        return self.code()


def _short(value):
    if isinstance(value, tuple):
        return "(" + ", ".join(_short(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, np.dtype):
        return repr(str(value))
    return repr(value)


def build(value):
    """Replace every :class:`Input` in (nested tuples/lists/dicts of) ``value`` by its array."""
    if isinstance(value, Input):
        return value.build()
    if isinstance(value, tuple):
        return tuple(build(v) for v in value)
    if isinstance(value, list):
        return [build(v) for v in value]
    if isinstance(value, dict):
        return {k: build(v) for k, v in value.items()}
    return value


def code(value):
    """The source text of a case argument (Inputs as their recipe, arrays as np.array)."""
    if isinstance(value, Input):
        return value.code()
    if isinstance(value, np.ndarray):
        return f"np.array({value.tolist()!r}, dtype={str(value.dtype)!r})"
    if isinstance(value, tuple):
        return "(" + ", ".join(code(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, list):
        return "[" + ", ".join(code(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {code(v)}" for k, v in value.items()) + "}"
    if isinstance(value, float) and not np.isfinite(value):
        return f"float({str(value)!r})"
    if isinstance(value, type) or callable(value):
        mod = getattr(value, "__module__", "")
        return f"{mod}.{getattr(value, '__qualname__', repr(value))}" if mod else repr(value)
    return repr(value)


def key(value):
    """A hashable key of a case argument (for the reference-result cache)."""
    if isinstance(value, Input):
        return value.key()
    if isinstance(value, np.ndarray):
        return ("ndarray", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, key(v)) for k, v in value.items())))
    return ("value", repr(value))
