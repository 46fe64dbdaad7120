"""The database: documents stored once, events merged across reports, queries over them.

`open_store` opens (and migrates) a SQLite file or a PostgreSQL database; `ingest` codes and
stores inputs exactly once; `find_events`, `get_event`, `find_documents` read; `split_mention`
lets an analyst undo a merge.
"""

from __future__ import annotations

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


def open_store(db: str | None = None, settings: Settings | None = None) -> Store:
    """Open the database named by `db` (a path or URL), else by the settings (TENGRI_DB, else
    `tengri.db` in the data directory), bringing its schema up to date."""
    store = connect(database_url(db, settings or Settings.from_env()))
    try:
        migrate(store)
    except BaseException:
        store.close()
        raise
    return store


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
