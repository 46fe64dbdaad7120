"""Hostile input through the API: SQL injection in every query and path parameter of the
OpenAPI document and in every body field that is stored; markup in article text, titles, site
names, reasons and key names that the dashboard shows; path traversal wherever a path could be
read; bodies that are too big, chunked past the cap or nested too deep.

tests/api/test_errors.py tries injections in the event filters and a dozen listings; these go
over every parameter, and check the store afterwards, row for row."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from tests.api.conftest import API, Keys, is_problem, make_client

from tengri.api.dashboard.mount import static_dir
from tengri.store import open_store, store_counts
from tengri.store.schema import api_keys, audit_log

from .conftest import Figures
from .hostile import XSS

INJECTIONS = ["' OR '1'='1", "KAZ'; DROP TABLE events; --", "1 UNION SELECT secret_hash FROM "
              "api_keys --", "%' OR 1=1 --", "\"; DELETE FROM audit_log; --", "1)) OR ((1=1",
              "KAZ' AND sqlite_version() --", "'; SELECT pg_sleep(5); --", "\\", "%", "_"]
SAMPLE_PATH = {"event_id": "1", "mention_id": "1", "key_id": "1", "document_id": "1",
               "actor_id": "KAZ", "first": "KAZ", "second": "RUS", "side": "source",
               "fmt": "jsonl"}


def snapshot(db: str) -> dict[str, Any]:
    """What an injection must not change: every count, the keys' hashes, the audit log."""
    store = open_store(db)
    try:
        counts = store_counts(store)
        with store.read() as connection:
            hashes = sorted(connection.execute(select(api_keys.c.secret_hash)).scalars())
            audit = connection.execute(select(func.count()).select_from(audit_log)).scalar_one()
    finally:
        store.close()
    return {"counts": counts, "hashes": hashes, "audit": audit}


@pytest.fixture
def client(db_path: str, kb) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with make_client(db_path, kb) as test_client:
        yield test_client


def get_parameters(client: TestClient) -> list[tuple[str, str, str]]:
    """(path template, parameter, where) of every GET parameter in /openapi.json."""
    out = []
    for template, methods in client.get("/openapi.json").json()["paths"].items():
        for parameter in methods.get("get", {}).get("parameters", []):
            out.append((template, parameter["name"], parameter["in"]))
    return out


def url_for(template: str, name: str, where: str, value: str) -> tuple[str, dict[str, str]]:
    from urllib.parse import quote

    path = template
    for key, sample in SAMPLE_PATH.items():
        path = path.replace(f"{{{key}}}", quote(value, safe="") if key == name else sample)
    return path, ({name: value} if where == "query" else {})


def test_sql_injection_in_every_get_parameter_changes_nothing_and_leaks_nothing(
        client: TestClient, db_path: str, keys: Keys, figures: Figures) -> None:
    before = snapshot(db_path)
    statuses: dict[int, int] = {}
    for template, name, where in get_parameters(client):
        for attempt in INJECTIONS:
            path, params = url_for(template, name, where, attempt)
            response = client.get(path, params=params, headers=keys.header("admin"))
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            assert response.status_code in (200, 400, 404), (path, name, attempt,
                                                              response.text[:300])
            if response.status_code != 200:
                assert is_problem(response), (path, name)
            assert "scrypt$" not in response.text, (path, name)  # no hash ever comes out
            for leak in ("Traceback", "OperationalError", "ProgrammingError", "syntax error",
                         "sqlalchemy", "psycopg"):
                assert leak not in response.text, (path, name, leak)
    assert snapshot(db_path) == before
    total = sum(statuses.values())
    figures.count("api: SQL injections tried (GET parameters)", total)
    figures.note(f"api SQL injection answers by status: {dict(sorted(statuses.items()))}")


