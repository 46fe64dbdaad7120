"""Actor mentions in the body, and who is in focus.

The KB resolves names and titles (`kb.find_mentions`). This step adds what needs the whole
document: which states and persons the article is about (its focus), phrases that point to them
("the two leaders", "both sides", "the Russian side", "the president"), and names that are only
part of a longer unknown name ("Kairat Almaty", "Real Madrid"), which are not actors. Pronouns,
guests, counterparts and family names are resolved by `extract.coreference`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from tengri.extract.analysis import Analysis, Focus
from tengri.extract.coreference import (
    _FUNCTION_WORDS,
    _counterparts,
    _guests,
    _office_holder_surnames,
    _pronouns,
    _surnames,
)
from tengri.extract.lexicon import anchor_index
from tengri.kb import KnowledgeBase, Mention, find_mentions
from tengri.kb.mentions import find_atoms

# Phrases that stand for the pair of states (or of their leaders) in focus.
_PAIR = re.compile(
    r"\b(?:the\s+two|both)\s+(?P<noun>leaders|sides|countries|heads\s+of\s+state|presidents|"
    r"men|women|premiers|chancellors|"
    r"nations|states|neighbou?rs|governments|parties|capitals|ministers|foreign\s+ministers|"
    r"prime\s+ministers)\b|\bthe\s+(?P<noun2>sides|parties)\b",
    re.IGNORECASE,
)
_PERSON_NOUNS = {
    "leaders",
    "men",
    "women",
    "premiers",
    "chancellors",
    "presidents",
    "heads of state",
    "ministers",
    "foreign ministers",
    "prime ministers",
}
_SIDE = re.compile(r"^\s+(?:side|authorities|government|leadership)\b", re.IGNORECASE)


# Capitalised words that are ordinary English words, not parts of a name ("Neighbouring
# Kazakhstan", "Southern Russia", "Fellow members").
_ORDINARY_WORD = re.compile(
    r"(?:ing|ed|ly|ern|ful|ous|ive|less)$|^(?:Fellow|Both|Neither|Either|"
    r"Other|Many|Several|Some|Most|Even|Only|While|Whereas|Although)$"
)


def _embedded(text: str, mention: Mention) -> bool:
    """Whether a name sits inside a longer capitalised name the KB does not know."""
    before = text[max(0, mention.start - 30) : mention.start]
    after = text[mention.end : mention.end + 30]
    left = re.search(r"([A-Z][\w'-]*)[ -]$", before)
    right = re.match(r"^[ -]([A-Z][\w'-]*)", after)
    if left and left.group(1) not in _FUNCTION_WORDS and not _ORDINARY_WORD.search(left.group(1)):
        return True  # "Kairat Almaty", "Real Madrid" (also at the start of a sentence)
    return bool(right and right.group(1) not in _FUNCTION_WORDS)


# Agent nouns that are also adjectives: "official reports", "military exercises".
_ADJECTIVAL = frozenset(
    {
        "official",
        "military",
        "civilian",
        "diplomatic",
        "government",
        "security",
        "defence",
        "defense",
        "police",
        "opposition",
        "business",
        "state",
        "youth",
        "student",
        "expert",
    }
)
_AFTER_AGENT_VERBS = re.compile(
    r"^\s+(?:said|says|told|stated|announced|confirmed|denied|added|warned|has|have|had|is|are|"
    r"was|were|will|would|could|did|does|do|who|which|that|spoke|met|visited|arrived|"
    # or an adverb before the verb: "the German government today welcomed"
    r"today|yesterday|tonight|now|also|again|already|still|earlier|later|then|on|last|"
    r"this|[a-z]+ly)\b",
    re.IGNORECASE,
)


def _adjectival_agent(text: str, mention: Mention) -> bool:
    """Whether an agent-noun mention is really an adjective before another noun."""
    if mention.kind not in {"group", "institution"} or mention.entity is not None:
        return False
    last = mention.text.split()[-1].lower()
    if last not in _ADJECTIVAL:
        return False
    after = text[mention.end : mention.end + 30]
    following = re.match(r"^\s+([a-z]+)", after)
    if following is None or _AFTER_AGENT_VERBS.match(after):
        return False
    return following.group(1) not in anchor_index().by_word  # a verb follows: a real agent


def _focus(kb: KnowledgeBase, mentions: list[Mention]) -> Focus:
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.country and mention.kind != "place":
            counts[mention.country] += 1
    countries = tuple(c for c, n in counts.most_common(4) if n >= 2 and kb.get(c) is not None)
    persons: dict[str, Mention] = {}
    states: dict[str, Mention] = {}
    person_counts: Counter[str] = Counter(
        m.entity for m in mentions if m.kind == "person" and m.entity
    )
    for mention in mentions:
        country = mention.country
        if country not in countries:
            continue
        if mention.kind == "person" and mention.entity:
            best = persons.get(country)
            if best is None or person_counts[mention.entity] > person_counts[best.entity or ""]:
                persons[country] = mention
        elif mention.kind == "state" and country not in states:
            states[country] = mention
    return Focus(countries, persons, states)


def _names_persons(match: re.Match[str]) -> bool:
    return re.sub(r"\s+", " ", (match["noun"] or match["noun2"]).lower()) in _PERSON_NOUNS


def pair_mentions(
    analysis: Analysis,
    focus: Focus,
    mentions: list[Mention],
    phrases: re.Pattern[str],
    names_persons: Callable[[re.Match[str]], bool],
) -> list[Mention]:
    """Mentions for the language's pair `phrases` ("the two leaders", "both sides"), in the
    order the pair was first named: its persons when `names_persons`, else its states."""
    in_focus: list[str] = []
    if len(focus.countries) >= 2:
        first_seen = {c: min(m.start for m in mentions if m.country == c)
                      for c in focus.countries[:2]}
        in_focus = sorted(focus.countries[:2], key=lambda c: first_seen[c])
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in phrases.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            phrase = match.group(0)
            persons = names_persons(match)
            pair, named = in_focus, dict(focus.persons)
            if not pair:  # no pair in focus: the two sides named just before the phrase
                pair, named = _pair_before(analysis, mentions, sentence.index, start)
            for country in pair:
                person = named.get(country) if persons else None
                rule = f"{phrase!r} -> the pair in focus"
                if person is not None:
                    found.append(
                        Mention(
                            start, end, phrase, "person", person.entity, country, person.role,
                            "GOV", rule,
                        )
                    )  # fmt: skip
                else:
                    found.append(
                        Mention(start, end, phrase, "state", country, country, None, "GOV", rule)
                    )
    return found


def _pair_before(
    analysis: Analysis, mentions: list[Mention], sentence: int, at: int
) -> tuple[list[str], dict[str, Mention]]:
    """The two countries whose actors the phrase's sentence (or the one before) names before
    it, in the order named, and the person named for each: "Tokayev hosted Xi in Astana, and
    the two presidents signed …" when the article as a whole has no pair in focus."""
    window = analysis.sentences[max(0, sentence - 1)].start
    countries: list[str] = []
    persons: dict[str, Mention] = {}
    for mention in mentions:
        if not (window <= mention.start < at) or not mention.country:
            continue
        if mention.kind not in {"person", "state"}:
            continue
        if mention.country not in countries:
            countries.append(mention.country)
        if mention.kind == "person" and mention.entity:
            persons[mention.country] = mention
    if len(countries) != 2:
        return [], {}
    return countries, persons


