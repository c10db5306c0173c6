"""scratch.signal <-> scipy.signal: convolution in the frequency domain."""

from ._fftconvolve import fftconvolve

__all__ = ["fftconvolve"]
