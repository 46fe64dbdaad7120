"""Schema migrations: a new database is created and stamped, an up-to-date one is only read,
a newer or foreign one is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, inspect, select, text
from tests.store.conftest import document, event, put

from tengri.errors import StoreError
from tengri.store import SCHEMA_VERSION, Store, open_store
from tengri.store.blocking import filed_keys
from tengri.store.clusters import mentions_of_events
from tengri.store.migrations import MIGRATIONS, migrate, schema_version
from tengri.store.schema import event_mentions, mention_blocks, metadata, schema_versions


def test_a_new_database_has_every_table_and_the_latest_version(store: Store) -> None:
    with store.read() as connection:
        assert set(inspect(connection).get_table_names()) == set(metadata.tables)
        assert schema_version(connection) == SCHEMA_VERSION == MIGRATIONS[-1].version


def test_the_tables_have_the_columns_the_schema_declares(store: Store) -> None:
    with store.read() as connection:
        inspector = inspect(connection)
        for name, table in metadata.tables.items():
            assert {c["name"] for c in inspector.get_columns(name)} == set(table.columns.keys())


def test_opening_again_migrates_nothing(db_url: str) -> None:
    open_store(db_url).close()
    store = open_store(db_url)
    try:
        with store.read() as connection:
            rows = connection.execute(schema_versions.select()).all()
        assert [r.version for r in rows] == [m.version for m in MIGRATIONS]
        assert migrate(store) == SCHEMA_VERSION
    finally:
        store.close()


def test_a_database_from_a_newer_tengri_is_refused(store: Store) -> None:
    with store.write() as connection:
        connection.execute(insert(schema_versions).values(
            version=SCHEMA_VERSION + 1, description="future", applied_at=__import__(
                "datetime").datetime(2030, 1, 1)))
    with pytest.raises(StoreError, match=f"schema version {SCHEMA_VERSION + 1}, newer than "
                       f"this tengri knows \\({SCHEMA_VERSION}\\); upgrade tengri"):
        migrate(store)


def test_a_database_with_tengri_tables_but_no_versions_is_refused(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "x.db"))
    try:
        with store.write() as connection:
            connection.execute(text("DROP TABLE schema_versions"))
        with pytest.raises(StoreError, match="was not made by tengri"):
            migrate(store)
    finally:
        store.close()


def test_migration_3_files_the_stored_mentions_under_the_new_candidate_keys(store: Store) -> None:
    put(store, (document("a", "Tokayev visited Moscow.", "2025-11-12"),
                [event("a", "042", "person:kassym-jomart-tokayev", "RUS", start="2025-11-11")]),
        (document("b", "Putin met Tokayev.", "2025-11-12"),
         [event("b", "040", "person:vladimir-putin", "KAZ", start="2025-11-11")]))
    with store.write() as connection:
        first = connection.execute(select(event_mentions.c.id)).scalars().first()
        connection.execute(delete(mention_blocks))
        connection.execute(insert(mention_blocks).values(
            mention_id=first, block="CONSULT:a:RUS", window_start=dt.date(2025, 11, 10),
            window_end=dt.date(2025, 11, 12)))
        next(m for m in MIGRATIONS if m.version == 3).upgrade(connection)
    with store.read() as connection:
        stored = set(connection.execute(select(mention_blocks.c.mention_id,
                                               mention_blocks.c.block)).tuples())
        events = connection.execute(select(event_mentions.c.event_id)).scalars().all()
        views = mentions_of_events(connection, events)
    assert len(views) == 2
    assert stored == {(v.id, k) for v in views for k in filed_keys(v)}
