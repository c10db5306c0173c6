"""``python -m scratch exercises list | start | grade | build``: coursework (see scratch.exercises).

Exit status: 0 on success (``grade``: every graded step passed), 1 when a graded step did not
pass, 2 for bad command-line use (an unknown exercise, a missing folder).
"""

import argparse
import os
import sys

__all__ = ["main", "build_parser"]


def build_parser():
    parser = argparse.ArgumentParser(prog="python -m scratch exercises",
                                     description="Implementation exercises generated from scratch's kernels, "
                                                 "graded against scikit-image / SciPy.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="the catalogue of exercises")
    start = sub.add_parser("start", help="write the stubs of exercises: DIR/ID.py and a notebook twin")
    start.add_argument("ids", nargs="+", metavar="ID")
    start.add_argument("--into", default=".", metavar="DIR", help="folder to write into (default: here)")
    start.add_argument("--no-notebook", action="store_true", help="only the plain module")
    grade = sub.add_parser("grade", help="grade the exercise files of a folder (or a class of sub-folders)")
    grade.add_argument("folder", metavar="DIR")
    grade.add_argument("--only", nargs="+", action="extend", metavar="ID", help="grade only these exercises")
    grade.add_argument("--json", metavar="FILE", help="write the grading JSON")
    grade.add_argument("--gradescope", metavar="FILE", help="write Gradescope's results.json")
    grade.add_argument("--csv", metavar="FILE", help="write the table of scores")
    grade.add_argument("--out", metavar="DIR", help="a class: where the per-student JSON and grades.csv go "
                                                    "(default DIR/grades)")
    grade.add_argument("--pictures", metavar="DIR", help="write the reference | yours | difference pictures here")
    grade.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds per case (default 10)")
    grade.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="exercises graded at a time (default: the cores)")
    grade.add_argument("--quiet", action="store_true", help="only the summary line")
    build = sub.add_parser("build", help="a teacher's release folder: stubs, README, public pytest file")
    build.add_argument("--out", required=True, metavar="DIR")
    build.add_argument("--only", nargs="+", action="extend", metavar="ID")
    return parser


def _list():
    from scratch.exercises import catalogue

    rows = [(e.id, e.chapter, e.title, len(e.steps), e.points, len(e.mistakes)) for e in catalogue()]
    width = max(len(r[0]) for r in rows)
    print(f"{'id'.ljust(width)}  {'chapter':24}  {'steps':>5}  {'points':>6}  {'mistakes':>8}  title")
    for i, chapter, title, steps, points, mistakes in rows:
        print(f"{i.ljust(width)}  {chapter:24}  {steps:>5}  {points:>6g}  {mistakes:>8}  {title}")
    print(f"\n{len(rows)} exercises. Start one: python -m scratch exercises start ID --into DIR")
    return 0


def _print_results(student, results, quiet):
    for r in results:
        print(f"{student}: {r.id}: {r.score:g} / {r.max_score:g}")
        if quiet:
            continue
        for s in r.steps:
            tag = f" — named mistake: {s.mistake}" if s.mistake else ""
            print(f"  {r.exercise.number(s.step)}. {s.function}: {s.status}, {s.score:g} / {s.max_score:g}{tag}")
            if s.status not in ("passed", "not implemented"):
                print("     " + s.feedback.replace("\n", "\n     "))


def main(argv=None):
    args = build_parser().parse_args(argv)
    import scratch.exercises as E

    if args.command == "list":
        return _list()
    try:
        if args.command == "start":
            written = E.start(args.ids, args.into, notebook=not args.no_notebook)
            for path in written:
                print(f"wrote {path}")
            if not written:
                print("nothing written: the files exist already (they are never overwritten)")
            return 0
        if args.command == "build":
            written = E.build(args.out, args.only)
            print(f"wrote {len(written)} files into {args.out}")
            return 0
        everyone = E.grade(args.folder, only=args.only, timeout=args.timeout, json_path=args.json,
                           gradescope=args.gradescope, csv_path=args.csv, out=args.out, pictures=args.pictures,
                           jobs=args.jobs)
    except KeyError as exc:
        print(f"exercises: {exc.args[0]}", file=sys.stderr)
        return 2
    except FileNotFoundError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    steps = [s for results in everyone.values() for r in results for s in r.steps]
    if not steps:
        print(f"no exercise file found in {args.folder} (files are named ID.py; see "
              "`python -m scratch exercises list`)", file=sys.stderr)
        return 2
    for student, results in everyone.items():
        _print_results(student, results, args.quiet)
    score = sum(r.score for rs in everyone.values() for r in rs)
    top = sum(r.max_score for rs in everyone.values() for r in rs)
    passed = sum(s.status == "passed" for s in steps)
    who = f"{len(everyone)} students, " if len(everyone) > 1 or (args.out and len(everyone) > 1) else ""
    print(f"{who}{passed} of {len(steps)} steps passed, {score:g} of {top:g} points")
    if len(everyone) > 1:
        print(f"per-student JSON and grades.csv in {args.out or os.path.join(args.folder, 'grades')}")
    return 0 if passed == len(steps) else 1
