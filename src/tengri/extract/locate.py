"""Where: the place an event happened, which is not the actor's country.

A place named in the entry's place slots wins ("visited Astana", "held in Ural City", "a visit to
Russia"); then a place after "in"/"at" in the same sentence; then, for a visit, the host state
(country precision, its representative point). Places that stand as actors ("Moscow said") become
their state. A meeting whose place is in neither side's country is a third-location meeting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.lexicon import entries_by_id
from tengri.extract.slots import FillsSlots, _Slots
from tengri.kb import KnowledgeBase, Mention
from tengri.kb.entities import EntityKind
from tengri.model import Location, LocationPrecision

_LOCATIVE = re.compile(r"\b(?:in|at|held\s+in|hosted\s+in)\s+(?:the\s+)?$", re.IGNORECASE)
_BRANCH = re.compile(
    r"^\s+(?:branch|branches|campus|office|plant|factory|subsidiary)\b", re.IGNORECASE
)
_PRECISION = {
    "site": LocationPrecision.POINT,
    "admin": LocationPrecision.ADMIN,
    "region": LocationPrecision.REGION,
}


def location_of(kb: KnowledgeBase, mention: Mention, on: object = None) -> Location | None:
    """A Location for a place or state mention, with a precision that says what lat/lon are."""
    entity = kb.get(mention.entity) if mention.entity else None
    if entity is None:
        return None
    if entity.kind == EntityKind.PLACE:
        precision = _PRECISION.get(entity.subkind or "", LocationPrecision.CITY)
        name = kb.name_on(entity.id, on) if on is not None else entity.name  # type: ignore[arg-type]
        return Location(
            mention.text, name, entity.country, entity.lat, entity.lon, precision, entity.id
        )
    if entity.kind == EntityKind.STATE:
        return Location(
            mention.text,
            entity.name,
            entity.id,
            entity.lat,
            entity.lon,
            LocationPrecision.COUNTRY,
            entity.id,
        )
    return None


def _as_state(kb: KnowledgeBase, mention: Mention | None) -> Mention | None:
    """A place standing as an actor becomes its state ("Moscow said" -> RUS)."""
    if mention is None or mention.kind != "place" or not mention.country:
        return mention
    state = kb.get(mention.country)
    if state is None:
        return None
    return Mention(
        mention.start,
        mention.end,
        mention.text,
        "state",
        state.id,
        state.id,
        None,
        "GOV",
        f"place {mention.text!r} stands for {state.id}",
    )


def _state_mention(kb: KnowledgeBase, country: str) -> Mention | None:
    state = kb.get(country)
    if state is None:
        return None
    return Mention(
        0,
        0,
        state.name,
        "state",
        state.id,
        state.id,
        None,
        "GOV",
        f"{state.id}: the country where it took place",
    )


def place_in_slots(
    analysis: Analysis, names: tuple[str, ...], slots: FillsSlots, kinds: frozenset[str]
) -> Location | None:
    """The first place (of the kinds wanted) that fills one of an entry's place slots."""
    for name in names:
        for mention in slots.fill(name):
            if mention.kind in kinds:
                location = location_of(analysis.kb, mention, analysis.published)
                if location is not None:
                    return location
    return None


_PLACE_OR_STATE = frozenset({"place", "state"})


def _slot_location(analysis: Analysis, candidate: Candidate) -> Location | None:
    entry = entries_by_id()[candidate.trigger.entry]
    if not entry.place:
        return None
    slots = _Slots(analysis, candidate.trigger, list(analysis.mentions))
    return place_in_slots(analysis, entry.place, slots, _PLACE_OR_STATE)


def _sentence_location(analysis: Analysis, candidate: Candidate) -> Location | None:
    """A place after "in"/"at" in the sentence, or the city of a branch ("the Astana branch")."""
    sentence = analysis.sentences[candidate.trigger.sentence]
    for mention in analysis.mentions_in(sentence):
        if mention.kind != "place":
            continue
        before = analysis.text[max(sentence.start, mention.start - 15) : mention.start]
        after = analysis.text[mention.end : mention.end + 20]
        if _LOCATIVE.search(before) or _BRANCH.match(after):
            return location_of(analysis.kb, mention, analysis.published)
    return None


_REMOTE = re.compile(
    r"\b(?:via|by|over)\s+video(?:\s*link|\s*conference|\s*call)?\b|"
    r"\bvideo\s*conference\b|\bvideoconference\b|\bvirtual\s+(?:meeting|talks)\b",
    re.IGNORECASE,
)


def _remote(analysis: Analysis, candidate: Candidate) -> Candidate:
    """Talks held by video link are consultations at a distance (CONSULT/phone, 041)."""
    if (
        candidate.type != "CONSULT"
        or candidate.gathering is not None
        or candidate.mode in {"phone", "multilateral"}
    ):
        return candidate
    sentence = analysis.sentences[candidate.trigger.sentence]
    if not _REMOTE.search(sentence.text):
        return candidate
    return replace(candidate, mode="phone", cameo="041", location=None)


