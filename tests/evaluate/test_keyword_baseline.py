"""The keyword-only floor: first trigger, first two countries, publication date, occurred."""

from __future__ import annotations

import datetime as dt

from tengri.evaluate.keyword_baseline import code_keywords, first_trigger
from tengri.extract.lexicon import load_lexicon
from tengri.model import DatePrecision, Document, EventStatus


def test_the_leftmost_trigger_of_the_sentence_gives_the_type():
    entry, start, end = first_trigger("Russia and China signed an agreement and held talks.",
                                      load_lexicon())
    assert (entry.type, entry.cameo) == ("SUPPORT", "057")
    assert "signed" in "Russia and China signed an agreement and held talks."[start:end]
    assert first_trigger("The weather was mild.", load_lexicon()) is None


def test_each_sentence_with_a_trigger_gives_one_event_with_its_first_two_countries(kb):
    text = ("Kazakhstan and Uzbekistan held talks with Russia on Monday. "
            "The weather was mild. Russia and China signed an agreement.")
    result = code_keywords(Document("d1", text, dt.date(2025, 10, 2)), kb)
    coded = [(e.type, e.source.country, e.target.country, e.evidence.sentence_index)
             for e in result.events]
    assert coded == [("CONSULT", "KAZ", "UZB", 0), ("SUPPORT", "RUS", "CHN", 2)]
    first = result.events[0]
    assert first.status == EventStatus.OCCURRED
    assert (first.date.start, first.date.end, first.date.precision) == (
        dt.date(2025, 10, 2), dt.date(2025, 10, 2), DatePrecision.DAY)
    assert first.location.precision.value == "unknown" and first.rules == "keyword-only"
    assert result.facts == () and result.memberships == ()


def test_without_a_publication_date_the_keyword_date_is_unknown(kb):
    result = code_keywords(Document("d2", "Russia and China signed an agreement."), kb)
    assert [(e.date.start, e.date.precision) for e in result.events] == [
        (None, DatePrecision.UNKNOWN)]
