"""The working state of one document's extraction, and the records the steps pass along.

Each step of `pipeline.STEPS` reads some fields of `Analysis` and writes others; the pipeline
checks that no step reads a field before a step has written it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tengri.extract.dates import DateExpr
from tengri.kb import KnowledgeBase, Mention
from tengri.model import (
    DateRange,
    Document,
    Event,
    EventStatus,
    Fact,
    Gathering,
    Location,
    Membership,
    Quantity,
)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence; `expr.resolve(published, direction)` gives its range."""

    expr: DateExpr
    sentence: int

    @property
    def start(self) -> int:
        return self.expr.start

    @property
    def end(self) -> int:
        return self.expr.end


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports an event, with the lexicon entry it matched."""

    entry: str  # lexicon entry id
    start: int
    end: int
    text: str
    sentence: int
    form: str  # verb form (VB, VBD, VBG, VBN, VBZ) or "noun"
    anaphoric: bool = False  # "the visit", "this forum": refers back, never a new event


@dataclass(frozen=True, slots=True)
class Focus:
    """Who the document is about: its main states and, for each, its main person."""

    countries: tuple[str, ...] = ()
    persons: dict[str, Mention] = field(default_factory=dict)  # country -> person mention
    states: dict[str, Mention] = field(default_factory=dict)  # country -> state mention


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event on its way through the pipeline; becomes a `model.Event` at the end."""

    trigger: Trigger
    type: str
    mode: str | None
    cameo: str
    source: Mention | None = None
    target: Mention | None = None
    participants: tuple[Mention, ...] = ()
    status: EventStatus = EventStatus.OCCURRED
    status_cue: str | None = None
    date: DateRange | None = None
    location: Location | None = None
    quantity: Quantity | None = None
    gathering: Gathering | None = None
    contexts: tuple[str, ...] = ()
    confidence: float = 0.5
    mentions: tuple[Trigger, ...] = ()


@dataclass(slots=True)
class Analysis:
    """Everything known about one document while it is being coded."""

    document: Document
    kb: KnowledgeBase
    sentences: tuple[Sentence, ...] = ()
    title: str | None = None
    mentions: tuple[Mention, ...] = ()
    focus: Focus = field(default_factory=Focus)
    dates: tuple[DateMention, ...] = ()
    triggers: tuple[Trigger, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    facts: tuple[Fact, ...] = ()
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: list[str] = field(default_factory=list)

    @property
    def published(self) -> dt.date | None:
        return self.document.published

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_of(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def date_exprs(self, sentence_index: int) -> list[DateExpr]:
        """The date phrases of one sentence (found once, by the `dates` step)."""
        return [d.expr for d in self.dates if d.sentence == sentence_index]

    def mentions_in(self, sentence: Sentence) -> list[Mention]:
        return [m for m in self.mentions if sentence.start <= m.start < sentence.end]
