"""The review workflow in a real browser (Chromium through Playwright, against `reckon serve`):
sign in, correct a claim, see the audit entry, see the public incident page change.
Screenshots go to tests/artifacts/<test>/ for a person to look at."""

from __future__ import annotations

import re

import pytest

from .review_helpers import PASSWORD, add_editor

pytestmark = pytest.mark.browser


def test_sign_in_correct_a_claim_and_see_it_public(  # type: ignore[no-untyped-def]
    site_ledger_url, live_server, browser_page, artifact_dir, ids
) -> None:
    add_editor(site_ledger_url)
    page = browser_page

    # An anonymous visitor is sent to the sign-in page, and back to the queue after it.
    page.goto(live_server + "/review")
    page.wait_for_url(re.compile(r".*/login\?next=%2Freview$"))
    page.fill("#login-name", "ines")
    page.fill("#login-password", "not the password")
    page.click("form.review-form button[type=submit]")
    assert page.locator(".form-error").inner_text() == "Wrong name or password."
    page.screenshot(path=artifact_dir / "01-sign-in-refused.png", full_page=True)
    # The refused sign-in answered 401, which Chromium logs as a console error: expected.
    assert page.reckon_errors == ["Failed to load resource: the server responded with a status of 401 (Unauthorized)"]
    page.reckon_errors.clear()
    page.fill("#login-password", PASSWORD)
    page.click("form.review-form button[type=submit]")
    page.wait_for_url(live_server + "/review")
    cookie = next(c for c in page.context.cookies() if c["name"] == "reckon_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("document.cookie").find("reckon_session") == -1  # script cannot read it
    page.screenshot(path=artifact_dir / "02-queue.png", full_page=True)

    # Correct the Interior Ministry's 19 killed (a disputed figure) to 21.
    ministry = page.locator("section.queue-item", has_text="according to Valdorian Interior Ministry")
    waiting = ministry.count()  # the figure appears in two reports of the raid
    item = ministry.first
    assert "disputed" in item.locator(".badges").inner_text().lower()
    item.locator("details.correct summary").click()  # the correction fields fold away
    item.locator("input[name=min]").fill("21")
    item.locator("input[name=max]").fill("21")
    item.locator("input[name=note]").fill("The ministry's second statement says 21.")
    item.locator("button[value=correct]").click()
    page.wait_for_url(re.compile(r".*/review\?page=1$"))
    assert ministry.count() == waiting - 1  # reviewed claims leave the queue

    page.click("nav.review-nav >> text=Audit log")
    page.wait_for_url(live_server + "/review/audit")
    entry = page.locator("li.audit-entry").first
    assert "correct" in entry.locator(".badge").inner_text().lower()
    assert "ines" in entry.inner_text()
    assert "Machine: 19 killed according to Valdorian Interior Ministry" in entry.inner_text()
    assert "reviewed: 21 killed" in entry.inner_text()
    entry.locator("summary").click()
    page.screenshot(path=artifact_dir / "03-audit.png", full_page=True)

    # The public page: the machine's 19 is still the claim, marked, with the 21 beside it.
    page.goto(live_server + f"/incidents/{ids['mirrenby_incident']}")
    row = page.locator("tr", has=page.locator(".reviewed-mark"))
    assert row.count() == 1 and "19" in row.inner_text() and "corrected" in row.inner_text()
    reviewed = page.locator(".reviewed-claim")
    assert reviewed.count() == 1
    assert "21 killed, according to Valdorian Interior Ministry" in reviewed.inner_text()
    assert "ines" not in page.content()  # editors stay unnamed on public pages
    reviewed.scroll_into_view_if_needed()
    page.screenshot(path=artifact_dir / "04-public-incident.png", full_page=True)

    # Phone width: the queue must not scroll sideways.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server + "/review?reviewed=true")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    page.screenshot(path=artifact_dir / "05-phone-queue.png", full_page=True)
    page.goto(live_server + f"/incidents/{ids['mirrenby_incident']}")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    page.screenshot(path=artifact_dir / "06-phone-public-incident.png", full_page=True)

    # Sign out: the queue is closed again.
    page.goto(live_server + "/review")
    page.click("nav.review-nav button:has-text('Sign out')")
    page.wait_for_url(live_server + "/")
    page.goto(live_server + "/review")
    page.wait_for_url(re.compile(r".*/login\?next=.*"))
    assert page.reckon_errors == []  # no CSP violation, no script error
