"""Commands over the resolved ledger: `incidents`, `show`, `export`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from reckon.cli._common import DbOption, JsonOption, app, console, friendly, open_ledger, show_range


@app.command()
@friendly
def incidents(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the incidents in the ledger."""
    from reckon.resolve import incident_to_json

    with open_ledger(db) as ledger:
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
                      show_range(*killed) if killed else "", ", ".join(claimants), str(len(row["documents"])))
    console.print(table)


@app.command()
@friendly
def show(incident: Annotated[str, typer.Argument(help="Incident id (a unique prefix is enough).")],
         db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one incident: every claim with its claimant, document and evidence."""
    from reckon.resolve import incident_to_json

    with open_ledger(db) as ledger:
        found = ledger.incident(incident)
        documents = {d.id: d for d in ledger.documents()}
        row = incident_to_json(found, documents)
    if as_json:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, indent=2) + "\n")
        return
    place = row["place"] or "unknown place"
    console.print(f"[bold]{row['id']}[/] {row['date'] or 'undated'} — {place} ({row['country'] or '?'})")
    for kind, data in row["counts"].items():
        console.print(f"  [bold]{kind}[/]: range {show_range(*data['range'])}")
        for claim in data["claims"]:
            document = documents.get(claim["document_id"])
            evidence = ""
            if document is not None:
                start, end = claim["span"]
                evidence = document.text[max(0, start - 40):end + 40].replace("\n", " ")
            console.print(f"    {show_range(claim['min'], claim['max'])} according to {claim['claimant']}"
                          f" — {claim.get('source') or claim['document_id']} [{claim['span'][0]}:{claim['span'][1]}]"
                          f"{' (superseded)' if claim.get('superseded') else ''}\n      [dim]…{evidence}…[/]",
                          highlight=False)
    for claimant, actors in row.get("perpetrators", {}).items():
        console.print(f"  accused by {claimant}: {', '.join(actors)}", highlight=False)
    for conflict in row.get("conflicts", []):
        console.print(f"  [yellow]conflict[/] {conflict['field']}: {json.dumps(conflict['sides'], ensure_ascii=False)}",
                      highlight=False)


@app.command()
@friendly
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl (full incidents) or csv (one row per incident).")] = "jsonl",
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the ledger's incidents."""
    from reckon.export import write_export

    with open_ledger(db) as ledger:
        stream = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        try:
            write_export(ledger, format=format, stream=stream)
        finally:
            if out:
                stream.close()
