"""Derive English trigger entries from the Phoenix/PETRARCH-2 CAMEO verb dictionary (dev tool).

    python -m tengri.extract.build_derived /path/to/CAMEO.2.0.txt [--output FILE]

writes `data/triggers-derived.yaml`, which the lexicon loads after the hand-written
`triggers.yaml` with priority 0, so a derived entry only codes where no hand-written one matches.
Only the YAML ships and runs; tengri never reads the dictionary. Regenerating from the same
dictionary gives the same bytes.

The dictionary (MIT, (c) Open Event Data Alliance; see data/NOTICE.md) holds verb synonym blocks,
each with CAMEO-coded patterns matched against a constituency parse. What maps onto tengri's
pattern language without a parser is kept:
- a verb with its own code (`ASK [020]`, or the block's `--- APPEAL [020] ---`) -> `{ask}`;
- a verb with object nouns, noun phrases and noun synsets (`- * SANCTIONS [163]`,
  `- * {ARMS SHIPMENT}`, `- * &WEAPON`) -> `{impose} ~3 [sanction|sanctions]`;
- a verb with prepositional phrases (`- * (TO BORDER)`, `- * (WITH +)`) -> `{rush} ~3 to ~3 …`,
  a bare or `+` preposition also being a target slot.
Dropped: patterns that name the subject (words before `*`), put the source after the verb (`$`)
or use compound actors (`%`), codes for the reversed event only (`[:173]`), CAMEO 01x (no PLOVER
type), codes the ontology does not know, and the verbs and patterns in the pruning tables below,
which lowered precision on the development gold or are too generic to read without a parse.
A pattern is kept for the verb its comment says it was found under, else for every verb of its
block (PETRARCH applies every pattern to the whole block; the comment is the narrower reading).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lemminflect import getAllLemmas, getInflection

from tengri.errors import OntologyError
from tengri.extract.lexicon import inflections
from tengri.ontology import cameo, is_valid

OUTPUT = Path(__file__).parent / "data" / "triggers-derived.yaml"

# Words that follow a verb as its particle ("set off", "put forward"), not as its object.
_PARTICLES = frozenset(
    "up down off out forward back aside away over ahead together apart along around through "
    "behind".split()
)
# Where to look for the target, after the pattern's own prepositions, by PLOVER type.
_TYPE_TARGET_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with", "to"),
    "CONSULT": ("with", "to"),
    "SUPPORT": ("with", "to", "for"),
    "COOPERATE": ("with", "to"),
    "AID": ("to", "for"),
    "CONCEDE": ("to",),
    "RETREAT": ("from", "to"),
    "REQUEST": ("to", "on", "from"),
    "ACCUSE": ("against", "of"),
    "REJECT": ("from", "of"),
    "THREATEN": ("against", "with"),
    "PROTEST": ("against",),
    "MOBILIZE": ("to", "near", "against"),
    "SANCTION": ("with", "from"),
    "COERCE": ("on", "against"),
    "ASSAULT": ("on", "against"),
}
_TYPE_PLACES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("in", "at"),
    "COOPERATE": ("in",),
    "AID": ("to", "in"),
    "RETREAT": ("from", "in"),
    "PROTEST": ("in", "at"),
    "MOBILIZE": ("in", "near", "to"),
    "SANCTION": ("in",),
    "COERCE": ("in",),
    "ASSAULT": ("in", "near", "on"),
}
# Types whose source may be a crowd or an armed group rather than a political actor.
_ANY_ACTORS = frozenset({"PROTEST", "ASSAULT"})
# Types an event of which is often told without a target ("protesters rallied").
_TARGETLESS = frozenset({"PROTEST", "MOBILIZE", "ASSAULT"})
_GAP = 3  # words of anything between the verb and its object, or between two elements


# ---------------------------------------------------------------- pruning (why: see each line)

# The verbs kept alone (the dictionary codes about a thousand, most of them too vague to read
# without a parse: "join", "expect", "hit", "trade", "agree"). Kept: those with one sense that is
# an event, which no hand-written entry already codes alone, and whose forms are rarely nouns or
# adjectives before a noun. Left out for that reason: "the Srebrenica massacre", "assault
# rifles", "exiled opposition leader", "the besieged city", "an outlawed party", "toured the
# plant", "saluted the troops".
_BARE_VERBS: frozenset[str] = frozenset(
    """
    implore plead
    acclaim compliment extol felicitate
    bankroll
    capitulate acquiesce
    disapprove
    admonish berate castigate chastise chide denigrate disparage lambaste pillory
    reprimand scold
    defy
    repress quell
    commandeer
    apprehend indict prosecute rearrest re-arrest
    torture
    """.split()
) | {"crack down", "lash out", "gun down"}
# The nouns (and dictionary synsets) that name an act of each material CAMEO root. A phrase
# pattern is kept only when its object names the act itself, as in "launch an attack", "lift
# sanctions", "cut aid", "stage a strike": the verb is then light and the noun says what
# happened, which holds without a parse. Patterns whose nouns only make sense inside PETRARCH's
# parse ("approve the cabinet" 060, "hold for days" 173, "raise the alarm" 080) are dropped, and
# so are the verbal roots (02-05, 09-13: appeals, intents, consultations, diplomatic support,
# investigations, demands, disapproval, rejection, threats), whose nouns fill diplomatic prose
# ("reached agreements", "expanding cooperation", "strengthen ties") and are left to the
# hand-written lexicon.
_ACT_NOUNS: dict[str, frozenset[str]] = {
    root: frozenset(words.split())
    for root, words in {
        "06": "cooperation project projects exercise exercises maneuvers manoeuvres manoeuvers "
        "patrols training investment extradition intelligence information evidence joint",
        "07": "aid assistance relief food medicine medicines medical supplies loan loans credit "
        "credits grant grants dollars million millions billions donation donations airlift "
        "vaccine vaccines shelters asylum peacekeeping peacekeepers peace-keeper peacekeeper "
        "arms weapons troops &food &weapon &military &aircraft &pko &asylum &currency",
        "08": "sanctions sanction embargo ban blockade curfew restrictions restriction "
        "prisoners captive captives hostages withdrawal pullout troops troop forces pardon "
        "amnesties clemency charges armistice ceasefire truce resignation &hostage &ceasefire "
        "&military",
        "14": "strike strikes hunger-strike demonstration demonstrations protest protests rally "
        "rallies march sit-in boycott slogans effigies",
        "15": "troops troop forces tanks deployment buildup alert reinforcements warships "
        "manoeuvers patrols &military &aircraft &weapon",
        "16": "relations ties embassy embassies consulate consulates ambassador diplomats "
        "diplomat aid assistance loan loans grants talks negotiations dialogue sanctions "
        "embargo cooperation &negotiation",
        "17": "crackdown crackdowns curfew martial ban arrest arrests custody detention prison "
        "warrant warrants trial deportation deportations expulsion seizure confiscation "
        "blockade tear teargas canon cannon &detention &weapon",
        "18": "attack attacks bomb bombs explosive explosives firebomb firebombs hostage "
        "hostages torture assassination stones rocks &hostage &weapon",
        "19": "attack attacks offensive offensives raid raids airstrike airstrikes strike "
        "strikes fire gunfire shell shells bombardment bombardments rocket rockets missile "
        "missiles mortar mortars incursion incursions war territory territories control "
        "barrage &weapon &aircraft &fight",
        "20": "massacre massacres cleansing",
    }.items()
}
# Verbs none of whose patterns is kept: what they report is, in tengri's guide, no event.
_VERBS_DROPPED: frozenset[str] = frozenset(
    # saying, stating, believing: statements (CAMEO 01x) whatever their object
    "say declare indicate assert affirm reaffirm confirm reiterate restate repeat stress "
    "underline highlight echo voice express describe view regard quote mention acknowledge "
    "signal show witness believe suspect claim tout react remain appear find saw "
    # needing, wanting, hoping, expecting, considering: states of mind ("Norway needs France
    # for regional security as much as the reverse" is analysis)
    "need require want wish hope desire expect intend consider weigh think mull ponder "
    "contemplate "
    # joining, entering, being admitted: membership claims, not events
    "join enter admit accede "
    # exporting, importing, trading: trade figures are facts
    "export import trade".split()
)
# Patterns dropped, as "verb code [word]": every pattern of that verb for that CAMEO code (`*`:
# any code), or only those naming a word that starts with `word`. Each lowered precision on the
# development gold, the samples or the PLOVER records, or codes what tengri's guide
# (docs/CODING.md) does not call an event.
_PRUNED: tuple[str, ...] = (
    "take 030 part",  # "took part in the session" is attending, not an intent
    "ensure",  # "ensure peace and security": a goal, not an act
    "lead 036 mission",  # leading a police mission is no meeting
    "come 040",  # "came to power", "came to an agreement"
    "return 042",  # coming home from a visit is no new visit
    "send * delegation",  # the delegation's visit or talks are coded, not its sending
    "send * military",  # "sent troops": aid, cooperation, mobilisation or attack, by context
    "restore 050 tie",  # PETRARCH's own unit tests code "restore full diplomatic ties" 064
    "express 051 solidarity",  # "condemned the attack and expressed solidarity": one event
    "admit 054",  # "admitted as the bloc's 11th member": a membership claim
    "reopen 054",  # reopening embassies is part of restoring relations, coded once
    "adopt 057",  # "adopted a resolution deploring Russia's actions": not an agreement
    "join 057",  # joining an accord is a membership claim
    "continue 060",  # "continued their effort to overthrow": no cooperation
    "export 061",  # "exports to China rose": a trade figure is a fact
    "pay 0842",  # "pay compensation" is no return of property
    "return 0842",  # "Sudan must return a helicopter": the demand is the event
    "end 0871",  # "talks on ending the war": a purpose, not a truce
    "complete 0874",  # "completing a withdrawal that began in April": found, but with neither
    # target nor place (the place is named before the trigger), which lowered place accuracy
    "withdraw 0874 weapon",  # "withdraw weapons inspectors"
    "clear 080",  # "a court cleared him of all charges"
    "open 080",  # "opened its borders", "opened the bridge": access (086), not yielding
    "use 090",  # "the banks used to get round sanctions"
    "issue 100 order",  # "issued a shelter-in-place order for its staff"
    "give 139",  # "revoked their accreditation and gave them two weeks to leave": expulsion
    "set 139 deadline",  # "called on the US to set a deadline for withdrawing its troops"
    "set 180",  # "drones hit a depot, setting it on fire": the strike is the event, coded once
    "reserve 130",  # "reserved the right to respond": no threat in our gold
    "launch 150",  # war games launched together are military cooperation
    "order 173 arrest",  # an arrest warrant in absentia is coded as a threat
    "order 174 leave",  # diplomats ordered to leave: expulsion (166), not deportation
    "press 190",  # "press office", "pressed for faster work"
    "target 190",  # "targeted airfields" is told with its attack, coded once
    "release 0841 activist",  # "the EU's demand to release an activist": the demand is the event
)
# Words before a verb form that make it a noun or an adjective: "its exports", "the besieged
# town", "of battles with" (tengri has no part-of-speech tagger).
_NOUN_BEFORE = r"(?:\b(?:a|an|the|its|their|his|her|our|this|these|those|of)|['’]s)\s+(?:\w+ly\s+)?"
# A gerund reports an act only in a progressive ("troops are shelling") or a participle clause
# (", shelling the town"); after anything else it names a goal, a topic or a denied or planned
# act ("the plan on expanding cooperation", "aimed at ending the war", "denied sending troops",
# "discussed sending troops").
_GERUND_UNLESS = (
    "".join(rf"(?<!\b{word}\s)" for word in "is are was were be been am".split()) + r"(?<!,\s)"
)


# ---------------------------------------------------------------- reading the dictionary


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    particles: tuple[str, ...]
    code: str | None  # its own code, else None (the block's applies)

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return self.lemma, self.particles

    @property
    def name(self) -> str:
        return " ".join((self.lemma, *self.particles))


@dataclass(frozen=True, slots=True)
class RawPattern:
    before: str  # words before the verb's `*`
    after: str  # words after it
    code: str  # as written: "163", "042:043", ":173", "---"
    origins: tuple[tuple[str, tuple[str, ...]], ...]  # verbs named in its comment


@dataclass(slots=True)
class Block:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[RawPattern] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Dictionary:
    synsets: dict[str, tuple[str, ...]]  # "&WEAPON" -> every phrase, with its plural
    blocks: tuple[Block, ...]


def verb_lemma(word: str) -> str:
    """The verb a dictionary word is a form of ("BURNT" -> "burn", "FOUND" stays "found")."""
    word = word.lower()
    lemmas = getAllLemmas(word).get("VERB", ())
    return word if not lemmas or word in lemmas else lemmas[0]


def noun_forms(phrase: str, plural: bool = True) -> tuple[str, ...]:
    """A noun phrase and, unless it is already plural, its plural (last word inflected)."""
    words = phrase.lower().split()
    if not plural or not words:
        return (" ".join(words),)
    last = words[-1]
    lemmas = getAllLemmas(last).get("NOUN", ())
    if (lemmas and last not in lemmas) or (not lemmas and re.search(r"[^su]s$", last)):
        return (" ".join(words),)  # already a plural: "attacks", "peacekeepers"
    inflected = getInflection(last, tag="NNS")
    forms = [" ".join(words)]
    if inflected and inflected[0] != last:
        forms.append(" ".join([*words[:-1], inflected[0]]))
    return tuple(forms)


def _synset_phrases(label: str, lines: list[str]) -> tuple[str, ...]:
    phrases: list[str] = []
    for line in lines:
        term = line.strip()[1:]
        plural = not label.endswith("_") and not term.endswith("_")
        for form in noun_forms(term.strip("_").replace("_", " "), plural):
            if form not in phrases:
                phrases.append(form)
    return tuple(phrases)


def _origins(comment: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The verbs a pattern's comment names ("# RUSH", "# CALLED_OFF , SET_UP")."""
    found = []
    for part in comment.split(","):
        words = part.split()
        if words and re.fullmatch(r"[A-Z][A-Z_\-]*", words[0]):
            head, *particles = words[0].lower().split("_")
            found.append((verb_lemma(head), tuple(particles)))
    return tuple(found)


