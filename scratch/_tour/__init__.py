"""The tour (``python -m scratch``) and the catalogue it shares with the benchmarks.

* :mod:`scratch._tour.catalogue` — ONE entry per algorithm: functions, input, comparison;
* :mod:`scratch._tour.runner` — resolve, time (first call + median) and compare one entry;
* :mod:`scratch._tour.figures` — the side-by-side PNGs, ``index.html`` and ``results.json``;
* :mod:`scratch._tour.cli` — the command line, progress bar and table.

This is the only part of scratch (with :mod:`scratch.data`) allowed to import scikit-image,
SciPy and OpenCV, and it does so only when an entry runs.
"""
