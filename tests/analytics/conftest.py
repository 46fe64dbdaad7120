"""Analytics fixtures: the small world of tests/analytics/factories.py in a SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.analytics.factories import store_reports, world

from tengri.store import Store, open_store


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Store]:
    store = open_store(str(tmp_path / "world.db"))
    try:
        store_reports(store, world())
        yield store
    finally:
        store.close()
