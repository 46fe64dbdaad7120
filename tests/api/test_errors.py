"""Bad input anywhere is a 4xx problem (RFC 9457), never a 500: wrong dates, unknown actors,
huge pages, malformed ids and cursors, and SQL-injection attempts in every filter."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem

BAD = [
    ("/events?since=2025-13-01", 400),
    ("/events?since=2025-12-01&until=2025-01-01", 400),
    ("/events?until=yesterday", 400),
    ("/events?limit=100000", 400),
    ("/events?limit=0", 400),
    ("/events?limit=-5", 400),
    ("/events?country=XXX", 400),
    ("/events?country=KAZAKHSTAN", 400),
    ("/events?dyad=KAZ-XXX", 400),
    ("/events?dyad=KAZ", 400),
    ("/events?actor=person:nobody-at-all", 400),
    ("/events?type=PARTY", 400),
    ("/events?status=rumoured", 400),
    ("/events?cameo_root=4", 400),
    ("/events?sort=popularity", 400),
    ("/events?order=sideways", 400),
    ("/events?review=maybe", 400),
    ("/events?min_sources=0", 400),
    ("/events?cursor=not-a-cursor", 400),
    ("/events?cursor=" + "A" * 500, 400),
    ("/events/0", 400),
    ("/events/abc", 400),
    ("/events/99999999999999999999", 400),
    ("/events/424242", 404),
    ("/documents/424242", 404),
    ("/documents?since=2025-02-30", 400),
    ("/documents?offset=-1", 400),
    ("/dyads/KAZ/XXX", 404),
    ("/dyads/KAZ/KAZ", 400),
    ("/dyads/KAZAKH/RUS", 400),
    ("/actors/person:nobody-at-all/profile", 404),
    ("/actors/resolve?name=Qwertyuiop", 404),
    ("/actors/KAZ/profile?since=2026-01-01&until=2025-01-01", 400),
    ("/timeline?granularity=year", 400),
    ("/timeline?country=ZZZ", 400),
    ("/timeline?since=1000-01-01&until=2025-01-01&granularity=day", 400),
    ("/network?level=galaxy", 400),
    ("/network?min_events=0", 400),
    ("/facts?country=K", 400),
    ("/facts?indicator=DROP TABLE", 400),
    ("/memberships?kb_check=perhaps", 400),
    ("/conflicts?kind=rumour", 400),
    ("/exports/events.xml", 400),
    ("/exports/events.csv?since=2025-99-01", 400),
    ("/audit?target_kind=planet", 400),
    ("/nowhere", 404),
]


@pytest.mark.parametrize("url, status", BAD)
def test_bad_parameters_are_problems_with_a_4xx_status(reading_client: TestClient, keys: Keys,
                                                       url: str, status: int) -> None:
    response = reading_client.get(API + url, headers=keys.header("admin"))
    assert is_problem(response, status), (response.status_code, response.text[:300])


INJECTIONS = ["' OR '1'='1", "KAZ'; DROP TABLE events; --", "1 UNION SELECT * FROM api_keys",
              "%' OR 1=1 --", "\"; DELETE FROM audit_log; --", "\\x00", "😀' --"]
TEXT_FILTERS = ["actor", "place", "text", "dyad", "country", "type", "status", "cameo_root",
                "cursor", "review", "sort"]


@pytest.mark.parametrize("name", TEXT_FILTERS)
@pytest.mark.parametrize("attempt", INJECTIONS)
def test_sql_injection_in_any_event_filter_finds_nothing_and_breaks_nothing(
        reading_client: TestClient, keys: Keys, name: str, attempt: str) -> None:
    response = reading_client.get(f"{API}/events", params={name: attempt},
                          headers=keys.header("reader"))
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["items"] == []
    else:
        assert is_problem(response)
    assert reading_client.get(f"{API}/stats", headers=keys.header("reader")).json()["events"] == 9


@pytest.mark.parametrize("url", [
    "/documents?text={x}", "/documents?source={x}", "/actors?q={x}", "/actors/resolve?name={x}",
    "/facts?indicator={x}", "/memberships?member={x}", "/memberships?organization={x}",
    "/audit?who={x}", "/audit?action={x}", "/timeline?actor={x}", "/network?place={x}",
    "/exports/events.jsonl?text={x}",
])
@pytest.mark.parametrize("attempt", INJECTIONS[:4])
def test_sql_injection_in_other_listings_is_harmless(reading_client: TestClient, keys: Keys, url: str,
                                                     attempt: str) -> None:
    path, _, query = url.partition("?")
    name = query.split("=")[0]
    response = reading_client.get(API + path, params={name: attempt}, headers=keys.header("admin"))
    assert response.status_code in (200, 400, 404), response.text[:300]
    if response.status_code != 200:
        assert is_problem(response)
    assert reading_client.get(f"{API}/stats", headers=keys.header("reader")).json()["events"] == 9


@pytest.mark.parametrize("method, url, body, status", [
    ("patch", "/events/1", {"cameo": "999"}, 422),
    ("patch", "/events/1", {"type": "PARTY"}, 422),
    ("patch", "/events/1", {"status": "rumoured"}, 422),
    ("patch", "/events/1", {"date_start": "2025-02-30"}, 422),
    ("patch", "/events/1", {"date_start": "2025-05-02", "date_end": "2025-05-01"}, 422),
    ("patch", "/events/1", {"location_lat": 123}, 422),
    ("patch", "/events/1", {}, 422),
    ("patch", "/events/424242", {"status": "occurred"}, 404),
    ("put", "/events/1/actors/source", {"actor": "person:nobody"}, 400),
    ("put", "/events/1/actors/sideways", {"actor": "KAZ"}, 400),
    ("post", "/events/1/merge", {"absorb": 1}, 422),
    ("post", "/events/1/merge", {"absorb": 424242}, 404),
    ("post", "/events/1/merge", {"absorb": "two"}, 422),
    ("post", "/events/1/merge", {"absorb": 2**63}, 422),  # past SQLite's INTEGER: was a 500
    ("post", "/mentions/424242/split", {"reason": "x"}, 404),
    ("post", "/mentions/1/split", {}, 422),
    ("post", "/ingest", {}, 400),
    ("post", "/ingest", {"documents": [{"text": ""}]}, 422),
    ("post", "/ingest", {"urls": ["not a url"]}, 422),
    ("post", "/keys", {"name": "x", "role": "emperor"}, 422),
    ("delete", "/keys/424242", None, 404),
])
def test_bad_bodies_are_problems_too(reading_client: TestClient, keys: Keys, method: str, url: str,
                                     body: object, status: int) -> None:
    response = reading_client.request(method.upper(), API + url, json=body,
                              headers=keys.header("admin"))
    assert is_problem(response, status), (response.status_code, response.text[:300])


def test_a_body_that_is_not_json_is_a_problem(reading_client: TestClient, keys: Keys) -> None:
    response = reading_client.patch(f"{API}/events/1", content=b"{not json",
                            headers={**keys.header("admin"), "Content-Type": "application/json"})
    assert is_problem(response, 422)


def test_a_misspelt_event_filter_is_an_error_not_everything(reading_client: TestClient,
                                                           keys: Keys) -> None:
    response = reading_client.get(f"{API}/events?contry=KAZ", headers=keys.header("reader"))
    assert is_problem(response, 400)
    assert response.json()["errors"] == [{"location": "query", "name": "contry",
                                          "message": "Extra inputs are not permitted"}]
