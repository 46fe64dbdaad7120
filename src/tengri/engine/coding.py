"""The worker's side: code one partition and write its intermediate files.

This module is what a worker process imports, locally or on a Dask cluster, so it holds no
state of its own: the knowledge base is loaded once per process by `tengri.kb.load_kb`, which
keeps it for the life of the process. Each attempt writes into a folder of its own, so two
attempts at one partition (a retry after a worker died) never touch each other's files; the
client commits exactly one of them.
"""

from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tengri.engine.intermediate import file_name, write_lines
from tengri.engine.records import PartitionResult, PartitionTask
from tengri.model import Skipped
from tengri.store.documents import Identity
from tengri.store.records import DocumentRecords
from tengri.store.workers import Prepared, Task, prepare


def load_worker_kb(kb_paths: tuple[str, ...]) -> Any:
    """The knowledge base of this process (loaded on first use, then kept)."""
    from tengri.kb import load_kb

    return load_kb(tuple(Path(p) for p in kb_paths))


def warm_up(kb_paths: tuple[str, ...] = ()) -> str:
    """Load the knowledge base now, before the first partition arrives; returns the worker."""
    load_worker_kb(kb_paths)
    return worker_name()


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _document_row(n: int, item: Prepared) -> dict[str, Any]:
    task = item.task
    assert task is not None and item.signature is not None
    document, provenance = task.document, task.provenance or {}
    return {
        "n": n, "doc_id": document.doc_id, "url": task.identity.url, "title": document.title,
        "published": document.published, "lang": document.lang,
        "source_name": document.source_name or provenance.get("site"),
        "input_name": provenance.get("source") or document.doc_id,
        "text_chars": len(document.text), "content_hash": task.identity.content_hash,
        "signature": item.signature.pack().hex(),
    }


def _mention_rows(n: int, records: DocumentRecords) -> Iterator[dict[str, Any]]:
    for row in records.mentions:
        yield {**row, "n": n}


def _sweep_order(row: dict[str, Any]) -> tuple[Any, ...]:
    start = row["window_start"]
    return (start.isoformat() if start else "", row["n"], row["position"])


def _skipped_row(item: Skipped) -> dict[str, Any]:
    return {"input": item.input, "reason": item.reason, "detail": item.detail}


def code_partition(work: PartitionTask) -> PartitionResult:
    """Code every document of the partition and write its intermediate files into a new
    folder under `work.staging`."""
    started = time.perf_counter()
    kb = load_worker_kb(work.kb_paths)
    partition = work.partition
    coded: list[tuple[int, Prepared]] = []
    for offset, (document, provenance) in enumerate(
            zip(partition.documents, partition.provenance, strict=True)):
        task = Task(document, provenance, Identity.of(document))
        coded.append((partition.first + offset, prepare(task, kb)))
    extracted = [(n, item.records) for n, item in coded if item.records is not None]
    skipped = [*partition.skipped, *(item.skipped for _, item in coded if item.skipped)]

    folder = Path(work.staging) / f"{partition.name}-{secrets.token_hex(6)}"
    folder.mkdir(parents=True)
    mentions = sorted((row for n, records in extracted for row in _mention_rows(n, records)),
                      key=_sweep_order)
    tables: dict[str, list[dict[str, Any]]] = {
        "documents": [_document_row(n, item) for n, item in coded if item.records is not None],
        "mentions": mentions,
        "facts": [{"n": n, "record": fact["record"]} for n, records in extracted
                  for fact in records.facts],
        "memberships": [{"n": n, "record": claim["record"]} for n, records in extracted
                        for claim in records.memberships],
        "skipped": [_skipped_row(s) for s in skipped],
    }
    files = {name: write_lines(folder / file_name(name), rows) for name, rows in tables.items()}
    prepared: tuple[Prepared, ...] = ()
    if work.keep_prepared:
        prepared = (*(Prepared(None, skipped=s) for s in partition.skipped),
                    *(item for _, item in coded))
    return PartitionResult(
        index=partition.index, digest=partition.digest, folder=str(folder), files=files,
        counts={name: len(rows) for name, rows in tables.items()},
        seconds=time.perf_counter() - started, worker=worker_name(), prepared=prepared)
