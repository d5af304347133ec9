"""A review survives re-ingesting its document, as is and changed, through the real pipeline
(ingest -> extract -> store -> resolve), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from reckon.model import CountKind, ReviewState
from reckon.pipeline import ingest_into
from reckon.store import Ledger, schema
from reckon.store.engine import write
from reckon.store.review import Correction, review_claim, reviewed_claims

# A fictional wire report (the town, the officials and the group do not exist).
REPORT = (
    "Gunmen kill 14 in raid on Velmora market\n\n"
    "VELMORA, 12 June 2030 - Gunmen killed 14 people at a market in Velmora on Tuesday, "
    "the district governor said. A hospital official put the toll at 17.\n"
)
UPDATE = "\nResidents said the market would reopen next week.\n"


def incident_holding(ledger: Ledger, document_id: str) -> str:
    return next(i.id for i in ledger.incidents() for r in i.reports if r.document_id == document_id)


def test_review_survives_reingest_of_same_and_changed_document(ledger_url: str, tmp_path: Path) -> None:
    source = tmp_path / "velmora-wire-2030-06-12.txt"
    source.write_text(REPORT, encoding="utf-8")
    with Ledger(ledger_url) as ledger:
        assert ingest_into(ledger, [source]).stored == 1
        (document,) = ledger.documents()
        with ledger.engine.connect() as connection:
            count = connection.execute(
                sa.select(schema.counts).where(schema.counts.c.min == 14).order_by(schema.counts.c.id)
            ).mappings().first()  # the headline's figure
        with write(ledger.engine) as connection:
            review_claim(
                connection,
                count_id=count["id"],
                action="correct",
                editor="ines",
                correction=Correction(kind=CountKind.KILLED, min=15, max=15, claimant=count["claimant"]),
            )
        incident_id = incident_holding(ledger, document.id)

        again = ingest_into(ledger, [source])  # the same bytes: nothing changes
        assert (again.stored, again.duplicates) == (0, 1)
        source.write_text(REPORT + UPDATE, encoding="utf-8")  # the outlet updates its story
        changed = ingest_into(ledger, [source])
        assert changed.stored == 1
        assert incident_holding(ledger, document.id) == incident_id  # ids are stable

        with ledger.engine.connect() as connection:
            reviewed = reviewed_claims(connection, incident_id)
            kept = connection.execute(
                sa.select(schema.counts.c.min).where(schema.counts.c.id == count["id"])
            ).scalar_one()
    (review,) = reviewed.values()
    assert review.state is ReviewState.CORRECTED
    assert (review.machine["min"], review.value["min"]) == (14, 15)
    assert kept == 14  # the machine's finding was never overwritten
