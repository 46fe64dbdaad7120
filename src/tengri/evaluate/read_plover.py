"""Reading the PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`, a JSON array) into a GoldSet.

Each record is one sentence with one example event: its type (older names such as FIGHT or
DEMAND are mapped to current ones), mode where given, and source/target actors as codes
("HUN", "IGO"). Actors are compared by country only: a code that is an ISO3 state in the KB, or
one of the few older codes in `data/gsr_codes.csv` (JAP, ITL, VTN), gives a country; IGO, NGO
and group codes give none. Records marked `SRC/TAR` in their markup are reciprocal, so their
actors compare orientation-free. Every record's date is the placeholder 2000-01-01, so dates
are not scored and the passage is read without a publication date. DOCUMENT records are notes,
not events, and are skipped.
"""

from __future__ import annotations

import csv
import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from tengri.errors import InputError, OntologyError
from tengri.evaluate.gold import GoldActor, GoldEvent, GoldPlace, GoldSet, Passage, file_digest
from tengri.kb import shipped_data_dir
from tengri.ontology import normalise_mode, normalise_type


@functools.cache
def _states() -> tuple[frozenset[str], dict[str, str]]:
    """ISO3 codes of the KB's states, and ISO2 -> ISO3."""
    with (shipped_data_dir() / "states.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return frozenset(r["id"] for r in rows), {r["iso2"]: r["id"] for r in rows if r["iso2"]}


@functools.cache
def _older_codes() -> dict[str, str | None]:
    text = (resources.files("tengri.evaluate") / "data" / "gsr_codes.csv").read_text("utf-8")
    return {r["code"]: r["country"] or None for r in csv.DictReader(text.splitlines())}


def gsr_country(code: str | None) -> str | None:
    """The ISO3 country of a GSR actor code, or None for IGO/NGO/group codes and unknowns."""
    if not code:
        return None
    code = code.strip().upper()
    if code in _older_codes():
        return _older_codes()[code]
    return code if code in _states()[0] else None


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()  # "", null, and one stray string ("diplomatic") mean no actor
    return tuple(GoldActor(gsr_country(a.get("code"))) for a in value if isinstance(a, dict))


def _place(value: Any) -> GoldPlace | None:
    if not isinstance(value, dict) or not value.get("name"):
        return None
    iso2 = (value.get("country code") or "").strip().upper()
    return GoldPlace(_states()[1].get(iso2), value["name"].strip())


def _mode(event: str, mode: Any) -> str | None:
    try:
        return normalise_mode(event, mode or None)
    except OntologyError:
        return None  # a mode the manual no longer has ("other", "beat"): scored as no mode


def _event(record: dict[str, Any]) -> GoldEvent:
    source, target = _actors(record.get("source")), _actors(record.get("target"))
    info = record.get("textInfo")
    markup = str(info.get("markup") or "") if isinstance(info, dict) else str(info or "")
    reciprocal = "SRC/TAR" in markup and len(source) >= 2 and not target
    if reciprocal:
        source, target = source[:1], source[1:]
    return GoldEvent(
        type=normalise_type(record["event"]),
        mode=_mode(record["event"], record.get("mode")),
        source=source,
        target=target,
        participants=(),
        location=_place(record.get("eventLoc")),
        anchor=None,
        symmetric=True if reciprocal else None,
    )


def read_plover(path: Path, name: str = "plover-gsr") -> GoldSet:
    """Read the PLOVER GSR file at `path`."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read PLOVER gold file {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} is not a PLOVER GSR file (a JSON array of records): {exc}") \
            from None
    if not isinstance(records, list):
        raise InputError(f"{path} is not a PLOVER GSR file: expected a JSON array of records")
    passages, skipped = [], []
    for record in records:
        rid = record.get("id", "?") if isinstance(record, dict) else "?"
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            skipped.append(f"{rid}: documentation record, not an event")
            continue
        if not record.get("text"):
            skipped.append(f"{rid}: no text")
            continue
        try:
            event = _event(record)
        except (OntologyError, KeyError) as exc:
            skipped.append(f"{rid}: {exc}")
            continue
        passages.append(Passage(id=rid, text=" ".join(record["text"].split()), published=None,
                                split="reference", tags=(event.type.lower(),), events=(event,),
                                lang=record.get("language") or "en"))
    return GoldSet(name, "plover-gsr", path, file_digest(path), tuple(passages),
                   one_event_per_passage=True, conventions=frozenset({"future-as-intent"}),
                   skipped=tuple(skipped))
