"""split_listing and the header readers: articles of a listing page, title, byline, date.

The listing page below is invented for these tests (fictional places, groups and people).
"""

from __future__ import annotations

import pytest

from reckon.ingest.boilerplate import clean_text
from reckon.ingest.listing import (
    find_byline,
    find_published,
    find_title,
    is_byline_line,
    is_tag_line,
    split_listing,
)

ARTICLE_ONE = """Floods,Vossberg,Arl Valley Relief Committee,Human Rights

Nine dead as the Arl bursts its banks

The Arl Valley Relief Committee says the town council ignored three warnings

Nine dead as the Arl bursts its banks

Volunteers of the relief committee searched the lower town of Vossberg on Wednesday.

Nine residents of Vossberg drowned on Tuesday night when the river Arl burst its banks, according to the Arl Valley Relief Committee, which said the council had ignored three written warnings about the old levee.

The council has not answered the committee's letter. Its spokesman, Pieter Holm, told the local radio station that the water rose faster than any model predicted.

Staff Writer"""

ARTICLE_TWO = """Vossberg,Nordmark Miners Union,Labour Rights

Miners march to the council offices

Hundreds of miners demand an inquiry into the levee collapse

Members of the Nordmark Miners Union marched through the centre of Vossberg on Saturday, demanding an independent inquiry into the collapse of the levee that flooded the lower town last week.

"We will not wait for another flood to learn the truth," union secretary Ilse Marren told the crowd outside the council offices.

By Jonas Feld"""

LISTING = (
    "Vossberg archives\n\n"
    + ARTICLE_ONE
    + "\n\n\n\nContinue Reading\n\n"
    + ARTICLE_TWO
    + "\n\n\n\nContinue Reading\n\n"
    + "Copyright © 2022 All Rights Reserved | XML Sitemap\n"
    + "Social media & sharing icons powered by WidgetCo\n"
)

SINGLE = """Harbour crane collapse injures four

Wednesday, March 9, 2022

By Mira Kallan

Four dock workers were injured when a crane collapsed at the fictional port of Lenhaven on Wednesday morning, the harbour authority said in a statement.

The authority said an inquiry would begin next week. A union representative said the crane had failed an inspection in January.

Continue reading

The workers' families gathered outside the hospital through the afternoon, waiting for news from the surgeons."""


def test_split_listing_finds_two_articles() -> None:
    articles = split_listing(LISTING)
    assert len(articles) == 2
    first, second = articles
    assert first.tags == ("Floods", "Vossberg", "Arl Valley Relief Committee", "Human Rights")
    assert first.title == "Nine dead as the Arl bursts its banks"
    assert first.standfirst == "The Arl Valley Relief Committee says the town council ignored three warnings"
    assert first.byline == "Staff Writer"
    assert second.tags == ("Vossberg", "Nordmark Miners Union", "Labour Rights")
    assert second.title == "Miners march to the council offices"
    assert second.byline == "Jonas Feld"


def test_split_listing_spans_index_the_text_given() -> None:
    first, second = split_listing(LISTING)
    first_text = LISTING[first.span.start : first.span.end]
    second_text = LISTING[second.span.start : second.span.end]
    assert first_text.endswith("Staff Writer")
    assert "Floods,Vossberg" in first_text and "Continue Reading" not in first_text
    assert second_text.startswith("Vossberg,Nordmark Miners Union")
    assert second_text.endswith("By Jonas Feld")
    assert "Copyright" not in second_text
    assert first.span.end <= second.span.start


def test_split_listing_works_on_cleaned_text() -> None:
    # Cleaning removes the "Continue Reading" links; bylines and tag lines still cut.
    cleaned = clean_text(LISTING)
    articles = split_listing(cleaned)
    assert [article.title for article in articles] == [
        "Nine dead as the Arl bursts its banks",
        "Miners march to the council offices",
    ]
    assert cleaned[articles[1].span.start :].startswith("Vossberg,Nordmark")


