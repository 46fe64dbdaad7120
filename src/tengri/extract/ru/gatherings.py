"""Multilateral gatherings in Russian: one event per саммит, форум, конференция, with its name
("Форум межрегионального сотрудничества Казахстана и России"), ordinal ("XXI Форум", "второй
саммит"), theme ("тема форума — «…»", "на тему «…»"), remote flag ("по видеосвязи") and
participants (states and IGOs in the name, and those said to take part).
"""

from __future__ import annotations

import re
from dataclasses import replace

from tengri.extract.actors import embedded_mentions
from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.gatherings import as_gathering, gatherings_by
from tengri.extract.ru.lexicon import load_lexicon
from tengri.kb import Mention
from tengri.model import Gathering

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4, "пят": 5, "шест": 6, "седьм": 7,
                  "восьм": 8, "девят": 9, "десят": 10}  # fmt: skip
_ORDINAL = re.compile(
    r"(?:\b(?P<roman>[IVXLC]{1,7})|\b(?P<digits>\d{1,3})-?(?:й|ый|ий|ой|го|ого|м|ом)?|"
    r"\b(?P<word>перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)\w*)\s+$"
)
_NAME_BEFORE = re.compile(r"((?:[А-ЯЁ][а-яё-]+(?:ий|ый|ой|ая|ое|ые|ого|ом|ой|ую)\s+)"
                          r"(?:[а-яё-]+(?:ий|ый|ой|ая|ое|ые|ого|ом|ой|ую)\s+){0,2})$")  # fmt: skip
_STOP = frozenset(
    "в во на с со по под к о об при для из от до за который которая которое которые где когда "
    "пройдет пройдёт прошел прошёл состоится состоялся открылся завершился начался был "
    "будет".split()
)
_THEME = re.compile(
    r"(?:тем[аеуы]\s+(?:\w+\s+){0,2}[—–-]?\s*|на\s+тему\s+|под\s+(?:девизом|лозунгом|названием)"
    r"\s+)[«\"“]([^»\"”]{3,160})[»\"”]",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\b(?:по\s+видеосвязи|в\s+режиме\s+видеосвязи|в\s+режиме\s+видеоконференции|"
    r"в\s+онлайн-формате|онлайн|дистанционно|в\s+формате\s+видеоконференции)\b",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    r"\b(?:участи\w+|участвова\w*|участвуют|собрал\w*|съехал\w*|прибыл\w*|приехал\w*|"
    r"присутствова\w*|председательств\w*|принима\w+|прин\w+\s+участие)\b",
    re.IGNORECASE,
)
_KINDS = {"саммит": "summit", "форум": "forum", "конференц": "conference", "съезд": "congress",
          "заседани": "session", "совещани": "meeting"}  # fmt: skip


def _roman(numeral: str) -> int:
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN[char]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    return total


def _kind(head: str) -> str:
    head = head.lower()
    return next((kind for stem, kind in _KINDS.items() if stem in head), "meeting")


def gathering_name(
    analysis: Analysis, candidate: Candidate
) -> tuple[str | None, int | None, int, int]:
    """The gathering's name (or None), its ordinal, and the span of the name."""
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    text = analysis.text
    before = text[sentence.start : trigger.start]
    adjectives = _NAME_BEFORE.search(before)
    start = trigger.start - len(adjectives.group(1)) if adjectives else trigger.start
    end = trigger.end
    for match in re.finditer(r"\s+([\w-]+|«[^»]*»)", text[trigger.end : sentence.end]):
        word = match.group(1)
        if word.lower() in _STOP or text[end : trigger.end + match.start()].strip():
            break
        if not (
            word[:1].isupper()
            or word == "и"
            or re.search(
                r"(?:ого|его|ой|ей|ых|их|ия|ии|"
                r"ства|ва|на|ра|ла|ка|ва)$",
                word,
            )
        ):
            break
        end = trigger.end + match.end()
    name = text[start:end].strip()
    name = re.sub(r"\s+и$", "", name)
    ordinal = None
    found = _ORDINAL.search(text[sentence.start : start])
    if found:
        if found["roman"]:
            ordinal = _roman(found["roman"])
        elif found["digits"]:
            ordinal = int(found["digits"])
        else:
            stem = found["word"].lower().replace("ё", "е")
            ordinal = next(v for k, v in _ORDINAL_STEMS.items() if stem.startswith(k))
    if name.lower() == trigger.text.lower() and not trigger.text[:1].isupper():
        return None, ordinal, start, end
    return name, ordinal, start, start + len(name)


def _participants(analysis: Analysis, candidate: Candidate, start: int, end: int) -> list[Mention]:
    sentence = analysis.sentences[candidate.trigger.sentence]
    found: list[Mention] = []
    for mention in embedded_mentions(analysis, start, end):
        kind = "igo" if mention.kind == "igo" else "state"
        found.append(
            replace(mention, start=mention.start + start, end=mention.end + start, kind=kind)
        )
    in_sentence = [
        m for m in analysis.mentions_in(sentence)
        if m.kind in {"state", "person", "igo", "institution"} and not (start <= m.start < end)
    ]  # fmt: skip
    if _ATTEND.search(sentence.text) or any("pair in focus" in m.rule for m in in_sentence):
        found.extend(in_sentence)
    seen: dict[str, Mention] = {}
    for mention in found:
        seen.setdefault(mention.entity or mention.country or mention.text, mention)
    return list(seen.values())


def shape_gatherings(analysis: Analysis) -> dict[str, object]:
    """Give gathering candidates their name, ordinal, theme and participants."""
    return gatherings_by(analysis, load_lexicon(), _shaped)


def _shaped(analysis: Analysis, candidate: Candidate) -> Candidate | None:
    name, ordinal, start, end = gathering_name(analysis, candidate)
    sentence = analysis.sentences[candidate.trigger.sentence]
    participants = _participants(analysis, candidate, start, end)
    if name is None and not candidate.trigger.anaphoric and not participants:
        return None  # an unnamed "конференция" with nobody taking part is not an event
    theme = _THEME.search(sentence.text)
    gathering = Gathering(
        _kind(candidate.trigger.text),
        name,
        ordinal,
        theme.group(1).strip(" .,") if theme else None,
        bool(_REMOTE.search(sentence.text)),
    )
    return as_gathering(candidate, gathering, participants)
