"""The Parquet export's tables and their schema, versioned.

The schema is a contract like the JSON record shape: columns are added, never renamed or
retyped, and any change bumps SCHEMA_VERSION (tests/export/test_parquet_schema.py pins each
version's digest, and docs/EXPORTS.md lists every column). The partition columns `year` and
`month` live in the directory names (`year=2025/month=11/`), not in the files.
"""

from __future__ import annotations

import hashlib
import json

import pyarrow as pa

SCHEMA_VERSION = 1

_str, _f64, _i32, _date = pa.string(), pa.float64(), pa.int32(), pa.date32()
# As Parquet stores them, so a file's schema reads back equal to these: timestamps in
# milliseconds, list items named "element".
_time = pa.timestamp("ms", tz="UTC")


def _list(item: pa.DataType) -> pa.DataType:
    return pa.list_(pa.field("element", item))


def _actor(role: str) -> list[pa.Field]:
    return [pa.field(f"{role}_{f}", _str) for f in
            ("id", "name", "kind", "country", "sector", "igo", "role")]


PARTICIPANT = pa.struct([pa.field(f, _str) for f in ("id", "name", "kind", "country", "sector")])

TABLES: dict[str, pa.Schema] = {
    "events": pa.schema([
        pa.field("event_id", _str, nullable=False),
        pa.field("type", _str, nullable=False),
        pa.field("mode", _str),
        pa.field("cameo", _str, nullable=False),
        pa.field("cameo_root", _str, nullable=False),
        pa.field("goldstein", _f64),
        pa.field("quad_class", pa.int8()),
        pa.field("status", _str, nullable=False),
        *_actor("source"),
        *_actor("target"),
        pa.field("participants", _list(PARTICIPANT)),
        pa.field("date_start", _date),
        pa.field("date_end", _date),
        pa.field("date_precision", _str, nullable=False),
        pa.field("date_text", _str),
        pa.field("location_name", _str),
        pa.field("location_country", _str),
        pa.field("location_lat", _f64),
        pa.field("location_lon", _f64),
        pa.field("location_precision", _str, nullable=False),
        pa.field("location_id", _str),
        pa.field("quantity_value", _f64),
        pa.field("quantity_unit", _str),
        pa.field("gathering_kind", _str),
        pa.field("gathering_name", _str),
        pa.field("contexts", _list(_str)),
        pa.field("confidence", _f64),
        pa.field("source_count", _i32),
        pa.field("mention_count", _i32),
        pa.field("article_count", _i32),
        pa.field("first_reported", _date),
        pa.field("last_reported", _date),
        pa.field("curated", pa.bool_()),
        pa.field("rules", _str),
        pa.field("stored_at", _time),
        pa.field("counterpart_events", _list(_str)),
    ]),
    "mentions": pa.schema([
        pa.field("mention_id", _str, nullable=False),
        pa.field("event_id", _str, nullable=False),
        pa.field("record_id", _str),
        pa.field("document_id", _str, nullable=False),
        pa.field("published", _date),
        pa.field("stored_at", _time),
        pa.field("sentence_index", _i32),
        pa.field("sentence_start", _i32),
        pa.field("sentence_end", _i32),
        pa.field("sentence", _str),
        pa.field("trigger_text", _str),
        pa.field("trigger_start", _i32),
        pa.field("trigger_end", _i32),
        pa.field("cameo", _str),
        pa.field("status", _str),
        pa.field("confidence", _f64),
        pa.field("source_offset", _i32),
        pa.field("target_offset", _i32),
    ]),
    "documents": pa.schema([
        pa.field("document_id", _str, nullable=False),
        pa.field("doc_key", _str),
        pa.field("input_name", _str),
        pa.field("url", _str),
        pa.field("title", _str),
        pa.field("published", _date),
        pa.field("lang", _str),
        pa.field("source_name", _str),
        pa.field("content_hash", _str),
        pa.field("near_duplicate_group", _str),
        pa.field("text_chars", _i32),
        pa.field("version", _i32),
        pa.field("stored_at", _time),
    ]),
    "facts": pa.schema([
        pa.field("fact_id", _str, nullable=False),
        pa.field("record_id", _str),
        pa.field("document_id", _str, nullable=False),
        pa.field("published", _date),
        pa.field("indicator", _str, nullable=False),
        pa.field("value", _f64),
        pa.field("qualifier", _str),
        pa.field("unit", _str),
        *[pa.field(f"{role}_{f}", _str) for role in ("subject", "origin", "destination")
          for f in ("id", "name", "country")],
        pa.field("period_start", _date),
        pa.field("period_end", _date),
        pa.field("period_precision", _str),
        pa.field("sentence", _str),
        pa.field("sentence_index", _i32),
        pa.field("sentence_start", _i32),
        pa.field("sentence_end", _i32),
        pa.field("confidence", _f64),
        pa.field("rules", _str),
    ]),
    "memberships": pa.schema([
        pa.field("membership_id", _str, nullable=False),
        pa.field("record_id", _str),
        pa.field("document_id", _str, nullable=False),
        pa.field("published", _date),
        pa.field("member_id", _str),
        pa.field("member_name", _str),
        pa.field("member_country", _str),
        pa.field("organization_id", _str),
        pa.field("organization_name", _str),
        pa.field("relation", _str),
        pa.field("status", _str),
        pa.field("kb_check", _str),
        pa.field("date_start", _date),
        pa.field("date_end", _date),
        pa.field("date_precision", _str),
        pa.field("sentence", _str),
        pa.field("sentence_index", _i32),
        pa.field("sentence_start", _i32),
        pa.field("sentence_end", _i32),
        pa.field("confidence", _f64),
        pa.field("rules", _str),
    ]),
}

# Which date puts a row in its month: an event by its first day (else its first report),
# everything else by its document's publication date.
PARTITION_DATE: dict[str, tuple[str, ...]] = {
    "events": ("date_start", "first_reported"),
    "mentions": ("published",),
    "documents": ("published",),
    "facts": ("published",),
    "memberships": ("published",),
}


def schema_description() -> dict[str, list[list[str | bool]]]:
    """Every table's columns as [name, type, nullable], in order."""
    return {name: [[f.name, str(f.type), f.nullable] for f in schema]
            for name, schema in TABLES.items()}


def schema_digest() -> str:
    """A digest of the whole schema: it changes whenever any column does."""
    text = json.dumps(schema_description(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
