"""Loading the store from a run: coded partitions go through the store's own batch writer
(`tengri.store.ingest.write_batch`), so documents are stored exactly once and every batch
merges its mentions into events across everything stored before, as `tengri ingest` does.
The order partitions finish in does not matter: the store's events depend on which reports
it holds, not on the order they came in.

`BackgroundLoader` writes on a thread of its own, a partition or two behind, so the client
keeps handing work to the workers while the database writes (the database waits on disk and
locks with the GIL released)."""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from tengri.store.database import Store
from tengri.store.ingest import BATCH_SIZE, IngestSummary, finish_run, start_run, write_batch
from tengri.store.schema import event_mentions, events
from tengri.store.workers import Prepared

log = logging.getLogger(__name__)


class StoreLoader:
    """Writes coded documents into `store` as one ingest run."""

    def __init__(self, store: Store, sources: Sequence[str], options: dict[str, Any],
                 batch_size: int = BATCH_SIZE) -> None:
        self.store = store
        self.batch_size = batch_size
        self.summary = IngestSummary(start_run(store, sources, options))

    @property
    def key(self) -> str:
        """What names this store in the run's manifest."""
        return self.store.url

    def load(self, prepared: Sequence[Prepared]) -> None:
        for start in range(0, len(prepared), self.batch_size):
            batch = prepared[start:start + self.batch_size]
            self.summary.seen += sum(1 for item in batch if item.task is not None)
            write_batch(self.store, batch, self.summary)

    def finish(self, status: str, seconds: float) -> IngestSummary:
        self.summary.seconds = seconds
        try:
            with self.store.read() as connection:
                self.summary.events_total = connection.execute(
                    select(func.count()).select_from(events)).scalar_one()
                self.summary.mentions_total = connection.execute(
                    select(func.count()).select_from(event_mentions)).scalar_one()
            finish_run(self.store, self.summary, status)
        except SQLAlchemyError:  # keep the error that stopped the run, not this one
            log.warning("could not record the end of ingest run %d", self.summary.run_id,
                        exc_info=True)
        return self.summary


class BackgroundLoader:
    """Feeds a `StoreLoader` from a bounded queue on its own thread; `stored(index)` is
    called after each partition is written. An error on the thread is raised again by the
    next `submit` or by `close`."""

    def __init__(self, loader: StoreLoader, stored: Callable[[int], None],
                 depth: int = 2) -> None:
        self.loader, self.stored = loader, stored
        self.seconds = 0.0
        self._queue: queue.Queue[tuple[int, Sequence[Prepared]] | None] = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._work, name="tengri-store", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue  # drain: the client learns of the error at its next call
            try:
                clock = time.monotonic()
                self.loader.load(item[1])
                self.stored(item[0])
                self.seconds += time.monotonic() - clock
            except BaseException as exc:  # handed to the client thread, never lost
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def submit(self, index: int, prepared: Sequence[Prepared]) -> None:
        self._raise()
        self._queue.put((index, prepared))

    def close(self, quiet: bool = False) -> None:
        """Wait for every submitted partition to be written (`quiet`: and keep an error on
        the thread to the log, when another error is already on its way)."""
        self._queue.put(None)
        self._thread.join()
        if quiet and self._error is not None:
            log.warning("writing the store failed too: %s", self._error)
            return
        self._raise()
