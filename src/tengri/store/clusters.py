"""Merging in the database: find the mentions a change touches, re-cluster them, keep the
events, their columns and the merge decisions in step; and an analyst's split.

After every batch the store holds exactly the events `merging.cluster` makes of the stored
mentions: the new mentions and the mentions of events that lost one are the seeds, the
connected groups around them are re-clustered whole, and the events keep their ids where the
clusters keep their mentions (an id goes to the cluster holding most of its mentions).

Statements are built once and run with lists of ids, so a batch costs a few queries per ring
of candidates rather than several per mention.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from tengri.errors import StoreError
from tengri.store.blocking import sought_keys
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
from tengri.store.records import ALWAYS, NEVER, store_blocks, view_of
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
_CHUNK = 500

_ROWS = select(*event_mentions.c, documents.c.published, documents.c.content_hash,
               documents.c.ingested_at, documents.c.near_duplicate_group).join(
    documents, documents.c.id == event_mentions.c.document_id)
_ROWS_BY_ID = _ROWS.where(event_mentions.c.id.in_(bindparam("ids", expanding=True)))
# What merging reads of a mention: no record JSON, no sentence text.
_VIEWS = select(*(c for c in event_mentions.c if c.name not in {"record", "sentence"}),
                documents.c.published, documents.c.content_hash).join(
    documents, documents.c.id == event_mentions.c.document_id)
_VIEWS_BY_ID = _VIEWS.where(event_mentions.c.id.in_(bindparam("ids", expanding=True)))
_VIEWS_BY_EVENT = _VIEWS.where(event_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
_ROWS_BY_EVENT = _ROWS.where(event_mentions.c.event_id.in_(bindparam("ids", expanding=True)))
_CANDIDATES = select(mention_blocks.c.block, mention_blocks.c.mention_id,
                     mention_blocks.c.window_start, mention_blocks.c.window_end).where(
    mention_blocks.c.block.in_(bindparam("blocks", expanding=True)),
    mention_blocks.c.window_end >= bindparam("first"),
    mention_blocks.c.window_start <= bindparam("last"))
_EVENT_OF = select(event_mentions.c.id, event_mentions.c.event_id).where(
    event_mentions.c.id.in_(bindparam("ids", expanding=True)))
_MOVE = update(event_mentions).where(event_mentions.c.id == bindparam("mention")).values(
    event_id=bindparam("event"))
_DECISIONS = select(merge_decisions).where(
    merge_decisions.c.mention_id.in_(bindparam("ids", expanding=True)),
    merge_decisions.c.current.is_(True))
_RETIRE = update(merge_decisions).where(merge_decisions.c.id == bindparam("decision")).values(
    current=False)
_EVENT_COLUMNS = [c.name for c in events.c if c.name not in {"id", "curated", "created_at"}]
_UPDATE_EVENT = update(events).where(events.c.id == bindparam("event")).values(
    {name: bindparam(f"v_{name}") for name in _EVENT_COLUMNS})


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
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = compare(a, b, self.rules)
        return found


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def rows_by_id(connection: Connection, ids: Iterable[int]) -> list[Any]:
    wanted = sorted(set(ids))
    return [r for chunk in _chunks(wanted)
            for r in connection.execute(_ROWS_BY_ID, {"ids": list(chunk)}).mappings()]


def rows_by_event(connection: Connection, event_ids: Iterable[int]) -> list[Any]:
    wanted = sorted(set(event_ids))
    return [r for chunk in _chunks(wanted)
            for r in connection.execute(_ROWS_BY_EVENT, {"ids": list(chunk)}).mappings()]


def _views(connection: Connection, statement: Any, ids: Iterable[int]) -> list[MentionView]:
    wanted = sorted(set(ids))
    return [view_of(r) for chunk in _chunks(wanted)
            for r in connection.execute(statement, {"ids": list(chunk)}).mappings()]


class _Neighbourhood:
    """Candidate search for a batch, with the mentions it has read kept by id."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.views: dict[int, MentionView] = {}

    def __call__(self, ring: Sequence[MentionView]) -> dict[int, list[MentionView]]:
        """Each mention's candidates: the mentions filed under a key it seeks whose date
        window meets its own. One query per chunk of keys for the whole ring (the ring's
        widest window), then each mention's own keys and window are applied here."""
        sought = {view.id: (sought_keys(view), view.window_start or NEVER,
                            view.window_end or ALWAYS) for view in ring}
        sought = {i: wanted for i, wanted in sought.items() if wanted[0]}
        if not sought:
            return {}
        keys = sorted(set().union(*(blocks for blocks, _, _ in sought.values())))
        first = min(start for _, start, _ in sought.values())
        last = max(end for _, _, end in sought.values())
        filed: dict[str, list[tuple[int, dt.date, dt.date]]] = {}
        for chunk in _chunks(keys):
            for block, mention_id, start, end in self.connection.execute(
                    _CANDIDATES, {"blocks": list(chunk), "first": first, "last": last}):
                filed.setdefault(block, []).append((mention_id, start, end))
        ids_of = {
            i: sorted({m for block in blocks for m, start, end in filed.get(block, ())
                       if end >= first_day and start <= last_day})
            for i, (blocks, first_day, last_day) in sought.items()}
        missing = {i for ids in ids_of.values() for i in ids} - set(self.views)
        for view in _views(self.connection, _VIEWS_BY_ID, missing):
            self.views[view.id] = view
        return {m: [self.views[i] for i in ids if i in self.views] for m, ids in ids_of.items()}


