"""The canonical event: its columns from its mentions, whatever their order."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tengri.store.canonical import canonical_event, event_actor_rows


def row(id: int, *, cameo: str = "042", status: str = "occurred", group: str = "g1",
        published: str | None = "2025-11-12", start: str | None = "2025-11-11",
        end: str | None = None, precision: str = "day", source: tuple[str | None, str | None,
                                                                      str] = ("KAZ", "KAZ",
                                                                              "state"),
        place: tuple[str, str] | None = None, confidence: float = 0.7) -> dict[str, Any]:
    source_id, source_country, source_kind = source
    return {
        "id": id, "type": "CONSULT", "mode": "visit", "cameo": cameo, "status": status,
        "source_id": source_id, "source_country": source_country,
        "source_name": source_id or "officials", "source_kind": source_kind,
        "target_id": "RUS", "target_country": "RUS", "target_name": "Russia",
        "target_kind": "state", "participants": [],
        "date_start": dt.date.fromisoformat(start) if start else None,
        "date_end": dt.date.fromisoformat(end or start) if start else None,
        "date_precision": precision if start else "unknown",
        "location_name": place[0] if place else None,
        "location_country": "RUS" if place else None, "location_lat": 55.7 if place else None,
        "location_lon": 37.6 if place else None,
        "location_precision": place[1] if place else "unknown",
        "confidence": confidence, "near_duplicate_group": group,
        "published": dt.date.fromisoformat(published) if published else None,
        "ingested_at": dt.datetime(2026, 1, 2, 3, 4),
        "record": {"location": {"id": "place:1"} if place else {}, "rules": "2026.1"},
    }


def test_a_visit_reported_before_and_after_is_one_that_took_place() -> None:
    event = canonical_event([row(1, status="planned", published="2025-11-01"), row(2)])
    assert (event["status"], str(event["first_reported"]), str(event["last_reported"])) == (
        "occurred", "2025-11-01", "2025-11-12")


def test_the_latest_report_decides_between_a_plan_and_its_cancellation() -> None:
    assert canonical_event([row(1, status="planned", published="2025-11-01"),
                            row(2, status="negated", published="2025-11-09")])["status"] == \
        "negated"


def test_the_most_detailed_date_place_and_code_win() -> None:
    event = canonical_event([
        row(1, cameo="040", start="2025-11-01", end="2025-11-30", precision="month",
            place=("Russia", "country")),
        row(2, cameo="040", start="2025-11-01", end="2025-11-30", precision="month"),
        row(3, cameo="044", start="2025-11-11", place=("Moscow", "city")),
    ])
    assert (event["cameo"], event["cameo_root"], str(event["date_start"]),
            event["date_precision"], event["location_name"], event["location_id"]) == (
        "044", "04", "2025-11-11", "day", "Moscow", "place:1")


def test_copies_count_once_as_sources_and_in_confidence() -> None:
    event = canonical_event([row(1, group="a", confidence=0.6),
                             row(2, group="a", confidence=0.6),
                             row(3, group="b", confidence=0.5)])
    assert (event["source_count"], event["mention_count"], event["confidence"]) == (2, 3, 0.8)


def test_the_most_named_actor_is_the_source_and_ties_go_to_the_most_specific() -> None:
    tokayev = ("person:kassym-jomart-tokayev", "KAZ", "person")
    event = canonical_event([row(1, group="a"), row(2, group="b", source=tokayev)])
    assert (event["source_actor_id"], event["source_kind"]) == tokayev[::2]
    assert canonical_event([row(1, group="a"), row(2, group="b"),
                            row(3, group="c", source=tokayev)])["source_actor_id"] == "KAZ"


def test_the_order_of_mentions_changes_nothing() -> None:
    rows = [row(1, status="planned", published="2025-11-01", group="a"),
            row(2, cameo="040", place=("Moscow", "city"), group="b"),
            row(3, start=None, published=None, group="c")]
    assert canonical_event(rows) == canonical_event(rows[::-1])


def test_undated_documents_count_from_when_they_were_stored() -> None:
    assert str(canonical_event([row(1, published=None)])["first_reported"]) == "2026-01-02"


def test_actors_of_every_mention_are_listed_once_per_role() -> None:
    rows = [row(1), row(2, source=(None, None, "group"))]
    assert sorted((a["role"], a["actor_key"]) for a in event_actor_rows(7, rows)) == [
        ("source", "KAZ"), ("source", "officials"), ("target", "RUS")]


def test_a_symmetric_event_never_has_one_side_twice() -> None:
    putin = ("person:vladimir-putin", "RUS", "person")
    tokayev = ("person:kassym-jomart-tokayev", "KAZ", "person")
    rows = [{**row(1, cameo="057", source=tokayev), "target_id": putin[0],
             "target_country": "RUS", "target_name": "Vladimir Putin", "target_kind": "person"},
            {**row(2, cameo="057", source=putin), "target_id": tokayev[0],
             "target_country": "KAZ", "target_name": "Kassym-Jomart Tokayev",
             "target_kind": "person"},
            row(3, cameo="057", source=tokayev)]
    event = canonical_event(rows)
    assert (event["source_actor_id"], event["target_actor_id"]) == (tokayev[0], putin[0])


def test_copies_of_one_report_get_one_vote() -> None:
    rows = [row(1, group="wire", place=("Astana", "city")),
            row(2, group="wire", place=("Astana", "city")),
            row(3, group="wire", place=("Astana", "city")),
            row(4, group="a", place=("Moscow", "city")),
            row(5, group="b", place=("Moscow", "city"))]
    assert canonical_event(rows)["location_name"] == "Moscow"
