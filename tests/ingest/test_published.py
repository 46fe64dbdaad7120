"""Publication dates from metadata, URL and datelines, and years completed from evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.ingest.published import (
    Dated,
    complete_year,
    date_from_url,
    date_in_text,
    find_published,
)
from tengri.ingest.records import Article, Evidence
from tengri.model import DatePrecision

D = dt.date


def article(
    text: str,
    url: str | None = None,
    published: dt.date | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> Article:
    return Article(
        source="t",
        reader="text",
        text=text,
        url=url,
        published=published,
        published_from="page metadata" if published else "",
        evidence=evidence,
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://kazinform.example/2025/11/11/tokayev-visit",
            Dated(D(2025, 11, 11), DatePrecision.DAY, "url", "2025/11/11"),
        ),
        (
            "https://x.example/news/2025-11-11-talks.html",
            Dated(D(2025, 11, 11), DatePrecision.DAY, "url", "2025-11-11"),
        ),
        (
            "https://x.example/a/20251111/b",
            Dated(D(2025, 11, 11), DatePrecision.DAY, "url", "20251111"),
        ),
        (
            "https://x.example/2025/1/5/a",
            Dated(D(2025, 1, 5), DatePrecision.DAY, "url", "2025/1/5"),
        ),
        (
            "https://x.example/2025/11/talks",
            Dated(D(2025, 11, 1), DatePrecision.MONTH, "url", "2025/11"),
        ),
        (
            "https://x.example/archive/2025/talks",
            Dated(D(2025, 1, 1), DatePrecision.YEAR, "url", "2025"),
        ),
        ("https://x.example/2025/13/40/", Dated(D(2025, 1, 1), DatePrecision.YEAR, "url", "2025")),
    ],
)
def test_dates_in_urls_keep_their_precision(url: str, expected: Dated) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "url", ["https://x.example/story/2025111", "https://x.example/id/123456789", None]
)
def test_urls_without_a_valid_date_give_none(url: str | None) -> None:
    assert date_from_url(url).date is None


@pytest.mark.parametrize(
    ("text", "month", "day", "year", "kind"),
    [
        (
            "ASTANA, Nov 11 (Kazinform) – Kazakh President Tokayev left for Moscow.",
            11,
            11,
            None,
            "dateline",
        ),
        ("MOSCOW, November 11, 2025 (Reuters) - The Kremlin said.", 11, 11, 2025, "dateline"),
        ("NEW YORK, 11 November 2025 /PRNewswire/ -- A statement.", 11, 11, 2025, "dateline"),
        ("SHARM EL-SHEIKH, Oct 13 (Steppe Wire) - Leaders met.", 10, 13, None, "dateline"),
        (
            "Tokayev Meets with Putin\n  • Writer: Times Tengri\n  • Nov 11\n  • 5 min read\n",
            11,
            11,
            None,
            "date line",
        ),
        ("Headline\nPublished: November 11, 2025 10:32 AM\nBody.", 11, 11, 2025, "date line"),
        ("Headline\n14 March 2025 - 3 min read\nBody.", 3, 14, 2025, "date line"),
        ("Headline\n11.11.2025\nBody.", 11, 11, 2025, "date line"),
        ("Headline\nPosted on 2025-11-11\nBody.", 11, 11, 2025, "date line"),
    ],
)
def test_datelines_and_date_lines_at_the_top_are_read(
    text: str, month: int, day: int, year: int | None, kind: str
) -> None:
    found = date_in_text(text)
    assert found is not None
    assert (found.month, found.day, found.year, found.kind) == (month, day, year, kind)


@pytest.mark.parametrize(
    "text",
    [
        "However, Nov 11 was chosen for the visit.",
        "The summit will open on November 11.",
        "Feb 30\nA line that is not a date.",
        "Intro\n"
        + "filler line\n" * 200
        + "Nov 11\n",  # far below the top: an event date, not a dateline
    ],
)
def test_dates_in_running_text_are_not_datelines(text: str) -> None:
    assert date_in_text(text) is None


def test_a_year_is_completed_with_the_latest_year_not_after_the_bound() -> None:
    assert complete_year(11, 11, D(2025, 11, 12)) == D(2025, 11, 11)
    assert complete_year(12, 28, D(2026, 1, 3)) == D(2025, 12, 28)
    assert complete_year(1, 2, D(2025, 12, 31)) == D(2025, 1, 2)
    assert complete_year(1, 1, D(2025, 12, 31)) == D(2026, 1, 1)  # a day's slack: time zones
    assert complete_year(2, 29, D(2025, 3, 1)) == D(2024, 2, 29)


def test_metadata_wins_over_url_and_text() -> None:
    dated = find_published(
        article(
            "ASTANA, Nov 9 (Kazinform) – x",
            "https://x.example/2025/11/10/a",
            published=D(2025, 11, 11),
        )
    )
    assert dated == Dated(D(2025, 11, 11), DatePrecision.DAY, "page metadata")


def test_a_given_date_overrides_everything() -> None:
    dated = find_published(article("x", published=D(2025, 1, 1)), given=D(2025, 11, 11))
    assert dated == Dated(D(2025, 11, 11), DatePrecision.DAY, "given")


def test_the_url_day_wins_over_a_dateline() -> None:
    dated = find_published(
        article("ASTANA, Nov 9 (Kazinform) – x", "https://x.example/2025/11/10/a")
    )
    assert (dated.date, dated.how) == (D(2025, 11, 10), "url")


def test_a_dateline_without_a_year_takes_the_year_of_the_url() -> None:
    dated = find_published(
        article(
            "ASTANA, Nov 11 (Kazinform) – x",
            "https://x.example/2025/11/a",
            evidence=(Evidence(D(2026, 2, 1), "file mtime"),),
        )
    )
    assert dated == Dated(
        D(2025, 11, 11), DatePrecision.DAY, "dateline, year from the URL", "ASTANA, Nov 11 ("
    )


def test_a_dateline_without_a_year_takes_the_year_of_the_first_evidence() -> None:
    dated = find_published(
        article(
            "ASTANA, Dec 28 (Kazinform) – x",
            evidence=(
                Evidence(D(2026, 1, 3), "WARC-Date"),
                Evidence(D(2026, 11, 26), "file mtime"),
            ),
        )
    )
    assert dated.date == D(2025, 12, 28)
    assert dated.how == "dateline, year from the WARC-Date (2026-01-03)"


def test_a_page_date_line_without_a_year_is_completed_from_the_file_mtime_last() -> None:
    text = "Tokayev Meets with Putin\n  • Nov 11\n  • 5 min read\nAt the invitation ..."
    dated = find_published(article(text, evidence=(Evidence(D(2025, 11, 12), "file mtime"),)))
    assert dated == Dated(
        D(2025, 11, 11),
        DatePrecision.DAY,
        "date line, year from the file mtime (2025-11-12)",
        "• Nov 11",
    )


def test_a_dateline_without_a_year_and_no_evidence_gives_no_date() -> None:
    assert find_published(article("ASTANA, Nov 11 (Kazinform) – x")).date is None


def test_a_month_in_the_url_is_kept_at_month_precision_when_nothing_better_exists() -> None:
    dated = find_published(article("No dateline here.", "https://x.example/2025/11/a"))
    assert (dated.date, dated.precision) == (D(2025, 11, 1), DatePrecision.MONTH)


def test_the_founding_article_is_dated_by_its_nov_11_page_line(seed_text: str) -> None:
    dated = find_published(article(seed_text, evidence=(Evidence(D(2025, 11, 12), "feed date"),)))
    assert dated == Dated(D(2025, 11, 11), DatePrecision.DAY,
                          "date line, year from the feed date (2025-11-12)", "• Nov 11")
