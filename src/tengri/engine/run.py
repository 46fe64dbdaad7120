"""`run_corpus`: a corpus in, partitioned Parquet (and, if asked, the store) out.

1. The sources are read as a stream (`tengri.ingest.iter_sources`) and cut into partitions.
2. The engine codes partitions in parallel; each writes its intermediate files. The client
   commits each finished partition to the manifest and, with a store, loads it there.
   Partitions already written by an earlier run (same content, same settings) are skipped.
3. After the last partition, the global step: the documents are settled (duplicates, near-
   duplicate groups) and the mentions of all partitions are merged into events with the
   store's rules, and the tables are written.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tengri import __version__
from tengri.engine.dask_engine import DaskEngine
from tengri.engine.documents import settle
from tengri.engine.events import merge_events
from tengri.engine.intermediate import file_name, read_lines, write_lines
from tengri.engine.loading import BackgroundLoader, StoreLoader
from tengri.engine.local import LocalEngine
from tengri.engine.manifest import ENGINE_DIR, Manifest
from tengri.engine.partitions import DEFAULT_SIZE, split
from tengri.engine.records import (
    EngineError,
    PartitionResult,
    PartitionTask,
    RunSummary,
)
from tengri.engine.tables import write_tables
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.model import RULES_VERSION
from tengri.settings import Settings

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
Progress = Callable[[RunSummary, PartitionResult | None], None]


@dataclass(frozen=True)
class RunOptions:
    """How a corpus is run; built once at the edge (CLI) and passed down."""

    out: Path
    engine: str = "local"
    workers: int | None = None  # local: processes (default every core); dask: see DaskEngine
    scheduler: str | None = None  # a Dask scheduler's address; None: a LocalCluster
    partition_size: int = DEFAULT_SIZE
    db: str | None = None  # also load this store
    sources: SourceOptions = field(default_factory=SourceOptions)
    settings: Settings = field(default_factory=Settings)


def make_engine(options: RunOptions) -> LocalEngine | DaskEngine:
    kb_paths = tuple(str(p) for p in options.settings.kb_paths)
    if options.engine == "local":
        if options.scheduler:
            raise EngineError("--scheduler is for --engine dask; drop it or add --engine dask")
        return LocalEngine(options.workers, kb_paths)
    if options.engine == "dask":
        return DaskEngine(options.scheduler, options.workers, kb_paths)
    raise EngineError(f"--engine {options.engine!r}; choose one of {', '.join(ENGINES)}")


def _config(options: RunOptions) -> dict[str, Any]:
    """What makes written partitions valid for this run."""
    from tengri.kb.cache import kb_digest
    from tengri.kb.load import shipped_data_dir
    from tengri.store.merging import merge_rules

    return {"tengri": __version__, "rules": RULES_VERSION, "merge_rules": merge_rules().version,
            "kb": kb_digest(shipped_data_dir(), options.settings.kb_paths),
            "partition_size": options.partition_size}


def check_out(out: Path) -> None:
    """`out` must be new, empty, or an earlier run's output."""
    from tengri.export.parquet import MANIFEST
    from tengri.export.parquet_schema import TABLES

    if out.exists() and not out.is_dir():
        raise EngineError(f"--out {out} is a file; give a folder for the run's tables")
    if out.is_dir():
        ours = {*TABLES, MANIFEST, ENGINE_DIR}
        others = sorted(p.name for p in out.iterdir() if p.name not in ours)
        if others and not (out / ENGINE_DIR).is_dir():
            raise EngineError(f"--out {out} holds other files ({', '.join(others[:3])}); give "
                              "a new folder, or the folder of an earlier run to resume it")


