"""``python -m scratch segment PATH...``: the nuclei pipeline of segment.py on a whole experiment.

PATHs are files, folders (searched recursively for .png, .tif/.tiff, .jpg/.jpeg) and globs
(``"fields/*.tif"``, ``"**/*.png"``). A multi-page TIFF (a stack, a 3-D volume, a time series)
is segmented page by page; its pages are named ``file.tif[0]``, ``file.tif[1]``, ... Every option
(``--channel``, ``--threshold``, ``--min-distance``) applies to every image.

How a run goes
--------------
1. **plan**: expand the PATHs into files, in order, each file once; give each a unique *stem*
   (its name without the extension, ``_2``, ``_3``, ... on a clash) for its output files.
2. **work**, one task per file, in this process (``--jobs 1``), in a pool of ``--jobs N``
   processes (spawn/forkserver: scratch's kernels are fork-safe anyway, see scratch/_jit.py),
   or on a dask.distributed cluster (``--dask ADDRESS`` or ``--dask local``). A task reads the
   file, segments each image (segment.py's pipeline), writes ``<stem>_labels.tif`` and
   ``<stem>_overlay.png`` and, last, a *record* ``.done/<stem>.json`` holding the image's
   region table, its summary, and the file and options it was made from.
3. **collect**: the run's tables are built from the records, in plan order, so a serial, a
   parallel, a dask and a resumed run write the same bytes:
   ``objects.csv`` (and ``objects.parquet`` when pyarrow is installed; an ``image`` column
   beside the label and the region properties), ``summary.csv`` (per image: object count,
   mean area, the threshold), ``errors.csv`` (file or page, reason), ``index.html`` (a
   gallery of the overlays).

Every file is written under a temporary name in its own folder and moved into place with
``os.replace`` (atomic on POSIX and Windows), so an interrupted run (Ctrl-C, SIGTERM, a killed
worker) never leaves a half-written output; ``--resume`` skips every file whose record matches
(same file size and modification time, same options) and does the rest. Exit status 0 when
every image succeeded, 1 when any failed; one summary line either way.
"""

import contextlib
import csv
import glob
import html
import json
import os
import signal
import sys
import time

import numpy as np

from .segment import SegmentError, read_image, read_images, segment_with_threshold

__all__ = ["run", "plan", "process_file", "is_single_image", "EXTENSIONS"]

EXTENSIONS = (".png", ".tif", ".tiff", ".jpg", ".jpeg")
RECORDS = ".done"  # the per-file records, inside --out
PART = ".part"  # temporary files: ".<name>.<pid>.part"


class Interrupted(BaseException):
    """SIGTERM (or Ctrl-C) in the main process: stop, clean up, report."""


def _has_glob(path):
    return any(ch in path for ch in "*?[")


def is_single_image(options):
    """The one-image command of segment.py (its three files, its one-line errors): one PATH
    that is neither a glob nor a folder nor a multi-page TIFF."""
    if len(options.paths) != 1:
        return False
    path = options.paths[0]
    if _has_glob(path) or os.path.isdir(path):
        return False
    if path.lower().endswith((".tif", ".tiff")) and os.path.isfile(path):
        try:
            return [suffix for suffix, _ in read_images(path, options.channel)] == [""]
        except SegmentError:
            return True  # let segment.py report it
    return True


# --- 1. plan -----------------------------------------------------------------------------------

def is_output_folder(folder):
    """Whether ``folder`` holds an earlier run's outputs: its ``.done`` records, or (a run in
    which every file failed) its ``summary.csv`` beside its ``index.html``."""
    return os.path.isdir(os.path.join(folder, RECORDS)) or all(
        os.path.isfile(os.path.join(folder, name)) for name in ("summary.csv", "index.html"))


def is_output_file(path):
    """Whether ``path`` is an output of an earlier run rather than an input image: a file in
    an output folder (:func:`is_output_folder`), or the ``<stem>_labels.tif`` /
    ``<stem>_overlay.png`` of the one-image command, recognised by their ``<stem>_regions.csv``."""
    folder, name = os.path.split(os.path.abspath(path))
    if is_output_folder(folder):
        return True
    for suffix in ("_labels.tif", "_overlay.png"):
        if name.endswith(suffix):
            return os.path.isfile(os.path.join(folder, name[: -len(suffix)] + "_regions.csv"))
    return False


