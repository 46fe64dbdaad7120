"""One document's extraction as rows (built in the worker that coded it), and writing them:
event mentions with their candidate keys, facts, memberships and the actors they name."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from tengri.ingest.fingerprint import normalise
from tengri.model import Actor, Event, Extraction, Fact, Membership
from tengri.store.blocking import filed_keys
from tengri.store.merging import MentionView, Party, date_window
from tengri.store.schema import (
    actors,
    documents,
    event_mentions,
    facts,
    memberships,
    mention_blocks,
)

NEVER = dt.date(1, 1, 1)  # an open window's ends, as dates an index can range over
ALWAYS = dt.date(9999, 12, 31)


@functools.cache
def _upsert_statement(dialect_name: str, table: Table, keys: tuple[str, ...],
                      update: tuple[str, ...]) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table)
    if update:
        return statement.on_conflict_do_update(
            index_elements=list(keys), set_={c: statement.excluded[c] for c in update})
    return statement.on_conflict_do_nothing(index_elements=list(keys))


def upsert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
           keys: Sequence[str], update: Sequence[str]) -> None:
    """Insert rows; where the key exists, update the `update` columns (both backends)."""
    if rows:
        connection.execute(_upsert_statement(connection.dialect.name, table, tuple(keys),
                                             tuple(update)), list(rows))


def sentence_key(sentence: str) -> str:
    """The sentence with case, punctuation and spacing made uniform, hashed: equal in copies."""
    return hashlib.blake2b(normalise(sentence).encode("utf-8", "surrogatepass"),
                           digest_size=8).hexdigest()


def _side(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_id": None, f"{prefix}_country": None, f"{prefix}_name": None,
                f"{prefix}_kind": None}
    return {f"{prefix}_id": actor.id, f"{prefix}_country": actor.country,
            f"{prefix}_name": actor.name, f"{prefix}_kind": actor.kind.value}


def mention_row(event: Event, position: int, published: dt.date | None) -> dict[str, Any]:
    """The event_mentions row of one event record (without its document's id)."""
    window = date_window(event.date.start, event.date.end, event.date.precision.value,
                         event.status.value, published)
    trigger = event.evidence.trigger
    return {
        "record_id": event.event_id, "position": position,
        "type": event.type, "mode": event.mode, "cameo": event.cameo,
        "status": event.status.value,
        **_side("source", event.source), **_side("target", event.target),
        "participants": [{"id": p.id, "country": p.country, "name": p.name,
                          "kind": p.kind.value} for p in event.participants],
        "date_start": event.date.start, "date_end": event.date.end,
        "date_precision": event.date.precision.value,
        "window_start": window[0], "window_end": window[1],
        "location_name": event.location.name, "location_country": event.location.country,
        "location_precision": event.location.precision.value,
        "location_lat": event.location.lat, "location_lon": event.location.lon,
        "gathering_kind": event.gathering.kind if event.gathering else None,
        "gathering_name": event.gathering.name if event.gathering else None,
        "sentence_index": event.evidence.sentence_index,
        "sentence_start": event.evidence.start, "sentence_end": event.evidence.end,
        "sentence": event.evidence.sentence,
        "sentence_key": sentence_key(event.evidence.sentence),
        "trigger_text": trigger.text if trigger else None,
        "trigger_start": trigger.start if trigger else None,
        "trigger_end": trigger.end if trigger else None,
        "confidence": event.confidence, "record": event.to_dict(), "pinned": False,
    }


def _party(data: dict[str, Any], prefix: str) -> Party | None:
    name = data.get(f"{prefix}_name")
    if name is None:
        return None
    return Party(data.get(f"{prefix}_id"), data.get(f"{prefix}_country"), name,
                 data.get(f"{prefix}_kind"))


def view_of(row: Any, published: dt.date | None = None, content_hash: str | None = None,
            ) -> MentionView:
    """The merging view of a mention row (a mapping with the mention's columns, and the
    document's `published` and `content_hash` unless given)."""
    data = dict(row)
    return MentionView(
        id=data["id"], document_id=data["document_id"], type=data["type"], mode=data["mode"],
        cameo=data["cameo"], status=data["status"],
        source=_party(data, "source"), target=_party(data, "target"),
        participants=tuple(Party(p.get("id"), p.get("country"), p.get("name") or "",
                                 p.get("kind")) for p in data["participants"]),
        date_start=data["date_start"], date_end=data["date_end"],
        date_precision=data["date_precision"],
        window_start=data["window_start"], window_end=data["window_end"],
        location_name=data["location_name"], location_country=data["location_country"],
        location_precision=data["location_precision"],
        location_lat=data["location_lat"], location_lon=data["location_lon"],
        gathering_name=data["gathering_name"],
        published=published if published is not None else data.get("published"),
        content_hash=content_hash or data["content_hash"],
        sentence_start=data["sentence_start"], trigger_start=data["trigger_start"],
        record_id=data["record_id"], pinned=bool(data.get("pinned", False)),
        sentence_key=data.get("sentence_key") or sentence_key(data.get("sentence") or ""),
    )


def _actor_ids(side: str, actor: Actor | None) -> dict[str, str | None]:
    return {f"{side}_id": actor.id if actor else None,
            f"{side}_country": actor.country if actor else None}


def fact_row(fact: Fact) -> dict[str, Any]:
    return {
        "record_id": fact.fact_id, "indicator": fact.indicator, "value": fact.value,
        "qualifier": fact.qualifier.value, "unit": fact.unit,
        **_actor_ids("subject", fact.subject), **_actor_ids("origin", fact.origin),
        **_actor_ids("destination", fact.destination),
        "period_start": fact.period.start, "period_end": fact.period.end,
        "period_precision": fact.period.precision.value,
        "sentence_index": fact.evidence.sentence_index, "sentence_start": fact.evidence.start,
        "sentence_end": fact.evidence.end, "confidence": fact.confidence,
        "record": fact.to_dict(),
    }


def membership_row(membership: Membership) -> dict[str, Any]:
    return {
        "record_id": membership.membership_id,
        "member_id": membership.member.id, "member_name": membership.member.name,
        "member_country": membership.member.country,
        "organization_id": membership.organization.id,
        "organization_name": membership.organization.name,
        "relation": membership.relation.value, "status": membership.status.value,
        "kb_check": membership.kb_check.value,
        "date_start": membership.date.start, "date_end": membership.date.end,
        "date_precision": membership.date.precision.value,
        "sentence_index": membership.evidence.sentence_index,
        "sentence_start": membership.evidence.start, "sentence_end": membership.evidence.end,
        "confidence": membership.confidence, "record": membership.to_dict(),
    }


def _actors_of(extraction: Extraction) -> Iterable[Actor]:
    for event in extraction.events:
        yield from (a for a in (event.source, event.target, *event.participants) if a)
    for fact in extraction.facts:
        yield from (a for a in (fact.subject, fact.origin, fact.destination) if a)
    for membership in extraction.memberships:
        yield membership.member
        yield membership.organization


@dataclass(frozen=True, slots=True)
class DocumentRecords:
    """The rows one document's extraction gives, without the document's id (which only the
    store knows): made in the worker process, so the single writer only inserts."""

    mentions: tuple[dict[str, Any], ...] = ()
    facts: tuple[dict[str, Any], ...] = ()
    memberships: tuple[dict[str, Any], ...] = ()
    actors: tuple[dict[str, Any], ...] = ()

    @classmethod
    def of(cls, extraction: Extraction) -> DocumentRecords:
        published = extraction.document.published
        named = {a.id: {"id": a.id, "name": a.name, "kind": a.kind.value, "country": a.country,
                        "sector": a.sector, "igo": a.igo, "wikidata": a.wikidata}
                 for a in _actors_of(extraction) if a.id}
        return cls(
            mentions=tuple(mention_row(e, i, published)
                           for i, e in enumerate(extraction.events)),
            facts=tuple(fact_row(f) for f in extraction.facts),
            memberships=tuple(membership_row(m) for m in extraction.memberships),
            actors=tuple(named[k] for k in sorted(named)))


def store_records(connection: Connection, document_id: int, content_hash: str,
                  published: dt.date | None, records: DocumentRecords,
                  now: dt.datetime) -> list[MentionView]:
    """Insert the document's rows; returns its new mentions, ready for merging."""
    upsert(connection, actors, [{**a, "first_seen": now, "last_seen": now}
                                for a in records.actors], ["id"],
           ["name", "kind", "country", "sector", "igo", "wikidata", "last_seen"])
    if records.facts:
        connection.execute(insert(facts), [{**f, "document_id": document_id}
                                           for f in records.facts])
    if records.memberships:
        connection.execute(insert(memberships), [{**m, "document_id": document_id}
                                                 for m in records.memberships])
    if not records.mentions:
        return []
    rows = [{**m, "document_id": document_id} for m in records.mentions]
    ids = connection.execute(insert(event_mentions).returning(
        event_mentions.c.id, sort_by_parameter_order=True), rows).scalars().all()
    views = [view_of({**row, "id": mention_id}, published, content_hash)
             for mention_id, row in zip(ids, rows, strict=True)]
    store_blocks(connection, views)
    return views


def store_blocks(connection: Connection, views: Sequence[MentionView]) -> None:
    """The keys these mentions are filed under for the candidate search, with their date
    windows."""
    rows = [{"mention_id": v.id, "block": block, "window_start": v.window_start or NEVER,
             "window_end": v.window_end or ALWAYS}
            for v in views for block in sorted(filed_keys(v))]
    if rows:
        connection.execute(insert(mention_blocks), rows)


def rebuild_blocks(connection: Connection, chunk: int = 2000) -> None:
    """File every stored mention again under the current candidate keys (a migration, when
    the keys change); pinned mentions stay out of the search, as a split leaves them."""
    connection.execute(delete(mention_blocks))
    query = (select(*(c for c in event_mentions.c if c.name not in {"record", "sentence"}),
                    documents.c.published, documents.c.content_hash)
             .join(documents, documents.c.id == event_mentions.c.document_id)
             .where(event_mentions.c.pinned.is_(False), event_mentions.c.id > bindparam("after"))
             .order_by(event_mentions.c.id).limit(chunk))
    after = 0
    while rows := connection.execute(query, {"after": after}).mappings().all():
        store_blocks(connection, [view_of(r) for r in rows])
        after = rows[-1]["id"]
