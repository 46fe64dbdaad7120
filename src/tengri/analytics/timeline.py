"""Timelines and the intensity index: events per day, week or month with their cooperation and
conflict (counts and Goldstein sums), every bucket of the period present, and the spikes —
each pointing to the events behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import func

from tengri.analytics.periods import Granularity, bucket_end, buckets_between
from tengri.analytics.reads import Selection, by_bucket, events_where
from tengri.analytics.records import Bucket, EventBrief
from tengri.analytics.spikes import SpikeRule, find_spikes
from tengri.model import Record
from tengri.store import Store
from tengri.store.schema import events
from tengri.store.schema.workbench import EVENT_WHEN

MEASURES = ("events", "conflict", "cooperation")
EVENTS_PER_SPIKE = 10


@dataclass(frozen=True, slots=True)
class Spike(Record):
    measure: str  # events | conflict | cooperation
    start: dt.date
    end: dt.date
    value: int
    baseline: float
    score: float
    event_ids: list[int]  # the bucket's events, strongest Goldstein first (at most 10)
    events: list[EventBrief]


@dataclass(frozen=True, slots=True)
class Timeline(Record):
    granularity: str
    since: dt.date | None
    until: dt.date | None
    buckets: list[Bucket]
    spikes: list[Spike]


def _empty(start: dt.date, granularity: Granularity) -> Bucket:
    return Bucket(start, bucket_end(start, granularity), 0, 0, 0, 0.0, 0.0, 0.0)


def _quad_condition(measure: str) -> list[object]:
    if measure == "conflict":
        return [events.c.quad_class.in_((3, 4))]
    if measure == "cooperation":
        return [events.c.quad_class.in_((1, 2))]
    return []


def timeline(store: Store, selection: Selection, granularity: Granularity = Granularity.MONTH,
             *, rule: SpikeRule | None = None, measures: tuple[str, ...] = MEASURES,
             ) -> Timeline:
    """The selection's events per bucket between the filter's since/until (else its first and
    last event), with spikes in each measure; an event counts in the bucket of its date
    (start, else first report)."""
    selection = replace(selection, starts_within=True)
    since, until = selection.filter.since, selection.filter.until
    with store.read() as connection:
        found = by_bucket(connection, selection, granularity)
        if not found and (since is None or until is None):
            return Timeline(granularity.value, since, until, [], [])
        first = since or min(found)
        last = until or max(found)
        buckets = [found.get(start) or _empty(start, granularity)
                   for start in buckets_between(first, last, granularity)]
        spikes: list[Spike] = []
        for measure in measures:
            series = [getattr(b, measure) for b in buckets]
            for point in find_spikes(series, rule):
                bucket = buckets[point.index]
                behind = events_where(
                    connection, [*selection.conditions(), *_quad_condition(measure),
                                 bucket.start <= EVENT_WHEN, bucket.end >= EVENT_WHEN],
                    limit=EVENTS_PER_SPIKE,
                    order=(func.abs(events.c.goldstein).desc(), events.c.id.desc()))
                spikes.append(Spike(measure, bucket.start, bucket.end, int(point.value),
                                    point.baseline, point.score, [e.id for e in behind],
                                    behind))
    return Timeline(granularity.value, since, until, buckets,
                    sorted(spikes, key=lambda s: (s.start, s.measure)))

