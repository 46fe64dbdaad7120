"""A tengri server over the sample corpus for the dashboard scripts (screenshot.py,
dashboard_bench.py): the store is filled like `tengri demo --no-serve`, `tengri serve` runs in
a process of its own on a free loopback port, and Debian's chromium is launched through
Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tengri.cli.demo import ingest_samples
from tengri.settings import Settings
from tengri.store import open_store

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]


@contextmanager
def sample_store(db: str | None) -> Iterator[str]:
    """`db` as given, else a temporary store filled with the sample corpus."""
    if db:
        yield db
        return
    with tempfile.TemporaryDirectory(prefix="tengri-dashboard-") as folder:
        path = str(Path(folder) / "samples.db")
        settings = Settings(db_url=path, data_dir=Path(folder))
        store = open_store(path, settings)
        try:
            ingest_samples(store, settings)
        finally:
            store.close()
        yield path


TENGRI = [sys.executable, "-c", "import sys; from tengri.cli import main; sys.argv[0] = "
          "'tengri'; main()"]


@contextmanager
def serving(db: str, options: Sequence[str] = ("--read-open",),
            log: IO[bytes] | None = None) -> Iterator[str]:
    """`tengri serve` over `db` with `options` (reading open by default, as in `tengri demo`)
    on a free loopback port; yields the base address. The server's stderr goes to `log`."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    base = f"http://127.0.0.1:{port}/"
    # Many page loads in a row from one address: lift the anonymous rate limit for the run.
    env = {**os.environ, "TENGRI_API_ANONYMOUS_RATE_LIMIT": "1000000"}
    process = subprocess.Popen([*TENGRI, "serve", "--db", db, "--host", "127.0.0.1",
                                "--port", str(port), *options], env=env,
                               stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"tengri serve did not start on {base}")
            try:
                with urllib.request.urlopen(f"{base}api/v1/health", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    path = shutil.which("chromium")
    if path is None:
        raise SystemExit("needs Debian's chromium (apt-get install chromium) and playwright "
                         "(pip install playwright); `playwright install` is not used")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_drawn(page: Any, timeout_ms: int = 60_000) -> None:
    """Until the dashboard says the page for the current address is complete."""
    page.wait_for_function("() => document.body.dataset.ready === (location.hash || '#/')",
                           timeout=timeout_ms)
