"""Date expressions: found in a sentence by our own patterns, resolved against the publication date.

dateparser reads single phrases well but misses ranges ("from November 11 to 12"), halves and
quarters, and reads future weekdays as past; so tengri finds the spans itself and resolves them
with explicit rules. A phrase whose year or direction depends on the event ("on Monday", "November
11") is resolved once the event's status is known: `DateExpr.resolve(published, direction)`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from tengri.model import DatePrecision, DateRange

Direction = str  # "past" (occurred), "future" (planned), "any"

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
_MONTH = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": 3,
    "a few": 3,
    "a couple of": 2,
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _m(g: str) -> str:
    return _MONTH.format(g=g)


def _d(g: str) -> str:
    return _DAY.format(g=g)


def _y(g: str) -> str:
    return _YEAR.format(g=g)


def month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(month: int, day: int | None, published: dt.date, direction: Direction) -> int:
    """The year of a month (and day) given without one, from publication and tense.

    A planned event takes the next such date on or after publication, an occurred one the last
    on or before it; with no tense, the one within six months of publication.
    """
    year = published.year
    if day is None:
        first, last = _month_range(year, month)
    else:
        first = last = _safe_day(year, month, day) or dt.date(year, month, 1)
    if direction == "future" and last < published:
        return year + 1
    if direction == "past" and first > published:
        return year - 1
    if direction == "any":
        if (first - published).days > 183:
            return year - 1
        if (published - last).days > 183:
            return year + 1
    return year


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date phrase found in text, with the rule that resolves it."""

    start: int
    end: int
    text: str
    kind: str
    _resolve: Callable[[dt.date | None, Direction], DateRange]

    def resolve(self, published: dt.date | None, direction: Direction = "any") -> DateRange:
        try:
            return self._resolve(published, direction)
        except (OverflowError, ValueError):
            # a publication date at the calendar's edge (9999-12-31, 0001-01-01) puts "next
            # week" or "last year" outside datetime's range: the phrase has no date, the
            # document is still read
            return _unknown(self.text, f"outside the calendar: from the publication date "
                                       f"{published} it falls outside years 1-9999")

    @property
    def needs_direction(self) -> bool:
        return self.kind in {"weekday", "month_day", "month_day_range", "month"}


_NOTE_YEAR = "year inferred from the publication date"


def _unknown(text: str, note: str = "relative date without a publication date") -> DateRange:
    return DateRange(None, None, DatePrecision.UNKNOWN, text, note)


# -- handlers: each takes the match and returns a resolver ----------------------------------------

Resolver = Callable[[dt.date | None, Direction], DateRange]


def _full_date(m: re.Match[str]) -> Resolver:
    text = m.group(0)
    year, month = int(m["y"]), month_number(m["m"])
    day_from, day_to = int(m["d"]), int(m["d2"]) if m.groupdict().get("d2") else None
    month_to = month_number(m["m2"]) if m.groupdict().get("m2") else month

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        start = _safe_day(year, month, day_from)
        end = _safe_day(year, month_to, day_to) if day_to else start
        if start is None or end is None or end < start:
            return _unknown(text, "not a valid calendar date")
        return DateRange(start, end, DatePrecision.DAY, text)

    return resolve


def _day_month(m: re.Match[str]) -> Resolver:
    """Month-day (or a range of days) with no year."""
    text = m.group(0)
    month = month_number(m["m"])
    day_from = int(m["d"])
    day_to = int(m["d2"]) if m.groupdict().get("d2") else None
    month_to = month_number(m["m2"]) if m.groupdict().get("m2") else month

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text, "month and day without a year or publication date")
        year = infer_year(month, day_from, published, direction)
        year_to = year + 1 if month_to < month else year
        start = _safe_day(year, month, day_from)
        end = _safe_day(year_to, month_to, day_to) if day_to else start
        if start is None or end is None or end < start:
            return _unknown(text, "not a valid calendar date")
        return DateRange(start, end, DatePrecision.DAY, text, _NOTE_YEAR)

    return resolve


def _month_year(m: re.Match[str]) -> Resolver:
    text, month, year = m.group(0), month_number(m["m"]), int(m["y"])
    start, end = _month_range(year, month)
    return lambda published, direction: DateRange(start, end, DatePrecision.MONTH, text)


def _month_only(m: re.Match[str]) -> Resolver:
    text, month = m.group(0), month_number(m["m"])

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text, "month without a year or publication date")
        start, end = _month_range(infer_year(month, None, published, direction), month)
        return DateRange(start, end, DatePrecision.MONTH, text, _NOTE_YEAR)

    return resolve


