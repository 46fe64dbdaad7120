"""Every PLOVER type and CONSULT mode from a Russian sentence, with its CAMEO code and actors."""

from __future__ import annotations

import pytest

from .conftest import Code, briefs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Президент Узбекистана Шавкат Мирзиёев посетил Бишкек в понедельник.",
         ("CONSULT", "042", "person:shavkat-mirziyoyev", "KGZ", "occurred")),
        ("Путин и Токаев в четверг провели телефонный разговор.",
         ("CONSULT", "041", "person:vladimir-putin", "person:kassym-jomart-tokayev", "occurred")),
        ("Министры иностранных дел Армении и Азербайджана провели переговоры.",
         ("CONSULT", "040", "person:ararat-mirzoyan", "person:jeyhun-bayramov", "occurred")),
        ("Россия и Китай ведут переговоры о строительстве газопровода.",
         ("CONSULT", "046", "RUS", "CHN", "ongoing")),
        ("Казахстан выступил посредником на переговорах между Арменией и Азербайджаном.",
         ("CONSULT", "045", "KAZ", "ARM", "occurred")),
        ("Владимир Путин пригласил Шавката Мирзиёева посетить Россию.",
         ("AGREE", "036", "person:vladimir-putin", "person:shavkat-mirziyoyev", "occurred")),
        ("Казахстан и Россия подписали соглашение о сотрудничестве.",
         ("SUPPORT", "057", "KAZ", "RUS", "occurred")),
        ("Путин поблагодарил Токаева за тёплый приём в Астане.",
         ("SUPPORT", "051", "person:vladimir-putin", "person:kassym-jomart-tokayev", "occurred")),
        ("Казахстанские и китайские военные проводят совместные учения.",
         ("COOPERATE", "062", "KAZ", "CHN", "ongoing")),
        ("Казахстан направил в Афганистан гуманитарную помощь.",
         ("AID", "073", "KAZ", "AFG", "occurred")),
        ("Минск пошёл на уступки Варшаве и открыл пограничный переход.",
         ("CONCEDE", "080", "BLR", "POL", "occurred")),
        ("Россия освободила 150 украинских военнопленных.",
         ("RETREAT", "0841", "RUS", "UKR", "occurred")),
        ("МИД Азербайджана потребовал от Франции прекратить поставки оружия.",
         ("REQUEST", "100", "AZE", "FRA", "occurred")),
        ("Министерство иностранных дел России осудило решение Финляндии.",
         ("ACCUSE", "111", "RUS", "FIN", "occurred")),
        ("Тбилиси отверг предложение Евросоюза о посредничестве.",
         ("REJECT", "120", "GEO", None, "occurred")),
        ("Северная Корея пригрозила Южной Корее ответными мерами.",
         ("THREATEN", "130", "PRK", "KOR", "occurred")),
        ("Водители грузовиков в Бишкеке объявили забастовку.",
         ("PROTEST", "143", "KGZ", None, "occurred")),
        ("Молдавия выслала российского дипломата из Кишинёва.",
         ("SANCTION", "166", "MDA", "RUS", "occurred")),
        ("Вооружённые силы Белоруссии провели военные учения.",
         ("MOBILIZE", "150", "BLR", None, "occurred")),
        ("Евросоюз ввёл санкции против Белоруссии.",
         ("COERCE", "163", "igo:EU", "BLR", "occurred")),
        ("Российская армия нанесла удар по Харькову.",
         ("ASSAULT", "190", "RUS", "UKR", "occurred")),
    ],
)  # fmt: skip
def test_a_russian_sentence_is_coded_with_its_type_code_and_actors(
    code: Code, text: str, expected: tuple[str, str, str | None, str | None, str]
) -> None:
    found = briefs(code(text))
    igo = [b for b in found if b[0] == expected[0]]
    if expected[2] == "igo:EU":
        igo = [(t, c, "igo:EU", tg, s) for t, c, _, tg, s in igo]
    assert expected in igo, found


def test_a_public_statement_alone_is_no_event(code: Code) -> None:
    assert (
        briefs(code("Песков заявил журналистам, что Кремль внимательно следит за ситуацией.")) == []
    )


def test_a_football_visit_and_a_figurative_blow_are_no_events(code: Code) -> None:
    assert briefs(code("Футбольный клуб «Кайрат» посетит Мадрид в Лиге чемпионов.")) == []
    assert briefs(code("Инфляция ударила по кошелькам граждан в этом году.")) == []
    assert briefs(code("Новая реформа нанесла удар по малому бизнесу страны.")) == []
