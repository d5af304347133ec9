"""Aliases a document defines for itself, and the index they make over the alias table.

A text names an actor once in full and then by a short form it declares: "Kata'ib Hezballah
(KH)", "MSF (Médecins Sans Frontières)", "the Mujahedeen-e Khalq, or MeK", "X, also known as
Y", "a militant group calling itself X", "who also goes by the names A, B and C", an acronym
made of the initials of a name the text spells out, and a tag line whose items the table maps
to one actor. ``find_document_aliases`` reads these definitions with patterns over the raw
text; ``alias_overlay`` turns them into an index that wins over the table inside that
document. They hold for one text only, while the table (``actor_table``) holds for all, so
they live apart from it; the scan for mentions (``actor_mentions``) reads both indexes.
"""

from __future__ import annotations

import re

from reckon.extract.actor_keys import Index, is_acronym, is_shouting, name_key
from reckon.extract.actor_table import CONNECTORS, AliasTable, load_alias_table

__all__ = ["alias_overlay", "find_document_aliases"]


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


# An infobox label run together with its value in a plain-text rendering of an encyclopedia
# page ("PerpetratorsOrrin Front (OF)"): the label is no part of the name.
_GLUED_LABEL = re.compile(r"^(?:Perpetrators?|Perpetrator\(s\)|Belligerents|Assailants?|Attackers?|Suspects?|Accused|"
                          r"Participants|Commanders?|Organi[sz]ers?|Parties|Side|Units?|Combatants)(?=[A-Z][a-z’'])")


def _without_infobox_label(name: str) -> str:
    return _GLUED_LABEL.sub("", name, count=1)


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
        full = _known_suffix(_without_infobox_label(named[1].strip()), table)
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


def alias_overlay(
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
