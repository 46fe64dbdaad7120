"""Who did what to whom: turning each trigger into candidate events with a source, a target and
participants.

A lexicon entry lists the slots to try for each role, in order (`extract.slots` reads them);
this module picks the roles from what the slots hold, splits a visit to coordinated hosts into
one visit each, applies the entry's constraints (a political actor, a target it needs) and
drops triggers that are words of a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from tengri.extract.analysis import Analysis, Candidate, Trigger
from tengri.extract.lexicon import Entry, entries_by_id
from tengri.extract.slots import (
    _ACTOR_KINDS,
    _THAT_CLAUSE_TYPES,
    _passive,
    _political,
    _Slots,
    first_filled,
)
from tengri.kb import Mention


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.entity or mention.country or mention.text, mention)
    return list(seen.values())


_AT_INVITATION = re.compile(r"\b(?:at|upon|on)\s+the\s+$", re.IGNORECASE)


def at_invitation(analysis: Analysis, trigger: Trigger) -> bool:
    """ "At the invitation of X, Y visited …": background to another event, not news itself."""
    return trigger.entry == "invite" and bool(
        _AT_INVITATION.search(analysis.text[max(0, trigger.start - 12) : trigger.start])
    )


def _invitee(analysis: Analysis, slots: _Slots, source: Mention) -> Mention | None:
    """Who "at the invitation of X" invited: the subject of the clause that follows."""
    if not at_invitation(analysis, slots.trigger):
        return None
    for mention in slots.mentions:
        if mention.start > source.end and re.match(
            r"^\s*,\s*$", analysis.text[source.end : mention.start]
        ):
            return mention
        if (
            mention.start > source.end
            and analysis.text[source.end : mention.start].strip(" ,") == ""
        ):
            return mention
    return None


def _crowd(analysis: Analysis, trigger: Trigger) -> Mention | None:
    """Unnamed protesters: a group of the country where the sentence places them."""
    sentence = analysis.sentences[trigger.sentence]
    for mention in analysis.mentions_in(sentence):
        if mention.kind == "place" and mention.country:
            return Mention(
                trigger.start,
                trigger.start,
                "protesters",
                "group",
                None,
                mention.country,
                None,
                "CVL",
                f"unnamed crowd in {mention.text} ({mention.country})",
            )
        if mention.kind == "group" and mention.country:
            return mention
    return None


def roles_for(analysis: Analysis, entry: Entry, trigger: Trigger) -> list[Candidate]:
    """The candidate events a trigger reports (one per dyad), none when it has no valid
    actors."""
    slots = _Slots(analysis, trigger, list(analysis.mentions))
    source_names, target_names = entry.source, entry.target
    if _passive(analysis, trigger) and "by" not in source_names:
        source_names, target_names = ("by", *source_names[1:]), ("subject", *target_names)
    elif _passive(analysis, trigger):
        source_names, target_names = ("by",), ("subject", *target_names)
    sources, _ = first_filled(slots, source_names)
    if not sources:  # only when the noun has no actor of its own ("protests by X")
        sources = slots.framing_subject()
    targets, target_slot = first_filled(slots, target_names)
    if not targets and entry.type in _THAT_CLAUSE_TYPES:
        targets, target_slot = slots.that_subject(), "that"
    found = (
        _candidate(analysis, slots, entry, s, t)
        for s, t in dyads(entry, sources, targets, target_slot)
    )
    return [c for c in found if c is not None]


def _candidate(
    analysis: Analysis,
    slots: _Slots,
    entry: Entry,
    sources: list[Mention],
    targets: list[Mention],
) -> Candidate | None:
    trigger = slots.trigger
    source, target, participants = pick_roles(entry, sources, targets)
    if entry.id == "invite" and target is None and source is not None:
        target = _invitee(analysis, slots, source)
    target = not_own_state(source, target)
    if (
        source is None
        and target is not None
        and _passive(analysis, trigger)
        and entry.type in {"ASSAULT", "COERCE", "SANCTION"}
    ):
        pass  # "was killed in Tehran": a victim with no named attacker is still an event
    elif source is None and entry.actors == "any" and not trigger.anaphoric:
        source = _crowd(analysis, trigger)
    if not trigger.anaphoric and entry.gathering is None:
        if source is None and not (target is not None and _passive(analysis, trigger)):
            return None
        if source is not None and entry.actors == "political" and not _political(source):
            return None
        if entry.needs_target and target is None:
            return None
    return candidate_of(entry, trigger, source, target, participants)


# A trigger with more counterparts than this ("hosted Macron, Merz, Starmer, Meloni and Rutte")
# reports one meeting with a group, not a bilateral act with each.
_MOST_DYADS = 3


def dyads(
    entry: Entry, sources: list[Mention], targets: list[Mention], target_slot: str | None
) -> list[tuple[list[Mention], list[Mention]]]:
    """The source and target lists of each event a trigger reports.

    A visit to coordinated hosts is one visit to each: "her visit to Uzbekistan and
    Kazakhstan" is two trips, with their own places and dates, and two hostings. Other acts on
    coordinated recipients stay one event with all sides in it, as PLOVER codes compound
    actors (manual §2.3): "called on Russia and Ukraine to ..." is one appeal. A pair named by
    "between" is one relation, never split.
    """
    if entry.mode != "visit" or entry.gathering is not None or target_slot == "between":
        return [(sources, targets)]
    if len(sources) == 1 and 1 < len(targets) <= _MOST_DYADS:
        others = [t for t in targets if not_own_state(sources[0], t) is not None]
        return [(sources, [t]) for t in others] or [(sources, targets)]
    return [(sources, targets)]


def pick_roles(
    entry: Entry, sources: list[Mention], targets: list[Mention]
) -> tuple[Mention | None, Mention | None, list[Mention]]:
    """Source, target and (for a symmetric entry) participants from the filled slots; a
    second source is the target when no target slot is filled ("Putin and Tokayev met")."""
    targets = [t for t in targets if t not in sources]
    participants: list[Mention] = []
    if entry.symmetric and (len(sources) > 1 or len(targets) > 1):
        participants = _dedupe([*sources, *targets])
    elif entry.symmetric and sources and targets:
        participants = _dedupe([sources[0], targets[0]])
    source = sources[0] if sources else None
    target = targets[0] if targets else (sources[1] if len(sources) > 1 else None)
    return source, target, participants


def not_own_state(source: Mention | None, target: Mention | None) -> Mention | None:
    """The target, unless it is the source itself or the source's own state."""
    if (
        target is not None
        and source is not None
        and target.country == source.country
        and (target.entity == source.entity or target.kind == "state")
    ):
        return None  # an actor does not visit or meet its own state
    return target


