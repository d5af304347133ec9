"""The stretches of a text the NER is asked to read for speakers' names.

The NER costs by the word and only names in sentences with a quotation or a speech verb can
be speakers', so it is given, in those sentences, each capitalised word outside quotation
marks with a few words each side. Choosing those windows is a matter of cost, apart from
what the names found are taken to mean (``named_people``); ``run`` calls ``entity_chunks``
to batch the NER for a whole corpus.
"""

from __future__ import annotations

import re

from reckon.extract.person_names import CALENDAR
from reckon.extract.speech_verbs import load_speech_verbs

__all__ = ["entity_chunks"]


def entity_chunks(text: str, *, not_people: frozenset[int] = frozenset()) -> list[str]:
    """The stretches of ``text`` whose person names the NER is asked for: in each run up to
    a stop that holds a double quotation mark or a speech verb, the capitalised words
    outside quotation marks with the words around them (see ``_name_windows``).

    ``not_people``: offsets of characters already known to name no person (the actors and
    places the tables found); a word starting there needs no window of its own."""
    verbs = load_speech_verbs()
    chunks = []
    for match in re.finditer(r"[^\n.!?]+[.!?]?", text):
        sentence = match.group()
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)}
        if re.search(r"[\"“”]", sentence) or words & verbs.keys():
            chunks.extend(_name_windows(sentence, offset=match.start(), not_people=not_people))
    return chunks


# Words of context each side of a capitalised word: the small model's NER sees four tokens
# each side through its embedding layers and a token or two more through its state, so a
# window this wide gives it what the whole sentence would.
_WINDOW = 6


def _never_a_name(word: str) -> bool:
    """ "The", "He", "Monday": capitalised words that start no one's name (a name written
    beside them still has its own window)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    bare = word.strip(".,;:!?()[]'’")
    return bare.lower() in STOP_WORDS or re.fullmatch(CALENDAR, bare) is not None


def _quoted_characters(sentence: str) -> set[int]:
    """Offsets of the characters between quotation marks (a straight one opens or closes)."""
    quoted, inside = set(), False
    for at, char in enumerate(sentence):
        if char == "“" or char == '"' and not inside:
            inside = True
        elif char == "”" or char == '"':
            inside = False
        elif inside:
            quoted.add(at)
    return quoted


def _name_windows(sentence: str, *, offset: int = 0, not_people: frozenset[int] = frozenset()) -> list[str]:
    """The stretches of ``sentence`` that can hold a speaker's name: each capitalised word
    outside quotation marks with ``_WINDOW`` words each side, overlapping stretches joined.
    The quoted words are the speaker's, and the NER costs by the word."""
    quoted = _quoted_characters(sentence)
    words = list(re.finditer(r"[^\s\"“”]+", sentence))
    wanted = [at for at, word in enumerate(words)
              if word.group()[:1].isupper() and word.start() not in quoted and offset + word.start() not in not_people
              and not _never_a_name(word.group())]
    windows: list[list[int]] = []
    for at in wanted:
        start, end = max(0, at - _WINDOW), min(len(words), at + _WINDOW + 1)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return [sentence[words[start].start():words[end - 1].end()] for start, end in windows]
