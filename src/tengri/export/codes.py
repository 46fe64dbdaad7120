"""The codes other event datasets use for our actors and places: CAMEO actor codes (country,
known group, type) and FIPS 10-4 country codes for GDELT; PLOVER entity codes; country names,
ISO2 codes and representative points from the knowledge base's state table.

The tables are in `data/` (sources in `data/SOURCES.md`) and read once, on first use.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from tengri.kb import shipped_data_dir


def _table(name: str) -> list[dict[str, str]]:
    text = (resources.files("tengri.export") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@dataclass(frozen=True, slots=True)
class State:
    iso3: str
    iso2: str
    name: str
    lat: float | None
    lon: float | None


@functools.cache
def states() -> dict[str, State]:
    """The KB's states by ISO3, with name, ISO2 and representative point."""
    with (shipped_data_dir() / "states.csv").open(encoding="utf-8", newline="") as handle:
        return {r["id"]: State(r["id"], r["iso2"], r["name"],
                               float(r["lat"]) if r["lat"] else None,
                               float(r["lon"]) if r["lon"] else None)
                for r in csv.DictReader(handle)}


@functools.cache
def _fips() -> dict[str, str]:
    return {r["iso3"]: r["fips"] for r in _table("fips_countries.csv")}


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 country code GDELT's geography fields use, or '' when unknown."""
    return _fips().get(iso3 or "", "")


@functools.cache
def _igos() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in _table("igo_codes.csv")}


@functools.cache
def _types() -> dict[str, str]:
    return {r["sector"]: r["cameo_type"] for r in _table("sector_codes.csv")}


@functools.cache
def _plover_states() -> dict[str, str]:
    return {r["id"]: r["plover_code"] for r in _table("plover_state_codes.csv")}


def known_group(actor: dict[str, Any]) -> str:
    """The CAMEO known-group code of an IGO actor (NATO -> 'NAT'), or ''."""
    for key in (actor.get("id"), actor.get("igo")):
        if key and key in _igos():
            return _igos()[key]["cameo_group"]
    return ""


def cameo_type(actor: dict[str, Any]) -> str:
    """The CAMEO type code of an actor's PLOVER sector (PLOVER JRN -> CAMEO MED), or ''.
    A state is its country alone; an IGO is of type IGO."""
    if actor.get("kind") == "state":
        return ""
    if actor.get("kind") == "igo":
        return "IGO"
    return _types().get(actor.get("sector") or "", "")


def cameo_actor_code(actor: dict[str, Any]) -> str:
    """The actor's CAMEO code: its country's ISO3, then its known group and its type, in
    3-letter segments ('RUS', 'RUSGOV', 'CVL'); an IGO, or a body of one with no country,
    starts with IGO as in the Phoenix/PETRARCH dictionaries ('IGONAT', 'IGOEECGOV')."""
    group = known_group(actor)
    kind = cameo_type(actor)
    if actor.get("kind") == "igo" or (actor.get("igo") and not actor.get("country")):
        return "IGO" + group + ("" if kind == "IGO" else kind)
    return (actor.get("country") or "") + group + kind


def plover_code(actor: dict[str, Any]) -> str:
    """The PLOVER entity code: the state's ISO3 (Kosovo KOS), UNO for the UN, EUR for the EU,
    IGO for other intergovernmental organisations, else the actor's country, else ''."""
    for key in (actor.get("id"), actor.get("igo")):
        if key and key in _igos():
            return _igos()[key]["plover_code"] or "IGO"
    if actor.get("kind") == "igo":
        return "IGO"
    country = actor.get("country") or ""
    return _plover_states().get(country, country)


def country_name(iso3: str | None) -> str:
    state = states().get(iso3 or "")
    return state.name if state else ""


def iso2(iso3: str | None) -> str:
    state = states().get(iso3 or "")
    return state.iso2 if state else ""
