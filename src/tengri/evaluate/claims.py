"""Scoring facts (numbers stated about the world) and membership claims of one passage.

Facts match one-to-one by sentence (the gold anchor inside the fact's evidence sentence) and
indicator; the closest value breaks ties. A matched fact's value is right when it is within
`VALUE_TOLERANCE` (relative) of the gold value and in the same unit; its qualifier ("about",
"more than") is scored apart.

Memberships match one-to-one by sentence, member country and organisation id; the relation
(member, joined, partner …), status and KB check ("consistent" / "conflict" / "unknown") are then
scored on the matched pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

from tengri.evaluate.gold import GoldFact, GoldMembership
from tengri.evaluate.matching import anchor_offsets, hungarian, same_sentence
from tengri.evaluate.predicted import PredictedFact, PredictedMembership
from tengri.evaluate.scores import Accuracy, Tally, score_of

VALUE_TOLERANCE = 0.005


def value_right(gold: GoldFact, predicted: PredictedFact) -> bool | None:
    if gold.value is None:
        return None
    close = abs(predicted.value - gold.value) <= VALUE_TOLERANCE * max(abs(gold.value), 1.0)
    return close and (gold.unit is None or gold.unit == predicted.unit)


def score_facts(text: str, gold: Sequence[GoldFact], predicted: Sequence[PredictedFact]
                ) -> dict[str, Tally | Accuracy]:
    """facts (detection), fact_value and fact_qualifier for one passage."""
    weights = [[1000.0 + bool(value_right(g, p))
                if g.indicator == p.indicator and same_sentence(anchor_offsets(text, g.anchor),
                                                                p.spans) else None
                for p in predicted] for g in gold]
    pairs = hungarian(weights) if gold and predicted else []
    value, qualifier = Accuracy(), Accuracy()
    for i, j in pairs:
        value += score_of(value_right(gold[i], predicted[j]))
        qualifier += score_of(None if gold[i].qualifier is None
                              else gold[i].qualifier == predicted[j].qualifier)
    detection = Tally(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
    return {"facts": detection, "fact_value": value, "fact_qualifier": qualifier}


def score_memberships(text: str, gold: Sequence[GoldMembership],
                      predicted: Sequence[PredictedMembership]) -> dict[str, Tally | Accuracy]:
    """memberships (detection), membership_relation, membership_status and kb_check."""
    weights = [[1000.0 + (g.relation == p.relation) + (g.kb_check == p.kb_check)
                if g.member.country == p.member.country and g.organization == p.organization
                and same_sentence(anchor_offsets(text, g.anchor), p.spans) else None
                for p in predicted] for g in gold]
    pairs = hungarian(weights) if gold and predicted else []
    relation, status, check = Accuracy(), Accuracy(), Accuracy()
    for i, j in pairs:
        g, p = gold[i], predicted[j]
        relation += score_of(g.relation == p.relation)
        status += score_of(None if g.status is None else g.status == p.status)
        check += score_of(None if g.kb_check is None else g.kb_check == p.kb_check)
    return {"memberships": Tally(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)),
            "membership_relation": relation, "membership_status": status, "kb_check": check}
