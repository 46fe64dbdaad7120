"""Which language a document is written in (py3langid; its model ships in the wheel)."""

from __future__ import annotations

import functools
import re

SUPPORTED = ("en",)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


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


def unsupported_reason(text: str) -> str | None:
    """Why a text cannot be coded (its language), or None when it can."""
    lang, probability = detect_language(text)
    if lang in SUPPORTED or lang == "und" or probability < 0.5:
        return None
    return f"language {lang!r} is not coded yet (tengri codes {', '.join(SUPPORTED)})"
