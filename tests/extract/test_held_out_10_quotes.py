"""Quotes and their speakers, rules found on held-out batches 10 and 11, each pinned on
fictional sentences of our own."""

from __future__ import annotations

from reckon.extract.quotes import find_quotes
from reckon.extract.speakers import SpeakerResolver


def _quotes(text: str) -> list[tuple[str | None, str]]:
    found = find_quotes(text, speakers=SpeakerResolver(text, use_nlp=False), include_unattributed=False)
    return [(q.speaker, q.starts_with(4)) for q in found]


def test_as_stated_by_names_the_speaker_not_the_word_as() -> None:
    text = ("The outpost above Velmora is in our hands. As stated by our Minister Oskar Delvane: "
            "\"Nobody who fired on the guards will escape justice.\"")
    assert _quotes(text) == [("Oskar Delvane", "Nobody who fired on")]


def test_as_she_put_it_is_the_person_named_before() -> None:
    text = ("Mayor Irena Tolvik visited the market on Sunday. As she put it, "
            "\"the town will not be frightened into silence.\"")
    assert _quotes(text) == [("Irena Tolvik", "the town will not")]


def test_a_name_in_quote_marks_after_called_is_nobody_s_words() -> None:
    text = ("The Harbour Widows' Union (sometimes called the \"Dockside Mothers' League\") held a vigil "
            "on Friday.")
    assert _quotes(text) == []


def test_a_name_spelt_another_way_in_quote_marks_is_nobody_s_words() -> None:
    text = ("Local radio blamed the band, which it sometimes spells \"Saraya Ahl Tilal\", for the raid "
            "on the well at Dorvana.")
    assert _quotes(text) == []


def test_called_with_lower_case_words_still_quotes_them() -> None:
    text = "The Lawyers' Guild of Ostrava called the ruling \"a first step, and only that\"."
    assert _quotes(text) == [("Lawyers' Guild of Ostrava", "a first step, and")]


def test_a_fragment_inside_a_clause_is_credited_by_the_attribution_closing_the_sentence() -> None:
    text = ("A panel will be set up \"within two days\" to look into the shooting at the depot, "
            "Governor Mira Santhal told reporters on Tuesday.")
    assert _quotes(text) == [("Mira Santhal", "within two days")]


def test_a_fragment_before_a_new_clause_with_its_own_content_is_not_credited_by_it() -> None:
    text = ("Crews patched the bridge with a \"temporary fix\" on Monday, "
            "the governor said the road would reopen in May.")
    assert _quotes(text) == []


def test_a_date_opening_the_sentence_is_no_part_of_the_speaker() -> None:
    text = ("The ministry set up a review board under a retired judge. On 4 March 2026 the board's "
            "interim report stated that \"more force than needed\" had been used at the gate.")
    assert _quotes(text) == [("board", "more force than needed")]
