from __future__ import annotations

from pathlib import Path

from tengri.ontology import reference as sources
from tengri.ontology.reference import CrosswalkRow


def test_gdelts_run_on_row_is_split_into_1056_and_106(reference: Path) -> None:
    descriptions = sources.gdelt_descriptions(reference)
    assert descriptions["1056"] == "Demand de-escalation of military engagement"
    assert descriptions["106"] == "Demand withdrawal"
    assert sources.gdelt_run_on_scores(reference) == {"106": -5.0}
    assert set(descriptions) == set(sources.gdelt_goldstein(reference))


def test_gdelt_descriptions_lose_stray_spaces(reference: Path) -> None:
    descriptions = sources.gdelt_descriptions(reference)
    assert descriptions["111"] == "Criticize or denounce"
    assert (
        descriptions["031"]
        == "Express intent to engage in material cooperation, not specified below"
    )


def test_the_crosswalk_reader_keeps_the_files_values_and_reads_175_once(reference: Path) -> None:
    roots, rows = sources.crosswalk(reference)
    assert roots["08"] == "CONCEDE"
    assert rows["175"] == CrosswalkRow(
        "175", "ASSAULT", "pro_autocracy", ("military",), "Use violent repression"
    )
    assert rows["0861"].mode == "access"
    assert rows["091"].contexts == ("crime", "corruption")
    assert "1213" in rows and "106" in rows


def test_the_manual_reader_finds_types_modes_scores_and_contexts(reference: Path) -> None:
    types = sources.manual_types(reference)
    assert [t.name for t in types][:3] == ["AGREE", "CONSULT", "SUPPORT"]
    assert (types[1].quad_class, types[1].modes) == (
        1,
        ("visit", "third-party", "multilateral", "phone"),
    )
    assert types[-1].modes[-1] == "unconventional"
    scores = sources.manual_scores(reference)
    assert len(scores) == 16 + 66
    assert scores[("ACCUSE", "")] == 3.0  # as printed; build.py restores the sign
    assert sources.manual_contexts(reference)[-1] == "trafficking"
