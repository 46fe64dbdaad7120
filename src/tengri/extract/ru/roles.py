"""Who did what to whom in Russian: source, target and participants from grammatical case.

Russian word order is free, so roles come from case, read from the KB's inflected forms or from
pymorphy3 (`extract.ru.morph.mention_cases`), inside the trigger's clause:
- `subject`: a nominative actor not governed by a preposition, before the trigger (with actors
  coordinated by «и» or commas); failing that, after a verb ("встретил Касым-Жомарт Токаев");
- `object`: an accusative actor after the verb, else before it ("Российского президента …
  встретил Токаев"); `dative`: a dative actor ("позвонил Токаеву", "пригрозил Киеву");
- `genitive`: an actor right after a noun ("визит Токаева", "переговоры Путина и Токаева");
- `adjective`: "российский удар";
- prepositions: «с»/«со» (+ instrumental: "с Путиным"), «в», «на», «к», «между», «против», …
The checks that follow (own state as target, political actors, symmetric events) are those of
the English `roles_for`.
"""

from __future__ import annotations

import itertools
import re

from tengri.extract.analysis import Analysis, Candidate, Sentence, Trigger
from tengri.extract.lexicon import Entry
from tengri.extract.roles import (
    _crowd,
    candidate_of,
    candidates_with_roles,
    dyads,
    not_own_state,
    pick_roles,
)
from tengri.extract.ru.lexicon import entries_by_id
from tengri.extract.ru.morph import is_noun, mention_cases
from tengri.extract.slots import _political, adjective_as_state, clause_span, first_filled
from tengri.kb import Mention

_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[-–—]\s|,\s+(?:а|но|однако|хотя|поскольку|так\s+как|потому\s+что|когда|где|"
    r"котор\w+|что|чтобы|если|пока)\b|\b(?:заявил\w*|сообщил\w*|отметил\w*|сказал\w*|"
    r"подчеркнул\w*|передает|передаёт|сообщает|считают|считает)\b",
    re.IGNORECASE,
)
PREPOSITIONS = frozenset(
    "в во на с со к ко из от по для у о об обо при между против после до без через за под над "
    "перед около возле вокруг среди ради кроме вместо из-за благодаря согласно вслед".split()
)
_LAST_WORD = re.compile(r"([\w-]+)\s*$")
_COORDINATION = re.compile(r"^\s*(?:,|и|,\s*а\s+также|а\s+также|,\s*и)\s*$", re.IGNORECASE)
_ACTOR_KINDS = frozenset({"state", "person", "igo", "institution", "group", "office", "adjective"})
_OBJECT_GAP = re.compile(r"^[\s,]*(?:[а-яё-]+\s+){0,3}$", re.IGNORECASE)
_AT_INVITATION = re.compile(r"\bпо\s+$", re.IGNORECASE)


def clause(analysis: Analysis, sentence: Sentence, trigger: Trigger) -> tuple[int, int]:
    """The span of the trigger's clause inside its sentence."""
    return clause_span(analysis, sentence, trigger, _CLAUSE_BREAK)


def at_invitation(analysis: Analysis, trigger: Trigger) -> bool:
    """ "по приглашению Путина": background to another event, told as such."""
    return trigger.entry == "invite" and bool(
        _AT_INVITATION.search(analysis.text[max(0, trigger.start - 6) : trigger.start])
    )


