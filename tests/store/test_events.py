"""Events across reports in the database: merged, counted, explained, split and released."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from tests.store.conftest import document, event, put

from tengri.errors import StoreError
from tengri.model import DatePrecision, EventStatus
from tengri.store import (
    Store,
    find_events,
    get_event,
    open_store,
    release_mention,
    split_mention,
    store_counts,
)
from tengri.store.schema import event_mentions, merge_decisions

TOKAYEV = "person:kassym-jomart-tokayev"
PUTIN = "person:vladimir-putin"


def _reports() -> list[tuple[object, list[object]]]:
    """Three reports of one visit in different words, one of an earlier visit, one phone
    call, a summit told twice, and a strike."""
    return [
        (document("pre", "Tokayev will visit Russia next week.", "2025-11-05"),
         [event("pre", "042", TOKAYEV, "RUS", start="2025-11-11", end="2025-11-12",
                status=EventStatus.PLANNED)]),
        (document("during", "Tokayev arrived in Moscow today.", "2025-11-11"),
         [event("during", "042", TOKAYEV, "RUS", start="2025-11-11", where="Moscow",
                status=EventStatus.ONGOING),
          event("during", "041", TOKAYEV, PUTIN, start="2025-10-01", end="2025-10-31",
                precision=DatePrecision.MONTH, offset=100)]),
        (document("after", "Kazakhstan's president ended his visit to Moscow.", "2025-11-13"),
         [event("after", "042", "KAZ", "RUS", start="2025-11-11", end="2025-11-12",
                where="Moscow")]),
        (document("old", "Tokayev visited Moscow in May 2024.", "2024-05-30"),
         [event("old", "042", TOKAYEV, "RUS", start="2024-05-01", end="2024-05-31",
                precision=DatePrecision.MONTH)]),
        (document("call", "Putin and Tokayev spoke by phone on October 15.", "2025-10-16"),
         [event("call", "041", PUTIN, TOKAYEV, start="2025-10-15")]),
        (document("summit1", "Leaders met at the SCO summit in Astana.", "2024-07-04"),
         [event("summit1", "040", None, None, mode="multilateral", gathering="SCO summit",
                participants=("KAZ", "RUS", "CHN"), start="2024-07-04", where="Astana")]),
        (document("summit2", "The SCO summit in Astana closed.", "2024-07-05"),
         [event("summit2", "040", None, None, mode="multilateral",
                gathering="SCO summit in Astana", participants=("CHN", "RUS"),
                start="2024-07-04", where="Astana")]),
        (document("strike", "Russian forces shelled Kharkiv.", "2025-11-12"),
         [event("strike", "190", "RUS", "UKR", start="2025-11-12", where="Kharkiv")]),
    ]


def _partition(store: Store) -> set[frozenset[str]]:
    with store.read() as connection:
        rows = connection.execute(select(event_mentions.c.event_id,
                                         event_mentions.c.record_id)).all()
    events: dict[int, set[str]] = {}
    for event_id, record_id in rows:
        events.setdefault(event_id, set()).add(record_id)
    return {frozenset(v) for v in events.values()}


def _records(store: Store, *doc_keys: str) -> set[str]:
    return {r["record_id"] for d in doc_keys for r in _mentions_of(store, d)}


def _mentions_of(store: Store, doc_key: str) -> list[dict[str, object]]:
    from tengri.store.schema import documents

    with store.read() as connection:
        return [dict(r) for r in connection.execute(
            select(event_mentions).join(documents, documents.c.id == event_mentions.c.document_id)
            .where(documents.c.doc_key == doc_key)).mappings()]


def test_reports_of_one_event_become_one_event_with_a_source_count(store: Store) -> None:
    put(store, *_reports())
    assert _partition(store) == {
        frozenset(_records(store, "pre", "after")) | {_mentions_of(store, "during")[0]
                                                      ["record_id"]},  # type: ignore[operator]
        frozenset({_mentions_of(store, "during")[1]["record_id"]}) | _records(store, "call"),
        frozenset(_records(store, "old")),
        frozenset(_records(store, "summit1", "summit2")),
        frozenset(_records(store, "strike")),
    }
    visit = next(e for e in find_events(store) if e.cameo == "042" and e.mention_count == 3)
    assert (visit.status, visit.source_count, str(visit.first_reported),
            str(visit.last_reported)) == ("occurred", 3, "2025-11-05", "2025-11-13")
    assert (visit.source.id, visit.target.id) == (TOKAYEV, "RUS")  # type: ignore[union-attr]
    assert (str(visit.date["start"]), visit.location["name"]) == ("2025-11-11", "Moscow")


def test_the_events_are_the_same_whatever_order_the_reports_came_in(
        store: Store, tmp_path: object) -> None:
    reports = _reports()
    for item in reversed(reports):
        put(store, item)  # one batch per report, latest first
    other = open_store(str(tmp_path) + "/other.db")  # type: ignore[operator]
    try:
        put(other, *reports)
        assert _partition(store) == _partition(other)
        summary = lambda s: sorted(  # noqa: E731
            (e.cameo, e.status, e.source_count, e.mention_count, str(e.date["start"]),
             e.location["name"] or "") for e in find_events(s))
        assert summary(store) == summary(other)
    finally:
        other.close()


def test_each_mention_says_why_it_is_in_its_event(store: Store) -> None:
    put(store, *_reports())
    visit = next(e for e in find_events(store) if e.cameo == "042" and e.mention_count == 3)
    detail = get_event(store, visit.id)
    assert [m.decision.action for m in detail.mentions] == ["seed", "joined", "joined"]  # type: ignore[union-attr]
    assert detail.mentions[0].decision.reasons == ["first report of this event"]  # type: ignore[union-attr]
    joined = detail.mentions[1].decision.reasons  # type: ignore[union-attr]
    assert joined[0] == (
        f"matches mention {detail.mentions[0].id}: same type CONSULT; same CAMEO code 042; "
        f"source: same actor {TOKAYEV}; target: same actor RUS; dates overlap "
        "(2025-11-11..2025-11-12 / 2025-11-11); statuses fit (planned / ongoing)")


def test_a_later_report_that_changes_nothing_leaves_decisions_alone(store: Store) -> None:
    reports = _reports()
    put(store, *reports[:3])
    with store.read() as connection:
        before = connection.execute(select(merge_decisions.c.id)).scalars().all()
    put(store, reports[7])  # a strike: no event of the visit's changes
    with store.read() as connection:
        current = connection.execute(select(merge_decisions.c.id)
                                     .where(merge_decisions.c.current.is_(True))).scalars().all()
    assert set(before) <= set(current)


def test_an_analyst_splits_a_mention_off_and_merging_leaves_it_there(store: Store) -> None:
    reports = _reports()
    put(store, *reports[:3])
    visit = next(e for e in find_events(store) if e.mention_count == 3)
    last = get_event(store, visit.id).mentions[-1]
    new_event = split_mention(store, last.id, "a different trip", "ana")
    left, split = get_event(store, visit.id), get_event(store, new_event)
    assert (left.event.mention_count, left.event.curated) == (2, True)
    assert [m.id for m in split.mentions] == [last.id]
    assert split.event.curated and split.mentions[0].pinned
    decision = split.mentions[0].decision
    assert (decision.action, decision.decided_by, decision.note, decision.reasons) == (  # type: ignore[union-attr]
        "split", "ana", "a different trip", [f"split from event {visit.id} by ana"])
    # a new report of the visit joins the automatic event, never the split-off mention
    put(store, (document("late", "Tokayev's visit to Russia ended.", "2025-11-14"),
                [event("late", "042", TOKAYEV, "RUS", start="2025-11-11")]))
    assert get_event(store, visit.id).event.mention_count == 3
    assert get_event(store, new_event).event.mention_count == 1
    with pytest.raises(StoreError, match="already split off"):
        split_mention(store, last.id, "again")


def test_releasing_a_split_mention_merges_it_again(store: Store) -> None:
    put(store, *_reports()[:3])
    visit = next(e for e in find_events(store) if e.mention_count == 3)
    last = get_event(store, visit.id).mentions[-1]
    split_event = split_mention(store, last.id, "checking")
    assert release_mention(store, last.id) == visit.id
    assert get_event(store, visit.id).event.mention_count == 3
    assert split_event not in {e.id for e in find_events(store)}


def test_splitting_an_unknown_mention_says_how_to_find_one(store: Store) -> None:
    with pytest.raises(StoreError, match="no mention 99 in the store; `tengri events show ID`"):
        split_mention(store, 99, "x")


def test_replacing_a_report_re_merges_its_event(store: Store) -> None:
    reports = _reports()
    url_doc = document("after", "Kazakhstan's president ended his visit to Moscow.",
                       "2025-11-13", url="https://a.example/after")
    put(store, *reports[:2], (url_doc, [event("after", "042", "KAZ", "RUS",
                                                start="2025-11-11")]))
    assert sorted(e.mention_count for e in find_events(store)) == [1, 3]  # call, visit
    changed = document("after", "Kazakhstan's president ended a visit to Uzbekistan.",
                       "2025-11-13", url="https://a.example/after")
    put(store, (changed, [event("after", "042", "KAZ", "UZB", start="2025-11-11")]))
    sizes = sorted((e.target.id, e.mention_count) for e in find_events(store)  # type: ignore[union-attr]
                   if e.cameo == "042")
    assert sizes == [("RUS", 2), ("UZB", 1)]
    assert store_counts(store)["documents"] == 3
