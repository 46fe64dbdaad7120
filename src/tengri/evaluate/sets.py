"""The gold sets `make eval` and the quality gate score, and where each lives.

Our own gold lives in the repository (paths relative to its root). The PLOVER and PETRARCH
records live in the shared reference folder beside the repository, which a clone may not have:
those sets are then left out of the report (and skipped by the gate), never fatal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tengri.evaluate.formats import read_gold
from tengri.evaluate.gold import GoldSet


@dataclass(frozen=True, slots=True)
class StandardSet:
    name: str
    path: str  # relative to the repository root, or to the reference folder
    format: str
    in_reference: bool  # True: under the shared reference folder, which may be absent
    about: str
    texts: str | None = None  # corpus of texts for gold lines that carry none
    caveat: str = ""  # what the figures on this set do and do not say

    def location(self, root: Path, reference: Path) -> Path:
        return (reference if self.in_reference else root) / self.path

    def texts_location(self, root: Path) -> Path | None:
        return root / self.texts if self.texts else None

    def available(self, root: Path, reference: Path) -> bool:
        return self.location(root, reference).is_file()

    def read(self, root: Path, reference: Path) -> GoldSet:
        return read_gold(self.location(root, reference), self.format,
                         self.texts_location(root), self.name)


STANDARD_SETS: tuple[StandardSet, ...] = (
    StandardSet("en-dev", "gold/en/dev.jsonl", "tengri", False,
                "our English gold, development part: read while writing rules"),
    StandardSet("en-heldout", "gold/en/heldout.jsonl", "tengri", False,
                "our English gold, held-out part: scored only, never read while writing rules"),
    StandardSet("en2-dev", "gold/en2/dev.jsonl", "tengri", False,
                "our second English gold (longer wire-style passages), development part",
                caveat="Written after the extractor's first rules, by another author, to find "
                "what the first set does not show; used to write rules since."),
    StandardSet("ru-dev", "gold/ru/dev.jsonl", "tengri", False,
                "our Russian gold, development part: read while writing rules"),
    StandardSet("ru-heldout", "gold/ru/heldout.jsonl", "tengri", False,
                "our Russian gold, held-out part: scored only, never read while writing rules"),
    StandardSet("samples", "tests/data/samples_expected.jsonl", "tengri", False,
                "the 42 sample articles' expected codings (development)",
                texts="src/tengri/samples/corpus.jsonl"),
    StandardSet("plover-gsr", "plover/PLOVER_GSR_CAMEO.txt", "plover-gsr", True,
                "PLOVER gold-standard records 0.5b1 (CAMEO manual examples, one event each)",
                caveat="The sentences are the CAMEO manual's examples: edited news of the 1990s "
                "and 2000s with one example event each, an older PLOVER draft's types, and "
                "actors as codes. tengri reads them with a KB of today and without a date, so "
                "office titles of the time ('President Mitterand') may not resolve."),
    StandardSet("petrarch-unit", "petrarch/PETR.UnitTest.records.xml", "petrarch-xml", True,
                "PETRARCH validation records (fictional states; CAMEO roots compared)",
                caveat="These are unit tests of PETRARCH's parser, not a gold standard of "
                "meaning: their verb dictionary says of itself that its codes are mostly WEIS "
                "codes tweaked for the tests (\"restore full diplomatic ties\" is coded 064, "
                "CAMEO's 'share intelligence'), and the actors are fictional states (Arnor, "
                "Gondor) that tengri's KB does not know, so tengri codes few events here. "
                "Agreement on this set says little about accuracy; it is shown because the "
                "issue asks for it."),
)


def standard_set(name: str) -> StandardSet | None:
    return next((s for s in STANDARD_SETS if s.name == name), None)


def default_reference(root: Path) -> Path:
    """TENGRI_REFERENCE, else the shared reference folder beside the repository."""
    configured = os.environ.get("TENGRI_REFERENCE")
    return Path(configured) if configured else root.parent / "shared" / "reference"
