"""The command line: each bad input is one clear line and a non-zero exit; good inputs are kept."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.store import Ledger

GOOD = (
    "Gunmen kill nine in Tarrow village\n\n"
    "TARROW, 4 March 2021 - Gunmen killed nine villagers in Tarrow on Sunday, police said.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _bad_inputs(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes(b"\xef\xbb\xbfa valid start \xc3\x28 then broken UTF-8")
    truncated = tmp_path / "cut.warc.gz"
    body = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n"
    truncated.write_bytes(gzip.compress(body * 50)[:120])
    return {
        "empty": str(empty),
        "binary": str(binary),
        "invalid": str(invalid),
        "truncated": str(truncated),
        "missing": str(tmp_path / "nowhere.txt"),
        "unreachable": "http://127.0.0.1:9/report.html",
    }


@pytest.mark.parametrize("case", ["empty", "binary", "invalid", "truncated", "missing", "unreachable"])
def test_cli_ingest_bad_input_is_one_line_and_good_input_kept(case: str, tmp_path: Path, runner: CliRunner) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = _bad_inputs(tmp_path)[case]
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = runner.invoke(app, ["ingest", str(good), bad, "--db", db])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(error_lines) == 1, result.stderr
    name = Path(bad).name if "://" not in bad else bad
    assert name in error_lines[0] and "[R1" in error_lines[0], error_lines[0]
    with Ledger(db) as ledger:
        assert len(list(ledger.documents())) == 1


def test_cli_extract_json_has_format_fields_and_provenance(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "tarrow-wire-2021-03-04.txt"
    path.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "tarrow-wire-2021-03-04"
    assert {"incidents", "quotes", "aliases", "text", "inconsistencies", "published"} <= set(data)
    counts = [c for incident in data["incidents"] for c in incident["counts"]]
    assert {"kind": "killed", "min": 9, "max": 9} == {k: counts[0][k] for k in ("kind", "min", "max")}
    start, end = counts[0]["span"]
    assert data["text"][start:end] == "nine"


def test_cli_ingest_twice_changes_nothing(tmp_path: Path, runner: CliRunner) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    first = runner.invoke(app, ["ingest", str(good), "--db", db])
    second = runner.invoke(app, ["ingest", str(good), "--db", db])
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    assert "1 already present" in second.stdout
    listed = runner.invoke(app, ["incidents", "--json", "--db", db])
    incidents = json.loads(listed.stdout)["incidents"]
    assert len(incidents) == 1
    assert incidents[0]["counts"]["killed"]["range"] == [9, 9]


def test_cli_show_unknown_incident_is_one_line(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "inc-nope", "--db", f"sqlite:///{tmp_path / 'l.db'}"])
    assert result.exit_code == 1
    assert "[R403]" in result.stderr and "Traceback" not in result.output
