"""GET /events (filters, sorting, cursor pages) and GET /events/ID (reports with offsets)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys, is_problem


def _all_pages(reading_client: TestClient, keys: Keys, query: str) -> list[dict]:  # type: ignore[type-arg]
    items, cursor, pages = [], None, 0
    while True:
        url = f"{API}/events?{query}" + (f"&cursor={cursor}" if cursor else "")
        page = reading_client.get(url, headers=keys.header("reader")).json()
        items += page["items"]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_cursor_pages_cover_every_event_once_in_order(reading_client: TestClient, keys: Keys) -> None:
    everything = reading_client.get(f"{API}/events?limit=500&count=true",
                            headers=keys.header("reader")).json()
    assert everything["total"] == len(everything["items"]) == 9
    paged = _all_pages(reading_client, keys, "limit=2")
    assert [e["id"] for e in paged] == [e["id"] for e in everything["items"]]
    days = [e["date"]["start"] or e["first_reported"] for e in paged]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("sort, order, key", [
    ("goldstein", "asc", lambda e: (e["goldstein"], e["id"])),
    ("goldstein", "desc", lambda e: (-e["goldstein"], -e["id"])),
    ("id", "asc", lambda e: e["id"]),
    ("reported", "desc", lambda e: (e["last_reported"], e["id"])),
])
def test_every_sort_pages_the_same_way(reading_client: TestClient, keys: Keys, sort: str, order: str,
                                       key) -> None:  # type: ignore[no-untyped-def]
    paged = _all_pages(reading_client, keys, f"limit=3&sort={sort}&order={order}")
    expected = sorted(paged, key=key, reverse=sort == "reported")
    assert [e["id"] for e in paged] == [e["id"] for e in expected]
    assert len({e["id"] for e in paged}) == 9


@pytest.mark.parametrize("query, cameos", [
    ("dyad=KAZ-RUS", ["057", "040", "042", "043", "112", "042"]),
    ("dyad=RUS-KAZ&directed=true", ["043", "112"]),
    ("dyad=UKR-RUS&directed=true", []),
    ("type=ASSAULT", ["190", "190"]),
    ("status=planned", ["042"]),
    ("text=treaty", ["057"]),
    ("place=Moscow", ["057", "040"]),
    ("country=UKR&since=2025-11-13", ["190"]),
    ("actor=person:xi-jinping", ["040"]),
    ("actor=Putin", ["040", "043"]),
    ("cameo_root=11", ["112"]),
    ("since=2024-01-01&until=2024-12-31", ["042"]),
    ("min_sources=2", []),
])
def test_the_filters_of_tengri_events(reading_client: TestClient, keys: Keys, query: str,
                                      cameos: list[str]) -> None:
    page = reading_client.get(f"{API}/events?{query}", headers=keys.header("reader")).json()
    assert [e["cameo"] for e in page["items"]] == cameos


def test_an_event_with_its_reports_and_their_offsets_in_the_document(
        reading_client: TestClient, keys: Keys) -> None:
    reader = keys.header("reader")
    treaty = reading_client.get(f"{API}/events?text=treaty", headers=reader).json()["items"][0]
    detail = reading_client.get(f"{API}/events/{treaty['id']}", headers=reader).json()
    assert detail["event"]["cameo"] == "057"
    assert {(a["role"], a["actor_key"]) for a in detail["actors"]} == {("source", "KAZ"),
                                                                       ("target", "RUS")}
    (mention,) = detail["mentions"]
    document = reading_client.get(f"{API}/documents/{mention['document_id']}", headers=reader).json()
    assert document["text"][mention["sentence_start"]:mention["sentence_end"]] == \
        mention["sentence"] == "and signed a treaty."
    assert (mention["url"], mention["decision"]["action"]) == ("https://news.example/talks",
                                                               "seed")


def test_an_unknown_event_is_a_404_problem(reading_client: TestClient, keys: Keys) -> None:
    response = reading_client.get(f"{API}/events/999999", headers=keys.header("reader"))
    assert is_problem(response, 404)
    assert response.json()["detail"] == "no event 999999 in the store; GET /events lists them"


def test_a_cursor_is_for_its_own_sort_only(reading_client: TestClient, keys: Keys) -> None:
    reader = keys.header("reader")
    cursor = reading_client.get(f"{API}/events?limit=2", headers=reader).json()["next_cursor"]
    response = reading_client.get(f"{API}/events?limit=2&sort=goldstein&cursor={cursor}",
                          headers=reader)
    assert is_problem(response, 400)
    assert "sorted by date descending" in response.json()["detail"]
