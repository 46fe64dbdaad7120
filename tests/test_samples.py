"""The built-in sample corpus: its files, index, JSONL copy and expected codings hang together."""

from __future__ import annotations

import datetime as dt
import glob
import html
import json
import re
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

from tengri.model import EventStatus, KBCheck, MembershipRelation, Qualifier
from tengri.samples import SampleInfo, sample_index, sample_paths

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "src" / "tengri" / "samples"
EXPECTED = Path(__file__).resolve().parent / "data" / "samples_expected.jsonl"
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "RETREAT",
    "CONCEDE",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
FURNITURE = re.compile(
    r"^(Search|Share.*|Comments.*|Subscribe.*|\d+ min read|.*\| \d+ min read.*)$", re.M
)
CORPUS_WINDOW = (dt.date(2024, 1, 1), dt.date(2026, 11, 30))


def _jsonl(path: Path) -> list[dict]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


@cache
def _index() -> list[dict]:
    return _jsonl(SAMPLES_DIR / "index.jsonl")


@cache
def _corpus() -> dict[str, dict]:
    return {row["id"]: row for row in _jsonl(SAMPLES_DIR / "corpus.jsonl")}


@cache
def _expected() -> dict[str, dict]:
    return {row["id"]: row for row in _jsonl(EXPECTED)}


def _items(record: dict):
    for kind in ("events", "facts", "memberships"):
        for item in record[kind]:
            yield kind, item


def _actors(item: dict):
    for key in ("source", "target", "member", "organization", "subject", "origin", "destination"):
        if item.get(key):
            yield item[key]
    yield from item.get("participants", [])


def _word_count(text: str) -> int:
    return len(text.split())


def test_every_index_row_names_an_existing_non_empty_file():
    for row in _index():
        path = SAMPLES_DIR / row["file"]
        assert path.is_file(), row["file"]
        assert path.read_text(encoding="utf-8").strip(), row["file"]
        assert path.suffix == {"text": ".txt", "html": ".html"}[row["format"]], row["file"]


def test_every_article_file_is_listed_in_the_index():
    listed = {row["file"] for row in _index()}
    on_disk = {f"articles/{p.name}" for p in (SAMPLES_DIR / "articles").iterdir()}
    assert on_disk == listed


def test_article_ids_are_unique_and_name_their_files():
    ids = [row["id"] for row in _index()]
    assert len(ids) == len(set(ids))
    for row in _index():
        assert Path(row["file"]).stem == row["id"]


def test_corpus_jsonl_matches_the_index_row_for_row():
    corpus = _jsonl(SAMPLES_DIR / "corpus.jsonl")
    assert [row["id"] for row in corpus] == [row["id"] for row in _index()]
    for indexed, row in zip(_index(), corpus, strict=True):
        assert set(row) == {"id", "text", "published", "title", "url"}
        assert (row["published"], row["title"], row["url"]) == (
            indexed["published"],
            indexed["title"],
            indexed["url"],
        )


def test_corpus_text_of_a_text_article_is_the_whole_file():
    for row in _index():
        if row["format"] == "text":
            file_text = (SAMPLES_DIR / row["file"]).read_text(encoding="utf-8")
            assert _corpus()[row["id"]]["text"] == file_text, row["id"]


def test_corpus_text_of_an_html_article_is_its_body_without_the_page_furniture():
    for row in _index():
        if row["format"] != "html":
            continue
        page = html.unescape((SAMPLES_DIR / row["file"]).read_text(encoding="utf-8"))
        text = _corpus()[row["id"]]["text"]
        for paragraph in text.split("\n\n"):
            assert f"<p>{paragraph}</p>" in page, (row["id"], paragraph[:60])
        for furniture in ("cookie", "Subscribe", "Comments", "Share"):
            assert furniture.lower() in page.lower(), (row["id"], furniture)
            assert furniture not in text, (row["id"], furniture)


def test_the_corpus_has_at_least_36_articles_and_8_html_pages():
    formats = Counter(row["format"] for row in _index())
    assert sum(formats.values()) >= 36
    assert formats["html"] >= 8


