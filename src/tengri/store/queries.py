"""Reading the store: events by actor, country, dyad, type, CAMEO root, status, dates, place
and text; one event with its mentions and why each was merged; documents; the quarantine and
ingest runs. The CLI and the API call these; neither holds SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select

from tengri.errors import StoreError, UsageError
from tengri.store.database import Store
from tengri.store.schema import (
    documents,
    event_actors,
    event_mentions,
    events,
    facts,
    ingest_runs,
    memberships,
    merge_decisions,
    quarantine,
)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list; every field left None matches all."""

    actor: str | None = None  # KB id ("person:vladimir-putin", "KAZ") or part of a name
    country: str | None = None  # ISO3 of an actor in any role
    dyad: tuple[str, str] | None = None  # (source country, target country)
    directed: bool = False  # dyad only in that direction
    type: str | None = None  # PLOVER type
    cameo_root: str | None = None  # "04"
    status: str | None = None
    since: dt.date | None = None  # event dates overlap [since, until]
    until: dt.date | None = None
    place: str | None = None  # part of the place name, or its country's ISO3
    text: str | None = None  # in a mention's sentence or its document's title
    min_sources: int | None = None

    @staticmethod
    def parse_dyad(value: str) -> tuple[str, str]:
        parts = [p.strip().upper() for p in value.replace("–", "-").split("-")]
        if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
            raise UsageError(f"--dyad {value!r}: give two ISO3 country codes joined by '-', "
                             "e.g. KAZ-RUS")
        return parts[0], parts[1]


@dataclass(frozen=True, slots=True)
class Party(_Plain):
    id: str | None
    name: str | None
    country: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class EventSummary(_Plain):
    id: int
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    status: str
    source: Party | None
    target: Party | None
    date: dict[str, Any]
    location: dict[str, Any]
    quantity: dict[str, Any] | None
    gathering: dict[str, Any] | None
    confidence: float
    source_count: int
    mention_count: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    curated: bool
    rules: str


@dataclass(frozen=True, slots=True)
class Decision(_Plain):
    action: str  # seed | joined | split | released
    matched_mention_id: int | None
    reasons: list[str]
    decided_by: str
    decided_at: dt.datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class MentionDetail(_Plain):
    id: int
    document_id: int
    title: str | None
    url: str | None
    published: dt.date | None
    source_name: str | None
    near_duplicate_group: str
    syndicated: bool  # another stored document is a near-copy of this one
    sentence: str
    trigger: str | None
    cameo: str
    status: str
    date: dict[str, Any]
    location: str | None
    confidence: float
    pinned: bool
    decision: Decision | None
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventDetail(_Plain):
    event: EventSummary
    actors: list[dict[str, Any]]
    mentions: list[MentionDetail]


@dataclass(frozen=True, slots=True)
class DocumentFilter:
    text: str | None = None  # in the title or URL
    source: str | None = None  # source name (site)
    since: dt.date | None = None  # published on or after
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DocumentSummary(_Plain):
    id: int
    title: str | None
    url: str | None
    published: dt.date | None
    source_name: str | None
    lang: str | None
    input_name: str
    doc_key: str
    ingested_at: dt.datetime
    version: int
    near_duplicate_group: str
    copies: int  # documents in its near-duplicate group, itself included
    mentions: int
    facts: int = 0
    memberships: int = 0
    content_hash: str = ""
    text_chars: int = 0


@dataclass(frozen=True, slots=True)
class QuarantineEntry(_Plain):
    input: str
    reason: str
    detail: str
    first_seen: dt.datetime
    last_seen: dt.datetime
    times: int


@dataclass(frozen=True, slots=True)
class RunSummary(_Plain):
    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    sources: list[str]
    options: dict[str, Any]
    counts: dict[str, int] = field(default_factory=dict)


def _contains(column: Any, text: str) -> Any:
    return func.lower(column).contains(text.lower(), autoescape=True)


