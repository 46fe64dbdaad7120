"""JSON Lines: one event a line in the README record shape, with every report and the counts."""

from __future__ import annotations

import io
import json

from tests.export.conftest import VISIT_SENTENCE

from tengri.export import export_text
from tengri.store import EventFilter, Store

# The event fields of README.md "Record format".
README_EVENT_FIELDS = {"event_id", "doc_id", "type", "mode", "cameo", "goldstein", "quad_class",
                       "status", "source", "target", "participants", "date", "location",
                       "quantity", "contexts", "evidence", "mentions", "confidence",
                       "gathering", "rules"}
ACTOR_FIELDS = {"text", "name", "id", "kind", "country", "igo", "sector", "wikidata", "role",
                "start", "end"}


def _records(store: Store, criteria: EventFilter | None = None) -> list[dict]:
    out = io.StringIO()
    summary = export_text(store, criteria or EventFilter(), "jsonl", out)
    lines = out.getvalue().splitlines()
    assert summary.events == summary.written == len(lines)
    return [json.loads(line) for line in lines]


def test_each_event_is_a_line_in_the_record_shape_with_its_reports(filled: Store) -> None:
    records = _records(filled)
    assert len(records) == 8
    for record in records:
        assert set(record) >= README_EVENT_FIELDS
        assert record["record"] == "event"
        for actor in (record["source"], record["target"], *record["participants"]):
            assert actor is None or set(actor) == ACTOR_FIELDS
        assert len(record["mentions"]) == record["mention_count"]
    visit = next(r for r in records if r["cameo"] == "042" and r["source_count"] == 2)
    assert (visit["doc_id"], visit["date"], visit["location"], visit["evidence"]["sentence"],
            visit["article_count"], visit["first_reported"], visit["last_reported"],
            visit["curated"]) == (
        "visit",
        {"start": "2025-11-11", "end": "2025-11-12", "precision": "day", "text": None,
         "note": None},
        {"text": "Moscow", "name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62,
         "precision": "city", "id": None},
        VISIT_SENTENCE, 2, "2025-11-11", "2025-11-13", False)


def test_each_report_carries_its_evidence_and_document(filled: Store) -> None:
    visit = next(r for r in _records(filled) if r["cameo"] == "042" and r["source_count"] == 2)
    assert [(m["doc_id"], m["url"], m["published"], m["sentence"], m["start"], m["end"],
             m["sentence_index"], m["cameo"], m["status"], m["source_offset"])
            for m in visit["mentions"]] == [
        ("visit", "https://wire.example/2025/11/11/visit", "2025-11-11", VISIT_SENTENCE, 0,
         len(VISIT_SENTENCE), 0, "042", "occurred", 0),
        ("again", "https://news.example/tokayev-moscow", "2025-11-13",
         "Tokayev ended his visit to Moscow on Wednesday.", 0, 47, 0, "042", "occurred", 0),
    ]


def test_actors_are_as_the_earliest_report_named_them(filled: Store) -> None:
    visit = next(r for r in _records(filled) if r["cameo"] == "042" and r["source_count"] == 2)
    assert visit["source"] == {
        "text": "Kazakh President Kassym-Jomart Tokayev", "name": "Kassym-Jomart Tokayev",
        "id": "person:kassym-jomart-tokayev", "kind": "person", "country": "KAZ", "igo": None,
        "sector": "GOV", "wikidata": "Q1369045", "role": "head_of_state", "start": 0,
        "end": 38}


def test_a_visit_names_its_hosting_as_counterpart(filled: Store) -> None:
    records = {r["event_id"]: r for r in _records(filled)}
    visit = next(r for r in records.values() if r["cameo"] == "042" and r["source_count"] == 2)
    [host_id] = visit["counterpart_events"]
    assert (records[host_id]["cameo"], records[host_id]["counterpart_events"]) == \
        ("043", [visit["event_id"]])


def test_filters_select_the_lines(filled: Store) -> None:
    assert [r["cameo"] for r in _records(filled, EventFilter(status="planned"))] == ["042"]
    assert sorted(r["cameo"] for r in _records(filled, EventFilter(country="UKR"))) == ["190"]
    assert sorted(r["cameo"] for r in _records(filled, EventFilter(type="ACCUSE"))) == \
        ["111", "112"]
    assert _records(filled, EventFilter(text="no such words")) == []
