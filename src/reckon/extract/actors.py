"""Actors and their names: the alias table, the aliases a document defines, and mentions.

One actor has many names: "MEK", "PMOI", "Mujahedin-e Khalq" and "People's Mojahedin
Organization of Iran" are one party; "Nigeria's military" and "the Nigerian Army" are one
force. ``data/aliases.tsv`` holds the general table (a user extends it through the file
named by RECKON_ALIASES); a document adds its own definitions ("Kata'ib Hezballah (KH)",
"the Mujahedeen-e Khalq, or MeK"), which win over the table inside that document.

Matching is on a *key*: case, accents, apostrophe style, hyphens, full stops, a leading
"the" and a possessive 's do not count. Acronyms are the exception: "AAH" must be written
in capitals, because lower-case "aah" or "is" are words. A capitalised word of an alias
must be capitalised in the text too, so "the Age" (a newspaper) never matches "the age of
18". Misspellings and transliterations ("Hizbollah", "Mojahedeen") fall back on a fuzzy
match that is deliberately strict: only for names of eight letters or more, never for
acronyms.
"""

from __future__ import annotations

import os
import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from reckon.errors import ExtractError
from reckon.extract.actor_keys import (
    Index,
    acronym_form,
    is_acronym,
    is_possessive,
    is_shouting,
    name_key,
    norm_token,
    tokenize,
)
from reckon.model import Span

__all__ = [
    "ActorEntry",
    "ActorMention",
    "ActorResolver",
    "AliasTable",
    "KINDS",
    "find_actors",
    "find_document_aliases",
    "is_acronym",
    "load_alias_table",
    "name_key",
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


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """A name of a known (or document-defined) actor at ``span`` of the text."""

    span: Span
    surface: str
    canonical: str
    kind: str | None = None


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
        words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in _CONNECTORS]
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


# ---------------------------------------------------------------- document definitions

