"""Merging in the database: find the mentions a change touches, re-cluster them, keep the
events, their columns and the merge decisions in step; and an analyst's split.

After every batch the store holds exactly the events `merging.cluster` makes of the stored
mentions: the new mentions and the mentions of events that lost one are the seeds, the
connected groups around them are re-clustered whole, and the events keep their ids where the
clusters keep their mentions (an id goes to the cluster holding most of its mentions).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from tengri.errors import StoreError
from tengri.store.canonical import canonical_event, event_actor_rows
from tengri.store.database import Store
from tengri.store.merging import (
    Comparison,
    MentionView,
    Placement,
    cluster,
    compare,
    components,
    explain,
    merge_rules,
)
from tengri.store.records import view_of
from tengri.store.schema import (
    documents,
    event_actors,
    event_mentions,
    events,
    mention_blocks,
    merge_decisions,
)

log = logging.getLogger(__name__)

# Past this many connected mentions a group is clustered as found so far (logged): a guard
# against one pathological block making every batch quadratic.
MAX_COMPONENT = 5000
_BY = "tengri"

_MENTION_COLUMNS = [*event_mentions.c, documents.c.published, documents.c.content_hash,
                    documents.c.ingested_at, documents.c.near_duplicate_group]


@dataclass(slots=True)
class MergeResult:
    events_created: int = 0
    events_removed: int = 0
    touched: set[int] = field(default_factory=set)


class _Comparer:
    """`compare` with a cache, always called earliest mention first so reasons read the same."""

    def __init__(self) -> None:
        self.cache: dict[tuple[int, int], Comparison] = {}
        self.rules = merge_rules()

    def __call__(self, a: MentionView, b: MentionView) -> Comparison:
        if b.order < a.order:
            a, b = b, a
        key = (a.id, b.id)
        if key not in self.cache:
            self.cache[key] = compare(a, b, self.rules)
        return self.cache[key]


def _mention_query():  # type: ignore[no-untyped-def]
    return select(*_MENTION_COLUMNS).join(documents,
                                          documents.c.id == event_mentions.c.document_id)


def mention_rows(connection: Connection, *where: Any) -> list[Any]:
    return list(connection.execute(_mention_query().where(*where)).mappings())


def _candidates(connection: Connection, view: MentionView) -> list[MentionView]:
    blocks = sorted(view.blocks())
    if not blocks:
        return []
    conditions = [
        event_mentions.c.id.in_(select(mention_blocks.c.mention_id)
                                .where(mention_blocks.c.block.in_(blocks))),
        event_mentions.c.pinned.is_(False),
        event_mentions.c.id != view.id,
    ]
    if view.window_end is not None:
        conditions.append(or_(event_mentions.c.window_start.is_(None),
                              event_mentions.c.window_start <= view.window_end))
    if view.window_start is not None:
        conditions.append(or_(event_mentions.c.window_end.is_(None),
                              event_mentions.c.window_end >= view.window_start))
    return [view_of(row) for row in mention_rows(connection, *conditions)]


def _current_decisions(connection: Connection, mention_ids: Sequence[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for chunk in _chunks(mention_ids):
        for row in connection.execute(select(merge_decisions).where(
                merge_decisions.c.mention_id.in_(chunk), merge_decisions.c.current.is_(True))):
            out[row.mention_id] = row
    return out


def _chunks(items: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _decide(connection: Connection, placements: Sequence[Placement], event_id: int,
            current: dict[int, Any], now: dt.datetime) -> None:
    rules = merge_rules()
    for placement in placements:
        mention = placement.mention
        action = "seed" if placement.seed else "joined"
        matched = placement.matched.id if placement.matched else None
        reasons = list(explain(placement))
        old = current.get(mention.id)
        if old is not None and (old.event_id, old.action, old.matched_mention_id,
                                list(old.reasons)) == (event_id, action, matched, reasons):
            continue
        if old is not None:
            connection.execute(update(merge_decisions).where(merge_decisions.c.id == old.id)
                               .values(current=False))
        connection.execute(insert(merge_decisions).values(
            mention_id=mention.id, event_id=event_id, action=action,
            matched_mention_id=matched, reasons=reasons,
            score=placement.comparison.score if placement.comparison else None,
            rules=rules.version, decided_by=_BY, decided_at=now, current=True))


def _create_event(connection: Connection, rows: Sequence[Any], now: dt.datetime,
                  curated: bool = False) -> int:
    values = canonical_event(rows)
    values.update(curated=curated, created_at=now, updated_at=now)
    return int(connection.execute(insert(events).returning(events.c.id), values).scalar_one())


def _apply(connection: Connection, events_found: list[list[Placement]], now: dt.datetime,
           result: MergeResult) -> None:
    ids = [p.mention.id for placed in events_found for p in placed]
    existing: dict[int, int | None] = {}
    for chunk in _chunks(ids):
        existing.update(connection.execute(select(event_mentions.c.id, event_mentions.c.event_id)
                                           .where(event_mentions.c.id.in_(chunk))).all())
    current = _current_decisions(connection, ids)
    taken: set[int] = set()
    for placed in events_found:
        counts = Counter(e for p in placed if (e := existing.get(p.mention.id)) is not None)
        free = sorted((e for e in counts if e not in taken), key=lambda e: (-counts[e], e))
        members = [p.mention.id for p in placed]
        if free:
            event_id = free[0]
        else:
            event_id = _create_event(connection, mention_rows(
                connection, event_mentions.c.id.in_(members)), now)
            result.events_created += 1
        taken.add(event_id)
        moved = [m for m in members if existing.get(m) != event_id]
        for chunk in _chunks(moved):
            connection.execute(update(event_mentions).where(event_mentions.c.id.in_(chunk))
                               .values(event_id=event_id))
        _decide(connection, placed, event_id, current, now)
    result.touched |= taken | {e for e in existing.values() if e is not None}


def remerge(connection: Connection, seeds: Iterable[MentionView], now: dt.datetime,
            result: MergeResult | None = None) -> MergeResult:
    """Re-cluster the connected groups of mentions around `seeds` and update their events."""
    result = result or MergeResult()
    comparer = _Comparer()
    start = [s for s in seeds if not s.pinned]
    if not start:
        return result
    seen = 0

    def neighbours(view: MentionView) -> list[MentionView]:
        nonlocal seen
        seen += 1
        if seen > MAX_COMPONENT:
            if seen == MAX_COMPONENT + 1:
                log.warning("merging: more than %d connected mentions; clustering the ones "
                            "found so far", MAX_COMPONENT)
            return []
        return _candidates(connection, view)

    for group in components(start, comparer, neighbours):
        _apply(connection, cluster(group, comparer), now, result)
    return result


def refresh_events(connection: Connection, event_ids: Iterable[int], now: dt.datetime,
                   result: MergeResult | None = None) -> MergeResult:
    """Recompute the columns and actors of these events from their mentions; delete the ones
    left without mentions."""
    result = result or MergeResult()
    for event_id in sorted(set(event_ids)):
        rows = mention_rows(connection, event_mentions.c.event_id == event_id)
        connection.execute(delete(event_actors).where(event_actors.c.event_id == event_id))
        if not rows:
            deleted = connection.execute(delete(events).where(events.c.id == event_id))
            result.events_removed += deleted.rowcount or 0
            continue
        values = canonical_event(rows)
        connection.execute(update(events).where(events.c.id == event_id)
                           .values(**values, updated_at=now))
        actors_rows = event_actor_rows(event_id, rows)
        if actors_rows:
            connection.execute(insert(event_actors), actors_rows)
    return result


def events_of_documents(connection: Connection, document_ids: Iterable[int]) -> set[int]:
    ids = sorted(set(document_ids))
    out: set[int] = set()
    for chunk in _chunks(ids):
        out |= {e for (e,) in connection.execute(
            select(event_mentions.c.event_id).where(event_mentions.c.document_id.in_(chunk))
            .distinct()) if e is not None}
    return out


def mentions_of_events(connection: Connection, event_ids: Iterable[int]) -> list[MentionView]:
    ids = sorted(set(event_ids))
    out: list[MentionView] = []
    for chunk in _chunks(ids):
        out += [view_of(r) for r in mention_rows(connection, event_mentions.c.event_id.in_(chunk))]
    return out


def _mention(connection: Connection, mention_id: int) -> Any:
    rows = mention_rows(connection, event_mentions.c.id == mention_id)
    if not rows:
        raise StoreError(f"no mention {mention_id} in the store; `tengri events show ID` "
                         "lists an event's mentions with their ids")
    return rows[0]


def split_mention(store: Store, mention_id: int, reason: str, analyst: str = "analyst") -> int:
    """An analyst says mention `mention_id` is not the event it was merged into: it becomes
    an event of its own (curated), automatic merging leaves it there, and the event it left is
    re-clustered without it. Returns the new event's id."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with store.write() as connection:
        row = _mention(connection, mention_id)
        old_event = row["event_id"]
        if row["pinned"]:
            raise StoreError(f"mention {mention_id} was already split off into event "
                             f"{old_event}; release it first to merge it again")
        new_event = _create_event(connection, [row], now, curated=True)
        connection.execute(update(event_mentions).where(event_mentions.c.id == mention_id)
                           .values(event_id=new_event, pinned=True))
        connection.execute(update(merge_decisions).where(
            merge_decisions.c.mention_id == mention_id, merge_decisions.c.current.is_(True))
            .values(current=False))
        connection.execute(insert(merge_decisions).values(
            mention_id=mention_id, event_id=new_event, action="split",
            matched_mention_id=None, reasons=[f"split from event {old_event} by {analyst}"],
            score=None, rules=merge_rules().version, decided_by=analyst, decided_at=now,
            current=True, note=reason))
        result = MergeResult(touched={new_event})
        if old_event is not None:
            remaining = mentions_of_events(connection, [old_event])
            result.touched.add(old_event)
            remerge(connection, remaining, now, result)
            connection.execute(update(events).where(events.c.id.in_(result.touched))
                               .values(curated=True))
        refresh_events(connection, result.touched, now)
    return new_event


def release_mention(store: Store, mention_id: int, analyst: str = "analyst") -> int | None:
    """Undo a split: the mention goes back to automatic merging. Returns its event's id."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with store.write() as connection:
        row = _mention(connection, mention_id)
        if not row["pinned"]:
            raise StoreError(f"mention {mention_id} was not split off; nothing to release")
        connection.execute(update(event_mentions).where(event_mentions.c.id == mention_id)
                           .values(pinned=False))
        connection.execute(update(merge_decisions).where(
            merge_decisions.c.mention_id == mention_id, merge_decisions.c.current.is_(True))
            .values(current=False))
        connection.execute(insert(merge_decisions).values(
            mention_id=mention_id, event_id=row["event_id"], action="released",
            matched_mention_id=None, reasons=[f"released by {analyst}"], score=None,
            rules=merge_rules().version, decided_by=analyst, decided_at=now, current=True))
        result = remerge(connection, [view_of({**row, "pinned": False})], now,
                         MergeResult(touched={row["event_id"]}))
        refresh_events(connection, result.touched, now)
        return connection.execute(select(event_mentions.c.event_id)
                                  .where(event_mentions.c.id == mention_id)).scalar_one()
