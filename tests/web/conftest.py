"""Web fixtures: a small ledger of fictional reports (some of them hostile), a TestClient,
and for browser tests a live ``reckon serve`` on a free port plus Playwright's Chromium.

Shared with the review tests (tests/web/test_review*.py, test_browser_review*.py):
``site_ledger_url`` (a SQLite ledger already filled), ``client`` (TestClient over it),
``live_server`` (base URL of a running server over the same ledger), ``browser_page``
(a fresh Chromium page; phone-width pages via ``browser.new_page(viewport=...)``),
``artifact_dir`` (tests/artifacts/<test name>/ for screenshots).

The documents are invented (places, people and groups do not exist). The hostile one
carries script tags, attribute breakouts and javascript: URLs in every field a page
shows: title, outlet, byline, URL, tags, text, claimant, actor and place names.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from conftest import REPO, fictional_findings

from reckon.model import (
    Accusation,
    Actor,
    Claimant,
    Count,
    CountKind,
    Document,
    DocumentFindings,
    Place,
    ReportedIncident,
    Span,
)
from reckon.resolve import resolve
from reckon.store import Ledger

with warnings.catch_warnings():
    # Starlette deprecates driving TestClient with httpx in favour of httpx2, which is not
    # a dependency of Reckon; the warning is about its future, not about our use.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "tests" / "artifacts"

# Payloads: each would run script if a page put it into HTML unescaped.
XSS = {
    "script": "<script>alert('reckon-xss-1')</script>",
    "attribute": '"><img src=x onerror=alert(2)>',
    "single": "'><svg onload=alert(3)>",
    "url": "javascript:alert(4)",
}


def hostile_findings() -> DocumentFindings:
    """A report whose every shown field is an injection attempt, with valid spans."""
    text = (
        f"{XSS['script']} Korvath Gazette. At least 12 people were killed in Korvath on "
        f"Friday, said {XSS['attribute']} the spokesman. Police blamed {XSS['single']} for "
        "the attack.\nVisit javascript:alert(5) for more.\x01 The toll later rose to 15."
    )

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start=start, end=start + len(words))

    claimant = Claimant(name=XSS["attribute"], span=span(XSS["attribute"]))
    police = Claimant(name="Korvath Police", span=span("Police"))
    document = Document(
        text=text,
        raw=f"<html><body>{text}<script>steal()</script></body></html>".encode(),
        name="korvath-hostile",
        source="/corpus/korvath-hostile.html",
        url=XSS["url"],
        retrieved_at=datetime(2032, 5, 8, 9, 0, tzinfo=UTC),
        title=XSS["script"] + " Korvath raid",
        author=XSS["url"],
        outlet=XSS["attribute"],
        published="2032-05-07",
        tags=(XSS["script"], XSS["single"], "korvath"),
        media_type="text/html",
    )
    raid = ReportedIncident(
        date="2032-05-06",
        date_span=span("on Friday"),
        place=Place(name=XSS["single"], country="XK", latitude=42.5, longitude=20.9,
                    span=span("Korvath on")),
        counts=(
            Count(kind=CountKind.KILLED, min=12, max=None, claimant=claimant,
                  span=span("At least 12"), extractor="reckon.counts.v1"),
            Count(kind=CountKind.KILLED, min=15, max=15, claimant=police,
                  span=span("15"), extractor="reckon.counts.v1"),
        ),
        perpetrators=(
            Accusation(actor=XSS["script"], claimant=police, span=span(XSS["single"]),
                       extractor="reckon.accusations.v1"),
        ),
        victims=(XSS["script"],),
    )
    return DocumentFindings(
        document=document,
        incidents=(raid,),
        actors=(Actor(name=XSS["script"], aliases=(XSS["attribute"],)),),
        extractor_version="reckon-test-1",
    )


def site_findings() -> list[DocumentFindings]:
    """Three reports of the Mirrenby raid (two outlets, one wire reprint) and the hostile one."""
    first = fictional_findings(0)
    second = fictional_findings(2)
    second = replace(second, document=replace(
        second.document, outlet="Oster Valley Courier", title="Mirrenby mourns its dead",
        author="Pell Danner", published="2031-03-16", tags=("oster",)))
    return [first, second, hostile_findings()]


def fill_ledger(url: str) -> dict[str, str]:
    """Store the site's documents and resolve them into incidents; ids by role."""
    findings = site_findings()
    with Ledger(url) as ledger:
        for item in findings:
            ledger.add(item)
        ledger.save_incidents(resolve(findings))
        incidents = ledger.incidents()
    hostile_id = findings[2].document.id
    # Each document's first reported incident (index 0: the raid, with its place).
    by_document = {r.document_id: i.id for i in incidents for r in i.reports if r.index == 0}
    return {
        "mirrenby_document": findings[0].document.id,
        "courier_document": findings[1].document.id,
        "hostile_document": hostile_id,
        "mirrenby_incident": by_document[findings[0].document.id],
        "hostile_incident": by_document[hostile_id],
    }


@pytest.fixture
def site(sqlite_url: str) -> tuple[str, dict[str, str]]:
    """A filled SQLite ledger: (url, ids)."""
    return sqlite_url, fill_ledger(sqlite_url)


@pytest.fixture
def site_ledger_url(site: tuple[str, dict[str, str]]) -> str:
    return site[0]


@pytest.fixture
def ids(site: tuple[str, dict[str, str]]) -> dict[str, str]:
    return site[1]


@pytest.fixture
def client(site_ledger_url: str) -> Iterator[TestClient]:
    from reckon.web.app import create_app

    with TestClient(create_app(site_ledger_url)) as test_client:
        yield test_client


# ---- browser -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db_url: str, *, timeout: float = 30.0) -> tuple[subprocess.Popen, str]:
    """`reckon serve` in a child process on a free loopback port; (process, base URL)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    # The log goes to a file, not a pipe: a pipe nobody reads would block a chatty server.
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-c", "from reckon.cli import main; main()", "serve", "--db", db_url, "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    process.reckon_log = log
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            log.close()
            raise RuntimeError(f"reckon serve exited {process.returncode}: {output[-2000:]}")
        try:
            if httpx.get(base + "/sitemap.xml", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    stop_server(process)
    raise RuntimeError(f"reckon serve did not answer on {base} within {timeout} s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    finally:
        process.reckon_log.close()


@pytest.fixture
def live_server(site_ledger_url: str) -> Iterator[str]:
    process, base = start_server(site_ledger_url)
    try:
        yield base
    finally:
        stop_server(process)


def _browser_unavailable(reason: str) -> None:
    if os.environ.get("RECKON_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (RECKON_REQUIRE_BROWSER=1, so this fails instead of skipping)",
                    pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (no browser download). Module scope, not
    session: Playwright's sync API keeps an event loop running in the main thread while it
    lives, and later tests calling asyncio.run() would find it there."""
    executable = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if not executable:
        _browser_unavailable(f"no Chromium at {CHROMIUM} or on PATH")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _browser_unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(executable),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def browser_page(browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.reckon_errors = errors  # CSP violations and script errors, checked by tests
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def artifact_dir(request: pytest.FixtureRequest) -> Path:
    """tests/artifacts/<test name>/: screenshots kept after the run (gitignored)."""
    name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
    path = ARTIFACTS / name
    path.mkdir(parents=True, exist_ok=True)
    return path
