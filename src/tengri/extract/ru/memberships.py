"""Membership claims in Russian ("Белоруссия стала полноправным членом ШОС", "Киргизия — член
ЕАЭС и ОДКБ", "Иран получил статус наблюдателя в ЕАЭС", "Армения заморозила участие в ОДКБ",
"может вступить в ЕАЭС") and what the knowledge base says about each on its date.

The claim is read from the words between the member and the organisation; the record, its date
and the KB check are made as in the English step (`tengri.extract.memberships`).
"""

from __future__ import annotations

import re

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.memberships import _Claim, _date, _members_of, _with_mention
from tengri.extract.records import actor_of, evidence_for
from tengri.model import EventStatus, KBCheck, KBView, Membership, MembershipRelation, stable_id

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
    kb = analysis.kb
    by_key: dict[tuple[str, str, str], Membership] = {}
    for sentence in analysis.sentences:
        for claim, status in _claims(analysis, sentence):
            member = actor_of(analysis, claim.member)
            organization = actor_of(analysis, claim.organization)
            if member is None or organization is None or not member.country or not organization.id:
                continue
            key = (member.country, organization.id, claim.relation.value)
            evidence = evidence_for(analysis, sentence, claim.start, claim.end)
            if key in by_key:
                if by_key[key].evidence.sentence_index != sentence.index:
                    by_key[key] = _with_mention(by_key[key], evidence)
                continue
            date = _date(analysis, claim)
            on = date.end or date.start or analysis.published
            check = kb.check_membership(member.country, organization.id, claim.relation.value, on)
            views = tuple(KBView(m.kind, m.when.start, m.when.end, m.source) for m in check.held)
            result = check.result
            if status not in {EventStatus.OCCURRED, EventStatus.ONGOING}:
                result = KBCheck.UNKNOWN if check.result == KBCheck.CONFLICT else check.result
            by_key[key] = Membership(
                membership_id=stable_id("mem", analysis.document.doc_id, *key),
                doc_id=analysis.document.doc_id,
                member=member,
                organization=organization,
                relation=claim.relation,
                date=date,
                status=status,
                kb_check=result,
                kb=views if result != KBCheck.CONSISTENT or views else (),
                evidence=evidence,
                confidence=0.8 if claim.relation != MembershipRelation.MEMBER else 0.7,
            )
    return {"memberships": tuple(by_key.values())}
