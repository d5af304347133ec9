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
    "process_inputs",
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


# Documents extracted together: the spaCy steps run once per batch, not once per document
# (a pass costs a few milliseconds per call on top of its text; see extract.run). Small
# enough that progress stays lively and a batch's memory is nothing.
BATCH = 16


def _extract_safely(documents: list[Document]) -> list[DocumentFindings | ReckonError]:
    """The findings of each document, or the error that says which document failed."""
    from reckon.extract.run import extract_documents

    results: list[DocumentFindings | ReckonError] = []
    for document, result in zip(documents, extract_documents(documents)):
        if isinstance(result, Exception) and not isinstance(result, ReckonError):
            # an extractor bug must not sink the batch; say which document
            error = ExtractError(f"extraction failed ({type(result).__name__}: {result})",
                                 where=document.source or document.name, code="R201")
            error.__cause__ = result
            result = error
        results.append(result)
    return results


def groups(items: Iterable, size: int = BATCH) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last may be shorter), read lazily."""
    group: list = []
    for item in items:
        group.append(item)
        if len(group) == size:
            yield group
            group = []
    if group:
        yield group


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
    each of its documents (see ``process_inputs``)."""
    return process_inputs([raw_input], known)[0]


def process_inputs(raw_inputs: list, known: Callable[[str], bool] | None = None) -> list[list[Outcome]]:
    """Ingest each raw input and extract all their documents in one batch: the outcomes of
    each input, in order. A plain, picklable function of its arguments: the serial loop, a
    worker process and a Dask task all run this, so every mode reads alike.

    ``known(document_id)`` (serial runs only) skips extraction of stored documents.
    """
    from reckon.ingest import read_documents

    outcomes: list[list[Outcome | None]] = []
    wanted: list[tuple[int, int, str, Document]] = []
    for at, raw_input in enumerate(raw_inputs):
        try:
            documents = read_documents(raw_input)
        except ReckonError as error:
            outcomes.append([Outcome(label=raw_input.source, error=error)])
            continue
        mine: list[Outcome | None] = []
        for document in documents:
            label = document.source + (f"#{document.part}" if document.part is not None else "")
            if known is not None and known(document.id):
                mine.append(Outcome(label=label, duplicate=True))
            else:
                wanted.append((at, len(mine), label, document))
                mine.append(None)
        outcomes.append(mine)
    results = _extract_safely([document for *_, document in wanted])
    for (at, slot, label, _document), result in zip(wanted, results):
        outcomes[at][slot] = (Outcome(label=label, error=result) if isinstance(result, ReckonError)
                              else Outcome(label=label, findings=result))
    return outcomes  # type: ignore[return-value] - every None slot was filled above


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
    """Stateless extraction of whole files (no listing split): (source, findings or error),
    in order, extracted in batches."""
    from reckon.ingest import IngestFailure, read_document
    from reckon.ingest.sources import load_inputs

    for group in groups(load_inputs([str(p) for p in paths])):
        read: list[tuple[str, Document | ReckonError]] = []
        for raw in group:
            if isinstance(raw, IngestFailure):
                read.append((raw.source, raw.error))
                continue
            try:
                read.append((raw.source, read_document(raw)))
            except ReckonError as error:
                read.append((raw.source, error))
        results = iter(_extract_safely([item for _, item in read if isinstance(item, Document)]))
        for source, item in read:
            yield source, next(results) if isinstance(item, Document) else item


def store_document(ledger, document: Document) -> bool:
    """Extract one document and store it; False when the ledger already holds its content.

    For callers that get documents one at a time (``reckon watch``); resolving is left to
    them, once per batch, as ingest_into does.
    """
    if ledger.has_document(document.id):
        return False
    (result,) = _extract_safely([document])
    if isinstance(result, ReckonError):
        raise result
    return ledger.add(result)
