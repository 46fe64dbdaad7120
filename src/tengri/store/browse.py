"""Paging through the store for the API and exports: events with a sort order and an opaque
cursor (keyset paging, so page 10,000 costs what page 1 does), the curation of each event,
facts, membership claims, actors, and one document with everything read from it.

Event filters are `tengri.store.EventFilter`, the same as `tengri events`; what this module adds
is the order, the cursor and the analysts' review state.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, exists, func, or_, select, tuple_

from tengri.errors import StoreError
from tengri.store.database import Store
from tengri.store.queries import (
    EventFilter,
    EventSummary,
    _event_conditions,  # the store's one definition of the event filters
    _summary,
)
from tengri.store.schema import (
    actors,
    documents,
    event_actors,
    event_curations,
    event_mentions,
    events,
    facts,
    memberships,
)
from tengri.store.schema.workbench import EVENT_WHEN

MAX_PAGE = 500


class NotFoundError(StoreError):
    """A record asked for by id is not in the store (the API answers 404)."""


class CursorError(StoreError):
    """A page cursor that this listing did not give out (the API answers 400)."""


class EventSort(StrEnum):
    DATE = "date"  # the event's first day, else its first report
    REPORTED = "reported"  # its latest report
    GOLDSTEIN = "goldstein"
    CONFIDENCE = "confidence"
    SOURCES = "sources"
    ID = "id"


_SORT_COLUMNS: dict[EventSort, Any] = {
    EventSort.DATE: EVENT_WHEN, EventSort.REPORTED: events.c.last_reported,
    EventSort.GOLDSTEIN: events.c.goldstein, EventSort.CONFIDENCE: events.c.confidence,
    EventSort.SOURCES: events.c.source_count, EventSort.ID: events.c.id,
}
_DATE_SORTS = {EventSort.DATE, EventSort.REPORTED}


class Review(StrEnum):
    """Which events by what analysts decided: by default a rejected event is not listed."""

    ACTIVE = "active"  # everything not rejected
    ALL = "all"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    CURATED = "curated"  # an analyst changed it in any way
    UNREVIEWED = "unreviewed"  # no analyst touched it


@dataclass(frozen=True, slots=True)
class Curation:
    """What analysts decided about an event."""

    event_id: int
    verdict: str | None
    overrides: dict[str, Any]
    note: str | None
    created_by: str
    created_at: dt.datetime
    updated_by: str
    updated_at: dt.datetime

    @property
    def edited_fields(self) -> list[str]:
        return sorted(self.overrides)


@dataclass(frozen=True, slots=True)
class EventPage:
    items: list[EventSummary]
    curations: dict[int, Curation]
    next_cursor: str | None
    total: int | None = None


def _verdict_is(verdict: str) -> Any:
    return exists().where(event_curations.c.event_id == events.c.id,
                          event_curations.c.verdict == verdict)


def review_conditions(review: Review) -> list[Any]:
    if review is Review.ACTIVE:
        return [~_verdict_is("rejected")]
    if review in (Review.CONFIRMED, Review.REJECTED):
        return [_verdict_is(review.value)]
    if review is Review.CURATED:
        return [or_(events.c.curated.is_(True),
                    exists().where(event_curations.c.event_id == events.c.id))]
    if review is Review.UNREVIEWED:
        return [events.c.curated.is_(False),
                ~exists().where(event_curations.c.event_id == events.c.id)]
    return []


def encode_cursor(sort: EventSort, descending: bool, value: Any, last_id: int) -> str:
    if isinstance(value, dt.date):
        value = value.isoformat()
    raw = json.dumps([sort.value, descending, value, last_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort: EventSort, descending: bool) -> tuple[Any, int]:
    """The (sort value, id) a cursor continues after; a cursor from another listing, order or
    direction, or not from tengri at all, is a CursorError."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, desc, value, last_id = json.loads(raw)
        if (name, desc) in {(s.value, d) for s in EventSort for d in (True, False)} and \
                (name, desc) != (sort.value, descending):
            raise CursorError(f"this cursor pages events sorted by {name} "
                              f"{'descending' if desc else 'ascending'}; ask with the same "
                              "sort and order, or leave the cursor out to start again")
        if not isinstance(last_id, int) or isinstance(last_id, bool):
            raise ValueError("id")
        if sort in _DATE_SORTS:
            value = dt.date.fromisoformat(value)
        elif not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError("value")
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise CursorError(f"cursor {cursor[:40]!r} is not one this listing gave out; use the "
                          "next_cursor of the previous page, or leave it out for the first "
                          "page") from None
    return value, last_id


