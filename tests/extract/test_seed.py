"""The founding article, coded with no hint beyond its publication date (issue 3, "Must show")."""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.extract import extract_text
from tengri.model import Event, Extraction

PUBLISHED = dt.date(2025, 11, 11)
FURNITURE = ("Search", "Comments", "5 min read", "top of page", "bottom of page", "Writer:")


@pytest.fixture(scope="module")
def seed(seed_text: str, kb) -> Extraction:  # type: ignore[no-untyped-def]
    return extract_text(seed_text, PUBLISHED, "seed", kb)


def _events(result: Extraction, cameo: str, **where: object) -> list[Event]:
    found = []
    for event in result.events:
        if event.cameo != cameo:
            continue
        record = event.to_dict()
        if all(_get(record, key) == value for key, value in where.items()):
            found.append(event)
    return found


def _get(record: dict, dotted: str) -> object:
    value: object = record
    for part in dotted.split("__"):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def test_state_visit_to_russia_is_planned_from_november_11_to_12(seed: Extraction) -> None:
    visits = _events(seed, "042", source__country="KAZ", target__country="RUS")
    assert len(visits) == 1
    visit = visits[0]
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert visit.source is not None and visit.source.id == "person:kassym-jomart-tokayev"
    assert visit.source.role == "head_of_state"
    assert visit.status.value in {"planned", "ongoing"}
    assert (visit.date.start, visit.date.end) == (dt.date(2025, 11, 11), dt.date(2025, 11, 12))
    assert visit.date.precision.value == "day"
    assert visit.location.country == "RUS"


def test_closing_state_visit_is_a_mention_of_the_first_event(seed: Extraction) -> None:
    visit = _events(seed, "042", source__country="KAZ", target__country="RUS")[0]
    closing = [m for m in visit.mentions if m.sentence.startswith("President Tokayev's state visit")]
    assert closing, [m.sentence[:50] for m in visit.mentions]


def test_russia_hosts_the_visit(seed: Extraction) -> None:
    hosts = _events(seed, "043", source__country="RUS", target__country="KAZ")
    assert len(hosts) == 1
    assert (hosts[0].date.start, hosts[0].date.end) == (dt.date(2025, 11, 11),
                                                        dt.date(2025, 11, 12))


def test_the_visit_is_at_putins_invitation(seed: Extraction) -> None:
    invitations = _events(seed, "036", source__id="person:vladimir-putin",
                          target__id="person:kassym-jomart-tokayev")
    assert len(invitations) == 1
    assert invitations[0].type == "AGREE"


def test_putins_visit_to_astana_a_year_earlier(seed: Extraction) -> None:
    visits = _events(seed, "042", source__id="person:vladimir-putin", target__country="KAZ")
    assert len(visits) == 1
    visit = visits[0]
    assert visit.status.value == "occurred"
    assert visit.date.start is not None and visit.date.start.year == 2024
    assert visit.date.end is not None and visit.date.end.year == 2024
    assert visit.location.name == "Astana" and visit.location.precision.value == "city"
    assert visit.location.lat == pytest.approx(51.18, abs=0.05)
    assert visit.location.lon == pytest.approx(71.45, abs=0.05)


def test_twenty_cooperation_agreements_were_signed(seed: Extraction) -> None:
    signings = _events(seed, "057")
    assert len(signings) == 1
    signing = signings[0]
    assert signing.type == "SUPPORT" and signing.status.value == "occurred"
    assert signing.quantity is not None and signing.quantity.value == 20
    assert {p.country for p in signing.participants} == {"KAZ", "RUS"}
    assert signing.date.start is not None and signing.date.start.year == 2024
    facts = [f for f in seed.facts if f.indicator == "agreements_signed"]
    assert [f.value for f in facts] == [20]


