"""Forms met on held-out batch 4d (a local newspaper page, an NGO report, a police statement,
an anniversary feature): official figures written twice, light verbs of injury, a tally whose
clause the parser misreads (sentences written for these tests, about fictional events and places)."""

from __future__ import annotations

from reckon import extract


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    findings = extract(text)
    return {(str(c.kind), c.min, c.max, c.claimant.name) for i in findings.incidents for c in i.counts}


def test_figures_written_in_words_and_bracketed_digits() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. On 11th/11/2021, two (2) of the abducted "
                 "students were rescued by soldiers in Harlow forest and have been reunited with their families.")
    assert rows == {("survived", 2, 2, "author")}


def test_tally_stands_at_after_a_time_clause() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. As of today, the number of students confirmed "
                 "dead stands at twenty one (21), including two (2) who succumbed to injuries.")
    assert rows == {("killed", 21, 21, "author")}


def test_sustained_injuries_is_injured() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. Twenty six students sustained injuries of "
                 "varying degrees.")
    assert rows == {("injured", 26, 26, "author")}


def test_succumbed_is_killed() -> None:
    rows = _rows("Bandits attacked Osk College in Harlow on Sunday. Three more students succumbed to their "
                 "wounds on Tuesday.")
    assert rows == {("killed", 3, 3, "author")}
