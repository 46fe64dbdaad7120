"""Events inside other Russian events: invitations, threats and agreements fold what they are
about; the manner of a visit, its talks and its reception belong to it."""

from __future__ import annotations

from .conftest import PUTIN, TOKAYEV, Code, briefs


def test_an_invitation_to_visit_is_one_agree_event(code: Code) -> None:
    text = "Владимир Путин пригласил Шавката Мирзиёева посетить Россию с государственным визитом."
    assert briefs(code(text)) == [
        ("AGREE", "036", PUTIN, "person:shavkat-mirziyoyev", "occurred"),
    ]


def test_agreeing_to_hold_exercises_is_agree_0312(code: Code) -> None:
    text = "Министры обороны России и Белоруссии договорились провести совместные учения."
    [agree] = code(text).events
    assert (agree.type, agree.cameo, agree.status.value) == ("AGREE", "0312", "occurred")


def test_a_state_visit_named_after_the_verb_is_the_same_visit(code: Code) -> None:
    text = "Садыр Жапаров в октябре посетит Душанбе с официальным визитом."
    result = code(text)
    assert briefs(result) == [
        ("CONSULT", "042", "person:sadyr-japarov", "TJK", "planned"),
        ("CONSULT", "043", "TJK", "person:sadyr-japarov", "planned"),
    ]


def test_a_threat_of_sanctions_is_one_threaten_event(code: Code) -> None:
    assert briefs(code("США пригрозили Китаю новыми санкциями из-за Тайваня.")) == [
        ("THREATEN", "1312", "USA", "CHN", "occurred"),
    ]


def test_talks_told_again_in_a_later_sentence_are_a_mention(code: Code) -> None:
    text = (
        "Токаев прибыл в Москву с государственным визитом. "
        "В ходе визита стороны подписали 20 документов."
    )
    visits = [e for e in code(text).events if e.cameo == "042"]
    assert [v.source.id for v in visits] == [TOKAYEV]  # type: ignore[union-attr]
    assert "визита" in [m.trigger.text for m in visits[0].mentions if m.trigger]
