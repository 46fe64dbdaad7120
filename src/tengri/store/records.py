"""Writing one document's extraction: its event mentions, facts, memberships and actors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite

from tengri.model import Actor, Event, Extraction, Fact, Membership
from tengri.store.merging import MentionView, Party, date_window
from tengri.store.schema import actors, event_mentions, facts, memberships, mention_blocks


def upsert(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
           keys: Sequence[str], update: Sequence[str]) -> None:
    """Insert rows; where the key exists, update the `update` columns (both backends)."""
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys), set_={c: statement.excluded[c] for c in update})
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    connection.execute(statement, list(rows))


def _side(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        return {f"{prefix}_id": None, f"{prefix}_country": None, f"{prefix}_name": None,
                f"{prefix}_kind": None}
    return {f"{prefix}_id": actor.id, f"{prefix}_country": actor.country,
            f"{prefix}_name": actor.name, f"{prefix}_kind": actor.kind.value}


def mention_row(event: Event, document_id: int, position: int,
                published: dt.date | None) -> dict[str, Any]:
    window = date_window(event.date.start, event.date.end, event.date.precision.value,
                         event.status.value, published)
    trigger = event.evidence.trigger
    return {
        "document_id": document_id, "record_id": event.event_id, "position": position,
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
    )


def _actors_of(extraction: Extraction) -> Iterable[Actor]:
    for event in extraction.events:
        yield from (a for a in (event.source, event.target, *event.participants) if a)
    for fact in extraction.facts:
        yield from (a for a in (fact.subject, fact.origin, fact.destination) if a)
    for membership in extraction.memberships:
        yield membership.member
        yield membership.organization


def _store_actors(connection: Connection, extraction: Extraction, now: dt.datetime) -> None:
    rows = {a.id: {"id": a.id, "name": a.name, "kind": a.kind.value, "country": a.country,
                   "sector": a.sector, "igo": a.igo, "wikidata": a.wikidata,
                   "first_seen": now, "last_seen": now}
            for a in _actors_of(extraction) if a.id}
    upsert(connection, actors, [rows[k] for k in sorted(rows)], ["id"],
           ["name", "kind", "country", "sector", "igo", "wikidata", "last_seen"])


def _fact_row(fact: Fact, document_id: int) -> dict[str, Any]:
    def side(actor: Actor | None) -> tuple[str | None, str | None]:
        return (actor.id, actor.country) if actor else (None, None)

    return {
        "document_id": document_id, "record_id": fact.fact_id, "indicator": fact.indicator,
        "value": fact.value, "qualifier": fact.qualifier.value, "unit": fact.unit,
        "subject_id": side(fact.subject)[0], "subject_country": side(fact.subject)[1],
        "origin_id": side(fact.origin)[0], "origin_country": side(fact.origin)[1],
        "destination_id": side(fact.destination)[0],
        "destination_country": side(fact.destination)[1],
        "period_start": fact.period.start, "period_end": fact.period.end,
        "period_precision": fact.period.precision.value,
        "sentence_index": fact.evidence.sentence_index, "sentence_start": fact.evidence.start,
        "sentence_end": fact.evidence.end, "confidence": fact.confidence,
        "record": fact.to_dict(),
    }


def _membership_row(membership: Membership, document_id: int) -> dict[str, Any]:
    return {
        "document_id": document_id, "record_id": membership.membership_id,
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


def store_records(connection: Connection, document_id: int, content_hash: str,
                  published: dt.date | None, extraction: Extraction,
                  now: dt.datetime) -> list[MentionView]:
    """Insert the document's records; returns its new mentions, ready for merging."""
    _store_actors(connection, extraction, now)
    if extraction.facts:
        connection.execute(insert(facts), [_fact_row(f, document_id) for f in extraction.facts])
    if extraction.memberships:
        connection.execute(insert(memberships),
                           [_membership_row(m, document_id) for m in extraction.memberships])
    views: list[MentionView] = []
    blocks: list[dict[str, Any]] = []
    for position, event in enumerate(extraction.events):
        row = mention_row(event, document_id, position, published)
        mention_id = connection.execute(
            insert(event_mentions).returning(event_mentions.c.id), row).scalar_one()
        view = view_of({**row, "id": mention_id}, published, content_hash)
        views.append(view)
        blocks += [{"mention_id": mention_id, "block": b} for b in sorted(view.blocks())]
    if blocks:
        connection.execute(insert(mention_blocks), blocks)
    return views
