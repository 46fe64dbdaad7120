"""SSRF through POST /ingest: URLs that name this machine, its network or a cloud's metadata
service — written as literals, in decimal, octal and hex, as IPv4-mapped IPv6, as names that
resolve there, behind redirects from a public server, or behind DNS answers that change — are
refused and quarantined, and the server behind them never sees a request. What a public server
sends back is capped in size, compressed or not.

A local server stands in for the public one: the fake resolver gives a public address for
`news.test`, and connections to that address are carried to 127.0.0.1 (below the address
guard, which still sees and checks the public address). tests/ingest/test_fetch.py checks the
fetcher itself; this checks the API uses it with its safe defaults."""

from __future__ import annotations

import gzip
import socket
from collections.abc import Iterator
from typing import Any

import httpcore
import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem, make_client
from tests.ingest import conftest as ingest_fixtures
from tests.ingest.conftest import HTML_TYPE, LocalWeb

from .conftest import Figures
from .hostile import PAGE

web = ingest_fixtures.web
PUBLIC = "93.184.215.14"  # a global unicast address; no packet is ever sent to it


@pytest.fixture
def client(db_path: str, kb) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with make_client(db_path, kb) as test_client:
        yield test_client


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch, web: LocalWeb) -> dict[str, list[str]]:
    """Names this test's resolver answers; other names resolve as usual. Connections to
    PUBLIC go to the local server instead."""
    answers: dict[str, list[str]] = {"news.test": [PUBLIC]}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host.rstrip(".").lower() in answers:
            found = answers[host.rstrip(".").lower()]
            address = found.pop(0) if len(found) > 1 else found[0]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port or 0))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    connect = httpcore.SyncBackend.connect_tcp

    def carried(self: Any, host: str, port: int, *args: Any, **kwargs: Any) -> Any:
        return connect(self, "127.0.0.1" if host == PUBLIC else host, port, *args, **kwargs)

    monkeypatch.setattr(httpcore.SyncBackend, "connect_tcp", carried)
    return answers


def ingest_urls(client: TestClient, keys: Keys, *urls: str) -> Any:
    return client.post(f"{API}/ingest", json={"urls": list(urls)},
                       headers=keys.header("curator"))


def test_the_stand_in_public_server_is_reachable_so_refusals_are_not_vacuous(
        client: TestClient, keys: Keys, web: LocalWeb, dns: dict[str, list[str]]) -> None:
    web.route("/article", PAGE, headers=HTML_TYPE)
    summary = ingest_urls(client, keys, f"http://news.test:{web.port}/article").json()
    assert (summary["stored"], summary["quarantined"]) == (1, {})
    assert web.paths_hit() == ["/article"]


def local_forms(port: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/x", f"http://localhost:{port}/x",
            f"http://LOCALHOST.:{port}/x", f"http://[::1]:{port}/x",
            f"http://2130706433:{port}/x", f"http://0x7f000001:{port}/x",
            f"http://0177.0.0.1:{port}/x", f"http://127.1:{port}/x", f"http://0:{port}/x",
            f"http://[::ffff:127.0.0.1]:{port}/x", f"http://[0:0:0:0:0:ffff:7f00:1]:{port}/x",
            f"http://user:pass@127.0.0.1:{port}/x", f"http://127.0.0.1.nip.test:{port}/x",
            f"http://0.0.0.0:{port}/x", f"https://127.0.0.1:{port}/x"]


NETWORK_FORMS = ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/",
                 "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
                 "http://100.64.0.1/", "http://[fe80::1]/", "http://metadata.google.internal.test/"]


def test_every_spelling_of_this_machine_or_its_network_is_refused_and_never_reached(
        client: TestClient, keys: Keys, web: LocalWeb, dns: dict[str, list[str]],
        figures: Figures) -> None:
    web.route("/x", PAGE, headers=HTML_TYPE)
    dns["127.0.0.1.nip.test"] = ["127.0.0.1"]
    dns["metadata.google.internal.test"] = ["169.254.169.254"]
    outcomes: dict[str, int] = {}
    for url in [*local_forms(web.port), *NETWORK_FORMS]:
        response = ingest_urls(client, keys, url)
        if response.status_code == 422:  # not even a URL to pydantic
            assert is_problem(response)
            outcomes["refused as invalid"] = outcomes.get("refused as invalid", 0) + 1
            continue
        summary = response.json()
        assert summary["stored"] == 0, url
        assert sum(summary["quarantined"].values()) == 1, (url, summary)
        for reason in summary["quarantined"]:
            outcomes[reason] = outcomes.get(reason, 0) + 1
    assert web.hits == []
    # pydantic's URL type already rewrites 2130706433, 0x7f000001 and 0177.0.0.1 to 127.0.0.1;
    # 'localhost.' does not resolve here: refused before any connection all the same
    assert set(outcomes) <= {"private address", "unresolvable host", "refused as invalid",
                             "invalid URL"}, outcomes
    assert outcomes["private address"] >= len(NETWORK_FORMS) + 10
    figures.count("ssrf: private-address spellings refused via POST /ingest",
                  sum(outcomes.values()))
    figures.note(f"ssrf refusals by reason: {outcomes}")


@pytest.mark.parametrize("target", ["http://127.0.0.1:{port}/secret", "http://localhost:{port}/",
                                    "http://[::1]:{port}/", "http://169.254.169.254/latest/",
                                    "http://10.0.0.1/admin", "http://2130706433:{port}/"])
def test_a_public_page_that_redirects_inward_is_refused_at_the_redirect(
        client: TestClient, keys: Keys, web: LocalWeb, dns: dict[str, list[str]],
        target: str) -> None:
    web.route("/go", status=302, headers={"Location": target.format(port=web.port)})
    web.route("/secret", b"internal")
    summary = ingest_urls(client, keys, f"http://news.test:{web.port}/go").json()
    assert (summary["stored"], summary["quarantined"]) == (0, {"private address": 1})
    assert web.paths_hit() == ["/go"]


def test_a_name_that_turns_private_between_check_and_connect_is_refused(
        client: TestClient, keys: Keys, web: LocalWeb, dns: dict[str, list[str]]) -> None:
    web.route("/a", PAGE, headers=HTML_TYPE)
    dns["rebind.test"] = [PUBLIC, "127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]
    summary = ingest_urls(client, keys, f"http://rebind.test:{web.port}/a").json()
    assert (summary["stored"], summary["quarantined"]) == (0, {"private address": 1})
    assert web.hits == []


def test_what_a_public_server_sends_is_capped_compressed_or_not(
        client: TestClient, keys: Keys, web: LocalWeb, dns: dict[str, list[str]]) -> None:
    web.route("/big", b"x" * (11 * 2**20), headers=HTML_TYPE)
    zeros = gzip.compress(b"\0" * (64 * 2**20), 9)
    web.route("/bomb", zeros, headers={"Content-Encoding": "gzip", **HTML_TYPE})
    base = f"http://news.test:{web.port}"
    summary = ingest_urls(client, keys, f"{base}/big", f"{base}/bomb").json()
    assert summary["stored"] == 0
    assert summary["quarantined"] == {"too large": 1, "decompression bomb": 1}
