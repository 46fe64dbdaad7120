"""The store's tables, one module per concept, all on one `metadata`."""

from tengri.store.schema.actors import actors
from tengri.store.schema.base import metadata
from tengri.store.schema.documents import document_bands, documents
from tengri.store.schema.events import event_actors, events
from tengri.store.schema.facts import facts
from tengri.store.schema.memberships import memberships
from tengri.store.schema.mentions import event_mentions, mention_blocks
from tengri.store.schema.merges import merge_decisions
from tengri.store.schema.quarantine import quarantine
from tengri.store.schema.runs import ingest_runs
from tengri.store.schema.versions import schema_versions
from tengri.store.schema.workbench import api_keys, audit_log, event_curations

__all__ = [
    "actors",
    "api_keys",
    "audit_log",
    "document_bands",
    "documents",
    "event_actors",
    "event_curations",
    "event_mentions",
    "events",
    "facts",
    "ingest_runs",
    "memberships",
    "mention_blocks",
    "merge_decisions",
    "metadata",
    "quarantine",
    "schema_versions",
]
