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
    "Outcome",
    "editor_aliases",
    "extract_files",
    "ingest_into",
    "process_input",
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What became of one document of an input: extracted (with findings), a duplicate
    of a stored one, or failed (with its error). Plain data, so it crosses processes."""

    label: str
    findings: DocumentFindings | None = None
    error: ReckonError | None = None
    duplicate: bool = False


def process_input(raw_input, known: Callable[[str], bool] | None = None) -> list[Outcome]:
    """Ingest one raw input (decode, main text, listing split, boilerplate) and extract
    each of its documents. A plain, picklable function of its argument: the serial loop,
    a worker process and a Dask task all run this, so every mode reads alike.

    ``known(document_id)`` (serial runs only) skips extraction of stored documents.
    """
    from reckon.ingest import read_documents

    try:
        documents = read_documents(raw_input)
    except ReckonError as error:
        return [Outcome(label=raw_input.source, error=error)]
    outcomes = []
    for document in documents:
        label = document.source + (f"#{document.part}" if document.part is not None else "")
        if known is not None and known(document.id):
            outcomes.append(Outcome(label=label, duplicate=True))
            continue
        try:
            outcomes.append(Outcome(label=label, findings=_extract_safely(document)))
        except ReckonError as error:
            outcomes.append(Outcome(label=label, error=error))
    return outcomes


def ingest_into(ledger, sources: Iterable[str | Path], *, on_item: Callable[[str, str], None] | None = None,
                resolve: bool = True, workers: int = 1, dask: str | None = None) -> IngestReport:
    """Ingest every source into ``ledger``; ``on_item(source, status)`` reports progress.

    ``workers`` > 1 extracts in that many local processes; ``dask`` (a scheduler address,
    or "local" for a LocalCluster of ``workers`` processes) runs ingest and extraction as
    Dask tasks. In every mode this process is the single writer and stores documents in
    input order, so the ledger is the one a serial run writes.
    """
    from reckon.parallel import outcomes_in_order

    report = IngestReport()
    for outcome in outcomes_in_order(sources, known=ledger.has_document, workers=workers, dask=dask):
        status = _store(ledger, outcome, report)
        if on_item:
            on_item(outcome.label, status)
    if resolve:
        report.incidents = resolve_ledger(ledger)
    return report


def _store(ledger, outcome: Outcome, report: IngestReport) -> str:
    if outcome.error is not None:
        report.failures.append((outcome.label, outcome.error))
        return "failed"
    if outcome.duplicate or outcome.findings is None:
        report.duplicates += 1
        return "duplicate"
    try:
        added = ledger.add(outcome.findings)
    except ReckonError as error:
        report.failures.append((outcome.label, error))
        return "failed"
    if added:
        report.stored += 1
        return "stored"
    report.duplicates += 1
    return "duplicate"


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
