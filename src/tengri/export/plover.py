"""PLOVER JSON: event records with the field names of the PLOVER manual (draft 0.8, chapter
"Data Fields"), one JSON object a line as the manual suggests; or, with layout "gsr", a JSON
array with the field names of the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

A visit is one PLOVER record: our visitor's 042 and host's 043 become a CONSULT/visit with the
visitor as actor and the host as recipient. Status goes to the manual's auxiliary modes in
`context`. docs/EXPORTS.md ("PLOVER") has the whole mapping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from tengri import __version__
from tengri.errors import OntologyError
from tengri.export import codes
from tengri.export.records import event_day
from tengri.ontology import plover_score
from tengri.store.merging import merge_rules

Record = dict[str, Any]
LAYOUTS = ("manual", "gsr")

# Our status -> the manual's auxiliary mode ("Auxiliary modes"); occurred and ongoing have none.
AUXILIARY_MODES = {"planned": "future", "hypothetical": "hypothetical", "negated": "negation"}

# The manual's location resolution codes (table "Location object").
RESOLUTION = {"point": 5, "city": 4, "admin": 2, "country": 1}
VISIT, HOSTING = "042", "043"


def _plain(mapping: dict[str, Any]) -> dict[str, Any]:
    """Only the fields that have a value, as in the PLOVER gold-standard records."""
    return {k: v for k, v in mapping.items() if v not in (None, "", [], {})}


def entity(actor: dict[str, Any]) -> dict[str, Any]:
    """An actor as the manual's entity object."""
    return _plain({
        "code": codes.plover_code(actor), "sector": actor.get("sector"),
        "entity_text": actor.get("text"), "identifier_id": actor.get("wikidata"),
        "identifier_text": actor.get("name"), "office": actor.get("role"),
    })


def _key(actor: dict[str, Any]) -> Any:
    return actor.get("id") or actor.get("country") or actor.get("name")


def roles(record: Record) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Actor and recipient lists: multilateral events have every participant as actor;
    a hosting (043) has the visitor as actor and the host as recipient; reciprocal events
    (met, spoke, signed: CODING.md §3) have both sides as actor and no recipient."""
    source, target = record.get("source"), record.get("target")
    participants = list(record.get("participants") or ())
    if record.get("mode") == "multilateral" or (not source and not target and participants):
        actors = participants + [a for a in (source,) if a]
        return _unique(actors), []
    if record["cameo"] == HOSTING:
        return [a for a in (target,) if a], [a for a in (source,) if a]
    if record["cameo"] in merge_rules().symmetric_cameo:
        return _unique([a for a in (source, target) if a] + participants), []
    return [a for a in (source,) if a] or participants, [a for a in (target,) if a]


def _unique(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for actor in actors:
        if _key(actor) not in seen:
            seen.add(_key(actor))
            out.append(actor)
    return out


def _location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    location = location or {}
    resolution = RESOLUTION.get(location.get("precision") or "")
    if resolution is None:
        return None
    place_id = location.get("id") or ""
    return _plain({
        "extracted_place": location.get("text"), "resolved_place": location.get("name"),
        "geonameid": int(place_id.split(":", 1)[1]) if place_id.startswith("place:")
        and place_id.split(":", 1)[1].isdigit() else None,
        "lat": location.get("lat"), "lon": location.get("lon"),
        "city": location.get("name") if resolution >= RESOLUTION["city"] else None,
        "country": codes.country_name(location.get("country")) or None,
        "country_code": location.get("country"), "resolution": resolution,
    })


def _score(record: Record) -> float | None:
    try:
        return plover_score(record["type"], record.get("mode"))
    except OntologyError:
        return None


def plover_record(record: Record) -> Record:
    """One event record in the manual's layout."""
    actors, recipients = roles(record)
    day = event_day(record)
    date = record.get("date") or {}
    first = (record.get("mentions") or [{}])[0]
    trigger = first.get("trigger") or {}
    auxiliary = AUXILIARY_MODES.get(record.get("status") or "")
    stored = record.get("stored_at")
    required = {"id": f"tengri-{record['event_id']}", "date": day.isoformat() if day else None,
                "actor": [entity(a) for a in actors], "event": [record["type"]]}
    return required | _plain({
        "enddate": date.get("end") if date.get("end") != date.get("start") else None,
        "recipient": [entity(a) for a in recipients],
        "mode": [record["mode"]] if record.get("mode") else [],
        "context": list(record.get("contexts") or ()) + ([auxiliary] if auxiliary else []),
        "event_loc": _location(record.get("location")),
        "event_text": [trigger["text"]] if trigger.get("text") else [],
        "quad_code": record.get("quad_class"),
        "event_scale": _score(record),
        "text": first.get("sentence"),
        "text_info": _plain({"sequence": first["sentence_index"] + 1
                             if first.get("sentence_index") is not None else None,
                             "start": first.get("start"), "end": first.get("end")}),
        "cite_info": _plain({
            "citation": first.get("doc_id"), "url": first.get("url"),
            "title": first.get("title"), "language": first.get("lang"),
            "publication": first.get("source_name"), "coder": f"tengri {__version__}",
            "codebook": f"PLOVER 0.8 / CAMEO 1.1b3, tengri rules {record.get('rules')}",
        }),
        "coder": f"tengri {__version__}",
        "coded_date": stored[:10] if stored else None,
        "tengri": _plain({
            "event_ids": [record["event_id"], *record.get("counterpart_events", ())],
            "cameo": record["cameo"], "status": record.get("status"),
            "date_precision": date.get("precision"),
            "source_count": record.get("source_count"),
            "mention_count": record.get("mention_count"),
        }),
    })


