"""Ingesting: inputs in, documents, events and mentions stored exactly once.

Each batch of documents is written in one transaction that also merges their mentions into
events, so a run stopped at any point (even by SIGKILL) leaves whole batches only, and running
it again stores what is missing. Documents already stored are recognised before they are
coded (by URL and by the hash of their normalised text), so re-ingesting a corpus codes
nothing and adds nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from tengri import __version__
from tengri.model import RULES_VERSION, Document, Skipped
from tengri.store.clusters import (
    MergeResult,
    events_of_documents,
    mentions_of_events,
    refresh_events,
    remerge,
)
from tengri.store.curation import keep_curated_events
from tengri.store.database import Store
from tengri.store.documents import (
    Identity,
    Outcome,
    assign_group,
    find_existing,
    insert_document,
    learn_url,
    replace_document,
)
from tengri.store.merging import use_kb
from tengri.store.records import store_records
from tengri.store.schema import event_mentions, events, ingest_runs, quarantine
from tengri.store.workers import Extractor, Prepared, Task

log = logging.getLogger(__name__)

BATCH_SIZE = 32
BATCH_SECONDS = 2.0  # commit at least this often when coding is slow, so progress is kept


class LoadedInput(Protocol):
    """What a source reader yields for one input: documents and skipped inputs (tengri.ingest's
    `Loaded`; readers with provenance also have `items()` giving (document, provenance))."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


