"""Merging the whole corpus's mentions into events, after every partition is coded: the store's
rules (`tengri.store.merging`) on the union of all partitions, never on one partition alone.

The store makes its events by clustering each connected group of linked mentions (mentions
that find each other by their candidate keys, `store.blocking`, with overlapping date windows,
and that `compare` links). Here the same groups are found in one sweep over all mentions in
order of the start of their date windows, read from every partition's sorted file at once: a
mention can only link to mentions whose window is still open when it starts, so only those are
kept in memory. When the last mention of
a group closes, nothing later can join it, and the group is clustered with `merging.cluster`
and its events written. The events are those the store would hold for the same documents
(its guard against pathologically large groups aside); their columns come from
`store.canonical` and their records from `export.records`, as the store's export makes them.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tengri.engine.documents import DocumentInfo
from tengri.engine.intermediate import file_name, read_mentions
from tengri.export.records import event_record
from tengri.store.blocking import candidate_keys
from tengri.store.canonical import canonical_event, event_actor_rows
from tengri.store.export_queries import ExportEvent, ExportMention, _participants, _side
from tengri.store.merging import Comparison, MentionView, cluster, compare, merge_rules
from tengri.store.queries import _summary
from tengri.store.records import view_of

MENTIONS_PER_DOCUMENT = 100_000  # a mention's id is its document's position * this + its own
_VISITS = ("042", "043")


def mention_id(n: int, position: int) -> int:
    return n * MENTIONS_PER_DOCUMENT + position


class _Compare:
    """`compare`, always earliest mention first (as the store calls it), optionally cached."""

    def __init__(self, cache: bool) -> None:
        self.rules = merge_rules()
        self.cache: dict[tuple[int, int], Comparison] | None = {} if cache else None

    def __call__(self, a: MentionView, b: MentionView) -> Comparison:
        if b.order < a.order:
            a, b = b, a
        if self.cache is None:
            return compare(a, b, self.rules)
        key = (a.id, b.id)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = compare(a, b, self.rules)
        return found


@dataclass(slots=True)
class _Group:
    members: list[int]
    open: int  # members whose window has not closed yet


@dataclass(slots=True)
class MergeCounts:
    events: int = 0
    mentions: int = 0
    comparisons: int = 0
    largest_group: int = 0
    counterparts: dict[int, list[int]] = field(default_factory=dict)


def _report(row: dict[str, Any], document: DocumentInfo) -> ExportMention:
    return ExportMention(
        id=row["id"], event_id=0, record_id=row["record_id"], document_id=document.n,
        doc_key=document.doc_key, url=document.url, title=document.title,
        published=document.published, source_name=document.source_name, lang=document.lang,
        near_duplicate_group=document.near_duplicate_group,
        ingested_at=None,  # type: ignore[arg-type]  # the engine's tables carry no clock time
        text_chars=document.text_chars, sentence_index=row["sentence_index"],
        sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
        sentence=row["sentence"], trigger_text=row["trigger_text"],
        trigger_start=row["trigger_start"], trigger_end=row["trigger_end"],
        cameo=row["cameo"], status=row["status"], confidence=row["confidence"],
        record=row["record"])


class Sweep:
    """Mentions in, event records out (see the module's docstring)."""

    def __init__(self, documents: dict[int, DocumentInfo], ingested_at: dt.datetime) -> None:
        self.documents = documents
        self.ingested_at = ingested_at
        self.rows: dict[int, dict[str, Any]] = {}
        self.views: dict[int, MentionView] = {}
        self.blocks: dict[int, tuple[str, ...]] = {}
        self.by_block: dict[str, dict[int, MentionView]] = defaultdict(dict)
        self.closing: list[tuple[dt.date, int]] = []
        self.parent: dict[int, int] = {}
        self.groups: dict[int, _Group] = {}
        self.compare = _Compare(cache=False)
        self.counts = MergeCounts()
        self._visits: dict[tuple[int, int], list[tuple[int, str, str | None, str | None]]] = \
            defaultdict(list)

    def _find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        ga, gb = self.groups[ra], self.groups[rb]
        if len(ga.members) < len(gb.members):
            ra, rb, ga, gb = rb, ra, gb, ga
        ga.members += gb.members
        ga.open += gb.open
        self.parent[rb] = ra
        del self.groups[rb]

    def add(self, row: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Take the next mention (in window order); yields the events it closes."""
        document = self.documents.get(row["n"])
        if document is None:  # a duplicate document's mention
            return
        start = row["window_start"] or dt.date.min
        yield from self._close_before(start)
        mid = mention_id(row["n"], row["position"])
        row.update(id=mid, document_id=row["n"], published=document.published,
                   content_hash=document.content_hash, ingested_at=self.ingested_at,
                   near_duplicate_group=document.near_duplicate_group)
        view = view_of(row)
        filed, sought = candidate_keys(view)
        blocks = tuple(sorted(filed))
        self.parent[mid] = mid
        self.groups[mid] = _Group([mid], 1)
        checked: set[int] = set()
        for block in sorted(sought):
            for other_id, other in self.by_block.get(block, {}).items():
                if other_id in checked:
                    continue
                checked.add(other_id)
                if self._find(other_id) == self._find(mid):
                    continue
                self.counts.comparisons += 1
                if self.compare(view, other).linked:
                    self._union(mid, other_id)
        for block in blocks:
            self.by_block[block][mid] = view
        self.rows[mid], self.views[mid], self.blocks[mid] = row, view, blocks
        heapq.heappush(self.closing, (row["window_end"] or dt.date.max, mid))
        self.counts.mentions += 1

    def _close_before(self, day: dt.date | None) -> Iterator[dict[str, Any]]:
        """Close the windows that end before `day` (all of them when None)."""
        while self.closing and (day is None or self.closing[0][0] < day):
            _, mid = heapq.heappop(self.closing)
            for block in self.blocks.pop(mid):
                members = self.by_block[block]
                del members[mid]
                if not members:
                    del self.by_block[block]
            root = self._find(mid)
            group = self.groups[root]
            group.open -= 1
            if group.open == 0:
                yield from self._events(root)

    def finish(self) -> Iterator[dict[str, Any]]:
        """The events of every group still open."""
        yield from self._close_before(None)

    def _events(self, root: int) -> Iterator[dict[str, Any]]:
        group = self.groups.pop(root)
        self.counts.largest_group = max(self.counts.largest_group, len(group.members))
        views = [self.views.pop(m) for m in group.members]
        rows = {m: self.rows.pop(m) for m in group.members}
        for m in group.members:
            del self.parent[m]
        for placed in cluster(views, _Compare(cache=True)):
            self.counts.events += 1
            yield self._record(self.counts.events, [rows[p.mention.id] for p in placed])

    def _record(self, event_id: int, rows: list[dict[str, Any]]) -> dict[str, Any]:
        values = canonical_event(rows)
        summary = _summary({**values, "id": event_id, "curated": False})
        rows = sorted(rows, key=lambda r: (r["published"] or dt.date.max, r["content_hash"],
                                           r["sentence_start"], r["id"]))
        reports = tuple(_report(r, self.documents[r["n"]]) for r in rows)
        participants = [r for r in event_actor_rows(event_id, rows) if r["role"] == "participant"]
        record = event_record(ExportEvent(
            summary=summary, created_at=None,  # type: ignore[arg-type]
            source=_side(summary, "source", reports), target=_side(summary, "target", reports),
            participants=_participants(participants, reports), mentions=reports))
        if values["cameo"] in _VISITS:
            sides = tuple(values[f"{s}_actor_id"] or values[f"{s}_country"]
                          for s in ("source", "target"))
            for row in rows:
                self._visits[(row["n"], row["sentence_start"])].append(
                    (event_id, values["cameo"], sides[0], sides[1]))
        return record

    def counterparts(self) -> dict[int, list[int]]:
        """Visits (042) and hostings (043) read from one sentence with the sides swapped: each
        event's counterparts, as the store's export pairs them."""
        pairs: dict[int, set[int]] = defaultdict(set)
        for found in self._visits.values():
            for visit, cameo, source, target in found:
                if cameo != "042":
                    continue
                for host, other, host_source, host_target in found:
                    if other == "043" and source == host_target and target == host_source \
                            and source is not None and target is not None:
                        pairs[visit].add(host)
                        pairs[host].add(visit)
        return {e: sorted(found) for e, found in pairs.items()}


def sweep_order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["window_start"] or dt.date.min, row["n"], row["position"])


def merged_mentions(parts: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Every partition's mentions in one stream, in window order (each file is sorted)."""
    streams = [read_mentions(folder / file_name("mentions")) for folder in parts]
    yield from heapq.merge(*streams, key=sweep_order)


def merge_events(parts: list[Path], documents: dict[int, DocumentInfo],
                 ingested_at: dt.datetime) -> tuple[Sweep, Iterator[dict[str, Any]]]:
    """The sweep and the stream of event records it makes from the partitions' mentions."""
    sweep = Sweep(documents, ingested_at)

    def records() -> Iterator[dict[str, Any]]:
        for row in merged_mentions(parts):
            yield from sweep.add(row)
        yield from sweep.finish()

    return sweep, records()
