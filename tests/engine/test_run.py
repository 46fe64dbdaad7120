"""`run_corpus` with the local engine: the tables it writes, merging across partitions as the
store merges, duplicates, resuming, and a worker process killed mid-run."""

from __future__ import annotations

import json
import os
import signal
from collections import defaultdict
from pathlib import Path

import pytest

from tengri.engine import EngineError, RunSummary
from tengri.engine.manifest import ENGINE_DIR
from tengri.engine.records import PartitionResult
from tengri.export import export_parquet
from tengri.store import EventFilter, open_store

from .runs import ARTICLES, PARTITION, files, run, table_rows, tables, without_ids

pytestmark = pytest.mark.slow


def _groups(out: Path) -> list[frozenset[tuple[str, str]]]:
    """Each event of the tables as the set of (document key, record id) of its mentions."""
    keys = {r["document_id"]: r["doc_key"] for r in table_rows(out, "documents")}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for mention in table_rows(out, "mentions"):
        found[mention["event_id"]].add((keys[mention["document_id"]], mention["record_id"]))
    return [frozenset(v) for v in found.values()]


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


def test_the_tables_say_what_the_store_exports_after_ingesting_the_same_corpus(
        local_run, tmp_path):
    folder, summary = local_run
    store = open_store(str(folder / "store.db"))
    try:
        export_parquet(store, EventFilter(), tmp_path / "export")
    finally:
        store.close()
    ours, stored = without_ids(folder / "out"), without_ids(tmp_path / "export")
    assert {k: len(v) for k, v in ours.items()} == {k: len(v) for k, v in stored.items()}
    assert ours == stored
    assert summary.store is not None and summary.store.events_total == summary.events


def test_some_events_hold_reports_from_different_partitions(local_run):
    position = {f"gen-3-{n:07d}": n + (n >= 7) for n in range(ARTICLES)}  # line in the file
    spread = [g for g in _groups(local_run[0] / "out")
              if len({position[key] // PARTITION for key, _ in g}) > 1]
    assert spread, "the corpus should have reports of one event in different partitions"


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
