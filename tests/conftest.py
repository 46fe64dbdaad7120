"""Shared test set-up: where the shared reference data is, how missing services behave, and
how property tests draw their inputs in CI.

Tests that need PostgreSQL, Chromium or ../shared skip on a developer's machine without them;
in CI (TENGRI_CI=1, set by .ci/run) a missing service fails the run instead, so a marker can
never pass by running nowhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_16dfb7eff7418677.txt"
REFERENCE = SHARED / "reference"


# Property tests draw the same inputs on every run in CI, with no deadline: a red CI run is a bug
# anyone can reproduce, never a draw or a slow moment. `make harden` draws fresh inputs.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
if os.environ.get("TENGRI_CI"):
    settings.load_profile("ci")


def require(available: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) when something a test needs is missing."""
    if available:
        return
    if os.environ.get("TENGRI_CI") and what.startswith("service:"):
        pytest.fail(f"{what} is not available in CI; .ci/run should install it")
    pytest.skip(f"{what} not available")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The founding article, when ../shared is present (tests skip cleanly otherwise)."""
    require(SEED.exists(), f"seed article {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    from tengri.kb import load_kb

    return load_kb()
