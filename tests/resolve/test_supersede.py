from __future__ import annotations

from reckon.model import Incident, IncidentReport
from reckon.resolve.ranges import resolve_claims

from ._builders import count, report


def _claims(*parts):
    reports = tuple(
        IncidentReport(
            document_id=d, index=0, published=p, report=report("2030-04-01", "Verdan", counts=c)
        )
        for d, p, c in parts
    )
    return resolve_claims(Incident(id="inc-test", date=None, place=None, reports=reports))


def _flags(claims) -> list[tuple[int | None, bool]]:
    return [(c.min, c.superseded) for c in claims]


def test_mark_superseded_running_toll_in_one_document() -> None:
    toll = (
        count("killed", 22, start=10),
        count("killed", 24, start=40),
        count("killed", 46, start=90),
    )
    assert _flags(_claims(("d1", "2030-04-02", toll))) == [(22, True), (24, True), (46, False)]


def test_mark_superseded_text_order_not_tuple_order() -> None:
    toll = (count("killed", 46, start=90), count("killed", 22, start=10))
    assert _flags(_claims(("d1", "2030-04-02", toll))) == [(22, True), (46, False)]


def test_mark_superseded_look_back_after_headline_keeps_headline() -> None:
    toll = (
        count("killed", 46, start=0),
        count("killed", 22, start=300),
        count("killed", 46, start=500),
    )
    assert _flags(_claims(("d1", "2030-04-02", toll))) == [(46, False), (22, True), (46, False)]


def test_mark_superseded_range_refined_by_exact_figure() -> None:
    toll = (count("killed", 40, 50, start=0), count("killed", 46, start=100))
    assert _flags(_claims(("d1", "2030-04-02", toll))) == [(40, True), (46, False)]


def test_mark_superseded_later_document_of_same_claimant_wins_even_if_lower() -> None:
    claims = _claims(
        ("d1", "2030-04-02", (count("killed", 30, claimant="Ministry"),)),
        ("d2", "2030-04-09", (count("killed", 27, claimant="Ministry"),)),
    )
    assert _flags(claims) == [(30, True), (27, False)]


def test_mark_superseded_agreeing_earlier_figure_stays_current() -> None:
    claims = _claims(
        ("d1", "2030-04-02", (count("killed", 30, claimant="Ministry"),)),
        ("d2", "2030-04-09", (count("killed", 30, claimant="Ministry"),)),
    )
    assert _flags(claims) == [(30, False), (30, False)]


def test_mark_superseded_undated_documents_are_not_ordered() -> None:
    claims = _claims(
        ("d1", None, (count("killed", 30, claimant="Ministry"),)),
        ("d2", "2030-04-09", (count("killed", 27, claimant="Ministry"),)),
    )
    assert _flags(claims) == [(27, False), (30, False)]


def test_mark_superseded_other_claimants_are_untouched() -> None:
    claims = _claims(
        ("d1", "2030-04-02", (count("killed", 30, claimant="Ministry"),)),
        ("d2", "2030-04-09", (count("killed", 41, claimant="Relief Network"),)),
    )
    assert not any(c.superseded for c in claims)


def test_mark_superseded_different_victims_do_not_supersede() -> None:
    toll = (
        count("killed", 9, claimant="Relief Network", start=10, victims="staff"),
        count("killed", 3, claimant="Relief Network", start=60, victims="patients"),
    )
    assert not any(c.superseded for c in _claims(("d1", "2030-04-02", toll)))


def test_mark_superseded_kinds_are_separate() -> None:
    toll = (count("killed", 9, start=10), count("injured", 3, start=60))
    assert not any(c.superseded for c in _claims(("d1", "2030-04-02", toll)))
