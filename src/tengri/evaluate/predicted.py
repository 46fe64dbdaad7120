"""What a coder predicted for a passage, in the few fields the scorers compare.

Any coder that returns a `model.Extraction` can be scored: tengri's extractor, the keyword-only
baseline, or a future one. Each prediction keeps the character spans of the sentences it was read
from (its evidence and any later mentions), which is how it is placed against gold anchors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tengri.model import Actor, Event, Evidence, Extraction, Fact, Membership


@dataclass(frozen=True, slots=True)
class PredictedActor:
    country: str | None
    id: str | None


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    type: str
    mode: str | None
    cameo: str
    status: str
    source: PredictedActor | None
    target: PredictedActor | None
    participants: tuple[PredictedActor, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    place_country: str | None
    place_name: str | None
    lat: float | None
    lon: float | None
    place_precision: str
    spans: tuple[tuple[int, int], ...]  # sentences: evidence first, then later mentions
    trigger: str  # the words that reported it, for error listings


@dataclass(frozen=True, slots=True)
class PredictedFact:
    indicator: str
    value: float
    unit: str
    qualifier: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class PredictedMembership:
    member: PredictedActor
    organization: str | None
    relation: str
    status: str
    kb_check: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Predictions:
    events: tuple[PredictedEvent, ...] = ()
    facts: tuple[PredictedFact, ...] = ()
    memberships: tuple[PredictedMembership, ...] = ()
    failure: str | None = None  # the coder raised on this passage: why


def _actor(actor: Actor | None) -> PredictedActor | None:
    return None if actor is None else PredictedActor(actor.country, actor.id)


def _spans(evidence: Evidence, mentions: tuple[Evidence, ...] = ()) -> tuple[tuple[int, int], ...]:
    return tuple((e.start, e.end) for e in (evidence, *mentions))


def _event(event: Event) -> PredictedEvent:
    participants = tuple(p for p in map(_actor, event.participants) if p is not None)
    return PredictedEvent(
        type=event.type, mode=event.mode, cameo=event.cameo, status=event.status.value,
        source=_actor(event.source), target=_actor(event.target), participants=participants,
        date_start=event.date.start, date_end=event.date.end,
        date_precision=event.date.precision.value,
        place_country=event.location.country, place_name=event.location.name,
        lat=event.location.lat, lon=event.location.lon,
        place_precision=event.location.precision.value,
        spans=_spans(event.evidence, event.mentions),
        trigger=event.evidence.trigger.text if event.evidence.trigger else "",
    )


def _fact(fact: Fact) -> PredictedFact:
    return PredictedFact(fact.indicator, fact.value, fact.unit, fact.qualifier.value,
                         _spans(fact.evidence))


def _membership(membership: Membership) -> PredictedMembership:
    member = _actor(membership.member) or PredictedActor(None, None)
    return PredictedMembership(member, membership.organization.id, membership.relation.value,
                               membership.status.value, membership.kb_check.value,
                               _spans(membership.evidence, membership.mentions))


def predictions_of(extraction: Extraction) -> Predictions:
    """The scored fields of everything an extraction found."""
    return Predictions(tuple(map(_event, extraction.events)), tuple(map(_fact, extraction.facts)),
                       tuple(map(_membership, extraction.memberships)))
