"""Status in Russian: aspect and tense of the trigger's verb, and the words around it.

- negated: «не» or «так и не» right before the verb ("не подписали", "не поедет"), refusal and
  cancellation ("отказался", "отменил визит", "визит был отменён", "не состоится"), denial
  ("опроверг", "отрицает");
- hypothetical: modals and conditions ("может вступить", "могут посетить", "возможно", "если",
  "в случае", "рассматривает возможность", "призвал", "хочет");
- planned: the perfective non-past ("посетит", "подпишут"), «будет» + infinitive, "планирует",
  "намерен", "ожидается", "предстоящий", "состоится", "пройдёт";
- ongoing: the imperfective present ("проводят переговоры", "находится с визитом"), "сейчас",
  "продолжаются"; an arrival ("прибыл") opens a visit that is still on, as in English;
- occurred: the past tense, the perfective gerund, and nouns with nothing else said.
A modal wins over tense, as docs/CODING.md §4 asks.
"""

from __future__ import annotations

import re

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.ru.morph import readings, verb_tense
from tengri.extract.ru.roles import at_invitation, clause
from tengri.extract.status import clause_around, statuses_by
from tengri.model import EventStatus

_W = r"(?:\s+[\w-]+){0,3}\s+$"
_NEGATION_BEFORE = re.compile(
    r"(?:\bне(?:\s+\w+){0,1}|\bтак\s+и\s+не|\bни\s+разу\s+не|\bотказал\w*(?:\s+от)?|"
    r"\bотказыва\w*(?:\s+от)?|\bотмен\w+|\bотлож\w+|\bперенес\w*|\bперенёс\w*|"
    r"\bсорвал\w*|\bнет\s+планов)(?:\s+[\w-]+){0,2}\s+$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^[^.;]{0,90}?\b(?:был[аои]?\s+)?(?:отмен[её]н\w*|отложен\w*|перенес[её]н\w*|сорван\w*)\b|"
    r"^[^.;]{0,30}?\bне\s+(?:состо\w+|прош\w+|пройд\w+|удалось|было)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(r"\b(?:опроверг\w*|отрица\w+|опровер\w+)\b", re.IGNORECASE)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:может|могут|могла|мог|могли|могло|сможет|смогут|возможно|вероятно|не\s+исключ\w+|"
    r"если|в\s+случае|при\s+условии|рассматрива\w+\s+возможность|возможност\w+|"
    r"призвал\w*|призыва\w+|предложил\w*|предлага\w+|хотел\w*\s+бы|хоч\w+|хотят|готов\w*|"
    r"долж\w+|следует|стоит|стремит\w+|надеет\w+|надеются|рассчитыва\w+|"
    r"потенциальн\w+|гипотетическ\w+)(?:\s+[\w-]+){0,4}\s+$",
    re.IGNORECASE,
)
_FUTURE_BEFORE = re.compile(
    r"\b(?:будет|будут|планиру\w+|запланирован\w*|намерен\w*|намерева\w+|собира\w+|"
    r"ожида\w+|предстоящ\w+|предстоит|готовит\w*|готовящ\w+|наме\w+|"
    r"в\s+ближайш\w+|на\s+следующ\w+|в\s+следующ\w+)(?:\s+[\w-]+){0,5}\s+$",
    re.IGNORECASE,
)
_FUTURE_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:состоит\w*|пройд[её]т|пройдут|запланирован\w*|намечен\w*|"
    r"ожида\w+|будет|будут|начн[её]тся|откро\w+ся)\b",
    re.IGNORECASE,
)
_FUTURE_BEFORE_NOUN = re.compile(
    r"\b(?:состоит\w*|пройд[её]т|пройдут|будет\s+\w+|будут\s+\w+)(?:\s+[\w-]+){0,4}\s+$",
    re.IGNORECASE,
)
_PAST_NEAR_NOUN = re.compile(
    r"\b(?:состоял\w*|прош[её]л|прошл[аио]|прошли|завершил\w*|закончил\w*|был[аои]?|"
    r"проходил\w*|открыл\w*ся)\b",
    re.IGNORECASE,
)
_ONGOING = re.compile(
    r"\b(?:сейчас|в\s+настоящее\s+время|продолжа\w+|проход\w+т|проходят|идут|ид[её]т|"
    r"находящ\w+|находится|находятся|пребывающ\w+|пребывает)\b",
    re.IGNORECASE,
)


