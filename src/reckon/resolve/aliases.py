"""Merge actor names that different documents spell differently into one canonical name.

"al-Shabab", "Al-Shabaab" and "al Shabaab's" are one actor; "MEK" and "PMOI" are one actor
only if the extract stage's alias table (``Actor.aliases``) says so, because acronyms are
matched exactly: a one-letter change turns one acronym into another organisation.

Cost stays near-linear in the number of distinct names: names are compared only inside
small blocks (same token initials, or same first three letters of the name without
spaces, and a similar length), and each block is scored in C by rapidfuzz.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from reckon.model import Actor

__all__ = [
    "is_acronym",
    "is_named_actor",
    "length_bands",
    "normalize_name",
    "resolve_actor_names",
]

# Calibrated on spelling variants seen in reporting (Shabab/Shabaab 94.7, Mojahedin/
# Mujahedin 97, Hezbollah/Hizbollah 94) against near-misses that are different actors
# (US forces/UK forces 88.9, Iraqi forces/Iranian forces 84.6): 90 keeps the first
# group together and the second apart.
FUZZY_THRESHOLD = 90.0
# Short names carry too little signal for fuzzy matching ("Hamas"/"Hamis").
MIN_FUZZY_LENGTH = 6
_LOG_BAND = math.log(1.3)

_APOSTROPHE = "'\u2019\u2018`\u00b4\u02bc"
_POSSESSIVE = re.compile(rf"[{_APOSTROPHE}]s\b|(?<=s)[{_APOSTROPHE}](?=\s|$)")
_INWORD_APOSTROPHE = re.compile(rf"[{_APOSTROPHE}]")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+")
_DIGITS = re.compile(r"\d+")
_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011]+")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")


@lru_cache(maxsize=1 << 16)  # names repeat across documents: normalise each once
def normalize_name(name: str) -> str:
    """Fold case, diacritics, possessives, apostrophes and punctuation.

    "Al-Shabaab's" -> "al shabaab"; "Kata'ib Hezbollah" -> "kataib hezbollah";
    "Médecins Sans Frontières" -> "medecins sans frontieres"; "The Army" -> "army".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    # In-word apostrophes are transliteration marks (Kata'ib, Ba'ath): join, don't split,
    # so the token initials used for blocking do not change.
    text = _INWORD_APOSTROPHE.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    text = _LEADING_ARTICLE.sub("", text)
    return " ".join(text.split())


def is_named_actor(actor: str) -> bool:
    """A name ("Red Hand", "al-Shabaab") rather than a description ("armed men", "gunmen").

    Extractors keep an actor's capitals, so a capitalised word (or hyphenated part of one)
    marks a name.
    """
    return any(part[:1].isupper() for part in _NAME_PARTS.split(actor))


def is_acronym(name: str) -> bool:
    """Upper-case letters (dots allowed): "MEK", "U.N.", "PMOI"; never fuzzy-matched."""
    return bool(_ACRONYM.match(name.strip()))


def length_bands(length: int) -> tuple[int, int]:
    """Two overlapping bands of lengths; strings within 30% of each other share one.

    A ratio of 88 or more needs the longer string within 1.27 times the shorter (the
    ratio is at most 2 * shorter / (shorter + longer)), so blocks split by band lose no
    match while staying small as the number of names grows.
    """
    band = int(math.log(max(length, 1)) / _LOG_BAND)
    return band, band + 1


def _block_keys(key: str) -> list[str]:
    tokens = key.split()
    initials = "".join(t[0] for t in tokens)
    compact = key.replace(" ", "")
    return [
        f"{kind}:{prefix}:{band}"
        for kind, prefix in (("i", initials), ("p", compact[:3]))
        for band in length_bands(len(compact))
    ]


def _is_fuzzy_pair(a: str, b: str) -> bool:
    # Numbers name different units ("4th Squadron" vs "5th Squadron"): they must agree.
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    score = max(fuzz.ratio(a, b), fuzz.ratio(a.replace(" ", ""), b.replace(" ", "")))
    return score >= FUZZY_THRESHOLD


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            root = self.find(parent)
            self.parent[item] = root
            return root
        return item

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller key becomes the root so the result does not depend on input order.
            low, high = sorted((root_a, root_b))
            self.parent[high] = low


def _fuzzy_unions(keys: list[str], sets: _UnionFind) -> None:
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for block in _block_keys(key):
            blocks[block].append(key)
    for members in blocks.values():
        if len(members) < 2:
            continue
        compact = [key.replace(" ", "") for key in members]
        matrix = process.cdist(
            compact, compact, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD - 0.001
        )
        for i, j in zip(*matrix.nonzero(), strict=True):
            if i < j and _is_fuzzy_pair(members[i], members[j]):
                sets.union(members[i], members[j])


def resolve_actor_names(names: Iterable[str], *, actors: Iterable[Actor] = ()) -> dict[str, str]:
    """Map every surface form to its canonical form: ``{"Al-Shabaab": "al-Shabaab", ...}``.

    Names whose normal forms are equal are one actor; names of at least
    ``MIN_FUZZY_LENGTH`` characters whose normal forms score ``FUZZY_THRESHOLD`` or more
    are one actor; acronyms match only exactly. ``actors`` (the extract stage's alias
    table) joins its names and aliases unconditionally and its ``name`` is preferred as
    canonical. Otherwise the canonical form is the most frequent surface form, then one
    without a leading "the", then the longest, then the first in alphabetical order.
    """
    frequency: Counter[str] = Counter(name for name in names if name and name.strip())
    preferred: set[str] = set()
    sets = _UnionFind()
    for actor in actors:
        preferred.add(actor.name)
        frequency.setdefault(actor.name, 0)
        for alias in actor.aliases:
            frequency.setdefault(alias, 0)
            sets.union(normalize_name(actor.name) or actor.name, normalize_name(alias) or alias)

    key_of = {surface: normalize_name(surface) or surface for surface in frequency}
    fuzzy_keys = sorted(
        {
            key
            for surface, key in key_of.items()
            if not is_acronym(surface) and len(key.replace(" ", "")) >= MIN_FUZZY_LENGTH
        }
    )
    for key in key_of.values():
        sets.find(key)
    _fuzzy_unions(fuzzy_keys, sets)

    members: dict[str, list[str]] = defaultdict(list)
    for surface, key in key_of.items():
        members[sets.find(key)].append(surface)
    canonical: dict[str, str] = {}
    for surfaces in members.values():
        best = min(
            surfaces,
            # "the Red Hand" and "Red Hand" tie: the name without the article reads as a name.
            key=lambda s: (
                s not in preferred,
                -frequency[s],
                bool(_LEADING_ARTICLE.match(s.casefold())),
                -len(s),
                s,
            ),
        )
        for surface in surfaces:
            canonical[surface] = best
    return canonical
