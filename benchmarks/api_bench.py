"""API latency over a big store: fills a SQLite store with generated events (1,000,000 by
default) and prints p50/p95 latency of typical filtered API queries. Prints figures; asserts
nothing.

Run: `python benchmarks/api_bench.py [--events N] [--repeat N] [--db PATH] [--keep]`.

The events are made from a seed, not read from news: a few dozen states drawn with a skewed
(Zipf-like) weight, dyads that repeat, CAMEO codes drawn with weights that put consultations and
statements of cooperation first and assaults among the rarer kinds, dates spread over 2015–2026
with more events in later years, one report (mention) per event and one document per twenty
events. The store is filled with bulk inserts (indexes dropped, then rebuilt as the migrations
declare them, then ANALYZE), the way a long-running ingest would have left it. Queries go through
the real application in-process (FastAPI TestClient, so the figures include routing,
validation, authentication and JSON), with a reader key.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Index

from tengri.ingest.fingerprint import minhash
from tengri.model import RULES_VERSION
from tengri.ontology import cameo
from tengri.store import open_store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key
from tengri.store.schema import metadata

# ISO3 codes of states (real codes, synthetic activity); weights fall off like 1/rank.
STATES = ("USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "TUR", "IND", "PAK",
          "JPN", "KOR", "PRK", "SAU", "SYR", "IRQ", "EGY", "KAZ", "UZB", "KGZ", "TJK", "TKM",
          "AZE", "ARM", "GEO", "BLR", "POL", "ITA", "ESP", "BRA", "MEX", "ZAF", "NGA", "ETH",
          "AFG", "QAT", "ARE", "VEN")
# (CAMEO code, relative weight): cooperation talk first, material conflict rarer.
CODES = (("040", 30), ("042", 12), ("043", 10), ("036", 8), ("057", 6), ("051", 8),
         ("046", 4), ("041", 6), ("030", 5), ("061", 4), ("071", 3), ("020", 4), ("111", 8),
         ("112", 6), ("120", 3), ("130", 3), ("163", 3), ("172", 2), ("190", 6), ("193", 3),
         ("195", 3), ("145", 2), ("080", 2))
PEOPLE_PER_STATE = 3  # synthetic person ids per state: "person:bench-KAZ-1"
EVENTS_PER_DOCUMENT = 20
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2026, 11, 1) - START).days

_DROP_FIRST = ("events", "event_actors", "event_mentions", "documents")


def _weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(n)]


def _day(rng: random.Random) -> dt.date:
    # later years get more events (sqrt makes the density grow linearly with time)
    return START + dt.timedelta(days=int(DAYS * rng.random() ** 0.5))


def _secondary_indexes() -> list[Index]:
    return [i for name in _DROP_FIRST for i in metadata.tables[name].indexes]


def fill_store(path: str, events: int, seed: int) -> tuple[float, float]:
    """Bulk-load `events` events into the store at `path`; returns (insert s, index s)."""
    open_store(path).close()  # schema and migrations
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA cache_size = -400000")
    indexes = _secondary_indexes()
    for index in indexes:
        connection.execute(f"DROP INDEX IF EXISTS {index.name}")
    rng = random.Random(seed)
    codes = [c for c, _ in CODES]
    code_weights = [w for _, w in CODES]
    details = {c: cameo(c) for c in codes}
    state_weights = list(itertools.accumulate(_weights(len(STATES))))
    code_weights = list(itertools.accumulate(code_weights))
    now = dt.datetime(2026, 11, 26).isoformat(sep=" ")
    signature = minhash("a synthetic report " * 20).pack()
    connection.executemany(
        "INSERT INTO actors (id, name, kind, country, first_seen, last_seen) VALUES "
        "(?, ?, ?, ?, ?, ?)",
        [(f"person:bench-{state}-{n}", f"Person {n} of {state}", "person", state, now, now)
         for state in STATES for n in range(PEOPLE_PER_STATE)])
    started = time.perf_counter()
    documents = (events + EVENTS_PER_DOCUMENT - 1) // EVENTS_PER_DOCUMENT
    connection.executemany(
        "INSERT INTO documents (id, content_hash, url, url_key, doc_key, input_name, title, "
        "published, lang, source_name, ingested_at, updated_at, version, "
        "near_duplicate_group, signature, text, text_chars) VALUES "
        "(?, ?, ?, ?, ?, 'bench', ?, ?, 'en', 'bench wire', ?, ?, 1, ?, ?, ?, ?)",
        ((i, f"{i:064x}", f"https://bench.example/{i}", f"https://bench.example/{i}",
          f"bench-{i}", f"Report {i}", _day(rng).isoformat(), now, now, f"{i:064x}",
          signature, f"Synthetic report {i}.", 20 + len(str(i)))
         for i in range(1, documents + 1)))

    def rows() -> Iterator[tuple[tuple[object, ...], list[tuple[object, ...]],
                                 tuple[object, ...]]]:
        for i in range(1, events + 1):
            source, target = rng.choices(STATES, cum_weights=state_weights, k=2)
            while target == source:
                target = rng.choices(STATES, cum_weights=state_weights)[0]
            code = rng.choices(codes, cum_weights=code_weights)[0]
            d = details[code]
            day = _day(rng)
            persons = rng.random() < 0.3
            s_id = f"person:bench-{source}-{rng.randrange(PEOPLE_PER_STATE)}" if persons \
                else source
            t_id = f"person:bench-{target}-{rng.randrange(PEOPLE_PER_STATE)}" if persons \
                else target
            kind = "person" if persons else "state"
            reported = (day + dt.timedelta(days=rng.randrange(3))).isoformat()
            event = (i, d.plover_type, code, code[:2], d.goldstein, d.quad_class, "occurred",
                     s_id, s_id, source, kind, t_id, t_id, target, kind, day.isoformat(),
                     day.isoformat(), "day", target, "country", 0.8, 1, 1, reported, reported,
                     RULES_VERSION, now, now)
            actors = [(i, "source", s_id, s_id if persons else source, source, s_id),
                      (i, "target", t_id, t_id if persons else target, target, t_id)]
            document = (i - 1) // EVENTS_PER_DOCUMENT + 1
            mention = (i, i, document, f"ev-{i}", 0, d.plover_type, code, "occurred", s_id,
                       source, s_id, kind, t_id, target, t_id, kind, "[]", day.isoformat(),
                       day.isoformat(), "day", "country", 0, 0, 40,
                       f"Synthetic report {i}: {source} and {target}.", 0.8, "{}", 0,
                       f"{i:016x}")
            yield event, actors, mention

    batch: list[tuple[tuple[object, ...], list[tuple[object, ...]], tuple[object, ...]]] = []

    def flush() -> None:
        connection.executemany(
            "INSERT INTO events (id, type, cameo, cameo_root, goldstein, quad_class, status, "
            "source_actor_id, source_name, source_country, source_kind, target_actor_id, "
            "target_name, target_country, target_kind, date_start, date_end, date_precision, "
            "location_country, location_precision, confidence, source_count, mention_count, "
            "first_reported, last_reported, rules, created_at, updated_at, curated) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, 0)", [b[0] for b in batch])
        connection.executemany(
            "INSERT INTO event_actors (event_id, role, actor_key, actor_id, country, name) "
            "VALUES (?, ?, ?, ?, ?, ?)", [a for b in batch for a in b[1]])
        connection.executemany(
            "INSERT INTO event_mentions (id, event_id, document_id, record_id, position, "
            "type, cameo, status, source_id, source_country, source_name, source_kind, "
            "target_id, target_country, target_name, target_kind, participants, date_start, "
            "date_end, date_precision, location_precision, sentence_index, sentence_start, "
            "sentence_end, sentence, confidence, record, pinned, sentence_key) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)", [b[2] for b in batch])
        batch.clear()

    for item in rows():
        batch.append(item)
        if len(batch) >= 20000:
            flush()
    flush()
    connection.commit()
    inserted = time.perf_counter() - started
    started = time.perf_counter()
    connection.close()
    store = open_store(path)
    with store.write() as conn:
        for index in indexes:
            index.create(conn)
        conn.exec_driver_sql("ANALYZE")
    store.close()
    return inserted, time.perf_counter() - started


def _percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def queries(rng: random.Random, first_cursor: Callable[[], str]) -> list[tuple[str,
                                                                            Callable[[], str]]]:
    """(name, make a path under /api/v1) of typical filtered queries over a filled store."""
    state = lambda: rng.choices(STATES, _weights(len(STATES)))[0]  # noqa: E731

    def dyad() -> str:
        a, b = rng.sample(STATES[:20], 2)
        return f"{a}-{b}"

    def year() -> tuple[str, str]:
        y = rng.randrange(2016, 2026)
        return f"{y}-01-01", f"{y}-12-31"

    def month() -> tuple[str, str]:
        y, m = rng.randrange(2016, 2026), rng.randrange(1, 13)
        return f"{y}-{m:02d}-01", f"{y}-{m:02d}-28"

    return [
        ("latest events (first page of 50)", lambda: "/events"),
        ("events of a dyad", lambda: f"/events?dyad={dyad()}"),
        ("events of a country since a date", lambda: f"/events?country={state()}"
                                                     "&since=2025-01-01"),
        ("events of a type in a year", lambda: "/events?type=ASSAULT&since={}&until={}".format(
            *year())),
        ("events of a person", lambda: f"/events?actor=person:bench-{state()}-1"),
        ("dyad sorted by Goldstein", lambda: f"/events?dyad={dyad()}&sort=goldstein"
                                             "&order=asc"),
        ("a later page (cursor)", lambda: f"/events?cursor={first_cursor()}"),
        ("one event with its reports", lambda: f"/events/{rng.randrange(1, 1000)}"),
        ("count of a country's events", lambda: f"/events?country={state()}&count=true"
                                                "&limit=1"),
        ("dyad profile, one year", lambda: "/dyads/{}/{}?since={}&until={}".format(
            *dyad().split("-"), *year())),
        ("monthly timeline of a country, one year",
         lambda: "/timeline?country={}&since={}&until={}".format(state(), *year())),
        ("network of one month", lambda: "/network?since={}&until={}".format(*month())),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40, help="requests per query kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--db", help="store to fill (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary store")
    parser.add_argument("--reuse", action="store_true",
                        help="query the --db store as it is, without filling it")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from tengri.api import ServerSettings, create_app
    from tengri.settings import Settings

    folder = None if args.db else tempfile.mkdtemp(prefix="tengri-bench-")
    path = args.db or str(Path(folder) / "bench.db")  # type: ignore[arg-type]
    if args.reuse and args.db:
        print(f"querying {path} as it is")
    else:
        print(f"filling {path} with {args.events:,} events (seed {args.seed}) ...", flush=True)
        inserted, indexed = fill_store(path, args.events, args.seed)
        size = Path(path).stat().st_size / 2**20
        print(f"  inserted in {inserted:.1f} s ({args.events / inserted:,.0f} events/s), "
              f"indexes and ANALYZE in {indexed:.1f} s; {size:,.0f} MiB")

    store = open_store(path)
    token = create_key(store, "bench", Role.READER, Analyst("bench", "admin")).token
    store.close()
    app = create_app(Settings(db_url=path), ServerSettings(rate_limit=10**9))
    headers = {"Authorization": f"Bearer {token}"}
    rng = random.Random(args.seed)
    with TestClient(app) as client:
        client.get("/api/v1/dyads/KAZ/RUS", headers=headers)  # loads the KB once

        def first_cursor() -> str:
            page = client.get("/api/v1/events?limit=50", headers=headers).json()
            for _ in range(rng.randrange(1, 20)):
                page = client.get(f"/api/v1/events?limit=50&cursor={page['next_cursor']}",
                                  headers=headers).json()
            return str(page["next_cursor"])

        print(f"\n{'query':<44}{'p50 ms':>9}{'p95 ms':>9}{'rows':>7}")
        for name, make in queries(rng, first_cursor):
            timings, rows = [], 0
            for _ in range(args.repeat):
                url = "/api/v1" + make()
                began = time.perf_counter()
                response = client.get(url, headers=headers)
                timings.append(time.perf_counter() - began)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: {response.status_code} {response.text[:300]}")
                body = response.json()
                rows = len(body.get("items", [])) if isinstance(body, dict) else rows
            p50, p95 = _percentiles(timings)
            print(f"{name:<44}{p50:>9.1f}{p95:>9.1f}{rows:>7}", flush=True)
    if folder and not args.keep:
        for leftover in Path(folder).glob("bench.db*"):
            leftover.unlink()
        Path(folder).rmdir()
    elif folder:
        print(f"\nstore kept at {path}")


if __name__ == "__main__":
    main()
