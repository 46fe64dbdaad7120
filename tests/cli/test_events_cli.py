"""`tengri events`, `tengri events show|split|release`, `tengri documents` and `tengri store`
over a store filled with hand-made events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.store.conftest import document, event, put
from typer.testing import CliRunner

from tengri.cli import app
from tengri.model import EventStatus, Skipped
from tengri.store import open_store
from tengri.store.ingest import IngestSummary, start_run, write_batch
from tengri.store.workers import Prepared

TOKAYEV = "person:kassym-jomart-tokayev"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "events.db")
    store = open_store(path)
    try:
        put(store,
            (document("pre", "Tokayev will visit Russia.", "2025-11-05", title="Visit ahead",
                      url="https://a.example/pre"),
             [event("pre", "042", TOKAYEV, "RUS", start="2025-11-11", end="2025-11-12",
                    status=EventStatus.PLANNED, sentence="Tokayev will visit Russia.")]),
            (document("after", "Tokayev ended his visit to Moscow.", "2025-11-13",
                      title="Visit ends"),
             [event("after", "042", "KAZ", "RUS", start="2025-11-11", where="Moscow",
                    sentence="Tokayev ended his visit to Moscow.")]),
            (document("strike", "Russian forces shelled Kharkiv.", "2025-11-12",
                      title="Shelling"),
             [event("strike", "190", "RUS", "UKR", start="2025-11-12", where="Kharkiv",
                    sentence="Russian forces shelled Kharkiv.")]))
        summary = IngestSummary(start_run(store, ["bad"], {}))
        write_batch(store, [Prepared(None, skipped=Skipped("bad.jsonl:2", "invalid JSON",
                                                           "not valid JSON"))], summary)
    finally:
        store.close()
    return path


def _run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_events_as_jsonl_with_filters(db: str) -> None:
    result = _run("events", "--db", db, "--dyad", "KAZ-RUS", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (visit,) = [json.loads(line) for line in result.output.splitlines()]
    assert (visit["cameo"], visit["status"], visit["source_count"], visit["mention_count"],
            visit["location"]["name"]) == ("042", "occurred", 2, 2, "Moscow")
    strikes = _run("events", "--db", db, "--type", "assault", "--place", "kharkiv",
                   "--format", "jsonl")
    assert [json.loads(x)["target"]["id"] for x in strikes.output.splitlines()] == ["UKR"]


def test_events_as_a_table_say_how_many_match(db: str) -> None:
    result = _run("events", "--db", db, "--country", "UKR")
    assert result.exit_code == 0, result.output
    assert "1 of 1 events" in result.output
    assert "190 ASSAULT" in result.output and "Kharkiv" in result.output


def test_a_bad_dyad_or_date_is_a_usage_error(db: str) -> None:
    dyad = _run("events", "--db", db, "--dyad", "Kazakhstan")
    assert dyad.exit_code == 2
    assert "give two ISO3 country codes joined by '-', e.g. KAZ-RUS" in dyad.output
    since = _run("events", "--db", db, "--since", "yesterday")
    assert since.exit_code == 2
    assert "--since 'yesterday' is not a date; use YYYY-MM-DD" in since.output


def _visit_id(db: str) -> int:
    result = _run("events", "--db", db, "--dyad", "KAZ-RUS", "--format", "jsonl")
    return int(json.loads(result.output.splitlines()[0])["id"])


def test_show_lists_each_report_and_why_it_was_merged(db: str) -> None:
    result = _run("events", "show", str(_visit_id(db)), "--db", db)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.splitlines()[0].startswith("event ") and "CONSULT/- CAMEO 042" in text
    assert "reports  2 source(s), 2 mention(s); first 2025-11-05, last 2025-11-13" in text
    assert '"Visit ahead" (2025-11-05, https://a.example/pre)' in text
    assert "seed: first report of this event" in text
    assert f"joined: matches mention 1: same type CONSULT; same CAMEO code 042; source: same " \
           f"country KAZ ({TOKAYEV} / KAZ); target: same actor RUS" in text


def test_show_as_json_has_the_mentions_and_their_decisions(db: str) -> None:
    result = _run("events", "show", str(_visit_id(db)), "--db", db, "--format", "json")
    detail = json.loads(result.output)
    assert [m["decision"]["action"] for m in detail["mentions"]] == ["seed", "joined"]


def test_show_an_unknown_event_exits_1_and_says_where_to_look(db: str) -> None:
    result = _run("events", "show", "999", "--db", db)
    assert result.exit_code == 1
    assert "no event 999 in the store; `tengri events` lists them" in result.output


def test_split_then_release_a_mention(db: str) -> None:
    visit = _visit_id(db)
    split = _run("events", "split", "2", "--reason", "another trip", "--by", "ana", "--db", db)
    assert split.exit_code == 0, split.output
    assert split.output.startswith("mention 2 is now event ")
    new_event = int(split.output.split()[-1])
    shown = _run("events", "show", str(new_event), "--db", db).output
    assert "[curated]" in shown and "split by ana: split from event" in shown
    assert "note: another trip" in shown
    released = _run("events", "release", "2", "--db", db)
    assert released.output.strip() == f"mention 2 is in event {visit}"


def test_split_needs_a_reason(db: str) -> None:
    result = _run("events", "split", "2", "--db", db)
    assert result.exit_code == 2
    assert "--reason" in result.output


def test_documents_are_listed_latest_first(db: str) -> None:
    result = _run("documents", "--db", db, "--format", "jsonl")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["doc_key"], r["mentions"], r["copies"]) for r in rows] == [
        ("after", 1, 1), ("strike", 1, 1), ("pre", 1, 1)]
    table = _run("documents", "--db", db, "--since", "2025-11-12")
    assert "Shelling" in table.output and "Visit ahead" not in table.output


def test_store_info_quarantine_and_runs(db: str) -> None:
    info = _run("store", "info", "--db", db)
    assert info.exit_code == 0, info.output
    assert "backend     sqlite" in info.output
    assert "documents   3" in info.output and "quarantined 1" in info.output
    quarantine = _run("store", "quarantine", "--db", db, "--format", "jsonl")
    (entry,) = [json.loads(x) for x in quarantine.output.splitlines()]
    assert (entry["input"], entry["reason"], entry["times"]) == ("bad.jsonl:2", "invalid JSON", 1)
    runs = _run("store", "runs", "--db", db, "--format", "jsonl")
    assert [json.loads(x)["counts"]["stored"] for x in runs.output.splitlines()] == [0, 3]


def test_every_command_has_help() -> None:
    for command in (["events"], ["events", "show"], ["events", "split"], ["events", "release"],
                    ["documents"], ["store", "info"], ["store", "quarantine"], ["store", "runs"],
                    ["ingest"]):
        result = _run(*command, "--help")
        assert result.exit_code == 0, (command, result.output)
        assert "--db" in result.output


@pytest.mark.parametrize("command", [
    ["events"], ["events", "show", "1"], ["documents"], ["store", "info"],
    ["export", "--format", "jsonl"], ["timeline"], ["network"], ["conflicts"],
])
def test_reading_a_database_that_does_not_exist_says_so_and_creates_nothing(
        tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo" / "tengri.db"
    result = CliRunner().invoke(app, [*command, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    assert f"no database at {missing}" in result.output
    assert not missing.exists() and not missing.parent.exists()
