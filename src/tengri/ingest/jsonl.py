"""JSONL dumps, read a line at a time: one article per line, a broken line skipped, not fatal.

Besides tengri's own shape (`id`, `text`, `published`, `title`, `url`, `lang`), the field
names of common news dumps are read too (news-please: `maintext`, `date_publish`, `authors`,
`source_domain`), and a line with `html` but no text has the page extracted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import IO, Any

from tengri.ingest.html import html_to_article
from tengri.ingest.records import Article, Evidence, SourceError
from tengri.model import Document, Skipped

_TEXT = ("text", "maintext", "content", "body")
_PUBLISHED = ("published", "date_publish", "published_at", "date")
_SITE = ("source_name", "source", "site", "source_domain")
# A news report dated 0001-01-01 or 9999-12-31 is a placeholder or a typo, not a date to
# resolve "next week" against.
PLAUSIBLE_PUBLISHED = (dt.date(1800, 1, 1), dt.date(2199, 12, 31))


def _first(row: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = row.get(name)
        if value not in (None, "", []):
            return value
    return None


def _author(row: dict[str, Any]) -> str | None:
    value = row.get("author") or row.get("authors")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    return str(value) if value else None


def _published(value: Any, where: str) -> tuple[dt.date | None, tuple[str, ...]]:
    if value is None:
        return None, ()
    text = str(value).strip()
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError:
        return None, (f"{where}: published {text[:40]!r} is not a YYYY-MM-DD date; ignored",)
    if not PLAUSIBLE_PUBLISHED[0] <= date <= PLAUSIBLE_PUBLISHED[1]:
        first, last = (d.isoformat() for d in PLAUSIBLE_PUBLISHED)
        return None, (f"{where}: published {date.isoformat()} is not between {first} and "
                      f"{last}; ignored",)
    return date, ()


def row_article(row: Any, where: str, evidence: tuple[Evidence, ...] = ()) -> Article:
    """The article one JSON object describes, or SourceError saying what it lacks."""
    if not isinstance(row, dict):
        raise SourceError("invalid record", f"{where}: a JSON object per line is expected, "
                          f"got {type(row).__name__}")
    published, notes = _published(_first(row, _PUBLISHED), where)
    doc_id = str(row["id"]) if row.get("id") not in (None, "") else None
    url = row.get("url") if isinstance(row.get("url"), str) else None
    body = _first(row, _TEXT)
    if body is None and isinstance(row.get("html"), str):
        return html_to_article(row["html"], where, reader="jsonl", url=url, doc_id=doc_id,
                               title=row.get("title") or None, evidence=evidence, notes=notes,
                               fallback_published=(published, "JSONL published")
                               if published else None)
    if not isinstance(body, str) or not body.strip():
        raise SourceError("invalid record", f"{where}: no 'text' (each line needs 'id' and "
                          "'text')")
    site = _first(row, _SITE)
    return Article(
        source=where, reader="jsonl", text=body, doc_id=doc_id or Document.make_id(body),
        title=str(row["title"]) if row.get("title") else None, url=url, author=_author(row),
        site=str(site) if site else None,
        lang=str(row.get("lang") or row.get("language") or "") or None,
        published=published, published_from="JSONL published" if published else "",
        evidence=evidence, notes=notes,
    )


def _lines(stream: IO[bytes], name: str, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line longer than `max_line`, which is read
    past in pieces rather than held in memory."""
    number = 0
    while True:
        line = stream.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            skipped = len(line)
            while (piece := stream.readline(max_line + 1)) and not piece.endswith(b"\n"):
                skipped += len(piece)
                if skipped > 10 * max_line:
                    raise SourceError("too large", f"{name}:{number}: a line of more than "
                                      f"{10 * max_line / 2**20:.0f} MB; not a JSONL dump")
            yield number, None
            continue
        yield number, line


def jsonl_articles(stream: IO[bytes], name: str, max_line: int,
                   evidence: tuple[Evidence, ...] = ()) -> Iterator[Article | Skipped]:
    """One article (or Skipped record) per non-blank line of a JSONL stream."""
    for number, line in _lines(stream, name, max_line):
        where = f"{name}:{number}"
        if line is None:
            yield Skipped(where, "too large", f"{where}: a line of more than "
                          f"{max_line / 2**20:.0f} MB")
            continue
        if not line.strip():
            continue
        try:
            text = line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Skipped(where, "invalid UTF-8", f"{where}: not UTF-8 ({exc.reason} at byte "
                          f"{exc.start}); JSONL must be UTF-8")
            continue
        try:
            yield row_article(json.loads(text), where, evidence)
        except json.JSONDecodeError as exc:
            yield Skipped(where, "invalid JSON", f"{where}: not valid JSON ({exc.msg} at "
                          f"column {exc.colno})")
        except RecursionError:
            yield Skipped(where, "invalid JSON", f"{where}: JSON nested too deeply")
        except SourceError as exc:
            yield exc.skipped(where)
