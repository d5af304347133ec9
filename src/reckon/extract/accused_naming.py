"""Naming and vetting the accused once found: the post-processing ``run`` applies to each accused.

The canonical name of an accused (a group's name for "a faction of X", a state's armed forces
for the state, a described group without its count); whether security forces that "stormed the
building" respond to a siege rather than commit the attack; whether an accused is named as the
group the described attackers belong to; and which unit "soldiers of ..." names. These work on
the text and the actor table, after the parse reading (``accusations``) has found the phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from reckon.extract.accused_descriptions import _RESPONDER_NOUNS, is_description
from reckon.extract.places import find_countries

if TYPE_CHECKING:  # pragma: no cover
    from reckon.extract.actors import ActorResolver
    from reckon.model import Span

__all__ = ["accused_name", "identifies_attackers", "is_bare_soldiers", "storms_a_held_place", "unit_of_soldiers"]


# A responder storming the place: "special forces stormed the building", "troops entered the hotel".
_STORMS_AFTER = re.compile(r"\s+(?:(?:finally|eventually|then|later|later\s+on)\s+)?(?:stormed|entered|retook|recaptured|"
                           r"raided|assaulted)\b")
_STANDOFF_BEFORE = re.compile(r"\b(?:hostages?|siege|stand-?off|holed\s+up|barricaded|held\s+them|were\s+holding|"
                              r"kept\s+hostage|taken\s+hostage|hostage-tak\w+)\b", re.IGNORECASE)


def storms_a_held_place(text: str, span: Span, actor: str) -> bool:
    """ "Shortly after 05:00, special forces stormed the building": security forces storming a
    place the report has said the attackers hold (a siege or hostages told in the text before)
    respond to the attack, even when their own sentence names no hostage."""
    if not any(word in _RESPONDER_NOUNS for word in actor.lower().split()):
        return False
    return bool(_STORMS_AFTER.match(text, span.end)) and bool(
        _STANDOFF_BEFORE.search(text, max(0, span.start - 2500), span.start))


# "the attackers were suspected members of the X": the described attackers are X's.
_ATTACKERS_ARE_MEMBERS = re.compile(
    r"\b(?:attackers|gunmen|assailants|militants|hostage-takers|kidnappers|raiders|fighters)\s+(?:were|are)\s+"
    r"(?:(?:suspected|believed|thought|said|alleged)\s+(?:to\s+be\s+)?)?(?:members|fighters|militants)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def identifies_attackers(text: str, span: Span) -> bool:
    """Whether the accused at ``span`` is named as the group the described attackers belong to
    ("the attackers were suspected members of the X"): the attackers then stand for it."""
    return bool(_ATTACKERS_ARE_MEMBERS.search(text, max(0, span.start - 90), span.start))


_STATE_AGENTS = re.compile(r"^(?:the\s+)?([A-Z][\w-]+)\s+(?:agents|operatives|spies|intelligence agents|proxies)$")


# A part of a named group ("a faction of X", "a splinter cell of the X") ...
_PART_OF_GROUP = re.compile(
    r"(?i:(?:a|an|the)\s+)?(?i:faction|wing|splinter\s+group|splinter\s+faction|cell|branch|unit|fighter|insurgent|militant|member)s?\s+of\s+"
    r"(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+)*)"
)
# ... or a named group followed by the kind of group it is, in lower case ("the X movement").
# "Suspected X militants", "X cells": the group whose members they are.
_GROUP_WITH_KIND = re.compile(
    r"(?:(?:the|[Ss]uspected|[Aa]lleged|[Pp]resumed)\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z]|al-|el-|ad-|ar-|as-|ash-|at-|ibn\b|bin\b|de\b|du\b)[\w'’.-]*)*)"
    r"\s+(?:movement|group|militia|organi[sz]ation|network|faction|gang|cells?|militants|fighters|insurgents|members)"
)


# A group of attackers given with their number: "a group of about 30 gunmen", "a band of
# between 18 and 22 armed men".
_COUNTED_GROUP = re.compile(
    r"(?:(?:a|an|the)\s+)?(?:(?:large|small|heavily\s+armed)\s+)?(?:group|band|gang|party|column)\s+of\s+"
    r"(?:(?:about|some|around|roughly|nearly|at\s+least|more\s+than|over|up\s+to|between)\s+)?"
    r"(?:\d+|{n})(?:\s*(?:and|to|or|-|–)\s*(?:\d+|{n}))?\s+(?P<who>(?:[a-z-]+\s+){{0,2}}[a-z-]+)".format(
        n="(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
          "a\\s+dozen|dozens|a\\s+hundred|hundreds)"))


def accused_name(actors: ActorResolver, surface: str) -> str:
    """The accused's canonical name; a state's armed forces for a state ("the US airstrikes");
    a description as the text words it, article included ("the assailants"), since that is
    how a reader (and an alias list) knows it."""
    # "the rebel Front for the Restoration of Democracy (FRD-Abaganza": a bracket the phrase
    # opened but did not close holds the short form; the name is what comes before it
    if surface.count("(") > surface.count(")"):
        surface = surface[:surface.rfind("(")].rstrip()
    name = actors.resolve(surface)
    if actors.canonical(surface) is None:
        # "a faction of the Red Hand", "the Red Hand movement": the group the text names,
        # so that every spelling of one group is one actor across the ledger.
        named = _PART_OF_GROUP.fullmatch(name) or _GROUP_WITH_KIND.fullmatch(name)
        if named and named.group("name").lower() not in ("suspected", "alleged", "presumed") \
                and not actors.table.is_demonym(named.group("name")) \
                and not any(m.kind == "country" for m in find_countries(named.group("name"))):
            # ("Suspected insurgents", "Iraqi militants", "Syria fighters" name no group)
            name = actors.resolve(named.group("name"))
    forces = actors.armed_forces_of(name)
    if forces:
        return forces
    agents = _STATE_AGENTS.match(" ".join(surface.split()))
    if agents and actors.table.is_demonym(agents.group(1)):
        # "Iranian agents killed 52": agents act for their state's government.
        government = actors.resolve(f"{agents.group(1)} government")
        if government != f"{agents.group(1)} government":
            return government
    cleaned = " ".join(surface.split()).strip(",.;:\"“”‘’'()[]- ")
    counted = _COUNTED_GROUP.fullmatch(cleaned)
    if counted and actors.canonical(cleaned) is None:
        # "a group of between 18 and 22 armed men": who they are, not how many
        return counted.group("who")
    if is_description(cleaned) and name != cleaned and cleaned.lower().endswith(name.lower()) \
            and actors.canonical(cleaned) is None:
        first, _, rest = cleaned.partition(" ")
        return f"{first.lower()} {rest}" if first.lower() in ("the", "a", "an") else cleaned
    return name


_SOLDIER_WORDS = r"(?:soldiers|troops)"
_SOLDIERS_OF = re.compile(r"\b" + _SOLDIER_WORDS + r"\s+of\s+", re.IGNORECASE)


@lru_cache(maxsize=4)
def _soldiers_of_at(text: str) -> tuple[int, ...]:
    """Where the words after each "soldiers of" / "troops of" of ``text`` begin."""
    return tuple(match.end() for match in _SOLDIERS_OF.finditer(text))


def unit_of_soldiers(text: str, actors: list[str]) -> str | None:
    """The one accused unit the text says its soldiers belong to ("Soldiers of the 4th
    Territorial Infantry Battalion"); None when it names none or several."""
    starts = _soldiers_of_at(text)
    if not starts:
        return None
    # Each accused is tried where a "soldiers of" ends, not by a search of the whole page.
    units = set()
    for actor in actors:
        named = re.compile(r"(?:the\s+)?" + re.escape(re.sub(r"^the\s+", "", actor)) + r"\b", re.IGNORECASE)
        if any(named.match(text, at) for at in starts):
            units.add(actor)
    return units.pop() if len(units) == 1 else None


def is_bare_soldiers(surface: str) -> bool:
    """ "soldiers", "the troops": soldiers named by nothing but what they are."""
    return re.fullmatch(r"(?:the\s+)?" + _SOLDIER_WORDS, surface.strip(), re.IGNORECASE) is not None
