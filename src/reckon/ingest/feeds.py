"""Listings of pages: RSS/Atom/JSON feeds and sitemaps -> the addresses of the pages they list.

    listing = read_listing(raw, url=url, media_type=content_type)   # None: an ordinary page
    listing.pages       # article addresses, in the listing's order
    listing.sitemaps    # for a sitemap index: the sitemaps it points to

What a response *is* is decided by its content, not its address: a feed served as
``/news`` or a sitemap served as ``text/plain`` is still read as one, and an HTML page
at ``/feed.xml`` is still a page. The links themselves are found by trafilatura's own
parsers (``trafilatura.feeds.find_links`` for RSS, Atom and JSON Feed,
``trafilatura.sitemaps.SitemapObject`` for XML and text sitemaps), so Reckon reads feeds
the way the field's standard extractor does; its downloaders are never called, and its
link filters (courlan's) are replaced by ours, because they drop any host that is not a
public domain name, and the choice of what to fetch belongs to the polite fetcher
(fetch.py) and robots.txt, not to a heuristic about languages or domains.

``read_url`` is what ``reckon ingest URL`` does with an address: the page itself, or every
page of the feed or sitemap (index) it turns out to be, fetched politely.
"""

from __future__ import annotations

import gzip
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from trafilatura.feeds import FeedParameters, find_links, is_potential_feed
from trafilatura.sitemaps import SITEMAP_FORMAT, SitemapObject

from reckon.errors import IngestError
from reckon.ingest.decode import decode_bytes
from reckon.ingest.fetch import Fetcher, FetchPolicy
from reckon.ingest.sources import IngestFailure, RawInput

__all__ = ["Listing", "ListingKind", "detect_listing", "expand_listing", "read_listing", "read_url"]

# The sitemap protocol's own ceiling on URLs per file, used for feeds too: a listing that
# claims more is either broken or hostile, and the rest are dropped, not fetched.
MAX_LINKS = 50_000
# Sitemaps read below one index in one expansion, and how deep indexes may nest (the
# protocol allows no nesting; real sites nest once).
MAX_SITEMAPS = 100
MAX_DEPTH = 2

_GZIP_MAGIC = b"\x1f\x8b"
# What may come before the root element: whitespace, XML declaration and processing
# instructions, comments, a DOCTYPE.
_PROLOG = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE)
_ROOT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")
_XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']""")
_FIRST_ENTRY = re.compile(r"<(?:[\w.-]+:)?(?:item|entry)[\s>/]")
_URL_LINE = re.compile(r"https?://\S+")
_FEED_ROOTS = {"rss": "feed", "feed": "feed", "rdf": "feed"}
_SITEMAP_ROOTS = {"urlset": "sitemap", "sitemapindex": "sitemap-index"}


class ListingKind(StrEnum):
    FEED = "feed"  # RSS 0.9x/1.0/2.0, Atom, JSON Feed
    SITEMAP = "sitemap"  # <urlset>, or a plain text file of URLs
    SITEMAP_INDEX = "sitemap-index"  # <sitemapindex>: points to sitemaps


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    """A feed or sitemap read: absolute http(s) addresses, in order, without repeats."""

    kind: ListingKind
    url: str
    pages: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()