def _year(m: re.Match[str]) -> Resolver:
    text, year = m.group(0), int(m["y"])
    return lambda published, direction: DateRange(
        dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR, text
    )


def _part_of_year(m: re.Match[str]) -> Resolver:
    """Halves and quarters: "the first half of 2025", "Q3", "the second quarter of the year"."""
    text = m.group(0)
    part = (m["part"] or "").lower()
    half = "half" in part or (m.groupdict().get("h") is not None)
    ordinal = _ORDINALS.get((m["ord"] or "").lower()) or int(m.groupdict().get("n") or 1)
    explicit_year = int(m["y"]) if m.groupdict().get("y") else None

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        year = explicit_year or (published.year if published else None)
        if year is None:
            return _unknown(text, "part of a year without a year or publication date")
        if half:
            index = min(ordinal, 2) if ordinal != 4 else 2
            start, end = dt.date(year, 6 * index - 5, 1), _month_range(year, 6 * index)[1]
            precision = DatePrecision.HALF
        else:
            index = min(ordinal, 4)
            start, end = dt.date(year, 3 * index - 2, 1), _month_range(year, 3 * index)[1]
            precision = DatePrecision.QUARTER
        note = None if explicit_year else "year taken from the publication date"
        return DateRange(start, end, precision, text, note)

    return resolve


def _relative_unit(m: re.Match[str]) -> Resolver:
    """ "a year ago", "two months ago", "three weeks later"? (only "ago" here)."""
    text = m.group(0)
    count = _NUMBER_WORDS.get((m["n"] or "").lower()) or int(m["n"]) if m["n"] else 1
    unit = m["u"].lower().rstrip("s")

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text)
        note = f"{count} {unit}(s) before publication"
        if unit == "year":
            year = published.year - count
            return DateRange(
                dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR, text, note
            )
        if unit == "month":
            when = published - relativedelta(months=count)
            start, end = _month_range(when.year, when.month)
            return DateRange(start, end, DatePrecision.MONTH, text, note)
        if unit == "week":
            when = published - dt.timedelta(weeks=count)
            monday = when - dt.timedelta(days=when.weekday())
            return DateRange(monday, monday + dt.timedelta(days=6), DatePrecision.DAY, text, note)
        when = published - dt.timedelta(days=count)
        return DateRange(when, when, DatePrecision.DAY, text, note)

    return resolve


def _deictic(m: re.Match[str]) -> Resolver:
    """ "last week", "next month", "this year", "earlier this month", "yesterday"."""
    text = m.group(0)
    which = (m["which"] or "this").lower()
    unit = m["u"].lower()

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text)
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit == "week":
            monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
            start, end = monday, monday + dt.timedelta(days=6)
            precision = DatePrecision.DAY
        elif unit == "month":
            when = published + relativedelta(months=shift)
            start, end = _month_range(when.year, when.month)
            precision = DatePrecision.MONTH
        else:
            year = published.year + shift
            start, end, precision = dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR
        if which == "earlier" and shift == 0:
            end = min(end, published)
        if which == "later" and shift == 0:
            start = max(start, published)
        return DateRange(start, end, precision, text, f"{which} {unit} of the publication date")

    return resolve


def _day_word(m: re.Match[str]) -> Resolver:
    text = m.group(0)
    offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[m["w"].lower()]

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text)
        day = published + dt.timedelta(days=offset)
        return DateRange(day, day, DatePrecision.DAY, text, "relative to the publication date")

    return resolve


def _weekday(m: re.Match[str]) -> Resolver:
    text = m.group(0)
    weekday = _WEEKDAYS[m["w"].lower()]
    which = (m["which"] or "").lower()

    def resolve(published: dt.date | None, direction: Direction) -> DateRange:
        if published is None:
            return _unknown(text)
        back = (published.weekday() - weekday) % 7
        ahead = (weekday - published.weekday()) % 7
        if which == "last":
            day = published - dt.timedelta(days=back or 7)
        elif which == "next":
            day = published + dt.timedelta(days=ahead or 7)
        elif direction == "future":
            day = published + dt.timedelta(days=ahead)
        elif direction == "past":
            day = published - dt.timedelta(days=back)
        else:  # news usage: the nearest such day, in the past unless it is closer ahead
            day = (
                published - dt.timedelta(days=back)
                if back <= ahead
                else published + dt.timedelta(days=ahead)
            )
        return DateRange(day, day, DatePrecision.DAY, text, "weekday resolved from publication")

    return resolve


def _iso(m: re.Match[str]) -> Resolver:
    text = m.group(0)
    day = _safe_day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if day is None:
        return lambda published, direction: _unknown(text, "not a valid calendar date")
    return lambda published, direction: DateRange(day, day, DatePrecision.DAY, text)


