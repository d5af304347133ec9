"""Latency of `reckon serve` over a ledger of 10,000 synthetic documents.

Not a test (never run by pytest). Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/web_latency.py                 # 10k docs, 50 clients
    PYTHONPATH=src .venv/bin/python benchmarks/web_latency.py --ledger /tmp/bench.db --runs 5

The ledger is built from resolve_scale.py's seeded generator (same corpus for every run),
stored, resolved and saved; ``--ledger PATH`` keeps it for the next run. Then `reckon
serve` runs in a child process on a loopback port, and 50 concurrent clients (asyncio +
httpx, one process) request pages. Two loads:

- closed loop: each client sends its next request as soon as the last answer came (the
  worst case: 50 requests always in flight);
- paced: 50 clients together sending ``--rate`` requests per second (readers, who pause).

The clients speak HTTP/1.1 keep-alive over raw asyncio streams (``--client raw``, the
default): httpx's connection pool costs about 5 ms of CPU per request at 50 connections, so
on a 2-core machine an httpx client saturates a core at ~150 requests/s and the figures
measure the client, not the server. ``--client httpx`` keeps the old client for comparison.

Pages: incident pages (random incident), search pages (random word of the corpus or a
place name), and as the baseline a static file through the same server and middleware,
so the report also gives each page's p95 as a ratio of the baseline's in the same run.
Figures are medians over ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from resolve_scale import make_corpus  # noqa: E402

from reckon.resolve import resolve  # noqa: E402
from reckon.store import Ledger, schema  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def build_ledger(url: str, documents: int) -> None:
    findings, _truth = make_corpus(documents)
    started = time.perf_counter()
    with Ledger(url) as ledger:
        for item in findings:
            ledger.add(item)
        stored = time.perf_counter()
        incidents = resolve(findings)
        ledger.save_incidents(incidents)
    print(f"built: {documents} documents stored in {stored - started:.1f} s, "
          f"{len(incidents)} incidents resolved and saved in {time.perf_counter() - stored:.1f} s")


def sample_targets(url: str, rng: random.Random) -> tuple[list[str], list[str]]:
    with Ledger(url) as ledger, ledger.engine.connect() as connection:
        incident_ids = list(connection.scalars(sa.select(schema.incidents.c.id)))
        texts = list(connection.scalars(
            sa.select(schema.documents.c.text).order_by(schema.documents.c.id).limit(300)))
        places = list(connection.scalars(
            sa.select(schema.incidents.c.place).where(schema.incidents.c.place.is_not(None))
            .limit(300)))
    words = [w.strip(".") for text in texts for w in text.split()[2:40]]
    queries = [rng.choice(words) for _ in range(400)] + [p.split()[0] for p in places[:100]]
    return incident_ids, queries


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(url: str, workers: int, reader_threads: int | None
                 ) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from reckon.cli import main; main()", "serve", "--db", url,
         "--port", str(port), "--workers", str(workers), "--log-level", "warning",
         *(["--reader-threads", str(reader_threads)] if reader_threads else [])],
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/static/favicon.svg", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("reckon serve did not start")


class RawConnection:
    """One keep-alive HTTP/1.1 connection: GET a path, read status and body (Content-Length
    or chunked), reconnect when the server closed it. Enough for our own server, and cheap."""

    def __init__(self, base: str) -> None:
        host_port = base.split("://", 1)[1]
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        for attempt in (1, 2):  # a keep-alive connection the server closed: one retry
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    async def _response(self) -> int:
        assert self.reader is not None
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await self.reader.readexactly(size + 2)
            await self.reader.readuntil(b"\r\n")
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class HttpxConnection:
    """The same interface over a shared httpx client (``--client httpx``)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def get(self, path: str) -> int:
        return (await self.client.get(path)).status_code

    async def close(self) -> None:
        pass


@asynccontextmanager
async def connections(base: str, clients: int, kind: str) -> AsyncIterator[list[Any]]:
    if kind == "raw":
        pool = [RawConnection(base) for _ in range(clients)]
        try:
            yield pool
        finally:
            for connection in pool:
                await connection.close()
        return
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        yield [HttpxConnection(client) for _ in range(clients)]


async def closed_loop(base: str, paths: list[str], clients: int, client_kind: str = "raw"
                      ) -> tuple[list[float], int, float]:
    """``clients`` tasks, each requesting its share of ``paths`` back to back."""
    latencies: list[float] = []
    failures = 0
    queue = list(paths)
    async with connections(base, clients, client_kind) as pool:
        async def worker(connection: Any) -> None:
            nonlocal failures
            while queue:
                path = queue.pop()
                started = time.perf_counter()
                status = await connection.get(path)
                latencies.append(time.perf_counter() - started)
                failures += status != 200
        started = time.perf_counter()
        await asyncio.gather(*(worker(connection) for connection in pool))
        elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


