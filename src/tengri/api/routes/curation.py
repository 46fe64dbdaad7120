"""Curation (curator or admin keys): confirm, reject or reopen an event, edit its fields,
correct who an actor is, merge two events, split a report off and release it again. Every
change is written to the audit log with the key's name and the reason given."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from tengri.analytics import resolve_actor
from tengri.api.deps import Curator, KBDep, StoreDep
from tengri.api.params import Limit
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import (
    ActorCorrection,
    CuratedEventOut,
    CurationOut,
    EventEdit,
    MergeRequest,
    Reason,
    SplitRequest,
)
from tengri.errors import UsageError
from tengri.store.browse import list_curations, require_event
from tengri.store.curation import (
    ActorChoice,
    correct_actor,
    edit_event,
    merge_events,
    release_event_mention,
    set_verdict,
    split_event_mention,
)

router = APIRouter(tags=["curation"], responses=PROBLEM_RESPONSES)

EventId = Annotated[int, Path(ge=1, le=2**53)]
MentionId = Annotated[int, Path(ge=1, le=2**53)]


def _verdict(action: str):  # type: ignore[no-untyped-def]
    def route(caller: Curator, store: StoreDep, event_id: EventId,
              body: Reason | None = None) -> CuratedEventOut:
        require_event(store, event_id)
        return CuratedEventOut(event=set_verdict(store, event_id, action, caller.analyst,
                                                 body.reason if body else None))

    route.__name__ = f"{action}_event"
    route.__doc__ = {"confirm": "Confirm the event: it is right as it stands.",
                     "reject": "Reject the event: it is not a real event (it leaves listings "
                               "unless review=rejected or all).",
                     "reopen": "Clear the event's verdict."}[action]
    return route


for _action in ("confirm", "reject", "reopen"):
    router.add_api_route(f"/events/{{event_id}}/{_action}", _verdict(_action), methods=["POST"],
                         response_model=CuratedEventOut, summary=f"{_action.title()} an event")


@router.patch("/events/{event_id}", response_model=CuratedEventOut,
              summary="Edit an event's fields (kept over re-extraction and re-ingestion)")
def edit(caller: Curator, store: StoreDep, event_id: EventId,
         body: EventEdit) -> CuratedEventOut:
    require_event(store, event_id)
    return CuratedEventOut(event=edit_event(store, event_id, body.changes(), caller.analyst,
                                            body.reason))


@router.put("/events/{event_id}/actors/{side}", response_model=CuratedEventOut,
            summary="Correct who the event's source or target is")
def correct(caller: Curator, store: StoreDep, kb: KBDep, event_id: EventId,
            side: Literal["source", "target"], body: ActorCorrection) -> CuratedEventOut:
    require_event(store, event_id)
    choice = None
    if body.actor is not None:
        entity = kb.get(body.actor.strip())
        if entity is None:
            raise UsageError(f"unknown actor id {body.actor!r}; GET /api/v1/actors/resolve"
                             "?name=… finds an actor's id")
        ref = resolve_actor(kb, entity.id)
        choice = ActorChoice(ref.id, ref.name, ref.country, ref.kind if ref.kind != "igo"
                             else "igo")
    return CuratedEventOut(event=correct_actor(store, event_id, side, choice, caller.analyst,
                                               body.reason))


@router.post("/events/{event_id}/merge", response_model=CuratedEventOut,
             summary="Merge another event into this one (the same real-world event)")
def merge(caller: Curator, store: StoreDep, event_id: EventId,
          body: MergeRequest) -> CuratedEventOut:
    require_event(store, event_id)
    require_event(store, body.absorb)
    return CuratedEventOut(event=merge_events(store, event_id, body.absorb, caller.analyst,
                                              body.reason))


@router.post("/mentions/{mention_id}/split", response_model=CuratedEventOut,
             summary="Take a report out of its event into an event of its own")
def split(caller: Curator, store: StoreDep, mention_id: MentionId,
          body: SplitRequest) -> CuratedEventOut:
    return CuratedEventOut(event=split_event_mention(store, mention_id, caller.analyst,
                                                     body.reason))


@router.post("/mentions/{mention_id}/release", response_model=dict[str, int | None],
             summary="Undo a split: the report goes back to automatic merging")
def release(caller: Curator, store: StoreDep, mention_id: MentionId,
            body: Reason | None = None) -> dict[str, int | None]:
    event_id = release_event_mention(store, mention_id, caller.analyst,
                                     body.reason if body else None)
    return {"mention_id": mention_id, "event_id": event_id}


@router.get("/curations", response_model=list[CurationOut],
            summary="Analysts' decisions, latest first")
def curations(_: Curator, store: StoreDep,
              verdict: Annotated[Literal["confirmed", "rejected"] | None, Query()] = None,
              limit: Limit = 100) -> list[CurationOut]:
    return [c for c in (CurationOut.of(x) for x in list_curations(store, verdict, limit)) if c]
