"""`watch`: rounds over local feeds and sitemaps, only new pages fetched, state in the ledger.

Run on SQLite and PostgreSQL (the state tables are part of the ledger).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from websites import Site, serve

from reckon.ingest.fetch import Fetcher, FetchPolicy
from reckon.store import Ledger
from reckon.store.schema import watched_listings, watched_pages
from reckon.watch import RoundReport, poll, watch

FERRY = "/news/2024/05/ferry-attack-pellin.html"
TOLL = "/news/2024/05/pellin-toll-rises.html"
FUNERALS = "/news/2024/05/pellin-funerals.html"
PRESS = "/press/lakeshore-rights-watch-pellin.html"
ARTICLES = {FERRY, TOLL, PRESS, "/news/2024/04/dovrin-checkpoint-shooting.html", "/archive/2023/11/marsh-road-ambush.html"}


@pytest.fixture
def courier() -> Iterator[Site]:
    with serve("courier") as site:
        yield site


@pytest.fixture
def ledger(ledger_url: str) -> Iterator[Ledger]:
    with Ledger(ledger_url) as opened:
        yield opened


def _fetcher() -> Fetcher:
    return Fetcher(FetchPolicy.from_settings(delay=0.0, timeout=5.0))


def _poll(ledger: Ledger, site: Site, *paths: str, **options: object) -> RoundReport:
    return poll(ledger, [site.base + path for path in paths], fetcher=_fetcher(), **options)  # type: ignore[arg-type]


def _pages(ledger: Ledger) -> dict[str, str]:
    with ledger.engine.connect() as connection:
        rows = connection.execute(sa.select(watched_pages.c.url, watched_pages.c.status)).all()
    return {"/" + url.split("/", 3)[3]: status for url, status in rows}


def _failures(report: RoundReport) -> dict[str, str]:
    return {where.split("/", 3)[3]: error.code for where, error in report.failures}


def _article_hits(site: Site) -> list[str]:
    return [path.split("?", 1)[0] for path in site.paths() if path.split("?", 1)[0].endswith(".html")]


def test_first_round_reads_every_listing_and_stores_each_page_once(ledger: Ledger, courier: Site) -> None:
    report = _poll(ledger, courier, "/rss.xml", "/atom.xml", "/sitemap-index.xml")
    # rss: ferry, toll (private refused, withdrawn 404); atom: press, toll again (not refetched);
    # index: news sitemap (ferry again, dovrin) and the gzipped archive sitemap (marsh road).
    assert (report.listings, report.unchanged, report.pages) == (5, 0, 6)
    assert (report.stored, report.duplicates, report.refused) == (5, 0, 1)
    assert _failures(report) == {"news/2024/05/withdrawn.html": "R106"}
    assert report.incidents is not None and report.incidents >= 1
    assert sorted(_article_hits(courier)) == sorted([*ARTICLES, "/news/2024/05/withdrawn.html"])
    assert "/private/patrol-memo.html" not in courier.paths()
    pages = _pages(ledger)
    assert pages["/private/patrol-memo.html"] == "refused"
    assert pages["/news/2024/05/withdrawn.html"] == "failed"
    assert pages[TOLL] == "stored"  # stored under its address without the utm_ parameters
    assert sum(1 for _ in ledger.documents()) == 5


def test_second_round_is_conditional_and_fetches_nothing_old(ledger: Ledger, courier: Site) -> None:
    _poll(ledger, courier, "/rss.xml", "/atom.xml", "/sitemap-index.xml")
    before = len(courier.hits)
    report = _poll(ledger, courier, "/rss.xml", "/atom.xml", "/sitemap-index.xml")
    new_hits = courier.hits[before:]
    # A fresh fetcher reads robots.txt again; the index is read in full (it names the
    # sitemaps to check); the feeds and both sitemaps answer 304 to last time's validators.
    assert [hit.path for hit in new_hits] == [
        "/robots.txt", "/rss.xml", "/atom.xml", "/sitemap-index.xml", "/sitemap-news.xml", "/sitemap-archive.xml.gz",
    ]
    conditional = [hit.path for hit in new_hits if "If-None-Match" in hit.headers]
    assert conditional == ["/rss.xml", "/atom.xml", "/sitemap-news.xml", "/sitemap-archive.xml.gz"]
    assert (report.listings, report.unchanged, report.pages, report.stored, report.failures) == (5, 4, 0, 0, [])
    assert report.incidents is None  # nothing new: incidents not re-resolved


def test_a_new_item_is_the_only_page_fetched(ledger: Ledger, courier: Site) -> None:
    _poll(ledger, courier, "/rss.xml")
    courier.set("/rss.xml", courier.get("/rss.xml").replace(
        "    <item>", f"    <item>\n      <title>Funerals</title><link>{courier.base}{FUNERALS}</link>\n    </item>\n    <item>", 1))
    before = len(courier.hits)
    report = _poll(ledger, courier, "/rss.xml")
    assert [hit.path for hit in courier.hits[before:]] == ["/robots.txt", "/rss.xml", FUNERALS]
    assert (report.pages, report.stored) == (1, 1)


def test_state_survives_a_restart(ledger_url: str, courier: Site) -> None:
    with Ledger(ledger_url) as first:
        _poll(first, courier, "/rss.xml")
    with Ledger(ledger_url) as second:
        report = _poll(second, courier, "/rss.xml")
    assert (report.unchanged, report.pages) == (1, 0)
    with Ledger(ledger_url) as third, third.engine.connect() as connection:
        state = connection.execute(sa.select(watched_listings)).mappings().one()
    assert state["kind"] == "feed" and state["etag"] and state["error"] is None


def test_bad_listings_are_one_failure_each_and_the_round_goes_on(ledger: Ledger, courier: Site) -> None:
    report = _poll(ledger, courier, "/broken.xml", "/loop-a", "/about.html", "/gone.xml", "/rss.xml")
    assert _failures(report) == {
        "broken.xml": "R121",
        "loop-a": "R106",
        "about.html": "R122",
        "gone.xml": "R106",
        "news/2024/05/withdrawn.html": "R106",
    }
    assert report.stored == 2  # the good feed after them was read
    with ledger.engine.connect() as connection:
        errors = dict(connection.execute(sa.select(watched_listings.c.url, watched_listings.c.error)).all())
    assert "[R121]" in errors[courier.base + "/broken.xml"]
    assert errors[courier.base + "/rss.xml"] is None


def test_a_page_that_is_down_is_tried_again_in_a_later_round(ledger: Ledger, courier: Site) -> None:
    courier.unavailable.add(FERRY)
    first = _poll(ledger, courier, "/rss.xml")
    assert _failures(first)["news/2024/05/ferry-attack-pellin.html"] == "R106"
    assert _pages(ledger)[FERRY] == "retry"
    courier.unavailable.clear()
    second = _poll(ledger, courier, "/rss.xml")
    assert (second.unchanged, second.pages, second.stored) == (1, 1, 1)
    assert _pages(ledger)[FERRY] == "stored"


def test_a_page_down_three_rounds_is_given_up(ledger: Ledger, courier: Site) -> None:
    courier.unavailable.add(FERRY)
    for _ in range(4):
        _poll(ledger, courier, "/rss.xml")
    assert _article_hits(courier).count(FERRY) == 3
    assert _pages(ledger)[FERRY] == "failed"


def test_max_pages_defers_the_rest_to_the_next_round(ledger: Ledger, courier: Site) -> None:
    first = _poll(ledger, courier, "/rss.xml", "/atom.xml", max_pages=2)
    # ferry and toll fetched; the memo, the withdrawn story and the statement wait.
    assert (first.pages, first.deferred, first.refused) == (2, 3, 0)
    second = _poll(ledger, courier, "/rss.xml", "/atom.xml", max_pages=10)
    # Both feeds were left unfinished, so neither is asked conditionally: no 304.
    assert (second.unchanged, second.pages, second.deferred, second.refused) == (0, 2, 0, 1)
    assert set(_pages(ledger)) == {FERRY, TOLL, PRESS, "/private/patrol-memo.html", "/news/2024/05/withdrawn.html"}


def test_watch_loops_until_stopped(ledger: Ledger, courier: Site) -> None:
    stop = threading.Event()
    rounds = []
    for report in watch(ledger, [courier.base + "/atom.xml"], interval=0.2, fetcher=_fetcher(), stop=stop):
        rounds.append(report)
        if len(rounds) == 3:
            stop.set()
    assert [r.round for r in rounds] == [1, 2, 3]
    assert [(r.pages, r.unchanged) for r in rounds] == [(2, 0), (0, 1), (0, 1)]
    starts = [hit.at for hit in courier.hits if hit.path == "/atom.xml"]
    assert all(later - earlier >= 0.2 - 0.02 for earlier, later in zip(starts, starts[1:], strict=False))


def test_watch_once_is_one_round(ledger: Ledger, courier: Site) -> None:
    reports = list(watch(ledger, [courier.base + "/atom.xml"], interval=3600, once=True, fetcher=_fetcher()))
    assert [r.round for r in reports] == [1]


def test_pages_of_two_hosts_are_fetched_in_turns(ledger: Ledger, courier: Site) -> None:
    """With a per-host delay, the monitor's pages are fetched while the courier waits its
    turn, not after all the courier's pages: the servers' arrival times show the overlap."""
    delay = 0.3
    with serve("monitor") as monitor:
        fetcher = Fetcher(FetchPolicy.from_settings(delay=delay, timeout=5.0))
        report = poll(ledger, [courier.base + "/rss.xml", monitor.base + "/feed.xml"], fetcher=fetcher)
        monitor_pages = [hit.at for hit in monitor.hits if hit.path.startswith("/reports/")]
    courier_pages = [hit.at for hit in courier.hits if hit.path.startswith("/news/")]
    assert (report.stored, len(monitor_pages), len(courier_pages)) == (5, 3, 3)
    assert monitor_pages[0] < courier_pages[-1]  # interleaved, not one host after the other
    for times in (monitor_pages, courier_pages):
        assert all(later - earlier >= delay - 0.02 for earlier, later in zip(times, times[1:], strict=False))
