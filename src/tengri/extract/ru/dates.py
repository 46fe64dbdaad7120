"""Russian date expressions, resolved by the English rules.

Each Russian phrase is found by its own pattern and read into the English phrase that means the
same ("11–12 ноября 2025 года" -> "November 11-12, 2025", "в прошлом месяце" -> "last month",
"в первом полугодии 2025 года" -> "in the first half of 2025", "год назад" -> "a year ago"); the
English `find_dates` resolves that, so both languages share one set of resolution rules (year
inferred from the tense, weekdays before or after publication, halves and quarters). The span and
text are the Russian ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tengri.extract.dates import DateExpr, Direction
from tengri.extract.dates import find_dates as english_dates
from tengri.model import DateRange

_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
_IN_MONTHS = "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"
_NOMINATIVE = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
_ENGLISH = (
    "January February March April May June July August September October November December"
).split()
MONTH = {
    form: _ENGLISH[i]
    for forms in (_MONTHS, _IN_MONTHS, _NOMINATIVE)
    for i, form in enumerate(forms.split())
}
_GEN = "(?:" + "|".join(_MONTHS.split()) + ")"
_PREP = "(?:" + "|".join(_IN_MONTHS.split()) + ")"
_YEAR = r"(?:\s+(?P<y>(?:19|20)\d\d)(?:\s*(?:года|году|г\.))?)?"
_DASH = r"\s*[–—-]\s*"
_ORDINAL = {"первом": "first", "втором": "second", "третьем": "third", "четвёртом": "fourth",
            "четвертом": "fourth", "последнем": "fourth"}  # fmt: skip
_COUNT = {"два": "two", "две": "two", "три": "three", "четыре": "four", "пять": "five",
          "шесть": "six", "несколько": "several"}  # fmt: skip
_UNIT = {"год": "year", "года": "year", "лет": "year", "месяц": "month", "месяца": "month",
         "месяцев": "month", "неделю": "week", "недели": "week", "недель": "week",
         "день": "day", "дня": "day", "дней": "day"}  # fmt: skip
_WHICH = {"прошлом": "last", "прошлой": "last", "минувшем": "last", "минувшей": "last",
          "прошедшем": "last", "следующем": "next", "следующей": "next", "будущем": "next",
          "этом": "this", "этой": "this", "текущем": "this", "нынешнем": "this"}  # fmt: skip
_UNIT_WORD = {"году": "year", "месяце": "month", "неделе": "week"}
_WEEKDAY = {"понедельник": "Monday", "вторник": "Tuesday", "среду": "Wednesday",
            "четверг": "Thursday", "пятницу": "Friday", "субботу": "Saturday",
            "воскресенье": "Sunday"}  # fmt: skip
_DAY_WORD = {"вчера": "yesterday", "сегодня": "today", "завтра": "tomorrow"}


def _m(word: str) -> str:
    return MONTH[word.lower()]


def _year(m: re.Match[str]) -> str:
    return f", {m['y']}" if m["y"] else ""


def _range(m: re.Match[str]) -> str:
    return f"{_m(m['m'])} {int(m['d1'])}-{int(m['d2'])}{_year(m)}"


def _from_to(m: re.Match[str]) -> str:
    first = _m(m["m1"]) if m["m1"] else _m(m["m"])
    year = f", {m['y']}" if m["y"] else ""
    if m["m1"] and m["m1"] != m["m"]:
        return f"from {first} {int(m['d1'])} to {_m(m['m'])} {int(m['d2'])}{year}"
    return f"from {first} {int(m['d1'])} to {int(m['d2'])}{year}"


def _day(m: re.Match[str]) -> str:
    return f"{_m(m['m'])} {int(m['d'])}{_year(m)}"


def _month(m: re.Match[str]) -> str:
    return f"{_m(m['m'])} {m['y']}" if m["y"] else f"in {_m(m['m'])}"


def _half(m: re.Match[str]) -> str:
    return f"in the {_ORDINAL[m['o'].lower()]} half" + (f" of {m['y']}" if m["y"] else "")


def _quarter(m: re.Match[str]) -> str:
    return f"in the {_ORDINAL[m['o'].lower()]} quarter" + (f" of {m['y']}" if m["y"] else "")


def _ago(m: re.Match[str]) -> str:
    count = (m["n"] or "").lower()
    unit = _UNIT[m["u"].lower()]
    if not count:
        return f"a {unit} ago"
    number = _COUNT.get(count, count)
    return f"{number} {unit}s ago"


def _deictic(m: re.Match[str]) -> str:
    return f"{_WHICH[m['w'].lower()]} {_UNIT_WORD[m['u'].lower()]}"


def _weekday(m: re.Match[str]) -> str:
    return f"on {_WEEKDAY[m['w'].lower()]}"


def _day_word(m: re.Match[str]) -> str:
    return _DAY_WORD[m["w"].lower()]


def _numeric(m: re.Match[str]) -> str:
    return f"{m['y']}-{int(m['mo']):02d}-{int(m['d']):02d}"


_PATTERNS: list[tuple[str, str, Callable[[re.Match[str]], str]]] = [
    ("range", rf"(?P<d1>[0-3]?\d){_DASH}(?P<d2>[0-3]?\d)\s+(?P<m>{_GEN}){_YEAR}", _range),
    (
        "from_to",
        rf"\b[сС]\s+(?P<d1>[0-3]?\d)(?:\s+(?P<m1>{_GEN}))?\s+по\s+(?P<d2>[0-3]?\d)\s+"
        rf"(?P<m>{_GEN}){_YEAR}",
        _from_to,
    ),
    ("day", rf"(?<![\d.])(?P<d>[0-3]?\d)\s+(?P<m>{_GEN}){_YEAR}", _day),
    ("month", rf"\b(?:в|во)\s+(?P<m>{_PREP}){_YEAR}", _month),
    ("year", r"\bв\s+(?P<y>(?:19|20)\d\d)\s+году\b", lambda m: f"in {m['y']}"),
    ("half", rf"\bв\s+(?P<o>первом|втором)\s+полугодии{_YEAR}", _half),
    ("quarter", rf"\bв\s+(?P<o>первом|втором|третьем|четв[её]ртом)\s+квартале{_YEAR}", _quarter),
    (
        "ago",
        r"\b(?:(?P<n>два|две|три|четыре|пять|шесть|несколько|\d{1,2})\s+)?"
        r"(?P<u>год|года|лет|месяц|месяца|месяцев|неделю|недели|недель|день|дня|дней)\s+назад\b",
        _ago,
    ),
    (
        "deictic",
        r"\b(?:в|на)\s+(?P<w>прошлом|прошлой|минувшем|минувшей|прошедшем|следующем|следующей|"
        r"будущем|этом|этой|текущем|нынешнем)\s+(?P<u>году|месяце|неделе)\b",
        _deictic,
    ),
    (
        "weekday",
        r"\b(?:в|во)\s+(?P<w>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
        _weekday,
    ),
    ("day_word", r"\b(?P<w>вчера|сегодня|завтра)\b", _day_word),
    ("numeric", r"\b(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b", _numeric),
]
_COMPILED = [(kind, re.compile(p, re.IGNORECASE), english) for kind, p, english in _PATTERNS]


def _russian(expr: DateExpr, start: int, text: str) -> DateExpr:
    def resolve(published: object, direction: Direction) -> DateRange:
        date = expr.resolve(published, direction)  # type: ignore[arg-type]
        return DateRange(date.start, date.end, date.precision, text, date.note)

    return DateExpr(start, start + len(text), text, expr.kind, resolve)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Russian date expressions in text[start:end], longest first, never overlapping."""
    end = len(text) if end is None else end
    matches = []
    for kind, regex, english in _COMPILED:
        for match in regex.finditer(text, start, end):
            matches.append((match.start(), match.end(), kind, match, english))
    matches.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken: list[tuple[int, int]] = []
    found: list[DateExpr] = []
    for s, e, _, match, english in matches:
        if any(s < te and ts < e for ts, te in taken):
            continue
        phrase = english(match)
        exprs = [x for x in english_dates(phrase) if x.start == 0 and x.end == len(phrase)]
        if not exprs:
            continue
        taken.append((s, e))
        found.append(_russian(exprs[0], s, match.group(0)))
    found.sort(key=lambda d: d.start)
    return found
