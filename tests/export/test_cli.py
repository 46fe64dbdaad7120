"""`tengri export`: files and folders written, what it says, usage errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tengri.cli import app
from tengri.cli.export import mentions_path
from tengri.store import Store


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(filled: Store) -> str:
    return filled.url


def test_exports_a_file_and_says_what_it_wrote(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    code, stdout, stderr = _run("--format", "csv", "--out", str(out), "--db", db)
    assert (code, stdout) == (0, "")
    assert stderr.strip() == f"exported 8 events to {out}"
    with out.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 8
    assert [p.name for p in tmp_path.iterdir() if "events" in p.name] == ["events.csv"]


def test_exports_to_standard_output_with_filters(db: str) -> None:
    code, stdout, stderr = _run("-f", "jsonl", "--country", "UKR", "--since", "2025-11-01",
                                "--db", db)
    assert code == 0
    assert [json.loads(line)["cameo"] for line in stdout.splitlines()] == ["190"]
    assert stderr.strip() == "exported 1 events to standard output"


def test_gdelt_writes_its_mentions_table_beside_the_events_table(db: str,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "20251111000000.export.CSV"
    code, _, stderr = _run("--format", "gdelt", "--out", str(out), "--db", db)
    mentions = tmp_path / "20251111000000.mentions.CSV"
    assert code == 0
    assert stderr.strip() == f"exported 8 events and 9 mentions to {out} (mentions: {mentions})"
    assert [len(line.split("\t")) for line in out.read_text().splitlines()] == [61] * 8
    assert [len(line.split("\t")) for line in mentions.read_text().splitlines()] == [16] * 9


def test_plover_says_when_visits_were_collapsed(db: str, tmp_path: Path) -> None:
    code, _, stderr = _run("--format", "plover", "--out", str(tmp_path / "p.jsonl"),
                           "--db", db)
    assert code == 0
    assert "exported 8 events as 7 PLOVER records (visits collapsed)" in stderr


def test_parquet_writes_a_folder(db: str, tmp_path: Path) -> None:
    code, _, stderr = _run("--format", "parquet", "--out", str(tmp_path / "pq"), "--db", db)
    assert code == 0
    assert stderr.strip().startswith("exported 8 events (8 events, 9 mentions, 8 documents, "
                                      "1 facts, 1 memberships;")
    assert (tmp_path / "pq" / "_tengri_export.json").exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xml"], "--format 'xml'; choose one of csv, jsonl, parquet, gdelt, plover"),
    (["--format", "parquet"], "--format parquet writes a folder of files: give --out FOLDER"),
    (["--format", "csv", "--mentions-out", "m.csv"], "--mentions-out is for --format gdelt"),
    (["--format", "csv", "--dyad", "KAZ"], "--dyad 'KAZ': give two ISO3 country codes"),
    (["--format", "csv", "--since", "yesterday"], "--since 'yesterday' is not a date"),
    (["--format", "plover", "--plover-layout", "xml"], "--plover-layout 'xml'; choose one of"),
    (["--format", "parquet", "--out", "x", "--partition", "day"], "--partition 'day'"),
])
def test_usage_errors_exit_2_with_a_message(db: str, args: list[str], message: str) -> None:
    code, stdout, stderr = _run(*args, "--db", db)
    assert (code, stdout) == (2, "")
    assert " ".join(stderr.split()).startswith("tengri: error: " + message)


def test_a_parquet_folder_that_is_not_empty_is_refused(db: str, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    code, _, stderr = _run("--format", "parquet", "--out", str(tmp_path), "--db", db)
    assert code == 2 and "is not empty" in stderr


def test_the_command_is_documented() -> None:
    result = CliRunner().invoke(app, ["export", "--help"])
    assert result.exit_code == 0 and "docs/EXPORTS.md" in result.stdout
    doc = (Path(__file__).resolve().parents[2] / "docs" / "EXPORTS.md").read_text()
    for option in ("--format", "--out", "--mentions-out", "--plover-layout", "--partition",
                   "--row-group-size", "--overwrite"):
        assert option in result.stdout and option in doc, option


@pytest.mark.parametrize(("out", "mentions"), [
    ("20251111.export.CSV", "20251111.mentions.CSV"),
    ("tengri.tsv", "tengri.mentions.tsv"),
    ("events", "events.mentions"),
])
def test_the_mentions_table_is_named_after_the_events_table(out: str, mentions: str) -> None:
    assert mentions_path(Path("/data") / out) == Path("/data") / mentions