def _refine_mode(candidate: Candidate) -> Candidate:
    """Where a meeting is held says what it is: in neither side's country, a third-location
    meeting (CAMEO 044); in one side's country, a visit by the other (042, with its 043)."""
    if (
        candidate.type != "CONSULT"
        or candidate.cameo != "040"
        or candidate.location is None
        or candidate.gathering is not None
    ):
        return candidate
    sides = [
        m
        for m in (candidate.source, candidate.target, *candidate.participants)
        if m is not None and m.country
    ]
    countries = {m.country for m in sides}
    place = candidate.location.country
    if (
        len(countries) != 2
        or not place
        or candidate.location.precision == LocationPrecision.UNKNOWN
    ):
        return candidate
    if place not in countries:
        return replace(candidate, mode="third-party", cameo="044")
    if candidate.location.precision == LocationPrecision.COUNTRY:
        return candidate  # "talks with Russia" placed only by the state named: no visit
    visitor = next(m for m in sides if m.country != place)
    host = next(m for m in sides if m.country == place)
    return replace(candidate, mode="visit", cameo="042", source=visitor, target=host)


@dataclass(frozen=True)
class PlaceRules:
    """What placing events needs from a language; the rest of the step is the same in all."""

    named_place: Callable[[Analysis, Candidate], Location | None]
    """The place the words name: an entry's place slot, else a locative in the sentence."""
    target_from_place: frozenset[str]
    """CAMEO codes (besides COOPERATE and AID) whose place in another state names the target."""
    settle: Callable[[Analysis, Candidate], Candidate]
    """The language's last word on a placed candidate (mode, host)."""


def locate_events(analysis: Analysis, rules: PlaceRules) -> dict[str, object]:
    """Set each candidate's location and turn places standing as actors into their states."""
    located = [rules.settle(analysis, _located(analysis, c, rules)) for c in analysis.candidates]
    return {"candidates": tuple(_inherit_locations(located))}


def _located(analysis: Analysis, candidate: Candidate, rules: PlaceRules) -> Candidate:
    kb = analysis.kb
    location = None
    if candidate.mode != "phone":
        location = rules.named_place(analysis, candidate)
    target = candidate.target
    if target is not None and target.kind == "place" and location is None:
        location = location_of(kb, target, analysis.published)
    if (
        location is not None
        and candidate.cameo == "042"
        and target is not None
        and target.kind in _PLACE_OR_STATE
        and target.country
        and location.country not in {None, target.country}
    ):
        # "her visit to Uzbekistan and Kazakhstan": each visit takes place in its own host
        location = location_of(kb, target, analysis.published) or location
    source = _as_state(kb, candidate.source)
    target = _as_state(kb, target)
    if (
        target is not None
        and source is not None
        and target.country == source.country
        and target.kind == "state"
        and candidate.target is not None
        and candidate.target.kind == "place"
    ):
        target = None  # a domestic trip: the place is the location, not a target
    participants = tuple(p for p in (_as_state(kb, m) for m in candidate.participants) if p)
    if (
        location is None
        and candidate.mode == "visit"
        and target is not None
        and candidate.cameo == "042"
        and target.country
    ):
        state = kb.get(target.country)
        if state is not None:
            location = Location(
                None,
                state.name,
                state.id,
                state.lat,
                state.lon,
                LocationPrecision.COUNTRY,
                state.id,
            )
    if (
        target is None
        and (candidate.type in {"COOPERATE", "AID"} or candidate.cameo in rules.target_from_place)
        and location is not None
        and source is not None
        and location.country
        and location.country != source.country
    ):
        target = _state_mention(kb, location.country)
    if (
        source is None
        and candidate.cameo == "043"
        and target is not None
        and location is not None
        and location.country
        and location.country != target.country
    ):
        source = _state_mention(kb, location.country)  # "was welcomed in Moscow": Russia hosts
    return replace(
        candidate, source=source, target=target, participants=participants, location=location
    )


def _named_place(analysis: Analysis, candidate: Candidate) -> Location | None:
    return _slot_location(analysis, candidate) or _sentence_location(analysis, candidate)


ENGLISH_PLACES = PlaceRules(
    named_place=_named_place,
    target_from_place=frozenset({"042"}),
    settle=lambda analysis, candidate: _refine_mode(_remote(analysis, candidate)),
)


def assign_locations(analysis: Analysis) -> dict[str, object]:
    """Set each candidate's location and turn places standing as actors into their states."""
    return locate_events(analysis, ENGLISH_PLACES)


def _inherit_locations(candidates: list[Candidate]) -> list[Candidate]:
    """An event without a place takes the place of another event told in the same sentence."""
    by_sentence: dict[int, Location] = {}
    for candidate in candidates:
        if (
            candidate.location is not None
            and candidate.location.precision != LocationPrecision.COUNTRY
        ):
            by_sentence.setdefault(candidate.trigger.sentence, candidate.location)
    out = []
    for candidate in candidates:
        if (
            candidate.location is None
            and candidate.mode != "phone"
            and candidate.trigger.sentence in by_sentence
        ):
            candidate = _refine_mode(
                replace(candidate, location=by_sentence[candidate.trigger.sentence])
            )
        out.append(candidate)
    return out
