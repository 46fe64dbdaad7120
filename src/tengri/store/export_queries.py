"""Reading the store for exports: events with their actors and every report of them, and the
documents, facts and memberships behind them.

Everything is read in batches (keyset pagination inside one read transaction), so an export of
any size holds one batch in memory and sees one consistent state of the store. Events, with
the filters of `tengri events` (`EventFilter`), come in date order (first day, then id; undated
events after them, by first report) and documents by publication date, so a month-partitioned
export visits one month after the other.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, bindparam, func, or_, select, tuple_
from sqlalchemy.sql.elements import ColumnElement

from tengri.store.database import Store
from tengri.store.queries import EventFilter, EventSummary, _event_conditions, _summary
from tengri.store.schema import documents, event_actors, event_mentions, events, facts, memberships

BATCH = 500  # events (or documents, facts, memberships) read per query, unless told


@dataclass(frozen=True, slots=True)
class ExportMention:
    """One report of an event: where it was read and in which document."""

    id: int
    event_id: int
    record_id: str  # the extractor's event id
    document_id: int
    doc_key: str
    url: str | None
    title: str | None
    published: dt.date | None
    source_name: str | None
    lang: str | None
    near_duplicate_group: str
    ingested_at: dt.datetime
    text_chars: int
    sentence_index: int
    sentence_start: int
    sentence_end: int
    sentence: str
    trigger_text: str | None
    trigger_start: int | None
    trigger_end: int | None
    cameo: str
    status: str
    confidence: float
    record: dict[str, Any]  # the event record as the extractor gave it (README shape)


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """An event as stored, with its actors as the reports name them and every report."""

    summary: EventSummary
    created_at: dt.datetime  # when the store first held the event (UTC)
    source: dict[str, Any] | None  # README Actor shape, from the earliest report naming it
    target: dict[str, Any] | None
    participants: tuple[dict[str, Any], ...]
    mentions: tuple[ExportMention, ...]  # earliest report first
    # The other side of a visit (the host's 043 for a visitor's 042 and back): events matching
    # the same filter that were read from the same sentence with the sides swapped.
    counterparts: tuple[int, ...] = ()


@contextmanager
def export_snapshot(store: Store) -> Iterator[Connection]:
    """One read transaction for a whole export: on PostgreSQL at REPEATABLE READ, so every
    batch sees the same state (SQLite's read transaction already does in WAL mode)."""
    with store.engine.connect() as connection:
        if store.backend == "postgresql":
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


def is_unfiltered(f: EventFilter) -> bool:
    return f == EventFilter()


def _matching_ids(f: EventFilter) -> Select[Any]:
    return select(events.c.id).where(*_event_conditions(f))


def _actor_key(actor: dict[str, Any]) -> str | None:
    name = actor.get("name")
    return actor.get("id") or actor.get("country") or (name.casefold() if name else None)


def _side(summary: EventSummary, side: str, mentions: Sequence[ExportMention],
          ) -> dict[str, Any] | None:
    party = getattr(summary, side)
    if party is None:
        return None
    key = party.id or party.country
    for mention in mentions:
        actor = mention.record.get(side)
        if actor and (actor.get("id") or actor.get("country")) == key:
            return dict(actor)
    return {"text": party.name, "name": party.name, "id": party.id, "kind": party.kind,
            "country": party.country, "igo": None, "sector": None, "wikidata": None,
            "role": None, "start": None, "end": None}


def _participants(rows: Sequence[Any], mentions: Sequence[ExportMention],
                  ) -> tuple[dict[str, Any], ...]:
    named: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        for actor in mention.record.get("participants") or ():
            key = _actor_key(actor)
            if key is not None:
                named.setdefault(key, actor)
    out = []
    for row in sorted(rows, key=lambda r: r["actor_key"]):
        out.append(dict(named.get(row["actor_key"]) or {
            "text": row["name"], "name": row["name"], "id": row["actor_id"], "kind": None,
            "country": row["country"], "igo": None, "sector": None, "wikidata": None,
            "role": None, "start": None, "end": None}))
    return tuple(out)


def _mentions(connection: Connection, ids: Sequence[int]) -> dict[int, list[ExportMention]]:
    m, d = event_mentions.c, documents.c
    query = (select(m.id, m.event_id, m.record_id, m.document_id, d.doc_key, d.url, d.title,
                    d.published, d.source_name, d.lang, d.near_duplicate_group, d.ingested_at,
                    d.text_chars, d.content_hash, m.sentence_index, m.sentence_start,
                    m.sentence_end, m.sentence, m.trigger_text, m.trigger_start, m.trigger_end,
                    m.cameo, m.status, m.confidence, m.record)
             .join(documents, d.id == m.document_id).where(m.event_id.in_(ids)))
    rows = connection.execute(query).mappings().all()
    rows = sorted(rows, key=lambda r: (r["published"] or dt.date.max, r["content_hash"],
                                       r["sentence_start"], r["id"]))
    out: dict[int, list[ExportMention]] = defaultdict(list)
    for r in rows:
        out[r["event_id"]].append(ExportMention(
            id=r["id"], event_id=r["event_id"], record_id=r["record_id"],
            document_id=r["document_id"], doc_key=r["doc_key"], url=r["url"], title=r["title"],
            published=r["published"], source_name=r["source_name"], lang=r["lang"],
            near_duplicate_group=r["near_duplicate_group"], ingested_at=r["ingested_at"],
            text_chars=r["text_chars"], sentence_index=r["sentence_index"],
            sentence_start=r["sentence_start"], sentence_end=r["sentence_end"],
            sentence=r["sentence"], trigger_text=r["trigger_text"],
            trigger_start=r["trigger_start"], trigger_end=r["trigger_end"], cameo=r["cameo"],
            status=r["status"], confidence=r["confidence"], record=dict(r["record"] or {})))
    return out


def _party_key(table: Any, side: str) -> ColumnElement[Any]:
    return func.coalesce(getattr(table.c, f"{side}_actor_id"), getattr(table.c, f"{side}_country"))


@functools.cache
def _visit_pairs() -> Select[Any]:
    """Visits (042) and hostings (043) read from the same sentence of the same document with
    the sides swapped, among the events bound to `ids`. Built once: table aliases make
    reference cycles that only a full garbage collection frees."""
    visit, host = events.alias("visit"), events.alias("host")
    mv, mh = event_mentions.alias("mv"), event_mentions.alias("mh")
    ids = bindparam("ids", expanding=True)
    return (select(visit.c.id.label("visit"), host.c.id.label("host")).distinct()
            .select_from(mv.join(mh, and_(mv.c.document_id == mh.c.document_id,
                                          mv.c.sentence_start == mh.c.sentence_start))
                         .join(visit, visit.c.id == mv.c.event_id)
                         .join(host, host.c.id == mh.c.event_id))
            .where(visit.c.cameo == "042", host.c.cameo == "043",
                   _party_key(visit, "source") == _party_key(host, "target"),
                   _party_key(visit, "target") == _party_key(host, "source"),
                   or_(visit.c.id.in_(ids), host.c.id.in_(ids))))


def _counterparts(connection: Connection, conditions: Sequence[Any] | None,
                  ids: Sequence[int]) -> dict[int, set[int]]:
    """The other side's event of each visit and hosting in `ids`, when it matches the filter's
    `conditions` too (None: no filter)."""
    pairs = connection.execute(_visit_pairs(), {"ids": list(ids)}).all()
    if pairs and conditions is not None:
        candidates = sorted({i for pair in pairs for i in pair})
        matching = set(connection.execute(select(events.c.id).where(
            *conditions, events.c.id.in_(candidates))).scalars())
        pairs = [p for p in pairs if p[0] in matching and p[1] in matching]
    out: dict[int, set[int]] = defaultdict(set)
    for visit, host in pairs:
        out[visit].add(host)
        out[host].add(visit)
    return out


def iter_export_events(connection: Connection, f: EventFilter | None = None,
                       batch: int | None = None, counterparts: bool = False,
                       ) -> Iterator[ExportEvent]:
    """Events matching `f` in date order, each with its actors and reports; with
    `counterparts`, each visit and hosting also names the other side's event."""
    f = f or EventFilter()
    conditions = _event_conditions(f)
    for rows in _pages(connection, events, conditions, [events],
                       [events.c.date_start, events.c.first_reported], batch):
        ids = [r["id"] for r in rows]
        mentions = _mentions(connection, ids)
        participants: dict[int, list[Any]] = defaultdict(list)
        for row in connection.execute(select(event_actors).where(
                event_actors.c.event_id.in_(ids), event_actors.c.role == "participant")
                                      ).mappings():
            participants[row["event_id"]].append(row)
        pairs: dict[int, set[int]] = {}
        if counterparts and any(r["cameo"] in ("042", "043") for r in rows):
            pairs = _counterparts(connection, None if is_unfiltered(f) else conditions, ids)
        for row in rows:
            summary = _summary(row)
            reports = tuple(mentions.get(row["id"], ()))
            yield ExportEvent(
                summary=summary, created_at=row["created_at"],
                source=_side(summary, "source", reports),
                target=_side(summary, "target", reports),
                participants=_participants(participants.get(row["id"], ()), reports),
                mentions=reports, counterparts=tuple(sorted(pairs.get(row["id"], ()))))


def _pages(connection: Connection, table: Any, where: Sequence[Any], columns: Sequence[Any],
           orders: Sequence[Any], batch: int | None) -> Iterator[list[Any]]:
    """Batches of rows matching `where`, in the order of the first of the `orders` columns
    that has a value, then id: first the rows with the first column, by (it, id); then those
    without it but with the second, by (second, id); …; last those with none, by id."""
    key, batch = table.c.id, batch or BATCH
    for number, order in enumerate([*orders, None]):
        phase = [*where, *(c.is_(None) for c in orders[:number])]
        sort = [key] if order is None else [order, key]
        if order is not None:
            phase.append(order.is_not(None))
        last: tuple[Any, ...] | None = None
        while True:
            query = select(*columns).where(*phase)
            if last is not None:
                query = query.where(tuple_(*sort) > tuple_(*last))
            rows = connection.execute(query.order_by(*sort).limit(batch)).mappings().all()
            if not rows:
                break
            last = tuple(rows[-1][c.name] for c in sort)
            yield list(rows)


def _document_ids(f: EventFilter) -> Select[Any]:
    return select(event_mentions.c.document_id).where(
        event_mentions.c.event_id.in_(_matching_ids(f)))


def iter_export_documents(connection: Connection, f: EventFilter | None = None,
                          batch: int | None = None) -> Iterator[dict[str, Any]]:
    """Documents by publication date, then id (without their text): all of them when nothing
    is filtered, else those that report an event matching `f`."""
    f = f or EventFilter()
    c = documents.c
    where = [] if is_unfiltered(f) else [c.id.in_(_document_ids(f))]
    columns = (c.id, c.doc_key, c.input_name, c.url, c.title, c.published, c.lang,
               c.source_name, c.content_hash, c.near_duplicate_group, c.text_chars,
               c.version, c.ingested_at)
    for rows in _pages(connection, documents, where, columns, [c.published], batch):
        yield from (dict(r) for r in rows)


def _published(table: Any) -> Any:
    return select(documents.c.published).where(documents.c.id == table.c.document_id) \
        .scalar_subquery().label("published")


def _claims(connection: Connection, table: Any, f: EventFilter, batch: int | None,
            ) -> Iterator[dict[str, Any]]:
    where = [] if is_unfiltered(f) else [table.c.document_id.in_(_document_ids(f))]
    columns = (table.c.id, table.c.document_id, table.c.record_id, table.c.record,
               _published(table))
    for rows in _pages(connection, table, where, columns, [], batch):
        yield from (dict(r) for r in rows)


def iter_export_facts(connection: Connection, f: EventFilter | None = None,
                      batch: int | None = None) -> Iterator[dict[str, Any]]:
    """Facts in id order (`id`, `document_id`, `record_id`, `record`, the document's
    `published`): all, or those of the documents `iter_export_documents` gives for `f`."""
    yield from _claims(connection, facts, f or EventFilter(), batch)


def iter_export_memberships(connection: Connection, f: EventFilter | None = None,
                            batch: int | None = None) -> Iterator[dict[str, Any]]:
    """Membership claims, as `iter_export_facts` gives facts."""
    yield from _claims(connection, memberships, f or EventFilter(), batch)
