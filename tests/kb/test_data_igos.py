"""The shipped international organisations and memberships (kb/data/igos.csv, memberships.csv)."""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "tengri" / "kb" / "data"
IGO_KINDS = {"global", "regional", "security", "economic", "political", "financial", "forum"}
MEMBERSHIP_KINDS = {
    "member",
    "observer",
    "partner",
    "dialogue_partner",
    "associate",
    "applicant",
    "suspended",
    "withdrawn",
}
# Kosovo has no ISO 3166-1 code; the KB uses the code the EU and the IMF use.
STATE_IDS = {country.alpha_3 for country in pycountry.countries} | {"XKX"}


def read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def items(cell: str) -> list[str]:
    return [v for v in cell.split("|") if v]


def date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


def holds(row: dict[str, str], day: dt.date) -> bool:
    """Whether a row's half-open [start, end) interval contains the day."""
    start, end = date(row["start"]), date(row["end"])
    return (start is None or start <= day) and (end is None or day < end)


@pytest.fixture(scope="module")
def igos() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv("igos.csv")}


@pytest.fixture(scope="module")
def memberships() -> list[dict[str, str]]:
    return read_csv("memberships.csv")


@pytest.fixture(scope="module")
def kinds_on(memberships):
    """The membership kinds an (organisation, member) pair holds on a day."""
    by_pair: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in memberships:
        by_pair[row["organization"], row["member"]].append(row)

    def kinds(organization: str, member: str, day: str) -> set[str]:
        when = dt.date.fromisoformat(day)
        return {r["kind"] for r in by_pair[organization, member] if holds(r, when)}

    return kinds


def members_on(memberships, organization: str, day: str) -> set[str]:
    when = dt.date.fromisoformat(day)
    return {
        r["member"]
        for r in memberships
        if r["organization"] == organization and r["kind"] == "member" and holds(r, when)
    }


# --- igos.csv ---------------------------------------------------------------------------------


def test_igo_file_has_the_readme_columns_in_order():
    with open(DATA / "igos.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [
        "id",
        "name",
        "acronyms",
        "aliases",
        "ru",
        "kind",
        "founded",
        "dissolved",
        "hq_country",
        "source",
    ]


def test_every_igo_id_is_unique_and_is_igo_colon_an_upper_case_acronym():
    ids = [row["id"] for row in read_csv("igos.csv")]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not re.fullmatch(r"igo:[A-Z][A-Z0-9]*", i)] == []


def test_there_are_at_least_seventy_organisations(igos):
    assert len(igos) >= 70


def test_every_igo_has_a_name_a_known_kind_and_a_source(igos):
    bad = [
        i
        for i, row in igos.items()
        if not row["name"] or row["kind"] not in IGO_KINDS or not row["source"].strip()
    ]
    assert bad == []


def test_igo_dates_parse_and_dissolution_comes_after_founding(igos):
    for row in igos.values():
        founded, dissolved = date(row["founded"]), date(row["dissolved"])
        if founded and dissolved:
            assert founded < dissolved, row["id"]


def test_igo_headquarters_are_known_state_ids(igos):
    assert [
        i for i, row in igos.items() if row["hq_country"] and row["hq_country"] not in STATE_IDS
    ] == []


def test_no_acronym_or_alias_is_listed_twice_for_different_organisations(igos):
    seen: dict[str, str] = {}
    clashes = []
    for igo_id, row in igos.items():
        for name in (
            items(row["acronyms"]) + items(row["aliases"]) + items(row["ru"]) + [row["name"]]
        ):
            if seen.setdefault(name, igo_id) != igo_id:
                clashes.append((name, seen[name], igo_id))
    assert clashes == []


@pytest.mark.parametrize(
    ("igo_id", "acronym"),
    [
        ("igo:EAEU", "ЕАЭС"),
        ("igo:CSTO", "ОДКБ"),
        ("igo:SCO", "ШОС"),
        ("igo:CIS", "СНГ"),
        ("igo:UN", "ООН"),
        ("igo:NATO", "НАТО"),
        ("igo:EU", "ЕС"),
        ("igo:OSCE", "ОБСЕ"),
        ("igo:BRICS", "БРИКС"),
        ("igo:ASEAN", "АСЕАН"),
        ("igo:OPEC", "ОПЕК"),
        ("igo:CICA", "СВМДА"),
        ("igo:OTS", "ОТГ"),
        ("igo:OIC", "ОИС"),
        ("igo:IMF", "МВФ"),
        ("igo:G20", "Группа двадцати"),
        ("igo:UNIONSTATE", "Союзное государство"),
        ("igo:WB", "Всемирный банк"),
        # ВТО in Russian is the World Trade Organization, not a treaty organisation of the past
        ("igo:WTO", "ВТО"),
    ],
)
def test_russian_names_and_acronyms_are_on_the_right_organisation(igos, igo_id, acronym):
    assert acronym in items(igos[igo_id]["ru"])


