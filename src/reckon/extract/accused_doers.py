"""The doers of a violence verb: its subject and its "by" agent, and who stands behind them.

The active subject of a harm verb ("gunmen stormed the college"), unless it is a victim, a
responder to the attackers, an event or a weapon; a relative clause's antecedent ("the gunman
who shot 12"); a group speaking of its own deed ("the Front said it carried out the attack",
"said its fighters had killed 23"); the "by" agent of a passive; who sent, paid or led the
doers ("gunmen hired by X"); and the forces sent by one who wields them ("sent in the army,
killing 300"). Support verbs ("staged", "carried out") accuse only when what they carry out is
an attack. This is the largest single reading of ``accusations`` and one idea: a verb's doer.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from reckon.extract.accused_blame import _INSTRUMENTS, _denied
from reckon.extract.accused_descriptions import FORCE_NOUNS
from reckon.extract.accused_phrase import (
    AccusedMention,
    _EVENT_NOUNS,
    _MEMBER_NOUNS,
    _is_event,
    _is_time,
    _mention,
    _mentions,
    _names_an_actor,
    _names_attackers,
    _prep_objects,
    _responds_to_attackers,
    _subject_of,
)
from reckon.extract.accused_weapons import agent_mentions, instrument_owner, is_weapon
from reckon.extract.lexicon import load_reporting_verbs
from reckon.extract.taking import CARRY_OFF

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["SENDER_VERBS", "SPOKESMEN", "own_fighters", "verb_agents"]


_STORM_VERBS = frozenset({"storm", "raid", "assault", "launch", "attack", "besiege", "overrun", "enter"})


# Verbs that do no harm themselves: their subject is accused only when what they carry out is
# an attack ("militants staged a raid"; not "police conducted an inquiry").
_SUPPORT_VERBS = frozenset({"carry", "conduct", "launch", "plan", "stage", "perpetrate", "mount", "commit",
                            "orchestrate", "mastermind", "order"})


SPOKESMEN = frozenset({"leader", "spokesman", "spokesperson", "spokeswoman", "commander", "chief", "head",
                       "founder", "emir"})


# Who stands behind the attackers: "sent by X", "led by X", "commanded by X".
SENDER_VERBS = frozenset({"send", "dispatch", "lead", "command", "direct", "order", "hire", "pay", "arm", "train",
                          "recruit", "employ"})


# Words that make an attack noun a record of many ("several attacks", "previous raids").
_MANY = frozenset({"several", "many", "numerous", "previous", "past", "countless", "multiple", "repeated",
                   "frequent", "similar", "other", "dozens", "scores", "hundreds"})


_OWN_PEOPLE = frozenset({"fighters", "men", "members", "forces", "militants", "units", "commandos", "mujahideen",
                         "soldiers", "cadres", "guerrillas"})


def own_fighters(verb: Token) -> Iterator[AccusedMention]:
    """ "The X said its fighters had killed 23 soldiers", "a commander of X said its men stormed
    the post": a group that tells of its own fighters' harm claims it (self-claimed)."""
    if _denied(verb):
        return
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
        verb = verb.head  # "said its fighters had punished the post and killed 23": one subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in _OWN_PEOPLE or verb.dep_ != "ccomp" or not any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subject.children):
        return
    speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or verb.head.lemma_.lower() not in load_reporting_verbs():
        return
    if speaker.pos_ == "PROPN":
        yield from _mentions(speaker, anchor=verb, self_claimed=True)
        return
    if speaker.lemma_.lower() not in SPOKESMEN:
        return
    # "a commander of the Front's armed wing, the Units,": the name set beside the speaker or
    # the body he speaks for
    named = [c for c in speaker.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    named = named or [p for c in speaker.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                      for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    named = named or [c for c in speaker.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    for group in named[:1]:
        yield from _mentions(group, anchor=verb, self_claimed=True)


def verb_agents(token: Token, lemma: str, sent: SpacySpan, nouns: frozenset[str]) -> Iterator[AccusedMention]:
    if lemma == "carry" and not any(c.lower_ in ("out", "off", "away") for c in token.children):
        return
    if _denied(token):
        return
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    carried_off = lemma in CARRY_OFF and any(c.lower_ in ("off", "away") for c in token.children)
    if lemma in _SUPPORT_VERBS and not carried_off:  # "carried off 40 villagers" is itself the harm
        # Only an attack carried out accuses: "staged a raid", "the attack was carried out by X".
        carried = objects if not passive else [c for c in token.children if c.dep_ == "nsubjpass"]
        if not carried and token.dep_ == "relcl":
            carried = [token.head]  # "the attack that X carried out"
        elif not carried and token.dep_ == "acl" and token.head.lemma_.lower() != "operation":
            # "an airstrike carried out by X"; not "a search operation conducted by the army",
            # which is how forces answer an attack
            carried = [token.head]
        if not any(_is_event(c, nouns) and not _is_response(c) for c in carried):
            return
        if all(any(m.lower_ in _MANY for m in c.children) for c in carried):
            return  # "the Front, which has carried out several attacks in the region": its record
    # Those who kill or capture the attackers are not accused of the attack ("killed 15 of the
    # attackers"; "repelled the attackers, killing four of them").
    if token.dep_ in ("advcl", "conj") and any(c.lower_ in ("them", "they") for o in objects for c in o.subtree):
        objects = objects + [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
    if any(_names_attackers(c) for c in objects) or (
            passive and any(_names_attackers(c) for c in token.children if c.dep_ == "nsubjpass")):
        return
    # "a boy shot in the back": a participle without an auxiliary describes its noun's fate,
    # and so does a harm that lands on a body part with no object ("X shot in the head").
    # A "VBN" with a subject of its own is a past tense the tagger misread ("the hired guns
    # fired on the crowd"), not a participle.
    bare_participle = not objects and (
        token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in token.children)
        or any(p.lower_ in _BODY_PARTS for p in _prep_objects(token, ("in", "through"))))
    if not passive and not bare_participle:
        subject = _subject_of(token)
        if subject is not None:
            yield from _senders(subject, anchor=token)
            if subject.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                subject = token.head  # "the gunman who shot 12 worshippers": the antecedent
                if subject.lemma_.lower() in nouns or subject.lemma_.lower() in _EVENT_NOUNS:
                    return  # "the attack, which killed 51": an event, not a doer
                event = subject.head.head if subject.dep_ == "pobj" and subject.head.dep_ == "prep" else None
                if event is not None and (event.lemma_.lower() in nouns or event.lemma_.lower() in _EVENT_NOUNS):
                    return  # "the attack on Wessel, which killed nine": the attack, not the place it hit
                if _is_time(subject):
                    return  # "61 attacks since January 2024, which killed 402": the attacks, not the month
                if subject.dep_ == "ROOT":
                    # "A militia that had attacked the village returned": the parser made the
                    # antecedent the root; its own words end where the clause begins
                    tokens = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "punct"]
                    if tokens and _names_an_actor(tokens):
                        yield _mention(tokens, anchor=token)
                    return
            if lemma in _STORM_VERBS and _responds_to_attackers(subject, sent):
                return
            if _is_event(subject, nouns):
                return  # "the militia attack killed 30": the attack noun's own words say by whom
            if subject.lower_ in _INSTRUMENTS or subject.lemma_.lower() in _INSTRUMENTS:
                yield from instrument_owner(subject, anchor=token)
            elif subject.lower_ == "those" and token.dep_ != "relcl" and any(
                    c.dep_ == "relcl" and (c.tag_ == "VBD" or any(a.tag_ == "VBD" for a in c.children if a.dep_ == "aux"))
                    for c in subject.children):
                # "those who were on the barricade began firing": people the text describes by
                # where they were (not "those who attack markets are criminals", a generality)
                tokens = [t for t in subject.subtree if t.dep_ != "punct" or t.text == "-"]
                yield _mention(tokens, anchor=token)
            elif (subject.lower_ in ("it", "we", "they") or _own_men(subject)) and token.dep_ == "ccomp" \
                    and token.head.lemma_.lower() in load_reporting_verbs():
                # "the Front said it carried out the attack": a claim of the speaker's own deed
                speaker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
                if speaker is not None and speaker.lemma_.lower() in SPOKESMEN | {"statement", "spokesperson"}:
                    # "the Front's spokesman said they ...": the Front
                    speaker = next((c for c in speaker.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if speaker is not None and speaker.pos_ != "PRON":
                    yield from _mentions(speaker, anchor=token.head, self_claimed=True)
            elif token.dep_ == "xcomp" and token.head.lemma_.lower() in ("claim", "boast", "brag") \
                    and any(t.pos_ == "PROPN" for t in subject.subtree):
                # (a description, "the militia claimed to have ...", is left to name its claimant
                # from the sentences around it)
                # "the Front claimed to have killed 30 soldiers": its own word on its deed, a
                # claim of the attack rather than a report of who was seen doing it
                yield from _mentions(subject, anchor=token.head, self_claimed=True)
            else:
                yield from _mentions(subject, anchor=token)
    for child in token.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from agent_mentions(pobj, anchor=token)
    if token.dep_ in ("advcl", "xcomp") and token.head.lemma_.lower() in _WIELD_VERBS:
        # "the colonels sent in the army, killing 300": the forces they sent did it too.
        for obj in token.head.children:
            if obj.dep_ in ("dobj", "obj") and obj.lower_ in FORCE_NOUNS:
                yield from _mentions(obj, anchor=token)
    elif token.dep_ == "conj" and token.head.lemma_.lower() in _WIELD_VERBS - {"use", "order"} and any(
            c.dep_ == "nsubj" and c.lower_ == "they" for c in token.children):
        # "the regime sent its police, its soldiers and its thugs against the villagers, and
        # they shot them down": "they" are the ones sent, and whoever sent them is accused too.
        # (people or forces: "sent a letter to the elders, and they ..." speaks of the elders)
        sent_ones = [one for obj in token.head.children if obj.dep_ in ("dobj", "obj") for one in (obj, *obj.conjuncts)
                     if one.pos_ == "NOUN" and (one.lower_ in FORCE_NOUNS or one.tag_ == "NNS")
                     and not is_weapon(one) and not _is_event(one, nouns)]
        sender = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if sent_ones and sender is not None and sender.pos_ != "PRON":
            yield from _mentions(sender, anchor=token)
        for sent_one in sent_ones:
            yield _mention([t for t in sent_one.subtree if t.i <= sent_one.i and t.dep_ != "punct"], anchor=token)


def _own_men(subject: Token) -> bool:
    """ "its fighters", "our men": the speaker's own people, in "the Front said its fighters
    had attacked the base", a claim of the speaker's deed."""
    return subject.lower_ in _MEMBER_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in subject.children)


_WIELD_VERBS = frozenset({"use", "deploy", "send", "unleash", "order", "dispatch"})
# Operations that answer an attack: "the army launched a vast combing operation".
_RESPONSE_WORDS = frozenset({"search", "rescue", "combing", "clearing", "clearance", "pursuit", "mop-up", "mopping",
                             "security", "relief", "evacuation", "humanitarian", "recovery", "manhunt"})


def _is_response(event: Token) -> bool:
    return event.lemma_.lower() == "operation" and any(
        c.lower_ in _RESPONSE_WORDS for c in event.children if c.i < event.i)


def _senders(subject: Token, *, anchor: Token) -> Iterator[AccusedMention]:
    """ "Gunmen hired by the Vell family killed nine": who sent, paid or led the doers is
    accused with them."""
    for verb in subject.children:
        if verb.dep_ != "acl":
            continue
        for sender in (verb, *verb.conjuncts):
            if sender.lemma_.lower() not in SENDER_VERBS:
                continue
            for agent in sender.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            yield from _mentions(pobj, anchor=anchor, agent_slot=True)


_BODY_PARTS = frozenset({"back", "head", "chest", "leg", "legs", "arm", "arms", "stomach", "neck", "face",
                         "abdomen", "shoulder", "foot", "feet", "hand", "eye", "thigh", "side", "heart"})
