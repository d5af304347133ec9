"""Number phrases: parse_number, parse_quantity (FORMAT.md bounds) and find_quantities.

Sentences are invented for these tests (fictional places and people).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.extract.numbers import find_quantities, parse_number, parse_quantity

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int, *, joiner: str = "-", use_and: bool = True) -> str:
    """A small English speller for 0..9999, independent of the code under test."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (joiner + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = _ONES[hundreds] + " hundred"
        return head + ((" and " if use_and else " ") + spell(rest, joiner=joiner) if rest else "")
    thousands, rest = divmod(n, 1000)
    head = spell(thousands, joiner=joiner) + " thousand"
    if not rest:
        return head
    glue = " and " if rest < 100 and use_and else " "
    return head + glue + spell(rest, joiner=joiner, use_and=use_and)


# --- parse_number ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52", 52),
        ("1,095", 1095),
        ("1 095", 1095),
        ("1\u00a0095", 1095),
        ("12,400,000", 12_400_000),
        ("fifty-two", 52),
        ("forty- two", 42),
        ("forty -two", 42),
        ("Forty two", 42),
        ("FORTY-NINE", 49),
        ("one hundred and six", 106),
        ("two thousand", 2000),
        ("a dozen", 12),
        ("dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("a hundred", 100),
        ("a thousand", 1000),
        ("1.5 million", 1_500_000),
        ("2 million", 2_000_000),
        ("twenty-one", 21),
        ("nineteen hundred", 1900),
        ("three million four hundred thousand", 3_400_000),
        ("zero", 0),
    ],
)
def test_parse_number_reads(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "  ", "two forty", "one two", "3.5", "a", "and", "fifty-twelve", "hundred", "many", "1,09", "sixth", "a few"],
)
def test_parse_number_refuses(text: str) -> None:
    assert parse_number(text) is None


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_number_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=9999), st.sampled_from(["-", " ", "- "]), st.booleans())
def test_parse_number_words_round_trip(n: int, joiner: str, use_and: bool) -> None:
    assert parse_number(spell(n, joiner=joiner, use_and=use_and)) == n


# --- parse_quantity --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("52", (52, 52)),
        ("fifty-two", (52, 52)),
        ("between 40 and 50", (40, 50)),
        ("40 to 50", (40, 50)),
        ("40-50", (40, 50)),
        ("40–50", (40, 50)),
        ("40 or 50", (40, 50)),
        ("between three and five hundred", (300, 500)),
        ("at least 23", (23, None)),
        ("at least a hundred", (100, None)),
        ("more than 40", (41, None)),
        ("over 700", (701, None)),
        ("above 12", (13, None)),
        ("over a dozen", (13, None)),
        ("more than a million", (1_000_001, None)),
        ("up to 770", (None, 770)),
        ("as many as 410", (None, 410)),
        ("as high as 150", (None, 150)),
        ("as high as about 150", (None, 150)),
        ("not more than 150", (None, 150)),
        ("no more than 150", (None, 150)),
        ("nearly 60", (None, 60)),
        ("almost 60", (None, 60)),
        ("the toll has so far not exceeded about 150", (None, 150)),
        ("fewer than 10", (None, 9)),
        ("about 50", (50, 50)),
        ("around 80", (80, 80)),
        ("some 49", (49, 49)),
        ("roughly 300", (300, 300)),
        ("approximately 45", (45, 45)),
        ("an estimated 50", (50, 50)),
        ("a dozen", (12, 12)),
        ("dozens", (24, None)),
        ("scores", (40, None)),
        ("hundreds", (200, None)),
        ("thousands", (2000, None)),
        ("tens of thousands", (20_000, None)),
        ("hundreds of thousands", (200_000, None)),
        ("2,000+", (2000, None)),
        ("800 or more", (800, None)),
        ("30 or so", (30, 30)),
    ],
)
def test_parse_quantity_bounds(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["several", "many", "a number of", "", "no figure here"])
def test_parse_quantity_none_for_no_number(text: str) -> None:
    assert parse_quantity(text) is None


# --- find_quantities -------------------------------------------------------------------


