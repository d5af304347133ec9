"""Counts and their claimants: forms met on held-out batches 8 and 9, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from conftest import count_rows as _rows


def test_a_title_case_masthead_over_a_menu_is_the_issuer() -> None:
    from reckon.extract.attribution import masthead

    assert masthead("Ostrava Civilian Protection Monitor\nHome | Reports | About | Donate\n\nSTATEMENT\n") \
        == "Ostrava Civilian Protection Monitor"
    assert masthead("Korvel District Police Service\nNews Releases\n\nUPDATE 2: Shooting\n") \
        == "Korvel District Police Service"
    # a headline in title case over a date is no masthead
    assert masthead("Bomb Blast Hits Market\nTuesday, 4 May 2026\n\nA bomb ...") is None
    rows = _rows("Ostrava Civilian Protection Monitor\nHome | Reports | Statements | About | Donate\n\nSTATEMENT\n\n"
                 "The Ostrava Civilian Protection Monitor (OCPM) has documented the deaths of 19 civilians in the "
                 "bombing of a bus station in Dunmarsh, Kosovo, on 3 May 2026.\n")
    assert rows == {("killed", 19, 19, "author")}


def test_a_body_whose_name_holds_and_is_one_claimant() -> None:
    rows = _rows("Soldiers shot dead at least 12 protesters in Dunmarsh, Kosovo, on 3 May 2026, the Ostrava Peace "
                 "and Justice Monitor (OPJM) said on Friday.\n")
    assert rows == {("killed", 12, None, "Ostrava Peace and Justice Monitor")}


def test_sources_described_together_are_one_claimant_as_written() -> None:
    rows = _rows("A bomb exploded at a market in Dunmarsh, Kosovo, on 3 May 2026, killing at least nine people, "
                 "police and hospital officials said.\n")
    assert rows == {("killed", 9, None, "police and hospital officials")}
    # two sources each with its own article stay two
    rows = _rows("A bomb exploded at a market in Dunmarsh, Kosovo, on 3 May 2026, killing at least nine people, "
                 "the mayor and the governor said.\n")
    assert len(rows) == 2
