"""The profile of a dyad (two states, e.g. KAZ–RUS): what happened between them, how
cooperative it was, who met whom at the top, what they signed, the numbers reported about them,
the organisations they share, and the latest events with the sentence they were read in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, or_, select

from tengri.analytics.knowledge import leading_office, name_of, shared_memberships
from tengri.analytics.reads import (
    Selection,
    balance,
    by_month_and_type,
    by_type,
    events_where,
    latest_events,
)
from tengri.analytics.records import (
    Balance,
    Count,
    EventBrief,
    FactBrief,
    LeaderMeeting,
    MonthTypeCount,
    SharedMembership,
)
from tengri.errors import UsageError
from tengri.kb import KnowledgeBase
from tengri.kb.entities import EntityKind
from tengri.model import Record
from tengri.store import EventFilter, Store
from tengri.store.browse import Review, facts_query, stored_fact
from tengri.store.schema import event_mentions, events, facts
from tengri.store.schema.workbench import EVENT_WHEN

AGREEMENT_CODES = ("057",)  # sign a formal agreement (CODING.md §2)
MAX_LIST = 200


@dataclass(frozen=True, slots=True)
class DyadProfile(Record):
    first: str
    second: str
    first_name: str
    second_name: str
    since: dt.date | None
    until: dt.date | None
    balance: Balance
    directions: dict[str, Balance]  # "KAZ->RUS", "RUS->KAZ"
    by_type: list[Count]
    by_month: list[MonthTypeCount]
    leader_meetings: list[LeaderMeeting]
    agreements: list[EventBrief]
    facts: list[FactBrief]
    shared_memberships: list[SharedMembership]
    latest: list[EventBrief]


def check_state(kb: KnowledgeBase, code: str) -> str:
    value = code.strip().upper()
    entity = kb.get(value)
    if entity is None or entity.kind != EntityKind.STATE:
        raise UsageError(f"{code!r} is not a state in the knowledge base; give an ISO3 code "
                         "such as KAZ or RUS (`tengri actors NAME` finds one)")
    return value


def _leader_meetings(connection: Connection, kb: KnowledgeBase, selection: Selection,
                     limit: int) -> list[LeaderMeeting]:
    conditions = [*selection.conditions(), events.c.type == "CONSULT",
                  events.c.source_kind == "person", events.c.target_kind == "person"]
    out: list[LeaderMeeting] = []
    for event in events_where(connection, conditions, limit=MAX_LIST):
        on = event.date_start
        source_office = leading_office(kb, event.source.id if event.source else None, on)
        target_office = leading_office(kb, event.target.id if event.target else None, on)
        if source_office and target_office:
            out.append(LeaderMeeting(event, source_office, target_office))
        if len(out) >= limit:
            break
    return out


def _facts(connection: Connection, first: str, second: str, selection: Selection,
           limit: int) -> list[FactBrief]:
    pair = (first, second)
    c = facts.c
    by_actors = or_(and_(c.origin_country == first, c.destination_country == second),
                    and_(c.origin_country == second, c.destination_country == first),
                    and_(c.subject_country.in_(pair),
                         or_(c.origin_country.in_(pair), c.destination_country.in_(pair))))
    dyad_documents = (select(event_mentions.c.document_id)
                      .join(events, events.c.id == event_mentions.c.event_id)
                      .where(*selection.conditions()))
    only_dyad = and_(*(or_(col.is_(None), col.in_(pair)) for col in
                       (c.subject_country, c.origin_country, c.destination_country)))
    by_document = and_(c.document_id.in_(dyad_documents), only_dyad)
    rows = connection.execute(facts_query(or_(by_actors, by_document))
                              .order_by(c.id.desc()).limit(limit)).mappings().all()
    out = []
    for row in rows:
        fact = stored_fact(row)
        linked = "actors" if ({fact.origin_country, fact.destination_country,
                               fact.subject_country} - {None}) and (
            {fact.origin_country, fact.destination_country} == set(pair)
            or fact.subject_country in pair) else "document"
        out.append(FactBrief(fact.id, fact.indicator, fact.value, fact.qualifier, fact.unit,
                             fact.subject_country, fact.origin_country,
                             fact.destination_country, fact.period_start, fact.period_end,
                             fact.sentence, fact.document_id, fact.published, linked))
    return out


def dyad_profile(store: Store, kb: KnowledgeBase, first: str, second: str, *,
                 since: dt.date | None = None, until: dt.date | None = None,
                 review: Review = Review.ACTIVE, latest: int = 10) -> DyadProfile:
    """Everything about the relations of two states in [since, until] (either direction)."""
    a, b = check_state(kb, first), check_state(kb, second)
    if a == b:
        raise UsageError(f"a dyad needs two different states, not {a} twice")
    both = Selection(EventFilter(dyad=(a, b), since=since, until=until), review)
    forward = Selection(EventFilter(dyad=(a, b), directed=True, since=since, until=until),
                        review)
    backward = Selection(EventFilter(dyad=(b, a), directed=True, since=since, until=until),
                         review)
    agreements = [*both.conditions(), events.c.cameo.in_(AGREEMENT_CODES)]
    with store.read() as connection:
        return DyadProfile(
            first=a, second=b, first_name=name_of(kb, a), second_name=name_of(kb, b),
            since=since, until=until, balance=balance(connection, both),
            directions={f"{a}->{b}": balance(connection, forward),
                        f"{b}->{a}": balance(connection, backward)},
            by_type=by_type(connection, both), by_month=by_month_and_type(connection, both),
            leader_meetings=_leader_meetings(connection, kb, both, latest * 2),
            agreements=events_where(connection, agreements, limit=latest * 2,
                                    order=(EVENT_WHEN.desc(), events.c.id.desc())),
            facts=_facts(connection, a, b, both, latest * 2),
            shared_memberships=shared_memberships(kb, a, b),
            latest=latest_events(connection, both, latest))
