"""A bounded load test of a real `tengri serve`: concurrent readers on a store of generated
events while documents are ingested through the API. Prints throughput, latency per route and
errors; exits 1 only when a request failed (a 5xx or a connection error), never on timing.

Run: `python benchmarks/load_test.py [--seconds 30] [--readers 16] [--events 100000]`.

The store is filled like `benchmarks/api_bench.py` fills it (bulk-inserted generated events),
and the readers draw their requests from the same typical queries (filtered events, a page
further on, an event with its reports, dyad profiles, timelines, a network) plus actor
resolution and counts. One writer posts articles of `benchmarks/generate.py` to
`POST /api/v1/ingest` with a curator key the whole time, so reads meet SQLite writes. The
server runs in its own process on a free 127.0.0.1 port with a rate limit far above what the
test can send: the figures measure the server, not its limiter. Client and server share the
machine, so the figures are a floor for what the server can do, not a capacity.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import IO, Any

import httpx
from api_bench import fill_store, queries
from generate import article
from served_samples import serving

from tengri.store import open_store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key

RATE_LIMIT = 10**9  # requests a minute per key: out of reach, so nothing is throttled
# Names a reader looks up: states, people, organisations, and one the KB lacks (Atlantis: a
# 404 by design, counted with the 4xx and not as an error)
NAMES = ("Kazakhstan", "Russia", "China", "Vladimir Putin", "Tokayev", "Xi Jinping", "NATO",
         "the European Union", "the Kremlin", "Shanghai Cooperation Organisation", "EAEU",
         "Atlantis")
INGEST_BATCH = 5  # articles per POST /ingest: small, so the last one ends soon after the load
READ_TIMEOUT = 60.0  # seconds; a slower answer counts as a connection error
INGEST_TIMEOUT = 300.0


@dataclass
class Tally:
    """What came back, per route: latencies of every answer, and statuses."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)  # a few examples, for the report

    def add(self, route: str, seconds: float, status: str, detail: str = "") -> None:
        self.latencies[route].append(seconds)
        self.statuses[(route, status)] += 1
        if is_error(status) and len(self.failures) < 10:
            self.failures.append(f"{route} -> {status} {detail}".strip())


def is_error(status: str) -> bool:
    """A 5xx or a request that got no answer; 4xx are the API refusing, counted apart."""
    return not status.isdigit() or status.startswith("5")


def route_of(path: str) -> str:
    """The route template a path under /api/v1 hits: `/events/17` -> `GET /events/{id}`."""
    parts = path.split("?", 1)[0].strip("/").split("/")
    if parts[0] == "events" and len(parts) == 2:
        return "GET /events/{id}"
    if parts[0] == "dyads":
        return "GET /dyads/{a}/{b}"
    return "GET /" + "/".join(parts)


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted values, in milliseconds."""
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def reader_paths(rng: random.Random, cursors: list[str]) -> list[Callable[[], str]]:
    """Makers of request paths: api_bench's typical queries, actor resolution and counts."""
    makers = [make for _, make in queries(rng, lambda: rng.choice(cursors))]
    makers.append(lambda: f"/actors/resolve?name={rng.choice(NAMES)}")
    makers.append(lambda: "/stats")
    return makers


