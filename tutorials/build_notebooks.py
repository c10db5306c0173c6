"""Write executed Jupyter notebooks (.ipynb) of the tutorials.

Each tutorial is a percent-format script (``# %%`` cells); jupytext turns it into a notebook
and nbclient runs it in a fresh Python kernel, so the notebook carries its outputs and
figures.  The tutorial sources stay the scripts; the notebooks are build products.

Usage::

    pip install -e ".[tutorials]"
    python tutorials/build_notebooks.py                  # all tutorials -> tutorial-output/notebooks/
    python tutorials/build_notebooks.py 00 02 --out DIR  # some of them, elsewhere

The kernel runs in the ``tutorials/`` folder; the figures and ``results.json`` the tutorials
write go to ``$SCRATCH_TUTORIAL_OUT`` (default: ``tutorial-output/`` beside the notebooks).
"""

import argparse
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def tutorials(selection=()):
    """The tutorial scripts (``NN_name.py``), optionally only those whose name starts with one
    of ``selection``."""
    found = sorted(HERE.glob("[0-9][0-9]_*.py"))
    if selection:
        found = [p for p in found if any(p.name.startswith(s) for s in selection)]
    return found


def build(script, out_dir, timeout=600):
    """Convert ``script`` to a notebook, execute it, write ``out_dir/<name>.ipynb``."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    notebook = jupytext.read(script)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    client = NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                            resources={"metadata": {"path": str(script.parent)}})
    client.execute()
    target = out_dir / f"{script.stem}.ipynb"
    nbformat.write(notebook, target)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="tutorial prefixes, e.g. 00 02 (default: all)")
    parser.add_argument("--out", default="tutorial-output/notebooks",
                        help="folder for the .ipynb files (default: %(default)s)")
    args = parser.parse_args(argv)

    try:
        import jupytext  # noqa: F401
        import nbclient  # noqa: F401
    except ImportError as exc:
        print(f"error: {exc.name} is missing; install the extra: pip install -e \".[tutorials]\"",
              file=sys.stderr)
        return 2

    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    # the kernel inherits the environment: absolute output folder, a non-interactive backend
    os.environ.setdefault("SCRATCH_TUTORIAL_OUT", str(out_dir.parent))
    os.environ["SCRATCH_TUTORIAL_OUT"] = str(Path(os.environ["SCRATCH_TUTORIAL_OUT"]).resolve())

    scripts = tutorials(args.only)
    if not scripts:
        print(f"error: no tutorial matches {args.only}", file=sys.stderr)
        return 2
    for script in scripts:
        start = time.perf_counter()
        target = build(script, out_dir)
        print(f"{script.name:<32} -> {target}  ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
