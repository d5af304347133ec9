"""The hostile-input corpus (tests/hostile.py): each input gives its one-line error or a
correct document, within its time and memory bounds. The README's reliability table is
generated from the same cases by scripts/reliability_table.py."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostile import CASES, REPORT, Case, Context, big_text, local_server, run_case
from reckon.errors import CATALOGUE
from reckon.ingest import IngestFailure, ingest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server() as url:
        yield url


@pytest.fixture(scope="session")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Large generated inputs (the 50 MB text) live here, made once per session."""
    return tmp_path_factory.mktemp("hostile-scratch")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_input_gives_one_line_error_or_correct_document(case: Case, tmp_path: Path, server: str, scratch: Path) -> None:
    outcome = run_case(case, Context(folder=tmp_path, server=server, scratch=scratch))
    assert outcome.held(case) == []
    assert all(code in CATALOGUE for code in outcome.codes)


def test_hostile_cases_have_unique_ids_and_cover_the_issue() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))
    wanted = {"binary", "empty", "text-50mb", "nested-html", "warc-truncated", "warc-malformed", "gzip-bomb-text",
              "utf-16", "persian-cp1256", "arabic-cp1256", "latin-1", "control-chars", "right-to-left",
              "single-line-5mb", "redirect-loop", "slow-server", "silent-server"}
    assert wanted <= set(ids)


def test_max_text_chars_setting_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.setenv("RECKON_MAX_TEXT_CHARS", str(len(REPORT) // 2))
    (failure,) = list(ingest([path]))
    assert isinstance(failure, IngestFailure) and failure.code == "R110"
    (document,) = list(ingest([path], max_text_chars=len(REPORT) * 2))  # an explicit limit wins
    assert "Mirrenby" in document.text


def test_cli_ingest_of_50mb_text_is_one_line_r110_and_quick(tmp_path: Path, scratch: Path) -> None:
    (source,) = big_text(Context(folder=tmp_path, server="", scratch=scratch))
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", "from reckon.cli import main; main()", "ingest", source, "--db", f"sqlite:///{tmp_path / 'ledger.db'}"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].endswith("[R110]"), result.stderr
    assert "0 stored" in result.stdout
    assert elapsed < 60
