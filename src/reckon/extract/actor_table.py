"""The alias table: the actors the project knows, every name each goes by, and look-up by name.

``data/aliases.tsv`` holds the general table, one actor a row with its kind, its country and
its aliases; a user extends it through the file named by RECKON_ALIASES. ``AliasTable`` gives
the canonical name of a name written any of the ways ``actor_keys`` lets count as one, a
branch by its body ("Amnesty International Kenya"), and a misspelt or transliterated name
("Hizbollah", "Mojahedeen") by a fuzzy match that is deliberately strict: only for names of
eight letters or more, never for acronyms. The table is built once and serves every document,
whereas a document's own aliases (``actor_definitions``) and mentions (``actor_mentions``)
are read per text on top of it, so it lives apart from them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from reckon.errors import ExtractError
from reckon.extract.actor_keys import Index, acronym_form, is_acronym, name_key

__all__ = [
    "CONNECTORS",
    "KINDS",
    "ActorEntry",
    "AliasTable",
    "load_alias_table",
    "parse_alias_table",
]


KINDS = frozenset(
    "armed_group state_force government party ngo un igo media court person country".split()
)

# Calibrated on transliteration pairs (Hezbollah/Hizbollah scores 89, Mojahedin/Mujahedin
# 94) against near-miss pairs of different actors (Iraqi/Iranian government scores 86):
# below 90 the table starts confusing neighbours.
_FUZZY_CUTOFF = 90
_FUZZY_MIN_LENGTH = 8

# Lower-case words that may sit inside a multi-word name ("Council of Resistance of Iran").
CONNECTORS = frozenset(
    "of the for and to in on de du des la le el al al- e y van von bin ibn wa wal ul ud us".split()
)

_VOWELS = re.compile(r"[aeiouy\s']")


def _skeleton(key: str) -> str:
    """Consonant skeleton: transliterations of one Arabic or Persian name share it."""
    consonants = _VOWELS.sub("", key)
    return re.sub(r"(.)\1+", r"\1", consonants)


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorEntry:
    """One row of the alias table."""

    canonical: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()

    @property
    def demonym(self) -> str | None:
        """For a country row, the adjective its first alias gives ("Nigerian")."""
        return self.aliases[0] if self.kind == "country" and self.aliases else None


def parse_alias_table(text: str, *, source: str = "aliases.tsv") -> list[ActorEntry]:
    """Rows of an alias file; a malformed line raises R203 naming the file and line."""
    entries: list[ActorEntry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\r\n").split("\t")
        if len(cells) == 3:
            cells.append("")
        where = f"{source}:{number}"
        if len(cells) != 4:
            raise ExtractError(
                "an alias row needs 4 tab-separated columns", where=where, code="R203"
            )
        canonical, kind, country, aliases = (c.strip() for c in cells)
        if not canonical:
            raise ExtractError("an alias row needs a canonical name", where=where, code="R203")
        if kind not in KINDS:
            raise ExtractError(f"unknown actor kind {kind!r}", where=where, code="R203")
        if country not in ("", "-") and not re.fullmatch(r"[A-Z]{2}", country):
            raise ExtractError(
                f"country must be ISO alpha-2 or -, got {country!r}", where=where, code="R203"
            )
        names = tuple(dict.fromkeys(a.strip() for a in aliases.split("|") if a.strip()))
        entries.append(
            ActorEntry(
                canonical=canonical,
                kind=kind,
                country=country if country not in ("", "-") else None,
                aliases=names,
            )
        )
    return entries


_FUZZY_MEMO_SIZE = 50_000


class AliasTable:
    """Canonical names for the names of actors; build with :func:`load_alias_table`."""

    def __init__(self, entries: Iterable[ActorEntry]):
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            old = self._entries.get(entry.canonical)
            if old is not None:  # a user row for a known actor extends it
                entry = ActorEntry(
                    canonical=old.canonical,
                    kind=old.kind,
                    country=old.country,
                    aliases=tuple(dict.fromkeys(old.aliases + entry.aliases)),
                )
            self._entries[entry.canonical] = entry
        self.index = Index()
        self._demonyms: dict[str, str] = {}  # key of demonym -> ISO
        self._countries: dict[str, ActorEntry] = {}
        for entry in self._entries.values():
            for name in (entry.canonical, *entry.aliases):
                self.index.add(name, entry.canonical)
            if entry.kind == "country" and entry.country:
                self._countries[entry.country] = entry
                if entry.demonym:
                    self._demonyms[name_key(entry.demonym)] = entry.country
        self._keys = list(self.index.words)
        # The keys by length, with their places in ``_keys``: a ratio of at least the cutoff
        # needs lengths within about a tenth of each other, so a fuzzy look-up scores a few
        # hundred keys of the table's thousands (see _closest_key).
        self._keys_by_length: dict[int, tuple[list[str], list[int]]] = {}
        for place, key in enumerate(self._keys):
            keys, places = self._keys_by_length.setdefault(len(key), ([], []))
            keys.append(key)
            places.append(place)
        # The table never changes once built, so a fuzzy verdict holds for every document;
        # bounded so a long ingest keeps flat memory.
        self._fuzzy_memo: dict[tuple[str, str], str | None] = {}
        self._skeletons: dict[str, set[str]] = {}
        for key, hit in self.index.words.items():
            if len(key) >= _FUZZY_MIN_LENGTH:
                self._skeletons.setdefault(_skeleton(key), set()).add(hit.canonical)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, canonical: object) -> bool:
        return canonical in self._entries

    def entry(self, canonical: str) -> ActorEntry | None:
        return self._entries.get(canonical)

    def entries(self) -> list[ActorEntry]:
        return list(self._entries.values())

    def kind(self, name: str) -> str | None:
        canonical = self.canonical(name, fuzzy=False)
        entry = self._entries.get(canonical) if canonical else None
        return entry.kind if entry else None

    def country(self, iso: str) -> ActorEntry | None:
        """The country row for an ISO code."""
        return self._countries.get(iso)

    def is_demonym(self, word: str) -> bool:
        return name_key(word) in self._demonyms

    def canonical(self, name: str, *, fuzzy: bool = True) -> str | None:
        """The canonical name of ``name``, or None when the table does not know it."""
        name = name.strip().strip(",.;:\"“”‘’'()[]")
        if not name:
            return None
        if is_acronym(name):
            return self.index.acronyms.get(acronym_form(name))
        key = name_key(name)
        hit = self.index.words.get(key) or self.index.words.get(key.removeprefix("the "))
        if hit is not None:
            return hit.canonical
        stripped = self._without_country_suffix(key)
        if stripped and stripped in self.index.words:
            return self.index.words[stripped].canonical
        if fuzzy and len(key) >= _FUZZY_MIN_LENGTH:
            memo_key = (name, key)
            if memo_key not in self._fuzzy_memo:
                if len(self._fuzzy_memo) >= _FUZZY_MEMO_SIZE:
                    self._fuzzy_memo.clear()
                self._fuzzy_memo[memo_key] = self._fuzzy(name, key)
            return self._fuzzy_memo[memo_key]
        return None

    def _closest_key(self, key: str) -> str | None:
        """What ``process.extractOne(key, self._keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)``
        picks (the first key of the best score), scoring only keys whose length allows the
        cutoff: an indel ratio is at most 200 * min(a, b) / (a + b) for lengths a and b."""
        best: tuple[float, int, str] | None = None  # (score, place in _keys, key)
        for length, (keys, places) in self._keys_by_length.items():
            if 200 * min(length, len(key)) / (length + len(key)) < _FUZZY_CUTOFF - 1:  # 1: float slack
                continue
            found = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
            if found is not None:
                score, place = found[1], places[found[2]]
                if best is None or score > best[0] or (score == best[0] and place < best[1]):
                    best = (score, place, found[0])
        return best[2] if best is not None else None

    def _without_country_suffix(self, key: str) -> str | None:
        """ "amnesty international kenya" -> "amnesty international": a branch is its body."""
        parts = key.split()
        for n in (3, 2, 1):
            if len(parts) > n + 1:
                tail = " ".join(parts[-n:])
                hit = self.index.words.get(tail)
                if hit is not None and self._entries[hit.canonical].kind == "country":
                    return " ".join(parts[:-n])
        return None

    def _fuzzy(self, name: str, key: str) -> str | None:
        """A misspelt or transliterated *name*: every word capitalised, same first word."""
        words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in CONNECTORS]
        if not words or not all(w[:1].isupper() for w in words):
            return None  # "the military", "security forces": descriptions are never fuzzed
        key = key.removeprefix("the ")
        candidate = self._closest_key(key)
        if candidate is not None:
            # Different leading words are different actors ("Iraqi ..." vs "Iranian ...").
            if candidate.split()[0][:3] == key.split()[0][:3]:
                return self.index.words[candidate].canonical
        initials = [w[0] for w in key.split()]
        owners = {
            owner
            for owner in self._skeletons.get(_skeleton(key), set())
            for k, h in self.index.words.items()
            if h.canonical == owner and [w[0] for w in k.split()] == initials
        }
        if len(owners) == 1:
            (owner,) = owners
            keys = [k for k, h in self.index.words.items() if h.canonical == owner]
            if process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=75) is not None:
                return owner
        return None


def _read_user_rows(path: str) -> list[ActorEntry]:
    file = Path(path).expanduser()
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise ExtractError(
            f"alias file could not be read ({error.strerror})", where=str(file), code="R203"
        ) from error
    return parse_alias_table(text, source=str(file))


@lru_cache(maxsize=4)
def _load(user_path: str | None) -> AliasTable:
    text = resources.files("reckon.data").joinpath("aliases.tsv").read_text(encoding="utf-8")
    entries = parse_alias_table(text, source="reckon/data/aliases.tsv")
    if user_path:
        entries += _read_user_rows(user_path)
    return AliasTable(entries)


def load_alias_table(*, path: str | None = None) -> AliasTable:
    """The packaged table plus the user's (``path``, else the file RECKON_ALIASES names)."""
    return _load(path or os.environ.get("RECKON_ALIASES") or None)

