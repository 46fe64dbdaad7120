"""Stored documents: a listing with filters, and one document with its text and every record
read from it (with character offsets into the text)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from tengri.api.deps import Reader, StoreDep
from tengri.api.params import Limit
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.errors import UsageError
from tengri.store import DocumentFilter, DocumentSummary, find_documents
from tengri.store.browse import DocumentDetail, get_document

router = APIRouter(prefix="/documents", tags=["documents"], responses=PROBLEM_RESPONSES)

MAX_OFFSET = 100_000


@router.get("", response_model=list[DocumentSummary], summary="Stored documents, latest first")
def list_documents(
    _: Reader, store: StoreDep,
    text: Annotated[str | None, Query(min_length=1, max_length=200,
                                      description="words in the title or URL")] = None,
    source: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="part of the source (site) name")] = None,
    since: Annotated[dt.date | None, Query(description="published on or after")] = None,
    until: Annotated[dt.date | None, Query(description="published on or before")] = None,
    limit: Limit = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> list[DocumentSummary]:
    if since and until and since > until:
        raise UsageError(f"since {since} is after until {until}")
    return find_documents(store, DocumentFilter(text=text, source=source, since=since,
                                                until=until), limit=limit, offset=offset)


@router.get("/{document_id}", response_model=DocumentDetail,
            summary="One document: text, event mentions, facts and memberships with offsets")
def one_document(_: Reader, store: StoreDep,
                 document_id: Annotated[int, Path(ge=1, le=2**53)]) -> DocumentDetail:
    return get_document(store, document_id)