def _event_conditions(f: EventFilter) -> list[Any]:
    c = events.c
    where: list[Any] = []
    if f.actor:
        value = f.actor.strip()
        where.append(exists().where(event_actors.c.event_id == c.id, or_(
            event_actors.c.actor_id == value, event_actors.c.country == value.upper()
            if len(value) == 3 and value.isalpha() else False,
            _contains(event_actors.c.name, value))))
    if f.country:
        where.append(exists().where(event_actors.c.event_id == c.id,
                                    event_actors.c.country == f.country.upper()))
    if f.dyad:
        one, two = f.dyad
        straight = and_(c.source_country == one, c.target_country == two)
        where.append(straight if f.directed else or_(
            straight, and_(c.source_country == two, c.target_country == one)))
    if f.type:
        where.append(c.type == f.type.upper())
    if f.cameo_root:
        where.append(c.cameo_root == f.cameo_root.zfill(2)[:2])
    if f.status:
        where.append(c.status == f.status.lower())
    if f.since:
        where.append(c.date_end >= f.since)
    if f.until:
        where.append(c.date_start <= f.until)
    if f.place:
        place = f.place.strip()
        where.append(or_(_contains(c.location_name, place), c.location_country == place.upper()))
    if f.text:
        where.append(c.id.in_(
            select(event_mentions.c.event_id).join(
                documents, documents.c.id == event_mentions.c.document_id)
            .where(or_(_contains(event_mentions.c.sentence, f.text),
                       _contains(documents.c.title, f.text)))))
    if f.min_sources:
        where.append(c.source_count >= f.min_sources)
    return where


def _party(row: Any, side: str) -> Party | None:
    if row[f"{side}_name"] is None and row[f"{side}_actor_id"] is None:
        return None
    return Party(row[f"{side}_actor_id"], row[f"{side}_name"], row[f"{side}_country"],
                 row[f"{side}_kind"])


def _summary(row: Any) -> EventSummary:
    return EventSummary(
        id=row["id"], type=row["type"], mode=row["mode"], cameo=row["cameo"],
        goldstein=row["goldstein"], quad_class=row["quad_class"], status=row["status"],
        source=_party(row, "source"), target=_party(row, "target"),
        date={"start": row["date_start"], "end": row["date_end"],
              "precision": row["date_precision"]},
        location={"name": row["location_name"], "country": row["location_country"],
                  "lat": row["location_lat"], "lon": row["location_lon"],
                  "precision": row["location_precision"], "id": row["location_id"]},
        quantity=({"value": row["quantity_value"], "unit": row["quantity_unit"]}
                  if row["quantity_value"] is not None else None),
        gathering=row["gathering"], confidence=row["confidence"],
        source_count=row["source_count"], mention_count=row["mention_count"],
        first_reported=row["first_reported"], last_reported=row["last_reported"],
        curated=bool(row["curated"]), rules=row["rules"],
    )


def _events_query(f: EventFilter) -> Select[Any]:
    return select(events).where(*_event_conditions(f))


def find_events(store: Store, f: EventFilter | None = None, limit: int | None = 100,
                offset: int = 0) -> list[EventSummary]:
    """Events matching the filter, latest first (by event date, else first report)."""
    query = _events_query(f or EventFilter()).order_by(
        func.coalesce(events.c.date_start, events.c.first_reported).desc(), events.c.id.desc())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.read() as connection:
        return [_summary(r) for r in connection.execute(query).mappings()]


def count_events(store: Store, f: EventFilter | None = None) -> int:
    query = select(func.count()).select_from(_events_query(f or EventFilter()).subquery())
    with store.read() as connection:
        return int(connection.execute(query).scalar_one())


def get_event(store: Store, event_id: int) -> EventDetail:
    """One event with its actors and its mentions (earliest report first), each with the
    merge decision in force and the document it is from."""
    with store.read() as connection:
        row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
        if row is None:
            raise StoreError(f"no event {event_id} in the store; `tengri events` lists them")
        actor_rows = connection.execute(
            select(event_actors.c.role, event_actors.c.actor_key, event_actors.c.actor_id,
                   event_actors.c.country, event_actors.c.name)
            .where(event_actors.c.event_id == event_id)
            .order_by(event_actors.c.role, event_actors.c.actor_key)).mappings().all()
        mention_rows = connection.execute(
            select(event_mentions, documents.c.title.label("doc_title"),
                   documents.c.url.label("doc_url"), documents.c.published.label("doc_published"),
                   documents.c.source_name.label("doc_source"),
                   documents.c.input_name.label("doc_input"),
                   documents.c.near_duplicate_group, documents.c.content_hash)
            .join(documents, documents.c.id == event_mentions.c.document_id)
            .where(event_mentions.c.event_id == event_id)).mappings().all()
        groups = {r["near_duplicate_group"] for r in mention_rows}
        group_sizes = dict(connection.execute(
            select(documents.c.near_duplicate_group, func.count())
            .where(documents.c.near_duplicate_group.in_(groups))
            .group_by(documents.c.near_duplicate_group)).all()) if groups else {}
        ids = [r["id"] for r in mention_rows]
        decisions = {d["mention_id"]: d for d in connection.execute(
            select(merge_decisions).where(merge_decisions.c.mention_id.in_(ids),
                                          merge_decisions.c.current.is_(True))).mappings()}
    mentions = []
    for m in sorted(mention_rows, key=lambda r: (r["doc_published"] or dt.date.max,
                                                 r["content_hash"], r["sentence_start"])):
        d = decisions.get(m["id"])
        mentions.append(MentionDetail(
            id=m["id"], document_id=m["document_id"], title=m["doc_title"] or m["doc_input"],
            url=m["doc_url"], published=m["doc_published"], source_name=m["doc_source"],
            near_duplicate_group=m["near_duplicate_group"],
            syndicated=group_sizes.get(m["near_duplicate_group"], 1) > 1,
            sentence=m["sentence"], trigger=m["trigger_text"], cameo=m["cameo"],
            status=m["status"],
            date={"start": m["date_start"], "end": m["date_end"],
                  "precision": m["date_precision"]},
            location=m["location_name"], confidence=m["confidence"], pinned=bool(m["pinned"]),
            decision=Decision(d["action"], d["matched_mention_id"], list(d["reasons"]),
                              d["decided_by"], d["decided_at"], d["note"]) if d else None,
            record=m["record"]))
    return EventDetail(_summary(row), [dict(a) for a in actor_rows], mentions)


