from __future__ import annotations

import pytest

from tengri.errors import OntologyError
from tengri.ontology import PLOVER_TYPES, cameo, default_cameo, plover_modes
from tengri.ontology.tables import defaults


def test_every_type_and_every_mode_has_a_default() -> None:
    wanted = {(t, m) for t in PLOVER_TYPES for m in (None, *plover_modes(t))}
    assert set(defaults()) == wanted


@pytest.mark.parametrize("plover_type", PLOVER_TYPES)
def test_the_default_code_of_a_type_is_itself_of_that_type(plover_type: str) -> None:
    for mode in (None, *plover_modes(plover_type)):
        code = default_cameo(plover_type, mode)
        assert cameo(code).plover_type == plover_type, (plover_type, mode, code)


def test_defaults_follow_the_coding_guide() -> None:
    assert {
        (t, m): default_cameo(t, m)
        for t, m in [
            ("CONSULT", None),
            ("CONSULT", "phone"),
            ("CONSULT", "visit"),
            ("CONSULT", "third-party"),
            ("CONSULT", "multilateral"),
            ("AGREE", None),
            ("SUPPORT", None),
            ("COOPERATE", None),
            ("AID", None),
            ("CONCEDE", None),
            ("REQUEST", None),
            ("ACCUSE", "disapprove"),
            ("ACCUSE", "allege"),
            ("ACCUSE", "investigate"),
            ("COERCE", "restrict"),
            ("SANCTION", "expel"),
            ("SANCTION", "withdraw"),
            ("MOBILIZE", "troops"),
            ("COERCE", "arrest"),
            ("COERCE", "deport"),
            ("RETREAT", "release"),
            ("ASSAULT", None),
            ("THREATEN", "violence"),
        ]
    } == {
        ("CONSULT", None): "040",
        ("CONSULT", "phone"): "041",
        ("CONSULT", "visit"): "042",
        ("CONSULT", "third-party"): "044",
        ("CONSULT", "multilateral"): "040",
        ("AGREE", None): "030",
        ("SUPPORT", None): "050",
        ("COOPERATE", None): "060",
        ("AID", None): "070",
        ("CONCEDE", None): "080",
        ("REQUEST", None): "020",
        ("ACCUSE", "disapprove"): "111",
        ("ACCUSE", "allege"): "112",
        ("ACCUSE", "investigate"): "090",
        ("COERCE", "restrict"): "163",
        ("SANCTION", "expel"): "166",
        ("SANCTION", "withdraw"): "161",
        ("MOBILIZE", "troops"): "154",
        ("COERCE", "arrest"): "173",
        ("COERCE", "deport"): "174",
        ("RETREAT", "release"): "0841",
        ("ASSAULT", None): "190",
        ("THREATEN", "violence"): "138",
    }


def test_retreat_defaults_are_retreat_codes_not_concede() -> None:
    assert default_cameo("RETREAT") == "084"
    assert default_cameo("RETREAT", "withdraw") == "0874"
    assert cameo("080").plover_type == "CONCEDE"


def test_an_empty_mode_means_no_mode() -> None:
    assert default_cameo("CONSULT", "") == default_cameo("CONSULT") == "040"


def test_a_default_for_an_unknown_type_or_mode_names_the_bad_input() -> None:
    with pytest.raises(OntologyError, match=r"unknown PLOVER type 'MEET'; expected one of AGREE"):
        default_cameo("MEET")
    with pytest.raises(OntologyError, match=r"unknown mode 'summit' for CONSULT; expected visit"):
        default_cameo("CONSULT", "summit")
