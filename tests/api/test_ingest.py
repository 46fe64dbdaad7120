"""POST /ingest: posted documents are coded and stored once; URLs go through tengri.ingest's
fetcher with its safety defaults, so a loopback address is refused and quarantined."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.api.conftest import API, Keys

ARTICLE = ("ASTANA, March 3, 2025 - Kazakh President Kassym-Jomart Tokayev held talks with "
           "Uzbek President Shavkat Mirziyoyev in Astana on Monday. The two leaders signed an "
           "agreement on water management.")


def test_posted_documents_are_coded_stored_once_and_audited(client: TestClient,
                                                            keys: Keys) -> None:
    curator = keys.header("curator")
    body = {"documents": [{"text": ARTICLE, "title": "Tokayev hosts Mirziyoyev",
                           "url": "https://news.example/astana-talks",
                           "published": "2025-03-03"}]}
    first = client.post(f"{API}/ingest", json=body, headers=curator)
    assert first.status_code == 200, first.text
    summary = first.json()
    assert (summary["seen"], summary["stored"], summary["unchanged"]) == (1, 1, 0)
    assert summary["mentions"] >= 1
    again = client.post(f"{API}/ingest", json=body, headers=curator).json()
    assert (again["stored"], again["unchanged"]) == (0, 1)
    events = client.get(f"{API}/events?dyad=KAZ-UZB", headers=curator).json()["items"]
    assert events and all(e["first_reported"] == "2025-03-03" for e in events)
    runs = client.get(f"{API}/audit?action=ingest.run", headers=curator).json()["items"]
    assert [(r["who"], r["after"]["stored"]) for r in runs] == [("curator-user", 0),
                                                                ("curator-user", 1)]


def test_a_posted_html_page_is_read_for_its_article(client: TestClient, keys: Keys) -> None:
    page = (f"<html><head><title>Talks in Astana</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Talks in Astana</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article>"
            "</body></html>")
    response = client.post(f"{API}/ingest", headers=keys.header("curator"),
                           json={"documents": [{"text": page, "html": True,
                                                "published": "2025-03-03"}]})
    assert response.json()["stored"] == 1


def test_urls_to_private_addresses_are_refused_and_quarantined(client: TestClient,
                                                               keys: Keys) -> None:
    response = client.post(f"{API}/ingest", headers=keys.header("curator"),
                           json={"urls": ["http://127.0.0.1:9/secret"]})
    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["stored"], sum(summary["quarantined"].values())) == (0, 1)


def test_too_many_documents_in_one_request_is_a_problem(client: TestClient,
                                                        keys: Keys) -> None:
    body = {"documents": [{"text": f"Note {i}."} for i in range(101)]}
    response = client.post(f"{API}/ingest", json=body, headers=keys.header("curator"))
    assert response.status_code == 400
    assert "at most 100" in response.json()["detail"]
