"""Reading documents from local files, folders and stdin: plain text, HTML and JSONL.

Every input either yields Documents or a `Skipped` record that names the input and the reason;
one bad input never stops the others.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tengri.errors import InputError
from tengri.model import Document, Skipped

log = logging.getLogger(__name__)

MAX_DOCUMENT_CHARS = 2_000_000
INPUT_FORMATS = ("auto", "text", "html", "jsonl")
_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class Loaded:
    """What reading one input gave: documents, and inputs (or lines) that were skipped."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...] = ()


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else the encoding charset detection finds."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{name}: binary data (NUL bytes), not text; give a text, HTML or "
                         "JSONL file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be recognised; "
                         "convert the file to UTF-8")
    log.info("%s: decoded as %s", name, best.encoding)
    return data.decode(best.encoding, errors="replace")


def parse_date(value: object, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"{where}: published {text!r} is not a date; use YYYY-MM-DD") from None


def _check_size(text: str, name: str) -> None:
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(
            f"{name}: {len(text) / 1e6:.1f} million characters, more than the "
            f"{MAX_DOCUMENT_CHARS / 1e6:.0f} million one document may have; split it into "
            "articles (one per file or JSONL line)"
        )


def html_to_document(html: str, doc_id: str, published: dt.date | None = None,
                     url: str | None = None) -> Document:
    """The article text and metadata of an HTML page (boilerplate removed by trafilatura)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                            include_comments=False, include_tables=False,
                                            favor_precision=True)
    if extracted is None:
        raise InputError(f"{doc_id}: HTML with no article text (trafilatura found none)")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(f"{doc_id}: HTML with no article text (trafilatura found none)")
    page_date = None
    if data.get("date"):
        try:
            page_date = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            page_date = None
    return Document(doc_id, text, published or page_date, data.get("title") or None,
                    url or data.get("url") or None, data.get("language") or None,
                    data.get("sitename") or None)


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def _format_of(name: str, text: str, requested: str) -> str:
    if requested != "auto":
        return requested
    suffix = Path(name).suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _HTML_SUFFIXES or _looks_html(text):
        return "html"
    stripped = text.lstrip()
    if stripped.startswith("{") and "\n{" in stripped:
        return "jsonl"
    return "text"


def jsonl_documents(text: str, name: str, published: dt.date | None) -> Loaded:
    """One document per JSON line with `id` and `text`; a broken line is skipped, not fatal."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise InputError(f"{where}: a JSON object per line is expected, got "
                                 f"{type(row).__name__}")
            body = row.get("text")
            if not isinstance(body, str) or not body.strip():
                raise InputError(f"{where}: no 'text' (each line needs 'id' and 'text')")
            _check_size(body, where)
            doc_id = str(row.get("id") or Document.make_id(body))
            documents.append(Document(
                doc_id, body, published or parse_date(row.get("published"), where),
                row.get("title") or None, row.get("url") or None, row.get("lang") or None,
            ))
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(where, "invalid JSON",
                                   f"not valid JSON ({exc.msg} at column {exc.colno})"))
        except InputError as exc:
            skipped.append(Skipped(where, "invalid record", str(exc).removeprefix(f"{where}: ")))
    return Loaded(tuple(documents), tuple(skipped))


def load_text(text: str, name: str, input_format: str = "auto",
              published: dt.date | None = None, doc_id: str | None = None) -> Loaded:
    """Documents from text already read, in the given (or detected) format."""
    if not text.strip():
        raise InputError(f"{name}: empty input, nothing to code")
    kind = _format_of(name, text, input_format)
    if kind == "jsonl":
        return jsonl_documents(text, name, published)
    _check_size(text, name)
    if kind == "html":
        return Loaded((html_to_document(text, doc_id or name, published),))
    return Loaded((Document(doc_id or name, text, published),))


def load_path(path: Path, input_format: str = "auto", published: dt.date | None = None) -> Loaded:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from exc
    return load_text(decode(data, name), name, input_format, published)


def expand(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files named, files inside folders named (recursively, sorted), or '-' for stdin."""
    for item in paths:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file()
                              and not p.name.startswith("."))
        elif any(ch in item for ch in "*?["):
            yield from sorted(Path().glob(item))
        else:
            yield path


def load_inputs(paths: Iterable[str], input_format: str = "auto",
                published: dt.date | None = None, stdin: bytes | None = None) -> Iterator[Loaded]:
    """Read every input in turn; an unreadable input becomes a Skipped record, never an abort."""
    for item in expand(paths):
        name = "<stdin>" if item == "-" else str(item)
        try:
            if item == "-":
                text = decode(stdin or b"", name)
                yield load_text(text, name, input_format, published,
                                doc_id=None if input_format == "jsonl" else Document.make_id(text))
            else:
                if not Path(item).exists():
                    raise InputError(f"{name}: no such file or folder")
                yield load_path(Path(item), input_format, published)
        except InputError as exc:
            detail = str(exc).removeprefix(f"{name}: ")
            yield Loaded((), (Skipped(name, detail.split(" (")[0].split(";")[0], detail),))