def candidate_of(
    entry: Entry,
    trigger: Trigger,
    source: Mention | None,
    target: Mention | None,
    participants: list[Mention],
) -> Candidate:
    """The candidate event an entry's trigger reports, with the roles found for it."""
    return Candidate(
        trigger=trigger,
        type=entry.type,
        mode=entry.mode,
        cameo=entry.cameo,
        source=source,
        target=target,
        participants=tuple(participants),
        contexts=entry.contexts,
    )


RolesFor = Callable[[Analysis, Entry, Trigger], list[Candidate]]


def candidates_with_roles(
    analysis: Analysis, entries: Mapping[str, Entry], roles_for: RolesFor
) -> dict[str, object]:
    """Every trigger turned into a candidate event by the language's `roles_for`."""
    candidates = []
    names = [(m.start, m.end) for m in analysis.mentions if m.kind in _ACTOR_KINDS and m.entity]
    for trigger in analysis.triggers:
        entry = entries[trigger.entry]
        inside = any(a <= trigger.start and trigger.end <= b for a, b in names)
        if inside and entry.gathering is None:
            continue  # a word of a name is no act ("Amnesty" in "Amnesty International")
        candidates.extend(roles_for(analysis, entry, trigger))
    return {"candidates": tuple(candidates)}


def assign_roles(analysis: Analysis) -> dict[str, object]:
    """Turn every trigger into a candidate event with its source, target and participants."""
    return candidates_with_roles(analysis, entries_by_id(), roles_for)


def with_roles(candidate: Candidate, **changes: object) -> Candidate:
    return replace(candidate, **changes)  # type: ignore[arg-type]
