"""Russian case forms of the KB's Russian names, titles and agent nouns, made when the KB is built.

Russian news names an actor in any of six cases ("Токаев", "Токаева", "Токаеву", "Токаевым",
"о Токаеве"; "Казахстан", "в Казахстане"). The KB tables hold the nominative (`ru` columns,
`ru_titles`, Cyrillic place names); `add_russian_forms` adds every case form to the alias indexes
with the key of its nominative, so a form resolves to the same id as the English name. The built
indexes are what the KB cache stores, so the forms cost nothing once cached.

- Personal names decline by the rules of Russian grammar for names (surnames in -ов/-ев/-ин,
  adjectival surnames in -ский, feminine -ова/-ина, indeclinable foreign names in a vowel);
  pymorphy3's dictionary does not know most surnames ("Токаев" would be read as a plural noun).
- Other names and titles decline with pymorphy3: the leading adjectives and the first noun
  ("Шанхайская организация сотрудничества" -> "Шанхайской организации сотрудничества"); what
  follows the first noun is a genitive or apposition and stays ("Республики Казахстан").
- State adjectives (`ru-adjectives.csv`, "российский") get every gender, number and case.

`case_forms(alias, person=...)` gives the forms with their grammatical cases, which the Russian
extractor reads to tell subjects (nominative) from objects.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tengri.kb.base import AliasRow, KnowledgeBase

log = logging.getLogger(__name__)

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
ADJECTIVES_FILE = "ru-adjectives.csv"
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# Letters of Kazakh, Ukrainian, Belarusian, … that Russian does not use: such names are not
# declined by Russian rules.
_NOT_RUSSIAN = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІіЇїЄєҐґЎў]")
_SIBILANT = "жшчщц"
_VELAR_SIBILANT = "гкхжшчщ"
# Places big enough that Russian news names them in oblique cases ("в Актау", "из Атырау");
# the rest keep their listed forms. The bar is lower where Russian is a language of the press.
_PLACE_FLOOR = 150_000
_PLACE_FLOOR_NEAR = 50_000
_RUSSIAN_PRESS = frozenset(
    "RUS KAZ UZB KGZ TJK TKM AZE ARM GEO BLR UKR MDA LVA LTU EST MNG".split()
)


@functools.cache
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3  # imported on first use: only building the KB needs it

    return pymorphy3.MorphAnalyzer()


def available() -> bool:
    """Whether pymorphy3 and its Russian dictionaries are installed."""
    try:
        _morph()
    except ImportError:
        return False
    return True


def _is_russian(text: str) -> bool:
    return bool(_CYRILLIC.search(text)) and not _NOT_RUSSIAN.search(text)


def _match_case(form: str, model: str) -> str:
    """`form` written with the capitals of `model` (per hyphen-separated part)."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    parts, models = form.split("-"), model.split("-")
    out = []
    for index, part in enumerate(parts):
        pattern = models[min(index, len(models) - 1)]
        out.append(part[:1].upper() + part[1:] if pattern[:1].isupper() else part)
    return "-".join(out)


# -- personal names ---------------------------------------------------------------------------


