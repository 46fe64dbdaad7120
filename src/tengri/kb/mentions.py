"""What the phrases of a text name on a given day: "Kazakh President" on 2018-05-01 is Nazarbayev.

`find_mentions` is the one place where surface forms become KB entities. Extraction calls it for
every document and `tengri actors` for a single phrase, so both give the same answer with the same
explanation (`Mention.rule`).

It combines the hits of the two alias indexes into mentions:
- adjective or state + title + person: "Russian President Vladimir Putin" (one person);
- adjective or state + title: "the Kazakh President" (whoever held the office that day);
- title + "of" + state: "President of Kazakhstan"; IGO + title: "NATO Secretary General";
- title + person: "President Tokayev";
- adjective + generic agent noun: "Kazakhstani tourists", "Russian troops" (a group);
- names of states, persons, IGOs, institutions and places on their own.
A bare title ("the president") is returned unresolved, for extraction's coreference step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from tengri.kb.base import KnowledgeBase
from tengri.kb.entities import Entity, EntityKind, Office
from tengri.kb.index import Hit

# A place that is not a big city is taken as a place only after one of these words, so that
# surnames and common words that are also town names do not become places.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|to|from|near|outside|inside|into|visited|visiting|visit|via|across|"
    r"around|towards|toward|of|held in|city of|town of|в|во|из|на|до|под|"
    r"посети\w*|посеща\w*|город\w*)\s+(?:the\s+)?)$",  # Russian: "посетил Туркестан"
    re.IGNORECASE,
)
_BIG_PLACE = 500_000
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_KIND_RANK = {
    EntityKind.STATE: 0,
    EntityKind.IGO: 1,
    EntityKind.INSTITUTION: 2,
    EntityKind.PERSON: 3,
    EntityKind.PLACE: 4,
}
_JOINERS = re.compile(r"^(?:\s+|\s*'s\s+|\s+of\s+(?:the\s+)?|-)$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor or a place, resolved against the KB on a day."""

    start: int
    end: int
    text: str
    kind: str  # state | person | igo | institution | place | group | office | adjective
    entity: str | None
    country: str | None
    role: str | None = None
    sector: str | None = None
    rule: str = ""
    candidates: tuple[str, ...] = ()

    @property
    def is_actor(self) -> bool:
        return self.kind in {"state", "person", "igo", "institution", "group", "office"}


@dataclass(frozen=True, slots=True)
class _Atom:
    start: int
    end: int
    text: str
    cat: str  # entity | adjective | title | agent
    ids: tuple[str, ...] = ()  # entity ids (entity, adjective)
    word: str = ""  # title or agent key


def find_atoms(kb: KnowledgeBase, text: str) -> list[_Atom]:
    """The alias hits of a text, before resolution (reusable across resolutions of one text)."""
    return _atoms(kb, text)


def _atoms(kb: KnowledgeBase, text: str) -> list[_Atom]:
    atoms: list[_Atom] = []
    names = kb.find_names(text)
    for hit in names:
        by_how: dict[str, list[str]] = {}
        for key in hit.keys:
            how, _, entity = key.partition("|")
            by_how.setdefault(how, []).append(entity)
        entities = [
            e for how, ids in by_how.items() if how not in {"adjective", "demonym"} for e in ids
        ]
        adjectives = list(
            dict.fromkeys(e for how in ("adjective", "demonym") for e in by_how.get(how, []))
        )
        if adjectives and all(e.startswith("place:") for e in entities):
            entities = []  # "Kazakh" is an adjective first, a village in Azerbaijan second
        if entities:
            atoms.append(
                _Atom(hit.start, hit.end, hit.text, "entity", tuple(dict.fromkeys(entities)))
            )
        elif adjectives:
            atoms.append(_Atom(hit.start, hit.end, hit.text, "adjective", tuple(adjectives)))
    for hit in kb.find_words(text):
        overlapping = [a for a in atoms if hit.start < a.end and a.start < hit.end]
        if overlapping and not all(_covered_by(a, hit) for a in overlapping):
            continue
        # a title alias that includes its adjective ("Japanese Prime Minister") wins over it
        atoms = [a for a in atoms if a not in overlapping]
        atoms.extend(_word_atoms(hit))
    atoms.sort(key=lambda a: a.start)
    return atoms


