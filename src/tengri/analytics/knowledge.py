"""What the knowledge base adds to a profile: names, memberships with their dates, shared
memberships of a dyad, offices held, and whether a person led their state on a day."""

from __future__ import annotations

import datetime as dt

from tengri.analytics.records import Interval, MembershipSpan, OfficeTerm, SharedMembership
from tengri.kb import KnowledgeBase

LEADING_ROLES = frozenset({"head_of_state", "head_of_government"})
# KB membership kinds that make a state part of an organisation (not an applicant or former)
_BELONGING = frozenset({"member", "observer", "partner", "dialogue_partner", "associate"})


def name_of(kb: KnowledgeBase, entity_id: str | None, fallback: str | None = None) -> str:
    entity = kb.get(entity_id) if entity_id else None
    return entity.name if entity is not None else (fallback or entity_id or "")


def memberships_of(kb: KnowledgeBase, member: str) -> list[MembershipSpan]:
    """The organisations a state is (or was) in, each with its KB periods."""
    spans: dict[str, list[Interval]] = {}
    for m in kb.memberships_of(member=member):
        spans.setdefault(m.organization, []).append(
            Interval(m.kind, m.when.start, m.when.end, m.source))
    return [MembershipSpan(org, name_of(kb, org), sorted(p, key=_start))
            for org, p in sorted(spans.items(), key=lambda kv: name_of(kb, kv[0]))]


def members_of(kb: KnowledgeBase, organization: str) -> list[MembershipSpan]:
    """The members (observers, partners …) of an organisation, each with its KB periods."""
    spans: dict[str, list[Interval]] = {}
    for m in kb.memberships_of(organization=organization):
        spans.setdefault(m.member, []).append(Interval(m.kind, m.when.start, m.when.end,
                                                       m.source))
    return [MembershipSpan(member, name_of(kb, member), sorted(p, key=_start))
            for member, p in sorted(spans.items())]


def _start(interval: Interval) -> dt.date:
    return interval.start or dt.date.min


def _together(first: list[Interval], second: list[Interval],
              ) -> tuple[dt.date | None, dt.date | None] | None:
    """The last span when both belonged (half-open), or None when they never overlapped."""
    best: tuple[dt.date | None, dt.date | None] | None = None
    for a in first:
        for b in second:
            start = max(a.start or dt.date.min, b.start or dt.date.min)
            end = min(a.end or dt.date.max, b.end or dt.date.max)
            if start < end and (best is None or start >= (best[0] or dt.date.min)):
                best = (None if start == dt.date.min else start,
                        None if end == dt.date.max else end)
    return best


def shared_memberships(kb: KnowledgeBase, first: str, second: str) -> list[SharedMembership]:
    """Organisations both states belonged to at some time, with when both did."""
    a = {s.organization: s for s in memberships_of(kb, first)}
    b = {s.organization: s for s in memberships_of(kb, second)}
    out: list[SharedMembership] = []
    for org in sorted(set(a) & set(b), key=lambda o: a[o].name):
        mine = [p for p in a[org].periods if p.kind in _BELONGING]
        theirs = [p for p in b[org].periods if p.kind in _BELONGING]
        span = _together(mine, theirs)
        if span is None:
            continue
        out.append(SharedMembership(org, a[org].name, a[org].periods, b[org].periods, *span))
    return out


def offices_held(kb: KnowledgeBase, person: str) -> list[OfficeTerm]:
    """Every term the KB records for a person, earliest first."""
    out = []
    for term in kb.terms_of(person):
        office = kb.offices.get(term.office)
        out.append(OfficeTerm(term.office, office.title if office else term.office,
                              office.holder_of if office else "", person, name_of(kb, person),
                              term.when.start, term.when.end, term.acting))
    return sorted(out, key=lambda t: t.start or dt.date.min)


def leaders_of(kb: KnowledgeBase, holder: str, since: dt.date | None = None,
               until: dt.date | None = None) -> list[OfficeTerm]:
    """Who held the leading offices of a state or IGO (head of state or government, or its
    marked leader) in [since, until], earliest first."""
    out: list[OfficeTerm] = []
    for office in kb.offices_of(holder):
        if not (office.leader or set(office.roles) & LEADING_ROLES):
            continue
        for term in kb.terms_of_office(office.id):
            if until is not None and term.when.start is not None and term.when.start > until:
                continue
            if since is not None and term.when.end is not None and term.when.end <= since:
                continue
            out.append(OfficeTerm(office.id, office.title, holder, term.person,
                                  name_of(kb, term.person), term.when.start, term.when.end,
                                  term.acting))
    return sorted(out, key=lambda t: (t.start or dt.date.min, t.office))


def leading_office(kb: KnowledgeBase, person: str | None, on: dt.date | None) -> str | None:
    """The leading office a person held on a day (e.g. 'KAZ.head_of_state'), else None."""
    if person is None or on is None:
        return None
    for office in kb.offices_held(person, on):
        if office.leader or set(office.roles) & LEADING_ROLES:
            return office.id
    return None