def _current_decisions(connection: Connection, mention_ids: Sequence[int]) -> dict[int, Any]:
    return {row.mention_id: row for chunk in _chunks(sorted(mention_ids))
            for row in connection.execute(_DECISIONS, {"ids": list(chunk)})}


def _decisions(placements: Sequence[Placement], event_id: int, current: dict[int, Any],
               now: dt.datetime, retire: list[dict[str, Any]], add: list[dict[str, Any]],
               ) -> None:
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
            retire.append({"decision": old.id})
        add.append({"mention_id": mention.id, "event_id": event_id, "action": action,
                    "matched_mention_id": matched, "reasons": reasons,
                    "score": placement.comparison.score if placement.comparison else None,
                    "rules": rules.version, "decided_by": _BY, "decided_at": now,
                    "current": True, "note": None})


def _create_events(connection: Connection, clusters: Sequence[Sequence[Any]],
                   now: dt.datetime, curated: bool = False) -> list[int]:
    """New events for these clusters of mention rows; their ids, in order."""
    values = [{**canonical_event(rows), "curated": curated, "created_at": now,
               "updated_at": now} for rows in clusters]
    return [int(i) for i in connection.execute(
        insert(events).returning(events.c.id, sort_by_parameter_order=True), values).scalars()]


def _apply(connection: Connection, found: list[list[Placement]], now: dt.datetime,
           result: MergeResult) -> None:
    """Give each cluster an event (the one holding most of its mentions, else a new one),
    move the mentions and record the decisions that changed."""
    ids = [p.mention.id for placed in found for p in placed]
    existing: dict[int, int | None] = {}
    for chunk in _chunks(ids):
        existing.update(connection.execute(_EVENT_OF, {"ids": list(chunk)}).all())
    current = _current_decisions(connection, ids)
    taken: set[int] = set()
    moves: list[dict[str, int]] = []
    retire: list[dict[str, Any]] = []
    add: list[dict[str, Any]] = []
    chosen: list[int | None] = []
    for placed in found:
        counts = Counter(e for p in placed if (e := existing.get(p.mention.id)) is not None)
        free = sorted((e for e in counts if e not in taken), key=lambda e: (-counts[e], e))
        chosen.append(free[0] if free else None)
        taken.update(free[:1])
    new = [i for i, e in enumerate(chosen) if e is None]
    if new:
        rows = {r["id"]: r for r in rows_by_id(
            connection, [p.mention.id for i in new for p in found[i]])}
        created = _create_events(connection, [[rows[p.mention.id] for p in found[i]]
                                              for i in new], now)
        for i, event_id in zip(new, created, strict=True):
            chosen[i] = event_id
        result.events_created += len(created)
        taken.update(created)
    for placed, event_id in zip(found, chosen, strict=True):
        assert event_id is not None
        members = [p.mention.id for p in placed]
        moves += [{"mention": m, "event": event_id} for m in members
                  if existing.get(m) != event_id]
        _decisions(placed, event_id, current, now, retire, add)
    if moves:
        connection.execute(_MOVE, moves)
    if retire:
        connection.execute(_RETIRE, retire)
    if add:
        connection.execute(insert(merge_decisions), add)
    result.touched |= taken | {e for e in existing.values() if e is not None}


