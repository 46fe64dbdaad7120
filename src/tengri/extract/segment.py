"""Sentence segmentation that keeps offsets and leaves page furniture and headings out.

A scraped page mixes the article with lines such as "Search", "5 min read", "Comments" and with
section headings. Only *body* sentences are coded: a block of text counts as body when it reads
as prose (a sentence ending in punctuation, several words). The first heading-like line before
the body is taken as the title when the document has none.
"""

from __future__ import annotations

import re

from tengri.extract.analysis import Sentence

_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital,
# a digit or an opening quote.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-ZА-ЯЁ0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st sr jr gen col lt maj capt sgt adm cmdr sen rep gov pres amb "
    "rev hon messrs no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec "
    "inc ltd co corp plc bros vs etc approx dept univ est assn al ft mt "
    "г гг им ул д т тыс млн млрд руб".split()
)
_WORD = re.compile(r"\w+", re.UNICODE)
# Words a Title Case heading leaves in lower case.
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to with within without via "
    "versus vs about after before between under".split()
)
_MIN_BODY_WORDS = 4


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line-separated blocks; a block of short unwrapped lines is split per line."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_BLOCK_SPLIT.finditer(text), None]:
        end = match.start() if match else len(text)
        spans.extend(_lines_or_block(text, position, end))
        position = match.end() if match else len(text)
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _lines_or_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    chunk = text[start:end]
    if "\n" not in chunk.strip():
        return [(start, end)]
    lines: list[tuple[int, int]] = []
    offset = start
    for line in chunk.split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    if _hard_wrapped([text[s:e] for s, e in lines]):
        return [(start, end)]
    return lines


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether a block's lines are one paragraph wrapped at a fixed width (wire copy)."""
    content = [line.strip() for line in lines if line.strip()]
    if len(content) < 2:
        return False
    open_ends = sum(1 for line in content[:-1] if not _TERMINAL.search(line))
    long_lines = sum(1 for line in content if len(line) >= 40)
    return open_ends >= len(content) // 2 and long_lines >= len(content) // 2


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if "." in word:  # U.S., e.g., a.m.
        return True
    if len(word) == 1 and word.isupper():  # initials: J. Smith
        return True
    return word.lower() in _ABBREVIATIONS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    position = start
    chunk = text[start:end]
    for match in _BOUNDARY.finditer(chunk):
        stop = start + match.end()
        first_dot = start + match.start()
        if (
            text[first_dot] == "."
            and match.end() - match.start() == 1
            and _is_abbreviation(text, first_dot)
        ):
            continue
        spans.append((position, stop))
        position = stop
    spans.append((position, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def _is_body(block: str) -> bool:
    words = _WORD.findall(block)
    return len(words) >= _MIN_BODY_WORDS and bool(re.search(r"[.!?…]", block))


def _title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _is_heading_fragment(sentence: str) -> bool:
    """A piece with no final punctuation in Title Case, such as a heading glued to a paragraph."""
    return not _TERMINAL.search(sentence) and _title_case(sentence)


def segment(text: str) -> tuple[list[Sentence], str | None]:
    """Body sentences with document offsets, and a headline found before the body (if any)."""
    sentences: list[Sentence] = []
    title: str | None = None
    paragraph = 0
    for start, end in _blocks(text):
        block = text[start:end]
        if not _is_body(block):
            stripped = block.strip()
            if (
                not sentences
                and title is None
                and len(_WORD.findall(stripped)) >= 3
                and not _TERMINAL.search(stripped)
                and _title_case(stripped)
            ):
                title = stripped
            continue
        for s, e in split_sentences(text, start, end):
            piece = text[s:e]
            if _is_heading_fragment(piece) or len(_WORD.findall(piece)) < 2:
                continue
            sentences.append(Sentence(len(sentences), s, e, piece, paragraph))
        paragraph += 1
    return sentences, title
