"""HTML pages to article text and metadata (trafilatura removes the boilerplate)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tengri.ingest.records import Article, Evidence, SourceError

# htmldate's extensive search reads dates from running text; tengri reads datelines itself
# (see `published`), so the page date here is metadata only: meta tags, JSON-LD, <time>, URL.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura falls back to whatever text a page has: a page of navigation gives "Home". Fewer
# letters than this is no article, even a one-line news flash.
MIN_ARTICLE_LETTERS = 25
_LETTER = re.compile(r"[^\W\d_]")


def _page_date(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _extract(html: str, url: str | None) -> dict[str, Any] | None:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, date_extraction_params=_DATE_PARAMS)
    except (ValueError, TypeError, AttributeError, RecursionError, LookupError,
            AssertionError) as exc:
        # lxml and trafilatura raise these on some malformed pages (AssertionError: lxml's
        # drop_tree on an element with no parent, e.g. a stray <svg>); a page is skipped.
        raise SourceError("unparsable HTML", f"{url or 'page'}: HTML could not be parsed "
                          f"({type(exc).__name__}: {exc})") from exc
    if extracted is None:
        return None
    return extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)


def html_to_article(html: str, source: str, *, reader: str = "html", url: str | None = None,
                    doc_id: str | None = None, title: str | None = None,
                    evidence: tuple[Evidence, ...] = (), notes: tuple[str, ...] = (),
                    fallback_published: tuple[dt.date, str] | None = None) -> Article:
    """The article text of a page and its title, author, site, date, language and URL.

    `title` and `fallback_published` (a date and where it came from) fill in what the page
    itself does not say, e.g. from the feed item that linked to it."""
    data = _extract(html, url)
    text = ((data or {}).get("text") or "").strip()
    if data is None or len(_LETTER.findall(text[:1000])) < MIN_ARTICLE_LETTERS:
        raise SourceError("no article text", f"{source}: HTML with no article text "
                          "(trafilatura found none)")
    published = _page_date(data.get("date"))
    published_from = "page metadata" if published else ""
    if published is None and fallback_published is not None:
        published, published_from = fallback_published
    return Article(
        source=source, reader=reader, text=text, doc_id=doc_id, title=data.get("title") or title,
        url=url or data.get("url") or None, author=data.get("author") or None,
        site=data.get("sitename") or data.get("hostname") or None,
        lang=data.get("language") or None, published=published, published_from=published_from,
        evidence=evidence, notes=notes,
    )
