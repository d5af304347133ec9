"""The `reckon` command: a thin skin over the library. One command per public function.

Every anticipated failure is a ReckonError and reaches the user as one line
("<where>: <what> [R###]") with a non-zero exit; no traceback is shown.
"""

from __future__ import annotations

import functools
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from reckon.errors import ReckonError
from reckon.settings import get_setting

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Reckon: an evidence-linked ledger of who says what happened in violent incidents.")
console = Console()
errors = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: RECKON_DB or sqlite:///reckon.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _friendly(command):
    """Turn a ReckonError into its one line on stderr and exit status 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ReckonError as error:
            errors.print(f"[red]error[/] {error.line()}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper


def _ledger(db: str | None):
    from reckon.store import Ledger

    return Ledger(get_setting("db", db))


@app.command()
@_friendly
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, directories, .warc(.gz) archives or http(s) URLs.")],
    db: DbOption = None,
) -> None:
    """Read documents into the ledger: extract their findings, store them, resolve incidents."""
    from reckon.pipeline import ingest_into

    with _ledger(db) as ledger, Progress(
        TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=errors, transient=True,
    ) as progress:
        task = progress.add_task("", total=None)

        def on_item(source: str, status: str) -> None:
            progress.update(task, advance=1, description=f"{status}: {Path(source).name}")

        report = ingest_into(ledger, sources, on_item=on_item)
    for source, error in report.failures:
        errors.print(f"[red]error[/] {_one_line(error, source)}", highlight=False, soft_wrap=True)
    console.print(f"{report.stored} stored, {report.duplicates} already present, {len(report.failures)} failed; "
                  f"{report.incidents} incidents in the ledger.")
    if report.failures:
        raise typer.Exit(1)


def _one_line(error: ReckonError, source: str) -> str:
    line = error.line()
    return line if error.where else f"{source}: {line}"


@app.command()
@_friendly
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
            errors.print(f"[red]error[/] {_one_line(result, source)}", highlight=False, soft_wrap=True)
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
            console.print(f"    {count['kind']} {_range(count['min'], count['max'])} according to {count['claimed_by']}"
                          f"  [dim][{start}:{end}] {text[start:end]!r}[/]", highlight=False)
        for accused in incident["perpetrators"]:
            console.print(f"    accused: {accused['actor']} according to {accused['claimed_by']}", highlight=False)
    for quote in data["quotes"]:
        console.print(f"  quote: {quote['speaker']}: “{quote['starts_with']}…”", highlight=False)


def _range(low: int | None, high: int | None) -> str:
    if low == high:
        return str(low)
    if high is None:
        return f"at least {low}"
    if low is None:
        return f"up to {high}"
    return f"{low}-{high}"


@app.command()
@_friendly
def incidents(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the incidents in the ledger."""
    from reckon.resolve import incident_to_json

    with _ledger(db) as ledger:
        documents = {d.id: d for d in ledger.documents()}
        rows = [incident_to_json(incident, documents) for incident in ledger.incidents()]
    if as_json:
        sys.stdout.write(json.dumps({"incidents": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title="Incidents")
    for column in ("id", "date", "place", "country", "killed", "claimants", "documents"):
        table.add_column(column)
    for row in rows:
        killed = row["counts"].get("killed", {}).get("range")
        claimants = sorted({c["claimant"] for kind in row["counts"].values() for c in kind["claims"]})
        table.add_row(row["id"], row["date"] or "", row["place"] or "", row["country"] or "",
                      _range(*killed) if killed else "", ", ".join(claimants), str(len(row["documents"])))
    console.print(table)


@app.command()
@_friendly
def show(incident: Annotated[str, typer.Argument(help="Incident id (a unique prefix is enough).")],
         db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one incident: every claim with its claimant, document and evidence."""
    from reckon.resolve import incident_to_json

    with _ledger(db) as ledger:
        found = ledger.incident(incident)
        documents = {d.id: d for d in ledger.documents()}
        row = incident_to_json(found, documents)
    if as_json:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    place = row["place"] or "unknown place"
    console.print(f"[bold]{row['id']}[/] {row['date'] or 'undated'} — {place} ({row['country'] or '?'})")
    for kind, data in row["counts"].items():
        console.print(f"  [bold]{kind}[/]: range {_range(*data['range'])}")
        for claim in data["claims"]:
            document = documents.get(claim["document_id"])
            evidence = ""
            if document is not None:
                start, end = claim["span"]
                evidence = document.text[max(0, start - 40):end + 40].replace("\n", " ")
            console.print(f"    {_range(claim['min'], claim['max'])} according to {claim['claimant']}"
                          f" — {claim.get('source') or claim['document_id']} [{claim['span'][0]}:{claim['span'][1]}]"
                          f"{' (superseded)' if claim.get('superseded') else ''}\n      [dim]…{evidence}…[/]",
                          highlight=False)
    for claimant, actors in row.get("perpetrators", {}).items():
        console.print(f"  accused by {claimant}: {', '.join(actors)}", highlight=False)
    for conflict in row.get("conflicts", []):
        console.print(f"  [yellow]conflict[/] {conflict['field']}: {json.dumps(conflict['sides'], ensure_ascii=False)}",
                      highlight=False)


@app.command()
@_friendly
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl (full incidents) or csv (one row per incident).")] = "jsonl",
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the ledger's incidents."""
    from reckon.export import write_export

    with _ledger(db) as ledger:
        stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            write_export(ledger, format=format, stream=stream)
        finally:
            if out:
                stream.close()


@app.command()
@_friendly
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
    incidents(db=db, as_json=False)
    for source, error in report.failures:
        errors.print(f"[red]error[/] {_one_line(error, source)}")


def main() -> None:
    try:
        app()
    except ReckonError as error:
        errors.print(f"[red]error[/] {error.line()}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        errors.print("interrupted; documents already written are whole, re-run to continue")
        sys.exit(130)

