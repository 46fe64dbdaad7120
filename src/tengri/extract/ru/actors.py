"""Actor mentions in Russian bodies: the KB's mentions (names in any case, "президент России",
"российский президент"), who is in focus, and the Russian ways of pointing back to them.

The KB does the matching (`tengri.kb.find_mentions`, with inflected forms). Like the English step,
this one works out the focus and resolves bare titles ("президент" -> the president last named)
with the English functions; the phrases are Russian: "обе стороны", "стороны", "лидеры двух
стран", "два президента" stand for the pair in focus; "российская сторона" for Russia. Names
inside «quotes» (clubs, companies, pipelines) are not actors.
"""

from __future__ import annotations

import re

from tengri.extract.actors import (
    _drop_covered,
    _resolve_bare_titles,
    mentions_in_body,
    pair_mentions,
    sides,
)
from tengri.extract.analysis import Analysis, Focus
from tengri.extract.coreference import pointing_to
from tengri.kb import Mention

_PAIR = re.compile(
    r"\b(?:(?:обе|обеих|обеим|обеими|две|двух|двум|двумя|оба|обоих|обоим|два)\s+"
    r"(?P<noun>сторон\w*|стран\w*|государств\w*|лидер\w*|президент\w*|глав\w*|министр\w*|"
    r"премьер\w*)"
    r"|(?:лидер\w*|президент\w*|глав\w*|министр\w*|руководител\w*)\s+(?:двух|обеих|обоих)\s+"
    r"(?:стран|государств)(?P<persons>)"
    r"|(?<!со\s)(?<!с\s)(?P<sides>[Сс]тороны)(?=\s+[а-яё]+ли\b))\b",
    re.IGNORECASE,
)
_PERSON_WORDS = ("лидер", "президент", "глав", "министр", "премьер")
_SIDE = re.compile(r"^\s+(?:сторон\w*|власт\w*|правительств\w*|руководств\w*)\b", re.IGNORECASE)
_QUOTED = re.compile(r"«[^«»]{1,80}»|\"[^\"]{1,80}\"")


def _names_persons(match: re.Match[str]) -> bool:
    return match["persons"] is not None or (
        match["noun"] is not None and match["noun"].lower().startswith(_PERSON_WORDS)
    )


_PRONOUN = re.compile(
    r"\b(?P<p>он|она|они|его|её|ее|ему|ей|им|их|него|неё|нее|нему|ней|ним|них|нём|нем)\b",
    re.IGNORECASE,
)
_NOMINATIVE_PRONOUNS = frozenset({"он", "она", "они"})
_AGENT_OF = re.compile(r"^\s+$")
_ADJECTIVE_ENDING = re.compile(r"(?:ском|ской|ского|ских|ским|ская|ское|ские|ском)$")
_PLURAL_TITLE = re.compile(
    r"^(?:президент|министр|глав|премьер-министр|лидер|руководител)\w*(?:ы|и|ов|ам|ами|ах)\b",
    re.IGNORECASE,
)
_HEAD_OF = re.compile(r"\bглав[аыуеой]{1,2}\s+$", re.IGNORECASE)
_MINISTRY_ROLES = {".foreign-ministry": "foreign_minister", ".defence-ministry": "defence_minister",
                   ".defense-ministry": "defence_minister"}  # fmt: skip


