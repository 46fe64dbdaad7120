"""The Russian gold set (gold/ru/*.jsonl) keeps the shape of docs/GOLD.md, the split rule of the
English set and the composition gold/ru/README.md states.

Only the gold files and tengri.model are read; the format checks mirror tests/test_gold_files.py.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.gold_rules import record_actors

from tengri.model import DatePrecision, EventStatus, KBCheck, MembershipRelation, Qualifier

GOLD = Path(__file__).resolve().parents[1] / "gold" / "ru"
SPLIT_FILES = {"dev": GOLD / "dev.jsonl", "heldout": GOLD / "heldout.jsonl"}
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ACTOR_ID = re.compile(
    r"person:[a-z0-9]+(-[a-z0-9]+)*|igo:[A-Z0-9_]+|org:[A-Z]{3}\.[a-z0-9]+(-[a-z0-9]+)*"
)
WEEKDAYS = {"понедельник": 0, "вторник": 1, "сред": 2, "четверг": 3, "пятниц": 4, "суббот": 5,
            "воскресен": 6}  # fmt: skip

Passage = dict[str, Any]


def _read(split: str) -> list[Passage]:
    lines = SPLIT_FILES[split].read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def passages() -> list[Passage]:
    return _read("dev") + _read("heldout")


def _records(p: Passage) -> list[dict[str, Any]]:
    return [*p["events"], *p["facts"], *p["memberships"]]


def _dates(p: Passage) -> list[dict[str, Any]]:
    found = [e["date"] for e in p["events"]] + [f["period"] for f in p["facts"]]
    return [d for d in found + [m.get("date") for m in p["memberships"]] if d is not None]


def test_every_passage_is_a_russian_passage_in_the_gold_format(passages: list[Passage]) -> None:
    fields = {"id", "split", "lang", "published", "tags", "text", "events", "facts", "memberships"}
    for p in passages:
        assert fields <= p.keys(), p.get("id")
        assert p["lang"] == "ru" and re.fullmatch(r"ru-\d{4}", p["id"]), p["id"]
        assert re.search(r"[а-яё]", p["text"]), p["id"]


def test_ids_are_unique_and_the_split_follows_the_number_rule(passages: list[Passage]) -> None:
    assert len({p["id"] for p in passages}) == len(passages)
    for split in SPLIT_FILES:
        assert {p["split"] for p in _read(split)} == {split}
    for p in passages:
        expected = "heldout" if int(p["id"].removeprefix("ru-")) % 3 == 1 else "dev"
        assert p["split"] == expected, p["id"]


def test_there_are_150_passages_a_third_held_out_and_a_quarter_hard_negatives(
    passages: list[Passage],
) -> None:
    negatives = [p for p in passages if "negative" in p["tags"]]
    assert len(passages) >= 150
    assert 3 * sum(p["split"] == "heldout" for p in passages) >= len(passages)
    assert 4 * len(negatives) >= len(passages)


def test_the_negative_tag_is_exactly_the_passages_without_records(passages: list[Passage]) -> None:
    for p in passages:
        assert ("negative" in p["tags"]) == (not _records(p)), p["id"]
        if not _records(p):
            assert len(p["tags"]) >= 2, f"{p['id']}: a negative needs a reason tag"


def test_every_anchor_occurs_exactly_once_in_its_text(passages: list[Passage]) -> None:
    for p in passages:
        for record in _records(p):
            assert p["text"].count(record["anchor"]) == 1, f"{p['id']}: {record['anchor']!r}"


def test_types_codes_statuses_and_values_come_from_the_model(passages: list[Passage]) -> None:
    statuses = {s.value for s in EventStatus}
    for p in passages:
        for e in p["events"]:
            assert e["type"] in PLOVER_TYPES and re.fullmatch(r"\d{3,4}", e["cameo"]), p["id"]
            assert e["status"] in statuses, p["id"]
        for f in p["facts"]:
            assert f["qualifier"] in {q.value for q in Qualifier}, p["id"]
        for m in p["memberships"]:
            assert m["relation"] in {r.value for r in MembershipRelation}, p["id"]
            assert m["kb_check"] in {k.value for k in KBCheck} and m["status"] in statuses


def test_dates_parse_and_weekdays_fall_on_their_dates(passages: list[Passage]) -> None:
    precisions = {d.value for d in DatePrecision}
    for p in passages:
        for d in _dates(p):
            assert d["precision"] in precisions, p["id"]
            if d["precision"] == DatePrecision.UNKNOWN:
                assert d["start"] is None and d.get("text"), p["id"]
                continue
            start, end = dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"])
            assert start <= end, p["id"]
            said = (d.get("text") or "").lower()
            for stem, weekday in WEEKDAYS.items():
                if stem in said:
                    assert start.weekday() == weekday, f"{p['id']}: {said} is not {start}"


def test_actors_carry_a_country_and_well_formed_ids(passages: list[Passage]) -> None:
    for p in passages:
        for a in record_actors(p):
            assert "country" in a, p["id"]
            assert a["country"] is None or re.fullmatch(r"[A-Z]{3}", a["country"]), p["id"]
            if "id" in a:
                assert ACTOR_ID.fullmatch(a["id"]), f"{p['id']}: {a['id']}"


def test_every_visit_comes_with_its_host_record(passages: list[Passage]) -> None:
    for p in passages:
        visits = sum(e["cameo"] == "042" for e in p["events"])
        hosts = sum(e["cameo"] == "043" and e["mode"] == "visit" for e in p["events"])
        assert visits == hosts, p["id"]


def test_every_plover_type_status_and_membership_relation_occurs(passages: list[Passage]) -> None:
    types = collections.Counter(t for p in passages for t in {e["type"] for e in p["events"]})
    statuses = collections.Counter(
        s for p in passages for s in {r["status"] for r in (*p["events"], *p["memberships"])}
    )
    assert set(types) == PLOVER_TYPES
    assert {s: n for s, n in statuses.items() if n < 7} == {}
    assert {m["relation"] for p in passages for m in p["memberships"]} == {
        r.value for r in MembershipRelation
    }


def test_every_consult_mode_is_covered(passages: list[Passage]) -> None:
    modes = collections.Counter(
        m for p in passages for m in {e["mode"] for e in p["events"] if e["type"] == "CONSULT"}
    )
    assert {m: modes[m] for m in ("visit", "multilateral", "phone", "third-party", None)} == {
        "visit": 24, "multilateral": 9, "phone": 7, "third-party": 4, None: 4,
    }  # fmt: skip
