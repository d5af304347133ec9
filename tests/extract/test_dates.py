"""Dates: absolute forms, relative ones against an anchor, and the publication date.

All sentences are invented for these tests (fictional places, people and events).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.extract.dates import DateMention, find_dates, find_published
from reckon.model import Span

ANCHOR = date(2016, 3, 9)  # a Wednesday


def values(text: str, anchor: date | None = None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militia entered Velmora on September 1, 2013.", ("September 1, 2013", "2013-09-01")),
        ("The raid on Sep 1, 2013 left the camp empty.", ("Sep 1, 2013", "2013-09-01")),
        ("The raid on Sept. 4, 2012 left the camp empty.", ("Sept. 4, 2012", "2012-09-04")),
        ("Shelling resumed on 1 Sep 2013.", ("1 Sep 2013", "2013-09-01")),
        ("Shelling resumed on 1st Sep 2013.", ("1st Sep 2013", "2013-09-01")),
        ("Shelling resumed on the 3rd of May 2011.", ("3rd of May 2011", "2011-05-03")),
        ("Shelling resumed on 29 September.", ("29 September", None)),
        ("The siege began on September first, 2013.", ("September first, 2013", "2013-09-01")),
        ("The report of 17 October 2013 named the unit.", ("17 October 2013", "2013-10-17")),
        ("Filed 2013-09-01 by the clerk.", ("2013-09-01", "2013-09-01")),
        ("Posted at Nov 24 2009 05:23 PM", ("Nov 24 2009", "2009-11-24")),
        ("Attack on Thursday, April 2, 2015 in Odimba", ("Thursday, April 2, 2015", "2015-04-02")),
        ("Curfew until 15 March, 2019 in the district", ("15 March, 2019", "2019-03-15")),
        ("Stamped (08-SEP-04) by the registry", ("08-SEP-04", "2004-09-08")),
        ("The unit withdrew in January 2015.", ("January 2015", "2015-01")),
        ("The town was first raided in 2009.", ("2009", "2009")),
        ("Survivors of the 2011 massacre met.", ("2011", "2011")),
        ("The siege lasted 1–3 September 2004.", ("1–3 September 2004", "2004-09-01")),
        ("Issued 25/12/2014 at the border post.", ("25/12/2014", "2014-12-25")),
    ],
)
def test_find_dates_absolute(text: str, expected: tuple[str, str]) -> None:
    assert values(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Militants killed 2000 people in the valley.",
        "A force of 2000 to 5000 armed men gathered.",
        "The ministry paid $2015 in fees.",
        "The file 02/04/2015 is ambiguous between February and April.",
        "Officials may march on the capital.",
        "They read the Sunday Times aloud.",
    ],
)
def test_find_dates_ignores_non_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked on Sunday.", "2016-03-06"),
        ("The blast came late on Wednesday night.", "2016-03-09"),
        ("The blast came last Wednesday.", "2016-03-02"),
        ("Bodies were found on Monday's search.", "2016-03-07"),
        ("The convoy left yesterday.", "2016-03-08"),
        ("Police arrived this morning.", "2016-03-09"),
        ("Two villages burned last night.", "2016-03-08"),
        ("The camp was raided three days ago.", "2016-03-06"),
        ("The camp was raided last week.", "2016-03"),
        ("The camp was raided last month.", "2016-02"),
        ("The camp was raided last year.", "2015"),
        ("The clash of August 14 is still disputed.", "2015-08-14"),
        ("The clash of March 2 is still disputed.", "2016-03-02"),
        ("Fighting began in August near the river.", "2015-08"),
    ],
)
def test_find_dates_relative_resolves_against_anchor(text: str, expected: str) -> None:
    (mention,) = find_dates(text, anchor=ANCHOR)
    assert mention.value == expected
    assert mention.relative


@pytest.mark.parametrize("text", ["Rebels attacked on Sunday.", "The convoy left yesterday.", "The clash of August 14."])
def test_find_dates_relative_without_anchor_has_no_value(text: str) -> None:
    (mention,) = find_dates(text)
    assert mention.value is None
    assert mention.relative


def test_find_dates_yearless_end_of_range_takes_partner_year() -> None:
    found = values("The raids ran between 3 January and 7 January 2015.")
    assert found == [("3 January", "2015-01-03"), ("7 January 2015", "2015-01-07")]


def test_find_dates_range_across_new_year() -> None:
    found = values("Curfew from 28 December to 3 January 2015.")
    assert found[0] == ("28 December", "2014-12-28")


def test_find_dates_anniversary_with_its_day() -> None:
    found = find_dates("This June 12 marks the sixth anniversary of the Korvel camp raid.", anchor=date(2020, 6, 12))
    assert [(d.text, d.value) for d in found] == [("June 12", "2020-06-12"), ("sixth anniversary", "2014-06-12")]


def test_find_dates_anniversary_on_publication_day() -> None:
    (mention,) = find_dates("Today marks the 10th anniversary of the Dravia siege.", anchor=date(2021, 4, 2))[1:]
    assert mention.value == "2011-04-02"


def test_find_dates_anniversary_year_only() -> None:
    (mention,) = find_dates("Families gathered for the third anniversary of the shooting.", anchor=date(2019, 5, 1))
    assert mention.value == "2016"


def test_date_mention_value_levels() -> None:
    span = Span(start=0, end=4)
    assert DateMention(span=span, text="x", year=2013).value == "2013"
    assert DateMention(span=span, text="x", year=2013, month=9).value == "2013-09"
    assert DateMention(span=span, text="x", year=2013, month=9, day=1).value == "2013-09-01"
    assert DateMention(span=span, text="x", month=9, day=1).value is None


def test_find_dates_sorted_disjoint_exact_spans() -> None:
    text = "On Sunday, 4 May 2014, and again on Tuesday the militia returned; by June 2014 it left."
    found = find_dates(text, anchor=ANCHOR)
    assert [d.text for d in found] == ["Sunday, 4 May 2014", "Tuesday", "June 2014"]
    for d in found:
        assert text[d.span.start : d.span.end] == d.text


@settings(max_examples=200)
@given(st.text(max_size=200))
def test_find_dates_never_raises(text: str) -> None:
    for d in find_dates(text, anchor=ANCHOR):
        assert text[d.span.start : d.span.end] == d.text


# --- find_published ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NAIROBI, 2 April 2015 – Gunmen stormed a clinic in Odimba.", "2015-04-02"),
        ("Velmora, 14 June 2018 - The council met after the raid.", "2018-06-14"),
        ("TARKAN, March 3, 2012 (Harbor Wire) - Troops entered the town.", "2012-03-03"),
        ("Harbor Wire\nUpdated 3:12 PM, March 15, 2019\n\nTroops entered the town.", "2019-03-15"),
        ("Published: 7 July 2016\nA raid on the camp left several hurt.", "2016-07-07"),
        ("Odimba Daily\n\nWednesday, November 4, 2020\n\nClashes on the border.", "2020-11-04"),
        ("Raid on the depot\n\nby Harbor Wire / 9 May, 2017\n\nTroops entered the town.", "2017-05-09"),
        ("Report\nSpeech delivered by the Director in Velmora, 5 November 2015\n\nThe attack...", "2015-11-05"),
        (" date 2019-12-19 Velmora: A court has found the clan guilty.", "2019-12-19"),
        (
            "A coalition of advocacy groups condemned today the attack on the Korvel school by armed "
            "men, which left many pupils hurt. (08-SEP-04)\n\nThe crisis began at dawn.",
            "2004-09-08",
        ),
    ],
)
def test_find_published_reads(text: str, expected: str) -> None:
    found = find_published(text)
    assert found is not None
    value, span = found
    assert value == expected
    assert find_dates(text[span.start : span.end])[0].value == expected


@pytest.mark.parametrize(
    "text",
    [
        "KABUL, Nov 5 (Harbor Wire) - Troops entered the town.",
        "Raid on the depot\n\nTroops entered the town on 4 May 2014 and left on 6 May 2014.",
        "= Korvel raid =\nInfobox\n- Title: Korvel raid\n- Location: Korvel\n- Date: 2015-04-02\n",
        "Velmora raid\nDate1–3 September 2004 (UTC+3)\nLocation Velmora",
        "A guard in the town of Odimba, Dravia, Thursday, April 2, 2015, watches the gate.",
    ],
)
def test_find_published_none_when_text_does_not_say(text: str) -> None:
    assert find_published(text) is None


def test_an_outlet_line_near_the_top_gives_the_publication_date():
    from reckon.extract.dates import find_published

    text = "Gunmen seize pupils in Korvel\n\nBy Ama Serwaa\nThe Eastern Courier, Friday 3 March 2023\n\nGunmen seized 30 pupils on Thursday."
    found = find_published(text)
    assert found is not None and found[0] == "2023-03-03"
    assert text[found[1].start:found[1].end] == "Friday 3 March 2023"


def test_so_many_years_ago_today_is_that_same_day():
    from datetime import date as _date

    from reckon.extract.dates import find_dates

    found = find_dates("A year ago today, gunmen stormed the school.", anchor=_date(2024, 3, 2))
    assert [(m.text, m.value) for m in found] == [("A year ago today", "2023-03-02")]


def test_an_epigraphs_attribution_line_is_not_the_publication_date():
    from reckon.extract.dates import find_published

    text = ("Summary\n\nIn the province, the clan's word was law.\n—Tomas Reyes, militia member, March 9, 2010.\n"
            "On November 23, 2009, gunmen stopped a convoy.")
    assert find_published(text) is None


def test_an_anniversary_falling_on_the_weekday_of_the_report_is_on_the_reports_day():
    from datetime import date as _date

    from reckon.extract.dates import find_dates

    found = find_dates("Thursday is the third anniversary of the raid on the camp.", anchor=_date(2021, 3, 11))
    assert [m.value for m in found if "anniversary" in m.text] == ["2018-03-11"]


@pytest.mark.parametrize("text", ["on the \u017fecond September 2021", "\u017fecond of \u017feptember 2021",
                                  "on \u017fEPT. 2, 2021", "the \u212aey date"])
def test_letters_that_casefold_to_ascii_never_crash(text: str) -> None:
    # The patterns ignore case, and Python's ignore-case lets the long s (U+017F) match "s"
    # and the Kelvin sign match "k"; the values are then read with casefold, not lower().
    for mention in find_dates(text, anchor=date(2021, 9, 10)):
        assert mention.span.end <= len(text)


def test_a_day_followed_by_last_year_is_dated_in_the_year_before_the_anchor() -> None:
    found = find_dates("Gunmen raided the village of Osk-Tamara on 3 May last year, and again on 2 May.",
                       anchor=date(2023, 5, 16))
    assert [(m.text, m.value) for m in found] == [("3 May", "2022-05-03"), ("last year", "2022"),
                                                  ("2 May", "2023-05-02")]


def test_without_an_anchor_a_yearless_day_takes_the_year_of_the_full_date_before_it() -> None:
    found = find_dates("On 3 August 2019 gunmen raided Osk-Tamara. On 10 August they came back. In 2020, on 4 March, "
                       "nothing happened; on 1 January, either.")
    assert [(m.text, m.value) for m in found] == [("3 August 2019", "2019-08-03"), ("10 August", "2019-08-10"),
                                                  ("2020", "2020"), ("4 March", None), ("1 January", None)]


def test_a_date_with_a_freshness_stamp_under_the_byline_is_the_publication_date():
    text = ("Gunmen hold passengers at Lomara depot\n\nBy Ines Tavora\n\n"
            "March 4, 2024 6:40 AM UTC Updated 3 hours ago\n\nGunmen seized a bus depot on Sunday night.")
    found = find_published(text)
    assert found is not None and found[0] == "2024-03-04"
    assert text[found[1].start:found[1].end] == "March 4, 2024"


def test_a_date_field_of_a_separated_metadata_line_is_the_publication_date():
    text = ("Toll of ferry attack rises to 12\n\nSource: Orient Agency | 2024-06-02 18:05:40 | Editor: Wu Fan\n\n"
            "PORT BELLA, June 2 (Orient) -- The death toll has risen to 12.")
    found = find_published(text)
    assert found is not None and found[0] == "2024-06-02"
    tight = "Toll rises to 12\n\nSource: Orient Agency| 2024-06-02 18:05:40|Editor: Wu Fan\n\nThe toll has risen to 12."
    found = find_published(tight)
    assert found is not None and found[0] == "2024-06-02"


def test_a_metadata_line_whose_date_field_carries_other_words_gives_no_date():
    text = "Toll rises\n\nSource: Orient Agency | Attack of 2024-06-02 in the port | Editor: Wu Fan\n\nText."
    assert find_published(text) is None


def test_a_month_alone_after_a_capitalised_preposition_opening_a_sentence_is_a_date():
    found = find_dates("In August, a mine on the Dorel road killed two soldiers.", anchor=date(2026, 10, 13))
    assert [(m.text, m.value) for m in found] == [("August", "2026-08")]
