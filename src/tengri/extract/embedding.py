"""Events inside other events: what a sentence says about an event it does not report.

- An invitation, promise, threat, accusation or appeal *contains* the act it is about: "invited
  Trump to visit Kazakhstan" is one AGREE event (the visit has not happened and may never);
  "agreed to hold joint exercises" is AGREE with the military-cooperation code 0312;
  "threatened to close the border" is THREATEN 1381; "accused Armenian forces of firing on" is
  ACCUSE, and the firing is only alleged. The contained event is folded into its wrapper.
- Talks that are the purpose of a visit ("visited Tashkent for talks") are part of the visit.
- A summit that is only the setting of a meeting ("met on the sidelines of the SCO summit")
  is recorded on that meeting, not as an event of its own.
- A purpose clause of the same type ("summoned the ambassador to protest") is the same act.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.ontology import cameo as cameo_code

_WRAPPERS = {
    "invite": "AGREE",
    "intent-meet": "AGREE",
    "intent-cooperate": "AGREE",
    "intent-cooperate-econ": "AGREE",
    "threaten": "THREATEN",
    "threaten-sanctions": "THREATEN",
    "threaten-force": "THREATEN",
    "accuse": "ACCUSE",
    "appeal": "REQUEST",
    "appeal-meet": "REQUEST",
    "demand": "REQUEST",
    "demand-change": "REQUEST",
}
_GAP_BREAK = re.compile(r"[;:!?]|[.,](?!\d)")  # punctuation that ends a complement
_PURPOSE = re.compile(r"\b(?:for|to\s+hold|to\s+have)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_SETTING = re.compile(
    r"\b(?:on\s+the\s+(?:sidelines|margins)\s+of|during|at|ahead\s+of|after|before|in\s+the\s+"
    r"run-up\s+to|on\s+the\s+eve\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.&-]+\s+){0,8}$",
    re.IGNORECASE,
)


def _agree_code(inner: Candidate) -> str:
    code, kind = inner.cameo, inner.type
    if kind == "CONSULT":
        return "036"
    if kind == "COOPERATE":
        return {"061": "0311", "062": "0312", "063": "0313", "064": "0314"}.get(code, "031")
    if kind == "AID":
        return {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}.get(code, "033")
    if kind in {"RETREAT", "CONCEDE"}:
        if code.startswith("084"):
            return "0353"
        if code == "085":
            return "0354"
        if code.startswith("086"):
            return "0355"
        if code.startswith("087"):
            return "0356"
        return "035"
    return "030"


def _threat_code(inner: Candidate) -> str:
    if inner.cameo in {"163", "1312"} or (
        inner.type == "COERCE" and inner.mode == "restrict" and inner.cameo != "191"
    ):
        return "1312"
    if inner.cameo == "191":
        return "1381"
    if inner.type == "SANCTION":
        return "1313"
    if inner.type in {"ASSAULT", "MOBILIZE"}:
        return "138"
    return "130"


def _request_code(wrapper: Candidate, inner: Candidate) -> str:
    appeal = wrapper.cameo.startswith("02")
    if inner.type in {"CONSULT", "AGREE"}:
        return "026" if appeal else "106"
    if inner.type in {"RETREAT", "CONCEDE"}:
        return "025" if appeal else "105"
    if inner.type == "AID":
        return "023" if appeal else "103"
    if inner.type == "COOPERATE":
        return "021" if appeal else "101"
    return wrapper.cameo


def _rewrapped(wrapper: Candidate, inner: Candidate) -> Candidate:
    kind = _WRAPPERS[wrapper.trigger.entry]
    if kind == "AGREE" and wrapper.trigger.entry != "invite" and wrapper.cameo in {"030", "036"}:
        code = _agree_code(inner) if wrapper.cameo == "030" else wrapper.cameo
    elif kind == "THREATEN" and wrapper.cameo == "130":
        code = _threat_code(inner)
    elif kind == "REQUEST" and wrapper.cameo in {"020", "100"}:
        code = _request_code(wrapper, inner)
    else:
        code = wrapper.cameo
    mode = cameo_code(code).plover_mode or None
    target = wrapper.target or inner.target
    if (
        target is not None
        and wrapper.source is not None
        and target.entity == wrapper.source.entity
        and target.country == wrapper.source.country
    ):
        target = None
    return replace(
        wrapper, cameo=code, mode=mode, target=target, mentions=(*wrapper.mentions, inner.trigger)
    )


_AND_TO = re.compile(r"\band\s+to\s+(?:[\w-]+\s+)?$")


def _contains(analysis: Analysis, outer: Candidate, inner: Candidate) -> bool:
    if outer.trigger.sentence != inner.trigger.sentence or inner.trigger.start < outer.trigger.end:
        return False
    gap = analysis.text[outer.trigger.end : inner.trigger.start]
    if _AND_TO.search(gap) and len(gap.split()) <= 25:
        return True  # "agreed to reopen links, suspended since the clashes, and to meet again"
    return len(gap.split()) <= 10 and not _GAP_BREAK.search(gap)


def _fold_wrappers(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """Each wrapper takes in the events its complement reports; later complements of the same
    wrapper ("agreed to reopen the border and to meet again") are mentions of one promise."""
    folded: dict[int, Candidate] = {}
    taken: set[int] = set()
    for position, wrapper in enumerate(candidates):
        if wrapper.trigger.entry not in _WRAPPERS:
            continue
        inners = [
            i
            for i, c in enumerate(candidates)
            if i != position
            and i not in taken
            and c.trigger.entry not in _WRAPPERS
            and _contains(analysis, wrapper, c)
        ]
        if not inners:
            continue
        result = _rewrapped(wrapper, candidates[inners[0]])
        for other in inners[1:]:
            result = replace(result, mentions=(*result.mentions, candidates[other].trigger))
        folded[position] = result
        taken.update(inners)
    return [folded.get(i, c) for i, c in enumerate(candidates) if i not in taken]


_SAME_ACT = re.compile(r"\bto\s+$")


def fold_purposes(
    analysis: Analysis,
    candidates: list[Candidate],
    purpose: re.Pattern[str],
    reach: int,
    same_act: re.Pattern[str] | None = None,
) -> list[Candidate]:
    """Talks that a visit is for (`purpose` within `reach` characters before them) join the
    visit; with `same_act`, so does a same-type infinitive purpose clause."""
    out: list[Candidate] = []
    for candidate in candidates:
        before = analysis.text[max(0, candidate.trigger.start - reach) : candidate.trigger.start]
        lead = next(
            (
                c
                for c in reversed(out)
                if c.trigger.sentence == candidate.trigger.sentence
                and c.trigger.end <= candidate.trigger.start
            ),
            None,
        )
        if lead is not None and (
            (lead.mode == "visit" and candidate.trigger.entry == "meet" and purpose.search(before))
            or (
                same_act is not None
                and lead.type == candidate.type
                and candidate.trigger.form == "VB"
                and same_act.search(before)
            )
        ):
            out[out.index(lead)] = replace(lead, mentions=(*lead.mentions, candidate.trigger))
            continue
        out.append(candidate)
    return out


def _fold_calls(candidates: list[Candidate]) -> list[Candidate]:
    """ "discussed gas supplies in a phone call": talk told by a phone call is that call."""
    out = list(candidates)
    for call in [c for c in candidates if c.cameo == "041"]:
        talks = [
            c
            for c in out
            if c is not call
            and c.trigger.entry == "meet"
            and c.trigger.sentence == call.trigger.sentence
        ]
        if not talks:
            continue
        merged = replace(
            call,
            source=call.source or talks[0].source,
            target=call.target or talks[0].target,
            participants=call.participants or talks[0].participants,
            mentions=(*call.mentions, *(t.trigger for t in talks)),
        )
        gone = {id(t) for t in talks}
        out = [merged if c is call else c for c in out if id(c) not in gone]
    return out


def fold_settings(
    analysis: Analysis, candidates: list[Candidate], setting: re.Pattern[str]
) -> list[Candidate]:
    """A summit named only as where a meeting took place (`setting` right before it) goes onto
    that meeting."""
    out = list(candidates)
    for gathering in candidates:
        if gathering.gathering is None or gathering.mode != "multilateral":
            continue
        sentence = analysis.sentences[gathering.trigger.sentence]
        before = analysis.text[sentence.start : gathering.trigger.start]
        if not setting.search(before):
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


def _fold_attended(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """ "attended the SCO summit": one event, the attendance, carrying the summit."""
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
                and c is not attend
                and _contains(analysis, attend, c)
            ),
            None,
        )
        if gathering is None:
            continue
        out[out.index(attend)] = replace(
            attend,
            gathering=gathering.gathering,
            location=attend.location or gathering.location,
            date=attend.date or gathering.date,
            mentions=(*attend.mentions, gathering.trigger),
        )
        out = [c for c in out if c is not gathering]
    return out


def fold_embedded(analysis: Analysis, candidates: list[Candidate]) -> list[Candidate]:
    """Fold contained events into their wrappers, purposes into their events, settings into
    their meetings."""
    folded = _fold_wrappers(analysis, candidates)
    purposes = _fold_calls(fold_purposes(analysis, folded, _PURPOSE, 40, _SAME_ACT))
    return fold_settings(analysis, _fold_attended(analysis, purposes), _SETTING)
