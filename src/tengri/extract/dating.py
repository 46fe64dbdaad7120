"""When: give each candidate event the date its sentence states, or the one its context implies.

Order of preference (docs/CODING.md §5): a date phrase in the trigger's clause, nearest first;
a date phrase that opens the sentence ("In October, …", "A year ago, …"); the date of the event
this one continues in the same paragraph; the date of an earlier event with the same actors and
status (talks during a planned visit). Never the publication date by default.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate, DateMention, Trigger
from tengri.extract.dates import DateExpr, find_dates
from tengri.extract.slots import _clause
from tengri.model import DatePrecision, DateRange, EventStatus

_DIRECTION = {
    EventStatus.OCCURRED: "past",
    EventStatus.PLANNED: "future",
    EventStatus.ONGOING: "any",
    EventStatus.NEGATED: "any",
    EventStatus.HYPOTHETICAL: "future",
}


def find_date_mentions(analysis: Analysis) -> dict[str, object]:
    """Every date phrase in the body, found once; resolved later by each user with its tense."""
    found = []
    if not analysis.sentences:
        return {"dates": ()}
    first, last = analysis.sentences[0].start, analysis.sentences[-1].end
    exprs = find_dates(analysis.text, first, last)  # one pass over the body, not one per sentence
    sentences = iter(analysis.sentences)
    sentence = next(sentences)
    for expr in exprs:
        while expr.start >= sentence.end:
            following = next(sentences, None)
            if following is None:
                break
            sentence = following
        if sentence.start <= expr.start and expr.end <= sentence.end:
            found.append(DateMention(expr, sentence.index))
    return {"dates": tuple(found)}


_BEGAN = re.compile(
    r"^[^.;]{0,25}?\b(?:that|which)\s+(?:began|begins|started|starts|opened|opens|"
    r"ends|ended|concluded|runs|ran)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)


# "his first visit since the court issued a warrant in March 2023": a date inside a clause
# opened by "since" dates what the event is measured from, not the event
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:it|he|she|they|the\s+\w+|[A-Z][\w-]*)\s+[a-z]+ed\b")


def nearest_in_clause(text: str, trigger: Trigger, exprs: list[DateExpr],
                      span: tuple[int, int]) -> DateExpr | None:
    """The date in the trigger's clause (`span`) nearest to it, one not across a comma first."""
    left, right = span
    in_clause = [
        e
        for e in exprs
        if left <= e.start < right
        and not (e.start >= trigger.end and _SINCE_CLAUSE.search(text, trigger.end, e.start))
    ]
    if not in_clause:
        return None

    def distance(expr: DateExpr) -> tuple[bool, int]:
        crosses = "," in text[min(expr.end, trigger.end) : max(expr.start, trigger.start)]
        return crosses, min(abs(expr.start - trigger.end), abs(trigger.start - expr.end))

    return min(in_clause, key=distance)


def _pick(analysis: Analysis, candidate: Candidate, exprs: list[DateExpr]) -> DateExpr | None:
    if not exprs:
        return None
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    nearest = nearest_in_clause(analysis.text, trigger, exprs,
                                _clause(analysis, sentence, trigger))
    if nearest is not None:
        return nearest
    begun = [
        e
        for e in exprs
        if e.start >= trigger.end and _BEGAN.search(analysis.text[trigger.end : e.start])
    ]
    if begun:  # "a state visit that began on Monday"
        return begun[0]
    opening = [e for e in exprs if analysis.text[sentence.start : e.start].strip(" ,") == ""]
    if opening:
        return opening[0]
    before = [e for e in exprs if e.end <= trigger.start]
    return before[-1] if before else None


def _compatible(a: Candidate, b: Candidate) -> bool:
    same_status = (
        (a.status == b.status)
        or {a.status, b.status} <= {EventStatus.PLANNED, EventStatus.ONGOING}
        or {a.status, b.status} <= {EventStatus.OCCURRED, EventStatus.ONGOING}
    )
    return same_status and b.date is not None and b.date.precision != DatePrecision.UNKNOWN


def _actors(candidate: Candidate) -> set[str]:
    return {
        m.country or m.entity or ""
        for m in (candidate.source, candidate.target, *candidate.participants)
        if m is not None
    }