def _verb(line: str) -> Verb | None:
    text = line.split("#", 1)[0]
    codes = re.findall(r"\[([^\]]*)\]", text)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text).split()
    if not head:
        return None
    word = head[0]
    if word.startswith("+"):
        verb, *particles = word[1:].lower().split("_")
    elif "_" in word:
        return None  # a verb after its first word ("RE_+ARREST"): none in use
    else:
        verb, particles = word.lower(), []
    return Verb(verb_lemma(verb), tuple(particles), codes[-1].strip() if codes else None)


def _pattern(line: str) -> RawPattern | None:
    body, _, comment = line[1:].partition("#")
    codes = re.findall(r"\[([^\]]*)\]", body)
    body = re.sub(r"\[[^\]]*\]", " ", body)
    if not codes or body.count("*") != 1:
        return None
    before, after = body.split("*")
    return RawPattern(before.strip(), after.strip(), codes[-1].strip(), _origins(comment))


def read_dictionary(text: str) -> Dictionary:
    """Synsets and verb blocks of a PETRARCH-2 verb dictionary."""
    synset_lines: dict[str, list[str]] = {}
    blocks: list[Block] = []
    label: str | None = None
    in_verbs = False
    for line in text.splitlines():
        if line.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip() or line.startswith("#"):
            continue
        if not in_verbs:
            if line.startswith("&"):
                label = line.split()[0]
                synset_lines[label] = []
            elif line.startswith("+") and label:
                synset_lines[label].append(line.split("#", 1)[0])
            continue
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if header:
            blocks.append(Block(header.group(1), header.group(2).strip()))
        elif not blocks:
            continue
        elif line.startswith("-"):
            pattern = _pattern(line)
            if pattern:
                blocks[-1].patterns.append(pattern)
        else:
            verb = _verb(line)
            if verb and verb.key not in {v.key for v in blocks[-1].verbs}:
                blocks[-1].verbs.append(verb)
    synsets = {name: _synset_phrases(name, lines) for name, lines in synset_lines.items()}
    return Dictionary(synsets, tuple(blocks))


