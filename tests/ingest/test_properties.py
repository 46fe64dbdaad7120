"""Property tests: whatever bytes reach the readers, they yield documents or Skipped records
with a reason, never an exception, and in bounded time."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tengri.ingest.sources import SourceOptions, iter_sources

from .conftest import article_page, make_warc

SETTINGS = settings(
    max_examples=150,
    deadline=3000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
VALID_WARC = make_warc(
    [
        (
            "https://news.example/a",
            "text/html",
            article_page("Talks", "Tokayev met Putin in Moscow on Tuesday. " * 5).encode(),
        )
    ],
    gz=False,
)


def read(data: bytes, input_format: str) -> None:
    options = SourceOptions(input_format=input_format, stdin=data, network=False)
    for loaded in iter_sources(["-"], options):
        assert len(loaded.documents) + len(loaded.skipped) >= 1
        for skipped in loaded.skipped:
            assert skipped.reason and skipped.detail
        for document, provenance in loaded.items():
            assert document.text.strip()
            assert provenance is not None


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_as_html_never_crash(data: bytes) -> None:
    read(data, "html")


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text_with_tags_as_html_never_crashes(text: str) -> None:
    read(
        f"<html><body><article><p>{text}</p><div>{text[::-1]}</article>".encode(
            "utf-8", "surrogatepass"
        ),
        "html",
    )


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_as_jsonl_never_crash(data: bytes) -> None:
    read(data, "jsonl")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "text",
                    "published",
                    "title",
                    "url",
                    "lang",
                    "html",
                    "authors",
                    "maintext",
                    "date_publish",
                ]
            ),
            children,
            max_size=6,
        )
    ),
    max_leaves=20,
)


@SETTINGS
@given(st.lists(json_values, max_size=8))
def test_random_json_lines_never_crash(rows: list[object]) -> None:
    read("\n".join(json.dumps(row) for row in rows).encode(), "jsonl")


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_as_warc_never_crash(data: bytes) -> None:
    read(b"WARC/1.0\r\n" + data, "warc")


@SETTINGS
@given(st.integers(0, len(VALID_WARC)), st.integers(0, len(VALID_WARC) - 1), st.binary(max_size=8))
def test_a_cut_or_damaged_warc_never_crashes(cut: int, at: int, noise: bytes) -> None:
    damaged = VALID_WARC[:at] + noise + VALID_WARC[at + len(noise) :]
    read(damaged[:cut], "warc")
    read(gzip.compress(damaged)[: max(cut // 2, 2)], "auto")


@SETTINGS
@given(st.binary(max_size=4000))
def test_random_bytes_in_any_format_never_crash(data: bytes) -> None:
    read(data, "auto")
