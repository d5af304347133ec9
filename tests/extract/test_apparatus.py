"""Where an encyclopedia page's reference list begins (sentences written for these tests)."""

from __future__ import annotations

from reckon.extract.apparatus import apparatus_start


def test_a_reference_heading_followed_by_entries_starts_the_apparatus() -> None:
    text = "Body of the article. " * 20 + "\n\n== References ==\n1. \"Title\". Osk Herald. 2024.\n"
    assert apparatus_start(text) == text.index("== References ==")


def test_a_sources_line_opening_a_report_is_not_an_apparatus() -> None:
    text = "Sources\n- police\n\n" + "Gunmen killed 12 people in Kessa on Monday. " * 10
    assert apparatus_start(text) is None


def test_a_heading_with_prose_after_it_is_not_a_reference_list() -> None:
    text = "Body of the article. " * 20 + "\n\nNotes\nThe figures above come from the police.\n"
    assert apparatus_start(text) is None
