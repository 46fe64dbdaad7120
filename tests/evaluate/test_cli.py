"""`tengri evaluate` on the command line: help, JSON, comparison, report, usage errors."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from tengri.cli import app

from .factories import DATA

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, ["evaluate", *args])


def test_help_documents_the_matching_and_every_option():
    result = _run("--help")
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for words in ("MATCHING", "One-to-one", "Same sentence", "Same type", "Future cooperation",
                  "AGREE", "Symmetric events", "--gold", "--format", "--split", "--json",
                  "--compare", "--report", "--write-baseline", "--allow-regression"):
        assert words in text, words


def test_json_output_holds_the_headline_and_the_details(tmp_path):
    result = _run("--gold", str(DATA / "mini_gold.jsonl"), "--json", "--coder", "all")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {"tengri", "rules", "commit", "date", "results"} <= payload.keys()
    assert [(r["set"], r["coder"]) for r in payload["results"]] == [
        ("mini_gold", "tengri"), ("mini_gold", "keyword-only")]
    first = payload["results"][0]
    assert {"events.precision", "events.recall", "events.f1"} <= first["headline"].keys()
    assert {"by_type", "by_root", "confusion", "mistakes", "tallies", "accuracies"} <= \
        first.keys()


def test_compare_says_which_scores_got_better_or_worse(tmp_path):
    result = _run("--gold", str(DATA / "mini_gold.jsonl"), "--json")
    old = json.loads(result.stdout)
    old["results"][0]["headline"]["events.recall"] = 0.0
    old["results"][0]["headline"]["events.precision"] = 1.5
    (tmp_path / "old.json").write_text(json.dumps(old))
    compared = _run("--gold", str(DATA / "mini_gold.jsonl"), "--compare",
                    str(tmp_path / "old.json"))
    assert compared.exit_code == 0, compared.output
    assert "better" in compared.output and "worse" in compared.output
    as_json = json.loads(_run("--gold", str(DATA / "mini_gold.jsonl"), "--json", "--compare",
                              str(tmp_path / "old.json")).stdout)
    assert {c["score"] for c in as_json["changes"]} == {"events.recall", "events.precision"}


def test_split_scores_only_the_passages_of_that_split():
    payload = json.loads(_run("--gold", str(DATA / "mini_gold.jsonl"), "--split", "heldout",
                              "--json").stdout)
    assert payload["results"][0]["passages"] == 1
    assert payload["results"][0]["splits"] == {"heldout": 1}


def test_usage_errors_exit_2_and_unreadable_gold_exits_1(tmp_path):
    assert _run("--split", "train").exit_code == 2
    assert _run("--coder", "gpt").exit_code == 2
    assert _run("--allow-regression").exit_code == 2
    assert _run("--write-baseline", "--gold", str(DATA / "mini_gold.jsonl")).exit_code == 2
    assert _run("--report", str(tmp_path / "r.md"), "--gold",
                str(DATA / "mini_gold.jsonl")).exit_code == 2
    only_dev = tmp_path / "dev.jsonl"
    only_dev.write_text((DATA / "mini_gold.jsonl").read_text().splitlines()[0] + "\n")
    assert _run("--gold", str(only_dev), "--split", "heldout").exit_code == 2
    missing = _run("--gold", str(tmp_path / "missing.jsonl"))
    assert missing.exit_code == 1
    assert "cannot read gold file" in missing.output


def test_report_covers_the_standard_sets_found_from_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "gold" / "en").mkdir(parents=True)
    shutil.copy(DATA / "mini_gold.jsonl", tmp_path / "gold" / "en" / "dev.jsonl")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TENGRI_REFERENCE", str(tmp_path / "no-reference"))
    result = _run("--report", "EVALUATION.md")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "EVALUATION.md").read_text()
    assert "`en-dev`" in page and "keyword-only" in page
    assert "Not measured on this machine (file absent): `en-heldout`" in page


def test_without_gold_sets_in_reach_it_says_where_to_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TENGRI_REFERENCE", str(tmp_path))
    result = _run()
    assert result.exit_code == 2
    assert "no gold sets found" in result.output
