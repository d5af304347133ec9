"""Follow feeds and sitemaps: poll them on an interval and store only the pages not seen before.

    for report in watch(ledger, ["https://wire.example/rss.xml"], interval=900):
        print(report.line())                      # one round; Ctrl-C ends the loop

A round asks every listing with the validators it answered last time (a 304 costs one
small request and nothing else), reads the page addresses of those that changed, keeps
the ones the ledger has never recorded, and fetches, extracts and stores each of them,
politely (fetch.py: robots.txt, one request per host per ``fetch_delay``). Incidents are
re-resolved once per round that stored something. What each listing answered and each
page gave is kept in the ledger (store/watch.py), so a restarted watch goes on where the
last one stopped.

A failure is one line for its own feed or page; the round and the watch go on. A page
that failed for a passing reason (no answer, 5xx) is tried again in later rounds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from reckon.errors import FetchError, IngestError, ReckonError
from reckon.ingest import read_documents
from reckon.ingest.feeds import MAX_DEPTH, MAX_SITEMAPS, ListingKind, read_listing
from reckon.ingest.fetch import Fetcher, FetchPolicy
from reckon.pipeline import resolve_ledger, store_document
from reckon.store.watch import (
    ListingState,
    PageStatus,
    now,
    pages_to_retry,
    read_listing_state,
    record_page,
    save_listing_state,
    unseen_pages,
)

__all__ = ["RoundReport", "poll", "watch"]

# on_event(address, what, error): "unchanged", "changed", "failed" for a listing; a
# PageStatus value for a page.
OnEvent = Callable[[str, str, ReckonError | None], None]


@dataclass(slots=True, kw_only=True)
class RoundReport:
    """What one round did. ``deferred`` pages were new but over ``max_pages``: the next
    round fetches them (their listing is read again in full, not answered 304)."""

    round: int
    listings: int = 0
    unchanged: int = 0
    pages: int = 0
    stored: int = 0
    duplicates: int = 0
    refused: int = 0
    deferred: int = 0
    failures: list[tuple[str, ReckonError]] = field(default_factory=list)
    incidents: int | None = None  # None when nothing new was stored (not re-resolved)

    def line(self) -> str:
        text = (
            f"round {self.round}: {_plural(self.listings, 'listing')} ({self.unchanged} unchanged), "
            f"{_plural(self.pages, 'page')} fetched: {_plural(self.stored, 'document')} stored, "
            f"{self.duplicates} already present, {self.refused} refused by robots.txt, {len(self.failures)} failed"
        )
        if self.deferred:
            text += f", {self.deferred} left for the next round"
        if self.incidents is not None:
            text += f"; {self.incidents} incidents in the ledger"
        return text + "."


def watch(
    ledger,  # type: ignore[no-untyped-def]
    listings: Sequence[str],
    *,
    interval: float,
    once: bool = False,
    fetcher: Fetcher | None = None,
    max_pages: int | None = None,
    on_event: OnEvent | None = None,
    stop: threading.Event | None = None,
) -> Iterator[RoundReport]:
    """One RoundReport per round, a round every ``interval`` seconds (start to start; a
    round longer than that is followed at once), until ``once``, ``stop`` is set, or the
    caller stops iterating (Ctrl-C lands between two transactions: nothing is half-written)."""
    if interval <= 0:
        raise ValueError("the interval must be positive")
    fetcher = fetcher or Fetcher(FetchPolicy.from_settings())
    number = 0
    while True:
        number += 1
        started = time.monotonic()
        yield poll(ledger, listings, number=number, fetcher=fetcher, max_pages=max_pages, on_event=on_event, stop=stop)
        if once or (stop is not None and stop.is_set()):
            return
        wait = max(0.0, interval - (time.monotonic() - started))
        if stop is not None:
            if stop.wait(wait):
                return
        else:
            time.sleep(wait)


def poll(
    ledger,  # type: ignore[no-untyped-def]
    listings: Sequence[str],
    *,
    fetcher: Fetcher,
    number: int = 1,
    max_pages: int | None = None,
    on_event: OnEvent | None = None,
    stop: threading.Event | None = None,
) -> RoundReport:
    """One round over ``listings``: retries first, then each listing's new pages."""
    round_ = _Round(ledger=ledger, fetcher=fetcher, report=RoundReport(round=number), max_pages=max_pages,
                    on_event=on_event or (lambda *_: None), stop=stop)
    for page, listing_url in pages_to_retry(ledger.engine):
        round_.read_page(page, listing_url=listing_url)
    for url in dict.fromkeys(listings):
        round_.report.listings += 1
        round_.poll_listing(url, depth=0)
    if round_.report.stored:
        round_.report.incidents = resolve_ledger(ledger)
    return round_.report