def remerge(connection: Connection, seeds: Iterable[MentionView], now: dt.datetime,
            result: MergeResult | None = None) -> MergeResult:
    """Re-cluster the connected groups of mentions around `seeds` and update their events."""
    result = result or MergeResult()
    start = [s for s in seeds if not s.pinned]
    if not start:
        return result
    comparer = _Comparer()
    neighbourhood = _Neighbourhood(connection)
    neighbourhood.views.update({s.id: s for s in start})
    groups = components(start, comparer, neighbourhood, limit=MAX_COMPONENT)
    if any(len(g) >= MAX_COMPONENT for g in groups):
        log.warning("merging: a group of %d or more connected mentions was clustered as "
                    "found so far", MAX_COMPONENT)
    found: list[list[Placement]] = []
    for group in groups:
        found += cluster(group, comparer)
    _apply(connection, found, now, result)
    return result


def refresh_events(connection: Connection, event_ids: Iterable[int], now: dt.datetime,
                   result: MergeResult | None = None) -> MergeResult:
    """Recompute the columns and actors of these events from their mentions; delete the ones
    left without mentions."""
    result = result or MergeResult()
    wanted = sorted(set(event_ids))
    if not wanted:
        return result
    by_event: dict[int, list[Any]] = {}
    for row in rows_by_event(connection, wanted):
        by_event.setdefault(row["event_id"], []).append(row)
    empty = [e for e in wanted if e not in by_event]
    for chunk in _chunks(wanted):
        connection.execute(delete(event_actors).where(event_actors.c.event_id.in_(chunk)))
    for chunk in _chunks(empty):
        deleted = connection.execute(delete(events).where(events.c.id.in_(chunk)))
        result.events_removed += deleted.rowcount or 0
    updates, actor_rows = [], []
    for event_id, rows in sorted(by_event.items()):
        values = {**canonical_event(rows), "updated_at": now}
        updates.append({"event": event_id, **{f"v_{k}": v for k, v in values.items()}})
        actor_rows += event_actor_rows(event_id, rows)
    if updates:
        connection.execute(_UPDATE_EVENT, updates)
    if actor_rows:
        connection.execute(insert(event_actors), actor_rows)
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
    return _views(connection, _VIEWS_BY_EVENT, event_ids)


def _mention(connection: Connection, mention_id: int) -> Any:
    rows = rows_by_id(connection, [mention_id])
    if not rows:
        raise StoreError(f"no mention {mention_id} in the store; `tengri events show ID` "
                         "lists an event's mentions with their ids")
    return rows[0]


def _record(connection: Connection, mention_id: int, event_id: int, action: str,
            reasons: list[str], analyst: str, now: dt.datetime, note: str | None = None,
            ) -> None:
    connection.execute(update(merge_decisions).where(
        merge_decisions.c.mention_id == mention_id, merge_decisions.c.current.is_(True))
        .values(current=False))
    connection.execute(insert(merge_decisions).values(
        mention_id=mention_id, event_id=event_id, action=action, matched_mention_id=None,
        reasons=reasons, score=None, rules=merge_rules().version, decided_by=analyst,
        decided_at=now, current=True, note=note))


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
        (new_event,) = _create_events(connection, [[row]], now, curated=True)
        connection.execute(update(event_mentions).where(event_mentions.c.id == mention_id)
                           .values(event_id=new_event, pinned=True))
        connection.execute(delete(mention_blocks).where(
            mention_blocks.c.mention_id == mention_id))  # never a candidate while pinned
        _record(connection, mention_id, new_event, "split",
                [f"split from event {old_event} by {analyst}"], analyst, now, reason)
        result = MergeResult(touched={new_event})
        if old_event is not None:
            remaining = mentions_of_events(connection, [old_event])
            result.touched.add(old_event)
            remerge(connection, remaining, now, result)
            connection.execute(update(events).where(events.c.id.in_(sorted(result.touched)))
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
        released = view_of({**row, "pinned": False})
        store_blocks(connection, [released])
        _record(connection, mention_id, row["event_id"], "released",
                [f"released by {analyst}"], analyst, now)
        result = remerge(connection, [released], now,
                         MergeResult(touched={row["event_id"]}))
        refresh_events(connection, result.touched, now)
        return connection.execute(select(event_mentions.c.event_id)
                                  .where(event_mentions.c.id == mention_id)).scalar_one()