_CONTINUES = re.compile(
    r"^(?:furthermore|moreover|in\s+addition|additionally|also|later|then|"
    r"subsequently|afterwards|after\s+that|meanwhile|there|at\s+the\s+same\s+"
    r"time)\b|\b(?:again|also|as\s+well)\b",
    re.IGNORECASE,
)


def _same_story(candidate: Candidate, other: Candidate) -> bool:
    """Whether an event plainly continues another: the same source state acting again in the
    same kind of event, or the host's side of a visit just told."""
    mine = candidate.source.country if candidate.source else None
    theirs = other.source.country if other.source else None
    if mine and mine == theirs and candidate.type == other.type:
        return True
    target = other.target.country if other.target else None
    return (
        other.mode == "visit" and candidate.mode == "visit" and mine is not None and mine == target
    )


def _inherited(
    analysis: Analysis, candidate: Candidate, dated: list[Candidate]
) -> DateRange | None:
    sentence = analysis.sentences[candidate.trigger.sentence]
    continues = bool(_CONTINUES.search(sentence.text))
    for other in reversed(dated):
        if not (continues or _same_story(candidate, other)):
            continue
        other_sentence = analysis.sentences[other.trigger.sentence]
        if (
            other_sentence.paragraph == sentence.paragraph
            and 0 < sentence.index - other_sentence.index <= 2
            and _compatible(candidate, other)
        ):
            return replace(other.date, note=f"carried from sentence {other_sentence.index + 1}")  # type: ignore[arg-type]
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
            return replace(other.date, note="during the event it belongs to")  # type: ignore[arg-type]
    return None


def assign_dates(analysis: Analysis) -> dict[str, object]:
    """Resolve each candidate's date against the publication date and its own status."""
    by_sentence: dict[int, list[DateExpr]] = {}
    for mention in analysis.dates:
        by_sentence.setdefault(mention.sentence, []).append(mention.expr)
    done: list[Candidate] = []
    for candidate in analysis.candidates:
        expr = _pick(analysis, candidate, by_sentence.get(candidate.trigger.sentence, []))
        if candidate.status_cue == "background":
            done.append(replace(candidate, date=None))
            continue
        if expr is not None:
            date = _with_duration(
                analysis, candidate, expr.resolve(analysis.published, _DIRECTION[candidate.status])
            )
        else:
            date = _inherited(
                analysis,
                candidate,
                [
                    c
                    for c in done
                    if c.date is not None and c.date.precision != DatePrecision.UNKNOWN
                ],
            )
        done.append(status_by_date(replace(candidate, date=date), analysis.published))
    return {"candidates": tuple(done)}


_DURATION = re.compile(r"\b(?P<n>two|three|four|five|2|3|4|5)-day\b", re.IGNORECASE)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}


def _with_duration(analysis: Analysis, candidate: Candidate, date: DateRange) -> DateRange:
    """ "arrived on Wednesday for a two-day visit": the range runs for the days stated."""
    if date.precision != DatePrecision.DAY or date.start is None or date.start != date.end:
        return date
    sentence = analysis.sentences[candidate.trigger.sentence]
    match = _DURATION.search(sentence.text)
    if not match:
        return date
    try:
        end = date.start + dt.timedelta(days=_DAYS[match["n"].lower()] - 1)
    except OverflowError:  # a visit starting in the calendar's last days keeps its one day
        return date
    return replace(
        date,
        end=end,
        note=(date.note + "; " if date.note else "") + f"{match.group(0)} from the start date",
    )


def status_by_date(candidate: Candidate, published: object) -> Candidate:
    """With no tense cue, a dated event is ongoing on its days and planned before them."""
    date = candidate.date
    if (
        candidate.status_cue is not None
        or candidate.trigger.form not in {"noun", "VBZ", "VBP"}
        or date is None
        or date.start is None
        or date.end is None
        or published is None
    ):
        return candidate
    if date.start <= published <= date.end:  # type: ignore[operator]
        return replace(candidate, status=EventStatus.ONGOING, status_cue="date")
    if date.start > published:  # type: ignore[operator]
        return replace(candidate, status=EventStatus.PLANNED, status_cue="date")
    return candidate