@dataclass(slots=True, kw_only=True)
class _Round:
    ledger: object
    fetcher: Fetcher
    report: RoundReport
    max_pages: int | None
    on_event: OnEvent
    stop: threading.Event | None
    fetched: set[str] = field(default_factory=set)

    def _budget_left(self) -> bool:
        if self.stop is not None and self.stop.is_set():
            return False
        return self.max_pages is None or self.report.pages < self.max_pages

    def poll_listing(self, url: str, *, depth: int) -> bool:
        """Read one feed or sitemap and its new pages; True when every new page was read
        (only then are its validators saved, so an unfinished listing is read in full again)."""
        engine = self.ledger.engine  # type: ignore[attr-defined]
        state = read_listing_state(engine, url)
        checked_at = now()
        # A sitemap index is always read in full: its sitemaps are watched one by one, each
        # with its own validators, and an index answering 304 would not say which they are.
        conditional = state is not None and state.kind != ListingKind.SITEMAP_INDEX
        try:
            response = self.fetcher.get(
                url,
                etag=state.etag if conditional and state else None,
                last_modified=state.last_modified if conditional and state else None,
            )
            if response.status == 304:
                self.report.unchanged += 1
                save_listing_state(engine, _updated(state, url=url, checked_at=checked_at, error=None))
                self.on_event(url, "unchanged", None)
                return True
            listing = read_listing(response.raw, url=url, media_type=response.media_type)
            if listing is None:
                raise IngestError("this address serves a page, not a feed or a sitemap", where=url, code="R122")
        except IngestError as error:
            self.report.failures.append((url, error))
            save_listing_state(engine, _updated(state, url=url, checked_at=checked_at, error=error.line()))
            self.on_event(url, "failed", error)
            return False
        self.on_event(url, "changed", None)
        complete = True
        for page in unseen_pages(engine, listing.pages):
            if page in self.fetched:  # listed twice in this round (two feeds of one site)
                continue
            if not self._budget_left():
                self.report.deferred += 1
                complete = False
                continue
            self.read_page(page, listing_url=url)
        if depth < MAX_DEPTH:
            for sitemap in listing.sitemaps[:MAX_SITEMAPS]:
                complete = self.poll_listing(sitemap, depth=depth + 1) and complete
        save_listing_state(
            engine,
            ListingState(
                url=url,
                kind=listing.kind.value,
                etag=response.etag if complete else (state.etag if state else None),
                last_modified=response.last_modified if complete else (state.last_modified if state else None),
                checked_at=checked_at,
                changed_at=checked_at,
                error=None,
            ),
        )
        return complete

    def read_page(self, page: str, *, listing_url: str) -> None:
        """Fetch, extract and store one page, and record what it gave."""
        if not self._budget_left():
            self.report.deferred += 1
            return
        engine = self.ledger.engine  # type: ignore[attr-defined]
        self.fetched.add(page)
        self.report.pages += 1
        try:
            response = self.fetcher.get(page)
            documents = read_documents(response.raw_input())
        except IngestError as error:
            self._page_failed(page, listing_url=listing_url, error=error)
            return
        stored = 0
        for document in documents:
            try:
                if store_document(self.ledger, document):
                    stored += 1
                else:
                    self.report.duplicates += 1
            except ReckonError as error:
                self._page_failed(page, listing_url=listing_url, error=error)
                return
        self.report.stored += stored
        status = PageStatus.STORED if stored else PageStatus.DUPLICATE
        record_page(engine, url=page, listing_url=listing_url, status=status, documents=len(documents))
        self.on_event(page, status.value, None)

    def _page_failed(self, page: str, *, listing_url: str, error: ReckonError) -> None:
        if error.code == "R120":
            status = PageStatus.REFUSED
            self.report.refused += 1
            self.report.pages -= 1  # never requested: neither a fetch nor a use of max_pages
        else:
            transient = isinstance(error, FetchError) and error.is_transient
            status = PageStatus.RETRY if transient else PageStatus.FAILED
            self.report.failures.append((page, error))
        status = record_page(
            self.ledger.engine,  # type: ignore[attr-defined]
            url=page,
            listing_url=listing_url,
            status=status,
            error=error.line(),
        )
        self.on_event(page, status.value, error)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _updated(state: ListingState | None, *, url: str, checked_at: str, error: str | None) -> ListingState:
    """The state after a check that read nothing new: validators kept, time and error updated."""
    if state is None:
        return ListingState(url=url, checked_at=checked_at, error=error)
    return ListingState(
        url=url,
        kind=state.kind,
        etag=state.etag,
        last_modified=state.last_modified,
        checked_at=checked_at,
        changed_at=state.changed_at,
        error=error,
    )
