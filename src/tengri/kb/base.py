"""The knowledge base: entities, aliases and time-bound facts, answered for a given day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from tengri.errors import KBError
from tengri.kb.entities import (
    Agent,
    Alias,
    Capital,
    DatedName,
    Entity,
    EntityKind,
    Membership,
    Office,
    Term,
)
from tengri.kb.index import AliasIndex, Hit, lower_same_length
from tengri.model import KBCheck

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


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """The KB's answer to a claim: consistent, conflict or unknown, and what it holds instead."""

    result: KBCheck
    held: tuple[Membership, ...] = ()
    explanation: str = ""


@dataclass
class KnowledgeBase:
    """Everything the KB knows; built by `tengri.kb.load_kb`, read-only afterwards."""

    entities: dict[str, Entity] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)
    names: list[DatedName] = field(default_factory=list)
    capitals: list[Capital] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    offices: dict[str, Office] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    agents: dict[str, Agent] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # generic title -> role
    checked: dt.date | None = None  # the latest date the data was checked
    name_index: AliasIndex = field(default_factory=lambda: AliasIndex(case_sensitive=True))
    word_index: AliasIndex = field(default_factory=lambda: AliasIndex(case_sensitive=False))

    def __post_init__(self) -> None:
        self._terms_by_office: dict[str, list[Term]] = defaultdict(list)
        self._terms_by_person: dict[str, list[Term]] = defaultdict(list)
        self._offices_by_title: dict[str, list[Office]] = defaultdict(list)
        self._offices_by_holder: dict[str, list[Office]] = defaultdict(list)
        self._members_by_pair: dict[tuple[str, str], list[Membership]] = defaultdict(list)
        self._aliases_by_entity: dict[str, list[Alias]] = defaultdict(list)

    # -- building -----------------------------------------------------------------------------

    def finish(self) -> KnowledgeBase:
        """Build the lookup tables and the two alias indexes once everything is added."""
        for term in self.terms:
            self._terms_by_office[term.office].append(term)
            self._terms_by_person[term.person].append(term)
        for terms in (*self._terms_by_office.values(), *self._terms_by_person.values()):
            terms.sort(key=lambda t: t.when.start or dt.date.min)
        for office in self.offices.values():
            self._offices_by_holder[office.holder_of].append(office)
            for title in (office.title, *office.title_aliases, *office.ru_titles):
                self._offices_by_title[lower_same_length(title)].append(office)
                self.word_index.add(title, f"title|{lower_same_length(title)}")
        for membership in self.memberships:
            self._members_by_pair[(membership.member, membership.organization)].append(membership)
        for alias in self.aliases:
            self._aliases_by_entity[alias.entity].append(alias)
            self.name_index.add(alias.text, f"{alias.how}|{alias.entity}")
        for title in self.titles:
            self.word_index.add(title, f"title|{title}")
        for agent in self.agents.values():
            self.word_index.add(agent.noun, f"agent|{agent.noun}")
        return self

    # -- entities and aliases -----------------------------------------------------------------

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)

    def entity(self, entity_id: str) -> Entity:
        try:
            return self.entities[entity_id]
        except KeyError:
            raise KBError(
                f"no entity {entity_id!r} in the knowledge base; ids look like 'KAZ', "
                "'igo:EAEU', 'person:vladimir-putin', 'org:RUS.security-council', 'place:608668'"
            ) from None

    def aliases_of(self, entity_id: str) -> list[Alias]:
        return self._aliases_by_entity.get(entity_id, [])

    def find_names(self, text: str, prepared: str | None = None) -> list[Hit]:
        return self.name_index.find(text, prepared)

    def find_words(self, text: str, prepared: str | None = None) -> list[Hit]:
        return self.word_index.find(text, prepared)

    def of_kind(self, kind: EntityKind) -> Iterable[Entity]:
        return (e for e in self.entities.values() if e.kind == kind)

    def name_on(self, entity_id: str, on: dt.date | None) -> str:
        """The entity's official name on a day (Nur-Sultan in 2020), else its canonical name."""
        if on is not None:
            for name in self.names:
                if name.entity == entity_id and name.lang == "en" and name.when.holds_on(on):
                    return name.name
        return self.entity(entity_id).name

    # -- offices ------------------------------------------------------------------------------

    def offices_titled(self, title: str) -> list[Office]:
        return self._offices_by_title.get(lower_same_length(title.strip()), [])

    def offices_of(self, holder: str) -> list[Office]:
        return self._offices_by_holder.get(holder, [])

    def office_for(self, holder: str, *, role: str | None = None, title: str | None = None,
                   leader: bool = False) -> Office | None:
        """The office of a state or IGO named by a role, a title ("Chancellor") or as its leader."""
        offices = self.offices_of(holder)
        if leader:
            marked = [o for o in offices if o.leader]
            if marked:
                return marked[0]
            role = role or "head_of_state"
        if title is not None:
            wanted = lower_same_length(title)
            for office in offices:
                titles = (office.title, *office.title_aliases, *office.ru_titles)
                if wanted in {lower_same_length(t) for t in titles}:
                    return office
        if role is not None:
            for office in offices:
                if office.role == role:
                    return office
            for office in offices:
                if role in office.also:
                    return office
        return None

    def holder(self, office_id: str, on: dt.date) -> Term | None:
        """Who held an office on a day (acting holders included)."""
        for term in self._terms_by_office.get(office_id, ()):
            if term.when.holds_on(on):
                return term
        return None

    def terms_of(self, person_id: str) -> list[Term]:
        return self._terms_by_person.get(person_id, [])

    def terms_of_office(self, office_id: str) -> list[Term]:
        return self._terms_by_office.get(office_id, [])

    def offices_held(self, person_id: str, on: dt.date) -> list[Office]:
        return [self.offices[t.office] for t in self.terms_of(person_id) if t.when.holds_on(on)
                and t.office in self.offices]

    # -- places -------------------------------------------------------------------------------

    def capital(self, state: str, on: dt.date | None = None) -> Capital | None:
        rows = [c for c in self.capitals if c.state == state]
        if on is not None:
            rows = [c for c in rows if c.when.holds_on(on)]
        else:
            rows = [c for c in rows if c.when.end is None] or rows
        return rows[-1] if rows else None

    # -- memberships --------------------------------------------------------------------------

    def memberships_of(self, member: str | None = None,
                       organization: str | None = None) -> list[Membership]:
        if member is not None and organization is not None:
            return list(self._members_by_pair.get((member, organization), ()))
        return [m for m in self.memberships
                if (member is None or m.member == member)
                and (organization is None or m.organization == organization)]

    def status_on(self, member: str, organization: str, on: dt.date) -> list[Membership]:
        """The membership rows that hold on a day (a member row and a suspension may both)."""
        return [m for m in self.memberships_of(member, organization) if m.when.holds_on(on)]

    def check_membership(self, member: str, organization: str, relation: str,
                         on: dt.date | None) -> ClaimCheck:
        """Is "`member` is/became a `relation` of `organization` on `on`" what the KB holds?"""
        if member not in self.entities or organization not in self.entities:
            return ClaimCheck(KBCheck.UNKNOWN, explanation="not in the knowledge base")
        rows = self.memberships_of(member, organization)
        wanted = _RELATION_KINDS.get(relation)
        if wanted is None:
            return ClaimCheck(KBCheck.UNKNOWN, explanation=f"relation {relation!r} not checkable")
        if on is None:
            on = dt.date.today()
        held = tuple(m for m in rows if m.when.holds_on(on))
        if relation == "joined":
            return self._check_joined(organization, rows, held, on)
        if relation == "left":
            left = any(
                (m.kind == "withdrawn" and m.when.start and m.when.start <= on)
                or (m.kind == "member" and m.when.end and m.when.end <= on)
                for m in rows
            )
            return ClaimCheck(KBCheck.CONSISTENT if left else KBCheck.CONFLICT, held or tuple(rows),
                              "left" if left else "no departure recorded")
        if any(m.kind in wanted for m in held):
            return ClaimCheck(KBCheck.CONSISTENT, held)
        if not rows and self._organization_has_rows(organization):
            return ClaimCheck(KBCheck.CONFLICT, (), "no relation recorded on that date")
        if not rows:
            return ClaimCheck(KBCheck.UNKNOWN, (), "the KB lists no members of this organisation")
        return ClaimCheck(KBCheck.CONFLICT, held or tuple(rows),
                          "the KB holds a different relation on that date")

    def _check_joined(self, organization: str, rows: list[Membership],
                      held: tuple[Membership, ...], on: dt.date) -> ClaimCheck:
        member_rows = [m for m in rows if m.kind == "member"]
        if any(m.when.holds_on(on) for m in member_rows):
            return ClaimCheck(KBCheck.CONSISTENT, held)
        # A report may come shortly before the accession takes effect.
        soon = on + dt.timedelta(days=366)
        if any(m.when.start and on <= m.when.start <= soon for m in member_rows):
            return ClaimCheck(KBCheck.CONSISTENT, tuple(member_rows))
        if not rows and not self._organization_has_rows(organization):
            return ClaimCheck(KBCheck.UNKNOWN, (), "the KB lists no members of this organisation")
        return ClaimCheck(KBCheck.CONFLICT, held or tuple(rows),
                          "the KB records no membership starting then")

    def _organization_has_rows(self, organization: str) -> bool:
        return any(m.organization == organization for m in self.memberships)