def _document_conditions(f: DocumentFilter) -> list[Any]:
    c = documents.c
    where: list[Any] = []
    if f.text:
        where.append(or_(_contains(c.title, f.text), _contains(c.url, f.text)))
    if f.source:
        where.append(_contains(c.source_name, f.source))
    if f.since:
        where.append(c.published >= f.since)
    if f.until:
        where.append(c.published <= f.until)
    return where


def find_documents(store: Store, f: DocumentFilter | None = None, limit: int | None = 100,
                   offset: int = 0) -> list[DocumentSummary]:
    """Stored documents, latest published first, with their mention counts and copies."""
    c = documents.c
    d2 = documents.alias("copies")
    copies = (select(func.count()).select_from(d2)
              .where(d2.c.near_duplicate_group == c.near_duplicate_group).scalar_subquery())
    mentions = (select(func.count()).select_from(event_mentions)
                .where(event_mentions.c.document_id == c.id).scalar_subquery())
    fact_count = (select(func.count()).select_from(facts)
                  .where(facts.c.document_id == c.id).scalar_subquery())
    membership_count = (select(func.count()).select_from(memberships)
                        .where(memberships.c.document_id == c.id).scalar_subquery())
    query = (select(c.id, c.title, c.url, c.published, c.source_name, c.lang, c.input_name,
                    c.doc_key, c.ingested_at, c.version, c.near_duplicate_group,
                    copies.label("copies"), mentions.label("mentions"),
                    fact_count.label("facts"), membership_count.label("memberships"),
                    c.content_hash, c.text_chars)
             .where(*_document_conditions(f or DocumentFilter()))
             .order_by(func.coalesce(c.published, dt.date.min).desc(), c.id.desc()))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.read() as connection:
        return [DocumentSummary(**dict(r)) for r in connection.execute(query).mappings()]


def document_text(store: Store, document_id: int) -> str:
    with store.read() as connection:
        text = connection.execute(select(documents.c.text)
                                  .where(documents.c.id == document_id)).scalar_one_or_none()
    if text is None:
        raise StoreError(f"no document {document_id} in the store; `tengri documents` lists them")
    return str(text)


def store_counts(store: Store) -> dict[str, int]:
    """How many rows each kind of record has."""
    tables = {"documents": documents, "events": events, "mentions": event_mentions,
              "facts": facts, "memberships": memberships, "quarantined": quarantine,
              "runs": ingest_runs}
    with store.read() as connection:
        counts = {name: int(connection.execute(select(func.count()).select_from(t))
                            .scalar_one()) for name, t in tables.items()}
        counts["sources"] = int(connection.execute(
            select(func.count(func.distinct(documents.c.near_duplicate_group)))).scalar_one())
    return counts


def list_quarantine(store: Store, reason: str | None = None, limit: int = 100,
                    ) -> list[QuarantineEntry]:
    query = select(quarantine).order_by(quarantine.c.last_seen.desc(), quarantine.c.id.desc())
    if reason:
        query = query.where(quarantine.c.reason == reason)
    with store.read() as connection:
        return [QuarantineEntry(r["input"], r["reason"], r["detail"], r["first_seen"],
                                r["last_seen"], r["times"])
                for r in connection.execute(query.limit(limit)).mappings()]


def list_runs(store: Store, limit: int = 20) -> list[RunSummary]:
    query = select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit)
    names = ("seen", "stored", "unchanged", "replaced", "quarantined", "mentions")
    with store.read() as connection:
        return [RunSummary(r["id"], r["started_at"], r["finished_at"], r["status"],
                           list(r["sources"]), dict(r["options"]), {n: r[n] for n in names})
                for r in connection.execute(query).mappings()]
