"""Membership claims ("Kazakhstan's accession to BRICS", "as members of the EAEU, both
countries …") and what the knowledge base says about each on its date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tengri.extract.analysis import Analysis, Sentence
from tengri.extract.records import actor_of, evidence_for
from tengri.extract.status import _FUTURE_BEFORE, _HYPOTHETICAL_BEFORE, _NEGATION_BEFORE
from tengri.kb import Mention
from tengri.model import (
    UNKNOWN_DATE,
    DateRange,
    EventStatus,
    KBCheck,
    KBView,
    Membership,
    MembershipRelation,
    stable_id,
)

_GAP = r"(?:\s+[\w'’-]+){0,4}?\s+"
# (regex between member and organisation, relation); the member comes first in the text.
_MEMBER_FIRST: list[tuple[re.Pattern[str], MembershipRelation]] = [
    (
        re.compile(
            rf"^(?:'s|’s){_GAP}?(?:formal\s+|full\s+|recent\s+)*(?:accession|admission|"
            rf"entry)\s+(?:in)?to\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.JOINED,
    ),
    (
        re.compile(
            r"^\s+(?:has\s+|have\s+|had\s+|formally\s+|officially\s+)*(?:joined|acceded\s+to|"
            r"was\s+admitted\s+to|were\s+admitted\s+to|became\s+(?:a\s+|the\s+)?(?:full(?:-fledged)?\s+|"
            r"new\s+|\w+th\s+)?members?\s+of)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.JOINED,
    ),
    (
        re.compile(
            r"^\s+(?:will|would|could|may|might|should|plans?\s+to|intends?\s+to|hopes?\s+to|"
            r"is\s+(?:set|expected|due)\s+to|did\s+not|has\s+not|never)\s+"
            r"(?:formally\s+)?(?:join|accede\s+to|become\s+(?:a\s+)?(?:full\s+)?members?\s+of)"
            r"\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.JOINED,
    ),
    (
        re.compile(
            r"^\s+(?:is|are|was|were|remains?|has\s+been|have\s+been)\s+(?:not\s+)?"
            r"(?:a\s+|an\s+)?(?:founding\s+|full\s+|key\s+|permanent\s+)?members?\s+"
            r"(?:state\s+|states\s+|country\s+|countries\s+)?(?:of|in)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.MEMBER,
    ),
    (
        re.compile(r"^(?:'s|’s)\s+(?:full\s+)?membership\s+(?:of|in)\s+(?:the\s+)?$", re.I),
        MembershipRelation.MEMBER,
    ),
    (
        re.compile(
            r"^\s+(?:has\s+|have\s+|had\s+|formally\s+)*(?:left|quit|withdrew\s+from|"
            r"exited|pulled\s+out\s+of|has\s+withdrawn\s+from)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.LEFT,
    ),
    (
        re.compile(
            r"^(?:'s|’s)\s+(?:formal\s+)?(?:withdrawal|exit|departure)\s+from\s+(?:the\s+)?$", re.I
        ),
        MembershipRelation.LEFT,
    ),
    (
        re.compile(
            r"^\s+(?:has\s+|have\s+|formally\s+)*(?:applied|submitted\s+(?:an?\s+)?"
            r"(?:formal\s+)?application)\s+(?:to\s+join|for\s+membership\s+(?:of|in))\s+"
            r"(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.APPLIED,
    ),
    (
        re.compile(
            r"^(?:'s|’s)\s+(?:bid|application)\s+(?:to\s+join|for\s+membership\s+(?:of|in))\s+"
            r"(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.APPLIED,
    ),
    (
        re.compile(
            r"^\s+(?:was|were|has\s+been|have\s+been)\s+suspended\s+from\s+(?:the\s+)?$|"
            r"^\s+(?:froze|frozen|suspended)\s+(?:its\s+|their\s+)?(?:participation|membership)\s+"
            r"in\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.SUSPENDED,
    ),
    (
        re.compile(
            r"^(?:,\s+)?\s*(?:is\s+|was\s+|has\s+been\s+|became\s+)?(?:an?\s+)?observer\s+"
            r"(?:state\s+|country\s+)?(?:of|in|at|to)\s+(?:the\s+)?$|^\s+(?:has|holds|received|"
            r"was\s+granted|obtained)\s+observer\s+status\s+(?:in|at|with)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.OBSERVER,
    ),
    (
        re.compile(
            r"^(?:,\s+)?\s*(?:is\s+|was\s+|became\s+)?(?:an?\s+)?partner\s+(?:state\s+|"
            r"country\s+)(?:of|in)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.PARTNER,
    ),
]
_MEMBER_FIRST += [
    (
        re.compile(
            r"^\s+(?:will|would|plans?\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to|"
            r"decided\s+to|threatened\s+to|could)\s+(?:leave|withdraw\s+from|quit|exit|"
            r"pull\s+out\s+of)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.LEFT,
    ),
    (
        re.compile(
            r"^\s+(?:has|have|had)\s+not\s+(?:left|quit|withdrawn\s+from|exited)\s+"
            r"(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.LEFT,
    ),
    (
        re.compile(r"^\s+(?:remains?|is|was)\s+suspended\s+(?:from|in)\s+(?:the\s+)?$", re.I),
        MembershipRelation.SUSPENDED,
    ),
    (
        re.compile(
            r"^\s+(?:became|becomes|is|was)\s+(?:an?\s+)?observer\s+(?:of|in|at|to)\s+"
            r"(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.OBSERVER,
    ),
    (
        re.compile(
            r"^(?:,\s+)?\s*(?:is\s+|was\s+|became\s+|as\s+)?(?:an?\s+)?dialogue\s+partner\s+"
            r"(?:of|in)\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.PARTNER,
    ),
    (
        re.compile(
            r"^\s+(?:was|were)\s+admitted\s+as\s+(?:a\s+|the\s+)?(?:full\s+|new\s+)?"
            r"members?\s+of\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.JOINED,
    ),
]
# What a gap may hold besides its pattern: a relative pronoun after the member ("Kazakhstan,
# which joined the WTO") and adverbs ("has formally applied", "had in effect frozen").
_GAP_NOISE = re.compile(
    r"^\s*,\s*(?:which|who)\b|\b(?:formally|officially|eventually|in\s+effect|"
    r"already|also|now|recently|finally|effectively)\s+",
    re.I,
)

# (regex between organisation and member, relation): "as members of the EAEU, both countries"
_ORG_FIRST: list[tuple[re.Pattern[str], MembershipRelation]] = [
    (
        re.compile(
            r"^\s*(?:member\s+(?:states?|countries)|members)\s+(?:such\s+as|including|like)"
            r"\s+(?:the\s+)?$",
            re.I,
        ),
        MembershipRelation.MEMBER,
    ),
    (re.compile(r"^,\s+(?:the\s+)?(?:two\s+|both\s+)?$", re.I), MembershipRelation.MEMBER),
    (
        re.compile(r"^\s+(?:members?|partner\s+countries|observers?)\s+$", re.I),
        MembershipRelation.MEMBER,
    ),
]
_AS_MEMBERS = re.compile(
    r"\bas\s+(?:key\s+|founding\s+|full\s+|fellow\s+)?members?\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_WITHIN = re.compile(
    r"\b(?:cooperat\w*|collaborat\w*|partners?|work\w*\s+together|interact\w*)"
    r"\s+(?:\w+\s+){0,3}(?:within|in)\s+(?:the\s+)?(?:frameworks?\s+|formats?\s+|"
    r"platforms?\s+)?(?:(?:such\s+as|of|like)\s+)?(?:the\s+)?$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Claim:
    member: Mention
    organization: Mention
    relation: MembershipRelation
    start: int
    end: int
    sentence: Sentence


def _status(analysis: Analysis, sentence: Sentence, member: Mention, start: int) -> EventStatus:
    near = analysis.text[max(sentence.start, member.end) : start]
    before = analysis.text[max(sentence.start, member.start - 40) : member.start] + near
    if _NEGATION_BEFORE.search(near + " ") or re.search(r"\bnot\b", near):
        return EventStatus.NEGATED
    if _HYPOTHETICAL_BEFORE.search(before + " ") or re.search(
        r"\b(?:could|might|may|should)\b", near
    ):
        return EventStatus.HYPOTHETICAL
    if _FUTURE_BEFORE.search(before + " ") or re.search(
        r"\b(?:will|plans?|intends?|set\s+to|"
        r"expected\s+to|due\s+to)\b",
        near,
    ):
        return EventStatus.PLANNED
    return EventStatus.OCCURRED


def _members_of(mention: Mention, analysis: Analysis, sentence: Sentence) -> list[Mention]:
    """The states a member mention stands for: a pair mention stands for two."""
    if "pair in focus" in mention.rule:
        return [
            m
            for m in analysis.mentions_in(sentence)
            if m.start == mention.start and m.kind == "state"
        ] or [mention]
    return [mention]


def _claims(analysis: Analysis, sentence: Sentence) -> list[_Claim]:
    text = analysis.text
    mentions = [m for m in analysis.mentions_in(sentence) if m.country or m.kind == "igo"]
    members = [
        m for m in mentions if m.kind in {"state", "adjective"} or ("pair in focus" in m.rule)
    ]
    orgs = [m for m in analysis.mentions_in(sentence) if m.kind == "igo"]
    claims: list[_Claim] = []
    for org in orgs:
        for member in members:
            if member.end <= org.start and org.start - member.end < 90:
                gap = _GAP_NOISE.sub(" ", text[member.end : org.start])
                for pattern, relation in _MEMBER_FIRST:
                    if pattern.match(gap):
                        for state in _members_of(member, analysis, sentence):
                            claims.append(
                                _Claim(state, org, relation, member.start, org.end, sentence)
                            )
                        break
            elif org.end <= member.start and member.start - org.end < 60:
                gap = text[org.end : member.start]
                as_members = _AS_MEMBERS.search(
                    text[max(sentence.start, org.start - 40) : org.start]
                )
                if as_members and re.match(r"^,\s+(?:the\s+)?(?:two\s+|both\s+)?", gap):
                    for state in _members_of(member, analysis, sentence):
                        claims.append(
                            _Claim(
                                state,
                                org,
                                MembershipRelation.MEMBER,
                                org.start,
                                member.end,
                                sentence,
                            )
                        )
    claims.extend(_within_frameworks(analysis, sentence, orgs, members))
    return claims


def _within_frameworks(
    analysis: Analysis, sentence: Sentence, orgs: list[Mention], members: list[Mention]
) -> list[_Claim]:
    """ "The two sides maintain cooperation within frameworks such as the EAEU, the CSTO …"."""
    text = analysis.text
    claims: list[_Claim] = []
    for index, org in enumerate(orgs):
        lead = orgs[0] if index else org
        if not _WITHIN.search(text[max(sentence.start, lead.start - 90) : lead.start]):
            continue
        if index and not re.fullmatch(
            r"[\s,]*(?:and\s+)?(?:the\s+)?", text[orgs[index - 1].end : org.start]
        ):
            break
        subjects = [m for m in members if m.end <= lead.start]
        if not subjects:
            continue
        first = subjects[0]
        for state in _members_of(first, analysis, sentence):
            claims.append(
                _Claim(state, org, MembershipRelation.MEMBER, first.start, org.end, sentence)
            )
        if "pair in focus" not in first.rule:
            for other in subjects[1:]:
                if re.fullmatch(r"\s*(?:and|,)\s*", text[first.end : other.start]):
                    claims.append(
                        _Claim(
                            other, org, MembershipRelation.MEMBER, other.start, org.end, sentence
                        )
                    )
    return claims


def _date(analysis: Analysis, claim: _Claim) -> DateRange:
    dates = analysis.date_exprs(claim.sentence.index)
    if dates:
        return dates[0].resolve(analysis.published, "past")
    if analysis.published is not None:
        return DateRange(
            None,
            None,
            UNKNOWN_DATE.precision,
            None,
            f"no date stated; checked as of publication, {analysis.published}",
        )
    return UNKNOWN_DATE


def find_memberships(analysis: Analysis) -> dict[str, object]:
    """Membership claims in the body, each checked against the KB on its date, one per
    (member, organisation, relation) with later claims as mentions."""
    return memberships_from(analysis, _claims_with_status)


def _claims_with_status(analysis: Analysis, sentence: Sentence) -> list[tuple[_Claim, EventStatus]]:
    return [
        (claim, _status(analysis, sentence, claim.member, claim.organization.start))
        for claim in _claims(analysis, sentence)
    ]


ClaimsOf = Callable[[Analysis, Sentence], list[tuple[_Claim, EventStatus]]]


def memberships_from(analysis: Analysis, claims_of: ClaimsOf) -> dict[str, object]:
    """The language's membership claims (with their status) in each body sentence, each checked
    against the KB on its date, one per (member, organisation, relation) with later claims as
    mentions."""
    kb = analysis.kb
    by_key: dict[tuple[str, str, str], Membership] = {}
    for sentence in analysis.sentences:
        for claim, status in claims_of(analysis, sentence):
            member = actor_of(analysis, claim.member)
            organization = actor_of(analysis, claim.organization)
            if member is None or organization is None or not member.country or not organization.id:
                continue
            key = (member.country, organization.id, claim.relation.value)
            evidence = evidence_for(analysis, sentence, claim.start, claim.end)
            if key in by_key:
                existing = by_key[key]
                if existing.evidence.sentence_index != sentence.index:
                    by_key[key] = _with_mention(existing, evidence)
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


def _with_mention(membership: Membership, evidence: object) -> Membership:
    return replace(membership, mentions=(*membership.mentions, evidence))  # type: ignore[arg-type]
