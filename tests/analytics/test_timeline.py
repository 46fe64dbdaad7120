"""Timelines (every bucket present, weeks from Monday), the intensity index, spikes that
point to their events, and the spike rule itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from tests.analytics.factories import store_reports
from tests.store.conftest import document, event

from tengri.analytics import Granularity, Selection, SpikeRule, find_spikes, timeline
from tengri.analytics.periods import buckets_between
from tengri.model import Location, LocationPrecision
from tengri.store import EventFilter, Store, open_store


def test_a_monthly_timeline_has_every_month_with_intensities(filled: Store) -> None:
    result = timeline(filled, Selection(EventFilter(dyad=("KAZ", "RUS"),
                                                    since=dt.date(2025, 9, 1),
                                                    until=dt.date(2025, 11, 30))))
    assert [(str(b.start), str(b.end), b.events, b.cooperation, b.conflict)
            for b in result.buckets] == [
        ("2025-09-01", "2025-09-30", 0, 0, 0), ("2025-10-01", "2025-10-31", 1, 1, 0),
        ("2025-11-01", "2025-11-30", 3, 3, 0)]
    november = result.buckets[-1]
    assert (november.goldstein_sum, november.cooperation_intensity,
            november.conflict_intensity) == (10.9, 10.9, 0.0)  # 042 1.9 + 040 1.0 + 057 8.0


def test_weeks_start_on_monday_and_days_are_days(filled: Store) -> None:
    weekly = timeline(filled, Selection(EventFilter(country="UKR")), Granularity.WEEK)
    assert [(str(b.start), b.events, b.conflict_intensity) for b in weekly.buckets] == [
        ("2025-11-10", 2, 20.0)]
    daily = timeline(filled, Selection(EventFilter(country="UKR")), Granularity.DAY)
    assert [(str(b.start), b.events) for b in daily.buckets] == [
        ("2025-11-12", 1), ("2025-11-13", 1)]
    assert buckets_between(dt.date(2025, 12, 30), dt.date(2026, 2, 2), Granularity.MONTH) == [
        dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]


def test_a_spike_points_to_the_events_behind_it(tmp_path: Path) -> None:
    # a strike every third day through February (far enough apart never to merge), then
    # seven different attacks on March 3
    reports = []
    for day in range(1, 29, 3):
        reports.append((document(f"d{day}", f"Shelling on day {day}.", f"2025-02-{day:02d}"),
                        [event(f"d{day}", "190", "RUS", "UKR", start=f"2025-02-{day:02d}")],
                        [], []))
    texts = ("Gunmen seized two aid workers near the front.",
             "Soldiers beat detainees at a checkpoint, witnesses said.",
             "A car bomb exploded outside the city council.",
             "A regional governor was assassinated in his office.",
             "Troops exchanged small-arms fire along the river.",
             "Artillery pounded villages east of the city for hours.",
             "Warplanes struck a fuel depot before dawn.")
    # seven cities far apart: attacks in different places are different events
    cities = (("Kharkiv", 49.99, 36.23), ("Odesa", 46.48, 30.72), ("Kyiv", 50.45, 30.52),
              ("Dnipro", 48.46, 35.04), ("Zaporizhzhia", 47.84, 35.14), ("Sumy", 50.91, 34.80),
              ("Kherson", 46.64, 32.61))
    for n, code in enumerate(("181", "182", "183", "186", "193", "194", "195")):
        name, lat, lon = cities[n]
        attack = replace(event(f"m{n}", code, "RUS", "UKR", start="2025-03-03"),
                         location=Location(name, name, "UKR", lat, lon, LocationPrecision.CITY))
        reports.append((document(f"m{n}", texts[n], "2025-03-03"), [attack], [], []))
    store = open_store(str(tmp_path / "spike.db"))
    try:
        store_reports(store, reports)
        result = timeline(store, Selection(EventFilter(country="UKR")), Granularity.DAY)
        assert [(s.measure, str(s.start), s.value, s.baseline) for s in result.spikes] == [
            ("conflict", "2025-03-03", 7, 0.0), ("events", "2025-03-03", 7, 0.0)]
        behind = result.spikes[0]
        assert sorted(e.cameo for e in behind.events) == ["181", "182", "183", "186", "193",
                                                          "194", "195"]
        assert behind.event_ids == [e.id for e in behind.events]
    finally:
        store.close()


def test_the_spike_rule_wants_history_a_minimum_and_a_clear_jump() -> None:
    assert find_spikes([1, 1, 1, 1, 9]) != []
    assert find_spikes([1, 1, 9]) == []  # not enough history
    assert find_spikes([0, 0, 0, 0, 2]) == []  # too few events to matter
    assert find_spikes([5, 9, 4, 8, 6, 10]) == []  # a noisy series is not spiking
    point = find_spikes([2, 2, 2, 2, 12], SpikeRule(threshold=3.0))[0]
    assert (point.index, point.value, point.baseline) == (4, 12, 2.0)
