"""Checking a claim made in news against the KB: consistent, in conflict, or unknown.

Two kinds of claim: a membership ("Kazakhstan joined BRICS as a partner") and an office ("Tokayev,
the President of Kazakhstan"). The answer always carries what the KB holds for that day, so a
conflict can be shown next to the claim ("the KB has Nazarbayev in that office until 2019-03-20").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tengri.kb.entities import EntityKind, Membership, Office, Term
from tengri.model import KBCheck

if TYPE_CHECKING:
    from tengri.kb.base import KnowledgeBase

# Which KB membership kinds make a claimed relation true. "joined" is true when a `member` row
# starts near the claimed date; "left" when a member row ends or a `withdrawn` row starts.
_RELATION_KINDS: dict[str, frozenset[str]] = {
    "member": frozenset({"member"}),
    "joined": frozenset({"member"}),
    "observer": frozenset({"observer"}),
    "partner": frozenset({"partner", "dialogue_partner"}),
    "applied": frozenset({"applicant"}),
    "suspended": frozenset({"suspended"}),
    "left": frozenset({"withdrawn"}),
}
# A report of an accession may come this long before it takes effect.
_JOIN_LEAD = dt.timedelta(days=366)


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """The KB's answer to a membership claim, and the membership rows it holds for the pair."""

    result: KBCheck
    held: tuple[Membership, ...] = ()
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class OfficeCheck:
    """The KB's answer to an office claim, and the terms it holds: the person's, or whoever
    held the office that day when it was someone else."""

    result: KBCheck
    held: tuple[Term, ...] = ()
    explanation: str = ""


def check_membership(
    kb: KnowledgeBase, member: str, organization: str, relation: str, on: dt.date | None
) -> ClaimCheck:
    """Is "`member` is/became a `relation` of `organization` on `on`" what the KB holds?"""
    if member not in kb.entities or organization not in kb.entities:
        return ClaimCheck(KBCheck.UNKNOWN, explanation="not in the knowledge base")
    rows = kb.memberships_of(member, organization)
    wanted = _RELATION_KINDS.get(relation)
    if wanted is None:
        return ClaimCheck(
            KBCheck.UNKNOWN,
            explanation=f"relation {relation!r} not checkable; "
            f"checkable: {', '.join(_RELATION_KINDS)}",
        )
    if on is None:
        on = dt.date.today()
    held = tuple(m for m in rows if m.when.holds_on(on))
    if relation == "joined":
        return _check_joined(kb, organization, rows, held, on)
    if relation == "applied" and not any(m.kind == "applicant" for m in rows):
        # the KB records some applications, not all: silence is not a denial
        return ClaimCheck(KBCheck.UNKNOWN, held or tuple(rows),
                          "the KB does not record applications to this organisation for it")
    if relation == "left":
        departures = sorted(
            d
            for m in rows
            for d in (
                m.when.start if m.kind == "withdrawn" else None,
                m.when.end if m.kind == "member" else None,
            )
            if d is not None
        )
        if any(d <= on for d in departures):
            return ClaimCheck(
                KBCheck.CONSISTENT,
                held or tuple(rows),
                f"left on {max(d for d in departures if d <= on)}",
            )
        return ClaimCheck(
            KBCheck.CONFLICT,
            held or tuple(rows),
            f"the KB has the departure only on {departures[0]}"
            if departures
            else "no departure recorded",
        )
    if any(m.kind in wanted for m in held):
        return ClaimCheck(KBCheck.CONSISTENT, held)
    if not rows and kb.has_members(organization):
        return ClaimCheck(KBCheck.CONFLICT, (), "no relation recorded on that date")
    if not rows:
        return ClaimCheck(KBCheck.UNKNOWN, (), "the KB lists no members of this organisation")
    return ClaimCheck(
        KBCheck.CONFLICT, held or tuple(rows), "the KB holds a different relation on that date"
    )


def _check_joined(
    kb: KnowledgeBase,
    organization: str,
    rows: list[Membership],
    held: tuple[Membership, ...],
    on: dt.date,
) -> ClaimCheck:
    member_rows = [m for m in rows if m.kind == "member"]
    if any(m.when.holds_on(on) for m in member_rows):
        return ClaimCheck(KBCheck.CONSISTENT, held)
    if any(m.when.start and on <= m.when.start <= on + _JOIN_LEAD for m in member_rows):
        return ClaimCheck(KBCheck.CONSISTENT, tuple(member_rows))
    if not rows and not kb.has_members(organization):
        return ClaimCheck(KBCheck.UNKNOWN, (), "the KB lists no members of this organisation")
    return ClaimCheck(
        KBCheck.CONFLICT, held or tuple(rows), "the KB records no membership starting then"
    )


def claimed_offices(kb: KnowledgeBase, person: str, office: str) -> list[Office]:
    """The offices a claim can mean: an office id; a title that belongs to one state or IGO
    ("UN Secretary-General", "US Secretary of State"); or a role or a generic title
    ("foreign_minister", "President") of the person's own state or of a state or IGO in whose
    offices the person ever held a term."""
    if office in kb.offices:
        return [kb.offices[office]]
    titled = list(dict.fromkeys(kb.offices_titled(office)))
    if titled and len({o.holder_of for o in titled}) == 1:
        return titled
    wanted = office.strip().lower()
    role = kb.titles.get(wanted, wanted.replace(" ", "_"))
    entity = kb.get(person)
    holders = {entity.country} if entity is not None and entity.country else set()
    holders |= {
        kb.offices[t.office].holder_of for t in kb.terms_of(person) if t.office in kb.offices
    }
    found: list[Office] = []
    for holder in sorted(holders):
        match = next((o for o in titled if o.holder_of == holder), None) or (
            kb.office_for(holder, leader=True)
            if role == "leader"
            else kb.office_for(holder, role=role)
        )
        if match is not None and match not in found:
            found.append(match)
    return found


def check_office(kb: KnowledgeBase, person: str, office: str, on: dt.date | None) -> OfficeCheck:
    """Is "`person` holds `office` (an office id, a role or a title) on `on`" what the KB holds?"""
    entity = kb.get(person)
    if entity is None or entity.kind != EntityKind.PERSON:
        return OfficeCheck(
            KBCheck.UNKNOWN, explanation=f"{person!r} is not a person in the knowledge base"
        )
    offices = claimed_offices(kb, person, office)
    if not offices:
        return OfficeCheck(
            KBCheck.UNKNOWN,
            explanation=f"no office {office!r} of "
            f"{entity.country or 'unknown country'} in the knowledge base",
        )
    if on is None:
        on = dt.date.today()
    own = tuple(
        t
        for o in offices
        for t in kb.terms_of_office(o.id)
        if t.person == person and t.when.holds_on(on)
    )
    if own:
        acting = " (acting)" if any(t.acting for t in own) else ""
        return OfficeCheck(KBCheck.CONSISTENT, own, f"holds {own[0].office} on {on}{acting}")
    others = tuple(term for o in offices if (term := kb.holder(o.id, on)) is not None)
    if others:
        names = ", ".join(f"{kb.entity(t.person).name} ({t.office})" for t in others)
        return OfficeCheck(KBCheck.CONFLICT, others, f"on {on} the KB has {names}")
    return OfficeCheck(
        KBCheck.UNKNOWN, (), f"the KB has no holder of {', '.join(o.id for o in offices)} on {on}"
    )
