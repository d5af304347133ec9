"""Compose ingest -> extract -> store -> resolve. The only module that knows every stage.

Each document is extracted and written on its own (one transaction per document in the
store), so a failure on one input is reported and the batch goes on, and an ingest killed
halfway leaves only whole documents behind: re-running it stores the rest and skips what is
already there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reckon.errors import ExtractError, ReckonError
from reckon.model import Actor, Document, DocumentFindings

__all__ = [
    "IngestReport",
    "editor_aliases",
    "extract_files",
    "ingest_into",
    "refresh_incidents",
    "resolve_ledger",
]


@dataclass(slots=True, kw_only=True)
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    failures: list[tuple[str, ReckonError]] = field(default_factory=list)
    incidents: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures


def _extract_safely(document: Document) -> DocumentFindings:
    from reckon.extract import extract_document

    try:
        return extract_document(document)
    except ReckonError:
        raise
    except Exception as error:  # an extractor bug must not sink the batch; say which document
        raise ExtractError(f"extraction failed ({type(error).__name__}: {error})",
                           where=document.source or document.name, code="R201") from error


def ingest_into(ledger, sources: Iterable[str | Path], *, on_item: Callable[[str, str], None] | None = None,
                resolve: bool = True) -> IngestReport:
    """Ingest every source into ``ledger``; ``on_item(source, status)`` reports progress."""
    from reckon.ingest import IngestFailure, ingest

    report = IngestReport()
    for item in ingest([str(s) for s in sources]):
        if isinstance(item, IngestFailure):
            report.failures.append((item.source, item.error))
            if on_item:
                on_item(item.source, "failed")
            continue
        label = item.source + (f"#{item.part}" if item.part is not None else "")
        if ledger.has_document(item.id):
            report.duplicates += 1
            if on_item:
                on_item(label, "duplicate")
            continue
        try:
            findings = _extract_safely(item)
            added = ledger.add(findings)
        except ReckonError as error:
            report.failures.append((label, error))
            if on_item:
                on_item(label, "failed")
            continue
        if added:
            report.stored += 1
        else:
            report.duplicates += 1
        if on_item:
            on_item(label, "stored" if added else "duplicate")
    if resolve:
        report.incidents = resolve_ledger(ledger)
    return report


def resolve_ledger(ledger) -> int:
    """Re-cluster every stored document into incidents, keeping existing incident ids."""
    from reckon.resolve import resolve

    incidents = resolve(
        list(ledger.all_findings()), existing=ledger.incidents(), aliases=editor_aliases(ledger)
    )
    ledger.save_incidents(incidents)
    return len(incidents)


def editor_aliases(ledger) -> list[Actor]:
    """The aliases editors added (reviews), as Actors the resolver joins like its own table."""
    from reckon.store.review import added_aliases

    with ledger.engine.connect() as connection:
        added = added_aliases(connection)
    return [Actor(name=actor, aliases=tuple(names)) for actor, names in added.items()]


def refresh_incidents(ledger, incident_ids: Iterable[str]) -> None:
    """Re-summarise (date, place, conflicts) incidents an editor merged or split.

    Every incident holding a report of the same documents goes in as ``existing``, so no
    report is regrouped: only the summaries of ``incident_ids`` are recomputed and saved.
    """
    import sqlalchemy as sa

    from reckon.resolve import resolve
    from reckon.store import schema
    from reckon.store.engine import write
    from reckon.store.review import save_incident_summaries

    wanted = list(dict.fromkeys(incident_ids))
    reports = schema.incident_reports
    with ledger.engine.connect() as connection:
        document_ids = sorted(set(connection.scalars(
            sa.select(reports.c.document_id).where(reports.c.incident_id.in_(wanted)))))
        related = sorted(set(connection.scalars(
            sa.select(reports.c.incident_id).where(reports.c.document_id.in_(document_ids)))))
    existing = [ledger.incident(incident_id) for incident_id in related]
    findings = [ledger.findings(document_id) for document_id in document_ids]
    resolved = {
        incident.id: incident
        for incident in resolve(findings, existing=existing, aliases=editor_aliases(ledger))
    }
    with write(ledger.engine) as connection:
        save_incident_summaries(connection, [resolved[i] for i in wanted if i in resolved])


def extract_files(paths: Iterable[str | Path]) -> Iterator[tuple[str, DocumentFindings | ReckonError]]:
    """Stateless extraction of whole files (no listing split): (source, findings or error)."""
    from reckon.ingest import IngestFailure, read_document
    from reckon.ingest.sources import load_inputs

    for raw in load_inputs([str(p) for p in paths]):
        if isinstance(raw, IngestFailure):
            yield raw.source, raw.error
            continue
        try:
            document = read_document(raw)
            yield raw.source, _extract_safely(document)
        except ReckonError as error:
            yield raw.source, error


def store_document(ledger, document: Document) -> bool:
    """Extract one document and store it; False when the ledger already holds its content.

    For callers that get documents one at a time (``reckon watch``); resolving is left to
    them, once per batch, as ingest_into does.
    """
    if ledger.has_document(document.id):
        return False
    return ledger.add(_extract_safely(document))
