"""Dating Russian events: the clause's date phrase with the event's tense, durations, and a
reception dated by the visit it belongs to."""

from __future__ import annotations

import datetime as dt

from .conftest import PUTIN, TOKAYEV, Code


def _dates(result) -> list[tuple[str, dt.date | None, dt.date | None, str]]:  # type: ignore[no-untyped-def]
    return sorted(
        (e.cameo, e.date.start, e.date.end, e.date.precision.value) for e in result.events
    )


def test_a_planned_visit_takes_the_next_such_days(code: Code) -> None:
    text = "Касым-Жомарт Токаев 11–12 ноября совершит государственный визит в Россию."
    assert _dates(code(text, dt.date(2025, 11, 10))) == [
        ("042", dt.date(2025, 11, 11), dt.date(2025, 11, 12), "day"),
        ("043", dt.date(2025, 11, 11), dt.date(2025, 11, 12), "day"),
    ]


def test_a_weekday_with_a_two_day_visit_runs_for_two_days(code: Code) -> None:
    text = "Владимир Путин в среду прибыл в Астану с двухдневным государственным визитом."
    assert _dates(code(text, dt.date(2024, 11, 27))) == [
        ("042", dt.date(2024, 11, 27), dt.date(2024, 11, 28), "day"),
        ("043", dt.date(2024, 11, 27), dt.date(2024, 11, 28), "day"),
    ]


def test_a_reception_takes_the_status_date_and_place_of_its_visit(code: Code) -> None:
    text = (
        "Владимир Путин в среду прибыл в Астану с двухдневным государственным визитом. "
        "Российского президента в Акорде встретил Касым-Жомарт Токаев."
    )
    result = code(text, dt.date(2024, 11, 27))
    [host] = [e for e in result.events if e.cameo == "043"]
    assert (host.source.id, host.target.id, host.status.value) == (TOKAYEV, PUTIN, "ongoing")  # type: ignore[union-attr]
    assert (host.date.start, host.date.end, host.location.name) == (
        dt.date(2024, 11, 27), dt.date(2024, 11, 28), "Astana",
    )  # fmt: skip


def test_an_event_with_no_date_in_its_sentence_is_not_given_the_publication_date(
    code: Code,
) -> None:
    assert _dates(code("Литва понизила уровень дипломатических отношений с Китаем.")) == [
        ("161", None, None, "unknown"),
    ]
