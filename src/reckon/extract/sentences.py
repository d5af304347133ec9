"""Fast rule-based sentence segmentation over a document's whole text, keeping offsets.

Headlines, captions, bylines and tag lines carry no final stop, so a line break ends a
sentence, unless the next line starts with a lower-case word: that is a hard-wrapped
paragraph (statements and e-mailed releases wrap at ~70 columns), and its sentences run on
over the break. Inside a paragraph a sentence ends at . ! ? (optionally followed by a closing
quote) before white space and an upper-case letter, a digit or an opening quote, unless the
stop ends a known abbreviation ("Mr.", "Dept.", "U.S.", "Jan."). Encyclopedia reference marks
after the stop ("Velmar.[7] 31 of the miners") stay with the sentence they close.

``parse_text`` gives the text the parser should read: the same characters at the same
offsets, with reference marks, hard line breaks, a wire dateline and the quote marks
around a few words blanked, since the tokenizer glues "miners,[5]" into one token, and a
parser reads a line break as a boundary, a dateline as the subject of the first clause and
a scare quote as the head of "nearly 60".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.model import Span
from reckon.extract.numbers import restated_figures

__all__ = ["Sentence", "parse_text", "split_sentences"]

# Abbreviations after which a full stop does not end the sentence (lower-cased, no dot).
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt maj capt sgt cpl pvt adm cmdr gov sen rep rev st jr sr prof "
    "dept govt corp inc ltd co no vs etc jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.g i.e approx est ft mt".split()
)
# A reference mark: "[7]", "[a]", "[note 3]", "[citation needed]".
_REFERENCE = r"\[(?:\d{1,3}|[a-z]|note\s+\d{1,3}|nb\s+\d{1,3}|citation needed)\]"
_BOUNDARY = re.compile(rf"[.!?…]+[\"'”’)\]]*(?:{_REFERENCE})*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE = re.compile(r"[^\n]+(?:\n(?=[ \t]*[a-z])[^\n]+)*")
_BLANKED = re.compile(rf"{_REFERENCE}|\n")


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


# A wire dateline opening a story: "OSK, May 3, 2022 (Agency) - ", "TARROW — ".
_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,[^—–\n]{0,90}?)?\s+(?:—|–|--|-)\s+(?=[A-Z\"“])")


# A chronology entry's stamp: "8 November, morning - Police announce ...", "About 23:00 - The
# attackers ...", "7 November 2021, about 22:45 - ...". The parser takes the stamp for the
# clause's subject (the claimant "morning").
_CHRONOLOGY_STAMP = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?[ ]+[A-Z][a-z]+\.?(?:[ ]+\d{4})?|[A-Z][a-z]+\.?[ ]+\d{1,2}(?:,[ ]*\d{4})?"
    r"|(?:[Aa]bout|[Aa]round|[Aa]t)[ ]+\d{1,2}[:.]\d{2}(?:[ ]*[ap]\.?m\.?|[ ]*hrs)?|\d{1,2}[:.]\d{2}(?:[ ]*[ap]\.?m\.?|[ ]*hrs)?)"
    r"(?:,[ ]*[^-–—\n,]{1,30})*[ ]+[-–—][ ]+(?=[A-Z])")


# Quote marks around a few words ("more than 50", "nearly 60"): a writer's scare quotes,
# which the parser takes for the phrase's head.
_SHORT_QUOTE = re.compile(r"[\"“]([^\"“”\n]{1,40})[\"”]")


def _unquote_short(match: re.Match[str]) -> str:
    inner = match.group(1)
    if len(inner.split()) > 4:
        return match.group(0)
    return " " + inner + " "


# A dataset entry's label: "Osk (Northern Region): Gunmen killed ...", "Osk: Gunmen killed ...".
# The parser reads the label as the clause's subject (the country as the killer); it only says
# where the entry happened, which the place finder reads from the text itself.
_ENTRY_LABEL = re.compile(r"^(?P<c>[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3})[ ]?(?P<r>\([^()\n]{2,40}\))?:[ ]+(?=[A-Z])")


def _entry_label(match: re.Match[str]) -> str:
    from reckon.extract.places import is_country_name  # the places module reads the country table

    if match.group("r") or is_country_name(match.group("c")):
        return " " * len(match.group(0))
    return match.group(0)


# "On 1 June 2024 the militia stormed ...": an opening date with no comma after it, which the
# parser reads as a preposition taking the subject for its object; it dates, and says nothing of who.
_OPENING_DATE = re.compile(
    r"^[ \t]*On[ ]+(?:[A-Z][a-z]+day[ ]+)?\d{1,2}(?:st|nd|rd|th)?[ ]+(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)[ ]+\d{4}[ ]+(?=[A-Za-z])")


def parse_text(text: str) -> str:
    """``text`` with reference marks, line breaks, restated bracketed figures, a leading dateline, a leading entry
    label and an opening date blanked, offsets unchanged: the parser reads "TARROW — Police shot ..." as a name
    heading the clause."""
    blanked = _SHORT_QUOTE.sub(_unquote_short, _BLANKED.sub(lambda m: " " * len(m.group(0)), text))
    blanked = _OPENING_DATE.sub(lambda m: " " * len(m.group(0)), blanked, count=1)
    blanked = _ENTRY_LABEL.sub(_entry_label, blanked, count=1)
    for start, end in restated_figures(blanked):  # "twenty one (21) students": the words say it once
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    blanked = _CHRONOLOGY_STAMP.sub(lambda m: " " * len(m.group(0)), blanked, count=1)
    return _DATELINE.sub(lambda m: " " * len(m.group(0)), blanked, count=1)


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(span=Span(start=start, end=end), text=text[start:end], paragraph=paragraph))
