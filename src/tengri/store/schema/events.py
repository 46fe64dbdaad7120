"""Events: each real-world event once, merged from the reports that mention it.

The columns are a function of the event's mentions (see `tengri.store.canonical`);
`event_actors` lists every actor that takes part, in any role, for filtering.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
)

from tengri.store.schema.base import Id, Json, UtcDateTime, metadata

events = Table(
    "events", metadata,
    Column("id", Id, primary_key=True),
    Column("type", String, nullable=False, index=True),
    Column("mode", String),
    Column("cameo", String(4), nullable=False),
    Column("cameo_root", String(2), nullable=False, index=True),
    Column("goldstein", Float, nullable=False),
    Column("quad_class", SmallInteger, nullable=False),
    Column("status", String, nullable=False, index=True),
    Column("source_actor_id", String),
    Column("source_name", String),
    Column("source_country", String(3)),
    Column("source_kind", String),
    Column("target_actor_id", String),
    Column("target_name", String),
    Column("target_country", String(3)),
    Column("target_kind", String),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", String, nullable=False),
    Column("location_name", String),
    Column("location_country", String(3)),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_precision", String, nullable=False),
    Column("location_id", String),
    Column("quantity_value", Float),
    Column("quantity_unit", String),
    Column("gathering", Json),
    Column("confidence", Float, nullable=False),
    Column("source_count", Integer, nullable=False),  # distinct non-syndicated documents
    Column("mention_count", Integer, nullable=False),
    Column("first_reported", Date, index=True),
    Column("last_reported", Date),
    Column("curated", Boolean, nullable=False, default=False),  # an analyst made or changed it
    Column("rules", String, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_events_dyad", "source_country", "target_country"),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Id, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String, primary_key=True),  # source | target | participant
    Column("actor_key", String, primary_key=True),  # KB id, else country, else name
    Column("actor_id", String, index=True),
    Column("country", String(3), index=True),
    Column("name", String, nullable=False),
)
