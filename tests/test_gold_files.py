"""The English gold set (gold/en/*.jsonl) keeps the shape of docs/GOLD.md and the rules of
docs/CODING.md.

These tests read only the gold files and tengri.model; the PLOVER mode lists below are those of the
PLOVER manual (draft 0.8, 2021), which gold/README.md cites.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.gold_rules import (
    ACTOR_ID,
    PLOVER_MODES,
    assert_dates_are_well_formed,
    cameo_types,
    is_hard_negative,
    record_actors,
    record_dates,
)

from tengri.model import DatePrecision, EventStatus, KBCheck, MembershipRelation, Qualifier

GOLD = Path(__file__).resolve().parents[1] / "gold" / "en"
SPLIT_FILES = {"dev": GOLD / "dev.jsonl", "heldout": GOLD / "heldout.jsonl"}

Passage = dict[str, Any]
Passages = list[Passage]


def _read(split: str) -> Passages:
    lines = SPLIT_FILES[split].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def passages() -> Passages:
    return _read("dev") + _read("heldout")


def _anchors(p: Passage) -> list[str]:
    return [r["anchor"] for r in (*p["events"], *p["facts"], *p["memberships"])]


def test_every_line_of_both_files_parses_as_a_json_object() -> None:
    for split, path in SPLIT_FILES.items():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            assert isinstance(json.loads(line), dict), f"{split}.jsonl line {number}"


def test_every_passage_has_the_fields_of_the_gold_format(passages: Passages) -> None:
    fields = {"id", "split", "lang", "published", "tags", "text", "events", "facts", "memberships"}
    for p in passages:
        assert fields <= p.keys(), p.get("id")
        assert p["lang"] == "en", p["id"]
        assert re.fullmatch(r"en-\d{4}", p["id"]), p["id"]


def test_passage_ids_are_unique_across_both_files(passages: Passages) -> None:
    ids = collections.Counter(p["id"] for p in passages)
    assert [i for i, n in ids.items() if n > 1] == []


def test_the_split_field_matches_the_file_it_is_in() -> None:
    for split in SPLIT_FILES:
        assert {p["split"] for p in _read(split)} == {split}


def test_heldout_passages_are_those_whose_number_is_one_more_than_a_multiple_of_three(
    passages: Passages,
) -> None:
    for p in passages:
        expected = "heldout" if int(p["id"].removeprefix("en-")) % 3 == 1 else "dev"
        assert p["split"] == expected, p["id"]


def test_there_are_at_least_300_passages(passages: Passages) -> None:
    assert len(passages) >= 300


def test_at_least_one_third_of_the_passages_are_heldout(passages: Passages) -> None:
    heldout = sum(p["split"] == "heldout" for p in passages)
    assert 3 * heldout >= len(passages)


def test_at_least_a_quarter_of_the_passages_are_hard_negatives(passages: Passages) -> None:
    negatives = sum(is_hard_negative(p) for p in passages)
    assert 4 * negatives >= len(passages)


def test_the_negative_tag_is_exactly_the_passages_without_records(passages: Passages) -> None:
    for p in passages:
        empty = not (p["events"] or p["facts"] or p["memberships"])
        assert ("negative" in p["tags"]) == empty, p["id"]
        if empty:
            assert len(p["tags"]) >= 2, f"{p['id']}: a negative needs a reason tag"


def test_every_anchor_occurs_exactly_once_in_its_text(passages: Passages) -> None:
    for p in passages:
        for anchor in _anchors(p):
            assert anchor and p["text"].count(anchor) == 1, f"{p['id']}: {anchor!r}"


def test_texts_are_news_passages_of_one_to_six_sentences(passages: Passages) -> None:
    for p in passages:
        sentences = len(re.findall(r"[.!?»'](?=\s|$)", p["text"].strip()))
        assert 1 <= sentences <= 6, p["id"]


def test_event_types_are_plover_types_and_modes_belong_to_them(passages: Passages) -> None:
    for p in passages:
        for e in p["events"]:
            assert e["type"] in PLOVER_MODES, f"{p['id']}: {e['type']}"
            assert e["mode"] in PLOVER_MODES[e["type"]], f"{p['id']}: {e['type']} {e['mode']}"


def test_cameo_codes_agree_with_the_plover_type(passages: Passages) -> None:
    for p in passages:
        for e in p["events"]:
            assert re.fullmatch(r"\d{3,4}", e["cameo"]), f"{p['id']}: {e['cameo']}"
            assert e["type"] in cameo_types(e["cameo"]), f"{p['id']}: {e['type']} {e['cameo']}"


def test_statuses_qualifiers_relations_and_kb_checks_come_from_the_model(
    passages: Passages,
) -> None:
    statuses = {s.value for s in EventStatus}
    for p in passages:
        for e in p["events"]:
            assert e["status"] in statuses, p["id"]
        for f in p["facts"]:
            assert f["qualifier"] in {q.value for q in Qualifier}, p["id"]
            assert isinstance(f["value"], int | float) and isinstance(f["unit"], str), p["id"]
        for m in p["memberships"]:
            assert m["relation"] in {r.value for r in MembershipRelation}, p["id"]
            assert m["kb_check"] in {k.value for k in KBCheck}, p["id"]
            assert m["status"] in statuses, p["id"]


def test_dates_parse_and_start_is_never_after_end(passages: Passages) -> None:
    assert_dates_are_well_formed(passages)


def test_relative_dates_without_a_publication_date_stay_unresolved(passages: Passages) -> None:
    for p in passages:
        if p["published"] is None:
            for what, d in record_dates(p):
                if d is not None and d["precision"] == DatePrecision.UNKNOWN:
                    assert d.get("text"), f"{p['id']} {what}: keep the text of an unresolved date"


def test_actors_carry_a_country_key_and_well_formed_ids(passages: Passages) -> None:
    for p in passages:
        for a in record_actors(p):
            assert "country" in a, p["id"]
            assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"]), (
                f"{p['id']}: {a}"
            )
            if "id" in a:
                assert ACTOR_ID.fullmatch(a["id"]), f"{p['id']}: {a['id']}"
                if a["id"].startswith("igo:"):
                    assert a["country"] is None, f"{p['id']}: an IGO has no country"


def test_every_visit_comes_with_its_host_record(passages: Passages) -> None:
    for p in passages:
        visits = collections.Counter(e["anchor"] for e in p["events"] if e["cameo"] == "042")
        hosts = collections.Counter(
            e["status"] for e in p["events"] if e["cameo"] == "043" and e["mode"] == "visit"
        )
        assert sum(visits.values()) == sum(hosts.values()), p["id"]


def test_multilateral_events_name_their_gathering_and_participants(passages: Passages) -> None:
    for p in passages:
        for e in p["events"]:
            if e["mode"] == "multilateral":
                assert e.get("gathering") and e["gathering"]["kind"], p["id"]
                assert e["participants"], p["id"]
                assert e["target"] is None, p["id"]


def test_every_plover_type_is_covered_by_at_least_eight_passages(passages: Passages) -> None:
    per_type = collections.Counter(t for p in passages for t in {e["type"] for e in p["events"]})
    assert {t: n for t, n in per_type.items() if n < 8} == {}
    assert set(per_type) == set(PLOVER_MODES)


def test_every_consult_mode_and_the_host_record_have_at_least_ten_passages(
    passages: Passages,
) -> None:
    per_mode: collections.Counter[str] = collections.Counter()
    for p in passages:
        kinds = {e["mode"] for e in p["events"] if e["type"] == "CONSULT"}
        kinds |= {"host (043)" for e in p["events"] if e["cameo"] == "043" and e["mode"] == "visit"}
        per_mode.update(kinds)
    for mode in ("visit", "host (043)", "third-party", "multilateral", "phone"):
        assert per_mode[mode] >= 10, mode


def test_every_status_but_occurred_has_at_least_twenty_passages(passages: Passages) -> None:
    per_status = collections.Counter(
        s for p in passages for s in {r["status"] for r in (*p["events"], *p["memberships"])}
    )
    for status in ("ongoing", "planned", "negated", "hypothetical"):
        assert per_status[status] >= 20, status


def test_every_membership_relation_and_kb_check_occurs(passages: Passages) -> None:
    relations = {m["relation"] for p in passages for m in p["memberships"]}
    checks = {m["kb_check"] for p in passages for m in p["memberships"]}
    assert relations == {r.value for r in MembershipRelation}
    assert checks == {k.value for k in KBCheck}
