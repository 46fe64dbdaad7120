"""The analysts' workbench: curation of events, the audit log, API keys, and the indexes the
API's queries need (schema version 2).

A curation is keyed by its event's id. When an event goes (merged into another, or its last
report replaced), its curation row goes too — SQLite may give the id to a new event — and the
audit log keeps what was decided.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Connection,
    Index,
    String,
    Table,
    Text,
    func,
)

from tengri.store.schema.base import Id, Json, UtcDateTime, metadata
from tengri.store.schema.events import event_actors, events

event_curations = Table(
    "event_curations", metadata,
    Column("event_id", Id, primary_key=True, autoincrement=False),
    Column("verdict", String),  # confirmed | rejected | None (edited only)
    # event columns an analyst set, re-applied whenever merging recomputes the event;
    # dates as ISO strings; "source"/"target" hold a corrected actor {id, name, country, kind}
    Column("overrides", Json, nullable=False),
    Column("note", Text),
    Column("created_by", String, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_by", String, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Index("ix_event_curations_verdict", "verdict"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Id, primary_key=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("who", String, nullable=False),  # the API key's name, or the CLI user
    Column("role", String, nullable=False),
    Column("action", String, nullable=False, index=True),
    Column("target_kind", String, nullable=False),  # event | key | run (an ingest run)
    Column("target_id", String, nullable=False),
    Column("before", Json),
    Column("after", Json),
    Column("reason", Text),
    Index("ix_audit_log_target", "target_kind", "target_id"),
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", Id, primary_key=True),
    Column("prefix", String(16), nullable=False, unique=True),  # the public part of the key
    Column("secret_hash", String, nullable=False),  # scrypt$n$r$p$salt$hash, never the key
    Column("name", String, nullable=False),  # who uses it; written to the audit log
    Column("role", String, nullable=False),  # reader | curator | admin
    Column("created_at", UtcDateTime, nullable=False),
    Column("created_by", String, nullable=False),
    Column("revoked_at", UtcDateTime),
    Column("last_used_at", UtcDateTime),
)

# The API lists events latest first (by event date, else first report) and pages by
# (that date, id): one index serves the order and the cursor.
EVENT_WHEN = func.coalesce(events.c.date_start, events.c.first_reported)
ix_events_when = Index("ix_events_when", EVENT_WHEN, events.c.id)
ix_events_type_when = Index("ix_events_type_when", events.c.type, EVENT_WHEN)
ix_events_target = Index("ix_events_target_country", events.c.target_country)
# a dyad's events in date order, one direction at a time (the API merges the two)
ix_events_dyad_when = Index("ix_events_dyad_when", events.c.source_country,
                            events.c.target_country, EVENT_WHEN, events.c.id)
ix_event_actors_key = Index("ix_event_actors_actor_key", event_actors.c.actor_key)
# answers "does this event have an actor of country X / with id Y" from the index alone
ix_event_actors_probe = Index("ix_event_actors_probe", event_actors.c.event_id,
                              event_actors.c.country, event_actors.c.actor_id)

WORKBENCH_TABLES = (event_curations, audit_log, api_keys)
WORKBENCH_INDEXES = (ix_events_when, ix_events_type_when, ix_events_target, ix_events_dyad_when,
                     ix_event_actors_key, ix_event_actors_probe)


def create_workbench(connection: Connection) -> None:
    """Migration 2: the workbench tables and the API's indexes on an existing database."""
    for table in WORKBENCH_TABLES:
        table.create(connection, checkfirst=True)
    for index in WORKBENCH_INDEXES:
        # new in this version, so absent; checkfirst would reflect the expression indexes,
        # which SQLAlchemy cannot do on SQLite
        index.create(connection)
