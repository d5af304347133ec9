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
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from reckon.errors import FetchError, IngestError, ReckonError
from reckon.ingest import read_documents
from reckon.ingest.feeds import MAX_DEPTH, MAX_SITEMAPS, ListingKind, read_listing
from reckon.ingest.fetch import Fetcher, FetchPolicy, host_of
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
    """What one round did. ``listings`` counts the sitemaps read from an index as well as
    the addresses watched. ``deferred`` pages were new but over ``max_pages``: the next
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
    """One round over ``listings``: read every listing, then fetch the pages waiting for
    another attempt and the new ones, then save what each listing answered."""
    round_ = _Round(ledger=ledger, fetcher=fetcher, report=RoundReport(round=number), max_pages=max_pages,
                    on_event=on_event or (lambda *_: None), stop=stop)
    for page, listing_url in pages_to_retry(ledger.engine):
        round_.queue_page(page, listing_url=listing_url)
    for url in dict.fromkeys(listings):
        round_.read_listing(url, depth=0)
    round_.read_pages()
    round_.save_listings()
    if round_.report.stored:
        round_.report.incidents = resolve_ledger(ledger)
    return round_.report


@dataclass(frozen=True, slots=True, kw_only=True)
class _Read:
    """A listing that answered 200 this round; its validators are saved after its pages."""

    state: ListingState
    etag: str | None
    last_modified: str | None


@dataclass(slots=True, kw_only=True)
class _Round:
    ledger: object
    fetcher: Fetcher
    report: RoundReport
    max_pages: int | None
    on_event: OnEvent
    stop: threading.Event | None
    # New pages by host, in listing order: (page, listing it came from).
    queues: dict[str, deque[tuple[str, str]]] = field(default_factory=dict)
    queued: set[str] = field(default_factory=set)
    read: dict[str, _Read] = field(default_factory=dict)
    unfinished: set[str] = field(default_factory=set)  # listings with pages left for later

    @property
    def engine(self):  # type: ignore[no-untyped-def]
        return self.ledger.engine  # type: ignore[attr-defined]

    def queue_page(self, page: str, *, listing_url: str) -> None:
        if page not in self.queued:  # two feeds of one site often list the same story
            self.queued.add(page)
            self.queues.setdefault(host_of(page), deque()).append((page, listing_url))

    def read_listing(self, url: str, *, depth: int) -> None:
        """Ask one feed or sitemap for what changed and queue the pages never seen."""
        self.report.listings += 1  # the sitemaps of an index too: each is asked on its own
        state = read_listing_state(self.engine, url)
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
                save_listing_state(self.engine, _updated(state, url=url, checked_at=checked_at, error=None))
                self.on_event(url, "unchanged", None)
                return
            listing = read_listing(response.raw, url=url, media_type=response.media_type)
            if listing is None:
                raise IngestError("this address serves a page, not a feed or a sitemap", where=url, code="R122")
        except IngestError as error:
            self.report.failures.append((url, error))
            save_listing_state(self.engine, _updated(state, url=url, checked_at=checked_at, error=error.line()))
            self.on_event(url, "failed", error)
            return
        self.on_event(url, "changed", None)
        new_state = ListingState(url=url, kind=listing.kind.value, checked_at=checked_at, changed_at=checked_at,
                                 etag=state.etag if state else None,
                                 last_modified=state.last_modified if state else None)
        self.read[url] = _Read(state=new_state, etag=response.etag, last_modified=response.last_modified)
        for page in unseen_pages(self.engine, listing.pages):
            self.queue_page(page, listing_url=url)
        if depth < MAX_DEPTH:
            for sitemap in listing.sitemaps[:MAX_SITEMAPS]:
                if sitemap not in self.read:
                    self.read_listing(sitemap, depth=depth + 1)

    def read_pages(self) -> None:
        """Fetch every queued page, always from the host whose turn comes first, so one
        slow or Crawl-delayed site does not hold up the others."""
        while self.queues:
            stopped = self.stop is not None and self.stop.is_set()
            if stopped or (self.max_pages is not None and self.report.pages >= self.max_pages):
                for queue in self.queues.values():
                    self.report.deferred += len(queue)
                    self.unfinished.update(listing_url for _, listing_url in queue)
                self.queues.clear()
                return
            # Ties (several hosts free now, as when extracting takes longer than the delay)
            # go to the host asked longest ago: turns, not one host's whole queue first.
            host = min(self.queues, key=lambda name: (self.fetcher.turn_in(self.queues[name][0][0]),
                                                      self.fetcher.asked_at(self.queues[name][0][0])))
            page, listing_url = self.queues[host].popleft()
            if not self.queues[host]:
                del self.queues[host]
            self.read_page(page, listing_url=listing_url)

    def save_listings(self) -> None:
        """The validators of each listing read in full; a listing with pages left for a later
        round keeps its old ones, so that round reads it in full again instead of a 304."""
        for url, read in self.read.items():
            state = read.state
            if url not in self.unfinished:
                state = replace(state, etag=read.etag, last_modified=read.last_modified)
            save_listing_state(self.engine, state)

    def read_page(self, page: str, *, listing_url: str) -> None:
        """Fetch, extract and store one page, and record what it gave."""
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
        record_page(self.engine, url=page, listing_url=listing_url, status=status, documents=len(documents))
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
        status = record_page(self.engine, url=page, listing_url=listing_url, status=status, error=error.line())
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