def test_english_acronyms_include_latin_variants(igos):
    assert items(igos["igo:EAEU"]["acronyms"]) == ["EAEU", "EEU"]
    assert "Turkic Council" in items(igos["igo:OTS"]["aliases"])
    assert "OPEC+" in items(igos["igo:OPECPLUS"]["acronyms"])


def test_opec_plus_is_its_own_entity_and_the_g8_is_dissolved(igos):
    assert igos["igo:OPECPLUS"]["founded"] == "2016-12-10"
    assert igos["igo:G8"]["dissolved"] == "2014-03-24"
    assert igos["igo:EURASEC"]["dissolved"] == igos["igo:EAEU"]["founded"] == "2015-01-01"


# --- memberships.csv --------------------------------------------------------------------------


def test_membership_file_has_the_readme_columns_in_order():
    with open(DATA / "memberships.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["organization", "member", "kind", "start", "end", "source", "note"]


def test_every_membership_row_has_a_source_and_a_known_kind(memberships):
    assert [r for r in memberships if not r["source"].strip()] == []
    assert {r["kind"] for r in memberships} <= MEMBERSHIP_KINDS


def test_every_organisation_is_in_igos(memberships, igos):
    assert {r["organization"] for r in memberships} - set(igos) == set()


def test_every_member_is_a_known_state_or_an_igo_in_igos(memberships, igos):
    unknown = {r["member"] for r in memberships} - STATE_IDS - set(igos)
    assert unknown == set()


def test_membership_dates_parse_and_start_is_before_end(memberships):
    for row in memberships:
        start, end = date(row["start"]), date(row["end"])
        if start and end:
            assert start < end, row


def test_member_rows_of_one_pair_never_overlap(memberships):
    by_pair: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for row in memberships:
        if row["kind"] == "member":
            by_pair[row["organization"], row["member"]].append(
                (date(row["start"]) or dt.date.min, date(row["end"]) or dt.date.max)
            )
    for pair, spans in by_pair.items():
        for (_, end), (start, _) in itertools.combinations(sorted(spans), 2):
            assert end <= start, pair


def test_every_withdrawn_row_starts_the_day_a_member_row_ends(memberships):
    member_ends = {
        (r["organization"], r["member"], r["end"])
        for r in memberships
        if r["kind"] == "member" and r["end"]
    }
    withdrawn = [
        (r["organization"], r["member"], r["start"])
        for r in memberships
        if r["kind"] == "withdrawn"
    ]
    assert [w for w in withdrawn if w not in member_ends] == []


def test_every_dated_suspension_overlaps_a_member_row_of_the_same_pair(memberships):
    members: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in memberships:
        if row["kind"] == "member":
            members[row["organization"], row["member"]].append(row)
    for row in memberships:
        if row["kind"] == "suspended":
            first_day = date(row["start"])
            assert first_day is not None, row
            pair_rows = members[row["organization"], row["member"]]
            assert any(holds(m, first_day) for m in pair_rows), row


def test_no_pair_is_member_and_withdrawn_on_the_same_day(memberships, kinds_on):
    for row in memberships:
        for cell in (row["start"], row["end"]):
            if cell:
                both = {"member", "withdrawn"}
                assert not both <= kinds_on(row["organization"], row["member"], cell), row


# --- spot checks on first and last days -------------------------------------------------------


def test_georgia_is_in_the_cis_on_2009_08_17_and_out_on_2009_08_18(kinds_on):
    assert kinds_on("igo:CIS", "GEO", "2009-08-17") == {"member"}
    assert kinds_on("igo:CIS", "GEO", "2009-08-18") == {"withdrawn"}


def test_ukraine_never_left_the_cis_but_froze_its_participation_in_2018(kinds_on):
    assert kinds_on("igo:CIS", "UKR", "2018-05-18") == {"member"}
    assert kinds_on("igo:CIS", "UKR", "2018-05-19") == {"member", "suspended"}


def test_turkmenistan_became_a_cis_associate_on_2005_08_26(kinds_on):
    assert kinds_on("igo:CIS", "TKM", "2005-08-25") == {"member"}
    assert kinds_on("igo:CIS", "TKM", "2005-08-26") == {"associate"}


def test_kazakhstan_is_a_brics_partner_from_2025_01_01_and_never_a_member(memberships, kinds_on):
    assert kinds_on("igo:BRICS", "KAZ", "2024-12-31") == set()
    assert kinds_on("igo:BRICS", "KAZ", "2025-01-01") == {"partner"}
    assert not [
        r
        for r in memberships
        if r["organization"] == "igo:BRICS" and r["member"] == "KAZ" and r["kind"] == "member"
    ]


def test_brics_members_and_partners_in_2025(memberships):
    assert members_on(memberships, "igo:BRICS", "2025-07-01") == {
        "BRA",
        "RUS",
        "IND",
        "CHN",
        "ZAF",
        "EGY",
        "ETH",
        "IRN",
        "ARE",
        "IDN",
    }
    partners = {
        r["member"]
        for r in memberships
        if r["organization"] == "igo:BRICS"
        and r["kind"] == "partner"
        and holds(r, dt.date(2025, 7, 1))
    }
    assert partners == {"BLR", "BOL", "CUB", "KAZ", "MYS", "THA", "UGA", "UZB", "NGA", "VNM"}


def test_indonesia_joins_brics_on_2025_01_06_and_saudi_arabia_is_never_a_member(kinds_on):
    assert kinds_on("igo:BRICS", "IDN", "2025-01-05") == set()
    assert kinds_on("igo:BRICS", "IDN", "2025-01-06") == {"member"}
    assert kinds_on("igo:BRICS", "SAU", "2025-06-01") == {"applicant"}
    assert kinds_on("igo:BRICS", "NGA", "2025-01-16") == set()
    assert kinds_on("igo:BRICS", "NGA", "2025-01-17") == {"partner"}
    assert kinds_on("igo:BRICS", "VNM", "2025-06-13") == {"partner"}


def test_armenia_is_still_a_csto_member_with_a_suspension_in_2025(kinds_on):
    assert kinds_on("igo:CSTO", "ARM", "2024-02-21") == {"member"}
    assert kinds_on("igo:CSTO", "ARM", "2025-06-01") == {"member", "suspended"}


def test_uzbekistan_left_the_csto_twice(kinds_on):
    assert kinds_on("igo:CSTO", "UZB", "1999-04-20") == {"member"}
    assert kinds_on("igo:CSTO", "UZB", "1999-04-21") == {"withdrawn"}
    assert kinds_on("igo:CSTO", "UZB", "2010-01-01") == {"member"}
    assert kinds_on("igo:CSTO", "UZB", "2012-12-19") == {"withdrawn"}
    assert kinds_on("igo:CSTO", "GEO", "2000-01-01") == {"withdrawn"}


def test_kazakhstan_memberships_in_2025(kinds_on):
    for organization in (
        "igo:EAEU",
        "igo:CSTO",
        "igo:SCO",
        "igo:CIS",
        "igo:OSCE",
        "igo:OIC",
        "igo:CICA",
        "igo:OTS",
        "igo:UN",
    ):
        assert kinds_on(organization, "KAZ", "2025-06-01") == {"member"}, organization
    assert kinds_on("igo:EAEU", "KAZ", "2014-12-31") == set()
    assert kinds_on("igo:EAEU", "KAZ", "2015-01-01") == {"member"}
    assert kinds_on("igo:SCO", "KAZ", "2001-06-15") == {"member"}


def test_sco_enlargement_days(kinds_on, memberships):
    assert kinds_on("igo:SCO", "BLR", "2024-07-03") == {"observer"}
    assert kinds_on("igo:SCO", "BLR", "2024-07-04") == {"member"}
    assert kinds_on("igo:SCO", "IRN", "2023-07-04") == {"member"}
    assert kinds_on("igo:SCO", "IND", "2017-06-09") == {"member"}
    assert kinds_on("igo:SCO", "MNG", "2025-08-31") == {"observer"}
    assert kinds_on("igo:SCO", "MNG", "2025-09-01") == {"partner"}
    assert len(members_on(memberships, "igo:SCO", "2025-01-01")) == 10


def test_russia_leaves_the_council_of_europe_on_2022_03_16(kinds_on):
    assert kinds_on("igo:COE", "RUS", "2022-02-25") == {"member", "suspended"}
    assert kinds_on("igo:COE", "RUS", "2022-03-15") == {"member", "suspended"}
    assert kinds_on("igo:COE", "RUS", "2022-03-16") == {"withdrawn"}


def test_the_united_kingdom_leaves_the_eu_on_2020_02_01(kinds_on, memberships):
    assert kinds_on("igo:EU", "GBR", "2020-01-31") == {"member"}
    assert kinds_on("igo:EU", "GBR", "2020-02-01") == {"withdrawn"}
    assert len(members_on(memberships, "igo:EU", "2026-01-01")) == 27
    assert len(members_on(memberships, "igo:EU", "2020-01-31")) == 28


def test_nato_has_32_members_with_sweden_last(memberships, kinds_on):
    assert len(members_on(memberships, "igo:NATO", "2024-03-07")) == 32
    assert kinds_on("igo:NATO", "SWE", "2024-03-06") == set()
    assert kinds_on("igo:NATO", "FIN", "2023-04-04") == {"member"}


def test_the_un_has_193_members_and_two_observer_states(memberships):
    assert len(members_on(memberships, "igo:UN", "2026-01-01")) == 193
    observers = {
        r["member"]
        for r in memberships
        if r["organization"] == "igo:UN" and r["kind"] == "observer"
    }
    assert observers == {"VAT", "PSE"}
    assert "SSD" not in members_on(memberships, "igo:UN", "2011-07-13")
    assert "SSD" in members_on(memberships, "igo:UN", "2011-07-14")


def test_the_security_council_has_fifteen_members_in_every_year_from_2014_to_2026(memberships):
    for year in range(2014, 2027):
        assert len(members_on(memberships, "igo:UNSC", f"{year}-06-01")) == 15, year
    assert "KAZ" in members_on(memberships, "igo:UNSC", "2018-12-31")
    assert "KAZ" not in members_on(memberships, "igo:UNSC", "2019-01-01")


def test_g20_includes_the_eu_and_from_2023_09_09_the_african_union(kinds_on, memberships):
    assert kinds_on("igo:G20", "igo:EU", "2000-01-01") == {"member"}
    assert kinds_on("igo:G20", "igo:AU", "2023-09-08") == set()
    assert kinds_on("igo:G20", "igo:AU", "2023-09-09") == {"member"}
    assert len(members_on(memberships, "igo:G20", "2024-01-01")) == 21


def test_asean_admits_timor_leste_on_2025_10_26(kinds_on, memberships):
    assert kinds_on("igo:ASEAN", "TLS", "2025-10-25") == {"observer"}
    assert kinds_on("igo:ASEAN", "TLS", "2025-10-26") == {"member"}
    assert len(members_on(memberships, "igo:ASEAN", "2025-10-26")) == 11


def test_opec_departures_and_indonesia_suspension(kinds_on):
    assert kinds_on("igo:OPEC", "QAT", "2018-12-31") == {"member"}
    assert kinds_on("igo:OPEC", "QAT", "2019-01-01") == {"withdrawn"}
    assert kinds_on("igo:OPEC", "ECU", "2020-01-01") == {"withdrawn"}
    assert kinds_on("igo:OPEC", "AGO", "2023-12-31") == {"member"}
    assert kinds_on("igo:OPEC", "AGO", "2024-01-01") == {"withdrawn"}
    assert kinds_on("igo:OPEC", "IDN", "2020-01-01") == {"member", "suspended"}
    assert kinds_on("igo:OPECPLUS", "KAZ", "2016-12-10") == {"member"}


def test_mercosur_suspends_venezuela_and_admits_bolivia(kinds_on):
    assert kinds_on("igo:MERCOSUR", "VEN", "2016-11-30") == {"member"}
    assert kinds_on("igo:MERCOSUR", "VEN", "2016-12-01") == {"member", "suspended"}
    assert kinds_on("igo:MERCOSUR", "BOL", "2024-07-07") == set()
    assert kinds_on("igo:MERCOSUR", "BOL", "2024-07-08") == {"member"}


def test_african_union_suspensions(kinds_on, memberships):
    assert kinds_on("igo:AU", "NER", "2024-01-01") == {"member", "suspended"}
    assert kinds_on("igo:AU", "GAB", "2025-04-29") == {"member", "suspended"}
    assert kinds_on("igo:AU", "GAB", "2025-04-30") == {"member"}
    assert kinds_on("igo:AU", "GIN", "2026-01-22") == {"member"}
    assert kinds_on("igo:AU", "MLI", "2021-06-01") == {"member", "suspended"}
    assert kinds_on("igo:AU", "MAR", "2017-01-30") == {"member"}
    suspended_now = {
        r["member"]
        for r in memberships
        if r["organization"] == "igo:AU"
        and r["kind"] == "suspended"
        and holds(r, dt.date(2026, 11, 26))
    }
    assert suspended_now == {"MLI", "SDN", "BFA", "NER", "MDG", "GNB"}


def test_turkic_states_members_and_observers(kinds_on):
    assert kinds_on("igo:OTS", "UZB", "2019-10-14") == {"member"}
    assert kinds_on("igo:OTS", "HUN", "2018-09-03") == {"observer"}
    assert kinds_on("igo:OTS", "TKM", "2021-11-12") == {"observer"}


def test_union_state_and_eaeu_founders(memberships):
    assert members_on(memberships, "igo:UNIONSTATE", "2025-01-01") == {"RUS", "BLR"}
    assert members_on(memberships, "igo:EAEU", "2015-01-01") == {"RUS", "BLR", "KAZ"}
    assert members_on(memberships, "igo:EAEU", "2015-08-12") == {"RUS", "BLR", "KAZ", "ARM", "KGZ"}
