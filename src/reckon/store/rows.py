"""Model values to table rows and back, one pair of functions per table.

The only place that knows how a dataclass is flattened into columns, so a round trip
(``Ledger.add`` then ``Ledger.findings``) gives back an equal value. No SQL runs here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from reckon.model import (
    Accusation,
    Claimant,
    Conflict,
    Count,
    CountKind,
    Document,
    DocumentFindings,
    Incident,
    IncidentReport,
    Inconsistency,
    Place,
    Quote,
    ReportedIncident,
    Span,
)

__all__ = [
    "accusation_row",
    "conflict_row",
    "count_row",
    "document_row",
    "incident_report_row",
    "incident_row",
    "inconsistency_row",
    "quote_row",
    "read_accusation",
    "read_conflict",
    "read_count",
    "read_document",
    "read_inconsistency",
    "read_place",
    "read_quote",
    "read_reported_incident",
    "reported_incident_row",
    "spans_of",
]

Row = Mapping[str, Any]


def _span_columns(prefix: str, span: Span | None) -> dict[str, int | None]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _read_span(row: Row, prefix: str) -> Span | None:
    start, end = row[f"{prefix}_start"], row[f"{prefix}_end"]
    if start is None or end is None:
        return None
    return Span(start=start, end=end)


def _claimant_columns(claimant: Claimant) -> dict[str, Any]:
    return {"claimant": claimant.name, **_span_columns("claimant", claimant.span)}


def _read_claimant(row: Row) -> Claimant:
    return Claimant(name=row["claimant"], span=_read_span(row, "claimant"))


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        place = Place(name="")  # every column NULL below; name "" is never stored
    return {
        "place": place.name or None,
        "country": place.country,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "place_admin1": place.admin1,
        "place_kind": place.kind,
        **_span_columns("place", place.span),
    }


def read_place(row: Row) -> Place | None:
    if row["place"] is None:
        return None
    return Place(
        name=row["place"],
        country=row["country"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        admin1=row["place_admin1"],
        kind=row["place_kind"],
        span=_read_span(row, "place"),
    )


def document_row(
    document: Document, *, extractor_version: str, raw_sha256: str | None, ingested_at: str
) -> dict[str, Any]:
    return {
        "id": document.id,
        "name": document.name,
        "source": document.source,
        "url": document.url,
        "retrieved_at": document.retrieved_at.isoformat() if document.retrieved_at else None,
        "title": document.title,
        "author": document.author,
        "outlet": document.outlet,
        "published": document.published,
        "tags": list(document.tags),
        "media_type": document.media_type,
        "part": document.part,
        "raw_sha256": raw_sha256,
        "text": document.text,
        "extractor_version": extractor_version,
        "ingested_at": ingested_at,
    }


def read_document(row: Row, raw: bytes | None) -> Document:
    retrieved_at = row["retrieved_at"]
    return Document(
        text=row["text"],
        raw=raw or b"",
        name=row["name"],
        source=row["source"],
        url=row["url"],
        retrieved_at=datetime.fromisoformat(retrieved_at) if retrieved_at else None,
        title=row["title"],
        author=row["author"],
        outlet=row["outlet"],
        published=row["published"],
        tags=tuple(row["tags"] or ()),
        media_type=row["media_type"],
        part=row["part"],
        raw_sha256=row["raw_sha256"] or "",
    )


def reported_incident_row(document_id: str, idx: int, incident: ReportedIncident) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "idx": idx,
        "date": incident.date,
        **_span_columns("date", incident.date_span),
        **_place_columns(incident.place),
        "victims": list(incident.victims),
    }


def read_reported_incident(
    row: Row, counts: Iterable[Count], accusations: Iterable[Accusation]
) -> ReportedIncident:
    return ReportedIncident(
        date=row["date"],
        place=read_place(row),
        counts=tuple(counts),
        perpetrators=tuple(accusations),
        victims=tuple(row["victims"] or ()),
        date_span=_read_span(row, "date"),
    )


def count_row(document_id: str, incident_idx: int, count: Count) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "incident_idx": incident_idx,
        "kind": CountKind(count.kind).value,
        "min": count.min,
        "max": count.max,
        **_claimant_columns(count.claimant),
        **_span_columns("span", count.span),
        "extractor": count.extractor,
        "victims": count.victims,
        "quantity_text": count.quantity_text,
    }


def read_count(row: Row) -> Count:
    span = _read_span(row, "span")
    assert span is not None, "counts.span_start is NOT NULL by construction"
    return Count(
        kind=CountKind(row["kind"]),
        min=row["min"],
        max=row["max"],
        claimant=_read_claimant(row),
        span=span,
        extractor=row["extractor"],
        victims=row["victims"],
        quantity_text=row["quantity_text"],
    )


def accusation_row(document_id: str, incident_idx: int, accusation: Accusation) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "incident_idx": incident_idx,
        "actor": accusation.actor,
        **_claimant_columns(accusation.claimant),
        **_span_columns("span", accusation.span),
        "extractor": accusation.extractor,
    }


def read_accusation(row: Row) -> Accusation:
    span = _read_span(row, "span")
    assert span is not None
    return Accusation(
        actor=row["actor"], claimant=_read_claimant(row), span=span, extractor=row["extractor"]
    )


def quote_row(document_id: str, quote: Quote) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "speaker": quote.speaker,
        "text": quote.text,
        **_span_columns("span", quote.span),
        "extractor": quote.extractor,
    }


def read_quote(row: Row) -> Quote:
    span = _read_span(row, "span")
    assert span is not None
    return Quote(speaker=row["speaker"], text=row["text"], span=span, extractor=row["extractor"])


def inconsistency_row(document_id: str, inconsistency: Inconsistency) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "description": inconsistency.description,
        "spans": [span.to_json() for span in inconsistency.spans],
        "extractor": inconsistency.extractor,
    }


def read_inconsistency(row: Row) -> Inconsistency:
    spans = tuple(Span(start=start, end=end) for start, end in row["spans"])
    return Inconsistency(description=row["description"], spans=spans, extractor=row["extractor"])


def incident_row(incident: Incident, *, updated_at: str) -> dict[str, Any]:
    return {
        "id": incident.id,
        "date": incident.date,
        **_place_columns(incident.place),
        "updated_at": updated_at,
    }


def incident_report_row(incident_id: str, report: IncidentReport) -> dict[str, Any]:
    return {
        "incident_id": incident_id,
        "document_id": report.document_id,
        "incident_idx": report.index,
        "published": report.published,
        "independence_group": report.independence_group,
    }


def conflict_row(incident_id: str, conflict: Conflict) -> dict[str, Any]:
    sides = [[value, list(claimants)] for value, claimants in conflict.sides]
    return {"incident_id": incident_id, "field": conflict.field, "sides": sides}


def read_conflict(row: Row) -> Conflict:
    sides = tuple((value, tuple(claimants)) for value, claimants in row["sides"])
    return Conflict(field=row["field"], sides=sides)


def spans_of(findings: DocumentFindings) -> Iterator[tuple[str, Span]]:
    """Every span the findings point at, each with a label that names it in an error."""
    for i, incident in enumerate(findings.incidents):
        if incident.date_span is not None:
            yield f"incident {i} date", incident.date_span
        if incident.place is not None and incident.place.span is not None:
            yield f"incident {i} place", incident.place.span
        for finding in (*incident.counts, *incident.perpetrators):
            label = f"incident {i} {type(finding).__name__.lower()}"
            yield label, finding.span
            if finding.claimant.span is not None:
                yield label + " claimant", finding.claimant.span
    for quote in findings.quotes:
        yield "quote", quote.span
    for inconsistency in findings.inconsistencies:
        for span in inconsistency.spans:
            yield "inconsistency", span