def plan(paths, out):
    """``(files, errors)``: the files to process, each ``(path, stem)`` in order, and
    ``[(path, reason)]`` for PATHs that name nothing.

    An earlier run's outputs found in a folder or by a glob (label images, overlays) are not
    inputs and are left out (:func:`is_output_file`); a file named on its own is processed.
    """
    out_real = os.path.realpath(out)
    found, errors = [], []

    def add_tree(folder):
        for root, dirs, names in os.walk(folder):
            if RECORDS in dirs:  # the output folder of an earlier run: not an input
                dirs[:] = []
                continue
            names = [n for n in names if not is_output_file(os.path.join(root, n))]
            dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                             and os.path.realpath(os.path.join(root, d)) != out_real)
            found.extend(os.path.join(root, n) for n in sorted(names)
                         if n.lower().endswith(EXTENSIONS) and not n.startswith("."))

    for path in paths:
        if _has_glob(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                errors.append((path, "no file matches this pattern"))
            for m in matches:
                if os.path.isdir(m):
                    add_tree(m)
                elif m.lower().endswith(EXTENSIONS) and not is_output_file(m):
                    found.append(m)
        elif os.path.isdir(path):
            before = len(found)
            add_tree(path)
            if len(found) == before:
                errors.append((path, "no PNG, TIFF or JPEG images in this folder"))
        else:
            found.append(path)  # missing or unreadable files are reported by their task
    files, seen, stems = [], set(), set()
    for path in found:
        real = os.path.realpath(path)
        if real in seen or os.path.dirname(real) == out_real:
            continue
        seen.add(real)
        base = os.path.splitext(os.path.basename(path))[0]
        stem, k = base, 1
        while stem in stems:
            k += 1
            stem = f"{base}_{k}"
        stems.add(stem)
        files.append((path, stem))
    return files, errors


# --- 2. work -----------------------------------------------------------------------------------

@contextlib.contextmanager
def atomic(path):
    """Yield a temporary name next to ``path``; move it to ``path`` when the block succeeds,
    delete it when it fails (or is interrupted)."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.{os.getpid()}{PART}")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _fingerprint(path, options):
    try:
        st = os.stat(path)
        stat = [st.st_size, st.st_mtime_ns]
    except OSError:
        stat = None
    return {"path": os.path.abspath(path), "stat": stat, "options": options}


def _options(options):
    return {"channel": options.channel, "threshold": options.threshold,
            "min_distance": options.min_distance}


def _record_path(out, stem):
    return os.path.join(out, RECORDS, f"{stem}.json")


def process_file(task):
    """Segment every image of one file and write its outputs; return its record.

    ``task`` is ``(path, stem, out, options)`` with ``options`` a dict of channel, threshold
    and min_distance. Run in a worker process or on a dask worker: everything it needs is in
    ``task``, everything it makes is in ``out`` (a folder every worker can write).
    """
    import tifffile

    from .segment import _write_overlay

    path, stem, out, options = task
    record = {"file": _fingerprint(path, options), "stem": stem, "images": [], "errors": []}
    try:
        images = read_images(path, options["channel"])
    except SegmentError as exc:
        record["errors"].append([path, str(exc).removeprefix(f"{path}: ")])
        return record
    for suffix, image in images:
        name = path + suffix
        image_stem = stem + (f"_p{suffix[1:-1]}" if suffix else "")
        if isinstance(image, SegmentError):
            record["errors"].append([name, str(image).removeprefix(f"{name}: ")])
            continue
        try:
            labels, table, used = segment_with_threshold(image, options["threshold"],
                                                         options["min_distance"])
            with atomic(os.path.join(out, f"{image_stem}_labels.tif")) as tmp:
                tifffile.imwrite(tmp, labels)
            with atomic(os.path.join(out, f"{image_stem}_overlay.png")) as tmp:
                _write_overlay(image, labels, table, tmp)
        except SegmentError as exc:
            record["errors"].append([name, str(exc)])
            continue
        except Exception as exc:  # noqa: BLE001 - one bad image must not stop the run
            record["errors"].append([name, f"{type(exc).__name__}: {exc}"])
            continue
        area = np.asarray(table["area"], dtype=np.float64)
        record["images"].append({
            "image": name, "stem": image_stem, "objects": int(labels.max()),
            "mean_area": float(area.mean()) if area.size else float("nan"),
            "threshold_method": options["threshold"], "threshold": used,
            "table": {k: np.asarray(v).tolist() for k, v in table.items()}})
    if not record["errors"]:  # done: --resume skips it; a file with errors is tried again
        os.makedirs(os.path.join(out, RECORDS), exist_ok=True)
        with atomic(_record_path(out, stem)) as tmp:
            with open(tmp, "w") as f:
                json.dump(record, f)
    return record


def _load_done(out, stem, fingerprint):
    try:
        with open(_record_path(out, stem)) as f:
            record = json.load(f)
    except (OSError, ValueError):
        return None
    return record if record.get("file") == fingerprint else None


def _ignore_sigint():  # pool workers: Ctrl-C reaches the whole group; the main process decides
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _pool_map(tasks, jobs):
    """Yield the records of ``tasks`` as they finish, from ``jobs`` worker processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_sigint)
    futures = {pool.submit(process_file, task): task for task in tasks}
    try:
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                task = futures[future]
                yield {"stem": task[1], "images": [],
                       "errors": [[task[0], "its worker process died"]]}
    finally:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:  # an interrupted run: stop the workers before cleaning up
            if p.is_alive():
                p.terminate()
        for p in processes:
            p.join()