def test_split_listing_without_separators_uses_bylines() -> None:
    text = ARTICLE_ONE + "\n\n" + ARTICLE_TWO
    assert len(split_listing(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(SINGLE, id="single-with-mid-article-continue-reading"),
        pytest.param(ARTICLE_ONE, id="one-article-of-a-listing"),
        pytest.param("Just one short line", id="one-line"),
        pytest.param(
            "Report on the Arl floods\n\nLocation, Vossberg, Arl Valley, Nordmark\n\nDate of the flood\n\n"
            "The river rose by four metres in six hours and broke the levee near the old mill.\n\n"
            "Nine residents drowned and more than forty were rescued from rooftops by boat.",
            id="comma-list-inside-article",
        ),
    ],
)
def test_split_listing_single_article_covers_whole_text(text: str) -> None:
    articles = split_listing(text)
    assert len(articles) == 1
    assert (articles[0].span.start, articles[0].span.end) == (0, len(text))


def test_split_listing_single_article_reads_header() -> None:
    (article,) = split_listing(SINGLE)
    assert article.title == "Harbour crane collapse injures four"
    assert article.byline == "Mira Kallan"


def test_split_listing_of_empty_text() -> None:
    (article,) = split_listing("")
    assert (article.span.start, article.span.end, article.title) == (0, 0, None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Floods,Vossberg,Arl Valley Relief Committee", True, id="no-spaces"),
        pytest.param("Floods, Vossberg, Labour Rights, Nordmark", True, id="spaces"),
        pytest.param("Tags: floods, levee", True, id="tags-prefix"),
        pytest.param("Vossberg,Nordmark Miners Union", True, id="two-glued-items"),
        pytest.param("Vossberg, Nordmark", False, id="two-items"),
        pytest.param("Wednesday, March 9, 2022", False, id="date"),
        pytest.param("| Vossberg | floods, Arl Valley, Nordmark, 2 May 2022 |", False, id="table-row"),
        pytest.param("the Arl, the Vossberg levee, Nordmark) were hit", False, id="sentence-fragment"),
        pytest.param("The river rose, the levee broke, and nine people drowned.", False, id="sentence"),
        pytest.param("Nine dead as the Arl bursts its banks", False, id="headline"),
    ],
)
def test_is_tag_line(line: str, expected: bool) -> None:
    assert is_tag_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Staff Writer", True, id="staff-writer"),
        pytest.param("staff writer", True, id="lowercase-staff"),
        pytest.param("By Jonas Feld", True, id="by-name"),
        pytest.param("Posted by Mira Kallan", True, id="posted-by"),
        pytest.param("Harbor Ledger Staff", True, id="outlet-staff"),
        pytest.param("by the river bank", False, id="by-lowercase"),
        pytest.param("By the end of the day, nine people had died in the flood.", False, id="sentence"),
        pytest.param("Miners march to the council offices", False, id="headline"),
    ],
)
def test_is_byline_line(line: str, expected: bool) -> None:
    assert is_byline_line(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SINGLE, "Harbour crane collapse injures four", id="headline"),
        pytest.param("= Arl Valley floods =\n\nThe floods began in May.", "Arl Valley floods", id="wiki-heading"),
        pytest.param(
            "The river rose by four metres in six hours and broke the levee near the old mill on Tuesday.",
            None,
            id="paragraph-first",
        ),
        pytest.param("Nine people died.\n\nMore text.", None, id="sentence-first"),
    ],
)
def test_find_title(text: str, expected: str | None) -> None:
    assert find_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(SINGLE, "2022-03-09", id="weekday-month-day-year"),
        pytest.param("Headline\n\nUpdated 14 June 2021\n\nBody.", "2021-06-14", id="updated-day-month-year"),
        pytest.param("Headline\n\nby Lenhaven Radio / 3 May, 2019\n\nBody.", "2019-05-03", id="dated-byline"),
        pytest.param("Headline\n\n2020-11-02\n\nBody.", "2020-11-02", id="iso"),
        pytest.param("Headline\n\nThe flood of 12 June 2006 killed nine.", None, id="date-in-sentence"),
        pytest.param("Headline\n\nLenhaven harbour 12 June 2006.jpg", None, id="date-in-caption"),
        pytest.param("Headline\n\nNo date at all here.", None, id="none"),
    ],
)
def test_find_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


def test_find_byline_reads_header_byline() -> None:
    assert find_byline(SINGLE) == "Mira Kallan"
