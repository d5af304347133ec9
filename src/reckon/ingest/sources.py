"""Sources -> raw bytes: expand paths, directories, URLs and WARC archives into RawInput.

Nothing here interprets content; it only gets bytes and says where and when they came
from (chain of custody). One bad input never stops a batch: it becomes an IngestFailure
in the stream, in order, and the next input is read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from reckon.errors import IngestError
from reckon.settings import get_setting

__all__ = [
    "IngestFailure",
    "RawInput",
    "SUFFIXES",
    "expand_sources",
    "fetch_url",
    "is_url",
    "load_inputs",
    "read_file",
]

# Suffixes read when a DIRECTORY is expanded (a file named explicitly is always read).
# Anything else in a folder (gold .json beside the .txt, images, notes) is left alone.
SUFFIXES: tuple[str, ...] = (
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".xhtml",
    ".warc",
    ".warc.gz",
    ".txt.gz",
    ".html.gz",
    ".htm.gz",
)
_MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class RawInput:
    """Bytes as received, before any decoding, with where and when they came from.

    ``source`` is the path or URL as given (for an archive record, ``archive#record-id``);
    ``url`` is the web address the bytes were served from, if any; ``media_type`` is a
    hint (from the file suffix, or the HTTP Content-Type with its parameters, such as
    "text/html; charset=windows-1256"), not a verdict.
    """

    raw: bytes
    source: str
    url: str | None = None
    retrieved_at: datetime
    media_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestFailure:
    """An input that could not be read, and why; the batch goes on without it."""

    source: str
    error: IngestError

    @property
    def code(self) -> str:
        return self.error.code

    def line(self) -> str:
        return self.error.line()


def is_url(source: str | Path) -> bool:
    """True for http(s) addresses; every other string is a path (no file://, no ftp://)."""
    return isinstance(source, str) and urlsplit(source).scheme.lower() in ("http", "https")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def expand_sources(sources: Iterable[str | Path]) -> Iterator[str | Path]:
    """Each source in order; a directory becomes its readable files, recursively, sorted by path.

    Hidden files and hidden directories (dot names) are skipped, and so are symbolic links
    to directories, so a link loop cannot recurse forever.
    """
    for source in sources:
        if is_url(source):
            yield str(source)
            continue
        path = Path(source)
        if not path.is_dir():
            yield path
            continue
        found = []
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in files:
                candidate = Path(root, name)
                if not name.startswith(".") and _suffix(candidate) in SUFFIXES:
                    found.append(candidate)
        # One order for the whole tree, by path components: runs are reproducible.
        yield from sorted(found, key=lambda candidate: candidate.relative_to(path).parts)


def load_inputs(
    sources: Iterable[str | Path],
    *,
    max_bytes: int | None = None,
    timeout: float | None = None,
    max_decompressed_bytes: int | None = None,
) -> Iterator[RawInput | IngestFailure]:
    """Every input of ``sources`` as RawInput, or IngestFailure for one that cannot be read.

    Paths, directories (expanded), http(s) URLs and WARC archives (.warc, .warc.gz, one
    RawInput per HTML/text response record). A URL serving an RSS/Atom feed or a sitemap
    gives one RawInput per page it lists, fetched politely (see feeds.read_url). Limits default to the settings
    ``max_bytes``, ``http_timeout`` and ``max_decompressed_bytes``.
    """
    from reckon.ingest.warc import read_gzip, read_warc  # warc.py builds on this module's types

    limit = int(get_setting("max_bytes", max_bytes))
    wait = float(get_setting("http_timeout", timeout))
    inflate_limit = int(get_setting("max_decompressed_bytes", max_decompressed_bytes))
    fetcher = None  # one polite fetcher for every URL of the batch: per-host turns span them
    for source in expand_sources(sources):
        name = str(source)
        if is_url(source):
            # A URL may be a page, or a feed or sitemap whose pages are read in its place.
            from reckon.ingest.feeds import read_url
            from reckon.ingest.fetch import Fetcher, FetchPolicy

            fetcher = fetcher or Fetcher(FetchPolicy.from_settings(max_bytes=limit, timeout=wait))
            yield from read_url(name, fetcher=fetcher)
            continue
        path = Path(source)
        suffix = _suffix(path)
        if suffix in (".warc", ".warc.gz") or name.lower().endswith(".arc.gz"):
            if not path.is_file():
                yield IngestFailure(source=name, error=IngestError("no such archive", where=name, code="R101"))
                continue
            yield from read_warc(path, source=name, max_decompressed_bytes=inflate_limit, max_bytes=limit)
            continue
        try:
            raw_input = read_file(path, max_bytes=limit)
            if suffix.endswith(".gz"):
                # Bounded by max_bytes too: a larger result would be refused anyway, so a
                # bomb is stopped after max_bytes, not after max_decompressed_bytes.
                inner = read_gzip(raw_input.raw, where=name, max_decompressed_bytes=min(inflate_limit, limit))
                if len(inner) > limit:
                    raise IngestError(f"the file inflates past {limit} bytes", where=name, code="R107")
                raw_input = RawInput(
                    raw=inner,
                    source=name,
                    retrieved_at=raw_input.retrieved_at,
                    media_type=_MEDIA_TYPES.get(suffix[: -len(".gz")]),
                )
            yield raw_input
        except IngestError as error:
            yield IngestFailure(source=name, error=error)


def read_file(path: Path, *, max_bytes: int | None = None) -> RawInput:
    """The bytes of one file; R101 when it is missing or unreadable, R107 when too large."""
    limit = int(get_setting("max_bytes", max_bytes))
    where = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(f"the file has {size} bytes, more than the limit of {limit}", where=where, code="R107")
        with path.open("rb") as handle:
            # At most one byte past the limit, even if the file grew since stat; no more
            # than its size plus one, as read(n) sets aside n bytes before reading.
            raw = handle.read(min(size, limit) + 1)
            if len(raw) > size:  # it grew, or stat cannot tell (a pipe): read on, bounded
                raw += handle.read(limit + 1 - len(raw))
    except FileNotFoundError:
        raise IngestError("no such file", where=where, code="R101") from None
    except IsADirectoryError:
        raise IngestError("this is a directory", where=where, code="R101") from None
    except OSError as error:
        raise IngestError(f"cannot read the file: {error.strerror}", where=where, code="R101") from None
    if len(raw) > limit:
        raise IngestError(f"the file is larger than the limit of {limit} bytes", where=where, code="R107")
    return RawInput(
        raw=raw,
        source=where,
        retrieved_at=datetime.now(UTC),
        media_type=_MEDIA_TYPES.get(_suffix(path)),
    )


def fetch_url(url: str, *, max_bytes: int | None = None, timeout: float | None = None) -> RawInput:
    """GET one http(s) URL, following at most ``max_redirects`` redirects; R106 on any
    failure, R107 if too big. One request, so no per-host wait; no robots.txt either: the
    caller named this address (fetch.py is the crawler that asks)."""
    from reckon.ingest.fetch import Fetcher, FetchPolicy

    if not is_url(url):
        raise IngestError("only http and https addresses are fetched", where=url, code="R106")
    policy = FetchPolicy.from_settings(max_bytes=max_bytes, timeout=timeout, delay=0.0, robots=False)
    return Fetcher(policy).get(url, check_robots=False).raw_input()
