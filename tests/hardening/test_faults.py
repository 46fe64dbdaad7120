"""Faults, with real processes: SIGKILL in the middle of an export and of a stream of curation
writes, the disk filling up under an ingest and an export, and PostgreSQL restarted while an
ingest writes and the API reads. After each: nothing stored is lost, doubled or half-written,
no half-written file looks complete, and the next run recovers by itself.

SIGKILL in the middle of `tengri ingest` (SQLite and PostgreSQL) is in
tests/store/test_crash_and_concurrency.py; it is not repeated here."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from tests.analytics.factories import store_reports, world
from tests.store import conftest as store_fixtures
from tests.store.conftest import count_documents, tengri_command, write_generated_corpus

from tengri.store import open_store
from tengri.store.schema import audit_log, documents, event_curations, event_mentions

from .conftest import Figures

pytestmark = pytest.mark.slow
postgres_server = store_fixtures.postgres_server
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "TENGRI_DATA_DIR": str(tmp / "data"), "PYTHONUNBUFFERED": "1"}


def tengri(tmp: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(tengri_command(*args), env=env(tmp), capture_output=True, text=True,
                          timeout=timeout, check=False)


def one_line_error(run: subprocess.CompletedProcess[str]) -> bool:
    """How tengri fails: one line on stderr and exit 1, never a traceback."""
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    return run.returncode == 1 and len(lines) == 1 and "Traceback" not in run.stderr


def kill_when(process: subprocess.Popen[bytes], ready: Any, what: str,
              seconds: float = 120) -> None:
    """SIGKILL `process` as soon as `ready()` is true; fail if it ends first."""
    deadline = time.monotonic() + seconds
    while not ready():
        assert process.poll() is None, f"{what} ended before it could be killed"
        assert time.monotonic() < deadline, f"{what}: not ready in {seconds} s"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int]:
    """A SQLite store of 20,000 generated events, filled the way benchmarks/api_bench.py
    does (bulk inserts), so an export runs for seconds and can be killed half-way."""
    spec = importlib.util.spec_from_file_location("api_bench", BENCHMARKS / "api_bench.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    path = str(tmp_path_factory.mktemp("big") / "big.db")
    bench.fill_store(path, 20_000, 11)
    return path, 20_000


# --- SIGKILL during an export ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "gdelt"])
def test_an_export_killed_half_way_leaves_no_file_under_its_name_and_the_next_run_completes(
        big_store: tuple[str, int], tmp_path: Path, fmt: str) -> None:
    db, events = big_store
    out = tmp_path / f"events.{fmt}"
    partial = tmp_path / f".{out.name}.partial"
    run = subprocess.Popen(tengri_command("export", "--format", fmt, "--out", str(out),
                                          "--db", db), env=env(tmp_path),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(run, lambda: partial.exists() and partial.stat().st_size > 100_000, "export")
    assert not out.exists()  # nothing under the final name: no half file looks complete
    again = tengri(tmp_path, "export", "--format", fmt, "--out", str(out), "--db", db)
    assert again.returncode == 0, again.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == events
    if fmt == "jsonl":
        assert len({json.loads(line)["event_id"] for line in lines}) == events
    assert not partial.exists()


def test_a_parquet_export_killed_half_way_has_no_manifest_and_is_replaced_on_request(
        big_store: tuple[str, int], tmp_path: Path) -> None:
    """A Parquet export is a folder written in place; its manifest, written last, is what
    says it is complete. Killed, the folder has no manifest; the same command then refuses
    the non-empty folder, and with --overwrite writes it whole."""
    import pyarrow.parquet as pq

    db, events = big_store
    out = tmp_path / "parquet"
    command = ["export", "--format", "parquet", "--out", str(out), "--db", db]
    run = subprocess.Popen(tengri_command(*command), env=env(tmp_path),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kill_when(run, lambda: out.exists() and len(list(out.rglob("*.parquet"))) >= 3, "export")
    assert not (out / "_tengri_export.json").exists()
    refused = tengri(tmp_path, *command)
    assert refused.returncode == 2 and "--overwrite" in refused.stderr
    replaced = tengri(tmp_path, *command, "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    manifest = json.loads((out / "_tengri_export.json").read_text(encoding="utf-8"))
    assert manifest["rows"]["events"] == events
    assert pq.read_table(out / "events").num_rows == events


# --- SIGKILL during curation writes ----------------------------------------------------------

CURATOR_LOOP = textwrap.dedent("""
    import sys
    from tengri.store import open_store
    from tengri.store.audit import Analyst
    from tengri.store.curation import edit_event, set_verdict
    store = open_store(sys.argv[1])
    who = Analyst("fault-test", "curator")
    actions = ("confirm", "reject", "reopen")
    for number in range(100_000):
        event_id = 1 + number % 9
        if number % 4 == 3:
            edit_event(store, event_id, {"location_name": f"place {number}"}, who, f"op {number}")
        else:
            set_verdict(store, event_id, actions[number % 3], who, f"op {number}")
        print(number, flush=True)
