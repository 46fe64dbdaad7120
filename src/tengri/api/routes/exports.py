"""Streamed exports of events (JSONL or CSV) for any filter of GET /events, written a batch
at a time so memory stays flat. Each row says whether analysts curated the event and how.

(The export formats of `tengri.export` — Parquet, GDELT-style TSV, PLOVER JSON — are built
separately; these two stream the API's own event shape.)
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, Literal

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import EventQuery, check_known, query_model
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.store import Store
from tengri.store.browse import Curation, Review, iter_events
from tengri.store.queries import EventFilter, EventSummary

router = APIRouter(prefix="/exports", tags=["exports"], responses=PROBLEM_RESPONSES)

CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "type", "mode", "cameo", "goldstein",
    "quad_class", "status", "source_id", "source_name", "source_country", "target_id",
    "target_name", "target_country", "location_name", "location_country", "location_lat",
    "location_lon", "location_precision", "confidence", "source_count", "mention_count",
    "first_reported", "last_reported", "rules", "curated", "curation_verdict",
    "curation_edited_fields", "curation_by", "curation_at")


def event_record(event: EventSummary, curation: Curation | None) -> dict[str, Any]:
    """The exported shape: the API's event, with `curated` and what the curation was."""
    data = event.to_dict()
    data["curation"] = None if curation is None else {
        "verdict": curation.verdict, "edited_fields": curation.edited_fields,
        "by": curation.updated_by, "at": curation.updated_at.isoformat()}
    return data


def csv_row(record: dict[str, Any]) -> list[Any]:
    source, target = record["source"] or {}, record["target"] or {}
    date, place = record["date"], record["location"]
    curation = record["curation"] or {}
    values = {
        **{k: record[k] for k in ("id", "type", "mode", "cameo", "goldstein", "quad_class",
                                  "status", "confidence", "source_count", "mention_count",
                                  "first_reported", "last_reported", "rules", "curated")},
        "date_start": date["start"], "date_end": date["end"],
        "date_precision": date["precision"],
        "source_id": source.get("id"), "source_name": source.get("name"),
        "source_country": source.get("country"), "target_id": target.get("id"),
        "target_name": target.get("name"), "target_country": target.get("country"),
        "location_name": place["name"], "location_country": place["country"],
        "location_lat": place["lat"], "location_lon": place["lon"],
        "location_precision": place["precision"],
        "curation_verdict": curation.get("verdict"),
        "curation_edited_fields": " ".join(curation.get("edited_fields") or []),
        "curation_by": curation.get("by"), "curation_at": curation.get("at")}
    return ["" if values[c] is None else values[c] for c in CSV_COLUMNS]


def _jsonl(store: Store, f: EventFilter, review: Review) -> Iterator[str]:
    for event, curation in iter_events(store, f, review=review):
        yield json.dumps(event_record(event, curation), ensure_ascii=False) + "\n"


def _csv(store: Store, f: EventFilter, review: Review) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for event, curation in iter_events(store, f, review=review):
        writer.writerow(csv_row(event_record(event, curation)))
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


@router.get("/events.{fmt}", response_class=StreamingResponse,
            summary="Every matching event, streamed as JSONL or CSV, with its curation",
            responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}}}})
def export_events(_: Reader, store: StoreDep, kb: KBDep, fmt: Literal["jsonl", "csv"],
                  query: query_model(EventQuery)) -> StreamingResponse:  # type: ignore[valid-type]
    check_known(kb, query, store)
    f = query.event_filter()
    if fmt == "csv":
        return StreamingResponse(_csv(store, f, query.review), media_type="text/csv",
                                 headers={"Content-Disposition":
                                          'attachment; filename="tengri-events.csv"'})
    return StreamingResponse(_jsonl(store, f, query.review), media_type="application/x-ndjson",
                             headers={"Content-Disposition":
                                      'attachment; filename="tengri-events.jsonl"'})
