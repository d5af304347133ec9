"""Vocabularies read from data files: harm words and reporting verbs.

The words live in ``reckon/data/*.tsv|txt`` so a user can read and extend them; this module
only loads them and refuses nonsense (an unknown kind, a malformed line) with R203.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from reckon.errors import ExtractError
from reckon.model import CountKind

__all__ = ["HarmLexicon", "load_harm_lexicon", "load_reporting_verbs", "load_violence_words"]

_ROLES = {"verb", "noun", "adj", "phrase", "label"}


@dataclass(frozen=True, slots=True, kw_only=True)
class HarmLexicon:
    verbs: dict[str, CountKind]
    nouns: dict[str, CountKind]
    adjectives: dict[str, CountKind]
    phrases: dict[str, CountKind]
    labels: dict[str, CountKind]
    # The phrases by their first characters (as many as the shortest phrase has), in table
    # order: ``phrases_at`` hands a reader the few a text may start with, not all of them.
    _phrase_heads: dict[str, tuple[tuple[str, CountKind], ...]] = field(init=False, repr=False, compare=False)
    _head_length: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        length = min(map(len, self.phrases), default=0)
        heads: dict[str, list[tuple[str, CountKind]]] = {}
        for phrase, kind in self.phrases.items():
            heads.setdefault(phrase[:length], []).append((phrase, kind))
        object.__setattr__(self, "_head_length", length)
        object.__setattr__(self, "_phrase_heads", {head: tuple(items) for head, items in heads.items()})

    def phrases_at(self, text: str) -> tuple[tuple[str, CountKind], ...]:
        """(phrase, kind) of every phrase that may begin ``text``, in table order: a superset
        of those that do (each shares ``text``'s first characters), so callers still check."""
        return self._phrase_heads.get(text[: self._head_length], ())


# Python's ignore-case patterns let four letters outside ASCII match ASCII ones: the long s
# (U+017F) matches "s", the Kelvin sign "k", the dotless and the dotted i "i". A word the
# patterns matched is looked up in ASCII tables, so it is folded with them first.
_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "i"})


def fold(word: str) -> str:
    """``word`` in lower case, with the letters ignore-case patterns equate to ASCII made ASCII."""
    return word.translate(_FOLD).lower()


def _data_lines(name: str) -> list[tuple[int, str]]:
    text = resources.files("reckon.data").joinpath(name).read_text(encoding="utf-8")
    return [
        (number, line.rstrip("\n"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


@lru_cache(maxsize=1)
def load_harm_lexicon() -> HarmLexicon:
    tables: dict[str, dict[str, CountKind]] = {role: {} for role in _ROLES}
    for number, line in _data_lines("harm.tsv"):
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in _ROLES:
            raise ExtractError(f"expected 'word<TAB>kind<TAB>role' with role in {sorted(_ROLES)}",
                               where=f"data/harm.tsv:{number}", code="R203")
        word, kind, role = (part.strip() for part in parts)
        try:
            tables[role][word.lower()] = CountKind(kind)
        except ValueError:
            raise ExtractError(f"unknown count kind {kind!r}", where=f"data/harm.tsv:{number}",
                               code="R203") from None
    return HarmLexicon(verbs=tables["verb"], nouns=tables["noun"], adjectives=tables["adj"],
                       phrases=tables["phrase"], labels=tables["label"])


@lru_cache(maxsize=1)
def load_reporting_verbs() -> frozenset[str]:
    verbs = set()
    for number, line in _data_lines("reporting_verbs.txt"):
        word = line.strip().lower()
        if not word.isalpha():
            raise ExtractError("a reporting verb is one lemma of letters", where=f"data/reporting_verbs.txt:{number}", code="R203")
        verbs.add(word)
    return frozenset(verbs)


@lru_cache(maxsize=1)
def load_violence_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs, nouns) of data/violence.tsv: words whose agent is accused of an incident."""
    verbs, nouns = set(), set()
    for number, line in _data_lines("violence.tsv"):
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) != 2 or parts[1] not in ("verb", "noun") or not parts[0]:
            raise ExtractError("expected 'lemma<TAB>verb|noun'", where=f"data/violence.tsv:{number}", code="R203")
        (verbs if parts[1] == "verb" else nouns).add(parts[0].lower())
    return frozenset(verbs), frozenset(nouns)
