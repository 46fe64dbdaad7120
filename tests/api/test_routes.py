"""The read-only routes beyond events: documents, actors, dyads, timeline, network, facts,
memberships, conflicts, stats, ontology and health — each answering with its documented
shape."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.analytics.factories import TOKAYEV
from tests.api.conftest import API, Keys, is_problem

from tengri.store import SCHEMA_VERSION


def get(client: TestClient, keys: Keys, url: str) -> dict:  # type: ignore[type-arg]
    response = client.get(API + url, headers=keys.header("reader"))
    assert response.status_code == 200, response.text[:300]
    return response.json()  # type: ignore[no-any-return]


def test_documents_list_and_one_document_with_its_records(reading_client: TestClient,
                                                          keys: Keys) -> None:
    listed = get(reading_client, keys, "/documents?text=talks")
    assert [(d["title"], d["mentions"], d["facts"], d["memberships"]) for d in listed] == [
        ("talks", 2, 1, 1)]
    detail = get(reading_client, keys, f"/documents/{listed[0]['id']}")
    assert detail["text"] == "Tokayev and Putin held talks in Moscow and signed a treaty."
    assert [(m["cameo"], m["sentence_start"], m["sentence_end"]) for m in detail["mentions"]
            ] == [("040", 0, 38), ("057", 39, 59)]
    assert [(c["kind"], c["summary"]) for c in detail["claims"]] == [
        ("fact", "trade_volume 2.87e+10 USD"), ("membership", "Kazakhstan joined BRICS "
                                                              "(conflict)")]
    assert get(reading_client, keys, "/documents?since=2025-11-13")[0]["title"] == "strike-2"


def test_actors_resolve_and_profile(reading_client: TestClient, keys: Keys) -> None:
    actors = get(reading_client, keys, "/actors?q=tokayev")
    assert [(a["id"], a["events"]) for a in actors["items"]] == [(TOKAYEV, 5)]
    assert get(reading_client, keys, "/actors/resolve?name=Tokayev")["id"] == TOKAYEV
    profile = get(reading_client, keys, f"/actors/{TOKAYEV}/profile?since=2025-01-01")
    assert (profile["actor"]["name"], profile["balance"]["events"]) == (
        "Kassym-Jomart Tokayev", 4)
    state = get(reading_client, keys, "/actors/kaz/profile?counterparts=1")
    assert [c["key"] for c in state["counterparts"]] == ["RUS"]


def test_a_dyad_profile(reading_client: TestClient, keys: Keys) -> None:
    dyad = get(reading_client, keys, "/dyads/kaz/rus?latest=1")
    assert (dyad["first"], dyad["second"], dyad["balance"]["events"], len(dyad["latest"])) == (
        "KAZ", "RUS", 6, 1)
    assert dyad["latest"][0]["evidence"]["sentence"] == "and signed a treaty."
    assert get(reading_client, keys, "/dyads/KAZ/RUS?since=2025-03-01&until=2025-03-31"
               )["balance"]["conflict"] == 1


def test_timeline_and_network_take_the_event_filters(reading_client: TestClient,
                                                     keys: Keys) -> None:
    weekly = get(reading_client, keys, "/timeline?country=UKR&granularity=week")
    assert [(b["start"], b["events"], b["conflict"]) for b in weekly["buckets"]] == [
        ("2025-11-10", 2, 2)]
    network = get(reading_client, keys, "/network?since=2025-11-01&type=ASSAULT")
    assert [(e["source"], e["target"], e["events"]) for e in network["edges"]] == [
        ("RUS", "UKR", 2)]
    assert {n["label"] for n in network["nodes"]} == {"Russia", "Ukraine"}


def test_facts_memberships_and_conflicts(reading_client: TestClient, keys: Keys) -> None:
    facts = get(reading_client, keys, "/facts?country=KAZ&indicator=trade_volume")
    assert [(f["value"], f["unit"], f["sentence"]) for f in facts["items"]] == [
        (28.7e9, "USD", "Trade between Kazakhstan and Russia reached $28.7 billion.")]
    memberships = get(reading_client, keys, "/memberships?kb_check=conflict")
    assert [(m["member_id"], m["organization_id"], m["relation"], m["kb"][0]["relation"])
            for m in memberships["items"]] == [("KAZ", "igo:BRICS", "joined", "partner")]
    conflicts = get(reading_client, keys, "/conflicts?kind=office")
    assert [(c["claim"], c["on"]) for c in conflicts] == [
        ("Prime Minister Kassym-Jomart Tokayev", "2025-06-01")]
    assert get(reading_client, keys, "/facts?limit=1")["next"] is not None


def test_stats_ontology_health(reading_client: TestClient, keys: Keys) -> None:
    stats = get(reading_client, keys, "/stats")
    assert (stats["documents"], stats["events"], stats["facts"]) == (8, 9, 1)
    ontology = get(reading_client, keys, "/ontology")
    assert ontology["types"][0]["type"] == "AGREE"
    assert ontology["quad_classes"]["4"] == "material conflict"
    health = reading_client.get(f"{API}/health").json()
    assert (health["status"], health["schema_version"], health["backend"]) == (
        "ok", SCHEMA_VERSION, "sqlite")


def test_the_openapi_schema_documents_every_route_with_a_response_model(
        reading_client: TestClient) -> None:
    schema = reading_client.get("/openapi.json").json()
    assert schema["info"]["title"] == "tengri"
    assert set(schema["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    for path, operations in schema["paths"].items():
        assert path.startswith(API), path
        for method, operation in operations.items():
            assert operation.get("summary"), (method, path)
            ok = operation["responses"].get("200") or operation["responses"].get("201")
            assert ok and ok.get("content"), (method, path)
            if "/exports/" not in path:
                assert "$ref" in str(ok["content"]["application/json"]["schema"]) or \
                    ok["content"]["application/json"]["schema"].get("type"), (method, path)
            problem = operation["responses"].get("400") or operation["responses"].get("422")
            if path != f"{API}/health" and path != f"{API}/me":
                assert problem is not None, (method, path)


def test_the_docs_page_is_served_offline(reading_client: TestClient) -> None:
    page = reading_client.get("/docs")
    assert page.status_code == 200
    assert "https://" not in page.text and "http://" not in page.text
    assert reading_client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert is_problem(reading_client.get("/static/docs/missing.js"), 404)
