"""`tengri run` as a user runs it: killed (SIGKILL) mid-run, then run again, it skips the
partitions it had written and finishes with the same tables as a run never interrupted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .runs import tables

pytestmark = pytest.mark.slow


def tengri_command() -> list[str]:
    script = Path(sys.executable).with_name("tengri")
    return [str(script)] if script.exists() else [
        sys.executable, "-c", "from tengri.cli import main; main()"]


def _run(corpus: Path, out: Path) -> list[str]:
    return [*tengri_command(), "run", str(corpus), "--out", str(out), "--workers", "1",
            "--partition-size", "2", "--json"]


def test_a_run_killed_mid_way_resumes_where_it_stopped(local_run, corpus, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    client = subprocess.Popen(_run(corpus, out), env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    done = out / "_engine" / "done"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and client.poll() is None:
        if done.is_dir() and len(list(done.glob("p*.json"))) >= 2:
            break
        time.sleep(0.05)
    client.kill()
    client.wait(timeout=60)
    written = len(list(done.glob("p*.json")))
    assert 2 <= written < 10, "the client should die with some partitions written"
    assert not (out / "events").exists()

    finished = subprocess.run(_run(corpus, out), env=env, capture_output=True, timeout=1200,
                              check=True)
    summary = json.loads(finished.stdout)
    assert summary["resumed"] == written
    assert summary["resumed"] + summary["coded"] == summary["partitions"] == 10
    assert tables(out) == tables(local_run[0] / "out")
