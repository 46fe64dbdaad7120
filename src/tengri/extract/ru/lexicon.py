"""The Russian trigger lexicon: `extract/ru/data/triggers.ru.yaml`, entries as in the English
`triggers.yaml` (same ids, types, modes, CAMEO codes and fields), compiled with Russian forms.

Pattern tokens are those of the English lexicon (`[a|b]`, `word?`, `~3`, literal words), except
that `{lemma}` (or `{lemma|lemma}`, for an aspect pair) expands to every form of the lemma from
pymorphy3's dictionary, and each verb form keeps what its grammar says for status:

| form                     | code | e.g.                       | status by default |
|--------------------------|------|----------------------------|-------------------|
| past                     | VBD  | посетил, подписали         | occurred          |
| perfective non-past      | VBF  | посетит, подпишут          | planned           |
| present (imperfective)   | VBZ  | проводит, находится        | ongoing           |
| infinitive               | VB   | посетить (after может …)   | from its governor |
| gerund                   | VBG  | посетив                    | occurred          |
| participle               | VBN  | подписанный, подписано     | occurred          |
| imperative               | VBI  | подпишите                  | hypothetical      |

The codes borrow the Penn tags' letters so that steps shared with English (`status_by_date`,
records' confidence) read them the same way; VBF and VBI are Russian additions. Nouns and
adjectives in `{…}` expand to all their case forms ("{визит}" matches "визита", "визитом").
`ё` and `е` are both accepted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from importlib import resources

import yaml

from tengri.errors import TengriError
from tengri.extract.lexicon import AnchorIndex, Entry, Pattern, anchor_index_of
from tengri.extract.lexicon import _entry as english_entry
from tengri.extract.ru.morph import _analyzer

LEXICON = "triggers.ru.yaml"
_TOKEN = re.compile(r"\{[^}]+\}|\[[^\]]+\]|~\d+|[^\s]+")
_PREFERENCE = ("VBD", "VBF", "VBZ", "VB", "VBG", "VBN", "VBI", "noun")


def _code(tag: object) -> str:
    pos = tag.POS  # type: ignore[attr-defined]
    if pos == "INFN":
        return "VB"
    if pos == "GRND":
        return "VBG"
    if pos in {"PRTF", "PRTS"}:
        return "VBN"
    if pos == "VERB":
        if tag.mood == "impr":  # type: ignore[attr-defined]
            return "VBI"
        if tag.tense == "past":  # type: ignore[attr-defined]
            return "VBD"
        if tag.tense == "futr":  # type: ignore[attr-defined]
            return "VBF"
        return "VBZ"
    return "noun"


@functools.cache
def russian_forms(lemma: str) -> dict[str, str]:
    """surface form -> code for every form of a lemma (a verb's forms, or a noun's cases)."""
    forms: dict[str, str] = {}
    for word in lemma.split("|"):
        word = word.strip().lower()
        parses = _analyzer().parse(word)
        wanted = [p for p in parses if p.normal_form == word.replace("ё", "е")] or [
            p for p in parses if p.normal_form == word
        ]
        wanted = wanted or parses[:1]
        verbs = [p for p in wanted if p.tag.POS in {"INFN", "VERB"}]
        chosen = verbs[:1] or wanted[:1]
        found: dict[str, str] = {}
        for parse in chosen:
            for form in parse.lexeme:
                if form.tag.POS == "PRTF":
                    continue  # full participles ("посетивший") report no news of their own
                code = _code(form.tag)
                surface = form.word
                for variant in {surface, surface.replace("ё", "е")}:
                    old = found.get(variant)
                    if old is None or _PREFERENCE.index(code) < _PREFERENCE.index(old):
                        found[variant] = code
        found.setdefault(word, "VB" if chosen and chosen[0].tag.POS == "INFN" else "noun")
        for surface, code in found.items():
            old = forms.get(surface)
            if old is None or _PREFERENCE.index(code) < _PREFERENCE.index(old):
                forms[surface] = code
    return forms


def _alternation(words: list[str]) -> str:
    """One regex for many words, as a trie of their letters: a verb has some forty forms, and
    a flat alternation of them all makes the lexicon slow to compile."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # longer forms first: a regex alternation takes the first that fits
        return f"(?:{body})?"
    return body