def _pronouns(analysis: Analysis, mentions: list[Mention]) -> list[Mention]:
    """ "он", "его", "ему": the person last named before them (a subject pronoun continues the
    subject; an object pronoun takes the last person named, not the subject)."""
    text = analysis.text
    persons = [m for m in mentions if m.kind in {"person", "office"} and m.entity]
    found: list[Mention] = []
    for sentence in analysis.sentences:
        for match in _PRONOUN.finditer(sentence.text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            after = text[end : end + 20]
            if re.match(r"\s+[а-яё]+(?:ом|ем|ой|ей|у|ю|а|я|ы|и|ия|ие|ии|ов)\b", after) and (
                match["p"].lower() in {"его", "её", "ее", "их"}
            ):
                continue  # a possessive ("его визит")
            previous = analysis.sentences[max(0, sentence.index - 1)].start
            before = [m for m in persons if previous <= m.start and m.end <= start]
            if not before:
                continue
            same = [m for m in before if m.start >= sentence.start]
            if match["p"].lower() in _NOMINATIVE_PRONOUNS:
                antecedent = same[0] if same else before[0]
            else:
                antecedent = same[-1] if len(same) > 1 else before[-1]
            found.append(pointing_to(start, end, match.group(0), antecedent))
    return found


def _combined(text: str, kb: object, on: object, mentions: list[Mention]) -> list[Mention]:
    """Russian combinations the KB step leaves apart: an agent noun with its state after it
    ("делегации Киргизии"), "глава МИД Казахстана" (the foreign minister), and adjective-like
    forms of small places before a noun ("в Каспийском море") dropped."""
    out: list[Mention] = []
    skip: set[int] = set()
    for index, mention in enumerate(mentions):
        if index in skip:
            continue
        nxt = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            mention.kind in {"group", "institution"}
            and mention.entity is None
            and mention.country is None
            and nxt is not None
            and nxt.kind == "state"
            and _AGENT_OF.match(text[mention.end : nxt.start])
        ):
            out.append(
                Mention(
                    mention.start,
                    nxt.end,
                    text[mention.start : nxt.end],
                    mention.kind,
                    None,
                    nxt.country,
                    None,
                    mention.sector,
                    f"agent noun {mention.text!r} of {nxt.country}",
                )
            )
            skip.add(index + 1)
            continue
        if (
            mention.kind == "place"
            and _ADJECTIVE_ENDING.search(mention.text)
            and re.match(r"^\s+[а-яё]", text[mention.end : mention.end + 3])
        ):
            continue  # "Каспийском море" is the Caspian Sea, not Kaspiysk
        if (
            mention.kind == "person"
            and mention.role
            and _PLURAL_TITLE.match(mention.text)
            and nxt is not None
            and nxt.kind == "state"
            and re.match(r"^\s+и\s+$", text[mention.end : nxt.start])
        ):  # "министры иностранных дел Армении и Азербайджана": both ministers
            out.append(mention)
            out.append(_minister(text, kb, on, nxt, mention.role, start=nxt.start))
            skip.add(index + 1)
            continue
        role = next(
            (r for suffix, r in _MINISTRY_ROLES.items() if (mention.entity or "").endswith(suffix)),
            None,
        )
        if (
            role
            and mention.kind == "institution"
            and _HEAD_OF.search(text[max(0, mention.start - 12) : mention.start])
        ):
            out.append(_minister(text, kb, on, mention, role))
            following = nxt
            if (
                following is not None
                and following.kind == "state"
                and re.match(r"^\s+и\s+$", text[mention.end : following.start])
            ):
                out.append(_minister(text, kb, on, following, role))
                skip.add(index + 1)
            continue
        out.append(mention)
    return out


def _minister(
    text: str, kb: object, on: object, mention: Mention, role: str, start: int | None = None
) -> Mention:
    office = kb.office_for(mention.country, role=role)  # type: ignore[attr-defined]
    term = kb.holder(office.id, on) if office is not None and on is not None else None  # type: ignore[attr-defined]
    if term is None:
        return mention
    if start is None:
        start = text.rfind("глав", max(0, mention.start - 12), mention.start)
        start = start if start != -1 else mention.start
    return Mention(
        start,
        mention.end,
        text[start : mention.end],
        "person",
        term.person,
        mention.country,
        role,
        "GOV",
        f"head of {mention.entity or mention.country}",
    )


def _quoted(text: str, body: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for start, end in body:
        spans += [(start + m.start(), start + m.end()) for m in _QUOTED.finditer(text[start:end])]
    return spans


def find_actors(analysis: Analysis) -> dict[str, object]:
    """Resolve every actor and place mention in the body sentences and work out the focus."""
    text, kb, on = analysis.text, analysis.kb, analysis.published
    if not analysis.sentences:
        return {"mentions": (), "focus": Focus()}
    inside, focus = mentions_in_body(analysis)
    quoted = _quoted(text, [(s.start, s.end) for s in analysis.sentences])
    inside = [m for m in inside if not any(s < m.start and m.end < e for s, e in quoted)]
    inside = _drop_covered(sides(text, inside, _SIDE, 25))
    inside = _combined(text, kb, on, sorted(inside, key=lambda m: (m.start, m.end)))
    inside = _resolve_bare_titles(inside, focus)
    pairs = pair_mentions(analysis, focus, inside, _PAIR, _names_persons)
    inside = [m for m in inside if not any(p.start < m.end and m.start < p.end for p in pairs)]
    inside.extend(pairs)
    inside.sort(key=lambda m: (m.start, m.end))
    inside.extend(_pronouns(analysis, inside))
    inside.sort(key=lambda m: (m.start, m.end))
    return {"mentions": tuple(inside), "focus": focus}