class Slots:
    """Finds the mentions that fill a slot around one trigger."""

    def __init__(self, analysis: Analysis, trigger: Trigger, mentions: list[Mention]) -> None:
        self.analysis, self.text, self.trigger = analysis, analysis.text, trigger
        sentence = analysis.sentences[trigger.sentence]
        self.sentence = sentence
        self.left, self.right = clause(analysis, sentence, trigger)
        # a verb phrase may hold its own object ("направил в Афганистан гуманитарную помощь"):
        # actors inside it after the verb count as coming after the trigger
        first_word = re.match(r"[\w-]+", trigger.text)
        self.head_end = trigger.start + (first_word.end() if first_word else len(trigger.text))
        if trigger.form == "noun":
            self.head_end = trigger.end
        self.mentions = [
            m
            for m in mentions
            if sentence.start <= m.start < sentence.end
            and (m.kind in _ACTOR_KINDS or m.kind == "place")
            and (not (m.start < trigger.end and trigger.start < m.end) or m.start >= self.head_end)
        ]
        self._cases: dict[tuple[int, int], frozenset[str]] = {}

    def cases(self, mention: Mention) -> frozenset[str]:
        key = (mention.start, mention.end)
        if key not in self._cases:
            self._cases[key] = mention_cases(self.analysis.kb, mention)
        return self._cases[key]

    def preposition(self, mention: Mention) -> str | None:
        """The preposition governing a mention, if the word right before it is one."""
        before = self.text[max(self.sentence.start, mention.start - 25) : mention.start]
        match = _LAST_WORD.search(before)
        word = match.group(1).lower() if match else ""
        return word if word in PREPOSITIONS else None

    def fill(self, slot: str) -> list[Mention]:
        if slot == "subject":
            return [] if self.trigger.anaphoric else self.subject()
        if slot == "object":
            return self.object() if self.trigger.form != "noun" else []
        if slot == "dative":
            return self.by_case("datv")
        if slot == "genitive":
            return self.genitive()
        if slot == "adjective":
            return self.adjective()
        return self.after_preposition(slot.replace("_", " "))

    def coordinated(self, chosen: Mention, limit: int | None = None) -> list[Mention]:
        """The chosen mention and those joined to it by «и» or commas, on both sides."""
        same_span = [
            m
            for m in self.mentions
            if (m.start, m.end) == (chosen.start, chosen.end) and m != chosen
        ]  # "лидеры двух стран": the pair in focus is two mentions of one span
        if same_span:
            return [chosen, *same_span]
        group = [chosen]
        ordered = sorted(self.mentions, key=lambda m: m.start)
        index = ordered.index(chosen)
        current = chosen
        for mention in reversed(ordered[:index]):
            gap = self.text[mention.end : current.start]
            if not _COORDINATION.match(gap) or mention.kind == "place":
                break
            group.insert(0, mention)
            current = mention
        current = chosen
        for mention in ordered[index + 1 :]:
            if limit is not None and mention.end > limit:
                break
            gap = self.text[current.end : mention.start]
            if not _COORDINATION.match(gap) or mention.kind == "place":
                break
            group.append(mention)
            current = mention
        if len(group) > 1 and all(
            self.text[a.end : b.start].strip() == "," for a, b in itertools.pairwise(group)
        ):
            return [chosen]  # commas alone list other things ("Москва, Минск")
        return group

    def subject(self) -> list[Mention]:
        before = [m for m in self.mentions if self.left <= m.start and m.end <= self.trigger.start]
        for mention in reversed(before):
            if self.preposition(mention):
                continue
            if "nomn" in self.cases(mention):
                return self.coordinated(mention, limit=self.trigger.start)
        if self.trigger.form == "noun":
            return []
        after = [m for m in self.mentions if self.head_end <= m.start < self.right]
        for mention in after:
            if self.preposition(mention) or mention.kind == "place":
                continue
            cases = self.cases(mention)
            if "nomn" in cases and "accs" not in cases:
                return self.coordinated(mention)
        return []

    def _gap_start(self, mention: Mention) -> int:
        """Where the words between the trigger and a mention begin (the trigger's own words
        do not count: "пойти на уступки Таджикистану")."""
        return self.trigger.end if mention.start >= self.trigger.end else self.head_end

    def _loose_words(self, start: int, end: int) -> list[str]:
        """The words between two offsets that no actor mention covers."""
        covered = [(m.start, m.end) for m in self.mentions if start <= m.start and m.end <= end]
        words = []
        for match in re.finditer(r"[\w-]+", self.text[start:end]):
            at = start + match.start()
            if not any(s <= at < e for s, e in covered):
                words.append(match.group(0).lower())
        return words

    def object(self) -> list[Mention]:
        after = [m for m in self.mentions if self.trigger.end <= m.start < self.right]
        for mention in after:
            if self.preposition(mention):
                continue
            loose = [
                w
                for w in self._loose_words(self.trigger.end, mention.start)
                if w not in PREPOSITIONS
            ]
            if len(loose) > 2 or any(is_noun(w) for w in loose):
                break  # "визит в Россию по приглашению Путина": Putin is not what was visited
            if "accs" in self.cases(mention):
                return self.coordinated(mention)
            break
        before = [m for m in self.mentions if self.left <= m.start and m.end <= self.trigger.start]
        for mention in reversed(before):
            if self.preposition(mention) or mention.kind == "place":
                continue
            cases = self.cases(mention)
            if "accs" in cases and "nomn" not in cases:
                return self.coordinated(mention, limit=self.trigger.start)
        return []

    def by_case(self, case: str) -> list[Mention]:
        """The first actor after the verb that no preposition governs, if it is in this case."""
        after = [m for m in self.mentions if self.head_end <= m.start < self.right]
        for mention in after:
            if self.preposition(mention):
                continue
            loose = [
                w
                for w in self._loose_words(self._gap_start(mention), mention.start)
                if w not in PREPOSITIONS
            ]
            near = len(loose) <= 2 and not any(is_noun(w) for w in loose)
            if near and case in self.cases(mention):
                return self.coordinated(mention)
            break
        return []

    def genitive(self) -> list[Mention]:
        after = [m for m in self.mentions if self.trigger.end <= m.start < self.right]
        if not after:
            return []
        first = after[0]
        gap = self.text[self.trigger.end : first.start]
        if _OBJECT_GAP.match(gap) and not self.preposition(first) and "gent" in self.cases(first):
            return self.coordinated(first)
        return []

    def adjective(self) -> list[Mention]:
        """ "российский удар": an adjective of a state right before a noun trigger."""
        before = [
            m
            for m in self.mentions
            if m.end <= self.trigger.start
            and m.kind == "adjective"
            and self.trigger.form == "noun"
            and self.text[m.end : self.trigger.start].strip() == ""
        ]
        return self.coordinated(before[-1], limit=self.trigger.start) if before else []

    def _just_before(self, word: str) -> list[Mention]:
        """ "в России с государственным визитом": the phrase right before a noun trigger."""
        for mention in self.mentions:
            gap = self.text[mention.end : self.trigger.start]
            if (
                mention.end <= self.trigger.start
                and re.fullmatch(r"\s*(?:со?\s+)?", gap)
                and self.preposition(mention) == word
                and mention.kind != "institution"
            ):
                return [mention]
        return []

    def after_preposition(self, word: str) -> list[Mention]:
        window_end = min(self.right, self.trigger.end + 90)
        if self.trigger.text.lower().endswith(f" {word}"):  # "прибыл в" + Москву
            after = [m for m in self.mentions if self.trigger.end <= m.start < self.right]
            if after and _OBJECT_GAP.match(self.text[self.trigger.end : after[0].start]):
                return self.coordinated(after[0])
        pattern = re.compile(rf"(?<![\w-]){re.escape(word)}\s+", re.IGNORECASE)
        for match in pattern.finditer(self.text, self.head_end, window_end):
            after = [m for m in self.mentions if match.end() <= m.start < self.right]
            if word in {"в", "во", "на"}:  # "в Кремле", "в МИД": a seat, not a party
                after = [m for m in after if m.kind != "institution"]
            if not after:
                continue
            first = after[0]
            if _OBJECT_GAP.match(self.text[match.end() : first.start]):
                found = self.coordinated(first)
                if word == "между" and len(found) == 1:
                    continue
                return found
        if self.trigger.form == "noun":
            return self._just_before(word)
        return []


