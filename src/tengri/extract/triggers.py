"""Finding the words that report events, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tengri.extract.analysis import Analysis, Sentence, Trigger
from tengri.extract.lexicon import (
    AnchorIndex,
    Entry,
    Pattern,
    anchor_index,
    load_lexicon,
    sentence_words,
)

# Words before a noun trigger that make it refer back to an event already told.
_ANAPHORIC = re.compile(
    r"(?:\b(?:the|this|that|these|those|such|its|his|her|their|same|said|last|latest|"
    r"recent|upcoming|forthcoming|current|ongoing|president's|leader's)\s+"
    r"(?:[\w-]+\s+){0,2})$",
    re.IGNORECASE,
)
# Words before "visit"/"talks" that make them nouns rather than verbs.
_NOUN_CONTEXT = re.compile(
    r"(?:\b(?:a|an|the|this|that|his|her|its|their|our|whose|first|second|third|next|"
    r"state|official|working|return|two-day|three-day|historic|recent|upcoming|planned)|'s)"
    r"\s+$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"\b(?:the|a|an|their|his|her|its|our|whose)\s+$", re.IGNORECASE)
_VERB_CONTEXT = re.compile(
    r"\b(?:to|will|would|shall|should|could|may|might|must|can|cannot|did|does|do|not|"
    r"n't|also|he|she|they|we|i|is|are|was|were|be|been)\s+$",
    re.IGNORECASE,
)


def _weight(pattern: Pattern) -> int:
    return pattern.weight


def _form(pattern: Pattern, match: re.Match[str], is_noun: bool) -> str:
    if is_noun or pattern.verb_group is None:
        return "noun"
    verb = (match.group(pattern.verb_group) or "").lower()
    return pattern.verb_forms.get(verb, "VB")


def _wrong_part_of_speech(
    entry: Entry, match: re.Match[str], before: str, is_noun: bool, form: str
) -> bool:
    """English words are nouns and verbs alike: the words before say which pattern takes it."""
    if form == "VB" and _NOUN_CONTEXT.search(before) and not _VERB_CONTEXT.search(before):
        return True  # "a visit": the noun pattern will take it
    if form == "VBZ" and _DETERMINER.search(before):
        return True  # "their arms industries": a plural noun, not "arms" the verb
    return (
        is_noun
        and bool(_VERB_CONTEXT.search(before))
        and not _NOUN_CONTEXT.search(before)
        and any(p.regex.fullmatch(match.group(0)) for p in entry.verbs)
    )  # "to visit": the verb pattern takes it


def entry_matches(
    entry: Entry,
    order: int,
    sentence: Sentence,
    text: str,
    wanted: list[tuple[bool, int]],
    rules: TriggerRules,
) -> list[Found]:
    """Matches of the wanted patterns of one entry in one sentence, with their sort keys."""
    found = []
    for is_noun, p_index in wanted:
        pattern = (entry.nouns if is_noun else entry.verbs)[p_index]
        for match in pattern.regex.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            before = text[max(sentence.start, start - 40) : start]
            form = rules.form(pattern, match, is_noun)
            if rules.skip is not None and rules.skip(entry, match, before, is_noun, form):
                continue
            anaphoric = is_noun and entry.anaphora and bool(rules.anaphoric.search(before))
            trigger = Trigger(entry.id, start, end, match.group(0), sentence.index, form, anaphoric)
            found.append(
                (entry.priority, end - start, rules.weight(pattern), -order, start, trigger)
            )
    return found


def _vetoed(entry: Entry, sentence: Sentence, trigger: Trigger) -> bool:
    if entry.veto is None:
        return False
    window = sentence.text[
        max(0, trigger.start - sentence.start - 40) : trigger.end - sentence.start + 40
    ]
    return bool(entry.veto.search(window))


def find_triggers(analysis: Analysis) -> dict[str, object]:
    """Every event trigger in the body sentences; the longest, most specific wins an overlap."""
    rules = TriggerRules(
        load_lexicon(),
        anchor_index(),
        sentence_words,
        _ANAPHORIC,
        _form,
        _weight,
        _vetoed,
        skip=_wrong_part_of_speech,
    )
    return triggers_by(analysis, rules)


Found = tuple[int, int, int, int, int, Trigger]
"""A match with its sort keys: priority, length, weight, -entry order, start."""


@dataclass(frozen=True)
class TriggerRules:
    """What finding triggers needs from a language; choosing among them is the same in all."""

    lexicon: tuple[Entry, ...]
    index: AnchorIndex
    words: Callable[[str], set[str]]
    """The words of a sentence to look up in the anchor index."""
    anaphoric: re.Pattern[str]
    """Words before a noun trigger that make it refer back to an event already told."""
    form: Callable[[Pattern, re.Match[str], bool], str]
    """A match's form: "noun", or the tag of the verb form it matched."""
    weight: Callable[[Pattern], int]
    """How specific a pattern is (how many words it spells out)."""
    vetoed: Callable[[Entry, Sentence, Trigger], bool]
    """Whether an entry's veto words near a trigger cancel it."""
    skip: Callable[[Entry, re.Match[str], str, bool, str], bool] | None = None
    """Whether a match (with the text before it and its form) belongs to another pattern."""


def triggers_by(analysis: Analysis, rules: TriggerRules) -> dict[str, object]:
    """Every event trigger in the body sentences by a language's rules; the longest, most
    specific wins an overlap."""
    entries = {entry.id: entry for entry in rules.lexicon}
    chosen: list[Trigger] = []
    for sentence in analysis.sentences:
        by_entry: dict[int, list[tuple[bool, int]]] = {}
        for e_index, is_noun, p_index in rules.index.candidates(rules.words(sentence.text)):
            by_entry.setdefault(e_index, []).append((is_noun, p_index))
        found = []
        for e_index, wanted in by_entry.items():
            entry = rules.lexicon[e_index]
            found.extend(entry_matches(entry, e_index, sentence, analysis.text, wanted, rules))
        found.sort(key=lambda f: (-f[0], -f[1], -f[2], -f[3], f[4]))
        taken: list[tuple[int, int]] = []
        for *_, trigger in found:
            if any(trigger.start < e and s < trigger.end for s, e in taken):
                continue
            taken.append((trigger.start, trigger.end))
            if not rules.vetoed(entries[trigger.entry], sentence, trigger):
                chosen.append(trigger)
    chosen.sort(key=lambda t: t.start)
    return {"triggers": tuple(chosen)}
