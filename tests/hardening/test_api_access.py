"""Who may call what, derived from the OpenAPI document so a new route is covered the day it
is added: without a key nothing but health answers, a reader key never writes, a curator key
never manages keys; keys that are malformed, forged, revoked or smuggled in twice are refused;
every answer — errors included — carries the security headers; CORS stays closed unless an
origin is named, and never allows credentials.

tests/api/test_access.py checks the same rules on a hand-picked route each; these go over all
of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem, make_client

from .conftest import Figures

PUBLIC = {("get", f"{API}/health"), ("get", f"{API}/me")}  # health is for load balancers
ADMIN_ONLY = {f"{API}/keys", f"{API}/keys/{{key_id}}"}
CURATOR_READS = {f"{API}/curations", f"{API}/audit", f"{API}/events/{{event_id}}/audit"}
SAMPLE_PATH = {"event_id": "1", "mention_id": "1", "key_id": "1", "document_id": "1",
               "actor_id": "KAZ", "first": "KAZ", "second": "RUS", "side": "source",
               "fmt": "jsonl"}


def operations(client: TestClient) -> list[tuple[str, str, str]]:
    """(method, path template, concrete path) of every operation in /openapi.json."""
    out = []
    for template, methods in client.get("/openapi.json").json()["paths"].items():
        concrete = template
        for name, value in SAMPLE_PATH.items():
            concrete = concrete.replace(f"{{{name}}}", value)
        out += [(method, template, concrete) for method in methods]
    return sorted(out)


def needed_role(method: str, template: str) -> str | None:
    if (method, template) in PUBLIC:
        return None
    if template in ADMIN_ONLY:
        return "admin"
    if method != "get" or template in CURATOR_READS or template == f"{API}/ingest":
        return "curator"
    return "reader"


RANK = {None: 0, "reader": 1, "curator": 2, "admin": 3}


@pytest.fixture(scope="module")
def app_client(template: tuple[str, Keys], kb, tmp_path_factory) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    """One app over a copy of the API tests' store; the requests here are refused before
    they change anything, so one copy serves the module."""
    import shutil

    path = tmp_path_factory.mktemp("access") / "api.db"
    shutil.copyfile(template[0], path)
    with make_client(str(path), kb) as client:
        yield client


def test_the_role_table_covers_every_route_of_the_openapi_document(app_client: TestClient
                                                                    ) -> None:
    roles = {(m, t): needed_role(m, t) for m, t, _ in operations(app_client)}
    assert len(roles) >= 30
    assert {k for k, v in roles.items() if v is None} == PUBLIC
    assert {t for (_, t), v in roles.items() if v == "admin"} == ADMIN_ONLY


@pytest.mark.parametrize("caller", [None, "reader", "curator"])
def test_no_caller_reaches_a_route_above_its_role(app_client: TestClient, keys: Keys,
                                                  caller: str | None, figures: Figures) -> None:
    """Refused before the body is even read: an empty body is a 401/403, never a 422 that
    would tell an attacker the route's shape."""
    headers = keys.header(caller) if caller else {}
    refused = []
    for method, template, path in operations(app_client):
        needed = needed_role(method, template)
        if RANK[needed] <= RANK[caller]:
            continue
        response = app_client.request(method.upper(), path, headers=headers,
                                      json={} if method != "get" else None)
        status = 401 if caller is None else 403
        assert is_problem(response, status), (caller, method, path, response.status_code,
                                              response.text[:200])
        refused.append(path)
    figures.count(f"api: routes refused to {caller or 'anonymous'} callers", len(refused))
    assert refused


def test_a_curator_cannot_mint_an_admin_key_or_revoke_one(app_client: TestClient,
                                                          keys: Keys) -> None:
    curator = keys.header("curator")
    for role in ("admin", "curator", "reader"):
        response = app_client.post(f"{API}/keys", json={"name": "mallory", "role": role},
                                   headers=curator)
        assert is_problem(response, 403)
    for key_id in (1, 2, 3):
        assert is_problem(app_client.delete(f"{API}/keys/{key_id}", headers=curator), 403)
    names = [k["name"] for k in app_client.get(f"{API}/keys", headers=keys.header("admin")
                                               ).json()]
    assert "mallory" not in names


def _revoked_token(client: TestClient, keys: Keys) -> str:
    admin = keys.header("admin")
    issued = client.post(f"{API}/keys", json={"name": "leaver", "role": "admin"},
                         headers=admin).json()
    client.delete(f"{API}/keys/{issued['key']['id']}", headers=admin)
    return str(issued["token"])


def forged(token: str) -> list[str]:
    """Keys that look like `token` but are not it."""
    head, key_prefix, secret = token.split("_", 2)  # the secret itself may hold "_"
    prefix = f"{head}_{key_prefix}"
    flipped = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    return [f"{prefix}_{flipped}", f"{prefix}_", prefix, token[:-1], token + "x",
            token.upper(), "tengri_k0000000000_" + secret, f"{prefix}_{secret}_{secret}",
            "x" * 10_000, "tengri_" + "_" * 200, "tengri_%00_x", "' OR '1'='1"]


