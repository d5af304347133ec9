"""The key an actor's name is matched on, and the index of keys to actors.

Matching is on a *key*: case, accents, apostrophe style, hyphens, full stops, a leading
"the" and a possessive 's do not count. Acronyms are the exception: "AAH" must be written
in capitals, because lower-case "aah" or "is" are words, and a line written all in capitals
is shouting, not acronyms. A capitalised word of an alias must be capitalised in the text
too, so "the Age" (a newspaper) never matches "the age of 18": ``Index`` keeps, per key,
which words must be capitalised and which may carry a possessive. The packaged alias table
(``actor_table``), a document's own aliases (``actor_definitions``) and the scan of a text
for mentions (``actor_mentions``) all read names this one way, so it lives below them all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "Index",
    "acronym_form",
    "is_acronym",
    "is_possessive",
    "is_shouting",
    "name_key",
    "norm_token",
    "tokenize",
]


_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
# A token: dotted initials ("U.S.", "U.N"), or a word with inner apostrophes ("Kata'ib").
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])|(?:[^\W\d_]\.)+[^\W\d_](?![\w])|[^\W_]+(?:['’ʼ][^\W_]+)*"
)


@lru_cache(maxsize=1 << 16)  # words and names recur across a document and a corpus
def _fold(text: str) -> str:
    """Accents off, one apostrophe, so "Médecins" = "Medecins" and "Kata’ib" = "Kata'ib"."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text  # ASCII decomposes to itself and holds no combining marks
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def norm_token(raw: str) -> str:
    token = _fold(raw).lower().replace(".", "")
    if token.endswith("'s") and len(token) > 2:
        token = token[:-2]
    return token.replace("'", "")


def tokenize(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


@lru_cache(maxsize=1 << 14)  # a name is keyed and masked (capitals, possessives) apart
def _key_words(name: str) -> tuple[tuple[str, str], ...]:
    """(raw, normalised) words of a name; a leading "the" goes unless one word would be left,
    so "the Taliban" keys as "taliban" but "The Age" (a newspaper) keeps its article."""
    words = [(m.group(), norm_token(m.group())) for m in tokenize(name)]
    words = [(raw, norm) for raw, norm in words if norm]
    if len(words) >= 3 and words[0][1] == "the":
        words = words[1:]
    return tuple(words)


@lru_cache(maxsize=1 << 16)  # every canonical() look-up keys its name, and names recur
def name_key(name: str) -> str:
    """The matching key of a name: "The State Dept." -> "state dept"."""
    return " ".join(norm for _, norm in _key_words(name))


def acronym_form(surface: str) -> str:
    form = _fold(surface).replace(".", "").strip()
    if form.endswith("'s"):
        form = form[:-2]
    return form


@lru_cache(maxsize=1 << 14)
def is_acronym(name: str) -> bool:
    """One word of capitals ("KH", "MeK", "IS-K", "PMOI/MEK", "U.N."): matched exactly."""
    form = acronym_form(name)
    if not form or any(ch.isspace() for ch in form):
        return False
    pieces = [p for p in re.split(r"[-/&]", form) if p]
    if not pieces or any(len(p) > 8 for p in pieces):
        return False
    letters = [ch for ch in form if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    if len(letters) == 1:  # "M23", "G9", "3R"
        return upper == 1 and len(form) > 1
    return upper >= 2 and upper * 2 >= len(letters)


def _capital_mask(name: str) -> tuple[bool, ...]:
    return tuple(raw[:1].isupper() and norm != "the" for raw, norm in _key_words(name))


def is_possessive(raw: str) -> bool:
    return raw.endswith(("'s", "’s", "ʼs"))


def _possessive_mask(name: str) -> tuple[bool, ...]:
    return tuple(is_possessive(raw) for raw, _ in _key_words(name))


@dataclass(frozen=True, slots=True)
class _Hit:
    canonical: str
    mask: tuple[bool, ...]  # words that must be capitalised
    possessive: tuple[bool, ...] = ()  # words that may carry 's ("People's Mojahedin")


@dataclass(slots=True)
class Index:
    """Key -> actor lookups, shared by the table and a document's overlay."""

    words: dict[str, _Hit] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    longest: int = 1

    def add(self, name: str, canonical: str, *, override: bool = False) -> None:
        if is_acronym(name):
            form = acronym_form(name)
            if override or form not in self.acronyms:
                self.acronyms[form] = canonical
            return
        key = name_key(name)
        if not key:
            return
        mask, possessive = _capital_mask(name), _possessive_mask(name)
        old = self.words.get(key)
        if old is not None and not override:
            if old.canonical == canonical and len(old.mask) == len(mask):
                # Two spellings of one key: a word need be capitalised only if both capitalise it.
                self.words[key] = _Hit(
                    canonical,
                    tuple(a and b for a, b in zip(old.mask, mask)),
                    tuple(a or b for a, b in zip(old.possessive, possessive)),
                )
            return
        self.words[key] = _Hit(canonical, mask, possessive)
        parts = key.split()
        self.longest = max(self.longest, len(parts))
        for n in range(1, len(parts) + 1):
            self.prefixes.add(" ".join(parts[:n]))


_SHOUT_WINDOW = 400


def is_shouting(text: str, start: int) -> bool:
    """An all-capitals line: its words look like acronyms but are not ("IS", "WHO")."""
    # Looked at within a window: a headline is short, and scanning a whole multi-megabyte
    # single-line input for every mention would make extraction quadratic in its length.
    low, high = max(0, start - _SHOUT_WINDOW), min(len(text), start + _SHOUT_WINDOW)
    line_start = text.rfind("\n", low, start) + 1 or low
    line_end = text.find("\n", start, high)
    line = text[line_start : line_end if line_end >= 0 else high]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
