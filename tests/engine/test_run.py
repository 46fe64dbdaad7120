"""`run_corpus` with the local engine: the tables it writes, merging across partitions as the
store merges, duplicates, resuming, and a worker process killed mid-run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tengri.engine import EngineError, RunSummary
from tengri.engine.manifest import ENGINE_DIR
from tengri.engine.records import PartitionResult

from .runs import ARTICLES, PARTITION, files, run, table_rows, tables

pytestmark = pytest.mark.slow


def _groups(out: Path) -> dict[frozenset[tuple[str, str]], dict[str, Any]]:
    """Each event of the tables as the set of (document key, record id) of its mentions."""
    keys = {r["document_id"]: r["doc_key"] for r in table_rows(out, "documents")}
    events = {r["event_id"]: r for r in table_rows(out, "events")}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for mention in table_rows(out, "mentions"):
        found[mention["event_id"]].add((keys[mention["document_id"]], mention["record_id"]))
    return {frozenset(v): events[k] for k, v in found.items()}


def _store_groups(db: Path) -> dict[frozenset[tuple[str, str]], dict[str, Any]]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    found: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for row in connection.execute("SELECT m.event_id, m.record_id, d.doc_key FROM "
                                  "event_mentions m JOIN documents d ON d.id = m.document_id"):
        found[row["event_id"]].add((row["doc_key"], row["record_id"]))
    events = {row["id"]: dict(row) for row in connection.execute("SELECT * FROM events")}
    connection.close()
    return {frozenset(v): events[k] for k, v in found.items()}


def test_the_run_writes_every_document_once_and_counts_what_it_left_out(local_run):
    folder, summary = local_run
    documents = table_rows(folder / "out", "documents")
    assert summary.seen == ARTICLES + 1  # the repeated article is read twice
    assert summary.duplicates == 1
    assert summary.documents == len(documents) == ARTICLES
    assert sorted(d["doc_key"] for d in documents) == [f"gen-3-{n:07d}" for n in range(ARTICLES)]
    assert summary.quarantined == {"invalid JSON": 1}
    assert summary.partitions == -(-(ARTICLES + 1) // PARTITION)
    assert (summary.coded, summary.resumed, summary.retried) == (summary.partitions, 0, 0)
    assert summary.events == len(table_rows(folder / "out", "events")) > 0
    assert summary.mentions == len(table_rows(folder / "out", "mentions")) > summary.events


def test_events_are_merged_across_partitions_exactly_as_the_store_merges_them(local_run):
    folder, summary = local_run
    written, stored = _groups(folder / "out"), _store_groups(folder / "store.db")
    assert set(written) == set(stored)
    columns = [("cameo", "cameo"), ("status", "status"), ("source_id", "source_actor_id"),
               ("target_id", "target_actor_id"), ("date_precision", "date_precision"),
               ("location_name", "location_name"), ("source_count", "source_count"),
               ("mention_count", "mention_count"), ("confidence", "confidence")]
    for group, event in written.items():
        assert {a: event[a] for a, _ in columns} == {a: stored[group][b] for a, b in columns}
        assert str(event["date_start"]) == str(stored[group]["date_start"])
    position = {f"gen-3-{n:07d}": n + (n >= 7) for n in range(ARTICLES)}  # line in the file
    spread = [g for g in written
              if len({position[key] // PARTITION for key, _ in g}) > 1]
    assert spread, "the corpus should have reports of one event in different partitions"
    assert summary.store is not None and summary.store.events_total == len(stored)


def test_partition_size_does_not_change_the_tables(local_run, corpus, tmp_path):
    folder, _ = local_run
    whole = run(corpus, tmp_path / "one-partition", partition_size=100)
    assert whole.partitions == 1
    assert tables(tmp_path / "one-partition") == tables(folder / "out")


def test_one_worker_and_two_workers_write_the_same_files(local_run, corpus, tmp_path):
    folder, _ = local_run
    run(corpus, tmp_path / "one", workers=1)
    assert files(tmp_path / "one") == files(folder / "out")
    assert tables(tmp_path / "one") == tables(folder / "out")
    for name in files(tmp_path / "one"):
        assert (tmp_path / "one" / name).read_bytes() == (folder / "out" / name).read_bytes()


def test_a_second_run_skips_every_written_partition(local_run, corpus, tmp_path):
    first = run(corpus, tmp_path / "out")
    second = run(corpus, tmp_path / "out")
    assert (second.coded, second.resumed) == (0, first.partitions)
    assert tables(tmp_path / "out") == tables(local_run[0] / "out")


def test_a_partition_whose_documents_changed_is_coded_again(corpus, tmp_path, generator):
    copy = tmp_path / "corpus.jsonl"
    copy.write_text(corpus.read_text(encoding="utf-8"), encoding="utf-8")
    first = run(copy, tmp_path / "out")
    lines = copy.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[0])
    changed["title"] = "A corrected headline"
    lines[0] = json.dumps(changed)
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = run(copy, tmp_path / "out")
    assert (second.coded, second.resumed) == (1, first.partitions - 1)
    titles = {d["doc_key"]: d["title"] for d in table_rows(tmp_path / "out", "documents")}
    assert titles[changed["id"]] == "A corrected headline"


def test_a_damaged_partition_file_is_coded_again(local_run, corpus, tmp_path):
    first = run(corpus, tmp_path / "out")
    damaged = tmp_path / "out" / ENGINE_DIR / "parts" / "p00001" / "mentions.jsonl.gz"
    damaged.write_bytes(b"not what was written")
    second = run(corpus, tmp_path / "out")
    assert (second.coded, second.resumed) == (1, first.partitions - 1)
    assert tables(tmp_path / "out") == tables(local_run[0] / "out")


def test_a_worker_process_killed_mid_run_is_replaced_and_its_partitions_coded_again(
        local_run, corpus, tmp_path):
    killed: list[int] = []

    def kill_first_worker(summary: RunSummary, result: PartitionResult | None) -> None:
        if result is not None and not killed:
            pid = int(result.worker.rsplit(":", 1)[1])
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)

    summary = run(corpus, tmp_path / "out", workers=2, partition_size=2,
                  progress=kill_first_worker)
    assert killed and summary.retried >= 1
    assert summary.quarantined == {"invalid JSON": 1}
    assert summary.documents == ARTICLES
    assert tables(tmp_path / "out") == tables(local_run[0] / "out")


def test_a_folder_holding_other_files_is_refused(corpus, tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(EngineError, match="holds other files"):
        run(corpus, tmp_path)


def test_a_scheduler_without_the_dask_engine_is_refused(corpus, tmp_path):
    with pytest.raises(EngineError, match="--scheduler is for --engine dask"):
        run(corpus, tmp_path / "out", scheduler="tcp://127.0.0.1:8786")
    assert not (tmp_path / "out").exists()
