"""Export fixtures: a small store on every backend with the events each format has to handle
(a visit told from both sides and by two reports, a planned visit to a country, a summit, a
strike, a refused meeting, an alliance's statement, a fact and a membership claim), and a
fast way to grow a store to thousands of events by copying it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pytest
from sqlalchemy import Date, func, insert, literal, select
from tests.store.conftest import *  # noqa: F403  (the store fixtures, on every backend)
from tests.store.conftest import document, event

from tengri.ingest.fingerprint import minhash
from tengri.model import (
    Actor,
    ActorKind,
    DatePrecision,
    DateRange,
    Document,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Fact,
    KBCheck,
    Membership,
    MembershipRelation,
    Qualifier,
    stable_id,
)
from tengri.store import Store
from tengri.store.documents import Identity
from tengri.store.ingest import IngestSummary, start_run, write_batch
from tengri.store.records import DocumentRecords
from tengri.store.schema import (
    documents,
    event_actors,
    event_mentions,
    events,
    facts,
    memberships,
)
from tengri.store.workers import Prepared, Task

TOKAYEV = Actor("Kazakh President Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev",
                "person:kassym-jomart-tokayev", ActorKind.PERSON, "KAZ", sector="GOV",
                wikidata="Q1369045", role="head_of_state", start=0, end=38)
PUTIN = Actor("Vladimir Putin", "Vladimir Putin", "person:vladimir-putin", ActorKind.PERSON,
              "RUS", sector="GOV", role="head_of_state")
NATO = Actor("NATO", "North Atlantic Treaty Organization", "igo:NATO", ActorKind.IGO,
             igo="igo:NATO", sector="IGO")
RUSSIA = Actor("Russia", "Russia", "RUS", ActorKind.STATE, "RUS", sector="GOV")
UKRAINE = Actor("Ukraine", "Ukraine", "UKR", ActorKind.STATE, "UKR", sector="GOV")
TASS = Actor("TASS", "TASS", "org:RUS.tass", ActorKind.ORGANIZATION, "RUS", sector="JRN")

VISIT_SENTENCE = "Kazakh President Kassym-Jomart Tokayev arrived in Moscow, where Vladimir " \
    "Putin hosted him."


def with_actors(item: Event, source: Actor | None, target: Actor | None) -> Event:
    return dataclasses.replace(item, source=source, target=target)


def prepare(doc: Document, items: Sequence[Event] = (), facts: Sequence[Fact] = (),
            memberships: Sequence[Membership] = ()) -> Prepared:
    return prepare_extraction(Extraction(doc, tuple(items), tuple(facts), tuple(memberships)))


def prepare_extraction(extraction: Extraction) -> Prepared:
    return Prepared(Task(extraction.document, None, Identity.of(extraction.document)),
                    DocumentRecords.of(extraction), minhash(extraction.document.text))


def store_all(target: Store, *prepared: Prepared) -> None:
    summary = IngestSummary(start_run(target, ["test"], {}))
    write_batch(target, list(prepared), summary)


def the_fact(doc_id: str) -> Fact:
    sentence = "More than one million Russian tourists visited Kazakhstan in 2024."
    return Fact(stable_id("fact", doc_id, 0), doc_id, "tourist_arrivals", 1_000_000.0,
                Qualifier.MORE_THAN, "persons", None, RUSSIA,
                Actor("Kazakhstan", "Kazakhstan", "KAZ", ActorKind.STATE, "KAZ"),
                DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31), DatePrecision.YEAR,
                          "in 2024"),
                Evidence(sentence, 200, 200 + len(sentence), 3), 0.7)


def the_membership(doc_id: str) -> Membership:
    sentence = "Both countries are members of the Eurasian Economic Union."
    return Membership(stable_id("mem", doc_id, 0), doc_id,
                      Actor("Kazakhstan", "Kazakhstan", "KAZ", ActorKind.STATE, "KAZ"),
                      Actor("EAEU", "Eurasian Economic Union", "igo:EAEU", ActorKind.IGO,
                            igo="igo:EAEU"),
                      MembershipRelation.MEMBER, DateRange(None, None, DatePrecision.UNKNOWN),
                      EventStatus.OCCURRED, KBCheck.CONSISTENT, (),
                      Evidence(sentence, 300, 300 + len(sentence), 4), confidence=0.6)


def corpus() -> list[Prepared]:
    return [prepare_extraction(e) for e in corpus_extractions()]


def corpus_extractions() -> list[Extraction]:
    visit_doc = document("visit", VISIT_SENTENCE + " Talks went on.", "2025-11-11",
                         url="https://wire.example/2025/11/11/visit", title="Tokayev in Moscow")
    visit = with_actors(event("visit", "042", None, None, start="2025-11-11", end="2025-11-12",
                              where="Moscow", mode="visit", sentence=VISIT_SENTENCE),
                        TOKAYEV, PUTIN)
    hosting = with_actors(event("visit", "043", None, None, start="2025-11-11",
                                end="2025-11-12", where="Moscow", mode="visit",
                                sentence=VISIT_SENTENCE), PUTIN, TOKAYEV)
    hosting = dataclasses.replace(hosting, event_id=stable_id("ev", "visit", "host"))
    again_doc = document("again", "Tokayev ended his visit to Moscow on Wednesday.",
                         "2025-11-13", url="https://news.example/tokayev-moscow",
                         title="Visit ends")
    again = with_actors(event("again", "042", None, None, start="2025-11-11", end="2025-11-12",
                              where="Moscow", mode="visit",
                              sentence="Tokayev ended his visit to Moscow on Wednesday."),
                        TOKAYEV, PUTIN)
    plan_doc = document("plan", "Xi is expected to visit Kazakhstan next year.", "2025-11-20")
    plan = event("plan", "042", "person:xi-jinping", "KAZ", start="2026-01-01",
                 end="2026-12-31", precision=DatePrecision.YEAR, status=EventStatus.PLANNED,
                 where="KAZ", mode="visit", sentence="Xi is expected to visit Kazakhstan.")
    summit_doc = document("summit", "Leaders met at the SCO summit in Astana.", "2024-07-04")
    summit = event("summit", "040", None, None, mode="multilateral", gathering="SCO summit",
                   participants=("KAZ", "RUS", "CHN"), start="2024-07-04", where="Astana",
                   sentence="Leaders met at the SCO summit in Astana.")
    strike_doc = document("strike", "Russian forces shelled Kharkiv overnight.", "2025-11-12",
                          url="https://wire.example/2025/11/12/kharkiv")
    strike = with_actors(event("strike", "190", None, None, start="2025-11-12", where="Kharkiv",
                               sentence="Russian forces shelled Kharkiv overnight."),
                         dataclasses.replace(RUSSIA, kind=ActorKind.GROUP, id=None,
                                             name="Russian forces", text="Russian forces",
                                             sector="MIL"), UKRAINE)
    refused_doc = document("refused", "Putin and Tokayev did not meet in Astana.", "2025-12-01")
    refused = with_actors(event("refused", "040", None, None, start="2025-12-01",
                                status=EventStatus.NEGATED, where="Astana",
                                sentence="Putin and Tokayev did not meet in Astana."),
                          PUTIN, TOKAYEV)
    nato_doc = document("nato", "NATO condemned Russia's strike. TASS reported it.",
                        "2025-11-13")
    condemn = with_actors(event("nato", "111", None, None, start="2025-11-13",
                                sentence="NATO condemned Russia's strike."), NATO, RUSSIA)
    report = with_actors(event("nato", "112", None, None, status=EventStatus.HYPOTHETICAL,
                               offset=40, sentence="TASS reported it."), TASS, NATO)
    return [
        Extraction(visit_doc, (visit, hosting), (the_fact("visit"),),
                   (the_membership("visit"),)),
        Extraction(again_doc, (again,)),
        Extraction(plan_doc, (plan,)),
        Extraction(summit_doc, (summit,)),
        Extraction(strike_doc, (strike,)),
        Extraction(refused_doc, (refused,)),
        Extraction(nato_doc, (condemn, report)),
        Extraction(document("quiet", "Nothing happened.", "2023-03-03")),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    store_all(store, *corpus())
    return store


def multiply(target: Store, copies: int, days_apart: int = 7) -> None:
    """Copy everything the store holds `copies - 1` more times (SQLite only), each copy with
    new ids, unique content hashes and URLs, and its dates moved `days_apart` days later than
    the copy before: thousands of events without merging thousands of reports (that would make
    the test about merging). Every column is copied as the schema has it."""
    assert target.backend == "sqlite"
    tables = (documents, events, event_actors, event_mentions, facts, memberships)
    with target.write() as connection:
        top = {t.name: connection.execute(select(func.max(t.c.id))).scalar() or 0
               for t in tables if "id" in t.c}
        for copy in range(1, copies):
            shift = {"documents": copy * top["documents"], "events": copy * top["events"],
                     "event_mentions": copy * top["event_mentions"],
                     "facts": copy * top["facts"], "memberships": copy * top["memberships"]}
            moved = {"id": None, "event_id": shift["events"],
                     "document_id": shift["documents"]}
            for table in tables:
                values = []
                for column in table.columns:
                    offset = shift[table.name] if column.name == "id" else moved.get(column.name)
                    if offset is not None:
                        values.append(column + offset)
                    elif isinstance(column.type, Date):
                        values.append(func.date(column, f"+{copy * days_apart} days"))
                    elif table is documents and column.name in ("content_hash", "url"):
                        values.append(column + literal(f"~{copy}"))
                    else:
                        values.append(column)
                seed = table.c.id if "id" in table.c else table.c.event_id
                limit = top[table.name] if "id" in table.c else top["events"]
                connection.execute(insert(table).from_select(
                    [c.name for c in table.columns], select(*values).where(seed <= limit)))
