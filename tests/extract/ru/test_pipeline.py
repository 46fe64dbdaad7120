"""The Russian pipeline is registered, in order, writes what English writes, and a Russian text
is coded by `tengri extract` without --lang."""

from __future__ import annotations

import datetime as dt

from tengri.extract import document_language, extract_document, languages
from tengri.extract.pipeline import PIPELINES, STEPS, check_order
from tengri.model import Document


def test_russian_is_a_coded_language_and_its_steps_read_nothing_before_it_is_written() -> None:
    assert "ru" in languages()
    assert check_order(PIPELINES["ru"]) == []


def test_the_russian_pipeline_writes_every_field_the_english_one_writes() -> None:
    def written(steps) -> set[str]:  # type: ignore[no-untyped-def]
        return set().union(*(s.writes for s in steps))

    assert written(PIPELINES["ru"]) == written(STEPS)


def test_language_independent_steps_are_the_english_ones() -> None:
    english = {s.name: s.run for s in STEPS}
    russian = {s.name: s.run for s in PIPELINES["ru"]}
    assert russian["segment"] is english["segment"]
    assert russian["merge"] is english["merge"]


def test_a_russian_text_is_detected_and_coded_without_a_language_given(kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Президент Казахстана Касым-Жомарт Токаев 11–12 ноября совершит государственный визит "
        "в Россию по приглашению Владимира Путина. Стороны подпишут около 20 документов."
    )
    assert document_language(text) == "ru"
    result = extract_document(Document("ru-auto", text, dt.date(2025, 11, 10)), kb)
    assert result.document.lang == "ru"
    assert ("CONSULT", "042", "planned") in [
        (e.type, e.cameo, e.status.value) for e in result.events
    ]
    assert all(0 <= e.evidence.start < e.evidence.end <= len(text) for e in result.events)
    for event in result.events:
        trigger = event.evidence.trigger
        assert trigger is not None and text[trigger.start : trigger.end] == trigger.text
