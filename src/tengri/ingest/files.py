"""Local inputs: which files a spec names, opening them (gzip or not) and telling their kind
from the name and the first bytes, without reading a whole corpus into memory."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from tengri.ingest.decoding import GZIP_MAGIC
from tengri.ingest.feeds import looks_like_feed
from tengri.ingest.records import SourceError

HEAD_BYTES = 65_536
URL_LIST_MAX_BYTES = 1_000_000  # a bigger file is a URL list only when named with --urls
KINDS = ("text", "html", "jsonl", "warc", "feed", "urls")
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_WARC_SUFFIXES = {".warc", ".arc"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_FEED_SUFFIXES = {".rss", ".atom"}
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$", re.IGNORECASE)
_GLOB = re.compile(r"[*?\[]")


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


def has_scheme(spec: str) -> bool:
    """'ftp://…', 'file:///…': a URL tengri does not fetch (a Windows 'C:\\' is no scheme)."""
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]+://", spec))


def expand(spec: str) -> Iterator[Path]:
    """The files a path, folder (recursively, sorted, hidden files left out) or glob names."""
    path = Path(spec)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file()
                          and not any(part.startswith(".") for part in p.relative_to(path).parts))
    elif _GLOB.search(spec) and not path.exists():
        root = Path(path.anchor) if path.is_absolute() else Path()
        pattern = str(path.relative_to(root)) if path.is_absolute() else spec
        yield from sorted(p for p in root.glob(pattern) if p.is_file())
    else:
        yield path


def suffixes(name: str) -> list[str]:
    """Lower-case suffixes with a final .gz removed: 'a.warc.gz' -> ['.warc']."""
    parts = [s.lower() for s in Path(name).suffixes]
    return parts[:-1] if parts and parts[-1] == ".gz" else parts


class Rewound(io.RawIOBase):
    """A stream whose first bytes were already read to sniff it: serves them again, then the
    rest. Damage met in the rest (a truncated gzip) ends the stream like an end of file and is
    kept in `damage`: readers such as warcio take an EOFError for a normal end, and a buffered
    read that fails loses the bytes it had, so the error is reported after the reader is done."""

    def __init__(self, head: bytes, rest: IO[bytes], damage: Exception | None = None) -> None:
        self._head = head
        self._rest = rest
        self.damage = damage

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        if self.damage is not None:
            return 0
        # read1: a gzip stream hands over what it inflated before it meets damage
        read = getattr(self._rest, "read1", self._rest.read)
        try:
            data = read(len(buffer))
        except (OSError, EOFError) as exc:
            self.damage = exc
            return 0
        buffer[: len(data)] = data
        return len(data)


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The first bytes of an input and a stream that reads it all from the start."""

    head: bytes
    stream: IO[bytes]
    rewound: Rewound

    def damage(self) -> str | None:
        error = self.rewound.damage
        return None if error is None else f"{type(error).__name__}: {error}"


def sniffable(raw: IO[bytes]) -> Sniffed:
    """Open a stream for sniffing, gunzipping it when it is gzip."""
    magic = raw.read(2)
    stream: IO[bytes] = io.BufferedReader(Rewound(magic, raw))
    if magic == GZIP_MAGIC:
        stream = gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[assignment]
    pieces: list[bytes] = []
    size = 0
    damage: Exception | None = None
    while size < HEAD_BYTES:
        try:
            piece = stream.read1(min(8192, HEAD_BYTES - size))  # type: ignore[attr-defined]
        except (OSError, EOFError) as exc:
            damage = exc
            break
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    head = b"".join(pieces)
    rewound = Rewound(head, stream, damage)
    return Sniffed(head, io.BufferedReader(rewound), rewound)


def is_url_list(head: bytes, size: int | None) -> bool:
    """Every non-blank line, bar '#' comments, is an http(s) URL (files up to 1 MB)."""
    if size is not None and size > URL_LIST_MAX_BYTES:
        return False
    lines = [line for line in head.splitlines() if line.strip()
             and not line.lstrip().startswith(b"#")]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


def kind_of(name: str, head: bytes, requested: str = "auto", size: int | None = None) -> str:
    """text, html, jsonl, warc, feed or urls: as requested, else from the name and the bytes."""
    if requested != "auto":
        return requested
    suffix = (suffixes(name) or [""])[-1]
    if suffix in _WARC_SUFFIXES or head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _FEED_SUFFIXES or (suffix not in _HTML_SUFFIXES and looks_like_feed(head)):
        return "feed"
    if suffix in _HTML_SUFFIXES or looks_html(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"{") and b"\n{" in stripped.replace(b"\r\n", b"\n"):
        return "jsonl"
    if is_url_list(head, size):
        return "urls"
    return "text"


def looks_html(head: bytes) -> bool:
    start = head[:2000].lower()
    return (b"<html" in start or b"<!doctype html" in start
            or (b"<body" in start and b"</" in start))


def read_capped(stream: IO[bytes], limit: int, name: str) -> bytes:
    """All of a stream that holds one document, refusing more than `limit` bytes."""
    try:
        data = stream.read(limit + 1)
    except (OSError, EOFError) as exc:
        raise SourceError("corrupt gzip", f"{name}: truncated or corrupt gzip "
                          f"({type(exc).__name__}: {exc})") from exc
    if len(data) > limit:
        raise SourceError("too large", f"{name}: more than {limit / 2**20:.0f} MB for one "
                          "document; split it into articles (one per file or JSONL line)")
    return data


def url_lines(stream: IO[bytes], name: str) -> Iterable[tuple[str, str]]:
    """(where, URL) for each line of a URL list; blank lines and '#' comments pass."""
    for number, raw in enumerate(stream, start=1):
        line = raw.decode("utf-8", errors="replace").strip()
        if line and not line.startswith("#"):
            yield f"{name}:{number}", line
