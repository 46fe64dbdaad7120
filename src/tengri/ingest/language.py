"""Which language a document is written in (py3langid; its model ships in the wheel)."""

from __future__ import annotations

import functools
import re

from tengri.ingest.records import LanguageShare

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_PARAGRAPHS = re.compile(r"\n\s*\n|\n(?=\S)")


@functools.cache
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return identifier


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and the identifier's confidence (0-1)."""
    sample = text[:1500]
    if len(_LETTERS.findall(sample)) < 20:
        return "und", 0.0
    lang, probability = _identifier().classify(sample)
    return lang, float(probability)


def may_be_mixed(text: str, lang: str, short: int = 2000) -> bool:
    """Whether the per-paragraph pass is worth running: always for a short text (it costs
    about as much as one call), else when the middle or the last paragraph reads as another
    language than the whole (two short langid calls)."""
    if len(text) <= short:
        return True
    paragraphs = [p for p in _PARAGRAPHS.split(text) if len(p.strip()) >= 80]
    if len(paragraphs) < 2:
        return False
    for paragraph in (paragraphs[len(paragraphs) // 2], paragraphs[-1]):
        other, probability = detect_language(paragraph[:600])
        if other not in (lang, "und") and probability >= 0.5:
            return True
    return False


def paragraph_languages(text: str, min_letters: int = 40) -> tuple[LanguageShare, ...]:
    """The languages of a page's paragraphs, largest share of letters first: a Russian page
    that quotes an English statement gives (ru, 0.8, 5), (en, 0.2, 1). Paragraphs too short
    to identify are left out of the shares."""
    letters: dict[str, int] = {}
    paragraphs: dict[str, int] = {}
    for paragraph in _PARAGRAPHS.split(text):
        count = len(_LETTERS.findall(paragraph[:1500]))
        if count < min_letters:
            continue
        lang, probability = detect_language(paragraph)
        if lang == "und" or probability < 0.5:
            continue
        letters[lang] = letters.get(lang, 0) + count
        paragraphs[lang] = paragraphs.get(lang, 0) + 1
    total = sum(letters.values())
    return tuple(sorted((LanguageShare(lang, round(count / total, 3), paragraphs[lang])
                         for lang, count in letters.items()),
                        key=lambda share: (-share.share, share.lang)))
