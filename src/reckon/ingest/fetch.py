"""A polite HTTP fetcher for following the web: robots.txt, one request at a time per host,
conditional requests, a clear User-Agent, timeouts, size caps and a bounded redirect chain.

    fetcher = Fetcher(FetchPolicy.from_settings())
    response = fetcher.get(url, etag=previous.etag, last_modified=previous.last_modified)
    if response.status == 304: ...            # unchanged since last time, nothing re-read

Only the standard library talks to the network here (urllib, urllib.robotparser), so
what is sent is what this module says: trafilatura's own downloader is never used, and its
feeds and sitemaps modules are used for parsing only (see feeds.py).

Every anticipated failure is an IngestError with the URL as ``where``: R106 for anything
that kept the response from arriving (refused connection, timeout, HTTP error status,
redirect loop or chain too long), R107 for a response larger than the cap, R120 when the
host's robots.txt disallows the address.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.message import Message
from http.client import HTTPException
from urllib.parse import urljoin, urlsplit, urlunsplit

from reckon.errors import FetchError, IngestError
from reckon.settings import get_setting

__all__ = ["FetchPolicy", "Fetcher", "Response", "host_of"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Google reads at most 500 KiB of a robots.txt; rules past that are ignored there too.
_ROBOTS_MAX_BYTES = 500 * 1024
_ROBOTS_RETRY = 300.0
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchPolicy:
    """How politely and how far to fetch.

    ``delay`` is the least time, in seconds, between the starts of two requests to one
    host (scheme, name and port); a robots.txt ``Crawl-delay`` larger than it wins, up to
    ``max_crawl_delay`` (a site asking for an hour between pages would stall a watch of
    every other site, so past that cap its pages wait for a later round instead of the
    whole loop: see ``Fetcher.turn_in``). ``robots_ttl`` is how long a host's robots.txt
    is trusted before it is read again (Google's cache lifetime is 24 hours).
    """

    user_agent: str
    timeout: float
    max_bytes: int
    max_redirects: int = 10
    delay: float = 1.0
    robots: bool = True
    robots_ttl: float = 24 * 3600.0
    max_crawl_delay: float = 60.0

    def __post_init__(self) -> None:
        if self.timeout <= 0 or self.max_bytes <= 0 or self.max_redirects < 0 or self.delay < 0:
            raise ValueError(f"nonsensical fetch policy {self!r}")

    @classmethod
    def from_settings(cls, **overrides: object) -> FetchPolicy:
        """The policy of the settings ``user_agent``, ``http_timeout``, ``max_bytes``,
        ``max_redirects`` and ``fetch_delay``; keyword ``overrides`` (not None) win."""
        given = {name: value for name, value in overrides.items() if value is not None}
        values: dict[str, object] = {
            "user_agent": str(get_setting("user_agent")),
            "timeout": float(get_setting("http_timeout")),
            "max_bytes": int(get_setting("max_bytes")),
            "max_redirects": int(get_setting("max_redirects")),
            "delay": float(get_setting("fetch_delay")),
        }
        values.update(given)
        return cls(**values)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    """One fetched address: ``status`` is 200 (body in ``raw``) or 304 (not modified, no body).

    ``url`` is the address asked for, ``final_url`` the one that answered after redirects;
    ``etag`` and ``last_modified`` are the validators to send next time.
    """

    url: str
    final_url: str
    status: int
    raw: bytes
    media_type: str | None
    etag: str | None
    last_modified: str | None
    retrieved_at: datetime

    def raw_input(self):  # type: ignore[no-untyped-def]  # -> RawInput (import cycle avoided)
        from reckon.ingest.sources import RawInput

        return RawInput(
            raw=self.raw,
            source=self.url,
            url=self.final_url,
            retrieved_at=self.retrieved_at,
            media_type=self.media_type,
        )


def host_of(url: str) -> str:
    """The politeness key of ``url``: scheme, host name and port (robots.txt's own scope)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), (parts.netloc or "").lower(), "", "", ""))


def _opener() -> urllib.request.OpenerDirector:
    # Only what an http(s) fetch needs, and neither the redirect handler (redirects are
    # followed below, hop by hop, each checked against robots.txt and the http(s) rule)
    # nor the error processor (3xx, 304 and 4xx come back as plain responses to read).
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
    ):
        opener.add_handler(handler)
    return opener


@dataclass(slots=True)
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed
    disallow_all: bool
    read_at: float


@dataclass(slots=True)
class Fetcher:
    """Fetches one URL at a time, waiting its turn per host; keeps robots.txt per host.

    One Fetcher should serve a whole run (an ingest, a watch), so the per-host clock and
    the robots cache span every feed and page of it. ``clock`` and ``sleep`` are
    injectable for tests; ``requests`` is every (monotonic time, URL) sent, in order.
    """

    policy: FetchPolicy
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    requests: list[tuple[float, str]] = field(default_factory=list)
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, _Robots] = field(default_factory=dict)
    _opener: urllib.request.OpenerDirector = field(default_factory=_opener)

    # ---- public ----------------------------------------------------------------------

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = True,
    ) -> Response:
        """GET ``url`` politely; a 304 when ``etag``/``last_modified`` still match.

        Redirects are followed up to ``policy.max_redirects`` hops, http(s) only, each hop
        checked against its host's robots.txt. A hop does not wait for the host's turn:
        it is the same fetch, answered at once by a server that asked for it.
        """
        visited: list[str] = []
        current = url
        while True:
            if urlsplit(current).scheme.lower() not in ("http", "https"):
                raise IngestError(f"only http and https addresses are fetched (got {current})", where=url, code="R106")
            if check_robots and self.policy.robots and not self.allowed(current):
                hop = "" if current == url else f" (redirected to {current})"
                raise IngestError(f"robots.txt of {host_of(current)} disallows this address{hop}", where=url, code="R120")
            if not visited:
                self._wait_turn(current)
            visited.append(current)
            response = self._request(current, url=url, etag=etag, last_modified=last_modified)
            if isinstance(response, str):  # a redirect: the next address
                if response in visited:
                    raise IngestError(f"redirect loop through {response}", where=url, code="R106")
                if len(visited) > self.policy.max_redirects:
                    raise IngestError(f"more than {self.policy.max_redirects} redirects", where=url, code="R106")
                current = response
                continue
            return replace(response, url=url)

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets this User-Agent fetch ``url`` (read if stale)."""
        robots = self._robots_for(url)
        if robots.disallow_all:
            return False
        return robots.parser is None or robots.parser.can_fetch(self.policy.user_agent, url)

    def delay_for(self, url: str) -> float:
        """Seconds between two requests to the host of ``url``: the policy's, or a larger
        ``Crawl-delay`` from its robots.txt (capped at ``max_crawl_delay``)."""
        delay = self.policy.delay
        robots = self._robots.get(host_of(url))
        if robots is not None and robots.parser is not None:
            asked = robots.parser.crawl_delay(self.policy.user_agent)
            if asked is not None:
                delay = max(delay, min(float(asked), self.policy.max_crawl_delay))
        return delay

    def turn_in(self, url: str) -> float:
        """Seconds until the host of ``url`` may be asked again (0 if now)."""
        last = self._last.get(host_of(url))
        if last is None:
            return 0.0
        return max(0.0, last + self.delay_for(url) - self.clock())

    def asked_at(self, url: str) -> float:
        """When the host of ``url`` was last asked (clock time), -inf if never."""
        return self._last.get(host_of(url), float("-inf"))

    # ---- internals -------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        wait = self.turn_in(url)
        if wait > 0:
            self.sleep(wait)

    def _robots_for(self, url: str) -> _Robots:
        host = host_of(url)
        cached = self._robots.get(host)
        if cached is not None and self.clock() - cached.read_at < self.policy.robots_ttl:
            return cached
        robots = self._read_robots(host)
        self._robots[host] = robots
        return robots

    def _read_robots(self, host: str) -> _Robots:
        """robots.txt as urllib.robotparser reads it: 401/403 forbid everything, any other
        4xx (no file) allows everything. A 5xx or an unreachable host also forbids (what
        Google does, and the cautious reading of silence), but is asked again after
        ``_ROBOTS_RETRY`` seconds rather than a whole TTL later."""
        robots_url = host + "/robots.txt"
        policy = replace(self.policy, max_bytes=min(self.policy.max_bytes, _ROBOTS_MAX_BYTES), robots=False)
        fetcher = Fetcher(policy, clock=self.clock, sleep=self.sleep, requests=self.requests, _last=self._last)
        now = self.clock()
        try:
            response = fetcher.get(robots_url, check_robots=False)
        except IngestError as error:
            status = error.status if isinstance(error, FetchError) else None
            if status in (401, 403):
                return _Robots(parser=None, disallow_all=True, read_at=now)
            if status is None or status >= 500:
                retry_at = now - self.policy.robots_ttl + min(_ROBOTS_RETRY, self.policy.robots_ttl)
                return _Robots(parser=None, disallow_all=True, read_at=retry_at)
            return _Robots(parser=None, disallow_all=False, read_at=now)
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(response.raw.decode("utf-8", errors="replace").splitlines())
        return _Robots(parser=parser, disallow_all=False, read_at=now)

    def _request(self, current: str, *, url: str, etag: str | None, last_modified: str | None) -> Response | str:
        headers = {
            "User-Agent": self.policy.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, identity",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(current, headers=headers)
        self.requests.append((self.clock(), current))
        self._last[host_of(current)] = self.clock()
        try:
            with self._opener.open(request, timeout=self.policy.timeout) as answer:
                status = answer.status
                message: Message = answer.headers
                if status in _REDIRECTS:
                    location = message.get("Location")
                    if not location:
                        raise IngestError(f"a {status} redirect without a Location", where=url, code="R106")
                    return urljoin(current, location.strip())
                if status == 304:
                    return self._response(url, current, 304, b"", message)
                if status >= 400:
                    raise FetchError(f"the server answered {status} {answer.reason}", where=url, status=status)
                raw = self._read_body(answer, message, where=url)
        except IngestError:
            raise
        except urllib.error.URLError as error:
            raise FetchError(f"the address could not be reached ({error.reason})", where=url) from None
        except (TimeoutError, HTTPException, OSError, ValueError) as error:
            raise FetchError(f"the fetch failed ({type(error).__name__}: {error})", where=url) from None
        return self._response(url, current, status, raw, message)

    def _read_body(self, answer, message: Message, *, where: str) -> bytes:  # type: ignore[no-untyped-def]
        limit = self.policy.max_bytes
        declared = message.get("Content-Length")
        if declared and declared.strip().isdigit() and int(declared) > limit:
            raise IngestError(f"the server announces {declared.strip()} bytes, more than {limit}", where=where, code="R107")
        # The socket timeout bounds each read, not the whole body: a server dripping one
        # byte a second would never time out. Four timeouts for the whole body is ample
        # for any page within the size cap on a working link.
        deadline = self.clock() + 4 * self.policy.timeout
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            # read1: one receive at most, so the deadline is checked between drips (read(n)
            # would loop inside http.client until n bytes arrived).
            reader = getattr(answer, "read1", answer.read)
            chunk = reader(min(64 * 1024, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if self.clock() > deadline:
                raise FetchError(f"the body took longer than {4 * self.policy.timeout:g} s", where=where)
        raw = b"".join(chunks)
        if len(raw) > limit:
            raise IngestError(f"the response is larger than {limit} bytes", where=where, code="R107")
        if (message.get("Content-Encoding") or "").strip().lower() in ("gzip", "x-gzip"):
            from reckon.ingest.warc import read_gzip  # warc.py builds on sources.py, which imports us

            raw = read_gzip(raw, where=where)
            if len(raw) > limit:
                raise IngestError(f"the response inflates past {limit} bytes", where=where, code="R107")
        return raw

    @staticmethod
    def _response(url: str, final_url: str, status: int, raw: bytes, message: Message) -> Response:
        return Response(
            url=url,
            final_url=final_url,
            status=status,
            raw=raw,
            media_type=message.get("Content-Type") or None,
            etag=message.get("ETag") or None,
            last_modified=message.get("Last-Modified") or None,
            retrieved_at=datetime.now(UTC),
        )