def test_html_pages_give_title_and_date_in_meta_tags_for_some_and_only_visibly_for_others():
    with_meta, visible_only = [], []
    for row in _index():
        if row["format"] != "html":
            continue
        page = (SAMPLES_DIR / row["file"]).read_text(encoding="utf-8")
        has_meta = 'property="og:title"' in page and 'property="article:published_time"' in page
        (with_meta if has_meta else visible_only).append(row["id"])
        if not has_meta:
            long_date = dt.date.fromisoformat(row["published"]).strftime("%B %Y")
            assert long_date in page, row["id"]
            assert html.escape(row["title"], quote=False) in page, row["id"]
    assert len(with_meta) >= 3
    assert len(visible_only) >= 3


def test_at_least_four_plain_text_pages_keep_page_furniture_lines():
    scraped = [
        row["id"]
        for row in _index()
        if row["format"] == "text"
        and len(FURNITURE.findall((SAMPLES_DIR / row["file"]).read_text(encoding="utf-8"))) >= 3
    ]
    assert len(scraped) >= 4, scraped


def test_articles_are_news_length_with_a_few_short_wire_items():
    lengths = {row["id"]: _word_count(row["text"]) for row in _corpus().values()}
    short = {doc: n for doc, n in lengths.items() if n < 250}
    assert all(80 <= n <= 900 for n in lengths.values()), lengths
    assert all(n <= 200 for n in short.values()), short
    assert len(short) <= 6, short


def test_several_real_world_events_are_reported_by_two_or_more_articles():
    per_story = Counter(row["story"] for row in _index())
    multi = {story: n for story, n in per_story.items() if n >= 2}
    assert len(multi) >= 8, multi
    assert per_story["kaz-rus-state-visit-2025-11"] >= 4


def test_syndicated_copies_repeat_their_source_body_under_another_title_and_site():
    by_id = {row["id"]: row for row in _index()}
    copies = [row for row in _index() if row["syndicated_from"]]
    assert len(copies) >= 2
    for copy in copies:
        source = by_id[copy["syndicated_from"]]
        assert copy["story"] == source["story"]
        assert copy["title"] != source["title"]
        assert copy["url"].split("/")[2] != source["url"].split("/")[2]
        source_paragraphs = _corpus()[source["id"]]["text"].split("\n\n")[1:]  # minus headline
        copied = [
            p for p in source_paragraphs if p.strip() and p.strip() in _corpus()[copy["id"]]["text"]
        ]
        assert len(copied) >= 0.8 * len([p for p in source_paragraphs if p.strip()]), copy["id"]


def test_publication_dates_parse_and_fall_in_the_corpus_window():
    for row in _index():
        published = dt.date.fromisoformat(row["published"])
        assert CORPUS_WINDOW[0] <= published <= CORPUS_WINDOW[1], row["id"]


def test_urls_are_fictional_and_on_example_domains():
    for row in _index():
        host = row["url"].split("/")[2]
        assert row["url"].startswith("https://"), row["url"]
        assert re.search(r"(^|\.)example\.(com|org|net)$", host), row["url"]


def test_sample_index_reads_typed_rows_in_corpus_order():
    rows = sample_index()
    assert all(isinstance(row, SampleInfo) for row in rows)
    assert [row.id for row in rows] == [row["id"] for row in _index()]
    first = rows[0]
    assert first.published == dt.date(2025, 11, 10)
    assert (first.format, first.style, first.story, first.syndicated_from) == (
        "text",
        "wire",
        "kaz-rus-state-visit-2025-11",
        None,
    )


def test_sample_paths_are_existing_files_in_index_order():
    paths = sample_paths()
    assert [p.name for p in paths] == [Path(row["file"]).name for row in _index()]
    assert all(p.is_file() for p in paths)


def test_every_article_has_an_expected_record_with_its_publication_date():
    assert set(_expected()) == set(_corpus())
    for doc_id, record in _expected().items():
        assert record["published"] == _corpus()[doc_id]["published"]
        assert "text" not in record
        assert set(record) == {
            "id",
            "split",
            "lang",
            "published",
            "tags",
            "events",
            "facts",
            "memberships",
        }


