"""The shipped institutions and agent nouns hold to the formats of kb/data/README.md."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
import pytest

DATA = Path(str(resources.files("tengri.kb") / "data"))

INSTITUTION_COLUMNS = [
    "id",
    "name",
    "aliases",
    "ru",
    "kind",
    "sector",
    "country",
    "parent",
    "source",
]
AGENT_COLUMNS = ["noun", "sector", "kind", "source"]
INSTITUTION_KINDS = {
    "ministry",
    "security_council",
    "parliament",
    "armed_forces",
    "central_bank",
    "state_company",
    "university",
    "agency",
    "court",
    "party",
    "government",
    "ngo",
}
AGENT_KINDS = {"person", "group", "organization"}
ID = re.compile(r"^org:(?P<owner>[A-Z][A-Z0-9]*)\.(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
# Heads the extractor combines with a country adjective itself; as aliases they would name every
# state's body at once.
BARE_GENERIC = {
    "senate",
    "parliament",
    "foreign ministry",
    "government",
    "ministry of foreign affairs",
    "defence ministry",
    "defense ministry",
    "congress",
    "national assembly",
    "mfa",
    "house of representatives",
    "house of commons",
    "central bank",
    "national bank",
    "armed forces",
    "army",
    "military",
    "security council",
    "kurultai",
    "majlis",
    "mejlis",
    "bundesrat",
    "rada",
    "cabinet",
    "presidency",
    "совет безопасности",
    "мид",
    "парламент",
    "сенат",
    "правительство",
    "минобороны",
    "центробанк",
}


def _rows(pattern: str) -> list[dict[str, str]]:
    rows = []
    for path in sorted(DATA.glob(pattern)):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows.extend({**row, "_file": path.name} for row in reader)
    return rows


@cache
def institutions() -> tuple[dict[str, str], ...]:
    return tuple(_rows("institutions*.csv"))


@cache
def agents() -> tuple[dict[str, str], ...]:
    return tuple(_rows("agents*.csv"))


@cache
def documented_sectors() -> frozenset[str]:
    """The codes in the sector table of SOURCES.md's 'Institutions and agents' section."""
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    section = text.split("## Institutions and agents", 1)[1].split("\n## ", 1)[0]
    return frozenset(re.findall(r"^\s*\| `([A-Z]{3})` \|", section, flags=re.MULTILINE))


def _forms(row: dict[str, str]) -> list[str]:
    return [
        row["name"],
        *(f for f in row["aliases"].split("|") if f),
        *(f for f in row["ru"].split("|") if f),
    ]


def _key(form: str) -> str:
    return form.replace("ё", "е").replace("Ё", "Е").casefold()


def _by_id() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in institutions()}


