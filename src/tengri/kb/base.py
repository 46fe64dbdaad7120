"""The knowledge base: entities, aliases and time-bound facts, answered for a given day."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tengri.errors import KBError
from tengri.kb.claims import ClaimCheck, OfficeCheck, check_membership, check_office
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

__all__ = ["AmbiguousAlias", "ClaimCheck", "KnowledgeBase", "OfficeCheck"]

_ENTITY_FIELDS = tuple(f.name for f in dataclasses.fields(Entity))


@dataclass(frozen=True, slots=True)
class AmbiguousAlias:
    """An alias marked in `ambiguous.csv` as naming several entities; the first is the default
    reading, the others are offered as candidates."""

    text: str
    entities: tuple[str, ...]
    note: str
    source: str


AliasRow = tuple[str, str, str, str]  # text, entity, how, lang: an Alias before it is a record


class AliasTable(Sequence[Alias]):
    """The KB's aliases, kept as plain rows and made into Alias records only when someone asks:
    the indexes need only the rows, and 190,000 records cost a third of a second to make."""

    def __init__(self, rows: list[AliasRow]) -> None:
        self._rows = rows
        self._items: list[Alias] | None = None

    def rows(self) -> list[AliasRow]:
        return self._rows

    def _made(self) -> list[Alias]:
        if self._items is None:
            self._items = [Alias(*row) for row in self._rows]
        return self._items

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: Any) -> Any:
        return self._made()[index]

    def __iter__(self) -> Iterator[Alias]:
        return iter(self._made())


class EntityTable(MutableMapping[str, Entity]):
    """Entities by id, read from the cache as plain rows; a row becomes an Entity record the
    first time it is asked for (a text names a few dozen of the 36,000)."""

    def __init__(self, rows: dict[str, tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: dict[str, Entity] = {}

    def rows(self) -> dict[str, tuple[Any, ...]]:
        return self._rows

    def get(self, key: str, default: Any = None) -> Any:  # the hot path: no exception raised
        made = self._made.get(key)
        if made is None:
            row = self._rows.get(key)
            if row is None:
                return default
            made = self._made[key] = Entity(*row)
        return made

    def __getitem__(self, key: str) -> Entity:
        made = self.get(key)
        if made is None:
            raise KeyError(key)
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __setitem__(self, key: str, entity: Entity) -> None:
        self._rows[key] = _entity_row(entity)
        self._made[key] = entity

    def __delitem__(self, key: str) -> None:
        del self._rows[key]
        self._made.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _entity_row(entity: Entity) -> tuple[Any, ...]:
    return tuple(getattr(entity, name) for name in _ENTITY_FIELDS)


def _alias_rows(aliases: Sequence[Alias]) -> list[AliasRow]:
    if isinstance(aliases, AliasTable):
        return aliases.rows()
    return [(a.text, a.entity, a.how, a.lang) for a in aliases]


@dataclass
class KnowledgeBase:
    """Everything the KB knows; built by `tengri.kb.load_kb`, read-only afterwards."""

    entities: MutableMapping[str, Entity] = field(default_factory=dict)
    aliases: Sequence[Alias] = field(default_factory=list)
    names: list[DatedName] = field(default_factory=list)
    capitals: list[Capital] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    offices: dict[str, Office] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    agents: dict[str, Agent] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # generic title -> role
    ambiguous: dict[str, AmbiguousAlias] = field(default_factory=dict)  # alias text -> mark
    checked: dt.date | None = None  # the latest date the data was checked
    name_index: AliasIndex = field(default_factory=lambda: AliasIndex(case_sensitive=True))
    word_index: AliasIndex = field(default_factory=lambda: AliasIndex(case_sensitive=False))

    def __post_init__(self) -> None:
        self._lookups()

    def _lookups(self) -> None:
        """The lookup tables over terms, offices and memberships (cheap: a few thousand rows)."""
        self._terms_by_office: dict[str, list[Term]] = defaultdict(list)
        self._terms_by_person: dict[str, list[Term]] = defaultdict(list)
        self._offices_by_title: dict[str, list[Office]] = defaultdict(list)
        self._offices_by_holder: dict[str, list[Office]] = defaultdict(list)
        self._members_by_pair: dict[tuple[str, str], list[Membership]] = defaultdict(list)
        self._aliases_by_entity: dict[str, list[Alias]] | None = None
        for term in self.terms:
            self._terms_by_office[term.office].append(term)
            self._terms_by_person[term.person].append(term)
        for terms in (*self._terms_by_office.values(), *self._terms_by_person.values()):
            terms.sort(key=lambda t: t.when.start or dt.date.min)
        for office in self.offices.values():
            self._offices_by_holder[office.holder_of].append(office)
            for title in (office.title, *office.title_aliases, *office.ru_titles):
                self._offices_by_title[lower_same_length(title)].append(office)
        for membership in self.memberships:
            self._members_by_pair[(membership.member, membership.organization)].append(membership)
        self._organizations = frozenset(m.organization for m in self.memberships)

    # -- building -----------------------------------------------------------------------------

    def finish(self) -> KnowledgeBase:
        """Build the lookup tables and the two alias indexes once everything is added."""
        self._lookups()
        rows = _alias_rows(self.aliases)
        self.name_index.add_all((text, f"{how}|{entity}") for text, entity, how, _ in rows)
        marked: dict[str, list[AliasRow]] = {text: [] for text in self.ambiguous}
        for row in rows:
            if row[0] in marked:
                marked[row[0]].append(row)
        for text, mark in self.ambiguous.items():
            order = {entity: rank for rank, entity in enumerate(mark.entities)}
            named = sorted(marked[text], key=lambda row: order.get(row[1], len(order)))
            self.name_index.prefer(text, [f"{how}|{entity}" for _, entity, how, _ in named])
        for office in self.offices.values():
            for title in (office.title, *office.title_aliases, *office.ru_titles):
                self.word_index.add(title, f"title|{lower_same_length(title)}")
        for title in self.titles:
            self.word_index.add(title, f"title|{title}")
        for agent in self.agents.values():
            self.word_index.add(agent.noun, f"agent|{agent.noun}")
        self.name_index.build()
        self.word_index.build()
        return self

    # -- the on-disk cache (tengri.kb.cache) ---------------------------------------------------
    # Pickling 190,000 alias and 36,000 entity records one by one is slow; plain tuples and the
    # built automata load several times faster, and become records only when asked for.

    def __getstate__(self) -> dict[str, Any]:
        state = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        entities = self.entities
        state["entities"] = (
            entities.rows()
            if isinstance(entities, EntityTable)
            else {key: _entity_row(entity) for key, entity in entities.items()}
        )
        state["aliases"] = _alias_rows(self.aliases)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["entities"] = EntityTable(state["entities"])
        state["aliases"] = AliasTable(state["aliases"])
        self.__dict__.update(state)
        self._lookups()

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
        if self._aliases_by_entity is None:
            self._aliases_by_entity = defaultdict(list)
            for alias in self.aliases:
                self._aliases_by_entity[alias.entity].append(alias)
        return self._aliases_by_entity.get(entity_id, [])

    def marked_ambiguous(self, text: str) -> AmbiguousAlias | None:
        """The mark of an alias that names several entities (kb/data/ambiguous.csv), if any."""
        return self.ambiguous.get(text.strip())

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

    def office_for(
        self,
        holder: str,
        *,
        role: str | None = None,
        title: str | None = None,
        leader: bool = False,
    ) -> Office | None:
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
        return [
            self.offices[t.office]
            for t in self.terms_of(person_id)
            if t.when.holds_on(on) and t.office in self.offices
        ]

    # -- places -------------------------------------------------------------------------------

    def capital(self, state: str, on: dt.date | None = None) -> Capital | None:
        rows = [c for c in self.capitals if c.state == state]
        if on is not None:
            rows = [c for c in rows if c.when.holds_on(on)]
        else:
            rows = [c for c in rows if c.when.end is None] or rows
        return rows[-1] if rows else None

    # -- memberships --------------------------------------------------------------------------

    def memberships_of(
        self, member: str | None = None, organization: str | None = None
    ) -> list[Membership]:
        if member is not None and organization is not None:
            return list(self._members_by_pair.get((member, organization), ()))
        return [
            m
            for m in self.memberships
            if (member is None or m.member == member)
            and (organization is None or m.organization == organization)
        ]

    def status_on(self, member: str, organization: str, on: dt.date) -> list[Membership]:
        """The membership rows that hold on a day (a member row and a suspension may both)."""
        return [m for m in self.memberships_of(member, organization) if m.when.holds_on(on)]

    def has_members(self, organization: str) -> bool:
        """Whether the KB lists any member, observer or partner of an organisation at all."""
        return organization in self._organizations

    # -- claims (tengri.kb.claims) ------------------------------------------------------------

    def check_membership(
        self, member: str, organization: str, relation: str, on: dt.date | None
    ) -> ClaimCheck:
        """Is "`member` is/became a `relation` of `organization` on `on`" what the KB holds?"""
        return check_membership(self, member, organization, relation, on)

    def check_office(self, person: str, office: str, on: dt.date | None) -> OfficeCheck:
        """Is "`person` holds `office` (an office id, a role or a title) on `on`" what the KB
        holds? Conflicts carry the term of whoever held the office that day."""
        return check_office(self, person, office, on)