def test_forged_truncated_and_revoked_keys_are_refused_everywhere(app_client: TestClient,
                                                                   keys: Keys,
                                                                   figures: Figures) -> None:
    revoked = _revoked_token(app_client, keys)
    tried = 0
    for token in [revoked, *forged(keys.admin), *forged(keys.reader)]:
        for header in ({"Authorization": f"Bearer {token}"}, {"X-API-Key": token}):
            for url in (f"{API}/events", f"{API}/keys", f"{API}/me"):
                response = app_client.get(url, headers=header)
                assert is_problem(response, 401), (token[:40], url, response.status_code)
                tried += 1
    figures.count("api: forged, truncated or revoked keys refused", tried)


@pytest.mark.parametrize("headers", [
    {"Authorization": "Bearer"}, {"Authorization": "Bearer "}, {"Authorization": "Token abc"},
    {"Authorization": "Basic YWRtaW46YWRtaW4="}, {"Authorization": "bearer"},
    {"X-API-Key": " "},
])
def test_malformed_authorization_headers_are_refused(app_client: TestClient,
                                                     headers: dict[str, str]) -> None:
    response = app_client.get(f"{API}/events", headers=headers)
    assert is_problem(response, 401)


def test_two_keys_in_one_request_never_add_up_to_more_than_the_authorization_one(
        app_client: TestClient, keys: Keys) -> None:
    both = {"Authorization": f"Bearer {keys.reader}", "X-API-Key": keys.admin}
    assert is_problem(app_client.get(f"{API}/keys", headers=both), 403)
    assert app_client.get(f"{API}/me", headers=both).json()["role"] == "reader"


def test_a_key_has_no_expiry_date_so_revocation_is_the_only_way_to_end_it(
        app_client: TestClient, keys: Keys) -> None:
    """Keys do not expire (SECURITY.md says so and advises revoking); this pins it, so adding
    expiry shows up here."""
    listed = app_client.get(f"{API}/keys", headers=keys.header("admin")).json()
    assert listed and all("expires_at" not in key for key in listed)


# --- headers ---------------------------------------------------------------------------------

SECURITY_HEADERS = {"x-content-type-options": "nosniff", "x-frame-options": "DENY",
                    "referrer-policy": "no-referrer", "cross-origin-opener-policy": "same-origin"}


def check_headers(response: Any, where: str) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (where, name, response.status_code)
    policy = response.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy, where
    assert "access-control-allow-origin" not in response.headers, where
    if where.startswith("/api/"):
        assert response.headers.get("cache-control") == "no-store", where
        assert policy.startswith("default-src 'none'"), where


def test_every_route_answers_with_the_security_headers_whatever_the_status(
        app_client: TestClient, keys: Keys, figures: Figures) -> None:
    checked = 0
    for method, _, path in operations(app_client):
        for headers in ({}, keys.header("reader"), keys.header("admin")):
            body = {} if method != "get" else None
            check_headers(app_client.request(method.upper(), path, headers=headers, json=body),
                          path)
            checked += 1
    for path in ("/", "/ui/index.html", "/ui/js/main.js", "/docs", "/openapi.json",
                 "/favicon.ico", "/nowhere", "/ui/nowhere.js", f"{API}/nowhere"):
        check_headers(app_client.get(path), path)
        checked += 1
    check_headers(app_client.put(f"{API}/health"), f"{API}/health")  # 405
    check_headers(app_client.post(f"{API}/ingest", content=b"x" * (11 * 2**20), headers={
        **keys.header("curator"), "Content-Type": "application/json"}), f"{API}/ingest")
    figures.count("api: answers checked for security headers", checked + 2)


def test_the_dashboard_page_keeps_its_own_strict_policy(app_client: TestClient) -> None:
    policy = app_client.get("/").headers["content-security-policy"]
    for directive in ("default-src 'none'", "script-src 'self'", "require-trusted-types-for "
                      "'script'", "trusted-types 'none'", "form-action 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_an_unexpected_error_also_carries_the_security_headers(db_path: str, kb) -> None:  # type: ignore[no-untyped-def]
    with make_client(db_path, kb) as client:
        def broken() -> None:
            raise RuntimeError("a secret detail from inside")

        client.app.add_api_route(f"{API}/broken", broken)  # type: ignore[attr-defined]
        response = client.get(f"{API}/broken")
        assert is_problem(response, 500)
        assert "secret" not in response.text
        check_headers(response, f"{API}/broken")


# --- CORS ------------------------------------------------------------------------------------


def test_cors_allows_only_the_named_origin_and_never_credentials(db_path: str, kb) -> None:  # type: ignore[no-untyped-def]
    allowed = "https://analysts.example"
    with make_client(db_path, kb, cors_origins=(allowed,)) as client:
        ok = client.options(f"{API}/events", headers={
            "Origin": allowed, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization"})
        assert ok.status_code == 200
        assert ok.headers["access-control-allow-origin"] == allowed
        assert "access-control-allow-credentials" not in ok.headers
        assert ok.headers["vary"].lower().count("origin")
        for origin in ("https://evil.example", "null", "https://analysts.example.evil.example",
                       "http://analysts.example", allowed + ":8443"):
            refused = client.options(f"{API}/events", headers={
                "Origin": origin, "Access-Control-Request-Method": "GET"})
            assert refused.status_code == 400, origin
            assert "access-control-allow-origin" not in refused.headers, origin
            simple = client.get(f"{API}/health", headers={"Origin": origin})
            assert "access-control-allow-origin" not in simple.headers, origin
        odd_header = client.options(f"{API}/events", headers={
            "Origin": allowed, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "x-evil"})
        assert odd_header.status_code == 400
