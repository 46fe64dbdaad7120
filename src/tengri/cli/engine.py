"""`tengri run` (a corpus on this machine's cores or a Dask cluster, into partitioned Parquet
and optionally the store) and `tengri watch` (a folder or feed, ingested as items arrive)."""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from tengri.cli.app import app, err, handles_errors, out
from tengri.cli.ingest import DB_HELP, estimate_documents, source_options
from tengri.engine import ENGINES, RunOptions, RunSummary, run_corpus
from tengri.engine.partitions import DEFAULT_SIZE
from tengri.engine.records import PartitionResult
from tengri.engine.watch import WatchOptions, WatchSummary, watch
from tengri.errors import UsageError
from tengri.ingest.sources import INPUT_FORMATS
from tengri.settings import Settings
from tengri.store import IngestSummary, open_store

ENGINE_HELP = ("local: worker processes on this machine; dask: a Dask cluster (a LocalCluster "
               "of --workers processes unless --scheduler names one).")


def _quiet_dask() -> None:
    """distributed logs every worker's start and stop; show that only with `tengri -v`."""
    if logging.getLogger().getEffectiveLevel() > logging.INFO:
        logging.getLogger("distributed").setLevel(logging.ERROR)


def _print_run(summary: RunSummary) -> None:
    s = summary
    seconds = s.seconds.get("total", 0.0)
    rate = s.seen / seconds if seconds else 0.0
    reasons = ", ".join(f"{r} {n}" for r, n in sorted(s.quarantined.items()))
    lines = [
        f"run into {s.out}: {s.seen} documents read in {seconds:.1f} s ({rate:.1f}/s), "
        f"{s.engine} engine, {s.workers} worker(s)",
        f"  partitions   {s.partitions} ({s.coded} coded, {s.resumed} already written"
        + (f", {s.retried} retried" if s.retried else "") + ")",
        f"  documents    {s.documents} ({s.duplicates} duplicate(s) left out)",
        f"  quarantined  {sum(s.quarantined.values())}" + (f"  ({reasons})" if reasons else ""),
        f"  events       {s.events} from {s.mentions} mentions",
        f"  facts        {s.facts}, memberships {s.memberships}",
    ]
    if s.store is not None:
        lines.append(f"  store        {s.store.stored} stored, {s.store.unchanged} unchanged; "
                     f"{s.store.events_total} events, {s.store.mentions_total} mentions")
    out.print("\n".join(lines), markup=False, highlight=False)


