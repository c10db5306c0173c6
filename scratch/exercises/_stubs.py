"""The student's files, generated from the library's kernels.

For every step the stub keeps the kernel's signature (under the step's name, with only the
step's ``params`` when it names some) and its docstring — the method, its formula, the hints —
and its body becomes ``raise NotImplementedError("exercise threshold_otsu, step 3: ...")``.
Nothing of the solution's body is copied: the stub is cut from the kernel's syntax tree.

``module_text`` is the plain module ``ID.py`` the grader reads; ``notebook_cells`` the same
content as notebook cells (markdown, one code cell per step, a ``check`` cell after each),
written as a percent-format twin ``ID_notebook.py`` (``# %%`` cells: Jupyter opens it with
jupytext, VS Code and Spyder run it as cells) and as ``ID.ipynb`` for a plain Jupyter.
"""

import ast
import inspect
import json
import textwrap

from ._model import get, kernel_source

__all__ = ["stub", "module_text", "notebook_cells", "percent_text", "ipynb_text", "BANNED"]

#: Packages a student's file may not import (directly or through importlib).
BANNED = ("skimage", "scipy", "cv2", "scratch")

_RULES = ("Rules: use NumPy, math and (if you like) numba.njit; importing skimage, scipy, cv2 or\n"
          "scratch — directly or through importlib — scores 0 for the exercise.")


def _function_node(source):
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    raise ValueError("no function in the kernel's source")


def _trim_arguments(args, keep):
    """An ``ast.arguments`` with only the parameters named in ``keep`` (defaults kept)."""
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    pos = [(a, d) for a, d in zip(positional, defaults) if a.arg in keep]
    kwonly = [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if a.arg in keep]
    out = ast.arguments(posonlyargs=[], args=[a for a, _ in pos], vararg=None,
                        kwonlyargs=[a for a, _ in kwonly], kw_defaults=[d for _, d in kwonly],
                        kwarg=None, defaults=[])
    # defaults must be a suffix of the positional parameters
    tail = []
    for a, d in reversed(pos):
        if d is None:
            break
        tail.insert(0, d)
    out.defaults = tail
    return out


def _drop_parameters(doc, keep):
    """The docstring without the numpydoc ``Parameters`` entries of parameters not in ``keep``."""
    lines = doc.splitlines()
    try:
        start = next(i for i in range(len(lines) - 1)
                     if lines[i].strip() == "Parameters" and set(lines[i + 1].strip()) == {"-"})
    except StopIteration:
        return doc
    out, i, keeping = lines[:start + 2], start + 2, True
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.strip() and set(lines[i + 1].strip()) == {"-"} and not line.startswith(" "):
            out += lines[i:]  # the next section: copied as it is
            break
        if line and not line.startswith(" "):  # an entry: "name : type" (or "a, b : type")
            names = [n.strip().lstrip("*") for n in line.split(":")[0].split(",")]
            keeping = any(n in keep for n in names)
        if keeping or not line.strip():
            out.append(line)
        i += 1
    return "\n".join(out)


def stub(exercise, step):
    """The source of one step's stub."""
    kernel = step.solution()
    source = kernel_source(kernel)
    node = _function_node(source)
    args = node.args if step.params is None else _trim_arguments(node.args, set(step.params))
    for a in (*args.posonlyargs, *args.args, *args.kwonlyargs):
        a.annotation = None
    signature = ast.unparse(args)
    # the docstring as Python shows it (a shared block filled in, e.g. the edge filters'
    # Parameters), else as written in the source
    runtime = getattr(getattr(kernel, "py_func", kernel), "__doc__", None)
    doc = inspect.cleandoc(runtime) if runtime else (ast.get_docstring(node, clean=True) or step.title)
    if step.params is not None:
        doc = _drop_parameters(doc, set(step.params))
    number = exercise.number(step)
    body = textwrap.indent(f'"""{doc}\n"""\n' if '"""' not in doc else f"'''{doc}\n'''\n", "    ")
    message = f"exercise {exercise.id}, step {number}: {step.title}"
    return (f"def {step.function}({signature}):\n{body}"
            f"    raise NotImplementedError({message!r})\n")


