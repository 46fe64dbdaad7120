"""The trigger lexicon: which words and phrases report which PLOVER/CAMEO events.

Entries live in `extract/data/triggers.yaml`. A pattern is a few tokens:
- `{visit}`      every form of the verb (visit, visits, visited, visiting), via lemminflect;
- `[a|b|c]`      one of these words or phrases;
- `word?`        an optional word;
- `~3`           up to three words of anything;
- anything else  that word, case-insensitive.
`verbs` patterns have a verb as their first `{…}` token and so a tense; `nouns` patterns are
nominal ("state visit", "phone call"), whose tense comes from the sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml
from lemminflect import getAllInflections, getAllInflectionsOOV

from tengri.errors import TengriError
from tengri.ontology import cameo as cameo_code
from tengri.ontology import is_valid

_VERB_TAGS = ("VB", "VBZ", "VBD", "VBN", "VBG", "VBP")
_IRREGULAR_EXTRA = {
    "be": {
        "VB": ["be"],
        "VBZ": ["is"],
        "VBD": ["was", "were"],
        "VBN": ["been"],
        "VBG": ["being"],
        "VBP": ["are", "am"],
    }
}


@functools.cache
def inflections(lemma: str) -> dict[str, str]:
    """surface form -> Penn tag for a verb lemma (the first tag wins for shared forms)."""
    table = (
        _IRREGULAR_EXTRA.get(lemma)
        or getAllInflections(lemma, upos="VERB")
        or getAllInflectionsOOV(lemma, upos="VERB")
    )
    forms: dict[str, str] = {}
    for tag in ("VBD", "VBN", "VBG", "VBZ", "VB", "VBP"):
        for form in table.get(tag, ()):
            forms.setdefault(form.lower(), tag)
    forms.setdefault(lemma.lower(), "VB")
    return forms


@dataclass(frozen=True, slots=True)
class Pattern:
    regex: re.Pattern[str]
    verb_group: str | None  # name of the group holding the predicate verb
    verb_forms: dict[str, str]  # that verb's surface forms -> tag
    anchors: frozenset[str]  # words one of which must be in a sentence for the pattern to match
    weight: int = 1  # how many words the pattern spells out: the more, the more specific


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    type: str
    mode: str | None
    cameo: str
    verbs: tuple[Pattern, ...]
    nouns: tuple[Pattern, ...]
    source: tuple[str, ...]
    target: tuple[str, ...]
    place: tuple[str, ...]
    actors: str  # political | any
    symmetric: bool
    needs_target: bool
    anaphora: bool  # a bare "the X" refers back to an earlier event
    gathering: str | None  # summit | forum | conference … for multilateral events
    priority: int  # a higher priority wins an overlap before length does (hand-written: 1)
    veto: re.Pattern[str] | None  # nearby words that mean this is not the event
    contexts: tuple[str, ...]


_TOKEN = re.compile(r"\{[^}]+\}|\[[^\]]+\]|~\d+|[^\s]+")


def _first_words(core: str) -> frozenset[str]:
    """The words a required pattern token can start with, lower-cased."""
    if core.startswith("{"):
        return frozenset(inflections(core[1:-1].strip()))
    if core.startswith("["):
        return frozenset(o.split()[0].lower() for o in core[1:-1].split("|") if o.strip())
    return frozenset({core.lower()})


def _compile(pattern: str, where: str) -> Pattern:
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
            lemma = core[1:-1].strip()
            forms = inflections(lemma)
            group = f"v{index}"
            alternation = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
            piece = f"(?P<{group}>{alternation})"
            if verb_group is None:
                verb_group, verb_forms = group, forms
        elif core.startswith("["):
            options = [o.strip() for o in core[1:-1].split("|") if o.strip()]
            piece = (
                "(?:"
                + "|".join(
                    r"\s+".join(map(re.escape, o.split()))
                    for o in sorted(options, key=len, reverse=True)
                )
                + ")"
            )
        elif core.startswith("~"):
            # any word, number or amount ("$10", "1.2", "45%") may stand in the gap
            parts.append(rf"(?:\s+[\w'’\-,.$€£%]+){{0,{int(core[1:])}}}")
            continue
        else:
            piece = re.escape(core)
        parts.append(
            f"(?:\\s+{piece})?"
            if optional and parts
            else (f"(?:{piece})?" if optional else (r"\s+" + piece if parts else piece))
        )
    body = "".join(parts)
    try:
        regex = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise TengriError(f"{where}: pattern {pattern!r} does not compile ({exc})") from exc
    weight = len(re.findall(r"\\s\+", regex.pattern)) + 1
    return Pattern(regex, verb_group, verb_forms, anchors, weight)


def _slots(values: object, where: str, entry_id: str) -> tuple[str, ...]:
    """Role slot names; YAML reads a bare `on` as a boolean, so insist on strings."""
    if not isinstance(values, list | tuple) or not all(isinstance(v, str) for v in values):
        raise TengriError(
            f"{where} ({entry_id}): role slots must be a list of quoted names "
            f'such as [subject, "on"]; got {values!r}'
        )
    return tuple(values)


def _entry(raw: dict, where: str) -> Entry:
    try:
        entry_id, type_, cameo = raw["id"], raw["type"].upper(), str(raw["cameo"])
    except KeyError as exc:
        raise TengriError(
            f"{where}: trigger entry needs id, type and cameo; missing {exc}"
        ) from exc
    mode = raw.get("mode")
    if not is_valid(type_, mode):
        raise TengriError(f"{where} ({entry_id}): {type_}/{mode} is not a PLOVER type and mode")
    code = cameo_code(cameo)  # raises for an unknown code
    if code.plover_type and code.plover_type != type_:
        raise TengriError(
            f"{where} ({entry_id}): CAMEO {cameo} is {code.plover_type} in the "
            f"crosswalk, not {type_}"
        )
    veto = raw.get("veto")
    return Entry(
        id=entry_id,
        type=type_,
        mode=mode,
        cameo=cameo,
        verbs=tuple(_compile(p, f"{where} ({entry_id})") for p in raw.get("verbs", ())),
        nouns=tuple(_compile(p, f"{where} ({entry_id})") for p in raw.get("nouns", ())),
        source=_slots(raw.get("source", ("subject",)), where, entry_id),
        target=_slots(raw.get("target", ("object",)), where, entry_id),
        place=_slots(raw.get("place", ()), where, entry_id),
        actors=raw.get("actors", "political"),
        symmetric=bool(raw.get("symmetric", False)),
        needs_target=bool(raw.get("needs_target", False)),
        anaphora=bool(raw.get("anaphora", True)),
        gathering=raw.get("gathering"),
        veto=re.compile(veto, re.IGNORECASE) if veto else None,
        contexts=tuple(raw.get("contexts", ())),
        priority=int(raw.get("priority", 1)),
    )


@dataclass(frozen=True, slots=True)
class AnchorIndex:
    """Which patterns could match a sentence, from the words it contains."""

    by_word: dict[str, tuple[tuple[int, bool, int], ...]]  # word -> (entry, is_noun, pattern)

    def candidates(self, words: set[str]) -> list[tuple[int, bool, int]]:
        found: set[tuple[int, bool, int]] = set()
        for word in words:
            found.update(self.by_word.get(word, ()))
        return sorted(found)


_WORDS = re.compile(r"[\w'’-]+")


def sentence_words(text: str) -> set[str]:
    """The lower-cased words of a sentence, also split at hyphens ("one-on-one")."""
    words = set(_WORDS.findall(text.lower()))
    return words | {part for word in words if "-" in word for part in word.split("-")}


@functools.cache
def anchor_index(name: str = "triggers.yaml") -> AnchorIndex:
    return anchor_index_of(load_lexicon(name))


def anchor_index_of(lexicon: tuple[Entry, ...]) -> AnchorIndex:
    """Which (entry, noun or verb, pattern) each anchor word can start, for any language's
    lexicon: a sentence is matched only against the patterns its words can start."""
    by_word: dict[str, list[tuple[int, bool, int]]] = {}
    for e_index, entry in enumerate(lexicon):
        for is_noun, patterns in ((False, entry.verbs), (True, entry.nouns)):
            for p_index, pattern in enumerate(patterns):
                for word in pattern.anchors:
                    by_word.setdefault(word, []).append((e_index, is_noun, p_index))
    return AnchorIndex({w: tuple(v) for w, v in by_word.items()})


# The English lexicon: hand-written entries, then entries derived from the Phoenix/PETRARCH
# verb dictionary (lower priority: they only fire where no hand-written entry matches).
LEXICON_FILES = {"triggers.yaml": ("triggers.yaml", "triggers-derived.yaml")}


@functools.cache
def load_lexicon(name: str = "triggers.yaml") -> tuple[Entry, ...]:
    """The shipped trigger lexicon, compiled once per process."""
    raw_entries: list[tuple[str, int, dict]] = []
    for file_name in LEXICON_FILES.get(name, (name,)):
        path = resources.files("tengri.extract") / "data" / file_name
        if not path.is_file():
            continue
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        raw_entries.extend((file_name, i, raw) for i, raw in enumerate(loaded))
    entries = tuple(_entry(raw, f"{file_name}[{i}]") for file_name, i, raw in raw_entries)
    ids = [e.id for e in entries]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise TengriError(f"{name}: duplicate entry ids {sorted(duplicates)}")
    return entries


@functools.cache
def entries_by_id(name: str = "triggers.yaml") -> dict[str, Entry]:
    """The shipped lexicon's entries by id, built once (callers must not change it)."""
    return {entry.id: entry for entry in load_lexicon(name)}
