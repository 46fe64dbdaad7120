"""Membership claims and their check against the knowledge base on the claim's date
(docs/CODING.md §7). The KB facts these rely on are the shipped rows of memberships.csv
(e.g. Kazakhstan a BRICS partner from 2025-01-01, Uzbekistan an EAEU observer from 2020-12-11,
Armenia's CSTO participation frozen from 2024-02-22)."""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.model import Extraction, Membership

PUBLISHED = dt.date(2025, 11, 11)
PAIR_CONTEXT = ("Kazakh President Kassym-Jomart Tokayev will visit Russia. Tokayev and Putin will "
                "hold talks. {} Kazakhstan and Russia also talk often.")

Claim = tuple[str | None, str | None, str, str, str]


def _claim(m: Membership) -> Claim:
    return (m.member.country, m.organization.id, m.relation.value, m.status.value,
            m.kb_check.value)


def _one(result: Extraction) -> Membership:
    assert len(result.memberships) == 1, [_claim(m) for m in result.memberships]
    return result.memberships[0]


def test_a_current_member_is_consistent(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Kazakhstan is a member of the Shanghai Cooperation Organisation."))
    assert _claim(claim) == ("KAZ", "igo:SCO", "member", "occurred", "consistent")
    assert claim.member.kind.value == "state" and claim.organization.kind.value == "igo"


def test_becoming_an_observer_is_checked_on_its_month(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Uzbekistan became an observer of the EAEU in December 2020."))
    assert _claim(claim) == ("UZB", "igo:EAEU", "observer", "occurred", "consistent")
    assert (claim.date.start, claim.date.end) == (dt.date(2020, 12, 1), dt.date(2020, 12, 31))


def test_freezing_participation_is_a_suspension(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Armenia froze its participation in the CSTO."))
    assert _claim(claim) == ("ARM", "igo:CSTO", "suspended", "occurred", "consistent")


def test_leaving_an_organisation_in_a_year(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Georgia left the CIS in 2009."))
    assert _claim(claim) == ("GEO", "igo:CIS", "left", "occurred", "consistent")
    assert claim.date.precision.value == "year"


def test_joining_on_a_date_the_kb_confirms(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Belarus became a full member of the SCO in July 2024."))
    assert _claim(claim) == ("BLR", "igo:SCO", "joined", "occurred", "consistent")


def test_a_past_membership_is_checked_on_its_year(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Uzbekistan was a member of the CSTO in 2010."))
    assert _claim(claim) == ("UZB", "igo:CSTO", "member", "occurred", "consistent")


def test_joining_brics_conflicts_with_partner_status(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Kazakhstan joined BRICS in 2024."))
    assert _claim(claim) == ("KAZ", "igo:BRICS", "joined", "occurred", "conflict")
    assert [(v.relation, v.start, v.end) for v in claim.kb] == [
        ("partner", dt.date(2025, 1, 1), None)]


def test_a_state_outside_an_organisation_conflicts(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Turkmenistan is a member of the CSTO."))
    assert _claim(claim) == ("TKM", "igo:CSTO", "member", "occurred", "conflict")


def test_could_join_is_hypothetical_and_not_a_conflict(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Uzbekistan could join the EAEU next year."))
    assert _claim(claim) == ("UZB", "igo:EAEU", "joined", "hypothetical", "unknown")


def test_as_members_of_an_organisation_both_countries_are_members(code) -> None:  # type: ignore[no-untyped-def]
    result = code(PAIR_CONTEXT.format("As members of the EAEU, both countries coordinate their "
                                      "trade policy."))
    assert sorted(_claim(m) for m in result.memberships) == [
        ("KAZ", "igo:EAEU", "member", "occurred", "consistent"),
        ("RUS", "igo:EAEU", "member", "occurred", "consistent"),
    ]


def test_cooperation_within_frameworks_is_a_membership_claim_for_each(code) -> None:  # type: ignore[no-untyped-def]
    result = code(PAIR_CONTEXT.format("The two sides maintain cooperation within the EAEU, the "
                                      "CSTO and the SCO."))
    assert sorted(_claim(m) for m in result.memberships) == sorted(
        (state, igo, "member", "occurred", "consistent")
        for state in ("KAZ", "RUS") for igo in ("igo:EAEU", "igo:CSTO", "igo:SCO"))
    assert [e for e in result.events if e.type == "COOPERATE"] == []  # a claim, not an event


def test_a_repeated_claim_is_one_record_with_a_mention(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Kazakhstan joined BRICS in 2024. Officials in Astana repeated that "
                      "Kazakhstan joined BRICS last year."))
    assert len(claim.mentions) == 1
    assert claim.mentions[0].sentence_index == 1


def test_hosting_a_summit_is_no_membership_claim(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Kazakhstan hosted an SCO summit in Astana in 2024.").memberships == ()


def test_cooperating_with_an_organisation_is_no_membership_claim(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Kazakhstan cooperates closely with the European Union on energy.").memberships \
        == ()


def test_an_application_is_recorded_as_applied(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Azerbaijan applied to join BRICS in August 2024."))
    assert (claim.member.country, claim.organization.id, claim.relation.value,
            claim.status.value) == ("AZE", "igo:BRICS", "applied", "occurred")


def test_an_application_the_kb_cannot_know_is_unknown(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Azerbaijan applied to join BRICS in August 2024."))
    assert claim.kb_check.value == "unknown"


@pytest.mark.xfail(strict=True, reason="'will not join' is not read as a membership claim at all")
def test_will_not_join_is_a_negated_claim(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Uzbekistan will not join the CSTO, Mirziyoyev said."))
    assert _claim(claim) == ("UZB", "igo:CSTO", "joined", "negated", "unknown")


@pytest.mark.xfail(strict=True, reason="\"X's membership in Y was suspended\" is read as a plain "
                   "membership claim")
def test_a_suspended_membership_is_a_suspension(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Russia's membership in the Council of Europe was suspended in February "
                      "2022."))
    assert _claim(claim) == ("RUS", "igo:COE", "suspended", "occurred", "consistent")


@pytest.mark.xfail(strict=True, reason="an accession that was only discussed is coded as having "
                   "occurred, and so flagged as a conflict")
def test_a_discussed_accession_is_not_an_occurred_one(code) -> None:  # type: ignore[no-untyped-def]
    claim = _one(code("Kazakhstan's accession to BRICS was discussed in Kazan in 2024."))
    assert claim.status.value != "occurred" and claim.kb_check.value != "conflict"
