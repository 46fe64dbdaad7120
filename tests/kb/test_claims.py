"""Claims checked against the KB: consistent, conflict or unknown, with what the KB holds.

Memberships and offices are checked on the first and the last day of the KB's intervals
(half-open [start, end): `end` is the first day a fact no longer holds).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.kb import KnowledgeBase
from tengri.model import KBCheck

D = dt.date.fromisoformat


def _membership(
    kb: KnowledgeBase, member: str, organization: str, relation: str, on: str
) -> tuple[KBCheck, list[tuple[str, str | None, str | None]], str]:
    check = kb.check_membership(member, organization, relation, D(on))
    held = [
        (m.kind, m.when.start and m.when.start.isoformat(), m.when.end and m.when.end.isoformat())
        for m in check.held
    ]
    return check.result, held, check.explanation


def _office(
    kb: KnowledgeBase, person: str, office: str, on: str
) -> tuple[KBCheck, list[tuple[str, str, bool]], str]:
    check = kb.check_office(person, office, D(on))
    return check.result, [(t.office, t.person, t.acting) for t in check.held], check.explanation


# -- memberships ------------------------------------------------------------------------------


def test_kazakhstan_is_a_brics_partner_from_the_first_day_of_2025(kb: KnowledgeBase) -> None:
    assert _membership(kb, "KAZ", "igo:BRICS", "partner", "2025-01-01") == (
        KBCheck.CONSISTENT,
        [("partner", "2025-01-01", None)],
        "",
    )


def test_kazakhstan_is_not_yet_a_brics_partner_on_the_last_day_of_2024(kb: KnowledgeBase) -> None:
    assert _membership(kb, "KAZ", "igo:BRICS", "partner", "2024-12-31") == (
        KBCheck.CONFLICT,
        [("partner", "2025-01-01", None)],
        "the KB holds a different relation on that date",
    )


def test_kazakhstan_as_a_full_brics_member_conflicts_with_its_partner_status(
    kb: KnowledgeBase,
) -> None:
    assert _membership(kb, "KAZ", "igo:BRICS", "member", "2025-11-11") == (
        KBCheck.CONFLICT,
        [("partner", "2025-01-01", None)],
        "the KB holds a different relation on that date",
    )


def test_georgia_is_a_cis_member_on_its_last_day_and_not_the_day_it_left(kb: KnowledgeBase) -> None:
    assert _membership(kb, "GEO", "igo:CIS", "member", "2009-08-17") == (
        KBCheck.CONSISTENT,
        [("member", None, "2009-08-18")],
        "",
    )
    assert _membership(kb, "GEO", "igo:CIS", "member", "2009-08-18") == (
        KBCheck.CONFLICT,
        [("withdrawn", "2009-08-18", None)],
        "the KB holds a different relation on that date",
    )


def test_georgia_left_the_cis_on_the_day_its_withdrawal_took_effect(kb: KnowledgeBase) -> None:
    assert _membership(kb, "GEO", "igo:CIS", "left", "2009-08-18") == (
        KBCheck.CONSISTENT,
        [("withdrawn", "2009-08-18", None)],
        "left on 2009-08-18",
    )
    assert _membership(kb, "GEO", "igo:CIS", "left", "2009-08-17") == (
        KBCheck.CONFLICT,
        [("member", None, "2009-08-18")],
        "the KB has the departure only on 2009-08-18",
    )


def test_armenias_csto_freeze_holds_from_its_first_day_beside_its_membership(
    kb: KnowledgeBase,
) -> None:
    assert _membership(kb, "ARM", "igo:CSTO", "suspended", "2024-02-22") == (
        KBCheck.CONSISTENT,
        [("member", "1992-05-15", None), ("suspended", "2024-02-22", None)],
        "",
    )
    assert _membership(kb, "ARM", "igo:CSTO", "suspended", "2024-02-21") == (
        KBCheck.CONFLICT,
        [("member", "1992-05-15", None)],
        "the KB holds a different relation on that date",
    )
    assert _membership(kb, "ARM", "igo:CSTO", "member", "2024-02-22")[0] == KBCheck.CONSISTENT


def test_uzbekistan_is_a_csto_member_until_the_day_before_its_second_exit(
    kb: KnowledgeBase,
) -> None:
    assert _membership(kb, "UZB", "igo:CSTO", "member", "2012-12-18") == (
        KBCheck.CONSISTENT,
        [("member", "2006-08-16", "2012-12-19")],
        "",
    )
    assert _membership(kb, "UZB", "igo:CSTO", "member", "2012-12-19") == (
        KBCheck.CONFLICT,
        [("withdrawn", "2012-12-19", None)],
        "the KB holds a different relation on that date",
    )


def test_joining_is_consistent_when_reported_within_a_year_before_the_accession(
    kb: KnowledgeBase,
) -> None:
    # the EAEU treaty was signed on 2014-05-29 and took effect on 2015-01-01
    assert _membership(kb, "KAZ", "igo:EAEU", "joined", "2014-05-29") == (
        KBCheck.CONSISTENT,
        [("member", "2015-01-01", None)],
        "",
    )
    assert _membership(kb, "KAZ", "igo:EAEU", "joined", "2012-01-01") == (
        KBCheck.CONFLICT,
        [("member", "2015-01-01", None)],
        "the KB records no membership starting then",
    )


def test_a_state_with_no_row_in_an_organisation_that_lists_members_is_a_conflict(
    kb: KnowledgeBase,
) -> None:
    assert _membership(kb, "USA", "igo:CSTO", "member", "2025-01-01") == (
        KBCheck.CONFLICT,
        [],
        "no relation recorded on that date",
    )


@pytest.mark.parametrize(
    ("member", "organization", "relation", "explanation"),
    [
        ("XXX", "igo:CSTO", "member", "not in the knowledge base"),
        ("KAZ", "igo:NOSUCH", "member", "not in the knowledge base"),
        ("KAZ", "igo:WHO", "member", "the KB lists no members of this organisation"),
    ],
)
def test_what_the_kb_cannot_tell_is_unknown(
    kb: KnowledgeBase, member: str, organization: str, relation: str, explanation: str
) -> None:
    assert _membership(kb, member, organization, relation, "2025-01-01") == (
        KBCheck.UNKNOWN,
        [],
        explanation,
    )


def test_a_relation_the_kb_cannot_check_is_unknown_and_says_which_it_can(kb: KnowledgeBase) -> None:
    result, held, explanation = _membership(kb, "KAZ", "igo:CSTO", "admired", "2025-01-01")
    assert (result, held) == (KBCheck.UNKNOWN, [])
    assert explanation == (
        "relation 'admired' not checkable; checkable: member, joined, "
        "observer, partner, applied, suspended, left"
    )


# -- offices ----------------------------------------------------------------------------------


def test_tokayev_is_president_from_the_first_day_of_his_term(kb: KnowledgeBase) -> None:
    assert _office(kb, "person:kassym-jomart-tokayev", "President", "2019-03-20") == (
        KBCheck.CONSISTENT,
        [("KAZ.head_of_state", "person:kassym-jomart-tokayev", False)],
        "holds KAZ.head_of_state on 2019-03-20",
    )


def test_tokayev_as_president_the_day_before_conflicts_with_nazarbayev(kb: KnowledgeBase) -> None:
    assert _office(kb, "person:kassym-jomart-tokayev", "President", "2019-03-19") == (
        KBCheck.CONFLICT,
        [("KAZ.head_of_state", "person:nursultan-nazarbayev", False)],
        "on 2019-03-19 the KB has Nursultan Nazarbayev (KAZ.head_of_state)",
    )


def test_nazarbayev_holds_the_office_on_the_last_day_of_his_term_by_office_id(
    kb: KnowledgeBase,
) -> None:
    assert _office(kb, "person:nursultan-nazarbayev", "KAZ.head_of_state", "2019-03-19") == (
        KBCheck.CONSISTENT,
        [("KAZ.head_of_state", "person:nursultan-nazarbayev", False)],
        "holds KAZ.head_of_state on 2019-03-19",
    )
    assert _office(kb, "person:nursultan-nazarbayev", "KAZ.head_of_state", "2019-03-20")[:2] == (
        KBCheck.CONFLICT,
        [("KAZ.head_of_state", "person:kassym-jomart-tokayev", False)],
    )


def test_an_acting_term_counts_and_says_so(kb: KnowledgeBase) -> None:
    assert _office(kb, "person:vladimir-putin", "head_of_state", "2000-01-01") == (
        KBCheck.CONSISTENT,
        [("RUS.head_of_state", "person:vladimir-putin", True)],
        "holds RUS.head_of_state on 2000-01-01 (acting)",
    )


def test_putin_as_prime_minister_by_role_or_title_depends_on_the_day(kb: KnowledgeBase) -> None:
    assert _office(kb, "person:vladimir-putin", "head_of_government", "2010-06-01")[:2] == (
        KBCheck.CONSISTENT,
        [("RUS.head_of_government", "person:vladimir-putin", False)],
    )
    assert _office(kb, "person:vladimir-putin", "Prime Minister", "2015-06-01") == (
        KBCheck.CONFLICT,
        [("RUS.head_of_government", "person:dmitry-medvedev", False)],
        "on 2015-06-01 the KB has Dmitry Medvedev (RUS.head_of_government)",
    )


def test_an_igo_office_is_checked_by_its_own_title(kb: KnowledgeBase) -> None:
    assert _office(kb, "person:antonio-guterres", "UN Secretary-General", "2017-01-01") == (
        KBCheck.CONSISTENT,
        [("igo:UN.secretary_general", "person:antonio-guterres", False)],
        "holds igo:UN.secretary_general on 2017-01-01",
    )
    assert _office(kb, "person:antonio-guterres", "UN Secretary-General", "2016-12-31")[:2] == (
        KBCheck.CONFLICT,
        [("igo:UN.secretary_general", "person:ban-ki-moon", False)],
    )
    assert _office(kb, "person:vladimir-putin", "UN Secretary-General", "2020-01-01")[:2] == (
        KBCheck.CONFLICT,
        [("igo:UN.secretary_general", "person:antonio-guterres", False)],
    )


@pytest.mark.parametrize(
    ("person", "office", "on", "explanation"),
    [
        (
            "person:nobody",
            "President",
            "2020-01-01",
            "'person:nobody' is not a person in the knowledge base",
        ),
        ("KAZ", "President", "2020-01-01", "'KAZ' is not a person in the knowledge base"),
        (
            "person:vladimir-putin",
            "chief_astronaut",
            "2020-01-01",
            "no office 'chief_astronaut' of RUS in the knowledge base",
        ),
        (
            "person:sergey-lavrov",
            "foreign_minister",
            "1990-01-01",
            "the KB has no holder of RUS.foreign_minister on 1990-01-01",
        ),
    ],
)
def test_office_claims_the_kb_cannot_tell_are_unknown(
    kb: KnowledgeBase, person: str, office: str, on: str, explanation: str
) -> None:
    assert _office(kb, person, office, on) == (KBCheck.UNKNOWN, [], explanation)
