"""Extraction: a document in, coded events, facts and memberships out."""

from __future__ import annotations

import datetime as dt

from tengri.extract.pipeline import STEPS, run
from tengri.kb import KnowledgeBase, load_kb
from tengri.model import Document, Extraction


def extract_document(document: Document, kb: KnowledgeBase | None = None) -> Extraction:
    """Code one document with the given knowledge base (the shipped one by default)."""
    return run(document, kb or load_kb())


def extract_text(
    text: str,
    published: dt.date | None = None,
    doc_id: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Extraction:
    """Code a plain text; a convenience for tests and notebooks."""
    document = Document(doc_id or Document.make_id(text), text, published)
    return extract_document(document, kb)


__all__ = ["STEPS", "extract_document", "extract_text"]
