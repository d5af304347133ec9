"""Two writers on one database (threads, then processes) both keep every document."""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import sqlalchemy as sa
from conftest import fictional_findings

from reckon.store import Ledger, schema

# A child process: opens the (possibly not yet migrated) database and adds documents.
# Each document carries one count, so findings rows are written too, not just documents.
CHILD = """
import json, sys
from reckon.model import AUTHOR, Count, CountKind, Document, DocumentFindings, ReportedIncident, Span
from reckon.store import Ledger
url, texts = sys.argv[1], json.loads(sys.argv[2])
with Ledger(url) as ledger:
    for text in texts:
        count = Count(kind=CountKind.KILLED, min=3, max=3, claimant=AUTHOR,
                      span=Span(start=0, end=5), extractor="test")
        ledger.add(DocumentFindings(document=Document(text=text),
                                    incidents=(ReportedIncident(date=None, place=None, counts=(count,)),)))
"""


def stored_counts(url: str) -> tuple[int, int]:
    with Ledger(url) as ledger, ledger.engine.connect() as connection:
        documents = connection.execute(
            sa.select(sa.func.count()).select_from(schema.documents)
        ).scalar_one()
        counts = connection.execute(
            sa.select(sa.func.count()).select_from(schema.counts)
        ).scalar_one()
    return documents, counts


def test_two_ledgers_in_two_threads_keep_every_document(ledger_url: str) -> None:
    # Variants 0-19 and 15-34: five documents are added by both writers, concurrently.
    batches = [range(0, 20), range(15, 35)]
    errors: list[BaseException] = []

    def writer(variants: range) -> None:
        try:
            with Ledger(ledger_url) as ledger:
                for variant in variants:
                    ledger.add(fictional_findings(variant))
        except BaseException as error:  # surfaced below: a thread cannot fail the test itself
            errors.append(error)

    Ledger(ledger_url).close()  # migrate once, so the threads race on writes only
    threads = [threading.Thread(target=writer, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert stored_counts(ledger_url) == (35, 35 * 4)


def test_two_processes_keep_every_document(ledger_url: str) -> None:
    texts = [f"Raid number {n} on the fictional town of Vesk." for n in range(30)]
    batches = [texts[:20], texts[10:]]  # ten documents are written by both processes
    # Both start on a database no one has migrated yet: migrating must be serialised too.
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, ledger_url, json.dumps(batch)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for batch in batches
    ]
    failures = []
    for child in children:
        _, stderr = child.communicate(timeout=120)
        if child.returncode != 0:
            failures.append(stderr)
    assert failures == []
    assert stored_counts(ledger_url) == (30, 30)


def save_review_row(url: str, *, target_id: str, editor: str) -> None:
    """Append one row to the append-only ``reviews`` table, as the review feature will."""
    from datetime import UTC, datetime

    from reckon.store.engine import open_engine, write

    engine = open_engine(url)
    try:
        with write(engine) as connection:
            connection.execute(schema.reviews.insert(), {
                "target_table": "counts", "target_id": target_id, "action": "accept",
                "before": {"min": 1}, "after": None, "editor": editor, "at": datetime.now(UTC).isoformat(),
            })
    finally:
        engine.dispose()


def test_two_cli_ingests_at_once_keep_every_document_and_a_review_saved_meanwhile(ledger_url: str, tmp_path) -> None:
    import time

    from ledger_faults import count_rows, start_reckon, write_reports

    # Two folders sharing four reports: both processes try to store those four.
    first = write_reports(tmp_path / "a", 8)
    second = write_reports(tmp_path / "b", 8, start=4)
    children = [start_reckon("ingest", str(folder), "--db", ledger_url) for folder in (first[0].parent, second[0].parent)]
    deadline = time.monotonic() + 120
    while count_rows(ledger_url, "counts") == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    with Ledger(ledger_url) as ledger, ledger.engine.connect() as connection:
        target = connection.execute(sa.select(schema.counts.c.id).limit(1)).scalar_one()
    still_running = sum(child.poll() is None for child in children)
    save_review_row(ledger_url, target_id=str(target), editor="reviewer-during-ingest")
    outputs = [child.communicate(timeout=180) for child in children]
    assert [child.returncode for child in children] == [0, 0], outputs
    assert still_running, "both ingests ended before the review was saved; the test proved nothing"
    assert count_rows(ledger_url, "documents") == 12
    with Ledger(ledger_url) as ledger, ledger.engine.connect() as connection:
        reviews = connection.execute(sa.select(schema.reviews.c.target_id, schema.reviews.c.editor)).all()
        documents = connection.execute(sa.select(schema.documents.c.source)).scalars().all()
    assert [tuple(row) for row in reviews] == [(str(target), "reviewer-during-ingest")]
    assert sorted(p.rsplit("/", 1)[1] for p in documents) == sorted({p.name for p in (*first, *second)})
