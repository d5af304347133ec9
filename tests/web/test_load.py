"""Load: 50 concurrent clients on loopback for a minute, no error allowed.

A real ``reckon serve`` (one worker) in a child process on 127.0.0.1 over the fictional
site ledger. 45 readers cycle through the public pages (list, incident, document, search,
JSON twins, API); 5 signed-in editors read the queue and the audit log and save reviews
while the readers run, so sessions and writes are exercised under read load too. Every
response must be a 2xx or the redirect a form post answers with; a connection error, a
timeout or any other status fails the test. Latency percentiles are printed and written
to tests/artifacts/<test>/load.json; they are reported, not asserted (the machine's load
is not ours to control; the benchmark in benchmarks/ measures speed).

RECKON_LOAD_SECONDS shortens the run for local work (CI runs the full minute).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlparse

import httpx

from .review_helpers import PASSWORD, add_editor

CLIENTS = 50
EDITORS = 5
SECONDS = float(os.environ.get("RECKON_LOAD_SECONDS", "60"))
# Generous: one worker on a shared 2-core machine serves 50 clients; a request that waits
# this long is a stall, which is what the test is there to catch.
TIMEOUT_S = 30.0
# A client must drop an idle keep-alive connection before the server does (uvicorn closes
# them after 5 s): otherwise a request sent just as the server closes one fails with a
# ReadError that no server fault caused (seen as 2 in 7,861 requests before this).
LIMITS = httpx.Limits(
    max_connections=CLIENTS, max_keepalive_connections=CLIENTS, keepalive_expiry=2.0
)


async def _reader(client: httpx.AsyncClient, paths: list[str], deadline: float, log: dict) -> None:
    i = 0
    while time.monotonic() < deadline:
        path = paths[i % len(paths)]
        i += 1
        await _request(client, "GET", path, log)


async def _request(client: httpx.AsyncClient, method: str, path: str, log: dict, **kwargs) -> httpx.Response | None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    try:
        response = await client.request(method, path, **kwargs)
    except httpx.HTTPError as error:
        log["errors"].append(f"{method} {path}: {type(error).__name__}: {error}")
        return None
    log["latencies"].append(time.perf_counter() - started)
    if not (200 <= response.status_code < 300 or (method == "POST" and response.status_code == 303)):
        log["errors"].append(f"{method} {path}: HTTP {response.status_code}")
    return response


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


async def _editor(base: str, name: str, deadline: float, log: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT_S, limits=LIMITS) as client:
        form = await client.get("/login")
        signed = await client.post(
            "/login", data={"name": name, "password": PASSWORD, "csrf_token": _token(form.text)},
            follow_redirects=True,
        )
        if signed.status_code != 200 or "Review queue" not in signed.text:
            log["errors"].append(f"{name} could not sign in: HTTP {signed.status_code}")
            return
        token = _token(signed.text)
        while time.monotonic() < deadline:
            queue = await _request(client, "GET", "/review.json?reviewed=true", log)
            if queue is None or queue.status_code != 200:
                continue
            item = queue.json()["data"]["items"][0]
            await _request(
                client, "POST", f"/review/claims/{item['count_id']}", log,
                data={"action": "accept", "csrf_token": token, "note": f"load {name}"},
                follow_redirects=False,
            )
            await _request(client, "GET", "/review/audit.json", log)


async def _run(base: str, paths: list[str], editors: list[str]) -> dict:
    log: dict = {"latencies": [], "errors": []}
    deadline = time.monotonic() + SECONDS
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT_S, limits=LIMITS) as shared:
        tasks = [_reader(shared, paths[k:] + paths[:k], deadline, log) for k in range(CLIENTS - EDITORS)]
        tasks += [_editor(base, name, deadline, log) for name in editors]
        await asyncio.gather(*tasks)
    return log


def test_fifty_clients_for_a_minute_without_errors(site_ledger_url, ids, artifact_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import start_server, stop_server

    editors = [add_editor(site_ledger_url, f"editor{i}") for i in range(EDITORS)]
    process, base = start_server(site_ledger_url)
    try:
        assert urlparse(base).hostname == "127.0.0.1"  # loopback only
        paths = [
            "/",
            f"/incidents/{ids['mirrenby_incident']}",
            f"/documents/{ids['mirrenby_document']}",
            "/search?q=" + quote("Mirrenby"),
            f"/incidents/{ids['hostile_incident']}.json",
            "/index.json",
            "/feed.atom",
        ]
        # A thread of its own: Playwright's sync API (browser tests in the same session)
        # leaves an event loop running in the main thread, where asyncio.run refuses.
        with ThreadPoolExecutor(max_workers=1) as runner:
            log = runner.submit(lambda: asyncio.run(_run(base, paths, editors))).result()
    finally:
        stop_server(process)
    latencies = sorted(log["latencies"])
    summary = {
        "clients": CLIENTS,
        "seconds": SECONDS,
        "requests": len(latencies),
        "errors": len(log["errors"]),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "max_ms": round(1000 * latencies[-1], 1) if latencies else None,
        "first_errors": log["errors"][:10],
    }
    (artifact_dir / "load.json").write_text(json.dumps(summary, indent=2))
    print("load:", json.dumps(summary))
    assert not log["errors"], log["errors"][:10]
    assert len(latencies) >= CLIENTS  # every client got through at least once
