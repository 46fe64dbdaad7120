"""When, in Russian: each candidate takes the date its clause states, or the one its context
implies, by the rules of the English `dating` step (docs/CODING.md §5).

Copied from `tengri.extract.dating` with the Russian clause (`extract.ru.roles.clause`), Russian
words that continue a paragraph ("также", "затем", "кроме того") and durations ("двухдневный
визит"); `status_by_date` and the compatibility tests are the English ones. Fold back when the
English step takes its clause and words as parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate, DateMention
from tengri.extract.dates import DateExpr
from tengri.extract.dating import (
    _DIRECTION,
    _actors,
    _compatible,
    nearest_in_clause,
    status_by_date,
)
from tengri.extract.ru.dates import find_dates
from tengri.extract.ru.roles import clause
from tengri.model import DatePrecision, DateRange, EventStatus

_CONTINUES = re.compile(
    r"^(?:кроме\s+того|также|затем|позже|после\s+этого|в\s+тот\s+же\s+день|там\s+же|"
    r"в\s+свою\s+очередь)\b|\b(?:также|снова|вновь)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\b(?P<n>двух|тр[её]х|четыр[её]х|пяти|2|3|4|5)[-\s]?(?:дневн\w+|х?\s*дневн\w+)",
    re.IGNORECASE,
)
_DAYS = {"двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5,
         "2": 2, "3": 3, "4": 4, "5": 5}  # fmt: skip


def find_date_mentions(analysis: Analysis) -> dict[str, object]:
    """Every Russian date phrase in the body, found once."""
    found = []
    for sentence in analysis.sentences:
        for expr in find_dates(analysis.text, sentence.start, sentence.end):
            found.append(DateMention(expr, sentence.index))
    return {"dates": tuple(found)}


def _pick(analysis: Analysis, candidate: Candidate, exprs: list[DateExpr]) -> DateExpr | None:
    if not exprs:
        return None
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    nearest = nearest_in_clause(analysis.text, trigger, exprs,
                                clause(analysis, sentence, trigger))
    if nearest is not None:
        return nearest
    opening = [e for e in exprs if analysis.text[sentence.start : e.start].strip(" ,") == ""]
    if opening:
        return opening[0]
    before = [e for e in exprs if e.end <= trigger.start]
    return before[-1] if before else None


def _inherited(
    analysis: Analysis, candidate: Candidate, dated: list[Candidate]
) -> DateRange | None:
    sentence = analysis.sentences[candidate.trigger.sentence]
    continues = bool(_CONTINUES.search(sentence.text))
    for other in reversed(dated if continues else ()):
        other_sentence = analysis.sentences[other.trigger.sentence]
        if (
            other_sentence.paragraph == sentence.paragraph
            and 0 < sentence.index - other_sentence.index <= 2
            and _compatible(candidate, other)
        ):
            assert other.date is not None  # _compatible holds only for dated events
            return replace(other.date, note=f"carried from sentence {other_sentence.index + 1}")
    actors = _actors(candidate)
    for other in dated:
        if (
            other.trigger.sentence < sentence.index
            and _compatible(candidate, other)
            and actors
            and actors <= _actors(other) | {""}
            and other.type == "CONSULT"
            and candidate.status in {EventStatus.PLANNED, EventStatus.ONGOING}
        ):
            assert other.date is not None
            return replace(other.date, note="during the event it belongs to")
    return None


def _with_duration(analysis: Analysis, candidate: Candidate, date: DateRange) -> DateRange:
    """ "в среду … с двухдневным визитом": the range runs for the days stated."""
    if date.precision != DatePrecision.DAY or date.start is None or date.start != date.end:
        return date
    match = _DURATION.search(analysis.sentences[candidate.trigger.sentence].text)
    if not match:
        return date
    end = date.start + dt.timedelta(days=_DAYS[match["n"].lower()] - 1)
    note = (date.note + "; " if date.note else "") + f"{match.group(0)} from the start date"
    return replace(date, end=end, note=note)


def assign_dates(analysis: Analysis) -> dict[str, object]:
    """Resolve each candidate's date against the publication date and its own status."""
    by_sentence: dict[int, list[DateExpr]] = {}
    for mention in analysis.dates:
        by_sentence.setdefault(mention.sentence, []).append(mention.expr)
    done: list[Candidate] = []
    for candidate in analysis.candidates:
        if candidate.status_cue == "background":
            done.append(replace(candidate, date=None))
            continue
        expr = _pick(analysis, candidate, by_sentence.get(candidate.trigger.sentence, []))
        date: DateRange | None
        if expr is not None:
            direction = _DIRECTION[candidate.status]
            date = _with_duration(analysis, candidate, expr.resolve(analysis.published, direction))
        else:
            dated = [
                c for c in done if c.date is not None and c.date.precision != DatePrecision.UNKNOWN
            ]
            date = _inherited(analysis, candidate, dated)
        done.append(status_by_date(replace(candidate, date=date), analysis.published))
    return {"candidates": tuple(done)}
