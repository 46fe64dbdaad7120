"""GDELT 2.0: the 61 columns of the Events table and the 16 of the Mentions table, in GDELT's
order, tab separated, no header, as GDELT publishes them (GDELT Event Codebook V2.0).

How each column is filled from a tengri event is in docs/EXPORTS.md ("GDELT 2.0"); columns
tengri has nothing for (tone, ethnic and religious codes, ADM1/ADM2 and GNS feature ids) are
left empty rather than filled with a guess.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import urlsplit

from tengri.export import codes
from tengri.export.records import event_day

Record = dict[str, Any]

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{f}" for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
        "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)

# GDELT's geographic resolution codes (Event Codebook V2.0, Actor1Geo_Type).
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
WEB, CITATION_ONLY = 1, 2  # MentionType
LEAD_SENTENCES = 2  # a report's first sentences count as its lead (IsRootEvent)


def _text(value: Any) -> str:
    """A field with no tab or line break in it (they would shift the columns)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _number(value: float | int | None) -> str:
    return "" if value is None else str(value)


def global_event_id(event_id: str) -> int:
    """The store's event id as it is; any other id as a stable 60-bit integer from its SHA-1."""
    if event_id.isdigit():
        return int(event_id)
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _timestamp(value: str | None) -> str:
    if not value:
        return ""
    return dt.datetime.fromisoformat(value).strftime("%Y%m%d%H%M%S")


def _date_fields(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    # The codebook's approximation: (MONTH * 30 + DAY) / 365.
    fraction = day.year + (day.month * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor_fields(actor: dict[str, Any] | None) -> list[str]:
    if not actor:
        return [""] * 10
    kind = codes.cameo_type(actor)
    return [codes.cameo_actor_code(actor), _text(actor.get("name")).upper(),
            actor.get("country") or "", codes.known_group(actor), "", "", "", kind, "", ""]


def _geo(kind: int | str, full_name: str, iso3: str | None, lat: float | None,
         lon: float | None) -> list[str]:
    return [str(kind), _text(full_name), codes.fips(iso3), "", "", _number(lat), _number(lon), ""]


def _actor_geo(actor: dict[str, Any] | None) -> list[str]:
    """An actor's country at country resolution; nothing for actors without one."""
    state = codes.states().get((actor or {}).get("country") or "")
    if state is None:
        return [""] * 8
    return _geo(GEO_COUNTRY, state.name, state.iso3, state.lat, state.lon)


def geo_type(precision: str, iso3: str | None) -> int | None:
    """GDELT's resolution for a location precision; never a city for a country."""
    us = iso3 == "USA"
    if precision in ("city", "point"):
        return GEO_US_CITY if us else GEO_WORLD_CITY
    if precision == "admin":
        return GEO_US_STATE if us else GEO_WORLD_STATE
    if precision == "country":
        return GEO_COUNTRY
    return None  # region, unknown


def _action_geo(location: dict[str, Any] | None) -> list[str]:
    location = location or {}
    iso3 = location.get("country")
    kind = geo_type(location.get("precision") or "unknown", iso3)
    if kind is None:
        return [""] * 8
    country = codes.country_name(iso3)
    name = location.get("name") or country
    if kind == GEO_COUNTRY:
        state = codes.states().get(iso3 or "")
        lat = location.get("lat") if location.get("lat") is not None else (
            state.lat if state else None)
        lon = location.get("lon") if location.get("lon") is not None else (
            state.lon if state else None)
        return _geo(kind, country or name, iso3, lat, lon)
    full = f"{name}, {country}" if country and country != name else name
    return _geo(kind, full, iso3, location.get("lat"), location.get("lon"))


def _citation(mention: dict[str, Any]) -> str:
    parts = [mention.get("source_name"), mention.get("title"), mention.get("published")]
    return _text(", ".join(p for p in parts if p) or mention.get("doc_id"))


def event_row(record: Record) -> list[str]:
    """The 61 GDELT Events columns of one event record."""
    code = record["cameo"]
    mentions = record.get("mentions") or []
    first = mentions[0] if mentions else {}
    lead = first.get("sentence_index")
    return [
        str(global_event_id(record["event_id"])),
        *_date_fields(event_day(record)),
        *_actor_fields(record.get("source")),
        *_actor_fields(record.get("target")),
        "1" if lead is not None and lead < LEAD_SENTENCES else "0",
        code, code[:3], code[:2],
        _number(record.get("quad_class")), _number(record.get("goldstein")),
        _number(record.get("mention_count")), _number(record.get("source_count")),
        _number(record.get("article_count")),
        "",  # AvgTone: tengri does not measure tone
        *_actor_geo(record.get("source")),
        *_actor_geo(record.get("target")),
        *_action_geo(record.get("location")),
        _timestamp(record.get("stored_at")),
        _text(first.get("url")) or _citation(first) if first else "",
    ]


def mention_rows(record: Record) -> list[list[str]]:
    """The 16 GDELT Mentions columns of each report of one event record."""
    event_id = str(global_event_id(record["event_id"]))
    added = _timestamp(record.get("stored_at"))
    rows = []
    for m in record.get("mentions") or ():
        url = _text(m.get("url"))
        trigger = m.get("trigger") or {}
        confidence = m.get("confidence")
        rows.append([
            event_id, added, _timestamp(m.get("stored_at")),
            str(WEB if url else CITATION_ONLY),
            _text(m.get("source_name")) or (urlsplit(url).hostname or "" if url else ""),
            url or _citation(m),
            _number(m["sentence_index"] + 1 if m.get("sentence_index") is not None else None),
            _number(m.get("source_offset")), _number(m.get("target_offset")),
            _number(trigger.get("start")),
            "1",  # InRawText: tengri codes the text as written, never a rewritten one
            _number(round(confidence * 100) if confidence is not None else None),
            _number(m.get("doc_chars")),
            "", "", "",  # MentionDocTone, MentionDocTranslationInfo, Extras
        ])
    return rows


def write_gdelt(records: Iterable[Record], out: TextIO, mentions: TextIO | None = None,
                ) -> tuple[int, int]:
    """Write the Events rows to `out` and, if given, the Mentions rows to `mentions`;
    returns (events, mentions) written."""
    events = written = 0
    for record in records:
        out.write("\t".join(event_row(record)) + "\n")
        events += 1
        if mentions is not None:
            for row in mention_rows(record):
                mentions.write("\t".join(row) + "\n")
                written += 1
    return events, written