def _covered_by(atom: _Atom, hit: Hit) -> bool:
    """Whether a title hit may replace a name atom: it contains it, or all of it but a leading
    article ("the US" inside "the US President")."""
    if atom.cat == "title" or (atom.end - atom.start) >= (hit.end - hit.start):
        return False
    start = atom.start + 4 if atom.text.lower().startswith("the ") else atom.start
    return hit.start <= start and atom.end <= hit.end


def _word_atoms(hit: Hit) -> list[_Atom]:
    titles = [k.split("|", 1)[1] for k in hit.keys if k.startswith("title|")]
    agents = [k.split("|", 1)[1] for k in hit.keys if k.startswith("agent|")]
    if titles:
        return [_Atom(hit.start, hit.end, hit.text, "title", word=titles[0])]
    if agents:
        return [_Atom(hit.start, hit.end, hit.text, "agent", word=agents[0])]
    return []


def _joined(text: str, left: _Atom, right: _Atom) -> bool:
    return bool(_JOINERS.match(text[left.end : right.start]))


class _Resolver:
    """Resolves atoms into mentions for one text, one date and the countries in focus."""

    def __init__(
        self, kb: KnowledgeBase, text: str, on: dt.date | None, focus: Sequence[str]
    ) -> None:
        self.kb, self.text, self.on, self.focus = kb, text, on, tuple(focus)

    # -- single atoms -------------------------------------------------------------------------

    def pick(self, ids: Iterable[str], at: int) -> tuple[Entity | None, tuple[str, ...]]:
        """The entity an alias most likely names here, and the alternatives when unsure."""
        entities = [e for e in (self.kb.get(i) for i in ids) if e is not None]
        non_places = [e for e in entities if e.kind != EntityKind.PLACE]
        places = [e for e in entities if e.kind == EntityKind.PLACE]
        if non_places:
            best_rank = min(_KIND_RANK[e.kind] for e in non_places)
            best = [e for e in non_places if _KIND_RANK[e.kind] == best_rank]
            if len(best) > 1 and best[0].kind == EntityKind.PERSON:
                best = self._persons_in_office(best) or best
            if len(best) > 1:
                best = [e for e in best if e.country in self.focus] or best
            chosen = best[0]
            others = tuple(e.id for e in best[1:])
            return chosen, others
        if places:
            return self.pick_place(places, at)
        return None, ()

    def _persons_in_office(self, persons: list[Entity]) -> list[Entity]:
        if self.on is None:
            return []
        return [p for p in persons if self.kb.offices_held(p.id, self.on)]

    def pick_place(self, places: list[Entity], at: int) -> tuple[Entity | None, tuple[str, ...]]:
        def score(place: Entity) -> tuple[bool, bool, bool, int]:
            # a capital or a city of millions is what news means by its name, whatever the
            # country in focus ("Moscow" is not Moscow, Idaho); among smaller towns, focus wins
            major = place.subkind == "capital" or place.population >= 1_000_000
            return (
                major,
                place.country in self.focus,
                place.subkind == "capital",
                place.population,
            )

        ranked = sorted(places, key=score, reverse=True)
        best = ranked[0]
        locative = bool(_LOCATIVE.search(self.text[max(0, at - 20) : at]))
        big = best.population >= _BIG_PLACE or best.subkind in {"capital", "site"}
        if not (locative or big or best.country in self.focus):
            return None, ()
        return best, tuple(p.id for p in ranked[1:4])

    def entity_mention(self, atom: _Atom) -> Mention | None:
        entity, others = self.pick(atom.ids, atom.start)
        if entity is None:
            return None
        kind = "institution" if entity.kind == EntityKind.INSTITUTION else entity.kind.value
        role = None
        if entity.kind == EntityKind.PERSON and self.on is not None:
            held = self.kb.offices_held(entity.id, self.on)
            role = _main_role(held)
        return Mention(
            atom.start,
            atom.end,
            atom.text,
            kind,
            entity.id,
            entity.country,
            role,
            _sector(entity, role),
            f"{entity.kind.value} alias {atom.text!r}",
            others,
        )

    # -- combinations -------------------------------------------------------------------------

    def office_mention(
        self, holder: str, title: str, start: int, end: int, person: Entity | None = None
    ) -> Mention:
        """A title of a state or IGO, optionally with the person named after it."""
        role = self.kb.titles.get(title)
        office = self.kb.office_for(
            holder, title=title, role=None if role == "leader" else role, leader=role == "leader"
        )
        span = self.text[start:end]
        country = holder if not holder.startswith("igo:") else None
        if person is not None:
            held = self.kb.offices_held(person.id, self.on) if self.on else []
            in_office = office is not None and office in held
            role_name = office.role if in_office and office else _main_role(held) or role
            rule = (
                f"title {title!r} + name; holds {office.id} on {self.on}"
                if in_office and office
                else f"name {person.name!r} with title {title!r}"
            )
            return Mention(
                start,
                end,
                span,
                "person",
                person.id,
                person.country or country,
                role_name,
                "GOV",
                rule,
            )
        if office is None:
            return Mention(
                start,
                end,
                span,
                "office",
                None,
                country,
                role,
                "GOV",
                f"title {title!r} of {holder}; no such office in the KB",
            )
        if self.on is None:
            return Mention(
                start,
                end,
                span,
                "office",
                office.id,
                country,
                office.role,
                "GOV",
                f"{office.id}; no date to tell who held it",
            )
        term = self.kb.holder(office.id, self.on)
        if term is None:
            return Mention(
                start,
                end,
                span,
                "office",
                office.id,
                country,
                office.role,
                "GOV",
                f"{office.id}; the KB has no holder on {self.on}",
            )
        who = self.kb.entity(term.person)
        return Mention(
            start,
            end,
            span,
            "person",
            who.id,
            who.country or country,
            office.role,
            "GOV",
            f"title {title!r} of {holder} -> {office.id}, held by {who.name} "
            f"on {self.on}" + (" (acting)" if term.acting else ""),
        )

    def holder_of(self, atom: _Atom) -> str | None:
        """The state or IGO an adjective or name atom stands for, if it is one."""
        for entity_id in atom.ids:
            entity = self.kb.get(entity_id)
            if entity and entity.kind in {EntityKind.STATE, EntityKind.IGO}:
                return entity.id
        return None

    def person_in(self, atom: _Atom | None) -> Entity | None:
        if atom is None or atom.cat != "entity":
            return None
        entity, _ = self.pick(atom.ids, atom.start)
        return entity if entity and entity.kind == EntityKind.PERSON else None

    def group_mention(self, holder: str | None, agent: _Atom, start: int) -> Mention:
        info = self.kb.agents[agent.word]
        kind = "institution" if info.kind == "organization" else "group"
        span = self.text[start : agent.end]
        return Mention(
            start,
            agent.end,
            span,
            kind,
            None,
            holder,
            None,
            info.sector,
            f"agent noun {agent.word!r}" + (f" of {holder}" if holder else ""),
        )


