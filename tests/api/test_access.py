"""Who may do what: reading closed or open by configuration, writing never open, roles,
revocation at once, the rate limit, security headers and CORS."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem, make_client


def test_reading_needs_a_key_unless_the_server_opens_it(client: TestClient,
                                                        open_client: TestClient) -> None:
    closed = client.get(f"{API}/events")
    assert is_problem(closed, 401)
    assert closed.headers["WWW-Authenticate"] == "Bearer"
    assert "needs an API key with the reader role" in closed.json()["detail"]
    assert open_client.get(f"{API}/events").status_code == 200
    assert client.get(f"{API}/health").status_code == 200  # health is for load balancers


def test_writing_is_never_open(open_client: TestClient) -> None:
    for method, url, body in (("post", "/events/1/reject", {}), ("patch", "/events/1",
                                                                 {"status": "planned"}),
                              ("post", "/ingest", {"documents": [{"text": "x"}]}),
                              ("get", "/keys", None), ("get", "/audit", None)):
        response = open_client.request(method.upper(), API + url, json=body)
        assert is_problem(response, 401), (url, response.status_code)


@pytest.mark.parametrize("role, method, url, body, allowed", [
    ("reader", "get", "/events", None, True),
    ("reader", "post", "/events/1/reject", {"reason": "no"}, False),
    ("reader", "patch", "/events/1", {"status": "planned"}, False),
    ("reader", "post", "/events/1/merge", {"absorb": 2}, False),
    ("reader", "post", "/ingest", {"documents": [{"text": "Some news."}]}, False),
    ("reader", "get", "/audit", None, False),
    ("curator", "post", "/events/1/confirm", {"reason": "checked"}, True),
    ("curator", "get", "/audit", None, True),
    ("curator", "get", "/keys", None, False),
    ("curator", "post", "/keys", {"name": "eve", "role": "admin"}, False),
    ("curator", "delete", "/keys/1", None, False),
    ("admin", "get", "/keys", None, True),
    ("admin", "post", "/events/1/confirm", None, True),
])
def test_each_role_may_do_only_its_part(client: TestClient, keys: Keys, role: str, method: str,
                                        url: str, body: object, allowed: bool) -> None:
    response = client.request(method.upper(), API + url, json=body, headers=keys.header(role))
    if allowed:
        assert response.status_code in (200, 201), response.text[:300]
    else:
        assert is_problem(response, 403)
        assert f"has the {role} role" in response.json()["detail"]


@pytest.mark.parametrize("headers", [
    {"Authorization": "Bearer tengri_k0000000000_nope"},
    {"Authorization": "Bearer not-a-key"},
    {"Authorization": "Basic dXNlcjpwYXNz"},
    {"X-API-Key": "tengri_kffffffffff_" + "x" * 43},
])
def test_a_bad_key_is_refused_even_where_reading_is_open(open_client: TestClient,
                                                         headers: dict[str, str]) -> None:
    assert is_problem(open_client.get(f"{API}/events", headers=headers), 401)


def test_the_key_may_come_in_x_api_key_and_me_says_whose_it_is(client: TestClient,
                                                               keys: Keys) -> None:
    response = client.get(f"{API}/me", headers={"X-API-Key": keys.curator})
    assert response.json() == {"who": "curator-user", "role": "curator", "read_open": False}
    assert client.get(f"{API}/me").json()["role"] is None


def test_a_revoked_key_stops_working_at_once(client: TestClient, keys: Keys) -> None:
    admin = keys.header("admin")
    issued = client.post(f"{API}/keys", json={"name": "temp", "role": "reader"},
                         headers=admin).json()
    temp = {"Authorization": f"Bearer {issued['token']}"}
    assert client.get(f"{API}/events", headers=temp).status_code == 200  # now cached
    assert client.request("DELETE", f"{API}/keys/{issued['key']['id']}", json={"reason": "left"},
                          headers=admin).json()["active"] is False
    assert is_problem(client.get(f"{API}/events", headers=temp), 401)


def test_each_key_has_a_rate_limit(db_path: str, keys: Keys, kb) -> None:  # type: ignore[no-untyped-def]
    with make_client(db_path, kb, rate_limit=3) as limited:
        statuses = [limited.get(f"{API}/events", headers=keys.header("reader")).status_code
                    for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = limited.get(f"{API}/events", headers=keys.header("reader"))
        assert is_problem(response, 429)
        assert int(response.headers["Retry-After"]) >= 1
        # another key has its own allowance
        assert limited.get(f"{API}/events", headers=keys.header("curator")).status_code == 200


def test_every_answer_carries_security_headers(client: TestClient, keys: Keys) -> None:
    for response in (client.get(f"{API}/events", headers=keys.header("reader")),
                     client.get(f"{API}/events"), client.get("/docs")):
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    api = client.get(f"{API}/events", headers=keys.header("reader"))
    assert api.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert api.headers["Cache-Control"] == "no-store"


def test_cors_is_off_unless_origins_are_configured(client: TestClient, db_path: str, kb) -> None:  # type: ignore[no-untyped-def]
    preflight = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    response = client.options(f"{API}/events", headers=preflight)
    assert "access-control-allow-origin" not in response.headers
    with make_client(db_path, kb, cors_origins=("https://analysts.example",)) as allowed:
        ok = allowed.options(f"{API}/events", headers={**preflight,
                                                       "Origin": "https://analysts.example"})
        assert ok.headers["access-control-allow-origin"] == "https://analysts.example"
        other = allowed.get(f"{API}/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_a_huge_body_is_refused_before_it_is_read(client: TestClient, keys: Keys) -> None:
    response = client.post(f"{API}/ingest", content=b"x" * (11 * 2**20),
                           headers={**keys.header("curator"),
                                    "Content-Type": "application/json"})
    assert is_problem(response, 413)
