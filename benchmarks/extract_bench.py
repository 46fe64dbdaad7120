"""Extraction throughput and memory on the built-in sample corpus, next to the floor we cannot
beat: a bare spaCy tokenizer pass over the same texts.

Run: `make bench` (or `python benchmarks/extract_bench.py [--repeat N]`). Prints figures; asserts
nothing. Each figure is the best of three timed passes after one warm-up pass, on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time
import tracemalloc
from collections.abc import Callable

from tengri.extract import extract_document
from tengri.kb import load_kb
from tengri.model import Document
from tengri.samples import sample_index


def _documents() -> list[Document]:
    import json
    from importlib import resources

    text = (resources.files("tengri.samples") / "corpus.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [Document(r["id"], r["text"], dt.date.fromisoformat(r["published"])) for r in rows]


def _best_of(passes: int, work: Callable[[], object]) -> float:
    work()  # warm-up: caches, lazy imports, compiled patterns
    timings = []
    for _ in range(passes):
        start = time.perf_counter()
        work()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--repeat", type=int, default=5, help="copies of the sample corpus per pass (default 5)"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    kb = load_kb()
    kb_seconds = time.perf_counter() - started
    documents = _documents() * args.repeat
    words = sum(len(d.text.split()) for d in documents)
    print(
        f"corpus: {len(documents)} articles ({len(sample_index())} samples x {args.repeat}), "
        f"{words / len(documents):.0f} words per article on average"
    )
    print(f"knowledge base load: {kb_seconds:.2f} s")

    import spacy

    nlp = spacy.blank("en")
    texts = [d.text for d in documents]
    floor = _best_of(3, lambda: [nlp.make_doc(t) for t in texts])

    events = 0

    def extract_all() -> None:
        nonlocal events
        events = sum(len(extract_document(d, kb).events) for d in documents)

    seconds = _best_of(3, extract_all)
    per_doc = [0.0] * 0
    for document in documents[: len(documents) // args.repeat]:
        start = time.perf_counter()
        extract_document(document, kb)
        per_doc.append(time.perf_counter() - start)

    tracemalloc.start()
    extract_all()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rate, floor_rate = len(documents) / seconds, len(documents) / floor
    print(f"spaCy tokenizer floor: {floor_rate:,.0f} articles/s")
    print(
        f"tengri extract:        {rate:,.0f} articles/s, {events / seconds:,.0f} events/s "
        f"({floor_rate / rate:.1f}x the floor's time)"
    )
    print(
        f"per article: median {statistics.median(per_doc) * 1000:.1f} ms, "
        f"max {max(per_doc) * 1000:.1f} ms"
    )
    print(
        f"peak memory: {max_rss:.0f} MB resident (process), "
        f"{traced_peak / 1e6:.1f} MB allocated during one extraction pass"
    )
    print(
        f"aim: within 3x of the floor (issue 3); "
        f"{'met' if floor_rate / rate <= 3 else 'not met'} on this machine"
    )


if __name__ == "__main__":
    main()
