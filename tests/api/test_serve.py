"""`tengri serve` for real: a uvicorn process on a free port, queried over HTTP."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest
from tests.api.conftest import API, Keys


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(db_path: str) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from tengri.cli import main; main()", "serve", "--host",
         "127.0.0.1", "--port", str(port), "--db", db_path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}{API}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"tengri serve did not start: "
                                     f"{process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.slow
def test_tengri_serve_answers_over_http(server: str, keys: Keys) -> None:
    health = httpx.get(f"{server}{API}/health").json()
    assert (health["status"], health["backend"]) == ("ok", "sqlite")
    closed = httpx.get(f"{server}{API}/events")
    assert closed.status_code == 401
    assert closed.headers["content-type"] == "application/problem+json"
    page = httpx.get(f"{server}{API}/events?dyad=KAZ-RUS&limit=2",
                     headers=keys.header("reader"), timeout=30).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    dyad = httpx.get(f"{server}{API}/dyads/KAZ/RUS", headers=keys.header("reader"),
                     timeout=60).json()
    assert dyad["balance"]["events"] == 6
    assert httpx.get(f"{server}/openapi.json").json()["info"]["title"] == "tengri"
