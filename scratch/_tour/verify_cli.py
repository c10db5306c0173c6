"""``python -m scratch verify``: check anyone's implementation against the reference.

::

    python -m scratch verify mine.py:otsu --as threshold_otsu
    python -m scratch verify mylib.filters:gaussian --as skimage.filters.gaussian --level full \\
        --json report.json --out pictures/
    python -m scratch verify --list

The candidate runs in a child process with a per-case timeout (``--timeout``, default 30 s),
so a crash or an endless loop is reported as an outcome and the run goes on; ``--in-process``
runs it here instead (faster to start, no protection).

Exit status: 0 when every case passes, 1 when any fails, 2 for usage errors (an unknown
``--as`` name, a missing file, something that is not callable): one line on stderr, no
traceback.
"""

import argparse
import sys

__all__ = ["main", "build_parser"]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2 (argparse's own convention)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser():
    p = _Parser(prog="python -m scratch verify",
                description="Verify a function against its scikit-image / SciPy reference, layer by layer.")
    p.add_argument("candidate", nargs="?", help="PATH.py:FUNC or package.module:FUNC")
    p.add_argument("--as", dest="name", metavar="NAME",
                   help="what it implements: threshold_otsu, skimage.filters.threshold_otsu, KDTree.query, ...")
    p.add_argument("--level", choices=("quick", "full"), default="quick",
                   help="quick: seconds, small inputs; full: bigger inputs and Hypothesis-drawn cases")
    p.add_argument("--json", metavar="FILE", help="write the whole report as JSON")
    p.add_argument("--out", metavar="DIR", help="write reference | yours | difference pictures of the findings")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per case (default 30)")
    p.add_argument("--seed", type=int, default=0, help="base seed of every input (default 0)")
    p.add_argument("--in-process", action="store_true", help="run the candidate in this process")
    p.add_argument("--list", action="store_true", help="list the functions verify knows and exit")
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    return p


def _list(stream):
    from scratch.verify import specs

    rows = [(s.name, s.reference, s.chapter) for s in specs()]
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for name, ref, chapter in rows:
        print(f"{name.ljust(w0)}  {ref.ljust(w1)}  {chapter}", file=stream)
    print(f"{len(rows)} functions", file=stream)


def main(argv=None):
    parser = build_parser()
    options = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if options.list:
        _list(sys.stdout)
        return 0
    if not options.candidate:
        parser.error("the candidate (PATH.py:FUNC or package.module:FUNC) is required")
    if not options.name:
        parser.error("--as NAME is required (see --list)")
    if options.timeout <= 0:
        parser.error(f"--timeout must be positive, got {options.timeout}")
    from scratch.verify import CandidateError, load_candidate, resolve, verify

    try:
        spec = resolve(options.name)
    except KeyError as exc:
        parser.error(str(exc.args[0]))
    try:
        load_candidate(options.candidate)  # usage errors surface here, before any child starts
    except CandidateError as exc:
        parser.error(str(exc))
    try:
        report = verify(options.candidate, spec.name, level=options.level, isolate=not options.in_process,
                        timeout=options.timeout, seed=options.seed, out=options.out)
    except CandidateError as exc:
        parser.error(str(exc))
    if options.quiet:
        print(report.summary_line())
    else:
        print(report)
    if options.json:
        report.to_json(options.json)
    return 0 if report.ok else 1