def _invitee(analysis: Analysis, slots: Slots) -> Mention | None:
    """Who "по приглашению X" invited: the nominative subject of the sentence."""
    for mention in slots.mentions:
        if (
            mention.end <= slots.trigger.start
            and not slots.preposition(mention)
            and "nomn" in slots.cases(mention)
            and mention.kind != "place"
        ):
            return mention
    return None


def _as_actor(mention: Mention) -> Mention:
    """An adjective standing as an actor ("российские военные") is its state."""
    if mention.kind != "adjective":
        return mention
    return adjective_as_state(mention)


def roles_for(analysis: Analysis, entry: Entry, trigger: Trigger) -> list[Candidate]:
    """The candidate events a trigger reports (one per dyad), none when it has no valid
    actors."""
    slots = Slots(analysis, trigger, list(analysis.mentions))
    source_slots = entry.source
    if trigger.form == "noun" and "genitive" in source_slots:  # "визит Токаева": the genitive acts
        source_slots = ("genitive", *(s for s in source_slots if s != "genitive"))
    sources = [_as_actor(m) for m in first_filled(slots, source_slots)[0]]
    filled, target_slot = first_filled(slots, entry.target)
    targets = [_as_actor(m) for m in filled]
    found = (
        _candidate(analysis, slots, entry, s, t)
        for s, t in dyads(entry, sources, targets, target_slot)
    )
    return [c for c in found if c is not None]


def _candidate(
    analysis: Analysis, slots: Slots, entry: Entry, sources: list[Mention], targets: list[Mention]
) -> Candidate | None:
    trigger = slots.trigger
    source, target, participants = pick_roles(entry, sources, targets)
    if (
        entry.id == "invite"
        and target is None
        and source is not None
        and at_invitation(analysis, trigger)
    ):
        target = _invitee(analysis, slots)
    target = not_own_state(source, target)
    if source is None and entry.actors == "any" and not trigger.anaphoric:
        source = _crowd(analysis, trigger)
    if not trigger.anaphoric and entry.gathering is None:
        if source is None:
            return None
        if entry.actors == "political" and not _political(source):
            return None
        if entry.needs_target and target is None:
            return None
    return candidate_of(entry, trigger, source, target, participants)


def assign_roles(analysis: Analysis) -> dict[str, object]:
    """Turn every trigger into a candidate event with its source, target and participants."""
    return candidates_with_roles(analysis, entries_by_id(), roles_for)
