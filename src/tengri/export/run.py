"""Exporting the store: the events a filter selects, streamed in one read transaction through
one format's writer. `tengri export` is a thin wrapper over `export_text` and
`export_parquet`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection

from tengri.errors import UsageError
from tengri.export.csv_table import write_csv
from tengri.export.gdelt import write_gdelt
from tengri.export.jsonl import write_jsonl
from tengri.export.plover import LAYOUTS, write_plover
from tengri.export.records import event_record
from tengri.store import EventFilter, Store
from tengri.store.export_queries import (
    export_snapshot,
    iter_export_documents,
    iter_export_events,
    iter_export_facts,
    iter_export_memberships,
)

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")
TEXT_FORMATS = ("csv", "jsonl", "gdelt", "plover")


@dataclass
class ExportSummary:
    format: str
    events: int = 0  # events read from the store
    written: int = 0  # records written (PLOVER: a visit's two events are one record)
    mentions: int = 0  # GDELT Mentions rows
    tables: dict[str, int] = field(default_factory=dict)  # Parquet rows per table
    files: int = 0


class _Counted:
    """Export records of the stored events, counting them as they pass."""

    def __init__(self, connection: Connection, criteria: EventFilter):
        self.connection, self.criteria = connection, criteria
        self.count = 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for event in iter_export_events(self.connection, self.criteria, counterparts=True):
            self.count += 1
            yield event_record(event)


def check_format(value: str, choices: tuple[str, ...] = FORMATS) -> str:
    if value not in choices:
        raise UsageError(f"--format {value!r}; choose one of {', '.join(choices)}")
    return value


def export_text(store: Store, criteria: EventFilter, fmt: str, out: TextIO, *,
                mentions_out: TextIO | None = None, plover_layout: str = "manual",
                ) -> ExportSummary:
    """Write the events `criteria` selects to `out` as csv, jsonl, gdelt or plover (GDELT's
    Mentions rows to `mentions_out` when given)."""
    check_format(fmt, TEXT_FORMATS)
    if plover_layout not in LAYOUTS:
        raise UsageError(f"--plover-layout {plover_layout!r}; choose one of {', '.join(LAYOUTS)}")
    summary = ExportSummary(fmt)
    with export_snapshot(store) as connection:
        records = _Counted(connection, criteria)
        if fmt == "csv":
            summary.written = write_csv(records, out)
        elif fmt == "jsonl":
            summary.written = write_jsonl(records, out)
        elif fmt == "gdelt":
            summary.written, summary.mentions = write_gdelt(records, out, mentions_out)
        else:
            summary.written = write_plover(records, out, plover_layout)
    summary.events = records.count
    return summary


def prepare_folder(out_dir: Path, overwrite: bool) -> None:
    """An empty folder for a Parquet export; with `overwrite`, a previous export's tables and
    manifest are removed first (nothing else in the folder is touched)."""
    from tengri.export.parquet import MANIFEST
    from tengri.export.parquet_schema import TABLES

    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir}: a Parquet export is a folder, and this is a file")
    ours = [out_dir / name for name in (*TABLES, MANIFEST)]
    if overwrite:
        for path in ours:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    if out_dir.exists() and any(out_dir.iterdir()):
        raise UsageError(f"--out {out_dir} is not empty; give a new folder, or --overwrite to "
                         "replace a previous export there")
    out_dir.mkdir(parents=True, exist_ok=True)


def export_parquet(store: Store, criteria: EventFilter, out_dir: Path, *,
                   partition: str | None = "month", row_group_size: int = 10_000,
                   overwrite: bool = False) -> ExportSummary:
    """Write the events `criteria` selects, their mentions and documents, and those documents'
    facts and memberships, as Parquet tables under `out_dir` (with `_tengri_export.json`)."""
    from tengri.export.parquet import (
        event_row,
        fact_row,
        membership_row,
        mention_rows,
        stored_document_row,
        write_manifest,
        write_parquet,
    )

    prepare_folder(out_dir, overwrite)
    with export_snapshot(store) as connection:
        events = _Counted(connection, criteria)
        tables = {
            "events": (event_row(record) for record in events),
            "mentions": (row for event in iter_export_events(connection, criteria)
                         for row in mention_rows(event_record(event))),
            "documents": (stored_document_row(row)
                          for row in iter_export_documents(connection, criteria)),
            "facts": (fact_row(r["record"], r["id"], r["document_id"], r["published"])
                      for r in iter_export_facts(connection, criteria)),
            "memberships": (membership_row(r["record"], r["id"], r["document_id"],
                                           r["published"])
                            for r in iter_export_memberships(connection, criteria)),
        }
        written = write_parquet(tables, out_dir, partition, row_group_size=row_group_size,
                                max_buffered_rows=max(5 * row_group_size, 1))
    write_manifest(out_dir, written, partition, {"filter": _describe(criteria)})
    return ExportSummary("parquet", events=events.count, written=events.count,
                         tables=dict(written.rows), files=len(written.files))


def _describe(criteria: EventFilter) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in fields(criteria):
        value = getattr(criteria, item.name)
        if value not in (None, False):
            out[item.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out
