"""Shared set-up for the Russian pipeline's tests: sentences we wrote, coded as Russian documents
published on Tuesday 2025-11-11 unless a test says otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tengri.model import Document, Event, Extraction

pytest.importorskip("pymorphy3", reason="the Russian pipeline needs pymorphy3")

PUBLISHED = dt.date(2025, 11, 11)
PUTIN = "person:vladimir-putin"
TOKAYEV = "person:kassym-jomart-tokayev"
MIRZIYOYEV = "person:shavkat-mirziyoyev"

Code = Callable[..., Extraction]


@pytest.fixture(scope="session")
def code(kb) -> Code:  # type: ignore[no-untyped-def]
    from tengri.extract import extract_document

    def run(text: str, published: dt.date | None = PUBLISHED) -> Extraction:
        return extract_document(Document("ru-test", text, published, lang="ru"), kb)

    return run


def who(actor: object) -> str | None:
    """An actor as its id, else its country (None for no actor)."""
    if actor is None:
        return None
    return actor.id if actor.id and actor.id.startswith("person:") else actor.country  # type: ignore[attr-defined]


def brief(event: Event) -> tuple[str, str, str | None, str | None, str]:
    """type, CAMEO code, source, target and status of an event."""
    return (event.type, event.cameo, who(event.source), who(event.target), event.status.value)


def briefs(result: Extraction) -> list[tuple[str, str, str | None, str | None, str]]:
    return sorted(brief(e) for e in result.events)
