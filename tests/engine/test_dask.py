"""The Dask engine on a LocalCluster of two worker processes: the same tables as the local
engine, and a worker killed mid-run retried with every document written once."""

from __future__ import annotations

import importlib.util
import os
import signal
import time

import pytest
from tests.conftest import require

from tengri.engine import RunSummary
from tengri.engine.records import PartitionResult

from .runs import ARTICLES, files, run, tables

pytestmark = [pytest.mark.dask, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _distributed() -> None:
    require(importlib.util.find_spec("distributed") is not None, "python package distributed")


def _gone(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_a_local_cluster_of_two_workers_writes_the_same_files_as_the_local_engine(
        local_run, corpus, tmp_path):
    summary = run(corpus, tmp_path / "out", engine="dask", workers=2)
    local = local_run[0] / "out"
    assert (summary.engine, summary.workers, summary.retried) == ("dask", 2, 0)
    assert files(tmp_path / "out") == files(local)
    for name in files(local):
        assert (tmp_path / "out" / name).read_bytes() == (local / name).read_bytes()
    assert tables(tmp_path / "out") == tables(local)


def test_a_worker_killed_mid_run_is_retried_and_every_document_is_written_once(
        local_run, corpus, tmp_path):
    killed: list[int] = []

    def kill_a_worker(summary: RunSummary, result: PartitionResult | None) -> None:
        if result is not None and not killed:  # the worker that finished first is busy again
            pid = int(result.worker.rsplit(":", 1)[1])
            killed.append(pid)
            os.kill(pid, signal.SIGKILL)

    summary = run(corpus, tmp_path / "out", engine="dask", workers=2, partition_size=2,
                  progress=kill_a_worker)
    assert killed and _gone(killed[0])
    assert summary.coded == summary.partitions == 10
    assert summary.quarantined == {"invalid JSON": 1}
    assert summary.documents == ARTICLES
    assert tables(tmp_path / "out") == tables(local_run[0] / "out")
