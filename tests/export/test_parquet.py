"""Parquet: five tables read back by pyarrow, partitioned by month, written in row groups with
bounded buffers and files; the writer works from plain rows, without a store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from tests.export.conftest import corpus_extractions

from tengri.errors import UsageError
from tengri.export import export_parquet
from tengri.export.parquet import (
    MANIFEST,
    NULL_PARTITION,
    extraction_tables,
    write_parquet,
)
from tengri.export.parquet_schema import SCHEMA_VERSION, TABLES, schema_digest
from tengri.store import EventFilter, Store


def _table(folder: Path, name: str) -> list[dict]:
    return ds.dataset(folder / name, format="parquet", partitioning="hive").to_table() \
        .to_pylist()


def test_every_table_reads_back_partitioned_by_month(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "export"
    summary = export_parquet(filled, EventFilter(), out)
    assert summary.tables == {"events": 8, "mentions": 9, "documents": 8, "facts": 1,
                              "memberships": 1}
    events = _table(out, "events")
    assert sorted((e["year"], e["month"], e["cameo"]) for e in events) == [
        (2024, 7, "040"), (2025, 11, "042"), (2025, 11, "043"), (2025, 11, "111"),
        (2025, 11, "112"), (2025, 11, "190"), (2025, 12, "040"), (2026, 1, "042")]
    visit = next(e for e in events if e["cameo"] == "042" and e["source_count"] == 2)
    assert {k: visit[k] for k in ("type", "source_id", "source_sector", "target_country",
                                  "date_start", "date_precision", "location_name",
                                  "mention_count", "first_reported")} == {
        "type": "CONSULT", "source_id": "person:kassym-jomart-tokayev", "source_sector": "GOV",
        "target_country": "RUS", "date_start": dt.date(2025, 11, 11), "date_precision": "day",
        "location_name": "Moscow", "mention_count": 2, "first_reported": dt.date(2025, 11, 11)}
    mentions = [m for m in _table(out, "mentions") if m["event_id"] == visit["event_id"]]
    documents = {d["document_id"]: d for d in _table(out, "documents")}
    assert sorted(documents[m["document_id"]]["url"] for m in mentions) == \
        ["https://news.example/tokayev-moscow", "https://wire.example/2025/11/11/visit"]
    [fact] = _table(out, "facts")
    assert (fact["indicator"], fact["value"], fact["qualifier"], fact["origin_country"],
            fact["destination_country"], fact["period_start"], fact["year"], fact["month"]) == \
        ("tourist_arrivals", 1_000_000.0, "more_than", "RUS", "KAZ", dt.date(2024, 1, 1),
         2025, 11)
    [claim] = _table(out, "memberships")
    assert (claim["member_id"], claim["organization_id"], claim["relation"],
            claim["kb_check"]) == ("KAZ", "igo:EAEU", "member", "consistent")
    manifest = json.loads((out / MANIFEST).read_text())
    assert (manifest["schema_version"], manifest["schema_digest"], manifest["rows"],
            manifest["partition"]) == (SCHEMA_VERSION, schema_digest(), summary.tables, "month")


def test_a_filter_exports_its_events_and_the_documents_behind_them(filled: Store,
                                                                   tmp_path: Path) -> None:
    summary = export_parquet(filled, EventFilter(dyad=("KAZ", "RUS")), tmp_path / "x",
                             partition=None)
    assert summary.tables == {"events": 3, "mentions": 4, "documents": 3, "facts": 1,
                              "memberships": 1}
    titles = sorted(d["title"] for d in _table(tmp_path / "x", "documents"))
    assert titles == ["Tokayev in Moscow", "Visit ends", "refused"]
    assert sorted(p.name for p in (tmp_path / "x" / "events").iterdir()) == ["part-00000.parquet"]


def test_files_carry_the_schema_and_its_version(filled: Store, tmp_path: Path) -> None:
    export_parquet(filled, EventFilter(), tmp_path / "x")
    for name, schema in TABLES.items():
        for path in (tmp_path / "x" / name).rglob("*.parquet"):
            read = pq.read_schema(path)
            assert read.remove_metadata().equals(schema)
            assert read.metadata[b"tengri.schema_version"] == str(SCHEMA_VERSION).encode()


def test_an_export_will_not_mix_with_an_earlier_one(filled: Store, tmp_path: Path) -> None:
    export_parquet(filled, EventFilter(), tmp_path / "x")
    with pytest.raises(UsageError, match="not empty"):
        export_parquet(filled, EventFilter(), tmp_path / "x")
    summary = export_parquet(filled, EventFilter(status="planned"), tmp_path / "x",
                             overwrite=True)
    assert len(_table(tmp_path / "x", "events")) == summary.tables["events"] == 1


def test_overwriting_never_removes_files_that_are_not_an_export(filled: Store,
                                                                 tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        export_parquet(filled, EventFilter(), tmp_path / "x", overwrite=True)
    assert (tmp_path / "x" / "notes.txt").read_text() == "mine"


def test_the_writer_takes_rows_from_extraction_without_a_store(tmp_path: Path) -> None:
    summary = write_parquet(extraction_tables(corpus_extractions()), tmp_path)
    assert summary.rows == {"events": 9, "mentions": 9, "documents": 8, "facts": 1,
                            "memberships": 1}
    events = _table(tmp_path, "events")
    hosting = next(e for e in events if e["cameo"] == "043")
    assert (hosting["source_id"], hosting["target_id"], hosting["source_count"],
            hosting["year"], hosting["month"]) == \
        ("person:vladimir-putin", "person:kassym-jomart-tokayev", 1, 2025, 11)
    undated = next(e for e in events if e["cameo"] == "112")
    assert (undated["date_start"], undated["first_reported"], undated["month"]) == \
        (None, dt.date(2025, 11, 13), 11)


def test_rows_without_a_date_go_to_the_null_partition(tmp_path: Path) -> None:
    rows = [{"document_id": "a", "published": None}, {"document_id": "b",
                                                       "published": dt.date(2025, 2, 3)}]
    write_parquet({"documents": rows}, tmp_path)
    folders = sorted(str(p.parent.relative_to(tmp_path)) for p in tmp_path.rglob("*.parquet"))
    assert folders == ["documents/year=2025/month=02",
                       f"documents/year={NULL_PARTITION}/month={NULL_PARTITION}"]
    assert sorted((r["document_id"], r["year"]) for r in _table(tmp_path, "documents")) == \
        [("a", None), ("b", 2025)]


def test_buffers_and_open_files_stay_bounded(tmp_path: Path) -> None:
    rows = [{"document_id": str(i), "published": dt.date(2020 + i % 4, 1 + i % 12, 1)}
            for i in range(3000)]
    summary = write_parquet({"documents": rows}, tmp_path, row_group_size=100,
                            max_open_files=5, max_buffered_rows=300)
    files = list(tmp_path.rglob("*.parquet"))
    assert summary.rows["documents"] == 3000 and len(files) == len(summary.files)
    assert sum(pq.ParquetFile(f).metadata.num_rows for f in files) == 3000
    assert max(g for f in files for g in (
        pq.ParquetFile(f).metadata.row_group(i).num_rows
        for i in range(pq.ParquetFile(f).metadata.num_row_groups))) <= 100
    assert sorted(r["document_id"] for r in _table(tmp_path, "documents")) == \
        sorted(str(i) for i in range(3000))


def test_writers_with_their_own_prefix_share_a_folder(tmp_path: Path) -> None:
    tables = extraction_tables(corpus_extractions())
    write_parquet(tables, tmp_path, file_prefix="worker-1")
    write_parquet(tables, tmp_path, file_prefix="worker-2")
    write_parquet(tables, tmp_path, file_prefix="worker-2")
    assert len(_table(tmp_path, "events")) == 3 * 9


def test_unknown_tables_and_partitions_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown Parquet table"):
        write_parquet({"event": []}, tmp_path)
    with pytest.raises(UsageError, match="partition 'day'"):
        write_parquet({"events": []}, tmp_path, partition="day")
