"""The records that flow between tengri's stages.

Every record is an immutable dataclass with a `to_dict()` that gives the JSON shape documented in
README.md ("Record format"). That shape is a contract: the CLI, the store, the exports and the
evaluation all rely on it, so fields are only ever added, never renamed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum
from typing import Any

RULES_VERSION = "2026.1"


class EventStatus(StrEnum):
    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    UNKNOWN = "unknown"


class LocationPrecision(StrEnum):
    POINT = "point"
    CITY = "city"
    ADMIN = "admin"
    COUNTRY = "country"
    REGION = "region"
    UNKNOWN = "unknown"


class ActorKind(StrEnum):
    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    IGO = "igo"
    GROUP = "group"


class Qualifier(StrEnum):
    EXACT = "exact"
    MORE_THAN = "more_than"
    LESS_THAN = "less_than"
    ABOUT = "about"


class MembershipRelation(StrEnum):
    MEMBER = "member"
    OBSERVER = "observer"
    PARTNER = "partner"
    JOINED = "joined"
    LEFT = "left"
    APPLIED = "applied"
    SUSPENDED = "suspended"


class KBCheck(StrEnum):
    CONSISTENT = "consistent"
    CONFLICT = "conflict"
    UNKNOWN = "unknown"


def _plain(value: Any) -> Any:
    """Turn nested records, enums and dates into JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Mixin: JSON shape of a dataclass record."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Document(Record):
    doc_id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    source_name: str | None = None

    @staticmethod
    def make_id(text: str) -> str:
        """A stable id from the content, for inputs that carry none."""
        return "doc-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span(Record):
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """Where a claim was read: the sentence and its character offsets in the document text."""

    sentence: str
    start: int
    end: int
    sentence_index: int
    trigger: Span | None = None


@dataclass(frozen=True, slots=True)
class Actor(Record):
    text: str
    name: str
    id: str | None
    kind: ActorKind
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    role: str | None = None  # office held on the document's date, e.g. "head_of_state"
    start: int | None = None  # offsets of `text` in the document; None when inferred
    end: int | None = None

    @property
    def key(self) -> str:
        """What identifies the actor for merging: its KB id, else its country, else its name."""
        return self.id or self.country or self.name.lower()


@dataclass(frozen=True, slots=True)
class DateRange(Record):
    start: dt.date | None
    end: dt.date | None  # inclusive last day
    precision: DatePrecision
    text: str | None = None
    note: str | None = None  # how the range was resolved when it was not stated in full

    def overlaps(self, other: DateRange) -> bool:
        if None in (self.start, self.end, other.start, other.end):
            return True
        return self.start <= other.end and other.start <= self.end  # type: ignore[operator]


UNKNOWN_DATE = DateRange(None, None, DatePrecision.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Location(Record):
    text: str | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: LocationPrecision
    id: str | None = None


UNKNOWN_LOCATION = Location(None, None, None, None, None, LocationPrecision.UNKNOWN)


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Gathering(Record):
    """What makes a multilateral event more than a dyad: its name, ordinal and theme."""

    kind: str  # summit, forum, conference, session, meeting
    name: str | None = None
    ordinal: int | None = None
    theme: str | None = None
    remote: bool = False  # someone took part by video link


@dataclass(frozen=True, slots=True)
class Event(Record):
    event_id: str
    doc_id: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    status: EventStatus
    source: Actor | None
    target: Actor | None
    participants: tuple[Actor, ...]
    date: DateRange
    location: Location
    quantity: Quantity | None
    contexts: tuple[str, ...]
    evidence: Evidence
    mentions: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    gathering: Gathering | None = None
    rules: str = RULES_VERSION


@dataclass(frozen=True, slots=True)
class Fact(Record):
    fact_id: str
    doc_id: str
    indicator: str
    value: float
    qualifier: Qualifier
    unit: str
    subject: Actor | None
    origin: Actor | None
    destination: Actor | None
    period: DateRange
    evidence: Evidence
    confidence: float = 0.5
    rules: str = RULES_VERSION


@dataclass(frozen=True, slots=True)
class KBView(Record):
    """What the knowledge base holds about a claim, shown when it disagrees."""

    relation: str
    start: dt.date | None
    end: dt.date | None
    source: str


@dataclass(frozen=True, slots=True)
class Membership(Record):
    membership_id: str
    doc_id: str
    member: Actor
    organization: Actor
    relation: MembershipRelation
    date: DateRange
    status: EventStatus
    kb_check: KBCheck
    kb: tuple[KBView, ...]
    evidence: Evidence
    mentions: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    rules: str = RULES_VERSION


@dataclass(frozen=True, slots=True)
class Skipped(Record):
    """An input that could not be coded, with the reason; counted and reported, never silent."""

    input: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Extraction(Record):
    """Everything extraction found in one document."""

    document: Document
    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    memberships: tuple[Membership, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def records(self) -> list[dict[str, Any]]:
        """The JSONL output: one dict per record, each tagged with its kind and document."""
        out: list[dict[str, Any]] = []
        for kind, items in (
            ("event", self.events),
            ("fact", self.facts),
            ("membership", self.memberships),
        ):
            for item in items:
                out.append({"record": kind, **item.to_dict()})
        return out


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts, so re-running extraction gives the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"
