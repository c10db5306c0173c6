"""Grading time of the exercises: one exercise of plain-Python code, and a class.

The "student" here is the library's own solution run as plain Python: each exercise file
imports the step kernels from scratch and the sandbox runs with ``NUMBA_DISABLE_JIT=1`` (and
scratch allowed), so every step executes the readable loops in the interpreter, as a student's
plain-Python code would.  Targets of issue 14: one exercise under 30 s; a class of 30
submissions x 16 exercises under 30 minutes on 2 cores.

    python benchmarks/bench_exercises.py                     # every exercise once, then a class of 2
    python benchmarks/bench_exercises.py --students 30       # the full class (takes a while)
    python benchmarks/bench_exercises.py --json out.json
"""

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

import scratch.exercises as E

ENV = {"NUMBA_DISABLE_JIT": "1"}


def solution_file(exercise, folder):
    """``folder/ID.py`` that takes every step from the library (as plain Python)."""
    lines = ['"""The library solution as a submission (benchmarks only)."""']
    for step in exercise.steps:
        module, _, name = step.kernel.partition(":")
        lines.append(f"from {module} import {name} as {step.function}")
    path = os.path.join(folder, f"{exercise.id}.py")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=2, help="submissions in the class run (default 2)")
    parser.add_argument("--jobs", type=int, default=2, help="exercises graded at a time in the class run")
    parser.add_argument("--only", nargs="+", help="exercises (default: all)")
    parser.add_argument("--json", help="write the numbers here")
    args = parser.parse_args(argv)
    exercises = E.catalogue() if not args.only else [E.get(i) for i in args.only]
    work = tempfile.mkdtemp(prefix="bench-exercises-")
    numbers = {"per_exercise": {}, "cpu_count": os.cpu_count(), "load": os.getloadavg()[0]}
    try:
        one = os.path.join(work, "one")
        os.makedirs(one)
        print(f"one exercise of plain-Python code (NUMBA_DISABLE_JIT=1 in the sandbox), load {numbers['load']:.1f}:")
        for exercise in exercises:
            path = solution_file(exercise, one)
            started = time.perf_counter()
            result = E.grade_file(exercise.id, path, banned=(), env=ENV, timeout=60)
            seconds = time.perf_counter() - started
            ok = all(s.status == "passed" for s in result.steps)
            numbers["per_exercise"][exercise.id] = {"seconds": round(seconds, 2), "full_marks": ok,
                                                    "score": result.score, "max_score": result.max_score}
            flag = "" if ok else "  NOT FULL MARKS: " + ", ".join(f"{s.function} {s.status}" for s in result.steps
                                                                  if s.status != "passed")
            print(f"  {exercise.id:24s} {seconds:6.1f} s  {result.score:g}/{result.max_score:g}{flag}")
        times = [v["seconds"] for v in numbers["per_exercise"].values()]
        numbers["median_exercise_s"] = statistics.median(times)
        numbers["max_exercise_s"] = max(times)
        print(f"  median {numbers['median_exercise_s']:.1f} s, max {numbers['max_exercise_s']:.1f} s per exercise")

        klass = os.path.join(work, "class")
        for i in range(args.students):
            folder = os.path.join(klass, f"student{i:02d}")
            os.makedirs(folder)
            for exercise in exercises:
                solution_file(exercise, folder)
        started = time.perf_counter()
        E.grade(klass, only=[e.id for e in exercises], timeout=60, jobs=args.jobs, banned=(), env=ENV)
        seconds = time.perf_counter() - started
        per = seconds / (args.students * len(exercises))
        numbers["class"] = {"students": args.students, "exercises": len(exercises), "jobs": args.jobs,
                            "seconds": round(seconds, 1), "per_exercise_s": round(per, 2),
                            "projected_30x16_min": round(per * 30 * 16 / 60, 1)}
        print(f"class: {args.students} submissions x {len(exercises)} exercises with --jobs {args.jobs}: "
              f"{seconds:.0f} s ({per:.1f} s per exercise; 30 x 16 would take {per * 480 / 60:.0f} min)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(numbers, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
