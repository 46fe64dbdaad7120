"""`tengri demo`: the samples coded into a demo store once, a summary without serving, a
fresh curator key each run, and a clear error for a port that is taken."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tengri.cli import app
from tengri.cli.demo import DEMO_KEY_NAME, demo_curator_key, free_port
from tengri.errors import UsageError
from tengri.samples import sample_index
from tengri.store import open_store, store_counts
from tengri.store.keys import list_keys, verify_key


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("TENGRI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("TENGRI_DB", raising=False)
    return CliRunner()


@pytest.mark.slow
def test_demo_without_serving_codes_every_sample_once_and_prints_the_store(
        runner: CliRunner, tmp_path: Path) -> None:
    samples = len(sample_index())
    first = runner.invoke(app, ["demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    default_db = tmp_path / "data" / "demo.db"
    assert f"sample articles: {samples} stored, 0 already there, 0 quarantined" in first.output
    assert f"store: {default_db}" in first.output
    assert "busiest dyads" in first.output and "KAZ–RUS" in first.output
    assert "dashboard:" not in first.output
    store = open_store(str(default_db))
    try:
        counts = store_counts(store)
        assert counts["documents"] == samples and counts["events"] > 100
        assert list_keys(store) == []  # no key is made when nothing is served
    finally:
        store.close()
    again = runner.invoke(app, ["demo", "--no-serve"])
    assert again.exit_code == 0, again.output
    assert f"sample articles: 0 stored, {samples} already there" in again.output


def test_each_demo_run_revokes_the_last_demo_key_and_issues_a_new_one(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "keys.db"))
    try:
        first = demo_curator_key(store)
        second = demo_curator_key(store)
        assert verify_key(store, first) is None
        issued = verify_key(store, second)
        assert issued is not None and issued.role.value == "curator"
        assert [k.name for k in list_keys(store, include_revoked=False)] == [DEMO_KEY_NAME]
    finally:
        store.close()


def test_a_port_in_use_is_a_usage_error_that_names_the_way_out() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UsageError, match=f"127.0.0.1:{port}.*--port"):
            free_port("127.0.0.1", port)
    assert free_port("127.0.0.1", 0) > 0
