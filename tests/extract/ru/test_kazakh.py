"""Kazakh is detected, its actors and dates are read, and it is skipped with a reason that says
what was read and that nothing is coded; `tengri extract` reports it and codes Russian beside it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tengri.cli import app
from tengri.extract import UnsupportedLanguage, document_language, extract_document
from tengri.extract.ru.kazakh import find_dates
from tengri.model import Document

KAZAKH = (
    "Қазақстан Президенті Қасым-Жомарт Тоқаев 11 қарашада Мәскеуге мемлекеттік сапармен барады. "
    "Сапар барысында Владимир Путин мен Шавкат Мирзиёев те кездеседі."
)
RUSSIAN = (
    "Президент Казахстана Касым-Жомарт Токаев 11–12 ноября совершит государственный визит в "
    "Россию по приглашению Владимира Путина. В ходе визита стороны подпишут пакет документов "
    "о стратегическом партнёрстве и обсудят торгово-экономическое сотрудничество."
)


def test_a_kazakh_text_is_detected_as_kazakh() -> None:
    assert document_language(KAZAKH) == "kk"


def test_kazakh_is_skipped_with_the_actors_and_dates_it_names(kb) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnsupportedLanguage) as caught:
        extract_document(Document("kk-1", KAZAKH, dt.date(2025, 11, 10)), kb)
    reason = str(caught.value)
    assert reason.startswith("kk-1: Kazakh (kk) is read but not coded: no events, facts or")
    assert "Қасым-Жомарт Тоқаев -> person:kassym-jomart-tokayev" in reason
    assert "Владимир Путин -> person:vladimir-putin" in reason
    assert "11 қарашада -> 2025-11-11..2025-11-11" in reason


def test_kazakh_dates_resolve_by_the_english_rules() -> None:
    [expr] = find_dates("2025 жылғы 11-12 қарашада")
    date = expr.resolve(dt.date(2025, 11, 1), "future")
    assert (date.start, date.end, date.precision.value) == (
        dt.date(2025, 11, 11), dt.date(2025, 11, 12), "day",
    )  # fmt: skip
    [weekday] = find_dates("сәрсенбіде")
    assert weekday.resolve(dt.date(2025, 11, 11), "past").start == dt.date(2025, 11, 5)


def test_tengri_extract_codes_russian_and_reports_kazakh_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "kk.txt").write_text(KAZAKH, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["extract", str(tmp_path / "ru.txt"), str(tmp_path / "kk.txt"), "--published",
         "2025-11-10"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    visits = [r for r in records if r["record"] == "event" and r.get("cameo") == "042"]
    assert [(v["source"]["id"], v["target"]["country"], v["status"]) for v in visits] == [
        ("person:kassym-jomart-tokayev", "RUS", "planned")
    ]
    assert "Kazakh (kk) is read but not coded" in result.stderr
