"""The small API `tengri extract` uses: read local inputs (and URLs) into documents.

Every input either yields Documents or a `Skipped` record that names the input and the reason;
one bad input never stops the others. The readers themselves live in `sources` and the modules
it names; this module keeps the names the CLI has always imported.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator

from tengri.errors import InputError
from tengri.ingest.decoding import decode
from tengri.ingest.describe import MAX_DOCUMENT_CHARS, describe
from tengri.ingest.files import kind_of
from tengri.ingest.html import html_to_article
from tengri.ingest.jsonl import jsonl_articles
from tengri.ingest.records import Article, Loaded, SourceError
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.model import Document

INPUT_FORMATS = ("auto", "text", "html", "jsonl")

__all__ = ["INPUT_FORMATS", "MAX_DOCUMENT_CHARS", "Loaded", "decode", "html_to_document",
           "load_inputs", "load_text"]


def html_to_document(html: str, doc_id: str, published: dt.date | None = None,
                     url: str | None = None) -> Document:
    """The article text and metadata of an HTML page (boilerplate removed by trafilatura)."""
    loaded = describe(html_to_article(html, doc_id, url=url, doc_id=doc_id), published)
    if not loaded.documents:
        raise InputError(loaded.skipped[0].detail)
    return loaded.documents[0]


def load_text(text: str, name: str, input_format: str = "auto",
              published: dt.date | None = None, doc_id: str | None = None) -> Loaded:
    """Documents from text already read, in the given (or detected) format."""
    if not text.strip():
        raise InputError(f"{name}: empty input, nothing to code")
    kind = kind_of(name, text[:65_536].encode("utf-8", "replace"), input_format)
    if kind == "jsonl":
        parts = [describe(found, published) if isinstance(found, Article)
                 else Loaded((), (found,))
                 for found in jsonl_articles(io.BytesIO(text.encode("utf-8", "surrogatepass")),
                                             name, 10 * 2**20)]
        return Loaded(tuple(d for p in parts for d in p.documents),
                      tuple(s for p in parts for s in p.skipped),
                      tuple(v for p in parts for v in p.provenance))
    try:
        article = (html_to_article(text, name, doc_id=doc_id or name) if kind == "html"
                   else Article(source=name, reader="text", text=text, doc_id=doc_id or name))
    except SourceError as exc:
        return Loaded((), (exc.skipped(name),))
    return describe(article, published)


def load_inputs(paths: Iterable[str], input_format: str = "auto",
                published: dt.date | None = None, stdin: bytes | None = None) -> Iterator[Loaded]:
    """Read every input in turn; an unreadable input becomes a Skipped record, never an abort."""
    options = SourceOptions(input_format=input_format, published=published, stdin=stdin)
    yield from iter_sources(paths, options)
