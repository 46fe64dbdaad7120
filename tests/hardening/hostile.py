"""Hostile inputs the hardening suites share: words and markup that break parsers, and
hypothesis strategies that build HTML pages, JSON lines, feeds and WARC records around them."""

from __future__ import annotations

import json

from hypothesis import strategies as st

SENTENCE = "Kazakh President Kassym-Jomart Tokayev met Vladimir Putin in Moscow on Tuesday. "
PAGE = f"<html><body><article><h1>Talks</h1><p>{SENTENCE * 5}</p></article></body></html>"

TAGS = ("p div article main section span a b i h1 h2 li ul table tr td script style iframe svg "
        "math template noscript form textarea title meta base frameset xmp plaintext").split()
ATTRIBUTES = "class id href src style onload lang charset content property name http-equiv".split()
# Entity and comment fragments, a NUL, a BOM, a right-to-left override, a lone surrogate.
JUNK = ["&amp;", "&#0;", "&#x110000;", "&#99999999;", "&nbsp;", "&lt;script&gt;", "<!--", "-->",
        "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "\x00", "\ufeff",
        "\u202e", "\ud800", "javascript:alert(1)", "&", "<", ">", '"', "'"]
# Markup an attacker would put in article text, titles or names to run script in the dashboard.
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>",
       "</script><script>alert(1)</script>", "javascript:alert(1)", "{{7*7}}", "${alert(1)}",
       "<a href='javascript:alert(1)'>x</a>", "\u2028\u2029", "<!--", "]]>"]

words = st.sampled_from(SENTENCE.split() + JUNK) | st.text(max_size=12)
attribute = st.tuples(st.sampled_from(ATTRIBUTES), words).map(lambda a: f' {a[0]}="{a[1]}"')
html_tree = st.recursive(
    st.lists(words, max_size=20).map(" ".join),
    lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(attribute, max_size=3),
                            st.lists(inner, max_size=4), st.booleans()).map(
        lambda t: f"<{t[0]}{''.join(t[1])}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else "")),
    max_leaves=40,
)

JSON_FIELDS = ("id text maintext content body published date_publish date title url lang html "
               "authors author source").split()
json_scalar = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
               | st.sampled_from(["9999-12-31", "0001-01-01", "2025-02-30", "1e400", SENTENCE]))
json_row = st.dictionaries(
    st.sampled_from(JSON_FIELDS),
    st.recursive(json_scalar, lambda c: st.lists(c, max_size=3)
                 | st.dictionaries(st.text(max_size=5), c, max_size=3), max_leaves=8),
    max_size=8,
)


def raw_line(row: object) -> bytes:
    """A JSON line as a hostile writer might make it: non-finite numbers, lone surrogates."""
    return json.dumps(row, allow_nan=True).encode("utf-8", "surrogatepass")


item_text = st.lists(words, max_size=30).map(" ".join)
FEED_DATES = ["Tue, 11 Nov 2025 08:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 +1400",
              "Mon, 01 Jan 0001 00:00:00 -1200", "2025-13-45T99:99:99Z", "yesterday", "",
              "Thu, 01 Jan 1970 00:00:00 GMT", "2025-11-11T08:00:00+05:00"]
FEED_LINKS = ["", "https://news.example/a", "javascript:alert(1)", "file:///etc/passwd",
              "http://127.0.0.1/x", "not a url"]
feed_items = st.lists(st.tuples(item_text, st.sampled_from(FEED_LINKS),
                                st.sampled_from(FEED_DATES), item_text), max_size=6)


def rss(items: list[tuple[str, str, str, str]]) -> str:
    body = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                   f"<description><![CDATA[{text}]]></description></item>"
                   for t, link, d, text in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>f</title>{body}</channel></rss>"


def atom(items: list[tuple[str, str, str, str]]) -> str:
    body = "".join(f"<entry><title>{t}</title><link href='{link}'/><updated>{d}</updated>"
                   f"<content type='html'>{text}</content></entry>"
                   for t, link, d, text in items)
    return f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>{body}</feed>"


def warc_record(url: str, http: bytes, payload: bytes, declared: int | None = None) -> bytes:
    """One WARC response record; `declared` overrides its Content-Length (to lie about it)."""
    block = http + b"\r\n" + payload
    length = len(block) if declared is None else declared
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"WARC-Date: 2025-11-12T08:30:00Z\r\nWARC-Target-URI: " + url.encode() + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(length).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")


def encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")
