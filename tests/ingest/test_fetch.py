"""The polite fetcher against local sites: robots.txt, per-host turns, 304s, redirects, caps."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from websites import Site, serve

from reckon.errors import FetchError, IngestError
from reckon.ingest.fetch import Fetcher, FetchPolicy, host_of
from reckon.settings import get_setting

STORY = "/news/2024/05/ferry-attack-pellin.html"
MEMO = "/private/patrol-memo.html"


@pytest.fixture
def courier() -> Iterator[Site]:
    with serve("courier") as site:
        yield site


@pytest.fixture
def monitor() -> Iterator[Site]:
    with serve("monitor") as site:
        yield site


def _fetcher(**overrides: object) -> Fetcher:
    return Fetcher(FetchPolicy.from_settings(**{"delay": 0.0, "timeout": 5.0, **overrides}))


def _fails(fetcher: Fetcher, url: str, **kwargs: object) -> IngestError:
    with pytest.raises(IngestError) as raised:
        fetcher.get(url, **kwargs)  # type: ignore[arg-type]
    return raised.value


def test_get_sends_the_user_agent_and_reads_robots_once_per_host(courier: Site) -> None:
    fetcher = _fetcher()
    response = fetcher.get(courier.base + STORY)
    fetcher.get(courier.base + "/about.html")
    assert response.status == 200 and b"Pellin ferry landing" in response.raw
    assert response.media_type == "text/html; charset=utf-8"
    assert courier.paths() == ["/robots.txt", STORY, "/about.html"]
    assert {hit.headers["User-Agent"] for hit in courier.hits} == {get_setting("user_agent")}


def test_robots_txt_disallowed_path_is_r120_and_never_requested(courier: Site) -> None:
    error = _fails(_fetcher(), courier.base + MEMO)
    assert error.code == "R120" and error.where == courier.base + MEMO
    assert MEMO not in courier.paths()


def test_robots_txt_can_be_skipped_for_an_address_named_by_the_user(courier: Site) -> None:
    assert _fetcher().get(courier.base + MEMO, check_robots=False).status == 200
    assert "/robots.txt" not in courier.paths()


def test_robots_txt_rule_for_reckon_by_name(courier: Site) -> None:
    courier.set("/robots.txt", "User-agent: Reckon\nDisallow: /news/\n\nUser-agent: *\nDisallow:\n")
    fetcher = _fetcher()
    assert _fails(fetcher, courier.base + STORY).code == "R120"
    assert fetcher.get(courier.base + "/about.html").status == 200


@pytest.mark.parametrize(
    ("answer", "allowed"),
    [
        pytest.param(None, True, id="no-robots-txt-404"),
        pytest.param(503, False, id="robots-txt-5xx-forbids-for-now"),
    ],
)
def test_robots_txt_missing_or_failing(courier: Site, answer: int | None, allowed: bool) -> None:
    del courier.files["/robots.txt"]
    if answer == 503:
        courier.unavailable.add("/robots.txt")
    assert _fetcher().allowed(courier.base + STORY) is allowed


def test_redirect_to_a_disallowed_path_is_refused(courier: Site) -> None:
    courier.set("/robots.txt", "User-agent: *\nDisallow: /rss.xml\n")
    error = _fails(_fetcher(), courier.base + "/moved-rss")
    assert error.code == "R120" and "redirected to" in error.message
    assert "/rss.xml" not in courier.paths()


def test_conditional_requests_get_304(courier: Site) -> None:
    fetcher = _fetcher()
    first = fetcher.get(courier.base + "/rss.xml")
    assert first.status == 200 and first.etag and first.last_modified
    by_etag = fetcher.get(courier.base + "/rss.xml", etag=first.etag)
    by_date = fetcher.get(courier.base + "/rss.xml", last_modified=first.last_modified)
    assert (by_etag.status, by_etag.raw, by_date.status) == (304, b"", 304)
    assert courier.hits[-2].headers["If-None-Match"] == first.etag
    assert courier.hits[-1].headers["If-Modified-Since"] == first.last_modified
    courier.set("/rss.xml", courier.get("/rss.xml").replace("Courier: News", "Courier: Latest"))
    changed = fetcher.get(courier.base + "/rss.xml", etag=first.etag)
    assert changed.status == 200 and changed.etag != first.etag and b"Courier: Latest" in changed.raw


def test_redirect_is_followed_and_final_address_kept(courier: Site) -> None:
    response = _fetcher().get(courier.base + "/moved-rss")
    assert (response.url, response.final_url) == (courier.base + "/moved-rss", courier.base + "/rss.xml")


def test_redirect_loop_is_r106(courier: Site) -> None:
    error = _fails(_fetcher(), courier.base + "/loop-a")
    assert error.code == "R106" and "redirect loop" in error.message
    assert courier.paths()[-2:] == ["/loop-a", "/loop-b"]


def test_redirect_limit(courier: Site) -> None:
    error = _fails(_fetcher(max_redirects=0), courier.base + "/moved-rss")
    assert error.code == "R106" and "more than 0 redirects" in error.message


def test_size_cap_is_r107(courier: Site) -> None:
    assert _fails(_fetcher(max_bytes=500), courier.base + STORY).code == "R107"


@pytest.mark.parametrize(("path", "transient"), [("/nowhere.html", False), ("/down.html", True)])
def test_http_errors_say_whether_to_try_again(courier: Site, path: str, transient: bool) -> None:
    courier.unavailable.add("/down.html")
    error = _fails(_fetcher(), courier.base + path)
    assert isinstance(error, FetchError) and error.is_transient is transient


def test_gzip_content_encoding_is_inflated(courier: Site) -> None:
    courier.compress = True
    response = _fetcher().get(courier.base + STORY)
    assert response.raw == courier.files[STORY]
    assert "gzip" in courier.hits[-1].headers["Accept-Encoding"]


def test_gzip_content_encoding_is_capped_after_inflating(courier: Site) -> None:
    courier.compress = True
    courier.set("/big.html", b"<p>" + b"a" * 50_000 + b"</p>")  # compresses to a few hundred bytes
    assert _fails(_fetcher(max_bytes=10_000), courier.base + "/big.html").code == "R107"


def test_a_host_that_does_not_answer_in_time_is_a_transient_r106(courier: Site) -> None:
    courier.stalls[STORY] = 1.5
    error = _fails(_fetcher(timeout=0.3), courier.base + STORY, check_robots=False)
    assert isinstance(error, FetchError) and error.is_transient and "timed out" in error.message


def test_unreachable_host_is_a_transient_r106() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = _fails(_fetcher(timeout=2.0), f"http://127.0.0.1:{port}/rss.xml", check_robots=False)
    assert isinstance(error, FetchError) and error.code == "R106" and error.is_transient


def test_each_host_waits_its_own_turn(courier: Site, monitor: Site) -> None:
    """Three pages from each of two hosts, interleaved: the server's own arrival times show
    each host asked at most once per delay, and the other host not held up by it."""
    delay = 0.3
    fetcher = _fetcher(delay=delay)
    monitor.set("/robots.txt", "User-agent: *\nAllow: /\n")
    for number in (1, 2, 3):
        fetcher.get(f"{monitor.base}/reports/{number}.html")
        fetcher.get(courier.base + "/about.html")
    for site in (monitor, courier):
        times = [hit.at for hit in site.hits]
        assert len(times) == 4  # robots.txt and three pages
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        assert min(gaps) >= delay - 0.02, gaps
    # The courier's first request (its robots.txt) follows the monitor's first page at
    # once, well inside the monitor's delay, which it could not if the limit were global.
    assert 0 <= courier.hits[0].at - monitor.hits[1].at < delay / 2


class _Clock:
    """A clock that moves only when the fetcher sleeps: the waits asked for are exact."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


