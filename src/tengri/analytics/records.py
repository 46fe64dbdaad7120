"""The records analytics hand out (to the CLI, the API and its OpenAPI schema alike): plain
frozen dataclasses with JSON-ready fields, shared by the profiles, timelines and networks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tengri.model import Record

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


@dataclass(frozen=True, slots=True)
class Side(Record):
    """One side of an event: its KB id (if resolved), name, country and kind."""

    id: str | None
    name: str | None
    country: str | None
    kind: str | None


@dataclass(frozen=True, slots=True)
class EvidenceRef(Record):
    """Where an event was read: the sentence, its offsets and the document it is in."""

    sentence: str
    sentence_start: int
    sentence_end: int
    document_id: int
    title: str | None
    url: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class EventBrief(Record):
    """An event as analytics list it: what, who, when, where, and its first report."""

    id: int
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    status: str
    source: Side | None
    target: Side | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    location: str | None
    location_precision: str
    source_count: int
    curated: bool
    evidence: EvidenceRef | None = None


@dataclass(frozen=True, slots=True)
class Count(Record):
    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Balance(Record):
    """Cooperation and conflict in a set of events: counts per quad class and Goldstein."""

    events: int
    cooperation: int  # quad classes 1 and 2
    conflict: int  # quad classes 3 and 4
    quad_classes: dict[str, int]  # "1".."4" -> events
    goldstein_sum: float
    goldstein_mean: float | None
    cooperation_share: float | None  # cooperation / (cooperation + conflict)


@dataclass(frozen=True, slots=True)
class Bucket(Record):
    """One day, week or month of a timeline; intensities are Goldstein sums (conflict as a
    positive number)."""

    start: dt.date
    end: dt.date
    events: int
    cooperation: int
    conflict: int
    goldstein_sum: float
    cooperation_intensity: float
    conflict_intensity: float


@dataclass(frozen=True, slots=True)
class MonthTypeCount(Record):
    month: dt.date
    type: str
    count: int


@dataclass(frozen=True, slots=True)
class Interval(Record):
    """A time-bound KB fact: half-open [start, end), None = open."""

    kind: str
    start: dt.date | None
    end: dt.date | None
    source: str


@dataclass(frozen=True, slots=True)
class MembershipSpan(Record):
    organization: str
    name: str
    periods: list[Interval] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SharedMembership(Record):
    """An organisation both sides of a dyad belong to, with each side's KB periods and the
    span when both did."""

    organization: str
    name: str
    first: list[Interval]
    second: list[Interval]
    together_from: dt.date | None
    together_until: dt.date | None  # exclusive; None = still both members


@dataclass(frozen=True, slots=True)
class OfficeTerm(Record):
    office: str
    title: str
    holder_of: str
    person: str
    person_name: str
    start: dt.date | None
    end: dt.date | None
    acting: bool


@dataclass(frozen=True, slots=True)
class LeaderMeeting(Record):
    """A consultation (visit, meeting, call) between two persons who held a leading office of
    their state on the day, per the KB."""

    event: EventBrief
    source_office: str | None
    target_office: str | None


@dataclass(frozen=True, slots=True)
class FactBrief(Record):
    id: int
    indicator: str
    value: float
    qualifier: str
    unit: str
    subject: str | None
    origin: str | None
    destination: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    sentence: str | None
    document_id: int
    published: dt.date | None
    linked_by: str  # "actors" (its countries are the dyad's) or "document" (read beside its events)