def _after(column: Any, descending: bool, value: Any, last_id: int) -> Any:
    # a row-value comparison, so the database can start the index range at the cursor
    if descending:
        return tuple_(column, events.c.id) < tuple_(value, last_id)
    return tuple_(column, events.c.id) > tuple_(value, last_id)


def event_conditions(f: EventFilter) -> list[Any]:
    """The store's event filters, with an actor given by id matched on the id alone: a name
    never holds an id's "kind:" prefix, so the store's name match cannot add anything and
    would be read for every candidate row."""
    if f.actor and ":" in f.actor:
        actor_id = f.actor.strip()
        return [*_event_conditions(replace(f, actor=None)),
                exists().where(event_actors.c.event_id == events.c.id,
                               event_actors.c.actor_id == actor_id)]
    return _event_conditions(f)


def index_hints(f: EventFilter) -> list[Any]:
    """Conditions implied by the filter that the indexes can use: an event that starts by
    `until` has its date (start, else first report) by then, because the filter's
    `date_start <= until` leaves out events with no start."""
    return [f.until >= EVENT_WHEN] if f.until else []


def _narrowing_sources(f: EventFilter) -> list[Any]:
    ea = event_actors.c
    out: list[Any] = []
    if f.country:
        out.append(ea.country == f.country.upper())
    if f.actor and ":" in f.actor:
        out.append(ea.actor_id == f.actor.strip())
    return out


def narrowing(f: EventFilter) -> list[Any]:
    """The events of the filter's country or actor id as an id list (redundant with the
    filter's own EXISTS), so the database can start from the few events of a rare one
    instead of walking every event in date order."""
    return [events.c.id.in_(select(event_actors.c.event_id).where(condition))
            for condition in _narrowing_sources(f)]


def is_rare(connection: Any, f: EventFilter) -> bool:
    """Whether the filter's country or actor takes part in fewer than RARE events (an
    index-only count that stops at RARE)."""
    for condition in _narrowing_sources(f):
        found = connection.execute(select(func.count()).select_from(
            select(event_actors.c.event_id).where(condition).limit(RARE).subquery())
        ).scalar_one()
        if found < RARE:
            return True
    return False


def _filtered(f: EventFilter, review: Review) -> Select[Any]:
    return select(events).where(*event_conditions(f), *review_conditions(review),
                                *index_hints(f))


# How many of the latest events a listing in date order looks through before it treats its
# filter as rare and starts from the filter's own events instead; and below how many events
# a country or actor counts as rare from the start.
WINDOW = 20_000
RARE = 5_000


def _window_start(connection: Any, f: EventFilter, after: Any) -> Any:
    """The date of the WINDOW-th latest event from where the page starts, or None when
    fewer events are left."""
    query = (select(EVENT_WHEN.label("w")).where(*index_hints(f), *after)
             .order_by(EVENT_WHEN.desc(), events.c.id.desc()).offset(WINDOW).limit(1))
    return connection.execute(query).scalar_one_or_none()


def _both_directions(connection: Any, f: EventFilter, review: Review, column: Any,
                     after: list[Any], descending: bool, limit: int) -> list[Any]:
    """A dyad in either direction, in date order: each direction reads its own index range in
    order and the two pages merge here (one OR over both would sort every event of the
    dyad)."""
    assert f.dyad is not None
    order = (column.desc(), events.c.id.desc()) if descending else (column.asc(),
                                                                     events.c.id.asc())
    found: list[Any] = []
    for pair in (f.dyad, f.dyad[::-1]):
        one_way = replace(f, dyad=pair, directed=True)
        query = (_filtered(one_way, review).add_columns(column.label("_sort_value"))
                 .where(*after).order_by(*order).limit(limit + 1))
        found += connection.execute(query).mappings().all()
    found.sort(key=lambda r: (r["_sort_value"], r["id"]), reverse=descending)
    return found[:limit + 1]


