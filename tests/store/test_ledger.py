"""Ledger: round trips, idempotent re-ingest, all-or-nothing writes, lookups, errors."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa
from conftest import fictional_findings
from sqlalchemy.exc import OperationalError

from reckon.errors import StoreError
from reckon.model import Actor, DocumentFindings, Span
from reckon.store import Ledger, schema
from reckon.store import ledger as ledger_module


def row_counts(ledger: Ledger) -> dict[str, int]:
    with ledger.engine.connect() as connection:
        return {
            table.name: connection.execute(
                sa.select(sa.func.count()).select_from(table)
            ).scalar_one()
            for table in schema.metadata.sorted_tables
        }


@pytest.fixture
def ledger(ledger_url: str):
    with Ledger(ledger_url) as opened:
        yield opened


def test_add_round_trips_every_finding(ledger: Ledger) -> None:
    findings = fictional_findings()
    assert ledger.add(findings) is True
    assert ledger.findings(findings.document.id) == findings


def test_add_round_trips_a_bare_document(ledger: Ledger) -> None:
    from reckon.model import Document

    findings = DocumentFindings(document=Document(text="Nothing happened in Quillon today."))
    ledger.add(findings)
    assert ledger.findings(findings.document.id) == findings
    assert row_counts(ledger)["raw_blobs"] == 0


def test_add_same_document_twice_is_a_no_op(ledger: Ledger) -> None:
    findings = fictional_findings()
    ledger.add(findings)
    before = row_counts(ledger)
    assert ledger.add(findings) is False
    assert row_counts(ledger) == before
    assert before["documents"] == 1 and before["counts"] == 4


def test_add_losing_a_race_to_another_writer_is_a_no_op(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another writer commits the document between our check and our insert: the insert
    # itself must notice, and roll back what this transaction wrote before it.
    findings = fictional_findings()
    ledger.add(findings)
    before = row_counts(ledger)
    monkeypatch.setattr(ledger_module, "_has_document", lambda _connection, _id: False)
    assert ledger.add(replace(findings, extractor_version="other")) is False
    assert row_counts(ledger) == before
    assert ledger.findings(findings.document.id) == findings


def test_add_same_text_with_other_findings_keeps_the_first(ledger: Ledger) -> None:
    findings = fictional_findings()
    ledger.add(findings)
    assert ledger.add(replace(findings, quotes=(), extractor_version="other")) is False
    assert ledger.findings(findings.document.id) == findings


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("INSERT INTO quotes", {}, Exception("disk I/O error")),
        RuntimeError("bug in a step"),
    ],
    ids=["database-error", "python-error"],
)
def test_add_failing_midway_leaves_nothing(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    real_insert_all = ledger_module._insert_all

    def insert_then_fail(connection, table, table_rows):  # type: ignore[no-untyped-def]
        if table is schema.quotes:  # document, incidents and counts are written by now
            raise error
        real_insert_all(connection, table, table_rows)

    monkeypatch.setattr(ledger_module, "_insert_all", insert_then_fail)
    findings = fictional_findings()
    expected = StoreError if isinstance(error, OperationalError) else RuntimeError
    with pytest.raises(expected) as raised:
        ledger.add(findings)
    if expected is StoreError:
        assert raised.value.code == "R404"
        assert raised.value.where == findings.document.id
    assert not ledger.has_document(findings.document.id)
    assert all(count == 0 for count in row_counts(ledger).values())
    monkeypatch.undo()
    assert ledger.add(findings) is True  # nothing half-written blocks the retry


def test_add_span_outside_text_raises_r404(ledger: Ledger) -> None:
    findings = fictional_findings()
    quote = replace(findings.quotes[0], span=Span(start=0, end=len(findings.document.text) + 1))
    with pytest.raises(StoreError) as raised:
        ledger.add(replace(findings, quotes=(quote,)))
    assert raised.value.code == "R404"
    assert "quote span" in raised.value.message
    assert not ledger.has_document(findings.document.id)


def test_add_stores_shared_raw_bytes_once(ledger: Ledger) -> None:
    listing = b"<html>a listing page with two articles</html>"
    first, second = fictional_findings(1, raw=listing), fictional_findings(2, raw=listing)
    assert ledger.add(first) and ledger.add(second)
    assert row_counts(ledger)["raw_blobs"] == 1
    assert ledger.document(first.document.id).raw == listing
    assert ledger.document(second.document.id).raw == listing


def test_add_hash_without_bytes_links_to_stored_bytes(ledger: Ledger) -> None:
    carrier = fictional_findings(1)
    ledger.add(carrier)
    light = fictional_findings(2, raw=b"")
    light = replace(light, document=replace(light.document, raw_sha256=carrier.document.raw_sha256))
    ledger.add(light)
    assert ledger.document(light.document.id).raw == carrier.document.raw


def test_add_hash_without_bytes_unknown_raises_r404(ledger: Ledger) -> None:
    light = fictional_findings(raw=b"")
    light = replace(light, document=replace(light.document, raw_sha256="ab" * 32))
    with pytest.raises(StoreError) as raised:
        ledger.add(light)
    assert raised.value.code == "R404"
    assert not ledger.has_document(light.document.id)


def test_add_actors_are_shared_and_aliases_stay_per_document(ledger: Ledger) -> None:
    first = fictional_findings(1)
    second = replace(
        fictional_findings(2),
        actors=(Actor(name="Red Lantern Brigade", aliases=("the Lanterns",)),),
    )
    ledger.add(first)
    ledger.add(second)
    assert row_counts(ledger)["actors"] == 2
    assert ledger.findings(first.document.id).actors == first.actors
    assert ledger.findings(second.document.id).actors == second.actors


def test_has_document(ledger: Ledger) -> None:
    findings = fictional_findings()
    assert not ledger.has_document(findings.document.id)
    ledger.add(findings)
    assert ledger.has_document(findings.document.id)


def test_document_missing_raises_r403(ledger: Ledger) -> None:
    with pytest.raises(StoreError) as raised:
        ledger.document("0123456789abcdef")
    assert raised.value.code == "R403"


def test_findings_missing_raises_r403(ledger: Ledger) -> None:
    with pytest.raises(StoreError) as raised:
        ledger.findings("0123456789abcdef")
    assert raised.value.code == "R403"


def test_document_accepts_unique_prefix(ledger: Ledger) -> None:
    findings = fictional_findings()
    ledger.add(findings)
    assert ledger.document(findings.document.id[:6]) == findings.document


def test_documents_and_all_findings_list_everything_in_order(ledger: Ledger) -> None:
    stored = [fictional_findings(variant) for variant in range(3)]
    for findings in stored:
        ledger.add(findings)
    assert list(ledger.documents()) == [findings.document for findings in stored]
    assert list(ledger.all_findings()) == stored


def test_ledger_opens_a_plain_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "plain.db"
    with Ledger(str(path)) as ledger:
        ledger.add(fictional_findings())
    assert path.exists()
    with Ledger(f"sqlite:///{path}") as ledger:
        assert len(list(ledger.documents())) == 1


@pytest.mark.parametrize(
    "db_url",
    [
        "sqlite:////no/such/directory/reckon.db",
        "postgresql://reckon@127.0.0.1:1/nothing",
        "nosuchdb://x",
    ],
    ids=["sqlite-missing-dir", "postgres-refused", "unknown-scheme"],
)
def test_ledger_unopenable_raises_r401(db_url: str) -> None:
    with pytest.raises(StoreError) as raised:
        Ledger(db_url)
    assert raised.value.code == "R401"
    assert "password" not in str(raised.value)
