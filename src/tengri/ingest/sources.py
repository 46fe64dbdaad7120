"""One entry point for every source: `iter_sources(specs, options)` yields a `Loaded` per
document (or per skipped input), streaming, so a corpus is never held in memory.

A spec is a file, a folder (recursive), a glob, '-' for stdin, an http(s) URL (an article page
or an RSS/Atom feed, told apart by what the server sends), a list of URLs (named with --urls,
or any small file whose every line is a URL), a WARC archive or a JSONL dump; any file may be
gzipped. What each input is comes from its name and its first bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from tengri.errors import UsageError
from tengri.ingest.decoding import decode
from tengri.ingest.describe import describe
from tengri.ingest.feeds import Fetch, feed_articles, looks_like_feed
from tengri.ingest.fetch import Fetcher, FetchOptions
from tengri.ingest.files import (
    Sniffed,
    expand,
    has_scheme,
    is_url,
    kind_of,
    read_capped,
    sniffable,
    url_lines,
)
from tengri.ingest.html import html_to_article
from tengri.ingest.jsonl import jsonl_articles
from tengri.ingest.records import Article, Evidence, Loaded, SourceError
from tengri.ingest.warc import warc_articles
from tengri.model import Document, Skipped

log = logging.getLogger(__name__)

INPUT_FORMATS = ("auto", "text", "html", "jsonl", "warc", "feed", "urls")


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How inputs are read; built once at the edge (CLI) and passed down."""

    input_format: str = "auto"  # or one of INPUT_FORMATS: read every file as that kind
    published: dt.date | None = None  # the user's --published: overrides every found date
    max_document_bytes: int = 10 * 2**20  # one text or HTML document (file, record, line)
    url_lists: tuple[str, ...] = ()  # files named with --urls
    network: bool = True  # False: URLs are skipped, never fetched
    fetch: FetchOptions = field(default_factory=FetchOptions)
    stdin: bytes | IO[bytes] | None = None  # what '-' reads (default: sys.stdin.buffer)

    def __post_init__(self) -> None:
        if self.input_format not in INPUT_FORMATS:
            raise UsageError(f"input format {self.input_format!r}; choose one of "
                             f"{', '.join(INPUT_FORMATS)}")


Found = Article | Skipped


