"""The profile of one actor (a state, a person or an IGO): its counterparts ranked by how
often they interact, its activity over time, cooperation and conflict, its memberships and the
offices it held (for a state: who led it) from the KB, and its latest events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, case, func, select

from tengri.analytics.knowledge import leaders_of, members_of, memberships_of, offices_held
from tengri.analytics.naming import ActorRef
from tengri.analytics.periods import Granularity
from tengri.analytics.reads import Selection, balance, by_bucket, by_type, latest_events
from tengri.analytics.records import (
    Balance,
    Bucket,
    Count,
    EventBrief,
    MembershipSpan,
    OfficeTerm,
)
from tengri.kb import KnowledgeBase
from tengri.model import Record
from tengri.store import EventFilter, Store
from tengri.store.browse import Review
from tengri.store.schema import event_actors, events


@dataclass(frozen=True, slots=True)
class Counterpart(Record):
    key: str  # a country code for a state's profile, else an actor key
    name: str
    events: int
    goldstein_sum: float
    cooperation: int
    conflict: int


@dataclass(frozen=True, slots=True)
class ActorProfile(Record):
    actor: ActorRef
    since: dt.date | None
    until: dt.date | None
    balance: Balance
    by_type: list[Count]
    activity: list[Bucket]  # by month
    counterparts: list[Counterpart]
    memberships: list[MembershipSpan]  # a state's organisations; an IGO's members
    offices: list[OfficeTerm]  # a person's terms; a state's or IGO's leaders in the period
    latest: list[EventBrief]


def actor_filter(actor: ActorRef, since: dt.date | None, until: dt.date | None) -> EventFilter:
    """A state takes part through anyone of its own (its president, its ministries)."""
    if actor.kind == "state":
        return EventFilter(country=actor.id, since=since, until=until)
    return EventFilter(actor=actor.id, since=since, until=until)


def _counterparts(connection: Connection, actor: ActorRef, selection: Selection,
                  limit: int) -> list[Counterpart]:
    mine = event_actors.alias("mine")
    other = event_actors.alias("other")
    if actor.kind == "state":
        key = other.c.country
        is_me = mine.c.country == actor.id
        not_me = other.c.country != actor.id
    else:
        key = other.c.actor_key
        is_me = mine.c.actor_id == actor.id
        # a person acts for their own state: it is no counterpart of theirs
        not_me = other.c.actor_key.not_in([actor.id, actor.country or actor.id])
    chosen = select(events.c.id).where(*selection.conditions(connection),
                                       select(mine.c.event_id).where(
                                           mine.c.event_id == events.c.id, is_me).exists())
    per_event = (select(other.c.event_id, key.label("key"), func.min(other.c.name).label("name"))
                 .where(other.c.event_id.in_(chosen), key.is_not(None), not_me)
                 .group_by(other.c.event_id, key).subquery())
    rows = connection.execute(select(
        per_event.c.key, func.min(per_event.c.name), func.count(),
        func.coalesce(func.sum(events.c.goldstein), 0.0),
        func.sum(case((events.c.quad_class.in_((1, 2)), 1), else_=0)),
        func.sum(case((events.c.quad_class.in_((3, 4)), 1), else_=0)))
        .join(events, events.c.id == per_event.c.event_id)
        .group_by(per_event.c.key)
        .order_by(func.count().desc(), per_event.c.key).limit(limit)).all()
    return [Counterpart(k, name or k, int(n), round(float(g), 2), int(coop or 0),
                        int(conflict or 0)) for k, name, n, g, coop, conflict in rows]


def _kb_context(kb: KnowledgeBase, actor: ActorRef, since: dt.date | None,
                until: dt.date | None) -> tuple[list[MembershipSpan], list[OfficeTerm]]:
    if actor.kind == "state":
        return memberships_of(kb, actor.id), leaders_of(kb, actor.id, since, until)
    if actor.kind == "igo":
        return members_of(kb, actor.id), leaders_of(kb, actor.id, since, until)
    if actor.kind == "person":
        return [], offices_held(kb, actor.id)
    return [], []


def actor_profile(store: Store, kb: KnowledgeBase, actor: ActorRef, *,
                  since: dt.date | None = None, until: dt.date | None = None,
                  review: Review = Review.ACTIVE, counterparts: int = 20,
                  latest: int = 10) -> ActorProfile:
    selection = Selection(actor_filter(actor, since, until), review)
    memberships, offices = _kb_context(kb, actor, since, until)
    with store.read() as connection:
        activity = by_bucket(connection, selection, Granularity.MONTH)
        return ActorProfile(
            actor=actor, since=since, until=until, balance=balance(connection, selection),
            by_type=by_type(connection, selection),
            activity=[activity[k] for k in sorted(activity)],
            counterparts=_counterparts(connection, actor, selection, counterparts),
            memberships=memberships, offices=offices,
            latest=latest_events(connection, selection, latest))
