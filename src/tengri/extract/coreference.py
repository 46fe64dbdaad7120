"""Light coreference: words that point back to an actor named before them.

Pronouns ("he", "his", "they" after a pair), "his guest", "his Russian counterpart" (whoever held
that office on the day), and family names: "Aliyev" after "Ilham Aliyev", or alone the one person
of that name in office on the report's date.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas

from tengri.extract.analysis import Analysis
from tengri.kb import KnowledgeBase, Mention
from tengri.kb.entities import EntityKind

_CAPITALISED = re.compile(r"[A-Z][\w'-]*")
_FUNCTION_WORDS = frozenset(
    "The A An In On At By For From To Of And But Or As With During After Before Since While "
    "When If That This These Those It Its Their His Her Our We They He She I Mr Mrs Ms Dr "
    "According Meanwhile However Furthermore Moreover Also Both Last Next Earlier Later "
    "Former Acting Then Today Yesterday Tomorrow On Under Over Between Against Despite Amid "
    "Among Including".split()
)


# A verb right before "him"/"her" makes it an object: "greeted him", "welcomed her".
_OBJECT_PRONOUN = re.compile(
    r"\b[a-z]+(?:ed|es|s)\s+$|\b(?:met|told|gave|sent|took|brought|"
    r"thanked|invited|received|hosted|greeted|welcomed)\s+$|"
    r"\bto\s+[a-z]+\s+$",  # an infinitive: "to congratulate him"
    re.IGNORECASE,
)
_GUEST = re.compile(
    r"\b(?:his|her|their|the)\s+(?:\w+\s+)?(?:guests?|visitors?)\b|"
    r"\bthe\s+visiting\s+(?:president|leader|prime\s+minister|premier|minister)\b|"
    # with no state named ("thanked his counterpart", "his host"): the other side
    r"\b(?:his|her|their)\s+(?:counterparts?|hosts?)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?P<p>he|she|him|his|her|they|them|their)\b", re.IGNORECASE)
_COUNTERPART = re.compile(
    r"\b(?:his|her|their|its)\s+(?P<adj>[A-Z][\w'-]+)\s+"
    r"(?P<noun>counterparts?|opposite\s+numbers?|host|guest)\b"
)


def pointing_to(start: int, end: int, phrase: str, antecedent: Mention) -> Mention:
    """A pronoun or phrase at [start, end) that stands for an actor named before it."""
    return Mention(
        start,
        end,
        phrase,
        antecedent.kind,
        antecedent.entity,
        antecedent.country,
        antecedent.role,
        antecedent.sector,
        f"{phrase!r} -> {antecedent.text!r}",
    )


def _pronouns(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "he", "his", "she", "they": the person (or pair) last named before them."""
    text = analysis.text
    persons = [m for m in mentions if m.kind in {"person", "office"} and m.entity]
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in _PRONOUN.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            word = match["p"].lower()
            before = [
                m
                for m in persons
                if m.end <= start
                and start - m.end < 400
                and m.start >= analysis.sentences[max(0, sentence.index - 1)].start
            ]
            if word in {"they", "them", "their"}:
                last = [
                    m
                    for m in mentions
                    if m.end <= start
                    and m.start >= sentence.start
                    and m.kind in {"person", "state", "office"}
                ]
                if len(last) >= 2 and re.search(r"\band\b", text[last[-2].end : last[-1].start]):
                    chain = [last[-1], last[-2]]
                    for earlier in reversed(last[:-2]):  # "Mali, Burkina Faso and Niger ... they"
                        if re.fullmatch(r"\s*,\s*", text[earlier.end : chain[-1].start]):
                            chain.append(earlier)
                        else:
                            break
                    for mention in reversed(chain):
                        found.append(pointing_to(start, end, match.group(0), mention))
                continue
            if not before:
                continue
            # "he"/"she" most often continues the subject: the first person of the sentence,
            # else of the sentence before; "him"/"her" as an object is someone else
            same = [m for m in before if m.start >= sentence.start]
            antecedent = same[0] if same else before[-1]
            if word in {"him", "her"} and _OBJECT_PRONOUN.search(text[max(0, start - 25) : start]):
                subject = same[0] if same else None
                others = [m for m in before if subject is None or m.entity != subject.entity]
                if not others:
                    continue
                antecedent = others[-1]
            relative = [m for m in same if re.match(r"^\s*,\s*who\b", text[m.end : m.end + 10])]
            if relative:  # "Japarov, who was on his first visit": the relative's antecedent
                antecedent = relative[-1]
            found.append(pointing_to(start, end, match.group(0), antecedent))
    return found


# States whose press names people family name first ("Xi Jinping" is "Xi" after that).
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "HKG", "MAC"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "von", "van", "de", "der", "da", "di"})


