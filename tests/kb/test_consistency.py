"""The shipped KB data is consistent as a whole: the checks of `tengri kb validate`, run over it.

No two terms of one office overlap, every member of an IGO exists as a state (or IGO), every
alias names one entity on a day or is marked in ambiguous.csv, every row has a source, and every
reference points at an entity of the right kind.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.kb import KnowledgeBase, find_mentions, shipped_data_dir
from tengri.kb.load import prefer_last_place, read_user_files
from tengri.kb.tables import COLUMNS, Problem, Row
from tengri.kb.validate import (
    ambiguity_problems,
    ambiguous_aliases,
    cross_problems,
    validate,
)

Rows = dict[str, list[Row]]
Shipped = tuple[Rows, list[Problem]]


@pytest.fixture(scope="module")
def shipped() -> Shipped:
    rows, problems = read_user_files([shipped_data_dir()])
    rows["places"] = prefer_last_place(rows["places"])
    return rows, problems


@pytest.fixture(scope="module")
def rows(shipped: Shipped) -> Rows:
    return shipped[0]


@pytest.fixture(scope="module")
def cross(rows: Rows) -> list[Problem]:
    return cross_problems(rows)


def _shown(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_every_shipped_table_is_read_without_a_problem(shipped: Shipped) -> None:
    rows, problems = shipped
    assert _shown(problems) == []
    assert set(rows) == set(COLUMNS)


def test_every_row_has_a_source(rows: Rows) -> None:
    assert [r.where for table in rows.values() for r in table if not r.get("source")] == []


def test_no_two_terms_of_one_office_overlap(cross: list[Problem]) -> None:
    assert _shown([p for p in cross if "this term" in p.message]) == []


def test_no_two_membership_rows_of_one_kind_overlap(cross: list[Problem]) -> None:
    assert _shown([p for p in cross if "membership row" in p.message]) == []


def test_every_member_of_an_igo_exists_as_a_state_or_an_igo(rows: Rows) -> None:
    states = {r.get("id") for r in rows["states"]}
    igos = {r.get("id") for r in rows["igos"]}
    assert [
        (r.where, r.get("member"))
        for r in rows["memberships"]
        if r.get("member") not in states | igos
    ] == []
    assert [
        (r.where, r.get("organization"))
        for r in rows["memberships"]
        if r.get("organization") not in igos
    ] == []


def test_every_member_that_is_not_an_igo_is_a_state(rows: Rows) -> None:
    members = {r.get("member") for r in rows["memberships"]}
    states = {r.get("id") for r in rows["states"]}
    assert {m for m in members if not m.startswith("igo:")} <= states


def test_every_reference_names_an_entity_of_the_right_kind(cross: list[Problem]) -> None:
    assert _shown([p for p in cross if "is not a" in p.message]) == []


def test_every_id_is_defined_once(cross: list[Problem]) -> None:
    assert _shown([p for p in cross if "defined twice" in p.message]) == []


def test_no_cross_row_check_finds_anything_at_all(cross: list[Problem]) -> None:
    assert _shown(cross) == []


def test_every_alias_names_one_entity_or_is_marked_ambiguous(kb: KnowledgeBase, rows: Rows) -> None:
    defined = {r.get("id"): r.where for table in rows.values() for r in table if r.get("id")}
    marks = {r.get("alias"): r.where for r in rows["ambiguous"]}
    assert _shown(ambiguity_problems(kb, defined, marks)) == []


def test_the_shipped_ambiguous_aliases_are_the_two_congos_dominicas_and_berzinss(
    kb: KnowledgeBase,
) -> None:
    assert ambiguous_aliases(kb) == {
        "Congolese": ("COD", "COG"),
        "Dominican": ("DMA", "DOM"),
        "Dominicans": ("DMA", "DOM"),
        "Andris Bērziņš": ("person:andris-berzins-1944", "person:andris-berzins-1951"),
        "Andris Berzins": ("person:andris-berzins-1944", "person:andris-berzins-1951"),
        "Андрис Берзиньш": ("person:andris-berzins-1944", "person:andris-berzins-1951"),
    }


def test_a_marked_alias_resolves_to_its_first_entity_others_as_candidates(
    kb: KnowledgeBase,
) -> None:
    [mention] = find_mentions(kb, "Andris Berzins", dt.date(2020, 1, 1))
    assert (mention.entity, mention.candidates) == (
        "person:andris-berzins-1944",
        ("person:andris-berzins-1951",),
    )
    # on a day one of them holds office, that one
    [mention] = find_mentions(kb, "Andris Berzins", dt.date(2001, 1, 1))
    assert (mention.entity, mention.role) == ("person:andris-berzins-1951", "head_of_government")


def test_the_data_says_when_it_was_last_checked(kb: KnowledgeBase) -> None:
    assert kb.checked == dt.date(2026, 11, 26)


def test_validating_the_shipped_data_finds_no_problem() -> None:
    result = validate()
    assert (result.ok, _shown(list(result.problems))) == (True, [])
    assert result.summary().startswith("the shipped KB: ")