@app.command("run")
@handles_errors
def run_command(
    corpus: Annotated[list[str], typer.Argument(
        help="Files, folders, globs, '-', URLs, feeds, WARC archives, JSONL dumps: anything "
        "`tengri ingest` reads.")],
    engine: str = typer.Option("local", "--engine", help=ENGINE_HELP),
    scheduler: str = typer.Option(None, "--scheduler", help="Address of a Dask scheduler "
                                  "(tcp://HOST:8786); --out must be on storage it shares."),
    workers: int = typer.Option(None, "--workers", "-w", min=1, help="Worker processes "
                                "(local and LocalCluster: default every core; with "
                                "--scheduler: wait for this many workers)."),
    out_dir: Path = typer.Option(Path("tengri-run"), "--out", help="Folder for the Parquet "
                                 "tables and the run's manifest; run again to resume."),
    db: str = typer.Option(None, "--db", help="Also load this store. " + DB_HELP),
    partition_size: int = typer.Option(DEFAULT_SIZE, "--partition-size", min=1,
                                       help="Documents per partition (one task)."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                  "for every input, overriding dates found in them."),
    input_format: str = typer.Option("auto", "--input-format",
                                     help=f"How to read files: {', '.join(INPUT_FORMATS)}."),
    urls: Annotated[list[str] | None, typer.Option(
        "--urls", help="A file with one URL per line to fetch (repeatable).")] = None,
    offline: bool = typer.Option(False, "--offline", help="Never fetch: URLs are quarantined."),
    allow_private: bool = typer.Option(False, "--allow-private-addresses", "--allow-private",
                                       help="Let URLs reach private and loopback addresses."),
    kb: Annotated[list[str] | None, typer.Option(
        "--kb", help="A user KB file or folder (repeatable; also TENGRI_KB_PATH).")] = None,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Code a corpus in parallel into Parquet tables (and the store, with --db).

    The corpus is cut into partitions that worker processes (--engine local) or a Dask
    cluster (--engine dask) code in parallel. Events are then merged across all partitions
    with the store's rules, and documents, events, mentions, facts and memberships are written
    under --out as Parquet, partitioned by month. A run that stops (a dead worker is retried;
    a dead client is not) resumes when run again: partitions already written are skipped.
    Both engines write the same tables for the same corpus.
    """
    if engine not in ENGINES:
        raise UsageError(f"--engine {engine!r}; choose one of {', '.join(ENGINES)}")
    _quiet_dask()
    settings = Settings.from_env(kb_paths=tuple(Path(p) for p in kb or ()), db_url=db,
                                 workers=workers)
    options = RunOptions(out=out_dir, engine=engine, workers=workers, scheduler=scheduler,
                         partition_size=partition_size, db=db, settings=settings,
                         sources=source_options(published, input_format, urls, offline,
                                          allow_private))
    specs = list(corpus)
    if err.is_terminal and not as_json:
        summary = _run_with_progress(specs, options)
    else:
        summary = run_corpus(specs, options)
    if as_json:
        out.print(json.dumps(summary.to_dict()), markup=False, highlight=False, soft_wrap=True)
    else:
        _print_run(summary)
    if summary.seen == 0:
        err.print("tengri: nothing could be read", markup=False)
        raise typer.Exit(1)


def _run_with_progress(specs: list[str], options: RunOptions) -> RunSummary:
    total = estimate_documents(specs)
    started = time.monotonic()
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s")]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("coding", total=total, rate="0.0")
        done = [0]

        def advance(summary: RunSummary, result: PartitionResult | None) -> None:
            if result is not None:
                done[0] += result.counts.get("documents", 0) + result.counts.get("skipped", 0)
            else:
                done[0] = max(done[0], summary.seen)
            elapsed = max(time.monotonic() - started, 1e-6)
            progress.update(task, completed=done[0], rate=f"{done[0] / elapsed:.1f}")

        return run_corpus(specs, options, progress=advance)


def _print_watch(summary: WatchSummary) -> None:
    out.print(f"watch stopped after {summary.polls} poll(s): {summary.items} new item(s), "
              f"{summary.stored} stored, {summary.unchanged} unchanged, "
              f"{summary.quarantined} quarantined, {summary.events_created} new events",
              markup=False, highlight=False)


@app.command("watch")
@handles_errors
def watch_command(
    target: Annotated[str, typer.Argument(help="A folder (new files in it, recursively) or "
                                          "the http(s) URL of an RSS/Atom feed.")],
    db: str = typer.Option(None, "--db", help=DB_HELP),
    interval: float = typer.Option(60.0, "--interval", min=0.05,
                                   help="Seconds between two looks for new items."),
    settle: float = typer.Option(1.0, "--settle", min=0.0, help="Read a file only once it "
                                 "has not changed for this many seconds."),
    workers: int = typer.Option(1, "--workers", "-w", min=1,
                                help="Worker processes that code new items."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                  "for every item, overriding dates found in them."),
    input_format: str = typer.Option("auto", "--input-format",
                                     help=f"How to read files: {', '.join(INPUT_FORMATS)}."),
    allow_private: bool = typer.Option(False, "--allow-private-addresses", "--allow-private",
                                       help="Let the feed and its links reach private and "
                                       "loopback addresses."),
    kb: Annotated[list[str] | None, typer.Option(
        "--kb", help="A user KB file or folder (repeatable; also TENGRI_KB_PATH).")] = None,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON line per poll that "
                                 "found something, and the summary."),
) -> None:
    """Keep ingesting new items of a folder or a feed into the store as they arrive.

    Each item is stored once (what was read is remembered in bounded memory, and the store
    recognises anything older). Stop with Ctrl-C or SIGTERM: the batch being written is
    finished first, then the command exits 0.
    """
    settings = Settings.from_env(kb_paths=tuple(Path(p) for p in kb or ()), db_url=db)
    options = WatchOptions(interval=interval, settle=settle, workers=workers,
                           kb_paths=settings.kb_paths,
                           sources=source_options(published, input_format, None, False,
                                            allow_private))
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set())
                for s in (signal.SIGINT, signal.SIGTERM)}

    def report(summary: WatchSummary, run: IngestSummary | None) -> None:
        if run is None:
            return
        if as_json:
            out.print(json.dumps({"poll": summary.polls, **run.to_dict()}), markup=False,
                      highlight=False, soft_wrap=True)
        else:
            err.print(f"poll {summary.polls}: {run.seen} new, {run.stored} stored, "
                      f"{run.events_created} new events", markup=False)

    store = open_store(db, settings)
    try:
        summary = watch(target, store, options, stop, report)
    finally:
        store.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if as_json:
        out.print(json.dumps({"stopped": True, "polls": summary.polls, "items": summary.items,
                              "stored": summary.stored, "unchanged": summary.unchanged,
                              "quarantined": summary.quarantined,
                              "events_created": summary.events_created}),
                  markup=False, highlight=False, soft_wrap=True)
    else:
        _print_watch(summary)
