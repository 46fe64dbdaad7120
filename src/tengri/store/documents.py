"""Storing documents exactly once, replacing changed ones, and grouping near-duplicates.

A document is the same document when it has the same URL, or (without a URL) the same
normalised text. Same URL and new text is a new version: its old records go and the new ones
come in its place (the row and its id stay). The same text under two URLs is two documents in
one near-duplicate group: two publications of one report, counted as one source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from tengri.ingest.fingerprint import (
    SYNDICATION_THRESHOLD,
    Signature,
    band_keys,
    content_hash,
    similarity,
)
from tengri.model import Document
from tengri.store.schema import (
    document_bands,
    documents,
    event_mentions,
    facts,
    memberships,
)

# 42 bands of 3 values: a pair at similarity 0.5 shares a band with probability 0.996, at 0.3
# with 0.68, at 0.1 with 0.04 (candidates are then checked on the whole signature). The
# fingerprint's default 16 bands of 8 would miss half of the pairs near 0.7.
BANDS = 42
MIN_SHARED_BANDS = 2


def near_duplicates(a: Signature, b: Signature) -> bool:
    """Copies of one report (syndication, reposts), by the similarity of their 5-grams."""
    return similarity(a, b) >= SYNDICATION_THRESHOLD


class Outcome(StrEnum):
    STORED = "stored"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


@dataclass(frozen=True, slots=True)
class Identity:
    """What identifies a document in the store."""

    content_hash: str
    url: str | None

    @classmethod
    def of(cls, document: Document) -> Identity:
        return cls(content_hash(document.text), (document.url or "").strip() or None)

    @property
    def url_key(self) -> str:
        return self.url or ""


@dataclass(frozen=True, slots=True)
class Existing:
    id: int
    content_hash: str
    url: str | None


def find_existing(connection: Connection, identity: Identity) -> tuple[Outcome, Existing | None]:
    """Is the document new (STORED), already stored (UNCHANGED), or a new version (REPLACED)?"""
    columns = (documents.c.id, documents.c.content_hash, documents.c.url)
    if identity.url:
        row = connection.execute(select(*columns).where(documents.c.url == identity.url)).first()
        if row is not None:
            found = Existing(*row)
            return (Outcome.UNCHANGED if found.content_hash == identity.content_hash
                    else Outcome.REPLACED), found
        row = connection.execute(select(*columns).where(
            documents.c.content_hash == identity.content_hash, documents.c.url_key == "")).first()
        return (Outcome.UNCHANGED, Existing(*row)) if row else (Outcome.STORED, None)
    row = connection.execute(select(*columns).where(
        documents.c.content_hash == identity.content_hash).order_by(documents.c.id)).first()
    return (Outcome.UNCHANGED, Existing(*row)) if row else (Outcome.STORED, None)


def learn_url(connection: Connection, existing: Existing, identity: Identity) -> None:
    """A text stored without URL now comes with one: remember it, so a later version of that
    URL replaces this document."""
    if identity.url and existing.url is None:
        connection.execute(update(documents).where(documents.c.id == existing.id)
                           .values(url=identity.url, url_key=identity.url))


def _columns(document: Document, identity: Identity, signature: Signature,
             provenance: dict[str, Any] | None, run_id: int | None, now: dt.datetime,
             ) -> dict[str, Any]:
    return {
        "content_hash": identity.content_hash, "url": identity.url, "url_key": identity.url_key,
        "doc_key": document.doc_id,
        "input_name": (provenance or {}).get("source") or document.doc_id,
        "title": document.title, "published": document.published, "lang": document.lang,
        "source_name": document.source_name or (provenance or {}).get("site"),
        "fetched_at": None, "updated_at": now, "signature": signature.pack(),
        "text": document.text, "text_chars": len(document.text), "provenance": provenance,
        "run_id": run_id,
    }


def insert_document(connection: Connection, document: Document, identity: Identity,
                    signature: Signature, provenance: dict[str, Any] | None,
                    run_id: int | None, now: dt.datetime) -> int:
    values = _columns(document, identity, signature, provenance, run_id, now)
    values.update(ingested_at=now, version=1, near_duplicate_group=identity.content_hash)
    document_id = connection.execute(
        insert(documents).returning(documents.c.id), values).scalar_one()
    _insert_bands(connection, document_id, signature)
    return int(document_id)


def replace_document(connection: Connection, existing: Existing, document: Document,
                     identity: Identity, signature: Signature, provenance: dict[str, Any] | None,
                     run_id: int | None, now: dt.datetime) -> tuple[set[int], set[int]]:
    """Give the stored document its new text; drop its old records. Returns the events that
    lost mentions and the documents whose near-duplicate group the change touched."""
    old_events = {e for (e,) in connection.execute(
        select(event_mentions.c.event_id).where(event_mentions.c.document_id == existing.id))
        if e is not None}
    for table in (event_mentions, facts, memberships, document_bands):
        connection.execute(delete(table).where(table.c.document_id == existing.id))
    old_group = connection.execute(select(documents.c.near_duplicate_group)
                                   .where(documents.c.id == existing.id)).scalar_one()
    values = _columns(document, identity, signature, provenance, run_id, now)
    values.update(version=documents.c.version + 1, near_duplicate_group=identity.content_hash)
    connection.execute(update(documents).where(documents.c.id == existing.id).values(values))
    _insert_bands(connection, existing.id, signature)
    return old_events, regroup(connection, old_group)


def _insert_bands(connection: Connection, document_id: int, signature: Signature) -> None:
    rows = [{"document_id": document_id, "key": key}
            for key in sorted(set(band_keys(signature, BANDS)))]
    if rows:
        connection.execute(insert(document_bands), rows)


def _near_duplicates(connection: Connection, document_id: int, signature: Signature,
                     ) -> list[tuple[int, str]]:
    keys = sorted(set(band_keys(signature, BANDS)))
    if not keys:
        return []
    # Two shared bands, not one: a pair at similarity 0.5 shares 5 of 42 on average (and two
    # or more with probability 0.97), unrelated reports that share a quote only one.
    candidates = (select(document_bands.c.document_id)
                  .where(document_bands.c.key.in_(keys),
                         document_bands.c.document_id != document_id)
                  .group_by(document_bands.c.document_id)
                  .having(func.count() >= MIN_SHARED_BANDS))
    rows = connection.execute(select(documents.c.id, documents.c.signature,
                                     documents.c.near_duplicate_group)
                              .where(documents.c.id.in_(candidates))).all()
    return [(row.id, row.near_duplicate_group) for row in rows
            if near_duplicates(signature, Signature.unpack(row.signature))]


def assign_group(connection: Connection, document_id: int, identity: Identity,
                 signature: Signature) -> set[int]:
    """Put the document in the group of its near-duplicates (joining their groups if it links
    several); the group's label is its smallest content hash. Returns the documents whose
    label changed."""
    found = _near_duplicates(connection, document_id, signature)
    if not found:
        return set()
    groups = {group for _, group in found}
    label = min(groups | {identity.content_hash})
    changed = {i for (i,) in connection.execute(select(documents.c.id).where(
        or_(documents.c.near_duplicate_group.in_(groups), documents.c.id == document_id),
        documents.c.near_duplicate_group != label))}
    if changed:
        connection.execute(update(documents).where(documents.c.id.in_(changed))
                           .values(near_duplicate_group=label))
    return changed


def regroup(connection: Connection, label: str) -> set[int]:
    """Recompute a group whose member changed or left: it may fall apart. Returns the
    documents whose label changed."""
    rows = connection.execute(select(documents.c.id, documents.c.content_hash,
                                     documents.c.signature)
                              .where(documents.c.near_duplicate_group == label)).all()
    parent = {row.id: row.id for row in rows}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    signatures = {row.id: Signature.unpack(row.signature) for row in rows}
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if near_duplicates(signatures[a.id], signatures[b.id]):
                parent[find(a.id)] = find(b.id)
    members: dict[int, list[Any]] = {}
    for row in rows:
        members.setdefault(find(row.id), []).append(row)
    changed: set[int] = set()
    for group in members.values():
        new_label = min(row.content_hash for row in group)
        if new_label != label:
            ids = [row.id for row in group]
            connection.execute(update(documents).where(documents.c.id.in_(ids))
                               .values(near_duplicate_group=new_label))
            changed.update(ids)
    return changed
