"""``python -m scratch``: the tour of every algorithm in the catalogue.

For each entry: run scratch and the reference on the same built-in input, time both
(median after a first call, which is reported separately because it compiles or loads
the Numba kernels), compare, draw ``input | scratch | reference | difference``, and finally
print one table and write ``index.html`` + ``results.json`` into ``--out``.

Exit status: 0 when every selected entry agrees with its reference, 1 when any disagrees
or errors (e.g. its scratch function does not exist yet), 2 for bad command-line use.
"""

import argparse
import os
import sys
import time

__all__ = ["main", "build_parser", "run_tour"]


def build_parser():
    """The command-line interface of the tour."""
    parser = argparse.ArgumentParser(
        prog="python -m scratch",
        description="The scratch tour: every algorithm against its reference, with figures.",
        epilog="To segment your own image: python -m scratch segment IMAGE (see its --help). "
               "To verify your own implementation: python -m scratch verify FILE.py:FUNC --as NAME. "
               "Coursework: python -m scratch exercises list|start|grade|build.",
    )
    parser.add_argument("--only", nargs="+", action="extend", metavar="NAME",
                        help="run only these entries (exact name, else substring; repeatable)")
    parser.add_argument("--list", action="store_true", help="list the catalogue and exit")
    parser.add_argument("--out", default="scratch-tour",
                        help="output folder for figures and index.html (default: scratch-tour/)")
    parser.add_argument("--no-figures", action="store_true",
                        help="skip the figures and the index page (table only)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed calls after the first one (median reported; default 5)")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for scratch's parallel kernels (default: all cores)")
    return parser


