"""A synthetic news corpus for benchmarks: any number of varied articles as JSONL, the same
bytes for the same seed.

Articles are built from our own templates (`benchmarks/data/article_templates.yaml`: visits,
talks, calls, summits, agreements, sanctions, protests, criticism, aid, exercises, expulsions,
facts, memberships, opinion paragraphs, boilerplate) filled with the knowledge base's real
states, capitals, office holders on the day and organisations with their members on the day.
The events are invented. Several articles report one invented event in different words (so
merging across reports has work to do), and some are syndicated copies of an earlier article
under another outlet (near-duplicates). Each article is made from its own seeded random stream,
so article N is the same whatever the count and the corpus can be streamed.

Run: `python benchmarks/generate.py --count 1000 --seed 7 > corpus.jsonl`
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import json
import random
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tengri.kb.load import shipped_data_dir

TEMPLATES = Path(__file__).parent / "data" / "article_templates.yaml"
FIRST_DAY, LAST_DAY = dt.date(2023, 1, 1), dt.date(2025, 12, 31)
LEADER_ROLES = ("head_of_state", "head_of_government")
KIND_WEIGHTS = {"visit": 5, "talks": 5, "call": 4, "summit": 2, "agreement": 3, "sanctions": 1,
                "protest": 1, "criticism": 2, "aid": 1, "exercise": 1, "expulsion": 1}
REPORTS_PER_EVENT = 3  # articles per invented event, on average
SYNDICATED_SHARE = 0.07  # articles that copy an earlier one under another outlet


def _rows(folder: Path, pattern: str) -> Iterator[dict[str, str]]:
    for path in sorted(folder.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as handle:
            yield from csv.DictReader(handle)


def _day(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _holds(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    return (start is None or start <= day) and (end is None or day < end)


@dataclass(frozen=True)
class Office:
    holder_of: str
    role: str
    title: str
    leader: bool
    terms: tuple[tuple[dt.date | None, dt.date | None, str], ...]  # start, end, person name

    def holder(self, day: dt.date) -> str | None:
        return next((name for start, end, name in self.terms if _holds(start, end, day)), None)


class World:
    """The KB facts the generator uses: states, their capitals, offices and terms, and
    organisations with their members, each valid on its dates."""

    def __init__(self, data: Path) -> None:
        persons = {r["id"]: r["name"] for r in _rows(data, "persons*.csv")}
        terms: dict[str, list[tuple[dt.date | None, dt.date | None, str]]] = {}
        for r in _rows(data, "terms*.csv"):
            if r["person"] in persons:
                terms.setdefault(r["office"], []).append(
                    (_day(r["start"]), _day(r["end"]), persons[r["person"]]))
        self.offices: dict[tuple[str, str], Office] = {}
        eurasia: set[str] = set()
        for path in sorted(data.glob("offices*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for r in csv.DictReader(handle):
                    if r["id"] in terms and not r["holder_of"].startswith("igo:"):
                        self.offices[(r["holder_of"], r["role"])] = Office(
                            r["holder_of"], r["role"], r["title"], r["leader"] == "1",
                            tuple(sorted(terms[r["id"]], key=lambda t: t[0] or dt.date.min)))
                        if "eurasia" in path.name:
                            eurasia.add(r["holder_of"])
        self.capitals: dict[str, list[tuple[dt.date | None, dt.date | None, str]]] = {}
        for r in _rows(data, "capitals.csv"):
            self.capitals.setdefault(r["state"], []).append(
                (_day(r["start"]), _day(r["end"]), r["name"]))
        self.states: dict[str, tuple[str, str]] = {}
        for r in _rows(data, "states.csv"):
            adjective = r["adjectives"].split("|")[0] if r["adjectives"] else ""
            if adjective and r["id"] in self.capitals and \
                    any((r["id"], role) in self.offices for role in LEADER_ROLES):
                self.states[r["id"]] = (r["name"], adjective)
        self.state_ids = sorted(self.states)
        # the KB's own region weighs more, so its dyads recur as in a regional news feed
        self.weights = [4 if s in eurasia else 1 for s in self.state_ids]
        self.igos = {r["id"]: (r["name"], (r["acronyms"].split("|")[0] or r["name"]))
                     for r in _rows(data, "igos.csv")}
        self.members: dict[str, list[tuple[dt.date | None, dt.date | None, str]]] = {}
        for r in _rows(data, "memberships.csv"):
            if r["kind"] == "member" and r["member"] in self.states and \
                    r["organization"] in self.igos:
                self.members.setdefault(r["organization"], []).append(
                    (_day(r["start"]), _day(r["end"]), r["member"]))

    def capital(self, state: str, day: dt.date) -> str | None:
        return next((n for s, e, n in self.capitals.get(state, ()) if _holds(s, e, day)), None)

    def leader(self, state: str, day: dt.date) -> tuple[str, str] | None:
        """(title, name) of who leads the state on the day: the office marked as 'the leader',
        else the head of government, else the head of state."""
        candidates = [o for o in (self.offices.get((state, r)) for r in LEADER_ROLES) if o]
        candidates.sort(key=lambda o: (not o.leader, o.role != "head_of_government"))
        for office in candidates:
            name = office.holder(day)
            if name:
                return office.title, name
        return None

    def foreign_minister(self, state: str, day: dt.date) -> tuple[str, str] | None:
        office = self.offices.get((state, "foreign_minister"))
        name = office.holder(day) if office else None
        return (office.title, name) if office and name else None

    def members_on(self, igo: str, day: dt.date) -> list[str]:
        return sorted({m for s, e, m in self.members.get(igo, ()) if _holds(s, e, day)})


@functools.cache
def _world() -> World:
    return World(shipped_data_dir())


@functools.cache
def _templates() -> dict[str, Any]:
    return yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))


def _slots(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _state_slots(world: World, prefix: str, state: str, day: dt.date) -> dict[str, str]:
    name, adjective = world.states[state]
    slots = {prefix: name, f"{prefix}_adj": adjective}
    if capital := world.capital(state, day):
        slots[f"{prefix}_capital"] = capital
    if leader := world.leader(state, day):
        slots[f"{prefix}_leader"] = f"{adjective} {leader[0]} {leader[1]}"
        slots[f"{prefix}_leader_name"] = leader[1]
    if minister := world.foreign_minister(state, day):
        slots[f"{prefix}_fm"] = f"{adjective} {minister[0]} {minister[1]}"
        slots[f"{prefix}_fm_name"] = minister[1]
    return slots


def _date_slots(day: dt.date) -> dict[str, str]:
    return {"date": f"{day:%B} {day.day}", "weekday": f"{day:%A}", "month": f"{day:%B}",
            "year": str(day.year), "prev_year": str(day.year - 1)}


@dataclass(frozen=True)
class WorldEvent:
    """An invented event: what happened, when, between whom and where."""

    kind: str
    day: dt.date
    slots: dict[str, str]


def _pick_states(world: World, rng: random.Random, day: dt.date, count: int,
                 among: list[str] | None = None) -> list[str]:
    pool = among or world.state_ids
    weights = None if among else world.weights
    chosen: list[str] = []
    while len(chosen) < count:
        state = rng.choices(pool, weights)[0]
        if state not in chosen and world.leader(state, day) and world.capital(state, day):
            chosen.append(state)
    return chosen


@functools.lru_cache(maxsize=4096)
def world_event(seed: int, number: int) -> WorldEvent:
    rng = random.Random(f"{seed}:event:{number}")
    world, templates = _world(), _templates()
    kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    slots: dict[str, str] = {}
    if kind == "summit":
        igos = [i for i in sorted(world.members) if len(world.members_on(i, day)) >= 3]
        igo = rng.choice(igos)
        states = _pick_states(world, rng, day, 3, world.members_on(igo, day))
        slots.update(igo=world.igos[igo][0], igo_acr=world.igos[igo][1])
    else:
        states = _pick_states(world, rng, day, 3)
        members = [i for i in sorted(world.members)
                   if {states[0], states[1]} <= set(world.members_on(i, day))]
        if members:
            igo = rng.choice(members)
            slots.update(igo=world.igos[igo][0], igo_acr=world.igos[igo][1])
    for prefix, state in zip("abc", states, strict=True):
        slots.update(_state_slots(world, prefix, state, day))
    host = {"visit": "b", "summit": rng.choice("abc"), "talks": rng.choice("ab")}.get(kind, "a")
    slots["city"] = slots[f"{host}_capital"]
    slots["topic"], slots["topic2"] = rng.sample(templates["topics"], 2)
    slots.update(count=str(rng.randint(3, 24)), amount=f"{rng.uniform(0.3, 40):.1f}",
                 share=str(rng.randint(2, 35)), people=f"{rng.randint(2, 60) * 500:,}")
    return WorldEvent(kind, day, slots)


def _fill(rng: random.Random, choices: list[str], slots: dict[str, str], k: int = 1,
          ) -> list[str]:
    usable = [t for t in choices if _slots(t) <= slots.keys()]
    picked = rng.sample(usable, min(k, len(usable)))
    return [t.format_map(slots) for t in picked]


def _words(paragraphs: list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _vary(rng: random.Random, sentence: str) -> str:
    """Swap words for variants, so that stock phrases differ from article to article."""
    variants = _templates()["variants"]
    words = sentence.split(" ")
    for index, word in enumerate(words):
        options = variants.get(word)
        if options:
            words[index] = rng.choice(options)
    return " ".join(words)


def _analysis(rng: random.Random, slots: dict[str, str]) -> str:
    """One analysis sentence: opener, voice, verb, claim and tail, each drawn at random."""
    parts = _templates()["analysis"]
    opener, voice, verb, claim, tail = (
        _fill(rng, parts[name], slots)[0]
        for name in ("openers", "voices", "verbs", "claims", "tails"))
    sentence = _vary(rng, f"{opener}{voice} {verb} {claim}{tail}.")
    return sentence[0].upper() + sentence[1:]


def _original(seed: int, number: int, words: int) -> dict[str, Any]:
    """Article `number` as first written (never a copy)."""
    rng = random.Random(f"{seed}:article:{number}")
    templates = _templates()
    pool = max(1, number // REPORTS_PER_EVENT + 1)  # events reported so far, and one new
    event = world_event(seed, rng.randrange(pool))
    outlet = rng.choice(templates["outlets"])
    published = event.day + dt.timedelta(days=rng.choice((-2, -1, 0, 0, 1, 1, 1, 2, 3)))
    slots = {**event.slots, **_date_slots(event.day), "outlet": outlet["name"]}
    kind = templates["kinds"][event.kind]
    future = published < event.day
    lead = _fill(rng, kind["lead_future" if future else "lead_past"], slots)[0]
    if rng.random() < 0.7:
        city = slots["city"].upper()
        lead = f"{city}, {published:%b} {published.day} ({outlet['name']}) - {lead}"
    body = [lead, *_fill(rng, kind["detail"], slots, k=rng.randint(1, 3))]
    body += _fill(rng, templates["secondary"], slots, k=rng.randint(1, 5))
    body += _fill(rng, templates["background"], slots, k=rng.randint(1, 3))
    target = max(300, min(1400, int(rng.gauss(words, words * 0.15))))
    remarks = _fill(rng, templates["remarks"], slots, k=rng.randint(0, 3))
    while _words(body) < target:
        if remarks and rng.random() < 0.3:
            paragraph = remarks.pop()
        else:
            paragraph = " ".join(_analysis(rng, slots) for _ in range(rng.randint(2, 4)))
        body.insert(rng.randint(2, len(body)), paragraph)
    footer = _fill(rng, templates["boilerplate"], slots, k=rng.randint(0, 2))
    title = _fill(rng, kind["headline"], slots)[0]
    return {
        "id": f"gen-{seed}-{number:07d}", "title": title,
        "text": "\n\n".join([title, *body, *footer]),
        "published": published.isoformat(),
        "url": f"https://{outlet['domain']}/{published:%Y/%m}/{number:07d}",
        "source_name": outlet["name"], "synthetic": True,
    }


def article(seed: int, number: int, words: int = 700) -> dict[str, Any]:
    """Article `number` of the corpus of `seed`: an original or a syndicated copy."""
    rng = random.Random(f"{seed}:copy:{number}")
    if number == 0 or rng.random() >= SYNDICATED_SHARE:
        return _original(seed, number, words)
    source = _original(seed, max(0, number - rng.randint(1, 20)), words)
    outlet = rng.choice(_templates()["outlets"])
    paragraphs = source["text"].split("\n\n")[1:]
    if len(paragraphs) > 6 and rng.random() < 0.5:
        paragraphs = paragraphs[:-1]  # copies often lose the last paragraph
    title = f"{source['title']} - {outlet['name']}"
    published = dt.date.fromisoformat(source["published"]) + dt.timedelta(days=rng.randint(0, 1))
    return {
        "id": f"gen-{seed}-{number:07d}", "title": title,
        "text": "\n\n".join([title, *paragraphs]), "published": published.isoformat(),
        "url": f"https://{outlet['domain']}/{published:%Y/%m}/{number:07d}",
        "source_name": outlet["name"], "synthetic": True,
    }


def generate(count: int, seed: int = 7, words: int = 700) -> Iterator[dict[str, Any]]:
    """`count` articles, in order."""
    for number in range(count):
        yield article(seed, number, words)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--words", type=int, default=700,
                        help="average words per article (default 700)")
    parser.add_argument("--out", type=Path, help="JSONL file to write (default: stdout)")
    args = parser.parse_args(argv)
    handle = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for row in generate(args.count, args.seed, args.words):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            handle.close()


if __name__ == "__main__":
    main()
