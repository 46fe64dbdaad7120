"""`tengri actors`, `tengri kb validate` and `tengri kb stats` over the shipped KB and a user's
files given with --kb or TENGRI_KB_PATH."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from tengri.cli import app
from tengri.kb import KnowledgeBase
from tengri.kb.stats import kb_stats


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


def _json(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = _run(*args, "--format", "json", env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """User files make a KB of their own: cache it in a folder of this module's, so the tests
    that share one user file build that KB once."""
    before = os.environ.get("TENGRI_CACHE_DIR")
    os.environ["TENGRI_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["TENGRI_CACHE_DIR"]
    else:
        os.environ["TENGRI_CACHE_DIR"] = before


# -- tengri actors --------------------------------------------------------------------------------


def test_nur_sultan_in_2020_is_astana_under_its_name_of_that_day() -> None:
    [mention] = _json("actors", "Nur-Sultan", "--on", "2020-06-01")["mentions"]
    assert mention == {
        "text": "Nur-Sultan",
        "start": 0,
        "end": 10,
        "entity": "place:1526273",
        "kind": "place",
        "name": "Astana",
        "name_on_date": "Nur-Sultan",
        "country": "KAZ",
        "role": None,
        "sector": None,
        "capital_of": "KAZ",
        "rule": "place alias 'Nur-Sultan'",
        "alternatives": [],
        "ambiguous": None,
    }


def test_the_kazakh_president_in_2018_is_nazarbayev_with_the_rule_that_matched() -> None:
    [mention] = _json("actors", "Kazakh President", "--on", "2018-05-01")["mentions"]
    assert mention == {
        "text": "Kazakh President",
        "start": 0,
        "end": 16,
        "entity": "person:nursultan-nazarbayev",
        "kind": "person",
        "name": "Nursultan Nazarbayev",
        "name_on_date": "Nursultan Nazarbayev",
        "country": "KAZ",
        "role": "head_of_state",
        "sector": "GOV",
        "capital_of": None,
        "rule": "title 'president' of KAZ -> KAZ.head_of_state, held by Nursultan Nazarbayev "
        "on 2018-05-01",
        "alternatives": [],
        "ambiguous": None,
    }


def test_the_table_shows_id_kind_name_of_the_day_country_and_rule() -> None:
    result = _run("actors", "Nur-Sultan", "--on", "2020-06-01")
    assert result.exit_code == 0
    lines = [" ".join(line.strip("│ ").split()) for line in result.stdout.splitlines()]
    for expected in (
        "entity │ place:1526273",
        "kind │ place",
        "name │ Astana (official name that day: Nur-Sultan)",
        "country │ KAZ",
        "capital of │ KAZ",
        "rule │ place alias 'Nur-Sultan'",
    ):
        assert expected in lines


def test_an_ambiguous_alias_shows_its_alternatives_and_its_mark() -> None:
    [mention] = _json("actors", "Andris Berzins", "--on", "2020-01-01")["mentions"]
    assert (mention["entity"], mention["alternatives"], mention["ambiguous"]["entities"]) == (
        "person:andris-berzins-1944",
        [{"entity": "person:andris-berzins-1951", "name": "Andris Bērziņš"}],
        ["person:andris-berzins-1944", "person:andris-berzins-1951"],
    )


def test_a_phrase_with_several_actors_lists_each() -> None:
    payload = _json(
        "actors", "Russian President Vladimir Putin met Tokayev in Astana", "--on", "2025-11-11"
    )
    assert [(m["entity"], m["role"]) for m in payload["mentions"]] == [
        ("person:vladimir-putin", "head_of_state"),
        ("person:kassym-jomart-tokayev", "head_of_state"),
        ("place:1526273", None),
    ]


def test_a_phrase_that_matches_nothing_says_so_and_exits_1() -> None:
    result = _run("actors", "Xyzzy Plugh", "--on", "2020-01-01")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "tengri: nothing in the knowledge base matches 'Xyzzy Plugh' on "
        "2020-01-01; names are matched as written (case matters), titles "
        "need a country ('Kazakh President')\n"
    )


def test_a_town_alone_is_not_resolved_but_the_message_says_how_to_ask() -> None:
    result = _run("actors", "Ural City", "--on", "2025-11-11")
    assert result.exit_code == 1
    assert "is an alias of place:608668 (Oral, KAZ)" in result.stderr
    assert "(try 'in Ural City') or with its country in focus (--focus KAZ)" in result.stderr
    [mention] = _json("actors", "Ural City", "--on", "2025-11-11", "--focus", "KAZ")["mentions"]
    assert mention["entity"] == "place:608668"


def test_a_bad_date_is_a_usage_error() -> None:
    result = _run("actors", "Putin", "--on", "11/11/2025")
    assert (result.exit_code, result.stderr) == (
        2,
        "tengri: error: --on '11/11/2025' is not a date; use YYYY-MM-DD\n",
    )


def test_an_unknown_format_is_a_usage_error() -> None:
    result = _run("actors", "Putin", "--format", "xml")
    assert (result.exit_code, result.stderr) == (
        2,
        "tengri: error: --format 'xml'; choose one of table, json\n",
    )


# -- user files: --kb and TENGRI_KB_PATH take precedence over the shipped data --------------------


@pytest.fixture(scope="module")
def correction(tmp_path_factory: pytest.TempPathFactory, own_cache: None) -> Path:
    """A user file that adds a person and gives her the Kazakh presidency from 2018."""
    return _file(
        tmp_path_factory.mktemp("mine"),
        "mine.yaml",
        """
        persons:
          - {id: person:jane-doe, name: Jane Doe, aliases: [Doe], country: KAZ, source: test}
        terms:
          - {office: KAZ.head_of_state, person: person:jane-doe, start: 2018-01-01,
             source: hypothetical correction}
        """,
    )


def test_a_user_file_given_with_kb_overrides_the_shipped_terms(correction: Path) -> None:
    mine = correction
    [mention] = _json("actors", "Kazakh President", "--on", "2018-05-01", "--kb", str(mine))[
        "mentions"
    ]
    assert (mention["entity"], mention["rule"]) == (
        "person:jane-doe",
        "title 'president' of KAZ -> KAZ.head_of_state, held by Jane Doe on 2018-05-01",
    )


def test_a_user_file_given_in_tengri_kb_path_overrides_the_shipped_terms(correction: Path) -> None:
    env = {"TENGRI_KB_PATH": str(correction)}
    [mention] = _json("actors", "Doe", "--on", "2018-05-01", env=env)["mentions"]
    assert (mention["entity"], mention["role"]) == ("person:jane-doe", "head_of_state")


def test_a_broken_user_file_is_one_clear_line_and_exit_1(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "terms.csv",
        "office,person,start,source\nKAZ.head_of_state,person:jane-doe,2018-13-01,test\n",
    )
    result = _run("actors", "Kazakh President", "--kb", str(mine))
    assert (result.exit_code, result.stdout) == (1, "")
    # (rich wraps the line at the terminal width; the words are what matter here)
    assert " ".join(result.stderr.split()) == (
        f"tengri: error: {mine}:2: column 'start': '2018-13-01' is not a date; write YYYY-MM-DD "
        "or leave the cell empty"
    )


# -- tengri kb validate ---------------------------------------------------------------------------


def test_validate_passes_a_good_file_with_a_one_line_summary(correction: Path) -> None:
    mine = correction
    result = _run("kb", "validate", str(mine))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"ok: 1 file(s) ({mine}): 2 rows, no problems\n",
        "",
    )


def test_validate_lists_each_problem_with_file_line_and_column(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "terms.csv",
        """
        office,person,start,end,source
        KAZ.head_of_state,person:vladimir-putn,2018-01-01,,test
        KAZ.head_of_state,person:vladimir-putin,2017-01-01,2018-06-01,
        """,
    )
    result = _run("kb", "validate", str(mine))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{mine}:2: column 'person': 'person:vladimir-putn' is not a person in the knowledge "
        "base (defined in persons*.csv, shipped or yours); did you mean 'person:vladimir-putin'?",
        f"{mine}:2: column 'start': this term [2018-01-01, …) overlaps [2017-01-01, 2018-06-01) "
        f"at {mine}:3; terms of one office never overlap: a term's end is the first day of the "
        "next term",
        f"{mine}:3: column 'source': is empty; it is required (every row needs it, including a "
        "source saying where the fact comes from)",
    ]
    assert result.stderr == f"tengri: 1 file(s) ({mine}): 2 rows, 3 problem(s)\n"


def test_validate_without_paths_checks_tengri_kb_path(tmp_path: Path) -> None:
    mine = _file(tmp_path, "persons.csv", "id,name,source\nperson:Bad Id,X,s\n")
    result = _run("kb", "validate", env={"TENGRI_KB_PATH": str(mine)})
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{mine}:2: column 'id': 'person:Bad Id' is not a well-formed persons id"
    )


# -- tengri kb stats ------------------------------------------------------------------------------


def test_stats_counts_what_the_kb_holds_and_when_it_was_checked(kb: KnowledgeBase) -> None:
    payload = _json("kb", "stats")
    stats = kb_stats(kb)
    assert payload == {
        **{f: getattr(stats, f) for f in payload if f != "checked"},
        "checked": "2026-11-26",
    }
    assert (payload["states"], payload["igos"] >= 60, payload["places"] > 30_000) == (
        250,
        True,
        True,
    )
    assert set(payload["memberships_by_kind"]) >= {
        "member",
        "observer",
        "partner",
        "dialogue_partner",
        "suspended",
        "withdrawn",
    }
    assert sum(payload["memberships_by_kind"].values()) == payload["memberships"]


def test_the_stats_table_has_a_line_for_each_count() -> None:
    result = _run("kb", "stats")
    assert result.exit_code == 0
    labels = [
        line.split("│")[1].strip() for line in result.stdout.splitlines() if line.startswith("│")
    ]
    assert [label for label in labels if label] == [
        "states",
        "places",
        "international organisations",
        "memberships",
        "offices",
        "office terms",
        "persons",
        "institutions",
        "aliases",
        "agent nouns",
        "data last checked",
    ]
    assert "2026-11-26" in result.stdout


@pytest.mark.parametrize("command", [["actors"], ["kb"], ["kb", "validate"], ["kb", "stats"]])
def test_every_kb_command_has_help(command: list[str]) -> None:
    result = _run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: tengri " + " ".join(command) in " ".join(result.stdout.split())
