from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest

from tengri.errors import OntologyError
from tengri.ontology import build
from tengri.ontology.build import DATA
from tengri.ontology.reference import CrosswalkRow


def test_regenerating_from_the_reference_gives_the_shipped_bytes(reference: Path) -> None:
    tables = build.build(reference)
    assert sorted(tables) == sorted(p.name for p in DATA.glob("*.csv"))
    for name, text in tables.items():
        assert (DATA / name).read_bytes() == text.encode("utf-8"), name


def test_the_generator_writes_every_table_and_says_so(
    reference: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build.main([str(reference), "--out", str(tmp_path)]) == 0
    assert {p.name for p in tmp_path.iterdir()} == set(build.COLUMNS)
    assert f"wrote {tmp_path / 'cameo.csv'} (311 rows)" in capsys.readouterr().out


def test_the_generator_names_a_missing_reference_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build.main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"error: cannot read reference file {tmp_path / 'nowhere'}")
    assert "pass the folder that holds cameo/LOOKUP-CAMEO.eventcodes.txt" in error
    assert not (tmp_path / "out").exists()


class _Manual:
    modes: ClassVar[dict[str, tuple[str, ...]]] = {
        "ASSAULT": ("beat", "targeted"),
        "THREATEN": ("territory",),
    }
    contexts: ClassVar[tuple[str, ...]] = ("military", "territory", "pro_autocracy")

    def check(self, plover_type: str, mode: str, where: str) -> None:
        pass


def test_a_crosswalk_mode_that_is_a_context_moves_to_the_contexts() -> None:
    row = CrosswalkRow("175", "ASSAULT", "pro_autocracy", ("military",), "")
    assert build._clean_crosswalk_row(row, _Manual()) == ("", "pro_autocracy|military", True)  # type: ignore[arg-type]


def test_a_valid_mode_that_is_also_a_context_name_stays_a_mode() -> None:
    row = CrosswalkRow("1382", "THREATEN", "territory", ("military",), "")
    assert build._clean_crosswalk_row(row, _Manual()) == ("territory", "military", False)  # type: ignore[arg-type]


def test_an_older_crosswalk_mode_is_renamed() -> None:
    row = CrosswalkRow("186", "ASSAULT", "assassinate", (), "")
    assert build._clean_crosswalk_row(row, _Manual()) == ("targeted", "", True)  # type: ignore[arg-type]


def test_a_crosswalk_mode_without_a_rule_stops_the_build() -> None:
    row = CrosswalkRow("999", "ASSAULT", "laser", (), "")
    with pytest.raises(OntologyError, match="crosswalk 999: no rule for mode 'laser' of ASSAULT"):
        build._clean_crosswalk_row(row, _Manual())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("0599", 1), ("06", 2), ("0874", 2), ("09", 3), ("139", 3), ("14", 4), ("2042", 4)],
)
def test_cameo_quad_class_splits_roots_at_05_08_13(code: str, quad: int) -> None:
    assert build.cameo_quad_class(code) == quad
