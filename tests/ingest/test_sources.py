"""load_inputs: files, directory trees, URLs (a local server), archives; failures in line.

Inputs are generated here (fictional text); the web server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import gzip
import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from reckon.ingest.sources import IngestFailure, RawInput, expand_sources, fetch_url, is_url, load_inputs, read_file
from reckon.settings import get_setting

REPORT = "Nine people died when the river Arl flooded Vossberg on Tuesday, the council said.\n"
PAGE = f"<html><head><title>Flood</title></head><body><p>{REPORT}</p></body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
        _Handler.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/story":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/plain":
            self._send(200, REPORT.encode(), "text/plain")
        elif self.path == "/moved":
            self._redirect("/story")
        elif self.path.startswith("/loop"):
            self._redirect("/loop-again" if self.path == "/loop" else "/loop")
        elif self.path.startswith("/chain/"):
            step = int(self.path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{step + 1}")
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "text/plain")
        elif self.path == "/gzipped":
            body = gzip.compress(REPORT.encode())
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/to-file":
            self._redirect("file:///etc/hostname")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # silence the request log
        pass


@pytest.fixture(scope="module")
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _codes(items: list[RawInput | IngestFailure]) -> list[str]:
    return [item.code if isinstance(item, IngestFailure) else "ok" for item in items]


# ---- files and directories ----------------------------------------------------------------


def test_load_inputs_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    (item,) = list(load_inputs([path]))
    assert isinstance(item, RawInput)
    assert (item.raw, item.source, item.url, item.media_type) == (REPORT.encode(), str(path), None, "text/plain")
    assert item.retrieved_at.tzinfo is not None


def test_load_inputs_expands_a_directory_tree_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ("z.txt", "b/two.html", "a/one.txt", "a/deeper/three.md", ".hidden/secret.txt", "a/.dotfile.txt"):
        (tmp_path / name).write_text(REPORT, encoding="utf-8")
    (tmp_path / "a" / "gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    sources = [Path(item.source).relative_to(tmp_path).as_posix() for item in load_inputs([tmp_path])]
    assert sources == ["a/deeper/three.md", "a/one.txt", "b/two.html", "z.txt"]


def test_expand_sources_keeps_order_and_urls(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(REPORT, encoding="utf-8")
    expanded = list(expand_sources(["https://example.org/a", tmp_path, "missing.txt"]))
    assert expanded == ["https://example.org/a", tmp_path / "x.txt", Path("missing.txt")]


def test_load_inputs_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_bytes(b"y" * 500)
    items = list(load_inputs([tmp_path / "missing.txt", big, good], max_bytes=100))
    assert _codes(items) == ["R101", "R107", "ok"]
    assert items[0].source == str(tmp_path / "missing.txt")


def test_read_file_uses_the_max_bytes_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECKON_MAX_BYTES", "10")
    path = tmp_path / "eleven.txt"
    path.write_bytes(b"x" * 11)
    assert get_setting("max_bytes") == 10
    (item,) = list(load_inputs([path]))
    assert isinstance(item, IngestFailure) and item.code == "R107"
    assert read_file(path, max_bytes=11).raw == b"x" * 11


def test_load_inputs_reads_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "report.txt.gz"
    path.write_bytes(gzip.compress(REPORT.encode()))
    (item,) = list(load_inputs([path]))
    assert isinstance(item, RawInput)
    assert (item.raw, item.media_type) == (REPORT.encode(), "text/plain")


def test_load_inputs_bounds_gzipped_text(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * 2_000_000))
    (item,) = list(load_inputs([path], max_decompressed_bytes=100_000))
    assert isinstance(item, IngestFailure) and item.code == "R109"


def test_load_inputs_reads_warc_records(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://harbor-ledger.example/flood", "response", payload=io.BytesIO(PAGE), length=len(PAGE), http_headers=http)
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(buffer.getvalue())
    (item,) = list(load_inputs([tmp_path]))
    assert isinstance(item, RawInput)
    assert (item.url, item.raw) == ("https://harbor-ledger.example/flood", PAGE)


# ---- URLs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("https://example.org/a", True),
        ("HTTP://example.org", True),
        ("file:///etc/passwd", False),
        ("ftp://example.org/x", False),
        ("reports/a.txt", False),
    ],
)
def test_is_url(source: str, expected: bool) -> None:
    assert is_url(source) is expected


def test_fetch_url_gets_page_and_headers(server: str) -> None:
    item = fetch_url(f"{server}/story", timeout=5)
    assert item.raw == PAGE
    assert item.url == f"{server}/story"
    assert item.media_type == "text/html; charset=utf-8"
    assert _Handler.user_agents[-1] == get_setting("user_agent")


def test_fetch_url_inflates_gzip_content_encoding(server: str) -> None:
    assert fetch_url(f"{server}/gzipped", timeout=5).raw == REPORT.encode()


def test_fetch_url_follows_a_redirect(server: str) -> None:
    item = fetch_url(f"{server}/moved", timeout=5)
    assert (item.raw, item.url, item.source) == (PAGE, f"{server}/story", f"{server}/moved")


@pytest.mark.parametrize(
    ("path", "code"),
    [
        pytest.param("/nowhere", "R106", id="404"),
        pytest.param("/loop", "R106", id="redirect-loop"),
        pytest.param("/chain/0", "R106", id="too-many-redirects"),
        pytest.param("/to-file", "R106", id="redirect-to-file-url"),
        pytest.param("/big", "R107", id="too-large"),
    ],
)
def test_load_inputs_url_failures(server: str, path: str, code: str) -> None:
    items = list(load_inputs([f"{server}{path}", f"{server}/plain"], max_bytes=1000, timeout=5))
    assert _codes(items) == [code, "ok"]
    assert items[0].source == f"{server}{path}"


def test_load_inputs_unreachable_port_is_r106() -> None:
    url = f"http://127.0.0.1:{_free_port()}/story"
    (item,) = list(load_inputs([url], timeout=2))
    assert isinstance(item, IngestFailure) and item.code == "R106"
    assert url in item.line()
