"""Schema: views, constraints and triggers, as the database itself enforces them."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from conftest import fictional_findings
from sqlalchemy.exc import DBAPIError, IntegrityError

from reckon.model import Incident, IncidentReport
from reckon.store import Ledger, schema


@pytest.fixture
def ledger(ledger_url: str):
    with Ledger(ledger_url) as opened:
        opened.add(fictional_findings(1))
        opened.add(fictional_findings(2))
        yield opened


def save_one_incident(ledger: Ledger) -> None:
    first, second = fictional_findings(1), fictional_findings(2)
    reports = tuple(
        IncidentReport(
            document_id=f.document.id,
            index=0,
            published=f.document.published,
            report=f.incidents[0],
        )
        for f in (first, second)
    )
    ledger.save_incidents([Incident(id="inc-1", date="2031-03-11", place=None, reports=reports)])


def test_claims_view_evidence_equals_span_text(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        claims = (
            connection.execute(sa.text("SELECT * FROM claims ORDER BY count_id")).mappings().all()
        )
    assert len(claims) == 8
    for claim in claims:
        text = ledger.document(claim["document_id"]).text
        assert claim["evidence"] == text[claim["span_start"] : claim["span_end"]]
        assert claim["outlet"] == "Le Héraut d’Ostrava"
    assert [claim["evidence"] for claim in claims[:4]] == ["At least 23", "19", "Seven", "up to 40"]


def test_incident_summary_view_gives_killed_range_and_documents(ledger: Ledger) -> None:
    save_one_incident(ledger)
    with ledger.engine.connect() as connection:
        summary = connection.execute(sa.text("SELECT * FROM incident_summary")).mappings().one()
    # 23 ("at least", no upper bound) and 19 from each of two documents.
    assert (summary["killed_min"], summary["killed_max"]) == (19, 23)
    assert summary["killed_claims"] == 4
    assert summary["document_count"] == 2


def test_sqlite_file_opens_with_the_sqlite3_module(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ledger.db"
    with Ledger(str(path)) as ledger:
        ledger.add(fictional_findings())
        save_one_incident_single(ledger)
    connection = sqlite3.connect(path)
    try:
        evidence = [
            row[0] for row in connection.execute("SELECT evidence FROM claims ORDER BY count_id")
        ]
        summary = connection.execute(
            "SELECT killed_min, killed_max, document_count FROM incident_summary"
        ).fetchall()
        journal = connection.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        connection.close()
    assert evidence == ["At least 23", "19", "Seven", "up to 40"]
    assert summary == [(19, 23, 1)]
    assert journal == "wal"


def save_one_incident_single(ledger: Ledger) -> None:
    findings = fictional_findings()
    report = IncidentReport(
        document_id=findings.document.id, index=0, published=None, report=findings.incidents[0]
    )
    ledger.save_incidents([Incident(id="inc-1", date=None, place=None, reports=(report,))])


def add_review(connection: sa.Connection, action: str = "accept") -> None:
    connection.execute(
        schema.reviews.insert(),
        {
            "target_table": "counts",
            "target_id": "1",
            "action": action,
            "before": {"min": 23},
            "after": None,
            "editor": "ed",
            "at": "2031-03-16T10:00:00+00:00",
        },
    )


@pytest.mark.parametrize(
    "statement",
    [sa.update(schema.reviews).values(editor="someone else"), sa.delete(schema.reviews)],
    ids=["update", "delete"],
)
def test_reviews_are_append_only(ledger: Ledger, statement: sa.Executable) -> None:
    with ledger.engine.begin() as connection:
        add_review(connection)
    with pytest.raises(DBAPIError, match="append-only"), ledger.engine.begin() as connection:
        connection.execute(statement)
    with ledger.engine.connect() as connection:
        assert connection.execute(sa.select(schema.reviews.c.editor)).scalars().all() == ["ed"]


def test_reviews_action_is_checked(ledger: Ledger) -> None:
    with pytest.raises(IntegrityError), ledger.engine.begin() as connection:
        add_review(connection, action="delete")


def test_foreign_keys_are_enforced(ledger: Ledger) -> None:
    row = {
        "document_id": "ffffffffffffffff",
        "speaker": None,
        "text": "x",
        "span_start": 0,
        "span_end": 1,
        "extractor": "t",
    }
    with pytest.raises(IntegrityError), ledger.engine.begin() as connection:
        connection.execute(schema.quotes.insert(), row)