class _Reader:
    """Reads specs under one set of options, sharing one HTTP client (and its per-host pacing)
    across all of them."""

    def __init__(self, options: SourceOptions, stack: ExitStack,
                 fetcher: Fetcher | None) -> None:
        self.options = options
        self._stack = stack
        self._fetcher = fetcher

    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._stack.enter_context(Fetcher(self.options.fetch))
        return self._fetcher

    def spec(self, spec: str, forced: str | None = None) -> Iterator[Found]:
        if spec == "-":
            yield from self.stream(self._stdin(), "<stdin>", None, (), forced)
        elif is_url(spec):
            yield from self.url(spec, spec)
        elif has_scheme(spec):
            yield Skipped(spec, "refused scheme", f"{spec}: tengri fetches only http and "
                          "https URLs; give a local path without a scheme")
        else:
            found_any = False
            for path in expand(spec):
                found_any = True
                yield from self.path(path, forced)
            if not found_any:
                yield Skipped(spec, "no such file", f"{spec}: the pattern matches no file")

    def _stdin(self) -> IO[bytes]:
        given = self.options.stdin
        if isinstance(given, bytes):
            return io.BytesIO(given)
        if given is not None:
            return given
        import sys

        return sys.stdin.buffer

    def path(self, path: Path, forced: str | None) -> Iterator[Found]:
        name = str(path)
        try:
            stat = path.stat()
        except OSError as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else "unreadable"
            yield Skipped(name, reason, f"{name}: {exc.strerror or exc}")
            return
        mtime = (Evidence(dt.date.fromtimestamp(stat.st_mtime), "file mtime"),)
        try:
            handle = path.open("rb")
        except OSError as exc:
            yield Skipped(name, "unreadable", f"{name}: cannot read ({exc.strerror})")
            return
        with handle:
            yield from self.stream(handle, name, stat.st_size, mtime, forced)

    def stream(self, raw: IO[bytes], name: str, size: int | None,
               evidence: tuple[Evidence, ...], forced: str | None) -> Iterator[Found]:
        documents = 0
        whole_input_skipped = False
        sniffed = sniffable(raw)
        try:
            kind = forced or kind_of(name, sniffed.head, self.options.input_format, size)
            if not sniffed.head.strip() and sniffed.damage() is None:
                raise SourceError("empty", f"{name}: empty input, nothing to code")
            for found in self._by_kind(kind, sniffed, name, size, evidence):
                documents += isinstance(found, Article)
                whole_input_skipped |= isinstance(found, Skipped) and found.input == name
                yield found
        except SourceError as exc:
            whole_input_skipped = True
            yield exc.skipped(name)
        damage = sniffed.damage()
        if damage is not None and not whole_input_skipped:
            yield Skipped(name, "corrupt gzip", f"{name}: truncated or corrupt gzip ({damage}); "
                          f"{documents} document(s) before the damage were read")

    def _by_kind(self, kind: str, sniffed: Sniffed, name: str, size: int | None,
                 evidence: tuple[Evidence, ...]) -> Iterator[Found]:
        cap = self.options.max_document_bytes
        stream = sniffed.stream
        if kind == "jsonl":
            yield from jsonl_articles(stream, name, cap, evidence)
        elif kind == "warc":
            yield from warc_articles(stream, name, cap)
        elif kind == "urls":
            for where, url in url_lines(stream, name):
                yield from self.url(url, where)
        else:
            if size is not None and size > cap:
                raise SourceError("too large", f"{name}: {size / 2**20:.1f} MB, more than "
                                  f"{cap / 2**20:.0f} MB for one document; split it into "
                                  "articles (one per file or JSONL line)")
            data = read_capped(stream, cap, name)
            if (damage := sniffed.damage()) is not None:  # a fragment is no document
                raise SourceError("corrupt gzip", f"{name}: truncated or corrupt gzip ({damage})")
            if kind == "feed":
                yield from feed_articles(data, name, self._fetch_or_none())
                return
            text = decode(data, name)
            if kind == "html":
                yield html_to_article(text, name, doc_id=name if name != "<stdin>" else None,
                                      evidence=evidence)
            else:
                doc_id = Document.make_id(text) if name == "<stdin>" else name
                yield Article(source=name, reader="text", text=text, doc_id=doc_id,
                              evidence=evidence)

    def _fetch_or_none(self) -> Fetch | None:
        return self.fetcher().get if self.options.network else None

    def url(self, url: str, where: str) -> Iterator[Found]:
        if not self.options.network:
            yield Skipped(url, "offline", f"{url}: not fetched (network use is off)")
            return
        try:
            fetched = self.fetcher().get(url)
            if looks_like_feed(fetched.body[:4096], fetched.content_type):
                yield from feed_articles(fetched.body, url, self.fetcher().get,
                                         fetched.final_url)
            elif fetched.content_type in ("text/html", "application/xhtml+xml", "") or (
                    fetched.content_type in ("text/xml", "application/xml")):
                yield html_to_article(fetched.text(), url, reader="url", url=fetched.final_url)
            elif fetched.content_type == "text/plain":
                yield Article(source=url, reader="url", text=fetched.text(),
                              url=fetched.final_url)
            else:
                raise SourceError("unsupported content type", f"{url}: "
                                  f"{fetched.content_type}; tengri reads HTML, text and "
                                  "RSS/Atom from the web")
        except SourceError as exc:
            yield exc.skipped(url)


def iter_sources(specs: Iterable[str], options: SourceOptions | None = None, *,
                 fetcher: Fetcher | None = None) -> Iterator[Loaded]:
    """A `Loaded` per document or skipped input of every spec, in order (see the module note).

    Each document comes with its `Provenance` (reader, URL, author, site, how its date was
    found, languages). One bad input never stops the others."""
    options = options or SourceOptions()
    with ExitStack() as stack:
        reader = _Reader(options, stack, fetcher)
        todo: list[tuple[str, str | None]] = [(spec, None) for spec in specs]
        todo += [(spec, "urls") for spec in options.url_lists]
        for spec, forced in todo:
            for found in reader.spec(spec, forced):
                if isinstance(found, Skipped):
                    yield Loaded((), (found,))
                else:
                    yield describe(found, options.published)