@pytest.mark.parametrize(("crawl_delay", "expected"), [(0, 0.5), (2, 2.0), (3600, 60.0)])
def test_crawl_delay_of_robots_txt_wins_up_to_a_cap(monitor: Site, crawl_delay: int, expected: float) -> None:
    monitor.set("/robots.txt", f"User-agent: *\nCrawl-delay: {crawl_delay}\n")
    clock = _Clock()
    fetcher = Fetcher(FetchPolicy.from_settings(delay=0.5, timeout=5.0), clock=clock, sleep=clock.sleep)
    for number in (1, 2, 3):
        fetcher.get(f"{monitor.base}/reports/{number}.html")
    # robots.txt first, then each page waits the host's delay after the request before it.
    assert clock.sleeps == [expected] * 3
    assert fetcher.delay_for(monitor.base + "/") == expected
    assert [url for _, url in fetcher.requests] == [monitor.base + "/robots.txt"] + [
        f"{monitor.base}/reports/{n}.html" for n in (1, 2, 3)
    ]


def test_host_of_keys_scheme_host_and_port() -> None:
    assert host_of("HTTP://Wire.Example:8080/a?b") == "http://wire.example:8080"
    assert host_of("https://wire.example/a") != host_of("http://wire.example/a")


def test_policy_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        FetchPolicy.from_settings(delay=-1.0)
