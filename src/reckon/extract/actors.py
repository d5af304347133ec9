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

import copy
import re
from dataclasses import dataclass

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
from reckon.extract.actor_table import CONNECTORS, AliasTable, load_alias_table, parse_alias_table
from reckon.model import Span

__all__ = [
    "ActorMention",
    "ActorResolver",
    "AliasTable",
    "find_actors",
    "find_document_aliases",
    "is_acronym",
    "load_alias_table",
    "name_key",
    "parse_alias_table",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """A name of a known (or document-defined) actor at ``span`` of the text."""

    span: Span
    surface: str
    canonical: str
    kind: str | None = None


# ---------------------------------------------------------------- document definitions

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
    return bool(head) and head.lower() in CONNECTORS | {"al", "el", "ad", "ash", "as", "an", "bin", "ibn", "abu"} \
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
        if _is_name_word(w) or (w.lower() in CONNECTORS and kept):
            kept.append(word)
        else:
            break
    while kept and kept[-1].group().lower() in CONNECTORS:  # never start on "of"
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
        if _is_name_word(w) or (w.lower() in CONNECTORS and kept):
            kept.append(word)
        else:
            break
    while kept and kept[-1].group().lower() in CONNECTORS:
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
        if words[i].lower() == "the" and words[i - 1].lower() not in CONNECTORS:
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
        words = [w for w in name.split() if w.lower() not in CONNECTORS]
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
