"""Documents, stored once: keyed by the hash of their normalised text and by their URL.

`near_duplicate_group` is the smallest content hash among the documents that copy each other
(syndication, reposts), so it does not depend on which copy arrived first; the MinHash band
keys in `document_bands` find the candidates (see `tengri.ingest.fingerprint`).
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from tengri.store.schema.base import Id, Json, UtcDateTime, metadata

documents = Table(
    "documents", metadata,
    Column("id", Id, primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("url", String, unique=True),  # NULLs do not collide, so documents without URL can
    Column("url_key", String, nullable=False, default=""),  # …be unique by hash with url_key ""
    Column("doc_key", String, nullable=False),  # the id the input gave (JSONL id, file name)
    Column("input_name", String, nullable=False),
    Column("title", String),
    Column("published", Date, index=True),
    Column("lang", String(16)),
    Column("source_name", String, index=True),
    Column("fetched_at", UtcDateTime),
    Column("ingested_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("version", Integer, nullable=False, default=1),  # +1 each time new content replaces it
    Column("near_duplicate_group", String(64), nullable=False, index=True),
    Column("signature", LargeBinary, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_chars", Integer, nullable=False),
    Column("provenance", Json),
    Column("run_id", Id, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    UniqueConstraint("content_hash", "url_key"),
)

document_bands = Table(
    "document_bands", metadata,
    Column("document_id", Id, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String, primary_key=True, index=True),
)
