"""Events inside other events, in Russian words, before the shared merge step folds the rest.

The English `merge_events` folds wrappers (invitations, threats, appeals: by entry id, the same in
both lexicons) and attendance; its purpose and setting rules read English words. This step does
those two in Russian:
- a summit named only as the setting of a meeting ("на полях саммита", "в ходе форума",
  "накануне саммита") goes onto that meeting;
- talks that are what a visit is for ("прибыл … для переговоров", "в ходе визита … провели
  переговоры") join the visit.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.embedding import fold_purposes, fold_settings
from tengri.model import EventStatus

_SETTING = re.compile(
    r"\b(?:на\s+полях|в\s+кулуарах|в\s+ходе|во\s+время|в\s+рамках|накануне|после|перед|"
    r"по\s+итогам)\s+(?:[\w«»\"-]+\s+){0,1}$",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\b(?:для|с\s+целью)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _fold_manner(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """ "посетит Душанбе с официальным визитом": the noun tells the manner of the verb's visit."""
    out: list[Candidate] = []
    for candidate in candidates:
        trigger = candidate.trigger
        before = analysis.text[max(0, trigger.start - 3) : trigger.start]
        lead = next(
            (
                c
                for c in reversed(out)
                if c.trigger.sentence == trigger.sentence
                and c.trigger.entry == "visit"
                and c.trigger.form != "noun"
            ),
            None,
        )
        if (
            lead is not None
            and trigger.entry == "visit"
            and trigger.form == "noun"
            and re.search(r"(?:^|\s)со?\s$", before)
        ):
            out[out.index(lead)] = replace(lead, mentions=(*lead.mentions, trigger))
            continue
        out.append(candidate)
    return out


def _fold_attendance(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """ "приняли участие Путин, Токаев и Мирзиёев", "не примет участия в саммите": those who
    attend are participants of the gathering of their sentence, whose status they give; an
    attendance with no gathering told ("участие в мероприятиях") is no event."""
    out = list(candidates)
    for attend in candidates:
        if attend.trigger.entry != "attend":
            continue
        gathering = next(
            (
                c
                for c in out
                if c.gathering is not None
                and c.mode == "multilateral"
                and c.trigger.sentence == attend.trigger.sentence
            ),
            None,
        )
        out.remove(attend)
        if gathering is None:
            continue
        attendees = list(attend.participants) or [m for m in (attend.source,) if m is not None]
        strict = attend.status in {EventStatus.NEGATED, EventStatus.HYPOTHETICAL}
        known = [] if attend.status == EventStatus.NEGATED else list(gathering.participants)
        if attend.status == EventStatus.NEGATED:
            known = []
        elif strict:
            known = [p for p in known if p.kind == "igo"]
        keys = {p.entity or p.country for p in known}
        joined = known + [a for a in attendees if (a.entity or a.country) not in keys]
        updated = replace(
            gathering,
            participants=tuple(joined),
            status=attend.status
            if strict or attend.status == EventStatus.PLANNED
            else gathering.status,
            date=gathering.date or attend.date,
            mentions=(*gathering.mentions, attend.trigger),
        )
        out[out.index(gathering)] = updated
    return out


def _host_of_visit(candidates: list[Candidate]) -> list[Candidate]:
    """ "Владимир Путин прибыл в Астану … Путина встретил Токаев": a reception belongs to the
    visit told before it and takes its status, date and place."""
    out: list[Candidate] = []
    for candidate in candidates:
        visit = next(
            (
                c
                for c in out
                if candidate.cameo == "043"
                and candidate.mode == "visit"
                and c.cameo == "042"
                and c.source is not None
                and candidate.target is not None
                and candidate.source is not None
                and c.source.country == candidate.target.country
                and c.target is not None
                and c.target.country == candidate.source.country
            ),
            None,
        )
        if visit is not None:
            candidate = replace(
                candidate,
                status=visit.status,
                date=candidate.date or visit.date,
                location=candidate.location or visit.location,
            )
        out.append(candidate)
    return out


_NO_PLACE_OF_THEIR_OWN = {"AGREE", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"}


def _tidy(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """Visits are between their two sides only (no participants list, gold/README.md); words
    and signatures take a place only from their own sentence's «в»."""
    out = []
    for candidate in candidates:
        if candidate.mode == "visit":
            candidate = replace(candidate, participants=())
        location = candidate.location
        if (
            candidate.type in _NO_PLACE_OF_THEIR_OWN
            and location is not None
            and location.text is not None
            and not re.search(
                rf"(?:в|во|на)\s+{re.escape(location.text)}",
                analysis.sentences[candidate.trigger.sentence].text,
            )
        ):
            candidate = replace(candidate, location=None)
        out.append(candidate)
    return out


def fold_russian(analysis: Analysis) -> dict[str, object]:
    """Fold Russian settings, purposes, manners and attendance into the events they belong to."""
    candidates = fold_settings(analysis, list(analysis.candidates), _SETTING)
    candidates = _fold_manner(analysis, fold_purposes(analysis, candidates, _PURPOSE, 30))
    candidates = _host_of_visit(_fold_attendance(analysis, candidates))
    return {"candidates": tuple(_tidy(analysis, candidates))}
