"""Inputs that could not become stored documents, each with its reason; one row per input and
reason however often it is seen again, so re-ingesting a corpus does not grow the table."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from tengri.store.schema.base import Id, UtcDateTime, metadata

quarantine = Table(
    "quarantine", metadata,
    Column("id", Id, primary_key=True),
    Column("input", String, nullable=False),
    Column("reason", String, nullable=False, index=True),
    Column("detail", Text, nullable=False, default=""),
    Column("first_seen", UtcDateTime, nullable=False),
    Column("last_seen", UtcDateTime, nullable=False),
    Column("times", Integer, nullable=False, default=1),
    Column("run_id", Id, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    UniqueConstraint("input", "reason"),
)
