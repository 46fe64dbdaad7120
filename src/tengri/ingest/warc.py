"""WARC (and ARC) web archives: each successful HTML or text response becomes an article with
its URL, and its WARC-Date as evidence for the year of an undated page.

Records of other kinds (requests, metadata, images, scripts, redirects) are not documents and
pass silently. A truncated or corrupt archive ends in one Skipped record that says how many
documents were read before the damage; those documents are kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections.abc import Iterator
from typing import IO, Any

from tengri.ingest.decoding import decode
from tengri.ingest.html import html_to_article
from tengri.ingest.records import Article, Evidence, SourceError
from tengri.model import Skipped

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_TYPES = ("warcinfo", "response", "resource", "request", "metadata", "revisit",
              "conversion", "continuation")
TEXT_TYPES = ("text/plain",)


def _warc_date(value: str | None) -> tuple[Evidence, ...]:
    if not value:
        return ()
    try:
        return (Evidence(dt.date.fromisoformat(value[:10]), "WARC-Date"),)
    except ValueError:
        return ()


def _media_type(value: str | None) -> tuple[str, str | None]:
    media, _, params = (value or "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower(), charset


def _check_record(record: Any, number: int) -> None:
    """warcio reads damaged headers leniently; a record tengri cannot trust ends the archive."""
    if record.rec_type not in WARC_TYPES:
        raise ValueError(f"record {number} has no valid WARC-Type ({record.rec_type!r})")
    length = record.rec_headers.get_header("Content-Length")
    if record.format == "warc" and not (length or "").strip().isdigit():
        raise ValueError(f"record {number} has no valid Content-Length ({length!r})")


def _record_article(record: Any, name: str, max_bytes: int) -> Article | Skipped | None:
    """The article in one record, a Skipped record, or None for a record that is no document."""
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    media, charset = _media_type(content_type)
    if media not in HTML_TYPES + TEXT_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{name}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Skipped(where, "too large", f"{where}: a record of more than "
                       f"{max_bytes / 2**20:.0f} MB")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:  # the archive ended inside this record: what was read is a fragment
        raise EOFError(f"the record for {uri} is cut short, {missing} bytes missing")
    evidence = _warc_date(record.rec_headers.get_header("WARC-Date"))
    try:
        text = decode(body, where, charset)
        if media in HTML_TYPES:
            return html_to_article(text, where, reader="warc", url=uri, evidence=evidence)
        return Article(source=where, reader="warc", text=text, url=uri, evidence=evidence)
    except SourceError as exc:
        return exc.skipped(where)


def warc_articles(stream: IO[bytes], name: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """The articles of a WARC or ARC stream (gzipped per record or not), in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    read = records = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            records += 1
            _check_record(record, records)
            found = _record_article(record, name, max_bytes)
            if found is not None:
                read += isinstance(found, Article)
                yield found
        if records == 0:
            raise ValueError("no WARC or ARC record found")
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, KeyError,
            IndexError, TypeError, AttributeError, UnicodeError) as exc:
        # warcio reports damage through whichever of these its parser meets first
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        yield Skipped(name, "corrupt WARC", f"{name}: truncated or corrupt archive "
                      f"({type(exc).__name__}{': ' + detail if detail else ''}); "
                      f"{read} document(s) before the damage were read")
