"""Scoring places: the country, and the city within 25 km with coordinates from the KB."""

from __future__ import annotations

from tengri.evaluate.gold import GoldPlace
from tengri.evaluate.places import distance_km, place_scores

from .factories import predicted

# Astana in the shipped KB (GeoNames 1526273): 51.1801 N, 71.44598 E.
ASTANA = (51.1801, 71.44598)


def test_haversine_distance_is_right_for_a_known_pair():
    # One degree of latitude is about 111.2 km everywhere.
    assert abs(distance_km(50.0, 70.0, 51.0, 70.0) - 111.2) < 0.2
    assert distance_km(*ASTANA, *ASTANA) == 0.0


def test_a_city_within_25_km_of_the_gold_city_is_right(places):
    gold_place = places.resolve(GoldPlace("KAZ", "Astana"))
    assert gold_place is not None and gold_place.is_city
    near = predicted("CONSULT", place_country="KAZ", lat=51.30, lon=71.45,  # ~13 km north
                     place_precision="city")
    assert place_scores(gold_place, near) == {"location_country": True, "location_city": True}


def test_a_city_more_than_25_km_away_is_wrong(places):
    gold_place = places.resolve(GoldPlace("KAZ", "Astana"))
    far = predicted("CONSULT", place_country="KAZ", lat=51.45, lon=71.45,  # ~30 km north
                    place_precision="city")
    assert place_scores(gold_place, far) == {"location_country": True, "location_city": False}


def test_a_country_point_is_never_a_city_however_close(places):
    gold_place = places.resolve(GoldPlace("KAZ", "Astana"))
    country_point = predicted("CONSULT", place_country="KAZ", lat=ASTANA[0], lon=ASTANA[1],
                              place_precision="country")
    assert place_scores(gold_place, country_point) == {
        "location_country": True, "location_city": False}


def test_a_gold_country_without_a_city_scores_the_country_only(places):
    gold_place = places.resolve(GoldPlace("RUS", None))
    assert place_scores(gold_place, predicted("CONSULT", place_country="RUS")) == {
        "location_country": True, "location_city": None}


def test_a_gold_name_that_is_a_state_scores_the_country_only(places):
    gold_place = places.resolve(GoldPlace(None, "Serbia"))
    assert place_scores(gold_place, predicted("ASSAULT", place_country="SRB")) == {
        "location_country": True, "location_city": None}


def test_the_gold_country_picks_the_right_city_of_a_shared_name(places):
    lebanon = places.resolve(GoldPlace("LBN", "Tripoli"))
    libya = places.resolve(GoldPlace(None, "Tripoli"))  # the most populous: Libya's capital
    assert (lebanon.country, libya.country) == ("LBN", "LBY")


def test_a_gold_name_unknown_to_the_kb_keeps_its_country_and_is_counted(kb):
    from tengri.evaluate.places import PlaceResolver

    resolver = PlaceResolver(kb)
    point = resolver.resolve(GoldPlace("KAZ", "Nowhere-on-Steppe"))
    assert point is not None and point.country == "KAZ" and not point.is_city
    assert resolver.unresolved == {"Nowhere-on-Steppe"}
    assert resolver.resolve(GoldPlace(None, "Nowhere-on-Steppe")) is None
