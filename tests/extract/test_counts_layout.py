"""Counts on layouts the parser cannot read as written: reference marks, hard-wrapped
paragraphs and encyclopedia infoboxes (sentences written for these tests, fictional events)."""

from __future__ import annotations

from conftest import count_rows as _rows

from reckon.extract.numbers import find_quantities
from reckon.extract.sentences import parse_text, split_sentences


def test_reference_marks_stay_with_their_sentence() -> None:
    text = "The raid on Tarrow ended at dawn.[4] 31 of the miners escaped.[5][6] Others fled."
    assert [s.text for s in split_sentences(text)] == [
        "The raid on Tarrow ended at dawn.[4]", "31 of the miners escaped.[5][6]", "Others fled."]


def test_parse_text_blanks_reference_marks_and_line_breaks() -> None:
    text = "held,[12] the\nminers"
    assert parse_text(text) == "held,     the miners"
    assert len(parse_text(text)) == len(text)


def test_parse_text_blanks_a_wire_dateline_and_scare_quotes() -> None:
    text = 'OSK, May 3, 2022 (Velmar Wire) -- Gunmen killed "more than 20" people.'
    blanked = parse_text(text)
    assert blanked.lstrip().startswith("Gunmen killed  more than 20  people.")
    assert len(blanked) == len(text)
    assert parse_text("MAJOR BLAST - a headline") == "MAJOR BLAST - a headline"


def test_hard_wrapped_paragraph_is_one_sentence() -> None:
    text = "Raid on Osk mine\nThe armed men took over 300 miners as\nhostages at the Osk mine in Velmar."
    assert [s.text for s in split_sentences(text)] == [
        "Raid on Osk mine", "The armed men took over 300 miners as\nhostages at the Osk mine in Velmar."]


def test_figure_glued_to_a_reference_mark_is_read() -> None:
    rows = _rows("On 3 May 2021, 212[3] pilgrims were kidnapped from the Dunmore shrine in Velmar.[4]")
    assert ("abducted", 212, 212, "author") in rows


def test_glued_infobox_labels_free_their_figures() -> None:
    found = [(q.text, q.min, q.max) for q in find_quantities("DeathsAt least 71\nInjured300+\nCasualties12 killed")]
    assert found == [("At least 71", 71, None), ("300+", 300, None), ("12", 12, 12)]


def test_infobox_labels_give_the_kind() -> None:
    text = ("Harlow market bombing\n- Location: Harlow, Velmar\n- Fatalities: 64\n- Injuries: 120\n"
            "The Harlow market bombing took place on 2 June 2022.")
    rows = _rows(text)
    assert ("killed", 64, 64, "author") in rows
    assert ("injured", 120, 120, "author") in rows
    glued = _rows("Osk depot siege\nDeathsAt least 41\nInjured90+\nThe siege of the Osk depot began on 5 May 2022.")
    assert {("killed", 41, None, "author"), ("injured", 90, None, "author")} <= glued
