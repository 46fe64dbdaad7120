"""Which actor a user means: a KB id ("KAZ", "igo:EAEU", "person:vladimir-putin"), an ISO3
code in any case, or a name the KB knows ("Tokayev", "Kazakhstan", "the EAEU"), resolved with
the same alias index extraction uses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tengri.errors import UsageError
from tengri.kb import KnowledgeBase, find_mentions
from tengri.kb.entities import EntityKind
from tengri.model import Record

ACTOR_KINDS = frozenset({EntityKind.STATE, EntityKind.PERSON, EntityKind.IGO,
                         EntityKind.INSTITUTION})


@dataclass(frozen=True, slots=True)
class ActorRef(Record):
    id: str
    name: str
    kind: str  # state | person | igo | institution
    country: str | None


def _ref(kb: KnowledgeBase, entity_id: str) -> ActorRef | None:
    entity = kb.get(entity_id)
    if entity is None or entity.kind not in ACTOR_KINDS:
        return None
    return ActorRef(entity.id, entity.name, entity.kind.value, entity.country)


def resolve_actor(kb: KnowledgeBase, text: str, on: dt.date | None = None) -> ActorRef:
    """The actor `text` names (see the module note); an error says what was tried."""
    wanted = text.strip()
    if not wanted:
        raise UsageError("no actor given: name one (Tokayev, Kazakhstan) or give its KB id")
    for candidate in (wanted, wanted.upper()):
        found = _ref(kb, candidate)
        if found is not None:
            return found
    mentions = [m for m in find_mentions(kb, wanted, on or dt.date.today())
                if m.entity and m.kind in {"state", "person", "igo", "institution"}]
    if mentions:
        best = max(mentions, key=lambda m: (m.end - m.start, -m.start))
        found = _ref(kb, best.entity) if best.entity else None
        if found is not None:
            return found
    raise UsageError(f"no actor named {text!r} in the knowledge base; give a KB id (KAZ, "
                     "igo:EAEU, person:vladimir-putin) or a name `tengri actors NAME` finds")
