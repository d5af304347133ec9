"""`reckon backup` and `reckon verify`: a consistent copy, and chain-of-custody checks that
name every damaged row in one line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import PostgresServer, fictional_findings
from typer.testing import CliRunner

from ledger_faults import canonical_dump
from reckon.cli import app
from reckon.errors import StoreError
from reckon.store import Ledger, schema
from reckon.store.maintenance import backup_ledger, verify_ledger


def _filled(url: str) -> None:
    with Ledger(url) as ledger:
        for variant in range(3):
            ledger.add(fictional_findings(variant))


def test_backup_sqlite_is_an_identical_ledger(sqlite_url: str, tmp_path: Path) -> None:
    _filled(sqlite_url)
    target = tmp_path / "copy.db"
    result = CliRunner().invoke(app, ["backup", str(target), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    assert "sqlite-backup-api" in result.output
    assert canonical_dump(f"sqlite:///{target}") == canonical_dump(sqlite_url)
    with Ledger(f"sqlite:///{target}") as copy:
        assert verify_ledger(copy.engine).ok


def test_backup_refuses_an_existing_file(sqlite_url: str, tmp_path: Path) -> None:
    _filled(sqlite_url)
    target = tmp_path / "taken.db"
    target.write_bytes(b"precious")
    with Ledger(sqlite_url) as ledger, pytest.raises(StoreError) as caught:
        backup_ledger(ledger.engine, target)
    assert caught.value.code == "R405"
    assert target.read_bytes() == b"precious"


@pytest.mark.postgres
def test_backup_postgres_runs_pg_dump_when_on_path(postgres_url: str, postgres_server: PostgresServer, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _filled(postgres_url)
    monkeypatch.setenv("PATH", f"{postgres_server.bindir}{os.pathsep}{os.environ.get('PATH', '')}")
    with Ledger(postgres_url) as ledger:
        result = backup_ledger(ledger.engine, tmp_path / "ledger.dump")
    assert result.method == "pg_dump"
    assert (tmp_path / "ledger.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format


@pytest.mark.postgres
def test_backup_postgres_without_pg_dump_says_what_to_run(postgres_url: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump here
    with Ledger(postgres_url) as ledger, pytest.raises(StoreError) as caught:
        backup_ledger(ledger.engine, tmp_path / "ledger.dump")
    assert caught.value.code == "R405"
    assert "pg_dump --format=custom" in caught.value.line()
    assert len(caught.value.line().splitlines()) == 1


def test_verify_clean_ledger_is_ok(ledger_url: str) -> None:
    _filled(ledger_url)
    with Ledger(ledger_url) as ledger:
        report = verify_ledger(ledger.engine)
    assert report.ok, report.problems
    assert (report.documents, report.blobs) == (3, 3)
    assert report.spans > 3 * 10


def test_verify_names_every_corrupted_row(ledger_url: str) -> None:
    _filled(ledger_url)
    victim = fictional_findings(1).document
    with Ledger(ledger_url) as ledger, ledger.engine.begin() as connection:
        connection.execute(sa.update(schema.raw_blobs).where(schema.raw_blobs.c.sha256 == victim.raw_sha256)
                           .values(bytes=b"tampered"))
        count_id = connection.execute(sa.select(schema.counts.c.id).where(schema.counts.c.document_id == victim.id)
                                      .order_by(schema.counts.c.id).limit(1)).scalar_one()
        connection.execute(sa.update(schema.counts).where(schema.counts.c.id == count_id)
                           .values(span_end=len(victim.text) + 50))
        connection.execute(sa.update(schema.quotes).where(schema.quotes.c.document_id == victim.id)
                           .values(text="words nobody said"))
        other = fictional_findings(2).document
        connection.execute(sa.update(schema.documents).where(schema.documents.c.id == other.id)
                           .values(text=other.text.replace("Mirrenby", "Mirrenbo")))  # same length: spans stay
    with Ledger(ledger_url) as ledger:
        report = verify_ledger(ledger.engine)
    lines = [problem.line() for problem in report.problems]
    assert len(lines) == 5, lines  # hash, size, span, quote words, content id
    assert any(victim.raw_sha256[:16] in line and "hash" in line for line in lines)
    assert any(f"counts {count_id} " in line and "outside the text" in line for line in lines)
    assert any("quotes" in line and "words nobody said" in line for line in lines)
    assert any(other.id in line and "content id" in line for line in lines)


def test_cli_verify_exits_1_with_one_line_per_problem(sqlite_url: str) -> None:
    _filled(sqlite_url)
    with Ledger(sqlite_url) as ledger, ledger.engine.begin() as connection:
        connection.execute(sa.update(schema.accusations).values(span_start=-1))
    result = CliRunner().invoke(app, ["verify", "--db", sqlite_url])
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if line.startswith("accusations ")]
    assert len(problems) == 3  # one accusation per document, three documents
    assert "3 problem(s)" in result.output
