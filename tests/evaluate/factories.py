"""Hand-made gold and predicted events, so scorer tests read as the case they test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tengri.evaluate.gold import GoldActor, GoldDate, GoldEvent, GoldPlace, GoldSet, Passage
from tengri.evaluate.predicted import PredictedActor, PredictedEvent

DATA = Path(__file__).resolve().parent / "data"


def actor(country: str | None, id: str | None = None) -> GoldActor:
    return GoldActor(country, id)


def gold(type: str, *, anchor: str | None = None, source: str | None = None,
         target: str | None = None, mode: str | None = None, cameo: str | None = None,
         status: str | None = None, date: tuple[str, str, str] | None = None,
         place: tuple[str | None, str | None] | None = None,
         participants: tuple[str, ...] = ()) -> GoldEvent:
    return GoldEvent(
        type=type, mode=mode, cameo=cameo,
        source=(GoldActor(source),) if source else (),
        target=(GoldActor(target),) if target else (),
        participants=tuple(GoldActor(c) for c in participants),
        status=status,
        date=GoldDate(dt.date.fromisoformat(date[0]), dt.date.fromisoformat(date[1]), date[2])
        if date else None,
        location=GoldPlace(*place) if place else None,
        anchor=anchor,
    )


def predicted(type: str, *, spans: tuple[tuple[int, int], ...] = ((0, 10_000),),
              source: str | None = None, target: str | None = None, mode: str | None = None,
              cameo: str = "040", status: str = "occurred",
              date: tuple[str, str] | None = None, place_country: str | None = None,
              lat: float | None = None, lon: float | None = None,
              place_precision: str = "unknown", participants: tuple[str, ...] = (),
              source_id: str | None = None, target_id: str | None = None) -> PredictedEvent:
    return PredictedEvent(
        type=type, mode=mode, cameo=cameo, status=status,
        source=PredictedActor(source, source_id) if source or source_id else None,
        target=PredictedActor(target, target_id) if target or target_id else None,
        participants=tuple(PredictedActor(c, None) for c in participants),
        date_start=dt.date.fromisoformat(date[0]) if date else None,
        date_end=dt.date.fromisoformat(date[1]) if date else None,
        date_precision="day" if date else "unknown",
        place_country=place_country, place_name=None, lat=lat, lon=lon,
        place_precision=place_precision, spans=spans, trigger="",
    )


def gold_set(*passages: Passage, one_event_per_passage: bool = False, key: str = "type",
             conventions: frozenset[str] = frozenset()) -> GoldSet:
    return GoldSet("test", "tengri", Path("test.jsonl"), "sha256:0", tuple(passages),
                   one_event_per_passage=one_event_per_passage, key=key,
                   conventions=conventions)
