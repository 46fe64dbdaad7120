"""Extraction on random and mutated text: the sample articles cut, spliced, repeated and
sprinkled with hostile characters, and word salad made of the words the coder looks for.
Every case ends in records or a TengriError within a time budget, and every record points at
its document truthfully: evidence, trigger, mention and actor offsets lie inside the text and
spell exactly what the record says they do."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from importlib import resources

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tengri.errors import TengriError
from tengri.extract import extract_document
from tengri.model import Actor, Document, Evidence, Extraction

from .conftest import Figures, bounded, fuzz_settings
from .hostile import JUNK, SENTENCE

pytestmark = pytest.mark.slow

# Characters that shift offsets if anything normalises text behind the coder's back: combining
# marks, zero-width and direction controls, a non-BMP emoji, CRLF, a form feed, a NUL.
SHIFTY = ["\u0301", "\u200b", "\u200d", "\u202e", "\ufeff", "😀", "\r\n", "\x0c", "\x00",
          "\u00a0", "İ", "ß", "ﬁ", "\u2028", "...", "“", "”", " - ", "\n\n"]
SALAD = ("Putin Tokayev Xi Jinping Mirziyoyev Aliyev Erdogan Kazakhstan Russia China Uzbekistan "
         "Azerbaijan Ukraine Moscow Astana Beijing Baku Kremlin NATO CSTO SCO EAEU UN president "
         "minister foreign the of and in on to with will would not visited visit met talks "
         "signed agreement sanctions imposed lifted condemned accused attacked troops killed "
         "protest arrested expelled ambassador summit joined left membership Monday Tuesday "
         "last next week November 11-12 2025 $5bn 3,000 about more than said , . ' \" ( )"
         " Путин Токаев посетил Москву визит").split()


@cache
def samples() -> tuple[Document, ...]:
    """The built-in sample corpus (tengri.samples/corpus.jsonl) as documents."""
    text = (resources.files("tengri.samples") / "corpus.jsonl").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            out.append(Document(row["id"], row["text"], published, row.get("title")))
    return tuple(out)


def check_span(text: str, start: int | None, end: int | None, claimed: str, what: str) -> None:
    assert start is not None and end is not None, what
    assert 0 <= start < end <= len(text), f"{what}: [{start}, {end}) outside 0..{len(text)}"
    assert text[start:end] == claimed, f"{what}: {text[start:end]!r} is not {claimed!r}"


def check_evidence(text: str, evidence: Evidence, what: str) -> None:
    check_span(text, evidence.start, evidence.end, evidence.sentence, f"{what} evidence")
    if evidence.trigger is not None:
        trigger = evidence.trigger
        check_span(text, trigger.start, trigger.end, trigger.text, f"{what} trigger")
        assert evidence.start <= trigger.start and trigger.end <= evidence.end, what


def check_actor(text: str, actor: Actor | None, what: str) -> None:
    if actor is not None and actor.start is not None:
        check_span(text, actor.start, actor.end, actor.text, f"{what} actor {actor.name!r}")


def check_extraction(extraction: Extraction) -> int:
    """Every offset of every record is true to the document's text; the number of records."""
    text = extraction.document.text
    for event in extraction.events:
        what = f"event {event.cameo}"
        check_evidence(text, event.evidence, what)
        for mention in event.mentions:
            check_evidence(text, mention, f"{what} mention")
        for actor in (event.source, event.target, *event.participants):
            check_actor(text, actor, what)
        if event.date.start is not None:
            assert event.date.start <= event.date.end, what  # type: ignore[operator]
    for fact in extraction.facts:
        check_evidence(text, fact.evidence, f"fact {fact.indicator}")
        for actor in (fact.subject, fact.origin, fact.destination):
            check_actor(text, actor, "fact")
    for membership in extraction.memberships:
        check_evidence(text, membership.evidence, "membership")
        for mention in membership.mentions:
            check_evidence(text, mention, "membership mention")
        check_actor(text, membership.member, "membership")
        check_actor(text, membership.organization, "membership")
    return len(extraction.events) + len(extraction.facts) + len(extraction.memberships)


def code(kb, document: Document) -> str:  # type: ignore[no-untyped-def]
    try:
        records = bounded(30, lambda: check_extraction(extract_document(document, kb)))
    except TengriError:
        return "refused"
    return "with records" if records else "no records"


