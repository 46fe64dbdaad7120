"""The HTTP client against a real server on 127.0.0.1: redirects, retries, pacing, size caps,
decompression bombs, timeouts, and the address guard at every hop and at connect time."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest

from tengri.ingest.addresses import AddressPolicy
from tengri.ingest.fetch import USER_AGENT, Fetcher, HostPacer
from tengri.ingest.records import SourceError

from .conftest import HTML_TYPE, LocalWeb, local_options

ONLY_LOOPBACK = AddressPolicy(allowed_networks=("127.0.0.0/8",))


def refusal(fetcher: Fetcher, url: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        fetcher.get(url)
    return caught.value


def test_fetch_returns_the_body_media_type_and_charset_and_names_tengri(web: LocalWeb) -> None:
    url = web.route(
        "/a", "<html>Привет</html>", headers={"Content-Type": "text/html; charset=utf-8"}
    )
    with Fetcher(local_options()) as fetcher:
        fetched = fetcher.get(url)
    assert (fetched.status, fetched.content_type, fetched.charset) == (200, "text/html", "utf-8")
    assert fetched.text() == "<html>Привет</html>"
    assert web.hits[0][1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("tengri/")


def test_redirects_are_followed_hop_by_hop_to_the_final_url(web: LocalWeb) -> None:
    web.route("/old", status=301, headers={"Location": "/mid"})
    web.route("/mid", status=302, headers={"Location": web.url("/new")})
    web.route("/new", "<p>here</p>", headers=HTML_TYPE)
    with Fetcher(local_options()) as fetcher:
        fetched = fetcher.get(web.url("/old"))
    assert fetched.final_url == web.url("/new")
    assert fetched.body == b"<p>here</p>"
    assert web.paths_hit() == ["/old", "/mid", "/new"]


def test_a_redirect_loop_stops_after_the_redirect_limit(web: LocalWeb) -> None:
    web.route("/loop", status=302, headers={"Location": "/loop"})
    with Fetcher(local_options(max_redirects=3)) as fetcher:
        error = refusal(fetcher, web.url("/loop"))
    assert error.reason == "too many redirects"
    assert len(web.hits) == 4


def test_server_errors_are_retried_with_backoff_until_the_page_comes(web: LocalWeb) -> None:
    calls = {"n": 0}

    def flaky(handler) -> None:  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] <= 2:
            handler.send_error(503)
            return
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    web.route("/flaky", handler=flaky)
    sleeps: list[float] = []
    with Fetcher(local_options(retries=2, backoff=0.5), sleep=sleeps.append) as fetcher:
        assert fetcher.get(web.url("/flaky")).body == b"ok"
    assert calls["n"] == 3
    assert sleeps == [0.5, 1.0]  # exponential backoff: 0.5 s, then 1 s


def test_a_server_error_that_persists_is_reported_with_its_status(web: LocalWeb) -> None:
    web.route("/down", status=502, body=b"bad gateway")
    with Fetcher(local_options(retries=1), sleep=lambda s: None) as fetcher:
        error = refusal(fetcher, web.url("/down"))
    assert error.reason == "HTTP 502"
    assert len(web.hits) == 2


def test_a_not_found_page_is_not_retried(web: LocalWeb) -> None:
    with Fetcher(local_options(retries=3), sleep=lambda s: None) as fetcher:
        error = refusal(fetcher, web.url("/missing"))
    assert error.reason == "HTTP 404"
    assert len(web.hits) == 1


def test_a_server_that_does_not_answer_in_time_is_a_timeout(web: LocalWeb) -> None:
    def asleep(handler) -> None:  # type: ignore[no-untyped-def]
        time.sleep(30)  # far past the timeout, so a loaded machine cannot blur the two

    web.route("/slow", handler=asleep)
    started = time.monotonic()
    with Fetcher(local_options(timeout=0.5, retries=0)) as fetcher:
        error = refusal(fetcher, web.url("/slow"))
    assert error.reason == "timeout"
    assert time.monotonic() - started < 10  # cut off at the timeout, not after the 30 s sleep


def test_a_body_that_trickles_past_the_total_timeout_is_cut_off(web: LocalWeb) -> None:
    def trickle(handler) -> None:  # type: ignore[no-untyped-def]
        handler.send_response(200)
        handler.end_headers()
        for _ in range(40):
            handler.wfile.write(b"x" * 20_000)
            handler.wfile.flush()
            time.sleep(0.05)

    web.route("/trickle", handler=trickle)
    with Fetcher(local_options(total_timeout=0.3, retries=0)) as fetcher:
        error = refusal(fetcher, web.url("/trickle"))
    assert error.reason == "timeout"
    assert "longer than 0.3 s" in error.detail


def test_a_declared_oversized_body_is_refused_before_it_is_read(web: LocalWeb) -> None:
    web.route("/big", b"x" * 300_000)
    with Fetcher(local_options(max_bytes=100_000)) as fetcher:
        error = refusal(fetcher, web.url("/big"))
    assert error.reason == "too large"
    assert "declared" in error.detail


def test_an_undeclared_oversized_body_is_cut_off_while_streaming(web: LocalWeb) -> None:
    def endless(handler) -> None:  # type: ignore[no-untyped-def]
        handler.send_response(200)
        handler.end_headers()  # no Content-Length: the body runs until the server closes
        try:
            for _ in range(100):
                handler.wfile.write(b"y" * 65_536)
        except (BrokenPipeError, ConnectionResetError):
            pass

    web.route("/endless", handler=endless)
    with Fetcher(local_options(max_bytes=200_000)) as fetcher:
        error = refusal(fetcher, web.url("/endless"))
    assert error.reason == "too large"
    assert "stopped reading" in error.detail


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_decompression_bomb_is_refused_at_the_cap(web: LocalWeb, encoding: str) -> None:
    zeros = b"\0" * (60 * 2**20)
    body = gzip.compress(zeros, 9) if encoding == "gzip" else zlib.compress(zeros, 9)
    assert len(body) < 100_000  # small on the wire, 60 MB once inflated
    web.route("/bomb", body, headers={"Content-Encoding": encoding, **HTML_TYPE})
    with Fetcher(local_options(max_bytes=2 * 2**20)) as fetcher:
        error = refusal(fetcher, web.url("/bomb"))
    assert error.reason == "decompression bomb"


def test_a_gzipped_page_under_the_cap_is_inflated(web: LocalWeb) -> None:
    web.route(
        "/gz",
        gzip.compress(b"<p>compressed</p>"),
        headers={"Content-Encoding": "gzip", **HTML_TYPE},
    )
    with Fetcher(local_options()) as fetcher:
        assert fetcher.get(web.url("/gz")).body == b"<p>compressed</p>"


def test_requests_to_one_host_are_paced(web: LocalWeb) -> None:
    web.route("/p", b"ok")
    with Fetcher(local_options(per_host_interval=0.4)) as fetcher:
        started = time.monotonic()
        for _ in range(3):
            fetcher.get(web.url("/p"))
        elapsed = time.monotonic() - started
    assert 0.8 <= elapsed < 10  # two waits of 0.4 s at least; the upper bound only catches a hang


def test_the_pacer_waits_only_for_the_same_host() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    assert [pacer.wait("a.kz"), pacer.wait("b.kz"), pacer.wait("a.kz")] == [0.0, 0.0, 1.0]
    now[0] += 5
    assert pacer.wait("a.kz") == 0.0
    assert slept == [1.0]


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "localhost"])
def test_loopback_is_refused_by_default_and_never_contacted(web: LocalWeb, host: str) -> None:
    web.route("/secret", b"internal")
    with Fetcher(local_options(policy=AddressPolicy())) as fetcher:
        error = refusal(fetcher, web.url("/secret", host=host))
    assert error.reason == "private address"
    assert "non-public address" in error.detail
    assert web.hits == []


@pytest.mark.parametrize(
    "target",
    [
        "http://10.255.255.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://192.168.1.1/",
        "http://100.64.0.1/",
    ],
)
def test_a_redirect_to_a_private_address_is_refused(web: LocalWeb, target: str) -> None:
    web.route("/go", status=302, headers={"Location": target})
    with Fetcher(local_options(policy=ONLY_LOOPBACK)) as fetcher:
        error = refusal(fetcher, web.url("/go"))
    assert error.reason == "private address"
    assert web.paths_hit() == ["/go"]


def test_a_redirect_to_another_scheme_is_refused(web: LocalWeb) -> None:
    web.route("/go", status=302, headers={"Location": "file:///etc/passwd"})
    with Fetcher(local_options()) as fetcher:
        error = refusal(fetcher, web.url("/go"))
    assert error.reason == "refused scheme"


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a", "file:///etc/passwd", "gopher://example.org/"]
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    with Fetcher(local_options()) as fetcher:
        assert refusal(fetcher, url).reason == "refused scheme"


def test_connections_go_to_the_address_the_guard_resolved(web: LocalWeb) -> None:
    web.route("/named", b"by name")
    resolver = {"news.test": ["127.0.0.1"]}
    with Fetcher(local_options(), resolver=lambda host, port: resolver[host]) as fetcher:
        fetched = fetcher.get(web.url("/named", host="news.test"))
    assert fetched.body == b"by name"
    assert web.hits[0][1]["Host"] == f"news.test:{web.port}"


def test_a_host_that_resolves_differently_at_connect_time_is_refused(web: LocalWeb) -> None:
    """DNS rebinding: public when checked, loopback when connecting."""
    web.route("/rebind", b"internal")
    answers = iter([["93.184.215.14"], ["127.0.0.1"], ["127.0.0.1"], ["127.0.0.1"]])
    with Fetcher(
        local_options(policy=AddressPolicy(), retries=0), resolver=lambda host, port: next(answers)
    ) as fetcher:
        error = refusal(fetcher, web.url("/rebind", host="rebind.test"))
    assert error.reason == "private address"
    assert web.hits == []
