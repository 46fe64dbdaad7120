"""When a document was published: from metadata, else its URL, else a dateline in its text.

Wire copy often carries only "ASTANA, Nov 11 (Kazinform) –" and blog pages a bare "Nov 11"
line under the title. A date without a year is completed from other evidence — the URL's year,
a feed item's date, a WARC record's crawl date, an HTTP Last-Modified header, or (last) a
file's modification time — taking the latest year that puts the day on or before that date,
since a report is published before it is crawled or saved. How the date was found is recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tengri.ingest.records import Article, Evidence
from tengri.model import DatePrecision

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MD = rf"(?i:(?P<m1>{_MONTH_NAMES})\.?)\s+(?P<d1>[0-3]?\d)(?i:st|nd|rd|th)?"
_DM = rf"(?P<d2>[0-3]?\d)(?i:st|nd|rd|th)?\s+(?i:(?P<m2>{_MONTH_NAMES})\.?)"
_MONTH_DAY = rf"(?:{_MD}|{_DM})(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_ISO = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
_DMY = r"(?P<dmy>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)"

# "ASTANA, Nov 11 (Kazinform) –", "MOSCOW, November 11, 2025 (Reuters) -",
# "NEW YORK, 11 November 2025 /PRNewswire/ --": a place at the start of a line, a date, then
# the agency or a dash.
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][A-Za-z.'’ -]{{1,40}}(?:,[ \t]*[A-Za-z. ]{{2,30}})?,[ \t]*"
    rf"(?:{_MONTH_DAY}|{_ISO})[ \t]*(?:\(|/|[-–—]|:)", re.MULTILINE)
# A line that is a date, perhaps labelled, with a time or a short tail: "Nov 11",
# "Published: November 11, 2025 10:32", "11.11.2025", "14 March 2025 - 3 min read".
_DATE_LINE = re.compile(
    r"^[ \t]*(?:[•·*][ \t]*)?"
    r"(?i:(?:published|posted|date|updated|last updated)[ \t]*(?:on|:)?[ \t]*)?"
    r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+)?"
    rf"(?:{_MONTH_DAY}|{_ISO}|{_DMY})"
    r"(?:,?[ \t]*(?:at[ \t]+)?\d{1,2}:\d\d(?i:[ \t]*[ap]\.?m\.?)?(?:[ \t]*[A-Z]{2,4})?)?"
    r"(?:[ \t]+[-–—|·•][ \t]*[^\n]{0,30})?"  # "14 March 2025 - 3 min read"
    r"[ \t]*$", re.MULTILINE)
_HEAD_CHARS = 1500  # datelines and date lines sit at the top; dates below are about events
_URL_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")


@dataclass(frozen=True, slots=True)
class Dated:
    """A publication date, how precise it is, how it was found and the words it came from."""

    date: dt.date | None
    precision: DatePrecision
    how: str
    text: str | None = None


UNDATED = Dated(None, DatePrecision.UNKNOWN, "")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_from_url(url: str | None) -> Dated:
    """The date in a URL's path: /2025/11/11/, /2025-11-11-, /20251111/ (day), /2025/11/
    (month) or /2025/ (year)."""
    if not url:
        return UNDATED
    path = urlsplit(url).path
    for match in _URL_DAY.finditer(path):
        year, _sep, month, day, *compact = match.groups()
        if year is None:
            year, month, day = compact
        date = _day(int(year), int(month), int(day))
        if date is not None:
            return Dated(date, DatePrecision.DAY, "url", match.group(0))
    if month_match := _URL_MONTH.search(path):
        return Dated(dt.date(int(month_match.group(1)), int(month_match.group(2)), 1),
                     DatePrecision.MONTH, "url", month_match.group(0).strip("/"))
    if year_match := _URL_YEAR.search(path):
        return Dated(dt.date(int(year_match.group(1)), 1, 1), DatePrecision.YEAR, "url",
                     year_match.group(1))
    return UNDATED


@dataclass(frozen=True, slots=True)
class TextDate:
    """A date read from a dateline or date line; `year` is None when the text gave none."""

    month: int
    day: int
    year: int | None
    text: str
    kind: str  # "dateline" or "date line"


def _read_match(match: re.Match[str], kind: str) -> TextDate | None:
    groups = match.groupdict()
    if groups.get("iso"):
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        return TextDate(month, day, year, match.group(0).strip(), kind)
    if groups.get("dmy"):
        day, month, year = (int(part) for part in groups["dmy"].split("."))
        return TextDate(month, day, year, match.group(0).strip(), kind)
    named_month = _MONTHS[(groups["m1"] or groups["m2"]).lower()]
    named_day = int(groups["d1"] or groups["d2"])
    maybe_year = int(groups["year"]) if groups.get("year") else None
    if _day(maybe_year or 2000, named_month, named_day) is None:  # 2000 keeps Feb 29 possible
        return None
    return TextDate(named_month, named_day, maybe_year, match.group(0).strip(), kind)


def date_in_text(text: str) -> TextDate | None:
    """The dateline ("ASTANA, Nov 11 (Kazinform) –") or date line ("Nov 11") at the top of
    a text, whichever comes first."""
    head = text[:_HEAD_CHARS]
    found = [(match.start(), kind, match) for kind, pattern in
             (("dateline", _DATELINE), ("date line", _DATE_LINE))
             if (match := pattern.search(head))]
    for _start, kind, match in sorted(found, key=lambda item: item[0]):
        if (result := _read_match(match, kind)) is not None:
            return result
    return None


def complete_year(month: int, day: int, bound: dt.date) -> dt.date | None:
    """The latest date with this month and day that is not after `bound` (a day's slack for
    time zones): "Nov 11" crawled on 2026-01-03 is 2025-11-11."""
    for year in (bound.year + 1, bound.year, bound.year - 1):
        candidate = _day(year, month, day)
        if candidate is not None and candidate <= bound + dt.timedelta(days=1):
            return candidate
    return None


def _with_year(found: TextDate, url: Dated, evidence: tuple[Evidence, ...]) -> Dated:
    if url.date is not None and url.precision in (DatePrecision.MONTH, DatePrecision.YEAR):
        date = _day(url.date.year, found.month, found.day)
        if date is not None:
            return Dated(date, DatePrecision.DAY, f"{found.kind}, year from the URL",
                         found.text)
    for item in evidence:
        date = complete_year(found.month, found.day, item.date)
        if date is not None:
            return Dated(date, DatePrecision.DAY, f"{found.kind}, year from the {item.what} "
                         f"({item.date.isoformat()})", found.text)
    return UNDATED


def find_published(article: Article, given: dt.date | None = None) -> Dated:
    """The publication date of an article and how it was found (see the module note)."""
    if given is not None:
        return Dated(given, DatePrecision.DAY, "given")
    if article.published is not None:
        return Dated(article.published, DatePrecision.DAY,
                     article.published_from or "metadata")
    url = date_from_url(article.url)
    if url.precision == DatePrecision.DAY:
        return url
    found = date_in_text(article.text)
    if found is not None and found.year is not None:
        date = _day(found.year, found.month, found.day)
        if date is not None:
            return Dated(date, DatePrecision.DAY, found.kind, found.text)
    if found is not None:
        completed = _with_year(found, url, article.evidence)
        if completed.date is not None:
            return completed
    return url
