"""read_warc: response records of WARC / WARC.gz archives, truncation and gzip bombs.

Archives are written here with warcio; their pages are invented (fictional outlet).
"""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reckon.errors import IngestError
from reckon.ingest.sources import IngestFailure, RawInput
from reckon.ingest.warc import BoundedGunzip, read_gzip, read_warc

STORY = "Nine people died when the river Arl burst its banks in Vossberg, the council said. " * 6


def _page(index: int) -> bytes:
    return f"<html><head><title>Story {index}</title></head><body><p>{index}: {STORY}</p></body></html>".encode()


def _write_warc(*, compress: bool = True, pages: int = 3, extra: bool = True) -> bytes:
    """An archive of `pages` HTML responses, plus records that must be skipped."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)

    def response(url: str, body: bytes, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> None:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2021-03-04T10:00:00Z"},
        )
        writer.write_record(record)

    for index in range(pages):
        response(f"https://harbor-ledger.example/news/story-{index}", _page(index))
        if extra and index == 0:
            response("https://harbor-ledger.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
            response("https://harbor-ledger.example/gone", b"<html>gone</html>", status="404 Not Found")
            writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    return buffer.getvalue()


def _split(items: list[RawInput | IngestFailure]) -> tuple[list[RawInput], list[IngestFailure]]:
    good = [item for item in items if isinstance(item, RawInput)]
    bad = [item for item in items if isinstance(item, IngestFailure)]
    return good, bad


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_read_warc_yields_html_responses(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(_write_warc(compress=compress))
    good, bad = _split(list(read_warc(path, source=str(path))))
    assert bad == []
    assert [item.url for item in good] == [f"https://harbor-ledger.example/news/story-{index}" for index in range(3)]
    assert good[1].raw == _page(1)
    assert good[0].retrieved_at == datetime(2021, 3, 4, 10, 0, tzinfo=UTC)
    assert good[0].media_type == "text/html; charset=utf-8"
    assert good[0].source.startswith(f"{path}#")


def test_read_warc_accepts_bytes() -> None:
    good, bad = _split(list(read_warc(_write_warc(), source="memory.warc.gz")))
    assert (len(good), bad) == (3, [])


@pytest.mark.parametrize("compress", [True, False], ids=["warc.gz", "warc"])
def test_read_warc_truncated_keeps_good_records_then_one_r105(tmp_path: Path, compress: bool) -> None:
    data = _write_warc(compress=compress, extra=False)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 120])  # the cut falls inside the last record
    items = list(read_warc(path, source=str(path)))
    good, bad = _split(items)
    assert [item.url.rsplit("-", 1)[1] for item in good] == ["0", "1"]
    assert len(bad) == 1 and bad[0].error.code == "R105"
    assert items[-1] is bad[0]


def test_read_warc_garbage_in_the_middle_is_r105() -> None:
    first = _write_warc(compress=False, pages=1, extra=False)
    items = list(read_warc(first + b"this is not a warc record at all\r\n\r\n" * 3, source="bad.warc"))
    good, bad = _split(items)
    assert len(good) == 1
    assert [failure.error.code for failure in bad] == ["R105"]


def test_read_warc_not_an_archive_is_r105() -> None:
    items = list(read_warc(b"Just a plain text file, not an archive.\n", source="notes.warc"))
    assert [item.error.code for item in items if isinstance(item, IngestFailure)] == ["R105"]


def test_read_warc_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    # One record whose payload is 20 MB of spaces: about 20 kB compressed.
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    body = b"<html><body><p>" + b" " * 20_000_000 + b"</p></body></html>"
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://bomb.example/", "response", payload=io.BytesIO(body), length=len(body), http_headers=http)
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 200_000
    items = list(read_warc(path, source=str(path), max_decompressed_bytes=1_000_000))
    assert [item.error.code for item in items if isinstance(item, IngestFailure)] == ["R109"]
    assert not [item for item in items if isinstance(item, RawInput)]


def test_read_warc_record_over_max_bytes_is_r107_and_others_survive() -> None:
    items = list(read_warc(_write_warc(extra=False), source="big.warc.gz", max_bytes=200))
    good, bad = _split(items)
    assert good == []
    assert [failure.error.code for failure in bad] == ["R107", "R107", "R107"]


def test_read_warc_missing_file_is_r101(tmp_path: Path) -> None:
    (failure,) = list(read_warc(tmp_path / "absent.warc.gz", source="absent.warc.gz"))
    assert isinstance(failure, IngestFailure) and failure.error.code == "R101"


@pytest.mark.parametrize("members", [1, 3])
def test_bounded_gunzip_reads_multi_member_gzip(members: int) -> None:
    data = b"".join(gzip.compress(f"member {index}\n".encode()) for index in range(members))
    reader = BoundedGunzip(io.BytesIO(data), limit=1000, where="t")
    assert reader.read() == b"".join(f"member {index}\n".encode() for index in range(members))


def test_bounded_gunzip_stops_at_the_limit() -> None:
    reader = BoundedGunzip(io.BytesIO(gzip.compress(b"\0" * 5_000_000)), limit=10_000, where="t")
    with pytest.raises(IngestError) as caught:
        while reader.read(4096):
            pass
    assert caught.value.code == "R109"


def test_bounded_gunzip_hands_out_data_before_truncation_fault() -> None:
    # Numbered lines compress poorly enough that half the file holds many of them.
    data = gzip.compress("".join(f"complete line {index:05d}\n" for index in range(5000)).encode())
    reader = BoundedGunzip(io.BytesIO(data[: len(data) // 2]), limit=10**6, where="t")
    received = bytearray()
    with pytest.raises(IngestError) as caught:
        while chunk := reader.read(100):
            received += chunk
    assert caught.value.code == "R105"
    assert received.startswith(b"complete line 00000\ncomplete line 00001\n")


def test_read_gzip_inflates_small_files() -> None:
    assert read_gzip(gzip.compress(b"plain report"), where="t") == b"plain report"


def test_read_gzip_corrupt_is_r105() -> None:
    data = bytearray(gzip.compress(b"plain report " * 50))
    data[12:20] = b"\xff" * 8
    with pytest.raises(IngestError) as caught:
        read_gzip(bytes(data), where="t")
    assert caught.value.code == "R105"
