from __future__ import annotations

from pathlib import Path

import pytest

from tengri.errors import OntologyError
from tengri.ontology import (
    PLOVER_TYPES,
    CameoCode,
    cameo,
    cameo_root,
    contexts,
    goldstein,
    plover_modes,
    quad_class,
)
from tengri.ontology.tables import cameo_codes


def _gdelt_table(path: Path) -> dict[str, str]:
    """code -> second column of a GDELT lookup file, read as plainly as possible."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t", 1) for line in lines if line.strip())


def test_make_a_visit_is_consult_visit_with_goldstein_1_9() -> None:
    assert cameo("042") == CameoCode(
        code="042",
        description="Make a visit",
        goldstein=1.9,
        quad_class=1,
        plover_type="CONSULT",
        plover_mode="visit",
        contexts=(),
    )


def test_sign_formal_agreement_is_support_with_goldstein_8() -> None:
    code = cameo("057")
    assert (code.description, code.plover_type, code.plover_mode, code.goldstein) == (
        "Sign formal agreement",
        "SUPPORT",
        None,
        8.0,
    )


def test_sanctions_keep_the_crosswalks_coerce_though_root_16_is_sanction() -> None:
    assert (cameo("163").plover_type, cameo("163").plover_mode) == ("COERCE", "restrict")
    assert cameo("16").plover_type == "SANCTION"


def test_conventional_military_force_is_assault_at_minus_10() -> None:
    assert (cameo("190").plover_type, goldstein("190"), quad_class("190")) == ("ASSAULT", -10.0, 4)


def test_quad_classes_follow_gdelts_roots() -> None:
    assert [quad_class(c) for c in ("036", "061", "111", "190")] == [1, 2, 3, 4]


def test_every_code_has_the_quad_class_of_its_root() -> None:
    expected = {r: 1 for r in range(1, 6)} | {r: 2 for r in range(6, 9)}
    expected |= {r: 3 for r in range(9, 14)} | {r: 4 for r in range(14, 21)}
    assert {c: quad_class(c) for c in cameo_codes()} == {
        c: expected[int(c[:2])] for c in cameo_codes()
    }


def test_the_table_has_gdelts_311_codes_of_two_to_four_digits() -> None:
    codes = cameo_codes()
    assert len(codes) == 311
    assert all(c.isdigit() and 2 <= len(c) <= 4 for c in codes)
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}


def test_public_statements_have_no_plover_type() -> None:
    statements = [c for c in cameo_codes().values() if c.code.startswith("01")]
    assert len(statements) == 11
    assert {(c.plover_type, c.plover_mode, c.contexts) for c in statements} == {(None, None, ())}


def test_appeals_are_requests_with_the_mode_of_the_appeal() -> None:
    modes = {
        c: cameo(c).plover_mode
        for c in (
            "020",
            "021",
            "0211",
            "022",
            "023",
            "0234",
            "024",
            "0241",
            "025",
            "0256",
            "026",
            "027",
            "028",
        )
    }
    assert modes == {
        "020": None,
        "021": "assist",
        "0211": "assist",
        "022": "assist",
        "023": "assist",
        "0234": "assist",
        "024": "change",
        "0241": "change",
        "025": "yield",
        "0256": "yield",
        "026": "meet",
        "027": "meet",
        "028": "meet",
    }
    assert {cameo(c).plover_type for c in cameo_codes() if c.startswith("02")} == {"REQUEST"}


def test_appeals_take_the_contexts_of_the_parallel_demand() -> None:
    assert cameo("0211").contexts == cameo("1011").contexts == ("economic",)
    assert cameo("026").contexts == cameo("106").contexts == ("diplomatic",)


def test_every_plover_type_mode_and_context_in_the_table_is_known() -> None:
    for code in cameo_codes().values():
        if code.code.startswith("01"):
            continue
        assert code.plover_type in PLOVER_TYPES, code
        assert code.plover_mode is None or code.plover_mode in plover_modes(code.plover_type), code
        assert set(code.contexts) <= set(contexts()), code


def test_crosswalk_quirks_are_cleaned() -> None:
    assert (cameo("175").plover_type, cameo("175").plover_mode, cameo("175").contexts) == (
        "ASSAULT",
        None,
        ("pro_autocracy", "military"),
    )
    assert cameo("085").plover_mode is None  # "ease" is no longer a mode
    assert cameo("0861").plover_mode == "access"  # "access " with a stray space
    assert cameo("186").plover_mode == "targeted"  # "assassinate"
    assert cameo("1712").plover_mode == "destroy"  # ASSAULT "seize"
    assert cameo("0811").contexts == ("pro_democracy",)  # "democracy"
    assert cameo("08").plover_type == "CONCEDE"  # the first of two "08:" headers
    assert cameo("0813").plover_type == "RETREAT"


def test_demand_codes_mean_what_cameo_1_1b3_says() -> None:
    assert (cameo("106").description, cameo("106").plover_mode) == (
        "Demand meeting, negotiation",
        "meet",
    )
    assert cameo("1056").description == "Demand de-escalation of military engagement"


def test_root_of_a_four_digit_code_is_its_first_two_digits() -> None:
    assert [cameo_root(c) for c in ("0211", "042", "19")] == ["02", "04", "19"]


def test_a_code_that_lost_its_leading_zero_is_refused_with_the_fix() -> None:
    with pytest.raises(OntologyError) as error:
        cameo("42")
    assert str(error.value) == (
        "unknown CAMEO code '42' (a number loses its leading zero: did you mean '042'?); "
        "CAMEO codes are strings of 2 to 4 digits that keep their leading zero, "
        "e.g. '04', '042', '0211' or '190'"
    )


@pytest.mark.parametrize("bad", ["9999", "", "abc", "04 2"])
def test_an_unknown_code_error_names_the_code_and_how_codes_look(bad: str) -> None:
    with pytest.raises(OntologyError, match=f"unknown CAMEO code {bad!r}.*2 to 4 digits"):
        cameo(bad)


def test_an_integer_is_not_a_code() -> None:
    with pytest.raises(OntologyError, match=r"unknown CAMEO code 190 .*did you mean '190'"):
        cameo(190)  # type: ignore[arg-type]


def test_goldstein_and_quad_class_refuse_unknown_codes() -> None:
    for lookup in (goldstein, quad_class, cameo_root):
        with pytest.raises(OntologyError, match="'099'"):
            lookup("099")


def test_every_gdelt_code_is_present_with_its_goldstein_score(reference: Path) -> None:
    scale = _gdelt_table(reference / "cameo" / "CAMEO.goldsteinscale.txt")
    lookup = _gdelt_table(reference / "cameo" / "LOOKUP-CAMEO.eventcodes.txt")
    assert {c: goldstein(c) for c in scale} == {c: float(s) for c, s in scale.items()}
    assert set(lookup) | {"106"} == set(scale) == set(cameo_codes())
