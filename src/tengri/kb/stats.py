"""The KB's coverage at a glance (`tengri kb stats`): how many of each thing, and how fresh."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from tengri.kb.base import KnowledgeBase
from tengri.kb.entities import EntityKind


@dataclass(frozen=True, slots=True)
class KBStats:
    states: int
    places: int
    igos: int
    memberships: int
    memberships_by_kind: dict[str, int]
    offices: int
    office_terms: int
    persons: int
    institutions: int
    aliases: int  # alias records (one per name form of an entity)
    alias_forms: int  # distinct surface forms in the name index
    agent_nouns: int
    ambiguous_aliases: int
    checked: dt.date | None  # the latest date the data was checked (SOURCES.md "Checked:")

    def lines(self) -> list[tuple[str, str, str]]:
        """Label, count and detail per line, in the order `tengri kb stats` prints them."""
        by_kind = ", ".join(f"{kind} {count}" for kind, count in self.memberships_by_kind.items())
        return [
            ("states", str(self.states), ""),
            ("places", str(self.places), ""),
            ("international organisations", str(self.igos), ""),
            ("memberships", str(self.memberships), by_kind),
            ("offices", str(self.offices), ""),
            ("office terms", str(self.office_terms), ""),
            ("persons", str(self.persons), ""),
            ("institutions", str(self.institutions), ""),
            (
                "aliases",
                str(self.aliases),
                f"{self.alias_forms} distinct forms; {self.ambiguous_aliases} marked ambiguous",
            ),
            ("agent nouns", str(self.agent_nouns), ""),
            ("data last checked", self.checked.isoformat() if self.checked else "unknown", ""),
        ]


def kb_stats(kb: KnowledgeBase) -> KBStats:
    kinds = Counter(entity.kind for entity in kb.entities.values())
    by_kind = Counter(m.kind for m in kb.memberships)
    return KBStats(
        states=kinds[EntityKind.STATE],
        places=kinds[EntityKind.PLACE],
        igos=kinds[EntityKind.IGO],
        memberships=len(kb.memberships),
        memberships_by_kind=dict(by_kind.most_common()),
        offices=len(kb.offices),
        office_terms=len(kb.terms),
        persons=kinds[EntityKind.PERSON],
        institutions=kinds[EntityKind.INSTITUTION],
        aliases=len(kb.aliases),
        alias_forms=len(kb.name_index),
        agent_nouns=len(kb.agents),
        ambiguous_aliases=len(kb.ambiguous),
        checked=kb.checked,
    )
