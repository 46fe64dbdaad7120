"""What the readers hand on: an `Article` as read, and `Loaded` documents with their provenance.

Readers (files, JSONL, HTML, feeds, WARC) find text and whatever metadata sits around it; one
step (`article.finish`) dates it, detects its language and makes the `Document`, so every source
is dated and described the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from tengri.errors import InputError
from tengri.model import DatePrecision, Document, Record, Skipped


class SourceError(InputError):
    """An input (or one record in it) that cannot become a document: `reason` is a short
    category counted in reports ("timeout", "too large"); the message says the rest."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail

    def skipped(self, name: str) -> Skipped:
        return Skipped(name, self.reason, self.detail)


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    """A date that is not the publication date but bounds it: a feed item's date, the crawl
    time of a WARC record, a file's modification time. Used to complete a year."""

    date: dt.date
    what: str  # "feed date", "WARC-Date", "file mtime", "HTTP Last-Modified"


@dataclass(frozen=True, slots=True)
class Article:
    """What a reader found, before dating and language detection."""

    source: str  # the input as the user named it, plus where inside it: "dump.jsonl:12"
    reader: str  # text, html, jsonl, feed, url, warc
    text: str
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    lang: str | None = None  # what the page or record declares
    published: dt.date | None = None  # from metadata (page, JSONL field, feed item)
    published_from: str = ""  # where that date came from ("page metadata", "JSONL published")
    evidence: tuple[Evidence, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LanguageShare(Record):
    """One language of a (possibly mixed) document and the share of its paragraphs' letters."""

    lang: str
    share: float
    paragraphs: int


@dataclass(frozen=True, slots=True)
class Provenance(Record):
    """How a document was read and how its date and language were found."""

    source: str
    reader: str
    url: str | None = None
    author: str | None = None
    site: str | None = None
    published: dt.date | None = None
    published_precision: DatePrecision = DatePrecision.UNKNOWN
    published_from: str = ""  # "given", "page metadata", "url", "dateline", "dateline, year from …"
    published_text: str | None = None  # the words or URL part the date was read from
    language: str = "und"
    language_confidence: float = 0.0
    languages: tuple[LanguageShare, ...] = ()  # per paragraph, when the document is mixed
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one input (or one record of it) gave: documents, each with its provenance,
    and the inputs or records that were skipped with the reason."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()
    provenance: tuple[Provenance, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.provenance and len(self.provenance) != len(self.documents):
            raise ValueError("Loaded.provenance must have one entry per document")

    def items(self) -> Iterator[tuple[Document, Provenance | None]]:
        """Each document with its provenance (None when the reader recorded none)."""
        for index, document in enumerate(self.documents):
            yield document, (self.provenance[index] if self.provenance else None)
