"""The small API `tengri extract` imports keeps working on top of the new readers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tengri.errors import InputError
from tengri.ingest.local import (
    INPUT_FORMATS,
    decode,
    html_to_document,
    load_inputs,
    load_text,
)

from .conftest import article_page

TEXT = "Kazakh President Tokayev met Russian President Putin in Moscow on Tuesday."


def test_input_formats_are_the_ones_extract_offers() -> None:
    assert INPUT_FORMATS == ("auto", "text", "html", "jsonl")


def test_load_inputs_reads_files_stdin_and_reports_missing_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    loaded = list(
        load_inputs(
            [str(path), "-", str(tmp_path / "none.txt")],
            published=dt.date(2025, 11, 11),
            stdin=TEXT.encode(),
        )
    )
    docs = [d for part in loaded for d in part.documents]
    assert [(d.doc_id, d.published) for d in docs] == [
        (str(path), dt.date(2025, 11, 11)),
        (docs[1].doc_id, dt.date(2025, 11, 11)),
    ]
    assert docs[1].doc_id.startswith("doc-")
    assert [s.reason for part in loaded for s in part.skipped] == ["no such file"]


def test_load_text_reads_jsonl_with_per_line_dates_and_skips_bad_lines() -> None:
    text = json.dumps({"id": "x", "text": TEXT, "published": "2025-11-11"}) + "\n{oops\n"
    loaded = load_text(text, "dump.jsonl")
    assert [(d.doc_id, d.published) for d in loaded.documents] == [("x", dt.date(2025, 11, 11))]
    assert [(s.input, s.reason) for s in loaded.skipped] == [("dump.jsonl:2", "invalid JSON")]
    assert len(loaded.provenance) == 1


def test_load_text_refuses_empty_input() -> None:
    with pytest.raises(InputError, match="empty input"):
        load_text("  \n", "a.txt")


def test_html_to_document_keeps_the_title_and_the_page_date() -> None:
    document = html_to_document(article_page("Talks in Moscow", TEXT, date="2025-11-12"), "p1")
    assert (document.doc_id, document.title, document.published) == (
        "p1",
        "Talks in Moscow",
        dt.date(2025, 11, 12),
    )
    assert document.text == "Talks in Moscow\n" + TEXT  # the headline, then the body


def test_html_to_document_raises_for_a_page_without_text() -> None:
    with pytest.raises(InputError, match="no article text"):
        html_to_document("<html><body><nav>Home</nav></body></html>", "p2")


def test_decode_reads_utf8_and_recognisable_single_byte_encodings() -> None:
    assert decode("Привет, мир".encode(), "a") == "Привет, мир"
    assert decode("Президент прибыл в Москву с визитом".encode("cp1251"), "b") == (
        "Президент прибыл в Москву с визитом"
    )
