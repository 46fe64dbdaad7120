"""The alias index: every surface form of every entity, matched in one pass over a text.

Two Aho-Corasick automata (pyahocorasick): one over the text as written, for names, whose case
matters ("Oral" the city, "oral" the adjective; "US" and "us"); one over the lower-cased text, for
titles and generic nouns ("President", "the president", "officials"). Both run on a copy of the
text with typographic variants folded one character for one (’ -> ', – -> -), so offsets stay
those of the original text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u0451": "\u0435",
        "\u0401": "\u0415",  # ё -> е, as Russian news mostly writes it
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
    """Surface forms -> keys, found with word boundaries, longest match first.

    An alias's keys come sorted, except those given an order with `prefer` (an alias marked
    ambiguous, whose first entity is the default reading). Once built, the index pickles as its
    automaton alone, which is what the KB cache stores.
    """

    def __init__(self, case_sensitive: bool) -> None:
        self.case_sensitive = case_sensitive
        self._keys: dict[str, set[str]] | None = defaultdict(set)
        self._first: dict[str, tuple[str, ...]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def _form(self, alias: str) -> str:
        alias = fold(alias.strip())
        return alias if self.case_sensitive else lower_same_length(alias)

    def _key_sets(self) -> dict[str, set[str]]:
        if self._keys is None:  # restored from a pickle: the automaton holds the keys
            assert self._automaton is not None
            self._keys = defaultdict(
                set, {alias: set(keys) for alias, (_, keys) in self._automaton.items()}
            )
        return self._keys

    def add(self, alias: str, key: str) -> None:
        alias = self._form(alias)
        if len(alias) < 2:
            return
        self._key_sets()[alias].add(key)
        self._automaton = None

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        """`add` for many pairs at once (the loop `add` would run, without its call overhead)."""
        keys, case_sensitive = self._key_sets(), self.case_sensitive
        for alias, key in pairs:
            alias = alias.strip().translate(_FOLD)
            if not case_sensitive:
                alias = lower_same_length(alias)
            if len(alias) >= 2:
                keys[alias].add(key)
        self._automaton = None

    def prefer(self, alias: str, keys: Sequence[str]) -> None:
        """Put these keys of an alias first, in this order, before the rest (sorted)."""
        self._first[self._form(alias)] = tuple(keys)
        self._automaton = None

    def __len__(self) -> int:
        if self._keys is None and self._automaton is not None:
            return len(self._automaton)
        return len(self._key_sets())

    def keys_for(self, alias: str) -> tuple[str, ...]:
        form = self._form(alias)
        if self._automaton is not None:
            found = self._automaton.get(form, None)
            return found[1] if found is not None else ()
        return self._ordered(form, self._key_sets().get(form, set()))

    def _ordered(self, alias: str, keys: set[str]) -> tuple[str, ...]:
        first = [k for k in self._first.get(alias, ()) if k in keys]
        return (*first, *sorted(keys.difference(first)))

    def build(self) -> None:
        """Make the automaton now (else the first `find` does)."""
        if self._automaton is not None:
            return
        automaton = ahocorasick.Automaton()
        first = self._first
        for alias, keys in self._key_sets().items():
            ordered = (
                self._ordered(alias, keys)
                if alias in first
                else tuple(keys)
                if len(keys) == 1
                else tuple(sorted(keys))
            )
            automaton.add_word(alias, (len(alias), ordered))
        automaton.make_automaton()
        self._automaton = automaton

    def __getstate__(self) -> dict[str, object]:
        self.build()
        return {
            "case_sensitive": self.case_sensitive,
            "first": self._first,
            "automaton": self._automaton,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.case_sensitive = bool(state["case_sensitive"])
        self._first = state["first"]  # type: ignore[assignment]
        self._automaton = state["automaton"]  # type: ignore[assignment]
        self._keys = None

    def prepare(self, text: str) -> str:
        """The text as this index searches it (folded, and lower-cased if case-insensitive)."""
        folded = fold(text)
        return folded if self.case_sensitive else lower_same_length(folded)

    def find(self, text: str, prepared: str | None = None) -> list[Hit]:
        """Non-overlapping hits, preferring the longest, then the leftmost."""
        self.build()
        automaton = self._automaton
        assert automaton is not None
        if len(automaton) == 0:
            return []
        haystack = prepared if prepared is not None else self.prepare(text)
        candidates: list[tuple[int, int, tuple[str, ...]]] = []
        size = len(haystack)
        for end_index, (length, keys) in automaton.iter(haystack):
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
