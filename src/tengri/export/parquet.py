"""Parquet: tables of events, mentions, documents, facts and memberships with a versioned schema
(`parquet_schema.py`), partitioned by month (`events/year=2025/month=11/part-00000.parquet`).

`write_parquet` takes plain rows and knows nothing of the store, so the distributed engine can
write its partitions with it; the `*_row(s)` functions turn export records, extraction records
and store rows into those rows. Memory stays bounded: rows are buffered per partition and
written as row groups, at most `max_buffered_rows` rows are held at once (past that, the
partition least recently added to is written out), and at most `max_open_files` files are open
(the least recently used is closed, and a later row for its partition starts a new file).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tengri import __version__
from tengri.errors import UsageError
from tengri.export.parquet_schema import (
    PARTITION_DATE,
    SCHEMA_VERSION,
    TABLES,
    schema_description,
    schema_digest,
)
from tengri.model import Document, Extraction

Row = Mapping[str, Any]
MANIFEST = "_tengri_export.json"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # pyarrow's and Hive's name for a null value
PARTITIONS = ("month", None)


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _time(value: Any) -> dt.datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _actor(role: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{role}_{f}": actor.get(f) for f in
            ("id", "name", "kind", "country", "sector", "igo", "role")}


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


# --- rows from export records (store) and extraction records (engine) -------------------------

def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """The `events` row of an export record (tengri.export.records)."""
    date, place = record.get("date") or {}, record.get("location") or {}
    quantity, gathering = record.get("quantity") or {}, record.get("gathering") or {}
    return {
        "event_id": record["event_id"], "type": record["type"], "mode": record.get("mode"),
        "cameo": record["cameo"], "cameo_root": record["cameo"][:2],
        "goldstein": record.get("goldstein"), "quad_class": record.get("quad_class"),
        "status": record["status"],
        **_actor("source", record.get("source")), **_actor("target", record.get("target")),
        "participants": [{f: a.get(f) for f in ("id", "name", "kind", "country", "sector")}
                         for a in record.get("participants") or ()],
        "date_start": _date(date.get("start")), "date_end": _date(date.get("end")),
        "date_precision": date.get("precision") or "unknown", "date_text": date.get("text"),
        "location_name": place.get("name"), "location_country": place.get("country"),
        "location_lat": place.get("lat"), "location_lon": place.get("lon"),
        "location_precision": place.get("precision") or "unknown",
        "location_id": place.get("id"),
        "quantity_value": quantity.get("value"), "quantity_unit": quantity.get("unit"),
        "gathering_kind": gathering.get("kind"), "gathering_name": gathering.get("name"),
        "contexts": list(record.get("contexts") or ()),
        "confidence": record.get("confidence"),
        "source_count": record.get("source_count"), "mention_count": record.get("mention_count"),
        "article_count": record.get("article_count"),
        "first_reported": _date(record.get("first_reported")),
        "last_reported": _date(record.get("last_reported")),
        "curated": record.get("curated"), "rules": record.get("rules"),
        "stored_at": _time(record.get("stored_at")),
        "counterpart_events": list(record.get("counterpart_events") or ()),
    }


def mention_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The `mentions` rows of an export record: one per report."""
    rows = []
    for m in record.get("mentions") or ():
        trigger = m.get("trigger") or {}
        rows.append({
            "mention_id": m["mention_id"], "event_id": record["event_id"],
            "record_id": m.get("record_id"), "document_id": m["document_id"],
            "published": _date(m.get("published")), "stored_at": _time(m.get("stored_at")),
            "sentence_index": m.get("sentence_index"), "sentence_start": m.get("start"),
            "sentence_end": m.get("end"), "sentence": m.get("sentence"),
            "trigger_text": trigger.get("text"), "trigger_start": trigger.get("start"),
            "trigger_end": trigger.get("end"), "cameo": m.get("cameo"),
            "status": m.get("status"), "confidence": m.get("confidence"),
            "source_offset": m.get("source_offset"), "target_offset": m.get("target_offset"),
        })
    return rows


def stored_document_row(row: Row) -> dict[str, Any]:
    """The `documents` row of a document as the store holds it."""
    return {
        "document_id": str(row["id"]), "doc_key": row.get("doc_key"),
        "input_name": row.get("input_name"), "url": row.get("url"), "title": row.get("title"),
        "published": _date(row.get("published")), "lang": row.get("lang"),
        "source_name": row.get("source_name"), "content_hash": row.get("content_hash"),
        "near_duplicate_group": row.get("near_duplicate_group"),
        "text_chars": row.get("text_chars"), "version": row.get("version"),
        "stored_at": _time(row.get("ingested_at")),
    }


