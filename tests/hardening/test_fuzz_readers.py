"""The readers on hostile input: structured random HTML, JSON lines, RSS/Atom feeds and WARC
records. Each case ends in an article or a Skipped record (or a TengriError) within a time
budget — never another exception, never a hang.

tests/ingest/test_properties.py already feeds random bytes to the readers; the cases here are
built to reach deeper: real tags around the junk, JSON that parses, feeds with items, WARC
records with lying headers, and the shapes random bytes almost never hit (deep nesting,
entity bombs, compressed bombs).
"""

from __future__ import annotations

import gzip
import io

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tengri.errors import TengriError
from tengri.ingest.feeds import feed_articles
from tengri.ingest.html import html_to_article
from tengri.ingest.jsonl import jsonl_articles
from tengri.ingest.records import Article
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.ingest.warc import warc_articles
from tengri.model import Skipped

from .conftest import Figures, bounded, fuzz_settings
from .hostile import (
    PAGE,
    SENTENCE,
    atom,
    encoded,
    feed_items,
    html_tree,
    json_row,
    raw_line,
    rss,
    warc_record,
)

# Hypothesis warns when a failing input would print long; the inputs here are long on purpose.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")


def check_found(items: list[Article | Skipped]) -> None:
    for item in items:
        if isinstance(item, Skipped):
            assert item.reason and item.detail
        else:
            assert isinstance(item, Article) and item.text.strip()


# --- HTML --------------------------------------------------------------------------------


def read_html(page: str) -> str:
    try:
        article = html_to_article(page, "fuzz.html")
    except TengriError:
        return "refused"
    check_found([article])
    return "article"


@fuzz_settings(150)
@given(html_tree, st.booleans())
@example("<div>" * 20_000 + SENTENCE * 5, False)
@example("<html><head><meta charset='x-no-such-charset'></head><body><article>" + SENTENCE * 5,
         True)
@example("<p " + "a=" * 50_000 + ">" + SENTENCE * 5, False)
def test_structured_random_html_gives_an_article_or_a_reason(figures: Figures, page: str,
                                                             wrap: bool) -> None:
    if wrap:
        page = f"<html><body><article><h1>Talks</h1>{page}<p>{SENTENCE * 4}</p></article>"
    figures.count(f"fuzz html ({bounded(20, lambda: read_html(page))})")


# --- JSONL -------------------------------------------------------------------------------


@fuzz_settings(200)
@given(st.lists(json_row.map(raw_line) | st.binary(max_size=60), max_size=10),
       st.sampled_from([b"\n", b"\r\n"]))
@example([b"[" * 200_000 + b"]" * 200_000], b"\n")
@example([b'{"text": "' + SENTENCE.encode() + b'", "published": 1e999}'], b"\n")
@example([b"\xef\xbb\xbf" + raw_line({"text": SENTENCE, "id": {"a": [1]}})], b"\r\n")
@example([raw_line({"text": SENTENCE * 40})] * 3, b"\n")
def test_json_lines_give_an_article_or_a_skipped_record_per_line(figures: Figures,
                                                                 lines: list[bytes],
                                                                 end: bytes) -> None:
    data = end.join(lines)
    found = bounded(20, lambda: list(jsonl_articles(io.BytesIO(data), "fuzz.jsonl", 2**16)))
    check_found(found)
    assert all(item.detail.startswith("fuzz.jsonl:") for item in found
               if isinstance(item, Skipped))
    assert len(found) <= len([line for line in data.splitlines() if line.strip()])
    figures.count("fuzz jsonl (lines)", len(lines))


# --- RSS and Atom ------------------------------------------------------------------------

BILLION_LAUGHS = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'lol'>"
                  + "".join(f"<!ENTITY {chr(98 + i)} '{('&' + chr(97 + i) + ';') * 10}'>"
                            for i in range(9))
                  + "]><rss version='2.0'><channel><item><title>&j;</title>"
                  "<description>&j;</description></item></channel></rss>")
EXTERNAL_ENTITY = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                   "<rss version='2.0'><channel><item><title>t</title><description>&x;"
                   "</description></item></channel></rss>")


