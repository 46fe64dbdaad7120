"""Events: the filters of `tengri events`, sorted and paged with a cursor; one event with its
reports, the sentence each was read in and why it was merged; its audit trail."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import EventListQuery, check_known, query_model
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import EventDetailOut, EventOut, EventPageOut
from tengri.store import get_event
from tengri.store.browse import browse_events, curations_of, require_event

router = APIRouter(prefix="/events", tags=["events"], responses=PROBLEM_RESPONSES)

EventId = Annotated[int, Path(ge=1, le=2**53, description="the event's id")]


@router.get("", response_model=EventPageOut, summary="Events matching the filters, one page")
def list_events(_: Reader, store: StoreDep, kb: KBDep,
                query: query_model(EventListQuery)) -> EventPageOut:  # type: ignore[valid-type]
    check_known(kb, query, store)
    page = browse_events(store, query.event_filter(), review=query.review, sort=query.sort,
                         descending=query.order == "desc", cursor=query.cursor,
                         limit=query.limit, with_total=query.count)
    return EventPageOut(items=[EventOut.of(e, page.curations.get(e.id)) for e in page.items],
                        next_cursor=page.next_cursor, total=page.total)


@router.get("/{event_id}", response_model=EventDetailOut,
            summary="One event with every report, its evidence and merge decisions")
def one_event(_: Reader, store: StoreDep, event_id: EventId) -> EventDetailOut:
    require_event(store, event_id)
    return EventDetailOut.of(get_event(store, event_id),
                             curations_of(store, [event_id]).get(event_id))
