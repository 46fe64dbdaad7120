"""PLOVER JSON: the manual's record fields, a visit as one CONSULT/visit record, status as the
manual's auxiliary modes, and a gold-standard layout that tengri's PLOVER gold reader reads."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from tests.export.conftest import PUTIN, TOKAYEV, VISIT_SENTENCE, prepare, store_all, with_actors
from tests.store.conftest import document, event

from tengri.evaluate.read_plover import read_plover
from tengri.export import export_text
from tengri.export.plover import plover_record
from tengri.ontology import PLOVER_TYPES, is_valid
from tengri.store import EventFilter, Store


def _records(store: Store, criteria: EventFilter | None = None) -> list[dict]:
    out = io.StringIO()
    export_text(store, criteria or EventFilter(), "plover", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _by_event(records: list[dict]) -> dict[str, dict]:
    return {r["tengri"]["cameo"] + ":" + r["tengri"]["status"]: r for r in records}


def test_a_visit_and_its_hosting_are_one_consult_visit_record(filled: Store) -> None:
    records = _records(filled)
    visits = [r for r in records if r.get("mode") == ["visit"] and r["date"] == "2025-11-11"]
    assert len(visits) == 1
    visit = visits[0]
    assert (visit["event"], visit["actor"], visit["recipient"]) == (
        ["CONSULT"],
        [{"code": "KAZ", "sector": "GOV", "entity_text": "Kazakh President Kassym-Jomart Tokayev",
          "identifier_id": "Q1369045", "identifier_text": "Kassym-Jomart Tokayev",
          "office": "head_of_state"}],
        [{"code": "RUS", "sector": "GOV", "entity_text": "Vladimir Putin",
          "identifier_text": "Vladimir Putin", "office": "head_of_state"}])
    assert len(visit["tengri"]["event_ids"]) == 2
    assert visit["event_loc"] == {"extracted_place": "Moscow", "resolved_place": "Moscow",
                                  "lat": 55.75, "lon": 37.62, "city": "Moscow",
                                  "country": "Russia", "country_code": "RUS", "resolution": 4}
    assert (visit["text"], visit["enddate"], visit["quad_code"]) == \
        (VISIT_SENTENCE, "2025-11-12", 1)
    assert not any(r["tengri"]["cameo"] == "043" for r in records)


def test_a_hosting_alone_has_the_visitor_as_actor_and_the_host_as_recipient(
        store: Store) -> None:
    hosting = with_actors(event("host", "043", None, None, start="2025-06-01", mode="visit",
                                where="Moscow"), PUTIN, TOKAYEV)
    store_all(store, prepare(document("host", "Putin hosted Tokayev.", "2025-06-02"),
                             [hosting]))
    [record] = _records(store)
    assert ([a["code"] for a in record["actor"]], [a["code"] for a in record["recipient"]],
            record["event"], record["mode"]) == (["KAZ"], ["RUS"], ["CONSULT"], ["visit"])


def test_filtering_out_the_visit_keeps_the_hosting(filled: Store) -> None:
    records = _records(filled, EventFilter(actor="putin", status="occurred"))
    assert sorted(r["tengri"]["cameo"] for r in records) == ["042"]
    assert len(records[0]["tengri"]["event_ids"]) == 2


def test_status_becomes_the_manuals_auxiliary_mode_in_context(filled: Store) -> None:
    records = _by_event(_records(filled))
    assert records["042:planned"]["context"] == ["future"]
    assert records["040:negated"]["context"] == ["negation"]
    assert records["112:hypothetical"]["context"] == ["hypothetical"]
    assert "context" not in records["190:occurred"]


def test_a_summit_has_every_participant_as_actor_and_no_recipient(filled: Store) -> None:
    summit = _by_event(_records(filled))["040:occurred"]
    assert ([a["code"] for a in summit["actor"]], "recipient" in summit, summit["mode"]) == \
        (["CHN", "KAZ", "RUS"], False, ["multilateral"])


def test_a_meeting_has_both_sides_as_actor(filled: Store) -> None:
    meeting = _by_event(_records(filled))["040:negated"]
    assert ([a["code"] for a in meeting["actor"]], "recipient" in meeting) == \
        (["RUS", "KAZ"], False)


def test_alliances_get_plover_codes(filled: Store) -> None:
    records = _by_event(_records(filled))
    assert records["111:occurred"]["actor"][0]["code"] == "IGO"
    assert plover_record({"event_id": "1", "type": "ACCUSE", "cameo": "111",
                          "source": {"id": "igo:UN", "kind": "igo", "name": "United Nations"},
                          "target": {"id": "igo:EU", "kind": "igo", "name": "European Union"}}
                         )["actor"][0]["code"] == "UNO"


def test_every_record_has_the_manuals_required_fields_with_valid_values(filled: Store) -> None:
    records = _records(filled)
    assert len(records) == 7
    ids = [r["id"] for r in records]
    assert len(set(ids)) == len(ids)
    for r in records:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])
        assert isinstance(r["actor"], list) and all(isinstance(a["code"], str)
                                                    for a in r["actor"])
        assert all(t in PLOVER_TYPES for t in r["event"])
        assert all(is_valid(r["event"][0], m) for m in r.get("mode", []))
        assert r["quad_code"] in (1, 2, 3, 4)
        assert isinstance(r["event_scale"], float)
        assert all(len(a["code"]) == 3 for a in r["actor"] + r.get("recipient", []))


def test_the_gold_standard_layout_is_read_by_the_plover_gold_reader(filled: Store,
                                                                     tmp_path: Path) -> None:
    out = io.StringIO()
    export_text(filled, EventFilter(), "plover", out, plover_layout="gsr")
    path = tmp_path / "tengri_gsr.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    gold = read_plover(path)
    events = {p.id: p.events[0] for p in gold.passages}
    assert len(events) == 7 and gold.skipped == ()
    visit = next(e for p, e in events.items() if e.location and e.location.name == "Moscow")
    assert (visit.type, visit.mode, [a.country for a in visit.source],
            [a.country for a in visit.target], visit.location.country) == \
        ("CONSULT", "visit", ["KAZ"], ["RUS"], "RUS")
    strike = next(e for e in events.values() if e.type == "ASSAULT")
    assert ([a.country for a in strike.source], [a.country for a in strike.target]) == \
        (["RUS"], ["UKR"])
