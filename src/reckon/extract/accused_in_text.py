"""Accused that a text states outside running prose: infoboxes, table columns, coded entries, identifications.

An encyclopedia infobox ("Perpetrators  X"), a list's perpetrator column, a conflict dataset's
coded "Actors:" line and a sentence that identifies one attacker by name ("the gunman,
identified as X") each say who did it in a fixed form. They are read with patterns over the
text, not with the parse (``accusations``), so they live in a module of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from reckon.extract.accused_descriptions import _ONE_PERSON

__all__ = ["IdentifiedAttacker", "InfoboxAccused", "find_coded_accused", "find_identified_attacker",
           "find_infobox_accused", "find_table_accused"]


# "The gunman, identified as John Doe", "the suspect was named as John Doe", "police
# identified the attacker as John Doe", "the 17-year-old, named by police as John Doe".
_IDENTIFIED = re.compile(
    r"\b(?P<desc>(?:[\w-]+\s+){0,3}?(?P<head>" + "|".join(sorted(_ONE_PERSON)) + r"|\d+-year-old))\b"
    r"(?:,|\s+(?:was|has\s+been|had\s+been|is))?\s+(?:later\s+|since\s+)?(?:identified|named)"
    r"(?:\s+by\s+(?:the\s+)?[\w ]{1,30}?)?\s+as\s+(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|bin|al|de|van)){1,4})",
    re.IGNORECASE)
_IDENTIFIED_OBJECT = re.compile(
    r"\b(?:identified|named)\s+(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(sorted(_ONE_PERSON)) + r")\s+as\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|bin|al|de|van)){1,4})")

# The verb every match of the two patterns holds (the case-sensitive one's too).
_IDENTIFYING_VERB = re.compile(r"identified|named", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentifiedAttacker:
    """The name a text gives one attacker it first described ("the gunman, identified as X")."""

    name: str
    start: int  # document offsets of the name
    end: int


def find_identified_attacker(text: str) -> IdentifiedAttacker | None:
    """The one attacker a text identifies by name, if it identifies exactly one."""
    found = {}
    if not _IDENTIFYING_VERB.search(text):
        return None  # both patterns need the verb: one quick scan instead of two slow ones
    for match in (*_IDENTIFIED.finditer(text), *_IDENTIFIED_OBJECT.finditer(text)):
        name = match.group("name")
        if not name[:1].isupper() or not match.group("name").split()[0][:1].isupper():
            continue
        found.setdefault(name, IdentifiedAttacker(name=name, start=match.start("name"), end=match.end("name")))
    return next(iter(found.values())) if len(found) == 1 else None


@dataclass(frozen=True, slots=True, kw_only=True)
class InfoboxAccused:
    """A name an encyclopedia infobox gives as the perpetrator ("Perpetrators  X")."""

    surface: str
    start: int  # document offsets
    end: int
    # "X (alleged by the army)", "Suspected perpetrators  X": an allegation, not a finding;
    # ``alleged_by`` is who alleges it, when the box says.
    alleged: bool = False
    alleged_by: str | None = None


# "(alleged by the Thai army)", "(suspected)", "(claimed)": whose word the box reports.
_ALLEGED = re.compile(r"\(\s*(?:(?P<word>alleged|suspected|accused|blamed|claimed|disputed)\b[^()\[\]]*?"
                      r"(?:\bby\s+(?P<by>[^()\[\]]+?))?|(?:per|according\s+to)\s+(?P<per>[^()\[\]]+?))\s*\)",
                      re.IGNORECASE)
# "Unknown", "None claimed", "Unidentified": an infobox's way of naming no one.
_NO_ONE_IN_BOX = re.compile(r"(?i)^(?:unknown|unidentified|unclear|none(?:\s+claimed)?|n/?a|not\s+known|undetermined)$")
# "suspected Kessel Front members": a hedge before the name, in lower case.
_HEDGE = re.compile(r"^(?:suspected|alleged|presumed|possibly|probably)\s+(?=[A-Z])")


# An infobox label at the start of a line, its value after it (run together in plain-text
# renderings: "PerpetratorsX Brigade", "AssailantsJohn Doe") or on the next line.
_INFOBOX_LABEL = re.compile(
    r"(?m)^[ \t•*-]*(?:(?:Suspected |Alleged )?[Pp]erpetrators?|Perps?|Assailants?|Attackers?|Suspects?|Accused|"
    r"Executed by)"
    r"[ \t]*:?[ \t]*(?P<value>[^\n]*)$")
_INFOBOX_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bassigned to\b|\bcall sign\b)\s*")


def find_infobox_accused(text: str) -> list[InfoboxAccused]:
    """Perpetrators an infobox names: short capitalised values of a perpetrator label."""
    found: list[InfoboxAccused] = []
    for match in _INFOBOX_LABEL.finditer(text):
        value, start = match.group("value"), match.start("value")
        if not value.strip():
            rest = text[match.end():]
            line = re.match(r"\n[ \t]*([^\n]*)", rest)
            if line is None:
                continue
            value, start = line.group(1), match.end() + line.start(1)
        if len(value) > 160 or value.rstrip().endswith((".", "?", "!")) or not value[:1].isupper():
            continue  # a sentence that begins with the word, not a label
        hedged = re.match(r"[ \t•*-]*(?:Suspected|Alleged)", match.group(0)) is not None
        for piece in _pieces(value, start):
            found.append(replace(piece, alleged=True) if hedged and not piece.alleged else piece)
        for line in _continuation_lines(text, start + len(value)):
            found.extend(_pieces(line.group(1), line.start(1)))
    return found


# A further value of the label on a line of its own, qualified as infoboxes qualify their
# perpetrators: "Orrin Front (alleged)[3]" then "Dorvel Brigade (claimed)[4]".
_QUALIFIED_VALUE = re.compile(r"\n[ \t•*-]*([A-Z][^\n]{0,100}?\((?:claimed|alleged|suspected|disputed|accused|"
                              r"unconfirmed|presumed|per [^()\n]{1,40})\)[^\n.!?]{0,20})[ \t]*(?=\n|$)")


def _continuation_lines(text: str, end: int) -> Iterator[re.Match[str]]:
    """The qualified values that follow a perpetrator label's line, one a line, until a line
    that is not one (a blank line, a sentence, the next label)."""
    while (line := _QUALIFIED_VALUE.match(text, end)) is not None:
        yield line
        end = line.end()


_PERPETRATOR_COLUMNS = frozenset({"perpetrator", "perpetrators", "perpetrator(s)", "suspected perpetrator",
                                  "suspected perpetrators", "attacker", "attackers", "responsible", "group",
                                  "armed group", "actor", "carried out by"})
_NO_ONE = re.compile(r"(?i)^(?:unknown|unidentified|unclear|none|n/?a|not known|[-–—?]*)$")


def find_table_accused(text: str) -> list[InfoboxAccused]:
    """Perpetrators a table's row names in its perpetrator column ("... | 2 | 1 | Osk Front |
    ..."): the list's own attribution of that row's incident; "Unknown" or a dash names no one."""
    from reckon.extract.tables import find_table_rows

    found: list[InfoboxAccused] = []
    for row in find_table_rows(text):
        for column, span in row.cells:
            value = text[span.start:span.end]
            if column in _PERPETRATOR_COLUMNS and not _NO_ONE.match(value.strip()):
                found.extend(_pieces(value, span.start))
    return found


