from __future__ import annotations

import pytest

from tengri.errors import OntologyError
from tengri.ontology import (
    PLOVER_TYPES,
    contexts,
    is_valid,
    normalise_mode,
    normalise_type,
    plover_modes,
    plover_score,
)
from tengri.ontology.tables import plover_entries


def test_there_are_sixteen_types_from_cooperation_to_conflict() -> None:
    assert PLOVER_TYPES == (
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    )
    assert [t for t, mode in plover_entries() if mode is None] == list(PLOVER_TYPES)


def test_modes_are_the_manuals_in_its_order() -> None:
    assert plover_modes("CONSULT") == ("visit", "third-party", "multilateral", "phone")
    assert plover_modes("RETREAT") == (
        "withdraw",
        "release",
        "disarm",
        "ceasefire",
        "access",
        "resign",
    )
    assert (
        plover_modes("REQUEST") == plover_modes("REJECT") == ("assist", "change", "yield", "meet")
    )
    assert plover_modes("ACCUSE") == ("disapprove", "investigate", "allege")
    assert plover_modes("AGREE") == ()
    assert sum(len(plover_modes(t)) for t in PLOVER_TYPES) == 67


def test_scores_come_from_the_manuals_table() -> None:
    assert plover_score("CONSULT") == 2.5
    assert plover_score("CONSULT", "visit") == 4.0
    assert plover_score("AID") == 10.0
    assert plover_score("ASSAULT", "unconventional") == -10.0
    assert plover_score("RETREAT", "resign") == 4.5


def test_accuse_scores_minus_3_with_the_lost_sign_restored() -> None:
    assert plover_score("ACCUSE") == -3.0
    assert plover_score("ACCUSE", "allege") == -3.5


def test_a_mode_without_a_printed_score_takes_its_types() -> None:
    assert plover_entries()[("PROTEST", "vandalize")].score is None
    assert plover_score("PROTEST", "vandalize") == plover_score("PROTEST") == -5.0


def test_every_other_mode_has_a_score() -> None:
    unscored = [key for key, entry in plover_entries().items() if entry.score is None]
    assert unscored == [("PROTEST", "vandalize")]


def test_quad_classes_are_the_manuals_quad_categories() -> None:
    quads = {t: plover_entries()[(t, None)].quad_class for t in PLOVER_TYPES}
    assert quads == {
        "AGREE": 1,
        "CONSULT": 1,
        "SUPPORT": 1,
        "CONCEDE": 1,
        "COOPERATE": 2,
        "AID": 2,
        "RETREAT": 2,
        "REQUEST": 3,
        "ACCUSE": 3,
        "REJECT": 3,
        "THREATEN": 3,
        "PROTEST": 4,
        "SANCTION": 4,
        "MOBILIZE": 4,
        "COERCE": 4,
        "ASSAULT": 4,
    }


def test_contexts_are_the_manuals_plus_humanitarian() -> None:
    names = contexts()
    assert len(names) == 38
    assert names[:3] == ("military", "intelligence", "executive")
    assert names[-2:] == ("trafficking", "humanitarian")
    assert "pro_democracy" in names and "democracy" not in names


def test_valid_pairs_are_current_types_with_their_own_modes_or_none() -> None:
    assert is_valid("CONSULT", "visit")
    assert is_valid("CONSULT", None)
    assert is_valid("AGREE")
    assert not is_valid("CONSULT", "assist")
    assert not is_valid("consult", "visit")
    assert not is_valid("FIGHT", None)
    assert not is_valid("ASSAULT", "assassinate")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("FIGHT", "ASSAULT"),
        ("DEMAND", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("consult", "CONSULT"),
        (" Assault ", "ASSAULT"),
    ],
)
def test_older_and_lower_case_type_names_normalise_to_current_ones(old: str, new: str) -> None:
    assert normalise_type(old) == new


def test_an_unknown_type_name_is_refused_with_the_valid_names() -> None:
    with pytest.raises(OntologyError) as error:
        normalise_type("DOCUMENT")
    assert str(error.value) == (
        "unknown PLOVER type 'DOCUMENT'; expected one of AGREE, CONSULT, SUPPORT, CONCEDE, "
        "COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, "
        "MOBILIZE, COERCE, ASSAULT (or an older name: DEMAND, DISAPPROVE, FIGHT, INVESTIGATE)"
    )


def test_older_types_that_imply_a_mode_give_it() -> None:
    assert normalise_mode("INVESTIGATE", None) == "investigate"
    assert normalise_mode("DISAPPROVE", "") == "disapprove"
    assert normalise_mode("FIGHT", None) is None
    assert normalise_mode("ACCUSE", None) is None


def test_older_modes_normalise_to_the_manuals() -> None:
    assert normalise_mode("FIGHT", "assassinate") == "targeted"
    assert normalise_mode("CONSULT", "host") == "visit"
    assert normalise_mode("PROTEST", "strike-hun") == "hunger"
    assert normalise_mode("COERCE", "detain") == "arrest"
    assert normalise_mode("FIGHT", "heavy-weapons") == "heavy-weapons"
    assert normalise_mode("RETREAT", "ease") is None


def test_an_older_mode_without_a_successor_is_refused_with_the_valid_modes() -> None:
    with pytest.raises(OntologyError, match=r"unknown mode 'firearms' for COERCE; expected seize"):
        normalise_mode("COERCE", "firearms")


def test_an_unknown_type_error_suggests_the_fix() -> None:
    with pytest.raises(OntologyError, match=r"'consult' \(did you mean 'CONSULT'\?"):
        plover_score("consult")
    with pytest.raises(OntologyError, match=r"older PLOVER name; normalise_type\('FIGHT'\)"):
        plover_modes("FIGHT")


def test_an_unknown_mode_error_names_it_and_the_types_modes() -> None:
    with pytest.raises(OntologyError) as error:
        plover_score("CONSULT", "host")
    assert str(error.value) == (
        "unknown mode 'host' for CONSULT ('host' is an older PLOVER mode; "
        "normalise_mode('CONSULT', 'host') gives 'visit'); "
        "expected visit, third-party, multilateral, phone, or None"
    )
    with pytest.raises(OntologyError, match="expected None \\(this type has no modes\\)"):
        plover_score("AGREE", "visit")
