"""Reading gold: tengri JSONL, the PLOVER gold-standard records and PETRARCH validation XML."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.conftest import REFERENCE, require

from tengri.errors import InputError, UsageError
from tengri.evaluate import read_gold
from tengri.evaluate.formats import detect_format
from tengri.evaluate.gold import GoldActor, GoldDate, GoldEvent, GoldPlace
from tengri.evaluate.read_petrarch import petrarch_country
from tengri.evaluate.read_plover import gsr_country

from .factories import DATA

PLOVER_GSR = REFERENCE / "plover" / "PLOVER_GSR_CAMEO.txt"
PETRARCH = REFERENCE / "petrarch" / "PETR.UnitTest.records.xml"


def test_formats_are_told_apart_by_their_first_characters():
    assert detect_format(DATA / "mini_gold.jsonl") == "tengri"
    assert detect_format(DATA / "mini_plover.json") == "plover-gsr"
    assert detect_format(DATA / "mini_petrarch.xml") == "petrarch-xml"


def test_an_unknown_format_name_is_a_usage_error():
    with pytest.raises(UsageError, match="choose one of auto, tengri"):
        read_gold(DATA / "mini_gold.jsonl", "csv")


def test_tengri_gold_is_read_with_every_field_it_codes():
    gold = read_gold(DATA / "mini_gold.jsonl")
    assert (gold.name, gold.format, len(gold.passages)) == ("mini_gold", "tengri", 5)
    assert gold.digest.startswith("sha256:") and len(gold.digest) == 71
    visit = gold.passages[0]
    assert visit.published == dt.date(2025, 11, 10)
    assert visit.events == (GoldEvent(
        type="CONSULT", mode="visit", cameo="042",
        source=(GoldActor("KAZ", "person:kassym-jomart-tokayev"),), target=(GoldActor("RUS"),),
        participants=(), status="planned",
        date=GoldDate(dt.date(2025, 11, 11), dt.date(2025, 11, 12), "day"),
        location=GoldPlace("RUS", None), anchor="will pay a state visit"),)
    assert gold.passages[2].is_negative
    claims = gold.passages[3]
    assert (claims.facts[0].indicator, claims.facts[0].value, claims.facts[0].unit) == (
        "trade_volume", 28e9, "USD")
    assert (claims.memberships[0].organization, claims.memberships[0].kb_check) == (
        "igo:EAEU", "consistent")
    assert [p.split for p in gold.passages].count("heldout") == 1
    assert [p.id for p in gold.only("heldout").passages] == ["t-signing"]


def test_tengri_gold_lines_without_text_take_it_from_a_corpus_file(tmp_path):
    line = {"id": "a1", "published": None, "events": [
        {"type": "CONSULT", "anchor": "met", "source": {"country": "KAZ"}}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(line) + "\n")
    (tmp_path / "corpus.jsonl").write_text(json.dumps(
        {"id": "a1", "text": "Tokayev met Putin.", "published": "2025-01-02"}) + "\n")
    gold = read_gold(tmp_path / "gold.jsonl", texts=tmp_path / "corpus.jsonl")
    assert (gold.passages[0].text, gold.passages[0].published) == ("Tokayev met Putin.", None)
    with pytest.raises(InputError, match="has no 'text'"):
        read_gold(tmp_path / "gold.jsonl")


def test_a_tengri_gold_file_with_mistakes_names_each_line_and_what_is_wrong(tmp_path):
    text = "Putin met Xi."
    bad = [{"id": "x1", "text": text, "events": [{"type": "CONSULT", "anchor": "visit"}]},
           {"id": "x2", "text": text, "events": [{"type": "PARLEY", "anchor": "met"}]},
           {"id": "x3", "text": text, "events": [{"type": "CONSULT", "status": "done"}]}]
    path = tmp_path / "bad.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in bad))
    with pytest.raises(InputError) as caught:
        read_gold(path)
    message = str(caught.value)
    assert "bad.jsonl:1: anchor 'visit' is not an exact substring" in message
    assert "bad.jsonl:2: unknown PLOVER type 'PARLEY'" in message
    assert "bad.jsonl:3: status 'done'" in message
    path.write_text("{not json\n")
    with pytest.raises(InputError, match=r"bad.jsonl:1: not JSON"):
        read_gold(path)


def test_older_plover_names_and_codes_are_mapped_and_document_records_skipped():
    gold = read_gold(DATA / "mini_plover.json")
    assert (gold.format, gold.one_event_per_passage, len(gold.passages)) == ("plover-gsr", True, 3)
    assert gold.skipped == ("T-DOCUMENT-0001: documentation record, not an event",)
    agree, fight, demand = (p.events[0] for p in gold.passages)
    assert agree == GoldEvent("AGREE", source=(GoldActor("ARM"),), target=(GoldActor("GEO"),),
                              symmetric=True)
    assert fight == GoldEvent("ASSAULT", mode="targeted", source=(GoldActor("JPN"),),
                              target=(GoldActor(None),), location=GoldPlace("JPN", "Tokyo"))
    assert demand == GoldEvent("REQUEST", source=(GoldActor("CHL"),))
    assert all(p.published is None and p.split == "reference" for p in gold.passages)


def test_gsr_codes_give_a_country_only_for_states():
    assert [gsr_country(c) for c in ("HUN", "JAP", "ITL", "IGO", "NGO", "XYZ", "", None)] == [
        "HUN", "JPN", "ITA", None, None, None, None, None]


def test_petrarch_records_keep_real_cameo_codes_and_countries_only():
    gold = read_gold(DATA / "mini_petrarch.xml")
    assert (gold.format, gold.key) == ("petrarch-xml", "root")
    assert [p.id for p in gold.passages] == ["T-01", "T-02", "T-03"]
    first, second, negative = gold.passages
    assert first.text == "Arnor will share intelligence with Gondor."
    assert first.events == (GoldEvent("COOPERATE", cameo="064"),)
    assert second.events == (GoldEvent("SANCTION", mode="withdraw", cameo="161",
                                       source=(GoldActor("ETH"),), target=(GoldActor("LBY"),)),)
    assert second.published == dt.date(1995, 1, 2)
    assert negative.events == () and negative.is_negative
    assert len(gold.skipped) == 3  # the error record, code 345, and code 903 beside a real one
    assert any("T-04" in s and "reject" in s for s in gold.skipped)


def test_petrarch_codes_name_a_country_only_for_real_states_of_the_dictionary():
    assert [petrarch_country(c) for c in ("USAGOV", "ETH", "JAP", "MOR", "ERI", "GON", "---")] == [
        "USA", "ETH", "JPN", None, None, None, None]


def test_the_plover_gold_standard_file_reads_322_events():
    require(PLOVER_GSR.exists(), f"reference file {PLOVER_GSR}")
    gold = read_gold(PLOVER_GSR)
    assert len(gold.passages) == 322 and len(gold.skipped) == 1
    types = {e.type for p in gold.passages for e in p.events}
    assert {"FIGHT", "DEMAND", "DISAPPROVE", "INVESTIGATE"}.isdisjoint(types)
    assert len(types) == 16


def test_the_petrarch_unit_test_records_read_with_their_left_out_codings_counted():
    require(PETRARCH.exists(), f"reference file {PETRARCH}")
    gold = read_gold(PETRARCH)
    assert len(gold.passages) + sum(1 for s in gold.skipped if "kept" not in s) == 284
    assert all(e.cameo for p in gold.passages for e in p.events)
