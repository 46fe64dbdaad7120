"""Scoring where an event happened: the country, and the city within 25 km.

Gold places are written as names ("Astana", "Gorazde", "town of Rafah"), optionally with a
country. Their coordinates come from tengri's KB: the name (or its last part that the KB knows)
is looked up, kept to the gold country when one is given, and the most populous match wins. A
gold place that names a state only scores the country. A gold name the KB does not know scores
the country only, and is counted as unresolved.

A predicted place counts as the right city when its precision is `city` or `point` and its
coordinates are within `CITY_RADIUS_KM` of the gold city's; a country's representative point is
never a city, however close.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tengri.evaluate.gold import GoldPlace
from tengri.evaluate.predicted import PredictedEvent
from tengri.kb import Entity, EntityKind, KnowledgeBase

CITY_RADIUS_KM = 25.0
_EARTH_RADIUS_KM = 6371.0088
_CITY_PRECISIONS = frozenset({"city", "point"})


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


@dataclass(frozen=True, slots=True)
class GoldPoint:
    """A gold place resolved: its country, and a city's coordinates when it is one."""

    country: str | None
    lat: float | None = None
    lon: float | None = None

    @property
    def is_city(self) -> bool:
        return self.lat is not None and self.lon is not None


class PlaceResolver:
    """Gold place names to KB coordinates, remembered per name and country."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._known: dict[GoldPlace, GoldPoint | None] = {}
        self.unresolved: set[str] = set()

    def _candidates(self, name: str) -> list[Entity]:
        hits = [h for h in self.kb.find_names(name) if h.end == len(name)]
        whole = [h for h in hits if h.start == 0]
        found: list[Entity] = []
        for hit in whole or hits[-1:]:
            for key in hit.keys:
                entity = self.kb.get(key.split("|", 1)[-1])
                if entity and entity.kind in (EntityKind.PLACE, EntityKind.STATE) \
                        and entity not in found:
                    found.append(entity)
        return found

    def resolve(self, place: GoldPlace) -> GoldPoint | None:
        """The gold place's country and (for a city) coordinates; None when nothing is known."""
        if place not in self._known:
            self._known[place] = self._resolve(place)
        return self._known[place]

    def _resolve(self, place: GoldPlace) -> GoldPoint | None:
        if not place.name:
            return GoldPoint(place.country) if place.country else None
        found = self._candidates(place.name.strip())
        if place.country:
            found = [e for e in found if e.country == place.country]
        states = [e for e in found if e.kind == EntityKind.STATE]
        if states:
            return GoldPoint(states[0].country)
        cities = sorted((e for e in found if e.lat is not None and e.lon is not None),
                        key=lambda e: -e.population)
        if cities:
            return GoldPoint(cities[0].country, cities[0].lat, cities[0].lon)
        self.unresolved.add(place.name)
        return GoldPoint(place.country) if place.country else None


def place_scores(point: GoldPoint | None, predicted: PredictedEvent) -> dict[str, bool | None]:
    """location_country and location_city for one matched event (None: not scored)."""
    if point is None:
        return {"location_country": None, "location_city": None}
    country = None if point.country is None else predicted.place_country == point.country
    city = None
    if point.is_city:
        city = (predicted.place_precision in _CITY_PRECISIONS and predicted.lat is not None
                and predicted.lon is not None
                and distance_km(point.lat, point.lon, predicted.lat,  # type: ignore[arg-type]
                                predicted.lon) <= CITY_RADIUS_KM)
    return {"location_country": country, "location_city": city}
