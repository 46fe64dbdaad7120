"""Checks on the shipped office holders of the Americas, Asia, the Middle East, Africa, Oceania
and their IGOs (`persons-world.csv`, `offices-world.csv`, `terms-world.csv`).

The files are read with the csv module alone, so these checks hold whatever the KB loader does.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from itertools import pairwise
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "tengri" / "kb" / "data"
PERSONS = DATA / "persons-world.csv"
OFFICES = DATA / "offices-world.csv"
TERMS = DATA / "terms-world.csv"

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

FIRST_DAY = dt.date(2000, 1, 1)
TODAY = dt.date(2026, 11, 26)

# States whose head of state, head of government and foreign minister the brief requires.
REQUIRED_STATES = [
    "USA",
    "CAN",
    "MEX",
    "BRA",
    "ARG",
    "CHN",
    "JPN",
    "KOR",
    "IND",
    "IDN",
    "SAU",
    "ZAF",
    "AUS",
    "IRN",
    "ISR",
    "EGY",
    "PAK",
    "AFG",
    "PRK",
    "SYR",
    "IRQ",
    "ARE",
    "QAT",
]
REQUIRED_IGO_OFFICES = [
    "igo:AU.chairperson",
    "igo:ASEAN.secretary_general",
    "igo:ARABLEAGUE.secretary_general",
    "igo:WTO.director_general",
    "igo:IMF.managing_director",
    "igo:WB.president",
    "igo:GCC.secretary_general",
    "igo:OPEC.secretary_general",
]
# Bare surnames the brief names as too common (or shared by two office holders) to be an alias.
AMBIGUOUS_ALIASES = {
    "Kim",
    "Lee",
    "Li",
    "Wang",
    "Khan",
    "Singh",
    "Bush",
    "Clinton",
    "Park",
    "Sharif",
    "Rabbani",
    "Khamenei",
    "Koizumi",
    "Fukuda",
    "Kono",
    "Hatoyama",
    "Al Thani",
    "Al Nahyan",
    "Fernandez",
    "Fernández",
    "Kirchner",
    "Castro",
    "Rodriguez",
    "Rodríguez",
    "Hariri",
    "Mikati",
    "Aoun",
    "Salam",
    "Hasina",
    "Zia",
    "Gandhi",
    "Marcos",
    "Aquino",
    "Shinawatra",
    "Thaksin",
}
# Russian forms are Cyrillic; regnal numbers stay Roman ("Абдалла II").
_WORD = r"(?:[А-Яа-яЁё0-9.\-'«»()]+|[IVX]+)"
CYRILLIC = re.compile(rf"^{_WORD}(?: {_WORD})*$")


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


def holders_on(terms: list[dict[str, str]], office: str, on: dt.date) -> list[tuple[str, bool]]:
    """(person, acting) of every term of `office` whose half-open interval holds `on`."""
    found = []
    for term in terms:
        if term["office"] != office:
            continue
        start, end = day(term["start"]), day(term["end"])
        if (start is None or start <= on) and (end is None or on < end):
            found.append((term["person"], term["acting"] == "1"))
    return found


def uncovered(
    terms: list[dict[str, str]], office: str, since: dt.date, until: dt.date
) -> list[tuple[str, str]]:
    """The spans of [since, until) in which `office` has no holder, as ISO (start, end) pairs."""
    spans = sorted(
        (day(t["start"]) or dt.date.min, day(t["end"]) or dt.date.max)
        for t in terms
        if t["office"] == office
    )
    gaps, cursor = [], since
    for start, end in spans:
        if start > cursor:
            gaps.append((cursor.isoformat(), min(start, until).isoformat()))
        cursor = max(cursor, end)
        if cursor >= until:
            break
    if cursor < until:
        gaps.append((cursor.isoformat(), until.isoformat()))
    return [g for g in gaps if g[0] < until.isoformat()]


def test_files_have_the_readme_columns_in_order() -> None:
    assert header(PERSONS) == PERSON_COLUMNS
    assert header(OFFICES) == OFFICE_COLUMNS
    assert header(TERMS) == TERM_COLUMNS


def test_person_and_office_ids_are_unique_and_well_formed(persons, offices) -> None:
    person_ids = [row["id"] for row in persons]
    office_ids = [row["id"] for row in offices]
    assert [i for i, n in Counter(person_ids).items() if n > 1] == []
    assert [i for i, n in Counter(office_ids).items() if n > 1] == []
    assert [i for i in person_ids if not re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", i)] == []
    assert [row["id"] for row in offices if row["id"] != f"{row['holder_of']}.{row['role']}"] == []


def test_ids_are_defined_in_one_file_only_across_the_split_tables() -> None:
    for pattern in ("persons*.csv", "offices*.csv"):
        owner: dict[str, list[str]] = defaultdict(list)
        for path in sorted(DATA.glob(pattern)):
            for row in read(path):
                owner[row["id"]].append(path.name)
        assert {i: files for i, files in owner.items() if len(files) > 1} == {}


def test_every_term_names_an_office_of_this_file_and_a_person_of_the_kb(offices, terms) -> None:
    office_ids = {row["id"] for row in offices}
    person_ids = {row["id"] for path in DATA.glob("persons*.csv") for row in read(path)}
    assert [t["office"] for t in terms if t["office"] not in office_ids] == []
    assert [t["person"] for t in terms if t["person"] not in person_ids] == []


def test_every_person_of_this_file_holds_at_least_one_term() -> None:
    used = {t["person"] for path in DATA.glob("terms*.csv") for t in read(path)}
    assert [row["id"] for row in read(PERSONS) if row["id"] not in used] == []


def test_every_office_is_held_by_a_state_or_igo_of_the_kb(offices) -> None:
    holders = {row["id"] for row in read(DATA / "states.csv")}
    holders |= {row["id"] for row in read(DATA / "igos.csv")}
    assert [row["id"] for row in offices if row["holder_of"] not in holders] == []


def test_every_row_has_a_source(persons, offices, terms) -> None:
    for rows in (persons, offices, terms):
        assert [row for row in rows if not row["source"].strip()] == []


def test_dates_are_iso_days_and_every_term_starts_before_it_ends(persons, terms) -> None:
    for row in persons:
        day(row["born"])
    for term in terms:
        start, end = day(term["start"]), day(term["end"])
        assert start is None or end is None or start < end, term
        assert end is None or end <= TODAY, term


def test_flags_are_one_or_empty(offices, terms) -> None:
    assert {row["leader"] for row in offices} <= {"1", ""}
    assert {row["acting"] for row in terms} <= {"1", ""}


def test_terms_of_one_office_never_overlap(terms) -> None:
    by_office: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for t in terms:
        by_office[t["office"]].append(
            (day(t["start"]) or dt.date.min, day(t["end"]) or dt.date.max, t["person"])
        )
    overlaps = []
    for office, spans in by_office.items():
        spans.sort()
        for (_, end, who), (start, _, next_who) in pairwise(spans):
            if start < end:
                overlaps.append((office, who, next_who))
    assert overlaps == []


def test_each_state_has_at_most_one_leader_office(offices) -> None:
    leaders = Counter(row["holder_of"] for row in offices if row["leader"] == "1")
    assert [holder for holder, n in leaders.items() if n > 1] == []
    assert [
        row["id"] for row in offices if row["leader"] == "1" and row["holder_of"].startswith("igo:")
    ] == []


def test_every_required_state_has_the_three_roles_and_a_leader(offices) -> None:
    roles: dict[str, set[str]] = defaultdict(set)
    leaders = set()
    for row in offices:
        roles[row["holder_of"]] |= {row["role"], *filter(None, row["also"].split("|"))}
        if row["leader"] == "1":
            leaders.add(row["holder_of"])
    missing = {
        state: {"head_of_state", "head_of_government", "foreign_minister"} - roles[state]
        for state in REQUIRED_STATES
    }
    assert {state: sorted(m) for state, m in missing.items() if m} == {}
    assert [state for state in REQUIRED_STATES if state not in leaders] == []


def test_every_required_igo_office_exists(offices) -> None:
    assert [o for o in REQUIRED_IGO_OFFICES if o not in {row["id"] for row in offices}] == []


def test_aliases_avoid_ambiguous_bare_surnames(persons) -> None:
    bad = [
        (row["id"], alias)
        for row in persons
        for alias in row["aliases"].split("|")
        if alias in AMBIGUOUS_ALIASES
    ]
    assert bad == []


def test_russian_forms_are_cyrillic(persons, offices) -> None:
    cells = [(row["id"], form) for row in persons for form in row["ru"].split("|") if form]
    cells += [(row["id"], form) for row in offices for form in row["ru_titles"].split("|") if form]
    assert [(i, form) for i, form in cells if not CYRILLIC.match(form)] == []


def test_every_person_has_a_name_and_the_persons_are_sorted(persons) -> None:
    assert [row["id"] for row in persons if not row["name"].strip()] == []
    assert [row["id"] for row in persons] == sorted(row["id"] for row in persons)


# --- who held the office on a given day: first and last days around changes -------------------

SPOT_CHECKS = [
    # (office, day, person, acting)
    ("USA.head_of_state", "2020-06-01", "donald-trump", False),
    ("USA.head_of_state", "2021-01-19", "donald-trump", False),
    ("USA.head_of_state", "2021-01-20", "joe-biden", False),
    ("USA.head_of_state", "2022-06-01", "joe-biden", False),
    ("USA.head_of_state", "2025-01-19", "joe-biden", False),
    ("USA.head_of_state", "2025-01-20", "donald-trump", False),
    ("USA.head_of_state", "2026-06-01", "donald-trump", False),
    ("USA.foreign_minister", "2025-01-21", "marco-rubio", False),
    ("JPN.head_of_government", "2020-09-15", "shinzo-abe", False),
    ("JPN.head_of_government", "2020-09-16", "yoshihide-suga", False),
    ("JPN.head_of_government", "2021-10-03", "yoshihide-suga", False),
    ("JPN.head_of_government", "2021-10-04", "fumio-kishida", False),
    ("JPN.head_of_government", "2024-09-30", "fumio-kishida", False),
    ("JPN.head_of_government", "2024-10-01", "shigeru-ishiba", False),
    ("JPN.head_of_government", "2025-10-20", "shigeru-ishiba", False),
    ("JPN.head_of_government", "2025-10-21", "sanae-takaichi", False),
    ("JPN.head_of_government", "2026-02-18", "sanae-takaichi", False),
    ("JPN.head_of_government", "2000-04-04", "mikio-aoki", True),
    ("JPN.foreign_minister", "2025-10-21", "toshimitsu-motegi", False),
    ("CHN.head_of_state", "2013-03-13", "hu-jintao", False),
    ("CHN.head_of_state", "2013-03-14", "xi-jinping", False),
    ("CHN.party_general_secretary", "2012-11-15", "xi-jinping", False),
    ("CHN.head_of_government", "2023-03-10", "li-keqiang", False),
    ("CHN.head_of_government", "2023-03-11", "li-qiang", False),
    ("CHN.foreign_minister", "2023-07-24", "qin-gang", False),
    ("CHN.foreign_minister", "2023-07-25", "wang-yi", False),
    ("IND.head_of_government", "2014-05-25", "manmohan-singh", False),
    ("IND.head_of_government", "2014-05-26", "narendra-modi", False),
    ("AUS.head_of_government", "2010-06-23", "kevin-rudd", False),
    ("AUS.head_of_government", "2010-06-24", "julia-gillard", False),
    ("AUS.head_of_government", "2013-06-27", "kevin-rudd", False),
    ("AUS.head_of_government", "2022-05-22", "scott-morrison", False),
    ("AUS.head_of_government", "2022-05-23", "anthony-albanese", False),
    ("AUS.head_of_state", "2022-09-07", "elizabeth-ii", False),
    ("AUS.head_of_state", "2022-09-08", "charles-iii", False),
    ("CAN.head_of_government", "2025-03-13", "justin-trudeau", False),
    ("CAN.head_of_government", "2025-03-14", "mark-carney", False),
    ("MEX.head_of_state", "2024-09-30", "andres-manuel-lopez-obrador", False),
    ("MEX.head_of_state", "2024-10-01", "claudia-sheinbaum", False),
    ("BRA.head_of_state", "2016-05-12", "michel-temer", True),
    ("BRA.head_of_state", "2022-12-31", "jair-bolsonaro", False),
    ("BRA.head_of_state", "2023-01-01", "luiz-inacio-lula-da-silva", False),
    ("ARG.foreign_minister", "2025-10-26", "gerardo-werthein", False),
    ("ARG.foreign_minister", "2025-10-27", "pablo-quirno", False),
    ("KOR.head_of_state", "2024-12-13", "yoon-suk-yeol", False),
    ("KOR.head_of_state", "2024-12-14", "han-duck-soo", True),
    ("KOR.head_of_state", "2025-05-01", "han-duck-soo", True),
    ("KOR.head_of_state", "2025-05-02", "lee-ju-ho", True),
    ("KOR.head_of_state", "2025-06-04", "lee-jae-myung", False),
    ("IDN.head_of_state", "2024-10-19", "joko-widodo", False),
    ("IDN.head_of_state", "2024-10-20", "prabowo-subianto", False),
    ("SAU.head_of_government", "2022-09-26", "salman-of-saudi-arabia", False),
    ("SAU.head_of_government", "2022-09-27", "mohammed-bin-salman", False),
    ("SAU.crown_prince", "2017-06-21", "mohammed-bin-salman", False),
    ("ZAF.head_of_state", "2018-02-14", "jacob-zuma", False),
    ("ZAF.head_of_state", "2018-02-15", "cyril-ramaphosa", False),
    ("IRN.supreme_leader", "2026-02-27", "ali-khamenei", False),
    ("IRN.supreme_leader", "2026-03-09", "mojtaba-khamenei", False),
    ("IRN.head_of_government", "2024-05-20", "mohammad-mokhber", True),
    ("IRN.head_of_government", "2024-07-28", "masoud-pezeshkian", False),
    ("ISR.head_of_government", "2021-06-12", "benjamin-netanyahu", False),
    ("ISR.head_of_government", "2021-06-13", "naftali-bennett", False),
    ("ISR.head_of_government", "2022-07-01", "yair-lapid", False),
    ("ISR.head_of_government", "2022-12-29", "benjamin-netanyahu", False),
    ("EGY.head_of_state", "2013-07-04", "adly-mansour", True),
    ("EGY.head_of_state", "2014-06-08", "abdel-fattah-el-sisi", False),
    ("PAK.head_of_government", "2023-08-14", "anwaar-ul-haq-kakar", False),
    ("PAK.head_of_government", "2024-03-04", "shehbaz-sharif", False),
    ("AFG.head_of_state", "2021-08-14", "ashraf-ghani", False),
    ("AFG.supreme_leader", "2021-08-15", "hibatullah-akhundzada", False),
    ("PRK.supreme_leader", "2011-12-16", "kim-jong-il", False),
    ("PRK.supreme_leader", "2011-12-17", "kim-jong-un", False),
    ("SYR.head_of_state", "2024-12-07", "bashar-al-assad", False),
    ("SYR.head_of_state", "2024-12-08", "ahmed-al-sharaa", True),
    ("SYR.head_of_state", "2025-01-29", "ahmed-al-sharaa", False),
    ("QAT.head_of_government", "2023-03-07", "mohammed-bin-abdulrahman-al-thani", False),
    ("ARE.head_of_state", "2022-05-14", "mohamed-bin-zayed-al-nahyan", False),
    ("igo:IMF.managing_director", "2019-10-01", "kristalina-georgieva", False),
    ("igo:WB.president", "2023-06-02", "ajay-banga", False),
    ("igo:AU.chairperson", "2025-03-12", "moussa-faki-mahamat", False),
    ("igo:AU.chairperson", "2025-03-13", "mahmoud-ali-youssouf", False),
    ("igo:OPEC.secretary_general", "2022-08-01", "haitham-al-ghais", False),
    ("igo:GCC.secretary_general", "2023-02-01", "jasem-albudaiwi", False),
    ("igo:WTO.director_general", "2021-03-01", "ngozi-okonjo-iweala", False),
]


@pytest.mark.parametrize(("office", "on", "person", "acting"), SPOT_CHECKS)
def test_the_holder_on_a_day_is_the_one_the_record_shows(terms, office, on, person, acting) -> None:
    assert holders_on(terms, office, dt.date.fromisoformat(on)) == [(f"person:{person}", acting)]


def test_us_president_in_mid_2020_2022_2026_is_two_distinct_people(terms) -> None:
    people = [
        holders_on(terms, "USA.head_of_state", dt.date(year, 6, 1))[0][0]
        for year in (2020, 2022, 2026)
    ]
    assert people == ["person:donald-trump", "person:joe-biden", "person:donald-trump"]
    assert len(set(people)) == 2


def test_nobody_holds_an_office_through_a_recorded_vacancy(terms) -> None:
    # Iran's leadership council (2026-02-28 to 2026-03-08) was three people, not one holder.
    assert holders_on(terms, "IRN.supreme_leader", dt.date(2026, 3, 1)) == []
    # WTO had no Director-General between Azevedo's departure and Okonjo-Iweala.
    assert holders_on(terms, "igo:WTO.director_general", dt.date(2020, 12, 1)) == []


# Days since 2000 (or the office's creation) on which a required office has no holder in these
# files: interregnums between a resignation or death and the successor, transitions we could not
# date to the day, offices abolished or left vacant, and stretches not yet recorded. Each one is
# a known, documented gap (SOURCES.md); a new gap means a term was lost or mis-dated.
KNOWN_VACANCIES = {
    "CAN.foreign_minister": [("2015-02-03", "2015-02-09")],
    "MEX.foreign_minister": [("2023-06-12", "2023-07-03")],
    "BRA.foreign_minister": [("2017-02-22", "2017-03-07"), ("2021-03-29", "2021-04-06")],
    "ARG.foreign_minister": [("2001-12-21", "2002-01-03")],
    "KOR.foreign_minister": [
        ("2004-01-16", "2004-01-17"),
        ("2006-11-09", "2006-12-01"),
        ("2010-09-04", "2010-10-08"),
    ],
    "PRK.foreign_minister": [("2007-01-02", "2007-05-18"), ("2016-05-06", "2016-05-16")],
    "SAU.crown_prince": [("2011-10-22", "2011-10-27"), ("2012-06-16", "2012-06-18")],
    "IRN.supreme_leader": [("2026-02-28", "2026-03-09")],
    "ISR.foreign_minister": [
        ("2000-08-04", "2000-08-10"),
        ("2002-11-02", "2002-11-06"),
        ("2006-01-16", "2006-01-18"),
    ],
    "EGY.head_of_state": [("2013-07-03", "2013-07-04")],
    "EGY.foreign_minister": [("2011-07-01", "2011-07-18")],
    "ARE.head_of_state": [("2004-11-02", "2004-11-03"), ("2022-05-13", "2022-05-14")],
    "ARE.head_of_government": [("2006-01-04", "2006-01-05")],
    "SYR.head_of_government": [("2025-03-29", "2026-11-26")],
    "SYR.foreign_minister": [("2020-11-16", "2020-11-22"), ("2024-12-08", "2024-12-21")],
    "IRQ.head_of_state": [("2003-04-09", "2004-06-28")],
    "IRQ.head_of_government": [("2003-04-09", "2004-06-28")],
    "IRQ.foreign_minister": [("2003-04-09", "2003-09-03")],
    "PAK.head_of_government": [
        ("2004-06-26", "2004-06-30"),
        ("2012-06-19", "2012-06-22"),
        ("2017-07-28", "2017-08-01"),
        ("2018-05-31", "2018-06-01"),
        ("2022-04-10", "2022-04-11"),
    ],
    "PAK.foreign_minister": [
        ("2000-01-01", "2002-11-23"),
        ("2007-11-16", "2008-03-31"),
        ("2011-02-09", "2011-02-11"),
        ("2013-03-16", "2017-08-04"),
        ("2018-04-26", "2018-08-20"),
        ("2022-04-10", "2022-04-27"),
        ("2023-08-10", "2023-08-17"),
        ("2024-03-04", "2024-03-11"),
    ],
    "AFG.supreme_leader": [("2001-11-13", "2021-08-15")],
    "AFG.head_of_government": [("2001-11-13", "2001-12-22"), ("2021-08-15", "2021-09-07")],
    "AFG.foreign_minister": [("2000-01-01", "2020-04-04"), ("2021-08-15", "2021-09-07")],
    "igo:ARABLEAGUE.secretary_general": [("2026-07-01", "2026-11-26")],
    "igo:WTO.director_general": [("2020-09-01", "2021-03-01")],
    "igo:OPEC.secretary_general": [("2006-01-01", "2007-01-01"), ("2022-07-06", "2022-08-01")],
}
OFFICE_CREATED = {"igo:AU.chairperson": dt.date(2002, 7, 9)}


def test_required_offices_have_a_holder_every_day_except_the_known_vacancies(
    offices, terms
) -> None:
    required = [row["id"] for row in offices if row["holder_of"] in REQUIRED_STATES]
    required += REQUIRED_IGO_OFFICES
    found = {}
    for office in required:
        gaps = uncovered(terms, office, OFFICE_CREATED.get(office, FIRST_DAY), TODAY)
        if gaps:
            found[office] = [tuple(gap) for gap in gaps]
    assert found == {office: [tuple(g) for g in gaps] for office, gaps in KNOWN_VACANCIES.items()}
