"""Counts and claimants: tallies, modals and clauses that narrate rather than report
(sentences written for these tests, about fictional events)."""

from __future__ import annotations

from reckon import extract


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    findings = extract(text)
    return {(str(c.kind), c.min, c.max, c.claimant.name) for i in findings.incidents for c in i.counts}


def test_number_of_harmed_is_a_running_toll() -> None:
    rows = _rows("The Velmar Relief Mission said the number of its nurses killed had risen from four to eleven.")
    assert {("killed", 4, 4, "Velmar Relief Mission"), ("killed", 11, 11, "Velmar Relief Mission")} <= rows


def test_negated_hedge_is_a_ceiling_not_a_denial() -> None:
    rows = _rows("“The number of people who lost their lives in the raid on Tarrow has not exceeded about 40,” "
                 "the Osk Defence Ministry said.")
    assert ("killed", None, 40, "Osk Defence Ministry") in rows


def test_number_of_treated_in_hospital_is_injured() -> None:
    rows = _rows("The number of those being treated in hospital after the Harlow market blast has risen to 35.")
    assert ("injured", 35, 35, "author") in rows


def test_modal_harm_verb_has_not_happened() -> None:
    rows = _rows("Since the raid on Osk, hopes were raised that the 80 remaining miners might be released.")
    assert not any(row[1] == 80 for row in rows)


def test_time_clause_after_said_is_the_writers() -> None:
    rows = _rows("Nine of the victims were guards, the army said when the death toll from the Dunmore raid stood at 30.")
    assert ("killed", 30, 30, "author") in rows


def test_relative_clause_reporting_verb_does_not_claim_the_sentence() -> None:
    rows = _rows("Her return followed the release of 12 pilgrims by the Red Hand in May, a step that the "
                 "Osk government said was the fruit of talks.")
    assert ("survived", 12, 12, "author") in rows


def test_relative_clause_describing_the_event_is_the_writers() -> None:
    rows = _rows("The governor briefed reporters on the inquiry into the raid that left 17 people dead in Tarrow.")
    assert ("killed", 17, 17, "author") in rows


def test_event_inside_reported_content_keeps_the_reporter() -> None:
    rows = _rows("Velmar Watch said the massacre in Harlow, in which about 200 people were killed, was never investigated.")
    assert ("killed", 200, 200, "Velmar Watch") in rows
