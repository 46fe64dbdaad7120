"""Shared set-up for the hardening suites: how many cases each fuzz test tries (scaled by
TENGRI_FUZZ_SCALE, which `make harden` raises), a wall-clock bound for one call, and the
figures every suite adds to, printed at the end of the run.

The figures are what the issue asks to report: how many inputs each parser was given, how
many API calls the schema fuzzer made and what came back, what the load test measured.
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, settings

T = TypeVar("T")

SCALE = max(1, int(os.environ.get("TENGRI_FUZZ_SCALE", "1") or "1"))


def fuzz_settings(examples: int, **overrides: Any) -> settings:
    """Hypothesis settings for a fuzz test: `examples` cases (times TENGRI_FUZZ_SCALE), no
    deadline of hypothesis' own (`bounded` fails a hang instead, so a slow CI machine does
    not flake), and no database. At the default scale (the test suite, CI) the cases are the
    same on every run, so a red suite always means a change of ours; `make harden` raises the
    scale and tries fresh random inputs on every run to find what the fixed ones miss."""
    values: dict[str, Any] = {
        "max_examples": examples * SCALE,
        "deadline": None,
        "database": None,
        "derandomize": SCALE == 1,
        "suppress_health_check": [
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    }
    values.update(overrides)
    return settings(**values)


class Hang(AssertionError):
    """A call did not return within its time budget."""


def bounded(seconds: float, call: Callable[[], T]) -> T:
    """`call()` run in a thread that must finish within `seconds`; its exception, if any, is
    raised here. A call that overruns fails the test as a hang (the thread is a daemon, so a
    true infinite loop cannot keep the test run alive)."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed back to the caller, whatever it is
            outcome["error"] = exc

    worker = threading.Thread(target=target, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise Hang(f"no answer within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]


class Figures:
    """Counters the suites add to (cases tried per parser, API answers by status, ...) and
    lines of measurements, printed in the terminal summary."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.lines: list[str] = []
        self._lock = threading.Lock()

    def count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self.counts[name] += n

    def note(self, line: str) -> None:
        with self._lock:
            self.lines.append(line)


FIGURES = Figures()


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    yield FIGURES


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not FIGURES.counts and not FIGURES.lines:
        return
    terminalreporter.section("hardening figures")
    width = max((len(name) for name in FIGURES.counts), default=0)
    for name in sorted(FIGURES.counts):
        terminalreporter.write_line(f"{name:<{width}}  {FIGURES.counts[name]:>8}")
    for line in FIGURES.lines:
        terminalreporter.write_line(line)


# --- the API over a temp store: the fixtures of tests/api, shared rather than copied --------

from tests.api import conftest as _api  # noqa: E402

template = _api.template
keys = _api.keys
db_path = _api.db_path
