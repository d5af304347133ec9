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
from pathlib import Path

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


def start_server(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        [sys.executable, "-c", "from reckon.cli import main; main()", "serve", "--db", url,
         "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
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


async def closed_loop(base: str, paths: list[str], clients: int) -> tuple[list[float], int, float]:
    """``clients`` tasks, each requesting its share of ``paths`` back to back."""
    latencies: list[float] = []
    failures = 0
    queue = list(paths)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            nonlocal failures
            while queue:
                path = queue.pop()
                started = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - started)
                failures += response.status_code != 200
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


async def paced(base: str, paths: list[str], clients: int, rate: float) -> tuple[list[float], int, float]:
    """``clients`` readers together sending ``rate`` requests a second (each pauses)."""
    latencies: list[float] = []
    failures = 0
    interval = clients / rate
    per_client = max(1, len(paths) // clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def reader(offset: int) -> None:
            nonlocal failures
            await asyncio.sleep(interval * offset / clients)  # spread the starts
            for path in paths[offset * per_client:(offset + 1) * per_client]:
                started = time.perf_counter()
                response = await client.get(path)
                spent = time.perf_counter() - started
                latencies.append(spent)
                failures += response.status_code != 200
                await asyncio.sleep(max(0.0, interval - spent))
        started = time.perf_counter()
        await asyncio.gather(*(reader(i) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


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
          f"{os.cpu_count()} CPUs")
    kinds = {
        "static (baseline)": lambda: "/static/favicon.svg",
        "incident page": lambda: f"/incidents/{rng.choice(incident_ids)}",
        "search page": lambda: f"/search?q={rng.choice(queries)}",
    }
    process, base = start_server(url, args.workers)
    try:
        asyncio.run(closed_loop(base, [f() for f in kinds.values() for _ in range(100)], 10))
        for load in ("closed loop", "paced"):
            results: dict[str, list[tuple[float, float, float, int]]] = {k: [] for k in kinds}
            for _run in range(args.runs):
                for kind, make in kinds.items():
                    paths = [make() for _ in range(args.requests)]
                    if load == "closed loop":
                        latencies, failures, elapsed = asyncio.run(
                            closed_loop(base, paths, args.clients))
                    else:
                        latencies, failures, elapsed = asyncio.run(
                            paced(base, paths[: max(args.clients, int(args.rate * 5))],
                                  args.clients, args.rate))
                    results[kind].append((percentile(latencies, 0.5), percentile(latencies, 0.95),
                                          len(latencies) / elapsed, failures))
            title = (f"{load}: {args.clients} clients" +
                     (f", {args.rate:g} requests/s in all" if load == "paced" else ", no pause"))
            print(f"\n{title}\n{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}{'errors':>8}"
                  f"{'p95 / baseline':>16}")
            baseline = statistics.median(r[1] for r in results["static (baseline)"])
            for kind, runs in results.items():
                p50 = statistics.median(r[0] for r in runs) * 1000
                p95 = statistics.median(r[1] for r in runs) * 1000
                rps = statistics.median(r[2] for r in runs)
                errors = sum(r[3] for r in runs)
                ratio = statistics.median(r[1] for r in runs) / baseline
                print(f"{kind:<20}{p50:>9.1f}{p95:>9.1f}{rps:>9.0f}{errors:>8}{ratio:>16.2f}")
    finally:
        process.terminate()
        process.wait(timeout=20)
        if temp:
            temp.cleanup()


if __name__ == "__main__":
    main()