_SEP = r",?\s+"
_PATTERNS: list[tuple[str, str, Callable[[re.Match[str]], Resolver]]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b", _iso),
    # May 30 - June 2, 2025 / from May 30 to June 2, 2025
    (
        "full_range2",
        rf"\b(?:from\s+)?{_m('m')}\s+{_d('d')}{_DASH}{_m('m2')}\s+{_d('d2')}{_SEP}{_y('y')}\b",
        _full_date,
    ),
    # November 11-12, 2025 / from November 11 to 12, 2025
    (
        "full_range",
        rf"\b(?:from\s+|between\s+)?{_m('m')}\s+{_d('d')}{_DASH}{_d('d2')}{_SEP}{_y('y')}\b",
        _full_date,
    ),
    # 11-12 November 2025
    (
        "full_range_dm",
        rf"\b(?:from\s+|between\s+)?{_d('d')}{_DASH}{_d('d2')}\s+(?:of\s+)?{_m('m')}{_SEP}{_y('y')}\b",
        _full_date,
    ),
    ("full", rf"\b{_m('m')}\s+{_d('d')}{_SEP}{_y('y')}\b", _full_date),
    ("full_dm", rf"\b{_d('d')}\s+(?:of\s+)?{_m('m')}{_SEP}{_y('y')}\b", _full_date),
    (
        "month_day_range2",
        rf"\b(?:from\s+)?{_m('m')}\s+{_d('d')}{_DASH}{_m('m2')}\s+{_d('d2')}\b(?!\s*,?\s*(?:19|20)\d\d)",
        _day_month,
    ),
    (
        "month_day_range",
        rf"\b(?:from\s+|between\s+)?{_m('m')}\s+{_d('d')}{_DASH}{_d('d2')}\b(?![.,]\d)(?!\s*,?\s*(?:19|20)\d\d)",
        _day_month,
    ),
    (
        "month_day_range_dm",
        rf"\b(?:from\s+|between\s+)?{_d('d')}{_DASH}{_d('d2')}\s+(?:of\s+)?{_m('m')}\b(?!\s*,?\s*(?:19|20)\d\d)",
        _day_month,
    ),
    ("month_day", rf"\b{_m('m')}\s+{_d('d')}\b(?![.,]?\d)(?!\s*,?\s*(?:19|20)\d\d)", _day_month),
    ("month_day_dm", rf"\b{_d('d')}\s+(?:of\s+)?{_m('m')}\b(?!\s*,?\s*(?:19|20)\d\d)", _day_month),
    (
        "part_of_year",
        r"\b(?:in\s+|during\s+|over\s+|for\s+)?the\s+(?P<ord>first|second|third|fourth|"
        r"last|final|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)(?:\s+(?:of\s+)?(?:(?P<y>(?:19|20)\d\d)|"
        r"(?:the|this|last)\s+year))?",
        _part_of_year,
    ),
    (
        "quarter_code",
        r"\b(?:(?P<part>Q)(?P<n>[1-4])|(?P<h>H)(?P<n2>[12]))\s*(?P<y>(?:19|20)\d\d)\b(?P<ord>)",
        lambda m: _quarter_code(m),
    ),
    (
        "month_year",
        rf"\b(?:(?:early|mid|late)[-\s])?{_m('m')}\s+(?:of\s+)?{_y('y')}\b",
        _month_year,
    ),
    (
        "month",
        rf"(?:\b(?i:in|since|until|by|during|through|of|from|last|next|this|early|mid|late|"
        rf"mid-)\s*|(?<=-)){_m('m')}\b(?!\s+\d)",
        _month_only,
    ),
    (
        "year",
        r"\b(?:in|since|during|until|by|for|of|from|throughout)\s+(?:the\s+year\s+)?"
        r"(?P<y>(?:19|20)\d\d)\b(?![-–]\d)",
        _year,
    ),
    (
        "relative_unit",
        r"\b(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?(?P<n>a|an|one|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve|several|a few|a couple of|\d+)\s+(?P<u>days?|weeks?|months?|"
        r"years?)\s+ago\b",
        _relative_unit,
    ),
    (
        "deictic",
        r"\b(?P<which>last|next|this|past|previous|coming|earlier\s+this|later\s+this)\s+"
        r"(?P<u>week|month|year)\b",
        lambda m: _deictic_fix(m),
    ),
    ("day_word", r"\b(?P<w>yesterday|today|tomorrow|tonight)\b", _day_word),
    (
        "weekday",
        r"\b(?:on\s+)?(?:(?P<which>last|next|this)\s+)?(?P<w>Monday|Tuesday|Wednesday|"
        r"Thursday|Friday|Saturday|Sunday)\b",
        _weekday,
    ),
]


