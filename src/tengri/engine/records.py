"""What flows through the engine: partitions of a corpus, the work sent to a worker, what a
worker hands back, and what a run did."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tengri.errors import TengriError
from tengri.model import Document, Skipped
from tengri.store.ingest import IngestSummary
from tengri.store.workers import Prepared


class EngineError(TengriError):
    """A run could not go on: a partition failed on every attempt, the output folder is not
    the engine's, or the cluster cannot be reached."""


@dataclass(frozen=True, slots=True)
class Partition:
    """Consecutive documents of the corpus, in input order: `first` is the corpus position
    (from 1) of its first document; `digest` identifies what it holds."""

    index: int
    first: int
    documents: tuple[Document, ...]
    provenance: tuple[dict[str, Any] | None, ...]
    skipped: tuple[Skipped, ...]
    digest: str

    @property
    def name(self) -> str:
        return partition_name(self.index)


def partition_name(index: int) -> str:
    return f"p{index:05d}"


@dataclass(frozen=True, slots=True)
class PartitionTask:
    """One unit of work for a worker: code a partition and write its intermediate files into
    a new folder under `staging`."""

    partition: Partition
    staging: str
    kb_paths: tuple[str, ...] = ()
    keep_prepared: bool = False  # hand the coded documents back, for loading the store
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a worker wrote (a staging folder and the digest of each file) and counted."""

    index: int
    digest: str
    folder: str
    files: dict[str, str]
    counts: dict[str, int]
    seconds: float
    worker: str
    prepared: tuple[Prepared, ...] = ()


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the CLI and the benchmarks."""

    out: str
    engine: str
    workers: int
    partitions: int = 0
    coded: int = 0  # partitions coded by this run
    resumed: int = 0  # partitions found already written and skipped
    retried: int = 0  # attempts repeated after a worker died or failed
    seen: int = 0  # documents read from the sources
    documents: int = 0  # documents in the output (after duplicates)
    duplicates: int = 0
    events: int = 0
    mentions: int = 0
    facts: int = 0
    memberships: int = 0
    quarantined: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)
    store: IngestSummary | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out, "engine": self.engine, "workers": self.workers,
            "partitions": self.partitions, "coded": self.coded, "resumed": self.resumed,
            "retried": self.retried, "seen": self.seen, "documents": self.documents,
            "duplicates": self.duplicates, "events": self.events, "mentions": self.mentions,
            "facts": self.facts, "memberships": self.memberships,
            "quarantined": dict(sorted(self.quarantined.items())),
            "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
            "store": self.store.to_dict() if self.store else None,
        }