def test_two_phone_calls_in_october_2025(seed: Extraction) -> None:
    calls = _events(seed, "041")
    assert len(calls) == 1
    call = calls[0]
    assert call.mode == "phone" and call.status.value == "occurred"
    assert call.quantity is not None and call.quantity.value == 2
    assert (call.date.start, call.date.end) == (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
    assert call.date.precision.value == "month"
    assert {p.id for p in call.participants} == {"person:vladimir-putin",
                                                 "person:kassym-jomart-tokayev"}


def test_meeting_at_the_central_asia_russia_summit_in_dushanbe(seed: Extraction) -> None:
    # The summit is where the two sides met: it is recorded on the meeting (docs/CODING.md §2),
    # which took place in a third country at a multilateral gathering.
    meetings = _events(seed, "044")
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.mode == "third-party" and meeting.status.value == "occurred"
    assert {p.country for p in meeting.participants} == {"KAZ", "RUS"}
    assert meeting.location.name == "Dushanbe" and meeting.location.country == "TJK"
    assert meeting.gathering is not None
    assert (meeting.gathering.kind, meeting.gathering.name) == ("summit",
                                                               "Central Asia-Russia Summit")
    assert (meeting.date.start, meeting.date.end) == (dt.date(2025, 10, 1), dt.date(2025, 10, 31))


def test_planned_talks_including_the_security_council(seed: Extraction) -> None:
    talks = [e for e in seed.events if e.cameo == "040" and e.gathering is None]
    assert all(e.status.value == "planned" for e in talks)
    council = [e for e in talks if e.target and e.target.id == "org:RUS.security-council"]
    assert len(council) == 1
    assert council[0].source is not None
    assert council[0].source.id == "person:kassym-jomart-tokayev"
    heads = [e for e in talks if {p.id for p in e.participants} >= {
        "person:vladimir-putin", "person:kassym-jomart-tokayev"} and e is not council[0]]
    assert heads, "the talks between the two heads of state"


def test_regional_cooperation_forum_is_one_event(seed: Extraction) -> None:
    forums = [e for e in seed.events if e.gathering and e.gathering.kind == "forum"]
    assert len(forums) == 1
    forum = forums[0]
    assert forum.gathering is not None
    assert forum.gathering.ordinal == 21
    assert forum.gathering.name == "Kazakhstan-Russia Regional Cooperation Forum"
    assert forum.gathering.theme == "Vocational Skills – Engines of Economic Growth"
    assert forum.gathering.remote is True
    assert {"KAZ", "RUS"} <= {p.country for p in forum.participants if p.kind.value == "state"}
    assert forum.location.name == "Oral" and forum.location.country == "KAZ"
    assert (forum.date.start, forum.date.end) == (dt.date(2025, 11, 11), dt.date(2025, 11, 12))


def test_tourist_flows_in_the_first_half_of_2025(seed: Extraction) -> None:
    flows = {(f.origin.country if f.origin else None,
              f.destination.country if f.destination else None): f
             for f in seed.facts if f.indicator == "tourist_arrivals"}
    assert set(flows) == {("KAZ", "RUS"), ("RUS", "KAZ")}
    assert flows[("KAZ", "RUS")].value == 1_000_000
    assert flows[("RUS", "KAZ")].value == 1_200_000
    for fact in flows.values():
        assert fact.qualifier.value == "more_than" and fact.unit == "persons"
        assert (fact.period.start, fact.period.end) == (dt.date(2025, 1, 1), dt.date(2025, 6, 30))
        assert fact.period.precision.value == "half"


def test_mgimo_astana_branch_began_enrolling_in_september_2025(seed: Extraction) -> None:
    enrolment = [e for e in seed.events if e.source and e.source.id == "org:RUS.mgimo"]
    assert len(enrolment) == 1
    event = enrolment[0]
    assert event.status.value == "occurred"
    assert (event.date.start, event.date.precision.value) == (dt.date(2025, 9, 1), "month")
    assert event.location.name == "Astana"


def test_memberships_of_both_states_are_consistent_with_the_kb(seed: Extraction) -> None:
    held = {(m.member.country, m.organization.id): m for m in seed.memberships
            if m.relation.value == "member"}
    for igo in ("igo:EAEU", "igo:CSTO", "igo:SCO", "igo:CIS"):
        for state in ("KAZ", "RUS"):
            assert (state, igo) in held, (state, igo)
            assert held[(state, igo)].kb_check.value == "consistent"


def test_accession_to_brics_conflicts_with_partner_status(seed: Extraction) -> None:
    claims = [m for m in seed.memberships if m.organization.id == "igo:BRICS"]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.member.country == "KAZ" and claim.relation.value == "joined"
    assert claim.kb_check.value == "conflict"
    assert [(v.relation, v.start) for v in claim.kb] == [("partner", dt.date(2025, 1, 1))]
    assert len(claim.mentions) == 1  # the second "accession to BRICS" is the same claim


def test_no_record_has_page_furniture_as_evidence(seed: Extraction) -> None:
    for record in (*seed.events, *seed.facts, *seed.memberships):
        sentence = record.evidence.sentence
        assert not any(sentence.strip() == f or sentence.startswith(f) for f in FURNITURE)
        assert len(sentence.split()) >= 4


def test_evidence_offsets_point_into_the_text(seed: Extraction, seed_text: str) -> None:
    for record in (*seed.events, *seed.facts, *seed.memberships):
        evidence = record.evidence
        assert seed_text[evidence.start:evidence.end] == evidence.sentence
        if evidence.trigger is not None:
            trigger = evidence.trigger
            assert seed_text[trigger.start:trigger.end] == trigger.text
            assert evidence.start <= trigger.start < trigger.end <= evidence.end
