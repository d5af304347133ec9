"""read_document and ingest: the whole stage, from sources to Documents.

Every input is generated here from invented text (fictional places, outlets and people).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reckon.errors import IngestError
from reckon.ingest import IngestFailure, RawInput, ingest, read_document, read_documents
from reckon.model import Document

TEXT_REPORT = """Harbour crane collapse injures four

Wednesday, March 9, 2022

By Mira Kallan

Four dock workers were injured when a crane collapsed at the fictional port of Lenhaven on Wednesday morning, the harbour authority said.

Share this:

The authority said an inquiry would begin next week.

Copyright © 2022 Lenhaven Courier. All rights reserved.
"""

HTML_REPORT = """<!doctype html><html><head>
<title>Ferry fire forces evacuation | Nordmark Evening Post</title>
<meta name="author" content="Jonas Feld">
<meta property="article:published_time" content="2020-07-15">
<meta property="og:site_name" content="Nordmark Evening Post">
<meta name="keywords" content="ferries, Lenhaven">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/weather">Weather</a></nav>
<article><h1>Ferry fire forces evacuation</h1>
<p>Two hundred passengers were taken off a burning ferry near the fictional island of Skarra on Tuesday, the coast guard said in a statement late in the evening.</p>
<p>Six crew members were treated for smoke inhalation. The cause of the fire in the engine room was not yet known, a spokeswoman said.</p>
<p>Continue reading</p>
</article>
<footer>Nordmark Evening Post, Harbour Street 4, Lenhaven. Advertising and subscriptions desk.</footer>
</body></html>"""

LISTING = """Archive: Vossberg

Floods,Vossberg,Arl Valley Relief Committee

Nine dead as the Arl bursts its banks

The relief committee says the council ignored three warnings

Nine residents of Vossberg drowned on Tuesday night when the river Arl burst its banks, according to the Arl Valley Relief Committee.

Share this:

The council has not answered the committee's letter about the old levee.

Staff Writer

Continue Reading

Vossberg,Nordmark Miners Union

Miners march to the council offices

Hundreds of miners demand an inquiry into the levee collapse

Members of the Nordmark Miners Union marched through the centre of Vossberg on Saturday, demanding an independent inquiry into the collapse.

By Jonas Feld

Continue Reading

