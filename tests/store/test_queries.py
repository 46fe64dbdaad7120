"""Queries: events by actor, country, dyad, type, CAMEO root, status, dates, place and text;
documents; the quarantine and ingest runs."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.store.conftest import document, event, put

from tengri.errors import StoreError, UsageError
from tengri.model import DatePrecision, EventStatus, Skipped
from tengri.store import (
    DocumentFilter,
    EventFilter,
    Store,
    count_events,
    document_text,
    find_documents,
    find_events,
    get_event,
    list_quarantine,
    list_runs,
)
from tengri.store.ingest import IngestSummary, start_run, write_batch
from tengri.store.workers import Prepared

TOKAYEV = "person:kassym-jomart-tokayev"
PUTIN = "person:vladimir-putin"


@pytest.fixture
def filled(store: Store) -> Store:
    put(store,
        (document("visit", "Tokayev pays a state visit to Russia.", "2025-11-11",
                  title="Tokayev in Moscow", url="https://wire.example/visit"),
         [event("visit", "042", TOKAYEV, "RUS", start="2025-11-11", end="2025-11-12",
                where="Moscow", sentence="Tokayev pays a state visit to Russia.")]),
        (document("call", "Putin and Tokayev spoke by phone.", "2025-10-16",
                  title="Phone call"),
         [event("call", "041", PUTIN, TOKAYEV, start="2025-10-15",
                sentence="Putin and Tokayev spoke by phone.")]),
        (document("strike", "Russian forces shelled Kharkiv overnight.", "2025-11-12",
                  title="Shelling"),
         [event("strike", "190", "RUS", "UKR", start="2025-11-12", where="Kharkiv",
                sentence="Russian forces shelled Kharkiv overnight.")]),
        (document("plan", "Xi is expected to visit Kazakhstan next year.", "2025-11-20",
                  title="Xi to visit"),
         [event("plan", "042", "person:xi-jinping", "KAZ", start="2026-01-01",
                end="2026-12-31", precision=DatePrecision.YEAR, status=EventStatus.PLANNED,
                where="KAZ", sentence="Xi is expected to visit Kazakhstan next year.")]))
    return store


def _ids(store: Store, **criteria: object) -> list[str]:
    return sorted(e.cameo + ":" + (e.target.id if e.target else "")
                  for e in find_events(store, EventFilter(**criteria)))  # type: ignore[arg-type]


def test_events_by_actor_id_name_or_country_code(filled: Store) -> None:
    assert _ids(filled, actor=TOKAYEV) == [f"041:{TOKAYEV}", "042:RUS"]
    assert _ids(filled, actor="putin") == [f"041:{TOKAYEV}"]
    assert _ids(filled, actor="UKR") == ["190:UKR"]


def test_events_by_country_in_any_role(filled: Store) -> None:
    assert _ids(filled, country="kaz") == [f"041:{TOKAYEV}", "042:KAZ", "042:RUS"]


def test_a_dyad_matches_both_directions_unless_directed(filled: Store) -> None:
    assert _ids(filled, dyad=("RUS", "KAZ")) == [f"041:{TOKAYEV}", "042:RUS"]
    assert _ids(filled, dyad=("RUS", "KAZ"), directed=True) == [f"041:{TOKAYEV}"]


def test_events_by_type_cameo_root_and_status(filled: Store) -> None:
    assert _ids(filled, type="assault") == ["190:UKR"]
    assert _ids(filled, cameo_root="4") == [f"041:{TOKAYEV}", "042:KAZ", "042:RUS"]
    assert _ids(filled, status="planned") == ["042:KAZ"]


def test_events_by_dates_overlapping_the_range(filled: Store) -> None:
    assert _ids(filled, since=dt.date(2025, 11, 12)) == ["042:KAZ", "042:RUS", "190:UKR"]
    assert _ids(filled, until=dt.date(2025, 10, 31)) == [f"041:{TOKAYEV}"]


def test_events_by_place_name_or_country(filled: Store) -> None:
    assert _ids(filled, place="kharkiv") == ["190:UKR"]
    assert _ids(filled, place="KAZ") == ["042:KAZ"]


def test_events_by_words_in_the_sentence_or_title(filled: Store) -> None:
    assert _ids(filled, text="SHELLED") == ["190:UKR"]
    assert _ids(filled, text="phone call") == [f"041:{TOKAYEV}"]
    assert _ids(filled, text="50%_") == []


def test_events_come_latest_first_and_page(filled: Store) -> None:
    dates = [str(e.date["start"]) for e in find_events(filled)]
    assert dates == ["2026-01-01", "2025-11-12", "2025-11-11", "2025-10-15"]
    assert [str(e.date["start"]) for e in find_events(filled, limit=2, offset=1)] == \
        ["2025-11-12", "2025-11-11"]
    assert count_events(filled, EventFilter(cameo_root="04")) == 3


def test_an_event_as_json_has_its_columns_and_mentions(filled: Store) -> None:
    visit = find_events(filled, EventFilter(dyad=("KAZ", "RUS"), directed=True))[0]
    detail = get_event(filled, visit.id).to_dict()
    assert detail["event"]["date"] == {"start": "2025-11-11", "end": "2025-11-12",
                                       "precision": "day"}
    assert detail["event"]["source"] == {"id": TOKAYEV, "name": "Kassym-Jomart Tokayev",
                                         "country": "KAZ", "kind": "person"}
    (mention,) = detail["mentions"]
    assert (mention["title"], mention["url"], mention["sentence"]) == (
        "Tokayev in Moscow", "https://wire.example/visit",
        "Tokayev pays a state visit to Russia.")
    assert mention["record"]["cameo"] == "042"


def test_an_unknown_event_is_an_error_that_says_where_to_look(store: Store) -> None:
    with pytest.raises(StoreError, match="no event 5 in the store; `tengri events` lists them"):
        get_event(store, 5)


def test_a_dyad_is_two_country_codes() -> None:
    assert EventFilter.parse_dyad("kaz-rus") == ("KAZ", "RUS")
    with pytest.raises(UsageError, match=r"e\.g\. KAZ-RUS"):
        EventFilter.parse_dyad("Kazakhstan/Russia")


def test_documents_by_title_source_and_date(filled: Store) -> None:
    assert [d.doc_key for d in find_documents(filled)] == ["plan", "strike", "visit", "call"]
    assert [d.doc_key for d in find_documents(filled, DocumentFilter(text="wire.example"))] == \
        ["visit"]
    assert [d.doc_key for d in find_documents(filled, DocumentFilter(
        since=dt.date(2025, 11, 12), until=dt.date(2025, 11, 12)))] == ["strike"]
    visit = find_documents(filled, DocumentFilter(text="moscow"))[0]
    assert (visit.mentions, visit.copies, visit.version) == (1, 1, 1)
    assert document_text(filled, visit.id) == "Tokayev pays a state visit to Russia."


def test_quarantine_keeps_one_row_per_input_and_reason(store: Store) -> None:
    for _ in range(2):
        summary = IngestSummary(start_run(store, ["x"], {}))
        write_batch(store, [Prepared(None, skipped=Skipped("bad.jsonl:3", "invalid JSON",
                                                           "not valid JSON"))], summary)
    (entry,) = list_quarantine(store)
    assert (entry.input, entry.reason, entry.detail, entry.times) == (
        "bad.jsonl:3", "invalid JSON", "not valid JSON", 2)
    assert list_quarantine(store, reason="empty") == []


def test_runs_are_listed_latest_first_with_their_counts(filled: Store) -> None:
    put(filled, (document("visit", "Tokayev pays a state visit to Russia.", "2025-11-11",
                          url="https://wire.example/visit"), []))
    latest, first = list_runs(filled)
    assert (latest.counts["unchanged"], first.counts["stored"]) == (1, 4)
