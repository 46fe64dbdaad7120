"""Kazakh: read, not coded. A Kazakh document is detected ("kk"), its actors and dates are
resolved where the KB and the date rules allow, and it is then skipped with a reason that says so.

tengri has no Kazakh trigger lexicon, so no events, facts or memberships are coded from Kazakh
text: the last step raises `UnsupportedLanguage`, which `tengri extract` reports as a skipped
document ("unsupported language") and the store quarantines with its reason. The reason lists the
actors and dates that were read, so an analyst sees what the document is about.

- Actors: Kazakh letters are read as their Russian counterparts one for one (қ -> к, ә -> а …),
  which keeps offsets and lets the KB's Russian names match ("Тоқаев" -> Токаев). Kazakh case
  suffixes are not stripped, so "Путинмен" (with Putin) is not matched: names in the nominative,
  acronyms and Russian spellings are.
- Dates: Kazakh month and weekday names and "кеше/бүгін/ертең" are read into English phrases and
  resolved by the English rules, as for Russian.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tengri.extract.analysis import Analysis, DateMention
from tengri.extract.dates import DateExpr, Direction
from tengri.extract.dates import find_dates as english_dates
from tengri.extract.pipeline import Step, UnsupportedLanguage, _segment, _step
from tengri.extract.ru.actors import find_actors as russian_actors
from tengri.model import DateRange

_TO_RUSSIAN = str.maketrans("ӘәҒғҚқҢңӨөҰұҮүҺһІі", "АаГгКкНнОоУуУуХхИи")
_MONTHS = {"қаңтар": "January", "ақпан": "February", "наурыз": "March", "сәуір": "April",
           "мамыр": "May", "маусым": "June", "шілде": "July", "тамыз": "August",
           "қыркүйек": "September", "қазан": "October", "қараша": "November",
           "желтоқсан": "December"}  # fmt: skip
_WEEKDAYS = {"дүйсенбі": "Monday", "сейсенбі": "Tuesday", "сәрсенбі": "Wednesday",
             "бейсенбі": "Thursday", "жұма": "Friday", "сенбі": "Saturday",
             "жексенбі": "Sunday"}  # fmt: skip
_DAY_WORDS = {"кеше": "yesterday", "бүгін": "today", "ертең": "tomorrow"}
_MONTH = "(?P<m>" + "|".join(_MONTHS) + r")\w*"
_PATTERNS: list[tuple[str, Callable[[re.Match[str]], str]]] = [
    (rf"(?:(?P<y>(?:19|20)\d\d)\s+жыл\w*\s+)?(?P<d1>[0-3]?\d)\s*[–—-]\s*(?P<d2>[0-3]?\d)\s+{_MONTH}",
     lambda m: f"{_MONTHS[m['m'].lower()]} {int(m['d1'])}-{int(m['d2'])}"
     + (f", {m['y']}" if m["y"] else "")),
    (rf"(?:(?P<y>(?:19|20)\d\d)\s+жыл\w*\s+)?(?P<d>[0-3]?\d)\s+{_MONTH}",
     lambda m: f"{_MONTHS[m['m'].lower()]} {int(m['d'])}" + (f", {m['y']}" if m["y"] else "")),
    (rf"(?:(?P<y>(?:19|20)\d\d)\s+жыл\w*\s+)?{_MONTH}\s+айында",
     lambda m: f"{_MONTHS[m['m'].lower()]} {m['y']}" if m["y"] else
     f"in {_MONTHS[m['m'].lower()]}"),
    ("(?P<w>" + "|".join(_WEEKDAYS) + r")\w*", lambda m: f"on {_WEEKDAYS[m['w'].lower()]}"),
    ("(?P<w>" + "|".join(_DAY_WORDS) + r")\b", lambda m: _DAY_WORDS[m["w"].lower()]),
]  # fmt: skip
_COMPILED = [(re.compile(rf"(?<!\w){p}", re.IGNORECASE), english) for p, english in _PATTERNS]


def _kazakh_date(expr: DateExpr, start: int, text: str) -> DateExpr:
    def resolve(published: object, direction: Direction) -> DateRange:
        date = expr.resolve(published, direction)  # type: ignore[arg-type]
        return DateRange(date.start, date.end, date.precision, text, date.note)

    return DateExpr(start, start + len(text), text, expr.kind, resolve)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Kazakh date expressions in text[start:end], longest first, never overlapping."""
    end = len(text) if end is None else end
    matches = sorted(
        ((m.start(), m.end(), m, english) for regex, english in _COMPILED
         for m in regex.finditer(text, start, end)),
        key=lambda found: (found[0] - found[1], found[0]),
    )  # fmt: skip
    taken: list[tuple[int, int]] = []
    out: list[DateExpr] = []
    for s, e, match, english in matches:
        if any(s < te and ts < e for ts, te in taken):
            continue
        phrase = english(match)
        exprs = [x for x in english_dates(phrase) if x.start == 0 and x.end == len(phrase)]
        if exprs:
            taken.append((s, e))
            out.append(_kazakh_date(exprs[0], s, match.group(0)))
    return sorted(out, key=lambda d: d.start)


def find_actors(analysis: Analysis) -> dict[str, object]:
    """Actors of a Kazakh text, matched through the Russian names (same offsets)."""
    folded = replace(analysis.document, text=analysis.text.translate(_TO_RUSSIAN))
    shadow = Analysis(document=folded, kb=analysis.kb, sentences=analysis.sentences)
    found = russian_actors(shadow)
    mentions = tuple(
        replace(m, text=analysis.text[m.start : m.end])
        for m in found["mentions"]  # type: ignore[attr-defined]
    )
    return {"mentions": mentions, "focus": found["focus"]}


def find_date_mentions(analysis: Analysis) -> dict[str, object]:
    found = []
    for sentence in analysis.sentences:
        for expr in find_dates(analysis.text, sentence.start, sentence.end):
            found.append(DateMention(expr, sentence.index))
    return {"dates": tuple(found)}


def not_coded(analysis: Analysis) -> dict[str, object]:
    """Skip the document with a reason that names what was read and what is not coded."""
    actors = sorted(
        {f"{m.text} -> {m.entity or m.country}" for m in analysis.mentions if m.entity or m.country}
    )
    dates = []
    for mention in analysis.dates:
        date = mention.expr.resolve(analysis.published, "any")
        when = f"{date.start}..{date.end}" if date.start else "unresolved"
        dates.append(f"{mention.expr.text} -> {when}")
    raise UnsupportedLanguage(
        f"{analysis.document.doc_id}: Kazakh (kk) is read but not coded: no events, facts or "
        "memberships are extracted, as tengri has no Kazakh trigger lexicon. Actors read: "
        f"{'; '.join(actors) or 'none'}. Dates read: {'; '.join(dates) or 'none'}. "
        "Code a Russian or English version instead, or force one with --lang."
    )


STEPS: tuple[Step, ...] = (
    _step("segment", _segment, "text document", "sentences title"),
    _step("actors", find_actors, "text kb published sentences", "mentions focus"),
    _step("dates", find_date_mentions, "text published sentences", "dates"),
    _step("not-coded", not_coded, "mentions dates document", ""),
)
