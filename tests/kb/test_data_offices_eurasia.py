"""Checks on the shipped office holders of Europe, the post-Soviet states, Turkey and the IGOs.

The files are read with the csv module alone, so these checks hold whatever the KB loader does.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "tengri" / "kb" / "data"
PERSONS = DATA / "persons-eurasia.csv"
OFFICES = DATA / "offices-eurasia.csv"
TERMS = DATA / "terms-eurasia.csv"

PERSON_COLUMNS = ["id", "name", "aliases", "ru", "country", "born", "source"]
OFFICE_COLUMNS = [
    "id",
    "holder_of",
    "role",
    "also",
    "title",
    "title_aliases",
    "ru_titles",
    "leader",
    "source",
]
TERM_COLUMNS = ["office", "person", "start", "end", "acting", "source"]

# States whose head of state, head of government and foreign minister the brief requires.
REQUIRED_STATES = [
    "RUS",
    "KAZ",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "AZE",
    "ARM",
    "GEO",
    "BLR",
    "UKR",
    "MDA",
    "EST",
    "LVA",
    "LTU",
    "TUR",
    "DEU",
    "FRA",
    "ITA",
    "GBR",
]
# Turkmenistan has no prime minister: the President chairs the Cabinet.
NO_SEPARATE_HEAD_OF_GOVERNMENT = {"TKM"}
REQUIRED_IGO_OFFICES = [
    "igo:UN.secretary_general",
    "igo:NATO.secretary_general",
    "igo:EU.commission_president",
    "igo:EU.council_president",
    "igo:EU.high_representative",
    "igo:OSCE.secretary_general",
    "igo:CSTO.secretary_general",
    "igo:SCO.secretary_general",
    "igo:CIS.secretary_general",
    "igo:EAEU.commission_chairman",
    "igo:COE.secretary_general",
    "igo:OTS.secretary_general",
]
# Surnames too common (or shared by relatives in office) to stand alone as an alias.
AMBIGUOUS_SURNAMES = {
    "Lee",
    "Kim",
    "Brown",
    "Smith",
    "Ivanov",
    "Aliyev",
    "Sargsyan",
    "Japarov",
    "Berdimuhamedov",
}


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


def day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def persons() -> list[dict[str, str]]:
    return read(PERSONS)


@pytest.fixture(scope="module")
def offices() -> list[dict[str, str]]:
    return read(OFFICES)


@pytest.fixture(scope="module")
def terms() -> list[dict[str, str]]:
    return read(TERMS)


def holders_on(terms: list[dict[str, str]], office: str, on: dt.date) -> list[tuple[str, str]]:
    """(person, acting) of every term of `office` whose half-open interval holds `on`."""
    found = []
    for term in terms:
        if term["office"] != office:
            continue
        start, end = day(term["start"]), day(term["end"])
        if (start is None or start <= on) and (end is None or on < end):
            found.append((term["person"], term["acting"]))
    return found


def test_files_have_the_readme_columns_in_order() -> None:
    assert header(PERSONS) == PERSON_COLUMNS
    assert header(OFFICES) == OFFICE_COLUMNS
    assert header(TERMS) == TERM_COLUMNS


def test_person_and_office_ids_are_unique_and_well_formed(persons, offices) -> None:
    person_ids = [row["id"] for row in persons]
    office_ids = [row["id"] for row in offices]
    assert [i for i, n in Counter(person_ids).items() if n > 1] == []
    assert [i for i, n in Counter(office_ids).items() if n > 1] == []
    malformed = [
        i
        for i in person_ids
        if not i.startswith("person:") or not i.isascii() or i != i.lower() or " " in i
    ]
    assert malformed == []
    assert [row["id"] for row in offices if row["id"] != f"{row['holder_of']}.{row['role']}"] == []


def test_ids_are_defined_in_one_file_only_across_the_split_tables() -> None:
    for pattern in ("persons*.csv", "offices*.csv"):
        owner: dict[str, list[str]] = defaultdict(list)
        for path in sorted(DATA.glob(pattern)):
            for row in read(path):
                owner[row["id"]].append(path.name)
        assert {i: files for i, files in owner.items() if len(files) > 1} == {}


def test_every_term_names_an_office_of_this_file_and_a_known_person(offices, terms) -> None:
    office_ids = {row["id"] for row in offices}
    person_ids = {row["id"] for path in DATA.glob("persons*.csv") for row in read(path)}
    assert [t["office"] for t in terms if t["office"] not in office_ids] == []
    assert [t["person"] for t in terms if t["person"] not in person_ids] == []


def test_every_office_has_at_least_one_term(offices, terms) -> None:
    with_terms = {t["office"] for t in terms}
    assert [row["id"] for row in offices if row["id"] not in with_terms] == []


def test_every_row_has_a_source(persons, offices, terms) -> None:
    for rows in (persons, offices, terms):
        assert [row for row in rows if not row["source"].strip()] == []


def test_dates_are_iso_days_and_every_term_starts_before_it_ends(persons, terms) -> None:
    for row in persons:
        day(row["born"])
    bad = []
    for term in terms:
        start, end = day(term["start"]), day(term["end"])
        if start is not None and end is not None and not start < end:
            bad.append(term)
    assert bad == []


def test_flags_are_blank_or_one(offices, terms) -> None:
    assert {row["leader"] for row in offices} <= {"", "1"}
    assert {row["acting"] for row in terms} <= {"", "1"}


def test_no_two_terms_of_one_office_overlap(terms) -> None:
    by_office: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for term in terms:
        start = day(term["start"]) or dt.date.min
        end = day(term["end"]) or dt.date.max
        by_office[term["office"]].append((start, end))
    overlaps = []
    for office, spans in by_office.items():
        spans.sort()
        for (_, end), (next_start, _) in pairwise(spans):
            if next_start < end:
                overlaps.append((office, end, next_start))
    assert overlaps == []


def test_only_the_last_term_of_an_office_is_open(terms) -> None:
    open_terms = Counter(t["office"] for t in terms if not t["end"])
    assert {office: n for office, n in open_terms.items() if n > 1} == {}


def test_each_state_and_igo_has_at_most_one_leader_office(offices) -> None:
    leaders = Counter(row["holder_of"] for row in offices if row["leader"] == "1")
    assert {holder: n for holder, n in leaders.items() if n > 1} == {}


def test_required_states_have_their_three_offices_and_one_leader(offices) -> None:
    office_ids = {row["id"] for row in offices}
    leaders = {row["holder_of"] for row in offices if row["leader"] == "1"}
    missing = []
    for state in REQUIRED_STATES:
        roles = ["head_of_state", "foreign_minister"]
        if state not in NO_SEPARATE_HEAD_OF_GOVERNMENT:
            roles.append("head_of_government")
        missing += [f"{state}.{role}" for role in roles if f"{state}.{role}" not in office_ids]
        if state not in leaders:
            missing.append(f"{state} leader")
    assert missing == []


def test_presidents_who_also_head_the_government_say_so(offices) -> None:
    also = {row["id"]: row["also"] for row in offices}
    presidents = ("TKM.head_of_state", "TUR.head_of_state", "CHE.head_of_state")
    assert {office: also[office] for office in presidents} == {
        "TKM.head_of_state": "head_of_government",
        "TUR.head_of_state": "head_of_government",
        "CHE.head_of_state": "head_of_government",
    }
    assert "TKM.head_of_government" not in also


def test_required_igo_offices_are_present(offices) -> None:
    office_ids = {row["id"] for row in offices}
    assert [office for office in REQUIRED_IGO_OFFICES if office not in office_ids] == []


def test_no_alias_is_a_bare_ambiguous_surname(persons) -> None:
    flagged = [
        (row["id"], alias)
        for row in persons
        for alias in row["aliases"].split("|")
        if alias in AMBIGUOUS_SURNAMES
    ]
    assert flagged == []


def test_a_one_word_alias_names_one_person_only(persons) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in persons:
        for alias in row["aliases"].split("|"):
            if alias and " " not in alias:
                owners[alias].add(row["id"])
    assert {alias: ids for alias, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(
    ("office", "on", "person", "acting"),
    [
        # the brief's own checks
        ("KAZ.head_of_state", "2019-03-19", "person:nursultan-nazarbayev", ""),
        ("KAZ.head_of_state", "2019-03-20", "person:kassym-jomart-tokayev", ""),
        ("RUS.head_of_state", "2008-05-06", "person:vladimir-putin", ""),
        ("RUS.head_of_state", "2008-05-07", "person:dmitry-medvedev", ""),
        ("RUS.head_of_state", "2012-05-06", "person:dmitry-medvedev", ""),
        ("RUS.head_of_state", "2012-05-07", "person:vladimir-putin", ""),
        ("GBR.head_of_state", "2022-09-07", "person:elizabeth-ii", ""),
        ("GBR.head_of_state", "2022-09-08", "person:charles-iii", ""),
        # first and last days chosen here
        ("RUS.head_of_state", "2000-01-01", "person:vladimir-putin", "1"),
        ("RUS.head_of_state", "2000-05-07", "person:vladimir-putin", ""),
        ("RUS.head_of_government", "2004-02-23", "person:mikhail-kasyanov", ""),
        ("RUS.head_of_government", "2004-02-24", "person:viktor-khristenko", "1"),
        ("RUS.head_of_government", "2004-03-05", "person:mikhail-fradkov", ""),
        ("RUS.head_of_government", "2012-05-07", "person:viktor-zubkov", "1"),
        ("RUS.head_of_government", "2012-05-08", "person:dmitry-medvedev", ""),
        ("RUS.head_of_government", "2020-01-15", "person:dmitry-medvedev", ""),
        ("RUS.head_of_government", "2020-01-16", "person:mikhail-mishustin", ""),
        ("RUS.foreign_minister", "2004-03-08", "person:igor-ivanov", ""),
        ("RUS.foreign_minister", "2004-03-09", "person:sergey-lavrov", ""),
        ("KAZ.head_of_government", "2024-02-05", "person:roman-sklyar", "1"),
        ("KAZ.head_of_government", "2024-02-06", "person:olzhas-bektenov", ""),
        ("KAZ.foreign_minister", "2025-09-25", "person:murat-nurtleu", ""),
        ("KAZ.foreign_minister", "2025-09-26", "person:yermek-kosherbayev", ""),
        ("UKR.head_of_state", "2019-05-19", "person:petro-poroshenko", ""),
        ("UKR.head_of_state", "2019-05-20", "person:volodymyr-zelensky", ""),
        ("UKR.defence_minister", "2026-01-12", "person:denys-shmyhal", ""),
        ("UKR.defence_minister", "2026-01-14", "person:mykhailo-fedorov", ""),
        ("BLR.head_of_government", "2025-03-09", "person:roman-golovchenko", ""),
        ("BLR.head_of_government", "2025-03-10", "person:alexander-turchin", ""),
        ("MDA.head_of_government", "2025-10-31", "person:dorin-recean", ""),
        ("MDA.head_of_government", "2025-11-01", "person:alexandru-munteanu", ""),
        ("ARM.head_of_government", "2018-05-07", "person:karen-karapetyan", "1"),
        ("ARM.head_of_government", "2018-05-08", "person:nikol-pashinyan", ""),
        ("GEO.head_of_state", "2024-12-28", "person:salome-zourabichvili", ""),
        ("GEO.head_of_state", "2024-12-29", "person:mikheil-kavelashvili", ""),
        ("TUR.head_of_state", "2014-08-27", "person:abdullah-gul", ""),
        ("TUR.head_of_state", "2014-08-28", "person:recep-tayyip-erdogan", ""),
        ("DEU.head_of_government", "2021-12-07", "person:angela-merkel", ""),
        ("DEU.head_of_government", "2021-12-08", "person:olaf-scholz", ""),
        ("DEU.head_of_government", "2025-05-05", "person:olaf-scholz", ""),
        ("DEU.head_of_government", "2025-05-06", "person:friedrich-merz", ""),
        ("FRA.head_of_state", "2017-05-13", "person:francois-hollande", ""),
        ("FRA.head_of_state", "2017-05-14", "person:emmanuel-macron", ""),
        ("ITA.head_of_government", "2022-10-21", "person:mario-draghi", ""),
        ("ITA.head_of_government", "2022-10-22", "person:giorgia-meloni", ""),
        ("GBR.head_of_government", "2022-09-05", "person:boris-johnson", ""),
        ("GBR.head_of_government", "2022-09-06", "person:liz-truss", ""),
        ("GBR.head_of_government", "2024-07-04", "person:rishi-sunak", ""),
        ("GBR.head_of_government", "2024-07-05", "person:keir-starmer", ""),
        ("igo:UN.secretary_general", "2016-12-31", "person:ban-ki-moon", ""),
        ("igo:UN.secretary_general", "2017-01-01", "person:antonio-guterres", ""),
        ("igo:NATO.secretary_general", "2024-09-30", "person:jens-stoltenberg", ""),
        ("igo:NATO.secretary_general", "2024-10-01", "person:mark-rutte", ""),
        ("igo:EU.council_president", "2009-12-01", "person:herman-van-rompuy", ""),
        ("igo:CSTO.secretary_general", "2025-12-31", "person:imangali-tasmagambetov", ""),
        ("igo:CSTO.secretary_general", "2026-01-01", "person:taalatbek-masadykov", ""),
        ("NLD.head_of_government", "2026-02-22", "person:dick-schoof", ""),
        ("NLD.head_of_government", "2026-02-23", "person:rob-jetten", ""),
        ("POL.head_of_state", "2025-08-05", "person:andrzej-duda", ""),
        ("POL.head_of_state", "2025-08-06", "person:karol-nawrocki", ""),
        ("CHE.head_of_state", "2025-12-31", "person:karin-keller-sutter", ""),
        ("CHE.head_of_state", "2026-01-01", "person:guy-parmelin", ""),
        ("HUN.head_of_government", "2026-05-08", "person:viktor-orban", ""),
        ("HUN.head_of_government", "2026-05-09", "person:peter-magyar", ""),
    ],
)
def test_holder_on_a_first_or_last_day(terms, office, on, person, acting) -> None:
    assert holders_on(terms, office, dt.date.fromisoformat(on)) == [(person, acting)]


@pytest.mark.parametrize(
    ("office", "on"),
    [
        (
            "TUR.head_of_government",
            "2018-07-09",
        ),  # post abolished by the 2017 constitutional change
        ("igo:EU.council_president", "2009-11-30"),  # post created by the Lisbon Treaty
        ("UKR.defence_minister", "2026-01-13"),  # Shmyhal dismissed; Fedorov appointed next day
    ],
)
def test_office_is_vacant_outside_its_existence(terms, office, on) -> None:
    assert holders_on(terms, office, dt.date.fromisoformat(on)) == []
