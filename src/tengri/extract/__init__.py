"""Extraction: a document in, coded events, facts and memberships out."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from tengri.extract import ru as _ru  # noqa: F401  registers the Russian pipeline
from tengri.extract.pipeline import PIPELINES, STEPS, UnsupportedLanguage, languages, run
from tengri.ingest.language import detect_language
from tengri.kb import KnowledgeBase, load_kb
from tengri.model import Document, Extraction


def extract_document(document: Document, kb: KnowledgeBase | None = None) -> Extraction:
    """Code one document with the given knowledge base (the shipped one by default).

    The document's `lang` picks the pipeline; when it is not set, the language is detected.
    """
    if document.lang is None:
        document = replace(document, lang=document_language(document.text))
    return run(document, kb or load_kb())


# Languages a news text is likely to be in; short English passages are sometimes read as
# Nigerian Pidgin or Scots by the identifier, so an unlikely answer falls back to English.
_NEWS_LANGUAGES = frozenset(
    "en ru kk uk uz ky tg az hy ka be tk tr fa ar he zh ja ko hi ur de fr es it pt nl pl cs "
    "sk hu ro bg sr hr sl lt lv et fi sv no da el mn vi th id ms".split()
)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def document_language(text: str) -> str:
    """The language to code a text in: the detected one, or English when detection is unsure.

    A language tengri has a pipeline for is taken at lower confidence than others (short
    Russian passages are often read as Ukrainian or Bulgarian by a hair), and a mostly Cyrillic
    text is never coded as English.
    """
    lang, probability = detect_language(text)
    if lang in PIPELINES and probability >= 0.5:
        return lang
    if lang in _NEWS_LANGUAGES and probability >= 0.8:
        return lang
    sample = text[:2000]
    if len(_CYRILLIC.findall(sample)) > len(_LATIN.findall(sample)):
        return "ru"
    return "en"


def extract_text(
    text: str,
    published: dt.date | None = None,
    doc_id: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Extraction:
    """Code a plain text; a convenience for tests and notebooks."""
    document = Document(doc_id or Document.make_id(text), text, published)
    return extract_document(document, kb)


__all__ = [
    "STEPS",
    "UnsupportedLanguage",
    "document_language",
    "extract_document",
    "extract_text",
    "languages",
]
