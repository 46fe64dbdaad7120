"""Multilateral gatherings: one event per summit, forum or conference, with its name, ordinal,
theme and participants, never a dyad per pair of participants.

"the 21st Kazakhstan-Russia Regional Cooperation Forum, in which both presidents participate"
becomes one CONSULT/multilateral event named "Kazakhstan-Russia Regional Cooperation Forum",
ordinal 21, with Kazakhstan, Russia and both presidents as participants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from tengri.extract.actors import embedded_mentions
from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.lexicon import Entry, load_lexicon
from tengri.kb import Mention
from tengri.model import Gathering

_NAME_WORD = r"(?:[A-Z0-9][\w'’.&]*(?:-[A-Z][\w'’]*)*|of|the|and|for|on|de|in)"
_NAME_BEFORE = re.compile(rf"((?:{_NAME_WORD}\s+)*)$")
_ORDINAL = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th)\s+$|\b(first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth)\s+$",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    w: i
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(),
        start=1,
    )
}
_THEME = re.compile(
    r"(?:themed|under\s+the\s+(?:theme|motto|slogan|title)|on\s+the\s+theme(?:\s+of)?|"
    r"(?:theme|motto|slogan)\s+(?:was|is|of\s+the\s+\w+\s+(?:was|is))|entitled|titled)\s*[:,]?\s*"
    r"[\"“«']([^\"”»']{3,160})[\"”»']",
    re.IGNORECASE,
)
_REMOTE = re.compile(
    r"\b(?:via|by|through)\s+video\s*(?:link|conference|call)|"
    r"\bvideoconference\b|\bvirtually\b|\bremotely\b|\bonline\s+format\b",
    re.IGNORECASE,
)
_ATTEND = re.compile(
    r"\b(?:attend\w*|participat\w*|take\s+part|took\s+part|taking\s+part|"
    r"join\w*|address\w*|chair\w*|co-?chair\w*|host\w*|gather\w*)\b",
    re.IGNORECASE,
)
_PLURAL = re.compile(r"s$")
_KINDS = {
    "summit": "summit",
    "forum": "forum",
    "conference": "conference",
    "congress": "congress",
    "ministerial": "meeting",
    "session": "session",
    "council": "meeting",
    "meeting": "meeting",
}
_LEADING_JUNK = re.compile(r"^(?:(?:the|of|and|for|on|in|de)\s+)+", re.IGNORECASE)


def _kind(head: str) -> str:
    for word, kind in _KINDS.items():
        if word in head.lower():
            return kind
    return "meeting"


def gathering_name(analysis: Analysis, candidate: Candidate) -> tuple[str | None, int | None, int]:
    """The gathering's proper name (or None), its ordinal, and where the name starts."""
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    before = analysis.text[sentence.start : trigger.start]
    words = _NAME_BEFORE.search(before)
    name_part = _LEADING_JUNK.sub("", words.group(1) if words else "")
    name_part = re.sub(r"^\d{1,3}(?:st|nd|rd|th)\s+", "", name_part)
    name_start = trigger.start - len(name_part)
    head = trigger.text
    ordinal = None
    ordinal_match = _ORDINAL.search(analysis.text[sentence.start : name_start])
    if ordinal_match:
        ordinal = (
            int(ordinal_match.group(1))
            if ordinal_match.group(1)
            else _ORDINAL_WORDS[ordinal_match.group(2).lower()]
        )
    if not name_part.strip() and not head[:1].isupper():
        return None, ordinal, trigger.start
    name = (name_part + head).strip()
    return name, ordinal, name_start


def _participants(analysis: Analysis, candidate: Candidate, name_start: int) -> list[Mention]:
    trigger = candidate.trigger
    sentence = analysis.sentences[trigger.sentence]
    found: list[Mention] = []
    for mention in embedded_mentions(analysis, name_start, trigger.end):
        found.append(
            replace(
                mention,
                start=mention.start + name_start,
                end=mention.end + name_start,
                kind="igo" if mention.kind == "igo" else "state",
            )
        )
    in_sentence = [
        m
        for m in analysis.mentions_in(sentence)
        if m.kind in {"state", "person", "igo", "institution"}
        and not (name_start <= m.start < trigger.end)
    ]
    if _ATTEND.search(sentence.text) or any("pair in focus" in m.rule for m in in_sentence):
        found.extend(in_sentence)
    seen: dict[str, Mention] = {}
    for mention in found:
        seen.setdefault(mention.entity or mention.country or mention.text, mention)
    return list(seen.values())


