"""Ledger.save_incidents / incidents / incident: replaced wholesale, ids stable."""

from __future__ import annotations

import pytest
from conftest import fictional_findings

from reckon.errors import StoreError
from reckon.model import Conflict, DocumentFindings, Incident, IncidentReport, Place
from reckon.store import Ledger


def report(findings: DocumentFindings, index: int, group: str = "") -> IncidentReport:
    return IncidentReport(
        document_id=findings.document.id,
        index=index,
        published=findings.document.published,
        report=findings.incidents[index],
        independence_group=group,
    )


@pytest.fixture
def stored(ledger_url: str):
    first, second = fictional_findings(1), fictional_findings(2)
    with Ledger(ledger_url) as ledger:
        ledger.add(first)
        ledger.add(second)
        yield ledger, first, second


def two_incidents(first: DocumentFindings, second: DocumentFindings) -> list[Incident]:
    raid = Incident(
        id="inc-mirrenby",
        date="2031-03-11",
        place=Place(name="Mirrenby", country="ZZ", latitude=48.1234567, longitude=-3.5),
        reports=(report(first, 0, "heraut"), report(second, 0, "heraut")),
        conflicts=(
            Conflict(
                field="killed",
                sides=(("23", ("Governor of Oster",)), ("19", ("Valdorian Interior Ministry",))),
            ),
        ),
    )
    injured = Incident(id="inc-undated", date=None, place=None, reports=(report(first, 1),))
    return [raid, injured]


def test_save_incidents_round_trips(stored) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    incidents = two_incidents(first, second)
    ledger.save_incidents(incidents)
    assert ledger.incidents() == incidents  # by date, undated last
    assert ledger.incident("inc-mirrenby") == incidents[0]


def test_save_incidents_replaces_and_keeps_ids(stored) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    raid, _injured = two_incidents(first, second)
    ledger.save_incidents(two_incidents(first, second))
    narrowed = Incident(id=raid.id, date=raid.date, place=raid.place, reports=raid.reports[:1])
    ledger.save_incidents([narrowed])
    assert ledger.incidents() == [narrowed]


def test_save_incidents_unknown_report_raises_r404_and_keeps_old(stored) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    incidents = two_incidents(first, second)
    ledger.save_incidents(incidents)
    dangling = Incident(
        id="inc-ghost",
        date=None,
        place=None,
        reports=(
            IncidentReport(
                document_id="ffffffffffffffff", index=0, published=None, report=first.incidents[0]
            ),
        ),
    )
    with pytest.raises(StoreError) as raised:
        ledger.save_incidents([dangling])
    assert raised.value.code == "R404"
    assert ledger.incidents() == incidents


def test_save_incidents_duplicate_id_raises_r404(stored) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    raid, _ = two_incidents(first, second)
    with pytest.raises(StoreError) as raised:
        ledger.save_incidents([raid, raid])
    assert raised.value.code == "R404"


@pytest.mark.parametrize(
    ("wanted", "found"),
    [("inc-mirrenby", "inc-mirrenby"), ("inc-m", "inc-mirrenby"), ("inc-u", "inc-undated")],
)
def test_incident_accepts_unique_prefix(stored, wanted: str, found: str) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    ledger.save_incidents(two_incidents(first, second))
    assert ledger.incident(wanted).id == found


@pytest.mark.parametrize("wanted", ["inc-", "inc-zzz", ""], ids=["ambiguous", "missing", "empty"])
def test_incident_unknown_or_ambiguous_raises_r403(stored, wanted: str) -> None:  # type: ignore[no-untyped-def]
    ledger, first, second = stored
    ledger.save_incidents(two_incidents(first, second))
    with pytest.raises(StoreError) as raised:
        ledger.incident(wanted)
    assert raised.value.code == "R403"
