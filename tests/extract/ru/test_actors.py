"""Russian actor mentions: names in every case, title + state in the genitive, adjectives, agent
nouns with their state, "глава МИД", pronouns, the pair in focus, names in «quotes»."""

from __future__ import annotations

from tengri.extract.analysis import Analysis
from tengri.extract.pipeline import PIPELINES
from tengri.kb import Mention
from tengri.model import Document

from .conftest import PUBLISHED, PUTIN, TOKAYEV


def _mentions(text: str, kb) -> list[tuple[str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    analysis = Analysis(document=Document("a", text, PUBLISHED, lang="ru"), kb=kb)
    for step in PIPELINES["ru"][:2]:  # segment, actors
        for name, value in step.run(analysis).items():
            setattr(analysis, name, value)
    return [_brief(m) for m in analysis.mentions]


def _brief(m: Mention) -> tuple[str, str, str | None, str | None]:
    return (m.text, m.kind, m.entity, m.country)


def test_a_surname_in_any_case_is_the_person(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Путин провёл переговоры с Токаевым в Москве.", kb) == [
        ("Путин", "person", PUTIN, "RUS"),
        ("Токаевым", "person", TOKAYEV, "KAZ"),
        ("Москве", "place", "place:524901", "RUS"),
    ]


def test_a_title_with_its_state_in_the_genitive_and_a_name_is_one_person(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.", kb)[0] == (
        "Президент Казахстана Касым-Жомарт Токаев", "person", TOKAYEV, "KAZ",
    )  # fmt: skip
    assert _mentions("Переговоры с президентом России прошли в Астане.", kb)[0] == (
        "президентом России", "person", PUTIN, "RUS",
    )  # fmt: skip


def test_a_state_adjective_with_a_title_is_the_holder_of_the_office(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Российский президент прибыл в Астану с визитом.", kb)[0] == (
        "Российский президент", "person", PUTIN, "RUS",
    )  # fmt: skip


def test_an_agent_noun_before_a_state_in_the_genitive_is_a_group_of_that_state(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Делегации Киргизии и Таджикистана проводят переговоры.", kb)[:2] == [
        ("Делегации Киргизии", "institution", None, "KGZ"),
        ("Таджикистана", "state", "TJK", "TJK"),
    ]


def test_the_head_of_a_foreign_ministry_is_the_foreign_minister_on_the_day(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Во вторник встретились главы МИД Казахстана и Узбекистана.", kb) == [
        ("главы МИД Казахстана", "person", "person:yermek-kosherbayev", "KAZ"),
        ("Узбекистана", "person", "person:bakhtiyor-saidov", "UZB"),
    ]


def test_an_object_pronoun_is_the_person_last_named(kb) -> None:  # type: ignore[no-untyped-def]
    found = _mentions("Токаев позвонил Ильхаму Алиеву и поздравил его с победой.", kb)
    assert found[-1] == ("его", "person", "person:ilham-aliyev", "AZE")


def test_both_sides_are_the_pair_in_focus(kb) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Казахстан и Россия провели переговоры в Астане. Обе стороны подписали соглашения, "
        "сообщили в МИД Казахстана и России."
    )
    pair = [m for m in _mentions(text, kb) if m[0] == "Обе стороны"]
    assert pair == [("Обе стороны", "state", "KAZ", "KAZ"), ("Обе стороны", "state", "RUS", "RUS")]


def test_names_inside_quotes_and_adjective_forms_of_small_towns_are_not_actors(kb) -> None:  # type: ignore[no-untyped-def]
    assert _mentions("Газопровод «Сила Сибири» построят к 2030 году в Китае.", kb) == [
        ("Китае", "state", "CHN", "CHN")
    ]
    assert [m for m in _mentions("Корабли вышли в Каспийском море на учения.", kb)] == []