# ---------------------------------------------------------------- translating patterns


class Untranslatable(Exception):
    """A pattern tengri's pattern language cannot say; the message says why."""


@dataclass(frozen=True, slots=True)
class Translation:
    text: str  # the pattern after the verb, in tengri's language ("~3 [sanction|sanctions]")
    target_slots: tuple[str, ...]  # prepositions whose object is the target, in order
    object_target: bool  # the verb's own object is the target (`- * +`)
    has_object_noun: bool  # the verb has a noun object in the pattern


def _tokens(after: str) -> list[str]:
    for mark in "(){}":
        after = after.replace(mark, f" {mark} ")
    return after.split()


def _alternatives(options: Iterable[str]) -> str:
    unique = sorted(dict.fromkeys(o for o in options if o), key=lambda o: (o.count(" "), o))
    if any(re.search(r"[\[\]|{}~?]", o) for o in unique):
        raise Untranslatable("a word with a character of the pattern language")
    return unique[0] if len(unique) == 1 and " " not in unique[0] else f"[{'|'.join(unique)}]"


def _word(word: str, synsets: dict[str, tuple[str, ...]], head: bool) -> str:
    if word.startswith("&"):
        if word not in synsets:
            raise Untranslatable(f"undefined synset {word}")
        phrases = synsets[word] if head else tuple(p for p in synsets[word])
        return _alternatives(phrases)
    if "/" in word:
        raise Untranslatable("a TABARI disjunction (a/b), which PETRARCH skips too")
    bare = word.strip("_").replace("_", " ")
    return _alternatives(noun_forms(bare, plural=head and not word.endswith("_")))


