"""Commands over documents: `ingest` into the ledger, `extract` statelessly, `demo`."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from reckon.cli._common import DbOption, app, console, errors, friendly, one_line, open_ledger, show_range
from reckon.errors import ReckonError


@app.command()
@friendly
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, .warc(.gz) archives or http(s) URLs.")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="Extraction processes (0 = one per core; default 1, with --dask local one per core).")] = None,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Run ingest and extraction on a Dask cluster: a scheduler address, or 'local'.")] = None,
) -> None:
    """Read documents into the ledger: extract their findings, store them, resolve incidents."""
    from reckon.parallel import resolve_workers
    from reckon.pipeline import ingest_into

    workers = resolve_workers(workers if workers is not None else (0 if dask == "local" else 1))

    with open_ledger(db) as ledger, Progress(
        TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=errors, transient=True,
    ) as progress:
        task = progress.add_task("", total=None)

        def on_item(source: str, status: str) -> None:
            progress.update(task, advance=1, description=f"{status}: {Path(source).name}")

        report = ingest_into(ledger, sources, on_item=on_item, workers=workers, dask=dask)
    for source, error in report.failures:
        errors.print(f"[red]error[/] {one_line(error, source)}", highlight=False, soft_wrap=True)
    console.print(f"{report.stored} stored, {report.duplicates} already present, {len(report.failures)} failed; "
                  f"{report.incidents} incidents in the ledger.")
    if report.failures:
        raise typer.Exit(1)


@app.command()
@friendly
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text or HTML files to read.")],
    as_json: Annotated[bool, typer.Option("--json", help="Emit the per-document JSON of FORMAT.md.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write DIR/<stem>.json instead of stdout.")] = None,
) -> None:
    """Extract findings from files, statelessly (no database)."""
    from reckon.formats import findings_to_json
    from reckon.pipeline import extract_files

    failed = 0
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    for source, result in extract_files(files):
        if isinstance(result, ReckonError):
            failed += 1
            errors.print(f"[red]error[/] {one_line(result, source)}", highlight=False, soft_wrap=True)
            continue
        stem = Path(source).name.split(".")[0] if "://" not in source else None
        data = findings_to_json(result, id=stem)
        if out is not None:
            (out / f"{data['id']}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        elif as_json:
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            _print_findings(data)
    if failed:
        raise typer.Exit(1)


def _print_findings(data: dict) -> None:
    text = data["text"]
    console.print(f"[bold]{data['id']}[/] published {data['published'] or 'unknown'}")
    for incident in data["incidents"]:
        console.print(f"  incident {incident['date'] or 'undated'} {incident['place'] or '?'} ({incident['country'] or '?'})")
        for count in incident["counts"]:
            start, end = count["span"]
            console.print(f"    {count['kind']} {show_range(count['min'], count['max'])} according to {count['claimed_by']}"
                          f"  [dim][{start}:{end}] {text[start:end]!r}[/]", highlight=False)
        for accused in incident["perpetrators"]:
            console.print(f"    accused: {accused['actor']} according to {accused['claimed_by']}", highlight=False)
    for quote in data["quotes"]:
        console.print(f"  quote: {quote['speaker']}: “{quote['starts_with']}…”", highlight=False)


@app.command()
@friendly
def demo(db: Annotated[str, typer.Option("--db", help="Database for the demo.")] = "sqlite:///demo.db") -> None:
    """Ingest the bundled fictional sample corpus into a fresh database and print the ledger."""
    from reckon.pipeline import ingest_into
    from reckon.store import Ledger

    if db.startswith("sqlite:///"):
        path = Path(db.removeprefix("sqlite:///"))
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    sample = resources.files("reckon.data").joinpath("sample")
    with resources.as_file(sample) as folder:
        files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".txt", ".html"))
        with Ledger(db) as ledger:
            report = ingest_into(ledger, files)
    console.print(f"Demo: {report.stored} documents from the bundled sample (fictional events) into {db}.")
    from reckon.cli.ledger import incidents

    incidents(db=db, as_json=False)
    for source, error in report.failures:
        errors.print(f"[red]error[/] {one_line(error, source)}")
