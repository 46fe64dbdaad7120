"""CSV: one row per event with the documented flat columns, read back by the csv module."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from tests.export.conftest import VISIT_SENTENCE

from tengri.export import export_text
from tengri.export.csv_table import HEADER, write_csv
from tengri.store import EventFilter, Store, split_mention
from tengri.store.export_queries import export_snapshot, iter_export_events


def _rows(store: Store, criteria: EventFilter | None = None) -> list[dict[str, str]]:
    out = io.StringIO()
    export_text(store, criteria or EventFilter(), "csv", out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == HEADER
    return list(reader)


def test_a_visit_is_one_flat_row(filled: Store) -> None:
    rows = _rows(filled)
    assert len(rows) == 8
    visit = next(r for r in rows if r["cameo"] == "042" and r["source_count"] == "2")
    assert {k: visit[k] for k in (
        "type", "mode", "cameo_root", "goldstein", "quad_class", "status", "source_id",
        "source_name", "source_kind", "source_country", "source_sector", "source_role",
        "target_id", "target_country", "date_start", "date_end", "date_precision",
        "location_name", "location_country", "location_lat", "location_precision",
        "mention_count", "article_count", "first_reported", "curated", "first_url",
        "first_sentence")} == {
        "type": "CONSULT", "mode": "visit", "cameo_root": "04", "goldstein": "1.9",
        "quad_class": "1", "status": "occurred", "source_id": "person:kassym-jomart-tokayev",
        "source_name": "Kassym-Jomart Tokayev", "source_kind": "person", "source_country": "KAZ",
        "source_sector": "GOV", "source_role": "head_of_state",
        "target_id": "person:vladimir-putin", "target_country": "RUS",
        "date_start": "2025-11-11", "date_end": "2025-11-12", "date_precision": "day",
        "location_name": "Moscow", "location_country": "RUS", "location_lat": "55.75",
        "location_precision": "city", "mention_count": "2", "article_count": "2",
        "first_reported": "2025-11-11", "curated": "false",
        "first_url": "https://wire.example/2025/11/11/visit", "first_sentence": VISIT_SENTENCE}


def test_participants_are_joined_with_semicolons(filled: Store) -> None:
    summit = next(r for r in _rows(filled) if r["mode"] == "multilateral")
    assert (summit["participant_ids"], summit["participant_names"],
            summit["participant_countries"], summit["source_id"], summit["gathering_name"]) == \
        ("CHN;KAZ;RUS", "China;Kazakhstan;Russia", "CHN;KAZ;RUS", "", "SCO summit")


def test_events_an_analyst_split_are_curated(filled: Store) -> None:
    with export_snapshot(filled) as connection:
        visit = next(e for e in iter_export_events(connection)
                     if e.summary.cameo == "042" and e.summary.source_count == 2)
    split_mention(filled, visit.mentions[1].id, "a different visit", "analyst")
    curated = [r for r in _rows(filled) if r["curated"] == "true"]
    assert sorted((r["cameo"], r["first_url"]) for r in curated) == [
        ("042", "https://news.example/tokayev-moscow"),
        ("042", "https://wire.example/2025/11/11/visit")]


def test_filters_select_the_rows(filled: Store) -> None:
    assert [r["cameo"] for r in _rows(filled, EventFilter(place="Kharkiv"))] == ["190"]
    assert sorted(r["cameo"] for r in _rows(filled, EventFilter(cameo_root="04"))) == \
        ["040", "040", "042", "042", "043"]


cell = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


@given(name=cell, sentence=cell)
def test_any_text_reads_back_unchanged(name: str, sentence: str) -> None:
    record = {"event_id": "1", "cameo": "042", "source": {"name": name},
              "mentions": [{"sentence": sentence}], "curated": True}
    out = io.StringIO()
    write_csv([record], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert (row["source_name"], row["first_sentence"], row["curated"]) == \
        (name, sentence, "true")
