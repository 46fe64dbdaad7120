"""The step order: nothing is read before a step has written it."""

from __future__ import annotations

from tengri.extract.pipeline import GIVEN, STEPS, Step, check_order


def test_every_read_comes_after_a_write() -> None:
    assert check_order() == []


def test_check_order_reports_a_step_that_reads_too_early() -> None:
    early = Step("early", lambda analysis: {}, frozenset({"candidates"}), frozenset())
    assert check_order((early, *STEPS)) == [
        "step 'early' reads ['candidates'] before they are written"
    ]


def test_every_written_field_exists_on_the_analysis() -> None:
    from dataclasses import fields

    from tengri.extract.analysis import Analysis

    names = {f.name for f in fields(Analysis)} | GIVEN
    for step in STEPS:
        assert step.writes <= names, step.name
        assert step.reads <= names, step.name


def test_the_last_step_publishes_the_events() -> None:
    assert "events" in STEPS[-1].writes
