"""The hostile-input corpus: inputs built by code, what each must give, and a runner.

Shared by ``tests/ingest/test_hostile.py`` (one test per case) and
``scripts/reliability_table.py`` (the README's reliability table), so the table and the
tests cannot drift apart. Large inputs (50 MB) are generated on demand into a scratch
folder, never committed. Every event, place and person in the texts is fictional.

A case passes when ``reckon.ingest.ingest`` gives exactly the expected outcome (the
one-line error code, or documents whose text holds the expected words, and whose
extracted findings point at text that is really there), within its time bound and with a
peak of Python allocations (tracemalloc) under its memory bound.
"""

from __future__ import annotations

import gzip
import http.server
import io
import os
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024

# A plain report in the style of a wire story about a fictional raid.
REPORT = (
    "VELMORA, 3 March 2031 (Harbor Wire) - Gunmen attacked the village of Mirrenby on Tuesday, "
    "killing at least 23 people, the regional governor said.\n\n"
    "The Valdorian Interior Ministry put the toll at 19 and blamed the Red Lantern Brigade.\n"
)
# Written as windows-1256 Persian was: Arabic yeh (the code page has no Farsi yeh), spaces
# for the zero-width non-joiner, Western digits.
PERSIAN = (
    "گزارشها حاكي است كه مردان مسلح روز سه شنبه به روستاي ميرنبي حمله كردند و دست كم 23 نفر كشته شدند. "
    "استاندار منطقه اين خبر را تأييد كرد.\n"
)
ARABIC = "هاجم مسلحون قرية ميرنبي يوم الثلاثاء وقتلوا ما لا يقل عن ثلاثة وعشرين شخصا، بحسب حاكم المنطقة.\n"
FRENCH = "Des hommes armés ont attaqué le village de Mirrenby mardi ; au moins vingt-trois personnes ont été tuées, selon le préfet.\n"


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """Where a case writes its files and the base URL of the local test server."""

    folder: Path
    server: str
    scratch: Path  # shared between cases: large generated inputs are made once


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    id: str
    input: str  # what was tried, for the table
    build: Callable[[Context], list[str]]
    codes: tuple[str, ...] = ()  # every failure code expected, in order
    documents: int = 0  # documents expected
    words: tuple[str, ...] = ()  # each expected in the documents' text
    seconds: float = 10.0
    peak_mb: float = 200.0
    settings: dict[str, float] = field(default_factory=dict)  # keyword limits passed to ingest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    codes: tuple[str, ...]
    lines: tuple[str, ...]
    texts: tuple[str, ...]
    seconds: float
    peak_mb: float
    span_errors: tuple[str, ...]

    def held(self, case: Case) -> list[str]:
        """What went wrong against the case's expectation; empty when everything held."""
        wrong = []
        if self.codes != case.codes:
            wrong.append(f"codes {self.codes} != {case.codes}: {self.lines}")
        if len(self.texts) != case.documents:
            wrong.append(f"{len(self.texts)} documents, expected {case.documents}")
        for word in case.words:
            if not any(word in text for text in self.texts):
                wrong.append(f"{word!r} is in no document")
        if any(len(line.splitlines()) != 1 for line in self.lines):
            wrong.append(f"an error is not one line: {self.lines}")
        if self.seconds > case.seconds:
            wrong.append(f"took {self.seconds:.1f} s > {case.seconds} s")
        if self.peak_mb > case.peak_mb:
            wrong.append(f"peak {self.peak_mb:.0f} MB > {case.peak_mb} MB")
        wrong.extend(self.span_errors)
        return wrong


def run_case(case: Case, context: Context, *, extract: bool = True) -> Outcome:
    """Ingest the case's inputs (and extract each document), timed and memory-traced."""
    from reckon.ingest import IngestFailure, ingest

    sources = case.build(context)  # building is not measured: only Reckon's work is
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = list(ingest(sources, **case.settings))
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    failures = [item for item in items if isinstance(item, IngestFailure)]
    documents = [item for item in items if not isinstance(item, IngestFailure)]
    span_errors: list[str] = []
    if extract:
        for document in documents:
            span_errors.extend(span_problems(document))
    return Outcome(
        codes=tuple(f.code for f in failures),
        lines=tuple(f.line() for f in failures),
        texts=tuple(d.text for d in documents),
        seconds=seconds,
        peak_mb=peak / MB,
        span_errors=tuple(span_errors),
    )