def _quarter_code(m: re.Match[str]) -> Resolver:
    text, year = m.group(0), int(m["y"])
    if m["h"]:
        index = int(m["n2"])
        return lambda published, direction: DateRange(
            dt.date(year, 6 * index - 5, 1),
            _month_range(year, 6 * index)[1],
            DatePrecision.HALF,
            text,
        )
    index = int(m["n"])
    return lambda published, direction: DateRange(
        dt.date(year, 3 * index - 2, 1),
        _month_range(year, 3 * index)[1],
        DatePrecision.QUARTER,
        text,
    )


def _deictic_fix(m: re.Match[str]) -> Resolver:
    which = re.sub(r"\s+this$", "", (m["which"] or "").lower())
    text = m.group(0)
    proxy = re.match(r"(?P<which>\w+)\s+(?P<u>\w+)", f"{which} {m['u']}")
    resolver = _deictic(proxy)  # type: ignore[arg-type]
    return lambda published, direction: _with_text(resolver(published, direction), text)


def _with_text(date: DateRange, text: str) -> DateRange:
    return DateRange(date.start, date.end, date.precision, text, date.note)


_COMPILED = [(kind, re.compile(pattern), handler) for kind, pattern, handler in _PATTERNS]
_CASE_FREE = {"part_of_year", "relative_unit", "deictic", "day_word", "year"}
_COMPILED = [
    (kind, re.compile(pattern, re.IGNORECASE) if kind in _CASE_FREE else regex, handler)
    for (kind, pattern, handler), (_, regex, _) in zip(_PATTERNS, _COMPILED, strict=True)
]


# Words one of which a text must contain for a kind of pattern to be worth running.
_NEEDS = {
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"),
    "digit": re.compile(r"\d"),
    "relative": re.compile(
        r"(?i)\b(?:ago|last|next|this|past|previous|coming|earlier|later|"
        r"yesterday|today|tomorrow|tonight|half|quarter)\b"
    ),
    "weekday": re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
}
_KIND_NEEDS = {
    "iso": "digit",
    "full_range2": "month",
    "full_range": "month",
    "full_range_dm": "month",
    "full": "month",
    "full_dm": "month",
    "month_day_range2": "month",
    "month_day_range": "month",
    "month_day_range_dm": "month",
    "month_day": "month",
    "month_day_dm": "month",
    "part_of_year": "relative",
    "quarter_code": "digit",
    "month_year": "month",
    "month": "month",
    "year": "digit",
    "relative_unit": "relative",
    "deictic": "relative",
    "day_word": "relative",
    "weekday": "weekday",
}


def _windows(chunk: str, regex: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Spans around each match of `regex`, merged: month patterns only need to run there."""
    spans: list[tuple[int, int]] = []
    for match in regex.finditer(chunk):
        low, high = max(0, match.start() - before), min(len(chunk), match.end() + after)
        while low > 0 and not chunk[low - 1].isspace():
            low -= 1  # windows start and end between words, never inside one
        while high < len(chunk) and not chunk[high].isspace():
            high += 1
        if spans and low <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], high))
        else:
            spans.append((low, high))
    return spans


_MAY_AS_MONTH = re.compile(r"(?i)in|since|until|by|during|of|last|next")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Date expressions in text[start:end], longest first, never overlapping."""
    end = len(text) if end is None else end
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    chunk = text[start:end]
    present = {need for need, regex in _NEEDS.items() if regex.search(chunk)}
    # Month patterns are the costly ones: run them only near a month name (word boundaries
    # are kept right because a window starts and ends at whitespace or text edges).
    month_windows = _windows(chunk, _NEEDS["month"], 30, 45) if "month" in present else []
    matches: list[tuple[int, int, str, re.Match[str], Callable[[re.Match[str]], Resolver]]] = []
    for kind, regex, handler in _COMPILED:
        need = _KIND_NEEDS[kind]
        if need not in present:
            continue
        spans = month_windows if need == "month" else [(0, len(chunk))]
        for low, high in spans:
            for match in regex.finditer(chunk, low, high):
                matches.append((match.start(), match.end(), kind, match, handler))
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    for s, e, kind, match, handler in matches:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if kind == "month" and match["m"] == "May" and not _MAY_AS_MONTH.match(match.group(0)):
            continue
        try:
            resolver = handler(match)
        except (KeyError, ValueError):
            continue
        taken.append((s, e))
        found.append(DateExpr(start + s, start + e, match.group(0), kind, resolver))
    found.sort(key=lambda d: d.start)
    return found
