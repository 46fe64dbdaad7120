"""Merge decisions: why each mention is in its event, kept as a history.

Automatic decisions are re-made when new reports change an event; an analyst's split is a
decision too. `current` marks the one in force for each mention.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, String, Table, Text

from tengri.store.schema.base import Id, Json, UtcDateTime, metadata

merge_decisions = Table(
    "merge_decisions", metadata,
    Column("id", Id, primary_key=True),
    Column("mention_id", Id, ForeignKey("event_mentions.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", Id, nullable=False),  # no foreign key: history outlives merged events
    Column("action", String, nullable=False),  # seed | joined | split | released
    Column("matched_mention_id", Id),  # the mention it was found to report the same event as
    Column("reasons", Json, nullable=False),
    Column("score", Float),
    Column("rules", String, nullable=False),
    Column("decided_by", String, nullable=False),  # "tengri" or the analyst
    Column("decided_at", UtcDateTime, nullable=False),
    Column("current", Boolean, nullable=False),
    Column("note", Text),
    Index("ix_merge_decisions_mention_current", "mention_id", "current"),
)
