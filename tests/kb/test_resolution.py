"""Phrases resolve to the right KB entity on the right day (tests/kb/data/resolution_phrases.csv).

Each row is a phrase as news writes it, a date and the one entity it must name that day: names,
surnames, titles with adjectives, demonyms, Cyrillic forms, acronyms, former names, IGO offices,
institutions and places. A note starting with "xfail:" marks a row that fails because of the
resolution logic (`kb/mentions.py`); it says what should change there.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from tengri.kb import find_mentions

PHRASES = Path(__file__).parent / "data" / "resolution_phrases.csv"
# The actors of the seed article (issue 4, "Must show") and the phrases it names them by.
SEED_ACTORS = {
    "person:kassym-jomart-tokayev",
    "person:vladimir-putin",
    "KAZ",
    "RUS",
    "place:1526273",
    "place:1221874",
    "place:608668",
    "org:RUS.security-council",
    "igo:EAEU",
    "igo:CSTO",
    "igo:SCO",
    "igo:CIS",
    "igo:BRICS",
    "org:RUS.mgimo",
    "org:RUS.mephi",
    "org:RUS.gubkin",
    "org:RUS.mendeleev",
}
SEED_PHRASES = {
    "Russian Federation Security Council",
    "Moscow Institute of Engineering Physics",
    "Gubkin Oil and Gas University",
    "Mendeleev University of Chemical Technology",
    "held in Ural City",
    "Moscow State Institute of International Relations",
}


def _rows() -> list[dict[str, str]]:
    with PHRASES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _params() -> list[object]:
    params = []
    for number, row in enumerate(_rows(), start=2):
        marks = (
            [pytest.mark.xfail(strict=True, reason=row["note"][len("xfail:") :].strip())]
            if row["note"].startswith("xfail:")
            else []
        )
        params.append(
            pytest.param(
                row["phrase"],
                row["date"],
                row["expected"],
                id=f"{number}-{row['phrase']}-{row['date']}",
                marks=marks,
            )
        )
    return params


@pytest.mark.parametrize(("phrase", "date", "expected"), _params())
def test_phrase_names_the_expected_entity_on_its_date(
    kb, phrase: str, date: str, expected: str
) -> None:
    mentions = find_mentions(kb, phrase, dt.date.fromisoformat(date))
    assert [m.entity for m in mentions if m.entity] == [expected], [m.rule for m in mentions]


def test_the_phrase_file_has_at_least_220_rows_each_complete() -> None:
    rows = _rows()
    assert len(rows) >= 220
    assert [
        r for r in rows if not all(r[c].strip() for c in ("phrase", "date", "expected", "note"))
    ] == []
    assert [r for r in rows if dt.date.fromisoformat(r["date"]).isoformat() != r["date"]] == []


def test_no_phrase_and_date_is_listed_twice() -> None:
    counts = Counter((r["phrase"], r["date"]) for r in _rows())
    assert [key for key, count in counts.items() if count > 1] == []


def test_the_seed_articles_actors_are_all_among_the_phrases() -> None:
    rows = _rows()
    assert SEED_ACTORS - {r["expected"] for r in rows} == set()
    assert SEED_PHRASES - {r["phrase"] for r in rows} == set()


def test_the_phrases_cover_every_kind_of_entity_and_cyrillic() -> None:
    expected = [r["expected"] for r in _rows()]
    kinds = Counter(e.split(":")[0] if ":" in e else "state" for e in expected)
    assert {kind for kind, count in kinds.items() if count >= 20} == {
        "person",
        "state",
        "place",
        "igo",
        "org",
    }
    cyrillic = [r for r in _rows() if any("\u0400" <= ch <= "\u04ff" for ch in r["phrase"])]
    assert len(cyrillic) >= 20


@pytest.mark.parametrize("title", ["leader", "Chairman", "Ayatollah", "Emir", "President"])
def test_a_generic_title_alone_names_nobody(kb, title: str) -> None:  # type: ignore[no-untyped-def]
    # "Hamas political leader Ismail Haniyeh" was North Korea's leader; only a title one state
    # alone uses ("Secretary of State") may name its holder without a country
    text = f"The rally heard the {title} speak on Monday."
    mentions = find_mentions(kb, text, dt.date(2024, 7, 31))
    assert [m.entity for m in mentions if m.kind == "person"] == []


def test_a_title_only_one_state_uses_names_its_holder(kb) -> None:  # type: ignore[no-untyped-def]
    mentions = find_mentions(kb, "The Secretary of State flew to Kyiv.", dt.date(2024, 7, 31))
    assert [m.entity for m in mentions if m.kind == "person"] == ["person:antony-blinken"]
