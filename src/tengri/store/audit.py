"""The audit log: every change an analyst or an administrator makes, with who, when, the record
before and after, and why. Entries are only ever added, in the same transaction as the change
they describe, so a change is never stored without its entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from tengri.store.database import Store
from tengri.store.schema import audit_log

MAX_AUDIT_PAGE = 500


@dataclass(frozen=True, slots=True)
class Analyst:
    """Who makes a change: the API key's name (or the CLI user) and the role it acts in."""

    who: str
    role: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: dt.datetime
    who: str
    role: str
    action: str
    target_kind: str
    target_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None


def now_utc() -> dt.datetime:
    """The time stored with changes: UTC without a zone, like the rest of the store."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def record_change(connection: Connection, analyst: Analyst, action: str, target_kind: str,
                  target_id: object, before: dict[str, Any] | None,
                  after: dict[str, Any] | None, reason: str | None,
                  at: dt.datetime | None = None) -> int:
    """Add one entry (inside the caller's write transaction); returns its id."""
    return int(connection.execute(insert(audit_log).returning(audit_log.c.id).values(
        at=at or now_utc(), who=analyst.who, role=analyst.role, action=action,
        target_kind=target_kind, target_id=str(target_id), before=before, after=after,
        reason=reason)).scalar_one())


def list_audit(store: Store, *, target_kind: str | None = None, target_id: str | None = None,
               who: str | None = None, action: str | None = None, before_id: int | None = None,
               limit: int = 100) -> list[AuditEntry]:
    """Entries, newest first; `before_id` pages on from the last entry of a previous page."""
    c = audit_log.c
    query = select(audit_log).order_by(c.id.desc()).limit(max(1, min(limit, MAX_AUDIT_PAGE)))
    if target_kind:
        query = query.where(c.target_kind == target_kind)
    if target_id:
        query = query.where(c.target_id == target_id)
    if who:
        query = query.where(c.who == who)
    if action:
        query = query.where(c.action == action)
    if before_id is not None:
        query = query.where(c.id < before_id)
    with store.read() as connection:
        return [AuditEntry(**dict(row)) for row in connection.execute(query).mappings()]
