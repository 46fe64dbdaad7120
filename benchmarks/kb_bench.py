"""Knowledge-base speed: building it, loading it in a new process (cold and from the cache), and
matching a 700-word article.

Run: `python benchmarks/kb_bench.py [--passes N]`. Prints figures; asserts nothing. The cache
figures use a cache folder of their own (a temporary one), so the user's cache is untouched.
Matching runs `find_mentions` over 700-word windows of the built-in sample corpus; each figure is
the best of N passes after a warm-up pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources

from tengri.kb import build_kb, find_mentions, shipped_data_dir

# A new process that loads the KB and says how long `import` and `load_kb()` took.
_LOAD = """
import time
started = time.perf_counter()
from tengri.kb import load_kb
imported = time.perf_counter()
kb = load_kb()
print(imported - started, time.perf_counter() - imported)
"""
WINDOW = 700  # words per article


def _new_process_load(cache: str) -> tuple[float, float]:
    env = {**os.environ, "TENGRI_CACHE_DIR": cache}
    printed = subprocess.run(
        [sys.executable, "-c", _LOAD], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(printed[0]), float(printed[1])


def _windows() -> list[tuple[str, dt.date]]:
    text = (resources.files("tengri.samples") / "corpus.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    words = " ".join(r["text"] for r in rows).split(" ")
    day = dt.date(2025, 11, 11)
    return [
        (" ".join(words[i : i + WINDOW]), day) for i in range(0, len(words) - WINDOW + 1, WINDOW)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--passes", type=int, default=5, help="timed passes (default 5)")
    args = parser.parse_args()

    started = time.perf_counter()
    kb = build_kb(shipped_data_dir())
    build = time.perf_counter() - started
    print(f"build from the data files (no cache): {build:.2f} s")

    with tempfile.TemporaryDirectory() as cache:
        imported, cold = _new_process_load(cache)
        print(
            f"new process, empty cache: import {imported:.2f} s + load {cold:.2f} s "
            "(builds and writes the cache)"
        )
        loads = [_new_process_load(cache) for _ in range(args.passes)]
        imported, warm = min(loads, key=lambda pair: pair[1])
        size = sum(p.stat().st_size for p in os.scandir(cache) if p.is_file())
        print(
            f"new process, from the cache: import {imported:.2f} s + load {warm:.2f} s "
            f"(best of {args.passes}; cache file {size / 1e6:.0f} MB)"
        )

    print(
        f"aliases: {len(kb.aliases)} records, {len(kb.name_index)} distinct name forms, "
        f"{len(kb.word_index)} title and agent-noun forms; {len(kb.entities)} entities"
    )

    windows = _windows()
    for text, day in windows:  # warm-up
        find_mentions(kb, text, day)
    best = []
    for text, day in windows:
        timings = []
        for _ in range(args.passes):
            start = time.perf_counter()
            find_mentions(kb, text, day)
            timings.append(time.perf_counter() - start)
        best.append(min(timings))
    best.sort()
    mentions = sum(len(find_mentions(kb, text, day)) for text, day in windows) / len(windows)
    print(
        f"matching a {WINDOW}-word article ({len(windows)} windows of the sample corpus, "
        f"{mentions:.0f} mentions each on average): median {best[len(best) // 2] * 1e3:.2f} ms, "
        f"slowest {best[-1] * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
