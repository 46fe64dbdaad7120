"""Facts: numbers stated about the world, one row per record a document gave."""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, String, Table

from tengri.store.schema.base import Id, Json, metadata

facts = Table(
    "facts", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("record_id", String, nullable=False),
    Column("indicator", String, nullable=False, index=True),
    Column("value", Float, nullable=False),
    Column("qualifier", String, nullable=False),
    Column("unit", String, nullable=False),
    Column("subject_id", String),
    Column("subject_country", String(3)),
    Column("origin_id", String),
    Column("origin_country", String(3)),
    Column("destination_id", String),
    Column("destination_country", String(3)),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("period_precision", String, nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", Json, nullable=False),
)
