"""API fixtures: the app over a temp SQLite store holding the small world of
tests/analytics/factories.py, keys of each role, and clients with reading closed or open."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.analytics.factories import store_reports, world

from tengri.api import ServerSettings, create_app
from tengri.settings import Settings
from tengri.store import open_store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key

API = "/api/v1"


@dataclass(frozen=True)
class Keys:
    reader: str
    curator: str
    admin: str

    def header(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {getattr(self, role)}"}


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Keys]:
    """The world stored once, with a key of each role; tests get copies of the file."""
    path = str(tmp_path_factory.mktemp("template") / "api.db")
    store = open_store(path)
    try:
        store_reports(store, world())
        setup = Analyst("setup", "admin")
        keys = Keys(*(create_key(store, f"{role}-user", role, setup).token
                      for role in (Role.READER, Role.CURATOR, Role.ADMIN)))
    finally:
        store.close()
    return path, keys


@pytest.fixture
def db_path(template: tuple[str, Keys], tmp_path: Path) -> str:
    """A copy of the template store, for tests that change it."""
    path = tmp_path / "api.db"
    shutil.copyfile(template[0], path)
    return str(path)


@pytest.fixture(scope="session")
def keys(template: tuple[str, Keys]) -> Keys:
    return template[1]


def make_client(db_path: str, kb, **server: object) -> TestClient:  # type: ignore[no-untyped-def]
    """An app over `db_path`; the rate limit is out of the way unless a test sets one."""
    server.setdefault("rate_limit", 1_000_000)
    server.setdefault("anonymous_rate_limit", 1_000_000)
    app = create_app(Settings(db_url=db_path), ServerSettings(**server), kb=kb)  # type: ignore[arg-type]
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(db_path: str, kb) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """Reading needs a key; the store is the test's own copy."""
    with make_client(db_path, kb) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def reading_client(template: tuple[str, Keys], kb) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """Reading needs a key; one app over the template for tests that only read."""
    with make_client(template[0], kb) as test_client:
        yield test_client


@pytest.fixture
def open_client(db_path: str, kb) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """Anyone may read."""
    with make_client(db_path, kb, read_open=True) as test_client:
        yield test_client


def is_problem(response, status: int | None = None) -> bool:  # type: ignore[no-untyped-def]
    """The one error shape: RFC 9457 problem JSON."""
    if status is not None and response.status_code != status:
        return False
    body = response.json()
    return (response.headers["content-type"].startswith("application/problem+json")
            and set(body) >= {"type", "title", "status", "detail"}
            and body["status"] == response.status_code and bool(body["detail"]))
