"""Analytics fixtures: the small world of tests/analytics/factories.py in a store on each
backend (SQLite always; PostgreSQL marked `postgres`, as in tests/store)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.analytics.factories import store_reports, world
from tests.store import conftest as store_fixtures

from tengri.store import Store, open_store

# the store tests' backends: SQLite, and PostgreSQL in a throwaway cluster
db_url = store_fixtures.db_url
postgres_server = store_fixtures.postgres_server


@pytest.fixture
def filled(db_url: str) -> Iterator[Store]:
    store = open_store(db_url)
    try:
        store_reports(store, world())
        yield store
    finally:
        store.close()
