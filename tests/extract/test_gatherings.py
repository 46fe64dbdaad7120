"""Multilateral gatherings: one CONSULT/multilateral event per summit, forum, conference or
session, with its name, ordinal, theme, remote flag, place, dates and participants, never a dyad
per pair of participants (docs/CODING.md §2-3)."""

from __future__ import annotations

import datetime as dt

import pytest

from tengri.model import Event, Extraction

PUBLISHED = dt.date(2025, 11, 11)


def _gatherings(result: Extraction) -> list[Event]:
    return [e for e in result.events if e.mode == "multilateral"]


def _one(result: Extraction) -> Event:
    found = _gatherings(result)
    assert len(found) == 1, [(e.cameo, e.gathering) for e in result.events]
    return found[0]


def _members(event: Event) -> set[str | None]:
    return {p.id or p.country for p in event.participants}


CENTRAL_ASIA_CHINA = ("The second Central Asia-China Summit will be held in Astana on June 17, "
                      "with the leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, "
                      "Uzbekistan and China taking part.")


def test_a_named_summit_is_one_event_with_its_name_and_ordinal(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code(CENTRAL_ASIA_CHINA, dt.date(2025, 6, 10)))
    assert (summit.type, summit.mode, summit.cameo) == ("CONSULT", "multilateral", "040")
    assert summit.gathering is not None
    assert (summit.gathering.kind, summit.gathering.name, summit.gathering.ordinal,
            summit.gathering.remote) == ("summit", "Central Asia-China Summit", 2, False)


def test_a_summits_participants_are_every_state_named_as_taking_part(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code(CENTRAL_ASIA_CHINA, dt.date(2025, 6, 10)))
    assert _members(summit) == {"KAZ", "KGZ", "TJK", "TKM", "UZB", "CHN"}
    assert (summit.source, summit.target) == (None, None)


def test_a_planned_summit_has_its_place_date_and_status(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code(CENTRAL_ASIA_CHINA, dt.date(2025, 6, 10)))
    assert summit.status.value == "planned"
    assert (summit.date.start, summit.date.end, summit.date.precision.value) == (
        dt.date(2025, 6, 17), dt.date(2025, 6, 17), "day")
    assert (summit.location.name, summit.location.country,
            summit.location.precision.value) == ("Astana", "KAZ", "city")


def test_a_summit_is_not_split_into_dyads_of_its_participants(code) -> None:  # type: ignore[no-untyped-def]
    result = code("The 16th BRICS Summit was held in Kazan in October 2024, attended by Russia, "
                  "China, India, Brazil and South Africa.")
    assert [e.mode for e in result.events] == ["multilateral"]
    summit = result.events[0]
    assert summit.gathering is not None
    assert (summit.gathering.name, summit.gathering.ordinal) == ("BRICS Summit", 16)
    assert _members(summit) == {"igo:BRICS", "RUS", "CHN", "IND", "BRA", "ZAF"}
    assert (summit.date.start, summit.date.end, summit.date.precision.value) == (
        dt.date(2024, 10, 1), dt.date(2024, 10, 31), "month")
    assert (summit.location.name, summit.status.value) == ("Kazan", "occurred")


def test_an_igo_summit_has_the_igo_as_participant(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code("The CSTO summit took place in Minsk last week."))
    assert summit.gathering is not None and summit.gathering.name == "CSTO summit"
    assert _members(summit) == {"igo:CSTO"}
    assert summit.location.name == "Minsk"
    assert (summit.date.start, summit.date.end) == (dt.date(2025, 11, 3), dt.date(2025, 11, 9))


def test_a_forum_addressed_by_video_link_is_remote_with_its_ordinal(code) -> None:  # type: ignore[no-untyped-def]
    forum = _one(code("Putin addressed the 8th Eurasian Economic Forum in Minsk via video link "
                      "on Monday."))
    assert forum.gathering is not None
    assert (forum.gathering.kind, forum.gathering.name, forum.gathering.ordinal,
            forum.gathering.remote) == ("forum", "Eurasian Economic Forum", 8, True)
    assert "person:vladimir-putin" in _members(forum)
    assert forum.location.name == "Minsk"


