"""One real event, one record: repeated mentions inside a document become mentions of one event.

A nominal trigger that refers back ("this visit", "the forum", "The Regional Cooperation Forum")
joins the latest compatible event and may complete it (the forum's place, dates and theme are
often told in the next sentence). A trigger that tells the same event again with the same type,
compatible actors and overlapping dates joins it too. Visits get their other side: the host's
record (CAMEO 043) for every 042, and the other way round.
"""

from __future__ import annotations

from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate
from tengri.extract.dating import status_by_date
from tengri.extract.embedding import fold_embedded
from tengri.extract.records import event_of
from tengri.kb import Mention
from tengri.model import DatePrecision, EventStatus, Gathering, LocationPrecision

_STRICT = {EventStatus.NEGATED, EventStatus.HYPOTHETICAL}


def _same_actor(a: Mention | None, b: Mention | None) -> bool:
    if a is None or b is None:
        return True
    if a.entity and a.entity == b.entity:
        return True
    if a.country and a.country == b.country and "state" in {a.kind, b.kind}:
        return True
    if (
        a.country
        and a.country == b.country
        and "institution" in {a.kind, b.kind}
        and {a.kind, b.kind} <= {"institution", "person", "office"}
        and "GOV" in {a.sector, b.sector}
    ):
        return True  # "a Kremlin leader" and Putin
    return (
        a.country is not None
        and a.country == b.country
        and a.kind == b.kind == "person"
        and (a.entity is None or b.entity is None)
    )


def _actor_set(candidate: Candidate) -> set[str]:
    return {
        m.entity or m.country or m.text
        for m in (candidate.source, candidate.target, *candidate.participants)
        if m is not None
    }


