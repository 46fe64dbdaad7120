"""Property tests: whatever reports arrive, in whatever batches and order, the store keeps its
invariants and ends with the same events."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from tests.store.conftest import document, event, put

from tengri.model import DatePrecision, EventStatus
from tengri.store import open_store
from tengri.store.merging import compare
from tengri.store.records import view_of
from tengri.store.schema import documents, event_mentions, events

ACTORS = ["KAZ", "RUS", "person:kassym-jomart-tokayev", "person:vladimir-putin", "CHN", None]
CODES = ["040", "042", "041", "057", "190"]
STATUSES = [EventStatus.OCCURRED, EventStatus.PLANNED, EventStatus.NEGATED]


@st.composite
def reports(draw: st.DrawFn) -> list[tuple[object, list[object]]]:
    count = draw(st.integers(2, 9))
    out = []
    for number in range(count):
        doc_id = f"r{number}"
        published = dt.date(2025, 11, 1) + dt.timedelta(days=draw(st.integers(0, 12)))
        found = []
        for position in range(draw(st.integers(0, 3))):
            day = published - dt.timedelta(days=draw(st.integers(0, 3)))
            dated = draw(st.booleans())
            found.append(event(
                doc_id, draw(st.sampled_from(CODES)), draw(st.sampled_from(ACTORS)),
                draw(st.sampled_from(ACTORS)), start=day.isoformat() if dated else None,
                precision=DatePrecision.DAY, status=draw(st.sampled_from(STATUSES)),
                where=draw(st.sampled_from(["Moscow", "Astana", None])),
                offset=position * 100, sentence=draw(st.sampled_from(
                    [f"{doc_id} sentence {position}.", "A sentence copied word for word."]))))
        out.append((document(doc_id, f"Report {number}: {draw(st.text(min_size=5))}",
                             published.isoformat()), found))
    return out


def _partition(url: str) -> set[frozenset[tuple[str, str]]]:
    store = open_store(url)
    try:
        with store.read() as connection:
            rows = connection.execute(
                select(event_mentions.c.event_id, documents.c.doc_key,
                       event_mentions.c.record_id)
                .join(documents, documents.c.id == event_mentions.c.document_id)).all()
    finally:
        store.close()
    grouped: dict[int, set[tuple[str, str]]] = {}
    for event_id, doc_key, record_id in rows:
        grouped.setdefault(event_id, set()).add((doc_key, record_id))
    return {frozenset(v) for v in grouped.values()}


def _check_invariants(url: str) -> None:
    store = open_store(url)
    try:
        with store.read() as connection:
            orphans = connection.execute(select(func.count()).select_from(event_mentions)
                                         .where(event_mentions.c.event_id.is_(None))).scalar()
            empty = connection.execute(select(func.count()).select_from(events).where(
                ~events.c.id.in_(select(event_mentions.c.event_id)))).scalar()
            counted = connection.execute(select(events.c.id, events.c.mention_count)).all()
            actual = dict(connection.execute(
                select(event_mentions.c.event_id, func.count())
                .group_by(event_mentions.c.event_id)).all())
            from tengri.store.clusters import rows_by_id

            rows = rows_by_id(connection, connection.execute(
                select(event_mentions.c.id)).scalars().all())
    finally:
        store.close()
    assert (orphans, empty) == (0, 0)
    assert {e: n for e, n in counted} == actual
    by_event: dict[int, list[object]] = {}
    for row in rows:
        by_event.setdefault(row["event_id"], []).append(view_of(row))
    for members in by_event.values():  # no two mentions of one event contradict each other
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                assert compare(a, b).compatible, (a, b, compare(a, b).conflict)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(reports(), st.randoms(use_true_random=False), st.integers(1, 4))
def test_batches_in_any_order_give_the_same_events(items: list[tuple[object, list[object]]],
                                                   rng: object, batch: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        one, many = str(Path(folder) / "one.db"), str(Path(folder) / "many.db")
        store = open_store(one)
        put(store, *items)  # type: ignore[arg-type]
        store.close()
        shuffled = list(items)
        rng.shuffle(shuffled)  # type: ignore[attr-defined]
        store = open_store(many)
        for start in range(0, len(shuffled), batch):
            put(store, *shuffled[start:start + batch])  # type: ignore[arg-type]
        store.close()
        _check_invariants(many)
        assert _partition(many) == _partition(one)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(reports(), reports(), st.integers(1, 3))
def test_replaced_reports_leave_no_trace(final: list[tuple[object, list[object]]],
                                         earlier: list[tuple[object, list[object]]],
                                         batch: int) -> None:
    """Ingesting old versions first (same URLs, other texts and events) then the final ones
    ends as if only the final versions had ever been stored."""
    def with_url(items: list[tuple[object, list[object]]], tag: str,
                 ) -> list[tuple[object, list[object]]]:
        from dataclasses import replace

        return [(replace(doc, url=f"https://x.example/{doc.doc_id}",  # type: ignore[type-var]
                         text=f"{tag} {doc.text}"), evs) for doc, evs in items]  # type: ignore[attr-defined]

    final_items = with_url(final, "final")
    old_items = with_url(earlier[:len(final)], "old")
    with tempfile.TemporaryDirectory() as folder:
        clean, replaced = str(Path(folder) / "clean.db"), str(Path(folder) / "replaced.db")
        store = open_store(clean)
        put(store, *final_items)  # type: ignore[arg-type]
        store.close()
        store = open_store(replaced)
        put(store, *old_items)  # type: ignore[arg-type]
        for start in range(0, len(final_items), batch):
            put(store, *final_items[start:start + batch])  # type: ignore[arg-type]
        store.close()
        _check_invariants(replaced)
        assert _partition(replaced) == _partition(clean)