def _quarantined(parts: Iterable[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for folder in parts:
        counts.update(row["reason"] for row in read_lines(folder / file_name("skipped")))
    return counts


class _Run:
    """One run's state between its steps."""

    def __init__(self, specs: Sequence[str], options: RunOptions,
                 progress: Progress | None) -> None:
        self.specs, self.options, self.progress = specs, options, progress
        self.manifest = Manifest(options.out)
        self.summary = RunSummary(out=str(options.out), engine=options.engine,
                                  workers=options.workers or 0)
        self.digests: list[str] = []
        self.loader: StoreLoader | None = None
        self.writer: BackgroundLoader | None = None
        # The store is loaded in input order, whatever order partitions finish in, so the
        # first copy of a document repeated in the corpus is the one stored, as in the tables.
        self._next_to_store = 0
        self._waiting: dict[int, PartitionResult | None] = {}

    def tasks(self) -> Iterator[PartitionTask]:
        key = self.loader.key if self.loader else None
        inputs = iter_sources(self.specs, self.options.sources)
        for partition in split(inputs, self.options.partition_size):
            self.digests.append(partition.digest)
            self.summary.partitions += 1
            self.summary.seen += len(partition.documents)
            if self.manifest.written(partition.index, partition.digest, key):
                self._waiting[partition.index] = None  # nothing of it to store
                self.summary.resumed += 1
                if self.progress:
                    self.progress(self.summary, None)
                continue
            yield PartitionTask(partition, str(self.manifest.staging),
                                tuple(str(p) for p in self.options.settings.kb_paths),
                                keep_prepared=self.loader is not None)

    def finished(self, result: PartitionResult) -> None:
        if self.manifest.commit(result):
            self.summary.coded += 1
        if self.loader is not None and self.writer is not None:
            self._waiting[result.index] = result
            self._store_in_order(self.loader, self.writer)
        if self.progress:
            self.progress(self.summary, result)

    def _store_in_order(self, loader: StoreLoader, writer: BackgroundLoader) -> None:
        """Hand the writer every partition whose predecessors have all been handed over."""
        while self._next_to_store in self._waiting:
            result = self._waiting.pop(self._next_to_store)
            self._next_to_store += 1
            if result is None:
                continue
            marker = self.manifest.marker(result.index)
            if marker is not None and loader.key not in marker.stored_in:
                writer.submit(result.index, result.prepared)

    def code(self) -> None:
        if self.loader is not None:
            loader = self.loader
            self.writer = BackgroundLoader(
                loader, lambda index: self.manifest.mark_stored(index, loader.key))
        try:
            with make_engine(self.options) as engine:
                self.summary.workers = engine.workers or 0
                for result in engine.code(self.tasks()):
                    self.finished(result)
                self.summary.retried = engine.retried
        except BaseException:
            if self.writer is not None:
                self.writer.close(quiet=True)
            raise
        if self.writer is not None:
            self.writer.close()
            self.summary.seconds["storing"] = self.writer.seconds

    def merge(self, started: dt.datetime) -> None:
        count = len(self.digests)
        self.manifest.drop_after(count)
        parts = [self.manifest.folder(i) for i in range(count)]
        for index, digest in enumerate(self.digests):
            if not self.manifest.written(index, digest):
                raise EngineError(f"partition {index} is not written; run again to finish it")
        clock = time.monotonic()
        corpus = settle(parts)
        sweep, records = merge_events(parts, corpus.documents, started)
        events_file = self.manifest.root / "events.jsonl.gz"
        write_lines(events_file, records)
        self.summary.seconds["merging"] = time.monotonic() - clock
        clock = time.monotonic()
        written = write_tables(self.options.out, self.manifest.root, parts, corpus,
                               events_file, sweep.counterparts(), {"engine": {
                                   "engine": self.options.engine,
                                   "partitions": count,
                                   "partition_size": self.options.partition_size,
                                   "started": started.isoformat(timespec="seconds")}})
        events_file.unlink(missing_ok=True)
        self.summary.seconds["tables"] = time.monotonic() - clock
        s = self.summary
        s.documents, s.duplicates = len(corpus.documents), corpus.duplicates
        s.events, s.mentions = written.rows["events"], written.rows["mentions"]
        s.facts, s.memberships = written.rows["facts"], written.rows["memberships"]
        s.quarantined = _quarantined(parts)


def run_corpus(specs: Sequence[str], options: RunOptions,
               progress: Progress | None = None) -> RunSummary:
    """Code the corpus named by `specs` into partitioned Parquet under `options.out` (and the
    store `options.db`); see the module's docstring. Running it again resumes."""
    check_out(options.out)
    if options.partition_size < 1:
        raise EngineError(f"--partition-size {options.partition_size}: give 1 or more")
    make_engine(options)  # options checked before anything is written
    run = _Run(specs, options, progress)
    clock = time.monotonic()
    run.manifest.lock()
    store = None
    status = "failed"
    try:
        state = run.manifest.begin(_config(options))
        started = dt.datetime.fromisoformat(state["started"]) if state.get("started") else \
            dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        run.manifest.set_started(started.isoformat())
        if options.db:
            from tengri.store import open_store
            from tengri.store.merging import use_kb

            store = open_store(options.db, options.settings)
            use_kb(options.settings.kb_paths)
            run.loader = StoreLoader(store, list(specs), {
                "engine": options.engine, "partition_size": options.partition_size,
                "kb": [str(p) for p in options.settings.kb_paths]})
        run.code()
        run.summary.seconds["coding"] = time.monotonic() - clock
        run.merge(started)
        status = "finished"
    finally:
        run.summary.seconds["total"] = time.monotonic() - clock
        if run.loader is not None:
            run.summary.store = run.loader.finish(status, run.summary.seconds["total"])
        if store is not None:
            store.close()
        run.manifest.unlock()
    return run.summary
