"""The KB's entities and time-bound facts, as immutable records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    STATE = "state"
    PLACE = "place"
    IGO = "igo"
    PERSON = "person"
    INSTITUTION = "institution"


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    source: str
    country: str | None = None  # the state it belongs to (a state's own id for a state)
    sector: str | None = None
    subkind: str | None = None  # institution kind, IGO kind, place feature
    parent: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    admin1: str | None = None
    region: str | None = None
    subregion: str | None = None
    wikidata: str | None = None


def holds_on(start: dt.date | None, end: dt.date | None, on: dt.date) -> bool:
    """Whether a half-open interval [start, end) contains the day `on`."""
    return (start is None or start <= on) and (end is None or on < end)


@dataclass(frozen=True, slots=True)
class Interval:
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, on: dt.date) -> bool:
        return holds_on(self.start, self.end, on)

    def overlaps(self, other: Interval) -> bool:
        far_past, far_future = dt.date.min, dt.date.max
        return (self.start or far_past) < (other.end or far_future) and (
            other.start or far_past
        ) < (self.end or far_future)


@dataclass(frozen=True, slots=True)
class Alias:
    """A surface form of an entity and how it names it (name, acronym, adjective, former …)."""

    text: str
    entity: str
    how: str
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Membership:
    organization: str
    member: str
    kind: str
    when: Interval
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    holder_of: str
    role: str
    also: tuple[str, ...]
    title: str
    title_aliases: tuple[str, ...]
    ru_titles: tuple[str, ...]
    leader: bool
    source: str

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.role, *self.also)


@dataclass(frozen=True, slots=True)
class Term:
    office: str
    person: str
    when: Interval
    acting: bool
    source: str


@dataclass(frozen=True, slots=True)
class DatedName:
    entity: str
    name: str
    lang: str
    when: Interval
    source: str


@dataclass(frozen=True, slots=True)
class Capital:
    state: str
    place: str
    name: str
    when: Interval
    source: str


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic agent noun ("tourists", "troops", "foreign ministry") and its sector."""

    noun: str
    sector: str
    kind: str  # person | group | organization
    source: str
