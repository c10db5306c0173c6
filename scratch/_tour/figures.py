"""The tour's figures (input | scratch | reference | difference) and its index page.

Matplotlib is used through its object API with the Agg canvas (no pyplot, no window, no
global backend switch), so the tour runs on a machine without a display.
"""

import html
import json
import os

import numpy as np

__all__ = ["save_figure", "write_index", "write_json", "format_seconds"]


def format_seconds(seconds):
    """``0.00123`` -> ``'1.23 ms'``; ``None`` -> ``'—'``."""
    if seconds is None:
        return "—"
    if seconds >= 1.0:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.0f} µs"


def _display(ax, image, vmin=None, vmax=None, cmap="gray"):
    if image.ndim == 3:  # RGB(A): scale to [0, 1] for imshow
        hi = image.max() if image.size else 1.0
        image = np.clip(image / (255.0 if hi > 1.0 else 1.0), 0.0, 1.0)
        return ax.imshow(image, interpolation="nearest")
    # a long thin table (e.g. 500 x 4 neighbour distances) would be a hairline: stretch it
    thin = image.ndim == 2 and max(image.shape) > 10 * max(min(image.shape), 1)
    aspect = "auto" if thin else None
    return ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest",
                     aspect=aspect)


def _is_point_set(a):
    """An (n, 2) or (n, 3) array of coordinates rather than an image."""
    return a.ndim == 2 and a.shape[1] in (2, 3) and a.shape[0] > 10 * a.shape[1]


