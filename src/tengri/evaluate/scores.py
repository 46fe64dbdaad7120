"""The two kinds of score: detection counts (precision, recall, F1) and accuracy (right / scored).

A score with nothing to count is None, never 0 or 1: "no gold dates here" is not "dates all
wrong", and reports print it as "–".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class Tally:
    """Detection counts: true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def to_dict(self) -> dict[str, float | int | None]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How many of the scored items were right."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    @property
    def value(self) -> float | None:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, float | int | None]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


def tally_all(tallies: Iterable[Tally]) -> Tally:
    return sum(tallies, Tally())


def score_of(right: bool | None) -> Accuracy:
    """One scored item (True/False), or nothing to score (None)."""
    return Accuracy() if right is None else Accuracy(int(right), 1)


def macro_f1(tallies: dict[str, Tally], labels: Iterable[str]) -> float | None:
    """The mean F1 over `labels` (those the gold holds); a label never predicted scores 0."""
    values = [tallies[label].f1 or 0.0 for label in labels if label in tallies]
    return sum(values) / len(values) if values else None