# A conflict dataset's coded entry: "Event type: Violence against civilians / Attack" then
# "Actors: Osk clan militia; civilians". The first actor of one-sided violence or of a riot
# is who did it, coded by the dataset; in a battle both sides fight and neither is accused.
_CODED_ACTORS = re.compile(r"(?m)^[ \t]*Actors?[ \t]*:[ \t]*(?P<a>[^;\n]+?)[ \t]*;[ \t]*(?P<b>[^\n]+)$")
_CODED_EVENT = re.compile(r"(?m)^[ \t]*(?i:Event[ \t_]+type)[ \t]*:[ \t]*(?P<t>[^\n]+)$")


def find_coded_accused(text: str) -> list[InfoboxAccused]:
    """The first actor of a coded entry's "Actors:" line, when the entry codes violence
    against civilians (the second actor is civilians), remote violence or a riot; a parenthesis describing the
    actor ("Rioters (party supporters)") is left out."""
    found: list[InfoboxAccused] = []
    for match in (*_CODED_ACTORS.finditer(text), *_numbered_actors(text)):
        event = None
        for event in _CODED_EVENT.finditer(text, max(0, match.start() - 300), match.start()):
            pass
        # The dataset codes the initiator first in every event type but a battle: a strike,
        # a shelling or an attack on an armed unit is one-sided too.
        one_sided = "civilian" in match.group("b").lower() or (
            event is not None and re.search(r"(?i)\b(?:riots?|violence\s+against|explosions?|remote\s+violence)\b",
                                            event.group("t")) is not None)
        value = match.group("a")
        if not _UNIDENTIFIED_OF.fullmatch(value):
            value = re.sub(r"\s*\([^()]*\)\s*$", "", value)
        if one_sided and value[:1].isupper() and "civilian" not in value.lower():
            found.append(InfoboxAccused(surface=value, start=match.start("a"), end=match.start("a") + len(value)))
    return found


