"""Opening the database: which one (`--db`, TENGRI_DB, or SQLite in the data directory), how
connections are set up, and the two kinds of transaction the store uses.

Readers take an ordinary transaction. Writers take the database's write lock when they begin
(SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction-scoped advisory lock), so batches from
concurrent ingests are applied one after the other and merging always sees a settled store.
SQLite runs in WAL mode: readers never wait for the writer and the writer never waits for them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from tengri.errors import StoreError
from tengri.settings import Settings

log = logging.getLogger(__name__)

DEFAULT_FILE = "tengri.db"
BUSY_TIMEOUT_S = 60  # how long a writer waits for another writer's batch before giving up
_WRITE = "tengri_write"
# Any constant shared by every tengri process: the key of the PostgreSQL advisory lock.
_PG_WRITE_LOCK = 0x7465_6E67


def database_url(db: str | None, settings: Settings) -> str:
    """The SQLAlchemy URL for `--db` (a URL or a SQLite file path), else TENGRI_DB, else the
    default SQLite file in the data directory."""
    target = db or settings.db_url
    if not target:
        return f"sqlite:///{(settings.data_dir / DEFAULT_FILE).resolve()}"
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    scheme, rest = target.split("://", 1)
    if scheme in {"postgresql", "postgres", "postgresql+psycopg"}:
        return f"postgresql+psycopg://{rest}"
    if scheme == "sqlite":
        return target
    raise StoreError(f"--db {target!r}: unsupported database {scheme!r}; give a SQLite file "
                     "path, sqlite:///PATH or postgresql://USER@HOST/NAME")


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event below issue BEGIN, not the driver (pysqlite's own
        # transaction handling would begin deferred transactions behind our back).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA journal_mode = WAL")
        # NORMAL is safe in WAL mode against a killed process; only a power cut can lose the
        # last commits, never corrupt the file.
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@dataclass(frozen=True)
class Store:
    """An open database. Use `read()` and `write()` for transactions; `close()` when done."""

    engine: Engine

    @property
    def backend(self) -> str:
        return self.engine.dialect.name  # "sqlite" or "postgresql"

    @property
    def url(self) -> str:
        """The database URL with any password hidden, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection, connection.begin():
            yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A transaction holding the store's write lock; committed on success, else rolled back.

        A database that cannot be written (disk full, server gone, file read-only) raises
        StoreError naming it: the transaction was rolled back, so running again carries on.
        """
        try:
            with self.engine.connect() as connection:
                connection = connection.execution_options(**{_WRITE: True})
                with connection.begin():
                    if self.backend == "postgresql":
                        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                           {"key": _PG_WRITE_LOCK})
                    yield connection
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            raise StoreError(f"could not write the database at {self.url}: {reason}; nothing "
                             "of this transaction was committed, so running the command "
                             "again carries on") from exc

    def close(self) -> None:
        self.engine.dispose()


def connect(url: str) -> Store:
    """An engine for `url` set up for tengri, without touching the schema."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"--db {url!r} is not a database URL ({exc})") from exc
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database in {"", ":memory:"}:
            raise StoreError("an in-memory SQLite database cannot be shared between the "
                             "ingest's connections; give a file path")
        path = Path(database)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the database {path} "
                             f"({exc.strerror}); give --db a writable path") from exc
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_S})
        _sqlite_setup(engine)
    else:
        engine = create_engine(parsed, pool_pre_ping=True)
    store = Store(engine)
    try:
        with store.read() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"cannot open the database {store.url}: {reason}") from exc
    return store
