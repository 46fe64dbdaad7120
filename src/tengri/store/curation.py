"""Curation: analysts confirm, reject or edit events, correct who an actor is, merge two events
and split one, and what they decide outlives re-extraction and re-ingestion.

How a decision is kept:
- the event's mentions are *pinned*, so automatic merging never moves a report into or out of
  it (the store's split uses the same mark);
- what the analyst set is kept in `event_curations.overrides`, and `keep_curated_events` puts it
  back whenever the store recomputes the event from its mentions. The store's ingest calls it
  after every batch, so a later report, a near-duplicate regrouping or a replaced document
  never undoes an edit.
Every change writes an audit entry (who, when, before, after, why) in its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from tengri.errors import OntologyError, UsageError
from tengri.model import DatePrecision, EventStatus, LocationPrecision
from tengri.ontology import cameo as cameo_code
from tengri.ontology import default_cameo, is_valid
from tengri.store.audit import Analyst, now_utc, record_change
from tengri.store.browse import NotFoundError
from tengri.store.clusters import refresh_events, release_mention, split_mention
from tengri.store.database import Store
from tengri.store.merging import merge_rules
from tengri.store.schema import (
    event_actors,
    event_curations,
    event_mentions,
    events,
    mention_blocks,
    merge_decisions,
)

EDITABLE = ("type", "mode", "cameo", "status", "date_start", "date_end", "date_precision",
            "location_name", "location_country", "location_lat", "location_lon",
            "location_precision")
SIDES = ("source", "target")
_DATE_COLUMNS = {"date_start", "date_end"}
_VERDICTS = {"confirm": "confirmed", "reject": "rejected", "reopen": None}
SYSTEM = Analyst("tengri", "system")


class CurationError(UsageError):
    """A curation that cannot be applied as asked (the API answers 422)."""


@dataclass(frozen=True, slots=True)
class ActorChoice:
    """The actor an analyst says an event's side is (resolved in the KB by the caller)."""

    id: str | None
    name: str
    country: str | None
    kind: str

    @property
    def key(self) -> str:
        return self.id or self.country or self.name.casefold()