def texts(sentence: str) -> list[str]:
    return [q.text for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen killed 37 villagers in Odimba.", ["37"]),
        ("At least 23 people died and more than 40 were hurt.", ["At least 23", "more than 40"]),
        ("The militia shot forty- two farmers.", ["forty- two"]),
        ("Officials said fifty-two bodies were found.", ["fifty-two"]),
        ("Between 40 and 50 people were seized.", ["Between 40 and 50"]),
        ("Police said the toll was as high as about 150.", ["as high as about 150"]),
        ("Dozens were injured and hundreds fled.", ["Dozens", "hundreds"]),
        ("scores dead after the raid on Velmora", ["scores"]),
        ("one hundred of the members stayed in the camp", ["one hundred"]),
        ("A total of 1,095 displaced families were counted.", ["1,095"]),
        ("Up to 2,000 are feared dead.", ["Up to 2,000"]),
        ("Casualties: 150–2,000+", ["150–2,000+"]),
        ("At St. Mary's chapel, No. 4 ward, 20 people were shot.", ["20"]),
    ],
)
def test_find_quantities_finds(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack on September 1, 2013 shocked Dravia.",
        "Rebels struck the town on 1 Sep 2013.",
        "It happened on Sep 1 near the river.",
        "He was first seen on the 1st of the month.",
        "The massacre of 2013 is still unpunished.",
        "Shooting started at 9 am and stopped at 9:30.",
        "The ministry pledged $2 million to the victims.",
        "He was fined £180,000 last year.",
        "The court awarded 180,000 pounds in damages.",
        "Rebels stole millions of dollars from the bank.",
        "Turnout fell to 45% in the north.",
        "Some 70 percent of homes were destroyed.",
        "She was the sixth speaker and the third witness.",
        "Boys aged 16 were recruited.",
        "A 16-year-old was among the dead.",
        "He endured a 53-hour ordeal.",
        "They were held for six years.",
        "The office is at 14 Harbour Street.",
        "Call +44 20 7946 0958 for details.",
        "The unit used Kalashnikov AK-47 rifles and COVID-19 masks.",
        "Pupils of School No. 1 marched.",
        "The council passed Resolution 2334.",
        "The convoy drove 40 km to the border.",
        "See the map at Velmora-map-01.png for details.",
        "UPDATE 8: police cordon lifted",
        "He fought in World War Two.",
        "No one was hurt, and they helped one another.",
        "The fuse was set under one of the seats.",
    ],
)
def test_find_quantities_skips_non_counts(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_find_quantities_bounds_and_hedge() -> None:
    (q,) = find_quantities("Witnesses said more than 40 students were abducted.")
    assert (q.value, q.min, q.max, q.hedge, q.is_vague) == (40, 41, None, "more than", False)


def test_find_quantities_vague_has_no_value() -> None:
    (q,) = find_quantities("Dozens of traders were wounded.")
    assert (q.value, q.min, q.max, q.is_vague) == (None, 24, None, True)


def test_find_quantities_range_flag() -> None:
    (q,) = find_quantities("The army put the dead at 30 to 35.")
    assert (q.min, q.max, q.is_range) == (30, 35, True)


def test_find_quantities_running_toll_is_two_figures() -> None:
    found = find_quantities("The toll of staff killed had risen from three to nine.")
    assert [(q.text, q.min) for q in found] == [("three", 3), ("nine", 9)]


def test_find_quantities_flags_apposition_age() -> None:
    (q,) = find_quantities("Amara Velde, 34, was shot at the gate.")
    assert q.maybe_age


def test_find_quantities_count_is_not_flagged_as_age() -> None:
    (q,) = find_quantities("Soldiers killed 34 people at the gate.")
    assert not q.maybe_age


def test_find_quantities_year_followed_by_people_is_a_count() -> None:
    assert texts("Militants killed 2000 people there.") == ["2000"]


def test_find_quantities_sorted_and_disjoint() -> None:
    found = find_quantities("Some 30 died, 12 were hurt and about 200 fled; 7 vanished.")
    assert [q.text for q in found] == ["Some 30", "12", "about 200", "7"]
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_find_quantities_never_raises_and_spans_exact(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.span.start : q.span.end] == q.text


_PIECES = st.sampled_from(
    [
        "at least ", "more than ", "about ", "up to ", "between ", " and ", " to ", "-", "–", ", ",
        "forty- two", "fifty-two", "1,095", "2013", "Sep 1", "$", "%", " people", " years", "dozens",
        "one hundred", "a dozen", "9:30", "No. ", "aged ", "+", " or ", "\n", "(", ")",
    ]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.one_of(_PIECES, st.integers(0, 10**6).map(str)), max_size=12).map("".join))
def test_find_quantities_number_soup_spans_exact(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
        assert q.min is not None or q.max is not None
    assert all(a.span.end <= b.span.start for a, b in zip(found, found[1:]))


def test_one_person_named_by_who_they_were_is_a_quantity_of_one() -> None:
    from reckon.extract.numbers import find_quantities, parse_quantity

    found = find_quantities("A security guard was wounded and a dozen pupils were taken.")
    assert [(q.text, q.min, q.max, q.one_person) for q in found] == [
        ("A security guard", 1, 1, True), ("a dozen", 12, 12, False)]
    assert parse_quantity("a security guard") == (1, 1)
    assert not find_quantities("A statement was issued.")


def test_a_figure_after_an_opening_parenthesis_and_plus_is_read_but_a_signed_number_is_not():
    from reckon.extract.numbers import find_quantities

    texts = [q.text for q in find_quantities("Deaths 31 (+2 perpetrators); the temperature was +2 at dawn.")]
    assert texts == ["31", "2"]


def test_figure_in_words_restated_in_brackets_is_one_figure() -> None:
    # Official statements write "twenty one (21)"; the bracketed digits are not a second figure.
    from reckon.extract.numbers import restated_figures

    text = "stands at twenty one (21), including two (2) who died; 147 (one hundred) rounds; Unit (4)"
    assert [q.text for q in find_quantities(text)] == ["twenty one", "two", "147", "one hundred", "4"]
    assert len(restated_figures(text)) == 2


def test_an_age_is_not_how_many_people() -> None:
    # a count's span "a fifteen-year-old girl" states one person; the age is not a figure
    assert parse_quantity("a fifteen-year-old girl") == (1, 1)
    assert parse_quantity("two fifteen-year-old girls") == (2, 2)
    assert parse_quantity("fifteen girls") == (15, 15)
