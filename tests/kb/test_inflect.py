"""Russian names match in every grammatical case, with the ids of their English names.

`tengri.kb.inflect` makes the case forms when the KB is built; these tests read them through the
shipped KB (`find_mentions`) and through `case_forms` itself.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.kb import find_mentions
from tengri.kb.inflect import adjective_forms, case_forms, read_adjectives

pytest.importorskip("pymorphy3", reason="Russian case forms need pymorphy3")

ON = dt.date(2025, 11, 11)


def _resolved(kb, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.entity, m.country) for m in find_mentions(kb, text, ON)]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Токаев", "person:kassym-jomart-tokayev"),
        ("Токаева", "person:kassym-jomart-tokayev"),
        ("Токаеву", "person:kassym-jomart-tokayev"),
        ("Токаевым", "person:kassym-jomart-tokayev"),
        ("Касым-Жомартом Токаевым", "person:kassym-jomart-tokayev"),
        ("Казахстан", "KAZ"),
        ("Казахстана", "KAZ"),
        ("Казахстане", "KAZ"),
        ("Россией", "RUS"),
        ("ОДКБ", "igo:CSTO"),
        ("Организация Договора о коллективной безопасности", "igo:CSTO"),
        ("Организации Договора о коллективной безопасности", "igo:CSTO"),
        ("Шанхайской организацией сотрудничества", "igo:SCO"),
        ("Евразийского экономического союза", "igo:EAEU"),
        ("Соединёнными Штатами", "USA"),
        ("Москве", "place:524901"),
    ],
)
def test_a_russian_name_in_any_case_resolves_to_the_english_id(kb, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    assert _resolved(kb, f"Речь шла о {text} и других.")[0][:2] == (text, entity)


def test_in_kazakhstan_is_the_state_after_the_preposition(kb) -> None:  # type: ignore[no-untyped-def]
    assert _resolved(kb, "в Казахстане") == [("Казахстане", "KAZ", "KAZ")]


def test_a_title_in_any_case_with_its_state_is_the_holder_on_the_day(kb) -> None:  # type: ignore[no-untyped-def]
    assert _resolved(kb, "встреча с президентом России") == [
        ("президентом России", "person:vladimir-putin", "RUS")
    ]
    assert _resolved(kb, "российского президента") == [
        ("российского президента", "person:vladimir-putin", "RUS")
    ]


def test_person_names_decline_by_the_rules_for_russian_names() -> None:
    assert case_forms("Сергей Лавров", person=True) == {
        "Сергей Лавров": {"nomn"},
        "Сергея Лаврова": {"gent", "accs"},
        "Сергею Лаврову": {"datv"},
        "Сергеем Лавровым": {"ablt"},
        "Сергее Лаврове": {"loct"},
    }
    assert case_forms("Мария Захарова", person=True)["Марию Захарову"] == {"accs"}
    assert case_forms("Владимир Зеленский", person=True)["Владимиром Зеленским"] == {"ablt"}
    assert set(case_forms("Майя Санду", person=True)) == {
        "Майя Санду", "Майи Санду", "Майе Санду", "Майю Санду", "Майей Санду",
    }  # fmt: skip


def test_a_foreign_name_in_a_vowel_does_not_decline_and_a_foreign_in_consonant_does() -> None:
    assert set(case_forms("Лукашенко", person=True)) == {"Лукашенко"}
    assert "Си Цзиньпином" in case_forms("Си Цзиньпин", person=True)


def test_a_noun_phrase_declines_its_adjectives_and_first_noun_and_keeps_the_rest() -> None:
    forms = case_forms("Республика Казахстан")
    assert (forms["Республики Казахстан"], forms["Республике Казахстан"]) == (
        {"gent"}, {"datv", "loct"},
    )  # fmt: skip
    assert "Объединённых Арабских Эмиратов" in case_forms("Объединённые Арабские Эмираты")


def test_acronyms_and_non_russian_words_are_left_as_they_are() -> None:
    assert case_forms("ОДКБ") == {"ОДКБ": {"nomn"}}
    assert case_forms("Қазақстан") == {"Қазақстан": {"nomn"}}


def test_state_adjectives_are_data_for_real_states_and_decline_fully(kb) -> None:  # type: ignore[no-untyped-def]
    from tengri.kb.load import shipped_data_dir

    rows = read_adjectives(shipped_data_dir())
    assert len(rows) >= 70
    assert all(kb.get(state) is not None for state, _ in rows)
    assert {"российский", "российского", "российской", "российскими"} <= adjective_forms(
        "российский"
    )


def test_the_cache_keeps_the_forms(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tengri.kb import load
    from tengri.kb.cache import cached_kb

    monkeypatch.setenv("TENGRI_CACHE_DIR", str(tmp_path))
    data_dir = load.shipped_data_dir()
    built = cached_kb(data_dir, (), lambda: load.build_kb(data_dir))
    again = cached_kb(data_dir, (), lambda: pytest.fail("the cache was not used"))
    assert again.name_index.keys_for("Токаевым") == built.name_index.keys_for("Токаевым") != ()
