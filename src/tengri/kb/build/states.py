"""Build `states.csv`: ISO 3166-1 from pycountry merged with the hand-kept tables in this folder.

Inputs (one row per state id, all required to cover every state):
- `names_en.csv`: the short English name a news text uses, an official name when pycountry's is
  missing or an ISO list form ("Korea, Republic of"), and other English aliases;
- `adjectives.csv`: adjectives and demonyms;
- `ru_names.csv`: Russian press forms, put before the ISO Russian names from pycountry's
  iso-codes translation (which covers every state);
- `m49.csv`: UN M49 region and subregion; `points.csv`: a representative point with its source;
- `non_iso_states.csv`: states outside ISO 3166-1 (Kosovo).
"""

from __future__ import annotations

import csv
import gettext
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

import pycountry

from tengri.kb.build import BUILD_DIR

COLUMNS = ("id", "iso2", "numeric", "name", "official_name", "aliases", "adjectives", "demonyms",
           "ru", "region", "subregion", "lat", "lon", "source")

COMBINING_ACUTE = "\u0301"  # iso-codes marks stress in a few Russian names ("Респу́блика")


def read_table(name: str) -> dict[str, dict[str, str]]:
    """A build input keyed by its `id` column."""
    with open(BUILD_DIR / name, encoding="utf-8", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


def split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def unique(values: Iterable[str], besides: str = "") -> list[str]:
    """Values in order, without case-insensitive repeats or the `besides` form."""
    seen = {besides.casefold()} if besides else set()
    kept = []
    for value in values:
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            kept.append(value)
    return kept


def russian_forms(hand: list[str], iso: list[str]) -> list[str]:
    """Hand forms first, then the ISO ones, each also spelled with е for ё as most press does."""
    forms = []
    for form in hand + [f.replace(COMBINING_ACUTE, "") for f in iso]:
        forms.append(form)
        if "ё" in form:
            forms.append(form.replace("ё", "е"))
    return unique(forms)


def state_rows() -> list[dict[str, str]]:
    names = read_table("names_en.csv")
    adjectives = read_table("adjectives.csv")
    russian = read_table("ru_names.csv")
    regions = read_table("m49.csv")
    points = read_table("points.csv")
    non_iso = read_table("non_iso_states.csv")
    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    version = importlib.metadata.version("pycountry")

    iso: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        official = getattr(country, "official_name", "")
        iso[country.alpha_3] = {
            "iso2": country.alpha_2,
            "numeric": country.numeric,
            "official_name": official,
            "ru": "|".join(ru.gettext(n) for n in (country.name, official) if n),
            "source": f"ISO 3166-1 via pycountry {version}",
        }
    for state_id, row in non_iso.items():
        iso[state_id] = {"iso2": row["iso2"], "numeric": row["numeric"], "official_name": "",
                         "ru": "", "source": row["source"]}

    rows = []
    for state_id in sorted(iso):
        base, en = iso[state_id], names[state_id]
        official = en["official_name"] or base["official_name"]
        point = points[state_id]
        region = regions[state_id]
        rows.append({
            "id": state_id,
            "iso2": base["iso2"],
            "numeric": base["numeric"],
            "name": en["name"],
            "official_name": official,
            "aliases": "|".join(unique([*split(en["aliases"]), official], besides=en["name"])),
            "adjectives": "|".join(unique(split(adjectives[state_id]["adjectives"]))),
            "demonyms": "|".join(unique(split(adjectives[state_id]["demonyms"]))),
            "ru": "|".join(russian_forms(split(russian.get(state_id, {}).get("ru", "")),
                                         split(base["ru"]))),
            "region": region["region"],
            "subregion": region["subregion"],
            "lat": point["lat"],
            "lon": point["lon"],
            "source": "; ".join([
                base["source"],
                "English names, adjectives, Russian press forms: tengri hand tables "
                "(kb/build/*.csv, see SOURCES.md)",
                f"region: {region['source']}",
                f"point: {point['source']}",
            ]),
        })
    return rows


def write_states(out: Path) -> int:
    rows = state_rows()
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)
