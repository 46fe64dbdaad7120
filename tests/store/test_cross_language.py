"""One real event reported in English and in Russian is one event in the store, with a mention
from each report: Tokayev's state visit to Russia of 11-12 November 2025, told by the English
sample wire story and by a Russian report the tengri team wrote for this test."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from tengri.ingest.records import Loaded
from tengri.model import Document
from tengri.store import EventFilter, find_events, get_event, open_store
from tengri.store.ingest import ingest

pytest.importorskip("pymorphy3", reason="the Russian pipeline needs pymorphy3")

RUSSIAN = (
    "Токаев посетит Россию с государственным визитом\n\n"
    "Президент Казахстана Касым-Жомарт Токаев 11–12 ноября совершит государственный визит в "
    "Россию по приглашению Владимира Путина, сообщила пресс-служба Акорды в понедельник.\n\n"
    "Главы государств проведут переговоры в Кремле, по итогам которых будет подписан пакет "
    "межправительственных документов. Стороны обсудят торгово-экономическое сотрудничество, "
    "энергетику и транспорт."
)


def _english() -> str:
    articles = resources.files("tengri.samples") / "articles"
    return (articles / "s01-kaz-rus-visit-wire.txt").read_text(encoding="utf-8")


def test_a_visit_reported_in_english_and_russian_is_one_event_with_two_mentions(
    tmp_path: Path,
) -> None:
    published = dt.date(2025, 11, 10)
    english = Document("s01-en", _english(), published, lang="en")
    russian = Document("s01-ru", RUSSIAN, published, lang="ru")
    store = open_store(str(tmp_path / "tengri.db"))
    try:
        summary = ingest(store, [Loaded((english,)), Loaded((russian,))])
        assert (summary.stored, dict(summary.quarantined)) == (2, {})
        visits = find_events(
            store, EventFilter(dyad=("KAZ", "RUS"), directed=True, cameo_root="04")
        )
        visit = [v for v in visits if v.cameo == "042" and v.status == "planned"]
        assert len(visit) == 1, [(v.cameo, v.status, v.mention_count) for v in visits]
        assert (visit[0].date["start"], visit[0].date["end"]) == (
            dt.date(2025, 11, 11), dt.date(2025, 11, 12),
        )  # fmt: skip
        assert visit[0].source_count == 2
        detail = get_event(store, visit[0].id)
        languages = sorted({m.sentence[:1].isascii() for m in detail.mentions})
        assert languages == [False, True]  # a Russian sentence and an English one
    finally:
        store.close()


def test_the_store_codes_a_russian_document_it_is_not_told_the_language_of(
    tmp_path: Path,
) -> None:
    russian = Document("s01-ru", RUSSIAN, dt.date(2025, 11, 10))  # no lang: the store detects it
    store = open_store(str(tmp_path / "tengri.db"))
    try:
        summary = ingest(store, [Loaded((russian,))])
        assert (summary.stored, dict(summary.quarantined)) == (1, {})
        assert find_events(store, EventFilter(dyad=("KAZ", "RUS")))
    finally:
        store.close()
