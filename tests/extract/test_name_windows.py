"""The NER looks for speakers' names only in windows around capitalised words outside
quotation marks, and those windows give it the people the whole sentence gives."""

from __future__ import annotations

import pytest

from reckon.extract.nlp import find_entities
from reckon.extract.name_windows import _name_windows, _quoted_characters, entity_chunks

SENTENCES = [
    "“We counted forty bodies in the streets of the old town,” said Amina Velaro, a nurse at the "
    "clinic in Osk, who blamed the Northern Highland Defence Forces for the attack.",
    "The district commissioner, Joseph Kariambe, told reporters on Monday that the gunmen had "
    "come from the forest at night and left before the soldiers arrived.",
    "According to Tomas Brel of the Red Lantern Society, at least 12 people were abducted from "
    "the market while the police looked on, and none has been seen since.",
    "“They took my brother Idris and my two cousins, and nobody came to help us,” a survivor "
    "who gave her name only as Halima told the Velmora Courier by telephone from the camp.",
    "Police spokeswoman Ruth Okandu said in a statement issued late on Tuesday evening that "
    "the suspects, three men from Tarvel, had been charged with murder.",
]


def _people(texts: list[str], *, quoted: set[int] = frozenset()) -> set[str]:
    return {ent.text for doc in find_entities(texts) for ent in doc.ents
            if ent.label_ == "PERSON" and ent.start_char not in quoted}


@pytest.mark.parametrize("sentence", SENTENCES)
def test_windows_give_the_people_the_whole_sentence_names_outside_quotes(sentence: str) -> None:
    whole = _people([sentence], quoted=_quoted_characters(sentence))
    assert whole  # each sentence names someone outside its quotation
    assert _people(_name_windows(sentence)) == whole


def test_quoted_words_start_no_window() -> None:
    sentence = "“Send Captain Moro and his men to Kessary now and hold the bridge,” the officer said yesterday."
    assert _name_windows(sentence) == []
    straight = 'The officer said: "Send Captain Moro to the bridge at once and hold it until dawn."'
    assert all("Moro" not in window for window in _name_windows(straight))


def test_overlapping_windows_join_and_distant_ones_stay_apart() -> None:
    sentence = ("Minister Ana Pell said one two three four five six seven eight nine ten eleven twelve "
                "thirteen fourteen fifteen that Oskar Brandvik had left.")
    windows = _name_windows(sentence)
    assert len(windows) == 2
    assert windows[0].startswith("Minister Ana Pell said") and "Oskar" not in windows[0]
    assert windows[1].endswith("that Oskar Brandvik had left.")


def test_function_words_and_dates_start_no_window() -> None:
    assert _name_windows("The gunmen came back on Monday, and they said nothing to anyone in March.") == []


def test_only_sentences_with_quotes_or_speech_verbs_are_read() -> None:
    text = "Gunmen from Tarvel burned the market. Mayor Lina Osk said the fire spread fast."
    chunks = entity_chunks(text)
    assert chunks and all("Tarvel" not in chunk for chunk in chunks)
    assert any("Lina Osk" in chunk for chunk in chunks)


def test_names_the_tables_know_start_no_window() -> None:
    sentence = "The Velmora Liberation Front said it had freed the hostages at dawn."
    assert _name_windows(sentence)
    known = frozenset(range(4, 4 + len("Velmora Liberation Front")))
    assert _name_windows(sentence, not_people=known) == []
    assert _name_windows("x " + sentence, offset=-2, not_people=known) == []
