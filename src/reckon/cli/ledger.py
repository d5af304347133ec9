"""Commands over the resolved ledger: `incidents`, `show`, `actors`, `export`."""

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
    from reckon.export import incident_rows

    with open_ledger(db) as ledger:
        rows = incident_rows(ledger)
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
    from reckon.resolve.views import actor_names_of

    with open_ledger(db) as ledger:
        found = ledger.incident(incident)
        documents = {d.id: d for d in ledger.documents()}
        # Names canonical across the whole ledger, as in `incidents --json`.
        row = incident_to_json(found, documents, actor_names=actor_names_of(ledger.incidents(), ledger.actors()))
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
    for voice in row["perpetrators"]:
        actors = ", ".join(dict.fromkeys(a["actor"] for a in voice["actors"]))
        source = (documents[voice["document_id"]].source if voice["document_id"] in documents else "") or voice["document_id"]
        console.print(f"  accused by {voice['claimant']} ({source}): {actors}", highlight=False)
    for conflict in row["conflicts"]:
        sides = " vs ".join(f"{side['value']} ({', '.join(c['claimant'] for c in side['claimants'])})"
                            for side in conflict["sides"])
        console.print(f"  [yellow]conflict[/] {conflict['field']}: {sides}", highlight=False)
    for document in row["documents"]:
        console.print(f"  document {document['source'] or document['id']} (independence group "
                      f"{document['independence_group'][:12]})", highlight=False)


@app.command()
@friendly
def actors(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the actors across incidents: aliases, incidents accused in, victim in, quoted in."""
    from reckon.resolve import actors_to_json

    with open_ledger(db) as ledger:
        rows = actors_to_json(ledger.incidents(), ledger.actors())
    if as_json:
        sys.stdout.write(json.dumps({"actors": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title="Actors")
    for column in ("actor", "aliases", "accused in", "victim in", "claimant in"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["name"], ", ".join(row["aliases"]), str(len(row["accused_in"])),
                      str(len(row["victim_in"])), str(len(row["claimant_in"])))
    console.print(table)


@app.command()
@friendly
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl or parquet (full incidents), csv (one row per incident) "
                                         "or claims-csv (one row per claim).")] = "jsonl",
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the ledger's incidents."""
    from reckon.errors import ReckonError
    from reckon.export import BINARY_FORMATS, FORMATS, write_export

    if format not in FORMATS:
        raise ReckonError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}", code="R501")
    binary = format in BINARY_FORMATS
    with open_ledger(db) as ledger:
        if out:
            stream = out.open("wb") if binary else out.open("w", encoding="utf-8", newline="")
        else:
            stream = sys.stdout.buffer if binary else sys.stdout
        try:
            write_export(ledger, format=format, stream=stream)
        finally:
            if out:
                stream.close()
            elif binary:
                stream.flush()
