"""Fixtures of the evaluation tests (the factories of records are in factories.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def places(kb):  # type: ignore[no-untyped-def]
    from tengri.evaluate.places import PlaceResolver

    return PlaceResolver(kb)