def test_a_themed_forum_keeps_its_theme(code) -> None:  # type: ignore[no-untyped-def]
    forum = _one(code('The Astana International Forum, themed "Dialogue for Peace", opened on '
                      "Tuesday with delegations from Russia and China."))
    assert forum.gathering is not None
    assert (forum.gathering.kind, forum.gathering.name, forum.gathering.theme) == (
        "forum", "Astana International Forum", "Dialogue for Peace")


@pytest.mark.xfail(strict=True, reason="states named after 'delegations from' are not taken as "
                   "the forum's participants")
def test_delegations_from_states_make_them_participants(code) -> None:  # type: ignore[no-untyped-def]
    forum = _one(code('The Astana International Forum, themed "Dialogue for Peace", opened on '
                      "Tuesday with delegations from Russia and China."))
    assert {"RUS", "CHN"} <= _members(forum)


def test_a_plural_kind_of_gathering_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert code("Experts say regional cooperation forums are useful for business.").events == ()


@pytest.mark.xfail(strict=True, reason="an unnamed conference with nobody taking part is kept as "
                   "an event named 'A conference'")
def test_an_unnamed_conference_with_nobody_taking_part_is_no_event(code) -> None:  # type: ignore[no-untyped-def]
    assert code("A conference on climate finance is scheduled for next year.").events == ()


@pytest.mark.xfail(strict=True, reason="the city before 'for the SCO summit' is taken into the "
                   "summit's name ('Tianjin for the SCO summit')")
def test_the_city_before_for_the_summit_is_not_part_of_its_name(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code("Leaders of the SCO member states gathered in Tianjin for the SCO summit "
                       "on September 1, 2025."))
    assert summit.gathering is not None and summit.gathering.name == "SCO summit"
    assert summit.location.name == "Tianjin"


@pytest.mark.xfail(strict=True, reason="hosting a summit is also coded as a visit by the IGO "
                   "(042) and its hosting (043)")
def test_hosting_a_summit_is_the_summit_not_a_visit_by_the_organisation(code) -> None:  # type: ignore[no-untyped-def]
    result = code("Kazakhstan will host the SCO summit in Astana in July, with leaders of "
                  "Russia, China and India expected to attend.")
    assert [e.cameo for e in result.events if e.cameo in {"042", "043"}] == []
    summit = _one(result)
    assert {"KAZ", "RUS", "CHN", "IND"} <= _members(summit)


@pytest.mark.xfail(strict=True, reason="a session of an IGO body with no capitalised name before "
                   "'session' is dropped")
def test_a_session_of_an_igo_is_a_multilateral_event(code) -> None:  # type: ignore[no-untyped-def]
    session = _one(code("The session of the UN General Assembly opened in New York on Tuesday."))
    assert "igo:UN" in _members(session)
    assert session.location.name == "New York"


@pytest.mark.xfail(strict=True, reason="participants named in the sentence after the summit "
                   "('Leaders of X, Y and Z took part') are not added to it")
def test_participants_named_in_the_next_sentence_join_the_summit(code) -> None:  # type: ignore[no-untyped-def]
    summit = _one(code("The CSTO summit opened in Minsk on Thursday. Leaders of Russia, Belarus "
                       "and Kazakhstan took part. The summit adopted a declaration."))
    assert {"RUS", "BLR", "KAZ"} <= _members(summit)


@pytest.mark.parametrize("text", [
    "The tenth Turkic summit opened in Astana on Friday, hosted by Kassym-Jomart Tokayev and "
    "attended by the presidents of Azerbaijan and Uzbekistan.",
    "Kassym-Jomart Tokayev, who hosted the two-day Turkic summit in Astana, called for closer "
    "transport links with Azerbaijan and Uzbekistan.",
])
def test_a_gathering_with_a_named_host_is_the_hosts(code, text: str) -> None:  # type: ignore[no-untyped-def]
    summits = [e for e in code(text).events if e.mode == "multilateral"]
    assert [(e.cameo, e.source and e.source.id) for e in summits] == [
        ("043", "person:kassym-jomart-tokayev")]
    assert "person:kassym-jomart-tokayev" in [p.id for p in summits[0].participants]


def test_a_later_mention_without_the_host_is_the_same_gathering(code) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia will host the 16th BRICS summit in Kazan from October 22 to 24. Kassym-Jomart "
            "Tokayev is expected to attend the summit's outreach session.")
    summits = [e for e in code(text).events if e.mode == "multilateral"]
    assert [(e.cameo, e.source and e.source.country) for e in summits] == [("043", "RUS")]