@dataclass(slots=True)
class IngestSummary:
    run_id: int
    seen: int = 0
    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    mentions: int = 0  # added by this run
    events_created: int = 0
    events_total: int = 0
    mentions_total: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "seen": self.seen, "stored": self.stored,
                "unchanged": self.unchanged, "replaced": self.replaced,
                "quarantined": dict(sorted(self.quarantined.items())),
                "mentions": self.mentions, "events_created": self.events_created,
                "events_total": self.events_total, "mentions_total": self.mentions_total,
                "seconds": round(self.seconds, 2)}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _provenance(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _items(loaded: LoadedInput) -> Iterator[tuple[Document, object]]:
    items = getattr(loaded, "items", None)
    if callable(items):
        yield from items()
    else:
        for document in loaded.documents:
            yield document, None


def start_run(store: Store, sources: Sequence[str], options: dict[str, Any]) -> int:
    with store.write() as connection:
        return int(connection.execute(insert(ingest_runs).returning(ingest_runs.c.id).values(
            started_at=_now(), status="running", sources=list(sources), options=options,
            seen=0, stored=0, unchanged=0, replaced=0, quarantined=0, mentions=0,
            tengri_version=__version__, rules=RULES_VERSION)).scalar_one())


def finish_run(store: Store, summary: IngestSummary, status: str) -> None:
    with store.write() as connection:
        _record_counts(connection, summary, status=status, finished_at=_now())


def _record_counts(connection: Connection, summary: IngestSummary, **extra: Any) -> None:
    connection.execute(update(ingest_runs).where(ingest_runs.c.id == summary.run_id).values(
        seen=summary.seen, stored=summary.stored, unchanged=summary.unchanged,
        replaced=summary.replaced, quarantined=sum(summary.quarantined.values()),
        mentions=summary.mentions, **extra))


def quarantine_input(connection: Connection, skipped: Skipped, run_id: int | None,
                     now: dt.datetime) -> None:
    """Record an input that failed; seen again, the same row counts it once more."""
    existing = connection.execute(select(quarantine.c.id).where(
        quarantine.c.input == skipped.input, quarantine.c.reason == skipped.reason)).first()
    if existing is None:
        connection.execute(insert(quarantine).values(
            input=skipped.input, reason=skipped.reason, detail=skipped.detail,
            first_seen=now, last_seen=now, times=1, run_id=run_id))
    else:
        connection.execute(update(quarantine).where(quarantine.c.id == existing.id).values(
            detail=skipped.detail, last_seen=now, times=quarantine.c.times + 1, run_id=run_id))


def write_batch(store: Store, batch: Sequence[Prepared], summary: IngestSummary) -> MergeResult:
    """Store a batch in one transaction: documents, records, near-duplicate groups, merged
    events, quarantined inputs and the run's counts."""
    now = _now()
    with store.write() as connection:
        seeds = []
        lost_events: set[int] = set()
        regrouped: set[int] = set()
        for item in batch:
            if item.skipped is not None:
                quarantine_input(connection, item.skipped, summary.run_id, now)
                summary.quarantined[item.skipped.reason] += 1
                continue
            task = item.task
            assert task is not None
            outcome, existing = find_existing(connection, task.identity)
            if outcome is Outcome.UNCHANGED or item.records is None:
                if existing is not None:
                    learn_url(connection, existing, task.identity)
                summary.unchanged += 1
                continue
            assert item.signature is not None
            if existing is None:
                document_id = insert_document(connection, task.document, task.identity,
                                              item.signature, task.provenance, summary.run_id,
                                              now)
                summary.stored += 1
            else:
                lost, moved = replace_document(connection, existing, task.document,
                                               task.identity, item.signature, task.provenance,
                                               summary.run_id, now)
                document_id = existing.id
                lost_events |= lost
                regrouped |= moved
                summary.replaced += 1
            regrouped |= assign_group(connection, document_id, task.identity, item.signature)
            views = store_records(connection, document_id, task.identity.content_hash,
                                  task.document.published, item.records, now)
            summary.mentions += len(views)
            seeds += views
        seeds += mentions_of_events(connection, lost_events)
        result = remerge(connection, seeds, now)
        changed = result.touched | lost_events | events_of_documents(connection, regrouped)
        refresh_events(connection, changed, now, result)
        keep_curated_events(connection, changed, now)  # analysts' edits outlive recomputing
        summary.events_created += result.events_created
        _record_counts(connection, summary)
    return result


def _tasks(inputs: Iterable[LoadedInput], store: Store, summary: IngestSummary,
           skipped_out: list[Skipped]) -> Iterator[Task]:
    """Documents to code, marked `known` when already stored; skipped inputs are set aside for
    the next batch's quarantine."""
    with store.engine.connect() as connection:
        for loaded in inputs:
            skipped_out.extend(loaded.skipped)
            for document, provenance in _items(loaded):
                identity = Identity.of(document)
                with connection.begin():
                    outcome, _ = find_existing(connection, identity)
                summary.seen += 1
                yield Task(document, _provenance(provenance), identity,
                           known=outcome is Outcome.UNCHANGED)


def ingest(store: Store, inputs: Iterable[LoadedInput], *, kb_paths: tuple[Path, ...] = (),
           workers: int = 1, batch_size: int = BATCH_SIZE, sources: Sequence[str] = (),
           options: dict[str, Any] | None = None,
           progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Code and store every document of `inputs`; see the module's docstring."""
    started = time.monotonic()
    use_kb(kb_paths)  # merging decides with the same knowledge base the documents are coded with
    summary = IngestSummary(start_run(store, sources, options or {}))
    skipped: list[Skipped] = []
    batch: list[Prepared] = []
    opened = time.monotonic()

    def flush() -> None:
        nonlocal batch, opened
        batch += [Prepared(None, skipped=s) for s in skipped]
        skipped.clear()
        if batch:
            write_batch(store, batch, summary)
        batch, opened = [], time.monotonic()
        if progress is not None:
            progress(summary)

    status = "failed"
    try:
        with Extractor(kb_paths, workers) as extractor:
            for prepared in extractor.map(_tasks(inputs, store, summary, skipped)):
                batch.append(prepared)
                if len(batch) + len(skipped) >= batch_size or \
                        time.monotonic() - opened >= BATCH_SECONDS:
                    flush()
            flush()
        status = "finished"
    finally:
        summary.seconds = time.monotonic() - started
        try:
            with store.read() as connection:
                summary.events_total = connection.execute(
                    select(func.count()).select_from(events)).scalar_one()
                summary.mentions_total = connection.execute(
                    select(func.count()).select_from(event_mentions)).scalar_one()
            finish_run(store, summary, status)
        except SQLAlchemyError:  # keep the error that stopped the run, not this one
            log.warning("could not record the end of ingest run %d", summary.run_id,
                        exc_info=True)
    return summary
