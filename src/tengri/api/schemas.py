"""Response and request bodies of the API that are not analytics records: events and their
mentions, documents, curation, keys, audit entries, ingest. Field names follow the store's
and the record format's; fields are only ever added."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field, HttpUrl

from tengri.store.browse import Curation
from tengri.store.queries import EventDetail, EventSummary, MentionDetail

T = TypeVar("T")


class PartyOut(BaseModel):
    id: str | None
    name: str | None
    country: str | None
    kind: str | None


class DateOut(BaseModel):
    start: dt.date | None
    end: dt.date | None
    precision: str


class LocationOut(BaseModel):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str = Field(description="city coordinates are the city's; country coordinates "
                           "are the country's representative point, never a city")
    id: str | None = None


class QuantityOut(BaseModel):
    value: float
    unit: str


class CurationOut(BaseModel):
    event_id: int
    verdict: str | None = Field(description="confirmed, rejected, or null (edited only)")
    edited_fields: list[str]
    overrides: dict[str, Any]
    note: str | None
    created_by: str
    created_at: dt.datetime
    updated_by: str
    updated_at: dt.datetime

    @classmethod
    def of(cls, curation: Curation | None) -> CurationOut | None:
        if curation is None:
            return None
        return cls(event_id=curation.event_id, verdict=curation.verdict,
                   edited_fields=curation.edited_fields,
                   overrides=curation.overrides, note=curation.note, created_by=curation.created_by,
                   created_at=curation.created_at, updated_by=curation.updated_by,
                   updated_at=curation.updated_at)


class EventOut(BaseModel):
    id: int
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    status: str
    source: PartyOut | None
    target: PartyOut | None
    date: DateOut
    location: LocationOut
    quantity: QuantityOut | None
    gathering: dict[str, Any] | None
    confidence: float
    source_count: int
    mention_count: int
    first_reported: dt.date | None
    last_reported: dt.date | None
    curated: bool = Field(description="an analyst made or changed it")
    rules: str
    curation: CurationOut | None = None

    @classmethod
    def of(cls, event: EventSummary, curation: Curation | None = None) -> EventOut:
        data = event.to_dict()
        return cls.model_validate({**data, "curation": CurationOut.of(curation)})


class EventPageOut(BaseModel):
    items: list[EventOut]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null at "
                                    "the end")
    total: int | None = Field(None, description="every match, when count=true")


class DecisionOut(BaseModel):
    action: str = Field(description="seed, joined, split, released or merged")
    matched_mention_id: int | None
    reasons: list[str]
    decided_by: str
    decided_at: dt.datetime
    note: str | None


class MentionOut(BaseModel):
    """A report of the event, with offsets into its document's text (GET /documents/ID)."""

    id: int
    document_id: int
    title: str | None
    url: str | None
    published: dt.date | None
    source_name: str | None
    syndicated: bool
    sentence: str
    sentence_start: int | None
    sentence_end: int | None
    trigger: str | None
    trigger_start: int | None
    trigger_end: int | None
    cameo: str
    status: str
    date: DateOut
    location: str | None
    confidence: float
    pinned: bool
    decision: DecisionOut | None

    @classmethod
    def of(cls, mention: MentionDetail) -> MentionOut:
        evidence = mention.record.get("evidence") or {}
        trigger = evidence.get("trigger") or {}
        data = mention.to_dict()
        return cls.model_validate({
            **data, "sentence_start": evidence.get("start"), "sentence_end": evidence.get("end"),
            "trigger_start": trigger.get("start"), "trigger_end": trigger.get("end")})


class ActorRow(BaseModel):
    role: str
    actor_key: str
    actor_id: str | None
    country: str | None
    name: str


class EventDetailOut(BaseModel):
    event: EventOut
    actors: list[ActorRow]
    mentions: list[MentionOut]

    @classmethod
    def of(cls, detail: EventDetail, curation: Curation | None) -> EventDetailOut:
        return cls(event=EventOut.of(detail.event, curation),
                   actors=[ActorRow.model_validate(a) for a in detail.actors],
                   mentions=[MentionOut.of(m) for m in detail.mentions])