def _female(words: list[str]) -> bool:
    last = words[-1].lower()
    if re.search(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$", last):
        return True
    if len(words) > 1:
        first = words[0].split("-")[-1].lower()
        parses = [p for p in _morph().parse(first) if "Name" in p.tag]
        if parses and parses[0].tag.gender == "femn" and parses[0].tag.case == "nomn":
            return True
    return False


def _name_word(word: str, surname: bool, female: bool) -> dict[str, str]:
    """Case -> form of one word of a personal name (the nominative included)."""
    if "-" in word:  # "Касым-Жомарт": only the last part declines
        head, _, tail = word.rpartition("-")
        return {case: f"{head}-{form}" for case, form in _name_word(tail, surname, female).items()}
    forms = {"nomn": word}
    low = word.lower()
    if not word[:1].isupper() or len(word) < 3:
        return forms  # particles ("фон", "аль") and initials stay
    stem1, stem2 = word[:-1], word[:-2]
    if female:
        if surname and re.search(r"(?:ова|ева|ёва|ина|ына)$", low):
            forms.update(
                gent=stem1 + "ой",
                datv=stem1 + "ой",
                accs=stem1 + "у",
                ablt=stem1 + "ой",
                loct=stem1 + "ой",
            )
        elif surname and re.search(r"(?:ская|цкая)$", low):
            forms.update(
                gent=stem2 + "ой",
                datv=stem2 + "ой",
                accs=stem2 + "ую",
                ablt=stem2 + "ой",
                loct=stem2 + "ой",
            )
        elif low.endswith("ия"):
            forms.update(
                gent=stem1 + "и",
                datv=stem1 + "и",
                accs=stem1 + "ю",
                ablt=stem1 + "ей",
                loct=stem1 + "и",
            )
        elif low.endswith(("а", "я")):
            forms.update(_a_stem(word))
        return forms  # a woman's name in a consonant or another vowel does not decline
    if surname and re.search(r"(?:ский|цкий|ской|цкой)$", low):
        forms.update(
            gent=stem2 + "ого",
            datv=stem2 + "ому",
            accs=stem2 + "ого",
            ablt=stem2 + "им",
            loct=stem2 + "ом",
        )
    elif surname and re.search(r"(?:ый|ой)$", low) and len(low) > 4:
        forms.update(
            gent=stem2 + "ого",
            datv=stem2 + "ому",
            accs=stem2 + "ого",
            ablt=stem2 + "ым",
            loct=stem2 + "ом",
        )
    elif low.endswith("ий"):
        forms.update(
            gent=stem1 + "я",
            datv=stem1 + "ю",
            accs=stem1 + "я",
            ablt=stem1 + "ем",
            loct=stem1 + "и",
        )
    elif low.endswith(("й", "ь")):
        forms.update(
            gent=stem1 + "я",
            datv=stem1 + "ю",
            accs=stem1 + "я",
            ablt=stem1 + "ем",
            loct=stem1 + "е",
        )
    elif low.endswith("ия"):
        forms.update(
            gent=stem1 + "и",
            datv=stem1 + "и",
            accs=stem1 + "ю",
            ablt=stem1 + "ей",
            loct=stem1 + "и",
        )
    elif low.endswith(("а", "я")):
        forms.update(_a_stem(word))
    elif low[-1] in "бвгдзклмнпрстфхжшчщц":
        plain = word + ("ем" if low[-1] in _SIBILANT else "ом")
        forms.update(gent=word + "а", datv=word + "у", accs=word + "а", ablt=plain, loct=word + "е")
        if surname and re.search(r"(?:ов|ев|ёв|ин|ын)$", low):
            forms["ablt"] = word + "ым"  # Путиным, Токаевым
            if low.endswith(("ин", "ын")):
                forms["ablt2"] = plain  # foreign names: Си Цзиньпином
    return forms  # names in -о, -е, -и, -у, -э, -ю (Лукашенко, Кобахидзе, Моди) do not decline


def _a_stem(word: str) -> dict[str, str]:
    stem, last = word[:-1], word[-1].lower()
    soft = last == "я"
    after = stem[-1:].lower()
    gent = stem + ("и" if soft or after in _VELAR_SIBILANT else "ы")
    ablt = stem + ("ей" if soft or after in _SIBILANT else "ой")
    return {
        "gent": gent,
        "datv": stem + "е",
        "accs": stem + ("ю" if soft else "у"),
        "ablt": ablt,
        "loct": stem + "е",
    }


def _person_forms(alias: str) -> dict[str, set[str]]:
    words = alias.split()
    female = _female(words)
    per_word = [_name_word(w, i == len(words) - 1, female) for i, w in enumerate(words)]
    out: dict[str, set[str]] = {}
    for case in (*CASES, "ablt2"):
        if case == "ablt2" and "ablt2" not in per_word[-1]:
            continue
        form = " ".join(forms.get(case, forms.get(case[:4], forms["nomn"])) for forms in per_word)
        out.setdefault(form, set()).add(case[:4])
    return out


# -- other names, titles and nouns ------------------------------------------------------------


def _lexeme(parse) -> list[tuple[object, str]]:  # type: ignore[no-untyped-def]
    """(tag, form) of every form of a parse's word, computed once per word."""
    return _lexeme_of(parse.word, str(parse.tag))


_LEXEMES: dict[tuple[str, str], list[tuple[object, str]]] = {}


def _lexeme_of(word: str, tag: str) -> list[tuple[object, str]]:
    key = (word, tag)
    if key not in _LEXEMES:
        parse = next(p for p in _morph().parse(word) if str(p.tag) == tag)
        # a participle keeps its tense and voice ("объединённые" -> "объединённых", never
        # "объединивших")
        same = [
            (p.tag, p.word)
            for p in parse.lexeme
            if p.tag.POS == parse.tag.POS
            and p.tag.tense == parse.tag.tense
            and p.tag.voice == parse.tag.voice
        ]
        _LEXEMES[key] = same
    return _LEXEMES[key]


def _pick(
    lexeme: list[tuple[object, str]],
    case: str,
    number: str | None,
    gender: str | None = None,
    animacy: str | None = None,
) -> str | None:
    """The first form of a lexeme with these grammemes (None: any)."""
    for tag, word in lexeme:
        if tag.case != case or (number and tag.number != number):  # type: ignore[attr-defined]
            continue
        if gender and tag.gender and tag.gender != gender:  # type: ignore[attr-defined]
            continue
        if animacy and tag.animacy and tag.animacy != animacy:  # type: ignore[attr-defined]
            continue
        if tag.POS not in {"NOUN", "ADJF", "PRTF"}:  # type: ignore[attr-defined]
            continue
        return word
    return None


@functools.cache
def _best(word: str, kinds: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """pymorphy3's most likely nominative reading of a word as one of `kinds`, if any."""
    for parse in _morph().parse(word):
        if parse.tag.POS in kinds and parse.tag.case == "nomn" and "Fixd" not in parse.tag:
            return parse
    return None


def _phrase_forms(alias: str, plural_too: bool = False) -> dict[str, set[str]]:
    """Forms of a noun phrase: leading adjectives and the first noun decline, the rest stays."""
    words = alias.split(" ")
    adjectives = []
    head = None
    for index, word in enumerate(words):
        if not _CYRILLIC.search(word) or (word.isupper() and len(word) > 1):
            break  # an acronym or a foreign word: nothing before it declines with it
        noun = _best(word.lower(), ("NOUN",))
        adjective = _best(word.lower(), ("ADJF", "PRTF"))
        if adjective is not None and (noun is None or adjective.score > noun.score):
            adjectives.append((index, adjective))
            continue
        if noun is not None:
            head = (index, noun)
        break
    out: dict[str, set[str]] = {alias: {"nomn"}}
    if head is None:
        return out
    index, noun = head
    numbers = [noun.tag.number or "sing"]
    if plural_too and numbers == ["sing"] and "Sgtm" not in noun.tag:
        numbers.append("plur")
    noun_forms = _lexeme(noun)
    adjective_forms_ = [(a_index, _lexeme(adjective)) for a_index, adjective in adjectives]
    for number in numbers:
        for case in CASES:
            form = _pick(noun_forms, case, number if "Pltm" not in noun.tag else None)
            if form is None:
                continue
            new = list(words)
            new[index] = _match_case(form, words[index])
            agreed = True
            for a_index, lexeme in adjective_forms_:
                gender = noun.tag.gender if number == "sing" else None
                animacy = (
                    ("anim" if noun.tag.animacy == "anim" else "inan") if case == "accs" else None
                )
                agreeing = _pick(lexeme, case, number, gender, animacy)
                if agreeing is None:
                    agreed = False
                    break
                new[a_index] = _match_case(agreeing, words[a_index])
            if agreed:
                out.setdefault(" ".join(new), set()).add(case)
    return out


@functools.cache
def case_forms(
    alias: str, person: bool = False, plural_too: bool = False
) -> dict[str, frozenset[str]]:
    """Every case form of a Russian alias -> the cases it can be (the alias itself included)."""
    alias = alias.strip()
    if not _is_russian(alias):
        return {alias: frozenset({"nomn"})}
    forms = _person_forms(alias) if person else _phrase_forms(alias, plural_too)
    return {form: frozenset(cases) for form, cases in forms.items()}


def adjective_forms(adjective: str) -> set[str]:
    """Every full form of a Russian adjective (genders, numbers, cases), lower case."""
    parse = _best(adjective.lower(), ("ADJF",))
    if parse is None:
        return {adjective.lower()}
    return {p.word for p in parse.lexeme if p.tag.POS == "ADJF"} | {adjective.lower()}


# -- adding them to a KB ------------------------------------------------------------------------


def read_adjectives(data_dir: Path) -> list[tuple[str, str]]:
    """(state id, adjective) rows of the shipped Russian state adjectives, if the file is there."""
    path = data_dir / ADJECTIVES_FILE
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["state"], row["adjective"]) for row in csv.DictReader(handle)]


