"""Which documents a run keeps (the store's exactly-once rules, in input order) and which are
copies of one report (near-duplicate groups)."""

from __future__ import annotations

from pathlib import Path

from tengri.engine.documents import settle
from tengri.engine.intermediate import file_name, write_lines
from tengri.ingest.fingerprint import content_hash, minhash

REPORT = ("Kazakh President Kassym-Jomart Tokayev arrived in Moscow on Monday for a state visit "
          "at the invitation of Russian President Vladimir Putin. The two leaders are due to "
          "hold talks in the Kremlin on trade, energy and transport, officials said, and to "
          "sign a package of documents on cooperation in education and industry.")
OTHER = ("Uzbekistan and China signed an agreement on transport corridors in Tashkent on "
         "Tuesday. The deal covers a new railway line and customs procedures at the border, "
         "according to a statement from the Uzbek foreign ministry.")


def _row(n: int, text: str, url: str | None = None) -> dict:
    return {"n": n, "doc_id": f"doc-{n}", "url": url, "title": None, "published": "2025-11-10",
            "lang": "en", "source_name": None, "input_name": f"in:{n}",
            "text_chars": len(text), "content_hash": content_hash(text),
            "signature": minhash(text).pack().hex()}


def _partition(folder: Path, *rows: dict) -> Path:
    folder.mkdir(parents=True)
    write_lines(folder / file_name("documents"), rows)
    return folder


def test_the_same_text_without_a_url_is_kept_once(tmp_path):
    parts = [_partition(tmp_path / "a", _row(1, REPORT), _row(2, OTHER)),
             _partition(tmp_path / "b", _row(3, REPORT))]
    corpus = settle(parts)
    assert sorted(corpus.documents) == [1, 2]
    assert corpus.duplicates == 1


def test_a_repeated_url_with_new_text_replaces_the_earlier_version(tmp_path):
    parts = [_partition(tmp_path / "a", _row(1, REPORT, "https://a.example/1")),
             _partition(tmp_path / "b", _row(2, OTHER, "https://a.example/1"))]
    corpus = settle(parts)
    assert sorted(corpus.documents) == [2]
    assert corpus.duplicates == 1


def test_a_text_seen_without_a_url_learns_the_url_it_comes_with_later(tmp_path):
    parts = [_partition(tmp_path / "a", _row(1, REPORT), _row(2, REPORT, "https://b.example/2"),
                        _row(3, OTHER, "https://b.example/2"))]
    corpus = settle(parts)
    # 2 is 1 under a URL; 3 is a new version of that URL, so it replaces 1
    assert sorted(corpus.documents) == [3]
    assert corpus.duplicates == 2


def test_the_same_text_under_two_urls_is_two_documents_of_one_group(tmp_path):
    parts = [_partition(tmp_path / "a", _row(1, REPORT, "https://a.example/1"),
                        _row(2, OTHER, "https://a.example/2")),
             _partition(tmp_path / "b", _row(3, REPORT, "https://c.example/9"))]
    corpus = settle(parts)
    assert sorted(corpus.documents) == [1, 2, 3]
    groups = {n: d.near_duplicate_group for n, d in corpus.documents.items()}
    assert groups[1] == groups[3] == content_hash(REPORT)
    assert groups[2] == content_hash(OTHER)


def test_a_syndicated_copy_joins_the_group_of_the_original_labelled_by_the_smaller_hash(
        tmp_path):
    copy = "World news | " + REPORT.replace("officials said", "officials told reporters")
    parts = [_partition(tmp_path / "a", _row(1, REPORT, "https://a.example/1")),
             _partition(tmp_path / "b", _row(2, copy, "https://b.example/1"),
                        _row(3, OTHER, "https://b.example/2"))]
    corpus = settle(parts)
    label = min(content_hash(REPORT), content_hash(copy))
    assert corpus.documents[1].near_duplicate_group == label
    assert corpus.documents[2].near_duplicate_group == label
    assert corpus.documents[3].near_duplicate_group == content_hash(OTHER)
