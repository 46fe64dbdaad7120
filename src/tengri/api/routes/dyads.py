"""Dyads: everything about the relations of two states."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from tengri.analytics import DyadProfile, dyad_profile
from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import ISO3, Period, query_model
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.kb.entities import EntityKind
from tengri.store.browse import NotFoundError

router = APIRouter(prefix="/dyads", tags=["dyads"], responses=PROBLEM_RESPONSES)

Code = Annotated[str, Path(pattern=ISO3, description="ISO3 code of a state")]


@router.get("/{first}/{second}", response_model=DyadProfile,
            summary="A dyad's events by type and month, balance, leader meetings, agreements, "
            "facts, shared memberships and latest events")
def dyad(_: Reader, store: StoreDep, kb: KBDep, first: Code, second: Code,
         period: query_model(Period),  # type: ignore[valid-type]
         latest: Annotated[int, Query(ge=0, le=100)] = 10) -> DyadProfile:
    for code in (first, second):
        entity = kb.get(code.upper())
        if entity is None or entity.kind != EntityKind.STATE:
            raise NotFoundError(f"no state {code!r} in the knowledge base; give ISO3 codes "
                                "such as KAZ and RUS")
    return dyad_profile(store, kb, first, second, since=period.since, until=period.until,
                        latest=latest)