def _dates_overlap(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None:
        return True
    if DatePrecision.UNKNOWN in {a.date.precision, b.date.precision}:
        return True
    return a.date.overlaps(b.date)


def _statuses_fit(a: Candidate, b: Candidate) -> bool:
    if a.status in _STRICT or b.status in _STRICT:
        return a.status == b.status
    return True


def _gatherings_fit(a: Candidate, b: Candidate) -> bool:
    if a.gathering is None or b.gathering is None:
        return a.gathering is None and b.gathering is None
    name_a, name_b = (a.gathering.name or "").lower(), (b.gathering.name or "").lower()
    if name_a and name_b:
        words_a, words_b = set(name_a.split()), set(name_b.split())
        return words_a <= words_b or words_b <= words_a
    # a session belongs to the gathering it is part of ("the plenary session" of the forum)
    return a.gathering.kind == b.gathering.kind or "session" in {a.gathering.kind, b.gathering.kind}


def _is_gathering(candidate: Candidate) -> bool:
    return candidate.gathering is not None and candidate.mode == "multilateral"


def _same_event(lead: Candidate, other: Candidate) -> bool:
    if lead.type != other.type:
        return False
    if lead.cameo != other.cameo and not (_is_gathering(lead) and _is_gathering(other)):
        return False  # a gathering is one event whether or not a report names its host (043)
    if _is_gathering(lead) or _is_gathering(other):
        return (
            _is_gathering(lead)
            and _is_gathering(other)
            and _gatherings_fit(lead, other)
            and _dates_overlap(lead, other)
        )
    same_roles = _same_actor(lead.source, other.source) and _same_actor(lead.target, other.target)
    same_participants = bool(lead.participants and other.participants) and _actor_set(
        lead
    ) == _actor_set(other)
    if not (same_roles or same_participants):
        return False
    return _dates_overlap(lead, other) and _statuses_fit(lead, other)


def _antecedent(kept: list[Candidate], anaphor: Candidate, lede: int) -> int | None:
    """The event a "the visit" refers to: the story's own event (told in the lede) before any
    background event of the same kind, else the latest one."""
    fitting = [
        index
        for index, lead in enumerate(kept)
        if lead.type == anaphor.type
        and lead.mode == anaphor.mode
        and (lead.gathering is None) == (anaphor.gathering is None)
        and (anaphor.gathering is None or _gatherings_fit(lead, anaphor))
        and _same_actor(lead.source, anaphor.source)
        and _same_actor(lead.target, anaphor.target)
    ]
    if not fitting:
        return None
    in_lede = [i for i in fitting if kept[i].trigger.sentence <= lede]
    return in_lede[0] if in_lede else fitting[-1]


def _absorb(lead: Candidate, other: Candidate) -> Candidate:
    """The lead event with the other's trigger as a mention and its missing details filled in."""
    changes: dict[str, object] = {"mentions": (*lead.mentions, other.trigger)}
    if (
        (lead.date is None or lead.date.precision == DatePrecision.UNKNOWN)
        and other.date
        and other.date.precision != DatePrecision.UNKNOWN
    ):
        changes["date"] = other.date
    if (
        other.location is not None
        and other.location.precision not in {LocationPrecision.UNKNOWN}
        and (
            lead.location is None
            or (
                lead.location.precision == LocationPrecision.COUNTRY
                and other.location.precision in {LocationPrecision.CITY, LocationPrecision.POINT}
            )
        )
    ):
        changes["location"] = other.location
    if lead.quantity is None and other.quantity is not None:
        changes["quantity"] = other.quantity
    if lead.gathering is not None and other.gathering is not None:
        if lead.source is None and other.source is not None:
            changes["source"], changes["cameo"] = other.source, other.cameo  # its host
        changes["gathering"] = Gathering(
            lead.gathering.kind,
            lead.gathering.name or other.gathering.name,
            lead.gathering.ordinal or other.gathering.ordinal,
            lead.gathering.theme or other.gathering.theme,
            lead.gathering.remote or other.gathering.remote,
        )
    if other.participants:
        known = {m.entity or m.country for m in lead.participants}
        extra = tuple(m for m in other.participants if (m.entity or m.country) not in known)
        changes["participants"] = (*lead.participants, *extra)
    return replace(lead, **changes)  # type: ignore[arg-type]


def _has_actors(candidate: Candidate) -> bool:
    return candidate.source is not None or bool(candidate.participants)


def merge_candidates(candidates: list[Candidate], lede: int = 1) -> list[Candidate]:
    """Merge repeated mentions; `lede` is the index of the last sentence of the lede."""
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.trigger.anaphoric:
            index = _antecedent(kept, candidate, lede)
            if index is not None:
                kept[index] = _absorb(kept[index], candidate)
                continue
            named = candidate.gathering is not None and candidate.gathering.name
            if not (named or (candidate.gathering is None and _has_actors(candidate))):
                continue
        for index, lead in enumerate(kept):
            if _same_event(lead, candidate):
                kept[index] = _absorb(lead, candidate)
                break
        else:
            kept.append(candidate)
    return kept


def _counterpart(candidate: Candidate) -> Candidate | None:
    """The host's record of a visit (042 -> 043) or the visitor's of a hosting (043 -> 042)."""
    if candidate.type != "CONSULT" or candidate.cameo not in {"042", "043"}:
        return None
    if candidate.source is None or candidate.target is None:
        return None
    cameo = "043" if candidate.cameo == "042" else "042"
    return replace(
        candidate, cameo=cameo, source=candidate.target, target=candidate.source, mentions=()
    )


def merge_events(analysis: Analysis) -> dict[str, object]:
    """Merge repeated mentions, add the other side of visits, and publish the events."""
    lede = max((s.index for s in analysis.sentences if s.paragraph == 0), default=0)
    candidates = fold_embedded(analysis, list(analysis.candidates))
    merged = [status_by_date(c, analysis.published) for c in merge_candidates(candidates, lede)]
    with_sides = list(merged)
    for candidate in merged:
        other = _counterpart(candidate)
        if other is not None and not any(_same_event(k, other) for k in with_sides):
            with_sides.append(other)
    with_sides.sort(key=lambda c: (c.trigger.start, c.cameo))
    return {"events": tuple(event_of(analysis, c) for c in with_sides)}
