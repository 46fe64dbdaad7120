"""`tengri.kb.validate`: a user's KB files checked against the data they extend, every problem
named by file, line and column, with what is valid.

The data extended here is a copy of tests/kb/fixture_kb (with the place its Almaty capital row
needs), so each validation takes milliseconds.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from tengri.kb.validate import validate

FIXTURE = Path(__file__).parent / "fixture_kb"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TENGRI_CACHE_DIR", "off")
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    with (folder / "places_extra.csv").open("a", encoding="utf-8") as handle:
        handle.write("place:x-almaty,Almaty,KAZ,,43.25,76.95,2000000,city,Alma-Ata,test\n")
    return folder


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def _problems(paths: list[Path], data_dir: Path) -> list[str]:
    result = validate(paths, data_dir)
    assert result.ok == (not result.problems)
    return [str(p).replace(f"{paths[0].parent}/", "") for p in result.problems]


def test_the_fixture_data_itself_is_valid(data_dir: Path) -> None:
    result = validate((), data_dir)
    assert (result.ok, result.summary()) == (True, f"the KB in {data_dir}: 66 rows, no problems")


def test_valid_user_files_pass_with_a_one_line_summary(tmp_path: Path, data_dir: Path) -> None:
    yaml_file = _file(
        tmp_path,
        "mine.yaml",
        """
        persons:
          - {id: person:jane-doe, name: Jane Doe, aliases: [Doe], country: KAZ, source: notes}
        terms:
          - {office: DEU.head_of_government, person: person:jane-doe, start: 2030-01-01,
             source: hypothetical}
        """,
    )
    csv_file = _file(
        tmp_path,
        "memberships.csv",
        """
        organization,member,kind,start,end,source,note
        igo:CIS,DEU,observer,2030-01-01,,hypothetical,
        """,
    )
    result = validate([yaml_file, csv_file], data_dir)
    assert (result.ok, result.summary()) == (
        True,
        f"2 file(s) ({yaml_file}, {csv_file}): 3 rows, no problems",
    )


def test_each_row_problem_names_file_line_column_and_what_is_valid(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "terms.csv",
        """
        office,person,start,end,acting,source
        KAZ.head_of_state,person:kassym-jomart-tokayev,2019-03-20,,,fine
        KAZ.head_of_state,person:nursultan-nazarbayev,1990-04-24,20190320,,bad date
        RUS.head_of_state,person:vladimir-putin,2012-05-07,2012-05-07,,empty interval
        RUS.head_of_state,person:dmitry-medvedev,2008-05-07,2012-05-07,maybe,bad flag
        RUS.head_of_government,person:vladimir-putin,2008-05-08,2012-05-07,,
        """,
    )
    assert _problems([path], data_dir) == [
        "terms.csv:3: column 'end': '20190320' is not a date; write YYYY-MM-DD or leave the "
        "cell empty",
        "terms.csv:4: column 'end': start 2012-05-07 is not before end 2012-05-07; intervals "
        "are half-open [start, end): end is the first day the fact no longer holds",
        "terms.csv:5: column 'acting': 'maybe' is not a flag; write 1 for yes or leave the cell "
        "empty",
        "terms.csv:6: column 'source': is empty; it is required (every row needs it, including "
        "a source saying where the fact comes from)",
    ]


def test_references_must_name_entities_of_the_right_kind_with_a_suggestion(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "mine.yaml",
        """
        terms:
          - {office: KAZ.head_of_stat, person: person:vladimir-putn, start: 2030-01-01, source: s}
        memberships:
          - {organization: KAZ, member: igo:CIS, kind: member, source: s}
        """,
    )
    assert _problems([path], data_dir) == [
        "mine.yaml:2: column 'office': 'KAZ.head_of_stat' is not an office in the knowledge "
        "base (defined in offices*.csv, shipped or yours); did you mean 'KAZ.head_of_state'?",
        "mine.yaml:2: column 'person': 'person:vladimir-putn' is not a person in the knowledge "
        "base (defined in persons*.csv, shipped or yours); did you mean 'person:vladimir-putin'?",
        "mine.yaml:4: column 'organization': 'KAZ' is not an igo in the knowledge base "
        "(defined in igos.csv, shipped or yours)",
    ]


def test_overlapping_terms_of_one_office_are_a_problem_at_the_later_term(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "terms.csv",
        """
        office,person,start,end,source
        DEU.head_of_government,person:vladimir-putin,2020-01-01,2030-01-01,s
        DEU.head_of_government,person:dmitry-medvedev,2029-12-31,,s
        """,
    )
    assert _problems([path], data_dir) == [
        "terms.csv:3: column 'start': this term [2029-12-31, …) overlaps [2020-01-01, "
        "2030-01-01) at terms.csv:2; terms of one office never overlap: a term's end is the "
        "first day of the next term"
    ]


def test_a_term_ending_the_day_the_next_begins_does_not_overlap(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "terms.csv",
        """
        office,person,start,end,source
        DEU.head_of_government,person:vladimir-putin,2020-01-01,2030-01-01,s
        DEU.head_of_government,person:dmitry-medvedev,2030-01-01,,s
        """,
    )
    assert _problems([path], data_dir) == []


def test_an_id_defined_twice_and_a_malformed_id_are_problems(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "persons.csv",
        """
        id,name,source
        person:jane-doe,Jane Doe,s
        person:jane-doe,Jane Doe,s
        person:Jane_Doe,Jane Doe,s
        """,
    )
    assert _problems([path], data_dir) == [
        "persons.csv:3: column 'id': 'person:jane-doe' is defined twice (first at "
        "persons.csv:2); an id is defined once",
        "persons.csv:4: column 'id': 'person:Jane_Doe' is not a well-formed persons id; write "
        "'person:' + lower-case ascii slug, e.g. person:kassym-jomart-tokayev",
    ]


def test_an_alias_a_user_gives_to_a_second_entity_must_be_marked(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "persons.csv",
        """
        id,name,aliases,country,source
        person:ivan-putin,Ivan Putin,Putin,RUS,s
        """,
    )
    assert _problems([path], data_dir) == [
        "persons.csv:2: alias 'Putin' names person:vladimir-putin, person:ivan-putin; mark it "
        "in an 'ambiguous' table (alias, entities in order of preference, note, source) or "
        "keep it on one entity only"
    ]
    _file(
        tmp_path,
        "ambiguous.csv",
        """
        alias,entities,note,source
        Putin,person:vladimir-putin|person:ivan-putin,namesakes,s
        """,
    )
    assert _problems([path, tmp_path / "ambiguous.csv"], data_dir) == []


def test_a_mark_on_an_alias_that_names_one_entity_is_a_problem(
    tmp_path: Path, data_dir: Path
) -> None:
    path = _file(
        tmp_path,
        "ambiguous.csv",
        """
        alias,entities,note,source
        Tokayev,person:kassym-jomart-tokayev|KAZ,not needed,s
        """,
    )
    assert _problems([path], data_dir) == [
        "ambiguous.csv:2: column 'alias': alias 'Tokayev' is marked ambiguous but the "
        "resolution rules already pick one entity (or it names none); remove the mark"
    ]


def test_unreadable_files_are_problems_too(tmp_path: Path, data_dir: Path) -> None:
    bad_yaml = _file(tmp_path, "a.yaml", "persons: [\n")
    bad_header = _file(tmp_path, "terms.csv", "office,who,source\nKAZ.head_of_state,x,s\n")
    not_utf8 = tmp_path / "names.csv"
    not_utf8.write_bytes("entity,name,source\nKAZ,Qazaqstan \xe9,s\n".encode("latin-1"))
    assert _problems([bad_yaml, bad_header, not_utf8], data_dir) == [
        "a.yaml:2: not valid YAML: expected the node content, but found '<stream end>' (column 1)",
        "names.csv: not UTF-8 text (invalid continuation byte); save the file as UTF-8",
        "terms.csv: the terms table needs columns office, person, source; missing person "
        "(header is: office, who, source)",
    ]
