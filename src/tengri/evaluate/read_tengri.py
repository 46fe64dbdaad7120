"""Reading tengri's own gold format (JSONL, docs/GOLD.md) into a `GoldSet`.

A gold line may leave its text out and name it by `id` in a separate corpus file (the sample
corpus keeps its articles in `src/tengri/samples/corpus.jsonl`); pass that file as `texts`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tengri.errors import InputError, OntologyError
from tengri.evaluate.gold import (
    GoldActor,
    GoldDate,
    GoldEvent,
    GoldFact,
    GoldMembership,
    GoldPlace,
    GoldSet,
    Passage,
    file_digest,
)
from tengri.model import DatePrecision, EventStatus, KBCheck, MembershipRelation
from tengri.ontology import cameo, normalise_mode, normalise_type

_STATUSES = {s.value for s in EventStatus}
_PRECISIONS = {p.value for p in DatePrecision}
_RELATIONS = {r.value for r in MembershipRelation}
_CHECKS = {c.value for c in KBCheck}


class _Problem(Exception):
    """One thing wrong with one gold line; collected and reported together."""


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _Problem(f"date {value!r} is not YYYY-MM-DD") from None


def _actor(value: Any) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Problem(f"actor {value!r} should be an object with 'country' and 'id'")
    return GoldActor(value.get("country"), value.get("id"))


def _actors(value: Any) -> tuple[GoldActor, ...]:
    actor = _actor(value)
    return () if actor is None else (actor,)


def _gold_date(value: Any) -> GoldDate | None:
    if value is None:
        return None
    precision = value.get("precision") or "unknown"
    if precision not in _PRECISIONS:
        raise _Problem(f"date precision {precision!r}; expected one of {sorted(_PRECISIONS)}")
    return GoldDate(_date(value.get("start")), _date(value.get("end")), precision)


def _choice(value: Any, valid: set[str], what: str) -> str | None:
    if value is None:
        return None
    if value not in valid:
        raise _Problem(f"{what} {value!r}; expected one of {sorted(valid)}")
    return str(value)


def _anchor(value: Any, text: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value not in text:
        raise _Problem(f"anchor {value!r} is not an exact substring of the text")
    return value


def _event(raw: dict[str, Any], text: str) -> GoldEvent:
    try:
        plover_type = normalise_type(raw["type"])
        mode = normalise_mode(raw["type"], raw.get("mode"))
        code = raw.get("cameo")
        if code is not None:
            code = cameo(str(code)).code
    except KeyError:
        raise _Problem("an event needs a 'type'") from None
    except OntologyError as exc:
        raise _Problem(str(exc)) from None
    location = raw.get("location")
    return GoldEvent(
        type=plover_type,
        mode=mode,
        cameo=code,
        source=_actors(raw.get("source")),
        target=_actors(raw.get("target")),
        participants=tuple(a for a in map(_actor, raw.get("participants") or ()) if a),
        status=_choice(raw.get("status"), _STATUSES, "status"),
        date=_gold_date(raw.get("date")),
        location=GoldPlace(location.get("country"), location.get("name")) if location else None,
        anchor=_anchor(raw.get("anchor"), text),
    )


def _fact(raw: dict[str, Any], text: str) -> GoldFact:
    if "indicator" not in raw:
        raise _Problem("a fact needs an 'indicator'")
    value = raw.get("value")
    return GoldFact(raw["indicator"], None if value is None else float(value), raw.get("unit"),
                    raw.get("qualifier"), _anchor(raw.get("anchor"), text))


def _membership(raw: dict[str, Any], text: str) -> GoldMembership:
    member = _actor(raw.get("member"))
    if member is None:
        raise _Problem("a membership needs a 'member'")
    organization = (raw.get("organization") or {}).get("id")
    relation = _choice(raw.get("relation"), _RELATIONS, "relation")
    if relation is None:
        raise _Problem("a membership needs a 'relation'")
    return GoldMembership(member, organization, relation,
                          _choice(raw.get("status"), _STATUSES, "status"),
                          _choice(raw.get("kb_check"), _CHECKS, "kb_check"),
                          _anchor(raw.get("anchor"), text))


def _passage(raw: dict[str, Any], texts: Mapping[str, Mapping[str, Any]]) -> Passage:
    if not isinstance(raw, dict) or "id" not in raw:
        raise _Problem("a line must be an object with an 'id'")
    outside = texts.get(raw["id"], {})
    text = raw.get("text") or outside.get("text")
    if not isinstance(text, str) or not text:
        raise _Problem(f"passage {raw['id']!r} has no 'text' (and no text of that id was given)")
    published = raw["published"] if "published" in raw else outside.get("published")
    return Passage(
        id=str(raw["id"]),
        text=text,
        published=_date(published),
        split=raw.get("split") or "dev",
        tags=tuple(raw.get("tags") or ()),
        events=tuple(_event(e, text) for e in raw.get("events") or ()),
        facts=tuple(_fact(f, text) for f in raw.get("facts") or ()),
        memberships=tuple(_membership(m, text) for m in raw.get("memberships") or ()),
        lang=raw.get("lang") or "en",
    )


def _jsonl(path: Path) -> list[tuple[int, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"gold file {path} is not UTF-8 text") from None
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not JSON ({exc.msg}); gold files hold one "
                             "JSON object per line (docs/GOLD.md)") from None
    return rows


def read_tengri(path: Path, texts: Path | None = None, name: str | None = None) -> GoldSet:
    """Read a gold JSONL file; `texts` is a JSONL corpus (`id`, `text`, `published`) for lines
    that carry no text of their own."""
    by_id = {row.get("id"): row for _, row in _jsonl(texts)} if texts else {}
    passages, problems = [], []
    for number, raw in _jsonl(path):
        try:
            passages.append(_passage(raw, by_id))
        except (_Problem, TypeError, ValueError, AttributeError) as exc:
            problems.append(f"{path}:{number}: {exc}")
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise InputError("gold file does not follow docs/GOLD.md: " + "; ".join(problems[:5])
                         + more)
    ids = [p.id for p in passages]
    if len(ids) != len(set(ids)):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        raise InputError(f"{path}: passage ids repeat: {', '.join(repeated[:5])}")
    digest_of = (path, texts) if texts else (path,)
    return GoldSet(name or path.stem, "tengri", path, file_digest(*digest_of), tuple(passages))
