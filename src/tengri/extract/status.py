"""Status: did the event happen, is it happening, is it planned, denied, or only possible?

Cues are read in the trigger's clause: negation right before the trigger ("did not sign"),
modal and conditional words ("could join", "if … signs"), future markers ("will pay", "is to
visit", "plans to"), progressive forms ("is visiting"), and for nominal triggers the verb around
them ("the talks … will focus", "the visit was cancelled"). The verb form of a verbal trigger
decides when no cue does (visited → occurred).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate, Sentence, Trigger
from tengri.extract.roles import at_invitation
from tengri.extract.slots import _clause
from tengri.model import EventStatus

_W = r"(?:\s+[\w'’-]+){0,3}\s+$"  # up to three words between the cue and the trigger
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|n[’']t|never|no\s+longer|refused\s+to|refuses\s+to|declined\s+to|declines\s+to|"
    r"failed\s+to|fails\s+to|ruled\s+out|rules\s+out|denied\s+(?:that|reports|plans)?|"
    r"denies\s+(?:that|reports|plans)?|without|no)(?:\s+[\w'’-]+){0,3}\s+$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
    r"(?:cancelled|canceled|called\s+off|scrapped|postponed|shelved|suspended|put\s+off)\b|"
    r"^[^.;]{0,30}?\b(?:did\s+not|didn't|never)\s+(?:take\s+place|happen|materiali[sz]e)\b|"
    r"^[^.;]{0,20}?\b(?:fell\s+through|collapsed)\b",
    re.IGNORECASE,
)
_CANCEL_BEFORE = re.compile(
    r"\b(?:cancel(?:l?ed|s)?|call(?:ed|s)?\s+off|scrap(?:ped|s)?|postpone[ds]?|shelve[ds]?|"
    r"put\s+off|abandon(?:ed|s)?)(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"\b(?:denied|denies|dismissed\s+(?:reports|claims)|refuted)\b", re.IGNORECASE)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:could|might|may|should|would\s+like\s+to|if|unless|whether|possibly|possible|"
    r"potential(?:ly)?|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|hope[sd]?\s+to|hoping\s+to|"
    r"want(?:s|ed)?\s+to|seek(?:s|ing)?\s+to|sought\s+to|wish(?:es|ed)?\s+to|aim(?:s|ed)?\s+to|"
    r"called\s+for|calls\s+for|urged?|proposed|proposes|suggest(?:s|ed)?|ready\s+to|"
    r"willing\s+to|prepared\s+to|open\s+to|in\s+talks\s+to)(?:\s+[\w'’-]+){0,4}\s+$",
    re.IGNORECASE,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|shall|[’']ll|is\s+to|are\s+to|was\s+to|were\s+to|is\s+due\s+to|are\s+due\s+to|"
    r"is\s+set\s+to|are\s+set\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to|scheduled|"
    r"plan(?:s|ned)?\s+to|planning\s+to|intend(?:s|ed)?\s+to|is\s+expected\s+to|"
    r"are\s+expected\s+to|expected\s+to|going\s+to|would|agreed\s+to|agree\s+to|pledged\s+to|"
    r"promised\s+to|upcoming|forthcoming|planned|next|to\s+be\s+held|preparing\s+to|"
    r"prepares\s+to|invited\s+[\w\s'’-]{1,60}?\s+to|invitation\s+to)(?:\s+[\w'’-]+){0,6}\s+$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:will|shall|is\s+to|are\s+to|is\s+scheduled|are\s+scheduled|"
    r"is\s+expected|are\s+expected|is\s+planned|are\s+planned|is\s+set|are\s+set|"
    r"is\s+due|are\s+due|will\s+be\s+held|is\s+to\s+be\s+held)\b",
    re.IGNORECASE,
)
_PAST_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:was|were|had\s+been|has\s+been|have\s+been|took\s+place|was\s+held|"
    r"were\s+held|ended|concluded)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:is|are|am)\s+(?:currently\s+|now\s+|still\s+)?$|\b(?:currently|under\s*way)\b",
    re.IGNORECASE,
)
_ONGOING_NOUN = re.compile(
    r"\b(?:is|are)\s+(?:currently\s+|now\s+)?(?:on|in\s+the\s+middle\s+of)\s+(?:an?\s+|his\s+|"
    r"her\s+|the\s+)?(?:[\w-]+\s+){0,2}$|\b(?:underway|under\s+way|continuing|ongoing|"
    r"currently)\b",
    re.IGNORECASE,
)
# "Xi is in Moscow on a three-day state visit": being in a place on a visit is the visit going on
_IN_PLACE_ON = re.compile(
    r"\b(?:is|are)\s+(?:now\s+|currently\s+)?in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:on|for)\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}$"
)
_PAST_FORMS = {"VBD", "VBN"}
_FIRST_TO = re.compile(
    r"\b(?:became|becomes|was|is|were|are)\s+(?:the\s+)?(?:first|second|third|"
    r"last|only)\s+(?:[\w-]+\s+){0,4}to\s+$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\b(?:after|following|since|in\s+response\s+to|days\s+after)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_PAST_GOVERNOR = re.compile(
    r"\b(?:called|phoned|met|visited|travelled|traveled|flew|went|came|"
    r"arrived|wrote|sent|used|telephoned)\b[^.;]*\bto\s+$",
    re.IGNORECASE,
)


def status_of(analysis: Analysis, candidate: Candidate) -> tuple[EventStatus, str | None]:
    """The status of one candidate and the cue that decided it."""
    trigger = candidate.trigger
    if at_invitation(analysis, trigger):
        return EventStatus.OCCURRED, "background"
    sentence, before, after = clause_around(analysis, trigger, _clause)
    near = before[-60:]
    if (
        _NEGATION_BEFORE.search(near)
        or _CANCEL_BEFORE.search(near)
        or (trigger.form == "noun" and _NEGATION_AFTER.search(after))
    ):
        return EventStatus.NEGATED, "negation"
    if _DENIAL.search(analysis.text[sentence.start : trigger.start]):
        return EventStatus.NEGATED, "denial"
    if _HYPOTHETICAL_BEFORE.search(near):
        return EventStatus.HYPOTHETICAL, "modal"
    if _FUTURE_BEFORE.search(before):
        return EventStatus.PLANNED, "future"
    if trigger.form == "VBG" and _ONGOING.search(near):
        return EventStatus.ONGOING, "progressive"
    if _AFTER.search(near[-25:]):
        return EventStatus.OCCURRED, "after"
    if (
        trigger.entry == "visit"
        and trigger.form == "VBD"
        and re.match(r"(?i)(?:arriv|land)", trigger.text)
    ):
        return EventStatus.ONGOING, "arrival"  # a visit that has just begun
    if (
        trigger.form in {"VB", "VBP"}
        and re.search(r"\bto\s+$", near)
        and _PAST_GOVERNOR.search(near)
    ):
        return EventStatus.OCCURRED, "purpose"  # "called Putin to congratulate him"
    if trigger.form == "noun":
        if (
            _ONGOING_NOUN.search(near)
            or _ONGOING_NOUN.search(after[:40])
            or _IN_PLACE_ON.search(near)
        ):
            return EventStatus.ONGOING, "ongoing"
        if _FUTURE_AFTER.search(after):
            return EventStatus.PLANNED, "future"
        if _PAST_AFTER.search(after):
            return EventStatus.OCCURRED, "past"
        return EventStatus.OCCURRED, None
    if trigger.form in _PAST_FORMS or trigger.form == "VBZ":
        return EventStatus.OCCURRED, "tense"
    if trigger.form in {"VB", "VBP"} and _FIRST_TO.search(near):
        return EventStatus.OCCURRED, "first-to"  # "became the first Indian leader to visit"
    if trigger.form in {"VB", "VBP"} and re.search(r"\bto\s+$", near):
        return EventStatus.PLANNED, "infinitive"
    return EventStatus.OCCURRED, None


def assign_status(analysis: Analysis) -> dict[str, object]:
    """Set every candidate's status from the cues around its trigger."""
    return statuses_by(analysis, status_of)


ClauseOf = Callable[[Analysis, Sentence, Trigger], tuple[int, int]]
StatusOf = Callable[[Analysis, Candidate], tuple[EventStatus, str | None]]


def clause_around(
    analysis: Analysis, trigger: Trigger, clause: ClauseOf
) -> tuple[Sentence, str, str]:
    """The trigger's sentence and the text of its clause before it (reaching back at least 80
    characters within the sentence, where cues such as "will" or «будет» stand) and after it."""
    sentence = analysis.sentences[trigger.sentence]
    left, right = clause(analysis, sentence, trigger)
    left = max(sentence.start, min(left, trigger.start - 80))
    return sentence, analysis.text[left : trigger.start], analysis.text[trigger.end : right]


def statuses_by(analysis: Analysis, status_of: StatusOf) -> dict[str, object]:
    """Every candidate with the status (and deciding cue) a language's `status_of` reads."""
    updated = []
    for candidate in analysis.candidates:
        status, cue = status_of(analysis, candidate)
        updated.append(replace(candidate, status=status, status_cue=cue))
    return {"candidates": tuple(updated)}
