"""The candidate search of merging (blocking): the keys a mention is filed under and the keys
it looks up, so that a new report is compared only with reports it could link to by
`merging.compare`, not with every report of a country in the same year.

One rule holds in every key space: when two mentions can link, each is filed under a key the
other looks up. So the search finds the same pairs from either side (merging stays independent
of arrival order), and since every key is made of the actors, gathering, place or sentence the
old one-key-per-actor search used, it finds no pair that search did not.

Which keys, by what `compare` lets link:

- Reports naming a source and a target (after dropping a target that is the source's own
  leader, which `compare` reads as no target) match only side by side, both sides: they are
  filed and look up under the ordered pair (`d:` source>target); a side matches by actor id or
  by country, so there is a pair for each. Each side alone is filed too (`ds:`, `dt:`) for the
  reports that name only that side, which are filed under `os:`/`ot:`; the two-sided look
  those up, and the one-sided look up both.
- Undirected codes (met, signed: `symmetric_cameo`) compare the sets of parties in any order:
  two sets of two or more must share two parties (`u:`, every pair of the set), a lone party
  finds the sets that hold it (`ua:`, `uo:`).
- Gatherings (summits, multilateral meetings) link only to gatherings and to reports naming
  nobody: among themselves they keep one key per actor (`ga:`), as few reports are gatherings.
- Any report: its gathering's name (`g:`); a gathering's or an actorless report's city (`p:`);
  its sentence (`s:`), which copies of one report share.
"""

from __future__ import annotations

from itertools import combinations

from tengri.store.merging import MentionView, Party, aimed_at_itself, gathering_key, merge_rules


def _ids(party: Party | None) -> list[str]:
    """What a side matches on: its actor id or its country (`merging._side`)."""
    if party is None:
        return []
    return sorted({k for k in (party.id, party.country) if k})


def _directed(m: MentionView) -> tuple[set[str], set[str]]:
    source = _ids(m.source)
    target = [] if aimed_at_itself(m) else _ids(m.target)
    if source and target:
        pairs = {f"d:{s}>{t}" for s in source for t in target}
        return (pairs | {f"ds:{s}" for s in source} | {f"dt:{t}" for t in target},
                pairs | {f"os:{s}" for s in source} | {f"ot:{t}" for t in target})
    one = {f"os:{s}" for s in source} | {f"ot:{t}" for t in target}
    return one, one | {f"ds:{s}" for s in source} | {f"dt:{t}" for t in target}


def _undirected(m: MentionView) -> tuple[set[str], set[str]]:
    parties = sorted(m.parties)
    if len(parties) == 1:
        return {f"uo:{parties[0]}"}, {f"uo:{parties[0]}", f"ua:{parties[0]}"}
    pairs = {f"u:{x}|{y}" for x, y in combinations(parties, 2)}
    return pairs | {f"ua:{p}" for p in parties}, pairs | {f"uo:{p}" for p in parties}


def candidate_keys(m: MentionView) -> tuple[frozenset[str], frozenset[str]]:
    """(the keys `m` is filed under, the keys it looks up), each prefixed with its type."""
    filed: set[str] = set()
    sought: set[str] = set()
    if m.gathering:
        actors = {f"ga:{k}" for p in (m.source, m.target, *m.participants) for k in _ids(p)}
        filed |= actors
        sought |= actors
    elif not m.actorless:
        for keys in (_directed(m),
                     _undirected(m) if m.cameo in merge_rules().symmetric_cameo else None):
            if keys:
                filed |= keys[0]
                sought |= keys[1]
    shared = set()
    if m.gathering_name:
        shared.add(f"g:{gathering_key(m.gathering_name)}")
    if (m.gathering or m.actorless) and m.city:
        shared.add(f"p:{(m.location_name or '').casefold()}")
    if m.sentence_key:
        shared.add(f"s:{m.sentence_key}")
    return (frozenset(f"{m.type}:{k}" for k in filed | shared),
            frozenset(f"{m.type}:{k}" for k in sought | shared))


def filed_keys(m: MentionView) -> frozenset[str]:
    """The keys stored for `m` in mention_blocks."""
    return candidate_keys(m)[0]


def sought_keys(m: MentionView) -> frozenset[str]:
    """The keys the candidate search looks up for `m`."""
    return candidate_keys(m)[1]
