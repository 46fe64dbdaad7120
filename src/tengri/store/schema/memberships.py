"""Membership claims, each with how it compares to the knowledge base on its date."""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, String, Table

from tengri.store.schema.base import Id, Json, metadata

memberships = Table(
    "memberships", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("record_id", String, nullable=False),
    Column("member_id", String),
    Column("member_name", String, nullable=False),
    Column("member_country", String(3), index=True),
    Column("organization_id", String, index=True),
    Column("organization_name", String, nullable=False),
    Column("relation", String, nullable=False),
    Column("status", String, nullable=False),
    Column("kb_check", String, nullable=False, index=True),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", Json, nullable=False),
)
