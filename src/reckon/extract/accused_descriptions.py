"""Descriptions of actors: the words a report uses for attackers, forces and people it does not name.

"The gunmen", "suspected militants", "Armed men", "a 40-year-old woman": such phrases may stand
as the accused without a proper name, and some of them stand for whoever the report names as the
attacker (``is_generic``). Security forces ("troops", "police") are described here too, since when
they storm a place the attackers hold they respond to the attack. These vocabularies and tests
of a surface need no parse; the parse reading (``accusations``, ``accused_phrase``) and the
post-processing of accused names (``accused_naming``) use them, so they live apart from both.
"""

from __future__ import annotations

__all__ = ["FORCE_NOUNS", "is_description", "is_generic", "names_one_person"]


# Nouns of armed force that may stand as the accused without a proper name.
FORCE_NOUNS = frozenset({
    "gunman", "gunmen", "militant", "militants", "troop", "troops", "soldier", "soldiers", "force", "forces",
    "police", "army", "militia", "militias", "militiamen", "extremist", "extremists", "insurgent", "insurgents",
    "rebel", "rebels", "hostage-taker", "hostage-takers", "takers", "attacker", "attackers", "jihadist",
    "jihadists", "fighter", "fighters", "assailant", "assailants", "terrorist", "terrorists", "agent", "agents",
    "proxy", "proxies", "regime", "government", "military", "jets", "aircraft", "gunship", "gunships",
    "bombers", "bomber", "mob", "commandos", "paramilitaries", "guards", "officers", "officer", "security",
    "kidnappers", "kidnapper", "abductors", "abductor", "raiders", "bodyguards", "putschists", "policemen",
    # Not attackers' stand-ins (``_STAND_IN_HEADS``): reports name bandits beside the gang
    # they are said to belong to, as an accused of their own.
    "bandit", "bandits", "raider", "pirate", "pirates", "herdsmen", "herders", "rustler", "rustlers",
    # A state's spy service is blamed as a force: "blaming state intelligence", "the
    # intelligence services were behind it".
    "intelligence",
})
# Who carried out an attack, as a text describes them before (or instead of) naming them.
# Also the people whose death at the hands of security forces does not make those forces
# the accused ("troops killed 12 kidnappers").
_ATTACKER_NOUNS = frozenset({
    "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants", "hostage-taker", "hostage-takers",
    "takers", "taker", "militant", "militants", "insurgent", "insurgents", "terrorist", "terrorists",
    "kidnapper", "kidnappers", "abductor", "abductors", "bomber", "bombers", "jihadist", "jihadists",
    "raiders", "rebels", "rebel", "captors", "captor", "suspect", "suspects", "bandit", "bandits",
})
# Security forces: when they storm a place the attackers hold, they respond to the attack.
_RESPONDER_NOUNS = frozenset({"troops", "troop", "forces", "force", "soldiers", "soldier", "police", "policemen",
                              "army", "military", "commandos", "security", "officers", "units"})


# Words that open a description at the start of a sentence ("Armed men", "Unidentified
# gunmen"): capitalised there, but no name.
_DESCRIPTIVE = frozenset({"armed", "masked", "unidentified", "unknown", "suspected", "alleged", "suicide", "riot",
                          "hooded", "several", "two", "three", "four", "five", "dozens", "hundreds"})


def _description_words(surface: str) -> list[str] | None:
    """The words of a description in lower case, or None when the surface is a name."""
    words = [w for w in surface.replace("’", "'").split() if w.lower() not in ("the", "a", "an", "some")]
    if not words:
        return None
    first, rest = words[0], words[1:]
    vocabulary = FORCE_NOUNS | _ATTACKER_NOUNS | _PERSON_NOUNS | _DESCRIPTIVE
    if not all(w.islower() for w in rest) or not (first.islower() or first.lower() in vocabulary):
        return None
    return [w.lower() for w in words]


def is_description(surface: str) -> bool:
    """An accused named by words of description only ("the gunmen", "Armed men")."""
    return _description_words(surface) is not None


def is_generic(surface: str) -> bool:
    """An accused named only by a description that may stand for a named accused ("the
    assault force", "gunmen", "a 40-year-old woman"); not a description of another kind of
    actor ("police officers", "militiamen", "the putschists"), which adds one."""
    words = _description_words(surface)
    # "a government aircraft", "army jets": a description that names whose they are is no
    # stand-in for another named attacker.
    return words is not None and words[-1] in _STAND_IN_HEADS and not any(w in _STATE_OWNERS for w in words[:-1])


_STATE_OWNERS = frozenset({"government", "regime", "army", "military", "state", "police", "junta"})


# People described without a name: an accused only as the doer of the harm ("a man opened
# fire", "a 40-year-old woman was charged with murder"), never as its object.
_PERSON_NOUNS = frozenset({"man", "men", "woman", "women", "youth", "youths", "teenager", "teenagers", "boy",
                           "boys", "person", "individual", "individuals", "suspect", "suspects", "killer",
                           "killers", "perpetrator", "perpetrators", "shooter", "shooters", "sniper", "snipers",
                           "rioters"})


# Descriptions of the attackers that stand for whoever the text names as the attacker:
# "the gunmen" of a report that blames a named group are that group's gunmen.
# Bandits are a kind of actor of their own (as militiamen are), not a stand-in for a named group.
_STAND_IN_HEADS = (_ATTACKER_NOUNS - {"bandit", "bandits"}) | (_PERSON_NOUNS - {"rioters"}) | frozenset({
    "group", "groups", "force", "fighters", "fighter", "extremists", "extremist", "men", "elements", "cell",
    "gunship", "aircraft", "jets", "plane", "drone", "drones"})


# Office holders: accused when a text blames them ("we hold the governor responsible").
_TITLE_NOUNS = frozenset({"governor", "minister", "president", "chief", "commander", "secretary", "mayor",
                          "general", "colonel", "warlord", "leader", "chairman", "prefect", "sheriff",
                          "commissioner", "administrator"})


_ONE_PERSON = frozenset({"gunman", "attacker", "assailant", "suspect", "shooter", "bomber", "teenager", "man",
                         "woman", "boy", "girl", "youth", "killer", "driver", "perpetrator", "sniper"})


def names_one_person(surface: str) -> bool:
    """ "the gunman", "a 31-year-old man", "A teenager": a description of one attacker."""
    words = surface.lower().split()
    return bool(words) and (words[-1] in _ONE_PERSON or words[-1].endswith("-year-old")) and is_description(surface)
