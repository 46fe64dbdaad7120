"""A real HTTP server on 127.0.0.1 for the fetching tests, and options that let tengri reach it.

Routes are set per test: `web.route("/a", body=b"...", headers={...})`, or a function that
gets the request handler for anything unusual (sleeping, redirecting, failing twice).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tengri.ingest.addresses import AddressPolicy
from tengri.ingest.fetch import FetchOptions


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class LocalWeb:
    """A threaded HTTP server on an ephemeral loopback port."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                web.hits.append((self.path, dict(self.headers)))
                route = web.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                if route.handler is not None:
                    route.handler(self)
                    return
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(
        self,
        path: str,
        body: bytes | str = b"",
        status: int = 200,
        headers: dict[str, str] | None = None,
        handler: Callable[[BaseHTTPRequestHandler], None] | None = None,
    ) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, data, dict(headers or {}), handler)
        return self.url(path)

    def paths_hit(self) -> list[str]:
        return [path for path, _ in self.hits]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    server = LocalWeb()
    yield server
    server.close()


def local_options(**overrides: object) -> FetchOptions:
    """Fast options that may reach the loopback test server."""
    values: dict[str, object] = {
        "timeout": 2.0,
        "total_timeout": 5.0,
        "retries": 1,
        "backoff": 0.01,
        "per_host_interval": 0.0,
        "policy": AddressPolicy(allow_private=True),
    }
    values.update(overrides)
    return FetchOptions(**values)  # type: ignore[arg-type]


HTML_TYPE = {"Content-Type": "text/html; charset=utf-8"}


def article_page(title: str, body: str, date: str | None = None, author: str | None = None) -> str:
    """A small news page with boilerplate around the article."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    byline = f'<meta name="author" content="{author}">' if author else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f'<!doctype html><html lang="en"><head><title>{title}</title>{meta}{byline}'
        f'<meta property="og:site_name" content="Steppe Wire"></head><body>'
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>Subscribe to our newsletter. All rights reserved.</footer></body></html>"
    )


def make_warc(pages: list[tuple[str, str, bytes]], gz: bool = True, extras: bool = True) -> bytes:
    """A WARC of (url, content type, body) responses, written with warcio; with `extras`, the
    kinds of records a crawl also holds (a request, an image, a redirect) are mixed in."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)

    def response(url: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-11-12T08:30:00Z"},
            )
        )

    for number, (url, content_type, body) in enumerate(pages):
        if extras:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        response(url, "200 OK", content_type, body)
        if extras and number == 0:
            response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
            response(
                "https://news.example/old",
                "301 Moved Permanently",
                "text/html",
                b"<a href='/new'>moved</a>",
            )
    return buffer.getvalue()
