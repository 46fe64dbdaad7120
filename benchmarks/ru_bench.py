"""Russian extraction throughput, next to English on texts made the same way.

The articles are the gold passages (gold/ru, gold/en) joined in file order, as paragraphs, until
each has about 120 words, so both languages are timed on news-style articles of the same length
and mix. Prints figures; asserts nothing. Each figure is the best of three
timed passes after one warm-up pass, on one core.

Run: `python benchmarks/ru_bench.py [--words 120]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

from tengri.extract import extract_document
from tengri.kb import load_kb
from tengri.model import Document

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _articles(lang: str, words: int) -> list[Document]:
    passages = [
        json.loads(line)
        for split in ("dev", "heldout")
        for line in (GOLD / lang / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    groups: list[list[dict]] = [[]]  # type: ignore[type-arg]
    for passage in passages:
        if sum(len(p["text"].split()) for p in groups[-1]) >= words:
            groups.append([])
        groups[-1].append(passage)
    articles = []
    for number, group in enumerate(groups):
        text = "\n\n".join(p["text"] for p in group)
        published = next((p["published"] for p in group if p["published"]), None)
        date = dt.date.fromisoformat(published) if published else None
        articles.append(Document(f"{lang}-bench-{number}", text, date, lang=lang))
    return articles


def _best_of(passes: int, work: Callable[[], object]) -> float:
    work()  # warm-up: lexicon, morphology and KB caches
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=120, help="words per article (about)")
    args = parser.parse_args()
    started = time.perf_counter()
    kb = load_kb()
    print(f"knowledge base load: {time.perf_counter() - started:.2f} s")
    for lang in ("ru", "en"):
        articles = _articles(lang, args.words)
        words = sum(len(a.text.split()) for a in articles)
        seconds = _best_of(3, lambda articles=articles: [extract_document(a, kb) for a in articles])
        print(
            f"{lang}: {len(articles)} articles of {words / len(articles):.0f} words: "
            f"{len(articles) / seconds:.1f} articles/s, {words / seconds:,.0f} words/s"
        )


if __name__ == "__main__":
    main()
