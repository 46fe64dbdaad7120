"""A real `tengri ingest` process: killed with SIGKILL mid-run and started again, it stores
every document exactly once and ends with the same events as an uninterrupted run; and a
reader querying while it writes always gets answers."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from tests.store.conftest import count_documents, tengri_command

from tengri.store import (
    EventFilter,
    Store,
    count_events,
    find_documents,
    find_events,
    get_event,
    open_store,
    store_counts,
)
from tengri.store.schema import documents, event_mentions

pytestmark = pytest.mark.slow


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "TENGRI_DATA_DIR": str(tmp_path / "data"), "PYTHONUNBUFFERED": "1"}


def _ingest(db: str, corpus: Path, tmp_path: Path, *extra: str,
            batch_size: int = 8) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        tengri_command("ingest", str(corpus), "--db", db, "--batch-size", str(batch_size),
                       *extra),
        env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _events(store: Store) -> set[frozenset[tuple[str, str]]]:
    """The events as sets of (document key, record id): comparable across databases."""
    with store.read() as connection:
        rows = connection.execute(
            select(event_mentions.c.event_id, documents.c.doc_key, event_mentions.c.record_id)
            .join(documents, documents.c.id == event_mentions.c.document_id)).all()
    grouped: dict[int, set[tuple[str, str]]] = {}
    for event_id, doc_key, record_id in rows:
        grouped.setdefault(event_id, set()).add((doc_key, record_id))
    return {frozenset(v) for v in grouped.values()}


def test_kill_9_mid_run_then_again_stores_every_document_exactly_once(
        db_url: str, generated_corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    corpus, ids = generated_corpus
    open_store(db_url).close()  # create the schema before the race starts
    first = _ingest(db_url, corpus, tmp_path, "--workers", "2")
    deadline = time.monotonic() + 120
    while count_documents(db_url) < 24 and first.poll() is None:
        assert time.monotonic() < deadline, "the first run stored nothing in two minutes"
        time.sleep(0.2)
    assert first.poll() is None, "the run ended before it could be killed; use a bigger corpus"
    workers = psutil.Process(first.pid).children(recursive=True)
    assert workers, "the run should code in worker processes"
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    # its pool workers notice their parent is gone and leave, not wait for ever holding a KB
    _, alive = psutil.wait_procs(workers, timeout=30)
    assert not [p for p in alive if p.status() != psutil.STATUS_ZOMBIE], alive
    stored_when_killed = count_documents(db_url)
    assert 0 < stored_when_killed < len(ids)

    second = subprocess.run(
        tengri_command("ingest", str(corpus), "--db", db_url, "--json"), env=_env(tmp_path),
        capture_output=True, timeout=600, check=True)
    summary = __import__("json").loads(second.stdout)
    assert (summary["seen"], summary["unchanged"], summary["stored"]) == (
        len(ids), stored_when_killed, len(ids) - stored_when_killed)

    store = open_store(db_url)
    reference = open_store(str(tmp_path / "reference.db"))
    try:
        with store.read() as connection:
            keys = connection.execute(select(documents.c.doc_key)).scalars().all()
        assert sorted(keys) == sorted(ids)  # none missing, none twice
        subprocess.run(tengri_command("ingest", str(corpus), "--db",
                                      str(tmp_path / "reference.db")),
                       env=_env(tmp_path), capture_output=True, timeout=600, check=True)
        assert _events(store) == _events(reference)
    finally:
        store.close()
        reference.close()


def test_ingesting_the_same_corpus_again_changes_no_count(
        db_url: str, generated_corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    corpus, ids = generated_corpus
    run = lambda: subprocess.run(  # noqa: E731
        tengri_command("ingest", str(corpus), "--db", db_url, "--workers", "2"),
        env=_env(tmp_path), capture_output=True, timeout=600, check=True)
    run()
    store = open_store(db_url)
    try:
        before = store_counts(store)
        run()
        after = store_counts(store)
    finally:
        store.close()
    assert before["documents"] == len(ids)
    assert {k: v for k, v in after.items() if k != "runs"} == \
        {k: v for k, v in before.items() if k != "runs"}
    assert after["runs"] == before["runs"] + 1


def test_a_reader_gets_answers_while_an_ingest_writes(
        db_url: str, generated_corpus: tuple[Path, list[str]], tmp_path: Path) -> None:
    corpus, ids = generated_corpus
    open_store(db_url).close()
    # one document per commit, coded in the writer's own process: the writing spans seconds
    # (160 commits), so a reader slowed by a loaded machine still sees it under way
    writer = _ingest(db_url, corpus, tmp_path, "--workers", "1", batch_size=1)
    answers, errors, seen = 0, [], []
    try:
        while writer.poll() is None:
            store = open_store(db_url)  # a new reader each time, as a CLI call would be
            try:
                events = find_events(store, EventFilter(), limit=20)
                count_events(store, EventFilter(type="CONSULT"))
                find_documents(store, limit=5)
                if events:
                    get_event(store, events[0].id)
                seen.append(store_counts(store)["documents"])
                answers += 1
            except OperationalError as exc:
                errors.append(str(exc.orig))
            finally:
                store.close()
    finally:
        writer.wait(timeout=600)
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert errors == []
    assert answers >= 5 and seen == sorted(seen) and seen[-1] <= len(ids)
    assert any(0 < n < len(ids) for n in seen), "the reader never saw the ingest in progress"
