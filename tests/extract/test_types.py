"""One or more sentences for every PLOVER type, with the mode and CAMEO code of docs/CODING.md §2.

Each test names the full coding: (type, mode, CAMEO, source, target, status), where an actor is
written as its KB id, else its country. Publication date: Tuesday 2025-11-11.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.model import Actor, Event, Extraction

PUBLISHED = dt.date(2025, 11, 11)
PUTIN = "person:vladimir-putin"
TOKAYEV = "person:kassym-jomart-tokayev"
MIRZIYOYEV = "person:shavkat-mirziyoyev"

Coding = tuple[str, str | None, str, str | None, str | None, str]


def _key(actor: Actor | None) -> str | None:
    return None if actor is None else actor.id or actor.country


def _coding(event: Event) -> Coding:
    return (event.type, event.mode, event.cameo, _key(event.source), _key(event.target),
            event.status.value)


def _codings(result: Extraction, family: str) -> list[Coding]:
    """Codings of the events whose CAMEO code starts with `family` (e.g. "04", "057")."""
    return [_coding(e) for e in result.events if e.cameo.startswith(family)]


# -- AGREE ---------------------------------------------------------------------------------------------

def test_an_invitation_to_visit_is_one_agree_036_event_with_the_visit_folded_in(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian President Vladimir Putin invited Kazakh President Kassym-Jomart "
                  "Tokayev to visit Moscow.")
    assert _codings(result, "03") == [("AGREE", None, "036", PUTIN, TOKAYEV, "occurred")]
    assert _codings(result, "04") == []


def test_agreeing_to_deepen_cooperation_is_agree_030(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia and Kazakhstan agreed to deepen cooperation."), "03") == [
        ("AGREE", None, "030", "RUS", "KAZ", "occurred")]


def test_agreeing_to_boost_trade_is_agree_0311(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia and Kazakhstan agreed to boost trade to $30 billion."),
                    "03") == [("AGREE", None, "0311", "RUS", "KAZ", "occurred")]


@pytest.mark.xfail(strict=True, reason="intent to cooperate militarily is coded 030, not 0312")
def test_pledging_military_cooperation_is_agree_0312(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia pledged to strengthen military cooperation with Kazakhstan."),
                    "03") == [("AGREE", None, "0312", "RUS", "KAZ", "occurred")]


def test_agreeing_to_hold_talks_is_agree_036(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Kazakhstan and Uzbekistan agreed to hold talks on water."), "03") == [
        ("AGREE", None, "036", "KAZ", "UZB", "occurred")]


def test_agreeing_to_hold_joint_exercises_folds_them_into_agree_0312(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan and Russia agreed to hold joint exercises next year.")
    assert [_coding(e) for e in result.events] == [
        ("AGREE", None, "0312", "KAZ", "RUS", "occurred")]


# -- CONSULT ---------------------------------------------------------------------------------------------

def test_a_visit_is_consult_visit_042_with_the_hosts_043(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Chinese President Xi Jinping visited Kazakhstan last week.")
    assert sorted(_codings(result, "04"), key=lambda c: c[2]) == [
        ("CONSULT", "visit", "042", "person:xi-jinping", "KAZ", "occurred"),
        ("CONSULT", "visit", "043", "KAZ", "person:xi-jinping", "occurred"),
    ]


def test_hosting_is_consult_visit_043_with_the_visitors_042(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakh President Kassym-Jomart Tokayev hosted Uzbek President Shavkat "
                  "Mirziyoyev in Astana on Monday.")
    assert sorted(_codings(result, "04"), key=lambda c: c[2]) == [
        ("CONSULT", "visit", "042", MIRZIYOYEV, TOKAYEV, "occurred"),
        ("CONSULT", "visit", "043", TOKAYEV, MIRZIYOYEV, "occurred"),
    ]


def test_a_meeting_in_a_third_country_is_consult_third_party_044(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Tokayev and Mirziyoyev met in Baku on the sidelines of the summit.")
    meetings = [e for e in result.events if e.cameo == "044"]
    assert [_coding(e) for e in meetings] == [
        ("CONSULT", "third-party", "044", TOKAYEV, MIRZIYOYEV, "occurred")]
    assert {_key(p) for p in meetings[0].participants} == {TOKAYEV, MIRZIYOYEV}
    assert meetings[0].location.country == "AZE"


def test_a_summit_that_is_only_the_setting_of_a_meeting_is_on_the_meeting(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Putin and Erdogan met in Astana on the sidelines of the CICA summit.")
    assert [(_coding(e), e.gathering and (e.gathering.kind, e.gathering.name))
            for e in result.events] == [
        (("CONSULT", "third-party", "044", PUTIN, "person:recep-tayyip-erdogan", "occurred"),
         ("summit", "CICA summit")),
    ]


def test_a_meeting_in_one_sides_capital_is_a_visit_042_and_its_hosting_043(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Monday.")
    assert sorted(_codings(result, "04"), key=lambda c: c[2]) == [
        ("CONSULT", "visit", "042", "person:sergey-lavrov", "person:wang-yi", "occurred"),
        ("CONSULT", "visit", "043", "person:wang-yi", "person:sergey-lavrov", "occurred"),
    ]


def test_a_meeting_with_no_place_named_is_consult_040(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian Foreign Minister Sergey Lavrov met Wang Yi on Monday.")
    assert _codings(result, "04") == [
        ("CONSULT", None, "040", "person:sergey-lavrov", "person:wang-yi", "occurred")]


def test_a_phone_call_is_consult_phone_041(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Tokayev spoke by phone with Turkish President Recep Tayyip Erdogan on Friday.")
    assert _codings(result, "04") == [
        ("CONSULT", "phone", "041", TOKAYEV, "person:recep-tayyip-erdogan", "occurred")]


def test_a_summit_with_no_host_taking_part_is_consult_multilateral_040(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The CSTO summit took place in Minsk last week.")
    assert _codings(result, "04") == [("CONSULT", "multilateral", "040", None, None,
                                       "occurred")]


def test_a_summit_in_a_member_state_that_takes_part_is_still_multilateral_040(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The 16th BRICS Summit was held in Kazan in October 2024, attended by Russia, "
                  "China, India, Brazil and South Africa.")
    summits = [e for e in result.events if e.mode == "multilateral"]
    assert [_coding(e) for e in summits] == [
        ("CONSULT", "multilateral", "040", None, None, "occurred")]


def test_negotiating_is_consult_046(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Kazakhstan and Uzbekistan negotiated a new border treaty."), "04") == [
        ("CONSULT", None, "046", "KAZ", "UZB", "occurred")]


def test_mediating_is_consult_045(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Turkey mediated between Russia and Ukraine in Istanbul.")
    mediations = [e for e in result.events if e.cameo == "045"]
    assert len(mediations) == 1
    assert (mediations[0].type, _key(mediations[0].source)) == ("CONSULT", "TUR")


# -- SUPPORT ---------------------------------------------------------------------------------------------

def test_signing_an_agreement_is_support_057_with_both_sides_as_participants(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan and Uzbekistan signed an agreement on water sharing on Monday.")
    signings = [e for e in result.events if e.cameo == "057"]
    assert [_coding(e) for e in signings] == [("SUPPORT", None, "057", "KAZ", "UZB", "occurred")]
    assert [_key(p) for p in signings[0].participants] == ["KAZ", "UZB"]


def test_praising_is_support_051(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Tokayev praised Mirziyoyev for his reforms."), "05") == [
        ("SUPPORT", None, "051", TOKAYEV, MIRZIYOYEV, "occurred")]


def test_congratulating_is_support_051(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Putin congratulated Tokayev on his birthday."), "05") == [
        ("SUPPORT", None, "051", PUTIN, TOKAYEV, "occurred")]


def test_establishing_diplomatic_relations_is_support_050(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia established diplomatic relations with Tuvalu."), "05") == [
        ("SUPPORT", None, "050", "RUS", "TUV", "occurred")]


def test_recognising_independence_is_support_054(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia recognised the independence of Abkhazia in 2008.")
    assert [(e.type, e.cameo, _key(e.source)) for e in result.events] == [
        ("SUPPORT", "054", "RUS")]


def test_apologising_is_concede_080(code) -> None:  # type: ignore[no-untyped-def]
    # CODING.md §2: regret and remorse are concessions (PLOVER manual, CONCEDE)
    assert _codings(code("Kazakhstan apologised to Kyrgyzstan for the incident."), "08") == [
        ("CONCEDE", None, "080", "KAZ", "KGZ", "occurred")]


# -- CONCEDE ---------------------------------------------------------------------------------------------

def test_expressing_regret_is_concede_080(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Armenia expressed regret over the border incident."), "08") == [
        ("CONCEDE", None, "080", "ARM", None, "occurred")]


def test_pardoning_foreign_prisoners_is_concede_080_towards_their_state(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Uzbekistan pardoned three Tajik prisoners on Monday."), "08") == [
        ("CONCEDE", None, "080", "UZB", "TJK", "occurred")]


# -- COOPERATE -------------------------------------------------------------------------------------------

def test_a_branch_beginning_to_enrol_students_is_cooperate_060(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The Astana branch of MGIMO began enrolling students in September 2025.")
    assert _codings(result, "06") == [("COOPERATE", None, "060", "org:RUS.mgimo", "KAZ",
                                       "occurred")]


def test_joint_military_exercises_are_cooperate_062(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia and Kazakhstan held joint military exercises last week.")
    exercises = [e for e in result.events if e.cameo.startswith("06")]
    assert [_coding(e) for e in exercises] == [("COOPERATE", None, "062", "RUS", "KAZ",
                                                "occurred")]
    assert [_key(p) for p in exercises[0].participants] == ["RUS", "KAZ"]


def test_supplying_gas_is_cooperate_061(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia supplies gas to Uzbekistan under a new contract."), "06") == [
        ("COOPERATE", None, "061", "RUS", "UZB", "occurred")]


# -- AID -------------------------------------------------------------------------------------------------

def test_humanitarian_aid_is_aid_073_with_its_amount(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Japan provided $10 million in humanitarian aid to Afghanistan.")
    aid = [e for e in result.events if e.type == "AID"]
    assert [_coding(e) for e in aid] == [("AID", None, "073", "JPN", "AFG", "occurred")]
    assert aid[0].quantity is not None
    assert (aid[0].quantity.value, aid[0].quantity.unit) == (10_000_000, "USD")


def test_sending_humanitarian_aid_is_aid_073(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia sent humanitarian aid to Syria on Sunday."), "07") == [
        ("AID", None, "073", "RUS", "SYR", "occurred")]


def test_military_aid_is_aid_072(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("The United States provided military aid to Ukraine."), "07") == [
        ("AID", None, "072", "USA", "UKR", "occurred")]


# -- RETREAT ---------------------------------------------------------------------------------------------

def test_withdrawing_troops_is_retreat_withdraw_0872(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia withdrew its peacekeepers from Kazakhstan in January 2022.")
    assert _codings(result, "08") == [("RETREAT", "withdraw", "0872", "RUS", "KAZ", "occurred")]


def test_exchanging_prisoners_is_retreat_release_0841(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia and Ukraine exchanged prisoners on Friday."), "08") == [
        ("RETREAT", "release", "0841", "RUS", "UKR", "occurred")]


def test_releasing_foreign_prisoners_is_retreat_release_0841_towards_their_state(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Kazakhstan released two Kyrgyz prisoners on Monday."), "08") == [
        ("RETREAT", "release", "0841", "KAZ", "KGZ", "occurred")]


def test_lifting_sanctions_is_retreat_085(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan lifted sanctions on Belarus.")
    assert [(e.type, e.cameo, _key(e.source), _key(e.target), e.status.value)
            for e in result.events] == [("RETREAT", "085", "KAZ", "BLR", "occurred")]


def test_declaring_a_ceasefire_is_retreat_ceasefire_0871(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia and Ukraine declared a ceasefire on Friday."), "08") == [
        ("RETREAT", "ceasefire", "0871", "RUS", "UKR", "occurred")]


# -- REQUEST ---------------------------------------------------------------------------------------------

def test_urging_is_a_request_in_the_020_family(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan urged Kyrgyzstan to reopen the border.")
    requests = [e for e in result.events if e.type == "REQUEST"]
    assert [(e.cameo[:2], _key(e.source), _key(e.target), e.status.value)
            for e in requests] == [("02", "KAZ", "KGZ", "occurred")]


def test_calling_on_a_state_to_withdraw_is_a_request_to_yield(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Ukraine called on Russia to withdraw its troops.")
    assert [c for c in _codings(result, "02")] == [
        ("REQUEST", "yield", "025", "UKR", "RUS", "occurred")]


def test_calling_for_talks_is_request_meet_026(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan called for talks between Armenia and Azerbaijan.")
    requests = [e for e in result.events if e.type == "REQUEST"]
    assert [(e.mode, e.cameo, _key(e.source)) for e in requests] == [("meet", "026", "KAZ")]


def test_demanding_is_a_request_in_the_100_family(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Azerbaijan demanded that Armenia withdraw its troops.")
    requests = [e for e in result.events if e.type == "REQUEST"]
    assert [(e.cameo[:2], _key(e.source), _key(e.target)) for e in requests] == [
        ("10", "AZE", "ARM")]


# -- ACCUSE ----------------------------------------------------------------------------------------------

def test_criticising_is_accuse_disapprove_111(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Kazakhstan criticized Russia over the pipeline shutdown."), "11") == [
        ("ACCUSE", "disapprove", "111", "KAZ", "RUS", "occurred")]


def test_accusing_is_accuse_allege_112(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Moldova accused Russia of meddling in its elections."), "11") == [
        ("ACCUSE", "allege", "112", "MDA", "RUS", "occurred")]


def test_investigating_is_accuse_investigate_090(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Azerbaijan investigated Russia's role in the crash."), "09") == [
        ("ACCUSE", "investigate", "090", "AZE", "RUS", "occurred")]


def test_an_accusation_of_shelling_is_one_accuse_event_not_an_assault(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Moldova accused Russia of shelling its territory.")
    assert [(e.type, e.cameo[:3], _key(e.source), _key(e.target)) for e in result.events] == [
        ("ACCUSE", "112", "MDA", "RUS")]


def test_summoning_an_ambassador_is_an_official_complaint_114(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Moldova summoned the Russian ambassador on Monday."), "11") == [
        ("ACCUSE", "disapprove", "114", "MDA", "RUS", "occurred")]


def test_condemning_another_states_strikes_targets_that_state(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan condemned the Russian strikes on Ukraine.")
    assert ("ACCUSE", "disapprove", "111", "KAZ", "RUS", "occurred") in _codings(result, "11")


# -- REJECT ----------------------------------------------------------------------------------------------

def test_rejecting_a_proposal_is_reject_120(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Azerbaijan rejected Armenia's proposal."), "12") == [
        ("REJECT", None, "120", "AZE", "ARM", "occurred")]


def test_rejecting_a_proposal_for_talks_is_reject_meet_125(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Azerbaijan rejected Armenia's proposal for talks."), "12") == [
        ("REJECT", "meet", "125", "AZE", "ARM", "occurred")]


# -- THREATEN --------------------------------------------------------------------------------------------

def test_threatening_is_threaten_130(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia threatened to cut gas supplies to Moldova."), "13") == [
        ("THREATEN", None, "130", "RUS", "MDA", "occurred")]


def test_threatening_to_close_the_border_folds_into_threaten_1381(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia threatened to close the border with Kazakhstan.")
    assert [_coding(e) for e in result.events] == [
        ("THREATEN", "restrict", "1381", "RUS", "KAZ", "occurred")]


def test_threatening_military_force_is_threaten_violence_138(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia threatened Moldova with military force."), "13") == [
        ("THREATEN", "violence", "138", "RUS", "MDA", "occurred")]


def test_threatening_sanctions_is_threaten_restrict_1312(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("The European Union threatened Belarus with new sanctions."), "13") == [
        ("THREATEN", "restrict", "1312", "igo:EU", "BLR", "occurred")]


# -- PROTEST ---------------------------------------------------------------------------------------------

def test_protesters_rallying_is_protest_demo_141_where_they_rallied(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Georgian protesters rallied outside the parliament in Tbilisi on Sunday.")
    protests = [e for e in result.events if e.type == "PROTEST"]
    assert [(e.mode, e.cameo, e.source and e.source.country, e.status.value)
            for e in protests] == [("demo", "141", "GEO", "occurred")]
    assert protests[0].location.name == "Tbilisi"


def test_people_demonstrating_in_a_city_is_protest_demo_141(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Thousands of Armenians demonstrated in Yerevan against the border deal.")
    protests = [e for e in result.events if e.type == "PROTEST"]
    assert [(e.mode, e.cameo, e.source and e.source.country) for e in protests] == [
        ("demo", "141", "ARM")]
    assert protests[0].location.name == "Yerevan"


def test_demonstrators_protesting_in_a_city_is_protest_demo_141(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Demonstrators protested in Tbilisi against the government on Sunday.")
    protests = [e for e in result.events if e.type == "PROTEST"]
    assert [(e.mode, e.cameo, e.location.name) for e in protests] == [("demo", "141", "Tbilisi")]


# -- SANCTION --------------------------------------------------------------------------------------------

def test_expelling_diplomats_is_sanction_expel_166(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Georgia expelled two Russian diplomats on Monday.")
    expulsions = [e for e in result.events if e.cameo == "166"]
    assert [_coding(e) for e in expulsions] == [("SANCTION", "expel", "166", "GEO", "RUS",
                                                 "occurred")]


def test_expelling_diplomats_is_sanction_expel_166_with_the_count(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Georgia expelled two Russian diplomats on Monday.")
    expulsions = [e for e in result.events if e.cameo == "166"]
    assert [(e.type, e.mode, _key(e.source), e.status.value) for e in expulsions] == [
        ("SANCTION", "expel", "GEO", "occurred")]
    assert expulsions[0].quantity is not None and expulsions[0].quantity.value == 2


def test_cutting_diplomatic_ties_is_sanction_withdraw_161(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia cut diplomatic ties with Georgia in 2008."), "16") == [
        ("SANCTION", "withdraw", "161", "RUS", "GEO", "occurred")]


# -- MOBILIZE --------------------------------------------------------------------------------------------

def test_deploying_troops_is_mobilize_troops_154(code) -> None:  # type: ignore[no-untyped-def]
    result = code("China deployed troops to the border with India.")
    assert [(e.type, e.mode, e.cameo, _key(e.source), e.status.value)
            for e in result.events] == [("MOBILIZE", "troops", "154", "CHN", "occurred")]


def test_raising_alert_status_is_mobilize_troops_152(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia put its nuclear forces on high alert.")
    assert [(e.type, e.mode, e.cameo, _key(e.source)) for e in result.events] == [
        ("MOBILIZE", "troops", "152", "RUS")]


# -- COERCE ----------------------------------------------------------------------------------------------

def test_imposing_sanctions_is_coerce_restrict_163(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("The United States imposed sanctions on Iran."), "16") == [
        ("COERCE", "restrict", "163", "USA", "IRN", "occurred")]


def test_extending_sanctions_is_coerce_restrict_163(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("The European Union extended sanctions against Russia."), "16") == [
        ("COERCE", "restrict", "163", "igo:EU", "RUS", "occurred")]


def test_detaining_a_foreign_citizen_is_coerce_arrest_173(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Kyrgyz authorities detained a Tajik citizen on Friday."), "17") == [
        ("COERCE", "arrest", "173", "KGZ", "TJK", "occurred")]


def test_police_arresting_a_journalist_is_coerce_arrest_173(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russian police detained a Kazakh journalist in Moscow."), "17") == [
        ("COERCE", "arrest", "173", "RUS", "KAZ", "occurred")]


def test_deporting_migrants_is_coerce_deport_174(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia deported 30 Tajik migrants last week."), "17") == [
        ("COERCE", "deport", "174", "RUS", "TJK", "occurred")]


# -- ASSAULT ---------------------------------------------------------------------------------------------

def test_attacking_a_state_is_assault_190(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Russia attacked Ukraine on Sunday."), "19") == [
        ("ASSAULT", None, "190", "RUS", "UKR", "occurred")]


def test_bombing_a_city_is_assault_aerial_195_located_there(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian forces bombed Aleppo on Sunday.")
    strikes = [e for e in result.events if e.type == "ASSAULT"]
    assert [_coding(e) for e in strikes] == [("ASSAULT", "aerial", "195", "RUS", "SYR",
                                              "occurred")]
    assert strikes[0].location.name == "Aleppo"


def test_shelling_a_city_is_assault_heavy_weapons_194(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russian forces shelled Kharkiv overnight.")
    assert _codings(result, "19") == [("ASSAULT", "heavy-weapons", "194", "RUS", "UKR",
                                       "occurred")]


def test_shelling_villages_of_another_state_targets_that_state(code) -> None:  # type: ignore[no-untyped-def]
    assert _codings(code("Azerbaijani forces shelled Armenian villages on Sunday."), "19") == [
        ("ASSAULT", "heavy-weapons", "194", "AZE", "ARM", "occurred")]


# -- Goldstein and quad class come from the code ---------------------------------------------------------

# Goldstein values as in CAMEO.goldsteinscale.txt (GDELT's CAMEO lookup tables).
@pytest.mark.parametrize(("text", "cameo", "goldstein", "quad_class"), [
    ("Chinese President Xi Jinping visited Kazakhstan last week.", "042", 1.9, 1),
    ("Russia and Kazakhstan held joint military exercises last week.", "062", 7.4, 2),
    ("Moldova accused Russia of meddling in its elections.", "112", -2.0, 3),
    ("The United States imposed sanctions on Iran.", "163", -8.0, 4),
])
def test_goldstein_and_quad_class_follow_the_cameo_code(code, text: str, cameo: str,  # type: ignore[no-untyped-def]
                                                        goldstein: float, quad_class: int) -> None:
    events = [e for e in code(text).events if e.cameo == cameo]
    assert [(e.goldstein, e.quad_class) for e in events] == [(goldstein, quad_class)]


# -- lexicon additions of 2026-11-26 -----------------------------------------------------------

def test_a_resignation_is_retreat_resign(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Georgian President Eduard Shevardnadze resigned on Sunday as the opposition "
                  "threatened to storm his residence.", dt.date(2003, 11, 24))
    resigns = [e for e in result.events if e.mode == "resign"]
    assert [(e.type, e.cameo, _key(e.source)) for e in resigns] == [
        ("RETREAT", "084", "person:eduard-shevardnadze")]


def test_a_coach_resigning_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in code("The Kazakh national team coach resigned on Sunday.").events
            if e.mode == "resign"] == []


def test_being_ready_to_meet_is_an_intent_to_cooperate(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kassym-Jomart Tokayev said Kazakhstan was ready to deepen cooperation "
                  "with Uzbekistan.")
    assert [e.type for e in result.events if e.cameo.startswith("03")] == ["AGREE"]


def test_lifting_a_state_of_emergency_is_easing_it(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan lifted the state of emergency in Almaty on Wednesday.")
    assert [(e.type, e.cameo, _key(e.source)) for e in result.events] == [
        ("RETREAT", "0814", "KAZ")]


@pytest.mark.parametrize(("text", "codings"), [
    ("The United States raised tariffs on Chinese goods to 145 percent.",
     [("COERCE", "restrict", "163", "USA", "CHN", "occurred")]),
    ("Turkey suspended all trade with Israel on Thursday.",
     [("COERCE", "restrict", "163", "TUR", "ISR", "occurred")]),
    ("Poland ordered the closure of Russia's last consulate on Wednesday.",
     [("SANCTION", "expel", "166", "POL", "RUS", "occurred")]),
    ("Kazakhstan recalled its ambassador to Lithuania for consultations.",
     [("SANCTION", "withdraw", "161", "KAZ", "LTU", "occurred")]),
])
def test_trade_and_diplomatic_measures(code, text: str, codings: list[Coding]) -> None:  # type: ignore[no-untyped-def]
    assert [_coding(e) for e in code(text).events] == codings


def test_saying_another_state_must_act_is_a_demand(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Russia said on Tuesday that Kazakhstan must return the helicopter.")
    assert [_coding(e) for e in result.events] == [
        ("REQUEST", None, "100", "RUS", "KAZ", "occurred")]


def test_must_with_nobody_saying_it_is_no_demand(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Iran must stop enriching uranium, an editorial argued.").events == ()


def test_accepting_demands_is_acceding_to_them_not_demanding(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The Kyrgyz government on Thursday accepted demands from Kazakhstan to reopen "
                  "the border.")
    assert [(e.type, e.cameo, _key(e.source), _key(e.target)) for e in result.events] == [
        ("CONCEDE", "083", "KGZ", "KAZ")]


@pytest.mark.parametrize(("text", "status"), [
    ("Japan will give Kyrgyzstan a grant of 2 billion yen for new hospitals.", "planned"),
    ("Japan gave Kyrgyzstan 20 million dollars of aid for new hospitals.", "occurred"),
])
def test_giving_a_grant_or_aid_is_aid(code, text: str, status: str) -> None:  # type: ignore[no-untyped-def]
    assert [(e.type, _key(e.source), _key(e.target), e.status.value)
            for e in code(text).events] == [("AID", "JPN", "KGZ", status)]


def test_defending_another_state_in_words_is_support_052(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kassym-Jomart Tokayev defended Kyrgyzstan against Western criticism on Monday.")
    assert [(e.type, e.cameo, _key(e.source), _key(e.target)) for e in result.events
            if e.type == "SUPPORT"] == [("SUPPORT", "052", TOKAYEV, "KGZ")]


@pytest.mark.parametrize("text", [
    "The two countries should defend their legitimate interests together.",
    "Kazakhstan will defend its borders against any attack.",
])
def test_defending_interests_or_territory_is_no_verbal_support(code, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [e for e in code(text).events if e.cameo == "052"] == []


def test_a_plural_noun_after_a_possessive_is_no_verb(code) -> None:  # type: ignore[no-untyped-def]
    # "their arms industries": "arms" is not the verb "to arm" (military aid)
    result = code("Kassym-Jomart Tokayev praised Russia and Belarus for their arms industries.")
    assert [e.type for e in result.events if e.type == "AID"] == []


def test_a_ceasefire_between_two_states_that_took_effect(code) -> None:  # type: ignore[no-untyped-def]
    result = code("A ceasefire between Armenia and Azerbaijan took effect at midnight on Tuesday.")
    truce = [e for e in result.events if e.mode == "ceasefire"]
    assert [(_key(e.source), _key(e.target), sorted(_key(p) or "" for p in e.participants))
            for e in truce] == [("ARM", "AZE", ["ARM", "AZE"])]


def test_agreed_on_a_day_to_drop_objections_is_the_concession_not_an_agreement_on(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Recep Tayyip Erdogan agreed on Monday to drop his objections to Sweden's bid.")
    assert [e.cameo for e in result.events if e.cameo == "030"] == []
    assert [e.type for e in result.events if e.cameo.startswith("08")] == ["CONCEDE"]
