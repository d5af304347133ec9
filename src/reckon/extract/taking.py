"""Verbs of taking people away: what makes "carried off 40 villagers", "made off with six
travellers", "taking nine girls with them", "took 23 villagers into the forest" and "herded
23 farmers into the bush" abductions.

None of these verbs is a harm word by itself ("carried the wounded", "made a statement",
"took 12 to hospital", "thousands marched to the square"); a particle, a "with" phrase or a
destination makes them one. Counts read the people taken from them, accusations the one
who took them: both ask here, so the two agree on what is an abduction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["CARRY_OFF", "LEAD_OFF", "carries_off", "leads_off", "makes_off_with", "takes_along", "takes_to_hideout"]

# Verbs of taking that mean abduction only with "off" or "away": "carried off 40 people",
# "dragged away five men", "whisked away nine pupils".
CARRY_OFF = frozenset({"carry", "drag", "take", "whisk", "spirit", "lead"})
# Verbs of leading people off under guard: their object, led somewhere, is abducted ("marched
# 30 pupils into the forest"); their subject never is ("thousands marched to the square").
LEAD_OFF = frozenset({"march", "frogmarch", "herd"})
_DESTINATION = frozenset({"into", "to", "off", "away", "towards", "toward"})
_WITH_WHOM = frozenset({"them", "him", "her"})


def carries_off(verb: Token) -> bool:
    """ "carried off", "dragged away", "whisked away": a verb of taking with its particle."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in CARRY_OFF and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("off", "away") for c in verb.children)


def leads_off(verb: Token, led: Token | None = None) -> bool:
    """ "herded 23 farmers into the bush": a verb of leading with an object and a destination
    (the parser may hang the destination on the object)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in LEAD_OFF:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] if led is None else [led]
    return bool(objects) and any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in _DESTINATION
                                 for c in (*verb.children, *objects[0].children))


# Where captors take people: "took 23 villagers into the forest", "to their camp"; not "to
# hospital", "into custody" (harm.tsv reads those).
_HIDEOUTS = frozenset({"forest", "bush", "jungle", "hills", "mountains", "captivity", "hideout", "hideouts", "den",
                       "enclave", "wilderness"})
_TAKE = frozenset({"take", "drive", "carry", "drag", "lead", "force"})


def takes_to_hideout(verb: Token, led: Token | None = None) -> bool:
    """ "took 23 villagers into the forest": a verb of taking whose destination is where
    captors hold people (the parser may hang the destination on the object)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _TAKE:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] if led is None else [led]
    return bool(objects) and any(
        c.dep_ == "prep" and c.lower_ in ("into", "to", "towards", "toward")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in _HIDEOUTS for g in c.children)
        for c in (*verb.children, *objects[0].children))


def makes_off_with(verb: Token) -> bool:
    """ "made off with 14 travellers", "made away with six": the people are the "with" object."""
    children = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "prep")}
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "make" and "with" in children \
        and bool(children & {"off", "away"})


def takes_along(verb: Token) -> bool:
    """ "taking with them seven young men", "taking five nurses with them": taken along by
    the doers, who leave."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "take" and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and g.lower_ in _WITH_WHOM for g in c.children)
        for c in verb.children)
