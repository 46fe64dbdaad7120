"""Spikes in a series of counts: a bucket well above what the buckets before it make usual.

The baseline is the median of the trailing `window` buckets and the spread their median
absolute deviation (scaled to a standard deviation), floored by the square root of the
baseline — counts of events are roughly Poisson, so a quiet series does not make every small
bump a spike. Pure: numbers in, flagged positions out.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

_MAD_TO_SD = 1.4826  # the MAD of a normal distribution times this is its standard deviation


@dataclass(frozen=True, slots=True)
class SpikeRule:
    window: int = 8  # trailing buckets that make the baseline
    threshold: float = 3.0  # how many spreads above the baseline
    min_count: int = 3  # fewer events than this is never a spike
    min_history: int = 3  # buckets needed before a spike can be called


@dataclass(frozen=True, slots=True)
class SpikePoint:
    index: int
    value: float
    baseline: float
    score: float


def find_spikes(values: Sequence[float], rule: SpikeRule | None = None) -> list[SpikePoint]:
    """The positions of `values` that stand out from the buckets before them."""
    rule = rule or SpikeRule()
    out: list[SpikePoint] = []
    for i, value in enumerate(values):
        history = list(values[max(0, i - rule.window):i])
        if len(history) < rule.min_history or value < rule.min_count:
            continue
        baseline = statistics.median(history)
        mad = statistics.median(abs(v - baseline) for v in history) * _MAD_TO_SD
        spread = max(mad, math.sqrt(max(baseline, 1.0)))
        score = (value - baseline) / spread
        if score >= rule.threshold:
            out.append(SpikePoint(i, value, round(baseline, 2), round(score, 2)))
    return out