_LAST_WORDS = re.compile(r"(?:([а-яё]+)\s+)?([а-яё]+)\s+$", re.IGNORECASE)
_TENSE_STATUS = {
    "pres": EventStatus.ONGOING,
    "futr": EventStatus.PLANNED,
    "past": EventStatus.OCCURRED,
}


def _governing_verb(before: str) -> EventStatus | None:
    """The tense of the verb right before a noun trigger, perhaps past one adjective
    ("проводят проверку", "проводят внезапную проверку" -> ongoing)."""
    match = _LAST_WORDS.search(before)
    if not match:
        return None
    for word in (match.group(2), match.group(1)):
        if not word:
            continue
        found = readings(word)
        pos = found[0][0] if found else ""
        if pos == "VERB":
            return _TENSE_STATUS.get(verb_tense(word) or "")
        if pos not in {"ADJF", "PRTF"}:
            return None
    return None


def _noun_status(before: str, after: str) -> tuple[EventStatus, str | None]:
    governed = _governing_verb(before)
    if governed is not None:
        return governed, "governing verb"
    near_before = before[-60:]
    if _ONGOING.search(near_before[-45:]) or _ONGOING.search(after[:30]):
        return EventStatus.ONGOING, "ongoing"
    if _FUTURE_BEFORE_NOUN.search(near_before) or _FUTURE_AFTER.search(after):
        return EventStatus.PLANNED, "future"
    if _PAST_NEAR_NOUN.search(near_before[-40:]) or _PAST_NEAR_NOUN.search(after[:40]):
        return EventStatus.OCCURRED, "past"
    return EventStatus.OCCURRED, None


def status_of(analysis: Analysis, candidate: Candidate) -> tuple[EventStatus, str | None]:
    """The status of one candidate and the cue that decided it."""
    trigger = candidate.trigger
    if at_invitation(analysis, trigger):
        return EventStatus.OCCURRED, "background"
    sentence, before, after = clause_around(analysis, trigger, clause)
    near = before[-50:]
    text = trigger.text.lower()
    if re.match(r"^(?:не|так\s+и\s+не)\s", text):
        return EventStatus.NEGATED, "negation"
    if (
        _NEGATION_BEFORE.search(near)
        or (trigger.form == "noun" and _NEGATION_AFTER.search(after))
        or re.search(r"^\s*(?:не\s+(?:состо|прош|будет|был))", after)
    ):
        return EventStatus.NEGATED, "negation"
    if _DENIAL.search(analysis.text[sentence.start : trigger.start]):
        return EventStatus.NEGATED, "denial"
    if _HYPOTHETICAL_BEFORE.search(near) or trigger.form == "VBI":
        return EventStatus.HYPOTHETICAL, "modal"
    if trigger.form == "VBF":
        return EventStatus.PLANNED, "perfective future"
    if _FUTURE_BEFORE.search(before):
        return EventStatus.PLANNED, "future"
    if trigger.form == "VBZ":
        return EventStatus.ONGOING, "present"
    if trigger.entry == "visit" and trigger.form == "VBD" and re.match(r"(?:прибы|прилет)", text):
        return EventStatus.ONGOING, "arrival"  # a visit that has just begun
    if trigger.form in {"VBD", "VBG", "VBN"}:
        return EventStatus.OCCURRED, "tense"
    if trigger.form == "noun":
        return _noun_status(before, after)
    return EventStatus.OCCURRED, None


def assign_status(analysis: Analysis) -> dict[str, object]:
    """Set every candidate's status from the cues around its trigger."""
    return statuses_by(analysis, status_of)
