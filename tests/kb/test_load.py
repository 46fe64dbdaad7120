"""Loading the KB: the shipped tables, and a user's own CSV and YAML files that extend them and
take precedence over them (`--kb`, `TENGRI_KB_PATH`); a broken user file is a clear error.

Most tests build the small KB in tests/kb/fixture_kb, so they run in milliseconds; the CLI tests
(tests/cli/test_kb_cli.py) do the same over the shipped data.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from tengri.errors import KBError
from tengri.kb import EntityKind, KnowledgeBase, build_kb, find_mentions, load_kb
from tengri.model import KBCheck

FIXTURE = Path(__file__).parent / "fixture_kb"
D = dt.date.fromisoformat


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _resolved(kb: KnowledgeBase, text: str, on: str) -> list[tuple[str | None, str]]:
    return [(m.entity, m.text) for m in find_mentions(kb, text, D(on))]


def _holders(kb: KnowledgeBase, office: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (t.person, t.when.start and t.when.start.isoformat(), t.when.end and t.when.end.isoformat())
        for t in kb.terms_of_office(office)
    ]


# -- the shipped tables ---------------------------------------------------------------------------


def test_the_fixture_kb_builds_with_every_table_it_has() -> None:
    kb = build_kb(FIXTURE)
    states = list(kb.of_kind(EntityKind.STATE))
    assert (len(states), len(kb.offices), len(kb.terms), len(kb.memberships)) == (3, 4, 6, 3)
    assert kb.checked is None  # the fixture has no SOURCES.md


def test_the_shipped_kb_is_loaded_once_per_process(kb: KnowledgeBase) -> None:
    assert load_kb() is kb
    assert kb.checked == dt.date(2026, 11, 26)


# -- a user's files extend and override the shipped data -----------------------------------------


def test_a_user_yaml_file_adds_an_actor_with_aliases_that_resolve(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "mine.yaml",
        """
        persons:
          - id: person:jane-doe
            name: Jane Doe
            aliases: [Doe, J. Doe]
            ru: Джейн Доу
            country: KAZ
            source: my notes, 2026-11
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    assert kb.entity("person:jane-doe").country == "KAZ"
    assert _resolved(kb, "J. Doe met Putin; Джейн Доу left.", "2025-01-01") == [
        ("person:jane-doe", "J. Doe"),
        ("person:vladimir-putin", "Putin"),
        ("person:jane-doe", "Джейн Доу"),
    ]


