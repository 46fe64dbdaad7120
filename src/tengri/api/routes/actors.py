"""Actors: the ones the store has seen, what a name resolves to in the KB, and an actor's
profile (counterparts, activity, memberships, offices)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from tengri.analytics import ActorProfile, ActorRef, actor_profile, resolve_actor
from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import ACTOR_ID, Limit, Period, query_model
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import Page
from tengri.errors import UsageError
from tengri.store.browse import NotFoundError, StoredActor, find_actors

router = APIRouter(prefix="/actors", tags=["actors"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Page[StoredActor],
            summary="Actors the store has seen (KB ids), with their event counts")
def list_actors(_: Reader, store: StoreDep,
                q: Annotated[str | None, Query(min_length=1, max_length=200,
                                               description="part of the name, or an id")] = None,
                kind: Annotated[Literal["state", "person", "igo", "organization",
                                        "group"] | None, Query()] = None,
                country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$")] = None,
                after: Annotated[str | None, Query(max_length=120)] = None,
                limit: Limit = 50) -> Page[StoredActor]:
    items = find_actors(store, text=q, kind=kind, country=country, after_id=after, limit=limit)
    return Page[StoredActor](items=items,
                             next=items[-1].id if len(items) == limit else None)


@router.get("/resolve", response_model=ActorRef,
            summary="The actor a name or id means in the knowledge base")
def resolve(_: Reader, kb: KBDep,
            name: Annotated[str, Query(min_length=1, max_length=200)]) -> ActorRef:
    try:
        return resolve_actor(kb, name)
    except UsageError as exc:
        raise NotFoundError(str(exc)) from None


@router.get("/{actor_id}/profile", response_model=ActorProfile,
            summary="An actor's counterparts, activity, balance, memberships and offices")
def profile(_: Reader, store: StoreDep, kb: KBDep,
            actor_id: Annotated[str, Path(pattern=ACTOR_ID)],
            period: query_model(Period),  # type: ignore[valid-type]
            counterparts: Annotated[int, Query(ge=1, le=200)] = 20,
            latest: Annotated[int, Query(ge=0, le=100)] = 10) -> ActorProfile:
    entity = kb.get(actor_id) or kb.get(actor_id.upper())
    if entity is None:
        raise NotFoundError(f"no actor {actor_id!r} in the knowledge base; GET "
                            "/api/v1/actors/resolve?name=… finds an actor's id")
    return actor_profile(store, kb, resolve_actor(kb, entity.id), since=period.since,
                         until=period.until, counterparts=counterparts, latest=latest)
