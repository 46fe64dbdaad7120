"""Ingest runs: when each `tengri ingest` started and ended, with what options and results."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from tengri.store.schema.base import Id, Json, UtcDateTime, metadata

ingest_runs = Table(
    "ingest_runs", metadata,
    Column("id", Id, primary_key=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("finished_at", UtcDateTime),
    # running | finished | failed; a run killed mid-way stays "running" with no finished_at
    Column("status", String, nullable=False),
    Column("sources", Json, nullable=False),
    Column("options", Json, nullable=False),
    Column("seen", Integer, nullable=False, default=0),
    Column("stored", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("replaced", Integer, nullable=False, default=0),
    Column("quarantined", Integer, nullable=False, default=0),
    Column("mentions", Integer, nullable=False, default=0),
    Column("tengri_version", String, nullable=False),
    Column("rules", String, nullable=False),
)