def test_sql_injection_in_stored_body_fields_is_stored_as_text(client: TestClient,
                                                               db_path: str,
                                                               keys: Keys) -> None:
    curator, admin = keys.header("curator"), keys.header("admin")
    attempt = "x'); DELETE FROM events; --"
    edited = client.patch(f"{API}/events/1", json={"location_name": attempt, "reason": attempt},
                          headers=curator)
    assert edited.status_code == 200, edited.text
    assert client.post(f"{API}/events/2/reject", json={"reason": attempt},
                       headers=curator).status_code == 200
    created = client.post(f"{API}/keys", json={"name": attempt, "role": "reader"}, headers=admin)
    assert created.status_code == 201
    ingested = client.post(f"{API}/ingest", headers=curator, json={"documents": [
        {"text": f"Russia imposed sanctions on Moldova on Monday. {attempt}", "title": attempt,
         "source_name": attempt, "doc_id": attempt, "published": "2025-11-10"}]})
    assert ingested.json()["stored"] == 1
    after = snapshot(db_path)
    assert after["counts"]["events"] >= 9 and after["counts"]["documents"] >= 1
    event = client.get(f"{API}/events/1", headers=curator).json()["event"]
    assert event["location"]["name"] == attempt
    audit = client.get(f"{API}/events/2/audit", headers=curator).json()["items"]
    assert [entry["reason"] for entry in audit] == [attempt]


# --- markup that the dashboard shows -----------------------------------------------------------


# Distinct words make each article's text distinct after normalising (the store keeps one
# copy of texts that differ only in punctuation).
CALLSIGNS = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima".split()


def xss_article(payload: str, number: int) -> dict[str, Any]:
    return {"text": f"Report {CALLSIGNS[number]}. Russian President Vladimir Putin met Kazakh President Kassym-Jomart Tokayev "
                    f"in Moscow on Monday {payload}. The talks {payload} covered trade.",
            "title": f"Talks {payload}", "source_name": f"Wire {payload}",
            "doc_id": f"xss-{number}", "published": "2025-11-10"}


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def test_markup_in_stored_text_comes_back_as_json_strings_and_never_as_a_page(
        client: TestClient, keys: Keys, figures: Figures) -> None:
    curator = keys.header("curator")
    body = {"documents": [xss_article(p, n) for n, p in enumerate(XSS)]}
    assert client.post(f"{API}/ingest", json=body, headers=curator).json()["stored"] == len(XSS)
    client.post(f"{API}/keys", json={"name": XSS[1], "role": "reader"},
                headers=keys.header("admin"))
    client.post(f"{API}/events/1/reject", json={"reason": XSS[0]}, headers=curator)
    seen = set()
    reads = [f"{API}/documents?limit=200", f"{API}/events?limit=200&text=talks",
             f"{API}/audit?limit=200", f"{API}/keys", f"{API}/curations",
             f"{API}/documents?text=Talks"]
    reads += [f"{API}/documents/{d['id']}" for d in client.get(
        f"{API}/documents?limit=200", headers=curator).json()]
    for url in reads:
        response = client.get(url, headers=keys.header("admin"))
        assert response.status_code == 200, url
        assert response.headers["content-type"] == "application/json", url
        assert response.headers["x-content-type-options"] == "nosniff"
        seen |= {p for s in strings_in(response.json()) for p in XSS if p in s}
    # every payload went in as text and came back as the same text, not sanitised into
    # something else and not executed: JSON is data, and nosniff keeps browsers from guessing
    assert seen == set(XSS)
    for fmt, media in (("jsonl", "application/x-ndjson"), ("csv", "text/csv")):
        export = client.get(f"{API}/exports/events.{fmt}", headers=curator)
        assert export.headers["content-type"].startswith(media)
        assert export.headers["content-disposition"].startswith("attachment")
    figures.count("api: markup payloads stored and read back as text", len(XSS))


def test_the_html_pages_never_inline_stored_data(client: TestClient, keys: Keys) -> None:
    """The dashboard is static files that fetch JSON; /docs is Swagger's page with constants.
    After the store holds markup, the pages are byte for byte what ships."""
    client.post(f"{API}/ingest", json={"documents": [xss_article(XSS[0], 0)]},
                headers=keys.header("curator"))
    page = client.get("/")
    assert page.content == (static_dir() / "index.html").read_bytes()
    for path in sorted(static_dir().rglob("*")):
        if path.is_file() and path.suffix in (".html", ".js", ".css"):
            served = client.get(f"/ui/{path.relative_to(static_dir()).as_posix()}")
            assert served.content == path.read_bytes(), path
    docs = client.get("/docs").text
    assert all(payload not in docs for payload in XSS if payload.startswith("<") and ">" in
               payload[1:])


