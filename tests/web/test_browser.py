"""The public site in a real browser (Chromium through Playwright, against `reckon serve`):
list, filter, open an incident, follow an evidence link to its highlight; a phone width.
Screenshots go to tests/artifacts/<test>/ for a person to look at."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_read_filter_open_and_follow_evidence(live_server, browser_page, artifact_dir, ids) -> None:  # type: ignore[no-untyped-def]
    page = browser_page
    page.goto(live_server + "/")
    assert page.title().startswith("Incidents")
    cards = page.locator("article.card")
    assert cards.count() == 2  # the raid (its placeless injured report joins it) and the hostile one
    # The timeline chart is drawn by Chart.js from the JSON block (the CSP allowed it).
    page.wait_for_function("document.getElementById('timeline-chart').width > 0")
    assert page.locator("svg.map circle").count() == 2
    page.screenshot(path=artifact_dir / "01-incidents.png", full_page=True)

    # Filter by an accused actor's alias, through the form (no script needed).
    page.select_option("#f-actor", "Red Lantern Brigade")
    page.select_option("#f-kind", "killed")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r".*actor=Red\+Lantern\+Brigade.*"))
    assert cards.count() == 1
    headline = cards.first.locator("h2 a")
    assert "Between 19 and 23 killed in Mirrenby" in headline.inner_text()
    page.screenshot(path=artifact_dir / "02-filtered.png", full_page=True)

    headline.click()
    page.wait_for_url(f"**/incidents/{ids['mirrenby_incident']}")
    assert page.locator("h1").inner_text().startswith("Between 19 and 23 killed")
    assert page.get_by_text("At least 23 killed, according to Governor of Oster.").count() >= 1
    page.wait_for_function("document.getElementById('claims-chart').width > 0")
    page.screenshot(path=artifact_dir / "03-incident.png", full_page=True)

    link = page.locator(f"a[href^='/documents/{ids['mirrenby_document']}#span-']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(f"**/documents/{ids['mirrenby_document']}#{target}")
    mark = page.locator(f"#{target}")
    assert mark.evaluate("node => node.tagName") == "MARK"
    assert mark.evaluate("node => node.matches(':target')")
    assert mark.is_visible() and mark.inner_text() == "At least 23"
    # The :target rule makes the followed span stand out from the other highlights.
    outline = mark.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline == "solid"
    page.screenshot(path=artifact_dir / "04-document-highlight.png", full_page=True)
    assert page.reckon_errors == []  # no CSP violation, no script error


def test_phone_width_and_hostile_document(live_server, browser, artifact_dir, ids) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for name, path in (("05-phone-incidents", "/"),
                           ("06-phone-incident", f"/incidents/{ids['mirrenby_incident']}"),
                           ("07-phone-hostile-document", f"/documents/{ids['hostile_document']}"),
                           ("08-phone-hostile-incident", f"/incidents/{ids['hostile_incident']}")):
            page.goto(live_server + path)
            page.wait_for_load_state("networkidle")
            # Nothing wider than the screen: no sideways scrolling on a phone.
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (path, overflow)
            page.screenshot(path=artifact_dir / f"{name}.png", full_page=True)
        assert dialogs == []  # no payload ever ran
    finally:
        context.close()