def browse_events(store: Store, f: EventFilter | None = None, *, review: Review = Review.ACTIVE,
                  sort: EventSort = EventSort.DATE, descending: bool = True,
                  cursor: str | None = None, limit: int = 50,
                  with_total: bool = False) -> EventPage:
    """One page of events matching the filter, in the order asked, with their curations.

    The usual listing (latest first) first looks for its page among the latest WINDOW events
    from where the page starts — quick for a common filter; when the page is not filled
    there, the filter is rare and the query starts from its country's or actor's events."""
    f = f or EventFilter()
    limit = max(1, min(limit, MAX_PAGE))
    column = _SORT_COLUMNS[sort]
    after: list[Any] = []
    if cursor:
        value, last_id = decode_cursor(cursor, sort, descending)
        after.append(_after(column, descending, value, last_id))
    order = (column.desc(), events.c.id.desc()) if descending else (column.asc(),
                                                                     events.c.id.asc())
    query = (_filtered(f, review).add_columns(column.label("_sort_value")).where(*after)
             .order_by(*order).limit(limit + 1))
    with store.read() as connection:
        rows: list[Any] = []
        if f.dyad and not f.directed and sort is EventSort.DATE:
            rows = _both_directions(connection, f, review, column, after, descending, limit)
        elif is_rare(connection, f):
            rows = list(connection.execute(query.where(*narrowing(f))).mappings())
        else:
            windowed = sort is EventSort.DATE and descending
            start = _window_start(connection, f, after) if windowed else None
            if start is not None:
                rows = list(connection.execute(query.where(start <= EVENT_WHEN)).mappings())
            if len(rows) <= limit:
                rows = list(connection.execute(query.where(*narrowing(f))).mappings())
        total = None
        if with_total:
            total = int(connection.execute(select(func.count()).select_from(
                _filtered(f, review).where(*narrowing(f)).with_only_columns(events.c.id)
                .subquery())).scalar_one())
    more = len(rows) > limit
    rows = rows[:limit]
    items = [_summary(r) for r in rows]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode_cursor(sort, descending, last["_sort_value"], last["id"])
    return EventPage(items, curations_of(store, [e.id for e in items]), next_cursor, total)


def iter_events(store: Store, f: EventFilter | None = None, *, review: Review = Review.ACTIVE,
                batch: int = 1000) -> Iterator[tuple[EventSummary, Curation | None]]:
    """Every matching event in id order, a batch per transaction (for streamed exports)."""
    f = f or EventFilter()
    last_id = 0
    while True:
        query = (_filtered(f, review).where(events.c.id > last_id)
                 .order_by(events.c.id).limit(batch))
        with store.read() as connection:
            rows = [_summary(r) for r in connection.execute(query).mappings()]
        if not rows:
            return
        found = curations_of(store, [e.id for e in rows])
        for summary in rows:
            yield summary, found.get(summary.id)
        last_id = rows[-1].id


def _curation(row: Any) -> Curation:
    return Curation(row["event_id"], row["verdict"], dict(row["overrides"] or {}),
                    row["note"], row["created_by"], row["created_at"],
                    row["updated_by"], row["updated_at"])


def curations_of(store: Store, event_ids: list[int]) -> dict[int, Curation]:
    if not event_ids:
        return {}
    with store.read() as connection:
        rows = connection.execute(select(event_curations)
                                  .where(event_curations.c.event_id.in_(event_ids))).mappings()
        return {r["event_id"]: _curation(r) for r in rows}


def list_curations(store: Store, verdict: str | None = None, limit: int = 100,
                   ) -> list[Curation]:
    """Curations, latest change first."""
    query = select(event_curations).order_by(event_curations.c.updated_at.desc(),
                                              event_curations.c.event_id.desc())
    if verdict:
        query = query.where(event_curations.c.verdict == verdict)
    with store.read() as connection:
        return [_curation(r) for r in connection.execute(query.limit(min(limit, MAX_PAGE)))
                .mappings()]


def event_exists(store: Store, event_id: int) -> bool:
    with store.read() as connection:
        return connection.execute(select(events.c.id).where(events.c.id == event_id)
                                  ).first() is not None


def require_event(store: Store, event_id: int) -> None:
    if not event_exists(store, event_id):
        raise NotFoundError(f"no event {event_id} in the store; GET /events lists them")


# --- documents ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DocumentMention:
    """An event mention with its character offsets in the document's text."""

    id: int
    event_id: int | None
    type: str
    cameo: str
    status: str
    sentence_start: int
    sentence_end: int
    trigger_start: int | None
    trigger_end: int | None
    trigger: str | None