def test_every_institution_file_has_the_readme_columns() -> None:
    files = sorted(DATA.glob("institutions*.csv"))
    assert files, "no institutions*.csv shipped"
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == INSTITUTION_COLUMNS, path.name
    with (DATA / "agents.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == AGENT_COLUMNS


def test_institution_ids_are_unique_and_of_the_form_org_owner_dot_slug() -> None:
    ids = [row["id"] for row in institutions()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert [i for i in ids if not ID.match(i)] == []


def test_institution_country_is_an_iso3_code_matching_the_id_or_empty_under_an_igo_or_ngo() -> None:
    known_igos = {row["id"] for row in _rows("igos*.csv")}
    for row in institutions():
        owner = ID.match(row["id"])["owner"]
        if row["country"]:
            assert pycountry.countries.get(alpha_3=row["country"]) is not None, row["id"]
            assert owner == row["country"], row["id"]
        elif owner == "NGO":  # a transnational non-governmental organisation: no state owns it
            assert (row["kind"], row["sector"], row["parent"]) == ("ngo", "NGO", ""), row["id"]
        else:
            assert row["parent"] == f"igo:{owner}", row["id"]
            # igos.csv is another table's; until it ships, the parent's form is all we can check.
            if known_igos:
                assert row["parent"] in known_igos, f"{row['id']}: {row['parent']} not in igos.csv"


def test_institution_parents_exist_and_belong_to_the_same_state() -> None:
    by_id = _by_id()
    for row in institutions():
        parent = row["parent"]
        if not parent or parent.startswith("igo:"):
            continue
        assert parent in by_id, f"{row['id']}: unknown parent {parent}"
        assert by_id[parent]["country"] == row["country"], row["id"]
        seen = {row["id"]}
        while parent and not parent.startswith("igo:"):
            assert parent not in seen, f"{row['id']}: parent cycle"
            seen.add(parent)
            parent = by_id[parent]["parent"]


def test_institution_kinds_and_sectors_are_documented_and_every_row_has_a_source() -> None:
    sectors = documented_sectors()
    assert {"GOV", "MIL", "LEG", "JUD", "BUS", "EDU", "JRN", "SPY", "COP", "PTY", "MED"} <= sectors
    for row in institutions():
        assert row["kind"] in INSTITUTION_KINDS, row["id"]
        assert row["sector"] in sectors, row["id"]
        assert row["name"].strip() and row["source"].strip(), row["id"]


def test_no_institution_form_is_a_bare_generic_noun_or_an_agent_noun() -> None:
    generic = BARE_GENERIC | {_key(row["noun"]) for row in agents()}
    offending = [
        (row["id"], form)
        for row in institutions()
        for form in _forms(row)
        if _key(form) in generic or _key(form.removeprefix("the ")) in generic
    ]
    assert offending == []


def test_no_two_institutions_share_a_name_or_alias() -> None:
    owners: dict[str, set[str]] = {}
    for row in institutions():
        for form in _forms(row):
            owners.setdefault(_key(form), set()).add(row["id"])
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


def test_institution_forms_are_clean_text() -> None:
    for row in institutions():
        for form in _forms(row):
            assert form == form.strip() and "  " not in form and form, (row["id"], form)


REQUIRED = {
    "org:RUS.presidency": ("GOV", ["the Kremlin", "Kremlin", "Кремль"]),
    "org:RUS.government": ("GOV", ["Government of Russia", "Russian Government"]),
    "org:RUS.security-council": (
        "GOV",
        [
            "Russian Security Council",
            "Security Council of the Russian Federation",
            "Russian Federation Security Council",
            "Совет безопасности Российской Федерации",
            "Совбез",
        ],
    ),
    "org:RUS.foreign-ministry": ("GOV", ["Russian Foreign Ministry", "Russian MFA", "МИД России"]),
    "org:RUS.defence-ministry": (
        "GOV",
        ["Russian Defence Ministry", "Russian Defense Ministry", "Минобороны России"],
    ),
    "org:RUS.economy-ministry": ("GOV", ["Ministry of Economic Development of Russia"]),
    "org:RUS.energy-ministry": ("GOV", ["Russian Energy Ministry"]),
    "org:RUS.education-ministry": ("GOV", ["Russian Education Ministry"]),
    "org:RUS.state-duma": ("LEG", ["State Duma", "Госдума"]),
    "org:RUS.federation-council": ("LEG", ["Federation Council", "Совет Федерации"]),
    "org:RUS.armed-forces": ("MIL", ["Russian Armed Forces"]),
    "org:RUS.central-bank": ("GOV", ["Bank of Russia", "Central Bank of Russia", "Банк России"]),
    "org:RUS.gazprom": ("BUS", ["Gazprom", "Газпром"]),
    "org:RUS.rosneft": ("BUS", ["Rosneft"]),
    "org:RUS.rosatom": ("BUS", ["Rosatom", "Росатом"]),
    "org:RUS.russian-railways": ("BUS", ["Russian Railways", "РЖД"]),
    "org:RUS.sberbank": ("BUS", ["Sberbank", "Сбербанк"]),
    "org:RUS.fsb": ("SPY", ["FSB", "ФСБ"]),
    "org:RUS.svr": ("SPY", ["SVR"]),
    "org:RUS.gru": ("SPY", ["GRU"]),
    "org:RUS.mgimo": (
        "EDU",
        ["MGIMO", "Moscow State Institute of International Relations", "МГИМО"],
    ),
    "org:RUS.mephi": (
        "EDU",
        [
            "MEPhI",
            "Moscow Engineering Physics Institute",
            "Moscow Institute of Engineering Physics",
            "National Research Nuclear University MEPhI",
            "НИЯУ МИФИ",
        ],
    ),
    "org:RUS.gubkin": (
        "EDU",
        [
            "Gubkin Russian State University of Oil and Gas",
            "Gubkin University",
            "Gubkin Oil and Gas University",
        ],
    ),
    "org:RUS.mendeleev": (
        "EDU",
        [
            "D. Mendeleev University of Chemical Technology of Russia",
            "Mendeleev University of Chemical Technology",
            "Mendeleev University",
        ],
    ),
    "org:RUS.msu": ("EDU", ["Lomonosov Moscow State University", "МГУ"]),
    "org:RUS.spbu": (
        "EDU",
        ["St Petersburg State University", "Saint Petersburg State University"],
    ),
    "org:RUS.tass": ("JRN", ["TASS", "ТАСС"]),
    "org:RUS.ria-novosti": ("JRN", ["RIA Novosti", "РИА Новости"]),
    "org:RUS.interfax": ("JRN", ["Interfax"]),
    "org:KAZ.presidency": ("GOV", ["Akorda", "Ak Orda", "Акорда"]),
    "org:KAZ.government": ("GOV", ["Government of Kazakhstan", "Kazakh Government"]),
    "org:KAZ.security-council": (
        "GOV",
        ["Security Council of Kazakhstan", "Kazakh Security Council"],
    ),
    "org:KAZ.foreign-ministry": ("GOV", ["Kazakh Foreign Ministry", "МИД Казахстана"]),
    "org:KAZ.defence-ministry": ("GOV", ["Kazakh Defence Ministry", "Kazakh Defense Ministry"]),
    "org:KAZ.economy-ministry": ("GOV", ["Ministry of National Economy of Kazakhstan"]),
    "org:KAZ.energy-ministry": ("GOV", ["Kazakh Energy Ministry"]),
    "org:KAZ.education-ministry": ("GOV", ["Kazakh Education Ministry"]),
    "org:KAZ.parliament": ("LEG", ["Kazakh Parliament", "Парламент Республики Казахстан"]),
    "org:KAZ.mazhilis": ("LEG", ["Mazhilis", "Мажилис"]),
    "org:KAZ.senate": ("LEG", ["Kazakh Senate", "Senate of Kazakhstan"]),
    "org:KAZ.armed-forces": ("MIL", ["Kazakh Armed Forces"]),
    "org:KAZ.central-bank": ("GOV", ["National Bank of Kazakhstan"]),
    "org:KAZ.knb": ("SPY", ["KNB", "National Security Committee of Kazakhstan"]),
    "org:KAZ.kazmunaygas": ("BUS", ["KazMunayGas", "КазМунайГаз"]),
    "org:KAZ.samruk-kazyna": ("BUS", ["Samruk-Kazyna", "Самрук-Казына"]),
    "org:KAZ.kazatomprom": ("BUS", ["Kazatomprom", "Казатомпром"]),
    "org:KAZ.ktz": ("BUS", ["KTZ", "Kazakhstan Temir Zholy"]),
    "org:KAZ.nazarbayev-university": ("EDU", ["Nazarbayev University"]),
    "org:KAZ.enu": (
        "EDU",
        ["L.N. Gumilyov Eurasian National University", "Eurasian National University"],
    ),
    "org:KAZ.kaznu": ("EDU", ["al-Farabi Kazakh National University"]),
    "org:KAZ.kazinform": ("JRN", ["Kazinform", "Казинформ"]),
    "org:USA.presidency": ("GOV", ["the White House", "White House"]),
    "org:USA.defence-ministry": ("GOV", ["Pentagon"]),
    "org:USA.foreign-ministry": ("GOV", ["State Department"]),
    "org:USA.cia": ("SPY", ["CIA"]),
    "org:USA.parliament": ("LEG", ["US Congress"]),
    "org:USA.senate": ("LEG", ["US Senate"]),
    "org:GBR.prime-ministers-office": ("GOV", ["Downing Street"]),
    "org:FRA.presidency": ("GOV", ["the Élysée", "Elysee"]),
    "org:CHN.armed-forces": ("MIL", ["PLA", "People's Liberation Army"]),
    "org:DEU.parliament": ("LEG", ["Bundestag"]),
    "org:DEU.armed-forces": ("MIL", ["Bundeswehr"]),
    "org:EU.commission": ("GOV", ["European Commission"]),
    "org:EU.parliament": ("LEG", ["European Parliament"]),
}


@pytest.mark.parametrize("institution_id", sorted(REQUIRED))
def test_required_institution_is_present_with_its_sector_and_forms(institution_id: str) -> None:
    row = _by_id().get(institution_id)
    assert row is not None, f"{institution_id} missing"
    sector, forms = REQUIRED[institution_id]
    assert row["sector"] == sector
    assert [f for f in forms if f not in _forms(row)] == []


STATES_WITH_CORE_BODIES = [
    "RUS",
    "KAZ",
    "ARM",
    "AZE",
    "BLR",
    "EST",
    "GEO",
    "KGZ",
    "LVA",
    "LTU",
    "MDA",
    "TJK",
    "TKM",
    "UKR",
    "UZB",
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "KOR",
    "MEX",
    "SAU",
    "ZAF",
    "TUR",
    "GBR",
    "USA",
]


@pytest.mark.parametrize("state", STATES_WITH_CORE_BODIES)
def test_every_post_soviet_and_g20_state_has_its_core_bodies(state: str) -> None:
    expected = {
        "foreign-ministry": ("ministry", "GOV"),
        "defence-ministry": ("ministry", "GOV"),
        "parliament": ("parliament", "LEG"),
        "armed-forces": ("armed_forces", "MIL"),
        "central-bank": ("central_bank", "GOV"),
    }
    by_id = _by_id()
    for slug, (kind, sector) in expected.items():
        row = by_id.get(f"org:{state}.{slug}")
        assert row is not None, f"org:{state}.{slug} missing"
        assert (row["kind"], row["sector"], row["country"]) == (kind, sector, state)
        assert row["ru"], f"org:{state}.{slug} has no Russian form"


def test_agent_nouns_are_unique_and_documented() -> None:
    sectors = documented_sectors()
    nouns: list[str] = []
    for row in agents():
        nouns.extend(n.casefold() for n in row["noun"].split("|"))
        assert row["sector"] in sectors, row["noun"]
        assert row["kind"] in AGENT_KINDS, row["noun"]
        assert row["source"].strip(), row["noun"]
        assert row["noun"] == row["noun"].strip() and row["noun"], row
    assert sorted({n for n in nouns if nouns.count(n) > 1}) == []


@pytest.mark.parametrize(
    ("noun", "sector", "kind"),
    [
        ("students", "EDU", "group"),
        ("student", "EDU", "person"),
        ("troops", "MIL", "group"),
        ("soldier", "MIL", "person"),
        ("officials", "GOV", "group"),
        ("diplomats", "GOV", "group"),
        ("ministers", "GOV", "group"),
        ("lawmakers", "LEG", "group"),
        ("legislators", "LEG", "group"),
        ("MPs", "LEG", "group"),
        ("police", "COP", "group"),
        ("rebels", "REB", "group"),
        ("militants", "UAF", "group"),
        ("protesters", "CVL", "group"),
        ("demonstrators", "CVL", "group"),
        ("refugees", "REF", "group"),
        ("migrants", "CVL", "group"),
        ("journalists", "JRN", "group"),
        ("volunteers", "CVL", "group"),
        ("athletes", "CVL", "group"),
        ("tourists", "CVL", "group"),
        ("businessmen", "BUS", "group"),
        ("business leaders", "BUS", "group"),
        ("experts", "EDU", "group"),
        ("foreign ministry", "GOV", "organization"),
        ("defence ministry", "GOV", "organization"),
        ("defense ministry", "GOV", "organization"),
        ("parliament", "LEG", "organization"),
        ("army", "MIL", "organization"),
        ("navy", "MIL", "organization"),
        ("central bank", "GOV", "organization"),
        ("government", "GOV", "organization"),
        ("security council", "GOV", "organization"),
        ("embassy", "GOV", "organization"),
        ("delegation", "GOV", "organization"),
        ("news agency", "JRN", "organization"),
        ("university", "EDU", "organization"),
    ],
)
def test_agent_noun_has_its_sector_and_kind(noun: str, sector: str, kind: str) -> None:
    rows = {row["noun"]: row for row in agents()}
    assert noun in rows, f"{noun} missing"
    assert (rows[noun]["sector"], rows[noun]["kind"]) == (sector, kind)
