"""Opening databases: which one, how SQLite is set up, and errors that say how to fix them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tengri.errors import StoreError
from tengri.settings import Settings
from tengri.store import open_store
from tengri.store.database import connect, database_url


def test_the_default_database_is_a_sqlite_file_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert database_url(None, settings) == f"sqlite:///{tmp_path / 'data' / 'tengri.db'}"
    store = open_store(None, settings)
    store.close()
    assert (tmp_path / "data" / "tengri.db").is_file()


def test_db_option_wins_over_tengri_db(tmp_path: Path) -> None:
    settings = Settings(db_url="postgresql://u@h/env", data_dir=tmp_path)
    assert database_url(str(tmp_path / "x.db"), settings) == f"sqlite:///{tmp_path / 'x.db'}"
    assert database_url(None, settings) == "postgresql+psycopg://u@h/env"
    assert database_url("postgres://u@h/db", settings) == "postgresql+psycopg://u@h/db"


def test_an_unsupported_database_says_what_is(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsupported database 'mysql'; give a SQLite file"):
        database_url("mysql://u@h/db", Settings(data_dir=tmp_path))


def test_in_memory_sqlite_is_refused() -> None:
    with pytest.raises(StoreError, match="in-memory SQLite"):
        connect("sqlite://")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "w.db"))
    try:
        with store.read() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        store.close()


def test_an_unreachable_server_is_an_error_with_the_url_and_no_password() -> None:
    with pytest.raises(StoreError, match=r"cannot open the database postgresql\+psycopg://"
                       r"tengri:\*\*\*@127.0.0.1:1/none"):
        connect("postgresql+psycopg://tengri:secret@127.0.0.1:1/none")
