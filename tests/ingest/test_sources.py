"""`iter_sources` over local inputs: files, folders, globs, stdin, gzip, JSONL dumps, WARC
archives, URL lists, and the corrupt inputs that must end as Skipped records with a reason."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest

from tengri.ingest.records import Loaded
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.model import DatePrecision, Skipped

from .conftest import article_page, make_warc

WIRE = (
    "ASTANA, Nov 11 (Kazinform) – Kazakh President Kassym-Jomart Tokayev left for Moscow "
    "on a state visit at the invitation of Russian President Vladimir Putin, his press "
    "office said on Tuesday."
)
PAGE_BODY = (
    "Kazakh President Kassym-Jomart Tokayev held talks with Russian President Vladimir "
    "Putin in the Kremlin on Wednesday, the two leaders said after the meeting.\n\n"
    "They signed a declaration on deepening their alliance and agreed to expand trade "
    "in energy, transport and farming."
)
OFFLINE = SourceOptions(network=False)


def run(specs: list[str], options: SourceOptions = OFFLINE) -> list[Loaded]:
    return list(iter_sources(specs, options))


def documents(loaded: list[Loaded]) -> list:
    return [item for part in loaded for item in part.items()]


def skipped(loaded: list[Loaded]) -> list[Skipped]:
    return [s for part in loaded for s in part.skipped]


def set_mtime(path: Path, day: dt.date) -> None:
    stamp = dt.datetime(day.year, day.month, day.day, 12).timestamp()
    os.utime(path, (stamp, stamp))


def test_a_text_file_becomes_one_dated_english_document(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    set_mtime(path, dt.date(2025, 11, 12))
    [(doc, prov)] = documents(run([str(path)]))
    assert (doc.doc_id, doc.text, doc.published, doc.lang) == (
        str(path),
        WIRE,
        dt.date(2025, 11, 11),
        "en",
    )
    assert prov.reader == "text"
    assert prov.published_precision == DatePrecision.DAY
    assert prov.published_from == "dateline, year from the file mtime (2025-11-12)"
    assert prov.published_text == "ASTANA, Nov 11 ("


def test_an_html_file_keeps_title_author_site_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        article_page(
            "Tokayev and Putin sign alliance declaration",
            PAGE_BODY,
            date="2025-11-12",
            author="Aigerim Sadykova",
        ),
        encoding="utf-8",
    )
    [(doc, prov)] = documents(run([str(path)]))
    assert doc.title == "Tokayev and Putin sign alliance declaration"
    assert doc.published == dt.date(2025, 11, 12)
    assert doc.source_name == "Steppe Wire"
    assert "Subscribe" not in doc.text and "signed a declaration" in doc.text
    assert (prov.author, prov.published_from, prov.reader) == (
        "Aigerim Sadykova",
        "page metadata",
        "html",
    )


def test_a_folder_is_read_recursively_in_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(WIRE)
    (tmp_path / "1.txt").write_text(WIRE)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text(WIRE)
    (tmp_path / ".hidden.txt").write_text(WIRE)
    ids = [doc.doc_id for doc, _ in documents(run([str(tmp_path)]))]
    assert ids == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]


def test_a_glob_names_the_matching_files_and_a_glob_without_match_is_skipped(
    tmp_path: Path,
) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(WIRE)
    loaded = run([str(tmp_path / "*.txt"), str(tmp_path / "*.xml")])
    assert [doc.doc_id for doc, _ in documents(loaded)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert [(s.input, s.reason) for s in skipped(loaded)] == [
        (str(tmp_path / "*.xml"), "no such file")
    ]


def test_stdin_is_read_when_the_spec_is_a_dash() -> None:
    [(doc, prov)] = documents(run(["-"], SourceOptions(network=False, stdin=WIRE.encode())))
    assert doc.text == WIRE
    assert doc.doc_id.startswith("doc-")
    assert prov.source == "<stdin>"


def test_a_gzipped_html_page_is_read_like_the_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(article_page("Talks", PAGE_BODY).encode()))
    [(doc, prov)] = documents(run([str(path)]))
    assert "signed a declaration" in doc.text
    assert prov.reader == "html"


def test_a_jsonl_dump_yields_one_document_per_line_and_skips_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": WIRE,
                "published": "2025-11-11",
                "title": "Visit",
                "url": "https://kazinform.example/a",
                "author": "Staff",
            }
        ),
        "{not json",
        json.dumps({"id": "b", "title": "no text"}),
        "",
        json.dumps(
            {
                "maintext": PAGE_BODY,
                "date_publish": "2025-11-12 09:00:00",
                "authors": ["A. Sadykova", "B. Omarov"],
                "source_domain": "wire.example",
                "url": "https://wire.example/b",
            }
        ),
        json.dumps(["a", "list"]),
    ]
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    loaded = run([str(path)])
    docs = documents(loaded)
    assert [(d.doc_id, d.published, d.title, d.url) for d, _ in docs] == [
        ("a", dt.date(2025, 11, 11), "Visit", "https://kazinform.example/a"),
        (docs[1][0].doc_id, dt.date(2025, 11, 12), None, "https://wire.example/b"),
    ]
    assert (docs[1][0].source_name, docs[1][1].author) == ("wire.example", "A. Sadykova, B. Omarov")
    assert docs[0][1].published_from == "JSONL published"
    assert [(s.input, s.reason) for s in skipped(loaded)] == [
        (f"{path}:2", "invalid JSON"),
        (f"{path}:3", "invalid record"),
        (f"{path}:6", "invalid record"),
    ]


def test_a_jsonl_publication_date_at_the_calendar_edge_is_ignored_with_a_note(
        tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "edge", "text": WIRE, "published": "9999-12-31"}) + "\n")
    [(doc, prov)] = documents(run([str(path)]))
    assert doc.published != dt.date(9999, 12, 31)
    assert f"{path}:1: published 9999-12-31 is not between 1800-01-01 and 2199-12-31; " \
        "ignored" in prov.notes


def test_a_jsonl_line_with_html_and_no_text_has_its_page_extracted(tmp_path: Path) -> None:
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p", "html": article_page("Talks", PAGE_BODY)}) + "\n")
    [(doc, _prov)] = documents(run([str(path)]))
    assert (doc.doc_id, doc.title) == ("p", "Talks")
    assert "signed a declaration" in doc.text


def test_a_jsonl_line_past_the_size_cap_is_skipped_and_the_next_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"id": "huge", "text": "x " * 100_000})
        + "\n"
        + json.dumps({"id": "small", "text": WIRE})
        + "\n"
    )
    loaded = run([str(path)], SourceOptions(network=False, max_document_bytes=50_000))
    assert [d.doc_id for d, _ in documents(loaded)] == ["small"]
    assert [(s.input, s.reason) for s in skipped(loaded)] == [(f"{path}:1", "too large")]


def test_a_warc_gives_its_html_and_text_responses_with_url_and_crawl_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        make_warc(
            [
                (
                    "https://kazinform.example/news/visit",
                    "text/html; charset=utf-8",
                    article_page(
                        "Tokayev in Moscow", "ASTANA, Nov 11 (Kazinform) – " + PAGE_BODY
                    ).encode(),
                ),
                ("https://kazinform.example/brief.txt", "text/plain", WIRE.encode()),
            ]
        )
    )
    docs = documents(run([str(path)]))
    assert [(d.url, d.published, p.reader) for d, p in docs] == [
        ("https://kazinform.example/news/visit", dt.date(2025, 11, 11), "warc"),
        ("https://kazinform.example/brief.txt", dt.date(2025, 11, 11), "warc"),
    ]
    assert docs[0][1].published_from == "dateline, year from the WARC-Date (2025-11-12)"
    assert docs[0][0].title == "Tokayev in Moscow"


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_warc_keeps_the_documents_before_the_damage(tmp_path: Path, gz: bool) -> None:
    pages = [
        (
            f"https://wire.example/2025/11/1{i}/story",
            "text/html",
            article_page(f"Story {i}", PAGE_BODY).encode(),
        )
        for i in range(3)
    ]
    data = make_warc(pages, gz=gz, extras=False)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: int(len(data) * 0.85)])
    loaded = run([str(path)])
    assert [d.title for d, _ in documents(loaded)] == ["Story 0", "Story 1"]
    [skip] = skipped(loaded)
    assert skip.input == str(path)
    assert skip.reason == "corrupt WARC"
    assert "2 document(s) before the damage were read" in skip.detail


def test_a_small_file_of_urls_is_a_url_list(tmp_path: Path) -> None:
    path = tmp_path / "links.txt"
    path.write_text("# morning links\nhttps://news.example/a\n\nhttp://news.example/b\n")
    loaded = run([str(path)])
    assert [(s.input, s.reason) for s in skipped(loaded)] == [
        ("https://news.example/a", "offline"),
        ("http://news.example/b", "offline"),
    ]


def test_a_file_named_with_urls_is_a_url_list_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "links.dat"
    path.write_text("https://news.example/a\n")
    loaded = run([], SourceOptions(network=False, url_lists=(str(path),)))
    assert [s.reason for s in skipped(loaded)] == ["offline"]


def test_a_missing_file_and_a_foreign_scheme_are_skipped_with_reasons(tmp_path: Path) -> None:
    loaded = run([str(tmp_path / "nope.txt"), "ftp://news.example/a"])
    assert [(s.reason) for s in skipped(loaded)] == ["no such file", "refused scheme"]


class TestCorruptInputs:
    """Each ends as a Skipped record with its reason; the good file after it is still read."""

    def check(
        self, tmp_path: Path, name: str, data: bytes, reason: str, options: SourceOptions = OFFLINE
    ) -> Skipped:
        bad = tmp_path / name
        bad.write_bytes(data)
        good = tmp_path / "zz-good.txt"
        good.write_text(WIRE)
        loaded = run([str(bad), str(good)], options)
        assert [d.doc_id for d, _ in documents(loaded)] == [str(good)]
        [skip] = skipped(loaded)
        assert (skip.input, skip.reason) == (str(bad), reason)
        return skip

    def test_a_truncated_gzip(self, tmp_path: Path) -> None:
        data = gzip.compress(WIRE.encode() * 50)
        self.check(tmp_path, "a.txt.gz", data[: len(data) // 2], "corrupt gzip")

    def test_invalid_utf8_that_no_encoding_explains(self, tmp_path: Path) -> None:
        self.check(
            tmp_path,
            "a.txt",
            b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xe2\x82\x28\xf0\x28\x8c\xbc" * 20,
            "undecodable text",
        )

    def test_binary_data(self, tmp_path: Path) -> None:
        self.check(tmp_path, "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "binary data")

    def test_html_with_no_text(self, tmp_path: Path) -> None:
        skip = self.check(
            tmp_path,
            "a.html",
            b"<html><head><title>x</title></head><body>"
            b"<nav><a href='/'>Home</a></nav></body></html>",
            "no article text",
        )
        assert "HTML with no article text" in skip.detail

    def test_a_50_mb_file(self, tmp_path: Path) -> None:
        skip = self.check(tmp_path, "a.txt", b"word " * (10 * 2**20), "too large")
        assert "50.0 MB" in skip.detail

    def test_an_empty_file(self, tmp_path: Path) -> None:
        self.check(tmp_path, "a.txt", b"  \n", "empty")

    def test_a_gzip_bomb(self, tmp_path: Path) -> None:
        bomb = gzip.compress(b"\0" * (40 * 2**20), 9)
        self.check(
            tmp_path,
            "a.html.gz",
            bomb,
            "too large",
            SourceOptions(network=False, max_document_bytes=2 * 2**20),
        )

    @pytest.mark.parametrize(
        "data",
        [
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 100\r\n\r\nabc",
            b"WARC/1.0\r\ngarbage\r\n\r\n",
            b"WARC/1.0 nonsense",
        ],
    )
    def test_a_corrupt_warc(self, tmp_path: Path, data: bytes) -> None:
        self.check(tmp_path, "a.warc", data, "corrupt WARC")


def test_a_dump_is_streamed_so_memory_stays_below_its_size(tmp_path: Path) -> None:
    import tracemalloc

    from tengri.ingest.language import detect_language

    detect_language(WIRE)  # load the language model before measuring
    paragraph = PAGE_BODY.replace("\n\n", " ")
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as dump:
        for number in range(200):
            body = f"{paragraph} Report {number}.\n\n" * 120  # about 40 KB each, 8 MB in all
            dump.write(json.dumps({"id": f"d{number}", "text": body}) + "\n")
    tracemalloc.start()
    try:
        count = sum(len(part.documents) for part in iter_sources([str(path)], OFFLINE))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 200
    assert peak < 2 * 2**20  # a few documents' worth, not the 8 MB dump


def test_a_saved_feed_offline_gives_the_items_own_text_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Border crossings reopen</title><link>https://wire.example/b</link>"
        "<pubDate>Mon, 10 Nov 2025 07:00:00 GMT</pubDate><description>Kyrgyzstan and "
        "Tajikistan reopened two crossings closed since 2022.</description></item>"
        "</channel></rss>"
    )
    [(doc, prov)] = documents(run([str(path)]))
    assert (doc.url, doc.title, doc.published) == (
        "https://wire.example/b",
        "Border crossings reopen",
        dt.date(2025, 11, 10),
    )
    assert doc.text == "Kyrgyzstan and Tajikistan reopened two crossings closed since 2022."
    assert prov.notes == (
        f"item of feed {path}",
        "page could not be fetched (https://wire.example/b: not fetched (network use is off)); "
        "text from the feed item",
    )


def test_an_unknown_input_format_is_a_usage_error() -> None:
    from tengri.errors import UsageError

    with pytest.raises(UsageError, match="choose one of auto, text, html, jsonl, warc"):
        SourceOptions(input_format="pdf")


def test_provenance_has_the_json_shape_the_store_keeps(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE)
    set_mtime(path, dt.date(2025, 11, 12))
    [(_, prov)] = documents(run([str(path)]))
    assert prov.to_dict() == {
        "source": str(path),
        "reader": "text",
        "url": None,
        "author": None,
        "site": None,
        "published": "2025-11-11",
        "published_precision": "day",
        "published_from": "dateline, year from the file mtime (2025-11-12)",
        "published_text": "ASTANA, Nov 11 (",
        "language": "en",
        "language_confidence": prov.language_confidence,
        "languages": [],
        "notes": [],
    }


def test_a_page_that_switches_language_gets_its_paragraph_languages() -> None:
    russian = ("Президент Казахстана прибыл в Москву с государственным визитом по приглашению "
               "российского коллеги, сообщила пресс-служба Акорды во вторник.")
    english = ("In a joint statement after the talks, the two presidents said they would deepen "
               "their strategic partnership and expand trade in energy and transport.")
    text = "\n\n".join([russian] * 3 + [english] * 2)
    [(doc, prov)] = documents(run(["-"], SourceOptions(network=False, stdin=text.encode())))
    assert (doc.lang, prov.language) == ("ru", "ru")
    assert [(s.lang, s.paragraphs) for s in prov.languages] == [("ru", 3), ("en", 2)]


def test_a_page_in_one_language_lists_no_paragraph_languages(tmp_path: Path) -> None:
    [(_, prov)] = documents(run(["-"], SourceOptions(network=False, stdin=PAGE_BODY.encode())))
    assert (prov.language, prov.languages) == ("en", ())


def test_a_feed_with_an_entity_expansion_bomb_is_read_without_expanding_it(
        tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    path = tmp_path / "lol.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "aaaaaaaaaa">{entities}]>'
                    '<rss version="2.0"><channel><title>x</title><item><title>t</title>'
                    "<description>&e9;</description></item></channel></rss>")
    loaded = run([str(path)])
    assert all(len(doc.text) < 1000 for doc, _ in documents(loaded))
    assert len(documents(loaded)) + len(skipped(loaded)) == 1
