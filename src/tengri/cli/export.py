"""`tengri export`: the database's events as CSV, JSON Lines, Parquet, GDELT 2.0 tables or
PLOVER JSON, selected with the filters of `tengri events`. The work is in `tengri.export`;
this module parses options, opens the outputs and says what was written."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

import typer

from tengri.cli import filters
from tengri.cli.app import app, err, handles_errors
from tengri.cli.ingest import DB_HELP
from tengri.errors import OutputError, UsageError
from tengri.export import FORMATS, ExportSummary, export_parquet, export_text
from tengri.export.run import check_format
from tengri.settings import Settings
from tengri.store import Store, open_store

STDOUT = "-"


def mentions_path(out: Path) -> Path:
    """Where the GDELT Mentions table goes next to the Events table: GDELT's own names
    ('….export.CSV' -> '….mentions.CSV'), else '.mentions' before the suffix."""
    if ".export." in out.name:
        return out.with_name(out.name.replace(".export.", ".mentions.", 1))
    return out.with_name(f"{out.stem}.mentions{out.suffix}")


@contextmanager
def _output(target: str, stack: ExitStack) -> Iterator[TextIO]:
    """A text stream for `target` ('-' is stdout). A file is written beside its final name and
    moved into place only when the export succeeds, so a failed export leaves no half file."""
    if target == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(target)
    partial = path.with_name(f".{path.name}.partial")
    try:
        handle = stack.enter_context(partial.open("w", encoding="utf-8", newline=""))
    except OSError as exc:
        raise UsageError(f"--out {target}: cannot write there ({exc.strerror})") from None
    try:
        yield handle
        handle.close()
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()


def _write_failed(out: str, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"--out {out}: the export could not be written ({reason}); free "
                       "space or choose another place, then run it again")


def _summary(summary: ExportSummary, where: str) -> str:
    text = f"exported {summary.events} events"
    if summary.format == "plover" and summary.written != summary.events:
        text += f" as {summary.written} PLOVER records (visits collapsed)"
    if summary.mentions:
        text += f" and {summary.mentions} mentions"
    if summary.tables:
        text += " (" + ", ".join(f"{n} {t}" for t, n in summary.tables.items()) + \
            f"; {summary.files} files)"
    return f"{text} to {where}"


def _open(db: str | None) -> Store:
    return open_store(db, Settings.from_env(db_url=db), create=False)


@app.command("export")
@handles_errors
def export(
    output_format: str = typer.Option(..., "--format", "-f",
                                      help="csv, jsonl, parquet, gdelt or plover."),
    out: str = typer.Option(STDOUT, "--out", "-o", help="File to write, '-' for standard "
                            "output; for parquet a folder (new or empty)."),
    mentions_out: str = typer.Option(None, "--mentions-out", help="gdelt: file for the "
                                     "Mentions table (default: beside --out, "
                                     "'x.export.CSV' -> 'x.mentions.CSV', 'x.tsv' -> "
                                     "'x.mentions.tsv'; none when writing to standard output)."),
    plover_layout: str = typer.Option("manual", "--plover-layout", help="plover: 'manual' "
                                      "(JSON lines, the PLOVER manual's field names) or 'gsr' "
                                      "(a JSON array in the gold-standard records' names)."),
    partition: str = typer.Option("month", "--partition", help="parquet: 'month' "
                                  "(year=YYYY/month=MM/ folders) or 'none'."),
    row_group_size: int = typer.Option(10_000, "--row-group-size", min=1, help="parquet: "
                                       "rows per row group (memory grows with it)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="parquet: replace a previous "
                                   "export in the --out folder."),
    actor: filters.Actor = None,
    country: filters.Country = None,
    dyad: filters.Dyad = None,
    directed: filters.Directed = False,
    event_type: filters.EventType = None,
    cameo_root: filters.CameoRoot = None,
    status: filters.Status = None,
    since: filters.Since = None,
    until: filters.Until = None,
    place: filters.Place = None,
    text: filters.Text = None,
    min_sources: filters.MinSources = None,
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export events (with their reports) for other tools; docs/EXPORTS.md has each format."""
    check_format(output_format, FORMATS)
    criteria = filters.event_filter(
        actor=actor, country=country, dyad=dyad, directed=directed, event_type=event_type,
        cameo_root=cameo_root, status=status, since=since, until=until, place=place, text=text,
        min_sources=min_sources)
    if output_format == "parquet":
        if out == STDOUT:
            raise UsageError("--format parquet writes a folder of files: give --out FOLDER")
        if partition not in ("month", "none"):
            raise UsageError(f"--partition {partition!r}; choose month or none")
        store = _open(db)
        try:
            summary = export_parquet(store, criteria, Path(out),
                                     partition=None if partition == "none" else partition,
                                     row_group_size=row_group_size, overwrite=overwrite)
        except OSError as exc:
            raise _write_failed(out, exc) from None
        finally:
            store.close()
        err.print(_summary(summary, out), markup=False, highlight=False, soft_wrap=True)
        return
    if mentions_out is not None and output_format != "gdelt":
        raise UsageError("--mentions-out is for --format gdelt only")
    if output_format == "gdelt" and mentions_out is None and out != STDOUT:
        mentions_out = str(mentions_path(Path(out)))
    store = _open(db)
    try:
        with ExitStack() as stack:
            stream = stack.enter_context(_output(out, stack))
            mentions = stack.enter_context(_output(mentions_out, stack)) \
                if mentions_out else None
            summary = export_text(store, criteria, output_format, stream,
                                  mentions_out=mentions, plover_layout=plover_layout)
    except OSError as exc:
        raise _write_failed(out, exc) from None
    finally:
        store.close()
    where = "standard output" if out == STDOUT else out
    if mentions_out:
        where += f" (mentions: {'standard output' if mentions_out == STDOUT else mentions_out})"
    err.print(_summary(summary, where), markup=False, highlight=False, soft_wrap=True)
