"""The canonical event: what an event's columns say, as a function of its mentions alone.

Every choice has a deterministic tie-break, so the same reports give the same event whatever
order they were stored in. The most informative report wins where reports differ in detail (a
specific CAMEO code over its family's general one, a day over a month, a city over a country);
votes decide between equally detailed ones, one vote per source, so that four syndicated
copies of one wire story do not outvote two independent reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from tengri.errors import OntologyError
from tengri.ontology import cameo as cameo_code
from tengri.store.merging import merge_rules

_KIND_RANK = {"person": 0, "organization": 1, "igo": 2, "group": 3, "state": 4}
_DATE_RANK = {"day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4, "unknown": 5}
_PLACE_RANK = {"point": 0, "city": 1, "admin": 2, "country": 3, "region": 4, "unknown": 5}
_STATUS_RANK = {"occurred": 0, "ongoing": 1, "planned": 2, "negated": 3, "hypothetical": 4}

Row = Mapping[str, Any]


def _specificity(code: str) -> tuple[int, int]:
    return len(code), int(code[2] != "0") if len(code) >= 3 else 0


def _votes(rows: Iterable[Row], value: Callable[[Row], Any]) -> Counter[Any]:
    """How many sources (near-duplicate groups) give each value."""
    return Counter(v for _, v in {(r["near_duplicate_group"], value(r)) for r in rows})


def _cameo(rows: Sequence[Row]) -> str:
    counts = _votes(rows, lambda r: r["cameo"])
    return min(counts, key=lambda c: (tuple(-x for x in _specificity(c)), -counts[c], c))


def _status(rows: Sequence[Row]) -> str:
    statuses = {r["status"] for r in rows}
    for status in ("occurred", "ongoing"):
        if status in statuses:
            return status
    latest = max(_reported(r) for r in rows)
    counts = _votes((r for r in rows if _reported(r) == latest), lambda r: r["status"])
    return min(counts, key=lambda s: (-counts[s], _STATUS_RANK.get(s, 9), s))


def _reported(row: Row) -> dt.date:
    return row["published"] or row["ingested_at"].date()


def _parties(rows: Sequence[Row], symmetric: bool) -> dict[str, Any]:
    """Source and target: the actors the mentions name most often in each role (for an event
    with no direction, in either role, the usual order breaking ties), never the same actor or
    country twice."""
    seen: dict[str, dict[str, Any]] = {}
    votes: set[tuple[str, str, str]] = set()
    for row in sorted(rows, key=lambda r: r["id"]):
        for side in ("source", "target"):
            key = row[f"{side}_id"] or row[f"{side}_country"]
            if key:
                votes.add((side, row["near_duplicate_group"], key))
                seen.setdefault(key, {"actor_id": row[f"{side}_id"], "name": row[f"{side}_name"],
                                      "country": row[f"{side}_country"],
                                      "kind": row[f"{side}_kind"]})
    counts = {"source": Counter[str](), "target": Counter[str]()}
    for side, _, key in votes:
        counts[side][key] += 1

    def best(role: str, taken: dict[str, Any] | None) -> dict[str, Any] | None:
        pool = set(counts["source"]) | set(counts["target"]) if symmetric else set(counts[role])
        keys = [k for k in pool if taken is None or (
            k != taken["key"] and (seen[k]["country"] is None
                                   or seen[k]["country"] != taken["country"]))]
        if not keys:
            return None
        total = (lambda k: counts["source"][k] + counts["target"][k]) if symmetric \
            else (lambda k: counts[role][k])
        key = min(keys, key=lambda k: (-total(k), -counts[role][k],
                                       _KIND_RANK.get(seen[k]["kind"] or "", 9), k))
        return {"key": key, **seen[key]}

    source = best("source", None)
    target = best("target", source)
    out: dict[str, Any] = {}
    for side, party in (("source", source), ("target", target)):
        party = party or {"actor_id": None, "name": None, "country": None, "kind": None}
        out.update({f"{side}_actor_id": party["actor_id"], f"{side}_name": party["name"],
                    f"{side}_country": party["country"], f"{side}_kind": party["kind"]})
    return out


def _date(rows: Sequence[Row]) -> dict[str, Any]:
    dated = [r for r in rows if r["date_precision"] != "unknown" and r["date_start"] is not None]
    if not dated:
        return {"date_start": None, "date_end": None, "date_precision": "unknown"}
    counts = _votes(dated, lambda r: (r["date_start"], r["date_end"], r["date_precision"]))
    best_status = {k: min(_STATUS_RANK.get(r["status"], 9) for r in dated
                          if (r["date_start"], r["date_end"], r["date_precision"]) == k)
                   for k in counts}
    start, end, precision = min(counts, key=lambda k: (
        _DATE_RANK.get(k[2], 9), best_status[k], -counts[k], k[0], k[1]))
    return {"date_start": start, "date_end": end, "date_precision": precision}


def _place(rows: Sequence[Row]) -> dict[str, Any]:
    placed = [r for r in rows if r["location_precision"] != "unknown"]
    if not placed:
        return {"location_name": None, "location_country": None, "location_lat": None,
                "location_lon": None, "location_precision": "unknown", "location_id": None}
    counts = _votes(placed, lambda r: (r["location_name"] or "", r["location_precision"]))
    name, precision = min(counts, key=lambda k: (_PLACE_RANK.get(k[1], 9), -counts[k], k[0]))
    row = next(r for r in placed if (r["location_name"] or "", r["location_precision"])
               == (name, precision))
    location = row["record"].get("location") or {}
    return {"location_name": row["location_name"], "location_country": row["location_country"],
            "location_lat": row["location_lat"], "location_lon": row["location_lon"],
            "location_precision": precision, "location_id": location.get("id")}


def _most_common(rows: Sequence[Row], value: Callable[[Row], Any]) -> Any:
    """The value most sources give (None values left out); ties by its text."""
    counts = _votes(rows, value)
    counts.pop(None, None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], repr(v)))


def canonical_event(rows: Sequence[Row]) -> dict[str, Any]:
    """The event's columns from its mentions' rows (mention columns plus the document's
    `published`, `ingested_at` and `near_duplicate_group`)."""
    code = _cameo(rows)
    try:
        details = cameo_code(code)
        goldstein, quad = details.goldstein, details.quad_class
    except OntologyError:
        record = rows[0]["record"]
        goldstein, quad = record.get("goldstein", 0.0), record.get("quad_class", 0)
    quantity = _most_common(rows, lambda r: (q["value"], q["unit"])
                            if (q := r["record"].get("quantity")) else None)
    gathering = _most_common(rows, lambda r: tuple(sorted(g.items()))
                             if (g := r["record"].get("gathering")) else None)
    per_source: dict[str, float] = {}
    for row in rows:
        group = row["near_duplicate_group"]
        per_source[group] = max(per_source.get(group, 0.0), float(row["confidence"]))
    unsure = 1.0
    for value in per_source.values():
        unsure *= 1.0 - min(value, 0.99)
    reported = [_reported(r) for r in rows]
    return {
        "type": rows[0]["type"],
        "mode": _most_common(rows, lambda r: r["mode"]),
        "cameo": code,
        "cameo_root": code[:2],
        "goldstein": goldstein,
        "quad_class": quad,
        "status": _status(rows),
        **_parties(rows, code in merge_rules().symmetric_cameo),
        **_date(rows),
        **_place(rows),
        "quantity_value": quantity[0] if quantity else None,
        "quantity_unit": quantity[1] if quantity else None,
        "gathering": dict(gathering) if gathering else None,
        "confidence": round(min(0.99, 1.0 - unsure), 3),
        "source_count": len(per_source),
        "mention_count": len(rows),
        "first_reported": min(reported),
        "last_reported": max(reported),
        "rules": _most_common(rows, lambda r: r["record"].get("rules")) or "",
    }


def event_actor_rows(event_id: int, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Every actor any mention names, by role, for filtering events by actor."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        sides = [("source", row["source_id"], row["source_country"], row["source_name"]),
                 ("target", row["target_id"], row["target_country"], row["target_name"])]
        sides += [("participant", p.get("id"), p.get("country"), p.get("name"))
                  for p in row["participants"]]
        for role, actor_id, country, name in sides:
            if not name:
                continue
            key = actor_id or country or name.casefold()
            out.setdefault((role, key), {"event_id": event_id, "role": role, "actor_key": key,
                                         "actor_id": actor_id, "country": country,
                                         "name": name})
    return list(out.values())
