"""Russian morphology for the Russian pipeline: pymorphy3 readings of words, cached, and the
grammatical cases an actor mention can be in.

Russian marks roles by case, not by word order: the subject is nominative, the object accusative,
the addressee dative ("позвонил Токаеву"), the partner instrumental after «с» ("с Путиным"). The
KB matches names in every case (`tengri.kb.inflect`); here we read back which case a matched form
is, from the forms generated for the entity's Russian names, else from pymorphy3's readings of the
mention's first word.
"""

from __future__ import annotations

import functools
import re

from tengri.kb import KnowledgeBase, Mention
from tengri.kb.entities import EntityKind
from tengri.kb.index import fold
from tengri.kb.inflect import CASES, case_forms

ALL_CASES = frozenset(CASES)
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@functools.cache
def _analyzer():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@functools.cache
def readings(word: str) -> tuple[tuple[str, str | None, str | None, str], ...]:
    """(part of speech, case, number, normal form) of each pymorphy3 reading of a word."""
    return tuple(
        (str(p.tag.POS), p.tag.case, p.tag.number, p.normal_form)
        for p in _analyzer().parse(word.lower())
    )


@functools.cache
def lemma(word: str) -> str:
    found = readings(word)
    return found[0][3] if found else word.lower()


def word_cases(word: str) -> frozenset[str]:
    """The cases a word can be in as a noun, adjective, participle or pronoun."""
    cases = {
        case[:4]
        for pos, case, _, _ in readings(word)
        if pos in {"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"} and case
    }
    return frozenset(c for c in cases if c in ALL_CASES) or ALL_CASES


@functools.cache
def verb_tense(word: str) -> str | None:
    """The tense of pymorphy3's most likely verb reading of a word (pres, past, futr)."""
    for parse in _analyzer().parse(word.lower()):
        if parse.tag.POS == "VERB":
            return str(parse.tag.tense) if parse.tag.tense else None
    return None


def is_noun(word: str) -> bool:
    """Whether pymorphy3's most likely reading of a word is a noun."""
    found = readings(word)
    return bool(found) and found[0][0] == "NOUN"


def _ru_names(kb: KnowledgeBase, entity_id: str) -> tuple[str, ...]:
    return tuple(a.text for a in kb.aliases_of(entity_id) if _WORD.search(a.text))


def mention_cases(kb: KnowledgeBase, mention: Mention) -> frozenset[str]:
    """The grammatical cases a mention's words can be in ("Токаевым" -> instrumental)."""
    text = fold(mention.text)
    words = _WORD.findall(text)
    if not words:
        return ALL_CASES  # a Latin name ("G20") does not decline
    first = text.split()[0]
    if first.isupper() and len(first) > 1:
        return ALL_CASES  # an acronym: ОДКБ, США, МИД
    entity = kb.get(mention.entity) if mention.entity else None
    if entity is not None and mention.rule.endswith(f"alias {mention.text!r}"):
        person = entity.kind == EntityKind.PERSON
        for name in _ru_names(kb, entity.id):
            forms = case_forms(name, person=person)
            found = forms.get(text) or forms.get(mention.text)
            if found and len(forms) == 1:
                return ALL_CASES  # an indeclinable name ("Баку", "Душанбе", "Сочи")
            if found:
                return found
    return word_cases(words[0])


def is_cyrillic(text: str) -> bool:
    return bool(_WORD.search(text))