# --- snapshots for the audit log ----------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _event_row(connection: Connection, event_id: int) -> dict[str, Any]:
    row = connection.execute(select(events).where(events.c.id == event_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no event {event_id} in the store; GET /events lists them")
    return dict(row)


def _curation_row(connection: Connection, event_id: int) -> dict[str, Any] | None:
    row = connection.execute(select(event_curations)
                             .where(event_curations.c.event_id == event_id)).mappings().first()
    return dict(row) if row is not None else None


def snapshot(connection: Connection, event_id: int) -> dict[str, Any]:
    """The event's columns and its curation, as JSON, for the audit log."""
    event = {k: _plain(v) for k, v in _event_row(connection, event_id).items()
             if k not in {"created_at", "updated_at"}}
    curation = _curation_row(connection, event_id)
    event["curation"] = None if curation is None else {
        "verdict": curation["verdict"], "overrides": curation["overrides"]}
    return event


# --- keeping decisions --------------------------------------------------------------------

def _column_values(overrides: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in overrides.items():
        if name in SIDES:
            actor = value or {}
            values.update({f"{name}_actor_id": actor.get("id"), f"{name}_name": actor.get("name"),
                           f"{name}_country": actor.get("country"),
                           f"{name}_kind": actor.get("kind")})
        elif name in _DATE_COLUMNS:
            values[name] = dt.date.fromisoformat(value) if value else None
        else:
            values[name] = value
    return values


def _apply(connection: Connection, event_id: int, overrides: dict[str, Any]) -> None:
    connection.execute(update(events).where(events.c.id == event_id)
                       .values(**_column_values(overrides), curated=True))
    for side in SIDES:
        if side not in overrides:
            continue
        connection.execute(delete(event_actors).where(event_actors.c.event_id == event_id,
                                                      event_actors.c.role == side))
        actor = overrides[side]
        if actor:
            choice = ActorChoice(actor.get("id"), actor["name"], actor.get("country"),
                                 actor["kind"])
            connection.execute(insert(event_actors).values(
                event_id=event_id, role=side, actor_key=choice.key, actor_id=choice.id,
                country=choice.country, name=choice.name))


def keep_curated_events(connection: Connection, event_ids: Iterable[int],
                        now: dt.datetime | None = None) -> set[int]:
    """Put analysts' decisions back on these events after the store recomputed them from
    their mentions (call it after `refresh_events`, in the same transaction). An event that is
    gone takes its curation with it (audited), so a later event given the same id starts
    clean. Returns the events whose decisions were put back. Cheap when none of them is
    curated: one indexed read."""
    ids = sorted(set(event_ids))
    kept: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = connection.execute(select(event_curations)
                                  .where(event_curations.c.event_id.in_(chunk))).mappings().all()
        if not rows:
            continue
        present = set(connection.execute(select(events.c.id).where(
            events.c.id.in_([r["event_id"] for r in rows]))).scalars())
        for row in rows:
            if row["event_id"] in present:
                _apply(connection, row["event_id"], dict(row["overrides"] or {}))
                kept.add(row["event_id"])
            else:
                _forget(connection, row, "its last report was replaced or removed", now)
    return kept


def _forget(connection: Connection, row: Any, why: str, now: dt.datetime | None) -> None:
    connection.execute(delete(event_curations)
                       .where(event_curations.c.event_id == row["event_id"]))
    record_change(connection, SYSTEM, "event.vanished", "event", row["event_id"],
                  {"verdict": row["verdict"], "overrides": row["overrides"]}, None, why, now)


def _pin(connection: Connection, event_id: int) -> None:
    """Keep automatic merging away from the event's reports, as the store's split does: pinned,
    and no longer candidates for other reports (their blocking keys go)."""
    connection.execute(update(event_mentions).where(event_mentions.c.event_id == event_id)
                       .values(pinned=True))
    connection.execute(delete(mention_blocks).where(mention_blocks.c.mention_id.in_(
        select(event_mentions.c.id).where(event_mentions.c.event_id == event_id))))


def _save(connection: Connection, event_id: int, analyst: Analyst, now: dt.datetime,
          note: str | None, **values: Any) -> None:
    existing = _curation_row(connection, event_id)
    if existing is None:
        connection.execute(insert(event_curations).values(
            event_id=event_id, verdict=values.get("verdict"),
            overrides=values.get("overrides", {}), note=note, created_by=analyst.who,
            created_at=now, updated_by=analyst.who, updated_at=now))
    else:
        connection.execute(update(event_curations)
                           .where(event_curations.c.event_id == event_id)
                           .values(**values, note=note, updated_by=analyst.who,
                                   updated_at=now))


def _overrides(connection: Connection, event_id: int) -> dict[str, Any]:
    current = _curation_row(connection, event_id)
    return dict(current["overrides"] or {}) if current else {}


# --- verdicts and edits -------------------------------------------------------------------

def set_verdict(store: Store, event_id: int, action: str, analyst: Analyst,
                reason: str | None = None) -> dict[str, Any]:
    """confirm, reject or reopen (clear the verdict) an event; returns it as stored."""
    if action not in _VERDICTS:
        raise CurationError(f"verdict action {action!r}; choose one of {', '.join(_VERDICTS)}")
    now = now_utc()
    with store.write() as connection:
        before = snapshot(connection, event_id)
        _pin(connection, event_id)
        _save(connection, event_id, analyst, now, reason, verdict=_VERDICTS[action],
              overrides=_overrides(connection, event_id))
        connection.execute(update(events).where(events.c.id == event_id).values(curated=True))
        after = snapshot(connection, event_id)
        record_change(connection, analyst, f"event.{action}", "event", event_id, before,
                      after, reason, now)
    return after


def _check_code(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    new_type = changes.get("type", current["type"])
    new_mode = changes.get("mode", current["mode"]) or None
    if "type" in changes or "mode" in changes or "cameo" in changes:
        if ("mode" in changes or "type" in changes) and not is_valid(new_type, new_mode):
            raise CurationError(f"type {new_type!r} with mode {new_mode!r} is not a PLOVER "
                                "type and mode; see GET /api/v1/ontology for the valid ones")
        code = changes.get("cameo")
        if code is None:
            code = current["cameo"] if "type" not in changes else default_cameo(new_type,
                                                                                 new_mode)
        try:
            details = cameo_code(code)
        except OntologyError as exc:
            raise CurationError(str(exc)) from None
        if details.plover_type is not None and details.plover_type != new_type:
            if "type" in changes:
                raise CurationError(f"CAMEO {code} is a {details.plover_type} code, not "
                                    f"{new_type}; change both or only one of them")
            new_type = details.plover_type
        out.update(type=new_type, mode=new_mode, cameo=code, cameo_root=code[:2],
                   goldstein=details.goldstein, quad_class=details.quad_class)
    return out


def _check_dates(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    if not {"date_start", "date_end", "date_precision"} & set(changes):
        return {}
    try:
        precision = DatePrecision(changes.get("date_precision", current["date_precision"]))
        start = changes.get("date_start", current["date_start"])
        end = changes.get("date_end", start if "date_start" in changes and
                          "date_end" not in changes else current["date_end"])
        start = dt.date.fromisoformat(str(start)) if start else None
        end = dt.date.fromisoformat(str(end)) if end else None
    except ValueError as exc:
        raise CurationError(f"dates: {exc}; give YYYY-MM-DD and a precision of "
                            f"{', '.join(p.value for p in DatePrecision)}") from None
    if (start is None) != (end is None):
        raise CurationError("give both date_start and date_end, or neither (unknown date)")
    if start and end and start > end:
        raise CurationError(f"date_start {start} is after date_end {end}")
    if start is None:
        precision = DatePrecision.UNKNOWN
    return {"date_start": start.isoformat() if start else None,
            "date_end": end.isoformat() if end else None, "date_precision": precision.value}


def _check_place(changes: dict[str, Any]) -> dict[str, Any]:
    out = {k: changes[k] for k in ("location_name", "location_country", "location_lat",
                                   "location_lon", "location_precision") if k in changes}
    if "location_precision" in out:
        try:
            out["location_precision"] = LocationPrecision(out["location_precision"]).value
        except ValueError:
            raise CurationError(f"location_precision {out['location_precision']!r}; choose one "
                                f"of {', '.join(p.value for p in LocationPrecision)}") from None
    country = out.get("location_country")
    if country is not None:
        if not (isinstance(country, str) and len(country) == 3 and country.isalpha()):
            raise CurationError(f"location_country {country!r}: give an ISO3 code, e.g. KAZ")
        out["location_country"] = country.upper()
    for name, bound in (("location_lat", 90.0), ("location_lon", 180.0)):
        value = out.get(name)
        if value is not None and not -bound <= float(value) <= bound:
            raise CurationError(f"{name} {value} is outside -{bound:g}..{bound:g}")
    return out


def check_changes(current: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The overrides an edit makes, validated against the ontology; derived columns (Goldstein,
    quad class, CAMEO root) follow the code."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise CurationError(f"cannot edit {', '.join(unknown)}; editable fields are "
                            f"{', '.join(EDITABLE)}")
    if not changes:
        raise CurationError("nothing to change: give at least one of " + ", ".join(EDITABLE))
    out = _check_code(current, changes)
    if "status" in changes:
        try:
            out["status"] = EventStatus(changes["status"]).value
        except ValueError:
            raise CurationError(f"status {changes['status']!r}; choose one of "
                                f"{', '.join(s.value for s in EventStatus)}") from None
    out.update(_check_dates(current, changes))
    out.update(_check_place(changes))
    return out


def edit_event(store: Store, event_id: int, changes: dict[str, Any], analyst: Analyst,
               reason: str | None = None) -> dict[str, Any]:
    """Set some of an event's fields (see EDITABLE); kept over later recomputation."""
    now = now_utc()
    with store.write() as connection:
        before = snapshot(connection, event_id)
        overrides = _overrides(connection, event_id)
        overrides.update(check_changes(_event_row(connection, event_id), changes))
        _pin(connection, event_id)
        _save(connection, event_id, analyst, now, reason, overrides=overrides)
        _apply(connection, event_id, overrides)
        after = snapshot(connection, event_id)
        record_change(connection, analyst, "event.edit", "event", event_id, before, after,
                      reason, now)
    return after


def correct_actor(store: Store, event_id: int, side: str, actor: ActorChoice | None,
                  analyst: Analyst, reason: str | None = None) -> dict[str, Any]:
    """Say who an event's source or target really is (None: nobody named)."""
    if side not in SIDES:
        raise CurationError(f"side {side!r}; choose source or target")
    now = now_utc()
    with store.write() as connection:
        before = snapshot(connection, event_id)
        overrides = _overrides(connection, event_id)
        overrides[side] = asdict(actor) if actor is not None else None
        _pin(connection, event_id)
        _save(connection, event_id, analyst, now, reason, overrides=overrides)
        _apply(connection, event_id, overrides)
        after = snapshot(connection, event_id)
        record_change(connection, analyst, "event.correct_actor", "event", event_id, before,
                      after, reason, now)
    return after


# --- merge and split ----------------------------------------------------------------------

def merge_events(store: Store, keep: int, absorb: int, analyst: Analyst,
                 reason: str | None = None) -> dict[str, Any]:
    """Say `absorb` reports the same event as `keep`: its mentions join `keep` (pinned there)
    and `absorb` is removed (what was decided about it stays in the audit entry)."""
    if keep == absorb:
        raise CurationError(f"cannot merge event {keep} with itself")
    now = now_utc()
    rules = merge_rules()
    with store.write() as connection:
        before = {"kept": snapshot(connection, keep), "absorbed": snapshot(connection, absorb)}
        moved = list(connection.execute(select(event_mentions.c.id).where(
            event_mentions.c.event_id == absorb)).scalars())
        connection.execute(update(event_mentions).where(event_mentions.c.event_id == absorb)
                           .values(event_id=keep))
        _pin(connection, keep)
        if moved:
            connection.execute(update(merge_decisions).where(
                merge_decisions.c.mention_id.in_(moved), merge_decisions.c.current.is_(True))
                .values(current=False))
            connection.execute(insert(merge_decisions), [{
                "mention_id": m, "event_id": keep, "action": "merged",
                "matched_mention_id": None,
                "reasons": [f"event {absorb} merged into event {keep} by {analyst.who}"],
                "score": None, "rules": rules.version, "decided_by": analyst.who,
                "decided_at": now, "current": True, "note": reason} for m in moved])
        _save(connection, keep, analyst, now, reason, overrides=_overrides(connection, keep))
        connection.execute(delete(event_curations).where(event_curations.c.event_id == absorb))
        refresh_events(connection, {keep, absorb}, now)
        keep_curated_events(connection, {keep}, now)
        connection.execute(update(events).where(events.c.id == keep).values(curated=True))
        after = snapshot(connection, keep)
        record_change(connection, analyst, "event.merge", "event", keep, before, after,
                      reason, now)
    return after


def _mention_event(connection: Connection, mention_id: int) -> tuple[int | None, bool]:
    row = connection.execute(select(event_mentions.c.event_id, event_mentions.c.pinned)
                             .where(event_mentions.c.id == mention_id)).first()
    if row is None:
        raise NotFoundError(f"no mention {mention_id} in the store; GET /events/ID lists an "
                            "event's mentions with their ids")
    return row.event_id, bool(row.pinned)


def split_event_mention(store: Store, mention_id: int, analyst: Analyst,
                        reason: str) -> dict[str, Any]:
    """Take a mention out of its event into an event of its own (the store's split); a
    curated event keeps its decisions. Returns the new event."""
    with store.write() as connection:
        old_event, pinned = _mention_event(connection, mention_id)
        if old_event is None:
            raise CurationError(f"mention {mention_id} is in no event")
        count = len(list(connection.execute(select(event_mentions.c.id).where(
            event_mentions.c.event_id == old_event)).scalars()))
        if count < 2:
            raise CurationError(f"mention {mention_id} is the only report of event "
                                f"{old_event}; there is nothing to split it from")
        before = snapshot(connection, old_event)
        curated = _curation_row(connection, old_event) is not None
        if pinned and curated:
            # our pin, not a split's: let the store's split take the mention
            connection.execute(update(event_mentions).where(event_mentions.c.id == mention_id)
                               .values(pinned=False))
    new_event = split_mention(store, mention_id, reason, analyst.who)
    now = now_utc()
    with store.write() as connection:
        keep_curated_events(connection, {old_event}, now)
        after = {"mention": mention_id, "left": snapshot(connection, old_event),
                 "new": snapshot(connection, new_event)}
        record_change(connection, analyst, "event.split", "event", old_event, before, after,
                      reason, now)
    return after["new"]


def release_event_mention(store: Store, mention_id: int, analyst: Analyst,
                          reason: str | None = None) -> int | None:
    """Undo a split: the mention goes back to automatic merging (the store's release)."""
    with store.read() as connection:
        old_event, _ = _mention_event(connection, mention_id)
    event_id = release_mention(store, mention_id, analyst.who)
    now = now_utc()
    with store.write() as connection:
        keep_curated_events(connection, {e for e in (old_event, event_id) if e is not None},
                            now)
        record_change(connection, analyst, "event.release", "event", old_event,
                      {"mention": mention_id, "event_id": old_event},
                      {"mention": mention_id, "event_id": event_id}, reason, now)
    return event_id