class Page(BaseModel, Generic[T]):
    """A page of a listing in id order; pass `next` as `after` for the next page."""

    items: list[T]
    next: str | None = Field(description="the `after` value of the next page; null at the end")


# --- requests ------------------------------------------------------------------------------

class Reason(BaseModel):
    reason: str | None = Field(None, max_length=2000, description="why (kept in the audit log)")


class EventEdit(BaseModel):
    """Fields to set; those left out stay as they are. CAMEO sets Goldstein and quad class."""

    type: str | None = Field(None, max_length=20)
    mode: str | None = Field(None, max_length=40)
    cameo: str | None = Field(None, pattern=r"^\d{2,4}$")
    status: str | None = Field(None, max_length=20)
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = Field(None, max_length=20)
    location_name: str | None = Field(None, max_length=200)
    location_country: str | None = Field(None, pattern=r"^[A-Za-z]{3}$")
    location_lat: float | None = Field(None, ge=-90, le=90)
    location_lon: float | None = Field(None, ge=-180, le=180)
    location_precision: str | None = Field(None, max_length=20)
    reason: str | None = Field(None, max_length=2000)

    def changes(self) -> dict[str, Any]:
        data = self.model_dump(exclude_unset=True, exclude={"reason"})
        return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


class ActorCorrection(BaseModel):
    actor: str | None = Field(description="the KB id of who it really is (KAZ, "
                              "person:vladimir-putin, igo:EAEU), or null for nobody named",
                              max_length=120)
    reason: str | None = Field(None, max_length=2000)


class MergeRequest(BaseModel):
    absorb: int = Field(ge=1, le=2**53, description="the event that reports the same thing; it is "
                        "removed and its reports join this one")
    reason: str | None = Field(None, max_length=2000)


class SplitRequest(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="why it is not the same "
                        "event")


class CuratedEventOut(BaseModel):
    event: dict[str, Any] = Field(description="the event's columns and curation after the "
                                  "change, as written to the audit log")


class AuditEntryOut(BaseModel):
    id: int
    at: dt.datetime
    who: str
    role: str
    action: str
    target_kind: str
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None


class AuditPageOut(BaseModel):
    items: list[AuditEntryOut]
    next_before: int | None = Field(description="pass as before to page on")


class KeyOut(BaseModel):
    id: int
    prefix: str
    name: str
    role: str
    created_at: dt.datetime
    created_by: str
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None
    active: bool


class KeyRequest(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="who uses it")
    role: str = Field(pattern=r"^(reader|curator|admin)$")


class IssuedKeyOut(BaseModel):
    key: KeyOut
    token: str = Field(description="the key itself: shown this once, stored only hashed")


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, max_length=2_000_000)
    title: str | None = Field(None, max_length=1000)
    url: HttpUrl | None = None
    published: dt.date | None = None
    lang: str | None = Field(None, max_length=16)
    source_name: str | None = Field(None, max_length=200)
    doc_id: str | None = Field(None, max_length=200)
    html: bool = Field(False, description="text is an HTML page: tengri extracts its article")


class IngestRequest(BaseModel):
    documents: list[DocumentIn] = Field(default_factory=list)
    urls: list[HttpUrl] = Field(default_factory=list, description="fetched with tengri's "
                                "safety defaults: no private or loopback addresses, size and "
                                "time caps")


class IngestOut(BaseModel):
    run_id: int
    seen: int
    stored: int
    unchanged: int
    replaced: int
    quarantined: dict[str, int]
    mentions: int
    events_created: int
    events_total: int
    mentions_total: int
    seconds: float


class WhoAmI(BaseModel):
    who: str
    role: str | None
    read_open: bool


class Health(BaseModel):
    status: str
    version: str
    schema_version: int
    backend: str
