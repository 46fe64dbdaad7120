"""The shipped states, capitals and dated names (kb/data/states.csv, capitals.csv, names.csv)."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "tengri" / "kb" / "data"
ONE_DAY = dt.timedelta(days=1)

POST_SOVIET = {
    "ARM": "Армения", "AZE": "Азербайджан", "BLR": "Белоруссия", "EST": "Эстония",
    "GEO": "Грузия", "KAZ": "Казахстан", "KGZ": "Киргизия", "LTU": "Литва", "LVA": "Латвия",
    "MDA": "Молдавия", "RUS": "Россия", "TJK": "Таджикистан", "TKM": "Туркмения",
    "UKR": "Украина", "UZB": "Узбекистан",
}


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def items(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


def date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


def holds(row: dict[str, str], day: dt.date) -> bool:
    """Whether a row's half-open [start, end) interval contains the day."""
    start, end = date(row["start"]), date(row["end"])
    return (start is None or start <= day) and (end is None or day < end)


@pytest.fixture(scope="module")
def states() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv("states.csv")}


@pytest.fixture(scope="module")
def capitals() -> list[dict[str, str]]:
    return read_csv("capitals.csv")


@pytest.fixture(scope="module")
def places() -> dict[str, dict[str, str]]:
    """Generated places overlaid by places_extra.csv, as the loader does."""
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    rows.update({row["id"]: row for row in read_csv("places_extra.csv")})
    return rows


def capital_on(capitals: list[dict[str, str]], state: str, day: dt.date) -> list[str]:
    return [row["name"] for row in capitals if row["state"] == state and holds(row, day)]


# states.csv


def test_states_file_has_the_documented_columns_in_order() -> None:
    with open(DATA / "states.csv", encoding="utf-8") as handle:
        header = handle.readline().strip().split(",")
    assert header == ["id", "iso2", "numeric", "name", "official_name", "aliases", "adjectives",
                      "demonyms", "ru", "region", "subregion", "lat", "lon", "source"]


