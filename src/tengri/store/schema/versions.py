"""Which schema migrations a database has had (see `tengri.store.migrations`)."""

from __future__ import annotations

from sqlalchemy import Column, Integer, String, Table

from tengri.store.schema.base import UtcDateTime, metadata

schema_versions = Table(
    "schema_versions", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", String, nullable=False),
    Column("applied_at", UtcDateTime, nullable=False),
)
