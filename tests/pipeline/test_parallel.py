"""`reckon ingest --workers N` and `--dask`: the same ledger as a serial run, in input order,
with each bad input one line and the batch going on. Real worker processes: a spawn pool
and a dask.distributed LocalCluster of two processes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.export import write_export
from reckon.pipeline import ingest_into
from reckon.store import Ledger

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _batch(tmp_path: Path) -> Path:
    """A few of the project's own documents, one copy of one of them and one bad input."""
    folder = tmp_path / "batch"
    folder.mkdir()
    texts = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))[:5]
    for path in texts:
        shutil.copy(path, folder / path.name)
    shutil.copy(texts[0], folder / ("zz-copy-of-" + texts[0].name))  # a duplicate, by content
    (folder / "empty.txt").write_bytes(b"")  # R102, reported, the batch goes on
    return folder


def _ledger_dump(url: str) -> tuple[list[str], str]:
    with Ledger(url) as ledger:
        stream = io.StringIO()
        write_export(ledger, format="jsonl", stream=stream)
        return [d.id for d in ledger.documents()], stream.getvalue()


def _run(url: str, folder: Path, **options) -> tuple[list[tuple[str, str]], object]:
    seen: list[tuple[str, str]] = []
    with Ledger(url) as ledger:
        report = ingest_into(ledger, [folder], on_item=lambda label, status: seen.append((Path(label).name, status)),
                             **options)
    return seen, report


def test_workers_write_the_serial_ledger(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    serial_url, pool_url = f"sqlite:///{tmp_path / 'serial.db'}", f"sqlite:///{tmp_path / 'pool.db'}"
    serial_seen, serial = _run(serial_url, folder)
    pool_seen, pool = _run(pool_url, folder, workers=2)
    assert pool_seen == serial_seen  # same order, same statuses
    assert (pool.stored, pool.duplicates, len(pool.failures)) == (serial.stored, serial.duplicates, 1)
    assert serial.stored == 5 and serial.duplicates == 1
    assert [code.code for _, code in pool.failures] == ["R102"]
    assert _ledger_dump(pool_url) == _ledger_dump(serial_url)
    # Re-ingesting with workers stores nothing new: every document is a duplicate.
    again_seen, again = _run(pool_url, folder, workers=2)
    assert again.stored == 0 and again.duplicates == 6


def test_cli_workers_progress_and_failure_lines(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--workers", "2", "--db", f"sqlite:///{tmp_path / 'c.db'}"])
    assert result.exit_code == 1  # one input failed; the others are stored
    assert "5 stored, 1 already present, 1 failed" in result.stdout
    assert result.stderr.count("[R102]") == 1
    bad = CliRunner().invoke(app, ["ingest", str(folder), "--workers", "-1", "--db", f"sqlite:///{tmp_path / 'd.db'}"])
    assert bad.exit_code == 1 and "[R501]" in bad.stderr


def test_dask_local_cluster_writes_the_serial_ledger(tmp_path: Path, ledger_url: str) -> None:
    pytest.importorskip("distributed")
    folder = _batch(tmp_path)
    serial_url = f"sqlite:///{tmp_path / 'serial.db'}"
    serial_seen, _ = _run(serial_url, folder)
    dask_seen, report = _run(ledger_url, folder, dask="local", workers=2)
    assert dask_seen == serial_seen
    assert report.stored == 5 and [error.code for _, error in report.failures] == ["R102"]
    assert _ledger_dump(ledger_url) == _ledger_dump(serial_url)


def test_dask_unreachable_scheduler_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setenv("RECKON_DASK_TIMEOUT", "2")
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--dask", "tcp://127.0.0.1:9", "--db",
                                      f"sqlite:///{tmp_path / 'e.db'}"])
    assert result.exit_code == 1 and "[R501]" in result.stderr and "Traceback" not in result.stderr
