"""A speaker after an opening time phrase with no comma is still the speaker of the figure."""

from __future__ import annotations

from reckon import extract
from reckon.formats import findings_to_json


def _claimants(text: str) -> set[str]:
    data = findings_to_json(extract(text), id="t")
    return {c["claimed_by"] for i in data["incidents"] for c in i["counts"]}


def test_a_subject_after_an_opening_clock_time_keeps_the_figure() -> None:
    text = ("A bomb exploded at the Varnel market on Sunday. By 10 pm the district governor of Varnel, "
            "Tobias Orrin, said the toll had risen to 14.")
    assert _claimants(text) == {"Tobias Orrin"}