async def read_until(client: httpx.AsyncClient, makers: list[Callable[[], str]],
                     rng: random.Random, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        path = rng.choice(makers)()
        route = route_of(path)
        began = time.perf_counter()
        try:
            response = await client.get("/api/v1" + path)
            status, detail = str(response.status_code), response.text[:200]
        except httpx.HTTPError as exc:
            status, detail = type(exc).__name__, str(exc)[:200]
        tally.add(route, time.perf_counter() - began, status, detail)


@dataclass
class Ingested:
    requests: int = 0
    stored: int = 0
    seen: int = 0
    events_created: int = 0


async def ingest_until(client: httpx.AsyncClient, articles: Iterator[dict[str, Any]],
                       deadline: float, tally: Tally, done: Ingested) -> None:
    """POST /ingest batch after batch until the deadline (the last one is waited for)."""
    while time.monotonic() < deadline:
        documents = [as_posted(next(articles)) for _ in range(INGEST_BATCH)]
        response: httpx.Response | None = None
        began = time.perf_counter()
        try:
            response = await client.post("/api/v1/ingest", json={"documents": documents},
                                         timeout=INGEST_TIMEOUT)
            status, detail = str(response.status_code), response.text[:200]
        except httpx.HTTPError as exc:
            status, detail = type(exc).__name__, str(exc)[:200]
        tally.add("POST /ingest", time.perf_counter() - began, status, detail)
        done.requests += 1
        if response is not None and response.status_code == 200:
            summary = response.json()
            done.stored += summary["stored"]
            done.seen += summary["seen"]
            done.events_created += summary["events_created"]


def first_cursors(base: str, headers: dict[str, str], pages: int = 20) -> list[str]:
    """Cursors of the first `pages` pages of events, for the 'later page' queries."""
    cursors: list[str] = []
    with httpx.Client(base_url=base, headers=headers, timeout=READ_TIMEOUT) as client:
        page = client.get("/api/v1/events?limit=50").raise_for_status().json()
        while page.get("next_cursor") and len(cursors) < pages:
            cursors.append(page["next_cursor"])
            page = client.get(f"/api/v1/events?limit=50&cursor={page['next_cursor']}"
                              ).raise_for_status().json()
        client.get("/api/v1/dyads/KAZ/RUS").raise_for_status()  # loads the KB before timing
    return cursors or [""]


def warm_ingest(base: str, token: str, first: dict[str, Any]) -> float:
    """Post one article before the load: the server's first ingest loads the extraction
    pipeline (many seconds), which would otherwise be most of what the writer measures."""
    began = time.perf_counter()
    with httpx.Client(base_url=base, timeout=INGEST_TIMEOUT,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        client.post("/api/v1/ingest", json={"documents": [as_posted(first)]}
                    ).raise_for_status()
    return time.perf_counter() - began


def as_posted(generated: dict[str, Any]) -> dict[str, Any]:
    """A generated article as `POST /ingest` takes it."""
    return {"text": generated["text"], "title": generated["title"], "url": generated["url"],
            "published": generated["published"], "source_name": generated["source_name"],
            "doc_id": generated["id"]}


async def load(base: str, reader: str, curator: str, args: argparse.Namespace,
               ) -> tuple[Tally, Ingested, float]:
    rng = random.Random(args.seed)
    makers = reader_paths(rng, first_cursors(base, {"Authorization": f"Bearer {reader}"}))
    tally, done = Tally(), Ingested()
    numbers = count(1)  # article 0 warmed the ingest up
    articles = (article(args.seed, n) for n in numbers)
    limits = httpx.Limits(max_connections=args.readers + 1)
    async with httpx.AsyncClient(base_url=base, timeout=READ_TIMEOUT, limits=limits,
                                 headers={"Authorization": f"Bearer {reader}"}) as readers, \
            httpx.AsyncClient(base_url=base, timeout=INGEST_TIMEOUT,
                              headers={"Authorization": f"Bearer {curator}"}) as writer:
        started = time.monotonic()
        deadline = started + args.seconds
        ingesting = None if args.no_ingest else asyncio.create_task(
            ingest_until(writer, articles, deadline, tally, done))
        await asyncio.gather(*(read_until(readers, makers, random.Random(rng.random()),
                                          deadline, tally) for _ in range(args.readers)))
        elapsed = time.monotonic() - started  # the readers' time: what requests/s is over
        if ingesting:
            await ingesting  # the batch posted last finishes after the readers stop
    return tally, done, elapsed


def report(tally: Tally, done: Ingested, elapsed: float, args: argparse.Namespace,
           documents: tuple[int, int]) -> int:
    """Print the figures; returns how many requests failed (5xx or no answer)."""
    reads = {r: t for r, t in tally.latencies.items() if r != "POST /ingest"}
    total_reads = sum(len(t) for t in reads.values())
    print(f"\n{args.readers} readers for {elapsed:.1f} s (asked {args.seconds:g} s): "
          f"{total_reads:,} reads, {total_reads / elapsed:,.1f} requests/s")
    print(f"\n{'route':<26}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}  not 200")
    every: list[float] = []
    rows = sorted(tally.latencies.items(), key=lambda item: (item[0] == "POST /ingest", item[0]))
    for route, timings in rows:
        ordered = sorted(timings)
        if route != "POST /ingest":
            every += ordered
        others = {s: n for (r, s), n in sorted(tally.statuses.items())
                  if r == route and s != "200"}
        print(f"{route:<26}{len(ordered):>9,}{percentile(ordered, 0.5):>9.1f}"
              f"{percentile(ordered, 0.95):>9.1f}{percentile(ordered, 0.99):>9.1f}"
              f"{ordered[-1] * 1000:>9.1f}  {others or ''}")
    if every:
        every.sort()
        print(f"{'all reads':<26}{len(every):>9,}{percentile(every, 0.5):>9.1f}"
              f"{percentile(every, 0.95):>9.1f}{percentile(every, 0.99):>9.1f}"
              f"{every[-1] * 1000:>9.1f}")
    by_status: Counter[str] = Counter()
    for (_, status), n in tally.statuses.items():
        by_status[status] += n
    requests = sum(by_status.values())
    errors = sum(n for s, n in by_status.items() if is_error(s))
    refused = sum(n for s, n in by_status.items() if s.startswith("4"))
    print(f"\nanswers by status: {dict(sorted(by_status.items()))}")
    print(f"errors (5xx or no answer): {errors} of {requests:,} requests "
          f"({errors / max(1, requests):.2%}); 4xx: {refused}")
    for failure in tally.failures:
        print(f"  {failure}")
    if args.no_ingest:
        print("ingest: none (--no-ingest)")
    else:
        before, after = documents
        print(f"ingest during the load: {done.requests} POST /ingest of {INGEST_BATCH} "
              f"articles, {done.stored} documents stored ({done.seen} seen, "
              f"{done.events_created} new events); the store went from {before:,} to "
              f"{after:,} documents")
    return errors


def document_count(base: str, token: str) -> int:
    with httpx.Client(base_url=base, timeout=READ_TIMEOUT,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        return int(client.get("/api/v1/stats").raise_for_status().json()["documents"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="how long (default 30)")
    parser.add_argument("--readers", type=int, default=16,
                        help="concurrent readers (default 16)")
    parser.add_argument("--events", type=int, default=100_000,
                        help="generated events in the store (default 100,000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-ingest", action="store_true", help="readers only")
    args = parser.parse_args()
    if args.seconds <= 0 or args.readers < 1:
        parser.error("--seconds must be above 0 and --readers at least 1")

    with tempfile.TemporaryDirectory(prefix="tengri-load-") as folder:
        path = str(Path(folder) / "load.db")
        print(f"filling {path} with {args.events:,} generated events (seed {args.seed}) ...",
              flush=True)
        inserted, indexed = fill_store(path, args.events, args.seed)
        print(f"  filled in {inserted + indexed:.1f} s")
        store = open_store(path)
        try:
            admin = Analyst("load-test", "admin")
            reader = create_key(store, "load-reader", Role.READER, admin).token
            curator = create_key(store, "load-curator", Role.CURATOR, admin).token
        finally:
            store.close()
        log_path = Path(folder) / "serve.log"
        with log_path.open("wb") as log, \
                serving(path, ("--rate-limit", str(RATE_LIMIT)), log) as base:
            print(f"tengri serve on {base} (loopback only), started with --rate-limit "
                  f"{RATE_LIMIT} a minute per key so the test measures the server, not its "
                  "rate limiter; client and server share this machine", flush=True)
            if not args.no_ingest:
                warmed = warm_ingest(base, curator, article(args.seed, 0))
                print(f"first ingest (loads the pipeline, before the load): {warmed:.1f} s",
                      flush=True)
            before = document_count(base, reader)
            tally, done, elapsed = asyncio.run(load(base, reader, curator, args))
            after = document_count(base, reader)
        errors = report(tally, done, elapsed, args, (before, after))
        if errors:
            print_log_tail(log_path, sys.stdout)
    raise SystemExit(1 if errors else 0)


def print_log_tail(path: Path, out: IO[str], lines: int = 40) -> None:
    """The end of the server's stderr: where a 5xx left its traceback."""
    text = path.read_text(encoding="utf-8", errors="replace").splitlines()
    if text:
        out.write(f"\nlast {min(lines, len(text))} lines of the server's log:\n")
        out.write("\n".join(text[-lines:]) + "\n")


if __name__ == "__main__":
    main()
