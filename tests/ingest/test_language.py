"""Language of a document and of the paragraphs of a mixed page."""

from __future__ import annotations

from tengri.ingest.language import detect_language, paragraph_languages
from tengri.ingest.records import LanguageShare

ENGLISH = (
    "Kazakh President Kassym-Jomart Tokayev arrived in Moscow on Tuesday for a state "
    "visit at the invitation of his Russian counterpart."
)
RUSSIAN = (
    "Президент Казахстана прибыл в Москву с государственным визитом по приглашению "
    "российского коллеги, сообщила пресс-служба."
)
RUSSIAN_2 = (
    "Стороны обсудили торговлю, энергетику и транспорт, а также подписали несколько "
    "документов о сотрудничестве в разных областях."
)


def test_an_english_text_is_english_with_high_confidence() -> None:
    lang, confidence = detect_language(ENGLISH)
    assert lang == "en"
    assert confidence > 0.9


def test_a_text_with_too_few_letters_is_undetermined() -> None:
    assert detect_language("12.11.2025 — 14:00") == ("und", 0.0)


def test_a_mixed_page_gives_each_language_its_share_of_letters() -> None:
    shares = paragraph_languages("\n\n".join([RUSSIAN, RUSSIAN_2, ENGLISH]))
    assert [(s.lang, s.paragraphs) for s in shares] == [("ru", 2), ("en", 1)]
    assert abs(sum(s.share for s in shares) - 1.0) < 0.01
    assert shares[0].share > shares[1].share


def test_a_single_language_page_has_one_share() -> None:
    assert paragraph_languages(ENGLISH + "\n" + ENGLISH) == (LanguageShare("en", 1.0, 2),)


def test_short_lines_are_left_out_of_the_shares() -> None:
    assert paragraph_languages("Home\nWorld\nSport") == ()