def _console(stderr=False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    console = Console(file=stream)
    if not console.is_terminal:  # pipes and files: do not squeeze the table into 80 columns
        console = Console(file=stream, width=200)
    return console


def list_entries(entries, console):
    """Print the catalogue as a table (and whether each scratch function exists yet)."""
    from rich.table import Table

    from .runner import resolve

    table = Table(title="scratch catalogue", title_justify="left")
    for column in ("name", "family", "scratch", "reference", "tour input", "bench dtypes", "OpenCV", "verify"):
        table.add_column(column)
    covered = verify_covered()
    for e in entries:
        try:
            resolve(e.scratch)
            scratch = e.scratch
        except (ImportError, AttributeError):
            scratch = f"[dim]{e.scratch} (missing)[/dim]"
        table.add_row(e.name, e.family, scratch, e.reference, e.sample_name,
                      " ".join(e.dtypes) or "—", e.opencv_name or "—", covered.get(e.reference, "—"))
    console.print(table)
    console.print("verify: `python -m scratch verify FILE.py:FUNC --as NAME` checks your own implementation "
                  "of a function marked in the verify column against its reference (see --help there).")


def verify_covered():
    """``{reference path: verify name}`` for every function ``scratch.verify`` has cases for."""
    from scratch.verify import specs

    return {s.reference: s.name for s in specs()}


def _results_table(results):
    from rich.table import Table

    from .figures import format_seconds

    table = Table(title="scratch tour: scratch vs reference", title_justify="left")
    table.add_column("algorithm", no_wrap=True)
    table.add_column("reference", overflow="fold")
    table.add_column("input", overflow="fold")
    table.add_column("agreement", overflow="fold", min_width=11)
    for column in ("scratch", "reference", "ratio", "first call"):
        table.add_column(column, justify="right", no_wrap=True, min_width=5)
    for r in results:
        if r.agreement is not None:
            colour = "green" if r.ok else "red"
            agreement = f"[{colour}]{r.agreement.text}[/{colour}]"
        else:
            agreement = f"[red]{r.error}[/red]"
        ratio = r.ratio
        ratio_text = "—" if ratio is None else (
            f"[green]{ratio:.2f}[/green]" if ratio <= 1 else f"[yellow]{ratio:.2f}[/yellow]")
        table.add_row(
            r.entry.name,
            r.entry.reference,
            r.entry.sample_name,
            agreement,
            format_seconds(r.scratch.median if r.scratch else None),
            format_seconds(r.reference.median if r.reference else None),
            ratio_text,
            format_seconds(r.scratch.first if r.scratch else None),
        )
    return table


def run_tour(entries, out="scratch-tour", figures=True, repeat=5, console=None):
    """Run ``entries``, print the table, write figures, index.html and results.json.

    Parameters
    ----------
    entries : list of Entry
    out : str
        Output folder (created).
    figures : bool
        Write the PNG figures and the index page.
    repeat : int
        Timed calls after the first one.
    console : rich.console.Console, optional

    Returns
    -------
    list of Result
    """
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn)

    from .figures import save_figure, write_index, write_json
    from .runner import LoadMonitor, run_entry

    console = console or _console()
    started = time.perf_counter()
    os.makedirs(out, exist_ok=True)
    results, pngs = [], {}
    monitor = LoadMonitor()
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(),
                        console=_console(stderr=True), transient=True)
    with progress:
        task = progress.add_task("tour", total=len(entries))
        for entry in entries:
            progress.update(task, description=f"[bold]{entry.name}[/bold]")
            result = run_entry(entry, repeat=repeat, monitor=monitor)
            if figures and result.scratch is not None and result.reference is not None:
                png = f"{entry.name}.png"
                try:
                    save_figure(result, os.path.join(out, png))
                    pngs[entry.name] = png
                except Exception as exc:  # noqa: BLE001 - a figure must not stop the tour
                    console.print(f"[yellow]figure for {entry.name} failed: {exc}[/yellow]")
            result.args = ()  # let the inputs go; the outputs stay in the Timings
            results.append(result)
            progress.advance(task)
    console.print(_results_table(results))
    busy = monitor.warning()
    if busy:
        console.print(f"[yellow]{busy}[/yellow]")
    write_json(results, out)
    if figures:
        first = sum(r.scratch.first for r in results if r.scratch is not None)
        index = write_index(results, pngs, out, elapsed=(time.perf_counter() - started, first),
                            warning=busy)
        console.print(f"figures and index: [bold]{index}[/bold]")
    for r in results:
        if r.trace:
            console.print(f"[dim]{r.entry.name}: {r.trace.strip().splitlines()[-1]}[/dim]")
    n_ok = sum(r.ok for r in results)
    colour = "green" if n_ok == len(results) else "red"
    console.print(f"[{colour}]{n_ok} of {len(results)} agree with their reference[/{colour}]")
    total = time.perf_counter() - started
    first = sum(r.scratch.first for r in results if r.scratch is not None)
    console.print(f"the tour took {total:.1f} s; {first:.1f} s of it ({first / total:.0%}) were "
                  "scratch's first calls (Numba compilation, or loading the disk cache when warm)")
    return results


def main(argv=None):
    """Entry point of ``python -m scratch``; returns the exit status."""
    from .catalogue import ENTRIES, select

    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["segment"]:  # `python -m scratch segment IMAGE ...`: see segment.py
        from .segment import main as segment_main

        return segment_main(argv[1:])
    if argv[:1] == ["exercises"]:  # `python -m scratch exercises list|start|grade|build`
        from .exercises_cli import main as exercises_main

        return exercises_main(argv[1:])
    if argv[:1] == ["verify"]:  # `python -m scratch verify FILE.py:FUNC --as NAME`: verify_cli.py
        from .verify_cli import main as verify_main

        return verify_main(argv[1:])
    parser = build_parser()
    options = parser.parse_args(argv)
    console = _console()
    try:
        entries = select(options.only, ENTRIES)
    except KeyError as exc:
        parser.error(f"{exc.args[0]} (see --list)")
    if options.list:
        list_entries(entries, console)
        return 0
    if options.threads is not None:
        from scratch._jit import set_num_threads

        set_num_threads(options.threads)
    results = run_tour(entries, out=options.out, figures=not options.no_figures,
                       repeat=options.repeat, console=console)
    return 0 if all(r.ok for r in results) else 1
