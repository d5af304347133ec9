"""Counts and their claimants on sentences written for these tests (fictional events)."""

from __future__ import annotations

import pytest

from conftest import count_rows as _rows

from reckon import extract
from reckon.model import CountKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen killed 14 villagers in Tarrow on Sunday.", ("killed", 14, 14, "author")),
        ("At least 23 people were killed in the raid on Velmar market.", ("killed", 23, None, "author")),
        ("The attack on Dunmore camp left forty- two dead.", ("killed", 42, 42, "author")),
        ("Fighters of the Red Hand took nine hostages at Oskel mine.", ("abducted", 9, 9, "author")),
        ("The bombing in Karsk wounded 31 worshippers.", ("injured", 31, 31, "author")),
        ("Police said 12 protesters were shot dead in Lenn Square.", ("killed", 12, 12, "police")),
        ("Eight students were killed in the assault on Harlow College, the governor said.", ("killed", 8, 8, "governor")),
        ("According to the Brenn Health Ministry, 64 people died in the shelling of Ostra.", ("killed", 64, 64, "Brenn Health Ministry")),
        ("The Velan Red Crescent put the death toll at 77 after the raid on Mirra.", ("killed", 77, 77, "Velan Red Crescent")),
        ("Troops detained 40 men after the clashes in Dorran, the army said.", ("arrested", 40, 40, "army")),
    ],
)
def test_counts_kind_value_and_claimant(text: str, expected: tuple) -> None:
    assert expected in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "No one was killed in the fire at the Tarrow depot.",
        "Some 300 pupils were in the school when the gunmen arrived.",
        "Five masked gunmen stormed the Oskel clinic.",
        "The blast could have killed 200 people, officials said.",
    ],
)
def test_counts_refuse_non_harm(text: str) -> None:
    assert _rows(text) == set()


def test_counts_reports_noun_is_press_reports() -> None:
    rows = _rows("The army dismissed reports that 900 people were killed in the attack on Kessel.")
    assert ("killed", 900, 900, "press reports") in rows


def test_counts_subset_is_not_a_row() -> None:
    rows = _rows("Raiders abducted eleven villagers in Nol, including four children.")
    assert ("abducted", 11, 11, "author") in rows
    assert not any(row[1] == 4 for row in rows)


def test_counts_span_holds_the_number_phrase() -> None:
    text = "Militants killed fifty-two residents of Ostra camp, the governor said."
    findings = extract(text)
    counts = [c for i in findings.incidents for c in i.counts]
    assert counts, "expected a count"
    for count in counts:
        assert count.kind is CountKind.KILLED
        assert text[count.span.start:count.span.end] == "fifty-two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # harm phrases of data/harm.tsv after the figure decide the kind
        ("Over 900 people were kept hostage in the Marrow school for two days.", ("abducted", 901, None, "author")),
        ("A total of 312 people have been in hospitals since the siege of Karsk ended.", ("injured", 312, 312, "author")),
        # what befell the hostages is the count's kind
        ("Over 120 hostages were killed when troops stormed the Velmar theatre.", ("killed", 121, None, "author")),
        # a figure opening a paragraph after a photo credit line is a figure, not part of a name
        ("Photo: Orla Benn\n\nForty-one people have died in the blasts in Tarrow.", ("killed", 41, 41, "author")),
    ],
)
def test_phrases_and_verbs_decide_the_kind(text, expected):
    assert expected in _rows(text)


@pytest.mark.parametrize(
    "text",
    [
        "Investigators have identified 30 body fragments from the Karsk market blast.",
        "Records were not released for the 90 bodies whose families refused to cooperate after the Ostra raid.",
        "Gunfire caused most deaths in the Lenn raid, with the exception of four men who died in a fire.",
    ],
)
def test_not_a_toll(text):
    assert _rows(text) == set()
