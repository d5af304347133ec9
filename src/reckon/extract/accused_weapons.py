"""Harm done with a weapon or by a deed that is not itself a violence verb, and who did it.

Whether a verb does harm beyond the violence vocabulary ("planted a bomb", "opened fire", "set
fire to", "used live ammunition", "dropped bombs", "carried off 40 people"); whether a word
names a weapon or missile ("stones thrown by rioters"); and who fired a weapon named as the
doer or the agent ("army shelling killed 12", "killed by sniper bullets", "bombs dropped from a
government aircraft"). One idea: weapons and the deeds done with them, read apart from the
subject-and-agent reading of ``accused_doers`` and ``accusations`` that relies on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reckon.extract.accused_blame import _INSTRUMENTS
from reckon.extract.accused_phrase import (
    AccusedMention,
    _is_place_only,
    _is_time,
    _mention,
    _mentions,
    _names_a_force,
    _prep_objects,
)
from reckon.extract.taking import CARRY_OFF, leads_off, makes_off_with, takes_along, takes_to_hideout

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

__all__ = ["agent_mentions", "instrument_owner", "is_harm_verb", "is_weapon"]


_DEVICES = frozenset({"bomb", "bombs", "mine", "mines", "landmine", "landmines", "explosive", "explosives",
                      "device", "devices", "ied", "ieds", "charge", "charges"})


def is_harm_verb(token: Token, lemma: str, verbs: frozenset[str]) -> bool:
    if lemma in verbs:
        return token.pos_ == "VERB"
    children = {c.lower_ for c in token.children}
    if lemma in ("plant", "place", "set", "lay", "hide") and (any(
            c.dep_ in ("dobj", "obj", "nsubjpass") and c.lower_ in _DEVICES for c in token.children)
            or token.dep_ == "acl" and token.head.lower_ in _DEVICES):
        return True  # "the mine was planted by X", "X planted a bomb", "a bomb planted by X"
    if lemma == "open" and "fire" in children:
        return True
    if lemma == "set" and "fire" in children and any(c.lower_ == "to" for c in token.children):
        return True  # "militiamen set fire to the houses"
    if lemma == "spray" and any(is_weapon(p) for p in _prep_objects(token, ("with",))):
        return True  # "gunmen sprayed the market with bullets"
    if lemma == "use" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _LETHAL_MEANS for c in token.children):
        return True  # "police used live ammunition against the protesters"
    if lemma in _DELIVER_VERBS and any(c.dep_ in ("dobj", "obj", "nsubjpass") and is_weapon(c) for c in token.children):
        return True  # "the aircraft dropped four bombs on the market", "rockets were lobbed by X"
    if lemma == "hit" and any(is_weapon(c) for c in token.children if c.dep_ in ("nsubj", "csubj")) or any(
            is_weapon(p) for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"):
        return lemma == "hit"  # "the market was hit by bombs dropped from X", "a shell hit the school"
    if lemma in CARRY_OFF and children & {"off", "away"}:
        return True  # "37 others were taken away by armed men", "bandits carried off 40 people"
    if leads_off(token) or makes_off_with(token) or takes_along(token) or takes_to_hideout(token):
        return True  # "herded 23 farmers into the bush", "made off with six", "taking nine with them"
    # "two bombers blew themselves up", "the attacker detonated a vest"
    return (lemma == "blow" and "up" in children) or lemma == "detonate"


# Verbs that deliver a weapon: their subject is who used it ("dropped bombs", "lobbed shells").
_DELIVER_VERBS = frozenset({"drop", "lob", "hurl", "throw", "rain"})


# Ways of sending a missile at someone: "stones thrown by X", "shots fired by Y".
_DELIVERY = _DELIVER_VERBS | {"fire", "launch", "shoot"}


# What a force "used" that says it shot: "used live ammunition", "used live rounds".
_LETHAL_MEANS = frozenset({"ammunition", "round", "rounds", "bullet", "bullets", "firearm", "firearms", "gun", "guns",
                           "weapon", "weapons", "gunfire"})


def is_weapon(token: Token) -> bool:
    return token.lower_ in _INSTRUMENTS or token.lemma_.lower() in _INSTRUMENTS or token.lower_ in _DEVICES \
        or _thrown_by_someone(token)


def _thrown_by_someone(token: Token) -> bool:
    """ "stones thrown by rioters", "bottles hurled by the mob": anything is a missile once
    the text says who threw or fired it."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in _DELIVERY and any(a.dep_ == "agent" for a in c.children)
               for c in token.children)


def agent_mentions(pobj: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "by gunmen": the gunmen; "by sniper bullets", "by army shelling": who fired them."""
    if pobj.lower_ in _INSTRUMENTS or pobj.lemma_.lower() in _INSTRUMENTS or _thrown_by_someone(pobj):
        # "struck by stones thrown by rioters": whatever was thrown or fired, who threw it
        yield from instrument_owner(pobj, anchor=anchor)
    else:
        yield from _mentions(pobj, anchor=anchor)


def instrument_owner(subject: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "army shelling killed 12", "police bullets killed 3": who fires the weapon; "bombs
    dropped from a government aircraft", "shells fired by the army": who the text says
    fired it."""
    following = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    # "bombs dropped from X": the parser may hang the participle elsewhere; right after the
    # weapon, it still says who delivered it.
    stray = [following] if following is not None and following.tag_ in ("VBN", "VBD") and following.head.i != subject.i \
        and not any(c.dep_ in ("dobj", "obj", "nsubj", "nsubjpass") for c in following.children) else []
    for child in (*subject.children, *stray):
        if (child.dep_ == "acl" or child in stray) and child.lemma_.lower() in _DELIVERY:
            for prep in child.children:
                if prep.dep_ == "agent" or prep.dep_ == "prep" and prep.lower_ == "from":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=anchor, agent_slot=True)
        elif child.dep_ == "poss" and not _is_time(child):
            yield from _mentions(child, anchor=anchor)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < subject.i:
            tokens = [t for t in child.subtree if t.i < subject.i and t.dep_ != "punct"]
            if tokens and _names_a_force(tokens) and not _is_place_only(tokens):
                yield _mention(tokens, anchor=anchor)
