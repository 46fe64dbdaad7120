"""Shared fixtures of the extraction step tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tengri.extract import extract_text
from tengri.model import Extraction


@pytest.fixture(scope="module")
def code(kb, request) -> Callable[..., Extraction]:  # type: ignore[no-untyped-def]
    """Code a text as published on the test module's PUBLISHED date (or the date given)."""
    default = getattr(request.module, "PUBLISHED", None)
    doc_id = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")

    def run(text: str, published: dt.date | None = default) -> Extraction:
        return extract_text(text, published, doc_id, kb)

    return run
