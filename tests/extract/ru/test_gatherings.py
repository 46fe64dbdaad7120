"""Russian gatherings: one event per summit or forum, with name, ordinal, theme, remote flag,
participants and host."""

from __future__ import annotations

import datetime as dt

from .conftest import PUTIN, TOKAYEV, Code


def _gathering(result):  # type: ignore[no-untyped-def]
    [event] = [e for e in result.events if e.gathering is not None]
    return event


def test_a_roman_ordinal_forum_with_its_theme_in_the_next_sentence_is_hosted_by_its_country(
    code: Code,
) -> None:
    text = (
        "XXI Форум межрегионального сотрудничества Казахстана и России пройдёт в Екатеринбурге. "
        "Тема форума — «Цифровая трансформация регионов»."
    )
    event = _gathering(code(text))
    g = event.gathering
    assert (g.kind, g.name, g.ordinal, g.theme, g.remote) == (
        "forum", "Форум межрегионального сотрудничества Казахстана и России", 21,
        "Цифровая трансформация регионов", False,
    )  # fmt: skip
    assert (event.type, event.mode, event.cameo, event.status.value) == (
        "CONSULT", "multilateral", "043", "planned",
    )  # fmt: skip
    assert (event.source.country, event.target) == ("RUS", None)  # type: ignore[union-attr]
    assert sorted(p.country for p in event.participants) == ["KAZ", "RUS"]
    assert (event.location.name, event.location.country) == ("Yekaterinburg", "RUS")


def test_those_who_take_part_are_participants_of_the_summit_of_their_sentence(code: Code) -> None:
    text = "В среду в Душанбе прошёл саммит СНГ, в котором приняли участие Путин и Токаев."
    event = _gathering(code(text, dt.date(2025, 10, 9)))
    assert (event.cameo, event.source, event.status.value) == ("040", None, "occurred")
    assert [p.id for p in event.participants] == ["igo:CIS", PUTIN, TOKAYEV]
    assert (event.date.start, event.location.name) == (dt.date(2025, 10, 8), "Dushanbe")


def test_staying_away_is_a_negated_summit_of_the_absentee_alone(code: Code) -> None:
    event = _gathering(
        code("Премьер-министр Армении Никол Пашинян не примет участия в саммите ОДКБ.")
    )
    assert (event.status.value, [p.id for p in event.participants]) == (
        "negated", ["person:nikol-pashinyan"],
    )  # fmt: skip


def test_taking_part_by_video_sets_remote(code: Code) -> None:
    event = _gathering(code("Ильхам Алиев принял участие в саммите СНГ в режиме видеосвязи."))
    assert (event.gathering.remote, event.gathering.kind) == (True, "summit")
    assert sorted(p.id for p in event.participants) == ["igo:CIS", "person:ilham-aliyev"]


def test_a_summit_that_is_only_the_setting_of_a_meeting_goes_onto_the_meeting(code: Code) -> None:
    result = code("На полях саммита ШОС в Астане Пашинян встретился с Эрдоганом.")
    [meeting] = result.events
    assert (meeting.cameo, meeting.mode, meeting.gathering.name) == (  # type: ignore[union-attr]
        "044", "third-party", "саммита ШОС",
    )  # fmt: skip
