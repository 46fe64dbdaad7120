"""Status in Russian: aspect and tense (прибыл, прибудет, посещает), negation (не подписал, так и
не встретились, визит был отменён), modals (может вступить, могут посетить), nouns by their verb."""

from __future__ import annotations

from .conftest import MIRZIYOYEV, PUTIN, TOKAYEV, Code, briefs


def test_a_past_perfective_visit_occurred(code: Code) -> None:
    assert briefs(code("Президент Казахстана Касым-Жомарт Токаев посетил Ташкент.")) == [
        ("CONSULT", "042", TOKAYEV, "UZB", "occurred"),
        ("CONSULT", "043", "UZB", TOKAYEV, "occurred"),
    ]


def test_an_arrival_opens_a_visit_that_is_still_on(code: Code) -> None:
    assert briefs(code("Президент Казахстана Токаев прибыл в Москву.")) == [
        ("CONSULT", "042", TOKAYEV, "RUS", "ongoing"),
        ("CONSULT", "043", "RUS", TOKAYEV, "ongoing"),
    ]


def test_a_perfective_future_is_planned(code: Code) -> None:
    assert briefs(code("Президент Казахстана Токаев прибудет в Москву.")) == [
        ("CONSULT", "042", TOKAYEV, "RUS", "planned"),
        ("CONSULT", "043", "RUS", TOKAYEV, "planned"),
    ]


def test_an_imperfective_present_is_ongoing(code: Code) -> None:
    assert briefs(code("Россия и Китай ведут переговоры о поставках газа.")) == [
        ("CONSULT", "046", "RUS", "CHN", "ongoing"),
    ]


def test_ne_before_the_verb_negates_it(code: Code) -> None:
    assert briefs(code("Казахстан и Россия не подписали соглашение.")) == [
        ("SUPPORT", "057", "KAZ", "RUS", "negated"),
    ]
    assert briefs(code("Путин и Мирзиёев так и не встретились.")) == [
        ("CONSULT", "040", PUTIN, MIRZIYOYEV, "negated"),
    ]


def test_a_cancelled_visit_is_negated(code: Code) -> None:
    assert briefs(code("Визит Токаева в Баку был отменён.")) == [
        ("CONSULT", "042", TOKAYEV, "AZE", "negated"),
        ("CONSULT", "043", "AZE", TOKAYEV, "negated"),
    ]


def test_a_modal_infinitive_is_hypothetical(code: Code) -> None:
    assert briefs(code("Шавкат Мирзиёев может посетить Москву весной.")) == [
        ("CONSULT", "042", MIRZIYOYEV, "RUS", "hypothetical"),
        ("CONSULT", "043", "RUS", MIRZIYOYEV, "hypothetical"),
    ]
    assert briefs(code("Израиль может нанести удар по Ирану.")) == [
        ("ASSAULT", "190", "ISR", "IRN", "hypothetical"),
    ]


def test_a_membership_status_follows_the_same_words(code: Code) -> None:
    [claim] = code("Узбекистан может вступить в ЕАЭС.").memberships
    assert (claim.member.country, claim.organization.id, claim.relation.value) == (
        "UZB", "igo:EAEU", "joined",
    )  # fmt: skip
    assert (claim.status.value, claim.kb_check.value) == ("hypothetical", "unknown")


def test_a_noun_takes_the_tense_of_the_verb_that_governs_it(code: Code) -> None:
    assert briefs(code("Белоруссия проводит внезапную проверку боеготовности.")) == [
        ("MOBILIZE", "152", "BLR", None, "ongoing"),
    ]
    assert briefs(code("Завтра пройдут переговоры Путина и Токаева.")) == [
        ("CONSULT", "040", PUTIN, TOKAYEV, "planned"),
    ]
