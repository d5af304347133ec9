"""Crash safety: `reckon ingest` killed with SIGKILL midway, then re-run, leaves exactly the
ledger an uninterrupted run leaves (no duplicate, no partial document)."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from ledger_faults import canonical_dump, count_rows, run_reckon, start_reckon, write_reports

DOCUMENTS = 24


def test_ingest_killed_midway_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_reports(folder, DOCUMENTS)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    crashed = f"sqlite:///{tmp_path / 'crashed.db'}"

    child = start_reckon("ingest", str(folder), "--db", crashed)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and child.poll() is None:
        stored = count_rows(crashed, "documents")
        if stored >= DOCUMENTS // 3:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    at_kill = count_rows(crashed, "documents")
    assert 0 < at_kill < DOCUMENTS, f"the kill did not land midway ({at_kill} documents stored)"

    rerun = run_reckon("ingest", str(folder), "--db", crashed)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{DOCUMENTS - at_kill} stored, {at_kill} already present" in rerun.stdout

    clean = run_reckon("ingest", str(folder), "--db", reference)
    assert clean.returncode == 0, clean.stderr
    expected = canonical_dump(reference)
    assert len(expected["documents"]) == DOCUMENTS and expected["counts"] and expected["incidents"]
    assert canonical_dump(crashed) == expected
    assert run_reckon("verify", "--db", crashed).returncode == 0
