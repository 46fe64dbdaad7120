"""Facts (numbers stated about the world), membership claims, and the claims that disagree
with the knowledge base."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from tengri.analytics import ClaimConflict, claim_conflicts
from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import ACTOR_ID, Limit, Period, query_model
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import Page
from tengri.store.browse import (
    FactFilter,
    MembershipFilter,
    StoredFact,
    StoredMembership,
    find_facts,
    find_memberships,
)

router = APIRouter(tags=["claims"], responses=PROBLEM_RESPONSES)

After = Annotated[int | None, Query(ge=0, le=2**53, description="`next` of the page before")]


@router.get("/facts", response_model=Page[StoredFact], summary="Facts, in id order")
def facts(_: Reader, store: StoreDep, period: query_model(Period),  # type: ignore[valid-type]
          country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
          indicator: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,60}$")] = None,
          document_id: Annotated[int | None, Query(ge=1, le=2**53)] = None,
          after: After = None, limit: Limit = 50) -> Page[StoredFact]:
    items = find_facts(store, FactFilter(country, indicator, document_id, period.since,
                                         period.until), after_id=after, limit=limit)
    return Page[StoredFact](items=items,
                            next=str(items[-1].id) if len(items) == limit else None)


@router.get("/memberships", response_model=Page[StoredMembership],
            summary="Membership claims with their KB check, in id order")
def memberships(_: Reader, store: StoreDep,
                member: Annotated[str | None, Query(pattern=ACTOR_ID)] = None,
                organization: Annotated[str | None, Query(pattern=ACTOR_ID)] = None,
                kb_check: Annotated[Literal["consistent", "conflict", "unknown"] | None,
                                    Query()] = None,
                relation: Annotated[Literal["member", "observer", "partner", "joined", "left",
                                            "applied", "suspended"] | None, Query()] = None,
                after: After = None, limit: Limit = 50) -> Page[StoredMembership]:
    items = find_memberships(store, MembershipFilter(member, organization, kb_check, relation),
                             after_id=after, limit=limit)
    return Page[StoredMembership](items=items,
                                  next=str(items[-1].id) if len(items) == limit else None)


@router.get("/conflicts", response_model=list[ClaimConflict],
            summary="Membership and office claims in the news that disagree with the KB")
def conflicts(_: Reader, store: StoreDep, kb: KBDep,
              period: query_model(Period),  # type: ignore[valid-type]
              kind: Annotated[Literal["membership", "office"] | None, Query()] = None,
              limit: Limit = 100) -> list[ClaimConflict]:
    kinds = (kind,) if kind else ("membership", "office")
    return claim_conflicts(store, kb, since=period.since, until=period.until, kinds=kinds,
                           limit=limit)


