"""The run's output: the five Parquet tables (documents, events, mentions, facts, memberships)
partitioned by month, written by `tengri.export.parquet` in the export's schema, with its
manifest `_tengri_export.json`.

The tables are written into a new folder and moved into place when whole, so a run stopped
while writing them leaves the previous tables (or none), never a mix. They carry no clock time
(`stored_at` is empty): the same corpus gives the same rows whichever engine coded it.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tengri.engine.documents import Corpus
from tengri.engine.intermediate import file_name, read_lines
from tengri.export.parquet import MANIFEST, ParquetSummary

PARTITION = "month"


def _claims(kind: str, parts: list[Path], corpus: Corpus,
            row: Callable[..., dict[str, Any]]) -> Iterator[dict[str, Any]]:
    number = 0
    for folder in parts:
        for item in read_lines(folder / file_name(kind)):
            document = corpus.documents.get(item["n"])
            if document is None:
                continue
            number += 1
            yield row(item["record"], number, document.n, document.published)


def write_tables(out: Path, scratch: Path, parts: list[Path], corpus: Corpus,
                 events_file: Path, counterparts: dict[int, list[int]],
                 extra: dict[str, Any]) -> ParquetSummary:
    """Write the tables under `out` (see the module's docstring)."""
    from tengri.export.parquet import (
        event_row,
        fact_row,
        membership_row,
        mention_rows,
        stored_document_row,
        write_manifest,
        write_parquet,
    )

    def events() -> Iterator[dict[str, Any]]:
        for record in read_lines(events_file):
            record["counterpart_events"] = [
                str(e) for e in counterparts.get(int(record["event_id"]), ())]
            yield event_row(record)

    def mentions() -> Iterator[dict[str, Any]]:
        for record in read_lines(events_file):
            yield from mention_rows(record)

    def documents() -> Iterator[dict[str, Any]]:
        for n in sorted(corpus.documents):
            yield stored_document_row(corpus.documents[n].row())

    folder = scratch / f"tables-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    try:
        summary = write_parquet({
            "documents": documents(), "events": events(), "mentions": mentions(),
            "facts": _claims("facts", parts, corpus, fact_row),
            "memberships": _claims("memberships", parts, corpus, membership_row),
        }, folder, PARTITION)
        write_manifest(folder, summary, PARTITION, extra)
        for name in (*summary.rows, MANIFEST):
            target, made = out / name, folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
            if made.exists():
                os.replace(made, target)
        summary.files = [out / p.relative_to(folder) for p in summary.files]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return summary
