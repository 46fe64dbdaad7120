"""Russian triggers: every form of a lemma, the form's tense and aspect, anaphoric nouns, vetoes."""

from __future__ import annotations

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.ru.lexicon import russian_forms
from tengri.extract.ru.triggers import find_triggers
from tengri.model import Document


def _triggers(text: str, kb) -> list[tuple[str, str, str, bool]]:  # type: ignore[no-untyped-def]
    analysis = Analysis(document=Document("t", text, None, lang="ru"), kb=kb)
    analysis.sentences = (Sentence(0, 0, len(text), text, 0),)
    found = find_triggers(analysis)["triggers"]
    return [(t.entry, t.text, t.form, t.anaphoric) for t in found]  # type: ignore[attr-defined]


def test_a_verb_lemma_gives_its_forms_with_tense_and_aspect() -> None:
    forms = russian_forms("посетить|посещать")
    assert (forms["посетил"], forms["посетит"], forms["посещает"], forms["посетить"]) == (
        "VBD", "VBF", "VBZ", "VB",
    )  # fmt: skip
    assert (forms["посетив"], forms["посетили"], forms["посетят"]) == ("VBG", "VBD", "VBF")


def test_a_noun_lemma_gives_its_cases_and_yo_is_also_written_e() -> None:
    assert {"визит", "визита", "визитом", "визите", "визитов"} <= set(russian_forms("визит"))
    assert {"нанёс", "нанес"} <= set(russian_forms("нанести"))


def test_arrival_and_state_visit_phrases_are_visit_triggers(kb) -> None:  # type: ignore[no-untyped-def]
    assert _triggers("Токаев прибыл в Москву.", kb) == [("visit", "прибыл в", "VBD", False)]
    assert _triggers("Токаев совершит государственный визит в Россию.", kb) == [
        ("visit", "совершит государственный визит", "VBF", False)
    ]
    assert _triggers("Мирзиёев находится с визитом в Бишкеке.", kb) == [
        ("visit", "находится с визитом", "VBZ", False)
    ]


def test_phone_talks_signing_and_sanctions_are_found_by_their_longest_phrase(kb) -> None:  # type: ignore[no-untyped-def]
    assert _triggers("Путин и Токаев провели телефонный разговор.", kb) == [
        ("phone", "провели телефонный разговор", "VBD", False)
    ]
    assert _triggers("Стороны провели переговоры.", kb) == [
        ("meet", "провели переговоры", "VBD", False)
    ]
    assert _triggers("Евросоюз ввёл санкции против Белоруссии.", kb) == [
        ("impose-sanctions", "ввёл санкции", "VBD", False)
    ]
    assert _triggers("Литва выслала дипломатов.", kb) == [("expel", "выслала", "VBD", False)]


def test_a_noun_after_a_demonstrative_or_a_setting_refers_back(kb) -> None:  # type: ignore[no-untyped-def]
    assert _triggers("В ходе визита стороны подписали соглашения.", kb)[0] == (
        "visit", "визита", "noun", True,
    )  # fmt: skip
    assert _triggers("Этот визит стал историческим.", kb) == [("visit", "визит", "noun", True)]


def test_sports_tourism_and_business_words_veto_a_trigger(kb) -> None:  # type: ignore[no-untyped-def]
    assert _triggers("Футбольный клуб «Кайрат» посетит Мадрид.", kb) == []
    assert _triggers("Летом туристы из России посещают Иссык-Куль.", kb) == []
    assert _triggers("Банк подписал соглашение с поставщиком.", kb) == []


def test_a_veto_word_counts_only_inside_the_trigger_clause(kb) -> None:  # type: ignore[no-untyped-def]
    assert _triggers("Токаев посетит МГИМО, где выступит перед студентами.", kb) == [
        ("visit", "посетит", "VBF", False)
    ]
    assert _triggers("Узбекистан посетили 600 тысяч иностранных туристов.", kb) == []
