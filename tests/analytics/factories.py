"""A small world of hand-made reports for analytics and API tests: the KAZ–RUS relationship in
2024–2025 (visits, a reception, a meeting, an agreement, an accusation), strikes on Ukraine, a
membership claim the KB contradicts and an office claim that is out of date. Stored the way an
ingest run stores them, without the extractor, so every number in the tests is known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tests.store.conftest import actor, document, event

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
    KBView,
    Membership,
    MembershipRelation,
    Qualifier,
    stable_id,
)
from tengri.store import IngestSummary, Store
from tengri.store.documents import Identity
from tengri.store.ingest import start_run, write_batch
from tengri.store.records import DocumentRecords
from tengri.store.workers import Prepared, Task

TOKAYEV = "person:kassym-jomart-tokayev"
PUTIN = "person:vladimir-putin"
MONTH = DatePrecision.MONTH


def _evidence(sentence: str, offset: int = 0) -> Evidence:
    return Evidence(sentence, offset, offset + len(sentence), 0)


def membership(doc_id: str, member: str, organization: str, relation: MembershipRelation,
               on: str, check: KBCheck, kb: Sequence[KBView] = (),
               sentence: str = "") -> Membership:
    org = Actor(organization, organization.split(":")[-1], organization, ActorKind.IGO)
    member_actor = actor(member)
    assert member_actor is not None
    day = dt.date.fromisoformat(on)
    return Membership(stable_id("mb", doc_id, member, organization), doc_id, member_actor, org,
                      relation, DateRange(day, day, DatePrecision.DAY), EventStatus.OCCURRED,
                      check, tuple(kb), _evidence(sentence or f"{member} {relation} {org}"))


def fact(doc_id: str, indicator: str, value: float, unit: str, origin: str | None,
         destination: str | None, sentence: str = "") -> Fact:
    return Fact(stable_id("fa", doc_id, indicator), doc_id, indicator, value, Qualifier.EXACT,
                unit, None, actor(origin), actor(destination),
                DateRange(dt.date(2024, 1, 1), dt.date(2024, 12, 31), DatePrecision.YEAR),
                _evidence(sentence or f"{indicator} {value}"))


def titled(event_: Event, side: str, text: str) -> Event:
    """The event with the words an actor was named by ("Prime Minister Tokayev")."""
    from dataclasses import replace

    current = getattr(event_, side)
    return replace(event_, **{side: replace(current, text=text)})


Report = tuple[Document, Sequence[Event], Sequence[Fact], Sequence[Membership]]


def store_reports(store: Store, reports: Sequence[Report]) -> IngestSummary:
    summary = IngestSummary(start_run(store, ["test"], {}))
    write_batch(store, [Prepared(Task(doc, None, Identity.of(doc)), DocumentRecords.of(
        Extraction(doc, tuple(evs), tuple(fs), tuple(ms))), minhash(doc.text))
        for doc, evs, fs, ms in reports], summary)
    return summary


def world() -> list[Report]:
    """The reports; `KAZ_RUS_CODES` lists the CAMEO codes of the dyad's events."""
    return [
        (document("visit-plan", "Tokayev will pay a state visit to Russia next week.",
                  "2025-11-05", url="https://news.example/visit-plan"),
         [event("visit-plan", "042", TOKAYEV, "RUS", start="2025-11-11", end="2025-11-12",
                status=EventStatus.PLANNED,
                sentence="Tokayev will pay a state visit to Russia next week.")], [], []),
        (document("talks", "Tokayev and Putin held talks in Moscow and signed a treaty.",
                  "2025-11-12", url="https://news.example/talks"),
         [event("talks", "040", TOKAYEV, PUTIN, start="2025-11-11", where="Moscow",
                sentence="Tokayev and Putin held talks in Moscow"),
          event("talks", "057", "KAZ", "RUS", start="2025-11-12", where="Moscow", offset=39,
                sentence="and signed a treaty.")],
         [fact("talks", "trade_volume", 28.7e9, "USD", "KAZ", "RUS",
               "Trade between Kazakhstan and Russia reached $28.7 billion.")],
         [membership("talks", "KAZ", "igo:BRICS", MembershipRelation.JOINED, "2025-11-11",
                     KBCheck.CONFLICT,
                     [KBView("partner", dt.date(2025, 1, 1), None, "BRICS summit")],
                     "Kazakhstan joined BRICS.")]),
        (document("call", "Putin received Tokayev at his residence on October 15.",
                  "2025-10-16", url="https://news.example/call"),
         [event("call", "043", PUTIN, TOKAYEV, start="2025-10-15",
                sentence="Putin received Tokayev at his residence on October 15.")], [], []),
        (document("old-visit", "Tokayev visited Moscow in May 2024.", "2024-05-30",
                  url="https://news.example/old-visit"),
         [event("old-visit", "042", TOKAYEV, "RUS", start="2024-05-01", end="2024-05-31",
                precision=MONTH, sentence="Tokayev visited Moscow in May 2024.")], [], []),
        (document("accusation", "Moscow accused Astana of breaking the deal.", "2025-03-02",
                  url="https://news.example/accusation"),
         [event("accusation", "112", "RUS", "KAZ", start="2025-03-01",
                sentence="Moscow accused Astana of breaking the deal.")], [], []),
        (document("old-premier", "Prime Minister Kassym-Jomart Tokayev met Xi Jinping.",
                  "2025-06-01", url="https://news.example/old-premier"),
         [titled(event("old-premier", "040", TOKAYEV, "person:xi-jinping", start="2025-05-30",
                       sentence="Prime Minister Kassym-Jomart Tokayev met Xi Jinping."),
                 "source", "Prime Minister Kassym-Jomart Tokayev")], [], []),
        (document("strike-1", "Russian forces shelled Kharkiv.", "2025-11-12",
                  url="https://news.example/strike-1"),
         [event("strike-1", "190", "RUS", "UKR", start="2025-11-12", where="Kharkiv",
                sentence="Russian forces shelled Kharkiv.")], [], []),
        (document("strike-2", "Russian drones hit Odesa overnight.", "2025-11-14",
                  url="https://news.example/strike-2"),
         [event("strike-2", "190", "RUS", "UKR", start="2025-11-13", where="Odesa",
                sentence="Russian drones hit Odesa overnight.")], [], []),
    ]


# The dyad's events once merged: the planned visit, talks, treaty, a reception, the old visit
# and the accusation. Direction matters only for the visits, the reception and the accusation:
# the store names the two sides of a symmetric event (040, 057) in its own order.
KAZ_RUS_CODES = ("042", "040", "057", "043", "042", "112")
