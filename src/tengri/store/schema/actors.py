"""Actors as the knowledge base resolved them, one row per KB id seen in stored records."""

from __future__ import annotations

from sqlalchemy import Column, String, Table

from tengri.store.schema.base import UtcDateTime, metadata

actors = Table(
    "actors", metadata,
    Column("id", String, primary_key=True),  # KB id: KAZ, igo:EAEU, person:vladimir-putin
    Column("name", String, nullable=False, index=True),
    Column("kind", String, nullable=False),
    Column("country", String(3), index=True),
    Column("sector", String),
    Column("igo", String),
    Column("wikidata", String),
    Column("first_seen", UtcDateTime, nullable=False),
    Column("last_seen", UtcDateTime, nullable=False),
)