def test_every_iso_country_and_kosovo_appear_exactly_once() -> None:
    pycountry = pytest.importorskip("pycountry")
    ids = [row["id"] for row in read_csv("states.csv")]
    assert len(ids) == len(set(ids)) == 250
    assert set(ids) == {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def test_state_iso2_and_numeric_codes_are_unique_and_match_iso(states) -> None:
    pycountry = pytest.importorskip("pycountry")
    for country in pycountry.countries:
        row = states[country.alpha_3]
        assert (row["iso2"], row["numeric"]) == (country.alpha_2, country.numeric)
    assert (states["XKX"]["iso2"], states["XKX"]["numeric"]) == ("XK", "")
    assert len({row["iso2"] for row in states.values()}) == 250


def test_every_state_has_a_name_and_a_source(states) -> None:
    for row in states.values():
        assert row["name"] and row["source"], row["id"]


def test_state_names_are_the_short_forms_news_uses(states) -> None:
    expected = {
        "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea",
        "PRK": "North Korea", "USA": "United States", "GBR": "United Kingdom", "VNM": "Vietnam",
        "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova",
        "CZE": "Czechia", "TUR": "Turkey", "XKX": "Kosovo", "LAO": "Laos", "CIV": "Ivory Coast",
    }
    assert {k: states[k]["name"] for k in expected} == expected


def test_long_short_and_former_forms_are_aliases(states) -> None:
    expected = {
        "USA": {"the US", "USA", "U.S.", "America", "United States of America"},
        "GBR": {"UK", "Britain", "Great Britain",
                "United Kingdom of Great Britain and Northern Ireland"},
        "RUS": {"Russian Federation", "the Russian Federation"},
        "SWZ": {"Swaziland"}, "MMR": {"Burma"}, "CZE": {"Czech Republic"},
        "TUR": {"Türkiye"}, "MKD": {"Macedonia"}, "CIV": {"Côte d'Ivoire"},
        "CPV": {"Cabo Verde"}, "TLS": {"Timor-Leste"}, "KOR": {"Republic of Korea"},
    }
    for state_id, aliases in expected.items():
        assert aliases <= set(items(states[state_id]["aliases"])), state_id


def test_no_alias_repeats_the_name_or_another_alias(states) -> None:
    for row in states.values():
        forms = [row["name"], *items(row["aliases"])]
        assert len({f.casefold() for f in forms}) == len(forms), row["id"]


def test_an_alias_names_one_state_only(states) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in states.values():
        for form in [row["name"], *items(row["aliases"])]:
            owners[form.casefold()].add(row["id"])
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


def test_kazakhstan_has_both_adjectives_and_its_demonyms(states) -> None:
    kaz = states["KAZ"]
    assert items(kaz["adjectives"]) == ["Kazakh", "Kazakhstani"]
    assert items(kaz["demonyms"]) == ["Kazakhstani", "Kazakhstanis", "Kazakh", "Kazakhs"]


def test_every_inhabited_state_has_an_adjective(states) -> None:
    assert {k for k, row in states.items() if not row["adjectives"]} == {"IOT", "UMI"}
    assert items(states["USA"]["adjectives"])[0] == "American"
    assert items(states["GBR"]["adjectives"])[0] == "British"
    assert items(states["CHN"]["adjectives"]) == ["Chinese"]


def test_post_soviet_states_have_russian_press_and_official_forms(states) -> None:
    for state_id, short in POST_SOVIET.items():
        assert items(states[state_id]["ru"])[0] == short, state_id
    assert {"Российская Федерация", "РФ"} <= set(items(states["RUS"]["ru"]))
    assert "Республика Казахстан" in items(states["KAZ"]["ru"])
    assert {"Беларусь", "Республика Беларусь"} <= set(items(states["BLR"]["ru"]))


def test_every_state_has_a_russian_form_without_stress_marks(states) -> None:
    for row in states.values():
        forms = items(row["ru"])
        assert forms, row["id"]
        assert not any("\u0301" in f for f in forms), row["id"]
    assert {"США", "Соединённые Штаты Америки", "Соединенные Штаты Америки"} <= set(
        items(states["USA"]["ru"]))


def test_regions_are_un_m49_names(states) -> None:
    regions = {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    subregions = {
        "Northern Africa", "Sub-Saharan Africa", "Latin America and the Caribbean",
        "Northern America", "Central Asia", "Eastern Asia", "South-eastern Asia",
        "Southern Asia", "Western Asia", "Eastern Europe", "Northern Europe", "Southern Europe",
        "Western Europe", "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia",
    }
    for row in states.values():
        if row["id"] == "ATA":
            assert (row["region"], row["subregion"]) == ("", "")
            continue
        assert row["region"] in regions and row["subregion"] in subregions, row["id"]
    assert (states["KAZ"]["region"], states["KAZ"]["subregion"]) == ("Asia", "Central Asia")
    assert (states["RUS"]["region"], states["RUS"]["subregion"]) == ("Europe", "Eastern Europe")


def test_every_state_but_the_us_minor_islands_has_a_point_in_range(states) -> None:
    missing = {k for k, row in states.items() if not row["lat"] or not row["lon"]}
    assert missing == {"UMI"}
    for row in states.values():
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180


# Extents, from the map, of states whose places file holds a single town (or none), so their
# spread of towns cannot bound the point: (south, north, west, east); east < west wraps 180°.
HAND_BOXES = {
    "ATA": (-90, -60, -180, 180), "BVT": (-55, -54, 3, 4), "HMD": (-54, -52, 72, 74),
    "IOT": (-8, -5, 71, 73), "TKL": (-10, -8, -173, -171), "FSM": (0, 10, 137, 164),
    "GRL": (59, 84, -74, -10), "KIR": (-12, 5, 168, -150), "SHN": (-41, -7, -15, -5),
    "SJM": (70, 81, -10, 35),
}


def in_box(lat: float, lon: float, box: tuple[float, float, float, float]) -> bool:
    south, north, west, east = box
    inside_lon = west <= lon <= east if west <= east else lon >= west or lon <= east
    return south <= lat <= north and inside_lon


def test_state_points_lie_among_the_states_own_towns(states, places) -> None:
    """A centroid lies within the spread of the state's towns (every city of 15,000 and every
    capital), padded by 3° for land beyond the outermost town; for a small state with one town
    that means within 3° of its capital. States whose single town cannot stand for their
    extent (archipelagos, Greenland) or with no town are held to their map extent instead."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for place in places.values():
        towns[place["country"]].append((float(place["lat"]), float(place["lon"])))
    outside = []
    for state_id, row in states.items():
        if not row["lat"]:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        if state_id in HAND_BOXES:
            box = HAND_BOXES[state_id]
        else:
            lats = [t[0] for t in towns[state_id]]
            lons = [t[1] for t in towns[state_id]]
            box = (min(lats) - 3, max(lats) + 3, min(lons) - 3, max(lons) + 3)
        if not in_box(lat, lon, box):
            outside.append(state_id)
    assert outside == []


def test_points_taken_from_a_capital_are_that_capitals_coordinates(states, capitals,
                                                                   places) -> None:
    current = {row["state"]: row["place"] for row in capitals if not row["end"]}
    from_capital = [k for k, row in states.items() if "capital coordinates" in row["source"]]
    assert sorted(from_capital) == ["ALA", "BLM", "CUW", "MAF", "SSD", "SXM"]
    for state_id in from_capital:
        place = places[current[state_id]]
        assert (states[state_id]["lat"], states[state_id]["lon"]) == (place["lat"], place["lon"])


# capitals.csv


def test_capital_rows_have_a_state_a_known_place_and_a_source(states, capitals,
                                                              places) -> None:
    for row in capitals:
        assert row["state"] in states and row["source"] and row["name"], row
        assert row["place"] in places, row
        assert places[row["place"]]["country"] == row["state"], row


def test_each_state_has_one_current_capital_except_those_without_one(states,
                                                                    capitals) -> None:
    current: dict[str, int] = defaultdict(int)
    for row in capitals:
        if not row["end"]:
            current[row["state"]] += 1
    assert set(current.values()) == {1}
    assert set(states) - set(current) == {"ATA", "BES", "BVT", "HMD", "IOT", "TKL", "UMI"}


def test_capital_intervals_of_a_state_do_not_overlap(capitals) -> None:
    by_state: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in capitals:
        by_state[row["state"]].append(row)
    for state_id, rows in by_state.items():
        rows.sort(key=lambda r: r["start"])
        for before, after in itertools.pairwise(rows):
            assert before["end"] and before["end"] <= after["start"], state_id


def test_capital_moves_hold_from_their_first_day_to_their_last(capitals) -> None:
    dated = [row for row in capitals if row["start"] or row["end"]]
    assert {row["state"] for row in dated} == {"BDI", "DEU", "GNQ", "KAZ", "LKA", "MMR", "NGA",
                                               "PLW"}
    for row in dated:
        if row["start"]:
            first = date(row["start"])
            assert capital_on(capitals, row["state"], first) == [row["name"]]
            assert row["name"] not in capital_on(capitals, row["state"], first - ONE_DAY)
        if row["end"]:
            end = date(row["end"])
            assert capital_on(capitals, row["state"], end - ONE_DAY) == [row["name"]]
            assert row["name"] not in capital_on(capitals, row["state"], end)


@pytest.mark.parametrize(("state", "day", "capital"), [
    ("KAZ", "1997-12-09", "Almaty"), ("KAZ", "1997-12-10", "Astana"),
    ("NGA", "1991-12-11", "Lagos"), ("NGA", "1991-12-12", "Abuja"),
    ("MMR", "2005-11-05", "Yangon"), ("MMR", "2005-11-06", "Naypyidaw"),
    ("DEU", "1990-10-02", "Bonn"), ("DEU", "1990-10-03", "Berlin"),
    ("GNQ", "2026-01-02", "Malabo"), ("GNQ", "2026-01-03", "Ciudad de la Paz"),
    ("IDN", "2026-11-26", "Jakarta"), ("RUS", "1990-01-01", "Moscow"),
])
def test_capital_on_a_day(capitals, state: str, day: str, capital: str) -> None:
    assert capital_on(capitals, state, dt.date.fromisoformat(day)) == [capital]


# names.csv


@pytest.fixture(scope="module")
def names() -> list[dict[str, str]]:
    return read_csv("names.csv")


def official_names(names: list[dict[str, str]], entity: str, lang: str,
                   day: dt.date) -> set[str]:
    return {r["name"] for r in names if r["entity"] == entity and r["lang"] == lang
            and holds(r, day)}


def test_dated_names_belong_to_known_entities_and_have_sources(names, states,
                                                               places) -> None:
    for row in names:
        assert row["entity"] in states or row["entity"] in places, row
        assert row["source"] and row["lang"] in {"en", "ru"}, row
        start, end = date(row["start"]), date(row["end"])
        assert start or end, row
        assert not (start and end) or start < end, row


def test_each_dated_name_holds_on_its_first_and_last_day_only(names) -> None:
    for row in names:
        entity, lang, name = row["entity"], row["lang"], row["name"]
        if row["start"]:
            first = date(row["start"])
            assert name in official_names(names, entity, lang, first), row
            assert name not in official_names(names, entity, lang, first - ONE_DAY), row
        if row["end"]:
            end = date(row["end"])
            assert name in official_names(names, entity, lang, end - ONE_DAY), row
            assert name not in official_names(names, entity, lang, end), row


@pytest.mark.parametrize(("day", "name"), [
    ("1998-05-05", "Akmola"), ("1998-05-06", "Astana"), ("2019-03-22", "Astana"),
    ("2019-03-23", "Nur-Sultan"), ("2022-09-16", "Nur-Sultan"), ("2022-09-17", "Astana"),
])
def test_kazakhstans_capital_was_officially_named(names, day: str, name: str) -> None:
    assert official_names(names, "place:1526273", "en", dt.date.fromisoformat(day)) == {name}


@pytest.mark.parametrize(("entity", "day", "expected"), [
    ("SWZ", "2018-04-18", {"Swaziland"}), ("SWZ", "2018-04-19", {"Eswatini",
                                                                 "Kingdom of Eswatini"}),
    ("MKD", "2019-02-11", {"Macedonia", "Republic of Macedonia"}),
    ("MKD", "2019-02-12", {"North Macedonia", "Republic of North Macedonia"}),
    ("TUR", "2022-05-31", {"Turkey"}), ("TUR", "2022-06-01", {"Türkiye", "Republic of Türkiye"}),
    ("MMR", "1989-06-17", {"Burma"}), ("MMR", "1989-06-18", {"Myanmar"}),
    ("place:709930", "2016-05-18", {"Dnipropetrovsk"}), ("place:709930", "2016-05-19",
                                                          {"Dnipro"}),
])
def test_renamed_entity_had_the_official_name(names, entity: str, day: str,
                                               expected: set[str]) -> None:
    assert official_names(names, entity, "en", dt.date.fromisoformat(day)) == expected
