"""The second English development set (gold/en2/dev.jsonl) keeps the shape of docs/GOLD.md and
the rules of docs/CODING.md.

These tests read only gold/en2 and tengri.model; the PLOVER mode lists are those of the PLOVER
manual (draft 0.8, 2021), as in tests/test_gold_files.py, which holds the first English set.
"""

from __future__ import annotations

import collections
import datetime as dt
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

DEV = Path(__file__).resolve().parents[1] / "gold" / "en2" / "dev.jsonl"

Passage = dict[str, Any]


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# A sentence ends at . ! ? (optionally closed by a quote) before a space and a capital, digit or
# opening quote, or at the end of the text.
SENTENCE_END = re.compile(r"[.!?][\"”’]?(?=\s+[\"“‘(]?[A-Z0-9]|\s*$)")


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


def _records(p: Passage) -> list[dict[str, Any]]:
    return [*p["events"], *p["facts"], *p["memberships"]]


def test_every_line_parses_as_a_json_object() -> None:
    for number, line in enumerate(DEV.read_text(encoding="utf-8").splitlines(), start=1):
        assert isinstance(json.loads(line), dict), f"line {number}"


def test_every_passage_has_the_fields_of_the_gold_format(passages: list[Passage]) -> None:
    fields = {"id", "split", "lang", "published", "tags", "text", "events", "facts", "memberships"}
    for p in passages:
        assert fields <= p.keys(), p.get("id")
        assert (p["lang"], p["split"]) == ("en", "dev"), p["id"]
        assert re.fullmatch(r"en2-\d{4}", p["id"]), p["id"]
        assert p["tags"] and all(isinstance(t, str) and t for t in p["tags"]), p["id"]


def test_passage_ids_are_unique_and_numbered_from_one(passages: list[Passage]) -> None:
    ids = [p["id"] for p in passages]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    assert sorted(ids) == [f"en2-{n:04d}" for n in range(1, len(ids) + 1)]


def test_there_are_two_hundred_passages(passages: list[Passage]) -> None:
    assert len(passages) == 200


def test_every_anchor_occurs_exactly_once_in_its_text(passages: list[Passage]) -> None:
    for p in passages:
        for r in _records(p):
            anchor = r["anchor"]
            assert anchor and p["text"].count(anchor) == 1, f"{p['id']}: {anchor!r}"


def test_every_anchor_lies_inside_one_sentence(passages: list[Passage]) -> None:
    for p in passages:
        ends = [m.end() for m in SENTENCE_END.finditer(p["text"])]
        for r in _records(p):
            start = p["text"].index(r["anchor"])
            end = start + len(r["anchor"])
            assert not any(start < e < end for e in ends), f"{p['id']}: {r['anchor']!r}"


def test_texts_have_one_to_six_sentences_and_most_have_three_or_more(
    passages: list[Passage],
) -> None:
    counts = {p["id"]: len(SENTENCE_END.findall(p["text"].strip())) for p in passages}
    assert {i: n for i, n in counts.items() if not 1 <= n <= 6} == {}
    assert sum(n >= 3 for n in counts.values()) >= 150


def test_event_types_are_plover_types_and_modes_belong_to_them(passages: list[Passage]) -> None:
    for p in passages:
        for e in p["events"]:
            assert e["type"] in PLOVER_MODES, f"{p['id']}: {e['type']}"
            assert e["mode"] in PLOVER_MODES[e["type"]], f"{p['id']}: {e['type']} {e['mode']}"


def test_cameo_codes_agree_with_the_plover_type(passages: list[Passage]) -> None:
    for p in passages:
        for e in p["events"]:
            assert re.fullmatch(r"\d{3,4}", e["cameo"]), f"{p['id']}: {e['cameo']}"
            assert e["type"] in cameo_types(e["cameo"]), f"{p['id']}: {e['type']} {e['cameo']}"


def test_statuses_qualifiers_relations_and_kb_checks_come_from_the_model(
    passages: list[Passage],
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


def test_dates_parse_and_start_is_never_after_end(passages: list[Passage]) -> None:
    assert_dates_are_well_formed(passages)


def test_a_one_day_date_read_from_a_weekday_falls_on_that_weekday(
    passages: list[Passage],
) -> None:
    for p in passages:
        for what, d in record_dates(p):
            if not d or not d.get("text") or d["start"] != d["end"] or d["start"] is None:
                continue
            named = [w for w in WEEKDAYS if w in d["text"].lower()]
            if len(named) == 1:
                day = WEEKDAYS[dt.date.fromisoformat(d["start"]).weekday()]
                assert day == named[0], f"{p['id']} {what}: {d['start']} is a {day}"


def test_relative_dates_without_a_publication_date_keep_their_text(
    passages: list[Passage],
) -> None:
    for p in passages:
        if p["published"] is None:
            for what, d in record_dates(p):
                if d is not None and d["precision"] == DatePrecision.UNKNOWN:
                    assert d.get("text"), f"{p['id']} {what}"


def test_actors_carry_a_country_key_and_well_formed_ids(passages: list[Passage]) -> None:
    for p in passages:
        for a in record_actors(p):
            assert "country" in a, p["id"]
            assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"]), p["id"]
            if "id" in a:
                assert ACTOR_ID.fullmatch(a["id"]), f"{p['id']}: {a['id']}"
                if a["id"].startswith("igo:"):
                    assert a["country"] is None, f"{p['id']}: an IGO has no country"


def test_every_visit_comes_with_its_host_record(passages: list[Passage]) -> None:
    for p in passages:
        visits = sorted(
            (e["status"], json.dumps(e["date"]), json.dumps(e["location"]))
            for e in p["events"]
            if e["cameo"] == "042"
        )
        hosts = sorted(
            (e["status"], json.dumps(e["date"]), json.dumps(e["location"]))
            for e in p["events"]
            if e["cameo"] == "043" and e["mode"] == "visit"
        )
        assert visits == hosts, p["id"]


def test_multilateral_events_name_their_gathering_and_participants(
    passages: list[Passage],
) -> None:
    for p in passages:
        for e in p["events"]:
            if e["mode"] == "multilateral":
                assert e.get("gathering") and e["gathering"]["kind"], p["id"]
                assert e["participants"] and e["target"] is None, p["id"]
                assert (e["cameo"] == "043") == (e["source"] is not None), p["id"]


def test_the_negative_tag_is_exactly_the_passages_without_records(
    passages: list[Passage],
) -> None:
    for p in passages:
        assert ("negative" in p["tags"]) == (not _records(p)), p["id"]
        if not _records(p):
            assert len(p["tags"]) >= 2, f"{p['id']}: a negative needs a reason tag"


def test_about_a_quarter_of_the_passages_are_hard_negatives(passages: list[Passage]) -> None:
    negatives = sum(is_hard_negative(p) for p in passages)
    assert 0.18 * len(passages) <= negatives <= 0.3 * len(passages)


def test_every_plover_type_and_every_status_is_covered(passages: list[Passage]) -> None:
    types = collections.Counter(t for p in passages for t in {e["type"] for e in p["events"]})
    statuses = collections.Counter(
        s for p in passages for s in {r["status"] for r in (*p["events"], *p["memberships"])}
    )
    assert {t: n for t, n in types.items() if n < 5} == {}
    assert set(types) == set(PLOVER_MODES)
    assert {s: n for s, n in statuses.items() if n < 10} == {}
    assert set(statuses) == {s.value for s in EventStatus}