def _resolve_bare_titles(mentions: list[Mention], focus: Focus) -> list[Mention]:
    """ "the president" -> the last person named with that role, else the focus country's."""
    resolved: list[Mention] = []
    last_by_role: dict[str, Mention] = {}
    for mention in mentions:
        if mention.kind == "office" and mention.entity is None and mention.country is None:
            antecedent = last_by_role.get(mention.role or "")
            if antecedent is None and focus.countries:
                antecedent = focus.persons.get(focus.countries[0])
                if antecedent is not None and antecedent.role != mention.role:
                    antecedent = None
            if antecedent is None:
                continue
            mention = Mention(
                mention.start,
                mention.end,
                mention.text,
                "person",
                antecedent.entity,
                antecedent.country,
                antecedent.role,
                "GOV",
                f"{mention.text!r} -> {antecedent.text!r}",
            )
        if mention.kind == "person" and mention.role:
            last_by_role[mention.role] = mention
            if mention.role != "leader":
                last_by_role.setdefault("leader", mention)
                last_by_role["leader"] = mention
        resolved.append(mention)
    return resolved


_NAME_TOKEN = re.compile(r"^\s+((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){0,3})")


def _name_after_title(text: str, mention: Mention) -> Mention:
    """ "Mongolian President Ukhnaagiin Khurelsukh": an office title followed by a name the KB
    does not know; the mention takes in the name so it is not mistaken for an embedded word."""
    if mention.kind not in {"office", "person"} or (
        mention.entity and mention.kind == "person" and not mention.rule.startswith("title")
    ):
        return mention
    match = _NAME_TOKEN.match(text[mention.end : mention.end + 60])
    if not match or match.group(1).split()[0] in _FUNCTION_WORDS:
        return mention
    end = mention.end + match.end(1)
    return Mention(
        mention.start,
        end,
        text[mention.start : end],
        mention.kind,
        mention.entity,
        mention.country,
        mention.role,
        mention.sector,
        mention.rule,
        mention.candidates,
    )


