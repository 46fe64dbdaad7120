"""The database: documents stored once, events merged across reports, queries over them.

`open_store` opens (and migrates) a SQLite file or a PostgreSQL database; `ingest` codes and
stores inputs exactly once; `find_events`, `get_event`, `find_documents` read; `split_mention`
lets an analyst undo a merge.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from tengri.errors import StoreError
from tengri.settings import Settings
from tengri.store.clusters import release_mention, split_mention
from tengri.store.database import Store, connect, database_url
from tengri.store.ingest import IngestSummary, ingest
from tengri.store.migrations import LATEST as SCHEMA_VERSION
from tengri.store.migrations import migrate
from tengri.store.queries import (
    DocumentFilter,
    DocumentSummary,
    EventDetail,
    EventFilter,
    EventSummary,
    MentionDetail,
    QuarantineEntry,
    RunSummary,
    count_events,
    document_text,
    find_documents,
    find_events,
    get_event,
    list_quarantine,
    list_runs,
    store_counts,
)


def open_store(db: str | None = None, settings: Settings | None = None, *,
               create: bool = True) -> Store:
    """Open the database named by `db` (a path or URL), else by the settings (TENGRI_DB, else
    `tengri.db` in the data directory), bringing its schema up to date. With `create=False`
    (commands that only read or curate) a SQLite file that does not exist is an error instead
    of a new empty database, so a mistyped --db says so rather than showing nothing."""
    url = database_url(db, settings or Settings.from_env())
    if not create:
        _require_sqlite_file(url)
    store = connect(url)
    try:
        migrate(store)
    except BaseException:
        store.close()
        raise
    return store


def _require_sqlite_file(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    path = Path(parsed.database)
    if not path.is_file():
        raise StoreError(f"no database at {path}: nothing has been ingested there yet; check "
                         "--db (or TENGRI_DB), or run `tengri ingest` first")


__all__ = [
    "SCHEMA_VERSION",
    "DocumentFilter",
    "DocumentSummary",
    "EventDetail",
    "EventFilter",
    "EventSummary",
    "IngestSummary",
    "MentionDetail",
    "QuarantineEntry",
    "RunSummary",
    "Store",
    "count_events",
    "document_text",
    "find_documents",
    "find_events",
    "get_event",
    "ingest",
    "list_quarantine",
    "list_runs",
    "open_store",
    "release_mention",
    "split_mention",
    "store_counts",
]
