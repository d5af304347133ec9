"""Exports of the resolved ledger for conflict-data users.

* ``jsonl``: one full incident per line, exactly the "Incident JSON" of the README;
* ``csv``: one row per incident, ACLED-like columns, fatalities as the range over claimants;
* ``claims-csv``: one row per claim (kind, figure, claimant, document, span), the evidence;
* ``parquet``: one row per incident. Columns an analyst filters on (date, place, country,
  coordinates, per-kind ranges, numbers of documents and independent sources) are typed
  scalars; the nested parts (``counts``, ``perpetrators``, ``victims``, ``conflicts``,
  ``documents``) are JSON text columns, because their shape varies per incident (kinds,
  claimants) and a fixed Arrow struct would either lose data or be mostly nulls. DuckDB's
  ``json_extract`` or ``json.loads`` read them back.
"""

from __future__ import annotations

import csv
import json
from typing import Any, BinaryIO, TextIO

from reckon.errors import ReckonError

__all__ = ["CLAIM_COLUMNS", "CSV_COLUMNS", "FORMATS", "incident_rows", "write_export"]

FORMATS = ("jsonl", "csv", "claims-csv", "parquet")
BINARY_FORMATS = frozenset({"parquet"})
# The columns a conflict-data coder expects (after ACLED), with Reckon's claim ranges.
CSV_COLUMNS = ("event_id", "event_date", "country", "admin1", "location", "latitude", "longitude",
               "perpetrators", "victims", "fatalities_min", "fatalities_max", "claimants",
               "independent_sources", "sources", "notes")  # fmt: skip
CLAIM_COLUMNS = ("event_id", "kind", "min", "max", "claimant", "document_id", "source", "published",
                 "span_start", "span_end", "extractor", "superseded", "independence_group",
                 "independent_sources")  # fmt: skip
_KINDS = ("killed", "injured", "abducted", "missing", "survived", "arrested", "displaced")
_NESTED = ("counts", "perpetrators", "victims", "conflicts", "documents")


def incident_rows(ledger) -> list[dict[str, Any]]:
    """Every incident of the ledger as Incident JSON (one actor name space for all)."""
    from reckon.resolve import incidents_to_json

    documents = {d.id: d for d in ledger.documents()}
    return incidents_to_json(ledger.incidents(), documents, ledger.actors())


def _join(values) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _notes(row: dict[str, Any]) -> str:
    parts = []
    for conflict in row["conflicts"]:
        sides = " vs ".join(
            f"{side['value']} ({', '.join(c['claimant'] for c in side['claimants'])})"
            for side in conflict["sides"]
        )
        parts.append(f"{conflict['field']} disputed: {sides}")
    return " | ".join(parts)


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One incident as the ACLED-like CSV row."""
    killed = row["counts"].get("killed", {})
    low, high = killed.get("range") or (None, None)
    return {
        "event_id": row["id"], "event_date": row["date"], "country": row["country"],
        "admin1": row["admin1"], "location": row["place"], "latitude": row["latitude"],
        "longitude": row["longitude"],
        "perpetrators": _join(sorted({a["actor"] for p in row["perpetrators"] for a in p["actors"]})),
        "victims": _join(v["victims"] for v in row["victims"]),
        "fatalities_min": low, "fatalities_max": high,
        "claimants": _join(sorted({c["claimant"] for c in killed.get("claims", [])})),
        "independent_sources": row["independent_sources"],
        "sources": _join(d["source"] or d["id"] for d in row["documents"]),
        "notes": _notes(row),
    }  # fmt: skip


def _claim_rows(rows: list[dict[str, Any]]):
    for row in rows:
        for kind, data in row["counts"].items():
            for claim in data["claims"]:
                yield {
                    "event_id": row["id"], "kind": kind, "min": claim["min"], "max": claim["max"],
                    "claimant": claim["claimant"], "document_id": claim["document_id"],
                    "source": claim["source"], "published": claim["published"],
                    "span_start": claim["span"][0], "span_end": claim["span"][1],
                    "extractor": claim["extractor"], "superseded": claim["superseded"],
                    "independence_group": claim["independence_group"],
                    "independent_sources": claim["independent_sources"],
                }  # fmt: skip


def _write_parquet(rows: list[dict[str, Any]], stream: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {
        "id": [r["id"] for r in rows],
        "date": [r["date"] for r in rows],
        "place": [r["place"] for r in rows],
        "admin1": [r["admin1"] for r in rows],
        "country": [r["country"] for r in rows],
        "latitude": [r["latitude"] for r in rows],
        "longitude": [r["longitude"] for r in rows],
    }
    types: dict[str, pa.DataType] = {name: pa.string() for name in columns}
    types["latitude"] = types["longitude"] = pa.float64()
    for kind in _KINDS:
        for bound, index in (("min", 0), ("max", 1)):
            name = f"{kind}_{bound}"
            columns[name] = [(r["counts"].get(kind) or {}).get("range", [None, None])[index] for r in rows]
            types[name] = pa.int64()
    columns["documents_count"] = [len(r["documents"]) for r in rows]
    columns["independent_sources"] = [r["independent_sources"] for r in rows]
    types["documents_count"] = types["independent_sources"] = pa.int64()
    for name in _NESTED:
        columns[name] = [json.dumps(r[name], ensure_ascii=False) for r in rows]
        types[name] = pa.string()
    schema = pa.schema([pa.field(name, types[name]) for name in columns],
                       metadata={"reckon": "nested columns hold JSON text (Incident JSON, README)"})  # fmt: skip
    table = pa.Table.from_pydict(columns, schema=schema)
    pq.write_table(table, stream)


def write_export(ledger, *, format: str, stream: TextIO | BinaryIO) -> int:
    """Write the ledger's incidents in ``format`` to ``stream``; the number of rows written.

    ``parquet`` needs a binary stream; the others a text stream.
    """
    if format not in FORMATS:
        raise ReckonError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}",
                          code="R501")  # fmt: skip
    rows = incident_rows(ledger)
    if format == "jsonl":
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")  # type: ignore[arg-type]
        return len(rows)
    if format == "parquet":
        _write_parquet(rows, stream)  # type: ignore[arg-type]
        return len(rows)
    if format == "claims-csv":
        writer = csv.DictWriter(stream, fieldnames=CLAIM_COLUMNS)  # type: ignore[arg-type]
        writer.writeheader()
        n = 0
        for claim in _claim_rows(rows):
            writer.writerow(claim)
            n += 1
        return n
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)  # type: ignore[arg-type]
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_row(row))
    return len(rows)
