"""Commands that keep a ledger safe: `backup` (a consistent copy) and `verify` (chain of custody)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reckon.cli._common import DbOption, JsonOption, app, console, friendly, open_ledger


@app.command()
@friendly
def backup(
    path: Annotated[Path, typer.Argument(help="New file to write (SQLite copy, or pg_dump archive).")],
    db: DbOption = None,
) -> None:
    """Back up the ledger: SQLite's online backup API, or pg_dump for PostgreSQL."""
    from reckon.store.maintenance import backup_ledger

    with open_ledger(db) as ledger:
        result = backup_ledger(ledger.engine, path)
    console.print(f"backed up to {result.path} ({result.size} bytes, {result.method})", highlight=False)


@app.command()
@friendly
def verify(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check every raw document against its SHA-256 and every finding's span against its text."""
    import json
    import sys

    from reckon.store.maintenance import verify_ledger

    with open_ledger(db) as ledger:
        report = verify_ledger(ledger.engine)
    if as_json:
        data = {"ok": report.ok, "documents": report.documents, "blobs": report.blobs, "spans": report.spans,
                "problems": [{"where": p.where, "message": p.message} for p in report.problems]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for problem in report.problems:
            console.print(problem.line(), highlight=False, soft_wrap=True, markup=False)
        verdict = "ok" if report.ok else f"{len(report.problems)} problem(s)"
        console.print(f"verified {report.documents} documents, {report.blobs} raw blobs, {report.spans} spans: {verdict}",
                      highlight=False)
    if not report.ok:
        raise typer.Exit(1)