""")


def world_store(url: str) -> None:
    store = open_store(url)
    try:
        store_reports(store, world())
    finally:
        store.close()


def curation_state(url: str) -> tuple[list[int], dict[int, dict[str, Any]]]:
    """The numbers of the audited operations in order, and each event's curation row."""
    store = open_store(url)
    try:
        with store.read() as connection:
            reasons = connection.execute(select(audit_log.c.reason).where(
                audit_log.c.who == "fault-test").order_by(audit_log.c.id)).scalars().all()
            rows = connection.execute(select(event_curations)).mappings().all()
    finally:
        store.close()
    return ([int(r.split()[1]) for r in reasons],
            {row["event_id"]: dict(row) for row in rows})


def expected_curations(done: int) -> dict[int, tuple[str | None, str | None]]:
    """(verdict, edited place) of each event after operations 0 .. done-1."""
    state: dict[int, tuple[str | None, str | None]] = {}
    for number in range(done):
        event_id = 1 + number % 9
        verdict, place = state.get(event_id, (None, None))
        if number % 4 == 3:
            place = f"place {number}"
        else:
            verdict = {0: "confirmed", 1: "rejected", 2: None}[number % 3]
        state[event_id] = (verdict, place)
    return state


def test_curation_writes_killed_mid_stream_are_each_all_or_nothing(
        store_fixtures_db_url: str, tmp_path: Path, figures: Figures) -> None:
    url = store_fixtures_db_url
    world_store(url)
    loop = subprocess.Popen([sys.executable, "-c", CURATOR_LOOP, url], env=env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert loop.stdout is not None
    started = time.monotonic()
    for _ in range(40):  # let a few dozen curations land first
        assert loop.stdout.readline(), loop.stderr.read() if loop.stderr else ""
    time.sleep(0.37)
    os.kill(loop.pid, signal.SIGKILL)
    loop.wait(timeout=30)
    done, rows = curation_state(url)
    # every audited change is one operation, in order, none missing, none twice
    assert done == list(range(len(done))) and len(done) >= 40
    # and the curations are exactly those operations applied: no change without its audit
    # entry, no audit entry without its change
    for event_id, (verdict, place) in expected_curations(len(done)).items():
        row = rows[event_id]
        assert row["verdict"] == verdict, (event_id, row)
        assert (row["overrides"] or {}).get("location_name") == place, (event_id, row)
    # the next writer carries on as if nothing happened
    store = open_store(url)
    try:
        from tengri.store.audit import Analyst
        from tengri.store.curation import set_verdict

        set_verdict(store, 1, "confirm", Analyst("fault-test", "curator"), f"op {len(done)}")
    finally:
        store.close()
    assert curation_state(url)[0] == list(range(len(done) + 1))
    figures.note(f"faults: {len(done)} curation writes in {time.monotonic() - started:.1f} s "
                 f"before SIGKILL on {url.split(':')[0] if '://' in url else 'sqlite'}; "
                 "each all or nothing")


@pytest.fixture(params=store_fixtures.BACKENDS)
def store_fixtures_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on each backend (tests/store's `db_url`, under a name of its own so
    its parametrisation stays in that folder)."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    yield from store_fixtures._postgres_database(request.getfixturevalue("postgres_server"))


# --- disk full -------------------------------------------------------------------------------

@contextlib.contextmanager
def small_disk(megabytes: float) -> Iterator[Path]:
    """A tmpfs of `megabytes` (mounted as root, as in this sandbox and CI), grown back to
    200 MB by `grow(folder)` for the run after the fault."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder = Path(tempfile.mkdtemp(prefix="tengri-full-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={int(megabytes * 1024)}k",
                              "tmpfs", str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
        folder.rmdir()


def grow(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,size=200m", str(folder)], check=True)


def mentions_by_document(url: str) -> dict[str, set[str]]:
    store = open_store(url)
    try:
        with store.read() as connection:
            rows = connection.execute(select(documents.c.doc_key, event_mentions.c.record_id)
                                      .join(event_mentions, event_mentions.c.document_id ==
                                            documents.c.id, isouter=True)).all()
    finally:
        store.close()
    out: dict[str, set[str]] = {}
    for key, record in rows:
        out.setdefault(key, set()).add(record) if record else out.setdefault(key, set())
    return out


@pytest.fixture(scope="module")
def full_disk_ingest(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """`tengri ingest` of 60 generated reports into a SQLite store on a 1.5 MB tmpfs (full
    after a few dozen), then again after the disk grows; and a reference store."""
    tmp = tmp_path_factory.mktemp("full")
    corpus = tmp / "reports.jsonl"
    ids = write_generated_corpus(corpus, 60, seed=3)
    reference = str(tmp / "reference.db")
    assert tengri(tmp, "ingest", str(corpus), "--db", reference).returncode == 0
    with small_disk(1.5) as disk:
        db = str(disk / "store.db")
        full = tengri(tmp, "ingest", str(corpus), "--db", db, "--batch-size", "4")
        with sqlite_integrity(db) as check:
            integrity = check
        stored_when_full = mentions_by_document(db)
        grow(disk)
        again = tengri(tmp, "ingest", str(corpus), "--db", db, "--json")
        yield {"ids": ids, "full": full, "integrity": integrity, "again": again,
               "when_full": stored_when_full, "after": mentions_by_document(db),
               "reference": mentions_by_document(reference)}


@contextlib.contextmanager
def sqlite_integrity(path: str) -> Iterator[str]:
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        yield str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


def test_a_full_disk_stops_the_ingest_with_whole_documents_only_and_the_next_run_completes(
        full_disk_ingest: dict[str, Any], figures: Figures) -> None:
    run = full_disk_ingest
    assert run["full"].returncode != 0
    assert run["integrity"] == "ok"
    stored, reference = run["when_full"], run["reference"]
    assert 0 < len(stored) < len(run["ids"]), "the disk should fill part-way through"
    for key, records in stored.items():  # each stored document has all its records
        assert records == reference[key], key
    summary = json.loads(run["again"].stdout)
    assert (summary["stored"], summary["unchanged"]) == (len(run["ids"]) - len(stored),
                                                         len(stored))
    assert run["after"] == reference  # none lost, none twice, the same events
    figures.note(f"faults: disk full after {len(stored)} of {len(run['ids'])} documents; "
                 "the run after the disk grew stored the rest exactly once")


def test_a_full_disk_is_reported_in_one_line(full_disk_ingest: dict[str, Any]) -> None:
    assert one_line_error(full_disk_ingest["full"]), full_disk_ingest["full"].stderr[-600:]


def test_an_export_to_a_full_disk_leaves_no_file_behind(big_store: tuple[str, int],
                                                        tmp_path: Path) -> None:
    db, _ = big_store
    with small_disk(0.5) as disk:
        out = disk / "events.jsonl"
        run = tengri(tmp_path, "export", "--format", "jsonl", "--out", str(out), "--db", db)
        assert run.returncode != 0
        assert list(disk.iterdir()) == []  # neither the file nor its partial


def test_an_export_to_a_full_disk_is_reported_in_one_line(big_store: tuple[str, int],
                                                          tmp_path: Path) -> None:
    db, _ = big_store
    with small_disk(0.5) as disk:
        run = tengri(tmp_path, "export", "--format", "jsonl", "--out", str(disk / "e.jsonl"),
                     "--db", db)
        assert one_line_error(run), run.stderr[-600:]


# --- PostgreSQL restarted under load ----------------------------------------------------------

def restart(server: store_fixtures.PostgresServer) -> float:
    """Restart the test cluster (fast shutdown: sessions are cut); seconds it took."""
    import psycopg

    with psycopg.connect(server.admin(), autocommit=True) as connection:
        data = connection.execute("SHOW data_directory").fetchone()[0]  # type: ignore[index]
    bin_dir = store_fixtures._pg_bin()
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    began = time.monotonic()
    # The restarted postmaster inherits pg_ctl's stdout and stderr: pipes there would never
    # close and the call would wait for them until its timeout.
    subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", data, "-m", "fast", "-w",  # type: ignore[operator]
                    "restart"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    return time.monotonic() - began


@pytest.mark.postgres
def test_postgresql_restarted_under_an_ingest_and_readers_loses_nothing(
        postgres_server: store_fixtures.PostgresServer, tmp_path: Path, kb,  # type: ignore[no-untyped-def]
        figures: Figures) -> None:
    from fastapi.testclient import TestClient

    from tengri.api import ServerSettings, create_app
    from tengri.settings import Settings
    from tengri.store.audit import Analyst
    from tengri.store.keys import Role, create_key

    corpus = tmp_path / "reports.jsonl"
    ids = write_generated_corpus(corpus, 120, seed=5)
    databases = store_fixtures._postgres_database(postgres_server)
    url = next(databases)
    try:
        store = open_store(url)
        token = create_key(store, "reader", Role.READER, Analyst("setup", "admin")).token
        store.close()
        writer = subprocess.Popen(tengri_command("ingest", str(corpus), "--db", url,
                                                 "--batch-size", "4"), env=env(tmp_path),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        app = create_app(Settings(db_url=url), ServerSettings(rate_limit=10**9), kb=kb)
        headers = {"Authorization": f"Bearer {token}"}
        statuses: dict[int, int] = {}
        with TestClient(app, raise_server_exceptions=False) as client:
            def read() -> int:
                status = client.get("/api/v1/events?limit=5", headers=headers).status_code
                statuses[status] = statuses.get(status, 0) + 1
                return status

            deadline = time.monotonic() + 120
            while count_documents(url) < 12:
                assert writer.poll() is None and time.monotonic() < deadline, writer.stderr
                read()
                time.sleep(0.1)
            took = restart(postgres_server)
            recovered = [read() for _ in range(5)]
            writer_rc = writer.wait(timeout=600)
        assert recovered[-3:] == [200, 200, 200], statuses  # the app reconnects by itself
        stored_at_restart = count_documents(url)
        again = tengri(tmp_path, "ingest", str(corpus), "--db", url, "--json")
        assert again.returncode == 0, again.stderr
        summary = json.loads(again.stdout)
        assert summary["stored"] + summary["unchanged"] == len(ids)
        assert summary["unchanged"] == stored_at_restart
        store = open_store(url)
        try:
            with store.read() as connection:
                keys = connection.execute(select(documents.c.doc_key)).scalars().all()
                orphans = connection.execute(text(
                    "SELECT count(*) FROM event_mentions m LEFT JOIN documents d "
                    "ON d.id = m.document_id WHERE d.id IS NULL")).scalar_one()
        finally:
            store.close()
        assert sorted(keys) == sorted(ids) and orphans == 0
        figures.note(f"faults: PostgreSQL restarted in {took:.1f} s under an ingest (exit "
                     f"{writer_rc}, {stored_at_restart} of {len(ids)} stored) and readers "
                     f"(answers {statuses}); the next run stored the rest exactly once")
    finally:
        next(databases, None)
