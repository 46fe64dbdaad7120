"""Membership claims in Russian ("Белоруссия стала полноправным членом ШОС", "Киргизия — член
ЕАЭС и ОДКБ", "Иран получил статус наблюдателя в ЕАЭС", "Армения заморозила участие в ОДКБ",
"может вступить в ЕАЭС") and what the knowledge base says about each on its date.

The claim is read from the words between the member and the organisation; the record, its date
and the KB check are made as in the English step (`tengri.extract.memberships`).
"""

from __future__ import annotations

import re

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.memberships import _Claim, _members_of, memberships_from
from tengri.model import EventStatus, MembershipRelation

_W = r"(?:[\w-]+\s+){0,3}?"
_OTHER_ORG = r"(?:[А-ЯЁA-Z]{2,}\s+и\s+)?"
_MEMBER_FIRST: list[tuple[re.Pattern[str], MembershipRelation]] = [
    (re.compile(rf"^\s+{_W}(?:подал\w*|подаст|подать|направил\w*)\s+(?:официальн\w+\s+)?"
                rf"заявк\w+\s+на\s+(?:вступление|членство)\s+в\s+$", re.I),
     MembershipRelation.APPLIED),
    (re.compile(rf"^\s+{_W}(?:заморозил\w*|приостановил\w*|заморозит|приостановит)\s+"
                rf"(?:сво[её]\s+)?(?:участие|членство)\s+в\s+$", re.I),
     MembershipRelation.SUSPENDED),
    (re.compile(rf"^\s+{_W}(?:вышл\w*|вышел|выйдет|выходит|выйти|выходить|покинул\w*)\s+"
                rf"(?:из\s+)?(?:состава\s+)?$", re.I), MembershipRelation.LEFT),
    (re.compile(rf"^\s+{_W}(?:вступил\w*|вступит|вступать|вступить|вступает|присоединил\w*\s+к|"
                rf"присоединит\w*\s+к|присоединиться\s+к|стал\w*\s+(?:полноправн\w+\s+|"
                rf"новым\s+|постоянн\w+\s+)?член\w*|принят\w*\s+в|получил\w*\s+членство\s+в)"
                rf"\s*(?:в\s+)?$", re.I), MembershipRelation.JOINED),
    (re.compile(rf"^\s+{_W}(?:получил\w*\s+|имеет\s+|обладает\s+)?статус\w*\s+"
                rf"(?:государства-|страны-)?наблюдател\w+\s+(?:в|при)\s+{_OTHER_ORG}$", re.I),
     MembershipRelation.OBSERVER),
    (re.compile(rf"^\s+{_W}(?:стран\w*-|государств\w*-)?партн[её]р\w*\s+{_OTHER_ORG}$", re.I),
     MembershipRelation.PARTNER),
    (re.compile(rf"^\s*(?:—|-|,)?\s*(?:является\s+|остается\s+|остаётся\s+|был[аио]?\s+|"
                rf"будучи\s+|как\s+)?(?:полноправн\w+\s+|постоянн\w+\s+|активн\w+\s+)?"
                rf"член\w*\s+{_OTHER_ORG}$", re.I), MembershipRelation.MEMBER),
]  # fmt: skip
_NEGATED = re.compile(r"\b(?:не|ни)\b|\bотказ\w+", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:может|могут|мог\w*|сможет|возможно|вероятно|если|хочет|"
    r"хотят|стремит\w*|рассматрива\w+|надеет\w+)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:будет|будут|планиру\w+|намерен\w*|собира\w+|ожида\w+|"
    r"вступит|присоединится|станет|выйдет)\b",
    re.I,
)


def _status(gap: str) -> EventStatus:
    if _NEGATED.search(gap):
        return EventStatus.NEGATED
    if _HYPOTHETICAL.search(gap):
        return EventStatus.HYPOTHETICAL
    if _PLANNED.search(gap):
        return EventStatus.PLANNED
    return EventStatus.OCCURRED


def _claims(analysis: Analysis, sentence: Sentence) -> list[tuple[_Claim, EventStatus]]:
    text = analysis.text
    mentions = analysis.mentions_in(sentence)
    members = [m for m in mentions if m.kind in {"state"} or "pair in focus" in m.rule]
    orgs = [m for m in mentions if m.kind == "igo"]
    claims: list[tuple[_Claim, EventStatus]] = []
    for org in orgs:
        for member in members:
            if not (member.end <= org.start and org.start - member.end < 90):
                continue
            gap = text[member.end : org.start]
            if any(member.end <= o.start and o.end <= org.start for o in orgs if o is not org) and (
                not re.search(r"\s+и\s+$", gap)
            ):
                continue  # another organisation stands between them
            for pattern, relation in _MEMBER_FIRST:
                if pattern.match(gap):
                    for state in _members_of(member, analysis, sentence):
                        claim = _Claim(state, org, relation, member.start, org.end, sentence)
                        claims.append((claim, _status(gap)))
                    break
    return claims


def find_memberships(analysis: Analysis) -> dict[str, object]:
    """Membership claims in the body, each checked against the KB on its date."""
    return memberships_from(analysis, _claims)