def _short_names(name: str, country: str | None) -> set[str]:
    """The one-word forms a news report uses for a person after naming them in full."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if len(words) < 2:
        return set()
    short = {words[0]} if country in _FAMILY_NAME_FIRST else {words[-1]}
    return {w for w in short if len(w) > 2 and w[0].isupper() and w.lower() not in _NAME_PARTICLES}


def _surnames(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "Ilham Aliyev ... Tokayev telephoned Aliyev": after a person is named in full, their
    family name alone stands for them (the latest person of that name named before it)."""
    text = analysis.text
    named: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.kind != "person" or not mention.entity:
            continue
        person = analysis.kb.get(mention.entity)
        forms = {mention.text, person.name if person is not None else ""}
        for form in forms:
            for short in _short_names(form, mention.country):
                if short != mention.text:
                    named.setdefault(short, []).append(mention)
    if not named:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(named, key=len, reverse=True)))
                         + r")\b(?![-\w])")
    for sentence in analysis.sentences:
        for match in pattern.finditer(text, sentence.start, sentence.end):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            if re.match(r"\s+[A-Z]", text[end : end + 2]):
                continue  # part of a longer name ("Heydar Aliyev Centre")
            earlier = [m for m in named[match.group(1)] if m.end <= start]
            if earlier:
                found.append(pointing_to(start, end, match.group(1), earlier[-1]))
    return found


_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
_HOLDERS_BY_SHORT_NAME: dict[int, dict[str, tuple[str, ...]]] = {}


def _holders_by_short_name(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Every person who ever held an office in the KB, by the one-word name news uses."""
    index = _HOLDERS_BY_SHORT_NAME.get(id(kb))
    if index is None:
        found: dict[str, set[str]] = {}
        for person in kb.of_kind(EntityKind.PERSON):
            if kb.terms_of(person.id) and " of " not in person.name:
                for short in _short_names(person.name, person.country):
                    found.setdefault(short, set()).add(person.id)
        # a name that is also an English word ("Rice", "Park", "May") or a suffix ("III")
        # needs the full name first
        index = {
            k: tuple(sorted(v))
            for k, v in found.items()
            if k not in _MONTHS_AND_DAYS
            and not getAllLemmas(k.lower())
            and not k.isupper()
            and "." not in k
        }
        _HOLDERS_BY_SHORT_NAME[id(kb)] = index
    return index


def _office_holder_surnames(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "Tokayev telephoned Aliyev" with no full name before: a family name alone names the one
    person of that name who held an office on the day of the report (Ilham, not Heydar,
    Aliyev in 2024). A word the text also uses in lower case is an ordinary word, not a name."""
    on = analysis.published
    if on is None:
        return []
    kb, text = analysis.kb, analysis.text
    index = _holders_by_short_name(kb)
    taken = [(m.start, m.end) for m in mentions]
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in _CAPITALISED.finditer(text, sentence.start, sentence.end):
            word = match.group().removesuffix("'s").removesuffix("’s")
            start, end = match.start(), match.start() + len(word)
            people = index.get(word)
            if not people or any(a < end and start < b for a, b in taken):
                continue
            if re.match(r"[ -][A-Z]", text[end : end + 2]) or re.search(
                rf"\b{re.escape(word.lower())}\b", text
            ):
                continue
            left = re.search(r"([A-Z][\w'-]*)[ -]$", text[max(0, start - 30) : start])
            if left and left.group(1) not in _FUNCTION_WORDS and left.group(1) not in _TITLES:
                continue
            serving = [p for p in people if kb.offices_held(p, on)]
            if len(serving) != 1 or (person := kb.get(serving[0])) is None:
                continue
            held = kb.offices_held(person.id, on)
            role = next((o.role for o in held if o.leader), held[0].role)
            found.append(
                Mention(start, end, word, "person", person.id, person.country, role, "GOV",
                        f"family name {word!r} of {person.name}, in office on {on}")
            )
    return found


_TITLES = frozenset(
    "President Premier Prime Minister Chancellor King Queen Emir Sheikh Prince Crown Mr Mrs Ms "
    "Secretary General Leader Chairman Speaker Vice Deputy Foreign Defence Defense".split()
)


def _guests(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "his guest", "the visiting president", "his counterpart", "his host": the last person
    named from another country than the sentence's first person (the one who receives, thanks
    or meets them)."""
    found: list[Mention] = []
    persons = [m for m in mentions if m.kind in {"person", "office"} and m.entity]
    for sentence in analysis.sentences:
        for match in _GUEST.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            host = next((m for m in persons if sentence.start <= m.start < start), None)
            before = [
                m
                for m in persons
                if m.end <= start
                and m.start >= analysis.sentences[max(0, sentence.index - 2)].start
                and (host is None or m.country != host.country)
            ]
            if not before:
                continue
            found.append(pointing_to(start, end, match.group(0), before[-1]))
    return found


def _counterparts(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "his Russian counterpart": whoever held, in that state, the office of the person named."""
    kb, on = analysis.kb, analysis.published
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in _COUNTERPART.finditer(sentence.text):
            start = sentence.start + match.start("adj")
            end = sentence.start + match.end()
            adjective = next((m for m in mentions if m.start == start), None)
            if adjective is None or not adjective.country:
                continue
            lead = [
                m
                for m in mentions
                if m.end <= start and m.kind == "person" and m.role and m.start >= sentence.start
            ]
            role = lead[-1].role if lead else "head_of_state"
            office = kb.office_for(adjective.country, role=role) or kb.office_for(
                adjective.country, leader=True
            )
            term = kb.holder(office.id, on) if office is not None and on is not None else None
            who = kb.get(term.person) if term is not None else None
            found.append(
                Mention(
                    sentence.start + match.start(),
                    end,
                    analysis.text[sentence.start + match.start() : end],
                    "person" if who else "office",
                    who.id if who else (office.id if office else None),
                    adjective.country,
                    office.role if office else role,
                    "GOV",
                    f"counterpart of the {role} in {adjective.country}"
                    + (f" -> {who.name}" if who else ""),
                )
            )
    return found
