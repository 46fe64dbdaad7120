"""`tengri extract` on bad input, run as a user would (a subprocess): each bad input gives one
clear message naming it on stderr, the good inputs of the same batch are still coded, and the exit
code is non-zero only when nothing could be coded (README "Record format", issue 3).

Russian has its own pipeline now, so a Russian text is a good input that must be coded, and a
German one stands for "a language not coded yet"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = "Kazakh President Kassym-Jomart Tokayev will pay a state visit to Uzbekistan on November 13.\n"
RUSSIAN = ("Президент Казахстана Касым-Жомарт Токаев посетит Россию с государственным визитом "
           "11-12 ноября. Стороны подпишут ряд документов о сотрудничестве в области энергетики "
           "и транспорта.\n")
GERMAN = ("Der kasachische Präsident Kassym-Schomart Tokajew wird Usbekistan am 13. November "
          "einen Staatsbesuch abstatten. Beide Seiten wollen mehrere Abkommen unterzeichnen.\n")
JSONL_GOOD_A = {"id": "line-a", "text": "Chinese President Xi Jinping visited Kazakhstan last "
                "week.", "published": "2025-11-11"}
JSONL_GOOD_C = {"id": "line-c", "text": "Russia imposed sanctions on Moldova on Monday, officials "
                "said.", "published": "2025-11-11"}
TWENTY_MB = 20 * 1024 * 1024

pytestmark = pytest.mark.slow  # each run starts the CLI and loads the knowledge base


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def records(self) -> list[dict]:  # type: ignore[type-arg]
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def _tengri(*args: str, stdin: bytes | None = None) -> Run:
    script = Path(sys.executable).with_name("tengri")
    command = [str(script)] if script.exists() else [
        sys.executable, "-c", "from tengri.cli import main; main()"]
    # A fixed width: a message must be one line whatever the terminal is.
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run([*command, "extract", *args], input=stdin, capture_output=True,
                          env=env, timeout=600, check=False)
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bad-input")
    files = {
        "good": folder / "good.txt",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.bin",
        "russian": folder / "russian.txt",
        "german": folder / "german.txt",
        "huge": folder / "huge.txt",
        "jsonl": folder / "batch.jsonl",
        "missing": folder / "does-not-exist.txt",
    }
    files["good"].write_text(GOOD, encoding="utf-8")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    files["russian"].write_text(RUSSIAN, encoding="utf-8")
    files["german"].write_text(GERMAN, encoding="utf-8")
    sentence = "Kazakhstan and Uzbekistan signed an agreement on water sharing on Monday. "
    files["huge"].write_text(sentence * (TWENTY_MB // len(sentence) + 1), encoding="utf-8")
    files["jsonl"].write_text(json.dumps(JSONL_GOOD_A) + "\n" + '{"id": "line-b", "text": "cut '
                              'off\n' + json.dumps(JSONL_GOOD_C) + "\n", encoding="utf-8")
    return files


@pytest.fixture(scope="module")
def batch(inputs: dict[str, Path]) -> Run:
    """One run over every input, bad and good, as a user would start it."""
    order = ["empty", "binary", "good", "russian", "german", "huge", "jsonl", "missing"]
    return _tengri(*(str(inputs[name]) for name in order), "--published", "2025-11-11")


def _stderr_about(run: Run, name: str) -> str:
    return " ".join(line for line in run.stderr.splitlines() if name in line)


@pytest.mark.parametrize(("name", "reason"), [
    ("empty", "empty"),
    ("binary", "binary"),
    ("german", "'de'"),
    ("huge", "MB"),
    ("missing", "no such file"),
])
def test_a_bad_input_is_named_on_stderr_with_its_reason(batch: Run, inputs: dict[str, Path],
                                                       name: str, reason: str) -> None:
    message = _stderr_about(batch, str(inputs[name]))
    assert message, batch.stderr
    assert reason.lower() in message.lower()


def test_a_broken_jsonl_line_is_named_by_file_and_line(batch: Run, inputs: dict[str, Path]) -> None:
    message = _stderr_about(batch, f"{inputs['jsonl']}:2")
    assert "json" in message.lower()


def test_nothing_is_reported_about_good_inputs(batch: Run, inputs: dict[str, Path]) -> None:
    assert _stderr_about(batch, str(inputs["good"])) == ""
    assert _stderr_about(batch, str(inputs["russian"])) == ""
    assert "line-a" not in batch.stderr and "line-c" not in batch.stderr


def test_the_good_inputs_of_a_mixed_batch_are_still_coded(batch: Run, inputs: dict[str, Path]) -> None:
    coded = {(r["doc_id"], r["cameo"]) for r in batch.records if r["record"] == "event"}
    assert {(str(inputs["good"]), "042"), ("line-a", "042"), ("line-c", "163")} <= coded
    assert {r["doc_id"] for r in batch.records} == {str(inputs["good"]), str(inputs["russian"]),
                                                    "line-a", "line-c"}


def test_a_russian_text_is_coded_into_the_same_records(batch: Run, inputs: dict[str, Path]) -> None:
    visits = [r for r in batch.records if r["doc_id"] == str(inputs["russian"])
              and r["record"] == "event" and r["cameo"] == "042"]
    assert [(v["source"]["id"], v["target"]["id"], v["status"]) for v in visits] == [
        ("person:kassym-jomart-tokayev", "RUS", "planned")]


def test_a_batch_with_good_inputs_exits_zero(batch: Run) -> None:
    assert batch.returncode == 0, batch.stderr


def test_each_bad_input_gets_exactly_one_stderr_line(batch: Run, inputs: dict[str, Path]) -> None:
    lines = [line for line in batch.stderr.splitlines() if line.strip()]
    assert len(lines) == 6, lines  # five bad files and one bad JSONL line
    for name in ("empty", "binary", "german", "huge", "missing"):
        assert len([line for line in lines if str(inputs[name]) in line]) == 1


def test_no_evidence_offset_falls_outside_the_text(batch: Run, inputs: dict[str, Path]) -> None:
    texts = {str(inputs["good"]): GOOD, str(inputs["russian"]): RUSSIAN,
             "line-a": JSONL_GOOD_A["text"], "line-c": JSONL_GOOD_C["text"]}
    assert batch.records
    for record in batch.records:
        text = texts[record["doc_id"]]
        evidence = record["evidence"]
        assert 0 <= evidence["start"] < evidence["end"] <= len(text)
        assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]
        trigger = evidence.get("trigger")
        if trigger:
            assert evidence["start"] <= trigger["start"] < trigger["end"] <= evidence["end"]
            assert text[trigger["start"]:trigger["end"]] == trigger["text"]


def test_only_bad_inputs_exit_one_and_write_no_records(inputs: dict[str, Path]) -> None:
    run = _tengri(str(inputs["empty"]), str(inputs["binary"]), str(inputs["missing"]))
    assert run.returncode == 1
    assert run.stdout.strip() == ""
    assert "nothing could be coded" in run.stderr


def test_a_missing_file_alone_exits_one_naming_it(inputs: dict[str, Path]) -> None:
    run = _tengri(str(inputs["missing"]))
    assert run.returncode == 1
    assert str(inputs["missing"]) in run.stderr
    assert "Traceback" not in run.stderr


def test_empty_stdin_exits_one_with_a_message(inputs: dict[str, Path]) -> None:
    run = _tengri("-", stdin=b"")
    assert run.returncode == 1
    assert "<stdin>" in run.stderr and "empty" in run.stderr.lower()


def test_a_bad_published_date_is_a_usage_error(inputs: dict[str, Path]) -> None:
    run = _tengri(str(inputs["good"]), "--published", "11/11/2025")
    assert run.returncode == 2
    assert "--published" in run.stderr and "YYYY-MM-DD" in run.stderr
    assert run.stdout.strip() == ""
