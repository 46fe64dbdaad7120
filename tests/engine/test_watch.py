"""`tengri watch` as a user runs it, on a real folder and on a real feed served over HTTP:
new items are stored once as they arrive, seen pages are not fetched again, and SIGTERM or
SIGINT stops it cleanly (exit 0)."""

from __future__ import annotations

import html
import json
import os
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .test_resume import tengri_command

pytestmark = pytest.mark.slow


def _documents(db: Path) -> list[str]:
    if not db.exists():
        return []
    connection = sqlite3.connect(db)
    try:
        return sorted(key for (key,) in connection.execute("SELECT doc_key FROM documents"))
    except sqlite3.OperationalError:  # the schema is not there yet
        return []
    finally:
        connection.close()


def _wait_for(check: Callable[[], bool], what: str, process: subprocess.Popen[bytes],
              db: Path, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if process.poll() is not None:
            raise AssertionError(f"watch exited ({process.returncode}) before {what}: "
                                 f"{_tail(db)}")
        time.sleep(0.2)
    process.kill()
    process.wait()
    raise AssertionError(f"timed out waiting for {what}: {_tail(db)}")


def _tail(db: Path) -> str:
    return db.with_suffix(".err").read_text(encoding="utf-8", errors="replace")[-2000:]


def _watch(target: str, db: Path, *extra: str) -> subprocess.Popen[bytes]:
    """The watch, its output and its messages in files next to the store (a pipe nobody
    reads would fill up and stop it)."""
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    stdout, stderr = db.with_suffix(".out"), db.with_suffix(".err")
    return subprocess.Popen([*tengri_command(), "watch", target, "--db", str(db), "--json",
                             "--interval", "0.2", *extra], env=env,
                            stdout=stdout.open("wb"), stderr=stderr.open("wb"))


def _stop(process: subprocess.Popen[bytes], sig: int, db: Path) -> dict[str, Any]:
    process.send_signal(sig)
    process.wait(timeout=600)
    assert process.returncode == 0, db.with_suffix(".err").read_text()
    return json.loads(db.with_suffix(".out").read_text().strip().splitlines()[-1])


def _jsonl(articles: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(a) + "\n" for a in articles)


def test_a_watched_folder_stores_each_new_file_once_and_stops_on_sigterm(generator, tmp_path):
    folder, db = tmp_path / "inbox", tmp_path / "store.db"
    folder.mkdir()
    first, second, third = (list(generator.generate(5, seed=21))[i:i + j]
                            for i, j in ((0, 2), (2, 1), (3, 1)))
    process = _watch(str(folder), db, "--settle", "0.3")
    try:
        (folder / "a.jsonl").write_text(_jsonl(first), encoding="utf-8")
        _wait_for(lambda: len(_documents(db)) == 2, "the first file", process, db)
        # the duplicate first: it settles no later than b.jsonl and sorts before it, so it
        # has been read by the time b.jsonl's document is stored
        (folder / "a-again.jsonl").write_text(_jsonl(first), encoding="utf-8")
        (folder / "b.jsonl").write_text(_jsonl(second), encoding="utf-8")
        (folder / "c.jsonl.part").write_text(_jsonl(third), encoding="utf-8")  # still arriving
        _wait_for(lambda: len(_documents(db)) == 3, "the second file", process, db)
        time.sleep(1.0)  # a few more polls: nothing new may be stored
    finally:
        summary = _stop(process, signal.SIGTERM, db)
    assert _documents(db) == sorted(a["id"] for a in first + second)
    assert summary["stopped"] is True
    assert (summary["stored"], summary["unchanged"]) == (3, 2)


class _Feed:
    """An RSS feed of articles on a local HTTP server, counting the requests per path."""

    def __init__(self, articles: list[dict[str, Any]]) -> None:
        self.articles = articles
        self.shown = 2
        self.hits: Counter[str] = Counter()
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feed.hits[self.path] += 1
                body, kind = feed.page(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", kind)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, path: str) -> tuple[bytes, str]:
        if path == "/feed.xml":
            return self.rss().encode(), "application/rss+xml"
        for number, article in enumerate(self.articles):
            if path == f"/news/{number}.html":
                paragraphs = "".join(f"<p>{html.escape(p)}</p>"
                                     for p in article["text"].split("\n\n")[1:])
                return (f"<html><head><title>{html.escape(article['title'])}</title>"
                        f"<meta property='article:published_time' "
                        f"content='{article['published']}'></head><body><article>"
                        f"<h1>{html.escape(article['title'])}</h1>{paragraphs}</article>"
                        f"</body></html>").encode(), "text/html"
        return b"", "text/plain"

    def rss(self) -> str:
        items = "".join(
            f"<item><title>{html.escape(a['title'])}</title>"
            f"<link>{self.url}/news/{n}.html</link><guid>{a['id']}</guid>"
            f"<pubDate>{format_datetime(self._day(a))}</pubDate></item>"
            for n, a in enumerate(self.articles[:self.shown]))
        return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test wire</title>"
                f"<link>{self.url}/</link><description>news</description>{items}"
                f"</channel></rss>")

    @staticmethod
    def _day(article: dict[str, Any]) -> Any:
        import datetime as dt

        return dt.datetime.fromisoformat(article["published"]).replace(tzinfo=dt.UTC)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feed(generator: Any) -> Iterator[_Feed]:
    served = _Feed(list(generator.generate(3, seed=31)))
    yield served
    served.close()


def test_a_watched_feed_stores_new_items_and_fetches_each_page_once(feed, tmp_path):
    db = tmp_path / "store.db"
    process = _watch(f"{feed.url}/feed.xml", db, "--allow-private-addresses")
    try:
        _wait_for(lambda: len(_documents(db)) == 2, "the feed's first two items",
                  process, db)
        feed.shown = 3
        _wait_for(lambda: len(_documents(db)) == 3, "the item added to the feed", process, db)
        polls = feed.hits["/feed.xml"]
        _wait_for(lambda: feed.hits["/feed.xml"] >= polls + 2, "two more polls", process, db)
    finally:
        summary = _stop(process, signal.SIGINT, db)
    assert len(_documents(db)) == 3
    assert {p: n for p, n in feed.hits.items() if p.startswith("/news/")} == {
        "/news/0.html": 1, "/news/1.html": 1, "/news/2.html": 1}
    assert (summary["stored"], summary["quarantined"]) == (3, 0)