def document_row(document: Document, stored_at: dt.datetime | None = None) -> dict[str, Any]:
    """The `documents` row of a document straight from ingest."""
    return {
        "document_id": document.doc_id, "doc_key": document.doc_id, "input_name": None,
        "url": document.url, "title": document.title, "published": document.published,
        "lang": document.lang, "source_name": document.source_name, "content_hash": None,
        "near_duplicate_group": None, "text_chars": len(document.text), "version": None,
        "stored_at": _time(stored_at),
    }


def _side(record: dict[str, Any], role: str) -> dict[str, Any]:
    actor = record.get(role) or {}
    return {f"{role}_{f}": actor.get(f) for f in ("id", "name", "country")}


def _evidence(record: dict[str, Any]) -> dict[str, Any]:
    evidence = record.get("evidence") or {}
    return {"sentence": evidence.get("sentence"),
            "sentence_index": evidence.get("sentence_index"),
            "sentence_start": evidence.get("start"), "sentence_end": evidence.get("end")}


def fact_row(record: dict[str, Any], fact_id: Any, document_id: Any,
             published: Any) -> dict[str, Any]:
    """The `facts` row of a fact record (README shape)."""
    period = record.get("period") or {}
    return {
        "fact_id": str(fact_id), "record_id": record.get("fact_id"),
        "document_id": str(document_id), "published": _date(published),
        "indicator": record.get("indicator"), "value": record.get("value"),
        "qualifier": record.get("qualifier"), "unit": record.get("unit"),
        **_side(record, "subject"), **_side(record, "origin"), **_side(record, "destination"),
        "period_start": _date(period.get("start")), "period_end": _date(period.get("end")),
        "period_precision": period.get("precision"), **_evidence(record),
        "confidence": record.get("confidence"), "rules": record.get("rules"),
    }


def membership_row(record: dict[str, Any], membership_id: Any, document_id: Any,
                   published: Any) -> dict[str, Any]:
    """The `memberships` row of a membership record (README shape)."""
    date = record.get("date") or {}
    member, organization = record.get("member") or {}, record.get("organization") or {}
    return {
        "membership_id": str(membership_id), "record_id": record.get("membership_id"),
        "document_id": str(document_id), "published": _date(published),
        "member_id": member.get("id"), "member_name": member.get("name"),
        "member_country": member.get("country"), "organization_id": organization.get("id"),
        "organization_name": organization.get("name"), "relation": record.get("relation"),
        "status": record.get("status"), "kb_check": record.get("kb_check"),
        "date_start": _date(date.get("start")), "date_end": _date(date.get("end")),
        "date_precision": date.get("precision"), **_evidence(record),
        "confidence": record.get("confidence"), "rules": record.get("rules"),
    }


def extraction_tables(extractions: Iterable[Extraction], stored_at: dt.datetime | None = None,
                      ) -> dict[str, list[dict[str, Any]]]:
    """All five tables' rows for a chunk of extractions (the engine's way in)."""
    from tengri.export.records import extracted_event_record

    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for extraction in extractions:
        document = extraction.document
        tables["documents"].append(document_row(document, stored_at))
        for event in extraction.events:
            record = extracted_event_record(event, document, stored_at)
            tables["events"].append(event_row(record))
            tables["mentions"].extend(mention_rows(record))
        for fact in extraction.facts:
            tables["facts"].append(fact_row(fact.to_dict(), fact.fact_id, document.doc_id,
                                            document.published))
        for claim in extraction.memberships:
            tables["memberships"].append(membership_row(
                claim.to_dict(), claim.membership_id, document.doc_id, document.published))
    return tables


# --- writing ----------------------------------------------------------------------------------

@dataclass
class ParquetSummary:
    rows: dict[str, int] = field(default_factory=lambda: {name: 0 for name in TABLES})
    files: list[Path] = field(default_factory=list)


def partition_of(table: str, row: Row, partition: str | None) -> str:
    """The partition folder of a row, e.g. 'year=2025/month=11'; '' when not partitioned."""
    if partition is None:
        return ""
    day = next((d for c in PARTITION_DATE[table] if (d := _date(row.get(c))) is not None), None)
    if day is None:
        return f"year={NULL_PARTITION}/month={NULL_PARTITION}"
    return f"year={day.year:04d}/month={day.month:02d}"