def test_a_user_csv_corrects_an_office_term_and_replaces_that_offices_terms(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "terms-fix.csv",
        """
        office,person,start,end,acting,source
        KAZ.head_of_state,person:nursultan-nazarbayev,1991-12-16,2019-03-20,,my correction
        KAZ.head_of_state,person:kassym-jomart-tokayev,2019-03-20,,,my correction
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    assert _holders(kb, "KAZ.head_of_state") == [
        ("person:nursultan-nazarbayev", "1991-12-16", "2019-03-20"),
        ("person:kassym-jomart-tokayev", "2019-03-20", None),
    ]
    assert kb.holder("KAZ.head_of_state", D("1991-01-01")) is None  # shipped 1990 start replaced
    # the other offices keep their shipped terms
    assert _holders(kb, "RUS.head_of_state") == _holders(build_kb(FIXTURE), "RUS.head_of_state")


def test_a_user_file_adds_a_membership_that_claim_checks_then_see(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "mine.yaml",
        """
        memberships:
          - {organization: igo:BRICS, member: DEU, kind: observer, start: 2026-01-01,
             source: hypothetical test row}
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    assert (
        kb.check_membership("DEU", "igo:BRICS", "observer", D("2026-01-01")).result
        == KBCheck.CONSISTENT
    )
    assert (
        kb.check_membership("DEU", "igo:BRICS", "observer", D("2025-12-31")).result
        == KBCheck.CONFLICT
    )
    assert len(kb.memberships) == 4


def test_a_user_membership_row_replaces_the_shipped_rows_of_that_pair(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "memberships.csv",
        """
        organization,member,kind,start,end,source,note
        igo:BRICS,KAZ,member,2026-01-01,,hypothetical test row,
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    assert [(m.kind, m.when.start) for m in kb.memberships_of("KAZ", "igo:BRICS")] == [
        ("member", D("2026-01-01"))
    ]


def test_a_user_row_takes_precedence_over_the_shipped_row_with_its_id(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "places.csv",
        """
        id,name,country,population,feature,aliases,source
        place:608668,Oral,KAZ,330000,city,Uralsk|Ural City|Jaiyq,my alias
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    assert _resolved(kb, "in Jaiyq", "2025-01-01") == [("place:608668", "Jaiyq")]
    assert _resolved(build_kb(FIXTURE), "in Jaiyq", "2025-01-01") == []
    assert len(kb.entities) == len(build_kb(FIXTURE).entities)


def test_a_user_folder_is_read_recursively_and_skips_files_that_are_not_kb_files(
    tmp_path: Path,
) -> None:
    _file(tmp_path, "kb/README.md", "notes about my KB\n")
    _file(
        tmp_path,
        "kb/people/persons-mine.csv",
        """
        id,name,aliases,country,source
        person:jane-doe,Jane Doe,Doe,KAZ,my notes
        """,
    )
    _file(
        tmp_path,
        "kb/offices.yaml",
        """
        terms:
          - {office: RUS.head_of_government, person: person:jane-doe, start: 2030-01-01,
             source: hypothetical}
        """,
    )
    kb = build_kb(FIXTURE, (tmp_path / "kb",))
    assert kb.holder("RUS.head_of_government", D("2030-06-01")).person == "person:jane-doe"
    assert _resolved(kb, "the Russian Prime Minister", "2030-06-01") == [
        ("person:jane-doe", "Russian Prime Minister")
    ]


def test_a_user_mark_makes_an_ambiguous_aliases_first_entity_the_default(tmp_path: Path) -> None:
    mine = _file(
        tmp_path,
        "mine.yaml",
        """
        persons:
          - {id: person:ivan-putin, name: Ivan Putin, aliases: Putin, country: RUS, source: test}
        ambiguous:
          - alias: Putin
            entities: [person:ivan-putin, person:vladimir-putin]
            note: a test namesake
            source: test
        """,
    )
    kb = build_kb(FIXTURE, (mine,))
    [mention] = find_mentions(kb, "Putin", D("1990-01-01"))  # neither in office
    assert (mention.entity, mention.candidates) == ("person:ivan-putin", ("person:vladimir-putin",))
    assert kb.marked_ambiguous("Putin").note == "a test namesake"
    [mention] = find_mentions(kb, "Putin", D("2025-01-01"))  # the one in office wins
    assert mention.entity == "person:vladimir-putin"


# -- broken user files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "mine.yaml",
            "persons:\n  - id: person:x\n    name: [unclosed\n",
            "mine.yaml:4: not valid YAML",
        ),
        ("mine.yaml", "- just a list\n", "mine.yaml: a KB YAML file maps table names to lists"),
        (
            "mine.yaml",
            "persons:\n  - {id: person:x, name: X, aliases: &a [Ex], source: s}\n"
            "  - {id: person:y, name: Y, aliases: *a, source: s}\n",
            "mine.yaml:3: not valid YAML: alias *a found; KB files do not use YAML anchors",
        ),
        (
            "mine.yaml",
            "people:\n  - {id: person:x}\n",
            "mine.yaml:1: unknown table 'people'; known tables: states, places",
        ),
        (
            "mine.yaml",
            "persons:\n  - {id: person:x, name: X, nickname: Y, source: s}\n",
            "mine.yaml:2: column 'nickname': unknown column for the persons table; known: id, name",
        ),
        (
            "mine.yaml",
            "persons:\n  - {id: person:x, name: X}\n",
            "mine.yaml:2: column 'source': is empty; it is required",
        ),
        (
            "terms.csv",
            "office,person,start,source\nKAZ.head_of_state,person:x,2020-13-01,s\n",
            "terms.csv:2: column 'start': '2020-13-01' is not a date; write YYYY-MM-DD",
        ),
        (
            "terms.csv",
            "office,person,start,end,source\nKAZ.head_of_state,person:x,2020-01-01,2020-01-01,s\n",
            "terms.csv:2: column 'end': start 2020-01-01 is not before end "
            "2020-01-01; intervals are half-open",
        ),
        (
            "persons.csv",
            "id,name,source\nPerson:Jane Doe,Jane Doe,s\n",
            "persons.csv:2: column 'id': 'Person:Jane Doe' is not a well-formed persons id; write "
            "'person:' + lower-case ascii slug",
        ),
        (
            "persons.csv",
            "id,name\nperson:x,X\n",
            "persons.csv: the persons table needs columns id, name, source; missing source",
        ),
        (
            "memberships.csv",
            "organization,member,kind,source\nigo:CIS,KAZ,friend,s\n",
            "memberships.csv:2: column 'kind': 'friend' is not a membership kind; valid: applicant",
        ),
        ("notes.txt", "hello\n", "notes.txt: not a KB file; use a .csv named after a table"),
    ],
)
def test_a_broken_user_file_is_an_error_naming_file_line_and_column(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    path = _file(tmp_path, name, text)
    with pytest.raises(KBError) as raised:
        build_kb(FIXTURE, (path,))
    assert str(raised.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message in str(raised.value)


def test_a_user_term_of_an_unknown_person_is_an_error(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "terms.csv",
        """
        office,person,start,source
        KAZ.head_of_state,person:nobody,2030-01-01,s
        """,
    )
    with pytest.raises(KBError, match=r"terms\.csv:2: term of unknown person 'person:nobody'"):
        build_kb(FIXTURE, (path,))


def test_a_missing_user_path_is_an_error_that_says_where_it_came_from(tmp_path: Path) -> None:
    with pytest.raises(KBError, match="no such KB file or folder"):
        build_kb(FIXTURE, (tmp_path / "nowhere.yaml",))


def test_several_problems_are_counted_and_point_to_kb_validate(tmp_path: Path) -> None:
    path = _file(tmp_path, "persons.csv", "id,name,source\nperson:a,A,\nperson:b,B,\n")
    with pytest.raises(
        KBError,
        match=r"persons\.csv:2: column 'source': is empty.*\(and 1 "
        r"more; run 'tengri kb validate' to list them\)",
    ):
        build_kb(FIXTURE, (path,))
