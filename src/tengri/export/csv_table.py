"""CSV: one row per event with a flat, fixed set of columns (documented in docs/EXPORTS.md).

Actors become `<role>_id`, `_name`, `_kind`, `_country`, `_sector`, `_igo` and `_role`
columns; participants are joined with ';'. Empty cells mean unknown; booleans are true/false.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import Any, TextIO

Record = dict[str, Any]


def _actor(role: str, field: str) -> Callable[[Record], Any]:
    def get(record: Record) -> Any:
        actor = record.get(role)
        return actor.get(field) if actor else None

    return get


def _participants(field: str) -> Callable[[Record], str]:
    def get(record: Record) -> str:
        values = []
        for actor in record.get("participants") or ():
            value = actor.get(field) if field != "key" else (
                actor.get("id") or actor.get("country") or actor.get("name"))
            values.append(value or "")
        return ";".join(values)

    return get


def _nested(key: str, field: str) -> Callable[[Record], Any]:
    def get(record: Record) -> Any:
        value = record.get(key)
        return value.get(field) if value else None

    return get


def _first(field: str) -> Callable[[Record], Any]:
    def get(record: Record) -> Any:
        mentions = record.get("mentions") or ()
        return mentions[0].get(field) if mentions else None

    return get


def _get(key: str) -> Callable[[Record], Any]:
    return lambda record: record.get(key)


_ACTOR_FIELDS = ("id", "name", "kind", "country", "sector", "igo", "role")

COLUMNS: tuple[tuple[str, Callable[[Record], Any]], ...] = (
    ("event_id", _get("event_id")),
    ("type", _get("type")),
    ("mode", _get("mode")),
    ("cameo", _get("cameo")),
    ("cameo_root", lambda r: (r.get("cameo") or "")[:2]),
    ("goldstein", _get("goldstein")),
    ("quad_class", _get("quad_class")),
    ("status", _get("status")),
    *((f"source_{f}", _actor("source", f)) for f in _ACTOR_FIELDS),
    *((f"target_{f}", _actor("target", f)) for f in _ACTOR_FIELDS),
    ("participant_ids", _participants("key")),
    ("participant_names", _participants("name")),
    ("participant_countries", _participants("country")),
    ("date_start", _nested("date", "start")),
    ("date_end", _nested("date", "end")),
    ("date_precision", _nested("date", "precision")),
    ("location_name", _nested("location", "name")),
    ("location_country", _nested("location", "country")),
    ("location_lat", _nested("location", "lat")),
    ("location_lon", _nested("location", "lon")),
    ("location_precision", _nested("location", "precision")),
    ("location_id", _nested("location", "id")),
    ("quantity_value", _nested("quantity", "value")),
    ("quantity_unit", _nested("quantity", "unit")),
    ("gathering_kind", _nested("gathering", "kind")),
    ("gathering_name", _nested("gathering", "name")),
    ("confidence", _get("confidence")),
    ("source_count", _get("source_count")),
    ("mention_count", _get("mention_count")),
    ("article_count", _get("article_count")),
    ("first_reported", _get("first_reported")),
    ("last_reported", _get("last_reported")),
    ("curated", _get("curated")),
    ("rules", _get("rules")),
    ("first_url", _first("url")),
    ("first_title", _first("title")),
    ("first_sentence", _first("sentence")),
)

HEADER = tuple(name for name, _ in COLUMNS)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_row(record: Record) -> list[Any]:
    return [_cell(get(record)) for _, get in COLUMNS]


def write_csv(records: Iterable[Record], out: TextIO) -> int:
    """Write a header and one row per record; returns how many rows were written."""
    writer = csv.writer(out)  # RFC 4180: CRLF ends a row, so a lone CR or LF in a cell is quoted
    writer.writerow(HEADER)
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count