def _declinable(kb: KnowledgeBase, entity: str, how: str, lang: str) -> str | None:
    """How an alias declines: 'person', 'name', or None when it is left as listed."""
    found = kb.entities.get(entity)
    if found is None:
        return None
    kind = found.kind.value
    if kind == "place":
        floor = _PLACE_FLOOR_NEAR if found.country in _RUSSIAN_PRESS else _PLACE_FLOOR
        big = found.population >= floor or found.subkind == "capital"
        return "name" if big else None
    if lang != "ru" or how == "acronym":
        return None
    return "person" if kind == "person" else "name"


def add_russian_forms(kb: KnowledgeBase, rows: Iterable[AliasRow], data_dir: Path) -> int:
    """Add the case forms of the KB's Russian aliases, titles, agent nouns and state adjectives
    to its alias indexes (before `KnowledgeBase.finish` builds them); returns how many.

    Without pymorphy3 the KB still builds, with nominative Russian names only (logged)."""
    if not available():
        log.warning("pymorphy3 is not installed: Russian names match in the nominative only")
        return 0
    pairs: list[tuple[str, str]] = []
    for text, entity, how, lang in rows:
        if not _is_russian(text):
            continue
        style = _declinable(kb, entity, how, lang)
        if style is None:
            continue
        key = f"{how}|{entity}"
        if style == "person" and " " in text:  # the surname alone: "Жапарова", "Путиным"
            surname = text.split()[-1]
            if len(surname) >= 4 and surname[:1].isupper():
                pairs.extend((form, key) for form in case_forms(surname, person=True))
        pairs.extend(
            (form, key) for form in case_forms(text, person=style == "person") if form != text
        )
    for state, adjective in read_adjectives(data_dir):
        for form in adjective_forms(adjective):
            pairs.append((form, f"adjective|{state}"))
            pairs.append((form[:1].upper() + form[1:], f"adjective|{state}"))
    kb.name_index.add_all(pairs)
    words: list[tuple[str, str]] = []
    titles = {t for o in kb.offices.values() for t in o.ru_titles} | set(kb.titles)
    for title in titles:
        if _is_russian(title):
            key = f"title|{title.lower()}"
            words.extend((form, key) for form in case_forms(title, plural_too=True))
    for noun in kb.agents:
        if _is_russian(noun):
            words.extend((form, f"agent|{noun}") for form in case_forms(noun))
    kb.word_index.add_all(words)
    return len(pairs) + len(words)
