"""The Ledger: the one object that writes findings and incidents and reads them back.

Every write is one transaction: a document and all its findings are stored together or
not at all, and storing a document the ledger already holds changes nothing (the id is
the hash of the clean text, so re-ingesting the same input is a no-op).
"""

from __future__ import annotations

import functools

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from reckon.errors import StoreError
from reckon.model import (
    Actor,
    Document,
    DocumentFindings,
    Incident,
    IncidentReport,
    ReportedIncident,
)
from reckon.store import rows, schema
from reckon.store.engine import describe_error, migrate, open_engine, serialise, write

__all__ = ["Ledger"]

# Rows per "WHERE x IN (...)": far below SQLite's bound-parameter limit, and large
# enough that reading every incident stays a handful of queries.
_CHUNK = 500


class _AlreadyStored(Exception):
    """Raised inside a write to roll it back when another writer stored the document first."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _insert_ignore(connection: Connection, table: sa.Table) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING, which both back ends spell the same way."""
    insert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    return insert(table).on_conflict_do_nothing()


class Ledger:
    """Findings and incidents in a SQLite file (default) or a PostgreSQL database.

    ``db_url`` is a SQLAlchemy URL or a plain path to a SQLite file. Opening migrates
    the schema to head. Use as a context manager, or call ``close()``.
    """

    def __init__(self, db_url: str = "sqlite:///reckon.db") -> None:
        self._engine = open_engine(db_url)
        try:
            migrate(self._engine)
        except BaseException:
            self._engine.dispose()
            raise

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self._engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        self._engine.dispose()

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine, for readers that need plain SQL (web pages, exports)."""
        return self._engine

    # ---- writing ---------------------------------------------------------------------

    def add(self, findings: DocumentFindings) -> bool:
        """Store one document with all its findings; False (and no change) if already stored.

        Raises StoreError R404 when the write fails (a span outside the text, a broken
        connection); the transaction is rolled back, so nothing of the document remains.
        """
        document = findings.document
        _check_spans(findings)
        try:
            with write(self._engine) as connection:
                if _has_document(connection, document.id):
                    return False
                _write_findings(connection, findings)
        except _AlreadyStored:
            return False
        except SQLAlchemyError as error:
            raise StoreError(
                f"storing the document failed: {describe_error(error)}",
                where=document.id,
                code="R404",
            ) from None
        return True

    def save_incidents(self, incidents: Sequence[Incident]) -> None:
        """Replace every incident, report and conflict with ``incidents``, in one transaction.

        Ids are kept as given (the resolver keeps them stable across runs), so links to an
        incident page stay valid. Every report must point at a stored document's incident;
        otherwise StoreError R404 and the previous incidents stay as they were.
        """
        updated_at = _now()
        incident_rows = [
            rows.incident_row(incident, updated_at=updated_at) for incident in incidents
        ]
        report_rows = [
            rows.incident_report_row(i.id, report) for i in incidents for report in i.reports
        ]
        conflict_rows = [
            rows.conflict_row(i.id, conflict) for i in incidents for conflict in i.conflicts
        ]
        try:
            with write(self._engine) as connection:
                serialise(connection, "incidents")
                for table in (schema.conflicts, schema.incident_reports, schema.incidents):
                    connection.execute(table.delete())
                for table, table_rows in (
                    (schema.incidents, incident_rows),
                    (schema.incident_reports, report_rows),
                    (schema.conflicts, conflict_rows),
                ):
                    if table_rows:
                        connection.execute(table.insert(), table_rows)
        except SQLAlchemyError as error:
            raise StoreError(
                f"saving incidents failed: {describe_error(error)}", where="incidents", code="R404"
            ) from None

    # ---- reading ---------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise StoreError(
                f"reading the database failed: {describe_error(error)}", code="R401"
            ) from None

    def has_document(self, document_id: str) -> bool:
        with self._reading() as connection:
            return _has_document(connection, document_id)

    def document(self, document_id: str) -> Document:
        """The stored document with this id (or unique id prefix); StoreError R403 if none."""
        with self._reading() as connection:
            document_id = _resolve_id(connection, schema.documents, document_id, "document")
            ((document, _version),) = _read_documents(connection, [document_id])
            return document

    def documents(self) -> Iterator[Document]:
        """Every stored document, in the order they were stored."""
        for chunk in _chunks(self._document_ids()):
            with self._reading() as connection:
                batch = _read_documents(connection, chunk)
            yield from (document for document, _version in batch)

    def findings(self, document_id: str) -> DocumentFindings:
        """Everything stored for one document, equal to what ``add`` was given."""
        with self._reading() as connection:
            document_id = _resolve_id(connection, schema.documents, document_id, "document")
            return _read_findings(connection, document_id)

    def all_findings(self) -> Iterator[DocumentFindings]:
        """Every document's findings. Each is read in its own short transaction, so a
        long iteration never holds a lock that writers would wait on."""
        for document_id in self._document_ids():
            with self._reading() as connection:
                findings = _read_findings(connection, document_id)
            yield findings

    def actors(self) -> list[Actor]:
        """Every actor a document named, with every alias any document defined for it
        ("Jaysh al-Bayaan (JAB)"): the ledger-wide alias table the views canonicalise with."""
        with self._reading() as connection:
            aliases: dict[str, set[str]] = defaultdict(set)
            for name in connection.execute(sa.select(schema.actors.c.name)).scalars():
                aliases.setdefault(name, set())
            for actor, alias in connection.execute(sa.select(schema.actor_aliases.c.actor, schema.actor_aliases.c.alias)):
                aliases[actor].add(alias)
        return [Actor(name=name, aliases=tuple(sorted(found))) for name, found in sorted(aliases.items())]

    def incidents(self) -> list[Incident]:
        """Every incident, by date (undated last), then id."""
        with self._reading() as connection:
            return _read_incidents(connection, None)

    def incident(self, incident_id: str) -> Incident:
        """The incident with this id (or unique id prefix); StoreError R403 if none."""
        with self._reading() as connection:
            incident_id = _resolve_id(connection, schema.incidents, incident_id, "incident")
            return _read_incidents(connection, incident_id)[0]

    def _document_ids(self) -> list[str]:
        documents = schema.documents
        with self._reading() as connection:
            query = sa.select(documents.c.id).order_by(documents.c.ingested_at, documents.c.id)
            return list(connection.scalars(query))


# ---- writing helpers -----------------------------------------------------------------


def _check_spans(findings: DocumentFindings) -> None:
    """Refuse findings that point outside their text: the evidence would be unreadable."""
    length = len(findings.document.text)
    for label, span in rows.spans_of(findings):
        if span.end > length:
            raise StoreError(
                f"{label} span [{span.start}, {span.end}) lies outside the text ({length} characters)",
                where=findings.document.id,
                code="R404",
            )


def _has_document(connection: Connection, document_id: str) -> bool:
    documents = schema.documents
    query = sa.select(documents.c.id).where(documents.c.id == document_id)
    return connection.execute(query).first() is not None


def _store_raw(connection: Connection, document: Document) -> str | None:
    """Store the raw bytes once per SHA-256; return the hash the document row links to."""
    blobs = schema.raw_blobs
    if document.raw:
        row = {"sha256": document.raw_sha256, "bytes": document.raw, "size": len(document.raw)}
        connection.execute(_insert_ignore(connection, blobs), row)
        return document.raw_sha256
    if not document.raw_sha256:
        return None
    # A hash without bytes (a caller dropped them to travel light) links only to bytes an
    # earlier document stored; dropping the hash silently would break chain of custody.
    if connection.execute(
        sa.select(blobs.c.sha256).where(blobs.c.sha256 == document.raw_sha256)
    ).first():
        return document.raw_sha256
    raise StoreError(
        f"the document names raw bytes {document.raw_sha256[:12]}... that it does not carry "
        "and the ledger does not hold",
        where=document.id,
        code="R404",
    )


def _write_findings(connection: Connection, findings: DocumentFindings) -> None:
    document = findings.document
    document_id = document.id
    raw_sha256 = _store_raw(connection, document)
    row = rows.document_row(
        document,
        extractor_version=findings.extractor_version,
        raw_sha256=raw_sha256,
        ingested_at=_now(),
    )
    # RETURNING, not rowcount: SQLAlchemy reports -1 as the rowcount of an INSERT.
    insert = _insert_ignore(connection, schema.documents).returning(schema.documents.c.id)
    if connection.execute(insert, row).first() is None:
        raise _AlreadyStored  # a concurrent writer (PostgreSQL) got there first

    incident_rows, count_rows, accusation_rows = [], [], []
    for idx, incident in enumerate(findings.incidents):
        incident_rows.append(rows.reported_incident_row(document_id, idx, incident))
        count_rows.extend(rows.count_row(document_id, idx, count) for count in incident.counts)
        accusation_rows.extend(
            rows.accusation_row(document_id, idx, a) for a in incident.perpetrators
        )
    actor_names = list(dict.fromkeys(actor.name for actor in findings.actors))
    alias_rows = list(
        {
            (actor.name, alias): {"actor": actor.name, "alias": alias, "document_id": document_id}
            for actor in findings.actors
            for alias in actor.aliases
        }.values()
    )
    _insert_all(connection, schema.reported_incidents, incident_rows)
    _insert_all(connection, schema.counts, count_rows)
    _insert_all(connection, schema.accusations, accusation_rows)
    _insert_all(
        connection, schema.quotes, [rows.quote_row(document_id, quote) for quote in findings.quotes]
    )
    if actor_names:
        connection.execute(
            _insert_ignore(connection, schema.actors), [{"name": name} for name in actor_names]
        )
    document_actors = [
        {"document_id": document_id, "idx": idx, "actor": actor.name}
        for idx, actor in enumerate(findings.actors)
    ]
    _insert_all(connection, schema.document_actors, document_actors)
    _insert_all(connection, schema.actor_aliases, alias_rows)
    _insert_all(
        connection,
        schema.inconsistencies,
        [
            rows.inconsistency_row(document_id, inconsistency)
            for inconsistency in findings.inconsistencies
        ],
    )


def _insert_all(connection: Connection, table: sa.Table, table_rows: list[dict[str, Any]]) -> None:
    if table_rows:  # executemany with no rows is an error on some drivers
        connection.execute(table.insert(), table_rows)


# ---- reading helpers -----------------------------------------------------------------


def _resolve_id(connection: Connection, table: sa.Table, wanted: str, noun: str) -> str:
    """The full id for ``wanted``: itself if stored, else the one id it is a prefix of."""
    column = table.c.id
    if wanted and connection.execute(_exact_id(table), {"id": wanted}).first():
        return wanted
    # substr rather than LIKE: ids may contain % or _, which LIKE would read as wildcards.
    matches = (
        []
        if not wanted
        else list(
            connection.scalars(
                sa.select(column).where(sa.func.substr(column, 1, len(wanted)) == wanted).limit(2)
            )
        )
    )
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise StoreError(
            f"{wanted!r} is the start of several {noun} ids; give more characters",
            where=wanted,
            code="R403",
        )
    raise StoreError(f"no {noun} with id {wanted!r}", where=wanted, code="R403")


# Statements the readers run for every web page are built once (per table, per order):
# building a Select, and its cache key, costs more than SQLite takes to answer it. Cached
# by names: SQLAlchemy columns overload ==, so they make unsafe cache keys.
_IDS = sa.bindparam("ids", expanding=True)


def _exact_id(table: sa.Table) -> sa.Select:
    return _exact_id_of(table.name)


@functools.cache
def _exact_id_of(name: str) -> sa.Select:
    table = schema.metadata.tables[name]
    return sa.select(table.c.id).where(table.c.id == sa.bindparam("id"))


@functools.cache
def _documents_statement(raw: bool) -> sa.Select:
    documents, blobs = schema.documents, schema.raw_blobs
    if not raw:
        return sa.select(documents, sa.null().label("bytes")).where(documents.c.id.in_(_IDS))
    return (
        sa.select(documents, blobs.c.bytes)
        .outerjoin(blobs, blobs.c.sha256 == documents.c.raw_sha256)
        .where(documents.c.id.in_(_IDS))
    )


@functools.cache
def _by_document_statement(name: str, order: str) -> sa.Select:
    table = schema.metadata.tables[name]
    return sa.select(table).where(table.c.document_id.in_(_IDS)).order_by(table.c[order])


@functools.cache
def _of_incident_statement(name: str, column: str, order: str | None) -> sa.Select:
    table = schema.metadata.tables[name]
    query = sa.select(table).where(table.c[column] == sa.bindparam("incident_id"))
    return query.order_by(table.c[order]) if order else query


def _read_documents(
    connection: Connection, document_ids: Sequence[str], *, raw: bool = True
) -> list[tuple[Document, str]]:
    """Documents (with their raw bytes unless ``raw`` is False: their SHA-256 is kept either
    way) and extractor versions, in the order of the ids."""
    found = {
        row["id"]: (rows.read_document(row, row["bytes"]), row["extractor_version"])
        for row in connection.execute(
            _documents_statement(raw), {"ids": list(document_ids)}
        ).mappings()
    }
    return [found[document_id] for document_id in document_ids if document_id in found]


def _by_document(
    connection: Connection, table: sa.Table, document_ids: Sequence[str], order: sa.Column
) -> Iterator[Any]:
    query = _by_document_statement(table.name, order.name)
    for chunk in _chunks(list(document_ids)):
        yield from connection.execute(query, {"ids": list(chunk)}).mappings()


def _read_reported(
    connection: Connection, document_ids: Iterable[str]
) -> dict[tuple[str, int], ReportedIncident]:
    """Every reported incident of these documents, with its counts and accusations."""
    ids = sorted(set(document_ids))
    counts, accusations = defaultdict(list), defaultdict(list)
    for row in _by_document(connection, schema.counts, ids, schema.counts.c.id):
        counts[row["document_id"], row["incident_idx"]].append(rows.read_count(row))
    for row in _by_document(connection, schema.accusations, ids, schema.accusations.c.id):
        accusations[row["document_id"], row["incident_idx"]].append(rows.read_accusation(row))
    reported = {}
    for row in _by_document(
        connection, schema.reported_incidents, ids, schema.reported_incidents.c.idx
    ):
        key = (row["document_id"], row["idx"])
        reported[key] = rows.read_reported_incident(row, counts[key], accusations[key])
    return reported


def _read_findings(connection: Connection, document_id: str) -> DocumentFindings:
    ((document, extractor_version),) = _read_documents(connection, [document_id])
    ids = [document_id]
    reported = _read_reported(connection, ids)
    aliases = defaultdict(list)
    for row in _by_document(connection, schema.actor_aliases, ids, schema.actor_aliases.c.id):
        aliases[row["actor"]].append(row["alias"])
    actors = tuple(
        Actor(name=row["actor"], aliases=tuple(aliases[row["actor"]]))
        for row in _by_document(
            connection, schema.document_actors, ids, schema.document_actors.c.idx
        )
    )
    quotes = tuple(
        rows.read_quote(row)
        for row in _by_document(connection, schema.quotes, ids, schema.quotes.c.id)
    )
    inconsistencies = tuple(
        rows.read_inconsistency(row)
        for row in _by_document(
            connection, schema.inconsistencies, ids, schema.inconsistencies.c.id
        )
    )
    return DocumentFindings(
        document=document,
        incidents=tuple(reported[key] for key in sorted(reported)),
        quotes=quotes,
        actors=actors,
        inconsistencies=inconsistencies,
        extractor_version=extractor_version,
    )


def _read_incidents(connection: Connection, incident_id: str | None) -> list[Incident]:
    incidents, reports, conflicts = schema.incidents, schema.incident_reports, schema.conflicts
    params = {"incident_id": incident_id} if incident_id is not None else {}

    def select(table: sa.Table, column: str, order: str | None) -> sa.Select:
        if incident_id is None:
            return sa.select(table).order_by(table.c[order]) if order else sa.select(table)
        return _of_incident_statement(table.name, column, order)

    undated_last = sa.case((incidents.c.date.is_(None), 1), else_=0)
    incident_rows = (
        connection.execute(
            select(incidents, "id", None)  # one row: no order
            if incident_id is not None
            else sa.select(incidents).order_by(undated_last, incidents.c.date, incidents.c.id),
            params,
        )
        .mappings()
        .all()
    )
    report_rows = (
        connection.execute(select(reports, "incident_id", "id"), params).mappings().all()
    )
    reported = _read_reported(connection, (row["document_id"] for row in report_rows))
    by_incident: dict[str, list[IncidentReport]] = defaultdict(list)
    for row in report_rows:
        by_incident[row["incident_id"]].append(
            IncidentReport(
                document_id=row["document_id"],
                index=row["incident_idx"],
                published=row["published"],
                report=reported[row["document_id"], row["incident_idx"]],
                independence_group=row["independence_group"],
            )
        )
    conflict_rows = connection.execute(select(conflicts, "incident_id", "id"), params)
    conflicts_of = defaultdict(list)
    for row in conflict_rows.mappings():
        conflicts_of[row["incident_id"]].append(rows.read_conflict(row))
    return [
        Incident(
            id=row["id"],
            date=row["date"],
            place=rows.read_place(row),
            reports=tuple(by_incident[row["id"]]),
            conflicts=tuple(conflicts_of[row["id"]]),
        )
        for row in incident_rows
    ]
