"""WARC and WARC.gz archives -> one RawInput per HTML or text ``response`` record.

Archives come from crawls (Webrecorder, Browsertrix, wget --warc-file), so they keep
exactly what a server sent and when: the record's payload becomes ``RawInput.raw``, its
``WARC-Target-URI`` the url and its ``WARC-Date`` the retrieval time.

Two failure modes matter on real archives:

- truncated or corrupt files (an interrupted crawl): every record before the fault is
  yielded, then one IngestFailure R105;
- decompression bombs: gzip is inflated here, by a reader that counts every byte it
  hands to warcio and stops at ``max_decompressed_bytes`` (R109). warcio then only ever
  sees plain WARC, so no other code path inflates anything.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from reckon.errors import IngestError
from reckon.ingest.sources import IngestFailure, RawInput
from reckon.settings import get_setting

__all__ = ["BoundedGunzip", "read_gzip", "read_warc"]

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024
# Payload types worth reading; everything else (images, scripts, PDFs) is skipped quietly.
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class BoundedGunzip(io.RawIOBase):
    """A readable stream of the inflated bytes of a (multi-member) gzip file, with a ceiling.

    Raises IngestError R109 once more than ``limit`` bytes come out, and R105 when the
    compressed data ends in the middle of a member or is not gzip at all. Bytes inflated
    before a fault are handed out first, so a reader sees every complete record.
    """

    def __init__(self, fileobj: BinaryIO, *, limit: int, where: str):
        super().__init__()
        self._file = fileobj
        self._limit = limit
        self._where = where
        self._produced = 0
        self._pending = b""
        self._input = b""  # compressed bytes read but not yet inflated
        self._inflater: Any = None  # None between members
        self._done = False
        self._fault: IngestError | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._inflate_some(len(buffer))
        if not self._pending:
            if self._fault is not None:
                raise self._fault
            return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _inflate_some(self, want: int) -> None:
        if not self._input:
            self._input = self._file.read(_CHUNK)
            if not self._input:
                self._finish()
                return
        if self._inflater is None:
            if not self._input.strip(b"\0"):
                self._input = b""  # NUL padding after the last member, as some tools write
                return
            self._inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        # Inflate at most what the caller wants (plus one byte to notice the ceiling), so
        # a bomb is stopped after `limit` bytes, never after one giant inflate call.
        budget = max(1, min(want, self._limit - self._produced + 1))
        try:
            out = self._inflater.decompress(self._input, budget)
        except zlib.error as error:
            self._done = True
            self._fault = IngestError(f"the gzip data is corrupt ({error})", where=self._where, code="R105")
            return
        if self._inflater.eof:
            self._input = self._inflater.unused_data  # the start of the next member, if any
            self._inflater = None
        else:
            self._input = self._inflater.unconsumed_tail
        self._produced += len(out)
        if self._produced > self._limit:
            self._done = True
            raise IngestError(f"the archive expands past {self._limit} bytes", where=self._where, code="R109")
        self._pending = out

    def _finish(self) -> None:
        self._done = True
        if self._inflater is not None:
            self._fault = IngestError("the gzip data ends in the middle of a member", where=self._where, code="R105")


def read_gzip(raw: bytes, *, where: str, max_decompressed_bytes: int | None = None) -> bytes:
    """The inflated content of a small .gz file (a gzipped .txt or .html), bounded (R109)."""
    limit = int(get_setting("max_decompressed_bytes", max_decompressed_bytes))
    reader = BoundedGunzip(io.BytesIO(raw), limit=limit, where=where)
    return reader.read()


def read_warc(
    path_or_bytes: str | Path | bytes,
    *,
    source: str,
    max_decompressed_bytes: int | None = None,
    max_bytes: int | None = None,
) -> Iterator[RawInput | IngestFailure]:
    """Each HTML/text response record as a RawInput; a fault ends the archive with one failure.

    ``max_bytes`` bounds one record's payload (R107, that record only);
    ``max_decompressed_bytes`` bounds the whole inflated archive (R109).
    """
    limit = int(get_setting("max_decompressed_bytes", max_decompressed_bytes))
    record_limit = int(get_setting("max_bytes", max_bytes))
    if isinstance(path_or_bytes, bytes):
        yield from _read_stream(io.BytesIO(path_or_bytes), source=source, limit=limit, record_limit=record_limit)
        return
    try:
        handle = open(path_or_bytes, "rb")  # noqa: SIM115 - closed below, the generator may pause
    except FileNotFoundError:
        yield IngestFailure(source=source, error=IngestError("no such archive", where=source, code="R101"))
        return
    except OSError as error:
        yield IngestFailure(source=source, error=IngestError(f"cannot read the archive: {error.strerror}", where=source, code="R101"))
        return
    with handle:
        yield from _read_stream(handle, source=source, limit=limit, record_limit=record_limit)


def _read_stream(
    handle: BinaryIO, *, source: str, limit: int, record_limit: int
) -> Iterator[RawInput | IngestFailure]:
    head = handle.read(2)
    handle.seek(0)
    stream: Any
    if head == _GZIP_MAGIC:
        # Unbuffered on purpose: a BufferedReader would drop the bytes it holds when the
        # fault is raised, and with them the last complete records before a truncation.
        stream = BoundedGunzip(handle, limit=limit, where=source)
    else:
        stream = handle
    count = 0
    records = _QuietArchiveIterator(stream)
    try:
        for record in records:
            if record.format != "warc":
                # warcio reads anything as an old ARC file; Reckon takes WARC only.
                raise IngestError("this is not a WARC archive", where=source, code="R105")
            count += 1
            if record.rec_type != "response" or not _is_text_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID") or str(count)
            where = f"{source}#{record_id}"
            try:
                payload = _read_payload(record, limit=record_limit, where=where)
            except IngestError as error:
                if error.code != "R107":
                    raise
                yield IngestFailure(source=where, error=error)
                continue
            yield RawInput(
                raw=payload,
                source=where,
                url=url,
                retrieved_at=_parse_warc_date(record.rec_headers.get_header("WARC-Date")),
                media_type=_content_type(record),
            )
        if records.err_count:
            message = f"{records.err_count} record(s) do not end where their Content-Length says"
            raise IngestError(message, where=source, code="R105")
    except IngestError as error:
        yield IngestFailure(source=source, error=error)
    except (
        ArchiveLoadFailed,
        StatusAndHeadersParserException,
        EOFError,
        ValueError,
        OSError,
        zlib.error,
        gzip.BadGzipFile,
        # warcio dereferences missing headers of a malformed record (no WARC-Target-URI
        # gives AttributeError/TypeError): a corrupt archive all the same.
        AttributeError,
        TypeError,
        KeyError,
    ) as error:
        message = f"the archive is corrupt after {count} record(s) ({type(error).__name__}: {error})"
        yield IngestFailure(source=source, error=IngestError(message, where=source, code="R105"))


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its multi-line warning on stderr for a record whose
    Content-Length is wrong; ``err_count`` still counts them and becomes one R105."""

    INC_RECORD = ""