def detect_listing(raw: bytes, media_type: str | None = None) -> ListingKind | None:
    """What the bytes are, by their content: a feed, a sitemap (index), or None (a page)."""
    raw = _inflate(raw, where="(detect)")
    head = raw[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    return _kind_of(head, full=None, media_type=media_type)


def read_listing(raw: bytes, *, url: str, media_type: str | None = None) -> Listing | None:
    """The pages (and sitemaps) ``raw`` lists, or None when it is not a feed or sitemap.

    Raises IngestError R121 when it is one but nothing can be read from it (not
    well-formed and no link recoverable); a well-formed listing with no entries is an
    empty Listing, not an error: a quiet feed is not a broken one.
    """
    raw = _inflate(raw, where=url)
    text = decode_bytes(raw, where=url, declared=_declared_encoding(raw, media_type)).lstrip("\ufeff")
    kind = _kind_of(text[:4096], full=text, media_type=media_type)
    if kind is None:
        return None
    if kind is ListingKind.FEED:
        links = _feed_links(text, url=url)
    else:
        links = _sitemap_links(text, url=url)
    if not links and not _is_well_formed(text):
        raise IngestError(f"the {kind} is not well-formed XML and lists no address", where=url, code="R121")
    links = _clean(links, base=url)
    if kind is ListingKind.SITEMAP_INDEX:
        return Listing(kind=kind, url=url, sitemaps=links)
    return Listing(kind=kind, url=url, pages=links)


def expand_listing(
    listing: Listing, *, fetcher: Fetcher, depth: int = 0, seen: set[str] | None = None
) -> Iterator[str | IngestFailure]:
    """Every page address of ``listing``; a sitemap index's sitemaps are fetched and read,
    each failing one becoming an IngestFailure (the others are still read)."""
    seen = set() if seen is None else seen
    seen.add(listing.url)
    yield from listing.pages
    if depth >= MAX_DEPTH:
        return
    for sitemap_url in listing.sitemaps[:MAX_SITEMAPS]:
        if sitemap_url in seen:
            continue
        seen.add(sitemap_url)
        try:
            response = fetcher.get(sitemap_url)
            child = read_listing(response.raw, url=sitemap_url, media_type=response.media_type)
            if child is None:
                raise IngestError("listed in a sitemap index, but not a sitemap", where=sitemap_url, code="R122")
        except IngestError as error:
            yield IngestFailure(source=sitemap_url, error=error)
            continue
        yield from expand_listing(child, fetcher=fetcher, depth=depth + 1, seen=seen)


def read_url(
    url: str, *, fetcher: Fetcher | None = None, max_bytes: int | None = None, timeout: float | None = None
) -> Iterator[RawInput | IngestFailure]:
    """What ``reckon ingest URL`` reads: the page at ``url``, or, when it is a feed or a
    sitemap (index), each page it lists, fetched politely, one IngestFailure per page that
    fails. The address the user named is fetched without asking its robots.txt (they
    asked for it, as with wget or curl); every page found through it is asked."""
    fetcher = fetcher or Fetcher(FetchPolicy.from_settings(max_bytes=max_bytes, timeout=timeout))
    try:
        response = fetcher.get(url, check_robots=False)
        listing = read_listing(response.raw, url=url, media_type=response.media_type)
    except IngestError as error:
        yield IngestFailure(source=url, error=error)
        return
    if listing is None:
        yield response.raw_input()
        return
    fetched: set[str] = set()  # one fetch per address, even when two sitemaps list it
    for item in expand_listing(listing, fetcher=fetcher):
        if isinstance(item, IngestFailure):
            yield item
            continue
        if item in fetched:
            continue
        fetched.add(item)
        try:
            yield fetcher.get(item).raw_input()
        except IngestError as error:
            yield IngestFailure(source=item, error=error)


# ---- detection ---------------------------------------------------------------------------


def _kind_of(head: str, *, full: str | None, media_type: str | None) -> ListingKind | None:
    stripped = head.lstrip()
    if stripped.startswith("{"):
        # JSON Feed (https://jsonfeed.org/version/1.1): its version URL is its signature.
        return ListingKind.FEED if "jsonfeed.org/version" in stripped else None
    body = _PROLOG.sub("", stripped, count=1)
    root = _ROOT.match(body)
    if root is not None:
        name = root.group(1).lower()
        if name in _FEED_ROOTS and is_potential_feed(stripped):
            return ListingKind.FEED
        if name in _SITEMAP_ROOTS and SITEMAP_FORMAT.search(stripped):
            return ListingKind(_SITEMAP_ROOTS[name])
        return None
    # A text sitemap: nothing but absolute URLs, one a line (sitemaps.org, "Text file").
    if (media_type or "text/plain").split(";")[0].strip().lower() == "text/plain":
        lines = [line.strip() for line in (full if full is not None else head).splitlines() if line.strip()]
        if full is None and lines and len(head) == 4096:
            lines = lines[:-1]  # the cut-off last line of the sniffed head proves nothing
        if lines and all(_URL_LINE.fullmatch(line) for line in lines):
            return ListingKind.SITEMAP
    return None


def _inflate(raw: bytes, *, where: str) -> bytes:
    """A gzipped sitemap (``sitemap.xml.gz``, served as application/gzip) inflated, bounded."""
    if raw[:2] != _GZIP_MAGIC:
        return raw
    from reckon.ingest.warc import read_gzip

    try:
        return read_gzip(raw, where=where)
    except (OSError, EOFError, gzip.BadGzipFile):
        raise IngestError("the gzip data is corrupt", where=where, code="R121") from None


def _declared_encoding(raw: bytes, media_type: str | None) -> str | None:
    match = _XML_ENCODING.match(raw[:256])
    if match:
        return match.group(1).decode("ascii")
    if media_type and "charset=" in media_type.lower():
        return media_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return None


def _is_well_formed(text: str) -> bool:
    parser = etree.XMLParser(encoding="utf-8", resolve_entities=False, no_network=True, recover=False)
    try:
        etree.fromstring(text.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return False
    return True


# ---- links -------------------------------------------------------------------------------


def _feed_links(text: str, *, url: str) -> list[str]:
    """The entries' links. trafilatura's finder reads the whole feed, channel included, so
    the links found before the first item/entry (the site's home page, the feed itself)
    are found again on that head alone and left out."""
    host = urlsplit(url).hostname or ""
    params = FeedParameters(url, host, url)
    links = find_links(text.strip(), params)
    if text.lstrip().startswith("{"):
        return links
    first = _FIRST_ENTRY.search(text)
    head = text[: first.start()] if first else text
    channel = set(find_links(head.strip(), params))
    return [link for link in links if link not in channel]


class _Collector(SitemapObject):
    """trafilatura's sitemap reader, keeping every location it finds: which of them to
    fetch is decided by the kind of the sitemap (an index lists sitemaps, a urlset pages),
    not by trafilatura's guess from a ``.xml`` suffix or a domain comparison."""

    def handle_link(self, link: str) -> None:
        if len(self.urls) < MAX_LINKS:
            self.urls.append(link)


def _sitemap_links(text: str, *, url: str) -> list[str]:
    host = urlsplit(url).hostname or ""
    collector = _Collector(url, host, [])
    collector.current_url = url
    collector.content = text
    # process() would refuse a sitemap whose address ends in .xml when its text does not
    # open like XML (its is_plausible_sitemap); the content was checked above instead.
    if SITEMAP_FORMAT.match(text):
        collector.extract_sitemap_links()
    else:
        collector.process()
    return collector.urls


def _clean(links: list[str], *, base: str) -> tuple[str, ...]:
    """Absolute http(s) addresses without fragments, first occurrence kept, the listing's own
    address left out. Feeds carry links XML-escaped (``&amp;``), which the regex-based finder
    returns as written."""
    found: dict[str, None] = {}
    own = urldefrag(base)[0]
    for link in links[:MAX_LINKS]:
        absolute = _untracked(urldefrag(urljoin(base, html.unescape(link.strip())))[0])
        if urlsplit(absolute).scheme.lower() in ("http", "https") and absolute != own:
            found.setdefault(absolute, None)
    return tuple(found)


def _untracked(url: str) -> str:
    """``url`` without the ``utm_*`` campaign parameters feeds add, so one article listed by
    a feed and by a sitemap is one address (and one fetch)."""
    parts = urlsplit(url)
    if "utm_" not in parts.query:
        return url
    kept = [pair for pair in parse_qsl(parts.query, keep_blank_values=True) if not pair[0].lower().startswith("utm_")]
    return urlunsplit(parts._replace(query=urlencode(kept)))
