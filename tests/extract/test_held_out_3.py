"""Forms met on the third held-out batch (who did it): a group's name the tagger takes for a
person's, ... (sentences written for these tests, about fictional events and places)."""

from __future__ import annotations

from reckon import extract


def _rows(text: str) -> set[tuple[str, int | None, int | None, str]]:
    findings = extract(text)
    return {(str(c.kind), c.min, c.max, c.claimant.name) for i in findings.incidents for c in i.counts}


def test_he_is_not_a_group_written_as_one() -> None:
    rows = _rows("Bandits killed nine people in Osk on Tuesday.\n\nThe governor blamed the Tesso Vanu militia for "
                 "the attack. The district administrator, Arlo Penn, said Tesso Vanu fighters came from the forest. "
                 "He said seven people had been wounded.")
    assert ("injured", 7, 7, "Arlo Penn") in rows
