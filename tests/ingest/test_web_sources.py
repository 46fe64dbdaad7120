"""URLs, feeds and URL lists through `iter_sources`, against a real server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from tengri.ingest.addresses import AddressPolicy
from tengri.ingest.feeds import looks_like_feed
from tengri.ingest.records import Loaded
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.model import DatePrecision

from .conftest import HTML_TYPE, LocalWeb, article_page, local_options

BODY_1 = (
    "Kazakh President Kassym-Jomart Tokayev held talks with Russian President Vladimir "
    "Putin in the Kremlin on Wednesday.\n\nThe two leaders signed a declaration on "
    "deepening their alliance and agreed to expand trade in energy and transport."
)
BODY_2 = (
    "ASTANA, Nov 11 (Kazinform) – The foreign ministers of Kazakhstan and Uzbekistan met "
    "in Astana to prepare a visit by the Uzbek president later this month.\n\nThey "
    "discussed water sharing on the Syr Darya and new rail links between the capitals."
)
SUMMARY_3 = (
    "<p>Kyrgyzstan and Tajikistan opened two border crossings closed since the clashes "
    "of 2022, their border services said.</p>"
)


def options(**fetch: object) -> SourceOptions:
    return SourceOptions(fetch=local_options(**fetch))


def run(specs: list[str], opts: SourceOptions) -> list[Loaded]:
    return list(iter_sources(specs, opts))


def rss(web: LocalWeb) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Steppe Wire</title><link>{web.url("/")}</link>
<item><title>Tokayev and Putin sign declaration</title><link>{web.url("/a1")}</link>
  <pubDate>Wed, 12 Nov 2025 09:00:00 GMT</pubDate><description>Short.</description></item>
<item><title>Ministers prepare Uzbek visit</title><link>{web.url("/a2")}</link>
  <pubDate>Tue, 11 Nov 2025 15:00:00 GMT</pubDate></item>
<item><title>Border crossings reopen</title><link>{web.url("/gone")}</link>
  <pubDate>Mon, 10 Nov 2025 07:00:00 GMT</pubDate>
  <description><![CDATA[{SUMMARY_3}]]></description></item>
<item><title>Nothing to read</title><link>{web.url("/gone2")}</link></item>
</channel></rss>"""


def serve_feed(web: LocalWeb, content_type: str = "application/rss+xml") -> str:
    web.route(
        "/a1",
        article_page(
            "Tokayev and Putin sign alliance declaration",
            BODY_1,
            date="2025-11-12",
            author="Aigerim Sadykova",
        ),
        headers=HTML_TYPE,
    )
    # no title tag and no date metadata: the feed item's title and date fill in
    web.route(
        "/a2",
        "<html><body><article>"
        + "".join(f"<p>{p}</p>" for p in BODY_2.split("\n\n"))
        + "</article></body></html>",
        headers=HTML_TYPE,
    )
    return web.route("/feed", rss(web), headers={"Content-Type": content_type})


def test_a_feed_url_yields_each_item_page_with_feed_metadata_as_fallback(web: LocalWeb) -> None:
    loaded = run([serve_feed(web)], options())
    docs = [item for part in loaded for item in part.items()]
    assert [(d.url, d.title, d.published) for d, _ in docs] == [
        (web.url("/a1"), "Tokayev and Putin sign alliance declaration", dt.date(2025, 11, 12)),
        (web.url("/a2"), "Ministers prepare Uzbek visit", dt.date(2025, 11, 11)),
        (web.url("/gone"), "Border crossings reopen", dt.date(2025, 11, 10)),
    ]
    first, second, third = (p for _, p in docs)
    assert (first.reader, first.author, first.published_from) == (
        "feed",
        "Aigerim Sadykova",
        "page metadata",
    )
    assert second.published_from == "feed item date"
    assert "signed a declaration" in docs[0][0].text
    assert docs[2][0].text.startswith("Kyrgyzstan and Tajikistan opened two border crossings")
    assert third.notes[1].startswith("page could not be fetched (")
    assert "404" in third.notes[1] and third.notes[1].endswith("text from the feed item")
    skipped = [s for part in loaded for s in part.skipped]
    assert [(s.input, s.reason) for s in skipped] == [(web.url("/gone2"), "HTTP 404")]


def test_a_feed_served_as_plain_xml_is_still_recognised_as_a_feed(web: LocalWeb) -> None:
    loaded = run([serve_feed(web, "text/xml")], options())
    assert len([d for part in loaded for d in part.documents]) == 3


