"""Finding the words that report events in Russian sentences (the lexicon is triggers.ru.yaml).

As in English, every pattern that could match a sentence (by its anchor words) is tried, the
longest and most specific match wins an overlap, and an entry's veto words nearby cancel it.
Russian needs no noun/verb guessing (morphology says which a form is), but it has no articles:
a noun refers back to an event already told when a demonstrative or possessive stands before it
("этот визит", "его визит") or when it is only the setting of another event ("в ходе визита",
"по итогам переговоров").
"""

from __future__ import annotations

import re

from tengri.extract.analysis import Analysis, Sentence, Trigger
from tengri.extract.lexicon import Entry, Pattern, sentence_words
from tengri.extract.ru.lexicon import anchor_index, load_lexicon
from tengri.extract.triggers import TriggerRules, triggers_by

_ANAPHORIC = re.compile(
    r"(?:\b(?:этот|эта|это|этого|этой|этому|этим|этом|эти|этих|данн\w+|указанн\w+|"
    r"нынешн\w+|его|её|ее|их|состоявш\w+|прошедш\w+|предстоящ\w+|недавн\w+|тем[аыуе]|"
    r"темой|участник\w*|повестк\w+|организатор\w*)\s+"
    r"(?:[\w-]+\s+){0,2}"
    r"|\b(?:в\s+ходе|во\s+время|по\s+итогам|по\s+результатам|в\s+рамках|на\s+полях|"
    r"накануне|после|перед|до|по\s+случаю|в\s+преддверии|в\s+период)\s+(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)


_LATER_CLAUSE = re.compile(r"[,;:]|\s[-–—]\s")


def _weight(pattern: Pattern) -> int:
    return len(re.findall(r"\\s\+", pattern.regex.pattern)) + 1


def _form(pattern: Pattern, match: re.Match[str], is_noun: bool) -> str:
    if is_noun or pattern.verb_group is None:
        return "noun"
    verb = (match.group(pattern.verb_group) or "").lower()
    return pattern.verb_forms.get(verb, pattern.verb_forms.get(verb.replace("ё", "е"), "VB"))


def _vetoed(entry: Entry, sentence: Sentence, trigger: Trigger) -> bool:
    if entry.veto is None:
        return False
    # the words around the trigger inside its clause: "клуб «Кайрат» посетит", "Узбекистан
    # посетили … туристов", not a later clause ("посетит МГИМО, где выступит перед студентами")
    after = sentence.text[trigger.end - sentence.start : trigger.end - sentence.start + 40]
    after = _LATER_CLAUSE.split(after, maxsplit=1)[0]
    window = sentence.text[
        max(0, trigger.start - sentence.start - 40) : trigger.start - sentence.start
    ]
    window += trigger.text + after
    return bool(entry.veto.search(window))


def _words(text: str) -> set[str]:
    words = sentence_words(text)
    return words | {w.replace("ё", "е") for w in words if "ё" in w}


def find_triggers(analysis: Analysis) -> dict[str, object]:
    """Every event trigger in the body sentences; the longest, most specific wins an overlap."""
    rules = TriggerRules(
        load_lexicon(), anchor_index(), _words, _ANAPHORIC, _form, _weight, _vetoed
    )
    return triggers_by(analysis, rules)
