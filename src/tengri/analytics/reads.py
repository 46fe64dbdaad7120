"""The reads every analysis shares, over the events a filter selects: the cooperation and
conflict balance, counts by type and by month, counts per time bucket, and the latest events
with the sentence they were first read in.

Events are chosen with the store's own `EventFilter` (the filters of `tengri events`) and,
unless asked otherwise, without the events analysts rejected.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, case, func, select

from tengri.analytics.periods import Granularity, bucket_end, bucket_sql, parse_bucket
from tengri.analytics.records import (
    Balance,
    Bucket,
    Count,
    EventBrief,
    EvidenceRef,
    MonthTypeCount,
    Side,
)
from tengri.store import EventFilter
from tengri.store.browse import (
    Review,
    event_conditions,
    index_hints,
    is_rare,
    narrowing,
    review_conditions,
)
from tengri.store.schema import documents, event_mentions, events
from tengri.store.schema.workbench import EVENT_WHEN


@dataclass(frozen=True, slots=True)
class Selection:
    """Which events an analysis reads: a store filter and the analysts' review state.

    With `starts_within`, only events whose date (start, else first report) falls in the
    filter's [since, until] count — what a timeline can place in its buckets and a network of
    a period means — which lets the date index bound the read."""

    filter: EventFilter
    review: Review = Review.ACTIVE
    starts_within: bool = False

    def conditions(self, connection: Connection | None = None) -> list[Any]:
        """The SQL conditions. Given the connection, a rare country or actor also comes as
        the list of its events, so reading every match starts from them (for a common one
        walking the events is quicker)."""
        out = [*event_conditions(self.filter), *review_conditions(self.review),
               *index_hints(self.filter)]
        if connection is not None and is_rare(connection, self.filter):
            out += narrowing(self.filter)
        if self.starts_within and self.filter.since:
            when = EVENT_WHEN
            out.append(when >= self.filter.since)
        return out


_COOPERATION = events.c.quad_class.in_((1, 2))
_CONFLICT = events.c.quad_class.in_((3, 4))


def balance(connection: Connection, selection: Selection) -> Balance:
    rows = connection.execute(select(events.c.quad_class, func.count(),
                                     func.coalesce(func.sum(events.c.goldstein), 0.0))
                              .where(*selection.conditions(connection))
                              .group_by(events.c.quad_class)).all()
    quads = {str(q): 0 for q in (1, 2, 3, 4)}
    total, goldstein = 0, 0.0
    for quad, count, total_goldstein in rows:
        quads[str(quad)] = quads.get(str(quad), 0) + int(count)
        total += int(count)
        goldstein += float(total_goldstein)
    cooperation = quads["1"] + quads["2"]
    conflict = quads["3"] + quads["4"]
    return Balance(
        events=total, cooperation=cooperation, conflict=conflict, quad_classes=quads,
        goldstein_sum=round(goldstein, 2),
        goldstein_mean=round(goldstein / total, 3) if total else None,
        cooperation_share=round(cooperation / (cooperation + conflict), 3)
        if cooperation + conflict else None)


def by_type(connection: Connection, selection: Selection) -> list[Count]:
    rows = connection.execute(select(events.c.type, func.count())
                              .where(*selection.conditions(connection))
                              .group_by(events.c.type)).all()
    return [Count(t, t, int(n)) for t, n in sorted(rows, key=lambda r: (-r[1], r[0]))]


def by_month_and_type(connection: Connection, selection: Selection) -> list[MonthTypeCount]:
    month = bucket_sql(EVENT_WHEN, Granularity.MONTH, connection.dialect.name)
    rows = connection.execute(select(month.label("month"), events.c.type, func.count())
                              .where(*selection.conditions(connection))
                              .group_by(month, events.c.type)).all()
    return sorted((MonthTypeCount(parse_bucket(m), t, int(n)) for m, t, n in rows if m),
                  key=lambda r: (r.month, r.type))


def by_bucket(connection: Connection, selection: Selection,
              granularity: Granularity) -> dict[dt.date, Bucket]:
    """Events per bucket of their date (else first report), with cooperation, conflict and
    Goldstein sums; only buckets that have events."""
    bucket = bucket_sql(EVENT_WHEN, granularity, connection.dialect.name).label("bucket")
    g = events.c.goldstein
    rows = connection.execute(select(
        bucket, func.count(),
        func.sum(case((_COOPERATION, 1), else_=0)), func.sum(case((_CONFLICT, 1), else_=0)),
        func.coalesce(func.sum(g), 0.0),
        func.coalesce(func.sum(case((g > 0, g), else_=0.0)), 0.0),
        func.coalesce(func.sum(case((g < 0, -g), else_=0.0)), 0.0))
        .where(*selection.conditions(connection)).group_by(bucket)).all()
    out: dict[dt.date, Bucket] = {}
    for key, count, coop, conflict, total, positive, negative in rows:
        if key is None:
            continue
        start = parse_bucket(key)
        out[start] = Bucket(start, bucket_end(start, granularity), int(count), int(coop or 0),
                            int(conflict or 0), round(float(total), 2),
                            round(float(positive), 2), round(float(negative), 2))
    return out


def _side(row: Any, prefix: str) -> Side | None:
    if row[f"{prefix}_name"] is None and row[f"{prefix}_actor_id"] is None:
        return None
    return Side(row[f"{prefix}_actor_id"], row[f"{prefix}_name"], row[f"{prefix}_country"],
                row[f"{prefix}_kind"])


def brief(row: Any, evidence: EvidenceRef | None = None) -> EventBrief:
    return EventBrief(
        id=row["id"], type=row["type"], mode=row["mode"], cameo=row["cameo"],
        goldstein=row["goldstein"], quad_class=row["quad_class"], status=row["status"],
        source=_side(row, "source"), target=_side(row, "target"),
        date_start=row["date_start"], date_end=row["date_end"],
        date_precision=row["date_precision"], location=row["location_name"],
        location_precision=row["location_precision"], source_count=row["source_count"],
        curated=bool(row["curated"]), evidence=evidence)


def first_evidence(connection: Connection, event_ids: list[int]) -> dict[int, EvidenceRef]:
    """The earliest report of each event: its sentence, offsets and document."""
    if not event_ids:
        return {}
    m, d = event_mentions.c, documents.c
    rows = connection.execute(select(
        m.event_id, m.sentence, m.sentence_start, m.sentence_end, m.document_id, d.title, d.url,
        d.published).join(documents, d.id == m.document_id)
        .where(m.event_id.in_(event_ids))
        .order_by(m.event_id, func.coalesce(d.published, dt.date.max), m.id)).all()
    out: dict[int, EvidenceRef] = {}
    for row in rows:
        if row.event_id not in out:
            out[row.event_id] = EvidenceRef(row.sentence, row.sentence_start, row.sentence_end,
                                            row.document_id, row.title, row.url, row.published)
    return out


def events_where(connection: Connection, conditions: list[Any], *, limit: int,
                 order: Any = None, with_evidence: bool = True) -> list[EventBrief]:
    order_by = order if order is not None else (EVENT_WHEN.desc(), events.c.id.desc())
    rows = list(connection.execute(select(events).where(*conditions)
                                   .order_by(*order_by).limit(limit)).mappings())
    evidence = first_evidence(connection, [r["id"] for r in rows]) if with_evidence else {}
    return [brief(r, evidence.get(r["id"])) for r in rows]


def latest_events(connection: Connection, selection: Selection, limit: int = 10,
                  with_evidence: bool = True) -> list[EventBrief]:
    return events_where(connection, selection.conditions(), limit=limit,
                        with_evidence=with_evidence)


def counts_by_key(pairs: list[tuple[str, int]]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for key, count in pairs:
        out[key] += count
    return dict(out)
