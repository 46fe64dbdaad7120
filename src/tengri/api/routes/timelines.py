"""Timelines with the intensity index and spikes, and interaction networks, over any filter
of GET /events."""

from __future__ import annotations

from fastapi import APIRouter

from tengri.analytics import Network, Selection, Timeline, interaction_network, timeline
from tengri.api.deps import KBDep, Reader, StoreDep
from tengri.api.params import NetworkQuery, TimelineQuery, check_known, query_model
from tengri.api.problems import PROBLEM_RESPONSES

router = APIRouter(tags=["analytics"], responses=PROBLEM_RESPONSES)


@router.get("/timeline", response_model=Timeline,
            summary="Events per day, week or month with cooperation and conflict, and spikes "
            "with the events behind them")
def events_timeline(_: Reader, store: StoreDep, kb: KBDep,
                    query: query_model(TimelineQuery)) -> Timeline:  # type: ignore[valid-type]
    check_known(kb, query, store)
    return timeline(store, Selection(query.event_filter(), query.review), query.granularity)


@router.get("/network", response_model=Network,
            summary="Who interacts with whom: weighted directed edges and centrality")
def network(_: Reader, store: StoreDep, kb: KBDep,
            query: query_model(NetworkQuery)) -> Network:  # type: ignore[valid-type]
    check_known(kb, query, store)
    return interaction_network(store, Selection(query.event_filter(), query.review),
                               query.level, query.min_events, kb)
