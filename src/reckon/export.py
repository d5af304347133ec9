"""Exports of the resolved ledger: JSONL (full incidents) and CSV (ACLED-like, one row per incident)."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from reckon.errors import ReckonError

__all__ = ["CSV_COLUMNS", "FORMATS", "write_export"]

FORMATS = ("jsonl", "csv", "claims-csv")
# The columns a conflict-data coder expects (after ACLED), with Reckon's claim ranges.
CSV_COLUMNS = ("event_id", "event_date", "country", "admin1", "location", "latitude", "longitude",
               "perpetrators", "victims", "fatalities_min", "fatalities_max", "claimants", "sources", "notes")


def write_export(ledger, *, format: str, stream: TextIO) -> int:
    from reckon.resolve import incident_to_json

    if format not in FORMATS:
        raise ReckonError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}", code="R501")
    documents = {d.id: d for d in ledger.documents()}
    rows = [incident_to_json(incident, documents) for incident in ledger.incidents()]
    if format == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        return len(rows)
    if format == "claims-csv":
        writer = csv.writer(stream)
        writer.writerow(("event_id", "kind", "min", "max", "claimant", "document_id", "source", "published",
                         "span_start", "span_end", "extractor", "superseded"))
        n = 0
        for row in rows:
            for kind, data in row["counts"].items():
                for claim in data["claims"]:
                    writer.writerow((row["id"], kind, claim["min"], claim["max"], claim["claimant"], claim["document_id"],
                                     claim.get("source"), claim.get("published"), claim["span"][0], claim["span"][1],
                                     claim.get("extractor"), claim.get("superseded")))
                    n += 1
        return n
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in rows:
        killed = row["counts"].get("killed", {})
        low, high = (killed.get("range") or [None, None])
        conflicts = "; ".join(c["field"] for c in row.get("conflicts", []))
        writer.writerow({
            "event_id": row["id"], "event_date": row["date"], "country": row["country"],
            "admin1": row.get("admin1"), "location": row["place"], "latitude": row["latitude"],
            "longitude": row["longitude"],
            "perpetrators": "; ".join(sorted({a["actor"] for entry in row.get("perpetrators", [])
                                              for a in entry["actors"]})),
            "victims": "; ".join(v["victims"] for v in row.get("victims", [])),
            "fatalities_min": low, "fatalities_max": high,
            "claimants": "; ".join(sorted({c["claimant"] for c in killed.get("claims", [])})),
            "sources": "; ".join(d.get("source") or d["id"] for d in row["documents"]),
            "notes": f"conflicts: {conflicts}" if conflicts else "",
        })
    return len(rows)
