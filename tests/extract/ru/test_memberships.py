"""Russian membership claims, checked against the KB on their dates."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import Code


def _claims(result) -> list[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (m.member.country, m.organization.id, m.relation.value, m.status.value, m.kb_check.value)
        for m in result.memberships
    ]


@pytest.mark.parametrize(
    ("text", "published", "claim"),
    [
        ("Киргизия является членом ЕАЭС.", dt.date(2025, 9, 3),
         ("KGZ", "igo:EAEU", "member", "occurred", "consistent")),
        ("Казахстан вступил в БРИКС в прошлом году.", dt.date(2025, 6, 17),
         ("KAZ", "igo:BRICS", "joined", "occurred", "conflict")),
        ("Казахстан является страной-партнёром БРИКС.", dt.date(2025, 6, 17),
         ("KAZ", "igo:BRICS", "partner", "occurred", "consistent")),
        ("Иран получил статус наблюдателя в ЕАЭС.", dt.date(2025, 1, 22),
         ("IRN", "igo:EAEU", "observer", "occurred", "consistent")),
        ("Армения заморозила своё участие в ОДКБ.", dt.date(2024, 3, 14),
         ("ARM", "igo:CSTO", "suspended", "occurred", "consistent")),
        ("Грузия вышла из СНГ в 2009 году.", dt.date(2023, 11, 28),
         ("GEO", "igo:CIS", "left", "occurred", "consistent")),
        ("Белоруссия присоединилась к Шанхайской организации сотрудничества.",
         dt.date(2024, 7, 4), ("BLR", "igo:SCO", "joined", "occurred", "consistent")),
        ("Узбекистан может вступить в ЕАЭС.", dt.date(2024, 9, 18),
         ("UZB", "igo:EAEU", "joined", "hypothetical", "unknown")),
        ("Азербайджан не планирует вступать в ОДКБ.", dt.date(2025, 4, 15),
         ("AZE", "igo:CSTO", "joined", "negated", "unknown")),
    ],
)  # fmt: skip
def test_a_russian_claim_has_its_relation_status_and_kb_check(
    code: Code, text: str, published: dt.date, claim: tuple[str, str, str, str, str]
) -> None:
    assert _claims(code(text, published)) == [claim]


def test_one_claim_may_name_two_organisations(code: Code) -> None:
    assert _claims(code("Киргизия — член ЕАЭС и ОДКБ.", dt.date(2025, 9, 3))) == [
        ("KGZ", "igo:EAEU", "member", "occurred", "consistent"),
        ("KGZ", "igo:CSTO", "member", "occurred", "consistent"),
    ]