def test_a_path_with_markup_is_echoed_only_inside_json(client: TestClient, keys: Keys) -> None:
    for path in ("/<script>alert(1)</script>", f"{API}/events/<img src=x onerror=alert(1)>",
                 "/ui/<svg onload=alert(1)>.js", f"{API}/actors/<script>/profile"):
        response = client.get(path, headers=keys.header("reader"))
        assert response.headers["content-type"] == "application/problem+json", path
        assert response.json()["status"] in (400, 404)


# --- path traversal ------------------------------------------------------------------------------

TRAVERSALS = ["/ui/../../../../etc/passwd", "/ui/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
              "/ui/..%2f..%2f..%2fetc%2fpasswd", "/ui/%2e%2e%2f%2e%2e%2fmount.py",
              "/ui/..\\..\\mount.py", "/ui/%5c..%5c..%5cmount.py", "/ui/....//....//mount.py",
              "/ui//etc/passwd", "/ui/%2fetc%2fpasswd", "/ui/index.html%00.js",
              "/ui/js/../../mount.py", "/ui/vendor/../../../__init__.py",
              "/static/docs/../../../../etc/passwd", "/static/docs/%2e%2e/%2e%2e/app.py",
              f"{API}/exports/events.%2e%2e%2f%2e%2e%2fetc%2fpasswd",
              f"{API}/exports/events.../../../etc/passwd", f"{API}/documents/..%2f..%2fetc"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_a_file_outside_the_served_folders(client: TestClient, keys: Keys,
                                                           path: str) -> None:
    response = client.get(path, headers=keys.header("admin"))
    assert response.status_code in (400, 404), (path, response.status_code)
    assert "root:" not in response.text and "def mount_dashboard" not in response.text
    assert "import" not in response.text


def test_ingest_takes_no_file_paths_only_web_urls(client: TestClient, keys: Keys) -> None:
    for url in ("file:///etc/passwd", "/etc/passwd", "../../etc/passwd", "ftp://example.org/x",
                "gopher://127.0.0.1:25/", "dict://127.0.0.1:11211/"):
        response = client.post(f"{API}/ingest", json={"urls": [url]},
                               headers=keys.header("curator"))
        assert is_problem(response, 422), url


# --- bodies ---------------------------------------------------------------------------------------


def test_a_body_nested_past_the_parsers_depth_is_a_4xx(client: TestClient, keys: Keys) -> None:
    for body in (b"[" * 100_000 + b"]" * 100_000, b'{"documents":' * 50_000 + b"[]"
                 + b"}" * 50_000, b'{"a":' * 200_000):
        response = client.post(f"{API}/ingest", content=body, headers={
            **keys.header("curator"), "Content-Type": "application/json"})
        assert 400 <= response.status_code < 500 and is_problem(response)


@pytest.mark.parametrize("length", ["-1", "1e9", "99999999999999999999", " 5", "0x10"])
def test_a_content_length_that_is_not_a_small_number_is_refused(client: TestClient, keys: Keys,
                                                                length: str) -> None:
    from starlette.testclient import TestClient as _  # noqa: F401  (httpx checks the header)

    response = client.post(f"{API}/ingest", content=b"{}", headers={
        **keys.header("curator"), "Content-Type": "application/json", "Content-Length": length})
    assert response.status_code in (400, 413), length


def test_many_small_documents_up_to_the_cap_are_taken_and_one_more_is_not(
        client: TestClient, keys: Keys) -> None:
    curator = keys.header("curator")
    documents = [{"text": f"Note {i}: nothing happened."} for i in range(100)]
    assert client.post(f"{API}/ingest", json={"documents": documents},
                       headers=curator).status_code == 200
    assert is_problem(client.post(f"{API}/ingest", json={"documents": [*documents, documents[0]]},
                                  headers=curator), 400)


def test_a_chunked_body_past_the_cap_is_refused(client: TestClient, keys: Keys) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"documents": [{"text": "'
        for _ in range(12 * 16):
            yield b"a" * 65_536
        yield b'"}]}'

    response = client.post(f"{API}/ingest", content=chunks(), headers={
        **keys.header("curator"), "Content-Type": "application/json"})
    assert is_problem(response, 413), (response.status_code, response.text[:200])


