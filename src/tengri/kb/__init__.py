"""The actor knowledge base: states, places, IGOs, memberships, offices and holders by date."""

from tengri.kb.base import ClaimCheck, KnowledgeBase
from tengri.kb.entities import Entity, EntityKind
from tengri.kb.load import build_kb, load_kb, shipped_data_dir
from tengri.kb.mentions import Mention, find_mentions

__all__ = [
    "ClaimCheck",
    "Entity",
    "EntityKind",
    "KnowledgeBase",
    "Mention",
    "build_kb",
    "find_mentions",
    "load_kb",
    "shipped_data_dir",
]
