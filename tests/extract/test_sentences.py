from __future__ import annotations

from reckon.extract.sentences import split_sentences


def test_split_sentences_keeps_headlines_and_offsets() -> None:
    text = "Raid on Tarrow camp\n\nMr. Olsen said 12 died. The U.S. Dept. of State agreed.\nStaff Writer"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Raid on Tarrow camp", "Mr. Olsen said 12 died.", "The U.S. Dept. of State agreed.", "Staff Writer"]
    for sentence in sentences:
        assert text[sentence.span.start:sentence.span.end] == sentence.text


def test_split_sentences_after_closing_quote() -> None:
    text = "“We will return,” he said. “Not now.” The crowd left."
    assert [s.text for s in split_sentences(text)] == ["“We will return,” he said.", "“Not now.”", "The crowd left."]