@pytest.fixture(scope="module")
def warm_kb(kb):  # type: ignore[no-untyped-def]
    """The shipped KB with its indexes built (the first document takes ~20 s, not the fuzz)."""
    extract_document(samples()[0], kb)
    return kb


@st.composite
def mutated_sample(draw: st.DrawFn) -> Document:
    """A sample article changed the way scraping, copying and attackers change text."""
    document = draw(st.sampled_from(samples()))
    text = document.text
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        size = draw(st.integers(0, 200))
        kind = draw(st.sampled_from(["cut", "insert", "repeat", "case", "splice", "truncate"]))
        if kind == "cut":
            text = text[:at] + text[at + size:]
        elif kind == "insert":
            text = text[:at] + draw(st.sampled_from(SHIFTY + JUNK)) + text[at:]
        elif kind == "repeat":
            text = text[:at + size] + text[at:at + size] + text[at + size:]
        elif kind == "case":
            text = text[:at] + text[at:at + size].swapcase() + text[at + size:]
        elif kind == "splice":
            other = draw(st.sampled_from(samples())).text
            text = text[:at] + other[at:at + size] + text[at:]
        else:
            text = text[:max(at, 1)]
    published = draw(st.sampled_from([document.published, None, dt.date(2000, 1, 1),
                                      dt.date(2030, 12, 31)]))
    lang = draw(st.sampled_from([None, "en", "ru"]))
    return Document(f"{document.doc_id}-mutated", text.encode("utf-8", "replace").decode(),
                    published, document.title, lang=lang)


@fuzz_settings(150)
@given(mutated_sample())
def test_mutated_sample_articles_are_coded_with_truthful_offsets(figures: Figures, warm_kb,
                                                                 document: Document) -> None:  # type: ignore[no-untyped-def]
    figures.count(f"fuzz extraction, mutated samples ({code(warm_kb, document)})")


ACTORS = ["Russian President Vladimir Putin", "Kazakh President Kassym-Jomart Tokayev",
          "Xi Jinping", "Uzbekistan", "the Azerbaijani foreign ministry", "NATO", "Ukraine",
          "Turkish President Recep Tayyip Erdogan", "he", "the two leaders", "Moscow"]
VERBS = ["met", "will visit", "visited", "did not meet", "signed an agreement with",
         "imposed sanctions on", "condemned", "accused", "attacked", "is expected to meet",
         "called", "expelled diplomats of", "joined", "agreed to provide $5bn in aid to"]
TAILS = ["in Moscow", "in Astana on Monday", "on November 11-12", "last week", "next year",
         "", "at the SCO summit in Tianjin", ", officials said", "on 31 December 9999"]
sentence = st.tuples(st.sampled_from(ACTORS), st.sampled_from(VERBS), st.sampled_from(ACTORS),
                     st.sampled_from(TAILS)).map(lambda p: f"{p[0]} {p[1]} {p[2]} {p[3]}.")
salad = st.lists(sentence | st.sampled_from(SALAD) | st.sampled_from(SHIFTY)
                 | st.text(max_size=8), min_size=1, max_size=60).map(" ".join)


@fuzz_settings(150)
@given(salad, st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
       st.sampled_from([None, "en", "ru"]))
@example(SENTENCE * 2000, dt.date(2025, 11, 11), "en")  # 160 kB of one sentence
@example("Putin " * 5000, None, "en")
@example("(" * 3000 + SENTENCE + ")" * 3000, None, "en")
@example("\u202e" + SENTENCE[::-1], None, None)
def test_word_salad_is_coded_with_truthful_offsets(figures: Figures, warm_kb, text: str,
                                                   published: dt.date | None,
                                                   lang: str | None) -> None:  # type: ignore[no-untyped-def]
    document = Document("salad", text, published, lang=lang)
    figures.count(f"fuzz extraction, word salad ({code(warm_kb, document)})")


def test_every_sample_article_is_coded_with_truthful_offsets(warm_kb, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    outcomes = [code(warm_kb, document) for document in samples()]
    assert "refused" not in outcomes
    figures.count("fuzz extraction, samples as shipped", len(outcomes))
