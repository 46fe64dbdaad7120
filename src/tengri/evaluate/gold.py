"""Gold records: what a hand-coded passage says should be found, in one shape for every format.

Each reader (`read_tengri`, `read_plover`, `read_petrarch`) turns its file into a `GoldSet` of
`Passage`s. Fields a format does not code are None (or empty) and are then not scored: a gold
`None` date, status or location means "not coded here", never "there is none".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor as gold codes it: its country (ISO3, None for an IGO or a group) and KB id."""

    country: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class GoldDate:
    start: dt.date | None
    end: dt.date | None
    precision: str


@dataclass(frozen=True, slots=True)
class GoldPlace:
    country: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. `source` and `target` hold the acceptable actors for the role: one
    for our own gold, several for a compound actor ("Hungarian and Romanian officials")."""

    type: str
    mode: str | None = None
    cameo: str | None = None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    participants: tuple[GoldActor, ...] = ()
    status: str | None = None
    date: GoldDate | None = None
    location: GoldPlace | None = None
    anchor: str | None = None  # None: anywhere in the passage (one-sentence formats)
    symmetric: bool | None = None  # None: decided from type, mode and CAMEO code


@dataclass(frozen=True, slots=True)
class GoldFact:
    indicator: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class GoldMembership:
    member: GoldActor
    organization: str | None  # KB id such as "igo:EAEU"
    relation: str
    status: str | None = None
    kb_check: str | None = None
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    text: str
    published: dt.date | None = None
    split: str = "dev"
    tags: tuple[str, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    facts: tuple[GoldFact, ...] = ()
    memberships: tuple[GoldMembership, ...] = ()
    lang: str = "en"

    @property
    def is_negative(self) -> bool:
        """A hard negative: tagged so, and nothing is to be found in it."""
        return "negative" in self.tags and not (self.events or self.facts or self.memberships)


@dataclass(frozen=True, slots=True)
class GoldSet:
    """A gold file read into passages, with what the format scores and how it was read.

    `one_event_per_passage`: the format codes a single example event per passage (the PLOVER
    GSR), so other events a coder finds there are not counted against it (see `matching`).
    `key`: what a predicted event must share with a gold one, besides its sentence, to match:
    "type" (PLOVER type) or "root" (CAMEO root, for CAMEO-coded gold such as PETRARCH's).
    `conventions`: names of scoring conventions that apply (see `conventions.csv`).
    `skipped`: records left out, each with its reason, counted in the report.
    """

    name: str
    format: str
    path: Path
    digest: str
    passages: tuple[Passage, ...]
    one_event_per_passage: bool = False
    key: str = "type"
    conventions: frozenset[str] = frozenset()
    skipped: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def only(self, split: str) -> GoldSet:
        """The passages of one split ("dev", "heldout"); "all" keeps every passage."""
        if split == "all":
            return self
        return replace(self, passages=tuple(p for p in self.passages if p.split == split),
                       name=self.name if self.name.endswith(split) else f"{self.name}:{split}")


def file_digest(*paths: Path) -> str:
    """SHA-256 of the files' bytes in order, as "sha256:<hex>"; the gate pins gold by it."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return "sha256:" + digest.hexdigest()
