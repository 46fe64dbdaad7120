"""Where, in Russian: the place an event happened ("прибыл в Москву", "в Астане", "в Кремле").

The English step's rules (docs/CODING.md §6) with Russian slots and prepositions: a place in the
entry's place slots wins, then a place after «в»/«во»/«на» in the sentence, then for a visit the
host state. "в Кремле" places an event in Moscow. A summit held in the country of one of its
participants is hosted by it (CAMEO 043 with that participant as source, gold/README.md).
The step itself is `locate_events` with Russian `PlaceRules`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.locate import (
    PlaceRules,
    _refine_mode,
    locate_events,
    location_of,
    place_in_slots,
)
from tengri.extract.ru.lexicon import entries_by_id
from tengri.extract.ru.roles import Slots
from tengri.model import Location, LocationPrecision

_LOCATIVE = re.compile(r"(?:^|\s)(?:в|во|на)\s+$", re.IGNORECASE)
_SEAT_OF = {"org:RUS.presidency": "place:524901"}  # the Kremlin is in Moscow
_PLACE = frozenset({"place"})
_PLACE_OR_STATE = frozenset({"place", "state"})


def _slot_location(analysis: Analysis, candidate: Candidate) -> Location | None:
    entry = entries_by_id()[candidate.trigger.entry]
    if not entry.place:
        return None
    slots = Slots(analysis, candidate.trigger, list(analysis.mentions))
    kinds = _PLACE_OR_STATE if candidate.mode == "visit" else _PLACE
    return place_in_slots(analysis, entry.place, slots, kinds)


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


def _named_place(analysis: Analysis, candidate: Candidate) -> Location | None:
    return _slot_location(analysis, candidate) or _sentence_location(analysis, candidate)


RUSSIAN_PLACES = PlaceRules(
    named_place=_named_place,
    target_from_place=frozenset(),
    settle=lambda analysis, candidate: _hosted(_refine_mode(candidate)),
)


def assign_locations(analysis: Analysis) -> dict[str, object]:
    """Set each candidate's location and turn places standing as actors into their states."""
    return locate_events(analysis, RUSSIAN_PLACES)
