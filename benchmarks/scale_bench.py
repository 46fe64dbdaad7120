"""Throughput, memory and scaling of `tengri run` on generated corpora, next to the floor: a
plain spaCy tokenizer pass over the same text.

For each corpus size (1k and 10k articles; 100k with --full) it prints articles/s and events/s
for extraction alone (one process) and end to end (reading the JSONL, extraction in two local
worker processes, merging, Parquet and a SQLite store), the peak resident memory of each, and
the tokenizer floor. Then the speed-up of two local workers over one and of a two-worker Dask
LocalCluster over one, and a profile of extraction (cProfile, top 15 by cumulative time).
Every figure is printed, none asserted; each measurement runs in a fresh process so its peak
memory is its own. Run: `make bench`, or `python benchmarks/scale_bench.py [--full]`.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _documents(corpus: Path, limit: int | None = None) -> list[Any]:
    from tengri.model import Document

    found = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            found.append(Document(row["id"], row["text"], dt.date.fromisoformat(
                row["published"]), row.get("title"), row.get("url")))
            if limit is not None and len(found) >= limit:
                break
    return found


# --- measurements, each run in its own process ---------------------------------------------

def measure_extract(corpus: str, limit: int) -> dict[str, Any]:
    from tengri.extract import extract_document
    from tengri.kb import load_kb

    kb = load_kb()
    documents = _documents(Path(corpus), limit)
    extract_document(documents[0], kb)  # warm-up: lazy imports, compiled patterns
    started = time.perf_counter()
    events = sum(len(extract_document(d, kb).events) for d in documents)
    seconds = time.perf_counter() - started
    return {"articles": len(documents), "events": events, "seconds": seconds,
            "rss_mb": _rss_mb()}


def measure_floor(corpus: str, limit: int | None) -> dict[str, Any]:
    import spacy

    nlp = spacy.blank("en")
    texts = [d.text for d in _documents(Path(corpus), limit)]
    nlp.make_doc(texts[0])
    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return {"articles": len(texts), "seconds": time.perf_counter() - started}


def measure_run(corpus: str, out: str, engine: str, workers: int, db: str | None,
                ) -> dict[str, Any]:
    from tengri.engine import RunOptions, run_corpus

    started = time.perf_counter()
    summary = run_corpus([corpus], RunOptions(out=Path(out), engine=engine, workers=workers,
                                              db=db))
    seconds = time.perf_counter() - started
    return {"articles": summary.seen, "mentions": summary.mentions, "events": summary.events,
            "seconds": seconds, "phases": summary.seconds, "client_rss_mb": _rss_mb(),
            "worker_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN),
            "stored": summary.store.stored if summary.store else None}


def measure_profile(corpus: str, limit: int) -> dict[str, Any]:
    from tengri.extract import extract_document
    from tengri.kb import load_kb

    kb = load_kb()
    documents = _documents(Path(corpus), limit)
    extract_document(documents[0], kb)
    profile = cProfile.Profile()
    profile.enable()
    for document in documents:
        extract_document(document, kb)
    profile.disable()
    text = io.StringIO()
    pstats.Stats(profile, stream=text).strip_dirs().sort_stats("cumulative").print_stats(15)
    return {"articles": len(documents), "profile": text.getvalue()}


MEASURES = {"extract": measure_extract, "floor": measure_floor, "run": measure_run,
            "profile": measure_profile}


def _in_process(kind: str, **arguments: Any) -> dict[str, Any]:
    """Run one measurement in a fresh Python process; its result as a dict."""
    done = subprocess.run([sys.executable, __file__, "--measure", kind, json.dumps(arguments)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} {arguments} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the report ------------------------------------------------------------------------------

def _generate(count: int, folder: Path) -> Path:
    path = folder / f"corpus-{count}.jsonl"
    subprocess.run([sys.executable, str(HERE / "generate.py"), "--count", str(count),
                    "--seed", "7", "--out", str(path)], check=True)
    return path


def _rate(count: float, seconds: float) -> str:
    return f"{count / seconds:,.1f}" if seconds else "n/a"


def _size(count: int, folder: Path, extract_limit: int | None) -> dict[str, Any]:
    corpus = _generate(count, folder)
    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open())
    limit = min(count, extract_limit) if extract_limit else count
    extract = _in_process("extract", corpus=str(corpus), limit=limit)
    floor = _in_process("floor", corpus=str(corpus), limit=limit)
    out, db = folder / f"run-{count}", folder / f"store-{count}.db"
    end_to_end = _in_process("run", corpus=str(corpus), out=str(out), engine="local",
                             workers=2, db=str(db))
    shutil.rmtree(out, ignore_errors=True)
    for path in folder.glob(f"store-{count}.db*"):
        path.unlink()
    print(f"\n{count:,} articles ({words / count:.0f} words on average)")
    e = extract
    print(f"  extraction alone (1 process, {e['articles']:,} articles): "
          f"{_rate(e['articles'], e['seconds'])} articles/s, "
          f"{_rate(e['events'], e['seconds'])} events/s, peak RSS {e['rss_mb']:.0f} MB")
    f = floor
    ratio = (e["seconds"] / e["articles"]) / (f["seconds"] / f["articles"])
    print(f"  spaCy tokenizer floor (same articles): {_rate(f['articles'], f['seconds'])} "
          f"articles/s; extraction takes {ratio:.1f}x the floor's time")
    r = end_to_end
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in r["phases"].items())
    print(f"  end to end (JSONL -> 2 local workers -> merge -> Parquet + SQLite store): "
          f"{_rate(r['articles'], r['seconds'])} articles/s, "
          f"{_rate(r['mentions'], r['seconds'])} events/s ({r['mentions']:,} coded, "
          f"{r['events']:,} after merging); {phases}")
    print(f"  peak RSS end to end: client {r['client_rss_mb']:.0f} MB, largest worker "
          f"{r['worker_rss_mb']:.0f} MB")
    return {"count": count, "extract": e, "floor": f, "run": r}


def _speedups(count: int, folder: Path) -> None:
    corpus = _generate(count, folder)
    timings: dict[tuple[str, int], float] = {}
    for engine in ("local", "dask"):
        for workers in (1, 2):
            out = folder / f"speedup-{engine}-{workers}"
            result = _in_process("run", corpus=str(corpus), out=str(out), engine=engine,
                                 workers=workers, db=None)
            timings[(engine, workers)] = result["phases"]["coding"]
            shutil.rmtree(out, ignore_errors=True)
    print(f"\nspeed-up on {count:,} articles (coding time: reading and extraction, the part "
          "that runs in parallel)")
    for engine in ("local", "dask"):
        one, two = timings[(engine, 1)], timings[(engine, 2)]
        print(f"  {engine:5}  1 worker {one:.1f} s, 2 workers {two:.1f} s: {one / two:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("arguments", nargs="?", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1000,10000",
                        help="corpus sizes, comma-separated (default 1000,10000)")
    parser.add_argument("--full", action="store_true", help="add the 100,000-article corpus "
                        "(hours on two cores)")
    parser.add_argument("--extract-limit", type=int, default=2000,
                        help="articles timed for extraction alone and the floor (default "
                        "2000; 0 for all): the rate per article does not depend on the size")
    parser.add_argument("--speedup-articles", type=int, default=1000,
                        help="corpus size for the speed-up runs (default 1000; 0 to skip)")
    parser.add_argument("--profile-articles", type=int, default=200,
                        help="articles profiled (default 200; 0 to skip)")
    args = parser.parse_args()
    if args.measure:
        result = MEASURES[args.measure](**json.loads(args.arguments))
        print(json.dumps(result))
        return
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]  # figures as they come
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.full:
        sizes.append(100_000)
    print(f"tengri scale benchmark: {os.cpu_count()} cores, load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())} (other work skews every figure)")
    folder = Path(tempfile.mkdtemp(prefix="tengri-bench-"))
    try:
        results = [_size(count, folder, args.extract_limit or None) for count in sizes]
        by_count = {r["count"]: r for r in results}
        if 10_000 in by_count and 100_000 in by_count:
            small, large = by_count[10_000]["run"], by_count[100_000]["run"]
            growth = large["client_rss_mb"] / small["client_rss_mb"] - 1
            print(f"\nmemory from 10k to 100k articles: client peak {growth:+.0%}")
        if args.speedup_articles:
            _speedups(args.speedup_articles, folder)
        if args.profile_articles:
            corpus = _generate(args.profile_articles, folder)
            found = _in_process("profile", corpus=str(corpus), limit=args.profile_articles)
            print(f"\nwhere extraction spends its time ({found['articles']} articles, top 15 "
                  "by cumulative time)")
            print(found["profile"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