Copyright © 2022 All Rights Reserved | XML Sitemap
"""


def _raw(text: str | bytes, *, source: str = "report.txt", url: str | None = None, media_type: str | None = None) -> RawInput:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return RawInput(raw=raw, source=source, url=url, retrieved_at=datetime(2022, 3, 10, tzinfo=UTC), media_type=media_type)


def _documents(items: list[Document | IngestFailure]) -> list[Document]:
    assert not [item for item in items if isinstance(item, IngestFailure)]
    return [item for item in items if isinstance(item, Document)]


def test_read_document_text_file() -> None:
    document = read_document(_raw(TEXT_REPORT, source="/data/lenhaven-crane.txt", media_type="text/plain"))
    assert document.name == "lenhaven-crane"
    assert document.title == "Harbour crane collapse injures four"
    assert document.author == "Mira Kallan"
    assert document.published == "2022-03-09"
    assert document.media_type == "text/plain"
    assert document.raw == TEXT_REPORT.encode()
    assert document.raw_sha256 == hashlib.sha256(TEXT_REPORT.encode()).hexdigest()
    assert document.retrieved_at == datetime(2022, 3, 10, tzinfo=UTC)
    assert document.part is None


@pytest.mark.parametrize("furniture", ["Share this:", "Copyright", "All rights reserved"])
def test_read_document_text_has_no_boilerplate(furniture: str) -> None:
    assert furniture not in read_document(_raw(TEXT_REPORT)).text


def test_read_document_text_spans_are_verbatim_lines() -> None:
    document = read_document(_raw(TEXT_REPORT))
    sentence = "The authority said an inquiry would begin next week."
    start = document.text.index(sentence)
    assert document.text[start : start + len(sentence)] == sentence
    assert document.text.startswith("Harbour crane collapse injures four\n\nWednesday")


def test_read_document_html_by_media_type() -> None:
    document = read_document(
        _raw(HTML_REPORT, source="https://post.example/local/ferry-fire", url="https://post.example/local/ferry-fire", media_type="text/html; charset=utf-8")
    )
    assert document.media_type == "text/html"
    assert document.title == "Ferry fire forces evacuation"
    assert document.author == "Jonas Feld"
    assert document.published == "2020-07-15"
    assert document.tags == ("ferries", "Lenhaven")
    assert document.outlet == "Nordmark Evening Post"
    assert document.name == "ferry-fire"
    assert "Two hundred passengers were taken off a burning ferry" in document.text
    for furniture in ("Home", "Weather", "Harbour Street", "Continue reading"):
        assert furniture not in document.text


def test_read_document_sniffs_html_without_media_type() -> None:
    document = read_document(_raw(HTML_REPORT, source="saved-page.html"))
    assert document.media_type == "text/html"
    assert "<p>" not in document.text


def test_read_document_windows_1256_text() -> None:
    persian = "سیل در روستای خیالی دشت‌آباد نه کشته بر جای گذاشت".replace("\u06cc", "\u064a")
    body = "به گفته شورای محلی، آب رودخانه در شب سه‌شنبه از سد قدیمی گذشت و خانه‌ها را فرا گرفت.".replace("\u06cc", "\u064a")
    document = read_document(_raw(f"{persian}\n\n{body}\n".encode("cp1256"), source="dashtabad.txt"))
    assert document.title == persian
    assert body in document.text


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        pytest.param(b"", "R102", id="empty"),
        pytest.param(b"\x00\x01binary\x00\x02", "R103", id="binary"),
        pytest.param(bytes(range(0x80, 0x100)) * 3, "R104", id="undecodable"),
        pytest.param(b"Share this:\nContinue Reading\n", "R102", id="only-boilerplate"),
        pytest.param(b"<html><body><script>app()</script></body></html>", "R108", id="html-without-text"),
    ],
)
def test_read_document_refuses_bad_input(raw: bytes, code: str) -> None:
    with pytest.raises(IngestError) as caught:
        read_document(_raw(raw, source="bad-input.txt"))
    assert caught.value.code == code
    assert caught.value.where == "bad-input.txt"


def test_read_documents_splits_a_listing() -> None:
    first, second = read_documents(_raw(LISTING, source="vossberg-archive.txt"))
    assert (first.part, second.part) == (0, 1)
    assert first.title == "Nine dead as the Arl bursts its banks"
    assert first.author == "Staff Writer"
    assert first.tags == ("Floods", "Vossberg", "Arl Valley Relief Committee")
    assert second.title == "Miners march to the council offices"
    assert second.author == "Jonas Feld"
    assert second.tags == ("Vossberg", "Nordmark Miners Union")
    assert first.text.startswith("Floods,Vossberg") and first.text.endswith("Staff Writer")
    assert "Share this:" not in first.text
    assert second.text.endswith("By Jonas Feld")
    assert first.raw == second.raw == LISTING.encode()
    assert first.id != second.id


def test_read_document_keeps_a_listing_whole() -> None:
    document = read_document(_raw(LISTING))
    assert document.part is None
    assert "Nine dead as the Arl" in document.text and "Miners march" in document.text
    assert "Continue Reading" not in document.text


def test_ingest_identical_content_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT_REPORT.encode())
    (tmp_path / "b.txt").write_bytes(TEXT_REPORT.replace("\n", "\r\n").encode())
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + TEXT_REPORT.encode())
    a, b, c = _documents(list(ingest([tmp_path])))
    assert a.id == b.id == c.id
    assert len({a.raw_sha256, b.raw_sha256, c.raw_sha256}) == 3


def test_ingest_different_content_has_different_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_REPORT.replace("four", "five"), encoding="utf-8")
    a, b = _documents(list(ingest([tmp_path])))
    assert a.id != b.id


def test_ingest_yields_failures_in_line(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text(TEXT_REPORT, encoding="utf-8")
    (tmp_path / "2-empty.txt").write_bytes(b"")
    (tmp_path / "3-binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "4-listing.txt").write_text(LISTING, encoding="utf-8")
    items = list(ingest([tmp_path, tmp_path / "5-missing.txt"]))
    kinds = [item.code if isinstance(item, IngestFailure) else item.part for item in items]
    assert kinds == [None, "R102", "R103", 0, 1, "R101"]


def test_ingest_split_false_gives_one_document_per_input(tmp_path: Path) -> None:
    (tmp_path / "listing.txt").write_text(LISTING, encoding="utf-8")
    (document,) = _documents(list(ingest([tmp_path], split=False)))
    assert document.part is None and document.name == "listing"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        body = HTML_REPORT.replace('<meta property="og:site_name" content="Nordmark Evening Post">', "").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_ingest_url(server: str) -> None:
    (document,) = _documents(list(ingest([f"{server}/local/ferry-fire.html"], timeout=5)))
    assert document.url == f"{server}/local/ferry-fire.html"
    assert document.name == "ferry-fire"
    assert document.title == "Ferry fire forces evacuation"
    assert document.outlet is not None
    assert document.retrieved_at is not None and document.retrieved_at.tzinfo is not None