def span_problems(document) -> list[str]:  # noqa: ANN001 - a reckon.model.Document
    """Extract ``document`` and list every span that does not hold what it claims."""
    from reckon.extract import extract_document
    from reckon.store.rows import spans_of

    findings = extract_document(document)
    text = findings.document.text
    problems = [f"{label} [{s.start},{s.end}) outside {len(text)}" for label, s in spans_of(findings) if s.end > len(text)]
    for incident in findings.incidents:
        for count in incident.counts:
            if count.quantity_text and text[count.span.start : count.span.end] != count.quantity_text:
                problems.append(f"count span holds {text[count.span.start:count.span.end]!r}")
    for quote in findings.quotes:
        if text[quote.span.start : quote.span.end] != quote.text:
            problems.append(f"quote span does not hold {quote.text[:30]!r}")
    return problems


# ---- builders --------------------------------------------------------------------------------


def _write(context: Context, name: str, data: bytes) -> list[str]:
    path = context.folder / name
    path.write_bytes(data)
    return [str(path)]


def big_text(context: Context) -> list[str]:
    """A 50 MB plain-text file, written once per scratch folder."""
    path = context.scratch / "fifty-megabytes.txt"
    if not path.exists() or path.stat().st_size != 50 * MB:
        block = (REPORT * (MB // len(REPORT) + 1)).encode("utf-8")[:MB]
        with path.open("wb") as handle:
            for _ in range(50):
                handle.write(block)
    return [str(path)]


def single_line(context: Context) -> list[str]:
    sentence = REPORT.replace("\n", " ")
    data = (sentence * (5 * MB // len(sentence) + 1)).encode("utf-8")[: 5 * MB]
    return _write(context, "one-line.txt", data)


def nested_html(context: Context) -> list[str]:
    depth = 10_000
    page = (
        "<html><head><title>Raid on Mirrenby</title></head><body>"
        + "<div>" * depth
        + "<p>" + REPORT.replace("\n", " ") + "</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    return _write(context, "nested.html", page.encode("utf-8"))


def _warc(records: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in range(records):
        body = f"<html><body><p>Record {n}. {REPORT}</p></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://wire.example/{n}", "response", payload=io.BytesIO(body), length=len(body), http_headers=http
        )
        writer.write_record(record)
    return out.getvalue()


def truncated_warc(context: Context) -> list[str]:
    data = _warc(3)
    return _write(context, "cut.warc.gz", data[: len(data) * 3 // 4])


def malformed_warc(context: Context) -> list[str]:
    data = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n<html>" + os.urandom(64)
    return _write(context, "broken.warc", data)


def _bomb(inflated: int) -> bytes:
    """Gzip that inflates to ``inflated`` bytes of zeros: one small member, repeated."""
    member = gzip.compress(b"\0" * MB, compresslevel=9)
    return member * (inflated // MB)


def gzip_bomb_text(context: Context) -> list[str]:
    return _write(context, "bomb.txt.gz", _bomb(1024 * MB))  # 1 GB from about 1 MB


def gzip_bomb_warc(context: Context) -> list[str]:
    """One response record declaring 1 GB of spaces, compressed to about 1 MB."""
    size = 1024 * MB
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
        b"WARC-Target-URI: https://bomb.example/\r\nWARC-Date: 2031-03-03T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http) + size}\r\n\r\n".encode()
        + http
    )
    member = gzip.compress(b" " * MB, compresslevel=9)
    return _write(context, "bomb.warc.gz", gzip.compress(head) + member * (size // MB))


def utf16(context: Context) -> list[str]:
    return _write(context, "utf16.txt", REPORT.encode("utf-16"))


def persian_1256(context: Context) -> list[str]:
    return _write(context, "persian.txt", PERSIAN.encode("cp1256"))


def arabic_1256(context: Context) -> list[str]:
    return _write(context, "arabic.txt", ARABIC.encode("cp1256"))


def latin1(context: Context) -> list[str]:
    return _write(context, "french.txt", FRENCH.encode("latin-1"))


def controls(context: Context) -> list[str]:
    text = "".join(ch + ("\x07" if i % 40 == 0 else "") for i, ch in enumerate(REPORT)) + "\x1b[31m\x00"
    return _write(context, "controls.txt", text.replace("\x00", "").encode("utf-8"))


def right_to_left(context: Context) -> list[str]:
    # Bidi overrides and marks around a Latin report: the text must come out unchanged.
    text = "\u202eRLO\u202c " + ARABIC + "\u200f" + REPORT + "\u2067isolate\u2069\n"
    return _write(context, "rtl.txt", text.encode("utf-8"))


def binary(context: Context) -> list[str]:
    return _write(context, "image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(4096))


def empty(context: Context) -> list[str]:
    return _write(context, "empty.txt", b"") + _write(context, "blank.txt", b" \n\t\n")


def redirect_loop(context: Context) -> list[str]:
    return [context.server + "/loop/0"]


def slow_server(context: Context) -> list[str]:
    return [context.server + "/drip"]


def silent_server(context: Context) -> list[str]:
    return [context.server + "/silent"]


CASES: tuple[Case, ...] = (
    Case(id="binary", input="PNG bytes in a .txt file", build=binary, codes=("R103",)),
    Case(id="empty", input="an empty file and a whitespace-only file", build=empty, codes=("R102", "R102")),
    Case(id="text-50mb", input="a 50 MB plain-text file", build=big_text, codes=("R110",), seconds=30, peak_mb=400),
    Case(id="single-line-5mb", input="a 5 MB text on one line", build=single_line, codes=("R110",), seconds=10, peak_mb=100),
    Case(id="nested-html", input="HTML nested 10,000 levels deep", build=nested_html, documents=1, words=("Mirrenby",), seconds=30),
    Case(id="warc-truncated", input="a .warc.gz cut off inside its third record", build=truncated_warc, codes=("R105",), documents=2, words=("Record 0.", "Record 1.")),
    Case(id="warc-malformed", input="a .warc with a garbage header", build=malformed_warc, codes=("R105",)),
    Case(id="gzip-bomb-text", input="a .txt.gz of 1 MB inflating to 1 GB", build=gzip_bomb_text, codes=("R109",), seconds=15, peak_mb=250),
    # max_decompressed_bytes lowered to 128 MB only to keep the test quick; the bound works the same.
    Case(id="gzip-bomb-warc", input="a .warc.gz of 1 MB inflating to 1 GB (limit 128 MB)", build=gzip_bomb_warc, codes=("R107", "R109"), seconds=30, peak_mb=150, settings={"max_decompressed_bytes": 128 * MB}),
    Case(id="utf-16", input="UTF-16 text with a byte-order mark", build=utf16, documents=1, words=("Red Lantern Brigade",)),
    Case(id="persian-cp1256", input="Persian text in windows-1256", build=persian_1256, documents=1, words=("روستاي ميرنبي", "23 نفر")),
    Case(id="arabic-cp1256", input="Arabic text in windows-1256", build=arabic_1256, documents=1, words=("ميرنبي",)),
    Case(id="latin-1", input="French text in Latin-1", build=latin1, documents=1, words=("armés", "été tuées")),
    Case(id="control-chars", input="text sprinkled with BEL, ESC and other control characters", build=controls, documents=1, words=("Red Lantern Brigade",)),
    Case(id="right-to-left", input="Arabic and Latin text with bidi overrides and isolates", build=right_to_left, documents=1, words=("\u202eRLO\u202c", "ميرنبي", "Mirrenby")),
    Case(id="redirect-loop", input="a URL that redirects to a new URL forever", build=redirect_loop, codes=("R106",), seconds=10, settings={"timeout": 2.0}),
    Case(id="slow-server", input="a server that sends one byte every 0.2 s", build=slow_server, codes=("R106",), seconds=10, settings={"timeout": 2.0}),
    Case(id="silent-server", input="a server that accepts and never answers", build=silent_server, codes=("R106",), seconds=10, settings={"timeout": 2.0}),
)


# ---- the local server --------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    stop: threading.Event

    def log_message(self, *_args: object) -> None:  # quiet: the tests read outcomes, not logs
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path.startswith("/loop/"):
            hop = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/loop/{hop + 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                while not self.stop.wait(0.2):
                    self.wfile.write(b"a")
                    self.wfile.flush()
            except OSError:
                pass  # the client gave up, as it should
        elif self.path == "/silent":
            self.stop.wait(30)
        else:
            self.send_error(404)


@contextmanager
def local_server() -> Iterator[str]:
    """A loopback HTTP server in a thread: /loop, /drip, /silent. Stopped on exit."""
    stop = threading.Event()
    handler = type("Handler", (_Handler,), {"stop": stop})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