def _header(exercise):
    lines = [f"Exercise {exercise.id}: {exercise.title}",
             "",
             f"Chapter: {exercise.chapter}.  {exercise.points:g} points over {len(exercise.steps)} steps:"]
    for i, s in enumerate(exercise.steps, 1):
        lines.append(f"  {i}. {s.function} — {s.title} ({s.points:g} points)")
    lines.append("")
    if exercise.intro:
        lines += [exercise.intro.strip(), ""]
    lines += ["Implement the functions in order; each one is graded on its own, the last one is the",
              "public function with the reference's name and signature, built from the others.",
              "Check one function in a notebook:",
              f"    scratch.exercises.check({exercise.steps[-1].function!r}, {exercise.steps[-1].function})",
              "Grade the folder this file is in:",
              "    python -m scratch exercises grade DIR",
              "", _RULES]
    return "\n".join(lines)


def module_text(exercise_id):
    """The plain module ``ID.py``: the header, the imports, one stub per step."""
    exercise = get(exercise_id)
    parts = ['"""' + _header(exercise) + '\n"""\n\nimport math\n\nimport numpy as np\n']
    for step in exercise.steps:
        parts.append("\n\n" + stub(exercise, step))
    return "".join(parts)


def notebook_cells(exercise_id):
    """``[(kind, source)]``: markdown and code cells; the ``check`` cells are tagged."""
    exercise = get(exercise_id)
    cells = [("markdown", "# " + _header(exercise).replace("\n", "\n# ").replace("# ", "", 1)),
             ("code", "import math\n\nimport numpy as np"),
             ("check", "import scratch.exercises  # for the check cells only: your code may not use scratch")]
    for step in exercise.steps:
        n = exercise.number(step)
        cells.append(("markdown", f"## Step {n}: {step.title}"))
        cells.append(("code", stub(exercise, step)))
        cells.append(("check", f"scratch.exercises.check({exercise.id!r}, {step.function})"))
    return cells


def percent_text(exercise_id):
    """The percent-format notebook twin (``# %%`` cells)."""
    out = []
    for kind, source in notebook_cells(exercise_id):
        if kind == "markdown":
            text = source if source.startswith("#") else "# " + source
            out.append("# %% [markdown]\n" + "\n".join(line if line.startswith("#") else "# " + line
                                                       for line in text.splitlines()))
        elif kind == "check":
            out.append("# %% tags=[\"check\"]\n" + source)
        else:
            out.append("# %%\n" + source.rstrip())
    return "\n\n".join(out) + "\n"


def ipynb_text(exercise_id):
    """The same cells as a Jupyter notebook (nbformat 4)."""
    cells = []
    for kind, source in notebook_cells(exercise_id):
        lines = source.splitlines(keepends=True)
        if kind == "markdown":
            text = "".join(line[2:] if line.startswith("# ") and not line.startswith("# #") else line
                           for line in lines)
            cells.append({"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)})
        else:
            cells.append({"cell_type": "code", "metadata": {"tags": ["check"]} if kind == "check" else {},
                          "execution_count": None, "outputs": [], "source": lines})
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                      "name": "python3"},
                                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1) + "\n"


def code_of_notebook(path):
    """The code of a notebook twin (``.ipynb`` or percent ``.py``) without its check cells."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if str(path).endswith(".ipynb"):
        nb = json.loads(text)
        return "\n\n".join("".join(c["source"]) for c in nb["cells"]
                           if c["cell_type"] == "code" and "check" not in c.get("metadata", {}).get("tags", []))
    keep, out = True, []
    for line in text.splitlines():
        if line.startswith("# %%"):
            keep = "[markdown]" not in line and "check" not in line
            continue
        if keep:
            out.append(line)
    return "\n".join(out) + "\n"