@fuzz_settings(150)
@given(feed_items, st.sampled_from([rss, atom]), st.integers(0, 3))
@example([], rss, 0)
@example([("t", "", "", SENTENCE)], rss, 0)
def test_random_feeds_read_offline_give_articles_or_reasons(figures: Figures, items: list,
                                                            shape, cut: int) -> None:  # type: ignore[no-untyped-def]
    body = encoded(shape(items))
    if cut:  # a feed cut off a quarter, half or three quarters of the way
        body = body[: len(body) * cut // 4]
    found = bounded(20, lambda: list(feed_articles(body, "fuzz.xml", None)))
    assert found
    check_found(found)
    figures.count("fuzz feeds (items)", max(len(items), 1))


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY],
                         ids=["billion-laughs", "external-entity"])
def test_entity_tricks_in_a_feed_neither_expand_nor_read_files(body: str) -> None:
    found = bounded(10, lambda: list(feed_articles(body.encode(), "evil.xml", None)))
    for item in found:
        text = item.text if isinstance(item, Article) else item.detail
        assert "lol" * 1000 not in text
        assert "root:" not in text


@pytest.mark.parametrize("reference", ["&#x110000;", "&#99999999;"])
def test_a_character_reference_past_unicode_in_a_feed_is_a_skipped_record(reference: str) -> None:
    feed = rss([(f"Talks {reference}", "", "", SENTENCE)]).encode()
    check_found(bounded(10, lambda: list(feed_articles(feed, "evil.xml", None))))


# --- WARC --------------------------------------------------------------------------------

HTTP_HEADERS = [b"Content-Type: text/html", b"Content-Type: text/html; charset=x-unknown",
                b"Content-Encoding: gzip", b"Content-Encoding: br", b"Transfer-Encoding: chunked",
                b"Content-Length: 99999999999", b"Content-Length: -1", b"Location: /elsewhere"]


@fuzz_settings(150)
@given(st.sampled_from([b"HTTP/1.1 200 OK", b"HTTP/1.1 301 Moved", b"HTTP/1.0 999 ?", b"junk"]),
       st.lists(st.sampled_from(HTTP_HEADERS), max_size=4, unique=True),
       st.binary(max_size=200), st.booleans(), st.none() | st.integers(-5, 10**12))
def test_warc_records_with_lying_headers_give_articles_or_reasons(
        figures: Figures, status: bytes, headers: list[bytes], noise: bytes, real_page: bool,
        declared: int | None) -> None:
    payload = PAGE.encode() if real_page else noise
    if b"Content-Encoding: gzip" in headers and real_page:
        payload = gzip.compress(payload)
    http = status + b"\r\n" + b"".join(h + b"\r\n" for h in headers)
    data = warc_record("https://news.example/a", http, payload, declared)
    check_found(bounded(20, lambda: list(warc_articles(io.BytesIO(data), "fuzz.warc", 2**20))))
    figures.count("fuzz warc (records)")


def test_a_gzip_bomb_inside_a_warc_record_is_refused_at_the_size_cap() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * (200 * 2**20) + b"</p>", 9)
    assert len(bomb) < 1_000_000  # under a megabyte in the archive, 200 MB inflated
    data = warc_record("https://news.example/bomb", b"HTTP/1.1 200 OK\r\nContent-Type: "
                       b"text/html\r\nContent-Encoding: gzip\r\n", bomb)
    found = bounded(30, lambda: list(warc_articles(io.BytesIO(data), "bomb.warc", 10 * 2**20)))
    assert [(type(f).__name__, getattr(f, "reason", "")) for f in found] == [
        ("Skipped", "too large")], found


# --- any of these through iter_sources, as `tengri ingest -` reads them --------------------


@fuzz_settings(60)
@given(st.sampled_from(["html", "jsonl", "feed", "warc", "auto"]),
       st.one_of(html_tree.map(encoded), st.lists(json_row.map(raw_line), max_size=4).map(
           b"\n".join), feed_items.map(rss).map(encoded)))
def test_any_reader_on_any_of_these_inputs_ends_in_documents_or_skipped_records(
        figures: Figures, input_format: str, data: bytes) -> None:
    def run() -> int:
        options = SourceOptions(input_format=input_format, stdin=data, network=False)
        count = 0
        for loaded in iter_sources(["-"], options):
            check_found(list(loaded.skipped))
            assert all(document.text.strip() for document in loaded.documents)
            count += len(loaded.documents) + len(loaded.skipped)
        return count

    assert bounded(30, run) >= 0
    figures.count(f"fuzz iter_sources ({input_format})")
