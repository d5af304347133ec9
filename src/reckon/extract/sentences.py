"""Fast rule-based sentence segmentation over a document's whole text, keeping offsets.

Headlines, captions, bylines and tag lines carry no final stop, so every line break ends a
sentence; inside a paragraph a sentence ends at . ! ? (optionally followed by a closing
quote) before white space and an upper-case letter, a digit or an opening quote, unless the
stop ends a known abbreviation ("Mr.", "Dept.", "U.S.", "Jan.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.model import Span

__all__ = ["Sentence", "split_sentences"]

# Abbreviations after which a full stop does not end the sentence (lower-cased, no dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj capt sgt cpl pvt adm cmdr gov sen rep rev st jr sr prof "
    "dept govt corp inc ltd co no vs etc jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.g i.e approx est ft mt".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    span: Span
    text: str
    paragraph: int  # index of the line (paragraph) the sentence sits in


def _ends_with_abbreviation(text: str, stop: int) -> bool:
    start = stop
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:stop].lower().rstrip(".")
    if not word:
        return False
    if word in _ABBREVIATIONS:
        return True
    # Initials ("J." in "James J. Smith") and single letters.
    return len(word) == 1 and word.isalpha()


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        start = line.start()
        for match in _BOUNDARY.finditer(text, line.start(), line.end()):
            if text[match.start()] == "." and _ends_with_abbreviation(text, match.start()):
                continue
            _add(sentences, text, start, match.end(), paragraph)
            start = match.end()
        _add(sentences, text, start, line.end(), paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(span=Span(start=start, end=end), text=text[start:end], paragraph=paragraph))
