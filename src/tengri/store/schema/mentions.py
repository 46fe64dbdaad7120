"""Event mentions: one per event record a document gave, with the record as extracted.

The merge fields (type, actors, dates, place, gathering) are copied out of the record so merging
and queries read columns, not JSON; `mention_blocks` holds the keys that find merge candidates
(see `tengri.store.blocking`).
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from tengri.store.schema.base import Id, Json, metadata

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Id, primary_key=True),
    Column("event_id", Id, ForeignKey("events.id", ondelete="SET NULL"), index=True),
    Column("document_id", Id, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("record_id", String, nullable=False),  # the extractor's event_id
    Column("position", Integer, nullable=False),  # order of the record in its document
    Column("type", String, nullable=False),
    Column("mode", String),
    Column("cameo", String(4), nullable=False),
    Column("status", String, nullable=False),
    Column("source_id", String),
    Column("source_country", String(3)),
    Column("source_name", String),
    Column("source_kind", String),
    Column("target_id", String),
    Column("target_country", String(3)),
    Column("target_name", String),
    Column("target_kind", String),
    Column("participants", Json, nullable=False),  # [{id, country, name, kind}]
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String, nullable=False),
    Column("window_start", Date),  # when the event can have happened; NULL = unbounded
    Column("window_end", Date),
    Column("location_name", String),
    Column("location_country", String(3)),
    Column("location_precision", String, nullable=False),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("gathering_kind", String),
    Column("gathering_name", String),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_key", String(16), nullable=False),  # the sentence normalised and hashed
    Column("trigger_text", String),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("confidence", Float, nullable=False),
    Column("record", Json, nullable=False),
    # an analyst split it off: automatic merging leaves it (and its event) alone
    Column("pinned", Boolean, nullable=False, default=False),
)

# One row per candidate key of an automatically merged mention (a pinned one has none), with
# the mention's date window (open ends as 0001-01-01 / 9999-12-31) so the search for
# candidates is one index range per key.
mention_blocks = Table(
    "mention_blocks", metadata,
    Column("mention_id", Id, ForeignKey("event_mentions.id", ondelete="CASCADE"),
           primary_key=True),
    Column("block", String, primary_key=True),
    Column("window_start", Date, nullable=False),
    Column("window_end", Date, nullable=False),
    Index("ix_mention_blocks_block_window", "block", "window_end", "window_start"),
)
