"""clean_text: furniture lines go, the author's lines stay character for character.

Every line is invented for these tests (fictional outlets, places and people).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.errors import ReckonError
from reckon.ingest.boilerplate import clean_text, is_boilerplate_line, is_separator_line, load_rules

BODY = "Nine people died when the river Arl flooded Vossberg on Tuesday, the council said."


@pytest.mark.parametrize(
    "line",
    [
        "Continue Reading",
        "Continue reading →",
        "Read more",
        "Read more: Harbour workers strike for a third day",
        "Read the full story",
        "Copyright © 2019 All Rights Reserved | XML Sitemap",
        "Copyright 2021 The Harbor Ledger. All rights reserved.",
        "© 2022 Nordmark Evening Post",
        "Social media & sharing icons powered by WidgetCo",
        "Share this:",
        "Share on Facebook",
        "Facebook | Twitter | WhatsApp | Email",
        "Share this: Facebook Twitter Email | Sharing buttons by WidgetCo",
        "We use cookies to give you the best experience on our website.",
        "Accept all cookies",
        "Click here to subscribe to the Vossberg weekly digest",
        "Subscribe",
        "Sign up for our free daily newsletter and never miss a story",
        "Advertisement - scroll to continue reading",
        "Skip to main content",
        "Privacy Policy | Terms of Use | Contact Us",
        "Leave a Reply",
        "You may also like",
        "Related Posts",
        "• 5 minutes read",
        "Back to top",
    ],
)
def test_is_boilerplate_line_matches_furniture(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Continue reading the harbour master's letter, she told reporters, and you will see why.",
        "Share prices in Vossberg fell after the flood.",
        "Copyright lawyers for the Arl Valley Cooperative filed a complaint on Monday.",
        "The council said it would read more of the survivors' statements in public.",
        "Staff Writer",
        "Human Rights,Floods,Vossberg",
        "Print workers at the Vossberg plant joined the strike.",
        "We use the river for drinking water, said Ilse Marren.",
    ],
)
def test_is_boilerplate_line_keeps_content(line: str) -> None:
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Continue Reading", True, id="continue-reading"),
        pytest.param("Read more …", True, id="read-more"),
        pytest.param("Share this:", False, id="furniture-not-separator"),
        pytest.param(BODY, False, id="body"),
    ],
)
def test_is_separator_line(line: str, expected: bool) -> None:
    assert is_separator_line(line) is expected


def test_clean_text_removes_furniture_and_keeps_body() -> None:
    text = (
        "Flood kills nine in Vossberg\n\n"
        f"{BODY}\n"
        "Share this:\n"
        "Facebook | Twitter | Email\n\n"
        "Rescue teams worked through the night, officials said.\n\n"
        "Continue Reading\n\n"
        "Copyright © 2021 The Harbor Ledger. All Rights Reserved | XML Sitemap\n"
        "Social media & sharing icons powered by WidgetCo\n"
    )
    assert clean_text(text) == (
        "Flood kills nine in Vossberg\n\n"
        f"{BODY}\n\n"
        "Rescue teams worked through the night, officials said."
    )


def test_clean_text_keeps_kept_lines_verbatim() -> None:
    # Leading spaces, odd quotes and inner double spaces are the author's: spans need them.
    line = "   “We  heard  the water first,” said Ilse Marren – a baker."
    assert clean_text(f"{line}   \n") == line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Headline of the day\n\nHeadline of the day\n\nBody text.", "Headline of the day\n\nBody text.", id="blank-between"),
        pytest.param("Headline of the day\nHeadline of the day\nBody text.", "Headline of the day\nBody text.", id="adjacent"),
        pytest.param("Headline\n\nShare this:\n\nHeadline\n\nBody.", "Headline\n\nBody.", id="furniture-between"),
        pytest.param("Headline\n\nOther line\n\nHeadline", "Headline\n\nOther line\n\nHeadline", id="not-immediate"),
        pytest.param("* * *\n\n* * *", "* * *\n\n* * *", id="no-letters"),
    ],
)
def test_clean_text_keeps_repeated_headline_once(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("One.\n\n\n\n\nTwo.", "One.\n\nTwo.", id="five-blank-lines"),
        pytest.param("One.\n\n\nTwo.", "One.\n\n\nTwo.", id="two-blank-lines-kept"),
        pytest.param("One.  \t\n   \nTwo.", "One.\n\nTwo.", id="whitespace-lines"),
        pytest.param("\n\n\nOne.\n\n", "One.", id="edges"),
        pytest.param("One.\nRead more\nTwo.", "One.\nTwo.", id="dropped-without-gap"),
    ],
)
def test_clean_text_tidies_blank_lines(text: str, expected: str) -> None:
    assert clean_text(text) == expected


def test_clean_text_of_only_furniture_is_empty() -> None:
    assert clean_text("Share this:\nSubscribe\n\nContinue Reading\n") == ""


def test_load_rules_reports_bad_pattern_line(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("# comment\n[remove]\nfine line\n(unclosed\n", encoding="utf-8")
    with pytest.raises(ReckonError) as caught:
        load_rules(rules)
    assert caught.value.code == "R203"
    assert "line 4" in str(caught.value)


def test_load_rules_custom_file_drives_clean_text(tmp_path: Path) -> None:
    rules = tmp_path / "rules.txt"
    rules.write_text("[remove]\nharbour bulletin\n[separator]\nnext item\n", encoding="utf-8")
    loaded = load_rules(rules)
    assert clean_text("Harbour Bulletin\nBody.\nNext item\nShare this:", rules=loaded) == "Body.\nShare this:"


_LINES = st.sampled_from(
    [
        "",
        "   ",
        "Headline",
        "Continue Reading",
        "Share this:",
        BODY,
        "© 2020 Somebody",
        "\t indented line",
        "trailing  ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=30).map("\n".join)))
def test_clean_text_is_total_and_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


def test_links_under_a_related_stories_heading_go_with_it() -> None:
    # Headlines of other pages carry their own tolls; the story's own lines stay.
    page = (f"{BODY}\n\nAlso read: Vossberg traders count losses after the flood\n\nTAGS: Vossberg, Floods\n\n"
            "RELATED STORIES\n- Two shot dead in Arlmouth shop robbery\n- Police hunt gang that raided 7 homes\n\n"
            "Latest News\n• Ferry strike enters third day\n\nJoin the conversation. Comments are moderated.\n"
            "A second body was found in Arlmouth on Wednesday, the police said.")
    cleaned = clean_text(page)
    assert cleaned == f"{BODY}\n\nA second body was found in Arlmouth on Wednesday, the police said."


def test_a_list_after_an_ordinary_line_is_kept() -> None:
    page = f"{BODY}\n\nThe council listed its demands:\n- more boats for the fire brigade\n- a new dyke"
    assert clean_text(page) == page
