"""`tengri profile`, `tengri timeline`, `tengri network` and `tengri conflicts` in a terminal
and as JSON, and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.analytics.factories import store_reports, world
from typer.testing import CliRunner

from tengri.cli import app
from tengri.store import open_store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    store = open_store(path)
    try:
        store_reports(store, world())
    finally:
        store.close()
    return path


def test_profile_of_a_dyad_as_json_and_as_tables(db: str) -> None:
    result = runner.invoke(app, ["profile", "KAZ", "RUS", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["first"], data["second"], data["balance"]["events"]) == ("KAZ", "RUS", 6)
    table = runner.invoke(app, ["profile", "KAZ", "RUS", "--db", db])
    assert table.exit_code == 0
    assert "Kazakhstan – Russia (KAZ–RUS)" in table.stdout
    assert "meetings and calls at leader level" in table.stdout


def test_profile_of_a_person_named_as_in_the_news(db: str) -> None:
    result = runner.invoke(app, ["profile", "Tokayev", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actor"]["id"] == "person:kassym-jomart-tokayev"
    assert {c["key"] for c in data["counterparts"][:2]} == {"RUS", "person:vladimir-putin"}


def test_timeline_network_and_conflicts(db: str) -> None:
    weekly = runner.invoke(app, ["timeline", "--country", "UKR", "--by", "week", "--db", db,
                                 "--format", "json"])
    assert weekly.exit_code == 0, weekly.output
    assert [b["start"] for b in json.loads(weekly.stdout)["buckets"]] == ["2025-11-10"]
    actor = runner.invoke(app, ["timeline", "--actor", "Tokayev", "--db", db])
    assert actor.exit_code == 0 and "timeline by month" in actor.stdout
    network = runner.invoke(app, ["network", "--db", db, "--format", "json"])
    assert network.exit_code == 0
    assert json.loads(network.stdout)["nodes"][0]["id"] == "RUS"
    found = runner.invoke(app, ["conflicts", "--db", db, "--format", "json"])
    assert [c["kind"] for c in json.loads(found.stdout)] == ["membership", "office"]


@pytest.mark.parametrize("args, message", [
    (["profile", "Qwertyuiop"], "no actor named 'Qwertyuiop'"),
    (["profile", "KAZ", "RUS", "CHN"], "give one actor or two states, not 3"),
    (["profile", "KAZ", "--since", "2025-13-01"], "--since '2025-13-01' is not a date"),
    (["timeline", "--by", "year"], "--by 'year'; choose day, week or month"),
    (["profile", "KAZ", "--format", "xml"], "--format 'xml'; choose one of table, json"),
])
def test_bad_options_are_one_line_errors(db: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code in (1, 2)
    assert message in result.stderr
