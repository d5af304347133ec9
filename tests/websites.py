"""The fictional sites of tests/website/ served on local ports, recording every request.

    with serve("courier") as site:
        site.base                    # "http://127.0.0.1:PORT"
        site.hits                    # [Hit(at, path, headers)], in arrival order
        site.set("/rss.xml", text)   # change a file while served

Each file is served with an ETag (a hash of its bytes) and a Last-Modified date, and
answers 304 to a matching If-None-Match or a not-older If-Modified-Since, as a well-run
news site does. ``X.gz`` is served gzipped from ``X`` when only ``X`` exists. Two
addresses are made up: ``/loop-a`` and ``/loop-b`` redirect to each other, and
``/moved-rss`` is a permanent redirect to ``/rss.xml``.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEBSITE = Path(__file__).parent / "website"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
}
_REDIRECTS = {"/loop-a": "/loop-b", "/loop-b": "/loop-a", "/moved-rss": "/rss.xml"}
# One fixed date for every file: If-Modified-Since tests need a stable value.
LAST_MODIFIED = formatdate(1715760000, usegmt=True)  # Wed, 15 May 2024 08:00:00 GMT


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]


@dataclass
class Site:
    name: str
    base: str = ""
    hits: list[Hit] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    # Paths answered 503 (a passing outage), and whether validators are honoured.
    unavailable: set[str] = field(default_factory=set)
    conditional: bool = True
    # Seconds to stall before answering a path (a slow host), and whether to gzip bodies
    # for clients that accept it (Content-Encoding, not a .gz file).
    stalls: dict[str, float] = field(default_factory=dict)
    compress: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def set(self, path: str, text: str | bytes) -> None:
        raw = text.encode() if isinstance(text, str) else text
        with self.lock:
            self.files[path] = raw.replace(b"{base}", self.base.encode())

    def get(self, path: str) -> str:
        return self.files[path].decode()

    def paths(self) -> list[str]:
        with self.lock:
            return [hit.path for hit in self.hits]

    def count(self, path: str) -> int:
        return self.paths().count(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server hook name
            with site.lock:
                site.hits.append(Hit(time.monotonic(), self.path, dict(self.headers.items())))
            path = self.path.split("?", 1)[0]
            if path in site.stalls:
                time.sleep(site.stalls[path])
            if path in _REDIRECTS:
                self._send(301 if path == "/moved-rss" else 302, b"", "text/plain", Location=_REDIRECTS[path])
                return
            if path in site.unavailable:
                self._send(503, b"down for maintenance", "text/plain")
                return
            with site.lock:
                raw = site.files.get(path)
            if raw is None:
                self._send(404, b"not found", "text/plain")
                return
            etag = '"' + hashlib.sha256(raw).hexdigest()[:16] + '"'
            if site.conditional and self._not_modified(etag):
                self._send(304, b"", None, ETag=etag, **{"Last-Modified": LAST_MODIFIED})
                return
            suffix = Path(path).suffix
            headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if site.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
                raw = gzip.compress(raw, mtime=0)
                headers["Content-Encoding"] = "gzip"
            self._send(200, raw, _TYPES.get(suffix, "application/octet-stream"), **headers)

        def _not_modified(self, etag: str) -> bool:
            if "If-None-Match" in self.headers:
                return etag in [tag.strip() for tag in self.headers["If-None-Match"].split(",")]
            since = self.headers.get("If-Modified-Since")
            if since:
                return parsedate_to_datetime(since) >= parsedate_to_datetime(LAST_MODIFIED)
            return False

        def _send(self, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
            # (ETag and Last-Modified are passed as keyword names, hence the ** above.)
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def serve(name: str) -> Iterator[Site]:
    """Serve tests/website/<name>/ on a free local port for the duration of the block."""
    site = Site(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    folder = WEBSITE / name
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            path = "/" + file.relative_to(folder).as_posix()
            site.set(path, file.read_bytes())
            if file.suffix == ".xml":
                site.set(path + ".gz", gzip.compress(site.files[path], mtime=0))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
