"""Helpers for the engine's tests: the benchmark corpus generator, small corpora, runs, and
a run's tables read back as order-normalised rows."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from tengri.engine import RunOptions, RunSummary, run_corpus

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
TABLES = ("documents", "events", "mentions", "facts", "memberships")
ARTICLES = 18
PARTITION = 4


def load_generator() -> Any:
    spec = importlib.util.spec_from_file_location("tengri_benchmark_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, generator: Any, count: int = ARTICLES, seed: int = 3) -> Path:
    """`count` generated articles, plus one of them repeated and a broken line."""
    rows = list(generator.generate(count, seed=seed, words=300))
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(7, lines[2])  # the same article twice: stored once
    lines.insert(11, '{"id": "broken", "text": ')  # a broken line: quarantined
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(corpus: Path, out: Path, **options: Any) -> RunSummary:
    progress = options.pop("progress", None)
    options.setdefault("partition_size", PARTITION)
    options.setdefault("workers", 1)
    return run_corpus([str(corpus)], RunOptions(out=out, **options), progress=progress)


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def table_rows(out: Path, name: str) -> list[dict[str, Any]]:
    import pyarrow.dataset as ds

    folder = out / name
    if not folder.exists():
        return []
    rows = ds.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=_plain))


def tables(out: Path) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows, order-normalised."""
    return {name: table_rows(out, name) for name in TABLES}


def files(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for name in TABLES
                  for p in (out / name).rglob("*.parquet"))


def _text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=_plain)


def without_ids(out: Path) -> dict[str, list[str]]:
    """Every table with the ids and clock times a store assigns left out: documents named by
    their own key, events by the reports they hold (so a run's tables and the store's export
    of the same corpus compare equal when they say the same)."""
    documents = {r["document_id"]: r["doc_key"] for r in table_rows(out, "documents")}
    mentions = table_rows(out, "mentions")
    reports: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        reports[m["event_id"]].add((documents[m["document_id"]], m["record_id"]))
    held = {event: sorted(found) for event, found in reports.items()}

    def drop(row: dict[str, Any], *names: str) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k not in names}

    found = {
        "events": [_text({**drop(e, "event_id", "stored_at", "counterpart_events"),
                          "reports": held[e["event_id"]],
                          "counterparts": sorted(_text(held[c])
                                                 for c in e["counterpart_events"] or ())})
                   for e in table_rows(out, "events")],
        "mentions": [_text({**drop(m, "mention_id", "event_id", "document_id", "stored_at"),
                            "document": documents[m["document_id"]],
                            "event": held[m["event_id"]]}) for m in mentions],
        "documents": [_text(drop(d, "document_id", "stored_at"))
                      for d in table_rows(out, "documents")],
    }
    for name, key in (("facts", "fact_id"), ("memberships", "membership_id")):
        found[name] = [_text({**drop(r, key, "document_id"),
                              "document": documents[r["document_id"]]})
                       for r in table_rows(out, name)]
    return {name: sorted(rows) for name, rows in found.items()}