# Lower-case words that may sit inside a multi-word name ("Council of Resistance of Iran").
_CONNECTORS = frozenset(
    "of the for and to in on de du des la le el al al- e y van von bin ibn wa wal ul ud us".split()
)
_NAME_WORD = re.compile(r"[\w’'.&-]+")
_ABBR = r"[A-Z][\w.&’'-]*(?:/[A-Z][\w.&’'-]*)*"
_PAREN_ABBR = re.compile(r"\((?:the\s+)?(" + _ABBR + r")\)")
_PAREN_NAME = re.compile(r"\b(" + _ABBR + r")\s+\(((?:[A-Z][\w’'.-]*)(?:\s+[\w’'.-]+){1,10})\)")
_OR_NAME = re.compile(r",\s+or\s+(?:the\s+)?")
_KNOWN_AS = re.compile(
    r"(?:,\s*|\s*\()(?:(?:also|formerly|better|commonly|sometimes|otherwise)\s+)?"
    r"(?:known\s+as|referred\s+to\s+as|(?:also|formerly|otherwise)\s+called)\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "a militant group calling itself the Crimson Vanguard": the name, and the text's own
# description of the group, which later stands for it ("the militant group said ...").
_SELF_NAMED = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+((?:[a-z-]+\s+){0,2}(?:group|movement|organi[sz]ation|faction|militia|cell|network|"
    r"brigade|outfit|coalition|alliance|front|army))\s+(?:calling|naming|styling)\s+(?:itself|themselves)\s+(?:the\s+)?"
)
_GOES_BY = re.compile(r"\bwho\s+(?:also\s+)?goes\s+by\s+(?:the\s+)?(?:names?\s+|aliases?\s+)?")
_AKA = re.compile(r",?\s*\(?(?:a\.k\.a\.?|aka)\s+", re.IGNORECASE)


def _is_name_word(word: str) -> bool:
    """A capitalised word, a number, or a particle joined to a name ("al-Firdaws", "bin-Zayed")."""
    if word[:1].isupper() or word[:1].isdigit():
        return True
    head, _, tail = word.rpartition("-")
    return bool(head) and head.lower() in _CONNECTORS | {"al", "el", "ad", "ash", "as", "an", "bin", "ibn", "abu"} \
        and tail[:1].isupper()


def _name_before(text: str, end: int) -> tuple[int, str] | None:
    """The capitalised multi-word name that ends at ``end`` (connectors allowed inside)."""
    words = list(_NAME_WORD.finditer(text, max(0, end - 200), end))
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        gap = text[word.end() : (kept[-1].start() if kept else end)]
        if gap.strip(" -") or "\n" in gap:
            break
        w = word.group()
        if _is_name_word(w) or (w.lower() in _CONNECTORS and kept):
            kept.append(word)
        else:
            break
    while kept and kept[-1].group().lower() in _CONNECTORS:  # never start on "of"
        kept.pop()
    if not kept:
        return None
    start = kept[-1].start()
    return start, text[start:end]


def _name_after(text: str, start: int, *, lists: bool = False) -> str | None:
    """The capitalised multi-word name that starts at ``start`` (in a list, "and" ends it)."""
    kept: list[re.Match[str]] = []
    for word in _NAME_WORD.finditer(text, start, min(len(text), start + 200)):
        gap = text[(kept[-1].end() if kept else start) : word.start()]
        if gap.strip(" -") or "\n" in gap:
            break
        w = word.group().rstrip(".")
        if lists and w.lower() in ("and", "or"):
            break
        if _is_name_word(w) or (w.lower() in _CONNECTORS and kept):
            kept.append(word)
        else:
            break
    while kept and kept[-1].group().lower() in _CONNECTORS:
        kept.pop()
    if not kept:
        return None
    return text[kept[0].start() : kept[-1].end()].rstrip(".,")


# Words for people that precede a group's name at the start of a sentence ("Fighters of
# the Northern Front (NF)"): not part of the name.
_COLLECTIVES = frozenset(
    "members fighters supporters leaders militants soldiers troops officials commanders units "
    "elements remnants followers activists delegates representatives".split()
)


def _known_suffix(name: str, table: AliasTable) -> str:
    """ "President-elect the National Council of Resistance of Iran" -> the council: the
    longest tail the table knows, else the name cut after an inner "the" that no "of" governs."""
    words = name.split()
    if len(words) > 3 and words[0].lower() in _COLLECTIVES and words[1] == "of":
        words = words[3:] if words[2].lower() == "the" else words[2:]
        name = " ".join(words)
    for i in range(len(words) - 1):
        tail = " ".join(words[i:])
        if words[i][:1].isupper() and table.canonical(tail, fuzzy=False):
            return tail
    for i in range(len(words) - 1, 0, -1):
        if words[i].lower() == "the" and words[i - 1].lower() not in _CONNECTORS:
            return " ".join(words[i + 1 :])
    return name


def _names_list(text: str, start: int) -> list[str]:
    """ "A, B and C" from ``start``: the names a person "goes by"."""
    names: list[str] = []
    position = start
    while True:
        name = _name_after(text, position, lists=True)
        if not name:
            break
        names.append(name)
        position = text.index(name, position) + len(name)
        sep = re.match(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+", text[position:])
        if not sep:
            break
        position += sep.end()
    return names


def _is_tag_line(line: str) -> bool:
    items = [item.strip() for item in line.split(",")]
    return (
        len(items) >= 3
        and not re.search(r"[.!?;:]\s|[“”\"]", line)
        and all(item and item[0].isupper() and len(item.split()) <= 8 for item in items)
    )


_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:(?:of|the|for|and|de|du|des|al)\s+)*[A-Z][\w’'-]*)+")


def _add_initialisms(text: str, found: dict[str, set[str]], table: AliasTable, add) -> None:  # noqa: ANN001
    """An acronym the text uses but never defines, made of the initials of a name the text
    spells out ("BJB" beside "Bangsa Jihad Brigade"): one actor. Only when exactly one name
    of the text fits and neither the acronym nor the name belongs to another known actor."""
    defined = {short for shorts in found.values() for short in shorts}
    acronyms = {m.group() for m in _ACRONYM_WORD.finditer(text)} - defined
    if not acronyms:
        return
    by_initials: dict[str, set[str]] = {}
    for match in _CAPITALISED_RUN.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", match.group())
        words = [w for w in name.split() if w.lower() not in _CONNECTORS]
        if 2 <= len(words) <= 6:
            by_initials.setdefault("".join(w[0] for w in words).upper(), set()).add(name)
    for acronym in sorted(acronyms):
        names = by_initials.get(acronym, set())
        if len(names) != 1 or table.canonical(acronym, fuzzy=False) or is_shouting(text, text.find(acronym)):
            continue
        (name,) = names
        known = table.canonical(name, fuzzy=False)
        add(known or name, acronym)


def find_document_aliases(text: str, *, table: AliasTable | None = None) -> dict[str, set[str]]:
    """Names the document itself declares equal: long form -> the short forms it gives.

    "Mujahedin-e Khalq (PMOI/MEK)", "MSF (Médecins Sans Frontières)", "the
    Mujahedeen-e Khalq, or MeK", "X, also known as Y", "who also goes by the names A, B
    and C", and a tag line whose comma-separated items the table maps to one actor.
    """
    table = table or load_alias_table()
    found: dict[str, set[str]] = {}

    def add(full: str, short: str) -> None:
        full, short = full.strip(" ,"), short.strip(" ,")
        if full and short and name_key(full) != name_key(short):
            found.setdefault(full, set()).add(short)

    for match in _PAREN_ABBR.finditer(text):
        abbr = match.group(1)
        if not all(is_acronym(p) for p in abbr.split("/")):
            continue
        named = _name_before(text, match.start())
        if named is None or text[named[0] : match.start()].strip() == "":
            continue
        full = _known_suffix(named[1].strip(), table)
        if len(full.split()) < 2 and not table.canonical(full, fuzzy=False):
            continue
        add(full, abbr)
        if "/" in abbr:
            for part in abbr.split("/"):
                add(full, part)
    for match in _PAREN_NAME.finditer(text):
        if is_acronym(match.group(1)):
            add(match.group(2), match.group(1))
    for match in _OR_NAME.finditer(text):
        before = _name_before(text, match.start())
        after = _name_after(text, match.end())
        if before is None or not after:
            continue
        first, second = before[1], after
        known_first, known_second = (
            table.canonical(first, fuzzy=False),
            table.canonical(second, fuzzy=False),
        )
        if known_first and known_second and known_first != known_second:
            continue  # "Iraq, or Syria": two actors, not two names
        if (
            is_acronym(second)
            or (known_first and known_first == known_second)
            or (len(first.split()) >= 2 and len(second.split()) >= 2)
        ):
            add(first, second)
    for pattern in (_KNOWN_AS, _AKA):
        for match in pattern.finditer(text):
            before = _name_before(text, match.start())
            if before is None:
                continue
            for name in _names_list(text, match.end()):
                add(before[1], name)
    for match in _SELF_NAMED.finditer(text):
        named = _name_after(text, match.end())
        if named:
            add(named, match.group(1))
    for match in _GOES_BY.finditer(text):
        sentence_start = (
            max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        )
        head = re.search(
            r"([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+),[^,]*$", text[sentence_start : match.start()]
        )
        if head is None:
            continue
        for name in _names_list(text, match.end()):
            add(head.group(1), name)
    _add_initialisms(text, found, table, add)
    for line in text.splitlines():
        if not _is_tag_line(line):
            continue
        groups: dict[str, list[str]] = {}
        for item in (i.strip() for i in line.split(",")):
            if "(" in item:
                continue  # "Name (ABBR)" is read by the bracket rule
            canonical = table.canonical(item)
            if canonical and table.kind(canonical) != "country":
                groups.setdefault(canonical, []).append(item)
        for canonical, items in groups.items():
            for item in items:
                add(canonical, item)
    return found


# ---------------------------------------------------------------------- mentions


def _overlay(
    document_aliases: dict[str, set[str]], table: AliasTable
) -> tuple[Index, dict[str, str]]:
    """A document's own names as an index; unknown long forms become their own canonical."""
    parent: dict[str, str] = {}

    def find(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    for full, shorts in document_aliases.items():
        for short in shorts:
            a, b = find(full), find(short)
            if a != b:
                parent[b] = a
    groups: dict[str, list[str]] = {}
    # sorted: the members' order must not hang on the set's (hash-seeded) order
    for name in sorted({*document_aliases, *(s for v in document_aliases.values() for s in v)}):
        groups.setdefault(find(name), []).append(name)
    index = Index()
    canon_of: dict[str, str] = {}
    for members in groups.values():
        # An acronym names different actors in different places ("NRF"): when the text spells
        # it out as a name the table does not know, the text's own name wins.
        spelled = [m for m in members if not is_acronym(m)]
        known = [
            c for c in (table.canonical(m) for m in sorted(spelled or members, key=lambda m: (-len(m), m))) if c
        ]
        declared = [m for m in members if m in document_aliases] or members
        # among forms as long, the one written in ordinary case ("Uganda Citizens' Rights
        # Observatory", not a capitalised masthead's "UGANDA CITIZENS' RIGHTS OBSERVATORY")
        canonical = known[0] if known else max(
            declared, key=lambda m: (len(m.split()), len(m), not m.isupper(), m))
        for member in members:
            index.add(member, canonical, override=True)
            canon_of[member] = canonical
    return index, canon_of


def _scan(text: str, indexes: list[Index]) -> list[tuple[int, int, str]]:
    """Longest-first matches of any index's names: (start, end, canonical)."""
    tokens = tokenize(text)
    norms = [norm_token(t.group()) for t in tokens]
    # Membership in any index's prefixes; not a union, which would copy the table's
    # (large) prefix set on every call, and this runs once per fragment resolved.
    prefix_sets = [index.prefixes for index in indexes if index.prefixes]
    # Offsets read once: this loop runs for every word of every text and fragment.
    starts = [t.start() for t in tokens]
    ends = [t.end() for t in tokens]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        # How far a name could reach from here: word keys grow while they are a known
        # prefix; an acronym ("IS-K", "PMOI/MEK") is tokens joined without a space.
        reach, key = 0, ""
        for j in range(i, len(tokens)):
            key = f"{key} {norms[j]}".strip()
            for prefixes in prefix_sets:
                if key in prefixes:
                    break
            else:  # a prefix of no index's names
                break
            reach = j - i + 1
        tight = 1
        while (
            i + tight < len(tokens)
            and tight < 4
            and starts[i + tight] == ends[i + tight - 1] + 1
            and text[ends[i + tight - 1]] in "-/&"
        ):
            tight += 1
        if max(reach, tight) == 1 and not text[starts[i]].isupper():
            i += 1  # one word, not capitalised: _lookup would refuse it
            continue
        match: tuple[int, str] | None = None
        for n in range(max(reach, tight), 0, -1):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            if not _is_one_name(text, tokens[i : i + n]):
                continue
            canonical = _lookup(
                text[start:end], tokens[i : i + n], norms[i : i + n], indexes, text, start
            )
            if canonical:
                match = (n, canonical)
                break
        if match is None:
            i += 1
            continue
        n, canonical = match
        found.append((tokens[i].start(), tokens[i + n - 1].end(), canonical))
        i += n
    return found


_GAP = re.compile(r"[ \t]?[-/&–]?[ \t]?|,[ \t](?=(?:Jr|Sr|Jnr|Snr)\b)")


def _is_one_name(text: str, tokens: list[re.Match[str]]) -> bool:
    """Consecutive tokens form one name only across spaces, hyphens and slashes, never
    across a sentence stop or comma ("in Egypt. Government buildings")."""
    return all(_GAP.fullmatch(text, a.end(), b.start()) for a, b in zip(tokens, tokens[1:]))


def _lookup(
    surface: str,
    tokens: list[re.Match[str]],
    norms: list[str],
    indexes: list[Index],
    text: str,
    start: int,
) -> str | None:
    if not any(t.group()[:1].isupper() for t in tokens):
        return None  # names are written with a capital somewhere
    tight = not any(ch.isspace() for ch in surface)
    if tight and is_acronym(surface) and not is_shouting(text, start):
        form = acronym_form(surface)
        for index in indexes:
            if form in index.acronyms:
                return index.acronyms[form]
    if all(t.group().isupper() and len(t.group()) > 3 for t in tokens) and not is_shouting(
        text, start
    ):
        return None  # "WASHINGTON, Nov. 25 -": a dateline names a place, not its government
    key = " ".join(w for w in norms if w)
    for index in indexes:
        hit = index.words.get(key)
        if hit is None or len(hit.mask) != len(tokens):
            continue
        if not all(t.group()[:1].isupper() or not need for t, need in zip(tokens, hit.mask)):
            continue
        # "Boko Haram’s fighters" is not "Boko Haram fighters": a possessive inside a match
        # only where the name itself has one.
        if any(
            is_possessive(t.group()) and not allowed
            for t, allowed in zip(tokens[:-1], hit.possessive)
        ):
            continue
        return hit.canonical
    return None


def find_actors(
    text: str,
    *,
    table: AliasTable | None = None,
    document_aliases: dict[str, set[str]] | None = None,
) -> list[ActorMention]:
    """Every mention of a known or document-defined actor, in text order.

    A bare demonym ("Iranian dissidents") names no actor and is not returned; a country's
    name ("Nigeria canceled the deal") is, with kind "country".
    """
    table = table or load_alias_table()
    if document_aliases is None:
        document_aliases = find_document_aliases(text, table=table)
    overlay, _ = _overlay(document_aliases, table)
    return _mentions(text, table, _scan(text, [overlay, table.index]))


def _mentions(text: str, table: AliasTable, scanned: list[tuple[int, int, str]]) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    for start, end, canonical in scanned:
        if text[end - 2 : end] in ("'s", "’s") and end - start > 2:
            end -= 2  # "Boko Haram’s": the name, not its possessive
        surface = text[start:end]
        entry = table.entry(canonical)
        kind = entry.kind if entry else None
        if kind == "country" and table.is_demonym(surface):
            continue
        mentions.append(
            ActorMention(
                span=Span(start=start, end=end), surface=surface, canonical=canonical, kind=kind
            )
        )
    return mentions


# How much a mention says about the country a text is about: a country's own name or
# state body much more than an armed group's home (al-Shabaab is Somali, Garissa is Kenyan).
_COUNTRY_WEIGHT = {"country": 2.0, "government": 2.0, "state_force": 2.0}


def _country_marks(scanned: list[tuple[int, int, str]], table: AliasTable) -> list[tuple[int, str, float]]:
    """(offset, ISO, weight) of every name that places the text in a country, demonyms included."""
    marks = []
    for start, _end, canonical in scanned:
        entry = table.entry(canonical)
        if entry and entry.country:
            marks.append((start, entry.country, _COUNTRY_WEIGHT.get(entry.kind, 0.5)))
    return marks


# Bodies every state has: a bare "the military" means the military of the text's country.
_GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:(?P<country>(?-i:[A-Z])[\w .’'-]*?)['’]s?\s+|(?P<adj>(?-i:[A-Z])[\w-]+)\s+)?"
    r"(?P<body>security forces|armed forces|police force|military|army|troops|soldiers|forces|"
    r"police|government|authorities|regime|(?:[a-z]+\s+)?ministry(?:\s+of\s+[a-z ]+)?|"
    r"ministry\s+of\s+[a-z ]+)$",
    re.IGNORECASE,
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A ministry written with its name: "Ugandan Ministry of Internal Affairs", "the Interior Ministry".
_NAMED_MINISTRY = re.compile(r"(?:\b[A-Z][\w-]+\s+)?Ministry\s+of\s+(?:the\s+)?[A-Z][\w-]+(?:\s+(?:and\s+)?[A-Z][\w-]+)*"
                             r"|\b(?!The\b|A\b|This\b|That\b)[A-Z][\w-]+\s+Ministry\b")
_CAME_FROM = re.compile(r"\b(?:from|across|into|towards?)\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)
# "the Congolese army", "Mozambican troops": a demonym and a body of armed force.
_DEMONYM_BODY = re.compile(r"^(?:the\s+)?((?-i:[A-Z])[\w-]+)\s+(?:army|military|troops|soldiers|forces|armed forces|police)$",
                           re.IGNORECASE)


def _title(words: str) -> str:
    small = {"of", "and", "the", "for"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words.lower().split())


class ActorResolver:
    """One document's actors: the table, the document's own aliases, and every mention.

    ``resolve`` gives the canonical name for any surface the text uses; ``aliases`` lists,
    per actor the text mentions, every other name it uses for it.
    """

    def __init__(self, text: str, *, table: AliasTable | None = None):
        self.text = text
        self.table = table or load_alias_table()
        self.document_aliases = find_document_aliases(text, table=self.table)
        self._overlay, self._defined = _overlay(self.document_aliases, self.table)
        # One scan serves both the mentions and the country marks (same names, same text).
        scanned = _scan(text, [self._overlay, self.table.index])
        self.mentions = _mentions(text, self.table, scanned)
        self._marks = _country_marks(scanned, self.table)
        counts: dict[str, float] = {}
        for _, iso, weight in self._marks:
            counts[iso] = counts.get(iso, 0) + weight
        self.country = (
            max(counts, key=lambda iso: (counts[iso], -self._first_mark(iso))) if counts else None
        )
        self._extra: dict[str, list[str]] = {}

    def _first_mark(self, iso: str) -> int:
        return next(pos for pos, c, _ in self._marks if c == iso)

    def canonical(self, surface: str) -> str | None:
        """The canonical name if the document or the table knows ``surface``, else None."""
        cleaned = surface.strip().strip(",.;:\"“”‘’'()[]")
        if not cleaned:
            return None
        if is_acronym(cleaned):
            form = acronym_form(cleaned)
            if form in self._overlay.acronyms:
                return self._overlay.acronyms[form]
        else:
            key = name_key(cleaned)
            hit = self._overlay.words.get(key) or self._overlay.words.get(key.removeprefix("the "))
            if hit is not None:
                return hit.canonical
        return self.table.canonical(cleaned)

    def kind(self, name: str) -> str | None:
        canonical = self.canonical(name)
        entry = self.table.entry(canonical) if canonical else None
        return entry.kind if entry else None

    def armed_forces_of(self, name: str) -> str | None:
        """For a country's name, its armed forces as the table names them ("United States"
        -> "US forces", "Russia" -> "Russian military"); None for any other name."""
        entry = self.table.entry(name)
        if entry is None or entry.kind != "country" or not entry.demonym:
            return None
        for body in ("forces", "military", "armed forces"):
            found = self.table.canonical(f"{entry.demonym} {body}", fuzzy=False)
            if found and found != name:
                return found
        return None

    def country_at(self, position: int | None) -> str | None:
        """The country a text position is about: the last country named earlier in its
        paragraph, else the document's most-named country."""
        if position is not None:
            paragraph = self.text.rfind("\n\n", 0, position)
            for start, iso, _ in reversed(self._marks):
                # "rebels who crossed from the Democratic Republic of Congo. The army said ...": a
                # country named as where someone came from is not the one the paragraph is in
                if paragraph < start < position and not _CAME_FROM.search(self.text, max(0, start - 30), start):
                    return iso
            from reckon.extract.places import section_country  # (places reads the alias table)

            # "GHANA" heading a digest's section: "Police in X said" there are Ghana's police
            heading = section_country(self.text, position)
            if heading is not None:
                return heading
        return self.country

    def resolve(self, surface: str, *, position: int | None = None) -> str:
        """The canonical name for ``surface``, or the surface cleaned of articles and punctuation."""
        cleaned = " ".join(surface.split()).strip(",.;:\"“”‘’'()[]- ")
        if not cleaned:
            return surface.strip()
        canonical = self.canonical(cleaned)
        if canonical:
            written = self._force_as_written(canonical)
            if written is None and self._demonym_body(cleaned):
                return _LEADING_ARTICLE.sub("", cleaned)  # "the Congolese army", as the text has it
            return written or canonical
        generic = self._resolve_generic(cleaned, position)
        if generic:
            return generic
        inner = self._inner_actor(cleaned)
        if inner:
            return inner
        return _LEADING_ARTICLE.sub("", cleaned)

    def _resolve_generic(self, cleaned: str, position: int | None) -> str | None:
        """ "the military", "Kenya's interior ministry", "the Defense Ministry": a body of the
        text's country (or the named one), as the table names it or as "<demonym> <Body>"."""
        match = _GENERIC_BODY.match(cleaned)
        if match is None:
            return None
        body = match.group("body").lower()
        if body == "ministry" and not match.group("country") and not match.group("adj"):
            # "the ministry" after "the Ministry of Internal Affairs said": the one the text named
            named_ministry = self._named_ministry(position)
            if named_ministry:
                return self.resolve(named_ministry, position=position)
        iso: str | None = None
        named = match.group("country")
        if named:
            country = self.table.canonical(named, fuzzy=False)
            entry = self.table.entry(country) if country else None
            if entry is None or entry.kind != "country":
                return None
            iso = entry.country
        elif match.group("adj"):
            adj = match.group("adj")
            demonym_of = (
                self.table.canonical(adj, fuzzy=False) if self.table.is_demonym(adj) else None
            )
            if demonym_of:
                iso = self.table.entry(demonym_of).country  # type: ignore[union-attr]
            elif body.startswith("ministry"):
                body, iso = f"{adj} {body}", self.country_at(position)  # "the Defense Ministry"
            else:
                return None  # "Anti-Coup police": a name we do not know, not a bare body
        else:
            iso = self.country_at(position)
        row = self.table.country(iso) if iso else None
        if row is None or not row.demonym:
            return None
        known = self.table.canonical(f"{row.demonym} {body}", fuzzy=False)
        if known:
            # "the army" of a Mozambican text that never names its forces otherwise: "Mozambican army"
            return self._force_as_written(known) or f"{row.demonym} {body.lower()}"
        if "ministry" in body:
            return f"{row.demonym} {_title(body)}"
        return None

    def _named_ministry(self, position: int | None) -> str | None:
        """The ministry the text names by its name ("Ministry of Internal Affairs", "Interior
        Ministry"): the last one before ``position``, or, with no position, the only one."""
        found = [m for m in _NAMED_MINISTRY.finditer(self.text) if position is None or m.start() < position]
        names = {name_key(m.group(0)) for m in found}
        if not found or (position is None and len(names) > 1):
            return None
        return found[-1].group(0)

    def _force_as_written(self, canonical: str) -> str | None:
        """A state's forces as the text names them: readers, and alias lists made from the
        text, know "the Cameroonian army" by those words, not by the table's "Cameroonian
        military". The table's name when the text writes it or names the force only otherwise
        ("Nigeria's military"); None when the text never names the force at all."""
        if canonical in self._defined.values() or self.table.kind(canonical) != "state_force":
            return canonical
        surfaces = [m.surface for m in self.mentions if m.canonical == canonical]
        if any(name_key(surface) == name_key(canonical) for surface in surfaces):
            return canonical
        for surface in surfaces:
            if self._demonym_body(surface):
                return _LEADING_ARTICLE.sub("", " ".join(surface.split()))
        return canonical if surfaces else None

    def _demonym_body(self, name: str) -> bool:
        match = _DEMONYM_BODY.match(name)
        return match is not None and self.table.is_demonym(match.group(1))

    def _inner_actor(self, cleaned: str) -> str | None:
        """ "The medical charity MSF" -> MSF's name: a known actor plus lower-case description."""
        mentions = self.mentions_in(cleaned)
        if len(mentions) != 1:
            return None
        mention = mentions[0]
        rest = cleaned[: mention.span.start] + " " + cleaned[mention.span.end :]
        # A designation ("AC-130U", "F-16") is a machine of the actor, not another name.
        if any(w[:1].isupper() and not any(ch.isdigit() for ch in w)
               for w in rest.split() if w.lower() not in {"the", "a", "an"}):
            return None
        return mention.canonical if mention.kind != "country" else None

    def mentions_in(self, fragment: str) -> list[ActorMention]:
        """Actor mentions in a piece of this text, with this document's own aliases."""
        # What find_actors(fragment, table=..., document_aliases=...) finds, with the overlay
        # built once from those aliases rather than rebuilt for every fragment.
        return _mentions(fragment, self.table, _scan(fragment, [self._overlay, self.table.index]))

    def fork(self) -> ActorResolver:
        """The same reading of the text (mentions, aliases, countries: computed once) with
        its own record of noted surfaces, for a second user that must not share notes."""
        twin = copy.copy(self)
        twin._extra = {}
        return twin

    def note(self, canonical: str, surface: str) -> None:
        """Record a surface form resolved elsewhere (a speaker's "the headteacher")."""
        if surface and surface != canonical:
            self._extra.setdefault(canonical, []).append(surface)

    def aliases(self) -> dict[str, list[str]]:
        """For each actor the text mentions, the other names it uses for it, in text order."""
        out: dict[str, list[str]] = {}
        for mention in self.mentions:
            names = out.setdefault(mention.canonical, [])
            if mention.surface != mention.canonical and mention.surface not in names:
                names.append(mention.surface)
        for canonical, surfaces in self._extra.items():
            names = out.setdefault(canonical, [])
            names.extend(s for s in surfaces if s not in names)
        return out
