"""GDELT 2.0: 61 tab-separated Events columns and 16 Mentions columns in the codebook's order,
valid codes, a country never placed as a city, stable integer ids."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tengri.export import export_text
from tengri.export.codes import cameo_actor_code, fips
from tengri.export.gdelt import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    event_row,
    geo_type,
    global_event_id,
    mention_rows,
)
from tengri.kb import shipped_data_dir
from tengri.ontology import cameo
from tengri.store import EventFilter, Store

# The column names and order of the GDELT 2.0 Events and Mentions tables, as the GDELT Event
# Codebook V2.0 lists them (checked against two public transcriptions of its header rows).
CODEBOOK_EVENT_COLUMNS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code
Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name
Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code
Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode
EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type Actor2Geo_FullName
Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long
Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code
ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()

CODEBOOK_MENTION_COLUMNS = """GLOBALEVENTID EventTimeDate MentionTimeDate MentionType
MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset
ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo
Extras""".split()


def _export(store: Store, criteria: EventFilter | None = None,
            ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    events, mentions = io.StringIO(), io.StringIO()
    export_text(store, criteria or EventFilter(), "gdelt", events, mentions_out=mentions)
    rows = [line.split("\t") for line in events.getvalue().splitlines()]
    assert all(len(r) == 61 for r in rows), [len(r) for r in rows]
    mention_lines = [line.split("\t") for line in mentions.getvalue().splitlines()]
    assert all(len(r) == 16 for r in mention_lines), [len(r) for r in mention_lines]
    return ([dict(zip(EVENT_COLUMNS, r, strict=True)) for r in rows],
            [dict(zip(MENTION_COLUMNS, r, strict=True)) for r in mention_lines])


def test_the_columns_are_gdelt_2_events_and_mentions_in_codebook_order() -> None:
    assert list(EVENT_COLUMNS) == CODEBOOK_EVENT_COLUMNS
    assert len(EVENT_COLUMNS) == 61
    assert list(MENTION_COLUMNS) == CODEBOOK_MENTION_COLUMNS


def test_a_visit_becomes_a_full_gdelt_events_row(filled: Store) -> None:
    rows, _ = _export(filled)
    visit = next(r for r in rows if r["EventCode"] == "042" and r["Actor1Code"] == "KAZGOV")
    dateadded = visit.pop("DATEADDED")
    assert len(dateadded) == 14 and dateadded.isdigit()
    assert visit == {
        "GLOBALEVENTID": visit["GLOBALEVENTID"], "SQLDATE": "20251111", "MonthYear": "202511",
        "Year": "2025", "FractionDate": "2025.9342",
        "Actor1Code": "KAZGOV", "Actor1Name": "KASSYM-JOMART TOKAYEV",
        "Actor1CountryCode": "KAZ", "Actor1KnownGroupCode": "", "Actor1EthnicCode": "",
        "Actor1Religion1Code": "", "Actor1Religion2Code": "", "Actor1Type1Code": "GOV",
        "Actor1Type2Code": "", "Actor1Type3Code": "",
        "Actor2Code": "RUSGOV", "Actor2Name": "VLADIMIR PUTIN", "Actor2CountryCode": "RUS",
        "Actor2KnownGroupCode": "", "Actor2EthnicCode": "", "Actor2Religion1Code": "",
        "Actor2Religion2Code": "", "Actor2Type1Code": "GOV", "Actor2Type2Code": "",
        "Actor2Type3Code": "",
        "IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04",
        "QuadClass": "1", "GoldsteinScale": "1.9", "NumMentions": "2", "NumSources": "2",
        "NumArticles": "2", "AvgTone": "",
        "Actor1Geo_Type": "1", "Actor1Geo_FullName": "Kazakhstan",
        "Actor1Geo_CountryCode": "KZ", "Actor1Geo_ADM1Code": "", "Actor1Geo_ADM2Code": "",
        "Actor1Geo_Lat": "48.019573", "Actor1Geo_Long": "66.923684", "Actor1Geo_FeatureID": "",
        "Actor2Geo_Type": "1", "Actor2Geo_FullName": "Russia", "Actor2Geo_CountryCode": "RS",
        "Actor2Geo_ADM1Code": "", "Actor2Geo_ADM2Code": "", "Actor2Geo_Lat": "61.52401",
        "Actor2Geo_Long": "105.318756", "Actor2Geo_FeatureID": "",
        "ActionGeo_Type": "4", "ActionGeo_FullName": "Moscow, Russia",
        "ActionGeo_CountryCode": "RS", "ActionGeo_ADM1Code": "", "ActionGeo_ADM2Code": "",
        "ActionGeo_Lat": "55.75", "ActionGeo_Long": "37.62", "ActionGeo_FeatureID": "",
        "SOURCEURL": "https://wire.example/2025/11/11/visit",
    }


def test_every_code_is_valid(filled: Store) -> None:
    rows, _ = _export(filled)
    states = {line.split(",", 1)[0] for line in
              (shipped_data_dir() / "states.csv").read_text("utf-8").splitlines()[1:]}
    assert len(rows) == 8
    for row in rows:
        code = cameo(row["EventCode"])
        assert row["EventBaseCode"] == row["EventCode"][:3]
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert (int(row["QuadClass"]), float(row["GoldsteinScale"])) == \
            (code.quad_class, code.goldstein)
        assert len(row["SQLDATE"]) == 8 and row["MonthYear"] == row["SQLDATE"][:6]
        for n in (1, 2):
            actor = row[f"Actor{n}Code"]
            assert len(actor) % 3 == 0 and actor == actor.upper()
            assert row[f"Actor{n}CountryCode"] in states | {""}
        for who in ("Actor1", "Actor2", "Action"):
            assert row[f"{who}Geo_Type"] in {"", "1", "2", "3", "4", "5"}
            assert len(row[f"{who}Geo_CountryCode"]) in (0, 2)


def test_a_country_is_never_placed_as_a_city(filled: Store) -> None:
    rows, _ = _export(filled)
    where = {(r["EventCode"], r["Actor1Name"]): (r["ActionGeo_Type"], r["ActionGeo_FullName"],
                                                 r["ActionGeo_CountryCode"]) for r in rows}
    assert where[("042", "XI JINPING")] == ("1", "Kazakhstan", "KZ")
    assert where[("190", "RUSSIAN FORCES")] == ("4", "Kharkiv, Ukraine", "UP")
    assert where[("111", "NORTH ATLANTIC TREATY ORGANIZATION")] == ("", "", "")
    assert geo_type("country", "USA") == 1
    assert geo_type("city", "USA") == 3
    assert geo_type("admin", "KAZ") == 5
    assert geo_type("region", "KAZ") is None


def test_an_event_without_a_date_is_dated_by_its_first_report(filled: Store) -> None:
    rows, _ = _export(filled)
    hypothetical = next(r for r in rows if r["EventCode"] == "112")
    assert (hypothetical["SQLDATE"], hypothetical["Actor2Code"],
            hypothetical["Actor2KnownGroupCode"], hypothetical["Actor1Code"],
            hypothetical["Actor1Type1Code"]) == ("20251113", "IGONAT", "NAT", "RUSMED", "MED")


def test_the_mentions_table_has_one_row_per_report_linked_by_event_id(filled: Store) -> None:
    rows, mentions = _export(filled)
    visit = next(r for r in rows if r["EventCode"] == "042" and r["Actor1Code"] == "KAZGOV")
    of_visit = [m for m in mentions if m["GLOBALEVENTID"] == visit["GLOBALEVENTID"]]
    assert [(m["MentionType"], m["MentionSourceName"], m["MentionIdentifier"], m["SentenceID"],
             m["Actor1CharOffset"], m["ActionCharOffset"], m["InRawText"], m["Confidence"],
             m["EventTimeDate"] == visit["DATEADDED"]) for m in of_visit] == [
        ("1", "wire.example", "https://wire.example/2025/11/11/visit", "1", "0", "0", "1", "80",
         True),
        ("1", "news.example", "https://news.example/tokayev-moscow", "1", "0", "0", "1", "80",
         True),
    ]
    assert len(mentions) == sum(int(r["NumMentions"]) for r in rows)
    without_url = next(m for m in mentions if m["MentionType"] == "2")
    assert without_url["MentionIdentifier"] in {"plan, 2025-11-20", "summit, 2024-07-04",
                                                "refused, 2025-12-01", "nato, 2025-11-13"}


def test_filters_select_the_rows(filled: Store) -> None:
    rows, mentions = _export(filled, EventFilter(dyad=("RUS", "UKR")))
    assert [r["EventCode"] for r in rows] == ["190"]
    assert [m["GLOBALEVENTID"] for m in mentions] == [rows[0]["GLOBALEVENTID"]]


def test_event_ids_become_stable_integers() -> None:
    assert global_event_id("42") == 42
    assert global_event_id("ev-0123456789ab") == global_event_id("ev-0123456789ab")
    assert 0 < global_event_id("ev-0123456789ab") < 2**63
    assert global_event_id("ev-0123456789ab") != global_event_id("ev-0123456789ac")


@pytest.mark.parametrize(("actor", "code"), [
    ({"kind": "state", "country": "RUS", "sector": "GOV"}, "RUS"),
    ({"kind": "person", "country": "RUS", "sector": "GOV"}, "RUSGOV"),
    ({"kind": "organization", "country": "RUS", "sector": "JRN"}, "RUSMED"),
    ({"kind": "organization", "country": "KAZ", "sector": "MED"}, "KAZHLH"),
    ({"kind": "igo", "id": "igo:NATO", "igo": "igo:NATO", "sector": "IGO"}, "IGONAT"),
    ({"kind": "igo", "id": "igo:EAEU", "igo": "igo:EAEU", "sector": "IGO"}, "IGO"),
    ({"kind": "organization", "igo": "igo:EU", "sector": "GOV"}, "IGOEECGOV"),
    ({"kind": "group", "sector": "CVL"}, "CVL"),
    ({"kind": "group", "country": "UKR", "sector": "PTY"}, "UKR"),
])
def test_actor_codes_are_cameo_segments(actor: dict[str, str], code: str) -> None:
    assert cameo_actor_code(actor) == code


def test_geography_uses_fips_country_codes() -> None:
    # FIPS 10-4 differs from ISO 3166 for these (GeoNames countryInfo).
    assert [fips(c) for c in ("RUS", "KAZ", "DEU", "GBR", "UKR", "CHN", "XXX", None)] == \
        ["RS", "KZ", "GM", "UK", "UP", "CH", "", ""]


text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@given(name=text, sentence=text, title=text)
def test_no_text_can_shift_the_columns(name: str, sentence: str, title: str) -> None:
    actor = {"text": name, "name": name, "kind": "person", "country": "KAZ", "sector": "GOV"}
    record = {"event_id": "7", "cameo": "042", "source": actor, "target": None,
              "date": {"start": "2025-11-11"}, "location": {"precision": "unknown"},
              "mentions": [{"title": title, "sentence": sentence, "sentence_index": 0,
                            "doc_id": name, "confidence": 0.5}]}
    line = "\t".join(event_row(record))
    assert "\n" not in line and "\r" not in line and len(line.split("\t")) == 61
    for row in mention_rows(record):
        assert len("\t".join(row).split("\t")) == 16
