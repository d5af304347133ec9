"""The accused of each incident: which accusations go with a site's own incident, and which of them stand.

Once the figures are grouped into incidents, each incident takes the accusations of its own
sentences ("Unidentified gunmen abducted four women near X", or a later sentence of the same
paragraph that gives no figure), and its accused are thinned: a description ("the gunmen")
gives way to the named actor the incident's sentences show doing the harm, and a description
that points back, counts a force or shortens a headline adds no accused beside the one that
introduced the attackers. This works on accusations, not on places or dates, so it lives
apart from the assembly of incidents (``incidents``).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reckon.extract.accusations import is_description, is_generic, names_one_person
from reckon.model import Accusation, Count

__all__ = ["incident_perpetrators", "local_accusations"]


def local_accusations(accusations: list[tuple[int, Accusation]], groups: dict[str, list[tuple[int, Count]]],
                      recalled: set[str], earlier: set[int], text: str) -> dict[int, str]:
    """For each accusation (its position) that belongs to a site's own incident, that incident's
    key: the accused of a sentence giving the site's figure ("Unidentified gunmen abducted four
    women near X"), or of a later sentence of the same paragraph that gives none ("The Front
    claimed the attack")."""
    by_sentence: dict[int, str] = {}
    starts: list[tuple[int, str]] = []  # (position of a figure, its incident's key)
    for key, members in groups.items():
        for index, count in members:
            if key and key not in recalled:
                by_sentence.setdefault(index, key)
            starts.append((count.span.start, key))
    starts.sort()
    found: dict[int, str] = {}
    for at, (index, accusation) in enumerate(accusations):
        if index in earlier:
            continue
        if index in by_sentence:
            found[at] = by_sentence[index]
            continue
        if any(i == index for members in groups.values() for i, _ in members):
            continue  # a sentence with a figure of the main incident
        position = accusation.span.start
        # The last figure before the accusation, if no blank line parts them (a blank line
        # between it and the accusation parts every earlier figure too).
        last = bisect_left(starts, (position,)) - 1
        if last >= 0 and "\n\n" not in text[starts[last][0]:position]:
            key = starts[last][1]
            if key and key not in recalled:
                found[at] = key
    return found


def incident_perpetrators(accusations: list[Accusation], named_direct: frozenset[Accusation], text: str = "",
                          title_end: int = 0) -> tuple[Accusation, ...]:
    """One incident's accused. "The Front's gunmen attacked": when the incident's own sentences
    show a named actor doing the harm, its descriptions ("the gunmen") stand for that actor.
    With no such name, a description that points back ("the assailants"), counts a force
    ("some forty attackers") or shortens a headline ("Gunmen kill nine") stands for the
    attackers another description introduced ("armed men"): it adds no accused."""
    if any(a in named_direct for a in accusations):
        accusations = [a for a in accusations if not is_generic(a.actor)]

    generic = [a for a in accusations if is_generic(a.actor) and a.span is not None]
    if len({_description_key(a.actor) for a in generic}) > 1:
        def counted(accusation: Accusation) -> bool:
            # the count may stand outside the span the accusation kept ("some thirty [attackers]")
            start = accusation.span.start
            return start < title_end or bool(_COUNTED.match(text, start, accusation.span.end)) \
                or bool(_COUNT_BEFORE.search(text[max(0, start - 30):start]))

        def refers_back(accusation: Accusation) -> bool:
            return counted(accusation) or bool(_DEFINITE.match(text, accusation.span.start, accusation.span.end))
        # A force's size or a headline's shorthand describes the attackers whoever speaks.
        if any(not refers_back(a) for a in generic):
            accusations = [a for a in accusations if a not in generic or not counted(a)]
            generic = [a for a in generic if not counted(a)]
        # A description that points back does so within one claimant's words: "residents blamed
        # the air force; the military said rebels shelled it" are two claims, both kept.
        for claimant in {a.claimant.name for a in generic}:
            own = [a for a in generic if a.claimant.name == claimant]
            if len({_description_key(a.actor) for a in own}) < 2:
                continue
            introduced = [a for a in own if not refers_back(a)]
            if introduced:
                dropped = [a for a in own if a not in introduced]
            else:
                first = min(own, key=lambda a: (a.span.start < title_end, a.span.start))
                dropped = [a for a in own if _description_key(a.actor) != _description_key(first.actor)]
            accusations = [a for a in accusations if a not in dropped]
        # "the attackers", "the assailants" name no one but the doers of this harm: in any
        # claimant's words they point back to the attackers the text described before.
        introduced = [a for a in generic if a in accusations and not refers_back(a)]
        accusations = [a for a in accusations if not (
            a in generic and _description_key(a.actor) in _PURE_ANAPHORS and not counted(a)
            and any(i.span.start < a.span.start and _description_key(i.actor) != _description_key(a.actor)
                    for i in introduced))]
    accusations = _officers_of_the_police(accusations)
    if any(not is_description(a.actor) for a in accusations):
        # "A suicide bomber blew himself up ...; the Front claimed the attack": one unnamed
        # attacker beside a named accused (claimed, blamed or charged) is that accused's man,
        # not an actor of his own; attackers in numbers ("gunmen") may be another party.
        accusations = [a for a in accusations if not (names_one_person(a.actor) and is_generic(a.actor))]
    return tuple(_dedupe_accusations(accusations))


# Bare words for police officers: the police's own people, not an accused of their own.
_BARE_OFFICERS = frozenset({"officers", "policemen", "police officers", "the officers", "the policemen",
                            "police officer", "an officer", "officer", "the police officers"})


def _officers_of_the_police(accusations: list[Accusation]) -> list[Accusation]:
    """ "Police fired on the crowd ... officers used tear gas": where the incident's accused
    include a police force, bare "officers" are its officers, not a second accused."""
    if not any("police" in a.actor.lower().split() and a.actor.lower() not in _BARE_OFFICERS for a in accusations):
        return accusations
    return [a for a in accusations if a.actor.lower() not in _BARE_OFFICERS]


_PURE_ANAPHORS = frozenset({"attackers", "attacker", "assailants", "assailant", "perpetrators", "perpetrator",
                            "killers", "killer", "abductors", "kidnappers", "captors"})


# "the attackers", "these gunmen" point back; "some forty attackers", "30 gunmen" count a force.
_COUNT = (r"(?:(?:some|about|around|roughly|nearly|almost|at\s+least|more\s+than|over|up\s+to)\s+)?"
          r"(?:\d[\d,]*|a\s+dozen|dozens|scores|hundreds|two|three|four|five|six|seven|eight|nine|ten|eleven|"
          r"twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)")
_DEFINITE = re.compile(r"(?:the|these|those)\b", re.IGNORECASE)
_COUNTED = re.compile(rf"{_COUNT}[\s-]", re.IGNORECASE)
_COUNT_BEFORE = re.compile(rf"\b{_COUNT}(?:\s+[a-z]+)?\s+$", re.IGNORECASE)


def _description_key(actor: str) -> str:
    """ "The assailants" and "the assailants" are one description."""
    return re.sub(r"^(?:the|a|an)\s+", "", actor.lower())


def _dedupe_accusations(accusations: list[Accusation]) -> list[Accusation]:
    seen, out = set(), []
    for accusation in accusations:
        key = (accusation.actor.lower(), accusation.claimant.name)
        if key not in seen:
            seen.add(key)
            out.append(accusation)
    return out
