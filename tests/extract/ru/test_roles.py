"""Russian roles from grammatical case: the nominative subject before or after the verb, the
accusative object, the dative addressee, «с» + instrumental, «в» + place, the genitive of a noun."""

from __future__ import annotations

from .conftest import MIRZIYOYEV, PUTIN, TOKAYEV, Code, briefs


def test_the_accusative_object_of_a_visit_is_its_target(code: Code) -> None:
    assert briefs(code("Президент Узбекистана Шавкат Мирзиёев посетил Казахстан с визитом.")) == [
        ("CONSULT", "042", MIRZIYOYEV, "KAZ", "occurred"),
        ("CONSULT", "043", "KAZ", MIRZIYOYEV, "occurred"),
    ]


def test_a_subject_after_the_verb_and_an_object_before_it_are_read_by_case(code: Code) -> None:
    text = "Российского президента в Акорде встретил Касым-Жомарт Токаев."
    assert briefs(code(text)) == [
        ("CONSULT", "042", PUTIN, TOKAYEV, "occurred"),
        ("CONSULT", "043", TOKAYEV, PUTIN, "occurred"),
    ]


def test_the_dative_is_the_one_called_or_threatened(code: Code) -> None:
    assert briefs(code("Президент Казахстана позвонил Шавкату Мирзиёеву во вторник.")) == [
        ("CONSULT", "041", TOKAYEV, MIRZIYOYEV, "occurred"),
    ]
    assert briefs(code("Северная Корея пригрозила Южной Корее ответными мерами.")) == [
        ("THREATEN", "130", "PRK", "KOR", "occurred"),
    ]


def test_s_with_the_instrumental_is_the_partner_of_a_symmetric_event(code: Code) -> None:
    [call] = code("Владимир Путин провёл телефонный разговор с Токаевым.").events
    assert (call.cameo, call.source.id, call.target.id) == ("041", PUTIN, TOKAYEV)  # type: ignore[union-attr]
    assert [p.id for p in call.participants] == [PUTIN, TOKAYEV]


def test_the_genitive_after_a_noun_is_who_acts_and_coordinated_names_are_both_sides(
    code: Code,
) -> None:
    assert briefs(code("В Минске состоялись переговоры Путина и Токаева.")) == [
        ("CONSULT", "044", PUTIN, TOKAYEV, "occurred"),
    ]


def test_coordinated_states_in_the_nominative_are_both_sides_of_a_signing(code: Code) -> None:
    [signing] = code("Казахстан и Россия подписали соглашение о сотрудничестве.").events
    assert (signing.type, signing.cameo, signing.source.country, signing.target.country) == (  # type: ignore[union-attr]
        "SUPPORT", "057", "KAZ", "RUS",
    )  # fmt: skip
    assert [p.country for p in signing.participants] == ["KAZ", "RUS"]


def test_a_capital_standing_as_an_actor_is_its_state(code: Code) -> None:
    assert briefs(code("Баку обвинил Ереван в нарушении режима прекращения огня.")) == [
        ("ACCUSE", "112", "AZE", "ARM", "occurred"),
    ]


def test_an_invitation_by_a_genitive_goes_to_the_subject_of_the_sentence(code: Code) -> None:
    text = "Касым-Жомарт Токаев посетит Россию по приглашению Владимира Путина."
    assert ("AGREE", "036", PUTIN, TOKAYEV, "occurred") in briefs(code(text))


def test_a_trip_inside_the_own_state_has_a_place_and_no_target(code: Code) -> None:
    [trip] = code("Президент Казахстана Касым-Жомарт Токаев посетил Туркестан.").events
    assert (trip.cameo, trip.source.id, trip.target) == ("042", TOKAYEV, None)  # type: ignore[union-attr]
    assert (trip.location.name, trip.location.country) == ("Turkistan", "KAZ")


def test_a_visit_noun_after_its_state_takes_it_as_target(code: Code) -> None:
    text = "Токаев, находящийся в России с государственным визитом, встретился со студентами."
    visit = [b for b in briefs(code(text)) if b[1] in {"042", "043"}]
    assert visit == [
        ("CONSULT", "042", TOKAYEV, "RUS", "ongoing"),
        ("CONSULT", "043", "RUS", TOKAYEV, "ongoing"),
    ]


def test_the_genitive_after_a_praised_noun_is_the_one_praised(code: Code) -> None:
    assert briefs(code("Путин высоко оценил вклад Казахстана в работу ЕАЭС.")) == [
        ("SUPPORT", "051", PUTIN, "KAZ", "occurred"),
    ]
