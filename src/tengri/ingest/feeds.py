"""RSS and Atom feeds: each item's link is fetched as an article, with the item's title and date
as fallback metadata; when the page cannot be fetched, the item's own text is used and the
provenance says so."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Any

from tengri.ingest.fetch import Fetched
from tengri.ingest.html import html_to_article
from tengri.ingest.records import Article, Evidence, SourceError
from tengri.model import Skipped

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json")
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<html[\s>]", re.IGNORECASE)

Fetch = Callable[[str], Fetched]


def looks_like_feed(head: bytes, content_type: str = "") -> bool:
    """True for an RSS/Atom media type, or XML whose root element is rss, feed or rdf:RDF."""
    if content_type in FEED_TYPES:
        return True
    if content_type and content_type not in ("text/xml", "application/xml", "text/plain",
                                             "application/octet-stream"):
        return False
    sample = head[:4096]
    return bool(_FEED_ROOT.search(sample)) and not _HTML_ROOT.search(sample)


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's summary), paragraphs on their own lines."""
    import lxml.html
    from lxml.etree import ParserError

    if not html.strip():
        return ""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return re.sub(r"\n\s*\n+", "\n", root.text_content()).strip()


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if isinstance(c, dict)]
    values.append(entry.get("summary", "") or "")
    return max((fragment_text(v) for v in values), key=len, default="")


def _item_article(entry: Any, where: str, fetch: Fetch | None) -> Article | Skipped:
    link = entry.get("link") or None
    title = entry.get("title") or None
    date = _entry_date(entry)
    evidence = (Evidence(date, "feed date"),) if date else ()
    reason: SourceError | None = None
    if link and fetch is not None:
        try:
            fetched = fetch(link)
            if fetched.content_type not in ("text/html", "application/xhtml+xml", ""):
                raise SourceError("not HTML", f"{link}: {fetched.content_type}, not a page")
            return html_to_article(
                fetched.text(), link, reader="feed", url=fetched.final_url, title=title,
                evidence=evidence, notes=(f"item of feed {where}",),
                fallback_published=(date, "feed item date") if date else None)
        except SourceError as exc:
            reason = exc
    elif link:
        reason = SourceError("offline", f"{link}: not fetched (network use is off)")
    text = _entry_text(entry)
    name = link or f"{where}#{entry.get('id') or title or 'item'}"
    if not text:
        if reason is not None:
            return reason.skipped(name)
        return Skipped(name, "no article text", f"{name}: a feed item with no link and no text")
    note = (f"page could not be fetched ({reason.detail}); text from the feed item"
            if reason else "text from the feed item (it has no link)")
    return Article(source=name, reader="feed", text=text, url=link, title=title,
                   published=date, published_from="feed item date" if date else "",
                   evidence=evidence, notes=(f"item of feed {where}", note))


def feed_articles(body: bytes, where: str, fetch: Fetch | None,
                  base_url: str | None = None) -> Iterator[Article | Skipped]:
    """An article (or Skipped record) per item of the feed in `body`."""
    import feedparser

    headers = {"content-location": base_url} if base_url else {}
    try:
        parsed = feedparser.parse(body, response_headers=headers)
    except (ValueError, RecursionError) as exc:
        # feedparser's loose parser calls chr() on references past U+10FFFF (&#x110000;) and
        # recurses on deep nesting: one hostile feed is skipped, not the whole run
        yield Skipped(where, "invalid feed", f"{where}: not a readable RSS/Atom feed "
                      f"({type(exc).__name__}: {exc})")
        return
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield Skipped(where, "invalid feed" if problem else "empty feed",
                      f"{where}: " + (f"not a readable RSS/Atom feed ({problem})" if problem
                                      else "a feed with no items"))
        return
    for entry in parsed.entries:
        yield _item_article(entry, where, fetch)
