"""The API over PostgreSQL: listing with cursors, a dyad, a weekly timeline and a curation
with its audit entry answer as they do over SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from tests.analytics.factories import store_reports, world
from tests.api.conftest import API
from tests.store import conftest as store_fixtures

from tengri.api import ServerSettings, create_app
from tengri.settings import Settings
from tengri.store import open_store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key

postgres_server = store_fixtures.postgres_server


@pytest.fixture
def pg_client(postgres_server: store_fixtures.PostgresServer,
              kb) -> Iterator[tuple[TestClient, dict[str, str]]]:  # type: ignore[no-untyped-def]
    for url in store_fixtures._postgres_database(postgres_server):
        store = open_store(url)
        try:
            store_reports(store, world())
            token = create_key(store, "pg", Role.CURATOR, Analyst("setup", "admin")).token
        finally:
            store.close()
        app = create_app(Settings(db_url=url), ServerSettings(), kb=kb)
        with TestClient(app) as client:
            yield client, {"Authorization": f"Bearer {token}"}


@pytest.mark.postgres
def test_the_api_answers_the_same_over_postgresql(pg_client) -> None:  # type: ignore[no-untyped-def]
    client, headers = pg_client
    first = client.get(f"{API}/events?limit=4", headers=headers).json()
    second = client.get(f"{API}/events?limit=5&cursor={first['next_cursor']}",
                        headers=headers).json()
    assert len(first["items"]) + len(second["items"]) == 9
    assert second["next_cursor"] is None
    assert client.get(f"{API}/events?dyad=KAZ-RUS&count=true", headers=headers
                      ).json()["total"] == 6
    dyad = client.get(f"{API}/dyads/KAZ/RUS", headers=headers).json()
    assert (dyad["balance"]["events"], len(dyad["leader_meetings"])) == (6, 2)
    weekly = client.get(f"{API}/timeline?country=UKR&granularity=week", headers=headers).json()
    assert [(b["start"], b["events"]) for b in weekly["buckets"]] == [("2025-11-10", 2)]
    event_id = client.get(f"{API}/events?cameo_root=11", headers=headers).json()["items"][0]["id"]
    client.post(f"{API}/events/{event_id}/reject", json={"reason": "pg"}, headers=headers)
    audit = client.get(f"{API}/events/{event_id}/audit", headers=headers).json()["items"]
    assert [(a["action"], a["reason"]) for a in audit] == [("event.reject", "pg")]
    network = client.get(f"{API}/network", headers=headers).json()
    assert network["nodes"][0]["id"] == "RUS"
