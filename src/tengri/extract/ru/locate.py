"""Where, in Russian: the place an event happened ("прибыл в Москву", "в Астане", "в Кремле").

The English step's rules (docs/CODING.md §6) with Russian slots and prepositions: a place in the
entry's place slots wins, then a place after «в»/«во»/«на» in the sentence, then for a visit the
host state. "в Кремле" places an event in Moscow. A summit held in the country of one of its
participants is hosted by it (CAMEO 043 with that participant as source, gold/README.md).
The helpers (`location_of`, `_refine_mode`, `_inherit_locations` …) are the English ones.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.locate import (
    _as_state,
    _inherit_locations,
    _refine_mode,
    _state_mention,
    location_of,
)
from tengri.extract.ru.lexicon import entries_by_id
from tengri.extract.ru.roles import Slots
from tengri.model import Location, LocationPrecision

_LOCATIVE = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.IGNORECASE)
_SEAT_OF = {"org:RUS.presidency": "place:524901"}  # the Kremlin is in Moscow


def _slot_location(analysis: Analysis, candidate: Candidate) -> Location | None:
    entry = entries_by_id()[candidate.trigger.entry]
    if not entry.place:
        return None
    slots = Slots(analysis, candidate.trigger, list(analysis.mentions))
    kinds = {"place", "state"} if candidate.mode == "visit" else {"place"}
    for name in entry.place:
        for mention in slots.fill(name):
            if mention.kind in kinds:
                location = location_of(analysis.kb, mention, analysis.published)
                if location is not None:
                    return location
    return None


def _sentence_location(analysis: Analysis, candidate: Candidate) -> Location | None:
    sentence = analysis.sentences[candidate.trigger.sentence]
    for mention in analysis.mentions_in(sentence):
        before = analysis.text[max(sentence.start, mention.start - 6) : mention.start]
        if not _LOCATIVE.search(before):
            continue
        if mention.kind == "place":
            return location_of(analysis.kb, mention, analysis.published)
        seat = _SEAT_OF.get(mention.entity or "")
        if seat is not None and (place := analysis.kb.get(seat)) is not None:
            return Location(
                mention.text,
                place.name,
                place.country,
                place.lat,
                place.lon,
                LocationPrecision.CITY,
                place.id,
            )
    return None


def _hosted(candidate: Candidate) -> Candidate:
    """A gathering in a participant's country: that participant hosts it (043)."""
    if candidate.gathering is None or candidate.location is None or candidate.source is not None:
        return candidate
    place = candidate.location.country
    host = next(
        (p for p in candidate.participants if p.kind == "state" and p.country == place), None
    )
    if host is None:
        return candidate
    return replace(candidate, source=host, cameo="043")


def assign_locations(analysis: Analysis) -> dict[str, object]:
    """Set each candidate's location and turn places standing as actors into their states."""
    kb = analysis.kb
    located: list[Candidate] = []
    for candidate in analysis.candidates:
        location = None
        if candidate.mode != "phone":
            location = _slot_location(analysis, candidate) or _sentence_location(
                analysis, candidate
            )
        target = candidate.target
        if target is not None and target.kind == "place" and location is None:
            location = location_of(kb, target, analysis.published)
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
            and (candidate.cameo == "042" and target.country)
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
            and candidate.type in {"COOPERATE", "AID"}
            and location is not None
            and source is not None
            and location.country
            and location.country != source.country
        ):
            target = _state_mention(kb, location.country)
        updated = replace(
            candidate, source=source, target=target, participants=participants, location=location
        )
        located.append(_hosted(_refine_mode(updated)))
    return {"candidates": tuple(_inherit_locations(located))}
