"""Ingest through the API (curator or admin keys): documents posted as text or HTML, and URLs
fetched with tengri's safety defaults (no private or loopback addresses, size and time caps,
per-host pacing). Stored exactly once, like `tengri ingest`; the run is audited."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Request

from tengri.api.deps import Curator, StoreDep, app_state
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import DocumentIn, IngestOut, IngestRequest
from tengri.errors import UsageError
from tengri.ingest.describe import describe
from tengri.ingest.html import html_to_article
from tengri.ingest.records import Article, Loaded, SourceError
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.store import ingest
from tengri.store.audit import record_change

router = APIRouter(tags=["ingest"], responses=PROBLEM_RESPONSES)


def _loaded(document: DocumentIn, index: int, who: str) -> Loaded:
    source = f"api:{who}:{index}"
    url = str(document.url) if document.url else None
    try:
        if document.html:
            article = html_to_article(document.text, source, url=url, doc_id=document.doc_id,
                                      title=document.title)
        else:
            article = Article(source=source, reader="text", text=document.text,
                              doc_id=document.doc_id, title=document.title, url=url,
                              site=document.source_name, lang=document.lang,
                              published=document.published,
                              published_from="given" if document.published else "")
    except SourceError as exc:
        return Loaded((), (exc.skipped(source),))
    return describe(article, document.published)


def _inputs(body: IngestRequest, who: str) -> Iterator[Loaded]:
    for index, document in enumerate(body.documents):
        yield _loaded(document, index, who)
    if body.urls:
        yield from iter_sources([str(u) for u in body.urls], SourceOptions())


@router.post("/ingest", response_model=IngestOut,
             summary="Code and store posted documents and fetched URLs")
def ingest_documents(caller: Curator, store: StoreDep, request: Request,
                     body: IngestRequest) -> IngestOut:
    state = app_state(request)
    count = len(body.documents) + len(body.urls)
    if count == 0:
        raise UsageError("nothing to ingest: give documents (text) or urls")
    if count > state.server.max_ingest_documents:
        raise UsageError(f"{count} documents and URLs in one request; at most "
                         f"{state.server.max_ingest_documents}: send them in several")
    sources = [f"api:{caller.who}"] + [str(u) for u in body.urls]
    summary = ingest(store, _inputs(body, caller.who), kb_paths=state.settings.kb_paths,
                     workers=1, sources=sources, options={"via": "api", "by": caller.who})
    result = summary.to_dict()
    with store.write() as connection:
        record_change(connection, caller.analyst, "ingest.run", "run", summary.run_id, None,
                      result, None)
    return IngestOut.model_validate(result)