class _Reader:
    """Walks the tokens after `*` and writes tengri pattern text."""

    def __init__(self, tokens: list[str], synsets: dict[str, tuple[str, ...]]) -> None:
        self.tokens = tokens
        self.at = 0
        self.synsets = synsets
        self.parts: list[str] = []
        self.target_slots: list[str] = []
        self.object_target = False
        self.has_object_noun = False
        self.extra_gap = 0

    def _next(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def _gap(self, size: int = _GAP) -> None:
        self.parts.append(f"~{size + self.extra_gap}")
        self.extra_gap = 0

    def _noun_phrase(self) -> str:
        words = []
        while self.at < len(self.tokens) and self.tokens[self.at] != "}":
            words.append(self._next())
        if self.at >= len(self.tokens) or not words:
            raise Untranslatable("an unclosed or empty {noun phrase}")
        self._next()
        return " ".join(
            _word(w, self.synsets, head=(i == len(words) - 1)) for i, w in enumerate(words)
        )

    def _element(self) -> str | None:
        token = self._next()
        if token == "{":
            return self._noun_phrase()
        if token in {"$", "%"}:
            raise Untranslatable("the source after the verb, or a compound actor")
        if token in {"+", "^"}:
            return token
        if token in {"(", ")", "}"}:
            raise Untranslatable(f"a stray {token!r}")
        return _word(token, self.synsets, head=True)

    def _preposition(self, first: bool) -> None:
        if self.at >= len(self.tokens):
            raise Untranslatable("an unclosed (preposition)")
        preposition = self._next().lower()
        if not re.fullmatch(r"[a-z]+", preposition):
            raise Untranslatable(f"no preposition at the start of ({preposition} …)")
        inside: list[str] = []
        while self.at < len(self.tokens) and self.tokens[self.at] != ")":
            element = self._element()
            if element is not None:
                inside.append(element)
        if self.at >= len(self.tokens):
            raise Untranslatable("an unclosed (preposition)")
        self._next()
        if inside == ["^"]:
            self.extra_gap += 3  # "(IN ^)": any place or actor; leave room for it
            return
        nouns = [e for e in inside if e not in {"+", "^"}]
        if "+" in inside or not nouns:
            self.target_slots.append(preposition)
        # right after the verb ("rushed to"), a preposition leaves room for an adverb only
        self._gap(1 if first else _GAP)
        self.parts.append(preposition)
        for noun in nouns:
            self._gap()
            self.parts.append(noun)

    def read(self) -> Translation:
        first = True
        while self.at < len(self.tokens):
            if self.tokens[self.at] == "(":
                self._next()
                self._preposition(first)
            else:
                element = self._element()
                if element == "+":
                    self.object_target = self.object_target or first
                    self.extra_gap += 3
                elif element == "^":
                    self.extra_gap += 3
                elif first and element in _PARTICLES:
                    self.parts.append(element)
                else:
                    self.has_object_noun = True
                    self._gap()
                    self.parts.append(element)  # type: ignore[arg-type]
            first = False
        return Translation(
            " ".join(self.parts),
            tuple(dict.fromkeys(self.target_slots)),
            self.object_target,
            self.has_object_noun,
        )


def translate(after: str, synsets: dict[str, tuple[str, ...]]) -> Translation:
    """The words after a pattern's `*` in tengri's pattern language, or Untranslatable."""
    return _Reader(_tokens(after), synsets).read()


# ---------------------------------------------------------------- building entries


@dataclass(slots=True)
class _Group:
    """The patterns of one verb for one CAMEO code: one YAML entry."""

    code: str
    verb: Verb
    bare: bool  # the verb alone, or with its phrases
    patterns: set[str] = field(default_factory=set)
    target_slots: list[str] = field(default_factory=list)
    object_first: bool = False
    symmetric: bool = False


def _pruned(verb: Verb, code: str, after: str) -> bool:
    if verb.lemma in _VERBS_DROPPED:
        return True
    words = set(re.findall(r"[a-z]+", after.lower().replace("&", " ")))
    for rule in _PRUNED:
        name, *rest = rule.split()
        if name != verb.name or (rest and rest[0] not in {code, "*"}):
            continue
        if len(rest) < 2 or any(w.startswith(rest[1]) for w in words):
            return True
    return False


def _event_code(written: str) -> tuple[str | None, bool, str]:
    """(code of the source->target event, whether it is mutual, why not) from "163",
    "042:043", "046:046", ":173" or "---"."""
    first, _, second = written.partition(":")
    first = first.strip()
    if not first or first.startswith("-"):
        return None, False, "no event, or the reversed event only" if second else "no event"
    try:
        plover = cameo(first).plover_type
    except OntologyError:
        return None, False, "a code the ontology does not know"
    if plover is None:
        return None, False, "CAMEO 01x, no PLOVER type"
    return first, second.strip() == first, ""


class Builder:
    """Collects entries from a dictionary, counting what was kept and dropped and why."""

    def __init__(self, dictionary: Dictionary) -> None:
        self.dictionary = dictionary
        self.groups: dict[tuple[str, str, bool], _Group] = {}
        self.tally: Counter[str] = Counter()
        self.known = {v.key: v for b in dictionary.blocks for v in b.verbs}

    def _group(self, code: str, verb: Verb, bare: bool) -> _Group:
        key = (code, verb.name, bare)
        if key not in self.groups:
            self.groups[key] = _Group(code, verb, bare)
        return self.groups[key]

    def _pattern_verbs(self, block: Block, pattern: RawPattern) -> list[Verb]:
        own = {v.key: v for v in block.verbs}
        named = [own[o] for o in pattern.origins if o in own]
        if not named:
            named = [self.known[o] for o in pattern.origins if o in self.known]
        # no verb named: the pattern was written for the whole synonym block, as PETRARCH reads it
        return list(dict.fromkeys(named)) or block.verbs

    def add_bare_verbs(self, block: Block) -> None:
        for verb in block.verbs:
            code, _, why = _event_code(verb.code or block.code)
            if code is None:
                self.tally[f"bare verb dropped: {why}"] += 1
            elif verb.name not in _BARE_VERBS:
                self.tally["bare verb dropped: pruned"] += 1
            else:
                self._group(code, verb, bare=True).patterns.add("")
                self.tally["bare verb kept"] += 1

    def add_pattern(self, block: Block, pattern: RawPattern) -> None:
        code, mutual, why = _event_code(pattern.code)
        if code is None:
            self.tally[f"pattern dropped: {why}"] += 1
            return
        if code[:2] not in _ACT_NOUNS:
            self.tally["pattern dropped: a verbal CAMEO root"] += 1
            return
        # The act must be named by the object itself, not by a phrase in brackets after it:
        # "dispatch letters (about sanctions)" sends letters, it imposes no sanctions.
        head = re.sub(r"\([^)]*\)", " ", pattern.after.lower())
        words = set(re.findall(r"&?[\w-]+", head))
        if not words & _ACT_NOUNS[code[:2]]:
            self.tally["pattern dropped: its object does not name the act"] += 1
            return
        if pattern.before:
            self.tally["pattern dropped: names the subject (words before the verb)"] += 1
            return
        try:
            translation = translate(pattern.after, self.dictionary.synsets)
        except Untranslatable as exc:
            self.tally[f"pattern dropped: {exc}"] += 1
            return
        if not translation.text and not translation.object_target:
            self.tally["pattern dropped: the verb alone under a phrase code"] += 1
            return
        for verb in self._pattern_verbs(block, pattern):
            text = translation.text
            if _pruned(verb, code, pattern.after):
                self.tally["pattern dropped: pruned"] += 1
                continue
            group = self._group(code, verb, bare=not text)
            group.patterns.add(text)
            group.target_slots.extend(translation.target_slots)
            group.object_first |= translation.object_target or not translation.has_object_noun
            group.symmetric |= mutual
            self.tally["pattern kept"] += 1

    def build(self) -> list[dict[str, object]]:
        for block in self.dictionary.blocks:
            self.add_bare_verbs(block)
            for pattern in block.patterns:
                self.add_pattern(block, pattern)
        return [_entry(g) for g in sorted(self.groups.values(), key=_order)]


def _order(group: _Group) -> tuple[str, str, bool]:
    return (group.code, group.verb.name, not group.bare)


def veto(verb: Verb) -> str:
    """Where the verb reports no event of its own:
    - a form read as a noun or an adjective, after an article, a possessive or "of" ("its
      exports", "of battles with", "the besieged town");
    - the plain form after "to" or "must": the act is what someone demands, refuses, plans or
      promises ("the EU's demand to release", "refusing to lift the curfew", "Sudan must return
      a helicopter"), and that is the event. Where a hand-written wrapper ("agreed to", "urged")
      holds it, the wrapper is coded on its own;
    - a gerund outside a progressive or a participle clause ("the plan on expanding
      cooperation", "denied sending troops"): a goal, a topic, a denied or planned act;
    - the verb followed by a clause ("stress that Turkmenistan needs …"): what the pattern
      takes for its object is in another clause.
    """
    forms = inflections(verb.lemma)
    nominal = sorted(
        form
        for form, tag in forms.items()
        if tag in {"VBN", "VBD"} or (tag != "VBG" and "NOUN" in getAllLemmas(form))
    )
    plain = sorted(form for form, tag in forms.items() if tag in {"VB", "VBP"})

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(" ".join((w, *verb.particles))) for w in words)

    gerunds = sorted(form for form, tag in forms.items() if tag == "VBG")
    checks = [
        rf"\b(?:to|must)\s+(?:{alternatives(plain)})\b",
        rf"{_GERUND_UNLESS}\b(?:{alternatives(gerunds)})\b",
        rf"\b(?:{alternatives(sorted(forms))})\s+(?:that|whether|if|how|why|what)\b",
    ]
    if nominal:
        checks.insert(0, rf"{_NOUN_BEFORE}(?:{alternatives(nominal)})\b")
    return "|".join(checks)