def sides(text: str, mentions: list[Mention], side: re.Pattern[str], reach: int) -> list[Mention]:
    """An adjective followed by the language's `side` noun within `reach` characters ("the
    Russian side", "the Kazakh authorities") stands for its state."""
    out = []
    for mention in mentions:
        match = side.match(text[mention.end : mention.end + reach])
        if mention.kind == "adjective" and match:
            end = mention.end + match.end()
            mention = Mention(
                mention.start,
                end,
                text[mention.start : end],
                "state",
                mention.country,
                mention.country,
                None,
                "GOV",
                f"{text[mention.start : end]!r} -> {mention.country}",
            )
        out.append(mention)
    return out


def _drop_covered(mentions: list[Mention]) -> list[Mention]:
    """Mentions inside a longer one (the adjective inside "his Russian counterpart")."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    reach_start, reach_end = -1, -1  # the longest span seen so far that may cover others
    for mention in ordered:
        if (
            reach_start <= mention.start
            and mention.end <= reach_end
            and (reach_end - reach_start) > (mention.end - mention.start)
        ):
            continue
        kept.append(mention)
        if mention.end > reach_end:
            reach_start, reach_end = mention.start, mention.end
    return kept


def _focus_matters(kb: KnowledgeBase, atoms: list) -> bool:  # type: ignore[type-arg]
    """Whether knowing the countries in focus can change a place's reading (several
    candidates, or a small town that needs a reason to be taken as a place)."""
    for atom in atoms:
        places = [i for i in atom.ids if i.startswith("place:")]
        if len(places) > 1:
            return True
        if places and (entity := kb.get(places[0])) is not None and entity.population < 500_000:
            return True
    return False


def _in_body(body: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(body, (offset, float("inf"))) - 1
    return index >= 0 and body[index][0] <= offset < body[index][1]


def mentions_in_body(analysis: Analysis) -> tuple[list[Mention], Focus]:
    """The KB's mentions in the body sentences and the focus they give; when the focus can
    change a place's reading, the mentions are found again with it."""
    text, kb, on = analysis.text, analysis.kb, analysis.published
    body = [(s.start, s.end) for s in analysis.sentences]
    atoms = find_atoms(kb, text)
    raw = find_mentions(kb, text, on, atoms=atoms)
    inside = [m for m in raw if _in_body(body, m.start)]
    focus = _focus(kb, inside)
    if focus.countries and _focus_matters(kb, atoms):
        raw = find_mentions(kb, text, on, focus.countries, atoms=atoms)
        inside = [m for m in raw if _in_body(body, m.start)]
    return inside, focus


def find_actors(analysis: Analysis) -> dict[str, object]:
    """Resolve every actor and place mention in the body sentences and work out the focus."""
    text = analysis.text
    if not analysis.sentences:
        return {"mentions": (), "focus": Focus()}
    inside, focus = mentions_in_body(analysis)
    inside = [_name_after_title(text, m) for m in sides(text, inside, _SIDE, 20)]
    inside = [m for m in inside if not _embedded(text, m) or m.kind in {"person", "office"}]
    inside.extend(_counterparts(analysis, inside))
    inside.extend(_surnames(analysis, inside))
    inside.extend(_office_holder_surnames(analysis, inside))
    inside = _drop_covered(inside)
    inside = _resolve_bare_titles(inside, focus)
    pairs = pair_mentions(analysis, focus, inside, _PAIR, _names_persons)
    inside = [m for m in inside if not any(p.start < m.end and m.start < p.end for p in pairs)]
    inside = [m for m in inside if not _adjectival_agent(text, m)]
    inside.extend(pairs)
    inside.sort(key=lambda m: (m.start, m.end))
    inside.extend(_pronouns(analysis, inside))
    inside.extend(_guests(analysis, inside))
    inside = _drop_covered(inside)
    inside.sort(key=lambda m: (m.start, m.end))
    return {"mentions": tuple(inside), "focus": focus}


def embedded_mentions(analysis: Analysis, start: int, end: int) -> list[Mention]:
    """States and IGOs named inside a span (such as a summit's name), embedded or not."""
    return [
        m
        for m in find_mentions(analysis.kb, analysis.text[start:end], analysis.published)
        if m.kind in {"state", "igo", "adjective"}
    ]
