"""Reviews: a layer over the machine's findings that survives re-ingest and re-resolution."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from conftest import fictional_findings

from reckon.errors import ReviewError
from reckon.model import CountKind, ReviewState
from reckon.pipeline import refresh_incidents, resolve_ledger
from reckon.store import Ledger, schema
from reckon.store.engine import write
from reckon.store.review import (
    Correction,
    add_actor_alias,
    added_aliases,
    audit_log,
    claim_key,
    merge_incidents,
    merged_into,
    review_claim,
    reviewed_claims,
    split_incident,
)
from reckon.store.review_queue import review_queue, uncertainty


@pytest.fixture
def ledger(ledger_url: str):
    with Ledger(ledger_url) as ledger:
        ledger.add(fictional_findings(1))
        resolve_ledger(ledger)
        yield ledger


def count_rows(ledger: Ledger) -> list[dict]:
    with ledger.engine.connect() as connection:
        query = sa.select(schema.counts).order_by(schema.counts.c.id)
        return [dict(row) for row in connection.execute(query).mappings()]


def count_id(ledger: Ledger, min_value: int) -> int:
    return next(row["id"] for row in count_rows(ledger) if row["min"] == min_value)


def incident_of(ledger: Ledger, document_id: str, index: int = 0) -> str:
    return next(
        incident.id
        for incident in ledger.incidents()
        for report in incident.reports
        if (report.document_id, report.index) == (document_id, index)
    )


def correct_19_to_21(ledger: Ledger, *, editor: str = "ines") -> None:
    with write(ledger.engine) as connection:
        review_claim(
            connection,
            count_id=count_id(ledger, 19),
            action="correct",
            editor=editor,
            correction=Correction(
                kind=CountKind.KILLED, min=21, max=21, claimant="Valdorian Interior Ministry"
            ),
            note="the ministry's statement says 21",
        )


def test_correct_keeps_the_machine_claim_and_shows_both(ledger: Ledger) -> None:
    before = count_rows(ledger)
    correct_19_to_21(ledger)
    assert count_rows(ledger) == before  # machine findings untouched
    document_id = fictional_findings(1).document.id
    with ledger.engine.connect() as connection:
        reviewed = reviewed_claims(connection, incident_of(ledger, document_id))
    (review,) = reviewed.values()
    machine = next(row for row in before if row["min"] == 19)
    assert review.key == claim_key(
        document_id, (machine["span_start"], machine["span_end"]), "killed"
    )
    assert review.state is ReviewState.CORRECTED
    assert (review.machine["min"], review.value["min"]) == (19, 21)
    assert review.editor == "ines" and review.note == "the ministry's statement says 21"


def test_latest_review_wins_and_every_review_is_logged(ledger: Ledger) -> None:
    correct_19_to_21(ledger)
    with write(ledger.engine) as connection:
        review_claim(connection, count_id=count_id(ledger, 19), action="accept", editor="omar")
    with ledger.engine.connect() as connection:
        incident_id = incident_of(ledger, fictional_findings(1).document.id)
        (review,) = reviewed_claims(connection, incident_id).values()
        entries, total = audit_log(connection)
    assert review.state is ReviewState.ACCEPTED and review.value["min"] == 19
    assert total == 2 and [e.action for e in entries] == ["accept", "correct"]
    assert entries[1].before["min"] == 19 and entries[1].after["min"] == 21


def test_reviews_are_append_only(ledger: Ledger) -> None:
    correct_19_to_21(ledger)
    for statement in ("UPDATE reviews SET editor = 'mallory'", "DELETE FROM reviews"):
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with write(ledger.engine) as connection:
                connection.execute(sa.text(statement))


def test_review_survives_reingest_of_same_and_changed_document(ledger: Ledger) -> None:
    correct_19_to_21(ledger)
    original = fictional_findings(1)
    assert ledger.add(original) is False  # the same document again: nothing changes
    changed = fictional_findings(2)  # a new version of the story, so a new document id
    assert ledger.add(changed) is True
    resolve_ledger(ledger)
    resolve_ledger(ledger)
    incident_id = incident_of(ledger, original.document.id)
    assert incident_of(ledger, changed.document.id) == incident_id
    with ledger.engine.connect() as connection:
        reviewed = reviewed_claims(connection, incident_id)
    assert [r.value["min"] for r in reviewed.values()] == [21]


def test_review_follows_a_rewritten_count(ledger: Ledger) -> None:
    # A re-extraction writes the counts again with new row ids: the key still matches.
    correct_19_to_21(ledger)
    rows = count_rows(ledger)
    with write(ledger.engine) as connection:
        connection.execute(schema.counts.delete())
        connection.execute(schema.counts.insert(), [{**r, "id": r["id"] + 1000} for r in rows])
    with ledger.engine.connect() as connection:
        incident_id = incident_of(ledger, fictional_findings(1).document.id)
        assert len(reviewed_claims(connection, incident_id)) == 1


@pytest.mark.parametrize(
    ("action", "correction", "message"),
    [
        ("delete", None, "one of accept"),
        ("correct", None, "carries a new value"),
        ("accept", Correction(kind=CountKind.KILLED, min=1, max=1, claimant="x"), "only"),
    ],
)
def test_bad_claim_reviews_are_refused(
    ledger: Ledger, action: str, correction: Correction | None, message: str
) -> None:
    with pytest.raises(ReviewError, match=message), write(ledger.engine) as connection:
        review_claim(
            connection, count_id=count_id(ledger, 19), action=action, editor="x", correction=correction
        )


def test_correction_values_are_checked() -> None:
    with pytest.raises(ReviewError, match="exceeds"):
        Correction(kind=CountKind.KILLED, min=5, max=2, claimant="x")
    with pytest.raises(ReviewError, match="bound"):
        Correction(kind=CountKind.KILLED, min=None, max=None, claimant="x")
    with pytest.raises(ReviewError, match="claimant"):
        Correction(kind=CountKind.KILLED, min=1, max=1, claimant="  ")


def test_unknown_claim_is_r504(ledger: Ledger) -> None:
    with pytest.raises(ReviewError) as raised, write(ledger.engine) as connection:
        review_claim(connection, count_id=99999, action="accept", editor="x")
    assert raised.value.code == "R504"


def two_incident_ledger(ledger: Ledger) -> tuple[str, str]:
    document_id = fictional_findings(1).document.id
    raid, second = incident_of(ledger, document_id, 0), incident_of(ledger, document_id, 1)
    assert raid != second
    return raid, second


def test_merge_survives_re_resolution_and_new_documents(ledger: Ledger) -> None:
    raid, second = two_incident_ledger(ledger)
    with write(ledger.engine) as connection:
        entry = merge_incidents(connection, keep=raid, absorb=second, editor="ines")
    refresh_incidents(ledger, [raid])
    ledger.add(fictional_findings(3))
    resolve_ledger(ledger)
    resolve_ledger(ledger)
    ids = {incident.id for incident in ledger.incidents()}
    assert second not in ids
    merged = ledger.incident(raid)
    document_id = fictional_findings(1).document.id
    assert {(document_id, 0), (document_id, 1)} <= {(r.document_id, r.index) for r in merged.reports}
    assert entry.before["incidents"][second] == [[document_id, 1]]
    with ledger.engine.connect() as connection:
        assert merged_into(connection, second) == raid
        assert merged_into(connection, raid) is None


def test_split_survives_re_resolution(ledger: Ledger) -> None:
    ledger.add(fictional_findings(2))
    resolve_ledger(ledger)
    first, second = fictional_findings(1).document.id, fictional_findings(2).document.id
    raid = incident_of(ledger, first)
    assert incident_of(ledger, second) == raid
    with write(ledger.engine) as connection:
        new_id, entry = split_incident(
            connection, incident_id=raid, document_ids=[second], editor="ines", note="two raids"
        )
    refresh_incidents(ledger, [raid, new_id])
    ledger.add(fictional_findings(3))
    resolve_ledger(ledger)
    assert incident_of(ledger, second) == new_id
    assert incident_of(ledger, first) == raid
    assert entry.after["new_incident"] == new_id
    assert ledger.incident(new_id).date == "2031-03-11"


def test_split_must_move_some_but_not_all(ledger: Ledger) -> None:
    raid = incident_of(ledger, fictional_findings(1).document.id)
    for documents in ([], [fictional_findings(1).document.id]):
        with pytest.raises(ReviewError, match="not none and not all"):
            with write(ledger.engine) as connection:
                split_incident(connection, incident_id=raid, document_ids=documents, editor="x")


def test_merge_refuses_unknown_or_same_incident(ledger: Ledger) -> None:
    raid, _second = two_incident_ledger(ledger)
    for absorb in (raid, "inc-nope"):
        with pytest.raises(ReviewError), write(ledger.engine) as connection:
            merge_incidents(connection, keep=raid, absorb=absorb, editor="x")


def test_actor_alias(ledger: Ledger) -> None:
    with write(ledger.engine) as connection:
        add_actor_alias(connection, actor="Red Lantern Brigade", alias="  Lantern  Men ", editor="x")
    with ledger.engine.connect() as connection:
        assert added_aliases(connection) == {"Red Lantern Brigade": ["Lantern Men"]}
    for actor, alias in [
        ("Red Lantern Brigade", "RLB"),  # the machine already knows it
        ("Red Lantern Brigade", "lantern men"),  # an editor already added it
        ("Nobody", "N"),
    ]:
        with pytest.raises(ReviewError), write(ledger.engine) as connection:
            add_actor_alias(connection, actor=actor, alias=alias, editor="x")


def test_queue_puts_conflicting_then_uncertain_first(ledger: Ledger) -> None:
    with ledger.engine.connect() as connection:
        items, total = review_queue(connection)
    assert total == len(count_rows(ledger))
    # The killed figures (23 vs 19) are disputed: they come first, the open "at least 23"
    # (uncertainty 1) before the exact 19.
    assert [(i.kind, i.min) for i in items[:2]] == [("killed", 23), ("killed", 19)]
    assert items[0].evidence[1] == "At least 23"
    correct_19_to_21(ledger)
    with ledger.engine.connect() as connection:
        items, total_after = review_queue(connection)
    assert total_after == total - 1 and all(i.min != 19 for i in items)


def test_uncertainty() -> None:
    assert uncertainty(23, None) == uncertainty(None, 40) == 1.0
    assert uncertainty(40, 50) == pytest.approx(0.2)
    assert uncertainty(7, 7) == 0.0