def _first_words(core: str) -> frozenset[str]:
    if core.startswith("{"):
        return frozenset(russian_forms(core[1:-1]))
    if core.startswith("["):
        options = [o.strip().lower() for o in core[1:-1].split("|") if o.strip()]
        return frozenset(o.split()[0] for o in options) | frozenset(
            o.split()[0].replace("ё", "е") for o in options
        )
    return frozenset({core.lower(), core.lower().replace("ё", "е")})


def compile_pattern(pattern: str, where: str) -> Pattern:
    """A Russian pattern as a regex; the first `{…}` that is a verb sets the trigger's form.

    Copied from `tengri.extract.lexicon._compile` with `{lemma}` read by pymorphy3 instead of
    lemminflect (fold back when the English one takes a forms function).
    """
    parts: list[str] = []
    verb_group: str | None = None
    verb_forms: dict[str, str] = {}
    anchors: frozenset[str] = frozenset()
    for index, token in enumerate(_TOKEN.findall(pattern)):
        optional = token.endswith("?") and len(token) > 1
        core = token[:-1] if optional else token
        if not anchors and not optional and not core.startswith("~"):
            anchors = _first_words(core)
        if core.startswith("{"):
            forms = russian_forms(core[1:-1])
            group = f"v{index}"
            piece = f"(?P<{group}>{_alternation(list(forms))})"
            if verb_group is None and any(c != "noun" for c in forms.values()):
                verb_group, verb_forms = group, forms
        elif core.startswith("["):
            options = [o.strip() for o in core[1:-1].split("|") if o.strip()]
            options += [o.replace("ё", "е") for o in options if "ё" in o]
            piece = f"(?:{_alternation(options)})"
        elif core.startswith("~"):
            parts.append(rf"(?:\s+[\w'’\-,]+){{0,{int(core[1:])}}}")
            continue
        else:
            piece = re.escape(core)
            if "ё" in core:
                piece = f"(?:{piece}|{re.escape(core.replace('ё', 'е'))})"
        if optional:
            parts.append(f"(?:\\s+{piece})?" if parts else f"(?:{piece}\\s+)?")
        else:
            parts.append(r"\s+" + piece if parts and not parts[-1].endswith(r"\s+)?") else piece)
    body = "".join(parts)
    try:
        regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise TengriError(f"{where}: pattern {pattern!r} does not compile ({exc})") from exc
    return Pattern(regex, verb_group, verb_forms, anchors)


def _entry(raw: dict, where: str) -> Entry:
    """An entry of the Russian lexicon: the English reader checks it and fills every field (so
    fields the English lexicon gains later get their defaults here too), then the patterns are
    compiled with Russian forms."""
    entry = english_entry({**raw, "verbs": [], "nouns": []}, where)
    name = f"{where} ({entry.id})"
    return replace(
        entry,
        verbs=tuple(compile_pattern(p, name) for p in raw.get("verbs", ())),
        nouns=tuple(
            replace(compile_pattern(p, name), verb_group=None, verb_forms={})
            for p in raw.get("nouns", ())
        ),
    )


@functools.cache
def load_lexicon() -> tuple[Entry, ...]:
    """The shipped Russian trigger lexicon, compiled once per process."""
    text = (resources.files("tengri.extract.ru") / "data" / LEXICON).read_text(encoding="utf-8")
    entries = tuple(_entry(raw, f"{LEXICON}[{i}]") for i, raw in enumerate(yaml.safe_load(text)))
    ids = [e.id for e in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise TengriError(f"{LEXICON}: duplicate entry ids {duplicates}")
    return entries


@functools.cache
def entries_by_id() -> dict[str, Entry]:
    return {entry.id: entry for entry in load_lexicon()}


@functools.cache
def anchor_index() -> AnchorIndex:
    return anchor_index_of(load_lexicon())