# The same coding with one actor a line: "Actor 1: Osk clan militia" then "Actor 2: Civilians (Osk)".
# A dataset's raw export spells the same columns as field names ("ACTOR1:", "ASSOC_ACTOR_1:",
# "INTER1:", "EVENT_TYPE:"), so case and an underscore for the space do not matter.
_NUMBERED_ACTORS = re.compile(r"(?m)^[ \t]*(?i:Actor)[ \t_]*1[ \t]*:[ \t]*(?P<a>[^\n]+?)[ \t]*\n"
                              r"(?:[ \t]*(?i:Assoc(?:iated)?\.?[ \t_]*Actor[ \t_]*1|Inter[ \t_]*1)[^\n]*\n)*"
                              r"[ \t]*(?i:Actor)[ \t_]*2[ \t]*:[ \t]*(?P<b>[^\n]+?)[ \t]*$")


# "Unidentified Armed Group (Colombia)": the dataset's name for the unknown attackers of one
# country, of which the country is a part (not a description in brackets).
_UNIDENTIFIED_OF = re.compile(r"Unidentified [^()\n]+\([A-Z][\w'’ -]+\)")


def _numbered_actors(text: str) -> Iterator[re.Match[str]]:
    if "Actor" in text or "ACTOR" in text:  # one quick scan before the line pattern
        yield from _NUMBERED_ACTORS.finditer(text)


def _pieces(value: str, start: int) -> Iterator[InfoboxAccused]:
    position = 0
    for part in _INFOBOX_SPLIT.split(value):
        index = value.find(part, position)
        position = index + len(part)
        cleaned = re.sub(r"\[\d+\]|\"[^\"]*\"|“[^”]*”|\s*\([^)]*\)?", "", part)
        cleaned = re.sub(r"^.*\.(?:svg|png|jpe?g|gif)\s*", "", cleaned, flags=re.IGNORECASE).strip(" ()")
        hedge = _HEDGE.match(cleaned)
        if hedge:
            cleaned = cleaned[hedge.end():]
        if _NO_ONE_IN_BOX.match(cleaned):
            continue
        words = cleaned.split()
        if not words or len(words) > 6 or not words[0][:1].isupper() and not words[0][:1].isdigit():
            continue
        if len(words) == 1 and any(ch.isdigit() for ch in words[0]):
            continue  # an aircraft or a weapon's designation ("AC-130U")
        if not any(w[:1].isupper() for w in words):
            continue
        offset = start + index + part.find(cleaned)
        alleged = _ALLEGED.search(part)
        by = None
        if alleged is not None:
            by = alleged.group("by") or alleged.group("per")
            if by is None and (alleged.group("word") or "").lower() == "claimed":
                by = cleaned  # "X (claimed responsibility)": X's own claim
            by = re.sub(r"^(?:the|a|an)\s+", "", by.strip(), flags=re.IGNORECASE) if by else None
        yield InfoboxAccused(surface=cleaned, start=offset, end=offset + len(cleaned),
                             alleged=alleged is not None or hedge is not None, alleged_by=by)