def _theme(analysis: Analysis, sentence_index: int) -> str | None:
    match = _THEME.search(analysis.sentences[sentence_index].text)
    return match.group(1).strip(" .,") if match else None


def shape_gatherings(analysis: Analysis) -> dict[str, object]:
    """Give gathering candidates their name, ordinal, theme and participants; drop generic ones."""
    return gatherings_by(analysis, load_lexicon(), _shaped)


def _shaped(analysis: Analysis, candidate: Candidate) -> Candidate | None:
    name, ordinal, name_start = gathering_name(analysis, candidate)
    head = candidate.trigger.text.lower()
    if _PLURAL.search(head) and head not in {"talks"} and name is None:
        return None  # "regional cooperation forums": a kind of thing, not an event
    sentence = analysis.sentences[candidate.trigger.sentence]
    remote = bool(_REMOTE.search(sentence.text))
    participants = _participants(analysis, candidate, name_start)
    if name is None and not candidate.trigger.anaphoric and not participants:
        return None  # an unnamed "conference" with nobody taking part is not an event
    gathering = Gathering(_kind(head), name, ordinal, _theme(analysis, sentence.index), remote)
    return as_gathering(candidate, gathering, participants, _host(analysis, candidate))


_HOSTED_BY = re.compile(r"\bhosted\s+by\s+(?:the\s+)?", re.IGNORECASE)
_HOSTS_IT = re.compile(
    r"\b(?:hosts|hosted|hosting|host)\s+(?:the\s+|a\s+|its\s+|this\s+year's\s+)?"
    r"(?:[\w'-]+\s+){0,5}$",
    re.IGNORECASE,
)
_HOST_KINDS = frozenset({"person", "state", "office"})


def _host(analysis: Analysis, candidate: Candidate) -> Mention | None:
    """Who hosts the gathering, when the sentence says so: "…, hosted by Turkmen President
    Serdar Berdimuhamedov", "Xi Jinping, who hosted the two-day summit"."""
    trigger, text = candidate.trigger, analysis.text
    sentence = analysis.sentences[trigger.sentence]
    mentions = [m for m in analysis.mentions_in(sentence) if m.kind in _HOST_KINDS]
    by = _HOSTED_BY.search(text, trigger.end, sentence.end)
    if by is not None:
        after = [m for m in mentions if m.start >= by.end()]
        if after and not text[by.end() : after[0].start].strip():
            return after[0]
    verb = _HOSTS_IT.search(text[sentence.start : trigger.start])
    if verb is not None:
        verb_start = sentence.start + verb.start()
        before = [m for m in mentions if m.end <= verb_start]
        if before and re.fullmatch(
            r"\s*(?:,\s*who\s+|(?:has|had|will|is|was)\s+)?(?:also\s+)?",
            text[before[-1].end : verb_start],
        ):
            return before[-1]
    return None


def gatherings_by(
    analysis: Analysis,
    lexicon: Iterable[Entry],
    shape: Callable[[Analysis, Candidate], Candidate | None],
) -> dict[str, object]:
    """Candidates of the lexicon's gathering entries shaped by a language's `shape` (None
    drops one); the other candidates pass unchanged."""
    gathering_entries = {e.id for e in lexicon if e.gathering}
    shaped: list[Candidate] = []
    for candidate in analysis.candidates:
        if candidate.trigger.entry not in gathering_entries:
            shaped.append(candidate)
            continue
        result = shape(analysis, candidate)
        if result is not None:
            shaped.append(result)
    return {"candidates": tuple(shaped)}


def as_gathering(
    candidate: Candidate,
    gathering: Gathering,
    participants: list[Mention],
    host: Mention | None = None,
) -> Candidate:
    """A multilateral event: its participants take the place of a source and a target; a
    gathering with a named host is that host's (CAMEO 043, coding guide §3)."""
    if host is not None and not any(
        (p.entity or p.country) == (host.entity or host.country) for p in participants
    ):
        participants = [host, *participants]
    return replace(
        candidate,
        gathering=gathering,
        participants=tuple(participants),
        source=host,
        target=None,
        cameo="043" if host is not None else candidate.cameo,
    )
