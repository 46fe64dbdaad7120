"""`tengri ingest`: read sources, code them in worker processes, store documents, events and
mentions exactly once, and say what happened."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)

from tengri.cli.app import app, err, handles_errors, out
from tengri.errors import UsageError
from tengri.ingest.addresses import AddressPolicy
from tengri.ingest.fetch import FetchOptions
from tengri.ingest.files import expand, has_scheme, is_url, suffixes
from tengri.ingest.records import Loaded, SourceError
from tengri.ingest.sources import INPUT_FORMATS, SourceOptions, iter_sources
from tengri.settings import Settings
from tengri.store import IngestSummary, Store, ingest, open_store

DB_HELP = ("Database: a SQLite file path or postgresql://USER@HOST/NAME (also TENGRI_DB); "
           "default: tengri.db in the data directory (TENGRI_DATA_DIR).")


def parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:  # type: ignore[operator]
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError):
        return 1


def estimate_documents(sources: list[str]) -> int | None:
    """How many documents the local sources hold (JSONL lines, one per other file), for the
    progress bar's ETA; None when that cannot be known cheaply (stdin, URLs, WARC)."""
    total = 0
    for spec in sources:
        if spec == "-" or is_url(spec) or has_scheme(spec):
            return None
        for path in expand(spec):
            kinds = suffixes(path.name)
            if kinds and kinds[-1] in {".warc", ".arc"}:
                return None
            total += _count_lines(path) if kinds and kinds[-1] in {".jsonl", ".ndjson"} else 1
    return total


def _print_summary(summary: IngestSummary) -> None:
    rate = summary.seen / summary.seconds if summary.seconds else 0.0
    quarantined = sum(summary.quarantined.values())
    reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(summary.quarantined.items()))
    lines = [
        f"ingest run {summary.run_id}: {summary.seen} documents seen in "
        f"{summary.seconds:.1f} s ({rate:.1f}/s)",
        f"  stored       {summary.stored}",
        f"  unchanged    {summary.unchanged}",
        f"  replaced     {summary.replaced}",
        f"  quarantined  {quarantined}" + (f"  ({reasons})" if reasons else ""),
        f"  mentions     {summary.mentions} added, {summary.events_created} new events",
        f"  store        {summary.events_total} events, {summary.mentions_total} mentions",
    ]
    out.print("\n".join(lines), markup=False, highlight=False)


def source_options(published: str | None, input_format: str, urls: list[str] | None,
                   offline: bool, allow_private: bool) -> SourceOptions:
    """How `ingest`, `run` and `watch` read their inputs, from their shared options."""
    if input_format not in INPUT_FORMATS:
        raise UsageError(f"--input-format {input_format!r}; choose one of "
                         f"{', '.join(INPUT_FORMATS)}")
    try:
        return SourceOptions(
            input_format=input_format, published=parse_date(published, "--published"),
            url_lists=tuple(urls or ()), network=not offline,
            fetch=FetchOptions(policy=AddressPolicy(allow_private=allow_private)))
    except SourceError as exc:
        raise UsageError(str(exc)) from exc


@app.command("ingest")
@handles_errors
def ingest_command(
    sources: Annotated[list[str] | None, typer.Argument(
        help="Files, folders (recursive), globs, '-' for stdin, http(s) URLs of articles or "
        "RSS/Atom feeds, WARC archives, JSONL dumps; any may be gzipped.")] = None,
    db: str = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(None, "--workers", "-w", min=1,
                                help="Worker processes that code documents "
                                "(default: the cores, up to 4)."),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) "
                                  "for every input, overriding dates found in them."),
    input_format: str = typer.Option("auto", "--input-format",
                                     help=f"How to read files: {', '.join(INPUT_FORMATS)}."),
    urls: Annotated[list[str] | None, typer.Option(
        "--urls", help="A file with one URL per line to fetch (repeatable).")] = None,
    offline: bool = typer.Option(False, "--offline", help="Never fetch: URLs are quarantined."),
    allow_private: bool = typer.Option(False, "--allow-private-addresses", "--allow-private",
                                       help="Let URLs reach private and loopback addresses "
                                       "(an intranet archive); refused by default."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Documents per transaction."),
    kb: Annotated[list[str] | None, typer.Option(
        "--kb", help="A user KB file or folder that extends the shipped knowledge base "
        "(repeatable; also TENGRI_KB_PATH).")] = None,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Code news into the database, each document and each event once.

    Documents already stored (same URL, or same text) are skipped; a document whose URL comes
    with new text replaces its old records. Mentions of one event in different reports are
    merged into one event (`tengri events show ID` says why). Inputs that cannot be read or
    coded go to the quarantine with their reason (`tengri store quarantine`); the rest are
    stored. Stopping a run (even with kill -9) loses nothing: run it again.
    """
    options = source_options(published, input_format, urls, offline, allow_private)
    specs = list(sources or [])
    if not specs and not urls:
        raise UsageError("nothing to ingest: give files, folders, URLs or '-' for stdin")
    settings = Settings.from_env(kb_paths=tuple(Path(p) for p in kb or ()), db_url=db,
                                 workers=workers)
    store = open_store(db, settings)
    try:
        inputs = iter_sources(specs, options)
        run_options = {"workers": settings.workers, "published": published,
                       "input_format": input_format, "batch_size": batch_size,
                       "offline": offline, "allow_private": allow_private,
                       "kb": [str(p) for p in settings.kb_paths]}
        if err.is_terminal:
            summary = _ingest_with_progress(store, inputs, specs, settings, batch_size,
                                            run_options)
        else:
            summary = ingest(store, inputs, kb_paths=settings.kb_paths,
                             workers=settings.workers, batch_size=batch_size,
                             sources=specs + list(urls or ()), options=run_options)
    finally:
        store.close()
    if as_json:
        out.print(json.dumps(summary.to_dict()), markup=False, highlight=False, soft_wrap=True)
    else:
        _print_summary(summary)
    if summary.seen == 0 and summary.quarantined:
        err.print("tengri: nothing could be ingested", markup=False)
        raise typer.Exit(1)


def _ingest_with_progress(store: Store, inputs: Iterable[Loaded], specs: list[str],
                          settings: Settings, batch_size: int,
                          run_options: dict[str, Any]) -> IngestSummary:
    total = estimate_documents(specs)
    started = time.monotonic()
    columns = [SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} docs/s"), TimeRemainingColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total, rate="0.0")

        def advance(summary: IngestSummary) -> None:
            done = summary.stored + summary.unchanged + summary.replaced \
                + sum(summary.quarantined.values())
            elapsed = max(time.monotonic() - started, 1e-6)
            progress.update(task, completed=done, rate=f"{done / elapsed:.1f}")

        return ingest(store, inputs, kb_paths=settings.kb_paths, workers=settings.workers,
                      batch_size=batch_size, sources=specs, options=run_options,
                      progress=advance)