def _is_text_response(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is None:
        return False
    status = (http.get_statuscode() or "")
    if not status.startswith("2"):
        return False
    return _media_type(record) in _TEXT_TYPES


def _content_type(record: object) -> str | None:
    """The payload's Content-Type header as sent, parameters (charset) included."""
    http = getattr(record, "http_headers", None)
    value = http.get_header("Content-Type") if http is not None else None
    return value.strip() or None if value else None


def _media_type(record: object) -> str | None:
    value = _content_type(record)
    return value.split(";", 1)[0].strip().lower() or None if value else None


def _read_payload(record: object, *, limit: int, where: str) -> bytes:
    """The decoded HTTP payload, at most ``limit`` bytes; R105 when the record is cut short."""
    content = record.content_stream()  # type: ignore[attr-defined]
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = content.read(_CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limit:
            raise IngestError(f"the record's payload is larger than {limit} bytes", where=where, code="R107")
        chunks.append(chunk)
    # A record whose block ends before its declared Content-Length was cut by the
    # archive's end: keep nothing from it.
    if getattr(record.raw_stream, "limit", 0):  # type: ignore[attr-defined]
        raise IngestError("the archive ends inside this record", where=where, code="R105")
    return b"".join(chunks)


def _parse_warc_date(value: str | None) -> datetime:
    if value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            return parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.now(UTC)