def _verb_pattern(verb: Verb, rest: str) -> str:
    return " ".join(p for p in (f"{{{verb.lemma}}}", *verb.particles, rest) if p)


def _entry(group: _Group) -> dict[str, object]:
    code = cameo(group.code)
    type_ = code.plover_type or ""
    mode = code.plover_mode if is_valid(type_, code.plover_mode) else None
    by_type = _TYPE_TARGET_PREPOSITIONS.get(type_, ())
    own = tuple(dict.fromkeys(group.target_slots))
    if group.bare or group.object_first:
        target = ("object", *own, *by_type)
    else:
        target = (*own, *by_type, "object")
    slug = "-".join((group.code, *group.verb.name.split()))
    entry: dict[str, object] = {
        "id": f"phx-{slug}" + ("" if group.bare else "-phrase"),
        "type": type_,
        "mode": mode,
        "cameo": group.code,
        "verbs": sorted(_verb_pattern(group.verb, p) for p in group.patterns),
        "source": ["subject", "between"] if group.symmetric else ["subject"],
        "target": list(dict.fromkeys(target)),
        "place": list(_TYPE_PLACES.get(type_, ())),
        "actors": "any" if type_ in _ANY_ACTORS else "political",
        "symmetric": group.symmetric,
        "needs_target": group.bare and type_ not in _TARGETLESS,
        "priority": 0,
        "veto": veto(group.verb),
    }
    return entry


