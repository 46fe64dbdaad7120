"""Slots: the actor mentions that fill a named role around one trigger.

There is no parser: a slot is read from where actor mentions sit relative to the trigger, inside
the trigger's clause. `subject` is the nearest actor before the trigger that is not inside a
prepositional phrase, with any actors coordinated with it; `object` an actor right after a verb;
`possessor` "Tokayev's visit"; `sayer` who says the clause ("Russia said Sudan must …"); any
other name is a preposition (`to`, `with`, `between`, `of`, `by`, …). When the subject slot finds
nothing, it falls back on the antecedent of ", who", and `roles` may ask for the subject of a
clause a noun frames ("In a phone call, Putin told …") or of a "that" clause after a demand.
"""

from __future__ import annotations

import re
from typing import Protocol

from tengri.extract.analysis import Analysis, Sentence, Trigger
from tengri.kb import Mention

_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[-–—]\s|\b(?:but|while|whereas|which|who|whom|whose|although|though|because|"
    r"after|before|when|where|said|says|saying|told|according\s+to|that)\b",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|at|on|by|with|from|for|to|into|about|against|between|among|during|under|"
    r"over|than|like|including|towards?|across|within|without|near|via|besides|per|"
    r"invitation\s+of)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE,
)
_PREPOSITIONS = (
    r"(?:in|on|at|to|from|with|for|of|by|into|about|against|over|after|before|"
    r"during|between|among|and|or|but|that|which|who)"
)
_OBJECT_GAP = re.compile(
    r"^\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:counterpart|colleague)s?\s+)?$"
    # or a count and a few modifiers: "three Tajik prisoners", "more than 200 protesters"
    rf"|^\s*(?:(?:more\s+than|at\s+least|nearly|about|some|dozens\s+of|hundreds\s+of|"
    rf"thousands\s+of|\d[\d,.]*|(?!{_PREPOSITIONS}\b)[a-z]+(?:-[a-z]+)*)\s+){{1,3}}$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"^\s*(?:,|and|,\s*and|&|as\s+well\s+as|together\s+with)\s*$", re.IGNORECASE
)
_MEMBERS_OF = re.compile(
    r"(?:^|\b)\s*(?:members?|representatives?|delegations?|officials?|"
    r"leaders?|heads?(?:\s+of\s+(?:state|government))?|envoys?|ministers?|"
    r"foreign\s+ministers|defence\s+ministers|defense\s+ministers)\s+"
    r"(?:of|from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Astana branch of MGIMO began …": the institution after "branch of" is the actor.
_HEAD_OF = re.compile(
    r"\b(?:branch|branches|campus|office|subsidiary|affiliate|delegation|"
    r"representatives|embassy|mission)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "In a phone call on Sunday, …", "During talks in Moscow, …": a noun phrase that frames
# the clause after it
_LEADING_FRAME = re.compile(
    r"^\W*(?:in|during|at|over|following)\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+|her\s+)?"
    r"(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_TRAILING_FRAME = re.compile(r"\b(?:after|before)\s*$", re.IGNORECASE)
_FRAME_GAP = re.compile(
    r"^\s*(?:(?:a|an|the|two|three|four|five|several|\d+)\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}of\s+|(?:[a-z][\w-]*\s+){1,2})?$",
    re.IGNORECASE,
)
# what may stand between a subject and its verb: auxiliaries, adverbs, a day
_TO_VERB = re.compile(
    r"(?:\s+(?:have|has|had|were|are|was|is|will|would|could|also|again|now|then|"
    r"on\s+[A-Z]\w+day|[a-z]+ly))*\s+",
)
# acts aimed at whoever the clause after "that" is about ("demanded that Armenia withdraw")
_REPORTING = re.compile(
    r"\b(?:said|says|declared|declares|insisted|insists|stressed|warned|warns|reiterated|"
    r"added|told\s+(?:[\w-]+\s+){1,4}?)(?:\s+(?:on|late\s+on)\s+\w+)?(?:\s+that)?\b",
    re.IGNORECASE,
)
_THAT_CLAUSE_TYPES = frozenset({"REQUEST", "THREATEN"})
# between a verb's object and a purpose infinitive: "telephoned Putin (on Monday) to congratulate"
_OBJECT_THEN_TO = re.compile(
    r"\s+(?:(?:on|last|this|late\s+on|early\s+on)\s+[A-Z]?\w+\s+|again\s+|also\s+)?to\s+"
)
_OBJECT_PHRASE = re.compile(r"(?:his|her|their)\s")  # "his counterpart" after a verb
_RELATIVE_WHO = re.compile(r"\s*,\s*who\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"^(?:'s|’s|')\s+(?:[\w-]+\s+){0,2}$")
_PRONOUN_POSSESSOR = re.compile(r"\b(?:his|her|their|its)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got|get)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)

# Sectors of groups that do not act in international politics on their own account.
_NONPOLITICAL_SECTORS = frozenset(
    {
        "CVL",
        "BUS",
        "EDU",
        "MED",
        "SPT",
        "SPORT",
        "REF",
        "HLH",
        "AGR",
        "LAB",
        "CRM",
        "ELI",
        "ENV",
        "REL",
        "JRN",
        "NGM",
    }
)
_ACTOR_KINDS = frozenset({"state", "person", "igo", "institution", "group", "office"})


def clause_span(
    analysis: Analysis, sentence: Sentence, trigger: Trigger, breaks: re.Pattern[str]
) -> tuple[int, int]:
    """The span of the trigger's clause inside its sentence, bounded by the language's
    clause `breaks` (punctuation, conjunctions, reporting verbs)."""
    text = analysis.text
    left = sentence.start
    for match in breaks.finditer(text, sentence.start, trigger.start):
        left = match.end()
    right = sentence.end
    following = breaks.search(text, trigger.end, sentence.end)
    if following:
        right = following.start()
    return left, right


def _clause(analysis: Analysis, sentence: Sentence, trigger: Trigger) -> tuple[int, int]:
    """The span of the trigger's clause inside its sentence."""
    return clause_span(analysis, sentence, trigger, _CLAUSE_BREAK)


def _usable(mention: Mention) -> bool:
    return mention.kind in _ACTOR_KINDS or mention.kind == "place"


_OBJECT_CONTROL = re.compile(
    r"\b(?:invited|invites|invite|asked|asks|urged|urges|called\s+on|calls\s+on|told|tells|"
    r"ordered|orders|allowed|allows|persuaded|encouraged|pressed|forced|authorised|authorized|"
    r"instructed|requested|requests|appealed\s+to|helped|helps)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our"})


def _as_target(mention: Mention) -> Mention:
    """An adjective in a target position stands for its state ("shelled Armenian villages")."""
    if mention.kind != "adjective" or not mention.country:
        return mention
    return adjective_as_state(mention)


def adjective_as_state(mention: Mention) -> Mention:
    """The state an adjective mention stands for, at the adjective's place in the text."""
    return Mention(
        mention.start,
        mention.end,
        mention.text,
        "state",
        mention.country,
        mention.country,
        None,
        "GOV",
        f"adjective of {mention.country}",
    )


def _political(mention: Mention) -> bool:
    if mention.kind == "group" or (mention.kind == "institution" and mention.entity is None):
        return mention.sector not in _NONPOLITICAL_SECTORS
    return mention.kind in {"state", "person", "igo", "institution", "office", "place"}


class _Slots:
    """Finds the mentions that fill a slot around one trigger."""

    def __init__(self, analysis: Analysis, trigger: Trigger, mentions: list[Mention]) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.trigger = trigger
        sentence = analysis.sentences[trigger.sentence]
        self.sentence = sentence
        self.clause = _clause(analysis, sentence, trigger)
        # where the predicate word ends: actors after it inside the trigger phrase ("summoned
        # the Russian ambassador", "expelled Russian diplomats") are its objects
        first_word = re.match(r"\S+", trigger.text)
        self.verb_end = trigger.start + (first_word.end() if first_word else 0)
        inner = [m for m in mentions if self.verb_end <= m.start and m.end <= trigger.end]
        self.inner = [
            _as_target(m)
            for m in inner
            if (_usable(m) or m.kind == "adjective")
            and (m.country or m.entity)
            and m.text.lower() not in _POSSESSIVE_PRONOUNS
        ]
        self.mentions = [
            _as_target(m)
            for m in mentions
            if sentence.start <= m.start < sentence.end
            and (_usable(m) or (m.kind == "adjective" and m.country))
            and not (m.start < trigger.end and trigger.start < m.end)
        ]

    def fill(self, slot: str) -> list[Mention]:
        if self.trigger.anaphoric and slot not in {"possessor", "of", "by", "between"}:
            # a noun that refers back has only the roles attached to it ("his visit to
            # Denmark"), not those of a later clause ("the visit came as ... to Haiti")
            attached = re.match(
                rf"\s*{re.escape(slot)}\s", self.text[self.trigger.end : self.trigger.end + 8]
            )
            if slot in {"subject", "object", "adjective"} or not attached:
                return []
        if slot == "subject":
            # a noun that refers back ("the details of this meeting") has no subject of its own
            return [] if self.trigger.anaphoric else self.subject()
        if slot == "adjective":
            return self.adjective()
        if slot == "sayer":
            return self.sayer()
        if slot == "of" and self.trigger.form != "noun":
            return []  # "visited the ruins of Merv": only a noun has an "of" actor
        if slot == "object":
            return self.object() if self.trigger.form != "noun" else self.framing_object()
        if slot == "possessor":
            return self.possessor()
        return self.preposition(slot)

    def _with_coordinated(self, chosen: Mention, leftwards: bool) -> list[Mention]:
        """The chosen mention and those coordinated with it ("X and Y", "X, Y and Z").

        A bare comma joins a list only when an "and" closes it: in "of Putin, Tokayev will" the
        comma ends a phrase, it does not coordinate.
        """
        same_span = [m for m in self.mentions if m.start == chosen.start and m.end == chosen.end]
        ordered = sorted(self.mentions, key=lambda m: m.start, reverse=leftwards)
        chain: list[tuple[Mention, str]] = []
        current = chosen
        for mention in ordered:
            if leftwards and mention.end <= current.start:
                gap = self.text[mention.end : current.start]
            elif not leftwards and mention.start >= current.end:
                gap = self.text[current.end : mention.start]
            else:
                continue
            if _COORDINATION.match(gap) and mention.kind != "place":
                chain.append((mention, gap.strip().lower()))
                current = mention
            elif gap.strip():
                break
        joined = [g for _, g in chain]
        if leftwards:
            # the gap next to the chosen mention must be an "and"; commas may come before it
            if not joined or joined[0] == ",":
                chain = []
        elif "," in joined and not any(g != "," for g in joined):
            chain = []
        if not leftwards and joined and joined[0].startswith(",") and joined[0] != ",":
            # ", and" right after the chosen one closes a clause ("Xi, who is on a visit to
            # South Africa, and Modi attended"); it lists only after "X, Y, and Z"
            chain = []
        group = same_span + [m for m, _ in chain]
        return sorted(
            {(m.start, m.entity or m.text): m for m in group}.values(), key=lambda m: m.start
        )

    def adjective(self) -> list[Mention]:
        """ "Azerbaijani shelling", "US strikes": the state named by the adjective before a noun."""
        before = [
            m
            for m in self.mentions
            if m.end <= self.trigger.start
            and m.kind in {"adjective", "state"}
            and self.text[m.end : self.trigger.start].strip() == ""
        ]
        if not before:
            return []
        return [adjective_as_state(before[-1])]

    def infinitive_subject(self) -> list[Mention] | None:
        """ "Nazarbayev phoned Putin to congratulate him": a purpose infinitive after an object
        takes the main subject, unless the verb hands the act to its object ("invited X to")."""
        if self.trigger.form not in {"VB", "VBP"}:
            return None
        before = self.text[self.sentence.start : self.trigger.start]
        if not re.search(r"\bto\s+$", before):
            return None
        objects = [m for m in self.mentions if m.end <= self.trigger.start]
        if not objects:
            return None
        last = objects[-1]
        if not _OBJECT_THEN_TO.fullmatch(self.text[last.end : self.trigger.start]):
            return None
        if _OBJECT_CONTROL.search(
            self.text[max(self.sentence.start, last.start - 30) : last.start]
        ):
            return None
        main = self.participle_subject()
        return main or None

    def participle_subject(self) -> list[Mention]:
        """ ", accusing Moscow of …": a participle after a comma takes the sentence's subject."""
        sentence = self.sentence
        first = [
            m
            for m in self.mentions
            if sentence.start <= m.start < self.trigger.start and m.kind != "place"
        ]
        for mention in first:
            prefix = self.text[max(sentence.start, mention.start - 30) : mention.start]
            if not _PREPOSITION_BEFORE.search(prefix):
                return self._with_coordinated(mention, leftwards=False)
        return []

    def subject(self) -> list[Mention]:
        controller = self.infinitive_subject()
        if controller is not None:
            return controller
        if self.trigger.form == "VBG" and re.search(
            r",\s*$", self.text[max(0, self.trigger.start - 3) : self.trigger.start]
        ):
            return self.participle_subject()
        left, _ = self.clause
        before = [m for m in self.mentions if left <= m.start and m.end <= self.trigger.start]
        for mention in reversed(before):
            if _OBJECT_PHRASE.match(mention.text) and self.text[left : mention.start].strip():
                continue  # "thanked his counterpart and invited him": an object, not a subject
            if mention.rule.startswith("adjective of") and self._people(mention):
                return [self._people(mention)]  # type: ignore[list-item]
            if mention.rule.startswith("adjective of"):
                continue  # "the Russian strikes": an adjective is a target, not a subject
            prefix = self.text[max(left, mention.start - 40) : mention.start]
            if _HEAD_OF.search(prefix):
                return self._with_coordinated(mention, leftwards=True)
            if _PREPOSITION_BEFORE.search(prefix) and mention.kind != "person":
                continue
            if _PREPOSITION_BEFORE.search(prefix) and re.search(
                r"\b(?:of|by|with|to|for)\s+$", prefix, re.IGNORECASE
            ):
                continue
            if _MEMBERS_OF.search(prefix):
                return self._with_coordinated(mention, leftwards=True)
            if mention.kind == "place" and not self._capital_speaking(mention):
                continue
            return self._with_coordinated(mention, leftwards=True)
        return self.antecedent()

    def framing_subject(self) -> list[Mention]:
        """A noun in a phrase that frames the main clause has the main clause's subject as its
        own: "In a phone call on Sunday, Putin told Aliyev …", "Modi left Moscow after two days
        of talks with Putin"."""
        if self.trigger.form != "noun" or self.trigger.anaphoric:
            return []
        start, text = self.sentence.start, self.text
        if re.match(r"\s+by\b", text[self.trigger.end : self.trigger.end + 5]):
            return []  # "after violent protests by Muslim groups": the noun has its own agent
        if _LEADING_FRAME.match(text[start : self.trigger.start]):
            comma = text.find(",", self.trigger.end, self.sentence.end)
            if comma == -1:
                return []
            after = [m for m in self.mentions if m.start > comma and m.kind != "place"]
            if after and not text[comma + 1 : after[0].start].strip():
                return self._with_coordinated(after[0], leftwards=False)
            return []
        left, _ = self.clause
        if _TRAILING_FRAME.search(text[max(start, left - 12) : left]) and _FRAME_GAP.match(
            text[left : self.trigger.start]
        ):
            return self.participle_subject()
        return []

    def sayer(self) -> list[Mention]:
        """Who says the clause the trigger is in: "Russia said on Tuesday that Sudan must
        return the helicopter" is Russia's demand."""
        start = self.sentence.start
        verbs = list(_REPORTING.finditer(self.text, start, self.trigger.start))
        if not verbs:
            return []
        verb = verbs[-1]
        before = [m for m in self.mentions if start <= m.start and m.end <= verb.start()]
        for mention in reversed(before):
            prefix = self.text[max(start, mention.start - 40) : mention.start]
            if _PREPOSITION_BEFORE.search(prefix) or not _political(mention):
                continue
            return [mention]
        return []

    def that_subject(self) -> list[Mention]:
        """ "Azerbaijan demanded that Armenia withdraw": a demand or warning is aimed at the
        subject of the clause "that" opens right after the verb."""
        if self.trigger.form == "noun":
            return []
        following = self.text[self.trigger.end : self.trigger.end + 12]
        opener = re.match(r"\s+that\s+(?:the\s+)?", following)
        if opener is None:
            return []
        start = self.trigger.end + opener.end()
        after = [m for m in self.mentions if m.start >= start]
        if not after or self.text[start : after[0].start].strip():
            return []
        return self._with_coordinated(_as_target(after[0]), leftwards=False)

    def framing_object(self) -> list[Mention]:
        """The object of the main clause a leading frame sets ("In a phone call, Putin told
        Aliyev"): the actor right after the framed subject's verb."""
        if self.trigger.form != "noun" or self.fill("subject"):
            return []
        subject = self.framing_subject()
        if not subject or not _LEADING_FRAME.match(
            self.text[self.sentence.start : self.trigger.start]
        ):
            return []
        last = subject[-1]
        after = [m for m in self.mentions if m.start >= last.end and m not in subject]
        if not after:
            return []
        gap = self.text[last.end : after[0].start]
        if re.fullmatch(r"\s+(?:[a-z]+\s+){1,2}(?:his\s+|her\s+|the\s+)?", gap) and "," not in gap:
            return [after[0]]
        return []

    def antecedent(self) -> list[Mention]:
        """ "Xi, who arrived for a state visit, held talks": a clause opened by ", who" has the
        person right before the comma as its subject, and so has the verb after the relative
        clause closes. (", which" after a state was tried and lost more than it found.)"""
        left, _ = self.clause
        opener = _RELATIVE_WHO.search(self.text, max(self.sentence.start, left - 12), left)
        if opener is None or opener.end() != left:
            return []
        before = [m for m in self.mentions if m.end <= opener.start()]
        if not before or self.text[before[-1].end : opener.start()].strip():
            return []
        if before[-1].kind not in {"person", "office"}:
            return []
        return self._with_coordinated(before[-1], leftwards=True)

    def _people(self, mention: Mention) -> Mention | None:
        """ "Palestinians blamed Israel": a plural demonym right before the verb is that
        people, an actor of its country (not "Swiss doctors", where a noun follows)."""
        if not mention.rule.startswith("adjective of") or not mention.country:
            return None
        if not mention.text.endswith("s"):
            return None
        if not _TO_VERB.fullmatch(self.text[mention.end : self.trigger.start]):
            return None
        after = self.text[self.trigger.end : self.trigger.end + 6]
        if re.match(r"\s+(?:of|by|in|for|to)\b", after):
            return None  # "Venezuelans accused of gang membership": a participle, not a verb
        return Mention(
            mention.start,
            mention.end,
            mention.text,
            "group",
            None,
            mention.country,
            None,
            None,
            f"people of {mention.country}",
        )

    def _capital_speaking(self, mention: Mention) -> bool:
        """A place acts only as a capital standing for its government, right before the verb
        ("Moscow said", "Beijing has warned"), never in "opera houses in Almaty invite"."""
        entity = self.analysis.kb.get(mention.entity) if mention.entity else None
        if entity is None or entity.subkind != "capital":
            return False
        prefix = self.text[max(self.sentence.start, mention.start - 12) : mention.start]
        if re.search(r"\b(?:in|at|to|from|near|and|of)\s+(?:the\s+)?$", prefix, re.IGNORECASE):
            return False
        return len(self.text[mention.end : self.trigger.start].split()) <= 3

    def object(self) -> list[Mention]:
        if self.inner:
            return [self.inner[0]]
        _, right = self.clause
        after = [m for m in self.mentions if self.trigger.end <= m.start < right]
        for mention in after:
            gap = self.text[self.trigger.end : mention.start]
            if _OBJECT_GAP.match(gap) or _MEMBERS_OF.match(gap.replace("the ", "", 1)):
                return self._with_coordinated(mention, leftwards=False)
            break
        return []

    def possessor(self) -> list[Mention]:
        left, _ = self.clause
        before = [m for m in self.mentions if left <= m.start and m.end <= self.trigger.start]
        if before and _POSSESSIVE.match(self.text[before[-1].end : self.trigger.start]):
            return [before[-1]]
        if _PRONOUN_POSSESSOR.search(
            self.text[max(left, self.trigger.start - 30) : self.trigger.start]
        ):
            return self.subject()
        return []

    def preposition(self, word: str) -> list[Mention]:
        pattern = re.compile(rf"\b{re.escape(word)}\s+", re.IGNORECASE)
        inside = self._inside_trigger(pattern)
        if inside:
            return inside
        _, right = self.clause
        window_end = min(right, self.trigger.end + 90)
        if self.trigger.form == "noun":
            comma = self.text.find(",", self.trigger.end, window_end)
            window_end = comma if comma != -1 else window_end
        # from the end of the trigger's first word: its own last word may be the preposition
        # ("trip to" Kyiv, "talks with" Putin)
        for match in pattern.finditer(self.text, self.verb_end, window_end):
            after = [m for m in self.mentions if match.end() <= m.start < right]
            if not after:
                continue
            first = after[0]
            gap = self.text[match.end() : first.start]
            if _OBJECT_GAP.match(gap) or _MEMBERS_OF.match(gap):
                found = self._with_coordinated(first, leftwards=False)
                if word == "between" and len(found) == 1:
                    continue
                return found
        return []

    def _inside_trigger(self, pattern: re.Pattern[str]) -> list[Mention]:
        """Actors after a preposition the trigger's own words hold ("ceasefire between India
        and Pakistan took effect"), with those coordinated with the first."""
        match = pattern.search(self.text, self.verb_end, self.trigger.end)
        if match is None:
            return []
        after = [m for m in self.inner if m.start >= match.end()]
        if not after or not _OBJECT_GAP.match(self.text[match.end() : after[0].start]):
            return []
        chain = [after[0]]
        for mention in after[1:]:
            if not _COORDINATION.match(self.text[chain[-1].end : mention.start]):
                break
            chain.append(mention)
        return [] if pattern.pattern.startswith(r"\bbetween") and len(chain) == 1 else chain


_NOUN_BEFORE = re.compile(r"\b([a-z]+s)\s+$")  # a plural common noun right before the verb
_NOT_NOUNS = frozenset(
    {
        "has",
        "was",
        "is",
        "as",
        "this",
        "its",
        "his",
        "yes",
        "thus",
        "news",
        "talks",
        "always",
        "sometimes",
        "perhaps",
        "towards",
        "besides",
    }
)


def _passive(analysis: Analysis, trigger: Trigger) -> bool:
    """Whether a past participle is passive: after a form of "be", or right after a plain noun
    with no actor before it ("a memorial to children killed in the war")."""
    if trigger.form not in {"VBN", "VBD"}:
        return False
    before = analysis.text[max(0, trigger.start - 25) : trigger.start]
    if _PASSIVE_AUX.search(before):
        return True
    noun = _NOUN_BEFORE.search(before)
    if noun is None or noun.group(1).lower() in _NOT_NOUNS:
        return False
    return not any(trigger.start - 3 <= m.end <= trigger.start for m in analysis.mentions)


class FillsSlots(Protocol):
    """A language's slot reader: the mentions that fill a named slot of a trigger."""

    def fill(self, slot: str) -> list[Mention]: ...


def first_filled(slots: FillsSlots, names: tuple[str, ...]) -> tuple[list[Mention], str | None]:
    """The mentions of the first slot of `names` that anything fills, and that slot's name."""
    for name in names:
        found = slots.fill(name)
        if found:
            return found, name
    return [], None
