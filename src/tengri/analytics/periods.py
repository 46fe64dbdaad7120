"""Time buckets for timelines: a day, an ISO week (from Monday) or a month, grouped in the
database on both backends, and the list of buckets between two days (empty ones included)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import String, cast, func, literal

from tengri.errors import UsageError

MAX_BUCKETS = 5000  # a timeline longer than this asks for a coarser granularity


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def bucket_start(day: dt.date, granularity: Granularity) -> dt.date:
    if granularity is Granularity.WEEK:
        return day - dt.timedelta(days=day.weekday())
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    return day


def next_bucket(start: dt.date, granularity: Granularity) -> dt.date:
    if granularity is Granularity.DAY:
        return start + dt.timedelta(days=1)
    if granularity is Granularity.WEEK:
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def bucket_end(start: dt.date, granularity: Granularity) -> dt.date:
    """The last day of the bucket that starts on `start`."""
    return next_bucket(start, granularity) - dt.timedelta(days=1)


def buckets_between(first: dt.date, last: dt.date, granularity: Granularity) -> list[dt.date]:
    """Every bucket start from the one holding `first` to the one holding `last`."""
    out: list[dt.date] = []
    current = bucket_start(first, granularity)
    while current <= last:
        out.append(current)
        if len(out) > MAX_BUCKETS:
            raise UsageError(f"{first}..{last} makes more than {MAX_BUCKETS} {granularity.value}"
                             " buckets; choose a coarser granularity or a shorter period")
        current = next_bucket(current, granularity)
    return out


def bucket_sql(column: Any, granularity: Granularity, dialect: str) -> Any:
    """An SQL expression for the start of `column`'s bucket, as 'YYYY-MM-DD' text."""
    if dialect == "postgresql":
        if granularity is Granularity.DAY:
            return func.to_char(column, "YYYY-MM-DD")
        return func.to_char(func.date_trunc(granularity.value, column), "YYYY-MM-DD")
    # SQLite keeps dates as ISO text
    if granularity is Granularity.MONTH:
        return func.strftime("%Y-%m-01", column)
    if granularity is Granularity.WEEK:
        # back to Monday: %w is 0 for Sunday
        offset = (cast(func.strftime("%w", column), String).op("+")(literal(6))).op("%")(7)
        return func.date(column, literal("-").op("||")(offset).op("||")(literal(" days")))
    return func.date(column)


def parse_bucket(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
