"""How a place name is written, and the words around a name that tie it to a place or to a person.

The shape of a name (capitalised words, the particles and joined articles inside it:
"Rabaa al Adawiya", "al-Mansuriya"), the runs of capitalised words every table is asked
about, and the small tests of the words beside a run: a locative before it ("in southern
X"), a capitalised word before or after that makes it part of a person's name ("Justice
Cameron", "Wambui Nduta Kariuki"), the start of a sentence. Every finder shares them, so they
sit below all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from reckon.extract.place_tables import fold, place_stopwords


# --- text patterns -----------------------------------------------------------------------
# Particles inside names when written apart ("Rabaa al Adawiya", "Sitio de Oro"); the
# Arabic article's assimilated forms (at-, as-, an-) only hyphenated, as English
# "at", "as", "an" would join two names across a sentence.
_PARTICLE = r"(?:al|el|bin|ibn|de|del|la|le|du|da|di|do|dos|das|van|von|y)"
_CAP = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ul)[-‑])?[A-Z][\w'’]*(?:[-‑][A-Za-z][\w'’]*)*"
NAME = rf"{_CAP}(?:[ ](?:{_PARTICLE}[ ])?{_CAP}){{0,3}}"


_TOKEN = re.compile(r"\w+(?:['’‑-]\w+)*")


# "in southern Ampatuan", "near north-western Kasso": a compass word between the
# preposition and the name still ties the name to a place.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|inside|outside|into|to|around|across|towards?|through|within|of\s+the\s+"
    r"(?:town|village|city|district|province|region)\s+of|(?:town|village|city|district|camp)\s+of)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?[ ]|"
    r"(?:north|south)-?(?:east|west)ern[ ])?)$",
    re.I,
)


# A capitalised word after a town name that still leaves the town a place ("Christchurch
# District Court", "Kabul airport"); any other ("Boko Haram", "Quds Force") makes it part
# of another name.
PLACE_NEXT = frozenset(
    "district court city town hospital airport university college school province state region governorate "
    "county square street road avenue station market mosque church prison camp police mayor governor "
    "municipality council port harbour bridge valley river lake".split()
)


_MAX_TOKENS = 6


NOT_PLACE_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday i he she we they it this that the a an".split()
)


def name_spans(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, key, surface) for every run of 1..6 tokens starting capitalised, longest first."""
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    for i, (start, _) in enumerate(tokens):
        first = text[start]
        if not (first.isupper() or text.startswith(("al-", "el-"), start)):
            continue
        end_i = i
        for j in range(i + 1, min(i + _MAX_TOKENS, len(tokens))):
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            if gap != " ":
                break
            end_i = j
        for j in range(end_i, i - 1, -1):
            end = tokens[j][1]
            surface = text[start:end]
            yield start, end, fold(surface), surface


def is_locative(text: str, start: int) -> bool:
    return _locative_ending(text[max(0, start - 40) : start])


@lru_cache(maxsize=1 << 14)  # each run of words from one start asks again, and so do the checks after it
def _locative_ending(before: str) -> bool:
    return bool(_LOCATIVE.search(before))


def next_to_capital(text: str, start: int, end: int) -> bool:
    """A capitalised name word right before or after: "Michael Jordan", "Chad Smith"."""
    prev = re.search(r"\b([A-Z][a-z]+)[ ]$", text[max(0, start - 30) : start])
    cap_before = prev is not None and fold(prev.group(1)) not in place_stopwords()
    return cap_before or bool(re.match(r"[ ][A-Z][a-z]", text[end : end + 30]))


def inside_person_name(text: str, start: int, end: int) -> bool:
    """Capitalised name words on both sides: "Wambui Nduta Kariuki"."""
    prev = re.search(r"\b([A-Z][a-z]+)[ ]$", text[max(0, start - 30) : start])
    return prev is not None and fold(prev.group(1)) not in place_stopwords() \
        and not sentence_start(text, start - len(prev.group(0))) and bool(re.match(r"[ ][A-Z][a-z]", text[end : end + 3]))


def sentence_start(text: str, i: int) -> bool:
    head = text[max(0, i - 3) : i].rstrip(" \t")
    return not head or head[-1] in ".!?:\n\"'“‘(•-–—|"
