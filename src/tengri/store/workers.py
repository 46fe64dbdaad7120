"""Extraction in worker processes: each worker loads the knowledge base once, then codes
documents in chunks; results come back in input order, with a bounded number in flight so
memory stays flat however large the corpus."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from tengri.errors import StoreError
from tengri.ingest.fingerprint import Signature, minhash
from tengri.lifeline import exit_with_parent
from tengri.model import Document, Skipped
from tengri.store.documents import Identity
from tengri.store.records import DocumentRecords

log = logging.getLogger(__name__)

CHUNK = 8  # documents per task: amortises inter-process overhead, keeps the ETA smooth


@dataclass(frozen=True, slots=True)
class Task:
    document: Document
    provenance: dict[str, Any] | None
    identity: Identity
    known: bool = False  # already stored: count it, do not code it again


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to store (its rows and near-duplicate signature), one to count as
    unchanged, or an input to quarantine."""

    task: Task | None
    records: DocumentRecords | None = None
    signature: Signature | None = None
    skipped: Skipped | None = None


# The knowledge base of this worker process. A process pool hands state from its
# initializer to its tasks only through module globals; it is set once per worker.
_KB: Any = None


def _load_kb(kb_paths: tuple[Path, ...]) -> Any:
    from tengri.kb import load_kb

    return load_kb(kb_paths)


def _init_worker(kb_paths: tuple[Path, ...]) -> None:
    global _KB
    exit_with_parent()
    _KB = _load_kb(kb_paths)


def prepare(task: Task, kb: Any) -> Prepared:
    """Code one document: language check, extraction, near-duplicate signature."""
    from dataclasses import replace

    from tengri.extract import UnsupportedLanguage, document_language, extract_document

    if task.known:
        return Prepared(task)
    name = task.document.doc_id
    document = task.document
    if document.lang is None:  # the extractor's own reading, so the languages it codes pass
        document = replace(document, lang=document_language(document.text))
    try:
        extraction = extract_document(document, kb)
    except UnsupportedLanguage as exc:
        return Prepared(task, skipped=Skipped(name, "unsupported language", str(exc)))
    except Exception as exc:  # one document's failure must not stop the batch: quarantine it
        log.debug("%s: extraction failed", name, exc_info=True)
        return Prepared(task, skipped=Skipped(name, "extraction failed",
                                              f"{type(exc).__name__}: {exc}"))
    return Prepared(task, DocumentRecords.of(extraction), minhash(task.document.text))


def _prepare_chunk(tasks: list[Task]) -> list[Prepared]:
    return [prepare(task, _KB) for task in tasks]


class Extractor:
    """Codes tasks in `workers` processes (in this process when workers is 1)."""

    def __init__(self, kb_paths: tuple[Path, ...], workers: int = 1) -> None:
        if workers < 1:
            raise StoreError(f"--workers {workers}: give 1 or more worker processes")
        self.kb_paths = kb_paths
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._kb: Any = None

    def __enter__(self) -> Extractor:
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(self.workers, initializer=_init_worker,
                                             initargs=(self.kb_paths,))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def map(self, tasks: Iterable[Task]) -> Iterator[Prepared]:
        """Prepared documents in the order of `tasks`."""
        if self._pool is None:
            for task in tasks:
                if not task.known and self._kb is None:
                    self._kb = _load_kb(self.kb_paths)
                yield prepare(task, self._kb)
            return
        iterator = iter(tasks)
        in_flight: deque[Future[list[Prepared]] | list[Prepared]] = deque()
        limit = self.workers * 3
        while True:
            while len(in_flight) < limit:
                chunk = list(islice(iterator, CHUNK))
                if not chunk:
                    break
                if all(t.known for t in chunk):
                    in_flight.append([Prepared(t) for t in chunk])
                else:
                    in_flight.append(self._pool.submit(_prepare_chunk, chunk))
            if not in_flight:
                return
            head = in_flight.popleft()
            try:
                yield from (head if isinstance(head, list) else head.result())
            except BrokenProcessPool as exc:
                raise StoreError("a worker process died while coding documents (out of "
                                 "memory?); run the same command again: documents already "
                                 "stored are skipped") from exc