def _main_role(held: list[Office]) -> str | None:
    if not held:
        return None
    for office in held:
        if office.leader:
            return office.role
    return held[0].role


def _sector(entity: Entity, role: str | None) -> str | None:
    if entity.kind == EntityKind.PERSON:
        return "GOV" if role else None
    return entity.sector


def find_mentions(
    kb: KnowledgeBase,
    text: str,
    on: dt.date | None = None,
    focus: Sequence[str] = (),
    atoms: list[_Atom] | None = None,
) -> list[Mention]:
    """Every actor and place mention in `text`, resolved on the day `on`.

    `focus` lists the countries the text is about (they win ambiguous places); `atoms` may be
    given when the same text is resolved again with another focus.
    """
    resolver = _Resolver(kb, text, on, focus)
    atoms = _atoms(kb, text) if atoms is None else atoms
    mentions: list[Mention] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        after = atoms[i + 2] if i + 2 < len(atoms) else None
        holder = resolver.holder_of(atom) if atom.cat in {"adjective", "entity"} else None
        # "Ukraine's Volodymyr Zelenskyy": a state's possessive before a person is the person
        person_after = resolver.person_in(nxt) if holder and nxt else None
        if person_after is not None and re.match(r"^(?:'s|’s)\s+$", text[atom.end : nxt.start]):
            mention = resolver.entity_mention(nxt)
            if mention is not None:
                mentions.append(replace(mention, start=atom.start, text=text[atom.start : nxt.end]))
                i += 2
                continue
        # adjective/state/IGO + title (+ person)
        if holder and nxt and nxt.cat == "title" and _joined(text, atom, nxt):
            person = resolver.person_in(after) if after and _joined(text, nxt, after) else None
            end = after.end if person else nxt.end
            mentions.append(resolver.office_mention(holder, nxt.word, atom.start, end, person))
            i += 3 if person else 2
            continue
        if atom.cat == "title":
            person = resolver.person_in(nxt) if nxt and _joined(text, atom, nxt) else None
            if person is not None:
                holder_id = person.country or ""
                mentions.append(
                    resolver.office_mention(holder_id, atom.word, atom.start, nxt.end, person)
                    if holder_id
                    else replace(
                        resolver.entity_mention(nxt),
                        start=atom.start,  # type: ignore[arg-type]
                        text=text[atom.start : nxt.end],
                    )
                )
                i += 2
                continue
            of_holder = resolver.holder_of(nxt) if nxt and nxt.cat == "entity" else None
            # -- Russian: a title with its state or IGO in the genitive, then perhaps the name
            # ("президент Монголии", "министр обороны Белоруссии Виктор Хренин")
            if of_holder and _CYRILLIC.match(nxt.text) and text[atom.end : nxt.start].isspace():  # type: ignore[union-attr]
                person = resolver.person_in(after) if after and _joined(text, nxt, after) else None  # type: ignore[arg-type]
                end = after.end if person else nxt.end  # type: ignore[union-attr]
                mentions.append(
                    resolver.office_mention(of_holder, atom.word, atom.start, end, person)
                )
                i += 3 if person else 2
                continue
            if of_holder and re.match(r"^\s+of\s+(?:the\s+)?$", text[atom.end : nxt.start]):  # type: ignore[union-attr]
                mentions.append(resolver.office_mention(of_holder, atom.word, atom.start, nxt.end))  # type: ignore[union-attr]
                i += 2
                continue
            holders = {o.holder_of for o in kb.offices_titled(atom.word)}
            # a title only one state uses names its holder ("Secretary of State"); a generic
            # one ("leader", "emir") alone is resolved from context, never by that uniqueness
            if len(holders) == 1 and atom.word.lower() not in kb.titles:
                mentions.append(
                    resolver.office_mention(holders.pop(), atom.word, atom.start, atom.end)
                )
                i += 1
                continue
            role = kb.titles.get(atom.word)
            mentions.append(
                Mention(
                    atom.start,
                    atom.end,
                    atom.text,
                    "office",
                    None,
                    None,
                    role,
                    "GOV",
                    f"bare title {atom.word!r}: resolved from context",
                )
            )
            i += 1
            continue
        if holder and nxt and nxt.cat == "agent" and _joined(text, atom, nxt):
            mentions.append(resolver.group_mention(holder, nxt, atom.start))
            i += 2
            continue
        if atom.cat == "agent":
            mentions.append(resolver.group_mention(None, atom, atom.start))
        elif atom.cat == "adjective":
            state = holder or atom.ids[0]
            mentions.append(
                Mention(
                    atom.start,
                    atom.end,
                    atom.text,
                    "adjective",
                    state,
                    state,
                    rule=f"adjective of {state}",
                )
            )
        elif (mention := resolver.entity_mention(atom)) is not None:
            mentions.append(mention)
        i += 1
    return mentions