def test_every_expected_anchor_occurs_in_its_article_text():
    for doc_id, record in _expected().items():
        text = _corpus()[doc_id]["text"]
        for kind, item in _items(record):
            assert item["anchor"] in text, (doc_id, kind, item["anchor"])


def test_expected_items_use_the_coding_guide_vocabulary():
    statuses = {s.value for s in EventStatus}
    for doc_id, record in _expected().items():
        for kind, item in _items(record):
            where = (doc_id, item["anchor"])
            if kind == "events":
                assert item["type"] in PLOVER_TYPES, where
                assert re.fullmatch(r"\d{3,4}", item["cameo"]), where
                assert item["status"] in statuses, where
                if item["mode"] == "multilateral":
                    assert item["participants"], where
            elif kind == "facts":
                assert item["qualifier"] in {q.value for q in Qualifier}, where
                assert re.fullmatch(r"[a-z]+(_[a-z]+)*", item["indicator"]), where
                assert isinstance(item["value"], int | float), where
            else:
                assert item["relation"] in {r.value for r in MembershipRelation}, where
                assert item["status"] in statuses, where
                assert item["kb_check"] in {k.value for k in KBCheck}, where
            for actor in _actors(item):
                assert actor["country"] is None or re.fullmatch(r"[A-Z]{3}", actor["country"]), (
                    where
                )
                assert actor.get("id") is None or re.fullmatch(
                    r"(person|igo|org):\S+", actor["id"]
                ), where


def test_expected_dates_parse_and_run_forwards():
    for doc_id, record in _expected().items():
        for _kind, item in _items(record):
            for key in ("date", "period"):
                when = item.get(key)
                if when is None:
                    continue
                start, end = (
                    dt.date.fromisoformat(when["start"]),
                    dt.date.fromisoformat(when["end"]),
                )
                assert start <= end, (doc_id, item["anchor"])
                assert when["precision"] in {"day", "month", "quarter", "half", "year"}, (
                    doc_id,
                    when,
                )


def test_hard_negatives_expect_no_event_fact_or_membership():
    negatives = [r for r in _expected().values() if "negative" in r["tags"]]
    assert len(negatives) >= 3
    for record in negatives:
        assert record["events"] == record["facts"] == record["memberships"] == [], record["id"]


def test_some_expected_membership_claims_are_deliberately_wrong():
    conflicts = [
        (doc_id, item["anchor"])
        for doc_id, record in _expected().items()
        for item in record["memberships"]
        if item["kb_check"] == "conflict"
    ]
    assert len(conflicts) >= 4, conflicts


def test_expected_actor_ids_exist_in_the_shipped_knowledge_base():
    from tengri.kb import load_kb

    kb = load_kb()
    unknown = {
        actor["id"]
        for record in _expected().values()
        for _kind, item in _items(record)
        for actor in _actors(item)
        if actor.get("id") and kb.get(actor["id"]) is None
    }
    assert not unknown


def test_expected_membership_checks_agree_with_the_knowledge_base():
    from tengri.kb import load_kb

    kb = load_kb()
    for doc_id, record in _expected().items():
        published = dt.date.fromisoformat(record["published"])
        for item in record["memberships"]:
            if item["status"] == "hypothetical":
                continue
            check = kb.check_membership(
                item["member"]["country"], item["organization"]["id"], item["relation"], published
            )
            assert check.result.value == item["kb_check"], (
                doc_id,
                item["anchor"],
                check.explanation,
            )


def test_package_data_ships_every_sample_file_in_the_wheel():
    package_data = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    patterns = package_data.get("*", []) + package_data.get("tengri.samples", [])
    shipped = {
        Path(match).as_posix()
        for pattern in patterns
        for match in glob.glob(pattern, root_dir=SAMPLES_DIR, recursive=True)
    }
    wanted = {"index.jsonl", "corpus.jsonl", "README.md"} | {row["file"] for row in _index()}
    assert wanted <= shipped, sorted(wanted - shipped)[:5]
