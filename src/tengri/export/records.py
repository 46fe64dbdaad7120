"""The exported event record: an event in the README record shape, plus every report of it and
how many sources reported it. Every export format is written from this one JSON-ready dict,
whether the event comes from the store (merged across reports) or straight from extraction (one
document, as the distributed engine has it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from tengri.model import Document, Event, Extraction
from tengri.store.export_queries import ExportEvent, ExportMention


def iso(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def event_day(record: dict[str, Any]) -> dt.date | None:
    """An export record's first day, else (date unknown) the day it was first reported: the
    one date GDELT and PLOVER records must have (GDELT dates events by their report)."""
    start = (record.get("date") or {}).get("start") or record.get("first_reported")
    return dt.date.fromisoformat(start) if start else None


def _offset(record: dict[str, Any], side: str) -> int | None:
    actor = record.get(side)
    return actor.get("start") if isinstance(actor, dict) else None


def _trigger(text: str | None, start: int | None, end: int | None) -> dict[str, Any] | None:
    if text is None:
        return None
    return {"text": text, "start": start, "end": end}


def mention_item(m: ExportMention) -> dict[str, Any]:
    """One report: its evidence (the README evidence fields) and its document."""
    return {
        "mention_id": str(m.id), "record_id": m.record_id, "doc_id": m.doc_key,
        "document_id": str(m.document_id), "url": m.url, "title": m.title,
        "published": iso(m.published), "source_name": m.source_name, "lang": m.lang,
        "near_duplicate_group": m.near_duplicate_group, "stored_at": iso(m.ingested_at),
        "doc_chars": m.text_chars, "sentence": m.sentence, "start": m.sentence_start,
        "end": m.sentence_end, "sentence_index": m.sentence_index,
        "trigger": _trigger(m.trigger_text, m.trigger_start, m.trigger_end),
        "cameo": m.cameo, "status": m.status, "confidence": m.confidence,
        "source_offset": _offset(m.record, "source"),
        "target_offset": _offset(m.record, "target"),
    }


def _date(date: dict[str, Any], mentions: Sequence[ExportMention]) -> dict[str, Any]:
    out = {"start": iso(date["start"]), "end": iso(date["end"]),
           "precision": date["precision"], "text": None, "note": None}
    for m in mentions:  # the wording of the earliest report that gave this very date
        given = m.record.get("date") or {}
        if (given.get("start"), given.get("end"), given.get("precision")) == \
                (out["start"], out["end"], out["precision"]):
            out["text"], out["note"] = given.get("text"), given.get("note")
            break
    return out


def _location(location: dict[str, Any], mentions: Sequence[ExportMention]) -> dict[str, Any]:
    out = {"text": None, "name": location["name"], "country": location["country"],
           "lat": location["lat"], "lon": location["lon"],
           "precision": location["precision"], "id": location["id"]}
    for m in mentions:
        given = m.record.get("location") or {}
        if location["name"] and given.get("name") == location["name"]:
            out["text"] = given.get("text")
            break
    return out


def event_record(event: ExportEvent) -> dict[str, Any]:
    """A stored event as an export record (see docs/EXPORTS.md, "The event record")."""
    s = event.summary
    first = event.mentions[0] if event.mentions else None
    extracted = first.record if first else {}
    return {
        "record": "event",
        "event_id": str(s.id),
        "doc_id": first.doc_key if first else None,
        "type": s.type, "mode": s.mode, "cameo": s.cameo, "goldstein": s.goldstein,
        "quad_class": s.quad_class, "status": s.status,
        "source": event.source, "target": event.target,
        "participants": list(event.participants),
        "date": _date(s.date, event.mentions),
        "location": _location(s.location, event.mentions),
        "quantity": s.quantity,
        "contexts": list(extracted.get("contexts") or ()),
        "evidence": extracted.get("evidence"),
        "mentions": [mention_item(m) for m in event.mentions],
        "confidence": s.confidence,
        "gathering": s.gathering,
        "rules": s.rules,
        "source_count": s.source_count,
        "mention_count": s.mention_count,
        "article_count": len({m.document_id for m in event.mentions}),
        "first_reported": iso(s.first_reported),
        "last_reported": iso(s.last_reported),
        "curated": s.curated,
        "stored_at": iso(event.created_at),
        "counterpart_events": [str(i) for i in event.counterparts],
    }


def extracted_event_record(event: Event, document: Document,
                           stored_at: dt.datetime | None = None) -> dict[str, Any]:
    """An event straight from extraction as an export record: one report, one source."""
    data = event.to_dict()
    evidence = data["evidence"]
    report = {
        "mention_id": event.event_id, "record_id": event.event_id, "doc_id": document.doc_id,
        "document_id": document.doc_id, "url": document.url, "title": document.title,
        "published": iso(document.published), "source_name": document.source_name,
        "lang": document.lang, "near_duplicate_group": None, "stored_at": iso(stored_at),
        "doc_chars": len(document.text), **{k: evidence[k] for k in (
            "sentence", "start", "end", "sentence_index", "trigger")},
        "cameo": event.cameo, "status": event.status.value, "confidence": event.confidence,
        "source_offset": _offset(data, "source"), "target_offset": _offset(data, "target"),
    }
    reported = iso(document.published or (stored_at.date() if stored_at else None))
    return {
        "record": "event", **{k: v for k, v in data.items() if k != "mentions"},
        "mentions": [report], "source_count": 1, "mention_count": 1, "article_count": 1,
        "first_reported": reported, "last_reported": reported, "curated": False,
        "stored_at": iso(stored_at), "counterpart_events": [],
    }


def extraction_event_records(extractions: Iterator[Extraction] | Sequence[Extraction],
                             stored_at: dt.datetime | None = None,
                             ) -> Iterator[dict[str, Any]]:
    for extraction in extractions:
        for event in extraction.events:
            yield extracted_event_record(event, extraction.document, stored_at)
