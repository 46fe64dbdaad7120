"""Exports stream: exporting four times as many events through the CLI takes no more memory.

Measured in-process with tracemalloc (Python allocations), after a warm-up export so that
one-time tables (ontology, code tables) are already loaded. The store is read 100 rows a
query and Parquet buffers 500 rows, so both sizes are well past every bound. No timing is
asserted.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from tests.export.conftest import corpus, multiply, store_all
from typer.testing import CliRunner

from tengri.cli import app
from tengri.store import export_queries, open_store

SIZES = (1_000, 4_000)
SLACK = 512 * 1024  # bytes: allocator noise between runs


def _store(folder: Path, count: int) -> str:
    """A store of `count` events: the fixture corpus (8 events), copied."""
    path = folder / f"store-{count}.db"
    store = open_store(str(path))
    try:
        store_all(store, *corpus())
        multiply(store, count // 8)
    finally:
        store.close()
    return str(path)


def _peak(db: str, fmt: str, out: Path) -> int:
    extra = ["--row-group-size", "100"] if fmt == "parquet" else []
    tracemalloc.start()
    try:
        result = CliRunner().invoke(app, ["export", "--format", fmt, "--out", str(out),
                                          "--db", db, *extra])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.exit_code == 0, result.output
    return peak


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, str]:
    folder = tmp_path_factory.mktemp("stores")
    return {count: _store(folder, count) for count in (200, *SIZES)}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "plover", "parquet"])
def test_exporting_four_times_the_events_takes_no_more_memory(
        fmt: str, stores: dict[int, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_queries, "BATCH", 100)
    _peak(stores[200], fmt, tmp_path / "warm-up")
    small, large = (_peak(stores[count], fmt, tmp_path / f"out-{count}") for count in SIZES)
    assert large < small * 1.25 + SLACK, (fmt, small, large)
