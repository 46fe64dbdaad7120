"""Which mentions report the same real-world event: pairwise comparison and clustering.

Pure functions over `MentionView`s (what a stored mention says, plus when its document was
published); `tengri.store.clusters` runs them over the database.

Two mentions are *compatible* when nothing they say conflicts (type and CAMEO family, mode,
status, dates, actors, place, gathering) and at least one thing positively matches (the same
actor or country on one side, the same gathering, shared participants). The events are then
made by `cluster`: mentions in a canonical order (earliest publication first, then content
hash and offsets — never arrival order) each join the event whose every mention they do not
conflict with and whose mentions they match best, else start a new one. A mention only ever
joins mentions it is connected to, so clustering a connected group of mentions alone gives
the same events as clustering the whole store: the result depends on which reports are stored,
not on the order they came in.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tengri.kb.load import load_kb

_GATHERING_STOPWORDS = {"the", "of", "and", "on", "in", "for", "a", "an", "at"}


@dataclass(frozen=True, slots=True)
class MergeRules:
    version: str
    symmetric_cameo: frozenset[str]
    distinct_cameo: frozenset[str]
    place_must_agree: frozenset[str]
    contradictory_status: frozenset[frozenset[str]]
    unknown_date_window: dict[str, tuple[int, int]]
    date_slack_days: int
    same_place_km: float


@functools.cache
def merge_rules() -> MergeRules:
    """The shipped rules (data/merge_rules.yaml), read once."""
    raw = yaml.safe_load(resources.files("tengri.store").joinpath("data/merge_rules.yaml")
                         .read_text(encoding="utf-8"))
    return MergeRules(
        version=raw["version"],
        symmetric_cameo=frozenset(raw["symmetric_cameo"]),
        distinct_cameo=frozenset(raw["distinct_cameo"]),
        place_must_agree=frozenset(raw["place_must_agree"]),
        contradictory_status=frozenset(frozenset(p) for p in raw["contradictory_status"]),
        unknown_date_window={k: (int(v[0]), int(v[1]))
                             for k, v in raw["unknown_date_window"].items()},
        date_slack_days=int(raw["date_slack_days"]),
        same_place_km=float(raw["same_place_km"]),
    )


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an event as merging sees it."""

    id: str | None
    country: str | None
    name: str
    kind: str | None = None

    @property
    def key(self) -> str | None:
        """What identifies it across reports; None for an actor nothing is known of
        ("officials")."""
        return self.id or self.country

    def label(self) -> str:
        return self.id or (f"{self.name} ({self.country})" if self.country else self.name)


