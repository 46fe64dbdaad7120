"""`tengri ingest`: the summary, exactly once, the quarantine, and usage errors."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tengri.cli import app
from tengri.store import list_quarantine, open_store, store_counts

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "articles"
REPORTS = ["c42-kyrgyz-tajik-border-treaty.txt", "c43-kyrgyz-tajik-border-treaty-copy.html",
           "c44-tajik-kyrgyz-border-deal.txt"]


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TENGRI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TENGRI_DB", raising=False)
    return CliRunner()


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in REPORTS:
        shutil.copy(ARTICLES / name, folder / name)
    return folder


def test_ingest_prints_what_it_stored_and_a_second_run_stores_nothing(
        runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", str(reports), "--db", db])
    assert first.exit_code == 0, first.output
    lines = first.output.splitlines()
    assert lines[0].startswith("ingest run 1: 3 documents seen in ")
    assert lines[1:5] == ["  stored       3", "  unchanged    0", "  replaced     0",
                          "  quarantined  0"]
    second = runner.invoke(app, ["ingest", str(reports), "--db", db, "--json"])
    summary = json.loads(second.output)
    assert (summary["seen"], summary["stored"], summary["unchanged"], summary["mentions"],
            summary["quarantined"]) == (3, 0, 3, 0, {})
    store = open_store(db)
    try:
        counts = store_counts(store)
    finally:
        store.close()
    assert (counts["documents"], counts["sources"], counts["runs"]) == (3, 2, 2)
    assert summary["events_total"] == counts["events"]


def test_without_db_the_store_is_in_the_data_directory(
        runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(reports / REPORTS[0])])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "tengri.db").is_file()


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Broken inputs, each with the reason it must be quarantined for."""
    folder.mkdir()
    text = (ARTICLES / REPORTS[0]).read_text(encoding="utf-8")
    (folder / "truncated.txt.gz").write_bytes(gzip.compress(text.encode())[:60])
    (folder / "latin1-garbage.txt").write_bytes(bytes(range(128, 256)) * 40)
    (folder / "no-text.html").write_text("<html><body><nav>Home | World</nav></body></html>")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 400)
    (folder / "empty.txt").write_text("")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing on disk
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "ok-1", "published": "2025-03-14",
                    "text": text + "\nThe crossings reopened the same week."}) + "\n"
        + '{"id": "broken", "text": "no end\n'
        + json.dumps({"id": "no-text"}) + "\n")
    (folder / "urls.txt").write_text("http://127.0.0.1:9/private-page\n")
    return {"truncated.txt.gz": "corrupt gzip", "latin1-garbage.txt": "undecodable text",
            "no-text.html": "", "binary.txt": "binary data", "empty.txt": "empty",
            "huge.txt": "too large", "lines.jsonl:2": "invalid JSON",
            "lines.jsonl:3": "invalid record", "private-page": "private address"}


def test_bad_inputs_end_in_the_quarantine_and_the_rest_is_stored(
        runner: CliRunner, reports: Path, tmp_path: Path) -> None:
    expected = _bad_inputs(reports / "bad")
    db = str(tmp_path / "t.db")
    result = runner.invoke(app, ["ingest", str(reports), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.splitlines()[-1])
    assert summary["stored"] == 4  # three reports and the good JSONL line
    store = open_store(db)
    try:
        entries = {Path(q.input).name: q for q in list_quarantine(store)}
    finally:
        store.close()
    for name, reason in expected.items():
        assert name in entries, f"{name} not quarantined: {sorted(entries)}"
        if reason:
            assert entries[name].reason == reason, entries[name]
        assert entries[name].detail
    assert sum(summary["quarantined"].values()) == len(entries)


def test_only_bad_inputs_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "only-bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1
    assert "quarantined  1  (empty 1)" in result.output


@pytest.mark.parametrize(("args", "message"), [
    (["--input-format", "pdf"], "--input-format 'pdf'; choose one of auto, text, html"),
    (["--published", "11/12/2025"], "--published '11/12/2025' is not a date; use YYYY-MM-DD"),
])
def test_usage_errors_exit_2_with_what_is_valid(
        runner: CliRunner, reports: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["ingest", str(reports), *args])
    assert result.exit_code == 2
    assert f"tengri: error: {message}" in result.output


def test_nothing_to_ingest_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["ingest"])
    assert result.exit_code == 2
    assert "nothing to ingest: give files, folders, URLs or '-' for stdin" in result.output


def test_an_unsupported_database_is_an_error_not_a_crash(
        runner: CliRunner, reports: Path) -> None:
    result = runner.invoke(app, ["ingest", str(reports), "--db", "mysql://u@h/db"])
    assert result.exit_code == 1
    assert "unsupported database 'mysql'" in result.output


def test_stdin_is_ingested_once(runner: CliRunner, tmp_path: Path) -> None:
    text = (ARTICLES / REPORTS[2]).read_text(encoding="utf-8")
    db = str(tmp_path / "t.db")
    first = runner.invoke(app, ["ingest", "-", "--db", db, "--json"], input=text)
    again = runner.invoke(app, ["ingest", "-", "--db", db, "--json"], input=text)
    assert (json.loads(first.output)["stored"], json.loads(again.output)["unchanged"]) == (1, 1)