@dataclass(frozen=True, slots=True)
class DocumentClaim:
    """A fact or membership claim read in the document, with its sentence's offsets."""

    kind: str  # fact | membership
    id: int
    summary: str
    sentence_start: int
    sentence_end: int
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DocumentDetail:
    id: int
    title: str | None
    url: str | None
    published: dt.date | None
    source_name: str | None
    lang: str | None
    input_name: str
    ingested_at: dt.datetime
    version: int
    near_duplicate_group: str
    text: str
    mentions: list[DocumentMention] = field(default_factory=list)
    claims: list[DocumentClaim] = field(default_factory=list)


def get_document(store: Store, document_id: int) -> DocumentDetail:
    """A document with its text and every record read from it, with offsets into the text."""
    c = documents.c
    with store.read() as connection:
        row = connection.execute(select(
            c.id, c.title, c.url, c.published, c.source_name, c.lang, c.input_name,
            c.ingested_at, c.version, c.near_duplicate_group, c.text)
            .where(c.id == document_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"no document {document_id} in the store; GET /documents "
                                "lists them")
        m = event_mentions.c
        mentions = [DocumentMention(r.id, r.event_id, r.type, r.cameo, r.status,
                                    r.sentence_start, r.sentence_end, r.trigger_start,
                                    r.trigger_end, r.trigger_text)
                    for r in connection.execute(select(
                        m.id, m.event_id, m.type, m.cameo, m.status, m.sentence_start,
                        m.sentence_end, m.trigger_start, m.trigger_end, m.trigger_text)
                        .where(m.document_id == document_id).order_by(m.position))]
        claims = [DocumentClaim("fact", r.id, f"{r.indicator} {r.value:g} {r.unit}",
                                r.sentence_start, r.sentence_end, r.record)
                  for r in connection.execute(select(facts).where(
                      facts.c.document_id == document_id).order_by(facts.c.id))]
        claims += [DocumentClaim("membership", r.id, f"{r.member_name} {r.relation} "
                                 f"{r.organization_name} ({r.kb_check})", r.sentence_start,
                                 r.sentence_end, r.record)
                   for r in connection.execute(select(memberships).where(
                       memberships.c.document_id == document_id).order_by(memberships.c.id))]
    return DocumentDetail(**dict(row), mentions=mentions, claims=claims)


# --- facts, memberships, actors ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FactFilter:
    country: str | None = None  # subject, origin or destination
    indicator: str | None = None
    document_id: int | None = None
    since: dt.date | None = None  # period overlaps [since, until]
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StoredFact:
    id: int
    document_id: int
    indicator: str
    value: float
    qualifier: str
    unit: str
    subject_country: str | None
    origin_country: str | None
    destination_country: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    period_precision: str
    sentence: str | None
    sentence_start: int
    sentence_end: int
    confidence: float
    published: dt.date | None
    title: str | None


def fact_conditions(f: FactFilter) -> list[Any]:
    c = facts.c
    where: list[Any] = []
    if f.country:
        code = f.country.upper()
        where.append(or_(c.subject_country == code, c.origin_country == code,
                         c.destination_country == code))
    if f.indicator:
        where.append(c.indicator == f.indicator)
    if f.document_id is not None:
        where.append(c.document_id == f.document_id)
    if f.since:
        where.append(or_(c.period_end.is_(None), c.period_end >= f.since))
    if f.until:
        where.append(or_(c.period_start.is_(None), c.period_start <= f.until))
    return where


def stored_fact(row: Any) -> StoredFact:
    evidence = (row["record"] or {}).get("evidence") or {}
    return StoredFact(
        row["id"], row["document_id"], row["indicator"], row["value"], row["qualifier"],
        row["unit"], row["subject_country"], row["origin_country"], row["destination_country"],
        row["period_start"], row["period_end"], row["period_precision"],
        evidence.get("sentence"), row["sentence_start"], row["sentence_end"],
        row["confidence"], row["published"], row["title"])


def facts_query(*where: Any) -> Select[Any]:
    return (select(facts, documents.c.published, documents.c.title)
            .join(documents, documents.c.id == facts.c.document_id).where(*where))


def find_facts(store: Store, f: FactFilter | None = None, *, after_id: int | None = None,
               limit: int = 50) -> list[StoredFact]:
    """Facts in id order, from after `after_id`."""
    where = fact_conditions(f or FactFilter())
    if after_id is not None:
        where.append(facts.c.id > after_id)
    query = facts_query(*where).order_by(facts.c.id).limit(max(1, min(limit, MAX_PAGE)))
    with store.read() as connection:
        return [stored_fact(r) for r in connection.execute(query).mappings()]


@dataclass(frozen=True, slots=True)
class MembershipFilter:
    member: str | None = None  # ISO3 or KB id
    organization: str | None = None  # KB id, e.g. igo:EAEU
    kb_check: str | None = None
    relation: str | None = None


@dataclass(frozen=True, slots=True)
class StoredMembership:
    id: int
    document_id: int
    member_id: str | None
    member_name: str
    member_country: str | None
    organization_id: str | None
    organization_name: str
    relation: str
    status: str
    kb_check: str
    kb: list[dict[str, Any]]
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    sentence: str | None
    sentence_start: int
    sentence_end: int
    confidence: float
    published: dt.date | None
    title: str | None


def stored_membership(row: Any) -> StoredMembership:
    record = row["record"] or {}
    return StoredMembership(
        row["id"], row["document_id"], row["member_id"], row["member_name"],
        row["member_country"], row["organization_id"], row["organization_name"],
        row["relation"], row["status"], row["kb_check"], list(record.get("kb") or []),
        row["date_start"], row["date_end"], row["date_precision"],
        (record.get("evidence") or {}).get("sentence"), row["sentence_start"],
        row["sentence_end"], row["confidence"], row["published"], row["title"])


def find_memberships(store: Store, f: MembershipFilter | None = None, *,
                     after_id: int | None = None, limit: int = 50) -> list[StoredMembership]:
    """Membership claims in id order, from after `after_id`."""
    f = f or MembershipFilter()
    c = memberships.c
    where: list[Any] = []
    if f.member:
        where.append(or_(c.member_id == f.member, c.member_country == f.member.upper()))
    if f.organization:
        where.append(c.organization_id == f.organization)
    if f.kb_check:
        where.append(c.kb_check == f.kb_check)
    if f.relation:
        where.append(c.relation == f.relation)
    if after_id is not None:
        where.append(c.id > after_id)
    query = (select(memberships, documents.c.published, documents.c.title)
             .join(documents, documents.c.id == c.document_id).where(*where)
             .order_by(c.id).limit(max(1, min(limit, MAX_PAGE))))
    with store.read() as connection:
        return [stored_membership(r) for r in connection.execute(query).mappings()]


@dataclass(frozen=True, slots=True)
class StoredActor:
    id: str
    name: str
    kind: str
    country: str | None
    igo: str | None
    wikidata: str | None
    events: int  # events it takes part in, in any role


def find_actors(store: Store, *, text: str | None = None, kind: str | None = None,
                country: str | None = None, after_id: str | None = None,
                limit: int = 50) -> list[StoredActor]:
    """Actors the store has seen (KB ids), by id, with how many events each takes part in."""
    c = actors.c
    where: list[Any] = []
    if text:
        where.append(or_(func.lower(c.name).contains(text.lower(), autoescape=True),
                         c.id == text))
    if kind:
        where.append(c.kind == kind)
    if country:
        where.append(c.country == country.upper())
    if after_id is not None:
        where.append(c.id > after_id)
    count = (select(func.count(func.distinct(event_actors.c.event_id)))
             .where(event_actors.c.actor_id == c.id).scalar_subquery())
    query = (select(c.id, c.name, c.kind, c.country, c.igo, c.wikidata, count.label("events"))
             .where(*where).order_by(c.id).limit(max(1, min(limit, MAX_PAGE))))
    with store.read() as connection:
        return [StoredActor(**dict(r)) for r in connection.execute(query).mappings()]


def get_actor(store: Store, actor_id: str) -> StoredActor | None:
    c = actors.c
    count = (select(func.count(func.distinct(event_actors.c.event_id)))
             .where(event_actors.c.actor_id == c.id).scalar_subquery())
    with store.read() as connection:
        row = connection.execute(select(c.id, c.name, c.kind, c.country, c.igo, c.wikidata,
                                        count.label("events")).where(c.id == actor_id)
                                 ).mappings().first()
    return StoredActor(**dict(row)) if row is not None else None
