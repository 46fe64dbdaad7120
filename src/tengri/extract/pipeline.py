"""The order of extraction's steps, and what each reads and writes.

One list fixes the order. Each step is a function of the document's `Analysis` that returns the
fields it writes; `STEPS` declares those reads and writes so a test (and `check_order`) can prove
that nothing is read before it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tengri.errors import InputError
from tengri.extract.actors import find_actors
from tengri.extract.analysis import Analysis
from tengri.extract.dating import assign_dates, find_date_mentions
from tengri.extract.facts import find_facts
from tengri.extract.gatherings import shape_gatherings
from tengri.extract.locate import assign_locations
from tengri.extract.memberships import find_memberships
from tengri.extract.merge import merge_events
from tengri.extract.quantities import assign_quantities
from tengri.extract.roles import assign_roles
from tengri.extract.segment import segment
from tengri.extract.status import assign_status
from tengri.extract.triggers import find_triggers
from tengri.kb import KnowledgeBase
from tengri.model import Document, Extraction


class UnsupportedLanguage(InputError):
    """A document in a language tengri has no pipeline for."""


# Fields an Analysis has before any step runs.
GIVEN = frozenset({"document", "kb", "text", "published"})


@dataclass(frozen=True, slots=True)
class Step:
    name: str
    run: Callable[[Analysis], dict[str, object]]
    reads: frozenset[str]
    writes: frozenset[str]


def _segment(analysis: Analysis) -> dict[str, object]:
    sentences, title = segment(analysis.text)
    return {"sentences": tuple(sentences), "title": analysis.document.title or title}


def _step(name: str, run: Callable[[Analysis], dict[str, object]], reads: str, writes: str) -> Step:
    return Step(name, run, frozenset(reads.split()), frozenset(writes.split()))


Run = Callable[[Analysis], dict[str, object]]


@dataclass(frozen=True, slots=True)
class LanguageSteps:
    """A language's own version of each step that reads its words. The order of the steps, what
    each reads and writes, segmentation and merging are the same for every language."""

    actors: Run
    date_mentions: Run
    triggers: Run
    roles: Run
    gatherings: Run
    status: Run
    dating: Run
    places: Run
    quantities: Run
    facts: Run
    memberships: Run
    folds: tuple[Step, ...] = ()
    """Steps of the language's own, run after quantities and before facts."""


def coding_steps(language: LanguageSteps) -> tuple[Step, ...]:
    """The whole pipeline for a language, in the one order every language follows."""
    return (
        _step("segment", _segment, "text document", "sentences title"),
        _step("actors", language.actors, "text kb published sentences", "mentions focus"),
        _step("dates", language.date_mentions, "text published sentences", "dates"),
        _step("triggers", language.triggers, "text sentences", "triggers"),
        _step("roles", language.roles, "triggers mentions sentences", "candidates"),
        _step("gatherings", language.gatherings, "candidates mentions sentences", "candidates"),
        _step("status", language.status, "candidates sentences", "candidates"),
        _step("dating", language.dating, "candidates sentences published", "candidates"),
        _step("places", language.places, "candidates mentions kb", "candidates"),
        _step("quantities", language.quantities, "candidates sentences", "candidates"),
        *language.folds,
        _step("facts", language.facts, "sentences mentions published", "facts"),
        _step(
            "memberships", language.memberships, "sentences mentions kb published", "memberships"
        ),
        _step("merge", merge_events, "candidates", "events"),
    )


STEPS: tuple[Step, ...] = coding_steps(
    LanguageSteps(
        actors=find_actors,
        date_mentions=find_date_mentions,
        triggers=find_triggers,
        roles=assign_roles,
        gatherings=shape_gatherings,
        status=assign_status,
        dating=assign_dates,
        places=assign_locations,
        quantities=assign_quantities,
        facts=find_facts,
        memberships=find_memberships,
    )
)


# Steps per language. A language's pipeline produces the same fields, so everything after
# extraction (store, exports, evaluation) is the same whatever the language.
PIPELINES: dict[str, tuple[Step, ...]] = {"en": STEPS}
# Languages whose pipeline only reads a document (actors, dates) and says what it cannot code.
READ_ONLY: set[str] = set()


def register_language(lang: str, steps: tuple[Step, ...], coded: bool = True) -> None:
    """Add a language's pipeline (called once, when its package is imported)."""
    problems = check_order(steps)
    if problems:
        raise AssertionError(f"pipeline for {lang!r}: {'; '.join(problems)}")
    PIPELINES[lang] = steps
    if not coded:
        READ_ONLY.add(lang)


def languages() -> tuple[str, ...]:
    """The languages tengri codes into events (not those it only reads)."""
    return tuple(lang for lang in PIPELINES if lang not in READ_ONLY)


def check_order(steps: tuple[Step, ...] = STEPS) -> list[str]:
    """Problems with the step order: a field read before any step wrote it."""
    written = set(GIVEN)
    problems = []
    for step in steps:
        missing = step.reads - written
        if missing:
            problems.append(f"step {step.name!r} reads {sorted(missing)} before they are written")
        written |= step.writes
    return problems


def run(document: Document, kb: KnowledgeBase) -> Extraction:
    """Code one document: every step of its language's pipeline in order, then the records."""
    analysis = Analysis(document=document, kb=kb)
    steps = PIPELINES.get(document.lang or "en")
    if steps is None:
        raise UnsupportedLanguage(
            f"{document.doc_id}: language {document.lang!r} is not coded; tengri codes "
            f"{', '.join(languages())} (force one with --lang)"
        )
    for step in steps:
        for field_name, value in step.run(analysis).items():
            if field_name not in step.writes:
                raise AssertionError(f"step {step.name} wrote {field_name}, not declared")
            setattr(analysis, field_name, value)
    return Extraction(
        document=document,
        events=analysis.events,
        facts=analysis.facts,
        memberships=analysis.memberships,
        warnings=tuple(analysis.warnings),
    )