def _short(value, width=40):
    """A keyword argument's value for a title: arrays by shape and dtype, long reprs cut."""
    if isinstance(value, np.ndarray):
        return f"<{'×'.join(map(str, value.shape))} {value.dtype} array>"
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def save_figure(result, path):
    """Write ``input | scratch | reference | scratch - reference`` of one Result as a PNG.

    Parameters
    ----------
    result : Result
        A tour result whose scratch and reference calls both returned.
    path : str
        Where to write the PNG.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    entry, args = result.entry, result.args
    inp = entry.input_picture(args)
    ours = entry.to_picture(args, result.scratch.result)
    ref = entry.to_picture(args, result.reference.result)

    fig = Figure(figsize=(15, 4.2), layout="constrained")
    FigureCanvasAgg(fig)
    axes = fig.subplots(1, 4)
    finite = ref[np.isfinite(ref)]
    vmin, vmax = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    if _is_point_set(inp):  # coordinates: draw the points (row, column) where they are
        axes[0].scatter(inp[:, 1], inp[:, 0], s=2, c="k")
        axes[0].set_aspect("equal")
        axes[0].invert_yaxis()
    else:
        _display(axes[0], inp)
    small = {"fontsize": 10}
    shape = np.shape(args[0])
    plane = " (middle plane)" if len(shape) == 3 and inp.ndim == 2 else ""
    axes[0].set_title(f"input: {entry.sample_name}\n{shape} {np.asarray(args[0]).dtype}{plane}",
                      **small)
    _display(axes[1], ours, vmin, vmax)
    axes[1].set_title(f"scratch\n{entry.scratch}", **small)
    _display(axes[2], ref, vmin, vmax)
    axes[2].set_title(f"reference\n{entry.reference}", **small)
    if ours.shape == ref.shape:
        diff = ours - ref
        if diff.ndim == 3:
            diff = np.abs(diff).max(axis=-1)
        big = float(np.nanmax(np.abs(diff))) if diff.size else 0.0
        if big == 0 or not np.isfinite(big):
            _display(axes[3], np.zeros(diff.shape), -1.0, 1.0, cmap="RdBu_r")
            axes[3].set_title("scratch - reference\nidentical" if big == 0 else
                              "scratch - reference\nnot finite", **small)
        else:
            im = _display(axes[3], diff, -big, big, cmap="RdBu_r")
            fig.colorbar(im, ax=axes[3], shrink=0.8)
            axes[3].set_title(f"scratch - reference\nmax |Δ| {big:.1e}", **small)
    else:
        axes[3].text(0.5, 0.5, f"shapes differ\n{ours.shape} vs {ref.shape}", ha="center")
        axes[3].set_title("difference")
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    kwargs = ", ".join(f"{k}={_short(v)}" for k, v in entry.kwargs.items())
    verdict = result.agreement.text if result.agreement else result.status
    fig.suptitle(f"{entry.name}({kwargs}) — {verdict}", fontsize=13)
    fig.savefig(path, dpi=72)


def _row(result, figure):
    e = result.entry
    agreement = result.agreement.text if result.agreement else result.error  # escaped below
    ratio = result.ratio
    cls = {"ok": "ok", "disagree": "bad", "error": "err"}[result.status]
    link = f'<a href="#{html.escape(e.name)}">{html.escape(e.name)}</a>' if figure else html.escape(e.name)
    return (
        f'<tr class="{cls}"><td>{link}</td><td>{html.escape(e.family)}</td>'
        f"<td><code>{html.escape(e.reference)}</code></td><td>{html.escape(agreement)}</td>"
        f"<td>{format_seconds(result.scratch.median if result.scratch else None)}</td>"
        f"<td>{format_seconds(result.reference.median if result.reference else None)}</td>"
        f"<td>{'—' if ratio is None else f'{ratio:.2f}'}</td>"
        f"<td>{format_seconds(result.scratch.first if result.scratch else None)}</td></tr>"
    )


def write_index(results, figures, out, elapsed=None, warning=None):
    """Write ``index.html``: the summary table and every figure below it.

    Parameters
    ----------
    results : list of Result
    figures : dict
        Entry name -> PNG file name (relative to ``out``) for the entries that have one.
    out : str
        The output folder.
    elapsed : tuple of float, optional
        ``(whole run, scratch's first calls)`` in seconds, stated under the title.
    warning : str, optional
        The tour's busy-machine warning, shown above the table.

    Returns
    -------
    str
        The path of the page.
    """
    rows = "\n".join(_row(r, r.entry.name in figures) for r in results)
    sections = []
    for r in results:
        png = figures.get(r.entry.name)
        if not png:
            continue
        sections.append(
            f'<section id="{html.escape(r.entry.name)}"><h2>{html.escape(r.entry.name)}</h2>'
            f"<p>{html.escape(r.entry.note)} — <code>{html.escape(r.entry.scratch)}</code> vs "
            f"<code>{html.escape(r.entry.reference)}</code></p>"
            f'<a href="{html.escape(png)}"><img src="{html.escape(png)}" '
            f'alt="{html.escape(r.entry.name)}"></a></section>'
        )
    n_ok = sum(r.ok for r in results)
    timing = "" if elapsed is None else (
        f" This run took {elapsed[0]:.1f} s, {elapsed[1]:.1f} s of it in scratch's first calls.")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>scratch tour</title>
<style>
body {{ font-family: sans-serif; margin: 2em; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }}
tr.bad td {{ background: #fdd; }} tr.err td {{ background: #fec; }}
img {{ max-width: 100%; }}
</style></head><body>
<h1>scratch tour</h1>
<p>{n_ok} of {len(results)} algorithms agree with their reference. Times are medians after a
first call (which compiles or loads the Numba kernels); ratio = scratch / reference.{timing}</p>
{f'<p class="warning"><strong>{html.escape(warning)}</strong></p>' if warning else ""}
<table><tr><th>algorithm</th><th>family</th><th>reference</th><th>agreement</th>
<th>scratch</th><th>reference</th><th>ratio</th><th>first call</th></tr>
{rows}
</table>
{"".join(sections)}
</body></html>
"""
    path = os.path.join(out, "index.html")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(page)
    return path


def write_json(results, out):
    """Write ``results.json`` (one record per entry) next to the index page."""
    records = []
    for r in results:
        records.append(
            {
                "name": r.entry.name,
                "family": r.entry.family,
                "scratch": r.entry.scratch,
                "reference": r.entry.reference,
                "status": r.status,
                "agreement": r.agreement.text if r.agreement else None,
                "max_abs": r.agreement.max_abs if r.agreement else None,
                "scratch_s": r.scratch.median if r.scratch else None,
                "scratch_first_s": r.scratch.first if r.scratch else None,
                "reference_s": r.reference.median if r.reference else None,
                "ratio": r.ratio,
                "error": r.error or None,
            }
        )
    path = os.path.join(out, "results.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(records, fh, indent=2)
    return path