class _PartitionedWriter:
    def __init__(self, out_dir: Path, partition: str | None, row_group_size: int,
                 file_prefix: str, max_open_files: int, max_buffered_rows: int) -> None:
        self.out_dir, self.partition, self.prefix = out_dir, partition, file_prefix
        self.row_group_size, self.max_open_files = row_group_size, max_open_files
        self.max_buffered_rows = max(max_buffered_rows, row_group_size)
        # Least recently added-to first: with input in date order, the first buffers are of
        # months that are complete, so writing them out first keeps one file per month.
        self.buffers: OrderedDict[tuple[str, str], list[Row]] = OrderedDict()
        self.buffered = 0
        self.writers: OrderedDict[tuple[str, str], pq.ParquetWriter] = OrderedDict()
        self.summary = ParquetSummary()

    def add(self, table: str, row: Row) -> None:
        key = (table, partition_of(table, row, self.partition))
        buffer = self.buffers.setdefault(key, [])
        self.buffers.move_to_end(key)
        buffer.append(row)
        self.buffered += 1
        self.summary.rows[table] += 1
        if len(buffer) >= self.row_group_size:
            self._flush(key)
        elif self.buffered > self.max_buffered_rows:
            self._flush(next(iter(self.buffers)))

    def _writer(self, key: tuple[str, str]) -> pq.ParquetWriter:
        writer = self.writers.get(key)
        if writer is not None:
            self.writers.move_to_end(key)
            return writer
        if len(self.writers) >= self.max_open_files:
            _, oldest = self.writers.popitem(last=False)
            oldest.close()
        folder = self.out_dir / key[0] / key[1]
        folder.mkdir(parents=True, exist_ok=True)
        number = 0
        while (path := folder / f"{self.prefix}-{number:05d}.parquet").exists():
            number += 1
        schema = TABLES[key[0]].with_metadata({"tengri.schema_version": str(SCHEMA_VERSION)})
        writer = pq.ParquetWriter(path, schema)
        self.writers[key] = writer
        self.summary.files.append(path)
        return writer

    def _flush(self, key: tuple[str, str]) -> None:
        rows = self.buffers.pop(key, [])
        if not rows:
            return
        self.buffered -= len(rows)
        table = pa.Table.from_pylist(rows, schema=TABLES[key[0]])
        self._writer(key).write_table(table, row_group_size=self.row_group_size)

    def close(self) -> ParquetSummary:
        for key in list(self.buffers):
            self._flush(key)
        while self.writers:
            self.writers.popitem(last=False)[1].close()
        return self.summary


def write_parquet(tables: Mapping[str, Iterable[Row]], out_dir: Path | str,
                  partition: str | None = "month", *, row_group_size: int = 10_000,
                  file_prefix: str = "part", max_open_files: int = 32,
                  max_buffered_rows: int = 50_000) -> ParquetSummary:
    """Write rows of the named tables (events, mentions, documents, facts, memberships) under
    `out_dir`, each table in its own folder, partitioned by month (or not, `partition=None`).

    Tables are read one after the other, each iterable once. New files never overwrite old
    ones: several writers may share `out_dir` if each has its own `file_prefix`.
    """
    if partition not in PARTITIONS:
        raise UsageError(f"partition {partition!r}: use 'month' or None")
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        raise UsageError(f"unknown Parquet table(s) {', '.join(unknown)}; the tables are "
                         f"{', '.join(TABLES)}")
    writer = _PartitionedWriter(Path(out_dir), partition, row_group_size, file_prefix,
                                max_open_files, max_buffered_rows)
    try:
        for name, rows in tables.items():
            for row in rows:
                writer.add(name, row)
    finally:
        summary = writer.close()
    return summary


def write_manifest(out_dir: Path | str, summary: ParquetSummary, partition: str | None,
                   extra: Mapping[str, Any] | None = None) -> Path:
    """`_tengri_export.json`: schema version and digest, partitioning and row counts."""
    path = Path(out_dir) / MANIFEST
    path.write_text(json.dumps({
        "format": "tengri-parquet", "schema_version": SCHEMA_VERSION,
        "schema_digest": schema_digest(), "partition": partition,
        "tengri_version": __version__, "rows": summary.rows,
        "files": len(summary.files), **(extra or {}),
        "schema": schema_description(),
    }, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path

