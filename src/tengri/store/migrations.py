"""Versioned schema migrations, applied when a store is opened.

Why not Alembic: the schema belongs to this one package and has to be brought up to date
wherever a store is opened (the CLI, the API, a worker), with no alembic.ini or env.py shipped
next to it; what Alembic adds beyond that (autogenerate, branches) is not needed. So: a
`schema_versions` table, an ordered list of migrations, and one rule —

- a new database is created from `schema.metadata` and stamped with every version;
- an existing one gets the migrations after its highest version, in order, each in the write
  transaction (so two processes opening the same database never migrate it twice).

Version 1 is the baseline. A later change to the tables adds `Migration(2, …)` whose upgrade
alters an existing database (op-by-op, on both backends) to what `metadata` now declares;
tests/store/test_migrations.py checks that a migrated database and a new one agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, func, inspect, select

from tengri.errors import StoreError
from tengri.store.database import Store
from tengri.store.records import rebuild_blocks
from tengri.store.schema import metadata, schema_versions
from tengri.store.schema.workbench import create_workbench


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    upgrade: Callable[[Connection], None]  # brings a database at version-1 to this version


def _baseline(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "baseline: documents, events, mentions, actors, facts, memberships, ingest "
              "runs, quarantine, merge decisions", _baseline),
    Migration(2, "workbench: event curations, audit log, API keys; indexes for the API's "
              "event order and filters", create_workbench),
    # The keys changed (tengri.store.blocking: pairs of sides instead of one key per actor),
    # and a mention filed under the old ones would never be found by the new search.
    Migration(3, "candidate keys of merging by pairs of sides: mention_blocks rebuilt",
              rebuild_blocks),
)
LATEST = MIGRATIONS[-1].version


def schema_version(connection: Connection) -> int | None:
    """The database's schema version; None for a database with no tengri tables yet."""
    names = set(inspect(connection).get_table_names())
    if schema_versions.name not in names:
        if names & set(metadata.tables):
            raise StoreError(f"the database has tengri's tables ({', '.join(sorted(names)[:3])}…) "
                             "but no schema_versions table; it was not made by tengri")
        return None
    return connection.execute(select(func.max(schema_versions.c.version))).scalar_one_or_none()


def _check_not_newer(version: int | None, store: Store) -> None:
    if version is not None and version > LATEST:
        raise StoreError(f"{store.url} has schema version {version}, newer than this tengri "
                         f"knows ({LATEST}); upgrade tengri to use it")


def migrate(store: Store) -> int:
    """Bring the store's schema to the latest version; returns it. Cheap when up to date: only
    a read, so opening a store never waits for a running ingest."""
    with store.read() as connection:
        version = schema_version(connection)
    _check_not_newer(version, store)
    if version == LATEST:
        return LATEST
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with store.write() as connection:
        version = schema_version(connection)  # another process may have migrated meanwhile
        _check_not_newer(version, store)
        if version is None:
            _baseline(connection)
            connection.execute(schema_versions.insert(), [
                {"version": m.version, "description": m.description, "applied_at": now}
                for m in MIGRATIONS])
            return LATEST
        for migration in MIGRATIONS:
            if migration.version > version:
                migration.upgrade(connection)
                connection.execute(schema_versions.insert().values(
                    version=migration.version, description=migration.description,
                    applied_at=now))
    return LATEST
