"""Claims in the news that the KB contradicts: a membership and an out-of-date office."""

from __future__ import annotations

import datetime as dt

from tests.analytics.factories import TOKAYEV

from tengri.analytics import claim_conflicts
from tengri.analytics.conflicts import titles_in
from tengri.store import Store


def test_membership_and_office_claims_that_disagree_with_the_kb(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    found = claim_conflicts(filled, kb)
    assert [(c.kind, c.claim, c.subject, c.object, str(c.on)) for c in found] == [
        ("membership", "Kazakhstan joined BRICS", "KAZ", "igo:BRICS", "2025-11-11"),
        ("office", "Prime Minister Kassym-Jomart Tokayev", TOKAYEV, "prime minister",
         "2025-06-01")]
    membership, office = found
    assert membership.explanation == "the KB holds partner from 2025-01-01 to now"
    assert office.kb[0]["office"] == "KAZ.head_of_government"
    assert office.kb[0]["person"] != TOKAYEV
    assert (office.sentence, office.url) == ("Prime Minister Kassym-Jomart Tokayev met Xi "
                                             "Jinping.", "https://news.example/old-premier")


def test_a_title_the_person_holds_is_no_conflict_and_a_period_filters(filled: Store, kb) -> None:  # type: ignore[no-untyped-def]
    assert list(titles_in(kb, "Kazakh President Kassym-Jomart Tokayev")) == [("president",
                                                                             "KAZ")]
    assert kb.check_office(TOKAYEV, "president", dt.date(2025, 6, 1)).result.value == \
        "consistent"
    assert claim_conflicts(filled, kb, since=dt.date(2025, 7, 1), kinds=("office",)) == []
