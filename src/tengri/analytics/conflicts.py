"""Claims in the news that disagree with the knowledge base: membership claims whose KB check
was `conflict` when they were stored, and office claims ("Prime Minister Tokayev" in 2025) read
from the titles in the actors' words and checked against the KB on the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select

from tengri.kb import KnowledgeBase
from tengri.kb.entities import EntityKind
from tengri.kb.mentions import find_atoms
from tengri.model import KBCheck, Record
from tengri.store import Store
from tengri.store.schema import documents, event_mentions, memberships

SCAN_LIMIT = 20000  # mentions read for office claims per call, latest first


@dataclass(frozen=True, slots=True)
class ClaimConflict(Record):
    kind: str  # membership | office
    claim: str  # what the news says, in words
    subject: str | None  # the member state or the person (KB id)
    object: str | None  # the organisation or the office (KB id or title)
    on: dt.date | None  # the day the claim is about (else the publication date)
    kb: list[dict[str, Any]]  # what the KB holds instead
    explanation: str
    sentence: str | None
    document_id: int
    title: str | None
    url: str | None
    published: dt.date | None


def _membership_conflicts(store: Store, since: dt.date | None, until: dt.date | None,
                          limit: int) -> list[ClaimConflict]:
    m, d = memberships.c, documents.c
    query = (select(memberships, d.title, d.url, d.published)
             .join(documents, d.id == m.document_id)
             .where(m.kb_check == KBCheck.CONFLICT.value, *_published_in(since, until))
             .order_by(d.published.desc(), m.id.desc()).limit(limit))
    out = []
    with store.read() as connection:
        for row in connection.execute(query).mappings():
            record = row["record"] or {}
            held = list(record.get("kb") or [])
            out.append(ClaimConflict(
                "membership", f"{row['member_name']} {row['relation']} "
                f"{row['organization_name']}", row["member_id"] or row["member_country"],
                row["organization_id"], row["date_start"] or row["published"], held,
                "the KB holds " + ("; ".join(
                    f"{h.get('relation')} from {h.get('start') or 'the start'} to "
                    f"{h.get('end') or 'now'}" for h in held) or "no such membership"),
                (record.get("evidence") or {}).get("sentence"), row["document_id"],
                row["title"], row["url"], row["published"]))
    return out


def _published_in(since: dt.date | None, until: dt.date | None) -> list[Any]:
    where = []
    if since:
        where.append(documents.c.published >= since)
    if until:
        where.append(documents.c.published <= until)
    return where


def titles_in(kb: KnowledgeBase, text: str) -> Iterator[tuple[str, str | None]]:
    """The office titles an actor's words give it, each with the state or IGO named before the
    title ("Kazakh President" -> ("president", "KAZ")), else None."""
    atoms = find_atoms(kb, text)
    for i, atom in enumerate(atoms):
        if atom.cat != "title":
            continue
        holder = None
        if i and atoms[i - 1].cat in {"adjective", "entity"}:
            for entity_id in atoms[i - 1].ids:
                entity = kb.get(entity_id)
                if entity is not None and entity.kind in {EntityKind.STATE, EntityKind.IGO}:
                    holder = entity.id
                    break
        yield atom.word, holder


def _persons(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for actor in (record.get("source"), record.get("target"), *(record.get("participants")
                                                                 or ())):
        if actor and actor.get("kind") == "person" and actor.get("id") and actor.get("text"):
            yield actor


def _office_conflicts(store: Store, kb: KnowledgeBase, since: dt.date | None,
                      until: dt.date | None, limit: int) -> list[ClaimConflict]:
    e, d = event_mentions.c, documents.c
    query = (select(e.id, e.record, e.sentence, e.document_id, e.date_start, d.title, d.url,
                    d.published)
             .join(documents, d.id == e.document_id)
             .where(or_(e.source_kind == "person", e.target_kind == "person"),
                    *_published_in(since, until))
             .order_by(d.published.desc(), e.id.desc()).limit(SCAN_LIMIT))
    seen: set[tuple[str, str, str | None, dt.date, int]] = set()
    out: list[ClaimConflict] = []
    with store.read() as connection:
        rows = connection.execute(query).mappings().all()
    for row in rows:
        on = row["published"] or row["date_start"]
        if on is None:
            continue
        for actor in _persons(row["record"] or {}):
            for title, holder in titles_in(kb, actor["text"]):
                key = (actor["id"], title, holder, on, row["document_id"])
                if key in seen:
                    continue
                seen.add(key)
                office = kb.office_for(holder, title=title, role=kb.titles.get(title)) \
                    if holder else None
                if holder and office is None:
                    continue
                check = kb.check_office(actor["id"], office.id if office else title, on)
                if check.result is not KBCheck.CONFLICT:
                    continue
                out.append(ClaimConflict(
                    "office", actor["text"], actor["id"], office.id if office else title, on,
                    [{"office": t.office, "person": t.person,
                      "start": t.when.start.isoformat() if t.when.start else None,
                      "end": t.when.end.isoformat() if t.when.end else None,
                      "acting": t.acting, "source": t.source} for t in check.held],
                    check.explanation, row["sentence"], row["document_id"], row["title"],
                    row["url"], row["published"]))
                if len(out) >= limit:
                    return out
    return out


def claim_conflicts(store: Store, kb: KnowledgeBase, *, since: dt.date | None = None,
                    until: dt.date | None = None, kinds: tuple[str, ...] = ("membership",
                                                                           "office"),
                    limit: int = 200) -> list[ClaimConflict]:
    """Claims published in [since, until] that the KB contradicts, latest first."""
    out: list[ClaimConflict] = []
    if "membership" in kinds:
        out += _membership_conflicts(store, since, until, limit)
    if "office" in kinds:
        out += _office_conflicts(store, kb, since, until, limit)
    out.sort(key=lambda c: (c.published or dt.date.min, c.document_id), reverse=True)
    return out[:limit]


__all__ = ["ClaimConflict", "claim_conflicts", "titles_in"]
