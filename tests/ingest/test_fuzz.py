"""Fuzzing the readers (hypothesis): text, HTML and WARC inputs built from random bytes and
from mutations of valid inputs give Documents or a ReckonError, never another exception."""

from __future__ import annotations

import gzip
import hashlib
import io
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reckon.errors import ReckonError
from reckon.ingest import RawInput, read_documents
from reckon.ingest.sources import IngestFailure
from reckon.ingest.warc import read_warc

_WHEN = datetime(2031, 3, 3, tzinfo=UTC)
_FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Raid on Mirrenby</title>"
    "<meta name='author' content='Ilse Varga'></head><body><nav>Home | World</nav><article>"
    "<h1>Raid on Mirrenby</h1><p>Gunmen attacked the village of Mirrenby on Tuesday, killing at least "
    "23 people, the regional governor said.</p><p>The ministry blamed the Red Lantern Brigade.</p>"
    "</article><footer>© Harbor Wire</footer></body></html>"
).encode()
_TEXT = (
    "VELMORA, 3 March 2031 - Gunmen attacked Mirrenby on Tuesday, killing at least 23 people.\n\n"
    "The Valdorian Interior Ministry blamed the Red Lantern Brigade. Continue Reading\n"
).encode()


def _warc() -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for n, body in enumerate((_PAGE, _TEXT)):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html" if n == 0 else "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(f"https://wire.example/{n}", "response", payload=io.BytesIO(body), length=len(body), http_headers=http)
        )
    return out.getvalue()


_WARC = _warc()


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few bytes flipped, a slice deleted or duplicated, or cut short."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "duplicate", "insert"]))
        if action == "flip":
            data[at] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif action == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(max_size=16))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


def _check_documents(raw: bytes, media_type: str | None) -> None:
    raw_input = RawInput(raw=raw, source="fuzz", retrieved_at=_WHEN, media_type=media_type)
    try:
        documents = read_documents(raw_input)
    except ReckonError as error:
        assert len(error.line().splitlines()) == 1
        return
    assert documents
    for document in documents:
        assert document.text.strip()
        assert document.raw_sha256 == hashlib.sha256(raw).hexdigest()


@_FUZZ
@given(st.one_of(st.binary(max_size=2048), mutated(_TEXT)), st.sampled_from([None, "text/plain", "text/plain; charset=windows-1256"]))
def test_text_reader_gives_documents_or_reckon_error(raw: bytes, media_type: str | None) -> None:
    _check_documents(raw, media_type)


@_FUZZ
@given(st.one_of(mutated(_PAGE), st.binary(max_size=1024).map(lambda b: b"<html><body><p>" + b)), st.sampled_from([None, "text/html"]))
def test_html_reader_gives_documents_or_reckon_error(raw: bytes, media_type: str | None) -> None:
    _check_documents(raw, media_type)


@_FUZZ
@given(st.one_of(mutated(_WARC), mutated(gzip.compress(_WARC)), st.binary(max_size=512)))
def test_warc_reader_gives_records_or_one_line_failures(raw: bytes) -> None:
    items = list(read_warc(raw, source="fuzz.warc"))  # anything else raised fails the test
    for item in items:
        if isinstance(item, IngestFailure):
            assert len(item.line().splitlines()) == 1
            assert item.code.startswith("R1")
        else:
            _check_documents(item.raw, item.media_type)
    assert sum(isinstance(item, IngestFailure) for item in items) <= 2  # one record R107/R105 and the end
