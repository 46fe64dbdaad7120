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

_SETTING = re.compile(
    r"\b(?:на\s+полях|в\s+кулуарах|в\s+ходе|во\s+время|в\s+рамках|накануне|после|перед|"
    r"по\s+итогам)\s+(?:[\w«»\"-]+\s+){0,1}$",
    re.IGNORECASE,
)
_PURPOSE = re.compile(r"\b(?:для|с\s+целью)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _fold_settings(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    out = list(candidates)
    for gathering in candidates:
        if gathering.gathering is None or gathering.mode != "multilateral":
            continue
        sentence = analysis.sentences[gathering.trigger.sentence]
        before = analysis.text[sentence.start : gathering.trigger.start]
        if not _SETTING.search(before):
            continue
        meetings = [
            c
            for c in out
            if c.trigger.sentence == gathering.trigger.sentence
            and c.type == "CONSULT"
            and c.mode != "multilateral"
            and c is not gathering
        ]
        if not meetings:
            continue
        for meeting in meetings:
            out[out.index(meeting)] = replace(
                meeting,
                gathering=gathering.gathering,
                location=meeting.location or gathering.location,
                date=meeting.date or gathering.date,
                mentions=(*meeting.mentions, gathering.trigger),
            )
        out = [c for c in out if c is not gathering]
    return out


def _fold_purposes(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for candidate in candidates:
        before = analysis.text[max(0, candidate.trigger.start - 30) : candidate.trigger.start]
        lead = next(
            (
                c
                for c in reversed(out)
                if c.trigger.sentence == candidate.trigger.sentence
                and c.trigger.end <= candidate.trigger.start
            ),
            None,
        )
        if (
            lead is not None
            and lead.mode == "visit"
            and candidate.trigger.entry == "meet"
            and _PURPOSE.search(before)
        ):
            out[out.index(lead)] = replace(lead, mentions=(*lead.mentions, candidate.trigger))
            continue
        out.append(candidate)
    return out


def fold_russian(analysis: Analysis) -> dict[str, object]:
    """Fold Russian settings and purposes into the events they belong to."""
    candidates = _fold_purposes(analysis, _fold_settings(analysis, list(analysis.candidates)))
    return {"candidates": tuple(candidates)}
