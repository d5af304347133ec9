from __future__ import annotations

import pytest

from reckon.model import CountKind, Incident, IncidentReport
from reckon.resolve.ranges import (
    claim_range,
    latest_per_claimant,
    resolve_claims,
    resolve_counts,
)

from ._builders import count, make_document, report

KILLED = CountKind.KILLED


def _incident(*parts: tuple[str, str | None, tuple]) -> Incident:
    """parts: (document id, published, counts) -> an incident with one report per part."""
    reports = tuple(
        IncidentReport(
            document_id=document_id,
            index=0,
            published=published,
            report=report("2030-04-01", "Verdan", counts=counts),
        )
        for document_id, published, counts in parts
    )
    return Incident(id="inc-test", date="2030-04-01", place=None, reports=reports)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ([count("killed", 52), count("killed", 50, claimant="State Bureau")], (50, 52)),
        ([count("killed", None, 770), count("killed", 52, claimant="Relief Network")], (52, 770)),
        (
            [count("killed", 23, same=False), count("killed", 20, claimant="Relief Network")],
            (20, 23),
        ),
        ([count("killed", 23, same=False)], (23, None)),
        ([count("killed", None, 770)], (None, 770)),
        ([count("killed", 40, 50), count("killed", 45, claimant="Relief Network")], (40, 50)),
        (
            [
                count("killed", 23, same=False),
                count("killed", 40, same=False, claimant="Relief Network"),
            ],
            (23, None),
        ),
    ],
)
def test_claim_range_none_aware_min_max(counts, expected) -> None:
    incident = _incident(("d1", "2030-04-02", tuple(counts)))
    got = claim_range(KILLED, resolve_claims(incident))
    assert (got.min, got.max) == expected


def test_claim_range_ignores_superseded_running_toll() -> None:
    toll = (
        count("killed", 22, start=10),
        count("killed", 24, start=50),
        count("killed", 46, start=90),
    )
    got = claim_range(KILLED, resolve_claims(_incident(("d1", "2030-04-02", toll))))
    assert (got.min, got.max) == (46, 46)


def test_claim_range_other_kinds_do_not_leak() -> None:
    counts = (count("killed", 5), count("injured", 30))
    got = claim_range(KILLED, resolve_claims(_incident(("d1", "2030-04-02", counts))))
    assert (got.min, got.max) == (5, 5)


def test_resolve_claims_author_is_keyed_by_outlet() -> None:
    first = make_document(key="first", published="2030-04-02", outlet="Daily Quill")
    second = make_document(key="second", published="2030-04-03", outlet="Daily Quill")
    other = make_document(key="other", published="2030-04-03", outlet="Kessa Star")
    incident = _incident(
        (first.id, first.published, (count("killed", 10),)),
        (second.id, second.published, (count("killed", 14),)),
        (other.id, other.published, (count("killed", 12),)),
    )
    documents = {d.id: d for d in (first, second, other)}
    claims = resolve_claims(incident, documents=documents)
    assert {c.holder for c in claims} == {"author of Daily Quill", "author of Kessa Star"}
    assert [c.superseded for c in claims] == [True, False, False]


def test_resolve_claims_authors_without_outlet_are_separate_voices() -> None:
    incident = _incident(
        ("d1", "2030-04-02", (count("killed", 10),)), ("d2", "2030-04-03", (count("killed", 14),))
    )
    claims = resolve_claims(incident)
    assert {c.holder for c in claims} == {"author of d1", "author of d2"}
    assert not any(c.superseded for c in claims)


def test_resolve_claims_canonicalises_claimant_spellings() -> None:
    incident = _incident(
        ("d1", "2030-04-02", (count("killed", 10, claimant="Lantern Relief Network"),)),
        ("d2", "2030-04-05", (count("killed", 14, claimant="Lantern Relief Netwrk"),)),
        ("d3", "2030-04-06", (count("killed", 14, claimant="Lantern Relief Network"),)),
    )
    claims = resolve_claims(incident)
    assert {c.claimant for c in claims} == {"Lantern Relief Network"}
    assert [c.superseded for c in claims] == [True, False, False]


def test_latest_per_claimant_by_publication_then_position() -> None:
    incident = _incident(
        ("d1", "2030-04-02", (count("killed", 10, claimant="Ministry", start=5),)),
        (
            "d2",
            "2030-04-04",
            (
                count("killed", 18, claimant="Ministry", start=5),
                count("killed", 21, claimant="Ministry", start=80),
            ),
        ),
        ("d3", None, (count("killed", 30, claimant="Ministry"), count("killed", 12))),
    )
    latest = latest_per_claimant(resolve_claims(incident))
    by_holder = {c.holder: (c.min, c.document_id) for c in latest}
    assert by_holder == {"Ministry": (21, "d2"), "author of d3": (12, "d3")}


def test_resolve_counts_groups_by_kind_in_enum_order() -> None:
    counts = (count("injured", 30), count("killed", 5), count("abducted", 2))
    summaries = resolve_counts(_incident(("d1", "2030-04-02", counts)))
    assert list(summaries) == [CountKind.KILLED, CountKind.INJURED, CountKind.ABDUCTED]
    assert summaries[CountKind.INJURED].range.to_json() == [30, 30]
    assert [c.min for c in summaries[CountKind.KILLED].latest] == [5]