async def paced(base: str, paths: list[str], clients: int, rate: float, client_kind: str = "raw"
                ) -> tuple[list[float], int, float]:
    """``clients`` readers together sending ``rate`` requests a second (each pauses)."""
    latencies: list[float] = []
    failures = 0
    interval = clients / rate
    per_client = max(1, len(paths) // clients)
    async with connections(base, clients, client_kind) as pool:
        async def reader(offset: int, connection: Any) -> None:
            nonlocal failures
            await asyncio.sleep(interval * offset / clients)  # spread the starts
            for path in paths[offset * per_client:(offset + 1) * per_client]:
                started = time.perf_counter()
                status = await connection.get(path)
                spent = time.perf_counter() - started
                latencies.append(spent)
                failures += status != 200
                await asyncio.sleep(max(0.0, interval - spent))
        started = time.perf_counter()
        await asyncio.gather(*(reader(i, connection) for i, connection in enumerate(pool)))
        elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


def server_cpu_seconds(process: subprocess.Popen) -> float | None:
    """CPU time (user + system) of the server and its worker processes so far; Linux only."""
    try:
        pids = [process.pid] + [int(p) for p in
                                Path(f"/proc/{process.pid}/task/{process.pid}/children")
                                .read_text().split()]
        ticks = 0
        for pid in pids:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--ledger", help="SQLite file (kept) or database URL; default a temp file")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=1000, help="requests per page kind per run")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rate", type=float, default=100.0, help="paced load, requests/second")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--reader-threads", type=int, help="default: reckon serve's")
    parser.add_argument("--load", choices=("both", "closed", "paced"), default="both")
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw",
                        help="raw asyncio HTTP/1.1 (cheap) or httpx (the old client)")
    args = parser.parse_args()

    temp = None
    if args.ledger:
        url = args.ledger if "://" in args.ledger else f"sqlite:///{args.ledger}"
    else:
        temp = tempfile.TemporaryDirectory(prefix="reckon-bench-")
        url = f"sqlite:///{temp.name}/bench.db"
    with Ledger(url) as ledger, ledger.engine.connect() as connection:
        stored = connection.scalar(sa.select(sa.func.count()).select_from(schema.documents))
    if stored < args.documents:
        build_ledger(url, args.documents)
    rng = random.Random(11)
    incident_ids, queries = sample_targets(url, rng)
    print(f"ledger: {url} ({len(incident_ids)} incidents); {args.clients} clients, "
          f"{args.requests} requests per kind per run, {args.runs} runs, {args.workers} worker(s), "
          f"reader threads {args.reader_threads or 'default'}, "
          f"{args.client} client, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    kinds = {
        "static (baseline)": lambda: "/static/favicon.svg",
        "incident page": lambda: f"/incidents/{rng.choice(incident_ids)}",
        "search page": lambda: f"/search?q={rng.choice(queries)}",
    }
    process, base = start_server(url, args.workers, args.reader_threads)
    try:
        asyncio.run(closed_loop(base, [f() for f in kinds.values() for _ in range(100)], 10,
                                args.client))
        for load in {"both": ("closed loop", "paced"), "closed": ("closed loop",),
                     "paced": ("paced",)}[args.load]:
            results: dict[str, list[tuple[float, float, float, int, float | None,
                                          float | None]]] = {k: [] for k in kinds}
            for _run in range(args.runs):
                for kind, make in kinds.items():
                    paths = [make() for _ in range(args.requests)]
                    cpu_before = server_cpu_seconds(process)
                    if load == "closed loop":
                        latencies, failures, elapsed = asyncio.run(
                            closed_loop(base, paths, args.clients, args.client))
                    else:
                        latencies, failures, elapsed = asyncio.run(
                            paced(base, paths[: max(args.clients, int(args.rate * 5))],
                                  args.clients, args.rate, args.client))
                    cpu_after = server_cpu_seconds(process)
                    cpu = (None if cpu_before is None or cpu_after is None
                           else (cpu_after - cpu_before) / len(latencies))
                    results[kind].append((percentile(latencies, 0.5), percentile(latencies, 0.95),
                                          len(latencies) / elapsed, failures, cpu,
                                          None if cpu is None else cpu * len(latencies) / elapsed))
            title = (f"{load}: {args.clients} clients" +
                     (f", {args.rate:g} requests/s in all" if load == "paced" else ", no pause") +
                     f" (load average now {os.getloadavg()[0]:.2f})")
            print(f"\n{title}\n{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'errors':>8}"
                  f"{'p95 / baseline':>16}{'server CPU ms/req':>19}{'server cores':>14}")
            baseline = statistics.median(r[1] for r in results["static (baseline)"])
            for kind, runs in results.items():
                p50 = statistics.median(r[0] for r in runs) * 1000
                p95 = statistics.median(r[1] for r in runs) * 1000
                rps = statistics.median(r[2] for r in runs)
                errors = sum(r[3] for r in runs)
                ratio = statistics.median(r[1] for r in runs) / baseline
                cpus = [r[4] for r in runs if r[4] is not None]
                cpu = f"{statistics.median(cpus) * 1000:.1f}" if cpus else "-"
                # Cores the server used while answering: below 1 with one worker, under
                # load, means the machine (other processes), not the server, set the pace.
                cores = [r[5] for r in runs if r[5] is not None]
                used = f"{statistics.median(cores):.2f}" if cores else "-"
                print(f"{kind:<20}{p50:>9.1f}{p95:>9.1f}{rps:>9.0f}{errors:>8}{ratio:>16.2f}"
                      f"{cpu:>19}{used:>14}")
    finally:
        process.terminate()
        process.wait(timeout=20)
        if temp:
            temp.cleanup()


if __name__ == "__main__":
    main()
