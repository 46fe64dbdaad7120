"""The alias index: every surface form of every entity, matched in one pass over a text.

Two Aho-Corasick automata (pyahocorasick): one over the text as written, for names, whose case
matters ("Oral" the city, "oral" the adjective; "US" and "us"); one over the lower-cased text, for
titles and generic nouns ("President", "the president", "officials"). Both run on a copy of the
text with typographic variants folded one character for one (’ -> ', – -> -), so offsets stay
those of the original text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

_FOLD = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
        "\u0451": "\u0435", "\u0401": "\u0415",  # ё -> е, as Russian news mostly writes it
    }
)


def fold(text: str) -> str:
    """Typographic variants folded to one form; always the same length as the input."""
    return text.translate(_FOLD)


def lower_same_length(text: str) -> str:
    """Lower case that never changes the length (a few characters such as 'İ' would)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


@dataclass(frozen=True, slots=True)
class Hit:
    """One alias found in a text: its span, the text as written, and what it may name."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]  # payload keys registered for the alias (entity ids, lexicon keys)


class AliasIndex:
    """Surface forms -> keys, found with word boundaries, longest match first."""

    def __init__(self, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._keys: dict[str, set[str]] = defaultdict(set)
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, alias: str, key: str) -> None:
        alias = fold(alias.strip())
        if not self.case_sensitive:
            alias = lower_same_length(alias)
        if len(alias) < 2:
            return
        self._keys[alias].add(key)
        self._automaton = None

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        for alias, key in pairs:
            self.add(alias, key)

    def __len__(self) -> int:
        return len(self._keys)

    def keys_for(self, alias: str) -> tuple[str, ...]:
        alias = fold(alias.strip())
        if not self.case_sensitive:
            alias = lower_same_length(alias)
        return tuple(sorted(self._keys.get(alias, ())))

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for alias, keys in self._keys.items():
            automaton.add_word(alias, (len(alias), tuple(sorted(keys))))
        automaton.make_automaton()
        return automaton

    def prepare(self, text: str) -> str:
        """The text as this index searches it (folded, and lower-cased if case-insensitive)."""
        folded = fold(text)
        return folded if self.case_sensitive else lower_same_length(folded)

    def find(self, text: str, prepared: str | None = None) -> list[Hit]:
        """Non-overlapping hits, preferring the longest, then the leftmost."""
        if self._automaton is None:
            self._automaton = self._build()
        if not self._keys:
            return []
        haystack = prepared if prepared is not None else self.prepare(text)
        candidates: list[tuple[int, int, tuple[str, ...]]] = []
        size = len(haystack)
        for end_index, (length, keys) in self._automaton.iter(haystack):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and _is_word_char(haystack[start - 1]) and _is_word_char(haystack[start]):
                continue
            if end < size and _is_word_char(haystack[end]) and _is_word_char(haystack[end - 1]):
                continue
            candidates.append((start, end, keys))
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken: list[tuple[int, int, tuple[str, ...]]] = []
        occupied: list[tuple[int, int]] = []
        for start, end, keys in candidates:
            if any(start < o_end and o_start < end for o_start, o_end in occupied):
                continue
            occupied.append((start, end))
            taken.append((start, end, keys))
        taken.sort()
        return [Hit(s, e, text[s:e], k) for s, e, k in taken]
