"""Scoring the attributes of a matched pair of events: actors, dates, status, CAMEO code.

Every scorer returns True (right), False (wrong) or None (gold does not code it here, so it is
not scored). Rules:
- source / target, by country and by exact KB id: the predicted actor's country (id) is one of
  the gold role's; a role gold leaves empty is not scored. Symmetric events (see `matching`)
  take the better of the two orientations, decided once for countries and ids together.
- participants: the countries (ids) of gold participants against those of every predicted
  participant, source and target; counted as found / missed / extra.
- date exact: the predicted first and last day are the gold ones. Date within precision: the
  predicted range lies inside the gold range ("in October" is met by 14 October, not by the
  whole year); a gold date of null, or one without a start, is not scored.
- status: equal; CAMEO code: equal, where gold has one.
"""

from __future__ import annotations

from tengri.evaluate.gold import GoldActor, GoldEvent
from tengri.evaluate.matching import is_symmetric
from tengri.evaluate.predicted import PredictedActor, PredictedEvent
from tengri.evaluate.scores import Tally


def _role(gold: tuple[GoldActor, ...], predicted: PredictedActor | None,
          field: str) -> bool | None:
    wanted = {value for actor in gold if (value := getattr(actor, field))}
    if not wanted:
        return None
    return predicted is not None and getattr(predicted, field) in wanted


def _roles(gold: GoldEvent, source: PredictedActor | None,
           target: PredictedActor | None) -> dict[str, bool | None]:
    return {f"{role}_{field}": _role(getattr(gold, role), actor, field)
            for role, actor in (("source", source), ("target", target))
            for field in ("country", "id")}


def actor_scores(gold: GoldEvent, predicted: PredictedEvent) -> dict[str, bool | None]:
    """source_country, target_country, source_id, target_id (orientation-free if symmetric)."""
    straight = _roles(gold, predicted.source, predicted.target)
    if not is_symmetric(gold):
        return straight
    swapped = _roles(gold, predicted.target, predicted.source)
    if sum(map(bool, swapped.values())) > sum(map(bool, straight.values())):
        return swapped
    return straight


def participant_tallies(gold: GoldEvent, predicted: PredictedEvent) -> dict[str, Tally]:
    """participants_country and participants_id: gold participants found, missed and extra."""
    if not gold.participants:
        return {}
    every = [*predicted.participants, predicted.source, predicted.target]
    tallies = {}
    for field in ("country", "id"):
        wanted = {v for a in gold.participants if (v := getattr(a, field))}
        if not wanted:
            continue
        found = {v for a in every if a is not None and (v := getattr(a, field))}
        tallies[f"participants_{field}"] = Tally(len(wanted & found), len(found - wanted),
                                                 len(wanted - found))
    return tallies


def date_scores(gold: GoldEvent, predicted: PredictedEvent) -> dict[str, bool | None]:
    """date_exact and date_within (the predicted range inside the gold one)."""
    date = gold.date
    if date is None or date.start is None:
        return {"date_exact": None, "date_within": None}
    end = date.end or date.start
    start_p, end_p = predicted.date_start, predicted.date_end
    if start_p is None or end_p is None:
        return {"date_exact": False, "date_within": False}
    return {"date_exact": start_p == date.start and end_p == end,
            "date_within": date.start <= start_p and end_p <= end}


def status_score(gold: GoldEvent, predicted: PredictedEvent) -> bool | None:
    return None if gold.status is None else gold.status == predicted.status


def cameo_score(gold: GoldEvent, predicted: PredictedEvent) -> bool | None:
    return None if not gold.cameo else gold.cameo == predicted.cameo
