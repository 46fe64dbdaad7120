"""Fixtures for the ontology tests: the public reference folder, when this machine has it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REFERENCE = Path(os.environ.get("TENGRI_REFERENCE", "/work/shared/reference"))


@pytest.fixture
def reference() -> Path:
    """The reference folder (GDELT tables, PLOVER crosswalk and manual); skips when absent."""
    if not (REFERENCE / "plover" / "CAMEO2PLOVER-2021.txt").is_file():
        pytest.skip(f"reference files not found at {REFERENCE} (set TENGRI_REFERENCE)")
    return REFERENCE
