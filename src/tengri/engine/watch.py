"""Following a folder or a feed: every `interval` seconds, read what is new and ingest it into
the store, until told to stop.

A folder's new items are files not seen before (by path, size and modification time) that have
not changed for `settle` seconds, so a file still being written is left for the next poll. A
feed's new items are its entries whose link was not seen before; the pages of seen entries are
not fetched again. What was seen is kept in a bounded memory (`seen.RecentKeys`); an item that
has dropped out of it is stored once all the same, by the store's own exactly-once keys.

Stopping (`stop` set, e.g. by SIGINT or SIGTERM) lets the batch being written finish and reads
nothing more, so a stopped watch loses nothing and repeats nothing.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tengri.engine.seen import DEFAULT_CAPACITY, RecentKeys
from tengri.errors import UsageError
from tengri.ingest.fetch import Fetched, Fetcher
from tengri.ingest.files import is_url
from tengri.ingest.records import Loaded, SourceError
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.store.database import Store
from tengri.store.ingest import IngestSummary, ingest

log = logging.getLogger(__name__)

_PARTIAL = (".tmp", ".part", ".partial", ".crdownload", ".swp", ".lock")


@dataclass(frozen=True)
class WatchOptions:
    interval: float = 60.0  # seconds between polls
    settle: float = 1.0  # a file is read once unchanged for this long
    capacity: int = DEFAULT_CAPACITY  # keys remembered
    workers: int = 1
    batch_size: int = 32
    sources: SourceOptions = field(default_factory=SourceOptions)
    kb_paths: tuple[Path, ...] = ()


@dataclass(slots=True)
class WatchSummary:
    polls: int = 0
    items: int = 0  # new items read
    stored: int = 0
    unchanged: int = 0
    quarantined: int = 0
    events_created: int = 0

    def add(self, run: IngestSummary) -> None:
        self.stored += run.stored + run.replaced
        self.unchanged += run.unchanged
        self.quarantined += sum(run.quarantined.values())
        self.events_created += run.events_created


class _Follower:
    """New items of one target, poll by poll."""

    def __init__(self, seen: RecentKeys) -> None:
        self.seen = seen
        self.pending: list[str] = []  # keys of the items read in the current poll

    def poll(self) -> Iterator[Loaded]:
        raise NotImplementedError

    def commit(self) -> None:
        """The poll's items are stored: remember them."""
        self.seen.add(self.pending)
        self.pending = []

    def close(self) -> None:
        return None


class FolderFollower(_Follower):
    def __init__(self, folder: Path, options: WatchOptions, seen: RecentKeys) -> None:
        super().__init__(seen)
        self.folder, self.options = folder, options

    def _files(self) -> Iterator[Path]:
        for root, folders, files in os.walk(self.folder):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and not name.lower().endswith(_PARTIAL):
                    yield Path(root) / name

    def poll(self) -> Iterator[Loaded]:
        for path in self._files():
            try:
                stat = path.stat()
            except OSError:  # gone between listing and reading
                continue
            key = f"file\0{path}\0{stat.st_size}\0{stat.st_mtime_ns}"
            if key in self.seen or time.time() - stat.st_mtime < self.options.settle:
                continue
            self.pending.append(key)
            yield from iter_sources([str(path)], self.options.sources)


class _SeenLinks(Fetcher):
    """A fetcher that refuses the pages of entries already read, so the feed's own text of
    the entry is used instead (and the item is then left out)."""

    def __init__(self, feed: str, seen: RecentKeys, options: SourceOptions) -> None:
        super().__init__(options.fetch)
        self.feed, self.seen = feed, seen

    def get(self, url: str) -> Fetched:
        if url != self.feed and f"link\0{url}" in self.seen:
            raise SourceError("seen", f"{url}: read in an earlier poll")
        return super().get(url)


class FeedFollower(_Follower):
    def __init__(self, url: str, options: WatchOptions, seen: RecentKeys) -> None:
        super().__init__(seen)
        self.url, self.options = url, options
        self.fetcher = _SeenLinks(url, seen, options.sources)

    def poll(self) -> Iterator[Loaded]:
        for loaded in iter_sources([self.url], self.options.sources, fetcher=self.fetcher):
            if not loaded.documents:
                skipped = tuple(s for s in loaded.skipped if s.reason != "seen")
                if skipped:
                    yield Loaded((), skipped)
                continue
            documents, provenance = [], []
            for document, origin in loaded.items():
                key = f"link\0{origin.source if origin else document.url}"
                if key in self.seen:
                    continue
                self.pending.append(key)
                documents.append(document)
                provenance.append(origin)
            if documents:
                yield Loaded(tuple(documents), loaded.skipped,
                             tuple(p for p in provenance if p is not None)
                             if all(provenance) else ())

    def close(self) -> None:
        self.fetcher.close()


def _until(stop: threading.Event, items: Iterator[Loaded], count: list[int],
           ) -> Iterator[Loaded]:
    for loaded in items:
        if stop.is_set():
            return
        count[0] += len(loaded.documents)
        yield loaded


def watch(target: str, store: Store, options: WatchOptions, stop: threading.Event,
          on_poll: Callable[[WatchSummary, IngestSummary | None], None] | None = None,
          ) -> WatchSummary:
    """Ingest the new items of `target` (a folder, or a feed's URL) every `options.interval`
    seconds until `stop` is set; see the module's docstring."""
    seen = RecentKeys(options.capacity)
    if is_url(target):
        follower: _Follower = FeedFollower(target, options, seen)
    elif Path(target).is_dir():
        follower = FolderFollower(Path(target), options, seen)
    else:
        raise UsageError(f"{target}: watch a folder or the http(s) URL of a feed")
    summary = WatchSummary()
    try:
        while not stop.is_set():
            summary.polls += 1
            items = follower.poll()
            first = next(items, None)
            run: IngestSummary | None = None
            if first is not None and not stop.is_set():
                count = [0]
                # Loaded is the store's LoadedInput, but frozen: mypy wants the protocol's
                # fields read-only (asked of the store's owner)
                run = ingest(store, _until(stop, _chain(first, items), count),  # type: ignore[arg-type]
                             kb_paths=options.kb_paths, workers=options.workers,
                             batch_size=options.batch_size, sources=[target],
                             options={"watch": target})
                summary.items += count[0]
                summary.add(run)
                if not stop.is_set():
                    follower.commit()
            if on_poll is not None:
                on_poll(summary, run)
            stop.wait(options.interval)
    finally:
        follower.close()
    return summary


def _chain(first: Loaded, rest: Iterator[Loaded]) -> Iterator[Loaded]:
    yield first
    yield from rest
