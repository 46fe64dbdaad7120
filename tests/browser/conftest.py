"""Browser fixtures: a real `tengri serve` over a temp store holding the sample corpus (and
one hostile document), keys of each role, and Debian's chromium driven by Playwright.

The server and the browser are started once per session; each test gets a fresh page whose
requests and errors are recorded. Without chromium or Playwright these tests skip locally and
fail in CI (tests/conftest.py `require`).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from tests.conftest import require

# The CLI of the Python running the tests, whatever its virtualenv's layout.
TENGRI = [sys.executable, "-c", "import sys; from tengri.cli import main; sys.argv[0] = "
          "'tengri'; main()"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
HOSTILE_MARK = "window.__tengriPwned"
HOSTILE_TEXT = (
    "ASTANA, March 3 - Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir "
    "Putin in Moscow on Tuesday <script>window.__tengriPwned = true; alert(\"pwned\")</script> "
    "to discuss transit <img src=\"http://203.0.113.9/pixel.png\" "
    "onerror=\"window.__tengriPwned = true\"> and energy, the Kremlin said.\n\n"
    "<iframe src=\"http://203.0.113.9/frame\"></iframe><a href=\"javascript:"
    "window.__tengriPwned=true\">read more</a>")
HOSTILE_TITLE = "Talks in Moscow <img src=x onerror=\"window.__tengriPwned = true\">"


@dataclass(frozen=True)
class Server:
    base: str  # http://127.0.0.1:PORT/
    db: str
    tokens: dict[str, str]  # role -> key
    hostile_document: int

    def api(self, path: str, role: str = "reader", body: Any = None,
            method: str | None = None) -> Any:
        """Call the API as `role` (JSON in, JSON out; errors raise HTTPError)."""
        request = urllib.request.Request(
            f"{self.base}api/v1{path}", method=method or ("POST" if body is not None else "GET"),
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.tokens[role]}",
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@dataclass
class Recorder:
    """What a page did: every request's URL, script errors, console errors and dialogs."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def _run(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([*TENGRI, *args], env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, f"tengri {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"tengri serve exited: {process.stderr.read()}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(f"{base}api/v1/health", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise AssertionError("tengri serve did not answer within 90 s")


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium")
    require(path is not None, "service:chromium (Debian package chromium)")
    require(importlib.util.find_spec("playwright") is not None, "service:playwright (pip)")
    return str(path)


@pytest.fixture(scope="session")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`tengri serve` (reading needs a key) over the samples, on a free loopback port."""
    root = tmp_path_factory.mktemp("dashboard")
    db = str(root / "samples.db")
    env = {**os.environ, "TENGRI_DATA_DIR": str(root / "data")}
    env.pop("TENGRI_DB", None)
    _run("demo", "--no-serve", "--db", db, env=env)
    tokens = {role: json.loads(_run("keys", "create", f"{role}-tester", "--role", role,
                                    "--json", "--by", "browser-tests", "--db", db,
                                    env=env))["token"]
              for role in ("reader", "curator")}
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen([*TENGRI, "serve", "--db", db, "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_up(base, process)
        partial = Server(base, db, tokens, 0)
        partial.api("/ingest", "curator", {"documents": [{
            "text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "published": "2026-03-04",
            "url": "https://hostile.example.org/talks", "source_name": "Hostile <b>Wire</b>"}]})
        found = partial.api("/documents?text=Talks+in+Moscow")
        yield Server(base, db, tokens, found[0]["id"])
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def page(browser: Any, server: Server, recorder: Recorder) -> Iterator[Any]:
    """A fresh page (own storage) that records its requests, errors and dialogs."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(20_000)
    opened.on("request", lambda r: recorder.requests.append(r.url))
    opened.on("pageerror", lambda e: recorder.errors.append(str(e)))
    opened.on("console", lambda m: recorder.console.append(m.text) if m.type == "error"
              else None)

    def dismiss(dialog: Any) -> None:
        recorder.dialogs.append(dialog.message)
        dialog.dismiss()

    opened.on("dialog", dismiss)
    yield opened
    context.close()


def sign_in(page: Any, server: Server, role: str, at: str = "#/") -> None:
    """Open the dashboard and sign in with the `role` key through the Sign in dialog."""
    page.goto(server.base + at)
    page.click("#sign-in")
    page.fill("#key-input", server.tokens[role])
    page.click("#key-save")
    page.wait_for_selector(f"#role.role-{role}")
    wait_ready(page)


def wait_ready(page: Any) -> None:
    """Until the page under the current address has finished drawing."""
    page.wait_for_function("() => document.body.dataset.ready === (location.hash || '#/')")
