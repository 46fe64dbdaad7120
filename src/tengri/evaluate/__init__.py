"""Measuring tengri: gold-set readers, matching, scorers, the keyword-only floor, reports and
the quality gate.

- `read_gold(path, format)` reads tengri's own gold (JSONL, docs/GOLD.md), the PLOVER
  gold-standard records (`plover-gsr`) or PETRARCH validation records (`petrarch-xml`) into a
  `GoldSet`; the reference files are read only through the path they are given.
- `evaluate_set(gold_set, coder, kb)` codes every passage and scores it: event detection
  (precision, recall, F1), per PLOVER type and CAMEO root, a confusion matrix of types, actors by
  country and exact id, participants, dates (exact and within the gold range), status, places
  (country; city within 25 km), facts and memberships. How predicted and gold events are paired
  is written in `tengri.evaluate.matching` (and shown by `tengri evaluate --help`).
- `code_keywords` is the trivial keyword-only coder every figure is read against.
- `gate` pins each score in `baseline.json`; `markdown` writes EVALUATION.md.
"""

from tengri.evaluate.formats import GOLD_FORMATS, read_gold
from tengri.evaluate.gold import GoldSet, Passage
from tengri.evaluate.keyword_baseline import code_keywords
from tengri.evaluate.run import SetResult, evaluate_set, keyword_coder, make_coder, tengri_coder

__all__ = [
    "GOLD_FORMATS",
    "GoldSet",
    "Passage",
    "SetResult",
    "code_keywords",
    "evaluate_set",
    "keyword_coder",
    "make_coder",
    "read_gold",
    "tengri_coder",
]
