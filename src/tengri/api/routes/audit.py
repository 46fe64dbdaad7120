"""The audit log (curator or admin keys): every change, who made it, when, before and after,
and why; filtered by target, person or action, newest first."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from tengri.api.deps import Curator, StoreDep
from tengri.api.params import Limit
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import AuditEntryOut, AuditPageOut
from tengri.store.audit import list_audit

router = APIRouter(tags=["audit"], responses=PROBLEM_RESPONSES)


def _page(entries: list, limit: int) -> AuditPageOut:  # type: ignore[type-arg]
    items = [AuditEntryOut.model_validate(e, from_attributes=True) for e in entries]
    return AuditPageOut(items=items, next_before=items[-1].id if len(items) == limit else None)


@router.get("/audit", response_model=AuditPageOut, summary="Audit entries, newest first")
def audit(_: Curator, store: StoreDep,
          target_kind: Annotated[Literal["event", "key", "run"] | None, Query()] = None,
          target_id: Annotated[str | None, Query(max_length=60, pattern=r"^[0-9]+$")] = None,
          who: Annotated[str | None, Query(max_length=100)] = None,
          action: Annotated[str | None, Query(max_length=40,
                                              pattern=r"^[a-z_]+\.[a-z_]+$")] = None,
          before: Annotated[int | None, Query(ge=1, le=2**53)] = None,
          limit: Limit = 100) -> AuditPageOut:
    return _page(list_audit(store, target_kind=target_kind, target_id=target_id, who=who,
                            action=action, before_id=before, limit=limit), limit)


@router.get("/events/{event_id}/audit", response_model=AuditPageOut,
            summary="The audit trail of one event, newest first")
def event_audit(_: Curator, store: StoreDep, event_id: Annotated[int, Path(ge=1, le=2**53)],
                limit: Limit = 100) -> AuditPageOut:
    return _page(list_audit(store, target_kind="event", target_id=str(event_id), limit=limit),
                 limit)
