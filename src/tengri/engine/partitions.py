"""Splitting a corpus into partitions: consecutive runs of `size` documents in input order, read
as a stream so the corpus is never held in memory.

A partition's digest covers every document it holds (text, metadata, provenance) and the
inputs that were skipped with it, so a resumed run codes a partition again exactly when its
content differs from what was written before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from tengri.engine.records import Partition
from tengri.errors import UsageError
from tengri.ingest.records import Loaded
from tengri.model import Document, Skipped

DEFAULT_SIZE = 200  # documents per partition: ~10 s of coding, far above the ~1.5 ms a task costs


def _provenance(value: object) -> dict[str, Any] | None:
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _items(loaded: Loaded) -> Iterator[tuple[Document, dict[str, Any] | None]]:
    for document, provenance in loaded.items():
        yield document, _provenance(provenance)


def partition_digest(documents: Iterable[Document],
                     provenance: Iterable[dict[str, Any] | None],
                     skipped: Iterable[Skipped]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for document, origin in zip(documents, provenance, strict=True):
        digest.update(json.dumps([document.to_dict(), origin], sort_keys=True, default=str,
                                 ensure_ascii=False).encode("utf-8", "surrogatepass"))
        digest.update(b"\x1e")
    for item in skipped:
        digest.update(json.dumps(item.to_dict(), sort_keys=True).encode("utf-8",
                                                                         "surrogatepass"))
        digest.update(b"\x1d")
    return digest.hexdigest()


def split(inputs: Iterable[Loaded], size: int = DEFAULT_SIZE) -> Iterator[Partition]:
    """Partitions of `size` documents (the last may be smaller); skipped inputs travel with
    the partition being filled when they were met."""
    if size < 1:
        raise UsageError(f"--partition-size {size}: give 1 or more documents per partition")
    index, first = 0, 1
    documents: list[Document] = []
    provenance: list[dict[str, Any] | None] = []
    skipped: list[Skipped] = []

    def close() -> Partition:
        return Partition(index, first, tuple(documents), tuple(provenance), tuple(skipped),
                         partition_digest(documents, provenance, skipped))

    for loaded in inputs:
        skipped.extend(loaded.skipped)
        for document, origin in _items(loaded):
            documents.append(document)
            provenance.append(origin)
            if len(documents) == size:
                yield close()
                index, first = index + 1, first + size
                documents, provenance, skipped = [], [], []
    if documents or skipped:
        yield close()