def _dask_map(tasks, address, jobs):
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise SegmentError("--dask needs dask.distributed: pip install 'scratch[dask]'") from None
    import dask

    with contextlib.ExitStack() as stack:
        if address == "local":
            # the workers' statistical profiler (a thread sampling every stack each 10 ms) costs
            # ~15 % of a 2-core run (benchmarks/README.md); nobody reads it here
            stack.enter_context(dask.config.set({"distributed.worker.profile.enabled": False}))
            cluster = stack.enter_context(LocalCluster(n_workers=jobs, threads_per_worker=1,
                                                       processes=True, dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        else:
            client = stack.enter_context(Client(address))
        futures = client.map(process_file, tasks, pure=False)
        try:
            for future in as_completed(futures):
                try:
                    yield future.result()
                except Exception as exc:  # noqa: BLE001 - e.g. a worker killed too often
                    task = tasks[futures.index(future)]
                    yield {"stem": task[1], "images": [],
                           "errors": [[task[0], f"dask: {type(exc).__name__}: {exc}"]]}
        finally:
            client.cancel(futures)


# --- 3. collect --------------------------------------------------------------------------------

def _write_table(columns, path):
    names = list(columns)
    with atomic(path) as tmp:
        with open(tmp, "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(names)
            for row in zip(*(columns[n] for n in names)):
                writer.writerow(row)


def _write_parquet(columns, path):
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        return False
    with atomic(path) as tmp:
        pyarrow.parquet.write_table(pyarrow.table(columns), tmp)
    return True


def _write_gallery(images, errors, out):
    figures = "\n".join(
        f'<figure><a href="{html.escape(im["stem"])}_overlay.png">'
        f'<img src="{html.escape(im["stem"])}_overlay.png" alt="{html.escape(im["image"])}"></a>'
        f'<figcaption>{html.escape(im["image"])}: {im["objects"]} objects, mean area '
        f'{im["mean_area"]:.1f} px, {im["threshold_method"]} threshold {im["threshold"]:.4g}'
        f'</figcaption></figure>' for im in images)
    failed = "".join(f"<li>{html.escape(p)}: {html.escape(r)}</li>" for p, r in errors)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>scratch segment: {len(images)} images</title>
<style>body{{font-family:sans-serif;margin:1em}} main{{display:grid;gap:1em;
grid-template-columns:repeat(auto-fill,minmax(280px,1fr))}} img{{width:100%}}
figure{{margin:0}} figcaption{{font-size:small}} .broken{{outline:3px solid red}}</style></head>
<body><h1>{len(images)} images, {sum(im["objects"] for im in images)} objects</h1>
<p>Tables: <a href="objects.csv">objects.csv</a>, <a href="summary.csv">summary.csv</a>,
<a href="errors.csv">errors.csv</a> ({len(errors)} failed). <span id="status"></span></p>
{f"<ul class='errors'>{failed}</ul>" if errors else ""}
<main>
{figures}
</main>
<script>
window.addEventListener("load", function () {{
  var imgs = document.querySelectorAll("main img"), ok = 0;
  imgs.forEach(function (im) {{
    var loaded = im.complete && im.naturalWidth > 0;
    im.dataset.loaded = loaded ? "yes" : "no";
    if (loaded) ok++; else im.classList.add("broken");
  }});
  document.getElementById("status").textContent = ok + " of " + imgs.length + " overlays loaded";
}});
</script>
</body></html>
"""
    with atomic(os.path.join(out, "index.html")) as tmp:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(page)


def _collect(records, out):
    images = [im for rec in records for im in rec["images"]]
    errors = [tuple(e) for rec in records for e in rec["errors"]]
    objects = {"image": [im["image"] for im in images for _ in im["table"]["label"]]}
    names = list(images[0]["table"]) if images else ["label"]
    for n in names:
        objects[n] = [v for im in images for v in im["table"][n]]
    summary = {k: [im[k] for im in images]
               for k in ("image", "objects", "mean_area", "threshold_method", "threshold")}
    summary["labels"] = [f"{im['stem']}_labels.tif" for im in images]
    summary["overlay"] = [f"{im['stem']}_overlay.png" for im in images]
    _write_table(objects, os.path.join(out, "objects.csv"))
    wrote = ["objects.csv"]
    if _write_parquet(objects, os.path.join(out, "objects.parquet")):
        wrote.append("objects.parquet")
    _write_table(summary, os.path.join(out, "summary.csv"))
    _write_table({"path": [e[0] for e in errors], "reason": [e[1] for e in errors]},
                 os.path.join(out, "errors.csv"))
    _write_gallery(images, errors, out)
    return images, errors, wrote + ["summary.csv", "errors.csv", "index.html"]


def _clean_parts(out):
    for part in glob.glob(os.path.join(glob.escape(out), "**", f".*{PART}"), recursive=True):
        with contextlib.suppress(OSError):
            os.unlink(part)


def _raise_interrupted(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def run(options):
    """``python -m scratch segment PATH...`` with several images; returns the exit status."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    out = options.out
    jobs = options.jobs if options.jobs is not None else (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    if jobs < 1:
        print(f"error: --jobs must be >= 1, got {jobs}", file=sys.stderr)
        return 1
    try:
        os.makedirs(os.path.join(out, RECORDS), exist_ok=True)
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or out}", file=sys.stderr)
        return 1
    _clean_parts(out)  # left by a run that was killed with SIGKILL
    files, plan_errors = plan(options.paths, out)
    opts = _options(options)
    tasks = [(path, stem, out, opts) for path, stem in files]
    records = {}
    if options.resume:
        for path, stem in files:
            done = _load_done(out, stem, _fingerprint(path, opts))
            if done is not None:
                records[stem] = done
    todo = [t for t in tasks if t[1] not in records]
    skipped = len(records)
    previous = signal.signal(signal.SIGTERM, _raise_interrupted)
    start = time.perf_counter()
    results = iter(())
    console = Console(stderr=True)
    progress = Progress(TextColumn("segment"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("files"), TimeElapsedColumn(), TextColumn("ETA"),
                        TimeRemainingColumn(), console=console, transient=False)
    try:
        with progress:
            bar = progress.add_task("segment", total=len(tasks), completed=skipped)
            if options.dask is not None:
                results = _dask_map(todo, options.dask, jobs)
            elif jobs == 1 or len(todo) <= 1:
                results = map(process_file, todo)
            else:
                results = _pool_map(todo, min(jobs, len(todo)))
            for record in results:
                records[record["stem"]] = record
                progress.advance(bar)
    except (Interrupted, KeyboardInterrupt) as exc:
        getattr(results, "close", lambda: None)()  # a pool: its workers are stopped first
        _clean_parts(out)
        name = str(exc) or "SIGINT"
        done = sum(1 for r in records.values() if not r["errors"])
        print(f"interrupted ({name}): {done} of {len(tasks)} files done; run again with "
              f"--resume to finish", file=sys.stderr)
        return 130 if name == "SIGINT" else 128 + signal.SIGTERM
    except SegmentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        signal.signal(signal.SIGTERM, previous)
    ordered = [{"images": [], "errors": [list(e) for e in plan_errors]}]
    ordered += [records[stem] for _, stem in files]
    images, errors, wrote = _collect(ordered, out)
    seconds = time.perf_counter() - start
    objects = sum(im["objects"] for im in images)
    resumed = f", {skipped} files already done" if skipped else ""
    print(f"{len(images)} images segmented, {objects} objects, {len(errors)} failed"
          f"{resumed} ({seconds:.1f} s); wrote {', '.join(os.path.join(out, w) for w in wrote)}")
    return 1 if errors or not images else 0
