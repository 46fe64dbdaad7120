"""Running a coder over a gold set: crashes are counted, held-out errors hidden, runs repeatable."""

from __future__ import annotations

from tengri.evaluate import evaluate_set, keyword_coder, read_gold, tengri_coder
from tengri.evaluate.report import to_json
from tengri.evaluate.scores import Tally
from tengri.model import Document, Extraction

from .factories import DATA


def test_a_coder_that_fails_on_a_passage_is_scored_as_finding_nothing_there(kb):
    gold = read_gold(DATA / "mini_gold.jsonl")

    def fragile(document: Document) -> Extraction:
        if document.doc_id == "t-talks":
            raise ValueError("cannot parse")
        return Extraction(document)

    result = evaluate_set(gold, fragile, kb, "fragile")
    assert result.failures == ("t-talks: ValueError: cannot parse",)
    assert result.tallies["events"] == Tally(tp=0, fp=0, fn=3)
    assert result.tallies["facts"] == Tally(fn=1)
    assert result.tallies["memberships"] == Tally(fn=1)
    assert result.accuracies["negatives_clean"].value == 1.0
    assert (result.by_tag["visit"], result.tag_passages["visit"]) == (Tally(fn=1), 1)
    assert (result.by_tag["negative"], result.tag_passages["negative"]) == (Tally(), 1)


def test_mistakes_in_held_out_passages_are_counted_but_never_listed(kb):
    gold = read_gold(DATA / "mini_gold.jsonl")
    result = evaluate_set(gold, lambda d: Extraction(d), kb, "nothing")
    assert {m.passage for m in result.mistakes} == {"t-visit", "t-talks"}
    assert result.heldout_hidden == 1  # the signing, missed
    assert to_json(result)["mistakes"]["heldout_not_listed"] == 1


def test_the_keyword_floor_scores_the_fixture(kb):
    result = evaluate_set(read_gold(DATA / "mini_gold.jsonl"), keyword_coder(kb), kb,
                          "keyword-only")
    assert result.coder == "keyword-only" and result.passages == 5
    assert result.gold_events == 3
    assert result.tallies["events"].tp >= 2  # the visit and the signing at least
    assert result.accuracies["negatives_clean"].value == 0.0  # "visit" in a football report


def test_evaluating_twice_gives_the_same_result(kb):
    gold = read_gold(DATA / "mini_gold.jsonl")
    first = to_json(evaluate_set(gold, tengri_coder(kb), kb))
    second = to_json(evaluate_set(gold, tengri_coder(kb), kb))
    assert first == second
    assert first["set"] == "mini_gold" and first["coder"] == "tengri"