@dataclass(frozen=True, slots=True)
class MentionView:
    """What a stored mention says about its event, for merging."""

    id: int
    document_id: int
    type: str
    mode: str | None
    cameo: str
    status: str
    source: Party | None
    target: Party | None
    participants: tuple[Party, ...]
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    window_start: dt.date | None
    window_end: dt.date | None
    location_name: str | None
    location_country: str | None
    location_precision: str
    location_lat: float | None
    location_lon: float | None
    gathering_name: str | None
    published: dt.date | None
    content_hash: str
    sentence_start: int
    trigger_start: int | None
    record_id: str
    pinned: bool = False
    sentence_key: str = ""  # the sentence, normalised: equal in copies of one report
    order: tuple[Any, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # The canonical order: earliest report first, then content (never arrival order).
        object.__setattr__(self, "order", (
            self.published or dt.date.max, self.content_hash, self.sentence_start,
            self.trigger_start if self.trigger_start is not None else -1, self.cameo,
            self.record_id))

    @property
    def parties(self) -> frozenset[str]:
        """Who takes part, by country where known (a president and his state are one side)."""
        return frozenset(p.country or p.id for p in (self.source, self.target,
                                                      *self.participants)
                         if p is not None and (p.country or p.id))

    @property
    def gathering(self) -> bool:
        """A summit, forum or session: many take part, nobody is the other's target. A report
        that names the gathering and only one side ("Tokayev and the other presidents met
        Trump at the summit") tells it from one participant's side; with both sides named
        ("Putin met Tokayev at the summit") it is a meeting on the sidelines."""
        return self.mode == "multilateral" or (
            self.gathering_name is not None and (self.source is None or self.target is None))

    @property
    def actorless(self) -> bool:
        """Nobody resolved takes part ("leaders met"): it can only match by place and day."""
        return not self.parties

    @property
    def dated(self) -> bool:
        return self.date_precision != "unknown" and self.date_start is not None

    @property
    def city(self) -> bool:
        return self.location_name is not None and self.location_precision in {"city", "point"}


def gathering_key(name: str) -> str:
    words = [w for w in name.casefold().replace("-", " ").split() if w not in _GATHERING_STOPWORDS]
    return " ".join(words)


def date_window(start: dt.date | None, end: dt.date | None, precision: str, status: str,
                published: dt.date | None, rules: MergeRules | None = None,
                ) -> tuple[dt.date | None, dt.date | None]:
    """The days the event can have happened on: its dates (a day's with slack), else (no
    date) the rules' window around the publication date; None ends are open."""
    rules = rules or merge_rules()
    if precision != "unknown" and start is not None and end is not None:
        slack = dt.timedelta(days=rules.date_slack_days if precision == "day" else 0)
        return start - slack, end + slack
    if published is None:
        return None, None
    before, after = rules.unknown_date_window.get(status, (-30, 90))
    return published + dt.timedelta(days=before), published + dt.timedelta(days=after)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Whether two mentions can report the same event, and why (or why not)."""

    compatible: bool
    positive: bool  # something matched positively (same actor, gathering, participants)
    score: float
    reasons: tuple[str, ...]
    conflict: str | None = None

    @property
    def linked(self) -> bool:
        return self.compatible and self.positive


def _conflict(why: str) -> Comparison:
    return Comparison(False, False, -math.inf, (), why)


def _parents(code: str) -> set[str]:
    parents = {code[:2] + "0"}
    if len(code) == 4:
        parents.add(code[:3])
    return parents - {code}


def _cameo_fit(a: MentionView, b: MentionView, rules: MergeRules,
               ) -> tuple[str | None, str | None]:
    """(reason, conflict) for the two CAMEO codes: the same family, and a code kept for its
    own record (a visit, a phone call) only with itself."""
    x, y = a.cameo, b.cameo
    if x == y:
        return f"same CAMEO code {x}", None
    if x[:2] != y[:2]:
        return None, f"CAMEO {x} and {y} are different kinds of event"
    gatherings = (a.gathering or a.actorless) and (b.gathering or b.actorless)
    if not gatherings and (x in rules.distinct_cameo or y in rules.distinct_cameo):
        return None, f"CAMEO {x} and {y} are different records"
    if x in _parents(y) or y in _parents(x):
        general, specific = (x, y) if x in _parents(y) else (y, x)
        return f"CAMEO {general} is the general code of {specific}", None
    return f"CAMEO {x} and {y} are of one family", None


def _side(a: Party | None, b: Party | None) -> tuple[str, float, str | None]:
    """(how they match: same/country/unknown/conflict, score, reason) for one side."""
    if a is None or b is None or a.key is None or b.key is None:
        return "unknown", 0.0, None
    if a.id and a.id == b.id:
        return "same", 2.0, f"same actor {a.id}"
    if a.country and a.country == b.country:
        return "country", 1.0, f"same country {a.country} ({a.label()} / {b.label()})"
    return "conflict", -math.inf, f"{a.label()} / {b.label()}"


_LEADING_ROLES = frozenset({"head_of_state", "head_of_government"})


_KB_PATHS: tuple[Path, ...] = ()


def use_kb(paths: Sequence[Path | str]) -> None:
    """Let merging read the knowledge base the run codes with (the shipped one plus the user's
    `--kb` files), so a leader the user added is one side with their state here too."""
    global _KB_PATHS
    wanted = tuple(Path(p) for p in paths)
    if wanted != _KB_PATHS:
        _KB_PATHS = wanted
        _leaders.cache_clear()


@functools.lru_cache(maxsize=4096)
def _leaders(state: str, on: dt.date) -> frozenset[str]:
    """Who led `state` on a day: its head of state and of government, by the run's KB."""
    kb = load_kb(_KB_PATHS)
    terms = (kb.holder(o.id, on) for o in kb.offices_of(state)
             if o.leader or _LEADING_ROLES & set(o.roles))
    return frozenset(t.person for t in terms if t is not None)


def aimed_at_itself(m: MentionView) -> str | None:
    """Why the mention's target is its own source by another name, if it is: a state and the
    person who leads it that day are one actor, so "the United States sanctioned Donald
    Trump" names no other side (a slip of the coder, not a target)."""
    day = m.date_start if m.dated else m.published
    if m.source is None or m.target is None or day is None:
        return None
    for state, person in ((m.source, m.target), (m.target, m.source)):
        if (state.kind == "state" and state.id and person.kind == "person" and person.id
                and person.country == state.id and person.id in _leaders(state.id, day)):
            return f"{person.id} led {state.id} on {day}"
    return None


def _directed(a: MentionView, b: MentionView,
              ) -> tuple[bool, bool, float, list[str], str | None]:
    """(fits, positive, score, reasons, conflict): source with source, target with target; a
    target that is the source itself (a state and its leader) counts as no target."""
    notes, targets = [], []
    for m in (a, b):
        itself = aimed_at_itself(m)
        targets.append(None if itself else m.target)
        if itself:
            notes.append(f"mention {m.id} names no other side ({itself}): read as no target")
    source = _side(a.source, b.source)
    target = _side(targets[0], targets[1])
    for name, result in (("source", source), ("target", target)):
        if result[0] == "conflict":
            return False, False, -math.inf, [], f"different {name}s: {result[2]}"
    positive = source[0] in {"same", "country"} or target[0] in {"same", "country"}
    reasons = [f"{name}: {r[2]}" for name, r in (("source", source), ("target", target)) if r[2]]
    reasons += notes
    return True, positive, source[1] + target[1], reasons, None


def _symmetric(a: MentionView, b: MentionView,
               ) -> tuple[bool, bool, float, list[str], str | None]:
    """The same for events with no direction (met, signed): the sets of parties, in any
    order; two pairs must be the same pair, a group must hold the other's parties."""
    x, y = a.parties, b.parties
    if not x or not y:
        return True, False, 0.0, [], None
    shared = sorted(x & y)
    ids = sorted({p.id for p in (a.source, a.target, *a.participants) if p and p.id}
                 & {p.id for p in (b.source, b.target, *b.participants) if p and p.id})
    if len(shared) < min(len(x), len(y), 2):
        return False, False, -math.inf, [], \
            f"different parties: {', '.join(sorted(x))} / {', '.join(sorted(y))}"
    reasons = [f"same parties {', '.join(shared)}"]
    if ids:
        reasons.append(f"same actors {', '.join(ids)}")
    return True, True, min(2.0, float(len(shared))) + (1.0 if ids else 0.0), reasons, None


def _km(a: MentionView, b: MentionView) -> float | None:
    if None in (a.location_lat, a.location_lon, b.location_lat, b.location_lon):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.location_lat, a.location_lon,  # type: ignore[arg-type]
                                                b.location_lat, b.location_lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _places(a: MentionView, b: MentionView, rules: MergeRules,
            ) -> tuple[float, str | None, str | None]:
    """(score, reason, conflict) for the two places."""
    if a.location_precision == "unknown" or b.location_precision == "unknown":
        return 0.0, None, None
    strict = a.type in rules.place_must_agree
    fine = {"city", "point", "admin"}
    near = _km(a, b)
    same_name = bool(a.location_name and a.location_name == b.location_name)
    if a.location_precision in fine and b.location_precision in fine:
        if same_name or (near is not None and near <= rules.same_place_km):
            return 1.0, f"same place {a.location_name}", None
        where = f"{a.location_name} / {b.location_name}"
        if strict:
            return 0.0, None, f"different places: {where}"
        if a.location_country and a.location_country == b.location_country:
            return 0.0, f"places in the same country ({where})", None
        return -1.0, f"places differ ({where}); not decisive for {a.type}", None
    if a.location_country and b.location_country and a.location_country != b.location_country:
        where = f"{a.location_name} / {b.location_name}"
        if strict:
            return 0.0, None, f"different countries: {where}"
        return -1.0, f"places differ ({where}); not decisive for {a.type}", None
    if a.location_country and a.location_country == b.location_country:
        return 0.5, f"same country of place {a.location_country}", None
    return 0.0, None, None


def _dates(a: MentionView, b: MentionView) -> tuple[float, str | None, str | None]:
    starts = [w for w in (a.window_start, b.window_start) if w is not None]
    ends = [w for w in (a.window_end, b.window_end) if w is not None]
    if starts and ends and max(starts) > min(ends):
        return 0.0, None, f"dates do not overlap ({_date_text(a)} / {_date_text(b)})"
    if a.dated and b.dated:
        if a.date_precision == b.date_precision == "day":
            return 2.0, f"dates overlap ({_date_text(a)} / {_date_text(b)})", None
        return 1.0, f"dates overlap ({_date_text(a)} / {_date_text(b)})", None
    if not a.dated and not b.dated:
        return 0.0, "neither report gives a date; published close together", None
    return 0.0, "one report gives no date; published within the other's dates", None


def _date_text(m: MentionView) -> str:
    if not m.dated:
        return "no date"
    if m.date_start == m.date_end:
        return f"{m.date_start}"
    return f"{m.date_start}..{m.date_end}"


def _same_day(a: MentionView, b: MentionView) -> bool:
    """Both dated to the day, and the days overlap (no slack)."""
    if not (a.dated and b.dated and a.date_precision == b.date_precision == "day"):
        return False
    return a.date_start <= b.date_end and b.date_start <= a.date_end  # type: ignore[operator]


def _names_fit(x: set[str], y: set[str]) -> bool:
    return x <= y or y <= x or len(x & y) >= max(2, min(len(x), len(y)) - 1)


def _gathering_names(a: MentionView, b: MentionView) -> tuple[bool, bool, str]:
    """(fits, same, reason) for two gatherings' names. A name made of the place and a word
    for the kind of meeting ("the Washington summit") says only where it was held: it is the
    other's gathering when both are in that city, and does not contradict one whose report
    gives no place; a gathering placed elsewhere stays another gathering."""
    names = f"{a.gathering_name} / {b.gathering_name}"
    ka = set(gathering_key(a.gathering_name or "").split())
    kb = set(gathering_key(b.gathering_name or "").split())
    if _names_fit(ka, kb):
        return True, True, f"same gathering ({names})"
    for x, kx, y, ky in ((a, ka, b, kb), (b, kb, a, ka)):
        place = set(gathering_key(x.location_name or "").split()) if x.city else set()
        kind = kx - place
        if not place or not kind or kind == kx or not kind <= ky:
            continue
        if y.city and y.location_name == x.location_name:
            return True, True, f"same gathering ({names}), named by its place {x.location_name}"
        if y.location_precision == "unknown":
            return True, False, (f"gatherings may be one ({names}): {x.gathering_name} is named "
                                 f"by its place {x.location_name}, the other report gives none")
    return False, False, ""


def _gatherings(a: MentionView, b: MentionView) -> tuple[float, list[str], str | None, bool]:
    """(score, reasons, conflict, positive) for two gatherings (or actorless mentions)."""
    score, reasons, positive = 0.0, [], False
    if a.gathering_name and b.gathering_name:
        fits, same, reason = _gathering_names(a, b)
        if not fits:
            return 0.0, [], f"different gatherings: {a.gathering_name} / {b.gathering_name}", \
                False
        if same:
            score += 3.0
            positive = True
        reasons.append(reason)
    shared = sorted({p.key for p in a.participants if p.key}
                    & {p.key for p in b.participants if p.key})
    if shared:
        score += min(2.0, 0.5 * len(shared))
        reasons.append(f"shared participants {', '.join(shared)}")
        positive = positive or len(shared) >= 2
    if a.city and b.city and a.location_name == b.location_name and _same_day(a, b):
        score += 1.0
        positive = True
        reasons.append(f"same city and day ({a.location_name}, {a.date_start})")
    return score, reasons, None, positive


def _actors(a: MentionView, b: MentionView, rules: MergeRules,
            ) -> tuple[bool, bool, float, list[str], str | None]:
    """(fits, positive, score, reasons, conflict) for who takes part."""
    if a.gathering or b.gathering:
        if not ((a.gathering or a.actorless) and (b.gathering or b.actorless)):
            return False, False, -math.inf, [], "a gathering and an event between two sides"
        score, reasons, conflict, positive = _gatherings(a, b)
        return conflict is None, positive, score, reasons, conflict
    if a.actorless and b.actorless:
        score, reasons, conflict, positive = _gatherings(a, b)
        return conflict is None, positive, score, reasons, conflict
    if a.cameo in rules.symmetric_cameo and b.cameo in rules.symmetric_cameo:
        return _symmetric(a, b)
    return _directed(a, b)


def compare(a: MentionView, b: MentionView, rules: MergeRules | None = None) -> Comparison:
    """Can `a` and `b` be reports of the same event? With the reasons either way."""
    rules = rules or merge_rules()
    copies = bool(a.sentence_key) and a.sentence_key == b.sentence_key
    if a.document_id == b.document_id and not copies:
        return _conflict("same document (extraction already merged its repeated mentions)")
    if a.type != b.type:
        return _conflict(f"different types {a.type} / {b.type}")
    cameo_reason, conflict = _cameo_fit(a, b, rules)
    if conflict:
        return _conflict(conflict)
    if a.mode and b.mode and a.mode != b.mode:
        return _conflict(f"different modes {a.mode} / {b.mode}")
    if frozenset((a.status, b.status)) in rules.contradictory_status:
        return _conflict(f"statuses contradict ({a.status} / {b.status})")
    date_score, date_reason, conflict = _dates(a, b)
    if conflict:
        return _conflict(conflict)
    place_score, place_reason, conflict = _places(a, b, rules)
    if conflict:
        return _conflict(conflict)
    fits, positive, actor_score, actor_reasons, conflict = _actors(a, b, rules)
    if not fits:
        return _conflict(conflict or "actors differ")
    reasons = [f"same type {a.type}", cameo_reason or "", *actor_reasons]
    if copies and a.document_id == b.document_id:
        reasons.append("the same sentence, coded twice")
    elif copies:
        reasons.append("the same sentence (copies of one report)")
    reasons += [r for r in (date_reason, place_reason) if r]
    if a.status == b.status:
        reasons.append(f"same status {a.status}")
    else:
        reasons.append(f"statuses fit ({a.status} / {b.status})")
    score = actor_score + date_score + place_score + (1.0 if a.cameo == b.cameo else 0.0) \
        + (3.0 if copies else 0.0)
    return Comparison(True, positive or copies, score, tuple(r for r in reasons if r))


@dataclass(frozen=True, slots=True)
class Placement:
    """Where clustering put one mention, and why."""

    mention: MentionView
    seed: bool  # the first (earliest) report of its event
    matched: MentionView | None  # the mention in its event it matched best
    comparison: Comparison | None
    others: int  # mentions of the event it was checked against for conflicts


Comparer = Callable[[MentionView, MentionView], Comparison]


def cluster(mentions: Iterable[MentionView], comparer: Comparer | None = None,
            ) -> list[list[Placement]]:
    """Group mentions into events (see the module's docstring); deterministic in the set."""
    compare_pair = comparer or (lambda x, y: compare(x, y))
    events: list[list[Placement]] = []
    for mention in sorted(mentions, key=lambda m: m.order):
        best: tuple[float, int, Placement] | None = None
        for index, placed in enumerate(events):
            results = [(compare_pair(mention, p.mention), p.mention) for p in placed]
            if not all(c.compatible for c, _ in results):
                continue
            linked = [(c, m) for c, m in results if c.linked]
            if not linked:
                continue
            mean = sum(c.score for c, _ in results) / len(results)
            # the best match; among equal scores the earliest report
            top, matched = min(linked, key=lambda pair: (-pair[0].score, pair[1].order))
            if best is None or mean > best[0]:  # ties: the event started first
                best = (mean, index, Placement(mention, False, matched, top, len(results)))
        if best is None:
            events.append([Placement(mention, True, None, None, 0)])
        else:
            events[best[1]].append(best[2])
    return events


def explain(placement: Placement) -> tuple[str, ...]:
    """The reasons a mention is in its event, as lines for `tengri events show`."""
    if placement.seed or placement.comparison is None or placement.matched is None:
        return ("first report of this event",)
    reasons = [f"matches mention {placement.matched.id}: "
               + "; ".join(placement.comparison.reasons)]
    if placement.others > 1:
        reasons.append(f"no conflict with the event's other {placement.others - 1} mention(s)")
    return tuple(reasons)


def components(mentions: Sequence[MentionView], comparer: Comparer,
               neighbours: Callable[[Sequence[MentionView]], dict[int, list[MentionView]]],
               limit: int | None = None) -> list[list[MentionView]]:
    """Groups of mentions connected by linked pairs, found from `mentions` outwards, a ring
    at a time, through `neighbours` (the candidates the database finds for each mention of a
    ring). Past `limit` mentions the search stops widening."""
    seen: dict[int, MentionView] = {}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    frontier = []
    for m in mentions:
        if m.id not in seen:
            seen[m.id] = m
            parent[m.id] = m.id
            frontier.append(m)
    while frontier:
        found = neighbours(frontier)
        ring: list[MentionView] = []
        for current in frontier:
            for other in found.get(current.id, ()):
                if other.id == current.id or not comparer(current, other).linked:
                    continue
                if other.id not in seen:
                    if limit is not None and len(seen) >= limit:
                        continue
                    seen[other.id] = other
                    parent[other.id] = other.id
                    ring.append(other)
                a, b = find(current.id), find(other.id)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        frontier = ring
    groups: dict[int, list[MentionView]] = {}
    for mention_id, mention in seen.items():
        groups.setdefault(find(mention_id), []).append(mention)
    return [sorted(g, key=lambda m: m.order) for g in groups.values()]