# ---------------------------------------------------------------- writing the YAML

_HEADER = """\
# Trigger entries derived from the Phoenix/PETRARCH-2 CAMEO verb dictionary (CAMEO.2.0.txt,
# openeventdata/petrarch2 @ 676801cd, MIT licence, (c) 2015 Open Event Data Alliance; see
# NOTICE.md). GENERATED by `python -m tengri.extract.build_derived /path/to/CAMEO.2.0.txt`:
# do not edit by hand, change the generator (its pruning tables) and run it again.
#
# Every entry has priority 0: it codes only where no hand-written entry of triggers.yaml
# matches. Type and mode come from the CAMEO code through the CAMEO2PLOVER crosswalk; roles
# follow the pattern's shape (subject -> source; object or preposition -> target).
"""


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_YAML_WORDS = frozenset("y n yes no on off true false null".split())


def _scalar(value: object) -> str:
    """A YAML scalar: plain where it reads the same, else a JSON string (valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


# What the lexicon assumes when a key is absent: left out to keep the file short.
_DEFAULTS: dict[str, object] = {"source": ["subject"], "target": ["object"], "actors": "political"}


def render(entries: Sequence[dict[str, object]]) -> str:
    """The YAML text of the entries, one block per entry, grouped by CAMEO root."""
    lines = [_HEADER]
    root = None
    for entry in entries:
        code = str(entry["cameo"])
        if code[:2] != root:
            root = code[:2]
            lines.append(f"\n# {'-' * 64} CAMEO {root}: {cameo(root).description.lower()}\n")
        lines.append(f"- id: {entry['id']}\n")
        for key, value in entry.items():
            if (
                key == "id"
                or value is None
                or value is False
                or value == []
                or (_DEFAULTS.get(key) == value)
            ):
                continue
            if isinstance(value, list) and key == "verbs":
                lines.append(f"  {key}:\n")
                lines.extend(f"    - {_scalar(v)}\n" for v in value)
            elif isinstance(value, list):
                lines.append(f"  {key}: [{', '.join(_scalar(v) for v in value)}]\n")
            else:
                lines.append(f"  {key}: {_scalar(value)}\n")
        lines.append("\n")
    return "".join(lines).rstrip("\n") + "\n"


def build(dictionary_text: str) -> tuple[str, Counter[str]]:
    """The derived lexicon's YAML text from a dictionary's text, and what was kept or dropped."""
    builder = Builder(read_dictionary(dictionary_text))
    entries = builder.build()
    builder.tally["entries"] = len(entries)
    return render(entries), builder.tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", type=Path, help="the CAMEO.2.0.txt verb dictionary")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT}")
    args = parser.parse_args(argv)
    try:
        dictionary_text = args.dictionary.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"error: cannot read the verb dictionary {args.dictionary}: {exc}", file=sys.stderr)
        return 1
    text, tally = build(dictionary_text)
    args.output.write_text(text, encoding="utf-8")
    for reason, count in sorted(tally.items()):
        print(f"{count:6d}  {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
