"""Query parameters, validated before any route runs: ISO3 codes, dates, enums, capped page
sizes and bounded strings. Values reach the store only as bound parameters; these checks make
bad input a 400 that says what is valid, instead of an empty answer or an error inside."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import BaseModel, ConfigDict, Field, model_validator

from tengri.analytics import Granularity, NetworkLevel
from tengri.errors import UsageError
from tengri.kb import KnowledgeBase
from tengri.kb.entities import EntityKind
from tengri.model import EventStatus
from tengri.ontology import PLOVER_TYPES
from tengri.store import EventFilter, Store
from tengri.store.browse import MAX_PAGE, EventSort, Review, get_actor

ISO3 = r"^[A-Za-z]{3}$"
ACTOR_ID = r"^[A-Za-z0-9:._\-]{2,120}$"

PloverType = StrEnum("PloverType", {t: t for t in PLOVER_TYPES})  # type: ignore[misc]


class Period(BaseModel):
    since: dt.date | None = Field(None, description="on or after (YYYY-MM-DD)")
    until: dt.date | None = Field(None, description="on or before (YYYY-MM-DD)")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self


class EventQuery(Period):
    """The filters of `tengri events`, plus the analysts' review state; an unknown parameter
    is an error (a misspelt filter would otherwise silently match everything)."""

    model_config = ConfigDict(extra="forbid")

    actor: str | None = Field(None, min_length=1, max_length=200,
                              description="KB id (person:vladimir-putin, KAZ) or part of a "
                              "name, in any role")
    country: str | None = Field(None, pattern=ISO3, description="ISO3 of an actor in any role")
    dyad: str | None = Field(None, pattern=r"^[A-Za-z]{3}[-–][A-Za-z]{3}$",
                             description="two ISO3 codes, e.g. KAZ-RUS (either direction "
                             "unless directed)")
    directed: bool = Field(False, description="the dyad only source->target")
    type: PloverType | None = Field(None, description="PLOVER type")  # type: ignore[valid-type]
    cameo_root: str | None = Field(None, pattern=r"^\d{2}$", description="CAMEO root, e.g. 04")
    status: EventStatus | None = None
    place: str | None = Field(None, min_length=1, max_length=200,
                              description="part of the place name, or its ISO3")
    text: str | None = Field(None, min_length=2, max_length=200,
                             description="words in a report's sentence or its title")
    min_sources: int | None = Field(None, ge=1, le=1000)
    review: Review = Field(Review.ACTIVE, description="active (not rejected), all, "
                           "confirmed, rejected, curated or unreviewed")

    def event_filter(self) -> EventFilter:
        return EventFilter(
            actor=self.actor, country=self.country.upper() if self.country else None,
            dyad=EventFilter.parse_dyad(self.dyad) if self.dyad else None,
            directed=self.directed, type=self.type.value if self.type else None,
            cameo_root=self.cameo_root, status=self.status.value if self.status else None,
            since=self.since, until=self.until, place=self.place, text=self.text,
            min_sources=self.min_sources)

    def codes(self) -> list[str]:
        """The country codes given, to check against the KB."""
        out = [self.country.upper()] if self.country else []
        if self.dyad:
            out += list(EventFilter.parse_dyad(self.dyad))
        return out


class EventListQuery(EventQuery):
    sort: EventSort = EventSort.DATE
    order: Literal["asc", "desc"] = "desc"
    cursor: str | None = Field(None, max_length=400, description="next_cursor of the page "
                               "before")
    limit: int = Field(50, ge=1, le=MAX_PAGE)
    count: bool = Field(False, description="also count every match (slower)")


class TimelineQuery(EventQuery):
    granularity: Granularity = Granularity.MONTH


class NetworkQuery(EventQuery):
    level: NetworkLevel = NetworkLevel.COUNTRY
    min_events: int = Field(1, ge=1, le=100000)


def query_model(model: type[BaseModel]) -> Any:
    """`Annotated[model, Query()]`: a pydantic model read from the query string."""
    return Annotated[model, Query()]


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"at most {MAX_PAGE}")]


def check_known(kb: KnowledgeBase, query: EventQuery, store: Store) -> None:
    """Country codes must be states the KB knows, and an actor given by id ("person:…") one
    the KB or the store knows: an unknown one is a 400, not an empty answer."""
    for code in query.codes():
        entity = kb.get(code)
        if entity is None or entity.kind != EntityKind.STATE:
            raise UsageError(f"unknown country code {code!r}; give the ISO3 code of a state, "
                             "e.g. KAZ, RUS, CHN")
    actor = query.actor.strip() if query.actor else None
    if actor and ":" in actor and kb.get(actor) is None and get_actor(store, actor) is None:
        raise UsageError(f"unknown actor id {actor!r}; GET /api/v1/actors/resolve?name=… "
                         "finds an actor's id")
