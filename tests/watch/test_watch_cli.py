"""`reckon ingest FEED` and `reckon watch`: one line per failure, a summary per round, clean stops."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner
from websites import Site, serve

import reckon
from reckon.cli import app
from reckon.store import Ledger


@pytest.fixture
def courier() -> Iterator[Site]:
    with serve("courier") as site:
        yield site


@pytest.fixture(autouse=True)
def no_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    # Politeness is tested in tests/ingest/test_fetch.py; here it would only slow things.
    monkeypatch.setenv("RECKON_FETCH_DELAY", "0")


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error ")]


def test_ingest_a_sitemap_index_reads_its_pages(tmp_path: Path, courier: Site) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = CliRunner().invoke(app, ["ingest", courier.base + "/sitemap-index.xml", "--db", db])
    assert result.exit_code == 0, result.output
    assert "3 stored, 0 already present, 0 failed" in result.output
    with Ledger(db) as ledger:
        names = sorted(document.name for document in ledger.documents())
    assert names == ["dovrin-checkpoint-shooting", "ferry-attack-pellin", "marsh-road-ambush"]


def test_ingest_a_feed_reports_each_bad_page_on_one_line(tmp_path: Path, courier: Site) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = CliRunner().invoke(app, ["ingest", courier.base + "/rss.xml", courier.base + "/broken.xml", "--db", db])
    assert result.exit_code == 1
    assert "2 stored, 0 already present, 3 failed" in result.output
    errors = _error_lines(result.output)
    assert len(errors) == 3
    assert any("/private/patrol-memo.html" in line and "[R120]" in line for line in errors)
    assert any("/withdrawn.html" in line and "[R106]" in line for line in errors)
    assert any("/broken.xml" in line and "[R121]" in line for line in errors)


def test_watch_once_then_again(tmp_path: Path, courier: Site) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    arguments = ["watch", courier.base + "/rss.xml", courier.base + "/broken.xml", "--once", "--db", db]
    first = CliRunner().invoke(app, arguments)
    assert first.exit_code == 1  # a broken feed and a withdrawn page: failures, not a crash
    assert "round 1: 2 listings (0 unchanged), 3 pages fetched: 2 documents stored" in first.output
    assert f"stored: {courier.base}/news/2024/05/ferry-attack-pellin.html" in first.output
    assert len(_error_lines(first.output)) == 2
    second = CliRunner().invoke(app, [*arguments[:2], "--once", "--quiet", "--db", db])
    assert second.exit_code == 0, second.output
    assert second.output.strip() == (
        "round 1: 1 listing (1 unchanged), 0 pages fetched: 0 documents stored, "
        "0 already present, 0 refused by robots.txt, 0 failed."
    )


def test_watch_refuses_a_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["watch", "feeds.txt", "--once", "--db", f"sqlite:///{tmp_path / 'l.db'}"])
    assert result.exit_code == 1
    assert _error_lines(result.output) == ["error FEED: 'feeds.txt' is not an http(s) address [R501]"]


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_watch_stops_cleanly_on_a_signal(tmp_path: Path, courier: Site, stop: signal.Signals) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    env = {**os.environ, "PYTHONPATH": str(Path(reckon.__file__).parents[1]), "RECKON_FETCH_DELAY": "0"}
    child = subprocess.Popen(
        [sys.executable, "-c", "from reckon.cli import main; main()",
         "watch", courier.base + "/atom.xml", "--interval", "60", "--db", db],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        # A shell without job control starts background commands with SIGINT ignored, and
        # Python keeps an ignored SIGINT ignored: give the child the disposition a terminal has.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:  # wait for the first round to end, then stop the watch
            if line.startswith("round 1:"):
                break
        child.send_signal(stop)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for pipe in (child.stdout, child.stderr):
            if pipe is not None:
                pipe.close()  # else a failed run leaks them into a later test's ResourceWarning
    assert child.returncode == 130
    assert "stopped after 1 complete round(s)" in stderr and "Traceback" not in stderr
    with Ledger(db) as ledger:
        assert sum(1 for _ in ledger.documents()) == 2
