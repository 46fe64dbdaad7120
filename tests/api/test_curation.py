"""Curation through the API: confirm, reject, edit, correct an actor, merge and split — each
in the audit log with who, when, before, after and why — and decisions that outlive
re-ingestion and replaced documents."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from tests.analytics.factories import store_reports, world
from tests.api.conftest import API, Keys, is_problem
from tests.store.conftest import document, event

from tengri.ontology import cameo
from tengri.store import open_store


def _event_id(client: TestClient, keys: Keys, query: str) -> int:
    items = client.get(f"{API}/events?{query}&review=all", headers=keys.header("reader")
                       ).json()["items"]
    assert len(items) == 1, items
    return int(items[0]["id"])


def _audit(client: TestClient, keys: Keys, event_id: int) -> list[dict]:  # type: ignore[type-arg]
    return client.get(f"{API}/events/{event_id}/audit", headers=keys.header("curator")
                      ).json()["items"]


def test_a_rejected_event_leaves_the_list_and_its_audit_entry_says_who_and_why(
        client: TestClient, keys: Keys) -> None:
    curator = keys.header("curator")
    accusation = _event_id(client, keys, "cameo_root=11")
    response = client.post(f"{API}/events/{accusation}/reject",
                           json={"reason": "a quote, not an accusation"}, headers=curator)
    assert response.json()["event"]["curation"]["verdict"] == "rejected"
    listed = client.get(f"{API}/events?dyad=KAZ-RUS", headers=curator).json()["items"]
    assert accusation not in [e["id"] for e in listed] and len(listed) == 5
    rejected = client.get(f"{API}/events?review=rejected", headers=curator).json()["items"]
    assert [(e["id"], e["curation"]["verdict"], e["curation"]["updated_by"]) for e in rejected
            ] == [(accusation, "rejected", "curator-user")]
    (entry,) = _audit(client, keys, accusation)
    assert (entry["who"], entry["role"], entry["action"], entry["reason"]) == (
        "curator-user", "curator", "event.reject", "a quote, not an accusation")
    assert (entry["before"]["curation"], entry["after"]["curation"]["verdict"]) == (
        None, "rejected")
    assert entry["before"]["cameo"] == entry["after"]["cameo"] == "112"
    client.post(f"{API}/events/{accusation}/reopen", headers=curator)
    assert len(client.get(f"{API}/events?dyad=KAZ-RUS", headers=curator).json()["items"]) == 6


def test_an_edit_sets_fields_that_follow_the_ontology(client: TestClient, keys: Keys) -> None:
    curator = keys.header("curator")
    visit = _event_id(client, keys, "status=planned")
    response = client.patch(f"{API}/events/{visit}", headers=curator, json={
        "cameo": "043", "status": "occurred", "date_start": "2025-11-11",
        "date_end": "2025-11-12", "date_precision": "day", "reason": "the host's record"})
    assert response.status_code == 200, response.text
    event = client.get(f"{API}/events/{visit}", headers=curator).json()["event"]
    host = cameo("043")
    assert (event["type"], event["cameo"], event["goldstein"], event["quad_class"],
            event["status"], event["curated"]) == ("CONSULT", "043", host.goldstein,
                                                   host.quad_class, "occurred", True)
    assert event["curation"]["edited_fields"] == ["cameo", "cameo_root", "date_end",
                                                  "date_precision", "date_start", "goldstein",
                                                  "mode", "quad_class", "status", "type"]
    (entry,) = _audit(client, keys, visit)
    assert (entry["action"], entry["before"]["status"], entry["after"]["status"]) == (
        "event.edit", "planned", "occurred")
    mismatch = client.patch(f"{API}/events/{visit}", headers=curator,
                            json={"type": "ASSAULT", "cameo": "043"})
    assert is_problem(mismatch, 422)
    assert mismatch.json()["detail"] == ("CAMEO 043 is a CONSULT code, not ASSAULT; change "
                                         "both or only one of them")


def test_an_actor_resolution_is_corrected_from_the_kb(client: TestClient, keys: Keys) -> None:
    curator = keys.header("curator")
    meeting = _event_id(client, keys, "actor=person:xi-jinping")
    response = client.put(f"{API}/events/{meeting}/actors/target", headers=curator,
                          json={"actor": "CHN", "reason": "the state, not the person"})
    assert response.json()["event"]["target_actor_id"] == "CHN"
    assert client.get(f"{API}/events?actor=person:xi-jinping", headers=curator
                      ).json()["items"] == []
    found = client.get(f"{API}/events?dyad=KAZ-CHN", headers=curator).json()["items"]
    assert [(e["id"], e["target"]["name"]) for e in found] == [(meeting, "China")]
    assert _audit(client, keys, meeting)[0]["action"] == "event.correct_actor"


def test_two_events_merge_and_a_report_splits_off_again(client: TestClient,
                                                       keys: Keys) -> None:
    curator = keys.header("curator")
    strikes = client.get(f"{API}/events?type=ASSAULT", headers=curator).json()["items"]
    keep, absorb = sorted(e["id"] for e in strikes)
    merged = client.post(f"{API}/events/{keep}/merge", headers=curator,
                         json={"absorb": absorb, "reason": "one night of strikes"}).json()
    assert merged["event"]["mention_count"] == 2
    assert is_problem(client.get(f"{API}/events/{absorb}", headers=curator), 404)
    detail = client.get(f"{API}/events/{keep}", headers=curator).json()
    assert {m["decision"]["action"] for m in detail["mentions"]} == {"seed", "merged"}
    assert all(m["pinned"] for m in detail["mentions"])
    moved = next(m for m in detail["mentions"] if m["decision"]["action"] == "merged")
    split = client.post(f"{API}/mentions/{moved['id']}/split", headers=curator,
                        json={"reason": "Odesa was another night"}).json()["event"]
    assert split["mention_count"] == 1 and split["id"] != keep
    assert client.get(f"{API}/events/{keep}", headers=curator
                      ).json()["event"]["mention_count"] == 1
    trail = client.get(f"{API}/events/{keep}/audit", headers=curator).json()["items"]
    assert [(e["action"], e["reason"]) for e in trail] == [
        ("event.split", "Odesa was another night"), ("event.merge", "one night of strikes")]
    assert trail[0]["after"]["mention"] == moved["id"]


def test_curated_events_survive_re_ingestion_and_a_replaced_report(
        client: TestClient, keys: Keys, db_path: str) -> None:
    curator = keys.header("curator")
    accusation = _event_id(client, keys, "cameo_root=11")
    client.post(f"{API}/events/{accusation}/reject", headers=curator)
    strikes = sorted(e["id"] for e in client.get(f"{API}/events?type=ASSAULT",
                                                   headers=curator).json()["items"])
    client.post(f"{API}/events/{strikes[0]}/merge", headers=curator,
                json={"absorb": strikes[1]})
    client.patch(f"{API}/events/{strikes[0]}", headers=curator,
                 json={"location_name": "Kharkiv and Odesa", "location_precision": "admin"})
    store = open_store(db_path)
    try:
        again = store_reports(store, world())  # the same corpus again: nothing changes
        assert (again.stored, again.unchanged) == (0, 8)
        # a new version of one strike report (same URL): its mention goes, the event is
        # recomputed from the other, and the analyst's edit is put back
        store_reports(store, [(document("strike-2", "Russian drones hit Lviv overnight.",
                                        "2025-11-14", url="https://news.example/strike-2"),
                               [event("strike-2", "195", "RUS", "UKR", start="2025-11-13",
                                      sentence="Russian drones hit Lviv overnight.")], [], [])])
    finally:
        store.close()
    kept = client.get(f"{API}/events/{strikes[0]}", headers=curator).json()["event"]
    assert (kept["location"]["name"], kept["location"]["precision"], kept["mention_count"],
            kept["curated"]) == ("Kharkiv and Odesa", "admin", 1, True)
    rejected = client.get(f"{API}/events?review=rejected", headers=curator).json()["items"]
    assert [e["id"] for e in rejected] == [accusation]


def test_exports_mark_curated_events_and_leave_rejected_ones_out(client: TestClient,
                                                                keys: Keys) -> None:
    curator = keys.header("curator")
    accusation = _event_id(client, keys, "cameo_root=11")
    visit = _event_id(client, keys, "status=planned")
    client.post(f"{API}/events/{accusation}/reject", headers=curator)
    client.patch(f"{API}/events/{visit}", headers=curator, json={"status": "occurred"})
    lines = client.get(f"{API}/exports/events.jsonl?dyad=KAZ-RUS", headers=curator
                       ).text.splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert accusation not in records and len(records) == 5
    assert records[visit]["curated"] is True
    assert records[visit]["curation"]["edited_fields"] == ["status"]
    assert records[visit]["curation"]["by"] == "curator-user"
    everything = client.get(f"{API}/exports/events.csv?dyad=KAZ-RUS&review=all",
                            headers=curator)
    assert everything.headers["content-type"].startswith("text/csv")
    rows = everything.text.splitlines()
    header = rows[0].split(",")
    verdicts = {row.split(",")[0]: row.split(",")[header.index("curation_verdict")]
                for row in rows[1:]}
    assert verdicts[str(accusation)] == "rejected" and len(verdicts) == 6


def test_a_curated_event_whose_only_report_is_replaced_takes_its_curation_along(
        client: TestClient, keys: Keys, db_path: str) -> None:
    curator = keys.header("curator")
    accusation = _event_id(client, keys, "cameo_root=11")
    client.post(f"{API}/events/{accusation}/reject", headers=curator, json={"reason": "no"})
    store = open_store(db_path)
    try:
        store_reports(store, [(document("accusation", "Moscow praised Astana's mediation.",
                                        "2025-03-02", url="https://news.example/accusation"),
                               [event("accusation", "051", "RUS", "KAZ", start="2025-03-01",
                                      sentence="Moscow praised Astana's mediation.")], [], [])])
    finally:
        store.close()
    assert client.get(f"{API}/events?review=rejected", headers=curator).json()["items"] == []
    praise = _event_id(client, keys, "cameo_root=05&dyad=KAZ-RUS&until=2025-06-01")
    assert client.get(f"{API}/events/{praise}", headers=curator).json()["event"]["curation"] \
        is None
    vanished = client.get(f"{API}/audit?action=event.vanished", headers=curator).json()["items"]
    assert [(e["target_id"], e["who"], e["before"]["verdict"]) for e in vanished] == [
        (str(accusation), "tengri", "rejected")]
