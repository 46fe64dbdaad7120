"""What the gold-set tests share: the PLOVER modes of each type (PLOVER manual draft 0.8, 2021),
the shape of actor ids, which PLOVER types a CAMEO code may carry under docs/CODING.md, and
readers of a passage's dates, actors and hard-negative tag."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tengri.model import DatePrecision

Passage = dict[str, Any]

PLOVER_MODES: dict[str, set[str | None]] = {
    "AGREE": {None},
    "CONSULT": {None, "visit", "third-party", "multilateral", "phone"},
    "SUPPORT": {None},
    "CONCEDE": {None},
    "COOPERATE": {None},
    "AID": {None},
    "RETREAT": {None, "withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {None, "assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {None, "assist", "change", "yield", "meet"},
    "THREATEN": {None, "restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {None, "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {None, "convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {None, "troops", "weapons", "police", "militia"},
    "COERCE": {
        None,
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    },
    "ASSAULT": {
        None,
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    },
}


ACTOR_ID = re.compile(
    r"person:[a-z0-9]+(-[a-z0-9]+)*|igo:[A-Z0-9_]+|org:[A-Z]{3}\.[a-z0-9]+(-[a-z0-9]+)*"
)


def cameo_types(code: str) -> set[str]:
    """The PLOVER types a CAMEO code may carry under docs/CODING.md and CAMEO2PLOVER-2021."""
    if code in ("163", "191", "192"):
        return {"COERCE"}
    if code == "1712":
        return {"ASSAULT"}
    if code.startswith("08"):
        retreat = code[:3] in ("084", "085", "086", "087") or code in ("0813", "0814")
        return {"RETREAT"} if retreat else {"CONCEDE"}
    roots = {
        "02": "REQUEST",
        "03": "AGREE",
        "04": "CONSULT",
        "05": "SUPPORT",
        "06": "COOPERATE",
        "07": "AID",
        "09": "ACCUSE",
        "10": "REQUEST",
        "11": "ACCUSE",
        "12": "REJECT",
        "13": "THREATEN",
        "14": "PROTEST",
        "15": "MOBILIZE",
        "16": "SANCTION",
        "17": "COERCE",
        "18": "ASSAULT",
        "19": "ASSAULT",
        "20": "ASSAULT",
    }
    return {roots[code[:2]]} if code[:2] in roots else set()


def record_dates(p: Passage) -> list[tuple[str, dict[str, Any] | None]]:
    return (
        [(f"event {e['type']} {e['anchor']!r}", e["date"]) for e in p["events"]]
        + [(f"fact {f['anchor']!r}", f["period"]) for f in p["facts"]]
        + [(f"membership {m['anchor']!r}", m.get("date")) for m in p["memberships"]]
    )


def record_actors(p: Passage) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for e in p["events"]:
        out += [a for a in (e["source"], e["target"]) if a is not None] + e["participants"]
    for f in p["facts"]:
        out += [a for a in (f["origin"], f["destination"], f["subject"]) if a is not None]
    for m in p["memberships"]:
        out += [m["member"], m["organization"]]
    return out


def is_hard_negative(p: Passage) -> bool:
    return "negative" in p["tags"] and not (p["events"] or p["facts"] or p["memberships"])


def assert_dates_are_well_formed(passages: list[Passage]) -> None:
    """Publication dates and record dates parse, precisions are the model's, an unknown date
    has no bounds and a known one never starts after it ends."""
    precisions = {d.value for d in DatePrecision}
    for p in passages:
        if p["published"] is not None:
            dt.date.fromisoformat(p["published"])
        for what, d in record_dates(p):
            if d is None:
                continue
            assert d["precision"] in precisions, f"{p['id']} {what}"
            if d["precision"] == DatePrecision.UNKNOWN:
                assert d["start"] is None and d["end"] is None, f"{p['id']} {what}"
                continue
            start, end = dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"])
            assert start <= end, f"{p['id']} {what}"