def gsr_record(record: Record) -> Record:
    """One event record with the field names of the PLOVER gold-standard records."""
    first = (record.get("mentions") or [{}])[0]
    trigger = first.get("trigger") or {}
    location = record.get("location") or {}
    day = event_day(record)
    stored = record.get("stored_at")

    def gsr_actor(actor: dict[str, Any]) -> dict[str, Any]:
        return _plain({"actorText": actor.get("text"), "code": codes.plover_code(actor),
                       "sector": actor.get("sector")})

    source, target = record.get("source"), record.get("target")
    if record["cameo"] == HOSTING:  # the visitor is the GSR's source too
        source, target = target, source
    contexts = list(record.get("contexts") or ())
    auxiliary = AUXILIARY_MODES.get(record.get("status") or "")
    return _plain({
        "id": f"tengri-{record['event_id']}",
        "date": day.isoformat() if day else None,
        "source": [gsr_actor(source)] if source else [
            gsr_actor(a) for a in record.get("participants") or ()],
        "target": [gsr_actor(target)] if target else [],
        "event": record["type"],
        "mode": record.get("mode"),
        "eventText": trigger.get("text"),
        "context": ", ".join(contexts + ([auxiliary] if auxiliary else [])),
        "text": first.get("sentence"),
        "eventLoc": _plain({"name": location.get("name"),
                            "country code": codes.iso2(location.get("country"))}),
        "language": first.get("lang"),
        "publication": first.get("source_name"),
        "coder": f"tengri {__version__}",
        "version": record.get("rules"),
        "dateCoded": stored[:10] if stored else None,
    })


def collapse_visits(records: Iterable[Record]) -> Iterator[Record]:
    """Every record but the hosting (043) side of a visit whose visitor's record (042) is
    exported too: the visit is one PLOVER record."""
    for record in records:
        if record["cameo"] == HOSTING and record.get("counterpart_events"):
            continue
        yield record


def write_plover(records: Iterable[Record], out: TextIO, layout: str = "manual") -> int:
    """Write PLOVER records (JSON lines, or one JSON array for layout "gsr"); returns how
    many were written."""
    count = 0
    if layout == "gsr":
        out.write("[")
    for record in collapse_visits(records):
        if layout == "gsr":
            out.write(("," if count else "") + "\n" + json.dumps(gsr_record(record),
                                                              ensure_ascii=False))
        else:
            out.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    if layout == "gsr":
        out.write("\n]\n")
    return count
