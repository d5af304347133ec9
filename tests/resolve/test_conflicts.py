from __future__ import annotations

import pytest

from reckon.model import Incident, IncidentReport
from reckon.resolve.conflicts import find_conflicts, format_holder, format_value, parse_holder

from ._builders import accuse, count, report


def _incident(*parts) -> Incident:
    """parts: (document id, published, ReportedIncident)."""
    reports = tuple(
        IncidentReport(document_id=d, index=0, published=p, report=r) for d, p, r in parts
    )
    return Incident(id="inc-test", date=None, place=None, reports=reports)


def _by_field(conflicts):
    return {c.field: dict(c.sides) for c in conflicts}


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [(52, 52, "52"), (40, 50, "40-50"), (23, None, "at least 23"), (None, 770, "up to 770")],
)
def test_format_value_reads_like_the_text(low, high, text) -> None:
    assert format_value(low, high) == text


@pytest.mark.parametrize(
    ("holder", "expected"),
    [
        (format_holder("author", "ab12"), ("author", "ab12")),
        (format_holder("Bureau [East]", "ab12"), ("Bureau [East]", "ab12")),
        ("Ministry", ("Ministry", None)),
    ],
)
def test_parse_holder_round_trips(holder, expected) -> None:
    assert parse_holder(holder) == expected


def test_find_conflicts_exact_figures_differ() -> None:
    incident = _incident(
        (
            "d1",
            "2030-04-02",
            report(
                "2030-04-01",
                "Verdan",
                counts=(
                    count("killed", 52, start=5),
                    count("killed", 50, claimant="State Bureau", start=90),
                ),
            ),
        ),
    )
    assert _by_field(find_conflicts(incident)) == {
        "killed": {"50": ("State Bureau [d1]",), "52": ("author [d1]",)}
    }


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (count("killed", 23, same=False, claimant="Ministry"), False),  # at least 23 ~ 52
        (count("killed", None, 770, claimant="Ministry"), False),  # up to 770 ~ 52
        (count("killed", 60, same=False, claimant="Ministry"), True),  # at least 60 vs 52
        (count("killed", 40, 50, claimant="Ministry"), True),
        (count("killed", 50, 55, claimant="Ministry"), False),
    ],
)
def test_find_conflicts_open_and_ranged_figures(other, expected) -> None:
    incident = _incident(
        ("d1", "2030-04-02", report("2030-04-01", "Verdan", counts=(count("killed", 52), other)))
    )
    assert ("killed" in _by_field(find_conflicts(incident))) is expected


def test_find_conflicts_superseded_toll_is_not_a_conflict() -> None:
    toll = (count("killed", 22, start=5), count("killed", 46, start=80))
    incident = _incident(("d1", "2030-04-02", report("2030-04-01", "Verdan", counts=toll)))
    assert find_conflicts(incident) == ()


def test_find_conflicts_different_victims_are_not_a_conflict() -> None:
    counts = (
        count("killed", 9, victims="staff"),
        count("killed", 3, claimant="Ministry", victims="patients"),
    )
    incident = _incident(("d1", "2030-04-02", report("2030-04-01", "Verdan", counts=counts)))
    assert find_conflicts(incident) == ()


def test_find_conflicts_people_and_a_kind_of_people_disagree() -> None:
    # "nine people killed" against "five civilians killed": people said without saying which
    counts = (
        count("killed", 9, victims="people"),
        count("killed", 5, claimant="Ministry", victims="civilians"),
    )
    incident = _incident(("d1", "2030-04-02", report("2030-04-01", "Verdan", counts=counts)))
    assert [c.field for c in find_conflicts(incident)] == ["killed"]


def test_find_conflicts_dates_disagree() -> None:
    incident = _incident(
        ("d1", "2030-04-05", report("2030-04-02", "Verdan")),
        ("d2", "2030-04-05", report("2030-04-03", "Verdan")),
        ("d3", "2030-04-05", report("2030-04", "Verdan")),
    )
    assert _by_field(find_conflicts(incident)) == {
        "date": {
            "2030-04": ("author [d3]",),
            "2030-04-02": ("author [d1]",),
            "2030-04-03": ("author [d2]",),
        }
    }


def test_find_conflicts_compatible_dates_are_not_a_conflict() -> None:
    incident = _incident(
        ("d1", "2030-04-05", report("2030-04-02", "Verdan")),
        ("d2", "2030-04-05", report("2030-04", "Verdan")),
        ("d3", None, report(None, "Verdan")),
    )
    assert find_conflicts(incident) == ()


def test_find_conflicts_different_accused_groups() -> None:
    incident = _incident(
        ("d1", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=(accuse("Red Hand"),))),
        (
            "d2",
            "2030-04-02",
            report(
                "2030-04-01", "Verdan", perpetrators=(accuse("Vornu Guard", claimant="Ministry"),)
            ),
        ),
        (
            "d3",
            "2030-04-03",
            report("2030-04-01", "Verdan", perpetrators=(accuse("the Red Hand"),)),
        ),
    )
    assert _by_field(find_conflicts(incident)) == {
        "perpetrator": {
            "Red Hand": ("author [d1]", "author [d3]"),
            "Vornu Guard": ("Ministry [d2]",),
        }
    }


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Red Hand", "armed men"),  # a description does not contradict a name
        ("Ostra family", "Dario Ostra's guards"),  # a shared distinctive name
        ("al-Vornu Front", "Al-Vornu Fronts"),  # spelling variants are one actor
    ],
)
def test_find_conflicts_compatible_accusations(left: str, right: str) -> None:
    incident = _incident(
        ("d1", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=(accuse(left),))),
        ("d2", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=(accuse(right),))),
    )
    assert find_conflicts(incident) == ()


def test_find_conflicts_one_voice_naming_two_actors_is_not_a_conflict() -> None:
    both = (accuse("Red Hand"), accuse("Vornu Guard", start=40))
    incident = _incident(("d1", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=both)))
    assert find_conflicts(incident) == ()


def test_find_conflicts_co_accused_actors_are_one_party() -> None:
    # One voice names both; two others name one each: they add detail, not disagreement.
    both = (accuse("Vornu Police Service"), accuse("Interior Secretary"))
    incident = _incident(
        ("d1", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=both)),
        ("d2", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=both[:1])),
        ("d3", "2030-04-02", report("2030-04-01", "Verdan", perpetrators=both[1:])),
    )
    assert find_conflicts(incident) == ()
