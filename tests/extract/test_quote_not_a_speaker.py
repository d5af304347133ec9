"""An adverb or preposition next to a quotation is never its speaker."""

from __future__ import annotations

from reckon.extract.quotes import find_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


def test_a_time_adverb_opening_the_sentence_is_no_speaker() -> None:
    text = ('Late on Monday a statement posted on a channel used by the group said its fighters were '
            'holding "more than 200 hostages".')
    assert "Late" not in _speakers(text)


def test_adverbs_and_prepositions_beside_the_quote_are_no_speakers() -> None:
    for text in (
        'The group, Orrin Front - often called simply "the Front" in the north - repeated its claim.',
        'It said its men had killed "more than 300 soldiers", a figure that no one else has put forward.',
        'The ministry condemns the media, financed from abroad, which speak of "more than twenty dead".',
        'Police link the shooting to the bombing "as part of the same wave", without giving evidence.',
    ):
        assert not {"often", "no one else", "abroad", "without"} & set(_speakers(text)), text


def test_a_subject_with_a_sentence_adverb_is_kept() -> None:
    assert _speakers("Residents, however, insist that the soldiers \u201cfired without warning\u201d.") == ["Residents"]