def test_an_atom_feed_is_read_like_rss(web: LocalWeb) -> None:
    web.route("/a1", article_page("Talks in the Kremlin", BODY_1), headers=HTML_TYPE)
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<updated>2025-11-12T10:00:00Z</updated>
<entry><title>Talks</title><id>urn:1</id><link href="{web.url("/a1")}"/>
<updated>2025-11-12T10:00:00Z</updated></entry></feed>"""
    feed = web.route("/atom", atom, headers={"Content-Type": "application/atom+xml"})
    [(doc, prov)] = [item for part in run([feed], options()) for item in part.items()]
    assert (doc.title, doc.published, prov.published_from) == (
        "Talks in the Kremlin",
        dt.date(2025, 11, 12),
        "feed item date",
    )


def test_an_article_url_yields_the_page_with_its_final_url(web: LocalWeb) -> None:
    web.route("/2025/11/12/talks", article_page("Talks", BODY_1), headers=HTML_TYPE)
    web.route("/short", status=301, headers={"Location": "/2025/11/12/talks"})
    [(doc, prov)] = [item for part in run([web.url("/short")], options()) for item in part.items()]
    assert doc.url == web.url("/2025/11/12/talks")
    assert (doc.published, prov.published_from, prov.reader) == (
        dt.date(2025, 11, 12),
        "page metadata",
        "url",
    )


def test_a_url_list_fetches_each_url_and_skips_the_failures(web: LocalWeb, tmp_path: Path) -> None:
    web.route("/a1", article_page("Talks", BODY_1), headers=HTML_TYPE)
    web.route("/img", b"\x89PNG", headers={"Content-Type": "image/png"})
    listing = tmp_path / "links.txt"
    listing.write_text(f"{web.url('/a1')}\n{web.url('/img')}\n{web.url('/nope')}\n")
    loaded = run([str(listing)], options())
    assert [d.url for part in loaded for d in part.documents] == [web.url("/a1")]
    assert [s.reason for part in loaded for s in part.skipped] == [
        "unsupported content type",
        "HTTP 404",
    ]


def test_a_feed_that_times_out_is_skipped_and_the_next_source_is_read(web: LocalWeb) -> None:
    web.route("/slow-feed", handler=lambda handler: time.sleep(30))
    web.route("/a1", article_page("Talks", BODY_1), headers=HTML_TYPE)
    started = time.monotonic()
    loaded = run([web.url("/slow-feed"), web.url("/a1")], options(timeout=0.5, retries=0))
    assert time.monotonic() - started < 15  # the feed was cut off, not waited for (30 s)
    assert [(s.input, s.reason) for part in loaded for s in part.skipped] == [
        (web.url("/slow-feed"), "timeout")
    ]
    assert [d.url for part in loaded for d in part.documents] == [web.url("/a1")]


def test_a_url_that_redirects_to_a_private_address_is_skipped(web: LocalWeb) -> None:
    web.route("/go", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    opts = options(policy=AddressPolicy(allowed_networks=("127.0.0.0/8",)))
    [part] = run([web.url("/go")], opts)
    [skip] = part.skipped
    assert (skip.input, skip.reason) == (web.url("/go"), "private address")
    assert "169.254.169.254" in skip.detail


def test_by_default_a_loopback_url_is_skipped_without_a_request(web: LocalWeb) -> None:
    web.route("/a1", article_page("Talks", BODY_1), headers=HTML_TYPE)
    [part] = run([web.url("/a1")], SourceOptions())
    assert [s.reason for s in part.skipped] == ["private address"]
    assert web.hits == []


def test_feed_items_linking_to_private_addresses_fall_back_to_their_text(web: LocalWeb) -> None:
    feed = f"""<rss version="2.0"><channel><title>x</title>
<item><title>Inside</title><link>http://10.1.2.3/story</link>
<description>{SUMMARY_3}</description></item></channel></rss>"""
    url = web.route("/feed", feed, headers={"Content-Type": "application/rss+xml"})
    opts = options(policy=AddressPolicy(allowed_networks=("127.0.0.0/8",)))
    [(doc, prov)] = [item for part in run([url], opts) for item in part.items()]
    assert "non-public address" in prov.notes[1]
    assert doc.published is None and prov.published_precision == DatePrecision.UNKNOWN


def test_feeds_are_told_from_pages_by_type_or_root_element() -> None:
    assert looks_like_feed(b"", "application/rss+xml")
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">', "application/xml")
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">', "")
    assert not looks_like_feed(b"<rss>", "text/html")
    assert not looks_like_feed(b"<!doctype html><html><body>rss feed</body></html>", "")
