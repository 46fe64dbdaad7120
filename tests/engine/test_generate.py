"""The benchmark corpus generator (benchmarks/generate.py): deterministic, varied, filled."""

from __future__ import annotations

import itertools
import json
import statistics
import subprocess
import sys

from tengri.ingest.fingerprint import minhash, similarity

from .runs import GENERATOR


def test_the_same_seed_gives_the_same_articles_and_another_seed_others(generator):
    first = list(generator.generate(30, seed=11))
    assert first == list(generator.generate(30, seed=11))
    assert first[:5] == list(generator.generate(5, seed=11))  # article n is the same at any count
    assert [a["text"] for a in generator.generate(5, seed=12)] != [a["text"] for a in first[:5]]


def test_articles_are_about_700_words_with_every_slot_filled(generator):
    articles = list(generator.generate(60, seed=5))
    words = [len(a["text"].split()) for a in articles]
    assert 600 <= statistics.mean(words) <= 800
    assert all("{" not in a["text"] and "}" not in a["text"] for a in articles)
    assert len({a["id"] for a in articles}) == len({a["url"] for a in articles}) == 60
    assert all(a["synthetic"] is True and a["published"][:2] == "20" for a in articles)


def test_unrelated_articles_share_few_word_runs_and_copies_share_most(generator):
    articles = list(generator.generate(80, seed=5))
    signatures = [minhash(a["text"]) for a in articles]
    scores = [similarity(a, b) for a, b in itertools.combinations(signatures, 2)]
    assert statistics.mean(scores) < 0.08
    copies = [a for a in articles if " - " in a["title"] and a["source_name"] in a["title"]]
    assert copies, "some articles should be syndicated copies"
    for copy in copies:
        original = max(articles, key=lambda a: similarity(minhash(a["text"]),
                                                          minhash(copy["text"]))
                       if a is not copy else -1)
        assert similarity(minhash(original["text"]), minhash(copy["text"])) >= 0.5


def test_the_script_writes_json_lines(tmp_path):
    out = tmp_path / "corpus.jsonl"
    subprocess.run([sys.executable, str(GENERATOR), "--count", "3", "--seed", "2",
                    "--out", str(out)], check=True, timeout=120)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["gen-2-0000000", "gen-2-0000001", "gen-2-0000002"]
